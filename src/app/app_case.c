/*
 * app_case.c - a case's file as of any date, recording what was done, attaching documents,
 * the daily sweep for missed instalments, and the lawsuit amount from the ledger
 * (docs/cases.md, docs/case-registers.md; app.h "cases and their registers"). The rules
 * come from core: the state machine (case.h), plans (plan.h), deadlines (ladder.h), rewards
 * (policy.h); the store reads and writes the rows.
 */
#include "app_int.h"
#include "thuno/app.h"

#include <stdlib.h>
#include <string.h>

#include "thuno/explain_out.h"
#include "thuno/case_register_store.h"
#include "thuno/case_store.h"
#include "thuno/ladder.h"
#include "thuno/mem.h"
#include "thuno/policy.h"
#include "thuno/store.h"

/* app->now's day, or as_of's when given */
static tn_day day_of(const struct tn_app *app, const char *as_of)
{
    char d[TN_DAY_BUFSZ];
    tn_day out = 0;
    snprintf(d, sizeof d, "%.10s", as_of ? as_of : app->now);
    (void)tn_day_parse(d, &out);
    return out;
}

static tn_err store_fail(struct tn_app *app, tn_err err)
{
    if (err == TN_ERR_STORE)
        return tn__app_fail(app, err, "%s", tn_store_errmsg(app->store));
    return err;
}

void tn_case_view_init(struct tn_case_view *v)
{
    memset(v, 0, sizeof *v);
    tn_case_init(&v->c);
    v->deadline_day = -1;
}

void tn_case_view_release(struct tn_case_view *v)
{
    free(v->events);
    free(v->payments);
    free(v->plan);
    free(v->marks);
    free(v->attachments);
    free(v->regs);
    for (size_t i = 0; i < v->nassets; i++)
        free(v->assets[i].acts);
    free(v->assets);
    for (size_t i = 0; i < v->norders; i++)
        free(v->orders[i].replies);
    free(v->orders);
    free(v->tips);
    free(v->branches);
    free(v->checklist);
    tn_case_view_init(v);
}

/* Is one of the '|'-separated requirements met by the case's events or attachments? */
static int requirement_met(const char *requires, const struct tn_case_event_row *ev, size_t n,
                           const struct tn_case_attachment_row *att, size_t natt)
{
    const char *s = requires;
    while (*s) {
        size_t len = strcspn(s, "|");
        char alt[64];
        snprintf(alt, sizeof alt, "%.*s", (int)len, s);
        s += len + (s[len] == '|');
        enum tn_case_event e;
        if (strncmp(alt, "event:", 6) == 0 && !tn_case_event_parse(alt + 6, &e)) {
            for (size_t i = 0; i < n; i++)
                if (ev[i].step.event == e)
                    return 1;
        } else if (strncmp(alt, "attachment:", 11) == 0) {
            for (size_t i = 0; i < natt; i++)
                if (strcmp(att[i].kind, alt + 11) == 0)
                    return 1;
        }
    }
    return 0;
}

/* The checklist of every stage the case can take next (policy/checklist.csv). */
static void checklist(const struct tn_policy *pol, struct tn_case_view *v)
{
    size_t n = (size_t)v->c.events;
    v->checklist = tn_xmalloc((pol->nchecklist + 1) * sizeof *v->checklist);
    for (int e = 0; e < TN_CASE_EV_COUNT; e++) {
        if (!tn_case_allows(&v->c, (enum tn_case_event)e))
            continue;
        for (size_t i = 0; i < pol->nchecklist; i++) {
            const struct tn_checklist_item *it = &pol->checklist[i];
            if (it->stage != (enum tn_case_event)e)
                continue;
            v->checklist[v->nchecklist++] = (struct tn_case_check_line){
                it->stage, it->item, it->requires,
                requirement_met(it->requires, v->events, n, v->attachments, v->nattachments)};
        }
    }
}

/* the ledger's claim for unit as known at as_of: the latest closed balance; *found 0 when
 * nothing was closed by then */
