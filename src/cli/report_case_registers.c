/*
 * report_case_registers.c - the reports of the case registers (docs/case-registers.md):
 * banks (forced-deduction orders per bank or State Treasury: refused, delayed, days to
 * answer, late against policy/case_deadlines.csv, ordered vs deducted; seed 000 §3.2) and
 * tip_rewards (informants' tips and the reward owed under policy/tip_reward.csv; seed 000 §II.1.9).
 */
#include "report_int.h"

#include <stdio.h>
#include <string.h>

#include "thuno/case_register_store.h"
#include "thuno/ladder.h"
#include "thuno/policy.h"
#include "thuno/store.h"

const char *const tn__banks_cols[] = {"channel",  "bank",           "orders",
                                      "executed", "partial",        "delayed",
                                      "refused",  "unanswered",     "avg_days_to_reply",
                                      "late",     "amount_ordered", "amount_deducted",
                                      NULL};

/* one bank at a time: orders come grouped by channel and bank */
struct banks_ctx {
    struct tn_table_out *t;
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
    struct tn_cell c[] = {
        TEXT(x->channel),
        TEXT(x->bank),
        INT(r->orders),
        INT(r->executed),
        INT(r->partial),
        INT(r->delayed),
        INT(r->refused),
        INT(r->unanswered),
        {avg < 0 ? TN_CELL_NULL : TN_CELL_TENTHS, NULL, avg},
        {x->rule ? TN_CELL_INT : TN_CELL_NULL, NULL, r->late},
        INT(r->ordered),
        INT(r->deducted),
    };
    x->open = 0;
    return tn_table_row(x->t, c);
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

tn_err tn__run_banks(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                     struct tn_table_out *t)
{
    struct tn_policy pol;
    tn_policy_init(&pol);
    tn_err err = tn_cli_load_policy(cli, &pol);
    if (err)
        return err;
    struct banks_ctx x;
    memset(&x, 0, sizeof x);
    x.t = t;
    /* the bank's time to act on an order: case_deadlines.csv after deduction_ordered */
    for (size_t i = 0; i < pol.ncase_deadlines; i++)
        if (pol.case_deadlines[i].after == TN_CASE_EV_DEDUCTION_ORDERED)
            x.rule = &pol.case_deadlines[i];
    if (tn__report_day(a, &x.today))
        x.today = 0;
    err = tn_store_bank_orders(s, a->as_of, bank_order_row, &x);
    if (!err)
        err = bank_flush(&x);
    if (err == TN_ERR_STORE)
        tn_cli_error("report", "%s", tn_store_errmsg(s));
    tn_policy_release(&pol);
    return err;
}

const char *const tn__tip_rewards_cols[] = {"case_id",   "unit_code", "tip_no",      "tip_date",
                                            "informant", "asset",     "result_date", "recovered",
                                            "reward",    "source",    NULL};

struct tips_ctx {
    struct tn_table_out *t;
    const struct tn_policy *pol;
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
        tn_err err = tn_policy_tip_reward(x->pol, r->result_day, r->recovered, &reward, &rule);
        if (err) {
            tn_cli_error("report", "tip %ld of %s: no reward rule for %s (policy/tip_reward.csv)",
                         r->no, r->case_id, res);
            return err;
        }
    }
    struct tn_cell c[] = {
        TEXT(r->case_id),
        TEXT(r->unit_code),
        INT(r->no),
        TEXT(day),
        TEXT(r->informant),
        TEXT(r->asset),
        rule ? (struct tn_cell)TEXT(res) : (struct tn_cell)NUL,
        rule ? (struct tn_cell)INT(r->recovered) : (struct tn_cell)NUL,
        rule ? (struct tn_cell)INT(reward) : (struct tn_cell)NUL,
        rule ? (struct tn_cell)TEXT(rule->source) : (struct tn_cell)NUL,
    };
    return tn_table_row(x->t, c);
}

tn_err tn__run_tip_rewards(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                           struct tn_table_out *t)
{
    struct tn_policy pol;
    tn_policy_init(&pol);
    tn_err err = tn_cli_load_policy(cli, &pol);
    if (err)
        return err;
    struct tips_ctx x = {t, &pol};
    err = tn_store_tips(s, a->as_of, tip_row, &x);
    if (err == TN_ERR_STORE)
        tn_cli_error("report", "%s", tn_store_errmsg(s));
    tn_policy_release(&pol);
    return err;
}

const char *const tn__case_branches_cols[] = {
    "case_id", "unit_code", "branch_unit_code", "province_code", "note", "linked_at", NULL};

static tn_err branch_row(void *ctx, const struct tn_case_branch_link *r)
{
    struct tn_cell c[] = {
        TEXT(r->case_id),
        TEXT(r->unit_code),
        TEXT(r->branch.unit_code),
        TEXT(r->branch.province_code),
        r->branch.note[0] ? (struct tn_cell)TEXT(r->branch.note) : (struct tn_cell)NUL,
        TEXT(r->branch.known_at),
    };
    return tn_table_row(ctx, c);
}

tn_err tn__run_case_branches(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                             struct tn_table_out *t)
{
    (void)cli;
    tn_err err = tn_store_branch_links(s, a->as_of, branch_row, t);
    if (err == TN_ERR_STORE)
        tn_cli_error("report", "%s", tn_store_errmsg(s));
    return err;
}
