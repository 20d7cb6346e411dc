/*
 * app_user.h - users, roles, sessions and the audit log of the application layer (issue 12;
 * docs/api.md): who may call which operation (one table, TN_APP_OPS), passwords (Argon2id),
 * sessions (random tokens stored hashed, expiry, CSRF), login throttling, and the audit log
 * every change through the API or the CLI appends to.
 *
 * Invariants: nothing here prints or reads the wall clock (app->now is the time). A password
 * or a token never reaches the store, the audit log or app->why in clear: users keep an
 * Argon2id hash with its parameters and a per-user random salt, sessions the SHA-256 of their
 * token. The figures (failures allowed, windows, lifetimes, the hash's cost) are those of
 * tn_app_auth_settings(), stated in docs/api.md.
 */
#ifndef THUNO_APP_USER_H
#define THUNO_APP_USER_H

#include <stddef.h>

#include "thuno/app.h"
#include "thuno/user_store.h"

/* ---- roles and the operations they may call (app_role.c) ---- */

#define TN_ROLE_COUNT 7

/* The role's name: "admin", "director", "qlt", "kttn", "ttkt", "legal", "officer"; static. */
const char *tn_role_name(enum tn_role role);

/* The role called name (one of tn_role_name's). Errors: TN_ERR_USAGE (no such role). */
tn_err tn_role_parse(const char *name, enum tn_role *out);

/* clang-format off */
#define TN_ROLE_BIT(r) (1u << TN_ROLE_##r)
#define TN_ROLES_ALL   ((1u << TN_ROLE_COUNT) - 1)
#define TN_ROLES_READ_ALL                                                                         \
    (TN_ROLE_BIT(ADMIN) | TN_ROLE_BIT(DIRECTOR) | TN_ROLE_BIT(QLT) | TN_ROLE_BIT(KTTN) |           \
     TN_ROLE_BIT(TTKT) | TN_ROLE_BIT(LEGAL))

/* The one table of operation x role (issue 12 item 3): X(id, name, roles allowed). A face asks
 * tn_app_authorize before it calls the operation; the scope then cuts what an officer or a
 * district user sees (tn_app_session_scope). Reading is open to every role, cut by the scope;
 * changing the office's data is the admin's; the audit log is read by the admin, the director
 * and inspection. Cases: every role reads them (an officer its own units' cases), an officer and
 * legal record their events, legal keeps their registers, legal and the director draw their
 * documents. Assignments are the admin's and QLT's; worklists the collection side's (an
 * officer its own); suspense QLT's and KTTN's; each department signs its handover list, the
 * director either; letters to units are the admin's, QLT's and KTTN's; contacts with employers are recorded
 * by the collection side (an officer for its own units, QLT and KTTN); a duty of the statutory
 * calendar is recorded done by the departments that owe them (QLT, KTTN, TTKT) and the director. */
#define TN_APP_OPS(X)                                                                              \
    X(report_read,  "report.read",  TN_ROLES_ALL)                                                 \
    X(unit_read,    "unit.read",    TN_ROLES_ALL)                                                 \
    X(import,       "import",       TN_ROLE_BIT(ADMIN))                                           \
    X(close,        "close",        TN_ROLE_BIT(ADMIN))                                           \
    X(close_read,   "close.read",   TN_ROLE_BIT(ADMIN) | TN_ROLE_BIT(DIRECTOR))                   \
    X(audit_read,   "audit.read",   TN_ROLE_BIT(ADMIN) | TN_ROLE_BIT(DIRECTOR) | TN_ROLE_BIT(TTKT)) \
    X(user_manage,  "user.manage",  TN_ROLE_BIT(ADMIN))                                           \
    X(case_read,     "case.read",     TN_ROLES_ALL)                                               \
    X(case_record,   "case.record",   TN_ROLE_BIT(LEGAL) | TN_ROLE_BIT(OFFICER))                  \
    X(case_register, "case.register", TN_ROLE_BIT(LEGAL))                                         \
    X(case_document, "case.document", TN_ROLE_BIT(DIRECTOR) | TN_ROLE_BIT(LEGAL))                 \
    X(assign,        "assign",        TN_ROLE_BIT(ADMIN) | TN_ROLE_BIT(QLT))                      \
    X(worklist_read, "worklist.read", TN_ROLE_BIT(ADMIN) | TN_ROLE_BIT(DIRECTOR) | TN_ROLE_BIT(QLT) | \
                                      TN_ROLE_BIT(KTTN) | TN_ROLE_BIT(OFFICER))                   \
    X(suspense,      "suspense",      TN_ROLE_BIT(QLT) | TN_ROLE_BIT(KTTN))                       \
    X(handover_qlt,  "handover.sign.QLT",  TN_ROLE_BIT(QLT) | TN_ROLE_BIT(DIRECTOR))              \
    X(handover_kttn, "handover.sign.KTTN", TN_ROLE_BIT(KTTN) | TN_ROLE_BIT(DIRECTOR))        \
    X(letter,        "letter",        TN_ROLE_BIT(ADMIN) | TN_ROLE_BIT(QLT) | TN_ROLE_BIT(KTTN))  \
    X(contact_record, "contact.record", TN_ROLE_BIT(OFFICER) | TN_ROLE_BIT(QLT) | TN_ROLE_BIT(KTTN)) \
    X(calendar_done, "calendar.done", TN_ROLE_BIT(DIRECTOR) | TN_ROLE_BIT(QLT) | TN_ROLE_BIT(KTTN) | \
                                      TN_ROLE_BIT(TTKT))
