/*
 * test_aging.c - months owed and legal status from hand-derived tables (docs/ledger.md
 * "Months owed" and "Evasion"). Law 41 era, monthly payer: period M is due on the last day of
 * M+1 (Art 34.4); the fixture's Law 41 rule starts 2025-07-01 with 60 evasion days.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "ledger_fixture.h"
#include "thuno/aging.h"
#include "thuno/ledger.h"

static void reset(struct scenario *s, tn_period start, tn_period period)
{
    memset(s->charges, 0, sizeof s->charges);
    s->in.npayments = 0;
    s->in.start = start;
    s->in.period = period;
}

static void charge(struct scenario *s, tn_period R, tn_money amount)
{
    s->charges[R - s->in.start].principal[TN_G_BHXH] += amount;
}

static void pay(struct scenario *s, tn_day on, tn_money amount)
{
    s->payments[s->in.npayments++] = (struct tn_ledger_payment){on, amount, "T", NULL};
}

static void age(struct scenario *s, struct tn_aging *a)
{
    assert_int_equal(tn_ledger_replay(&s->in, &s->r), TN_OK);
    assert_int_equal(tn_aging_compute(&s->in, &s->r, a), TN_OK);
}

/* A unit that owed 100 workers' contributions for 2025-08..2025-12 (10,000,000 a month) and
 * then kept 2 workers (200,000 a month from 2026-01), nothing paid, reported for 2026-10. The
 * months past their deadline at 2026-10-31 are 2025-08..2026-09 (September is due 10-31):
 * 14 months, each wholly unpaid = 14.0. Dividing the 51,800,000 overdue by the latest month's
 * 200,000 would say 259.0 months for a debt that starts 2025-08 (the demo's YN001702M). */
static void months_owed_never_exceed_the_months_since_the_oldest_unpaid(void **state)
{
    struct scenario *s = *state;
    reset(s, fx_period(2025, 8), fx_period(2026, 10));
    for (tn_period p = fx_period(2025, 8); p <= fx_period(2025, 12); p++)
        charge(s, p, 10000000);
    for (tn_period p = fx_period(2026, 1); p <= fx_period(2026, 10); p++)
        charge(s, p, 200000);
    struct tn_aging a;
    age(s, &a);
    assert_int_equal(a.overdue, 5 * 10000000 + 9 * 200000);
    assert_int_equal(a.months_owed_tenths, 140);
    assert_int_equal(a.oldest_unpaid, fx_period(2025, 8));
    /* the bound: months from the oldest unpaid period to the period reported, inclusive */
    assert_true(a.months_owed_tenths <= (s->in.period - a.oldest_unpaid + 1) * 10);
    assert_string_equal(a.bucket, "12+");
}

/* Partial payments, oldest first. Charges 2025-07..10 of 4,000,000 each; reported for
 * 2025-10 (July, August, September past their deadline; October not). July's interest for
 * September (4,000,000 x 0.03% x 30 = 36,000) is charged on 09-30 and, inside July, paid after
 * July's principal and before August. Each row: money paid on 2025-10-15, then months owed:
 * the unpaid share of each overdue month's principal, summed, in tenths rounded down. */
static const struct {
    tn_money paid;
    int tenths;
    const char *bucket;
} partial[] = {
    {0, 30, "3-6"},       /* 1 + 1 + 1 */
    {1000000, 27, "1-3"}, /* July 3/4 + 1 + 1 = 2.75 -> 2.7 */
    {4000000, 20, "1-3"}, /* July paid: 0 + 1 + 1 */
    {9000000, 7, "0"},    /* 4,036,000 + 4,000,000; September 3,036,000 / 4,000,000 -> 0.7 */
    {11999999, 0, "0"},   /* September 36,001 unpaid: 0.009 month -> 0.0 */
    {12036000, 0, "0"},   /* every principal paid */
    {13036000, 0, "0"},   /* 1,000,000 to October, not yet due */
};

