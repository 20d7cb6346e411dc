/*
 * app_case_register.c - the registers kept beside a case's events: court fees and hearings,
 * assets with their verifications, the creditor's seizure order and measures, forced-deduction
 * orders and their replies, informants' tips and their results, the enforcement agent, and
 * branches in other provinces (docs/case-registers.md; seed 000; issue 5 items 2, 3 and 5).
 * One function per verb: each checks its own arguments here, the register's values and
 * priorities by core (case_register.h), the row against the case by the store.
 */
#include "app_int.h"
#include "thuno/app.h"

#include <string.h>

#include "thuno/case_register_store.h"
#include "thuno/store.h"

#define BAD(app, ...) tn__app_fail(app, TN_ERR_REJECTED, __VA_ARGS__)

static void copy(char *dst, size_t size, const char *s)
{
    snprintf(dst, size, "%s", s ? s : "");
}

/* a row of reg for base b, nothing else said */
static void row_init(struct tn_case_reg_row *r, enum tn_case_reg reg,
                     const struct tn_case_reg_base *b)
{
    memset(r, 0, sizeof *r);
    r->reg = reg;
    r->amount = -1;
    r->flag = -1;
    r->day = b->day;
    copy(r->case_id, sizeof r->case_id, b->case_id);
    copy(r->note, sizeof r->note, b->note);
    copy(r->actor, sizeof r->actor, b->actor);
}

/* an amount given as opt: above 0 when positive */
static tn_err amount_ok(struct tn_app *app, const char *opt, tn_money m, int positive)
{
    if (m < 0 || (positive && m == 0))
        return BAD(app,
                   "%s: số tiền không hợp lệ / expected a whole number of đồng%s, got \"%lld\"",
                   opt, positive ? " above 0" : "", (long long)m);
    return TN_OK;
}

/* a row number (asset, order, tip), from 1 */
static tn_err number_ok(struct tn_app *app, const char *what, long n)
{
    if (n <= 0)
        return BAD(app, "%s: số thứ tự không hợp lệ / expected a number from 1, got \"%ld\"", what,
                   n);
    return TN_OK;
}

static tn_err what_ok(struct tn_app *app, struct tn_case_reg_row *r, const char *v)
{
    if (!v || tn_case_reg_check_what(r->reg, v))
        return BAD(app, "%s: giá trị không hợp lệ / expected one of %s, got \"%s\"",
                   tn_case_reg_name(r->reg), tn_case_reg_whats(r->reg), v ? v : "");
    copy(r->what, sizeof r->what, v);
    return TN_OK;
}

/* Adds r once its own checks passed: a register records what happened, so only a scheduled
 * hearing is known before its day. */
static tn_err add(struct tn_app *app, const struct tn_case_reg_row *r, long *no)
{
    char today_s[11], d[TN_DAY_BUFSZ];
    tn_day today;
    snprintf(today_s, sizeof today_s, "%.10s", app->now);
    tn_day_format(r->day, d);
    if (!tn_day_parse(today_s, &today) && r->day > today &&
        !(r->reg == TN_CASE_REG_HEARING && strcmp(r->what, "scheduled") == 0))
        return BAD(app,
                   "ngày %s sau hôm nay / %s is after today (%s); only a scheduled hearing may "
                   "be dated ahead",
                   d, d, today_s);
    char why[384] = "";
    tn_err err = tn_store_case_reg_add(app->store, r, app->now, no, why, sizeof why);
    if (err == TN_ERR_STORE)
        return tn__app_fail(app, err, "%s", tn_store_errmsg(app->store));
    if (err)
        return BAD(app, "từ chối / refused: %s", why);
    return TN_OK;
}

tn_err tn_app_case_fee(struct tn_app *app, const struct tn_scope *scope,
                       const struct tn_case_fee_args *a, long *no)
{
    (void)scope;
    app->why[0] = '\0';
    struct tn_case_reg_row r;
    row_init(&r, TN_CASE_REG_FEE, &a->b);
    if ((a->amount >= 0) == (a->exempt != NULL))
        return BAD(app, "fee: cần --amount N hoặc --exempt CĂN_CỨ / give either --amount N or "
                        "--exempt BASIS (the legal basis of the exemption)");
    if (a->exempt && !*a->exempt)
        return BAD(app, "fee: --exempt cần căn cứ pháp lý / --exempt needs its legal basis");
    copy(r.what, sizeof r.what, a->exempt ? "exempt" : "paid");
    tn_err err = TN_OK;
    if (a->exempt)
        copy(r.detail, sizeof r.detail, a->exempt);
    else if (!(err = amount_ok(app, "--amount", a->amount, 1)))
        r.amount = a->amount;
    return err ? err : add(app, &r, no);
}

