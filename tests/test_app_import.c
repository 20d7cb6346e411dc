/*
 * test_app_import.c - the application layer's commands over the hand-checked province of
 * tests/data/province (docs/golden.md), called directly on an in-memory store: imports (every
 * rejected row kept, nothing written), the monthly close with its progress, explain cut by
 * office (tests/data/offices, docs/offices.md) and officer assignments (docs/operations.md),
 * each with its refusals.
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
#include "thuno/close.h"
#include "thuno/office.h"
#include "thuno/operations_store.h"
#include "thuno/report.h"
#include "thuno/store.h"

static const struct tn_scope province = {NULL, NULL, TN_ROLE_ADMIN};

static int setup(void **state)
{
    *state = tn_app_fixture_new("2025-07-01T00:00:00");
    return 0;
}

static int teardown(void **state)
{
    tn_app_fixture_free(*state);
    return 0;
}

/* Imports tests/data/<file> as kind at now, into f->rep (emptied first). */
static tn_err import_at(struct tn_app_fixture *f, const char *now, enum tn_import_kind kind,
                        const char *file, int flags)
{
    snprintf(f->app.now, sizeof f->app.now, "%s", now);
    snprintf(f->path, sizeof f->path, "%s/%s", getenv("THUNO_TESTDATA"), file);
    tn_import_report_release(&f->rep);
    return tn_app_import(&f->app, &province, kind, f->path, flags, NULL, NULL, &f->rep);
}

/* The province as known on 2025-07-01: officers, units, workers, declarations, registry. */
static void import_province(struct tn_app_fixture *f)
{
    static const struct {
        enum tn_import_kind kind;
        const char *file;
        long rows;
    } files[] = {
        {TN_IMPORT_OFFICERS, "province/officers.csv", 2},         /* O1, O2 */
        {TN_IMPORT_UNITS, "province/units.csv", 3},               /* A, B, C */
        {TN_IMPORT_WORKERS, "province/workers.csv", 5},           /* W1..W5 */
        {TN_IMPORT_DECLARATIONS, "province/declarations.csv", 6}, /* 5 increases, 1 raise */
        {TN_IMPORT_REGISTRY, "province/registry.csv", 5},
    };
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        tn_err err = import_at(f, "2025-07-01T00:00:00", files[i].kind, files[i].file, 0);
        if (err)
            fail_msg("%s: %s", files[i].file, tn_app_why(&f->app, err));
        assert_int_equal(f->rep.rows_new, files[i].rows);
        assert_int_equal(f->rep.rows_changed + f->rep.rows_same, 0);
        assert_int_equal(f->rep.nerrors, 0);
    }
}

struct progress {
    long long calls, done, total;
};

static void count_progress(void *ctx, long long done, long long total)
{
    struct progress *p = ctx;
    assert_true(done <= total);
    p->calls++;
    p->done = done;
    p->total = total;
}

static tn_err close_at(struct tn_app_fixture *f, const char *now, const char *period,
                       struct tn_close_stats *st, struct progress *pr)
{
    tn_period p;
    assert_int_equal(tn_period_parse(period, &p), TN_OK);
    snprintf(f->app.now, sizeof f->app.now, "%s", now);
    return tn_app_close(&f->app, &province, p, pr ? count_progress : NULL, pr, st);
}

static void bad_rows_are_all_returned_and_nothing_written(void **state)
{
    struct tn_app_fixture *f = *state;
    /* many_errors.csv: a record over lines 2-3 (quoted newline), then lines 4 and 5 */
    assert_int_equal(
        import_at(f, "2025-07-01T00:00:00", TN_IMPORT_WORKERS, "import/bad/many_errors.csv", 0),
        TN_ERR_REJECTED);
    static const struct {
        long line;
        const char *column, *part;
    } want[] = {
        {2, "gender", "unknown value (got \"X\", expected one of M, F)"},
        {4, "bhxh_code", "bad number (got \"790000001\", expected exactly 10 digits)"},
        {4, "id_number", "(got \"123\", expected exactly 12 digits)"},
        {5, "full_name", "required cell is empty"},
        {5, "birth_date", "bad date (got \"1991-13-01\""},
    };
    assert_int_equal(f->rep.nerrors, sizeof want / sizeof want[0]);
    for (size_t i = 0; i < f->rep.nerrors; i++) {
        const struct tn_import_error *e = &f->rep.errors[i];
        assert_ptr_equal(e->file, f->path);
        assert_int_equal(e->line, want[i].line);
        assert_string_equal(e->column, want[i].column);
        assert_non_null(strstr(e->message, want[i].part));
    }
    assert_string_equal(tn_app_why(&f->app, TN_ERR_REJECTED) + strlen(f->path),
                        " rejected, nothing imported: 5 errors");
    assert_int_equal(f->rep.rows_new, 0);

    /* bad_enum.csv: Q1 is good, Q2's type is not; all or nothing, so Q1 is not there */
    assert_int_equal(
        import_at(f, "2025-07-01T00:00:00", TN_IMPORT_UNITS, "import/bad/bad_enum.csv", 0),
        TN_ERR_REJECTED);
    assert_int_equal(f->rep.nerrors, 1);
    assert_int_equal(f->rep.errors[0].line, 3);
    assert_string_equal(f->rep.errors[0].column, "type");
    char office[TN_OFFICE_BUFSZ];
    assert_int_equal(tn_store_unit_office(f->store, "Q1", NULL, office), TN_ERR_NOT_FOUND);

    /* a file that cannot be read */
    assert_int_equal(import_at(f, "2025-07-01T00:00:00", TN_IMPORT_UNITS, "no/such.csv", 0),
                     TN_ERR_IO);
    assert_non_null(strstr(tn_app_why(&f->app, TN_ERR_IO), "no/such.csv: "));
}