static void months_owed_counts_each_month_by_its_unpaid_share(void **state)
{
    struct scenario *s = *state;
    for (size_t i = 0; i < sizeof partial / sizeof partial[0]; i++) {
        reset(s, fx_period(2025, 7), fx_period(2025, 10));
        for (int m = 7; m <= 10; m++)
            charge(s, fx_period(2025, m), 4000000);
        if (partial[i].paid)
            pay(s, fx_day(2025, 10, 15), partial[i].paid);
        struct tn_aging a;
        age(s, &a);
        assert_int_equal(a.months_owed_tenths, partial[i].tenths);
        assert_string_equal(a.bucket, partial[i].bucket);
    }
}

/* A back-dated increase (truy thu) recognised in 2025-11 for 2025-07..2025-09 (+1,000,000 a
 * month, 3,000,000 charged in November) never lowers months owed, whether or not July was
 * partly paid; the old measure (overdue / latest assessment) fell from 3.0 to 2.4 as the
 * latest month's assessment rose from 4,000,000 to 5,000,000. Reported for 2025-11: July to
 * October past their deadlines. */
static void back_dated_increase_never_lowers_months_owed(void **state)
{
    struct scenario *s = *state;
    static const tn_money paid[] = {0, 2000000, 6000000};
    for (size_t i = 0; i < sizeof paid / sizeof paid[0]; i++) {
        struct tn_aging before, after;
        reset(s, fx_period(2025, 7), fx_period(2025, 11));
        for (int m = 7; m <= 11; m++)
            charge(s, fx_period(2025, m), 4000000);
        if (paid[i])
            pay(s, fx_day(2025, 9, 1), paid[i]);
        age(s, &before);
        charge(s, fx_period(2025, 11), 3000000 + 1000000); /* truy thu and November's raise */
        age(s, &after);
        assert_true(after.months_owed_tenths >= before.months_owed_tenths);
    }
    /* nothing paid: July..October wholly unpaid = 4.0 before and after */
    reset(s, fx_period(2025, 7), fx_period(2025, 11));
    for (int m = 7; m <= 11; m++)
        charge(s, fx_period(2025, m), 4000000);
    charge(s, fx_period(2025, 11), 4000000);
    struct tn_aging a;
    age(s, &a);
    assert_int_equal(a.months_owed_tenths, 40);
}

/* The evasion clock (Law 41 Art 39; rules.md §7): 60 days after the deadline, but for a
 * deadline before 2025-07-01 counted from 2025-06-30 (day 1 is 2025-07-01). A Law 58-era
 * month 2025-03 (due 2025-03-31) unpaid; each row: the period reported, status, days late
 * (from the deadline, as reminders print it) and days on the evasion clock. */
static const struct {
    int y, m;
    enum tn_legal_status status;
    int days_late, clock;
} law58_debt[] = {
    {2025, 6, TN_LS_LATE, 91, 0},      /* Law 58: no evasion by days */
    {2025, 7, TN_LS_LATE, 122, 31},    /* not evading on 2025-07-31 */
    {2025, 8, TN_LS_EVADING, 153, 62}, /* 2025-08-31 is day 62 > 60 */
};

static void evasion_clock_of_a_law58_debt_starts_on_2025_07_01(void **state)
{
    struct scenario *s = *state;
    for (size_t i = 0; i < sizeof law58_debt / sizeof law58_debt[0]; i++) {
        reset(s, fx_period(2025, 3), fx_period(law58_debt[i].y, law58_debt[i].m));
        charge(s, fx_period(2025, 3), 1000000);
        struct tn_aging a;
        age(s, &a);
        assert_int_equal(a.status, law58_debt[i].status);
        assert_int_equal(a.days_late, law58_debt[i].days_late);
        assert_int_equal(a.evasion_days, law58_debt[i].clock);
    }
    /* a Law 41 debt's clock runs from its own deadline: 2025-07 due 08-31, evading on the
     * 61st day after it, so at the end of October (61 days) and not at the end of September */
    reset(s, fx_period(2025, 7), fx_period(2025, 9));
    charge(s, fx_period(2025, 7), 1000000);
    struct tn_aging a;
    age(s, &a);
    assert_int_equal(a.status, TN_LS_LATE);
    s->in.period = fx_period(2025, 10);
    age(s, &a);
    assert_int_equal(a.evasion_days, 61);
    assert_int_equal(a.status, TN_LS_EVADING);
}

