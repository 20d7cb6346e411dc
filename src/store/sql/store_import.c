/*
 * store_import.c - versioned rows for imports (see store_import.h). A changed row never
 * overwrites: the old version gets superseded_at, the new one version + 1. Every statement is
 * prepared once per import and reused for each row.
 *
 * A first load (the table held no row when the import began) is the bulk path: nothing is
 * looked up, the table's secondary indexes are dropped at the start and built again, each in
 * one pass, at the end (all in the caller's transaction), and a key repeated in the file is
 * the primary key's conflict (tn_store_import_put's TN_ERR_CONFLICT) rather than a set of
 * every key held by the caller. On PostgreSQL the kept rows of a first load go in by COPY,
 * 4,096 at a time, each COPY in a savepoint that a repeated key rolls back (then the rows go
 * one by one, each repeated key reported).
 */
#include "thuno/store_import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <stdint.h>

#include "store_int.h"
#include "thuno/mem.h"

struct tn__sq_import {
    struct tn__sq *s;
    size_t nkeys, ncols;
    long long batch;
    const char *now;
    int was_empty; /* the table held no row at all when the import began */
    tn_sql_stmt *find, *insert, *supersede, *finish;
    char **index_sql; /* a first load: the CREATE INDEX of the indexes dropped at its start */
    size_t nindex;
    /* rows kept to be written by one statement (tn__sq_import_batch): pending rows of nvals
     * values each, their text in pool (a value's text is an offset into it until written) */
    void (*conflict)(void *ctx, long seq);
    void *ctx;
    char *insert_sql; /* "INSERT INTO table (columns) VALUES" */
    char *copy_sql;   /* PostgreSQL: "COPY table (columns) FROM STDIN", the kept rows' way in */
    char *copy;       /* their text in COPY's format */
    size_t ncopy, capcopy;
    tn_sql_stmt *insert_many;
    size_t per, pending, nvals;
    long puts; /* rows put so far: the seq of the next one */
    struct tn_store_value *vals;
    char *pool;
    size_t poolsz, poolcap;
};

#define MAX_VALUES 64 /* key and data columns of a table */

struct tn__sq_lookup {
    struct tn__sq *s;
    tn_sql_stmt *st;
    char sql[256]; /* every current value of the column, in its order (tn__sq_lookup_each) */
};

static void bind_value(tn_sql_stmt *st, int i, const struct tn_store_value *v)
{
    if (v->type == TN_SV_INT)
        tn_sql_bind_int64(st, i, v->num);
    else if (v->type == TN_SV_TEXT && v->text && *v->text)
        tn_sql_bind_text(st, i, v->text, -1, TN_SQL_STATIC);
    else
        tn_sql_bind_null(st, i);
}

/* Appends "a = ?n AND b = ?n+1 ..." for the key columns at buf + *o. */
static void key_where(char *buf, size_t cap, size_t *o, const char *const *keys, size_t nkeys,
                      int first)
{
    for (size_t i = 0; i < nkeys; i++)
        *o += (size_t)snprintf(buf + *o, *o < cap ? cap - *o : 0, "%s%s = ?%d", i ? " AND " : "",
                               keys[i], first + (int)i);
}

/* Appends fmt to buf at *o, never past cap. */
static void append(char *buf, size_t cap, size_t *o, const char *fmt, const char *arg)
{
    *o += (size_t)snprintf(buf + *o, *o < cap ? cap - *o : 0, fmt, arg);
}

/* Prepares the text of sql built up to o bytes (more than fit: refused). */
static tn_err prepare_built(struct tn__sq *s, const char *sql, size_t o, size_t cap,
                            tn_sql_stmt **out)
{
    if (o >= cap) {
        snprintf(s->errmsg, sizeof s->errmsg, "import statement too long");
        return TN_ERR_STORE;
    }
    return tn__store_prepare(s, sql, out);
}

/* A first load: drops the secondary indexes of table, keeping their SQL to build them again
 * once the rows are in (tn__sq_import_finish), in one sorted pass each instead of one B-tree
 * insert per row. */
