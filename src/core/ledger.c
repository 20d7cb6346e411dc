/*
 * ledger.c - replay of one unit's account: charges, payments, allocation, interest.
 *
 * LAW: Law 58/2014/QH13 Art 122.3, Decision 595/QĐ-BHXH Art 37-38, Decision 60/2015/QĐ-TTg
 * Art 6 (monthly P x k; allocation order); Law 41/2024/QH15 Art 40 with Decree 274/2025/NĐ-CP
 * (0.03% a day from the day after the deadline). The design and every choice the texts leave
 * open are in docs/ledger.md; rules.md §7-§8 gives the sources.
 * CONFIRM: the year of k is the year of the month of lateness (Decision 595 Art 38 not read).
 */
#include "thuno/ledger.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/ledger_carry.h"
#include "thuno/mem.h"

struct replay {
    const struct tn_ledger_input *in;
    struct tn_ledger_result *r;
    tn_day *deadline;             /* [(R - start) * TN_G_COUNT + g] */
    tn_money pending[TN_G_COUNT]; /* daily interest of the month, charged at its end */
    struct earmark_left {
        const tn_money *key; /* the payments' earmark array */
        tn_money *left;      /* what of it is not yet settled */
    } * ear;
    size_t near, capear;
};

void tn_ledger_result_init(struct tn_ledger_result *r)
{
    memset(r, 0, sizeof *r);
}

void tn_ledger_result_release(struct tn_ledger_result *r)
{
    free(r->interest);
    free(r->alloc);
    free(r->out_principal);
    free(r->out_interest);
    tn_ledger_result_init(r);
}

static tn_money *out_p(struct replay *x, tn_period R, int g)
{
    return &x->r->out_principal[(size_t)(R - x->in->start) * TN_G_COUNT + (size_t)g];
}

static tn_money *out_i(struct replay *x, tn_period R, int g)
{
    return &x->r->out_interest[(size_t)(R - x->in->start) * TN_G_COUNT + (size_t)g];
}

static tn_day deadline(const struct replay *x, tn_period R, int g)
{
    return x->deadline[(size_t)(R - x->in->start) * TN_G_COUNT + (size_t)g];
}

/* Whether the principal of period R bears interest on day d: an opening balance only from the
 * day after its cut-over (its interest to that day is in its opening interest). */
static int bears_from(const struct replay *x, tn_period R, tn_day d)
{
    return d >= x->in->charges[R - x->in->start].interest_from;
}

static void push_alloc(struct replay *x, size_t payment, tn_day on, tn_period R, int g,
                       int interest, tn_money amount)
{
    struct tn_ledger_result *r = x->r;
    TN_GROW(r->alloc, r->capalloc, r->nalloc + 1);
    r->alloc[r->nalloc++] = (struct tn_alloc_item){
        .payment = payment,
        .on = on,
        .target = R,
        .group = (enum tn_group)g,
        .interest = interest,
        .amount = amount,
    };
}

/* What is left of the earmark array key, copied from it on first use. */
static tn_money *earmark_left(struct replay *x, const tn_money *key)
{
    for (size_t i = 0; i < x->near; i++)
        if (x->ear[i].key == key)
            return x->ear[i].left;
    size_t n = x->r->nperiods * TN_G_COUNT;
    TN_GROW(x->ear, x->capear, x->near + 1);
    x->ear[x->near].key = key;
    x->ear[x->near].left = tn_xmalloc(n * sizeof(tn_money));
    memcpy(x->ear[x->near].left, key, n * sizeof(tn_money));
    return x->ear[x->near++].left;
}

/* LAW: Decision 60/2015/QĐ-TTg Art 6 - the earmarked worker's own principal first. */
static tn_money settle_earmark(struct replay *x, const struct tn_allocation_rule *rule,
                               tn_money amount, size_t payment, tn_day on, tn_period upto)
{
    tn_money *left = earmark_left(x, x->in->payments[payment].earmark);
    for (tn_period R = x->in->start; R <= upto && amount > 0; R++)
        for (int k = 0; k < TN_G_COUNT && amount > 0; k++) {
            int g = rule->order[k];
            tn_money *owed = out_p(x, R, g),
                     *mine = &left[(size_t)(R - x->in->start) * TN_G_COUNT + g];
            if (*owed <= 0 || *mine <= 0)
                continue;
            tn_money take = amount < *owed ? amount : *owed;
            take = take < *mine ? take : *mine;
            *owed -= take;
            *mine -= take;
            amount -= take;
            push_alloc(x, payment, on, R, g, 0, take);
        }
    return amount;
}

