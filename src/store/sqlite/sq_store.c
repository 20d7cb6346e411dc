/*
 * sq_store.c - the SQLite backend: opening a store, its schema, transactions, the statement
 * cache and the helpers its other files share (store_int.h; the seam: docs/store.md).
 */
#include "store_int.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "schema_sql.h"      /* generated from schema.sql: tn__schema_sql */
#include "schema_auth_sql.h" /* from schema_auth.sql: tn__schema_auth_sql */
#include "thuno/mem.h"

tn_err tn__store_fail(struct tn__sq *s, const char *what)
{
    snprintf(s->errmsg, sizeof s->errmsg, "%s: %s", what, sqlite3_errmsg(s->db));
    return TN_ERR_STORE;
}

tn_err tn__store_prepare(struct tn__sq *s, const char *sql, sqlite3_stmt **out)
{
    if (sqlite3_prepare_v2(s->db, sql, -1, out, NULL) != SQLITE_OK)
        return tn__store_fail(s, "prepare");
    return TN_OK;
}

tn_err tn__store_exec(struct tn__sq *s, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        snprintf(s->errmsg, sizeof s->errmsg, "%s", msg ? msg : "exec failed");
        sqlite3_free(msg);
        return TN_ERR_STORE;
    }
    return TN_OK;
}