static tn_err ledger_claim(struct tn_store *s, const char *unit, const char *as_of,
                           struct tn_explain *e, int *found)
{
    tn_period p;
    tn_err err = tn_store_latest_closed(s, unit, as_of, &p);
    *found = 0;
    if (err == TN_ERR_NOT_FOUND)
        return TN_OK;
    if (!err)
        err = tn_store_explain(s, NULL, unit, p, as_of, e); /* its callers check the scope */
    if (err == TN_ERR_NOT_FOUND)
        return TN_OK;
    *found = !err;
    return err;
}

/* the case's latest lawsuit_filed event: *filed 1 with its day and amount when it has an
 * amount, else 0 */
static void latest_filing(const struct tn_case_event_row *ev, size_t n, int *filed, tn_day *day,
                          tn_money *amount)
{
    tn_money m = -1;
    for (size_t i = 0; i < n; i++)
        if (ev[i].step.event == TN_CASE_EV_LAWSUIT_FILED) {
            m = ev[i].step.amount;
            *day = ev[i].step.day;
        }
    *filed = m >= 0;
    *amount = m;
}

/* The plan judged on v->today with the payments that count (not reversed). */
static void judge_plan(struct tn_case_view *v)
{
    struct tn_plan_payment *pp = tn_xmalloc(v->npayments * sizeof *pp + 1);
    size_t npp = 0;
    for (size_t i = 0; i < v->npayments; i++)
        if (!v->payments[i].reversed)
            pp[npp++] = (struct tn_plan_payment){v->payments[i].paid_on, v->payments[i].amount};
    v->plan_judged = tn_plan_status(v->plan, v->nplan, pp, npp, v->today, &v->plan_status) == TN_OK;
    free(pp);
    if (!v->plan_judged)
        return;
    const struct tn_plan_status *st = &v->plan_status;
    v->marks = tn_xmalloc(v->nplan * sizeof *v->marks + 1);
    for (size_t i = 0; i < v->nplan; i++)
        v->marks[i] = i < st->met                        ? TN_CASE_INST_MET
                      : st->defaulted && i == st->missed ? TN_CASE_INST_MISSED
                      : v->plan[i].due >= v->today       ? TN_CASE_INST_DUE
                                                         : TN_CASE_INST_PAST;
}

/* the latest row of register reg (by day, then number), of ref when by_ref: the one in force;
 * NULL when none. *count is how many there are. */
static const struct tn_case_reg_row *latest(const struct tn_case_reg_row *r, size_t n,
                                            enum tn_case_reg reg, long ref, int by_ref,
                                            size_t *count)
{
    const struct tn_case_reg_row *best = NULL;
    *count = 0;
    for (size_t i = 0; i < n; i++) {
        if (r[i].reg != reg || (by_ref && r[i].ref != ref))
            continue;
        ++*count;
        if (!best || r[i].day > best->day || (r[i].day == best->day && r[i].no > best->no))
            best = &r[i];
    }
    return best;
}

/* rows by day, then as recorded */
static int by_day(const void *a, const void *b)
{
    const struct tn_case_reg_row *x = *(const struct tn_case_reg_row *const *)a,
                                 *y = *(const struct tn_case_reg_row *const *)b;
    if (x->day != y->day)
        return (x->day > y->day) - (x->day < y->day);
    return strcmp(x->known_at, y->known_at);
}

/* The assets in the creditor's seizure order in force (the designated ones in their order,
 * then the others by number), each with its verifications and measures by day. */
