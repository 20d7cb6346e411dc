/*
 * test_operations.c - the pure rules of collection operations (operations.h): when an
 * assignment may be recorded, how a worklist is ordered, and the plan percentages.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "thuno/operations.h"
#include "thuno/policy.h"

static tn_day day(int y, int m, int d)
{
    tn_day out = 0;
    assert_int_equal(tn_day_make(y, m, d, &out), TN_OK);
    return out;
}

static void assignment_rules_in_order(void **state)
{
    (void)state;
    /* unit registered 2025-01-01, O1 in charge from 2025-03-01; asking for O2 unless said */
    static const struct {
        const char *what;
        int unit, officer, active, has_latest;
        int from_m, from_d; /* 2025 */
        const char *officer_code;
        enum tn_assign_problem want;
    } cases[] = {
        {"a new officer after the latest", 1, 1, 1, 1, 4, 1, "O2", TN_ASSIGN_OK},
        {"the latest date again: a correction", 1, 1, 1, 1, 3, 1, "O2", TN_ASSIGN_OK},
        {"the same officer on the latest date: a correction", 1, 1, 1, 1, 3, 1, "O1", TN_ASSIGN_OK},
        {"no assignment yet, on the registration day", 1, 1, 1, 0, 1, 1, "O2", TN_ASSIGN_OK},
        {"unknown unit comes first", 0, 0, 0, 1, 4, 1, "O2", TN_ASSIGN_NO_UNIT},
        {"unknown officer", 1, 0, 0, 1, 4, 1, "O9", TN_ASSIGN_NO_OFFICER},
        {"inactive officer", 1, 1, 0, 1, 4, 1, "O2", TN_ASSIGN_INACTIVE},
        {"a day before the latest", 1, 1, 1, 1, 2, 28, "O2", TN_ASSIGN_BEFORE_LATEST},
        {"the officer already in charge", 1, 1, 1, 1, 4, 1, "O1", TN_ASSIGN_SAME_OFFICER},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct tn_assign_facts f = {
            .unit_found = cases[i].unit,
            .registered_on = day(2025, 1, 1),
            .officer_found = cases[i].officer,
            .officer_active = cases[i].active,
            .has_latest = cases[i].has_latest,
            .latest_from = day(2025, 3, 1),
            .latest_officer = "O1",
            .officer = cases[i].officer_code,
            .from = day(2025, cases[i].from_m, cases[i].from_d),
        };
        if (tn_assign_check(&f) != cases[i].want)
            fail_msg("%s: got %d, want %d", cases[i].what, tn_assign_check(&f), cases[i].want);
    }
    /* before the registration: a day before 2025-01-01 */
    struct tn_assign_facts f = {1, day(2025, 1, 1), 1, 1, 0, 0, "", "O2", day(2024, 12, 31)};
    assert_int_equal(tn_assign_check(&f), TN_ASSIGN_BEFORE_REGISTERED);
    assert_string_equal(tn_assign_problem_text(TN_ASSIGN_INACTIVE),
                        "cán bộ không còn hoạt động / the officer is not active");
}

