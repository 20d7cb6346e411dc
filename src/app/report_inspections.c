/*
 * report_inspections.c - inspection follow-up and the lists sent to other agencies
 * (docs/inspections.md): inspections (recovery of each conclusion), inspection_referrals
 * (units to refer to the labour inspectorate, with the facts it needs), union_chairs (seed
 * 002), and the monthly report to the provincial People's Committee (seed 001) as three
 * tables: pc_report (labour use and contributions by district and sector), pc_refusing
 * (units that refuse to pay) and pc_measures (measures requested from other agencies). The
 * committee's document of the three (app_pack.c) runs the same reports.
 */
#include "app_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/inspection_store.h"
#include "thuno/mem.h"
#include "thuno/percent.h"
#include "thuno/store.h"

/* clang-format off */
#define INSP_COLS(X, p)                                                                            \
    X(p, inspection_id, TEXT, "Mã kết luận thanh tra", "Inspection", 0)                            \
    X(p, unit_code, TEXT, "Mã đơn vị", "Unit code", 0)                                             \
    X(p, office_code, TEXT, "Cơ quan BHXH", "Office", 0)                                           \
    X(p, concluded_on, DATE, "Ngày kết luận", "Concluded on", 0)                                   \
    X(p, decision_no, TEXT, "Số kết luận", "Decision no.", 0)                                      \
    X(p, body, TEXT, "Cơ quan thanh tra, kiểm tra", "Inspecting body", 0)                          \
    X(p, inspector, TEXT, "Người thanh tra", "Inspector", 0)                                       \
    X(p, amount_underdeclared, MONEY, "Số tiền đóng thiếu", "Under-declared", 1)                   \
    X(p, amount_unpaid, MONEY, "Số tiền chưa đóng", "Unpaid", 1)                                   \
    X(p, found, MONEY, "Tổng số phát hiện", "Found", 1)                                            \
    X(p, recovered, MONEY, "Đã thu hồi", "Recovered", 1)                                           \
    X(p, remaining, MONEY, "Còn phải thu hồi", "Remaining", 1)                                     \
    X(p, workers_unregistered, COUNT, "Lao động chưa đăng ký", "Workers unregistered", 1)          \
    X(p, fine_amount, MONEY, "Tiền phạt", "Fine", 1)                                               \
    X(p, remedy_by, DATE, "Hạn khắc phục", "Remedy by", 0)                                         \
    X(p, days_past_deadline, NUMBER, "Số ngày quá hạn", "Days past deadline", 0)                   \
    X(p, status, TEXT, "Tình trạng", "Status", 0)
TN_COLUMNS(INSP, INSP_COLS);

#define REF_COLS(X, p)                                                                             \
    X(p, unit_code, TEXT, "Mã đơn vị", "Unit code", 0)                                             \
    X(p, name, TEXT, "Tên đơn vị", "Name", 0)                                                      \
    X(p, tax_code, TEXT, "Mã số thuế", "Tax code", 0)                                              \
    X(p, office_code, TEXT, "Cơ quan BHXH", "Office", 0)                                           \
    X(p, type, TEXT, "Loại hình", "Type", 0)                                                       \
    X(p, status, TEXT, "Tình trạng hoạt động", "Status", 0)                                        \
    X(p, reasons, TEXT, "Lý do đề nghị thanh tra", "Reasons", 0)                                   \
    X(p, months_owed, TENTHS, "Số tháng nợ", "Months owed", 0)                                     \
    X(p, debt, MONEY, "Số nợ", "Debt", 1)                                                          \
    X(p, legal_status, TEXT, "Tình trạng pháp lý", "Legal status", 0)                              \
    X(p, oldest_unpaid_period, PERIOD, "Kỳ nợ cũ nhất", "Oldest unpaid period", 0)                 \
    X(p, workers_declared, COUNT, "Số lao động tham gia", "Workers declared", 1)                   \
    X(p, workers_reported, COUNT, "Số lao động báo cáo", "Workers reported", 1)                    \
    X(p, findings, COUNT, "Số trường hợp đóng thấp hơn lương tối thiểu vùng",                      \
      "Bases below the minimum wage", 1)                                                           \
    X(p, inspections, COUNT, "Số lần thanh tra, kiểm tra", "Inspections", 1)                       \
    X(p, last_inspection, DATE, "Ngày kết luận gần nhất", "Last inspection", 0)                    \
    X(p, inspections_overdue, COUNT, "Kết luận quá hạn khắc phục", "Inspections overdue", 1)       \
    X(p, reminders, COUNT, "Số văn bản đôn đốc", "Reminders", 1)                                   \
    X(p, last_reminder, DATE, "Ngày đôn đốc gần nhất", "Last reminder", 0)                         \
    X(p, case_events, COUNT, "Số sự kiện hồ sơ", "Case events", 1)                                 \
    X(p, last_event, TEXT, "Sự kiện gần nhất", "Last event", 0)                                    \
    X(p, last_event_date, DATE, "Ngày sự kiện gần nhất", "Last event date", 0)
