/*
 * static.c - the web UI's pages and assets (docs/web.md), embedded at build time from web/ by
 * embed_web.py (the generated web_files.c): GET / and the client-side routes (/login, /units,
 * /units/{code}, /close, /import, /cases, /cases/{id}, /dashboard,
 * /departments[/{tab}], /users) get the app shell
 * (index.html), GET /assets/... the file; each with its content type, an entity tag (304 when it
 * matches), Cache-Control and the security headers (a Content-Security-Policy without inline
 * scripts, frame-ancestors 'none'). Nothing under /api is served here.
 */
#include "http_int.h"

#include <microhttpd.h>
#include <string.h>

/* The content security policy: scripts, styles and connections to this origin only; no
 * inline script or style, no frames, no plugins. */
#define CSP                                                                                        \
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "              \
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "                    \
    "form-action 'self'; frame-ancestors 'none'"

int tn__http_static_path(const char *url)
{
    return !(strncmp(url, "/api", 4) == 0 && (url[4] == '/' || url[4] == '\0'));
}

static const struct tn__web_file *find(const char *path)
{
    for (size_t i = 0; i < tn__web_nfiles; i++)
        if (strcmp(tn__web_files[i].path, path) == 0)
            return &tn__web_files[i];
    return NULL;
}

/* 1 when url is a page of the client-side router (served the app shell). */
static int app_route(const char *url)
{
    static const char *const pages[] = {"/",       "/login", "/units",     "/close",
                                        "/import", "/cases", "/dashboard", "/users"};
    for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++)
        if (strcmp(url, pages[i]) == 0)
            return 1;
    /* /units/{code}, /cases/{id}: one more segment */
    if (strncmp(url, "/units/", 7) == 0 && url[7] && !strchr(url + 7, '/'))
        return 1;
    if (strncmp(url, "/cases/", 7) == 0 && url[7] && !strchr(url + 7, '/'))
        return 1;
    /* /departments and /departments/{page} (departments.js) */
    if (strncmp(url, "/departments", 12) == 0 &&
        (!url[12] || (url[12] == '/' && url[13] && !strchr(url + 13, '/'))))
        return 1;
    return 0;
}

static void headers(struct MHD_Response *resp)
{
    MHD_add_response_header(resp, "Content-Security-Policy", CSP);
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(resp, "X-Frame-Options", "DENY");
    MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
}

static int reply(struct MHD_Connection *conn, unsigned status, const char *type, const void *data,
                 size_t len, const char *etag, const char *allow)
{
    struct MHD_Response *resp =
        MHD_create_response_from_buffer(len, (void *)data, MHD_RESPMEM_PERSISTENT);
    if (!resp)
        return MHD_NO;
    headers(resp);
    if (type)
        MHD_add_response_header(resp, "Content-Type", type);
    /* revalidated on every use: a new binary's pages are never mixed with old assets */
    MHD_add_response_header(resp, "Cache-Control", etag ? "no-cache" : "no-store");
    if (etag)
        MHD_add_response_header(resp, "ETag", etag);
    if (allow)
        MHD_add_response_header(resp, "Allow", allow);
    enum MHD_Result ret = MHD_queue_response(conn, status, resp);
    MHD_destroy_response(resp);
    return ret;
}

int tn__http_static(struct MHD_Connection *conn, const char *url, const char *method)
{
    static const char not_found[] = "không có / not found\n";
    const struct tn__web_file *f = NULL;
    if (strncmp(url, "/assets/", 8) == 0)
        f = find(url);
    else if (app_route(url))
        f = find("/index.html");
    if (!f)
        return reply(conn, 404, "text/plain; charset=utf-8", not_found, sizeof not_found - 1, NULL,
                     NULL);
    if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0) {
        static const char no[] = "phương thức không được hỗ trợ / method not allowed\n";
        return reply(conn, 405, "text/plain; charset=utf-8", no, sizeof no - 1, NULL, "GET, HEAD");
    }
    const char *match = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "If-None-Match");
    if (match && strcmp(match, f->etag) == 0)
        return reply(conn, 304, NULL, "", 0, f->etag, NULL);
    return reply(conn, 200, f->type, f->data, f->len, f->etag, NULL);
}
