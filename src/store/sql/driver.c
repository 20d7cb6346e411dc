/*
 * driver.c - the SQL driver (driver.h): SQLite's calls passed through, PostgreSQL's sent to
 * driver_pg.c. The only file of the product that calls SQLite (scripts/layers.sh).
 */
#include "driver_int.h"

#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/mem.h"

struct tn_sql_db {
    sqlite3 *lite; /* one of these two */
    struct tn__pg *pg;
};

struct tn_sql_stmt {
    sqlite3_stmt *lite; /* one of these two */
    struct tn__pg_stmt *pg;
};

int tn_sql_is_pg_url(const char *url)
{
    return url && (strncmp(url, "postgresql://", 13) == 0 || strncmp(url, "postgres://", 11) == 0);
}

/* Once per process, before SQLite is used: no memory statistics, so that the connections of
 * a server's worker threads do not all take SQLite's global allocator mutex on every
 * allocation (docs/performance.md "API load": 10% of the server's samples waited there). */
static void configure_sqlite(void)
{
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

int tn_sql_open(const char *url, int flags, tn_sql_db **out)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, configure_sqlite);
    tn_sql_db *db = tn_xcalloc(1, sizeof *db);
    *out = db;
    if (tn_sql_is_pg_url(url))
        return tn__pg_open(url, &db->pg);
    /* one connection, one thread: SQLite's own mutexes are pure cost */
    int f = SQLITE_OPEN_NOMUTEX |
            (flags & TN_SQL_OPEN_READONLY ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
            (flags & TN_SQL_OPEN_CREATE ? SQLITE_OPEN_CREATE : 0);
    int rc = sqlite3_open_v2(url, &db->lite, f, NULL);
    if (rc == SQLITE_OK)
        sqlite3_busy_timeout(db->lite, 5000);
    return rc;
}

void tn_sql_close(tn_sql_db *db)
{
    if (!db)
        return;
    if (db->pg)
        tn__pg_close(db->pg);
    else
        sqlite3_close(db->lite);
    free(db);
}

enum tn_sql_kind tn_sql_kind(const tn_sql_db *db)
{
    return db->pg ? TN_SQL_PG : TN_SQL_SQLITE;
}

const char *tn_sql_errmsg(tn_sql_db *db)
{
    if (db->pg)
        return tn__pg_errmsg(db->pg);
    return db->lite ? sqlite3_errmsg(db->lite) : "out of memory";
}

int tn_sql_errcode(tn_sql_db *db)
{
    return db->pg ? tn__pg_errcode(db->pg) : sqlite3_errcode(db->lite);
}

int tn_sql_extended_errcode(tn_sql_db *db)
{
    return db->pg ? tn__pg_extended_errcode(db->pg) : sqlite3_extended_errcode(db->lite);
}

int tn_sql_exec(tn_sql_db *db, const char *sql)
{
    return db->pg ? tn__pg_exec(db->pg, sql) : sqlite3_exec(db->lite, sql, NULL, NULL, NULL);
}

int tn_sql_changes(tn_sql_db *db)
{
    return db->pg ? tn__pg_changes(db->pg) : sqlite3_changes(db->lite);
}

long long tn_sql_last_insert_rowid(tn_sql_db *db)
{
    return db->pg ? tn__pg_last_insert_rowid(db->pg) : sqlite3_last_insert_rowid(db->lite);
}

int tn_sql_get_autocommit(tn_sql_db *db)
{
    return db->pg ? tn__pg_get_autocommit(db->pg) : sqlite3_get_autocommit(db->lite);
}

int tn_sql_max_variables(tn_sql_db *db)
{
    /* PostgreSQL's protocol counts parameters in 16 bits */
    return db->pg ? 65535 : sqlite3_limit(db->lite, SQLITE_LIMIT_VARIABLE_NUMBER, -1);
}

int tn_sql_copy_in(tn_sql_db *db, const char *copy_sql, const char *data, size_t len)
{
    return db->pg ? tn__pg_copy_in(db->pg, copy_sql, data, len) : TN_SQL_ERROR;
}

