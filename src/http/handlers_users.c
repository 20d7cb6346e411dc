/*
 * handlers_users.c - the users of the API managed over it (docs/api.md "Users"), as `thuno user`
 * manages them: GET /api/v1/users lists them (never a hash), POST /api/v1/users adds one with
 * its role, office and officer code, POST /api/v1/users/{login}/password sets a new password
 * (ending its sessions), .../role sets its role, office and officer code in place (ending its
 * sessions), .../disable and .../enable; GET /api/v1/users/{login} reads one. All
 * are user.manage (the admin). A change is audited by the application in the transaction that
 * makes it (user.add, user.set, user.passwd, user.disable, user.enable: app_user.c); a refusal by
 * tn_app_authorize, a failure here ("failed", its reason). A password is checked by the same
 * policy as the CLI's (tn_app_auth_settings' min_password) and never written anywhere in clear.
 */
#include "http_int.h"

#include <stdio.h>
#include <string.h>

static tn_err user_json(void *ctx, const struct tn_cell *cells)
{
    size_t n;
    const struct tn_col *cols = tn_app_user_cols(&n);
    json_array_append_new(ctx, tn__http_row(cols, n, cells));
    return TN_OK;
}

/* The role check of every route: user.manage on target. 1 when a reply was made. */
static int refused(struct tn__http_req *q, struct tn__http_reply *r, const char *target)
{
    tn_err err = tn_app_authorize(q->app, &q->scope, q->user.login, TN_OP_user_manage, target);
    if (err)
        tn__http_error(r, q->app, err);
    return err != TN_OK;
}

/* Answers the row of login with status (after a change), or its error. */
static void answer_user(struct tn__http_req *q, struct tn__http_reply *r, unsigned status,
                        const char *login)
{
    json_t *a = json_array();
    struct tn_sink sink = {user_json, NULL, a};
    tn_err err = tn_app_user(q->app, login, &sink);
    if (err || json_array_size(a) != 1) {
        json_decref(a);
        tn__http_error(r, q->app, err ? err : TN_ERR_STORE);
        return;
    }
    tn__http_json(r, status, json_incref(json_array_get(a, 0)));
    json_decref(a);
}

/* After an app call that audits its own success: a failure is audited ("failed", why) and
 * answered. 1 when a reply was made. */
static int failed(struct tn__http_req *q, struct tn__http_reply *r, const char *operation,
                  const char *login, tn_err err)
{
    return err ? tn__http_audited(q, r, operation, login, err, NULL) : 0;
}

void tn__h_users(struct tn__http_req *q, struct tn__http_reply *r)
{
    if (refused(q, r, ""))
        return;
    json_t *a = json_array();
    struct tn_sink sink = {user_json, NULL, a};
    tn_err err = tn_app_users(q->app, &sink);
    if (err) {
        json_decref(a);
        tn__http_error(r, q->app, err);
        return;
    }
    tn__http_json(r, 200, json_pack("{s:o}", "users", a));
}

void tn__h_user(struct tn__http_req *q, struct tn__http_reply *r)
{
    if (!refused(q, r, q->segs[1]))
        answer_user(q, r, 200, q->segs[1]);
}

/* A string member of body: *out its value (NULL when absent or null); 1 when another type. */
static int text_member(json_t *body, const char *name, const char **out)
{
    json_t *v = json_object_get(body, name);
    *out = json_is_string(v) ? json_string_value(v) : NULL;
    return v && !json_is_null(v) && !json_is_string(v);
}

