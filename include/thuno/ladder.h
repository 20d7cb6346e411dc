/*
 * ladder.h - what comes next for a debtor: the next escalation step the office's ladder
 * proposes (policy/ladder.csv), and the deadline the case's latest step sets
 * (policy/case_deadlines.csv). docs/cases.md describes both.
 *
 * Invariants: pure functions of the policy and the facts given; a person confirms every
 * step (thuno records it as an event), thuno never acts alone.
 */
#ifndef THUNO_LADDER_H
#define THUNO_LADDER_H

#include <stddef.h>

#include "thuno/case.h"
#include "thuno/policy.h"
#include "thuno/sanction.h"

/* What the ladder looks at. */
struct tn_ladder_facts {
    const char *office; /* the unit's office code ("" none) */
    int months_owed_tenths;
    tn_money debt;                    /* principal and interest past their deadline */
    int legal;                        /* 0 current, 1 late, 2 evading */
    const struct tn_case_step *steps; /* the open case's events, in order (none: 0) */
    size_t nsteps;
    enum tn_case_state state; /* the open case's state (TN_CASE_ST_NEW when none) */
    tn_day today;
    const struct tn_art216 *art216; /* the referral check, NULL when not made */
};

struct tn_ladder_proposal {
    const struct tn_ladder_step *step;
    int ready;         /* 1: every condition holds; 0: see waiting */
    char waiting[160]; /* what is still missing, in English */
};

/* Proposes the first step of the office's ladder (its own steps if it has any, else those
 * of "*") not yet done in the case (done: the case has occurrence events of the step's
 * kind). Errors: TN_ERR_NOT_FOUND when nothing is proposed: the unit is current and owes less
 * than the first step needs, the ladder is done, or the case is past escalation (in court or
 * enforcement: its deadlines lead it then). */
tn_err tn_ladder_next(const struct tn_policy *pol, const struct tn_ladder_facts *f,
                      struct tn_ladder_proposal *out);

/* The deadline the case's events set: the latest event that has a rule, unless one of the
 * events it expects came after it. *due is -1 and *rule NULL when nothing is pending. */
void tn_ladder_deadline(const struct tn_policy *pol, const struct tn_case_step *steps, size_t n,
                        const struct tn_case_deadline **rule, tn_day *due);

/* day plus n working days (Monday to Friday; public holidays are not known to thuno). */
tn_day tn_ladder_add_working_days(tn_day day, int n);

#endif
