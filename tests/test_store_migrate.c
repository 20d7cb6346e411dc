/*
 * test_store_migrate.c - the SQLite store's schema migrations (docs/store.md "Migrations";
 * src/store/sqlite/migrations.c): a thuno-1 store made by an earlier binary (tests/data/
 * store_thuno1_*.sql, dumps of stores made from an older commit's schema.sql) is brought to
 * the latest version on open, keeps its rows, takes calendar records, and has then the shape
 * of a new store (every table's columns in order, every index and trigger); a new store is
 * made at the latest version; a store newer than the binary is refused with its message and
 * its bytes untouched; a read-only open refuses an older store and writes nothing; a migration
 * that fails halfway leaves the store at the version before it, whole.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/store_test.h"
#include "thuno/calendar_store.h"
#include "thuno/store.h"

static const char *const dumps[] = {"store_thuno1_9f568a0.sql", "store_thuno1_0e75359.sql"};

/* A temporary directory and the store file in it. */
struct tmp {
    char dir[64];
    char path[96];
};

static void tmp_make(struct tmp *t)
{
    snprintf(t->dir, sizeof t->dir, "/tmp/thuno-mig-XXXXXX");
    assert_non_null(mkdtemp(t->dir));
    snprintf(t->path, sizeof t->path, "%s/t.db", t->dir);
}

static void tmp_remove(struct tmp *t)
{
    static const char *const tails[] = {"", "-wal", "-shm", "-journal"};
    for (size_t i = 0; i < sizeof tails / sizeof tails[0]; i++) {
        char p[128];
        snprintf(p, sizeof p, "%s%s", t->path, tails[i]);
        unlink(p);
    }
    assert_int_equal(rmdir(t->dir), 0);
}

static char *slurp(const char *path, long *n)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    *n = ftell(f);
    rewind(f);
    char *buf = malloc((size_t)*n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)*n, f), (size_t)*n);
    buf[*n] = '\0';
    fclose(f);
    return buf;
}

/* Makes the store at path from the dump name of tests/data (THUNO_TESTDATA). */
static void load_dump(const char *path, const char *name)
{
    const char *dir = getenv("THUNO_TESTDATA");
    assert_non_null(dir);
    char file[512];
    snprintf(file, sizeof file, "%s/%s", dir, name);
    long n;
    char *sql = slurp(file, &n);
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    free(sql);
}

/* Appends to buf every row of sql on the file at path, columns joined by '|'. */
static void query_into(const char *path, const char *sql, char *buf, size_t size)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        fail_msg("%s: %s", sql, sqlite3_errmsg(db));
    size_t len = strlen(buf);
    while (sqlite3_step(st) == SQLITE_ROW) {
        for (int i = 0; i < sqlite3_column_count(st); i++) {
            const unsigned char *v = sqlite3_column_text(st, i);
            len += (size_t)snprintf(buf + len, size - len, "%s%s", i ? "|" : "",
                                    v ? (const char *)v : "NULL");
            assert_true(len < size);
        }
        len += (size_t)snprintf(buf + len, size - len, "\n");
        assert_true(len < size);
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
}

/* Collapses runs of white space into one space, drops SQL comments and the spaces around
 * parentheses and commas: the text of a statement as its meaning. */
static void normalize(char *s)
{
    char *w = s;
    for (const char *r = s; *r; r++) {
        if (r[0] == '-' && r[1] == '-') {
            while (*r && *r != '\n')
                r++;
            if (!*r)
                break;
        }
        int space = *r == ' ' || *r == '\n' || *r == '\t' || *r == '\r';
        if (space && (w == s || w[-1] == ' ' || w[-1] == '(' || w[-1] == ','))
            continue;
        if ((*r == ')' || *r == ',') && w > s && w[-1] == ' ')
            w--;
        *w++ = space ? ' ' : *r;
    }
    *w = '\0';
}

/* The shape of the store at path: each table's columns in order (name, type, not null,
 * default, key) and whether it has a rowid, each index's and trigger's statement. */
static void shape(const char *path, char *buf, size_t size)
{
    buf[0] = '\0';
    query_into(path,
               "SELECT m.name, c.cid, c.name, c.type, c.\"notnull\", c.dflt_value, c.pk, "
               "instr(upper(m.sql), 'WITHOUT ROWID') > 0 FROM sqlite_schema m, "
               "pragma_table_xinfo(m.name) c WHERE m.type = 'table' AND m.name NOT LIKE "
               "'sqlite_%' ORDER BY m.name, c.cid",
               buf, size);
    query_into(path,
               "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE type IN ('index', "
               "'trigger') AND sql IS NOT NULL ORDER BY type, name",
               buf, size);
    normalize(buf);
}