static void good_import_counts_rows(void **state)
{
    struct tn_app_fixture *f = *state;
    import_province(f);
    /* the same file again: every row equal to the stored one */
    assert_int_equal(import_at(f, "2025-07-02T00:00:00", TN_IMPORT_UNITS, "province/units.csv", 0),
                     TN_OK);
    assert_int_equal(f->rep.rows_new, 0);
    assert_int_equal(f->rep.rows_same, 3);
    /* offices/: O3 is new, O1 and O2 change office; A, B, C move to offices: a changed row is
     * rejected, and taken as a new version with update */
    assert_int_equal(import_at(f, "2025-07-02T00:00:00", TN_IMPORT_OFFICERS, "offices/officers.csv",
                               TN_APP_IMPORT_UPDATE),
                     TN_OK);
    assert_int_equal(f->rep.rows_new, 1);
    assert_int_equal(f->rep.rows_changed, 2);
    assert_int_equal(import_at(f, "2025-07-02T00:00:00", TN_IMPORT_UNITS, "offices/units.csv", 0),
                     TN_ERR_REJECTED);
    assert_int_equal(f->rep.nerrors, 3);
    for (size_t i = 0; i < f->rep.nerrors; i++) {
        assert_int_equal(f->rep.errors[i].line, (long)i + 2);
        assert_string_equal(f->rep.errors[i].column, "office_code");
        assert_non_null(strstr(f->rep.errors[i].message, "use --update"));
    }
    assert_int_equal(import_at(f, "2025-07-02T00:00:00", TN_IMPORT_UNITS, "offices/units.csv",
                               TN_APP_IMPORT_UPDATE),
                     TN_OK);
    assert_int_equal(f->rep.rows_changed, 3);
    /* payments.csv's P1 is paid 2025-07-20; on 2025-12-01 every row of it has happened */
    assert_int_equal(
        import_at(f, "2025-12-01T00:00:00", TN_IMPORT_PAYMENTS, "province/payments.csv", 0), TN_OK);
    /* eight payments; X1 names no unit: suspense */
    assert_int_equal(f->rep.rows_new, 8);
    assert_int_equal(f->rep.rows_suspense, 1);
    /* imports are the province office's */
    struct tn_scope district = {"79001", NULL, TN_ROLE_ADMIN};
    assert_int_equal(
        tn_app_import(&f->app, &district, TN_IMPORT_UNITS, f->path, 0, NULL, NULL, &f->rep),
        TN_ERR_STATE);
    assert_non_null(strstr(tn_app_why(&f->app, TN_ERR_STATE), "79001"));
}

