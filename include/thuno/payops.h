/*
 * payops.h - payments operations read from and written to the store: the units a memo may
 * name, assigning a payment in suspense to its unit (a new payment version), the daily
 * health-card lock state, the workers of a unit, and the books (sổ BHXH) of earmarked and
 * leaving workers (docs/payments-ops.md).
 *
 * Every read is as known at as_of ("YYYY-MM-DDTHH:MM:SS", NULL: now): the registry version
 * in force then and the unit_close row of highest id with known_at <= as_of.
 */
#ifndef THUNO_PAYOPS_H
#define THUNO_PAYOPS_H

#include <stddef.h>

#include "thuno/money.h"
#include "thuno/period.h"
#include "thuno/text.h"

struct tn_policy;

struct tn_store;

struct tn_payops_unit {
    char unit_code[24];
    char tax_code[20];
    char name[TN_NAME_BUFSZ];
    char type[16];
    char province[4];
    char office[32];
};

/* Loads every unit known at as_of, in unit_code order, into a new array *out of *n (the
 * caller frees it with free(); NULL when n is 0). Errors: TN_ERR_STORE. */
tn_err tn_store_payops_units(struct tn_store *s, const char *as_of, struct tn_payops_unit **out,
                             size_t *n);

/* How a payment in suspense got its unit. */
struct tn_payops_assign {
    const char *now;    /* known_at of the new version */
    const char *actor;  /* who decided */
    const char *method; /* "unit_code", "tax_code", "name" or "manual" */
    int confidence;     /* percent */
    const char *reason;
};

/* Records unit_code as the payer of payment txn_id: the current version is superseded at
 * how->now by a new one with unit_code set and suspense NULL, and a payment_match row says
 * how, in one transaction. The next close counts the payment. Errors: TN_ERR_NOT_FOUND if the
 * payment or the unit is unknown, TN_ERR_STATE if the payment is not in suspense,
 * TN_ERR_STORE. */
tn_err tn_store_suspense_assign(struct tn_store *s, const char *txn_id, const char *unit_code,
                                const struct tn_payops_assign *how);

/* A unit's card-lock state on a day: its latest closed balance for a period <= the period
 * asked, moved by the payments known by then that the close did not count. */
struct tn_card_state {
    char unit_code[24];
    tn_period base_period; /* the closed period the state starts from */
    int closed_tenths;     /* months owed at that close */
    tn_money monthly;      /* the close's assessed amount: what a month owed is */
    tn_money debt;         /* the debt at that close: past its deadline (aging.h "Debt") */
    tn_money paid_since;   /* payments known by then, not counted by that close */
    tn_money pending;      /* principal the close found not yet past its deadline */
    tn_day pending_due;    /* that principal's deadline, -1 if none */
    int tenths;            /* months owed on the day (docs/payments-ops.md) */
};

/* Calls row() for every unit with a closed balance for a period <= period as known at as_of,
 * in unit_code order, with paid_since counting payments received by day and tenths the
 * months owed on day: the close's, plus its not-yet-due principal once its deadline (pol's
 * policy/deadlines.csv) is on or before day, less paid_since. It reads every unit (it takes no
 * office): card_locks compares two days' states and cuts by the unit's office on the later day
 * (its caller's scope), which the earlier day's cut could not keep. Errors:
 * TN_ERR_STORE, or what row() returns. */
tn_err tn_store_card_states(struct tn_store *s, const struct tn_policy *pol, tn_period period,
                            tn_day day, const char *as_of,
                            tn_err (*row)(void *ctx, const struct tn_card_state *r), void *ctx);

struct tn_unit_worker {
    char bhxh_code[16];
    char full_name[160];
};

/* Calls row() for each worker contributing to unit_code in period (the declaration in force,
 * as known at as_of, is not a decrease), in bhxh_code order. Errors: TN_ERR_STORE, or what
 * row() returns. */
tn_err tn_store_unit_workers(struct tn_store *s, const char *unit_code, tn_period period,
                             const char *as_of,
                             tn_err (*row)(void *ctx, const struct tn_unit_worker *r), void *ctx);

/* A worker's book at a unit: what was paid for them and what the unit still owes. */
struct tn_book_row {
    char unit_code[24];
    char bhxh_code[16];
    char full_name[160];
    tn_period left_from;     /* the decrease's from_period, -1: not leaving */
    tn_money earmarked;      /* earmarked payments for the worker at the unit */
    tn_period earmark_first; /* periods the earmark covers in full, -1 none */
    tn_period earmark_last;
    tn_period confirmed_to; /* every worked period up to it is paid, -1 none */
    tn_period owed_first;   /* periods the unit still owes for the worker, -1 none */
    tn_period owed_last;
    tn_money owed; /* the worker's contributions of those periods, less earmark */
    int blocked;   /* 1: the book cannot be closed (confirmed) */
};

/* Calls row() for every worker with an earmarked payment received by the end of period or a
 * decrease from a period <= period + 1, per unit, as known at as_of, of the units of the
 * office cut `office` (office.h). Errors: TN_ERR_STORE, or what row() returns. */
tn_err tn_store_books(struct tn_store *s, const char *office, tn_period period, const char *as_of,
                      tn_err (*row)(void *ctx, const struct tn_book_row *r), void *ctx);

#endif
