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

/* clang-format off */
/* ?1 period, ?2 as_of; ?8 ?9 the office cut */
static const char owing_sql[] =
    "WITH " TN__CLOSE_AT("cur", "?1", "?2", "") ", " TN__TABLE_AT("unit_at", "unit", "?2") ", "
    TN__IN_CHARGE("?2", TN__PERIOD_END("?1"))
    "SELECT cur.unit_code, coalesce(ic.officer_code, u.officer_code, ''), "
    "       coalesce(u.office_code, ''), "
    "       coalesce(cur.months_owed_tenths, 0), cur.principal_due + cur.interest_due, "
    "       cur.legal_status, cur.workers, cur.principal_due "
    "FROM cur LEFT JOIN unit_at u ON u.unit_code = cur.unit_code "
    "LEFT JOIN in_charge ic ON ic.unit_code = cur.unit_code "
    "WHERE cur.principal_due > 0 AND " TN__OFFICE_CUT("cur.unit_code") " "
    "ORDER BY cur.unit_code";
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

static void propose(const struct tn_policy *pol, tn_day today, tn_money principal,
                    const struct open_case *oc, struct tn_escalation_row *r, int *keep)
{
    int legal = strcmp(r->legal_status, "evading") == 0 ? 2
                : strcmp(r->legal_status, "late") == 0  ? 1
                                                        : 0;
    r->state = oc ? oc->c.state : TN_CASE_ST_NEW;
    if (oc)
        snprintf(r->case_id, sizeof r->case_id, "%s", oc->case_id);
    /* Art 216: evaded = principal due while evading; months = months owed (docs/cases.md) */
    struct tn_art216_facts af = {legal == 2 ? principal : 0, legal == 2 ? (long)r->workers : 0,
                                 r->months_owed_tenths / 10, oc && oc->c.fined >= 0};
    if (tn_sanction_art216(pol->criminal, pol->ncriminal, today, &af, &r->art216))
        memset(&r->art216, 0, sizeof r->art216);
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
    if (strcmp(p.step->check, "fine") == 0 &&
        tn_sanction_fine(pol->fines, pol->nfines, today, principal, 1, &r->fine))
        memset(&r->fine, 0, sizeof r->fine);
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
    sqlite3_stmt *st = NULL;
    char per[TN_PERIOD_BUFSZ];
    tn_period_format(period, per);
    tn_day today = tn_period_last_day(period);
    if (!err && !(err = tn__store_prepare(s, owing_sql, &st))) {
        sqlite3_bind_text(st, 1, per, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, at, -1, SQLITE_STATIC);
        tn__bind_office(st, office, as_of);
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            struct tn_escalation_row r;
            memset(&r, 0, sizeof r);
            TN__COL_COPY(r.unit_code, st, 0);
            TN__COL_COPY(r.officer_code, st, 1);
            TN__COL_COPY(r.office_code, st, 2);
            r.months_owed_tenths = sqlite3_column_int(st, 3);
            r.debt = sqlite3_column_int64(st, 4);
            TN__COL_COPY(r.legal_status, st, 5);
            r.workers = sqlite3_column_int64(st, 6);
            int keep;
            propose(pol, today, sqlite3_column_int64(st, 7), find_open(&l, r.unit_code), &r, &keep);
            if (keep) {
                TN_GROW(out, capout, nout + 1);
                out[nout++] = r;
            }
        }
        if (rc != SQLITE_DONE)
            err = tn__store_fail(s, "reading the balances");
        sqlite3_finalize(st);
    }
    if (!err) {
        if (nout)
            tn_sort(out, nout, sizeof *out, by_dept_debt);
        for (size_t i = 0; !err && i < nout; i++)
            err = row(ctx, &out[i]);
    }
    free(out);
    for (size_t i = 0; i < l.n; i++)
        free(l.v[i].steps);
    free(l.v);
    return err;
}
