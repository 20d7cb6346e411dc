/*
 * cmd_committee.c - `thuno committee --period YYYY-MM [--office CODE] [--as-of DATE] -o
 * FILE.pdf`: the monthly report to the provincial People's Committee (seed 001) as one PDF of
 * three sections, the tables of `report pc_report`, `pc_refusing` and `pc_measures`
 * (docs/inspections.md). Like the reports, the document carries the time it describes (the
 * as-of time, or the run's "now") as its creation date.
 */
#include "report_int.h"

#include <stdio.h>
#include <string.h>

#include "io/table_out.h"
#include "thuno/report.h"
#include "thuno/store.h"

tn_err tn_cmd_committee(struct tn_cli *cli)
{
    const char *period = NULL, *as_of_arg = NULL, *out = NULL;
    struct tn_report_args a = {0};
    for (int i = 1; i < cli->argc; i++) {
        const char *arg = cli->argv[i];
        if (i + 1 >= cli->argc)
            return TN_ERR_USAGE;
        if (strcmp(arg, "--period") == 0)
            period = cli->argv[++i];
        else if (strcmp(arg, "--as-of") == 0)
            as_of_arg = cli->argv[++i];
        else if (strcmp(arg, "--office") == 0)
            a.office = cli->argv[++i];
        else if (strcmp(arg, "-o") == 0)
            out = cli->argv[++i];
        else
            return TN_ERR_USAGE;
    }
    if (!period || !out)
        return TN_ERR_USAGE;
    if (tn_period_parse(period, &a.period)) {
        tn_cli_error("committee", "expected --period YYYY-MM, got \"%s\"", period);
        return TN_ERR_USAGE;
    }
    char as_of[20];
    if (as_of_arg && tn_report_as_of(as_of_arg, as_of)) {
        tn_cli_error("committee", "expected --as-of YYYY-MM-DD[THH:MM:SS], got \"%s\"", as_of_arg);
        return TN_ERR_USAGE;
    }
    a.as_of = as_of_arg ? as_of : NULL;
    a.now = cli->now;
    struct tn_store *s;
    tn_err err = tn_cli_open_store(cli, &s);
    if (err)
        return err;
    const char *office_arg = a.office; /* named on the document even for the province */
    if ((err = tn_cli_cut_office(s, "committee", &a.office))) {
        tn_store_free(s);
        return err;
    }
    FILE *f = fopen(out, "wb");
    if (!f) {
        tn_cli_error("committee", "cannot write %s", out);
        tn_store_free(s);
        return TN_ERR_IO;
    }
    char subtitle[200];
    snprintf(subtitle, sizeof subtitle, "Kỳ / period %s%s%s — số liệu đến / as known at %s", period,
             office_arg ? " — cơ quan / office " : "", office_arg ? office_arg : "",
             a.as_of ? a.as_of : cli->now);
    struct tn_table_meta meta = {"Báo cáo UBND tỉnh: sử dụng lao động, đóng BHXH / Report to the "
                                 "People's Committee",
                                 subtitle, a.as_of ? a.as_of : cli->now, 0};
    struct tn_table_out t;
    err = tn_table_begin(&t, f, TN_OUT_PDF, &meta, NULL, 0);
    if (!err)
        err = tn__pc_pack(cli, s, &a, &t);
    tn_err end = tn_table_end(&t);
    if (!err)
        err = end;
    if (err == TN_ERR_STORE)
        tn_cli_error("committee", "%s", tn_store_errmsg(s));
    if (fclose(f) && !err)
        err = TN_ERR_IO;
    tn_store_free(s);
    return err;
}
