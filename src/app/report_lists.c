/*
 * report_lists.c - the special and public lists (issue 4 items 4, 8, 11, 15): special_units,
 * branches, cooperatives and cooperative_workers (Decision 2422/QĐ-BHXH, seed 004),
 * public_praise and public_name (seed 003; Law 41/2024/QH15 Art 35, 40), and the handover
 * sign-off with the handover list that tn_app_handover_sign signs. Columns and their
 * derivations: docs/lists.md. Registered as the group tn__reports_lists (report_registry.c).
 */
#include "app_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/aging.h"
#include "thuno/lists.h"
#include "thuno/mem.h"
#include "thuno/operations.h"
#include "thuno/policy.h"
#include "thuno/report.h"
#include "thuno/store.h"

/* clang-format off */
/* a unit's debt at the period's end, shared by the lists of units */
#define UNIT_DEBT_COLS(X, p)                                                                       \
    X(p, months_owed, TENTHS, "Số tháng nợ", "Months owed", 0)                                     \
    X(p, principal_due, MONEY, "Gốc còn phải nộp", "Principal outstanding", 1)                     \
    X(p, interest_due, MONEY, "Nợ lãi", "Interest due", 1)                                         \
    X(p, debt, MONEY, "Số nợ (quá hạn)", "Debt (past due)", 1)                                     \
    X(p, not_due, MONEY, "Phải nộp chưa đến hạn", "Assessed, not yet due", 1)                      \
    X(p, oldest_unpaid_period, PERIOD, "Kỳ nợ cũ nhất", "Oldest unpaid period", 0)                 \
    X(p, legal_status, TEXT, "Tình trạng pháp lý", "Legal status", 0)                              \
    X(p, workers, COUNT, "Số lao động", "Workers", 1)

#define SPECIAL_COLS(X, p)                                                                         \
    X(p, unit_code, TEXT, "Mã đơn vị", "Unit code", 0)                                             \
    X(p, name, TEXT, "Tên đơn vị", "Name", 0)                                                      \
    X(p, type, TEXT, "Loại hình", "Type", 0)                                                       \
    X(p, status, TEXT, "Tình trạng hoạt động", "Status", 0)                                        \
    X(p, status_since, DATE, "Từ ngày", "Status since", 0)                                         \
    X(p, office_code, TEXT, "Cơ quan BHXH", "Office", 0)                                           \
    UNIT_DEBT_COLS(X, p)                                                                           \
    X(p, bhxh_code, TEXT, "Mã số BHXH", "Social insurance number", 0)                              \
    X(p, worker_name, TEXT, "Họ và tên người lao động", "Worker", 0)                               \
    X(p, worker_debt, MONEY, "Số còn phải nộp của người lao động", "Worker's outstanding", 1)      \
    X(p, worker_periods, TEXT, "Các kỳ nợ của người lao động", "Worker's periods owed", 0)
TN_COLUMNS(SPECIAL, SPECIAL_COLS);

#define BRANCH_COLS(X, p)                                                                          \
    X(p, unit_code, TEXT, "Mã đơn vị", "Unit code", 0)                                             \
    X(p, name, TEXT, "Tên đơn vị", "Name", 0)                                                      \
    X(p, province_code, TEXT, "Mã tỉnh", "Province", 0)                                            \
    X(p, office_code, TEXT, "Cơ quan BHXH", "Office", 0)                                           \
    X(p, parent_code, TEXT, "Mã đơn vị chính", "Parent unit", 0)                                   \
    X(p, parent_name, TEXT, "Tên đơn vị chính", "Parent name", 0)                                  \
    X(p, parent_province, TEXT, "Tỉnh của đơn vị chính", "Parent's province", 0)                   \
    X(p, parent_office, TEXT, "Cơ quan BHXH của đơn vị chính", "Parent's office", 0)               \
    X(p, reason, TEXT, "Lý do", "Reason", 0)                                                       \
    X(p, months_owed, TENTHS, "Số tháng nợ", "Months owed", 0)                                     \
    X(p, debt, MONEY, "Số nợ", "Debt", 1)                                                          \
    X(p, oldest_unpaid_period, PERIOD, "Kỳ nợ cũ nhất", "Oldest unpaid period", 0)                 \
    X(p, legal_status, TEXT, "Tình trạng pháp lý", "Legal status", 0)                              \
    X(p, workers, COUNT, "Số lao động", "Workers", 1)
