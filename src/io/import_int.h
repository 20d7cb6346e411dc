/*
 * import_int.h - what import.c (the engine: cells, keys, writing) and import_checks.c (the
 * checks of references, of each kind's rows and of the whole file) share: the state of one
 * import. Only src/io/ includes this.
 */
#ifndef THUNO_IO_IMPORT_INT_H
#define THUNO_IO_IMPORT_INT_H

#include "io/import_keys.h"
#include "io/import_rules.h"
#include "thuno/import.h"
#include "thuno/store.h"

#define TN__IMPORT_KEY_SEP '\x1f' /* between the parts of a key of several columns */

/* The quoted form of a value for a message: at most 60 bytes of it ("%.*s" arguments). */
#define TN__IMPORT_CLIP(s) tn__import_clip((s), 60), (s)

struct tn_store_import;

/* A referenced table: its store lookup and what was already found (num 1) or not (num 0). */
struct tn__import_refcache {
    const char *table, *col;
    struct tn_store_lookup *lk;
    struct tn__keyset memo;
};

/* A unit's parent not known when its row was read; checked against the whole file at the end. */
struct tn__import_pending {
    long line;
    const char *code; /* in tn__import_run.strings */
};

/* One import under way (tn_import_file). */
struct tn__import_run {
    struct tn_store *s;
    const struct tn__file_rules *rules;
    enum tn_import_kind kind;
    const char *path;
    int update;
    char today[11]; /* the import's day (now's date): no event or payment is dated after it */
    struct tn_import_report *rep;
    long first_dropped; /* line of the first error past the cap */
    struct tn_store_import *imp;
    struct tn__keyset keys;    /* keys of this file's rows; payments: amount, < 0 a reversal */
    struct tn__keyset strings; /* pool for the pending references' text */
    struct tn__keyset cases;   /* case files: the case ids of the file, first line */
    struct tn__import_refcache refs[3];
    int refidx[TN__MAX_COLUMNS]; /* column -> refs[], or -1 */
    size_t nrefs;
    struct tn__import_pending *pending;
    size_t npending, cappending;
    int col_kind, col_salary, col_amount, col_reverses, col_parent; /* -1: not in the file */
    /* the row being checked */
    long line;
    int bad; /* errors in this row */
    const char *cells[TN__MAX_COLUMNS];
    unsigned char okcell[TN__MAX_COLUMNS];           /* the cell is present and good */
    struct tn_store_value vals[TN__MAX_COLUMNS + 1]; /* + payments' suspense */
    char key[256];
    size_t keylen;
};

/* Records an error of x's current line (column NULL: the whole row) unless the report is full;
 * counts it in x->bad either way. */
void tn__import_add_error(struct tn__import_run *x, const char *column, tn_err code,
                          const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Looks up what the row's cells refer to (import_checks.c). Errors: the store's. */
tn_err tn__import_check_refs(struct tn__import_run *x);

/* The rules of x's kind that tie a row's cells together, if it has any. Errors: the store's;
 * a rejected row is an error added to the report, not a code. */
tn_err tn__import_check_row(struct tn__import_run *x);

/* opening_balances.csv: the period is no later than the month of as_of, as_of is not after the
 * import's day, and something is owed (import_opening.c). Errors: none of its own. */
tn_err tn__import_check_opening(struct tn__import_run *x);

/* Reports the parents named by units of the file that are neither in it nor in the store. */
void tn__import_check_pending(struct tn__import_run *x);

/* Replays each case of a case_events or case_plans file with its stored rows. Errors: the
 * store's. */
tn_err tn__import_check_cases(struct tn__import_run *x);

#endif