static void close_reports_progress_and_stats(void **state)
{
    struct tn_app_fixture *f = *state;
    import_province(f);
    struct tn_close_stats st;
    struct progress pr = {0};
    assert_int_equal(close_at(f, "2025-07-28T18:00:00", "2025-07", &st, &pr), TN_OK);
    /* docs/golden.md: three units, five workers; W5 (C, 4,000,000) is under region II's
     * minimum 4,410,000: one below-floor finding; nothing back-dated yet */
    assert_true(pr.calls >= 1);
    assert_int_equal(pr.done, 3);
    assert_int_equal(pr.total, 3);
    assert_int_equal(st.units, 3);
    assert_int_equal(st.units_changed, 3);
    assert_int_equal(st.workers, 5);
    assert_int_equal(st.adjustments, 0);
    assert_int_equal(st.findings, 1);

    /* the same close again changes nothing */
    pr = (struct progress){0};
    assert_int_equal(close_at(f, "2025-07-29T18:00:00", "2025-07", &st, &pr), TN_OK);
    assert_int_equal(pr.done, pr.total);
    assert_int_equal(st.units, 3);
    assert_int_equal(st.units_changed, 0);

    /* a gap is refused, saying which may be closed */
    assert_int_equal(close_at(f, "2025-09-28T18:00:00", "2025-09", &st, NULL), TN_ERR_RANGE);
    assert_string_equal(tn_app_why(&f->app, TN_ERR_RANGE),
                        "the last closed period is 2025-07: close 2025-08 first");
    assert_int_equal(close_at(f, "2025-08-28T18:00:00", "2025-08", &st, NULL), TN_OK);
    assert_int_equal(close_at(f, "2025-09-28T18:00:00", "2025-09", &st, NULL), TN_OK);
    /* regression: the refusal named the ledger's first month (2025-07) as the one asked for */
    assert_int_equal(close_at(f, "2025-10-01T00:00:00", "2025-08", &st, NULL), TN_ERR_CONFLICT);
    assert_string_equal(tn_app_why(&f->app, TN_ERR_CONFLICT),
                        "2025-08 is already closed and the last closed period is 2025-09; "
                        "changes to it are recognised as adjustments when 2025-09 (or 2025-10) "
                        "is closed");
    /* a month that has not begun is refused before anything is read, and the one after the
     * last closed is still refused while it has not begun */
    assert_int_equal(close_at(f, "2025-09-30T23:59:59", "2025-10", &st, NULL), TN_ERR_RANGE);
    assert_string_equal(tn_app_why(&f->app, TN_ERR_RANGE),
                        "kỳ 2025-10 chưa bắt đầu (hôm nay 2025-09-30) / 2025-10 has not begun "
                        "(today is 2025-09-30): close 2025-09 or an earlier period");
    assert_int_equal(close_at(f, "2025-10-01T00:00:00", "2025-10", &st, NULL), TN_OK);
    /* the close is the province office's */
    struct tn_scope district = {"79001", NULL, TN_ROLE_ADMIN};
    assert_int_equal(tn_app_close(&f->app, &district, 2025 * 12 + 9, NULL, NULL, &st),
                     TN_ERR_STATE);
}

static void explain_is_cut_to_the_scope_office(void **state)
{
    struct tn_app_fixture *f = *state;
    import_province(f);
    struct tn_close_stats st;
    assert_int_equal(close_at(f, "2025-07-28T18:00:00", "2025-07", &st, NULL), TN_OK);
    /* from 2025-12-01: A in D1 (79001), B in D2 (79002), C in the province office */
    assert_int_equal(import_at(f, "2025-12-01T00:00:00", TN_IMPORT_OFFICERS, "offices/officers.csv",
                               TN_APP_IMPORT_UPDATE),
                     TN_OK);
    assert_int_equal(import_at(f, "2025-12-01T00:00:00", TN_IMPORT_UNITS, "offices/units.csv",
                               TN_APP_IMPORT_UPDATE),
                     TN_OK);
    struct tn_scope d1 = {NULL, NULL, TN_ROLE_QLT};
    assert_int_equal(tn_app_scope_office(&f->app, "79001", &d1.office), TN_OK);
    assert_string_equal(d1.office, "79001");
    tn_period july = 2025 * 12 + 6;

    struct tn_explain e;
    tn_explain_init(&e);
    /* A: 32% of 10,000,000 + 5,000,000 = 4,800,000 assessed in July (docs/golden.md) */
    assert_int_equal(tn_app_explain(&f->app, &d1, "A", july, NULL, &e), TN_OK);
    assert_string_equal(e.balance.unit_code, "A");
    assert_int_equal(e.balance.assessed, 4800000);
    assert_int_equal(e.balance.workers, 2);
    assert_int_equal(e.nlines, 2);
    tn_explain_release(&e);

    /* B is D2's: not found for D1, as if it were not there */
    assert_int_equal(tn_app_explain(&f->app, &d1, "B", july, NULL, &e), TN_ERR_NOT_FOUND);
    assert_string_equal(tn_app_why(&f->app, TN_ERR_NOT_FOUND),
                        "đơn vị B thuộc cơ quan BHXH khác / unit B is not of office 79001 (its "
                        "office: 79002)");
    /* as known on 2025-07-30, B was still the province office's */
    assert_int_equal(tn_app_explain(&f->app, &d1, "B", july, "2025-07-30", &e), TN_ERR_NOT_FOUND);
    assert_non_null(strstr(tn_app_why(&f->app, TN_ERR_NOT_FOUND), "the province office"));
    /* the province sees B */
    assert_int_equal(tn_app_explain(&f->app, &province, "B", july, NULL, &e), TN_OK);
    assert_string_equal(e.balance.unit_code, "B");
    tn_explain_release(&e);

    /* no balance: an unknown unit, a month not closed, a time before the close */
    assert_int_equal(tn_app_explain(&f->app, &d1, "Z", july, NULL, &e), TN_ERR_NOT_FOUND);
    assert_string_equal(tn_app_why(&f->app, TN_ERR_NOT_FOUND),
                        "no closed balance for unit Z in 2025-07");
    assert_int_equal(tn_app_explain(&f->app, &province, "A", july + 1, NULL, &e), TN_ERR_NOT_FOUND);
    assert_int_equal(tn_app_explain(&f->app, &province, "A", july, "2025-07-27", &e),
                     TN_ERR_NOT_FOUND);
    assert_string_equal(tn_app_why(&f->app, TN_ERR_NOT_FOUND),
                        "no closed balance for unit A in 2025-07 as of 2025-07-27");
    assert_int_equal(tn_app_explain(&f->app, &province, "A", july, "July", &e), TN_ERR_PARSE);
    tn_explain_release(&e);
}