static void assets(struct tn_case_view *v)
{
    const struct tn_case_reg_row *r = v->regs;
    size_t n = v->nregs, cnt;
    long order[64];
    size_t norder = 0;
    char why[160];
    v->priority = latest(r, n, TN_CASE_REG_PRIORITY, 0, 0, &cnt);
    if (v->priority &&
        tn_case_priority_parse(v->priority->detail, order, 64, &norder, why, sizeof why))
        norder = 0;
    v->assets = tn_xcalloc(n + 1, sizeof *v->assets);
    for (size_t rank = 0; rank <= norder; rank++) {
        for (size_t i = 0; i < n; i++) {
            if (r[i].reg != TN_CASE_REG_ASSET ||
                tn_case_priority_rank(order, norder, r[i].no) != rank)
                continue;
            struct tn_case_asset_view *a = &v->assets[v->nassets++];
            a->asset = &r[i];
            a->place = rank < norder ? rank + 1 : 0;
            a->acts = tn_xmalloc((n + 1) * sizeof *a->acts);
            for (size_t j = 0; j < n; j++)
                if ((r[j].reg == TN_CASE_REG_VERIFICATION || r[j].reg == TN_CASE_REG_MEASURE) &&
                    r[j].ref == r[i].no)
                    a->acts[a->nacts++] = &r[j];
            tn_sort(a->acts, a->nacts, sizeof *a->acts, by_day);
        }
    }
}

/* Each forced-deduction order with its replies, what they deducted and the reply in force. */
static void orders(struct tn_case_view *v)
{
    const struct tn_case_reg_row *r = v->regs;
    size_t n = v->nregs, cnt;
    v->orders = tn_xcalloc(n + 1, sizeof *v->orders);
    for (size_t i = 0; i < n; i++) {
        if (r[i].reg != TN_CASE_REG_BANK_ORDER)
            continue;
        struct tn_case_order_view *o = &v->orders[v->norders++];
        o->order = &r[i];
        o->replies = tn_xmalloc((n + 1) * sizeof *o->replies);
        for (size_t j = 0; j < n; j++) {
            if (r[j].reg != TN_CASE_REG_BANK_REPLY || r[j].ref != r[i].no)
                continue;
            o->replies[o->nreplies++] =
                (struct tn_case_reply_view){&r[j], (int)(r[j].day - r[i].day)};
            o->deducted += r[j].amount;
        }
        o->last = latest(r, n, TN_CASE_REG_BANK_REPLY, r[i].no, 1, &cnt);
    }
}

/* Each tip with its result and the reward owed once it has one (policy/tip_reward.csv). */
static tn_err tips(struct tn_app *app, struct tn_case_view *v)
{
    const struct tn_case_reg_row *r = v->regs;
    v->tips = tn_xcalloc(v->nregs + 1, sizeof *v->tips);
    for (size_t i = 0; i < v->nregs; i++) {
        if (r[i].reg != TN_CASE_REG_TIP)
            continue;
        struct tn_case_tip_view *t = &v->tips[v->ntips++];
        t->tip = &r[i];
        t->reward = -1;
        for (size_t j = 0; j < v->nregs; j++)
            if (r[j].reg == TN_CASE_REG_TIP_RESULT && r[j].ref == r[i].no)
                t->result = &r[j];
        if (!t->result)
            continue;
        tn_err err = tn_policy_tip_reward(app->policy, t->result->day, t->result->amount,
                                          &t->reward, &t->rule);
        if (err) {
            char d[TN_DAY_BUFSZ];
            tn_day_format(t->result->day, d);
            return tn__app_fail(app, err, "tip %ld: no reward rule for %s (policy/tip_reward.csv)",
                                r[i].no, d);
        }
    }
    return TN_OK;
}

/* What the registers say as of the view's time: the agent in force, the assets, the orders
 * and the tips. */
static tn_err registers(struct tn_app *app, struct tn_case_view *v)
{
    v->agent = latest(v->regs, v->nregs, TN_CASE_REG_AGENT, 0, 0, &v->nagents);
    assets(v);
    orders(v);
    return tips(app, v);
}

/* The ledger's claim at filing, as known on the filing day. */
static tn_err filed_claim(struct tn_app *app, struct tn_case_view *v)
{
    latest_filing(v->events, (size_t)v->c.events, &v->filed, &v->filed_on, &v->filed_amount);
    char day[TN_DAY_BUFSZ], at[20];
    if (!v->filed)
        return TN_OK;
    tn_day_format(v->filed_on, day);
    if (tn_report_as_of(day, at))
        return TN_OK;
    struct tn_explain e;
    tn_explain_init(&e);
    tn_err err = ledger_claim(app->store, v->unit_code, at, &e, &v->filed_claim_found);
    if (!err && v->filed_claim_found) {
        v->filed_balance = e.balance;
        tn_aging_debt(e.balance.principal_overdue, e.balance.principal_due, e.balance.interest_due,
                      &v->filed_debt);
    }
    tn_explain_release(&e);
    return store_fail(app, err);
}

