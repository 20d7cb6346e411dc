/*
 * test_policy_core.c - the effective-dated lookups of core/policy.c over a policy filled by
 * hand (core tests may not read files). Figures are rules.md's §2-§8; the lists are written
 * out of order on purpose, so that every lookup also proves tn_policy_sort().
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "thuno/mem.h"
#include "thuno/policy.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))
/* appends e to an owned list of n entries */
#define FX_ADD(list, n, e)                                                                         \
    do {                                                                                           \
        (list) = tn_xrealloc((list), (n) + 1, sizeof *(list));                                     \
        (list)[(n)++] = (e);                                                                       \
    } while (0)
#define BUDGET (1u << TN_UT_STATE | 1u << TN_UT_PUBLIC) /* budget-paid units */

static tn_period P(const char *s)
{
    tn_period p = 0;
    assert_int_equal(tn_period_parse(s, &p), TN_OK);
    return p;
}

static tn_day D(const char *s)
{
    tn_day d = 0;
    assert_int_equal(tn_day_parse(s, &d), TN_OK);
    return d;
}

/* Copies a table into a list the policy owns (tn_policy_release frees it). */
#define FILL(list, n, table)                                                                       \
    do {                                                                                           \
        (list) = tn_xmalloc(sizeof(table));                                                        \
        memcpy((list), (table), sizeof(table));                                                    \
        (n) = N(table);                                                                            \
    } while (0)

/* The hand-made policy. Starts are parsed from their text so that each table shows its dates
 * as rules.md writes them; entries marked "test only" exist to reach an error path. */
