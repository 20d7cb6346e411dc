/*
 * close_unit.c - the monthly close of one unit from plain inputs (close_unit.h; design:
 * docs/ledger.md). Assess the period's workers (assess.c), recognise back-dated declarations
 * as adjustments for earlier periods, replay the account from the ledger's first period
 * (ledger.c), age it (aging.c), check the balance identity and digest the result, so that the
 * store writes a new unit_close row only if it differs from the one known.
 * LAW: a declaration filed in month D for an earlier month is recognised in D (truy thu /
 * thoái thu; Decision 595 Art 38) - data-formats.md `declared_on`.
 */
#include "thuno/close_unit.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/assess.h"
#include "thuno/mem.h"

/* A declaration the close recognises: filed by the period's end. */
struct decl {
    const struct tn_close_decl *d;
    int fresh; /* back-dated and known after the previous period's close */
};

struct tn_close_unit_work {
    struct decl *decls;
    size_t ndecls, capdecls;
    struct tn_ledger_payment *lpay;
    size_t caplpay, nlpay;
    size_t *lpay_src; /* index into in->pays of each ledger payment */
    size_t caplpay_src;
    tn_money *earmarks; /* per earmarked worker: principal per period and group (ledger.h) */
    size_t capearmarks;
    struct tn_ledger_charge *charges;
    size_t capcharges;
    tn_money *rec; /* recorded amounts of one worker per earlier period and component */
    size_t caprec;
};

/* What one call needs besides in and out. */
struct ctx {
    const struct tn_policy *pol;
    tn_period start, period;
    tn_period rstart; /* the replay's first period: start, or an opening balance's */
    const struct tn_close_unit_in *in;
    struct tn_close_unit_out *out;
    struct tn_close_unit_work *w;
};

void tn_close_unit_out_init(struct tn_close_unit_out *out)
{
    memset(out, 0, sizeof *out);
    tn_ledger_result_init(&out->replay);
    tn_ledger_carry_init(&out->carry);
}

void tn_close_unit_out_release(struct tn_close_unit_out *out)
{
    struct tn_close_unit_work *w = out->work;
    if (w) {
        free(w->decls);
        free(w->lpay);
        free(w->lpay_src);
        free(w->earmarks);
        free(w->charges);
        free(w->rec);
        free(w);
    }
    free(out->lines);
    free(out->interest);
    free(out->alloc);
    tn_ledger_result_release(&out->replay);
    tn_ledger_carry_release(&out->carry);
    tn_close_unit_out_init(out);
}

static const struct tn_close_prev *prev_of(const struct tn_close_unit_in *in, tn_period p)
{
    for (size_t i = 0; i < in->nprev; i++)
        if (in->prev[i].period == p)
            return &in->prev[i];
    return NULL;
}

/* The declarations filed by the period's end, with what is news to earlier periods. */
static void recognise_decls(struct ctx *x)
{
    struct tn_close_unit_work *w = x->w;
    w->ndecls = 0;
    for (size_t i = 0; i < x->in->ndecls; i++) {
        const struct tn_close_decl *d = &x->in->decls[i];
        tn_period declared = tn_day_period(d->declared_on);
        if (declared > x->period)
            continue; /* filed after the period: recognised by a later close */
        TN_GROW(w->decls, w->capdecls, w->ndecls + 1);
        /* back-dated and not yet seen by an earlier period's close */
        w->decls[w->ndecls++] =
            (struct decl){d, d->from < x->period && (declared == x->period ||
                                                     strcmp(d->known_at, x->in->prev_run_at) > 0)};
    }
}

/* The declaration row in force for a worker in period p among decls[lo..hi) (one worker's
 * rows, sorted by from), or NULL when none has started. */
static const struct tn_close_decl *in_force(const struct tn_close_unit_work *w, size_t lo,
                                            size_t hi, tn_period p)
{
    const struct tn_close_decl *best = NULL;
    for (size_t i = lo; i < hi; i++)
        if (w->decls[i].d->from <= p)
            best = w->decls[i].d;
    return best;
}

