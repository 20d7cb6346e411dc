/*
 * app_user.c - users, passwords and sessions (app_user.h; issue 12 item 4; docs/api.md).
 *
 * Passwords: Argon2id (libargon2) with a 16-byte random salt per user; the encoded string
 * keeps the parameters and the salt beside the hash, so the cost can rise later without
 * breaking stored users. Sessions: a random 256-bit token (hex in the cookie) stored as its
 * SHA-256, with an absolute expiry and a random CSRF token. Throttling: failed logins counted
 * per login and per address over a window. Randomness from getrandom(2).
 */
#include "app_int.h"

#include <argon2.h>
#include <errno.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>

#include "thuno/app_user.h"
#include "thuno/period.h"
#include "thuno/store.h"

/* The figures (docs/api.md "Sessions and passwords"). Argon2id at 19 MiB, 2 passes, 1 lane:
 * OWASP's minimum for Argon2id (Password Storage Cheat Sheet, 2023). */
static const struct tn_auth_settings settings = {
    .max_failures = 5,
    .failure_window_s = 15 * 60,
    .session_s = 8 * 3600,
    .min_password = 10,
    .argon_t = 2,
    .argon_m_kib = 19456,
    .argon_p = 1,
};

const struct tn_auth_settings *tn_app_auth_settings(void)
{
    return &settings;
}

#define SALT_LEN 16
#define HASH_LEN 32

/* ---- time as seconds, on app->now's "YYYY-MM-DDTHH:MM:SS" ---- */

static tn_err to_secs(const char *t, int64_t *out)
{
    char day[11];
    int h, m, s;
    tn_day d;
    if (strlen(t) != 19 || t[10] != 'T')
        return TN_ERR_PARSE;
    memcpy(day, t, 10);
    day[10] = '\0';
    if (tn_day_parse(day, &d) || sscanf(t + 11, "%2d:%2d:%2d", &h, &m, &s) != 3)
        return TN_ERR_PARSE;
    *out = (int64_t)d * 86400 + h * 3600 + m * 60 + s;
    return TN_OK;
}

static void from_secs(int64_t secs, char out[20])
{
    tn_day d = (tn_day)(secs / 86400);
    unsigned r = (unsigned)(secs % 86400);
    char day[TN_DAY_BUFSZ];
    tn_day_format(d, day);
    memcpy(out, day, 10);
    unsigned char h = (unsigned char)(r / 3600), m = (unsigned char)(r / 60 % 60),
                  s = (unsigned char)(r % 60);
    snprintf(out + 10, 10, "T%02u:%02u:%02u", h % 100u, m % 100u, s % 100u);
}

/* app->now moved by delta seconds. Errors: TN_ERR_PARSE (app->now malformed; why says so). */
static tn_err now_plus(struct tn_app *app, int64_t delta, char out[20])
{
    int64_t t;
    if (to_secs(app->now, &t))
        return tn__app_fail(app, TN_ERR_PARSE, "the clock %s is not YYYY-MM-DDTHH:MM:SS", app->now);
    from_secs(t + delta, out);
    return TN_OK;
}

/* ---- randomness and hashes ---- */

static tn_err random_bytes(struct tn_app *app, unsigned char *buf, size_t n)
{
    size_t got = 0;
    while (got < n) {
        ssize_t k = getrandom(buf + got, n - got, 0);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return app ? tn__app_fail(app, TN_ERR_IO, "no randomness from the system: %s",
                                      strerror(errno))
                       : TN_ERR_IO;
        got += (size_t)k;
    }
    return TN_OK;
}

static void hex(const unsigned char *b, size_t n, char *out)
{
    static const char digits[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = digits[b[i] >> 4];
        out[2 * i + 1] = digits[b[i] & 15];
    }
    out[2 * n] = '\0';
}

/* A random 256-bit token as 64 hex digits. */
static tn_err new_token(struct tn_app *app, char out[65])
{
    unsigned char b[32];
    tn_err err = random_bytes(app, b, sizeof b);
    if (!err)
        hex(b, sizeof b, out);
    OPENSSL_cleanse(b, sizeof b);
    return err;
}