void tn__h_user_add(struct tn__http_req *q, struct tn__http_reply *r)
{
    if (refused(q, r, ""))
        return;
    static const char shape[] = "{\"login\", \"password\", \"role\", \"office\", \"officer\"}";
    json_t *body = tn__http_body(q, r, shape, "user");
    if (!body)
        return;
    const char *role = NULL, *password = NULL;
    struct tn_user_new u = {NULL, TN_ROLE_ADMIN, NULL, NULL};
    if (text_member(body, "login", &u.login) || text_member(body, "password", &password) ||
        text_member(body, "role", &role) || text_member(body, "office", &u.office) ||
        text_member(body, "officer", &u.officer) || !u.login || !password || !role) {
        json_decref(body);
        tn__http_fail(r, 400, "malformed",
                      "cần JSON {\"login\", \"password\", \"role\"} (chuỗi), \"office\" và "
                      "\"officer\" (chuỗi hoặc null) / expected JSON {\"login\", \"password\", "
                      "\"role\"} (strings), \"office\" and \"officer\" (strings or null)",
                      NULL);
        return;
    }
    if (tn_role_parse(role, &u.role)) {
        json_decref(body);
        tn__http_fail(r, 400, "bad_request",
                      "vai trò không có / unknown role (admin, director, qlt, kttn, ttkt, legal, "
                      "officer)",
                      json_pack("{s:s}", "field", "role"));
        return;
    }
    char login[64];
    snprintf(login, sizeof login, "%s", u.login);
    tn_err err = tn_app_user_add(q->app, q->user.login, &u, password);
    json_decref(body);
    if (!failed(q, r, "user.add", login, err))
        answer_user(q, r, 201, login);
}

void tn__h_user_passwd(struct tn__http_req *q, struct tn__http_reply *r)
{
    const char *login = q->segs[1];
    if (refused(q, r, login))
        return;
    json_t *body = tn__http_body(q, r, "{\"password\"}", "user_password");
    if (!body)
        return;
    const char *password = NULL;
    if (text_member(body, "password", &password) || !password) {
        json_decref(body);
        tn__http_fail(r, 400, "malformed",
                      "cần JSON {\"password\": chuỗi} / expected JSON {\"password\": string}",
                      NULL);
        return;
    }
    tn_err err = tn_app_user_passwd(q->app, q->user.login, login, password);
    json_decref(body);
    if (!failed(q, r, "user.passwd", login, err))
        answer_user(q, r, 200, login);
}

void tn__h_user_set(struct tn__http_req *q, struct tn__http_reply *r)
{
    const char *login = q->segs[1];
    if (refused(q, r, login))
        return;
    json_t *body = tn__http_body(q, r, "{\"role\", \"office\", \"officer\"}", "user_role");
    if (!body)
        return;
    const char *role = NULL;
    struct tn_user_new u = {login, TN_ROLE_ADMIN, NULL, NULL};
    if (text_member(body, "role", &role) || text_member(body, "office", &u.office) ||
        text_member(body, "officer", &u.officer) || !role) {
        json_decref(body);
        tn__http_fail(r, 400, "malformed",
                      "cần JSON {\"role\"} (chuỗi), \"office\" và \"officer\" (chuỗi hoặc null) "
                      "/ expected JSON {\"role\"} (string), \"office\" and \"officer\" (strings "
                      "or null)",
                      NULL);
        return;
    }
    if (tn_role_parse(role, &u.role)) {
        json_decref(body);
        tn__http_fail(r, 400, "bad_request",
                      "vai trò không có / unknown role (admin, director, qlt, kttn, ttkt, legal, "
                      "officer)",
                      json_pack("{s:s}", "field", "role"));
        return;
    }
    tn_err err = tn_app_user_set(q->app, q->user.login, &u);
    json_decref(body);
    if (!failed(q, r, "user.set", login, err))
        answer_user(q, r, 200, login);
}

void tn__h_user_state(struct tn__http_req *q, struct tn__http_reply *r)
{
    const char *login = q->segs[1];
    int enable = strcmp(q->segs[2], "enable") == 0;
    if (!enable && strcmp(q->segs[2], "disable") != 0) {
        tn__http_fail(r, 404, "not_found", "không có / no such resource", NULL);
        return;
    }
    if (refused(q, r, login))
        return;
    if (q->len) { /* no body, or an empty object */
        json_t *body = tn__http_body(q, r, "{}", "user_state");
        if (!body)
            return;
        json_decref(body);
    }
    tn_err err = enable ? tn_app_user_enable(q->app, q->user.login, login)
                        : tn_app_user_disable(q->app, q->user.login, login);
    if (!failed(q, r, enable ? "user.enable" : "user.disable", login, err))
        answer_user(q, r, 200, login);
}
