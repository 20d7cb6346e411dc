/*
 * app_whatif.c - the assessment of a window of months under another policy (app.h
 * "what-if"; docs/whatif.md): the rows of every unit are read once (tn_store_assess_units),
 * each month is assessed under the current policy and under the proposed one by core's
 * tn_assess_unit, in memory, and the two are compared per office, unit type (or unit), month,
 * fund and share, with totals. Nothing is written: the store may be open read-only. Payments
 * and interest are not recomputed; only what is charged.
 */
#include "app_int.h"

#include <stdlib.h>
#include <string.h>

#include "thuno/assess.h"
#include "thuno/assess_store.h"
#include "thuno/mem.h"
#include "thuno/policy.h"
#include "thuno/store.h"
#include "thuno/text.h"

/* clang-format off */
#define WHATIF_COLS(X, p)                                                                          \
    X(p, period, PERIOD, "Kỳ", "Period", 0)                                                        \
    X(p, office_code, TEXT, "Cơ quan BHXH", "Office", 0)                                           \
    X(p, unit_type, TEXT, "Loại hình", "Unit type", 0)                                             \
    X(p, unit_code, TEXT, "Mã đơn vị", "Unit code", 0)                                             \
    X(p, fund, TEXT, "Quỹ", "Fund", 0)                                                             \
    X(p, share, TEXT, "Bên đóng", "Paid by", 0)                                                    \
    X(p, current, MONEY, "Phải đóng theo chính sách hiện hành", "Current policy", 1)               \
    X(p, proposed, MONEY, "Phải đóng theo chính sách đề xuất", "Proposed policy", 1)               \
    X(p, difference, MONEY, "Chênh lệch", "Difference", 1)
TN_COLUMNS(WHATIF, WHATIF_COLS);

/* The funds and shares in the order rows show them: BHXH (sickness and maternity, TNLĐ-BNN,
 * pension and survivorship), BHYT, BHTN; the employer's share first. */
static const struct {
    enum tn_component c;
    const char *fund, *share;
} lines[TN_C_COUNT] = {
    {TN_C_SICKNESS_ER, "sickness", "employer"},
    {TN_C_TNLD_ER,     "tnld",     "employer"},
    {TN_C_PENSION_ER,  "pension",  "employer"},
    {TN_C_PENSION_EE,  "pension",  "worker"},
    {TN_C_BHYT_ER,     "bhyt",     "employer"},
    {TN_C_BHYT_EE,     "bhyt",     "worker"},
    {TN_C_BHTN_ER,     "bhtn",     "employer"},
    {TN_C_BHTN_EE,     "bhtn",     "worker"},
};
/* clang-format on */

/* The longest window: fifty years of months. */
#define MAX_MONTHS 600

const struct tn_col *tn_app_whatif_cols(size_t *ncols, const char **title)
{
    *ncols = WHATIF_NCOLS;
    if (title)
        *title = "So sánh số phải đóng theo chính sách đề xuất / What-if: assessment under a "
                 "proposed policy";
    return WHATIF_cols;
}

/* Amounts of one key: [month][component][0 current, 1 proposed]. */
#define AT(a, i, c, k) ((a)[((i)*TN_C_COUNT + (size_t)(c)) * 2 + (k)])

/* The amounts of an office and unit type over the window. */
struct group {
    char office[32];
    char type[16];
    tn_money *amt;
};

struct run {
    struct tn_app *app;
    const struct tn_policy *proposed;
    tn_period from;
    size_t months;
    int by_unit;
    const struct tn_sink *out;
    struct group *groups;
    size_t ngroups, capgroups;
    tn_money *unit;  /* the unit being read */
    tn_money *total; /* every unit */
};

static size_t amt_len(const struct run *r)
{
    return r->months * TN_C_COUNT * 2;
}

