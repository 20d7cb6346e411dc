/*
 * http_int.h - what the files of the HTTP face share (docs/api.md): a request as the router
 * sees it, the reply a handler fills, the server's state (its worker threads' apps, the close
 * job). Only src/http/ includes this; it includes public headers only.
 */
#ifndef THUNO_HTTP_INT_H
#define THUNO_HTTP_INT_H

#include <jansson.h>
#include <pthread.h>
#include <stddef.h>

#include "thuno/app.h"
#include "thuno/http.h"
#include "thuno/table_out.h"

/* The body limits: a CSV import, and every other request. */
#define TN__HTTP_MAX_IMPORT (32u << 20)
#define TN__HTTP_MAX_BODY   (64u << 10)
#define TN__HTTP_MAX_JOBS   64

/* A close run in the background (POST /api/v1/closes). */
struct tn__http_job {
    long id;
    tn_period period;
    int running;           /* 1 until it ends */
    int joined;            /* its thread was joined (or never started) */
    long long done, total; /* units closed of all, as the progress callback says */
    tn_err err;            /* its result once ended */
    char message[512];     /* why it failed, or its counts */
    char actor[64];
    char now[20];
    char office[32]; /* the admin's office, "" for the province (the app refuses a district) */
    pthread_t thread;
    struct tn_http_server *srv;
};

struct tn_http_server {
    struct tn_http_config cfg;
    char db[4096];
    struct MHD_Daemon *daemon;
    pthread_key_t key;    /* each worker thread's struct tn__http_worker */
    pthread_mutex_t lock; /* the jobs */
    struct tn__http_job jobs[TN__HTTP_MAX_JOBS];
    long njobs;
    long streams;             /* reports being written on their own threads (stream.c) */
    struct tn_store *idle[4]; /* their store connections kept for the next ones */
    size_t nidle;
    pthread_cond_t streams_done; /* signalled under lock when streams drops to 0 */
};

/* What a request without a connection carries (tests/fuzz/fuzz_api.c drives the router and
 * the handlers this way): its query's arguments as name, value pairs (decoded), its session
 * cookie and its X-CSRF-Token (NULL: none). */
struct tn__http_bare {
    const char *args[2 * 16];
    size_t nargs; /* pairs */
    const char *cookie, *csrf;
};

/* A request as a handler sees it. */
struct tn__http_req {
    struct MHD_Connection *conn;
    const struct tn__http_bare *bare; /* instead of conn (NULL with one) */
    const char *method;
    const char *segs[8]; /* the path's segments after /api/v1 */
    size_t nsegs;
    const char *body;
    size_t len;
    char address[64];
    struct tn_http_server *srv;
    struct tn_app *app;          /* this worker thread's */
    struct tn_session_user user; /* the session's user (routes that need one) */
    struct tn_scope scope;       /* its scope */
    char token[65];              /* the session's token, "" without one */
};

/* What a handler answers: status, body (owned, malloc'ed), its type, and a cookie to set. */
struct tn__http_reply {
    unsigned status;
    char *body;
    size_t len;
    const char *type;
    char cookie[256];
    char next[96];               /* a paged report's X-Next-Cursor, "" for none */
    struct MHD_Response *stream; /* a body sent as it is made (stream.c): queued instead */
};

/* The query parameter name of q, or NULL. */
const char *tn__http_arg(const struct tn__http_req *q, const char *name);

/* Splits url's path after /api/v1 into q's segments (pointing into buf, size bytes). 0 when it
 * is not under /api/v1, too long or of too many segments. */
int tn__http_split(const char *url, char *buf, size_t size, struct tn__http_req *q);

/* Routes q (method, segments) to its handler after the session and CSRF checks. */
void tn__http_route(struct tn__http_req *q, struct tn__http_reply *r);

/* ---- replies (reply.c): the only place mapping tn_err to an HTTP status and a code ---- */

/* j (stolen) as JSON with status. */
void tn__http_json(struct tn__http_reply *r, unsigned status, json_t *j);

