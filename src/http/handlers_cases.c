/*
 * handlers_cases.c - the API's cases (docs/api.md "Cases"): the board by stage, one case's
 * file (tn_app_case_show), recording an event (tn_app_case_record), the register verbs
 * (tn_app_case_fee ... tn_app_case_branch), documents (tn_app_doc) and their checklist. Each
 * handler checks the role (TN_APP_OPS), that the user's scope sees the case
 * (tn_app_case_visible), makes one app call and writes what it gives; every change is audited.
 */
#include "http_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/case_register.h"
#include "thuno/case_register_store.h"
#include "thuno/case_store.h"
#include "thuno/policy.h"
#include "thuno/report.h"

/* ---- shared by the handlers of cases and operations ---- */

json_t *tn__http_row(const struct tn_col *cols, size_t ncols, const struct tn_cell *cells)
{
    json_t *o = json_object();
    for (size_t i = 0; i < ncols; i++) {
        const struct tn_cell *c = &cells[i];
        json_t *v;
        switch (c->type) {
        case TN_CELL_TEXT:
            v = json_string(c->text);
            break;
        case TN_CELL_INT:
            v = json_integer((json_int_t)c->num);
            break;
        case TN_CELL_TENTHS: /* a count of tenths, as the JSON writer prints it: 25 -> 2.5 */
            v = json_real((double)c->num / 10);
            break;
        default:
            v = json_null();
        }
        json_object_set_new(o, cols[i].id, v ? v : json_null());
    }
    return o;
}

int tn__http_audited(struct tn__http_req *q, struct tn__http_reply *r, const char *operation,
                     const char *target, tn_err err, const char *summary)
{
    char why[sizeof q->app->why];
    snprintf(why, sizeof why, "%s", q->app->why);
    /* the change (begun by tn_app_change_begin) commits with its entry, or neither */
    tn_err aerr = tn_app_change_end(q->app, err, q->user.login, operation, target, summary);
    if (err) {
        snprintf(q->app->why, sizeof q->app->why, "%s", why);
        tn__http_error(r, q->app, err);
        return 1;
    }
    if (aerr) {
        tn__http_error(r, q->app, aerr);
        return 1;
    }
    return 0;
}

/* A string field of body: *out the value, NULL when absent or null. 1 when present and not a
 * string (the caller replies 400). */
static int str_field(json_t *body, const char *name, const char **out)
{
    json_t *v = json_object_get(body, name);
    *out = json_is_string(v) ? json_string_value(v) : NULL;
    return v && !json_is_null(v) && !json_is_string(v);
}

/* An integer field of body: *out the value, absent when absent or null. 1 when present and not
 * an integer. */
static int int_field(json_t *body, const char *name, long long absent, long long *out)
{
    json_t *v = json_object_get(body, name);
    *out = json_is_integer(v) ? (long long)json_integer_value(v) : absent;
    return v && !json_is_null(v) && !json_is_integer(v);
}

/* A day field (YYYY-MM-DD): 1 when present and malformed, or required and absent. */
static int day_field(json_t *body, const char *name, int required, tn_day *out)
{
    const char *v;
    *out = -1;
    if (str_field(body, name, &v))
        return 1;
    if (!v)
        return required;
    return strlen(v) != 10 || tn_day_parse(v, out) != TN_OK;
}

static int bad_field(struct tn__http_reply *r, const char *name, const char *expected)
{
    char msg[256];
    snprintf(msg, sizeof msg, "%s sai / %s is wrong: %s", name, name, expected);
    tn__http_fail(r, 400, "bad_request", msg, NULL);
    return 1;
}

/* The role check for op on the case of q (segment 1), then that the user's scope sees it
 * (unit: a new case's unit, NULL: none). 1 when a reply was made. */
static int case_allowed(struct tn__http_req *q, struct tn__http_reply *r, enum tn_app_op op,
                        const char *unit, const char *as_of)
{
    const char *id = q->segs[1];
    tn_err err = tn_app_authorize(q->app, &q->scope, q->user.login, op, id);
    if (!err)
        err = tn_app_case_visible(q->app, &q->scope, id, unit, as_of);
    if (err)
        tn__http_error(r, q->app, err);
    return err != TN_OK;
}

