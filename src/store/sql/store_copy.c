/*
 * store_copy.c - a whole store copied into an empty PostgreSQL database (store_copy.h;
 * docs/store.md "Moving an office to PostgreSQL"; issue 16 item 6).
 *
 * Generic, table by table: the tables are the target's (its catalog, partitions left to their
 * parent), the columns of each are read from both engines' catalogs and matched by name, so a
 * column one engine's schema adds (pgpart's unit_code on the line tables) needs only a rule
 * below, never a list of columns kept in step by hand. Rows are read through the driver from
 * the source in one read transaction and written with COPY in its text format; values go as
 * they are (ids included), then every sequence of the target is set past the largest id, so
 * the next close, audit entry or contact takes the number the source would have given it.
 */
#include "store_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/mem.h"

/* A target column the source lacks, filled by an SQL expression over the source's row t
 * (SELECT ... FROM table t) on its engine. table NULL: any table whose source has the column
 * needs. */
struct fill {
    const char *table;
    const char *col;
    const char *needs;
    const char *sqlite; /* the expression on an SQLite source (NULL: none) */
    const char *pg;     /* on a PostgreSQL source (NULL: none) */
};

/* the unit of a line's close, and of a case (its first event's): the same SQL on both engines */
#define UNIT_OF_CLOSE "(SELECT c.unit_code FROM unit_close c WHERE c.id = t.close_id)"
#define UNIT_OF_CASE                                                                               \
    "(SELECT e.unit_code FROM case_event e WHERE e.case_id = t.case_id "                           \
    "ORDER BY e.seq, e.version LIMIT 1)"

/* clang-format off */
static const struct fill fills[] = {
    /* the order the allocation lines were written: SQLite's rowid (explain reads it) */
    {"alloc_line", "seq", NULL, "t.rowid", NULL},
    /* the distribution key of a line table (issue 16 item 5): its close's unit */
    {NULL, "unit_code", "close_id", UNIT_OF_CLOSE, UNIT_OF_CLOSE},
    /* a case's rows: the unit of the case's first event */
    {NULL, "unit_code", "case_id", UNIT_OF_CASE, UNIT_OF_CASE},
};
/* clang-format on */

/* The rows of meta are the target's own on creation (schema, version): the source's replace
 * them. Every other table of the target must be empty. */
#define META "meta"

#define NAMESZ 64

struct col {
    char name[NAMESZ];
    int bytea;        /* target: the value goes as bytea */
    int serial;       /* target: its default is a sequence, set past the largest after the copy */
    int generated;    /* target: computed by the engine, never copied */
    const char *expr; /* the source expression that fills it; NULL: its own column */
};

struct table {
    char name[NAMESZ];
    struct col *cols;
    size_t n, cap;
};

/* A growing buffer of COPY's text. */
struct buf {
    char *p;
    size_t n, cap;
};

static void put(struct buf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 1 << 16;
        while (cap < b->n + n + 1)
            cap *= 2;
        b->p = tn_xrealloc(b->p, cap, 1);
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
}

