/*
 * test_app_ops.c - the application layer's operations (app.h, src/app/app_ops.c) and the
 * reports moved with them, called directly on stores built here from the fixtures of
 * tests/data: suspense matching and assignment by hand (tests/data/payments_ops, figures of
 * docs/payments-ops.md "The test"), the handover sign-off and the lists (tests/data/lists,
 * figures of docs/lists.md), with their refusals.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "app_fixture.h"
#include "thuno/app.h"
#include "thuno/mem.h"
#include "thuno/lists.h"

/* ---- rows captured as text ---- */

#define MAX_ROWS 32
#define MAX_COLS 24

struct capture {
    const struct tn_col *cols;
    size_t ncols, n;
    char cell[MAX_ROWS][MAX_COLS][256];
};

static tn_err capture_row(void *ctx, const struct tn_cell *c)
{
    struct capture *x = ctx;
    assert_true(x->n < MAX_ROWS);
    for (size_t i = 0; i < x->ncols; i++) {
        char *out = x->cell[x->n][i];
        switch (c[i].type) {
        case TN_CELL_NULL:
            out[0] = '\0';
            break;
        case TN_CELL_TEXT:
            snprintf(out, 256, "%s", c[i].text ? c[i].text : "");
            break;
        case TN_CELL_INT:
            snprintf(out, 256, "%lld", (long long)c[i].num);
            break;
        case TN_CELL_TENTHS:
            snprintf(out, 256, "%lld.%lld", (long long)c[i].num / 10, (long long)c[i].num % 10);
            break;
        }
    }
    x->n++;
    return TN_OK;
}

static void capture_init(struct capture *x, const struct tn_col *cols, size_t ncols)
{
    assert_true(ncols <= MAX_COLS);
    x->cols = cols;
    x->ncols = ncols;
    x->n = 0;
}

/* The cell of column id in row r. */
static const char *cell(const struct capture *x, size_t r, const char *id)
{
    assert_true(r < x->n);
    for (size_t i = 0; i < x->ncols; i++)
        if (strcmp(x->cols[i].id, id) == 0)
            return x->cell[r][i];
    fail_msg("no column %s", id);
    return NULL;
}

/* The row whose first cell is key, or fails. */
static size_t row_of(const struct capture *x, const char *key)
{
    for (size_t r = 0; r < x->n; r++)
        if (strcmp(x->cell[r][0], key) == 0)
            return r;
    fail_msg("no row %s", key);
    return 0;
}

/* ---- stores built from tests/data ---- */

struct fixture {
    struct tn_app_fixture fx; /* store, policy, app */
    struct capture *rows;
};

/* The app's clock at now, its last failure forgotten. */
static void at(struct fixture *f, const char *now)
{
    tn_app_init(&f->fx.app, f->fx.store, &f->fx.policy, now, TN_LANG_VI);
}

/* A fresh store, the app's clock at now. */
static struct fixture *fixture_new(const char *now)
{
    struct fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    tn_app_fixture_open(&f->fx, now);
    f->rows = calloc(1, sizeof *f->rows);
    assert_non_null(f->rows);
    return f;
}

/* The province of tests/data/province with the payments in suspense of tests/data/payments_ops,
 * as known on 2025-11-29 (every payment is paid by then). */
static int setup_suspense(void **state)
{
    struct fixture *f = fixture_new("2025-12-01T09:00:00");
    *state = f;
    const char *now = "2025-11-29T10:00:00";
    static const enum tn_import_kind kinds[] = {TN_IMPORT_OFFICERS, TN_IMPORT_UNITS,
                                                TN_IMPORT_WORKERS, TN_IMPORT_DECLARATIONS,
                                                TN_IMPORT_PAYMENTS};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        tn_app_fixture_import(&f->fx, kinds[i], "province", now);
    tn_app_fixture_import(&f->fx, TN_IMPORT_UNITS, "payments_ops", now);
    tn_app_fixture_import(&f->fx, TN_IMPORT_PAYMENTS, "payments_ops", now);
    return 0;
}

/* The province with the extra units of tests/data/lists, everything known on 2025-10-28 but
 * the payments of later days, closed July to October 2025 (cli_lists.sh's second store). */