/* The as_of query parameter into buf. 1 when a reply was made (400). */
static int as_of_arg(struct tn__http_req *q, struct tn__http_reply *r, char buf[20],
                     const char **out)
{
    const char *v = tn__http_arg(q, "as_of");
    *out = NULL;
    if (!v)
        return 0;
    if (tn_report_as_of(v, buf))
        return bad_field(r, "as_of", "YYYY-MM-DD[THH:MM:SS]");
    *out = buf;
    return 0;
}

static json_t *day_json(tn_day d)
{
    char buf[TN_DAY_BUFSZ];
    if (d < 0)
        return json_null();
    tn_day_format(d, buf);
    return json_string(buf);
}

static json_t *money_json(tn_money m)
{
    return m < 0 ? json_null() : json_integer((json_int_t)m);
}

static json_t *text_json(const char *s)
{
    return s && *s ? json_string(s) : json_null();
}

/* ---- the board ---- */

struct board {
    const struct tn_col *cols;
    size_t ncols, col_state;
    json_t *by_state[TN_CASE_ST_COUNT];
};

static tn_err board_row(void *ctx, const struct tn_cell *cells)
{
    struct board *b = ctx;
    const char *st = cells[b->col_state].text;
    for (int s = 0; s < TN_CASE_ST_COUNT; s++)
        if (st && strcmp(st, tn_case_state_name((enum tn_case_state)s)) == 0) {
            json_array_append_new(b->by_state[s], tn__http_row(b->cols, b->ncols, cells));
            break;
        }
    return TN_OK;
}

void tn__h_cases(struct tn__http_req *q, struct tn__http_reply *r)
{
    tn_err err = tn_app_authorize(q->app, &q->scope, q->user.login, TN_OP_case_read, "");
    struct tn_scope scope = q->scope;
    if (!err)
        err = tn_app_scope_narrow(q->app, &q->scope, q->user.login, tn__http_arg(q, "office"),
                                  &scope.office);
    if (err) {
        tn__http_error(r, q->app, err);
        return;
    }
    const struct tn_report *rep = tn_app_report("cases");
    struct board b = {rep->cols, rep->ncols, 0, {NULL}};
    while (b.col_state < rep->ncols && strcmp(rep->cols[b.col_state].id, "state") != 0)
        b.col_state++;
    for (int s = 0; s < TN_CASE_ST_COUNT; s++)
        b.by_state[s] = json_array();
    const char *state = tn__http_arg(q, "state");
    struct tn_sink sink = {board_row, NULL, &b};
    err = tn_app_case_board(q->app, &scope, state, &sink);
    json_t *stages = json_array();
    size_t total = 0;
    for (int s = 0; s < TN_CASE_ST_COUNT; s++) {
        const char *name = tn_case_state_name((enum tn_case_state)s);
        if (state && strcmp(state, name) != 0) {
            json_decref(b.by_state[s]);
            continue;
        }
        total += json_array_size(b.by_state[s]);
        json_array_append_new(stages, json_pack("{s:s, s:s, s:I, s:o}", "state", name, "label",
                                                tn_case_state_label((enum tn_case_state)s), "count",
                                                (json_int_t)json_array_size(b.by_state[s]), "cases",
                                                b.by_state[s]));
    }
    if (err) {
        json_decref(stages);
        tn__http_error(r, q->app, err);
        return;
    }
    tn__http_json(r, 200,
                  json_pack("{s:s, s:I, s:o}", "as_of", q->app->now, "total", (json_int_t)total,
                            "stages", stages));
}

/* ---- one case ---- */