static void putf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void putf(struct buf *b, const char *fmt, ...)
{
    char tmp[160];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    put(b, tmp, n < 0 ? 0 : (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* Text as a field of COPY's text format: backslash, tab, newline and carriage return escaped
 * (every other byte, UTF-8 included, as it is). */
static void put_text(struct buf *b, const unsigned char *s, size_t n)
{
    size_t from = 0;
    for (size_t i = 0; i < n; i++) {
        const char *esc = s[i] == '\\'   ? "\\\\"
                          : s[i] == '\t' ? "\\t"
                          : s[i] == '\n' ? "\\n"
                          : s[i] == '\r' ? "\\r"
                                         : NULL;
        if (!esc)
            continue;
        put(b, (const char *)s + from, i - from);
        put(b, esc, 2);
        from = i + 1;
    }
    put(b, (const char *)s + from, n - from);
}

/* Bytes as a bytea field: \x and their hex, its backslash escaped for the text format. */
static void put_bytea(struct buf *b, const unsigned char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    put(b, "\\\\x", 3);
    for (size_t i = 0; i < n; i++) {
        char h[2] = {hex[s[i] >> 4], hex[s[i] & 15]};
        put(b, h, 2);
    }
}

static tn_err failf(struct tn__sq *s, tn_err err, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static tn_err failf(struct tn__sq *s, tn_err err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->errmsg, sizeof s->errmsg, fmt, ap);
    va_end(ap);
    return err;
}

/* A name from a catalog, checked to be a plain identifier (it is put in SQL text quoted). */
static tn_err name_copy(struct tn__sq *s, char out[NAMESZ], const char *v)
{
    size_t n = strlen(v);
    if (n == 0 || n >= NAMESZ || strchr(v, '"'))
        return failf(s, TN_ERR_STORE, "the catalog names \"%.80s\": not a name thuno gives", v);
    memcpy(out, v, n + 1);
    return TN_OK;
}

/* The tables of s: PostgreSQL's in the order they were made (a partitioned table once, not its
 * partitions), SQLite's in its schema's order, its own (sqlite_*) left out. */
static tn_err list_tables(struct tn__sq *s, struct table **out, size_t *n)
{
    const char *sql = tn_sql_kind(s->db) == TN_SQL_PG
                          ? "SELECT c.relname FROM pg_class c JOIN pg_namespace n "
                            "ON n.oid = c.relnamespace WHERE n.nspname = current_schema() "
                            "AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY c.oid"
                          : "SELECT name FROM sqlite_master WHERE type = 'table' "
                            "AND name NOT LIKE 'sqlite%' ORDER BY rowid";
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(s, sql, &st);
    if (err)
        return err;
    struct table *t = NULL;
    size_t cnt = 0, cap = 0;
    while (tn__store_next(s, st, &err, "reading the tables")) {
        TN_GROW(t, cap, cnt + 1);
        memset(&t[cnt], 0, sizeof t[cnt]);
        if ((err = name_copy(s, t[cnt].name, tn__col_text(st, 0))))
            break;
        cnt++;
    }
    tn_sql_finalize(st);
    if (err) {
        free(t);
        return err;
    }
    *out = t;
    *n = cnt;
    return TN_OK;
}

/* The columns of table t of s, in their order, with what the target needs to know of each. */
static tn_err list_columns(struct tn__sq *s, struct table *t)
{
    const char *sql =
        tn_sql_kind(s->db) == TN_SQL_PG
            ? "SELECT a.attname, a.atttypid = 'bytea'::regtype, "
              "pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL, "
              "a.attgenerated <> '' FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
              "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() "
              "AND c.relname = ?1 AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum"
            : "SELECT name, upper(type) = 'BLOB', 0, 0 FROM pragma_table_info(?1) ORDER BY cid";
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(s, sql, &st);
    if (err)
        return err;
    tn_sql_bind_text(st, 1, t->name, -1, TN_SQL_STATIC);
    while (tn__store_next(s, st, &err, "reading a table's columns")) {
        TN_GROW(t->cols, t->cap, t->n + 1);
        struct col *c = &t->cols[t->n];
        memset(c, 0, sizeof *c);
        if ((err = name_copy(s, c->name, tn__col_text(st, 0))))
            break;
        c->bytea = tn_sql_column_int(st, 1);
        c->serial = tn_sql_column_int(st, 2);
        c->generated = tn_sql_column_int(st, 3);
        t->n++;
    }
    tn_sql_finalize(st);
    return err;
}

static void tables_free(struct table *t, size_t n)
{
    for (size_t i = 0; t && i < n; i++)
        free(t[i].cols);
    free(t);
}

static const struct table *find_table(const struct table *t, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(t[i].name, name) == 0)
            return &t[i];
    return NULL;
}

static int has_col(const struct table *t, const char *name)
{
    for (size_t i = 0; i < t->n; i++)
        if (strcmp(t->cols[i].name, name) == 0)
            return 1;
    return 0;
}

/* Matches the target's table dst to the source's src: each target column its source's of the
 * same name, or a rule's expression; a source column with no place in the target refused. */
static tn_err match(struct tn__sq *to, struct table *dst, const struct table *src, int src_pg)
{
    for (size_t i = 0; i < src->n; i++)
        if (!has_col(dst, src->cols[i].name))
            return failf(to, TN_ERR_STORE,
                         "column %s.%s of the source has no place in the target: its values "
                         "would be lost",
                         src->name, src->cols[i].name);
    for (size_t i = 0; i < dst->n; i++) {
        struct col *c = &dst->cols[i];
        if (c->generated || has_col(src, c->name))
            continue;
        for (size_t k = 0; k < sizeof fills / sizeof fills[0] && !c->expr; k++) {
            const struct fill *f = &fills[k];
            if (strcmp(f->col, c->name) == 0 && (!f->table || strcmp(f->table, dst->name) == 0) &&
                (!f->needs || has_col(src, f->needs)))
                c->expr = src_pg ? f->pg : f->sqlite;
        }
        if (!c->expr)
            return failf(to, TN_ERR_STORE,
                         "column %s.%s of the target is not in the source and no rule fills it "
                         "(store_copy.c fills[])",
                         dst->name, c->name);
    }
    return TN_OK;
}

/* Whether table name of s holds a row. */
static tn_err has_rows(struct tn__sq *s, const char *name, int *found)
{
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT 1 FROM \"%s\" LIMIT 1", name);
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(s, sql, &st);
    if (err)
        return err;
    err = tn__store_step_one(s, st, found, "reading the target");
    tn_sql_finalize(st);
    return err;
}

/* Checks that s is at this binary's schema version; who names it in the message. */
static tn_err check_version(struct tn__sq *s, struct tn__sq *report, const char *who)
{
    int v = 0;
    tn_err err = tn__sq_schema_version(s, &v);
    if (err)
        return failf(report, err, "%s: %.400s", who, s->errmsg);
    if (v != tn__sq_schema_latest())
        return failf(report, TN_ERR_STORE, "the %s is at schema version %d, this thuno at %d: %s",
                     who, v, tn__sq_schema_latest(),
                     v < tn__sq_schema_latest() ? "run 'thuno migrate --db FILE' on it first"
                                                : "upgrade thuno");
    return TN_OK;
}

/* Sends the rows gathered in b to table t of to with COPY, and empties b. */
static tn_err flush(struct tn__sq *to, const struct table *t, struct buf *b, const char *copy_sql)
{
    if (b->n == 0)
        return TN_OK;
    if (tn_sql_copy_in(to->db, copy_sql, b->p, b->n) != TN_SQL_OK)
        return failf(to, TN_ERR_STORE, "copying %s: %.400s", t->name, tn_sql_errmsg(to->db));
    b->n = 0;
    return TN_OK;
}

/* Copies the rows of table t from from into to; *rows the number copied. */
static tn_err copy_table(struct tn__sq *to, struct tn__sq *from, const struct table *t,
                         long long *rows)
{
    struct buf sel = {0}, cols = {0}, b = {0};
    put(&sel, "SELECT ", 7);
    size_t ncopied = 0;
    for (size_t i = 0; i < t->n; i++) {
        const struct col *c = &t->cols[i];
        if (c->generated)
            continue;
        if (ncopied++) {
            put(&sel, ", ", 2);
            put(&cols, ", ", 2);
        }
        if (c->expr)
            put(&sel, c->expr, strlen(c->expr));
        else
            putf(&sel, "t.\"%s\"", c->name);
        putf(&cols, "\"%s\"", c->name);
    }
    putf(&sel, " FROM \"%s\" t", t->name);
    put(&sel, "", 1);
    char *copy_sql = tn_xmalloc(cols.n + 128);
    snprintf(copy_sql, cols.n + 128, "COPY \"%s\" (%.*s) FROM STDIN", t->name, (int)cols.n, cols.p);
    tn_sql_stmt *st = NULL;
    tn_err err = TN_OK;
    if (tn_sql_prepare(from->db, sel.p, &st) != TN_SQL_OK)
        err = failf(to, TN_ERR_STORE, "reading %s from the source: %.400s", t->name,
                    tn_sql_errmsg(from->db));
    long long n = 0;
    int rc;
    while (!err && (rc = tn_sql_step(st)) == TN_SQL_ROW) {
        size_t k = 0;
        for (size_t i = 0; i < t->n; i++) {
            const struct col *c = &t->cols[i];
            if (c->generated)
                continue;
            int j = (int)k;
            if (k++)
                put(&b, "\t", 1);
            int type = tn_sql_column_type(st, j);
            if (type == TN_SQL_NULL)
                put(&b, "\\N", 2);
            else if (c->bytea)
                put_bytea(&b, tn_sql_column_blob(st, j), (size_t)tn_sql_column_bytes(st, j));
            else if (type == TN_SQL_INTEGER)
                putf(&b, "%lld", tn_sql_column_int64(st, j));
            else
                put_text(&b, tn_sql_column_text(st, j), (size_t)tn_sql_column_bytes(st, j));
        }
        put(&b, "\n", 1);
        n++;
        if (b.n >= (8u << 20))
            err = flush(to, t, &b, copy_sql);
    }
    if (!err && rc != TN_SQL_DONE)
        err = failf(to, TN_ERR_STORE, "reading %s from the source: %.400s", t->name,
                    tn_sql_errmsg(from->db));
    if (!err)
        err = flush(to, t, &b, copy_sql);
    tn_sql_finalize(st);
    free(copy_sql);
    free(sel.p);
    free(cols.p);
    free(b.p);
    if (!err)
        *rows = n;
    return err;
}

/* The largest value SQLite's AUTOINCREMENT gave in table name of from (0 without one): a
 * number once given is never given again, even when its row is gone. */
static long long autoincrement(struct tn__sq *from, const char *name)
{
    if (tn_sql_kind(from->db) != TN_SQL_SQLITE)
        return 0;
    tn_sql_stmt *st;
    long long v = 0;
    if (tn_sql_prepare(from->db, "SELECT seq FROM sqlite_sequence WHERE name = ?1", &st) !=
        TN_SQL_OK)
        return 0; /* no AUTOINCREMENT table at all */
    tn_sql_bind_text(st, 1, name, -1, TN_SQL_STATIC);
    if (tn_sql_step(st) == TN_SQL_ROW)
        v = tn_sql_column_int64(st, 0);
    tn_sql_finalize(st);
    return v;
}

/* Sets each sequence of t's columns in to past the largest value copied (and past floor). */
static tn_err set_sequences(struct tn__sq *to, const struct table *t, long long floor)
{
    for (size_t i = 0; i < t->n; i++) {
        const struct col *c = &t->cols[i];
        if (!c->serial)
            continue;
        char sql[512];
        snprintf(sql, sizeof sql,
                 "SELECT setval(pg_get_serial_sequence(quote_ident(?1), ?2), "
                 "CASE WHEN m.v > 0 THEN m.v ELSE 1 END, m.v > 0) FROM (SELECT "
                 "GREATEST(coalesce(max(\"%s\"), 0), ?3) AS v FROM \"%s\") m",
                 c->name, t->name);
        tn_sql_stmt *st;
        tn_err err = tn__store_prepare(to, sql, &st);
        if (err)
            return err;
        tn_sql_bind_text(st, 1, t->name, -1, TN_SQL_STATIC);
        tn_sql_bind_text(st, 2, c->name, -1, TN_SQL_STATIC);
        tn_sql_bind_int64(st, 3, floor);
        int found = 0;
        err = tn__store_step_one(to, st, &found, "setting a sequence");
        tn_sql_finalize(st);
        if (err)
            return err;
    }
    return TN_OK;
}

/* Checks the rows of t in to against the count copied. */
static tn_err check_count(struct tn__sq *to, const struct table *t, long long rows)
{
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM \"%s\"", t->name);
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(to, sql, &st);
    if (err)
        return err;
    int found = 0;
    if (!(err = tn__store_step_one(to, st, &found, "counting the rows copied")) &&
        tn_sql_column_int64(st, 0) != rows)
        err = failf(to, TN_ERR_STORE, "%s: %lld rows copied, %lld in the target", t->name, rows,
                    tn_sql_column_int64(st, 0));
    tn_sql_finalize(st);
    return err;
}

