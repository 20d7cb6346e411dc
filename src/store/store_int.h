/*
 * store_int.h - what the store's own files share: the SQLite handle and error capture.
 * Only src/store/ includes this.
 */
#ifndef THUNO_STORE_INT_H
#define THUNO_STORE_INT_H

#include <sqlite3.h>

#include "thuno/store.h"

struct tn_store {
    sqlite3 *db;
    char errmsg[512];
    struct {
        char sql[160];
        sqlite3_stmt *st;
    } cache[8]; /* statements reused across calls (tn__store_cached) */
    int ncache;
};

/* A prepared statement for sql kept for the store's life (reset before it is returned).
 * Errors: TN_ERR_STORE. */
tn_err tn__store_cached(struct tn_store *s, const char *sql, sqlite3_stmt **out);

/* Records the SQLite error of s->db (prefixed by what) and returns TN_ERR_STORE. */
tn_err tn__store_fail(struct tn_store *s, const char *what);

/* Prepares sql into *out. Errors: TN_ERR_STORE with the message recorded. */
tn_err tn__store_prepare(struct tn_store *s, const char *sql, sqlite3_stmt **out);

/* Runs sql that returns no rows. Errors: TN_ERR_STORE. */
tn_err tn__store_exec(struct tn_store *s, const char *sql);

/* Binds text, or NULL when v is NULL or empty. */
void tn__bind_text_or_null(sqlite3_stmt *st, int i, const char *v);

/* Returns column i as text, "" for NULL (borrowed until the next step). */
const char *tn__col_text(sqlite3_stmt *st, int i);

#endif