static json_t *timeline(const struct tn_case_view *v)
{
    json_t *a = json_array();
    for (size_t i = 0; i < v->nevents; i++) {
        const struct tn_case_event_row *e = &v->events[i];
        json_array_append_new(
            a, json_pack("{s:I, s:o, s:s, s:s, s:o, s:o, s:o, s:o, s:o, s:s, s:b}", "seq",
                         (json_int_t)e->seq, "day", day_json(e->step.day), "event",
                         tn_case_event_name(e->step.event), "label",
                         tn_case_event_label(e->step.event), "amount", money_json(e->step.amount),
                         "outcome", text_json(tn_case_outcome_name(e->step.outcome)), "office",
                         text_json(e->office), "note", text_json(e->note), "actor",
                         text_json(e->actor), "known_at", e->known_at, "replayed",
                         (long)i < v->c.events));
    }
    return a;
}

static json_t *plan(const struct tn_case_view *v)
{
    static const char *const marks[] = {"past", "met", "missed", "due"};
    if (!v->nplan)
        return json_null();
    json_t *inst = json_array();
    for (size_t i = 0; i < v->nplan; i++)
        json_array_append_new(
            inst,
            json_pack("{s:I, s:o, s:I, s:o}", "no", (json_int_t)(i + 1), "due",
                      day_json(v->plan[i].due), "amount", (json_int_t)v->plan[i].amount, "mark",
                      v->plan_judged ? json_string(marks[v->marks[i]]) : json_null()));
    json_t *p = json_pack("{s:o}", "instalments", inst);
    if (v->plan_judged) {
        const struct tn_plan_status *st = &v->plan_status;
        json_object_set_new(p, "status",
                            json_string(st->defaulted  ? "defaulted"
                                        : st->complete ? "complete"
                                                       : "on_track"));
        json_object_set_new(p, "total", json_integer((json_int_t)st->total));
        json_object_set_new(p, "paid", json_integer((json_int_t)st->paid));
        json_object_set_new(p, "remainder", json_integer((json_int_t)st->remainder));
        if (st->defaulted) {
            json_object_set_new(p, "missed", json_integer((json_int_t)st->missed + 1));
            json_object_set_new(p, "detected_on", day_json(st->detected_on));
        }
    }
    return p;
}

static json_t *registers(const struct tn_case_view *v)
{
    json_t *a = json_array();
    for (size_t i = 0; i < v->nregs; i++) {
        const struct tn_case_reg_row *g = &v->regs[i];
        json_array_append_new(
            a,
            json_pack("{s:s, s:I, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:s}", "register",
                      tn_case_reg_name(g->reg), "no", (json_int_t)g->no, "ref",
                      g->ref ? json_integer((json_int_t)g->ref) : json_null(), "day",
                      day_json(g->day), "what", text_json(g->what), "amount", money_json(g->amount),
                      "flag", g->flag < 0 ? json_null() : json_boolean(g->flag), "party",
                      text_json(g->party), "detail", text_json(g->detail), "note",
                      text_json(g->note), "actor", text_json(g->actor), "known_at", g->known_at));
    }
    return a;
}

