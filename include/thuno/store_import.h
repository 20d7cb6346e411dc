/*
 * store_import.h - the store's side of an import: versioned rows keyed by their key columns
 * (schema.sql). io/import.c validates; this file only reads and writes, with statements
 * prepared once per import. Used inside one transaction opened by the caller.
 */
#ifndef THUNO_STORE_IMPORT_H
#define THUNO_STORE_IMPORT_H

#include <stddef.h>
#include <stdint.h>

#include "thuno/err.h"

struct tn_store;
struct tn_store_import;
struct tn_store_lookup;

/* A value bound to or read from a column: NULL, text or integer. Empty text is stored NULL. */
struct tn_store_value {
    enum { TN_SV_NULL, TN_SV_TEXT, TN_SV_INT } type;
    const char *text;
    int64_t num;
};

/* Prepares the statements for table with nkeys key columns followed by ncols data columns
 * (names as in schema.sql, borrowed only during the call), and records an import_batch row
 * (kind, file, now; now borrowed for imp's life). On success *out is the caller's
 * (tn_store_import_free). Errors: TN_ERR_STORE. */
tn_err tn_store_import_begin(struct tn_store *s, const char *table, const char *const *keys,
                             size_t nkeys, const char *const *cols, size_t ncols, const char *kind,
                             const char *file, const char *now, struct tn_store_import **out);

/* Looks up the current version of a key. *version is 0 when the key is not stored; else the
 * current row's data columns are in cur[0..ncols) (text borrowed until the next call on imp).
 * The keys of one import must be distinct: a table that held no row when the import began is
 * not searched at all. Errors: TN_ERR_STORE. */
tn_err tn_store_import_find(struct tn_store_import *imp, const struct tn_store_value *keys,
                            long *version, struct tn_store_value *cur);

/* Stores a new version of a key (version = old + 1, known_at = now); old > 0 marks the stored
 * version old superseded at now. Errors: TN_ERR_CONFLICT when that version of the key is
 * stored already (a key repeated in the file of a first load: nothing written, imp usable);
 * TN_ERR_STORE. */
tn_err tn_store_import_put(struct tn_store_import *imp, const struct tn_store_value *keys,
                           const struct tn_store_value *vals, long old);

/* 1 when the table held no row at all when imp began: a first load. Then the table has no
 * secondary index until tn_store_import_finish builds them again (in the caller's
 * transaction, so a rollback restores them), and each key's rows are those this import wrote,
 * so tn_store_import_put's TN_ERR_CONFLICT and tn_store_import_written find the keys repeated
 * in the file without the caller keeping them. */
int tn_store_import_first(const struct tn_store_import *imp);

/* A first load with conflict given: tn_store_import_put keeps up to 64 rows to write them by
 * one statement (SQLite's cost per statement shared), and a key repeated in the file is
 * reported by calling conflict with the seq of its row (the rows put by imp numbered from 0),
 * from that tn_store_import_put or a later call on imp; none is reported any later than 64
 * rows on. conflict NULL writes the rows kept, reporting their repeats, and puts one row at a
 * time again; so does a later load, for which this changes nothing. Errors: TN_ERR_STORE. */
tn_err tn_store_import_batch(struct tn_store_import *imp, void (*conflict)(void *ctx, long seq),
                             void *ctx);

/* *found = 1 when this import has written a row of the key (a first load: any current row of
 * the key), else 0. Errors: TN_ERR_STORE. */
tn_err tn_store_import_written(struct tn_store_import *imp, const struct tn_store_value *keys,
                               int *found);

/* Builds the secondary indexes a first load dropped, then sets the counts of the batch row.
 * Errors: TN_ERR_STORE. */
tn_err tn_store_import_finish(struct tn_store_import *imp, long rows_new, long rows_changed,
                              long rows_same);

/* Frees imp; NULL does nothing. */
void tn_store_import_free(struct tn_store_import *imp);

/* Prepares an existence check for the current rows of table by its key column col (names as
 * in schema.sql). On success *out is the caller's (tn_store_lookup_free). Errors:
 * TN_ERR_STORE. */
tn_err tn_store_lookup_new(struct tn_store *s, const char *table, const char *col,
                           struct tn_store_lookup **out);

/* *found = 1 if the table has a current row whose column equals value, else 0.
 * Errors: TN_ERR_STORE. */
tn_err tn_store_lookup_exists(struct tn_store_lookup *lk, const char *value, int *found);

/* Calls value once per current row of lk's table with its column (text borrowed during the
 * call), in the column's order; stops at the first error value returns and returns it.
 * Errors: value's; TN_ERR_STORE. */
tn_err tn_store_lookup_each(struct tn_store_lookup *lk,
                            tn_err (*value)(void *ctx, const char *v, size_t len), void *ctx);

/* Frees lk; NULL does nothing. */
void tn_store_lookup_free(struct tn_store_lookup *lk);

/* The current payment txn_id: *found, and when found its amount and whether it reverses
 * another. Errors: TN_ERR_STORE. */
tn_err tn_store_payment_lookup(struct tn_store *s, const char *txn_id, int *found, int64_t *amount,
                               int *is_reversal);

#endif