/* An under-declared base found later is evasion from the day after the deadline of the month
 * it concerns (Law 41 Art 39, rules.md §6), where a contribution as declared waits 60 days.
 * August 2025 (due 09-30) declared at 4,000,000 and paid on 09-15; a back-dated increase adds
 * `back` to August (ledger.h: charged to August, marked back), or the same sum is declared
 * on time (back 0); `more` is paid on 10-20. Each row: the period reported, status, days on the
 * evasion clock. A Law 58-era month (2025-03, due 03-31) under-declared is evading from
 * 2025-07-01 (the rule's first day), never before. */
static const struct {
    int month;      /* of 2025: the period reported */
    tn_money extra; /* added to August's principal */
    tn_money back;  /* of it, a back-dated increase */
    tn_money more;  /* paid on 10-20 */
    enum tn_legal_status status;
    int clock;
} underdeclared[] = {
    {9, 500000, 500000, 0, TN_LS_LATE, 0},           /* due 09-30: the day after is not over */
    {10, 500000, 500000, 0, TN_LS_EVADING, 31},      /* 10-01..10-31 */
    {10, 500000, 0, 0, TN_LS_LATE, 31},              /* declared on time: 31 of 60 days */
    {11, 500000, 0, 0, TN_LS_EVADING, 61},           /* the 61st day */
    {10, 500000, 500000, 500000, TN_LS_CURRENT, 0},  /* paid on 10-20: nothing unpaid */
    {10, 500000, 500000, 300000, TN_LS_EVADING, 31}, /* 200,000 of the increase unpaid */
    /* paying 600,000 less than declared leaves 600,000 as declared and the 500,000 increase
     * unpaid (the increase is covered last): evading by the increase, 31 days on both clocks */
    {10, 500000, 500000, -600000, TN_LS_EVADING, 31},
};

static void underdeclared_base_is_evasion_from_the_day_after_its_deadline(void **state)
{
    struct scenario *s = *state;
    for (size_t i = 0; i < sizeof underdeclared / sizeof underdeclared[0]; i++) {
        reset(s, fx_period(2025, 8), fx_period(2025, underdeclared[i].month));
        charge(s, fx_period(2025, 8), 4000000 + underdeclared[i].extra);
        s->charges[0].back[TN_G_BHXH] = underdeclared[i].back;
        tn_money more = underdeclared[i].more;
        pay(s, fx_day(2025, 9, 15), more < 0 ? 4000000 + more : 4000000);
        if (more > 0 && underdeclared[i].month >= 10)
            pay(s, fx_day(2025, 10, 20), more);
        struct tn_aging a;
        age(s, &a);
        assert_int_equal(a.status, underdeclared[i].status);
        assert_int_equal(a.evasion_days, underdeclared[i].clock);
    }
    /* Law 58 era: 2025-03 under-declared by 500,000, unpaid; the Law 41 rule starts 07-01 */
    static const struct {
        int month;
        enum tn_legal_status status;
        int clock;
    } law58[] = {{6, TN_LS_LATE, 0}, {7, TN_LS_EVADING, 31}};
    for (size_t i = 0; i < sizeof law58 / sizeof law58[0]; i++) {
        reset(s, fx_period(2025, 3), fx_period(2025, law58[i].month));
        charge(s, fx_period(2025, 3), 4500000);
        s->charges[0].back[TN_G_BHXH] = 500000;
        pay(s, fx_day(2025, 3, 20), 4000000);
        struct tn_aging a;
        age(s, &a);
        assert_int_equal(a.status, law58[i].status);
        assert_int_equal(a.evasion_days, law58[i].clock);
    }
    assert_int_equal(
        tn_aging_underdeclared_from(&s->pol.legal[s->pol.nlegal - 1], fx_day(2025, 9, 30)),
        fx_day(2025, 10, 1));
}