static json_t *case_json(const struct tn_case_view *v)
{
    const struct tn_case *c = &v->c;
    json_t *att = json_array(), *branches = json_array(), *check = json_array(),
           *pay = json_array();
    for (size_t i = 0; i < v->npayments; i++)
        json_array_append_new(
            pay, json_pack("{s:o, s:s, s:I, s:s}", "day", day_json(v->payments[i].paid_on),
                           "channel", v->payments[i].channel, "amount",
                           (json_int_t)v->payments[i].amount, "txn_id", v->payments[i].txn_id));
    for (size_t i = 0; i < v->nattachments; i++)
        json_array_append_new(att, json_pack("{s:s, s:s, s:I, s:s}", "kind", v->attachments[i].kind,
                                             "name", v->attachments[i].name, "size",
                                             (json_int_t)v->attachments[i].size, "sha256",
                                             v->attachments[i].sha256));
    for (size_t i = 0; i < v->nbranches; i++)
        json_array_append_new(branches,
                              json_pack("{s:s, s:s, s:o}", "unit_code", v->branches[i].unit_code,
                                        "province_code", v->branches[i].province_code, "note",
                                        text_json(v->branches[i].note)));
    for (size_t i = 0; i < v->nchecklist; i++) {
        const struct tn_case_check_line *l = &v->checklist[i];
        json_array_append_new(check, json_pack("{s:s, s:s, s:s, s:b}", "stage",
                                               tn_case_event_name(l->stage), "item", l->item,
                                               "requires", l->requires, "met", l->met));
    }
    json_t *next = json_null();
    if (v->deadline)
        next = json_pack("{s:o, s:s, s:s, s:b}", "date", day_json(v->deadline_day), "by",
                         v->deadline->who, "source", v->deadline->source, "overdue", v->overdue);
    return json_pack("{s:s, s:s, s:s, s:s, s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, "
                     "s:o, s:o, s:o}",
                     "case_id", v->case_id, "unit_code", v->unit_code, "as_of", v->as_of, "state",
                     tn_case_state_name(c->state), "state_label", tn_case_state_label(c->state),
                     "replay_error", v->replay_failed ? json_string(v->why) : json_null(),
                     "claimed", money_json(c->claimed), "settled", money_json(c->settled),
                     "awarded", money_json(c->awarded), "timeline", timeline(v), "payments", pay,
                     "recovered", json_integer((json_int_t)v->recovered), "plan", plan(v),
                     "next_deadline", next, "attachments", att, "registers", registers(v),
                     "branches", branches, "checklist", check);
}

void tn__h_case(struct tn__http_req *q, struct tn__http_reply *r)
{
    char buf[20];
    const char *as_of;
    if (case_allowed(q, r, TN_OP_case_read, NULL, NULL) || as_of_arg(q, r, buf, &as_of))
        return;
    struct tn_case_view v;
    tn_case_view_init(&v);
    tn_err err = tn_app_case_show(q->app, &q->scope, q->segs[1], as_of, &v);
    if (err)
        tn__http_error(r, q->app, err);
    else
        tn__http_json(r, 200, case_json(&v));
    tn_case_view_release(&v);
}

/* ---- recording ---- */

void tn__h_case_event(struct tn__http_req *q, struct tn__http_reply *r)
{
    const char *id = q->segs[1];
    /* the role first: a refusal is audited whatever the body says */
    tn_err err = tn_app_authorize(q->app, &q->scope, q->user.login, TN_OP_case_record, id);
    if (err) {
        tn__http_error(r, q->app, err);
        return;
    }
    json_t *body = tn__http_body(q, r, "{\"event\", \"day\", \"unit\", ...}", "case_event");
    if (!body)
        return;
    struct tn_case_record_args a = {
        .case_id = id, .amount = -1, .outcome = "", .actor = q->user.login};
    const char *event = NULL, *day = NULL;
    long long amount = -1;
    int bad = str_field(body, "event", &event) || str_field(body, "unit", &a.unit_code) ||
              str_field(body, "outcome", &a.outcome) || str_field(body, "office", &a.office) ||
              str_field(body, "note", &a.note) || str_field(body, "day", &day) ||
              int_field(body, "amount", -1, &amount);
    if (!a.outcome)
        a.outcome = "";
    a.amount = amount;
    if (bad) {
        json_decref(body);
        tn__http_fail(r, 400, "malformed",
                      "event, unit, outcome, office, note: chuỗi; amount: số nguyên / strings "
                      "and an integer amount",
                      NULL);
        return;
    }
    if ((err = tn_app_case_visible(q->app, &q->scope, id, a.unit_code, NULL))) {
        json_decref(body);
        tn__http_error(r, q->app, err);
        return;
    }
    if (!event || tn_case_event_parse(event, &a.event)) {
        json_decref(body);
        bad_field(r, "event", "một sự kiện của hồ sơ / a case event (data-formats.md)");
        return;
    }
    if (day_field(body, "day", 1, &a.day)) {
        json_decref(body);
        bad_field(r, "day", "YYYY-MM-DD");
        return;
    }
    long seq = 0;
    err = tn_app_change_begin(q->app);
    if (!err)
        err = tn_app_case_record(q->app, &q->scope, &a, &seq);
    if (err == TN_ERR_USAGE && !q->app->why[0])
        snprintf(q->app->why, sizeof q->app->why, "cần unit / unit is required");
    char summary[160];
    snprintf(summary, sizeof summary, "event %ld %s", seq, event);
    if (!tn__http_audited(q, r, "case.record", id, err, summary))
        tn__http_json(
            r, 201,
            json_pack("{s:s, s:I, s:s}", "case_id", id, "seq", (json_int_t)seq, "event", event));
    json_decref(body);
}

