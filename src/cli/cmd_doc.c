/*
 * cmd_doc.c - `thuno doc ...`: a case's documents filled from its facts, and the checklist of
 * which document each stage produces and what it still lacks (docs/documents.md); and
 * `thuno case pensioner ...`, the register of pensioner judgment debtors the notice needs.
 *
 *   doc KIND CASE_ID [--date D] [--as-of T] [--to TEXT] [--issuer TEXT] [--place TEXT]
 *       [--format text|pdf] [-o FILE]
 *   doc checklist CASE_ID [--date D] [--as-of T]
 *   case pensioner CASE_ID --name NAME --bhxh CODE --day N [--paid-at TEXT] [--note TEXT]
 *       [--actor WHO]
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/doc_out.h"
#include "thuno/doc_store.h"
#include "thuno/policy.h"
#include "thuno/report.h"
#include "thuno/store.h"

struct doc_args {
    const char *kind, *case_id, *to, *issuer, *place, *format, *out;
    int has_date, has_as_of;
    tn_day date;
    char as_of[20];
};

static tn_err parse_args(struct tn_cli *cli, struct doc_args *a)
{
    if (cli->argc < 3)
        return TN_ERR_USAGE;
    a->kind = cli->argv[1];
    a->case_id = cli->argv[2];
    for (int i = 3; i < cli->argc; i++) {
        const char *o = cli->argv[i];
        if (i + 1 >= cli->argc)
            return TN_ERR_USAGE;
        const char *v = cli->argv[++i];
        if (strcmp(o, "--date") == 0) {
            if (tn_day_parse(v, &a->date)) {
                tn_cli_error("doc", "expected --date YYYY-MM-DD, got \"%s\"", v);
                return TN_ERR_USAGE;
            }
            a->has_date = 1;
        } else if (strcmp(o, "--as-of") == 0) {
            if (tn_report_as_of(v, a->as_of)) {
                tn_cli_error("doc", "expected --as-of YYYY-MM-DD[THH:MM:SS], got \"%s\"", v);
                return TN_ERR_USAGE;
            }
            a->has_as_of = 1;
        } else if (strcmp(o, "--to") == 0) {
            a->to = v;
        } else if (strcmp(o, "--issuer") == 0) {
            a->issuer = v;
        } else if (strcmp(o, "--place") == 0) {
            a->place = v;
        } else if (strcmp(o, "--format") == 0) {
            a->format = v;
        } else if (strcmp(o, "-o") == 0) {
            a->out = v;
        } else {
            return TN_ERR_USAGE;
        }
    }
    return TN_OK;
}

/* The end of day d, or as_of when that is earlier: what was known on the document's date. */
static void known_on(const char *as_of, tn_day d, char out[static 20])
{
    char day[TN_DAY_BUFSZ];
    tn_day_format(d, day);
    snprintf(out, 20, "%sT23:59:59", day);
    if (strcmp(out, as_of) > 0)
        snprintf(out, 20, "%s", as_of);
}

/* Gathers the case as known at --as-of (default now), for a document dated --date (default
 * the day of as_of; a petition already filed is reprinted with its filing day). The ledger is
 * read as known at the end of that date (never after as_of): the claim at filing. */
static tn_err gather(struct tn_cli *cli, struct tn_store *s, const struct tn_policy *pol,
                     const struct doc_args *a, enum tn_case_event stage, struct tn_doc_source *src)
{
    char as_of[20], ledger_at[20];
    tn_day date = a->date;
    snprintf(as_of, sizeof as_of, "%s", a->has_as_of ? a->as_of : cli->now);
    if (!a->has_date) {
        char d[TN_DAY_BUFSZ];
        snprintf(d, sizeof d, "%.10s", as_of);
        (void)tn_day_parse(d, &date);
    }
    const struct tn_allocation_rule *rule;
    tn_err err = TN_OK;
    for (int pass = 0; pass < 2; pass++) {
        char day[TN_DAY_BUFSZ];
        if ((err = tn_policy_allocation(pol, date, &rule))) {
            tn_day_format(date, day);
            tn_cli_error("doc", "no allocation rule in force on %s (policy/allocation.csv)", day);
            return err;
        }
        known_on(as_of, date, ledger_at);
        tn_doc_source_release(src);
        err = tn_store_doc_source(s, a->case_id, as_of, ledger_at, date, rule->order, src);
        if (err || a->has_date || stage != TN_CASE_EV_LAWSUIT_FILED)
            break;
        tn_day filed = -1;
        for (size_t i = 0; i < src->facts.nsteps; i++)
            if (src->facts.steps[i].event == stage)
                filed = src->facts.steps[i].day;
        if (filed < 0 || filed == date)
            break;
        date = filed;
    }
    if (err == TN_ERR_NOT_FOUND)
        tn_cli_error("doc", "no case %s as of %s", a->case_id, as_of);
    else if (err == TN_ERR_STORE)
        tn_cli_error("doc", "%s", tn_store_errmsg(s));
    if (err)
        return err;
    if (src->replay_failed) {
        tn_cli_error("doc", "refused: the history of case %s does not replay: %s", a->case_id,
                     src->why);
        return TN_ERR_REJECTED;
    }
    src->facts.fines = pol->fines;
    src->facts.nfines = pol->nfines;
    src->facts.issuer = a->issuer ? a->issuer : "BẢO HIỂM XÃ HỘI TỈNH";
    src->facts.place = a->place ? a->place : "";
    src->facts.to = a->to ? a->to : "";
    return TN_OK;
}

