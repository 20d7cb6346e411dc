/*
 * lists.h - the lists the office acts on and publishes (issue 4 items 4, 8, 11, 15; design and
 * hand-checked figures in docs/lists.md): units no longer active with the debt of each worker,
 * branches whose parent is managed elsewhere, the cooperatives report of Decision 2422/QĐ-BHXH
 * (seed 004), the public lists of seed 003 (Law 41/2024/QH15 Art 35, 40), and the sign-off of
 * the monthly QLT <-> KTTN handover list.
 *
 * Every query reads the ledger as known at as_of ("YYYY-MM-DDTHH:MM:SS", NULL: now): for each
 * (unit, period) the unit_close row of highest id recorded at or before it, and the unit's
 * registry version in force at that time. Every list keeps the units of its office argument
 * only (the office cut, office.h; each unit's office as known at as_of). Callbacks stop a
 * walk by returning an error, which is returned unchanged.
 */
#ifndef THUNO_LISTS_H
#define THUNO_LISTS_H

#include <stddef.h>

#include "thuno/money.h"
#include "thuno/period.h"
#include "thuno/text.h"

struct tn_store;

/* A unit as known at as_of with its balance of the period asked for. */
struct tn_list_unit {
    char unit_code[32];
    char name[TN_NAME_BUFSZ];
    char tax_code[24];
    char address[TN_NAME_BUFSZ];
    char type[16], status[16], status_since[TN_DAY_BUFSZ];
    char parent_code[32];
    char province_code[4];
    char office_code[32];
    char officer_code[32];
    int has_balance; /* 0: no balance closed for the period (the figures below are 0) */
    int months_owed_tenths;
    tn_money principal_due, interest_due;
    tn_money principal_overdue; /* of principal_due, past its deadline (tn_aging_debt) */
    tn_period oldest_unpaid;    /* -1: nothing unpaid */
    char legal_status[12];
    long long workers;
};

/* What tn_store_list_units() keeps. */
struct tn_list_filter {
    const char *type;  /* NULL: every type; else e.g. "cooperative" */
    int inactive_only; /* 1: status suspended, dissolved, bankrupt or absconded */
    int owing_only;    /* 1: principal due > 0 */
};

/* Calls row() for every unit known at as_of that f keeps and that has a balance for period:
 * suspended, dissolved, bankrupt, absconded, then active; within that by debt (principal +
 * interest due), largest first, then unit code. Errors: TN_ERR_STORE, or what row() returns. */
tn_err tn_store_list_units(struct tn_store *s, const char *office, tn_period period,
                           const char *as_of, const struct tn_list_filter *f,
                           tn_err (*row)(void *ctx, const struct tn_list_unit *u), void *ctx);

/* One worker's share of a unit's unpaid principal. */
struct tn_worker_debt {
    char bhxh_code[16];
    char full_name[TN_NAME_BUFSZ];
    tn_money debt;
    char periods[160]; /* the months the unpaid lines are for, "YYYY-MM;YYYY-MM;..." */
    int nperiods;
};

/* Splits the unit's principal due at period's end over its workers (docs/lists.md "Per-worker
 * debt"): payments cover the periods oldest first, as allocation does, so what is unpaid is the
 * newest charges; a period half covered is covered line by line in (month, worker) order. Each
 * unpaid line counts for its worker, all eight components together. Calls row() per worker
 * with unpaid lines, in bhxh_code order, first a row of bhxh_code "" for the unpaid opening
 * balances (docs/ledger.md "Opening balances": owed by no worker's line); the debts add up to
 * the principal due (TN_ERR_STATE
 * if the lines do not add up to the charges). Errors: TN_ERR_NOT_FOUND (no balance),
 * TN_ERR_STORE, or what row() returns. */
tn_err tn_store_worker_debts(struct tn_store *s, const char *unit_code, tn_period period,
                             const char *as_of,
                             tn_err (*row)(void *ctx, const struct tn_worker_debt *w), void *ctx);

/* A branch (a unit with parent_code) whose parent is managed elsewhere. */
struct tn_branch_row {
    struct tn_list_unit u; /* the branch; has_balance 0 when it has no balance */
    char parent_name[TN_NAME_BUFSZ];
    char parent_province[4], parent_office[32];
    const char *reason; /* static: "parent_unknown", "other_province", "other_office" */
};

/* Calls row() for every branch known at as_of whose parent is not known here, or whose
 * parent's province or office differs from its own, in unit code order. Errors: TN_ERR_STORE,
 * or what row() returns. */
tn_err tn_store_branches(struct tn_store *s, const char *office, tn_period period,
                         const char *as_of, tn_err (*row)(void *ctx, const struct tn_branch_row *r),
                         void *ctx);

/* The last period of year with a balance closed, as known at as_of. Errors: TN_ERR_NOT_FOUND,
 * TN_ERR_STORE. */
