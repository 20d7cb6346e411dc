/*
 * app_store.c - an office's store moved to PostgreSQL (app_store.h; docs/store.md "Moving an
 * office to PostgreSQL"; issue 16 item 6): the source opened read-only, the target's schema
 * made in the transaction that copies the rows (tn_store_copy) and records the move in the
 * target's audit log, so that a failure leaves the database as empty as it was.
 */
#include "app_int.h"

#include <stdio.h>
#include <string.h>

#include "thuno/app_store.h"
#include "thuno/app_user.h"
#include "thuno/store.h"
#include "thuno/store_copy.h"

/* The face's callback, and the counts kept on the way. */
struct move_ctx {
    void (*table)(void *ctx, const char *name, long long rows);
    void *ctx;
    struct tn_app_move counts;
};

static void on_table(void *ctx, const char *name, long long rows)
{
    struct move_ctx *m = ctx;
    m->counts.tables++;
    m->counts.rows += rows;
    if (m->table)
        m->table(m->ctx, name, rows);
}

tn_err tn_app_store_move(struct tn_app *app, const char *from, const char *to, const char *actor,
                         void (*table)(void *ctx, const char *name, long long rows), void *ctx,
                         struct tn_app_move *out)
{
    struct tn_store *src = NULL, *dst = NULL;
    char msg[256];
    app->why[0] = '\0';
    tn_err err = tn_store_open(from, TN_STORE_READONLY, &src, msg);
    if (err) {
        /* an older store: the read-only open asks for `thuno migrate`; say on which file */
        if (strstr(msg, "older than this thuno"))
            return tn__app_fail(app, err,
                                "nguồn / source %s: %s (thuno --db %s migrate; chạy trước / run "
                                "it first)",
                                from, msg, from);
        return tn__app_fail(app, err, "nguồn / source %s: %s", from, msg);
    }
    int created = 1;
    err = tn_store_open(to, TN_STORE_CREATE_HELD, &dst, msg);
    if (err == TN_ERR_CONFLICT) { /* a thuno store there: taken only while empty (the copy) */
        created = 0;
        err = tn_store_open(to, TN_STORE_AS_IS, &dst, msg);
    }
    if (err) {
        tn_store_free(src);
        return tn__app_fail(app, err, "đích / target: %s", msg);
    }
    struct tn_app t;
    tn_app_init(&t, dst, app->policy, app->now, app->lang);
    struct move_ctx m = {table, ctx, {0, 0}};
    err = tn_app_change_begin(&t);
    if (!err && (err = tn_store_copy(dst, src, on_table, &m)))
        tn__app_fail(&t, err, "%s", tn_store_errmsg(dst));
    char summary[256];
    snprintf(summary, sizeof summary, "from %.160s: %d tables, %lld rows", from, m.counts.tables,
             m.counts.rows);
    /* a refused move writes nothing, not even its refusal: the target stays as it was, so that
     * an empty store refused once (a column no rule fills) is still empty for the next try */
    if (err)
        tn_app_change_drop(&t);
    else
        err = tn_app_change_end(&t, TN_OK, actor, "store.move", "store", summary);
    if (created && !err && (err = tn_store_commit(dst)))
        tn__app_fail(&t, err, "cannot commit the move: %s", tn_store_errmsg(dst));
    if (created && err)
        tn_store_rollback(dst); /* the schema made for it too: the database as it was */
    if (err)
        snprintf(app->why, sizeof app->why, "%s", t.why);
    else if (out)
        *out = m.counts;
    tn_store_free(dst);
    tn_store_free(src);
    return err;
}
