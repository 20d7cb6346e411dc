/*
 * aging.c - months owed, debt bucket and legal status of a unit at a period's end.
 *
 * LAW: Law 41/2024/QH15 Art 38 (late: not paid in full by the deadline), Art 39 (evading:
 * still unpaid 60 days after it); seed 002 for the buckets the office manages by.
 * CONFIRM: a Law 58-era debt still unpaid after 2025-07-01 is judged by the rule in force at
 * the end of the period being reported, its 60 days counted from the rule's first day, never
 * from a deadline before it (rules.md §7: a law does not reach back).
 * Months owed: docs/ledger.md "Months owed" (Law 41 Art 38; seed 002 and Decision 2422/QĐ-BHXH
 * count debt in months: "nợ 01 tháng trở lên", "từ 03 tháng trở lên").
 * Debt: docs/ledger.md "Debt" (Law 41 Art 34.4, 38, 40: what is past its deadline and unpaid;
 * what is assessed and not yet due is shown apart, never as debt).
 */
#include "thuno/aging.h"

#include <stdint.h>

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

/* floor(part * 1,000,000 / whole) for 0 < part <= whole, without overflow for any int64
 * amounts: the share of a period's charge left unpaid, in parts per million. */
static int64_t share_ppm(tn_money part, tn_money whole)
{
    if (part >= whole)
        return 1000000;
    int64_t ppm = 0;
    /* long division, one decimal digit of the quotient at a time: rem < whole, and
     * rem * 10 overflows only for amounts beyond 9 x 10^17 đồng, which we scale first */
    while (whole > INT64_MAX / 10) {
        whole /= 2;
        part /= 2;
    }
    tn_money rem = part;
    for (int i = 0; i < 6; i++) {
        rem *= 10;
        ppm = ppm * 10 + rem / whole;
        rem %= whole;
    }
    return ppm;
}

/* The deadlines of the oldest contributions left unpaid once all the money the unit paid
 * (r->paid_total, and the credit of negative charges) is set against its contributions alone,
 * oldest period first, groups in policy order (0: none past its deadline at end): due[0] of
 * the contributions as declared, due[1] of back-dated increases (an under-declared base found
 * later), which inside a period and group are covered last (the money was paid before they
 * were known). The books pay a group's interest before the next group's principal (Decision
 * 60/2015/QĐ-TTg Art 6), which can leave a few đồng of principal unpaid for interest paid:
 * that is interest the unit owes, not a contribution it kept back (Law 41 Art 38-39 speak of
 * contributions). */
static tn_err contribution_deadlines(const struct tn_ledger_input *in,
                                     const struct tn_ledger_result *r, tn_day end, tn_day due[2])
{
    tn_money money = r->paid_total;
    for (size_t i = 0; i < r->nperiods; i++)
        for (int g = 0; g < TN_G_COUNT; g++)
            if (in->charges[i].principal[g] < 0)
                money -= in->charges[i].principal[g];
    const struct tn_allocation_rule *alloc = NULL;
    due[0] = due[1] = 0;
    for (size_t i = 0; i < r->nperiods; i++) {
        tn_period R = in->start + (tn_period)i;
        tn_err err = tn_policy_allocation(in->pol, tn_period_first_day(R), &alloc);
        if (err)
            return err;
        for (int k = 0; k < TN_G_COUNT; k++) {
            enum tn_group g = alloc->order[k];
            tn_money c = in->charges[i].principal[g];
            if (c <= 0)
                continue;
            tn_money covered = money < c ? money : c;
            money -= covered;
            if (covered == c)
                continue;
            tn_money back = in->charges[i].back[g] < c ? in->charges[i].back[g] : c;
            tn_day dl;
            if ((err = tn_policy_deadline(in->pol, g, in->unit.payment_cycle, R, &dl, NULL)))
                return err;
            if (dl > end)
                continue;
            /* the back-dated part is the last covered: unpaid first */
            int kinds[2] = {c - covered > back, back > 0};
            for (int d = 0; d < 2; d++)
                if (kinds[d] && (due[d] == 0 || dl < due[d]))
                    due[d] = dl;
        }
    }
    return TN_OK;
}

