/*
 * sq_store.c - the SQLite backend: opening a store, its schema (a new store from schema.sql at
 * the latest version; an older one migrated, migrations.c), transactions, the statement cache
 * and the helpers its other files share (store_int.h; the seam: docs/store.md).
 */
#include "store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "schema_sql.h"      /* generated from schema.sql: tn__schema_sql */
#include "schema_auth_sql.h" /* from schema_auth.sql: tn__schema_auth_sql */
#include "pg_schema_sql.h"   /* from pg_schema.sql: tn__pg_schema_sql */
#include "thuno/mem.h"

tn_err tn__store_fail(struct tn__sq *s, const char *what)
{
    snprintf(s->errmsg, sizeof s->errmsg, "%s: %s", what, tn_sql_errmsg(s->db));
    return TN_ERR_STORE;
}

tn_err tn__store_prepare(struct tn__sq *s, const char *sql, tn_sql_stmt **out)
{
    if (tn_sql_prepare(s->db, sql, out) != TN_SQL_OK)
        return tn__store_fail(s, "prepare");
    return TN_OK;
}

tn_err tn__store_exec(struct tn__sq *s, const char *sql)
{
    if (tn_sql_exec(s->db, sql) != TN_SQL_OK) {
        snprintf(s->errmsg, sizeof s->errmsg, "%s", tn_sql_errmsg(s->db));
        return TN_ERR_STORE;
    }
    return TN_OK;
}

tn_err tn__store_cached(struct tn__sq *s, const char *sql, tn_sql_stmt **out)
{
    for (size_t i = 0; i < s->ncache; i++) {
        if (strcmp(s->cache[i].sql, sql) == 0) {
            tn_sql_reset(s->cache[i].st);
            tn_sql_clear_bindings(s->cache[i].st);
            *out = s->cache[i].st;
            return TN_OK;
        }
    }
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(s, sql, &st);
    if (err)
        return err;
    TN_GROW(s->cache, s->capcache, s->ncache + 1);
    size_t len = strlen(sql) + 1;
    s->cache[s->ncache].sql = memcpy(tn_xmalloc(len), sql, len);
    s->cache[s->ncache].st = st;
    s->ncache++;
    *out = st;
    return TN_OK;
}

void tn__bind_text_or_null(tn_sql_stmt *st, int i, const char *v)
{
    if (v && *v)
        tn_sql_bind_text(st, i, v, -1, TN_SQL_TRANSIENT);
    else
        tn_sql_bind_null(st, i);
}

const char *tn__col_text(tn_sql_stmt *st, int i)
{
    const unsigned char *t = tn_sql_column_text(st, i);
    return t ? (const char *)t : "";
}

tn_err tn__store_batch(struct tn__sq *s, const char *kind, const char *file, const char *now,
                       int rows_new, int rows_changed, const char *what, long long *batch)
{
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(s,
                                   "INSERT INTO import_batch (kind, file, known_at, rows_new, "
                                   "rows_changed, rows_same) VALUES (?1, ?2, ?3, ?4, ?5, 0)",
                                   &st);
    if (err)
        return err;
    tn_sql_bind_text(st, 1, kind, -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 2, file, -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 3, now, -1, TN_SQL_STATIC);
    tn_sql_bind_int(st, 4, rows_new);
    tn_sql_bind_int(st, 5, rows_changed);
    int rc = tn_sql_step(st);
    tn_sql_finalize(st);
    if (rc != TN_SQL_DONE)
        return tn__store_fail(s, what);
    *batch = tn_sql_last_insert_rowid(s->db);
    return TN_OK;
}

tn_period tn__col_period(tn_sql_stmt *st, int i)
{
    tn_period p = -1;
    if (tn_sql_column_type(st, i) != TN_SQL_NULL)
        tn_period_parse(tn__col_text(st, i), &p);
    return p;
}

tn_day tn__col_day(tn_sql_stmt *st, int i)
{
    tn_day d = -1;
    if (tn_sql_column_type(st, i) != TN_SQL_NULL)
        tn_day_parse(tn__col_text(st, i), &d);
    return d;
}

