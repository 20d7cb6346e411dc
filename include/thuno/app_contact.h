/*
 * app_contact.h - the officers' contacts with employers in the application layer
 * (docs/operations.md "Contacts"): recording a call, visit, letter or meeting with a unit, and
 * reading them. A section of app.h kept in its own file; the faces include thuno/app.h.
 *
 * Who may record is the table of operation x role (TN_OP_contact_record, app_user.h), asked by
 * the faces; which units a scope may record for and read is tn_app_unit_visible's answer (an
 * officer: the units it is in charge of today; a district user: its office's).
 */
#ifndef THUNO_APP_CONTACT_H
#define THUNO_APP_CONTACT_H

#include "thuno/app.h"
#include "thuno/contact_store.h"

/* A contact to record. Strings borrowed for the call. */
struct tn_contact_request {
    const char *unit;    /* the unit contacted */
    const char *kind;    /* a name of TN_CONTACT_KINDS: call, visit, letter, meeting */
    tn_day day;          /* the day of the contact; -1: the day of app->now */
    const char *officer; /* who made it; NULL: the scope's officer, else the unit's in charge */
    const char *outcome; /* may be NULL; under TN_CONTACT_OUTCOME_SZ bytes */
    const char *note;    /* may be NULL; under TN_CONTACT_NOTE_SZ bytes */
    const char *actor;   /* the user recording it (required) */
};

/* Records req known at app->now into the store and, when out is not NULL, the row as stored
 * into *out. The unit must be one scope sees (an officer records only for its own units and
 * under its own code). Errors: TN_ERR_USAGE (a kind not known, no actor, an outcome or note too
 * long, no officer given and none in charge; why says which), TN_ERR_RANGE (a day after
 * today), TN_ERR_FORBIDDEN (an officer naming another officer), TN_ERR_NOT_FOUND (the unit
 * unknown or not seen), TN_ERR_STORE. */
tn_err tn_app_contact_record(struct tn_app *app, const struct tn_scope *scope,
                             const struct tn_contact_request *req, struct tn_contact_row *out);

/* The columns of tn_app_contacts (static): seq, unit_code, day, officer, kind, outcome, note,
 * recorded_by, recorded_at, officer_name (the officer's full name as known at app->now, ""
 * when the officer table has none). */
const struct tn_col *tn_app_contact_cols(size_t *ncols);

/* r as one row of tn_app_contact_cols into out, its officer named from the officer table.
 * Errors: TN_ERR_STORE, or out's. */
tn_err tn_app_contact_put(struct tn_app *app, const struct tn_contact_row *r,
                          const struct tn_sink *out);

/* One row of tn_app_contact_cols per contact into out: of unit (it must be one scope sees),
 * or with unit NULL of every unit scope sees (an officer's: those it is in charge of on the
 * day of as_of or now), recorded by as_of (NULL: now; normalized, tn_report_as_of), by unit,
 * the latest first; with latest, only the latest of each unit. Errors: TN_ERR_NOT_FOUND (unit
 * unknown or not seen), TN_ERR_STORE, or out's error. */
tn_err tn_app_contacts(struct tn_app *app, const struct tn_scope *scope, const char *unit,
                       int latest, const char *as_of, const struct tn_sink *out);

#endif