TN_COLUMNS(REF, REF_COLS);

#define CHAIR_COLS(X, p)                                                                           \
    X(p, unit_code, TEXT, "Mã đơn vị", "Unit code", 0)                                             \
    X(p, name, TEXT, "Tên đơn vị", "Name", 0)                                                      \
    X(p, office_code, TEXT, "Cơ quan BHXH", "Office", 0)                                           \
    X(p, union_chair, TEXT, "Chủ tịch công đoàn", "Union chair", 0)                                \
    X(p, months_owed, TENTHS, "Số tháng nợ", "Months owed", 0)                                     \
    X(p, debt, MONEY, "Số nợ", "Debt", 1)                                                          \
    X(p, legal_status, TEXT, "Tình trạng pháp lý", "Legal status", 0)                              \
    X(p, workers, COUNT, "Số lao động", "Workers", 1)                                              \
    X(p, officer_code, TEXT, "Cán bộ chuyên quản", "Officer", 0)
TN_COLUMNS(CHAIR, CHAIR_COLS);

#define LAB_COLS(X, p)                                                                             \
    X(p, office_code, TEXT, "Cơ quan BHXH", "Office", 0)                                           \
    X(p, type, TEXT, "Loại hình", "Unit type", 0)                                                  \
    X(p, units, COUNT, "Số đơn vị", "Units", 1)                                                    \
    X(p, workers, COUNT, "Số lao động", "Workers", 1)                                              \
    X(p, assessed, MONEY, "Phải thu", "Assessed", 1)                                               \
    X(p, collected, MONEY, "Đã thu", "Collected", 1)                                               \
    X(p, debt, MONEY, "Số nợ", "Debt", 1)                                                          \
    X(p, units_in_debt, COUNT, "Số đơn vị nợ", "Units in debt", 1)                                 \
    X(p, debt_ratio, TENTHS, "Tỷ lệ nợ (%)", "Debt ratio (%)", 0)                                  \
    X(p, not_due, MONEY, "Phải nộp chưa đến hạn", "Assessed, not yet due", 1)
TN_COLUMNS(LAB, LAB_COLS);

#define REFU_COLS(X, p)                                                                            \
    X(p, unit_code, TEXT, "Mã đơn vị", "Unit code", 0)                                             \
    X(p, name, TEXT, "Tên đơn vị", "Name", 0)                                                      \
    X(p, office_code, TEXT, "Cơ quan BHXH", "Office", 0)                                           \
    X(p, type, TEXT, "Loại hình", "Type", 0)                                                       \
    X(p, months_owed, TENTHS, "Số tháng nợ", "Months owed", 0)                                     \
    X(p, debt, MONEY, "Số nợ", "Debt", 1)                                                          \
    X(p, legal_status, TEXT, "Tình trạng pháp lý", "Legal status", 0)                              \
    X(p, reminders, COUNT, "Số văn bản đôn đốc", "Reminders", 1)                                   \
    X(p, last_reminder, DATE, "Ngày đôn đốc gần nhất", "Last reminder", 0)                         \
    X(p, reason, TEXT, "Lý do", "Reason", 0)
TN_COLUMNS(REFU, REFU_COLS);

#define MEAS_COLS(X, p)                                                                            \
    X(p, unit_code, TEXT, "Mã đơn vị", "Unit code", 0)                                             \
    X(p, name, TEXT, "Tên đơn vị", "Name", 0)                                                      \
    X(p, office_code, TEXT, "Cơ quan BHXH", "Office", 0)                                           \
    X(p, measure, TEXT, "Biện pháp đề nghị", "Measure", 0)                                         \
    X(p, agency, TEXT, "Cơ quan phối hợp", "Agency", 0)                                            \
    X(p, basis, TEXT, "Căn cứ", "Basis", 0)                                                        \
    X(p, basis_date, DATE, "Ngày của căn cứ", "Basis date", 0)                                     \
    X(p, months_owed, TENTHS, "Số tháng nợ", "Months owed", 0)                                     \
    X(p, debt, MONEY, "Số nợ", "Debt", 1)
