/*
 * app_inspection.c - recording one inspection conclusion by hand (docs/inspections.md). The
 * row goes through the import of inspections.csv (io/import.c), so that it is checked cell by
 * cell, versioned and refused exactly as a row of the file would be. The import reads files,
 * so the row is written to a temporary file first; an import from memory would remove it.
 */
#include "app_int.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "thuno/import.h"

/* The columns of inspections.csv in the order the cells are written. */
static const struct {
    const char *col;
    size_t off; /* of the cell in struct tn_inspection_entry */
} fields[] = {
/* clang-format off */
#define F(name) {#name, offsetof(struct tn_inspection_entry, name)}
    F(inspection_id), F(unit_code), F(concluded_on), F(decision_no), F(body), F(inspector),
    F(amount_underdeclared), F(amount_unpaid), F(workers_unregistered), F(fine_amount),
    F(remedy_by), F(note),
#undef F
};
/* clang-format on */
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

static tn_err write_row(FILE *f, const struct tn_inspection_entry *e)
{
    for (size_t i = 0; i < NFIELDS; i++)
        fprintf(f, "%s%s", fields[i].col, i + 1 < NFIELDS ? "," : "\n");
    for (size_t i = 0; i < NFIELDS; i++) {
        const char *v = *(const char *const *)((const char *)e + fields[i].off);
        cell(f, v ? v : "", i + 1 == NFIELDS);
    }
    return fflush(f) || ferror(f) ? TN_ERR_IO : TN_OK;
}

tn_err tn_app_inspection_record(struct tn_app *app, const struct tn_scope *scope,
                                const struct tn_inspection_entry *e, int update,
                                struct tn_import_report *rep)
{
    (void)scope;
    app->why[0] = '\0';
    const char *dir = getenv("TMPDIR");
    dir = dir && *dir ? dir : "/tmp";
    char path[4096];
    snprintf(path, sizeof path, "%s/thuno-inspection-XXXXXX", dir);
    int fd = mkstemp(path);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!f) {
        if (fd >= 0)
            close(fd);
        return tn__app_fail(app, TN_ERR_IO, "cannot write a temporary file in %s", dir);
    }
    tn_err err = write_row(f, e);
    if (fclose(f) && !err)
        err = TN_ERR_IO;
    if (err)
        tn__app_fail(app, err, "cannot write %s", path);
    else
        err = tn_import_file(app->store, TN_IMPORT_INSPECTIONS, path, update, app->now, rep, NULL,
                             NULL);
    /* the errors name the temporary file, removed below */
    for (size_t i = 0; i < rep->nerrors; i++)
        rep->errors[i].file = "inspection record";
    remove(path);
    return err;
}