TN_COLUMNS(BRANCH, BRANCH_COLS);

#define COOP_COLS(X, p)                                                                            \
    X(p, office_code, TEXT, "Cơ quan BHXH", "Office", 0)                                           \
    X(p, period, PERIOD, "Kỳ", "Period", 0)                                                        \
    X(p, cooperatives, COUNT, "Số hợp tác xã", "Cooperatives", 1)                                  \
    X(p, owing_1m_units, COUNT, "Số HTX nợ từ 1 tháng", "Owing 1+ months", 1)                      \
    X(p, owing_1m_debt, MONEY, "Số nợ của HTX nợ từ 1 tháng", "Debt owing 1+ months", 1)           \
    X(p, owing_3m_units, COUNT, "Số HTX nợ từ 3 tháng", "Owing 3+ months", 1)                      \
    X(p, owing_3m_debt, MONEY, "Số nợ của HTX nợ từ 3 tháng", "Debt owing 3+ months", 1)           \
    X(p, suspended_units, COUNT, "Số HTX tạm ngừng hoạt động", "Suspended", 1)                     \
    X(p, suspended_debt, MONEY, "Số nợ của HTX tạm ngừng", "Debt of the suspended", 1)             \
    X(p, dissolved_bankrupt_units, COUNT, "Số HTX giải thể, phá sản", "Dissolved or bankrupt", 1)  \
    X(p, dissolved_bankrupt_debt, MONEY, "Số nợ của HTX giải thể, phá sản",                        \
      "Debt of the dissolved or bankrupt", 1)                                                      \
    X(p, dissolved_bankrupt_workers, COUNT, "Số lao động của HTX giải thể, phá sản",               \
      "Workers of the dissolved or bankrupt", 1)
TN_COLUMNS(COOP, COOP_COLS);

#define PRAISE_COLS(X, p)                                                                          \
    X(p, unit_code, TEXT, "Mã đơn vị", "Unit code", 0)                                             \
    X(p, name, TEXT, "Tên đơn vị", "Name", 0)                                                      \
    X(p, type, TEXT, "Loại hình", "Type", 0)                                                       \
    X(p, office_code, TEXT, "Cơ quan BHXH", "Office", 0)                                           \
    X(p, officer_code, TEXT, "Cán bộ chuyên quản", "Officer", 0)                                   \
    X(p, from_period, PERIOD, "Từ kỳ", "From period", 0)                                           \
    X(p, to_period, PERIOD, "Đến kỳ", "To period", 0)                                              \
    X(p, months, NUMBER, "Số tháng", "Months", 0)                                                  \
    X(p, assessed, MONEY, "Phải đóng", "Assessed", 1)                                              \
    X(p, paid, MONEY, "Đã đóng", "Paid", 1)                                                        \
    X(p, workers, COUNT, "Số lao động", "Workers", 1)                                              \
    X(p, address, TEXT, "Địa chỉ", "Address", 0)
TN_COLUMNS(PRAISE, PRAISE_COLS);

#define NAME_COLS(X, p)                                                                            \
    X(p, unit_code, TEXT, "Mã đơn vị", "Unit code", 0)                                             \
    X(p, name, TEXT, "Tên đơn vị", "Name", 0)                                                      \
    X(p, tax_code, TEXT, "Mã số thuế", "Tax code", 0)                                              \
    X(p, address, TEXT, "Địa chỉ", "Address", 0)                                                   \
    X(p, type, TEXT, "Loại hình", "Type", 0)                                                       \
    X(p, status, TEXT, "Tình trạng hoạt động", "Status", 0)                                        \
    X(p, office_code, TEXT, "Cơ quan BHXH", "Office", 0)                                           \
    X(p, legal_status, TEXT, "Tình trạng pháp lý", "Legal status", 0)                              \
    X(p, months_owed, TENTHS, "Số tháng nợ", "Months owed", 0)                                     \
    X(p, debt, MONEY, "Số nợ", "Debt", 1)                                                          \
    X(p, oldest_unpaid_period, PERIOD, "Kỳ nợ cũ nhất", "Oldest unpaid period", 0)                 \
    X(p, workers, COUNT, "Số lao động", "Workers", 1)                                              \
    X(p, reason, TEXT, "Lý do công khai", "Reason", 0)                                             \
    X(p, threshold, TENTHS, "Ngưỡng số tháng nợ", "Threshold (months)", 0)                         \
    X(p, source, TEXT, "Căn cứ", "Legal source", 0)
