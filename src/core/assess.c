/*
 * assess.c - monthly contributions of one worker (rules.md §2-§4).
 *
 * LAW: Law 58/2014/QH13 Art 85, 86, 89 (rates, cap 20 x base salary); Law 41/2024/QH15 Art
 * 31-33 (cap 20 x reference level = base salary); Law on Employment (BHTN cap 20 x regional
 * minimum wage). Rounding: each component half-up to the đồng (rules.md §4).
 * CONFIRM: rates under Law 41 unchanged - rules.md marks them [?].
 */
#include "thuno/assess.h"

#include <string.h>

tn_err tn_assess_worker(const struct tn_policy *pol, const struct tn_unit_facts *unit, tn_period p,
                        tn_money salary, unsigned funds, struct tn_assessment *out)
{
    if (salary < 0)
        return TN_ERR_RANGE;
    struct tn_assessment a;
    memset(&a, 0, sizeof a);
    a.salary = salary;
    a.funds = funds;
    const struct tn_amount_entry *floor;
    tn_err err = tn_policy_min_wage(pol, unit->wage_region, p, &floor);
    if (err)
        return err;
    a.floor = floor->amount;
    /* LAW: a base below the regional minimum is not raised; it is reported (Law 41 Art 39) */
    a.below_floor = salary > 0 && salary < a.floor;
    tn_money cap_si, cap_ui;
    if ((err = tn_policy_cap(pol, TN_G_BHXH, unit->wage_region, p, &cap_si, NULL)) ||
        (err = tn_policy_cap(pol, TN_G_BHTN, unit->wage_region, p, &cap_ui, NULL)))
        return err;
    tn_money cap_yt;
    if ((err = tn_policy_cap(pol, TN_G_BHYT, unit->wage_region, p, &cap_yt, NULL)))
        return err;
    a.base_si = salary < cap_si ? salary : cap_si;
    a.base_ui = salary < cap_ui ? salary : cap_ui;
    tn_money base_yt = salary < cap_yt ? salary : cap_yt;
    for (int c = 0; c < TN_C_COUNT; c++) {
        if (!(funds & tn_component_fund((enum tn_component)c)))
            continue;
        const struct tn_rate_entry *r;
        if ((err = tn_policy_rate(pol, (enum tn_component)c, unit, p, &r)))
            return err;
        enum tn_group g = tn_component_group((enum tn_component)c);
        tn_money base = g == TN_G_BHTN ? a.base_ui : g == TN_G_BHYT ? base_yt : a.base_si;
        if ((err = tn_money_mul_ppm(base, r->rate, &a.amount[c])))
            return err;
        a.rate[c] = r->rate;
        a.source[c] = r->source;
        a.group_total[g] += a.amount[c];
        a.total += a.amount[c];
    }
    *out = a;
    return TN_OK;
}
