/*
 * test_sanction.c - the late-payment fine range (Decree 12/2022 Art 39, Art 6) and the Art 216
 * referral check at every threshold's boundary (rules.md §9), with the rules written here as
 * policy/sanctions.csv and policy/criminal.csv state them.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "thuno/sanction.h"

static tn_day day(int y, int m, int d)
{
    tn_day out = 0;
    assert_int_equal(tn_day_make(y, m, d, &out), TN_OK);
    return out;
}

static void fine_range_and_cap(void **state)
{
    (void)state;
    struct tn_fine_rule r = {
        day(2022, 1, 17), TN_FINE_LATE, TN_FINE_BASE_BHXH_BHTN, 120000, 150000, 75000000, 2,
        "Decree 12/2022"};
    static const struct {
        tn_money payable;
        int org;
        tn_money min, max, proposed;
        int capped;
    } t[] = {
        {100000000, 0, 12000000, 15000000, 13500000, 0},
        {100000000, 1, 24000000, 30000000, 27000000, 0},    /* organisation: double */
        {500000000, 0, 60000000, 75000000, 67500000, 0},    /* 15% = 75,000,000 exactly: cap */
        {500000003, 0, 60000000, 75000000, 67500000, 0},    /* 75,000,000.45 rounds to the cap */
        {500000004, 0, 60000000, 75000000, 67500000, 1},    /* 75,000,000.6 -> 75,000,001: capped */
        {625000000, 1, 150000000, 150000000, 150000000, 1}, /* 12% reaches the cap too */
        {3, 0, 0, 0, 0, 0},                                 /* 0.36 and 0.45 round to 0 */
        {5, 0, 1, 1, 1, 0},                                 /* 0.6 and 0.75 round to 1 */
        {0, 1, 0, 0, 0, 0},
        /* Art 6.1: double the individual's rounded amount, not the rounded 24%: 5 x 12% = 0.6
         * -> 1 -> 2 (5 x 24% = 1.2 would round to 1); 5 x 15% = 0.75 -> 1 -> 2 */
        {5, 1, 2, 2, 2, 0},
        /* 7 x 12% = 0.84 -> 1 -> 2; 7 x 15% = 1.05 -> 1 -> 2 */
        {7, 1, 2, 2, 2, 0},
        {13, 0, 2, 2, 2, 0},     /* 1.56 -> 2; 1.95 -> 2 */
        {17, 1, 4, 6, 5, 0},     /* 2.04 -> 2 -> 4; 2.55 -> 3 -> 6; middle 5 */
        {101, 0, 12, 15, 13, 0}, /* 12.12 -> 12; 15.15 -> 15; middle 13.5 rounded down */
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        struct tn_fine f;
        assert_int_equal(tn_sanction_fine(&r, 1, day(2025, 1, 1), t[i].payable, t[i].org, &f),
                         TN_OK);
        assert_int_equal(f.min, t[i].min);
        assert_int_equal(f.max, t[i].max);
        assert_int_equal(f.proposed, t[i].proposed);
        assert_int_equal(f.capped, t[i].capped);
    }
    struct tn_fine f;
    assert_int_equal(tn_sanction_fine(&r, 1, day(2022, 1, 16), 1, 0, &f), TN_ERR_NO_POLICY);
    assert_int_equal(tn_sanction_fine(&r, 1, day(2022, 1, 17), -1, 0, &f), TN_ERR_RANGE);
}

/* policy/sanctions.csv's four lists: each violation and base has its own rule, and a unit is
 * fined under the list of its violation only. */
