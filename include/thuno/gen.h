/*
 * gen.h - a deterministic synthetic province: the CSV files of data-formats.md for a given
 * number of units, workers and months (docs/gen.md gives every distribution).
 *
 * Invariants: the same parameters give byte-identical files; the debt cases (case_events.csv,
 * case_plans.csv, payments with case_id) are histories the case state machine accepts, for
 * units that owe in the generated ledger; memory is O(largest unit x months), so national
 * sizes stream; on-time payers pay exactly what thuno assesses (tn_assess_worker), so every
 * debt in the data is one the generator meant.
 */
#ifndef THUNO_GEN_H
#define THUNO_GEN_H

#include <stdint.h>

#include "thuno/period.h"
#include "thuno/policy.h"

struct tn_gen_params {
    long units;
    long workers;  /* target total; actual is within a few percent */
    int months;    /* window length, ending at end */
    tn_period end; /* last month of the window */
    uint64_t seed;
    const char *province; /* 2-digit province code, e.g. "79" */
};

struct tn_gen_stats {
    long officers, units, workers, declarations, payments, registry;
    long cases, case_events, case_plans; /* payments include the cases' recoveries */
};

/* Writes officers.csv, units.csv, workers.csv, declarations.csv, payments.csv, registry.csv,
 * case_events.csv and case_plans.csv into dir (created if missing). progress (may be NULL) gets
 * units done and the total. Errors: TN_ERR_RANGE for bad parameters, TN_ERR_NO_POLICY when the
 * policy does not cover a month of the window, TN_ERR_IO; msg says which. */
tn_err tn_gen_province(const struct tn_policy *pol, const struct tn_gen_params *p, const char *dir,
                       struct tn_gen_stats *stats,
                       void (*progress)(void *ctx, long long done, long long total), void *ctx,
                       char *msg, size_t msgsz);

#endif
