/*
 * report_series.c - the director's dashboard's series by month and the units list as reports
 * (docs/web.md), so that each downloads as one file:
 *   collection_months  collected against plan, a row a month closed in the range (the
 *                      province's row of collection_plan, or the office's under an office cut);
 *   debt_buckets       the debt past its deadline of the units owing (those of the debtors
 *                      report), summed by age bucket (tn_aging_bucket), a row a month closed;
 *   units              the units list (GET /units) with its filters and sort, every unit.
 * Composed from the store's reads the monthly reports make (tn_store_plan_kpi,
 * tn_store_debtors) and from the list's own read (tn__app_units_all, app_units.c: one read
 * and one sort, not a page at a time). Registered as the group tn__reports_series
 * (report_registry.c).
 */
#include "app_int.h"

#include <stdio.h>
#include <string.h>

#include "thuno/aging.h"
#include "thuno/close.h"
#include "thuno/lists.h"
#include "thuno/operations_store.h"
#include "thuno/percent.h"
#include "thuno/store.h"
#include "thuno/units.h"

/* clang-format off */
#define MPLAN_COLS(X, p)                                                                           \
    X(p, period, PERIOD, "Tháng", "Month", 0)                                                      \
    X(p, scope, TEXT, "Phạm vi", "Scope", 0)                                                       \
    X(p, key, TEXT, "Nhóm", "Group", 0)                                                            \
    X(p, units, COUNT, "Số đơn vị", "Units", 1)                                                    \
    X(p, plan, MONEY, "Kế hoạch", "Plan", 1)                                                       \
    X(p, collected, MONEY, "Đã thu", "Collected", 1)                                               \
    X(p, collected_pct, TENTHS, "Tỷ lệ thu so với kế hoạch (%)", "Collected of plan (%)", 0)       \
    X(p, assessed, MONEY, "Phải thu", "Assessed", 1)                                               \
    X(p, efficiency_pct, TENTHS, "Hiệu suất thu (%)", "Collection efficiency (%)", 0)              \
    X(p, debt, MONEY, "Số nợ", "Debt", 1)
TN_COLUMNS(MPLAN, MPLAN_COLS);

#define MBUCKET_COLS(X, p)                                                                         \
    X(p, period, PERIOD, "Tháng", "Month", 0)                                                      \
    X(p, units, COUNT, "Số đơn vị nợ", "Units owing", 1)                                           \
    X(p, debt_0, MONEY, "Nợ dưới 1 tháng", "Debt under 1 month", 1)                                \
    X(p, debt_1_3, MONEY, "Nợ 1–3 tháng", "Debt 1–3 months", 1)                                    \
    X(p, debt_3_6, MONEY, "Nợ 3–6 tháng", "Debt 3–6 months", 1)                                    \
    X(p, debt_6_12, MONEY, "Nợ 6–12 tháng", "Debt 6–12 months", 1)                                 \
    X(p, debt_12_plus, MONEY, "Nợ từ 12 tháng", "Debt 12 months +", 1)                             \
    X(p, debt, MONEY, "Tổng số nợ", "Debt in all", 1)
TN_COLUMNS(MBUCKET, MBUCKET_COLS);

#define ULIST_COLS(X, p)                                                                           \
    X(p, unit_code, TEXT, "Mã đơn vị", "Unit code", 0)                                             \
    X(p, name, TEXT, "Tên đơn vị", "Name", 0)                                                      \
    X(p, type, TEXT, "Loại hình", "Type", 0)                                                       \
    X(p, status, TEXT, "Tình trạng hoạt động", "Status", 0)                                        \
    X(p, tax_code, TEXT, "Mã số thuế", "Tax code", 0)                                              \
    X(p, office_code, TEXT, "Cơ quan BHXH", "Office", 0)                                           \
    X(p, officer_code, TEXT, "Cán bộ chuyên quản", "Officer", 0)                                   \
    X(p, period, PERIOD, "Kỳ", "Period", 0)                                                        \
    X(p, debt, MONEY, "Số nợ", "Debt", 1)                                                          \
    X(p, months_owed, TENTHS, "Số tháng nợ", "Months owed", 0)                                     \
    X(p, bucket, TEXT, "Nhóm tuổi nợ", "Age bucket", 0)                                            \
    X(p, legal_status, TEXT, "Tình trạng pháp lý", "Legal status", 0)
