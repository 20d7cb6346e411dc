/*
 * cmd_report.c - `thuno report NAME --period YYYY-MM [--as-of DATE] [--format
 * csv|json|xlsx|pdf] [-o FILE]` (and the options a report takes: --from/--to days or months,
 * --case, --department, --unit, the units list's filters), and `thuno report --list`: parses the
 * options, runs the report of the application layer's registry (tn_app_report,
 * src/app/report_*.c; docs/architecture.md) and writes its rows in the format asked for.
 */

#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "thuno/table_out.h"
#include "thuno/app.h"
#include "thuno/report.h"
#include "thuno/vocab.h"

/* The options of `thuno report`, checked. */
struct report_args {
    tn_period period;      /* --period, -1 when not given */
    const char *as_of;     /* normalized --as-of, NULL: now */
    tn_day from, to;       /* --from / --to; the whole range when not given */
    const char *office;    /* --office: NULL for every office */
    int year;              /* --year, 0 when not given */
    tn_day day;            /* --date: -1 when not given */
    const char *officer;   /* --officer: NULL for every officer */
    enum tn_lang lang;     /* --lang vi|en: the labels of XLSX and PDF */
    tn_period first, last; /* --from / --to YYYY-MM: a range of months; 0 when not given */
    const char *case_id, *department; /* --case, --department: NULL when not given */
    const char *unit;                 /* --unit: NULL when not given */
    /* the units list's --type, --bucket, --legal-status, --q, --sort and --desc */
    const char *type, *bucket, *legal_status, *text, *sort;
    int desc;
};

/* `thuno report --list`: one line a report, tab-separated: its name, the options it needs or
 * takes (period, year, range, office, officer; no_sum: no sum row in XLSX; case, months,
 * department, units, unit: --case, --from/--to YYYY-MM, --department, the units' filters,
 * --unit) and its
 * title, for scripts (tests/cli_all_formats.sh runs every report in every format from it). */
static void print_reports(FILE *f)
{
    static const struct {
        int flag;
        const char *name;
    } opts[] = {{TN_REPORT_PERIOD, "period"},   {TN_REPORT_YEAR, "year"},
                {TN_REPORT_RANGE, "range"},     {TN_REPORT_OFFICE, "office"},
                {TN_REPORT_OFFICER, "officer"}, {TN_REPORT_NO_SUM, "no_sum"},
                {TN_REPORT_CASE, "case"},       {TN_REPORT_MONTHS, "months"},
                {TN_REPORT_DEPT, "department"}, {TN_REPORT_UNITS, "units"},
                {TN_REPORT_UNIT, "unit"}};
    for (size_t i = 0; i < tn_app_report_count(); i++) {
        const struct tn_report *r = tn_app_report_at(i);
        int flags = tn_app_report_flags(r), first = 1;
        fprintf(f, "%s\t", r->name);
        for (size_t k = 0; k < sizeof opts / sizeof opts[0]; k++)
            if (flags & opts[k].flag) {
                fprintf(f, "%s%s", first ? "" : ",", opts[k].name);
                first = 0;
            }
        fprintf(f, "\t%s\n", r->title);
    }
}

static const char *const type_names[] = {"text",   "money", "count", "number",
                                         "tenths", "date",  "period"};

/* `thuno report --columns NAME`: one line a column of the report, tab-separated: its id (the
 * CSV/JSON header), type, Vietnamese label, English label (the XLSX/PDF headers by --lang)
 * and 1 when it adds up. Errors: TN_ERR_USAGE for an unknown report. */
static tn_err print_columns(FILE *f, const char *name)
{
    const struct tn_report *r = tn_app_report(name);
    if (!r) {
        tn_cli_error("report", "unknown report \"%s\"", name);
        return TN_ERR_USAGE;
    }
    for (size_t i = 0; i < r->ncols; i++) {
        const struct tn_col *c = &r->cols[i];
        fprintf(f, "%s\t%s\t%s\t%s\t%d\n", c->id,
                (unsigned)c->type < sizeof type_names / sizeof type_names[0] ? type_names[c->type]
                                                                             : "?",
                tn_table_col_label(c, TN_LANG_VI), tn_table_col_label(c, TN_LANG_EN), c->adds);
    }
    return TN_OK;
}

