/*
 * case_escalation.c - the monthly escalation run (case_store.h, docs/cases.md): for every
 * unit owing at a period's end, its open case (if any) and the ladder's next step, with the
 * fine range and the Art 216 check where the step needs them.
 */
#include "store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/case_store.h"
#include "thuno/ladder.h"
#include "thuno/mem.h"
#include "operations_int.h"
#include "unpaid_periods.h"

/* clang-format off */
/* ?1 period, ?2 as_of; ?8 ?9 the office cut */
static const char owing_sql[] =
    "WITH " TN__CLOSE_AT("cur", "?1", "?2", "") ", " TN__TABLE_AT("unit_at", "unit", "?2") ", "
    TN__IN_CHARGE("?2", TN__PERIOD_END("?1"))
    "SELECT cur.unit_code, coalesce(ic.officer_code, u.officer_code, ''), "
    "       coalesce(u.office_code, ''), "
    "       coalesce(cur.months_owed_tenths, 0), " TN__DEBT("cur") ", "
    "       cur.legal_status, cur.workers, cur.principal_due, coalesce(cur.oldest_unpaid, ''), "
    "       coalesce(u.type, ''), coalesce(u.payment_cycle, 1), cur.id "
    "FROM cur LEFT JOIN unit_at u ON u.unit_code = cur.unit_code "
    "LEFT JOIN in_charge ic ON ic.unit_code = cur.unit_code "
    "WHERE " TN__OVERDUE("cur") " > 0 AND " TN__OFFICE_CUT("cur.unit_code") " "
    "ORDER BY cur.unit_code";
/* ?1 period, ?2 as_of, ?3 unit: owing_sql's row of one unit through its keys (unit_close_key,
 * the assignment's and the unit's primary keys) */
static const char owing_unit_sql[] =
    "SELECT cur.unit_code, coalesce((SELECT a.officer_code FROM assignment a "
    "       WHERE a.unit_code = ?3 AND a.known_at <= ?2 "
    "       AND (a.superseded_at IS NULL OR a.superseded_at > ?2) "
    "       AND a.from_date <= " TN__PERIOD_END("?1") " ORDER BY a.from_date DESC LIMIT 1), "
    "       u.officer_code, ''), "
    "       coalesce(u.office_code, ''), "
    "       coalesce(cur.months_owed_tenths, 0), cur.principal_due + cur.interest_due, "
    "       cur.legal_status, cur.workers, cur.principal_due, coalesce(cur.oldest_unpaid, ''), "
    "       coalesce(u.type, ''), coalesce(u.payment_cycle, 1), cur.id "
    "FROM unit_close cur " TN__JOIN_AT("unit", "u", "u.unit_code = cur.unit_code", "?2")
    "WHERE cur.id = (SELECT max(id) FROM unit_close WHERE unit_code = ?3 AND period = ?1 "
    "      AND known_at <= ?2) AND cur.principal_due > 0";
/* ?1 unit, ?2 as_of: the unit's cases (case_event_unit) */
static const char unit_cases_sql[] =
    "SELECT case_id FROM case_event WHERE unit_code = ?1 AND " TN__KNOWN_AT("?2") " "
    "AND date <= substr(?2, 1, 10) GROUP BY case_id ORDER BY case_id";
/* clang-format on */

/* The open case of each unit, as of as_of. */
struct open_case {
    char unit[32], case_id[72];
    struct tn_case c;
    struct tn_case_step *steps;
    size_t n;
};

struct open_list {
    struct tn__sq *s;
    const char *as_of;
    struct open_case *v;
    size_t n, cap;
};

