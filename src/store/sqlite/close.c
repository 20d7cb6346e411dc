/*
 * close.c - the monthly close over the SQLite store (design: docs/ledger.md).
 *
 * Units are streamed in unit_code order; declarations and payments come from cursors
 * merge-joined on unit_code, so the close reads each table once. Per unit: assess the
 * period's workers (assess.c), recognise back-dated declarations as adjustments for earlier
 * periods, replay the account from the ledger's first period (ledger.c), age it (aging.c),
 * and write a new unit_close row only if the result differs from the one known.
 * LAW: a declaration filed in month D for an earlier month is recognised in D (truy thu /
 * thoái thu; Decision 595 Art 38) - data-formats.md `declared_on`.
 */
#include "close_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/mem.h"

static tn_period text_period(const char *t)
{
    tn_period p = 0;
    tn_period_parse(t, &p);
    return p;
}

static tn_day text_day(const char *t)
{
    tn_day d = 0;
    tn_day_parse(t, &d);
    return d;
}

/* Which period may be closed now, and the ledger's first period. */
static tn_err check_state(struct tn__close *c, char *msg, size_t msgsz)
{
    sqlite3_stmt *st;
    tn_err err = tn__store_prepare(c->s, "SELECT min(period), max(period) FROM close_run", &st);
    if (err)
        return err;
    c->start = c->period;
    int rc = sqlite3_step(st); /* one row, NULLs when nothing is closed yet */
    if (rc != SQLITE_ROW)
        err = tn__store_fail(c->s, "read the closed periods");
    if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
        tn_period first = text_period(tn__col_text(st, 0));
        tn_period last = text_period(tn__col_text(st, 1));
        char asked[TN_PERIOD_BUFSZ], a[TN_PERIOD_BUFSZ], b[TN_PERIOD_BUFSZ];
        tn_period_format(c->period, asked);
        tn_period_format(last, a);
        tn_period_format(last + 1, b);
        if (c->period < last) {
            /* name the period asked for, not the ledger's first */
            snprintf(msg, msgsz,
                     "%s %s%s and the last closed period is %s; changes to it are recognised "
                     "as adjustments when %s (or %s) is closed",
                     asked,
                     c->period < first ? "is before the ledger's first period "
                                       : "is already closed",
                     c->period < first ? tn__col_text(st, 0) : "", a, a, b);
            err = TN_ERR_STATE;
        } else if (c->period > last + 1) {
            snprintf(msg, msgsz, "the last closed period is %s: close %s first", a, b);
            err = TN_ERR_STATE;
        }
        c->start = first;
    }
    sqlite3_finalize(st);
    return err;
}

/* Reads rows of a cursor sorted by unit_code while they belong to code. The cursor's
 * current row (already stepped) is the first candidate; rc tracks the last step. */
static int cursor_at(sqlite3_stmt *st, int rc, const char *code)
{
    return rc == SQLITE_ROW && strcmp(tn__col_text(st, 0), code) == 0;
}

static void skip_before(sqlite3_stmt *st, int *rc, const char *code)
{
    while (*rc == SQLITE_ROW && strcmp(tn__col_text(st, 0), code) < 0)
        *rc = sqlite3_step(st);
}

static void load_decls(struct tn__close *c, struct tn__unit_work *w, sqlite3_stmt *st, int *rc,
                       const char *prev_run_at)
{
    w->ndecls = 0;
    skip_before(st, rc, w->code);
    for (; cursor_at(st, *rc, w->code); *rc = sqlite3_step(st)) {
        /* unit_code, bhxh_code, from_period, kind, salary, funds, declared_on, known_at */
        tn_period declared = tn_day_period(text_day(tn__col_text(st, 6)));
        if (declared > c->period)
            continue; /* filed after the period: recognised by a later close */
        TN_GROW(w->decls, w->capdecls, w->ndecls + 1);
        struct tn__decl *d = &w->decls[w->ndecls++];
        TN__COL_COPY(d->bhxh, st, 1);
        d->from = text_period(tn__col_text(st, 2));
        d->decrease = strcmp(tn__col_text(st, 3), "decrease") == 0;
        d->salary = sqlite3_column_int64(st, 4);
        d->funds = (unsigned)sqlite3_column_int(st, 5);
        d->declared_month = declared;
        /* back-dated and not yet seen by an earlier period's close */
        d->fresh = d->from < c->period &&
                   (declared == c->period || strcmp(tn__col_text(st, 7), prev_run_at) > 0);
    }
}

