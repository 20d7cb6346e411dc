/*
 * store_int.h - the SQLite backend's private header (docs/store.md): its state for one open
 * store, error capture, and what its files share. Only src/store/sql/ includes this; the
 * rest of the product reaches the backend through the seam (store_ops.h, tn__sq_backend).
 * Every SQL string of the product is in this directory.
 */
#ifndef THUNO_STORE_INT_H
#define THUNO_STORE_INT_H

#include "driver.h"
#include <stddef.h>

#include "store/store_ops.h"
#include "thuno/period.h"
#include "thuno/store.h"
#include "thuno/text.h"

/* A statement of the cache (tn__store_cached), keyed by its whole SQL text (sql owned). */
struct tn__sq_cached {
    char *sql;
    tn_sql_stmt *st;
};

/* One open SQLite store: the impl of its struct tn_store. */
struct tn__sq {
    tn_sql_db *db;
    char errmsg[512];
    /* statements reused across calls: grown as needed, each prepared on first use and kept
     * until the store is closed (tn__sq_close finalizes them) */
    struct tn__sq_cached *cache;
    size_t ncache, capcache;
    int depth; /* transactions open: the outermost a BEGIN, the others savepoints in it */
};

/* The backend's side of each row operation of TN_STORE_OPS: tn__sq_<name>, the contract of
 * its public wrapper (store_ops.h). */
#define X(name, fn, params, args) tn_err tn__sq_##name(struct tn__sq *s, TN__UNPAREN params);
TN_STORE_OPS(X)
#undef X

/* The rest of the table (store.h, office.h, store_import.h: the contracts of the wrappers). */
tn_err tn__sq_open(const char *url, int create, struct tn__sq **out, char errmsg[256]);
void tn__sq_close(struct tn__sq *s);
/* The backend's tn__store_test_wipe (store_test.h). */
tn_err tn__sq_wipe(const char *url, char errmsg[256]);
const char *tn__sq_errmsg(const struct tn__sq *s);
tn_err tn__sq_begin(struct tn__sq *s);
tn_err tn__sq_commit(struct tn__sq *s);
void tn__sq_rollback(struct tn__sq *s);
/* store_copy.h's tn_store_copy (store_copy.c). */
tn_err tn__sq_copy(struct tn__sq *to, struct tn__sq *from,
                   void (*table)(void *ctx, const char *name, long long rows), void *ctx);
struct tn__sq_import;
struct tn__sq_lookup;
tn_err tn__sq_import_begin(struct tn__sq *s, const char *table, const char *const *keys,
                           size_t nkeys, const char *const *cols, size_t ncols, const char *kind,
                           const char *file, const char *now, struct tn__sq_import **out);
tn_err tn__sq_import_find(struct tn__sq_import *imp, const struct tn_store_value *keys,
                          long *version, struct tn_store_value *cur);
tn_err tn__sq_import_put(struct tn__sq_import *imp, const struct tn_store_value *keys,
                         const struct tn_store_value *vals, long old);
tn_err tn__sq_import_finish(struct tn__sq_import *imp, long rows_new, long rows_changed,
                            long rows_same);
void tn__sq_import_free(struct tn__sq_import *imp);
int tn__sq_import_first(const struct tn__sq_import *imp);
tn_err tn__sq_import_batch(struct tn__sq_import *imp, void (*conflict)(void *ctx, long seq),
                           void *ctx);
tn_err tn__sq_import_written(struct tn__sq_import *imp, const struct tn_store_value *keys,
                             int *found);
tn_err tn__sq_lookup_each(struct tn__sq_lookup *lk,
                          tn_err (*value)(void *ctx, const char *v, size_t len), void *ctx);
tn_err tn__sq_lookup_new(struct tn__sq *s, const char *table, const char *col,
                         struct tn__sq_lookup **out);
tn_err tn__sq_lookup_exists(struct tn__sq_lookup *lk, const char *value, int *found);
void tn__sq_lookup_free(struct tn__sq_lookup *lk);

/* A prepared statement for sql kept for the store's life (reset before it is returned; the
 * cache grows, it has no fixed size). Errors: TN_ERR_STORE. */
tn_err tn__store_cached(struct tn__sq *s, const char *sql, tn_sql_stmt **out);

/* Records the SQLite error of s->db (prefixed by what) and returns TN_ERR_STORE. */
tn_err tn__store_fail(struct tn__sq *s, const char *what);

/* Prepares sql into *out. Errors: TN_ERR_STORE with the message recorded. */
tn_err tn__store_prepare(struct tn__sq *s, const char *sql, tn_sql_stmt **out);

/* Runs sql that returns no rows. Errors: TN_ERR_STORE. */
tn_err tn__store_exec(struct tn__sq *s, const char *sql);

/* Binds text, or NULL when v is NULL or empty. */
void tn__bind_text_or_null(tn_sql_stmt *st, int i, const char *v);