/* A register verb's typed arguments from body, and its app call. */
static tn_err call_register(struct tn__http_req *q, const char *verb, json_t *body,
                            const struct tn_case_reg_base *b, int *bad, long *no)
{
    struct tn_app *app = q->app;
    const struct tn_scope *sc = &q->scope;
    const char *s1 = NULL, *s2 = NULL, *s3 = NULL;
    long long n1 = 0, m1 = -1;
    if (strcmp(verb, "fee") == 0) {
        *bad = int_field(body, "amount", -1, &m1) || str_field(body, "exempt", &s1);
        struct tn_case_fee_args a = {*b, m1, s1};
        return *bad ? TN_OK : tn_app_case_fee(app, sc, &a, no);
    }
    if (strcmp(verb, "hearing") == 0) {
        *bad = str_field(body, "status", &s1) || str_field(body, "court", &s2);
        struct tn_case_hearing_args a = {*b, s1 ? s1 : "", s2};
        return *bad ? TN_OK : tn_app_case_hearing(app, sc, &a, no);
    }
    if (strcmp(verb, "asset") == 0) {
        json_t *p = json_object_get(body, "pledged");
        *bad = str_field(body, "kind", &s1) || str_field(body, "description", &s2) ||
               str_field(body, "holder", &s3) || int_field(body, "value", -1, &m1) ||
               (p && !json_is_null(p) && !json_is_boolean(p));
        struct tn_case_asset_args a = {
            *b, s1 ? s1 : "", s2 ? s2 : "", s3, json_is_boolean(p) ? json_is_true(p) : -1, m1};
        return *bad ? TN_OK : tn_app_case_asset(app, sc, &a, no);
    }
    if (strcmp(verb, "verify") == 0) {
        *bad = int_field(body, "asset", 0, &n1) || str_field(body, "result", &s1) ||
               str_field(body, "by", &s2);
        struct tn_case_verify_args a = {*b, (long)n1, s1 ? s1 : "", s2};
        return *bad ? TN_OK : tn_app_case_verify(app, sc, &a, no);
    }
    if (strcmp(verb, "priority") == 0) {
        *bad = str_field(body, "order", &s1);
        struct tn_case_priority_args a = {*b, s1 ? s1 : ""};
        return *bad ? TN_OK : tn_app_case_priority(app, sc, &a, no);
    }
    if (strcmp(verb, "measure") == 0) {
        *bad = int_field(body, "asset", 0, &n1) || str_field(body, "measure", &s1) ||
               int_field(body, "amount", -1, &m1);
        struct tn_case_measure_args a = {*b, (long)n1, s1 ? s1 : "", m1};
        return *bad ? TN_OK : tn_app_case_measure(app, sc, &a, no);
    }
    if (strcmp(verb, "bank-order") == 0) {
        *bad = str_field(body, "bank", &s1) || int_field(body, "amount", -1, &m1) ||
               str_field(body, "channel", &s2);
        struct tn_case_bank_order_args a = {*b, s1 ? s1 : "", m1, s2};
        return *bad ? TN_OK : tn_app_case_bank_order(app, sc, &a, no);
    }
    if (strcmp(verb, "bank-reply") == 0) {
        *bad = int_field(body, "order", 0, &n1) || str_field(body, "result", &s1) ||
               int_field(body, "amount", -1, &m1);
        struct tn_case_bank_reply_args a = {*b, (long)n1, s1 ? s1 : "", m1};
        return *bad ? TN_OK : tn_app_case_bank_reply(app, sc, &a, no);
    }
    if (strcmp(verb, "tip") == 0) {
        *bad = str_field(body, "informant", &s1) || str_field(body, "asset_text", &s2) ||
               int_field(body, "asset", 0, &n1);
        struct tn_case_tip_args a = {*b, s1 ? s1 : "", s2 ? s2 : "", (long)n1};
        return *bad ? TN_OK : tn_app_case_tip(app, sc, &a, no);
    }
    if (strcmp(verb, "tip-result") == 0) {
        *bad = int_field(body, "tip", 0, &n1) || int_field(body, "recovered", -1, &m1);
        struct tn_case_tip_result_args a = {*b, (long)n1, m1};
        return *bad ? TN_OK : tn_app_case_tip_result(app, sc, &a, no);
    }
    if (strcmp(verb, "agent") == 0) {
        *bad = str_field(body, "agent", &s1) || str_field(body, "office", &s2);
        struct tn_case_agent_args a = {*b, s1 ? s1 : "", s2 ? s2 : ""};
        return *bad ? TN_OK : tn_app_case_agent(app, sc, &a, no);
    }
    /* branch: no day, no number */
    *bad = str_field(body, "unit", &s1) || str_field(body, "province", &s2);
    *no = 0;
    return *bad ? TN_OK
                : tn_app_case_branch(app, sc, b->case_id, s1 ? s1 : "", s2 ? s2 : "", b->note);
}