static tn_err count_assignment(void *ctx, const struct tn_assignment_row *r)
{
    (void)r;
    ++*(int *)ctx;
    return TN_OK;
}

static int assignments(struct tn_app_fixture *f)
{
    int n = 0;
    assert_int_equal(tn_store_assignments(f->store, NULL, NULL, count_assignment, &n), TN_OK);
    return n;
}

static void assign_records_or_refuses_all(void **state)
{
    struct tn_app_fixture *f = *state;
    import_province(f);
    int seeded = assignments(f); /* each unit's units.csv officer, from its registration */
    assert_int_equal(seeded, 3);
    snprintf(f->app.now, sizeof f->app.now, "2025-12-03T00:00:00");
    const char *a[] = {"A", "A"};
    struct tn_assign_request req = {
        .units = a, .nunits = 2, .officer = "O2", .actor = "me", .reason = "test"};
    assert_int_equal(tn_day_parse("2025-12-01", &req.from), TN_OK);
    struct tn_assign_result res;
    tn_assign_result_init(&res);
    assert_int_equal(tn_app_assign(&f->app, &province, &req, &res), TN_OK);
    assert_int_equal(res.units, 1); /* A named twice is assigned once */
    assert_int_equal(res.nrefused, 0);
    assert_int_equal(assignments(f), seeded + 1);
    tn_assign_result_release(&res);

    /* every unit is checked, in the order asked; a refusal and nothing is written */
    const char *bza[] = {"B", "Z", "A", "C"};
    req = (struct tn_assign_request){.units = bza, .nunits = 4, .officer = "O1"};
    assert_int_equal(tn_day_parse("2025-11-01", &req.from), TN_OK);
    assert_int_equal(tn_app_assign(&f->app, &province, &req, &res), TN_ERR_REJECTED);
    assert_int_equal(res.nrefused, 3); /* C could move to O1: it is not written either */
    assert_string_equal(res.refused[0].unit, "B"); /* O1 has had B since its registration */
    assert_int_equal(res.refused[0].problem, TN_ASSIGN_SAME_OFFICER);
    assert_string_equal(res.refused[1].unit, "Z");
    assert_int_equal(res.refused[1].problem, TN_ASSIGN_NO_UNIT);
    assert_string_equal(res.refused[1].message,
                        "Z: không có đơn vị này / no such unit in units.csv (Z)");
    assert_string_equal(res.refused[2].unit, "A");
    assert_int_equal(res.refused[2].problem, TN_ASSIGN_BEFORE_LATEST);
    assert_non_null(strstr(res.refused[2].message, "(2025-11-01 < 2025-12-01)"));
    assert_string_equal(tn_app_why(&f->app, TN_ERR_REJECTED), "nothing recorded: 3 problems");
    assert_int_equal(assignments(f), seeded + 1);
    tn_assign_result_release(&res);

    /* every unit of an officer: O1 has B (A moved to O2) */
    req = (struct tn_assign_request){.from_officer = "O1", .officer = "O2"};
    assert_int_equal(tn_day_parse("2025-12-05", &req.from), TN_OK);
    assert_int_equal(tn_app_assign(&f->app, &province, &req, &res), TN_OK);
    assert_int_equal(res.units, 1);
    tn_assign_result_release(&res);
    /* now O1 has none */
    assert_int_equal(tn_app_assign(&f->app, &province, &req, &res), TN_ERR_REJECTED);
    assert_string_equal(tn_app_why(&f->app, TN_ERR_REJECTED),
                        "O1 is in charge of no unit on 2025-12-05");
    /* neither units nor an officer whose units move */
    req.from_officer = NULL;
    assert_int_equal(tn_app_assign(&f->app, &province, &req, &res), TN_ERR_USAGE);
    tn_assign_result_release(&res);
    assert_int_equal(assignments(f), seeded + 2);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(bad_rows_are_all_returned_and_nothing_written),
        T(good_import_counts_rows),
        T(close_reports_progress_and_stats),
        T(explain_is_cut_to_the_scope_office),
        T(assign_records_or_refuses_all),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
