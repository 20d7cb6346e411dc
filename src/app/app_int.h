/*
 * app_int.h - what the application layer's own files share: failures with their explanation,
 * the scope's check of a unit, the report groups of the registry. Only src/app/ includes
 * this.
 */
#ifndef THUNO_APP_INT_H
#define THUNO_APP_INT_H

#include "thuno/app.h"

/* Records the formatted explanation in app->why and returns err. */
tn_err tn__app_fail(struct tn_app *app, tn_err err, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The scope an app function reads with: *out is scope (NULL: every unit, as the administrator)
 * with its office checked against the store and resolved, NULL for the province office. Only a
 * copy is made: the office reaches the store as each call's argument, never as state on the
 * connection (issue 11 item 6). Errors: TN_ERR_NOT_FOUND (an office no unit or officer has;
 * why says so), TN_ERR_STORE. */
tn_err tn__app_scope(struct tn_app *app, const struct tn_scope *scope, struct tn_scope *out);

/* For an app function that reads one unit directly: TN_OK when scope is not cut (NULL office)
 * or unit is of scope->office as known at as_of (NULL: now), or the unit is unknown then (the
 * caller's read says so); else TN_ERR_NOT_FOUND (why names the unit's office). The office cut
 * reaches the store only as each call's argument (issue 11 item 6), never as state. Errors:
 * TN_ERR_STORE. */
tn_err tn__app_unit_in_scope(struct tn_app *app, const struct tn_scope *scope, const char *unit,
                             const char *as_of);

/* The day a report judges deadlines on: the day of p->as_of, else of app->now. Errors:
 * TN_ERR_PARSE when that time does not start with a day YYYY-MM-DD. */
tn_err tn__app_report_day(const struct tn_app *app, const struct tn_report_params *p, tn_day *out);

struct tn_balance_row;

/* Writes r as one row of the balances report's columns into out (a const struct tn_sink *):
 * the one conversion of a balance into cells, so a unit's balance read alone
 * (tn_app_unit_balance) is the report's row (report_ledger.c). Errors: out's. */
tn_err tn__report_balance_row(void *out, const struct tn_balance_row *r);

/* A period cell, empty when p < 0; buf is its storage. */
struct tn_cell tn__period_cell(tn_period p, char buf[static TN_PERIOD_BUFSZ]);

/* One file's reports, in their order (report_registry.c lists the groups). */
struct tn__report_group {
    const struct tn_report *reports;
    size_t n;
};

#define TN__REPORT_GROUP(name, array)                                                              \
    const struct tn__report_group name = {array, sizeof array / sizeof array[0]}

extern const struct tn__report_group tn__reports_ledger;
extern const struct tn__report_group tn__reports_cases;
extern const struct tn__report_group tn__reports_case_registers;
extern const struct tn__report_group tn__reports_inspections;
extern const struct tn__report_group tn__reports_calendar; /* report_calendar.c */
extern const struct tn__report_group tn__reports_users;    /* report_users.c */
/* tn_app_units (app.h) without a page's limit: every unit of q's cut and filters after q's
 * cursor, in q's order, into out (released first), for the units report (report_series.c).
 * Errors: those of tn_app_units but the limit's. */
tn_err tn__app_units_all(struct tn_app *app, const struct tn_scope *scope,
                         const struct tn_unit_query *q, struct tn_unit_page *out);

/* one case's tables (report_case.c); the series by month and the units list (report_series.c) */
extern const struct tn__report_group tn__reports_case_tables, tn__reports_series;

/* ---- reports and commands moved from the CLI's lists, payments operations, operations and
 * letters (report_lists.c, report_payops.c, report_operations.c, report_letters.c, app_ops.c) */

extern const struct tn__report_group tn__reports_lists, tn__reports_payops, tn__reports_operations,
    tn__reports_letters;

#include "thuno/memo.h"

struct tn_suspense_row;
struct tn_payops_unit;
struct tn_handover_item;

/* A payment in suspense with what its memo proposes (all borrowed for the callback). */
struct tn__proposal {
    const struct tn_suspense_row *row;
    struct tn_memo memo;
    struct tn_memo_match match;
    const struct tn_payops_unit *unit; /* the proposed unit, NULL when none */
    char candidates[600];              /* "CODE name; CODE name" of the candidates */
};
typedef tn_err (*tn__proposal_cb)(void *ctx, const struct tn__proposal *p);

/* Calls cb for every payment in suspense of office (the cut; NULL: every unit) received by the end
 * of period as known at as_of (NULL: now), with the memo matched against the units known then
 * (report_payops.c). Errors: TN_ERR_STORE, or cb's. */
tn_err tn__suspense_proposals(struct tn_store *s, const char *office, tn_period period,
                              const char *as_of, tn__proposal_cb cb, void *ctx);

/* The columns of a proposal, shared by report suspense_review and suspense match: the enum
 * TN__PROP_txn_id, ..., TN__PROP_NCOLS (X as in table.h's TN_COLUMNS). */
/* clang-format off */
#define TN__PROPOSAL_COLS(X, p)                                                                    \
    X(p, txn_id, TEXT, "Mã giao dịch", "Transaction", 0)                                           \
    X(p, paid_on, DATE, "Ngày nộp", "Paid on", 0)                                                  \
    X(p, amount, MONEY, "Số tiền", "Amount", 1)                                                    \
    X(p, memo, TEXT, "Nội dung chuyển tiền", "Transfer memo", 0)                                   \
    X(p, memo_period, PERIOD, "Kỳ ghi trên chứng từ", "Period in the memo", 0)                     \
    X(p, proposed_unit, TEXT, "Đơn vị đề xuất", "Proposed unit", 0)                                \
    X(p, method, TEXT, "Cách xác định", "Method", 0)                                               \
    X(p, confidence, NUMBER, "Độ tin cậy (%)", "Confidence (%)", 0)                                \
    X(p, candidates, TEXT, "Các đơn vị có thể", "Candidates", 0)                                   \
    X(p, reason, TEXT, "Lý do", "Reason", 0)
/* clang-format on */
enum { TN__PROPOSAL_COLS(TN_COL_INDEX, TN__PROP) TN__PROP_NCOLS };

/* Fills the TN__PROP_NCOLS cells of p; period is their storage. */
void tn__proposal_cells(const struct tn__proposal *p, char period[static TN_PERIOD_BUFSZ],
                        struct tn_cell c[static TN__PROP_NCOLS]);

/* The handover list of period as known at as_of (NULL: now), read with the card-lock rule's
 * KTTN threshold, in unit order; *items is the caller's (free()) (report_lists.c). Errors:
 * TN_ERR_NO_POLICY (why says so), TN_ERR_STORE. */
tn_err tn__handover_list(struct tn_app *app, const char *office, tn_period period,
                         const char *as_of, struct tn_handover_item **items, size_t *n);

/* For what only the province office does (the close, imports): TN_ERR_STATE when scope is cut
 * to a district office (why says so, naming it in Vietnamese vi and English en), else TN_OK. */
tn_err tn__app_province_only(struct tn_app *app, const struct tn_scope *scope, const char *vi,
                             const char *en);

#endif
