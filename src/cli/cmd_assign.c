/*
 * cmd_assign.c - `thuno assign`: record which officer is in charge of units from a date
 * (docs/operations.md), one by one or every unit of an officer at once.
 *
 *   assign UNIT... --officer O --from DATE [--actor WHO] [--reason TEXT]
 *   assign --from-officer O1 --officer O2 --from DATE [--actor WHO] [--reason TEXT]
 *
 * All or nothing: every unit is checked (tn_assign_check: unit and officer exist, the officer
 * is active, the date is not before the unit's registration or its latest assignment, the
 * officer is not already in charge); one problem and nothing is written.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/mem.h"
#include "thuno/operations_store.h"
#include "thuno/period.h"
#include "thuno/store.h"

struct units {
    char (*code)[32];
    size_t n, cap;
};

static tn_err add_unit(void *ctx, const char *unit_code)
{
    struct units *u = ctx;
    TN_GROW(u->code, u->cap, u->n + 1);
    snprintf(u->code[u->n++], sizeof u->code[0], "%s", unit_code);
    return TN_OK;
}

static int has_unit(const struct units *u, const char *code)
{
    for (size_t i = 0; i < u->n; i++)
        if (strcmp(u->code[i], code) == 0)
            return 1;
    return 0;
}

struct args {
    const char *officer, *from_officer, *from, *actor, *reason;
    tn_day from_day;
};

static tn_err parse(struct tn_cli *cli, struct args *a, struct units *u)
{
    for (int i = 1; i < cli->argc; i++) {
        const char *arg = cli->argv[i];
        int has = i + 1 < cli->argc;
        if (strcmp(arg, "--officer") == 0 && has)
            a->officer = cli->argv[++i];
        else if (strcmp(arg, "--from-officer") == 0 && has)
            a->from_officer = cli->argv[++i];
        else if (strcmp(arg, "--from") == 0 && has)
            a->from = cli->argv[++i];
        else if (strcmp(arg, "--actor") == 0 && has)
            a->actor = cli->argv[++i];
        else if (strcmp(arg, "--reason") == 0 && has)
            a->reason = cli->argv[++i];
        else if (arg[0] != '-' && !has_unit(u, arg))
            add_unit(u, arg); /* a unit named twice is assigned once */
        else if (arg[0] != '-')
            continue;
        else
            return TN_ERR_USAGE;
    }
    if (!a->officer || !a->from || (!u->n) == !a->from_officer) {
        tn_cli_error("assign", "give UNIT... or --from-officer O1, with --officer O and --from "
                               "DATE");
        return TN_ERR_USAGE;
    }
    if (tn_day_parse(a->from, &a->from_day)) {
        tn_cli_error("assign", "expected --from YYYY-MM-DD, got \"%s\"", a->from);
        return TN_ERR_USAGE;
    }
    return TN_OK;
}

/* Checks every unit; prints each problem. Returns the number of problems. */
static size_t check_all(struct tn_store *s, const struct args *a, const struct units *u,
                        tn_err *err)
{
    size_t bad = 0;
    for (size_t i = 0; !*err && i < u->n; i++) {
        struct tn_assign_facts f;
        char latest[32], day[TN_DAY_BUFSZ];
        if ((*err = tn_store_assign_facts(s, u->code[i], a->officer, a->from_day, &f, latest)))
            break;
        enum tn_assign_problem p = tn_assign_check(&f);
        if (p == TN_ASSIGN_OK)
            continue;
        bad++;
        if (p == TN_ASSIGN_BEFORE_LATEST || p == TN_ASSIGN_BEFORE_REGISTERED) {
            tn_day_format(p == TN_ASSIGN_BEFORE_LATEST ? f.latest_from : f.registered_on, day);
            tn_cli_error("assign", "%s: %s (%s < %s)", u->code[i], tn_assign_problem_text(p),
                         a->from, day);
        } else {
            tn_cli_error("assign", "%s: %s (%s)", u->code[i], tn_assign_problem_text(p),
                         p == TN_ASSIGN_NO_UNIT ? u->code[i] : a->officer);
        }
    }
    return bad;
}

tn_err tn_cmd_assign(struct tn_cli *cli)
{
    struct args a = {0};
    struct units u = {0};
    tn_err err = parse(cli, &a, &u);
    struct tn_store *s = NULL;
    if (!err)
        err = tn_cli_open_store(cli, &s);
    if (!err && a.from_officer) {
        char day[TN_DAY_BUFSZ];
        tn_day_format(a.from_day, day);
        if (!(err = tn_store_units_in_charge(s, a.from_officer, day, add_unit, &u)) && !u.n) {
            tn_cli_error("assign", "%s is in charge of no unit on %s", a.from_officer, day);
            err = TN_ERR_REJECTED;
        }
    }
    int began = 0;
    if (!err && !(err = tn_store_begin(s)))
        began = 1;
    size_t bad = 0;
    if (!err && (bad = check_all(s, &a, &u, &err)) && !err)
        err = TN_ERR_REJECTED;
    long long batch = 0;
    char file[96];
    snprintf(file, sizeof file, "thuno assign%s%s", a.from_officer ? " --from-officer " : "",
             a.from_officer ? a.from_officer : "");
    if (!err)
        err = tn_store_assign_batch(s, file, cli->now, &batch);
    for (size_t i = 0; !err && i < u.n; i++)
        err = tn_store_assign_put(s, batch, u.code[i], a.from, a.officer, a.actor, a.reason,
                                  cli->now);
    if (began && !err)
        err = tn_store_commit(s);
    else if (began)
        tn_store_rollback(s);
    if (err == TN_ERR_REJECTED && bad)
        tn_cli_error("assign", "nothing recorded: %zu problem%s", bad, bad == 1 ? "" : "s");
    else if (err == TN_ERR_STORE)
        tn_cli_error("assign", "%s", tn_store_errmsg(s));
    else if (!err)
        fprintf(stderr, "thuno: assign: %zu unit%s to %s from %s\n", u.n, u.n == 1 ? "" : "s",
                a.officer, a.from);
    tn_store_free(s);
    free(u.code);
    return err;
}
