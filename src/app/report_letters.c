/*
 * report_letters.c - the letter reports: `reminders`, the register of written reminders with
 * the 60-day clock each one starts (Law 41/2024/QH15 Art 39: unpaid 60 days after the written
 * reminder is evading; rules.md §6; docs/letters.md "The 60-day clock"). The clock is judged on
 * the day of as_of (default the caller's now) against the unit's latest close known then: a
 * reminder is paid once a close shows nothing unpaid of the periods it named (oldest_unpaid
 * later than overdue_through): core's tn_reminder_clock. Registered as the group
 * tn__reports_letters (report_registry.c).
 */
#include "app_int.h"

#include <stdio.h>
#include <string.h>

#include "thuno/letters.h"
#include "thuno/policy.h"
#include "thuno/reminder.h"
#include "thuno/store.h"

/* clang-format off */
#define REM_COLS(X, p)                                                                             \
    X(p, unit_code, TEXT, "Mã đơn vị", "Unit code", 0)                                             \
    X(p, letter_no, TEXT, "Số văn bản", "Letter number", 0)                                        \
    X(p, period, PERIOD, "Kỳ", "Period", 0)                                                        \
    X(p, sent_on, DATE, "Ngày gửi", "Sent on", 0)                                                  \
    X(p, overdue, MONEY, "Số tiền chậm đóng", "Overdue", 1)                                        \
    X(p, overdue_through, PERIOD, "Chậm đóng đến kỳ", "Overdue through", 0)                        \
    X(p, debt, MONEY, "Tổng số còn phải nộp", "Total owed", 1)                                     \
    X(p, case_id, TEXT, "Mã hồ sơ", "Case", 0)                                                     \
    X(p, clock_ends, DATE, "Hết thời hạn 60 ngày", "Clock ends", 0)                                \
    X(p, evading_from, DATE, "Trốn đóng từ ngày", "Evading from", 0)                               \
    X(p, days_left, NUMBER, "Số ngày còn lại", "Days left", 0)                                     \
    X(p, deadline_clock_ends, DATE, "Hết thời hạn tính từ hạn đóng", "Clock from the deadline ends", 0) \
    X(p, latest_period, PERIOD, "Kỳ khóa sổ gần nhất", "Latest closed period", 0)                  \
    X(p, oldest_unpaid_now, PERIOD, "Kỳ nợ cũ nhất hiện nay", "Oldest unpaid period now", 0)       \
    X(p, paid, COUNT, "Đã đóng", "Paid", 1)                                                        \
    X(p, clock, TEXT, "Tình trạng thời hạn", "Clock", 0)                                           \
    X(p, legal_status_now, TEXT, "Tình trạng pháp lý hiện nay", "Legal status now", 0)             \
    X(p, actor, TEXT, "Người gửi", "Sent by", 0)
TN_COLUMNS(REM, REM_COLS);
/* clang-format on */

struct rem_ctx {
    struct tn_app *app;
    const struct tn_sink *out;
    tn_day today;
};

static void day_text(tn_day d, char buf[static TN_DAY_BUFSZ])
{
    if (d < 0)
        buf[0] = '\0';
    else
        tn_day_format(d, buf);
}

static tn_err reminder_row(void *ctx, const struct tn_reminder_row *r,
                           const struct tn_balance_row *latest)
{
    struct rem_ctx *x = ctx;
    char sent[TN_DAY_BUFSZ];
    tn_day_format(r->sent_on, sent);
    int has_latest = latest->close_id != 0;
    struct tn_reminder_clock_in in = {.sent_on = r->sent_on,
                                      .period = r->period,
                                      .overdue_through = r->overdue_through,
                                      .oldest_deadline = r->oldest_deadline,
                                      .has_latest = has_latest,
                                      .latest_period = latest->period,
                                      .latest_oldest_unpaid = latest->oldest_unpaid};
    if (tn_reminder_evasion_days(x->app->policy, r->sent_on, &in.evasion_days))
        return tn__app_fail(x->app, TN_ERR_NO_POLICY, "%s %s: no rule in policy/legal.csv on %s",
                            r->unit_code, r->letter_no, sent);
    struct tn_reminder_clock k;
    tn_reminder_clock(&in, x->today, &k);
    char per[TN_PERIOD_BUFSZ], thru[TN_PERIOD_BUFSZ] = "", e1[TN_DAY_BUFSZ], e2[TN_DAY_BUFSZ],
                               e3[TN_DAY_BUFSZ], lp[TN_PERIOD_BUFSZ] = "", ou[TN_PERIOD_BUFSZ] = "";
    tn_period_format(r->period, per);
    if (r->overdue_through >= 0)
        tn_period_format(r->overdue_through, thru);
    day_text(k.ends, e1);
    day_text(k.evading_from, e2);
    day_text(k.deadline_ends, e3);
    if (has_latest)
        tn_period_format(latest->period, lp);
    if (has_latest && latest->oldest_unpaid >= 0)
        tn_period_format(latest->oldest_unpaid, ou);
    struct tn_cell c[REM_NCOLS];
    c[REM_unit_code] = tn_cell_text(r->unit_code);
    c[REM_letter_no] = tn_cell_text(r->letter_no);
    c[REM_period] = tn_cell_text(per);
    c[REM_sent_on] = tn_cell_text(sent);
    c[REM_overdue] = tn_cell_int(r->overdue);
    c[REM_overdue_through] = tn_cell_text(thru);
    c[REM_debt] = tn_cell_int(r->debt);
    c[REM_case_id] = tn_cell_text(r->case_id);
    c[REM_clock_ends] = tn_cell_text(e1);
    c[REM_evading_from] = tn_cell_text(e2);
    /* no days left once paid, or without an evasion clock */
    c[REM_days_left] = k.paid || k.ends < 0 ? tn_cell_null() : tn_cell_int(k.days_left);
    c[REM_deadline_clock_ends] = tn_cell_text(e3);
    c[REM_latest_period] = tn_cell_text(lp);
    c[REM_oldest_unpaid_now] = tn_cell_text(ou);
    c[REM_paid] = tn_cell_int(k.paid);
    c[REM_clock] = tn_cell_text(k.state);
    c[REM_legal_status_now] = tn_cell_text(has_latest ? latest->legal_status : "");
    c[REM_actor] = tn_cell_text(r->actor);
    return x->out->row(x->out->ctx, c);
}

static tn_err run_reminders(struct tn_app *app, const struct tn_scope *scope,
                            const struct tn_report_params *p, const struct tn_sink *out)
{
    struct rem_ctx x = {app, out, 0};
    if (tn__app_report_day(app, p, &x.today))
        return tn__app_fail(app, TN_ERR_USAGE, "reminders: the time \"%s\" has no day YYYY-MM-DD",
                            p->as_of ? p->as_of : app->now);
    struct tn_letter_filter f = {NULL};
    return tn_store_reminders(app->store, scope->office, p->as_of ? p->as_of : app->now, &f,
                              reminder_row, &x);
}

static const struct tn_report reports[] = {
    {"reminders", "Sổ theo dõi văn bản đôn đốc / Reminder register",
     "the written reminders sent, each with its 60-day clock to evading and whether it was paid",
     REM_cols, REM_NCOLS, TN_REPORT_OFFICE, run_reminders},
};

TN__REPORT_GROUP(tn__reports_letters, reports);
