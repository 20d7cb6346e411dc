/*
 * close_unit.h - the monthly close of one unit, from plain inputs to a plain result
 * (docs/ledger.md): assess the period's workers (assess.h), recognise back-dated declarations
 * as adjustments of earlier periods, drop reversed payments, give earmarked payments their
 * worker's principal, replay the account from the ledger's first period (ledger.h), age it
 * (aging.h), check the balance identity, and say which allocations this close recognises and
 * whether the result differs from the one known (the digest). No store, no clock: the store
 * streams a unit's rows into a struct tn_close_unit_in and writes the struct
 * tn_close_unit_out back (src/store/close.c, close_write.c).
 *
 * LAW: a declaration filed in month D for an earlier month is recognised in D (truy thu /
 * thoái thu; Decision 595 Art 38) - data-formats.md `declared_on` - and charged to the month it
 * concerns: its principal is due at that month's deadline and bears interest from the day
 * after it; an increase is an under-declared base, evasion from that day (Law 41/2024/QH15
 * Art 39, 40; rules.md §6, §7).
 * LAW: Decision 60/2015/QĐ-TTg Art 6 - a payment earmarked for a worker settles that worker's
 * own principal first.
 */
#ifndef THUNO_CLOSE_UNIT_H
#define THUNO_CLOSE_UNIT_H

#include <stddef.h>

#include "thuno/aging.h"
#include "thuno/err.h"
#include "thuno/ledger.h"
#include "thuno/ledger_carry.h"
#include "thuno/money.h"
#include "thuno/period.h"
#include "thuno/policy.h"

#define TN_CLOSE_CODE_MAX 32
#define TN_CLOSE_TXN_MAX  72
#define TN_CLOSE_TIME_SZ  20 /* "YYYY-MM-DDTHH:MM:SS" and its NUL */

/* One declaration row of the unit (data-formats.md "declarations"); a unit's rows are sorted
 * by worker, then from. */
struct tn_close_decl {
    char bhxh[TN_CLOSE_CODE_MAX];
    tn_period from;
    int decrease; /* 1: the worker leaves from `from` */
    tn_money salary;
    unsigned funds;
    tn_day declared_on;
    char known_at[TN_CLOSE_TIME_SZ];
};

/* One payment of the unit (not in suspense, paid by the period's last day), sorted by
 * paid_on, then txn. */
struct tn_close_pay {
    char txn[TN_CLOSE_TXN_MAX];
    char reverses[TN_CLOSE_TXN_MAX]; /* the txn it reverses, "" for none */
    char known_at[TN_CLOSE_TIME_SZ];
    char bhxh[16]; /* the worker the money is earmarked for, "" for none */
    tn_day paid_on;
    tn_money amount;
};

/* The current close of one period from the ledger's first period up to the one closed. */
struct tn_close_prev {
    long long id; /* the store's; handed back to recorded() */
    tn_period period;
    tn_money assessed, closing;
    tn_money charge[TN_G_COUNT]; /* recognised in it: assessed + its adjustment lines */
    tn_money cum_interest[TN_G_COUNT];
    tn_money cum_paid;
    int adjusted; /* 1: it recorded adjustment lines (read by in->adjustments) */
    char known_at[TN_CLOSE_TIME_SZ];
    char digest[17];
};

/* An opening balance of the unit (opening_balances.csv; docs/ledger.md "Opening balances"):
 * what it owed for period in group at the cut-over day as_of, its interest to that day
 * included. The close charges it to its period, which is before the ledger's first. */
struct tn_close_opening {
    tn_period period;
    enum tn_group group;
    tn_money principal, interest;
    tn_day as_of;
};

/* Called for each line of a previous close: its for_period and amount per component. */
typedef tn_err (*tn_close_line_fn)(void *lctx, tn_period for_period,
                                   const tn_money amount[TN_C_COUNT]);