static void load_pays(struct tn__unit_work *w, sqlite3_stmt *st, int *rc)
{
    w->npays = 0;
    skip_before(st, rc, w->code);
    for (; cursor_at(st, *rc, w->code); *rc = sqlite3_step(st)) {
        /* unit_code, txn_id, paid_on, amount, reverses, known_at, bhxh_code */
        TN_GROW(w->pays, w->cappays, w->npays + 1);
        struct tn__pay *p = &w->pays[w->npays++];
        TN__COL_COPY(p->txn, st, 1);
        p->paid_on = text_day(tn__col_text(st, 2));
        p->amount = sqlite3_column_int64(st, 3);
        TN__COL_COPY(p->reverses, st, 4);
        TN__COL_COPY(p->known_at, st, 5);
        TN__COL_COPY(p->bhxh, st, 6);
    }
}

static tn_err load_prev(struct tn__close *c, struct tn__unit_work *w, sqlite3_stmt *st)
{
    w->nprev = 0;
    sqlite3_reset(st);
    sqlite3_bind_text(st, 1, w->code, -1, SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        TN_GROW(w->prev, w->capprev, w->nprev + 1);
        struct tn__prev *p = &w->prev[w->nprev++];
        p->period = text_period(tn__col_text(st, 0));
        p->id = sqlite3_column_int64(st, 1);
        p->assessed = sqlite3_column_int64(st, 2);
        p->closing = sqlite3_column_int64(st, 3);
        for (int g = 0; g < TN_G_COUNT; g++) {
            p->charge[g] = sqlite3_column_int64(st, 4 + g);
            p->cum_interest[g] = sqlite3_column_int64(st, 7 + g);
        }
        p->cum_paid = sqlite3_column_int64(st, 10);
        TN__COL_COPY(p->known_at, st, 11);
        TN__COL_COPY(p->digest, st, 12);
    }
    return rc == SQLITE_DONE ? TN_OK : tn__store_fail(c->s, "read previous closes");
}

static const struct tn__prev *prev_of(const struct tn__unit_work *w, tn_period p)
{
    for (size_t i = 0; i < w->nprev; i++)
        if (w->prev[i].period == p)
            return &w->prev[i];
    return NULL;
}

int tn__close_alloc_recognised(const struct tn__close *c, const struct tn__unit_work *w,
                               const struct tn_alloc_item *a)
{
    tn_period on = tn_day_period(a->on);
    if (on == c->period)
        return 1;
    if (on > c->period || a->payment == SIZE_MAX)
        return 0;
    /* dated in a month already closed, but unknown to that month's close: its money is in
     * this close's paid (cum_paid less the previous close's), so its allocation is too */
    const struct tn__prev *before = prev_of(w, c->period - 1);
    const struct tn__pay *p = &w->pays[w->lpay_src[a->payment]];
    return before && strcmp(p->known_at, before->known_at) > 0;
}

/* The declaration row in force for a worker in period p among decls[lo..hi) (one worker's
 * rows, sorted by from), or NULL when none has started. */
static const struct tn__decl *in_force(const struct tn__unit_work *w, size_t lo, size_t hi,
                                       tn_period p)
{
    const struct tn__decl *best = NULL;
    for (size_t i = lo; i < hi; i++)
        if (w->decls[i].from <= p)
            best = &w->decls[i];
    return best;
}

