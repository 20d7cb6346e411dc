/*
 * cmd_report.c - `thuno report NAME --period YYYY-MM [--as-of DATE] [--format csv|json]
 * [-o FILE]`. Reports: balances (data-formats.md "balances"); the rest come with their
 * issues.
 */
#include "cli.h"

#include <string.h>

#include "io/table_out.h"
#include "thuno/aging.h"
#include "thuno/report.h"
#include "thuno/store.h"

static const char *const balance_cols[] = {"unit_code",
                                           "period",
                                           "opening",
                                           "assessed",
                                           "adjustment",
                                           "interest",
                                           "paid",
                                           "closing",
                                           "principal_due",
                                           "interest_due",
                                           "months_owed",
                                           "bucket",
                                           "oldest_unpaid_period",
                                           "legal_status"};

static tn_err balance_row(void *ctx, const struct tn_balance_row *r)
{
    struct tn_table_out *t = ctx;
    char period[TN_PERIOD_BUFSZ], oldest[TN_PERIOD_BUFSZ];
    tn_period_format(r->period, period);
    struct tn_cell c[14] = {
        {TN_CELL_TEXT, r->unit_code, 0},
        {TN_CELL_TEXT, period, 0},
        {TN_CELL_INT, NULL, r->opening},
        {TN_CELL_INT, NULL, r->assessed},
        {TN_CELL_INT, NULL, r->adjustment},
        {TN_CELL_INT, NULL, r->interest},
        {TN_CELL_INT, NULL, r->paid},
        {TN_CELL_INT, NULL, r->closing},
        {TN_CELL_INT, NULL, r->principal_due},
        {TN_CELL_INT, NULL, r->interest_due},
        {TN_CELL_TENTHS, NULL, r->months_owed_tenths},
        {TN_CELL_TEXT, r->bucket, 0},
        {TN_CELL_TEXT, oldest, 0},
        {TN_CELL_TEXT, r->legal_status, 0},
    };
    if (r->months_owed_tenths < 0)
        c[10].type = TN_CELL_NULL;
    if (r->oldest_unpaid < 0 || tn_period_format(r->oldest_unpaid, oldest))
        c[12].type = TN_CELL_NULL;
    return tn_table_row(t, c);
}

tn_err tn_cmd_report(struct tn_cli *cli)
{
    const char *name = NULL, *period_arg = NULL, *as_of_arg = NULL, *format = "csv", *out = NULL;
    for (int i = 1; i < cli->argc; i++) {
        const char *a = cli->argv[i];
        int has = i + 1 < cli->argc;
        if (strcmp(a, "--period") == 0 && has)
            period_arg = cli->argv[++i];
        else if (strcmp(a, "--as-of") == 0 && has)
            as_of_arg = cli->argv[++i];
        else if (strcmp(a, "--format") == 0 && has)
            format = cli->argv[++i];
        else if (strcmp(a, "-o") == 0 && has)
            out = cli->argv[++i];
        else if (a[0] != '-' && !name)
            name = a;
        else
            return TN_ERR_USAGE;
    }
    if (!name || !period_arg)
        return TN_ERR_USAGE;
    tn_period period;
    enum tn_out_format fmt;
    char as_of[20];
    if (tn_period_parse(period_arg, &period)) {
        tn_cli_error("report", "expected --period YYYY-MM, got \"%s\"", period_arg);
        return TN_ERR_USAGE;
    }
    if (as_of_arg && tn_report_as_of(as_of_arg, as_of)) {
        tn_cli_error("report", "expected --as-of YYYY-MM-DD[THH:MM:SS], got \"%s\"", as_of_arg);
        return TN_ERR_USAGE;
    }
    if (tn_out_format_parse(format, &fmt)) {
        tn_cli_error("report", "format \"%s\" is not available (csv, json)", format);
        return TN_ERR_USAGE;
    }
    if (strcmp(name, "balances") != 0) {
        tn_cli_error("report", "unknown report \"%s\" (available: balances)", name);
        return TN_ERR_USAGE;
    }
    struct tn_store *s;
    tn_err err = tn_cli_open_store(cli, &s);
    if (err)
        return err;
    FILE *f = out ? fopen(out, "w") : stdout;
    if (!f) {
        tn_cli_error("report", "cannot write %s", out);
        tn_store_free(s);
        return TN_ERR_IO;
    }
    struct tn_table_out t;
    err = tn_table_begin(&t, f, fmt, balance_cols, sizeof balance_cols / sizeof *balance_cols);
    if (!err)
        err = tn_store_balances(s, period, as_of_arg ? as_of : NULL, balance_row, &t);
    if (!err)
        err = tn_table_end(&t);
    if (err)
        tn_cli_error("report", "%s",
                     err == TN_ERR_STORE ? tn_store_errmsg(s) : tn_err_message(err, TN_LANG_EN));
    if (out && fclose(f) && !err)
        err = TN_ERR_IO;
    tn_store_free(s);
    return err;
}
