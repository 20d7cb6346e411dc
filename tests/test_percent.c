/*
 * test_percent.c - the one rounding rule of percentages (percent.h): tenths of a percent,
 * half up, exact for any amounts (no overflow of part x 1000).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>

#include "thuno/percent.h"

static const struct {
    tn_money part, whole;
    long half_up;
} cases[] = {
    {170000000, 300000000, 567}, /* 56.66..%: tests/golden/cases/litigation.csv, 2021 */
    {2, 3, 667},                 /* 66.66..% */
    {1, 8, 125},                 /* 12.5% exactly */
    {1, 2000, 1},                /* 0.05%: the half rounds up */
    {1, 2001, 0},                /* 0.0499..% */
    {15723200, 5120000, 3071},   /* 307.09..%: tests/golden/inspections/pc_report */
    {4800000, 6320000, 759},     /* 75.949..%: docs/operations.md */
    {0, 5000000, 0},             /* nothing: 0.0 */
    {5, 0, -1},                  /* no divisor: empty */
    {5, -1, -1},
    /* sums far above what part x 1000 could hold (issue 17: a*1000/b overflowed) */
    {INT64_MAX, INT64_MAX, 1000},
    {INT64_MAX / 2, INT64_MAX, 500},
    {INT64_C(9000000000000000000), INT64_C(3000000000000000000), 3000},
    {INT64_C(9000000000000000000), 7, LONG_MAX}, /* beyond any long: saturated */
};

static void percent_half_up(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        assert_int_equal(tn_percent_tenths(cases[i].part, cases[i].whole), cases[i].half_up);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(percent_half_up),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
