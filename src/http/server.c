/*
 * server.c - `thuno serve` on libmicrohttpd (http.h; docs/api.md): the daemon, its limits,
 * each worker thread's store connection and struct tn_app, a request's body gathered under
 * its limit, and the reply queued. What a request means is router.c's.
 */
#include "http_int.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "thuno/store.h"

/* A worker thread's own connection and app. */
struct worker {
    struct tn_store *store;
    struct tn_app app;
};

static void worker_free(void *p)
{
    struct worker *w = p;
    tn_store_free(w->store);
    free(w);
}

/* This thread's app with its clock set, opened on first use. NULL when the store cannot be
 * opened (logged). */
static struct tn_app *thread_app(struct tn_http_server *srv)
{
    struct worker *w = pthread_getspecific(srv->key);
    if (!w) {
        char msg[256];
        struct tn_store *s;
        if (tn_store_open(srv->db, 0, &s, msg)) {
            fprintf(stderr, "thuno serve: %s\n", msg);
            return NULL;
        }
        w = calloc(1, sizeof *w);
        if (!w) {
            tn_store_free(s);
            return NULL;
        }
        w->store = s;
        tn_app_init(&w->app, s, srv->cfg.policy, "1970-01-01T00:00:00", TN_LANG_VI);
        pthread_setspecific(srv->key, w);
    }
    if (srv->cfg.fixed_now) {
        snprintf(w->app.now, sizeof w->app.now, "%s", srv->cfg.fixed_now);
    } else {
        time_t t = time(NULL) + 7 * 3600; /* Vietnam's time, as the CLI's clock */
        struct tm tm;
        gmtime_r(&t, &tm);
        strftime(w->app.now, sizeof w->app.now, "%Y-%m-%dT%H:%M:%S", &tm);
    }
    w->app.why[0] = '\0';
    return &w->app;
}

/* A request being received. */
struct pending {
    char *body;
    size_t len, cap, limit;
    int too_large;
};

const char *tn__http_arg(const struct tn__http_req *q, const char *name)
{
    if (q->bare) {
        for (size_t i = 0; i < q->bare->nargs; i++)
            if (strcmp(q->bare->args[2 * i], name) == 0)
                return q->bare->args[2 * i + 1];
        return NULL;
    }
    return MHD_lookup_connection_value(q->conn, MHD_GET_ARGUMENT_KIND, name);
}

static enum MHD_Result queue(struct MHD_Connection *conn, struct tn__http_reply *r)
{
    struct MHD_Response *resp =
        r->stream ? r->stream
                  : MHD_create_response_from_buffer(r->len, r->body ? r->body : (void *)"",
                                                    r->body ? MHD_RESPMEM_MUST_FREE
                                                            : MHD_RESPMEM_PERSISTENT);
    if (r->stream)
        free(r->body);
    r->body = NULL;
    r->stream = NULL;
    if (!resp)
        return MHD_NO;
    MHD_add_response_header(resp, "Content-Type", r->type ? r->type : "application/json");
    MHD_add_response_header(resp, "Cache-Control", "no-store");
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    if (r->cookie[0])
        MHD_add_response_header(resp, "Set-Cookie", r->cookie);
    if (r->next[0])
        MHD_add_response_header(resp, "X-Next-Cursor", r->next);
    enum MHD_Result ret = MHD_queue_response(conn, r->status, resp);
    MHD_destroy_response(resp);
    return ret;
}

int tn__http_split(const char *url, char *buf, size_t size, struct tn__http_req *q)
{
    static const char prefix[] = "/api/v1";
    if (strncmp(url, prefix, sizeof prefix - 1) != 0 ||
        (url[sizeof prefix - 1] != '/' && url[sizeof prefix - 1] != '\0'))
        return 0;
    if (strlen(url) >= size)
        return 0;
    snprintf(buf, size, "%s", url + sizeof prefix - 1);
    q->nsegs = 0;
    for (char *p = buf; *p;) {
        while (*p == '/')
            *p++ = '\0';
        if (!*p)
            break;
        if (q->nsegs == sizeof q->segs / sizeof q->segs[0])
            return 0;
        q->segs[q->nsegs++] = p;
        while (*p && *p != '/')
            p++;
    }
    return 1;
}

static void client_address(struct MHD_Connection *conn, char out[64])
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    out[0] = '\0';
    if (ci && ci->client_addr && ci->client_addr->sa_family == AF_INET)
        inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)ci->client_addr)->sin_addr,
                  out, 64);
}

