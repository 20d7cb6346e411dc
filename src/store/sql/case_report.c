/*
 * case_report.c - the case list and seed 000's litigation statistics (case_store.h;
 * definitions in docs/cases.md). Both replay every case as of the time asked about, so they
 * show what was known then, and agree with `thuno case show`.
 */
#include "store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/case_store.h"
#include "thuno/ladder.h"
#include "thuno/mem.h"
#include "thuno/office.h"

struct ids {
    char (*id)[72];
    size_t n, cap;
};

static tn_err collect(void *ctx, const char *case_id, const char *unit_code)
{
    (void)unit_code;
    struct ids *v = ctx;
    TN_GROW(v->id, v->cap, v->n + 1);
    snprintf(v->id[v->n++], sizeof v->id[0], "%s", case_id);
    return TN_OK;
}

struct unit_facts {
    char type[16], office[32], status[16];
};

/* The unit's type, office and status as known at as_of ("" when unknown). */
static tn_err unit_facts(struct tn__sq *s, const char *unit_code, const char *as_of,
                         struct unit_facts *u)
{
    tn_sql_stmt *st;
    tn_err err = tn__store_cached(
        s,
        "SELECT type, coalesce(office_code, ''), status FROM unit WHERE unit_code = ?1 AND "
        "known_at <= ?2 AND (superseded_at IS NULL OR superseded_at > ?2)",
        &st);
    if (err)
        return err;
    tn_sql_bind_text(st, 1, unit_code, -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 2, as_of, -1, TN_SQL_STATIC);
    memset(u, 0, sizeof *u);
    int rc = tn_sql_step(st);
    if (rc == TN_SQL_ROW) {
        TN__COL_COPY(u->type, st, 0);
        TN__COL_COPY(u->office, st, 1);
        TN__COL_COPY(u->status, st, 2);
    }
    tn_sql_reset(st);
    return rc == TN_SQL_ROW || rc == TN_SQL_DONE ? TN_OK : tn__store_fail(s, "reading a unit");
}

/* One case of the statistics. */
struct lit_case {
    char key[32], unit[32];
    struct tn_case c;
    tn_money rec_mediation, rec_judgment, rec_enforcement, rec_total;
};

static int by_key_unit(const void *a, const void *b)
{
    const struct lit_case *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : strcmp(x->unit, y->unit);
}

static int by_unit(const void *a, const void *b)
{
    return strcmp(((const struct lit_case *)a)->unit, ((const struct lit_case *)b)->unit);
}

/* Adds cases [lo, hi) (one group, sorted by unit) into r: a unit counts once per column. */
static void aggregate(const struct lit_case *v, size_t lo, size_t hi, struct tn_litigation_row *r)
{
    for (size_t i = lo; i < hi;) {
        size_t j = i;
        int mediated = 0, tried = 0, enforce = 0, full = 0, partial = 0, pending = 0;
        for (; j < hi && strcmp(v[j].unit, v[i].unit) == 0; j++) {
            const struct tn_case *c = &v[j].c;
            r->amount_claimed += c->claimed;
            if (c->mediated) {
                mediated = 1;
                r->mediated_amount += c->settled;
            }
            if (c->tried) {
                tried = 1;
                r->tried_amount += c->awarded;
            }
            int enforceable = c->tried || c->defaulted;
            enforce |= enforceable;
            if (enforceable && c->state == TN_CASE_ST_CLOSED) {
                full |= c->closed_outcome == TN_CASE_OUT_FULL;
                partial |= c->closed_outcome == TN_CASE_OUT_PARTIAL;
            }
            pending |= !tn_case_is_over(c);
            r->recovered_mediation += v[j].rec_mediation;
            r->recovered_judgment += v[j].rec_judgment;
            r->recovered_enforcement += v[j].rec_enforcement;
            r->recovered_total += v[j].rec_total;
        }
        r->units_sued++;
        r->mediated_units += mediated;
        r->tried_units += tried;
        r->judgments_to_enforce += enforce;
        r->enforced_full_units += full && !partial ? 1 : 0;
        r->enforced_partial_units += partial ? 1 : 0;
        r->pending_units += pending;
        i = j;
    }
}

static tn_err case_recovered(struct tn__sq *s, const char *case_id, const char *as_of,
                             struct lit_case *lc)
{
    struct tn_case_payment_row *p = NULL;
    size_t n = 0;
    tn_err err = tn__sq_case_payments(s, case_id, as_of, &p, &n);
    if (err)
        return err;
    for (size_t i = 0; i < n; i++) {
        lc->rec_total += p[i].amount;
        if (strcmp(p[i].channel, "mediation") == 0)
            lc->rec_mediation += p[i].amount;
        else if (strcmp(p[i].channel, "judgment") == 0)
            lc->rec_judgment += p[i].amount;
        else if (strcmp(p[i].channel, "enforcement") == 0)
            lc->rec_enforcement += p[i].amount;
    }
    free(p);
    return TN_OK;
}