void tn__h_case_register(struct tn__http_req *q, struct tn__http_reply *r)
{
    static const char *const verbs[] = {"fee",      "hearing",    "asset",      "verify",
                                        "priority", "measure",    "bank-order", "bank-reply",
                                        "tip",      "tip-result", "agent",      "branch"};
    const char *id = q->segs[1], *verb = q->segs[3];
    size_t k = 0;
    while (k < sizeof verbs / sizeof verbs[0] && strcmp(verbs[k], verb) != 0)
        k++;
    if (k == sizeof verbs / sizeof verbs[0]) {
        tn__http_fail(r, 404, "not_found", "không có sổ này / no such register verb", NULL);
        return;
    }
    if (case_allowed(q, r, TN_OP_case_register, NULL, NULL))
        return;
    char spec[32];
    snprintf(spec, sizeof spec, "register:%s", verb);
    json_t *body = tn__http_body(q, r, "{\"day\", ...}", spec);
    if (!body)
        return;
    struct tn_case_reg_base b = {id, -1, NULL, q->user.login};
    const char *day;
    int bad = str_field(body, "note", &b.note) || str_field(body, "day", &day);
    if (!bad && strcmp(verb, "branch") != 0 && day_field(body, "day", 1, &b.day)) {
        json_decref(body);
        bad_field(r, "day", "YYYY-MM-DD");
        return;
    }
    long no = 0;
    tn_err err = bad ? TN_OK : tn_app_change_begin(q->app);
    if (!bad && !err)
        err = call_register(q, verb, body, &b, &bad, &no);
    json_decref(body);
    if (bad) {
        tn__http_fail(r, 400, "malformed",
                      "trường sai kiểu (docs/api.md) / a field of the wrong type (docs/api.md)",
                      NULL);
        return;
    }
    char summary[96];
    snprintf(summary, sizeof summary, "%s no %ld", verb, no);
    if (!tn__http_audited(q, r, "case.register", id, err, summary))
        tn__http_json(
            r, 201,
            json_pack("{s:s, s:s, s:I}", "case_id", id, "register", verb, "no", (json_int_t)no));
}

/* ---- documents ---- */

/* The document request of q's query (date, as_of, to, issuer, place), the issuing office,
 * place and signature from the office settings lh unless given. 1 when a reply was made. */
static int doc_request(struct tn__http_req *q, struct tn__http_reply *r, char as_of[20],
                       const struct tn_letterhead *lh, struct tn_doc_request *req)
{
    const char *v;
    const char *issuer = tn__http_arg(q, "issuer"), *place = tn__http_arg(q, "place");
    *req = (struct tn_doc_request){q->segs[1],
                                   -1,
                                   NULL,
                                   tn__http_arg(q, "to"),
                                   issuer ? issuer : lh->office,
                                   place       ? place
                                   : lh->place ? lh->place
                                               : lh->province,
                                   lh->authority,
                                   lh->title};
    if ((v = tn__http_arg(q, "date")) && (strlen(v) != 10 || tn_day_parse(v, &req->date)))
        return bad_field(r, "date", "YYYY-MM-DD");
    return as_of_arg(q, r, as_of, &req->as_of);
}

