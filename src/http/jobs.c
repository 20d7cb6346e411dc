/*
 * jobs.c - the API's writing endpoints (docs/api.md): CSV imports (all or nothing, the
 * rejected rows as a 422) and the monthly close, run in a background thread with its own
 * store connection while GET /api/v1/closes/{id} reads its progress. One close at a time.
 * Every change is in the audit log.
 */
#include "http_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "thuno/close.h"
#include "thuno/import.h"
#include "thuno/store.h"

/* The admin's scope of a write: the province office (a district admin is refused by the app). */
static struct tn_scope write_scope(const struct tn__http_req *q)
{
    struct tn_scope s = q->scope;
    s.officer = NULL;
    return s;
}

/* ---- imports ---- */

void tn__h_import(struct tn__http_req *q, struct tn__http_reply *r)
{
    const char *kind_name = q->segs[1];
    tn_err err = tn_app_authorize(q->app, &q->scope, q->user.login, TN_OP_import, kind_name);
    if (err) {
        tn__http_error(r, q->app, err);
        return;
    }
    enum tn_import_kind kind;
    if (tn_import_kind_parse(kind_name, &kind)) {
        tn__http_fail(r, 404, "not_found", "không có loại tệp này / no such import kind", NULL);
        return;
    }
    const char *update = tn__http_arg(q, "update");
    char path[] = "/tmp/thuno_import_XXXXXX";
    int fd = mkstemp(path);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!f || fwrite(q->body, 1, q->len, f) != q->len || fclose(f) != 0) {
        if (f)
            fclose(f);
        else if (fd >= 0)
            close(fd);
        unlink(path);
        tn__http_error(r, q->app, TN_ERR_IO);
        return;
    }
    struct tn_import_report rep;
    tn_import_report_init(&rep);
    struct tn_scope scope = write_scope(q);
    err = tn_app_change_begin(q->app); /* the import commits with its audit entry */
    if (!err)
        err = tn_app_import(q->app, &scope, kind, path,
                            update && strcmp(update, "1") == 0 ? TN_APP_IMPORT_UPDATE : 0, NULL,
                            NULL, &rep);
    unlink(path);
    char summary[160];
    if (err == TN_ERR_REJECTED)
        snprintf(summary, sizeof summary, "rejected: %zu errors, nothing written", rep.nerrors);
    else
        snprintf(summary, sizeof summary, "new %ld changed %ld same %ld suspense %ld", rep.rows_new,
                 rep.rows_changed, rep.rows_same, rep.rows_suspense);
    if (err == TN_ERR_REJECTED) /* the entry's reason: the app's names the temporary file */
        snprintf(q->app->why, sizeof q->app->why, "%s", summary);
    tn_err aerr = tn_app_change_end(q->app, err, q->user.login, "import", kind_name, summary);
    if (err == TN_ERR_REJECTED) {
        json_t *rows = json_array();
        for (size_t i = 0; i < rep.nerrors; i++) {
            const struct tn_import_error *e = &rep.errors[i];
            json_array_append_new(rows, json_pack("{s:I, s:s?, s:s}", "line", (json_int_t)e->line,
                                                  "column", e->column, "message", e->message));
        }
        char msg[160]; /* the app's words name the temporary file: not for the client */
        snprintf(msg, sizeof msg,
                 "tệp bị từ chối, không ghi gì: %zu lỗi / rejected, nothing written: %zu errors",
                 rep.nerrors, rep.nerrors);
        tn__http_fail(r, 422, "bad_rows", msg, json_pack("{s:o}", "rows", rows));
    } else if (err || aerr) {
        tn__http_error(r, q->app, err ? err : aerr);
    } else {
        tn__http_json(r, 200,
                      json_pack("{s:s, s:I, s:I, s:I, s:I}", "kind", kind_name, "rows_new",
                                (json_int_t)rep.rows_new, "rows_changed",
                                (json_int_t)rep.rows_changed, "rows_same",
                                (json_int_t)rep.rows_same, "rows_suspense",
                                (json_int_t)rep.rows_suspense));
    }
    tn_import_report_release(&rep);
}

