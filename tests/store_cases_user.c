/*
 * store_cases_user.c - conformance cases (test_store.c) of users, sessions, failed logins and
 * the audit log: user_store.h. Rows only; the rules over them are tested in test_app_user.c.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "store_cases.h"
#include "thuno/user_store.h"

static struct tn_user_row user(const char *login, int role, const char *office, const char *officer)
{
    struct tn_user_row u;
    memset(&u, 0, sizeof u);
    snprintf(u.login, sizeof u.login, "%s", login);
    u.role = role;
    snprintf(u.office, sizeof u.office, "%s", office);
    snprintf(u.officer, sizeof u.officer, "%s", officer);
    snprintf(u.pwhash, sizeof u.pwhash, "$argon2id$v=19$m=8,t=1,p=1$c2FsdA$%s", login);
    snprintf(u.created, sizeof u.created, "2025-12-02T08:00:00");
    snprintf(u.changed, sizeof u.changed, "2025-12-02T08:00:00");
    return u;
}

static tn_err user_line(void *ctx, const struct tn_user_row *u)
{
    tn_test_put(ctx, "%s r%d [%s] [%s] %s d%d %s %s", u->login, u->role, u->office, u->officer,
                u->pwhash, u->disabled, u->created, u->changed);
    return TN_OK;
}

/* adds ana (admin), tung (officer O1 of D01) */
static void two_users(struct tn_store *s)
{
    struct tn_user_row a = user("ana", 0, "", ""), t = user("tung", 6, "D01", "O1");
    assert_int_equal(tn_store_user_add(s, &a), TN_OK);
    assert_int_equal(tn_store_user_add(s, &t), TN_OK);
}

void op_user_add(void **state)
{
    two_users(*state);
    struct tn_user_row again = user("ana", 1, "", "");
    assert_int_equal(tn_store_user_add(*state, &again), TN_ERR_CONFLICT);
    assert_non_null(strstr(tn_store_errmsg(*state), "already exists"));
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_users(*state, user_line, &o), TN_OK);
    tn_test_check(&o,
                  "ana r0 [] [] $argon2id$v=19$m=8,t=1,p=1$c2FsdA$ana d0 2025-12-02T08:00:00 "
                  "2025-12-02T08:00:00\n"
                  "tung r6 [D01] [O1] $argon2id$v=19$m=8,t=1,p=1$c2FsdA$tung d0 "
                  "2025-12-02T08:00:00 2025-12-02T08:00:00\n",
                  "user_add");
}

void op_user_get(void **state)
{
    two_users(*state);
    struct tn_user_row u;
    int found = -1;
    assert_int_equal(tn_store_user_get(*state, "tung", &u, &found), TN_OK);
    assert_int_equal(found, 1);
    assert_string_equal(u.login, "tung");
    assert_int_equal(u.role, 6);
    assert_string_equal(u.office, "D01");
    assert_string_equal(u.officer, "O1");
    assert_int_equal(tn_store_user_get(*state, "nobody", &u, &found), TN_OK);
    assert_int_equal(found, 0);
}

void op_user_update(void **state)
{
    two_users(*state);
    struct tn_user_row u = user("tung", 3, "D02", "");
    snprintf(u.pwhash, sizeof u.pwhash, "new-hash");
    u.disabled = 1;
    snprintf(u.changed, sizeof u.changed, "2025-12-03T09:00:00");
    assert_int_equal(tn_store_user_update(*state, &u), TN_OK);
    struct tn_user_row nobody = user("nobody", 6, "", "");
    assert_int_equal(tn_store_user_update(*state, &nobody), TN_ERR_NOT_FOUND);
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_users(*state, user_line, &o), TN_OK);
    tn_test_check(&o,
                  "ana r0 [] [] $argon2id$v=19$m=8,t=1,p=1$c2FsdA$ana d0 2025-12-02T08:00:00 "
                  "2025-12-02T08:00:00\n"
                  "tung r3 [D02] [] new-hash d1 2025-12-02T08:00:00 2025-12-03T09:00:00\n",
                  "user_update: hash, state, role, office and officer in place");
}

