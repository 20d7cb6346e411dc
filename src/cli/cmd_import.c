/*
 * cmd_import.c - `thuno import KIND FILE.csv [--update]` (data-formats.md "Common rules"): all
 * or nothing (tn_app_import); every rejected row is printed as FILE:LINE:COLUMN: message and
 * the command fails with TN_ERR_REJECTED (exit status 65); a summary of the rows goes to
 * stderr.
 */
#include "cli.h"

#include <string.h>

#include "thuno/import.h"

static void progress(void *ctx, long long rows, long long total)
{
    tn_cli_progress(ctx, "import", rows, total);
}

static void print_errors(const struct tn_import_report *rep)
{
    for (size_t i = 0; i < rep->nerrors; i++) {
        const struct tn_import_error *e = &rep->errors[i];
        if (e->column)
            fprintf(stderr, "%s:%ld:%s: %s\n", e->file, e->line, e->column, e->message);
        else
            fprintf(stderr, "%s:%ld: %s\n", e->file, e->line, e->message);
    }
}

tn_err tn_cmd_import(struct tn_cli *cli)
{
    const char *kind_arg = NULL, *path = NULL;
    int flags = 0;
    for (int i = 1; i < cli->argc; i++) {
        if (strcmp(cli->argv[i], "--update") == 0) {
            flags |= TN_APP_IMPORT_UPDATE;
        } else if (cli->argv[i][0] == '-' && cli->argv[i][1] != '\0') {
            tn_cli_error("import", "unknown option %s", cli->argv[i]);
            return TN_ERR_USAGE;
        } else if (!kind_arg) {
            kind_arg = cli->argv[i];
        } else if (!path) {
            path = cli->argv[i];
        } else {
            tn_cli_error("import", "one file at a time (got \"%s\" too)", cli->argv[i]);
            return TN_ERR_USAGE;
        }
    }
    if (!kind_arg || !path)
        return TN_ERR_USAGE;
    enum tn_import_kind kind;
    if (tn_import_kind_parse(kind_arg, &kind)) {
        tn_cli_error("import",
                     "unknown kind \"%s\" (expected units, workers, declarations, payments, "
                     "officers, registry, case_events, case_plans, inspections, assignments, "
                     "collection_plans or opening_balances)",
                     kind_arg);
        return TN_ERR_USAGE;
    }
    struct tn_cli_app ca;
    tn_err err = tn_cli_app_open(cli, &ca);
    if (err)
        return err;
    struct tn_scope scope = {NULL, NULL, TN_ROLE_ADMIN};
    struct tn_import_report rep;
    tn_import_report_init(&rep);
    err = tn_app_import(&ca.app, &scope, kind, path, flags, progress, cli, &rep);
    tn_cli_progress_end(cli);
    char summary[160];
    snprintf(summary, sizeof summary, "%s: new %ld changed %ld same %ld suspense %ld", path,
             rep.rows_new, rep.rows_changed, rep.rows_same, rep.rows_suspense);
    tn_cli_audit(&ca.app, "import", kind_arg, err, summary);
    if (err == TN_ERR_REJECTED)
        print_errors(&rep);
    if (err) {
        tn_cli_error("import", "%s", tn_app_why(&ca.app, err));
    } else {
        fprintf(stderr, "thuno: import %s: %ld new, %ld changed, %ld same", kind_arg, rep.rows_new,
                rep.rows_changed, rep.rows_same);
        if (kind == TN_IMPORT_PAYMENTS)
            fprintf(stderr, ", %ld in suspense (payer unknown)", rep.rows_suspense);
        fputc('\n', stderr);
    }
    tn_import_report_release(&rep);
    tn_cli_app_close(&ca);
    return err;
}