TN_COLUMNS(MEAS, MEAS_COLS);
/* clang-format on */

/* A row into out, with every empty text cell made NULL (no value), as the other reports
 * write it. */
static tn_err put(const struct tn_sink *out, struct tn_cell *c, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (c[i].type == TN_CELL_TEXT && !c[i].text[0])
            c[i].type = TN_CELL_NULL;
    return out->row(out->ctx, c);
}

static void period_text(tn_period p, char buf[static TN_PERIOD_BUFSZ])
{
    if (p < 0 || tn_period_format(p, buf))
        buf[0] = '\0';
}

/* The rule of policy/inspections.csv in force on the period's last day. Errors:
 * TN_ERR_NO_POLICY (why says so). */
static tn_err load_rule(struct tn_app *app, tn_period period, const struct tn_inspection_rule **out)
{
    tn_err err = tn_policy_inspection_rule(app->policy, tn_period_last_day(period), out);
    if (err)
        return tn__app_fail(app, err, "no rule in policy/inspections.csv for this period");
    return TN_OK;
}

/* ---- inspections ---- */

static tn_err inspection_row(void *ctx, const struct tn_inspection_row *r)
{
    struct tn_cell c[INSP_NCOLS];
    c[INSP_inspection_id] = tn_cell_text(r->inspection_id);
    c[INSP_unit_code] = tn_cell_text(r->unit_code);
    c[INSP_office_code] = tn_cell_text(r->office_code);
    c[INSP_concluded_on] = tn_cell_text(r->concluded_on);
    c[INSP_decision_no] = tn_cell_text(r->decision_no);
    c[INSP_body] = tn_cell_text(r->body);
    c[INSP_inspector] = tn_cell_text(r->inspector);
    c[INSP_amount_underdeclared] = tn_cell_int(r->underdeclared);
    c[INSP_amount_unpaid] = tn_cell_int(r->unpaid);
    c[INSP_found] = tn_cell_int(r->found);
    c[INSP_recovered] = tn_cell_int(r->recovered);
    c[INSP_remaining] = tn_cell_int(r->remaining);
    c[INSP_workers_unregistered] = tn_cell_int(r->workers_unregistered);
    c[INSP_fine_amount] = tn_cell_int(r->fine);
    c[INSP_remedy_by] = tn_cell_text(r->remedy_by);
    c[INSP_days_past_deadline] = tn_cell_int(r->days_past);
    c[INSP_status] = tn_cell_text(tn_inspection_status_name(r->status));
    return put(ctx, c, INSP_NCOLS);
}

static tn_err run_inspections(struct tn_app *app, const struct tn_scope *scope,
                              const struct tn_report_params *p, const struct tn_sink *out)
{
    return tn_store_inspections(app->store, scope->office, tn_period_last_day(p->period), p->as_of,
                                inspection_row, (void *)out);
}

/* ---- inspection_referrals ---- */

/* What the unit's conclusions say on the report day. */
struct insp_summary {
    char unit_code[32];
    long count, overdue;
    char last[TN_DAY_BUFSZ];
};

struct summaries {
    struct insp_summary *v;
    size_t n, cap;
};

static tn_err summarize(void *ctx, const struct tn_inspection_row *r)
{
    struct summaries *x = ctx;
    if (!x->n || strcmp(x->v[x->n - 1].unit_code, r->unit_code) != 0) {
        TN_GROW(x->v, x->cap, x->n + 1);
        memset(&x->v[x->n], 0, sizeof x->v[0]);
        snprintf(x->v[x->n++].unit_code, sizeof x->v[0].unit_code, "%s", r->unit_code);
    }
    struct insp_summary *u = &x->v[x->n - 1];
    u->count++;
    u->overdue += r->status == TN_INSP_OVERDUE;
    snprintf(u->last, sizeof u->last, "%s", r->concluded_on); /* rows in date order */
    return TN_OK;
}