TN_COLUMNS(NAME, NAME_COLS);

#define SIGN_COLS(X, p)                                                                            \
    X(p, unit_code, TEXT, "Mã đơn vị", "Unit code", 0)                                             \
    X(p, direction, TEXT, "Chiều bàn giao", "Direction", 0)                                        \
    X(p, months_owed_before, TENTHS, "Số tháng nợ kỳ trước", "Months owed before", 0)              \
    X(p, months_owed, TENTHS, "Số tháng nợ", "Months owed", 0)                                     \
    X(p, debt, MONEY, "Số nợ", "Debt", 1)                                                          \
    X(p, qlt, TEXT, "Phòng QLT", "QLT", 0)                                                         \
    X(p, qlt_by, TEXT, "Người ký phòng QLT", "QLT signed by", 0)                                   \
    X(p, qlt_on, DATE, "Ngày ký phòng QLT", "QLT signed on", 0)                                    \
    X(p, kttn, TEXT, "Phòng KTTN", "KTTN", 0)                                                      \
    X(p, kttn_by, TEXT, "Người ký phòng KTTN", "KTTN signed by", 0)                                \
    X(p, kttn_on, DATE, "Ngày ký phòng KTTN", "KTTN signed on", 0)                                 \
    X(p, list_changed, TEXT, "Danh sách thay đổi sau khi ký", "List changed since signed", 0)
TN_COLUMNS(SIGN, SIGN_COLS);
/* clang-format on */

/* The period a year-or-period report reads: p->period, or the year's last closed period.
 * Errors: TN_ERR_USAGE when no period of the year is closed (why says so), TN_ERR_STORE. */
static tn_err report_period(struct tn_app *app, const struct tn_report_params *p, tn_period *out)
{
    if (!p->year) {
        *out = p->period;
        return TN_OK;
    }
    tn_err err = tn_store_last_closed(app->store, p->year, p->as_of, out);
    if (err == TN_ERR_NOT_FOUND)
        return tn__app_fail(app, TN_ERR_USAGE,
                            "no period of %04d is closed (chưa khóa sổ kỳ nào của năm)", p->year);
    return err;
}

/* ---- special_units, cooperative_workers ---- */

struct special_ctx {
    struct tn_app *app;
    const struct tn_sink *out;
    tn_period period;
    const char *as_of;
    const char *unit_code;
};

static tn_err special_worker(void *ctx, const struct tn_worker_debt *w)
{
    const struct special_ctx *x = ctx;
    struct tn_cell c[SPECIAL_NCOLS];
    /* a worker's line names the unit and leaves the unit's figures to the unit's line */
    for (size_t i = 0; i < SPECIAL_NCOLS; i++)
        c[i] = tn_cell_null();
    c[SPECIAL_unit_code] = tn_cell_text(x->unit_code);
    c[SPECIAL_bhxh_code] = tn_cell_text(w->bhxh_code);
    c[SPECIAL_worker_name] = tn_cell_text(w->full_name);
    c[SPECIAL_worker_debt] = tn_cell_int(w->debt);
    c[SPECIAL_worker_periods] = tn_cell_text(w->periods);
    return x->out->row(x->out->ctx, c);
}

/* A listed unit's debt, past its deadline (docs/ledger.md "Debt"); what it owes not yet due
 * into *not_due when not_due is not NULL. */
static tn_money list_debt(const struct tn_list_unit *u, struct tn_cell *not_due)
{
    struct tn_debt d;
    tn_aging_debt(u->principal_overdue, u->principal_due, u->interest_due, &d);
    if (not_due)
        *not_due = tn_cell_int(d.not_due);
    return d.total;
}

