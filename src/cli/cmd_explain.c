/*
 * cmd_explain.c - `thuno explain UNIT_CODE YYYY-MM [--as-of DATE] [--office CODE]
 * [--format text|json]`: every line behind a unit's balance (tn_app_explain), written as text
 * or JSON (explain_out.h); with --office, only for a unit of that office (docs/offices.md).
 */
#include "cli.h"

#include <string.h>

#include "thuno/explain_out.h"
#include "thuno/report.h"

tn_err tn_cmd_explain(struct tn_cli *cli)
{
    const char *unit = NULL, *period_arg = NULL, *as_of_arg = NULL, *format = "text",
               *office = NULL;
    for (int i = 1; i < cli->argc; i++) {
        const char *a = cli->argv[i];
        if (strcmp(a, "--as-of") == 0 && i + 1 < cli->argc)
            as_of_arg = cli->argv[++i];
        else if (strcmp(a, "--office") == 0 && i + 1 < cli->argc)
            office = cli->argv[++i];
        else if (strcmp(a, "--format") == 0 && i + 1 < cli->argc)
            format = cli->argv[++i];
        else if (a[0] != '-' && !unit)
            unit = a;
        else if (a[0] != '-' && !period_arg)
            period_arg = a;
        else
            return TN_ERR_USAGE;
    }
    if (!unit || !period_arg)
        return TN_ERR_USAGE;
    tn_period period;
    char as_of[20];
    if (tn_period_parse(period_arg, &period)) {
        tn_cli_error("explain", "expected a period YYYY-MM, got \"%s\"", period_arg);
        return TN_ERR_USAGE;
    }
    if (as_of_arg && tn_report_as_of(as_of_arg, as_of)) {
        tn_cli_error("explain", "expected --as-of YYYY-MM-DD[THH:MM:SS], got \"%s\"", as_of_arg);
        return TN_ERR_USAGE;
    }
    int json = strcmp(format, "json") == 0;
    if (!json && strcmp(format, "text") != 0)
        return TN_ERR_USAGE;
    struct tn_cli_app ca;
    tn_err err = tn_cli_app_open(cli, &ca);
    if (err)
        return err;
    struct tn_scope scope = {NULL, NULL, TN_ROLE_ADMIN};
    struct tn_explain e;
    tn_explain_init(&e);
    if (office && (err = tn_app_scope_office(&ca.app, office, &scope.office))) {
        tn_cli_error("explain", "%s", tn_app_why(&ca.app, err));
        err = err == TN_ERR_NOT_FOUND ? TN_ERR_USAGE : err;
    } else if ((err = tn_app_explain(&ca.app, &scope, unit, period, as_of_arg, &e))) {
        tn_cli_error("explain", "%s", tn_app_why(&ca.app, err));
    } else {
        err = json ? tn_explain_write_json(stdout, &e) : tn_explain_write_text(stdout, &e);
        if (!err && (fflush(stdout) || ferror(stdout)))
            err = TN_ERR_IO;
        if (err == TN_ERR_IO)
            tn_cli_error("explain", "cannot write the standard output");
    }
    tn_explain_release(&e);
    tn_cli_app_close(&ca);
    return err;
}
