/*
 * cmd_suspense.c - `thuno suspense ...`: payments in suspense matched to their unit by the
 * transfer memo, or assigned by hand (docs/payments-ops.md).
 *
 *   suspense match --period YYYY-MM [--as-of DATE] [--apply --actor WHO]
 *   suspense assign TXN_ID UNIT_CODE --actor WHO
 *
 * match prints one CSV row per payment in suspense with the proposal (the columns of report
 * suspense_review plus `applied`). --apply records each unique match (unit code, tax code or
 * name; never an ambiguous one) as a new version of the payment, known now: as-of reports
 * before now still see it in suspense, and the next close counts it.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_int.h"
#include "thuno/mem.h"
#include "thuno/payops.h"
#include "thuno/report.h"
#include "thuno/store.h"

struct match_todo {
    char txn[72], unit[24], method[16], reason[200];
    int confidence;
};

struct match_run {
    struct tn_table_out *t;
    int apply;
    long applied, left;
    /* applied after the scan: assigning while tn_store_suspense's statement is open would
     * change what it reads */
    struct match_todo *todo;
    size_t ntodo, captodo;
};

static tn_err match_row(void *ctx, const struct tn__proposal *p)
{
    struct match_run *x = ctx;
    char period[TN_PERIOD_BUFSZ];
    struct tn_cell c[11];
    tn__proposal_cells(p, period, c);
    int take = x->apply && p->unit;
    c[10] = (struct tn_cell){TN_CELL_TEXT, take ? "yes" : "no", 0};
    if (take) {
        TN_GROW(x->todo, x->captodo, x->ntodo + 1);
        snprintf(x->todo[x->ntodo].txn, sizeof x->todo[0].txn, "%s", p->row->txn_id);
        snprintf(x->todo[x->ntodo].unit, sizeof x->todo[0].unit, "%s", p->unit->unit_code);
        snprintf(x->todo[x->ntodo].method, sizeof x->todo[0].method, "%s",
                 tn_memo_method_name(p->match.method));
        snprintf(x->todo[x->ntodo].reason, sizeof x->todo[0].reason, "%s", p->match.reason);
        x->todo[x->ntodo++].confidence = p->match.confidence;
    } else {
        x->left++;
    }
    return tn_table_row(x->t, c);
}

static tn_err cmd_match(struct tn_cli *cli)
{
    const char *period_arg = NULL, *as_of_arg = NULL, *actor = NULL;
    int apply = 0;
    for (int i = 2; i < cli->argc; i++) {
        int has = i + 1 < cli->argc;
        if (strcmp(cli->argv[i], "--period") == 0 && has)
            period_arg = cli->argv[++i];
        else if (strcmp(cli->argv[i], "--as-of") == 0 && has)
            as_of_arg = cli->argv[++i];
        else if (strcmp(cli->argv[i], "--actor") == 0 && has)
            actor = cli->argv[++i];
        else if (strcmp(cli->argv[i], "--apply") == 0)
            apply = 1;
        else
            return TN_ERR_USAGE;
    }
    tn_period period;
    char as_of[20];
    if (!period_arg || tn_period_parse(period_arg, &period) || (apply && !actor) ||
        (apply && as_of_arg))
        return TN_ERR_USAGE; /* --apply acts now: an as-of view is read-only */
    if (as_of_arg && tn_report_as_of(as_of_arg, as_of)) {
        tn_cli_error("suspense", "expected --as-of YYYY-MM-DD[THH:MM:SS]");
        return TN_ERR_USAGE;
    }
    struct tn_store *s;
    tn_err err = tn_cli_open_store(cli, &s);
    if (err)
        return err;
    static const char *const cols[] = {"txn_id",      "paid_on",       "amount",  "memo",
                                       "memo_period", "proposed_unit", "method",  "confidence",
                                       "candidates",  "reason",        "applied", NULL};
    struct tn_table_meta meta = {"Đối chiếu tiền chưa xác định đơn vị / Suspense matching", "",
                                 cli->now, 0};
    struct tn_table_out t;
    struct match_run x = {.t = &t, .apply = apply};
    err = tn_table_begin_names(&t, stdout, TN_OUT_CSV, &meta, cols);
    if (!err)
        err = tn__suspense_proposals(s, period, as_of_arg ? as_of : NULL, match_row, &x);
    tn_err end = tn_table_end(&t);
    err = err ? err : end;
    for (size_t i = 0; i < x.ntodo && !err; i++) {
        struct tn_payops_assign how = {cli->now, actor, x.todo[i].method, x.todo[i].confidence,
                                       x.todo[i].reason};
        if (!(err = tn_store_suspense_assign(s, x.todo[i].txn, x.todo[i].unit, &how)))
            x.applied++;
    }
    if (err)
        tn_cli_error("suspense", "%s",
                     err == TN_ERR_STORE ? tn_store_errmsg(s) : tn_err_message(err, TN_LANG_EN));
    else if (apply)
        fprintf(stderr, "thuno: suspense: %ld matched and recorded, %ld left for review\n",
                x.applied, x.left);
    free(x.todo);
    tn_store_free(s);
    return err;
}

static tn_err cmd_assign(struct tn_cli *cli)
{
    const char *txn = NULL, *unit = NULL, *actor = NULL;
    for (int i = 2; i < cli->argc; i++) {
        if (strcmp(cli->argv[i], "--actor") == 0 && i + 1 < cli->argc)
            actor = cli->argv[++i];
        else if (cli->argv[i][0] != '-' && !txn)
            txn = cli->argv[i];
        else if (cli->argv[i][0] != '-' && !unit)
            unit = cli->argv[i];
        else
            return TN_ERR_USAGE;
    }
    if (!txn || !unit || !actor)
        return TN_ERR_USAGE;
    struct tn_store *s;
    tn_err err = tn_cli_open_store(cli, &s);
    if (err)
        return err;
    struct tn_payops_assign how = {cli->now, actor, "manual", 100,
                                   "gán thủ công / assigned by hand"};
    err = tn_store_suspense_assign(s, txn, unit, &how);
    if (err == TN_ERR_NOT_FOUND)
        tn_cli_error("suspense", "no payment %s or no unit %s", txn, unit);
    else if (err == TN_ERR_STATE)
        tn_cli_error("suspense", "payment %s is not in suspense", txn);
    else if (err)
        tn_cli_error("suspense", "%s", tn_store_errmsg(s));
    else
        fprintf(stderr, "thuno: suspense: %s assigned to %s by %s\n", txn, unit, actor);
    tn_store_free(s);
    return err;
}

tn_err tn_cmd_suspense(struct tn_cli *cli)
{
    if (cli->argc < 2)
        return TN_ERR_USAGE;
    if (strcmp(cli->argv[1], "match") == 0)
        return cmd_match(cli);
    if (strcmp(cli->argv[1], "assign") == 0)
        return cmd_assign(cli);
    return TN_ERR_USAGE;
}
