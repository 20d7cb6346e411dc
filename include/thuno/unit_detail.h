/*
 * unit_detail.h - what a unit's page shows beside its balance (docs/api.md "A unit's workers
 * and payments"): the declarations of its workers and its payments with how the closes
 * allocated them, each as known at a time. Row reads of the store; the application layer
 * (tn_app_unit_workers, tn_app_unit_payments) checks the scope.
 */
#ifndef THUNO_UNIT_DETAIL_H
#define THUNO_UNIT_DETAIL_H

#include "thuno/err.h"
#include "thuno/money.h"
#include "thuno/period.h"
#include "thuno/text.h"

struct tn_store;

/* One declaration of a worker at the unit (the version known then). */
struct tn_unit_declaration {
    char bhxh_code[16];
    char full_name[TN_NAME_BUFSZ];
    char from_period[TN_PERIOD_BUFSZ]; /* YYYY-MM */
    char kind[16];                     /* increase, decrease, change (formats.md) */
    tn_money salary;                   /* -1: none declared (a decrease) */
    int funds;                         /* the funds the worker is in, as declared */
    char declared_on[TN_DAY_BUFSZ];
    char reason[256];
    char known_at[20];
};

/* Calls row() for every declaration of unit_code as known at as_of (NULL: everything known),
 * by worker (bhxh_code) and from_period. Errors: TN_ERR_STORE, or row()'s. */
tn_err tn_store_unit_declarations(struct tn_store *s, const char *unit_code, const char *as_of,
                                  tn_err (*row)(void *ctx, const struct tn_unit_declaration *r),
                                  void *ctx);

/* One payment of the unit (the version known then) and what the closes known then allocated
 * of it. */
struct tn_unit_payment {
    char txn_id[64];
    char paid_on[TN_DAY_BUFSZ];
    tn_money amount; /* negative: a reversal */
    char channel[16];
    char memo[256];
    char bhxh_code[16];    /* an earmark for one worker, "" when none */
    char case_id[72];      /* paid under a case's plan, "" when not */
    char reverses[64];     /* the payment it reverses, "" when none */
    tn_money allocated;    /* allocated by the closes (the latest of each period) */
    char allocation[1024]; /* "YYYY-MM part amount; ..." by month and part, cut to fit */
};

/* Calls row() for every payment of unit_code as known at as_of (NULL: everything known), by
 * day paid and txn_id, with the allocation of the latest close of each period known then.
 * Errors: TN_ERR_STORE, or row()'s. */
tn_err tn_store_unit_payments(struct tn_store *s, const char *unit_code, const char *as_of,
                              tn_err (*row)(void *ctx, const struct tn_unit_payment *r), void *ctx);

#endif
