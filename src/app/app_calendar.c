/*
 * app_calendar.c - the statutory calendar's command: a duty recorded done (app.h "the
 * statutory calendar"; docs/calendar.md), and the events event duties follow. The due dates
 * are core's (calendar.c); the records are the store's (calendar_store.h).
 */
#include "calendar_int.h"

#include <stdio.h>
#include <string.h>

#include "thuno/calendar_store.h"
#include "thuno/inspection_store.h"
#include "thuno/policy.h"

struct events_ctx {
    struct tn_app *app;
    tn_day from;
    tn_err (*cb)(void *ctx, const struct tn_duty_due *d, const struct tn__calendar_event *ev);
    void *ctx;
    struct tn__calendar_event ev;
};

static tn_err event_due(void *ctx, const struct tn_duty_due *d)
{
    struct events_ctx *x = ctx;
    return x->cb(x->ctx, d, &x->ev);
}

static tn_err inspection_event(void *ctx, const struct tn_inspection_row *r)
{
    struct events_ctx *x = ctx;
    if (tn_day_parse(r->concluded_on, &x->ev.day))
        return tn__app_fail(x->app, TN_ERR_PARSE, "inspection %s: concluded_on \"%s\" is no day",
                            r->inspection_id, r->concluded_on);
    if (x->ev.day < x->from)
        return TN_OK;
    snprintf(x->ev.ref, sizeof x->ev.ref, "%s %s", r->inspection_id, r->unit_code);
    tn_err err =
        tn_calendar_after_event(x->app->policy, TN_DUTY_EVENT_INSPECTION, x->ev.day, event_due, x);
    if (err == TN_ERR_NO_POLICY)
        return tn__app_fail(x->app, err,
                            "inspection %s concluded on %s: its working days run past the days "
                            "off known in policy/holidays.csv",
                            r->inspection_id, r->concluded_on);
    return err;
}

tn_err tn__calendar_events(struct tn_app *app, tn_day from, tn_day to, const char *as_of,
                           tn_err (*cb)(void *ctx, const struct tn_duty_due *d,
                                        const struct tn__calendar_event *ev),
                           void *ctx)
{
    struct events_ctx x = {app, from, cb, ctx, {0, ""}};
    /* the calendar is the province office's: every unit's conclusions */
    return tn_store_inspections(app->store, NULL, to, as_of ? as_of : app->now, inspection_event,
                                &x);
}

struct find_ctx {
    const char *duty;
    int found;
};

static tn_err find_due(void *ctx, const struct tn_duty_due *d)
{
    struct find_ctx *f = ctx;
    f->found |= strcmp(d->rule->duty, f->duty) == 0;
    return TN_OK;
}

static tn_err find_event(void *ctx, const struct tn_duty_due *d,
                         const struct tn__calendar_event *ev)
{
    (void)ev;
    return find_due(ctx, d);
}

/* Whether any line of policy/calendar.csv names duty, and the first that does. */
static const struct tn_duty_rule *any_line(const struct tn_policy *pol, const char *duty)
{
    for (size_t i = 0; i < pol->nduties; i++)
        if (strcmp(pol->duties[i].duty, duty) == 0)
            return &pol->duties[i];
    return NULL;
}

tn_err tn_app_calendar_done(struct tn_app *app, const struct tn_scope *scope,
                            const struct tn_calendar_done_request *req)
{
    app->why[0] = '\0';
    tn_err err = tn__app_province_only(app, scope, "Lịch công việc", "the statutory calendar");
    if (err)
        return err;
    if (!req->actor || !*req->actor)
        return tn__app_fail(app, TN_ERR_USAGE, "calendar done needs the actor (--actor WHO)");
    const struct tn_duty_rule *line = any_line(app->policy, req->duty);
    if (!line)
        return tn__app_fail(app, TN_ERR_NOT_FOUND,
                            "không có nhiệm vụ %s trong policy/calendar.csv / no duty %s in "
                            "policy/calendar.csv",
                            req->duty, req->duty);
    int event = line->recurrence == TN_DUTY_EVENT;
    if (event ? req->date < 0 || req->period >= 0 : req->period < 0 || req->date >= 0)
        return tn__app_fail(app, TN_ERR_USAGE,
                            event ? "%s follows an event: name it by the event's day (--date D)"
                                  : "%s recurs: name it by the month it fell due in (--period P)",
                            req->duty);
    tn_day today;
    struct tn_report_params now;
    tn_report_params_init(&now);
    if (tn__app_report_day(app, &now, &today))
        return tn__app_fail(app, TN_ERR_PARSE, "the time \"%s\" has no day", app->now);
    tn_day done_on = req->done_on >= 0 ? req->done_on : today;
    if (done_on > today)
        return tn__app_fail(app, TN_ERR_RANGE, "the day done is after today");
    struct find_ctx f = {req->duty, 0};
    struct tn_duty_done_row r;
    memset(&r, 0, sizeof r);
    if (event) {
        err = tn__calendar_events(app, req->date, req->date, NULL, find_event, &f);
        tn_day_format(req->date, r.occurrence);
    } else {
        err = tn_calendar_due(app->policy, tn_period_first_day(req->period),
                              tn_period_last_day(req->period), find_due, &f);
        tn_period_format(req->period, r.occurrence);
    }
    if (err)
        return err;
    if (!f.found)
        return tn__app_fail(app, TN_ERR_NOT_FOUND,
                            event ? "%s: không có sự kiện ngày %s / no event on %s it follows"
                                  : "%s: không đến hạn trong kỳ %s / not due in %s",
                            req->duty, r.occurrence, r.occurrence);
    snprintf(r.duty, sizeof r.duty, "%s", req->duty);
    tn_day_format(done_on, r.done_on);
    snprintf(r.actor, sizeof r.actor, "%s", req->actor);
    snprintf(r.note, sizeof r.note, "%s", req->note ? req->note : "");
    return tn_store_calendar_done_put(app->store, &r, app->now);
}
