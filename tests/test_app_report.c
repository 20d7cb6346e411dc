/*
 * test_app_report.c - the application layer's report registry (app.h, src/app/): every report
 * is well formed (named once, typed and labelled columns, additivity by its type), and
 * tn_app_report_run checks what a report needs before it reads the store.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "app_fixture.h"
#include "thuno/table_out.h"
#include "thuno/app.h"

static void registry_well_formed(void **state)
{
    (void)state;
    size_t n = tn_app_report_count();
    assert_true(n > 0);
    assert_null(tn_app_report_at(n));
    for (size_t i = 0; i < n; i++) {
        const struct tn_report *r = tn_app_report_at(i);
        assert_non_null(r);
        assert_ptr_equal(tn_app_report(r->name), r);
        assert_non_null(r->run);
        assert_true(r->title && strstr(r->title, " / ")); /* Vietnamese first, then English */
        assert_true(r->what && *r->what);
        assert_true(r->ncols > 0);
        for (size_t c = 0; c < r->ncols; c++) {
            const struct tn_col *col = &r->cols[c];
            if (!col->vi[0] || !col->en[0])
                fail_msg("%s.%s has no label", r->name, col->id);
            for (size_t d = 0; d < c; d++)
                if (strcmp(r->cols[d].id, col->id) == 0)
                    fail_msg("%s has column %s twice", r->name, col->id);
            int figure = col->type == TN_COL_MONEY || col->type == TN_COL_COUNT;
            if (col->adds && !figure)
                fail_msg("%s.%s adds up but is not money or a count", r->name, col->id);
            /* the naming rule of docs/formats.md agrees with the registry */
            int numeric = figure || col->type == TN_COL_NUMBER;
            if (numeric && col->adds != tn_table_name_adds(col->id))
                fail_msg("%s.%s: adds=%d but its name says %d", r->name, col->id, col->adds,
                         tn_table_name_adds(col->id));
        }
    }
    assert_null(tn_app_report("no_such_report"));
}

static int setup(void **state)
{
    *state = tn_app_fixture_new("2026-11-05T09:00:00");
    return 0;
}

static int teardown(void **state)
{
    tn_app_fixture_free(*state);
    return 0;
}

static tn_err count_row(void *ctx, const struct tn_cell *cells)
{
    (void)cells;
    ++*(int *)ctx;
    return TN_OK;
}

static void run_checks_parameters(void **state)
{
    struct tn_app_fixture *f = *state;
    int rows = 0;
    struct tn_sink sink = {count_row, NULL, &rows};
    struct tn_scope scope = {NULL, NULL, TN_ROLE_ADMIN};
    struct tn_report_params p;
    tn_report_params_init(&p);
    const struct tn_report *bal = tn_app_report("balances");
    assert_non_null(bal);

    assert_int_equal(tn_app_report_run(&f->app, &scope, bal, &p, &sink), TN_ERR_USAGE);
    assert_non_null(strstr(tn_app_why(&f->app, TN_ERR_USAGE), "period"));

    p.year = 2026;
    p.period = 2026 * 12 + 9;
    assert_int_equal(tn_app_report_run(&f->app, &scope, bal, &p, &sink), TN_ERR_USAGE);
    assert_non_null(strstr(tn_app_why(&f->app, TN_ERR_USAGE), "year"));

    p.year = 0;
    assert_int_equal(tn_app_report_run(&f->app, &scope, bal, &p, &sink), TN_OK);
    assert_int_equal(rows, 0); /* nothing closed yet */
    assert_string_equal(tn_app_why(&f->app, TN_OK), tn_err_message(TN_OK, TN_LANG_VI));

    /* an office no unit has is refused; no office means every unit */
    const char *office = "x";
    assert_int_equal(tn_app_scope_office(&f->app, "79099", &office), TN_ERR_NOT_FOUND);
    assert_non_null(strstr(tn_app_why(&f->app, TN_ERR_NOT_FOUND), "79099"));
    assert_string_equal(office, "x"); /* untouched on failure */
    assert_int_equal(tn_app_scope_office(&f->app, NULL, &office), TN_OK);
    assert_null(office);
}

/* The parameters of the new reports: each given only to a report that takes it, what a
 * report needs given, the months in order and at most TN_REPORT_MONTHS_MAX. */
