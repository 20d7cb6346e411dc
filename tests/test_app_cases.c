/*
 * test_app_cases.c - the case and inspection areas of the application layer, called directly
 * on stores built here from tests/data: the litigation statistics and the case list on the
 * litigation province of tests/data/cases (figures derived by hand in docs/cases.md "The test
 * province"), the People's Committee tables and their pack on the hand-checked province with
 * the district offices of tests/data/inspections (docs/inspections.md "The test"), the
 * refusals (no period, no policy, an unknown office), and `inspection record`.
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
#include "thuno/policy.h"

/* ---- a sink that keeps rows as comma-joined text, sections as "# heading" lines ---- */

#define MAXLINES 64

struct rows {
    char line[MAXLINES][600];
    size_t n, ncols;
};

static void add_line(struct rows *x, const char *s)
{
    assert_true(x->n < MAXLINES);
    snprintf(x->line[x->n++], sizeof x->line[0], "%s", s);
}

static tn_err keep_row(void *ctx, const struct tn_cell *c)
{
    struct rows *x = ctx;
    char buf[600] = "", cell[300];
    for (size_t i = 0; i < x->ncols; i++) {
        switch (c[i].type) {
        case TN_CELL_NULL:
            cell[0] = '\0';
            break;
        case TN_CELL_TEXT:
            snprintf(cell, sizeof cell, "%s", c[i].text);
            break;
        case TN_CELL_INT:
            snprintf(cell, sizeof cell, "%lld", (long long)c[i].num);
            break;
        case TN_CELL_TENTHS:
            snprintf(cell, sizeof cell, "%lld.%lld", (long long)c[i].num / 10,
                     (long long)c[i].num % 10);
            break;
        }
        size_t len = strlen(buf);
        snprintf(buf + len, sizeof buf - len, "%s%s", i ? "," : "", cell);
    }
    add_line(x, buf);
    return TN_OK;
}

static tn_err keep_section(void *ctx, const char *heading, const struct tn_col *cols, size_t ncols)
{
    struct rows *x = ctx;
    char buf[600];
    snprintf(buf, sizeof buf, "# %s (%s...)", heading, cols[0].id);
    add_line(x, buf);
    x->ncols = ncols;
    return TN_OK;
}

/* Runs report name for scope with p into x (emptied first). */
static tn_err run(struct tn_app *app, const struct tn_scope *scope, const char *name,
                  const struct tn_report_params *p, struct rows *x)
{
    const struct tn_report *r = tn_app_report(name);
    assert_non_null(r);
    x->n = 0;
    x->ncols = r->ncols;
    struct tn_sink sink = {keep_row, keep_section, x};
    return tn_app_report_run(app, scope, r, p, &sink);
}

/* Whether x holds line. */
static int has(const struct rows *x, const char *line)
{
    for (size_t i = 0; i < x->n; i++)
        if (strcmp(x->line[i], line) == 0)
            return 1;
    return 0;
}

static void assert_has(const struct rows *x, const char *line)
{
    if (!has(x, line)) {
        for (size_t i = 0; i < x->n; i++)
            print_message("  %s\n", x->line[i]);
        fail_msg("no row \"%s\"", line);
    }
}

/* ---- stores built from tests/data ---- */

/* The litigation province: every event, plan and payment known on 2024-12-01, the day
 * tests/cli_cases.sh re-imports them all; the app's clock is that day. */
static int setup_cases(void **state)
{
    struct tn_app_fixture *f = tn_app_fixture_new("2024-12-01T12:00:00");
    *state = f;
    tn_app_fixture_litigation(f);
    return 0;
}

/* The hand-checked province closed July to November 2025 (every payment is dated before the
 * 28th of its month, so knowing them all at the closes changes no balance), then moved to the
 * district offices Q1 and H2 with B absconded, and the case events of tests/data/inspections. */
