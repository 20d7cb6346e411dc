/*
 * test_policy_load.c - the real policy/ files, read by the loader, prove each change date of
 * rules.md; malformed policy files are refused with FILE:LINE.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/policy_load.h"

static int setup(void **state)
{
    struct tn_policy *pol = malloc(sizeof *pol);
    char msg[512];
    tn_policy_init(pol);
    const char *dir = getenv("THUNO_POLICY");
    assert_non_null(dir);
    if (tn_policy_load(dir, pol, msg, sizeof msg) != TN_OK)
        fail_msg("%s", msg);
    *state = pol;
    return 0;
}

static int teardown(void **state)
{
    tn_policy_release(*state);
    free(*state);
    return 0;
}

static tn_period P(int y, int m)
{
    return y * 12 + m - 1;
}

static tn_day D(int y, int m, int d)
{
    tn_day out = 0;
    tn_day_make(y, m, d, &out);
    return out;
}

static const struct tn_unit_facts private_old = {TN_UT_PRIVATE, 1, 1, 0};
static const struct tn_unit_facts state_unit = {TN_UT_STATE, 1, 1, 0};
static const struct tn_unit_facts public_unit = {TN_UT_PUBLIC, 1, 1, 0};

static void rates_change_on_their_dates(void **state)
{
    const struct tn_policy *pol = *state;
    struct tn_unit_facts private_new = private_old;
    tn_day_make(2021, 11, 1, &private_new.registered_on);
    struct tn_unit_facts private_2020 = private_old;
    tn_day_make(2020, 1, 1, &private_2020.registered_on);
    const struct {
        enum tn_component c;
        const struct tn_unit_facts *unit;
        int y, m;
        tn_ppm want;
        const char *why;
    } cases[] = {
        {TN_C_TNLD_ER, &private_old, 2017, 5, 10000, "1% until 2017-05 (Decree 37/2016)"},
        {TN_C_TNLD_ER, &private_old, 2017, 6, 5000, "0.5% from 2017-06 (Decree 44/2017)"},
        {TN_C_TNLD_ER, &private_old, 2021, 7, 0, "0% window opens (NQ 68)"},
        {TN_C_TNLD_ER, &private_old, 2022, 6, 0, "0% window, last month"},
        {TN_C_TNLD_ER, &state_unit, 2021, 7, 5000, "budget unit keeps 0.5%"},
        {TN_C_TNLD_ER, &private_old, 2022, 7, 5000, "window closed"},
        {TN_C_BHTN_ER, &private_2020, 2021, 10, 0, "BHTN employer 0% (NQ 116)"},
        {TN_C_BHTN_ER, &private_2020, 2022, 9, 0, "BHTN employer 0%, last month"},
        {TN_C_BHTN_ER, &private_new, 2021, 12, 10000, "joined after 2021-10-01: 1%"},
        {TN_C_BHTN_ER, &public_unit, 2021, 12, 10000, "budget unit: 1%"},
        {TN_C_BHTN_ER, &private_2020, 2022, 10, 10000, "window closed"},
        {TN_C_PENSION_EE, &private_old, 2016, 1, 80000, "Law 58 Art 85"},
        {TN_C_PENSION_ER, &private_old, 2026, 10, 140000, "Law 41 restates 14%"},
        {TN_C_BHYT_EE, &private_old, 2026, 10, 15000, "1.5%"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const struct tn_rate_entry *e;
        assert_int_equal(
            tn_policy_rate(pol, cases[i].c, cases[i].unit, P(cases[i].y, cases[i].m), &e), TN_OK);
        if (e->rate != cases[i].want)
            fail_msg("case %zu (%s): got %d", i, cases[i].why, e->rate);
        assert_non_null(e->source);
    }
    const struct tn_rate_entry *e;
    assert_int_equal(tn_policy_rate(pol, TN_C_PENSION_EE, &private_old, P(2015, 12), &e),
                     TN_ERR_NO_POLICY);
}

static void base_salary_minimum_wage_and_caps(void **state)
{
    const struct tn_policy *pol = *state;
    const struct tn_amount_entry *a;
    assert_int_equal(tn_policy_base_salary(pol, P(2024, 6), &a), TN_OK);
    assert_int_equal(a->amount, 1800000);
    assert_int_equal(tn_policy_base_salary(pol, P(2024, 7), &a), TN_OK);
    assert_int_equal(a->amount, 2340000); /* Decree 73/2024 */
    assert_int_equal(tn_policy_min_wage(pol, 1, P(2025, 12), &a), TN_OK);
    assert_int_equal(a->amount, 4960000);
    assert_int_equal(tn_policy_min_wage(pol, 1, P(2026, 1), &a), TN_OK);
    assert_int_equal(a->amount, 5310000); /* Decree 293/2025 */
    assert_int_equal(tn_policy_min_wage(pol, 4, P(2022, 7), &a), TN_OK);
    assert_int_equal(a->amount, 3250000); /* Decree 38/2022 */
    tn_money cap;
    assert_int_equal(tn_policy_cap(pol, TN_G_BHXH, 1, P(2025, 1), &cap, NULL), TN_OK);
    assert_int_equal(cap, 46800000); /* 20 x 2,340,000 */
    assert_int_equal(tn_policy_cap(pol, TN_G_BHTN, 1, P(2026, 1), &cap, NULL), TN_OK);
    assert_int_equal(cap, 106200000); /* 20 x 5,310,000 */
    assert_int_equal(tn_policy_min_wage(pol, 1, P(2015, 12), &a), TN_ERR_NO_POLICY);
}

