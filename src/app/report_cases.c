/*
 * report_cases.c - the case reports: litigation (seed 000's statistics per year of filing,
 * unit type or office), cases (the case list with its plan, next deadline and alerts) and
 * escalation (the monthly proposals of the ladder). Columns are data-formats.md's for
 * litigation, docs/cases.md's for the others.
 *
 * The litigation shares are core's percentages (percent.h: tn_percent_tenths, rounded half up
 * as seed 000 rounds); the plan status, the days overdue, the years open and the alerts
 * (case.h: tn_case_watch) are core's.
 */
#include "app_int.h"

#include <stdio.h>
#include <string.h>

#include "thuno/case_store.h"
#include "thuno/percent.h"
#include "thuno/policy.h"
#include "thuno/store.h"

/* clang-format off */
/* data-formats.md's columns, then the shares seed 000 reports (tenths of a percent) */
#define LIT_FIGURES(X, p)                                                                          \
    X(p, units_sued, COUNT, "Số đơn vị bị khởi kiện", "Units sued", 1)                             \
    X(p, amount_claimed, MONEY, "Số tiền khởi kiện", "Amount claimed", 1)                          \
    X(p, mediated_units, COUNT, "Số đơn vị hòa giải thành", "Units mediated", 1)                   \
    X(p, mediated_amount, MONEY, "Số tiền hòa giải thành", "Amount mediated", 1)                   \
    X(p, tried_units, COUNT, "Số đơn vị được xét xử", "Units tried", 1)                            \
    X(p, tried_amount, MONEY, "Số tiền theo bản án", "Amount tried", 1)                            \
    X(p, judgments_to_enforce, COUNT, "Số bản án, quyết định phải thi hành",                       \
      "Judgments to enforce", 1)                                                                   \
    X(p, enforced_full_units, COUNT, "Số đơn vị thi hành xong", "Units enforced in full", 1)       \
    X(p, enforced_partial_units, COUNT, "Số đơn vị thi hành một phần", "Units enforced in part",   \
      1)                                                                                           \
    X(p, recovered_mediation, MONEY, "Thu hồi sau hòa giải", "Recovered after mediation", 1)       \
    X(p, recovered_judgment, MONEY, "Thu hồi theo bản án", "Recovered on judgment", 1)             \
    X(p, recovered_enforcement, MONEY, "Thu hồi qua thi hành án", "Recovered by enforcement", 1)   \
    X(p, recovered_total, MONEY, "Tổng số tiền thu hồi", "Recovered in total", 1)                  \
    X(p, pending_units, COUNT, "Số đơn vị đang giải quyết", "Units pending", 1)                    \
    X(p, mediated_share, TENTHS, "Tỷ lệ hòa giải thành (%)", "Mediated share (%)", 0)              \
    X(p, tried_share, TENTHS, "Tỷ lệ xét xử (%)", "Tried share (%)", 0)                            \
    X(p, enforced_share, TENTHS, "Tỷ lệ thi hành án (%)", "Enforced share (%)", 0)                 \
    X(p, recovered_mediation_share, TENTHS, "Tỷ lệ số tiền thu qua hòa giải (%)",                  \
      "Recovered after mediation, share of claimed (%)", 0)                                        \
    X(p, recovered_trial_share, TENTHS, "Tỷ lệ số tiền thu qua xét xử (%)",                        \
      "Recovered after trial, share of claimed (%)", 0)                                            \
    X(p, recovered_share, TENTHS, "Tỷ lệ thu hồi (%)", "Recovered share (%)", 0)

/* the three litigation reports differ only in their first column, the key of the row */
#define LIT_COLS(X, p)                                                                             \
    X(p, year, TEXT, "Năm khởi kiện", "Year of filing", 0)                                         \
    LIT_FIGURES(X, p)
TN_COLUMNS(LIT, LIT_COLS);

#define LITT_COLS(X, p)                                                                            \
    X(p, type, TEXT, "Loại hình", "Unit type", 0)                                                  \
    LIT_FIGURES(X, p)
TN_COLUMNS(LITT, LITT_COLS);

#define LITO_COLS(X, p)                                                                            \
    X(p, office_code, TEXT, "Cơ quan BHXH", "Office", 0)                                           \
    LIT_FIGURES(X, p)
