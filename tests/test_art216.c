/*
 * test_art216.c - the Art 216 facts counted from a unit's unpaid lines (art216.h) and the
 * spreading of principal due over periods and groups (aging.h tn_aging_unpaid), on a unit
 * derived by hand below, with the policy of rules.md (tests/policy_fixture.h) and
 * policy/criminal.csv's three clauses.
 *
 * The unit pays monthly; each period charges BHYT 4,500,000, BHTN 2,000,000, BHXH 25,500,000
 * (32,000,000). Its principal due on 2026-10-31 is 6 x 32,000,000 + 10,000,000 = 202,000,000:
 * the newest six periods whole and 10,000,000 of 2017-11, the group paid last (BHXH).
 *
 * | period  | deadline   | evasion from (+61 days) | unpaid     | workers |
 * | 2017-11 | 2017-11-30 | 2018-01-30              | 10,000,000 | 3 | act before 2018: excluded
 * | 2017-12 | 2017-12-31 | 2018-03-02              | 32,000,000 | 3 | act before 2018: excluded
 * | 2018-01 | 2018-01-31 | 2018-04-02              | 32,000,000 | 4 | counted
 * | 2026-07 | 2026-08-31 | 2026-10-31              | 32,000,000 | 5 | counted on 2026-10-31
 * | 2026-08 | 2026-09-30 | 2026-11-30              | 32,000,000 | 2 | late only
 * | 2026-09 | 2026-10-31 | 2026-12-31              | 32,000,000 | 2 | late only
 * | 2026-10 | 2026-11-30 | 2027-01-30              | 32,000,000 | 2 | not yet due
 * (Law 58 era: deadline the month's end; Law 41 era from 2025-07: the next month's end; 60
 * evasion days by the rule in force on the check day, as tn_aging_compute judges.)
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "policy_fixture.h"
#include "thuno/art216.h"

static struct tn_policy pol;
static struct tn_aging_period periods[7];

static void make_periods(void)
{
    static const int ym[7][3] = {{2017, 11, 3}, {2017, 12, 3}, {2018, 1, 4}, {2026, 7, 5},
                                 {2026, 8, 2},  {2026, 9, 2},  {2026, 10, 2}};
    for (int i = 0; i < 7; i++)
        periods[i] = (struct tn_aging_period){
            fx_period(ym[i][0], ym[i][1]), {4500000, 2000000, 25500000}, ym[i][2]};
}

static int setup(void **state)
{
    (void)state;
    fx_policy(&pol);
    static const tn_money amount[3] = {50000000, 300000000, 1000000000};
    static const long workers[3] = {10, 50, 200};
    for (int i = 0; i < 3; i++)
        FX_PUSH(pol.criminal, pol.ncriminal, .from = fx_day(2018, 1, 1), .clause = i + 1,
                .min_amount = amount[i], .min_workers = workers[i], .min_months = 6,
                .acts_from = fx_day(2018, 1, 1), .source = "Criminal Code Art 216");
    make_periods();
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    tn_policy_release(&pol);
    return 0;
}

static void unpaid_spreads_newest_first(void **state)
{
    (void)state;
    static const enum tn_group order[TN_G_COUNT] = {TN_G_BHYT, TN_G_BHTN, TN_G_BHXH};
    static const struct aging_period_case {
        tn_money due;
        tn_money want0[TN_G_COUNT]; /* 2017-11: BHYT, BHTN, BHXH */
        tn_money want1[TN_G_COUNT]; /* 2017-12 */
    } t[] = {
        {0, {0, 0, 0}, {0, 0, 0}},
        {192000000, {0, 0, 0}, {4500000, 2000000, 25500000}}, /* six newest whole */
        {202000000, {0, 0, 10000000}, {4500000, 2000000, 25500000}},
        {218000000, {0, 500000, 25500000}, {4500000, 2000000, 25500000}},        /* 26,000,000 */
        {250000000, {4500000, 2000000, 25500000}, {4500000, 2000000, 25500000}}, /* over all */
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        tn_money u[7 * TN_G_COUNT];
        tn_aging_unpaid(periods, 7, t[i].due, order, u);
        for (int g = 0; g < TN_G_COUNT; g++) {
            assert_int_equal(u[g], t[i].want0[g]);
            assert_int_equal(u[TN_G_COUNT + g], t[i].want1[g]);
        }
    }
    /* a negative charge (thoái thu) is nothing to pay */
    struct tn_aging_period neg = {fx_period(2026, 1), {-5, 10, 20}, 1};
    tn_money u[TN_G_COUNT];
    tn_aging_unpaid(&neg, 1, 100, order, u);
    assert_int_equal(u[TN_G_BHYT], 0);
    assert_int_equal(u[TN_G_BHTN], 10);
    assert_int_equal(u[TN_G_BHXH], 20);
}

