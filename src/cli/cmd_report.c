/*
 * cmd_report.c - `thuno report NAME --period YYYY-MM [--as-of DATE] [--format csv|json]
 * [-o FILE]`. One entry per report in the table below: its columns and how its rows are read
 * (data-formats.md "Outputs"). Later issues add their reports here.
 */
#include "cli.h"

#include <string.h>

#include "io/table_out.h"
#include "thuno/policy.h"
#include "thuno/report.h"
#include "thuno/store.h"

#define TEXT(s)                                                                                    \
    {                                                                                              \
        TN_CELL_TEXT, (s), 0                                                                       \
    }
#define INT(n)                                                                                     \
    {                                                                                              \
        TN_CELL_INT, NULL, (n)                                                                     \
    }

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

static tn_err card_lock_row(void *ctx, const struct tn_card_lock_row *r)
{
    struct tn_cell c[] = {TEXT(r->unit_code),
                          TEXT(r->lock ? "lock" : "unlock"),
                          {TN_CELL_TENTHS, NULL, r->months_owed_tenths},
                          INT(r->workers),
                          TEXT(r->department)};
    return tn_table_row(ctx, c);
}

static tn_err officer_kpi_row(void *ctx, const struct tn_officer_kpi_row *r)
{
    /* collection plans are not imported yet: plan and collected_pct stay empty */
    struct tn_cell c[] = {
        TEXT(r->officer_code),
        TEXT(r->office_code),
        INT(r->units),
        INT(r->workers),
        INT(r->assessed),
        INT(r->collected),
        {TN_CELL_NULL, NULL, 0},
        {TN_CELL_NULL, NULL, 0},
        INT(r->debt),
        {TN_CELL_TENTHS, NULL, r->debt_ratio_tenths},
        INT(r->units_by_bucket[0]),
        INT(r->units_by_bucket[1]),
        INT(r->units_by_bucket[2]),
        INT(r->units_by_bucket[3]),
        INT(r->units_by_bucket[4]),
    };
    if (r->debt_ratio_tenths < 0)
        c[9].type = TN_CELL_NULL;
    return tn_table_row(ctx, c);
}

static tn_err run_balances(struct tn_cli *cli, struct tn_store *s, tn_period p, const char *as_of,
                           struct tn_table_out *t)
{
    (void)cli;
    return tn_store_balances(s, p, as_of, balance_row, t);
}

static tn_err run_findings(struct tn_cli *cli, struct tn_store *s, tn_period p, const char *as_of,
                           struct tn_table_out *t)
{
    (void)cli;
    return tn_store_findings(s, p, as_of, finding_row, t);
}

static tn_err run_suspense(struct tn_cli *cli, struct tn_store *s, tn_period p, const char *as_of,
                           struct tn_table_out *t)
{
    (void)cli;
    return tn_store_suspense(s, p, as_of, suspense_row, t);
}

static tn_err run_card_locks(struct tn_cli *cli, struct tn_store *s, tn_period p, const char *as_of,
                             struct tn_table_out *t)
{
    struct tn_policy pol;
    tn_policy_init(&pol);
    const struct tn_card_rule *rule;
    tn_err err = tn_cli_load_policy(cli, &pol);
    if (!err && (err = tn_policy_card(&pol, tn_period_last_day(p), &rule)))
        tn_cli_error("report", "no card-lock rule in policy/card_lock.csv for this period");
    if (!err)
        err = tn_store_card_locks(s, p, as_of, rule->lock_tenths, rule->kttn_tenths, card_lock_row,
                                  t);
    tn_policy_release(&pol);
    return err;
}

static tn_err run_officer_kpi(struct tn_cli *cli, struct tn_store *s, tn_period p,
                              const char *as_of, struct tn_table_out *t)
{
    (void)cli;
    return tn_store_officer_kpi(s, p, as_of, officer_kpi_row, t);
}

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
static const char *const officer_kpi_cols[] = {
    "officer_code", "office_code",   "units",        "workers",    "assessed", "collected",
    "plan",         "collected_pct", "debt",         "debt_ratio", "units_0",  "units_1_3",
    "units_3_6",    "units_6_12",    "units_12plus", NULL};

