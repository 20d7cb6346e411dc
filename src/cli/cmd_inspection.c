/*
 * cmd_inspection.c - `thuno inspection record ...`: records one inspection conclusion
 * (docs/inspections.md). The row goes through the import of inspections.csv, so that it is
 * checked cell by cell, versioned and refused exactly as a file row would be:
 *
 *   inspection record INSPECTION_ID UNIT_CODE CONCLUDED_ON --body BODY --remedy-by DATE
 *       [--decision-no TEXT] [--inspector TEXT] [--underdeclared N] [--unpaid N]
 *       [--workers N] [--fine N] [--note TEXT] [--update]
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "thuno/import.h"
#include "thuno/store.h"

/* The columns of inspections.csv in the order the cells are written, with their option. */
static const struct {
    const char *col, *opt;
} fields[] = {
    {"inspection_id", NULL},
    {"unit_code", NULL},
    {"concluded_on", NULL},
    {"decision_no", "--decision-no"},
    {"body", "--body"},
    {"inspector", "--inspector"},
    {"amount_underdeclared", "--underdeclared"},
    {"amount_unpaid", "--unpaid"},
    {"workers_unregistered", "--workers"},
    {"fine_amount", "--fine"},
    {"remedy_by", "--remedy-by"},
    {"note", "--note"},
};
#define NFIELDS (sizeof fields / sizeof fields[0])

/* Writes s as one RFC 4180 cell, quoted. */
static void cell(FILE *f, const char *s, int last)
{
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', f);
        fputc(*s, f);
    }
    fputs(last ? "\"\n" : "\",", f);
}

static tn_err write_row(FILE *f, const char *const *v)
{
    for (size_t i = 0; i < NFIELDS; i++)
        fprintf(f, "%s%s", fields[i].col, i + 1 < NFIELDS ? "," : "\n");
    for (size_t i = 0; i < NFIELDS; i++)
        cell(f, v[i] ? v[i] : "", i + 1 == NFIELDS);
    return fflush(f) || ferror(f) ? TN_ERR_IO : TN_OK;
}

/* The option that sets column col ("" for the positional arguments). */
static const char *option_of(const char *col)
{
    for (size_t i = 0; i < NFIELDS; i++)
        if (col && strcmp(fields[i].col, col) == 0)
            return fields[i].opt ? fields[i].opt : fields[i].col;
    return "row";
}

static tn_err record(struct tn_cli *cli)
{
    const char *v[NFIELDS] = {0};
    int update = 0;
    size_t pos = 0;
    for (int i = 2; i < cli->argc; i++) {
        const char *arg = cli->argv[i];
        if (strcmp(arg, "--update") == 0) {
            update = 1;
            continue;
        }
        if (arg[0] != '-') {
            if (pos == 3)
                return TN_ERR_USAGE;
            v[pos++] = arg;
            continue;
        }
        size_t k = 3;
        while (k < NFIELDS && strcmp(fields[k].opt, arg) != 0)
            k++;
        if (k == NFIELDS || i + 1 >= cli->argc) {
            tn_cli_error("inspection record", "unknown option or missing value: %s", arg);
            return TN_ERR_USAGE;
        }
        v[k] = cli->argv[++i];
    }
    if (pos != 3)
        return TN_ERR_USAGE;
    const char *dir = getenv("TMPDIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/thuno-inspection-XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(path);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!f) {
        tn_cli_error("inspection record", "cannot write a temporary file in %s",
                     dir && *dir ? dir : "/tmp");
        if (fd >= 0)
            close(fd);
        return TN_ERR_IO;
    }
    tn_err err = write_row(f, v);
    if (fclose(f) && !err)
        err = TN_ERR_IO;
    struct tn_store *s = NULL;
    struct tn_import_report rep;
    tn_import_report_init(&rep);
    if (err)
        tn_cli_error("inspection record", "cannot write %s", path);
    else if (!(err = tn_cli_open_store(cli, &s)))
        err = tn_import_file(s, TN_IMPORT_INSPECTIONS, path, update, cli->now, &rep, NULL, NULL);
    if (err == TN_ERR_REJECTED) {
        for (size_t i = 0; i < rep.nerrors; i++)
            tn_cli_error("inspection record", "%s: %s", option_of(rep.errors[i].column),
                         rep.errors[i].message);
    } else if (err && s) {
        tn_cli_error("inspection record", "%s", tn_store_errmsg(s));
    } else if (!err) {
        printf("inspection %s: %s\n", v[0],
               rep.rows_new       ? "recorded"
               : rep.rows_changed ? "new version recorded"
                                  : "already recorded, unchanged");
    }
    tn_import_report_release(&rep);
    tn_store_free(s);
    remove(path);
    return err;
}

tn_err tn_cmd_inspection(struct tn_cli *cli)
{
    if (cli->argc >= 2 && strcmp(cli->argv[1], "record") == 0)
        return record(cli);
    return TN_ERR_USAGE;
}
