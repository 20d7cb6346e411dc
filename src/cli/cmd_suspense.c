/*
 * cmd_suspense.c - `thuno suspense ...`: payments in suspense matched to their unit by the
 * transfer memo, or assigned by hand (docs/payments-ops.md).
 *
 *   suspense match --period YYYY-MM [--as-of DATE] [--apply --actor WHO]
 *   suspense assign TXN_ID UNIT_CODE --actor WHO
 *
 * match prints one CSV row per payment in suspense with the proposal (the columns of report
 * suspense_review plus `applied`); --apply records each unique match. The matching and the
 * recording are tn_app_suspense_match and tn_app_suspense_assign (app.h, src/app/app_ops.c);
 * this file parses the arguments and writes the table and the messages.
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

#include "thuno/table_out.h"
#include "thuno/app.h"
#include "thuno/report.h"

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
    struct tn_cli_app ca;
    tn_err err = tn_cli_app_open(cli, &ca);
    if (err)
        return err;
    struct tn_scope scope = {NULL, NULL, TN_ROLE_ADMIN};
    struct tn_table_meta meta = {"Đối chiếu tiền chưa xác định đơn vị / Suspense matching",
                                 "",
                                 cli->now,
                                 0,
                                 TN_LANG_VI,
                                 NULL};
    size_t ncols;
    const struct tn_col *cols = tn_app_suspense_match_cols(&ncols);
    struct tn_table_out t;
    struct tn_suspense_match_stats stats = {0, 0};
    err = tn_table_begin(&t, stdout, TN_OUT_CSV, &meta, cols, ncols);
    struct tn_sink sink = tn_table_sink(&t);
    if (!err && apply)
        err = tn_cli_change(&ca.app);
    if (!err)
        err = tn_app_suspense_match(&ca.app, &scope, period, as_of_arg ? as_of : NULL, apply, actor,
                                    &sink, &stats);
    tn_err end = tn_table_end(&t);
    err = err ? err : end;
    if (apply) {
        char summary[96];
        snprintf(summary, sizeof summary, "applied %ld left %ld", stats.applied, stats.left);
        err = tn_cli_audit(&ca.app, "suspense.match", period_arg, err, summary);
    }
    if (err)
        tn_cli_error("suspense", "%s", tn_app_why(&ca.app, err));
    else if (apply)
        fprintf(stderr, "thuno: suspense: %ld matched and recorded, %ld left for review\n",
                stats.applied, stats.left);
    tn_cli_app_close(&ca);
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
    struct tn_cli_app ca;
    tn_err err = tn_cli_app_open(cli, &ca);
    if (err)
        return err;
    struct tn_scope scope = {NULL, NULL, TN_ROLE_ADMIN};
    err = tn_cli_change(&ca.app);
    if (!err)
        err = tn_app_suspense_assign(&ca.app, &scope, txn, unit, actor);
    char summary[160];
    snprintf(summary, sizeof summary, "suspense -> %.60s by %.60s", unit, actor);
    err = tn_cli_audit(&ca.app, "suspense.assign", txn, err, summary);
    if (err)
        tn_cli_error("suspense", "%s", tn_app_why(&ca.app, err));
    else
        fprintf(stderr, "thuno: suspense: %s assigned to %s by %s\n", txn, unit, actor);
    tn_cli_app_close(&ca);
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
