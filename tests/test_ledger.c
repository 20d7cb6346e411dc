/*
 * test_ledger.c - replay of a unit's account: interest in both eras, allocation, credit,
 * aging. Every expected figure is derived in the comment beside it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "ledger_fixture.h"
#include "thuno/aging.h"
#include "thuno/ledger.h"

static void charge(struct scenario *s, tn_period R, enum tn_group g, tn_money amount)
{
    s->charges[R - s->in.start].principal[g] += amount;
}

static void pay(struct scenario *s, tn_day on, tn_money amount)
{
    s->payments[s->in.npayments++] = (struct tn_ledger_payment){on, amount, "T", NULL};
}

static void law58_interest_is_P_times_k_monthly(void **state)
{
    struct scenario *s = *state;
    s->in.start = fx_period(2016, 1);
    s->in.period = fx_period(2016, 12);
    charge(s, fx_period(2016, 1), TN_G_BHXH, 50000000);
    assert_int_equal(tn_ledger_replay(&s->in, &s->r), TN_OK);
    /* 2016-01 is due 2016-01-31 and excluded on 2016-02-01 as last month's assessment; the
     * first charge is on 2016-03-01 for February; 1st of Mar..Dec = 10 charges of
     * 50,000,000 x 1.065% = 532,500 */
    assert_int_equal(s->r.ninterest, 10);
    for (size_t i = 0; i < s->r.ninterest; i++) {
        assert_int_equal(s->r.interest[i].amount, 532500);
        assert_int_equal(s->r.interest[i].principal, 50000000);
        assert_int_equal(s->r.interest[i].rate, 10650);
        assert_int_equal(s->r.interest[i].accrual_month, s->r.interest[i].charge_period - 1);
    }
    assert_int_equal(s->r.interest_total[TN_G_BHXH], 5325000);
    assert_int_equal(s->r.interest_before[TN_G_BHXH], 9 * 532500); /* all but December's */
    assert_int_equal(s->r.principal_due, 50000000);
    assert_int_equal(s->r.interest_due, 5325000);
}

static void law58_uses_the_k_of_each_year(void **state)
{
    struct scenario *s = *state;
    s->in.start = fx_period(2016, 1);
    s->in.period = fx_period(2017, 5);
    charge(s, fx_period(2016, 1), TN_G_BHXH, 50000000);
    assert_int_equal(tn_ledger_replay(&s->in, &s->r), TN_OK);
    /* 15 charges (1st of 2016-03 .. 2017-05) pricing Feb 2016 .. Apr 2017: the official
     * example's 15 months, but 11 of them in 2016 at 1.065% (532,500) and 4 in 2017 at
     * 1.317% (658,500): 5,857,500 + 2,634,000 */
    assert_int_equal(s->r.ninterest, 15);
    assert_int_equal(s->r.interest_total[TN_G_BHXH], 8491500);
}

static void law58_missing_k_is_reported_not_guessed(void **state)
{
    struct scenario *s = *state;
    s->in.start = fx_period(2024, 1);
    s->in.period = fx_period(2024, 4);
    charge(s, fx_period(2024, 1), TN_G_BHYT, 3000000);
    assert_int_equal(tn_ledger_replay(&s->in, &s->r), TN_OK);
    /* charges on 1st Mar and 1st Apr, k 2024 not loaded: two items, amount 0, principal kept */
    assert_int_equal(s->r.ninterest, 2);
    assert_true(s->r.interest[0].missing_rate);
    assert_int_equal(s->r.interest[0].principal, 3000000);
    assert_int_equal(s->r.interest[0].amount, 0);
    assert_int_equal(s->r.interest[0].year, 2024);
    assert_int_equal(s->r.interest_due, 0);
}

static void law41_daily_interest_stops_the_day_before_payment(void **state)
{
    struct scenario *s = *state;
    s->in.start = fx_period(2025, 7);
    s->in.period = fx_period(2025, 10);
    charge(s, fx_period(2025, 7), TN_G_BHXH, 10000000);
    pay(s, fx_day(2025, 10, 11), 10000000);
    assert_int_equal(tn_ledger_replay(&s->in, &s->r), TN_OK);
    /* July is due 2025-08-31 (Law 41 Art 34.4). September: 30 days x 10,000,000 x 0.03% =
     * 90,000. October: the 1st..10th, 10 days = 30,000; the payment day is not counted. */
    assert_int_equal(s->r.ninterest, 2);
    assert_int_equal(s->r.interest[0].days, 30);
    assert_int_equal(s->r.interest[0].amount, 90000);
    assert_int_equal(s->r.interest[0].from, fx_day(2025, 9, 1));
    assert_int_equal(s->r.interest[1].days, 10);
    assert_int_equal(s->r.interest[1].to, fx_day(2025, 10, 10));
    assert_int_equal(s->r.interest[1].amount, 30000);
    /* the payment goes to the oldest period first: July's principal, in full */
    assert_int_equal(s->r.principal_due, 0);
    assert_int_equal(s->r.interest_due, 120000);
    assert_int_equal(s->r.paid_total, 10000000);
}