static void fill_policy(struct tn_policy *pol)
{
    tn_policy_init(pol);
    struct tn_rate_entry pension_ee[] = {
        {P("2025-07"), 80000, 0, 0, "Law 41/2024/QH15 [?]"},
        {P("2016-01"), 80000, 0, 0, "Law 58/2014/QH13 Art 85 [S]"},
    };
    struct tn_rate_entry tnld[] = {
        {P("2022-07"), 5000, 0, 0, "Decree 58/2020 [S]"},
        {P("2021-07"), 0, BUDGET, 0, "NQ 68/NQ-CP [S]"},
        {P("2016-01"), 10000, 0, 0, "Decree 37/2016 [S]"},
        {P("2017-06"), 5000, 0, 0, "Decree 44/2017 [S]"},
    };
    struct tn_rate_entry bhtn_er[] = {
        {P("2022-10"), 10000, 0, 0, "Employment Law 38/2013 [S]"},
        {P("2021-10"), 0, BUDGET, D("2021-10-01"), "NQ 116/NQ-CP [S]"},
        {P("2016-01"), 10000, 0, 0, "Employment Law 38/2013 [S]"},
    };
    /* a list whose only entry excludes budget units: they have no rate at all */
    struct tn_rate_entry bhyt_er[] = {{P("2016-01"), 30000, BUDGET, 0, "test only [?]"}};
    FILL(pol->rates[TN_C_PENSION_EE], pol->nrates[TN_C_PENSION_EE], pension_ee);
    FILL(pol->rates[TN_C_TNLD_ER], pol->nrates[TN_C_TNLD_ER], tnld);
    FILL(pol->rates[TN_C_BHTN_ER], pol->nrates[TN_C_BHTN_ER], bhtn_er);
    FILL(pol->rates[TN_C_BHYT_ER], pol->nrates[TN_C_BHYT_ER], bhyt_er);

    struct tn_amount_entry base[] = {
        {P("2024-07"), 2340000, "Decree 73/2024 [S]"},
        {P("2013-07"), 1150000, "Decree 66/2013 [S]"},
        {P("2023-07"), 1800000, "Decree 24/2023 [S]"},
    };
    FILL(pol->base_salary, pol->nbase_salary, base);
    struct tn_amount_entry mw1[] = {
        {P("2026-01"), 5310000, "Decree 293/2025 [S]"},
        {P("2016-01"), 3500000, "Decree 122/2015 [S]"},
        {P("2024-07"), 4960000, "Decree 74/2024 [S]"},
    };
    struct tn_amount_entry mw4[] = {
        {P("2024-07"), 3450000, "Decree 74/2024 [S]"},
        {P("2026-01"), 3700000, "Decree 293/2025 [S]"},
    };
    FILL(pol->min_wage[0], pol->nmin_wage[0], mw1);
    FILL(pol->min_wage[3], pol->nmin_wage[3], mw4);

    struct tn_cap_entry cap_bhxh[] = {
        {P("2025-07"), 20, TN_CAP_BASE_SALARY, "Law 41 Art 31 [S]"},
        {P("2010-01"), 20, TN_CAP_BASE_SALARY, "test only: before any base salary [?]"},
        {P("2016-01"), 20, TN_CAP_BASE_SALARY, "Law 58 Art 89.3 [S]"},
    };
    struct tn_cap_entry cap_bhtn[] = {{P("2016-01"), 20, TN_CAP_MIN_WAGE, "Employment Law [S]"}};
    FILL(pol->caps[TN_G_BHXH], pol->ncaps[TN_G_BHXH], cap_bhxh);
    FILL(pol->caps[TN_G_BHTN], pol->ncaps[TN_G_BHTN], cap_bhtn);

    struct tn_deadline_entry dl[] = {
        {P("2025-07"), TN_DL_END_OF_NEXT_MONTH, 1, "Law 41 Art 34.4 [S]"},
        {P("2016-01"), TN_DL_END_OF_CYCLE, 0, "Decision 595 Art 7 [S]"},
        {P("2023-04"), TN_DL_END_OF_CYCLE, 1, "Decision 490/2023 [S]"},
    };
    FILL(pol->deadlines, pol->ndeadlines, dl);

    struct tn_interest_rule ir[] = {
        {D("2025-07-01"), TN_INT_DAILY, 300, 0, "Law 41 Art 40 [S]"},
        {D("2016-01-01"), TN_INT_MONTHLY_K, 0, 0, "Law 58 Art 122.3 [S]"},
    };
    FILL(pol->interest, pol->ninterest, ir);

    struct tn_k_entry k[] = {
        {2017, TN_K_BHYT, 9670, "VSS 2017 [S]"},
        {2017, TN_K_BHXH_BHTN, 13170, "VSS 2017 [S]"},
        {2016, TN_K_BHXH_BHTN, 10650, "VSS 2016 [S]"},
    };
    FILL(pol->k, pol->nk, k);

    struct tn_allocation_rule al[] = {
        {D("2025-07-01"), {TN_G_BHYT, TN_G_BHTN, TN_G_BHXH}, 1, "test only: interest first [?]"},
        {D("2016-01-01"), {TN_G_BHYT, TN_G_BHTN, TN_G_BHXH}, 0, "Decision 60/2015 Art 6 [S]"},
    };
    FILL(pol->allocation, pol->nallocation, al);

    struct tn_legal_rule lg[] = {
        {D("2025-07-01"), 60, "Law 41 Art 39 [S]"},
        {D("2016-01-01"), 0, "Law 58 [S]"},
    };
    FILL(pol->legal, pol->nlegal, lg);

    struct tn_card_rule card[] = {{D("2016-01-01"), 10, 30, "office practice [S]"}};
    FILL(pol->card, pol->ncard, card);
    tn_policy_sort(pol);
}

static int setup(void **state)
{
    static struct tn_policy pol;
    fill_policy(&pol);
    *state = &pol;
    return 0;
}

static int teardown(void **state)
{
    tn_policy_release(*state);
    return 0;
}

