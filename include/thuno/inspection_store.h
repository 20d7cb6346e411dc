/*
 * inspection_store.h - reading inspection conclusions and the facts of the lists the office
 * sends to other agencies (docs/inspections.md): recovery of each conclusion, and per unit
 * of a period the balance, status, union chair, register and findings, reminders and case
 * events that the referral, union-chair and People's Committee reports select from.
 *
 * as_of is "YYYY-MM-DDTHH:MM:SS" or NULL (now); every table is read as known then. Every
 * query reads only the units of its office argument (the office cut, office.h).
 */
#ifndef THUNO_INSPECTION_STORE_H
#define THUNO_INSPECTION_STORE_H

#include "thuno/inspection.h"
#include "thuno/money.h"
#include "thuno/period.h"
#include "thuno/text.h"

struct tn_store;

/* One conclusion with its recovery on the report day. */
struct tn_inspection_row {
    char inspection_id[72];
    char unit_code[32], office_code[32];
    char concluded_on[TN_DAY_BUFSZ], remedy_by[TN_DAY_BUFSZ];
    char decision_no[128], body[16], inspector[128];
    tn_money underdeclared, unpaid, found, fine, recovered, remaining;
    long workers_unregistered;
    long days_past; /* days after remedy_by, when overdue */
    enum tn_inspection_status status;
};

/* Calls row() for every conclusion concluded on or before day as known at as_of (of the
 * office cut's units), in unit, concluded_on and inspection_id order, with recovered from the
 * unit's payments received after each conclusion up to day (tn_inspection_recover; reversed
 * payments and reversals left out) and the status on day. Errors: TN_ERR_STORE, TN_ERR_RANGE (bad
 * stored data), or what row() returns. */
tn_err tn_store_inspections(struct tn_store *s, const char *office, tn_day day, const char *as_of,
                            tn_err (*row)(void *ctx, const struct tn_inspection_row *r), void *ctx);

/* A unit of a period's balances with what the coordination lists need. */
struct tn_inspection_facts {
    char unit_code[32], name[TN_NAME_BUFSZ], tax_code[24], office_code[32];
    char type[16], status[16], status_since[TN_DAY_BUFSZ], officer_code[32];
    char union_chair[256];
    int months_owed_tenths;
    /* principal_overdue: principal past its deadline; debt: it + interest due (aging.h "Debt") */
    tn_money principal_overdue, debt;
    char legal_status[12];
    tn_period oldest_unpaid; /* -1: nothing unpaid */
    long workers;            /* workers assessed in the period */
    tn_money assessed;       /* assessed + back-dated adjustment of the period */
    tn_money collected;      /* paid in the period */
    long reported;           /* reported_employees of registry.csv by tax code; -1: none */
    long findings;           /* bases below the regional minimum wage in the period */
    long reminders;          /* case events reminder_sent dated up to the period's end */
    char last_reminder[TN_DAY_BUFSZ];
    long case_events; /* every case event of the unit dated up to the period's end */
    char last_event[32], last_event_date[TN_DAY_BUFSZ];
    char deduction_event[32], deduction_date[TN_DAY_BUFSZ]; /* latest deduction_ordered or
                                                              deduction_refused, "" if none */
};

/* Calls row() for every unit with a balance for period as known at as_of (of the
 * office cut's units), the largest debt first, then by unit_code; case events count when dated up
 * to the period's last day. Errors: TN_ERR_STORE, or what row() returns. */
tn_err tn_store_unit_facts(struct tn_store *s, const char *office, tn_period period,
                           const char *as_of,
                           tn_err (*row)(void *ctx, const struct tn_inspection_facts *f),
                           void *ctx);

/* One district x sector cell of the People's Committee report (seed 001). */
struct tn_labour_row {
    char office_code[32], type[16];
    long units, workers, units_in_debt; /* in debt: some principal past its deadline */
    tn_money assessed, collected, debt; /* debt: past its deadline (aging.h "Debt") */
    tn_money not_due;                   /* assessed, not yet due */
};

/* Calls row() for every (office, unit type) with units of the office cut in period's balances
 * as known at as_of, in office and type order. Errors: TN_ERR_STORE, or what row() returns. */
tn_err tn_store_labour(struct tn_store *s, const char *office, tn_period period, const char *as_of,
                       tn_err (*row)(void *ctx, const struct tn_labour_row *r), void *ctx);

#endif
