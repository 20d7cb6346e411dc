/*
 * report_ledger.c - the reports read straight from the ledger's balances: balances, findings,
 * suspense, card locks and handover crossings, the KPIs, debtors, award eligibility and the
 * non-participants (data-formats.md "Outputs"; docs/operations.md, docs/lists.md).
 */
#include "app_int.h"

#include "thuno/aging.h"
#include "thuno/app_user.h"
#include "thuno/operations.h"
#include "thuno/policy.h"
#include "thuno/report.h"

/* clang-format off */
#define BAL_COLS(X, p)                                                                             \
    X(p, unit_code, TEXT, "Mã đơn vị", "Unit code", 0)                                             \
    X(p, period, PERIOD, "Kỳ", "Period", 0)                                                        \
    X(p, opening, MONEY, "Số đầu kỳ", "Opening", 1)                                                \
    X(p, assessed, MONEY, "Phải đóng trong kỳ", "Assessed", 1)                                     \
    X(p, adjustment, MONEY, "Điều chỉnh", "Adjustment", 1)                                         \
    X(p, interest, MONEY, "Lãi chậm đóng", "Interest", 1)                                          \
    X(p, paid, MONEY, "Đã đóng", "Paid", 1)                                                        \
    X(p, closing, MONEY, "Số cuối kỳ", "Closing", 1)                                               \
    X(p, principal_due, MONEY, "Gốc còn phải nộp", "Principal outstanding", 1)                     \
    X(p, interest_due, MONEY, "Nợ lãi", "Interest due", 1)                                         \
    X(p, months_owed, TENTHS, "Số tháng nợ", "Months owed", 0)                                     \
    X(p, bucket, TEXT, "Nhóm tuổi nợ", "Age bucket", 0)                                            \
    X(p, oldest_unpaid_period, PERIOD, "Kỳ nợ cũ nhất", "Oldest unpaid period", 0)                 \
    X(p, legal_status, TEXT, "Tình trạng pháp lý", "Legal status", 0)                              \
    X(p, debt, MONEY, "Nợ (quá hạn)", "Debt (past due)", 1)                                        \
    X(p, not_due, MONEY, "Phải nộp chưa đến hạn", "Assessed, not yet due", 1)
TN_COLUMNS(BAL, BAL_COLS);

#define FIND_COLS(X, p)                                                                            \
    X(p, unit_code, TEXT, "Mã đơn vị", "Unit code", 0)                                             \
    X(p, bhxh_code, TEXT, "Mã số BHXH", "Social insurance number", 0)                              \
    X(p, period, PERIOD, "Kỳ", "Period", 0)                                                        \
    X(p, declared_base, MONEY, "Tiền lương đóng", "Declared base", 0)                              \
    X(p, regional_min_wage, MONEY, "Lương tối thiểu vùng", "Regional minimum wage", 0)             \
    X(p, shortfall, MONEY, "Chênh lệch", "Shortfall", 1)
TN_COLUMNS(FIND, FIND_COLS);

#define SUS_COLS(X, p)                                                                             \
    X(p, txn_id, TEXT, "Mã giao dịch", "Transaction", 0)                                           \
    X(p, paid_on, DATE, "Ngày nộp", "Paid on", 0)                                                  \
    X(p, amount, MONEY, "Số tiền", "Amount", 1)                                                    \
    X(p, channel, TEXT, "Kênh nộp", "Channel", 0)                                                  \
    X(p, unit_code, TEXT, "Mã đơn vị ghi trên chứng từ", "Unit code as written", 0)                \
    X(p, memo, TEXT, "Nội dung chuyển tiền", "Transfer memo", 0)                                   \
    X(p, reason, TEXT, "Lý do", "Reason", 0)
TN_COLUMNS(SUS, SUS_COLS);