/* Interest left unpaid alone never makes a unit late or evading (Art 38-39 speak of
 * contributions): 2025-07 (1,000,000) paid 10 days late leaves 1,000,000 x 0.03% x 9 = 2,700
 * of interest (09-01..09-09; the payment day does not count); at the end of 2025-12 the unit
 * owes that interest only. */
static void interest_alone_is_neither_late_nor_evading(void **state)
{
    struct scenario *s = *state;
    reset(s, fx_period(2025, 7), fx_period(2025, 12));
    charge(s, fx_period(2025, 7), 1000000);
    pay(s, fx_day(2025, 9, 10), 1000000);
    struct tn_aging a;
    age(s, &a);
    assert_int_equal(s->r.interest_due, 2700);
    assert_int_equal(a.overdue, 0);
    assert_int_equal(a.months_owed_tenths, 0);
    assert_int_equal(a.status, TN_LS_CURRENT);
}

/* Interest paid before principal by the books' order is not a contribution kept back. July
 * and September: BHYT 1,000,000 and BHXH 3,000,000 each. July's 4,000,000 is paid on 09-10,
 * 9 days after its deadline (08-31): September carries its interest, BHYT 1,000,000 x 0.03% x
 * 9 = 2,700 and BHXH 8,100. On 10-20 the unit pays September's contributions, 4,000,000, before
 * their deadline (10-31); the books' order (Decision 60/2015 Art 6: oldest period first, BHYT
 * and its interest, then BHXH) pays September's BHYT 1,000,000, its 2,700 of interest, and
 * 2,997,300 of BHXH, leaving 2,700 of BHXH principal. At the end of December that is 61 days
 * after 10-31: the books' principal would make the unit evading, but it has paid every
 * contribution (8,000,000 of 8,000,000): current. Paying 3,995,000 instead leaves 5,000 of
 * contributions unpaid (7,700 in the books): evading. */
static const struct {
    tn_money second;
    tn_money books_principal;
    enum tn_legal_status status;
} leftover[] = {
    {4000000, 2700, TN_LS_CURRENT},
    {3995000, 7700, TN_LS_EVADING},
};

static void interest_paid_first_leaves_no_contribution_unpaid(void **state)
{
    struct scenario *s = *state;
    for (size_t i = 0; i < sizeof leftover / sizeof leftover[0]; i++) {
        reset(s, fx_period(2025, 7), fx_period(2025, 12));
        for (size_t k = 0; k <= 2; k += 2) {
            s->charges[k].principal[TN_G_BHYT] = 1000000;
            s->charges[k].principal[TN_G_BHXH] = 3000000;
        }
        pay(s, fx_day(2025, 9, 10), 4000000);
        pay(s, fx_day(2025, 10, 20), leftover[i].second);
        struct tn_aging a;
        age(s, &a);
        size_t sep = 2 * TN_G_COUNT;
        assert_int_equal(s->r.out_principal[sep + TN_G_BHYT], 0);
        assert_int_equal(s->r.out_principal[sep + TN_G_BHXH], leftover[i].books_principal);
        assert_int_equal(a.overdue, leftover[i].books_principal);
        assert_int_equal(a.days_late, 61);
        assert_int_equal(a.status, leftover[i].status);
        assert_int_equal(a.months_owed_tenths, 0); /* a few thousand đồng of 4,000,000 */
    }
}

/* Debt (docs/ledger.md "Debt"; Law 41 Art 34.4, 38, 40): what is past its deadline and
 * unpaid, apart from what is assessed and not yet due. BHXH charges of 4,000,000 a month
 * (3,000,000 for the quarterly payer) from `from` to the period reported; a monthly payer's
 * month M is due on the last day of M+1, a quarterly payer's July-September on 10-31 (the last
 * day of the month after the cycle). A deadline on the period's last day has passed once the
 * day is over, so the deadline's own month reports it as debt; the interest starts the day
 * after (4,000,000 x 0.03% x 30 days of November = 36,000). Each row hand-derived. */
