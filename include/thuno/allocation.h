/*
 * allocation.h - which of a unit's charges its payments have covered, read back from a
 * balance: the per-worker debt of the special and cooperative lists (docs/lists.md
 * "Per-worker debt"). The ledger allocates each payment when it is made (ledger.h:
 * periods oldest first, inside a period the groups in policy/allocation.csv's order); what
 * is read back here is the period-level part of that order, from the charges and the
 * principal due alone.
 *
 * Invariant: of the charges of every period up to P (oldest first), the first
 * total - principal_due đồng are paid; from the first period not wholly paid on, every
 * period is unpaid in full, a negative one (a back-dated decrease) too: it is not a payment
 * that covers the periods after it. (The ledger instead turns a negative charge into credit
 * that pays the oldest period; see docs/lists.md.)
 */
#ifndef THUNO_ALLOCATION_H
#define THUNO_ALLOCATION_H

#include <stddef.h>

#include "thuno/money.h"

/* Of n periods' charges (oldest first) with principal due at the end, sets *first to the
 * index of the first period not wholly paid (n when every one is, or due <= 0) and *covered
 * to what of its charge is paid (0 when *first is n). */
void tn_allocation_frontier(const tn_money *charge, size_t n, tn_money due, size_t *first,
                            tn_money *covered);

/* Covers one line of the period at the frontier, lines taken in their order: a positive
 * amount takes what is left of *covered, up to the amount. Returns the line's unpaid part
 * and lowers *covered by what it took. */
tn_money tn_allocation_cover_line(tn_money amount, tn_money *covered);

#endif
