/*
 * test_period.c - months and days as integers.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "thuno/period.h"

static void periods_round_trip(void **state)
{
    (void)state;
    tn_period p;
    char buf[TN_PERIOD_BUFSZ];
    assert_int_equal(tn_period_parse("2025-07", &p), TN_OK);
    assert_int_equal(p, 2025 * 12 + 6);
    assert_int_equal(tn_period_format(p + 6, buf), TN_OK);
    assert_string_equal(buf, "2026-01"); /* next year: consecutive months differ by 1 */
    assert_int_equal(tn_period_parse("2025-13", &p), TN_ERR_RANGE);
    assert_int_equal(tn_period_parse("2025-7", &p), TN_ERR_PARSE);
    assert_int_equal(tn_period_parse("2025-07-01", &p), TN_ERR_PARSE);
    assert_int_equal(tn_period_parse("1899-12", &p), TN_ERR_RANGE);
}

static const struct {
    const char *text;
    tn_err err;
} day_cases[] = {
    {"2024-02-29", TN_OK},        /* leap year */
    {"2025-02-29", TN_ERR_RANGE}, /* not a leap year */
    {"2100-02-29", TN_ERR_RANGE}, /* century, not leap */
    {"2000-02-29", TN_OK},        /* 400-year, leap */
    {"2025-04-31", TN_ERR_RANGE}, {"2025-4-01", TN_ERR_PARSE},
    {"2025/04/01", TN_ERR_PARSE}, {"2025-04-01x", TN_ERR_PARSE},
};

static void days_parse_and_check(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof day_cases / sizeof day_cases[0]; i++) {
        tn_day d;
        assert_int_equal(tn_day_parse(day_cases[i].text, &d), day_cases[i].err);
        if (day_cases[i].err == TN_OK) {
            char buf[TN_DAY_BUFSZ];
            tn_day_format(d, buf);
            assert_string_equal(buf, day_cases[i].text);
        }
    }
}

static void day_arithmetic(void **state)
{
    (void)state;
    tn_day a, b;
    assert_int_equal(tn_day_parse("1970-01-01", &a), TN_OK);
    assert_int_equal(a, 0);
    assert_int_equal(tn_day_parse("2025-08-31", &a), TN_OK);
    assert_int_equal(tn_day_parse("2025-10-31", &b), TN_OK);
    assert_int_equal(b - a, 61); /* September 30 + October 31 */
    tn_period p = 2024 * 12 + 1; /* 2024-02 */
    assert_int_equal(tn_period_days(p), 29);
    assert_int_equal(tn_period_last_day(p) - tn_period_first_day(p), 28);
    assert_int_equal(tn_day_period(tn_period_last_day(p)), p);
    assert_int_equal(tn_day_period(tn_period_last_day(p) + 1), p + 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(periods_round_trip),
        cmocka_unit_test(days_parse_and_check),
        cmocka_unit_test(day_arithmetic),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
