/*
 * test_plan.c - the repayment-plan default rule (plan.h) at its boundaries: paid on the due
 * day, detected the day after, one đồng short, paid ahead, paid late, remainder.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "thuno/plan.h"

static tn_day day(int y, int m, int d)
{
    tn_day out = 0;
    assert_int_equal(tn_day_make(y, m, d, &out), TN_OK);
    return out;
}

/* Three instalments of 10,000,000 due on the 15th of March, April, May 2025. */
static struct tn_instalment plan[3];

static int setup(void **state)
{
    (void)state;
    plan[0] = (struct tn_instalment){day(2025, 3, 15), 10000000};
    plan[1] = (struct tn_instalment){day(2025, 4, 15), 10000000};
    plan[2] = (struct tn_instalment){day(2025, 5, 15), 10000000};
    return 0;
}

static const struct {
    const char *what;
    struct tn_plan_payment pay[3];
    size_t np;
    int asof_m, asof_d; /* 2025 */
    int defaulted;
    size_t missed;
    int detect_m, detect_d;
    tn_money short_by, remainder;
    size_t met;
} cases[] = {
    {"paid on the due day: met", {{0, 10000000}}, 1, 3, 16, 0, 0, 0, 0, 0, 20000000, 1},
    {"nothing paid, asked on the due day: not yet missed",
     {{0}},
     0,
     3,
     15,
     0,
     0,
     0,
     0,
     0,
     30000000,
     0},
    {"nothing paid, the day after: missed, detected that day",
     {{0}},
     0,
     3,
     16,
     1,
     0,
     3,
     16,
     10000000,
     30000000,
     0},
    {"one đồng short on the due day", {{0, 9999999}}, 1, 3, 16, 1, 0, 3, 16, 1, 20000001, 0},
    {"paid the day after the due day: still a default",
     {{0, 10000000}},
     1,
     3,
     16,
     1,
     0,
     3,
     16,
     10000000,
     20000000,
     0},
    {"paid ahead: two instalments at once cover April",
     {{0, 20000000}},
     1,
     4,
     20,
     0,
     0,
     0,
     0,
     0,
     10000000,
     2},
    {"second instalment missed",
     {{0, 10000000}, {0, 5000000}},
     2,
     4,
     16,
     1,
     1,
     4,
     16,
     5000000,
     15000000,
     1},
    {"all paid: complete",
     {{0, 10000000}, {0, 10000000}, {0, 10000000}},
     3,
     6,
     1,
     0,
     0,
     0,
     0,
     0,
     0,
     3},
};

static void default_rule_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct tn_plan_payment pay[3];
        for (size_t j = 0; j < cases[i].np; j++) {
            pay[j] = cases[i].pay[j];
            pay[j].paid_on = plan[j].due; /* each payment on its instalment's due day ... */
        }
        if (i == 4)
            pay[0].paid_on = day(2025, 3, 16); /* ... except the late one */
        struct tn_plan_status st;
        assert_int_equal(tn_plan_status(plan, 3, pay, cases[i].np,
                                        day(2025, cases[i].asof_m, cases[i].asof_d), &st),
                         TN_OK);
        if (st.defaulted != cases[i].defaulted)
            fail_msg("%s: defaulted %d", cases[i].what, st.defaulted);
        assert_int_equal(st.remainder, cases[i].remainder);
        assert_int_equal(st.met, cases[i].met);
        assert_int_equal(st.total, 30000000);
        if (cases[i].defaulted) {
            assert_int_equal(st.missed, cases[i].missed);
            assert_int_equal(st.detected_on, day(2025, cases[i].detect_m, cases[i].detect_d));
            assert_int_equal(st.short_by, cases[i].short_by);
        }
    }
}

static void late_full_payment_keeps_the_default_but_completes(void **state)
{
    (void)state;
    struct tn_plan_payment pay[] = {{day(2025, 6, 30), 30000000}};
    struct tn_plan_status st;
    assert_int_equal(tn_plan_status(plan, 3, pay, 1, day(2025, 7, 1), &st), TN_OK);
    assert_int_equal(st.defaulted, 1);
    assert_int_equal(st.missed, 0);
    assert_int_equal(st.complete, 1);
    assert_int_equal(st.remainder, 0);
    /* payments after the day asked about do not count */
    assert_int_equal(tn_plan_status(plan, 3, pay, 1, day(2025, 6, 29), &st), TN_OK);
    assert_int_equal(st.paid, 0);
    assert_int_equal(st.complete, 0);
    assert_int_equal(st.next, 3);
}

static void bad_plans_are_refused(void **state)
{
    (void)state;
    struct tn_plan_status st;
    struct tn_instalment unordered[] = {{day(2025, 4, 1), 1}, {day(2025, 4, 1), 1}};
    struct tn_instalment zero[] = {{day(2025, 4, 1), 0}};
    struct tn_plan_payment neg[] = {{day(2025, 4, 1), -5}};
    assert_int_equal(tn_plan_status(plan, 0, NULL, 0, 0, &st), TN_ERR_RANGE);
    assert_int_equal(tn_plan_status(unordered, 2, NULL, 0, 0, &st), TN_ERR_RANGE);
    assert_int_equal(tn_plan_status(zero, 1, NULL, 0, 0, &st), TN_ERR_RANGE);
    assert_int_equal(tn_plan_status(plan, 3, neg, 1, 0, &st), TN_ERR_RANGE);
    struct tn_instalment huge[] = {{day(2025, 4, 1), INT64_MAX}, {day(2025, 5, 1), 1}};
    assert_int_equal(tn_plan_status(huge, 2, NULL, 0, 0, &st), TN_ERR_OVERFLOW);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(default_rule_table, setup),
        cmocka_unit_test_setup(late_full_payment_keeps_the_default_but_completes, setup),
        cmocka_unit_test_setup(bad_plans_are_refused, setup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
