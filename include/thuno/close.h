/*
 * close.h - the monthly close: assess every unit's workers, recognise back-dated changes,
 * replay each unit's account and record its balance (docs/ledger.md).
 *
 * Invariants: the ledger is append-only. A close of period M may run when no period is closed
 * (M becomes the ledger's first period), for the latest closed period again, or for the one
 * after it; never for an earlier one (changes to it are recognised in the current close, as
 * adjustments). A re-run writes a new unit_close row only for units whose result changed, so
 * running close twice on the same data writes nothing the second time, and as-of queries
 * before the re-run still see the old rows.
 */
#ifndef THUNO_CLOSE_H
#define THUNO_CLOSE_H

#include "thuno/err.h"
#include "thuno/period.h"

struct tn_store;
struct tn_policy;

struct tn_close_stats {
    long long units;            /* units closed */
    long long units_changed;    /* of them, with a new row */
    long long workers;          /* workers assessed in the period */
    long long lines;            /* assessment lines written */
    long long adjustments;      /* back-dated adjustment lines written */
    long long findings;         /* below-floor findings */
    long long interest_missing; /* interest items not computed for a missing k */
    long long resumed;          /* replayed from the state the last close carried */
};

/* Closes period for every unit, recording now ("YYYY-MM-DDTHH:MM:SS") as the time the
 * results became known. progress (may be NULL) is called with units done and total.
 * Errors: TN_ERR_STATE if the period may not be closed now (msg says which may),
 * TN_ERR_NO_POLICY if the policy does not cover a period or day the close needs (msg names
 * the unit and what is missing), TN_ERR_STORE; nothing is written on failure. */
tn_err tn_close_period(struct tn_store *s, const struct tn_policy *pol, tn_period period,
                       const char *now, struct tn_close_stats *stats,
                       void (*progress)(void *ctx, long long done, long long total), void *ctx,
                       char *msg, size_t msgsz);

/* The first and the last period ever closed (each close run, whatever its units), so that a
 * face can tell before a close starts which periods it may take: the last again, or the one
 * after it (tn_app_close_check). Errors: TN_ERR_NOT_FOUND (nothing closed yet; *first and
 * *last unchanged), TN_ERR_STORE. */
tn_err tn_store_closed_periods(struct tn_store *s, tn_period *first, tn_period *last);

#endif
