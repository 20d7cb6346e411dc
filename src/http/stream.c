/*
 * stream.c - a report sent as it is written (docs/api.md "Reports, streamed"): the report
 * runs on a thread of its own, on its own store connection, through the table writer into a
 * bounded buffer; the request's worker waits for the first TN__STREAM_HOLD bytes. A report
 * that fails before then is answered with its JSON error; one that ends within them is sent
 * whole; a larger one goes out chunked (MHD_create_response_from_callback) while the thread
 * writes the rest, the writer waiting whenever the buffer is full, so the server holds at
 * most TN__STREAM_CAP bytes of a report's output however large it is. A failure after the
 * first bytes left ends the connection without the closing chunk (the client sees a
 * truncated body, never a complete-looking one).
 */
#define _GNU_SOURCE /* fopencookie */
#include "http_int.h"

#include <microhttpd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "thuno/store.h"

#define TN__STREAM_CAP  (256u << 10) /* the buffer between the report's thread and the socket */
#define TN__STREAM_HOLD (64u << 10)  /* bytes held before the status is decided */

struct stream {
    pthread_mutex_t lock;
    pthread_cond_t cond;
    int refs;      /* the request or its response, and the report's thread */
    int done;      /* the report's thread has ended */
    int cancelled; /* the response was dropped (client gone, server stopping) */
    tn_err err;    /* the report's result once done */
    char why[512];
    char *buf; /* a ring of TN__STREAM_CAP bytes */
    size_t head, len;
    /* the report and what it needs, copied: the request's memory goes before the thread */
    struct tn_http_server *srv;
    const struct tn_report *rep;
    struct tn_report_params p;
    struct tn_scope scope;
    enum tn_out_format fmt;
    struct tn_table_meta meta;
    char as_of[20], officer[64], office[32], scope_officer[64], now[20], created[20];
    char case_id[72], department[16], type[32], bucket[16], legal_status[16], text[512], sort[16];
    char unit[64];
};

static void stream_unref(struct stream *st)
{
    pthread_mutex_lock(&st->lock);
    int last = --st->refs == 0;
    pthread_mutex_unlock(&st->lock);
    if (!last)
        return;
    pthread_mutex_destroy(&st->lock);
    pthread_cond_destroy(&st->cond);
    free(st->buf);
    free(st);
}

/* The table writer's FILE: bytes into the ring, waiting while it is full. */
static ssize_t ring_write(void *cookie, const char *data, size_t n)
{
    struct stream *st = cookie;
    size_t put = 0;
    pthread_mutex_lock(&st->lock);
    while (put < n) {
        while (st->len == TN__STREAM_CAP && !st->cancelled)
            pthread_cond_wait(&st->cond, &st->lock);
        if (st->cancelled)
            break;
        size_t tail = (st->head + st->len) % TN__STREAM_CAP;
        size_t room = TN__STREAM_CAP - st->len;
        size_t k = n - put < room ? n - put : room;
        if (k > TN__STREAM_CAP - tail)
            k = TN__STREAM_CAP - tail;
        memcpy(st->buf + tail, data + put, k);
        st->len += k;
        put += k;
        pthread_cond_broadcast(&st->cond);
    }
    pthread_mutex_unlock(&st->lock);
    return put == n ? (ssize_t)n : -1;
}

/* A store connection for a report's thread: an idle one, else a new one. */
static tn_err take_store(struct tn_http_server *srv, struct tn_store **s, char msg[256])
{
    pthread_mutex_lock(&srv->lock);
    *s = srv->nidle ? srv->idle[--srv->nidle] : NULL;
    pthread_mutex_unlock(&srv->lock);
    return *s ? TN_OK : tn_store_open(srv->db, 0, s, msg);
}

/* Keeps s for the next report (its prepared statements with it) after a report that ended
 * well (one stopped midway may have left a statement reading), or frees it. */
