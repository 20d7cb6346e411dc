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

/* report_case_registers.c (docs/case-registers.md) */
extern const char *const tn__banks_cols[], *const tn__tip_rewards_cols[],
                                               *const tn__case_branches_cols[];
tn_err tn__run_banks(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                     struct tn_table_out *t);
tn_err tn__run_tip_rewards(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                           struct tn_table_out *t);
tn_err tn__run_case_branches(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                             struct tn_table_out *t);

/* clang-format off */
#define TN_CASE_REGISTER_REPORTS                                                                 \
    {"banks", "Ngân hàng, Kho bạc thực hiện trích tiền / Banks and treasury on forced deductions", \
     tn__banks_cols, tn__run_banks,                                                              \
     "per bank or State Treasury: orders, executed, partial, delayed, refused, days to reply",  \
     TN_REP_OFFICE},                                                                             \
    {"tip_rewards", "Tin báo tài sản và tiền thưởng / Informants' tips and rewards owed",       \
     tn__tip_rewards_cols, tn__run_tip_rewards,                                                  \
     "every informant's tip, what it recovered and the reward owed (policy/tip_reward.csv)",     \
     TN_REP_OFFICE},                                                                             \
    {"case_branches", "Chi nhánh ở tỉnh khác của đơn vị bị khởi kiện / Branches linked to cases", \
     tn__case_branches_cols, tn__run_case_branches,                                              \
     "one row per branch in another province linked to a case (one case, linked branches)",     \
     TN_REP_OFFICE}

/* clang-format on */

/* clang-format off */
#define TN_CASE_REPORTS                                                                          \
    {"litigation", "Thống kê khởi kiện và thi hành án / Litigation and enforcement statistics",  \
     tn__litigation_cols, tn__run_litigation,                                                    \
     "seed 000's statistics per year of filing (--from/--to bound the filing dates)",            \
     TN_REP_RANGE | TN_REP_OFFICE | TN_REP_NO_SUM},                                                              \
    {"litigation_by_type", "Thống kê khởi kiện theo loại hình / Litigation by unit type",        \
     tn__litigation_type_cols, tn__run_litigation_type,                                          \
     "the litigation statistics per unit type", TN_REP_RANGE | TN_REP_OFFICE | TN_REP_NO_SUM},   \
    {"litigation_by_office", "Thống kê khởi kiện theo cơ quan BHXH / Litigation by office",      \
     tn__litigation_office_cols, tn__run_litigation_office,                                      \
     "the litigation statistics per office (district)",                                          \
     TN_REP_RANGE | TN_REP_OFFICE | TN_REP_NO_SUM},                                              \
    {"cases", "Danh sách hồ sơ thu nợ / Debt cases", tn__cases_cols, tn__run_cases,              \
     "every case with its state, amounts, recovery, plan, next deadline and alerts",             \
     TN_REP_OFFICE},                                                                             \
    {"escalation", "Đề xuất bước xử lý tiếp theo / Proposed next steps", tn__escalation_cols,    \
     tn__run_escalation,                                                                         \
     "the monthly run: each owing unit's next ladder step, ready or waiting, with fine range",   \
     TN_REP_PERIOD | TN_REP_OFFICE}
/* clang-format on */

/* report_inspections.c: inspection follow-up and the lists for other agencies */
extern const char *const tn__inspections_cols[],
    *const tn__referrals_cols[], *const tn__union_chairs_cols[],
                                     *const tn__pc_report_cols[], *const tn__pc_refusing_cols[],
                                                                      *const tn__pc_measures_cols[];
tn_err tn__run_inspections(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                           struct tn_table_out *t);
tn_err tn__run_referrals(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                         struct tn_table_out *t);
tn_err tn__run_union_chairs(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                            struct tn_table_out *t);
tn_err tn__run_pc_report(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                         struct tn_table_out *t);
tn_err tn__run_pc_refusing(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                           struct tn_table_out *t);
tn_err tn__run_pc_measures(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                           struct tn_table_out *t);
/* The three People's Committee tables as the sections (tn_table_section) of t, a PDF
 * (cmd_committee.c). */
tn_err tn__pc_pack(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                   struct tn_table_out *t);

/* clang-format off */
#define TN_INSPECTION_REPORTS                                                                    \
    {"inspections", "Theo dõi kết luận thanh tra, kiểm tra / Inspection follow-up",              \
     tn__inspections_cols, tn__run_inspections,                                                  \
     "each inspection conclusion: found, recovered since, remaining, deadline, status",          \
     TN_REP_PERIOD | TN_REP_OFFICE},                                                             \
    {"inspection_referrals",                                                                     \
     "Đơn vị đề nghị Sở LĐTBXH thanh tra / Units to refer to the labour inspectorate",           \
     tn__referrals_cols, tn__run_referrals,                                                      \
     "units to refer for inspection (policy/inspections.csv) with the facts inspectors need",    \
     TN_REP_PERIOD | TN_REP_OFFICE},                                                             \
    {"union_chairs", "Chủ tịch công đoàn đơn vị nợ cần mời / Union chairs of debtor units",      \
     tn__union_chairs_cols, tn__run_union_chairs,                                                \
     "debtor units owing the threshold or more, with their trade-union chair (seed 002)",        \
     TN_REP_PERIOD | TN_REP_OFFICE},                                                             \
    {"pc_report",                                                                                \
     "Báo cáo UBND tỉnh: sử dụng lao động và đóng BHXH / Labour and contributions by district "  \
     "and sector", tn__pc_report_cols, tn__run_pc_report,                                        \
     "seed 001 report, part 1: units, workers, assessed, collected, debt by office and type",    \
     TN_REP_PERIOD | TN_REP_OFFICE},                                                             \
    {"pc_refusing", "Báo cáo UBND tỉnh: đơn vị chây ỳ / Units that refuse to pay",               \
     tn__pc_refusing_cols, tn__run_pc_refusing,                                                  \
     "seed 001 report, part 2: evading units and units owing despite reminders",                 \
     TN_REP_PERIOD | TN_REP_OFFICE},                                                             \
    {"pc_measures",                                                                              \
     "Báo cáo UBND tỉnh: biện pháp đề nghị các ngành / Measures requested from other agencies",  \
     tn__pc_measures_cols, tn__run_pc_measures,                                                  \
     "seed 001 report, part 3: forced deductions via banks/Treasury, licence checks",            \
     TN_REP_PERIOD | TN_REP_OFFICE}
/* clang-format on */

#endif
