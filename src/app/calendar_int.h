/*
 * calendar_int.h - what the statutory calendar's command and report share (app_calendar.c,
 * report_calendar.c). Only src/app/ includes this.
 */
#ifndef THUNO_APP_CALENDAR_INT_H
#define THUNO_APP_CALENDAR_INT_H

#include "app_int.h"
#include "thuno/calendar.h"

/* An event an event duty follows, as thuno knows it: today an inspection conclusion. */
struct tn__calendar_event {
    tn_day day;
    char ref[128]; /* "TT-05 A": the inspection and its unit */
};

/* Calls cb for the occurrence of every event duty (calendar.h) that follows an event dated
 * from..to as known at as_of (NULL: now), in the store's order of the events. Events are the
 * inspection conclusions (tn_store_inspections) of every unit: the calendar is the province
 * office's. Errors:
 * TN_ERR_NO_POLICY (a working-day count leaves policy/holidays.csv; why names the event),
 * TN_ERR_STORE, TN_ERR_PARSE (a stored day that is not one), or cb's. */
tn_err tn__calendar_events(struct tn_app *app, tn_day from, tn_day to, const char *as_of,
                           tn_err (*cb)(void *ctx, const struct tn_duty_due *d,
                                        const struct tn__calendar_event *ev),
                           void *ctx);

#endif
