/*
 * report_operations.c - the collection-operations reports of `thuno report`
 * (docs/operations.md): each officer's worklist ordered by urgency with the escalation run's
 * next step, the assignment history, and collection against plan with seed 002's new debt
 * and cleared small debts and seed 001's collection efficiency.
 */
#include "report_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/case_store.h"
#include "thuno/mem.h"
#include "thuno/operations_store.h"
#include "thuno/policy.h"
#include "thuno/store.h"

const char *const tn__worklist_cols[] = {"officer_code", "rank",       "unit_code",   "name",
                                         "office_code",  "debt",       "months_owed", "bucket",
                                         "legal_status", "case_id",    "case_state",  "next_step",
                                         "ready",        "department", "waiting",     NULL};

struct worklist {
    struct tn_worklist_row *w;
    size_t n, cap;
    struct tn_escalation_row *e;
    size_t ne, cape;
};

static tn_err add_work(void *ctx, const struct tn_worklist_row *r)
{
    struct worklist *l = ctx;
    TN_GROW(l->w, l->cap, l->n + 1);
    l->w[l->n++] = *r;
    return TN_OK;
}

static tn_err add_step(void *ctx, const struct tn_escalation_row *r)
{
    struct worklist *l = ctx;
    TN_GROW(l->e, l->cape, l->ne + 1);
    l->e[l->ne++] = *r;
    return TN_OK;
}

static int step_by_unit(const void *a, const void *b)
{
    const struct tn_escalation_row *x = a, *y = b;
    return strcmp(x->unit_code, y->unit_code);
}

/* per officer, then by urgency (tn_urgency_cmp), then unit_code */
static int by_urgency(const void *a, const void *b)
{
    const struct tn_worklist_row *x = a, *y = b;
    int c = strcmp(x->officer_code, y->officer_code);
    if (c)
        return c;
    struct tn_urgency ux = {strcmp(x->legal_status, "evading") == 0, x->months_owed_tenths,
                            x->debt};
    struct tn_urgency uy = {strcmp(y->legal_status, "evading") == 0, y->months_owed_tenths,
                            y->debt};
    c = tn_urgency_cmp(&ux, &uy);
    return c ? c : strcmp(x->unit_code, y->unit_code);
}

static tn_err worklist_row(struct tn_table_out *t, const struct tn_worklist_row *w, long rank,
                           const struct tn_escalation_row *e)
{
    struct tn_cell c[] = {
        TEXT(w->officer_code),
        INT(rank),
        TEXT(w->unit_code),
        TEXT(w->name),
        TEXT(w->office_code),
        INT(w->debt),
        TENTHS(w->months_owed_tenths),
        TEXT(w->bucket),
        TEXT(w->legal_status),
        TEXT(e ? e->case_id : ""),
        TEXT(e && e->case_id[0] ? tn_case_state_name(e->state) : ""),
        TEXT(e ? e->next.step : ""),
        TEXT(e ? (e->next.ready ? "yes" : "no") : ""),
        TEXT(e ? e->next.department : ""),
        TEXT(e ? e->next.waiting : ""),
    };
    return tn_table_row(t, c);
}

tn_err tn__run_worklist(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                        struct tn_table_out *t)
{
    struct tn_policy pol;
    tn_policy_init(&pol);
    struct worklist l = {0};
    tn_err err = tn_cli_load_policy(cli, &pol);
    if (!err)
        err = tn_store_worklist(s, a->period, a->as_of, a->officer, add_work, &l);
    if (!err)
        err = tn_store_escalation(s, &pol, a->period, a->as_of, add_step, &l);
    if (!err && l.n)
        tn_sort(l.w, l.n, sizeof *l.w, by_urgency);
    if (!err && l.ne)
        tn_sort(l.e, l.ne, sizeof *l.e, step_by_unit);
    long rank = 0;
    for (size_t i = 0; !err && i < l.n; i++) {
        rank = i && strcmp(l.w[i].officer_code, l.w[i - 1].officer_code) == 0 ? rank + 1 : 1;
        struct tn_escalation_row key;
        snprintf(key.unit_code, sizeof key.unit_code, "%s", l.w[i].unit_code);
        const struct tn_escalation_row *e =
            l.ne ? bsearch(&key, l.e, l.ne, sizeof *l.e, step_by_unit) : NULL;
        err = worklist_row(t, &l.w[i], rank, e);
    }
    free(l.w);
    free(l.e);
    tn_policy_release(&pol);
    return err;
}

const char *const tn__assignment_cols[] = {"unit_code", "officer_code", "from_date", "to_date",
                                           "actor",     "reason",       "known_at",  NULL};

static tn_err assignment_row(void *ctx, const struct tn_assignment_row *r)
{
    struct tn_cell c[] = {TEXT(r->unit_code), TEXT(r->officer_code), TEXT(r->from_date),
                          TEXT(r->to_date),   TEXT(r->actor),        TEXT(r->reason),
                          TEXT(r->known_at)};
    return tn_table_row(ctx, c);
}

tn_err tn__run_assignments(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                           struct tn_table_out *t)
{
    (void)cli;
    return tn_store_assignments(s, a->as_of, assignment_row, t);
}

const char *const tn__collection_plan_cols[] = {
    "scope",     "key",           "units",          "plan", "assessed",
    "collected", "collected_pct", "efficiency_pct", "debt", "new_debt_units",
    "new_debt",  "cleared_units", "cleared",        NULL};

static tn_err plan_row(void *ctx, const struct tn_plan_row *r)
{
    long pct = tn_percent_tenths(r->collected, r->plan);
    long eff = tn_percent_tenths(r->collected, r->assessed);
    struct tn_cell c[] = {
        TEXT(r->scope),   TEXT(r->key),           INT(r->units),    INT(r->plan),
        INT(r->assessed), INT(r->collected),      TENTHS(pct),      TENTHS(eff),
        INT(r->debt),     INT(r->new_debt_units), INT(r->new_debt), INT(r->cleared_units),
        INT(r->cleared),
    };
    if (r->plan < 0)
        c[3].type = TN_CELL_NULL;
    if (pct < 0)
        c[6].type = TN_CELL_NULL;
    if (eff < 0)
        c[7].type = TN_CELL_NULL;
    return tn_table_row(ctx, c);
}

tn_err tn__run_collection_plan(struct tn_cli *cli, struct tn_store *s,
                               const struct tn_report_args *a, struct tn_table_out *t)
{
    (void)cli;
    return tn_store_plan_kpi(s, a->period, a->as_of, plan_row, t);
}
