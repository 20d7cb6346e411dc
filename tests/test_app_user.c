/*
 * test_app_user.c - users, roles, sessions and the audit log of the application layer
 * (app_user.h; issue 12): the table of operation x role checked whole against the roles the
 * issue gives each operation, every refusal audited, passwords hashed with Argon2id and never
 * stored or audited in clear, sessions that expire and end, login throttling, and the audit
 * log's refusal of any edit.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/store_test.h"
#include "thuno/app.h"
#include "thuno/import.h"
#include "thuno/policy.h"
#include "thuno/policy_load.h"
#include "thuno/store.h"

struct fixture {
    struct tn_store *store;
    struct tn_policy pol;
    struct tn_app app;
};

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    char msg[256];
    const char *dir = getenv("THUNO_POLICY");
    if (!f || tn_store_open(":memory:", 1, &f->store, msg) ||
        tn_policy_load(dir ? dir : THUNO_POLICY_DIR, &f->pol, msg, sizeof msg))
        return -1;
    tn_app_init(&f->app, f->store, &f->pol, "2025-12-02T08:00:00", TN_LANG_EN);
    /* officers of D01 and D02, so that those offices exist */
    char path[] = "/tmp/thuno_user_XXXXXX";
    int fd = mkstemp(path);
    FILE *fp = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!fp)
        return -1;
    fputs("officer_code,full_name,department,office_code,active\n"
          "O1,Nguyễn Văn Cán,QLT,D01,1\nO2,Trần Thị Thu,KTTN,D02,1\n",
          fp);
    fclose(fp);
    struct tn_import_report rep;
    tn_import_report_init(&rep);
    struct tn_scope province = {NULL, NULL, TN_ROLE_ADMIN};
    tn_err err = tn_app_import(&f->app, &province, TN_IMPORT_OFFICERS, path, 0, NULL, NULL, &rep);
    tn_import_report_release(&rep);
    unlink(path);
    *state = f;
    return err ? -1 : 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    tn_store_free(f->store);
    tn_policy_release(&f->pol);
    free(f);
    return 0;
}

/* ---- what the audit log holds, one "actor op target outcome [summary]" line each ---- */

struct text {
    char buf[8192];
    size_t len, rows;
};

static tn_err text_row(void *ctx, const struct tn_cell *c)
{
    struct text *t = ctx;
    int n = snprintf(t->buf + t->len, sizeof t->buf - t->len, "%s %s %s %s [%s]\n", c[2].text,
                     c[3].text, c[4].text, c[5].text, c[6].text);
    assert_true(n > 0 && (size_t)n < sizeof t->buf - t->len);
    t->len += (size_t)n;
    t->rows++;
    return TN_OK;
}

static void audit_text(struct tn_app *app, const struct tn_audit_filter *f, struct text *t)
{
    memset(t, 0, sizeof *t);
    struct tn_sink sink = {text_row, NULL, t};
    assert_int_equal(tn_app_audit(app, f, &sink), TN_OK);
}

/* ---- roles ---- */

/* What the issue gives each role (issue 12 item 3), written out by hand: the table in
 * app_user.h must say exactly this. */
static const char *const want_roles[] = {
    "report.read: admin director qlt kttn ttkt legal officer",
    "unit.read: admin director qlt kttn ttkt legal officer",
    "import: admin",
    "close: admin",
    "close.read: admin director",
    "audit.read: admin director ttkt",
    "user.manage: admin",
    "case.read: admin director qlt kttn ttkt legal officer",
    "case.record: legal officer",
    "case.register: legal",
    "case.document: director legal",
    "assign: admin qlt",
    "worklist.read: admin director qlt kttn officer",
    "suspense: qlt kttn",
    "handover.sign.QLT: director qlt",
    "handover.sign.KTTN: director kttn",
    "letter: admin qlt kttn",
    "contact.record: qlt kttn officer",
    "calendar.done: director qlt kttn ttkt",
};

static void every_operation_and_role_is_as_the_table_says(void **state)
{
    (void)state;
    assert_int_equal(TN_OP_COUNT, sizeof want_roles / sizeof want_roles[0]);
    for (int op = 0; op < TN_OP_COUNT; op++) {
        char got[160];
        int n = snprintf(got, sizeof got, "%s:", tn_app_op_name((enum tn_app_op)op));
        for (int r = 0; r < TN_ROLE_COUNT; r++)
            if (tn_app_allowed((enum tn_app_op)op, (enum tn_role)r))
                n +=
                    snprintf(got + n, sizeof got - (size_t)n, " %s", tn_role_name((enum tn_role)r));
        assert_string_equal(got, want_roles[op]);
    }
    assert_int_equal(tn_app_allowed(TN_OP_COUNT, TN_ROLE_ADMIN), 0);
    assert_int_equal(tn_app_allowed(TN_OP_import, (enum tn_role)TN_ROLE_COUNT), 0);
}