/* Returns column i as text, "" for NULL (borrowed until the next step). */
const char *tn__col_text(tn_sql_stmt *st, int i);

/* Copies column i of st as text ("" for NULL) into the array dst, cut to fit. */
#define TN__COL_COPY(dst, st, i) tn_text_copy((dst), sizeof(dst), tn__col_text((st), (i)))

/* Records a batch of kind from file, known at now, counting rows_new and rows_changed rows
 * (the row of import_batch every version a write makes points to); *batch its id.
 * Errors: TN_ERR_STORE (what). */
tn_err tn__store_batch(struct tn__sq *s, const char *kind, const char *file, const char *now,
                       int rows_new, int rows_changed, const char *what, long long *batch);

/* Column i as a period (a day), or -1 when it is NULL or not one. */
tn_period tn__col_period(tn_sql_stmt *st, int i);
tn_day tn__col_day(tn_sql_stmt *st, int i);

struct tn_balance_row;

/* Reads a unit_close row's figures into r from column first on, in this order: opening,
 * assessed, adjustment, interest, paid, closing, principal_due, interest_due,
 * months_owed_tenths (NULL: -1), bucket, oldest_unpaid (NULL: -1), legal_status, workers,
 * known_at, id, principal_overdue (TN__OVERDUE) (report_query.c). Leaves r's unit_code and
 * period alone. */
void tn__read_balance_figures(tn_sql_stmt *st, int first, struct tn_balance_row *r);

/* SQL: the debt (nợ) of the unit_close row t, principal past its deadline plus interest unpaid,
 * and what it assesses and is not yet due (aging.h "Debt", written by the close; a close
 * recorded before principal_overdue existed reads as all due). debt + not due = closing. */
#define TN__OVERDUE(t) "coalesce(" t ".principal_overdue, " t ".principal_due)"
#define TN__DEBT(t)    "(" TN__OVERDUE(t) " + " t ".interest_due)"
#define TN__NOT_DUE(t) "(" t ".principal_due - " TN__OVERDUE(t) ")"

/* The key of the store's write lock on PostgreSQL (pg_advisory_xact_lock; "thuno" in ASCII),
 * taken by every outermost transaction (tn__sq_begin). */
#define TN__PG_WRITE_LOCK "495874444911"

/* The end of time: the as_of that sees every version ever known. */
#define TN__FOREVER "9999-12-31T23:59:59"

/* SQL: the version of a versioned row (known_at, superseded_at) known at the SQL expression p. */
#define TN__KNOWN_AT(p) "known_at <= " p " AND (superseded_at IS NULL OR superseded_at > " p ")"

/* clang-format off */
/* SQL CTE name: the rows of table as known at the SQL expression at (each key's version then). */
#define TN__TABLE_AT(name, table, at)                                                              \
    name " AS (SELECT * FROM " table " WHERE " TN__KNOWN_AT(at) ")"

/* SQL LEFT JOIN of table as alias on the SQL condition on, each key's version as known at the
 * SQL expression at: TN__TABLE_AT's rows through the table's own key. A CTE of them may be
 * materialized and then scanned for every row of the left side, n^2 (docs/performance.md). */
#define TN__JOIN_AT(table, alias, on, at)                                                          \
    "LEFT JOIN " table " " alias " ON " on " AND " alias ".known_at <= " at " AND (" alias         \
    ".superseded_at IS NULL OR " alias ".superseded_at > " at ") "

/* SQL CTEs name_id and name: per unit, its latest unit_close row of period p (the close that
 * counts) as known at at, on the units that pass the SQL condition and_cut ("" or "AND ..."). */
#define TN__CLOSE_AT(name, p, at, and_cut)                                                         \
    name "_id AS (SELECT unit_code, max(id) AS id FROM unit_close "                                \
    "WHERE period = " p " AND known_at <= " at " " and_cut " GROUP BY unit_code), "                 \
    name " AS (SELECT b.* FROM " name "_id i JOIN unit_close b ON b.id = i.id)"

/* SQL LEFT JOIN of unit_close as name: the unit (SQL expression unit)'s latest unit_close row
 * of period p as known at at, NULLs without one; the rows of TN__CLOSE_AT, found through
 * unit_close_key for each row joined. Join such a CTE instead and SQLite, without statistics,
 * scans it whole for every row of the left side, n^2 (docs/performance.md). */
#define TN__JOIN_CLOSE(name, unit, p, at)                                                          \
    "LEFT JOIN unit_close " name " ON " name ".id = (SELECT max(id) FROM unit_close "              \
    "WHERE unit_code = " unit " AND period = " p " AND known_at <= " at ") "

/* SQL CTEs name_id and name: per unit and period passing the SQL condition period_cond, the
 * latest unit_close row as known at at, on the units that pass and_cut ("" or "AND ..."). */
#define TN__CLOSES_AT(name, period_cond, at, and_cut)                                              \
    name "_id AS (SELECT unit_code, period, max(id) AS id FROM unit_close "                        \
    "WHERE " period_cond " AND known_at <= " at " " and_cut " GROUP BY unit_code, period), "        \
    name " AS (SELECT b.* FROM " name "_id i JOIN unit_close b ON b.id = i.id)"