void tn__h_case_document(struct tn__http_req *q, struct tn__http_reply *r)
{
    enum tn_doc_kind kind;
    if (case_allowed(q, r, TN_OP_case_document, NULL, NULL))
        return;
    if (tn_doc_kind_parse(q->segs[3], &kind)) {
        tn__http_fail(r, 404, "not_found", "không có loại văn bản này / no such document", NULL);
        return;
    }
    const char *format = tn__http_arg(q, "format");
    if (format && strcmp(format, "pdf") != 0 && strcmp(format, "text") != 0) {
        bad_field(r, "format", "pdf hoặc text / pdf or text");
        return;
    }
    int pdf = !format || strcmp(format, "pdf") == 0;
    char as_of[20], created[20];
    struct tn_doc_request req;
    struct tn_letterhead lh;
    if (tn__http_settings(q, r, &lh))
        return;
    if (doc_request(q, r, as_of, &lh, &req)) {
        tn_letterhead_release(&lh);
        return;
    }
    struct tn_doc d;
    tn_doc_init(&d);
    char *buf = NULL;
    size_t len = 0;
    tn_err err = tn_app_doc(q->app, &q->scope, kind, &req, &d, created);
    if (!err) {
        FILE *f = open_memstream(&buf, &len);
        err = f ? tn_app_doc_write(&d, pdf ? TN_DOC_FORMAT_PDF : TN_DOC_FORMAT_TEXT, created, f)
                : TN_ERR_IO;
        if (f)
            fclose(f);
    }
    tn_doc_release(&d);
    tn_letterhead_release(&lh);
    if (err) {
        free(buf);
        tn__http_error(r, q->app, err);
        return;
    }
    tn__http_bytes(r, pdf ? "application/pdf" : "text/plain; charset=utf-8", buf, len);
}

void tn__h_case_checklist(struct tn__http_req *q, struct tn__http_reply *r)
{
    char as_of[20];
    struct tn_doc_request req;
    static const struct tn_letterhead none; /* the checklist names no issuer */
    if (case_allowed(q, r, TN_OP_case_read, NULL, NULL) || doc_request(q, r, as_of, &none, &req))
        return;
    struct tn_doc_checklist ck;
    tn_err err = tn_app_doc_checklist(q->app, &q->scope, &req, &ck);
    if (err) {
        tn__http_error(r, q->app, err);
        return;
    }
    json_t *docs = json_array();
    for (int k = 0; k < TN_DOC_COUNT; k++) {
        const struct tn_doc_checklist_line *l = &ck.lines[k];
        const struct tn_doc_check *c = &l->check;
        json_t *missing = json_array();
        for (size_t i = 0; i < c->nmissing; i++)
            json_array_append_new(missing, json_string(c->missing[i]));
        json_array_append_new(
            docs,
            json_pack("{s:s, s:s, s:s, s:b, s:o, s:b, s:o, s:o}", "kind", tn_doc_kind_name(l->kind),
                      "label", tn_doc_kind_label(l->kind), "stage",
                      tn_case_event_name(tn_doc_kind_stage(l->kind)), "stage_ok", c->stage_ok,
                      "recorded", day_json(c->recorded), "built", l->built, "missing", missing,
                      "why",
                      !l->built && c->stage_ok && !c->nmissing ? text_json(l->why) : json_null()));
    }
    tn__http_json(r, 200,
                  json_pack("{s:s, s:s, s:s, s:s, s:o, s:o}", "case_id", q->segs[1], "unit_code",
                            ck.unit_code, "state", tn_case_state_name(ck.state), "as_of", ck.as_of,
                            "date", day_json(ck.date), "documents", docs));
}
