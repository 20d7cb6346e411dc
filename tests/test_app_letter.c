/*
 * test_app_letter.c - the letters and the meeting pack of the application layer (app.h
 * "letters", "packs"; src/app/app_letter*.c, app_pack.c), called directly on the hand-checked
 * province of tests/data/province (docs/golden.md) imported and closed July to November 2025
 * in the test: the reminder batch of November (A and B late, docs/letters.md), recorded in the
 * register and refused a second time, a unit in court left out, a C12-TS for one unit, a mass
 * letter from a template and a bad template, the refusals (no policy on the date, an unknown
 * unit), and the meeting pack's five sections.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "app_fixture.h"
#include "thuno/app.h"
#include "thuno/case_store.h"
#include "thuno/letter_rule.h"
#include "thuno/letters.h"

#define NOW "2025-12-01T00:00:00" /* every file known, every payment paid */

struct fixture {
    struct tn_app_fixture fx; /* store, policy, app */
    struct tn_letterhead lh;
};

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    *state = f;
    char path[1024], *problems = NULL;
    tn_app_fixture_open(&f->fx, "2025-12-05T09:00:00");
    tn_app_fixture_province(&f->fx, NOW);
    tn_app_fixture_import(&f->fx, TN_IMPORT_PAYMENTS, "province", NOW);
    for (int m = 7; m <= 11; m++) {
        char now[20];
        snprintf(now, sizeof now, "2025-12-01T0%d:00:00", m - 6);
        tn_app_fixture_close_period(&f->fx, 2025 * 12 + m - 1, now);
    }
    snprintf(path, sizeof path, "%s/letters/letterhead.txt", getenv("THUNO_TESTDATA"));
    if (tn_app_letterhead_load(path, NULL, &f->lh, &problems))
        fail_msg("letterhead: %s", problems);
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    tn_letterhead_release(&f->lh);
    tn_app_fixture_release(&f->fx);
    free(f);
    return 0;
}

static tn_day day(int y, int m, int d)
{
    tn_day out = 0;
    assert_int_equal(tn_day_make(y, m, d, &out), TN_OK);
    return out;
}

/* November's letters dated 2025-12-05, into the temporary file *out. */
static struct tn_letter_opts opts(struct fixture *f, FILE **out)
{
    *out = tmpfile();
    assert_non_null(*out);
    return (struct tn_letter_opts){.period = 2025 * 12 + 10,
                                   .date = day(2025, 12, 5),
                                   .letterhead = &f->lh,
                                   .dest = {*out, "letters.pdf", NULL}};
}

/* Something was written to f, and it is a PDF; closes f. */
static void is_pdf(FILE *f)
{
    char head[5] = "";
    rewind(f);
    assert_int_equal(fread(head, 1, 4, f), 4);
    assert_memory_equal(head, "%PDF", 4);
    fclose(f);
}

static const struct tn_scope every_unit = {NULL, NULL, TN_ROLE_ADMIN};

static void reminder_batch_recorded_once(void **state)
{
    struct fixture *f = *state;
    FILE *out;
    struct tn_letter_opts o = opts(f, &out);
    o.record = 1;
    o.actor = "qlt.an";
    struct tn_letter_result res;
    tn_letter_result_init(&res);
    assert_int_equal(tn_app_letter_reminder(&f->fx.app, &every_unit, &o, &res), TN_OK);
    /* A and B are late at the end of November, C is current (docs/letters.md) */
    assert_int_equal(res.letters, 2);
    assert_int_equal(res.nskipped, 0);
    assert_int_equal(res.late_day, 0); /* the 5th: within the first 10 days */
    assert_int_equal(res.nrecorded, 2);
    assert_string_equal(res.recorded[0].unit_code, "A");
    assert_string_equal(res.recorded[0].letter_no, "1/TB-BHXH");
    assert_string_equal(res.recorded[0].case_id, "HS-A-2025-11");
    assert_int_equal(res.recorded[0].event_seq, 1);
    assert_true(res.recorded[0].case_opened);
    assert_string_equal(res.recorded[1].unit_code, "B");
    assert_string_equal(res.recorded[1].letter_no, "2/TB-BHXH");
    is_pdf(out);
    tn_letter_result_release(&res);
    long n = 0;
    assert_int_equal(tn_store_reminder_count(f->fx.store, "B", 2025 * 12 + 10, &n), TN_OK);
    assert_int_equal(n, 1);

    /* again: already in the register, nothing written */
    o = opts(f, &out);
    o.record = 1;
    o.actor = "qlt.an";
    assert_int_equal(tn_app_letter_reminder(&f->fx.app, &every_unit, &o, &res), TN_ERR_REJECTED);
    assert_non_null(strstr(f->fx.app.why, "already in the register"));
    assert_int_equal(res.nrecorded, 0);
    fseek(out, 0, SEEK_END);
    assert_int_equal(ftell(out), 0);
    fclose(out);
    tn_letter_result_release(&res);

    /* numbers below the register's next are taken */
    o = opts(f, &out);
    o.record = 1;
    o.actor = "qlt.an";
    o.period = 2025 * 12 + 9;
    o.number_from = 1;
    assert_int_equal(tn_app_letter_reminder(&f->fx.app, &every_unit, &o, &res), TN_ERR_REJECTED);
    assert_non_null(strstr(f->fx.app.why, "numbers up to 2 of 2025"));
    fclose(out);
    tn_letter_result_release(&res);

    /* recording needs who records */
    o = opts(f, &out);
    o.record = 1;
    assert_int_equal(tn_app_letter_reminder(&f->fx.app, &every_unit, &o, &res), TN_ERR_USAGE);
    fclose(out);
    tn_letter_result_release(&res);
}

