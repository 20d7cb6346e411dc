/*
 * app_audit.c - the audit log (app_user.h; issue 12 item 5): one entry per change through the
 * API or the CLI (who, when, operation, target, outcome, before -> after), appended at
 * app->now and never edited (the store refuses it). Its reading is a table of typed columns,
 * so every writer (CSV, JSON, ...) shows it.
 */
#include "app_int.h"

#include <stdio.h>
#include <string.h>

#include "thuno/app_user.h"
#include "thuno/period.h"
#include "thuno/store.h"

/* clang-format off */
#define AUDIT_COLS(X, p)                                                                           \
    X(p, seq, NUMBER, "Số thứ tự", "Sequence", 0)                                                  \
    X(p, at, TEXT, "Thời điểm", "At", 0)                                                           \
    X(p, actor, TEXT, "Người thực hiện", "Actor", 0)                                               \
    X(p, operation, TEXT, "Thao tác", "Operation", 0)                                              \
    X(p, target, TEXT, "Đối tượng", "Target", 0)                                                   \
    X(p, outcome, TEXT, "Kết quả", "Outcome", 0)                                                   \
    X(p, summary, TEXT, "Nội dung", "Summary", 0)
TN_COLUMNS(AUDIT, AUDIT_COLS);
/* clang-format on */

const struct tn_col *tn_app_audit_cols(size_t *ncols)
{
    *ncols = AUDIT_NCOLS;
    return AUDIT_cols;
}

tn_err tn_app_audit_add(struct tn_app *app, const char *actor, const char *operation,
                        const char *target, const char *outcome, const char *summary)
{
    struct tn_audit_row r;
    memset(&r, 0, sizeof r);
    snprintf(r.at, sizeof r.at, "%s", app->now);
    snprintf(r.actor, sizeof r.actor, "%s", actor ? actor : "");
    snprintf(r.operation, sizeof r.operation, "%s", operation);
    snprintf(r.target, sizeof r.target, "%s", target ? target : "");
    snprintf(r.outcome, sizeof r.outcome, "%s", outcome);
    snprintf(r.summary, sizeof r.summary, "%s", summary ? summary : "");
    tn_err err = tn_store_audit_add(app->store, &r, NULL);
    if (err)
        return tn__app_fail(app, err, "cannot append to the audit log: %s",
                            tn_store_errmsg(app->store));
    return TN_OK;
}

tn_err tn_app_change_begin(struct tn_app *app)
{
    tn_err err = tn_store_begin(app->store);
    if (err)
        return tn__app_fail(app, err, "cannot start the change: %s", tn_store_errmsg(app->store));
    app->changing = 1;
    return TN_OK;
}

void tn_app_change_drop(struct tn_app *app)
{
    if (app->changing)
        tn_store_rollback(app->store);
    app->changing = 0;
}

tn_err tn_app_change_end(struct tn_app *app, tn_err err, const char *actor, const char *operation,
                         const char *target, const char *summary)
{
    if (!app->changing) { /* nothing begun: the entry alone, as it was before changes nested */
        char why[sizeof app->why];
        snprintf(why, sizeof why, "%s", err ? tn_app_why(app, err) : "");
        tn_err aerr = tn_app_audit_add(app, actor, operation, target, err ? "failed" : "ok",
                                       err ? why : summary);
        if (err)
            snprintf(app->why, sizeof app->why, "%s", why);
        return err ? err : aerr;
    }
    app->changing = 0;
    if (err) {
        char why[sizeof app->why];
        snprintf(why, sizeof why, "%s", tn_app_why(app, err));
        tn_store_rollback(app->store);
        /* nothing changed: an entry that cannot be written loses only the refusal's trace */
        (void)tn_app_audit_add(app, actor, operation, target, "failed", why);
        snprintf(app->why, sizeof app->why, "%s", why);
        return err;
    }
    tn_err aerr = tn_app_audit_add(app, actor, operation, target, "ok", summary);
    if (!aerr && (aerr = tn_store_commit(app->store)))
        tn__app_fail(app, aerr, "cannot commit the change: %s", tn_store_errmsg(app->store));
    if (aerr) {
        tn_store_rollback(app->store);
        return aerr;
    }
    return TN_OK;
}

static tn_err audit_row(void *ctx, const struct tn_audit_row *r)
{
    const struct tn_sink *out = ctx;
    struct tn_cell c[AUDIT_NCOLS];
    c[AUDIT_seq] = tn_cell_int(r->seq);
    c[AUDIT_at] = tn_cell_text(r->at);
    c[AUDIT_actor] = tn_cell_text(r->actor);
    c[AUDIT_operation] = tn_cell_text(r->operation);
    c[AUDIT_target] = tn_cell_text(r->target);
    c[AUDIT_outcome] = tn_cell_text(r->outcome);
    c[AUDIT_summary] = tn_cell_text(r->summary);
    return out->row(out->ctx, c);
}

/* 1 when t is a day "YYYY-MM-DD" or a time "YYYY-MM-DDTHH:MM:SS" */
static int is_time(const char *t)
{
    tn_day d;
    char day[11];
    size_t n = strlen(t);
    if (n != 10 && n != 19)
        return 0;
    memcpy(day, t, 10);
    day[10] = '\0';
    if (tn_day_parse(day, &d))
        return 0;
    if (n == 10)
        return 1;
    int h, m, s;
    char tail;
    return t[10] == 'T' && sscanf(t + 11, "%2d:%2d:%2d%c", &h, &m, &s, &tail) == 3 && h < 24 &&
           m < 60 && s < 60;
}

tn_err tn_app_audit(struct tn_app *app, const struct tn_audit_filter *f, const struct tn_sink *out)
{
    if (f && ((f->from && !is_time(f->from)) || (f->to && !is_time(f->to))))
        return tn__app_fail(app, TN_ERR_USAGE,
                            "from/to phải là ngày YYYY-MM-DD hoặc thời điểm YYYY-MM-DDTHH:MM:SS / "
                            "from and to must be a day or a time");
    tn_err err = tn_store_audit(app->store, f, audit_row, (void *)out);
    if (err == TN_ERR_STORE)
        return tn__app_fail(app, err, "%s", tn_store_errmsg(app->store));
    return err;
}