int tn_sql_prepare(tn_sql_db *db, const char *sql, tn_sql_stmt **out)
{
    tn_sql_stmt *st = tn_xcalloc(1, sizeof *st);
    int rc = db->pg ? tn__pg_prepare(db->pg, sql, &st->pg)
                    : sqlite3_prepare_v2(db->lite, sql, -1, &st->lite, NULL);
    if (rc != TN_SQL_OK || (!st->pg && !st->lite)) {
        /* an empty text prepares to nothing on SQLite: an error here */
        if (rc == TN_SQL_OK)
            rc = TN_SQL_ERROR;
        free(st);
        *out = NULL;
        return rc;
    }
    *out = st;
    return rc;
}

static void (*lite_destructor(tn_sql_destructor d))(void *)
{
    return d == TN_SQL_STATIC ? SQLITE_STATIC : SQLITE_TRANSIENT;
}

int tn_sql_bind_int(tn_sql_stmt *st, int i, int v)
{
    return tn_sql_bind_int64(st, i, v);
}

int tn_sql_bind_int64(tn_sql_stmt *st, int i, long long v)
{
    return st->pg ? tn__pg_bind(st->pg, i, TN_SQL_INTEGER, &v, 0, TN_SQL_TRANSIENT)
                  : sqlite3_bind_int64(st->lite, i, v);
}

int tn_sql_bind_null(tn_sql_stmt *st, int i)
{
    return st->pg ? tn__pg_bind(st->pg, i, TN_SQL_NULL, NULL, 0, TN_SQL_STATIC)
                  : sqlite3_bind_null(st->lite, i);
}

int tn_sql_bind_text(tn_sql_stmt *st, int i, const char *v, int n, tn_sql_destructor d)
{
    if (st->pg)
        return tn__pg_bind(st->pg, i, v ? TN_SQL_TEXT : TN_SQL_NULL, v, n, d);
    return sqlite3_bind_text(st->lite, i, v, n, lite_destructor(d));
}

int tn_sql_bind_blob(tn_sql_stmt *st, int i, const void *v, int n, tn_sql_destructor d)
{
    if (st->pg)
        return tn__pg_bind(st->pg, i, v ? TN_SQL_BLOB : TN_SQL_NULL, v, n, d);
    return sqlite3_bind_blob(st->lite, i, v, n, lite_destructor(d));
}

void tn_sql_stream(tn_sql_stmt *st, int batch)
{
    if (st->pg)
        tn__pg_stream(st->pg, batch);
}

int tn_sql_step(tn_sql_stmt *st)
{
    return st->pg ? tn__pg_step(st->pg) : sqlite3_step(st->lite);
}

int tn_sql_reset(tn_sql_stmt *st)
{
    return st->pg ? tn__pg_reset(st->pg) : sqlite3_reset(st->lite);
}

int tn_sql_clear_bindings(tn_sql_stmt *st)
{
    return st->pg ? tn__pg_clear_bindings(st->pg) : sqlite3_clear_bindings(st->lite);
}

int tn_sql_finalize(tn_sql_stmt *st)
{
    if (!st)
        return TN_SQL_OK;
    int rc = TN_SQL_OK;
    if (st->pg)
        tn__pg_finalize(st->pg);
    else
        rc = sqlite3_finalize(st->lite);
    free(st);
    return rc;
}

int tn_sql_column_type(tn_sql_stmt *st, int i)
{
    return st->pg ? tn__pg_column_type(st->pg, i) : sqlite3_column_type(st->lite, i);
}

int tn_sql_column_int(tn_sql_stmt *st, int i)
{
    return st->pg ? (int)tn__pg_column_int64(st->pg, i) : sqlite3_column_int(st->lite, i);
}

long long tn_sql_column_int64(tn_sql_stmt *st, int i)
{
    return st->pg ? tn__pg_column_int64(st->pg, i) : sqlite3_column_int64(st->lite, i);
}

const unsigned char *tn_sql_column_text(tn_sql_stmt *st, int i)
{
    return st->pg ? tn__pg_column_text(st->pg, i) : sqlite3_column_text(st->lite, i);
}

const void *tn_sql_column_blob(tn_sql_stmt *st, int i)
{
    return st->pg ? tn__pg_column_blob(st->pg, i) : sqlite3_column_blob(st->lite, i);
}

int tn_sql_column_bytes(tn_sql_stmt *st, int i)
{
    return st->pg ? tn__pg_column_bytes(st->pg, i) : sqlite3_column_bytes(st->lite, i);
}
