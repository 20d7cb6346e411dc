/*
 * test_app_whatif.c - the what-if (app_whatif.c, app.h; docs/whatif.md) on tests/data/whatif:
 * unit W (private, region I, office D1): W1 declares 60,000,000 (above the cap), W2
 * 10,000,000 and leaves from 2025-12; unit V (state, region II, the province office's): W3
 * 50,000,000 paying BHXH and BHYT only. Every expected figure is derived by hand below from
 * policy/ (base salary 2,340,000: cap 46,800,000; region I minimum 4,960,000: BHTN cap
 * 99,200,000; rates 8% + 14%, 3%, 0.5%, 1.5% + 3%, 1% + 1%).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_fixture.h"
#include "thuno/app.h"
#include "thuno/policy_load.h"

#define NOW     "2025-12-05T09:00:00"
#define P(y, m) ((y)*12 + (m)-1)

static int setup(void **state)
{
    struct tn_app_fixture *f = tn_app_fixture_new(NOW);
    tn_app_fixture_import(f, TN_IMPORT_UNITS, "whatif", NOW);
    tn_app_fixture_import(f, TN_IMPORT_WORKERS, "whatif", NOW);
    tn_app_fixture_import(f, TN_IMPORT_DECLARATIONS, "whatif", NOW);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    tn_app_fixture_free(*state);
    return 0;
}

/* The rows a run wrote, one line each: "period|office|type|unit|fund|share|cur|prop|diff". */
struct rows {
    char text[65536];
    size_t len;
    long n, nonzero;  /* rows, and rows whose difference is not 0 */
    int only_nonzero; /* keep only the rows whose difference is not 0 */
};

static tn_err collect(void *ctx, const struct tn_cell *c)
{
    struct rows *r = ctx;
    size_t ncols;
    const struct tn_col *cols = tn_app_whatif_cols(&ncols, NULL);
    assert_int_equal(ncols, 9);
    assert_string_equal(cols[8].id, "difference");
    r->n++;
    r->nonzero += c[8].num != 0;
    if (r->only_nonzero && c[8].num == 0)
        return TN_OK;
    for (size_t i = 0; i < ncols; i++) {
        char num[32] = "";
        const char *text = c[i].type == TN_CELL_TEXT ? c[i].text : num;
        if (c[i].type == TN_CELL_INT)
            snprintf(num, sizeof num, "%lld", (long long)c[i].num);
        int n = snprintf(r->text + r->len, sizeof r->text - r->len, "%s%s", text,
                         i + 1 < ncols ? "|" : "\n");
        assert_true(n > 0 && (size_t)n < sizeof r->text - r->len);
        r->len += (size_t)n;
    }
    return TN_OK;
}

static tn_err run(struct tn_app_fixture *f, const struct tn_scope *scope,
                  const struct tn_policy *proposed, int flags, struct rows *r)
{
    struct tn_sink sink = {collect, NULL, r};
    return tn_app_whatif(&f->app, scope, proposed, P(2025, 7), P(2025, 12), flags, &sink);
}

/* The fixture's policy again, to change by hand. */
static void load(struct tn_policy *pol)
{
    char msg[512];
    tn_policy_init(pol);
    assert_int_equal(tn_policy_load(getenv("THUNO_POLICY"), pol, msg, sizeof msg), TN_OK);
}