/* ---- closes ---- */

static void progress(void *ctx, long long done, long long total)
{
    struct tn__http_job *job = ctx;
    pthread_mutex_lock(&job->srv->lock);
    job->done = done;
    job->total = total;
    pthread_mutex_unlock(&job->srv->lock);
}

static void *run_close(void *arg)
{
    struct tn__http_job *job = arg;
    struct tn_http_server *srv = job->srv;
    struct tn_store *s;
    char msg[512];
    tn_err err = tn_store_open(srv->db, 0, &s, msg);
    struct tn_close_stats stats;
    memset(&stats, 0, sizeof stats);
    if (!err) {
        struct tn_app app;
        tn_app_init(&app, s, srv->cfg.policy, job->now, TN_LANG_VI);
        struct tn_scope scope = {job->office[0] ? job->office : NULL, NULL, TN_ROLE_ADMIN};
        err = tn_app_change_begin(&app); /* the close commits with its audit entry */
        if (!err)
            err = tn_app_close(&app, &scope, job->period, progress, job, &stats);
        if (err)
            snprintf(msg, sizeof msg, "%s", tn_app_why(&app, err));
        else
            snprintf(msg, sizeof msg, "units %lld changed %lld workers %lld", stats.units,
                     stats.units_changed, stats.workers);
        char per[TN_PERIOD_BUFSZ];
        tn_period_format(job->period, per);
        tn_err aerr = tn_app_change_end(&app, err, job->actor, "close", per, msg);
        if (!err && aerr) {
            err = aerr;
            snprintf(msg, sizeof msg, "%s", tn_app_why(&app, aerr));
        }
        tn_store_free(s);
    }
    pthread_mutex_lock(&srv->lock);
    job->err = err;
    snprintf(job->message, sizeof job->message, "%s", msg);
    job->running = 0;
    pthread_mutex_unlock(&srv->lock);
    return NULL;
}

