/*
 * test_inspection.c - the rules of inspection follow-up (inspection.h): how payments after a
 * conclusion recover what it found (oldest conclusion first, nothing on or before the
 * conclusion day, never more than found), the status against the deadline, the policy lookup,
 * and the referral and refusal selections at their thresholds.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "thuno/inspection.h"

static tn_day day(int y, int m, int d)
{
    tn_day out = 0;
    assert_int_equal(tn_day_make(y, m, d, &out), TN_OK);
    return out;
}

/* docs/inspections.md "The test": unit A's two conclusions and its payments after them */
static void recovery_follows_the_test_province(void **state)
{
    (void)state;
    struct tn_inspection_claim c[2] = {{day(2025, 8, 15), 6000000, -1},
                                       {day(2025, 9, 1), 1000000, -1}};
    /* P1 before both conclusions; P2 after both (all to TT-01); A5 tops TT-01 up, rest TT-02 */
    struct tn_inspection_payment p[] = {
        {day(2025, 7, 20), 4800000}, {day(2025, 9, 10), 4800000}, {day(2025, 11, 25), 1500000}};
    assert_int_equal(tn_inspection_recover(c, 2, p, 2), TN_OK);
    assert_int_equal(c[0].recovered, 4800000); /* October: 6,000,000 - 1,200,000 */
    assert_int_equal(c[1].recovered, 0);       /* the older conclusion takes P2 whole */
    assert_int_equal(tn_inspection_recover(c, 2, p, 3), TN_OK);
    assert_int_equal(c[0].recovered, 6000000); /* 4,800,000 + 1,200,000 of A5 */
    assert_int_equal(c[1].recovered, 300000);  /* the other 300,000 of A5 */
}

static const struct {
    int pay_day; /* day of September 2025 */
    tn_money amount;
    tn_money want[2]; /* claims concluded 2025-09-10 (500,000) and 2025-09-20 (700,000) */
} cases[] = {
    {10, 900000, {0, 0}},            /* paid on the conclusion day: not after it */
    {11, 400000, {400000, 0}},       /* the day after: counts, partly */
    {11, 900000, {500000, 0}},       /* the second is not concluded yet: the rest is other debt */
    {21, 900000, {500000, 400000}},  /* after both: oldest first */
    {21, 5000000, {500000, 700000}}, /* never more than found */
};

static void recovery_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct tn_inspection_claim c[2] = {{day(2025, 9, 10), 500000, 0},
                                           {day(2025, 9, 20), 700000, 0}};
        struct tn_inspection_payment p = {day(2025, 9, cases[i].pay_day), cases[i].amount};
        assert_int_equal(tn_inspection_recover(c, 2, &p, 1), TN_OK);
        assert_int_equal(c[0].recovered, cases[i].want[0]);
        assert_int_equal(c[1].recovered, cases[i].want[1]);
    }
}

static void recovery_refuses_bad_lists(void **state)
{
    (void)state;
    struct tn_inspection_claim c[2] = {{day(2025, 9, 20), 1, 0}, {day(2025, 9, 10), 1, 0}};
    struct tn_inspection_payment p[2] = {{day(2025, 9, 21), 1}, {day(2025, 9, 22), 0}};
    assert_int_equal(tn_inspection_recover(c, 2, p, 1), TN_ERR_RANGE);     /* claims out of order */
    assert_int_equal(tn_inspection_recover(c + 1, 1, p, 2), TN_ERR_RANGE); /* a zero payment */
    struct tn_inspection_claim neg = {day(2025, 9, 1), -1, 0};
    assert_int_equal(tn_inspection_recover(&neg, 1, p, 1), TN_ERR_RANGE);
    assert_int_equal(tn_inspection_recover(NULL, 0, NULL, 0), TN_OK);
}

static void status_at_the_deadline(void **state)
{
    (void)state;
    long past = -1;
    tn_day by = day(2025, 9, 15);
    assert_int_equal(tn_inspection_status(1, by, by, &past), TN_INSP_OPEN); /* on the day */
    assert_int_equal(past, 0);
    assert_int_equal(tn_inspection_status(1, by, day(2025, 11, 30), &past), TN_INSP_OVERDUE);
    assert_int_equal(past, 76); /* 15 days of September, 31 of October, 30 of November */
    assert_int_equal(tn_inspection_status(0, by, day(2025, 11, 30), &past), TN_INSP_RECOVERED);
    assert_int_equal(past, 0);
    assert_string_equal(tn_inspection_status_name(TN_INSP_OVERDUE), "overdue");
}

