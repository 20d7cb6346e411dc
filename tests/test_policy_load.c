/*
 * test_policy_load.c - the real policy/ files, read by the loader, prove each change date of
 * rules.md; malformed policy files are refused with FILE:LINE and the right code.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <unistd.h>

#include "thuno/policy_load.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static struct tn_policy pol; /* the real policy/, loaded once for the group */

static int setup(void **state)
{
    (void)state;
    char msg[512];
    const char *dir = getenv("THUNO_POLICY");
    assert_non_null(dir);
    tn_policy_init(&pol);
    if (tn_policy_load(dir, &pol, msg, sizeof msg) != TN_OK)
        fail_msg("%s", msg);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    tn_policy_release(&pol);
    return 0;
}

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

/* clang-format off */
static const struct {
    enum tn_component c;
    enum tn_unit_type type;
    const char *registered; /* registered_on */
    const char *period;
    tn_ppm want;
    const char *source; /* part of the chosen line's source */
} rate_cases[] = {
    {TN_C_TNLD_ER, TN_UT_PRIVATE, "2020-01-01", "2016-01", 10000, "Decree 37/2016"},  /* 1% from the start */
    {TN_C_TNLD_ER, TN_UT_PRIVATE, "2020-01-01", "2017-05", 10000, "Decree 37/2016"},  /* 1% until 2017-05 */
    {TN_C_TNLD_ER, TN_UT_PRIVATE, "2020-01-01", "2017-06", 5000, "Decree 44/2017"},   /* 0.5% from 2017-06 */
    {TN_C_TNLD_ER, TN_UT_PRIVATE, "2020-01-01", "2021-06", 5000, "Decree 58/2020"},   /* restated 2020-07 */
    {TN_C_TNLD_ER, TN_UT_PRIVATE, "2020-01-01", "2021-07", 0, "NQ 68/NQ-CP"},         /* NQ 68: 0% opens */
    {TN_C_TNLD_ER, TN_UT_PRIVATE, "2020-01-01", "2022-06", 0, "NQ 68/NQ-CP"},         /* last 0% month */
    {TN_C_TNLD_ER, TN_UT_STATE, "2020-01-01", "2021-07", 5000, "Decree 58/2020"},     /* budget unit keeps 0.5% */
    {TN_C_TNLD_ER, TN_UT_STATE, "2020-01-01", "2022-06", 5000, "Decree 58/2020"},
    {TN_C_TNLD_ER, TN_UT_PUBLIC, "2020-01-01", "2021-12", 5000, "Decree 58/2020"},    /* public = budget-paid too */
    {TN_C_TNLD_ER, TN_UT_PRIVATE, "2020-01-01", "2022-07", 5000, "Decree 58/2020"},   /* 0.5% again */
    {TN_C_BHTN_ER, TN_UT_PRIVATE, "2020-01-01", "2021-09", 10000, "38/2013"},         /* before NQ 116 */
    {TN_C_BHTN_ER, TN_UT_PRIVATE, "2020-01-01", "2021-10", 0, "NQ 116/NQ-CP"},        /* NQ 116: 0% opens */
    {TN_C_BHTN_ER, TN_UT_PRIVATE, "2020-01-01", "2022-09", 0, "NQ 116/NQ-CP"},        /* last 0% month */
    {TN_C_BHTN_ER, TN_UT_PRIVATE, "2021-11-01", "2021-11", 10000, "38/2013"},         /* joined after 2021-10-01 */
    {TN_C_BHTN_ER, TN_UT_PRIVATE, "2021-10-01", "2021-12", 10000, "38/2013"},         /* joined on it: not before */
    {TN_C_BHTN_ER, TN_UT_PUBLIC, "2020-01-01", "2021-10", 10000, "38/2013"},          /* budget unit: 1% */
    {TN_C_BHTN_ER, TN_UT_PRIVATE, "2020-01-01", "2022-10", 10000, "end of the NQ 116"}, /* 1% again */
    {TN_C_BHTN_ER, TN_UT_PRIVATE, "2020-01-01", "2026-01", 10000, "Decree 374/2025"}, /* Employment Law 74/2025 */
    {TN_C_BHTN_EE, TN_UT_PRIVATE, "2020-01-01", "2021-10", 10000, "38/2013"},         /* the worker's share never paused */
    {TN_C_PENSION_EE, TN_UT_PRIVATE, "2020-01-01", "2016-01", 80000, "Law 58/2014"},  /* Art 85 */
    {TN_C_PENSION_EE, TN_UT_PRIVATE, "2020-01-01", "2025-07", 80000, "Law 41/2024"},  /* restated [?] */
    {TN_C_PENSION_ER, TN_UT_PRIVATE, "2020-01-01", "2025-06", 140000, "Law 58/2014"}, /* Art 86 */
    {TN_C_PENSION_ER, TN_UT_PRIVATE, "2020-01-01", "2026-10", 140000, "Law 41/2024"},
    {TN_C_SICKNESS_ER, TN_UT_STATE, "2020-01-01", "2026-10", 30000, "Law 41/2024"},
    {TN_C_BHYT_EE, TN_UT_PRIVATE, "2020-01-01", "2026-10", 15000, "Health Insurance"}, /* 1.5% */
    {TN_C_BHYT_ER, TN_UT_PRIVATE, "2020-01-01", "2026-10", 30000, "Health Insurance"}, /* 3% */
};
/* clang-format on */