tn_err tn__store_cached(struct tn__sq *s, const char *sql, sqlite3_stmt **out)
{
    for (size_t i = 0; i < s->ncache; i++) {
        if (strcmp(s->cache[i].sql, sql) == 0) {
            sqlite3_reset(s->cache[i].st);
            sqlite3_clear_bindings(s->cache[i].st);
            *out = s->cache[i].st;
            return TN_OK;
        }
    }
    sqlite3_stmt *st;
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

void tn__bind_text_or_null(sqlite3_stmt *st, int i, const char *v)
{
    if (v && *v)
        sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

const char *tn__col_text(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? (const char *)t : "";
}

tn_err tn__store_batch(struct tn__sq *s, const char *kind, const char *file, const char *now,
                       int rows_new, int rows_changed, const char *what, sqlite3_int64 *batch)
{
    sqlite3_stmt *st;
    tn_err err = tn__store_prepare(s,
                                   "INSERT INTO import_batch (kind, file, known_at, rows_new, "
                                   "rows_changed, rows_same) VALUES (?1, ?2, ?3, ?4, ?5, 0)",
                                   &st);
    if (err)
        return err;
    sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, file, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, now, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 4, rows_new);
    sqlite3_bind_int(st, 5, rows_changed);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return tn__store_fail(s, what);
    *batch = sqlite3_last_insert_rowid(s->db);
    return TN_OK;
}

tn_period tn__col_period(sqlite3_stmt *st, int i)
{
    tn_period p = -1;
    if (sqlite3_column_type(st, i) != SQLITE_NULL)
        tn_period_parse(tn__col_text(st, i), &p);
    return p;
}

tn_day tn__col_day(sqlite3_stmt *st, int i)
{
    tn_day d = -1;
    if (sqlite3_column_type(st, i) != SQLITE_NULL)
        tn_day_parse(tn__col_text(st, i), &d);
    return d;
}

const char *tn__at(const char *as_of)
{
    return as_of ? as_of : TN__FOREVER;
}

tn_err tn__store_prepare_at(struct tn__sq *s, const char *sql, const char *key, const char *as_of,
                            sqlite3_stmt **out)
{
    tn_err err = tn__store_prepare(s, sql, out);
    if (err)
        return err;
    sqlite3_bind_text(*out, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_text(*out, 2, tn__at(as_of), -1, SQLITE_STATIC);
    return TN_OK;
}

tn_err tn__store_prepare_period(struct tn__sq *s, const char *sql, tn_period period,
                                const char *as_of, sqlite3_stmt **out)
{
    tn_err err = tn__store_prepare(s, sql, out);
    if (err)
        return err;
    char p[TN_PERIOD_BUFSZ];
    tn_period_format(period, p);
    sqlite3_bind_text(*out, 1, p, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(*out, 2, tn__at(as_of), -1, SQLITE_STATIC);
    return TN_OK;
}

int tn__store_next(struct tn__sq *s, sqlite3_stmt *st, tn_err *err, const char *what)
{
    if (*err)
        return 0;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        return 1;
    if (rc != SQLITE_DONE)
        *err = tn__store_fail(s, what);
    return 0;
}

tn_err tn__store_step_one(struct tn__sq *s, sqlite3_stmt *st, int *found, const char *what)
{
    int rc = sqlite3_step(st);
    *found = rc == SQLITE_ROW;
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? TN_OK : tn__store_fail(s, what);
}

tn_err tn__store_collect(struct tn__sq *s, sqlite3_stmt *st, size_t size,
                         tn_err (*read)(struct tn__sq *s, sqlite3_stmt *st, void *elem,
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
    sqlite3_finalize(st);
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

/* Indexes (and the unpaid_line table) that came after the schema thuno-1 (docs/performance.md):
 * made on opening a store that lacks them, once; a no-op that takes no lock when they exist; never
 * an error. Partial where most rows have NULL, so that imports of payments pay nothing for them. */
static const char late_indexes[] =
    "CREATE INDEX IF NOT EXISTS unit_tax ON unit (tax_code);"
    /* an officer's worklist: the units recorded on it (operations_store.c) */
    "CREATE INDEX IF NOT EXISTS unit_officer ON unit (officer_code) WHERE officer_code IS NOT NULL;"
    /* the worklist's units with no officer, its first page's (operations_store.c) */
    "CREATE INDEX IF NOT EXISTS unit_no_officer ON unit (unit_code) WHERE officer_code IS NULL;"
    "CREATE INDEX IF NOT EXISTS payment_case ON payment (case_id) WHERE case_id IS NOT NULL;"
    "CREATE INDEX IF NOT EXISTS payment_reverses ON payment (reverses) "
    "WHERE reverses IS NOT NULL;"
    /* schema.sql unpaid_line: closes recorded before it have none (the split says so) */
    "CREATE TABLE IF NOT EXISTS unpaid_line (close_id INTEGER NOT NULL, target_period TEXT "
    "NOT NULL, grp TEXT NOT NULL, amount INTEGER NOT NULL);"
    "CREATE INDEX IF NOT EXISTS unpaid_line_close ON unpaid_line (close_id);"
    /* the close finds a close's adjustment lines by it (close.c; docs/ledger.md) */
    "CREATE INDEX IF NOT EXISTS assess_line_adjustment ON assess_line (close_id) "
    "WHERE kind = 'adjustment';"
    /* schema.sql opening_balance (docs/ledger.md "Opening balances") */
    "CREATE TABLE IF NOT EXISTS opening_balance (unit_code TEXT NOT NULL, period TEXT NOT NULL, "
    "fund TEXT NOT NULL, version INTEGER NOT NULL, known_at TEXT NOT NULL, superseded_at TEXT, "
    "batch_id INTEGER NOT NULL, principal INTEGER NOT NULL, interest INTEGER NOT NULL, "
    "as_of TEXT NOT NULL, source TEXT NOT NULL, "
    "PRIMARY KEY (unit_code, period, fund, version)) WITHOUT ROWID;";

/* 1 when table has a column of that name (0 also when it cannot be read). */
static int has_column(struct tn__sq *s, const char *table, const char *column)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2", -1, &st,
                           NULL) != SQLITE_OK)
        return 0;
    sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, column, -1, SQLITE_STATIC);
    int found = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    return found;
}

/* Once per process, before SQLite is used: no memory statistics, so that the connections of
 * a server's worker threads do not all take SQLite's global allocator mutex on every
 * allocation (docs/performance.md "API load": 10% of the server's samples waited there). */
static void configure_sqlite(void)
{
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

/* Whether the store just opened carries thuno's schema: a read only, so that another
 * program's SQLite file or an empty file is refused before anything writes to it. */
static tn_err check_schema(struct tn__sq *s, const char *url, char errmsg[256])
{
    struct stat sb;
    if (stat(url, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size == 0) {
        snprintf(errmsg, 256, "%s is not a thuno store (an empty file)", url);
        return TN_ERR_STORE;
    }
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "SELECT value FROM meta WHERE key='schema'", -1, &st, NULL) !=
        SQLITE_OK) {
        int code = sqlite3_errcode(s->db);
        if (code == SQLITE_NOTADB)
            snprintf(errmsg, 256, "%s is not a thuno store (not an SQLite file)", url);
        else if (code == SQLITE_ERROR) /* no table meta: another program's database */
            snprintf(errmsg, 256, "%s is not a thuno store", url);
        else
            snprintf(errmsg, 256, "%s: %s", url, sqlite3_errmsg(s->db));
        return TN_ERR_STORE;
    }
    int rc = sqlite3_step(st);
    int ok = rc == SQLITE_ROW && strcmp(tn__col_text(st, 0), "thuno-1") == 0;
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) /* busy, locked, corrupt: not "unknown" */
        snprintf(errmsg, 256, "%s: %s", url, sqlite3_errmsg(s->db));
    else if (!ok)
        snprintf(errmsg, 256, "%s has an unknown schema version", url);
    sqlite3_finalize(st);
    return ok ? TN_OK : TN_ERR_STORE;
}