static void law41_payment_day_counts_when_policy_says_so(void **state)
{
    struct scenario *s = *state;
    s->pol.interest[1].count_payment_day = 1;
    s->in.start = fx_period(2025, 7);
    s->in.period = fx_period(2025, 10);
    charge(s, fx_period(2025, 7), TN_G_BHXH, 10000000);
    pay(s, fx_day(2025, 10, 11), 10000000);
    assert_int_equal(tn_ledger_replay(&s->in, &s->r), TN_OK);
    assert_int_equal(s->r.interest[1].days, 11); /* 1st..11th */
    assert_int_equal(s->r.interest[1].amount, 33000);
}

static void transition_law58_arrears_accrue_daily_from_july_2025(void **state)
{
    struct scenario *s = *state;
    s->in.start = fx_period(2025, 5);
    s->in.period = fx_period(2025, 7);
    charge(s, fx_period(2025, 5), TN_G_BHXH, 1000000);
    charge(s, fx_period(2025, 6), TN_G_BHXH, 1000000);
    assert_int_equal(tn_ledger_replay(&s->in, &s->r), TN_OK);
    /* 2025-07-01: the last Law 58 charge, for June: P = May (due 05-31); k 2025 missing.
     * July: both May (due 05-31) and June (due 06-30) are late every day: 2,000,000 x 31 x
     * 0.03% = 18,600. */
    assert_int_equal(s->r.ninterest, 2);
    assert_int_equal(s->r.interest[0].rule, TN_INT_MONTHLY_K);
    assert_true(s->r.interest[0].missing_rate);
    assert_int_equal(s->r.interest[0].principal, 1000000);
    assert_int_equal(s->r.interest[1].rule, TN_INT_DAILY);
    assert_int_equal(s->r.interest[1].principal, 2000000);
    assert_int_equal(s->r.interest[1].amount, 18600);
}

static void allocation_follows_group_order(void **state)
{
    struct scenario *s = *state;
    s->in.start = s->in.period = fx_period(2025, 7);
    charge(s, fx_period(2025, 7), TN_G_BHXH, 100000);
    charge(s, fx_period(2025, 7), TN_G_BHTN, 100000);
    charge(s, fx_period(2025, 7), TN_G_BHYT, 100000);
    pay(s, fx_day(2025, 7, 15), 150000);
    assert_int_equal(tn_ledger_replay(&s->in, &s->r), TN_OK);
    /* Decision 60/2015 Art 6: BHYT, then BHTN, then BHXH */
    assert_int_equal(s->r.nalloc, 2);
    assert_int_equal(s->r.alloc[0].group, TN_G_BHYT);
    assert_int_equal(s->r.alloc[0].amount, 100000);
    assert_int_equal(s->r.alloc[1].group, TN_G_BHTN);
    assert_int_equal(s->r.alloc[1].amount, 50000);
    assert_int_equal(s->r.principal_due, 150000);
}

static void allocation_pays_oldest_period_first(void **state)
{
    struct scenario *s = *state;
    s->in.start = fx_period(2025, 7);
    s->in.period = fx_period(2025, 8);
    charge(s, fx_period(2025, 7), TN_G_BHXH, 100000);
    charge(s, fx_period(2025, 8), TN_G_BHYT, 100000);
    pay(s, fx_day(2025, 8, 5), 120000);
    assert_int_equal(tn_ledger_replay(&s->in, &s->r), TN_OK);
    /* July's BHXH before August's BHYT, whatever the group order */
    assert_int_equal(s->r.alloc[0].target, fx_period(2025, 7));
    assert_int_equal(s->r.alloc[0].amount, 100000);
    assert_int_equal(s->r.alloc[1].target, fx_period(2025, 8));
    assert_int_equal(s->r.alloc[1].amount, 20000);
}