static struct group *group_of(struct run *r, const char *office, const char *type)
{
    for (size_t i = 0; i < r->ngroups; i++)
        if (strcmp(r->groups[i].office, office) == 0 && strcmp(r->groups[i].type, type) == 0)
            return &r->groups[i];
    TN_GROW(r->groups, r->capgroups, r->ngroups + 1);
    struct group *g = &r->groups[r->ngroups++];
    tn_text_copy(g->office, sizeof g->office, office);
    tn_text_copy(g->type, sizeof g->type, type);
    g->amt = tn_xcalloc(amt_len(r), sizeof *g->amt);
    return g;
}

static tn_err add_into(tn_money *dst, const tn_money *src, size_t n)
{
    tn_err err = TN_OK;
    for (size_t i = 0; i < n && !err; i++)
        if (src[i])
            err = tn_money_add(dst[i], src[i], &dst[i]);
    return err;
}

/* One row: p < 0 leaves the period empty. Errors: TN_ERR_OVERFLOW, out's. */
static tn_err put(const struct run *r, tn_period p, const char *office, const char *type,
                  const char *unit, const char *fund, const char *share, tn_money cur,
                  tn_money prop)
{
    tn_money diff;
    if (__builtin_sub_overflow(prop, cur, &diff))
        return TN_ERR_OVERFLOW;
    char pbuf[TN_PERIOD_BUFSZ];
    struct tn_cell c[WHATIF_NCOLS];
    c[WHATIF_period] = tn__period_cell(p, pbuf);
    c[WHATIF_office_code] = tn_cell_text(office);
    c[WHATIF_unit_type] = tn_cell_text(type);
    c[WHATIF_unit_code] = unit ? tn_cell_text(unit) : tn_cell_null();
    c[WHATIF_fund] = tn_cell_text(fund);
    c[WHATIF_share] = tn_cell_text(share);
    c[WHATIF_current] = tn_cell_int(cur);
    c[WHATIF_proposed] = tn_cell_int(prop);
    c[WHATIF_difference] = tn_cell_int(diff);
    return r->out->row(r->out->ctx, c);
}

/* The rows of one key's amounts a: a month, fund and share where either policy charges. */
static tn_err put_amounts(const struct run *r, const tn_money *a, const char *office,
                          const char *type, const char *unit)
{
    tn_err err = TN_OK;
    for (size_t i = 0; i < r->months && !err; i++)
        for (int k = 0; k < TN_C_COUNT && !err; k++) {
            tn_money cur = AT(a, i, lines[k].c, 0), prop = AT(a, i, lines[k].c, 1);
            if (cur || prop)
                err = put(r, r->from + (tn_period)i, office, type, unit, lines[k].fund,
                          lines[k].share, cur, prop);
        }
    return err;
}

static tn_err assess_fail(struct run *r, tn_err err, const char *vi, const char *en,
                          const char *unit, tn_period p)
{
    char pbuf[TN_PERIOD_BUFSZ] = "";
    tn_period_format(p, pbuf);
    return tn__app_fail(r->app, err,
                        "đơn vị %s, kỳ %s, chính sách %s: %s / unit %s, period %s, %s policy: %s",
                        unit, pbuf, vi, tn_err_message(err, TN_LANG_VI), unit, pbuf, en,
                        tn_err_message(err, TN_LANG_EN));
}

