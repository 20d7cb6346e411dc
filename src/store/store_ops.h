/*
 * store_ops.h - the seam under the store: one table of operations that every backend fills
 * (SQLite's sqlite3_io_methods is the model; see docs/store.md).
 *
 * The public tn_store_*() functions of include/thuno/ (and tn_close_period) are thin
 * wrappers in store.c that call through s->ops with the backend's own state s->impl; nothing
 * above the seam sees SQL. TN_STORE_OPS is the one list of the row operations: it expands
 * into the table's members, the wrappers, each backend's prototypes and the conformance
 * suite's list of cases (tests/test_store.c), so an operation cannot be added to one and
 * forgotten in another. Only the store's own files, its backends and the conformance suite
 * include this header.
 */
#ifndef THUNO_STORE_OPS_H
#define THUNO_STORE_OPS_H

#include <stddef.h>
#include <stdint.h>

#include "thuno/store_import.h"
#include "thuno/assess_store.h"
#include "thuno/case_register_store.h"
#include "thuno/calendar_store.h"
#include "thuno/case_store.h"
#include "thuno/close.h"
#include "thuno/contact_store.h"
#include "thuno/doc_store.h"
#include "thuno/inspection_store.h"
#include "thuno/letters.h"
#include "thuno/lists.h"
#include "thuno/office.h"
#include "thuno/operations_store.h"
#include "thuno/payops.h"
#include "thuno/report.h"
#include "thuno/store.h"
#include "thuno/store_copy.h"
#include "thuno/unit_detail.h"
#include "thuno/units.h"
#include "thuno/user_store.h"

/* Removes one pair of parentheses: TN__UNPAREN (a, b) is a, b. */
#define TN__UNPAREN(...) __VA_ARGS__

/* The row operations, each X(name, public function, (parameters after the store), (their
 * names)). Every one returns tn_err; its contract is the public function's, in its header.
 * A backend implements name as tn__<backend>_name(its state, parameters...). An operation
 * that reads through the office cut takes it first, const char *office: a district office's
 * code as resolved by tn_store_office_known (NULL: every unit); the backend binds it into that
 * call's query and keeps nothing (office.h; issue 11 item 6). */
