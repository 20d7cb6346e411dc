/*
 * operations_store.h - collection operations in the store (docs/operations.md): officer
 * assignment history, the per-officer worklist and the collection-plan figures.
 *
 * The officer in charge of a unit on day D, as known at K, is the officer of the unit's
 * assignment (current version at K) with the latest from_date <= D. A report of a period
 * attributes it to the officer in charge on the period's last day. A unit without any
 * assignment falls back to its units.csv officer_code.
 *
 * as_of is "YYYY-MM-DDTHH:MM:SS" or NULL (everything known); dates are "YYYY-MM-DD". office,
 * where a read takes it, is that call's office cut (office.h; NULL: every unit), and officer
 * the worklist's officer cut, arguments both, never state of the store.
 */
#ifndef THUNO_OPERATIONS_STORE_H
#define THUNO_OPERATIONS_STORE_H

#include "thuno/money.h"
#include "thuno/operations.h"
#include "thuno/period.h"
#include "thuno/text.h"

struct tn_store;

/* The facts tn_assign_check() needs for assigning unit to officer from day from, as stored
 * now (current versions). latest_officer receives the latest assignment's officer and
 * f->latest_officer points to it; f->officer is officer (borrowed). Errors: TN_ERR_STORE. */
tn_err tn_store_assign_facts(struct tn_store *s, const char *unit, const char *officer, tn_day from,
                             struct tn_assign_facts *f, char latest_officer[32]);

/* An officer as officers.csv gave it (as known at some time). */
struct tn_officer_row {
    char code[32];
    char name[TN_NAME_BUFSZ];
    char department[16];
    char office_code[32]; /* "" none */
    int active;
};

/* Every officer as known at as_of (NULL: everything known), by code: a reference table of a few
 * hundred rows, read whole (the names the faces show beside codes). Errors: TN_ERR_STORE or
 * row's. */
tn_err tn_store_officers(struct tn_store *s, const char *as_of,
                         tn_err (*row)(void *ctx, const struct tn_officer_row *r), void *ctx);

/* *found = 1 if officer has a current version, and *active its active flag. Errors:
 * TN_ERR_STORE. */
tn_err tn_store_officer_status(struct tn_store *s, const char *officer, int *found, int *active);

/* Records an import_batch row of kind "assign" (file names what did it) and sets *batch.
 * Errors: TN_ERR_STORE. */
tn_err tn_store_assign_batch(struct tn_store *s, const char *file, const char *now,
                             long long *batch);

/* Stores the assignment (unit, from) -> officer as a new version known at now, superseding
 * the current version of the same (unit, from). actor and reason may be NULL. The caller
 * has checked it (tn_assign_check) and holds the transaction. Errors: TN_ERR_STORE. */
tn_err tn_store_assign_put(struct tn_store *s, long long batch, const char *unit, const char *from,
                           const char *officer, const char *actor, const char *reason,
                           const char *now);

/* After a units import (inside its transaction, the latest import_batch): every unit row of
 * that batch whose officer_code is set and new (first version) or changed from the unit's
 * previous version, and differs from the officer of its latest assignment, becomes an
 * assignment from the unit's registered_on (a new unit) or now's date (a change; never before
 * its latest assignment), in the units import's batch. The units file is taken as given: its
 * officer is not checked for being active. Sets *n to the number written. Errors:
 * TN_ERR_STORE. */
tn_err tn_store_assign_seed(struct tn_store *s, const char *now, long *n);

/* Calls unit() with each unit whose officer in charge on day (as stored now) is officer, in
 * unit_code order. Errors: TN_ERR_STORE, or what unit() returns. */
tn_err tn_store_units_in_charge(struct tn_store *s, const char *officer, const char *day,
                                tn_err (*unit)(void *ctx, const char *unit_code), void *ctx);

/* One assignment with its end: to_date is the day before the unit's next assignment ("" while
 * it lasts). */
struct tn_assignment_row {
    char unit_code[32], officer_code[32];
    char from_date[11], to_date[11];
    char actor[64], reason[160];
    char known_at[20];
};

/* Calls row() for every assignment of a unit of the office cut `office` (office.h) as known at
 * as_of, by unit then from_date. Errors: TN_ERR_STORE, or what row() returns. */
tn_err tn_store_assignments(struct tn_store *s, const char *office, const char *as_of,
                            tn_err (*row)(void *ctx, const struct tn_assignment_row *r), void *ctx);

