/*
 * report.h - reading the ledger back: the balances report and the explanation of one unit's
 * balance, as known at a given time (data-formats.md "Outputs"; docs/ledger.md "as-of").
 *
 * as_of is "YYYY-MM-DD" (the end of that day) or "YYYY-MM-DDTHH:MM:SS"; NULL means now.
 * Each (unit, period) shows the latest row recorded at or before as_of. office, right after
 * the store, is the office cut of that one call (office.h): NULL for every unit, else only the
 * rows of that district office's units as known at as_of.
 */
#ifndef THUNO_REPORT_H
#define THUNO_REPORT_H

#include <stddef.h>

#include "thuno/money.h"
#include "thuno/period.h"
#include "thuno/policy.h"
#include "thuno/text.h"

struct tn_store;

/* One row of the balances report. */
struct tn_balance_row {
    char unit_code[32];
    tn_period period;
    tn_money opening, assessed, adjustment, interest, paid, closing;
    tn_money principal_due, interest_due;
    /* of principal_due, the part past its deadline: the debt is it plus interest_due, the rest
     * is assessed and not yet due (tn_aging_debt, docs/ledger.md "Debt") */
    tn_money principal_overdue;
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
tn_err tn_store_balances(struct tn_store *s, const char *office, tn_period period,
                         const char *as_of,
                         tn_err (*row)(void *ctx, const struct tn_balance_row *r), void *ctx);

/* The balance of unit_code in period as known at as_of into *out: the row tn_store_balances
 * gives for that unit, read alone (one unit's cost, not the province's). office is the cut
 * (NULL: every unit): a unit of another office is not found. *out is touched only on TN_OK.
 * Errors: TN_ERR_NOT_FOUND (no balance of the unit for period known then, or not of office),
 * TN_ERR_STORE. */
tn_err tn_store_unit_balance(struct tn_store *s, const char *office, const char *unit_code,
                             tn_period period, const char *as_of, struct tn_balance_row *out);

/* Calls row() for each balance of unit_code of the periods first..last (both included) as
 * known at as_of, by period: the rows tn_store_unit_balance gives for each period, read in one
 * query; a period not closed (or before the unit's first) has none. No office cut: the caller
 * has checked that its scope sees the unit. Stops at row()'s first error and returns it.
 * Errors: TN_ERR_STORE. */
tn_err tn_store_unit_ledger(struct tn_store *s, const char *unit_code, tn_period first,
                            tn_period last, const char *as_of,
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
tn_err tn_store_findings(struct tn_store *s, const char *office, tn_period period,
                         const char *as_of,
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
tn_err tn_store_suspense(struct tn_store *s, const char *office, tn_period period,
                         const char *as_of,
                         tn_err (*row)(void *ctx, const struct tn_suspense_row *r), void *ctx);

/* A unit whose months owed crossed a threshold between the previous period's balance and
 * this period's, both as known at the same time: the ground of the card-lock list (lock at
 * 1.0 month) and of the QLT -> KTTN handover (3.0 months), seed 002 and rules.md §10. */
struct tn_crossing_row {
    char unit_code[32];
    int up; /* 1: reached the threshold (lock, hand over to KTTN); 0: paid down below it */
    int months_owed_tenths;
    int prev_tenths;
    long long workers;
    tn_money debt; /* past its deadline: principal and interest (docs/ledger.md "Debt") */
    char officer_code[32];
};

/* Calls row() for every unit of period's balances that crossed threshold_tenths months owed,
 * in unit order. Errors: TN_ERR_STORE, or what row() returns. */
tn_err tn_store_crossings(struct tn_store *s, const char *office, tn_period period,
                          const char *as_of, int threshold_tenths,
                          tn_err (*row)(void *ctx, const struct tn_crossing_row *r), void *ctx);

/* What a KPI row groups by (seed 002: officer; seed 001: district, sector). */
enum tn_kpi_by { TN_KPI_OFFICER, TN_KPI_OFFICE, TN_KPI_TYPE, TN_KPI_DEPARTMENT };

/* One group's month (data-formats.md "officer_kpi" for TN_KPI_OFFICER). Units without an
 * officer or office are counted under the key "". */
struct tn_kpi_row {
    char key[32];         /* officer code, office code, unit type or department */
    char office_code[32]; /* TN_KPI_OFFICER: the officer's office */
    long long units, workers;
    tn_money assessed;  /* assessed of the period, back-dated adjustments included */
    tn_money collected; /* money received in the period */
    tn_money debt;      /* principal and interest past their deadline at the period's end
                         * (tn_aging_debt, docs/ledger.md "Debt") */
    tn_money debt_prev; /* the same units' debt at the previous period's end */
    tn_money not_due;   /* principal assessed and not yet due at the period's end */
    tn_money collected_prev;
    int debt_ratio_tenths; /* debt / assessed in tenths of a percent; -1 if nothing assessed */
    long long units_by_bucket[5]; /* units owing, by bucket "0", "1-3", "3-6", "6-12", "12+":
                                   * "0" counts only units with some debt (debt > 0) */
    tn_money plan;                /* the group's collection_plans.csv amount; -1 when none */
    /* TN_KPI_OFFICER: the officer's full_name as known then ("" when none) */
    char name[TN_NAME_BUFSZ];
};

/* Calls row() for every group with units in period's balances as known at as_of, in key
 * order. Errors: TN_ERR_STORE, or what row() returns. */
tn_err tn_store_kpi(struct tn_store *s, const char *office, tn_period period, const char *as_of,
                    enum tn_kpi_by by, tn_err (*row)(void *ctx, const struct tn_kpi_row *r),
                    void *ctx);

/* A unit that owes (special and public lists, seed 002-004): its status, officer and debt. */
struct tn_debtor_row {
    char unit_code[32];
    char name[TN_NAME_BUFSZ];
    char type[16], status[16], status_since[TN_DAY_BUFSZ];
    char officer_code[32];
    int months_owed_tenths;
    tn_money debt; /* past its deadline: principal and interest (docs/ledger.md "Debt") */
    tn_period oldest_unpaid;
    char legal_status[12];
    long long workers;
};

/* Calls row() for every unit with principal due at period's end as known at as_of: units no
 * longer active first (suspended, dissolved, bankrupt, absconded), then by debt, largest
 * first. Errors: TN_ERR_STORE, or what row() returns. */
tn_err tn_store_debtors(struct tn_store *s, const char *office, tn_period period, const char *as_of,
                        tn_err (*row)(void *ctx, const struct tn_debtor_row *r), void *ctx);

/* Calls row() for every unit that owed nothing past its deadline at the end of any month of
 * period's year up to period (award eligibility, seed 002), with debt 0 and months owed 0.
 * Errors: TN_ERR_STORE, or what row() returns. */
tn_err tn_store_award_eligible(struct tn_store *s, const char *office, tn_period period,
                               const char *as_of,
                               tn_err (*row)(void *ctx, const struct tn_debtor_row *r), void *ctx);

/* An enterprise of the register that does not take part, or declares far fewer workers than
 * it reports elsewhere (seed 003): finding "not_registered" or "under_declared". */
struct tn_non_participant_row {
    char tax_code[24];
    char name[TN_NAME_BUFSZ];
    long long reported;
    char unit_code[32];  /* "" when not registered */
    long long declared;  /* workers assessed in period */
    const char *finding; /* static */
};

/* Compares the register (registry.csv) with the units and period's balances as known at
 * as_of. A unit is under-declared when reported - declared >= min_gap and reported >=
 * declared x min_ratio_percent / 100 (policy/non_participant.csv). Errors: TN_ERR_STORE, or
 * what row() returns. */
tn_err tn_store_non_participants(struct tn_store *s, const char *office, tn_period period,
                                 const char *as_of, int min_gap, int min_ratio_percent,
                                 tn_err (*row)(void *ctx, const struct tn_non_participant_row *r),
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
    /* an adjustment line is charged to for_period (docs/ledger.md "Back-dated changes"): its
     * deadline (BHXH's), the days past it at the period's end, the interest rule in force the
     * day after it (daily rate, or 0 for Law 58's P x k) and, for an increase (an
     * under-declared base), the day it is evasion from (0: none); 0 when not computed */
    tn_day deadline;
    int days_late;
    tn_ppm daily_rate;
    tn_day evasion_from;
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

/* An opening balance shown by explain: số dư đầu kỳ (chuyển đổi), docs/ledger.md "Opening
 * balances". */
struct tn_explain_opening {
    tn_period period;
    char fund[8];
    tn_money principal, interest;
    char as_of[TN_DAY_BUFSZ];
    char *source; /* owned */
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
    struct tn_explain_opening *opening; /* the unit's opening balances (app explain) */
    size_t nopening, capopening;
    char unit_name[TN_NAME_BUFSZ];
    int payment_cycle; /* the unit's, 1 when unknown */
};

/* One opening balance (opening_balances.csv; docs/ledger.md "Opening balances"): what the unit
 * owed for period in fund at the cut-over day as_of, with the document it comes from. Strings
 * borrowed during the callback. */
struct tn_opening_row {
    const char *unit_code;
    tn_period period;
    const char *fund; /* BHYT, BHTN or BHXH */
    tn_money principal, interest;
    const char *as_of;  /* the cut-over day, YYYY-MM-DD */
    const char *source; /* the document it comes from */
    const char *known_at;
};

/* Calls row for each opening balance of unit as known at as_of (NULL: everything known), by
 * period and fund. Errors: what row returns, TN_ERR_STORE. */
tn_err tn_store_opening_balances(struct tn_store *s, const char *unit, const char *as_of,
                                 tn_err (*row)(void *ctx, const struct tn_opening_row *r),
                                 void *ctx);

void tn_explain_init(struct tn_explain *e);
void tn_explain_release(struct tn_explain *e);

/* Fills e with the unit's balance of period as known at as_of and every line behind it.
 * Errors: TN_ERR_NOT_FOUND if the unit has no closed balance for that period at that time,
 * TN_ERR_STORE. */
tn_err tn_store_explain(struct tn_store *s, const char *office, const char *unit_code,
                        tn_period period, const char *as_of, struct tn_explain *e);

#endif