/* Pays what is owed up to period upto with amount, in the policy's order on day `on`;
 * returns what is left. */
static tn_err apply_money(struct replay *x, tn_money amount, size_t payment, tn_day on,
                          tn_period upto, tn_money *left)
{
    const struct tn_allocation_rule *rule;
    tn_err err = tn_policy_allocation(x->in->pol, on, &rule);
    if (err)
        return err;
    if (payment != SIZE_MAX && x->in->payments[payment].earmark)
        amount = settle_earmark(x, rule, amount, payment, on, upto);
    for (tn_period R = x->in->start; R <= upto && amount > 0; R++) {
        for (int k = 0; k < TN_G_COUNT && amount > 0; k++) {
            int g = rule->order[k];
            for (int part = 0; part < 2 && amount > 0; part++) {
                int interest = rule->interest_first ? part == 0 : part == 1;
                tn_money *owed = interest ? out_i(x, R, g) : out_p(x, R, g);
                if (*owed <= 0)
                    continue;
                tn_money take = amount < *owed ? amount : *owed;
                *owed -= take;
                amount -= take;
                push_alloc(x, payment, on, R, g, interest, take);
            }
        }
    }
    *left = amount;
    return TN_OK;
}

static tn_err apply_credit(struct replay *x, tn_day on, tn_period upto)
{
    if (x->r->credit <= 0)
        return TN_OK;
    return apply_money(x, x->r->credit, SIZE_MAX, on, upto, &x->r->credit);
}

static tn_err push_interest(struct replay *x, const struct tn_interest_item *it)
{
    struct tn_ledger_result *r = x->r;
    TN_GROW(r->interest, r->capinterest, r->ninterest + 1);
    r->interest[r->ninterest++] = *it;
    tn_err err =
        tn_money_add(r->interest_total[it->group], it->amount, &r->interest_total[it->group]);
    if (!err && it->charge_period < x->in->period)
        err =
            tn_money_add(r->interest_before[it->group], it->amount, &r->interest_before[it->group]);
    return err;
}

/* LAW: Law 58 Art 122.3 - on the 1st of month A, P x k for the lateness of month A-1. */
static tn_err charge_monthly(struct replay *x, tn_period A, const struct tn_interest_rule *rule)
{
    tn_period prev = A - 1;
    tn_day end_prev = tn_period_last_day(prev);
    for (int g = 0; g < TN_G_COUNT; g++) {
        tn_money P = 0;
        /* the previous month's own charge is not yet overdue: periods up to A-2 only, and
         * for 3/6-monthly payers only those whose deadline has passed */
        for (tn_period R = x->in->start; R <= A - 2; R++)
            if (deadline(x, R, g) <= end_prev && *out_p(x, R, g) > 0 &&
                bears_from(x, R, tn_period_first_day(prev)))
                P += *out_p(x, R, g);
        if (P <= 0)
            continue;
        struct tn_interest_item it = {
            .group = (enum tn_group)g,
            .rule = TN_INT_MONTHLY_K,
            .charge_period = A,
            .accrual_month = prev,
            .from = tn_period_first_day(prev),
            .to = end_prev,
            .principal = P,
            .year = prev / 12,
            .source = rule->source,
        };
        const struct tn_k_entry *k;
        enum tn_kgroup kg = g == TN_G_BHYT ? TN_K_BHYT : TN_K_BHXH_BHTN;
        if (tn_policy_k(x->in->pol, prev / 12, kg, &k) == TN_OK) {
            tn_err err = tn_money_mul_ppm(P, k->k, &it.amount);
            if (err)
                return err;
            it.rate = k->k;
            it.source = k->source;
        } else {
            it.missing_rate = 1; /* reported with its principal, never guessed */
        }
        tn_err err = push_interest(x, &it);
        if (err)
            return err;
        *out_i(x, A, g) += it.amount;
    }
    return TN_OK;
}