/* clang-format off */
#define TN_STORE_OPS(X)                                                                            \
    /* office.h */                                                                                 \
    X(office_known, tn_store_office_known, (const char *office, int *province),                    \
      (office, province))                                                                         \
    X(unit_office, tn_store_unit_office,                                                           \
      (const char *unit, const char *as_of, char out[static TN_OFFICE_BUFSZ]),                     \
      (unit, as_of, out))                                                                          \
    /* units.h */                                                                                  \
    X(units, tn_store_units,                                                                       \
      (const char *office, tn_period period, const char *as_of, const char *day,                   \
       const struct tn_unit_filter *f,                                                             \
       tn_err (*row)(void *ctx, const struct tn_unit_entry *u), void *ctx),                        \
      (office, period, as_of, day, f, row, ctx))                                                   \
    /* assess_store.h */                                                                           \
    X(assess_units, tn_store_assess_units,                                                         \
      (const char *office, tn_period last,                                                         \
       tn_err (*row)(void *ctx, const struct tn_assess_unit *u), void *ctx),                       \
      (office, last, row, ctx))                                                                    \
    /* report.h */                                                                                 \
    X(balances, tn_store_balances,                                                                 \
      (const char *office, tn_period period, const char *as_of,                                    \
       tn_err (*row)(void *ctx, const struct tn_balance_row *r), void *ctx),                       \
      (office, period, as_of, row, ctx))                                                           \
    X(unit_balance, tn_store_unit_balance,                                                         \
      (const char *office, const char *unit_code, tn_period period, const char *as_of,             \
       struct tn_balance_row *out),                                                                \
      (office, unit_code, period, as_of, out))                                                     \
    X(unit_ledger, tn_store_unit_ledger,                                                           \
      (const char *unit_code, tn_period first, tn_period last, const char *as_of,                  \
       tn_err (*row)(void *ctx, const struct tn_balance_row *r), void *ctx),                       \
      (unit_code, first, last, as_of, row, ctx))                                                   \
    X(findings, tn_store_findings,                                                                 \
      (const char *office, tn_period period, const char *as_of,                                    \
       tn_err (*row)(void *ctx, const struct tn_finding_row *r), void *ctx),                       \
      (office, period, as_of, row, ctx))                                                           \
    X(suspense, tn_store_suspense,                                                                 \
      (const char *office, tn_period period, const char *as_of,                                    \
       tn_err (*row)(void *ctx, const struct tn_suspense_row *r), void *ctx),                      \
      (office, period, as_of, row, ctx))                                                           \
    X(crossings, tn_store_crossings,                                                               \
      (const char *office, tn_period period, const char *as_of, int threshold_tenths,              \
       tn_err (*row)(void *ctx, const struct tn_crossing_row *r), void *ctx),                      \
      (office, period, as_of, threshold_tenths, row, ctx))                                         \
    X(kpi, tn_store_kpi,                                                                           \
      (const char *office, tn_period period, const char *as_of, enum tn_kpi_by by,                 \
       tn_err (*row)(void *ctx, const struct tn_kpi_row *r), void *ctx),                           \
      (office, period, as_of, by, row, ctx))                                                       \
    X(debtors, tn_store_debtors,                                                                   \
      (const char *office, tn_period period, const char *as_of,                                    \
       tn_err (*row)(void *ctx, const struct tn_debtor_row *r), void *ctx),                        \
      (office, period, as_of, row, ctx))                                                           \
    X(award_eligible, tn_store_award_eligible,                                                     \
      (const char *office, tn_period period, const char *as_of,                                    \
       tn_err (*row)(void *ctx, const struct tn_debtor_row *r), void *ctx),                        \
      (office, period, as_of, row, ctx))                                                           \
    X(non_participants, tn_store_non_participants,                                                 \
      (const char *office, tn_period period, const char *as_of,                                    \
       int min_gap, int min_ratio_percent,                                                         \
       tn_err (*row)(void *ctx, const struct tn_non_participant_row *r), void *ctx),               \
      (office, period, as_of, min_gap, min_ratio_percent, row, ctx))                               \
    X(explain, tn_store_explain,                                                                   \
      (const char *office, const char *unit_code, tn_period period, const char *as_of,             \
       struct tn_explain *e),                                                                      \
      (office, unit_code, period, as_of, e))                                                       \
    X(opening_balances, tn_store_opening_balances,                                                 \
      (const char *unit, const char *as_of,                                                        \
       tn_err (*row)(void *ctx, const struct tn_opening_row *r), void *ctx),                       \
      (unit, as_of, row, ctx))                                                                     \
    /* lists.h */                                                                                  \
    X(list_units, tn_store_list_units,                                                             \
      (const char *office, tn_period period, const char *as_of, const struct tn_list_filter *f,    \
       tn_err (*row)(void *ctx, const struct tn_list_unit *u), void *ctx),                         \
      (office, period, as_of, f, row, ctx))                                                        \
    X(worker_debts, tn_store_worker_debts,                                                         \
      (const char *unit_code, tn_period period, const char *as_of,                                 \
       tn_err (*row)(void *ctx, const struct tn_worker_debt *w), void *ctx),                       \
      (unit_code, period, as_of, row, ctx))                                                        \
    X(branches, tn_store_branches,                                                                 \
      (const char *office, tn_period period, const char *as_of,                                    \
       tn_err (*row)(void *ctx, const struct tn_branch_row *r), void *ctx),                        \
      (office, period, as_of, row, ctx))                                                           \
    X(last_closed, tn_store_last_closed,                                                           \
      (int year, const char *as_of, tn_period *out),                                               \
      (year, as_of, out))                                                                          \
    X(cooperatives, tn_store_cooperatives,                                                         \
      (const char *office, tn_period period, const char *as_of,                                    \
       tn_err (*row)(void *ctx, const struct tn_coop_row *r),                                      \
       void *ctx),                                                                                 \
      (office, period, as_of, row, ctx))                                                           \
    X(praise, tn_store_praise,                                                                     \
      (const char *office, tn_period to, const char *as_of,                                        \
       tn_err (*row)(void *ctx, const struct tn_praise_row *r),                                    \
       void *ctx),                                                                                 \
      (office, to, as_of, row, ctx))                                                               \
    X(public_name, tn_store_public_name,                                                           \
      (const char *office, tn_period period, const char *as_of, int threshold_tenths,              \
       tn_err (*row)(void *ctx, const struct tn_list_unit *u, const char *reason), void *ctx),     \
      (office, period, as_of, threshold_tenths, row, ctx))                                         \
    X(handover_sign, tn_store_handover_sign,                                                       \
      (tn_period period, struct tn_handover_signoff *h),                                           \
      (period, h))                                                                                 \
    X(handover_signed, tn_store_handover_signed,                                                   \
      (tn_period period, const char *department, const char *as_of,                                \
       struct tn_handover_signoff *out),                                                           \
      (period, department, as_of, out))                                                            \
    /* letters.h */                                                                                \
    X(letter_units, tn_store_letter_units,                                                         \
      (const char *office, tn_period period, const char *as_of, const struct tn_letter_filter *f,  \
       tn_err (*row)(void *ctx, const struct tn_letter_unit *u), void *ctx),                       \
      (office, period, as_of, f, row, ctx))                                                        \
    X(reminder_next_seq, tn_store_reminder_next_seq, (int year, int *out), (year, out))            \
    X(reminder_count, tn_store_reminder_count,                                                     \
      (const char *unit_code, tn_period period, long *out),                                        \
      (unit_code, period, out))                                                                    \
    X(reminder_add, tn_store_reminder_add,                                                         \
      (const struct tn_reminder_row *r, const char *now),                                          \
      (r, now))                                                                                    \
    X(reminders, tn_store_reminders,                                                               \
      (const char *office, const char *as_of, const struct tn_letter_filter *f,                    \
       tn_err (*row)(void *ctx, const struct tn_reminder_row *r,                                   \
                     const struct tn_balance_row *latest),                                         \
       void *ctx),                                                                                 \
      (office, as_of, f, row, ctx))                                                                \
    /* case_store.h */                                                                             \
    X(case_events, tn_store_case_events,                                                           \
      (const char *case_id, const char *as_of, struct tn_case_event_row **rows, size_t *n),        \
      (case_id, as_of, rows, n))                                                                   \
    X(case_plan, tn_store_case_plan,                                                               \
      (const char *case_id, const char *as_of, struct tn_instalment **inst, size_t *n),            \
      (case_id, as_of, inst, n))                                                                   \
    X(case_payments, tn_store_case_payments,                                                       \
      (const char *case_id, const char *as_of, struct tn_case_payment_row **rows, size_t *n),      \
      (case_id, as_of, rows, n))                                                                   \
    X(case_ids, tn_store_case_ids,                                                                 \
      (const char *as_of, tn_err (*row)(void *ctx, const char *case_id, const char *unit_code),    \
       void *ctx),                                                                                 \
      (as_of, row, ctx))                                                                           \
    X(case_record, tn_store_case_record,                                                           \
      (const struct tn_case_event_row *ev, const char *now, long *seq, char *why, size_t whysz),   \
      (ev, now, seq, why, whysz))                                                                  \
    X(case_record_in_tx, tn_store_case_record_in_tx,                                               \
      (const struct tn_case_event_row *ev, const char *now, long *seq, char *why, size_t whysz),   \
      (ev, now, seq, why, whysz))                                                                  \
    X(case_attach, tn_store_case_attach,                                                           \
      (const char *case_id, const char *kind, const char *name, const void *bytes, size_t size,    \
       const char *now, const char *actor, char sha256[static 65]),                                \
      (case_id, kind, name, bytes, size, now, actor, sha256))                                      \
    X(case_attachments, tn_store_case_attachments,                                                 \
      (const char *case_id, const char *as_of, struct tn_case_attachment_row **rows, size_t *n),   \
      (case_id, as_of, rows, n))                                                                   \
    X(litigation, tn_store_litigation,                                                             \
      (const char *office, tn_day from, tn_day to, const char *as_of, enum tn_litigation_by by,    \
       tn_err (*row)(void *ctx, const struct tn_litigation_row *r), void *ctx),                    \
      (office, from, to, as_of, by, row, ctx))                                                     \
    X(cases, tn_store_cases,                                                                       \
      (const char *office, const struct tn_policy *pol, const char *as_of, tn_day on,              \
       tn_err (*row)(void *ctx, const struct tn_case_row *r), void *ctx),                          \
      (office, pol, as_of, on, row, ctx))                                                          \
    X(escalation, tn_store_escalation,                                                             \
      (const char *office, const struct tn_policy *pol, tn_period period, const char *as_of,       \
       tn_err (*row)(void *ctx, const struct tn_escalation_row *r), void *ctx),                    \
      (office, pol, period, as_of, row, ctx))                                                      \
    X(escalation_units, tn_store_escalation_units,                                                 \
      (const struct tn_policy *pol, tn_period period, const char *as_of,                           \
       const char *const *units, size_t n,                                                         \
       tn_err (*row)(void *ctx, const struct tn_escalation_row *r), void *ctx),                    \
      (pol, period, as_of, units, n, row, ctx))                                                    \
    /* case_register_store.h */                                                                    \
    X(case_reg_add, tn_store_case_reg_add,                                                         \
      (const struct tn_case_reg_row *r, const char *now, long *no, char *why, size_t whysz),       \
      (r, now, no, why, whysz))                                                                    \
    X(case_regs, tn_store_case_regs,                                                               \
      (const char *case_id, const char *as_of, struct tn_case_reg_row **rows, size_t *n),          \
      (case_id, as_of, rows, n))                                                                   \
    X(case_branch_add, tn_store_case_branch_add,                                                   \
      (const char *case_id, const char *unit, const char *province, const char *note,              \
       const char *now, char *why, size_t whysz),                                                  \
      (case_id, unit, province, note, now, why, whysz))                                            \
    X(case_branches, tn_store_case_branches,                                                       \
      (const char *case_id, const char *as_of, struct tn_case_branch_row **rows, size_t *n),       \
      (case_id, as_of, rows, n))                                                                   \
    X(branch_links, tn_store_branch_links,                                                         \
      (const char *office, const char *as_of,                                                      \
       tn_err (*row)(void *ctx, const struct tn_case_branch_link *r),                              \
       void *ctx),                                                                                 \
      (office, as_of, row, ctx))                                                                   \
    X(bank_orders, tn_store_bank_orders,                                                           \
      (const char *office, const char *as_of,                                                      \
       tn_err (*row)(void *ctx, const struct tn_bank_order_row *r), void *ctx),                    \
      (office, as_of, row, ctx))                                                                   \
    X(tips, tn_store_tips,                                                                         \
      (const char *office, const char *as_of,                                                      \
       tn_err (*row)(void *ctx, const struct tn_tip_row *r), void *ctx),                           \
      (office, as_of, row, ctx))                                                                   \
    X(latest_closed, tn_store_latest_closed,                                                       \
      (const char *unit, const char *as_of, tn_period *period),                                    \
      (unit, as_of, period))                                                                       \
    /* doc_store.h */                                                                              \
    X(doc_source, tn_store_doc_source,                                                             \
      (const char *case_id, const char *as_of, const char *ledger_as_of, tn_day date,              \
       const enum tn_group order[TN_G_COUNT], struct tn_doc_source *src),                          \
      (case_id, as_of, ledger_as_of, date, order, src))                                            \
    X(doc_ledger, tn_store_doc_ledger,                                                             \
      (const char *unit_code, tn_period max_period, const char *as_of,                             \
       const enum tn_group order[TN_G_COUNT], struct tn_doc_ledger *out,                           \
       struct tn_doc_period **periods, struct tn_doc_interest **interest),                         \
      (unit_code, max_period, as_of, order, out, periods, interest))                               \
    X(pensioner_record, tn_store_pensioner_record,                                                 \
      (const char *case_id, const struct tn_doc_pensioner *p, const char *actor, const char *now), \
      (case_id, p, actor, now))                                                                    \
    X(pensioner, tn_store_pensioner,                                                               \
      (const char *case_id, const char *as_of, struct tn_doc_pensioner *out),                      \
      (case_id, as_of, out))                                                                       \
    /* inspection_store.h */                                                                       \
    X(inspections, tn_store_inspections,                                                           \
      (const char *office, tn_day day, const char *as_of,                                          \
       tn_err (*row)(void *ctx, const struct tn_inspection_row *r),                                \
       void *ctx),                                                                                 \
      (office, day, as_of, row, ctx))                                                              \
    X(unit_facts, tn_store_unit_facts,                                                             \
      (const char *office, tn_period period, const char *as_of,                                    \
       tn_err (*row)(void *ctx, const struct tn_inspection_facts *f), void *ctx),                  \
      (office, period, as_of, row, ctx))                                                           \
    X(labour, tn_store_labour,                                                                     \
      (const char *office, tn_period period, const char *as_of,                                    \
       tn_err (*row)(void *ctx, const struct tn_labour_row *r), void *ctx),                        \
      (office, period, as_of, row, ctx))                                                           \
    /* operations_store.h */                                                                       \
    X(assign_facts, tn_store_assign_facts,                                                         \
      (const char *unit, const char *officer, tn_day from, struct tn_assign_facts *f,              \
       char latest_officer[32]),                                                                   \
      (unit, officer, from, f, latest_officer))                                                    \
    X(officers, tn_store_officers,                                                                 \
      (const char *as_of, tn_err (*row)(void *ctx, const struct tn_officer_row *r), void *ctx),    \
      (as_of, row, ctx))                                                                           \
    X(officer_status, tn_store_officer_status,                                                     \
      (const char *officer, int *found, int *active),                                              \
      (officer, found, active))                                                                    \
    X(assign_batch, tn_store_assign_batch,                                                         \
      (const char *file, const char *now, long long *batch),                                       \
      (file, now, batch))                                                                          \
    X(assign_put, tn_store_assign_put,                                                             \
      (long long batch, const char *unit, const char *from, const char *officer,                   \
       const char *actor, const char *reason, const char *now),                                    \
      (batch, unit, from, officer, actor, reason, now))                                            \
    X(assign_seed, tn_store_assign_seed, (const char *now, long *n), (now, n))                     \
    X(units_in_charge, tn_store_units_in_charge,                                                   \
      (const char *officer, const char *day, tn_err (*unit)(void *ctx, const char *unit_code),     \
       void *ctx),                                                                                 \
      (officer, day, unit, ctx))                                                                   \
    X(assignments, tn_store_assignments,                                                           \
      (const char *office, const char *as_of,                                                      \
       tn_err (*row)(void *ctx, const struct tn_assignment_row *r), void *ctx),                    \
      (office, as_of, row, ctx))                                                                   \
    X(worklist, tn_store_worklist,                                                                 \
      (const char *office, tn_period period, const char *as_of, const char *officer,               \
       tn_err (*row)(void *ctx, const struct tn_worklist_row *r), void *ctx),                      \
      (office, period, as_of, officer, row, ctx))                                                  \
    X(officer_after, tn_store_officer_after, (const char *after, char out[32], int *found),        \
      (after, out, found))                                                                         \
    X(plan_kpi, tn_store_plan_kpi,                                                                 \
      (const char *office, tn_period period, const char *as_of,                                    \
       tn_err (*row)(void *ctx, const struct tn_plan_row *r),                                      \
       void *ctx),                                                                                 \
      (office, period, as_of, row, ctx))                                                           \
    X(plan_amount, tn_store_plan_amount,                                                           \
      (tn_period period, const char *as_of, const char *scope, const char *key, tn_money *out),    \
      (period, as_of, scope, key, out))                                                            \
    X(bucket_moves, tn_store_bucket_moves,                                                         \
      (const char *office, tn_period period, const char *as_of,                                    \
       tn_err (*row)(void *ctx, const struct tn_bucket_move *r), void *ctx),                       \
      (office, period, as_of, row, ctx))                                                           \
    X(new_debtors, tn_store_new_debtors,                                                           \
      (const char *office, tn_period period, const char *as_of,                                    \
       tn_err (*row)(void *ctx, const struct tn_worklist_row *r), void *ctx),                      \
      (office, period, as_of, row, ctx))                                                           \
    X(event_counts, tn_store_event_counts,                                                         \
      (const char *office, tn_period period, const char *as_of,                                    \
       tn_err (*row)(void *ctx, const struct tn_event_count *r), void *ctx),                       \
      (office, period, as_of, row, ctx))                                                           \
    /* payops.h */                                                                                 \
    X(payops_units, tn_store_payops_units,                                                         \
      (const char *as_of, struct tn_payops_unit **out, size_t *n),                                 \
      (as_of, out, n))                                                                             \
    X(suspense_assign, tn_store_suspense_assign,                                                   \
      (const char *txn_id, const char *unit_code, const struct tn_payops_assign *how),             \
      (txn_id, unit_code, how))                                                                    \
    X(card_states, tn_store_card_states,                                                           \
      (const struct tn_policy *pol, tn_period period, tn_day day, const char *as_of,               \
       tn_err (*row)(void *ctx, const struct tn_card_state *r), void *ctx),                        \
      (pol, period, day, as_of, row, ctx))                                                         \
    X(unit_workers, tn_store_unit_workers,                                                         \
      (const char *unit_code, tn_period period, const char *as_of,                                 \
       tn_err (*row)(void *ctx, const struct tn_unit_worker *r), void *ctx),                       \
      (unit_code, period, as_of, row, ctx))                                                        \
    X(books, tn_store_books,                                                                       \
      (const char *office, tn_period period, const char *as_of,                                    \
       tn_err (*row)(void *ctx, const struct tn_book_row *r),                                      \
       void *ctx),                                                                                 \
      (office, period, as_of, row, ctx))                                                           \
    /* close.h */                                                                                  \
    X(close_period, tn_close_period,                                                               \
      (const struct tn_policy *pol, tn_period period, const char *now,                             \
       struct tn_close_stats *stats, void (*progress)(void *ctx, long long done, long long total), \
       void *ctx, char *msg, size_t msgsz),                                                        \
      (pol, period, now, stats, progress, ctx, msg, msgsz))                                        \
    X(closed_periods, tn_store_closed_periods, (tn_period *first, tn_period *last),               \
      (first, last))                                                                               \
    X(payment_lookup, tn_store_payment_lookup,                                                     \
      (const char *txn_id, int *found, int64_t *amount, int *is_reversal),                         \
      (txn_id, found, amount, is_reversal))                                                        \
    /* user_store.h */                                                                             \
    X(user_add, tn_store_user_add, (const struct tn_user_row *u), (u))                             \
    X(user_get, tn_store_user_get,                                                                 \
      (const char *login, struct tn_user_row *out, int *found), (login, out, found))               \
    X(user_update, tn_store_user_update, (const struct tn_user_row *u), (u))                       \
    X(users, tn_store_users,                                                                       \
      (tn_err (*row)(void *ctx, const struct tn_user_row *u), void *ctx), (row, ctx))              \
    X(session_add, tn_store_session_add, (const struct tn_session_row *r), (r))                    \
    X(session_get, tn_store_session_get,                                                           \
      (const char *token_hash, struct tn_session_row *out, int *found),                            \
      (token_hash, out, found))                                                                    \
    X(session_end, tn_store_session_end, (const char *token_hash, const char *login),              \
      (token_hash, login))                                                                         \
    X(login_failure, tn_store_login_failure,                                                       \
      (const char *login, const char *address, const char *at), (login, address, at))              \
    X(login_failures, tn_store_login_failures,                                                     \
      (const char *login, const char *address, const char *since, long *by_login,                  \
       long *by_address),                                                                          \
      (login, address, since, by_login, by_address))                                               \
    X(audit_add, tn_store_audit_add, (const struct tn_audit_row *r, long long *seq), (r, seq))     \
    X(audit, tn_store_audit,                                                                       \
      (const struct tn_audit_filter *f, tn_err (*row)(void *ctx, const struct tn_audit_row *r),    \
       void *ctx),                                                                                 \
      (f, row, ctx))                                                                               \
    /* calendar_store.h */                                                                         \
    X(calendar_done_put, tn_store_calendar_done_put,                                               \
      (const struct tn_duty_done_row *r, const char *now), (r, now))                               \
    X(calendar_done, tn_store_calendar_done,                                                       \
      (const char *as_of, tn_err (*row)(void *ctx, const struct tn_duty_done_row *r), void *ctx),  \
      (as_of, row, ctx))                                                                          \
    /* contact_store.h */                                                                          \
    X(contact_add, tn_store_contact_add,                                                           \
      (const struct tn_contact_row *r, long long *seq), (r, seq))                                  \
    X(contacts, tn_store_contacts,                                                                 \
      (const char *unit_code, int latest, const char *as_of,                                       \
       tn_err (*row)(void *ctx, const struct tn_contact_row *r), void *ctx),                       \
      (unit_code, latest, as_of, row, ctx))                                                        \
    /* unit_detail.h */                                                                            \
    X(unit_declarations, tn_store_unit_declarations,                                               \
      (const char *unit_code, const char *as_of,                                                   \
       tn_err (*row)(void *ctx, const struct tn_unit_declaration *r), void *ctx),                  \
      (unit_code, as_of, row, ctx))                                                                \
    X(unit_payments, tn_store_unit_payments,                                                       \
      (const char *unit_code, const char *as_of,                                                   \
       tn_err (*row)(void *ctx, const struct tn_unit_payment *r), void *ctx),                      \
      (unit_code, as_of, row, ctx))

