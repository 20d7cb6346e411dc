/*
 * app_import.c - importing the office's CSV files (app.h "imports"; data-formats.md "Common
 * rules"): all or nothing, every rejected row kept with its line, column and message for the
 * face to show. The reading and the checks are io's (io/import*.c); this is the call every
 * face makes.
 */
#include "app_int.h"

#include "thuno/store.h"

struct progress {
    void (*fn)(void *ctx, long long done, long long total);
    void *ctx;
};

/* io reports rows read; the app's progress takes a total too, unknown here */
static void rows_read(void *ctx, long long rows)
{
    const struct progress *p = ctx;
    p->fn(p->ctx, rows, 0);
}

tn_err tn_app_import(struct tn_app *app, const struct tn_scope *scope, enum tn_import_kind kind,
                     const char *path, int flags,
                     void (*progress)(void *ctx, long long done, long long total), void *ctx,
                     struct tn_import_report *rep)
{
    app->why[0] = '\0';
    tn_err err = tn__app_province_only(app, scope, "Nhập dữ liệu", "an import");
    if (err)
        return err;
    struct progress p = {progress, ctx};
    err = tn_import_file(app->store, kind, path, flags & TN_APP_IMPORT_UPDATE, app->now, rep,
                         progress ? rows_read : NULL, &p);
    if (err == TN_ERR_IO) {
        const char *why = "cannot read";
        for (size_t i = 0; i < rep->nerrors; i++)
            if (rep->errors[i].code == TN_ERR_IO)
                why = rep->errors[i].message;
        return tn__app_fail(app, err, "%s: %s", path, why);
    }
    if (err == TN_ERR_REJECTED) {
        /* past TN_IMPORT_MAX_ERRORS the last entry stands for the dropped ones */
        size_t n = rep->nerrors - (rep->errors_dropped ? 1 : 0) + (size_t)rep->errors_dropped;
        return tn__app_fail(app, err, "%s rejected, nothing imported: %zu error%s", path, n,
                            n == 1 ? "" : "s");
    }
    if (err)
        return tn__app_fail(app, err, "%s: %s", path, tn_store_errmsg(app->store));
    return TN_OK;
}
