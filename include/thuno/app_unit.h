/*
 * app_unit.h - what a unit's page reads beside its balance, in the application layer (docs/api.md
 * "A unit's workers and payments"): its workers' declarations and its payments with their
 * allocation, as rows of typed columns. A section of app.h kept in its own file; the faces
 * include thuno/app.h. The unit must be one the scope sees (tn_app_unit_visible).
 */
#ifndef THUNO_APP_UNIT_H
#define THUNO_APP_UNIT_H

#include "thuno/app.h"

/* The columns of tn_app_unit_workers (static): bhxh_code, full_name, from_period, kind,
 * salary, funds ("BHXH,BHYT,BHTN,TNLD" of the declared funds), declared_on, reason, known_at. */
const struct tn_col *tn_app_unit_worker_cols(size_t *ncols);

/* One row of tn_app_unit_worker_cols per declaration of unit as known at as_of (NULL: now), by
 * worker and month. Errors: TN_ERR_NOT_FOUND (unit unknown or not seen), TN_ERR_STORE, or
 * out's error. */
tn_err tn_app_unit_workers(struct tn_app *app, const struct tn_scope *scope, const char *unit,
                           const char *as_of, const struct tn_sink *out);

/* The columns of tn_app_unit_payments (static): txn_id, paid_on, amount, channel, memo,
 * bhxh_code, case_id, reverses, allocated, allocation. */
const struct tn_col *tn_app_unit_payment_cols(size_t *ncols);

/* One row of tn_app_unit_payment_cols per payment of unit as known at as_of (NULL: now), by day
 * paid, with what the closes known then allocated of it. Errors: as tn_app_unit_workers. */
tn_err tn_app_unit_payments(struct tn_app *app, const struct tn_scope *scope, const char *unit,
                            const char *as_of, const struct tn_sink *out);

/* The columns of tn_app_officers (static): officer_code, officer_name, office_code. */
const struct tn_col *tn_app_officer_cols(size_t *ncols);

/* One row of tn_app_officer_cols per officer in charge, at period's end, of a unit with a
 * balance of period under scope's office (an officer: itself only), names (officers.csv
 * full_name) as known at as_of (NULL: now), by code: what a face shows beside an officer's
 * code (docs/web.md "Officers by name"). Nothing when period < 0. Errors: TN_ERR_NOT_FOUND
 * (scope's office), TN_ERR_STORE, or out's error. */
tn_err tn_app_officers(struct tn_app *app, const struct tn_scope *scope, tn_period period,
                       const char *as_of, const struct tn_sink *out);

/* The full name of u's officer in charge (u->officer_code) as officers.csv gave it, known at
 * as_of, into out ("" when u has no officer, none is known or period < 0: a face then shows
 * the code alone). Errors: TN_ERR_STORE. */
tn_err tn_app_unit_officer_name(struct tn_app *app, const struct tn_unit_entry *u, tn_period period,
                                const char *as_of, char out[TN_NAME_BUFSZ]);

#endif
