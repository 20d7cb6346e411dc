/*
 * cmd_report.c - `thuno report NAME --period YYYY-MM [--as-of DATE] [--format
 * csv|json|xlsx|pdf] [-o FILE]`, and `thuno report --list`. One entry per report in the table
 * below: its columns and how its rows are read (data-formats.md "Outputs"). Later issues add their
 * reports here.
 */

#include <stdlib.h>
#include <string.h>

#include "report_int.h"
#include "thuno/office.h"
#include "thuno/operations.h"
#include "thuno/policy.h"
#include "thuno/report.h"
#include "thuno/store.h"

static tn_err balance_row(void *ctx, const struct tn_balance_row *r)
{
    char period[TN_PERIOD_BUFSZ], oldest[TN_PERIOD_BUFSZ];
    tn_period_format(r->period, period);
    struct tn_cell c[] = {
        TEXT(r->unit_code),
        TEXT(period),
        INT(r->opening),
        INT(r->assessed),
        INT(r->adjustment),
        INT(r->interest),
        INT(r->paid),
        INT(r->closing),
        INT(r->principal_due),
        INT(r->interest_due),
        {TN_CELL_TENTHS, NULL, r->months_owed_tenths},
        TEXT(r->bucket),
        TEXT(oldest),
        TEXT(r->legal_status),
    };
    if (r->months_owed_tenths < 0)
        c[10].type = TN_CELL_NULL;
    if (r->oldest_unpaid < 0 || tn_period_format(r->oldest_unpaid, oldest))
        c[12].type = TN_CELL_NULL;
    return tn_table_row(ctx, c);
}

static tn_err finding_row(void *ctx, const struct tn_finding_row *r)
{
    char period[TN_PERIOD_BUFSZ];
    tn_period_format(r->for_period, period);
    struct tn_cell c[] = {TEXT(r->unit_code), TEXT(r->bhxh_code), TEXT(period),
                          INT(r->base),       INT(r->floor),      INT(r->floor - r->base)};
    return tn_table_row(ctx, c);
}

static tn_err suspense_row(void *ctx, const struct tn_suspense_row *r)
{
    struct tn_cell c[] = {TEXT(r->txn_id),    TEXT(r->paid_on), INT(r->amount), TEXT(r->channel),
                          TEXT(r->unit_code), TEXT(r->memo),    TEXT(r->reason)};
    return tn_table_row(ctx, c);
}

/* card_locks and handover share the crossing rows; ctx carries the table and the rule */
struct crossing_ctx {
    struct tn_table_out *t;
    int kttn_tenths;
    int handover; /* 1: the handover list, 0: the card-lock list */
};

static tn_err crossing_row(void *ctx, const struct tn_crossing_row *r)
{
    const struct crossing_ctx *x = ctx;
    if (x->handover) {
        struct tn_cell c[] = {TEXT(r->unit_code),
                              TEXT(r->up ? "QLT->KTTN" : "KTTN->QLT"),
                              {TN_CELL_TENTHS, NULL, r->prev_tenths},
                              {TN_CELL_TENTHS, NULL, r->months_owed_tenths},
                              INT(r->debt),
                              TEXT(r->officer_code)};
        return tn_table_row(x->t, c);
    }
    /* seed 002: QLT watches 1 to under 3 months, KTTN 3 months and more */
    struct tn_cell c[] = {TEXT(r->unit_code),
                          TEXT(r->up ? "lock" : "unlock"),
                          {TN_CELL_TENTHS, NULL, r->months_owed_tenths},
                          INT(r->workers),
                          TEXT(r->months_owed_tenths >= x->kttn_tenths ? "KTTN" : "QLT")};
    return tn_table_row(x->t, c);
}