/* body (stolen, len bytes) of type with status 200. */
void tn__http_bytes(struct tn__http_reply *r, const char *type, char *body, size_t len);

/* {"error": {"code": code, "message": message}} with status; extra (stolen, may be NULL) is
 * merged into the error object. */
void tn__http_fail(struct tn__http_reply *r, unsigned status, const char *code, const char *message,
                   json_t *extra);

/* 1 when s is valid UTF-8 without control characters (a path segment or a query argument
 * must be: anything else is refused before a handler sees it), else 0. */
int tn__http_text_ok(const char *s);

/* The error of an app call: err's status and stable code, app's why as the message (a
 * generic message for a 500: never internals). */
void tn__http_error(struct tn__http_reply *r, const struct tn_app *app, tn_err err);

/* ---- handlers (handlers.c, jobs.c): each one app call, its role check and audit ---- */

void tn__h_login(struct tn__http_req *q, struct tn__http_reply *r);
void tn__h_logout(struct tn__http_req *q, struct tn__http_reply *r);
void tn__h_reports(struct tn__http_req *q, struct tn__http_reply *r);
void tn__h_report(struct tn__http_req *q, struct tn__http_reply *r);
void tn__h_unit_ledger(struct tn__http_req *q, struct tn__http_reply *r);
void tn__h_balance(struct tn__http_req *q, struct tn__http_reply *r);
void tn__h_explain(struct tn__http_req *q, struct tn__http_reply *r);
void tn__h_audit(struct tn__http_req *q, struct tn__http_reply *r);
void tn__h_import(struct tn__http_req *q, struct tn__http_reply *r);
void tn__h_close(struct tn__http_req *q, struct tn__http_reply *r);
void tn__h_close_get(struct tn__http_req *q, struct tn__http_reply *r);

/* ---- cases, assignments, worklists, suspense, handover (handlers_cases.c, handlers_ops.c) ---- */

void tn__h_cases(struct tn__http_req *q, struct tn__http_reply *r);
void tn__h_case(struct tn__http_req *q, struct tn__http_reply *r);
void tn__h_case_event(struct tn__http_req *q, struct tn__http_reply *r);
void tn__h_case_register(struct tn__http_req *q, struct tn__http_reply *r);
void tn__h_case_document(struct tn__http_req *q, struct tn__http_reply *r);
void tn__h_case_checklist(struct tn__http_req *q, struct tn__http_reply *r);
void tn__h_assign(struct tn__http_req *q, struct tn__http_reply *r);
void tn__h_worklist(struct tn__http_req *q, struct tn__http_reply *r);
void tn__h_suspense_match(struct tn__http_req *q, struct tn__http_reply *r);
void tn__h_suspense_assign(struct tn__http_req *q, struct tn__http_reply *r);
void tn__h_handover_sign(struct tn__http_req *q, struct tn__http_reply *r);
void tn__h_letter(struct tn__http_req *q, struct tn__http_reply *r);
void tn__h_calendar_done(struct tn__http_req *q, struct tn__http_reply *r);

/* ---- contacts, a unit's workers and payments (handlers_contacts.c) ---- */

void tn__h_contacts(struct tn__http_req *q, struct tn__http_reply *r);
void tn__h_unit_contacts(struct tn__http_req *q, struct tn__http_reply *r);
void tn__h_unit_contact_record(struct tn__http_req *q, struct tn__http_reply *r);
void tn__h_unit_workers(struct tn__http_req *q, struct tn__http_reply *r);
void tn__h_unit_payments(struct tn__http_req *q, struct tn__http_reply *r);

/* ---- users (handlers_users.c) and officers by name (handlers_units.c) ---- */

void tn__h_users(struct tn__http_req *q, struct tn__http_reply *r);
void tn__h_user(struct tn__http_req *q, struct tn__http_reply *r);
void tn__h_user_add(struct tn__http_req *q, struct tn__http_reply *r);
void tn__h_user_passwd(struct tn__http_req *q, struct tn__http_reply *r);
void tn__h_user_set(struct tn__http_req *q, struct tn__http_reply *r);
void tn__h_user_state(struct tn__http_req *q, struct tn__http_reply *r);
void tn__h_officers(struct tn__http_req *q, struct tn__http_reply *r);