/* clang-format on */

enum tn_app_op {
#define X(id, name, roles) TN_OP_##id,
    TN_APP_OPS(X)
#undef X
        TN_OP_COUNT
};

/* The operation's name ("report.read"); static. */
const char *tn_app_op_name(enum tn_app_op op);

/* 1 when role may call op (the table TN_APP_OPS), else 0. */
int tn_app_allowed(enum tn_app_op op, enum tn_role role);

/* Checks that scope->role may call op. When it may not, appends to the audit log an entry
 * (actor, op, target, outcome "refused"), sets why and returns TN_ERR_FORBIDDEN. Errors:
 * TN_ERR_FORBIDDEN, TN_ERR_STORE (the refusal could not be recorded). */
tn_err tn_app_authorize(struct tn_app *app, const struct tn_scope *scope, const char *actor,
                        enum tn_app_op op, const char *target);

/* ---- the figures (app_user.c) ---- */

struct tn_auth_settings {
    int max_failures;     /* failed logins of a login, or from an address, in the window */
    int failure_window_s; /* ... after which both are refused until they age out */
    int session_s;        /* a session's life from its login */
    int min_password;     /* characters (code points) a password needs */
    unsigned argon_t;     /* Argon2id passes */
    unsigned argon_m_kib; /* Argon2id memory, KiB */
    unsigned argon_p;     /* Argon2id lanes */
};

/* The figures in force (static storage). */
const struct tn_auth_settings *tn_app_auth_settings(void);

/* ---- users (app_user.c) ---- */

/* A user to add. Strings borrowed for the call; office and officer may be NULL. */
struct tn_user_new {
    const char *login; /* 1..63 of A-Z a-z 0-9 . _ - */
    enum tn_role role;
    const char *office;  /* a district office (a user of it sees its units), NULL: province */
    const char *officer; /* the officer's code; required for the officer role */
};

/* Adds u with password (hashed with Argon2id and a random salt), known at app->now, and
 * appends "user.add" by actor to the audit log. Errors: TN_ERR_USAGE (a login not of the
 * allowed characters, a password empty or under min_password characters, an officer without
 * officer code), TN_ERR_NOT_FOUND (an office no unit or officer has), TN_ERR_CONFLICT (the
 * login exists), TN_ERR_STORE; why says which. */
tn_err tn_app_user_add(struct tn_app *app, const char *actor, const struct tn_user_new *u,
                       const char *password);

/* Sets login's password (the same checks as tn_app_user_add), ends its sessions and appends
 * "user.passwd" to the audit log. Errors: TN_ERR_USAGE, TN_ERR_NOT_FOUND, TN_ERR_STORE. */
tn_err tn_app_user_passwd(struct tn_app *app, const char *actor, const char *login,
                          const char *password);

/* Disables login (it can no longer log in), ends its sessions and appends "user.disable".
 * A user may not disable itself (actor equal to login: the last administrator would lock the
 * office out). Errors: TN_ERR_USAGE (itself), TN_ERR_NOT_FOUND, TN_ERR_STORE. */
tn_err tn_app_user_disable(struct tn_app *app, const char *actor, const char *login);

/* Enables login again (it may log in with its password) and appends "user.enable".
 * Errors: TN_ERR_NOT_FOUND, TN_ERR_STORE. */
tn_err tn_app_user_enable(struct tn_app *app, const char *actor, const char *login);