tn_err tn__sq_open(const char *url, int create, struct tn__sq **out, char errmsg[256])
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, configure_sqlite);
    int readonly = create == TN_STORE_READONLY;
    create = create == TN_STORE_CREATE;
    int exists = file_exists(url);
    if (create && exists) {
        snprintf(errmsg, 256, "%s already exists", url);
        return TN_ERR_CONFLICT;
    }
    if (!create && !exists && strcmp(url, ":memory:") != 0) {
        snprintf(errmsg, 256, "%s does not exist (run 'thuno init' first)", url);
        return TN_ERR_STORE;
    }
    struct tn__sq *s = tn_xcalloc(1, sizeof *s);
    /* one connection, one thread: SQLite's own mutexes are pure cost */
    int flags = (readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX |
                (create ? SQLITE_OPEN_CREATE : 0);
    tn_err err = TN_OK;
    if (sqlite3_open_v2(url, &s->db, flags, NULL) != SQLITE_OK) {
        snprintf(errmsg, 256, "%s", s->db ? sqlite3_errmsg(s->db) : "cannot open");
        err = TN_ERR_STORE;
        goto done;
    }
    sqlite3_busy_timeout(s->db, 5000);
    /* before any pragma: WAL mode and the late indexes below would change a foreign file */
    if (!create && (err = check_schema(s, url, errmsg)))
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
         (err = tn__store_exec(s, "COMMIT"))))
        goto fail_msg;
    if (readonly) {
        *out = s;
        return TN_OK;
    }
    /* a store that cannot take them now (read-only, or a close holding the write lock past
     * the busy timeout) works without them, slower; the next open makes them */
    if (tn__store_exec(s, late_indexes) != TN_OK)
        s->errmsg[0] = '\0';
    /* schema.sql unit_close.principal_overdue: a store made before it gets the column, NULL on
     * its closes (read as all due, what the reports said before); same terms as above */
    if (!create && !has_column(s, "unit_close", "principal_overdue") &&
        tn__store_exec(s, "ALTER TABLE unit_close ADD COLUMN principal_overdue INTEGER") != TN_OK)
        s->errmsg[0] = '\0';
    /* the same for the tables of users and the audit log on a store made before them: without
     * them only users, sessions and the audit log fail, with SQLite's "no such table" */
    if (!create && tn__store_exec(s, tn__schema_auth_sql) != TN_OK)
        s->errmsg[0] = '\0';
    *out = s;
    return TN_OK;
fail_msg:
    snprintf(errmsg, 256, "%.255s", s->errmsg);
done:
    tn__sq_close(s);
    return err;
}

void tn__sq_close(struct tn__sq *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->ncache; i++) {
        sqlite3_finalize(s->cache[i].st);
        free(s->cache[i].sql);
    }
    free(s->cache);
    sqlite3_close(s->db);
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
tn_err tn__sq_begin(struct tn__sq *s)
{
    if (sqlite3_get_autocommit(s->db))
        s->depth = 0;
    char sql[32];
    if (s->depth)
        snprintf(sql, sizeof sql, "SAVEPOINT tn_%d", s->depth);
    tn_err err = tn__store_exec(s, s->depth ? sql : "BEGIN IMMEDIATE");
    if (!err)
        s->depth++;
    return err;
}

tn_err tn__sq_commit(struct tn__sq *s)
{
    if (sqlite3_get_autocommit(s->db))
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
    if (sqlite3_get_autocommit(s->db)) {
        s->depth = 0;
        return;
    }
    if (s->depth > 1) {
        char sql[64];
        snprintf(sql, sizeof sql, "ROLLBACK TO tn_%d; RELEASE tn_%d", s->depth - 1, s->depth - 1);
        sqlite3_exec(s->db, sql, NULL, NULL, NULL);
        s->depth--;
        return;
    }
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    s->depth = 0;
}