/* clang-format off */
static const struct {
    enum tn_component c;
    enum tn_unit_type type;
    const char *registered; /* registered_on */
    const char *period;
    tn_err err;
    tn_ppm want;
    const char *source; /* the entry that must be chosen */
} rate_cases[] = {
    {TN_C_PENSION_EE, TN_UT_PRIVATE, "2010-01-01", "2016-01", TN_OK, 80000, "Law 58"},   /* first entry */
    {TN_C_PENSION_EE, TN_UT_PRIVATE, "2010-01-01", "2025-06", TN_OK, 80000, "Law 58"},   /* last month before Law 41 */
    {TN_C_PENSION_EE, TN_UT_PRIVATE, "2010-01-01", "2025-07", TN_OK, 80000, "Law 41"},   /* Law 41 restates 8% */
    {TN_C_PENSION_EE, TN_UT_PRIVATE, "2010-01-01", "2015-12", TN_ERR_NO_POLICY, 0, NULL}, /* before the first entry */
    {TN_C_TNLD_ER, TN_UT_PRIVATE, "2010-01-01", "2017-05", TN_OK, 10000, "Decree 37/2016"}, /* 1% until 2017-05 */
    {TN_C_TNLD_ER, TN_UT_PRIVATE, "2010-01-01", "2017-06", TN_OK, 5000, "Decree 44/2017"},  /* 0.5% from 2017-06 */
    {TN_C_TNLD_ER, TN_UT_PRIVATE, "2010-01-01", "2021-07", TN_OK, 0, "NQ 68"},              /* NQ 68: 0% */
    {TN_C_TNLD_ER, TN_UT_FDI, "2010-01-01", "2022-06", TN_OK, 0, "NQ 68"},                  /* any non-budget type */
    {TN_C_TNLD_ER, TN_UT_STATE, "2010-01-01", "2021-07", TN_OK, 5000, "Decree 44/2017"},    /* budget unit keeps the entry before */
    {TN_C_TNLD_ER, TN_UT_PUBLIC, "2010-01-01", "2022-06", TN_OK, 5000, "Decree 44/2017"},   /* budget unit keeps the entry before */
    {TN_C_TNLD_ER, TN_UT_PRIVATE, "2010-01-01", "2022-07", TN_OK, 5000, "Decree 58/2020"},  /* window closed */
    {TN_C_TNLD_ER, TN_UT_STATE, "2010-01-01", "2022-07", TN_OK, 5000, "Decree 58/2020"},    /* unlimited entry applies to all */
    {TN_C_BHTN_ER, TN_UT_PRIVATE, "2020-01-01", "2021-09", TN_OK, 10000, "38/2013"},  /* before NQ 116 */
    {TN_C_BHTN_ER, TN_UT_PRIVATE, "2020-01-01", "2021-10", TN_OK, 0, "NQ 116"},       /* NQ 116: 0% */
    {TN_C_BHTN_ER, TN_UT_PRIVATE, "2021-09-30", "2022-09", TN_OK, 0, "NQ 116"},       /* registered the day before the limit */
    {TN_C_BHTN_ER, TN_UT_PRIVATE, "2021-10-01", "2021-10", TN_OK, 10000, "38/2013"},  /* registered on the limit: not before it */
    {TN_C_BHTN_ER, TN_UT_PRIVATE, "2021-11-01", "2021-12", TN_OK, 10000, "38/2013"},  /* registered after: 1% */
    {TN_C_BHTN_ER, TN_UT_PUBLIC, "2020-01-01", "2021-10", TN_OK, 10000, "38/2013"},   /* budget unit: 1% */
    {TN_C_BHTN_ER, TN_UT_PRIVATE, "2020-01-01", "2022-10", TN_OK, 10000, "38/2013"},  /* window closed */
    {TN_C_BHYT_ER, TN_UT_PRIVATE, "2020-01-01", "2020-01", TN_OK, 30000, "test only"},  /* the limited entry applies */
    {TN_C_BHYT_ER, TN_UT_STATE, "2020-01-01", "2020-01", TN_ERR_NO_POLICY, 0, NULL},    /* no entry applies at all */
    {TN_C_BHYT_EE, TN_UT_PRIVATE, "2020-01-01", "2020-01", TN_ERR_NO_POLICY, 0, NULL},  /* empty list */
};
/* clang-format on */