/* One owing unit of a worklist (period's end, as known at as_of). */
struct tn_worklist_row {
    char officer_code[32]; /* in charge on the period's last day ("" when none) */
    char unit_code[32];
    char name[TN_NAME_BUFSZ];
    char office_code[32];
    tn_money debt; /* principal and interest past their deadline (docs/ledger.md "Debt") */
    int months_owed_tenths;
    char bucket[8];
    char legal_status[12];
};

/* Calls row() for every unit in debt at period's end (months owed > 0) or with interest due, of the
 * units of the office cut `office`, cut to officer when not NULL ("": the units with no officer in
 * charge), in unit_code order (callers order by urgency). Errors: TN_ERR_STORE, or what row()
 * returns. */
tn_err tn_store_worklist(struct tn_store *s, const char *office, tn_period period,
                         const char *as_of, const char *officer,
                         tn_err (*row)(void *ctx, const struct tn_worklist_row *r), void *ctx);

/* The least officer code greater than after (byte order, "" for the first) that an assignment
 * or a unit's version names, at any time, into out; *found 0 when there is none. The worklist
 * of every officer is read an officer at a time (tn_store_worklist's officer) in this order.
 * Errors: TN_ERR_STORE. */
tn_err tn_store_officer_after(struct tn_store *s, const char *after, char out[32], int *found);

/* One row of the collection-plan report: a scope ("province", "department", "office",
 * "type", "officer") and its key. */
struct tn_plan_row {
    char scope[16], key[64];
    long long units;
    tn_money plan; /* -1: no plan imported */
    tn_money assessed, collected, debt;
    long long new_debt_units; /* in debt (months owed > 0) now, not at last month's end */
    tn_money new_debt;        /* their debt now */
    long long cleared_units;  /* in debt under 6.0 months last month, not now */
    tn_money cleared;         /* their debt at last month's end */
};

/* Calls row() for every scope and key of period (units as of the period's end, as known at
 * as_of, and every key with a plan), province first, then department, office, type, officer;
 * under an office cut (office.h) only that office's units count, only keys that have some are
 * listed, and the province's, departments' and types' plans are left out (plan -1: they cover the
 * whole province). Errors: TN_ERR_STORE, or what row() returns. */
tn_err tn_store_plan_kpi(struct tn_store *s, const char *office, tn_period period,
                         const char *as_of, tn_err (*row)(void *ctx, const struct tn_plan_row *r),
                         void *ctx);

/* The plan of scope and key for period as known at as_of; -1 when none. Errors:
 * TN_ERR_STORE. */
tn_err tn_store_plan_amount(struct tn_store *s, tn_period period, const char *as_of,
                            const char *scope, const char *key, tn_money *out);

/* The monthly meeting pack (seed 002, docs/operations.md "Meeting pack"). */

/* One debt bucket at the end of the period before and of the period. */
struct tn_bucket_move {
    char bucket[8]; /* "0", "1-3", "3-6", "6-12", "12+" */
    long long units_prev, units;
    tn_money debt_prev, debt; /* debt: past its deadline (aging.h "Debt") */
    tn_money not_due;         /* this month's units: assessed, not yet due */
};

/* Calls row() for each of the five buckets in order, with the units in it and their debt
 * (principal and interest past their deadline; docs/ledger.md "Debt") and, this month, what
 * they owe not yet due at period's end and at the end of the period before, as known
 * at as_of, of the units of the office cut `office`. Errors: TN_ERR_STORE, or what row() returns.
 */
tn_err tn_store_bucket_moves(struct tn_store *s, const char *office, tn_period period,
                             const char *as_of,
                             tn_err (*row)(void *ctx, const struct tn_bucket_move *r), void *ctx);

/* Calls row() for every unit newly in debt at period's end (months owed > 0, not at the end
 * of the period before) of the office cut `office`, largest debt first. Errors: TN_ERR_STORE, or
 * what row() returns. */
tn_err tn_store_new_debtors(struct tn_store *s, const char *office, tn_period period,
                            const char *as_of,
                            tn_err (*row)(void *ctx, const struct tn_worklist_row *r), void *ctx);

/* Case events dated in a period, by kind. */
struct tn_event_count {
    char event[32]; /* case_events.csv's name */
    long long events, units;
    tn_money amount; /* sum of their amounts */
};

/* Calls row() for each event kind with events dated in period (current versions as known at
 * as_of; units of the office cut `office`), by event name. Errors: TN_ERR_STORE, or what row()
 * returns. */
tn_err tn_store_event_counts(struct tn_store *s, const char *office, tn_period period,
                             const char *as_of,
                             tn_err (*row)(void *ctx, const struct tn_event_count *r), void *ctx);

#endif