static tn_err assess_into(struct tn__close *c, struct tn__unit_work *w, const struct tn__decl *d,
                          tn_period p, struct tn__line *out)
{
    struct tn_assessment a;
    memset(out, 0, sizeof *out);
    snprintf(out->bhxh, sizeof out->bhxh, "%s", d->bhxh);
    out->for_period = p;
    if (d->decrease)
        return TN_OK;
    tn_err err = tn_assess_worker(c->pol, &w->facts, p, d->salary, d->funds, &a);
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

static struct tn__line *new_line(struct tn__unit_work *w)
{
    TN_GROW(w->lines, w->caplines, w->nlines + 1);
    return &w->lines[w->nlines++];
}

/* What the ledger already holds for one worker per earlier period and component, from the
 * current rows' lines; rec is [(p - start) * TN_C_COUNT + c]. */
static tn_err recorded_amounts(struct tn__close *c, const struct tn__unit_work *w, sqlite3_stmt *st,
                               const char *bhxh, tn_money *rec)
{
    for (size_t i = 0; i < w->nprev; i++) {
        if (w->prev[i].period >= c->period)
            continue;
        sqlite3_reset(st);
        sqlite3_bind_int64(st, 1, w->prev[i].id);
        sqlite3_bind_text(st, 2, bhxh, -1, SQLITE_STATIC);
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            tn_period p = text_period(tn__col_text(st, 0));
            if (p < c->start || p >= c->period)
                continue;
            for (int k = 0; k < TN_C_COUNT; k++)
                rec[(size_t)(p - c->start) * TN_C_COUNT + k] += sqlite3_column_int64(st, 1 + k);
        }
        if (rc != SQLITE_DONE)
            return tn__store_fail(c->s, "read recorded lines");
    }
    return TN_OK;
}

/* Assessment of the period, and adjustments for back-dated rows (truy thu / thoái thu). */
static tn_err assess_unit(struct tn__close *c, struct tn__unit_work *w, sqlite3_stmt *rec_st)
{
    tn_err err = TN_OK;
    size_t nback = (size_t)(c->period - c->start);
    tn_money *rec = nback ? tn_xcalloc(nback * TN_C_COUNT, sizeof *rec) : NULL;
    w->nlines = 0;
    w->bal.workers = 0;
    for (size_t lo = 0, hi; lo < w->ndecls && !err; lo = hi) {
        int fresh = 0;
        for (hi = lo; hi < w->ndecls && strcmp(w->decls[hi].bhxh, w->decls[lo].bhxh) == 0; hi++)
            fresh |= w->decls[hi].fresh;
        const struct tn__decl *d = in_force(w, lo, hi, c->period);
        if (d && !d->decrease) {
            struct tn__line *l = new_line(w);
            if ((err = assess_into(c, w, d, c->period, l)))
                break;
            w->bal.workers++;
        }
        if (!fresh || nback == 0)
            continue;
        memset(rec, 0, nback * TN_C_COUNT * sizeof *rec);
        if ((err = recorded_amounts(c, w, rec_st, w->decls[lo].bhxh, rec)))
            break;
        for (tn_period p = c->start; p < c->period && !err; p++) {
            struct tn__line want;
            const struct tn__decl *dp = in_force(w, lo, hi, p);
            if (!dp) {
                memset(&want, 0, sizeof want);
                snprintf(want.bhxh, sizeof want.bhxh, "%s", w->decls[lo].bhxh);
                want.for_period = p;
            } else if ((err = assess_into(c, w, dp, p, &want))) {
                break;
            }
            int differs = 0;
            for (int k = 0; k < TN_C_COUNT; k++) {
                want.amount[k] -= rec[(size_t)(p - c->start) * TN_C_COUNT + k];
                differs |= want.amount[k] != 0;
            }
            if (differs) {
                want.adjustment = 1;
                *new_line(w) = want;
            }
        }
    }
    free(rec);
    return err;
}

/* Payments the replay applies: in the window, reversed pairs removed (docs/ledger.md). */
static void ledger_payments(struct tn__close *c, struct tn__unit_work *w)
{
    tn_day lo = tn_period_first_day(c->start);
    size_t n = 0;
    TN_GROW(w->lpay, w->caplpay, w->npays);
    TN_GROW(w->lpay_src, w->caplpay_src, w->npays);
    for (size_t i = 0; i < w->npays; i++) {
        const struct tn__pay *p = &w->pays[i];
        if (p->reverses[0] || p->paid_on < lo)
            continue;
        int reversed = 0;
        for (size_t j = 0; j < w->npays && !reversed; j++)
            reversed = strcmp(w->pays[j].reverses, p->txn) == 0;
        if (reversed)
            continue;
        w->lpay[n] = (struct tn_ledger_payment){p->paid_on, p->amount, p->txn, NULL};
        w->lpay_src[n++] = i;
    }
    w->nlpay = n;
}