static tn_err add_case(void *ctx, const char *case_id, const char *unit_code)
{
    struct open_list *l = ctx;
    struct tn_case_event_row *ev = NULL;
    size_t n = 0;
    tn_err err = tn__sq_case_events(l->s, case_id, l->as_of, &ev, &n);
    if (err || !n) {
        free(ev);
        return err;
    }
    struct open_case oc = {0};
    char why[256];
    tn_case_init(&oc.c);
    if (tn_case_replay(&oc.c, ev, n, why, sizeof why) == TN_OK && !tn_case_is_over(&oc.c)) {
        snprintf(oc.unit, sizeof oc.unit, "%s", unit_code);
        snprintf(oc.case_id, sizeof oc.case_id, "%s", case_id);
        oc.steps = tn_xmalloc(n * sizeof *oc.steps);
        for (size_t i = 0; i < n; i++) {
            oc.steps[i] = ev[i].step;
            oc.steps[i].office = ""; /* the row's text goes with ev */
        }
        oc.n = n;
        TN_GROW(l->v, l->cap, l->n + 1);
        l->v[l->n++] = oc; /* a unit with two open cases: the later id wins below */
    }
    free(ev);
    return TN_OK;
}

static int by_unit(const void *a, const void *b)
{
    const struct open_case *x = a, *y = b;
    int c = strcmp(x->unit, y->unit);
    return c ? c : strcmp(y->case_id, x->case_id); /* the latest case first */
}