static void reminder_leaves_units_in_court(void **state)
{
    struct fixture *f = *state;
    struct tn_case_event_row ev;
    memset(&ev, 0, sizeof ev);
    snprintf(ev.case_id, sizeof ev.case_id, "HS-B");
    snprintf(ev.unit_code, sizeof ev.unit_code, "B");
    snprintf(ev.actor, sizeof ev.actor, "legal");
    ev.step = (struct tn_case_step){TN_CASE_EV_LAWSUIT_FILED, day(2025, 11, 20), 1000000,
                                    TN_CASE_OUT_NONE_GIVEN, ev.office};
    long seq;
    char why[384];
    assert_int_equal(
        tn_store_case_record(f->fx.store, &ev, "2025-11-20T10:00:00", &seq, why, sizeof why),
        TN_OK);
    FILE *out;
    struct tn_letter_opts o = opts(f, &out);
    o.date = day(2025, 12, 12);
    struct tn_letter_result res;
    tn_letter_result_init(&res);
    assert_int_equal(tn_app_letter_reminder(&f->fx.app, &every_unit, &o, &res), TN_OK);
    assert_int_equal(res.late_day, 12); /* Decree 274/2025: past the first 10 days */
    assert_int_equal(res.letters, 1);   /* A */
    assert_int_equal(res.nskipped, 1);
    assert_string_equal(res.skipped[0].unit_code, "B");
    assert_string_equal(res.skipped[0].case_id, "HS-B");
    assert_string_equal(res.skipped[0].state, "sued");
    assert_int_equal(res.nrecorded, 0);
    is_pdf(out);
    tn_letter_result_release(&res);

    /* B named alone is refused */
    o = opts(f, &out);
    o.unit = "B";
    assert_int_equal(tn_app_letter_reminder(&f->fx.app, &every_unit, &o, &res), TN_ERR_REJECTED);
    assert_non_null(strstr(f->fx.app.why, "B: case HS-B is sued"));
    fclose(out);
    tn_letter_result_release(&res);
}