TN_COLUMNS(LITO, LITO_COLS);

#define CASE_COLS(X, p)                                                                            \
    X(p, case_id, TEXT, "Mã hồ sơ", "Case", 0)                                                     \
    X(p, unit_code, TEXT, "Mã đơn vị", "Unit code", 0)                                             \
    X(p, office_code, TEXT, "Cơ quan BHXH", "Office", 0)                                           \
    X(p, state, TEXT, "Trạng thái hồ sơ", "State", 0)                                              \
    X(p, opened, DATE, "Ngày lập hồ sơ", "Opened", 0)                                              \
    X(p, last_event, TEXT, "Sự kiện gần nhất", "Last event", 0)                                    \
    X(p, last_date, DATE, "Ngày sự kiện gần nhất", "Last event date", 0)                           \
    X(p, claimed, MONEY, "Số tiền khởi kiện", "Claimed", 1)                                        \
    X(p, settled, MONEY, "Số tiền hòa giải thành", "Settled", 1)                                   \
    X(p, awarded, MONEY, "Số tiền theo bản án", "Awarded", 1)                                      \
    X(p, recovered, MONEY, "Đã thu hồi", "Recovered", 1)                                           \
    X(p, plan_remainder, MONEY, "Còn phải trả theo kế hoạch", "Plan remainder", 1)                 \
    X(p, plan, TEXT, "Tình trạng kế hoạch trả nợ", "Plan status", 0)                               \
    X(p, next_date, DATE, "Hạn tiếp theo", "Next deadline", 0)                                     \
    X(p, next_by, TEXT, "Bên phải thực hiện", "Next by", 0)                                        \
    X(p, overdue_days, NUMBER, "Số ngày quá hạn", "Days overdue", 0)                               \
    X(p, years_open, TENTHS, "Số năm giải quyết", "Years open", 0)                                 \
    X(p, alert, TEXT, "Cảnh báo", "Alert", 0)
TN_COLUMNS(CASE, CASE_COLS);

#define ESC_COLS(X, p)                                                                             \
    X(p, unit_code, TEXT, "Mã đơn vị", "Unit code", 0)                                             \
    X(p, officer_code, TEXT, "Cán bộ chuyên quản", "Officer", 0)                                   \
    X(p, office_code, TEXT, "Cơ quan BHXH", "Office", 0)                                           \
    X(p, months_owed, TENTHS, "Số tháng nợ", "Months owed", 0)                                     \
    X(p, debt, MONEY, "Số nợ", "Debt", 1)                                                          \
    X(p, legal_status, TEXT, "Tình trạng pháp lý", "Legal status", 0)                              \
    X(p, workers, COUNT, "Số lao động", "Workers", 1)                                              \
    X(p, case_id, TEXT, "Mã hồ sơ", "Case", 0)                                                     \
    X(p, state, TEXT, "Trạng thái hồ sơ", "State", 0)                                              \
    X(p, next_step, TEXT, "Bước xử lý tiếp theo", "Next step", 0)                                  \
    X(p, ready, TEXT, "Đủ điều kiện", "Ready", 0)                                                  \
    X(p, waiting, TEXT, "Đang chờ", "Waiting for", 0)                                              \
    X(p, department, TEXT, "Phòng phụ trách", "Department", 0)                                     \
    X(p, document, TEXT, "Văn bản", "Document", 0)                                                 \
    X(p, fine_min, MONEY, "Mức phạt tối thiểu", "Minimum fine", 1)                                 \
    X(p, fine_max, MONEY, "Mức phạt tối đa", "Maximum fine", 1)                                    \
    X(p, fine_violation, TEXT, "Hành vi bị phạt", "Violation fined", 0)                            \
    X(p, fine_base, MONEY, "Căn cứ phạt BHXH + BHTN", "Fine base BHXH + BHTN", 0)                  \
    X(p, fine_bhyt_min, MONEY, "Mức phạt BHYT tối thiểu", "Minimum BHYT fine", 1)                  \
    X(p, fine_bhyt_max, MONEY, "Mức phạt BHYT tối đa", "Maximum BHYT fine", 1)                     \
    X(p, art216_clause, NUMBER, "Khoản Điều 216 Bộ luật Hình sự", "Criminal Code Art 216 clause",  \
      0)                                                                                           \
    X(p, art216_evaded, MONEY, "Số tiền trốn đóng (Điều 216)", "Evaded (Art 216)", 1)              \
    X(p, months_evaded, NUMBER, "Số tháng trốn đóng", "Months of evasion", 0)                      \
    X(p, art216_workers, COUNT, "Số NLĐ bị trốn đóng", "Workers evaded", 1)                        \
    X(p, art216_lines, TEXT, "Các kỳ căn cứ (Điều 216)", "Lines behind (Art 216)", 0)              \
    X(p, source, TEXT, "Căn cứ", "Source", 0)