static int setup_lists(void **state)
{
    struct fixture *f = fixture_new("2025-11-22T08:00:00");
    *state = f;
    const char *now = "2025-10-28T00:00:00";
    tn_app_fixture_province(&f->fx, now);
    static const enum tn_import_kind extra[] = {TN_IMPORT_UNITS, TN_IMPORT_WORKERS,
                                                TN_IMPORT_DECLARATIONS, TN_IMPORT_PAYMENTS};
    for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
        tn_app_fixture_import(&f->fx, extra[i], "lists", now);
    tn_app_fixture_import(&f->fx, TN_IMPORT_PAYMENTS, "province", "2025-11-20T00:00:00");
    tn_app_fixture_close_period(&f->fx, 2025 * 12 + 6, "2025-11-21T18:00:00");
    tn_app_fixture_close_period(&f->fx, 2025 * 12 + 7, "2025-11-21T18:00:01");
    tn_app_fixture_close_period(&f->fx, 2025 * 12 + 8, "2025-11-21T18:00:02");
    tn_app_fixture_close_period(&f->fx, 2025 * 12 + 9, "2025-11-21T18:00:03");
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    tn_app_fixture_release(&f->fx);
    free(f->rows);
    free(f);
    return 0;
}

static const struct tn_scope everyone = {NULL, NULL, TN_ROLE_ADMIN};

/* Runs report name for period into f->rows. */
static tn_err run_report(struct fixture *f, const char *name, int year, int month, int by_year)
{
    const struct tn_report *r = tn_app_report(name);
    assert_non_null(r);
    capture_init(f->rows, r->cols, r->ncols);
    struct tn_sink sink = {capture_row, NULL, f->rows};
    struct tn_report_params p;
    tn_report_params_init(&p);
    if (by_year)
        p.year = year;
    else
        p.period = year * 12 + month - 1;
    return tn_app_report_run(&f->fx.app, &everyone, r, &p, &sink);
}

/* ---- suspense ---- */

static tn_err match(struct fixture *f, int apply, const char *actor, const char *as_of,
                    struct tn_suspense_match_stats *stats)
{
    size_t n;
    const struct tn_col *cols = tn_app_suspense_match_cols(&n);
    capture_init(f->rows, cols, n);
    struct tn_sink sink = {capture_row, NULL, f->rows};
    return tn_app_suspense_match(&f->fx.app, &everyone, 2025 * 12 + 10, as_of, apply, actor, &sink,
                                 stats);
}

static void suspense_match_proposes_then_records(void **state)
{
    struct fixture *f = *state;
    struct tn_suspense_match_stats st = {-1, -1};
    size_t ncols;
    const struct tn_col *cols = tn_app_suspense_match_cols(&ncols);
    assert_string_equal(cols[ncols - 1].id, "applied");
    assert_string_equal(cols[0].vi, "Mã giao dịch");

    /* a look without --apply records nothing */
    assert_int_equal(match(f, 0, NULL, NULL, &st), TN_OK);
    assert_int_equal(f->rows->n, 5);
    assert_int_equal(st.applied, 0);
    assert_int_equal(st.left, 5);
    size_t s1 = row_of(f->rows, "S1"), s2 = row_of(f->rows, "S2"), s3 = row_of(f->rows, "S3"),
           s4 = row_of(f->rows, "S4"), x1 = row_of(f->rows, "X1");
    assert_string_equal(cell(f->rows, s1, "proposed_unit"), "TB0101D");
    assert_string_equal(cell(f->rows, s1, "method"), "unit_code");
    assert_string_equal(cell(f->rows, s1, "confidence"), "95");
    assert_string_equal(cell(f->rows, s1, "memo_period"), "2025-11");
    assert_string_equal(cell(f->rows, s1, "applied"), "no");
    assert_string_equal(cell(f->rows, s2, "proposed_unit"), "TB0102E");
    assert_string_equal(cell(f->rows, s2, "method"), "tax_code");
    assert_string_equal(cell(f->rows, s2, "confidence"), "90");
    assert_string_equal(cell(f->rows, s3, "method"), "ambiguous");
    assert_string_equal(cell(f->rows, s3, "proposed_unit"), ""); /* null: no unit */
    assert_string_equal(cell(f->rows, s3, "candidates"),
                        "TB0102E Công ty Cổ phần Minh Long; TB0103F Công ty TNHH Minh Long");
    assert_string_equal(cell(f->rows, s4, "proposed_unit"), "A");
    assert_string_equal(cell(f->rows, s4, "amount"), "10560000");
    assert_string_equal(cell(f->rows, s4, "memo_period"), "2025-10");
    assert_string_equal(cell(f->rows, x1, "method"), "none");
    assert_string_equal(cell(f->rows, x1, "amount"), "1500000");

    /* recording needs who decides, and acts now: an as-of view is read-only */
    assert_int_equal(match(f, 1, NULL, NULL, &st), TN_ERR_USAGE);
    assert_non_null(strstr(tn_app_why(&f->fx.app, TN_ERR_USAGE), "actor"));
    assert_int_equal(match(f, 1, "O1", "2025-11-30T00:00:00", &st), TN_ERR_USAGE);
    assert_non_null(strstr(tn_app_why(&f->fx.app, TN_ERR_USAGE), "read-only"));

    /* the unique matches (unit code, tax code, name) are recorded; S3 and X1 stay */
    assert_int_equal(match(f, 1, "O1", NULL, &st), TN_OK);
    assert_int_equal(st.applied, 3);
    assert_int_equal(st.left, 2);
    assert_string_equal(cell(f->rows, row_of(f->rows, "S1"), "applied"), "yes");
    assert_string_equal(cell(f->rows, row_of(f->rows, "S3"), "applied"), "no");

    /* the suspense review, run through the registry, shows what is left */
    at(f, "2025-12-01T10:00:00");
    assert_int_equal(run_report(f, "suspense_review", 2025, 11, 0), TN_OK);
    assert_int_equal(f->rows->n, 2);
    assert_string_equal(cell(f->rows, row_of(f->rows, "S3"), "amount"), "3000000");
    assert_string_equal(cell(f->rows, row_of(f->rows, "X1"), "paid_on"), "2025-11-20");
    /* as known before the matches were recorded, all five were still in suspense */
    struct tn_report_params p;
    tn_report_params_init(&p);
    p.period = 2025 * 12 + 10;
    p.as_of = "2025-11-30T00:00:00";
    const struct tn_report *r = tn_app_report("suspense_review");
    capture_init(f->rows, r->cols, r->ncols);
    struct tn_sink sink = {capture_row, NULL, f->rows};
    assert_int_equal(tn_app_report_run(&f->fx.app, &everyone, r, &p, &sink), TN_OK);
    assert_int_equal(f->rows->n, 5);
}

