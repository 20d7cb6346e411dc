/*
 * report_letters.c - the letter reports of `thuno report`: `reminders`, the register of
 * written reminders with the 60-day clock each one starts (Law 41/2024/QH15 Art 39: unpaid 60
 * days after the written reminder is evading; rules.md §6; docs/letters.md "The 60-day
 * clock"). The clock is judged on the day of --as-of (default today) against the unit's
 * latest close known then: a reminder is paid once a close shows nothing unpaid of the
 * periods it named (oldest_unpaid later than overdue_through).
 */
#include "report_int.h"

#include <stdio.h>
#include <string.h>

#include "thuno/letters.h"
#include "thuno/policy.h"
#include "thuno/store.h"

const char *const tn__reminders_cols[] = {"unit_code",
                                          "letter_no",
                                          "period",
                                          "sent_on",
                                          "overdue",
                                          "overdue_through",
                                          "debt",
                                          "case_id",
                                          "clock_ends",
                                          "evading_from",
                                          "days_left",
                                          "deadline_clock_ends",
                                          "latest_period",
                                          "oldest_unpaid_now",
                                          "paid",
                                          "clock",
                                          "legal_status_now",
                                          "actor",
                                          NULL};

struct rem_ctx {
    const struct tn_policy *pol;
    struct tn_table_out *t;
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
    const struct tn_legal_rule *lr;
    /* LAW: Law 41/2024/QH15 Art 39: evading when still unpaid the policy's evasion days
     * (60) after the written reminder, or after the deadline (the close's legal_status) */
    char sent[TN_DAY_BUFSZ];
    tn_day_format(r->sent_on, sent);
    if (tn_policy_legal(x->pol, r->sent_on, &lr)) {
        tn_cli_error("report", "%s %s: no rule in policy/legal.csv on %s", r->unit_code,
                     r->letter_no, sent);
        return TN_ERR_NO_POLICY;
    }
    int ev = lr->evasion_days;
    tn_day ends = r->sent_on + ev;
    int has_latest = latest->close_id != 0;
    int paid = has_latest && latest->period >= r->period &&
               (latest->oldest_unpaid < 0 || latest->oldest_unpaid > r->overdue_through);
    const char *clock = paid ? "paid" : ev == 0 ? "none" : x->today <= ends ? "running" : "expired";
    char per[TN_PERIOD_BUFSZ], thru[TN_PERIOD_BUFSZ] = "", e1[TN_DAY_BUFSZ], e2[TN_DAY_BUFSZ],
                               e3[TN_DAY_BUFSZ], lp[TN_PERIOD_BUFSZ] = "", ou[TN_PERIOD_BUFSZ] = "";
    tn_period_format(r->period, per);
    if (r->overdue_through >= 0)
        tn_period_format(r->overdue_through, thru);
    day_text(ev ? ends : -1, e1);
    day_text(ev ? ends + 1 : -1, e2);
    day_text(ev && r->oldest_deadline >= 0 ? r->oldest_deadline + ev : -1, e3);
    if (has_latest)
        tn_period_format(latest->period, lp);
    if (has_latest && latest->oldest_unpaid >= 0)
        tn_period_format(latest->oldest_unpaid, ou);
    struct tn_cell c[] = {
        TEXT(r->unit_code),
        TEXT(r->letter_no),
        TEXT(per),
        TEXT(sent),
        INT(r->overdue),
        TEXT(thru),
        INT(r->debt),
        TEXT(r->case_id),
        TEXT(e1),
        TEXT(e2),
        INT((int64_t)ends - x->today),
        TEXT(e3),
        TEXT(lp),
        TEXT(ou),
        INT(paid),
        TEXT(clock),
        TEXT(has_latest ? latest->legal_status : ""),
        TEXT(r->actor),
    };
    if (paid || ev == 0)
        c[10] = (struct tn_cell)NUL;
    return tn_table_row(x->t, c);
}

tn_err tn__run_reminders(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                         struct tn_table_out *t)
{
    struct tn_policy pol;
    tn_policy_init(&pol);
    tn_err err = tn_cli_load_policy(cli, &pol);
    if (err)
        return err;
    struct rem_ctx x = {&pol, t, 0};
    if (tn__report_day(a, &x.today))
        err = TN_ERR_USAGE;
    struct tn_letter_filter f = {NULL};
    if (!err)
        err = tn_store_reminders(s, a->as_of ? a->as_of : a->now, &f, reminder_row, &x);
    tn_policy_release(&pol);
    return err;
}