/* The copy, inside to's transaction; the catalogs of both read. */
static tn_err copy_all(struct tn__sq *to, struct tn__sq *from,
                       void (*table)(void *ctx, const char *name, long long rows), void *ctx)
{
    struct table *dst = NULL, *src = NULL;
    size_t ndst = 0, nsrc = 0;
    tn_err err;
    if ((err = check_version(from, to, "source")) || (err = check_version(to, to, "target")))
        return err;
    if ((err = list_tables(to, &dst, &ndst)))
        goto done;
    if ((err = list_tables(from, &src, &nsrc))) {
        failf(to, err, "the source: %.400s", from->errmsg);
        goto done;
    }
    for (size_t i = 0; i < nsrc; i++)
        if (!find_table(dst, ndst, src[i].name)) {
            err = failf(to, TN_ERR_STORE,
                        "table %s of the source has no place in the target: its rows would be "
                        "lost",
                        src[i].name);
            goto done;
        }
    for (size_t i = 0; i < ndst; i++) { /* a target with data first: nothing else matters */
        int found = 0;
        if (strcmp(dst[i].name, META) != 0 && (err = has_rows(to, dst[i].name, &found)))
            goto done;
        if (found) {
            err = failf(to, TN_ERR_CONFLICT,
                        "the target already holds data (table %s): move a store only into an "
                        "empty database (the move makes the schema itself, without 'thuno "
                        "init')",
                        dst[i].name);
            goto done;
        }
    }
    for (size_t i = 0; i < ndst; i++) {
        struct table *s = (struct table *)find_table(src, nsrc, dst[i].name);
        if (!s) {
            err =
                failf(to, TN_ERR_STORE, "table %s of the target is not in the source", dst[i].name);
            goto done;
        }
        if ((err = list_columns(to, &dst[i])))
            goto done;
        if ((err = list_columns(from, s))) {
            failf(to, err, "the source: %.400s", from->errmsg);
            goto done;
        }
        if ((err = match(to, &dst[i], s, tn_sql_kind(from->db) == TN_SQL_PG)))
            goto done;
    }
    if ((err = tn__store_exec(to, "DELETE FROM " META)))
        goto done;
    for (size_t i = 0; i < ndst; i++) {
        long long rows = 0;
        if ((err = copy_table(to, from, &dst[i], &rows)) ||
            (err = check_count(to, &dst[i], rows)) ||
            (err = set_sequences(to, &dst[i], autoincrement(from, dst[i].name))))
            goto done;
        if (table)
            table(ctx, dst[i].name, rows);
    }
done:
    tables_free(dst, ndst);
    tables_free(src, nsrc);
    return err;
}

