/*
 * cmd_case.c - `thuno case ...`: a case's file as of any date, recording what was done,
 * attaching documents, and the daily sweep for missed instalments (docs/cases.md).
 *
 *   case show CASE_ID [--as-of DATE]
 *   case record CASE_ID EVENT DATE --unit UNIT [--amount N] [--outcome X] [--office TEXT]
 *               [--note TEXT] [--actor WHO]
 *   case attach CASE_ID KIND FILE [--actor WHO]
 *   case sweep [--date DATE]
 * and the register verbs of cmd_case_register.c (docs/case-registers.md).
 */
#include "case_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/case_store.h"
#include "thuno/ladder.h"
#include "thuno/mem.h"
#include "thuno/policy.h"
#include "thuno/report.h"
#include "thuno/store.h"

void tn__case_money(tn_money m, char buf[static 32])
{
    if (m < 0)
        snprintf(buf, 32, "-");
    else
        tn_money_format_grouped(m, buf);
}

/* Is one of the '|'-separated requirements met by the case's events or attachments? */
static int requirement_met(const char *requires, const struct tn_case_event_row *ev, size_t n,
                           const struct tn_case_attachment_row *att, size_t natt)
{
    const char *s = requires;
    while (*s) {
        size_t len = strcspn(s, "|");
        char alt[64];
        snprintf(alt, sizeof alt, "%.*s", (int)len, s);
        s += len + (s[len] == '|');
        enum tn_case_event e;
        if (strncmp(alt, "event:", 6) == 0 && !tn_case_event_parse(alt + 6, &e)) {
            for (size_t i = 0; i < n; i++)
                if (ev[i].step.event == e)
                    return 1;
        } else if (strncmp(alt, "attachment:", 11) == 0) {
            for (size_t i = 0; i < natt; i++)
                if (strcmp(att[i].kind, alt + 11) == 0)
                    return 1;
        }
    }
    return 0;
}

/* The checklist of every stage the case can take next (policy/checklist.csv). */
static void print_checklist(const struct tn_policy *pol, const struct tn_case *c,
                            const struct tn_case_event_row *ev, size_t n,
                            const struct tn_case_attachment_row *att, size_t natt)
{
    int any = 0;
    for (int e = 0; e < TN_CASE_EV_COUNT; e++) {
        if (!tn_case_allows(c, (enum tn_case_event)e))
            continue;
        int header = 0;
        for (size_t i = 0; i < pol->nchecklist; i++) {
            const struct tn_checklist_item *it = &pol->checklist[i];
            if (it->stage != (enum tn_case_event)e)
                continue;
            if (!any++)
                printf("\nCần cho bước tiếp theo / checklist for the next steps:\n");
            if (!header++)
                printf("  %s (%s):\n", tn_case_event_name(it->stage),
                       tn_case_event_label(it->stage));
            printf("    [%c] %s  (%s)\n",
                   requirement_met(it->requires, ev, n, att, natt) ? 'x' : ' ', it->item,
                   it->requires);
        }
    }
}