TN_COLUMNS(ULIST, ULIST_COLS);
/* clang-format on */

/* ---- the months closed ---- */

/* Whether month m is closed as known at as_of: not before the first close and not after the
 * last period closed in its year (closes follow one another: tn_app_close_check). *year and
 * *last cache the year last asked. Errors: TN_ERR_STORE. */
static tn_err month_closed(struct tn_app *app, const char *as_of, tn_period first, tn_period m,
                           int *year, tn_period *last, int *closed)
{
    if (*year != m / 12) {
        tn_err err = tn_store_last_closed(app->store, m / 12, as_of, last);
        if (err == TN_ERR_NOT_FOUND)
            *last = -1;
        else if (err)
            return tn__app_fail(app, err, "%s", tn_store_errmsg(app->store));
        *year = m / 12;
    }
    *closed = m >= first && *last >= 0 && m <= *last;
    return TN_OK;
}

/* Calls each(app, scope, p, month, out) for every month of p->first..p->last closed as known
 * at p->as_of, in order. */
typedef tn_err (*month_fn)(struct tn_app *app, const struct tn_scope *scope,
                           const struct tn_report_params *p, tn_period month,
                           const struct tn_sink *out);

static tn_err each_closed_month(struct tn_app *app, const struct tn_scope *scope,
                                const struct tn_report_params *p, const struct tn_sink *out,
                                month_fn each)
{
    tn_period first, last_ever;
    tn_err err = tn_store_closed_periods(app->store, &first, &last_ever);
    if (err == TN_ERR_NOT_FOUND)
        return TN_OK; /* nothing closed: no month */
    if (err)
        return tn__app_fail(app, err, "%s", tn_store_errmsg(app->store));
    int year = -1, closed = 0;
    tn_period last = -1;
    for (tn_period m = p->first; !err && m <= p->last; m++) {
        err = month_closed(app, p->as_of, first, m, &year, &last, &closed);
        if (!err && closed)
            err = each(app, scope, p, m, out);
    }
    return err;
}

/* ---- collected against plan, by month ---- */

struct plan_pick {
    struct tn_plan_row row;
    int found; /* 2: the province's row, 1: an office's */
};

static tn_err pick_plan(void *ctx, const struct tn_plan_row *r)
{
    struct plan_pick *k = ctx;
    int rank = strcmp(r->scope, "province") == 0 ? 2 : strcmp(r->scope, "office") == 0 ? 1 : 0;
    if (rank > k->found) {
        k->row = *r;
        k->found = rank;
    }
    return TN_OK;
}

static tn_err plan_month(struct tn_app *app, const struct tn_scope *scope,
                         const struct tn_report_params *p, tn_period month,
                         const struct tn_sink *out)
{
    struct plan_pick k = {.found = 0};
    tn_err err = tn_store_plan_kpi(app->store, scope->office, month, p->as_of, pick_plan, &k);
    if (err)
        return tn__app_fail(app, err, "%s", tn_store_errmsg(app->store));
    if (!k.found)
        return TN_OK;
    const struct tn_plan_row *r = &k.row;
    char per[TN_PERIOD_BUFSZ];
    struct tn_cell c[MPLAN_NCOLS];
    c[MPLAN_period] = tn__period_cell(month, per);
    c[MPLAN_scope] = tn_cell_text(r->scope);
    c[MPLAN_key] = tn_cell_text(r->key);
    c[MPLAN_units] = tn_cell_int(r->units);
    c[MPLAN_plan] = tn_cell_int_or_null(r->plan);
    c[MPLAN_collected] = tn_cell_int(r->collected);
    c[MPLAN_collected_pct] = tn_cell_tenths_or_null(tn_percent_tenths(r->collected, r->plan));
    c[MPLAN_assessed] = tn_cell_int(r->assessed);
    c[MPLAN_efficiency_pct] = tn_cell_tenths_or_null(tn_percent_tenths(r->collected, r->assessed));
    c[MPLAN_debt] = tn_cell_int(r->debt);
    return out->row(out->ctx, c);
}