static tn_err write_doc(const struct doc_args *a, const struct tn_doc *d, const char *created)
{
    int pdf = a->format ? strcmp(a->format, "pdf") == 0
                        : a->out && strlen(a->out) > 4 &&
                              strcmp(a->out + strlen(a->out) - 4, ".pdf") == 0;
    if (a->format && !pdf && strcmp(a->format, "text") != 0)
        return TN_ERR_USAGE;
    if (pdf && !a->out) {
        tn_cli_error("doc", "a PDF needs -o FILE.pdf");
        return TN_ERR_USAGE;
    }
    FILE *f = a->out ? fopen(a->out, "wb") : stdout;
    if (!f) {
        tn_cli_error("doc", "cannot write %s", a->out);
        return TN_ERR_IO;
    }
    tn_err err = pdf ? tn_doc_write_pdf(f, d, created) : tn_doc_write_text(f, d);
    if (a->out && fclose(f) && !err)
        err = TN_ERR_IO;
    if (err)
        tn_cli_error("doc", "cannot write %s", a->out ? a->out : "stdout");
    return err;
}

static tn_err produce(struct tn_cli *cli, struct tn_store *s, const struct tn_policy *pol,
                      const struct doc_args *a)
{
    enum tn_doc_kind kind;
    if (tn_doc_kind_parse(a->kind, &kind)) {
        tn_cli_error("doc",
                     "unknown document \"%s\" (fine_proposal, deduction_request, "
                     "lawsuit_petition, enforcement_request, pensioner_notice, checklist)",
                     a->kind);
        return TN_ERR_USAGE;
    }
    struct tn_doc_source src;
    tn_doc_source_init(&src);
    tn_err err = gather(cli, s, pol, a, tn_doc_kind_stage(kind), &src);
    if (!err) {
        struct tn_doc d;
        char why[512];
        tn_doc_init(&d);
        err = tn_doc_build(kind, &src.facts, &d, why, sizeof why);
        if (err) {
            tn_cli_error("doc", "refused: %s %s: %s", a->kind, a->case_id, why);
            err = TN_ERR_REJECTED;
        } else {
            err = write_doc(a, &d, src.as_of);
        }
        tn_doc_release(&d);
    }
    tn_doc_source_release(&src);
    return err;
}

/* The checklist's line for document kind: the same facts as `thuno doc KIND` gathers (the
 * same date: a petition already filed is reprinted with its filing day) and the same
 * validation, tn_doc_build itself, so the checklist and the document never disagree. */
static tn_err check_kind(struct tn_cli *cli, struct tn_store *s, const struct tn_policy *pol,
                         const struct doc_args *a, enum tn_doc_kind k)
{
    struct tn_doc_source src;
    tn_doc_source_init(&src);
    tn_err err = gather(cli, s, pol, a, tn_doc_kind_stage(k), &src);
    if (err) {
        tn_doc_source_release(&src);
        return err;
    }
    struct tn_doc_check ck;
    tn_doc_check(k, &src.facts, &ck);
    struct tn_doc d;
    char why[512] = "";
    tn_doc_init(&d);
    tn_err built = tn_doc_build(k, &src.facts, &d, why, sizeof why);
    tn_doc_release(&d);
    const char *st = tn_case_event_name(tn_doc_kind_stage(k));
    char status[48], day[TN_DAY_BUFSZ];
    if (ck.recorded >= 0) {
        tn_day_format(ck.recorded, day);
        snprintf(status, sizeof status, "done %s%s", day, built ? ", facts missing" : " (reprint)");
    } else {
        snprintf(status, sizeof status, "%s",
                 !ck.stage_ok ? "not this stage"
                 : built      ? "facts missing"
                              : "ready");
    }
    printf("  %-20s %-22s %s — %s\n", tn_doc_kind_name(k), st, status, tn_doc_kind_label(k));
    if (ck.stage_ok) {
        for (size_t i = 0; i < ck.nmissing; i++)
            printf("    [ ] %s\n", ck.missing[i]);
        if (built && !ck.nmissing) /* refused while building (e.g. no fine rule in force) */
            printf("    [ ] %s\n", why);
        if (!built)
            printf("    [x] every fact present: thuno doc %s %s\n", tn_doc_kind_name(k),
                   a->case_id);
    }
    tn_doc_source_release(&src);
    return TN_OK;
}