/* One unit's facts and rows for the close. Everything is borrowed. */
struct tn_close_unit_in {
    const char *code;
    struct tn_unit_facts facts;
    const struct tn_close_decl *decls;
    size_t ndecls;
    const struct tn_close_pay *pays;
    size_t npays;
    const struct tn_close_prev *prev; /* periods start..period, ascending; gaps allowed */
    size_t nprev;
    const struct tn_close_opening *opening; /* the unit's opening balances, any order */
    size_t nopening;
    /* when the previous period was last closed ("" never): declarations known after it are
     * news to earlier periods */
    const char *prev_run_at;
    /* Calls line() for each assessment line of worker bhxh that close prev recorded (read
     * lazily: only for workers with back-dated news or earmarked money). Errors: what the
     * reader or line() returns (TN_ERR_STORE). */
    tn_err (*recorded)(void *ctx, const struct tn_close_prev *prev, const char *bhxh,
                       tn_close_line_fn line, void *lctx);
    /* Calls line() once per for_period with the sum, over all workers, of the adjustment lines
     * close prev recorded for it (called only for a prev with adjusted set): the close
     * charges them to the months they concern. Errors: as recorded. */
    tn_err (*adjustments)(void *ctx, const struct tn_close_prev *prev, tn_close_line_fn line,
                          void *lctx);
    void *ctx;
    /* NULL, or the state the close of the period before carried (out->carry of that close;
     * docs/ledger.md "Carried state"): the replay starts from it when its inputs are the
     * same, else from the ledger's first period; the result is the same either way */
    const struct tn_ledger_carry *carry;
    /* 1: prev holds only the closes of the period before and of the period itself (the store
     * read no earlier one): the close goes on from carry's charges, or, when it cannot (no
     * usable state, a back-dated declaration, an earmarked payment, opening balances not the
     * state's), sets out->need_full and computes nothing; the store then reads every earlier
     * close and calls again with 0 */
    int prev_partial;
};

/* One assessment or adjustment line (assess_line). */
struct tn_close_line {
    char bhxh[TN_CLOSE_CODE_MAX];
    tn_period for_period;
    int adjustment; /* 1: a back-dated change of for_period, recognised in this period */
    tn_money salary, base_si, base_ui;
    unsigned funds;
    tn_ppm rate[TN_C_COUNT];
    const char *source[TN_C_COUNT]; /* borrowed from the policy */
    tn_money amount[TN_C_COUNT];
    int below_floor;       /* a finding: declared below the floor */
    const char *floor_law; /* its citation, the law of the period's era (assess.h) */
    tn_money floor;
};

/* The unit's balance for the period (data-formats.md "balances"). */
struct tn_close_balance {
    tn_money opening, assessed, adjustment, interest, paid, closing;
    tn_money principal_due, interest_due;
    tn_money charge[TN_G_COUNT];
    tn_money cum_interest[TN_G_COUNT];
    tn_money correction[TN_G_COUNT]; /* interest recomputed for earlier months */
    tn_money cum_paid;
    long long workers;
    struct tn_aging aging;
};

/* An allocation this close recognises (alloc_line): money dated in the period, or dated in an
 * earlier month and first known after that month's close (a late bank statement). */
struct tn_close_alloc {
    const char *txn; /* borrowed from in->pays, or "credit" */
    tn_day paid_on;
    tn_period target;
    enum tn_group group;
    int interest;
    tn_money amount;
};

/* The result for one unit. Arrays are owned by out and reused by the next call. */
struct tn_close_unit_out {
    struct tn_close_balance bal;
    struct tn_close_line *lines; /* the period's assessment, then adjustments per worker */
    size_t nlines, caplines;
    const struct tn_interest_item **interest; /* items charged in the period (into replay) */
    size_t ninterest, capinterest;
    struct tn_close_alloc *alloc;
    size_t nalloc, capalloc;
    long long interest_missing; /* of the period's items, those with no k */
    char digest[17];            /* over the balance, lines, interest items and allocations */
    int changed;                /* 0: the period's current close has the same digest */
    struct tn_ledger_result replay;
    /* the first period of replay's arrays: the ledger's first, or the oldest period of an
     * opening balance */
    tn_period replay_start;
    /* working arrays, private to close_unit.c */
    struct tn_close_unit_work *work;
    /* the replay's state at the end of the period, for the next close (ledger_carry.h);
     * replay.resumed says whether this close started from in->carry */
    struct tn_ledger_carry carry;
    int need_full; /* in->prev_partial could not be used: call again with every earlier close */
};

void tn_close_unit_out_init(struct tn_close_unit_out *out);
/* Frees what out owns; out is then as if just initialized. */
void tn_close_unit_out_release(struct tn_close_unit_out *out);

/* Closes in's unit for period (the ledger's first period is start <= period) under pol into
 * out. Errors: TN_ERR_NO_POLICY (a rate, cap, minimum wage, deadline, interest or allocation
 * rule missing; msg names the unit and period), TN_ERR_STATE (the recorded history and the
 * replay disagree: closing != principal + interest due, as when an opening balance changed
 * after the ledger's first close; or an opening balance is not before the ledger's first
 * period; msg says which; such a result must not be written),
 * TN_ERR_RANGE, TN_ERR_OVERFLOW, or what in->recorded returns. out is releasable whatever
 * happens; its content is valid only on TN_OK. */
tn_err tn_close_unit(const struct tn_policy *pol, tn_period start, tn_period period,
                     const struct tn_close_unit_in *in, struct tn_close_unit_out *out, char *msg,
                     size_t msgsz);

#endif