static void sha256_hex(const char *text, char out[65])
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    EVP_Digest(text, strlen(text), md, &n, EVP_sha256(), NULL);
    hex(md, n > 32 ? 32 : n, out);
}

int tn_app_token_equal(const char *want, const char *given)
{
    if (!want || !given || !*want || !*given)
        return 0;
    size_t n = strlen(want);
    return strlen(given) == n && CRYPTO_memcmp(want, given, n) == 0;
}

tn_err tn_app_password_new(char out[static TN_PASSWORD_GEN_LEN + 1])
{
    static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    const size_t n = sizeof alphabet - 1; /* 57: reject bytes >= 228 so each is uniform */
    size_t len = 0;
    while (len < TN_PASSWORD_GEN_LEN) {
        unsigned char b[32];
        if (random_bytes(NULL, b, sizeof b))
            return TN_ERR_IO;
        for (size_t i = 0; i < sizeof b && len < TN_PASSWORD_GEN_LEN; i++)
            if (b[i] < 256 - 256 % n)
                out[len++] = alphabet[b[i] % n];
    }
    out[len] = '\0';
    return TN_OK;
}

/* ---- checks ---- */

static int login_ok(const char *login)
{
    size_t n = login ? strlen(login) : 0;
    if (n == 0 || n > 63)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = login[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == '-'))
            return 0;
    }
    return 1;
}

