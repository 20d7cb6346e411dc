/*
 * cmd_case.c - `thuno case ...`: a case's file as of any date, recording what was done,
 * attaching documents, and the daily sweep for missed instalments (docs/cases.md).
 *
 *   case show CASE_ID [--as-of DATE]
 *   case record CASE_ID EVENT DATE --unit UNIT [--amount N] [--outcome X] [--office TEXT]
 *               [--note TEXT] [--actor WHO]
 *   case attach CASE_ID KIND FILE [--actor WHO]
 *   case sweep [--date DATE]
 * and the register verbs of cmd_case_register.c (docs/case-registers.md). A face of the
 * application layer (thuno/app.h, src/app/app_case.c): it parses, calls, and prints the
 * typed results.
 */
#include "case_int.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "thuno/case_store.h"
#include "thuno/report.h"

void tn__case_money(tn_money m, char buf[static 32])
{
    if (m < 0)
        snprintf(buf, 32, "-");
    else
        tn_money_format_grouped(m, buf);
}

/* The CLI is the office's own tool: every unit, as the administrator. */
static const struct tn_scope everyone = {NULL, NULL, TN_ROLE_ADMIN};

/* The checklist of every stage the case can take next (policy/checklist.csv). */
static void print_checklist(const struct tn_case_view *v)
{
    for (size_t i = 0; i < v->nchecklist; i++) {
        const struct tn_case_check_line *l = &v->checklist[i];
        if (!i)
            printf("\nCần cho bước tiếp theo / checklist for the next steps:\n");
        if (!i || v->checklist[i - 1].stage != l->stage)
            printf("  %s (%s):\n", tn_case_event_name(l->stage), tn_case_event_label(l->stage));
        printf("    [%c] %s  (%s)\n", l->met ? 'x' : ' ', l->item, l->requires);
    }
}

static void print_plan(const struct tn_case_view *v)
{
    static const char *const marks[] = {"", "met", "MISSED", "due"};
    printf("\nLộ trình trả nợ / repayment plan:\n");
    if (!v->plan_judged)
        return;
    const struct tn_plan_status *st = &v->plan_status;
    for (size_t i = 0; i < v->nplan; i++) {
        char day[TN_DAY_BUFSZ], amt[32];
        tn_day_format(v->plan[i].due, day);
        tn_money_format_grouped(v->plan[i].amount, amt);
        printf("  %2zu  %s %15s  %s\n", i + 1, day, amt, marks[v->marks[i]]);
    }
    char rem[32];
    tn_money_format_grouped(st->remainder, rem);
    if (st->defaulted) {
        char det[TN_DAY_BUFSZ];
        tn_day_format(st->detected_on, det);
        printf("  defaulted: instalment %zu missed, detected %s; the remainder %s is due "
               "and enforceable\n",
               st->missed + 1, det, rem);
    } else {
        printf("  %s; remainder %s\n", st->complete ? "complete" : "on track", rem);
    }
}

/* The timeline, state, amounts, plan, deadline, attachments and checklist of one case. */
static void print_show(const struct tn_case_view *v)
{
    const struct tn_case *c = &v->c;
    printf("Hồ sơ / case %s — đơn vị / unit %s — as of %s\n", v->case_id, v->unit_code, v->as_of);
    printf("Trạng thái / state: %s (%s)\n", tn_case_state_name(c->state),
           tn_case_state_label(c->state));
    if (v->replay_failed)
        printf("CẢNH BÁO / WARNING: the history does not replay: %s\n", v->why);
    char a[32], b[32], d[32];
    tn__case_money(c->claimed, a);
    tn__case_money(c->settled, b);
    tn__case_money(c->awarded, d);
    printf("Khởi kiện / claimed %s — hòa giải / settled %s — bản án / awarded %s\n", a, b, d);
    printf("\nDiễn biến / timeline:\n");
    const struct tn_case_event_row *ev = v->events;
    for (size_t i = 0; i < v->nevents; i++) {
        char day[TN_DAY_BUFSZ], amt[32] = "";
        tn_day_format(ev[i].step.day, day);
        if (ev[i].step.amount >= 0)
            tn__case_money(ev[i].step.amount, amt);
        printf("  %3ld  %s  %-22s %-40s %15s %s%s%s%s%s\n", ev[i].seq, day,
               tn_case_event_name(ev[i].step.event), tn_case_event_label(ev[i].step.event), amt,
               tn_case_outcome_name(ev[i].step.outcome), ev[i].office[0] ? " @ " : "", ev[i].office,
               ev[i].note[0] ? " — " : "", ev[i].note);
        if (ev[i].actor[0])
            printf("       recorded by %s at %s\n", ev[i].actor, ev[i].known_at);
    }
    const struct tn_case_payment_row *pay = v->payments;
    if (v->npayments)
        printf("\nThu hồi / recovered:\n");
    for (size_t i = 0; i < v->npayments; i++) {
        char day[TN_DAY_BUFSZ], amt[32];
        tn_day_format(pay[i].paid_on, day);
        tn_money_format_grouped(pay[i].amount, amt);
        printf("  %s  %-12s %15s  %s\n", day, pay[i].channel, amt, pay[i].txn_id);
    }
    char rec[32];
    tn_money_format_grouped(v->recovered, rec);
    printf("  total %s\n", rec);
    if (v->nplan)
        print_plan(v);
    if (v->deadline) {
        char day[TN_DAY_BUFSZ];
        tn_day_format(v->deadline_day, day);
        printf("\nHạn tiếp theo / next deadline: %s by %s%s (%s)\n", day, v->deadline->who,
               v->overdue ? " — QUÁ HẠN / OVERDUE" : "", v->deadline->source);
    }
    const struct tn_case_attachment_row *att = v->attachments;
    if (v->nattachments)
        printf("\nTài liệu / attachments:\n");
    for (size_t i = 0; i < v->nattachments; i++)
        printf("  %-20s %-30s %8lld bytes  sha256 %s\n", att[i].kind, att[i].name, att[i].size,
               att[i].sha256);
    tn__case_registers_print(v);
    print_checklist(v);
}

