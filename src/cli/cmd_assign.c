/*
 * cmd_assign.c - `thuno assign`: record which officer is in charge of units from a date
 * (tn_app_assign; docs/operations.md), one by one or every unit of an officer at once.
 *
 *   assign UNIT... --officer O --from DATE [--actor WHO] [--reason TEXT]
 *   assign --from-officer O1 --officer O2 --from DATE [--actor WHO] [--reason TEXT]
 *
 * All or nothing: every refused unit is printed, then that nothing was recorded.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

#include "thuno/mem.h"

struct args {
    struct tn_assign_request req;
    const char **units;
    size_t cap;
    const char *from;
};

static tn_err parse(struct tn_cli *cli, struct args *a)
{
    struct tn_assign_request *r = &a->req;
    for (int i = 1; i < cli->argc; i++) {
        const char *arg = cli->argv[i];
        int has = i + 1 < cli->argc;
        if (strcmp(arg, "--officer") == 0 && has) {
            r->officer = cli->argv[++i];
        } else if (strcmp(arg, "--from-officer") == 0 && has) {
            r->from_officer = cli->argv[++i];
        } else if (strcmp(arg, "--from") == 0 && has) {
            a->from = cli->argv[++i];
        } else if (strcmp(arg, "--actor") == 0 && has) {
            r->actor = cli->argv[++i];
        } else if (strcmp(arg, "--reason") == 0 && has) {
            r->reason = cli->argv[++i];
        } else if (arg[0] != '-') {
            TN_GROW(a->units, a->cap, r->nunits + 1);
            a->units[r->nunits++] = arg;
        } else {
            return TN_ERR_USAGE;
        }
    }
    r->units = a->units;
    if (!r->officer || !a->from || (!r->nunits) == !r->from_officer) {
        tn_cli_error("assign", "give UNIT... or --from-officer O1, with --officer O and --from "
                               "DATE");
        return TN_ERR_USAGE;
    }
    if (tn_day_parse(a->from, &r->from)) {
        tn_cli_error("assign", "expected --from YYYY-MM-DD, got \"%s\"", a->from);
        return TN_ERR_USAGE;
    }
    return TN_OK;
}

tn_err tn_cmd_assign(struct tn_cli *cli)
{
    struct args a = {0};
    struct tn_cli_app ca;
    tn_err err = parse(cli, &a);
    if (err || (err = tn_cli_app_open(cli, &ca))) {
        free(a.units);
        return err;
    }
    struct tn_scope scope = {NULL, NULL, TN_ROLE_ADMIN};
    struct tn_assign_result res;
    tn_assign_result_init(&res);
    err = tn_cli_change(&ca.app);
    if (!err)
        err = tn_app_assign(&ca.app, &scope, &a.req, &res);
    char summary[160];
    snprintf(summary, sizeof summary, "%zu units to %s from %s", res.units, a.req.officer, a.from);
    if (a.req.from_officer)
        snprintf(summary + strlen(summary), sizeof summary - strlen(summary), " (all of %s)",
                 a.req.from_officer);
    err = tn_cli_audit(&ca.app, "assign", a.req.officer, err, summary);
    for (size_t i = 0; i < res.nrefused; i++)
        tn_cli_error("assign", "%s", res.refused[i].message);
    if (err)
        tn_cli_error("assign", "%s", tn_app_why(&ca.app, err));
    else
        fprintf(stderr, "thuno: assign: %zu unit%s to %s from %s\n", res.units,
                res.units == 1 ? "" : "s", a.req.officer, a.from);
    tn_assign_result_release(&res);
    tn_cli_app_close(&ca);
    free(a.units);
    return err;
}
