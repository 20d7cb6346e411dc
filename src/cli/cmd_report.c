/*
 * cmd_report.c - `thuno report NAME --period YYYY-MM [--as-of DATE] [--format
 * csv|json|xlsx|pdf] [-o FILE]`, and `thuno report --list`. One entry per report in the table
 * below: its columns and how its rows are read (data-formats.md "Outputs"). Later issues add their
 * reports here.
 */

#include <stdlib.h>
#include <string.h>

#include "report_int.h"
#include "thuno/app.h"
#include "thuno/office.h"
#include "thuno/policy.h"
#include "thuno/report.h"
#include "thuno/store.h"

/* The reports still run by the CLI; the others are in the application layer's registry
 * (tn_app_report, src/app/report_*.c). */
static const struct tn_report_def reports[] = {TN_LIST_REPORTS, TN_PAYOPS_REPORTS,
                                               TN_OPERATIONS_REPORTS, TN_LETTER_REPORTS};
#define NREPORTS (sizeof reports / sizeof reports[0])

/* Until every report has moved, `report --list` interleaves the two tables in the order it has
 * always had: the CLI's reports from where the last block stopped up to `until` (NULL: the
 * end) follow the application's report `after`; any left follow the last. */
static const struct {
    const char *after, *until;
} blocks[] = {
    {"escalation", "suspense_review"},
    {"case_branches", "worklist"},
    {"pc_measures", NULL},
};

typedef void (*put_report)(FILE *f, const char *name, int flags, const char *title,
                           const char *what);

static void put_cli(FILE *f, put_report put, size_t i)
{
    put(f, reports[i].name, reports[i].flags ? reports[i].flags : TN_REP_PERIOD, reports[i].title,
        reports[i].what);
}

/* Calls put for every report, in `report --list` order. */
static void each_report(FILE *f, put_report put)
{
    size_t next = 0; /* the CLI's reports before next are written */
    for (size_t i = 0; i < tn_app_report_count(); i++) {
        const struct tn_report *r = tn_app_report_at(i);
        put(f, r->name, tn_app_report_flags(r), r->title, r->what);
        for (size_t b = 0; b < sizeof blocks / sizeof blocks[0]; b++)
            if (strcmp(r->name, blocks[b].after) == 0)
                while (next < NREPORTS &&
                       !(blocks[b].until && strcmp(reports[next].name, blocks[b].until) == 0))
                    put_cli(f, put, next++);
    }
    while (next < NREPORTS)
        put_cli(f, put, next++);
}

/* `thuno report --list`: one line a report, tab-separated: its name, the options it needs or
 * takes (period, year, range, office, officer; no_sum: no sum row in XLSX) and its title,
 * for scripts (tests/cli_all_formats.sh runs every report in every format from it). */
static void print_report(FILE *f, const char *name, int flags, const char *title, const char *what)
{
    static const struct {
        int flag;
        const char *name;
    } opts[] = {{TN_REP_PERIOD, "period"}, {TN_REP_YEAR, "year"},       {TN_REP_RANGE, "range"},
                {TN_REP_OFFICE, "office"}, {TN_REP_OFFICER, "officer"}, {TN_REP_NO_SUM, "no_sum"}};
    (void)what;
    int first = 1;
    fprintf(f, "%s\t", name);
    for (size_t k = 0; k < sizeof opts / sizeof opts[0]; k++)
        if (flags & opts[k].flag) {
            fprintf(f, "%s%s", first ? "" : ",", opts[k].name);
            first = 0;
        }
    fprintf(f, "\t%s\n", title);
}

/* One line of the reports listed after an unknown name. */
static void describe_report(FILE *f, const char *name, int flags, const char *title,
                            const char *what)
{
    (void)flags;
    (void)title;
    fprintf(f, "  %-20s %s\n", name, what);
}

/* The day a report judges deadlines on (report_int.h). */
tn_err tn__report_day(const struct tn_report_args *a, tn_day *out)
{
    char d[11];
    snprintf(d, sizeof d, "%.10s", a->as_of ? a->as_of : a->now);
    return tn_day_parse(d, out);
}