static void deadlines_interest_and_allocation(void **state)
{
    const struct tn_policy *pol = *state;
    tn_day dl;
    assert_int_equal(tn_policy_deadline(pol, TN_G_BHXH, 1, P(2025, 6), &dl, NULL), TN_OK);
    assert_int_equal(dl, D(2025, 6, 30)); /* Law 58 era: same month */
    assert_int_equal(tn_policy_deadline(pol, TN_G_BHXH, 1, P(2025, 7), &dl, NULL), TN_OK);
    assert_int_equal(dl, D(2025, 8, 31)); /* Law 41 Art 34.4: next month */
    assert_int_equal(tn_policy_deadline(pol, TN_G_BHXH, 3, P(2025, 8), &dl, NULL), TN_OK);
    assert_int_equal(dl, D(2025, 10, 31)); /* Q3 cycle: the month after it */
    assert_int_equal(tn_policy_deadline(pol, TN_G_BHTN, 3, P(2025, 8), &dl, NULL), TN_OK);
    assert_int_equal(dl, D(2025, 9, 30)); /* BHTN monthly (Decision 490/2023) */
    assert_int_equal(tn_policy_deadline(pol, TN_G_BHTN, 3, P(2023, 2), &dl, NULL), TN_OK);
    assert_int_equal(dl, D(2023, 3, 31)); /* before 2023-04 BHTN follows the cycle */
    const struct tn_interest_rule *ir;
    assert_int_equal(tn_policy_interest_rule(pol, D(2025, 6, 30), &ir), TN_OK);
    assert_int_equal(ir->kind, TN_INT_MONTHLY_K);
    assert_int_equal(tn_policy_interest_rule(pol, D(2025, 7, 1), &ir), TN_OK);
    assert_int_equal(ir->kind, TN_INT_DAILY);
    assert_int_equal(ir->daily_rate, 300);
    assert_int_equal(ir->count_payment_day, 0);
    const struct tn_k_entry *k;
    assert_int_equal(tn_policy_k(pol, 2016, TN_K_BHXH_BHTN, &k), TN_OK);
    assert_int_equal(k->k, 10650);
    assert_int_equal(tn_policy_k(pol, 2017, TN_K_BHYT, &k), TN_OK);
    assert_int_equal(k->k, 9670);
    assert_int_equal(tn_policy_k(pol, 2018, TN_K_BHXH_BHTN, &k), TN_ERR_NO_POLICY);
    const struct tn_allocation_rule *al;
    assert_int_equal(tn_policy_allocation(pol, D(2026, 1, 1), &al), TN_OK);
    assert_int_equal(al->order[0], TN_G_BHYT);
    assert_int_equal(al->order[2], TN_G_BHXH);
    const struct tn_legal_rule *lg;
    assert_int_equal(tn_policy_legal(pol, D(2025, 6, 30), &lg), TN_OK);
    assert_int_equal(lg->evasion_days, 0);
    assert_int_equal(tn_policy_legal(pol, D(2025, 7, 1), &lg), TN_OK);
    assert_int_equal(lg->evasion_days, 60);
}

/* Copies the real policy into a temp dir, replaces one file, loads it. */
static tn_err load_with(const char *file, const char *text, char *msg, size_t msgsz)
{
    char dir[] = "/tmp/thuno-policy-XXXXXX", cmd[512], path[256];
    assert_non_null(mkdtemp(dir));
    snprintf(cmd, sizeof cmd, "cp %s/*.csv %s/", getenv("THUNO_POLICY"), dir);
    assert_int_equal(system(cmd), 0);
    snprintf(path, sizeof path, "%s/%s", dir, file);
    if (text) {
        FILE *f = fopen(path, "w");
        fputs(text, f);
        fclose(f);
    } else {
        unlink(path);
    }
    struct tn_policy pol;
    tn_policy_init(&pol);
    tn_err err = tn_policy_load(dir, &pol, msg, msgsz);
    tn_policy_release(&pol);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
    return err;
}

static void malformed_policy_is_refused(void **state)
{
    (void)state;
    char msg[512];
    assert_int_equal(load_with("base_salary.csv",
                               "from,amount,source\n2024-07,2.340.000,Decree 73/2024\n", msg,
                               sizeof msg),
                     TN_ERR_PARSE);
    assert_non_null(strstr(msg, "base_salary.csv:2: expected a whole number"));
    assert_int_equal(load_with("rates.csv",
                               "component,from,rate,except_types,registered_before,source\n"
                               "pension_employee,2016-01,8 percent,,,x\n",
                               msg, sizeof msg),
                     TN_ERR_PARSE);
    assert_non_null(strstr(msg, "rates.csv:2: expected a percentage"));
    assert_int_equal(load_with("interest_k.csv",
                               "year,group,k,source\n2016,BHXH_BHTN,1.065%,a\n"
                               "2016,BHXH_BHTN,1.1%,b\n",
                               msg, sizeof msg),
                     TN_ERR_CONFLICT);
    assert_non_null(strstr(msg, "interest_k.csv:3: a second entry"));
    assert_int_equal(load_with("legal.csv", "from,evasion_days,source,colour\n", msg, sizeof msg),
                     TN_ERR_PARSE);
    assert_non_null(strstr(msg, "colour: unknown column"));
    assert_int_equal(load_with("caps.csv",
                               "group,from,multiplier,of,source\n"
                               "BHXH,2016-01,20,base_salary,\n",
                               msg, sizeof msg),
                     TN_ERR_PARSE);
    assert_non_null(strstr(msg, "needs its legal source"));
    assert_int_equal(load_with("deadlines.csv", NULL, msg, sizeof msg), TN_ERR_IO);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(rates_change_on_their_dates, setup, teardown),
        cmocka_unit_test_setup_teardown(base_salary_minimum_wage_and_caps, setup, teardown),
        cmocka_unit_test_setup_teardown(deadlines_interest_and_allocation, setup, teardown),
        cmocka_unit_test(malformed_policy_is_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