static const struct open_case *find_open(const struct open_list *l, const char *unit)
{
    size_t lo = 0, hi = l->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (strcmp(l->v[mid].unit, unit) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < l->n && strcmp(l->v[lo].unit, unit) == 0 ? &l->v[lo] : NULL;
}

static int dept_rank(const char *d)
{
    static const char *const order[] = {"QLT", "KTTN", "TTKT", "legal", "director"};
    for (int i = 0; i < 5; i++)
        if (strcmp(d, order[i]) == 0)
            return i;
    return 5;
}

static int by_dept_debt(const void *a, const void *b)
{
    const struct tn_escalation_row *x = a, *y = b;
    int c = dept_rank(x->next.department) - dept_rank(y->next.department);
    if (c)
        return c;
    if (x->debt != y->debt)
        return x->debt > y->debt ? -1 : 1;
    return strcmp(x->unit_code, y->unit_code);
}

/* A unit's facts for the fine and the Art 216 check: what its close left unpaid per charge
 * period and group (unpaid_line: unpaid_periods.h), its cycle and kind. */
struct unpaid_lines {
    struct tn__unpaid_set set;
    int cycle, household;
};

static tn_money unpaid_of(const struct unpaid_lines *ul, enum tn_group g)
{
    tn_money t = 0;
    for (size_t i = 0; i < ul->set.n; i++)
        t += ul->set.p[i].unpaid[g];
    return t;
}

static void propose(const struct tn_policy *pol, tn_day today, const struct unpaid_lines *ul,
                    const struct open_case *oc, struct tn_escalation_row *r, int *keep)
{
    int legal = strcmp(r->legal_status, "evading") == 0 ? 2
                : strcmp(r->legal_status, "late") == 0  ? 1
                                                        : 0;
    r->state = oc ? oc->c.state : TN_CASE_ST_NEW;
    if (oc)
        snprintf(r->case_id, sizeof r->case_id, "%s", oc->case_id);
    /* Art 216: the facts counted from the unpaid lines (art216.h, docs/cases.md) */
    int fined = oc && oc->c.fined >= 0;
    if (tn_art216_count(pol, ul->cycle, today, ul->set.p, ul->set.n, fined, &r->counts) ||
        tn_sanction_art216(pol->criminal, pol->ncriminal, today, &r->counts.facts, &r->art216)) {
        memset(&r->counts, 0, sizeof r->counts);
        memset(&r->art216, 0, sizeof r->art216);
    }
    tn_art216_count_lines(&r->counts, r->art216_lines, sizeof r->art216_lines);
    struct tn_ladder_facts f = {.office = r->office_code,
                                .months_owed_tenths = r->months_owed_tenths,
                                .debt = r->debt,
                                .legal = legal,
                                .steps = oc ? oc->steps : NULL,
                                .nsteps = oc ? oc->n : 0,
                                .state = r->state,
                                .today = today,
                                .art216 = &r->art216};
    struct tn_ladder_proposal p;
    if (tn_ladder_next(pol, &f, &p)) {
        *keep = 0;
        return;
    }
    *keep = 1;
    r->next.step = p.step->step;
    r->next.department = p.step->department;
    r->next.document = p.step->document;
    r->next.source = p.step->source;
    r->next.event = p.step->event;
    r->next.ready = p.ready;
    snprintf(r->next.waiting, sizeof r->next.waiting, "%s", p.waiting);
    if (strcmp(p.step->check, "fine") != 0)
        return;
    /* LAW: Decree 12/2022 Art 39: the base is BHXH + BHTN; an evading unit is fined for
     * evasion (39.6), a late one for late payment (39.5); BHYT under Decree 117/2020 Art 80.
     * Art 6.1: an organisation pays double, a household business as an individual. */
    r->fine_violation = legal == 2 ? TN_FINE_EVASION : TN_FINE_LATE;
    int org = !ul->household;
    tn_money base = unpaid_of(ul, TN_G_BHXH) + unpaid_of(ul, TN_G_BHTN);
    if (tn_sanction_fine_of(pol->fines, pol->nfines, r->fine_violation, TN_FINE_BASE_BHXH_BHTN,
                            today, base, org, &r->fine))
        memset(&r->fine, 0, sizeof r->fine);
    tn_money bhyt = unpaid_of(ul, TN_G_BHYT);
    if (bhyt <= 0 || tn_sanction_fine_of(pol->fines, pol->nfines, r->fine_violation,
                                         TN_FINE_BASE_BHYT, today, bhyt, org, &r->fine_bhyt))
        memset(&r->fine_bhyt, 0, sizeof r->fine_bhyt);
}

/* The row of st (owing_sql's columns) into r with the ladder's step; *keep 0 when there is
 * none. ul: its scratch. */
static tn_err unit_step(struct tn__sq *s, tn_sql_stmt *st, const struct tn_policy *pol,
                        const char *per, tn_day today, const char *at, const struct open_list *l,
                        struct unpaid_lines *ul, struct tn_escalation_row *r, int *keep)
{
    memset(r, 0, sizeof *r);
    TN__COL_COPY(r->unit_code, st, 0);
    TN__COL_COPY(r->officer_code, st, 1);
    TN__COL_COPY(r->office_code, st, 2);
    r->months_owed_tenths = tn_sql_column_int(st, 3);
    r->debt = tn_sql_column_int64(st, 4);
    TN__COL_COPY(r->legal_status, st, 5);
    r->workers = tn_sql_column_int64(st, 6);
    ul->household = strcmp(tn__col_text(st, 9), "household") == 0;
    ul->cycle = tn_sql_column_int(st, 10);
    tn_err err = tn__sq_unpaid_periods(s, r->unit_code, tn_sql_column_int64(st, 11),
                                       tn_sql_column_int64(st, 7), per, at, &ul->set);
    if (!err)
        propose(pol, today, ul, find_open(l, r->unit_code), r, keep);
    return err;
}

static void open_list_release(struct open_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i].steps);
    free(l->v);
    l->v = NULL;
    l->n = l->cap = 0;
}

/* The open cases of unit into l (emptied first), the latest first. */
static tn_err unit_cases(struct tn__sq *s, tn_sql_stmt *cst, const char *unit, struct open_list *l)
{
    open_list_release(l);
    tn_sql_reset(cst);
    tn_sql_bind_text(cst, 1, unit, -1, TN_SQL_TRANSIENT);
    tn_sql_bind_text(cst, 2, l->as_of, -1, TN_SQL_STATIC);
    tn_err err = TN_OK;
    while (!err && tn__store_next(s, cst, &err, "listing a unit's cases")) {
        char id[72];
        TN__COL_COPY(id, cst, 0);
        err = add_case(l, id, unit);
    }
    if (!err && l->n)
        tn_sort(l->v, l->n, sizeof *l->v, by_unit);
    return err;
}

