/*
 * cmd_letter.c - `thuno letter KIND ...`: letters to units as PDF, written by the application
 * layer (app.h "letters"; src/app/app_letter*.c; docs/letters.md). This file parses the
 * options, loads the letterhead, names the destination and prints what the run did.
 *
 *   letter reminder --period P [--unit U] [--office CODE] [--date D] [--as-of T]
 *                   [--record --actor WHO] [--number-from N] (-o FILE | --dir DIR)
 *   letter c12ts    --period P [--unit U] [--office CODE] [--date D] (-o FILE | --dir DIR)
 *   letter mass     --template FILE --period P [--status LIST] [--office CODE] [--number TEXT]
 *                   (-o FILE | --dir DIR)
 *   every kind: [--letterhead FILE] (default templates/letterhead.txt)
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/letter_rule.h"
#include "thuno/report.h"

/* The options of `thuno letter KIND`, checked. */
struct letter_args {
    tn_period period;
    int has_period;
    const char *unit;          /* --unit */
    const char *office;        /* --office: the letterhead's and the scope's office */
    const char *out;           /* -o FILE ("-": standard output) */
    const char *dir;           /* --dir DIR: one file per unit */
    const char *template_path; /* --template FILE (mass) */
    const char *letterhead;    /* --letterhead FILE */
    const char *actor;         /* --actor WHO */
    const char *status;        /* --status LIST (mass) */
    const char *number;        /* --number TEXT: the letter's number (mass) */
    int number_from;           /* --number-from N (reminder): 0 for the register's next */
    int record;                /* --record (reminder) */
    tn_day date;               /* --date: the letters' date (default today) */
    char as_of[20];            /* what the letters read: --as-of, default now */
};

static tn_err parse_opts(struct tn_cli *cli, int argc, char **argv, struct letter_args *o)
{
    memset(o, 0, sizeof *o);
    char today[TN_DAY_BUFSZ];
    snprintf(today, sizeof today, "%.10s", cli->now);
    if (tn_day_parse(today, &o->date))
        return TN_ERR_USAGE;
    snprintf(o->as_of, sizeof o->as_of, "%s", cli->now);
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--record") == 0) {
            o->record = 1;
            continue;
        }
        if (i + 1 >= argc) {
            tn_cli_error("letter", "%s needs a value", a);
            return TN_ERR_USAGE;
        }
        const char *v = argv[++i];
        if (strcmp(a, "--period") == 0) {
            if (tn_period_parse(v, &o->period)) {
                tn_cli_error("letter", "expected --period YYYY-MM, got \"%s\"", v);
                return TN_ERR_USAGE;
            }
            o->has_period = 1;
        } else if (strcmp(a, "--unit") == 0) {
            o->unit = v;
        } else if (strcmp(a, "--office") == 0) {
            o->office = v;
        } else if (strcmp(a, "-o") == 0) {
            o->out = v;
        } else if (strcmp(a, "--dir") == 0) {
            o->dir = v;
        } else if (strcmp(a, "--template") == 0) {
            o->template_path = v;
        } else if (strcmp(a, "--letterhead") == 0) {
            o->letterhead = v;
        } else if (strcmp(a, "--actor") == 0) {
            o->actor = v;
        } else if (strcmp(a, "--status") == 0) {
            o->status = v;
        } else if (strcmp(a, "--number") == 0) {
            o->number = v;
        } else if (strcmp(a, "--number-from") == 0) {
            char *end;
            long n = strtol(v, &end, 10);
            if (*end || n < 1 || n > 999999) {
                tn_cli_error("letter", "expected --number-from N (1..999999), got \"%s\"", v);
                return TN_ERR_USAGE;
            }
            o->number_from = (int)n;
        } else if (strcmp(a, "--date") == 0) {
            if (tn_day_parse(v, &o->date)) {
                tn_cli_error("letter", "expected --date YYYY-MM-DD, got \"%s\"", v);
                return TN_ERR_USAGE;
            }
        } else if (strcmp(a, "--as-of") == 0) {
            if (tn_report_as_of(v, o->as_of)) {
                tn_cli_error("letter", "expected --as-of YYYY-MM-DD[THH:MM:SS], got \"%s\"", v);
                return TN_ERR_USAGE;
            }
        } else {
            tn_cli_error("letter", "unknown option %s", a);
            return TN_ERR_USAGE;
        }
    }
    if (!o->has_period) {
        tn_cli_error("letter", "--period YYYY-MM is required");
        return TN_ERR_USAGE;
    }
    if (!o->out == !o->dir) {
        tn_cli_error("letter", "give either -o FILE or --dir DIR");
        return TN_ERR_USAGE;
    }
    if (o->record && !o->actor) {
        tn_cli_error("letter", "--record needs --actor WHO");
        return TN_ERR_USAGE;
    }
    return TN_OK;
}

