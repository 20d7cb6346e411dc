/*
 * cmd_close.c - `thuno close YYYY-MM`: the monthly close (tn_app_close), with the terminal's
 * progress line and a one-line summary.
 */
#include <stdlib.h>

#include "cli.h"

#include "thuno/close.h"

static void progress(void *ctx, long long done, long long total)
{
    tn_cli_progress(ctx, "close", done, total);
}

tn_err tn_cmd_close(struct tn_cli *cli)
{
    if (cli->argc != 2)
        return TN_ERR_USAGE;
    tn_period period;
    if (tn_period_parse(cli->argv[1], &period)) {
        tn_cli_error("close", "expected a period YYYY-MM, got \"%s\"", cli->argv[1]);
        return TN_ERR_USAGE;
    }
    struct tn_cli_app ca;
    tn_err err = tn_cli_app_open(cli, &ca);
    if (err)
        return err;
    struct tn_scope scope = {NULL, NULL, TN_ROLE_ADMIN};
    struct tn_close_stats st;
    err = tn_cli_change(&ca.app);
    if (!err)
        err = tn_app_close(&ca.app, &scope, period, progress, cli, &st);
    tn_cli_progress_end(cli);
    char summary[160] = "";
    if (!err)
        snprintf(summary, sizeof summary, "units %lld changed %lld workers %lld", st.units,
                 st.units_changed, st.workers);
    err = tn_cli_audit(&ca.app, "close", cli->argv[1], err, summary);
    if (err)
        tn_cli_error("close", "%s", tn_app_why(&ca.app, err));
    else
        fprintf(stderr,
                "thuno: close %s: %lld units (%lld changed), %lld workers, %lld adjustment "
                "lines, %lld below-floor findings%s\n",
                cli->argv[1], st.units, st.units_changed, st.workers, st.adjustments, st.findings,
                st.interest_missing ? ", interest not computed where k is missing (see explain)"
                                    : "");
    if (!err && getenv("THUNO_CLOSE_REPLAY")) /* docs/ledger.md "Carried state" */
        fprintf(stderr, "thuno: close %s: %lld units replayed from their carried state\n",
                cli->argv[1], st.resumed);
    tn_cli_app_close(&ca);
    return err;
}
