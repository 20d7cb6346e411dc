/*
 * report_case_registers.c - the reports of the case registers (docs/case-registers.md):
 * banks (forced-deduction orders per bank or State Treasury: refused, delayed, days to
 * answer, late against policy/case_deadlines.csv, ordered vs deducted; seed 000 §3.2),
 * tip_rewards (informants' tips and the reward owed under policy/tip_reward.csv; seed 000
 * §II.1.9) and case_branches (the branches in other provinces linked to a case).
 */
#include "app_int.h"

#include <stdio.h>
#include <string.h>

#include "thuno/case_register_store.h"
#include "thuno/ladder.h"
#include "thuno/policy.h"
#include "thuno/store.h"

/* clang-format off */
#define BANK_COLS(X, p)                                                                            \
    X(p, channel, TEXT, "Kênh trích tiền", "Channel", 0)                                           \
    X(p, bank, TEXT, "Ngân hàng, Kho bạc", "Bank or treasury", 0)                                  \
    X(p, orders, COUNT, "Số lệnh trích tiền", "Orders", 1)                                         \
    X(p, executed, COUNT, "Đã thực hiện", "Executed", 1)                                           \
    X(p, partial, COUNT, "Thực hiện một phần", "Partly executed", 1)                               \
    X(p, delayed, COUNT, "Chậm thực hiện", "Delayed", 1)                                           \
    X(p, refused, COUNT, "Từ chối", "Refused", 1)                                                  \
    X(p, unanswered, COUNT, "Chưa trả lời", "Unanswered", 1)                                       \
    X(p, avg_days_to_reply, TENTHS, "Số ngày trả lời bình quân", "Average days to reply", 0)       \
    X(p, late, COUNT, "Trả lời quá hạn", "Answered late", 1)                                       \
    X(p, amount_ordered, MONEY, "Số tiền yêu cầu trích", "Amount ordered", 1)                      \
    X(p, amount_deducted, MONEY, "Số tiền đã trích", "Amount deducted", 1)
TN_COLUMNS(BANK, BANK_COLS);

#define TIP_COLS(X, p)                                                                             \
    X(p, case_id, TEXT, "Mã hồ sơ", "Case", 0)                                                     \
    X(p, unit_code, TEXT, "Mã đơn vị", "Unit code", 0)                                             \
    X(p, tip_no, NUMBER, "Số thứ tự tin báo", "Tip no.", 0)                                        \
    X(p, tip_date, DATE, "Ngày nhận tin báo", "Tip date", 0)                                       \
    X(p, informant, TEXT, "Người cung cấp tin", "Informant", 0)                                    \
    X(p, asset, TEXT, "Tài sản", "Asset", 0)                                                       \
    X(p, result_date, DATE, "Ngày có kết quả", "Result date", 0)                                   \
    X(p, recovered, MONEY, "Số tiền thu hồi", "Recovered", 1)                                      \
    X(p, reward, MONEY, "Tiền thưởng", "Reward", 1)                                                \
    X(p, source, TEXT, "Căn cứ", "Source", 0)
TN_COLUMNS(TIP, TIP_COLS);

#define BRANCH_COLS(X, p)                                                                          \
    X(p, case_id, TEXT, "Mã hồ sơ", "Case", 0)                                                     \
    X(p, unit_code, TEXT, "Mã đơn vị", "Unit code", 0)                                             \
    X(p, branch_unit_code, TEXT, "Mã đơn vị chi nhánh", "Branch unit code", 0)                     \
    X(p, province_code, TEXT, "Mã tỉnh", "Province", 0)                                            \
    X(p, note, TEXT, "Ghi chú", "Note", 0)                                                         \
    X(p, linked_at, TEXT, "Thời điểm liên kết", "Linked at", 0)
TN_COLUMNS(BRANCH, BRANCH_COLS);
/* clang-format on */

/* one bank at a time: orders come grouped by channel and bank */
struct banks_ctx {
    const struct tn_sink *out;
    const struct tn_case_deadline *rule; /* the bank's deadline after deduction_ordered */
    tn_day today;
    char channel[12], bank[160];
    struct tn_bank_tally tally;
    int open;
};

static tn_err bank_flush(struct banks_ctx *x)
{
    if (!x->open)
        return TN_OK;
    const struct tn_bank_tally *r = &x->tally;
    long long avg = tn_case_bank_avg_days_tenths(r);
    struct tn_cell c[BANK_NCOLS];
    c[BANK_channel] = tn_cell_text(x->channel);
    c[BANK_bank] = tn_cell_text(x->bank);
    c[BANK_orders] = tn_cell_int(r->orders);
    c[BANK_executed] = tn_cell_int(r->executed);
    c[BANK_partial] = tn_cell_int(r->partial);
    c[BANK_delayed] = tn_cell_int(r->delayed);
    c[BANK_refused] = tn_cell_int(r->refused);
    c[BANK_unanswered] = tn_cell_int(r->unanswered);
    c[BANK_avg_days_to_reply] = tn_cell_tenths_or_null(avg);
    /* without a deadline in policy nothing is late: empty, not 0 */
    c[BANK_late] = x->rule ? tn_cell_int(r->late) : tn_cell_null();
    c[BANK_amount_ordered] = tn_cell_int(r->ordered);
    c[BANK_amount_deducted] = tn_cell_int(r->deducted);
    x->open = 0;
    return x->out->row(x->out->ctx, c);
}

