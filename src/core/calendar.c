/*
 * calendar.c - the statutory calendar (calendar.h; docs/calendar.md): due dates of the
 * office's recurring duties and working days over policy/holidays.csv.
 *
 * LAW: Decree 274/2025/NĐ-CP (reminders within the first 10 days of the month; within 5
 * working days of a finding outside the cycle; lists to the inspection bodies before the 15th
 * of each quarter's first month; disaster proof by the 25th); Decision 2422/QĐ-BHXH III.2 (the
 * yearly report before 10 December); Labour Code 2019 Art 112 with the yearly notices (days
 * off). The figures are the policy's; this file only counts.
 */
#include "thuno/calendar.h"

#include <stdlib.h>
#include <string.h>

#include "thuno/mem.h"
#include "thuno/policy.h"

static int cmp_duty(const void *a, const void *b)
{
    const struct tn_duty_rule *x = a, *y = b;
    int c = strcmp(x->duty, y->duty);
    return c ? c : (x->from > y->from) - (x->from < y->from);
}

static int cmp_holiday(const void *a, const void *b)
{
    const struct tn_holiday *x = a, *y = b;
    if (x->year != y->year)
        return (x->year > y->year) - (x->year < y->year);
    return (x->day > y->day) - (x->day < y->day);
}

void tn_calendar_sort(struct tn_policy *pol)
{
    tn_sort(pol->duties, pol->nduties, sizeof *pol->duties, cmp_duty);
    tn_sort(pol->holidays, pol->nholidays, sizeof *pol->holidays, cmp_holiday);
}

static const char *const recurrence_names[] = {"monthly", "quarterly", "yearly",
                                               "event",   "once",      "ended"};

tn_err tn_duty_recurrence_parse(const char *s, enum tn_duty_recurrence *out)
{
    for (size_t i = 0; i < sizeof recurrence_names / sizeof recurrence_names[0]; i++)
        if (strcmp(s, recurrence_names[i]) == 0) {
            *out = (enum tn_duty_recurrence)i;
            return TN_OK;
        }
    return TN_ERR_PARSE;
}

const char *tn_duty_recurrence_name(enum tn_duty_recurrence r)
{
    return (size_t)r < sizeof recurrence_names / sizeof recurrence_names[0] ? recurrence_names[r]
                                                                            : "";
}

tn_err tn_duty_event_parse(const char *s, enum tn_duty_event *out)
{
    if (!*s)
        *out = TN_DUTY_EVENT_NONE;
    else if (strcmp(s, "inspection_concluded") == 0)
        *out = TN_DUTY_EVENT_INSPECTION;
    else
        return TN_ERR_PARSE;
    return TN_OK;
}

tn_err tn_calendar_working_day(const struct tn_policy *pol, tn_day d, int *out)
{
    int y, m, md;
    tn_day_civil(d, &y, &m, &md);
    int covered = 0, off = 0, work = 0;
    for (size_t i = 0; i < pol->nholidays; i++) {
        const struct tn_holiday *h = &pol->holidays[i];
        if (h->year != y)
            continue;
        covered |= h->kind == TN_HOLIDAY_THROUGH && d <= h->day;
        off |= h->kind == TN_HOLIDAY_OFF && h->day == d;
        work |= h->kind == TN_HOLIDAY_WORK && h->day == d;
    }
    if (!covered)
        return TN_ERR_NO_POLICY;
    int wd = (int)(((d % 7) + 7 + 4) % 7); /* 1970-01-01 was a Thursday; 0 = Sunday */
    *out = work || (wd != 0 && wd != 6 && !off);
    return TN_OK;
}

tn_err tn_calendar_add_working_days(const struct tn_policy *pol, tn_day day, int n, tn_day *out)
{
    if (n < 1)
        return TN_ERR_RANGE;
    while (n > 0) {
        int w;
        tn_err err = tn_calendar_working_day(pol, ++day, &w);
        if (err)
            return err;
        n -= w;
    }
    *out = day;
    return TN_OK;
}