static void rates_change_on_their_dates(void **state)
{
    (void)state;
    for (size_t i = 0; i < N(rate_cases); i++) {
        struct tn_unit_facts u = {rate_cases[i].type, 1, 1, D(rate_cases[i].registered)};
        const struct tn_rate_entry *e = NULL;
        tn_err err = tn_policy_rate(&pol, rate_cases[i].c, &u, P(rate_cases[i].period), &e);
        if (err != TN_OK)
            fail_msg("rate case %zu: %s", i, tn_err_name(err));
        if (e->rate != rate_cases[i].want || !strstr(e->source, rate_cases[i].source))
            fail_msg("rate case %zu: got %d from \"%s\"", i, e->rate, e->source);
    }
}

/* clang-format off */
static const struct {
    int region; /* 0: base salary */
    const char *period;
    tn_money want;
} amount_cases[] = {
    {0, "2013-07", 1150000},  /* Decree 66/2013 */
    {0, "2016-04", 1150000},
    {0, "2016-05", 1210000},  /* Decree 47/2016 */
    {0, "2017-07", 1300000},  /* Decree 47/2017 */
    {0, "2018-07", 1390000},  /* Decree 72/2018 */
    {0, "2019-07", 1490000},  /* Decree 38/2019 */
    {0, "2023-06", 1490000},  /* no change 2020-2022 */
    {0, "2023-07", 1800000},  /* Decree 24/2023 */
    {0, "2024-06", 1800000},
    {0, "2024-07", 2340000},  /* Decree 73/2024 */
    {0, "2026-07", 2340000},  /* no decree found for 2,530,000 (rules.md §3) */
    {1, "2016-01", 3500000},  /* Decree 122/2015, region I */
    {4, "2016-01", 2400000},  /* Decree 122/2015, region IV */
    {2, "2017-01", 3320000},  /* Decree 153/2016 */
    {3, "2018-01", 3090000},  /* Decree 141/2017 */
    {4, "2019-01", 2920000},  /* Decree 157/2018 */
    {1, "2021-12", 4420000},  /* Decree 90/2019, no change in 2021 */
    {1, "2022-07", 4680000},  /* Decree 38/2022 */
    {4, "2022-07", 3250000},
    {1, "2025-12", 4960000},  /* Decree 74/2024 */
    {1, "2026-01", 5310000},  /* Decree 293/2025 */
    {2, "2026-01", 4730000},
    {3, "2026-01", 4140000},
    {4, "2026-01", 3700000},
};
/* clang-format on */

static void base_salary_and_minimum_wage(void **state)
{
    (void)state;
    for (size_t i = 0; i < N(amount_cases); i++) {
        const struct tn_amount_entry *a = NULL;
        tn_period p = P(amount_cases[i].period);
        tn_err err = amount_cases[i].region == 0
                         ? tn_policy_base_salary(&pol, p, &a)
                         : tn_policy_min_wage(&pol, amount_cases[i].region, p, &a);
        if (err != TN_OK || a->amount != amount_cases[i].want)
            fail_msg("amount case %zu: %s %lld", i, tn_err_name(err),
                     err ? 0LL : (long long)a->amount);
    }
}

/* clang-format off */
static const struct {
    enum tn_group g;
    int region;
    const char *period;
    tn_money want;
} cap_cases[] = {
    {TN_G_BHXH, 1, "2025-01", 46800000},  /* Law 58 Art 89.3: 20 x 2,340,000 */
    {TN_G_BHYT, 4, "2025-01", 46800000},  /* same cap for BHYT, any region */
    {TN_G_BHXH, 1, "2025-07", 46800000},  /* Law 41 Art 31: reference level = base salary */
    {TN_G_BHXH, 1, "2016-05", 24200000},  /* 20 x 1,210,000 */
    {TN_G_BHTN, 1, "2016-01", 70000000},  /* 20 x region I 3,500,000 */
    {TN_G_BHTN, 1, "2026-01", 106200000}, /* 20 x region I 5,310,000 */
    {TN_G_BHTN, 4, "2026-01", 74000000},  /* 20 x region IV 3,700,000 */
};
/* clang-format on */

static void caps(void **state)
{
    (void)state;
    for (size_t i = 0; i < N(cap_cases); i++) {
        tn_money cap = 0;
        tn_err err = tn_policy_cap(&pol, cap_cases[i].g, cap_cases[i].region,
                                   P(cap_cases[i].period), &cap, NULL);
        if (err != TN_OK || cap != cap_cases[i].want)
            fail_msg("cap case %zu: %s %lld", i, tn_err_name(err), (long long)cap);
    }
}