static void rate_follows_dates_and_limits(void **state)
{
    const struct tn_policy *pol = *state;
    for (size_t i = 0; i < N(rate_cases); i++) {
        struct tn_unit_facts u = {rate_cases[i].type, 1, 1, D(rate_cases[i].registered)};
        const struct tn_rate_entry *e = NULL;
        tn_err err = tn_policy_rate(pol, rate_cases[i].c, &u, P(rate_cases[i].period), &e);
        if (err != rate_cases[i].err)
            fail_msg("rate case %zu: got %s", i, tn_err_name(err));
        if (err)
            continue;
        if (e->rate != rate_cases[i].want || !strstr(e->source, rate_cases[i].source))
            fail_msg("rate case %zu: got %d from \"%s\"", i, e->rate, e->source);
    }
}

/* clang-format off */
static const struct {
    int region; /* 0: base salary */
    const char *period;
    tn_err err;
    tn_money want;
} amount_cases[] = {
    {0, "2013-07", TN_OK, 1150000},           /* Decree 66/2013: first entry */
    {0, "2013-06", TN_ERR_NO_POLICY, 0},      /* before it */
    {0, "2023-06", TN_OK, 1150000},           /* the hand policy skips 2016-2019 */
    {0, "2023-07", TN_OK, 1800000},           /* Decree 24/2023 */
    {0, "2024-06", TN_OK, 1800000},
    {0, "2024-07", TN_OK, 2340000},           /* Decree 73/2024 */
    {0, "2030-01", TN_OK, 2340000},           /* the last entry stays in force */
    {1, "2016-01", TN_OK, 3500000},           /* Decree 122/2015, region I */
    {1, "2025-12", TN_OK, 4960000},           /* Decree 74/2024 */
    {1, "2026-01", TN_OK, 5310000},           /* Decree 293/2025 */
    {4, "2026-01", TN_OK, 3700000},           /* Decree 293/2025, region IV */
    {4, "2024-06", TN_ERR_NO_POLICY, 0},      /* region IV's list starts 2024-07 */
    {2, "2026-01", TN_ERR_NO_POLICY, 0},      /* region II: empty list */
    {-1, "2026-01", TN_ERR_RANGE, 0},         /* no region -1 */
    {5, "2026-01", TN_ERR_RANGE, 0},          /* there are four regions */
};
/* clang-format on */

static void base_salary_and_min_wage(void **state)
{
    const struct tn_policy *pol = *state;
    for (size_t i = 0; i < N(amount_cases); i++) {
        const struct tn_amount_entry *a = NULL;
        tn_period p = P(amount_cases[i].period);
        tn_err err = amount_cases[i].region == 0
                         ? tn_policy_base_salary(pol, p, &a)
                         : tn_policy_min_wage(pol, amount_cases[i].region, p, &a);
        if (err != amount_cases[i].err)
            fail_msg("amount case %zu: got %s", i, tn_err_name(err));
        if (!err && a->amount != amount_cases[i].want)
            fail_msg("amount case %zu: got %lld", i, (long long)a->amount);
    }
}

/* clang-format off */
static const struct {
    enum tn_group g;
    int region;
    const char *period;
    tn_err err;
    tn_money want;
} cap_cases[] = {
    {TN_G_BHXH, 1, "2025-01", TN_OK, 46800000},   /* Law 58 Art 89.3: 20 x 2,340,000 */
    {TN_G_BHXH, 4, "2025-07", TN_OK, 46800000},   /* Law 41 Art 31: region does not matter */
    {TN_G_BHXH, 1, "2016-01", TN_OK, 23000000},   /* 20 x 1,150,000 */
    {TN_G_BHXH, 1, "2012-01", TN_ERR_NO_POLICY, 0}, /* a cap, but no base salary yet */
    {TN_G_BHXH, 1, "2009-12", TN_ERR_NO_POLICY, 0}, /* no cap entry yet */
    {TN_G_BHTN, 1, "2026-01", TN_OK, 106200000},  /* 20 x region I 5,310,000 */
    {TN_G_BHTN, 4, "2026-01", TN_OK, 74000000},   /* 20 x region IV 3,700,000 */
    {TN_G_BHTN, 1, "2016-01", TN_OK, 70000000},   /* 20 x 3,500,000 */
    {TN_G_BHTN, 5, "2026-01", TN_ERR_RANGE, 0},   /* bad region */
    {TN_G_BHYT, 1, "2026-01", TN_ERR_NO_POLICY, 0}, /* BHYT has no cap in the hand policy */
};
/* clang-format on */

