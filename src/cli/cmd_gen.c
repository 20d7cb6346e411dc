/*
 * cmd_gen.c - `thuno gen --units N --workers N --months N [--end YYYY-MM] [--seed N]
 * [--province NN] --out DIR`: writes a deterministic synthetic province (gen.h). A tool over
 * src/gen, not something the office does: no store, no application call; the policy is
 * loaded as for every command (tn_cli_policy_new).
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

#include "thuno/gen.h"
#include "thuno/policy.h"

static void progress(void *ctx, long long done, long long total)
{
    tn_cli_progress(ctx, "gen", done, total);
}

static int whole(const char *s, long long *out)
{
    char *end;
    long long v = strtoll(s, &end, 10);
    if (*s < '0' || *s > '9' || *end || v < 0)
        return 0;
    *out = v;
    return 1;
}

tn_err tn_cmd_gen(struct tn_cli *cli)
{
    long long units = -1, workers = -1, months = -1, seed = 1;
    const char *out = NULL, *end_arg = "2026-10", *province = "79";
    for (int i = 1; i < cli->argc; i++) {
        const char *a = cli->argv[i], *v = i + 1 < cli->argc ? cli->argv[i + 1] : NULL;
        int ok = v != NULL;
        if (ok && strcmp(a, "--units") == 0)
            ok = whole(v, &units);
        else if (ok && strcmp(a, "--workers") == 0)
            ok = whole(v, &workers);
        else if (ok && strcmp(a, "--months") == 0)
            ok = whole(v, &months);
        else if (ok && strcmp(a, "--seed") == 0)
            ok = whole(v, &seed);
        else if (ok && strcmp(a, "--end") == 0)
            end_arg = v;
        else if (ok && strcmp(a, "--out") == 0)
            out = v;
        else if (ok && strcmp(a, "--province") == 0)
            province = v;
        else
            ok = 0;
        if (!ok)
            return TN_ERR_USAGE;
        i++;
    }
    struct tn_gen_params p = {.units = (long)units,
                              .workers = (long)workers,
                              .months = (int)months,
                              .seed = (uint64_t)seed,
                              .province = province};
    if (units < 1 || workers < 1 || months < 1 || !out || tn_period_parse(end_arg, &p.end))
        return TN_ERR_USAGE;
    struct tn_policy *pol;
    tn_err err = tn_cli_policy_new(cli, &pol); /* the one load tn_cli_app_open makes */
    if (err)
        return err;
    struct tn_gen_stats st;
    char msg[512];
    err = tn_gen_province(pol, &p, out, &st, progress, cli, msg, sizeof msg);
    tn_cli_progress_end(cli);
    if (err)
        tn_cli_error("gen", "%s", msg);
    else
        fprintf(stderr,
                "thuno: gen: %ld officers, %ld units, %ld workers, %ld declarations, %ld "
                "payments, %ld registry rows, %ld cases (%ld events, %ld instalments) in %s\n",
                st.officers, st.units, st.workers, st.declarations, st.payments, st.registry,
                st.cases, st.case_events, st.case_plans, out);
    tn_cli_policy_free(pol);
    return err;
}