/* LAW: Law 41 Art 40 - late amount x 0.03% x days, from the day after the deadline.
 * Accrues days from..to of month A into x->pending. */
static tn_err accrue_daily(struct replay *x, tn_period A, tn_day from, tn_day to)
{
    const struct tn_policy *pol = x->in->pol;
    tn_day s = from;
    while (s <= to) {
        const struct tn_interest_rule *rule;
        tn_err err = tn_policy_interest_rule(pol, s, &rule);
        if (err)
            return err;
        tn_day e = to;
        /* the next rule, if it starts inside, ends this segment */
        for (size_t i = 0; i < pol->ninterest; i++)
            if (pol->interest[i].from > s && pol->interest[i].from - 1 < e)
                e = pol->interest[i].from - 1;
        /* a deadline inside changes the late amount the day after it; so does the first day
         * an opening balance bears interest */
        for (tn_period R = x->in->start; R <= A; R++) {
            for (int g = 0; g < TN_G_COUNT; g++) {
                tn_day dl = deadline(x, R, g);
                if (dl >= s && dl < e)
                    e = dl;
            }
            tn_day from = x->in->charges[R - x->in->start].interest_from;
            if (from > s && from - 1 < e)
                e = from - 1;
        }
        if (rule->kind == TN_INT_DAILY) {
            for (int g = 0; g < TN_G_COUNT; g++) {
                tn_money late = 0;
                for (tn_period R = x->in->start; R <= A; R++)
                    if (deadline(x, R, g) < s && *out_p(x, R, g) > 0 && bears_from(x, R, s))
                        late += *out_p(x, R, g);
                if (late <= 0)
                    continue;
                struct tn_interest_item it = {
                    .group = (enum tn_group)g,
                    .rule = TN_INT_DAILY,
                    .charge_period = A,
                    .accrual_month = A,
                    .from = s,
                    .to = e,
                    .days = e - s + 1,
                    .principal = late,
                    .rate = rule->daily_rate,
                    .source = rule->source,
                };
                if ((err = tn_money_mul_count_ppm(late, it.days, it.rate, &it.amount)) ||
                    (err = push_interest(x, &it)))
                    return err;
                x->pending[g] += it.amount;
            }
        }
        s = e + 1;
    }
    return TN_OK;
}

static tn_err replay_month(struct replay *x, tn_period A, size_t *next_payment)
{
    const struct tn_ledger_input *in = x->in;
    struct tn_ledger_result *r = x->r;
    tn_day first = tn_period_first_day(A), last = tn_period_last_day(A);
    tn_err err;
    const struct tn_ledger_charge *c = &in->charges[A - in->start];
    for (int g = 0; g < TN_G_COUNT; g++) {
        if (c->principal[g] > 0)
            *out_p(x, A, g) += c->principal[g];
        else
            r->credit -= c->principal[g];  /* thoái thu: a refund is credit */
        *out_i(x, A, g) += c->interest[g]; /* an opening balance's interest */
    }
    if (A - 1 >= in->start) {
        const struct tn_interest_rule *rule;
        if ((err = tn_policy_interest_rule(in->pol, tn_period_last_day(A - 1), &rule)))
            return err;
        if (rule->kind == TN_INT_MONTHLY_K && (err = charge_monthly(x, A, rule)))
            return err;
    }
    if ((err = apply_credit(x, first, A)))
        return err;
    memset(x->pending, 0, sizeof x->pending);
    tn_day cur = first;
    while (*next_payment < in->npayments && in->payments[*next_payment].paid_on <= last) {
        size_t j = (*next_payment)++;
        const struct tn_ledger_payment *p = &in->payments[j];
        const struct tn_interest_rule *rule;
        if ((err = tn_policy_interest_rule(in->pol, p->paid_on, &rule)))
            return err;
        /* LAW: Decree 274/2025 - up to the day before payment unless the policy counts it */
        tn_day end =
            rule->kind == TN_INT_DAILY && rule->count_payment_day ? p->paid_on : p->paid_on - 1;
        if (end >= cur) {
            if ((err = accrue_daily(x, A, cur, end)))
                return err;
            cur = end + 1;
        }
        tn_money left;
        if ((err = apply_money(x, p->amount, j, p->paid_on, A, &left)))
            return err;
        r->credit += left;
        r->paid_total += p->amount;
    }
    if (cur <= last && (err = accrue_daily(x, A, cur, last)))
        return err;
    for (int g = 0; g < TN_G_COUNT; g++)
        *out_i(x, A, g) += x->pending[g];
    return apply_credit(x, last, A);
}