/* Parses the options into a; name gets the report's name. */
static tn_err parse_args(struct tn_cli *cli, const char **name, struct tn_report_args *a,
                         const char **format, const char **out, const char **as_of_arg,
                         char as_of[static 20])
{
    const char *period = NULL, *from = NULL, *to = NULL, *year = NULL, *date = NULL;
    for (int i = 1; i < cli->argc; i++) {
        const char *arg = cli->argv[i];
        int has = i + 1 < cli->argc;
        if (strcmp(arg, "--period") == 0 && has)
            period = cli->argv[++i];
        else if (strcmp(arg, "--as-of") == 0 && has)
            *as_of_arg = cli->argv[++i];
        else if (strcmp(arg, "--from") == 0 && has)
            from = cli->argv[++i];
        else if (strcmp(arg, "--to") == 0 && has)
            to = cli->argv[++i];
        else if (strcmp(arg, "--year") == 0 && has)
            year = cli->argv[++i];
        else if (strcmp(arg, "--date") == 0 && has)
            date = cli->argv[++i];
        else if (strcmp(arg, "--office") == 0 && has)
            a->office = cli->argv[++i];
        else if (strcmp(arg, "--officer") == 0 && has)
            a->officer = cli->argv[++i];
        else if (strcmp(arg, "--format") == 0 && has)
            *format = cli->argv[++i];
        else if (strcmp(arg, "-o") == 0 && has)
            *out = cli->argv[++i];
        else if (arg[0] != '-' && !*name)
            *name = arg;
        else
            return TN_ERR_USAGE;
    }
    if (!*name)
        return TN_ERR_USAGE;
    if (period && tn_period_parse(period, &a->period)) {
        tn_cli_error("report", "expected --period YYYY-MM, got \"%s\"", period);
        return TN_ERR_USAGE;
    }
    a->period = period ? a->period : -1;
    if (year) {
        char *end;
        long y = strtol(year, &end, 10);
        if (strlen(year) != 4 || *end || y < 1900) {
            tn_cli_error("report", "expected --year YYYY, got \"%s\"", year);
            return TN_ERR_USAGE;
        }
        a->year = (int)y;
    }
    a->from = 0;
    a->to = 2932896; /* 9999-12-31 */
    if ((from && tn_day_parse(from, &a->from)) || (to && tn_day_parse(to, &a->to))) {
        tn_cli_error("report", "expected --from/--to YYYY-MM-DD");
        return TN_ERR_USAGE;
    }
    a->day = -1;
    if (date && tn_day_parse(date, &a->day)) {
        tn_cli_error("report", "expected --date YYYY-MM-DD, got \"%s\"", date);
        return TN_ERR_USAGE;
    }
    if (*as_of_arg && tn_report_as_of(*as_of_arg, as_of)) {
        tn_cli_error("report", "expected --as-of YYYY-MM-DD[THH:MM:SS], got \"%s\"", *as_of_arg);
        return TN_ERR_USAGE;
    }
    a->as_of = *as_of_arg ? as_of : NULL;
    a->now = cli->now;
    return TN_OK;
}

/* The subtitle of a document: period or year, office, and the time the figures are known at. */
static void subtitle_of(const struct tn_report_args *a, const char *office_arg,
                        const char *known_at, char out[static 160])
{
    char subtitle[160], per[TN_PERIOD_BUFSZ] = "";
    if (a->period >= 0)
        tn_period_format(a->period, per);
    else if (a->year)
        snprintf(per, sizeof per, "%04d", a->year);
    snprintf(subtitle, sizeof subtitle, "%s%s%s%s — số liệu đến / as known at %s",
             a->period >= 0 ? "Kỳ / period "
             : a->year      ? "Năm / year "
                            : "",
             per, office_arg ? " — cơ quan / office " : "", office_arg ? office_arg : "", known_at);
    /* no period: drop the leading separator */
    snprintf(out, 160, "%s", strncmp(subtitle, " — ", 5) == 0 ? subtitle + 5 : subtitle);
}

/* Runs a report of the application layer's registry into t. */
static tn_err run_app_report(struct tn_cli *cli, const struct tn_report *r,
                             const struct tn_report_args *a, const struct tn_table_meta *meta,
                             FILE *f, enum tn_out_format fmt)
{
    struct tn_cli_app ca;
    tn_err err = tn_cli_app_open(cli, &ca);
    if (err)
        return err;
    struct tn_scope scope = {NULL, a->officer, TN_ROLE_ADMIN};
    if (a->office && (err = tn_app_scope_office(&ca.app, a->office, &scope.office))) {
        tn_cli_error("report", "%s", tn_app_why(&ca.app, err));
        tn_cli_app_close(&ca);
        return err == TN_ERR_NOT_FOUND ? TN_ERR_USAGE : err;
    }
    struct tn_report_params p;
    tn_report_params_init(&p);
    p.period = a->period;
    p.year = a->year;
    p.from = a->from;
    p.to = a->to;
    p.day = a->day;
    p.as_of = a->as_of;
    p.officer = a->officer;
    struct tn_table_out t;
    err = tn_table_begin(&t, f, fmt, meta, r->cols, r->ncols);
    struct tn_sink sink = tn_table_sink(&t);
    if (!err)
        err = tn_app_report_run(&ca.app, &scope, r, &p, &sink);
    tn_err end = tn_table_end(&t);
    if (err)
        tn_cli_error("report", "%s", tn_app_why(&ca.app, err));
    else
        err = end;
    tn_cli_app_close(&ca);
    return err;
}