static tn_err drop_indexes(struct tn__sq_import *imp, const char *table)
{
    struct tn__sq *s = imp->s;
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(
        s,
        tn_sql_kind(s->db) == TN_SQL_PG
            /* a partitioned table's index reads "ON ONLY t", which would build none of
             * its partitions' indexes: built on all of them (pg_schema.sql) */
            ? "SELECT i.relname, replace(pg_get_indexdef(i.oid), ' ON ONLY ', ' ON ') "
              "FROM pg_index x "
              "JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid "
              "WHERE t.relname = ?1 AND NOT x.indisprimary "
              "AND t.relnamespace = current_schema()::regnamespace ORDER BY 1"
            : "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
              "AND tbl_name = ?1 AND sql IS NOT NULL ORDER BY name",
        &st);
    if (err)
        return err;
    tn_sql_bind_text(st, 1, table, -1, TN_SQL_STATIC);
    char **names = NULL;
    size_t cap = 0, capnames = 0, n = 0;
    int rc;
    while ((rc = tn_sql_step(st)) == TN_SQL_ROW) {
        TN_GROW(imp->index_sql, cap, n + 1);
        TN_GROW(names, capnames, n + 1);
        imp->index_sql[n] = tn_xstrdup((const char *)tn_sql_column_text(st, 1));
        names[n++] = tn_xstrdup((const char *)tn_sql_column_text(st, 0));
    }
    tn_sql_finalize(st);
    imp->nindex = n;
    if (rc != TN_SQL_DONE)
        err = tn__store_fail(s, "read the table's indexes");
    for (size_t i = 0; i < n; i++) {
        char sql[256];
        if (!err && (size_t)snprintf(sql, sizeof sql, "DROP INDEX \"%s\"", names[i]) < sizeof sql)
            err = tn__store_exec(s, sql);
        free(names[i]);
    }
    free(names);
    return err;
}

/* Appends the columns a row of the import writes: its keys, its columns, then version,
 * known_at and batch_id (the INSERT's and the COPY's list). */
static void append_columns(const struct tn__sq_import *imp, char *buf, size_t cap, size_t *o,
                           const char *const *keys, const char *const *cols)
{
    for (size_t i = 0; i < imp->nkeys; i++)
        append(buf, cap, o, "%s, ", keys[i]);
    for (size_t i = 0; i < imp->ncols; i++)
        append(buf, cap, o, "%s, ", cols[i]);
    append(buf, cap, o, "%s", "version, known_at, batch_id");
}