static void reminder_refusals(void **state)
{
    struct fixture *f = *state;
    FILE *out;
    struct tn_letter_result res;
    tn_letter_result_init(&res);
    /* before the daily interest of Law 41 (2025-07-01): no term to quote */
    struct tn_letter_opts o = opts(f, &out);
    o.date = day(2025, 6, 30);
    assert_int_equal(tn_app_letter_reminder(&f->fx.app, &every_unit, &o, &res), TN_ERR_NO_POLICY);
    assert_non_null(strstr(f->fx.app.why, "no daily interest rule in policy/interest.csv on "
                                          "2025-06-30"));
    fclose(out);
    /* a unit the store does not know */
    o = opts(f, &out);
    o.unit = "ZZZ";
    assert_int_equal(tn_app_letter_reminder(&f->fx.app, &every_unit, &o, &res), TN_ERR_NOT_FOUND);
    assert_non_null(strstr(f->fx.app.why, "\"ZZZ\""));
    assert_int_equal(tn_app_letter_c12ts(&f->fx.app, &every_unit, &o, &res), TN_ERR_NOT_FOUND);
    fclose(out);
    /* an office no unit has */
    o = opts(f, &out);
    struct tn_scope nowhere = {"79009", NULL, TN_ROLE_ADMIN};
    assert_int_equal(tn_app_letter_c12ts(&f->fx.app, &nowhere, &o, &res), TN_ERR_NOT_FOUND);
    /* two destinations, or none */
    o.dest.dir = "/tmp";
    assert_int_equal(tn_app_letter_c12ts(&f->fx.app, &every_unit, &o, &res), TN_ERR_USAGE);
    o.letterhead = NULL;
    o.dest.dir = NULL;
    assert_int_equal(tn_app_letter_c12ts(&f->fx.app, &every_unit, &o, &res), TN_ERR_USAGE);
    fclose(out);
    tn_letter_result_release(&res);
}

static void c12ts_for_one_unit(void **state)
{
    struct fixture *f = *state;
    FILE *out;
    struct tn_letter_opts o = opts(f, &out);
    o.unit = "A";
    struct tn_letter_result res;
    tn_letter_result_init(&res);
    assert_int_equal(tn_app_letter_c12ts(&f->fx.app, &every_unit, &o, &res), TN_OK);
    assert_int_equal(res.letters, 1);
    is_pdf(out);
    o = opts(f, &out);
    assert_int_equal(tn_app_letter_c12ts(&f->fx.app, &every_unit, &o, &res), TN_OK);
    assert_int_equal(res.letters, 3); /* A, B and C have a balance in November */
    is_pdf(out);
    /* one file per unit in a directory the face names */
    char dir[] = "/tmp/test_app_letter.XXXXXX";
    assert_non_null(mkdtemp(dir));
    o = opts(f, &out);
    fclose(out);
    o.dest = (struct tn_letter_dest){NULL, NULL, dir};
    assert_int_equal(tn_app_letter_c12ts(&f->fx.app, &every_unit, &o, &res), TN_OK);
    assert_int_equal(res.letters, 3);
    for (const char *u = "ABC"; *u; u++) {
        char path[64];
        snprintf(path, sizeof path, "%s/%c.pdf", dir, *u);
        FILE *pdf = fopen(path, "rb");
        assert_non_null(pdf);
        is_pdf(pdf);
        assert_int_equal(remove(path), 0);
    }
    assert_int_equal(rmdir(dir), 0);
    tn_letter_result_release(&res);
}

static void mass_letter_from_a_template(void **state)
{
    struct fixture *f = *state;
    FILE *out;
    struct tn_letter_opts o = opts(f, &out);
    o.template_path = "notice.txt";
    o.template_text = "title: THÔNG BÁO\n"
                      "to: {unit_name}\n"
                      "---\n"
                      "Đơn vị còn nợ **{debt}** đến hết {period_vi}.\n";
    struct tn_letter_result res;
    tn_letter_result_init(&res);
    assert_int_equal(tn_app_letter_mass(&f->fx.app, &every_unit, &o, &res), TN_OK);
    assert_int_equal(res.letters, 3); /* every unit */
    is_pdf(out);
    o = opts(f, &out);
    o.template_path = "notice.txt";
    o.template_text = "title: THÔNG BÁO\n---\nNợ {debt}.\n";
    o.status = TN_LETTER_SEL_OWING;
    assert_int_equal(tn_app_letter_mass(&f->fx.app, &every_unit, &o, &res), TN_OK);
    assert_int_equal(res.letters, 2); /* A and B owe; C does not */
    is_pdf(out);
    /* a bad template: every problem, nothing written */
    o = opts(f, &out);
    o.template_path = "bad.txt";
    o.template_text = "title: {unit_id}\nsender: me\n---\nNợ {deadline}.\n";
    assert_int_equal(tn_app_letter_mass(&f->fx.app, &every_unit, &o, &res), TN_ERR_REJECTED);
    assert_non_null(res.problems);
    assert_non_null(strstr(res.problems, "bad.txt:1:8: unknown placeholder \"{unit_id}\""));
    assert_non_null(strstr(res.problems, "bad.txt:2:1: expected \"key: value\""));
    assert_non_null(strstr(res.problems, "bad.txt:4:4: unknown placeholder \"{deadline}\""));
    fseek(out, 0, SEEK_END);
    assert_int_equal(ftell(out), 0);
    fclose(out);
    tn_letter_result_release(&res);
}

