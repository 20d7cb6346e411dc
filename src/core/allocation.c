/*
 * allocation.c - which charges a unit's payments have covered, read back from a balance
 * (allocation.h, docs/lists.md "Per-worker debt"): oldest period first, as the ledger
 * allocates (policy/allocation.csv).
 */
#include "thuno/allocation.h"

void tn_allocation_frontier(const tn_money *charge, size_t n, tn_money due, size_t *first,
                            tn_money *covered)
{
    *first = n;
    *covered = 0;
    if (due <= 0)
        return;
    tn_money paid = -due;
    for (size_t i = 0; i < n; i++)
        paid += charge[i];
    /* LAW: payments go to the oldest period first (policy/allocation.csv) */
    for (size_t i = 0; i < n; i++) {
        if (charge[i] > paid) {
            *first = i;
            *covered = paid;
            return;
        }
        paid -= charge[i];
    }
}

tn_money tn_allocation_cover_line(tn_money amount, tn_money *covered)
{
    tn_money take = amount > 0 && *covered > 0 ? (*covered < amount ? *covered : amount) : 0;
    *covered -= take;
    return amount - take;
}
