/*
 * assess.h - the contributions of one worker for one month (rules.md §2-§4).
 *
 * base = declared salary, capped per group (BHXH, TNLĐ and BHYT at 20 x base salary, BHTN at
 * 20 x the unit's regional minimum wage; caps are policy). Each component = base x rate,
 * rounded half-up to the đồng, then summed. A salary below the regional minimum is assessed as
 * declared and flagged (an under-declaration finding), never raised.
 */
#ifndef THUNO_ASSESS_H
#define THUNO_ASSESS_H

#include "thuno/money.h"
#include "thuno/period.h"
#include "thuno/policy.h"

struct tn_close_decl; /* close_unit.h */

struct tn_assessment {
    tn_money salary;                /* as declared */
    tn_money base_si;               /* base for BHXH, TNLĐ, BHYT: salary capped */
    tn_money base_ui;               /* base for BHTN: salary capped */
    tn_money floor;                 /* the region's minimum wage in the period */
    int below_floor;                /* salary < floor: an under-declaration finding */
    const char *floor_law;          /* its citation, the law of the period's era; NULL if none */
    unsigned funds;                 /* enum tn_fund_flag bits the worker pays into */
    tn_ppm rate[TN_C_COUNT];        /* 0 for a fund the worker does not pay into */
    const char *source[TN_C_COUNT]; /* borrowed from the policy; NULL when not paid */
    tn_money amount[TN_C_COUNT];
    tn_money group_total[TN_G_COUNT]; /* amounts summed per allocation group */
    tn_money total;
};

/* Assesses a worker whose declared salary is salary, paying into funds (TN_FUND_* bits), at
 * a unit with facts unit, for period p. Errors: TN_ERR_RANGE for a negative salary or a
 * wage region outside 1..4, TN_ERR_NO_POLICY when a rate, cap or minimum wage is missing
 * for p (the period is outside the policy data). */
tn_err tn_assess_worker(const struct tn_policy *pol, const struct tn_unit_facts *unit, tn_period p,
                        tn_money salary, unsigned funds, struct tn_assessment *out);

/* The assessment of a whole unit (facts unit) for period p from its declaration rows
 * decls[0..n) (close_unit.h; sorted by worker, then from): for each worker the row in force,
 * the last with from <= p (none, or a decrease, assesses nothing), assessed by
 * tn_assess_worker and summed per component into amount (overwritten); *workers gets how many
 * were assessed. Every row counts whenever it was filed: this is the period as the rows known
 * now put it (the close recognises a back-dated row in the month it was filed, as an
 * adjustment: close_unit.h). Used by the what-if (docs/whatif.md). Errors: those of
 * tn_assess_worker; TN_ERR_OVERFLOW when a sum leaves int64_t. */
tn_err tn_assess_unit(const struct tn_policy *pol, const struct tn_unit_facts *unit, tn_period p,
                      const struct tn_close_decl *decls, size_t n, tn_money amount[TN_C_COUNT],
                      long long *workers);

#endif
