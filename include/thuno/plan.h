/*
 * plan.h - repayment plans (lộ trình trả nợ) agreed at mediation or administratively, and the
 * default rule of seed 000 / rules.md §10: a missed instalment makes the whole remainder due
 * and enforceable.
 *
 * The rule, stated once: instalment i is met when the payments made on or before its due day
 * add up to at least the sum of instalments 1..i (an early or larger payment counts towards
 * the later ones). The first instalment not met is missed; the miss is detected on the day
 * after its due day, and from then the remainder (the plan's total less everything paid up to
 * the day asked about) is due at once.
 */
#ifndef THUNO_PLAN_H
#define THUNO_PLAN_H

#include <stddef.h>

#include "thuno/err.h"
#include "thuno/money.h"
#include "thuno/period.h"

struct tn_instalment {
    tn_day due;
    tn_money amount;
};

struct tn_plan_payment {
    tn_day paid_on;
    tn_money amount;
};

/* A plan as of a day. */
struct tn_plan_status {
    tn_money total;     /* sum of the instalments */
    tn_money paid;      /* payments up to the day asked about */
    tn_money remainder; /* total - paid, never below 0 */
    size_t met;         /* instalments met so far (their due day has passed, or paid ahead) */
    int defaulted;      /* 1 when an instalment was missed and the miss is detected; stays
                           1 if the remainder is paid later (see complete) */
    size_t missed;      /* index of the missed instalment (defaulted only) */
    tn_day detected_on; /* the day after its due day (defaulted only) */
    tn_money short_by;  /* how much was missing on its due day (defaulted only) */
    size_t next;        /* index of the next instalment not yet due; n when none */
    int complete;       /* 1 when everything is paid */
};

/* Computes the plan's status on day as_of from its n instalments (due days strictly
 * increasing, amounts > 0) and np payments (any order; those after as_of are ignored).
 * Errors: TN_ERR_RANGE when the instalments are empty, out of order or not positive, or a
 * payment is not positive; TN_ERR_OVERFLOW when a sum overflows. */
tn_err tn_plan_status(const struct tn_instalment *inst, size_t n, const struct tn_plan_payment *pay,
                      size_t np, tn_day as_of, struct tn_plan_status *out);

/* The status's name on the cases report: "complete", "defaulted" or "on_track" (a completed
 * plan is "complete" even if an instalment was missed before). Static. */
const char *tn_plan_status_name(const struct tn_plan_status *st);

#endif