tn_err tn_app_case_show(struct tn_app *app, const struct tn_scope *scope, const char *case_id,
                        const char *as_of, struct tn_case_view *out)
{
    struct tn_case_view *v = out;
    app->why[0] = '\0';
    struct tn_scope sc;
    tn_err err = tn__app_scope(app, scope, &sc);
    if (err)
        return err;
    scope = &sc;
    snprintf(v->case_id, sizeof v->case_id, "%s", case_id);
    snprintf(v->as_of, sizeof v->as_of, "%s", as_of ? as_of : app->now);
    v->today = day_of(app, as_of);
    if ((err = tn_store_case_events(app->store, case_id, as_of, &v->events, &v->nevents)))
        return store_fail(app, err);
    if (!v->nevents)
        return tn__app_fail(app, TN_ERR_NOT_FOUND, "no case %s%s%s", case_id,
                            as_of ? " as of " : "", as_of ? as_of : "");
    snprintf(v->unit_code, sizeof v->unit_code, "%s", v->events[0].unit_code);
    if ((err = tn__app_unit_in_scope(app, scope, v->unit_code, as_of)))
        return err;
    v->replay_failed = tn_case_replay(&v->c, v->events, v->nevents, v->why, sizeof v->why) != 0;
    if ((err = tn_store_case_payments(app->store, case_id, as_of, &v->payments, &v->npayments)) ||
        (err = tn_store_case_plan(app->store, case_id, as_of, &v->plan, &v->nplan)))
        return store_fail(app, err);
    for (size_t i = 0; i < v->npayments; i++)
        v->recovered += v->payments[i].amount;
    if (v->nplan)
        judge_plan(v);
    struct tn_case_step *steps = tn_xmalloc(v->nevents * sizeof *steps);
    for (size_t i = 0; i < v->nevents; i++)
        steps[i] = v->events[i].step;
    tn_ladder_deadline(app->policy, steps, (size_t)v->c.events, &v->deadline, &v->deadline_day);
    free(steps);
    v->overdue = v->deadline && v->today > v->deadline_day;
    if ((err = tn_store_case_attachments(app->store, case_id, as_of, &v->attachments,
                                         &v->nattachments)) ||
        (err = tn_store_case_regs(app->store, case_id, as_of, &v->regs, &v->nregs)) ||
        (err = tn_store_case_branches(app->store, case_id, as_of, &v->branches, &v->nbranches)))
        return store_fail(app, err);
    if ((err = filed_claim(app, v)) || (err = registers(app, v)))
        return err;
    checklist(app->policy, v);
    return TN_OK;
}

tn_err tn_app_case_record(struct tn_app *app, const struct tn_scope *scope,
                          const struct tn_case_record_args *a, long *seq)
{
    (void)scope; /* a record names its unit; the office cut does not apply to writes yet */
    app->why[0] = '\0';
    if (!a->unit_code || !a->unit_code[0])
        return TN_ERR_USAGE;
    struct tn_case_event_row ev;
    memset(&ev, 0, sizeof ev);
    snprintf(ev.case_id, sizeof ev.case_id, "%s", a->case_id);
    snprintf(ev.unit_code, sizeof ev.unit_code, "%s", a->unit_code);
    snprintf(ev.office, sizeof ev.office, "%s", a->office ? a->office : "");
    snprintf(ev.note, sizeof ev.note, "%s", a->note ? a->note : "");
    snprintf(ev.actor, sizeof ev.actor, "%s", a->actor ? a->actor : "");
    ev.step.event = a->event;
    ev.step.day = a->day;
    ev.step.amount = a->amount;
    const char *outcome = a->outcome ? a->outcome : "";
    if (tn_case_outcome_parse(a->event, outcome, &ev.step.outcome))
        return tn__app_fail(app, TN_ERR_REJECTED, "outcome \"%s\" does not go with %s", outcome,
                            tn_case_event_name(a->event));
    ev.step.office = ev.office;
    char why[512] = "";
    tn_err err = tn_store_case_record(app->store, &ev, app->now, seq, why, sizeof why);
    if (err == TN_ERR_STORE)
        return store_fail(app, err);
    if (err)
        return tn__app_fail(app, TN_ERR_REJECTED, "refused: %s", why);
    return TN_OK;
}