TN_COLUMNS(ESC, ESC_COLS);
/* clang-format on */

/* a / b in tenths of a percent, rounded half up as seed 000 rounds (percent.h, core's one
 * percentage); -1 when b is 0 */
static int64_t share(int64_t a, int64_t b)
{
    return tn_percent_tenths(a, b);
}

/* The three litigation reports share one row layout: their key column first, then the same
 * figures (LIT_FIGURES), so LIT's indices serve them all. */
static tn_err litigation_row(void *ctx, const struct tn_litigation_row *r)
{
    const struct tn_sink *out = ctx;
    struct tn_cell c[LIT_NCOLS];
    c[LIT_year] = tn_cell_text(r->key);
    c[LIT_units_sued] = tn_cell_int(r->units_sued);
    c[LIT_amount_claimed] = tn_cell_int(r->amount_claimed);
    c[LIT_mediated_units] = tn_cell_int(r->mediated_units);
    c[LIT_mediated_amount] = tn_cell_int(r->mediated_amount);
    c[LIT_tried_units] = tn_cell_int(r->tried_units);
    c[LIT_tried_amount] = tn_cell_int(r->tried_amount);
    c[LIT_judgments_to_enforce] = tn_cell_int(r->judgments_to_enforce);
    c[LIT_enforced_full_units] = tn_cell_int(r->enforced_full_units);
    c[LIT_enforced_partial_units] = tn_cell_int(r->enforced_partial_units);
    c[LIT_recovered_mediation] = tn_cell_int(r->recovered_mediation);
    c[LIT_recovered_judgment] = tn_cell_int(r->recovered_judgment);
    c[LIT_recovered_enforcement] = tn_cell_int(r->recovered_enforcement);
    c[LIT_recovered_total] = tn_cell_int(r->recovered_total);
    c[LIT_pending_units] = tn_cell_int(r->pending_units);
    c[LIT_mediated_share] = tn_cell_tenths_or_null(share(r->mediated_units, r->units_sued));
    c[LIT_tried_share] = tn_cell_tenths_or_null(share(r->tried_units, r->units_sued));
    c[LIT_enforced_share] = tn_cell_tenths_or_null(
        share(r->enforced_full_units + r->enforced_partial_units, r->judgments_to_enforce));
    /* seed 000: money recovered through mediation (270 of 1,790 bn: 15%) and through trial,
     * the judgment paid or enforced (463.8 bn: 26%), over the money claimed */
    c[LIT_recovered_mediation_share] =
        tn_cell_tenths_or_null(share(r->recovered_mediation, r->amount_claimed));
    c[LIT_recovered_trial_share] = tn_cell_tenths_or_null(
        share(r->recovered_judgment + r->recovered_enforcement, r->amount_claimed));
    c[LIT_recovered_share] = tn_cell_tenths_or_null(share(r->recovered_total, r->amount_claimed));
    return out->row(out->ctx, c);
}

_Static_assert((int)LITT_NCOLS == (int)LIT_NCOLS && (int)LITO_NCOLS == (int)LIT_NCOLS,
               "the litigation reports share one row layout");

static tn_err litigation(struct tn_app *app, const struct tn_scope *scope,
                         const struct tn_report_params *p, const struct tn_sink *out,
                         enum tn_litigation_by by)
{
    return tn_store_litigation(app->store, scope->office, p->from, p->to, p->as_of, by,
                               litigation_row, (void *)out);
}

static tn_err run_litigation(struct tn_app *app, const struct tn_scope *scope,
                             const struct tn_report_params *p, const struct tn_sink *out)
{
    return litigation(app, scope, p, out, TN_LIT_YEAR);
}