static tn_err officer_kpi_row(void *ctx, const struct tn_kpi_row *r)
{
    /* plan and collected_pct stay empty without a plan (docs/operations.md) */
    long pct = tn_percent_tenths(r->collected, r->plan);
    struct tn_cell c[] = {
        TEXT(r->key),
        TEXT(r->office_code),
        INT(r->units),
        INT(r->workers),
        INT(r->assessed),
        INT(r->collected),
        INT(r->plan),
        {TN_CELL_TENTHS, NULL, pct},
        INT(r->debt),
        {TN_CELL_TENTHS, NULL, r->debt_ratio_tenths},
        INT(r->units_by_bucket[0]),
        INT(r->units_by_bucket[1]),
        INT(r->units_by_bucket[2]),
        INT(r->units_by_bucket[3]),
        INT(r->units_by_bucket[4]),
    };
    if (r->plan < 0)
        c[6].type = TN_CELL_NULL;
    if (pct < 0)
        c[7].type = TN_CELL_NULL;
    if (r->debt_ratio_tenths < 0)
        c[9].type = TN_CELL_NULL;
    return tn_table_row(ctx, c);
}

static tn_err debtor_row(void *ctx, const struct tn_debtor_row *r)
{
    char oldest[TN_PERIOD_BUFSZ];
    struct tn_cell c[] = {
        TEXT(r->unit_code),
        TEXT(r->name),
        TEXT(r->type),
        TEXT(r->status),
        TEXT(r->status_since),
        TEXT(r->officer_code),
        {TN_CELL_TENTHS, NULL, r->months_owed_tenths},
        INT(r->debt),
        TEXT(oldest),
        TEXT(r->legal_status),
        INT(r->workers),
    };
    if (r->oldest_unpaid < 0 || tn_period_format(r->oldest_unpaid, oldest))
        c[8].type = TN_CELL_NULL;
    return tn_table_row(ctx, c);
}

static tn_err non_participant_row(void *ctx, const struct tn_non_participant_row *r)
{
    struct tn_cell c[] = {TEXT(r->tax_code),  TEXT(r->name),    INT(r->reported),
                          TEXT(r->unit_code), INT(r->declared), TEXT(r->finding)};
    return tn_table_row(ctx, c);
}

static tn_err kpi_row(void *ctx, const struct tn_kpi_row *r)
{
    long pct = tn_percent_tenths(r->collected, r->plan);
    struct tn_cell c[] = {
        TEXT(r->key),
        INT(r->units),
        INT(r->workers),
        INT(r->assessed),
        INT(r->collected),
        INT(r->plan),
        {TN_CELL_TENTHS, NULL, pct},
        INT(r->collected_prev),
        INT(r->debt),
        INT(r->debt_prev),
        INT(r->debt - r->debt_prev),
        {TN_CELL_TENTHS, NULL, r->debt_ratio_tenths},
        INT(r->units_by_bucket[0]),
        INT(r->units_by_bucket[1]),
        INT(r->units_by_bucket[2]),
        INT(r->units_by_bucket[3]),
        INT(r->units_by_bucket[4]),
    };
    if (r->plan < 0)
        c[5].type = TN_CELL_NULL;
    if (pct < 0)
        c[6].type = TN_CELL_NULL;
    if (r->debt_ratio_tenths < 0)
        c[11].type = TN_CELL_NULL;
    return tn_table_row(ctx, c);
}

static tn_err run_crossings(struct tn_cli *cli, struct tn_store *s, tn_period p, const char *as_of,
                            struct tn_table_out *t, int handover)
{
    struct tn_policy pol;
    tn_policy_init(&pol);
    const struct tn_card_rule *rule;
    tn_err err = tn_cli_load_policy(cli, &pol);
    if (!err && (err = tn_policy_card(&pol, tn_period_last_day(p), &rule)))
        tn_cli_error("report", "no rule in policy/card_lock.csv for this period");
    if (!err) {
        struct crossing_ctx x = {t, rule->kttn_tenths, handover};
        err = tn_store_crossings(s, p, as_of, handover ? rule->kttn_tenths : rule->lock_tenths,
                                 crossing_row, &x);
    }
    tn_policy_release(&pol);
    return err;
}

static tn_err run_card_locks(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                             struct tn_table_out *t)
{
    return run_crossings(cli, s, a->period, a->as_of, t, 0);
}

static tn_err run_handover(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                           struct tn_table_out *t)
{
    return run_crossings(cli, s, a->period, a->as_of, t, 1);
}

