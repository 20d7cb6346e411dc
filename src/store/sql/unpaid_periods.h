/*
 * unpaid_periods.h - a unit's charge periods as the ledger's close left them unpaid
 * (unpaid_line, docs/ledger.md step 3), for the Art 216 count, the fine base and the case
 * documents' group split: one source with the lists' per-worker debt.
 */
#ifndef THUNO_STORE_UNPAID_PERIODS_H
#define THUNO_STORE_UNPAID_PERIODS_H

#include "store_int.h"

#include "thuno/art216.h"

/* The periods read, oldest first; owned, freed by tn__unpaid_set_release. */
struct tn__unpaid_set {
    struct tn_art216_period *p;
    size_t n, cap;
};

/* Reads into set (emptied first) what the close close_id of unit (its period per,
 * 'YYYY-MM') left unpaid per charge period and group, opening balances' periods included;
 * each period's back-dated increases (the positive part, per group, of the adjustment lines
 * each later close recognised for it) and its workers, from the closes of the unit up to
 * per as known at as_of. Nothing when due <= 0 (credit has paid every charge).
 * Errors: TN_ERR_STATE when the lines do not add up to due (a close recorded before
 * unpaid_line existed: close the period again); TN_ERR_STORE. */
tn_err tn__sq_unpaid_periods(struct tn__sq *s, const char *unit, int64_t close_id, tn_money due,
                             const char *per, const char *as_of, struct tn__unpaid_set *set);

/* Frees set's periods; set is empty after. */
void tn__unpaid_set_release(struct tn__unpaid_set *set);

#endif
