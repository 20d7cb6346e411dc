/*
 * report_case_registers.c - the reports of the case registers (docs/case-registers.md):
 * banks (forced-deduction orders per bank or State Treasury: refused, delayed, days to
 * answer, ordered vs deducted; seed 000 §3.2) and tip_rewards (informants' tips and the
 * reward owed under policy/tip_reward.csv; seed 000 §II.1.9).
 */
#include "report_int.h"

#include <stdio.h>
#include <string.h>

#include "io/reward_load.h"
#include "thuno/case_register_store.h"
#include "thuno/store.h"

#define TEXT(s)                                                                                    \
    {                                                                                              \
        TN_CELL_TEXT, (s), 0                                                                       \
    }
#define INT(n)                                                                                     \
    {                                                                                              \
        TN_CELL_INT, NULL, (n)                                                                     \
    }
#define NUL                                                                                        \
    {                                                                                              \
        TN_CELL_NULL, NULL, 0                                                                      \
    }

const char *const tn__banks_cols[] = {
    "channel",           "bank",           "orders",          "executed",
    "partial",           "delayed",        "refused",         "unanswered",
    "avg_days_to_reply", "amount_ordered", "amount_deducted", NULL};

static tn_err bank_row(void *ctx, const struct tn_bank_row *r)
{
    long long avg = tn_case_bank_avg_days_tenths(r->days_replied, r->replied);
    struct tn_cell c[] = {
        TEXT(r->channel), TEXT(r->bank),      INT(r->orders),
        INT(r->executed), INT(r->partial),    INT(r->delayed),
        INT(r->refused),  INT(r->unanswered), {avg < 0 ? TN_CELL_NULL : TN_CELL_TENTHS, NULL, avg},
        INT(r->ordered),  INT(r->deducted),
    };
    return tn_table_row(ctx, c);
}

tn_err tn__run_banks(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                     struct tn_table_out *t)
{
    (void)cli;
    tn_err err = tn_store_banks(s, a->as_of, a->office, bank_row, t);
    if (err == TN_ERR_STORE)
        tn_cli_error("report", "%s", tn_store_errmsg(s));
    return err;
}

const char *const tn__tip_rewards_cols[] = {"case_id",   "unit_code", "tip_no",      "tip_date",
                                            "informant", "asset",     "result_date", "recovered",
                                            "reward",    "source",    NULL};

struct tips_ctx {
    struct tn_table_out *t;
    const struct tn_tip_rewards *rw;
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
            tn_tip_reward(x->rw->rules, x->rw->n, r->result_day, r->recovered, &reward, &rule);
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
    struct tn_tip_rewards rw;
    tn_tip_rewards_init(&rw);
    char msg[512];
    tn_err err = tn_tip_rewards_load(cli->policy_dir, &rw, msg, sizeof msg);
    if (err) {
        tn_cli_error("load policy", "%s", msg);
        return err;
    }
    struct tips_ctx x = {t, &rw};
    err = tn_store_tips(s, a->as_of, a->office, tip_row, &x);
    if (err == TN_ERR_STORE)
        tn_cli_error("report", "%s", tn_store_errmsg(s));
    tn_tip_rewards_release(&rw);
    return err;
}