tn_err tn_ledger_replay(const struct tn_ledger_input *in, struct tn_ledger_result *r)
{
    if (in->period < in->start)
        return TN_ERR_RANGE;
    size_t n = (size_t)(in->period - in->start + 1);
    r->ninterest = r->nalloc = 0;
    r->nperiods = n;
    TN_GROW(r->out_principal, r->capout, n * TN_G_COUNT);
    r->out_interest = tn_xrealloc(r->out_interest, r->capout, sizeof *r->out_interest);
    memset(r->out_principal, 0, n * TN_G_COUNT * sizeof *r->out_principal);
    memset(r->out_interest, 0, n * TN_G_COUNT * sizeof *r->out_interest);
    memset(r->interest_total, 0, sizeof r->interest_total);
    memset(r->interest_before, 0, sizeof r->interest_before);
    r->paid_total = r->credit = r->principal_due = r->interest_due = 0;

    tn_day lo = tn_period_first_day(in->start), hi = tn_period_last_day(in->period);
    for (size_t j = 0; j < in->npayments; j++) {
        if (in->payments[j].paid_on < lo || in->payments[j].paid_on > hi ||
            in->payments[j].amount <= 0 ||
            (j > 0 && in->payments[j].paid_on < in->payments[j - 1].paid_on))
            return TN_ERR_RANGE;
    }
    struct replay x = {.in = in, .r = r};
    x.deadline = tn_xmalloc(n * TN_G_COUNT * sizeof *x.deadline);
    tn_err err = TN_OK;
    for (tn_period R = in->start; R <= in->period && !err; R++)
        for (int g = 0; g < TN_G_COUNT && !err; g++)
            err = tn_policy_deadline(in->pol, (enum tn_group)g, in->unit.payment_cycle, R,
                                     &x.deadline[(size_t)(R - in->start) * TN_G_COUNT + g], NULL);
    size_t next_payment = 0;
    tn_period from = in->start;
    r->resumed = 0;
    if (!err && in->carry && tn_ledger_carry_usable(in->carry, in)) {
        /* docs/ledger.md "Carried state": the months before `period` as the last close left
         * them; all their interest was charged before `period` */
        const struct tn_ledger_carry *c = in->carry;
        size_t cells = (size_t)(c->period - in->start + 1) * TN_G_COUNT;
        memcpy(r->out_principal, c->out_principal, cells * sizeof *r->out_principal);
        memcpy(r->out_interest, c->out_interest, cells * sizeof *r->out_interest);
        r->credit = c->credit;
        r->paid_total = c->paid_total;
        memcpy(r->interest_total, c->interest_total, sizeof r->interest_total);
        memcpy(r->interest_before, c->interest_total, sizeof r->interest_before);
        next_payment = c->npaid;
        from = c->period + 1;
        r->resumed = 1;
    }
    for (tn_period A = from; A <= in->period && !err; A++)
        err = replay_month(&x, A, &next_payment);
    free(x.deadline);
    for (size_t i = 0; i < x.near; i++)
        free(x.ear[i].left);
    free(x.ear);
    if (err)
        return err;
    for (size_t i = 0; i < n * TN_G_COUNT; i++) {
        r->principal_due += r->out_principal[i];
        r->interest_due += r->out_interest[i];
    }
    r->principal_due -= r->credit;
    return TN_OK;
}
