/*
 * report_calendar.c - `report calendar`: every duty of the statutory calendar due in a range
 * (docs/calendar.md), with its due date, department, status on "today" (done, due, overdue and
 * the days overdue) and legal source. Recurring duties come from policy/calendar.csv alone
 * (tn_calendar_due); event duties follow the inspection conclusions of the store
 * (tn__calendar_events); done is what `thuno calendar done` recorded (tn_store_calendar_done),
 * as known at as_of. Registered as the group tn__reports_calendar (report_registry.c).
 */
#include "calendar_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/calendar_store.h"
#include "thuno/mem.h"
#include "thuno/policy.h"

/* clang-format off */
#define CAL_COLS(X, p)                                                                             \
    X(p, due_on, DATE, "Hạn hoàn thành", "Due on", 0)                                              \
    X(p, duty, TEXT, "Mã nhiệm vụ", "Duty", 0)                                                     \
    X(p, name, TEXT, "Nhiệm vụ", "Duty name (Vietnamese)", 0)                                      \
    X(p, name_en, TEXT, "Tên tiếng Anh", "Duty name", 0)                                           \
    X(p, recurrence, TEXT, "Định kỳ", "Recurrence", 0)                                             \
    X(p, occurrence, TEXT, "Kỳ hoặc ngày phát sinh", "Occurrence", 0)                              \
    X(p, event, TEXT, "Sự kiện phát sinh", "Event", 0)                                             \
    X(p, department, TEXT, "Phòng chịu trách nhiệm", "Department", 0)                              \
    X(p, status, TEXT, "Tình trạng", "Status", 0)                                                  \
    X(p, days_overdue, NUMBER, "Số ngày quá hạn", "Days overdue", 0)                               \
    X(p, done_on, DATE, "Ngày hoàn thành", "Done on", 0)                                           \
    X(p, done_by, TEXT, "Người thực hiện", "Done by", 0)                                           \
    X(p, note, TEXT, "Ghi chú", "Note", 0)                                                         \
    X(p, source, TEXT, "Căn cứ", "Source", 0)
TN_COLUMNS(CAL, CAL_COLS);
/* clang-format on */

struct item {
    struct tn_duty_due d;
    char occurrence[TN_DAY_BUFSZ];
    char event[128];
};

struct cal_ctx {
    struct item *items;
    size_t n, cap;
    struct tn_duty_done_row *done;
    size_t ndone, capdone;
    tn_day from, to;
};

static void add(struct cal_ctx *x, const struct tn_duty_due *d, const char *event)
{
    TN_GROW(x->items, x->cap, x->n + 1);
    struct item *it = &x->items[x->n++];
    it->d = *d;
    if (d->event_day >= 0)
        tn_day_format(d->event_day, it->occurrence);
    else
        tn_period_format(d->period, it->occurrence);
    snprintf(it->event, sizeof it->event, "%s", event);
}

static tn_err add_due(void *ctx, const struct tn_duty_due *d)
{
    add(ctx, d, "");
    return TN_OK;
}

static tn_err add_event(void *ctx, const struct tn_duty_due *d, const struct tn__calendar_event *ev)
{
    struct cal_ctx *x = ctx;
    if (d->due >= x->from && d->due <= x->to)
        add(x, d, ev->ref);
    return TN_OK;
}

static tn_err add_done(void *ctx, const struct tn_duty_done_row *r)
{
    struct cal_ctx *x = ctx;
    TN_GROW(x->done, x->capdone, x->ndone + 1);
    x->done[x->ndone++] = *r;
    return TN_OK;
}

static int cmp_item(const void *a, const void *b)
{
    const struct item *x = a, *y = b;
    if (x->d.due != y->d.due)
        return (x->d.due > y->d.due) - (x->d.due < y->d.due);
    int c = strcmp(x->d.rule->duty, y->d.rule->duty);
    return c ? c : strcmp(x->event, y->event);
}

static const struct tn_duty_done_row *done_of(const struct cal_ctx *x, const struct item *it)
{
    for (size_t i = 0; i < x->ndone; i++)
        if (strcmp(x->done[i].duty, it->d.rule->duty) == 0 &&
            strcmp(x->done[i].occurrence, it->occurrence) == 0)
            return &x->done[i];
    return NULL;
}

/* The longest an event duty's due date can follow its event: its days, working days taken as
 * three calendar days each, and a month for the longest run of days off (Tết). */