static void role_names_parse_back(void **state)
{
    (void)state;
    for (int r = 0; r < TN_ROLE_COUNT; r++) {
        enum tn_role back = TN_ROLE_ADMIN;
        assert_int_equal(tn_role_parse(tn_role_name((enum tn_role)r), &back), TN_OK);
        assert_int_equal(back, r);
    }
    enum tn_role x;
    assert_int_equal(tn_role_parse("root", &x), TN_ERR_USAGE);
    assert_int_equal(tn_role_parse(NULL, &x), TN_ERR_USAGE);
}

/* every operation x every role through tn_app_authorize: allowed is TN_OK with nothing
 * recorded; refused is TN_ERR_FORBIDDEN with one "refused" entry naming the role */
static void every_refusal_is_audited(void **state)
{
    struct fixture *f = *state;
    size_t refused = 0;
    for (int op = 0; op < TN_OP_COUNT; op++)
        for (int r = 0; r < TN_ROLE_COUNT; r++) {
            struct tn_scope scope = {NULL, NULL, (enum tn_role)r};
            tn_err err = tn_app_authorize(&f->app, &scope, "u", (enum tn_app_op)op, "T");
            int allowed = tn_app_allowed((enum tn_app_op)op, (enum tn_role)r);
            assert_int_equal(err, allowed ? TN_OK : TN_ERR_FORBIDDEN);
            struct text t;
            audit_text(&f->app, NULL, &t);
            refused += !allowed;
            assert_int_equal(t.rows, refused);
            if (!allowed) {
                char want[128];
                snprintf(want, sizeof want, "u %s T refused [role %s]\n",
                         tn_app_op_name((enum tn_app_op)op), tn_role_name((enum tn_role)r));
                assert_non_null(strstr(t.buf, want));
                assert_non_null(strstr(tn_app_why(&f->app, err), "may not"));
            }
        }
    /* import, close, close.read, audit, users; case record, register, document, assign,
     * worklist, suspense, each department's handover, letters, contacts, the calendar's done */
    assert_int_equal(refused, 5 + 6 + 6 + 4 + 6 + 5 + 6 + 5 + 5 + 2 + 5 + 5 + 5 + 4 + 4 + 3);
}

/* ---- users ---- */

static tn_err add(struct fixture *f, const char *login, enum tn_role role, const char *office,
                  const char *officer, const char *password)
{
    struct tn_user_new u = {login, role, office, officer};
    return tn_app_user_add(&f->app, "cli:root", &u, password);
}

static tn_err user_text_row(void *ctx, const struct tn_cell *c)
{
    struct text *t = ctx;
    int n = snprintf(t->buf + t->len, sizeof t->buf - t->len, "%s %s [%s] [%s] %s\n", c[0].text,
                     c[1].text, c[2].text, c[3].text, c[4].text);
    t->len += (size_t)n;
    t->rows++;
    return TN_OK;
}

