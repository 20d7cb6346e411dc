/*
 * test_app_contact.c - the officers' contacts and a unit's workers and payments through the
 * application layer (app_contact.h, app_unit.h; docs/operations.md "Contacts"): who may record
 * for which unit and under which code, the refusals, the latest of each unit cut by the scope,
 * and the declarations and payments of a unit the scope sees, on tests/data/province (A and B
 * in O1's charge, C in O2's).
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
    char rows[4096];
};

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    tn_app_fixture_open(&f->fx, "2025-12-05T09:00:00");
    tn_app_fixture_province(&f->fx, "2025-07-01T00:00:00");
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

static const struct tn_scope admin = {NULL, NULL, TN_ROLE_ADMIN};
static const struct tn_scope o1 = {NULL, "O1", TN_ROLE_OFFICER};
static const struct tn_scope qlt = {NULL, NULL, TN_ROLE_QLT};

/* "unit day officer kind [outcome] by" per contact; the first cells of the other tables. */
static tn_err put_row(void *ctx, const struct tn_cell *c)
{
    struct fixture *f = ctx;
    size_t n = strlen(f->rows);
    snprintf(f->rows + n, sizeof f->rows - n, "%s %s %s %s [%s] %s\n", c[1].text, c[2].text,
             c[3].text, c[4].text, c[5].text, c[7].text);
    return TN_OK;
}

static tn_err contacts(struct fixture *f, const struct tn_scope *scope, const char *unit,
                       int latest)
{
    f->rows[0] = '\0';
    struct tn_sink sink = {put_row, NULL, f};
    return tn_app_contacts(&f->fx.app, scope, unit, latest, NULL, &sink);
}

static void officers_record_for_their_units(void **state)
{
    struct fixture *f = *state;
    struct tn_app *app = &f->fx.app;
    struct tn_contact_row row;
    struct tn_contact_request r = {"A", "call", -1, NULL, "hẹn nộp 15/12", NULL, "tung"};
    assert_int_equal(tn_app_contact_record(app, &o1, &r, &row), TN_OK);
    assert_int_equal(row.seq, 1);
    assert_string_equal(row.day, "2025-12-05");
    assert_string_equal(row.officer, "O1");
    assert_string_equal(row.recorded_at, "2025-12-05T09:00:00");
    /* not its unit, not its code, not a kind, not yet, no one recording */
    r.unit = "C";
    assert_int_equal(tn_app_contact_record(app, &o1, &r, NULL), TN_ERR_NOT_FOUND);
    r.unit = "B";
    r.officer = "O2";
    assert_int_equal(tn_app_contact_record(app, &o1, &r, NULL), TN_ERR_FORBIDDEN);
    r.officer = NULL;
    r.kind = "fax";
    assert_int_equal(tn_app_contact_record(app, &o1, &r, NULL), TN_ERR_USAGE);
    r.kind = "visit";
    assert_int_equal(tn_day_parse("2025-12-06", &r.day), TN_OK);
    assert_int_equal(tn_app_contact_record(app, &o1, &r, NULL), TN_ERR_RANGE);
    assert_int_equal(tn_day_parse("2025-12-04", &r.day), TN_OK);
    r.actor = "";
    assert_int_equal(tn_app_contact_record(app, &o1, &r, NULL), TN_ERR_USAGE);
    r.actor = "tung";
    assert_int_equal(tn_app_contact_record(app, &o1, &r, NULL), TN_OK);
    /* QLT for C: the officer in charge, O2; an unknown unit */
    struct tn_contact_request c = {"C", "meeting", -1, NULL, NULL, "tại trụ sở", "ha"};
    assert_int_equal(tn_app_contact_record(app, &qlt, &c, &row), TN_OK);
    assert_string_equal(row.officer, "O2");
    c.unit = "ZZ";
    assert_int_equal(tn_app_contact_record(app, &qlt, &c, NULL), TN_ERR_NOT_FOUND);

    /* the latest of each unit the scope sees; a unit's, latest day first */
    assert_int_equal(contacts(f, &o1, NULL, 1), TN_OK);
    assert_string_equal(f->rows, "A 2025-12-05 O1 call [hẹn nộp 15/12] tung\n"
                                 "B 2025-12-04 O1 visit [hẹn nộp 15/12] tung\n");
    assert_int_equal(contacts(f, &admin, NULL, 1), TN_OK);
    assert_string_equal(f->rows, "A 2025-12-05 O1 call [hẹn nộp 15/12] tung\n"
                                 "B 2025-12-04 O1 visit [hẹn nộp 15/12] tung\n"
                                 "C 2025-12-05 O2 meeting [] ha\n");
    assert_int_equal(contacts(f, &admin, "C", 0), TN_OK);
    assert_string_equal(f->rows, "C 2025-12-05 O2 meeting [] ha\n");
    assert_int_equal(contacts(f, &o1, "C", 0), TN_ERR_NOT_FOUND);
}

static tn_err count_row(void *ctx, const struct tn_cell *c)
{
    (void)c;
    (*(int *)ctx)++;
    return TN_OK;
}

static void a_units_workers_and_payments_are_its_scopes(void **state)
{
    struct fixture *f = *state;
    int n = 0;
    struct tn_sink sink = {count_row, NULL, &n};
    /* A's three declarations (tests/data/province/declarations.csv); no payments imported */
    assert_int_equal(tn_app_unit_workers(&f->fx.app, &o1, "A", NULL, &sink), TN_OK);
    assert_int_equal(n, 3);
    assert_int_equal(tn_app_unit_payments(&f->fx.app, &o1, "A", NULL, &sink), TN_OK);
    assert_int_equal(n, 3);
    assert_int_equal(tn_app_unit_workers(&f->fx.app, &o1, "C", NULL, &sink), TN_ERR_NOT_FOUND);
    assert_int_equal(tn_app_unit_payments(&f->fx.app, &admin, "ZZ", NULL, &sink), TN_ERR_NOT_FOUND);
    size_t nw, np;
    assert_string_equal(tn_app_unit_worker_cols(&nw)[4].id, "salary");
    assert_string_equal(tn_app_unit_payment_cols(&np)[8].id, "allocated");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(officers_record_for_their_units, setup, teardown),
        cmocka_unit_test_setup_teardown(a_units_workers_and_payments_are_its_scopes, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