void op_users(void **state)
{
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_users(*state, user_line, &o), TN_OK);
    tn_test_check(&o, "", "users (none)");
    two_users(*state);
    o.len = 0;
    o.text[0] = '\0';
    assert_int_equal(tn_store_users(*state, user_line, &o), TN_OK);
    assert_non_null(strstr(o.text, "ana r0"));
    assert_non_null(strstr(o.text, "\ntung r6"));
}

static struct tn_session_row session(const char *hash, const char *login)
{
    struct tn_session_row r;
    memset(&r, 0, sizeof r);
    snprintf(r.token_hash, sizeof r.token_hash, "%s", hash);
    snprintf(r.csrf, sizeof r.csrf, "csrf-%s", hash);
    snprintf(r.login, sizeof r.login, "%s", login);
    snprintf(r.created, sizeof r.created, "2025-12-02T08:00:00");
    snprintf(r.expires, sizeof r.expires, "2025-12-02T16:00:00");
    return r;
}

void op_session_add(void **state)
{
    struct tn_session_row a = session("h1", "ana");
    assert_int_equal(tn_store_session_add(*state, &a), TN_OK);
    assert_int_equal(tn_store_session_add(*state, &a), TN_ERR_CONFLICT);
}

void op_session_get(void **state)
{
    struct tn_session_row a = session("h1", "ana"), got;
    assert_int_equal(tn_store_session_add(*state, &a), TN_OK);
    int found = -1;
    assert_int_equal(tn_store_session_get(*state, "h1", &got, &found), TN_OK);
    assert_int_equal(found, 1);
    assert_string_equal(got.csrf, "csrf-h1");
    assert_string_equal(got.login, "ana");
    assert_string_equal(got.created, "2025-12-02T08:00:00");
    assert_string_equal(got.expires, "2025-12-02T16:00:00");
    assert_int_equal(tn_store_session_get(*state, "h2", &got, &found), TN_OK);
    assert_int_equal(found, 0);
}

void op_session_end(void **state)
{
    struct tn_session_row r[3] = {session("h1", "ana"), session("h2", "ana"),
                                  session("h3", "tung")};
    for (int i = 0; i < 3; i++)
        assert_int_equal(tn_store_session_add(*state, &r[i]), TN_OK);
    struct tn_session_row got;
    int found = -1;
    assert_int_equal(tn_store_session_end(*state, "h3", NULL), TN_OK);
    assert_int_equal(tn_store_session_get(*state, "h3", &got, &found), TN_OK);
    assert_int_equal(found, 0);
    assert_int_equal(tn_store_session_end(*state, "h3", NULL), TN_OK); /* gone: nothing done */
    assert_int_equal(tn_store_session_end(*state, NULL, "ana"), TN_OK);
    assert_int_equal(tn_store_session_get(*state, "h1", &got, &found), TN_OK);
    assert_int_equal(found, 0);
    assert_int_equal(tn_store_session_get(*state, "h2", &got, &found), TN_OK);
    assert_int_equal(found, 0);
}

void op_login_failure(void **state)
{
    assert_int_equal(tn_store_login_failure(*state, "ana", "10.0.0.1", "2025-12-02T08:00:00"),
                     TN_OK);
    long by_login = -1, by_address = -1;
    assert_int_equal(tn_store_login_failures(*state, "ana", "10.0.0.1", "2025-12-02T07:45:00",
                                             &by_login, &by_address),
                     TN_OK);
    assert_int_equal(by_login, 1);
    assert_int_equal(by_address, 1);
}