void tn__h_close(struct tn__http_req *q, struct tn__http_reply *r)
{
    json_error_t jerr;
    json_t *body = json_loadb(q->body ? q->body : "", q->len, 0, &jerr);
    const char *per = NULL;
    tn_period period;
    int ok = body && !json_unpack(body, "{s:s}", "period", &per) && !tn_period_parse(per, &period);
    char target[TN_PERIOD_BUFSZ] = "";
    if (ok)
        tn_period_format(period, target);
    tn_err err = tn_app_authorize(q->app, &q->scope, q->user.login, TN_OP_close, target);
    if (err) {
        json_decref(body);
        tn__http_error(r, q->app, err);
        return;
    }
    if (json_is_object(body) && tn__http_fields(r, body, "close")) {
        json_decref(body);
        return;
    }
    json_decref(body);
    if (!ok) {
        tn__http_fail(r, 400, "malformed",
                      "cần JSON {\"period\": \"YYYY-MM\"} / expected JSON {\"period\": "
                      "\"YYYY-MM\"}",
                      NULL);
        return;
    }
    /* the rule of the CLI's close, asked now: a period already closed or not closable is an
     * answer, not a job that fails later */
    err = tn_app_close_check(q->app, &q->scope, period);
    if (err == TN_ERR_CONFLICT || err == TN_ERR_RANGE) {
        int closed = err == TN_ERR_CONFLICT;
        /* audited as the CLI's refused close is: a failed close of that period */
        tn_app_audit_add(q->app, q->user.login, "close", target, "failed", tn_app_why(q->app, err));
        tn__http_fail(r, closed ? 409 : 422, closed ? "already_closed" : "not_closable",
                      tn_app_why(q->app, err), NULL);
        return;
    }
    if (err) {
        tn__http_error(r, q->app, err);
        return;
    }
    struct tn_http_server *srv = q->srv;
    pthread_mutex_lock(&srv->lock);
    struct tn__http_job *last =
        srv->njobs ? &srv->jobs[(srv->njobs - 1) % TN__HTTP_MAX_JOBS] : NULL;
    if (last && last->running) {
        long id = last->id;
        pthread_mutex_unlock(&srv->lock);
        char msg[160];
        snprintf(msg, sizeof msg, "đang khóa sổ (việc %ld) / a close is running (job %ld)", id, id);
        tn__http_fail(r, 409, "close_running", msg, json_pack("{s:I}", "job", (json_int_t)id));
        return;
    }
    if (last && !last->joined) {
        pthread_join(last->thread, NULL); /* ended: its thread is done */
        last->joined = 1;
    }
    struct tn__http_job *job = &srv->jobs[srv->njobs % TN__HTTP_MAX_JOBS];
    memset(job, 0, sizeof *job);
    job->id = srv->njobs + 1;
    job->period = period;
    job->running = 1;
    job->srv = srv;
    snprintf(job->actor, sizeof job->actor, "%s", q->user.login);
    snprintf(job->now, sizeof job->now, "%s", q->app->now);
    snprintf(job->office, sizeof job->office, "%s", q->scope.office ? q->scope.office : "");
    if (pthread_create(&job->thread, NULL, run_close, job) != 0) {
        job->running = 0;
        job->joined = 1;
        pthread_mutex_unlock(&srv->lock);
        tn__http_error(r, q->app, TN_ERR_IO);
        return;
    }
    srv->njobs++;
    long id = job->id;
    pthread_mutex_unlock(&srv->lock);
    tn__http_json(
        r, 202,
        json_pack("{s:I, s:s, s:s}", "id", (json_int_t)id, "period", target, "status", "running"));
}

void tn__h_close_get(struct tn__http_req *q, struct tn__http_reply *r)
{
    tn_err err = tn_app_authorize(q->app, &q->scope, q->user.login, TN_OP_close_read, q->segs[1]);
    if (err) {
        tn__http_error(r, q->app, err);
        return;
    }
    char *end;
    long id = strtol(q->segs[1], &end, 10);
    struct tn_http_server *srv = q->srv;
    pthread_mutex_lock(&srv->lock);
    if (*end || id < 1 || id > srv->njobs || id <= srv->njobs - TN__HTTP_MAX_JOBS) {
        pthread_mutex_unlock(&srv->lock);
        tn__http_fail(r, 404, "not_found", "không có việc khóa sổ này / no such close", NULL);
        return;
    }
    struct tn__http_job job = srv->jobs[(id - 1) % TN__HTTP_MAX_JOBS];
    pthread_mutex_unlock(&srv->lock);
    char per[TN_PERIOD_BUFSZ];
    tn_period_format(job.period, per);
    const char *status = job.running ? "running" : job.err ? "failed" : "done";
    json_t *j =
        json_pack("{s:I, s:s, s:s, s:I, s:I}", "id", (json_int_t)job.id, "period", per, "status",
                  status, "done", (json_int_t)job.done, "total", (json_int_t)job.total);
    if (!job.running)
        json_object_set_new(
            j, "result",
            job.err ? json_pack("{s:s, s:s}", "code", tn_err_name(job.err), "message", job.message)
                    : json_pack("{s:s}", "summary", job.message));
    tn__http_json(r, 200, j);
}

void tn__http_jobs_join(struct tn_http_server *srv)
{
    pthread_mutex_lock(&srv->lock);
    struct tn__http_job *last =
        srv->njobs ? &srv->jobs[(srv->njobs - 1) % TN__HTTP_MAX_JOBS] : NULL;
    int join = last && !last->joined;
    if (join)
        last->joined = 1;
    pthread_mutex_unlock(&srv->lock);
    if (join)
        pthread_join(last->thread, NULL);
}