const char *tn__at(const char *as_of)
{
    return as_of ? as_of : TN__FOREVER;
}

tn_err tn__store_prepare_at(struct tn__sq *s, const char *sql, const char *key, const char *as_of,
                            tn_sql_stmt **out)
{
    tn_err err = tn__store_prepare(s, sql, out);
    if (err)
        return err;
    tn_sql_bind_text(*out, 1, key, -1, TN_SQL_STATIC);
    tn_sql_bind_text(*out, 2, tn__at(as_of), -1, TN_SQL_STATIC);
    return TN_OK;
}

tn_err tn__store_prepare_period(struct tn__sq *s, const char *sql, tn_period period,
                                const char *as_of, tn_sql_stmt **out)
{
    tn_err err = tn__store_prepare(s, sql, out);
    if (err)
        return err;
    char p[TN_PERIOD_BUFSZ];
    tn_period_format(period, p);
    tn_sql_bind_text(*out, 1, p, -1, TN_SQL_TRANSIENT);
    tn_sql_bind_text(*out, 2, tn__at(as_of), -1, TN_SQL_STATIC);
    return TN_OK;
}

int tn__store_next(struct tn__sq *s, tn_sql_stmt *st, tn_err *err, const char *what)
{
    if (*err)
        return 0;
    int rc = tn_sql_step(st);
    if (rc == TN_SQL_ROW)
        return 1;
    if (rc != TN_SQL_DONE)
        *err = tn__store_fail(s, what);
    return 0;
}

tn_err tn__store_step_one(struct tn__sq *s, tn_sql_stmt *st, int *found, const char *what)
{
    int rc = tn_sql_step(st);
    *found = rc == TN_SQL_ROW;
    return rc == TN_SQL_ROW || rc == TN_SQL_DONE ? TN_OK : tn__store_fail(s, what);
}

tn_err tn__store_collect(struct tn__sq *s, tn_sql_stmt *st, size_t size,
                         tn_err (*read)(struct tn__sq *s, tn_sql_stmt *st, void *elem,
                                        const void *arg),
                         const void *arg, const char *what, void **rows, size_t *n)
{
    char *out = NULL;
    size_t cnt = 0, cap = 0;
    tn_err err = TN_OK;
    while (tn__store_next(s, st, &err, what)) {
        tn_grow_zero((void **)&out, &cap, cnt + 1, size);
        if ((err = read(s, st, out + cnt * size, arg)))
            break;
        cnt++;
    }
    tn_sql_finalize(st);
    if (err) {
        free(out);
        return err;
    }
    *rows = out;
    *n = cnt;
    return TN_OK;
}

static int file_exists(const char *path)
{
    struct stat sb;
    return strcmp(path, ":memory:") != 0 && stat(path, &sb) == 0;
}

/* Whether the store just opened carries thuno's schema: a read only, so that another
 * program's SQLite file or an empty file is refused before anything writes to it. */
static tn_err check_schema(struct tn__sq *s, const char *url, char errmsg[256])
{
    struct stat sb;
    if (tn_sql_kind(s->db) == TN_SQL_SQLITE && stat(url, &sb) == 0 && S_ISREG(sb.st_mode) &&
        sb.st_size == 0) {
        snprintf(errmsg, 256, "%s is not a thuno store (an empty file)", url);
        return TN_ERR_STORE;
    }
    tn_sql_stmt *st;
    if (tn_sql_prepare(s->db, "SELECT value FROM meta WHERE key='schema'", &st) != TN_SQL_OK) {
        int code = tn_sql_errcode(s->db);
        if (code == TN_SQL_NOTADB)
            snprintf(errmsg, 256, "%s is not a thuno store (not an SQLite file)", url);
        else if (code == TN_SQL_ERROR) /* no table meta: another program's database */
            snprintf(errmsg, 256, "%s is not a thuno store", url);
        else
            snprintf(errmsg, 256, "%s: %s", url, tn_sql_errmsg(s->db));
        return TN_ERR_STORE;
    }
    int rc = tn_sql_step(st);
    int ok = rc == TN_SQL_ROW && strcmp(tn__col_text(st, 0), "thuno-1") == 0;
    if (rc == TN_SQL_ERROR && tn_sql_kind(s->db) == TN_SQL_PG && /* PostgreSQL prepares late */
        strstr(tn_sql_errmsg(s->db), "relation \"meta\" does not exist"))
        snprintf(errmsg, 256, "the database is not a thuno store (run 'thuno init' first)");
    else if (rc != TN_SQL_ROW && rc != TN_SQL_DONE) /* busy, locked, corrupt: not "unknown" */
        snprintf(errmsg, 256, "%s: %s", url, tn_sql_errmsg(s->db));
    else if (!ok)
        snprintf(errmsg, 256, "%s has an unknown schema version", url);
    tn_sql_finalize(st);
    return ok ? TN_OK : TN_ERR_STORE;
}

