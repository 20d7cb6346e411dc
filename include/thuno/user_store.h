/*
 * user_store.h - the store's rows of users, sessions, failed logins and the audit log (issue
 * 12; docs/api.md). The application layer (app_user.h) holds every rule: hashing, expiry,
 * throttling, who may do what; these functions read and write rows only.
 *
 * Invariants: no row holds a password or a session token in clear: users keep an Argon2id
 * encoded hash (its parameters and salt inside), sessions the SHA-256 of their token (hex).
 * The audit log is append-only: the backend refuses to update or delete its rows. Times are
 * "YYYY-MM-DDTHH:MM:SS" text, compared as text.
 */
#ifndef THUNO_USER_STORE_H
#define THUNO_USER_STORE_H

#include <stddef.h>

#include "thuno/err.h"

struct tn_store;

/* A user of the API and the CLI. */
struct tn_user_row {
    char login[64];
    int role;         /* enum tn_role (app.h) */
    char office[32];  /* a district office's code, "" for the province office */
    char officer[32]; /* the officer code of an officer, "" otherwise */
    char pwhash[192]; /* Argon2id encoded: "$argon2id$v=19$m=...,t=...,p=...$salt$hash" */
    int disabled;     /* 1: may not log in, its sessions refused */
    char created[20]; /* when it was added */
    char changed[20]; /* when its password or state last changed */
};

/* A session: the SHA-256 (hex) of its token, its CSRF token, whose, and until when. */
struct tn_session_row {
    char token_hash[65];
    char csrf[65];
    char login[64];
    char created[20];
    char expires[20];
};

/* One entry of the audit log. seq is given by the store. */
struct tn_audit_row {
    long long seq;
    char at[20];        /* app->now of the change */
    char actor[80];     /* a user's login, or "cli:<OS user>" */
    char operation[48]; /* "user.add", "import", "close", ... */
    char target[96];    /* what it changed: a login, a unit code, a period, a file kind */
    char outcome[16];   /* "ok", "refused", "failed" */
    char summary[512];  /* before -> after, never a password or a token */
};

/* Which entries tn_store_audit reads: every field NULL for all. */
struct tn_audit_filter {
    const char *target; /* equal to */
    const char *actor;  /* equal to */
    const char *from;   /* at >= from ("YYYY-MM-DD" or a full time) */
    const char *to;     /* at <= to (a day means its whole day) */
};

/* Adds u (created and changed as given). Errors: TN_ERR_CONFLICT (the login exists; the
 * store's message says so), TN_ERR_STORE. */
tn_err tn_store_user_add(struct tn_store *s, const struct tn_user_row *u);

/* Reads the user login into out; *found = 0 (out untouched) when there is none.
 * Errors: TN_ERR_STORE. */
tn_err tn_store_user_get(struct tn_store *s, const char *login, struct tn_user_row *out,
                         int *found);

/* Sets the password hash, the disabled flag, the role, the office and the officer code of
 * u->login to u's (office and officer "" stored as none), changed at u->changed.
 * Errors: TN_ERR_NOT_FOUND (no such user), TN_ERR_STORE. */
tn_err tn_store_user_update(struct tn_store *s, const struct tn_user_row *u);

/* Calls row for every user, by login. Stops at row's first error and returns it.
 * Errors: TN_ERR_STORE. */
tn_err tn_store_users(struct tn_store *s, tn_err (*row)(void *ctx, const struct tn_user_row *u),
                      void *ctx);

/* Adds the session r. Errors: TN_ERR_CONFLICT (the token hash exists), TN_ERR_STORE. */
tn_err tn_store_session_add(struct tn_store *s, const struct tn_session_row *r);

/* Reads the session whose token hash is token_hash; *found = 0 when there is none.
 * Errors: TN_ERR_STORE. */
tn_err tn_store_session_get(struct tn_store *s, const char *token_hash, struct tn_session_row *out,
                            int *found);

/* Deletes the session token_hash (none: nothing done), or with token_hash NULL every session
 * of login. Errors: TN_ERR_STORE. */
tn_err tn_store_session_end(struct tn_store *s, const char *token_hash, const char *login);

/* Records a failed login of login from address at at. Errors: TN_ERR_STORE. */
tn_err tn_store_login_failure(struct tn_store *s, const char *login, const char *address,
                              const char *at);

/* Counts the failed logins since since (at >= since) of login into *by_login and from address
 * into *by_address. Errors: TN_ERR_STORE. */
tn_err tn_store_login_failures(struct tn_store *s, const char *login, const char *address,
                               const char *since, long *by_login, long *by_address);

/* Appends r (its seq ignored) to the audit log; *seq (may be NULL) gets its number.
 * Errors: TN_ERR_STORE. */
tn_err tn_store_audit_add(struct tn_store *s, const struct tn_audit_row *r, long long *seq);

/* Calls row for every entry passing f (NULL: all), oldest first. Stops at row's first error
 * and returns it. Errors: TN_ERR_STORE. */
tn_err tn_store_audit(struct tn_store *s, const struct tn_audit_filter *f,
                      tn_err (*row)(void *ctx, const struct tn_audit_row *r), void *ctx);

#endif