void op_login_failures(void **state)
{
    struct tn_store *s = *state;
    assert_int_equal(tn_store_login_failure(s, "ana", "10.0.0.1", "2025-12-02T07:00:00"), TN_OK);
    assert_int_equal(tn_store_login_failure(s, "ana", "10.0.0.1", "2025-12-02T08:00:00"), TN_OK);
    assert_int_equal(tn_store_login_failure(s, "ana", "10.0.0.2", "2025-12-02T08:01:00"), TN_OK);
    assert_int_equal(tn_store_login_failure(s, "tung", "10.0.0.1", "2025-12-02T08:02:00"), TN_OK);
    long by_login = -1, by_address = -1;
    assert_int_equal(tn_store_login_failures(s, "ana", "10.0.0.1", "2025-12-02T07:50:00", &by_login,
                                             &by_address),
                     TN_OK);
    assert_int_equal(by_login, 2);   /* 08:00 and 08:01; 07:00 is before the window */
    assert_int_equal(by_address, 2); /* ana 08:00 and tung 08:02 from 10.0.0.1 */
    assert_int_equal(tn_store_login_failures(s, "nobody", "10.9.9.9", "2025-12-02T00:00:00",
                                             &by_login, &by_address),
                     TN_OK);
    assert_int_equal(by_login, 0);
    assert_int_equal(by_address, 0);
}

static struct tn_audit_row entry(const char *at, const char *actor, const char *op,
                                 const char *target, const char *summary)
{
    struct tn_audit_row r;
    memset(&r, 0, sizeof r);
    snprintf(r.at, sizeof r.at, "%s", at);
    snprintf(r.actor, sizeof r.actor, "%s", actor);
    snprintf(r.operation, sizeof r.operation, "%s", op);
    snprintf(r.target, sizeof r.target, "%s", target);
    snprintf(r.outcome, sizeof r.outcome, "ok");
    snprintf(r.summary, sizeof r.summary, "%s", summary);
    return r;
}

static tn_err audit_line(void *ctx, const struct tn_audit_row *r)
{
    tn_test_put(ctx, "%lld %s %s %s %s %s [%s]", r->seq, r->at, r->actor, r->operation, r->target,
                r->outcome, r->summary);
    return TN_OK;
}

static void three_entries(struct tn_store *s)
{
    struct tn_audit_row r[3] = {
        entry("2025-12-02T08:00:00", "cli:root", "user.add", "ana", "role admin"),
        entry("2025-12-02T09:00:00", "ana", "import", "payments", "rows_new 3"),
        entry("2025-12-03T10:00:00", "ana", "close", "2025-11", "units 4")};
    long long seq[3];
    for (int i = 0; i < 3; i++)
        assert_int_equal(tn_store_audit_add(s, &r[i], &seq[i]), TN_OK);
    assert_true(seq[0] < seq[1] && seq[1] < seq[2]);
}

void op_audit_add(void **state)
{
    three_entries(*state);
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_audit(*state, NULL, audit_line, &o), TN_OK);
    tn_test_check(&o,
                  "1 2025-12-02T08:00:00 cli:root user.add ana ok [role admin]\n"
                  "2 2025-12-02T09:00:00 ana import payments ok [rows_new 3]\n"
                  "3 2025-12-03T10:00:00 ana close 2025-11 ok [units 4]\n",
                  "audit_add");
}

void op_audit(void **state)
{
    three_entries(*state);
    struct tn_test_out o = {0};
    struct tn_audit_filter f = {.actor = "ana", .to = "2025-12-02"};
    assert_int_equal(tn_store_audit(*state, &f, audit_line, &o), TN_OK);
    tn_test_check(&o, "2 2025-12-02T09:00:00 ana import payments ok [rows_new 3]\n", "audit");
    o.len = 0;
    o.text[0] = '\0';
    struct tn_audit_filter g = {.target = "2025-11", .from = "2025-12-03"};
    assert_int_equal(tn_store_audit(*state, &g, audit_line, &o), TN_OK);
    tn_test_check(&o, "3 2025-12-03T10:00:00 ana close 2025-11 ok [units 4]\n", "audit target");
}