/* policy/inspections.csv as shipped, and a later line */
static const struct tn_inspection_rule rules[] = {
    {0, 30, 5, 1, 10, 30, 1, "shipped"},
    {0, 60, 10, 3, 20, 60, 2, "later"},
};

static void rule_lookup_and_selections(void **state)
{
    (void)state;
    struct tn_inspection_rule r[2] = {rules[0], rules[1]};
    r[0].from = day(2016, 1, 1);
    r[1].from = day(2026, 1, 1);
    const struct tn_inspection_rule *got = NULL;
    assert_int_equal(tn_inspection_rule_at(r, 2, day(2015, 12, 31), &got), TN_ERR_NO_POLICY);
    assert_int_equal(tn_inspection_rule_at(r, 2, day(2025, 12, 31), &got), TN_OK);
    assert_string_equal(got->source, "shipped");
    assert_int_equal(tn_inspection_rule_at(r, 2, day(2026, 1, 1), &got), TN_OK);
    assert_string_equal(got->source, "later");

    /* unit B of the test province in November: 3.0 months, 12 reported for 1 declared */
    struct tn_referral_facts b = {30, 0, 1, 12, 0, 1};
    assert_int_equal(tn_inspection_referral(&r[0], &b),
                     TN_REFER_MONTHS_OWED | TN_REFER_UNDER_DECLARED | TN_REFER_INSPECTION_OVERDUE);
    char names[128];
    tn_inspection_referral_names(tn_inspection_referral(&r[0], &b), names, sizeof names);
    assert_string_equal(names, "months_owed;under_declared;inspection_overdue");
    /* just under every threshold: 2.9 months, a gap of 4, no finding, no register line */
    struct tn_referral_facts under = {29, 0, 1, 5, 0, 0};
    assert_int_equal(tn_inspection_referral(&r[0], &under), 0);
    under.reported = -1;
    under.findings = 1;
    assert_int_equal(tn_inspection_referral(&r[0], &under), TN_REFER_BELOW_MIN_WAGE);
    struct tn_referral_facts evading = {0, 1, 0, -1, 0, 0};
    assert_int_equal(tn_inspection_referral(&r[0], &evading), TN_REFER_EVADING);

    assert_string_equal(tn_inspection_refuses(&r[0], 30, 0, 1), "owes_despite_reminders");
    assert_null(tn_inspection_refuses(&r[0], 30, 0, 0)); /* never reminded */
    assert_null(tn_inspection_refuses(&r[0], 29, 0, 5)); /* under 3.0 months */
    assert_string_equal(tn_inspection_refuses(&r[0], 0, 1, 0), "evading");
}

/* policy/non_participant.csv: a gap of at least min_gap workers and the register at least
 * min_ratio_percent of what is declared */
static void under_declared_by_gap_and_ratio(void **state)
{
    (void)state;
    static const struct {
        long long reported, declared;
        int gap, pct, want;
    } cases[] = {
        {50, 10, 10, 200, 1},   /* 40 more, 500% */
        {19, 10, 10, 200, 0},   /* gap 9 */
        {20, 10, 10, 200, 1},   /* gap 10, exactly 200% */
        {130, 100, 10, 150, 0}, /* gap 30 but 130% < 150% */
        {150, 100, 10, 150, 1}, /* exactly 150% */
        {10, 0, 10, 200, 1},    /* nothing declared: any ratio */
        {5, 0, 10, 200, 0},     /* but the gap still counts */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        assert_int_equal(tn_inspection_under_declared(cases[i].reported, cases[i].declared,
                                                      cases[i].gap, cases[i].pct),
                         cases[i].want);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(recovery_follows_the_test_province),
        cmocka_unit_test(recovery_table),
        cmocka_unit_test(recovery_refuses_bad_lists),
        cmocka_unit_test(status_at_the_deadline),
        cmocka_unit_test(rule_lookup_and_selections),
        cmocka_unit_test(under_declared_by_gap_and_ratio),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
