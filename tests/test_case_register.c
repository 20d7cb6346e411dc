/*
 * test_case_register.c - the pure rules of the case registers (case_register.h,
 * docs/case-registers.md): the informant's reward at every boundary of the rule written as
 * policy/tip_reward.csv states it (5%, at most 10,000,000, nothing under 1,000,000, from
 * 2015-07-01), the creditor's designation of which assets to seize first, the values each
 * register takes, and how the banks report counts a bank's orders (late, average days).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "thuno/case_register.h"

static tn_day day(int y, int m, int d)
{
    tn_day out = 0;
    assert_int_equal(tn_day_make(y, m, d, &out), TN_OK);
    return out;
}

static void reward_boundaries(void **state)
{
    (void)state;
    struct tn_tip_reward_rule rules[] = {
        {day(2015, 7, 1), 50000, 10000000, 1000000, "policy line 1"},
        {day(2030, 1, 1), 100000, 20000000, 0, "a later rule"},
    };
    static const struct {
        tn_money recovered, want;
    } t[] = {
        {0, 0},                /* the tip led to nothing */
        {999999, 0},           /* one đồng under min_recovered */
        {1000000, 50000},      /* min_recovered reached: 5% */
        {1000010, 50001},      /* 50,000.5 rounds half-up */
        {1000009, 50000},      /* 50,000.45 rounds down */
        {200000000, 10000000}, /* 5% is the cap exactly */
        {200000020, 10000000}, /* 10,000,001 capped */
        {300000000, 10000000}, /* far above: the cap */
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        tn_money got = -1;
        const struct tn_tip_reward_rule *r = NULL;
        assert_int_equal(tn_tip_reward(rules, 2, day(2026, 6, 30), t[i].recovered, &got, &r),
                         TN_OK);
        if (got != t[i].want)
            fail_msg("row %zu: recovered %lld gives %lld, want %lld", i, (long long)t[i].recovered,
                     (long long)got, (long long)t[i].want);
        assert_ptr_equal(r, &rules[0]);
    }
    tn_money got = 7;
    const struct tn_tip_reward_rule *r = NULL;
    /* the day a rule starts it is in force; the day before, the older one */
    assert_int_equal(tn_tip_reward(rules, 2, day(2030, 1, 1), 500000, &got, &r), TN_OK);
    assert_int_equal(got, 50000);
    assert_ptr_equal(r, &rules[1]);
    assert_int_equal(tn_tip_reward(rules, 2, day(2029, 12, 31), 500000, &got, &r), TN_OK);
    assert_int_equal(got, 0);
    /* before the first rule: an error, never a default; nothing written */
    got = 7;
    assert_int_equal(tn_tip_reward(rules, 2, day(2015, 6, 30), 5000000, &got, &r),
                     TN_ERR_NO_POLICY);
    assert_int_equal(got, 7);
    assert_int_equal(tn_tip_reward(rules, 0, day(2026, 1, 1), 5000000, &got, &r), TN_ERR_NO_POLICY);
    assert_int_equal(tn_tip_reward(rules, 2, day(2026, 1, 1), -1, &got, &r), TN_ERR_RANGE);
}

static void priority_designation(void **state)
{
    (void)state;
    long order[4];
    size_t n = 0;
    char why[160];
    assert_int_equal(tn_case_priority_parse("2,3", order, 4, &n, why, sizeof why), TN_OK);
    assert_int_equal(n, 2);
    assert_int_equal(order[0], 2);
    assert_int_equal(order[1], 3);
    /* designated first in their order, the others after (rank n) */
    assert_int_equal(tn_case_priority_rank(order, n, 2), 0);
    assert_int_equal(tn_case_priority_rank(order, n, 3), 1);
    assert_int_equal(tn_case_priority_rank(order, n, 1), 2);
    assert_int_equal(tn_case_priority_parse("7", order, 4, &n, why, sizeof why), TN_OK);
    assert_int_equal(n, 1);
    assert_int_equal(tn_case_priority_parse("1,2,3,4", order, 4, &n, why, sizeof why), TN_OK);
    static const char *const bad[] = {"", "2,2", "0", "1,,2", "1,", "a", "-1", "1 2", "1,2,3,4,5"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        n = 99;
        if (tn_case_priority_parse(bad[i], order, 4, &n, why, sizeof why) != TN_ERR_PARSE)
            fail_msg("\"%s\" accepted", bad[i]);
        assert_int_equal(n, 99);
    }
    assert_int_equal(tn_case_priority_parse("2,2", order, 4, &n, why, sizeof why), TN_ERR_PARSE);
    assert_string_equal(why, "asset 2 is designated twice");
}