/* Characters (UTF-8 code points) of s. */
static size_t code_points(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static tn_err check_password(struct tn_app *app, const char *password)
{
    if (!password || code_points(password) < (size_t)settings.min_password)
        return tn__app_fail(app, TN_ERR_USAGE,
                            "mật khẩu cần ít nhất %d ký tự / the password needs at least %d "
                            "characters",
                            settings.min_password, settings.min_password);
    return TN_OK;
}

static tn_err hash_password(struct tn_app *app, const char *password, char out[192])
{
    unsigned char salt[SALT_LEN];
    tn_err err = random_bytes(app, salt, sizeof salt);
    if (err)
        return err;
    int rc =
        argon2id_hash_encoded(settings.argon_t, settings.argon_m_kib, settings.argon_p, password,
                              strlen(password), salt, sizeof salt, HASH_LEN, out, 192);
    if (rc != ARGON2_OK)
        return tn__app_fail(app, TN_ERR_IO, "cannot hash the password: %s",
                            argon2_error_message(rc));
    return TN_OK;
}

static tn_err store_fail(struct tn_app *app, tn_err err)
{
    return tn__app_fail(app, err, "%s", tn_store_errmsg(app->store));
}

/* ---- users ---- */

tn_err tn_app_user_add(struct tn_app *app, const char *actor, const struct tn_user_new *u,
                       const char *password)
{
    if (!login_ok(u->login))
        return tn__app_fail(app, TN_ERR_USAGE,
                            "tên đăng nhập gồm 1 đến 63 chữ, số, '.', '_' hoặc '-' / a login is "
                            "1 to 63 letters, digits, '.', '_' or '-'");
    if ((unsigned)u->role >= TN_ROLE_COUNT)
        return tn__app_fail(app, TN_ERR_USAGE, "unknown role");
    if (u->role == TN_ROLE_OFFICER && (!u->officer || !*u->officer))
        return tn__app_fail(app, TN_ERR_USAGE,
                            "cán bộ thu cần mã cán bộ (--officer) / an officer needs an officer "
                            "code (--officer)");
    tn_err err = check_password(app, password);
    if (err)
        return err;
    const char *office = NULL;
    if (u->office && *u->office && (err = tn_app_scope_office(app, u->office, &office)))
        return err;
    struct tn_user_row row;
    memset(&row, 0, sizeof row);
    snprintf(row.login, sizeof row.login, "%s", u->login);
    row.role = (int)u->role;
    snprintf(row.office, sizeof row.office, "%s", office ? office : "");
    snprintf(row.officer, sizeof row.officer, "%s", u->officer ? u->officer : "");
    snprintf(row.created, sizeof row.created, "%s", app->now);
    snprintf(row.changed, sizeof row.changed, "%s", app->now);
    if ((err = hash_password(app, password, row.pwhash)))
        return err;
    char summary[160];
    snprintf(summary, sizeof summary, "-> role=%s office=%s officer=%s", tn_role_name(u->role),
             row.office, row.officer);
    if ((err = tn_store_begin(app->store)))
        return store_fail(app, err);
    if ((err = tn_store_user_add(app->store, &row)) ||
        (err = tn_app_audit_add(app, actor, "user.add", row.login, "ok", summary)) ||
        (err = tn_store_commit(app->store))) {
        tn_store_rollback(app->store);
        return err == TN_ERR_CONFLICT || err == TN_ERR_STORE ? store_fail(app, err) : err;
    }
    return TN_OK;
}

/* Reads login into u. Errors: TN_ERR_NOT_FOUND (why says so), TN_ERR_STORE. */
static tn_err get_user(struct tn_app *app, const char *login, struct tn_user_row *u)
{
    int found = 0;
    tn_err err = tn_store_user_get(app->store, login, u, &found);
    if (err)
        return store_fail(app, err);
    if (!found)
        return tn__app_fail(app, TN_ERR_NOT_FOUND, "không có người dùng %s / no user %s", login,
                            login);
    return TN_OK;
}

/* Writes u (its hash, disabled flag, role, office and officer), ends its sessions, appends
 * operation to the audit log, all in one transaction. */
static tn_err update_user(struct tn_app *app, const char *actor, struct tn_user_row *u,
                          const char *operation, const char *summary)
{
    snprintf(u->changed, sizeof u->changed, "%s", app->now);
    tn_err err = tn_store_begin(app->store);
    if (err)
        return store_fail(app, err);
    if ((err = tn_store_user_update(app->store, u)) ||
        (err = tn_store_session_end(app->store, NULL, u->login)) ||
        (err = tn_app_audit_add(app, actor, operation, u->login, "ok", summary)) ||
        (err = tn_store_commit(app->store))) {
        tn_store_rollback(app->store);
        return store_fail(app, err);
    }
    return TN_OK;
}

tn_err tn_app_user_passwd(struct tn_app *app, const char *actor, const char *login,
                          const char *password)
{
    struct tn_user_row u;
    tn_err err = check_password(app, password);
    if (err || (err = get_user(app, login, &u)) || (err = hash_password(app, password, u.pwhash)))
        return err;
    return update_user(app, actor, &u, "user.passwd", "password changed, sessions ended");
}

/* Sets login's disabled flag to disabled, audited as operation. */
static tn_err set_disabled(struct tn_app *app, const char *actor, const char *login, int disabled,
                           const char *operation)
{
    struct tn_user_row u;
    tn_err err = get_user(app, login, &u);
    if (err)
        return err;
    char summary[64];
    snprintf(summary, sizeof summary, "%s -> %s", u.disabled ? "disabled" : "enabled",
             disabled ? "disabled" : "enabled");
    u.disabled = disabled;
    return update_user(app, actor, &u, operation, summary);
}

tn_err tn_app_user_disable(struct tn_app *app, const char *actor, const char *login)
{
    if (actor && login && strcmp(actor, login) == 0)
        return tn__app_fail(app, TN_ERR_USAGE,
                            "không thể tự khóa tài khoản của mình / a user may not disable "
                            "itself");
    return set_disabled(app, actor, login, 1, "user.disable");
}

tn_err tn_app_user_enable(struct tn_app *app, const char *actor, const char *login)
{
    return set_disabled(app, actor, login, 0, "user.enable");
}

/* Counts the enabled administrators other than skip. */
struct admins {
    const char *skip;
    int n;
};

static tn_err count_admin(void *ctx, const struct tn_user_row *u)
{
    struct admins *a = ctx;
    a->n += u->role == TN_ROLE_ADMIN && !u->disabled && strcmp(u->login, a->skip) != 0;
    return TN_OK;
}

/* The checks of tn_app_user_set that read the store, then the change (u's office resolved to
 * office), inside the transaction tn_app_user_set holds: the user and the other
 * administrators are read under the store's write lock, so two changes at once cannot both
 * find another administrator and leave none. */
static tn_err set_locked(struct tn_app *app, const char *actor, const struct tn_user_new *u,
                         const char *office)
{
    struct tn_user_row row;
    tn_err err = get_user(app, u->login, &row);
    if (err)
        return err;
    if (actor && strcmp(actor, row.login) == 0 && (int)u->role != row.role)
        return tn__app_fail(app, TN_ERR_USAGE,
                            "không thể tự đổi vai trò của mình / a user may not change its own "
                            "role");
    if (row.role == TN_ROLE_ADMIN && u->role != TN_ROLE_ADMIN && !row.disabled) {
        struct admins a = {row.login, 0};
        if ((err = tn_store_users(app->store, count_admin, &a)))
            return store_fail(app, err);
        if (a.n == 0)
            return tn__app_fail(app, TN_ERR_USAGE,
                                "%s là quản trị viên cuối cùng / %s is the last administrator",
                                row.login, row.login);
    }
    char summary[200];
    snprintf(summary, sizeof summary,
             "role=%s office=%s officer=%s -> role=%s office=%s officer=%s",
             tn_role_name((enum tn_role)row.role), row.office, row.officer, tn_role_name(u->role),
             office ? office : "", u->officer ? u->officer : "");
    row.role = (int)u->role;
    snprintf(row.office, sizeof row.office, "%s", office ? office : "");
    snprintf(row.officer, sizeof row.officer, "%s", u->officer ? u->officer : "");
    return update_user(app, actor, &row, "user.set", summary);
}

tn_err tn_app_user_set(struct tn_app *app, const char *actor, const struct tn_user_new *u)
{
    if ((unsigned)u->role >= TN_ROLE_COUNT)
        return tn__app_fail(app, TN_ERR_USAGE, "unknown role");
    if (u->role == TN_ROLE_OFFICER && (!u->officer || !*u->officer))
        return tn__app_fail(app, TN_ERR_USAGE,
                            "cán bộ thu cần mã cán bộ (--officer) / an officer needs an officer "
                            "code (--officer)");
    const char *office = NULL;
    tn_err err = TN_OK;
    if (u->office && *u->office && (err = tn_app_scope_office(app, u->office, &office)))
        return err;
    if ((err = tn_store_begin(app->store)))
        return store_fail(app, err);
    if ((err = set_locked(app, actor, u, office)) || (err = tn_store_commit(app->store))) {
        tn_store_rollback(app->store);
        return err == TN_ERR_STORE ? store_fail(app, err) : err;
    }
    return TN_OK;
}

/* ---- sessions ---- */

static void session_user(const struct tn_user_row *u, struct tn_session_user *out)
{
    memset(out, 0, sizeof *out);
    snprintf(out->login, sizeof out->login, "%s", u->login);
    out->role = (enum tn_role)u->role;
    snprintf(out->office, sizeof out->office, "%s", u->office);
    snprintf(out->officer, sizeof out->officer, "%s", u->officer);
}

/* 1 when password is login's (u; NULL for an unknown login, which costs one hash all the same,
 * so that the time does not tell an unknown login from a wrong password). */
static int password_ok(const struct tn_user_row *u, const char *password)
{
    if (u)
        return argon2id_verify(u->pwhash, password, strlen(password)) == ARGON2_OK;
    static const unsigned char salt[SALT_LEN] = "thuno-no-user!!";
    unsigned char h[HASH_LEN];
    argon2id_hash_raw(settings.argon_t, settings.argon_m_kib, settings.argon_p, password,
                      strlen(password), salt, sizeof salt, h, sizeof h);
    return 0;
}

tn_err tn_app_login(struct tn_app *app, const char *login, const char *password,
                    const char *address, struct tn_login *out)
{
    char since[20];
    tn_err err = now_plus(app, -(int64_t)settings.failure_window_s, since);
    if (err)
        return err;
    if (!login || !password)
        return tn__app_fail(app, TN_ERR_AUTH,
                            "sai tên đăng nhập hoặc mật khẩu / wrong login or password");
    if (!address)
        address = "";
    long by_login = 0, by_address = 0;
    if ((err = tn_store_login_failures(app->store, login, address, since, &by_login, &by_address)))
        return store_fail(app, err);
    if (by_login >= settings.max_failures || (*address && by_address >= settings.max_failures))
        return tn__app_fail(app, TN_ERR_THROTTLED,
                            "đăng nhập sai quá nhiều lần, hãy thử lại sau %d phút / too many "
                            "failed logins, try again in %d minutes",
                            settings.failure_window_s / 60, settings.failure_window_s / 60);
    struct tn_user_row u;
    int found = 0;
    if ((err = tn_store_user_get(app->store, login, &u, &found)))
        return store_fail(app, err);
    int ok = password_ok(found ? &u : NULL, password);
    if (!found || !ok || u.disabled) {
        if ((err = tn_store_login_failure(app->store, login, address, app->now)))
            return store_fail(app, err);
        return tn__app_fail(app, TN_ERR_AUTH,
                            "sai tên đăng nhập hoặc mật khẩu / wrong login or password");
    }
    struct tn_session_row s;
    memset(&s, 0, sizeof s);
    char token[65];
    if ((err = new_token(app, token)) || (err = new_token(app, s.csrf)) ||
        (err = now_plus(app, settings.session_s, s.expires)))
        return err;
    sha256_hex(token, s.token_hash);
    snprintf(s.login, sizeof s.login, "%s", u.login);
    snprintf(s.created, sizeof s.created, "%s", app->now);
    if ((err = tn_store_begin(app->store)))
        return store_fail(app, err);
    if ((err = tn_store_session_add(app->store, &s)) ||
        (err = tn_app_audit_add(app, u.login, "session.login", u.login, "ok", address)) ||
        (err = tn_store_commit(app->store))) {
        tn_store_rollback(app->store);
        OPENSSL_cleanse(token, sizeof token);
        return store_fail(app, err);
    }
    memcpy(out->token, token, sizeof token);
    OPENSSL_cleanse(token, sizeof token);
    memcpy(out->csrf, s.csrf, sizeof s.csrf);
    memcpy(out->expires, s.expires, sizeof s.expires);
    session_user(&u, &out->user);
    return TN_OK;
}

tn_err tn_app_session(struct tn_app *app, const char *token, struct tn_session_user *user,
                      char csrf[65])
{
    static const char none[] = "chưa đăng nhập hoặc phiên đã hết hạn / not logged in, or the "
                               "session has expired";
    if (!token || strlen(token) != 64)
        return tn__app_fail(app, TN_ERR_AUTH, none);
    char h[65];
    sha256_hex(token, h);
    struct tn_session_row s;
    int found = 0;
    tn_err err = tn_store_session_get(app->store, h, &s, &found);
    if (err)
        return store_fail(app, err);
    if (found && strcmp(s.expires, app->now) <= 0) /* expired: gone for good */
        tn_store_session_end(app->store, h, NULL);
    if (!found || strcmp(s.expires, app->now) <= 0)
        return tn__app_fail(app, TN_ERR_AUTH, none);
    struct tn_user_row u;
    if ((err = tn_store_user_get(app->store, s.login, &u, &found)))
        return store_fail(app, err);
    if (!found || u.disabled)
        return tn__app_fail(app, TN_ERR_AUTH, none);
    session_user(&u, user);
    if (csrf)
        memcpy(csrf, s.csrf, sizeof s.csrf);
    return TN_OK;
}

tn_err tn_app_logout(struct tn_app *app, const char *token)
{
    if (!token || strlen(token) != 64)
        return TN_OK;
    char h[65];
    sha256_hex(token, h);
    struct tn_session_row s;
    int found = 0;
    tn_err err = tn_store_session_get(app->store, h, &s, &found);
    if (err)
        return store_fail(app, err);
    if (!found)
        return TN_OK;
    if ((err = tn_store_begin(app->store)))
        return store_fail(app, err);
    if ((err = tn_store_session_end(app->store, h, NULL)) ||
        (err = tn_app_audit_add(app, s.login, "session.logout", s.login, "ok", NULL)) ||
        (err = tn_store_commit(app->store))) {
        tn_store_rollback(app->store);
        return store_fail(app, err);
    }
    return TN_OK;
}

void tn_app_session_scope(const struct tn_session_user *u, struct tn_scope *scope)
{
    scope->role = u->role;
    scope->office = u->office[0] ? u->office : NULL;
    scope->officer = u->role == TN_ROLE_OFFICER && u->officer[0] ? u->officer : NULL;
}
