/*
 * assess_store.h - the rows a unit's assessment is computed from, read once for a window of
 * months (the what-if, docs/whatif.md): each unit's facts, office and type with its current
 * declaration rows. A read: nothing is written, so it runs on a store opened read-only.
 *
 * Invariants: rows are those known now (every current version, as the close reads them); the
 * office, right after the store, is the call's office cut (office.h: NULL or "" for every
 * unit).
 */
#ifndef THUNO_ASSESS_STORE_H
#define THUNO_ASSESS_STORE_H

#include <stddef.h>

#include "thuno/close_unit.h"
#include "thuno/err.h"
#include "thuno/period.h"
#include "thuno/policy.h"

struct tn_store;

/* One unit with what its assessment needs. Everything is borrowed for the row call. */
struct tn_assess_unit {
    const char *code;
    const char *office; /* the unit's office_code, "" for the province office's own */
    const char *type;   /* units.csv `type`, as facts.type parses it */
    struct tn_unit_facts facts;
    const struct tn_close_decl *decls; /* sorted by worker, then from; from <= the last period */
    size_t ndecls;
};

/* Calls row() for every unit of office's cut registered by the last day of period last, in
 * unit_code order, with its declaration rows of periods up to last (struct tn_close_decl:
 * worker, from, decrease, salary, funds, declared_on, known_at). Stops at the first error
 * row() returns and returns it. Errors: TN_ERR_PARSE for a unit type policy.h does not know
 * (tn_store_errmsg names the unit), TN_ERR_STORE. */
tn_err tn_store_assess_units(struct tn_store *s, const char *office, tn_period last,
                             tn_err (*row)(void *ctx, const struct tn_assess_unit *u), void *ctx);

#endif
