/*
 * reply.c - the API's replies (docs/api.md "Errors"): JSON bodies, and the one mapping of a
 * tn_err to an HTTP status and a stable error code. A 500 says only that the server failed:
 * the store's or the system's own words stay in the server's log.
 */
#include "http_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void tn__http_json(struct tn__http_reply *r, unsigned status, json_t *j)
{
    char *text = json_dumps(j, JSON_COMPACT);
    json_decref(j);
    free(r->body);
    r->status = status;
    r->type = "application/json; charset=utf-8";
    r->body = text;
    r->len = text ? strlen(text) : 0;
}

void tn__http_bytes(struct tn__http_reply *r, const char *type, char *body, size_t len)
{
    free(r->body);
    r->status = 200;
    r->type = type;
    r->body = body;
    r->len = len;
}

void tn__http_fail(struct tn__http_reply *r, unsigned status, const char *code, const char *message,
                   json_t *extra)
{
    json_t *e = json_pack("{s:s, s:s}", "code", code, "message", message ? message : "");
    if (extra) {
        json_object_update(e, extra);
        json_decref(extra);
    }
    tn__http_json(r, status, json_pack("{s:o}", "error", e));
}

/* clang-format off */
static const struct {
    tn_err err;
    unsigned status;
    const char *code;
} map[] = {
    {TN_ERR_USAGE,     400, "bad_request"},
    {TN_ERR_PARSE,     400, "malformed"},
    {TN_ERR_AUTH,      401, "unauthenticated"},
    {TN_ERR_FORBIDDEN, 403, "forbidden"},
    {TN_ERR_NOT_FOUND, 404, "not_found"},
    {TN_ERR_CONFLICT,  409, "conflict"},
    {TN_ERR_STATE,     409, "not_now"},
    {TN_ERR_REJECTED,  422, "rejected"},
    {TN_ERR_RANGE,     422, "out_of_range"},
    {TN_ERR_OVERFLOW,  422, "out_of_range"},
    {TN_ERR_NO_POLICY, 422, "no_policy"},
    {TN_ERR_THROTTLED, 429, "throttled"},
};
/* clang-format on */

void tn__http_error(struct tn__http_reply *r, const struct tn_app *app, tn_err err)
{
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (map[i].err == err) {
            tn__http_fail(r, map[i].status, map[i].code, app ? tn_app_why(app, err) : "", NULL);
            return;
        }
    /* TN_ERR_STORE, TN_ERR_IO, anything else: logged, not shown */
    fprintf(stderr, "thuno serve: %s: %s\n", tn_err_name(err), app ? tn_app_why(app, err) : "");
    tn__http_fail(r, 500, "internal", "lỗi máy chủ / internal server error", NULL);
}