static tn_err assess_into(const struct ctx *x, const struct tn_close_decl *d, tn_period p,
                          struct tn_close_line *out)
{
    struct tn_assessment a;
    memset(out, 0, sizeof *out);
    snprintf(out->bhxh, sizeof out->bhxh, "%s", d->bhxh);
    out->for_period = p;
    if (d->decrease)
        return TN_OK;
    tn_err err = tn_assess_worker(x->pol, &x->in->facts, p, d->salary, d->funds, &a);
    if (err)
        return err;
    out->salary = a.salary;
    out->base_si = a.base_si;
    out->base_ui = a.base_ui;
    out->funds = a.funds;
    out->below_floor = a.below_floor;
    out->floor_law = a.floor_law;
    out->floor = a.floor;
    memcpy(out->rate, a.rate, sizeof a.rate);
    memcpy(out->source, a.source, sizeof a.source);
    memcpy(out->amount, a.amount, sizeof a.amount);
    return TN_OK;
}

static struct tn_close_line *new_line(struct tn_close_unit_out *out)
{
    TN_GROW(out->lines, out->caplines, out->nlines + 1);
    return &out->lines[out->nlines++];
}

struct rec_ctx {
    tn_period start, period;
    tn_money *rec;
};

static tn_err add_recorded(void *lctx, tn_period p, const tn_money amount[TN_C_COUNT])
{
    struct rec_ctx *r = lctx;
    if (p < r->start || p >= r->period)
        return TN_OK;
    for (int k = 0; k < TN_C_COUNT; k++)
        r->rec[(size_t)(p - r->start) * TN_C_COUNT + k] += amount[k];
    return TN_OK;
}

/* What the ledger already holds for one worker per earlier period and component, from the
 * current closes' lines; rec is [(p - start) * TN_C_COUNT + c]. */
static tn_err recorded_amounts(const struct ctx *x, const char *bhxh, tn_money *rec)
{
    struct rec_ctx r = {x->start, x->period, rec};
    tn_err err = TN_OK;
    for (size_t i = 0; i < x->in->nprev && !err; i++)
        if (x->in->prev[i].period < x->period)
            err = x->in->recorded(x->in->ctx, &x->in->prev[i], bhxh, add_recorded, &r);
    return err;
}

/* Assessment of the period, and adjustments for back-dated rows (truy thu / thoái thu). */
static tn_err assess_unit(struct ctx *x)
{
    struct tn_close_unit_work *w = x->w;
    struct tn_close_unit_out *out = x->out;
    tn_err err = TN_OK;
    size_t nback = (size_t)(x->period - x->start);
    if (nback)
        TN_GROW(w->rec, w->caprec, nback * TN_C_COUNT);
    tn_money *rec = w->rec;
    out->nlines = 0;
    out->bal.workers = 0;
    for (size_t lo = 0, hi; lo < w->ndecls && !err; lo = hi) {
        int fresh = 0;
        const char *bhxh = w->decls[lo].d->bhxh;
        for (hi = lo; hi < w->ndecls && strcmp(w->decls[hi].d->bhxh, bhxh) == 0; hi++)
            fresh |= w->decls[hi].fresh;
        const struct tn_close_decl *d = in_force(w, lo, hi, x->period);
        if (d && !d->decrease) {
            struct tn_close_line *l = new_line(out);
            if ((err = assess_into(x, d, x->period, l)))
                break;
            out->bal.workers++;
        }
        if (!fresh || nback == 0)
            continue;
        memset(rec, 0, nback * TN_C_COUNT * sizeof *rec);
        if ((err = recorded_amounts(x, bhxh, rec)))
            break;
        for (tn_period p = x->start; p < x->period && !err; p++) {
            struct tn_close_line want;
            const struct tn_close_decl *dp = in_force(w, lo, hi, p);
            if (!dp) {
                memset(&want, 0, sizeof want);
                snprintf(want.bhxh, sizeof want.bhxh, "%s", bhxh);
                want.for_period = p;
            } else if ((err = assess_into(x, dp, p, &want))) {
                break;
            }
            int differs = 0;
            for (int k = 0; k < TN_C_COUNT; k++) {
                want.amount[k] -= rec[(size_t)(p - x->start) * TN_C_COUNT + k];
                differs |= want.amount[k] != 0;
            }
            if (differs) {
                want.adjustment = 1;
                *new_line(out) = want;
            }
        }
    }
    return err;
}