static void register_values(void **state)
{
    (void)state;
    assert_int_equal(tn_case_reg_check_what(TN_CASE_REG_BANK_REPLY, "refused"), TN_OK);
    assert_int_equal(tn_case_reg_check_what(TN_CASE_REG_BANK_REPLY, "refuse"), TN_ERR_PARSE);
    assert_int_equal(tn_case_reg_check_what(TN_CASE_REG_BANK_REPLY, ""), TN_ERR_PARSE);
    assert_int_equal(tn_case_reg_check_what(TN_CASE_REG_BANK_ORDER, "treasury"), TN_OK);
    assert_int_equal(tn_case_reg_check_what(TN_CASE_REG_ASSET, "other"), TN_OK);
    assert_int_equal(tn_case_reg_check_what(TN_CASE_REG_ASSET, "bank"), TN_ERR_PARSE);
    assert_int_equal(tn_case_reg_check_what(TN_CASE_REG_TIP, ""), TN_OK);
    assert_int_equal(tn_case_reg_check_what(TN_CASE_REG_TIP, "x"), TN_ERR_PARSE);
    assert_int_equal(tn_case_reg_check_what(TN_CASE_REG_AGENT, "bailiff"), TN_OK);
    enum tn_case_reg k;
    for (int i = 0; i < TN_CASE_REG_COUNT; i++) {
        assert_int_equal(tn_case_reg_parse(tn_case_reg_name((enum tn_case_reg)i), &k), TN_OK);
        assert_int_equal(k, i);
    }
    assert_int_equal(tn_case_reg_parse("bank", &k), TN_ERR_PARSE);
    assert_null(tn_case_reg_name(TN_CASE_REG_COUNT));
}

static void measure_fits_asset(void **state)
{
    (void)state;
    static const struct {
        const char *kind, *measure;
        int fits;
    } t[] = {
        {"bank_account", "account_freeze", 1},
        {"bank_account", "account_deduction", 1},
        {"bank_account", "seizure", 0},
        {"income", "income_deduction", 1},
        {"income", "account_deduction", 0},
        {"land", "seizure", 1},
        {"land", "auction", 1},
        {"land", "account_freeze", 0},
        {"vehicle", "auction", 1},
        {"receivable", "seizure", 1},
        {"other", "seizure", 1},
        {"bank", "account_freeze", 0}, /* not a kind: "bank" inside "bank_account" is no match */
        {"land", "confiscation", 0},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        if (tn_case_measure_fits(t[i].kind, t[i].measure) != t[i].fits)
            fail_msg("%s on %s: want %d", t[i].measure, t[i].kind, t[i].fits);
}

static void bank_tally(void **state)
{
    (void)state;
    struct tn_bank_tally t = {0};
    tn_day d = day(2026, 4, 1), deadline = d + 30, today = day(2026, 12, 31);
    assert_int_equal(tn_case_bank_avg_days_tenths(&t), -1); /* no reply: no average */
    static const struct {
        int first_reply, first_final; /* days after the order, -1: none */
        const char *last;
        tn_money amount, deducted;
    } o[] = {
        {30, 30, "executed", 100, 100}, /* on the last allowed day: on time */
        {31, 31, "refused", 200, 0},    /* a day late */
        {0, 0, "partial", 300, 50},     /* the same day */
        {5, -1, "delayed", 400, 0},     /* delayed and nothing since: no answer, late */
        {-1, -1, NULL, 500, 0},         /* silent, deadline long past: late */
        {10, 40, "executed", 600, 600}, /* delayed on day 10, paid on day 40: late */
    };
    for (size_t i = 0; i < sizeof o / sizeof o[0]; i++) {
        struct tn_bank_order_facts f = {d,
                                        o[i].first_reply < 0 ? -1 : d + o[i].first_reply,
                                        o[i].first_final < 0 ? -1 : d + o[i].first_final,
                                        o[i].last,
                                        o[i].amount,
                                        o[i].deducted};
        tn_case_bank_tally_add(&t, &f, deadline, today);
    }
    assert_int_equal(t.orders, 6);
    assert_int_equal(t.executed, 2);
    assert_int_equal(t.refused, 1);
    assert_int_equal(t.partial, 1);
    assert_int_equal(t.delayed, 1);
    assert_int_equal(t.unanswered, 1);
    assert_int_equal(t.replied, 5);
    assert_int_equal(t.days_replied, 30 + 31 + 0 + 5 + 10);
    assert_int_equal(tn_case_bank_avg_days_tenths(&t), 152); /* 76 / 5 = 15.2 */
    assert_int_equal(t.late, 4);
    assert_int_equal(t.ordered, 2100);
    assert_int_equal(t.deducted, 750);
    /* silent but still within the deadline: not late; no rule (-1): never late */
    struct tn_bank_tally u = {0};
    struct tn_bank_order_facts f = {d, -1, -1, NULL, 1, 0};
    tn_case_bank_tally_add(&u, &f, deadline, deadline);
    tn_case_bank_tally_add(&u, &f, -1, today);
    assert_int_equal(u.late, 0);
    tn_case_bank_tally_add(&u, &f, deadline, deadline + 1);
    assert_int_equal(u.late, 1);
    f.first_reply = d + 10; /* 3 replied orders of 10, 10, 11 days: 10.33.. rounds down */
    struct tn_bank_tally v = {0};
    tn_case_bank_tally_add(&v, &f, -1, today);
    tn_case_bank_tally_add(&v, &f, -1, today);
    f.first_reply = d + 11;
    tn_case_bank_tally_add(&v, &f, -1, today);
    assert_int_equal(tn_case_bank_avg_days_tenths(&v), 103);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reward_boundaries), cmocka_unit_test(priority_designation),
        cmocka_unit_test(register_values),   cmocka_unit_test(measure_fits_asset),
        cmocka_unit_test(bank_tally),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