static void overpayment_and_refund_become_credit(void **state)
{
    struct scenario *s = *state;
    s->in.start = fx_period(2025, 7);
    s->in.period = fx_period(2025, 9);
    charge(s, fx_period(2025, 7), TN_G_BHXH, 100);
    pay(s, fx_day(2025, 7, 5), 300);
    charge(s, fx_period(2025, 8), TN_G_BHXH, 100);
    charge(s, fx_period(2025, 9), TN_G_BHXH, -50); /* thoái thu */
    assert_int_equal(tn_ledger_replay(&s->in, &s->r), TN_OK);
    /* 300 - 100 (July) = 200 credit; August's 100 takes it to 100; the refund adds 50 */
    assert_int_equal(s->r.credit, 150);
    assert_int_equal(s->r.principal_due, -150);
    assert_int_equal(s->r.interest_due, 0);
}

static void quarterly_payer_law58_not_due_months_bear_no_interest(void **state)
{
    struct scenario *s = *state;
    s->in.unit.payment_cycle = 3;
    s->in.start = fx_period(2016, 1);
    s->in.period = fx_period(2016, 5);
    for (int m = 1; m <= 3; m++)
        charge(s, fx_period(2016, m), TN_G_BHXH, 1000000);
    assert_int_equal(tn_ledger_replay(&s->in, &s->r), TN_OK);
    /* Q1 is due 2016-03-31. 1st of March: nothing due yet. 1st of April: Jan and Feb (periods
     * <= A-2 whose deadline has passed by 03-31) = 2,000,000 x 1.065% = 21,300. 1st of May:
     * all three = 31,950. */
    assert_int_equal(s->r.ninterest, 2);
    assert_int_equal(s->r.interest[0].charge_period, fx_period(2016, 4));
    assert_int_equal(s->r.interest[0].amount, 21300);
    assert_int_equal(s->r.interest[1].amount, 31950);
}

static void aging_late_then_evading_after_60_days(void **state)
{
    struct scenario *s = *state;
    s->in.start = fx_period(2027, 11);
    charge(s, fx_period(2027, 11), TN_G_BHXH, 1000000); /* due 2027-12-31 */
    struct tn_aging a;
    static const struct {
        int y, m;
        enum tn_legal_status want;
        int days;
    } steps[] = {
        {2027, 12, TN_LS_LATE, 0},    /* the deadline day itself has just passed */
        {2028, 1, TN_LS_LATE, 31},    /* 31 days after the deadline */
        {2028, 2, TN_LS_LATE, 60},    /* 2028 is leap: 60 days exactly, still late */
        {2028, 3, TN_LS_EVADING, 91}, /* more than 60: Law 41 Art 39 */
    };
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        s->in.period = fx_period(steps[i].y, steps[i].m);
        assert_int_equal(tn_ledger_replay(&s->in, &s->r), TN_OK);
        assert_int_equal(tn_aging_compute(&s->in, &s->r, &a), TN_OK);
        assert_int_equal(a.status, steps[i].want);
        assert_int_equal(a.days_late, steps[i].days);
        assert_int_equal(a.oldest_unpaid, fx_period(2027, 11));
    }
}

