/*
 * app_unit_detail.c - a unit's workers' declarations and its payments for its page
 * (app_unit.h): the store's rows (unit_detail.h) as typed cells, for a unit the scope sees.
 */
#include "app_int.h"

#include <stdio.h>
#include <string.h>

#include "thuno/policy.h"
#include "thuno/store.h"
#include "thuno/unit_detail.h"

/* clang-format off */
#define WORKER_COLS(X, p)                                                                          \
    X(p, bhxh_code, TEXT, "Mã số BHXH", "Social insurance number", 0)                              \
    X(p, full_name, TEXT, "Họ và tên", "Full name", 0)                                             \
    X(p, from_period, PERIOD, "Từ tháng", "From", 0)                                               \
    X(p, kind, TEXT, "Loại khai báo", "Declaration", 0)                                            \
    X(p, salary, MONEY, "Tiền lương", "Salary", 0)                                                 \
    X(p, funds, TEXT, "Quỹ tham gia", "Funds", 0)                                                  \
    X(p, declared_on, DATE, "Ngày khai báo", "Declared on", 0)                                     \
    X(p, reason, TEXT, "Lý do", "Reason", 0)                                                       \
    X(p, known_at, TEXT, "Biết từ", "Known at", 0)
#define PAYMENT_COLS(X, p)                                                                         \
    X(p, txn_id, TEXT, "Mã giao dịch", "Transaction", 0)                                           \
    X(p, paid_on, DATE, "Ngày nộp", "Paid on", 0)                                                  \
    X(p, amount, MONEY, "Số tiền", "Amount", 1)                                                    \
    X(p, channel, TEXT, "Hình thức nộp", "Channel", 0)                                             \
    X(p, memo, TEXT, "Nội dung chuyển tiền", "Transfer memo", 0)                                   \
    X(p, bhxh_code, TEXT, "Cho người lao động", "For the worker", 0)                               \
    X(p, case_id, TEXT, "Theo hồ sơ", "Under the case", 0)                                         \
    X(p, reverses, TEXT, "Hoàn trả giao dịch", "Reverses", 0)                                      \
    X(p, allocated, MONEY, "Đã phân bổ", "Allocated", 1)                                           \
    X(p, allocation, TEXT, "Phân bổ (tháng, phần, số tiền)", "Allocation (month, part, amount)", 0)
/* clang-format on */
TN_COLUMNS(WK, WORKER_COLS);
TN_COLUMNS(PM, PAYMENT_COLS);

const struct tn_col *tn_app_unit_worker_cols(size_t *ncols)
{
    *ncols = WK_NCOLS;
    return WK_cols;
}

const struct tn_col *tn_app_unit_payment_cols(size_t *ncols)
{
    *ncols = PM_NCOLS;
    return PM_cols;
}

static struct tn_cell text_or_null(const char *s)
{
    return s[0] ? tn_cell_text(s) : tn_cell_null();
}

static tn_err worker_row(void *ctx, const struct tn_unit_declaration *r)
{
    const struct tn_sink *out = ctx;
    static const struct {
        unsigned flag;
        const char *name;
    } funds[] = {{TN_FUND_BHXH, "BHXH"},
                 {TN_FUND_BHYT, "BHYT"},
                 {TN_FUND_BHTN, "BHTN"},
                 {TN_FUND_TNLD, "TNLD"}};
    char f[32] = "";
    size_t n = 0;
    for (size_t i = 0; i < sizeof funds / sizeof funds[0]; i++)
        if ((unsigned)r->funds & funds[i].flag)
            n += (size_t)snprintf(f + n, sizeof f - n, "%s%s", n ? "," : "", funds[i].name);
    struct tn_cell c[WK_NCOLS];
    c[WK_bhxh_code] = tn_cell_text(r->bhxh_code);
    c[WK_full_name] = tn_cell_text(r->full_name);
    c[WK_from_period] = tn_cell_text(r->from_period);
    c[WK_kind] = tn_cell_text(r->kind);
    c[WK_salary] = tn_cell_int_or_null(r->salary);
    c[WK_funds] = tn_cell_text(f);
    c[WK_declared_on] = tn_cell_text(r->declared_on);
    c[WK_reason] = text_or_null(r->reason);
    c[WK_known_at] = tn_cell_text(r->known_at);
    return out->row(out->ctx, c);
}

static tn_err payment_row(void *ctx, const struct tn_unit_payment *r)
{
    const struct tn_sink *out = ctx;
    struct tn_cell c[PM_NCOLS];
    c[PM_txn_id] = tn_cell_text(r->txn_id);
    c[PM_paid_on] = tn_cell_text(r->paid_on);
    c[PM_amount] = tn_cell_int(r->amount);
    c[PM_channel] = tn_cell_text(r->channel);
    c[PM_memo] = text_or_null(r->memo);
    c[PM_bhxh_code] = text_or_null(r->bhxh_code);
    c[PM_case_id] = text_or_null(r->case_id);
    c[PM_reverses] = text_or_null(r->reverses);
    c[PM_allocated] = tn_cell_int(r->allocated);
    c[PM_allocation] = text_or_null(r->allocation);
    return out->row(out->ctx, c);
}

tn_err tn_app_unit_workers(struct tn_app *app, const struct tn_scope *scope, const char *unit,
                           const char *as_of, const struct tn_sink *out)
{
    app->why[0] = '\0';
    tn_err err = tn_app_unit_visible(app, scope, unit, as_of);
    if (err)
        return err;
    err = tn_store_unit_declarations(app->store, unit, as_of, worker_row, (void *)out);
    return err == TN_ERR_STORE ? tn__app_fail(app, err, "%s", tn_store_errmsg(app->store)) : err;
}

tn_err tn_app_unit_payments(struct tn_app *app, const struct tn_scope *scope, const char *unit,
                            const char *as_of, const struct tn_sink *out)
{
    app->why[0] = '\0';
    tn_err err = tn_app_unit_visible(app, scope, unit, as_of);
    if (err)
        return err;
    err = tn_store_unit_payments(app->store, unit, as_of, payment_row, (void *)out);
    return err == TN_ERR_STORE ? tn__app_fail(app, err, "%s", tn_store_errmsg(app->store)) : err;
}