tn_err tn_app_case_hearing(struct tn_app *app, const struct tn_scope *scope,
                           const struct tn_case_hearing_args *a, long *no)
{
    (void)scope;
    app->why[0] = '\0';
    struct tn_case_reg_row r;
    row_init(&r, TN_CASE_REG_HEARING, &a->b);
    if (!a->court || !*a->court)
        return BAD(app, "hearing: cần --court / --court (which court) is required");
    copy(r.party, sizeof r.party, a->court);
    tn_err err = what_ok(app, &r, a->status);
    return err ? err : add(app, &r, no);
}

tn_err tn_app_case_asset(struct tn_app *app, const struct tn_scope *scope,
                         const struct tn_case_asset_args *a, long *no)
{
    (void)scope;
    app->why[0] = '\0';
    struct tn_case_reg_row r;
    row_init(&r, TN_CASE_REG_ASSET, &a->b);
    tn_err err = what_ok(app, &r, a->kind);
    if (err)
        return err;
    if (!a->description || !*a->description)
        return BAD(app, "asset: cần mô tả tài sản / the asset's description is required");
    copy(r.detail, sizeof r.detail, a->description);
    copy(r.party, sizeof r.party, a->holder);
    r.flag = a->pledged < 0 ? -1 : a->pledged != 0;
    if (a->value != -1 && (err = amount_ok(app, "--value", a->value, 0)))
        return err;
    r.amount = a->value;
    return add(app, &r, no);
}

tn_err tn_app_case_verify(struct tn_app *app, const struct tn_scope *scope,
                          const struct tn_case_verify_args *a, long *no)
{
    (void)scope;
    app->why[0] = '\0';
    struct tn_case_reg_row r;
    row_init(&r, TN_CASE_REG_VERIFICATION, &a->b);
    if (!a->by || !*a->by)
        return BAD(app, "verify: cần --by (ai xác minh) / --by (who verified) is required");
    copy(r.party, sizeof r.party, a->by);
    tn_err err;
    if ((err = number_ok(app, "asset", a->asset)) || (err = what_ok(app, &r, a->result)))
        return err;
    r.ref = a->asset;
    return add(app, &r, no);
}

tn_err tn_app_case_priority(struct tn_app *app, const struct tn_scope *scope,
                            const struct tn_case_priority_args *a, long *no)
{
    (void)scope;
    app->why[0] = '\0';
    struct tn_case_reg_row r;
    row_init(&r, TN_CASE_REG_PRIORITY, &a->b);
    long order[64];
    size_t n;
    char why[160];
    if (tn_case_priority_parse(a->order ? a->order : "", order, 64, &n, why, sizeof why))
        return BAD(app, "priority: %s", why);
    copy(r.detail, sizeof r.detail, a->order);
    return add(app, &r, no);
}

tn_err tn_app_case_measure(struct tn_app *app, const struct tn_scope *scope,
                           const struct tn_case_measure_args *a, long *no)
{
    (void)scope;
    app->why[0] = '\0';
    struct tn_case_reg_row r;
    row_init(&r, TN_CASE_REG_MEASURE, &a->b);
    tn_err err;
    if ((err = number_ok(app, "asset", a->asset)) || (err = what_ok(app, &r, a->measure)))
        return err;
    r.ref = a->asset;
    if (a->amount != -1 && (err = amount_ok(app, "--amount", a->amount, 1)))
        return err;
    r.amount = a->amount;
    return add(app, &r, no);
}

