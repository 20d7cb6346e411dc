/*
 * store_import.h - the store's side of an import: versioned rows keyed by their key columns
 * (schema.sql). io/import.c validates; this file only reads and writes. Used inside one
 * transaction opened by the caller.
 */
#ifndef THUNO_STORE_IMPORT_H
#define THUNO_STORE_IMPORT_H

#include <stddef.h>
#include <stdint.h>

#include "thuno/err.h"

struct tn_store;
struct tn_store_import;

/* A value bound to or read from a column: NULL, text or integer. */
struct tn_store_value {
    enum { TN_SV_NULL, TN_SV_TEXT, TN_SV_INT } type;
    const char *text;
    int64_t num;
};

/* Prepares the statements for table with nkeys key columns followed by ncols data columns
 * (names as in schema.sql), and records an import_batch row (kind, file, now). On success
 * *out is the caller's (tn_store_import_free). Errors: TN_ERR_STORE. */
tn_err tn_store_import_begin(struct tn_store *s, const char *table, const char *const *keys,
                             size_t nkeys, const char *const *cols, size_t ncols, const char *kind,
                             const char *file, const char *now, struct tn_store_import **out);

/* Looks up the current version of a key. *version is 0 when the key is not stored; else the
 * current row's data columns are in cur[0..ncols) (text borrowed until the next call).
 * Errors: TN_ERR_STORE. */
tn_err tn_store_import_find(struct tn_store_import *imp, const struct tn_store_value *keys,
                            long *version, struct tn_store_value *cur);

/* Stores a new version (version = old + 1; old > 0 is marked superseded now).
 * Errors: TN_ERR_STORE. */
tn_err tn_store_import_put(struct tn_store_import *imp, const struct tn_store_value *keys,
                           const struct tn_store_value *vals, long old);

/* Sets the counts of the batch row. Errors: TN_ERR_STORE. */
tn_err tn_store_import_finish(struct tn_store_import *imp, long rows_new, long rows_changed,
                              long rows_same);

/* Frees imp; NULL does nothing. */
void tn_store_import_free(struct tn_store_import *imp);

/* *found = 1 if table has a current row whose column col equals value. Statements are
 * cached per (table, col) in s. Errors: TN_ERR_STORE. */
tn_err tn_store_key_exists(struct tn_store *s, const char *table, const char *col,
                           const char *value, int *found);

/* The current payment txn_id: *found, its amount and whether it reverses another.
 * Errors: TN_ERR_STORE. */
tn_err tn_store_payment_lookup(struct tn_store *s, const char *txn_id, int *found, int64_t *amount,
                               int *is_reversal);

#endif