static int setup_province(void **state)
{
    struct tn_app_fixture *f = tn_app_fixture_new("2025-12-05T12:00:00");
    *state = f;
    tn_app_fixture_province(f, "2025-11-28T00:00:00");
    tn_app_fixture_import(f, TN_IMPORT_PAYMENTS, "province", "2025-11-28T00:00:00");
    for (tn_period p = 2025 * 12 + 6; p <= 2025 * 12 + 10; p++)
        tn_app_fixture_close_period(f, p, "2025-11-28T18:00:00");
    tn_app_fixture_import_update(f, TN_IMPORT_UNITS, "inspections", "2025-12-01T00:00:00");
    tn_app_fixture_import(f, TN_IMPORT_CASE_EVENTS, "inspections", "2025-12-05T00:00:00");
    return 0;
}

static int teardown(void **state)
{
    tn_app_fixture_free(*state);
    return 0;
}

static const struct tn_scope province = {NULL, NULL, TN_ROLE_ADMIN};

/* ---- litigation and cases ---- */

static void litigation_per_year(void **state)
{
    struct tn_app_fixture *f = *state;
    struct rows x;
    struct tn_report_params p;
    tn_report_params_init(&p);
    assert_int_equal(run(&f->app, &province, "litigation", &p, &x), TN_OK);
    /* docs/cases.md: per year of filing, then the total; the shares in tenths of a percent,
     * rounded half up (tn_percent_tenths), empty when nothing to divide by (2024 has no
     * judgment to enforce); seed 000's money shares: recovered after mediation and after
     * trial (judgment + enforcement) over claimed: 2021 90/300 = 30.0, 80/300 = 26.7,
     * 170/300 = 56.7 (rounded down 56.6); total 145/870 = 16.7, 115/870 = 13.2, 260/870 =
     * 29.9 */
    assert_int_equal(x.n, 5);
    assert_string_equal(x.line[0], "2021,2,300000000,1,90000000,1,180000000,1,0,1,90000000,"
                                   "20000000,60000000,170000000,0,50.0,50.0,100.0,30.0,26.7,56.7");
    assert_string_equal(x.line[3], "2024,1,100000000,1,60000000,0,0,0,0,0,30000000,0,0,30000000,"
                                   "1,100.0,0.0,,30.0,0.0,30.0");
    assert_string_equal(x.line[4], "total,6,870000000,3,200000000,2,295000000,3,0,1,145000000,"
                                   "20000000,95000000,260000000,3,50.0,33.3,33.3,16.7,13.2,29.9");

    /* the filing dates bound the statistics */
    assert_int_equal(tn_day_parse("2022-01-01", &p.from), TN_OK);
    assert_int_equal(tn_day_parse("2022-12-31", &p.to), TN_OK);
    assert_int_equal(run(&f->app, &province, "litigation", &p, &x), TN_OK);
    assert_int_equal(x.n, 2);
    assert_string_equal(x.line[0], "2022,2,130000000,1,50000000,1,80000000,2,0,0,25000000,0,0,"
                                   "25000000,2,50.0,50.0,0.0,19.2,0.0,19.2");

    /* the office D2's units only: the two cases of 2022 */
    tn_report_params_init(&p);
    struct tn_scope d2 = province;
    assert_int_equal(tn_app_scope_office(&f->app, "D2", &d2.office), TN_OK);
    assert_string_equal(d2.office, "D2");
    assert_int_equal(run(&f->app, &d2, "litigation", &p, &x), TN_OK);
    assert_int_equal(x.n, 2);
    assert_string_equal(x.line[1], "total,2,130000000,1,50000000,1,80000000,2,0,0,25000000,0,0,"
                                   "25000000,2,50.0,50.0,0.0,19.2,0.0,19.2");

    /* the same statistics per office: D1 and D2 add up to the province */
    assert_int_equal(run(&f->app, &province, "litigation_by_office", &p, &x), TN_OK);
    assert_has(&x, "D2,2,130000000,1,50000000,1,80000000,2,0,0,25000000,0,0,25000000,2,50.0,50.0,"
                   "0.0,19.2,0.0,19.2");
    assert_has(&x, "D1,4,740000000,2,150000000,1,215000000,1,0,1,120000000,20000000,95000000,"
                   "235000000,1,50.0,25.0,100.0,16.2,15.5,31.8");
}

