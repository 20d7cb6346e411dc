/*
 * report_int.h - what the report runners still in the CLI share (cmd_report.c holds their
 * table; the others are in the application layer's registry, src/app/report_*.c). Only
 * src/cli/ includes this.
 */
#ifndef THUNO_CLI_REPORT_INT_H
#define THUNO_CLI_REPORT_INT_H

#include "cli.h"
#include "io/table_out.h"
#include "thuno/period.h"

struct tn_store;

/* One cell of a report row (io/table_out.h): text, whole number, tenths, empty. */
#define TEXT(s)                                                                                    \
    {                                                                                              \
        TN_CELL_TEXT, (s), 0                                                                       \
    }
#define INT(n)                                                                                     \
    {                                                                                              \
        TN_CELL_INT, NULL, (n)                                                                     \
    }
#define TENTHS(n)                                                                                  \
    {                                                                                              \
        TN_CELL_TENTHS, NULL, (n)                                                                  \
    }
#define NUL                                                                                        \
    {                                                                                              \
        TN_CELL_NULL, NULL, 0                                                                      \
    }

/* The options of `thuno report`, checked. */
struct tn_report_args {
    tn_period period;    /* --period (reports marked TN_REP_PERIOD) */
    const char *as_of;   /* normalized --as-of, NULL: now */
    const char *now;     /* the run's time, for reports that judge deadlines */
    tn_day from, to;     /* --from / --to (TN_REP_RANGE); the whole range when not given */
    const char *office;  /* --office (TN_REP_OFFICE): NULL for every office */
    int year;            /* --year (TN_REP_YEAR), 0 when not given */
    tn_day day;          /* --date (card_lock_workers): -1 when not given */
    const char *officer; /* --officer (TN_REP_OFFICER): NULL for every officer */
};

/* TN_REP_YEAR: the report needs --year Y (its last closed period) or --period P;
 * TN_REP_NO_SUM: its rows overlap or carry their own total, so XLSX adds no sum row */
enum {
    TN_REP_PERIOD = 1,
    TN_REP_RANGE = 2,
    TN_REP_OFFICE = 4,
    TN_REP_YEAR = 8,
    TN_REP_OFFICER = 16,
    TN_REP_NO_SUM = 32
};

typedef tn_err (*tn_report_run)(struct tn_cli *cli, struct tn_store *s,
                                const struct tn_report_args *a, struct tn_table_out *t);

struct tn_report_def {
    const char *name;
    const char *title; /* printed on XLSX and PDF, Vietnamese first */
    const char *const *cols;
    tn_report_run run;
    const char *what;
    int flags; /* 0 means TN_REP_PERIOD */
};

/* The day a report judges deadlines on: the day of --as-of, else of the run's time.
 * Errors: TN_ERR_PARSE, TN_ERR_RANGE when that time does not start with a day YYYY-MM-DD. */
tn_err tn__report_day(const struct tn_report_args *a, tn_day *out);

/* clang-format on */

#endif
