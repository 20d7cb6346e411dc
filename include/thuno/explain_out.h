/*
 * explain_out.h - printing everything behind a unit's balance: per worker, fund, share, rate,
 * base and rounding; interest with principal, days, rate and source rule; allocations; the
 * arithmetic of the closing balance. Text is Vietnamese first with the English beside it.
 * Implemented in src/io/explain_out.c; public, as every face writes what tn_app_explain gives.
 */
#ifndef THUNO_EXPLAIN_OUT_H
#define THUNO_EXPLAIN_OUT_H

#include <stdio.h>

#include "thuno/report.h"

/* Writes e as text to f. Errors: TN_ERR_IO. */
tn_err tn_explain_write_text(FILE *f, const struct tn_explain *e);

/* Writes e as one JSON object to f. Errors: TN_ERR_IO. */
tn_err tn_explain_write_json(FILE *f, const struct tn_explain *e);

#endif