static void urgency_money_then_evading_then_months(void **state)
{
    (void)state;
    static const struct {
        struct tn_urgency a, b;
        int want; /* sign */
    } cases[] = {
        {{1, 10, 1}, {0, 120, 999999999}, 1}, /* more money at risk first, whatever else */
        {{0, 0, 2}, {1, 120, 1}, -1},         /* one đồng more outranks evasion and age */
        {{1, 10, 5}, {0, 120, 5}, -1},        /* the same money: evading first */
        {{0, 30, 5}, {0, 20, 5}, -1},         /* then more months owed */
        {{0, 20, 5}, {0, 20, 5}, 0},          /* a tie: callers order by unit_code */
        {{0, 0, 5}, {1, 0, 5}, 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int got = tn_urgency_cmp(&cases[i].a, &cases[i].b);
        assert_int_equal(got < 0 ? -1 : got > 0, cases[i].want);
    }
}

/* Awards and praise only for active units (seed 002); every other status of units.csv
 * (data-formats.md) and an empty or unknown one is refused. */
static void award_only_active_units(void **state)
{
    (void)state;
    static const struct {
        const char *status;
        int allowed;
    } t[] = {
        {"active", 1},    {"suspended", 0}, {"dissolved", 0}, {"bankrupt", 0},
        {"absconded", 0}, {"", 0},          {"Active", 0},    {NULL, 0},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        assert_int_equal(tn_award_allowed(t[i].status), t[i].allowed);
}

/* policy/handover.csv: an office's own line wins over "*"; a later line replaces an earlier
 * one from its day; the officers take turns in the order written. */
static void handover_officer_by_office_in_turn(void **state)
{
    (void)state;
    struct tn_policy pol;
    tn_policy_init(&pol);
    struct tn_handover_rule rules[] = {
        {day(2025, 1, 1), "*", "K1;K2;K3", "office rule"},
        {day(2025, 1, 1), "79001", "K9", "office rule"},
        {day(2025, 11, 1), "*", "K4;K5", "office rule from November"},
    };
    pol.handover = rules;
    pol.nhandover = 3;
    const struct {
        tn_day on;
        const char *office;
        size_t turn;
        tn_err err;
        const char *want;
    } t[] = {
        {day(2025, 10, 31), "79002", 0, TN_OK, "K1"}, /* "*": first, second, third, first */
        {day(2025, 10, 31), "79002", 1, TN_OK, "K2"},
        {day(2025, 10, 31), "79002", 2, TN_OK, "K3"},
        {day(2025, 10, 31), "79002", 3, TN_OK, "K1"},
        {day(2025, 10, 31), "", 4, TN_OK, "K2"},      /* the province office: "*" too */
        {day(2025, 10, 31), "79001", 5, TN_OK, "K9"}, /* its own line, one officer */
        {day(2025, 11, 1), "79002", 1, TN_OK, "K5"},  /* the November line */
        {day(2025, 11, 1), "79001", 0, TN_OK, "K9"},  /* still its own */
        {day(2024, 12, 31), "79002", 0, TN_ERR_NO_POLICY, ""},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        char got[32] = "";
        assert_int_equal(tn_handover_officer(&pol, t[i].on, t[i].office, t[i].turn, got), t[i].err);
        assert_string_equal(got, t[i].want);
    }
}

static void percent_in_tenths_half_up(void **state)
{
    (void)state;
    static const struct {
        tn_money part, whole;
        long want;
    } cases[] = {
        {4800000, 6320000, 759},  /* 75.949...% -> 75.9 (docs/operations.md, QLT) */
        {8640000, 10160000, 850}, /* 85.039...% -> 85.0 (province efficiency) */
        {3840000, 10800000, 356}, /* 35.555...% -> 35.6 */
        {1, 2000, 1},             /* 0.05% rounds half up to 0.1 */
        {1, 2001, 0},             /* 0.0499...% -> 0.0 */
        {4800000, 1500000, 3200}, /* above the plan: 320.0 */
        {0, 5000000, 0},          /* nothing collected: 0.0 */
        {5, 0, -1},               /* no plan: empty */
        {5, -1, -1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        assert_int_equal(tn_percent_tenths(cases[i].part, cases[i].whole), cases[i].want);
}

/* Seed 000's litigation shares (2010-2013, billions of đồng; units): money recovered over
 * money claimed, and judgments enforced over judgments; the seed prints whole percents
 * rounded to the nearest, which the tenths round to as well. */
static void percent_matches_seed_000(void **state)
{
    (void)state;
    static const struct {
        tn_money part, whole;
        long want, seed;
    } cases[] = {
        {2700, 17900, 151, 15}, /* mediation: 270 of 1,790 bn claimed, "đạt tỷ lệ 15%" */
        {4638, 17900, 259, 26}, /* trial: 463.8 of 1,790 bn, "26%" (rounded down: 25) */
        {7330, 17900, 409, 41}, /* recovered: 733 of 1,790 bn, "chỉ đạt 41%" (down: 40) */
        {1202, 1561, 770, 77},  /* enforced: 1,202 units, "77%" (1,561 judgments implied) */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        long got = tn_percent_tenths(cases[i].part, cases[i].whole);
        assert_int_equal(got, cases[i].want);
        assert_int_equal((got + 5) / 10, cases[i].seed);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(assignment_rules_in_order),
        cmocka_unit_test(urgency_money_then_evading_then_months),
        cmocka_unit_test(award_only_active_units),
        cmocka_unit_test(handover_officer_by_office_in_turn),
        cmocka_unit_test(percent_in_tenths_half_up),
        cmocka_unit_test(percent_matches_seed_000),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