static void cap_multiplies_its_reference(void **state)
{
    const struct tn_policy *pol = *state;
    for (size_t i = 0; i < N(cap_cases); i++) {
        tn_money cap = -1;
        const struct tn_cap_entry *e = NULL;
        tn_err err = tn_policy_cap(pol, cap_cases[i].g, cap_cases[i].region, P(cap_cases[i].period),
                                   &cap, &e);
        if (err != cap_cases[i].err)
            fail_msg("cap case %zu: got %s", i, tn_err_name(err));
        if (!err && (cap != cap_cases[i].want || e == NULL || e->multiplier != 20))
            fail_msg("cap case %zu: got %lld", i, (long long)cap);
    }
    tn_money cap = 0; /* the entry out-parameter may be NULL */
    assert_int_equal(tn_policy_cap(pol, TN_G_BHXH, 1, P("2025-01"), &cap, NULL), TN_OK);
    assert_int_equal(cap, 46800000);
}

/* clang-format off */
static const struct {
    enum tn_group g;
    int cycle;
    const char *period;
    tn_err err;
    const char *want;
} deadline_cases[] = {
    {TN_G_BHXH, 1, "2016-01", TN_OK, "2016-01-31"}, /* Decision 595 Art 7: same month */
    {TN_G_BHXH, 1, "2024-02", TN_OK, "2024-02-29"}, /* leap February */
    {TN_G_BHXH, 1, "2025-06", TN_OK, "2025-06-30"}, /* last Law 58 month */
    {TN_G_BHXH, 1, "2025-07", TN_OK, "2025-08-31"}, /* Law 41 Art 34.4: the following month */
    {TN_G_BHXH, 1, "2025-12", TN_OK, "2026-01-31"}, /* across the year */
    {TN_G_BHXH, 3, "2025-04", TN_OK, "2025-06-30"}, /* Law 58: end of Q2 */
    {TN_G_BHXH, 3, "2025-06", TN_OK, "2025-06-30"}, /* every month of the cycle alike */
    {TN_G_BHXH, 3, "2025-08", TN_OK, "2025-10-31"}, /* Law 41: month after Q3 */
    {TN_G_BHXH, 6, "2024-02", TN_OK, "2024-06-30"}, /* Law 58: end of H1 */
    {TN_G_BHXH, 6, "2025-08", TN_OK, "2026-01-31"}, /* Law 41: month after H2 */
    {TN_G_BHYT, 6, "2023-05", TN_OK, "2023-06-30"}, /* BHYT follows the cycle */
    {TN_G_BHTN, 3, "2023-02", TN_OK, "2023-03-31"}, /* BHTN on the cycle before 2023-04 */
    {TN_G_BHTN, 3, "2023-04", TN_OK, "2023-04-30"}, /* Decision 490/2023: BHTN monthly */
    {TN_G_BHTN, 6, "2025-08", TN_OK, "2025-09-30"}, /* BHTN monthly, Law 41 rule */
    {TN_G_BHXH, 2, "2025-08", TN_OK, "2025-09-30"}, /* an unknown cycle counts as monthly */
    {TN_G_BHXH, 1, "2015-12", TN_ERR_NO_POLICY, NULL}, /* before the first entry */
};
/* clang-format on */

static void deadline_by_rule_and_cycle(void **state)
{
    const struct tn_policy *pol = *state;
    for (size_t i = 0; i < N(deadline_cases); i++) {
        tn_day dl = 0;
        const struct tn_deadline_entry *e = NULL;
        tn_err err = tn_policy_deadline(pol, deadline_cases[i].g, deadline_cases[i].cycle,
                                        P(deadline_cases[i].period), &dl, &e);
        if (err != deadline_cases[i].err)
            fail_msg("deadline case %zu: got %s", i, tn_err_name(err));
        if (err)
            continue;
        char got[TN_DAY_BUFSZ];
        tn_day_format(dl, got);
        if (strcmp(got, deadline_cases[i].want) != 0 || e == NULL)
            fail_msg("deadline case %zu: got %s", i, got);
    }
}

