/*
 * policy_calendar.c - reads policy/calendar.csv (the office's dated duties) and
 * policy/holidays.csv (days off by year) into struct tn_policy; formats in policy/README.md,
 * rules in docs/calendar.md and calendar.h.
 */
#include "policy_load_int.h"

#include <stdio.h>
#include <string.h>

#include "thuno/mem.h"

#define WHY(...) (snprintf(why, whysz, __VA_ARGS__), TN_ERR_PARSE)

/* digits only, lo..hi */
static int small_int(const char *s, int lo, int hi, int *out)
{
    size_t n = strlen(s);
    if (n == 0 || n > 4 || strspn(s, "0123456789") != n)
        return -1;
    int v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    if (v < lo || v > hi)
        return -1;
    *out = v;
    return 0;
}

/* A day of the month 1..31, or "last" (0). */
static int mday_cell(const char *s, int *out)
{
    if (strcmp(s, "last") == 0) {
        *out = 0;
        return 0;
    }
    return small_int(s, 1, 31, out);
}

/* The `due` cell by recurrence: monthly "10" or "last"; quarterly "M:D" (month of the
 * quarter 1..3, day); yearly "MM-DD"; event "N working" or "N calendar"; once "YYYY-MM-DD";
 * ended: empty. */
static tn_err due_cell(struct tn_duty_rule *e, const char *s, char *why, size_t whysz)
{
    char a[16] = "", b[16] = "";
    const char *sep;
    switch (e->recurrence) {
    case TN_DUTY_MONTHLY:
        if (mday_cell(s, &e->day))
            return WHY("due: expected a day of the month 1..31 or last (got \"%s\")", s);
        return TN_OK;
    case TN_DUTY_QUARTERLY:
        sep = strchr(s, ':');
        if (!sep || (size_t)(sep - s) >= sizeof a || strlen(sep + 1) >= sizeof b)
            return WHY("due: expected M:D, the month of the quarter 1..3 and its day (got \"%s\")",
                       s);
        memcpy(a, s, (size_t)(sep - s));
        snprintf(b, sizeof b, "%s", sep + 1);
        if (small_int(a, 1, 3, &e->month) || mday_cell(b, &e->day))
            return WHY("due: expected M:D, the month of the quarter 1..3 and its day (got \"%s\")",
                       s);
        return TN_OK;
    case TN_DUTY_YEARLY:
        if (strlen(s) != 5 || s[2] != '-')
            return WHY("due: expected MM-DD (got \"%s\")", s);
        memcpy(a, s, 2);
        memcpy(b, s + 3, 2);
        if (small_int(a, 1, 12, &e->month) || small_int(b, 1, 31, &e->day))
            return WHY("due: expected MM-DD (got \"%s\")", s);
        return TN_OK;
    case TN_DUTY_EVENT:
        sep = strchr(s, ' ');
        if (!sep || (size_t)(sep - s) >= sizeof a)
            return WHY("due: expected N working or N calendar (got \"%s\")", s);
        memcpy(a, s, (size_t)(sep - s));
        if (small_int(a, 1, 366, &e->days) ||
            (strcmp(sep + 1, "working") != 0 && strcmp(sep + 1, "calendar") != 0))
            return WHY("due: expected N working or N calendar (got \"%s\")", s);
        e->working = strcmp(sep + 1, "working") == 0;
        return TN_OK;
    case TN_DUTY_ONCE:
        if (tn_day_parse(s, &e->on))
            return WHY("due: expected a date YYYY-MM-DD (got \"%s\")", s);
        return TN_OK;
    case TN_DUTY_ENDED:
        break;
    }
    return *s ? WHY("due: an ended duty has no due rule (got \"%s\")", s) : TN_OK;
}