static void users_are_added_checked_and_listed(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(add(f, "ana", TN_ROLE_ADMIN, NULL, NULL, "mật khẩu dài đủ"), TN_OK);
    assert_int_equal(add(f, "tung", TN_ROLE_OFFICER, "D01", "O1", "0123456789"), TN_OK);
    assert_int_equal(add(f, "lan", TN_ROLE_DIRECTOR, NULL, NULL, "0123456789"), TN_OK);
    /* refused: existing login, short password (9 characters, 10 bytes), bad login, officer
     * without code, unknown office */
    assert_int_equal(add(f, "ana", TN_ROLE_QLT, NULL, NULL, "0123456789"), TN_ERR_CONFLICT);
    assert_non_null(strstr(tn_app_why(&f->app, TN_ERR_CONFLICT), "already exists"));
    assert_int_equal(add(f, "binh", TN_ROLE_QLT, NULL, NULL, "mậtkhẩu12"), TN_ERR_USAGE);
    assert_non_null(strstr(tn_app_why(&f->app, TN_ERR_USAGE), "at least 10"));
    assert_int_equal(add(f, "binh", TN_ROLE_QLT, NULL, NULL, ""), TN_ERR_USAGE);
    assert_int_equal(add(f, "bình", TN_ROLE_QLT, NULL, NULL, "0123456789"), TN_ERR_USAGE);
    assert_int_equal(add(f, "", TN_ROLE_QLT, NULL, NULL, "0123456789"), TN_ERR_USAGE);
    assert_int_equal(add(f, "hai", TN_ROLE_OFFICER, "D01", NULL, "0123456789"), TN_ERR_USAGE);
    assert_int_equal(add(f, "hai", TN_ROLE_QLT, "D77", NULL, "0123456789"), TN_ERR_NOT_FOUND);
    struct text t = {0};
    struct tn_sink sink = {user_text_row, NULL, &t};
    size_t ncols;
    assert_int_equal(tn_app_user_cols(&ncols)[0].type, TN_COL_TEXT);
    assert_int_equal(ncols, 7);
    assert_int_equal(tn_app_users(&f->app, &sink), TN_OK);
    assert_string_equal(t.buf, "ana admin [] [] no\n"
                               "lan director [] [] no\n"
                               "tung officer [D01] [O1] no\n");
    /* the hash is Argon2id with its parameters; no password anywhere in clear */
    char hash[256];
    assert_int_equal(tn__store_test_text(f->store, "SELECT pwhash FROM app_user WHERE login='tung'",
                                         hash, sizeof hash),
                     TN_OK);
    assert_non_null(strstr(hash, "$argon2id$v=19$m=19456,t=2,p=1$"));
    assert_int_equal(tn__store_test_text(
                         f->store, "SELECT count(*) FROM app_user WHERE pwhash LIKE '%0123456789%'",
                         hash, sizeof hash),
                     TN_OK);
    assert_string_equal(hash, "0");
    char other[256];
    assert_int_equal(tn__store_test_text(f->store, "SELECT pwhash FROM app_user WHERE login='lan'",
                                         other, sizeof other),
                     TN_OK);
    assert_string_not_equal(hash, other); /* same password, own salt */
    audit_text(&f->app, NULL, &t);
    assert_string_equal(t.buf, "cli:root user.add ana ok [-> role=admin office= officer=]\n"
                               "cli:root user.add tung ok [-> role=officer office=D01 officer=O1]\n"
                               "cli:root user.add lan ok [-> role=director office= officer=]\n");
}

/* A user disabled and enabled again (the API's and the CLI's enable), read alone, and never
 * disabled by itself. */
static void users_are_enabled_again_and_read_alone(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(add(f, "ana", TN_ROLE_ADMIN, NULL, NULL, "mật khẩu dài đủ"), TN_OK);
    assert_int_equal(add(f, "tung", TN_ROLE_OFFICER, "D01", "O1", "0123456789"), TN_OK);
    assert_int_equal(tn_app_user_disable(&f->app, "ana", "ana"), TN_ERR_USAGE);
    assert_non_null(strstr(tn_app_why(&f->app, TN_ERR_USAGE), "may not disable itself"));
    struct tn_login l;
    assert_int_equal(tn_app_user_disable(&f->app, "ana", "tung"), TN_OK);
    assert_int_equal(tn_app_login(&f->app, "tung", "0123456789", "", &l), TN_ERR_AUTH);
    assert_int_equal(tn_app_user_enable(&f->app, "ana", "tung"), TN_OK);
    assert_int_equal(tn_app_login(&f->app, "tung", "0123456789", "", &l), TN_OK);
    assert_int_equal(tn_app_user_enable(&f->app, "ana", "nobody"), TN_ERR_NOT_FOUND);
    struct text t = {0};
    struct tn_sink sink = {user_text_row, NULL, &t};
    assert_int_equal(tn_app_user(&f->app, "tung", &sink), TN_OK);
    assert_string_equal(t.buf, "tung officer [D01] [O1] no\n");
    assert_int_equal(tn_app_user(&f->app, "nobody", &sink), TN_ERR_NOT_FOUND);
    struct tn_audit_filter mine = {.target = "tung"};
    audit_text(&f->app, &mine, &t);
    assert_string_equal(t.buf, "cli:root user.add tung ok [-> role=officer office=D01 officer=O1]\n"
                               "ana user.disable tung ok [enabled -> disabled]\n"
                               "ana user.enable tung ok [disabled -> enabled]\n"
                               "tung session.login tung ok []\n");
}

static tn_err set(struct fixture *f, const char *actor, const char *login, enum tn_role role,
                  const char *office, const char *officer)
{
    struct tn_user_new u = {login, role, office, officer};
    return tn_app_user_set(&f->app, actor, &u);
}