static tn_err show(struct tn_app *app, const char *id, const char *as_of)
{
    struct tn_case_view v;
    tn_case_view_init(&v);
    tn_err err = tn_app_case_show(app, &everyone, id, as_of, &v);
    if (err) {
        tn_cli_error("case", "%s", tn_app_why(app, err));
    } else {
        struct tn_cli_out o;
        tn_cli_out_open(&o, NULL, "case show"); /* stdout: cannot fail */
        print_show(&v);
        err = tn_cli_out_close(&o, TN_OK, "case show");
    }
    tn_case_view_release(&v);
    return err;
}

/* Reports a refusal of app; a rule's refusal exits 65. */
static tn_err refused(struct tn_app *app, tn_err err)
{
    if (err == TN_ERR_USAGE && !app->why[0])
        return err;
    tn_cli_error("case", "%s", tn_app_why(app, err));
    return err == TN_ERR_STORE || err == TN_ERR_USAGE ? err : TN_ERR_REJECTED;
}

static tn_err record(struct tn_app *app, int argc, char **argv)
{
    if (argc < 3)
        return TN_ERR_USAGE;
    struct tn_case_record_args a = {.case_id = argv[0], .amount = -1, .outcome = ""};
    if (tn_case_event_parse(argv[1], &a.event)) {
        tn_cli_error("case", "unknown event \"%s\" (see case_events.csv in data-formats.md)",
                     argv[1]);
        return TN_ERR_USAGE;
    }
    if (tn_day_parse(argv[2], &a.day)) {
        tn_cli_error("case", "expected a date YYYY-MM-DD, got \"%s\"", argv[2]);
        return TN_ERR_USAGE;
    }
    for (int i = 3; i < argc; i++) {
        const char *o = argv[i];
        if (i + 1 >= argc)
            return TN_ERR_USAGE;
        const char *v = argv[++i];
        if (strcmp(o, "--unit") == 0)
            a.unit_code = v;
        else if (strcmp(o, "--amount") == 0) {
            if (tn_money_parse(v, 0, &a.amount)) {
                tn_cli_error("case", "expected an amount in đồng, got \"%s\"", v);
                return TN_ERR_USAGE;
            }
        } else if (strcmp(o, "--outcome") == 0)
            a.outcome = v;
        else if (strcmp(o, "--office") == 0)
            a.office = v;
        else if (strcmp(o, "--note") == 0)
            a.note = v;
        else if (strcmp(o, "--actor") == 0)
            a.actor = v;
        else
            return TN_ERR_USAGE;
    }
    long seq = 0;
    tn_err err = tn_cli_change(app);
    if (!err)
        err = tn_app_case_record(app, &everyone, &a, &seq);
    char summary[160];
    snprintf(summary, sizeof summary, "event %ld %s", seq, argv[1]);
    err = tn_cli_audit(app, "case.record", a.case_id, err, summary);
    if (err)
        return refused(app, err);
    printf("case %s: event %ld %s recorded\n", a.case_id, seq, argv[1]);
    return TN_OK;
}

