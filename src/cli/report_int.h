/*
 * report_int.h - what the report runners share (cmd_report.c holds the table; the case
 * reports' runners live in report_cases.c). Only src/cli/ includes this.
 */
#ifndef THUNO_CLI_REPORT_INT_H
#define THUNO_CLI_REPORT_INT_H

#include "cli.h"
#include "io/table_out.h"
#include "thuno/period.h"

struct tn_store;

/* The options of `thuno report`, checked. */
struct tn_report_args {
    tn_period period;   /* --period (reports marked TN_REP_PERIOD) */
    const char *as_of;  /* normalized --as-of, NULL: now */
    const char *now;    /* the run's time, for reports that judge deadlines */
    tn_day from, to;    /* --from / --to (TN_REP_RANGE); the whole range when not given */
    const char *office; /* --office (TN_REP_OFFICE): NULL for every office */
};

enum { TN_REP_PERIOD = 1, TN_REP_RANGE = 2, TN_REP_OFFICE = 4 };

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

extern const char *const tn__litigation_cols[],
    *const tn__litigation_type_cols[], *const tn__litigation_office_cols[],
                                           *const tn__cases_cols[], *const tn__escalation_cols[];
tn_err tn__run_litigation(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                          struct tn_table_out *t);
tn_err tn__run_litigation_type(struct tn_cli *cli, struct tn_store *s,
                               const struct tn_report_args *a, struct tn_table_out *t);
tn_err tn__run_litigation_office(struct tn_cli *cli, struct tn_store *s,
                                 const struct tn_report_args *a, struct tn_table_out *t);
tn_err tn__run_cases(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                     struct tn_table_out *t);
tn_err tn__run_escalation(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                          struct tn_table_out *t);

/* the letter reports (report_letters.c; docs/letters.md) */
extern const char *const tn__reminders_cols[];
tn_err tn__run_reminders(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                         struct tn_table_out *t);

/* clang-format off */
#define TN_LETTER_REPORTS                                                                        \
    {"reminders", "Sổ theo dõi văn bản đôn đốc / Reminder register", tn__reminders_cols,         \
     tn__run_reminders,                                                                          \
     "the written reminders sent, each with its 60-day clock to evading and whether it was paid", \
     TN_REP_OFFICE}

#define TN_CASE_REPORTS                                                                          \
    {"litigation", "Thống kê khởi kiện và thi hành án / Litigation and enforcement statistics",  \
     tn__litigation_cols, tn__run_litigation,                                                    \
     "seed 000's statistics per year of filing (--from/--to bound the filing dates)",            \
     TN_REP_RANGE | TN_REP_OFFICE},                                                              \
    {"litigation_by_type", "Thống kê khởi kiện theo loại hình / Litigation by unit type",        \
     tn__litigation_type_cols, tn__run_litigation_type,                                          \
     "the litigation statistics per unit type", TN_REP_RANGE | TN_REP_OFFICE},                   \
    {"litigation_by_office", "Thống kê khởi kiện theo cơ quan BHXH / Litigation by office",      \
     tn__litigation_office_cols, tn__run_litigation_office,                                      \
     "the litigation statistics per office (district)", TN_REP_RANGE | TN_REP_OFFICE},           \
    {"cases", "Danh sách hồ sơ thu nợ / Debt cases", tn__cases_cols, tn__run_cases,              \
     "every case with its state, amounts, recovery, plan, next deadline and alerts",             \
     TN_REP_OFFICE},                                                                             \
    {"escalation", "Đề xuất bước xử lý tiếp theo / Proposed next steps", tn__escalation_cols,    \
     tn__run_escalation,                                                                         \
     "the monthly run: each owing unit's next ladder step, ready or waiting, with fine range",   \
     TN_REP_PERIOD | TN_REP_OFFICE}
/* clang-format on */

#endif