/* Whether the store's schema version suits this open (docs/store.md "Migrations"): a store
 * newer than the binary is refused whatever the mode; an older one is refused read-only (a
 * read-only open never migrates). A read only, before anything writes. */
static tn_err check_version(struct tn__sq *s, const char *url, int readonly, int *version,
                            char errmsg[256])
{
    tn_err err = tn__sq_schema_version(s, version);
    int latest = tn__sq_schema_latest();
    if (err)
        snprintf(errmsg, 256, "%s: %.200s", url, s->errmsg);
    else if (*version > latest)
        snprintf(errmsg, 256,
                 "store schema version %d is newer than this thuno (%d): upgrade thuno", *version,
                 latest);
    else if (readonly && *version < latest)
        snprintf(errmsg, 256,
                 "store schema version %d is older than this thuno (%d): run 'thuno migrate' "
                 "first",
                 *version, latest);
    else
        return TN_OK;
    return TN_ERR_STORE;
}

/* The schema of a new PostgreSQL store (pg_schema.sql) when the database has none yet; a
 * database that holds one already, or another program's tables (as an existing file on
 * SQLite), is refused. held: the transaction is left open (the caller's to commit,
 * TN_STORE_CREATE_HELD). */
static tn_err create_pg(struct tn__sq *s, const char *url, int held, char errmsg[256])
{
    tn_sql_stmt *st;
    int found = 0, thuno = 0;
    tn_err err = tn__store_prepare(s,
                                   "SELECT CASE WHEN tablename = 'meta' THEN 1 ELSE 0 END AS m "
                                   "FROM pg_tables WHERE schemaname = current_schema() "
                                   "ORDER BY m DESC LIMIT 1",
                                   &st);
    if (!err) {
        err = tn__store_step_one(s, st, &found, "reading the database's tables");
        thuno = found && tn_sql_column_int64(st, 0) == 1;
        tn_sql_finalize(st);
    }
    if (err) {
        snprintf(errmsg, 256, "%.255s", s->errmsg);
        return err;
    }
    if (found) {
        if (thuno)
            snprintf(errmsg, 256, "%s already holds a thuno store", url);
        else
            snprintf(errmsg, 256, "%s already holds tables: 'thuno init' needs an empty database",
                     url);
        return TN_ERR_CONFLICT;
    }
    if ((err = tn__store_exec(s, "BEGIN")) || (err = tn__store_exec(s, tn__pg_schema_sql)) ||
        (err = tn__store_exec(s, "INSERT INTO meta VALUES ('schema','thuno-1')")) ||
        (err = tn__sq_set_schema_version(s, tn__sq_schema_latest())) ||
        (!held && (err = tn__store_exec(s, "COMMIT"))))
        snprintf(errmsg, 256, "%.255s", s->errmsg);
    else if (held)
        s->depth = 1;
    return err;
}

