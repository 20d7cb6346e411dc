/*
 * test_app_units.c - the units to browse (app_units.c, app.h): the Vietnamese collation of
 * names (a < á < ă < â < b, d < đ: not the order of the bytes), the accent-insensitive text
 * search, filters, sorts both ways, cursor pages that neither overlap nor skip, bad cursors,
 * the officer's scope, one unit with its last balance, and officers by name.
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
#include "thuno/text.h"
#include "thuno/app.h"

#define NOW "2025-12-05T09:00:00"

static int setup(void **state)
{
    struct tn_app_fixture *f = tn_app_fixture_new(NOW);
    tn_app_fixture_province(f, NOW);
    tn_app_fixture_import(f, TN_IMPORT_UNITS, "units_browse", NOW);
    for (int m = 7; m <= 8; m++)
        tn_app_fixture_close_period(f, 2025 * 12 + m - 1, NOW);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    tn_app_fixture_free(*state);
    return 0;
}

/* The codes of q's pages, one page a line ("A B C\n"), following the cursors. */
static void pages(struct tn_app_fixture *f, const struct tn_scope *scope, struct tn_unit_query q,
                  char *out, size_t size)
{
    struct tn_unit_page p;
    tn_unit_page_init(&p);
    char *cursor = NULL;
    size_t len = 0;
    out[0] = '\0';
    for (int guard = 0; guard < 20; guard++) {
        q.cursor = cursor;
        assert_int_equal(tn_app_units(&f->app, scope, &q, &p), TN_OK);
        free(cursor);
        cursor = p.next ? strdup(p.next) : NULL;
        for (size_t i = 0; i < p.n; i++)
            len +=
                (size_t)snprintf(out + len, size - len, "%s%s", i ? " " : "", p.units[i].unit_code);
        len += (size_t)snprintf(out + len, size - len, "\n");
        if (!cursor)
            break;
    }
    tn_unit_page_release(&p);
}

static struct tn_unit_query query(enum tn_unit_sort sort, int desc, size_t limit)
{
    struct tn_unit_query q = {.period = -1, .sort = sort, .desc = desc, .limit = limit};
    return q;
}

static void names_sort_in_vietnamese(void **state)
{
    struct tn_app_fixture *f = *state;
    char got[512];
    /* Ân Hòa, Ánh Dương, Bình An, Công ty TNHH Hải Âu, Dũng Tiến, Đại Phát, Hợp tác xã ...,
     * Trường ...: Â and Á after A's base letter but before B; Đ after D */
    pages(f, &f->scope, query(TN_UNIT_SORT_NAME, 0, 3), got, sizeof got);
    assert_string_equal(got, "D H F\nA G E\nB C\n");
    pages(f, &f->scope, query(TN_UNIT_SORT_NAME, 1, 0), got, sizeof got);
    assert_string_equal(got, "C B E G A F H D\n");
    pages(f, &f->scope, query(TN_UNIT_SORT_CODE, 0, 5), got, sizeof got);
    assert_string_equal(got, "A B C D E\nF G H\n");
    pages(f, &f->scope, query(TN_UNIT_SORT_CODE, 0, 8), got, sizeof got);
    assert_string_equal(got, "A B C D E F G H\n");
}

static void debt_and_months_sort_with_the_balance(void **state)
{
    struct tn_app_fixture *f = *state;
    char got[512];
    /* August, nothing paid: A 2 x 32% of 15,000,000 = 9,600,000; C 2 x 32% of 12,000,000 =
     * 7,680,000; B 2,400,000 (three funds of 4,000,000); D..H declared nobody: 0, in code
     * order (ties, descending too); A and C owe 1.0 month, the others 0 */
    pages(f, &f->scope, query(TN_UNIT_SORT_DEBT, 1, 2), got, sizeof got);
    assert_string_equal(got, "A C\nB D\nE F\nG H\n");
    pages(f, &f->scope, query(TN_UNIT_SORT_MONTHS_OWED, 0, 0), got, sizeof got);
    assert_string_equal(got, "B D E F G H A C\n");
    struct tn_unit_page p;
    tn_unit_page_init(&p);
    struct tn_unit_query q = query(TN_UNIT_SORT_CODE, 0, 1);
    assert_int_equal(tn_app_units(&f->app, &f->scope, &q, &p), TN_OK);
    assert_int_equal(p.period, 2025 * 12 + 7); /* the last closed: August */
    tn_unit_page_release(&p);
}

