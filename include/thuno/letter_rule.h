/*
 * letter_rule.h - the rules the letters to units follow beyond their figures (docs/letters.md):
 * who gets the monthly written reminder and when it is due, which units a reminder run leaves
 * to their case, how the reminders are numbered, who a mass letter selects, what a C12-TS notice
 * carries to the next period, and the department the ladder gives an event (the meeting pack).
 * No store, no clock: the letters' date and the units' figures are arguments.
 *
 * The reminder's amounts, days late, interest a day and day to pay by are in reminder.h.
 */
#ifndef THUNO_LETTER_RULE_H
#define THUNO_LETTER_RULE_H

#include "thuno/case.h"
#include "thuno/err.h"
#include "thuno/money.h"
#include "thuno/period.h"
#include "thuno/policy.h"

/* LAW: Decree 274/2025/NĐ-CP: the office sends the written reminder within the first 10 days
 * of the month. */
#define TN_LETTER_RULE_REMINDER_DAYS 10

/* 1 when a unit of legal_status ("current", "late", "evading") gets the monthly written
 * reminder: it is late or evading at the end of the period (Law 41/2024/QH15 Art 35). */
int tn_letter_rule_reminded(const char *legal_status);

/* The day of the month of a reminder dated date when that is past the first 10 days of the
 * month (the reminder is late, Decree 274/2025/NĐ-CP), else 0. */
int tn_letter_rule_reminder_late_day(tn_day date);

/* 1 when a unit whose open case is in state is left out of the monthly reminder run: a case
 * in court or enforcement is led by its own deadlines (docs/letters.md). */
int tn_letter_rule_left_to_case(enum tn_case_state state);

/* The first register number of a reminder batch: number_from when given (> 0), else the
 * register's next free number next. Errors: TN_ERR_CONFLICT when number_from is below next
 * (those numbers are taken: numbers only go forward); *out untouched. */
tn_err tn_letter_rule_first_number(int number_from, int next, int *out);

/* Which units a mass letter selects (bits; 0 selects every unit). */
enum {
    TN_LETTER_SEL_CURRENT = 1, /* no overdue debt */
    TN_LETTER_SEL_LATE = 2,
    TN_LETTER_SEL_EVADING = 4,
    TN_LETTER_SEL_OWING = 8,  /* any debt at the period's end */
    TN_LETTER_SEL_LOCKED = 16 /* months owed at or past the card-lock threshold */
};

/* Parses a comma-separated list of all, current, late, evading, owing, locked into
 * TN_LETTER_SEL_* bits ("all" clears what came before it). Errors: TN_ERR_PARSE at the first
 * unknown name; *bad_len (may be NULL) then gets its length and *bad its start. */
tn_err tn_letter_rule_status_parse(const char *list, unsigned *out, const char **bad,
                                   size_t *bad_len);

/* 1 when a unit (legal_status, debt at the period's end, months owed in tenths) is selected by
 * want (TN_LETTER_SEL_* bits) with the card-lock threshold lock_tenths in force. */
int tn_letter_rule_selected(unsigned want, const char *legal_status, tn_money closing,
                            int months_owed_tenths, int lock_tenths);

/* The total of a letter's table row: the sum of the groups' figures (BHXH incl. TNLĐ-BNN,
 * BHYT, BHTN; enum tn_group), as the "Tổng cộng" column prints it. */
tn_money tn_letter_rule_funds_total(const tn_money v[static TN_G_COUNT]);

/* What a C12-TS notice carries to the next period: the amount (never negative) and whether it
 * is credit (a negative closing: paid ahead). */
tn_money tn_letter_rule_carried(tn_money closing, int *credit);

/* The months owed a letter shows, in tenths: none (0) when the store has no figure (< 0). */
int tn_letter_rule_months_shown(int months_owed_tenths);

/* The department of the office-wide ("*") ladder step that records event e, "" when none
 * does (policy/ladder.csv). Borrowed from pol. */
const char *tn_letter_rule_event_department(const struct tn_policy *pol, enum tn_case_event e);

#endif
