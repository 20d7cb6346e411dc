/*
 * report_int.h - what the report runners still in the CLI share (cmd_report.c holds their
 * table; the others are in the application layer's registry, src/app/report_*.c). Only
 * src/cli/ includes this.
 */
#ifndef THUNO_CLI_REPORT_INT_H
#define THUNO_CLI_REPORT_INT_H

#include "cli.h"
#include "io/table_out.h"
#include "thuno/memo.h"
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

extern const char *const tn__special_cols[],
    *const tn__branch_cols[], *const tn__coop_cols[], *const tn__praise_cols[],
                                                          *const tn__name_cols[],
                                                              *const tn__signoff_cols[];
tn_err tn__run_special(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                       struct tn_table_out *t);
tn_err tn__run_coop_workers(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                            struct tn_table_out *t);
tn_err tn__run_branches(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                        struct tn_table_out *t);
tn_err tn__run_coops(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                     struct tn_table_out *t);
tn_err tn__run_praise(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                      struct tn_table_out *t);
tn_err tn__run_name(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                    struct tn_table_out *t);
tn_err tn__run_signoff(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                       struct tn_table_out *t);

struct tn_handover_item;
/* The handover list of period as known at as_of (NULL: now), read with policy/card_lock.csv's
 * KTTN threshold, in unit order; *items is the caller's (free()). Errors are reported. */
tn_err tn__handover_list(struct tn_cli *cli, struct tn_store *s, tn_period period,
                         const char *as_of, struct tn_handover_item **items, size_t *n);
/* clang-format on */

/* Payments operations (report_payops.c, docs/payments-ops.md). */
struct tn_suspense_row;
struct tn_payops_unit;

/* A payment in suspense with what its memo proposes (all borrowed for the callback). */
struct tn__proposal {
    const struct tn_suspense_row *row;
    struct tn_memo memo;
    struct tn_memo_match match;
    const struct tn_payops_unit *unit; /* the proposed unit, NULL when none */
    char candidates[600];              /* "CODE name; CODE name" of the candidates */
};
typedef tn_err (*tn__proposal_cb)(void *ctx, const struct tn__proposal *p);

/* Calls cb for every payment in suspense received by the end of period as known at as_of,
 * with the memo matched against the units known then. Errors: TN_ERR_STORE, or cb's. */
tn_err tn__suspense_proposals(struct tn_store *s, tn_period period, const char *as_of,
                              tn__proposal_cb cb, void *ctx);
/* The cells of tn__suspense_review_cols for p; period is their storage. */
void tn__proposal_cells(const struct tn__proposal *p, char period[static TN_PERIOD_BUFSZ],
                        struct tn_cell c[static 10]);

extern const char *const tn__suspense_review_cols[], *const tn__books_cols[],
                                                         *const tn__card_lock_workers_cols[];
tn_err tn__run_suspense_review(struct tn_cli *cli, struct tn_store *s,
                               const struct tn_report_args *a, struct tn_table_out *t);
tn_err tn__run_books(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                     struct tn_table_out *t);
tn_err tn__run_card_lock_workers(struct tn_cli *cli, struct tn_store *s,
                                 const struct tn_report_args *a, struct tn_table_out *t);

/* clang-format off */
#define TN_PAYOPS_REPORTS                                                                        \
    {"suspense_review", "Đối chiếu tiền chưa xác định đơn vị / Suspense review",                 \
     tn__suspense_review_cols, tn__run_suspense_review,                                          \
     "payments still in suspense with the memo's proposed unit, confidence and candidates", 0},  \
    {"books", "Sổ BHXH của người lao động nghỉ việc / Books of leaving workers",                 \
     tn__books_cols, tn__run_books,                                                              \
     "earmarked and leaving workers: periods confirmed, and books blocked by the unit's debt",   \
     TN_REP_PERIOD | TN_REP_OFFICE},                                                             \
    {"card_lock_workers", "Danh sách khóa, mở thẻ BHYT theo người lao động / Card locks by worker", \
     tn__card_lock_workers_cols, tn__run_card_lock_workers,                                      \
     "the day's (--date) lock and unlock lists, one row per worker with the card number",        \
     TN_REP_PERIOD | TN_REP_OFFICE}