static tn_err prepare_all(struct tn__sq_import *imp, const char *table, const char *const *keys,
                          const char *const *cols)
{
    struct tn__sq *s = imp->s;
    char sql[4096];
    size_t o = 0;
    append(sql, sizeof sql, &o, "%s", "SELECT version");
    for (size_t i = 0; i < imp->ncols; i++)
        append(sql, sizeof sql, &o, ", %s", cols[i]);
    append(sql, sizeof sql, &o, " FROM %s WHERE ", table);
    key_where(sql, sizeof sql, &o, keys, imp->nkeys, 1);
    append(sql, sizeof sql, &o, "%s", " AND superseded_at IS NULL");
    tn_err err = prepare_built(s, sql, o, sizeof sql, &imp->find);
    if (err)
        return err;

    o = 0;
    append(sql, sizeof sql, &o, "INSERT INTO %s (", table);
    append_columns(imp, sql, sizeof sql, &o, keys, cols);
    append(sql, sizeof sql, &o, "%s", ") VALUES");
    if (o < sizeof sql)
        imp->insert_sql = tn_xstrdup(sql);
    append(sql, sizeof sql, &o, "%s", " (?1");
    for (size_t i = 2; i <= imp->nkeys + imp->ncols + 3; i++)
        o += (size_t)snprintf(sql + o, o < sizeof sql ? sizeof sql - o : 0, ", ?%zu", i);
    /* a key written already inserts nothing (insert_one's conflict): on PostgreSQL a failed
     * statement would end the caller's transaction */
    append(sql, sizeof sql, &o, "%s", ") ON CONFLICT DO NOTHING");
    if ((err = prepare_built(s, sql, o, sizeof sql, &imp->insert)))
        return err;
    if (tn_sql_kind(s->db) == TN_SQL_PG) {
        o = 0;
        append(sql, sizeof sql, &o, "COPY %s (", table);
        append_columns(imp, sql, sizeof sql, &o, keys, cols);
        append(sql, sizeof sql, &o, "%s", ") FROM STDIN");
        if (o < sizeof sql)
            imp->copy_sql = tn_xstrdup(sql);
    }

    o = 0;
    append(sql, sizeof sql, &o, "UPDATE %s SET superseded_at = ?1 WHERE version = ?2 AND ", table);
    key_where(sql, sizeof sql, &o, keys, imp->nkeys, 3);
    if ((err = prepare_built(s, sql, o, sizeof sql, &imp->supersede)))
        return err;

    tn_sql_stmt *st;
    o = 0;
    append(sql, sizeof sql, &o, "SELECT 1 FROM %s LIMIT 1", table);
    if ((err = prepare_built(s, sql, o, sizeof sql, &st)))
        return err;
    int rc = tn_sql_step(st);
    tn_sql_finalize(st);
    if (rc != TN_SQL_ROW && rc != TN_SQL_DONE)
        return tn__store_fail(s, "look at stored rows");
    imp->was_empty = rc == TN_SQL_DONE;
    if (imp->was_empty && (err = drop_indexes(imp, table)))
        return err;

    return tn__store_prepare(s,
                             "UPDATE import_batch SET rows_new = ?1, rows_changed = ?2, "
                             "rows_same = ?3 WHERE id = ?4",
                             &imp->finish);
}

tn_err tn__sq_import_begin(struct tn__sq *s, const char *table, const char *const *keys,
                           size_t nkeys, const char *const *cols, size_t ncols, const char *kind,
                           const char *file, const char *now, struct tn__sq_import **out)
{
    if (nkeys + ncols > MAX_VALUES) {
        snprintf(s->errmsg, sizeof s->errmsg, "import of %s: too many columns", table);
        return TN_ERR_STORE;
    }
    struct tn__sq_import *imp = tn_xcalloc(1, sizeof *imp);
    imp->s = s;
    imp->nkeys = nkeys;
    imp->ncols = ncols;
    imp->now = now;
    tn_err err = prepare_all(imp, table, keys, cols);
    if (err)
        goto fail;
    long long batch;
    if ((err = tn__store_batch(s, kind, file, now, 0, 0, "record import batch", &batch)))
        goto fail;
    imp->batch = batch;
    *out = imp;
    return TN_OK;
fail:
    tn__sq_import_free(imp);
    return err;
}

tn_err tn__sq_import_find(struct tn__sq_import *imp, const struct tn_store_value *keys,
                          long *version, struct tn_store_value *cur)
{
    if (imp->was_empty) {
        *version = 0;
        return TN_OK;
    }
    tn_sql_stmt *st = imp->find;
    tn_sql_reset(st);
    for (size_t i = 0; i < imp->nkeys; i++)
        bind_value(st, (int)i + 1, &keys[i]);
    int rc = tn_sql_step(st);
    if (rc == TN_SQL_DONE) {
        *version = 0;
        return TN_OK;
    }
    if (rc != TN_SQL_ROW)
        return tn__store_fail(imp->s, "look up stored row");
    *version = (long)tn_sql_column_int64(st, 0);
    for (size_t i = 0; i < imp->ncols; i++) {
        int c = (int)i + 1;
        switch (tn_sql_column_type(st, c)) {
        case TN_SQL_NULL:
            cur[i] = (struct tn_store_value){.type = TN_SV_NULL};
            break;
        case TN_SQL_INTEGER:
            cur[i] = (struct tn_store_value){.type = TN_SV_INT, .num = tn_sql_column_int64(st, c)};
            break;
        default:
            cur[i] = (struct tn_store_value){.type = TN_SV_TEXT,
                                             .text = (const char *)tn_sql_column_text(st, c)};
        }
    }
    return TN_OK;
}

