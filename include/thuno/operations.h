/*
 * operations.h - the pure rules of collection operations (docs/operations.md): whether an
 * officer assignment may be recorded, how a worklist is ordered by urgency, and the
 * percentages of the collection-plan report. No store, no clock: facts come as arguments.
 *
 * Invariant: a unit has one officer in charge on any day, the one of its assignment with the
 * latest from date on or before that day; reports attribute a period to the officer in charge
 * on the period's last day.
 */
#ifndef THUNO_OPERATIONS_H
#define THUNO_OPERATIONS_H

#include "thuno/money.h"
#include "thuno/percent.h" /* the plan percentages: tn_percent_tenths */
#include "thuno/period.h"

/* Why an assignment cannot be recorded. */
enum tn_assign_problem {
    TN_ASSIGN_OK,
    TN_ASSIGN_NO_UNIT,           /* the unit is not in units.csv */
    TN_ASSIGN_NO_OFFICER,        /* the officer is not in officers.csv */
    TN_ASSIGN_INACTIVE,          /* the officer's current version has active = 0 */
    TN_ASSIGN_BEFORE_REGISTERED, /* from is before the unit's registration */
    TN_ASSIGN_BEFORE_LATEST,     /* from is before the unit's latest assignment */
    TN_ASSIGN_SAME_OFFICER       /* the officer is already in charge from an earlier date */
};

/* What the store knows when an assignment of unit to officer from day `from` is asked for. */
struct tn_assign_facts {
    int unit_found;
    tn_day registered_on;
    int officer_found, officer_active;
    int has_latest;             /* the unit has an assignment already */
    tn_day latest_from;         /* its from date (has_latest) */
    const char *latest_officer; /* its officer (has_latest) */
    const char *officer;        /* the officer asked for */
    tn_day from;
};

/* The first rule f breaks, in the order of the enum, or TN_ASSIGN_OK. The same from date as
 * the latest assignment is a correction of it and allowed. */
enum tn_assign_problem tn_assign_check(const struct tn_assign_facts *f);

/* "Vietnamese / English" text of p; static storage. */
const char *tn_assign_problem_text(enum tn_assign_problem p);

struct tn_policy;

/* 1 when a unit of registry status status may be proposed for an award or public praise:
 * only an active unit (seed 002: "đơn vị thường xuyên trích nộp ... kịp thời, đầy đủ và đúng
 * hạn"; a suspended, dissolved, bankrupt or absconded unit no longer pays regularly); 0
 * otherwise, an unknown or empty status included. */
int tn_award_allowed(const char *status);

/* The KTTN officer who takes the turn-th unit (0-based, in unit-code order) that the handover
 * signed on day moves from QLT to KTTN in office (policy/handover.csv; seed 002): the line in
 * force on day for that office, else the "*" line, whose officers take turns (turn modulo
 * their number). Writes the code into out. Errors: TN_ERR_NO_POLICY when no line is in force
 * for the office. */
tn_err tn_handover_officer(const struct tn_policy *pol, tn_day day, const char *office, size_t turn,
                           char out[static 32]);

/* What orders a worklist. */
struct tn_urgency {
    int evading;            /* legal status evading */
    int months_owed_tenths; /* months owed, tenths */
    tn_money debt;          /* the money at risk: principal and interest past their deadline */
};

/* < 0 when a is more urgent than b: more money at risk first (the debt), then evading, then
 * more months owed; 0 when they tie. */
int tn_urgency_cmp(const struct tn_urgency *a, const struct tn_urgency *b);

#endif