/* The 413 of a body over limit bytes. */
static void too_large(struct tn__http_reply *r, size_t limit)
{
    char msg[128];
    snprintf(msg, sizeof msg,
             "yêu cầu quá lớn (tối đa %zu byte) / request too large (at most %zu bytes)", limit,
             limit);
    tn__http_fail(r, 413, "too_large", msg, NULL);
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *conn, const char *url,
                              const char *method, const char *version, const char *upload,
                              size_t *upload_size, void **con_cls)
{
    (void)version;
    struct tn_http_server *srv = cls;
    struct pending *p = *con_cls;
    struct tn__http_reply r = {0};
    if (!p) {
        p = calloc(1, sizeof *p);
        if (!p)
            return MHD_NO;
        p->limit = strstr(url, "/imports/") ? TN__HTTP_MAX_IMPORT : TN__HTTP_MAX_BODY;
        *con_cls = p;
        const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Length");
        unsigned long long declared = cl ? strtoull(cl, NULL, 10) : 0;
        /* not worth reading: refused now, the connection closed */
        if (declared > 2ull * p->limit) {
            too_large(&r, p->limit);
            return queue(conn, &r);
        }
        if (declared > p->limit)
            p->too_large = 1; /* refused at the end, the body read and dropped */
        return MHD_YES;
    }
    if (*upload_size) {
        if (!p->too_large && p->len + *upload_size > p->limit)
            p->too_large = 1;
        if (!p->too_large) {
            if (p->len + *upload_size + 1 > p->cap) {
                size_t cap = (p->len + *upload_size + 1) * 2;
                char *b = realloc(p->body, cap > p->limit + 1 ? p->limit + 1 : cap);
                if (!b)
                    return MHD_NO;
                p->body = b;
                p->cap = cap > p->limit + 1 ? p->limit + 1 : cap;
            }
            memcpy(p->body + p->len, upload, *upload_size);
            p->len += *upload_size;
            p->body[p->len] = '\0';
        }
        *upload_size = 0;
        return MHD_YES;
    }
    if (p->too_large) {
        too_large(&r, p->limit);
        return queue(conn, &r);
    }
    if (tn__http_static_path(url)) /* the web UI (static.c) */
        return (enum MHD_Result)tn__http_static(conn, url, method);
    struct tn__http_req q;
    memset(&q, 0, sizeof q);
    char path[1024];
    if (!tn__http_split(url, path, sizeof path, &q)) {
        tn__http_fail(&r, 404, "not_found", "không có / no such resource", NULL);
        return queue(conn, &r);
    }
    q.conn = conn;
    q.method = method;
    q.body = p->body ? p->body : "";
    q.len = p->len;
    q.srv = srv;
    client_address(conn, q.address);
    if (!(q.app = thread_app(srv))) {
        tn__http_error(&r, NULL, TN_ERR_STORE);
        return queue(conn, &r);
    }
    tn__http_route(&q, &r);
    tn_app_change_drop(q.app); /* a change a handler began and did not end is not kept */
    return queue(conn, &r);
}

static void completed(void *cls, struct MHD_Connection *conn, void **con_cls,
                      enum MHD_RequestTerminationCode toe)
{
    (void)cls;
    (void)conn;
    (void)toe;
    struct pending *p = *con_cls;
    if (p) {
        free(p->body);
        free(p);
    }
    *con_cls = NULL;
}

/* "HOST:PORT" into addr. Errors: TN_ERR_USAGE. */
static tn_err parse_listen(const char *listen, struct sockaddr_in *addr)
{
    char host[64];
    const char *colon = strrchr(listen, ':');
    if (!colon || colon == listen || (size_t)(colon - listen) >= sizeof host)
        return TN_ERR_USAGE;
    memcpy(host, listen, (size_t)(colon - listen));
    host[colon - listen] = '\0';
    char *end;
    unsigned long port = strtoul(colon + 1, &end, 10);
    if (*end || colon[1] == '\0' || port > 65535)
        return TN_ERR_USAGE;
    memset(addr, 0, sizeof *addr);
    addr->sin_family = AF_INET;
    addr->sin_port = htons((uint16_t)port);
    return inet_pton(AF_INET, host, &addr->sin_addr) == 1 ? TN_OK : TN_ERR_USAGE;
}

tn_err tn_http_start(const struct tn_http_config *cfg, struct tn_http_server **out,
                     char errmsg[256])
{
    struct sockaddr_in addr;
    const char *listen = cfg->listen ? cfg->listen : "127.0.0.1:8080";
    if (parse_listen(listen, &addr)) {
        snprintf(errmsg, 256, "expected --listen IPv4:PORT, got \"%s\"", listen);
        return TN_ERR_USAGE;
    }
    /* the store must open here, before any request */
    struct tn_store *s;
    char msg[256];
    if (tn_store_open(cfg->db, 0, &s, msg)) {
        snprintf(errmsg, 256, "%s", msg);
        return TN_ERR_IO;
    }
    tn_store_free(s);
    struct tn_http_server *srv = calloc(1, sizeof *srv);
    if (!srv) {
        snprintf(errmsg, 256, "out of memory");
        return TN_ERR_IO;
    }
    srv->cfg = *cfg;
    snprintf(srv->db, sizeof srv->db, "%s", cfg->db);
    srv->cfg.db = srv->db;
    pthread_key_create(&srv->key, worker_free);
    pthread_mutex_init(&srv->lock, NULL);
    pthread_cond_init(&srv->streams_done, NULL);
    unsigned threads = cfg->threads ? cfg->threads : 4;
    srv->daemon = MHD_start_daemon(
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG, 0, NULL, NULL, handle, srv,
        MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr, MHD_OPTION_THREAD_POOL_SIZE, threads,
        MHD_OPTION_CONNECTION_LIMIT, (unsigned)1024, MHD_OPTION_PER_IP_CONNECTION_LIMIT,
        (unsigned)256, MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024), MHD_OPTION_NOTIFY_COMPLETED,
        completed, srv, MHD_OPTION_END);
    if (!srv->daemon) {
        snprintf(errmsg, 256, "cannot listen on %s", listen);
        pthread_key_delete(srv->key);
        pthread_mutex_destroy(&srv->lock);
        pthread_cond_destroy(&srv->streams_done);
        free(srv);
        return TN_ERR_IO;
    }
    *out = srv;
    return TN_OK;
}

void tn_http_stop(struct tn_http_server *srv)
{
    if (!srv)
        return;
    MHD_stop_daemon(srv->daemon); /* drops the streamed responses: their reports stop */
    tn__http_jobs_join(srv);
    pthread_mutex_lock(&srv->lock);
    while (srv->streams)
        pthread_cond_wait(&srv->streams_done, &srv->lock);
    pthread_mutex_unlock(&srv->lock);
    tn__http_streams_free(srv);
    pthread_cond_destroy(&srv->streams_done);
    pthread_key_delete(srv->key);
    pthread_mutex_destroy(&srv->lock);
    free(srv);
}