/* The same policy: every difference is 0, and each policy's figures are there. */
static void same_policy_changes_nothing(void **state)
{
    struct tn_app_fixture *f = *state;
    struct rows r = {.only_nonzero = 0};
    assert_int_equal(run(f, &f->scope, &f->policy, 0, &r), TN_OK);
    assert_int_equal(r.nonzero, 0);
    /* V: 5 components x 6 months; W: 8 x 6; totals: 8 x 6 + 8 + 1 */
    assert_int_equal(r.n, 30 + 48 + 48 + 8 + 1);
    /* W's pension (worker) in July: 8% of 46,800,000 (capped) + 8% of 10,000,000 */
    assert_non_null(strstr(r.text, "2025-07|D1|private||pension|worker|4544000|4544000|0\n"));
    /* December: W2 has left */
    assert_non_null(strstr(r.text, "2025-12|D1|private||pension|worker|3744000|3744000|0\n"));
    /* all: W1 32% of 46,800,000 less BHTN's 2% plus 2% of 60,000,000 = 15,240,000 a month,
     * W2 32% of 10,000,000 = 3,200,000 (July to November), V 29.5% of 46,800,000 =
     * 13,806,000: 18,440,000 x 5 + 15,240,000 + 13,806,000 x 6 = 190,276,000 */
    assert_non_null(strstr(r.text, "|total|||total|total|190276000|190276000|0\n"));
}

/* Base salary 2,600,000 from 2025-10: the cap becomes 52,000,000, so from October W1 is
 * assessed on 5,200,000 more (60,000,000 is still above it): pension 8% = 416,000 and 14% =
 * 728,000, sickness 3% = 156,000, TNLĐ 0.5% = 26,000, BHYT 1.5% = 78,000 and 3% = 156,000;
 * W3 on 3,200,000 more (now uncapped at 50,000,000): 256,000, 448,000, 96,000, no TNLĐ (not
 * paid), 48,000 and 96,000. BHTN's cap is the minimum wage's: unchanged. */