tn_err tn_store_last_closed(struct tn_store *s, int year, const char *as_of, tn_period *out);

/* Seed 004's count of cooperatives at one period's end, for one office. */
struct tn_coop_row {
    char office_code[32];
    long long active;                     /* cooperatives taking part (status active) */
    long long owing1_units, owing3_units; /* active ones owing >= 1.0 and >= 3.0 months */
    tn_money owing1_debt, owing3_debt;
    long long suspended_units;
    tn_money suspended_debt;
    long long ended_units; /* dissolved or bankrupt, owing */
    tn_money ended_debt;
    long long ended_workers; /* their workers with unpaid lines */
};

/* Calls row() per office_code of the cooperatives (type cooperative) with a balance of period,
 * in office order ("" for units without an office). Debt is principal and interest past their
 * deadline (docs/ledger.md "Debt"); owing: some principal past it. Errors: TN_ERR_STORE, or what
 * row() returns. */
tn_err tn_store_cooperatives(struct tn_store *s, const char *office, tn_period period,
                             const char *as_of,
                             tn_err (*row)(void *ctx, const struct tn_coop_row *r), void *ctx);

/* A unit always on time in a year: to praise in the media (seed 003). */
struct tn_praise_row {
    struct tn_list_unit u; /* the balance is that of `to` */
    tn_period from, to;
    int months;        /* month ends checked */
    tn_money assessed; /* assessed + adjustment over the months */
    tn_money paid;
};

/* Calls row() for every unit whose balance at each month end of to's year up to `to` (the
 * year's last closed period, tn_store_last_closed()) had nothing past its deadline, no interest
 * due and legal status current, that was assessed something, and that has a balance for `to`;
 * in unit code order. Errors: TN_ERR_STORE, or what row() returns. */
tn_err tn_store_praise(struct tn_store *s, const char *office, tn_period to, const char *as_of,
                       tn_err (*row)(void *ctx, const struct tn_praise_row *r), void *ctx);

/* Calls row() for every unit with principal due at period's end that is evading, or late by
 * threshold_tenths months owed or more (the units to name, Law 41 Art 40), with reason
 * "evading" or "late"; order as tn_store_list_units(). Errors: TN_ERR_STORE, or what row()
 * returns. */
tn_err tn_store_public_name(struct tn_store *s, const char *office, tn_period period,
                            const char *as_of, int threshold_tenths,
                            tn_err (*row)(void *ctx, const struct tn_list_unit *u,
                                          const char *reason),
                            void *ctx);

/* One line of the handover list as signed. */
struct tn_handover_item {
    char unit_code[32];
    int up; /* 1: QLT -> KTTN, 0: KTTN -> QLT */
    int prev_tenths, months_owed_tenths;
    tn_money debt;
};

/* The SHA-256 (hex) of the list: one line "unit,direction,before,after,debt\n" per item in the
 * order given (the report's, unit code order). */
void tn_handover_digest(const struct tn_handover_item *items, size_t n, char out[static 65]);

/* A department's signature of a period's handover list. */
struct tn_handover_signoff {
    long long id;
    char department[8]; /* "QLT" or "KTTN" */
    char actor[64];
    char signed_on[TN_DAY_BUFSZ];
    char known_at[20];
    char digest[65];
    char prior_digest[65]; /* the digest of the earlier signature it differs from, or "" */
    struct tn_handover_item *items;
    size_t n;
    /* what signing did to the assignments (tn_app_handover_sign): units put in charge of a
     * KTTN officer, or back to their QLT officer, once both departments signed this list;
     * units already with that officer; units without a rule (policy/handover.csv) */
    size_t assigned, unchanged, no_rule;
    int both_signed; /* 1 when the other department's latest signature has this digest */
};

/* tn_handover_signoff_init() empties h; tn_handover_signoff_release() frees its items and
 * leaves h as if just initialized. */
void tn_handover_signoff_init(struct tn_handover_signoff *h);
void tn_handover_signoff_release(struct tn_handover_signoff *h);

/* Records h (department, actor, signed_on, known_at, items; the digest is computed here) as
 * the signature of period's list. When the latest earlier signature of either department has
 * another digest, the list changed after it was signed: h->prior_digest gets that digest and
 * is recorded with the signature. Errors: TN_ERR_STORE. */
tn_err tn_store_handover_sign(struct tn_store *s, tn_period period, struct tn_handover_signoff *h);

/* Fills out with department's latest signature of period known at as_of, items included
 * (out is released first). Errors: TN_ERR_NOT_FOUND, TN_ERR_STORE. */
tn_err tn_store_handover_signed(struct tn_store *s, tn_period period, const char *department,
                                const char *as_of, struct tn_handover_signoff *out);

#endif
