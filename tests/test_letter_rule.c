/*
 * test_letter_rule.c - the rules of the letters to units beyond their figures (letter_rule.h):
 * who is reminded and when, who is left to their case, the register's numbers, a mass letter's
 * selection, what a C12-TS notice carries over, and the ladder's departments.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "thuno/letter_rule.h"

static tn_day day(int y, int m, int d)
{
    tn_day out = 0;
    assert_int_equal(tn_day_make(y, m, d, &out), TN_OK);
    return out;
}

static void reminder_goes_to_late_and_evading_within_ten_days(void **state)
{
    (void)state;
    /* Law 41/2024/QH15 Art 35: the late and the evading are reminded */
    assert_true(tn_letter_rule_reminded("late"));
    assert_true(tn_letter_rule_reminded("evading"));
    assert_false(tn_letter_rule_reminded("current"));
    /* Decree 274/2025/NĐ-CP: within the first 10 days of the month */
    assert_int_equal(tn_letter_rule_reminder_late_day(day(2025, 12, 5)), 0);
    assert_int_equal(tn_letter_rule_reminder_late_day(day(2025, 12, 10)), 0);
    assert_int_equal(tn_letter_rule_reminder_late_day(day(2025, 12, 11)), 11);
    assert_int_equal(tn_letter_rule_reminder_late_day(day(2025, 12, 31)), 31);
}

static void cases_in_court_lead_their_units(void **state)
{
    (void)state;
    static const struct {
        enum tn_case_state state;
        int left;
    } cases[] = {
        {TN_CASE_ST_NEW, 0},         {TN_CASE_ST_SUED, 1},      {TN_CASE_ST_MEDIATED, 1},
        {TN_CASE_ST_ENFORCEABLE, 1}, {TN_CASE_ST_ENFORCING, 1}, {TN_CASE_ST_SUSPENDED, 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        assert_int_equal(tn_letter_rule_left_to_case(cases[i].state), cases[i].left);
}

static void register_numbers_only_go_forward(void **state)
{
    (void)state;
    int n = -1;
    assert_int_equal(tn_letter_rule_first_number(0, 3, &n), TN_OK);
    assert_int_equal(n, 3); /* the register's next */
    assert_int_equal(tn_letter_rule_first_number(7, 3, &n), TN_OK);
    assert_int_equal(n, 7); /* a gap is allowed */
    assert_int_equal(tn_letter_rule_first_number(3, 3, &n), TN_OK);
    assert_int_equal(n, 3);
    n = -1;
    assert_int_equal(tn_letter_rule_first_number(1, 3, &n), TN_ERR_CONFLICT);
    assert_int_equal(n, -1); /* untouched */
}

static void status_lists_select_units(void **state)
{
    (void)state;
    unsigned want = 99;
    const char *bad = NULL;
    size_t len = 0;
    assert_int_equal(tn_letter_rule_status_parse("late,owing", &want, &bad, &len), TN_OK);
    assert_int_equal(want, TN_LETTER_SEL_LATE | TN_LETTER_SEL_OWING);
    assert_int_equal(tn_letter_rule_status_parse("late,all", &want, NULL, NULL), TN_OK);
    assert_int_equal(want, 0);
    assert_int_equal(tn_letter_rule_status_parse("late,owed,locked", &want, &bad, &len),
                     TN_ERR_PARSE);
    assert_int_equal(len, 4);
    assert_memory_equal(bad, "owed", 4);
    /* card lock at 3.0 months (policy/card_lock.csv) */
    static const struct {
        unsigned want;
        const char *status;
        tn_money closing;
        int months;
        int selected;
    } cases[] = {
        {0, "current", 0, 0, 1},                       /* every unit */
        {TN_LETTER_SEL_CURRENT, "current", 0, 0, 1},   /* */
        {TN_LETTER_SEL_CURRENT, "late", 100, 10, 0},   /* */
        {TN_LETTER_SEL_OWING, "current", 100, 0, 1},   /* debt not yet overdue */
        {TN_LETTER_SEL_OWING, "current", -100, 0, 0},  /* credit owes nothing */
        {TN_LETTER_SEL_LOCKED, "late", 100, 29, 0},    /* 2.9 months: below the lock */
        {TN_LETTER_SEL_LOCKED, "evading", 100, 30, 1}, /* at the lock */
        {TN_LETTER_SEL_EVADING, "late", 100, 30, 0},   /* */
        {TN_LETTER_SEL_LATE | TN_LETTER_SEL_EVADING, "evading", 1, 1, 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        assert_int_equal(tn_letter_rule_selected(cases[i].want, cases[i].status, cases[i].closing,
                                                 cases[i].months, 30),
                         cases[i].selected);
}

static void notice_carries_debt_or_credit(void **state)
{
    (void)state;
    int credit = -1;
    assert_int_equal(tn_letter_rule_carried(3840000, &credit), 3840000);
    assert_int_equal(credit, 0);
    /* unit C of docs/letters.md: 1,000,000 paid ahead */
    assert_int_equal(tn_letter_rule_carried(-1000000, &credit), 1000000);
    assert_int_equal(credit, 1);
    /* a row of the C12-TS table: BHXH, BHYT, BHTN add up to "Tổng cộng" */
    tn_money row[TN_G_COUNT] = {0};
    row[TN_G_BHXH] = 2800000;
    row[TN_G_BHYT] = 450000;
    row[TN_G_BHTN] = 100000;
    assert_int_equal(tn_letter_rule_funds_total(row), 3350000);
    assert_int_equal(tn_letter_rule_months_shown(-1), 0);
    assert_int_equal(tn_letter_rule_months_shown(25), 25);
}

static void ladder_gives_the_event_department(void **state)
{
    (void)state;
    struct tn_ladder_step steps[] = {
        {.office = "D01", .event = TN_CASE_EV_REMINDER_SENT, .department = "office"},
        {.office = "*", .event = TN_CASE_EV_REMINDER_SENT, .department = "QLT"},
        {.office = "*", .event = TN_CASE_EV_LAWSUIT_FILED, .department = "legal"},
    };
    struct tn_policy pol;
    memset(&pol, 0, sizeof pol);
    pol.ladder = steps;
    pol.nladder = 3;
    assert_string_equal(tn_letter_rule_event_department(&pol, TN_CASE_EV_REMINDER_SENT), "QLT");
    assert_string_equal(tn_letter_rule_event_department(&pol, TN_CASE_EV_LAWSUIT_FILED), "legal");
    assert_string_equal(tn_letter_rule_event_department(&pol, TN_CASE_EV_PUBLISHED), "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reminder_goes_to_late_and_evading_within_ten_days),
        cmocka_unit_test(cases_in_court_lead_their_units),
        cmocka_unit_test(register_numbers_only_go_forward),
        cmocka_unit_test(status_lists_select_units),
        cmocka_unit_test(notice_carries_debt_or_credit),
        cmocka_unit_test(ladder_gives_the_event_department),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
