/*
 * cmd_handover.c - `thuno handover sign --period YYYY-MM --department QLT|KTTN --actor WHO
 * [--date DATE]`: a department signs the period's QLT <-> KTTN handover list as known now
 * (issue 4 item 4; seed 002). Both departments sign; the list is stored as signed with its
 * SHA-256, and signing a list that changed since an earlier signature is flagged
 * (docs/lists.md "Handover sign-off"). The signing is tn_app_handover_sign (app.h,
 * src/app/app_ops.c); this file parses the arguments and writes the result.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "thuno/app.h"
#include "thuno/lists.h"

static tn_err sign(struct tn_cli *cli)
{
    const char *period = NULL, *dept = NULL, *actor = NULL, *date = NULL;
    for (int i = 2; i < cli->argc; i++) {
        const char *arg = cli->argv[i];
        const char *v = i + 1 < cli->argc ? cli->argv[i + 1] : NULL;
        if (!v)
            return TN_ERR_USAGE;
        if (strcmp(arg, "--period") == 0)
            period = v;
        else if (strcmp(arg, "--department") == 0)
            dept = v;
        else if (strcmp(arg, "--actor") == 0)
            actor = v;
        else if (strcmp(arg, "--date") == 0)
            date = v;
        else
            return TN_ERR_USAGE;
        i++;
    }
    tn_period p;
    tn_day d;
    if (!period || tn_period_parse(period, &p)) {
        tn_cli_error("handover", "expected --period YYYY-MM");
        return TN_ERR_USAGE;
    }
    if (!dept || (strcmp(dept, "QLT") != 0 && strcmp(dept, "KTTN") != 0)) {
        tn_cli_error("handover", "expected --department QLT or KTTN");
        return TN_ERR_USAGE;
    }
    if (!actor || !actor[0] || strlen(actor) >= 64) {
        tn_cli_error("handover", "expected --actor WHO (who signs, under 64 bytes)");
        return TN_ERR_USAGE;
    }
    if (date && (strlen(date) != 10 || tn_day_parse(date, &d))) {
        tn_cli_error("handover", "expected --date YYYY-MM-DD, got \"%s\"", date);
        return TN_ERR_USAGE;
    }
    struct tn_cli_app ca;
    tn_err err = tn_cli_app_open(cli, &ca);
    if (err)
        return err;
    struct tn_scope scope = {NULL, NULL, TN_ROLE_ADMIN};
    struct tn_handover_signoff h;
    tn_handover_signoff_init(&h);
    err = tn_cli_change(&ca.app);
    if (!err)
        err = tn_app_handover_sign(&ca.app, &scope, p, dept, actor, date, &h);
    char summary[160];
    snprintf(summary, sizeof summary, "%s signed %zu units sha256 %.16s by %.60s", dept, h.n,
             h.digest, actor);
    err = tn_cli_audit(&ca.app, "handover.sign", period, err, summary);
    if (err) {
        tn_cli_error("handover", "%s", tn_app_why(&ca.app, err));
    } else {
        printf("handover %s: ký nhận / signed by %s (%s) on %s: %zu units, sha256 %s\n", period,
               h.department, h.actor, h.signed_on, h.n, h.digest);
        if (h.prior_digest[0])
            fprintf(stderr,
                    "thuno: handover %s: chú ý: danh sách đã thay đổi sau lần ký trước / "
                    "warning: the list changed after an earlier signature (sha256 %s)\n",
                    period, h.prior_digest);
        if (h.both_signed)
            printf("handover %s: cả hai phòng đã ký, phân công / both signed, assigned: %zu units, "
                   "%zu already in charge, %zu without a rule (policy/handover.csv)\n",
                   period, h.assigned, h.unchanged, h.no_rule);
    }
    tn_handover_signoff_release(&h);
    tn_cli_app_close(&ca);
    return err;
}

tn_err tn_cmd_handover(struct tn_cli *cli)
{
    if (cli->argc >= 2 && strcmp(cli->argv[1], "sign") == 0)
        return sign(cli);
    return TN_ERR_USAGE;
}
