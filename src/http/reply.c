/*
 * reply.c - the API's replies (docs/api.md "Errors"): JSON bodies, and the one mapping of a
 * tn_err to an HTTP status and a stable error code. A 500 says only that the server failed:
 * the store's or the system's own words stay in the server's log.
 */
#include "http_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The length of the valid UTF-8 character at s (1 to 4), or 0 when s starts none (a stray or
 * missing continuation byte, an overlong form, a surrogate, above U+10FFFF). */
static size_t utf8_char(const unsigned char *s)
{
    unsigned char c = s[0];
    size_t n = c < 0x80                 ? 1
               : c >= 0xC2 && c <= 0xDF ? 2
               : c >= 0xE0 && c <= 0xEF ? 3
               : c >= 0xF0 && c <= 0xF4 ? 4
                                        : 0;
    for (size_t i = 1; i < n; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] > 0x9F) || (c == 0xF0 && s[1] < 0x90) ||
        (c == 0xF4 && s[1] > 0x8F))
        return 0;
    return n;
}

int tn__http_text_ok(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        size_t n = utf8_char(p);
        if (!n || *p < 0x20 || *p == 0x7F)
            return 0;
        p += n;
    }
    return 1;
}

/* s into out (size bytes) with every byte that starts no valid UTF-8 character replaced by
 * U+FFFD: a message quoting what a client sent (a unit code in the path) is always JSON text. */
static const char *scrub(const char *s, char *out, size_t size)
{
    size_t o = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p && o + 4 < size;) {
        size_t n = utf8_char(p);
        if (n) {
            memcpy(out + o, p, n);
            o += n;
            p += n;
        } else {
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
            p++;
        }
    }
    out[o] = '\0';
    return out;
}

void tn__http_json(struct tn__http_reply *r, unsigned status, json_t *j)
{
    if (!j) { /* a value json_pack refused: said as a 500, never an empty answer */
        fprintf(stderr, "thuno serve: a reply could not be made (status %u)\n", status);
        status = 500;
        j = json_pack("{s:{s:s, s:s}}", "error", "code", "internal", "message",
                      "lỗi máy chủ / internal server error");
    }
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
    char clean[1024];
    json_t *e = json_pack("{s:s, s:s}", "code", code, "message",
                          scrub(message ? message : "", clean, sizeof clean));
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
