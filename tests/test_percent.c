/*
 * test_percent.c - the one rounding rule of percentages (percent.h): tenths of a percent,
 * half up; and the rounded-down exception kept for the litigation shares and the pc_report
 * debt ratio (their goldens).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "thuno/percent.h"

static const struct {
    tn_money part, whole;
    long half_up, down;
} cases[] = {
    {170000000, 300000000, 567, 566}, /* 56.66..%: tests/golden/cases/litigation.csv, 2021 */
    {2, 3, 667, 666},                 /* 66.66..% */
    {1, 8, 125, 125},                 /* 12.5% exactly */
    {1, 2000, 1, 0},                  /* 0.05% */
    {1, 2001, 0, 0},                  /* 0.0499..% */
    {15723200, 5120000, 3071, 3070},  /* 307.09..%: tests/golden/inspections/pc_report */
    {4800000, 6320000, 759, 759},     /* 75.949..%: docs/operations.md */
    {0, 5000000, 0, 0},               /* nothing: 0.0 */
    {5, 0, -1, -1},                   /* no divisor: empty */
    {5, -1, -1, -1},
};

static void percent_half_up_and_down(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_int_equal(tn_percent_tenths(cases[i].part, cases[i].whole), cases[i].half_up);
        assert_int_equal(tn_percent_tenths_down(cases[i].part, cases[i].whole), cases[i].down);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(percent_half_up_and_down),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