/* ---- JSON bodies (bodies.c): the one table of their fields ---- */

/* q's body as a JSON object (new reference), or NULL after a 400 "malformed" naming what was
 * expected, or a 400 "unknown_field" when it has a field the body called name ("contact",
 * "register:fee": bodies.c's table) does not take. */
json_t *tn__http_body(const struct tn__http_req *q, struct tn__http_reply *r, const char *expected,
                      const char *name);

/* 1 after a 400 "unknown_field" (naming it, and in the error's "field") when the object body
 * has a field the body called name does not take, else 0. */
int tn__http_fields(struct tn__http_reply *r, json_t *body, const char *name);

/* One row of typed cells as a JSON object keyed by the columns' ids (new reference). */
json_t *tn__http_row(const struct tn_col *cols, size_t ncols, const struct tn_cell *cells);

/* Ends the change begun by tn_app_change_begin with its audit entry (tn_app_change_end:
 * operation on target by q's user, outcome "ok" with summary committed with the change, or
 * the change rolled back and "failed" with why) and, when err or the entry failed, replies
 * with the error. Returns 1 when a reply was made. A change a handler leaves open is rolled
 * back after it (server.c). */
int tn__http_audited(struct tn__http_req *q, struct tn__http_reply *r, const char *operation,
                     const char *target, tn_err err, const char *summary);

/* Runs report rep for scope with p (all copied) as a table of fmt (meta copied) on a thread
 * of its own and answers r (stream.c; docs/api.md "Reports, streamed"): its JSON error when it
 * fails before its first 64 KiB, its bytes of type whole when it ends within them, else a
 * chunked body sent while it is written. p->page is ignored (a page is answered whole). */
void tn__http_report_stream(struct tn__http_req *q, struct tn__http_reply *r,
                            const struct tn_report *rep, const struct tn_scope *scope,
                            const struct tn_report_params *p, enum tn_out_format fmt,
                            const struct tn_table_meta *meta, const char *type);

/* Frees the store connections the report threads left idle (tn_http_stop, once none runs). */
void tn__http_streams_free(struct tn_http_server *srv);

/* the units to browse (handlers_units.c) and the API's description (openapi.c) */
void tn__h_units(struct tn__http_req *q, struct tn__http_reply *r);
void tn__h_unit(struct tn__http_req *q, struct tn__http_reply *r);
void tn__h_openapi(struct tn__http_req *q, struct tn__http_reply *r);

/* ---- the web UI (static.c, docs/web.md) ---- */

/* A file of web/ embedded at build time (web_files.c, generated by embed_web.py). */
struct tn__web_file {
    const char *path; /* "/index.html", "/assets/app.js" */
    const char *type; /* its Content-Type */
    const unsigned char *data;
    size_t len;
    const char *etag; /* quoted, from its SHA-256 */
};
extern const struct tn__web_file tn__web_files[];
extern const size_t tn__web_nfiles;

struct MHD_Connection;
/* 1 when url is the web UI's (anything not under /api): tn__http_static answers it. */
int tn__http_static_path(const char *url);
/* Serves url (method) from the pages and assets embedded from web/: the app shell for the
 * client-side routes, the files under /assets/, else 404. Returns MHD_YES or MHD_NO. */
int tn__http_static(struct MHD_Connection *conn, const char *url, const char *method);

/* Waits for the close job's thread, if any (tn_http_stop). */
void tn__http_jobs_join(struct tn_http_server *srv);

struct tn_letterhead;
/* Loads the office settings of the server (THUNO_TEMPLATES/letterhead.txt, else the built-in
 * templates) for q's user's office into lh (tn_letterhead_release it). 1 when it failed and a
 * 500 was made (the problems go to the server's log). */
int tn__http_settings(struct tn__http_req *q, struct tn__http_reply *r, struct tn_letterhead *lh);

#endif