/* Payments the replay applies: in the window, reversed pairs removed (docs/ledger.md). */
static void ledger_payments(struct ctx *x)
{
    const struct tn_close_unit_in *in = x->in;
    struct tn_close_unit_work *w = x->w;
    tn_day lo = tn_period_first_day(x->start);
    size_t n = 0;
    TN_GROW(w->lpay, w->caplpay, in->npays);
    TN_GROW(w->lpay_src, w->caplpay_src, in->npays);
    for (size_t i = 0; i < in->npays; i++) {
        const struct tn_close_pay *p = &in->pays[i];
        if (p->reverses[0] || p->paid_on < lo)
            continue;
        int reversed = 0;
        for (size_t j = 0; j < in->npays && !reversed; j++)
            reversed = strcmp(in->pays[j].reverses, p->txn) == 0;
        if (reversed)
            continue;
        w->lpay[n] = (struct tn_ledger_payment){p->paid_on, p->amount, p->txn, NULL};
        w->lpay_src[n++] = i;
    }
    w->nlpay = n;
}

struct ear_ctx {
    tn_money *ear; /* per period from start, per group */
    tn_period start, period;
};

static tn_err add_earmarked(void *lctx, tn_period p, const tn_money amount[TN_C_COUNT])
{
    /* a line (assessed or adjustment) is charged to its for_period (charge_lines) */
    struct ear_ctx *e = lctx;
    if (p < e->start || p > e->period)
        return TN_OK;
    for (int k = 0; k < TN_C_COUNT; k++)
        e->ear[(size_t)(p - e->start) * TN_G_COUNT + tn_component_group((enum tn_component)k)] +=
            amount[k];
    return TN_OK;
}

/* LAW: Decision 60/2015/QĐ-TTg Art 6 - gives each payment earmarked for a worker that
 * worker's own principal per charge period and group (payments of one worker share it): the
 * lines of the current closes of earlier periods and this close's lines. */
static tn_err earmarks(struct ctx *x)
{
    const struct tn_close_unit_in *in = x->in;
    struct tn_close_unit_work *w = x->w;
    size_t n = (size_t)(x->period - x->rstart + 1) * TN_G_COUNT, nworkers = 0;
    size_t *slot = tn_xcalloc(w->nlpay ? w->nlpay : 1, sizeof *slot);
    for (size_t j = 0; j < w->nlpay; j++) {
        const char *b = in->pays[w->lpay_src[j]].bhxh;
        slot[j] = SIZE_MAX;
        for (size_t i = 0; i < j && b[0] && slot[j] == SIZE_MAX; i++)
            if (strcmp(in->pays[w->lpay_src[i]].bhxh, b) == 0)
                slot[j] = slot[i];
        if (b[0] && slot[j] == SIZE_MAX)
            slot[j] = nworkers++;
    }
    tn_err err = TN_OK;
    if (nworkers > 0) {
        TN_GROW(w->earmarks, w->capearmarks, nworkers * n);
        memset(w->earmarks, 0, nworkers * n * sizeof *w->earmarks);
    }
    for (size_t j = 0; j < w->nlpay && !err; j++) {
        if (slot[j] == SIZE_MAX)
            continue;
        tn_money *ear = &w->earmarks[slot[j] * n];
        w->lpay[j].earmark = ear;
        int first = 1;
        for (size_t i = 0; i < j && first; i++)
            first = slot[i] != slot[j];
        if (!first)
            continue;
        const char *b = in->pays[w->lpay_src[j]].bhxh;
        struct ear_ctx e = {ear, x->rstart, x->period};
        for (size_t i = 0; i < in->nprev && !err; i++)
            if (in->prev[i].period < x->period)
                err = in->recorded(in->ctx, &in->prev[i], b, add_earmarked, &e);
        const struct tn_close_unit_out *out = x->out;
        for (size_t i = 0; i < out->nlines && !err; i++)
            if (strcmp(out->lines[i].bhxh, b) == 0)
                err = add_earmarked(&e, out->lines[i].for_period, out->lines[i].amount);
    }
    free(slot);
    return err;
}