static tn_err special_unit(void *ctx, const struct tn_list_unit *u)
{
    struct special_ctx *x = ctx;
    char oldest[TN_PERIOD_BUFSZ];
    struct tn_cell c[SPECIAL_NCOLS];
    c[SPECIAL_unit_code] = tn_cell_text(u->unit_code);
    c[SPECIAL_name] = tn_cell_text(u->name);
    c[SPECIAL_type] = tn_cell_text(u->type);
    c[SPECIAL_status] = tn_cell_text(u->status);
    c[SPECIAL_status_since] = tn_cell_text(u->status_since);
    c[SPECIAL_office_code] = tn_cell_text(u->office_code);
    c[SPECIAL_months_owed] = tn_cell_tenths(u->months_owed_tenths);
    c[SPECIAL_principal_due] = tn_cell_int(u->principal_due);
    c[SPECIAL_interest_due] = tn_cell_int(u->interest_due);
    c[SPECIAL_debt] = tn_cell_int(list_debt(u, &c[SPECIAL_not_due]));
    c[SPECIAL_oldest_unpaid_period] = tn__period_cell(u->oldest_unpaid, oldest);
    c[SPECIAL_legal_status] = tn_cell_text(u->legal_status);
    c[SPECIAL_workers] = tn_cell_int(u->workers);
    c[SPECIAL_bhxh_code] = tn_cell_null();
    c[SPECIAL_worker_name] = tn_cell_null();
    c[SPECIAL_worker_debt] = tn_cell_null();
    c[SPECIAL_worker_periods] = tn_cell_null();
    tn_err err = x->out->row(x->out->ctx, c);
    if (err)
        return err;
    x->unit_code = u->unit_code;
    err =
        tn_store_worker_debts(x->app->store, u->unit_code, x->period, x->as_of, special_worker, x);
    if (err == TN_ERR_STATE)
        return tn__app_fail(x->app, err, "%s: the assessment lines do not add up to the charges",
                            u->unit_code);
    return err;
}

static tn_err special(struct tn_app *app, const struct tn_scope *scope,
                      const struct tn_report_params *p, const struct tn_sink *out, const char *type)
{
    tn_period period;
    tn_err err = report_period(app, p, &period);
    if (err)
        return err;
    struct special_ctx x = {app, out, period, p->as_of, NULL};
    struct tn_list_filter f = {type, 1, 1};
    return tn_store_list_units(app->store, scope->office, period, p->as_of, &f, special_unit, &x);
}

static tn_err run_special(struct tn_app *app, const struct tn_scope *scope,
                          const struct tn_report_params *p, const struct tn_sink *out)
{
    return special(app, scope, p, out, NULL);
}

static tn_err run_coop_workers(struct tn_app *app, const struct tn_scope *scope,
                               const struct tn_report_params *p, const struct tn_sink *out)
{
    return special(app, scope, p, out, "cooperative");
}

/* ---- branches ---- */

static tn_err branch_row(void *ctx, const struct tn_branch_row *r)
{
    const struct tn_sink *out = ctx;
    char oldest[TN_PERIOD_BUFSZ];
    const struct tn_list_unit *u = &r->u;
    struct tn_cell c[BRANCH_NCOLS];
    c[BRANCH_unit_code] = tn_cell_text(u->unit_code);
    c[BRANCH_name] = tn_cell_text(u->name);
    c[BRANCH_province_code] = tn_cell_text(u->province_code);
    c[BRANCH_office_code] = tn_cell_text(u->office_code);
    c[BRANCH_parent_code] = tn_cell_text(u->parent_code);
    c[BRANCH_parent_name] = tn_cell_text(r->parent_name);
    c[BRANCH_parent_province] = tn_cell_text(r->parent_province);
    c[BRANCH_parent_office] = tn_cell_text(r->parent_office);
    c[BRANCH_reason] = tn_cell_text(r->reason);
    c[BRANCH_months_owed] = tn_cell_tenths(u->months_owed_tenths);
    c[BRANCH_debt] = tn_cell_int(list_debt(u, NULL));
    c[BRANCH_oldest_unpaid_period] = tn__period_cell(u->oldest_unpaid, oldest);
    c[BRANCH_legal_status] = tn_cell_text(u->legal_status);
    c[BRANCH_workers] = tn_cell_int(u->workers);
    /* a branch with no balance here has no figures, not zeros */
    if (!u->has_balance)
        for (size_t i = BRANCH_months_owed; i <= BRANCH_workers; i++)
            c[i] = tn_cell_null();
    return out->row(out->ctx, c);
}