/* clang-format off */
#define TN_LIST_REPORTS                                                                          \
    {"special_units", "Đơn vị ngừng hoạt động còn nợ / Inactive units in debt",                  \
     tn__special_cols, tn__run_special,                                                          \
     "suspended, dissolved, bankrupt, absconded units owing, each with its workers' debt",       \
     TN_REP_PERIOD | TN_REP_OFFICE},                                                             \
    {"branches", "Chi nhánh có đơn vị chính ở nơi khác / Branches of units managed elsewhere",   \
     tn__branch_cols, tn__run_branches,                                                          \
     "branches whose parent is unknown here or in another province or office, with their debt",  \
     TN_REP_PERIOD | TN_REP_OFFICE},                                                             \
    {"cooperatives", "Tình hình nợ của hợp tác xã (QĐ 2422/QĐ-BHXH) / Cooperatives' debt",     \
     tn__coop_cols, tn__run_coops,                                                               \
     "seed 004: cooperatives owing 1+ and 3+ months, suspended, dissolved or bankrupt",          \
     TN_REP_YEAR | TN_REP_OFFICE},                                                               \
    {"cooperative_workers",                                                                      \
     "Nợ của hợp tác xã ngừng hoạt động theo người lao động / Inactive cooperatives by worker",  \
     tn__special_cols, tn__run_coop_workers,                                                     \
     "seed 004: inactive cooperatives owing, with each worker's debt and months",                \
     TN_REP_YEAR | TN_REP_OFFICE},                                                               \
    {"public_praise", "Đơn vị đóng đúng hạn để biểu dương / Units to praise: always on time",    \
     tn__praise_cols, tn__run_praise,                                                            \
     "seed 003: units never overdue at any month end of the year, with their figures",           \
     TN_REP_YEAR | TN_REP_OFFICE},                                                               \
    {"public_name", "Đơn vị nợ, trốn đóng để công khai / Units to name in the media",           \
     tn__name_cols, tn__run_name,                                                                \
     "seed 003, Law 41 Art 40: evading units and units late by policy/public_list.csv's months", \
     TN_REP_PERIOD | TN_REP_OFFICE},                                                             \
    {"handover_signoff", "Ký nhận bàn giao giữa QLT và KTTN / Handover sign-off",               \
     tn__signoff_cols, tn__run_signoff,                                                          \
     "the handover list with each department's signature, and what changed since", 0}
/* clang-format on */

/* the operations reports (report_operations.c, docs/operations.md) */
extern const char *const tn__worklist_cols[];
extern const char *const tn__assignment_cols[];
extern const char *const tn__collection_plan_cols[];
tn_err tn__run_worklist(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                        struct tn_table_out *t);
tn_err tn__run_assignments(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                           struct tn_table_out *t);
tn_err tn__run_collection_plan(struct tn_cli *cli, struct tn_store *s,
                               const struct tn_report_args *a, struct tn_table_out *t);

/* clang-format off */
#define TN_OPERATIONS_REPORTS                                                                    \
    {"worklist", "Danh sách công việc của cán bộ chuyên quản / Officer's worklist",              \
     tn__worklist_cols, tn__run_worklist,                                                        \
     "each officer's owing units by urgency (evading, months owed, debt) with the next step",    \
     TN_REP_PERIOD | TN_REP_OFFICE | TN_REP_OFFICER},                                            \
    {"assignments", "Lịch sử phân công cán bộ chuyên quản / Officer assignment history",         \
     tn__assignment_cols, tn__run_assignments,                                                   \
     "every assignment of a unit to an officer, from and to which date, by whom and why",        \
     TN_REP_OFFICE},                                                                             \
    {"collection_plan", "Kết quả thu so với kế hoạch / Collection against plan",                 \
     tn__collection_plan_cols, tn__run_collection_plan,                                          \
     "per province, department, office, type, officer: plan, collected %, efficiency, new debt", \
     TN_REP_PERIOD | TN_REP_OFFICE | TN_REP_NO_SUM}

/* clang-format on */

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

/* clang-format on */

#endif
