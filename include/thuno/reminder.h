/*
 * reminder.h - the figures of the written reminder (văn bản đôn đốc) and the other letters to
 * units, from plain inputs and the policy (docs/letters.md): the daily interest rate in force
 * on the letter's date and what it adds each day, the days late, the evasion days and the day
 * to pay by. No store, no clock: the letter's date is an argument.
 *
 * LAW: Law 41/2024/QH15 Art 39 (evading once a debt is more than the evasion days past its
 * deadline or past the reminder), Art 40 (interest of 0.03% a day on the late amount).
 */
#ifndef THUNO_REMINDER_H
#define THUNO_REMINDER_H

#include <stddef.h>

#include "thuno/err.h"
#include "thuno/money.h"
#include "thuno/period.h"
#include "thuno/policy.h"

/* The unpaid principal of one charge period, per group (enum tn_group), at a period's end. */
struct tn_letter_owed {
    tn_period period;
    tn_money principal[TN_G_COUNT];
};

/* What is past its deadline at the end of a period. */
struct tn_letter_overdue {
    tn_money principal[TN_G_COUNT];
    tn_money total;
    tn_period through;      /* latest charge period with overdue principal; -1 if none */
    tn_day oldest_deadline; /* deadline of the oldest overdue principal; -1 if none */
};

/* Computes what of owed (n charge periods' unpaid principal) is past its deadline at the end
 * of period, by pol's deadlines for the unit's payment_cycle; a deadline on the period's last
 * day has passed, as in the close (Law 41/2024/QH15 Art 38). Amounts <= 0 are not owed.
 * Errors: TN_ERR_NO_POLICY (a deadline rule missing); *out untouched. */
tn_err tn_reminder_overdue(const struct tn_policy *pol, tn_period period, int payment_cycle,
                           const struct tn_letter_owed *owed, size_t n,
                           struct tn_letter_overdue *out);

/* The daily interest rate in force on day d (0.03% is 300 ppm).
 * Errors: TN_ERR_NO_POLICY when no interest rule is in force on d or the one in force is not
 * daily (the Law 58 era's monthly rule); *out untouched. */
tn_err tn_reminder_daily_rate(const struct tn_policy *pol, tn_day d, tn_ppm *out);

/* The interest one more day adds to overdue at the daily rate in force on d: overdue x rate,
 * rounded half up (tn_money_mul_ppm). Errors: as tn_reminder_daily_rate, TN_ERR_OVERFLOW. */
tn_err tn_reminder_interest_per_day(const struct tn_policy *pol, tn_day d, tn_money overdue,
                                    tn_money *out);

/* The evasion days of the legal rule in force on day d (0: that era knows none, Law 58).
 * Errors: TN_ERR_NO_POLICY when no legal rule is in force on d; *out untouched. */
tn_err tn_reminder_evasion_days(const struct tn_policy *pol, tn_day d, int *out);

/* Days from the oldest overdue deadline to day on (negative if on is before it); 0 when
 * oldest_deadline is -1 (nothing overdue). */
long tn_reminder_days_late(tn_day on, tn_day oldest_deadline);

/* The day a reminder dated on asks the unit to pay by: evasion_days after on, or earlier,
 * evasion_days after the oldest overdue deadline when that day is not yet past on (the day
 * the debt would become evasion). oldest_deadline -1: nothing overdue. */
tn_day tn_reminder_pay_by(tn_day on, tn_day oldest_deadline, int evasion_days);

/* The overdue amount a reminder states: overdue, but no more than principal_due when the
 * amounts could not be split by fund (split_ok 0: a payment kept as credit is unknown to the
 * charge periods, so what is overdue can be no more than what is owed). */
tn_money tn_reminder_overdue_stated(tn_money overdue, int split_ok, tn_money principal_due);

/* The reminder's table, per group (enum tn_group): the overdue principal, the unpaid interest,
 * what is not yet due (the rest of what is owed) and all that is owed. */
struct tn_reminder_funds {
    tn_money overdue[TN_G_COUNT];
    tn_money interest_due[TN_G_COUNT];
    tn_money not_due[TN_G_COUNT]; /* closing - interest_due - overdue */
    tn_money closing[TN_G_COUNT];
};

/* Fills out from the unit's overdue principal, unpaid interest and closing debt per group
 * (valid when they split by fund). */
void tn_reminder_funds(const tn_money overdue[static TN_G_COUNT],
                       const tn_money interest_due[static TN_G_COUNT],
                       const tn_money closing[static TN_G_COUNT], struct tn_reminder_funds *out);

/* A written reminder as its 60-day clock reads it (docs/letters.md "The 60-day clock"). */
struct tn_reminder_clock_in {
    tn_day sent_on;
    tn_period period;               /* the month it reviewed */
    tn_period overdue_through;      /* latest charge period it named overdue; -1 none */
    tn_day oldest_deadline;         /* deadline of the oldest overdue principal; -1 none */
    int evasion_days;               /* tn_reminder_evasion_days on sent_on; 0: no clock (Law 58) */
    int has_latest;                 /* 1: the unit has a close known now */
    tn_period latest_period;        /* its latest closed period */
    tn_period latest_oldest_unpaid; /* its oldest unpaid period then; -1 nothing unpaid */
};

/* The clock on a day. Days are -1 where there is none. */
struct tn_reminder_clock {
    int paid;             /* a close of the period or later shows nothing unpaid it named */
    tn_day ends;          /* sent_on + evasion days: the last day to pay */
    tn_day evading_from;  /* the day after */
    tn_day deadline_ends; /* oldest_deadline + evasion days: the clock from the deadline */
    long days_left;       /* ends - today; valid when running or expired */
    const char *state;    /* "paid", "none" (no evasion days), "running", "expired"; static */
};

/* Judges in's clock on day today into out. LAW: Law 41/2024/QH15 Art 39: unpaid the evasion
 * days after the written reminder (or after the deadline) is evading. */
void tn_reminder_clock(const struct tn_reminder_clock_in *in, tn_day today,
                       struct tn_reminder_clock *out);

#endif