static tn_err bank_order_row(void *ctx, const struct tn_bank_order_row *o)
{
    struct banks_ctx *x = ctx;
    tn_err err;
    if (x->open && (strcmp(x->channel, o->channel) || strcmp(x->bank, o->bank)) &&
        (err = bank_flush(x)))
        return err;
    if (!x->open) {
        snprintf(x->channel, sizeof x->channel, "%s", o->channel);
        snprintf(x->bank, sizeof x->bank, "%s", o->bank);
        memset(&x->tally, 0, sizeof x->tally);
        x->open = 1;
    }
    tn_day deadline = -1;
    if (x->rule)
        deadline = x->rule->working ? tn_ladder_add_working_days(o->ordered, x->rule->days)
                                    : o->ordered + x->rule->days;
    struct tn_bank_order_facts f = {o->ordered,     o->first_reply,
                                    o->first_final, o->last_result[0] ? o->last_result : NULL,
                                    o->amount,      o->deducted};
    tn_case_bank_tally_add(&x->tally, &f, deadline, x->today);
    return TN_OK;
}

static tn_err run_banks(struct tn_app *app, const struct tn_scope *scope,
                        const struct tn_report_params *p, const struct tn_sink *out)
{
    const struct tn_policy *pol = app->policy;
    struct banks_ctx x;
    memset(&x, 0, sizeof x);
    x.out = out;
    /* the bank's time to act on an order: case_deadlines.csv after deduction_ordered */
    for (size_t i = 0; i < pol->ncase_deadlines; i++)
        if (pol->case_deadlines[i].after == TN_CASE_EV_DEDUCTION_ORDERED)
            x.rule = &pol->case_deadlines[i];
    if (tn__app_report_day(app, p, &x.today))
        x.today = 0;
    tn_err err = tn_store_bank_orders(app->store, scope->office, p->as_of, bank_order_row, &x);
    if (!err)
        err = bank_flush(&x);
    return err;
}

struct tips_ctx {
    struct tn_app *app;
    const struct tn_sink *out;
};

static tn_err tip_row(void *ctx, const struct tn_tip_row *r)
{
    const struct tips_ctx *x = ctx;
    char day[TN_DAY_BUFSZ], res[TN_DAY_BUFSZ] = "";
    tn_day_format(r->day, day);
    tn_money reward = 0;
    const struct tn_tip_reward_rule *rule = NULL;
    if (r->result_day >= 0) {
        tn_day_format(r->result_day, res);
        tn_err err =
            tn_policy_tip_reward(x->app->policy, r->result_day, r->recovered, &reward, &rule);
        if (err)
            return tn__app_fail(x->app, err,
                                "tip %ld of %s: no reward rule for %s (policy/tip_reward.csv)",
                                r->no, r->case_id, res);
    }
    struct tn_cell c[TIP_NCOLS];
    c[TIP_case_id] = tn_cell_text(r->case_id);
    c[TIP_unit_code] = tn_cell_text(r->unit_code);
    c[TIP_tip_no] = tn_cell_int(r->no);
    c[TIP_tip_date] = tn_cell_text(day);
    c[TIP_informant] = tn_cell_text(r->informant);
    c[TIP_asset] = tn_cell_text(r->asset);
    /* a tip without a result yet has no reward */
    c[TIP_result_date] = rule ? tn_cell_text(res) : tn_cell_null();
    c[TIP_recovered] = rule ? tn_cell_int(r->recovered) : tn_cell_null();
    c[TIP_reward] = rule ? tn_cell_int(reward) : tn_cell_null();
    c[TIP_source] = rule ? tn_cell_text(rule->source) : tn_cell_null();
    return x->out->row(x->out->ctx, c);
}

static tn_err run_tip_rewards(struct tn_app *app, const struct tn_scope *scope,
                              const struct tn_report_params *p, const struct tn_sink *out)
{
    struct tips_ctx x = {app, out};
    return tn_store_tips(app->store, scope->office, p->as_of, tip_row, &x);
}

static tn_err branch_row(void *ctx, const struct tn_case_branch_link *r)
{
    const struct tn_sink *out = ctx;
    struct tn_cell c[BRANCH_NCOLS];
    c[BRANCH_case_id] = tn_cell_text(r->case_id);
    c[BRANCH_unit_code] = tn_cell_text(r->unit_code);
    c[BRANCH_branch_unit_code] = tn_cell_text(r->branch.unit_code);
    c[BRANCH_province_code] = tn_cell_text(r->branch.province_code);
    c[BRANCH_note] = r->branch.note[0] ? tn_cell_text(r->branch.note) : tn_cell_null();
    c[BRANCH_linked_at] = tn_cell_text(r->branch.known_at);
    return out->row(out->ctx, c);
}

static tn_err run_case_branches(struct tn_app *app, const struct tn_scope *scope,
                                const struct tn_report_params *p, const struct tn_sink *out)
{
    return tn_store_branch_links(app->store, scope->office, p->as_of, branch_row, (void *)out);
}

#define COLS(p) p##_cols, p##_NCOLS

static const struct tn_report reports[] = {
    {"banks", "Ngân hàng, Kho bạc thực hiện trích tiền / Banks and treasury on forced deductions",
     "per bank or State Treasury: orders, executed, partial, delayed, refused, days to reply",
     COLS(BANK), TN_REPORT_OFFICE, run_banks},
    {"tip_rewards", "Tin báo tài sản và tiền thưởng / Informants' tips and rewards owed",
     "every informant's tip, what it recovered and the reward owed (policy/tip_reward.csv)",
     COLS(TIP), TN_REPORT_OFFICE, run_tip_rewards},
    {"case_branches", "Chi nhánh ở tỉnh khác của đơn vị bị khởi kiện / Branches linked to cases",
     "one row per branch in another province linked to a case (one case, linked branches)",
     COLS(BRANCH), TN_REPORT_OFFICE, run_case_branches},
};

TN__REPORT_GROUP(tn__reports_case_registers, reports);