static void suspense_assign_by_hand(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(tn_app_suspense_assign(&f->fx.app, &everyone, "S3", "TB0103F", "O2"), TN_OK);
    /* a payment out of suspense is not assigned again */
    tn_err err = tn_app_suspense_assign(&f->fx.app, &everyone, "S3", "TB0102E", "O2");
    assert_int_equal(err, TN_ERR_STATE);
    assert_string_equal(tn_app_why(&f->fx.app, err), "payment S3 is not in suspense");
    err = tn_app_suspense_assign(&f->fx.app, &everyone, "NOPE", "TB0102E", "O2");
    assert_int_equal(err, TN_ERR_NOT_FOUND);
    assert_non_null(strstr(tn_app_why(&f->fx.app, err), "NOPE"));
    err = tn_app_suspense_assign(&f->fx.app, &everyone, "X1", "NOPE", "O2");
    assert_int_equal(err, TN_ERR_NOT_FOUND);
    assert_int_equal(tn_app_suspense_assign(&f->fx.app, &everyone, "X1", "A", ""), TN_ERR_USAGE);
    /* an office no unit has is refused */
    struct tn_scope q9 = {"Q9", NULL, TN_ROLE_ADMIN};
    err = tn_app_suspense_assign(&f->fx.app, &q9, "X1", "A", "O2");
    assert_int_equal(err, TN_ERR_NOT_FOUND);
    assert_non_null(strstr(tn_app_why(&f->fx.app, err), "Q9"));

    at(f, "2025-12-01T10:00:00");
    assert_int_equal(run_report(f, "suspense_review", 2025, 11, 0), TN_OK);
    assert_int_equal(f->rows->n, 4); /* S1, S2, S4 still unmatched (no --apply here), X1 */
    (void)row_of(f->rows, "X1");
    for (size_t r = 0; r < f->rows->n; r++)
        assert_string_not_equal(f->rows->cell[r][0], "S3");
}

/* ---- handover sign-off and the lists ---- */