/* Every row of every table of the store at path, in a fixed order. */
static void contents(const char *path, char *buf, size_t size)
{
    char names[4096] = "";
    query_into(path,
               "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE "
               "'sqlite_%' ORDER BY name",
               names, sizeof names);
    buf[0] = '\0';
    for (char *name = strtok(names, "\n"); name; name = strtok(NULL, "\n")) {
        char sql[256];
        snprintf(sql, sizeof sql, "SELECT '%s', * FROM \"%s\"", name, name);
        query_into(path, sql, buf, size);
    }
}

static void text_of(struct tn_store *s, const char *sql, char *out, size_t n)
{
    assert_int_equal(tn__store_test_text(s, sql, out, n), TN_OK);
}

static int latest(void)
{
    struct tn_store *s;
    char msg[256], v[16];
    assert_int_equal(tn_store_open(":memory:", TN_STORE_CREATE, &s, msg), TN_OK);
    text_of(s, "SELECT value FROM meta WHERE key = 'schema_version'", v, sizeof v);
    tn_store_free(s);
    return atoi(v);
}

static tn_err count_done(void *ctx, const struct tn_duty_done_row *r)
{
    (void)r;
    ++*(int *)ctx;
    return TN_OK;
}

/* A new store is at the latest version, with the baseline among its migrations; migrating
 * it does nothing. */
static void new_store_is_latest(void **state)
{
    (void)state;
    int m = latest();
    assert_true(m >= 1);
    struct tn_store *s;
    char msg[256];
    assert_int_equal(tn_store_open(":memory:", TN_STORE_CREATE, &s, msg), TN_OK);
    assert_string_equal(tn_store_migration_name(s, 1), "baseline");
    assert_null(tn_store_migration_name(s, m + 1));
    int from = -1, to = -1;
    assert_int_equal(tn_store_migrate(s, &from, &to), TN_OK);
    assert_int_equal(from, m);
    assert_int_equal(to, m);
    char v[16];
    text_of(s, "SELECT value FROM meta WHERE key = 'schema'", v, sizeof v);
    assert_string_equal(v, "thuno-1");
    tn_store_free(s);
}

/* Each old store is migrated on a read-write open: its rows kept, the calendar records taken,
 * the shape of a new store; opening again applies nothing. */
static void old_store_is_migrated(void **state)
{
    (void)state;
    struct tmp fresh;
    tmp_make(&fresh);
    struct tn_store *s;
    char msg[256];
    assert_int_equal(tn_store_open(fresh.path, TN_STORE_CREATE, &s, msg), TN_OK);
    tn_store_free(s);
    static char want[65536], got[65536], rows0[65536], rows1[65536];
    shape(fresh.path, want, sizeof want);
    for (size_t i = 0; i < sizeof dumps / sizeof dumps[0]; i++) {
        struct tmp t;
        tmp_make(&t);
        load_dump(t.path, dumps[i]);
        contents(t.path, rows0, sizeof rows0);
        assert_int_equal(tn_store_open(t.path, TN_STORE_EXISTING, &s, msg), TN_OK);
        char v[64];
        text_of(s, "SELECT value FROM meta WHERE key = 'schema_version'", v, sizeof v);
        assert_int_equal(atoi(v), latest());
        text_of(s, "PRAGMA integrity_check", v, sizeof v);
        assert_string_equal(v, "ok");
        struct tn_duty_done_row r = {"reminder_monthly", "2025-12", "2025-12-08", "O1", "", 0, ""};
        assert_int_equal(tn_store_calendar_done_put(s, &r, "2025-12-08T10:00:00"), TN_OK);
        int n = 0;
        assert_int_equal(tn_store_calendar_done(s, NULL, count_done, &n), TN_OK);
        assert_int_equal(n, 1);
        int from = -1, to = -1;
        assert_int_equal(tn_store_migrate(s, &from, &to), TN_OK);
        assert_int_equal(from, to);
        tn_store_free(s);
        shape(t.path, got, sizeof got);
        if (strcmp(got, want) != 0)
            fprintf(stderr, "%s migrated:\n%s\nnew:\n%s\n", dumps[i], got, want);
        assert_string_equal(got, want);
        /* every row it had, and only the calendar record and the version more */
        contents(t.path, rows1, sizeof rows1);
        for (char *line = strtok(rows0, "\n"); line; line = strtok(NULL, "\n"))
            assert_non_null(strstr(rows1, line));
        tmp_remove(&t);
    }
    tmp_remove(&fresh);
}