/* clang-format off */
static const struct {
    const char *day;
    tn_err err;
    enum tn_interest_kind kind;
    tn_ppm daily_rate;
    int evasion_days;
    int interest_first;
} day_cases[] = {
    {"2016-01-01", TN_OK, TN_INT_MONTHLY_K, 0, 0, 0},    /* Law 58 Art 122.3; Decision 60/2015 */
    {"2025-06-30", TN_OK, TN_INT_MONTHLY_K, 0, 0, 0},    /* the last Law 58 day */
    {"2025-07-01", TN_OK, TN_INT_DAILY, 300, 60, 1},     /* Law 41 Art 39, 40: 0.03% a day */
    {"2026-11-15", TN_OK, TN_INT_DAILY, 300, 60, 1},
    {"2015-12-31", TN_ERR_NO_POLICY, 0, 0, 0, 0},        /* before the first entry */
};
/* clang-format on */

static void day_rules_interest_legal_allocation(void **state)
{
    const struct tn_policy *pol = *state;
    for (size_t i = 0; i < N(day_cases); i++) {
        tn_day d = D(day_cases[i].day);
        const struct tn_interest_rule *ir = NULL;
        const struct tn_legal_rule *lg = NULL;
        const struct tn_allocation_rule *al = NULL;
        assert_int_equal(tn_policy_interest_rule(pol, d, &ir), day_cases[i].err);
        assert_int_equal(tn_policy_legal(pol, d, &lg), day_cases[i].err);
        assert_int_equal(tn_policy_allocation(pol, d, &al), day_cases[i].err);
        if (day_cases[i].err)
            continue;
        if (ir->kind != day_cases[i].kind || ir->daily_rate != day_cases[i].daily_rate ||
            lg->evasion_days != day_cases[i].evasion_days ||
            al->interest_first != day_cases[i].interest_first)
            fail_msg("day case %zu (%s)", i, day_cases[i].day);
        assert_int_equal(al->order[0], TN_G_BHYT); /* Decision 60/2015 Art 6: BHYT first */
        assert_int_equal(al->order[1], TN_G_BHTN);
        assert_int_equal(al->order[2], TN_G_BHXH);
    }
    const struct tn_card_rule *card = NULL;
    assert_int_equal(tn_policy_card(pol, D("2026-01-01"), &card), TN_OK);
    assert_int_equal(card->lock_tenths, 10); /* rules.md §10: lock from 1 month owed */
    assert_int_equal(tn_policy_card(pol, D("2015-12-31"), &card), TN_ERR_NO_POLICY);
}

/* clang-format off */
static const struct {
    int year;
    enum tn_kgroup group;
    tn_err err;
    tn_ppm want;
} k_cases[] = {
    {2016, TN_K_BHXH_BHTN, TN_OK, 10650},          /* rules.md §7: 1.065% */
    {2017, TN_K_BHXH_BHTN, TN_OK, 13170},          /* 1.317% */
    {2017, TN_K_BHYT, TN_OK, 9670},                /* 0.967% */
    {2016, TN_K_BHYT, TN_ERR_NO_POLICY, 0},        /* not published: never guessed */
    {2018, TN_K_BHXH_BHTN, TN_ERR_NO_POLICY, 0},   /* 2018-2025 not found */
    {2015, TN_K_BHXH_BHTN, TN_ERR_NO_POLICY, 0},   /* no earlier year stands in */
};
/* clang-format on */