tn_err tn__sq_escalation_units(struct tn__sq *s, const struct tn_policy *pol, tn_period period,
                               const char *as_of, const char *const *units, size_t n,
                               tn_err (*row)(void *ctx, const struct tn_escalation_row *r),
                               void *ctx)
{
    const char *at = tn__at(as_of);
    struct open_list l = {.s = s, .as_of = at};
    tn_sql_stmt *st = NULL, *cst = NULL;
    struct unpaid_lines ul = {0};
    char per[TN_PERIOD_BUFSZ];
    tn_period_format(period, per);
    tn_day today = tn_period_last_day(period);
    tn_err err = tn__store_prepare(s, unit_cases_sql, &cst);
    if (!err)
        err = tn__store_prepare(s, owing_unit_sql, &st);
    for (size_t i = 0; !err && i < n; i++) {
        tn_sql_reset(st);
        tn_sql_bind_text(st, 1, per, -1, TN_SQL_STATIC);
        tn_sql_bind_text(st, 2, at, -1, TN_SQL_STATIC);
        tn_sql_bind_text(st, 3, units[i], -1, TN_SQL_STATIC);
        int rc = tn_sql_step(st);
        if (rc == TN_SQL_DONE)
            continue; /* not owing */
        if (rc != TN_SQL_ROW) {
            err = tn__store_fail(s, "reading a unit's balance");
            break;
        }
        struct tn_escalation_row r;
        int keep;
        if (!(err = unit_cases(s, cst, units[i], &l)) &&
            !(err = unit_step(s, st, pol, per, today, at, &l, &ul, &r, &keep)) && keep)
            err = row(ctx, &r);
    }
    tn_sql_finalize(st);
    tn_sql_finalize(cst);
    tn__unpaid_set_release(&ul.set);
    open_list_release(&l);
    return err;
}

tn_err tn__sq_escalation(struct tn__sq *s, const char *office, const struct tn_policy *pol,
                         tn_period period, const char *as_of,
                         tn_err (*row)(void *ctx, const struct tn_escalation_row *r), void *ctx)
{
    const char *at = tn__at(as_of);
    struct open_list l = {.s = s, .as_of = at};
    tn_err err = tn__sq_case_ids(s, at, add_case, &l);
    if (!err)
        if (l.n)
            tn_sort(l.v, l.n, sizeof *l.v, by_unit);
    struct tn_escalation_row *out = NULL;
    size_t nout = 0, capout = 0;
    tn_sql_stmt *st = NULL;
    struct unpaid_lines ul = {0};
    char per[TN_PERIOD_BUFSZ];
    tn_period_format(period, per);
    tn_day today = tn_period_last_day(period);
    if (!err && !(err = tn__store_prepare(s, owing_sql, &st))) {
        tn_sql_bind_text(st, 1, per, -1, TN_SQL_STATIC);
        tn_sql_bind_text(st, 2, at, -1, TN_SQL_STATIC);
        tn__bind_office(st, office, as_of);
        int rc;
        while ((rc = tn_sql_step(st)) == TN_SQL_ROW) {
            struct tn_escalation_row r;
            int keep;
            if ((err = unit_step(s, st, pol, per, today, at, &l, &ul, &r, &keep)))
                break;
            if (keep) {
                TN_GROW(out, capout, nout + 1);
                out[nout++] = r;
            }
        }
        if (!err && rc != TN_SQL_DONE)
            err = tn__store_fail(s, "reading the balances");
        tn_sql_finalize(st);
    }
    tn__unpaid_set_release(&ul.set);
    if (!err) {
        if (nout)
            tn_sort(out, nout, sizeof *out, by_dept_debt);
        for (size_t i = 0; !err && i < nout; i++)
            err = row(ctx, &out[i]);
    }
    free(out);
    open_list_release(&l);
    return err;
}
