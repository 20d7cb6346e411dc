/*
 * calendar.h - the office's statutory calendar: each recurring duty with its due date, and
 * working days (docs/calendar.md; policy/calendar.csv, policy/holidays.csv).
 *
 * Invariants: duties are effective-dated per duty id (a line is in force from its `from` day
 * until the next line of the same duty); an occurrence is governed by the line in force on its
 * due date (an event duty: on the event's day), and a duty with no line in force then, or an
 * `ended` one, has no occurrence. Holidays are listed per year with a `through` line: the
 * year's days off are known up to that day; a day after it (or of a year without one) is not
 * covered, and a working-day count that reaches it is TN_ERR_NO_POLICY, never a guess. Due dates
 * are never moved off a day off (CONFIRM: Civil Code 2015 Art 148.5 moves the end of a period
 * counted in days to the next working day; whether it reaches these duties is not decided).
 */
#ifndef THUNO_CALENDAR_H
#define THUNO_CALENDAR_H

#include <stddef.h>

#include "thuno/err.h"
#include "thuno/period.h"

struct tn_policy;

enum tn_duty_recurrence {
    TN_DUTY_MONTHLY,   /* every month, on day (0: the month's last day) */
    TN_DUTY_QUARTERLY, /* the month-th month (1..3) of each calendar quarter, on day */
    TN_DUTY_YEARLY,    /* every year on month/day */
    TN_DUTY_EVENT,     /* days (working or calendar) after each event of its kind */
    TN_DUTY_ONCE,      /* once, on the day `on` */
    TN_DUTY_ENDED      /* no longer a duty from this line's day */
};

/* What starts an event duty, from the data thuno already has. */
enum tn_duty_event {
    TN_DUTY_EVENT_NONE,
    TN_DUTY_EVENT_INSPECTION /* an inspection conclusion (inspections import), its concluded_on */
};

#define TN_DUTY_ID_SZ 32

/* One line of policy/calendar.csv. Strings are the policy's (tn_policy_intern). */
struct tn_duty_rule {
    char duty[TN_DUTY_ID_SZ]; /* [a-z0-9_] */
    tn_day from;
    const char *name_vi, *name_en, *department, *source;
    enum tn_duty_recurrence recurrence;
    int month;   /* quarterly: 1..3 within the quarter; yearly: 1..12 */
    int day;     /* monthly, quarterly, yearly: 1..31 (capped at the month's end); 0: last day */
    int days;    /* event: days after the event */
    int working; /* event: 1 when days are working days */
    tn_day on;   /* once: the due day */
    enum tn_duty_event event;
};

enum tn_holiday_kind {
    TN_HOLIDAY_THROUGH, /* the year's days off are all listed up to this day (the notices) */
    TN_HOLIDAY_OFF,     /* a day off: a public holiday, a day in lieu or a swapped day */
    TN_HOLIDAY_WORK     /* a weekend day worked in exchange for a swapped day off */
};

/* One line of policy/holidays.csv. */
struct tn_holiday {
    int year;
    tn_day day;
    enum tn_holiday_kind kind;
    const char *name_vi, *name_en, *source;
};

/* One occurrence of a duty: what is due when. rule is borrowed from the policy. */
struct tn_duty_due {
    const struct tn_duty_rule *rule;
    tn_day due;
    tn_period period; /* the month of due: the occurrence's key for recurring duties */
    tn_day event_day; /* an event duty: the event's day; -1 otherwise */
};

/* Sorts the duty lines by duty then from, the holidays by year then day; tn_policy_sort calls
 * it. */
void tn_calendar_sort(struct tn_policy *pol);

/* Parses "monthly", "quarterly", "yearly", "event", "once", "ended" and "inspection_concluded"
 * (and "" for no event). Errors: TN_ERR_PARSE. */
tn_err tn_duty_recurrence_parse(const char *s, enum tn_duty_recurrence *out);
tn_err tn_duty_event_parse(const char *s, enum tn_duty_event *out);
const char *tn_duty_recurrence_name(enum tn_duty_recurrence r);

/* Sets *out to 1 when d is a working day: Monday to Friday and not a day off, or a weekend
 * day worked in exchange. Errors: TN_ERR_NO_POLICY if d is after its year's `through` day in
 * holidays.csv, or its year has none. */
tn_err tn_calendar_working_day(const struct tn_policy *pol, tn_day d, int *out);

/* Sets *out to the n-th working day after day (n >= 1; day itself never counts). Errors:
 * TN_ERR_NO_POLICY if a day counted is not covered by holidays.csv; TN_ERR_RANGE
 * if n < 1. */
tn_err tn_calendar_add_working_days(const struct tn_policy *pol, tn_day day, int n, tn_day *out);

/* The line of duty in force on day (the last with from <= day), or NULL when none is or it is
 * an `ended` line. */
const struct tn_duty_rule *tn_calendar_rule_at(const struct tn_policy *pol, const char *duty,
                                               tn_day day);

/* Calls due() for every occurrence of a recurring duty (monthly, quarterly, yearly, once) whose
 * due date is in from..to (inclusive), in due date then duty order. Errors: TN_ERR_RANGE if
 * to < from, or what due() returns. */
tn_err tn_calendar_due(const struct tn_policy *pol, tn_day from, tn_day to,
                       tn_err (*due)(void *ctx, const struct tn_duty_due *d), void *ctx);

/* Calls due() for the occurrence of every event duty of kind ev in force on day (the event's
 * day), in duty order. Errors: TN_ERR_NO_POLICY when a working-day count leaves holidays.csv's
 * years, or what due() returns. */
tn_err tn_calendar_after_event(const struct tn_policy *pol, enum tn_duty_event ev, tn_day day,
                               tn_err (*due)(void *ctx, const struct tn_duty_due *d), void *ctx);

#endif
