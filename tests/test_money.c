/*
 * test_money.c - rounding and parsing of money and rates (rules.md §4).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "thuno/money.h"

static const struct {
    tn_money amount;
    tn_ppm rate;
    tn_money want;
} mul_cases[] = {
    {10000000, 80000, 800000},   /* Law 58/2014/QH13 Art 85: worker's pension share, 8% */
    {750000000, 10650, 7987500}, /* official worked example: 50,000,000 x 15 months x 1.065% */
    {1000100, 5000, 5001},       /* rounding rule: 5,000.5 goes up to 5,001 */
    {1000099, 5000, 5000},       /* 5,000.495 goes down */
    {-1000100, 5000, -5001},     /* a refund mirrors its charge */
    {4680000, 15000, 70200},     /* BHYT worker 1.5% of region I 2022 minimum */
    {0, 80000, 0},
};

static void mul_ppm_matches_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof mul_cases / sizeof mul_cases[0]; i++) {
        tn_money got = 0;
        assert_int_equal(tn_money_mul_ppm(mul_cases[i].amount, mul_cases[i].rate, &got), TN_OK);
        assert_int_equal(got, mul_cases[i].want);
    }
}

static void mul_count_is_one_rounding(void **state)
{
    (void)state;
    tn_money got = 0;
    /* official worked example as a formula: P x months x k */
    assert_int_equal(tn_money_mul_count_ppm(50000000, 15, 10650, &got), TN_OK);
    assert_int_equal(got, 7987500);
    /* Law 41: 10,000,001 x 0.03% x 31 days = 93,000.0093 -> 93,000 (one rounding, not 31) */
    assert_int_equal(tn_money_mul_count_ppm(10000001, 31, 300, &got), TN_OK);
    assert_int_equal(got, 93000);
    /* 1,667 x 0.03% = 0.5001 a day: per-day rounding would give 31, one rounding gives 16 */
    assert_int_equal(tn_money_mul_count_ppm(1667, 31, 300, &got), TN_OK);
    assert_int_equal(got, 16);
}

static void mul_refuses_overflow_and_bad_rates(void **state)
{
    (void)state;
    tn_money got = 42;
    assert_int_equal(tn_money_mul_ppm(INT64_MAX, 2000000, &got), TN_ERR_OVERFLOW);
    assert_int_equal(tn_money_mul_ppm(INT64_MIN, 1, &got), TN_ERR_OVERFLOW);
    assert_int_equal(tn_money_mul_ppm(1, -1, &got), TN_ERR_RANGE);
    assert_int_equal(tn_money_mul_count_ppm(INT64_MAX / 2, 3, 1, &got), TN_ERR_OVERFLOW);
    assert_int_equal(got, 42); /* untouched on failure */
}

static void parse_money(void **state)
{
    (void)state;
    tn_money m = 0;
    assert_int_equal(tn_money_parse("4680000", 0, &m), TN_OK);
    assert_int_equal(m, 4680000);
    assert_int_equal(tn_money_parse("-5", 1, &m), TN_OK);
    assert_int_equal(m, -5);
    assert_int_equal(tn_money_parse("-5", 0, &m), TN_ERR_PARSE);
    assert_int_equal(tn_money_parse("1.000", 0, &m), TN_ERR_PARSE);
    assert_int_equal(tn_money_parse("1e6", 0, &m), TN_ERR_PARSE);
    assert_int_equal(tn_money_parse("", 0, &m), TN_ERR_PARSE);
    /* every amount read is bounded by TN_MONEY_MAX, so that sums of them stay in range */
    assert_int_equal(tn_money_parse("999999999999999", 0, &m), TN_OK);
    assert_int_equal(m, TN_MONEY_MAX);
    assert_int_equal(tn_money_parse("-999999999999999", 1, &m), TN_OK);
    assert_int_equal(m, -TN_MONEY_MAX);
    m = 7;
    assert_int_equal(tn_money_parse("1000000000000000", 0, &m), TN_ERR_RANGE);
    assert_int_equal(tn_money_parse("999999999999999999", 0, &m), TN_ERR_RANGE);
    assert_int_equal(tn_money_parse("-1000000000000000", 1, &m), TN_ERR_RANGE);
    assert_int_equal(tn_money_parse("99999999999999999999999999", 0, &m), TN_ERR_RANGE);
    assert_int_equal(tn_money_parse("99999999999999999999x", 0, &m), TN_ERR_PARSE);
    assert_int_equal(m, 7); /* untouched on failure */
}

static const struct {
    const char *text;
    tn_err err;
    tn_ppm want;
} pct_cases[] = {
    {"8%", TN_OK, 80000},          {"1.065%", TN_OK, 10650},  {"0.03%", TN_OK, 300},
    {"0.5", TN_OK, 5000},          {"100%", TN_OK, 1000000},  {"0.0001%", TN_OK, 1},
    {"0.00001%", TN_ERR_PARSE, 0}, {"101%", TN_ERR_RANGE, 0}, {".5%", TN_ERR_PARSE, 0},
    {"5.%", TN_ERR_PARSE, 0},      {"5%%", TN_ERR_PARSE, 0},  {"-1%", TN_ERR_PARSE, 0},
};

static void parse_percent_exactly(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof pct_cases / sizeof pct_cases[0]; i++) {
        tn_ppm got = -1;
        assert_int_equal(tn_ppm_parse_percent(pct_cases[i].text, &got), pct_cases[i].err);
        if (pct_cases[i].err == TN_OK)
            assert_int_equal(got, pct_cases[i].want);
    }
}

static void format_money_and_percent(void **state)
{
    (void)state;
    char buf[32], pct[16];
    tn_money_format_grouped(7987500, buf);
    assert_string_equal(buf, "7.987.500");
    tn_money_format_grouped(-1500, buf);
    assert_string_equal(buf, "-1.500");
    tn_money_format_grouped(999, buf);
    assert_string_equal(buf, "999");
    tn_ppm_format_percent(10650, pct);
    assert_string_equal(pct, "1.065%");
    tn_ppm_format_percent(80000, pct);
    assert_string_equal(pct, "8%");
    tn_ppm_format_percent(300, pct);
    assert_string_equal(pct, "0.03%");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(mul_ppm_matches_table),
        cmocka_unit_test(mul_count_is_one_rounding),
        cmocka_unit_test(mul_refuses_overflow_and_bad_rates),
        cmocka_unit_test(parse_money),
        cmocka_unit_test(parse_percent_exactly),
        cmocka_unit_test(format_money_and_percent),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