/* clang-format off */
static const struct {
    enum tn_group g;
    int cycle;
    const char *period;
    const char *want;
} deadline_cases[] = {
    {TN_G_BHXH, 1, "2016-01", "2016-01-31"}, /* Decision 595 Art 7: same month */
    {TN_G_BHXH, 1, "2025-06", "2025-06-30"}, /* last Law 58 month */
    {TN_G_BHXH, 1, "2025-07", "2025-08-31"}, /* Law 41 Art 34.4: next month */
    {TN_G_BHXH, 3, "2025-05", "2025-06-30"}, /* Law 58: end of Q2 */
    {TN_G_BHXH, 3, "2025-08", "2025-10-31"}, /* Law 41: month after Q3 */
    {TN_G_BHXH, 6, "2025-08", "2026-01-31"}, /* Law 41: month after H2 */
    {TN_G_BHTN, 3, "2023-02", "2023-03-31"}, /* BHTN on the cycle before 2023-04 */
    {TN_G_BHTN, 3, "2023-04", "2023-04-30"}, /* Decision 490/2023: BHTN monthly */
    {TN_G_BHTN, 3, "2025-08", "2025-09-30"}, /* BHTN monthly, Law 41 rule */
};
/* clang-format on */

static void deadlines(void **state)
{
    (void)state;
    for (size_t i = 0; i < N(deadline_cases); i++) {
        tn_day dl = 0;
        char got[TN_DAY_BUFSZ] = "";
        tn_err err = tn_policy_deadline(&pol, deadline_cases[i].g, deadline_cases[i].cycle,
                                        P(deadline_cases[i].period), &dl, NULL);
        if (err == TN_OK)
            tn_day_format(dl, got);
        if (err != TN_OK || strcmp(got, deadline_cases[i].want) != 0)
            fail_msg("deadline case %zu: %s %s", i, tn_err_name(err), got);
    }
}

static void interest_k_allocation_legal(void **state)
{
    (void)state;
    const struct tn_interest_rule *ir;
    assert_int_equal(tn_policy_interest_rule(&pol, D("2025-06-30"), &ir), TN_OK);
    assert_int_equal(ir->kind, TN_INT_MONTHLY_K); /* Law 58 Art 122.3 */
    assert_int_equal(tn_policy_interest_rule(&pol, D("2025-07-01"), &ir), TN_OK);
    assert_int_equal(ir->kind, TN_INT_DAILY); /* Law 41 Art 40: 0.03% a day */
    assert_int_equal(ir->daily_rate, 300);
    assert_int_equal(ir->count_payment_day, 0); /* rules.md §7 default [?] */

    static const struct {
        int year;
        enum tn_kgroup group;
        tn_err err;
        tn_ppm want;
    } k_cases[] = {
        {2016, TN_K_BHXH_BHTN, TN_OK, 10650},        /* rules.md §7: 1.065% */
        {2017, TN_K_BHXH_BHTN, TN_OK, 13170},        /* 1.317% */
        {2017, TN_K_BHYT, TN_OK, 9670},              /* 0.967% */
        {2016, TN_K_BHYT, TN_ERR_NO_POLICY, 0},      /* not found: missing, not guessed */
        {2018, TN_K_BHXH_BHTN, TN_ERR_NO_POLICY, 0}, /* 2018-2025 not found */
    };
    for (size_t i = 0; i < N(k_cases); i++) {
        const struct tn_k_entry *k = NULL;
        tn_err err = tn_policy_k(&pol, k_cases[i].year, k_cases[i].group, &k);
        if (err != k_cases[i].err || (!err && k->k != k_cases[i].want))
            fail_msg("k case %zu: %s", i, tn_err_name(err));
    }

    const struct tn_allocation_rule *al;
    assert_int_equal(tn_policy_allocation(&pol, D("2025-07-01"), &al), TN_OK);
    assert_int_equal(al->order[0], TN_G_BHYT); /* Decision 60/2015 Art 6 order, kept */
    assert_int_equal(al->order[1], TN_G_BHTN);
    assert_int_equal(al->order[2], TN_G_BHXH);
    assert_int_equal(al->interest_first, 0);
    assert_non_null(strstr(al->source, "Decree 233/2025")); /* the separate Law 41 line */
    const struct tn_legal_rule *lg;
    assert_int_equal(tn_policy_legal(&pol, D("2025-06-30"), &lg), TN_OK);
    assert_int_equal(lg->evasion_days, 0); /* Law 58: by inspection */
    assert_int_equal(tn_policy_legal(&pol, D("2025-07-01"), &lg), TN_OK);
    assert_int_equal(lg->evasion_days, 60); /* Law 41 Art 39 */
}

static void before_the_first_entry_is_no_policy(void **state)
{
    (void)state;
    struct tn_unit_facts u = {TN_UT_PRIVATE, 1, 1, 0};
    const struct tn_rate_entry *r;
    const struct tn_amount_entry *a;
    const struct tn_interest_rule *ir;
    tn_money cap;
    tn_day dl;
    for (int c = 0; c < TN_C_COUNT; c++) /* every list starts 2016-01 */
        assert_int_equal(tn_policy_rate(&pol, c, &u, P("2015-12"), &r), TN_ERR_NO_POLICY);
    assert_int_equal(tn_policy_base_salary(&pol, P("2013-06"), &a), TN_ERR_NO_POLICY);
    assert_int_equal(tn_policy_min_wage(&pol, 1, P("2015-12"), &a), TN_ERR_NO_POLICY);
    assert_int_equal(tn_policy_cap(&pol, TN_G_BHXH, 1, P("2015-12"), &cap, NULL), TN_ERR_NO_POLICY);
    assert_int_equal(tn_policy_deadline(&pol, TN_G_BHXH, 1, P("2015-12"), &dl, NULL),
                     TN_ERR_NO_POLICY);
    assert_int_equal(tn_policy_interest_rule(&pol, D("2015-12-31"), &ir), TN_ERR_NO_POLICY);
}