static void aging_months_owed_and_buckets(void **state)
{
    struct scenario *s = *state;
    s->in.start = fx_period(2025, 7);
    s->in.period = fx_period(2025, 7);
    charge(s, fx_period(2025, 7), TN_G_BHXH, 2500000);
    struct tn_aging a;
    assert_int_equal(tn_ledger_replay(&s->in, &s->r), TN_OK);
    /* at the end of July, July's 2,500,000 is not due until 08-31: nothing is owed yet */
    assert_int_equal(tn_aging_compute(&s->in, &s->r, &a), TN_OK);
    assert_int_equal(a.months_owed_tenths, 0);
    assert_int_equal(a.overdue, 0);
    assert_string_equal(a.bucket, "0");
    assert_int_equal(a.status, TN_LS_CURRENT);
    assert_int_equal(a.oldest_unpaid, fx_period(2025, 7));
    /* at the end of September July is 30 days late, wholly unpaid: one month owed (each
     * month counts by the share of its own charge left unpaid; docs/ledger.md) */
    s->in.period = fx_period(2025, 9);
    assert_int_equal(tn_ledger_replay(&s->in, &s->r), TN_OK);
    assert_int_equal(tn_aging_compute(&s->in, &s->r, &a), TN_OK);
    assert_int_equal(a.overdue, 2500000);
    assert_int_equal(a.months_owed_tenths, 10);
    assert_string_equal(a.bucket, "1-3");
    assert_int_equal(a.status, TN_LS_LATE);
    /* 1,500,000 paid on 09-10: 1,000,000 / 2,500,000 of July left = 0.4 month, bucket 0 */
    pay(s, fx_day(2025, 9, 10), 1500000);
    assert_int_equal(tn_ledger_replay(&s->in, &s->r), TN_OK);
    assert_int_equal(tn_aging_compute(&s->in, &s->r, &a), TN_OK);
    assert_int_equal(a.months_owed_tenths, 4);
    assert_string_equal(a.bucket, "0");
    static const struct {
        int tenths;
        const char *bucket;
    } b[] = {{0, "0"},    {9, "0"},     {10, "1-3"},   {29, "1-3"}, {30, "3-6"},
             {59, "3-6"}, {60, "6-12"}, {119, "6-12"}, {120, "12+"}};
    for (size_t i = 0; i < sizeof b / sizeof b[0]; i++)
        assert_string_equal(tn_aging_bucket(b[i].tenths), b[i].bucket);
}

/* The state of a day (docs/payments-ops.md "The state of a day", the worked example of unit
 * A): November's close found 2.0 months owed, m = 5,120,000 a month, November's 5,120,000
 * not yet due (deadline 2025-12-31); debt, past its deadline, 10,560,000 of principal
 * (4,800,000 + 5,760,000) and 100,000 of interest. */
static void aging_state_of_a_day(void **state)
{
    (void)state;
    tn_day d10 = fx_day(2025, 12, 10), d30 = fx_day(2025, 12, 30), d31 = fx_day(2025, 12, 31);
    static const tn_money m = 5120000, debt = 10660000, paid = 10560000;
    /* 20 - floor(105,600,000 / 5,120,000) = 20 - 20 = 0 */
    assert_int_equal(tn_aging_day_tenths(20, m, debt, m, d31, paid, d10), 0);
    /* nothing paid, November not yet due: the close's 2.0 */
    assert_int_equal(tn_aging_day_tenths(20, m, debt, m, d31, 0, d30), 20);
    /* on its deadline November counts: 20 + 10 - 20 = 10 */
    assert_int_equal(tn_aging_day_tenths(20, m, debt, m, d31, paid, d31), 10);
    /* no pending deadline (-1): never added */
    assert_int_equal(tn_aging_day_tenths(20, m, debt, m, -1, 0, d31), 20);
    /* more paid than months owed: never below 0 */
    assert_int_equal(tn_aging_day_tenths(5, m, debt, 0, -1, 4 * m, d31), 0);
    /* the debt paid covers what is owed on the day: before November's deadline, the debt; on
     * it, the debt and November's charge (30 - floor(106,600,000 / 5,120,000) = 30 - 20) */
    assert_int_equal(tn_aging_day_tenths(20, m, debt, m, d31, debt, d30), 0);
    assert_int_equal(tn_aging_day_tenths(20, m, debt, m, d31, debt, d31), 10);
    assert_int_equal(tn_aging_day_tenths(20, m, debt, m, d31, debt + m, d31), 0);
    /* two small months owed (1,000,000 each, 2.0) and a larger month assessed since (5,000,000,
     * not yet due): paying the 2,000,000 past due clears the day; the not yet due month is
     * not owed (before, "covers" compared with the whole balance: 20 - 4 = 1.6 months) */
    assert_int_equal(tn_aging_day_tenths(20, 5000000, 2000000, 5000000, d31, 2000000, d10), 0);
    /* no assessed amount: the close's figure stands unless the debt is paid */
    assert_int_equal(tn_aging_day_tenths(30, 0, debt, 0, d10, paid, d31), 30);
    assert_int_equal(tn_aging_day_tenths(30, 0, debt, 0, d10, debt, d31), 0);
    /* pending: 1 month for a monthly payer; the k-th month of a quarterly cycle is k months
     * (March is the 3rd: 3 x m), at most the principal due, never below 0 */
    assert_int_equal(tn_aging_pending(m, 15680000, 1, fx_period(2025, 11)), m);
    assert_int_equal(tn_aging_pending(m, 15680000, 3, fx_period(2025, 1)), m);
    assert_int_equal(tn_aging_pending(m, 15680000, 3, fx_period(2025, 3)), 3 * m);
    assert_int_equal(tn_aging_pending(m, 6000000, 3, fx_period(2025, 3)), 6000000);
    assert_int_equal(tn_aging_pending(m, -500, 1, fx_period(2025, 3)), 0);
}

