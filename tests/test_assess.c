/*
 * test_assess.c - one worker's monthly contributions: rates, caps, floor finding, funds,
 * rounding (rules.md §2-§4). Policy: tests/policy_fixture.h (rules.md figures).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "policy_fixture.h"
#include "thuno/assess.h"
#include "thuno/close_unit.h"

static const struct tn_unit_facts private1 = {TN_UT_PRIVATE, 1, 1, 0};
static const struct tn_unit_facts state1 = {TN_UT_STATE, 1, 1, 0};

static const struct {
    const struct tn_unit_facts *unit;
    int y, m;
    tn_money salary;
    unsigned funds;
    tn_money want[TN_C_COUNT];
    tn_money base_si, base_ui;
    int below_floor;
    const char *why;
} cases[] = {
    {&private1,
     2025,
     1,
     10000000,
     TN_FUND_ALL,
     {800000, 1400000, 300000, 50000, 150000, 300000, 100000, 100000},
     10000000,
     10000000,
     0,
     "8/14/3/0.5/1.5/3/1/1 % of 10,000,000 (Law 58 Art 85-86; 32% in all)"},
    {&private1,
     2025,
     1,
     60000000,
     TN_FUND_ALL,
     {3744000, 6552000, 1404000, 234000, 702000, 1404000, 600000, 600000},
     46800000,
     60000000,
     0,
     "BHXH/BHYT base capped at 20 x 2,340,000 = 46,800,000; BHTN cap 20 x 4,960,000 not hit"},
    {&private1,
     2025,
     1,
     120000000,
     TN_FUND_ALL,
     {3744000, 6552000, 1404000, 234000, 702000, 1404000, 992000, 992000},
     46800000,
     99200000,
     0,
     "BHTN base capped at 20 x region I minimum 4,960,000 = 99,200,000"},
    {&private1,
     2024,
     6,
     60000000,
     TN_FUND_ALL,
     {2880000, 5040000, 1080000, 180000, 540000, 1080000, 600000, 600000},
     36000000,
     60000000,
     0,
     "June 2024: cap 20 x 1,800,000 = 36,000,000 (base salary rises 2024-07-01)"},
    {&private1,
     2025,
     1,
     4000000,
     TN_FUND_ALL,
     {320000, 560000, 120000, 20000, 60000, 120000, 40000, 40000},
     4000000,
     4000000,
     1,
     "below region I floor 4,960,000: assessed as declared, flagged"},
    {&private1,
     2025,
     1,
     10000000,
     TN_FUND_BHXH | TN_FUND_BHYT | TN_FUND_TNLD,
     {800000, 1400000, 300000, 50000, 150000, 300000, 0, 0},
     10000000,
     10000000,
     0,
     "no BHTN on the declaration: those components are 0"},
    {&private1,
     2021,
     8,
     10000000,
     TN_FUND_ALL,
     {800000, 1400000, 300000, 0, 150000, 300000, 100000, 100000},
     10000000,
     10000000,
     0,
     "TNLĐ 0% 2021-07..2022-06 (NQ 68/NQ-CP)"},
    {&state1,
     2021,
     8,
     10000000,
     TN_FUND_ALL,
     {800000, 1400000, 300000, 50000, 150000, 300000, 100000, 100000},
     10000000,
     10000000,
     0,
     "budget unit keeps TNLĐ 0.5% in the window"},
    {&private1,
     2025,
     1,
     4960001,
     TN_FUND_ALL,
     {396800, 694400, 148800, 24800, 74400, 148800, 49600, 49600},
     4960001,
     4960001,
     0,
     "half-up per component: 74,400.015 -> 74,400; 24,800.005 -> 24,800"},
    {&private1,
     2025,
     1,
     4960100,
     TN_FUND_ALL,
     {396808, 694414, 148803, 24801, 74402, 148803, 49601, 49601},
     4960100,
     4960100,
     0,
     "half-up: 24,800.5 -> 24,801; 74,401.5 -> 74,402; 148,803 exact"},
};

static void assess_matches_table(void **state)
{
    (void)state;
    struct tn_policy pol;
    fx_policy(&pol);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct tn_assessment a;
        assert_int_equal(tn_assess_worker(&pol, cases[i].unit, fx_period(cases[i].y, cases[i].m),
                                          cases[i].salary, cases[i].funds, &a),
                         TN_OK);
        tn_money total = 0;
        for (int c = 0; c < TN_C_COUNT; c++) {
            if (a.amount[c] != cases[i].want[c])
                fail_msg("case %zu (%s): component %s got %lld want %lld", i, cases[i].why,
                         tn_component_name((enum tn_component)c), (long long)a.amount[c],
                         (long long)cases[i].want[c]);
            total += cases[i].want[c];
        }
        assert_int_equal(a.total, total);
        assert_int_equal(a.base_si, cases[i].base_si);
        assert_int_equal(a.base_ui, cases[i].base_ui);
        assert_int_equal(a.below_floor, cases[i].below_floor);
        assert_int_equal(a.group_total[TN_G_BHYT], cases[i].want[4] + cases[i].want[5]);
    }
    tn_policy_release(&pol);
}

/* A below-floor finding cites the law of its period's era (legal.csv's line in force on the
 * period's first day): Law 58 up to 2025-06, Law 41 Art 39 from 2025-07; none when the base is
 * at or above the floor (region I: 3,500,000 from 2016, 4,960,000 from 2024-07). */