static tn_err run_collection_months(struct tn_app *app, const struct tn_scope *scope,
                                    const struct tn_report_params *p, const struct tn_sink *out)
{
    return each_closed_month(app, scope, p, out, plan_month);
}

/* ---- debt by age bucket, by month ---- */

static const char *const buckets[] = {"0", "1-3", "3-6", "6-12", "12+"};
#define NBUCKETS (sizeof buckets / sizeof buckets[0])

struct bucket_sums {
    long long units;
    tn_money debt[NBUCKETS];
};

static tn_err add_debtor(void *ctx, const struct tn_debtor_row *r)
{
    struct bucket_sums *s = ctx;
    const char *b = tn_aging_bucket(r->months_owed_tenths);
    for (size_t i = 0; i < NBUCKETS; i++)
        if (strcmp(b, buckets[i]) == 0) {
            if (r->debt > INT64_MAX - s->debt[i])
                return TN_ERR_OVERFLOW;
            s->debt[i] += r->debt;
        }
    s->units++;
    return TN_OK;
}

static tn_err bucket_month(struct tn_app *app, const struct tn_scope *scope,
                           const struct tn_report_params *p, tn_period month,
                           const struct tn_sink *out)
{
    struct bucket_sums s = {0, {0}};
    tn_err err = tn_store_debtors(app->store, scope->office, month, p->as_of, add_debtor, &s);
    if (err == TN_ERR_STORE)
        return tn__app_fail(app, err, "%s", tn_store_errmsg(app->store));
    if (err)
        return err;
    tn_money total = 0;
    for (size_t i = 0; i < NBUCKETS; i++) {
        if (s.debt[i] > INT64_MAX - total)
            return TN_ERR_OVERFLOW;
        total += s.debt[i];
    }
    char per[TN_PERIOD_BUFSZ];
    struct tn_cell c[MBUCKET_NCOLS];
    c[MBUCKET_period] = tn__period_cell(month, per);
    c[MBUCKET_units] = tn_cell_int(s.units);
    c[MBUCKET_debt_0] = tn_cell_int(s.debt[0]);
    c[MBUCKET_debt_1_3] = tn_cell_int(s.debt[1]);
    c[MBUCKET_debt_3_6] = tn_cell_int(s.debt[2]);
    c[MBUCKET_debt_6_12] = tn_cell_int(s.debt[3]);
    c[MBUCKET_debt_12_plus] = tn_cell_int(s.debt[4]);
    c[MBUCKET_debt] = tn_cell_int(total);
    return out->row(out->ctx, c);
}

static tn_err run_debt_buckets(struct tn_app *app, const struct tn_scope *scope,
                               const struct tn_report_params *p, const struct tn_sink *out)
{
    return each_closed_month(app, scope, p, out, bucket_month);
}

/* ---- the units list ---- */

/* clang-format off */
static const struct {
    const char *name;
    enum tn_unit_sort sort;
} sorts[] = {
    {"code", TN_UNIT_SORT_CODE}, {"name", TN_UNIT_SORT_NAME},
    {"debt", TN_UNIT_SORT_DEBT}, {"months_owed", TN_UNIT_SORT_MONTHS_OWED},
};
/* clang-format on */

