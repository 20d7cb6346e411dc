/*
 * cmd_contact.c - `thuno contact record UNIT_CODE call|visit|letter|meeting [--date DATE]
 * [--officer CODE] [--outcome TEXT] [--note TEXT]` and `thuno contact list [UNIT_CODE]
 * [--latest] [--as-of DATE]`: the officers' contacts with employers (docs/operations.md
 * "Contacts"). The record is tn_app_contact_record (app_contact.h), audited under the OS user
 * like every change made at this shell; the list is CSV.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "thuno/app.h"
#include "thuno/report.h"
#include "thuno/table_out.h"

static tn_err record(struct tn_cli *cli)
{
    if (cli->argc < 4)
        return TN_ERR_USAGE;
    char actor[80];
    tn_cli_actor(actor);
    struct tn_contact_request req = {cli->argv[2], cli->argv[3], -1, NULL, NULL, NULL, actor};
    const char *date = NULL;
    for (int i = 4; i < cli->argc; i += 2) {
        const char *arg = cli->argv[i], *v = i + 1 < cli->argc ? cli->argv[i + 1] : NULL;
        if (!v)
            return TN_ERR_USAGE;
        if (strcmp(arg, "--date") == 0)
            date = v;
        else if (strcmp(arg, "--officer") == 0)
            req.officer = v;
        else if (strcmp(arg, "--outcome") == 0)
            req.outcome = v;
        else if (strcmp(arg, "--note") == 0)
            req.note = v;
        else
            return TN_ERR_USAGE;
    }
    if (date && (strlen(date) != 10 || tn_day_parse(date, &req.day))) {
        tn_cli_error("contact", "expected --date YYYY-MM-DD, got \"%s\"", date);
        return TN_ERR_USAGE;
    }
    struct tn_cli_app ca;
    tn_err err = tn_cli_app_open(cli, &ca);
    if (err)
        return err;
    struct tn_scope scope = {NULL, NULL, TN_ROLE_ADMIN};
    struct tn_contact_row row;
    memset(&row, 0, sizeof row);
    err = tn_app_contact_record(&ca.app, &scope, &req, &row);
    char summary[160];
    snprintf(summary, sizeof summary, "%.16s on %.10s by %.31s", req.kind,
             row.day[0] ? row.day
             : date     ? date
                        : "today",
             row.officer[0] ? row.officer : "?");
    tn_cli_audit(&ca.app, "contact.record", req.unit, err, summary);
    if (err)
        tn_cli_error("contact", "%s", tn_app_why(&ca.app, err));
    else
        printf("contact %lld %s %s %s %s: đã ghi / recorded\n", row.seq, row.unit_code, row.day,
               row.kind, row.officer);
    tn_cli_app_close(&ca);
    return err;
}

static tn_err list(struct tn_cli *cli)
{
    const char *unit = NULL, *at = NULL;
    int latest = 0;
    for (int i = 2; i < cli->argc; i++) {
        const char *arg = cli->argv[i];
        if (strcmp(arg, "--latest") == 0)
            latest = 1;
        else if (strcmp(arg, "--as-of") == 0 && i + 1 < cli->argc)
            at = cli->argv[++i];
        else if (arg[0] != '-' && !unit)
            unit = arg;
        else
            return TN_ERR_USAGE;
    }
    char as_of[20];
    if (at && tn_report_as_of(at, as_of)) {
        tn_cli_error("contact", "expected --as-of YYYY-MM-DD[THH:MM:SS], got \"%s\"", at);
        return TN_ERR_USAGE;
    }
    struct tn_cli_app ca;
    tn_err err = tn_cli_app_open(cli, &ca);
    if (err)
        return err;
    size_t ncols;
    const struct tn_col *cols = tn_app_contact_cols(&ncols);
    struct tn_table_out t;
    struct tn_scope scope = {NULL, NULL, TN_ROLE_ADMIN};
    err = tn_table_begin(&t, stdout, TN_OUT_CSV, NULL, cols, ncols);
    struct tn_sink sink = tn_table_sink(&t);
    if (!err)
        err = tn_app_contacts(&ca.app, &scope, unit, latest, at ? as_of : NULL, &sink);
    tn_err end = tn_table_end(&t);
    if (err)
        tn_cli_error("contact", "%s", tn_app_why(&ca.app, err));
    tn_cli_app_close(&ca);
    return err ? err : end;
}

tn_err tn_cmd_contact(struct tn_cli *cli)
{
    if (cli->argc >= 2 && strcmp(cli->argv[1], "record") == 0)
        return record(cli);
    if (cli->argc >= 2 && strcmp(cli->argv[1], "list") == 0)
        return list(cli);
    return TN_ERR_USAGE;
}
