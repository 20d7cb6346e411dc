/*
 * policy.c - effective-dated lookups over the policy lists (see policy.h; figures and sources
 * live in the CSV files of policy/, rules.md §2-§8).
 */
#include "thuno/policy.h"

#include <stdlib.h>
#include <string.h>

#include "policy_int.h"
#include "thuno/mem.h"

void tn_policy_init(struct tn_policy *pol)
{
    memset(pol, 0, sizeof *pol);
}

void tn_policy_release(struct tn_policy *pol)
{
    for (int c = 0; c < TN_C_COUNT; c++)
        free(pol->rates[c]);
    free(pol->base_salary);
    for (int r = 0; r < 4; r++)
        free(pol->min_wage[r]);
    for (int g = 0; g < TN_G_COUNT; g++)
        free(pol->caps[g]);
    free(pol->deadlines);
    free(pol->interest);
    free(pol->k);
    free(pol->allocation);
    free(pol->legal);
    free(pol->card);
    free(pol->undeclared);
    free(pol->fines);
    free(pol->criminal);
    free(pol->ladder);
    free(pol->case_deadlines);
    free(pol->checklist);
    free(pol->card_groups);
    free(pol->name_rules);
    free(pol->tip_rewards);
    free(pol->inspections);
    free(pol->handover);
    free(pol->citations);
    free(pol->duties);
    free(pol->holidays);
    for (size_t i = 0; i < pol->nstrings; i++)
        free(pol->strings[i]);
    free(pol->strings);
    tn_policy_init(pol);
}

const char *tn_policy_intern(struct tn_policy *pol, const char *s)
{
    for (size_t i = pol->nstrings; i-- > 0;)
        if (strcmp(pol->strings[i], s) == 0)
            return pol->strings[i];
    TN_GROW(pol->strings, pol->capstrings, pol->nstrings + 1);
    pol->strings[pol->nstrings] = tn_xstrdup(s);
    return pol->strings[pol->nstrings++];
}

#define CMP_BY(name, type, field)                                                                  \
    static int name(const void *a, const void *b)                                                  \
    {                                                                                              \
        const type *x = a, *y = b;                                                                 \
        return (x->field > y->field) - (x->field < y->field);                                      \
    }
CMP_BY(cmp_rate, struct tn_rate_entry, from)
CMP_BY(cmp_amount, struct tn_amount_entry, from)
CMP_BY(cmp_cap, struct tn_cap_entry, from)
CMP_BY(cmp_deadline, struct tn_deadline_entry, from)
CMP_BY(cmp_interest, struct tn_interest_rule, from)
CMP_BY(cmp_alloc, struct tn_allocation_rule, from)
CMP_BY(cmp_legal, struct tn_legal_rule, from)
CMP_BY(cmp_card, struct tn_card_rule, from)
CMP_BY(cmp_undeclared, struct tn_undeclared_rule, from)
CMP_BY(cmp_fine, struct tn_fine_rule, from)
CMP_BY(cmp_name, struct tn_name_rule, from)
CMP_BY(cmp_tip, struct tn_tip_reward_rule, from)
CMP_BY(cmp_inspection, struct tn_inspection_rule, from)

/* the ladder by office, then order (each office's steps are unique by order) */
static int cmp_ladder(const void *a, const void *b)
{
    const struct tn_ladder_step *x = a, *y = b;
    int c = strcmp(x->office, y->office);
    return c ? c : (x->order > y->order) - (x->order < y->order);
}
#undef CMP_BY

/* card groups by unit type, then from (unique per type) */
static int cmp_card_group(const void *a, const void *b)
{
    const struct tn_card_group *x = a, *y = b;
    int c = strcmp(x->unit_type, y->unit_type);
    return c ? c : (x->from > y->from) - (x->from < y->from);
}

static int cmp_k(const void *a, const void *b)
{
    const struct tn_k_entry *x = a, *y = b;
    if (x->year != y->year)
        return (x->year > y->year) - (x->year < y->year);
    return (x->group > y->group) - (x->group < y->group);
}