/* 1 when allocation a belongs to this close: money dated in the period, or dated in an
 * earlier month and first known after that month's close (late bank statements) - the
 * allocations that make up this close's paid. */
static int alloc_recognised(const struct ctx *x, const struct tn_alloc_item *a)
{
    tn_period on = tn_day_period(a->on);
    if (on == x->period)
        return 1;
    if (on > x->period || a->payment == SIZE_MAX)
        return 0;
    /* dated in a month already closed, but unknown to that month's close: its money is in
     * this close's paid (cum_paid less the previous close's), so its allocation is too */
    const struct tn_close_prev *before = prev_of(x->in, x->period - 1);
    const struct tn_close_pay *p = &x->in->pays[x->w->lpay_src[a->payment]];
    return before && strcmp(p->known_at, before->known_at) > 0;
}

/* Moves the adjustment lines of one close (summed per for_period) from the period that
 * recognised them to the period they concern. */
struct move_ctx {
    struct tn_ledger_charge *charges;
    tn_period start, period, from; /* from: the recognising period */
};

static tn_err move_adjustment(void *lctx, tn_period p, const tn_money amount[TN_C_COUNT])
{
    struct move_ctx *m = lctx;
    if (p < m->start || p >= m->from)
        return TN_OK; /* not a back-dated line of this ledger: it stays where it is */
    tn_money sum[TN_G_COUNT] = {0};
    for (int k = 0; k < TN_C_COUNT; k++)
        sum[tn_component_group((enum tn_component)k)] += amount[k];
    struct tn_ledger_charge *to = &m->charges[p - m->start];
    struct tn_ledger_charge *at = &m->charges[m->from - m->start];
    for (int g = 0; g < TN_G_COUNT; g++) {
        at->principal[g] -= sum[g];
        to->principal[g] += sum[g];
        if (sum[g] > 0)
            to->back[g] += sum[g];
    }
    return TN_OK;
}

/* LAW: Law 41/2024/QH15 Art 39, 40 (rules.md §6, §7) - the charge of each period as the
 * replay sees it: what each close recognised, its back-dated changes moved to the months they
 * concern, so that their principal is due at that month's deadline, bears interest from the
 * day after it and ages from it (docs/ledger.md "Back-dated changes"). The close's own
 * balance (bal.charge, adjustment) stays what it recognises. */
static tn_err charge_periods(struct ctx *x)
{
    const struct tn_close_unit_in *in = x->in;
    struct tn_close_unit_work *w = x->w;
    struct tn_close_unit_out *out = x->out;
    tn_err err = TN_OK;
    if (in->prev_partial) {
        /* docs/ledger.md "Carried state": the earlier periods' charges as the last close's
         * replay saw them (partial_usable checked they are still so) */
        memcpy(w->charges, in->carry->charges,
               (size_t)(x->period - x->rstart) * sizeof *w->charges);
    }
    for (size_t i = 0; i < in->nopening && !in->prev_partial; i++) {
        /* LAW: docs/ledger.md "Opening balances" - owed from the 1st of its period, interest
         * from the day after the cut-over (the opening interest runs to that day) */
        const struct tn_close_opening *o = &in->opening[i];
        struct tn_ledger_charge *c = &w->charges[o->period - x->rstart];
        c->principal[o->group] += o->principal;
        c->interest[o->group] += o->interest;
        if (o->as_of + 1 > c->interest_from)
            c->interest_from = o->as_of + 1;
    }
    for (size_t i = 0; i < in->nprev && !in->prev_partial; i++) {
        const struct tn_close_prev *p = &in->prev[i];
        if (p->period < x->period)
            memcpy(w->charges[p->period - x->rstart].principal, p->charge, sizeof p->charge);
    }
    for (size_t i = 0; i < in->nprev && !err && !in->prev_partial; i++) {
        const struct tn_close_prev *p = &in->prev[i];
        struct move_ctx m = {w->charges, x->rstart, x->period, p->period};
        if (p->period < x->period && p->adjusted && in->adjustments)
            err = in->adjustments(in->ctx, p, move_adjustment, &m);
    }
    memcpy(w->charges[x->period - x->rstart].principal, out->bal.charge, sizeof out->bal.charge);
    struct move_ctx m = {w->charges, x->rstart, x->period, x->period};
    for (size_t i = 0; i < out->nlines && !err; i++)
        if (out->lines[i].adjustment)
            err = move_adjustment(&m, out->lines[i].for_period, out->lines[i].amount);
    return err;
}