static void k_of_a_year_or_missing(void **state)
{
    const struct tn_policy *pol = *state;
    for (size_t i = 0; i < N(k_cases); i++) {
        const struct tn_k_entry *k = NULL;
        tn_err err = tn_policy_k(pol, k_cases[i].year, k_cases[i].group, &k);
        if (err != k_cases[i].err)
            fail_msg("k case %zu: got %s", i, tn_err_name(err));
        if (!err && (k->k != k_cases[i].want || k->year != k_cases[i].year))
            fail_msg("k case %zu: got %d", i, k->k);
    }
}

static void names_parse_back(void **state)
{
    (void)state;
    for (int c = 0; c < TN_C_COUNT; c++) {
        enum tn_component back;
        assert_int_equal(tn_component_parse(tn_component_name(c), &back), TN_OK);
        assert_int_equal(back, c);
    }
    for (int g = 0; g < TN_G_COUNT; g++) {
        enum tn_group back;
        assert_int_equal(tn_group_parse(tn_group_name(g), &back), TN_OK);
        assert_int_equal(back, g);
    }
    for (int t = 0; t < TN_UT_COUNT; t++) {
        enum tn_unit_type back;
        assert_int_equal(tn_unit_type_parse(tn_unit_type_name(t), &back), TN_OK);
        assert_int_equal(back, t);
    }
    enum tn_component c;
    enum tn_group g;
    enum tn_unit_type t;
    assert_int_equal(tn_component_parse("pension", &c), TN_ERR_PARSE);
    assert_int_equal(tn_group_parse("bhxh", &g), TN_ERR_PARSE); /* names are exact */
    assert_int_equal(tn_unit_type_parse("State", &t), TN_ERR_PARSE);
    /* policy.h: BHXH includes TNLĐ for allocation and interest; declarations name it apart */
    assert_int_equal(tn_component_group(TN_C_TNLD_ER), TN_G_BHXH);
    assert_int_equal(tn_component_fund(TN_C_TNLD_ER), TN_FUND_TNLD);
    assert_int_equal(tn_component_fund(TN_C_SICKNESS_ER), TN_FUND_BHXH);
    assert_int_equal(tn_component_group(TN_C_BHTN_EE), TN_G_BHTN);
}

/* The side tables, filled out of order: card groups by type, public list, tip rewards,
 * inspections; each lookup is NO_POLICY before its first line. */