/* `thuno report --values`: the vocabulary of enumerated values (vocab.h), one a line,
 * tab-separated: the column it is limited to ("*": any), the value as CSV/JSON write it, and
 * the Vietnamese and English words XLSX/PDF show. */
static void print_values(FILE *f)
{
    struct tn_vocab_entry e;
    for (size_t i = 0; tn_vocab_get(i, &e); i++)
        fprintf(f, "%s\t%s\t%s\t%s\n", e.column ? e.column : "*", e.value, e.vi, e.en);
}

/* The reports listed after an unknown name, one a line with what it shows. */
static void describe_reports(FILE *f)
{
    for (size_t i = 0; i < tn_app_report_count(); i++)
        fprintf(f, "  %-20s %s\n", tn_app_report_at(i)->name, tn_app_report_at(i)->what);
}

/* --from or --to: a day YYYY-MM-DD into *day, or a month YYYY-MM into *month. 1 when it is
 * neither. */
static int from_to(const char *arg, tn_day *day, tn_period *month)
{
    if (strlen(arg) == 7)
        return tn_period_parse(arg, month) != TN_OK;
    return tn_day_parse(arg, day) != TN_OK;
}

/* Parses the options into a; name gets the report's name. */
static tn_err parse_args(struct tn_cli *cli, const char **name, struct report_args *a,
                         const char **format, const char **out, const char **as_of_arg,
                         char as_of[static 20])
{
    const char *lang = "vi";
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
        else if (strcmp(arg, "--lang") == 0 && has)
            lang = cli->argv[++i];
        else if (strcmp(arg, "--case") == 0 && has)
            a->case_id = cli->argv[++i];
        else if (strcmp(arg, "--department") == 0 && has)
            a->department = cli->argv[++i];
        else if (strcmp(arg, "--unit") == 0 && has)
            a->unit = cli->argv[++i];
        else if (strcmp(arg, "--type") == 0 && has)
            a->type = cli->argv[++i];
        else if (strcmp(arg, "--bucket") == 0 && has)
            a->bucket = cli->argv[++i];
        else if (strcmp(arg, "--legal-status") == 0 && has)
            a->legal_status = cli->argv[++i];
        else if (strcmp(arg, "--q") == 0 && has)
            a->text = cli->argv[++i];
        else if (strcmp(arg, "--sort") == 0 && has)
            a->sort = cli->argv[++i];
        else if (strcmp(arg, "--desc") == 0)
            a->desc = 1;
        else if (arg[0] != '-' && !*name)
            *name = arg;
        else
            return TN_ERR_USAGE;
    }
    if (!*name)
        return TN_ERR_USAGE;
    if (tn_cli_lang_parse("report", lang, &a->lang))
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
    if ((from && from_to(from, &a->from, &a->first)) || (to && from_to(to, &a->to, &a->last))) {
        tn_cli_error("report", "expected --from/--to YYYY-MM-DD (or YYYY-MM: a range of months)");
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
    return TN_OK;
}

/* The subtitle of a document: period or year, office, and the time the figures are known at. */
static void subtitle_of(const struct report_args *a, const char *office_arg, const char *known_at,
                        char out[static 160])
{
    char subtitle[160], per[TN_PERIOD_BUFSZ] = "";
    if (a->first && a->last) { /* a range of months */
        char from[TN_PERIOD_BUFSZ], to[TN_PERIOD_BUFSZ];
        tn_period_format(a->first, from);
        tn_period_format(a->last, to);
        snprintf(subtitle, sizeof subtitle, "Từ tháng / from %s đến / to %s — %s", from, to,
                 known_at);
        snprintf(out, 160, "%s", subtitle);
        return;
    }
    if (a->case_id) {
        snprintf(subtitle, sizeof subtitle, "Hồ sơ / case %.60s — số liệu đến / as known at %s",
                 a->case_id, known_at);
        snprintf(out, 160, "%s", subtitle);
        return;
    }
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

/* Runs report r of the application layer's registry, writing its rows to f in fmt. */
static tn_err run_app_report(struct tn_cli *cli, const struct tn_report *r,
                             const struct report_args *a, const struct tn_table_meta *meta, FILE *f,
                             enum tn_out_format fmt)
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
    p.case_id = a->case_id;
    p.first = a->first;
    p.last = a->last;
    p.department = a->department;
    p.unit = a->unit;
    p.type = a->type;
    p.bucket = a->bucket;
    p.legal_status = a->legal_status;
    p.text = a->text;
    p.sort = a->sort;
    p.desc = a->desc;
    struct tn_table_out t;
    err = tn_table_begin(&t, f, fmt, meta, r->cols, r->ncols);
    struct tn_sink sink = tn_table_sink(&t);
    if (!err)
        err = tn_app_report_run(&ca.app, &scope, r, &p, &sink);
    tn_err end = tn_table_end(&t);
    if (err)
        tn_cli_error("report", "%s", tn_app_why(&ca.app, err));
    else if ((err = end))
        tn_cli_error("report", "cannot write the report");
    tn_cli_app_close(&ca);
    return err;
}

