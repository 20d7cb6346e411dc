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
    /* the row goes through the import of inspections.csv, from memory */
    char *csv = NULL;
    size_t len = 0;
    FILE *w = open_memstream(&csv, &len);
    tn_err err = w ? write_row(w, e) : TN_ERR_IO;
    if (w && fclose(w) && !err)
        err = TN_ERR_IO;
    FILE *in = err ? NULL : fmemopen(csv, len, "rb");
    if (!in) {
        free(csv);
        return tn__app_fail(app, TN_ERR_IO, "cannot hold the row in memory");
    }
    err = tn_import_stream(app->store, TN_IMPORT_INSPECTIONS, in, "inspection record", update,
                           app->now, rep, NULL, NULL);
    free(csv);
    return err;
}
