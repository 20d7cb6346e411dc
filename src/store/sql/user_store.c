/*
 * user_store.c - the SQLite rows of users, sessions, failed logins and the audit log
 * (user_store.h; tables app_user, app_session, login_failure, audit of schema_auth.sql). Rows
 * only: hashing, expiry, throttling and roles are the application layer's (app_user.c). The
 * audit table's triggers refuse every UPDATE and DELETE.
 */
#include "store_int.h"

#include <stdio.h>
#include <string.h>

#include "thuno/user_store.h"

/* Runs st (bound) to its end and finalizes it. With conflict, st is an INSERT ... ON CONFLICT
 * DO NOTHING (a failed statement would end the caller's transaction on PostgreSQL): a row not
 * inserted is TN_ERR_CONFLICT with conflict as the message. Errors: TN_ERR_CONFLICT,
 * TN_ERR_STORE (what). */
static tn_err run(struct tn__sq *s, tn_sql_stmt *st, const char *what, const char *conflict)
{
    int rc = tn_sql_step(st);
    tn_err err = TN_OK;
    if (rc == TN_SQL_DONE && conflict && tn_sql_changes(s->db) == 0) {
        snprintf(s->errmsg, sizeof s->errmsg, "%s", conflict);
        err = TN_ERR_CONFLICT;
    } else if (rc != TN_SQL_DONE) {
        err = tn__store_fail(s, what);
    }
    tn_sql_finalize(st);
    return err;
}

static void bind(tn_sql_stmt *st, int i, const char *v)
{
    tn_sql_bind_text(st, i, v, -1, TN_SQL_TRANSIENT);
}

tn_err tn__sq_user_add(struct tn__sq *s, const struct tn_user_row *u)
{
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(s,
                                   "INSERT INTO app_user (login, role, office_code, officer_code, "
                                   "pwhash, disabled, created_at, changed_at) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                                   "ON CONFLICT DO NOTHING",
                                   &st);
    if (err)
        return err;
    bind(st, 1, u->login);
    tn_sql_bind_int(st, 2, u->role);
    tn__bind_text_or_null(st, 3, u->office);
    tn__bind_text_or_null(st, 4, u->officer);
    bind(st, 5, u->pwhash);
    tn_sql_bind_int(st, 6, u->disabled != 0);
    bind(st, 7, u->created);
    bind(st, 8, u->changed);
    char conflict[128];
    snprintf(conflict, sizeof conflict, "the user %s already exists", u->login);
    return run(s, st, "add a user", conflict);
}

#define USER_COLS "login, role, office_code, officer_code, pwhash, disabled, created_at, changed_at"

static void read_user(tn_sql_stmt *st, struct tn_user_row *u)
{
    memset(u, 0, sizeof *u);
    TN__COL_COPY(u->login, st, 0);
    u->role = tn_sql_column_int(st, 1);
    TN__COL_COPY(u->office, st, 2);
    TN__COL_COPY(u->officer, st, 3);
    TN__COL_COPY(u->pwhash, st, 4);
    u->disabled = tn_sql_column_int(st, 5);
    TN__COL_COPY(u->created, st, 6);
    TN__COL_COPY(u->changed, st, 7);
}

tn_err tn__sq_user_get(struct tn__sq *s, const char *login, struct tn_user_row *out, int *found)
{
    tn_sql_stmt *st;
    /* every API request asks it (the session's user): prepared once per connection */
    tn_err err = tn__store_cached(s, "SELECT " USER_COLS " FROM app_user WHERE login = ?1", &st);
    if (err)
        return err;
    bind(st, 1, login);
    int rc = tn_sql_step(st);
    if (rc == TN_SQL_ROW)
        read_user(st, out);
    else if (rc != TN_SQL_DONE)
        err = tn__store_fail(s, "read a user");
    if (!err)
        *found = rc == TN_SQL_ROW;
    tn_sql_reset(st);
    return err;
}

tn_err tn__sq_user_update(struct tn__sq *s, const struct tn_user_row *u)
{
    tn_sql_stmt *st;
    tn_err err =
        tn__store_prepare(s,
                          "UPDATE app_user SET pwhash = ?2, disabled = ?3, changed_at = ?4, "
                          "role = ?5, office_code = ?6, officer_code = ?7 WHERE login = ?1",
                          &st);
    if (err)
        return err;
    bind(st, 1, u->login);
    bind(st, 2, u->pwhash);
    tn_sql_bind_int(st, 3, u->disabled != 0);
    bind(st, 4, u->changed);
    tn_sql_bind_int(st, 5, u->role);
    tn__bind_text_or_null(st, 6, u->office);
    tn__bind_text_or_null(st, 7, u->officer);
    if ((err = run(s, st, "update a user", NULL)))
        return err;
    if (tn_sql_changes(s->db) == 0) {
        snprintf(s->errmsg, sizeof s->errmsg, "no user %s", u->login);
        return TN_ERR_NOT_FOUND;
    }
    return TN_OK;
}

tn_err tn__sq_users(struct tn__sq *s, tn_err (*row)(void *ctx, const struct tn_user_row *u),
                    void *ctx)
{
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(s, "SELECT " USER_COLS " FROM app_user ORDER BY login", &st);
    if (err)
        return err;
    while (tn__store_next(s, st, &err, "read the users")) {
        struct tn_user_row u;
        read_user(st, &u);
        err = row(ctx, &u);
    }
    tn_sql_finalize(st);
    return err;
}

