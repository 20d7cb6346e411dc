/*
 * sanction.h - the administrative fine for late payment (Decree 12/2022 Art 39, Art 6) and the
 * criminal-referral check of Criminal Code Art 216 (rules.md §9). thuno proposes; an
 * inspector decides the fine and a lawyer the referral.
 *
 * Both take their figures from effective-dated rules (policy/sanctions.csv,
 * policy/criminal.csv) chosen by the day of the violation; a day before the first rule is
 * TN_ERR_NO_POLICY, never a guess.
 */
#ifndef THUNO_SANCTION_H
#define THUNO_SANCTION_H

#include <stddef.h>

#include "thuno/err.h"
#include "thuno/money.h"
#include "thuno/period.h"

/* What a fine punishes (sanctions.csv `violation`): late payment (chậm đóng) or evasion
 * (trốn đóng). An evading unit is fined under the evasion clause, never the late one. */
enum tn_fine_violation { TN_FINE_LATE, TN_FINE_EVASION };

/* Which contributions are the base (sanctions.csv `base`): BHXH + BHTN (Decree 12/2022 Art 39)
 * or BHYT alone (Decree 117/2020 Art 80, its own decree). */
enum tn_fine_base { TN_FINE_BASE_BHXH_BHTN, TN_FINE_BASE_BHYT };

/* Fine: min..max share of the base payable, each capped, for an individual; an organisation
 * pays multiplier times as much (Decree 12/2022 Art 6; Decree 117/2020 Art 5). One list per
 * (violation, base), each effective-dated. */
struct tn_fine_rule {
    tn_day from;
    enum tn_fine_violation violation;
    enum tn_fine_base base;
    tn_ppm min_rate, max_rate;
    tn_money cap;   /* individual's maximum */
    int multiplier; /* organisations */
    const char *source;
};

struct tn_fine {
    tn_money payable;  /* the base: BHXH + BHTN payable at the time of the violation */
    tn_money min, max; /* the range the decision maker chooses in */
    tn_money proposed; /* thuno's proposal: the middle of the range, rounded down */
    int capped;        /* 1 when the cap cut the range */
    const struct tn_fine_rule *rule;
};

/* Computes the fine range of the late-payment rule on BHXH + BHTN for payable (>= 0) on day
 * (tn_sanction_fine_of with TN_FINE_LATE, TN_FINE_BASE_BHXH_BHTN). */
tn_err tn_sanction_fine(const struct tn_fine_rule *rules, size_t n, tn_day day, tn_money payable,
                        int organisation, struct tn_fine *out);

/* Computes the fine range for payable (>= 0) on day under the rule of violation v on base b in
 * force that day (the latest of that list with from <= day). Rounding (stated once, LAW: the
 * decrees fix percentages, not roundings): for an individual min = min(payable x min_rate,
 * cap) and max = min(payable x max_rate, cap), each product rounded half-up to the whole đồng
 * (tn_money_mul_ppm); an organisation (organisation != 0) pays multiplier x the individual's
 * rounded amounts (Decree 12/2022 Art 6.1: "bằng 02 lần"), so its range is always a multiple
 * of the multiplier; the proposal is the middle of the range rounded down. Errors:
 * TN_ERR_NO_POLICY when that list has no rule in force on day, TN_ERR_RANGE for a negative
 * payable, TN_ERR_OVERFLOW. */
tn_err tn_sanction_fine_of(const struct tn_fine_rule *rules, size_t n, enum tn_fine_violation v,
                           enum tn_fine_base b, tn_day day, tn_money payable, int organisation,
                           struct tn_fine *out);

/* "late", "evasion"; "BHXH+BHTN", "BHYT". */
const char *tn_fine_violation_name(enum tn_fine_violation v);
const char *tn_fine_base_name(enum tn_fine_base b);

/* One clause of Art 216: reached at min_amount evaded or at min_workers not covered. */
struct tn_criminal_rule {
    tn_day from;
    int clause;          /* 1, 2, 3 */
    tn_money min_amount; /* the clause applies from this amount ... */
    long min_workers;    /* ... or from this many workers */
    int min_months;      /* months of evasion needed (6) */
    tn_day acts_from;    /* acts before this day are not prosecuted (NQ 05/2019) */
    const char *source;
};

/* Why a unit is or is not a referral candidate. */
enum tn_art216_reason {
    TN_ART216_CANDIDATE, /* clause > 0 */
    TN_ART216_NOT_FINED, /* no administrative fine for the act yet */
    TN_ART216_TOO_SHORT, /* fewer months of evasion than the rule needs */
    TN_ART216_BELOW,     /* amount and workers both under clause 1 */
};

struct tn_art216 {
    int clause; /* 0 when not a candidate */
    enum tn_art216_reason reason;
    const struct tn_criminal_rule *rule; /* the clause reached (or clause 1 when below) */
};

/* The facts of the check, counted only over periods whose deadline is on or after the
 * rule's acts_from (the caller filters; see docs/cases.md). */
struct tn_art216_facts {
    tn_money evaded; /* contributions evaded */
    long workers;    /* workers whose contributions were evaded */
    int months;      /* months of evasion, cumulated from the deadlines */
    int fined;       /* 1 when an administrative fine was decided for the act */
};

/* Checks f against the rules in force on day (the highest clause whose amount or worker
 * threshold is reached). Errors: TN_ERR_NO_POLICY when no rule is in force on day. */
tn_err tn_sanction_art216(const struct tn_criminal_rule *rules, size_t n, tn_day day,
                          const struct tn_art216_facts *f, struct tn_art216 *out);

/* Returns the reason's name ("candidate", "not_fined", "too_short", "below_threshold"). */
const char *tn_art216_reason_name(enum tn_art216_reason r);

#endif