/* SQL HAVING condition on a unit's group of TN__CLOSES_AT rows (columns prefixed by t, "" or
 * "yr."): every month end has nothing overdue, no interest due, legal status current, and the
 * last is the period last (the award and praise lists, docs/lists.md). */
#define TN__CLEAN_YEAR(t, last)                                                                    \
    "max(coalesce(" t "months_owed_tenths, 0)) = 0 AND max(" t "interest_due) <= 0 "              \
    "AND max(CASE WHEN " t "legal_status != 'current' THEN 1 ELSE 0 END) = 0 AND max(" t "period) = " last
/* clang-format on */

/* Returns as_of, or TN__FOREVER when it is NULL (everything known). */
const char *tn__at(const char *as_of);

/* Prepares sql with ?1 bound to key and ?2 to tn__at(as_of), both borrowed until st is
 * finalized. Errors: TN_ERR_STORE. */
tn_err tn__store_prepare_at(struct tn__sq *s, const char *sql, const char *key, const char *as_of,
                            tn_sql_stmt **out);

/* Prepares sql with ?1 bound to period as 'YYYY-MM' and ?2 to tn__at(as_of) (borrowed until
 * st is finalized). Errors: TN_ERR_STORE. */
tn_err tn__store_prepare_period(struct tn__sq *s, const char *sql, tn_period period,
                                const char *as_of, tn_sql_stmt **out);

/* Steps st unless *err is already set: 1 when a row is ready, 0 at the end or on failure
 * (then *err = TN_ERR_STORE with what recorded). The loop of every reader:
 *     while (tn__store_next(s, st, &err, "read x")) { ...; err = row(ctx, &r); } */
int tn__store_next(struct tn__sq *s, tn_sql_stmt *st, tn_err *err, const char *what);

/* Steps st to its one row; *found = 0 when there is none. Errors: TN_ERR_STORE (what). */
tn_err tn__store_step_one(struct tn__sq *s, tn_sql_stmt *st, int *found, const char *what);

/* Reads every row of st into a new array of elements of size bytes: each is zeroed, then
 * filled by read(s, st, elem, arg), which may fail (stopping the read). Finalizes st in every
 * case. On TN_OK *rows (free() it; NULL when there are none) and *n; on failure nothing is
 * left allocated and TN_ERR_STORE (what) or read's error is returned. */
tn_err tn__store_collect(struct tn__sq *s, tn_sql_stmt *st, size_t size,
                         tn_err (*read)(struct tn__sq *s, tn_sql_stmt *st, void *elem,
                                        const void *arg),
                         const void *arg, const char *what, void **rows, size_t *n);

/* clang-format off */
/* SQL: true when the unit whose code is col is of the call's office cut (?9), each unit's
 * office as known at ?8; true for every row when there is no cut (?9 NULL). A NULL col (no
 * unit) passes only without a cut. Every report query uses it; bind with tn__bind_office. */
#define TN__OFFICE_CUT(col)                                                                        \
    "(CAST(?9 AS TEXT) IS NULL OR " col " IN (SELECT unit_code FROM unit WHERE known_at <= ?8 "                  \
    "AND (superseded_at IS NULL OR superseded_at > ?8) AND coalesce(office_code, '') = ?9))"
/* clang-format on */

/* Binds ?8 (as_of, NULL: now) and ?9 (office, the operation's office argument: NULL or "" for
 * every unit) of a TN__OFFICE_CUT query. */
void tn__bind_office(tn_sql_stmt *st, const char *office, const char *as_of);

/* Migrations (migrations.c; docs/store.md "Migrations"). */
/* The number of the last migration this binary knows: the version a new store is made at. */
int tn__sq_schema_latest(void);
/* The name of migration version ("baseline"), NULL when there is none. */
const char *tn__sq_migration_name(int version);
/* The store's meta 'schema_version' into *out (0 when it has none). Errors: TN_ERR_STORE. */
tn_err tn__sq_schema_version(struct tn__sq *s, int *out);
/* Sets meta 'schema_version' to version. Errors: TN_ERR_STORE. */
tn_err tn__sq_set_schema_version(struct tn__sq *s, int version);
/* tn_store_migrate: applies the migrations after the store's version, each in a transaction
 * (a savepoint in the caller's) with its version bump; *from and *to the versions before and
 * after. Errors: TN_ERR_STORE (s->errmsg names the migration; the store at *to), a store
 * newer than the binary included. */
tn_err tn__sq_migrate(struct tn__sq *s, int *from, int *to);
/* tn__sq_migrate, failing on purpose after the changes of migration fail_at and before its
 * version bump (0: never): the test of a migration killed halfway (store_test.h). */
tn_err tn__sq_migrate_test(struct tn__sq *s, int fail_at, int *from, int *to);

#endif
