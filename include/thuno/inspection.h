/*
 * inspection.h - the pure rules of inspection follow-up and of the lists sent to other
 * agencies (docs/inspections.md): how money received after an inspection's conclusion
 * recovers what it found, its status against the deadline to remedy, which units are
 * referred to the labour inspectorate, and which count as refusing to pay in the People's
 * Committee report. Thresholds are effective-dated data (policy/inspections.csv).
 *
 * Invariants: 0 <= recovered <= found for every claim; money never counts twice (a payment
 * recovers at most its amount, spread over the unit's open conclusions, oldest first).
 */
#ifndef THUNO_INSPECTION_H
#define THUNO_INSPECTION_H

#include <stddef.h>

#include "thuno/err.h"
#include "thuno/money.h"
#include "thuno/period.h"

/* One conclusion of a unit, as far as recovery goes. */
struct tn_inspection_claim {
    tn_day concluded_on;
    tn_money found;     /* amount_underdeclared + amount_unpaid: what the unit must pay */
    tn_money recovered; /* out: what the payments after the conclusion recovered */
};

/* One payment of the unit (reversed payments and reversals left out by the caller). */
struct tn_inspection_payment {
    tn_day paid_on;
    tn_money amount;
};

/* Spreads the payments over the claims: each payment, in date order, goes to the claims
 * concluded strictly before its day, oldest conclusion first, each up to what it still lacks;
 * what is left of a payment recovers nothing (it pays the unit's other debt). claims must be
 * in concluded_on order, payments in paid_on order. Sets every claim's recovered.
 * Errors: TN_ERR_RANGE if a found amount is negative, a payment amount is not positive, or
 * either list is out of order (claims untouched then). */
tn_err tn_inspection_recover(struct tn_inspection_claim *claims, size_t n,
                             const struct tn_inspection_payment *pays, size_t npays);

enum tn_inspection_status {
    TN_INSP_OPEN,      /* something remains and the deadline has not passed */
    TN_INSP_RECOVERED, /* nothing remains */
    TN_INSP_OVERDUE    /* something remains after the deadline to remedy */
};

/* The status of a conclusion on day today, with *days_past the days since remedy_by when
 * overdue (else 0). */
enum tn_inspection_status tn_inspection_status(tn_money remaining, tn_day remedy_by, tn_day today,
                                               long *days_past);

/* "open", "recovered", "overdue"; static storage. */
const char *tn_inspection_status_name(enum tn_inspection_status st);

/* The thresholds in force from a day (policy/inspections.csv). */
struct tn_inspection_rule {
    tn_day from;
    int referral_months_tenths; /* refer a unit owing this many months or more */
    long referral_worker_gap;   /* ... or reporting this many more workers than it declares */
    long referral_findings;     /* ... or with this many bases below the minimum wage */
    int chair_months_tenths;    /* invite the union chair of a unit owing this many months */
    int refuse_months_tenths;   /* "refuses to pay": owes this many months ... */
    long refuse_reminders;      /* ... despite this many reminders (or evades) */
    const char *source;
};

/* Sets *out to the entry in force on day (the last with from <= day; entries sorted by from).
 * Errors: TN_ERR_NO_POLICY if day is before the first entry or n is 0. */
tn_err tn_inspection_rule_at(const struct tn_inspection_rule *entries, size_t n, tn_day day,
                             const struct tn_inspection_rule **out);

struct tn_policy;
/* The thresholds of the policy (policy.h, inspections.csv) in force on day d; defined with
 * the other lookups in policy.c, declared here for files that see the inspections but not
 * policy.h. Errors: TN_ERR_NO_POLICY. */
tn_err tn_policy_inspection_rule(const struct tn_policy *pol, tn_day d,
                                 const struct tn_inspection_rule **out);

/* What is known of a unit when deciding a referral to the labour inspectorate. */
struct tn_referral_facts {
    int months_owed_tenths;
    int evading;             /* legal status evading (rules.md §6) */
    long declared, reported; /* workers assessed / reported in registry.csv; reported < 0: none */
    long findings;           /* bases below the regional minimum wage in the period */
    long inspections_overdue;
};

/* Reasons for a referral, a bit each. */
enum {
    TN_REFER_EVADING = 1,
    TN_REFER_MONTHS_OWED = 2,
    TN_REFER_UNDER_DECLARED = 4,
    TN_REFER_BELOW_MIN_WAGE = 8,
    TN_REFER_INSPECTION_OVERDUE = 16
};

/* The TN_REFER_* reasons that apply to f under rule r; 0: not referred. */
unsigned tn_inspection_referral(const struct tn_inspection_rule *r,
                                const struct tn_referral_facts *f);

/* Writes the names of reasons ("evading;months_owed;...") into buf (at least 96 bytes). */
void tn_inspection_referral_names(unsigned reasons, char *buf, size_t bufsz);

/* Why a unit counts as refusing to pay (seed 001: "đơn vị chây ỳ"): "evading", or
 * "owes_despite_reminders" when it owes refuse_months or more after refuse_reminders
 * reminders; NULL when it does not. Static storage. */
const char *tn_inspection_refuses(const struct tn_inspection_rule *r, int months_owed_tenths,
                                  int evading, long reminders);

/* Returns 1 when a unit that declares `declared` workers while the enterprise register
 * reports `reported` is under-declared (seed 003; policy/non_participant.csv): reported -
 * declared >= min_gap and reported >= declared x min_ratio_percent / 100, compared exactly
 * (reported x 100 >= declared x min_ratio_percent: no rounding). */
int tn_inspection_under_declared(long long reported, long long declared, int min_gap,
                                 int min_ratio_percent);

#endif