#define LOCK_COLS(X, p)                                                                            \
    X(p, unit_code, TEXT, "Mã đơn vị", "Unit code", 0)                                             \
    X(p, action, TEXT, "Khóa/mở", "Action", 0)                                                     \
    X(p, months_owed, TENTHS, "Số tháng nợ", "Months owed", 0)                                     \
    X(p, workers, COUNT, "Số lao động", "Workers", 1)                                              \
    X(p, department, TEXT, "Phòng phụ trách", "Department", 0)
TN_COLUMNS(LOCK, LOCK_COLS);

#define HAND_COLS(X, p)                                                                            \
    X(p, unit_code, TEXT, "Mã đơn vị", "Unit code", 0)                                             \
    X(p, direction, TEXT, "Chiều bàn giao", "Direction", 0)                                        \
    X(p, months_owed_before, TENTHS, "Số tháng nợ kỳ trước", "Months owed before", 0)              \
    X(p, months_owed, TENTHS, "Số tháng nợ", "Months owed", 0)                                     \
    X(p, debt, MONEY, "Số nợ", "Debt", 1)                                                          \
    X(p, officer_code, TEXT, "Cán bộ chuyên quản", "Officer", 0)
TN_COLUMNS(HAND, HAND_COLS);

/* the figures a KPI row shares between the per-officer and the per-group reports */
#define KPI_FIGURES(X, p)                                                                          \
    X(p, units, COUNT, "Số đơn vị", "Units", 1)                                                    \
    X(p, workers, COUNT, "Số lao động", "Workers", 1)                                              \
    X(p, assessed, MONEY, "Phải thu", "Assessed", 1)                                               \
    X(p, collected, MONEY, "Đã thu", "Collected", 1)                                               \
    X(p, plan, MONEY, "Kế hoạch", "Plan", 1)                                                       \
    X(p, collected_pct, TENTHS, "Tỷ lệ thu so với kế hoạch (%)", "Collected of plan (%)", 0)

#define KPI_BUCKETS(X, p)                                                                          \
    X(p, units_0, COUNT, "Đơn vị nợ dưới 1 tháng", "Units owing under 1 month", 1)                 \
    X(p, units_1_3, COUNT, "Đơn vị nợ 1-3 tháng", "Units owing 1-3 months", 1)                     \
    X(p, units_3_6, COUNT, "Đơn vị nợ 3-6 tháng", "Units owing 3-6 months", 1)                     \
    X(p, units_6_12, COUNT, "Đơn vị nợ 6-12 tháng", "Units owing 6-12 months", 1)                  \
    X(p, units_12plus, COUNT, "Đơn vị nợ từ 12 tháng", "Units owing 12 months or more", 1)

/* debt is past its deadline (docs/ledger.md "Debt"); what is assessed and not yet due apart */
#define KPI_NOT_DUE(X, p) X(p, not_due, MONEY, "Phải nộp chưa đến hạn", "Assessed, not yet due", 1)

#define KPI_COLS(X, p)                                                                             \
    X(p, key, TEXT, "Nhóm", "Group", 0)                                                            \
    KPI_FIGURES(X, p)                                                                              \
    X(p, collected_prev, MONEY, "Đã thu tháng trước", "Collected last month", 1)                   \
    X(p, debt, MONEY, "Số nợ", "Debt", 1)                                                          \
    X(p, debt_prev, MONEY, "Số nợ tháng trước", "Debt last month", 1)                              \
    X(p, debt_change, MONEY, "Tăng, giảm nợ", "Change in debt", 1)                                 \
    X(p, debt_ratio, TENTHS, "Tỷ lệ nợ (%)", "Debt ratio (%)", 0)                                  \
    KPI_BUCKETS(X, p)                                                                              \
    KPI_NOT_DUE(X, p)
TN_COLUMNS(KPI, KPI_COLS);