/* Writes the row of nvals values v by the one-row statement: TN_ERR_CONFLICT when its key is
 * written already. */
static tn_err insert_one(struct tn__sq_import *imp, const struct tn_store_value *v, long old)
{
    tn_sql_stmt *st = imp->insert;
    tn_sql_reset(st);
    int n = 1;
    for (size_t i = 0; i < imp->nkeys + imp->ncols; i++)
        bind_value(st, n++, &v[i]);
    tn_sql_bind_int64(st, n++, old + 1);
    tn_sql_bind_text(st, n++, imp->now, -1, TN_SQL_STATIC);
    tn_sql_bind_int64(st, n, imp->batch);
    if (tn_sql_step(st) != TN_SQL_DONE)
        return tn__store_fail(imp->s, "store row");
    return tn_sql_changes(imp->s->db) ? TN_OK : TN_ERR_CONFLICT;
}

/* Appends text to the COPY rows, escaped for COPY's text format. */
static void copy_text(struct tn__sq_import *imp, const char *t)
{
    size_t len = strlen(t);
    TN_GROW(imp->copy, imp->capcopy, imp->ncopy + 2 * len + 2);
    for (; *t; t++) {
        char c = *t, e = c == '\\' ? '\\' : c == '\t' ? 't' : c == '\n' ? 'n' : c == '\r' ? 'r' : 0;
        if (e) {
            imp->copy[imp->ncopy++] = '\\';
            c = e;
        }
        imp->copy[imp->ncopy++] = c;
    }
}

/* Writes the n kept rows by one COPY in a savepoint: TN_ERR_CONFLICT, nothing written, when a
 * key among them is written already. */
static tn_err copy_rows(struct tn__sq_import *imp, size_t n)
{
    struct tn__sq *s = imp->s;
    size_t nv = imp->nvals;
    imp->ncopy = 0;
    char tail[64];
    snprintf(tail, sizeof tail, "1\t%s\t%lld\n", imp->now, imp->batch);
    for (size_t r = 0; r < n; r++) {
        for (size_t i = 0; i < nv; i++) {
            const struct tn_store_value *v = &imp->vals[r * nv + i];
            char num[24];
            if (v->type == TN_SV_INT) {
                snprintf(num, sizeof num, "%lld", (long long)v->num);
                copy_text(imp, num);
            } else if (v->type == TN_SV_TEXT && v->text && *v->text) {
                copy_text(imp, v->text);
            } else {
                copy_text(imp, "");
                TN_GROW(imp->copy, imp->capcopy, imp->ncopy + 2);
                imp->copy[imp->ncopy++] = '\\';
                imp->copy[imp->ncopy++] = 'N';
            }
            TN_GROW(imp->copy, imp->capcopy, imp->ncopy + 1);
            imp->copy[imp->ncopy++] = '\t';
        }
        size_t k = strlen(tail); /* version, known_at, batch_id: nothing to escape */
        TN_GROW(imp->copy, imp->capcopy, imp->ncopy + k);
        memcpy(imp->copy + imp->ncopy, tail, k);
        imp->ncopy += k;
    }
    tn_err err = tn__store_exec(s, "SAVEPOINT tn_copy");
    if (err)
        return err;
    if (tn_sql_copy_in(s->db, imp->copy_sql, imp->copy, imp->ncopy) == TN_SQL_OK)
        return tn__store_exec(s, "RELEASE tn_copy");
    int constraint = tn_sql_errcode(s->db) == TN_SQL_CONSTRAINT;
    char why[sizeof s->errmsg];
    snprintf(why, sizeof why, "%s", tn_sql_errmsg(s->db));
    if ((err = tn__store_exec(s, "ROLLBACK TO tn_copy; RELEASE tn_copy")))
        return err;
    if (constraint)
        return TN_ERR_CONFLICT;
    snprintf(s->errmsg, sizeof s->errmsg, "store rows: %.400s", why);
    return TN_ERR_STORE;
}