static void base_salary_raise_moves_the_capped(void **state)
{
    struct tn_app_fixture *f = *state;
    struct tn_policy alt;
    load(&alt);
    alt.base_salary = realloc(alt.base_salary, (alt.nbase_salary + 1) * sizeof *alt.base_salary);
    alt.base_salary[alt.nbase_salary++] =
        (struct tn_amount_entry){P(2025, 10), 2600000, "test: a proposed base salary"};
    tn_policy_sort(&alt);
    struct rows r = {.only_nonzero = 1};
    assert_int_equal(run(f, &f->scope, &alt, 0, &r), TN_OK);
    const char *want[] = {
        /* V (province office ""), W3 alone */
        "2025-10||state||sickness|employer|1404000|1500000|96000",
        "2025-10||state||pension|employer|6552000|7000000|448000",
        "2025-10||state||pension|worker|3744000|4000000|256000",
        "2025-10||state||bhyt|employer|1404000|1500000|96000",
        "2025-10||state||bhyt|worker|702000|750000|48000",
        /* W: W1's capped base plus W2's 10,000,000 (W2 gone in December) */
        "2025-10|D1|private||sickness|employer|1704000|1860000|156000",
        "2025-10|D1|private||tnld|employer|284000|310000|26000",
        "2025-10|D1|private||pension|employer|7952000|8680000|728000",
        "2025-10|D1|private||pension|worker|4544000|4960000|416000",
        "2025-12|D1|private||tnld|employer|234000|260000|26000",
        /* totals per fund and share over the window: 3 months of W1 and W3 */
        "|total|||sickness|employer|",
        "|total|||pension|worker|",
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        if (!strstr(r.text, want[i]))
            fail_msg("missing %s in\n%s", want[i], r.text);
    /* nothing before October, nothing in BHTN */
    assert_null(strstr(r.text, "2025-07|"));
    assert_null(strstr(r.text, "2025-09|"));
    assert_null(strstr(r.text, "|bhtn|"));
    /* V 5 + W 6 components x 3 months, totals 6 x 3 months + 6 funds and shares + all */
    assert_int_equal(r.nonzero, 33 + 18 + 6 + 1);
    assert_non_null(strstr(r.text, "|total|||sickness|employer|18348000|19104000|756000\n"));
    assert_non_null(strstr(r.text, "|total|||tnld|employer|1654000|1732000|78000\n"));
    assert_non_null(strstr(r.text, "|total|||pension|worker|48928000|50944000|2016000\n"));
    /* (1,560,000 for W1 + 944,000 for W3) x 3 = 7,512,000 */
    assert_non_null(strstr(r.text, "|total|||total|total|190276000|197788000|7512000\n"));
    tn_policy_release(&alt);
}

/* TNLĐ 0.3% from 2025-11: only TNLĐ moves, only from November, only at W (V does not pay it):
 * November W1 46,800,000 x 0.3% = 140,400 (was 234,000), W2 30,000 (was 50,000); December W1
 * alone. */
static void rate_change_moves_one_fund(void **state)
{
    struct tn_app_fixture *f = *state;
    struct tn_policy alt;
    load(&alt);
    size_t n = alt.nrates[TN_C_TNLD_ER];
    alt.rates[TN_C_TNLD_ER] =
        realloc(alt.rates[TN_C_TNLD_ER], (n + 1) * sizeof(struct tn_rate_entry));
    alt.rates[TN_C_TNLD_ER][n] = (struct tn_rate_entry){P(2025, 11), 3000, 0, 0, "test: 0.3%"};
    alt.nrates[TN_C_TNLD_ER] = n + 1;
    tn_policy_sort(&alt);
    struct rows r = {.only_nonzero = 1};
    assert_int_equal(run(f, &f->scope, &alt, 0, &r), TN_OK);
    assert_string_equal(r.text, "2025-11|D1|private||tnld|employer|284000|170400|-113600\n"
                                "2025-12|D1|private||tnld|employer|234000|140400|-93600\n"
                                "2025-11|total|||tnld|employer|284000|170400|-113600\n"
                                "2025-12|total|||tnld|employer|234000|140400|-93600\n"
                                "|total|||tnld|employer|1654000|1446800|-207200\n"
                                "|total|||total|total|190276000|190068800|-207200\n");
    /* per unit, cut to office D1: W's rows alone, with its code */
    const char *d1;
    assert_int_equal(tn_app_scope_office(&f->app, "D1", &d1), TN_OK);
    struct tn_scope scope = {d1, NULL, TN_ROLE_ADMIN};
    struct rows u = {.only_nonzero = 0};
    assert_int_equal(run(f, &scope, &alt, TN_WHATIF_BY_UNIT, &u), TN_OK);
    assert_non_null(strstr(u.text, "2025-12|D1|private|W|tnld|employer|234000|140400|-93600\n"));
    assert_non_null(strstr(u.text, "2025-07|D1|private|W|bhtn|worker|700000|700000|0\n"));
    assert_null(strstr(u.text, "|state|"));
    /* W alone: 18,440,000 x 5 + 15,240,000; TNLĐ 207,200 less */
    assert_non_null(strstr(u.text, "|total|||total|total|107440000|107232800|-207200\n"));
    tn_policy_release(&alt);
}

/* A proposed policy that does not cover the window is refused, naming the policy, the unit
 * and the month; so is a window that ends before it starts. */
static void uncovered_policy_is_refused(void **state)
{
    struct tn_app_fixture *f = *state;
    struct tn_policy alt;
    load(&alt);
    alt.nrates[TN_C_BHTN_EE] = 0; /* V pays no BHTN: W is the first to need it */
    struct rows r = {0};
    assert_int_equal(run(f, &f->scope, &alt, 0, &r), TN_ERR_NO_POLICY);
    const char *why = tn_app_why(&f->app, TN_ERR_NO_POLICY);
    if (!strstr(why, "unit W, period 2025-07, proposed policy"))
        fail_msg("why: %s", why);
    tn_policy_release(&alt);
    struct tn_sink sink = {collect, NULL, &r};
    assert_int_equal(
        tn_app_whatif(&f->app, &f->scope, &f->policy, P(2025, 12), P(2025, 7), 0, &sink),
        TN_ERR_USAGE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(same_policy_changes_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(base_salary_raise_moves_the_capped, setup, teardown),
        cmocka_unit_test_setup_teardown(rate_change_moves_one_fund, setup, teardown),
        cmocka_unit_test_setup_teardown(uncovered_policy_is_refused, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