static tn_err run_branches(struct tn_app *app, const struct tn_scope *scope,
                           const struct tn_report_params *p, const struct tn_sink *out)
{
    return tn_store_branches(app->store, scope->office, p->period, p->as_of, branch_row,
                             (void *)out);
}

/* ---- cooperatives (seed 004) ---- */

struct coop_ctx {
    const struct tn_sink *out;
    char period[TN_PERIOD_BUFSZ];
};

static tn_err coop_row(void *ctx, const struct tn_coop_row *r)
{
    const struct coop_ctx *x = ctx;
    struct tn_cell c[COOP_NCOLS];
    c[COOP_office_code] = tn_cell_text(r->office_code);
    c[COOP_period] = tn_cell_text(x->period);
    c[COOP_cooperatives] = tn_cell_int(r->active);
    c[COOP_owing_1m_units] = tn_cell_int(r->owing1_units);
    c[COOP_owing_1m_debt] = tn_cell_int(r->owing1_debt);
    c[COOP_owing_3m_units] = tn_cell_int(r->owing3_units);
    c[COOP_owing_3m_debt] = tn_cell_int(r->owing3_debt);
    c[COOP_suspended_units] = tn_cell_int(r->suspended_units);
    c[COOP_suspended_debt] = tn_cell_int(r->suspended_debt);
    c[COOP_dissolved_bankrupt_units] = tn_cell_int(r->ended_units);
    c[COOP_dissolved_bankrupt_debt] = tn_cell_int(r->ended_debt);
    c[COOP_dissolved_bankrupt_workers] = tn_cell_int(r->ended_workers);
    return x->out->row(x->out->ctx, c);
}

static tn_err run_coops(struct tn_app *app, const struct tn_scope *scope,
                        const struct tn_report_params *p, const struct tn_sink *out)
{
    tn_period period;
    tn_err err = report_period(app, p, &period);
    if (err)
        return err;
    struct coop_ctx x = {out, ""};
    tn_period_format(period, x.period);
    return tn_store_cooperatives(app->store, scope->office, period, p->as_of, coop_row, &x);
}

/* ---- public lists (seed 003) ---- */

static tn_err praise_row(void *ctx, const struct tn_praise_row *r)
{
    const struct tn_sink *out = ctx;
    if (!tn_award_allowed(r->u.status))
        return TN_OK; /* only active units are praised (operations.h) */
    char from[TN_PERIOD_BUFSZ], to[TN_PERIOD_BUFSZ];
    tn_period_format(r->from, from);
    tn_period_format(r->to, to);
    struct tn_cell c[PRAISE_NCOLS];
    c[PRAISE_unit_code] = tn_cell_text(r->u.unit_code);
    c[PRAISE_name] = tn_cell_text(r->u.name);
    c[PRAISE_type] = tn_cell_text(r->u.type);
    c[PRAISE_office_code] = tn_cell_text(r->u.office_code);
    c[PRAISE_officer_code] = tn_cell_text(r->u.officer_code);
    c[PRAISE_from_period] = tn_cell_text(from);
    c[PRAISE_to_period] = tn_cell_text(to);
    c[PRAISE_months] = tn_cell_int(r->months);
    c[PRAISE_assessed] = tn_cell_int(r->assessed);
    c[PRAISE_paid] = tn_cell_int(r->paid);
    c[PRAISE_workers] = tn_cell_int(r->u.workers);
    c[PRAISE_address] = tn_cell_text(r->u.address);
    return out->row(out->ctx, c);
}

static tn_err run_praise(struct tn_app *app, const struct tn_scope *scope,
                         const struct tn_report_params *p, const struct tn_sink *out)
{
    tn_period period;
    tn_err err = report_period(app, p, &period);
    return err ? err
               : tn_store_praise(app->store, scope->office, period, p->as_of, praise_row,
                                 (void *)out);
}

struct name_ctx {
    const struct tn_sink *out;
    const struct tn_name_rule *rule;
};