/* Adds one close's lines of worker bhxh (assessed and adjustments: the ledger's charge of
 * that close's period) into ear per group. */
static tn_err add_close_lines(struct tn__close *c, sqlite3_stmt *st, long long close_id,
                              const char *bhxh, tn_money *ear)
{
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, close_id);
    sqlite3_bind_text(st, 2, bhxh, -1, SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        for (int k = 0; k < TN_C_COUNT; k++)
            ear[tn_component_group((enum tn_component)k)] += sqlite3_column_int64(st, 1 + k);
    return rc == SQLITE_DONE ? TN_OK : tn__store_fail(c->s, "read an earmarked worker's lines");
}

/* LAW: Decision 60/2015/QĐ-TTg Art 6 - gives each payment earmarked for a worker that
 * worker's own principal per charge period and group (payments of one worker share it): the
 * lines of the current closes of earlier periods and this close's lines. */
static tn_err earmarks(struct tn__close *c, struct tn__unit_work *w, sqlite3_stmt *rec_st)
{
    size_t n = (size_t)(c->period - c->start + 1) * TN_G_COUNT, nworkers = 0;
    size_t *slot = tn_xcalloc(w->nlpay ? w->nlpay : 1, sizeof *slot);
    for (size_t j = 0; j < w->nlpay; j++) {
        const char *b = w->pays[w->lpay_src[j]].bhxh;
        slot[j] = SIZE_MAX;
        for (size_t i = 0; i < j && b[0] && slot[j] == SIZE_MAX; i++)
            if (strcmp(w->pays[w->lpay_src[i]].bhxh, b) == 0)
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
        const char *b = w->pays[w->lpay_src[j]].bhxh;
        for (size_t i = 0; i < w->nprev && !err; i++)
            if (w->prev[i].period < c->period)
                err = add_close_lines(c, rec_st, w->prev[i].id, b,
                                      &ear[(size_t)(w->prev[i].period - c->start) * TN_G_COUNT]);
        for (size_t i = 0; i < w->nlines; i++)
            if (strcmp(w->lines[i].bhxh, b) == 0)
                for (int k = 0; k < TN_C_COUNT; k++)
                    ear[(size_t)(c->period - c->start) * TN_G_COUNT +
                        tn_component_group((enum tn_component)k)] += w->lines[i].amount[k];
    }
    free(slot);
    return err;
}