static tn_err attach(struct tn_app *app, int argc, char **argv)
{
    if (argc != 3 && !(argc == 5 && strcmp(argv[3], "--actor") == 0))
        return TN_ERR_USAGE;
    /* a regular file only: a device or a pipe may never end (/dev/zero), and a FIFO would
     * block the open */
    struct stat sb;
    if (stat(argv[2], &sb) == 0 && !S_ISREG(sb.st_mode)) {
        tn_cli_error("case", "%s is not a regular file", argv[2]);
        return TN_ERR_REJECTED;
    }
    if (stat(argv[2], &sb) == 0 && sb.st_size > TN_ATTACH_MAX) {
        tn_cli_error("case", "%s is larger than %ld MiB, the largest attachment", argv[2],
                     TN_ATTACH_MAX >> 20);
        return TN_ERR_REJECTED;
    }
    FILE *f = fopen(argv[2], "rb");
    if (!f) {
        tn_cli_error("case", "cannot read %s", argv[2]);
        return TN_ERR_IO;
    }
    if (fstat(fileno(f), &sb) != 0 || !S_ISREG(sb.st_mode)) { /* replaced since the stat */
        fclose(f);
        tn_cli_error("case", "%s is not a regular file", argv[2]);
        return TN_ERR_REJECTED;
    }
    const char *name = strrchr(argv[2], '/') ? strrchr(argv[2], '/') + 1 : argv[2];
    char sha[65] = "";
    tn_err err = tn_cli_change(app);
    if (!err)
        err = tn_app_case_attach(app, &everyone, argv[0], argv[1], name, f,
                                 argc == 5 ? argv[4] : NULL, sha);
    fclose(f);
    char summary[160];
    snprintf(summary, sizeof summary, "%s %.100s sha256 %.16s", argv[1], name, sha);
    err = tn_cli_audit(app, "case.attach", argv[0], err, summary);
    if (err == TN_ERR_IO)
        tn_cli_error("case", "cannot read %s", argv[2]);
    else if (err)
        tn_cli_error("case", "%s", tn_app_why(app, err));
    else
        printf("case %s: %s attached, sha256 %s\n", argv[0], name, sha);
    return err;
}

static tn_err sweep(struct tn_app *app, int argc, char **argv)
{
    tn_day on = -1;
    if (argc == 2 && strcmp(argv[0], "--date") == 0) {
        if (tn_day_parse(argv[1], &on)) {
            tn_cli_error("case", "expected --date YYYY-MM-DD, got \"%s\"", argv[1]);
            return TN_ERR_USAGE;
        }
    } else if (argc) {
        return TN_ERR_USAGE;
    }
    struct tn_case_sweep r;
    tn_case_sweep_init(&r);
    tn_err err = tn_cli_change(app);
    if (!err)
        err = tn_app_case_sweep(app, &everyone, on, &r);
    char summary[96], day[TN_DAY_BUFSZ];
    if (on >= 0)
        tn_day_format(on, day);
    else
        snprintf(day, sizeof day, "%.10s", app->now); /* the sweep's day: today */
    snprintf(summary, sizeof summary, "%zu defaulted plans recorded", r.n);
    err = tn_cli_audit(app, "case.sweep", day, err, summary);
    for (size_t i = 0; i < r.n; i++)
        printf("%s\t%s\tplan_defaulted\t%s\n", r.lines[i].case_id, r.lines[i].unit_code,
               r.lines[i].note);
    if (err)
        tn_cli_error("case", "%s", tn_app_why(app, err));
    else
        fprintf(stderr, "thuno: case sweep: %zu defaulted plans recorded\n", r.n);
    tn_case_sweep_release(&r);
    return err;
}

tn_err tn_cmd_case(struct tn_cli *cli)
{
    if (cli->argc < 2)
        return TN_ERR_USAGE;
    const char *sub = cli->argv[1];
    int argc = cli->argc - 2;
    char **argv = cli->argv + 2;
    struct tn_cli_app ca;
    tn_err err = tn_cli_app_open(cli, &ca);
    if (err)
        return err;
    struct tn_app *app = &ca.app;
    if (strcmp(sub, "show") == 0 && (argc == 1 || (argc == 3 && !strcmp(argv[1], "--as-of")))) {
        char as_of[20];
        if (argc == 3 && tn_report_as_of(argv[2], as_of)) {
            tn_cli_error("case", "expected --as-of YYYY-MM-DD[THH:MM:SS], got \"%s\"", argv[2]);
            err = TN_ERR_USAGE;
        } else {
            err = show(app, argv[0], argc == 3 ? as_of : NULL);
        }
    } else if (strcmp(sub, "record") == 0) {
        err = record(app, argc, argv);
    } else if (strcmp(sub, "attach") == 0) {
        err = attach(app, argc, argv);
    } else if (strcmp(sub, "sweep") == 0) {
        err = sweep(app, argc, argv);
    } else if (strcmp(sub, "pensioner") == 0) {
        err = tn_cli_case_pensioner(app, argc, argv);
    } else {
        int handled;
        err = tn__case_register_cmd(app, sub, argc, argv, &handled);
        if (!handled)
            err = TN_ERR_USAGE;
    }
    tn_cli_app_close(&ca);
    return err;
}