static tn_err run_non_participants(struct tn_cli *cli, struct tn_store *s,
                                   const struct tn_report_args *a, struct tn_table_out *t)
{
    tn_period p = a->period;
    const char *as_of = a->as_of;
    struct tn_policy pol;
    tn_policy_init(&pol);
    const struct tn_undeclared_rule *rule;
    tn_err err = tn_cli_load_policy(cli, &pol);
    if (!err && (err = tn_policy_undeclared(&pol, tn_period_last_day(p), &rule)))
        tn_cli_error("report", "no rule in policy/non_participant.csv for this period");
    if (!err)
        err = tn_store_non_participants(s, p, as_of, rule->min_gap, rule->min_ratio_percent,
                                        non_participant_row, t);
    tn_policy_release(&pol);
    return err;
}

/* A report that only reads the store: its runner calls one tn_store_ function. */
#define STORE_RUN(name, call)                                                                      \
    static tn_err name(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,     \
                       struct tn_table_out *t)                                                     \
    {                                                                                              \
        (void)cli;                                                                                 \
        tn_period p = a->period;                                                                   \
        const char *as_of = a->as_of;                                                              \
        return call;                                                                               \
    }
STORE_RUN(run_balances, tn_store_balances(s, p, as_of, balance_row, t))
STORE_RUN(run_findings, tn_store_findings(s, p, as_of, finding_row, t))
STORE_RUN(run_suspense, tn_store_suspense(s, p, as_of, suspense_row, t))
STORE_RUN(run_officer_kpi, tn_store_kpi(s, p, as_of, TN_KPI_OFFICER, officer_kpi_row, t))
STORE_RUN(run_debtors, tn_store_debtors(s, p, as_of, debtor_row, t))
STORE_RUN(run_award, tn_store_award_eligible(s, p, as_of, debtor_row, t))
STORE_RUN(run_kpi_office, tn_store_kpi(s, p, as_of, TN_KPI_OFFICE, kpi_row, t))
STORE_RUN(run_kpi_type, tn_store_kpi(s, p, as_of, TN_KPI_TYPE, kpi_row, t))
STORE_RUN(run_kpi_department, tn_store_kpi(s, p, as_of, TN_KPI_DEPARTMENT, kpi_row, t))
#undef STORE_RUN

static const char *const balance_cols[] = {"unit_code",
                                           "period",
                                           "opening",
                                           "assessed",
                                           "adjustment",
                                           "interest",
                                           "paid",
                                           "closing",
                                           "principal_due",
                                           "interest_due",
                                           "months_owed",
                                           "bucket",
                                           "oldest_unpaid_period",
                                           "legal_status",
                                           NULL};
static const char *const finding_cols[] = {
    "unit_code", "bhxh_code", "period", "declared_base", "regional_min_wage", "shortfall", NULL};
static const char *const suspense_cols[] = {"txn_id",    "paid_on", "amount", "channel",
                                            "unit_code", "memo",    "reason", NULL};
static const char *const card_lock_cols[] = {"unit_code", "action",     "months_owed",
                                             "workers",   "department", NULL};
static const char *const handover_cols[] = {
    "unit_code", "direction", "months_owed_before", "months_owed", "debt", "officer_code", NULL};
static const char *const kpi_cols[] = {
    "key",           "units",          "workers",   "assessed",   "collected",    "plan",
    "collected_pct", "collected_prev", "debt",      "debt_prev",  "debt_change",  "debt_ratio",
    "units_0",       "units_1_3",      "units_3_6", "units_6_12", "units_12plus", NULL};
static const char *const debtor_cols[] = {"unit_code",    "name",         "type",
                                          "status",       "status_since", "officer_code",
                                          "months_owed",  "debt",         "oldest_unpaid_period",
                                          "legal_status", "workers",      NULL};
static const char *const non_participant_cols[] = {
    "tax_code", "name", "reported_employees", "unit_code", "declared_workers", "finding", NULL};
static const char *const officer_kpi_cols[] = {
    "officer_code", "office_code",   "units",        "workers",    "assessed", "collected",
    "plan",         "collected_pct", "debt",         "debt_ratio", "units_0",  "units_1_3",
    "units_3_6",    "units_6_12",    "units_12plus", NULL};