static void count_matches_table(void **state)
{
    (void)state;
    static const enum tn_group order[TN_G_COUNT] = {TN_G_BHYT, TN_G_BHTN, TN_G_BHXH};
    tn_money u[7 * TN_G_COUNT];
    tn_aging_unpaid(periods, 7, 202000000, order, u);
    const struct {
        tn_day day;
        int fined;
        tn_money evaded, excluded;
        int months;
        long workers;
        int nperiods, clause;
        enum tn_art216_reason reason;
        const char *lines;
    } t[] = {
        /* 2018-01 and 2026-07: 64,000,000; Law 41 Art 39 does not reach back, so 2018-01's 60
         * days run from 2025-07-01 (the rule's first day): evading from 2025-08-30 (2025-06-30
         * + 60 + 1); months 2025-08-30 .. 2026-10-31 = 14 whole months; 5 workers in 2026-07 */
        {fx_day(2026, 10, 31), 1, 64000000, 42000000, 14, 5, 2, 1, TN_ART216_CANDIDATE,
         "kỳ 2018-01..2026-07 (2 kỳ), trốn đóng từ 2025-08-30; 5 NLĐ kỳ 2026-07; trước "
         "2018-01-01 không tính: 42000000"},
        /* a day earlier 2026-07 is still late: 2018-01 alone, 32,000,000 < 50,000,000 */
        {fx_day(2026, 10, 30), 1, 32000000, 42000000, 14, 4, 1, 0, TN_ART216_BELOW,
         "kỳ 2018-01..2018-01 (1 kỳ), trốn đóng từ 2025-08-30; 4 NLĐ kỳ 2018-01; trước "
         "2018-01-01 không tính: 42000000"},
        /* no fine for the act yet */
        {fx_day(2026, 10, 31), 0, 64000000, 42000000, 14, 5, 2, 0, TN_ART216_NOT_FINED, NULL},
        /* under Law 58 (no evasion by days) nothing is evasion */
        {fx_day(2025, 6, 30), 1, 0, 0, 0, 0, 0, 0, TN_ART216_BELOW, ""},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        struct tn_art216_count c;
        assert_int_equal(tn_art216_count(&pol, 1, t[i].day, periods, 7, u, t[i].fined, &c), TN_OK);
        assert_int_equal(c.facts.evaded, t[i].evaded);
        assert_int_equal(c.excluded, t[i].excluded);
        assert_int_equal(c.facts.months, t[i].months);
        assert_int_equal(c.facts.workers, t[i].workers);
        assert_int_equal(c.nperiods, t[i].nperiods);
        struct tn_art216 a;
        assert_int_equal(tn_sanction_art216(pol.criminal, pol.ncriminal, t[i].day, &c.facts, &a),
                         TN_OK);
        if (a.clause != t[i].clause || a.reason != t[i].reason)
            fail_msg("row %zu: clause %d reason %s", i, a.clause, tn_art216_reason_name(a.reason));
        if (t[i].lines) {
            char buf[256];
            tn_art216_count_lines(&c, buf, sizeof buf);
            assert_string_equal(buf, t[i].lines);
        }
    }
    /* the evasion must last 6 months: 2026-07 alone on 2026-12-31 lasted 2026-10-31 .. */
    tn_money only[7 * TN_G_COUNT] = {0};
    for (int g = 0; g < TN_G_COUNT; g++)
        only[3 * TN_G_COUNT + g] = u[3 * TN_G_COUNT + g];
    struct tn_art216_count c;
    assert_int_equal(tn_art216_count(&pol, 1, fx_day(2027, 4, 29), periods, 7, only, 1, &c), TN_OK);
    assert_int_equal(c.facts.months, 5); /* 2026-10-31 .. 2027-04-29: 5 whole months */
    assert_int_equal(tn_art216_count(&pol, 1, fx_day(2027, 4, 30), periods, 7, only, 1, &c), TN_OK);
    assert_int_equal(c.facts.months, 6); /* .. 2027-04-30: 6 */
    assert_int_equal(tn_art216_count(&pol, 1, fx_day(2017, 12, 31), periods, 7, only, 1, &c),
                     TN_ERR_NO_POLICY); /* no criminal rule before 2018 */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(unpaid_spreads_newest_first),
        cmocka_unit_test(count_matches_table),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