static void cases_list(void **state)
{
    struct tn_app_fixture *f = *state;
    struct rows x;
    struct tn_report_params p;
    tn_report_params_init(&p);
    assert_int_equal(run(&f->app, &province, "cases", &p, &x), TN_OK);
    assert_int_equal(x.n, 8);
    /* closed: 2021-03-01 to 2021-12-20 is 294 days, 0.8 years; the plan paid in full */
    assert_string_equal(x.line[0], "HS-2021-01,U1,D1,closed,2021-03-01,closed,2021-12-20,"
                                   "100000000,90000000,,90000000,0,complete,,,0,0.8,");
    /* judged on the app's day 2024-12-01: the second instalment, due 2024-05-31 (deadline
     * 2024-06-01), unpaid: 183 days overdue, 326 days open = 0.8 years, and the alert */
    assert_string_equal(x.line[7], "HS-2024-01,U7,D1,mediated,2024-01-10,mediation_settled,"
                                   "2024-03-01,100000000,60000000,,30000000,30000000,defaulted,"
                                   "2024-06-01,unit,183,0.8,instalment missed: record "
                                   "plan_defaulted");
    /* as of a day before anything was known: no case */
    p.as_of = "2024-06-15T23:59:59";
    assert_int_equal(run(&f->app, &province, "cases", &p, &x), TN_OK);
    assert_int_equal(x.n, 0);
}

/* ---- the People's Committee tables and their pack ---- */

static const char *const pc_rows[] = {
    /* docs/inspections.md: the debt is what is past its deadline (docs/ledger.md "Debt"). B
     * pays quarterly: July-September (due 10-31) 3,600,000 and 32,400 of November's interest,
     * 3,632,400 / 1,200,000 = 302.7%; October and November (2,400,000) are due on 01-31. A:
     * August's 320,000 of truy thu, September and October 10,240,000 and 51,936 of interest,
     * 10,611,936 / 5,120,000 = 207.3%; November's 5,120,000 is due on 12-31 */
    "H2,cooperative,1,1,1200000,0,3632400,1,302.7,2400000",
    "Q1,private,1,2,5120000,0,10611936,1,207.3,5120000",
    "Q1,state,1,2,3840000,3840000,0,0,0.0,0",
};

static const char *const refusing_row =
    "B,Hợp tác xã Nông nghiệp Đồng Tâm,H2,cooperative,3.0,3632400,late,1,2025-09-15,"
    "owes_despite_reminders";
static const char *const evading_row =
    "A,Công ty TNHH Hải Âu,Q1,private,2.0,10611936,evading,1,2025-10-10,evading";
static const char *const measure_rows[] = {
    "B,Hợp tác xã Nông nghiệp Đồng Tâm,H2,forced_deduction,Ngân hàng, Kho bạc Nhà nước / banks, "
    "State Treasury,deduction_refused,2025-11-25,3.0,3632400",
    "B,Hợp tác xã Nông nghiệp Đồng Tâm,H2,licence_check,Cơ quan đăng ký kinh doanh / business "
    "registration office,status:absconded,2025-11-20,3.0,3632400",
};

