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
 * A face of the application layer (thuno/app.h, src/app/app_doc.c): the facts are
 * gathered and the document built there; this file parses, opens the output and writes it
 * through the io document writers.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/app.h"
#include "thuno/doc.h"
#include "thuno/report.h"

struct doc_args {
    const char *kind, *case_id, *to, *issuer, *place, *format, *out;
    const char *authority, *signer; /* the office settings' signature block */
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

/* The CLI is the office's own tool: every unit, as the administrator. */
static const struct tn_scope everyone = {NULL, NULL, TN_ROLE_ADMIN};

static struct tn_doc_request request(const struct doc_args *a)
{
    return (struct tn_doc_request){a->case_id,
                                   a->has_date ? a->date : -1,
                                   a->has_as_of ? a->as_of : NULL,
                                   a->to,
                                   a->issuer,
                                   a->place,
                                   a->authority,
                                   a->signer};
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
    struct tn_cli_out o; /* written whole or not at all */
    tn_err err = tn_cli_out_open(&o, a->out, "doc");
    if (err)
        return err;
    err = tn_app_doc_write(d, pdf ? TN_DOC_FORMAT_PDF : TN_DOC_FORMAT_TEXT, created, o.f);
    if (err)
        tn_cli_error("doc", "cannot write %s", a->out ? a->out : "stdout");
    return tn_cli_out_close(&o, err, "doc");
}

static tn_err produce(struct tn_app *app, const struct doc_args *a)
{
    enum tn_doc_kind kind;
    if (tn_doc_kind_parse(a->kind, &kind)) {
        tn_cli_error("doc",
                     "unknown document \"%s\" (fine_proposal, deduction_request, "
                     "lawsuit_petition, enforcement_request, pensioner_notice, checklist)",
                     a->kind);
        return TN_ERR_USAGE;
    }
    struct tn_doc_request req = request(a);
    struct tn_doc d;
    char created[20];
    tn_doc_init(&d);
    tn_err err = tn_app_doc(app, &everyone, kind, &req, &d, created);
    if (err)
        tn_cli_error("doc", "%s", tn_app_why(app, err));
    else
        err = write_doc(a, &d, created);
    tn_doc_release(&d);
    return err;
}

/* Which document each stage produces, whether the case is at that stage, and what it lacks. */
static tn_err checklist(struct tn_app *app, const struct doc_args *a)
{
    struct tn_doc_request req = request(a);
    struct tn_doc_checklist ck;
    tn_err err = tn_app_doc_checklist(app, &everyone, &req, &ck);
    if (err) {
        tn_cli_error("doc", "%s", tn_app_why(app, err));
        return err;
    }
    char day[TN_DAY_BUFSZ];
    tn_day_format(ck.date, day);
    printf("Hồ sơ / case %s — đơn vị / unit %s — trạng thái / state %s — as of %s, dated %s\n",
           a->case_id, ck.unit_code, tn_case_state_name(ck.state), ck.as_of, day);
    printf("Tài liệu theo bước / documents by stage:\n");
    for (int k = 0; k < TN_DOC_COUNT; k++) {
        const struct tn_doc_checklist_line *l = &ck.lines[k];
        const struct tn_doc_check *c = &l->check;
        char status[48];
        if (c->recorded >= 0) {
            tn_day_format(c->recorded, day);
            snprintf(status, sizeof status, "done %s%s", day,
                     l->built ? " (reprint)" : ", facts missing");
        } else {
            snprintf(status, sizeof status, "%s",
                     !c->stage_ok ? "not this stage"
                     : l->built   ? "ready"
                                  : "facts missing");
        }
        printf("  %-20s %-22s %s — %s\n", tn_doc_kind_name(l->kind),
               tn_case_event_name(tn_doc_kind_stage(l->kind)), status, tn_doc_kind_label(l->kind));
        if (!c->stage_ok)
            continue;
        for (size_t i = 0; i < c->nmissing; i++)
            printf("    [ ] %s\n", c->missing[i]);
        if (!l->built && !c->nmissing) /* refused while building (e.g. no fine rule in force) */
            printf("    [ ] %s\n", l->why);
        if (l->built)
            printf("    [x] every fact present: thuno doc %s %s\n", tn_doc_kind_name(l->kind),
                   a->case_id);
    }
    return TN_OK;
}

tn_err tn_cmd_doc(struct tn_cli *cli)
{
    struct doc_args a = {0};
    tn_err err = parse_args(cli, &a);
    if (err)
        return err;
    /* the issuing office and the place come from the office settings unless given */
    struct tn_letterhead lh = {0};
    if ((err = tn_cli_office_settings("doc", NULL, NULL, &lh)))
        return err == TN_ERR_NO_POLICY ? TN_ERR_REJECTED : err;
    a.authority = lh.authority;
    a.signer = lh.title;
    if (!a.issuer)
        a.issuer = lh.office;
    if (!a.place)
        a.place = lh.place ? lh.place : lh.province;
    struct tn_cli_app ca;
    if ((err = tn_cli_app_open(cli, &ca))) {
        tn_letterhead_release(&lh);
        return err;
    }
    err = strcmp(a.kind, "checklist") == 0 ? checklist(&ca.app, &a) : produce(&ca.app, &a);
    tn_cli_app_close(&ca);
    tn_letterhead_release(&lh);
    return err;
}

tn_err tn_cli_case_pensioner(struct tn_app *app, int argc, char **argv)
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
    tn_err err = tn_cli_change(app);
    if (!err)
        err = tn_app_case_pensioner(app, &everyone, argv[0], &p, actor);
    char summary[160];
    snprintf(summary, sizeof summary, "pensioner %.40s paid on day %d", p.bhxh_code, p.pay_day);
    err = tn_cli_audit(app, "case.pensioner", argv[0], err, summary);
    if (err) {
        tn_cli_error("case", "%s", tn_app_why(app, err));
        return err == TN_ERR_NOT_FOUND ? TN_ERR_REJECTED : err;
    }
    printf("case %s: pensioner %s (%s), paid on day %d, recorded\n", argv[0], p.name, p.bhxh_code,
           p.pay_day);
    return TN_OK;
}