#define OKPI_COLS(X, p)                                                                            \
    X(p, officer_code, TEXT, "Cán bộ chuyên quản", "Officer", 0)                                   \
    X(p, officer_name, TEXT, "Họ tên cán bộ", "Officer's name", 0)                                 \
    X(p, office_code, TEXT, "Cơ quan BHXH", "Office", 0)                                           \
    KPI_FIGURES(X, p)                                                                              \
    X(p, debt, MONEY, "Số nợ", "Debt", 1)                                                          \
    X(p, debt_ratio, TENTHS, "Tỷ lệ nợ (%)", "Debt ratio (%)", 0)                                  \
    KPI_BUCKETS(X, p)                                                                              \
    KPI_NOT_DUE(X, p)
TN_COLUMNS(OKPI, OKPI_COLS);

#define DEBT_COLS(X, p)                                                                            \
    X(p, unit_code, TEXT, "Mã đơn vị", "Unit code", 0)                                             \
    X(p, name, TEXT, "Tên đơn vị", "Name", 0)                                                      \
    X(p, type, TEXT, "Loại hình", "Type", 0)                                                       \
    X(p, status, TEXT, "Tình trạng hoạt động", "Status", 0)                                        \
    X(p, status_since, DATE, "Từ ngày", "Status since", 0)                                         \
    X(p, officer_code, TEXT, "Cán bộ chuyên quản", "Officer", 0)                                   \
    X(p, months_owed, TENTHS, "Số tháng nợ", "Months owed", 0)                                     \
    X(p, debt, MONEY, "Số nợ", "Debt", 1)                                                          \
    X(p, oldest_unpaid_period, PERIOD, "Kỳ nợ cũ nhất", "Oldest unpaid period", 0)                 \
    X(p, legal_status, TEXT, "Tình trạng pháp lý", "Legal status", 0)                              \
    X(p, workers, COUNT, "Số lao động", "Workers", 1)
TN_COLUMNS(DEBT, DEBT_COLS);

#define NONP_COLS(X, p)                                                                            \
    X(p, tax_code, TEXT, "Mã số thuế", "Tax code", 0)                                              \
    X(p, name, TEXT, "Tên doanh nghiệp", "Name", 0)                                                \
    X(p, reported_employees, COUNT, "Số lao động báo cáo", "Employees reported", 1)                \
    X(p, unit_code, TEXT, "Mã đơn vị", "Unit code", 0)                                             \
    X(p, declared_workers, COUNT, "Số lao động tham gia", "Workers declared", 1)                   \
    X(p, finding, TEXT, "Phát hiện", "Finding", 0)
TN_COLUMNS(NONP, NONP_COLS);
/* clang-format on */

tn_err tn__report_balance_row(void *ctx, const struct tn_balance_row *r)
{
    const struct tn_sink *out = ctx;
    char period[TN_PERIOD_BUFSZ], oldest[TN_PERIOD_BUFSZ];
    struct tn_cell c[BAL_NCOLS];
    c[BAL_unit_code] = tn_cell_text(r->unit_code);
    c[BAL_period] = tn__period_cell(r->period, period);
    c[BAL_opening] = tn_cell_int(r->opening);
    c[BAL_assessed] = tn_cell_int(r->assessed);
    c[BAL_adjustment] = tn_cell_int(r->adjustment);
    c[BAL_interest] = tn_cell_int(r->interest);
    c[BAL_paid] = tn_cell_int(r->paid);
    c[BAL_closing] = tn_cell_int(r->closing);
    c[BAL_principal_due] = tn_cell_int(r->principal_due);
    c[BAL_interest_due] = tn_cell_int(r->interest_due);
    c[BAL_months_owed] = tn_cell_tenths_or_null(r->months_owed_tenths);
    c[BAL_bucket] = tn_cell_text(r->bucket);
    c[BAL_oldest_unpaid_period] = tn__period_cell(r->oldest_unpaid, oldest);
    c[BAL_legal_status] = tn_cell_text(r->legal_status);
    struct tn_debt d;
    tn_aging_debt(r->principal_overdue, r->principal_due, r->interest_due, &d);
    c[BAL_debt] = tn_cell_int(d.total);
    c[BAL_not_due] = tn_cell_int(d.not_due);
    return out->row(out->ctx, c);
}

