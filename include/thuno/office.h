/*
 * office.h - the province office and its district offices (issue 4 item 12; docs/offices.md).
 *
 * Every unit is managed by one office: units.csv office_code, empty meaning the province
 * office (data-formats.md). The province office's code is the province code itself ("79")
 * or the province code followed by "000" ("79000", the numbering `thuno gen` uses:
 * "79001".. are district offices). A district office sees its own units; the province office
 * sees every unit.
 *
 * The cut is an argument of each call, never state on the store handle (issue 11 item 6): every
 * store function that reads through it (balances, findings, suspense, crossings, KPIs, debtors,
 * award eligibility, non-participants, explain, lists, letters, inspections, operations,
 * books, cases and their registers) takes `const char *office` right after the store: NULL
 * (or "") for every unit, else a district office's code as tn_store_office_known() resolved
 * it, and reads only the units of that office, each unit's office as known at the query's
 * as-of time. Two calls on one handle with different offices each see their own units, in
 * whatever order they come. Rows that have no unit (payments of an unknown payer, enterprises
 * of the register that never registered) belong to the province office alone.
 */
#ifndef THUNO_OFFICE_H
#define THUNO_OFFICE_H

#include "thuno/err.h"

struct tn_store;

#define TN_OFFICE_BUFSZ 32

/* Checks office, a code given by a user, against s, leaving nothing behind: *province (may be
 * NULL) is set to 1 when office is the province office (or NULL or ""), whose cut is NULL
 * (every unit), and 0 for a district office, whose cut is office itself. Errors:
 * TN_ERR_NOT_FOUND when office is neither the province office nor the office_code of any unit
 * or officer ever imported, TN_ERR_RANGE when it is longer than TN_OFFICE_BUFSZ - 1,
 * TN_ERR_STORE. */
tn_err tn_store_office_known(struct tn_store *s, const char *office, int *province);

/* Writes into out the office of unit as known at as_of (NULL: now): its office_code, ""
 * for the province office. Errors: TN_ERR_NOT_FOUND when the unit is unknown then,
 * TN_ERR_STORE. */
tn_err tn_store_unit_office(struct tn_store *s, const char *unit, const char *as_of,
                            char out[static TN_OFFICE_BUFSZ]);

#endif