/* What the opening balances add up to: the first period's opening. */
static tn_money opening_total(const struct tn_close_unit_in *in)
{
    tn_money t = 0;
    for (size_t i = 0; i < in->nopening; i++)
        t += in->opening[i].principal + in->opening[i].interest;
    return t;
}

/* Replays the account and builds the period's balance. */
static tn_err balance_unit(struct ctx *x, char *msg, size_t msgsz)
{
    const struct tn_close_unit_in *in = x->in;
    struct tn_close_unit_work *w = x->w;
    struct tn_close_unit_out *out = x->out;
    size_t n = (size_t)(x->period - x->rstart + 1);
    TN_GROW(w->charges, w->capcharges, n);
    memset(w->charges, 0, n * sizeof *w->charges);
    struct tn_close_balance *b = &out->bal;
    long long workers = b->workers;
    memset(b, 0, sizeof *b);
    b->workers = workers;
    for (size_t i = 0; i < out->nlines; i++) {
        const struct tn_close_line *l = &out->lines[i];
        for (int k = 0; k < TN_C_COUNT; k++) {
            b->charge[tn_component_group((enum tn_component)k)] += l->amount[k];
            if (l->adjustment)
                b->adjustment += l->amount[k];
            else
                b->assessed += l->amount[k];
        }
    }
    tn_err err = charge_periods(x);
    if (err)
        return err;
    ledger_payments(x);
    if ((err = earmarks(x)))
        return err;
    struct tn_ledger_input lin = {
        .pol = x->pol,
        .unit = in->facts,
        .start = x->rstart,
        .period = x->period,
        .charges = w->charges,
        .payments = w->lpay,
        .npayments = w->nlpay,
        .carry = in->carry,
    };
    if (in->prev_partial && !tn_ledger_carry_usable(in->carry, &lin)) {
        out->need_full = 1; /* a payment dated in a closed month came or went, policy/ changed */
        return TN_OK;
    }
    err = tn_ledger_replay(&lin, &out->replay);
    if (!err)
        err = tn_aging_compute(&lin, &out->replay, &b->aging);
    if (!err)
        tn_ledger_carry_take(&lin, &out->replay, &out->carry);
    if (err) {
        char pbuf[TN_PERIOD_BUFSZ];
        tn_period_format(x->period, pbuf);
        snprintf(msg, msgsz,
                 "unit %s, period %s: %s (a deadline, interest or allocation rule "
                 "is missing from policy/)",
                 in->code, pbuf, tn_err_message(err, TN_LANG_EN));
        return err;
    }
    const struct tn_ledger_result *r = &out->replay;
    const struct tn_close_prev *before = prev_of(in, x->period - 1);
    /* the ledger's first period opens with the opening balances (docs/ledger.md) */
    b->opening = before ? before->closing : opening_total(in);
    tn_money prev_paid = before ? before->cum_paid : 0;
    for (int g = 0; g < TN_G_COUNT; g++) {
        tn_money prev_int = before ? before->cum_interest[g] : 0;
        b->cum_interest[g] = r->interest_total[g];
        b->correction[g] = r->interest_before[g] - prev_int;
        b->interest += r->interest_total[g] - prev_int;
    }
    b->cum_paid = r->paid_total;
    b->paid = b->cum_paid - prev_paid;
    b->closing = b->opening + b->assessed + b->adjustment + b->interest - b->paid;
    b->principal_due = r->principal_due;
    b->interest_due = r->interest_due;
    if (b->closing != b->principal_due + b->interest_due) {
        /* the recorded history and the replay disagree: never write such a row */
        snprintf(msg, msgsz,
                 "unit %s: closing %lld differs from principal %lld + interest %lld; the "
                 "ledger history is inconsistent%s",
                 in->code, (long long)b->closing, (long long)b->principal_due,
                 (long long)b->interest_due,
                 in->nopening ? " (were its opening balances changed after the ledger's first "
                                "close? they are the cut-over and come before it)"
                              : "");
        return TN_ERR_STATE;
    }
    out->ninterest = 0;
    out->interest_missing = 0;
    for (size_t i = 0; i < r->ninterest; i++) {
        if (r->interest[i].charge_period != x->period)
            continue;
        TN_GROW(out->interest, out->capinterest, out->ninterest + 1);
        out->interest[out->ninterest++] = &r->interest[i];
        out->interest_missing += r->interest[i].missing_rate != 0;
    }
    out->nalloc = 0;
    for (size_t i = 0; i < r->nalloc; i++) {
        const struct tn_alloc_item *a = &r->alloc[i];
        if (!alloc_recognised(x, a))
            continue;
        const char *txn = "credit";
        tn_day paid_on = a->on;
        if (a->payment != SIZE_MAX) {
            const struct tn_close_pay *p = &in->pays[w->lpay_src[a->payment]];
            txn = p->txn;
            paid_on = p->paid_on;
        }
        TN_GROW(out->alloc, out->capalloc, out->nalloc + 1);
        out->alloc[out->nalloc++] =
            (struct tn_close_alloc){txn, paid_on, a->target, a->group, a->interest, a->amount};
    }
    return TN_OK;
}