static int by_unit(const void *a, const void *b)
{
    return strcmp(((const struct insp_summary *)a)->unit_code,
                  ((const struct insp_summary *)b)->unit_code);
}

struct referral_ctx {
    const struct tn_sink *out;
    const struct tn_inspection_rule *rule;
    struct summaries insp;
};

static tn_err referral_row(void *ctx, const struct tn_inspection_facts *f)
{
    const struct referral_ctx *x = ctx;
    struct insp_summary key = {0}, none = {0};
    snprintf(key.unit_code, sizeof key.unit_code, "%s", f->unit_code);
    const struct insp_summary *u =
        x->insp.n ? bsearch(&key, x->insp.v, x->insp.n, sizeof key, by_unit) : NULL;
    if (!u)
        u = &none;
    struct tn_referral_facts rf = {f->months_owed_tenths,
                                   strcmp(f->legal_status, "evading") == 0,
                                   f->workers,
                                   f->reported,
                                   f->findings,
                                   u->overdue};
    unsigned why = tn_inspection_referral(x->rule, &rf);
    if (!why)
        return TN_OK;
    char reasons[128], oldest[TN_PERIOD_BUFSZ];
    tn_inspection_referral_names(why, reasons, sizeof reasons);
    period_text(f->oldest_unpaid, oldest);
    struct tn_cell c[REF_NCOLS];
    c[REF_unit_code] = tn_cell_text(f->unit_code);
    c[REF_name] = tn_cell_text(f->name);
    c[REF_tax_code] = tn_cell_text(f->tax_code);
    c[REF_office_code] = tn_cell_text(f->office_code);
    c[REF_type] = tn_cell_text(f->type);
    c[REF_status] = tn_cell_text(f->status);
    c[REF_reasons] = tn_cell_text(reasons);
    c[REF_months_owed] = tn_cell_tenths(f->months_owed_tenths);
    c[REF_debt] = tn_cell_int(f->debt);
    c[REF_legal_status] = tn_cell_text(f->legal_status);
    c[REF_oldest_unpaid_period] = tn_cell_text(oldest);
    c[REF_workers_declared] = tn_cell_int(f->workers);
    /* no registry line for the unit's tax code: nothing reported */
    c[REF_workers_reported] = tn_cell_int_or_null(f->reported);
    c[REF_findings] = tn_cell_int(f->findings);
    c[REF_inspections] = tn_cell_int(u->count);
    c[REF_last_inspection] = tn_cell_text(u->last);
    c[REF_inspections_overdue] = tn_cell_int(u->overdue);
    c[REF_reminders] = tn_cell_int(f->reminders);
    c[REF_last_reminder] = tn_cell_text(f->last_reminder);
    c[REF_case_events] = tn_cell_int(f->case_events);
    c[REF_last_event] = tn_cell_text(f->last_event);
    c[REF_last_event_date] = tn_cell_text(f->last_event_date);
    return put(x->out, c, REF_NCOLS);
}

static tn_err run_referrals(struct tn_app *app, const struct tn_scope *scope,
                            const struct tn_report_params *p, const struct tn_sink *out)
{
    struct referral_ctx x = {out, NULL, {0}};
    tn_err err = load_rule(app, p->period, &x.rule);
    if (!err)
        err = tn_store_inspections(app->store, scope->office, tn_period_last_day(p->period),
                                   p->as_of, summarize, &x.insp);
    if (!err) {
        tn_sort(x.insp.v, x.insp.n, sizeof x.insp.v[0], by_unit);
        err = tn_store_unit_facts(app->store, scope->office, p->period, p->as_of, referral_row, &x);
    }
    free(x.insp.v);
    return err;
}

/* ---- union_chairs, pc_refusing, pc_measures: selections of the unit facts ---- */

enum facts_list { LIST_CHAIRS, LIST_REFUSING, LIST_MEASURES };

struct facts_ctx {
    const struct tn_sink *out;
    const struct tn_inspection_rule *rule;
    enum facts_list list;
};