/* Replays the account and builds the period's balance. */
static tn_err balance_unit(struct tn__close *c, struct tn__unit_work *w, sqlite3_stmt *rec_st,
                           char *msg, size_t msgsz)
{
    size_t n = (size_t)(c->period - c->start + 1);
    TN_GROW(w->charges, w->capcharges, n);
    memset(w->charges, 0, n * sizeof *w->charges);
    struct tn__balance *b = &w->bal;
    tn_money workers = b->workers;
    memset(b, 0, sizeof *b);
    b->workers = workers;
    tn_money latest_assessed = 0;
    for (size_t i = 0; i < w->nprev; i++) {
        const struct tn__prev *p = &w->prev[i];
        if (p->period >= c->period)
            continue;
        memcpy(w->charges[p->period - c->start].principal, p->charge, sizeof p->charge);
        if (p->assessed > 0)
            latest_assessed = p->assessed;
    }
    for (size_t i = 0; i < w->nlines; i++) {
        const struct tn__line *l = &w->lines[i];
        for (int k = 0; k < TN_C_COUNT; k++) {
            b->charge[tn_component_group((enum tn_component)k)] += l->amount[k];
            if (l->adjustment)
                b->adjustment += l->amount[k];
            else
                b->assessed += l->amount[k];
        }
    }
    memcpy(w->charges[c->period - c->start].principal, b->charge, sizeof b->charge);
    if (b->assessed > 0)
        latest_assessed = b->assessed;

    ledger_payments(c, w);
    tn_err err = earmarks(c, w, rec_st);
    if (err)
        return err;
    struct tn_ledger_input in = {
        .pol = c->pol,
        .unit = w->facts,
        .start = c->start,
        .period = c->period,
        .charges = w->charges,
        .payments = w->lpay,
        .npayments = w->nlpay,
    };
    err = tn_ledger_replay(&in, &w->result);
    if (!err)
        err = tn_aging_compute(&in, &w->result, latest_assessed, &b->aging);
    if (err) {
        char pbuf[TN_PERIOD_BUFSZ];
        tn_period_format(c->period, pbuf);
        snprintf(msg, msgsz,
                 "unit %s, period %s: %s (a deadline, interest or allocation rule "
                 "is missing from policy/)",
                 w->code, pbuf, tn_err_message(err, TN_LANG_EN));
        return err;
    }
    const struct tn__prev *before = prev_of(w, c->period - 1);
    b->opening = before ? before->closing : 0;
    tn_money prev_paid = before ? before->cum_paid : 0;
    for (int g = 0; g < TN_G_COUNT; g++) {
        tn_money prev_int = before ? before->cum_interest[g] : 0;
        b->cum_interest[g] = w->result.interest_total[g];
        b->correction[g] = w->result.interest_before[g] - prev_int;
        b->interest += w->result.interest_total[g] - prev_int;
    }
    b->cum_paid = w->result.paid_total;
    b->paid = b->cum_paid - prev_paid;
    b->closing = b->opening + b->assessed + b->adjustment + b->interest - b->paid;
    b->principal_due = w->result.principal_due;
    b->interest_due = w->result.interest_due;
    if (b->closing != b->principal_due + b->interest_due) {
        /* the recorded history and the replay disagree: never write such a row */
        snprintf(msg, msgsz,
                 "unit %s: closing %lld differs from principal %lld + interest %lld; the "
                 "ledger history is inconsistent",
                 w->code, (long long)b->closing, (long long)b->principal_due,
                 (long long)b->interest_due);
        return TN_ERR_STATE;
    }
    for (size_t i = 0; i < w->result.ninterest; i++)
        if (w->result.interest[i].charge_period == c->period && w->result.interest[i].missing_rate)
            c->stats.interest_missing++;
    return TN_OK;
}

static tn_err close_unit(struct tn__close *c, struct tn__unit_work *w, sqlite3_stmt *rec_st,
                         char *msg, size_t msgsz)
{
    tn_err err = assess_unit(c, w, rec_st);
    if (err) {
        char pbuf[TN_PERIOD_BUFSZ];
        tn_period_format(c->period, pbuf);
        snprintf(msg, msgsz, "unit %s, period %s: %s", w->code, pbuf,
                 err == TN_ERR_NO_POLICY ? "no rate, cap or minimum wage in policy/ for a "
                                           "period assessed"
                                         : tn_err_message(err, TN_LANG_EN));
        return err;
    }
    if ((err = balance_unit(c, w, rec_st, msg, msgsz)))
        return err;
    c->stats.units++;
    c->stats.workers += w->bal.workers;
    tn__close_digest(c, w);
    const struct tn__prev *same = prev_of(w, c->period);
    if (same && strcmp(same->digest, w->digest) == 0)
        return TN_OK; /* nothing new is known: the close is idempotent */
    c->stats.units_changed++;
    for (size_t i = 0; i < w->nlines; i++) {
        c->stats.lines++;
        c->stats.adjustments += w->lines[i].adjustment;
        c->stats.findings += w->lines[i].below_floor;
    }
    return tn__close_write_unit(c, w);
}

static void work_release(struct tn__unit_work *w)
{
    free(w->decls);
    free(w->pays);
    free(w->prev);
    free(w->lines);
    free(w->lpay);
    free(w->lpay_src);
    free(w->earmarks);
    free(w->charges);
    tn_ledger_result_release(&w->result);
}

/* Errors: TN_ERR_PARSE (msg set) for a unit type policy.h does not know: its rates may differ
 * (except_types), so it is never taken for "other". */