/* Sets the role, office and officer code of u->login to u's in place (an officer needs its
 * officer code; office NULL or "" is the province office), ends its sessions (its next login
 * has the new cut) and appends "user.set" (before -> after) to the audit log, in one
 * transaction. A user may not change its own role, and the last enabled administrator may not
 * lose the role (the office would be locked out). Errors: TN_ERR_USAGE (an unknown role, an
 * officer without code, itself, the last administrator), TN_ERR_NOT_FOUND (no such user, an
 * office no unit or officer has), TN_ERR_STORE; why says which. */
tn_err tn_app_user_set(struct tn_app *app, const char *actor, const struct tn_user_new *u);

/* The columns of tn_app_users (static): login, role, office, officer, disabled, created,
 * changed. */
const struct tn_col *tn_app_user_cols(size_t *ncols);

/* One row of tn_app_user_cols per user into out, by login (never the hash). Errors:
 * TN_ERR_STORE, or out's error. */
tn_err tn_app_users(struct tn_app *app, const struct tn_sink *out);

/* The row of tn_app_user_cols of login into out (never the hash). Errors: TN_ERR_NOT_FOUND,
 * TN_ERR_STORE, or out's error. */
tn_err tn_app_user(struct tn_app *app, const char *login, const struct tn_sink *out);

#define TN_PASSWORD_GEN_LEN 20

/* Writes a new random password of TN_PASSWORD_GEN_LEN letters and digits into out. Errors:
 * TN_ERR_IO (no randomness from the system). */
tn_err tn_app_password_new(char out[static TN_PASSWORD_GEN_LEN + 1]);

/* ---- sessions (app_user.c) ---- */

/* The user a session belongs to. */
struct tn_session_user {
    char login[64];
    enum tn_role role;
    char office[32];  /* "" : the province office */
    char officer[32]; /* "" : not an officer */
};

/* A session made by a login. token goes into the cookie and is never stored; csrf is what
 * every state-changing request of the session must carry. */
struct tn_login {
    char token[65];
    char csrf[65];
    char expires[20];
    struct tn_session_user user;
};

/* Logs login in with password from address (for throttling; may be ""), at app->now: a new
 * session in out, and "session.login" in the audit log. A login or an address with
 * max_failures failed logins in the last failure_window_s seconds is refused before the
 * password is looked at; each wrong password, unknown login or disabled user counts one
 * failure. Errors: TN_ERR_THROTTLED, TN_ERR_AUTH (wrong login or password, or disabled: one
 * message for all), TN_ERR_IO (no randomness), TN_ERR_STORE. */
tn_err tn_app_login(struct tn_app *app, const char *login, const char *password,
                    const char *address, struct tn_login *out);

/* The user of the session whose token is token, and its CSRF token (csrf may be NULL).
 * Errors: TN_ERR_AUTH (no such session, expired, or its user disabled), TN_ERR_STORE. */
tn_err tn_app_session(struct tn_app *app, const char *token, struct tn_session_user *user,
                      char csrf[65]);

/* Ends the session token (none: nothing done) and appends "session.logout" by its user.
 * Errors: TN_ERR_STORE. */
tn_err tn_app_logout(struct tn_app *app, const char *token);

/* 1 when given equals want (both NUL-terminated), compared in constant time; 0 otherwise or
 * when either is NULL or empty. */
int tn_app_token_equal(const char *want, const char *given);

/* The scope of user u: an officer's cut to its own officer, a district user's to its office
 * (strings borrowed from u). */
void tn_app_session_scope(const struct tn_session_user *u, struct tn_scope *scope);

/* ---- the audit log (app_audit.c) ---- */

/* Appends one entry at app->now: actor did operation on target with outcome ("ok",
 * "refused", "failed"), summary (may be NULL) its before -> after. Texts are cut to fit.
 * Never pass a password or a token. Errors: TN_ERR_STORE. */
tn_err tn_app_audit_add(struct tn_app *app, const char *actor, const char *operation,
                        const char *target, const char *outcome, const char *summary);

/* Starts a change that commits together with its audit entry (tn_app_change_end): a
 * transaction on app's store, in which the application's own transactions nest. Errors:
 * TN_ERR_STORE (why says so). */
tn_err tn_app_change_begin(struct tn_app *app);

/* Ends the change begun by tn_app_change_begin, whose result was err. TN_OK: appends the
 * audit entry (actor, operation, target, "ok", summary) and commits the change and its entry
 * together; when the entry or the commit fails, both are rolled back and that error returned.
 * Any other err: rolls the change back, then appends a "failed" entry (its reason app's why)
 * on its own, and returns err, app's why kept. All or nothing: no change without its entry.
 * Without a change begun, only appends the entry (a call that committed its own change).
 * Errors: the entry's or the commit's (TN_ERR_STORE). */