/* Template lines of any length are whole; bytes that are not UTF-8 name their line and byte
 * (issue 17: a line over 2,047 bytes was split mid-character, invalid UTF-8 lost a paragraph). */
static void template_lines_and_bytes(void **state)
{
    (void)state;
    size_t n = 0, cap = 8192;
    char *t = malloc(cap);
    assert_non_null(t);
    n += (size_t)snprintf(t, cap, "title: THÔNG BÁO\n---\n");
    while (n < 5000)
        n += (size_t)snprintf(t + n, cap - n, "Đơn vị nợ {debt} ");
    n += (size_t)snprintf(t + n, cap - n, "\n");
    char *problems = NULL;
    assert_int_equal(tn_app_letter_template_check("long.txt", t, n, &problems), TN_OK);
    assert_null(problems);
    /* a bad placeholder at the end of the long line: its column counts characters */
    memcpy(t + n - 1, "{x}\n", 5);
    assert_int_equal(tn_app_letter_template_check("long.txt", t, n + 3, &problems),
                     TN_ERR_REJECTED);
    assert_non_null(strstr(problems, "long.txt:3:"));
    assert_non_null(strstr(problems, "unknown placeholder \"{x}\""));
    free(problems);
    free(t);
    static const struct {
        const char *text;
        size_t len;
        const char *want;
    } bad[] = {
#define T(s) s, sizeof s - 1
        {T("title: A\n---\nK\xednh g\xe1i\n"), "t.txt:3: byte 2: invalid UTF-8 (0xED)"},
        {T("title: A\n---\nab\0c\n"), "t.txt:3: byte 3: a NUL byte"},
        {T("title: \xc0\xaf\n---\nx\n"), "t.txt:1: byte 8: invalid UTF-8 (0xC0)"}, /* overlong */
        {T("title: A\n---\n\xed\xa0\x80\n"),
         "t.txt:3: byte 1: invalid UTF-8 (0xED)"},                                 /* surrogate */
        {T("title: A\n---\n\xe1\xba\n"), "t.txt:3: byte 1: invalid UTF-8 (0xE1)"}, /* cut short */
#undef T
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        problems = NULL;
        assert_int_equal(tn_app_letter_template_check("t.txt", bad[i].text, bad[i].len, &problems),
                         TN_ERR_REJECTED);
        if (!strstr(problems, bad[i].want))
            fail_msg("case %zu: %s", i, problems);
        free(problems);
    }
}

/* A sink counting the rows of each section. */
struct sections {
    int n;
    char heading[8][160];
    size_t ncols[8];
    int rows[8];
    int province_rows;         /* plan rows of scope "province" */
    int64_t province_debt;     /* its debt */
    int64_t ready_debt;        /* the proposed measures' debt of units ready */
    const struct tn_col *cols; /* the current section's */
    size_t ncur;
};

/* The index of column id in the current section. */
static size_t col(const struct sections *s, const char *id)
{
    for (size_t i = 0; i < s->ncur; i++)
        if (strcmp(s->cols[i].id, id) == 0)
            return i;
    fail_msg("no column %s", id);
    return 0;
}

static tn_err count_section(void *ctx, const char *heading, const struct tn_col *cols, size_t ncols)
{
    struct sections *s = ctx;
    assert_true(s->n < 8);
    snprintf(s->heading[s->n], sizeof s->heading[0], "%s", heading);
    s->ncols[s->n] = ncols;
    s->cols = cols;
    s->ncur = ncols;
    for (size_t i = 0; i < ncols; i++)
        assert_true(cols[i].vi[0] && cols[i].en[0]);
    s->n++;
    return TN_OK;
}

static tn_err count_row(void *ctx, const struct tn_cell *cells)
{
    struct sections *s = ctx;
    assert_true(s->n > 0);
    s->rows[s->n - 1]++;
    const struct tn_cell *scope = &cells[col(s, s->n == 1 ? "scope" : s->cols[0].id)];
    if (s->n == 1 && scope->type == TN_CELL_TEXT && strcmp(scope->text, "province") == 0) {
        s->province_rows++;
        s->province_debt = cells[col(s, "debt")].num;
    }
    if (s->n == 5)
        s->ready_debt += cells[col(s, "ready_debt")].num;
    return TN_OK;
}

