/*
 * report.h - reading the ledger back: the balances report and the explanation of one unit's
 * balance, as known at a given time (data-formats.md "Outputs"; docs/ledger.md "as-of").
 *
 * as_of is "YYYY-MM-DD" (the end of that day) or "YYYY-MM-DDTHH:MM:SS"; NULL means now.
 * Each (unit, period) shows the latest row recorded at or before as_of.
 */
#ifndef THUNO_REPORT_H
#define THUNO_REPORT_H

#include <stddef.h>

#include "thuno/money.h"
#include "thuno/period.h"
#include "thuno/policy.h"

struct tn_store;

/* One row of the balances report. */
struct tn_balance_row {
    char unit_code[32];
    tn_period period;
    tn_money opening, assessed, adjustment, interest, paid, closing;
    tn_money principal_due, interest_due;
    int months_owed_tenths; /* -1: not defined (never assessed) */
    char bucket[8];
    tn_period oldest_unpaid; /* -1: nothing unpaid */
    char legal_status[12];
    long long workers;
    char known_at[20];
    long long close_id;
};

/* Normalizes an --as-of argument into "YYYY-MM-DDTHH:MM:SS" (a date means its last second).
 * Errors: TN_ERR_PARSE. */
tn_err tn_report_as_of(const char *arg, char out[static 20]);

/* Calls row() for every unit's balance of period as known at as_of, in unit_code order; stops
 * at the first error row() returns and returns it. Errors: TN_ERR_STORE. */
tn_err tn_store_balances(struct tn_store *s, tn_period period, const char *as_of,
                         tn_err (*row)(void *ctx, const struct tn_balance_row *r), void *ctx);

/* One below-floor finding: a worker's declared base under the regional minimum wage,
 * assessed as declared (rules.md §3; an evasion indicator, Law 41 Art 39). */
struct tn_finding_row {
    char unit_code[32];
    char bhxh_code[16];
    tn_period for_period;
    tn_money base, floor;
};

/* Calls row() for every finding of period's closes as known at as_of, in unit and worker
 * order. Errors: TN_ERR_STORE, or what row() returns. */
tn_err tn_store_findings(struct tn_store *s, tn_period period, const char *as_of,
                         tn_err (*row)(void *ctx, const struct tn_finding_row *r), void *ctx);

/* A payment waiting in suspense: its payer is missing or unknown. */
struct tn_suspense_row {
    char txn_id[72];
    char unit_code[32]; /* as written on the payment ("" when none) */
    char paid_on[TN_DAY_BUFSZ];
    tn_money amount;
    char channel[24];
    char memo[256];
    char reason[16]; /* "no_payer", "unknown_unit" */
};

/* Calls row() for every payment in suspense received by the end of period, as known at
 * as_of, in date order. Errors: TN_ERR_STORE, or what row() returns. */
tn_err tn_store_suspense(struct tn_store *s, tn_period period, const char *as_of,
                         tn_err (*row)(void *ctx, const struct tn_suspense_row *r), void *ctx);

/* A health-card action of a period (data-formats.md "card_locks"; rules.md §10): `lock` when
 * a unit's months owed reach the office's threshold, `unlock` when a locked unit has paid
 * down below it; compared with the previous period's balance as known at the same time. */
struct tn_card_lock_row {
    char unit_code[32];
    int lock; /* 1 lock, 0 unlock */
    int months_owed_tenths;
    long long workers;
    const char *department; /* "QLT" or "KTTN" (static) */
};

/* Calls row() for every card action of period as known at as_of, in unit order; lock_tenths
 * and kttn_tenths come from the policy (tn_policy_card). Errors: TN_ERR_STORE, or what
 * row() returns. */
tn_err tn_store_card_locks(struct tn_store *s, tn_period period, const char *as_of, int lock_tenths,
                           int kttn_tenths,
                           tn_err (*row)(void *ctx, const struct tn_card_lock_row *r), void *ctx);

/* One officer's month (data-formats.md "officer_kpi"; seed 002: units, collected against
 * plan, debt ratio). Units without an officer are counted under officer_code "". */
struct tn_officer_kpi_row {
    char officer_code[32];
    char office_code[32];
    long long units, workers;
    tn_money assessed;     /* assessed of the period, back-dated adjustments included */
    tn_money collected;    /* money received in the period */
    tn_money debt;         /* principal due + interest due at the period's end */
    int debt_ratio_tenths; /* debt / assessed in tenths of a percent; -1 if nothing assessed */
    long long units_by_bucket[5]; /* "0", "1-3", "3-6", "6-12", "12+" */
};

/* Calls row() for every officer with units in period's balances as known at as_of, in
 * officer order. Errors: TN_ERR_STORE, or what row() returns. */
tn_err tn_store_officer_kpi(struct tn_store *s, tn_period period, const char *as_of,
                            tn_err (*row)(void *ctx, const struct tn_officer_kpi_row *r),
                            void *ctx);

/* Everything behind one unit's balance for one period. */
struct tn_explain_assess {
    char bhxh_code[16];
    tn_period for_period;
    int adjustment;
    tn_money salary, base_si, base_ui;
    unsigned funds;
    tn_ppm rate[TN_C_COUNT];
    tn_money amount[TN_C_COUNT];
    char *sources; /* "component=source;..." (owned) */
};

struct tn_explain_interest {
    char group[8], rule[16], status[16];
    tn_period accrual_month;
    char from[TN_DAY_BUFSZ], to[TN_DAY_BUFSZ]; /* "" for a correction */
    int days;
    tn_money principal;
    tn_ppm rate;
    tn_money amount;
    char *source; /* owned */
};

struct tn_explain_alloc {
    char txn_id[72];
    char paid_on[TN_DAY_BUFSZ];
    tn_period target;
    char group[8], part[12];
    tn_money amount;
};

struct tn_explain_finding {
    char bhxh_code[16];
    tn_period for_period;
    tn_money base, floor;
};

struct tn_explain {
    struct tn_balance_row balance;
    struct tn_explain_assess *lines;
    size_t nlines, caplines;
    struct tn_explain_interest *interest;
    size_t ninterest, capinterest;
    struct tn_explain_alloc *alloc;
    size_t nalloc, capalloc;
    struct tn_explain_finding *findings;
    size_t nfindings, capfindings;
    char unit_name[256];
};

void tn_explain_init(struct tn_explain *e);
void tn_explain_release(struct tn_explain *e);

/* Fills e with the unit's balance of period as known at as_of and every line behind it.
 * Errors: TN_ERR_NOT_FOUND if the unit has no closed balance for that period at that time,
 * TN_ERR_STORE. */
tn_err tn_store_explain(struct tn_store *s, const char *unit_code, tn_period period,
                        const char *as_of, struct tn_explain *e);

#endif
