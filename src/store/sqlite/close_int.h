/*
 * close_int.h - what the close's two files share: the per-unit working set (close.c reads
 * and computes it, close_write.c records it).
 */
#ifndef THUNO_CLOSE_INT_H
#define THUNO_CLOSE_INT_H

#include <stdint.h>

#include "store_int.h"
#include "thuno/aging.h"
#include "thuno/assess.h"
#include "thuno/close.h"
#include "thuno/ledger.h"

#define TN__CODE_MAX 32
#define TN__TXN_MAX  72

struct tn__decl {
    char bhxh[TN__CODE_MAX];
    tn_period from;
    int decrease;
    tn_money salary;
    unsigned funds;
    tn_period declared_month;
    int fresh; /* known after the previous period's close: may change earlier periods */
};

struct tn__pay {
    char txn[TN__TXN_MAX];
    char reverses[TN__TXN_MAX];
    char known_at[20];
    char bhxh[16]; /* the worker the money is earmarked for, "" for none */
    tn_day paid_on;
    tn_money amount;
};

/* The current unit_close row of a period before (or equal to) the one being closed. */
struct tn__prev {
    long long id;
    tn_period period;
    tn_money assessed, closing;
    tn_money charge[TN_G_COUNT];
    tn_money cum_interest[TN_G_COUNT];
    tn_money cum_paid;
    char known_at[20];
    char digest[17];
};

struct tn__line {
    char bhxh[TN__CODE_MAX];
    tn_period for_period;
    int adjustment;
    tn_money salary, base_si, base_ui;
    unsigned funds;
    tn_ppm rate[TN_C_COUNT];
    const char *source[TN_C_COUNT];
    tn_money amount[TN_C_COUNT];
    int below_floor;
    const char *floor_law; /* the finding's citation (assess.h), borrowed from core */
    tn_money floor;
};

/* Balance of one unit for the period (data-formats.md "balances"). */
struct tn__balance {
    tn_money opening, assessed, adjustment, interest, paid, closing;
    tn_money principal_due, interest_due;
    tn_money charge[TN_G_COUNT];
    tn_money cum_interest[TN_G_COUNT];
    tn_money correction[TN_G_COUNT]; /* interest recomputed for earlier months */
    tn_money cum_paid;
    long long workers;
    struct tn_aging aging;
};

struct tn__unit_work {
    char code[TN__CODE_MAX];
    struct tn_unit_facts facts;
    struct tn__decl *decls;
    size_t ndecls, capdecls;
    struct tn__pay *pays;
    size_t npays, cappays;
    struct tn__prev *prev; /* periods start..period, ascending; missing periods absent */
    size_t nprev, capprev;
    struct tn__line *lines;
    size_t nlines, caplines;
    struct tn_ledger_payment *lpay;
    size_t caplpay, nlpay;
    size_t *lpay_src; /* index into pays of each ledger payment */
    size_t caplpay_src;
    tn_money *earmarks; /* per earmarked worker: principal per period and group (ledger.h) */
    size_t capearmarks;
    struct tn_ledger_charge *charges;
    size_t capcharges;
    struct tn_ledger_result result;
    struct tn__balance bal;
    char digest[17];
};

struct tn__close {
    struct tn__sq *s;
    const struct tn_policy *pol;
    tn_period start, period;
    const char *now;
    long long run_id;
    struct tn_close_stats stats;
    sqlite3_stmt *ins_close, *ins_line, *ins_interest, *ins_alloc, *ins_finding, *ins_rates;
    struct {
        tn_ppm rate[TN_C_COUNT];
        const char *source[TN_C_COUNT];
        long long id;
    } * rate_sets;
    size_t nrate_sets, caprate_sets;
};

/* 1 when allocation a belongs to the close of c->period: money dated in the period, or dated
 * in an earlier month and first known after that month's close (late bank statements) — the
 * allocations that make up this close's paid. */
int tn__close_alloc_recognised(const struct tn__close *c, const struct tn__unit_work *w,
                               const struct tn_alloc_item *a);

/* Computes w->digest over the unit's balance and lines. */
void tn__close_digest(const struct tn__close *c, struct tn__unit_work *w);

/* Prepares the insert statements. Errors: TN_ERR_STORE. */
tn_err tn__close_prepare_writes(struct tn__close *c);
void tn__close_finalize_writes(struct tn__close *c);

/* Records the unit's unit_close row and its lines under c->run_id. Errors: TN_ERR_STORE. */
tn_err tn__close_write_unit(struct tn__close *c, struct tn__unit_work *w);

#endif