static void replay_refuses_payments_outside_window(void **state)
{
    struct scenario *s = *state;
    s->in.start = s->in.period = fx_period(2025, 7);
    pay(s, fx_day(2025, 8, 1), 100);
    assert_int_equal(tn_ledger_replay(&s->in, &s->r), TN_ERR_RANGE);
}

/* Decision 60/2015/QĐ-TTg Art 6: money earmarked for one worker settles that worker's own
 * principal first, oldest first. July and August each owe BHXH 10,000,000: worker 1
 * 8,000,000, worker 2 2,000,000; payments in August, the period closed is August (July is
 * due 08-31: no interest). Payments marked 1 are earmarked for worker 2. */
static const struct {
    int npay;
    struct {
        int mday;
        tn_money amount;
        int earmarked;
    } pay[3];
    tn_money want_jul, want_aug;
} earmark_cases[] = {
    /* worker 2's July and August, not July's 4,000,000 */
    {1, {{20, 4000000, 1}}, 8000000, 8000000},
    /* worker 2's 4,000,000, then 1,000,000 as any payment: oldest first, July */
    {1, {{20, 5000000, 1}}, 7000000, 8000000},
    /* one earmark shared: July 2,000,000 + August 1,000,000, then August 1,000,000 and the
     * 2,000,000 left to July */
    {2, {{20, 3000000, 1}, {21, 3000000, 1}}, 6000000, 8000000},
    /* July paid in full first: worker 2's July owes nothing; August 2,000,000, then 2,000,000 */
    {2, {{10, 10000000, 0}, {20, 4000000, 1}}, 0, 6000000},
    /* not earmarked: July first, as before */
    {1, {{20, 4000000, 0}}, 6000000, 10000000},
};

static void earmarked_worker_is_settled_first(void **state)
{
    struct scenario *s = *state;
    for (size_t i = 0; i < sizeof earmark_cases / sizeof earmark_cases[0]; i++) {
        memset(s->charges, 0, sizeof s->charges);
        s->in.npayments = 0;
        s->in.start = fx_period(2025, 7);
        s->in.period = fx_period(2025, 8);
        charge(s, fx_period(2025, 7), TN_G_BHXH, 10000000);
        charge(s, fx_period(2025, 8), TN_G_BHXH, 10000000);
        tn_money worker2[2 * TN_G_COUNT] = {0};
        worker2[TN_G_BHXH] = worker2[TN_G_COUNT + TN_G_BHXH] = 2000000;
        for (int j = 0; j < earmark_cases[i].npay; j++) {
            pay(s, fx_day(2025, 8, earmark_cases[i].pay[j].mday), earmark_cases[i].pay[j].amount);
            if (earmark_cases[i].pay[j].earmarked)
                s->payments[j].earmark = worker2;
        }
        assert_int_equal(tn_ledger_replay(&s->in, &s->r), TN_OK);
        assert_int_equal(s->r.out_principal[TN_G_BHXH], earmark_cases[i].want_jul);
        assert_int_equal(s->r.out_principal[TN_G_COUNT + TN_G_BHXH], earmark_cases[i].want_aug);
        assert_int_equal(s->r.ninterest, 0);
        assert_int_equal(worker2[TN_G_BHXH], 2000000); /* the caller's array is not touched */
    }
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(law58_interest_is_P_times_k_monthly),
        T(law58_uses_the_k_of_each_year),
        T(law58_missing_k_is_reported_not_guessed),
        T(law41_daily_interest_stops_the_day_before_payment),
        T(earmarked_worker_is_settled_first),
        T(law41_payment_day_counts_when_policy_says_so),
        T(transition_law58_arrears_accrue_daily_from_july_2025),
        T(allocation_follows_group_order),
        T(allocation_pays_oldest_period_first),
        T(overpayment_and_refund_become_credit),
        T(quarterly_payer_law58_not_due_months_bear_no_interest),
        T(aging_late_then_evading_after_60_days),
        T(aging_months_owed_and_buckets),
        T(aging_state_of_a_day),
        T(replay_refuses_payments_outside_window),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