/* The laws documents cite, by the document's date (policy/citations.csv). */
static void citations_by_date(void **state)
{
    (void)state;
    static const struct {
        const char *key, *day, *want; /* want: a piece of the text; NULL: no policy */
    } cases[] = {
        {"employment_law", "2025-12-31", "Luật Việc làm số 38/2013/QH13"},
        {"employment_law", "2026-01-01", "Luật Việc làm số 74/2025/QH15"}, /* in force 2026 */
        {"employment_law", "2016-01-01", "38/2013/QH13"},
        {"health_insurance_law", "2025-06-30", "bởi Luật số 46/2014/QH13"},
        {"health_insurance_law", "2025-07-01", "46/2014/QH13 và Luật số 51/2024/QH15"},
        {"social_insurance_law", "2025-06-30", "58/2014/QH13"},
        {"social_insurance_law", "2025-07-01", "41/2024/QH15"},
        {"employment_law", "2015-12-31", NULL}, /* before the first line: never a guess */
        {"labour_code", "2026-01-01", NULL},    /* an unknown law */
    };
    for (size_t i = 0; i < N(cases); i++) {
        const struct tn_citation *c = NULL;
        tn_err err = tn_policy_citation(&pol, cases[i].key, D(cases[i].day), &c);
        if (!cases[i].want) {
            assert_int_equal(err, TN_ERR_NO_POLICY);
            continue;
        }
        assert_int_equal(err, TN_OK);
        if (!strstr(c->text, cases[i].want))
            fail_msg("%s on %s: \"%s\"", cases[i].key, cases[i].day, c->text);
    }
    /* the Health Insurance Law's 2016 text does not yet name Law 51/2024 */
    const struct tn_citation *c;
    assert_int_equal(tn_policy_citation(&pol, "health_insurance_law", D("2025-06-30"), &c), TN_OK);
    assert_null(strstr(c->text, "51/2024"));
}

/* The side tables come with the one load: card groups, public list, tip rewards, inspections. */
static void side_tables_load_with_the_rest(void **state)
{
    (void)state;
    assert_int_equal(pol.ncard_groups, TN_UT_COUNT); /* one line per unit type */
    for (int t = 0; t < TN_UT_COUNT; t++) {
        const struct tn_card_group *g = NULL;
        assert_int_equal(tn_policy_card_group(&pol, tn_unit_type_name(t), D("2025-11-30"), &g),
                         TN_OK);
        assert_string_equal(g->unit_type, tn_unit_type_name(t));
        assert_int_equal(g->level, 4);
    }
    const struct tn_card_group *g = NULL;
    assert_int_equal(tn_policy_card_group(&pol, "private", D("2025-11-30"), &g), TN_OK);
    assert_string_equal(g->group, "DN");
    assert_int_equal(tn_policy_card_group(&pol, "state", D("2025-11-30"), &g), TN_OK);
    assert_string_equal(g->group, "HC");
    assert_int_equal(tn_policy_card_group(&pol, "company", D("2025-11-30"), &g), TN_ERR_PARSE);

    const struct tn_name_rule *nr = NULL;
    assert_int_equal(tn_policy_name_rule(&pol, D("2025-06-30"), &nr), TN_OK);
    assert_int_equal(nr->from, D("2016-01-01"));
    assert_int_equal(nr->name_tenths, 30);
    assert_int_equal(tn_policy_name_rule(&pol, D("2025-07-01"), &nr), TN_OK);
    assert_int_equal(nr->from, D("2025-07-01"));
    assert_non_null(strstr(nr->source, "Law 41/2024/QH15 Art 40"));

    tn_money reward = -1;
    const struct tn_tip_reward_rule *tr = NULL;
    assert_int_equal(tn_policy_tip_reward(&pol, D("2025-12-20"), 50000000, &reward, &tr), TN_OK);
    assert_int_equal(reward, 2500000); /* 5% */
    assert_int_equal(tn_policy_tip_reward(&pol, D("2025-12-20"), 900000000, &reward, &tr), TN_OK);
    assert_int_equal(reward, 10000000); /* the cap */
    assert_int_equal(tn_policy_tip_reward(&pol, D("2025-12-20"), 999999, &reward, &tr), TN_OK);
    assert_int_equal(reward, 0); /* under min_recovered */

    const struct tn_inspection_rule *ir = NULL;
    assert_int_equal(tn_policy_inspection_rule(&pol, D("2025-11-30"), &ir), TN_OK);
    assert_int_equal(ir->referral_months_tenths, 30);
    assert_int_equal(ir->chair_months_tenths, 10);
    assert_non_null(strstr(ir->source, "seed 001"));
}