static void give_store(struct tn_http_server *srv, struct tn_store *s, tn_err err)
{
    if (!s)
        return;
    pthread_mutex_lock(&srv->lock);
    int kept = !err && srv->nidle < sizeof srv->idle / sizeof srv->idle[0];
    if (kept)
        srv->idle[srv->nidle++] = s;
    pthread_mutex_unlock(&srv->lock);
    if (!kept)
        tn_store_free(s);
}

void tn__http_streams_free(struct tn_http_server *srv)
{
    while (srv->nidle)
        tn_store_free(srv->idle[--srv->nidle]);
}

static void *produce(void *arg)
{
    struct stream *st = arg;
    struct tn_store *s = NULL;
    char msg[256];
    tn_err err = take_store(st->srv, &s, msg);
    struct tn_app app;
    if (!err) {
        tn_app_init(&app, s, st->srv->cfg.policy, st->now, TN_LANG_VI);
        cookie_io_functions_t io = {NULL, ring_write, NULL, NULL};
        FILE *f = fopencookie(st, "w", io);
        if (!f) {
            err = TN_ERR_IO;
        } else {
            struct tn_table_out t;
            err = tn_table_begin(&t, f, st->fmt, &st->meta, st->rep->cols, st->rep->ncols);
            struct tn_sink sink = tn_table_sink(&t);
            if (!err)
                err = tn_app_report_for(&app, &st->scope, st->rep, &st->p, &sink);
            tn_err end = tn_table_end(&t);
            err = err ? err : end;
            if (fclose(f) && !err)
                err = TN_ERR_IO;
        }
    } else {
        fprintf(stderr, "thuno serve: %s\n", msg);
        err = TN_ERR_STORE;
    }
    pthread_mutex_lock(&st->lock);
    st->done = 1;
    st->err = err;
    snprintf(st->why, sizeof st->why, "%s", err && s ? tn_app_why(&app, err) : "");
    pthread_cond_broadcast(&st->cond);
    pthread_mutex_unlock(&st->lock);
    struct tn_http_server *srv = st->srv;
    give_store(srv, s, err);
    stream_unref(st);
    pthread_mutex_lock(&srv->lock);
    if (--srv->streams == 0)
        pthread_cond_broadcast(&srv->streams_done);
    pthread_mutex_unlock(&srv->lock);
    return NULL;
}

/* Takes up to max bytes of the ring into out (lock held). */
static size_t take(struct stream *st, char *out, size_t max)
{
    size_t k = st->len < max ? st->len : max;
    if (k > TN__STREAM_CAP - st->head)
        k = TN__STREAM_CAP - st->head;
    memcpy(out, st->buf + st->head, k);
    st->head = (st->head + k) % TN__STREAM_CAP;
    st->len -= k;
    pthread_cond_broadcast(&st->cond);
    return k;
}

static ssize_t send_more(void *cls, uint64_t pos, char *out, size_t max)
{
    (void)pos;
    struct stream *st = cls;
    pthread_mutex_lock(&st->lock);
    while (!st->len && !st->done)
        pthread_cond_wait(&st->cond, &st->lock);
    ssize_t n;
    if (st->len)
        n = (ssize_t)take(st, out, max);
    else if (st->err)
        n = MHD_CONTENT_READER_END_WITH_ERROR;
    else
        n = MHD_CONTENT_READER_END_OF_STREAM;
    pthread_mutex_unlock(&st->lock);
    return n;
}

static void dropped(void *cls)
{
    struct stream *st = cls;
    pthread_mutex_lock(&st->lock);
    st->cancelled = 1;
    pthread_cond_broadcast(&st->cond);
    pthread_mutex_unlock(&st->lock);
    stream_unref(st);
}

static const char *copy(char *dst, size_t n, const char *src)
{
    if (!src)
        return NULL;
    snprintf(dst, n, "%s", src);
    return dst;
}