static void run_checks_new_parameters(void **state)
{
    struct tn_app_fixture *f = *state;
    int rows = 0;
    struct tn_sink sink = {count_row, NULL, &rows};
    struct tn_scope scope = {NULL, NULL, TN_ROLE_ADMIN};
    struct tn_report_params p;
    const struct tn_report *bal = tn_app_report("balances"), *tl = tn_app_report("case_timeline"),
                           *months = tn_app_report("debt_buckets"),
                           *work = tn_app_report("worklist");
    assert_non_null(tl);
    assert_non_null(months);

    tn_report_params_init(&p);
    assert_int_equal(tn_app_report_run(&f->app, &scope, tl, &p, &sink), TN_ERR_USAGE);
    assert_non_null(strstr(tn_app_why(&f->app, TN_ERR_USAGE), "case"));
    p.case_id = "HS-NONE";
    assert_int_equal(tn_app_report_run(&f->app, &scope, tl, &p, &sink), TN_ERR_NOT_FOUND);
    p.period = 2026 * 12 + 9;
    assert_int_equal(tn_app_report_run(&f->app, &scope, bal, &p, &sink), TN_ERR_USAGE);
    assert_non_null(strstr(tn_app_why(&f->app, TN_ERR_USAGE), "takes no case"));

    tn_report_params_init(&p);
    assert_int_equal(tn_app_report_run(&f->app, &scope, months, &p, &sink), TN_ERR_USAGE);
    p.first = 2026 * 12 + 9;
    p.last = 2026 * 12 + 4; /* before first */
    assert_int_equal(tn_app_report_run(&f->app, &scope, months, &p, &sink), TN_ERR_USAGE);
    p.last = p.first + TN_REPORT_MONTHS_MAX; /* one month too many */
    assert_int_equal(tn_app_report_run(&f->app, &scope, months, &p, &sink), TN_ERR_USAGE);
    p.last = p.first + TN_REPORT_MONTHS_MAX - 1;
    assert_int_equal(tn_app_report_run(&f->app, &scope, months, &p, &sink), TN_OK);
    assert_int_equal(rows, 0); /* nothing closed: no month */
    p.period = p.first;
    assert_int_equal(tn_app_report_run(&f->app, &scope, bal, &p, &sink), TN_ERR_USAGE);

    tn_report_params_init(&p);
    p.period = 2026 * 12 + 9;
    p.department = "QLT";
    assert_int_equal(tn_app_report_run(&f->app, &scope, bal, &p, &sink), TN_ERR_USAGE);
    assert_int_equal(tn_app_report_run(&f->app, &scope, work, &p, &sink), TN_OK);
    p.department = "NOSUCH";
    assert_int_equal(tn_app_report_run(&f->app, &scope, work, &p, &sink), TN_ERR_USAGE);
    assert_non_null(strstr(tn_app_why(&f->app, TN_ERR_USAGE), "NOSUCH"));

    tn_report_params_init(&p);
    p.period = 2026 * 12 + 9;
    p.bucket = "1-3";
    assert_int_equal(tn_app_report_run(&f->app, &scope, bal, &p, &sink), TN_ERR_USAGE);
    p.sort = "size";
    assert_int_equal(tn_app_report_run(&f->app, &scope, tn_app_report("units"), &p, &sink),
                     TN_ERR_USAGE);
}

static void run_needs_policy(void **state)
{
    struct tn_app_fixture *f = *state;
    int rows = 0;
    struct tn_sink sink = {count_row, NULL, &rows};
    struct tn_scope scope = {NULL, NULL, TN_ROLE_ADMIN};
    struct tn_report_params p;
    tn_report_params_init(&p);
    p.period = 1990 * 12; /* 1990-01: before every policy line */
    tn_err err = tn_app_report_run(&f->app, &scope, tn_app_report("card_locks"), &p, &sink);
    assert_int_equal(err, TN_ERR_NO_POLICY);
    assert_non_null(strstr(tn_app_why(&f->app, err), "card_lock.csv"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(registry_well_formed),
        cmocka_unit_test_setup_teardown(run_checks_parameters, setup, teardown),
        cmocka_unit_test_setup_teardown(run_checks_new_parameters, setup, teardown),
        cmocka_unit_test_setup_teardown(run_needs_policy, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