static const struct {
    const char *name;
    const char *title; /* printed on XLSX and PDF, Vietnamese first */
    const char *const *cols;
    tn_err (*run)(struct tn_cli *cli, struct tn_store *s, tn_period p, const char *as_of,
                  struct tn_table_out *t);
    const char *what;
} reports[] = {
    {"balances", "Số dư nợ theo đơn vị / Balances by unit", balance_cols, run_balances,
     "one row per unit: balance, aging, legal status"},
    {"findings", "Đóng thấp hơn lương tối thiểu vùng / Bases below the minimum wage", finding_cols,
     run_findings, "declared bases below the regional minimum wage (under-declaration)"},
    {"suspense", "Số tiền chưa xác định đơn vị nộp / Payments in suspense", suspense_cols,
     run_suspense, "payments received by the period's end whose payer is missing or unknown"},
    {"card_locks", "Danh sách khóa, mở thẻ BHYT / Health-card locks and unlocks", card_lock_cols,
     run_card_locks,
     "health cards to lock (months owed reach the threshold) or unlock (paid down below it)"},
    {"officer_kpi", "Kết quả thu theo cán bộ chuyên quản / Collection by officer", officer_kpi_cols,
     run_officer_kpi,
     "per officer: units, workers, assessed, collected, debt, debt ratio, units by bucket"},
};

static size_t ncols(const char *const *cols)
{
    size_t n = 0;
    while (cols[n])
        n++;
    return n;
}

static void list_reports(void)
{
    for (size_t i = 0; i < sizeof reports / sizeof reports[0]; i++)
        fprintf(stderr, "  %-12s %s\n", reports[i].name, reports[i].what);
}

tn_err tn_cmd_report(struct tn_cli *cli)
{
    const char *name = NULL, *period_arg = NULL, *as_of_arg = NULL, *format = "csv", *out = NULL;
    for (int i = 1; i < cli->argc; i++) {
        const char *a = cli->argv[i];
        int has = i + 1 < cli->argc;
        if (strcmp(a, "--period") == 0 && has)
            period_arg = cli->argv[++i];
        else if (strcmp(a, "--as-of") == 0 && has)
            as_of_arg = cli->argv[++i];
        else if (strcmp(a, "--format") == 0 && has)
            format = cli->argv[++i];
        else if (strcmp(a, "-o") == 0 && has)
            out = cli->argv[++i];
        else if (a[0] != '-' && !name)
            name = a;
        else
            return TN_ERR_USAGE;
    }
    if (!name || !period_arg)
        return TN_ERR_USAGE;
    size_t r = 0;
    while (r < sizeof reports / sizeof reports[0] && strcmp(reports[r].name, name) != 0)
        r++;
    if (r == sizeof reports / sizeof reports[0]) {
        tn_cli_error("report", "unknown report \"%s\"; the reports are:", name);
        list_reports();
        return TN_ERR_USAGE;
    }
    tn_period period;
    enum tn_out_format fmt;
    char as_of[20];
    if (tn_period_parse(period_arg, &period)) {
        tn_cli_error("report", "expected --period YYYY-MM, got \"%s\"", period_arg);
        return TN_ERR_USAGE;
    }
    if (as_of_arg && tn_report_as_of(as_of_arg, as_of)) {
        tn_cli_error("report", "expected --as-of YYYY-MM-DD[THH:MM:SS], got \"%s\"", as_of_arg);
        return TN_ERR_USAGE;
    }
    if (tn_out_format_parse(format, &fmt)) {
        tn_cli_error("report", "format \"%s\" is not available (csv, json, xlsx, pdf)", format);
        return TN_ERR_USAGE;
    }
    struct tn_store *s;
    tn_err err = tn_cli_open_store(cli, &s);
    if (err)
        return err;
    FILE *f = out ? fopen(out, "wb") : stdout;
    if (!f) {
        tn_cli_error("report", "cannot write %s", out);
        tn_store_free(s);
        return TN_ERR_IO;
    }
    /* documents carry the time they describe, not the clock, so that the same ledger gives
     * the same file: the as-of time, or the run's own "now" */
    char subtitle[128];
    snprintf(subtitle, sizeof subtitle, "Kỳ / period %s — số liệu đến / as known at %s", period_arg,
             as_of_arg ? as_of : cli->now);
    struct tn_table_meta meta = {reports[r].title, subtitle, as_of_arg ? as_of : cli->now};
    struct tn_table_out t;
    err = tn_table_begin(&t, f, fmt, &meta, reports[r].cols, ncols(reports[r].cols));
    if (!err)
        err = reports[r].run(cli, s, period, as_of_arg ? as_of : NULL, &t);
    tn_err end = tn_table_end(&t);
    if (!err)
        err = end;
    if (err)
        tn_cli_error("report", "%s",
                     err == TN_ERR_STORE ? tn_store_errmsg(s) : tn_err_message(err, TN_LANG_EN));
    if (out && fclose(f) && !err)
        err = TN_ERR_IO;
    tn_store_free(s);
    return err;
}
