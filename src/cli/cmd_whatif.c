/*
 * cmd_whatif.c - `thuno whatif --policy DIR --from YYYY-MM --to YYYY-MM [--office CODE]
 * [--by-unit] [--format csv|json|xlsx|pdf] [--lang vi|en] [-o FILE]`: the assessment of the
 * window under the policy of DIR beside the current one (tn_app_whatif; docs/whatif.md),
 * written through the table writers. The store is opened read-only: nothing is written to it.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

#include "thuno/mem.h"
#include "thuno/policy_load.h"
#include "thuno/store.h"
#include "thuno/table_out.h"

struct whatif_args {
    const char *dir, *from, *to, *office, *format, *out, *lang;
    int flags;
};

static tn_err parse_args(struct tn_cli *cli, struct whatif_args *a)
{
    for (int i = 1; i < cli->argc; i++) {
        const char *arg = cli->argv[i];
        int has = i + 1 < cli->argc;
        if (strcmp(arg, "--policy") == 0 && has)
            a->dir = cli->argv[++i];
        else if (strcmp(arg, "--from") == 0 && has)
            a->from = cli->argv[++i];
        else if (strcmp(arg, "--to") == 0 && has)
            a->to = cli->argv[++i];
        else if (strcmp(arg, "--office") == 0 && has)
            a->office = cli->argv[++i];
        else if (strcmp(arg, "--format") == 0 && has)
            a->format = cli->argv[++i];
        else if (strcmp(arg, "-o") == 0 && has)
            a->out = cli->argv[++i];
        else if (strcmp(arg, "--lang") == 0 && has)
            a->lang = cli->argv[++i];
        else if (strcmp(arg, "--by-unit") == 0)
            a->flags |= TN_WHATIF_BY_UNIT;
        else
            return TN_ERR_USAGE;
    }
    return a->dir && a->from && a->to ? TN_OK : TN_ERR_USAGE;
}

/* Loads the proposed policy of dir, checked as any policy (policy_load.h). Reports its own
 * failure, FILE:LINE included; *out is NULL then. */
static tn_err load_proposed(const char *dir, struct tn_policy **out)
{
    char msg[512];
    struct tn_policy *pol = tn_xmalloc(sizeof *pol);
    tn_policy_init(pol);
    tn_err err = tn_policy_load(dir, pol, msg, sizeof msg);
    if (err) {
        tn_cli_error("whatif", "chính sách đề xuất / proposed policy %s: %s", dir, msg);
        free(pol);
        pol = NULL;
    }
    *out = pol;
    return err;
}

/* What a run holds: both policies, the store opened read-only, the app over them. */
struct whatif_run {
    struct tn_policy *proposed, *current;
    struct tn_store *store;
    struct tn_app app;
    struct tn_scope scope;
};

/* Loads both policies, opens the store read-only and resolves --office, before any output.
 * Reports its own failure; what it made is released by release(). */
static tn_err open_run(struct tn_cli *cli, const struct whatif_args *a, struct whatif_run *w)
{
    char msg[256];
    tn_err err = load_proposed(a->dir, &w->proposed);
    if (!err)
        err = tn_cli_policy_new(cli, &w->current);
    if (!err && (err = tn_store_open(cli->db, TN_STORE_READONLY, &w->store, msg)))
        tn_cli_error("open store", "%s", msg);
    if (err)
        return err;
    tn_app_init(&w->app, w->store, w->current, cli->now, TN_LANG_VI);
    w->scope = (struct tn_scope){NULL, NULL, TN_ROLE_ADMIN};
    if (a->office && (err = tn_app_scope_office(&w->app, a->office, &w->scope.office))) {
        tn_cli_error("whatif", "%s", tn_app_why(&w->app, err));
        return err == TN_ERR_NOT_FOUND ? TN_ERR_USAGE : err;
    }
    return TN_OK;
}

static void release(struct whatif_run *w)
{
    tn_store_free(w->store);
    tn_cli_policy_free(w->current);
    tn_cli_policy_free(w->proposed);
}

/* Writes the what-if's table into f in fmt with meta. */
static tn_err write_table(struct whatif_run *w, const struct whatif_args *a, tn_period from,
                          tn_period to, FILE *f, enum tn_out_format fmt,
                          const struct tn_table_meta *meta)
{
    size_t ncols;
    const struct tn_col *cols = tn_app_whatif_cols(&ncols, NULL);
    struct tn_table_out t;
    tn_err err = tn_table_begin(&t, f, fmt, meta, cols, ncols);
    struct tn_sink sink = tn_table_sink(&t);
    if (!err && (err = tn_app_whatif(&w->app, &w->scope, w->proposed, from, to, a->flags, &sink)))
        tn_cli_error("whatif", "%s", tn_app_why(&w->app, err));
    tn_err end = tn_table_end(&t);
    if (!err && (err = end))
        tn_cli_error("whatif", "cannot write the table");
    return err;
}

tn_err tn_cmd_whatif(struct tn_cli *cli)
{
    struct whatif_args a = {.format = "csv", .lang = "vi"};
    tn_err err = parse_args(cli, &a);
    if (err)
        return err;
    tn_period from, to;
    if (tn_period_parse(a.from, &from) || tn_period_parse(a.to, &to)) {
        tn_cli_error("whatif", "expected --from and --to YYYY-MM");
        return TN_ERR_USAGE;
    }
    if (from > to) {
        tn_cli_error("whatif", "--from %s is after --to %s", a.from, a.to);
        return TN_ERR_USAGE;
    }
    enum tn_lang lang;
    if (tn_cli_lang_parse("whatif", a.lang, &lang))
        return TN_ERR_USAGE;
    enum tn_out_format fmt;
    if (tn_out_format_parse(a.format, &fmt)) {
        tn_cli_error("whatif", "format \"%s\" is not available (csv, json, xlsx, pdf)", a.format);
        return TN_ERR_USAGE;
    }
    struct whatif_run w = {0};
    char issuer[512] = "";
    struct tn_cli_out o = {0};
    if ((err = open_run(cli, &a, &w)))
        goto done;
    /* documents are headed by the office settings; CSV and JSON are data and need none */
    if ((fmt == TN_OUT_XLSX || fmt == TN_OUT_PDF) &&
        (err = tn_cli_office_header("whatif", a.office, issuer, sizeof issuer))) {
        err = err == TN_ERR_NO_POLICY ? TN_ERR_REJECTED : err;
        goto done;
    }
    if ((err = tn_cli_out_open(&o, a.out, "whatif")))
        goto done;
    /* documents carry the run's own "now", so that the same store gives the same file */
    char sub[768];
    snprintf(sub, sizeof sub,
             "Kỳ / periods %s – %s%s%s — chính sách đề xuất / proposed policy: %s — số liệu đến / "
             "as known at %s",
             a.from, a.to, a.office ? " — cơ quan / office " : "", a.office ? a.office : "", a.dir,
             cli->now);
    const char *title;
    size_t ncols;
    tn_app_whatif_cols(&ncols, &title);
    struct tn_table_meta meta = {title, sub, cli->now, 1, lang, issuer};
    err = tn_cli_out_close(&o, write_table(&w, &a, from, to, o.f, fmt, &meta), "whatif");
done:
    release(&w);
    return err;
}