static void meeting_pack_sections(void **state)
{
    struct fixture *f = *state;
    struct sections s;
    memset(&s, 0, sizeof s);
    struct tn_sink sink = {count_row, count_section, &s};
    assert_int_equal(tn_app_pack_meeting(&f->fx.app, &every_unit, 2025 * 12 + 10, NULL, &sink),
                     TN_OK);
    assert_int_equal(s.n, 5);
    assert_non_null(strstr(s.heading[0], "1. Kết quả thu so với kế hoạch"));
    assert_non_null(strstr(s.heading[4], "5. Đề xuất biện pháp tháng tới"));
    static const size_t ncols[] = {12, 7, 7, 6, 5};
    for (int i = 0; i < 5; i++)
        assert_int_equal(s.ncols[i], ncols[i]);
    /* the province of docs/golden.md in November: A in bucket 1-3, B in 3-6, C paid up; both
     * proposed a reminder, ready (tests/cli_office_commands.sh). The debt is what is past its
     * deadline (docs/ledger.md "Debt"): A 10,611,936 (November's 5,120,000 is due 12-31), B
     * 3,632,400 (a quarterly payer: October and November, 2,400,000, are due 01-31) */
    static const int rows[] = {4, 5, 0, 0, 1}; /* province, two departments, one office */
    for (int i = 0; i < 5; i++)
        assert_int_equal(s.rows[i], rows[i]);
    assert_int_equal(s.province_rows, 1);
    assert_int_equal(s.province_debt, 14244336);
    assert_int_equal(s.ready_debt, 14244336);
    /* a sink without sections cannot take a pack */
    struct tn_sink flat = {count_row, NULL, &s};
    assert_int_equal(tn_app_pack_meeting(&f->fx.app, &every_unit, 2025 * 12 + 10, NULL, &flat),
                     TN_ERR_USAGE);
}

/* The office settings every document header needs: agency, office, province; a missing one
 * is an error naming the file and the key, never a blank header. */
static void office_settings_checked(void **state)
{
    (void)state;
    static const struct {
        const char *agency, *office, *province, *missing; /* missing: NULL when complete */
    } cases[] = {
        {"BẢO HIỂM XÃ HỘI VIỆT NAM", "BẢO HIỂM XÃ HỘI TỈNH YÊN NAM", "Yên Nam", NULL},
        {"BẢO HIỂM XÃ HỘI VIỆT NAM", NULL, "Yên Nam", "office"},
        {"BẢO HIỂM XÃ HỘI VIỆT NAM", "", "Yên Nam", "office"}, /* blank is missing */
        {NULL, "BẢO HIỂM XÃ HỘI TỈNH YÊN NAM", "Yên Nam", "agency"},
        {"BẢO HIỂM XÃ HỘI VIỆT NAM", "BẢO HIỂM XÃ HỘI TỈNH YÊN NAM", NULL, "province"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct tn_letterhead lh = {0};
        lh.agency = (char *)cases[i].agency; /* borrowed: never released here */
        lh.office = (char *)cases[i].office;
        lh.province = (char *)cases[i].province;
        char why[512] = "";
        tn_err err = tn_letterhead_check(&lh, "settings/letterhead.txt", why, sizeof why);
        if (!cases[i].missing) {
            assert_int_equal(err, TN_OK);
            continue;
        }
        char want[64];
        snprintf(want, sizeof want, "settings/letterhead.txt: no \"%s\" setting", cases[i].missing);
        assert_int_equal(err, TN_ERR_NO_POLICY);
        assert_non_null(strstr(why, want));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(reminder_batch_recorded_once, setup, teardown),
        cmocka_unit_test_setup_teardown(reminder_leaves_units_in_court, setup, teardown),
        cmocka_unit_test_setup_teardown(reminder_refusals, setup, teardown),
        cmocka_unit_test_setup_teardown(c12ts_for_one_unit, setup, teardown),
        cmocka_unit_test_setup_teardown(mass_letter_from_a_template, setup, teardown),
        cmocka_unit_test(template_lines_and_bytes),
        cmocka_unit_test_setup_teardown(meeting_pack_sections, setup, teardown),
        cmocka_unit_test(office_settings_checked),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