tn_err tn_app_case_attach(struct tn_app *app, const struct tn_scope *scope, const char *case_id,
                          const char *kind, const char *name, FILE *in, const char *actor,
                          char sha256[static 65])
{
    (void)scope;
    app->why[0] = '\0';
    char *buf = NULL;
    size_t n = 0, cap = 0, got;
    do {
        TN_GROW(buf, cap, n + 65536);
        size_t want = cap - n, left = (size_t)TN_ATTACH_MAX + 1 - n;
        got = fread(buf + n, 1, want < left ? want : left, in);
        n += got;
    } while (got > 0 && n <= (size_t)TN_ATTACH_MAX);
    if (ferror(in)) {
        free(buf);
        return tn__app_fail(app, TN_ERR_IO, "cannot read %s", name);
    }
    if (n > (size_t)TN_ATTACH_MAX) {
        free(buf);
        return tn__app_fail(app, TN_ERR_RANGE,
                            "tệp %s lớn hơn %ld MiB / %s is larger than %ld MiB, the largest "
                            "attachment",
                            name, TN_ATTACH_MAX >> 20, name, TN_ATTACH_MAX >> 20);
    }
    tn_err err =
        tn_store_case_attach(app->store, case_id, kind, name, buf, n, app->now, actor, sha256);
    free(buf);
    if (err)
        return tn__app_fail(app, err, "%s", tn_store_errmsg(app->store));
    return TN_OK;
}

void tn_case_sweep_init(struct tn_case_sweep *r)
{
    memset(r, 0, sizeof *r);
}

void tn_case_sweep_release(struct tn_case_sweep *r)
{
    free(r->lines);
    tn_case_sweep_init(r);
}

/* sweep: every mediated case whose plan has a missed instalment gets plan_defaulted, dated
 * the day after the missed due day (plan.h) */
struct sweep_ctx {
    struct tn_app *app;
    struct tn_case_sweep *out;
    size_t cap;
};

static tn_err sweep_row(void *ctx, const struct tn_case_row *r)
{
    struct sweep_ctx *x = ctx;
    if (r->c.state != TN_CASE_ST_MEDIATED || !r->has_plan || !r->plan.defaulted || r->plan.complete)
        return TN_OK;
    struct tn_case_event_row ev;
    memset(&ev, 0, sizeof ev);
    snprintf(ev.case_id, sizeof ev.case_id, "%s", r->case_id);
    snprintf(ev.unit_code, sizeof ev.unit_code, "%s", r->unit_code);
    snprintf(ev.actor, sizeof ev.actor, "thuno case sweep");
    char rem[32], day[TN_DAY_BUFSZ];
    tn_money_format_grouped(r->plan.remainder, rem);
    tn_day_format(r->plan.detected_on - 1, day);
    snprintf(ev.note, sizeof ev.note,
             "instalment %zu due %s missed by %lld; remainder %s due and enforceable",
             r->plan.missed + 1, day, (long long)r->plan.short_by, rem);
    ev.step = (struct tn_case_step){TN_CASE_EV_PLAN_DEFAULTED, r->plan.detected_on,
                                    r->plan.remainder, TN_CASE_OUT_NONE_GIVEN, ""};
    long seq;
    char why[384];
    tn_err err = tn_store_case_record(x->app->store, &ev, x->app->now, &seq, why, sizeof why);
    if (err)
        return tn__app_fail(x->app, err, "%s: %s", r->case_id,
                            err == TN_ERR_STORE ? tn_store_errmsg(x->app->store) : why);
    TN_GROW(x->out->lines, x->cap, x->out->n + 1);
    struct tn_case_sweep_line *l = &x->out->lines[x->out->n++];
    snprintf(l->case_id, sizeof l->case_id, "%s", r->case_id);
    snprintf(l->unit_code, sizeof l->unit_code, "%s", r->unit_code);
    snprintf(l->note, sizeof l->note, "%s", ev.note);
    return TN_OK;
}