tn_err tn__sq_session_add(struct tn__sq *s, const struct tn_session_row *r)
{
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(s,
                                   "INSERT INTO app_session (token_hash, csrf, login, created_at, "
                                   "expires_at) VALUES (?1, ?2, ?3, ?4, ?5) "
                                   "ON CONFLICT DO NOTHING",
                                   &st);
    if (err)
        return err;
    bind(st, 1, r->token_hash);
    bind(st, 2, r->csrf);
    bind(st, 3, r->login);
    bind(st, 4, r->created);
    bind(st, 5, r->expires);
    return run(s, st, "add a session", "the session exists");
}

tn_err tn__sq_session_get(struct tn__sq *s, const char *token_hash, struct tn_session_row *out,
                          int *found)
{
    tn_sql_stmt *st;
    tn_err err = tn__store_cached(s, /* every API request: prepared once per connection */
                                  "SELECT token_hash, csrf, login, created_at, expires_at "
                                  "FROM app_session WHERE token_hash = ?1",
                                  &st);
    if (err)
        return err;
    bind(st, 1, token_hash);
    int rc = tn_sql_step(st);
    if (rc == TN_SQL_ROW) {
        memset(out, 0, sizeof *out);
        TN__COL_COPY(out->token_hash, st, 0);
        TN__COL_COPY(out->csrf, st, 1);
        TN__COL_COPY(out->login, st, 2);
        TN__COL_COPY(out->created, st, 3);
        TN__COL_COPY(out->expires, st, 4);
    } else if (rc != TN_SQL_DONE) {
        err = tn__store_fail(s, "read a session");
    }
    if (!err)
        *found = rc == TN_SQL_ROW;
    tn_sql_reset(st);
    return err;
}

tn_err tn__sq_session_end(struct tn__sq *s, const char *token_hash, const char *login)
{
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(s,
                                   token_hash ? "DELETE FROM app_session WHERE token_hash = ?1"
                                              : "DELETE FROM app_session WHERE login = ?1",
                                   &st);
    if (err)
        return err;
    bind(st, 1, token_hash ? token_hash : login);
    return run(s, st, "end a session", NULL);
}

tn_err tn__sq_login_failure(struct tn__sq *s, const char *login, const char *address,
                            const char *at)
{
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(
        s, "INSERT INTO login_failure (login, address, at) VALUES (?1, ?2, ?3)", &st);
    if (err)
        return err;
    bind(st, 1, login);
    bind(st, 2, address ? address : "");
    bind(st, 3, at);
    return run(s, st, "record a failed login", NULL);
}

tn_err tn__sq_login_failures(struct tn__sq *s, const char *login, const char *address,
                             const char *since, long *by_login, long *by_address)
{
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(
        s,
        "SELECT (SELECT count(*) FROM login_failure WHERE login = ?1 AND at >= ?3), "
        "(SELECT count(*) FROM login_failure WHERE address = ?2 AND at >= ?3)",
        &st);
    if (err)
        return err;
    bind(st, 1, login);
    bind(st, 2, address ? address : "");
    bind(st, 3, since);
    int found = 0;
    if (!(err = tn__store_step_one(s, st, &found, "count failed logins")) && found) {
        *by_login = (long)tn_sql_column_int64(st, 0);
        *by_address = (long)tn_sql_column_int64(st, 1);
    }
    tn_sql_finalize(st);
    return err;
}

tn_err tn__sq_audit_add(struct tn__sq *s, const struct tn_audit_row *r, long long *seq)
{
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(s,
                                   "INSERT INTO audit (at, actor, operation, target, outcome, "
                                   "summary) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                   &st);
    if (err)
        return err;
    bind(st, 1, r->at);
    bind(st, 2, r->actor);
    bind(st, 3, r->operation);
    bind(st, 4, r->target);
    bind(st, 5, r->outcome);
    bind(st, 6, r->summary);
    if ((err = run(s, st, "append to the audit log", NULL)))
        return err;
    if (seq)
        *seq = (long long)tn_sql_last_insert_rowid(s->db);
    return TN_OK;
}

tn_err tn__sq_audit(struct tn__sq *s, const struct tn_audit_filter *f,
                    tn_err (*row)(void *ctx, const struct tn_audit_row *r), void *ctx)
{
    static const struct tn_audit_filter all;
    if (!f)
        f = &all;
    tn_sql_stmt *st;
    /* a day as "to" means its whole day: compare with its last second */
    tn_err err =
        tn__store_prepare(s,
                          "SELECT seq, at, actor, operation, target, outcome, summary FROM audit "
                          "WHERE (CAST(?1 AS TEXT) IS NULL OR target = ?1) AND (CAST(?2 AS TEXT) "
                          "IS NULL OR actor = ?2) "
                          "AND (CAST(?3 AS TEXT) IS NULL OR at >= ?3) "
                          "AND (CAST(?4 AS TEXT) IS NULL OR at <= CASE WHEN length(?4) = 10 THEN "
                          "?4 || 'T23:59:59' ELSE ?4 END) "
                          "ORDER BY seq",
                          &st);
    if (err)
        return err;
    tn__bind_text_or_null(st, 1, f->target);
    tn__bind_text_or_null(st, 2, f->actor);
    tn__bind_text_or_null(st, 3, f->from);
    tn__bind_text_or_null(st, 4, f->to);
    while (tn__store_next(s, st, &err, "read the audit log")) {
        struct tn_audit_row r;
        memset(&r, 0, sizeof r);
        r.seq = (long long)tn_sql_column_int64(st, 0);
        TN__COL_COPY(r.at, st, 1);
        TN__COL_COPY(r.actor, st, 2);
        TN__COL_COPY(r.operation, st, 3);
        TN__COL_COPY(r.target, st, 4);
        TN__COL_COPY(r.outcome, st, 5);
        TN__COL_COPY(r.summary, st, 6);
        err = row(ctx, &r);
    }
    tn_sql_finalize(st);
    return err;
}