static tn_err finding_row(void *ctx, const struct tn_finding_row *r)
{
    const struct tn_sink *out = ctx;
    char period[TN_PERIOD_BUFSZ];
    struct tn_cell c[FIND_NCOLS];
    c[FIND_unit_code] = tn_cell_text(r->unit_code);
    c[FIND_bhxh_code] = tn_cell_text(r->bhxh_code);
    c[FIND_period] = tn__period_cell(r->for_period, period);
    c[FIND_declared_base] = tn_cell_int(r->base);
    c[FIND_regional_min_wage] = tn_cell_int(r->floor);
    c[FIND_shortfall] = tn_cell_int(r->floor - r->base);
    return out->row(out->ctx, c);
}

static tn_err suspense_row(void *ctx, const struct tn_suspense_row *r)
{
    const struct tn_sink *out = ctx;
    struct tn_cell c[SUS_NCOLS];
    c[SUS_txn_id] = tn_cell_text(r->txn_id);
    c[SUS_paid_on] = tn_cell_text(r->paid_on);
    c[SUS_amount] = tn_cell_int(r->amount);
    c[SUS_channel] = tn_cell_text(r->channel);
    c[SUS_unit_code] = tn_cell_text(r->unit_code);
    c[SUS_memo] = tn_cell_text(r->memo);
    c[SUS_reason] = tn_cell_text(r->reason);
    return out->row(out->ctx, c);
}

/* card_locks and handover share the crossing rows; ctx carries the sink and the rule */
struct crossing_ctx {
    const struct tn_sink *out;
    int kttn_tenths;
};

static tn_err lock_row(void *ctx, const struct tn_crossing_row *r)
{
    const struct crossing_ctx *x = ctx;
    struct tn_cell c[LOCK_NCOLS];
    c[LOCK_unit_code] = tn_cell_text(r->unit_code);
    c[LOCK_action] = tn_cell_text(r->up ? "lock" : "unlock");
    c[LOCK_months_owed] = tn_cell_tenths(r->months_owed_tenths);
    c[LOCK_workers] = tn_cell_int(r->workers);
    /* seed 002: QLT watches 1 to under 3 months, KTTN 3 months and more */
    c[LOCK_department] = tn_cell_text(r->months_owed_tenths >= x->kttn_tenths ? "KTTN" : "QLT");
    return x->out->row(x->out->ctx, c);
}

static tn_err handover_row(void *ctx, const struct tn_crossing_row *r)
{
    const struct crossing_ctx *x = ctx;
    struct tn_cell c[HAND_NCOLS];
    c[HAND_unit_code] = tn_cell_text(r->unit_code);
    c[HAND_direction] = tn_cell_text(r->up ? "QLT->KTTN" : "KTTN->QLT");
    c[HAND_months_owed_before] = tn_cell_tenths(r->prev_tenths);
    c[HAND_months_owed] = tn_cell_tenths(r->months_owed_tenths);
    c[HAND_debt] = tn_cell_int(r->debt);
    c[HAND_officer_code] = tn_cell_text(r->officer_code);
    return x->out->row(x->out->ctx, c);
}

/* The card-lock rule in force at the end of p. Errors: TN_ERR_NO_POLICY (why says so). */
static tn_err card_rule(struct tn_app *app, tn_period p, const struct tn_card_rule **rule)
{
    if (tn_policy_card(app->policy, tn_period_last_day(p), rule))
        return tn__app_fail(app, TN_ERR_NO_POLICY,
                            "no rule in policy/card_lock.csv for this period");
    return TN_OK;
}

static tn_err run_card_locks(struct tn_app *app, const struct tn_scope *scope,
                             const struct tn_report_params *p, const struct tn_sink *out)
{
    const struct tn_card_rule *rule;
    tn_err err = card_rule(app, p->period, &rule);
    struct crossing_ctx x = {out, err ? 0 : rule->kttn_tenths};
    return err ? err
               : tn_store_crossings(app->store, scope->office, p->period, p->as_of,
                                    rule->lock_tenths, lock_row, &x);
}