static tn_err name_row(void *ctx, const struct tn_list_unit *u, const char *reason)
{
    const struct name_ctx *x = ctx;
    char oldest[TN_PERIOD_BUFSZ];
    const char *source = strcmp(reason, "evading") == 0
                             ? "Law 41/2024/QH15 Art 39-40 (policy/legal.csv)"
                             : x->rule->source;
    struct tn_cell c[NAME_NCOLS];
    c[NAME_unit_code] = tn_cell_text(u->unit_code);
    c[NAME_name] = tn_cell_text(u->name);
    c[NAME_tax_code] = tn_cell_text(u->tax_code);
    c[NAME_address] = tn_cell_text(u->address);
    c[NAME_type] = tn_cell_text(u->type);
    c[NAME_status] = tn_cell_text(u->status);
    c[NAME_office_code] = tn_cell_text(u->office_code);
    c[NAME_legal_status] = tn_cell_text(u->legal_status);
    c[NAME_months_owed] = tn_cell_tenths(u->months_owed_tenths);
    c[NAME_debt] = tn_cell_int(list_debt(u, NULL));
    c[NAME_oldest_unpaid_period] = tn__period_cell(u->oldest_unpaid, oldest);
    c[NAME_workers] = tn_cell_int(u->workers);
    c[NAME_reason] = tn_cell_text(reason);
    c[NAME_threshold] = tn_cell_tenths(x->rule->name_tenths);
    c[NAME_source] = tn_cell_text(source);
    return x->out->row(x->out->ctx, c);
}

static tn_err run_name(struct tn_app *app, const struct tn_scope *scope,
                       const struct tn_report_params *p, const struct tn_sink *out)
{
    const struct tn_name_rule *rule;
    if (tn_policy_name_rule(app->policy, tn_period_last_day(p->period), &rule))
        return tn__app_fail(app, TN_ERR_NO_POLICY,
                            "policy/public_list.csv: no line in force on the day asked");
    struct name_ctx x = {out, rule};
    return tn_store_public_name(app->store, scope->office, p->period, p->as_of, rule->name_tenths,
                                name_row, &x);
}

/* ---- handover sign-off ---- */

struct list_ctx {
    struct tn_handover_item *items;
    size_t n, cap;
};

static tn_err list_row(void *ctx, const struct tn_crossing_row *r)
{
    struct list_ctx *x = ctx;
    TN_GROW(x->items, x->cap, x->n + 1);
    struct tn_handover_item *it = &x->items[x->n++];
    memset(it, 0, sizeof *it);
    snprintf(it->unit_code, sizeof it->unit_code, "%s", r->unit_code);
    it->up = r->up;
    it->prev_tenths = r->prev_tenths;
    it->months_owed_tenths = r->months_owed_tenths;
    it->debt = r->debt;
    return TN_OK;
}

tn_err tn__handover_list(struct tn_app *app, const char *office, tn_period period,
                         const char *as_of, struct tn_handover_item **items, size_t *n)
{
    const struct tn_card_rule *rule;
    struct list_ctx x = {NULL, 0, 0};
    if (tn_policy_card(app->policy, tn_period_last_day(period), &rule))
        return tn__app_fail(app, TN_ERR_NO_POLICY,
                            "no rule in policy/card_lock.csv for this period");
    tn_err err =
        tn_store_crossings(app->store, office, period, as_of, rule->kttn_tenths, list_row, &x);
    if (err) {
        free(x.items);
        return err;
    }
    *items = x.items;
    *n = x.n;
    return TN_OK;
}

/* One side's word on a line: unsigned, signed (same figures), changed (other figures),
 * added (not in the signed list) or dropped (only in the signed list). */
static const char *side(int found, const struct tn_handover_item *now,
                        const struct tn_handover_item *was)
{
    if (!found)
        return "unsigned";
    if (!now)
        return "dropped";
    if (!was)
        return "added";
    return was->up == now->up && was->prev_tenths == now->prev_tenths &&
                   was->months_owed_tenths == now->months_owed_tenths && was->debt == now->debt
               ? "signed"
               : "changed";
}

/* A list's items by unit code, in the list's order among equal codes: searched by code, a
 * lookup per line instead of a scan, n^2 at a national office (docs/performance.md). */
struct by_code {
    const struct tn_handover_item **p;
    size_t n;
};

static int item_cmp(const void *a, const void *b)
{
    const struct tn_handover_item *x = *(const struct tn_handover_item *const *)a,
                                  *y = *(const struct tn_handover_item *const *)b;
    int c = strcmp(x->unit_code, y->unit_code);
    return c ? c : (x > y) - (x < y);
}

