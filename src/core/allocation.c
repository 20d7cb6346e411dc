/*
 * allocation.c - the paid part of one period's charge in one fund group spread over its lines
 * (allocation.h, docs/lists.md "Per-worker debt"); what is paid is the ledger's allocation
 * (ledger.c, policy/allocation.csv), recorded by the close.
 */
#include "thuno/allocation.h"

tn_money tn_allocation_cover_line(tn_money amount, tn_money *covered)
{
    tn_money take = amount > 0 && *covered > 0 ? (*covered < amount ? *covered : amount) : 0;
    *covered -= take;
    return amount - take;
}