static void pc_report_by_office(void **state)
{
    struct tn_app_fixture *f = *state;
    struct rows x;
    struct tn_report_params p;
    tn_report_params_init(&p);
    p.period = 2025 * 12 + 10;
    assert_int_equal(run(&f->app, &province, "pc_report", &p, &x), TN_OK);
    assert_int_equal(x.n, 3);
    for (size_t i = 0; i < 3; i++)
        assert_string_equal(x.line[i], pc_rows[i]);

    struct tn_scope q1 = province;
    assert_int_equal(tn_app_scope_office(&f->app, "Q1", &q1.office), TN_OK);
    assert_int_equal(run(&f->app, &q1, "pc_report", &p, &x), TN_OK);
    assert_int_equal(x.n, 2);
    assert_string_equal(x.line[0], pc_rows[1]);
    assert_string_equal(x.line[1], pc_rows[2]);

    /* no period: refused before anything is read */
    p.period = -1;
    assert_int_equal(run(&f->app, &province, "pc_report", &p, &x), TN_ERR_USAGE);
    assert_non_null(strstr(tn_app_why(&f->app, TN_ERR_USAGE), "period"));
    assert_int_equal(x.n, 0);
}

static tn_err pack(struct tn_app_fixture *f, const struct tn_scope *scope,
                   const struct tn_report_params *p, struct rows *x)
{
    x->n = 0;
    x->ncols = 0;
    struct tn_sink sink = {keep_row, keep_section, x};
    return tn_app_committee_pack(&f->app, scope, p, &sink);
}

static void committee_pack(void **state)
{
    struct tn_app_fixture *f = *state;
    struct rows x;
    struct tn_report_params p;
    tn_report_params_init(&p);
    p.period = 2025 * 12 + 10;
    assert_int_equal(pack(f, &province, &p, &x), TN_OK);
    /* three numbered sections, each the table of its report */
    assert_int_equal(x.n, 3 + 3 + 2 + 2);
    assert_string_equal(x.line[0], "# 1. Tình hình sử dụng lao động, đóng BHXH theo địa bàn và "
                                   "loại hình / Labour use and contributions by district and "
                                   "sector (office_code...)");
    for (size_t i = 0; i < 3; i++)
        assert_string_equal(x.line[1 + i], pc_rows[i]);
    assert_string_equal(x.line[4], "# 2. Đơn vị chây ỳ không đóng BHXH / Units that refuse to pay "
                                   "(unit_code...)");
    /* A is evading: its truy thu of August, an under-declared base, is unpaid past 10-01 */
    assert_string_equal(x.line[5], evading_row);
    assert_string_equal(x.line[6], refusing_row);
    assert_string_equal(x.line[7], "# 3. Đề nghị các ngành phối hợp xử lý / Measures requested "
                                   "from other agencies (unit_code...)");
    assert_string_equal(x.line[8], measure_rows[0]);
    assert_string_equal(x.line[9], measure_rows[1]);

    /* Q1 leaves B (H2) out of every section */
    struct tn_scope q1 = province;
    assert_int_equal(tn_app_scope_office(&f->app, "Q1", &q1.office), TN_OK);
    assert_int_equal(pack(f, &q1, &p, &x), TN_OK);
    assert_int_equal(x.n, 3 + 2 + 1);
    assert_false(has(&x, refusing_row));
    assert_true(has(&x, evading_row));

    /* an office no unit has */
    const char *office = NULL;
    assert_int_equal(tn_app_scope_office(&f->app, "79009", &office), TN_ERR_NOT_FOUND);
    assert_non_null(strstr(tn_app_why(&f->app, TN_ERR_NOT_FOUND), "no office \"79009\""));
}

static void committee_refusals(void **state)
{
    struct tn_app_fixture *f = *state;
    struct rows x;
    struct tn_report_params p;
    tn_report_params_init(&p);
    /* no period: nothing written */
    assert_int_equal(pack(f, &province, &p, &x), TN_ERR_USAGE);
    assert_non_null(strstr(tn_app_why(&f->app, TN_ERR_USAGE), "period"));
    assert_int_equal(x.n, 0);

    /* no inspection rule in the policy: the first table, then the refusal, never a default */
    struct tn_policy none;
    tn_policy_init(&none);
    struct tn_app bare;
    tn_app_init(&bare, f->store, &none, "2025-12-05T12:00:00", TN_LANG_VI);
    p.period = 2025 * 12 + 10;
    x.n = 0;
    struct tn_sink sink = {keep_row, keep_section, &x};
    assert_int_equal(tn_app_committee_pack(&bare, &province, &p, &sink), TN_ERR_NO_POLICY);
    assert_non_null(strstr(tn_app_why(&bare, TN_ERR_NO_POLICY), "policy/inspections.csv"));
    assert_int_equal(x.n, 1 + 3 + 1);
    tn_policy_release(&none);
}

