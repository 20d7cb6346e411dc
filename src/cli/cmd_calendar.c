/*
 * cmd_calendar.c - `thuno calendar done DUTY (--period YYYY-MM | --date DATE) --actor WHO
 * [--note TEXT] [--on DATE]`: records a duty of the statutory calendar done (docs/calendar.md).
 * The record is tn_app_calendar_done (app.h, src/app/app_calendar.c); this file parses the
 * arguments and writes the result. What is due and overdue is `thuno report calendar`.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "thuno/app.h"

static tn_err done(struct tn_cli *cli)
{
    if (cli->argc < 3)
        return TN_ERR_USAGE;
    struct tn_calendar_done_request req = {cli->argv[2], -1, -1, -1, NULL, NULL};
    const char *period = NULL, *date = NULL, *on = NULL;
    for (int i = 3; i < cli->argc; i++) {
        const char *arg = cli->argv[i];
        const char *v = i + 1 < cli->argc ? cli->argv[i + 1] : NULL;
        if (!v)
            return TN_ERR_USAGE;
        if (strcmp(arg, "--period") == 0)
            period = v;
        else if (strcmp(arg, "--date") == 0)
            date = v;
        else if (strcmp(arg, "--actor") == 0)
            req.actor = v;
        else if (strcmp(arg, "--note") == 0)
            req.note = v;
        else if (strcmp(arg, "--on") == 0)
            on = v;
        else
            return TN_ERR_USAGE;
        i++;
    }
    if (period && tn_period_parse(period, &req.period)) {
        tn_cli_error("calendar", "expected --period YYYY-MM, got \"%s\"", period);
        return TN_ERR_USAGE;
    }
    if ((date && tn_day_parse(date, &req.date)) || (on && tn_day_parse(on, &req.done_on))) {
        tn_cli_error("calendar", "expected --date/--on YYYY-MM-DD");
        return TN_ERR_USAGE;
    }
    if (!req.actor || !req.actor[0] || strlen(req.actor) >= 64) {
        tn_cli_error("calendar", "expected --actor WHO (who did it, under 64 bytes)");
        return TN_ERR_USAGE;
    }
    if (req.note && strlen(req.note) >= 256) {
        tn_cli_error("calendar", "expected --note under 256 bytes");
        return TN_ERR_USAGE;
    }
    struct tn_cli_app ca;
    tn_err err = tn_cli_app_open(cli, &ca);
    if (err)
        return err;
    struct tn_scope scope = {NULL, NULL, TN_ROLE_ADMIN};
    err = tn_cli_change(&ca.app);
    if (!err)
        err = tn_app_calendar_done(&ca.app, &scope, &req);
    char target[96], summary[160];
    snprintf(target, sizeof target, "%.60s %s", req.duty, period ? period : date ? date : "");
    snprintf(summary, sizeof summary, "-> done%s%s by %.64s", on ? " on " : "", on ? on : "",
             req.actor);
    err = tn_cli_audit(&ca.app, "calendar.done", target, err, summary);
    if (err)
        tn_cli_error("calendar", "%s", tn_app_why(&ca.app, err));
    else
        printf("calendar %s %s: đã hoàn thành / done%s%s by %s\n", req.duty, period ? period : date,
               on ? " on " : "", on ? on : "", req.actor);
    tn_cli_app_close(&ca);
    return err;
}

tn_err tn_cmd_calendar(struct tn_cli *cli)
{
    if (cli->argc >= 2 && strcmp(cli->argv[1], "done") == 0)
        return done(cli);
    return TN_ERR_USAGE;
}
