/*
 * aging.c - months owed, debt bucket and legal status of a unit at a period's end.
 *
 * LAW: Law 41/2024/QH15 Art 38 (late: not paid in full by the deadline), Art 39 (evading:
 * still unpaid 60 days after it); seed 002 for the buckets the office manages by.
 * CONFIRM: a Law 58-era debt still unpaid after 2025-07-01 is judged by the rule in force at
 * the end of the period being reported (rules.md §7 reads the transition the same way).
 */
#include "thuno/aging.h"

const char *tn_aging_bucket(int t)
{
    if (t < 10)
        return "0";
    if (t < 30)
        return "1-3";
    if (t < 60)
        return "3-6";
    if (t < 120)
        return "6-12";
    return "12+";
}

const char *tn_legal_status_name(enum tn_legal_status s)
{
    switch (s) {
    case TN_LS_CURRENT:
        return "current";
    case TN_LS_LATE:
        return "late";
    case TN_LS_EVADING:
        return "evading";
    }
    return "current";
}

tn_err tn_aging_compute(const struct tn_ledger_input *in, const struct tn_ledger_result *r,
                        tn_money latest_assessed, struct tn_aging *out)
{
    tn_day end = tn_period_last_day(in->period);
    const struct tn_legal_rule *legal;
    tn_err err = tn_policy_legal(in->pol, end, &legal);
    if (err)
        return err;
    struct tn_aging a = {
        .oldest_unpaid = -1, .status = TN_LS_CURRENT, .status_source = legal->source};
    for (size_t i = 0; i < r->nperiods; i++) {
        for (int g = 0; g < TN_G_COUNT; g++) {
            if (r->out_principal[i * TN_G_COUNT + (size_t)g] <= 0)
                continue;
            tn_period R = in->start + (tn_period)i;
            if (a.oldest_unpaid < 0)
                a.oldest_unpaid = R;
            tn_day dl;
            if ((err = tn_policy_deadline(in->pol, (enum tn_group)g, in->unit.payment_cycle, R, &dl,
                                          NULL)))
                return err;
            /* a deadline on the period's last day has passed once that day is over */
            if (dl > end)
                continue;
            a.overdue += r->out_principal[i * TN_G_COUNT + (size_t)g];
            if (a.oldest_deadline == 0 || dl < a.oldest_deadline)
                a.oldest_deadline = dl;
        }
    }
    if (a.oldest_deadline != 0) {
        a.days_late = end - a.oldest_deadline;
        tn_day ev = tn_aging_evading_from(legal, a.oldest_deadline);
        a.status = ev != 0 && ev <= end ? TN_LS_EVADING : TN_LS_LATE;
    }
    /* LAW: only what is past its deadline is owed (Law 41 Art 38); under Law 41 the month
     * just closed is not due until the end of the next one */
    if (a.overdue <= 0)
        a.months_owed_tenths = 0;
    else if (latest_assessed > 0)
        a.months_owed_tenths = (int)(a.overdue * 10 / latest_assessed);
    else
        a.months_owed_tenths = a.oldest_unpaid >= 0 ? (in->period - a.oldest_unpaid + 1) * 10 : -1;
    a.bucket = tn_aging_bucket(a.months_owed_tenths < 0 ? 0 : a.months_owed_tenths);
    *out = a;
    return TN_OK;
}

tn_day tn_aging_evading_from(const struct tn_legal_rule *legal, tn_day deadline)
{
    /* LAW: Law 41/2024/QH15 Art 39: evading when still unpaid evasion_days after the deadline */
    return legal->evasion_days > 0 ? deadline + legal->evasion_days + 1 : 0;
}

void tn_aging_unpaid(const struct tn_aging_period *p, size_t n, tn_money principal_due,
                     const enum tn_group order[TN_G_COUNT], tn_money *unpaid)
{
    tn_money left = principal_due > 0 ? principal_due : 0;
    for (size_t i = n; i-- > 0;) {
        /* inside a period the groups are paid in order: the last group paid is unpaid first */
        for (int k = TN_G_COUNT; k-- > 0;) {
            enum tn_group g = order[k];
            tn_money c = p[i].charge[g] > 0 ? p[i].charge[g] : 0;
            tn_money u = c < left ? c : left;
            unpaid[i * TN_G_COUNT + (size_t)g] = u;
            left -= u;
        }
    }
}

tn_money tn_aging_pending(tn_money monthly, tn_money principal_due, int cycle,
                          tn_period base_period)
{
    int k = cycle > 1 ? (int)(base_period % 12) % cycle + 1 : 1;
    tn_money pending = monthly * k < principal_due ? monthly * k : principal_due;
    return pending > 0 ? pending : 0;
}

int tn_aging_day_tenths(int closed_tenths, tn_money monthly, tn_money debt, tn_money pending,
                        tn_day pending_due, tn_money paid_since, tn_day day)
{
    if (paid_since >= debt)
        return 0;
    if (monthly <= 0)
        return closed_tenths;
    int tenths = closed_tenths;
    /* LAW: Law 41 Art 38: the pending principal is owed from its deadline on */
    if (pending_due >= 0 && pending_due <= day)
        tenths += (int)(pending * 10 / monthly);
    tn_money off = paid_since * 10 / monthly;
    return off >= tenths ? 0 : tenths - (int)off;
}
