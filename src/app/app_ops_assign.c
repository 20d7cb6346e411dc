/*
 * app_ops_assign.c - officer assignments (app.h "suspense, assignments, ..."; docs/operations.md):
 * which officer is in charge of units from a day, one by one or every unit of an officer at
 * once. All or nothing: every unit is checked by core's tn_assign_check (operations.c) on the
 * facts the store gives, every refusal is kept, and one refusal means nothing is written.
 */
#include "app_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/mem.h"
#include "thuno/operations_store.h"
#include "thuno/store.h"

struct units {
    char (*code)[32];
    size_t n, cap;
};

/* Adds unit_code unless it is there already: a unit named twice is assigned once. */
static tn_err add_unit(void *ctx, const char *unit_code)
{
    struct units *u = ctx;
    for (size_t i = 0; i < u->n; i++)
        if (strcmp(u->code[i], unit_code) == 0)
            return TN_OK;
    TN_GROW(u->code, u->cap, u->n + 1);
    snprintf(u->code[u->n++], sizeof u->code[0], "%s", unit_code);
    return TN_OK;
}

void tn_assign_result_init(struct tn_assign_result *res)
{
    *res = (struct tn_assign_result){0};
}

void tn_assign_result_release(struct tn_assign_result *res)
{
    free(res->refused);
    tn_assign_result_init(res);
}

static void refuse(struct tn_assign_result *res, const char *unit, const struct tn_assign_facts *f,
                   enum tn_assign_problem p)
{
    TN_GROW(res->refused, res->caprefused, res->nrefused + 1);
    struct tn_assign_refusal *r = &res->refused[res->nrefused++];
    snprintf(r->unit, sizeof r->unit, "%s", unit);
    r->problem = p;
    char from[TN_DAY_BUFSZ], limit[TN_DAY_BUFSZ];
    tn_day_format(f->from, from);
    if (p == TN_ASSIGN_BEFORE_LATEST || p == TN_ASSIGN_BEFORE_REGISTERED) {
        tn_day_format(p == TN_ASSIGN_BEFORE_LATEST ? f->latest_from : f->registered_on, limit);
        snprintf(r->message, sizeof r->message, "%s: %s (%s < %s)", unit, tn_assign_problem_text(p),
                 from, limit);
    } else {
        snprintf(r->message, sizeof r->message, "%s: %s (%s)", unit, tn_assign_problem_text(p),
                 p == TN_ASSIGN_NO_UNIT ? unit : f->officer);
    }
}

/* Checks every unit into res->refused. */
static tn_err check_all(struct tn_app *app, const struct tn_assign_request *req,
                        const struct units *u, struct tn_assign_result *res)
{
    for (size_t i = 0; i < u->n; i++) {
        struct tn_assign_facts f;
        char latest[32];
        tn_err err =
            tn_store_assign_facts(app->store, u->code[i], req->officer, req->from, &f, latest);
        if (err)
            return err;
        enum tn_assign_problem p = tn_assign_check(&f);
        if (p != TN_ASSIGN_OK)
            refuse(res, u->code[i], &f, p);
    }
    return TN_OK;
}

/* Writes the batch and every assignment; the caller holds the transaction. */
static tn_err put_all(struct tn_app *app, const struct tn_assign_request *req,
                      const struct units *u)
{
    char file[96], from[TN_DAY_BUFSZ];
    long long batch = 0;
    /* the batch names the command that made it, as the CLI has always recorded it */
    snprintf(file, sizeof file, "thuno assign%s%s", req->from_officer ? " --from-officer " : "",
             req->from_officer ? req->from_officer : "");
    tn_day_format(req->from, from);
    tn_err err = tn_store_assign_batch(app->store, file, app->now, &batch);
    for (size_t i = 0; !err && i < u->n; i++)
        err = tn_store_assign_put(app->store, batch, u->code[i], from, req->officer, req->actor,
                                  req->reason, app->now);
    return err;
}

tn_err tn_app_assign(struct tn_app *app, const struct tn_scope *scope,
                     const struct tn_assign_request *req, struct tn_assign_result *res)
{
    (void)scope; /* assignments are not cut by office yet: the store has no unit check for it */
    app->why[0] = '\0';
    if (!req->officer || !req->nunits == !req->from_officer)
        return tn__app_fail(app, TN_ERR_USAGE,
                            "give units or an officer whose units move, with the officer put "
                            "in charge and the day");
    struct units u = {0};
    tn_err err = TN_OK;
    for (size_t i = 0; i < req->nunits; i++)
        add_unit(&u, req->units[i]);
    if (req->from_officer) {
        char day[TN_DAY_BUFSZ];
        tn_day_format(req->from, day);
        err = tn_store_units_in_charge(app->store, req->from_officer, day, add_unit, &u);
        if (!err && !u.n)
            err = tn__app_fail(app, TN_ERR_REJECTED, "%s is in charge of no unit on %s",
                               req->from_officer, day);
    }
    if (err || (err = tn_store_begin(app->store)))
        goto done;
    if (!(err = check_all(app, req, &u, res)) && res->nrefused)
        err = tn__app_fail(app, TN_ERR_REJECTED, "nothing recorded: %zu problem%s", res->nrefused,
                           res->nrefused == 1 ? "" : "s");
    if (!err)
        err = put_all(app, req, &u);
    if (!err)
        err = tn_store_commit(app->store);
    else
        tn_store_rollback(app->store);
    if (!err)
        res->units = u.n;
done:
    free(u.code);
    return err;
}