static tn_err run_litigation_type(struct tn_app *app, const struct tn_scope *scope,
                                  const struct tn_report_params *p, const struct tn_sink *out)
{
    return litigation(app, scope, p, out, TN_LIT_TYPE);
}

static tn_err run_litigation_office(struct tn_app *app, const struct tn_scope *scope,
                                    const struct tn_report_params *p, const struct tn_sink *out)
{
    return litigation(app, scope, p, out, TN_LIT_OFFICE);
}

struct cases_ctx {
    const struct tn_sink *out;
    tn_day today;
};

static tn_err case_row(void *ctx, const struct tn_case_row *r)
{
    const struct cases_ctx *x = ctx;
    char opened[TN_DAY_BUFSZ], last[TN_DAY_BUFSZ], next[TN_DAY_BUFSZ], alert[300];
    tn_day_format(r->c.opened, opened);
    tn_day_format(r->c.last_day, last);
    struct tn_case_watch_in in = {&r->c,           !r->invalid[0],
                                  r->alert_status, r->has_plan ? &r->plan : NULL,
                                  r->deadline,     r->deadline_rule};
    struct tn_case_watch w;
    tn_case_watch(&in, x->today, &w);
    alert[0] = '\0';
    if (w.alert == TN_CASE_ALERT_NO_REPLAY)
        snprintf(alert, sizeof alert, "history does not replay: %s", r->invalid);
    else if (w.alert == TN_CASE_ALERT_UNIT_GONE)
        snprintf(alert, sizeof alert, "unit is %s while the case is open", r->unit_status);
    else if (w.alert == TN_CASE_ALERT_PLAN_MISSED)
        snprintf(alert, sizeof alert, "instalment missed: record plan_defaulted");
    struct tn_cell c[CASE_NCOLS];
    c[CASE_case_id] = tn_cell_text(r->case_id);
    c[CASE_unit_code] = tn_cell_text(r->unit_code);
    c[CASE_office_code] = tn_cell_text(r->office_code);
    c[CASE_state] = tn_cell_text(tn_case_state_name(r->c.state));
    c[CASE_opened] = tn_cell_text(opened);
    c[CASE_last_event] = tn_cell_text(tn_case_event_name(r->last_event));
    c[CASE_last_date] = tn_cell_text(last);
    /* a negative amount is one not known yet */
    c[CASE_claimed] = tn_cell_int_or_null(r->c.claimed);
    c[CASE_settled] = tn_cell_int_or_null(r->c.settled);
    c[CASE_awarded] = tn_cell_int_or_null(r->c.awarded);
    c[CASE_recovered] = tn_cell_int(r->recovered);
    c[CASE_plan_remainder] = r->has_plan ? tn_cell_int(r->plan.remainder) : tn_cell_null();
    c[CASE_plan] = tn_cell_text(w.plan);
    c[CASE_next_date] = tn_cell_null();
    if (r->deadline >= 0) {
        tn_day_format(r->deadline, next);
        c[CASE_next_date] = tn_cell_text(next);
    }
    c[CASE_next_by] = tn_cell_text(w.next_by);
    c[CASE_overdue_days] = tn_cell_int(w.overdue_days);
    c[CASE_years_open] = tn_cell_tenths(w.years_open_tenths);
    c[CASE_alert] = tn_cell_text(alert);
    return x->out->row(x->out->ctx, c);
}

static tn_err run_cases(struct tn_app *app, const struct tn_scope *scope,
                        const struct tn_report_params *p, const struct tn_sink *out)
{
    struct cases_ctx x = {out, 0};
    tn_err err = tn__app_report_day(app, p, &x.today);
    if (err)
        return tn__app_fail(app, err, "bad time %s", p->as_of ? p->as_of : app->now);
    return tn_store_cases(app->store, scope->office, app->policy, p->as_of ? p->as_of : app->now,
                          -1, case_row, &x);
}

