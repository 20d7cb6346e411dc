/*
 * gen_int.h - what the generator's files share: the PRNG (xoshiro256** seeded by
 * splitmix64) and the case generator called for each owing unit (gen_cases.c, docs/gen.md
 * "Cases"). Only src/gen/ includes this.
 */
#ifndef THUNO_GEN_INT_H
#define THUNO_GEN_INT_H

#include <stdint.h>
#include <stdio.h>

#include "thuno/money.h"
#include "thuno/period.h"

struct tn__rng {
    uint64_t s[4];
};

void tn__rng_seed(struct tn__rng *r, uint64_t x);
uint64_t tn__rng_next(struct tn__rng *r);
/* Uniform in [lo, hi]; lo when the range is empty (one draw either way). */
long tn__rng_range(struct tn__rng *r, long lo, long hi);
/* True with probability per_mille / 1000. */
int tn__rng_chance(struct tn__rng *r, int per_mille);

/* The case generator: its own PRNG stream (so that the ledger files do not depend on it), the
 * files it writes and its counters. */
struct tn__case_gen {
    struct tn__rng rng;
    FILE *events, *plans, *pays; /* pays is the generator's payments.csv */
    tn_period start;             /* the window's first month */
    int months;
    tn_day last; /* the window's last day: nothing is dated after it */
    long next_id, next_scenario;
    long cases, events_written, plans_written, payments;
};

/* How a unit of the generated ledger owes at the window's end. */
struct tn__owing {
    int chronic;         /* 1: stopped paying (chronic profile), 0: irregular payer behind */
    int from;            /* month index (0 = start) of the first month in the unpaid run */
    int district;        /* the unit's office number (0: the province office) */
    const tn_money *due; /* what the unit owes each month of the window */
};

/* Writes a case for unit when its debt gives one room (docs/gen.md "Cases"): its events,
 * plan and recovery payments. */
void tn__case_gen_unit(struct tn__case_gen *c, const char *unit, const struct tn__owing *o);

#endif