static void handover_sign_and_signoff(void **state)
{
    struct fixture *f = *state;
    at(f, "2025-11-22T08:00:00");
    /* docs/lists.md: October's list, five units passing to KTTN at 3.0 months */
    assert_int_equal(run_report(f, "handover_signoff", 2025, 10, 0), TN_OK);
    assert_int_equal(f->rows->n, 5);
    size_t b = row_of(f->rows, "B"), s1 = row_of(f->rows, "S1");
    assert_string_equal(cell(f->rows, b, "direction"), "QLT->KTTN");
    assert_string_equal(cell(f->rows, b, "months_owed_before"), "0.0");
    assert_string_equal(cell(f->rows, b, "months_owed"), "3.0");
    /* debt: July to September past their deadline; October's 1,200,000 not yet due */
    assert_string_equal(cell(f->rows, b, "debt"), "3600000");
    /* S1 less its October 3,200,000 (10,000,000 x 32%), K1 less its 2,240,000 (7,000,000) */
    assert_string_equal(cell(f->rows, s1, "debt"), "9688320");
    assert_string_equal(cell(f->rows, row_of(f->rows, "K1"), "debt"), "6781824");
    assert_string_equal(cell(f->rows, b, "qlt"), "unsigned");

    struct tn_handover_signoff h;
    tn_handover_signoff_init(&h);
    at(f, "2025-11-22T09:00:00");
    assert_int_equal(tn_app_handover_sign(&f->fx.app, &everyone, 2025 * 12 + 9, "QLT",
                                          "Nguyễn Văn An", "2025-10-29", &h),
                     TN_OK);
    assert_int_equal(h.n, 5);
    assert_string_equal(h.signed_on, "2025-10-29");
    assert_string_equal(h.known_at, "2025-11-22T09:00:00");
    assert_int_equal(strlen(h.digest), 64);
    assert_string_equal(h.prior_digest, "");
    tn_handover_signoff_release(&h);

    at(f, "2025-11-22T10:00:00");
    assert_int_equal(run_report(f, "handover_signoff", 2025, 10, 0), TN_OK);
    assert_int_equal(f->rows->n, 5);
    b = row_of(f->rows, "B");
    assert_string_equal(cell(f->rows, b, "qlt"), "signed");
    assert_string_equal(cell(f->rows, b, "qlt_by"), "Nguyễn Văn An");
    assert_string_equal(cell(f->rows, b, "qlt_on"), "2025-10-29");
    assert_string_equal(cell(f->rows, b, "kttn"), "unsigned");
    assert_string_equal(cell(f->rows, b, "list_changed"), "no");

    /* KTTN signs on the day of now when no date is given */
    tn_handover_signoff_init(&h);
    assert_int_equal(tn_app_handover_sign(&f->fx.app, &everyone, 2025 * 12 + 9, "KTTN",
                                          "Trần Thị Bình", NULL, &h),
                     TN_OK);
    assert_string_equal(h.signed_on, "2025-11-22");
    /* both signed the same list: the handover takes effect, but the shipped handover.csv has no
     * line, so each of the five units is counted without a rule and nobody is assigned */
    assert_int_equal(h.both_signed, 1);
    assert_int_equal(h.assigned, 0);
    assert_int_equal(h.no_rule, 5);
    tn_handover_signoff_release(&h);

    /* with the office's rule (policy/handover.csv: "*" -> O2) QLT signs again: B, BR2, CO1 and
     * S1 pass from O1 to O2 from 2025-11-22; K1 is O2's already (docs/lists.md) */
    f->fx.policy.handover = tn_xcalloc(1, sizeof *f->fx.policy.handover);
    f->fx.policy.handover[0] = (struct tn_handover_rule){0, "*", "O2", "test rule"};
    tn_day_make(2025, 1, 1, &f->fx.policy.handover[0].from);
    f->fx.policy.nhandover = 1;
    at(f, "2025-11-22T11:00:00");
    tn_handover_signoff_init(&h);
    assert_int_equal(tn_app_handover_sign(&f->fx.app, &everyone, 2025 * 12 + 9, "QLT",
                                          "Nguyễn Văn An", NULL, &h),
                     TN_OK);
    assert_int_equal(h.both_signed, 1);
    assert_int_equal(h.assigned, 4);
    assert_int_equal(h.unchanged, 1);
    assert_int_equal(h.no_rule, 0);
    tn_handover_signoff_release(&h);
    /* signing once more changes nothing: every unit is with O2 now */
    at(f, "2025-11-22T12:00:00");
    tn_handover_signoff_init(&h);
    assert_int_equal(tn_app_handover_sign(&f->fx.app, &everyone, 2025 * 12 + 9, "KTTN",
                                          "Trần Thị Bình", NULL, &h),
                     TN_OK);
    assert_int_equal(h.assigned, 0);
    assert_int_equal(h.unchanged, 5);
    tn_handover_signoff_release(&h);
}

