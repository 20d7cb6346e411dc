/*
 * router.c - which handler answers a request (docs/api.md "Endpoints"), after the checks every
 * route shares: a session (401 without one), and for a state-changing method the session's
 * CSRF token in X-CSRF-Token (403 without it). Role checks are the handlers' (one app call,
 * tn_app_authorize, on the table of app_user.h).
 */
#include "http_int.h"

#include <microhttpd.h>
#include <string.h>

/* clang-format off */
static const struct {
    const char *method;
    const char *pattern[4]; /* segments; "*" matches any one */
    size_t n;
    int session;            /* needs a session */
    void (*handler)(struct tn__http_req *q, struct tn__http_reply *r);
} routes[] = {
    {"POST",   {"session"},                    1, 0, tn__h_login},
    {"DELETE", {"session"},                    1, 1, tn__h_logout},
    {"GET",    {"reports"},                    1, 1, tn__h_reports},
    {"GET",    {"reports", "*"},               2, 1, tn__h_report},
    {"GET",    {"units", "*", "balance"},      3, 1, tn__h_balance},
    {"GET",    {"units", "*", "explain"},      3, 1, tn__h_explain},
    {"GET",    {"units", "*", "ledger"},       3, 1, tn__h_unit_ledger},
    {"POST",   {"imports", "*"},               2, 1, tn__h_import},
    {"POST",   {"closes"},                     1, 1, tn__h_close},
    {"GET",    {"closes", "*"},                2, 1, tn__h_close_get},
    {"GET",    {"audit"},                      1, 1, tn__h_audit},
    /* cases and the office's operations (handlers_cases.c, handlers_ops.c) */
    {"GET",    {"cases"},                      1, 1, tn__h_cases},
    {"GET",    {"cases", "*"},                 2, 1, tn__h_case},
    {"POST",   {"cases", "*", "events"},       3, 1, tn__h_case_event},
    {"POST",   {"cases", "*", "registers", "*"}, 4, 1, tn__h_case_register},
    {"GET",    {"cases", "*", "documents", "*"}, 4, 1, tn__h_case_document},
    {"GET",    {"cases", "*", "checklist"},    3, 1, tn__h_case_checklist},
    {"POST",   {"assignments"},                1, 1, tn__h_assign},
    {"GET",    {"worklist"},                   1, 1, tn__h_worklist},
    {"POST",   {"suspense", "match"},          2, 1, tn__h_suspense_match},
    {"POST",   {"suspense", "*", "assign"},    3, 1, tn__h_suspense_assign},
    {"POST",   {"handover", "sign"},           2, 1, tn__h_handover_sign},
    {"POST",   {"letters", "*"},               2, 1, tn__h_letter},
    {"POST",   {"calendar", "done"},           2, 1, tn__h_calendar_done},
    /* the units to browse (handlers_units.c), the API's description (openapi.c) */
    {"GET",    {"units"},                      1, 1, tn__h_units},
    {"GET",    {"units", "*"},                 2, 1, tn__h_unit},
    {"GET",    {"openapi.json"},               1, 0, tn__h_openapi},
    /* contacts, a unit's workers and payments (handlers_contacts.c) */
    {"GET",    {"contacts"},                   1, 1, tn__h_contacts},
    {"GET",    {"units", "*", "contacts"},     3, 1, tn__h_unit_contacts},
    {"POST",   {"units", "*", "contacts"},     3, 1, tn__h_unit_contact_record},
    {"GET",    {"units", "*", "workers"},      3, 1, tn__h_unit_workers},
    {"GET",    {"units", "*", "payments"},     3, 1, tn__h_unit_payments},
    /* users (handlers_users.c), officers by name (handlers_units.c) */
    {"GET",    {"users"},                      1, 1, tn__h_users},
    {"POST",   {"users"},                      1, 1, tn__h_user_add},
    {"GET",    {"users", "*"},                 2, 1, tn__h_user},
    {"POST",   {"users", "*", "password"},     3, 1, tn__h_user_passwd},
    {"POST",   {"users", "*", "role"},         3, 1, tn__h_user_set},
    {"POST",   {"users", "*", "disable"},      3, 1, tn__h_user_state},
    {"POST",   {"users", "*", "enable"},       3, 1, tn__h_user_state},
    {"GET",    {"officers"},                   1, 1, tn__h_officers},
};
/* clang-format on */

static int matches(const struct tn__http_req *q, size_t i)
{
    if (routes[i].n != q->nsegs)
        return 0;
    for (size_t k = 0; k < q->nsegs; k++)
        if (strcmp(routes[i].pattern[k], "*") != 0 && strcmp(routes[i].pattern[k], q->segs[k]))
            return 0;
    return 1;
}

static int changes_state(const char *method)
{
    return strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0;
}

static enum MHD_Result arg_ok(void *cls, enum MHD_ValueKind kind, const char *key,
                              const char *value)
{
    (void)kind;
    int *bad = cls;
    if (!tn__http_text_ok(key) || (value && !tn__http_text_ok(value))) {
        *bad = 1;
        return MHD_NO;
    }
    return MHD_YES;
}

/* 1 when every segment of q's path and every argument of its query is text (UTF-8 without
 * control characters): a code or a filter never carries bytes no CSV import would take. */
static int text_only(const struct tn__http_req *q)
{
    int bad = 0;
    for (size_t k = 0; k < q->nsegs; k++)
        if (!tn__http_text_ok(q->segs[k]))
            return 0;
    if (q->bare) {
        for (size_t k = 0; k < 2 * q->bare->nargs; k++)
            if (!tn__http_text_ok(q->bare->args[k]))
                return 0;
    } else {
        MHD_get_connection_values(q->conn, MHD_GET_ARGUMENT_KIND, arg_ok, &bad);
    }
    return !bad;
}

void tn__http_route(struct tn__http_req *q, struct tn__http_reply *r)
{
    size_t i, found = 0;
    if (!text_only(q)) {
        tn__http_fail(r, 400, "bad_request",
                      "đường dẫn hoặc tham số không phải văn bản UTF-8 / the path or a parameter "
                      "is not UTF-8 text",
                      NULL);
        return;
    }
    for (i = 0; i < sizeof routes / sizeof routes[0]; i++)
        if (matches(q, i)) {
            found = 1;
            if (strcmp(routes[i].method, q->method) == 0)
                break;
        }
    if (i == sizeof routes / sizeof routes[0]) {
        if (found)
            tn__http_fail(r, 405, "method_not_allowed",
                          "phương thức không được hỗ trợ / method not allowed", NULL);
        else
            tn__http_fail(r, 404, "not_found", "không có / no such resource", NULL);
        return;
    }
    if (routes[i].session) {
        const char *token =
            q->bare ? q->bare->cookie
                    : MHD_lookup_connection_value(q->conn, MHD_COOKIE_KIND, "thuno_session");
        char csrf[65];
        tn_err err = tn_app_session(q->app, token, &q->user, csrf);
        if (err) {
            tn__http_error(r, q->app, err);
            return;
        }
        snprintf(q->token, sizeof q->token, "%s", token);
        tn_app_session_scope(&q->user, &q->scope);
        const char *given =
            q->bare ? q->bare->csrf
                    : MHD_lookup_connection_value(q->conn, MHD_HEADER_KIND, "X-CSRF-Token");
        if (changes_state(q->method) && !tn_app_token_equal(csrf, given)) {
            tn__http_fail(r, 403, "csrf",
                          "thiếu hoặc sai X-CSRF-Token / X-CSRF-Token missing or wrong", NULL);
            return;
        }
    }
    routes[i].handler(q, r);
}