static void text_and_filters(void **state)
{
    struct tn_app_fixture *f = *state;
    char got[512];
    struct tn_unit_query q = query(TN_UNIT_SORT_CODE, 0, 0);
    q.text = "dong"; /* Đồng Tâm, Kim Đồng: no accents, no case */
    pages(f, &f->scope, q, got, sizeof got);
    assert_string_equal(got, "B C\n");
    q.text = "ĐẠI";
    pages(f, &f->scope, q, got, sizeof got);
    assert_string_equal(got, "E\n");
    q.text = "0100000007"; /* the tax code */
    pages(f, &f->scope, q, got, sizeof got);
    assert_string_equal(got, "G\n");
    q.text = NULL;
    q.type = "state";
    pages(f, &f->scope, q, got, sizeof got);
    assert_string_equal(got, "C H\n");
    q.type = NULL;
    q.officer = "O1";
    pages(f, &f->scope, q, got, sizeof got);
    assert_string_equal(got, "A B H\n");
    /* an officer sees its own whatever it asks */
    struct tn_scope o2 = {NULL, "O2", TN_ROLE_OFFICER};
    pages(f, &o2, q, got, sizeof got);
    assert_string_equal(got, "C D E F G\n");
}

static void bad_cursors_and_limits(void **state)
{
    struct tn_app_fixture *f = *state;
    struct tn_unit_page p;
    tn_unit_page_init(&p);
    struct tn_unit_query q = query(TN_UNIT_SORT_NAME, 0, 2);
    assert_int_equal(tn_app_units(&f->app, &f->scope, &q, &p), TN_OK);
    assert_non_null(p.next);
    char *next = strdup(p.next);
    q.sort = TN_UNIT_SORT_DEBT; /* a cursor of another sort */
    q.cursor = next;
    assert_int_equal(tn_app_units(&f->app, &f->scope, &q, &p), TN_ERR_USAGE);
    q.sort = TN_UNIT_SORT_NAME;
    q.desc = 1;
    assert_int_equal(tn_app_units(&f->app, &f->scope, &q, &p), TN_ERR_USAGE);
    static const char *const bad[] = {"", "zz", "abc", "00", "41"};
    q.desc = 0;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        q.cursor = bad[i];
        assert_int_equal(tn_app_units(&f->app, &f->scope, &q, &p), TN_ERR_USAGE);
    }
    q.cursor = NULL;
    q.limit = TN_UNITS_LIMIT_MAX + 1;
    assert_int_equal(tn_app_units(&f->app, &f->scope, &q, &p), TN_ERR_USAGE);
    free(next);
    tn_unit_page_release(&p);
}

static void one_unit(void **state)
{
    struct tn_app_fixture *f = *state;
    struct tn_unit_entry u;
    tn_period period = 0;
    assert_int_equal(tn_app_unit(&f->app, &f->scope, "A", NULL, &u, &period), TN_OK);
    assert_int_equal(period, 2025 * 12 + 7);
    assert_string_equal(u.name, "Công ty TNHH Hải Âu");
    assert_string_equal(u.address, "12 Lê Lợi, Quận 1");
    assert_true(u.has_balance);
    struct tn_scope o2 = {NULL, "O2", TN_ROLE_OFFICER};
    assert_int_equal(tn_app_unit(&f->app, &o2, "A", NULL, &u, &period), TN_ERR_NOT_FOUND);
    assert_int_equal(tn_app_unit(&f->app, &f->scope, "ZZ", NULL, &u, &period), TN_ERR_NOT_FOUND);
}

static tn_err officer_text(void *ctx, const struct tn_cell *c)
{
    char *out = ctx;
    size_t len = strlen(out);
    snprintf(out + len, 512 - len, "%s %s [%s]\n", c[0].text, c[1].text, c[2].text);
    return TN_OK;
}

/* Officers by name (app_officers.c): a page's and a unit's officer named from the month's
 * officer KPIs, the officers of a month (an officer: itself), none before anything closed. */
