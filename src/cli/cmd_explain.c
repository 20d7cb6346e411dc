/*
 * cmd_explain.c - `thuno explain UNIT_CODE YYYY-MM [--as-of DATE] [--office CODE]
 * [--format text|json]`: every line behind a unit's balance; with --office, only for a unit
 * of that office (docs/offices.md).
 */
#include "cli.h"

#include <string.h>

#include "io/explain_out.h"
#include "thuno/office.h"
#include "thuno/report.h"
#include "thuno/store.h"

/* Cuts s to office and refuses a unit of another office (its office as known at as_of). */
static tn_err refuse_other_office(struct tn_store *s, const char *office, const char *unit,
                                  const char *as_of)
{
    char own[TN_OFFICE_BUFSZ];
    const char *cut = office;
    tn_err err = tn_cli_cut_office(s, "explain", &cut);
    if (err || !cut)
        return err;
    if ((err = tn_store_unit_office(s, unit, as_of, own)) == TN_ERR_NOT_FOUND)
        return TN_OK; /* the explanation says it has no balance */
    if (!err && strcmp(own, tn_store_office(s)) != 0) {
        tn_cli_error("explain",
                     "đơn vị %s thuộc cơ quan BHXH khác / unit %s is not of office %s (its "
                     "office: %s)",
                     unit, unit, office, own[0] ? own : "the province office");
        return TN_ERR_STATE;
    }
    return err;
}

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
    struct tn_store *s;
    tn_err err = tn_cli_open_store(cli, &s);
    if (err)
        return err;
    if ((err = refuse_other_office(s, office, unit, as_of_arg ? as_of : NULL))) {
        tn_store_free(s);
        return err;
    }
    struct tn_explain e;
    tn_explain_init(&e);
    err = tn_store_explain(s, unit, period, as_of_arg ? as_of : NULL, &e);
    if (err == TN_ERR_NOT_FOUND)
        tn_cli_error("explain", "no closed balance for unit %s in %s%s%s", unit, period_arg,
                     as_of_arg ? " as of " : "", as_of_arg ? as_of_arg : "");
    else if (err)
        tn_cli_error("explain", "%s", tn_store_errmsg(s));
    else
        err = json ? tn_explain_write_json(stdout, &e) : tn_explain_write_text(stdout, &e);
    tn_explain_release(&e);
    tn_store_free(s);
    return err;
}
