/*
 * plan.c - the repayment-plan default rule (plan.h).
 */
#include "thuno/plan.h"

#include <string.h>

/* Sum of the payments made on or before day. */
static tn_err paid_by(const struct tn_plan_payment *pay, size_t np, tn_day day, tn_money *out)
{
    tn_money sum = 0;
    for (size_t i = 0; i < np; i++)
        if (pay[i].paid_on <= day && tn_money_add(sum, pay[i].amount, &sum))
            return TN_ERR_OVERFLOW;
    *out = sum;
    return TN_OK;
}

tn_err tn_plan_status(const struct tn_instalment *inst, size_t n, const struct tn_plan_payment *pay,
                      size_t np, tn_day as_of, struct tn_plan_status *out)
{
    if (!n)
        return TN_ERR_RANGE;
    for (size_t i = 0; i < n; i++)
        if (inst[i].amount <= 0 || (i && inst[i].due <= inst[i - 1].due))
            return TN_ERR_RANGE;
    for (size_t i = 0; i < np; i++)
        if (pay[i].amount <= 0)
            return TN_ERR_RANGE;

    struct tn_plan_status st;
    memset(&st, 0, sizeof st);
    st.next = n;
    st.detected_on = -1;
    if (paid_by(pay, np, as_of, &st.paid))
        return TN_ERR_OVERFLOW;
    for (size_t i = 0; i < n; i++)
        if (tn_money_add(st.total, inst[i].amount, &st.total))
            return TN_ERR_OVERFLOW;
    tn_money owed = 0; /* instalments 1..i */
    for (size_t i = 0; i < n; i++) {
        if (tn_money_add(owed, inst[i].amount, &owed))
            return TN_ERR_OVERFLOW;
        if (inst[i].due >= as_of) { /* not yet due: met only if already paid ahead */
            if (st.next == n)
                st.next = i;
            if (st.paid >= owed && st.met == i)
                st.met = i + 1;
            continue;
        }
        tn_money by_due;
        if (paid_by(pay, np, inst[i].due, &by_due))
            return TN_ERR_OVERFLOW;
        if (by_due < owed) {
            st.defaulted = 1;
            st.missed = i;
            st.detected_on = inst[i].due + 1;
            st.short_by = owed - by_due;
            break;
        }
        st.met = i + 1;
    }
    st.remainder = st.total > st.paid ? st.total - st.paid : 0;
    st.complete = st.paid >= st.total;
    *out = st;
    return TN_OK;
}

const char *tn_plan_status_name(const struct tn_plan_status *st)
{
    return st->complete ? "complete" : st->defaulted ? "defaulted" : "on_track";
}