static tn_day lookback(const struct tn_policy *pol)
{
    tn_day most = 0;
    for (size_t i = 0; i < pol->nduties; i++) {
        const struct tn_duty_rule *r = &pol->duties[i];
        tn_day d = r->recurrence != TN_DUTY_EVENT ? 0 : r->working ? 3 * r->days + 31 : r->days;
        most = d > most ? d : most;
    }
    return most;
}

static tn_err run_calendar(struct tn_app *app, const struct tn_scope *scope,
                           const struct tn_report_params *p, const struct tn_sink *out)
{
    (void)scope;
    struct tn_report_params whole;
    tn_report_params_init(&whole);
    struct cal_ctx x = {0};
    tn_day today;
    if (p->day >= 0)
        today = p->day;
    else if (tn__app_report_day(app, p, &today))
        return tn__app_fail(app, TN_ERR_USAGE, "calendar: the time \"%s\" has no day YYYY-MM-DD",
                            p->as_of ? p->as_of : app->now);
    int has_from = p->from != whole.from, has_to = p->to != whole.to;
    if (p->period >= 0 && (has_from || has_to))
        return tn__app_fail(app, TN_ERR_USAGE, "calendar takes --period or --from/--to, not both");
    if (has_from != has_to)
        return tn__app_fail(app, TN_ERR_USAGE, "calendar needs both --from and --to");
    /* without a range: the month of "today" */
    tn_period month = p->period >= 0 ? p->period : tn_day_period(today);
    x.from = has_from ? p->from : tn_period_first_day(month);
    x.to = has_to ? p->to : tn_period_last_day(month);
    if (x.to < x.from)
        return tn__app_fail(app, TN_ERR_USAGE, "calendar: --to is before --from");
    tn_err err = tn_calendar_due(app->policy, x.from, x.to, add_due, &x);
    if (!err)
        err =
            tn__calendar_events(app, x.from - lookback(app->policy), x.to, p->as_of, add_event, &x);
    if (!err)
        err = tn_store_calendar_done(app->store, p->as_of ? p->as_of : app->now, add_done, &x);
    if (!err)
        tn_sort(x.items, x.n, sizeof *x.items, cmp_item);
    for (size_t i = 0; i < x.n && !err; i++) {
        const struct item *it = &x.items[i];
        const struct tn_duty_rule *r = it->d.rule;
        const struct tn_duty_done_row *dn = done_of(&x, it);
        char due[TN_DAY_BUFSZ];
        tn_day_format(it->d.due, due);
        int overdue = !dn && it->d.due < today;
        struct tn_cell c[CAL_NCOLS];
        c[CAL_due_on] = tn_cell_text(due);
        c[CAL_duty] = tn_cell_text(r->duty);
        c[CAL_name] = tn_cell_text(r->name_vi);
        c[CAL_name_en] = tn_cell_text(r->name_en);
        c[CAL_recurrence] = tn_cell_text(tn_duty_recurrence_name(r->recurrence));
        c[CAL_occurrence] = tn_cell_text(it->occurrence);
        c[CAL_event] = tn_cell_text(it->event);
        c[CAL_department] = tn_cell_text(r->department);
        c[CAL_status] = tn_cell_text(dn ? "done" : overdue ? "overdue" : "due");
        c[CAL_days_overdue] = overdue ? tn_cell_int(today - it->d.due) : tn_cell_null();
        c[CAL_done_on] = dn ? tn_cell_text(dn->done_on) : tn_cell_null();
        c[CAL_done_by] = dn ? tn_cell_text(dn->actor) : tn_cell_null();
        c[CAL_note] = dn ? tn_cell_text(dn->note) : tn_cell_null();
        c[CAL_source] = tn_cell_text(r->source);
        err = out->row(out->ctx, c);
    }
    free(x.items);
    free(x.done);
    return err;
}

static const struct tn_report reports[] = {
    {"calendar", "Lịch công việc theo quy định / Statutory calendar",
     "every duty of policy/calendar.csv due in --period or --from/--to (default: the month of "
     "--date), with its status on --date (default today): done, due or overdue",
     CAL_cols, CAL_NCOLS, TN_REPORT_RANGE | TN_REPORT_NO_SUM, run_calendar},
};

TN__REPORT_GROUP(tn__reports_calendar, reports);