void tn_policy_sort(struct tn_policy *pol)
{
    /* starts are unique per list (the loader refuses duplicates), so qsort's instability
     * cannot reorder equal entries */
    for (int c = 0; c < TN_C_COUNT; c++)
        tn_sort(pol->rates[c], pol->nrates[c], sizeof *pol->rates[c], cmp_rate);
    tn_sort(pol->base_salary, pol->nbase_salary, sizeof *pol->base_salary, cmp_amount);
    for (int r = 0; r < 4; r++)
        tn_sort(pol->min_wage[r], pol->nmin_wage[r], sizeof *pol->min_wage[r], cmp_amount);
    for (int g = 0; g < TN_G_COUNT; g++)
        tn_sort(pol->caps[g], pol->ncaps[g], sizeof *pol->caps[g], cmp_cap);
    tn_sort(pol->deadlines, pol->ndeadlines, sizeof *pol->deadlines, cmp_deadline);
    tn_sort(pol->interest, pol->ninterest, sizeof *pol->interest, cmp_interest);
    tn_sort(pol->k, pol->nk, sizeof *pol->k, cmp_k);
    tn_sort(pol->allocation, pol->nallocation, sizeof *pol->allocation, cmp_alloc);
    tn_sort(pol->legal, pol->nlegal, sizeof *pol->legal, cmp_legal);
    tn_sort(pol->card, pol->ncard, sizeof *pol->card, cmp_card);
    tn_sort(pol->undeclared, pol->nundeclared, sizeof *pol->undeclared, cmp_undeclared);
    tn_sort(pol->fines, pol->nfines, sizeof *pol->fines, cmp_fine);
    tn_sort(pol->ladder, pol->nladder, sizeof *pol->ladder, cmp_ladder);
    tn_sort(pol->card_groups, pol->ncard_groups, sizeof *pol->card_groups, cmp_card_group);
    tn_sort(pol->name_rules, pol->nname_rules, sizeof *pol->name_rules, cmp_name);
    tn_sort(pol->tip_rewards, pol->ntip_rewards, sizeof *pol->tip_rewards, cmp_tip);
    tn_sort(pol->inspections, pol->ninspections, sizeof *pol->inspections, cmp_inspection);
    tn_calendar_sort(pol);
}