/* A 64-bit mix over whole words (FNV-style multiply with a fold): cheap, stable across runs
 * on one platform, and only ever compared with digests this code made; not a security hash.
 * Hashing word by word rather than byte by byte keeps it out of the close's profile. */
static void mix(uint64_t *h, uint64_t v)
{
    *h = (*h ^ v) * 1099511628211ULL;
    *h ^= *h >> 29;
}

static void fnv(uint64_t *h, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (; n >= 8; p += 8, n -= 8) {
        uint64_t v;
        memcpy(&v, p, 8);
        mix(h, v);
    }
    uint64_t tail = n;
    for (size_t i = 0; i < n; i++)
        tail = tail << 8 | p[i];
    mix(h, tail);
}

/* The digest over the unit's balance, lines, the period's interest items and the
 * allocations recognised: what tells a re-run whether anything changed. */
static void digest(const struct ctx *x)
{
    struct tn_close_unit_out *out = x->out;
    uint64_t h = 14695981039346656037ULL;
    const struct tn_close_balance *b = &out->bal;
    tn_money head[] = {b->opening,
                       b->assessed,
                       b->adjustment,
                       b->interest,
                       b->paid,
                       b->closing,
                       b->principal_due,
                       b->interest_due,
                       b->cum_paid,
                       b->workers,
                       b->aging.months_owed_tenths,
                       b->aging.oldest_unpaid,
                       b->aging.status};
    fnv(&h, head, sizeof head);
    fnv(&h, b->cum_interest, sizeof b->cum_interest);
    for (size_t i = 0; i < out->nlines; i++) {
        const struct tn_close_line *l = &out->lines[i];
        fnv(&h, l->bhxh, strlen(l->bhxh) + 1);
        tn_money f[] = {l->for_period, l->adjustment, l->salary, l->base_si, l->base_ui, l->funds};
        fnv(&h, f, sizeof f);
        fnv(&h, l->rate, sizeof l->rate);
        fnv(&h, l->amount, sizeof l->amount);
    }
    for (size_t i = 0; i < out->ninterest; i++) {
        const struct tn_interest_item *it = out->interest[i];
        tn_money f[] = {it->group,     it->rule, it->from,   it->to,
                        it->principal, it->rate, it->amount, it->missing_rate};
        fnv(&h, f, sizeof f);
    }
    const struct tn_ledger_result *r = &out->replay;
    for (size_t i = 0; i < r->nalloc; i++) {
        const struct tn_alloc_item *a = &r->alloc[i];
        if (!alloc_recognised(x, a))
            continue;
        tn_money f[] = {(tn_money)a->payment, a->on, a->target, a->group, a->interest, a->amount};
        fnv(&h, f, sizeof f);
    }
    snprintf(out->digest, sizeof out->digest, "%016llx", (unsigned long long)h);
}