static tn_err parse_facts(sqlite3_stmt *st, struct tn__unit_work *w, char *msg, size_t msgsz)
{
    /* unit_code, type, wage_region, payment_cycle, registered_on */
    TN__COL_COPY(w->code, st, 0);
    const char *type = tn__col_text(st, 1);
    if (tn_unit_type_parse(type, &w->facts.type)) {
        snprintf(msg, msgsz, "unit %s: unknown unit type \"%s\"", w->code, type);
        return TN_ERR_PARSE;
    }
    w->facts.wage_region = sqlite3_column_int(st, 2);
    w->facts.payment_cycle = sqlite3_column_int(st, 3);
    w->facts.registered_on = text_day(tn__col_text(st, 4));
    return TN_OK;
}

static tn_err run(struct tn__close *c, sqlite3_stmt *units, sqlite3_stmt *decls, sqlite3_stmt *pays,
                  sqlite3_stmt *prev, sqlite3_stmt *rec, const char *prev_run_at, long long total,
                  void (*progress)(void *, long long, long long), void *ctx, char *msg,
                  size_t msgsz)
{
    struct tn__unit_work w;
    memset(&w, 0, sizeof w);
    tn_err err = TN_OK;
    int rcd = sqlite3_step(decls), rcp = sqlite3_step(pays), rc;
    long long done = 0;
    while (!err && (rc = sqlite3_step(units)) == SQLITE_ROW) {
        if ((err = parse_facts(units, &w, msg, msgsz)))
            break;
        load_decls(c, &w, decls, &rcd, prev_run_at);
        load_pays(&w, pays, &rcp);
        if (!(err = load_prev(c, &w, prev)))
            err = close_unit(c, &w, rec, msg, msgsz);
        if (progress && (++done % 256 == 0 || done == total))
            progress(ctx, done, total);
    }
    if (!err && rc != SQLITE_DONE)
        err = tn__store_fail(c->s, "read units");
    if (!err &&
        ((rcd != SQLITE_DONE && rcd != SQLITE_ROW) || (rcp != SQLITE_DONE && rcp != SQLITE_ROW)))
        err = tn__store_fail(c->s, "read declarations or payments");
    if (err == TN_ERR_STORE && !msg[0])
        snprintf(msg, msgsz, "%s", tn__sq_errmsg(c->s));
    work_release(&w);
    return err;
}

