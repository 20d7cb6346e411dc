/*
 * sanction.c - fine range and Art 216 check (sanction.h).
 *
 * LAW: Decree 12/2022/NĐ-CP Art 39 (BHXH, BHTN: late payment 39.5, evasion 39.6) and Decree
 * 117/2020/NĐ-CP Art 80 as amended (BHYT), each with its own line of policy/sanctions.csv;
 * organisations pay double (Decree 12/2022 Art 6.1, Decree 117/2020 Art 5). The decrees set
 * percentages and caps, not a rounding: each product is rounded half-up to the whole đồng,
 * then capped, then doubled for an organisation (docs/cases.md "Fine").
 */
#include "thuno/sanction.h"

#include <string.h>

static tn_money min_money(tn_money a, tn_money b)
{
    return a < b ? a : b;
}

tn_err tn_sanction_fine(const struct tn_fine_rule *rules, size_t n, tn_day day, tn_money payable,
                        int organisation, struct tn_fine *out)
{
    return tn_sanction_fine_of(rules, n, TN_FINE_LATE, TN_FINE_BASE_BHXH_BHTN, day, payable,
                               organisation, out);
}

const char *tn_fine_violation_name(enum tn_fine_violation v)
{
    return v == TN_FINE_EVASION ? "evasion" : "late";
}

const char *tn_fine_base_name(enum tn_fine_base b)
{
    return b == TN_FINE_BASE_BHYT ? "BHYT" : "BHXH+BHTN";
}

tn_err tn_sanction_fine_of(const struct tn_fine_rule *rules, size_t n, enum tn_fine_violation v,
                           enum tn_fine_base b, tn_day day, tn_money payable, int organisation,
                           struct tn_fine *out)
{
    const struct tn_fine_rule *r = NULL;
    for (size_t i = 0; i < n; i++)
        if (rules[i].violation == v && rules[i].base == b && rules[i].from <= day &&
            (!r || rules[i].from >= r->from))
            r = &rules[i];
    if (!r)
        return TN_ERR_NO_POLICY;
    if (payable < 0)
        return TN_ERR_RANGE;
    tn_money lo, hi;
    if (tn_money_mul_ppm(payable, r->min_rate, &lo) || tn_money_mul_ppm(payable, r->max_rate, &hi))
        return TN_ERR_OVERFLOW;
    struct tn_fine f = {.payable = payable, .rule = r};
    f.capped = hi > r->cap;
    f.min = min_money(lo, r->cap);
    f.max = min_money(hi, r->cap);
    if (organisation) {
        tn_money m = r->multiplier;
        if (m < 1 || f.max > INT64_MAX / m)
            return TN_ERR_OVERFLOW;
        f.min *= m;
        f.max *= m;
    }
    /* the middle of the range, rounded down (thuno's proposal; the decision maker chooses) */
    f.proposed = f.min + (f.max - f.min) / 2;
    *out = f;
    return TN_OK;
}

tn_err tn_sanction_art216(const struct tn_criminal_rule *rules, size_t n, tn_day day,
                          const struct tn_art216_facts *f, struct tn_art216 *out)
{
    const struct tn_criminal_rule *first = NULL, *hit = NULL;
    /* the rules in force: for each clause, the latest entry starting on or before day */
    for (int clause = 1; clause <= 3; clause++) {
        const struct tn_criminal_rule *r = NULL;
        for (size_t i = 0; i < n; i++)
            if (rules[i].clause == clause && rules[i].from <= day &&
                (!r || rules[i].from >= r->from))
                r = &rules[i];
        if (!r)
            continue;
        if (clause == 1)
            first = r;
        if (f->evaded >= r->min_amount || f->workers >= r->min_workers)
            hit = r;
    }
    if (!first)
        return TN_ERR_NO_POLICY;
    struct tn_art216 a = {.clause = 0, .rule = first};
    if (!hit)
        a.reason = TN_ART216_BELOW;
    else if (!f->fined)
        a.reason = TN_ART216_NOT_FINED, a.rule = hit;
    else if (f->months < hit->min_months)
        a.reason = TN_ART216_TOO_SHORT, a.rule = hit;
    else
        a.reason = TN_ART216_CANDIDATE, a.rule = hit, a.clause = hit->clause;
    *out = a;
    return TN_OK;
}

const char *tn_art216_reason_name(enum tn_art216_reason r)
{
    static const char *const names[] = {"candidate", "not_fined", "too_short", "below_threshold"};
    return (unsigned)r < 4 ? names[r] : "";
}