static void finding_cites_its_era(void **state)
{
    (void)state;
    struct tn_policy pol;
    fx_policy(&pol);
    static const struct {
        int y, m;
        tn_money salary;
        const char *law; /* prefix; NULL: no finding */
    } t[] = {
        {2025, 6, 4000000, "Law 58/2014/QH13 Art 89"},
        {2025, 7, 4000000, "Law 41/2024/QH15 Art 39"},
        {2019, 3, 3000000, "Law 58/2014/QH13 Art 89"},
        {2019, 3, 3500000, NULL}, /* exactly the floor: no finding */
        {2026, 1, 4960000, NULL},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        struct tn_assessment a;
        assert_int_equal(tn_assess_worker(&pol, &private1, fx_period(t[i].y, t[i].m), t[i].salary,
                                          TN_FUND_ALL, &a),
                         TN_OK);
        if (!t[i].law) {
            assert_int_equal(a.below_floor, 0);
            assert_null(a.floor_law);
            continue;
        }
        assert_int_equal(a.below_floor, 1);
        assert_non_null(a.floor_law);
        if (strncmp(a.floor_law, t[i].law, strlen(t[i].law)) != 0)
            fail_msg("row %zu: %s", i, a.floor_law);
    }
    tn_policy_release(&pol);
}

static void assess_outside_policy_is_an_error(void **state)
{
    (void)state;
    struct tn_policy pol;
    fx_policy(&pol);
    struct tn_assessment a;
    /* the fixture starts in 2016-01: December 2015 has no rates and is refused */
    assert_int_equal(
        tn_assess_worker(&pol, &private1, fx_period(2015, 12), 5000000, TN_FUND_ALL, &a),
        TN_ERR_NO_POLICY);
    struct tn_unit_facts bad = private1;
    bad.wage_region = 5;
    assert_int_equal(tn_assess_worker(&pol, &bad, fx_period(2025, 1), 5000000, TN_FUND_ALL, &a),
                     TN_ERR_RANGE);
    assert_int_equal(tn_assess_worker(&pol, &private1, fx_period(2025, 1), -1, TN_FUND_ALL, &a),
                     TN_ERR_RANGE);
    tn_policy_release(&pol);
}

/* A unit's month: each worker's row in force (the last started), a decrease assessing nothing,
 * summed per component. Private region I, 32% of the base (8% + 14% + 3% + 0.5% + 1.5% + 3% +
 * 1% + 1%). */
static void unit_sums_the_rows_in_force(void **state)
{
    (void)state;
    struct tn_policy pol;
    fx_policy(&pol);
    static const struct tn_close_decl d[] = {
        {.bhxh = "1", .from = 2025 * 12 + 0, .salary = 10000000, .funds = TN_FUND_ALL},
        {.bhxh = "1", .from = 2025 * 12 + 2, .salary = 12000000, .funds = TN_FUND_ALL},
        {.bhxh = "2", .from = 2025 * 12 + 0, .salary = 5000000, .funds = TN_FUND_ALL},
        {.bhxh = "2", .from = 2025 * 12 + 2, .decrease = 1, .funds = TN_FUND_ALL},
        {.bhxh = "3", .from = 2025 * 12 + 3, .salary = 8000000, .funds = TN_FUND_ALL},
    };
    static const struct {
        int y, m;
        tn_money total, pension_ee;
        long long workers;
    } t[] = {
        {2024, 12, 0, 0, 0},            /* before every row */
        {2025, 2, 4800000, 1200000, 2}, /* 10,000,000 + 5,000,000 */
        {2025, 3, 3840000, 960000, 1},  /* 12,000,000; worker 2 has left */
        {2025, 4, 6400000, 1600000, 2}, /* 12,000,000 + 8,000,000 */
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        tn_money amount[TN_C_COUNT];
        long long workers = -1;
        assert_int_equal(tn_assess_unit(&pol, &private1, fx_period(t[i].y, t[i].m), d,
                                        sizeof d / sizeof d[0], amount, &workers),
                         TN_OK);
        tn_money total = 0;
        for (int c = 0; c < TN_C_COUNT; c++)
            total += amount[c];
        assert_int_equal(total, t[i].total);
        assert_int_equal(amount[TN_C_PENSION_EE], t[i].pension_ee);
        assert_int_equal(workers, t[i].workers);
    }
    tn_money amount[TN_C_COUNT];
    long long workers;
    /* a row in force before the policy's first line is refused; none in force needs none */
    static const struct tn_close_decl old = {
        .bhxh = "9", .from = 2015 * 12, .salary = 5000000, .funds = TN_FUND_ALL};
    assert_int_equal(
        tn_assess_unit(&pol, &private1, fx_period(2015, 12), &old, 1, amount, &workers),
        TN_ERR_NO_POLICY);
    assert_int_equal(tn_assess_unit(&pol, &private1, fx_period(2015, 12), d, 1, amount, &workers),
                     TN_OK);
    assert_int_equal(workers, 0);
    tn_policy_release(&pol);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(assess_matches_table),
        cmocka_unit_test(finding_cites_its_era),
        cmocka_unit_test(assess_outside_policy_is_an_error),
        cmocka_unit_test(unit_sums_the_rows_in_force),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