static tn_err on_unit(void *ctx, const struct tn_assess_unit *u)
{
    struct run *r = ctx;
    if (u->ndecls == 0)
        return TN_OK; /* nothing declared: nothing charged under any policy */
    memset(r->unit, 0, amt_len(r) * sizeof *r->unit);
    for (size_t i = 0; i < r->months; i++) {
        tn_period p = r->from + (tn_period)i;
        if (u->facts.registered_on > tn_period_last_day(p))
            continue; /* not registered yet: the close skips it too */
        tn_money cur[TN_C_COUNT], prop[TN_C_COUNT];
        long long workers;
        tn_err err =
            tn_assess_unit(r->app->policy, &u->facts, p, u->decls, u->ndecls, cur, &workers);
        if (err)
            return assess_fail(r, err, "hiện hành", "current", u->code, p);
        if ((err = tn_assess_unit(r->proposed, &u->facts, p, u->decls, u->ndecls, prop, &workers)))
            return assess_fail(r, err, "đề xuất", "proposed", u->code, p);
        for (int c = 0; c < TN_C_COUNT; c++) {
            AT(r->unit, i, c, 0) = cur[c];
            AT(r->unit, i, c, 1) = prop[c];
        }
    }
    struct group *g = group_of(r, u->office, u->type);
    tn_err err = add_into(g->amt, r->unit, amt_len(r));
    if (!err)
        err = add_into(r->total, r->unit, amt_len(r));
    if (!err && r->by_unit)
        err = put_amounts(r, r->unit, u->office, u->type, u->code);
    return err;
}

static int by_office_type(const void *a, const void *b)
{
    const struct group *x = a, *y = b;
    int c = strcmp(x->office, y->office);
    return c ? c : strcmp(x->type, y->type);
}

/* The totals: per month, fund and share; per fund and share over the window; all. */
static tn_err put_totals(const struct run *r)
{
    tn_err err = put_amounts(r, r->total, "total", "", NULL);
    tn_money all[2] = {0, 0};
    for (int k = 0; k < TN_C_COUNT && !err; k++) {
        tn_money sum[2] = {0, 0};
        for (size_t i = 0; i < r->months && !err; i++)
            for (int s = 0; s < 2 && !err; s++)
                err = tn_money_add(sum[s], AT(r->total, i, lines[k].c, s), &sum[s]);
        if (!err && (sum[0] || sum[1]))
            err = put(r, -1, "total", "", NULL, lines[k].fund, lines[k].share, sum[0], sum[1]);
        for (int s = 0; s < 2 && !err; s++)
            err = tn_money_add(all[s], sum[s], &all[s]);
    }
    if (!err)
        err = put(r, -1, "total", "", NULL, "total", "total", all[0], all[1]);
    return err;
}

tn_err tn_app_whatif(struct tn_app *app, const struct tn_scope *scope,
                     const struct tn_policy *proposed, tn_period from, tn_period to, int flags,
                     const struct tn_sink *out)
{
    app->why[0] = '\0';
    if (from > to || to - from >= MAX_MONTHS)
        return tn__app_fail(app, TN_ERR_USAGE,
                            "--from phải trước --to, tối đa %d tháng / --from must not be after "
                            "--to, at most %d months",
                            MAX_MONTHS, MAX_MONTHS);
    struct tn_scope sc;
    tn_err err = tn__app_scope(app, scope, &sc);
    if (err)
        return err;
    struct run r = {.app = app,
                    .proposed = proposed,
                    .from = from,
                    .months = (size_t)(to - from) + 1,
                    .by_unit = (flags & TN_WHATIF_BY_UNIT) != 0,
                    .out = out};
    r.unit = tn_xcalloc(amt_len(&r), sizeof *r.unit);
    r.total = tn_xcalloc(amt_len(&r), sizeof *r.total);
    err = tn_store_assess_units(app->store, sc.office, to, on_unit, &r);
    if (err == TN_ERR_STORE || (err == TN_ERR_PARSE && !app->why[0]))
        tn__app_fail(app, err, "%s", tn_store_errmsg(app->store));
    if (!err && !r.by_unit) {
        tn_sort(r.groups, r.ngroups, sizeof *r.groups, by_office_type);
        for (size_t i = 0; i < r.ngroups && !err; i++)
            err = put_amounts(&r, r.groups[i].amt, r.groups[i].office, r.groups[i].type, NULL);
    }
    if (!err)
        err = put_totals(&r);
    for (size_t i = 0; i < r.ngroups; i++)
        free(r.groups[i].amt);
    free(r.groups);
    free(r.unit);
    free(r.total);
    return err;
}
