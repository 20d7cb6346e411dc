/*
 * import.h - importing the CSV files an office feeds in (data-formats.md): units, workers,
 * officers, declarations, payments, registry.
 *
 * Invariants: an import is all or nothing (one transaction); every rejected row is reported,
 * not only the first; re-importing a file is harmless (equal rows are skipped); a row that
 * differs from the stored one is an error unless `update` is set, when it becomes a new
 * version and the old one stays visible to as-of queries.
 */
#ifndef THUNO_IMPORT_H
#define THUNO_IMPORT_H

#include <stddef.h>

#include "thuno/err.h"

struct tn_store;

enum tn_import_kind {
    TN_IMPORT_UNITS,
    TN_IMPORT_WORKERS,
    TN_IMPORT_DECLARATIONS,
    TN_IMPORT_PAYMENTS,
    TN_IMPORT_OFFICERS,
    TN_IMPORT_REGISTRY,
    TN_IMPORT_COUNT
};

/* One rejected row or file: printed as FILE:LINE:COLUMN: message. */
struct tn_import_error {
    const char *file;   /* borrowed from the caller's path */
    long line;          /* 1-based; the header is line 1 */
    const char *column; /* header name (static), NULL for a whole-row or whole-file error */
    tn_err code;
    char message[160];
};

struct tn_import_report {
    long rows_new, rows_changed, rows_same, rows_suspense;
    struct tn_import_error *errors;
    size_t nerrors, caperrors;
    long errors_dropped; /* errors past the cap of TN_IMPORT_MAX_ERRORS */
};

#define TN_IMPORT_MAX_ERRORS 10000

void tn_import_report_init(struct tn_import_report *rep);
/* Frees what rep owns; rep is then as if just initialized. */
void tn_import_report_release(struct tn_import_report *rep);

/* Errors: TN_ERR_PARSE for an unknown kind name ("units", "workers", ...). */
tn_err tn_import_kind_parse(const char *name, enum tn_import_kind *out);
const char *tn_import_kind_name(enum tn_import_kind kind);

/* Imports path as kind into s, stamping rows with now ("YYYY-MM-DDTHH:MM:SS").
 * progress (may be NULL) is called every few thousand rows.
 * Returns TN_OK; TN_ERR_REJECTED when rows or the header were rejected (nothing written,
 * every error in rep); TN_ERR_IO when the file cannot be read; TN_ERR_STORE (nothing
 * written; tn_store_errmsg says why). */
tn_err tn_import_file(struct tn_store *s, enum tn_import_kind kind, const char *path, int update,
                      const char *now, struct tn_import_report *rep,
                      void (*progress)(void *ctx, long long rows), void *ctx);

#endif
