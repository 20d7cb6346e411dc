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
    char office[32]; /* the office cut (tn_store_set_office): "" for every unit */
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

/* clang-format off */
/* SQL: true when the unit whose code is col is of the store's office cut, each unit's office
 * as known at ?8; true for every row when there is no cut (?9 NULL). A NULL col (no unit)
 * passes only without a cut. Every report query uses it; bind with tn__bind_office. */
#define TN__OFFICE_CUT(col)                                                                        \
    "(?9 IS NULL OR " col " IN (SELECT unit_code FROM unit WHERE known_at <= ?8 "                  \
    "AND (superseded_at IS NULL OR superseded_at > ?8) AND coalesce(office_code, '') = ?9))"
/* clang-format on */

/* Binds ?8 (as_of, NULL: now) and ?9 (the store's office cut) of a TN__OFFICE_CUT query. */
void tn__bind_office(struct tn_store *s, sqlite3_stmt *st, const char *as_of);

#endif
