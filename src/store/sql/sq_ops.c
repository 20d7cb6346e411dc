/*
 * sq_ops.c - the SQLite backend's table of operations (store_ops.h, docs/store.md): each
 * entry turns the seam's void *impl back into the backend's struct tn__sq and calls
 * tn__sq_<name>, generated from the one list TN_STORE_OPS.
 */
#include "store_int.h"

#include <stdio.h>

static tn_err sq_open(const char *url, int create, void **impl, char errmsg[256])
{
    struct tn__sq *s;
    tn_err err = tn__sq_open(url, create, &s, errmsg);
    if (!err)
        *impl = s;
    return err;
}

static void sq_close(void *impl)
{
    tn__sq_close(impl);
}

static const char *sq_errmsg(const void *impl)
{
    return tn__sq_errmsg(impl);
}

static tn_err sq_begin(void *impl)
{
    return tn__sq_begin(impl);
}

static tn_err sq_commit(void *impl)
{
    return tn__sq_commit(impl);
}

static tn_err sq_migrate(void *impl, int *from, int *to)
{
    return tn__sq_migrate(impl, from, to);
}

static tn_err sq_test_migrate(void *impl, int fail_at, int *from, int *to)
{
    return tn__sq_migrate_test(impl, fail_at, from, to);
}

static tn_err sq_copy(void *to, void *from,
                      void (*table)(void *ctx, const char *name, long long rows), void *ctx)
{
    return tn__sq_copy(to, from, table, ctx);
}

static void sq_rollback(void *impl)
{
    tn__sq_rollback(impl);
}

static tn_err sq_import_begin(void *impl, const char *table, const char *const *keys, size_t nkeys,
                              const char *const *cols, size_t ncols, const char *kind,
                              const char *file, const char *now, void **imp)
{
    struct tn__sq_import *p;
    tn_err err = tn__sq_import_begin(impl, table, keys, nkeys, cols, ncols, kind, file, now, &p);
    if (!err)
        *imp = p;
    return err;
}

static tn_err sq_import_find(void *imp, const struct tn_store_value *keys, long *version,
                             struct tn_store_value *cur)
{
    return tn__sq_import_find(imp, keys, version, cur);
}

static tn_err sq_import_put(void *imp, const struct tn_store_value *keys,
                            const struct tn_store_value *vals, long old)
{
    return tn__sq_import_put(imp, keys, vals, old);
}

static tn_err sq_import_finish(void *imp, long rows_new, long rows_changed, long rows_same)
{
    return tn__sq_import_finish(imp, rows_new, rows_changed, rows_same);
}

static void sq_import_free(void *imp)
{
    tn__sq_import_free(imp);
}

static int sq_import_first(const void *imp)
{
    return tn__sq_import_first(imp);
}

static tn_err sq_import_batch(void *imp, void (*conflict)(void *ctx, long seq), void *ctx)
{
    return tn__sq_import_batch(imp, conflict, ctx);
}

static tn_err sq_import_written(void *imp, const struct tn_store_value *keys, int *found)
{
    return tn__sq_import_written(imp, keys, found);
}

static tn_err sq_lookup_each(void *lk, tn_err (*value)(void *ctx, const char *v, size_t len),
                             void *ctx)
{
    return tn__sq_lookup_each(lk, value, ctx);
}

static tn_err sq_lookup_new(void *impl, const char *table, const char *col, void **lk)
{
    struct tn__sq_lookup *p;
    tn_err err = tn__sq_lookup_new(impl, table, col, &p);
    if (!err)
        *lk = p;
    return err;
}

static tn_err sq_lookup_exists(void *lk, const char *value, int *found)
{
    return tn__sq_lookup_exists(lk, value, found);
}

static void sq_lookup_free(void *lk)
{
    tn__sq_lookup_free(lk);
}

static tn_err sq_test_exec(void *impl, const char *sql)
{
    return tn__store_exec(impl, sql);
}

static tn_err sq_test_text(void *impl, const char *sql, char *out, size_t outsz)
{
    struct tn__sq *s = impl;
    tn_sql_stmt *st;
    int found = 0;
    tn_err err = tn__store_prepare(s, sql, &st);
    if (err)
        return err;
    if (!(err = tn__store_step_one(s, st, &found, "test query")))
        snprintf(out, outsz, "%s", found ? tn__col_text(st, 0) : "");
    tn_sql_finalize(st);
    return err;
}

#define X(name, fn, params, args)                                                                  \
    static tn_err sq_##name(void *impl, TN__UNPAREN params)                                        \
    {                                                                                              \
        return tn__sq_##name(impl, TN__UNPAREN args);                                              \
    }
TN_STORE_OPS(X)
#undef X

static const struct tn_store_ops sq_ops = {.name = "sqlite",
                                           .close = sq_close,
                                           .errmsg = sq_errmsg,
                                           .begin = sq_begin,
                                           .commit = sq_commit,
                                           .rollback = sq_rollback,
                                           .migrate = sq_migrate,
                                           .migration_name = tn__sq_migration_name,
                                           .import_begin = sq_import_begin,
                                           .import_find = sq_import_find,
                                           .import_put = sq_import_put,
                                           .import_finish = sq_import_finish,
                                           .import_free = sq_import_free,
                                           .import_first = sq_import_first,
                                           .import_written = sq_import_written,
                                           .import_batch = sq_import_batch,
                                           .lookup_new = sq_lookup_new,
                                           .lookup_exists = sq_lookup_exists,
                                           .lookup_each = sq_lookup_each,
                                           .lookup_free = sq_lookup_free,
                                           .test_exec = sq_test_exec,
                                           .test_text = sq_test_text,
                                           .test_migrate = sq_test_migrate,
                                           .copy = sq_copy,
#define X(name, fn, params, args) .name = sq_##name,
                                           TN_STORE_OPS(X)
#undef X
};

const struct tn_store_backend tn__sq_backend = {
    .ops = &sq_ops, .open = sq_open, .wipe = tn__sq_wipe};
