/*
 * allocation.h - dividing what the ledger's allocation leaves unpaid of one period's charge in
 * one fund group over the lines that make up that charge: the per-worker debt of the special
 * and cooperative lists (docs/lists.md "Per-worker debt").
 *
 * There is one allocation: the ledger's (ledger.h: periods oldest first, inside a period the
 * groups in policy/allocation.csv's order, a negative charge made credit that pays the oldest
 * period). The close records what it leaves unpaid per charge period and group (ledger.h
 * out_principal); this module only spreads the paid part of one (period, group) over its
 * lines, in the lines' order.
 */
#ifndef THUNO_ALLOCATION_H
#define THUNO_ALLOCATION_H

#include "thuno/money.h"

/* Covers one line of a (period, group) whose paid part is *covered, lines taken in their
 * order: a positive amount takes what is left of *covered, up to the amount; a negative one
 * (a decrease) takes nothing. Returns the line's unpaid part and lowers *covered by what it
 * took. */
tn_money tn_allocation_cover_line(tn_money amount, tn_money *covered);

#endif
