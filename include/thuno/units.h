/*
 * units.h - the units of the registry as a list to browse (issue 12: GET /api/v1/units and
 * GET /api/v1/units/{code}; docs/api.md "Units"): each unit as known at as_of with its
 * officer in charge on a day and its balance of one period.
 *
 * Invariants: as_of is "YYYY-MM-DDTHH:MM:SS" (NULL: everything known); office, right after the
 * store, is the call's office cut (office.h: NULL or "" for every unit); the officer in charge
 * is the officer of the unit's latest assignment on or before day, else the registry's
 * officer_code. The store filters; searching text, collation, sorting and pages are the
 * application's (tn_app_units, app.h), so a backend needs no locale.
 */
#ifndef THUNO_UNITS_H
#define THUNO_UNITS_H

#include "thuno/err.h"
#include "thuno/money.h"
#include "thuno/period.h"
#include "thuno/text.h"

struct tn_store;

/* What tn_store_units() keeps: each NULL (or "") keeps every unit. */
struct tn_unit_filter {
    const char *unit_code;    /* this unit only */
    const char *officer;      /* the officer in charge on day */
    const char *type;         /* "private", "state", "cooperative", ... */
    const char *bucket;       /* of the period's balance ("0", "1-3", ..., "12+") */
    const char *legal_status; /* of the period's balance ("current", "late", "evading", ...) */
};

/* A unit as known at as_of, its officer in charge and its balance of the period asked for. */
struct tn_unit_entry {
    char unit_code[32];
    char name[TN_NAME_BUFSZ];
    char tax_code[24];
    char address[TN_NAME_BUFSZ];
    char type[16], status[16], status_since[TN_DAY_BUFSZ];
    char office_code[32];
    char officer_code[32]; /* in charge on day ("" when none) */
    int has_balance;       /* 0: no balance of the period (the figures below are 0, texts "") */
    tn_money closing, principal_due, interest_due;
    /* debt: principal and interest past their deadline; not_due: assessed, not yet due;
     * debt + not_due = closing (tn_aging_debt, docs/ledger.md "Debt") */
    tn_money debt, not_due;
    int months_owed_tenths; /* -1: not defined */
    char bucket[8];
    char legal_status[12];
    tn_period oldest_unpaid; /* -1: nothing unpaid */
};

/* Calls row() for every unit known at as_of of office's cut that f keeps (a bucket or legal
 * status filter keeps only units with a balance of period), in unit_code order; the officer
 * in charge is that of day ("YYYY-MM-DD"). Stops at the first error row() returns and returns
 * it. Errors: TN_ERR_STORE. */
tn_err tn_store_units(struct tn_store *s, const char *office, tn_period period, const char *as_of,
                      const char *day, const struct tn_unit_filter *f,
                      tn_err (*row)(void *ctx, const struct tn_unit_entry *u), void *ctx);

#endif