/* Runs a report of the CLI's own table (reports[r]) into t. */
static tn_err run_cli_report(struct tn_cli *cli, size_t r, struct tn_report_args *a,
                             const struct tn_table_meta *meta, FILE *f, enum tn_out_format fmt)
{
    struct tn_store *s;
    tn_err err = tn_cli_open_store(cli, &s);
    if (err)
        return err;
    if ((err = tn_cli_cut_office(s, "report", &a->office))) {
        tn_store_free(s);
        return err;
    }
    struct tn_table_out t;
    err = tn_table_begin_names(&t, f, fmt, meta, reports[r].cols);
    if (!err)
        err = reports[r].run(cli, s, a, &t);
    tn_err end = tn_table_end(&t);
    if (!err)
        err = end;
    if (err && err != TN_ERR_USAGE)
        tn_cli_error("report", "%s",
                     err == TN_ERR_STORE ? tn_store_errmsg(s) : tn_err_message(err, TN_LANG_EN));
    tn_store_free(s);
    return err;
}

tn_err tn_cmd_report(struct tn_cli *cli)
{
    const char *name = NULL, *format = "csv", *out = NULL, *as_of_arg = NULL;
    char as_of[20];
    struct tn_report_args a = {0};
    if (cli->argc == 2 && strcmp(cli->argv[1], "--list") == 0) {
        each_report(stdout, print_report);
        return fflush(stdout) ? TN_ERR_IO : TN_OK;
    }
    tn_err err = parse_args(cli, &name, &a, &format, &out, &as_of_arg, as_of);
    if (err)
        return err;
    const struct tn_report *app_report = tn_app_report(name);
    size_t r = 0;
    while (!app_report && r < NREPORTS && strcmp(reports[r].name, name) != 0)
        r++;
    if (!app_report && r == NREPORTS) {
        tn_cli_error("report", "unknown report \"%s\"; the reports are:", name);
        each_report(stderr, describe_report);
        return TN_ERR_USAGE;
    }
    int flags = app_report         ? tn_app_report_flags(app_report)
                : reports[r].flags ? reports[r].flags
                                   : TN_REP_PERIOD;
    if ((flags & TN_REP_PERIOD) && a.period < 0) {
        tn_cli_error("report", "%s needs --period YYYY-MM", name);
        return TN_ERR_USAGE;
    }
    if ((flags & TN_REP_YEAR) && (a.period < 0) == !a.year) {
        tn_cli_error("report", "%s needs --year YYYY or --period YYYY-MM (one of them)", name);
        return TN_ERR_USAGE;
    }
    if (a.year && !(flags & TN_REP_YEAR)) {
        tn_cli_error("report", "%s takes no --year", name);
        return TN_ERR_USAGE;
    }
    if (a.office && !(flags & TN_REP_OFFICE)) {
        tn_cli_error("report", "%s cannot be cut by --office yet", name);
        return TN_ERR_USAGE;
    }
    if (a.officer && !(flags & TN_REP_OFFICER)) {
        tn_cli_error("report", "%s cannot be cut by --officer", name);
        return TN_ERR_USAGE;
    }
    enum tn_out_format fmt;
    if (tn_out_format_parse(format, &fmt)) {
        tn_cli_error("report", "format \"%s\" is not available (csv, json, xlsx, pdf)", format);
        return TN_ERR_USAGE;
    }
    struct tn_cli_out o;
    if ((err = tn_cli_out_open(&o, out, "report")))
        return err;
    /* documents carry the time they describe, not the clock, so that the same ledger gives
     * the same file: the as-of time, or the run's own "now"; the office is named on them even
     * for the province */
    char sub[160];
    const char *known_at = as_of_arg ? as_of : cli->now;
    subtitle_of(&a, a.office, known_at, sub);
    struct tn_table_meta meta = {app_report ? app_report->title : reports[r].title, sub, known_at,
                                 (flags & TN_REP_NO_SUM) != 0};
    err = app_report ? run_app_report(cli, app_report, &a, &meta, o.f, fmt)
                     : run_cli_report(cli, r, &a, &meta, o.f, fmt);
    return tn_cli_out_close(&o, err, "report");
}