const struct tn_duty_rule *tn_calendar_rule_at(const struct tn_policy *pol, const char *duty,
                                               tn_day day)
{
    const struct tn_duty_rule *in_force = NULL;
    for (size_t i = 0; i < pol->nduties; i++) /* sorted by duty, then from */
        if (strcmp(pol->duties[i].duty, duty) == 0 && pol->duties[i].from <= day)
            in_force = &pol->duties[i];
    return in_force && in_force->recurrence != TN_DUTY_ENDED ? in_force : NULL;
}

/* The day-th of period p, or its last day for 0 or a day past its end (the 31st of a 30-day
 * month is its 30th). */
static tn_day day_of(tn_period p, int day)
{
    int n = tn_period_days(p);
    return tn_period_first_day(p) + (day == 0 || day > n ? n : day) - 1;
}

/* The due date r gives in month p, or -1 when r has no occurrence in p. */
static tn_day due_in(const struct tn_duty_rule *r, tn_period p)
{
    switch (r->recurrence) {
    case TN_DUTY_MONTHLY:
        return day_of(p, r->day);
    case TN_DUTY_QUARTERLY:
        return p % 12 % 3 == r->month - 1 ? day_of(p, r->day) : -1;
    case TN_DUTY_YEARLY:
        return p % 12 == r->month - 1 ? day_of(p, r->day) : -1;
    case TN_DUTY_ONCE:
        return tn_day_period(r->on) == p ? r->on : -1;
    case TN_DUTY_EVENT:
    case TN_DUTY_ENDED:
        break;
    }
    return -1;
}

static int cmp_due(const void *a, const void *b)
{
    const struct tn_duty_due *x = a, *y = b;
    if (x->due != y->due)
        return (x->due > y->due) - (x->due < y->due);
    return strcmp(x->rule->duty, y->rule->duty);
}

tn_err tn_calendar_due(const struct tn_policy *pol, tn_day from, tn_day to,
                       tn_err (*due)(void *ctx, const struct tn_duty_due *d), void *ctx)
{
    if (to < from)
        return TN_ERR_RANGE;
    struct tn_duty_due *list = NULL;
    size_t n = 0, cap = 0;
    for (tn_period p = tn_day_period(from); p <= tn_day_period(to); p++)
        for (size_t i = 0; i < pol->nduties; i++) {
            const struct tn_duty_rule *r = &pol->duties[i];
            tn_day d = due_in(r, p);
            /* a line gives the occurrences due while it is in force, and only those */
            if (d < 0 || d < from || d > to || tn_calendar_rule_at(pol, r->duty, d) != r)
                continue;
            TN_GROW(list, cap, n + 1);
            list[n++] = (struct tn_duty_due){r, d, p, -1};
        }
    tn_sort(list, n, sizeof *list, cmp_due);
    tn_err err = TN_OK;
    for (size_t i = 0; i < n && !err; i++)
        err = due(ctx, &list[i]);
    free(list);
    return err;
}

tn_err tn_calendar_after_event(const struct tn_policy *pol, enum tn_duty_event ev, tn_day day,
                               tn_err (*due)(void *ctx, const struct tn_duty_due *d), void *ctx)
{
    for (size_t i = 0; i < pol->nduties; i++) {
        const struct tn_duty_rule *r = &pol->duties[i];
        if (r->recurrence != TN_DUTY_EVENT || r->event != ev ||
            tn_calendar_rule_at(pol, r->duty, day) != r)
            continue;
        tn_day d = day + r->days;
        tn_err err = TN_OK;
        if (r->working)
            err = tn_calendar_add_working_days(pol, day, r->days, &d);
        if (!err)
            err = due(ctx, &(struct tn_duty_due){r, d, tn_day_period(d), day});
        if (err)
            return err;
    }
    return TN_OK;
}
