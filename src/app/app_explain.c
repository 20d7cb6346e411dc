/*
 * app_explain.c - everything behind a unit's balance (app.h "explain"; docs/ledger.md), cut to
 * the scope's office (docs/offices.md). The lines are read by the store; explain_out.h (io)
 * writes them as text or JSON for the face.
 */
#include "app_int.h"

#include <stdio.h>
#include <string.h>

#include "thuno/aging.h"
#include "thuno/mem.h"
#include "thuno/report.h"
#include "thuno/store.h"

/* LAW: Law 41/2024/QH15 Art 39, 40 (rules.md §6-§7) - an adjustment line is charged to the
 * month it concerns: its deadline, the days past it at the period's end, the interest rule
 * of the day after it and, for an increase, the day it is evasion from (docs/ledger.md
 * "Back-dated changes"). A line whose policy is missing is shown without them. */
static void adjustment_terms(const struct tn_policy *pol, struct tn_explain *e)
{
    tn_day end = tn_period_last_day(e->balance.period);
    const struct tn_legal_rule *legal = NULL;
    if (tn_policy_legal(pol, end, &legal))
        legal = NULL;
    for (size_t i = 0; i < e->nlines; i++) {
        struct tn_explain_assess *l = &e->lines[i];
        const struct tn_interest_rule *rule;
        tn_day dl;
        if (!l->adjustment ||
            tn_policy_deadline(pol, TN_G_BHXH, e->payment_cycle, l->for_period, &dl, NULL) ||
            tn_policy_interest_rule(pol, dl + 1, &rule))
            continue;
        tn_money total = 0;
        for (int k = 0; k < TN_C_COUNT; k++)
            total += l->amount[k];
        l->deadline = dl;
        l->days_late = end > dl ? end - dl : 0;
        l->daily_rate = rule->kind == TN_INT_DAILY ? rule->daily_rate : 0;
        l->evasion_from = total > 0 && legal ? tn_aging_underdeclared_from(legal, dl) : 0;
    }
}

/* Keeps one opening balance in the explanation. */
static tn_err keep_opening(void *ctx, const struct tn_opening_row *r)
{
    struct tn_explain *e = ctx;
    TN_GROW(e->opening, e->capopening, e->nopening + 1);
    struct tn_explain_opening *o = &e->opening[e->nopening++];
    memset(o, 0, sizeof *o);
    o->period = r->period;
    snprintf(o->fund, sizeof o->fund, "%s", r->fund);
    o->principal = r->principal;
    o->interest = r->interest;
    snprintf(o->as_of, sizeof o->as_of, "%s", r->as_of);
    o->source = tn_xstrdup(r->source);
    return TN_OK;
}

tn_err tn_app_explain(struct tn_app *app, const struct tn_scope *scope, const char *unit,
                      tn_period period, const char *as_of, struct tn_explain *out)
{
    char at[20], pbuf[TN_PERIOD_BUFSZ];
    app->why[0] = '\0';
    if (as_of && tn_report_as_of(as_of, at))
        return tn__app_fail(app, TN_ERR_PARSE, "expected as-of YYYY-MM-DD[THH:MM:SS], got \"%s\"",
                            as_of);
    struct tn_scope sc;
    tn_err err = tn__app_scope(app, scope, &sc);
    /* under a district cut, a unit of another office (as known at as_of) is not found; an
     * unknown unit goes on, for the explanation to say it has no balance */
    if (!err)
        err = tn__app_unit_in_scope(app, &sc, unit, as_of ? at : NULL);
    if (!err)
        err = tn_store_explain(app->store, sc.office, unit, period, as_of ? at : NULL, out);
    if (!err)
        adjustment_terms(app->policy, out);
    /* the debts migrated at go-live, with their source (docs/ledger.md "Opening balances") */
    if (!err)
        err = tn_store_opening_balances(app->store, unit, as_of ? at : NULL, keep_opening, out);
    if (err == TN_ERR_NOT_FOUND && !app->why[0] && !tn_period_format(period, pbuf))
        tn__app_fail(app, err, "no closed balance for unit %s in %s%s%s", unit, pbuf,
                     as_of ? " as of " : "", as_of ? as_of : "");
    return err;
}