static const struct tn_report_def reports[] = {
    {"balances", "Số dư nợ theo đơn vị / Balances by unit", balance_cols, run_balances,
     "one row per unit: balance, aging, legal status", TN_REP_PERIOD | TN_REP_OFFICE},
    {"findings", "Đóng thấp hơn lương tối thiểu vùng / Bases below the minimum wage", finding_cols,
     run_findings, "declared bases below the regional minimum wage (under-declaration)",
     TN_REP_PERIOD | TN_REP_OFFICE},
    {"suspense", "Số tiền chưa xác định đơn vị nộp / Payments in suspense", suspense_cols,
     run_suspense, "payments received by the period's end whose payer is missing or unknown",
     TN_REP_PERIOD | TN_REP_OFFICE},
    {"card_locks", "Danh sách khóa, mở thẻ BHYT / Health-card locks and unlocks", card_lock_cols,
     run_card_locks,
     "health cards to lock (months owed reach the threshold) or unlock (paid down below it)",
     TN_REP_PERIOD | TN_REP_OFFICE},
    {"officer_kpi", "Kết quả thu theo cán bộ chuyên quản / Collection by officer", officer_kpi_cols,
     run_officer_kpi,
     "per officer: units, workers, assessed, collected, debt, debt ratio, units by bucket",
     TN_REP_PERIOD | TN_REP_OFFICE},
    {"handover", "Bàn giao đơn vị nợ giữa phòng QLT và KTTN / Handover between QLT and KTTN",
     handover_cols, run_handover,
     "units passing to KTTN (months owed reach 3.0) and back to QLT (paid down below it)",
     TN_REP_PERIOD | TN_REP_OFFICE},
    {"debtors", "Danh sách đơn vị nợ / Units in debt", debtor_cols, run_debtors,
     "units owing at the period's end: those no longer active first, then by debt",
     TN_REP_PERIOD | TN_REP_OFFICE},
    {"award_eligible", "Đơn vị không nợ trong năm / Units without debt this year", debtor_cols,
     run_award, "units with nothing overdue at the end of any month of the year so far",
     TN_REP_PERIOD | TN_REP_OFFICE},
    {"non_participants",
     "Đơn vị chưa tham gia hoặc khai thiếu lao động / Non-participants and under-declaring "
     "units",
     non_participant_cols, run_non_participants,
     "the enterprise register against the units: not registered, or far fewer workers declared",
     TN_REP_PERIOD | TN_REP_OFFICE},
    {"kpi_office", "Kết quả thu theo cơ quan BHXH / Collection by office", kpi_cols, run_kpi_office,
     "per office (district): the KPIs with last month's beside them",
     TN_REP_PERIOD | TN_REP_OFFICE},
    {"kpi_type", "Kết quả thu theo loại hình đơn vị / Collection by unit type", kpi_cols,
     run_kpi_type, "per unit type: the KPIs with last month's beside them",
     TN_REP_PERIOD | TN_REP_OFFICE},
    {"kpi_department", "Kết quả thu theo phòng / Collection by department", kpi_cols,
     run_kpi_department, "per department of the officers: the KPIs with last month's",
     TN_REP_PERIOD | TN_REP_OFFICE},
    TN_CASE_REPORTS,
    TN_LIST_REPORTS,
    TN_CASE_REGISTER_REPORTS,
    TN_PAYOPS_REPORTS,
    TN_INSPECTION_REPORTS,
    TN_OPERATIONS_REPORTS,
    TN_LETTER_REPORTS};

static size_t ncols(const char *const *cols)
{
    size_t n = 0;
    while (cols[n])
        n++;
    return n;
}

/* `thuno report --list`: one line a report, tab-separated: its name, the options it needs or
 * takes (period, year, range, office, officer; no_sum: no sum row in XLSX) and its title,
 * for scripts (tests/cli_all_formats.sh runs every report in every format from it). */