tn_err tn_app_case_sweep(struct tn_app *app, const struct tn_scope *scope, tn_day day,
                         struct tn_case_sweep *out)
{
    app->why[0] = '\0';
    if (day >= 0 && day > day_of(app, NULL)) { /* it records: the defaults that happened */
        char d[TN_DAY_BUFSZ];
        tn_day_format(day, d);
        return tn__app_fail(app, TN_ERR_REJECTED,
                            "ngày %s sau hôm nay / --date %s is after today "
                            "(%.10s)",
                            d, d, app->now);
    }
    struct tn_scope sc;
    tn_err err = tn__app_scope(app, scope, &sc);
    if (err)
        return err;
    struct sweep_ctx x = {app, out, 0};
    /* the cases as known now, their plans judged on day */
    err = tn_store_cases(app->store, sc.office, app->policy, app->now, day, sweep_row, &x);
    return err == TN_ERR_STORE && !app->why[0] ? store_fail(app, err) : err;
}

void tn_case_claim_init(struct tn_case_claim *c)
{
    memset(c, 0, sizeof *c);
    tn_explain_init(&c->explain);
}

void tn_case_claim_release(struct tn_case_claim *c)
{
    tn_explain_release(&c->explain);
    tn_case_claim_init(c);
}

tn_err tn_app_case_claim(struct tn_app *app, const struct tn_scope *scope, const char *case_id,
                         tn_day day, struct tn_case_claim *out)
{
    app->why[0] = '\0';
    struct tn_scope sc;
    tn_err err = tn__app_scope(app, scope, &sc);
    if (err)
        return err;
    scope = &sc;
    char d[TN_DAY_BUFSZ];
    if (day >= 0)
        tn_day_format(day, d);
    if (tn_report_as_of(day >= 0 ? d : app->now, out->as_of))
        return tn__app_fail(app, TN_ERR_REJECTED,
                            "ngày không hợp lệ / expected --date YYYY-MM-DD, got \"%s\"",
                            day >= 0 ? d : app->now);
    struct tn_case_event_row *ev = NULL;
    size_t n = 0;
    if ((err = tn_store_case_events(app->store, case_id, NULL, &ev, &n)))
        return store_fail(app, err);
    if (!n) {
        free(ev);
        return tn__app_fail(app, TN_ERR_REJECTED, "không có hồ sơ / no case %s", case_id);
    }
    snprintf(out->case_id, sizeof out->case_id, "%s", case_id);
    snprintf(out->unit_code, sizeof out->unit_code, "%s", ev[0].unit_code);
    latest_filing(ev, n, &out->filed, &out->filed_on, &out->filed_amount);
    free(ev);
    if ((err = tn__app_unit_in_scope(app, scope, out->unit_code, out->as_of)))
        return err;
    int found;
    if ((err = ledger_claim(app->store, out->unit_code, out->as_of, &out->explain, &found)))
        return store_fail(app, err);
    if (!found)
        return tn__app_fail(app, TN_ERR_REJECTED,
                            "đơn vị %s chưa có số dư đã khóa sổ đến %.10s / unit %s has no closed "
                            "balance known by %.10s",
                            out->unit_code, out->as_of, out->unit_code, out->as_of);
    const struct tn_balance_row *b = &out->explain.balance;
    tn_aging_debt(b->principal_overdue, b->principal_due, b->interest_due, &out->debt);
    out->stale = tn_day_period(day_of(app, out->as_of)) > b->period + 1;
    return TN_OK;
}

tn_err tn_app_case_claim_write(const struct tn_case_claim *c, FILE *out)
{
    return tn_explain_write_text(out, &c->explain);
}