/* A store newer than the binary: every mode refuses it with the message, its bytes as they
 * were. */
static void newer_store_is_refused(void **state)
{
    (void)state;
    struct tmp t;
    tmp_make(&t);
    struct tn_store *s;
    char msg[256], sql[128], want[160];
    assert_int_equal(tn_store_open(t.path, TN_STORE_CREATE, &s, msg), TN_OK);
    snprintf(sql, sizeof sql, "UPDATE meta SET value = '%d' WHERE key = 'schema_version'",
             latest() + 1);
    assert_int_equal(tn__store_test_exec(s, sql), TN_OK);
    tn_store_free(s);
    snprintf(want, sizeof want,
             "store schema version %d is newer than this thuno (%d): upgrade thuno", latest() + 1,
             latest());
    long n0, n1;
    char *before = slurp(t.path, &n0);
    static const int modes[] = {TN_STORE_EXISTING, TN_STORE_READONLY, TN_STORE_AS_IS};
    for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++) {
        s = NULL;
        assert_int_equal(tn_store_open(t.path, modes[i], &s, msg), TN_ERR_STORE);
        assert_null(s);
        assert_string_equal(msg, want);
    }
    char *after = slurp(t.path, &n1);
    assert_int_equal(n1, n0);
    assert_memory_equal(after, before, (size_t)n0);
    free(before);
    free(after);
    tmp_remove(&t);
}

/* A read-only open (the what-if) never migrates: an older store is refused, asking for
 * thuno migrate, and its bytes stay as they were. */
static void read_only_refuses_older(void **state)
{
    (void)state;
    struct tmp t;
    tmp_make(&t);
    load_dump(t.path, dumps[0]);
    long n0, n1;
    char *before = slurp(t.path, &n0);
    struct tn_store *s = NULL;
    char msg[256];
    assert_int_equal(tn_store_open(t.path, TN_STORE_READONLY, &s, msg), TN_ERR_STORE);
    assert_null(s);
    assert_non_null(strstr(msg, "store schema version 0 is older than this thuno"));
    assert_non_null(strstr(msg, "thuno migrate"));
    char *after = slurp(t.path, &n1);
    assert_int_equal(n1, n0);
    assert_memory_equal(after, before, (size_t)n0);
    free(before);
    free(after);
    tmp_remove(&t);
}

/* A migration that fails after its changes, before its version bump, rolls back whole: the
 * store at the version before it with its shape and rows as they were; the next open
 * migrates it. */
static void failed_migration_leaves_store_whole(void **state)
{
    (void)state;
    static char shape0[65536], shape1[65536], rows0[65536], rows1[65536];
    for (size_t i = 0; i < sizeof dumps / sizeof dumps[0]; i++) {
        struct tmp t;
        tmp_make(&t);
        load_dump(t.path, dumps[i]);
        shape(t.path, shape0, sizeof shape0);
        contents(t.path, rows0, sizeof rows0);
        struct tn_store *s;
        char msg[256];
        assert_int_equal(tn_store_open(t.path, TN_STORE_AS_IS, &s, msg), TN_OK);
        int from = -1, to = -1;
        assert_int_equal(tn__store_test_migrate(s, 1, &from, &to), TN_ERR_STORE);
        assert_int_equal(from, 0);
        assert_int_equal(to, 0);
        assert_string_equal(tn_store_errmsg(s), "migration 0001 baseline: injected fault");
        tn_store_free(s);
        shape(t.path, shape1, sizeof shape1);
        contents(t.path, rows1, sizeof rows1);
        assert_string_equal(shape1, shape0);
        assert_string_equal(rows1, rows0);
        assert_int_equal(tn_store_open(t.path, TN_STORE_EXISTING, &s, msg), TN_OK);
        char v[16];
        text_of(s, "SELECT value FROM meta WHERE key = 'schema_version'", v, sizeof v);
        assert_int_equal(atoi(v), latest());
        tn_store_free(s);
        tmp_remove(&t);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(new_store_is_latest),
        cmocka_unit_test(old_store_is_migrated),
        cmocka_unit_test(newer_store_is_refused),
        cmocka_unit_test(read_only_refuses_older),
        cmocka_unit_test(failed_migration_leaves_store_whole),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
