/*
 * test_ladder.c - the next escalation step and case deadlines (ladder.h) against the shipped
 * policy (policy/ladder.csv, policy/case_deadlines.csv): who gets a proposal, in which order,
 * what it waits for, per-office ladders, and deadlines in calendar and working days.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "thuno/policy_load.h"
#include "thuno/ladder.h"

static struct tn_policy pol;

static int setup(void **state)
{
    (void)state;
    char msg[512];
    tn_policy_init(&pol);
    return tn_policy_load(getenv("THUNO_POLICY"), &pol, msg, sizeof msg) ? -1 : 0;
}

static int teardown(void **state)
{
    (void)state;
    tn_policy_release(&pol);
    return 0;
}

static tn_day day(int y, int m, int d)
{
    tn_day out = 0;
    assert_int_equal(tn_day_make(y, m, d, &out), TN_OK);
    return out;
}

static void nothing_below_the_first_step(void **state)
{
    (void)state;
    struct tn_ladder_facts f = {.office = "",
                                .months_owed_tenths = 9,
                                .debt = 1000,
                                .legal = 1,
                                .state = TN_CASE_ST_NEW,
                                .today = day(2025, 11, 30)};
    struct tn_ladder_proposal p;
    assert_int_equal(tn_ladder_next(&pol, &f, &p), TN_ERR_NOT_FOUND); /* 0.9 months */
    f.months_owed_tenths = 10;
    f.legal = 0; /* owing a month but not past the deadline: current */
    assert_int_equal(tn_ladder_next(&pol, &f, &p), TN_ERR_NOT_FOUND);
    f.legal = 1;
    assert_int_equal(tn_ladder_next(&pol, &f, &p), TN_OK);
    assert_string_equal(p.step->step, "reminder");
    assert_int_equal(p.ready, 1);
    assert_string_equal(p.step->department, "QLT");
}

static void steps_follow_in_order_and_wait(void **state)
{
    (void)state;
    struct tn_case_step steps[] = {{TN_CASE_EV_REMINDER_SENT, day(2025, 10, 5), -1, 0, ""}};
    struct tn_ladder_facts f = {.office = "",
                                .months_owed_tenths = 25,
                                .debt = 50000000,
                                .legal = 1,
                                .steps = steps,
                                .nsteps = 1,
                                .state = TN_CASE_ST_ESCALATING,
                                .today = day(2025, 11, 3)};
    struct tn_ladder_proposal p;
    assert_int_equal(tn_ladder_next(&pol, &f, &p), TN_OK);
    assert_string_equal(p.step->step, "second_reminder");
    assert_int_equal(p.ready, 0); /* 29 days: the second reminder waits 30 */
    assert_string_equal(p.waiting, "29 of 30 days since the previous step");
    f.today = day(2025, 11, 4);
    assert_int_equal(tn_ladder_next(&pol, &f, &p), TN_OK);
    assert_int_equal(p.ready, 1);
    /* both reminders sent: inspection needs 3.0 months */
    struct tn_case_step two[] = {steps[0], {TN_CASE_EV_REMINDER_SENT, day(2025, 11, 4), -1, 0, ""}};
    f.steps = two;
    f.nsteps = 2;
    f.today = day(2025, 12, 31);
    assert_int_equal(tn_ladder_next(&pol, &f, &p), TN_OK);
    assert_string_equal(p.step->step, "inspection");
    assert_string_equal(p.waiting, "months owed 2.5 < 3.0");
}

