/*
 * test_art216.c - the Art 216 facts counted from a unit's unpaid lines per charge period
 * (art216.h; the ledger's unpaid_line), on units derived by hand below, with the policy of
 * rules.md (tests/policy_fixture.h) and policy/criminal.csv's three clauses.
 *
 * The unit pays monthly; each period charges BHYT 4,500,000, BHTN 2,000,000, BHXH 25,500,000
 * (32,000,000). The ledger left unpaid on 2026-10-31 6 x 32,000,000 + 10,000,000 = 202,000,000:
 * the newest six periods whole and 10,000,000 of 2017-11's BHXH (the group paid last).
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
static struct tn_art216_period periods[7];

static void make_periods(void)
{
    static const int ym[7][3] = {{2017, 11, 3}, {2017, 12, 3}, {2018, 1, 4}, {2026, 7, 5},
                                 {2026, 8, 2},  {2026, 9, 2},  {2026, 10, 2}};
    for (int i = 0; i < 7; i++)
        periods[i] = (struct tn_art216_period){
            fx_period(ym[i][0], ym[i][1]), {4500000, 2000000, 25500000}, {0, 0, 0}, ym[i][2]};
    periods[0].unpaid[TN_G_BHYT] = periods[0].unpaid[TN_G_BHTN] = 0;
    periods[0].unpaid[TN_G_BHXH] = 10000000;
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

static void count_matches_table(void **state)
{
    (void)state;
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
        assert_int_equal(tn_art216_count(&pol, 1, t[i].day, periods, 7, t[i].fined, &c), TN_OK);
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
    const struct tn_art216_period *only = &periods[3];
    struct tn_art216_count c;
    assert_int_equal(tn_art216_count(&pol, 1, fx_day(2027, 4, 29), only, 1, 1, &c), TN_OK);
    assert_int_equal(c.facts.months, 5); /* 2026-10-31 .. 2027-04-29: 5 whole months */
    assert_int_equal(tn_art216_count(&pol, 1, fx_day(2027, 4, 30), only, 1, 1, &c), TN_OK);
    assert_int_equal(c.facts.months, 6); /* .. 2027-04-30: 6 */
    assert_int_equal(tn_art216_count(&pol, 1, fx_day(2017, 12, 31), only, 1, 1, &c),
                     TN_ERR_NO_POLICY); /* no criminal rule before 2018 */
}

/* Back-dated increases and opening balances, as the ledger charges them (docs/ledger.md
 * "Back-dated changes", "Opening balances"): each line is in the month it concerns.
 *
 * | line     | period  | deadline   | unpaid BHXH | of it back | evasion from             |
 * | opening  | 2025-05 | 2025-05-31 | 1,000,000   | 0          | 2025-08-30 (60 d from 07-01)|
 * | increase | 2025-03 | 2025-03-31 | 500,000     | 500,000    | 2025-07-01 (Law 41's day 1) |
 * | mixed    | 2026-08 | 2026-09-30 | 3,000,000   | 1,000,000  | 1,000,000 from 2026-10-01, |
 * |          |         |            |             |            | 2,000,000 from 2026-11-30  |
 * The increase is unpaid first (the contributions as declared were paid before it was known).
 * workers: 2026-08 has 2; 2025-03 has 3; an opening balance's period has none. */
static void back_dated_and_opening_lines_evade_from_their_month(void **state)
{
    (void)state;
    struct tn_art216_period opening = {fx_period(2025, 5), {0, 0, 1000000}, {0, 0, 0}, 0};
    struct tn_art216_period increase = {fx_period(2025, 3), {0, 0, 500000}, {0, 0, 500000}, 3};
    struct tn_art216_period mixed = {fx_period(2026, 8), {0, 0, 3000000}, {0, 0, 1000000}, 2};
    struct tn_art216_period over = mixed;
    over.back[TN_G_BHXH] = 5000000; /* an increase larger than what is unpaid: all of it */
    struct tn_art216_period two[2] = {opening, mixed};
    const struct {
        const struct tn_art216_period *p;
        size_t n;
        tn_day day;
        tn_money evaded;
        int months, nperiods;
        long workers;
        const char *lines;
    } t[] = {
        /* the increase alone: evaded on 2026-10-31 (1 whole month 10-01..10-31) */
        {&mixed, 1, fx_day(2026, 10, 31), 1000000, 1, 1, 2,
         "kỳ 2026-08..2026-08 (1 kỳ), trốn đóng từ 2026-10-01; 2 NLĐ kỳ 2026-08"},
        /* the day before, nothing */
        {&mixed, 1, fx_day(2026, 9, 30), 0, 0, 0, 0, ""},
        /* on 2026-11-30 the declared part too: 3,000,000, since 10-01: 2 months (10-01..11-30) */
        {&mixed, 1, fx_day(2026, 11, 30), 3000000, 2, 1, 2, NULL},
        {&over, 1, fx_day(2026, 10, 31), 3000000, 1, 1, 2, NULL},
        /* a Law 58-era increase: evasion from Law 41's first day, at once (not 60 days on) */
        {&increase, 1, fx_day(2025, 7, 31), 500000, 1, 1, 3,
         "kỳ 2025-03..2025-03 (1 kỳ), trốn đóng từ 2025-07-01; 3 NLĐ kỳ 2025-03"},
        /* the Law 58 era knows no evasion by days */
        {&increase, 1, fx_day(2025, 6, 30), 0, 0, 0, 0, ""},
        /* the opening balance is evaded from 2025-08-30, not 2025-07-31 */
        {&opening, 1, fx_day(2025, 8, 29), 0, 0, 0, 0, ""},
        {&opening, 1, fx_day(2025, 8, 30), 1000000, 0, 1, 0, NULL},
        /* both on 2026-10-31: 2,000,000 since 2025-08-30, 14 whole months, 2 workers */
        {two, 2, fx_day(2026, 10, 31), 2000000, 14, 2, 2,
         "kỳ 2025-05..2026-08 (2 kỳ), trốn đóng từ 2025-08-30; 2 NLĐ kỳ 2026-08"},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        struct tn_art216_count c;
        assert_int_equal(tn_art216_count(&pol, 1, t[i].day, t[i].p, t[i].n, 1, &c), TN_OK);
        if (c.facts.evaded != t[i].evaded || c.facts.months != t[i].months ||
            c.nperiods != t[i].nperiods || c.facts.workers != t[i].workers)
            fail_msg("row %zu: evaded %lld months %d periods %d workers %ld", i,
                     (long long)c.facts.evaded, c.facts.months, c.nperiods, c.facts.workers);
        assert_int_equal(c.excluded, 0);
        if (t[i].lines) {
            char buf[256];
            tn_art216_count_lines(&c, buf, sizeof buf);
            assert_string_equal(buf, t[i].lines);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(count_matches_table),
        cmocka_unit_test(back_dated_and_opening_lines_evade_from_their_month),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