static void officers_by_name(void **state)
{
    struct tn_app_fixture *f = *state;
    struct tn_unit_page p;
    tn_unit_page_init(&p);
    struct tn_unit_query q = query(TN_UNIT_SORT_CODE, 0, 3);
    assert_int_equal(tn_app_units(&f->app, &f->scope, &q, &p), TN_OK);
    assert_int_equal(p.n, 3);
    assert_string_equal(p.units[0].officer_code, "O1");
    assert_string_equal(p.officer_names[0], "Nguyễn Văn An");
    assert_string_equal(p.units[2].officer_code, "O2");
    assert_string_equal(p.officer_names[2], "Trần Thị Bình");
    tn_unit_page_release(&p);
    struct tn_unit_entry u;
    tn_period period = 0;
    char name[TN_NAME_BUFSZ];
    assert_int_equal(tn_app_unit(&f->app, &f->scope, "C", NULL, &u, &period), TN_OK);
    assert_int_equal(tn_app_unit_officer_name(&f->app, &u, period, NULL, name), TN_OK);
    assert_string_equal(name, "Trần Thị Bình");
    assert_int_equal(tn_app_unit_officer_name(&f->app, &u, -1, NULL, name), TN_OK);
    assert_string_equal(name, ""); /* nothing closed: the code alone */
    char got[512] = "";
    struct tn_sink sink = {officer_text, NULL, got};
    assert_int_equal(tn_app_officers(&f->app, &f->scope, 2025 * 12 + 7, NULL, &sink), TN_OK);
    assert_string_equal(got, "O1 Nguyễn Văn An []\nO2 Trần Thị Bình []\n");
    got[0] = '\0';
    struct tn_scope o2 = {NULL, "O2", TN_ROLE_OFFICER};
    assert_int_equal(tn_app_officers(&f->app, &o2, 2025 * 12 + 7, NULL, &sink), TN_OK);
    assert_string_equal(got, "O2 Trần Thị Bình []\n");
    got[0] = '\0';
    assert_int_equal(tn_app_officers(&f->app, &f->scope, 2025 * 12 + 5, NULL, &sink), TN_OK);
    assert_string_equal(got, ""); /* June: nothing closed */
}

/* A name of 197 characters (266 bytes in UTF-8) and a long address come back whole: no buffer
 * of 256 bytes cuts them inside a character (issue 17; text.h TN_NAME_BUFSZ). */
static void long_names_are_whole(void **state)
{
    struct tn_app_fixture *f = *state;
    static const char name[] = "Công ty Trách nhiệm Hữu hạn Một thành viên Sản xuất "
                               "Thương mại Dịch vụ Xuất nhập khẩu Nông sản Thực "
                               "phẩm và Đầu tư Xây dựng Phát triển Hạ tầng Khu công "
                               "nghiệp Đồng bằng Sông Cửu Long Việt Việt Việt";
    static const char address[] = "Lô số 12, đường Nguyễn Văn Linh, phường Tân Thuận "
                                  "Tây, Quận 7, Thành phố Hồ Chí Minh, gần cổng chính Khu "
                                  "chế xuất Tân Thuận, đối diện trụ sở Ủy ban nhân "
                                  "dân phường";
    tn_app_fixture_import(f, TN_IMPORT_UNITS, "long_names", NOW);
    struct tn_unit_entry u;
    tn_period period = 0;
    assert_int_equal(tn_app_unit(&f->app, &f->scope, "L", NULL, &u, &period), TN_OK);
    assert_int_equal(strlen(name), 266);
    assert_string_equal(u.name, name);
    assert_string_equal(u.address, address);
}

/* Text cut to fit is cut between characters, never inside one. */
static void text_copy_cuts_between_characters(void **state)
{
    (void)state;
    char buf[6];
    assert_int_equal(tn_text_copy(buf, sizeof buf, "Hải Âu"), 5); /* "Hải" is 5 bytes */
    assert_string_equal(buf, "Hải");
    assert_int_equal(tn_text_copy(buf, 4, "Hải"), 1); /* "ả" needs 3 bytes after "H" */
    assert_string_equal(buf, "H");
    assert_int_equal(tn_text_copy(buf, sizeof buf, "abc"), 3);
    assert_string_equal(buf, "abc");
    assert_int_equal(tn_text_copy(buf, 1, "abc"), 0);
    assert_string_equal(buf, "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(names_sort_in_vietnamese, setup, teardown),
        cmocka_unit_test_setup_teardown(debt_and_months_sort_with_the_balance, setup, teardown),
        cmocka_unit_test_setup_teardown(text_and_filters, setup, teardown),
        cmocka_unit_test_setup_teardown(bad_cursors_and_limits, setup, teardown),
        cmocka_unit_test_setup_teardown(one_unit, setup, teardown),
        cmocka_unit_test_setup_teardown(officers_by_name, setup, teardown),
        cmocka_unit_test_setup_teardown(long_names_are_whole, setup, teardown),
        cmocka_unit_test(text_copy_cuts_between_characters),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