tn_err tn_aging_compute(const struct tn_ledger_input *in, const struct tn_ledger_result *r,
                        struct tn_aging *out)
{
    tn_day end = tn_period_last_day(in->period);
    const struct tn_legal_rule *legal;
    tn_err err = tn_policy_legal(in->pol, end, &legal);
    if (err)
        return err;
    struct tn_aging a = {
        .oldest_unpaid = -1, .status = TN_LS_CURRENT, .status_source = legal->source};
    int64_t owed_ppm = 0;
    for (size_t i = 0; i < r->nperiods; i++) {
        tn_money charged = 0, late = 0;
        for (int g = 0; g < TN_G_COUNT; g++) {
            tn_money c = in->charges[i].principal[g];
            charged += c > 0 ? c : 0;
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
            late += r->out_principal[i * TN_G_COUNT + (size_t)g];
            if (a.oldest_deadline == 0 || dl < a.oldest_deadline)
                a.oldest_deadline = dl;
        }
        a.overdue += late;
        /* LAW: Law 41 Art 38 - only what is past its deadline is owed; each month counts by
         * the share of its own charge left unpaid, so a month counts at most once */
        if (late > 0 && charged > 0)
            owed_ppm += share_ppm(late, charged);
    }
    if (a.oldest_deadline != 0)
        a.days_late = end - a.oldest_deadline;
    /* LAW: Law 41 Art 38-39: late and evading are about contributions; interest left unpaid
     * alone makes a unit neither (docs/ledger.md "Evasion") */
    tn_day due[2] = {0, 0};
    if (a.oldest_deadline != 0 && (err = contribution_deadlines(in, r, end, due)))
        return err;
    for (int d = 0; d < 2; d++) {
        if (due[d] == 0)
            continue;
        tn_day ev = d == 0 ? tn_aging_evading_from(legal, due[d])
                           : tn_aging_underdeclared_from(legal, due[d]);
        /* the days on the evasion clock: from the deadline, or from the rule's first day */
        int days = ev != 0 ? end - (ev - 1 - (d == 0 ? legal->evasion_days : 0)) : 0;
        if (days > a.evasion_days)
            a.evasion_days = days;
        if (ev != 0 && ev <= end)
            a.status = TN_LS_EVADING;
        else if (a.status == TN_LS_CURRENT)
            a.status = TN_LS_LATE;
    }
    a.months_owed_tenths = (int)(owed_ppm / 100000);
    a.bucket = tn_aging_bucket(a.months_owed_tenths);
    *out = a;
    return TN_OK;
}

tn_day tn_aging_evading_from(const struct tn_legal_rule *legal, tn_day deadline)
{
    /* LAW: Law 41/2024/QH15 Art 39: evading when still unpaid evasion_days after the deadline;
     * the rule does not reach back: the days of a debt whose deadline fell before the rule's
     * first day run from that day (rules.md §7 [reading]; docs/ledger.md "Evasion") */
    if (legal->evasion_days <= 0)
        return 0;
    tn_day clock = deadline < legal->from - 1 ? legal->from - 1 : deadline;
    return clock + legal->evasion_days + 1;
}

tn_day tn_aging_underdeclared_from(const struct tn_legal_rule *legal, tn_day deadline)
{
    /* LAW: Law 41/2024/QH15 Art 39 (rules.md §6): a base declared below the lawful one is
     * evasion from the day after the deadline of the month it concerns; not before the rule's
     * first day (a law does not reach back, as tn_aging_evading_from) */
    if (legal->evasion_days <= 0)
        return 0;
    tn_day clock = deadline < legal->from - 1 ? legal->from - 1 : deadline;
    return clock + 1;
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
    /* LAW: Law 41 Art 38: owed on day is what is past its deadline by then */
    int pending_owed = pending_due >= 0 && pending_due <= day;
    if (paid_since >= debt + (pending_owed ? pending : 0))
        return 0;
    if (monthly <= 0)
        return closed_tenths;
    int tenths = closed_tenths;
    /* LAW: Law 41 Art 38: the pending principal is owed from its deadline on */
    if (pending_owed)
        tenths += (int)(pending * 10 / monthly);
    tn_money off = paid_since * 10 / monthly;
    return off >= tenths ? 0 : tenths - (int)off;
}

void tn_aging_debt(tn_money overdue, tn_money principal_due, tn_money interest_due,
                   struct tn_debt *out)
{
    /* LAW: Law 41 Art 34.4, 38: principal is debt once its deadline has passed; credit (a
     * negative principal_due) owes nothing, and the books' overdue never exceeds what is due */
    tn_money due = principal_due > 0 ? principal_due : 0;
    tn_money p = overdue < 0 ? 0 : overdue < due ? overdue : due;
    out->principal = p;
    /* LAW: Law 41 Art 40: interest arises only on the late amount, day by day already past */
    out->interest = interest_due;
    out->total = p + interest_due;
    out->not_due = principal_due - p;
}