/* A user's role, office and officer changed in place: its sessions end, its next login has the
 * new cut, the change is audited before -> after; never one's own role, never the last enabled
 * administrator's, never an officer without code or an unknown office; the users report is the
 * administrator's alone. */
static void users_change_role_office_and_officer_in_place(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(add(f, "ana", TN_ROLE_ADMIN, NULL, NULL, "mật khẩu dài đủ"), TN_OK);
    assert_int_equal(add(f, "tung", TN_ROLE_OFFICER, "D01", "O1", "0123456789"), TN_OK);
    struct tn_login l;
    assert_int_equal(tn_app_login(&f->app, "tung", "0123456789", "", &l), TN_OK);
    assert_int_equal(set(f, "ana", "tung", TN_ROLE_KTTN, "D02", NULL), TN_OK);
    struct tn_session_user u;
    assert_int_equal(tn_app_session(&f->app, l.token, &u, NULL), TN_ERR_AUTH); /* ended */
    assert_int_equal(tn_app_login(&f->app, "tung", "0123456789", "", &l), TN_OK);
    assert_int_equal(l.user.role, TN_ROLE_KTTN);
    assert_string_equal(l.user.office, "D02");
    assert_string_equal(l.user.officer, "");
    /* refused, nothing changed */
    assert_int_equal(set(f, "ana", "tung", TN_ROLE_OFFICER, "D01", NULL), TN_ERR_USAGE);
    assert_int_equal(set(f, "ana", "tung", TN_ROLE_QLT, "D77", NULL), TN_ERR_NOT_FOUND);
    assert_int_equal(set(f, "ana", "nobody", TN_ROLE_QLT, NULL, NULL), TN_ERR_NOT_FOUND);
    assert_int_equal(set(f, "ana", "ana", TN_ROLE_QLT, NULL, NULL), TN_ERR_USAGE);
    assert_non_null(strstr(tn_app_why(&f->app, TN_ERR_USAGE), "its own role"));
    assert_int_equal(set(f, "cli:root", "ana", TN_ROLE_QLT, NULL, NULL), TN_ERR_USAGE);
    assert_non_null(strstr(tn_app_why(&f->app, TN_ERR_USAGE), "last administrator"));
    /* its own office, its role kept: allowed; a second admin lets the first go */
    assert_int_equal(set(f, "ana", "ana", TN_ROLE_ADMIN, "D01", NULL), TN_OK);
    assert_int_equal(set(f, "ana", "tung", TN_ROLE_ADMIN, NULL, NULL), TN_OK);
    assert_int_equal(set(f, "tung", "ana", TN_ROLE_DIRECTOR, NULL, NULL), TN_OK);
    /* a disabled administrator does not count */
    assert_int_equal(add(f, "ha", TN_ROLE_ADMIN, NULL, NULL, "0123456789"), TN_OK);
    assert_int_equal(tn_app_user_disable(&f->app, "tung", "ha"), TN_OK);
    assert_int_equal(set(f, "cli:root", "tung", TN_ROLE_QLT, NULL, NULL), TN_ERR_USAGE);
    struct text t = {0};
    struct tn_sink sink = {user_text_row, NULL, &t};
    assert_int_equal(tn_app_users(&f->app, &sink), TN_OK);
    assert_string_equal(t.buf, "ana director [] [] no\n"
                               "ha admin [] [] yes\n"
                               "tung admin [] [] no\n");
    struct tn_audit_filter mine = {.target = "tung", .actor = "ana"};
    audit_text(&f->app, &mine, &t);
    assert_string_equal(t.buf, "ana user.set tung ok [role=officer office=D01 officer=O1 -> "
                               "role=kttn office=D02 officer=]\n"
                               "ana user.set tung ok [role=kttn office=D02 officer= -> role=admin "
                               "office= officer=]\n");
    /* the users report: the administrator's alone */
    struct tn_report_params p;
    tn_report_params_init(&p);
    struct tn_scope admin = {NULL, NULL, TN_ROLE_ADMIN}, director = {NULL, NULL, TN_ROLE_DIRECTOR};
    const struct tn_report *r = tn_app_report("users");
    assert_non_null(r);
    memset(&t, 0, sizeof t);
    assert_int_equal(tn_app_report_for(&f->app, &admin, r, &p, &sink), TN_OK);
    assert_int_equal(t.rows, 3);
    assert_int_equal(tn_app_report_for(&f->app, &director, r, &p, &sink), TN_ERR_FORBIDDEN);
}