/* clang-format on */

/* What a backend provides. impl is the backend's state for one open store (its connection and
 * statements; never a caller's scope: the office cut is an argument of each operation),
 * created by its open and destroyed by close. */
struct tn_store_ops {
    const char *name; /* "sqlite" */
    void (*close)(void *impl);
    const char *(*errmsg)(const void *impl);
    tn_err (*begin)(void *impl);
    tn_err (*commit)(void *impl);
    void (*rollback)(void *impl);
    /* migrations (store.h; docs/store.md "Migrations") */
    tn_err (*migrate)(void *impl, int *from, int *to);
    const char *(*migration_name)(int version);
    /* imports (store_import.h): the objects they make are the backend's own */
    tn_err (*import_begin)(void *impl, const char *table, const char *const *keys, size_t nkeys,
                           const char *const *cols, size_t ncols, const char *kind,
                           const char *file, const char *now, void **imp);
    tn_err (*import_find)(void *imp, const struct tn_store_value *keys, long *version,
                          struct tn_store_value *cur);
    tn_err (*import_put)(void *imp, const struct tn_store_value *keys,
                         const struct tn_store_value *vals, long old);
    tn_err (*import_finish)(void *imp, long rows_new, long rows_changed, long rows_same);
    void (*import_free)(void *imp);
    int (*import_first)(const void *imp);
    tn_err (*import_batch)(void *imp, void (*conflict)(void *ctx, long seq), void *ctx);
    tn_err (*import_written)(void *imp, const struct tn_store_value *keys, int *found);
    tn_err (*lookup_new)(void *impl, const char *table, const char *col, void **lk);
    tn_err (*lookup_exists)(void *lk, const char *value, int *found);
    tn_err (*lookup_each)(void *lk, tn_err (*value)(void *ctx, const char *v, size_t len),
                          void *ctx);
    void (*lookup_free)(void *lk);
    /* test-only (tests poke rows no operation writes, store_test.h): runs sql, and reads the
     * first column of its first row as text into out ("" without a row) */
    tn_err (*test_exec)(void *impl, const char *sql);
    tn_err (*test_text)(void *impl, const char *sql, char *out, size_t outsz);
    tn_err (*test_migrate)(void *impl, int fail_at, int *from, int *to);
    /* store_copy.h: every row of from (the same backend's) into to */
    tn_err (*copy)(void *to, void *from, void (*table)(void *ctx, const char *name, long long rows),
                   void *ctx);
#define X(name, fn, params, args) tn_err (*name)(void *impl, TN__UNPAREN params);
    TN_STORE_OPS(X)
#undef X
};

/* An open store: the backend's table and its state. */
struct tn_store {
    const struct tn_store_ops *ops;
    void *impl;
};

/* A backend: the URLs it takes and how it opens one (the contract of tn_store_open; url
 * without its scheme). */
struct tn_store_backend {
    const struct tn_store_ops *ops;
    tn_err (*open)(const char *url, int create, void **impl, char errmsg[256]);
    /* tests only (store_test.h tn__store_test_wipe) */
    tn_err (*wipe)(const char *url, char errmsg[256]);
};

/* The SQL backend (src/store/sql/): SQLite files and PostgreSQL databases. */
extern const struct tn_store_backend tn__sq_backend;

#endif