/* A day before a side table's first line has no rule: an error, never a default. */
static void side_tables_before_their_first_line(void **state)
{
    (void)state;
    const struct tn_card_group *g;
    const struct tn_name_rule *nr;
    const struct tn_tip_reward_rule *tr;
    const struct tn_inspection_rule *ir;
    tn_money reward = 7;
    assert_int_equal(tn_policy_card_group(&pol, "private", D("2015-11-30"), &g), TN_ERR_NO_POLICY);
    assert_int_equal(tn_policy_name_rule(&pol, D("2015-12-31"), &nr), TN_ERR_NO_POLICY);
    assert_int_equal(tn_policy_tip_reward(&pol, D("2015-06-30"), 5000000, &reward, &tr),
                     TN_ERR_NO_POLICY);
    assert_int_equal(reward, 7); /* nothing written */
    assert_int_equal(tn_policy_inspection_rule(&pol, D("2015-12-31"), &ir), TN_ERR_NO_POLICY);
}

/* rules.md: every legal figure keeps its source and how sure it is ([V], [S] or [?]). */
static void every_legal_line_cites_a_marked_source(void **state)
{
    (void)state;
    const char *sources[256];
    size_t n = 0;
#define ADD(list, count)                                                                           \
    for (size_t i_ = 0; i_ < (count) && n < N(sources); i_++)                                      \
    sources[n++] = (list)[i_].source
    for (int c = 0; c < TN_C_COUNT; c++) {
        assert_true(pol.nrates[c] > 0);
        ADD(pol.rates[c], pol.nrates[c]);
    }
    ADD(pol.base_salary, pol.nbase_salary);
    for (int r = 0; r < 4; r++)
        ADD(pol.min_wage[r], pol.nmin_wage[r]);
    for (int g = 0; g < TN_G_COUNT; g++)
        ADD(pol.caps[g], pol.ncaps[g]);
    ADD(pol.deadlines, pol.ndeadlines);
    ADD(pol.interest, pol.ninterest);
    ADD(pol.k, pol.nk);
    ADD(pol.allocation, pol.nallocation);
    ADD(pol.legal, pol.nlegal);
    ADD(pol.citations, pol.ncitations);
#undef ADD
    assert_true(n > 60 && n < N(sources));
    for (size_t i = 0; i < n; i++)
        if (!strstr(sources[i], "[V]") && !strstr(sources[i], "[S]") && !strstr(sources[i], "[?]"))
            fail_msg("source without a mark: \"%s\"", sources[i]);
}

/* ---- malformed policy directories ---- */

static void copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
    assert_non_null(in);
    assert_non_null(out);
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        assert_int_equal(fwrite(buf, 1, n, out), n);
    fclose(in);
    assert_int_equal(fclose(out), 0);
}

/* Copies (to != NULL) or deletes every *.csv file of dir. */
static void each_csv(const char *dir, const char *to)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    for (struct dirent *de; (de = readdir(d)) != NULL;) {
        size_t len = strlen(de->d_name);
        if (len < 5 || strcmp(de->d_name + len - 4, ".csv") != 0)
            continue;
        char from[1024], path[1024];
        snprintf(from, sizeof from, "%s/%s", dir, de->d_name);
        if (to) {
            snprintf(path, sizeof path, "%s/%s", to, de->d_name);
            copy_file(from, path);
        } else {
            assert_int_equal(unlink(from), 0);
        }
    }
    closedir(d);
}

/* Copies the real policy into a fresh temp dir, replaces one file with text (or deletes it
 * when text is NULL), loads the dir and removes it. The policy must come back released. */