/* ---- inspection record ---- */

static void inspection_record(void **state)
{
    struct tn_app_fixture *f = *state;
    struct tn_inspection_entry e = {.inspection_id = "TT-05",
                                    .unit_code = "C",
                                    .concluded_on = "2025-11-20",
                                    .decision_no = "3/KL-SNV",
                                    .body = "SNV",
                                    .amount_underdeclared = "800000",
                                    .workers_unregistered = "3",
                                    .remedy_by = "2025-12-20"};
    struct tn_import_report rep;
    tn_import_report_init(&rep);
    assert_int_equal(tn_app_inspection_record(&f->app, &province, &e, 0, &rep), TN_OK);
    assert_int_equal(rep.rows_new, 1);
    tn_import_report_release(&rep);
    assert_int_equal(tn_app_inspection_record(&f->app, &province, &e, 0, &rep), TN_OK);
    assert_int_equal(rep.rows_same, 1);
    tn_import_report_release(&rep);

    /* changed: refused without update, naming the column */
    e.remedy_by = "2025-11-25";
    assert_int_equal(tn_app_inspection_record(&f->app, &province, &e, 0, &rep), TN_ERR_REJECTED);
    assert_int_equal(rep.nerrors, 1);
    assert_string_equal(rep.errors[0].column, "remedy_by");
    assert_string_equal(rep.errors[0].file, "inspection record");
    tn_import_report_release(&rep);
    assert_int_equal(tn_app_inspection_record(&f->app, &province, &e, 1, &rep), TN_OK);
    assert_int_equal(rep.rows_changed, 1);
    tn_import_report_release(&rep);

    /* every bad cell, an unknown unit among them */
    struct tn_inspection_entry bad = {.inspection_id = "TT-06",
                                      .unit_code = "ZZ",
                                      .concluded_on = "2025-11-31",
                                      .body = "police",
                                      .amount_unpaid = "1,000",
                                      .remedy_by = "2025-12-01"};
    assert_int_equal(tn_app_inspection_record(&f->app, &province, &bad, 0, &rep), TN_ERR_REJECTED);
    assert_int_equal(rep.nerrors, 4);
    tn_import_report_release(&rep);

    /* the recorded conclusion is in the follow-up report */
    struct rows x;
    struct tn_report_params p;
    tn_report_params_init(&p);
    p.period = 2025 * 12 + 10;
    assert_int_equal(run(&f->app, &province, "inspections", &p, &x), TN_OK);
    int found = 0;
    for (size_t i = 0; i < x.n; i++)
        found += strncmp(x.line[i], "TT-05,C,Q1,2025-11-20,3/KL-SNV,SNV,", 35) == 0;
    assert_int_equal(found, 1);
}

int main(void)
{
    const struct CMUnitTest cases[] = {
        cmocka_unit_test(litigation_per_year),
        cmocka_unit_test(cases_list),
    };
    const struct CMUnitTest inspections[] = {
        cmocka_unit_test(pc_report_by_office),
        cmocka_unit_test(committee_pack),
        cmocka_unit_test(committee_refusals),
        cmocka_unit_test(inspection_record),
    };
    int failed = cmocka_run_group_tests_name("cases", cases, setup_cases, teardown);
    return failed +
           cmocka_run_group_tests_name("inspections", inspections, setup_province, teardown);
}
