/*
 * policy_fixture.h - a policy built by hand for core tests (which may not read files).
 * Figures are rules.md's; each list holds just what the tests walk through.
 */
#ifndef THUNO_TEST_POLICY_FIXTURE_H
#define THUNO_TEST_POLICY_FIXTURE_H

#include <stdlib.h>
#include <string.h>

#include "thuno/mem.h"
#include "thuno/policy.h"

static tn_period fx_period(int y, int m)
{
    return y * 12 + m - 1;
}

static tn_day fx_day(int y, int m, int d)
{
    tn_day out = 0;
    tn_day_make(y, m, d, &out);
    return out;
}

#define FX_PUSH(arr, n, ...)                                                                       \
    do {                                                                                           \
        (arr) = tn_xrealloc((arr), (n) + 1, sizeof *(arr));                                        \
        (arr)[(n)++] = (__typeof__(*(arr))){__VA_ARGS__};                                          \
    } while (0)

/* Law 58 + Law 41 eras as rules.md states them, enough for 2016-01 .. 2026-12. */
static void fx_policy(struct tn_policy *p)
{
    tn_policy_init(p);
    static const tn_ppm base_rates[TN_C_COUNT] = {80000, 140000, 30000, 5000,
                                                  15000, 30000,  10000, 10000};
    for (int c = 0; c < TN_C_COUNT; c++)
        FX_PUSH(p->rates[c], p->nrates[c], .from = fx_period(2016, 1), .rate = base_rates[c],
                .source = "fixture");
    /* TNLĐ 0% window for non-budget units (NQ 68/NQ-CP) */
    FX_PUSH(p->rates[TN_C_TNLD_ER], p->nrates[TN_C_TNLD_ER], .from = fx_period(2021, 7), .rate = 0,
            .except_types = 1u << TN_UT_STATE | 1u << TN_UT_PUBLIC, .source = "NQ 68/NQ-CP");
    FX_PUSH(p->rates[TN_C_TNLD_ER], p->nrates[TN_C_TNLD_ER], .from = fx_period(2022, 7),
            .rate = 5000, .source = "Decree 58/2020");
    FX_PUSH(p->base_salary, p->nbase_salary, .from = fx_period(2013, 7), .amount = 1150000,
            .source = "Decree 66/2013");
    FX_PUSH(p->base_salary, p->nbase_salary, .from = fx_period(2023, 7), .amount = 1800000,
            .source = "Decree 24/2023");
    FX_PUSH(p->base_salary, p->nbase_salary, .from = fx_period(2024, 7), .amount = 2340000,
            .source = "Decree 73/2024");
    static const tn_money mw2016[4] = {3500000, 3100000, 2700000, 2400000};
    static const tn_money mw2024[4] = {4960000, 4410000, 3860000, 3450000};
    for (int r = 0; r < 4; r++) {
        FX_PUSH(p->min_wage[r], p->nmin_wage[r], .from = fx_period(2016, 1), .amount = mw2016[r],
                .source = "Decree 122/2015");
        FX_PUSH(p->min_wage[r], p->nmin_wage[r], .from = fx_period(2024, 7), .amount = mw2024[r],
                .source = "Decree 74/2024");
    }
    FX_PUSH(p->caps[TN_G_BHXH], p->ncaps[TN_G_BHXH], .from = fx_period(2016, 1), .multiplier = 20,
            .of = TN_CAP_BASE_SALARY, .source = "Law 58 Art 89.3");
    FX_PUSH(p->caps[TN_G_BHYT], p->ncaps[TN_G_BHYT], .from = fx_period(2016, 1), .multiplier = 20,
            .of = TN_CAP_BASE_SALARY, .source = "Law 58 Art 89.3");
    FX_PUSH(p->caps[TN_G_BHTN], p->ncaps[TN_G_BHTN], .from = fx_period(2016, 1), .multiplier = 20,
            .of = TN_CAP_MIN_WAGE, .source = "Employment Law");
    FX_PUSH(p->deadlines, p->ndeadlines, .from = fx_period(2016, 1), .rule = TN_DL_END_OF_CYCLE,
            .source = "Decision 595 Art 7");
    FX_PUSH(p->deadlines, p->ndeadlines, .from = fx_period(2023, 4), .rule = TN_DL_END_OF_CYCLE,
            .bhtn_monthly = 1, .source = "Decision 490/2023");
    FX_PUSH(p->deadlines, p->ndeadlines, .from = fx_period(2025, 7),
            .rule = TN_DL_END_OF_NEXT_MONTH, .bhtn_monthly = 1, .source = "Law 41 Art 34.4");
    FX_PUSH(p->interest, p->ninterest, .from = fx_day(2016, 1, 1), .kind = TN_INT_MONTHLY_K,
            .source = "Law 58 Art 122.3");
    FX_PUSH(p->interest, p->ninterest, .from = fx_day(2025, 7, 1), .kind = TN_INT_DAILY,
            .daily_rate = 300, .source = "Law 41 Art 40");
    FX_PUSH(p->k, p->nk, .year = 2016, .group = TN_K_BHXH_BHTN, .k = 10650, .source = "k 2016");
    FX_PUSH(p->k, p->nk, .year = 2017, .group = TN_K_BHXH_BHTN, .k = 13170, .source = "k 2017");
    FX_PUSH(p->k, p->nk, .year = 2017, .group = TN_K_BHYT, .k = 9670, .source = "k 2017 BHYT");
    FX_PUSH(p->allocation, p->nallocation, .from = fx_day(2016, 1, 1),
            .order = {TN_G_BHYT, TN_G_BHTN, TN_G_BHXH}, .source = "Decision 60/2015 Art 6");
    FX_PUSH(p->legal, p->nlegal, .from = fx_day(2016, 1, 1), .evasion_days = 0, .source = "Law 58");
    FX_PUSH(p->legal, p->nlegal, .from = fx_day(2025, 7, 1), .evasion_days = 60,
            .source = "Law 41 Art 39");
    tn_policy_sort(p);
}

#endif
