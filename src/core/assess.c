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

#include "thuno/close_unit.h"

/* The citation of a below-floor finding of period p: the law of the period's era, which is the
 * legal.csv line in force on the period's first day (the Law 41 line is the one that knows
 * evasion by days, Art 39; the Law 58 line does not). */
static tn_err floor_law(const struct tn_policy *pol, tn_period p, const char **out)
{
    const struct tn_legal_rule *legal;
    tn_err err = tn_policy_legal(pol, tn_period_first_day(p), &legal);
    if (err)
        return err;
    /* LAW: Law 41/2024/QH15 Art 39 (a base declared below the lawful one is evasion), from
     * 2025-07-01; before it Law 58/2014/QH13 Art 89 with Decree 115/2015/NĐ-CP Art 17 (the
     * base is the salary, not below the regional minimum wage). CONFIRM both [S]. */
    *out = legal->evasion_days > 0
               ? "Law 41/2024/QH15 Art 39 (under-declaration); floor: regional minimum wage"
               : "Law 58/2014/QH13 Art 89; Decree 115/2015/NĐ-CP Art 17 (base below the "
                 "regional minimum wage); floor: regional minimum wage";
    return TN_OK;
}

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
    /* LAW: a base below the regional minimum is not raised; it is reported */
    a.below_floor = salary > 0 && salary < a.floor;
    if (a.below_floor && (err = floor_law(pol, p, &a.floor_law)))
        return err;
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

tn_err tn_assess_unit(const struct tn_policy *pol, const struct tn_unit_facts *unit, tn_period p,
                      const struct tn_close_decl *decls, size_t n, tn_money amount[TN_C_COUNT],
                      long long *workers)
{
    tn_money sum[TN_C_COUNT] = {0};
    long long count = 0;
    for (size_t lo = 0, hi; lo < n; lo = hi) {
        const struct tn_close_decl *in_force = NULL;
        for (hi = lo; hi < n && strcmp(decls[hi].bhxh, decls[lo].bhxh) == 0; hi++)
            if (decls[hi].from <= p)
                in_force = &decls[hi]; /* rows are sorted by from: the last one started */
        if (!in_force || in_force->decrease)
            continue;
        struct tn_assessment a;
        tn_err err = tn_assess_worker(pol, unit, p, in_force->salary, in_force->funds, &a);
        if (err)
            return err;
        for (int c = 0; c < TN_C_COUNT; c++)
            if ((err = tn_money_add(sum[c], a.amount[c], &sum[c])))
                return err;
        count++;
    }
    memcpy(amount, sum, sizeof sum);
    *workers = count;
    return TN_OK;
}