/* calendar.csv: duty,from,name_vi,name_en,recurrence,due,event,department,source */
tn_err tn__policy_duty_row(struct tn_policy *pol, const char *const *c, char *why, size_t whysz)
{
    struct tn_duty_rule e;
    memset(&e, 0, sizeof e);
    size_t n = strlen(c[0]);
    if (n == 0 || n >= sizeof e.duty || strspn(c[0], "abcdefghijklmnopqrstuvwxyz0123456789_") != n)
        return WHY("duty: expected an id of a-z, 0-9 and _ (got \"%s\")", c[0]);
    memcpy(e.duty, c[0], n + 1);
    if (tn_day_parse(c[1], &e.from))
        return WHY("from: expected a date YYYY-MM-DD (got \"%s\")", c[1]);
    if (tn_duty_recurrence_parse(c[4], &e.recurrence))
        return WHY("recurrence: expected monthly, quarterly, yearly, event, once or ended (got "
                   "\"%s\")",
                   c[4]);
    tn_err err = due_cell(&e, c[5], why, whysz);
    if (err)
        return err;
    if (tn_duty_event_parse(c[6], &e.event))
        return WHY("event: expected inspection_concluded or nothing (got \"%s\")", c[6]);
    if ((e.recurrence == TN_DUTY_EVENT) != (e.event != TN_DUTY_EVENT_NONE))
        return WHY("event: an event duty names its event, and only an event duty (got \"%s\")",
                   c[6]);
    if (e.recurrence != TN_DUTY_ENDED && (!*c[2] || !*c[3] || !*c[7]))
        return WHY("name_vi, name_en, department: expected each duty's names and department");
    if (!*c[8])
        return WHY("source: every policy line needs its legal source");
    e.name_vi = tn_policy_intern(pol, c[2]);
    e.name_en = tn_policy_intern(pol, c[3]);
    e.department = tn_policy_intern(pol, c[7]);
    e.source = tn_policy_intern(pol, c[8]);
    for (size_t i = 0; i < pol->nduties; i++)
        if (strcmp(pol->duties[i].duty, e.duty) == 0 && pol->duties[i].from == e.from)
            return (snprintf(why, whysz, "a second line for %s from %s", c[0], c[1]),
                    TN_ERR_CONFLICT);
    size_t cap = pol->nduties;
    TN_GROW(pol->duties, cap, pol->nduties + 1);
    pol->duties[pol->nduties++] = e;
    return TN_OK;
}

/* holidays.csv: year,date,kind,name_vi,name_en,source */
tn_err tn__policy_holiday_row(struct tn_policy *pol, const char *const *c, char *why, size_t whysz)
{
    struct tn_holiday e = {0, -1, TN_HOLIDAY_THROUGH, NULL, NULL, NULL};
    if (small_int(c[0], 1900, 9999, &e.year))
        return WHY("year: expected a year YYYY (got \"%s\")", c[0]);
    if (strcmp(c[2], "through") == 0)
        e.kind = TN_HOLIDAY_THROUGH;
    else if (strcmp(c[2], "off") == 0)
        e.kind = TN_HOLIDAY_OFF;
    else if (strcmp(c[2], "work") == 0)
        e.kind = TN_HOLIDAY_WORK;
    else
        return WHY("kind: expected through, off or work (got \"%s\")", c[2]);
    int y, m, d;
    if (tn_day_parse(c[1], &e.day))
        return WHY("date: expected a date YYYY-MM-DD (got \"%s\")", c[1]);
    tn_day_civil(e.day, &y, &m, &d);
    if (y != e.year)
        return WHY("date: expected a day of %d (got \"%s\")", e.year, c[1]);
    int wd = (int)(((e.day % 7) + 7 + 4) % 7); /* 0 = Sunday */
    if (e.kind == TN_HOLIDAY_WORK && wd != 0 && wd != 6)
        return WHY("date: a day worked in exchange is a Saturday or a Sunday (got \"%s\")", c[1]);
    if (!*c[3] || !*c[4])
        return WHY("name_vi, name_en: expected the day's names");
    if (!*c[5])
        return WHY("source: every policy line needs its legal source");
    for (size_t i = 0; i < pol->nholidays; i++) {
        const struct tn_holiday *o = &pol->holidays[i];
        if (o->year == e.year &&
            (e.kind == TN_HOLIDAY_THROUGH ? o->kind == TN_HOLIDAY_THROUGH
                                          : o->kind != TN_HOLIDAY_THROUGH && o->day == e.day))
            return (snprintf(why, whysz, "a second %s line for %s",
                             e.kind == TN_HOLIDAY_THROUGH ? "through" : "day", c[1]),
                    TN_ERR_CONFLICT);
    }
    e.name_vi = tn_policy_intern(pol, c[3]);
    e.name_en = tn_policy_intern(pol, c[4]);
    e.source = tn_policy_intern(pol, c[5]);
    size_t cap = pol->nholidays;
    TN_GROW(pol->holidays, cap, pol->nholidays + 1);
    pol->holidays[pol->nholidays++] = e;
    return TN_OK;
}