static const struct {
    const char *what;
    int cycle;
    int from_month, to_month; /* 2025 */
    tn_money monthly;
    tn_money paid; /* on 2025-10-15 */
    tn_money principal, interest, not_due;
} debts[] = {
    {"before September's deadline (10-31): nothing due", 1, 9, 9, 4000000, 0, 0, 0, 4000000},
    {"deadline day itself (10-31, the period's last day) is over: September is debt", 1, 9, 10,
     4000000, 0, 4000000, 0, 4000000},
    {"the day after: 30 days of interest on September; October due on 11-30", 1, 9, 11, 4000000, 0,
     8000000, 36000, 4000000},
    {"partly paid, oldest first: September's 3,000,000 left", 1, 9, 10, 4000000, 1000000, 3000000,
     0, 4000000},
    {"overpaid: credit, no debt", 1, 9, 10, 4000000, 10000000, 0, 0, -2000000},
    {"monthly payer at September's end: July and August are due", 1, 7, 9, 3000000, 0, 6000000,
     900 * 30, 3000000},
    {"quarterly payer at September's end: its quarter is due on 10-31", 3, 7, 9, 3000000, 0, 0, 0,
     9000000},
    {"quarterly payer at October's end: July-September are debt", 3, 7, 10, 3000000, 0, 9000000, 0,
     3000000},
};

static void debt_is_what_is_past_its_deadline(void **state)
{
    struct scenario *s = *state;
    for (size_t i = 0; i < sizeof debts / sizeof debts[0]; i++) {
        reset(s, fx_period(2025, debts[i].from_month), fx_period(2025, debts[i].to_month));
        s->in.unit.payment_cycle = debts[i].cycle;
        for (int m = debts[i].from_month; m <= debts[i].to_month; m++)
            charge(s, fx_period(2025, m), debts[i].monthly);
        if (debts[i].paid)
            pay(s, fx_day(2025, 10, 15), debts[i].paid);
        struct tn_aging a;
        age(s, &a);
        struct tn_debt d;
        tn_aging_debt(a.overdue, s->r.principal_due, s->r.interest_due, &d);
        print_message("%s\n", debts[i].what);
        assert_int_equal(d.principal, debts[i].principal);
        assert_int_equal(d.interest, debts[i].interest);
        assert_int_equal(d.total, debts[i].principal + debts[i].interest);
        assert_int_equal(d.not_due, debts[i].not_due);
        /* what the unit owes in the books is the debt and what is not yet due */
        assert_int_equal(d.total + d.not_due, s->r.principal_due + s->r.interest_due);
    }
    s->in.unit.payment_cycle = 1;
}

/* The split from the close's figures alone: capped by principal_due, never below 0. */
static void debt_split_of_figures(void **state)
{
    (void)state;
    static const struct {
        tn_money overdue, principal_due, interest_due, principal, not_due;
    } t[] = {
        {0, 0, 0, 0, 0},           {0, 5000, 70, 0, 5000}, {3000, 5000, 70, 3000, 2000},
        {5000, 5000, 0, 5000, 0},  {2700, 0, 0, 0, 0}, /* books' leftover set off by credit */
        {0, -1000, 0, 0, -1000},                       /* credit */
        {4000, 2500, 10, 2500, 0},                     /* earmarked hole: never more than is due */
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        struct tn_debt d;
        tn_aging_debt(t[i].overdue, t[i].principal_due, t[i].interest_due, &d);
        assert_int_equal(d.principal, t[i].principal);
        assert_int_equal(d.interest, t[i].interest_due);
        assert_int_equal(d.total, t[i].principal + t[i].interest_due);
        assert_int_equal(d.not_due, t[i].not_due);
    }
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(months_owed_never_exceed_the_months_since_the_oldest_unpaid),
        T(months_owed_counts_each_month_by_its_unpaid_share),
        T(back_dated_increase_never_lowers_months_owed),
        T(evasion_clock_of_a_law58_debt_starts_on_2025_07_01),
        T(underdeclared_base_is_evasion_from_the_day_after_its_deadline),
        T(interest_alone_is_neither_late_nor_evading),
        T(interest_paid_first_leaves_no_contribution_unpaid),
        T(debt_is_what_is_past_its_deadline),
        T(debt_split_of_figures),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