/* The timeline, state, amounts, plan, deadline, attachments and checklist of one case. */
static tn_err show(struct tn_cli *cli, struct tn_store *s, const char *id, const char *as_of)
{
    struct tn_policy pol;
    tn_policy_init(&pol);
    struct tn_case_event_row *ev = NULL;
    struct tn_case_attachment_row *att = NULL;
    size_t n = 0, natt = 0;
    tn_err err = tn_cli_load_policy(cli, &pol);
    if (!err)
        err = tn_store_case_events(s, id, as_of, &ev, &n);
    if (!err && !n) {
        tn_cli_error("case", "no case %s%s%s", id, as_of ? " as of " : "", as_of ? as_of : "");
        err = TN_ERR_NOT_FOUND;
    }
    if (err)
        goto done;
    struct tn_case c;
    char why[384] = "";
    tn_case_init(&c);
    tn_err bad = tn_case_replay(&c, ev, n, why, sizeof why);
    printf("Hồ sơ / case %s — đơn vị / unit %s — as of %s\n", id, ev[0].unit_code,
           as_of ? as_of : cli->now);
    printf("Trạng thái / state: %s (%s)\n", tn_case_state_name(c.state),
           tn_case_state_label(c.state));
    if (bad)
        printf("CẢNH BÁO / WARNING: the history does not replay: %s\n", why);
    char a[32], b[32], d[32];
    tn__case_money(c.claimed, a);
    tn__case_money(c.settled, b);
    tn__case_money(c.awarded, d);
    printf("Khởi kiện / claimed %s — hòa giải / settled %s — bản án / awarded %s\n", a, b, d);
    printf("\nDiễn biến / timeline:\n");
    for (size_t i = 0; i < n; i++) {
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
    struct tn_case_payment_row *pay = NULL;
    size_t npay = 0;
    if ((err = tn_store_case_payments(s, id, as_of, &pay, &npay)))
        goto done;
    tn_money recovered = 0;
    if (npay)
        printf("\nThu hồi / recovered:\n");
    for (size_t i = 0; i < npay; i++) {
        char day[TN_DAY_BUFSZ], amt[32];
        tn_day_format(pay[i].paid_on, day);
        tn_money_format_grouped(pay[i].amount, amt);
        printf("  %s  %-12s %15s  %s\n", day, pay[i].channel, amt, pay[i].txn_id);
        recovered += pay[i].amount;
    }
    char rec[32];
    tn_money_format_grouped(recovered, rec);
    printf("  total %s\n", rec);
    struct tn_instalment *inst = NULL;
    size_t ninst = 0;
    if ((err = tn_store_case_plan(s, id, as_of, &inst, &ninst))) {
        free(pay);
        goto done;
    }
    char today_s[11];
    snprintf(today_s, sizeof today_s, "%.10s", as_of ? as_of : cli->now);
    tn_day today = 0;
    (void)tn_day_parse(today_s, &today);
    if (ninst) {
        struct tn_plan_payment *pp = tn_xmalloc(npay * sizeof *pp + 1);
        size_t npp = 0;
        for (size_t i = 0; i < npay; i++)
            if (!pay[i].reversed)
                pp[npp++] = (struct tn_plan_payment){pay[i].paid_on, pay[i].amount};
        struct tn_plan_status st;
        printf("\nLộ trình trả nợ / repayment plan:\n");
        if (tn_plan_status(inst, ninst, pp, npp, today, &st) == TN_OK) {
            for (size_t i = 0; i < ninst; i++) {
                char day[TN_DAY_BUFSZ], amt[32];
                tn_day_format(inst[i].due, day);
                tn_money_format_grouped(inst[i].amount, amt);
                printf("  %2zu  %s %15s  %s\n", i + 1, day, amt,
                       i < st.met                       ? "met"
                       : st.defaulted && i == st.missed ? "MISSED"
                       : inst[i].due >= today           ? "due"
                                                        : "");
            }
            char rem[32];
            tn_money_format_grouped(st.remainder, rem);
            if (st.defaulted) {
                char det[TN_DAY_BUFSZ];
                tn_day_format(st.detected_on, det);
                printf("  defaulted: instalment %zu missed, detected %s; the remainder %s is due "
                       "and enforceable\n",
                       st.missed + 1, det, rem);
            } else {
                printf("  %s; remainder %s\n", st.complete ? "complete" : "on track", rem);
            }
        }
        free(pp);
    }
    free(inst);
    free(pay);
    struct tn_case_step *steps = tn_xmalloc(n * sizeof *steps);
    for (size_t i = 0; i < n; i++)
        steps[i] = ev[i].step;
    const struct tn_case_deadline *rule;
    tn_day due;
    tn_ladder_deadline(&pol, steps, (size_t)c.events, &rule, &due);
    free(steps);
    if (rule) {
        char day[TN_DAY_BUFSZ];
        tn_day_format(due, day);
        printf("\nHạn tiếp theo / next deadline: %s by %s%s (%s)\n", day, rule->who,
               today > due ? " — QUÁ HẠN / OVERDUE" : "", rule->source);
    }
    if ((err = tn_store_case_attachments(s, id, as_of, &att, &natt)))
        goto done;
    if (natt)
        printf("\nTài liệu / attachments:\n");
    for (size_t i = 0; i < natt; i++)
        printf("  %-20s %-30s %8lld bytes  sha256 %s\n", att[i].kind, att[i].name, att[i].size,
               att[i].sha256);
    if ((err = tn__case_registers_show(cli, s, id, as_of, ev, (size_t)c.events)))
        goto done;
    print_checklist(&pol, &c, ev, (size_t)c.events, att, natt);
done:
    free(att);
    free(ev);
    tn_policy_release(&pol);
    return err;
}

static tn_err record(struct tn_cli *cli, struct tn_store *s, int argc, char **argv)
{
    if (argc < 3)
        return TN_ERR_USAGE;
    struct tn_case_event_row ev;
    memset(&ev, 0, sizeof ev);
    snprintf(ev.case_id, sizeof ev.case_id, "%s", argv[0]);
    const char *outcome = "";
    ev.step.amount = -1;
    if (tn_case_event_parse(argv[1], &ev.step.event)) {
        tn_cli_error("case", "unknown event \"%s\" (see case_events.csv in data-formats.md)",
                     argv[1]);
        return TN_ERR_USAGE;
    }
    if (tn_day_parse(argv[2], &ev.step.day)) {
        tn_cli_error("case", "expected a date YYYY-MM-DD, got \"%s\"", argv[2]);
        return TN_ERR_USAGE;
    }
    for (int i = 3; i < argc; i++) {
        const char *a = argv[i];
        if (i + 1 >= argc)
            return TN_ERR_USAGE;
        const char *v = argv[++i];
        if (strcmp(a, "--unit") == 0)
            snprintf(ev.unit_code, sizeof ev.unit_code, "%s", v);
        else if (strcmp(a, "--amount") == 0) {
            if (tn_money_parse(v, 0, &ev.step.amount)) {
                tn_cli_error("case", "expected an amount in đồng, got \"%s\"", v);
                return TN_ERR_USAGE;
            }
        } else if (strcmp(a, "--outcome") == 0)
            outcome = v;
        else if (strcmp(a, "--office") == 0)
            snprintf(ev.office, sizeof ev.office, "%s", v);
        else if (strcmp(a, "--note") == 0)
            snprintf(ev.note, sizeof ev.note, "%s", v);
        else if (strcmp(a, "--actor") == 0)
            snprintf(ev.actor, sizeof ev.actor, "%s", v);
        else
            return TN_ERR_USAGE;
    }
    if (!ev.unit_code[0])
        return TN_ERR_USAGE;
    if (tn_case_outcome_parse(ev.step.event, outcome, &ev.step.outcome)) {
        tn_cli_error("case", "outcome \"%s\" does not go with %s", outcome, argv[1]);
        return TN_ERR_REJECTED;
    }
    ev.step.office = ev.office;
    long seq;
    char why[512];
    tn_err err = tn_store_case_record(s, &ev, cli->now, &seq, why, sizeof why);
    if (err == TN_ERR_STORE)
        tn_cli_error("case", "%s", tn_store_errmsg(s));
    else if (err) {
        tn_cli_error("case", "refused: %s", why);
        return TN_ERR_REJECTED;
    } else
        printf("case %s: event %ld %s recorded\n", ev.case_id, seq, argv[1]);
    return err;
}

static tn_err attach(struct tn_cli *cli, struct tn_store *s, int argc, char **argv)
{
    if (argc != 3 && !(argc == 5 && strcmp(argv[3], "--actor") == 0))
        return TN_ERR_USAGE;
    FILE *f = fopen(argv[2], "rb");
    if (!f) {
        tn_cli_error("case", "cannot read %s", argv[2]);
        return TN_ERR_IO;
    }
    char *buf = NULL;
    size_t n = 0, cap = 0, got;
    do {
        TN_GROW(buf, cap, n + 65536);
        got = fread(buf + n, 1, cap - n, f);
        n += got;
    } while (got > 0);
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(buf);
        tn_cli_error("case", "cannot read %s", argv[2]);
        return TN_ERR_IO;
    }
    const char *name = strrchr(argv[2], '/') ? strrchr(argv[2], '/') + 1 : argv[2];
    char sha[65];
    tn_err err = tn_store_case_attach(s, argv[0], argv[1], name, buf, n, cli->now,
                                      argc == 5 ? argv[4] : NULL, sha);
    free(buf);
    if (err)
        tn_cli_error("case", "%s", tn_store_errmsg(s));
    else
        printf("case %s: %s attached, sha256 %s\n", argv[0], name, sha);
    return err;
}

