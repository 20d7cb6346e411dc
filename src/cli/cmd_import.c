/*
 * cmd_import.c - `thuno import KIND FILE.csv [--update]`: all or nothing; every rejected row
 * is printed as FILE:LINE:COLUMN: message and the command fails with exit status 65.
 */
#include "cli.h"

#include <string.h>

#include "thuno/import.h"
#include "thuno/store.h"

static void progress(void *ctx, long long rows)
{
    tn_cli_progress(ctx, "import", rows, 0);
}

tn_err tn_cmd_import(struct tn_cli *cli)
{
    const char *kind_arg = NULL, *path = NULL;
    int update = 0;
    for (int i = 1; i < cli->argc; i++) {
        if (strcmp(cli->argv[i], "--update") == 0)
            update = 1;
        else if (!kind_arg)
            kind_arg = cli->argv[i];
        else if (!path)
            path = cli->argv[i];
        else
            return TN_ERR_USAGE;
    }
    if (!kind_arg || !path)
        return TN_ERR_USAGE;
    enum tn_import_kind kind;
    if (tn_import_kind_parse(kind_arg, &kind)) {
        tn_cli_error("import",
                     "unknown kind \"%s\" (units, workers, declarations, payments, "
                     "officers, registry; case_events comes with case management)",
                     kind_arg);
        return TN_ERR_USAGE;
    }
    struct tn_store *s;
    tn_err err = tn_cli_open_store(cli, &s);
    if (err)
        return err;
    struct tn_import_report rep;
    tn_import_report_init(&rep);
    err = tn_import_file(s, kind, path, update, cli->now, &rep, progress, cli);
    tn_cli_progress_end(cli);
    for (size_t i = 0; i < rep.nerrors; i++) {
        const struct tn_import_error *e = &rep.errors[i];
        if (e->column)
            fprintf(stderr, "%s:%ld:%s: %s\n", e->file, e->line, e->column, e->message);
        else
            fprintf(stderr, "%s:%ld: %s\n", e->file, e->line, e->message);
    }
    if (rep.errors_dropped)
        fprintf(stderr, "%s: %ld more errors not shown\n", path, rep.errors_dropped);
    if (err == TN_ERR_REJECTED)
        tn_cli_error("import", "%s rejected: %zu errors, nothing imported", path,
                     rep.nerrors + (size_t)rep.errors_dropped);
    else if (err == TN_ERR_IO)
        tn_cli_error("import", "cannot read %s", path);
    else if (err)
        tn_cli_error("import", "%s", tn_store_errmsg(s));
    else
        fprintf(stderr, "thuno: import %s: %ld new, %ld changed, %ld same\n", kind_arg,
                rep.rows_new, rep.rows_changed, rep.rows_same);
    if (!err && kind == TN_IMPORT_PAYMENTS && rep.rows_suspense)
        fprintf(stderr, "thuno: import payments: %ld payments wait in suspense (no known payer)\n",
                rep.rows_suspense);
    tn_import_report_release(&rep);
    tn_store_free(s);
    return err;
}