static tn_err load_with(const char *file, const char *text, char *msg, size_t msgsz,
                        uint64_t *digest)
{
    const char *tmp = getenv("TMPDIR");
    char dir[512], path[1024];
    snprintf(dir, sizeof dir, "%s/thuno-policy-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    assert_non_null(mkdtemp(dir));
    each_csv(getenv("THUNO_POLICY"), dir);
    snprintf(path, sizeof path, "%s/%s", dir, file);
    if (text) {
        FILE *f = fopen(path, "wb");
        assert_non_null(f);
        fputs(text, f);
        assert_int_equal(fclose(f), 0);
    } else {
        assert_int_equal(unlink(path), 0);
    }
    struct tn_policy p;
    tn_policy_init(&p);
    tn_err err = tn_policy_load(dir, &p, msg, msgsz);
    if (err != TN_OK) { /* policy_load.h: on failure pol is released */
        assert_int_equal(p.nrates[TN_C_PENSION_EE], 0);
        assert_null(p.strings);
    }
    if (digest)
        *digest = p.digest;
    tn_policy_release(&p);
    each_csv(dir, NULL);
    assert_int_equal(rmdir(dir), 0);
    return err;
}

#define RATES_HEAD "component,from,rate,except_types,registered_before,source\n"
#define CAL_HEAD   "duty,from,name_vi,name_en,recurrence,due,event,department,source\n"
#define HOL_HEAD   "year,date,kind,name_vi,name_en,source\n"

/* clang-format off */
static const struct {
    const char *file;
    const char *text; /* NULL: the file is missing */
    tn_err err;
    const char *msg; /* part of the message; the path ends with it */
} bad_cases[] = {
    /* a malformed value names its file, line and what was found */
    {"base_salary.csv", "from,amount,source\n2024-07,2.340.000,Decree 73/2024 [S]\n", TN_ERR_PARSE,
     "/base_salary.csv:2: expected a positive whole number of đồng (got \"2.340.000\")"},
    {"rates.csv", RATES_HEAD "pension_employee,2016-01,8 percent,,,Law 58 [S]\n", TN_ERR_PARSE,
     "/rates.csv:2: expected a percentage like 8% or 0.03% (got \"8 percent\")"},
    {"rates.csv", RATES_HEAD "pension_employee,2016-01,101%,,,Law 58 [S]\n", TN_ERR_PARSE,
     "/rates.csv:2: expected a percentage"},
    {"rates.csv", RATES_HEAD "pension,2016-01,8%,,,Law 58 [S]\n", TN_ERR_PARSE,
     "/rates.csv:2: expected a component such as pension_employee (got \"pension\")"},
    {"rates.csv", RATES_HEAD "tnld_employer,2021-07,0%,state;;public,,NQ 68 [S]\n", TN_ERR_PARSE,
     "/rates.csv:2: expected unit types separated by ';'"},
    {"rates.csv", RATES_HEAD "tnld_employer,2021-07,0%,state;,,NQ 68 [S]\n", TN_ERR_PARSE,
     "/rates.csv:2: expected unit types"},
    {"rates.csv", RATES_HEAD "bhtn_employer,2021-10,0%,,2021-10-32,NQ 116 [S]\n", TN_ERR_PARSE,
     "/rates.csv:2: expected a date YYYY-MM-DD (got \"2021-10-32\")"},
    {"rates.csv", RATES_HEAD "pension_employee,2016-1,8%,,,Law 58 [S]\n", TN_ERR_PARSE,
     "/rates.csv:2: expected a period YYYY-MM (got \"2016-1\")"},
    /* a quoted source over two lines: the next record's line is still counted right */
    {"rates.csv", RATES_HEAD "pension_employee,2016-01,8%,,,\"Law 58,\nArt 85 [S]\"\n"
                  "pension_employer,2016-01,14,,,Law 58 [S]\n"
                  "pension_employer,2016-01,14%,,,Law 58 [S]\n", TN_ERR_CONFLICT,
     "/rates.csv:5: expected one rate per component, start and limits (got a second "
     "pension_employer from 2016-01)"},
    {"interest_k.csv", "year,group,k,source\n2016,BHXH_BHTN,1.065%,a [S]\n2016,BHXH_BHTN,1.1%,b [S]\n",
     TN_ERR_CONFLICT, "/interest_k.csv:3: expected one k per year and group (got a second 2016 BHXH_BHTN)"},
    {"min_wage.csv", "from,region,amount,source\n2016-01,1,3500000,x [S]\n2016-01,1,3500000,x [S]\n",
     TN_ERR_CONFLICT, "/min_wage.csv:3: expected one minimum wage per region per start"},
    {"min_wage.csv", "from,region,amount,source\n2016-01,5,3500000,x [S]\n", TN_ERR_PARSE,
     "/min_wage.csv:2: expected a region 1..4 (got \"5\")"},
    /* header: every column named, none unknown */
    {"legal.csv", "from,evasion_days,source,colour\n", TN_ERR_PARSE, "/legal.csv:1:colour: unknown column"},
    {"rates.csv", "component,from,rate,except_types,source\n", TN_ERR_PARSE,
     "/rates.csv:1:registered_before: missing required column"},
    /* every line cites its source */
    {"caps.csv", "group,from,multiplier,of,source\nBHXH,2016-01,20,base_salary,\n", TN_ERR_PARSE,
     "/caps.csv:2: every policy line needs its legal source"},
    {"caps.csv", "group,from,multiplier,of,source\nBHXH,2016-01,20,base_pay,Law 58 [S]\n", TN_ERR_PARSE,
     "/caps.csv:2: expected base_salary or min_wage (got \"base_pay\")"},
    {"allocation.csv", "from,order,interest_first,source\n2016-01-01,BHYT;BHXH,0,x [?]\n", TN_ERR_PARSE,
     "/allocation.csv:2: expected the three groups once each"},
    {"allocation.csv", "from,order,interest_first,source\n2016-01-01,BHYT;BHTN;BHXH;BHYT,0,x [?]\n",
     TN_ERR_PARSE, "/allocation.csv:2: expected the three groups once each"},
    {"allocation.csv", "from,order,interest_first,source\n2016-01-01,BHYT;BHTN;BHYT,0,x [?]\n",
     TN_ERR_PARSE, "/allocation.csv:2: expected the three groups once each"},
    {"interest.csv", "from,kind,daily_rate,count_payment_day,source\n2016-01-01,monthly_k,0.03%,,x [S]\n",
     TN_ERR_PARSE, "/interest.csv:2: monthly_k takes its rate from interest_k.csv"},
    {"interest.csv", "from,kind,daily_rate,count_payment_day,source\n2025-07-01,daily,0.03%,yes,x [S]\n",
     TN_ERR_PARSE, "/interest.csv:2: expected 0 or 1 (got \"yes\")"},
    {"deadlines.csv", "from,rule,bhtn_monthly,source\n2016-01,end_of_month,0,x [S]\n", TN_ERR_PARSE,
     "/deadlines.csv:2: expected end_of_cycle or end_of_next_month (got \"end_of_month\")"},
    {"deadlines.csv", NULL, TN_ERR_IO, "/deadlines.csv: cannot open"},
    /* the side tables: missing, malformed, conflicting, each with its file and line */
    {"card_groups.csv", NULL, TN_ERR_IO, "/card_groups.csv: cannot open"},
    {"public_list.csv", NULL, TN_ERR_IO, "/public_list.csv: cannot open"},
    {"tip_reward.csv", NULL, TN_ERR_IO, "/tip_reward.csv: cannot open"},
    {"inspections.csv", NULL, TN_ERR_IO, "/inspections.csv: cannot open"},
    {"card_groups.csv", "from,unit_type,group,level,source\n2015-12-01,private,DN,6,x\n",
     TN_ERR_PARSE, "/card_groups.csv:2: expected from YYYY-MM-DD, unit_type, group AA, level 1..5"},
    {"card_groups.csv", "from,unit_type,group,level,source\n2015-12-01,company,DN,4,x\n",
     TN_ERR_PARSE, "/card_groups.csv:2: expected a unit type such as private (got \"company\")"},
    {"card_groups.csv", "from,unit_type,group,level,source\n2015-12-01,fdi,DN,4,x\n"
                        "2015-12-01,fdi,DN,3,y\n", TN_ERR_CONFLICT,
     "/card_groups.csv:3: a second line for fdi from the same day"},
    {"public_list.csv", "from,name_months,source\n2016-01-01,three,x\n", TN_ERR_PARSE,
     "/public_list.csv:2: name_months: expected months like 3.0 (got \"three\")"},
    {"public_list.csv", "from,name_months,source\n2016-01-01,3.0,\n", TN_ERR_PARSE,
     "/public_list.csv:2: source: the legal source is required"},
    {"public_list.csv", "from,name_months,source\n2016-01-01,3.0,x\n2016-01-01,2.0,y\n",
     TN_ERR_CONFLICT, "/public_list.csv:3: a second line starting 2016-01-01"},
    {"tip_reward.csv", "from,rate,cap,min_recovered,source\n2015-07-01,5%,0,1000000,x\n",
     TN_ERR_PARSE, "/tip_reward.csv:2: cap: expected a positive whole number of đồng (got \"0\")"},
    {"tip_reward.csv", "from,rate,cap,min_recovered,source\n", TN_ERR_PARSE,
     "/tip_reward.csv:0: no rule: the file has no line"},
    {"inspections.csv", "from,referral_months,referral_worker_gap,referral_findings,chair_months,"
                        "refuse_months,refuse_reminders,source\n2016-01-01,3.05,5,1,1.0,3.0,1,x\n",
     TN_ERR_PARSE, "/inspections.csv:2: referral_months: expected months with one decimal"},
    /* the statutory calendar and its days off (docs/calendar.md) */
    {"calendar.csv", NULL, TN_ERR_IO, "/calendar.csv: cannot open"},
    {"calendar.csv", CAL_HEAD, TN_ERR_PARSE, "/calendar.csv:0: no rule: the file has no line"},
    {"calendar.csv", CAL_HEAD "reminder,2025-11-30,a,b,weekly,10,,QLT,x\n", TN_ERR_PARSE,
     "/calendar.csv:2: recurrence: expected monthly, quarterly, yearly, event, once or ended"},
    {"calendar.csv", CAL_HEAD "reminder,2025-11-30,a,b,monthly,32,,QLT,x\n", TN_ERR_PARSE,
     "/calendar.csv:2: due: expected a day of the month 1..31 or last (got \"32\")"},
    {"calendar.csv", CAL_HEAD "lists,2025-11-30,a,b,quarterly,4:14,,TTKT,x\n", TN_ERR_PARSE,
     "/calendar.csv:2: due: expected M:D, the month of the quarter 1..3 and its day"},
    {"calendar.csv", CAL_HEAD "coop,2020-12-25,a,b,yearly,12/09,,QLT,x\n", TN_ERR_PARSE,
     "/calendar.csv:2: due: expected MM-DD (got \"12/09\")"},
    {"calendar.csv", CAL_HEAD "finding,2025-11-30,a,b,event,5 weekdays,inspection_concluded,QLT,x\n",
     TN_ERR_PARSE, "/calendar.csv:2: due: expected N working or N calendar (got \"5 weekdays\")"},
    {"calendar.csv", CAL_HEAD "finding,2025-11-30,a,b,event,5 working,,QLT,x\n", TN_ERR_PARSE,
     "/calendar.csv:2: event: an event duty names its event, and only an event duty"},
    {"calendar.csv", CAL_HEAD "Reminder,2025-11-30,a,b,monthly,10,,QLT,x\n", TN_ERR_PARSE,
     "/calendar.csv:2: duty: expected an id of a-z, 0-9 and _ (got \"Reminder\")"},
    {"calendar.csv", CAL_HEAD "reminder,2025-11-30,a,b,monthly,10,,,x\n", TN_ERR_PARSE,
     "/calendar.csv:2: name_vi, name_en, department: expected each duty's names and department"},
    {"calendar.csv", CAL_HEAD "reminder,2025-11-30,a,b,monthly,10,,QLT,\n", TN_ERR_PARSE,
     "/calendar.csv:2: source: every policy line needs its legal source"},
    {"calendar.csv", CAL_HEAD "reminder,2025-11-30,a,b,monthly,10,,QLT,x\n"
                     "reminder,2025-11-30,a,b,monthly,9,,QLT,y\n", TN_ERR_CONFLICT,
     "/calendar.csv:3: a second line for reminder from 2025-11-30"},
    {"holidays.csv", NULL, TN_ERR_IO, "/holidays.csv: cannot open"},
    {"holidays.csv", HOL_HEAD "2025,2026-01-01,off,a,b,x\n", TN_ERR_PARSE,
     "/holidays.csv:2: date: expected a day of 2025 (got \"2026-01-01\")"},
    {"holidays.csv", HOL_HEAD "2025,2025-04-28,work,a,b,x\n", TN_ERR_PARSE,
     "/holidays.csv:2: date: a day worked in exchange is a Saturday or a Sunday"},
    {"holidays.csv", HOL_HEAD "2025,2025-04-30,holiday,a,b,x\n", TN_ERR_PARSE,
     "/holidays.csv:2: kind: expected through, off or work (got \"holiday\")"},
    {"holidays.csv", HOL_HEAD "2025,2025-12-31,through,a,b,x\n2025,2025-12-30,through,a,b,x\n",
     TN_ERR_CONFLICT, "/holidays.csv:3: a second through line for 2025-12-30"},
    {"holidays.csv", HOL_HEAD "2025,2025-04-30,off,a,b,x\n2025,2025-04-30,off,c,d,y\n",
     TN_ERR_CONFLICT, "/holidays.csv:3: a second day line for 2025-04-30"},
    /* accepted: same component and start with different limits; RFC 4180 quoting */
    {"rates.csv", RATES_HEAD "tnld_employer,2021-07,0%,state;public,,NQ 68 [S]\n"
                  "tnld_employer,2021-07,0.3%,,,\"Decree 58/2020, high risk [?]\"\n", TN_OK, ""},
};
/* clang-format on */

static void malformed_policy_is_refused(void **state)
{
    (void)state;
    for (size_t i = 0; i < N(bad_cases); i++) {
        char msg[512] = "";
        tn_err err = load_with(bad_cases[i].file, bad_cases[i].text, msg, sizeof msg, NULL);
        if (err != bad_cases[i].err || !strstr(msg, bad_cases[i].msg))
            fail_msg("bad case %zu: %s \"%s\"", i, tn_err_name(err), msg);
    }
}

/* The digest (recorded with each close) is stable and changes with any byte of any file. */
static void digest_follows_the_bytes(void **state)
{
    (void)state;
    char msg[512];
    uint64_t same = 0, changed = 0;
    assert_int_equal(load_with("legal.csv",
                               "from,evasion_days,source\n2025-07-01,60,Law 41 Art 39 [S]\n", msg,
                               sizeof msg, &same),
                     TN_OK);
    assert_int_not_equal(same, 0);
    uint64_t again = 0;
    assert_int_equal(load_with("legal.csv",
                               "from,evasion_days,source\n2025-07-01,60,Law 41 Art 39 [S]\n", msg,
                               sizeof msg, &again),
                     TN_OK);
    assert_int_equal(again, same);
    assert_int_equal(load_with("legal.csv",
                               "from,evasion_days,source\n2025-07-01,60,Law 41 Art 38 [S]\n", msg,
                               sizeof msg, &changed),
                     TN_OK);
    assert_int_not_equal(changed, same);
    assert_int_not_equal(pol.digest, same); /* the real legal.csv differs from both */
    /* the side tables are not the close's rules: they leave the digest as it is */
    assert_int_equal(load_with("public_list.csv",
                               "from,name_months,source\n2016-01-01,2.0,test line\n", msg,
                               sizeof msg, &changed),
                     TN_OK);
    assert_int_equal(changed, pol.digest);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rates_change_on_their_dates),
        cmocka_unit_test(base_salary_and_minimum_wage),
        cmocka_unit_test(caps),
        cmocka_unit_test(deadlines),
        cmocka_unit_test(interest_k_allocation_legal),
        cmocka_unit_test(before_the_first_entry_is_no_policy),
        cmocka_unit_test(citations_by_date),
        cmocka_unit_test(side_tables_load_with_the_rest),
        cmocka_unit_test(side_tables_before_their_first_line),
        cmocka_unit_test(every_legal_line_cites_a_marked_source),
        cmocka_unit_test(malformed_policy_is_refused),
        cmocka_unit_test(digest_follows_the_bytes),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