static void generated_passwords_are_long_and_differ(void **state)
{
    (void)state;
    char a[TN_PASSWORD_GEN_LEN + 1], b[TN_PASSWORD_GEN_LEN + 1];
    assert_int_equal(tn_app_password_new(a), TN_OK);
    assert_int_equal(tn_app_password_new(b), TN_OK);
    assert_int_equal(strlen(a), TN_PASSWORD_GEN_LEN);
    assert_string_not_equal(a, b);
    for (size_t i = 0; a[i]; i++)
        assert_non_null(strchr("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789", a[i]));
}

/* ---- sessions ---- */

static void sessions_log_in_expire_and_end(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(add(f, "tung", TN_ROLE_OFFICER, "D01", "O1", "0123456789"), TN_OK);
    struct tn_login l;
    assert_int_equal(tn_app_login(&f->app, "tung", "0123456789", "10.0.0.1", &l), TN_OK);
    assert_int_equal(strlen(l.token), 64);
    assert_int_equal(strlen(l.csrf), 64);
    assert_string_equal(l.expires, "2025-12-02T16:00:00"); /* 8 hours */
    assert_string_equal(l.user.login, "tung");
    assert_int_equal(l.user.role, TN_ROLE_OFFICER);
    /* the token is stored as its SHA-256 only */
    char n[64];
    char sql[256];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM app_session WHERE token_hash = '%s'", l.token);
    assert_int_equal(tn__store_test_text(f->store, sql, n, sizeof n), TN_OK);
    assert_string_equal(n, "0");
    struct tn_session_user u;
    char csrf[65];
    assert_int_equal(tn_app_session(&f->app, l.token, &u, csrf), TN_OK);
    assert_string_equal(u.officer, "O1");
    assert_true(tn_app_token_equal(csrf, l.csrf));
    assert_false(tn_app_token_equal(csrf, ""));
    assert_false(tn_app_token_equal(csrf, "abc"));
    struct tn_scope scope;
    tn_app_session_scope(&u, &scope);
    assert_string_equal(scope.office, "D01");
    assert_string_equal(scope.officer, "O1");
    assert_int_equal(scope.role, TN_ROLE_OFFICER);
    /* an unknown token, a malformed one */
    char bad[65];
    memcpy(bad, l.token, sizeof bad);
    bad[0] = bad[0] == 'a' ? 'b' : 'a';
    assert_int_equal(tn_app_session(&f->app, bad, &u, NULL), TN_ERR_AUTH);
    assert_int_equal(tn_app_session(&f->app, "x", &u, NULL), TN_ERR_AUTH);
    /* expiry: valid a second before, refused at it */
    snprintf(f->app.now, sizeof f->app.now, "2025-12-02T15:59:59");
    assert_int_equal(tn_app_session(&f->app, l.token, &u, NULL), TN_OK);
    snprintf(f->app.now, sizeof f->app.now, "2025-12-02T16:00:00");
    assert_int_equal(tn_app_session(&f->app, l.token, &u, NULL), TN_ERR_AUTH);
    /* logout ends it */
    snprintf(f->app.now, sizeof f->app.now, "2025-12-02T17:00:00");
    struct tn_login m;
    assert_int_equal(tn_app_login(&f->app, "tung", "0123456789", "10.0.0.1", &m), TN_OK);
    assert_string_not_equal(m.token, l.token);
    assert_int_equal(tn_app_session(&f->app, m.token, &u, NULL), TN_OK);
    assert_int_equal(tn_app_logout(&f->app, m.token), TN_OK);
    assert_int_equal(tn_app_session(&f->app, m.token, &u, NULL), TN_ERR_AUTH);
    assert_int_equal(tn_app_logout(&f->app, m.token), TN_OK); /* again: nothing */
    /* a new password or disabling ends every session */
    assert_int_equal(tn_app_login(&f->app, "tung", "0123456789", "10.0.0.1", &m), TN_OK);
    assert_int_equal(tn_app_user_passwd(&f->app, "cli:root", "tung", "abcdefghijk"), TN_OK);
    assert_int_equal(tn_app_session(&f->app, m.token, &u, NULL), TN_ERR_AUTH);
    assert_int_equal(tn_app_login(&f->app, "tung", "0123456789", "", &m), TN_ERR_AUTH);
    assert_int_equal(tn_app_login(&f->app, "tung", "abcdefghijk", "", &m), TN_OK);
    assert_int_equal(tn_app_user_disable(&f->app, "cli:root", "tung"), TN_OK);
    assert_int_equal(tn_app_session(&f->app, m.token, &u, NULL), TN_ERR_AUTH);
    assert_int_equal(tn_app_login(&f->app, "tung", "abcdefghijk", "", &m), TN_ERR_AUTH);
    assert_int_equal(tn_app_user_disable(&f->app, "cli:root", "nobody"), TN_ERR_NOT_FOUND);
    assert_int_equal(tn_app_user_passwd(&f->app, "cli:root", "nobody", "abcdefghijk"),
                     TN_ERR_NOT_FOUND);
    assert_int_equal(tn_app_user_passwd(&f->app, "cli:root", "tung", "short"), TN_ERR_USAGE);
    /* the audit log has every change, and no password or token */
    struct text t;
    struct tn_audit_filter mine = {.target = "tung"};
    audit_text(&f->app, &mine, &t);
    assert_string_equal(t.buf, "cli:root user.add tung ok [-> role=officer office=D01 officer=O1]\n"
                               "tung session.login tung ok [10.0.0.1]\n"
                               "tung session.login tung ok [10.0.0.1]\n"
                               "tung session.logout tung ok []\n"
                               "tung session.login tung ok [10.0.0.1]\n"
                               "cli:root user.passwd tung ok [password changed, sessions ended]\n"
                               "tung session.login tung ok []\n"
                               "cli:root user.disable tung ok [enabled -> disabled]\n");
    assert_int_equal(tn__store_test_text(f->store,
                                         "SELECT count(*) FROM audit WHERE summary LIKE '%0123%' "
                                         "OR summary LIKE '%abcdefghijk%'",
                                         n, sizeof n),
                     TN_OK);
    assert_string_equal(n, "0");
}