tn_err tn_app_case_bank_order(struct tn_app *app, const struct tn_scope *scope,
                              const struct tn_case_bank_order_args *a, long *no)
{
    (void)scope;
    app->why[0] = '\0';
    struct tn_case_reg_row r;
    row_init(&r, TN_CASE_REG_BANK_ORDER, &a->b);
    if (!a->bank || !*a->bank)
        return BAD(app, "bank-order: cần tên ngân hàng / the bank (or treasury) is required");
    copy(r.party, sizeof r.party, a->bank);
    if (a->amount == -1)
        return BAD(app, "bank-order: cần --amount / --amount (the sum ordered) is required");
    tn_err err;
    if ((err = amount_ok(app, "--amount", a->amount, 1)) ||
        (err = what_ok(app, &r, a->channel ? a->channel : "bank")))
        return err;
    r.amount = a->amount;
    return add(app, &r, no);
}

tn_err tn_app_case_bank_reply(struct tn_app *app, const struct tn_scope *scope,
                              const struct tn_case_bank_reply_args *a, long *no)
{
    (void)scope;
    app->why[0] = '\0';
    struct tn_case_reg_row r;
    row_init(&r, TN_CASE_REG_BANK_REPLY, &a->b);
    tn_err err;
    if ((err = number_ok(app, "order", a->order)) || (err = what_ok(app, &r, a->result)))
        return err;
    r.ref = a->order;
    if (a->amount != -1 && (err = amount_ok(app, "--amount", a->amount, 1)))
        return err;
    r.amount = a->amount;
    return add(app, &r, no);
}

tn_err tn_app_case_tip(struct tn_app *app, const struct tn_scope *scope,
                       const struct tn_case_tip_args *a, long *no)
{
    (void)scope;
    app->why[0] = '\0';
    struct tn_case_reg_row r;
    row_init(&r, TN_CASE_REG_TIP, &a->b);
    if (!a->informant || !*a->informant || !a->asset_text || !*a->asset_text)
        return BAD(app, "tip: cần người báo tin và tài sản / the informant and the asset are "
                        "required");
    copy(r.party, sizeof r.party, a->informant);
    copy(r.detail, sizeof r.detail, a->asset_text);
    tn_err err;
    if (a->asset && (err = number_ok(app, "--asset-no", a->asset)))
        return err;
    r.ref = a->asset;
    return add(app, &r, no);
}

tn_err tn_app_case_tip_result(struct tn_app *app, const struct tn_scope *scope,
                              const struct tn_case_tip_result_args *a, long *no)
{
    (void)scope;
    app->why[0] = '\0';
    struct tn_case_reg_row r;
    row_init(&r, TN_CASE_REG_TIP_RESULT, &a->b);
    tn_err err;
    if ((err = number_ok(app, "tip", a->tip)))
        return err;
    r.ref = a->tip;
    if (a->recovered == -1)
        return BAD(app, "tip-result: cần --recovered N (0: không thu được) / --recovered N is "
                        "required (0: the tip led to nothing)");
    if ((err = amount_ok(app, "--recovered", a->recovered, 0)))
        return err;
    r.amount = a->recovered;
    return add(app, &r, no);
}

tn_err tn_app_case_agent(struct tn_app *app, const struct tn_scope *scope,
                         const struct tn_case_agent_args *a, long *no)
{
    (void)scope;
    app->why[0] = '\0';
    struct tn_case_reg_row r;
    row_init(&r, TN_CASE_REG_AGENT, &a->b);
    tn_err err = what_ok(app, &r, a->agent);
    if (err)
        return err;
    if (!a->office || !*a->office)
        return BAD(app, "agent: cần tên cơ quan / the office (THADS or bailiff) is required");
    copy(r.party, sizeof r.party, a->office);
    return add(app, &r, no);
}

tn_err tn_app_case_branch(struct tn_app *app, const struct tn_scope *scope, const char *case_id,
                          const char *unit, const char *province, const char *note)
{
    (void)scope;
    app->why[0] = '\0';
    if (!*unit || !*province || strspn(province, "0123456789") != strlen(province))
        return BAD(app,
                   "branch: mã tỉnh không hợp lệ / expected a unit code and a province code in "
                   "digits, got \"%s\" \"%s\"",
                   unit, province);
    char why[256] = "";
    tn_err err = tn_store_case_branch_add(app->store, case_id, unit, province, note, app->now, why,
                                          sizeof why);
    if (err == TN_ERR_STORE)
        return tn__app_fail(app, err, "%s", tn_store_errmsg(app->store));
    if (err)
        return BAD(app, "từ chối / refused: %s", why);
    return TN_OK;
}
