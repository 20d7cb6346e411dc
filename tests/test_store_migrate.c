/*
 * test_store_migrate.c - the SQLite store's schema migrations (docs/store.md "Migrations";
 * src/store/sql/migrations.c): a thuno-1 store made by an earlier binary (tests/data/
 * store_thuno1_*.sql, dumps of stores made from an older commit's schema.sql, turned into
 * store files at build by tests/sql_to_db.py) is brought to
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

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/store_test.h"
#include "thuno/calendar_store.h"
#include "thuno/store.h"

static const char *const dumps[] = {"store_thuno1_9f568a0.db", "store_thuno1_0e75359.db"};

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

/* Makes the store at path a copy of the old store name, made at build from its dump
 * (tests/sql_to_db.py) in THUNO_OLD_STORES. */
static void old_store(const char *path, const char *name)
{
    const char *dir = getenv("THUNO_OLD_STORES");
    assert_non_null(dir);
    char file[512];
    snprintf(file, sizeof file, "%s/%s", dir, name);
    long n;
    char *bytes = slurp(file, &n);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(bytes, 1, (size_t)n, f), (size_t)n);
    assert_int_equal(fclose(f), 0);
    free(bytes);
}

/* The first column of the first row of sql on s, into out. */
static void text_of(struct tn_store *s, const char *sql, char *out, size_t n)
{
    if (tn__store_test_text(s, sql, out, n) != TN_OK)
        fail_msg("%s: %s", sql, tn_store_errmsg(s));
}

static long number(const char *v)
{
    char *end;
    long n = strtol(v, &end, 10);
    assert_true(*v && !*end);
    return n;
}

/* Opens the store at path as it is (no migration) and reads sql's one value into out. */
static void text_at(const char *path, const char *sql, char *out, size_t n)
{
    struct tn_store *s;
    char msg[256];
    if (tn_store_open(path, TN_STORE_AS_IS, &s, msg) != TN_OK)
        fail_msg("%s: %s", path, msg);
    text_of(s, sql, out, n);
    tn_store_free(s);
}

/* The shape of the store at path: each table's columns in order (name, type, not null,
 * default, key) and whether it has a rowid, each index's and trigger's statement (white space
 * collapsed: a statement of schema.sql and the same of a migration are one). */
static void shape(const char *path, char *buf, size_t size)
{
    text_at(path,
            "SELECT (SELECT group_concat(line, char(10)) FROM (SELECT m.name || '|' || c.cid || "
            "'|' || c.name || '|' || c.type || '|' || c.\"notnull\" || '|' || "
            "ifnull(c.dflt_value, 'NULL') || '|' || c.pk || '|' || (instr(upper(m.sql), "
            "'WITHOUT ROWID') > 0) AS line FROM sqlite_schema m, pragma_table_xinfo(m.name) c "
            "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, c.cid)) || "
            "char(10) || (SELECT group_concat(line, char(10)) FROM (SELECT type || '|' || name "
            "|| '|' || tbl_name || '|' || sql AS line FROM sqlite_schema WHERE type IN "
            "('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name))",
            buf, size);
    char *w = buf;
    for (const char *r = buf; *r; r++) {
        int space = *r == ' ' || *r == '\t' || *r == '\r' || (*r == '\n' && r[1] == ' ');
        if (space && (w == buf || w[-1] == ' ' || w[-1] == '(' || w[-1] == ','))
            continue;
        if ((*r == ')' || *r == ',') && w > buf && w[-1] == ' ')
            w--;
        *w++ = space ? ' ' : *r;
    }
    *w = '\0';
}

/* Every row of every table of the store at path, a line each: "table|v1|v2...". */
static void contents(const char *path, char *buf, size_t size)
{
    char names[2048], cols[2048], sql[8192], rows[65536];
    text_at(path,
            "SELECT group_concat(name, char(10)) FROM (SELECT name FROM sqlite_schema WHERE "
            "type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name)",
            names, sizeof names);
    buf[0] = '\0';
    size_t len = 0;
    for (char *name = names; *name;) {
        char *nl = strchr(name, '\n');
        if (nl)
            *nl = '\0';
        snprintf(sql, sizeof sql,
                 "SELECT group_concat('quote(\"' || name || '\")', ' || ''|'' || ') FROM "
                 "pragma_table_info('%s')",
                 name);
        text_at(path, sql, cols, sizeof cols);
        snprintf(sql, sizeof sql, "SELECT group_concat('%s|' || %s, char(10)) FROM \"%s\"", name,
                 cols, name);
        text_at(path, sql, rows, sizeof rows);
        len += (size_t)snprintf(buf + len, size - len, "%s\n", rows);
        assert_true(len < size);
        name = nl ? nl + 1 : name + strlen(name);
    }
}