static void failed_logins_are_throttled(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(add(f, "ana", TN_ROLE_ADMIN, NULL, NULL, "0123456789"), TN_OK);
    assert_int_equal(add(f, "lan", TN_ROLE_QLT, NULL, NULL, "0123456789"), TN_OK);
    struct tn_login l;
    /* 5 wrong passwords in a minute from one address */
    for (int i = 0; i < 5; i++) {
        snprintf(f->app.now, sizeof f->app.now, "2025-12-02T08:00:%02d", i);
        assert_int_equal(tn_app_login(&f->app, "ana", "wrong-password", "10.0.0.1", &l),
                         TN_ERR_AUTH);
    }
    /* now the right password is refused for the login, from anywhere ... */
    assert_int_equal(tn_app_login(&f->app, "ana", "0123456789", "10.0.0.9", &l), TN_ERR_THROTTLED);
    assert_non_null(strstr(tn_app_why(&f->app, TN_ERR_THROTTLED), "15 minutes"));
    /* ... and the address, for any login */
    assert_int_equal(tn_app_login(&f->app, "lan", "0123456789", "10.0.0.1", &l), TN_ERR_THROTTLED);
    assert_int_equal(tn_app_login(&f->app, "lan", "0123456789", "10.0.0.2", &l), TN_OK);
    /* an unknown login counts too */
    for (int i = 0; i < 5; i++)
        assert_int_equal(tn_app_login(&f->app, "ghost", "0123456789", "10.0.0.3", &l), TN_ERR_AUTH);
    assert_int_equal(tn_app_login(&f->app, "ghost", "0123456789", "10.0.0.4", &l),
                     TN_ERR_THROTTLED);
    /* 15 minutes after the first failures they have aged out */
    snprintf(f->app.now, sizeof f->app.now, "2025-12-02T08:15:01");
    assert_int_equal(tn_app_login(&f->app, "ana", "0123456789", "10.0.0.1", &l), TN_OK);
}

/* ---- the audit log ---- */

static void the_audit_log_cannot_be_edited(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(tn_app_audit_add(&f->app, "cli:root", "close", "2025-11", "ok", "units 4"),
                     TN_OK);
    assert_int_equal(tn__store_test_exec(f->store, "UPDATE audit SET actor = 'someone'"),
                     TN_ERR_STORE);
    assert_non_null(strstr(tn_store_errmsg(f->store), "append-only"));
    assert_int_equal(tn__store_test_exec(f->store, "DELETE FROM audit"), TN_ERR_STORE);
    assert_non_null(strstr(tn_store_errmsg(f->store), "append-only"));
    struct text t;
    audit_text(&f->app, NULL, &t);
    assert_string_equal(t.buf, "cli:root close 2025-11 ok [units 4]\n");
}