static tn_err escalation_row(void *ctx, const struct tn_escalation_row *r)
{
    const struct tn_sink *out = ctx;
    struct tn_cell c[ESC_NCOLS];
    c[ESC_unit_code] = tn_cell_text(r->unit_code);
    c[ESC_officer_code] = tn_cell_text(r->officer_code);
    c[ESC_office_code] = tn_cell_text(r->office_code);
    c[ESC_months_owed] = tn_cell_tenths(r->months_owed_tenths);
    c[ESC_debt] = tn_cell_int(r->debt);
    c[ESC_legal_status] = tn_cell_text(r->legal_status);
    c[ESC_workers] = tn_cell_int(r->workers);
    c[ESC_case_id] = tn_cell_text(r->case_id);
    c[ESC_state] = tn_cell_text(tn_case_state_name(r->state));
    c[ESC_next_step] = tn_cell_text(r->next.step);
    c[ESC_ready] = tn_cell_text(r->next.ready ? "yes" : "no");
    c[ESC_waiting] = tn_cell_text(r->next.waiting);
    c[ESC_department] = tn_cell_text(r->next.department);
    c[ESC_document] = tn_cell_text(r->next.document);
    c[ESC_fine_min] = r->fine.rule ? tn_cell_int(r->fine.min) : tn_cell_null();
    c[ESC_fine_max] = r->fine.rule ? tn_cell_int(r->fine.max) : tn_cell_null();
    c[ESC_fine_violation] =
        r->fine.rule ? tn_cell_text(tn_fine_violation_name(r->fine_violation)) : tn_cell_null();
    c[ESC_fine_base] = r->fine.rule ? tn_cell_int(r->fine.payable) : tn_cell_null();
    c[ESC_fine_bhyt_min] = r->fine_bhyt.rule ? tn_cell_int(r->fine_bhyt.min) : tn_cell_null();
    c[ESC_fine_bhyt_max] = r->fine_bhyt.rule ? tn_cell_int(r->fine_bhyt.max) : tn_cell_null();
    c[ESC_art216_clause] = r->art216.clause ? tn_cell_int(r->art216.clause) : tn_cell_null();
    int counted = r->counts.nperiods > 0;
    c[ESC_art216_evaded] = counted ? tn_cell_int(r->counts.facts.evaded) : tn_cell_null();
    c[ESC_months_evaded] = counted ? tn_cell_int(r->counts.facts.months) : tn_cell_null();
    c[ESC_art216_workers] = counted ? tn_cell_int(r->counts.facts.workers) : tn_cell_null();
    c[ESC_art216_lines] = tn_cell_text(r->art216_lines);
    c[ESC_source] = tn_cell_text(r->next.source);
    return out->row(out->ctx, c);
}

static tn_err run_escalation(struct tn_app *app, const struct tn_scope *scope,
                             const struct tn_report_params *p, const struct tn_sink *out)
{
    return tn_store_escalation(app->store, scope->office, app->policy, p->period, p->as_of,
                               escalation_row, (void *)out);
}

#define COLS(p)       p##_cols, p##_NCOLS
#define RANGE_OFFICE  (TN_REPORT_RANGE | TN_REPORT_OFFICE | TN_REPORT_NO_SUM)
#define PERIOD_OFFICE (TN_REPORT_PERIOD | TN_REPORT_OFFICE)

static const struct tn_report reports[] = {
    {"litigation", "Thống kê khởi kiện và thi hành án / Litigation and enforcement statistics",
     "seed 000's statistics per year of filing (--from/--to bound the filing dates)", COLS(LIT),
     RANGE_OFFICE, run_litigation},
    {"litigation_by_type", "Thống kê khởi kiện theo loại hình / Litigation by unit type",
     "the litigation statistics per unit type", COLS(LITT), RANGE_OFFICE, run_litigation_type},
    {"litigation_by_office", "Thống kê khởi kiện theo cơ quan BHXH / Litigation by office",
     "the litigation statistics per office (district)", COLS(LITO), RANGE_OFFICE,
     run_litigation_office},
    {"cases", "Danh sách hồ sơ thu nợ / Debt cases",
     "every case with its state, amounts, recovery, plan, next deadline and alerts", COLS(CASE),
     TN_REPORT_OFFICE, run_cases},
    {"escalation", "Đề xuất bước xử lý tiếp theo / Proposed next steps",
     "the monthly run: each owing unit's next ladder step, ready or waiting, with fine range",
     COLS(ESC), PERIOD_OFFICE, run_escalation},
};

TN__REPORT_GROUP(tn__reports_cases, reports);