static tn_err run_handover(struct tn_app *app, const struct tn_scope *scope,
                           const struct tn_report_params *p, const struct tn_sink *out)
{
    const struct tn_card_rule *rule;
    tn_err err = card_rule(app, p->period, &rule);
    struct crossing_ctx x = {out, err ? 0 : rule->kttn_tenths};
    return err ? err
               : tn_store_crossings(app->store, scope->office, p->period, p->as_of,
                                    rule->kttn_tenths, handover_row, &x);
}

static tn_err officer_kpi_row(void *ctx, const struct tn_kpi_row *r)
{
    const struct tn_sink *out = ctx;
    struct tn_cell c[OKPI_NCOLS];
    c[OKPI_officer_code] = tn_cell_text(r->key);
    c[OKPI_officer_name] = tn_cell_text(r->name);
    c[OKPI_office_code] = tn_cell_text(r->office_code);
    c[OKPI_units] = tn_cell_int(r->units);
    c[OKPI_workers] = tn_cell_int(r->workers);
    c[OKPI_assessed] = tn_cell_int(r->assessed);
    c[OKPI_collected] = tn_cell_int(r->collected);
    /* plan and collected_pct stay empty without a plan (docs/operations.md) */
    c[OKPI_plan] = tn_cell_int_or_null(r->plan);
    c[OKPI_collected_pct] = tn_cell_tenths_or_null(tn_percent_tenths(r->collected, r->plan));
    c[OKPI_debt] = tn_cell_int(r->debt);
    c[OKPI_debt_ratio] = tn_cell_tenths_or_null(r->debt_ratio_tenths);
    for (int b = 0; b < 5; b++)
        c[OKPI_units_0 + b] = tn_cell_int(r->units_by_bucket[b]);
    c[OKPI_not_due] = tn_cell_int(r->not_due);
    return out->row(out->ctx, c);
}

static tn_err kpi_row(void *ctx, const struct tn_kpi_row *r)
{
    const struct tn_sink *out = ctx;
    struct tn_cell c[KPI_NCOLS];
    c[KPI_key] = tn_cell_text(r->key);
    c[KPI_units] = tn_cell_int(r->units);
    c[KPI_workers] = tn_cell_int(r->workers);
    c[KPI_assessed] = tn_cell_int(r->assessed);
    c[KPI_collected] = tn_cell_int(r->collected);
    c[KPI_plan] = tn_cell_int_or_null(r->plan);
    c[KPI_collected_pct] = tn_cell_tenths_or_null(tn_percent_tenths(r->collected, r->plan));
    c[KPI_collected_prev] = tn_cell_int(r->collected_prev);
    c[KPI_debt] = tn_cell_int(r->debt);
    c[KPI_debt_prev] = tn_cell_int(r->debt_prev);
    c[KPI_debt_change] = tn_cell_int(r->debt - r->debt_prev);
    c[KPI_debt_ratio] = tn_cell_tenths_or_null(r->debt_ratio_tenths);
    for (int b = 0; b < 5; b++)
        c[KPI_units_0 + b] = tn_cell_int(r->units_by_bucket[b]);
    c[KPI_not_due] = tn_cell_int(r->not_due);
    return out->row(out->ctx, c);
}

static tn_err debtor_row(void *ctx, const struct tn_debtor_row *r)
{
    const struct tn_sink *out = ctx;
    char oldest[TN_PERIOD_BUFSZ];
    struct tn_cell c[DEBT_NCOLS];
    c[DEBT_unit_code] = tn_cell_text(r->unit_code);
    c[DEBT_name] = tn_cell_text(r->name);
    c[DEBT_type] = tn_cell_text(r->type);
    c[DEBT_status] = tn_cell_text(r->status);
    c[DEBT_status_since] = tn_cell_text(r->status_since);
    c[DEBT_officer_code] = tn_cell_text(r->officer_code);
    c[DEBT_months_owed] = tn_cell_tenths(r->months_owed_tenths);
    c[DEBT_debt] = tn_cell_int(r->debt);
    c[DEBT_oldest_unpaid_period] = tn__period_cell(r->oldest_unpaid, oldest);
    c[DEBT_legal_status] = tn_cell_text(r->legal_status);
    c[DEBT_workers] = tn_cell_int(r->workers);
    return out->row(out->ctx, c);
}