/* sweep: every mediated case whose plan has a missed instalment gets plan_defaulted, dated
 * the day after the missed due day (plan.h) */
struct sweep_ctx {
    struct tn_store *s;
    const char *now;
    long recorded;
    tn_err err;
};

static tn_err sweep_row(void *ctx, const struct tn_case_row *r)
{
    struct sweep_ctx *x = ctx;
    if (r->c.state != TN_CASE_ST_MEDIATED || !r->has_plan || !r->plan.defaulted || r->plan.complete)
        return TN_OK;
    struct tn_case_event_row ev;
    memset(&ev, 0, sizeof ev);
    snprintf(ev.case_id, sizeof ev.case_id, "%s", r->case_id);
    snprintf(ev.unit_code, sizeof ev.unit_code, "%s", r->unit_code);
    snprintf(ev.actor, sizeof ev.actor, "thuno case sweep");
    char rem[32], day[TN_DAY_BUFSZ];
    tn_money_format_grouped(r->plan.remainder, rem);
    tn_day_format(r->plan.detected_on - 1, day);
    snprintf(ev.note, sizeof ev.note,
             "instalment %zu due %s missed by %lld; remainder %s due and enforceable",
             r->plan.missed + 1, day, (long long)r->plan.short_by, rem);
    ev.step = (struct tn_case_step){TN_CASE_EV_PLAN_DEFAULTED, r->plan.detected_on,
                                    r->plan.remainder, TN_CASE_OUT_NONE_GIVEN, ""};
    long seq;
    char why[384];
    tn_err err = tn_store_case_record(x->s, &ev, x->now, &seq, why, sizeof why);
    if (err) {
        tn_cli_error("case", "%s: %s", r->case_id,
                     err == TN_ERR_STORE ? tn_store_errmsg(x->s) : why);
        return err;
    }
    printf("%s\t%s\tplan_defaulted\t%s\n", r->case_id, r->unit_code, ev.note);
    x->recorded++;
    return TN_OK;
}

