/*
 * inspection.c - recovery of inspection conclusions and the selection rules of the lists sent
 * to other agencies (see inspection.h; definitions and worked figures in docs/inspections.md).
 *
 * Recovery: money the unit pays after a conclusion is taken to pay what the conclusion found
 * first, because the ledger pays the oldest periods first (policy/allocation.csv) and what an
 * inspection finds concerns periods before it. CONFIRM: the unit may have older debt of its
 * own; the rule then counts that money as recovery too (docs/inspections.md "Recovery").
 */
#include "thuno/inspection.h"

#include <stdio.h>
#include <string.h>

#include "policy_int.h"

tn_err tn_inspection_recover(struct tn_inspection_claim *claims, size_t n,
                             const struct tn_inspection_payment *pays, size_t npays)
{
    for (size_t i = 0; i < n; i++)
        if (claims[i].found < 0 || (i && claims[i].concluded_on < claims[i - 1].concluded_on))
            return TN_ERR_RANGE;
    for (size_t j = 0; j < npays; j++)
        if (pays[j].amount <= 0 || (j && pays[j].paid_on < pays[j - 1].paid_on))
            return TN_ERR_RANGE;
    for (size_t i = 0; i < n; i++)
        claims[i].recovered = 0;
    size_t first_open = 0;
    for (size_t j = 0; j < npays; j++) {
        tn_money left = pays[j].amount;
        for (size_t i = first_open; i < n && left > 0; i++) {
            if (claims[i].concluded_on >= pays[j].paid_on)
                break; /* concluded on or after the payment: later ones too */
            tn_money lacks = claims[i].found - claims[i].recovered;
            tn_money take = lacks < left ? lacks : left;
            claims[i].recovered += take;
            left -= take;
        }
        while (first_open < n && claims[first_open].recovered == claims[first_open].found)
            first_open++;
    }
    return TN_OK;
}

enum tn_inspection_status tn_inspection_status(tn_money remaining, tn_day remedy_by, tn_day today,
                                               long *days_past)
{
    *days_past = 0;
    if (remaining <= 0)
        return TN_INSP_RECOVERED;
    if (today > remedy_by) {
        *days_past = (long)(today - remedy_by);
        return TN_INSP_OVERDUE;
    }
    return TN_INSP_OPEN;
}

const char *tn_inspection_status_name(enum tn_inspection_status st)
{
    switch (st) {
    case TN_INSP_OPEN:
        return "open";
    case TN_INSP_RECOVERED:
        return "recovered";
    case TN_INSP_OVERDUE:
        return "overdue";
    }
    return "?";
}

tn_err tn_inspection_rule_at(const struct tn_inspection_rule *entries, size_t n, tn_day day,
                             const struct tn_inspection_rule **out)
{
    size_t i = TN__EFFECTIVE_UPPER(entries, n, day);
    if (i == 0)
        return TN_ERR_NO_POLICY;
    *out = &entries[i - 1];
    return TN_OK;
}

unsigned tn_inspection_referral(const struct tn_inspection_rule *r,
                                const struct tn_referral_facts *f)
{
    unsigned why = 0;
    if (f->evading)
        why |= TN_REFER_EVADING;
    if (f->months_owed_tenths >= r->referral_months_tenths)
        why |= TN_REFER_MONTHS_OWED;
    if (f->reported >= 0 && f->reported - f->declared >= r->referral_worker_gap)
        why |= TN_REFER_UNDER_DECLARED;
    if (f->findings > 0 && f->findings >= r->referral_findings)
        why |= TN_REFER_BELOW_MIN_WAGE;
    if (f->inspections_overdue > 0)
        why |= TN_REFER_INSPECTION_OVERDUE;
    return why;
}

void tn_inspection_referral_names(unsigned reasons, char *buf, size_t bufsz)
{
    static const char *const names[] = {"evading", "months_owed", "under_declared",
                                        "below_min_wage", "inspection_overdue"};
    size_t o = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (!(reasons & (1u << i)) || o >= bufsz)
            continue;
        int w = snprintf(buf + o, bufsz - o, "%s%s", o ? ";" : "", names[i]);
        o += w > 0 ? (size_t)w : 0;
    }
}

const char *tn_inspection_refuses(const struct tn_inspection_rule *r, int months_owed_tenths,
                                  int evading, long reminders)
{
    if (evading)
        return "evading";
    if (months_owed_tenths >= r->refuse_months_tenths && reminders >= r->refuse_reminders)
        return "owes_despite_reminders";
    return NULL;
}

int tn_inspection_under_declared(long long reported, long long declared, int min_gap,
                                 int min_ratio_percent)
{
    return reported - declared >= min_gap && reported * 100 >= declared * min_ratio_percent;
}