static void print_reports(FILE *f)
{
    static const struct {
        int flag;
        const char *name;
    } opts[] = {{TN_REP_PERIOD, "period"}, {TN_REP_YEAR, "year"},       {TN_REP_RANGE, "range"},
                {TN_REP_OFFICE, "office"}, {TN_REP_OFFICER, "officer"}, {TN_REP_NO_SUM, "no_sum"}};
    for (size_t i = 0; i < sizeof reports / sizeof reports[0]; i++) {
        int flags = reports[i].flags ? reports[i].flags : TN_REP_PERIOD, first = 1;
        fprintf(f, "%s\t", reports[i].name);
        for (size_t k = 0; k < sizeof opts / sizeof opts[0]; k++)
            if (flags & opts[k].flag) {
                fprintf(f, "%s%s", first ? "" : ",", opts[k].name);
                first = 0;
            }
        fprintf(f, "\t%s\n", reports[i].title);
    }
}

static void list_reports(void)
{
    for (size_t i = 0; i < sizeof reports / sizeof reports[0]; i++)
        fprintf(stderr, "  %-20s %s\n", reports[i].name, reports[i].what);
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

tn_err tn_cmd_report(struct tn_cli *cli)
{
    const char *name = NULL, *format = "csv", *out = NULL, *as_of_arg = NULL;
    char as_of[20];
    struct tn_report_args a = {0};
    if (cli->argc == 2 && strcmp(cli->argv[1], "--list") == 0) {
        print_reports(stdout);
        return fflush(stdout) ? TN_ERR_IO : TN_OK;
    }
    tn_err err = parse_args(cli, &name, &a, &format, &out, &as_of_arg, as_of);
    if (err)
        return err;
    size_t r = 0;
    while (r < sizeof reports / sizeof reports[0] && strcmp(reports[r].name, name) != 0)
        r++;
    if (r == sizeof reports / sizeof reports[0]) {
        tn_cli_error("report", "unknown report \"%s\"; the reports are:", name);
        list_reports();
        return TN_ERR_USAGE;
    }
    int flags = reports[r].flags ? reports[r].flags : TN_REP_PERIOD;
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
    struct tn_store *s;
    if ((err = tn_cli_open_store(cli, &s)))
        return err;
    const char *office_arg = a.office; /* named on the documents even for the province */
    if ((err = tn_cli_cut_office(s, "report", &a.office))) {
        tn_store_free(s);
        return err;
    }
    FILE *f = out ? fopen(out, "wb") : stdout;
    if (!f) {
        tn_cli_error("report", "cannot write %s", out);
        tn_store_free(s);
        return TN_ERR_IO;
    }
    /* documents carry the time they describe, not the clock, so that the same ledger gives
     * the same file: the as-of time, or the run's own "now" */
    char subtitle[160], per[TN_PERIOD_BUFSZ] = "";
    if (a.period >= 0)
        tn_period_format(a.period, per);
    else if (a.year)
        snprintf(per, sizeof per, "%04d", a.year);
    snprintf(subtitle, sizeof subtitle, "%s%s%s%s — số liệu đến / as known at %s",
             a.period >= 0 ? "Kỳ / period "
             : a.year      ? "Năm / year "
                           : "",
             per, office_arg ? " — cơ quan / office " : "", office_arg ? office_arg : "",
             as_of_arg ? as_of : cli->now);
    const char *sub = strncmp(subtitle, " — ", 5) == 0 ? subtitle + 5 : subtitle; /* no period */
    struct tn_table_meta meta = {reports[r].title, sub, as_of_arg ? as_of : cli->now,
                                 (flags & TN_REP_NO_SUM) != 0};
    struct tn_table_out t;
    err = tn_table_begin(&t, f, fmt, &meta, reports[r].cols, ncols(reports[r].cols));
    if (!err)
        err = reports[r].run(cli, s, &a, &t);
    tn_err end = tn_table_end(&t);
    if (!err)
        err = end;
    if (err && err != TN_ERR_USAGE)
        tn_cli_error("report", "%s",
                     err == TN_ERR_STORE ? tn_store_errmsg(s) : tn_err_message(err, TN_LANG_EN));
    if (out && fclose(f) && !err)
        err = TN_ERR_IO;
    tn_store_free(s);
    return err;
}
