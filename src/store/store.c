/*
 * store.c - the seam under the store (store_ops.h, docs/store.md): tn_store_open picks the
 * backend by the URL, and every public store function is a wrapper that calls through the
 * backend's table of operations. No SQL here: it lives in the backends (src/store/sql/).
 */
#include "store/store_ops.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_test.h"
#include "thuno/mem.h"

/* An import or lookup object: the backend's own, and the table to reach it through. */
struct tn_store_import {
    const struct tn_store_ops *ops;
    void *impl;
};
struct tn_store_lookup {
    const struct tn_store_ops *ops;
    void *impl;
};

tn_err tn_store_open(const char *url, int create, struct tn_store **out, char errmsg[256])
{
    char dummy[256];
    if (!errmsg)
        errmsg = dummy;
    errmsg[0] = '\0';
    /* a path, ":memory:", sqlite:PATH or a postgresql:// URL: one SQL backend, two engines */
    const struct tn_store_backend *b = &tn__sq_backend;
    if (strncmp(url, "sqlite:", 7) == 0)
        url += 7;
    void *impl;
    tn_err err = b->open(url, create, &impl, errmsg);
    if (err)
        return err;
    struct tn_store *s = tn_xmalloc(sizeof *s);
    s->ops = b->ops;
    s->impl = impl;
    *out = s;
    return TN_OK;
}

void tn_store_free(struct tn_store *s)
{
    if (!s)
        return;
    s->ops->close(s->impl);
    free(s);
}

const char *tn_store_errmsg(const struct tn_store *s)
{
    return s->ops->errmsg(s->impl);
}

tn_err tn_store_migrate(struct tn_store *s, int *from, int *to)
{
    return s->ops->migrate(s->impl, from, to);
}

const char *tn_store_migration_name(const struct tn_store *s, int version)
{
    return s->ops->migration_name(version);
}

tn_err tn_store_copy(struct tn_store *to, struct tn_store *from,
                     void (*table)(void *ctx, const char *name, long long rows), void *ctx)
{
    if (to->ops != from->ops) /* one backend today: its stores read each other's catalogs */
        return TN_ERR_USAGE;
    return to->ops->copy(to->impl, from->impl, table, ctx);
}

tn_err tn_store_begin(struct tn_store *s)
{
    return s->ops->begin(s->impl);
}

tn_err tn_store_commit(struct tn_store *s)
{
    return s->ops->commit(s->impl);
}

void tn_store_rollback(struct tn_store *s)
{
    s->ops->rollback(s->impl);
}

tn_err tn_store_import_begin(struct tn_store *s, const char *table, const char *const *keys,
                             size_t nkeys, const char *const *cols, size_t ncols, const char *kind,
                             const char *file, const char *now, struct tn_store_import **out)
{
    void *impl;
    tn_err err =
        s->ops->import_begin(s->impl, table, keys, nkeys, cols, ncols, kind, file, now, &impl);
    if (err)
        return err;
    struct tn_store_import *imp = tn_xmalloc(sizeof *imp);
    imp->ops = s->ops;
    imp->impl = impl;
    *out = imp;
    return TN_OK;
}

tn_err tn_store_import_find(struct tn_store_import *imp, const struct tn_store_value *keys,
                            long *version, struct tn_store_value *cur)
{
    return imp->ops->import_find(imp->impl, keys, version, cur);
}

tn_err tn_store_import_put(struct tn_store_import *imp, const struct tn_store_value *keys,
                           const struct tn_store_value *vals, long old)
{
    return imp->ops->import_put(imp->impl, keys, vals, old);
}

int tn_store_import_first(const struct tn_store_import *imp)
{
    return imp->ops->import_first(imp->impl);
}

tn_err tn_store_import_batch(struct tn_store_import *imp, void (*conflict)(void *ctx, long seq),
                             void *ctx)
{
    return imp->ops->import_batch(imp->impl, conflict, ctx);
}

tn_err tn_store_import_written(struct tn_store_import *imp, const struct tn_store_value *keys,
                               int *found)
{
    return imp->ops->import_written(imp->impl, keys, found);
}

tn_err tn_store_import_finish(struct tn_store_import *imp, long rows_new, long rows_changed,
                              long rows_same)
{
    return imp->ops->import_finish(imp->impl, rows_new, rows_changed, rows_same);
}

void tn_store_import_free(struct tn_store_import *imp)
{
    if (!imp)
        return;
    imp->ops->import_free(imp->impl);
    free(imp);
}

tn_err tn_store_lookup_new(struct tn_store *s, const char *table, const char *col,
                           struct tn_store_lookup **out)
{
    void *impl;
    tn_err err = s->ops->lookup_new(s->impl, table, col, &impl);
    if (err)
        return err;
    struct tn_store_lookup *lk = tn_xmalloc(sizeof *lk);
    lk->ops = s->ops;
    lk->impl = impl;
    *out = lk;
    return TN_OK;
}

tn_err tn_store_lookup_exists(struct tn_store_lookup *lk, const char *value, int *found)
{
    return lk->ops->lookup_exists(lk->impl, value, found);
}

tn_err tn_store_lookup_each(struct tn_store_lookup *lk,
                            tn_err (*value)(void *ctx, const char *v, size_t len), void *ctx)
{
    return lk->ops->lookup_each(lk->impl, value, ctx);
}

void tn_store_lookup_free(struct tn_store_lookup *lk)
{
    if (!lk)
        return;
    lk->ops->lookup_free(lk->impl);
    free(lk);
}

tn_err tn__store_test_exec(struct tn_store *s, const char *sql)
{
    return s->ops->test_exec(s->impl, sql);
}

tn_err tn__store_test_text(struct tn_store *s, const char *sql, char *out, size_t outsz)
{
    return s->ops->test_text(s->impl, sql, out, outsz);
}

tn_err tn__store_test_migrate(struct tn_store *s, int fail_at, int *from, int *to)
{
    return s->ops->test_migrate(s->impl, fail_at, from, to);
}

/* The row operations: one wrapper each, with the public name and signature. */
#define X(name, fn, params, args)                                                                  \
    tn_err fn(struct tn_store *s, TN__UNPAREN params)                                              \
    {                                                                                              \
        return s->ops->name(s->impl, TN__UNPAREN args);                                            \
    }
TN_STORE_OPS(X)
#undef X

tn_err tn__store_test_wipe(const char *url, char errmsg[256])
{
    return tn__sq_backend.wipe(strncmp(url, "sqlite:", 7) == 0 ? url + 7 : url, errmsg);
}
