/*
 * cmd_committee.c - `thuno committee --period YYYY-MM [--office CODE] [--as-of DATE]
 * [--lang vi|en] -o FILE.pdf`: the monthly report to the provincial People's Committee (seed 001)
 * as one PDF of three sections, the tables of `report pc_report`, `pc_refusing` and `pc_measures`
 * (docs/inspections.md). Like the reports, the document carries the time it describes (the
 * as-of time, or the run's "now") as its creation date.
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

#include "thuno/table_out.h"
#include "thuno/report.h"

tn_err tn_cmd_committee(struct tn_cli *cli)
{
    const char *period = NULL, *as_of_arg = NULL, *out = NULL, *office = NULL, *lang = "vi";
    struct tn_report_params p;
    tn_report_params_init(&p);
    for (int i = 1; i < cli->argc; i++) {
        const char *arg = cli->argv[i];
        if (i + 1 >= cli->argc)
            return TN_ERR_USAGE;
        if (strcmp(arg, "--period") == 0)
            period = cli->argv[++i];
        else if (strcmp(arg, "--as-of") == 0)
            as_of_arg = cli->argv[++i];
        else if (strcmp(arg, "--office") == 0)
            office = cli->argv[++i];
        else if (strcmp(arg, "-o") == 0)
            out = cli->argv[++i];
        else if (strcmp(arg, "--lang") == 0)
            lang = cli->argv[++i];
        else
            return TN_ERR_USAGE;
    }
    if (!period || !out)
        return TN_ERR_USAGE;
    enum tn_lang doc_lang;
    if (tn_cli_lang_parse("committee", lang, &doc_lang))
        return TN_ERR_USAGE;
    if (tn_period_parse(period, &p.period)) {
        tn_cli_error("committee", "expected --period YYYY-MM, got \"%s\"", period);
        return TN_ERR_USAGE;
    }
    char as_of[20];
    if (as_of_arg && tn_report_as_of(as_of_arg, as_of)) {
        tn_cli_error("committee", "expected --as-of YYYY-MM-DD[THH:MM:SS], got \"%s\"", as_of_arg);
        return TN_ERR_USAGE;
    }
    p.as_of = as_of_arg ? as_of : NULL;
    /* the office settings head the document and name the province (docs/letters.md) */
    struct tn_letterhead lh;
    tn_err err = tn_cli_office_settings("committee", NULL, office, &lh);
    if (err)
        return err == TN_ERR_NO_POLICY ? TN_ERR_REJECTED : err;
    char issuer[512], title[512];
    snprintf(issuer, sizeof issuer, "%s — %s", lh.agency, lh.office);
    snprintf(title, sizeof title,
             "Báo cáo UBND tỉnh %s: sử dụng lao động, đóng BHXH / Report to the People's "
             "Committee of %s",
             lh.province, lh.province);
    tn_letterhead_release(&lh);
    struct tn_cli_app ca;
    err = tn_cli_app_open(cli, &ca);
    if (err)
        return err;
    struct tn_scope scope = {NULL, NULL, TN_ROLE_ADMIN};
    if (office && (err = tn_app_scope_office(&ca.app, office, &scope.office))) {
        tn_cli_error("committee", "%s", tn_app_why(&ca.app, err));
        tn_cli_app_close(&ca);
        return err == TN_ERR_NOT_FOUND ? TN_ERR_USAGE : err;
    }
    struct tn_cli_out o; /* written whole or not at all */
    if ((err = tn_cli_out_open(&o, out, "committee"))) {
        tn_cli_app_close(&ca);
        return err;
    }
    FILE *f = o.f;
    /* the office is named on the document even for the province */
    char subtitle[200];
    snprintf(subtitle, sizeof subtitle, "Kỳ / period %s%s%s — số liệu đến / as known at %s", period,
             office ? " — cơ quan / office " : "", office ? office : "",
             p.as_of ? p.as_of : cli->now);
    struct tn_table_meta meta = {title, subtitle, p.as_of ? p.as_of : cli->now,
                                 0,     doc_lang, issuer};
    struct tn_table_out t;
    err = tn_table_begin(&t, f, TN_OUT_PDF, &meta, NULL, 0);
    struct tn_sink sink = tn_table_sink(&t);
    if (!err && (err = tn_app_committee_pack(&ca.app, &scope, &p, &sink)))
        tn_cli_error("committee", "%s", tn_app_why(&ca.app, err));
    tn_err end = tn_table_end(&t);
    if (!err && (err = end))
        tn_cli_error("committee", "cannot write %s", out);
    err = tn_cli_out_close(&o, err, "committee");
    tn_cli_app_close(&ca);
    return err;
}