/* Counts the rows of the query count_sql into n. */
static long count_of(struct tn_store *s, const char *count_sql)
{
    char n[32];
    assert_int_equal(tn__store_test_text(s, count_sql, n, sizeof n), TN_OK);
    return strtol(n, NULL, 10);
}

static void a_change_commits_with_its_entry_or_not_at_all(void **state)
{
    struct fixture *f = *state;
    static const char users[] = "SELECT count(*) FROM app_user",
                      entries[] = "SELECT count(*) FROM audit";
    long u0 = count_of(f->store, users), a0 = count_of(f->store, entries);
    /* committed together: the user (its own transaction nests in the change) and the entry */
    assert_int_equal(tn_app_change_begin(&f->app), TN_OK);
    assert_int_equal(add(f, "mai", TN_ROLE_QLT, NULL, NULL, "0123456789"), TN_OK);
    assert_int_equal(tn_app_change_end(&f->app, TN_OK, "cli:root", "test", "mai", "added"), TN_OK);
    assert_int_equal(count_of(f->store, users), u0 + 1);
    long a1 = count_of(f->store, entries);
    assert_true(a1 >= a0 + 2); /* user.add's and the change's */
    /* the entry cannot be written: the change is rolled back with it, the call fails */
    assert_int_equal(tn__store_test_exec(f->store, "CREATE TRIGGER no_audit BEFORE INSERT ON audit "
                                                   "BEGIN SELECT RAISE(ABORT, 'injected'); END"),
                     TN_OK);
    assert_int_equal(tn_app_change_begin(&f->app), TN_OK);
    assert_int_equal(tn__store_test_exec(f->store, "DELETE FROM app_user WHERE login = 'mai'"),
                     TN_OK);
    assert_int_equal(tn_app_change_end(&f->app, TN_OK, "cli:root", "test", "mai", "removed"),
                     TN_ERR_STORE);
    assert_non_null(strstr(tn_app_why(&f->app, TN_ERR_STORE), "injected"));
    assert_int_equal(count_of(f->store, users), u0 + 1);
    assert_int_equal(tn__store_test_exec(f->store, "DROP TRIGGER no_audit"), TN_OK);
    /* a change that failed: rolled back, its entry "failed" with the reason, the reason kept */
    assert_int_equal(tn_app_change_begin(&f->app), TN_OK);
    assert_int_equal(tn__store_test_exec(f->store, "DELETE FROM app_user WHERE login = 'mai'"),
                     TN_OK);
    snprintf(f->app.why, sizeof f->app.why, "refused for the test");
    assert_int_equal(tn_app_change_end(&f->app, TN_ERR_REJECTED, "cli:root", "test", "mai", NULL),
                     TN_ERR_REJECTED);
    assert_string_equal(tn_app_why(&f->app, TN_ERR_REJECTED), "refused for the test");
    assert_int_equal(count_of(f->store, users), u0 + 1);
    assert_int_equal(count_of(f->store, entries), a1 + 1);
    /* dropped: a change begun and not ended is not kept */
    assert_int_equal(tn_app_change_begin(&f->app), TN_OK);
    assert_int_equal(tn__store_test_exec(f->store, "DELETE FROM app_user WHERE login = 'mai'"),
                     TN_OK);
    tn_app_change_drop(&f->app);
    assert_int_equal(count_of(f->store, users), u0 + 1);
    /* nothing begun: the entry alone */
    assert_int_equal(tn_app_change_end(&f->app, TN_OK, "cli:root", "test", "-", NULL), TN_OK);
    assert_int_equal(count_of(f->store, entries), a1 + 2);
}

static void the_audit_log_is_filtered(void **state)
{
    struct fixture *f = *state;
    snprintf(f->app.now, sizeof f->app.now, "2025-12-01T10:00:00");
    assert_int_equal(tn_app_audit_add(&f->app, "ana", "import", "payments", "ok", NULL), TN_OK);
    snprintf(f->app.now, sizeof f->app.now, "2025-12-03T10:00:00");
    assert_int_equal(tn_app_audit_add(&f->app, "ana", "close", "2025-11", "ok", NULL), TN_OK);
    assert_int_equal(tn_app_audit_add(&f->app, "lan", "close", "2025-11", "refused", NULL), TN_OK);
    struct text t;
    struct tn_audit_filter a = {.actor = "ana", .from = "2025-12-02"};
    audit_text(&f->app, &a, &t);
    assert_string_equal(t.buf, "ana close 2025-11 ok []\n");
    struct tn_audit_filter b = {.target = "2025-11", .to = "2025-12-03T09:00:00"};
    audit_text(&f->app, &b, &t);
    assert_string_equal(t.buf, "");
    struct tn_audit_filter bad = {.from = "yesterday"};
    struct tn_sink sink = {text_row, NULL, &t};
    assert_int_equal(tn_app_audit(&f->app, &bad, &sink), TN_ERR_USAGE);
    size_t ncols;
    const struct tn_col *cols = tn_app_audit_cols(&ncols);
    assert_int_equal(ncols, 7);
    assert_string_equal(cols[0].id, "seq");
    assert_string_equal(cols[6].id, "summary");
}