tn_err tn_cmd_report(struct tn_cli *cli)
{
    const char *name = NULL, *format = "csv", *out = NULL, *as_of_arg = NULL;
    char as_of[20];
    struct report_args a = {0};
    if (cli->argc == 2 && strcmp(cli->argv[1], "--list") == 0) {
        print_reports(stdout);
        return fflush(stdout) ? TN_ERR_IO : TN_OK;
    }
    if (cli->argc == 3 && strcmp(cli->argv[1], "--columns") == 0) {
        tn_err err = print_columns(stdout, cli->argv[2]);
        return err ? err : fflush(stdout) ? TN_ERR_IO : TN_OK;
    }
    if (cli->argc == 2 && strcmp(cli->argv[1], "--values") == 0) {
        print_values(stdout);
        return fflush(stdout) ? TN_ERR_IO : TN_OK;
    }
    tn_err err = parse_args(cli, &name, &a, &format, &out, &as_of_arg, as_of);
    if (err)
        return err;
    const struct tn_report *r = tn_app_report(name);
    if (!r) {
        tn_cli_error("report", "unknown report \"%s\"; the reports are:", name);
        describe_reports(stderr);
        return TN_ERR_USAGE;
    }
    int flags = tn_app_report_flags(r);
    if ((flags & TN_REPORT_PERIOD) && a.period < 0) {
        tn_cli_error("report", "%s needs --period YYYY-MM", name);
        return TN_ERR_USAGE;
    }
    if ((flags & TN_REPORT_YEAR) && (a.period < 0) == !a.year) {
        tn_cli_error("report", "%s needs --year YYYY or --period YYYY-MM (one of them)", name);
        return TN_ERR_USAGE;
    }
    if (a.year && !(flags & TN_REPORT_YEAR)) {
        tn_cli_error("report", "%s takes no --year", name);
        return TN_ERR_USAGE;
    }
    if (a.office && !(flags & TN_REPORT_OFFICE)) {
        tn_cli_error("report", "%s cannot be cut by --office yet", name);
        return TN_ERR_USAGE;
    }
    if (a.officer && !(flags & TN_REPORT_OFFICER)) {
        tn_cli_error("report", "%s cannot be cut by --officer", name);
        return TN_ERR_USAGE;
    }
    enum tn_out_format fmt;
    if (tn_out_format_parse(format, &fmt)) {
        tn_cli_error("report", "format \"%s\" is not available (csv, json, xlsx, pdf)", format);
        return TN_ERR_USAGE;
    }
    /* documents are headed by the office settings; CSV and JSON are data and need none */
    char issuer[512] = "";
    int doc = fmt == TN_OUT_XLSX || fmt == TN_OUT_PDF;
    if (doc && (err = tn_cli_office_header("report", a.office, issuer, sizeof issuer)))
        return err == TN_ERR_NO_POLICY ? TN_ERR_REJECTED : err;
    struct tn_cli_out o;
    if ((err = tn_cli_out_open(&o, out, "report")))
        return err;
    /* documents carry the time they describe, not the clock, so that the same ledger gives
     * the same file: the as-of time, or the run's own "now"; the office is named on them even
     * for the province */
    char sub[160];
    const char *known_at = as_of_arg ? as_of : cli->now;
    subtitle_of(&a, a.office, known_at, sub);
    struct tn_table_meta meta = {r->title, sub,   known_at, (flags & TN_REPORT_NO_SUM) != 0,
                                 a.lang,   issuer};
    err = run_app_report(cli, r, &a, &meta, o.f, fmt);
    return tn_cli_out_close(&o, err, "report");
}
