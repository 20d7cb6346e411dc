/*
 * cmd_close.c - `thuno close YYYY-MM`: the monthly close (close.h), with a one-line summary.
 */
#include "cli.h"

#include <stdlib.h>

#include "thuno/close.h"
#include "thuno/policy.h"
#include "thuno/store.h"

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
    struct tn_policy pol;
    tn_policy_init(&pol);
    struct tn_store *s = NULL;
    tn_err err = tn_cli_load_policy(cli, &pol);
    if (!err)
        err = tn_cli_open_store(cli, &s);
    if (err)
        goto done;
    struct tn_close_stats st;
    char msg[512];
    err = tn_close_period(s, &pol, period, cli->now, &st, progress, cli, msg, sizeof msg);
    tn_cli_progress_end(cli);
    if (err) {
        tn_cli_error("close", "%s", msg);
        goto done;
    }
    fprintf(stderr,
            "thuno: close %s: %lld units (%lld changed), %lld workers, %lld adjustment lines, "
            "%lld below-floor findings%s\n",
            cli->argv[1], st.units, st.units_changed, st.workers, st.adjustments, st.findings,
            st.interest_missing ? ", interest not computed where k is missing (see explain)" : "");
done:
    tn_store_free(s);
    tn_policy_release(&pol);
    return err;
}