static void side_table_lookups(void **state)
{
    (void)state;
    struct tn_policy pol;
    tn_policy_init(&pol);
    const struct tn_card_group cg[] = {
        {D("2024-01-01"), "private", "DN", 3, "b"},
        {D("2015-12-01"), "fdi", "DN", 4, "c"},
        {D("2015-12-01"), "private", "DN", 4, "a"},
    };
    for (size_t i = 0; i < N(cg); i++)
        FX_ADD(pol.card_groups, pol.ncard_groups, cg[i]);
    const struct tn_name_rule nr[] = {{D("2025-07-01"), 20, "b"}, {D("2016-01-01"), 30, "a"}};
    for (size_t i = 0; i < N(nr); i++)
        FX_ADD(pol.name_rules, pol.nname_rules, nr[i]);
    const struct tn_tip_reward_rule tr[] = {{D("2030-01-01"), 100000, 5000000, 0, "b"},
                                            {D("2015-07-01"), 50000, 10000000, 1000000, "a"}};
    for (size_t i = 0; i < N(tr); i++)
        FX_ADD(pol.tip_rewards, pol.ntip_rewards, tr[i]);
    const struct tn_inspection_rule ir[] = {{D("2026-01-01"), 20, 5, 1, 10, 30, 1, "b"},
                                            {D("2016-01-01"), 30, 5, 1, 10, 30, 1, "a"}};
    for (size_t i = 0; i < N(ir); i++)
        FX_ADD(pol.inspections, pol.ninspections, ir[i]);
    tn_policy_sort(&pol);

    const struct tn_card_group *g = NULL;
    assert_int_equal(tn_policy_card_group(&pol, "private", D("2023-12-31"), &g), TN_OK);
    assert_string_equal(g->source, "a");
    assert_int_equal(tn_policy_card_group(&pol, "private", D("2024-01-01"), &g), TN_OK);
    assert_int_equal(g->level, 3);
    assert_int_equal(tn_policy_card_group(&pol, "fdi", D("2024-01-01"), &g), TN_OK);
    assert_string_equal(g->source, "c");
    assert_int_equal(tn_policy_card_group(&pol, "private", D("2015-11-30"), &g), TN_ERR_NO_POLICY);
    assert_int_equal(tn_policy_card_group(&pol, "state", D("2024-01-01"), &g), TN_ERR_NO_POLICY);
    /* an unknown type is an error, never "other" */
    assert_int_equal(tn_policy_card_group(&pol, "company", D("2024-01-01"), &g), TN_ERR_PARSE);

    const struct tn_name_rule *n = NULL;
    assert_int_equal(tn_policy_name_rule(&pol, D("2025-06-30"), &n), TN_OK);
    assert_int_equal(n->name_tenths, 30);
    assert_int_equal(tn_policy_name_rule(&pol, D("2025-07-01"), &n), TN_OK);
    assert_int_equal(n->name_tenths, 20);
    assert_int_equal(tn_policy_name_rule(&pol, D("2015-12-31"), &n), TN_ERR_NO_POLICY);

    tn_money reward = -1;
    const struct tn_tip_reward_rule *t = NULL;
    assert_int_equal(tn_policy_tip_reward(&pol, D("2029-12-31"), 40000000, &reward, &t), TN_OK);
    assert_int_equal(reward, 2000000);
    assert_string_equal(t->source, "a");
    assert_int_equal(tn_policy_tip_reward(&pol, D("2030-01-01"), 80000000, &reward, &t), TN_OK);
    assert_int_equal(reward, 5000000); /* 10% capped */
    assert_int_equal(tn_policy_tip_reward(&pol, D("2015-06-30"), 40000000, &reward, &t),
                     TN_ERR_NO_POLICY);

    const struct tn_inspection_rule *r = NULL;
    assert_int_equal(tn_policy_inspection_rule(&pol, D("2025-12-31"), &r), TN_OK);
    assert_int_equal(r->referral_months_tenths, 30);
    assert_int_equal(tn_policy_inspection_rule(&pol, D("2026-01-01"), &r), TN_OK);
    assert_int_equal(r->referral_months_tenths, 20);
    assert_int_equal(tn_policy_inspection_rule(&pol, D("2015-12-31"), &r), TN_ERR_NO_POLICY);

    tn_policy_release(&pol);
    assert_null(pol.card_groups);
    assert_int_equal(pol.ninspections, 0);
}

static void intern_shares_and_release_resets(void **state)
{
    (void)state;
    struct tn_policy pol;
    tn_policy_init(&pol);
    char buf[] = "Decree 73/2024/NĐ-CP [S]";
    const char *a = tn_policy_intern(&pol, buf);
    buf[0] = 'X'; /* the pool keeps its own copy */
    const char *b = tn_policy_intern(&pol, "Decree 73/2024/NĐ-CP [S]");
    const char *c = tn_policy_intern(&pol, "Decree 24/2023/NĐ-CP [S]");
    assert_ptr_equal(a, b);
    assert_string_equal(a, "Decree 73/2024/NĐ-CP [S]");
    assert_ptr_not_equal(a, c);
    assert_int_equal(pol.nstrings, 2);
    tn_policy_release(&pol);
    assert_null(pol.strings);
    assert_int_equal(pol.nstrings, 0);
    const struct tn_amount_entry *e;
    assert_int_equal(tn_policy_base_salary(&pol, 2026 * 12, &e), TN_ERR_NO_POLICY);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rate_follows_dates_and_limits),
        cmocka_unit_test(base_salary_and_min_wage),
        cmocka_unit_test(cap_multiplies_its_reference),
        cmocka_unit_test(deadline_by_rule_and_cycle),
        cmocka_unit_test(day_rules_interest_legal_allocation),
        cmocka_unit_test(k_of_a_year_or_missing),
        cmocka_unit_test(names_parse_back),
        cmocka_unit_test(side_table_lookups),
        cmocka_unit_test(intern_shares_and_release_resets),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