/* Which document each stage produces, whether the case is at that stage, and what it lacks. */
static tn_err checklist(struct tn_cli *cli, struct tn_store *s, const struct tn_policy *pol,
                        const struct doc_args *a)
{
    struct tn_doc_source src;
    tn_doc_source_init(&src);
    tn_err err = gather(cli, s, pol, a, TN_CASE_EV_COUNT, &src);
    if (!err) {
        char day[TN_DAY_BUFSZ];
        tn_day_format(src.facts.date, day);
        printf("Hồ sơ / case %s — đơn vị / unit %s — trạng thái / state %s — as of %s, dated %s\n",
               a->case_id, src.unit_code, tn_case_state_name(src.c.state), src.as_of, day);
        printf("Tài liệu theo bước / documents by stage:\n");
    }
    tn_doc_source_release(&src);
    for (int k = 0; k < TN_DOC_COUNT && !err; k++)
        err = check_kind(cli, s, pol, a, (enum tn_doc_kind)k);
    return err;
}

tn_err tn_cmd_doc(struct tn_cli *cli)
{
    struct doc_args a = {0};
    tn_err err = parse_args(cli, &a);
    if (err)
        return err;
    struct tn_policy pol;
    tn_policy_init(&pol);
    struct tn_store *s = NULL;
    if ((err = tn_cli_load_policy(cli, &pol)) || (err = tn_cli_open_store(cli, &s))) {
        tn_policy_release(&pol);
        return err;
    }
    err =
        strcmp(a.kind, "checklist") == 0 ? checklist(cli, s, &pol, &a) : produce(cli, s, &pol, &a);
    tn_store_free(s);
    tn_policy_release(&pol);
    return err;
}

tn_err tn_cli_case_pensioner(struct tn_cli *cli, struct tn_store *s, int argc, char **argv)
{
    if (argc < 1)
        return TN_ERR_USAGE;
    struct tn_doc_pensioner p;
    memset(&p, 0, sizeof p);
    const char *actor = NULL;
    for (int i = 1; i < argc; i++) {
        const char *o = argv[i];
        if (i + 1 >= argc)
            return TN_ERR_USAGE;
        const char *v = argv[++i];
        if (strcmp(o, "--name") == 0)
            snprintf(p.name, sizeof p.name, "%s", v);
        else if (strcmp(o, "--bhxh") == 0)
            snprintf(p.bhxh_code, sizeof p.bhxh_code, "%s", v);
        else if (strcmp(o, "--day") == 0) {
            char *end;
            long d = strtol(v, &end, 10);
            if (*end || d < 1 || d > 31) {
                tn_cli_error("case",
                             "expected --day 1..31 (the monthly pension payment day), got "
                             "\"%s\"",
                             v);
                return TN_ERR_USAGE;
            }
            p.pay_day = (int)d;
        } else if (strcmp(o, "--paid-at") == 0)
            snprintf(p.paid_at, sizeof p.paid_at, "%s", v);
        else if (strcmp(o, "--note") == 0)
            snprintf(p.note, sizeof p.note, "%s", v);
        else if (strcmp(o, "--actor") == 0)
            actor = v;
        else
            return TN_ERR_USAGE;
    }
    if (!p.name[0] || !p.bhxh_code[0] || !p.pay_day)
        return TN_ERR_USAGE;
    tn_err err = tn_store_pensioner_record(s, argv[0], &p, actor, cli->now);
    if (err) {
        tn_cli_error("case", "%s", tn_store_errmsg(s));
        return err == TN_ERR_NOT_FOUND ? TN_ERR_REJECTED : err;
    }
    printf("case %s: pensioner %s (%s), paid on day %d, recorded\n", argv[0], p.name, p.bhxh_code,
           p.pay_day);
    return TN_OK;
}