/* Writes the kept rows: a full batch by one statement, unless a key among them is written
 * already; then, and for a last short batch, row by row, each repeated key reported. */
static tn_err flush(struct tn__sq_import *imp)
{
    size_t nv = imp->nvals, n = imp->pending;
    if (!n)
        return TN_OK;
    for (size_t i = 0; i < n * nv; i++) /* offsets into the pool, now stable, to pointers */
        if (imp->vals[i].type == TN_SV_TEXT)
            imp->vals[i].text = imp->pool + (size_t)(uintptr_t)imp->vals[i].text;
    imp->pending = imp->poolsz = 0;
    long seq = imp->puts - (long)n;
    if (imp->copy_sql) {
        tn_err err = copy_rows(imp, n);
        if (err != TN_ERR_CONFLICT)
            return err;
    } else if (n == imp->per) {
        tn_sql_stmt *st = imp->insert_many;
        tn_sql_reset(st);
        int k = 1;
        for (size_t r = 0; r < n; r++) {
            for (size_t i = 0; i < nv; i++)
                bind_value(st, k++, &imp->vals[r * nv + i]);
            tn_sql_bind_int64(st, k++, 1);
            tn_sql_bind_text(st, k++, imp->now, -1, TN_SQL_STATIC);
            tn_sql_bind_int64(st, k++, imp->batch);
        }
        int rc = tn_sql_step(st);
        tn_sql_reset(st);
        if (rc == TN_SQL_DONE)
            return TN_OK;
        if (tn_sql_extended_errcode(imp->s->db) != TN_SQL_CONSTRAINT_PRIMARYKEY)
            return tn__store_fail(imp->s, "store rows");
    }
    for (size_t r = 0; r < n; r++) {
        tn_err err = insert_one(imp, &imp->vals[r * nv], 0);
        if (err == TN_ERR_CONFLICT)
            imp->conflict(imp->ctx, seq + (long)r);
        else if (err)
            return err;
    }
    return TN_OK;
}

/* Keeps a copy of a row of a first load to write it with others. */
static tn_err keep(struct tn__sq_import *imp, const struct tn_store_value *keys,
                   const struct tn_store_value *vals)
{
    struct tn_store_value *v = &imp->vals[imp->pending * imp->nvals];
    for (size_t i = 0; i < imp->nvals; i++) {
        v[i] = i < imp->nkeys ? keys[i] : vals[i - imp->nkeys];
        if (v[i].type != TN_SV_TEXT || !v[i].text || !*v[i].text) {
            if (v[i].type == TN_SV_TEXT)
                v[i] = (struct tn_store_value){.type = TN_SV_NULL};
            continue;
        }
        size_t len = strlen(v[i].text) + 1;
        TN_GROW(imp->pool, imp->poolcap, imp->poolsz + len);
        memcpy(imp->pool + imp->poolsz, v[i].text, len);
        v[i].text = (const char *)(uintptr_t)imp->poolsz; /* an offset while the pool grows */
        imp->poolsz += len;
    }
    imp->puts++;
    return ++imp->pending == imp->per ? flush(imp) : TN_OK;
}

