/*
 * driver_int.h - the SQL driver's engines behind driver.h: the PostgreSQL one's calls
 * (driver_pg.c), which driver.c dispatches to. Only driver.c and driver_pg.c include this.
 */
#ifndef THUNO_STORE_SQL_DRIVER_INT_H
#define THUNO_STORE_SQL_DRIVER_INT_H

#include "driver.h"

struct tn__pg;      /* a libpq connection and its last error */
struct tn__pg_stmt; /* a statement: its SQL in PostgreSQL's placeholders, bindings, result */

/* Connects to url; *out always set (NULL only without memory), its message says why not. */
int tn__pg_open(const char *url, struct tn__pg **out);
void tn__pg_close(struct tn__pg *db);
const char *tn__pg_errmsg(struct tn__pg *db);
int tn__pg_errcode(struct tn__pg *db);
int tn__pg_extended_errcode(struct tn__pg *db);
int tn__pg_exec(struct tn__pg *db, const char *sql);
int tn__pg_changes(struct tn__pg *db);
int tn__pg_copy_in(struct tn__pg *db, const char *copy_sql, const char *data, size_t len);
long long tn__pg_last_insert_rowid(struct tn__pg *db);
int tn__pg_get_autocommit(struct tn__pg *db);
int tn__pg_prepare(struct tn__pg *db, const char *sql, struct tn__pg_stmt **out);
int tn__pg_bind(struct tn__pg_stmt *st, int i, int type, const void *v, int n, tn_sql_destructor d);
int tn__pg_step(struct tn__pg_stmt *st);
int tn__pg_reset(struct tn__pg_stmt *st);
int tn__pg_clear_bindings(struct tn__pg_stmt *st);
void tn__pg_stream(struct tn__pg_stmt *st, int batch);
void tn__pg_finalize(struct tn__pg_stmt *st);
int tn__pg_column_type(struct tn__pg_stmt *st, int i);
long long tn__pg_column_int64(struct tn__pg_stmt *st, int i);
const unsigned char *tn__pg_column_text(struct tn__pg_stmt *st, int i);
const void *tn__pg_column_blob(struct tn__pg_stmt *st, int i);
int tn__pg_column_bytes(struct tn__pg_stmt *st, int i);

#endif