/* Prints each line of problems under "thuno: letter: " (prefixed) or as it is. */
static void print_problems(const char *problems, int prefixed)
{
    for (const char *p = problems; p && *p;) {
        size_t n = strcspn(p, "\n");
        if (prefixed)
            tn_cli_error("letter", "%.*s", (int)n, p);
        else
            fprintf(stderr, "%.*s\n", (int)n, p);
        p += n + (p[n] == '\n');
    }
}

/* Prints what a reminder run did: the warning, the units skipped, the letters recorded. */
static void print_reminder(const struct tn_letter_result *res)
{
    for (size_t i = 0; i < res->nskipped; i++)
        fprintf(stderr,
                "thuno: letter reminder: bỏ qua / skipped %s: case %s is %s (%s), its own "
                "deadlines lead it\n",
                res->skipped[i].unit_code, res->skipped[i].case_id, res->skipped[i].state,
                res->skipped[i].state_vi);
    for (size_t i = 0; i < res->nrecorded; i++)
        printf("%s\t%s\t%s\treminder_sent %ld%s\n", res->recorded[i].unit_code,
               res->recorded[i].letter_no, res->recorded[i].case_id, res->recorded[i].event_seq,
               res->recorded[i].case_opened ? " (case opened)" : "");
}

static tn_err run(struct tn_cli *cli, const char *kind, const struct letter_args *a,
                  const struct tn_letterhead *lh, unsigned status)
{
    struct tn_cli_app ca;
    tn_err err = tn_cli_app_open(cli, &ca);
    if (err)
        return err;
    struct tn_scope scope = {NULL, NULL, TN_ROLE_ADMIN};
    if (a->office && (err = tn_app_scope_office(&ca.app, a->office, &scope.office))) {
        tn_cli_error("letter", "%s", tn_app_why(&ca.app, err));
        tn_cli_app_close(&ca);
        return err == TN_ERR_NOT_FOUND ? TN_ERR_USAGE : err;
    }
    struct tn_letter_opts o = {.period = a->period,
                               .unit = a->unit,
                               .date = a->date,
                               .as_of = a->as_of,
                               .letterhead = lh,
                               .dest = {NULL, a->out, a->dir},
                               .record = a->record,
                               .actor = a->actor,
                               .number_from = a->number_from,
                               .template_path = a->template_path,
                               .status = status,
                               .number = a->number};
    /* -o FILE through the atomic output (a failed run leaves the previous FILE); "-" is
     * standard output */
    struct tn_cli_out out = {.f = NULL};
    if (a->out && strcmp(a->out, "-") == 0) {
        o.dest.f = stdout;
    } else if (a->out && (err = tn_cli_out_open(&out, a->out, "letter"))) {
        tn_cli_app_close(&ca);
        return err;
    } else if (a->out) {
        o.dest.f = out.f;
    }
    struct tn_letter_result res;
    tn_letter_result_init(&res);
    if (o.record && (err = tn_cli_change(&ca.app))) { /* the letters recorded with their entry */
        err = tn_cli_audit(&ca.app, "letter", kind, err, NULL);
        tn_cli_error("letter", "%s", tn_app_why(&ca.app, err));
        tn_cli_app_close(&ca);
        return err;
    }
    if (strcmp(kind, "reminder") == 0) {
        err = tn_app_letter_reminder(&ca.app, &scope, &o, &res);
        if (res.late_day) /* LAW: Decree 274/2025/NĐ-CP */
            fprintf(stderr,
                    "thuno: letter: cảnh báo / warning: the monthly reminder is due within "
                    "the first 10 days of the month (Decree 274/2025), dated day %d\n",
                    res.late_day);
        print_reminder(&res);
    } else if (strcmp(kind, "c12ts") == 0) {
        err = tn_app_letter_c12ts(&ca.app, &scope, &o, &res);
    } else {
        err = tn_app_letter_mass(&ca.app, &scope, &o, &res);
    }
    int out_failed = 0; /* reported by tn_cli_out_close */
    if (out.f && !err)  /* the letters are whole only when the file is */
        out_failed = (err = tn_cli_out_close(&out, err, "letter")) != TN_OK;
    else if (out.f)
        tn_cli_out_close(&out, err, "letter");
    print_problems(res.problems, 0);
    if (o.record) { /* only a recorded run changes the store */
        char summary[160], per[TN_PERIOD_BUFSZ];
        tn_period_format(o.period, per);
        snprintf(summary, sizeof summary, "%s %s: %zu letters, %zu recorded, %zu skipped", kind,
                 per, res.letters, res.nrecorded, res.nskipped);
        err = tn_cli_audit(&ca.app, "letter", kind, err, summary);
    }
    if (err && !out_failed && !(err == TN_ERR_REJECTED && res.problems))
        tn_cli_error("letter", "%s", tn_app_why(&ca.app, err));
    if (!err && strcmp(kind, "reminder") == 0 && res.nskipped)
        fprintf(stderr,
                "thuno: letter reminder: %zu letters%s; %zu skipped (in court or "
                "enforcement)\n",
                res.letters, a->record ? ", recorded" : "", res.nskipped);
    else if (!err && strcmp(kind, "reminder") == 0)
        fprintf(stderr, "thuno: letter reminder: %zu letters%s\n", res.letters,
                a->record ? ", recorded" : "");
    else if (!err && strcmp(kind, "c12ts") == 0)
        fprintf(stderr, "thuno: letter c12ts: %zu notices\n", res.letters);
    else if (!err)
        fprintf(stderr, "thuno: letter mass: %zu letters\n", res.letters);
    tn_letter_result_release(&res);
    tn_cli_app_close(&ca);
    return err;
}

