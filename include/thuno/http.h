/*
 * http.h - `thuno serve`: the HTTP JSON API over the application layer (issue 12;
 * docs/api.md). Handlers translate a request into a scope, a role check and one app call, and
 * the result into JSON (or a report's table in CSV, XLSX or PDF); nothing else.
 *
 * Invariants: libmicrohttpd with its own polling thread and a pool of worker threads; each
 * worker has its own store connection and struct tn_app, all sharing the one read-only policy
 * the caller loaded. Requests are bounded (body size, header memory, connections, idle time).
 */
#ifndef THUNO_HTTP_H
#define THUNO_HTTP_H

#include <stddef.h>

#include "thuno/err.h"

struct tn_policy;
struct tn_http_server;

/* What a server is started with. Strings and the policy are borrowed for the server's life. */
struct tn_http_config {
    const char *db;                 /* the store's URL (must exist) */
    const struct tn_policy *policy; /* loaded once, read-only */
    const char *listen;             /* "HOST:PORT", an IPv4 address; NULL: "127.0.0.1:8080" */
    unsigned threads;               /* worker threads; 0: 4 */
    const char *fixed_now;          /* "YYYY-MM-DDTHH:MM:SS" for every request (tests); NULL:
                                       the clock, in Vietnam's time (UTC+7) as the CLI */
};

/* Starts serving cfg in background threads; *out is the server. Errors: TN_ERR_USAGE (listen
 * malformed), TN_ERR_IO (cannot listen there, or the store cannot be opened); errmsg says why. */
tn_err tn_http_start(const struct tn_http_config *cfg, struct tn_http_server **out,
                     char errmsg[256]);

/* Stops accepting, waits for the running requests and the close job, and frees srv. NULL does
 * nothing. */
void tn_http_stop(struct tn_http_server *srv);

#endif