tn_err tn__sq_import_batch(struct tn__sq_import *imp, void (*conflict)(void *ctx, long seq),
                           void *ctx)
{
    tn_err err = flush(imp);
    imp->conflict = conflict;
    imp->ctx = ctx;
    if (err || !conflict || !imp->was_empty || imp->insert_many || imp->vals)
        return err;
    imp->nvals = imp->nkeys + imp->ncols;
    if (imp->copy_sql) { /* PostgreSQL: COPY, 4,096 rows at a time */
        imp->per = 4096;
        imp->vals = tn_xmalloc(imp->per * imp->nvals * sizeof *imp->vals);
        return TN_OK;
    }
    /* as many rows as SQLite takes values in one statement, at most 64 */
    size_t each = imp->nkeys + imp->ncols + 3;
    size_t most = (size_t)tn_sql_max_variables(imp->s->db) / each;
    imp->per = most < 64 ? most : 64;
    if (imp->per < 2) {
        imp->conflict = NULL;
        return TN_OK;
    }
    char *sql = NULL;
    size_t cap = 0, o = 0;
    size_t len = strlen(imp->insert_sql);
    TN_GROW(sql, cap, len + imp->per * (each * 3 + 4) + 1);
    memcpy(sql, imp->insert_sql, len); /* "INSERT INTO t (...) VALUES " */
    o = len;
    for (size_t r = 0; r < imp->per; r++) {
        sql[o++] = r ? ',' : ' ';
        sql[o++] = '(';
        for (size_t i = 0; i < each; i++) {
            if (i)
                sql[o++] = ',';
            sql[o++] = '?';
        }
        sql[o++] = ')';
    }
    sql[o] = '\0';
    err = tn__store_prepare(imp->s, sql, &imp->insert_many);
    free(sql);
    imp->vals = tn_xmalloc(imp->per * imp->nvals * sizeof *imp->vals);
    return err;
}

tn_err tn__sq_import_put(struct tn__sq_import *imp, const struct tn_store_value *keys,
                         const struct tn_store_value *vals, long old)
{
    if (imp->conflict && (imp->insert_many || imp->copy_sql) && imp->vals && old == 0)
        return keep(imp, keys, vals);
    if (old > 0) {
        tn_sql_stmt *up = imp->supersede;
        tn_sql_reset(up);
        tn_sql_bind_text(up, 1, imp->now, -1, TN_SQL_STATIC);
        tn_sql_bind_int64(up, 2, old);
        for (size_t i = 0; i < imp->nkeys; i++)
            bind_value(up, (int)i + 3, &keys[i]);
        if (tn_sql_step(up) != TN_SQL_DONE)
            return tn__store_fail(imp->s, "supersede stored row");
    }
    struct tn_store_value v[MAX_VALUES];
    for (size_t i = 0; i < imp->nkeys + imp->ncols; i++)
        v[i] = i < imp->nkeys ? keys[i] : vals[i - imp->nkeys];
    return insert_one(imp, v, old);
}

int tn__sq_import_first(const struct tn__sq_import *imp)
{
    return imp->was_empty;
}

tn_err tn__sq_import_written(struct tn__sq_import *imp, const struct tn_store_value *keys,
                             int *found)
{
    tn_err err = flush(imp); /* the kept rows first */
    if (err)
        return err;
    tn_sql_stmt *st = imp->find;
    tn_sql_reset(st);
    for (size_t i = 0; i < imp->nkeys; i++)
        bind_value(st, (int)i + 1, &keys[i]);
    int rc = tn_sql_step(st);
    tn_sql_reset(st);
    if (rc != TN_SQL_ROW && rc != TN_SQL_DONE)
        return tn__store_fail(imp->s, "look up stored row");
    *found = rc == TN_SQL_ROW;
    return TN_OK;
}

tn_err tn__sq_import_finish(struct tn__sq_import *imp, long rows_new, long rows_changed,
                            long rows_same)
{
    tn_err ferr = flush(imp);
    if (ferr)
        return ferr;
    for (size_t i = 0; i < imp->nindex; i++) {
        tn_err err = tn__store_exec(imp->s, imp->index_sql[i]);
        if (err)
            return err;
    }
    tn_sql_stmt *st = imp->finish;
    tn_sql_reset(st);
    tn_sql_bind_int64(st, 1, rows_new);
    tn_sql_bind_int64(st, 2, rows_changed);
    tn_sql_bind_int64(st, 3, rows_same);
    tn_sql_bind_int64(st, 4, imp->batch);
    int rc = tn_sql_step(st);
    tn_sql_reset(st);
    return rc == TN_SQL_DONE ? TN_OK : tn__store_fail(imp->s, "finish import batch");
}

