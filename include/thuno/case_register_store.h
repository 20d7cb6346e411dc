/*
 * case_register_store.h - the case registers (case_register.h) and branches as the store
 * keeps them, read as known at any time, and the queries behind the `banks` and
 * `tip_rewards` reports and `thuno case claim` (docs/case-registers.md).
 *
 * Invariants: rows are only added; as_of is "YYYY-MM-DDTHH:MM:SS" or NULL for now and bounds
 * both what was known (known_at) and what had happened (the row's date).
 */
#ifndef THUNO_CASE_REGISTER_STORE_H
#define THUNO_CASE_REGISTER_STORE_H

#include <stddef.h>

#include "thuno/case_register.h"

struct tn_store;

/* One row of a register (column meanings per register in docs/case-registers.md). */
struct tn_case_reg_row {
    char case_id[72];
    enum tn_case_reg reg;
    long no;  /* 1, 2, ... within the case's register (assigned when added) */
    long ref; /* the asset, order or tip concerned; 0 when none */
    tn_day day;
    char what[24];   /* one of tn_case_reg_whats(reg), "" when it takes none */
    tn_money amount; /* -1 when none */
    int flag;        /* asset: pledged to a bank (1/0); -1 when not said */
    char party[160]; /* court, holder (bank or registry), verifier, bank, informant, office */
    char detail[512];
    char note[512];
    char actor[64];
    char known_at[20];
};

/* Adds r (r->no is ignored) to its case's register at now after checking it against what is
 * stored: the case exists and was opened by r's day; the asset, order or tip r refers to
 * exists and is not dated after r; a verification, measure or tip names an asset of the case
 * (a tip may name none) and a measure fits its asset (tn_case_measure_fits); a priority designates
 * only the case's assets; an order through the treasury is for a state or public unit; a reply is
 * not dated before its order and deducts at most what is still undeducted (executed: all of it, by
 * default); a tip has one result. On TN_OK *no is the row's number. why explains a refusal. Errors:
 * TN_ERR_NOT_FOUND (no such case, asset, order or tip), TN_ERR_STATE (dated before what it
 * follows), TN_ERR_CONFLICT (treasury for a unit that is not public, too much deducted, a second
 * tip result), TN_ERR_STORE. */
tn_err tn_store_case_reg_add(struct tn_store *s, const struct tn_case_reg_row *r, const char *now,
                             long *no, char *why, size_t whysz);

/* Every register row of a case known at as_of and dated up to it, by register then number
 * (*rows owned by the caller, free()). Errors: TN_ERR_STORE. */
tn_err tn_store_case_regs(struct tn_store *s, const char *case_id, const char *as_of,
                          struct tn_case_reg_row **rows, size_t *n);

/* A branch of the case's debtor in another province (seed 000 §2.3). */
struct tn_case_branch_row {
    char unit_code[32];
    char province_code[16];
    char note[256];
    char known_at[20];
};

/* Links unit (a branch, usually registered in another province) to the case at now.
 * Errors: TN_ERR_NOT_FOUND (no such case), TN_ERR_CONFLICT (already linked, or the case's own
 * unit), TN_ERR_STORE; why explains. */
tn_err tn_store_case_branch_add(struct tn_store *s, const char *case_id, const char *unit,
                                const char *province, const char *note, const char *now, char *why,
                                size_t whysz);

/* The case's branches known at as_of, by unit (*rows owned by the caller). Errors:
 * TN_ERR_STORE. */
tn_err tn_store_case_branches(struct tn_store *s, const char *case_id, const char *as_of,
                              struct tn_case_branch_row **rows, size_t *n);

/* One branch link of the `case_branches` report. */
struct tn_case_branch_link {
    char case_id[72];
    char unit_code[32]; /* the case's unit (head office) */
    struct tn_case_branch_row branch;
};

/* Calls row() for every branch linked to a case by as_of, by case and branch unit, of the
 * cases whose unit is of the office cut `office` (office.h). Errors: TN_ERR_STORE, or what row()
 * returns. */
tn_err tn_store_branch_links(struct tn_store *s, const char *office, const char *as_of,
                             tn_err (*row)(void *ctx, const struct tn_case_branch_link *r),
                             void *ctx);

/* One forced-deduction order with what its replies said. */
struct tn_bank_order_row {
    char channel[12]; /* "bank" or "treasury" */
    char bank[160];
    char case_id[72];
    long no;
    tn_day ordered;
    tn_day first_reply;   /* -1: none */
    tn_day first_final;   /* the first reply not `delayed`; -1: none */
    char last_result[12]; /* "" when no reply */
    tn_money amount, deducted;
};

/* Calls row() for every forced-deduction order dated up to as_of and known then, with its
 * replies known and dated by then, by channel, bank, case and number, of the
 * cases whose unit is of the office cut `office` (office.h). Errors: TN_ERR_STORE, or what row()
 * returns. */
tn_err tn_store_bank_orders(struct tn_store *s, const char *office, const char *as_of,
                            tn_err (*row)(void *ctx, const struct tn_bank_order_row *r), void *ctx);

/* One informant's tip and what came of it. */
struct tn_tip_row {
    char case_id[72];
    char unit_code[32];
    long no;
    tn_day day;
    char informant[160];
    char asset[512];
    tn_day result_day; /* -1: no result known yet */
    tn_money recovered;
};

/* Calls row() for every tip known at as_of and dated up to it, by case and number, with its
 * result when one is known and dated by then. Office cut as in tn_store_bank_orders. Errors:
 * TN_ERR_STORE, or what row() returns. */
tn_err tn_store_tips(struct tn_store *s, const char *office, const char *as_of,
                     tn_err (*row)(void *ctx, const struct tn_tip_row *r), void *ctx);

/* The latest period of unit whose closed balance is known at as_of (the claim at filing).
 * Errors: TN_ERR_NOT_FOUND (nothing closed by then), TN_ERR_STORE. */
tn_err tn_store_latest_closed(struct tn_store *s, const char *unit, const char *as_of,
                              tn_period *period);

#endif