/* One measures row: the unit's figures with the measure, the agency asked and its basis. */
static tn_err measure_row(const struct facts_ctx *x, const struct tn_inspection_facts *f,
                          const char *measure, const char *agency, const char *basis,
                          const char *basis_date)
{
    struct tn_cell c[MEAS_NCOLS];
    c[MEAS_unit_code] = tn_cell_text(f->unit_code);
    c[MEAS_name] = tn_cell_text(f->name);
    c[MEAS_office_code] = tn_cell_text(f->office_code);
    c[MEAS_measure] = tn_cell_text(measure);
    c[MEAS_agency] = tn_cell_text(agency);
    c[MEAS_basis] = tn_cell_text(basis);
    c[MEAS_basis_date] = tn_cell_text(basis_date);
    c[MEAS_months_owed] = tn_cell_tenths(f->months_owed_tenths);
    c[MEAS_debt] = tn_cell_int(f->debt);
    return put(x->out, c, MEAS_NCOLS);
}

static tn_err measures(const struct facts_ctx *x, const struct tn_inspection_facts *f)
{
    /* seed 001: the People's Committee asks banks and the State Treasury to deduct from the
     * unit's account (Decree 135/2007/NĐ-CP; Law 41/2024/QH15 forced deduction), and the
     * business registration office to check the licence of units that cannot be reached */
    int deduct = f->deduction_event[0] != '\0';
    int licence = strcmp(f->status, "absconded") == 0 || strcmp(f->status, "suspended") == 0;
    tn_err err = TN_OK;
    if (deduct)
        err = measure_row(x, f, "forced_deduction",
                          "Ngân hàng, Kho bạc Nhà nước / banks, State Treasury", f->deduction_event,
                          f->deduction_date);
    if (!err && licence) {
        char basis[32];
        snprintf(basis, sizeof basis, "status:%s", f->status);
        err = measure_row(x, f, "licence_check",
                          "Cơ quan đăng ký kinh doanh / business registration office", basis,
                          f->status_since);
    }
    return err;
}

static tn_err chair_row(const struct facts_ctx *x, const struct tn_inspection_facts *f)
{
    if (f->months_owed_tenths < x->rule->chair_months_tenths)
        return TN_OK;
    struct tn_cell c[CHAIR_NCOLS];
    c[CHAIR_unit_code] = tn_cell_text(f->unit_code);
    c[CHAIR_name] = tn_cell_text(f->name);
    c[CHAIR_office_code] = tn_cell_text(f->office_code);
    c[CHAIR_union_chair] = tn_cell_text(f->union_chair);
    c[CHAIR_months_owed] = tn_cell_tenths(f->months_owed_tenths);
    c[CHAIR_debt] = tn_cell_int(f->debt);
    c[CHAIR_legal_status] = tn_cell_text(f->legal_status);
    c[CHAIR_workers] = tn_cell_int(f->workers);
    c[CHAIR_officer_code] = tn_cell_text(f->officer_code);
    return put(x->out, c, CHAIR_NCOLS);
}

static tn_err refusing_row(const struct facts_ctx *x, const struct tn_inspection_facts *f)
{
    const char *why = tn_inspection_refuses(x->rule, f->months_owed_tenths,
                                            strcmp(f->legal_status, "evading") == 0, f->reminders);
    if (!why)
        return TN_OK;
    struct tn_cell c[REFU_NCOLS];
    c[REFU_unit_code] = tn_cell_text(f->unit_code);
    c[REFU_name] = tn_cell_text(f->name);
    c[REFU_office_code] = tn_cell_text(f->office_code);
    c[REFU_type] = tn_cell_text(f->type);
    c[REFU_months_owed] = tn_cell_tenths(f->months_owed_tenths);
    c[REFU_debt] = tn_cell_int(f->debt);
    c[REFU_legal_status] = tn_cell_text(f->legal_status);
    c[REFU_reminders] = tn_cell_int(f->reminders);
    c[REFU_last_reminder] = tn_cell_text(f->last_reminder);
    c[REFU_reason] = tn_cell_text(why);
    return put(x->out, c, REFU_NCOLS);
}

static tn_err facts_row(void *ctx, const struct tn_inspection_facts *f)
{
    const struct facts_ctx *x = ctx;
    if (f->principal_overdue <= 0)
        return TN_OK; /* every list is of units in debt: principal past its deadline */
    switch (x->list) {
    case LIST_MEASURES:
        return measures(x, f);
    case LIST_CHAIRS:
        return chair_row(x, f);
    case LIST_REFUSING:
        break;
    }
    return refusing_row(x, f);
}