static tn_err non_participant_row(void *ctx, const struct tn_non_participant_row *r)
{
    const struct tn_sink *out = ctx;
    struct tn_cell c[NONP_NCOLS];
    c[NONP_tax_code] = tn_cell_text(r->tax_code);
    c[NONP_name] = tn_cell_text(r->name);
    c[NONP_reported_employees] = tn_cell_int(r->reported);
    c[NONP_unit_code] = tn_cell_text(r->unit_code);
    c[NONP_declared_workers] = tn_cell_int(r->declared);
    c[NONP_finding] = tn_cell_text(r->finding);
    return out->row(out->ctx, c);
}

static tn_err run_non_participants(struct tn_app *app, const struct tn_scope *scope,
                                   const struct tn_report_params *p, const struct tn_sink *out)
{
    const struct tn_undeclared_rule *rule;
    if (tn_policy_undeclared(app->policy, tn_period_last_day(p->period), &rule))
        return tn__app_fail(app, TN_ERR_NO_POLICY,
                            "no rule in policy/non_participant.csv for this period");
    return tn_store_non_participants(app->store, scope->office, p->period, p->as_of, rule->min_gap,
                                     rule->min_ratio_percent, non_participant_row, (void *)out);
}

/* A unit without debt all year is listed for an award only while it is active (operations.h). */
static tn_err award_row(void *ctx, const struct tn_debtor_row *r)
{
    return tn_award_allowed(r->status) ? debtor_row(ctx, r) : TN_OK;
}

/* A report that only reads the store: its runner calls one tn_store_ function with the sink. */
#define STORE_RUN(name, call)                                                                      \
    static tn_err name(struct tn_app *app, const struct tn_scope *scope,                           \
                       const struct tn_report_params *p, const struct tn_sink *out)                \
    {                                                                                              \
        struct tn_store *s = app->store;                                                           \
        void *ctx = (void *)out;                                                                   \
        return call;                                                                               \
    }
STORE_RUN(run_balances,
          tn_store_balances(s, scope->office, p->period, p->as_of, tn__report_balance_row, ctx))
STORE_RUN(run_findings, tn_store_findings(s, scope->office, p->period, p->as_of, finding_row, ctx))
STORE_RUN(run_suspense, tn_store_suspense(s, scope->office, p->period, p->as_of, suspense_row, ctx))
STORE_RUN(run_officer_kpi,
          tn_store_kpi(s, scope->office, p->period, p->as_of, TN_KPI_OFFICER, officer_kpi_row, ctx))
STORE_RUN(run_debtors, tn_store_debtors(s, scope->office, p->period, p->as_of, debtor_row, ctx))
STORE_RUN(run_award, tn_store_award_eligible(s, scope->office, p->period, p->as_of, award_row, ctx))
STORE_RUN(run_kpi_office,
          tn_store_kpi(s, scope->office, p->period, p->as_of, TN_KPI_OFFICE, kpi_row, ctx))
STORE_RUN(run_kpi_type,
          tn_store_kpi(s, scope->office, p->period, p->as_of, TN_KPI_TYPE, kpi_row, ctx))
STORE_RUN(run_kpi_department,
          tn_store_kpi(s, scope->office, p->period, p->as_of, TN_KPI_DEPARTMENT, kpi_row, ctx))
#undef STORE_RUN

/* One unit's ledger over the months asked: an officer cut (--officer, or an officer's own)
 * sees only a unit it is in charge of. */