tn_err tn_cmd_letter(struct tn_cli *cli)
{
    if (cli->argc < 2)
        return TN_ERR_USAGE;
    const char *kind = cli->argv[1];
    struct letter_args a;
    tn_err err = parse_opts(cli, cli->argc - 2, cli->argv + 2, &a);
    if (err)
        return err;
    if ((strcmp(kind, "mass") == 0) != (a.template_path != NULL)) {
        tn_cli_error("letter", "--template goes with (and only with) letter mass");
        return TN_ERR_USAGE;
    }
    if (a.record && strcmp(kind, "reminder") != 0) {
        tn_cli_error("letter", "--record goes with letter reminder");
        return TN_ERR_USAGE;
    }
    if (strcmp(kind, "reminder") != 0 && strcmp(kind, "c12ts") != 0 && strcmp(kind, "mass") != 0)
        return TN_ERR_USAGE;
    unsigned status = 0;
    const char *bad = "";
    size_t bad_len = 0;
    if (a.status && tn_letter_rule_status_parse(a.status, &status, &bad, &bad_len)) {
        tn_cli_error("letter",
                     "--status takes all, current, late, evading, owing, locked "
                     "(comma-separated), got \"%.*s\"",
                     (int)bad_len, bad);
        return TN_ERR_USAGE;
    }
    struct tn_letterhead lh;
    if ((err = tn_cli_office_settings("letter", a.letterhead, a.office, &lh)))
        return err == TN_ERR_NO_POLICY ? TN_ERR_REJECTED : err;
    err = run(cli, kind, &a, &lh, status);
    tn_letterhead_release(&lh);
    return err;
}
