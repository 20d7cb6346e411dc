/*
 * ledger.h - one unit's account replayed from the ledger's first period to the period being
 * closed: charges, payments, their allocation and late-payment interest (rules.md §7, §8).
 *
 * Invariants of a replay (docs/ledger.md):
 * - Principal charged to period R (its assessment, and every back-dated change for R whatever
 *   close recognised it, per group) is a charge from the 1st of R; its deadline is policy
 *   (tn_policy_deadline), so interest on a back-dated increase runs from the day after R's
 *   deadline (Law 41 Art 40). A negative charge (thoái thu) becomes credit.
 * - Law 58 era: on the 1st of month A the interest of month A-1 is charged: P x k per group,
 *   P = principal of periods <= A-2 whose deadline has passed by the end of A-1, unpaid at
 *   the end of A-1 (Law 58 Art 122.3, Decision 595 Art 37-38). Missing k: an item marked
 *   missing_rate with amount 0 and its principal; the replay goes on.
 * - Law 41 era: each day d of month A bears late amount x daily rate, the late amount being
 *   the principal unpaid whose deadline < d; charged at the end of A. The payment day bears
 *   no interest unless the policy says so.
 * - A payment earmarked for one worker first settles that worker's own principal, oldest
 *   period first (Decision 60/2015/QĐ-TTg Art 6: a leaving worker's book before the rest).
 * - A payment is allocated at its date: periods oldest first, inside a period the groups in
 *   policy order, inside a group principal then interest (or the reverse by policy); what is
 *   left is credit, which pays each new charge as it appears.
 * - An opening balance's principal bears interest only from its charge's interest_from (the
 *   day after the cut-over day); its opening interest is owed from the 1st of its period and
 *   is not interest charged by the replay (interest_total leaves it out).
 * - Nothing is compounded: interest never bears interest.
 * Everything is integers; each interest item is rounded half-up once.
 */
#ifndef THUNO_LEDGER_H
#define THUNO_LEDGER_H

#include <stddef.h>

#include "thuno/money.h"
#include "thuno/period.h"
#include "thuno/policy.h"

struct tn_ledger_carry;

/* Principal charged to one period, per group: its own assessment and the back-dated changes
 * that concern it, whichever close recognised them (docs/ledger.md "Back-dated changes"). */
struct tn_ledger_charge {
    tn_money principal[TN_G_COUNT];
    /* of principal, the increases of a base found later (an under-declared base: Law 41 Art
     * 39 evasion from the day after the period's deadline); only aging reads it */
    tn_money back[TN_G_COUNT];
    /* an opening balance (docs/ledger.md "Opening balances"): the interest owed for the period
     * at the cut-over day, owed from the 1st of the period like its principal; and the first
     * day its principal bears interest (the day after the cut-over: the opening interest runs
     * to that day), 0 for none but its deadline */
    tn_money interest[TN_G_COUNT];
    tn_day interest_from;
};

struct tn_ledger_payment {
    tn_day paid_on;
    tn_money amount;    /* > 0 */
    const char *txn_id; /* borrowed */
    /* NULL, or the principal of the one worker the money is earmarked for, per charge period
     * and group: [(R - start) * TN_G_COUNT + g] for R in start..period (borrowed). It is paid
     * first, oldest period first, groups in policy order, never more than the worker's own
     * amount nor what the period still owes; the rest is allocated as any payment. Payments
     * earmarked for the same worker pass the same array, so that together they settle the
     * worker's amount once. */
    const tn_money *earmark;
};

struct tn_ledger_input {
    const struct tn_policy *pol;
    struct tn_unit_facts unit;
    tn_period start;  /* the ledger's first period */
    tn_period period; /* the period being closed, >= start */
    /* charges[i] is period start + i, for i in 0..period-start */
    const struct tn_ledger_charge *charges;
    /* sorted by paid_on, then in the order they are to be applied; paid_on within
     * [first day of start, last day of period]; reversed payments already removed */
    const struct tn_ledger_payment *payments;
    size_t npayments;
    /* NULL, or the state a replay of this unit carried from the period before `period`
     * (ledger_carry.h): the replay starts from it when tn_ledger_carry_usable says so, else
     * from start; the result is the same (borrowed) */
    const struct tn_ledger_carry *carry;
};

struct tn_interest_item {
    enum tn_group group;
    enum tn_interest_kind rule;
    tn_period charge_period; /* the period whose balance carries it */
    tn_period accrual_month; /* the month of lateness it prices */
    tn_day from, to;         /* days of lateness (Law 58: the whole accrual month) */
    int days;                /* Law 41: days counted; Law 58: 0 (one month) */
    tn_money principal;      /* late amount, or P */
    tn_ppm rate;             /* daily rate, or k */
    tn_money amount;
    int missing_rate;   /* Law 58: k of the year not loaded; amount is 0 */
    int year;           /* Law 58: the year of k */
    const char *source; /* the policy line applied (borrowed) */
};

struct tn_alloc_item {
    size_t payment;   /* index into input payments; SIZE_MAX: credit applied */
    tn_day on;        /* day applied */
    tn_period target; /* period whose charge it pays */
    enum tn_group group;
    int interest; /* 1: pays interest, 0: principal */
    tn_money amount;
};

struct tn_ledger_result {
    struct tn_interest_item *interest;
    size_t ninterest, capinterest;
    struct tn_alloc_item *alloc;
    size_t nalloc, capalloc;
    /* what is unpaid at the end of the period, per charge period and group */
    tn_money *out_principal; /* [(R - start) * TN_G_COUNT + g] */
    tn_money *out_interest;
    size_t capout;
    size_t nperiods;
    tn_money interest_total[TN_G_COUNT];  /* all interest charged start..period */
    tn_money interest_before[TN_G_COUNT]; /* of it, charged in periods before `period` */
    tn_money paid_total;                  /* all payments applied */
    tn_money credit;                      /* money not yet owed to anything */
    tn_money principal_due;               /* unpaid principal minus credit */
    tn_money interest_due;                /* unpaid interest */
    /* 1: the replay started from in->carry: interest and alloc hold only the items of
     * `period`; interest_total and paid_total are still the whole ledger's */
    int resumed;
};

void tn_ledger_result_init(struct tn_ledger_result *r);
/* Frees what r owns; r is then as if just initialized. */
void tn_ledger_result_release(struct tn_ledger_result *r);

/* Replays in into r (reusing r's arrays; previous content is dropped).
 * Errors: TN_ERR_RANGE if period < start or a payment lies outside the window,
 * TN_ERR_NO_POLICY if a deadline, interest or allocation rule is missing for a day or period
 * of the window (a missing k is not an error), TN_ERR_OVERFLOW. On failure r's content is
 * unspecified but still releasable. */
tn_err tn_ledger_replay(const struct tn_ledger_input *in, struct tn_ledger_result *r);

#endif