static tn_err run_unit_ledger(struct tn_app *app, const struct tn_scope *scope,
                              const struct tn_report_params *p, const struct tn_sink *out)
{
    struct tn_scope sc = *scope;
    if (p->officer) {
        sc.role = TN_ROLE_OFFICER;
        sc.officer = p->officer;
    }
    return tn_app_unit_ledger(app, &sc, p->unit, p->first, p->last, p->as_of, out);
}

#define COLS(p)       p##_cols, p##_NCOLS
#define PERIOD_OFFICE (TN_REPORT_PERIOD | TN_REPORT_OFFICE)

static const struct tn_report reports[] = {
    {"balances", "Số dư nợ theo đơn vị / Balances by unit",
     "one row per unit: balance, aging, legal status", COLS(BAL), PERIOD_OFFICE, run_balances},
    {"unit_ledger", "Sổ theo dõi của đơn vị theo tháng / A unit's ledger by month",
     "one unit's balance of each closed month of --from..--to YYYY-MM (--unit CODE): opening, "
     "assessed, adjustment, interest, paid, closing, aging, legal status",
     COLS(BAL),
     TN_REPORT_UNIT | TN_REPORT_MONTHS | TN_REPORT_OFFICE | TN_REPORT_OFFICER | TN_REPORT_NO_SUM,
     run_unit_ledger},
    {"findings", "Đóng thấp hơn lương tối thiểu vùng / Bases below the minimum wage",
     "declared bases below the regional minimum wage (under-declaration)", COLS(FIND),
     PERIOD_OFFICE, run_findings},
    {"suspense", "Số tiền chưa xác định đơn vị nộp / Payments in suspense",
     "payments received by the period's end whose payer is missing or unknown", COLS(SUS),
     PERIOD_OFFICE, run_suspense},
    {"card_locks", "Danh sách khóa, mở thẻ BHYT / Health-card locks and unlocks",
     "health cards to lock (months owed reach the threshold) or unlock (paid down below it)",
     COLS(LOCK), PERIOD_OFFICE, run_card_locks},
    {"officer_kpi", "Kết quả thu theo cán bộ chuyên quản / Collection by officer",
     "per officer: units, workers, assessed, collected, debt, debt ratio, units by bucket",
     COLS(OKPI), PERIOD_OFFICE, run_officer_kpi},
    {"handover", "Bàn giao đơn vị nợ giữa phòng QLT và KTTN / Handover between QLT and KTTN",
     "units passing to KTTN (months owed reach 3.0) and back to QLT (paid down below it)",
     COLS(HAND), PERIOD_OFFICE, run_handover},
    {"debtors", "Danh sách đơn vị nợ / Units in debt",
     "units owing at the period's end: those no longer active first, then by debt", COLS(DEBT),
     PERIOD_OFFICE, run_debtors},
    {"award_eligible", "Đơn vị không nợ trong năm / Units without debt this year",
     "units with nothing overdue at the end of any month of the year so far", COLS(DEBT),
     PERIOD_OFFICE, run_award},
    {"non_participants",
     "Đơn vị chưa tham gia hoặc khai thiếu lao động / Non-participants and under-declaring "
     "units",
     "the enterprise register against the units: not registered, or far fewer workers declared",
     COLS(NONP), PERIOD_OFFICE, run_non_participants},
    {"kpi_office", "Kết quả thu theo cơ quan BHXH / Collection by office",
     "per office (district): the KPIs with last month's beside them", COLS(KPI), PERIOD_OFFICE,
     run_kpi_office},
    {"kpi_type", "Kết quả thu theo loại hình đơn vị / Collection by unit type",
     "per unit type: the KPIs with last month's beside them", COLS(KPI), PERIOD_OFFICE,
     run_kpi_type},
    {"kpi_department", "Kết quả thu theo phòng / Collection by department",
     "per department of the officers: the KPIs with last month's", COLS(KPI), PERIOD_OFFICE,
     run_kpi_department},
};

TN__REPORT_GROUP(tn__reports_ledger, reports);