void tn__http_report_stream(struct tn__http_req *q, struct tn__http_reply *r,
                            const struct tn_report *rep, const struct tn_scope *scope,
                            const struct tn_report_params *p, enum tn_out_format fmt,
                            const struct tn_table_meta *meta, const char *type)
{
    struct stream *st = calloc(1, sizeof *st);
    char *buf = malloc(TN__STREAM_CAP);
    if (!st || !buf) {
        free(st);
        free(buf);
        tn__http_error(r, q->app, TN_ERR_IO);
        return;
    }
    st->buf = buf;
    st->refs = 2;
    st->srv = q->srv;
    st->rep = rep;
    st->fmt = fmt;
    st->p = *p;
    st->p.as_of = copy(st->as_of, sizeof st->as_of, p->as_of);
    st->p.officer = copy(st->officer, sizeof st->officer, p->officer);
    st->p.case_id = copy(st->case_id, sizeof st->case_id, p->case_id);
    st->p.department = copy(st->department, sizeof st->department, p->department);
    st->p.type = copy(st->type, sizeof st->type, p->type);
    st->p.bucket = copy(st->bucket, sizeof st->bucket, p->bucket);
    st->p.legal_status = copy(st->legal_status, sizeof st->legal_status, p->legal_status);
    st->p.text = copy(st->text, sizeof st->text, p->text);
    st->p.sort = copy(st->sort, sizeof st->sort, p->sort);
    st->p.unit = copy(st->unit, sizeof st->unit, p->unit);
    st->p.page = NULL; /* a page is answered whole (handlers.c) */
    st->scope = *scope;
    st->scope.office = copy(st->office, sizeof st->office, scope->office);
    st->scope.officer = copy(st->scope_officer, sizeof st->scope_officer, scope->officer);
    snprintf(st->now, sizeof st->now, "%s", q->app->now);
    st->meta = *meta;
    st->meta.created = copy(st->created, sizeof st->created, meta->created);
    pthread_mutex_init(&st->lock, NULL);
    pthread_cond_init(&st->cond, NULL);
    pthread_attr_t attr;
    pthread_t thread;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_mutex_lock(&q->srv->lock);
    q->srv->streams++;
    pthread_mutex_unlock(&q->srv->lock);
    if (pthread_create(&thread, &attr, produce, st)) {
        pthread_attr_destroy(&attr);
        pthread_mutex_lock(&q->srv->lock);
        q->srv->streams--;
        pthread_mutex_unlock(&q->srv->lock);
        st->refs = 1;
        stream_unref(st);
        tn__http_error(r, q->app, TN_ERR_IO);
        return;
    }
    pthread_attr_destroy(&attr);
    /* the status waits for the first bytes: an error before them is a JSON error. A report
     * over them goes out chunked even when its thread has ended by the time this one wakes
     * (its rows at hand, as PostgreSQL's driver has them, it can fill the ring at once) */
    pthread_mutex_lock(&st->lock);
    while (!st->done && st->len < TN__STREAM_HOLD)
        pthread_cond_wait(&st->cond, &st->lock);
    int whole = st->done && (st->err || st->len < TN__STREAM_HOLD);
    tn_err err = st->err;
    char *body = NULL;
    size_t len = st->len;
    if (whole && !err && (body = malloc(len + 1)))
        for (size_t at = 0; st->len;)
            at += take(st, body + at, len - at);
    pthread_mutex_unlock(&st->lock);
    if (whole) {
        if (err) {
            snprintf(q->app->why, sizeof q->app->why, "%s", st->why);
            tn__http_error(r, q->app, err);
        } else if (!body) {
            tn__http_error(r, q->app, TN_ERR_IO);
        } else {
            tn__http_bytes(r, type, body, len);
        }
        stream_unref(st);
        return;
    }
    r->stream =
        MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 32 * 1024, send_more, st, dropped);
    if (!r->stream) {
        dropped(st);
        tn__http_error(r, q->app, TN_ERR_IO);
        return;
    }
    r->status = 200;
    r->type = type;
}