size_t tn__effective_upper(const void *base, size_t n, size_t size, size_t off, int32_t key)
{
    const char *b = base;
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int32_t v;
        memcpy(&v, b + mid * size + off, sizeof v);
        if (v <= key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

#define AT(list, n, key, out)                                                                      \
    do {                                                                                           \
        size_t i_ = TN__EFFECTIVE_UPPER((list), (n), (key));                                       \
        if (i_ == 0)                                                                               \
            return TN_ERR_NO_POLICY;                                                               \
        *(out) = &(list)[i_ - 1];                                                                  \
        return TN_OK;                                                                              \
    } while (0)

static int rate_applies(const struct tn_rate_entry *e, const struct tn_unit_facts *unit)
{
    if (e->except_types & (1u << unit->type))
        return 0;
    if (e->registered_before != 0 && unit->registered_on >= e->registered_before)
        return 0;
    return 1;
}

tn_err tn_policy_rate(const struct tn_policy *pol, enum tn_component c,
                      const struct tn_unit_facts *unit, tn_period p,
                      const struct tn_rate_entry **out)
{
    const struct tn_rate_entry *list = pol->rates[c];
    size_t i = TN__EFFECTIVE_UPPER(list, pol->nrates[c], p);
    /* LAW: a limited entry (e.g. NQ 68/NQ-CP's 0% TNLĐ, not for budget units) leaves the
     * excluded unit on the entry before it. */
    while (i > 0 && !rate_applies(&list[i - 1], unit))
        i--;
    if (i == 0)
        return TN_ERR_NO_POLICY;
    *out = &list[i - 1];
    return TN_OK;
}

tn_err tn_policy_base_salary(const struct tn_policy *pol, tn_period p,
                             const struct tn_amount_entry **out)
{
    AT(pol->base_salary, pol->nbase_salary, p, out);
}

tn_err tn_policy_min_wage(const struct tn_policy *pol, int region, tn_period p,
                          const struct tn_amount_entry **out)
{
    if (region < 1 || region > 4)
        return TN_ERR_RANGE;
    AT(pol->min_wage[region - 1], pol->nmin_wage[region - 1], p, out);
}

static tn_err cap_entry(const struct tn_policy *pol, enum tn_group g, tn_period p,
                        const struct tn_cap_entry **out)
{
    AT(pol->caps[g], pol->ncaps[g], p, out);
}

tn_err tn_policy_cap(const struct tn_policy *pol, enum tn_group g, int region, tn_period p,
                     tn_money *cap, const struct tn_cap_entry **entry)
{
    const struct tn_cap_entry *e;
    const struct tn_amount_entry *a;
    tn_err err = cap_entry(pol, g, p, &e);
    if (err)
        return err;
    err = e->of == TN_CAP_BASE_SALARY ? tn_policy_base_salary(pol, p, &a)
                                      : tn_policy_min_wage(pol, region, p, &a);
    if (err)
        return err;
    if (a->amount > INT64_MAX / (e->multiplier ? e->multiplier : 1))
        return TN_ERR_OVERFLOW;
    *cap = a->amount * e->multiplier;
    if (entry)
        *entry = e;
    return TN_OK;
}

static tn_err deadline_entry(const struct tn_policy *pol, tn_period p,
                             const struct tn_deadline_entry **out)
{
    AT(pol->deadlines, pol->ndeadlines, p, out);
}

tn_err tn_policy_deadline(const struct tn_policy *pol, enum tn_group g, int cycle, tn_period p,
                          tn_day *deadline, const struct tn_deadline_entry **entry)
{
    const struct tn_deadline_entry *e;
    tn_err err = deadline_entry(pol, p, &e);
    if (err)
        return err;
    if (cycle != 3 && cycle != 6)
        cycle = 1;
    if (g == TN_G_BHTN && e->bhtn_monthly)
        cycle = 1; /* LAW: Decision 490/QĐ-BHXH (2023): BHTN monthly for every unit */
    /* cycles are calendar-aligned: quarters, half-years */
    tn_period cycle_end = p - (p % 12) % cycle + (cycle - 1);
    /* LAW: Law 58 era, Decision 595 Art 7: by the last day of the month (cycle); Law 41 Art
     * 34.4: by the last day of the month after it. */
    tn_period due = e->rule == TN_DL_END_OF_NEXT_MONTH ? cycle_end + 1 : cycle_end;
    *deadline = tn_period_last_day(due);
    if (entry)
        *entry = e;
    return TN_OK;
}

tn_err tn_policy_interest_rule(const struct tn_policy *pol, tn_day d,
                               const struct tn_interest_rule **out)
{
    AT(pol->interest, pol->ninterest, d, out);
}

tn_err tn_policy_k(const struct tn_policy *pol, int year, enum tn_kgroup group,
                   const struct tn_k_entry **out)
{
    for (size_t i = 0; i < pol->nk; i++) {
        if (pol->k[i].year == year && pol->k[i].group == group) {
            *out = &pol->k[i];
            return TN_OK;
        }
    }
    return TN_ERR_NO_POLICY;
}

tn_err tn_policy_allocation(const struct tn_policy *pol, tn_day d,
                            const struct tn_allocation_rule **out)
{
    AT(pol->allocation, pol->nallocation, d, out);
}

tn_err tn_policy_legal(const struct tn_policy *pol, tn_day d, const struct tn_legal_rule **out)
{
    AT(pol->legal, pol->nlegal, d, out);
}

tn_err tn_policy_citation(const struct tn_policy *pol, const char *key, tn_day d,
                          const struct tn_citation **out)
{
    const struct tn_citation *best = NULL;
    for (size_t i = 0; i < pol->ncitations; i++) {
        const struct tn_citation *c = &pol->citations[i];
        if (c->from <= d && strcmp(c->key, key) == 0 && (!best || c->from > best->from))
            best = c;
    }
    if (!best)
        return TN_ERR_NO_POLICY;
    *out = best;
    return TN_OK;
}

tn_err tn_policy_card(const struct tn_policy *pol, tn_day d, const struct tn_card_rule **out)
{
    AT(pol->card, pol->ncard, d, out);
}

tn_err tn_policy_undeclared(const struct tn_policy *pol, tn_day d,
                            const struct tn_undeclared_rule **out)
{
    AT(pol->undeclared, pol->nundeclared, d, out);
}

tn_err tn_policy_card_group(const struct tn_policy *pol, const char *unit_type, tn_day d,
                            const struct tn_card_group **out)
{
    enum tn_unit_type t;
    if (tn_unit_type_parse(unit_type, &t))
        return TN_ERR_PARSE;
    return tn_card_group_at(pol->card_groups, pol->ncard_groups, unit_type, d, out);
}

tn_err tn_policy_name_rule(const struct tn_policy *pol, tn_day d, const struct tn_name_rule **out)
{
    AT(pol->name_rules, pol->nname_rules, d, out);
}

tn_err tn_policy_tip_reward(const struct tn_policy *pol, tn_day d, tn_money recovered,
                            tn_money *reward, const struct tn_tip_reward_rule **rule)
{
    return tn_tip_reward(pol->tip_rewards, pol->ntip_rewards, d, recovered, reward, rule);
}

tn_err tn_policy_inspection_rule(const struct tn_policy *pol, tn_day d,
                                 const struct tn_inspection_rule **out)
{
    AT(pol->inspections, pol->ninspections, d, out);
}

/* clang-format off */
static const struct {
    const char *name;
    enum tn_group group;
    enum tn_fund_flag fund;
} components[TN_C_COUNT] = {
    [TN_C_PENSION_EE]  = {"pension_employee",  TN_G_BHXH, TN_FUND_BHXH},
    [TN_C_PENSION_ER]  = {"pension_employer",  TN_G_BHXH, TN_FUND_BHXH},
    [TN_C_SICKNESS_ER] = {"sickness_employer", TN_G_BHXH, TN_FUND_BHXH},
    [TN_C_TNLD_ER]     = {"tnld_employer",     TN_G_BHXH, TN_FUND_TNLD},
    [TN_C_BHYT_EE]     = {"bhyt_employee",     TN_G_BHYT, TN_FUND_BHYT},
    [TN_C_BHYT_ER]     = {"bhyt_employer",     TN_G_BHYT, TN_FUND_BHYT},
    [TN_C_BHTN_EE]     = {"bhtn_employee",     TN_G_BHTN, TN_FUND_BHTN},
    [TN_C_BHTN_ER]     = {"bhtn_employer",     TN_G_BHTN, TN_FUND_BHTN},
};
static const char *const group_names[TN_G_COUNT] = {"BHYT", "BHTN", "BHXH"};
static const char *const unit_type_names[TN_UT_COUNT] = {
    "state", "fdi", "private", "cooperative", "public", "household", "other"};
/* clang-format on */

const char *tn_component_name(enum tn_component c)
{
    return components[c].name;
}

enum tn_group tn_component_group(enum tn_component c)
{
    return components[c].group;
}

enum tn_fund_flag tn_component_fund(enum tn_component c)
{
    return components[c].fund;
}

const char *tn_group_name(enum tn_group g)
{
    return group_names[g];
}

tn_err tn_component_parse(const char *s, enum tn_component *out)
{
    for (int c = 0; c < TN_C_COUNT; c++) {
        if (strcmp(s, components[c].name) == 0) {
            *out = (enum tn_component)c;
            return TN_OK;
        }
    }
    return TN_ERR_PARSE;
}

tn_err tn_group_parse(const char *s, enum tn_group *out)
{
    for (int g = 0; g < TN_G_COUNT; g++) {
        if (strcmp(s, group_names[g]) == 0) {
            *out = (enum tn_group)g;
            return TN_OK;
        }
    }
    return TN_ERR_PARSE;
}

const char *tn_unit_type_name(enum tn_unit_type t)
{
    return unit_type_names[t];
}

tn_err tn_unit_type_parse(const char *s, enum tn_unit_type *out)
{
    for (int t = 0; t < TN_UT_COUNT; t++) {
        if (strcmp(s, unit_type_names[t]) == 0) {
            *out = (enum tn_unit_type)t;
            return TN_OK;
        }
    }
    return TN_ERR_PARSE;
}
