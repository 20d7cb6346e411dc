/*
 * test_app_calendar.c - the statutory calendar through the application layer (app.h "the
 * statutory calendar"): tn_app_calendar_done with its refusals, and the report calendar's
 * statuses, on the units of tests/data/province with the conclusions of tests/data/calendar
 * (dates derived in docs/calendar.md "The test").
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

struct fixture {
    struct tn_app_fixture fx;
    char rows[4096]; /* "due_on duty occurrence status days_overdue done_on\n" per row */
};

/* The province as registered with the conclusions of tests/data/calendar/inspections.csv
 * (TT-07 on Friday 2025-11-28, TT-05 on Friday 2025-12-26), known on 2025-12-27. */
static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    tn_app_fixture_open(&f->fx, "2025-12-27T00:00:00");
    tn_app_fixture_province(&f->fx, "2025-07-01T00:00:00");
    tn_app_fixture_import(&f->fx, TN_IMPORT_INSPECTIONS, "calendar", "2025-12-27T00:00:00");
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    tn_app_fixture_release(&f->fx);
    free(f);
    return 0;
}

/* The clock of f's app. */
static void at(struct fixture *f, const char *now)
{
    tn_app_init(&f->fx.app, f->fx.store, &f->fx.policy, now, TN_LANG_VI);
}

static tn_err put_row(void *ctx, const struct tn_cell *c)
{
    struct fixture *f = ctx;
    size_t n = strlen(f->rows);
    /* due_on duty occurrence status days_overdue done_on: columns 0, 1, 5, 8, 9, 10 */
    char days[24] = "";
    if (c[9].type == TN_CELL_INT)
        snprintf(days, sizeof days, "%lld", (long long)c[9].num);
    snprintf(f->rows + n, sizeof f->rows - n, "%s %s %s %s %s %s\n", c[0].text, c[1].text,
             c[5].text, c[8].text, days, c[10].type == TN_CELL_TEXT ? c[10].text : "");
    return TN_OK;
}

static const struct tn_scope everyone = {NULL, NULL, TN_ROLE_ADMIN};

static tn_err report(struct fixture *f, const char *from, const char *to, const char *today)
{
    struct tn_report_params p;
    tn_report_params_init(&p);
    assert_int_equal(tn_day_parse(from, &p.from), TN_OK);
    assert_int_equal(tn_day_parse(to, &p.to), TN_OK);
    assert_int_equal(tn_day_parse(today, &p.day), TN_OK);
    f->rows[0] = '\0';
    struct tn_sink sink = {put_row, NULL, f};
    return tn_app_report_run(&f->fx.app, &everyone, tn_app_report("calendar"), &p, &sink);
}

static void done_and_shown(void **state)
{
    struct fixture *f = *state;
    at(f, "2026-01-12T09:00:00");
    struct tn_calendar_done_request monthly = {"reminder_monthly", 2026 * 12, -1, -1, "O1", NULL};
    struct tn_calendar_done_request finding = {"reminder_finding", -1, 0, -1, "O1", "TT-05"};
    assert_int_equal(tn_day_parse("2025-12-26", &finding.date), TN_OK);
    assert_int_equal(tn_app_calendar_done(&f->fx.app, &everyone, &monthly), TN_OK);
    assert_int_equal(tn_app_calendar_done(&f->fx.app, &everyone, &finding), TN_OK);
    assert_int_equal(report(f, "2026-01-01", "2026-01-14", "2026-01-12"), TN_OK);
    /* TT-05 (Friday 2025-12-26): due 2026-01-06 across the New Year's days off; January's
     * reminder (due the 10th) done on the 12th; the lists are due the 14th */
    assert_string_equal(f->rows, "2026-01-06 reminder_finding 2025-12-26 done  2026-01-12\n"
                                 "2026-01-10 reminder_monthly 2026-01 done  2026-01-12\n"
                                 "2026-01-14 inspection_lists 2026-01 due  \n");
    /* judged on the 15th, the lists are a day overdue */
    assert_int_equal(report(f, "2026-01-14", "2026-01-14", "2026-01-15"), TN_OK);
    assert_string_equal(f->rows, "2026-01-14 inspection_lists 2026-01 overdue 1 \n");
}

static void refusals(void **state)
{
    struct fixture *f = *state;
    at(f, "2026-02-20T09:00:00");
    const struct tn_scope district = {"D1", NULL, TN_ROLE_ADMIN};
    struct tn_calendar_done_request r = {"reminder_monthly", 2026 * 12 + 1, -1, -1, "O1", NULL};
    assert_int_equal(tn_app_calendar_done(&f->fx.app, &district, &r), TN_ERR_STATE);
    r.actor = "";
    assert_int_equal(tn_app_calendar_done(&f->fx.app, &everyone, &r), TN_ERR_USAGE);
    r.actor = "O1";
    r.duty = "no_such_duty";
    assert_int_equal(tn_app_calendar_done(&f->fx.app, &everyone, &r), TN_ERR_NOT_FOUND);
    r.duty = "inspection_lists"; /* due in January, April, July, October only */
    assert_int_equal(tn_app_calendar_done(&f->fx.app, &everyone, &r), TN_ERR_NOT_FOUND);
    r.duty = "reminder_finding"; /* an event duty named by a month */
    assert_int_equal(tn_app_calendar_done(&f->fx.app, &everyone, &r), TN_ERR_USAGE);
    r.period = -1;
    assert_int_equal(tn_day_parse("2025-11-28", &r.date), TN_OK); /* TT-07: before Decree 274 */
    assert_int_equal(tn_app_calendar_done(&f->fx.app, &everyone, &r), TN_ERR_NOT_FOUND);
    r.duty = "reminder_monthly";
    r.date = -1;
    r.period = 2026 * 12 + 1;
    assert_int_equal(tn_day_parse("2026-02-21", &r.done_on), TN_OK); /* after today */
    assert_int_equal(tn_app_calendar_done(&f->fx.app, &everyone, &r), TN_ERR_RANGE);
    /* nothing was stored */
    assert_int_equal(report(f, "2026-02-01", "2026-02-28", "2026-02-20"), TN_OK);
    assert_null(strstr(f->rows, " done "));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(done_and_shown, setup, teardown),
        cmocka_unit_test_setup_teardown(refusals, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