tn_err tn__sq_open(const char *url, int create, struct tn__sq **out, char errmsg[256])
{
    int readonly = create == TN_STORE_READONLY;
    int migrate = create == TN_STORE_EXISTING; /* TN_STORE_AS_IS: thuno migrate does it */
    int held = create == TN_STORE_CREATE_HELD;
    create = create == TN_STORE_CREATE || held;
    int pg = tn_sql_is_pg_url(url);
    if (held && !pg) {
        snprintf(errmsg, 256, "%s is not a PostgreSQL database (postgresql://...)", url);
        return TN_ERR_USAGE;
    }
    int exists = !pg && file_exists(url);
    if (!pg && create && exists) {
        snprintf(errmsg, 256, "%s already exists", url);
        return TN_ERR_CONFLICT;
    }
    if (!pg && !create && !exists && strcmp(url, ":memory:") != 0) {
        snprintf(errmsg, 256, "%s does not exist (run 'thuno init' first)", url);
        return TN_ERR_STORE;
    }
    struct tn__sq *s = tn_xcalloc(1, sizeof *s);
    int flags = (readonly ? TN_SQL_OPEN_READONLY : TN_SQL_OPEN_READWRITE) |
                (create ? TN_SQL_OPEN_CREATE : 0);
    tn_err err = TN_OK;
    if (tn_sql_open(url, flags, &s->db) != TN_SQL_OK) {
        snprintf(errmsg, 256, "%s", tn_sql_errmsg(s->db));
        err = TN_ERR_STORE;
        goto done;
    }
    if (pg) {
        int version = 0;
        if (readonly && (err = tn__store_exec(s, "SET default_transaction_read_only = on")))
            goto fail_msg;
        if (create && (err = create_pg(s, url, held, errmsg)))
            goto done;
        if (!create && ((err = check_schema(s, url, errmsg)) ||
                        (err = check_version(s, url, readonly, &version, errmsg))))
            goto done;
        int to = version;
        if (migrate && version < tn__sq_schema_latest() && (err = tn__sq_migrate(s, &version, &to)))
            goto fail_msg;
        *out = s;
        return TN_OK;
    }
    /* before any pragma: WAL mode and the migrations below would change a foreign file, or
     * a newer store's */
    int version = 0;
    if (!create && ((err = check_schema(s, url, errmsg)) ||
                    (err = check_version(s, url, readonly, &version, errmsg))))
        goto done;
    /* WAL lets reports read while a close writes; NORMAL sync is durable at each commit in
     * WAL mode except for the last transactions before a power cut. */
    if (!readonly && (err = tn__store_exec(s, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                                              "PRAGMA foreign_keys=OFF; PRAGMA cache_size=-65536;"
                                              "PRAGMA temp_store=MEMORY;")))
        goto fail_msg;
    /* read-only: the same connection settings, none that writes the file (the journal mode) */
    if (readonly &&
        (err = tn__store_exec(s, "PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;")))
        goto fail_msg;
    if (create &&
        ((err = tn__store_exec(s, "BEGIN")) || (err = tn__store_exec(s, tn__schema_sql)) ||
         (err = tn__store_exec(s, tn__schema_auth_sql)) ||
         (err = tn__store_exec(s, "INSERT INTO meta VALUES ('schema','thuno-1')")) ||
         (err = tn__sq_set_schema_version(s, tn__sq_schema_latest())) ||
         (!held && (err = tn__store_exec(s, "COMMIT")))))
        goto fail_msg;
    if (create && held)
        s->depth = 1;
    /* an older store is brought to this binary's version on a read-write open, each migration
     * in its own transaction (docs/store.md "Migrations"); a failure refuses the open, the
     * store left at the version of the last migration applied */
    int to = version;
    if (migrate && version < tn__sq_schema_latest() && (err = tn__sq_migrate(s, &version, &to)))
        goto fail_msg;
    *out = s;
    return TN_OK;
fail_msg:
    snprintf(errmsg, 256, "%.255s", s->errmsg);
done:
    tn__sq_close(s);
    return err;
}

