/*
 * cmd_pack.c - `thuno pack meeting --period P [--office CODE] [--as-of DATE]
 * [--format pdf|csv] [--lang vi|en] [-o FILE]`: the pack for the director's monthly meeting with
 * QLT, KTTN and TTKT (seed 002, docs/operations.md "Meeting pack"), five tables in one document,
 * made by the application layer (tn_app_pack_meeting, src/app/app_pack.c); this file parses the
 * arguments, opens the output and writes the sections it is given.
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

#include "thuno/table_out.h"
#include "thuno/report.h"

struct pack_args {
    tn_period period;
    const char *office, *as_of, *format, *out;
    char as_of_buf[20];
    enum tn_lang lang; /* --lang vi|en: the labels of the PDF */
};

static tn_err parse(struct tn_cli *cli, struct pack_args *a)
{
    const char *period = NULL, *as_of = NULL, *lang = "vi";
    if (cli->argc < 2 || strcmp(cli->argv[1], "meeting") != 0)
        return TN_ERR_USAGE;
    for (int i = 2; i < cli->argc; i++) {
        const char *arg = cli->argv[i];
        int has = i + 1 < cli->argc;
        if (strcmp(arg, "--period") == 0 && has)
            period = cli->argv[++i];
        else if (strcmp(arg, "--office") == 0 && has)
            a->office = cli->argv[++i];
        else if (strcmp(arg, "--as-of") == 0 && has)
            as_of = cli->argv[++i];
        else if (strcmp(arg, "--format") == 0 && has)
            a->format = cli->argv[++i];
        else if (strcmp(arg, "-o") == 0 && has)
            a->out = cli->argv[++i];
        else if (strcmp(arg, "--lang") == 0 && has)
            lang = cli->argv[++i];
        else
            return TN_ERR_USAGE;
    }
    if (tn_cli_lang_parse("pack", lang, &a->lang))
        return TN_ERR_USAGE;
    if (!period || tn_period_parse(period, &a->period)) {
        tn_cli_error("pack", "expected --period YYYY-MM");
        return TN_ERR_USAGE;
    }
    if (as_of && tn_report_as_of(as_of, a->as_of_buf)) {
        tn_cli_error("pack", "expected --as-of YYYY-MM-DD[THH:MM:SS], got \"%s\"", as_of);
        return TN_ERR_USAGE;
    }
    a->as_of = as_of ? a->as_of_buf : NULL;
    return TN_OK;
}

tn_err tn_cmd_pack(struct tn_cli *cli)
{
    struct pack_args a = {.format = "pdf"};
    tn_err err = parse(cli, &a);
    if (err)
        return err;
    enum tn_out_format fmt;
    if (tn_out_format_parse(a.format, &fmt) || (fmt != TN_OUT_PDF && fmt != TN_OUT_CSV)) {
        tn_cli_error("pack", "format \"%s\" is not available (pdf, csv)", a.format);
        return TN_ERR_USAGE;
    }
    if (fmt == TN_OUT_PDF && !a.out) {
        tn_cli_error("pack", "a PDF needs -o FILE");
        return TN_ERR_USAGE;
    }
    char issuer[512] = ""; /* a PDF is headed by the office settings; CSV needs none */
    if (fmt == TN_OUT_PDF && (err = tn_cli_office_header("pack", a.office, issuer, sizeof issuer)))
        return err == TN_ERR_NO_POLICY ? TN_ERR_REJECTED : err;
    struct tn_cli_app ca;
    if ((err = tn_cli_app_open(cli, &ca)))
        return err;
    struct tn_scope scope = {NULL, NULL, TN_ROLE_ADMIN};
    if (a.office && (err = tn_app_scope_office(&ca.app, a.office, &scope.office))) {
        tn_cli_error("pack", "%s", tn_app_why(&ca.app, err));
        tn_cli_app_close(&ca);
        return err == TN_ERR_NOT_FOUND ? TN_ERR_USAGE : err;
    }
    struct tn_cli_out o; /* written whole or not at all */
    if ((err = tn_cli_out_open(&o, a.out, "pack"))) {
        tn_cli_app_close(&ca);
        return err;
    }
    FILE *f = o.f;
    char per[TN_PERIOD_BUFSZ], subtitle[160];
    tn_period_format(a.period, per);
    /* the subtitle names the office even for the province */
    snprintf(subtitle, sizeof subtitle, "Kỳ / period %s%s%s — số liệu đến / as known at %s", per,
             a.office ? " — cơ quan / office " : "", a.office ? a.office : "",
             a.as_of ? a.as_of : cli->now);
    struct tn_table_meta meta = {"Tài liệu giao ban tháng / Monthly meeting pack",
                                 subtitle,
                                 a.as_of ? a.as_of : cli->now,
                                 0,
                                 a.lang,
                                 issuer};
    struct tn_table_out t;
    err = tn_table_begin(&t, f, fmt, &meta, NULL, 0);
    struct tn_sink sink = tn_table_sink(&t);
    if (!err)
        err = tn_app_pack_meeting(&ca.app, &scope, a.period, a.as_of, &sink);
    tn_err end = tn_table_end(&t);
    if (err)
        tn_cli_error("pack", "%s", tn_app_why(&ca.app, err));
    else if ((err = end))
        tn_cli_error("pack", "cannot write the pack");
    err = tn_cli_out_close(&o, err, "pack");
    tn_cli_app_close(&ca);
    return err;
}