/* Fails unless every line of before (modified) is a line of after: no row lost. */
static void rows_kept(char *before, const char *after, const char *what)
{
    for (char *line = before; *line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        if (*line && !strstr(after, line))
            fail_msg("%s: row lost: %s", what, line);
        line = nl ? nl + 1 : line + strlen(line);
    }
}

static int latest(void)
{
    struct tn_store *s;
    char msg[256], v[16];
    assert_int_equal(tn_store_open(":memory:", TN_STORE_CREATE, &s, msg), TN_OK);
    text_of(s, "SELECT value FROM meta WHERE key = 'schema_version'", v, sizeof v);
    tn_store_free(s);
    return (int)number(v);
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
        old_store(t.path, dumps[i]);
        contents(t.path, rows0, sizeof rows0);
        assert_non_null(strstr(rows0, "unit|'TS0001A'|1|"));
        assert_non_null(strstr(rows0, "payment|'T0001'|1|"));
        assert_int_equal(tn_store_open(t.path, TN_STORE_EXISTING, &s, msg), TN_OK);
        char v[64];
        text_of(s, "SELECT value FROM meta WHERE key = 'schema_version'", v, sizeof v);
        assert_int_equal(number(v), latest());
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
        rows_kept(rows0, rows1, dumps[i]);
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
    old_store(t.path, dumps[0]);
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
 * store at the version before it (the migrations before it committed, each in its own
 * transaction), its rows as they were, and for the baseline its shape as it was too; the next
 * open migrates it to a new store's shape. Each migration of the list in turn. */
static void failed_migration_leaves_store_whole(void **state)
{
    (void)state;
    static char shape0[65536], shape1[65536], rows0[65536], rows1[65536], want[65536];
    struct tmp fresh;
    tmp_make(&fresh);
    struct tn_store *s;
    char msg[256];
    assert_int_equal(tn_store_open(fresh.path, TN_STORE_CREATE, &s, msg), TN_OK);
    tn_store_free(s);
    shape(fresh.path, want, sizeof want);
    tmp_remove(&fresh);
    for (size_t i = 0; i < sizeof dumps / sizeof dumps[0]; i++) {
        for (int k = 1; k <= latest(); k++) {
            struct tmp t;
            tmp_make(&t);
            old_store(t.path, dumps[i]);
            shape(t.path, shape0, sizeof shape0);
            contents(t.path, rows0, sizeof rows0);
            assert_int_equal(tn_store_open(t.path, TN_STORE_AS_IS, &s, msg), TN_OK);
            int from = -1, to = -1;
            assert_int_equal(tn__store_test_migrate(s, k, &from, &to), TN_ERR_STORE);
            assert_int_equal(from, 0);
            assert_int_equal(to, k - 1);
            char want_msg[96], v[16];
            snprintf(want_msg, sizeof want_msg, "migration %04d %s: injected fault", k,
                     tn_store_migration_name(s, k));
            assert_string_equal(tn_store_errmsg(s), want_msg);
            tn_store_free(s);
            text_at(t.path,
                    "SELECT ifnull((SELECT value FROM meta WHERE key = 'schema_version'), '0')", v,
                    sizeof v);
            assert_int_equal(number(v), k - 1);
            text_at(t.path, "PRAGMA integrity_check", v, sizeof v);
            assert_string_equal(v, "ok");
            shape(t.path, shape1, sizeof shape1);
            contents(t.path, rows1, sizeof rows1);
            if (k == 1) {
                assert_string_equal(shape1, shape0);
                assert_string_equal(rows1, rows0);
            }
            rows_kept(rows0, rows1, dumps[i]);
            assert_int_equal(tn_store_open(t.path, TN_STORE_EXISTING, &s, msg), TN_OK);
            text_of(s, "SELECT value FROM meta WHERE key = 'schema_version'", v, sizeof v);
            assert_int_equal(number(v), latest());
            tn_store_free(s);
            shape(t.path, shape1, sizeof shape1);
            assert_string_equal(shape1, want);
            tmp_remove(&t);
        }
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