void tn__sq_import_free(struct tn__sq_import *imp)
{
    if (!imp)
        return;
    tn_sql_finalize(imp->find);
    tn_sql_finalize(imp->insert);
    tn_sql_finalize(imp->supersede);
    tn_sql_finalize(imp->finish);
    tn_sql_finalize(imp->insert_many);
    free(imp->insert_sql);
    free(imp->copy_sql);
    free(imp->copy);
    free(imp->vals);
    free(imp->pool);
    for (size_t i = 0; i < imp->nindex; i++)
        free(imp->index_sql[i]);
    free(imp->index_sql);
    free(imp);
}

tn_err tn__sq_lookup_new(struct tn__sq *s, const char *table, const char *col,
                         struct tn__sq_lookup **out)
{
    char sql[256];
    if ((size_t)snprintf(sql, sizeof sql,
                         "SELECT 1 FROM %s WHERE %s = ?1 AND superseded_at IS NULL LIMIT 1", table,
                         col) >= sizeof sql) {
        snprintf(s->errmsg, sizeof s->errmsg, "lookup statement for %s too long", table);
        return TN_ERR_STORE;
    }
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(s, sql, &st);
    if (err)
        return err;
    struct tn__sq_lookup *lk = tn_xmalloc(sizeof *lk);
    lk->s = s;
    lk->st = st;
    /* in the column's order said, not the scan's: a partitioned table (pg_schema.sql) is
     * read partition by partition */
    if ((size_t)snprintf(lk->sql, sizeof lk->sql,
                         "SELECT %s FROM %s WHERE superseded_at IS NULL ORDER BY %s", col, table,
                         col) >= sizeof lk->sql) {
        snprintf(s->errmsg, sizeof s->errmsg, "lookup statement for %s too long", table);
        tn_sql_finalize(st);
        free(lk);
        return TN_ERR_STORE;
    }
    *out = lk;
    return TN_OK;
}

tn_err tn__sq_lookup_each(struct tn__sq_lookup *lk,
                          tn_err (*value)(void *ctx, const char *v, size_t len), void *ctx)
{
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(lk->s, lk->sql, &st);
    if (err)
        return err;
    int rc = TN_SQL_DONE;
    while (!err && (rc = tn_sql_step(st)) == TN_SQL_ROW) {
        const char *v = (const char *)tn_sql_column_text(st, 0);
        if (v)
            err = value(ctx, v, (size_t)tn_sql_column_bytes(st, 0));
    }
    if (!err && rc != TN_SQL_DONE)
        err = tn__store_fail(lk->s, "read the referenced keys");
    tn_sql_finalize(st);
    return err;
}

tn_err tn__sq_lookup_exists(struct tn__sq_lookup *lk, const char *value, int *found)
{
    tn_sql_bind_text(lk->st, 1, value, -1, TN_SQL_STATIC);
    int rc = tn_sql_step(lk->st);
    tn_sql_reset(lk->st);
    if (rc != TN_SQL_ROW && rc != TN_SQL_DONE)
        return tn__store_fail(lk->s, "look up key");
    *found = rc == TN_SQL_ROW;
    return TN_OK;
}

void tn__sq_lookup_free(struct tn__sq_lookup *lk)
{
    if (!lk)
        return;
    tn_sql_finalize(lk->st);
    free(lk);
}

tn_err tn__sq_payment_lookup(struct tn__sq *s, const char *txn_id, int *found, int64_t *amount,
                             int *is_reversal)
{
    tn_sql_stmt *st;
    tn_err err = tn__store_cached(s,
                                  "SELECT amount, reverses FROM payment WHERE txn_id = ?1 AND "
                                  "superseded_at IS NULL",
                                  &st);
    if (err)
        return err;
    tn_sql_bind_text(st, 1, txn_id, -1, TN_SQL_STATIC);
    int rc = tn_sql_step(st);
    if (rc == TN_SQL_ROW) {
        *amount = tn_sql_column_int64(st, 0);
        *is_reversal = tn_sql_column_type(st, 1) != TN_SQL_NULL;
    }
    tn_sql_reset(st);
    if (rc != TN_SQL_ROW && rc != TN_SQL_DONE)
        return tn__store_fail(s, "look up payment");
    *found = rc == TN_SQL_ROW;
    return TN_OK;
}