static void fine_lists_by_violation_and_base(void **state)
{
    (void)state;
    const struct tn_fine_rule r[] = {
        {day(2022, 1, 17), TN_FINE_LATE, TN_FINE_BASE_BHXH_BHTN, 120000, 150000, 75000000, 2,
         "Decree 12/2022 Art 39.5"},
        {day(2022, 1, 17), TN_FINE_EVASION, TN_FINE_BASE_BHXH_BHTN, 180000, 200000, 75000000, 2,
         "Decree 12/2022 Art 39.6"},
        {day(2020, 11, 15), TN_FINE_LATE, TN_FINE_BASE_BHYT, 120000, 150000, 75000000, 2,
         "Decree 117/2020 Art 80"},
        {day(2020, 11, 15), TN_FINE_EVASION, TN_FINE_BASE_BHYT, 180000, 200000, 75000000, 2,
         "Decree 117/2020 Art 80"},
    };
    const struct {
        enum tn_fine_violation v;
        enum tn_fine_base b;
        tn_day on;
        tn_money payable;
        tn_err err;
        tn_money min, max, proposed;
        size_t rule;
    } t[] = {
        /* 100,000,000 BHXH + BHTN late: 12% 12,000,000 .. 15% 15,000,000, x2 for an org */
        {TN_FINE_LATE, TN_FINE_BASE_BHXH_BHTN, day(2025, 1, 1), 100000000, TN_OK, 24000000,
         30000000, 27000000, 0},
        /* evading: 18% 18,000,000 .. 20% 20,000,000, x2 */
        {TN_FINE_EVASION, TN_FINE_BASE_BHXH_BHTN, day(2025, 1, 1), 100000000, TN_OK, 36000000,
         40000000, 38000000, 1},
        /* evading 400,000,000: 72,000,000 .. 80,000,000 capped at 75,000,000, x2 */
        {TN_FINE_EVASION, TN_FINE_BASE_BHXH_BHTN, day(2025, 1, 1), 400000000, TN_OK, 144000000,
         150000000, 147000000, 1},
        /* BHYT late on 4,500,000: 540,000 .. 675,000, x2 */
        {TN_FINE_LATE, TN_FINE_BASE_BHYT, day(2021, 6, 1), 4500000, TN_OK, 1080000, 1350000,
         1215000, 2},
        {TN_FINE_EVASION, TN_FINE_BASE_BHYT, day(2021, 6, 1), 4500000, TN_OK, 1620000, 1800000,
         1710000, 3},
        /* Decree 12/2022 is not in force in 2021: no BHXH proposal, BHYT has its own */
        {TN_FINE_LATE, TN_FINE_BASE_BHXH_BHTN, day(2021, 6, 1), 1, TN_ERR_NO_POLICY, 0, 0, 0, 0},
        {TN_FINE_LATE, TN_FINE_BASE_BHYT, day(2020, 11, 14), 1, TN_ERR_NO_POLICY, 0, 0, 0, 0},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        struct tn_fine f;
        tn_err err = tn_sanction_fine_of(r, 4, t[i].v, t[i].b, t[i].on, t[i].payable, 1, &f);
        assert_int_equal(err, t[i].err);
        if (err)
            continue;
        assert_int_equal(f.min, t[i].min);
        assert_int_equal(f.max, t[i].max);
        assert_int_equal(f.proposed, t[i].proposed);
        assert_ptr_equal(f.rule, &r[t[i].rule]);
    }
    assert_string_equal(tn_fine_violation_name(TN_FINE_EVASION), "evasion");
    assert_string_equal(tn_fine_base_name(TN_FINE_BASE_BHYT), "BHYT");
}

/* Criminal Code Art 216 as amended 2017 (rules.md §9). */
static struct tn_criminal_rule rules[3];

static int setup(void **state)
{
    (void)state;
    for (int i = 0; i < 3; i++)
        rules[i] = (struct tn_criminal_rule){
            day(2018, 1, 1), i + 1, 0, 0, 6, day(2018, 1, 1), "Criminal Code Art 216"};
    rules[0].min_amount = 50000000, rules[0].min_workers = 10;
    rules[1].min_amount = 300000000, rules[1].min_workers = 50;
    rules[2].min_amount = 1000000000, rules[2].min_workers = 200;
    return 0;
}

static void art216_thresholds(void **state)
{
    (void)state;
    static const struct {
        tn_money evaded;
        long workers;
        int months, fined;
        int clause;
        enum tn_art216_reason reason;
    } t[] = {
        {49999999, 9, 6, 1, 0, TN_ART216_BELOW},
        {50000000, 0, 6, 1, 1, TN_ART216_CANDIDATE},
        {0, 10, 6, 1, 1, TN_ART216_CANDIDATE},
        {299999999, 49, 6, 1, 1, TN_ART216_CANDIDATE},
        {300000000, 0, 6, 1, 2, TN_ART216_CANDIDATE},
        {0, 50, 6, 1, 2, TN_ART216_CANDIDATE},
        {999999999, 199, 6, 1, 2, TN_ART216_CANDIDATE},
        {1000000000, 0, 6, 1, 3, TN_ART216_CANDIDATE},
        {0, 200, 6, 1, 3, TN_ART216_CANDIDATE},
        {49999999, 200, 6, 1, 3, TN_ART216_CANDIDATE},   /* workers alone reach clause 3 */
        {1000000000, 200, 5, 1, 0, TN_ART216_TOO_SHORT}, /* 5 months: not yet */
        {1000000000, 200, 6, 0, 0, TN_ART216_NOT_FINED}, /* no fine for the act yet */
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        struct tn_art216_facts f = {t[i].evaded, t[i].workers, t[i].months, t[i].fined};
        struct tn_art216 a;
        assert_int_equal(tn_sanction_art216(rules, 3, day(2025, 1, 1), &f, &a), TN_OK);
        if (a.clause != t[i].clause || a.reason != t[i].reason)
            fail_msg("row %zu: clause %d reason %s", i, a.clause, tn_art216_reason_name(a.reason));
    }
    struct tn_art216_facts f = {1, 1, 1, 1};
    struct tn_art216 a;
    assert_int_equal(tn_sanction_art216(rules, 3, day(2017, 12, 31), &f, &a), TN_ERR_NO_POLICY);
    assert_string_equal(tn_art216_reason_name(TN_ART216_TOO_SHORT), "too_short");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fine_range_and_cap),
        cmocka_unit_test(fine_lists_by_violation_and_base),
        cmocka_unit_test_setup(art216_thresholds, setup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