static int code_vs_item(const void *code, const void *elem)
{
    return strcmp(code, (*(const struct tn_handover_item *const *)elem)->unit_code);
}

static void index_items(const struct tn_handover_item *v, size_t n, struct by_code *x)
{
    x->p = tn_xmalloc((n ? n : 1) * sizeof *x->p);
    x->n = n;
    for (size_t i = 0; i < n; i++)
        x->p[i] = &v[i];
    tn_sort(x->p, n, sizeof *x->p, item_cmp);
}

/* The first item of the list with unit code code, NULL when there is none. */
static const struct tn_handover_item *find(const struct by_code *x, const char *code)
{
    const struct tn_handover_item *const *hit =
        x->n ? bsearch(code, x->p, x->n, sizeof *x->p, code_vs_item) : NULL;
    if (!hit)
        return NULL;
    while (hit > x->p && strcmp(hit[-1]->unit_code, code) == 0)
        hit--;
    return *hit;
}

/* The signatures' cells of a line: each department's word, who signed and when. */
static void signer_cells(struct tn_cell c[static SIGN_NCOLS], const char *word[2],
                         const struct tn_handover_signoff sig[2], const int found[2],
                         const char *changed)
{
    c[SIGN_qlt] = tn_cell_text(word[0]);
    c[SIGN_qlt_by] = tn_cell_text(found[0] ? sig[0].actor : "");
    c[SIGN_qlt_on] = tn_cell_text(found[0] ? sig[0].signed_on : "");
    c[SIGN_kttn] = tn_cell_text(word[1]);
    c[SIGN_kttn_by] = tn_cell_text(found[1] ? sig[1].actor : "");
    c[SIGN_kttn_on] = tn_cell_text(found[1] ? sig[1].signed_on : "");
    c[SIGN_list_changed] = tn_cell_text(changed);
}

static tn_err signoff_line(const struct tn_sink *out, const struct tn_handover_item *now,
                           const struct tn_handover_signoff sig[2], const struct by_code idx[2],
                           const int found[2], const char *changed)
{
    const struct tn_handover_item *was[2] = {NULL, NULL};
    for (int d = 0; d < 2; d++)
        if (found[d])
            was[d] = find(&idx[d], now->unit_code);
    const char *word[2] = {side(found[0], now, was[0]), side(found[1], now, was[1])};
    struct tn_cell c[SIGN_NCOLS];
    c[SIGN_unit_code] = tn_cell_text(now->unit_code);
    c[SIGN_direction] = tn_cell_text(now->up ? "QLT->KTTN" : "KTTN->QLT");
    c[SIGN_months_owed_before] = tn_cell_tenths(now->prev_tenths);
    c[SIGN_months_owed] = tn_cell_tenths(now->months_owed_tenths);
    c[SIGN_debt] = tn_cell_int(now->debt);
    signer_cells(c, word, sig, found, changed);
    return out->row(out->ctx, c);
}

/* A line only in a signed list (dropped since): shown with the signed figures. */
static tn_err dropped_line(const struct tn_sink *out, const struct tn_handover_item *was,
                           const struct tn_handover_signoff sig[2], const struct by_code idx[2],
                           const int found[2], const char *changed)
{
    const char *word[2];
    for (int d = 0; d < 2; d++)
        word[d] = !found[d] ? "unsigned" : find(&idx[d], was->unit_code) ? "dropped" : "absent";
    struct tn_cell c[SIGN_NCOLS];
    c[SIGN_unit_code] = tn_cell_text(was->unit_code);
    c[SIGN_direction] = tn_cell_text(was->up ? "QLT->KTTN" : "KTTN->QLT");
    c[SIGN_months_owed_before] = tn_cell_tenths(was->prev_tenths);
    c[SIGN_months_owed] = tn_cell_tenths(was->months_owed_tenths);
    c[SIGN_debt] = tn_cell_null();
    signer_cells(c, word, sig, found, changed);
    return out->row(out->ctx, c);
}