static void referral_needs_art216(void **state)
{
    (void)state;
    static const enum tn_case_event done[] = {
        TN_CASE_EV_REMINDER_SENT, TN_CASE_EV_REMINDER_SENT,     TN_CASE_EV_INSPECTION_CONCLUDED,
        TN_CASE_EV_FINE_DECIDED,  TN_CASE_EV_DEDUCTION_ORDERED, TN_CASE_EV_PUBLISHED};
    struct tn_case_step steps[6];
    for (int i = 0; i < 6; i++)
        steps[i] = (struct tn_case_step){done[i], day(2025, 1, 1 + i), -1, 0, ""};
    struct tn_art216 a = {.clause = 0, .reason = TN_ART216_TOO_SHORT};
    struct tn_ladder_facts f = {.office = "",
                                .months_owed_tenths = 70,
                                .debt = 400000000,
                                .legal = 2,
                                .steps = steps,
                                .nsteps = 6,
                                .state = TN_CASE_ST_ESCALATING,
                                .today = day(2025, 12, 31),
                                .art216 = &a};
    struct tn_ladder_proposal p;
    assert_int_equal(tn_ladder_next(&pol, &f, &p), TN_OK);
    assert_string_equal(p.step->step, "criminal_referral");
    assert_int_equal(p.ready, 0);
    assert_string_equal(p.waiting, "Art 216 not reached (too_short)");
    a.clause = 2;
    assert_int_equal(tn_ladder_next(&pol, &f, &p), TN_OK);
    assert_int_equal(p.ready, 1);
    /* in court, the ladder has nothing more to say */
    f.state = TN_CASE_ST_SUED;
    assert_int_equal(tn_ladder_next(&pol, &f, &p), TN_ERR_NOT_FOUND);
}

static void an_office_ladder_replaces_the_default(void **state)
{
    (void)state;
    struct tn_policy own;
    tn_policy_init(&own);
    struct tn_ladder_step st = pol.ladder[0];
    st.office = "D9";
    st.step = "phone_call";
    st.min_months_tenths = 5;
    own.ladder = malloc(2 * sizeof *own.ladder);
    own.ladder[0] = pol.ladder[0];
    own.ladder[1] = st;
    own.nladder = 2;
    tn_policy_sort(&own);
    struct tn_ladder_facts f = {.office = "D9",
                                .months_owed_tenths = 5,
                                .legal = 1,
                                .state = TN_CASE_ST_NEW,
                                .today = day(2025, 11, 30)};
    struct tn_ladder_proposal p;
    assert_int_equal(tn_ladder_next(&own, &f, &p), TN_OK);
    assert_string_equal(p.step->step, "phone_call");
    f.office = "D1"; /* no ladder of its own: "*" */
    assert_int_equal(tn_ladder_next(&own, &f, &p), TN_ERR_NOT_FOUND);
    free(own.ladder);
}

static void deadlines_calendar_and_working_days(void **state)
{
    (void)state;
    const struct tn_case_deadline *rule;
    tn_day due;
    /* requested on Friday 2025-11-28: 5 working days is Friday 2025-12-05 */
    struct tn_case_step s1[] = {
        {TN_CASE_EV_LAWSUIT_FILED, day(2025, 1, 2), 1, 0, ""},
        {TN_CASE_EV_JUDGMENT, day(2025, 10, 1), 1, 0, ""},
        {TN_CASE_EV_ENFORCEMENT_REQUESTED, day(2025, 11, 28), -1, 0, ""},
    };
    tn_ladder_deadline(&pol, s1, 3, &rule, &due);
    assert_non_null(rule);
    assert_string_equal(rule->who, "THADS");
    assert_int_equal(due, day(2025, 12, 5));
    /* after the judgment alone: 30 calendar days for the office to request enforcement */
    tn_ladder_deadline(&pol, s1, 2, &rule, &due);
    assert_string_equal(rule->who, "office");
    assert_int_equal(due, day(2025, 10, 31));
    /* mediated: the settlement answered the lawsuit; instalments lead from here */
    struct tn_case_step s2[] = {{TN_CASE_EV_LAWSUIT_FILED, day(2025, 1, 2), 1, 0, ""},
                                {TN_CASE_EV_MEDIATION_SETTLED, day(2025, 3, 2), 1, 0, ""}};
    tn_ladder_deadline(&pol, s2, 2, &rule, &due);
    assert_null(rule);
    assert_int_equal(due, -1);
    assert_int_equal(tn_ladder_add_working_days(day(2025, 11, 29), 1), day(2025, 12, 1));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(nothing_below_the_first_step),
        cmocka_unit_test(steps_follow_in_order_and_wait),
        cmocka_unit_test(referral_needs_art216),
        cmocka_unit_test(an_office_ladder_replaces_the_default),
        cmocka_unit_test(deadlines_calendar_and_working_days),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
