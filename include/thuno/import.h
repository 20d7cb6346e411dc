/*
 * import.h - importing the CSV files an office feeds in (data-formats.md): units, workers,
 * officers, declarations, payments, registry, case_events, case_plans, inspections,
 * assignments, collection_plans, opening_balances.
 *
 * Invariants: an import is all or nothing (one transaction); every rejected row is reported,
 * not only the first; re-importing a file is harmless (equal rows are skipped); a row that
 * differs from the stored one is an error unless `update` is set, when it becomes a new
 * version and the old one stays visible to as-of queries.
 */
#ifndef THUNO_IMPORT_H
#define THUNO_IMPORT_H

#include <stddef.h>
#include <stdio.h>

#include "thuno/err.h"

struct tn_store;

enum tn_import_kind {
    TN_IMPORT_UNITS,
    TN_IMPORT_WORKERS,
    TN_IMPORT_DECLARATIONS,
    TN_IMPORT_PAYMENTS,
    TN_IMPORT_OFFICERS,
    TN_IMPORT_REGISTRY,
    TN_IMPORT_CASE_EVENTS,      /* data-formats.md; each case replayed through case.h */
    TN_IMPORT_CASE_PLANS,       /* repayment plans' instalments (docs/cases.md) */
    TN_IMPORT_INSPECTIONS,      /* inspection conclusions (docs/inspections.md) */
    TN_IMPORT_ASSIGNMENTS,      /* officer assignments (docs/operations.md) */
    TN_IMPORT_COLLECTION_PLANS, /* collection plans per period and scope (docs/operations.md) */
    TN_IMPORT_OPENING_BALANCES, /* debts owed at go-live (docs/ledger.md "Opening balances") */
    TN_IMPORT_COUNT
};

/* One rejected row or file: printed as FILE:LINE:COLUMN: message (FILE:LINE: message when
 * column is NULL). message reads `problem (got "value", expected ...)`. */
struct tn_import_error {
    const char *file;   /* borrowed from the caller's path */
    long line;          /* 1-based; the header is line 1 */
    const char *column; /* header name (static), NULL for a whole-row or whole-file error */
    tn_err code;        /* TN_ERR_PARSE bad text, TN_ERR_NOT_FOUND unknown reference,
                           TN_ERR_CONFLICT duplicate key or differs from the stored row */
    char message[320];
};

struct tn_import_report {
    long rows_new, rows_changed, rows_same; /* changed: new versions (--update) */
    long rows_suspense;                     /* payments without a known payer (of new+changed) */
    struct tn_import_error *errors;         /* in line order */
    size_t nerrors, caperrors;
    long errors_dropped; /* errors past TN_IMPORT_MAX_ERRORS; then the last entry of errors
                            says how many more there were, from which line on */
};

#define TN_IMPORT_MAX_ERRORS 10000

void tn_import_report_init(struct tn_import_report *rep);

/* Frees what rep owns; rep is then as if just initialized. */
void tn_import_report_release(struct tn_import_report *rep);

/* Sets *out to the kind called name ("units", "workers", ...). Errors: TN_ERR_PARSE for any
 * other name. */
tn_err tn_import_kind_parse(const char *name, enum tn_import_kind *out);

/* The file name of kind, "units" for TN_IMPORT_UNITS; static storage. */
const char *tn_import_kind_name(enum tn_import_kind kind);

/* Imports the CSV file at path as kind into s, all or nothing, in one transaction: every row
 * and every new version is stamped known_at = now ("YYYY-MM-DDTHH:MM:SS", borrowed during the
 * call). A row equal to the stored current version of its key is skipped; one that differs is
 * rejected unless update, which stores it as version + 1 and marks the old one superseded at
 * now. progress (may be NULL) is called with ctx every few thousand rows. rep (initialized by
 * the caller) gets the counts and the errors; its errors point at path, which must outlive it.
 * Returns TN_OK; TN_ERR_REJECTED when the header or rows were rejected, or the file has no
 * row after its header ("no data rows", line 1) and is of units, workers, declarations,
 * payments, officers or the registry, which a province always has (the registers of cases,
 * plans, inspections, assignments, collection plans and opening balances may be empty)
 * (nothing written, every error in rep); TN_ERR_IO when the file cannot be read (nothing written,
 * the reason is rep's error of code TN_ERR_IO, at line 0); TN_ERR_STORE (nothing written;
 * tn_store_errmsg says why). */
tn_err tn_import_file(struct tn_store *s, enum tn_import_kind kind, const char *path, int update,
                      const char *now, struct tn_import_report *rep,
                      void (*progress)(void *ctx, long long rows), void *ctx);

/* As tn_import_file on the open stream in (an upload, a row given on a command line), which
 * the import owns from then on and closes; path names it in the report's errors. */
tn_err tn_import_stream(struct tn_store *s, enum tn_import_kind kind, FILE *in, const char *path,
                        int update, const char *now, struct tn_import_report *rep,
                        void (*progress)(void *ctx, long long rows), void *ctx);

#endif