static tn_err run_facts(struct tn_app *app, const struct tn_scope *scope,
                        const struct tn_report_params *p, const struct tn_sink *out,
                        enum facts_list list)
{
    struct facts_ctx x = {out, NULL, list};
    tn_err err = load_rule(app, p->period, &x.rule);
    if (!err)
        err = tn_store_unit_facts(app->store, scope->office, p->period, p->as_of, facts_row, &x);
    return err;
}

static tn_err run_union_chairs(struct tn_app *app, const struct tn_scope *scope,
                               const struct tn_report_params *p, const struct tn_sink *out)
{
    return run_facts(app, scope, p, out, LIST_CHAIRS);
}

static tn_err run_pc_refusing(struct tn_app *app, const struct tn_scope *scope,
                              const struct tn_report_params *p, const struct tn_sink *out)
{
    return run_facts(app, scope, p, out, LIST_REFUSING);
}

static tn_err run_pc_measures(struct tn_app *app, const struct tn_scope *scope,
                              const struct tn_report_params *p, const struct tn_sink *out)
{
    return run_facts(app, scope, p, out, LIST_MEASURES);
}

/* ---- pc_report: labour use and contributions by district and sector ---- */

static tn_err labour_row(void *ctx, const struct tn_labour_row *r)
{
    struct tn_cell c[LAB_NCOLS];
    c[LAB_office_code] = tn_cell_text(r->office_code);
    c[LAB_type] = tn_cell_text(r->type);
    c[LAB_units] = tn_cell_int(r->units);
    c[LAB_workers] = tn_cell_int(r->workers);
    c[LAB_assessed] = tn_cell_int(r->assessed);
    c[LAB_collected] = tn_cell_int(r->collected);
    c[LAB_debt] = tn_cell_int(r->debt);
    c[LAB_units_in_debt] = tn_cell_int(r->units_in_debt);
    /* nothing assessed: no ratio */
    c[LAB_debt_ratio] =
        r->assessed > 0 ? tn_cell_tenths(tn_percent_tenths(r->debt, r->assessed)) : tn_cell_null();
    c[LAB_not_due] = tn_cell_int(r->not_due);
    return put(ctx, c, LAB_NCOLS);
}

static tn_err run_pc_report(struct tn_app *app, const struct tn_scope *scope,
                            const struct tn_report_params *p, const struct tn_sink *out)
{
    return tn_store_labour(app->store, scope->office, p->period, p->as_of, labour_row, (void *)out);
}

#define COLS(p)       p##_cols, p##_NCOLS
#define PERIOD_OFFICE (TN_REPORT_PERIOD | TN_REPORT_OFFICE)

static const struct tn_report reports[] = {
    {"inspections", "Theo dõi kết luận thanh tra, kiểm tra / Inspection follow-up",
     "each inspection conclusion: found, recovered since, remaining, deadline, status", COLS(INSP),
     PERIOD_OFFICE, run_inspections},
    {"inspection_referrals",
     "Đơn vị đề nghị Sở LĐTBXH thanh tra / Units to refer to the labour inspectorate",
     "units to refer for inspection (policy/inspections.csv) with the facts inspectors need",
     COLS(REF), PERIOD_OFFICE, run_referrals},
    {"union_chairs", "Chủ tịch công đoàn đơn vị nợ cần mời / Union chairs of debtor units",
     "debtor units owing the threshold or more, with their trade-union chair (seed 002)",
     COLS(CHAIR), PERIOD_OFFICE, run_union_chairs},
    {"pc_report",
     "Báo cáo UBND tỉnh: sử dụng lao động và đóng BHXH / Labour and contributions by district "
     "and sector",
     "seed 001 report, part 1: units, workers, assessed, collected, debt by office and type",
     COLS(LAB), PERIOD_OFFICE, run_pc_report},
    {"pc_refusing", "Báo cáo UBND tỉnh: đơn vị chây ỳ / Units that refuse to pay",
     "seed 001 report, part 2: evading units and units owing despite reminders", COLS(REFU),
     PERIOD_OFFICE, run_pc_refusing},
    {"pc_measures",
     "Báo cáo UBND tỉnh: biện pháp đề nghị các ngành / Measures requested from other agencies",
     "seed 001 report, part 3: forced deductions via banks/Treasury, licence checks", COLS(MEAS),
     PERIOD_OFFICE, run_pc_measures},
};

TN__REPORT_GROUP(tn__reports_inspections, reports);