static void handover_sign_refusals(void **state)
{
    struct fixture *f = *state;
    struct tn_handover_signoff h;
    tn_handover_signoff_init(&h);
    tn_period oct = 2025 * 12 + 9;
    assert_int_equal(tn_app_handover_sign(&f->fx.app, &everyone, oct, "TTKT", "X", NULL, &h),
                     TN_ERR_USAGE);
    assert_non_null(strstr(tn_app_why(&f->fx.app, TN_ERR_USAGE), "QLT or KTTN"));
    assert_int_equal(tn_app_handover_sign(&f->fx.app, &everyone, oct, "QLT", "", NULL, &h),
                     TN_ERR_USAGE);
    assert_int_equal(tn_app_handover_sign(&f->fx.app, &everyone, oct, "QLT", "X", "2025-1-1", &h),
                     TN_ERR_USAGE);
    /* no card-lock rule in policy before its first line */
    tn_err err = tn_app_handover_sign(&f->fx.app, &everyone, 1990 * 12, "QLT", "X", NULL, &h);
    assert_int_equal(err, TN_ERR_NO_POLICY);
    assert_non_null(strstr(tn_app_why(&f->fx.app, err), "card_lock.csv"));
    struct tn_scope q9 = {"Q9", NULL, TN_ROLE_ADMIN};
    assert_int_equal(tn_app_handover_sign(&f->fx.app, &q9, oct, "QLT", "X", NULL, &h),
                     TN_ERR_NOT_FOUND);
    assert_int_equal(h.n, 0); /* nothing signed */
    tn_handover_signoff_release(&h);
}

static void lists_through_the_registry(void **state)
{
    struct fixture *f = *state;
    at(f, "2025-11-22T08:00:00");
    /* a year with no period closed is refused with the reason */
    tn_err err = run_report(f, "cooperatives", 2024, 0, 1);
    assert_int_equal(err, TN_ERR_USAGE);
    assert_non_null(strstr(tn_app_why(&f->fx.app, err), "no period of 2024 is closed"));
    /* the year's last closed period is October */
    assert_int_equal(run_report(f, "cooperatives", 2025, 0, 1), TN_OK);
    assert_true(f->rows->n > 0);
    for (size_t r = 0; r < f->rows->n; r++)
        assert_string_equal(cell(f->rows, r, "period"), "2025-10");
    /* the per-worker lines of an inactive unit add up to its principal due */
    assert_int_equal(run_report(f, "special_units", 2025, 10, 0), TN_OK);
    assert_true(f->rows->n > 0);
    long long principal = -1, workers = 0;
    for (size_t r = 0; r < f->rows->n; r++) {
        if (strcmp(f->rows->cell[r][0], "S1") != 0)
            continue;
        if (cell(f->rows, r, "principal_due")[0])
            principal = atoll(cell(f->rows, r, "principal_due"));
        else
            workers += atoll(cell(f->rows, r, "worker_debt"));
    }
    assert_true(principal > 0);
    assert_int_equal(workers, principal);

    /* a rule the policy does not have for the period is an error naming its file */
    err = run_report(f, "public_name", 1990, 1, 0);
    assert_int_equal(err, TN_ERR_NO_POLICY);
    assert_non_null(strstr(tn_app_why(&f->fx.app, err), "public_list.csv"));
    err = run_report(f, "card_lock_workers", 1990, 1, 0);
    assert_int_equal(err, TN_ERR_NO_POLICY);
    assert_non_null(strstr(tn_app_why(&f->fx.app, err), "card_lock.csv"));
}

static void worklist_ranks_each_officers_units(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(run_report(f, "worklist", 2025, 10, 0), TN_OK);
    assert_true(f->rows->n > 0);
    /* ranks run 1, 2, ... within each officer; more money at risk (debt) comes first, and
     * of the same debt an evading unit first */
    for (size_t r = 0; r < f->rows->n; r++) {
        int same = r && strcmp(cell(f->rows, r, "officer_code"),
                               cell(f->rows, r - 1, "officer_code")) == 0;
        long want = same ? atol(cell(f->rows, r - 1, "rank")) + 1 : 1;
        assert_int_equal(atol(cell(f->rows, r, "rank")), want);
        if (!same)
            continue;
        long long debt = atoll(cell(f->rows, r, "debt"));
        long long before = atoll(cell(f->rows, r - 1, "debt"));
        assert_true(before >= debt);
        if (before == debt && strcmp(cell(f->rows, r, "legal_status"), "evading") == 0)
            assert_string_equal(cell(f->rows, r - 1, "legal_status"), "evading");
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(suspense_match_proposes_then_records, setup_suspense,
                                        teardown),
        cmocka_unit_test_setup_teardown(suspense_assign_by_hand, setup_suspense, teardown),
        cmocka_unit_test_setup_teardown(handover_sign_and_signoff, setup_lists, teardown),
        cmocka_unit_test_setup_teardown(handover_sign_refusals, setup_lists, teardown),
        cmocka_unit_test_setup_teardown(lists_through_the_registry, setup_lists, teardown),
        cmocka_unit_test_setup_teardown(worklist_ranks_each_officers_units, setup_lists, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