static tn_err sweep(struct tn_cli *cli, struct tn_store *s, int argc, char **argv)
{
    /* the cases as known now, their plans judged on --date (default today) */
    tn_day on = -1;
    if (argc == 2 && strcmp(argv[0], "--date") == 0) {
        if (tn_day_parse(argv[1], &on)) {
            tn_cli_error("case", "expected --date YYYY-MM-DD, got \"%s\"", argv[1]);
            return TN_ERR_USAGE;
        }
        if (strncmp(argv[1], cli->now, 10) > 0) { /* it records: the defaults that happened */
            tn_cli_error("case", "ngày %s sau hôm nay / --date %s is after today (%.10s)", argv[1],
                         argv[1], cli->now);
            return TN_ERR_REJECTED;
        }
    } else if (argc) {
        return TN_ERR_USAGE;
    }
    struct tn_policy pol;
    tn_policy_init(&pol);
    tn_err err = tn_cli_load_policy(cli, &pol);
    struct sweep_ctx x = {s, cli->now, 0, TN_OK};
    if (!err)
        err = tn_store_cases(s, &pol, cli->now, on, sweep_row, &x);
    tn_policy_release(&pol);
    if (!err)
        fprintf(stderr, "thuno: case sweep: %ld defaulted plans recorded\n", x.recorded);
    return err;
}

tn_err tn_cmd_case(struct tn_cli *cli)
{
    if (cli->argc < 2)
        return TN_ERR_USAGE;
    const char *sub = cli->argv[1];
    int argc = cli->argc - 2;
    char **argv = cli->argv + 2;
    struct tn_store *s;
    tn_err err = tn_cli_open_store(cli, &s);
    if (err)
        return err;
    if (strcmp(sub, "show") == 0 && (argc == 1 || (argc == 3 && !strcmp(argv[1], "--as-of")))) {
        char as_of[20];
        if (argc == 3 && tn_report_as_of(argv[2], as_of)) {
            tn_cli_error("case", "expected --as-of YYYY-MM-DD[THH:MM:SS], got \"%s\"", argv[2]);
            err = TN_ERR_USAGE;
        } else {
            err = show(cli, s, argv[0], argc == 3 ? as_of : NULL);
        }
    } else if (strcmp(sub, "record") == 0) {
        err = record(cli, s, argc, argv);
    } else if (strcmp(sub, "attach") == 0) {
        err = attach(cli, s, argc, argv);
    } else if (strcmp(sub, "sweep") == 0) {
        err = sweep(cli, s, argc, argv);
    } else if (strcmp(sub, "pensioner") == 0) {
        err = tn_cli_case_pensioner(cli, s, argc, argv);
    } else {
        int handled;
        err = tn__case_register_cmd(cli, s, sub, argc, argv, &handled);
        if (!handled)
            err = TN_ERR_USAGE;
    }
    tn_store_free(s);
    return err;
}
