/*
 * cmd_handover.c - `thuno handover sign --period YYYY-MM --department QLT|KTTN --actor WHO
 * [--date DATE]`: a department signs the period's QLT <-> KTTN handover list as known now
 * (issue 4 item 4; seed 002). Both departments sign; the list is stored as signed with its
 * SHA-256, and signing a list that changed since an earlier signature is flagged
 * (docs/lists.md "Handover sign-off").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_int.h"
#include "thuno/lists.h"
#include "thuno/store.h"

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
    struct tn_handover_signoff h;
    tn_handover_signoff_init(&h);
    snprintf(h.signed_on, sizeof h.signed_on, "%.10s", date ? date : cli->now);
    if (tn_day_parse(h.signed_on, &d) || (date && strlen(date) != 10)) {
        tn_cli_error("handover", "expected --date YYYY-MM-DD, got \"%s\"", date);
        return TN_ERR_USAGE;
    }
    snprintf(h.department, sizeof h.department, "%s", dept);
    snprintf(h.actor, sizeof h.actor, "%s", actor);
    snprintf(h.known_at, sizeof h.known_at, "%s", cli->now);
    struct tn_store *s;
    tn_err err = tn_cli_open_store(cli, &s);
    if (err)
        return err;
    if (!(err = tn__handover_list(cli, s, p, NULL, &h.items, &h.n)) &&
        (err = tn_store_handover_sign(s, p, &h)))
        tn_cli_error("handover", "%s", tn_store_errmsg(s));
    if (!err) {
        printf("handover %s: ký nhận / signed by %s (%s) on %s: %zu units, sha256 %s\n", period,
               h.department, h.actor, h.signed_on, h.n, h.digest);
        if (h.prior_digest[0])
            fprintf(stderr,
                    "thuno: handover %s: chú ý: danh sách đã thay đổi sau lần ký trước / "
                    "warning: the list changed after an earlier signature (sha256 %s)\n",
                    period, h.prior_digest);
    }
    tn_handover_signoff_release(&h);
    tn_store_free(s);
    return err;
}

tn_err tn_cmd_handover(struct tn_cli *cli)
{
    if (cli->argc >= 2 && strcmp(cli->argv[1], "sign") == 0)
        return sign(cli);
    return TN_ERR_USAGE;
}