tn_err tn__sq_wipe(const char *url, char errmsg[256])
{
    if (!tn_sql_is_pg_url(url)) {
        static const char *const tails[] = {"", "-wal", "-shm", "-journal"};
        for (size_t i = 0; strcmp(url, ":memory:") != 0 && i < 4; i++) {
            char p[512];
            snprintf(p, sizeof p, "%s%s", url, tails[i]);
            unlink(p);
        }
        return TN_OK;
    }
    tn_sql_db *db;
    int rc = tn_sql_open(url, TN_SQL_OPEN_READWRITE, &db);
    if (rc == TN_SQL_OK)
        rc = tn_sql_exec(db, "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public");
    if (rc != TN_SQL_OK)
        snprintf(errmsg, 256, "%.255s", tn_sql_errmsg(db));
    tn_sql_close(db);
    return rc == TN_SQL_OK ? TN_OK : TN_ERR_STORE;
}

void tn__sq_close(struct tn__sq *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->ncache; i++) {
        tn_sql_finalize(s->cache[i].st);
        free(s->cache[i].sql);
    }
    free(s->cache);
    tn_sql_close(s->db);
    free(s);
}

const char *tn__sq_errmsg(const struct tn__sq *s)
{
    return s->errmsg;
}

/* Transactions nest: the outermost is BEGIN IMMEDIATE ... COMMIT, each one inside it a
 * savepoint, so that a change made of several (a CLI command's and its audit entry,
 * app_audit.c) commits or rolls back whole. SQLite ends a transaction itself on some errors:
 * when it is not in one any more, nothing is open. */
/* The outermost transaction takes the store's write lock, so that one writer at a time
 * changes a store whatever the number of processes (docs/store.md "Several servers"):
 * SQLite's BEGIN IMMEDIATE, on PostgreSQL a transaction-level advisory lock (released at its
 * commit or rollback). Either waits for the lock 5 s at most (busy_timeout, lock_timeout),
 * then the store is busy: TN_ERR_STATE (HTTP 409 not_now), nothing begun. */
#define TN__PG_BEGIN                                                                               \
    "BEGIN; SET LOCAL lock_timeout = '5s'; SELECT pg_advisory_xact_lock(" TN__PG_WRITE_LOCK ")"
tn_err tn__sq_begin(struct tn__sq *s)
{
    if (tn_sql_get_autocommit(s->db))
        s->depth = 0;
    char sql[32];
    if (s->depth)
        snprintf(sql, sizeof sql, "SAVEPOINT tn_%d", s->depth);
    const char *begin = tn_sql_kind(s->db) == TN_SQL_PG ? TN__PG_BEGIN : "BEGIN IMMEDIATE";
    tn_err err = tn__store_exec(s, s->depth ? sql : begin);
    if (err && !s->depth && tn_sql_errcode(s->db) == TN_SQL_BUSY) {
        if (!tn_sql_get_autocommit(s->db))
            tn_sql_exec(s->db, "ROLLBACK");
        snprintf(s->errmsg, sizeof s->errmsg,
                 "kho dữ liệu đang được ghi bởi tiến trình khác (khóa sổ hoặc nhập dữ liệu), thử "
                 "lại sau / the store is being written by another process (a close or an "
                 "import): try again later");
        return TN_ERR_STATE;
    }
    if (!err)
        s->depth++;
    else if (!s->depth && !tn_sql_get_autocommit(s->db))
        tn_sql_exec(s->db, "ROLLBACK");
    return err;
}

tn_err tn__sq_commit(struct tn__sq *s)
{
    if (tn_sql_get_autocommit(s->db))
        s->depth = 0;
    char sql[32];
    if (s->depth > 1)
        snprintf(sql, sizeof sql, "RELEASE tn_%d", s->depth - 1);
    tn_err err = tn__store_exec(s, s->depth > 1 ? sql : "COMMIT");
    if (!err && s->depth)
        s->depth--;
    return err;
}

void tn__sq_rollback(struct tn__sq *s)
{
    if (tn_sql_get_autocommit(s->db)) {
        s->depth = 0;
        return;
    }
    if (s->depth > 1) {
        char sql[64];
        snprintf(sql, sizeof sql, "ROLLBACK TO tn_%d; RELEASE tn_%d", s->depth - 1, s->depth - 1);
        tn_sql_exec(s->db, sql);
        s->depth--;
        return;
    }
    tn_sql_exec(s->db, "ROLLBACK");
    s->depth = 0;
}