/* ---- what a user's scope sees ---- */

static void a_district_user_sees_only_its_office(void **state)
{
    struct fixture *f = *state;
    struct tn_scope d01 = {"D01", NULL, TN_ROLE_QLT}, province = {NULL, NULL, TN_ROLE_DIRECTOR};
    const char *got = "unset";
    assert_int_equal(tn_app_scope_narrow(&f->app, &d01, "ha", NULL, &got), TN_OK);
    assert_string_equal(got, "D01");
    assert_int_equal(tn_app_scope_narrow(&f->app, &d01, "ha", "D01", &got), TN_OK);
    assert_string_equal(got, "D01");
    assert_int_equal(tn_app_scope_narrow(&f->app, &d01, "ha", "D02", &got), TN_ERR_FORBIDDEN);
    assert_int_equal(tn_app_scope_narrow(&f->app, &d01, "ha", "D77", &got), TN_ERR_NOT_FOUND);
    assert_int_equal(tn_app_scope_narrow(&f->app, &province, "lan", "D02", &got), TN_OK);
    assert_string_equal(got, "D02");
    assert_int_equal(tn_app_scope_narrow(&f->app, &province, "lan", NULL, &got), TN_OK);
    assert_null(got);
    struct text t;
    audit_text(&f->app, NULL, &t);
    assert_string_equal(t.buf, "ha scope.office D02 refused [a user of office D01]\n");
}

static tn_err no_row(void *ctx, const struct tn_cell *c)
{
    (void)ctx;
    (void)c;
    return TN_OK;
}

static void an_officer_runs_only_reports_cut_by_officer(void **state)
{
    struct fixture *f = *state;
    struct tn_scope officer = {NULL, "O1", TN_ROLE_OFFICER};
    struct tn_report_params p;
    tn_report_params_init(&p);
    p.period = 2025 * 12 + 10;
    struct tn_sink sink = {no_row, NULL, NULL};
    assert_int_equal(tn_app_report_for(&f->app, &officer, tn_app_report("balances"), &p, &sink),
                     TN_ERR_FORBIDDEN);
    assert_non_null(strstr(tn_app_why(&f->app, TN_ERR_FORBIDDEN), "cut by officer"));
    assert_int_equal(tn_app_report_for(&f->app, &officer, tn_app_report("worklist"), &p, &sink),
                     TN_OK);
    struct tn_scope no_code = {NULL, NULL, TN_ROLE_OFFICER};
    assert_int_equal(tn_app_report_for(&f->app, &no_code, tn_app_report("worklist"), &p, &sink),
                     TN_ERR_FORBIDDEN);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_operation_and_role_is_as_the_table_says),
        cmocka_unit_test(role_names_parse_back),
        cmocka_unit_test_setup_teardown(every_refusal_is_audited, setup, teardown),
        cmocka_unit_test_setup_teardown(users_are_added_checked_and_listed, setup, teardown),
        cmocka_unit_test_setup_teardown(users_are_enabled_again_and_read_alone, setup, teardown),
        cmocka_unit_test_setup_teardown(users_change_role_office_and_officer_in_place, setup,
                                        teardown),
        cmocka_unit_test(generated_passwords_are_long_and_differ),
        cmocka_unit_test_setup_teardown(sessions_log_in_expire_and_end, setup, teardown),
        cmocka_unit_test_setup_teardown(failed_logins_are_throttled, setup, teardown),
        cmocka_unit_test_setup_teardown(the_audit_log_cannot_be_edited, setup, teardown),
        cmocka_unit_test_setup_teardown(the_audit_log_is_filtered, setup, teardown),
        cmocka_unit_test_setup_teardown(a_change_commits_with_its_entry_or_not_at_all, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(a_district_user_sees_only_its_office, setup, teardown),
        cmocka_unit_test_setup_teardown(an_officer_runs_only_reports_cut_by_officer, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
