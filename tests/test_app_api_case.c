/*
 * test_app_api_case.c - what a user's scope sees of cases (app_user.h, src/app/app_api_case.c;
 * issue 12): a case is seen when its unit is (an officer its own units', a district user its
 * office's), a new case when the unit named is, and the board of cases is the cases report's
 * rows cut by state and, for an officer, to its units.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "app_fixture.h"
#include "thuno/app.h"

static tn_day day(const char *s)
{
    tn_day d;
    assert_int_equal(tn_day_parse(s, &d), TN_OK);
    return d;
}

/* The hand-checked province (O1 has A and B, O2 has C) with case HS-A of unit A, sued, and
 * HS-C of unit C, reminded. */
static int setup(void **state)
{
    struct tn_app_fixture *f = tn_app_fixture_new("2025-12-05T10:00:00");
    tn_app_fixture_province(f, "2025-07-01T00:00:00");
    long seq;
    struct tn_case_record_args r = {
        "HS-A", TN_CASE_EV_REMINDER_SENT, day("2025-09-10"), "A", -1, "", NULL, NULL, NULL};
    assert_int_equal(tn_app_case_record(&f->app, &f->scope, &r, &seq), TN_OK);
    r.event = TN_CASE_EV_LAWSUIT_FILED;
    r.day = day("2025-12-05");
    r.amount = 1000000;
    assert_int_equal(tn_app_case_record(&f->app, &f->scope, &r, &seq), TN_OK);
    r = (struct tn_case_record_args){
        "HS-C", TN_CASE_EV_REMINDER_SENT, day("2025-10-10"), "C", -1, "", NULL, NULL, NULL};
    assert_int_equal(tn_app_case_record(&f->app, &f->scope, &r, &seq), TN_OK);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    tn_app_fixture_free(*state);
    return 0;
}

static void a_case_is_seen_when_its_unit_is(void **state)
{
    struct tn_app_fixture *f = *state;
    struct tn_scope o1 = {NULL, "O1", TN_ROLE_OFFICER}, legal = {NULL, NULL, TN_ROLE_LEGAL};
    assert_int_equal(tn_app_case_visible(&f->app, &o1, "HS-A", NULL, NULL), TN_OK);
    assert_int_equal(tn_app_case_visible(&f->app, &o1, "HS-C", NULL, NULL), TN_ERR_NOT_FOUND);
    assert_non_null(strstr(tn_app_why(&f->app, TN_ERR_NOT_FOUND), "no case HS-C"));
    /* a case named with another unit is still the unit of its events */
    assert_int_equal(tn_app_case_visible(&f->app, &o1, "HS-C", "A", NULL), TN_ERR_NOT_FOUND);
    assert_int_equal(tn_app_case_visible(&f->app, &legal, "HS-C", NULL, NULL), TN_OK);
    /* a new case: seen when its unit is */
    assert_int_equal(tn_app_case_visible(&f->app, &o1, "HS-B", "B", NULL), TN_OK);
    assert_int_equal(tn_app_case_visible(&f->app, &o1, "HS-X", "C", NULL), TN_ERR_NOT_FOUND);
    assert_int_equal(tn_app_case_visible(&f->app, &legal, "HS-X", NULL, NULL), TN_ERR_NOT_FOUND);
    /* as it was known: HS-A before its first event is not a case yet */
    assert_int_equal(tn_app_case_visible(&f->app, &legal, "HS-A", NULL, "2025-07-01T00:00:00"),
                     TN_ERR_NOT_FOUND);
}

struct rows {
    char text[512];
    size_t n;
};

static tn_err keep(void *ctx, const struct tn_cell *c)
{
    struct rows *r = ctx;
    size_t len = strlen(r->text);
    snprintf(r->text + len, sizeof r->text - len, "%s:%s ", c[0].text, c[3].text);
    r->n++;
    return TN_OK;
}

static void the_board_is_cut_by_state_and_officer(void **state)
{
    struct tn_app_fixture *f = *state;
    const struct tn_report *cases = tn_app_report("cases");
    assert_string_equal(cases->cols[0].id, "case_id");
    assert_string_equal(cases->cols[3].id, "state");
    struct tn_scope legal = {NULL, NULL, TN_ROLE_LEGAL}, o1 = {NULL, "O1", TN_ROLE_OFFICER},
                    o2 = {NULL, "O2", TN_ROLE_OFFICER};
    struct rows r = {"", 0};
    struct tn_sink sink = {keep, NULL, &r};
    assert_int_equal(tn_app_case_board(&f->app, &legal, NULL, &sink), TN_OK);
    assert_string_equal(r.text, "HS-A:sued HS-C:escalating ");
    r = (struct rows){"", 0};
    assert_int_equal(tn_app_case_board(&f->app, &legal, "sued", &sink), TN_OK);
    assert_string_equal(r.text, "HS-A:sued ");
    r = (struct rows){"", 0};
    assert_int_equal(tn_app_case_board(&f->app, &o1, NULL, &sink), TN_OK);
    assert_string_equal(r.text, "HS-A:sued ");
    r = (struct rows){"", 0};
    assert_int_equal(tn_app_case_board(&f->app, &o2, "sued", &sink), TN_OK);
    assert_int_equal(r.n, 0);
    assert_int_equal(tn_app_case_board(&f->app, &legal, "lost", &sink), TN_ERR_USAGE);
    assert_non_null(strstr(tn_app_why(&f->app, TN_ERR_USAGE), "no such state: lost"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(a_case_is_seen_when_its_unit_is, setup, teardown),
        cmocka_unit_test_setup_teardown(the_board_is_cut_by_state_and_officer, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