static tn_err unit_row(const struct tn_sink *out, const struct tn_unit_entry *e, tn_period period)
{
    char per[TN_PERIOD_BUFSZ];
    struct tn_cell c[ULIST_NCOLS];
    int b = e->has_balance;
    c[ULIST_unit_code] = tn_cell_text(e->unit_code);
    c[ULIST_name] = tn_cell_text(e->name);
    c[ULIST_type] = tn_cell_text(e->type);
    c[ULIST_status] = tn_cell_text(e->status);
    c[ULIST_tax_code] = tn_cell_text(e->tax_code);
    c[ULIST_office_code] = e->office_code[0] ? tn_cell_text(e->office_code) : tn_cell_null();
    c[ULIST_officer_code] = e->officer_code[0] ? tn_cell_text(e->officer_code) : tn_cell_null();
    c[ULIST_period] = tn__period_cell(b ? period : -1, per);
    c[ULIST_debt] = b ? tn_cell_int(e->debt) : tn_cell_null();
    c[ULIST_months_owed] = b ? tn_cell_tenths_or_null(e->months_owed_tenths) : tn_cell_null();
    c[ULIST_bucket] = b && e->bucket[0] ? tn_cell_text(e->bucket) : tn_cell_null();
    c[ULIST_legal_status] =
        b && e->legal_status[0] ? tn_cell_text(e->legal_status) : tn_cell_null();
    return out->row(out->ctx, c);
}

/* Every unit of the list as GET /units pages it (tn_app_units: the scope's units, an officer
 * its own), read once in the list's order (tn__app_units_all). */
static tn_err run_units(struct tn_app *app, const struct tn_scope *scope,
                        const struct tn_report_params *p, const struct tn_sink *out)
{
    struct tn_unit_query q = {
        p->period, p->as_of,          p->officer, p->type, p->bucket, p->legal_status,
        p->text,   TN_UNIT_SORT_CODE, p->desc,    NULL,    0};
    if (p->sort) {
        size_t i = 0;
        while (i < sizeof sorts / sizeof sorts[0] && strcmp(sorts[i].name, p->sort) != 0)
            i++;
        if (i == sizeof sorts / sizeof sorts[0])
            return tn__app_fail(app, TN_ERR_USAGE,
                                "sắp xếp theo code, name, debt hoặc months_owed / sort by code, "
                                "name, debt or months_owed, not \"%s\"",
                                p->sort);
        q.sort = sorts[i].sort;
    }
    struct tn_unit_page page;
    tn_unit_page_init(&page);
    tn_err err = tn__app_units_all(app, scope, &q, &page);
    for (size_t i = 0; !err && i < page.n; i++)
        err = unit_row(out, &page.units[i], page.period);
    tn_unit_page_release(&page);
    return err;
}

#define MONTHS_OFFICE (TN_REPORT_MONTHS | TN_REPORT_OFFICE)

static const struct tn_report reports[] = {
    {"collection_months", "Số đã thu so với kế hoạch theo tháng / Collected against plan by month",
     "a row a month closed from --from to --to (YYYY-MM): the province's (or the office's) plan, "
     "collected and %",
     MPLAN_cols, MPLAN_NCOLS, MONTHS_OFFICE, run_collection_months},
    {"debt_buckets", "Số nợ theo nhóm tuổi nợ theo tháng / Debt by age bucket by month",
     "a row a month closed from --from to --to (YYYY-MM): the debt of the units owing by age "
     "bucket",
     MBUCKET_cols, MBUCKET_NCOLS, MONTHS_OFFICE | TN_REPORT_NO_SUM, run_debt_buckets},
    {"units", "Danh sách đơn vị / Units",
     "the units list with its filters (--type, --bucket, --legal-status, --q) and sort, the "
     "period's balance (default: the last closed)",
     ULIST_cols, ULIST_NCOLS, TN_REPORT_UNITS | TN_REPORT_OFFICE | TN_REPORT_OFFICER, run_units},
};

TN__REPORT_GROUP(tn__reports_series, reports);