/* With only the last closes read (in->prev_partial): 1 when the carried state stands for the
 * earlier periods - the state of the period before, from the same first period, no back-dated
 * declaration new to this close (it would move principal to an earlier month), no earmarked
 * payment (its worker's amount is read from the earlier closes' lines), and the opening
 * balances charging the state's periods before the ledger's first as they did. The payments
 * and the policy are checked by tn_ledger_carry_usable once the replay's input is built. */
static int partial_usable(const struct ctx *x)
{
    const struct tn_close_unit_in *in = x->in;
    const struct tn_ledger_carry *c = in->carry;
    if (!c || c->period != x->period - 1 || c->start != x->rstart)
        return 0;
    for (size_t i = 0; i < x->w->ndecls; i++)
        if (x->w->decls[i].fresh)
            return 0;
    for (size_t i = 0; i < in->npays; i++)
        if (in->pays[i].bhxh[0])
            return 0;
    size_t n = (size_t)(x->start - x->rstart);
    struct tn_ledger_charge *open = tn_xcalloc(n ? n : 1, sizeof *open);
    for (size_t i = 0; i < in->nopening; i++) {
        const struct tn_close_opening *o = &in->opening[i];
        struct tn_ledger_charge *ch = &open[o->period - x->rstart];
        ch->principal[o->group] += o->principal;
        ch->interest[o->group] += o->interest;
        if (o->as_of + 1 > ch->interest_from)
            ch->interest_from = o->as_of + 1;
    }
    int same = 1;
    for (size_t i = 0; i < n && same; i++) {
        same = open[i].interest_from == c->charges[i].interest_from;
        for (int g = 0; g < TN_G_COUNT; g++)
            same &= open[i].principal[g] == c->charges[i].principal[g] &&
                    open[i].interest[g] == c->charges[i].interest[g] &&
                    open[i].back[g] == c->charges[i].back[g];
    }
    free(open);
    return same;
}

tn_err tn_close_unit(const struct tn_policy *pol, tn_period start, tn_period period,
                     const struct tn_close_unit_in *in, struct tn_close_unit_out *out, char *msg,
                     size_t msgsz)
{
    if (period < start)
        return TN_ERR_RANGE;
    if (!out->work)
        out->work = tn_xcalloc(1, sizeof *out->work);
    struct ctx x = {pol, start, period, start, in, out, out->work};
    for (size_t i = 0; i < in->nopening; i++) {
        if (in->opening[i].period >= start) {
            char pbuf[TN_PERIOD_BUFSZ], sbuf[TN_PERIOD_BUFSZ];
            tn_period_format(in->opening[i].period, pbuf);
            tn_period_format(start, sbuf);
            snprintf(msg, msgsz,
                     "unit %s: an opening balance for %s is not before the ledger's first "
                     "period %s (opening balances are what was owed at the cut-over)",
                     in->code, pbuf, sbuf);
            return TN_ERR_STATE;
        }
        if (in->opening[i].period < x.rstart)
            x.rstart = in->opening[i].period;
    }
    out->replay_start = x.rstart;
    out->need_full = 0;
    recognise_decls(&x);
    if (in->prev_partial && !partial_usable(&x)) {
        out->need_full = 1;
        return TN_OK;
    }
    tn_err err = assess_unit(&x);
    if (err) {
        char pbuf[TN_PERIOD_BUFSZ];
        tn_period_format(period, pbuf);
        snprintf(msg, msgsz, "unit %s, period %s: %s", in->code, pbuf,
                 err == TN_ERR_NO_POLICY ? "no rate, cap or minimum wage in policy/ for a "
                                           "period assessed"
                                         : tn_err_message(err, TN_LANG_EN));
        return err;
    }
    if ((err = balance_unit(&x, msg, msgsz)) || out->need_full)
        return err;
    digest(&x);
    const struct tn_close_prev *same = prev_of(in, period);
    out->changed = !same || strcmp(same->digest, out->digest) != 0;
    return TN_OK;
}