static tn_err run_signoff(struct tn_app *app, const struct tn_scope *scope,
                          const struct tn_report_params *p, const struct tn_sink *out)
{
    static const char *const depts[2] = {"QLT", "KTTN"};
    struct tn_handover_item *items = NULL;
    size_t n = 0;
    struct tn_handover_signoff sig[2];
    int found[2] = {0, 0};
    tn_handover_signoff_init(&sig[0]);
    tn_handover_signoff_init(&sig[1]);
    tn_err err = tn__handover_list(app, scope->office, p->period, p->as_of, &items, &n);
    for (int d = 0; d < 2 && !err; d++) {
        err = tn_store_handover_signed(app->store, p->period, depts[d], p->as_of, &sig[d]);
        found[d] = err == TN_OK;
        if (err == TN_ERR_NOT_FOUND)
            err = TN_OK;
    }
    char digest[65];
    tn_handover_digest(items, n, digest);
    /* the list changed after a signature when its digest is no longer the signed one */
    const char *changed = (found[0] && strcmp(sig[0].digest, digest) != 0) ||
                                  (found[1] && strcmp(sig[1].digest, digest) != 0)
                              ? "yes"
                              : "no";
    struct by_code idx[2], now_idx;
    index_items(sig[0].items, sig[0].n, &idx[0]);
    index_items(sig[1].items, sig[1].n, &idx[1]);
    index_items(items, n, &now_idx);
    for (size_t i = 0; i < n && !err; i++)
        err = signoff_line(out, &items[i], sig, idx, found, changed);
    for (int d = 0; d < 2 && !err; d++)
        for (size_t i = 0; i < sig[d].n && !err; i++) {
            const struct tn_handover_item *was = &sig[d].items[i];
            int now = find(&now_idx, was->unit_code) != NULL;
            int before = d == 1 && found[0] && find(&idx[0], was->unit_code);
            if (!now && !before)
                err = dropped_line(out, was, sig, idx, found, changed);
        }
    free(idx[0].p);
    free(idx[1].p);
    free(now_idx.p);
    tn_handover_signoff_release(&sig[0]);
    tn_handover_signoff_release(&sig[1]);
    free(items);
    return err;
}

#define COLS(p)       p##_cols, p##_NCOLS
#define PERIOD_OFFICE (TN_REPORT_PERIOD | TN_REPORT_OFFICE)
#define YEAR_OFFICE   (TN_REPORT_YEAR | TN_REPORT_OFFICE)

static const struct tn_report reports[] = {
    {"special_units", "Đơn vị ngừng hoạt động còn nợ / Inactive units in debt",
     "suspended, dissolved, bankrupt, absconded units owing, each with its workers' debt",
     COLS(SPECIAL), PERIOD_OFFICE, run_special},
    {"branches", "Chi nhánh có đơn vị chính ở nơi khác / Branches of units managed elsewhere",
     "branches whose parent is unknown here or in another province or office, with their debt",
     COLS(BRANCH), PERIOD_OFFICE, run_branches},
    {"cooperatives", "Tình hình nợ của hợp tác xã (QĐ 2422/QĐ-BHXH) / Cooperatives' debt",
     "seed 004: cooperatives owing 1+ and 3+ months, suspended, dissolved or bankrupt", COLS(COOP),
     YEAR_OFFICE, run_coops},
    {"cooperative_workers",
     "Nợ của hợp tác xã ngừng hoạt động theo người lao động / Inactive cooperatives by worker",
     "seed 004: inactive cooperatives owing, with each worker's debt and months", COLS(SPECIAL),
     YEAR_OFFICE, run_coop_workers},
    {"public_praise", "Đơn vị đóng đúng hạn để biểu dương / Units to praise: always on time",
     "seed 003: units never overdue at any month end of the year, with their figures", COLS(PRAISE),
     YEAR_OFFICE, run_praise},
    {"public_name", "Đơn vị nợ, trốn đóng để công khai / Units to name in the media",
     "seed 003, Law 41 Art 40: evading units and units late by policy/public_list.csv's months",
     COLS(NAME), PERIOD_OFFICE, run_name},
    {"handover_signoff", "Ký nhận bàn giao giữa QLT và KTTN / Handover sign-off",
     "the handover list with each department's signature, and what changed since", COLS(SIGN), 0,
     run_signoff},
};

TN__REPORT_GROUP(tn__reports_lists, reports);