tn_err tn__sq_copy(struct tn__sq *to, struct tn__sq *from,
                   void (*table)(void *ctx, const char *name, long long rows), void *ctx)
{
    if (tn_sql_kind(to->db) != TN_SQL_PG)
        return failf(to, TN_ERR_USAGE, "the target of a copy is a PostgreSQL database");
    /* the source read at one moment: a read transaction of its own when it has none */
    int own = tn_sql_get_autocommit(from->db);
    const char *begin = tn_sql_kind(from->db) == TN_SQL_PG
                            ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
                            : "BEGIN";
    if (own && tn_sql_exec(from->db, begin) != TN_SQL_OK)
        return failf(to, TN_ERR_STORE, "reading the source: %.400s", tn_sql_errmsg(from->db));
    tn_err err = tn__sq_begin(to);
    if (!err) {
        err = copy_all(to, from, table, ctx);
        if (!err)
            err = tn__sq_commit(to);
        if (err) {
            char why[sizeof to->errmsg];
            snprintf(why, sizeof why, "%s", to->errmsg);
            tn__sq_rollback(to);
            snprintf(to->errmsg, sizeof to->errmsg, "%s", why);
        }
    }
    if (own)
        tn_sql_exec(from->db, "ROLLBACK"); /* only read */
    return err;
}
