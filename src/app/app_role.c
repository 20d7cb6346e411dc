/*
 * app_role.c - the roles and the one table of operation x role (TN_APP_OPS in app_user.h;
 * issue 12 item 3): which role may call which operation, and the refusal recorded in the
 * audit log. The faces ask here before they call; nothing else decides who may do what.
 */
#include "app_int.h"

#include <string.h>

#include "thuno/app_user.h"

static const char *const role_names[TN_ROLE_COUNT] = {
    [TN_ROLE_ADMIN] = "admin",    [TN_ROLE_DIRECTOR] = "director", [TN_ROLE_QLT] = "qlt",
    [TN_ROLE_KTTN] = "kttn",      [TN_ROLE_TTKT] = "ttkt",         [TN_ROLE_LEGAL] = "legal",
    [TN_ROLE_OFFICER] = "officer"};

const char *tn_role_name(enum tn_role role)
{
    return (unsigned)role < TN_ROLE_COUNT ? role_names[role] : "unknown";
}

tn_err tn_role_parse(const char *name, enum tn_role *out)
{
    for (int r = 0; name && r < TN_ROLE_COUNT; r++)
        if (strcmp(name, role_names[r]) == 0) {
            *out = (enum tn_role)r;
            return TN_OK;
        }
    return TN_ERR_USAGE;
}

static const struct {
    const char *name;
    unsigned roles;
} ops[TN_OP_COUNT] = {
#define X(id, name, roles) [TN_OP_##id] = {name, roles},
    TN_APP_OPS(X)
#undef X
};

const char *tn_app_op_name(enum tn_app_op op)
{
    return (unsigned)op < TN_OP_COUNT ? ops[op].name : "unknown";
}

int tn_app_allowed(enum tn_app_op op, enum tn_role role)
{
    return (unsigned)op < TN_OP_COUNT && (unsigned)role < TN_ROLE_COUNT &&
           (ops[op].roles >> role & 1u);
}

tn_err tn_app_authorize(struct tn_app *app, const struct tn_scope *scope, const char *actor,
                        enum tn_app_op op, const char *target)
{
    if (tn_app_allowed(op, scope->role))
        return TN_OK;
    char summary[96];
    snprintf(summary, sizeof summary, "role %s", tn_role_name(scope->role));
    tn_err err =
        tn_app_audit_add(app, actor, tn_app_op_name(op), target ? target : "", "refused", summary);
    if (err)
        return err;
    return tn__app_fail(app, TN_ERR_FORBIDDEN,
                        "vai trò %s không được phép %s / the role %s may not %s",
                        tn_role_name(scope->role), tn_app_op_name(op), tn_role_name(scope->role),
                        tn_app_op_name(op));
}