tn_err tn__sq_litigation(struct tn__sq *s, const char *office, tn_day from, tn_day to,
                         const char *as_of, enum tn_litigation_by by,
                         tn_err (*row)(void *ctx, const struct tn_litigation_row *r), void *ctx)
{
    const char *at = tn__at(as_of);
    struct ids ids = {0};
    struct lit_case *v = NULL;
    size_t nv = 0, capv = 0;
    tn_err err = tn__sq_case_ids(s, at, collect, &ids);
    for (size_t i = 0; !err && i < ids.n; i++) {
        struct tn_case_event_row *ev = NULL;
        size_t n = 0;
        if ((err = tn__sq_case_events(s, ids.id[i], at, &ev, &n)))
            break;
        struct lit_case lc = {0};
        char why[256];
        tn_case_init(&lc.c);
        /* a history that does not replay (never the case after an import) counts as far as
         * it goes */
        (void)tn_case_replay(&lc.c, ev, n, why, sizeof why);
        snprintf(lc.unit, sizeof lc.unit, "%s", n ? ev[0].unit_code : "");
        free(ev);
        if (!lc.c.sued || lc.c.sued_on < from || lc.c.sued_on > to)
            continue;
        struct unit_facts u;
        if ((err = unit_facts(s, lc.unit, at, &u)))
            break;
        if (office && *office && strcmp(office, u.office) != 0)
            continue;
        int y, m, d;
        tn_day_civil(lc.c.sued_on, &y, &m, &d);
        if (by == TN_LIT_YEAR)
            snprintf(lc.key, sizeof lc.key, "%04d", y);
        else
            snprintf(lc.key, sizeof lc.key, "%s", by == TN_LIT_TYPE ? u.type : u.office);
        if ((err = case_recovered(s, ids.id[i], at, &lc)))
            break;
        TN_GROW(v, capv, nv + 1);
        v[nv++] = lc;
    }
    free(ids.id);
    if (!err) {
        if (nv)
            tn_sort(v, nv, sizeof *v, by_key_unit);
        for (size_t i = 0; !err && i < nv;) {
            size_t j = i;
            while (j < nv && strcmp(v[j].key, v[i].key) == 0)
                j++;
            struct tn_litigation_row r = {0};
            snprintf(r.key, sizeof r.key, "%s", v[i].key);
            aggregate(v, i, j, &r);
            err = row(ctx, &r);
            i = j;
        }
    }
    if (!err) {
        if (nv)
            tn_sort(v, nv, sizeof *v, by_unit);
        struct tn_litigation_row r = {.key = "total"};
        aggregate(v, 0, nv, &r);
        err = row(ctx, &r);
    }
    free(v);
    return err;
}

tn_err tn__sq_cases(struct tn__sq *s, const char *office, const struct tn_policy *pol,
                    const char *as_of, tn_day on,
                    tn_err (*row)(void *ctx, const struct tn_case_row *r), void *ctx)
{
    const char *at = tn__at(as_of);
    tn_day today; /* plans are judged on as_of's day */
    char day[11];
    snprintf(day, sizeof day, "%.10s", at);
    if (tn_day_parse(day, &today))
        return TN_ERR_PARSE;
    if (on >= 0)
        today = on;
    struct ids ids = {0};
    tn_err err = tn__sq_case_ids(s, at, collect, &ids);
    for (size_t i = 0; !err && i < ids.n; i++) {
        struct tn_case_event_row *ev = NULL;
        struct tn_instalment *inst = NULL;
        struct tn_case_payment_row *pay = NULL;
        struct tn_plan_payment *pp = NULL;
        struct tn_case_step *steps = NULL;
        size_t n = 0, ninst = 0, npay = 0;
        struct tn_case_row r;
        memset(&r, 0, sizeof r);
        if ((err = tn__sq_case_events(s, ids.id[i], at, &ev, &n)) || !n)
            goto next;
        snprintf(r.case_id, sizeof r.case_id, "%s", ids.id[i]);
        snprintf(r.unit_code, sizeof r.unit_code, "%s", ev[0].unit_code);
        struct unit_facts u;
        if ((err = unit_facts(s, r.unit_code, at, &u)))
            goto next;
        if (office && *office && strcmp(office, u.office) != 0)
            goto next;
        snprintf(r.unit_status, sizeof r.unit_status, "%s", u.status);
        snprintf(r.office_code, sizeof r.office_code, "%s", u.office);
        tn_case_init(&r.c);
        if (tn_case_replay(&r.c, ev, n, r.invalid, sizeof r.invalid) == TN_OK)
            r.invalid[0] = '\0';
        r.last_event = ev[r.c.events ? r.c.events - 1 : 0].step.event;
        steps = tn_xmalloc(n * sizeof *steps);
        for (size_t k = 0; k < n; k++)
            steps[k] = ev[k].step;
        tn_ladder_deadline(pol, steps, (size_t)r.c.events, &r.deadline_rule, &r.deadline);
        if ((err = tn__sq_case_payments(s, ids.id[i], at, &pay, &npay)))
            goto next;
        pp = tn_xmalloc((npay ? npay : 1) * sizeof *pp);
        size_t npp = 0;
        for (size_t k = 0; k < npay; k++) {
            r.recovered += pay[k].amount;
            if (!pay[k].reversed)
                pp[npp++] = (struct tn_plan_payment){pay[k].paid_on, pay[k].amount};
        }
        if ((err = tn__sq_case_plan(s, ids.id[i], at, &inst, &ninst)))
            goto next;
        if (ninst && tn_plan_status(inst, ninst, pp, npp, today, &r.plan) == TN_OK) {
            r.has_plan = 1;
            /* a mediated case's next date is its next instalment's */
            tn_case_plan_deadline(&r.c, &r.plan, inst, ninst, &r.deadline, &r.deadline_rule);
        }
        r.alert_status = tn_case_unit_gone(&r.c, u.status);
        err = row(ctx, &r);
    next:
        free(ev);
        free(inst);
        free(pay);
        free(pp);
        free(steps);
    }
    free(ids.id);
    return err;
}
