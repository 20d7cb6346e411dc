/*
 * driver.h - the SQL driver under the store's SQL backend (docs/store.md "Engines"): one small
 * statement interface over SQLite (the embedded default, driver.c) and PostgreSQL (libpq,
 * driver_pg.c), so that every query of src/store/sql/ is written once.
 *
 * The interface is SQLite's own, narrowed to what the backend uses: the same calls, argument
 * orders, result codes and lifetimes (tn_sql_X is sqlite3_X), so the SQLite driver is a
 * pass-through. Statements take SQLite's placeholders (?NNN, ?); PostgreSQL's driver rewrites
 * them to $NNN. Rules for SQL that runs on both engines (docs/store.md "Portable SQL"): no
 * scalar max()/min() of two values, no boolean aggregates, ON CONFLICT for upserts, NULLS
 * FIRST/LAST wherever order matters, integers that fit 64 bits. Where the engines need two
 * texts, tn_sql_kind() chooses. Only src/store/sql/ includes this header.
 */
#ifndef THUNO_STORE_SQL_DRIVER_H
#define THUNO_STORE_SQL_DRIVER_H

#include <stddef.h>
#include <stdint.h>

typedef struct tn_sql_db tn_sql_db;     /* one connection, used by one thread at a time */
typedef struct tn_sql_stmt tn_sql_stmt; /* a prepared statement of one connection */

enum tn_sql_kind { TN_SQL_SQLITE, TN_SQL_PG };

/* Result codes: SQLite's values (its driver returns them as they are). */
enum {
    TN_SQL_OK = 0,
    TN_SQL_ERROR = 1,
    TN_SQL_BUSY = 5,
    TN_SQL_CONSTRAINT = 19,
    TN_SQL_NOTADB = 26,
    TN_SQL_ROW = 100,
    TN_SQL_DONE = 101,
    /* the extended code of a primary key's violation */
    TN_SQL_CONSTRAINT_PRIMARYKEY = 19 | (6 << 8),
};

/* Column types, SQLite's fundamental datatypes. */
enum { TN_SQL_INTEGER = 1, TN_SQL_FLOAT = 2, TN_SQL_TEXT = 3, TN_SQL_BLOB = 4, TN_SQL_NULL = 5 };

/* How a bound text or blob lives: STATIC, the caller keeps it unchanged until the statement
 * is stepped, reset or finalized; TRANSIENT, the driver copies it at the bind. */
typedef void (*tn_sql_destructor)(void *);
#define TN_SQL_STATIC    ((tn_sql_destructor)0)
#define TN_SQL_TRANSIENT ((tn_sql_destructor)-1)

/* Open flags of tn_sql_open. */
enum { TN_SQL_OPEN_READONLY = 1, TN_SQL_OPEN_READWRITE = 2, TN_SQL_OPEN_CREATE = 4 };

/* Whether url names a PostgreSQL database (postgresql:// or postgres://) rather than a file. */
int tn_sql_is_pg_url(const char *url);

/* Opens url: a PostgreSQL URL through libpq (flags ignored: the database must exist), else an
 * SQLite file (or ":memory:") with flags. *out is set in every case (NULL only when out of
 * memory): on failure tn_sql_errmsg(*out) says why and the caller still tn_sql_close()s it.
 * Returns TN_SQL_OK or an error code. */
int tn_sql_open(const char *url, int flags, tn_sql_db **out);

/* Closes db and every statement still prepared on it is invalid. NULL is allowed. */
void tn_sql_close(tn_sql_db *db);

/* Which engine db is. */
enum tn_sql_kind tn_sql_kind(const tn_sql_db *db);

/* The message of db's last error (owned by db, valid until its next call). */
const char *tn_sql_errmsg(tn_sql_db *db);

/* The result code of db's last error; tn_sql_extended_errcode also tells which constraint
 * (TN_SQL_CONSTRAINT_PRIMARYKEY for a duplicate key on either engine). */
int tn_sql_errcode(tn_sql_db *db);
int tn_sql_extended_errcode(tn_sql_db *db);

/* Runs sql, one or more statements without parameters or rows. Returns TN_SQL_OK or an
 * error code (tn_sql_errmsg says which). */
int tn_sql_exec(tn_sql_db *db, const char *sql);

/* Rows changed by the last INSERT, UPDATE or DELETE stepped on db. */
int tn_sql_changes(tn_sql_db *db);

/* The id the last INSERT on db gave its row (an INTEGER PRIMARY KEY on SQLite, the table's
 * sequence on PostgreSQL). */
long long tn_sql_last_insert_rowid(tn_sql_db *db);

/* 1 when db is outside any transaction. */
int tn_sql_get_autocommit(tn_sql_db *db);

/* The most parameters one statement may take. */
int tn_sql_max_variables(tn_sql_db *db);

/* PostgreSQL only: runs copy_sql ("COPY table (columns) FROM STDIN") with the len bytes of
 * data, rows in COPY's text format (tab-separated, \N for NULL, ending in a newline). Returns
 * TN_SQL_OK or an error code (on SQLite always TN_SQL_ERROR). */
int tn_sql_copy_in(tn_sql_db *db, const char *copy_sql, const char *data, size_t len);

/* Prepares sql (one statement) into *out. Returns TN_SQL_OK or an error code. */
int tn_sql_prepare(tn_sql_db *db, const char *sql, tn_sql_stmt **out);

/* Binding parameter i (1-based): as sqlite3_bind_*. Text n < 0: up to its NUL. */
int tn_sql_bind_int(tn_sql_stmt *st, int i, int v);
int tn_sql_bind_int64(tn_sql_stmt *st, int i, long long v);
int tn_sql_bind_null(tn_sql_stmt *st, int i);
int tn_sql_bind_text(tn_sql_stmt *st, int i, const char *v, int n, tn_sql_destructor d);
int tn_sql_bind_blob(tn_sql_stmt *st, int i, const void *v, int n, tn_sql_destructor d);

/* Marks st as a scan of many rows: on PostgreSQL, run inside a transaction, its rows are
 * fetched batch rows at a time through a cursor instead of all at its first step, so that its
 * memory is bounded (SQLite steps row by row anyway: nothing to do there). */
void tn_sql_stream(tn_sql_stmt *st, int batch);

/* Runs st (the first call) and moves to its next row: TN_SQL_ROW, TN_SQL_DONE or an error. */
int tn_sql_step(tn_sql_stmt *st);

/* Back to before the first step, bindings kept; then every binding NULL. */
int tn_sql_reset(tn_sql_stmt *st);
int tn_sql_clear_bindings(tn_sql_stmt *st);

/* Frees st. NULL is allowed. */
int tn_sql_finalize(tn_sql_stmt *st);

/* Column i (0-based) of the current row: as sqlite3_column_*. Text and blob pointers are
 * valid until the next step, reset or finalize; text is NULL for a NULL value. */
int tn_sql_column_type(tn_sql_stmt *st, int i);
int tn_sql_column_int(tn_sql_stmt *st, int i);
long long tn_sql_column_int64(tn_sql_stmt *st, int i);
const unsigned char *tn_sql_column_text(tn_sql_stmt *st, int i);
const void *tn_sql_column_blob(tn_sql_stmt *st, int i);
int tn_sql_column_bytes(tn_sql_stmt *st, int i);

#endif
