/*
 * aging.h - how old a unit's debt is and what it is in law (data-formats.md "balances",
 * rules.md §6, §10).
 *
 * months_owed = the sum, over the charge periods whose deadline has passed, of the share of
 * the period's charge (its positive principal, all groups) left unpaid past its deadline, in
 * tenths, rounded down (docs/ledger.md "Months owed"; the statute counts as owed only what is
 * past its deadline). Each month counts at most once, so months owed never exceeds the months
 * from the oldest unpaid period to the period reported, and a charge added to a period never
 * lowers it. bucket: "0" (< 1), "1-3", "3-6", "6-12", "12+". Legal status at the end of the
 * period: current (no principal past its deadline), late (chậm đóng: some principal past its
 * deadline), evading (trốn đóng: some principal unpaid more than the policy's evasion days after
 * its deadline, the days counted from no earlier than the day before the rule's first day; Law
 * 41 Art 39; the Law 58 era sets none; a back-dated increase of a period, an under-declared
 * base, is evading from the day after that period's deadline). Interest alone never makes a unit
 * late or evading: the status sets all the money paid against the contributions alone, oldest
 * period first, so principal the books left unpaid because a group's interest was paid before the
 * next group's principal does not count (docs/ledger.md "Evasion").
 */
#ifndef THUNO_AGING_H
#define THUNO_AGING_H

#include "thuno/ledger.h"

enum tn_legal_status { TN_LS_CURRENT, TN_LS_LATE, TN_LS_EVADING };

struct tn_aging {
    int months_owed_tenths;  /* >= 0 */
    tn_money overdue;        /* unpaid principal whose deadline has passed */
    const char *bucket;      /* static string */
    tn_period oldest_unpaid; /* -1 when nothing is unpaid */
    tn_day oldest_deadline;  /* deadline of the oldest late principal; 0 if none */
    int days_late;           /* days past oldest_deadline at the period's end; 0 if none */
    int evasion_days;        /* days the evasion clock has run (Law 41 Art 39); 0 if none */
    enum tn_legal_status status;
    const char *status_source; /* policy line of the evasion rule (borrowed) */
};

/* Ages the result r of replaying in (the charges of in are the denominators of months owed).
 * Errors: TN_ERR_NO_POLICY if the legal rule is missing for the period's last day, or a
 * deadline or allocation rule for an unpaid period. */
tn_err tn_aging_compute(const struct tn_ledger_input *in, const struct tn_ledger_result *r,
                        struct tn_aging *out);

/* "0", "1-3", "3-6", "6-12", "12+" for months owed in tenths. */
const char *tn_aging_bucket(int months_owed_tenths);

/* The principal a close of base_period found not yet due, which payments (oldest first)
 * reach last: the charges of the base period's payment cycle up to it, k months of monthly
 * for the k-th month of a cycle of cycle months (k = 1 when cycle <= 1), at most principal_due,
 * never below 0 (docs/payments-ops.md "the state of a day"). */
tn_money tn_aging_pending(tn_money monthly, tn_money principal_due, int cycle,
                          tn_period base_period);

/* Months owed on day, in tenths, by the latest close's figures and the payments it did not
 * count (docs/payments-ops.md "the state of a day"): 0 when paid_since covers the debt on day
 * (debt, the close's debt past its deadline, plus pending once pending_due is on or before
 * day: what is not yet due is not owed); else
 * closed_tenths, plus floor(pending * 10 / monthly) once pending_due (>= 0; -1: none) is on
 * or before day, less floor(paid_since * 10 / monthly), never below 0. When monthly <= 0 the
 * close's figure stands (closed_tenths). */
int tn_aging_day_tenths(int closed_tenths, tn_money monthly, tn_money debt, tn_money pending,
                        tn_day pending_due, tn_money paid_since, tn_day day);

/* The first day the principal of a deadline is evasion under legal (the rule in force on the
 * day judged): the day after deadline + evasion_days (Law 41 Art 39); 0 when the rule knows
 * no evasion by days (Law 58 era). tn_aging_compute judges a unit evading by this rule. */
tn_day tn_aging_evading_from(const struct tn_legal_rule *legal, tn_day deadline);

/* The first day the principal of an under-declared base found later (a back-dated increase,
 * charged to the month it concerns: ledger.h back) is evasion under legal: the day after the
 * month's deadline, never before the rule's first day (Law 41 Art 39: "from the day after the
 * deadline", rules.md §6); 0 when the rule knows no evasion by days (Law 58 era). */
tn_day tn_aging_underdeclared_from(const struct tn_legal_rule *legal, tn_day deadline);

/* Debt (nợ) of a unit at the end of a period, split from what is assessed and not yet due
 * (phải nộp, chưa đến hạn). LAW: Law 41/2024/QH15 Art 34.4 (the contribution of month M is
 * due by the last day of M+1, a 3/6-month cycle's by the last day of the month after the
 * cycle; the Law 58 era by the end of the month or cycle: policy/deadlines.csv), Art 38 (late
 * = not paid in full by the deadline), Art 40 (interest on the late amount); docs/ledger.md
 * "Debt". Debt = principal past its deadline and unpaid, plus interest unpaid: interest is
 * charged only on principal already past its deadline and only for days already passed, so
 * all of it is owed when charged. A deadline on the period's last day has passed once that
 * day is over. closing = total + not_due, always. */
struct tn_debt {
    tn_money principal; /* unpaid principal past its deadline, 0 <= principal <= principal_due */
    tn_money interest;  /* unpaid interest (interest_due) */
    tn_money total;     /* the debt: principal + interest */
    tn_money not_due;   /* principal_due - principal: assessed, not yet due (< 0: credit) */
};

/* The debt of a closed period from its figures: overdue is tn_aging's (the books' unpaid
 * principal past its deadline), principal_due and interest_due the close's (principal_due is
 * net of credit, so the past-due principal is capped by it and never below 0). */
void tn_aging_debt(tn_money overdue, tn_money principal_due, tn_money interest_due,
                   struct tn_debt *out);

/* "current", "late", "evading". */
const char *tn_legal_status_name(enum tn_legal_status s);

#endif