tn_err tn_app_change_end(struct tn_app *app, tn_err err, const char *actor, const char *operation,
                         const char *target, const char *summary);

/* Rolls back a change begun and not ended (a face's safety net after a request that returned
 * early); nothing when none is open. */
void tn_app_change_drop(struct tn_app *app);

/* The columns of tn_app_audit (static): seq, at, actor, operation, target, outcome,
 * summary. */
const struct tn_col *tn_app_audit_cols(size_t *ncols);

/* One row of tn_app_audit_cols per entry passing f (NULL: all) into out, oldest first.
 * Errors: TN_ERR_USAGE (from or to not a day or a time), TN_ERR_STORE, or out's error. */
tn_err tn_app_audit(struct tn_app *app, const struct tn_audit_filter *f, const struct tn_sink *out);

/* ---- what a user's scope sees (app_api.c) ---- */

/* Runs report r as tn_app_report_run does, for a user's scope: an officer (scope->role) may
 * run only the reports cut by officer, always cut to its own scope->officer, and the statutory
 * calendar (`calendar`: the office's duties, no unit's figures). Errors:
 * TN_ERR_FORBIDDEN (an officer and a report not cut by officer; why says so), and
 * tn_app_report_run's. */
tn_err tn_app_report_for(struct tn_app *app, const struct tn_scope *scope,
                         const struct tn_report *r, const struct tn_report_params *p,
                         const struct tn_sink *out);

/* TN_OK when scope sees unit as known at as_of (NULL: now): a unit of scope->office (every
 * unit without one), and for an officer one it is in charge of on that day. Errors:
 * TN_ERR_NOT_FOUND (unknown or not seen: one answer for both), TN_ERR_STORE. */
tn_err tn_app_unit_visible(struct tn_app *app, const struct tn_scope *scope, const char *unit,
                           const char *as_of);

/* The row of the balances report (its columns) of unit in period as known at as_of (NULL:
 * now) into out, when scope sees the unit. Errors: TN_ERR_NOT_FOUND (not seen, or no closed
 * balance in period), TN_ERR_USAGE, TN_ERR_STORE, or out's error. */
tn_err tn_app_unit_balance(struct tn_app *app, const struct tn_scope *scope, const char *unit,
                           tn_period period, const char *as_of, const struct tn_sink *out);

/* The rows of the balances report (its columns) of unit for each closed period of first..last
 * (both included; at most TN_REPORT_MONTHS_MAX) as known at as_of (NULL: now), by period, into
 * out, when scope sees the unit: its ledger month by month in one store read (a month not
 * closed has no row). Errors: TN_ERR_USAGE (last before first, too many months),
 * TN_ERR_NOT_FOUND (not seen), TN_ERR_STORE, or out's error. */
tn_err tn_app_unit_ledger(struct tn_app *app, const struct tn_scope *scope, const char *unit,
                          tn_period first, tn_period last, const char *as_of,
                          const struct tn_sink *out);

/* The office a user of scope user asks to see (office, a code or NULL) resolved into
 * *resolved (tn_app_scope_office; NULL: every unit): a user of a district office may ask only
 * its own (NULL gives it its own); the province's users any. A refusal is audited under
 * actor. Errors: TN_ERR_FORBIDDEN, TN_ERR_NOT_FOUND (an office no unit has), TN_ERR_STORE. */
tn_err tn_app_scope_narrow(struct tn_app *app, const struct tn_scope *user, const char *actor,
                           const char *office, const char **resolved);

/* ---- what a user's scope sees of cases (app_api_case.c) ---- */

/* TN_OK when scope sees the case case_id as known at as_of (NULL: now): its unit is seen
 * (tn_app_unit_visible). A case not known then is seen when unit (a new case's unit; NULL:
 * none) is. Errors: TN_ERR_NOT_FOUND (unknown or not seen: one answer for both),
 * TN_ERR_STORE. */
tn_err tn_app_case_visible(struct tn_app *app, const struct tn_scope *scope, const char *case_id,
                           const char *unit, const char *as_of);

/* The rows of the cases report (its columns) of scope's office at app->now whose state is
 * state (a tn_case_state_name; NULL: every state), into out in the report's order; an
 * officer's only of the units it is in charge of today. Errors: TN_ERR_USAGE (no such state;
 * why lists them), TN_ERR_NOT_FOUND (scope's office), TN_ERR_STORE, or out's error. */
tn_err tn_app_case_board(struct tn_app *app, const struct tn_scope *scope, const char *state,
                         const struct tn_sink *out);

#endif
