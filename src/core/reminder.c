/*
 * reminder.c - the figures of the letters to units (reminder.h, docs/letters.md): interest a
 * day, days late, evasion days and the day to pay by, from the policy and the letter's date.
 *
 * LAW: Law 41/2024/QH15 Art 39 (evasion days), Art 40 (0.03% a day); Decree 274/2025/NĐ-CP.
 */
#include "thuno/reminder.h"

#include <string.h>

tn_err tn_reminder_overdue(const struct tn_policy *pol, tn_period period, int payment_cycle,
                           const struct tn_letter_owed *owed, size_t n,
                           struct tn_letter_overdue *out)
{
    struct tn_letter_overdue o;
    memset(&o, 0, sizeof o);
    o.through = -1;
    o.oldest_deadline = -1;
    tn_day end = tn_period_last_day(period);
    for (size_t i = 0; i < n; i++) {
        for (int g = 0; g < TN_G_COUNT; g++) {
            tn_money m = owed[i].principal[g];
            if (m <= 0)
                continue;
            tn_day due;
            tn_err err = tn_policy_deadline(pol, (enum tn_group)g, payment_cycle, owed[i].period,
                                            &due, NULL);
            if (err)
                return err;
            if (due > end)
                continue; /* LAW: Law 41 Art 38: late only once the deadline has passed */
            o.principal[g] += m;
            o.total += m;
            if (owed[i].period > o.through)
                o.through = owed[i].period;
            if (o.oldest_deadline < 0 || due < o.oldest_deadline)
                o.oldest_deadline = due;
        }
    }
    *out = o;
    return TN_OK;
}

tn_err tn_reminder_daily_rate(const struct tn_policy *pol, tn_day d, tn_ppm *out)
{
    const struct tn_interest_rule *ir;
    tn_err err = tn_policy_interest_rule(pol, d, &ir);
    if (err)
        return err;
    if (ir->kind != TN_INT_DAILY)
        return TN_ERR_NO_POLICY;
    *out = ir->daily_rate;
    return TN_OK;
}

tn_err tn_reminder_interest_per_day(const struct tn_policy *pol, tn_day d, tn_money overdue,
                                    tn_money *out)
{
    tn_ppm rate;
    tn_err err = tn_reminder_daily_rate(pol, d, &rate);
    if (err)
        return err;
    return tn_money_mul_ppm(overdue, rate, out);
}

tn_err tn_reminder_evasion_days(const struct tn_policy *pol, tn_day d, int *out)
{
    const struct tn_legal_rule *lr;
    tn_err err = tn_policy_legal(pol, d, &lr);
    if (err)
        return err;
    *out = lr->evasion_days;
    return TN_OK;
}

long tn_reminder_days_late(tn_day on, tn_day oldest_deadline)
{
    return oldest_deadline >= 0 ? (long)(on - oldest_deadline) : 0;
}

tn_day tn_reminder_pay_by(tn_day on, tn_day oldest_deadline, int evasion_days)
{
    tn_day pay_by = on + evasion_days;
    /* the letter says evasion counts from the deadline or from the reminder (Law 41/2024/QH15
     * Art 39): the deadline's day when it is the earlier and not yet past, else the letter's */
    if (oldest_deadline >= 0 && oldest_deadline + evasion_days >= on &&
        oldest_deadline + evasion_days < pay_by)
        pay_by = oldest_deadline + evasion_days;
    return pay_by;
}

tn_money tn_reminder_overdue_stated(tn_money overdue, int split_ok, tn_money principal_due)
{
    return !split_ok && overdue > principal_due ? principal_due : overdue;
}

void tn_reminder_funds(const tn_money overdue[static TN_G_COUNT],
                       const tn_money interest_due[static TN_G_COUNT],
                       const tn_money closing[static TN_G_COUNT], struct tn_reminder_funds *out)
{
    for (int g = 0; g < TN_G_COUNT; g++) {
        out->overdue[g] = overdue[g];
        out->interest_due[g] = interest_due[g];
        out->not_due[g] = closing[g] - interest_due[g] - overdue[g];
        out->closing[g] = closing[g];
    }
}

void tn_reminder_clock(const struct tn_reminder_clock_in *in, tn_day today,
                       struct tn_reminder_clock *out)
{
    int ev = in->evasion_days;
    tn_day ends = in->sent_on + ev;
    /* paid once a close of the period or later shows nothing unpaid of the periods named */
    out->paid = in->has_latest && in->latest_period >= in->period &&
                (in->latest_oldest_unpaid < 0 || in->latest_oldest_unpaid > in->overdue_through);
    out->ends = ev ? ends : -1;
    out->evading_from = ev ? ends + 1 : -1;
    out->deadline_ends = ev && in->oldest_deadline >= 0 ? in->oldest_deadline + ev : -1;
    out->days_left = (long)ends - today;
    out->state = out->paid ? "paid" : ev == 0 ? "none" : today <= ends ? "running" : "expired";
}