tn_err tn__sq_close_period(struct tn__sq *s, const struct tn_policy *pol, tn_period period,
                           const char *now, struct tn_close_stats *stats,
                           void (*progress)(void *ctx, long long done, long long total), void *ctx,
                           char *msg, size_t msgsz)
{
    struct tn__close c = {.s = s, .pol = pol, .period = period, .now = now};
    sqlite3_stmt *units = NULL, *decls = NULL, *pays = NULL, *prev = NULL, *rec = NULL, *st = NULL;
    char pbuf[TN_PERIOD_BUFSZ], first[TN_PERIOD_BUFSZ], last_day[TN_DAY_BUFSZ];
    char prev_run_at[20] = "";
    msg[0] = '\0';
    tn_err err = tn__sq_begin(s);
    if (err) {
        snprintf(msg, msgsz, "%s", tn__sq_errmsg(s));
        return err;
    }
    if ((err = check_state(&c, msg, msgsz)))
        goto done;
    tn_period_format(period, pbuf);
    tn_period_format(c.start, first);
    tn_day_format(tn_period_last_day(period), last_day);

    /* when the previous period was last closed: declarations known after it are news */
    if ((err = tn__store_prepare(s, "SELECT max(run_at) FROM close_run WHERE period = ?", &st)))
        goto done;
    char pm[TN_PERIOD_BUFSZ];
    tn_period_format(period - 1, pm);
    sqlite3_bind_text(st, 1, pm, -1, SQLITE_STATIC);
    int found;
    if ((err = tn__store_step_one(s, st, &found, "read the previous close run")))
        goto done;
    if (found)
        TN__COL_COPY(prev_run_at, st, 0);
    sqlite3_finalize(st);
    st = NULL;

    char digest[17];
    snprintf(digest, sizeof digest, "%016llx", (unsigned long long)pol->digest);
    if ((err = tn__store_prepare(s,
                                 "INSERT INTO close_run (period, run_at, policy_digest, "
                                 "units_total, units_changed) VALUES (?, ?, ?, 0, 0)",
                                 &st)))
        goto done;
    sqlite3_bind_text(st, 1, pbuf, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, now, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, digest, -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE) {
        err = tn__store_fail(s, "record close run");
        goto done;
    }
    c.run_id = sqlite3_last_insert_rowid(s->db);
    sqlite3_finalize(st);
    st = NULL;

    long long total = 0;
    if ((err = tn__store_prepare(s,
                                 "SELECT count(*) FROM unit WHERE superseded_at IS NULL "
                                 "AND registered_on <= ?",
                                 &st)))
        goto done;
    sqlite3_bind_text(st, 1, last_day, -1, SQLITE_STATIC);
    if ((err = tn__store_step_one(s, st, &found, "count the units")))
        goto done;
    if (found)
        total = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    st = NULL;

    if ((err = tn__store_prepare(s,
                                 "SELECT unit_code, type, wage_region, payment_cycle, "
                                 "registered_on FROM unit WHERE superseded_at IS NULL AND "
                                 "registered_on <= ?1 ORDER BY unit_code",
                                 &units)) ||
        (err = tn__store_prepare(s,
                                 "SELECT unit_code, bhxh_code, from_period, kind, salary, "
                                 "funds, declared_on, known_at FROM declaration WHERE "
                                 "superseded_at IS NULL AND from_period <= ?1 "
                                 "ORDER BY unit_code, bhxh_code, from_period",
                                 &decls)) ||
        (err = tn__store_prepare(
             s,
             "SELECT unit_code, txn_id, paid_on, amount, reverses, known_at, "
             "bhxh_code FROM payment WHERE superseded_at IS NULL AND suspense IS NULL "
             "AND unit_code IS NOT NULL AND paid_on <= ?1 "
             "ORDER BY unit_code, paid_on, txn_id",
             &pays)) ||
        (err = tn__store_prepare(s,
                                 "SELECT period, max(id), assessed, closing, charge_bhyt, "
                                 "charge_bhtn, charge_bhxh, cum_interest_bhyt, "
                                 "cum_interest_bhtn, cum_interest_bhxh, cum_paid, known_at, "
                                 "digest FROM unit_close WHERE unit_code = ?1 AND period >= ?2 "
                                 "AND period <= ?3 GROUP BY period ORDER BY period",
                                 &prev)) ||
        (err = tn__store_prepare(s,
                                 "SELECT for_period, a0, a1, a2, a3, a4, a5, a6, a7 "
                                 "FROM assess_line WHERE close_id = ?1 AND bhxh_code = ?2",
                                 &rec)) ||
        (err = tn__close_prepare_writes(&c)))
        goto done;
    sqlite3_bind_text(units, 1, last_day, -1, SQLITE_STATIC);
    sqlite3_bind_text(decls, 1, pbuf, -1, SQLITE_STATIC);
    sqlite3_bind_text(pays, 1, last_day, -1, SQLITE_STATIC);
    sqlite3_bind_text(prev, 2, first, -1, SQLITE_STATIC);
    sqlite3_bind_text(prev, 3, pbuf, -1, SQLITE_STATIC);
    err = run(&c, units, decls, pays, prev, rec, prev_run_at, total, progress, ctx, msg, msgsz);
    if (err)
        goto done;
    if ((err = tn__store_prepare(s,
                                 "UPDATE close_run SET units_total = ?, units_changed = ? "
                                 "WHERE id = ?",
                                 &st)))
        goto done;
    sqlite3_bind_int64(st, 1, c.stats.units);
    sqlite3_bind_int64(st, 2, c.stats.units_changed);
    sqlite3_bind_int64(st, 3, c.run_id);
    if (sqlite3_step(st) != SQLITE_DONE)
        err = tn__store_fail(s, "finish close run");
done:
    sqlite3_finalize(st);
    sqlite3_finalize(units);
    sqlite3_finalize(decls);
    sqlite3_finalize(pays);
    sqlite3_finalize(prev);
    sqlite3_finalize(rec);
    tn__close_finalize_writes(&c);
    free(c.rate_sets);
    if (!err)
        err = tn__sq_commit(s);
    if (err) {
        if (!msg[0])
            snprintf(msg, msgsz, "%s", tn__sq_errmsg(s));
        tn__sq_rollback(s);
        return err;
    }
    if (stats)
        *stats = c.stats;
    return TN_OK;
}
