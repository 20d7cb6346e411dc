/*
 * close.c - the monthly close over the SQLite store (design: docs/ledger.md).
 *
 * Units are streamed in unit_code order; declarations and payments come from cursors
 * merge-joined on unit_code, so the close reads each table once. Per unit the rows go into
 * a struct tn_close_unit_in and core's tn_close_unit (close_unit.c: assessing, back-dated
 * adjustments, reversals, earmarks, the replay, aging, the balance identity, the digest)
 * computes the result; a new unit_close row is written only if it differs from the one known.
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
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(c->s, "SELECT min(period), max(period) FROM close_run", &st);
    if (err)
        return err;
    c->start = c->period;
    int rc = tn_sql_step(st); /* one row, NULLs when nothing is closed yet */
    if (rc != TN_SQL_ROW)
        err = tn__store_fail(c->s, "read the closed periods");
    if (rc == TN_SQL_ROW && tn_sql_column_type(st, 0) != TN_SQL_NULL) {
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
    tn_sql_finalize(st);
    return err;
}

tn_err tn__sq_closed_periods(struct tn__sq *s, tn_period *first, tn_period *last)
{
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(s, "SELECT min(period), max(period) FROM close_run", &st);
    if (err)
        return err;
    int rc = tn_sql_step(st); /* one row, NULLs when nothing is closed yet */
    if (rc != TN_SQL_ROW)
        err = tn__store_fail(s, "read the closed periods");
    else if (tn_sql_column_type(st, 0) == TN_SQL_NULL)
        err = TN_ERR_NOT_FOUND;
    else if (tn_period_parse(tn__col_text(st, 0), first) ||
             tn_period_parse(tn__col_text(st, 1), last))
        err = tn__store_fail(s, "read the closed periods");
    tn_sql_finalize(st);
    return err;
}

/* Reads rows of a cursor sorted by unit_code while they belong to code. The cursor's
 * current row (already stepped) is the first candidate; rc tracks the last step. */
static int cursor_at(tn_sql_stmt *st, int rc, const char *code)
{
    return rc == TN_SQL_ROW && strcmp(tn__col_text(st, 0), code) == 0;
}

static void skip_before(tn_sql_stmt *st, int *rc, const char *code)
{
    while (*rc == TN_SQL_ROW && strcmp(tn__col_text(st, 0), code) < 0)
        *rc = tn_sql_step(st);
}

static void load_decls(struct tn__unit_work *w, tn_sql_stmt *st, int *rc)
{
    w->ndecls = 0;
    skip_before(st, rc, w->code);
    for (; cursor_at(st, *rc, w->code); *rc = tn_sql_step(st)) {
        /* unit_code, bhxh_code, from_period, kind, salary, funds, declared_on, known_at */
        TN_GROW(w->decls, w->capdecls, w->ndecls + 1);
        struct tn_close_decl *d = &w->decls[w->ndecls++];
        TN__COL_COPY(d->bhxh, st, 1);
        d->from = text_period(tn__col_text(st, 2));
        d->decrease = strcmp(tn__col_text(st, 3), "decrease") == 0;
        d->salary = tn_sql_column_int64(st, 4);
        d->funds = (unsigned)tn_sql_column_int(st, 5);
        d->declared_on = text_day(tn__col_text(st, 6));
        TN__COL_COPY(d->known_at, st, 7);
    }
}

/* The unit's opening balances (docs/ledger.md "Opening balances"): unit_code, period, fund,
 * principal, interest, as_of. */
static void load_opening(struct tn__unit_work *w, tn_sql_stmt *st, int *rc)
{
    w->nopening = 0;
    skip_before(st, rc, w->code);
    for (; cursor_at(st, *rc, w->code); *rc = tn_sql_step(st)) {
        TN_GROW(w->opening, w->capopening, w->nopening + 1);
        struct tn_close_opening *o = &w->opening[w->nopening++];
        o->period = text_period(tn__col_text(st, 1));
        o->group = TN_G_BHXH;
        tn_group_parse(tn__col_text(st, 2), &o->group);
        o->principal = tn_sql_column_int64(st, 3);
        o->interest = tn_sql_column_int64(st, 4);
        o->as_of = text_day(tn__col_text(st, 5));
    }
}

static void load_pays(struct tn__unit_work *w, tn_sql_stmt *st, int *rc)
{
    w->npays = 0;
    skip_before(st, rc, w->code);
    for (; cursor_at(st, *rc, w->code); *rc = tn_sql_step(st)) {
        /* unit_code, txn_id, paid_on, amount, reverses, known_at, bhxh_code */
        TN_GROW(w->pays, w->cappays, w->npays + 1);
        struct tn_close_pay *p = &w->pays[w->npays++];
        TN__COL_COPY(p->txn, st, 1);
        p->paid_on = text_day(tn__col_text(st, 2));
        p->amount = tn_sql_column_int64(st, 3);
        TN__COL_COPY(p->reverses, st, 4);
        TN__COL_COPY(p->known_at, st, 5);
        TN__COL_COPY(p->bhxh, st, 6);
    }
}

/* The unit's closes of periods from..c->period (from: the ledger's first, or the period
 * before when a carried state stands for the earlier ones). */
static tn_err load_prev(struct tn__close *c, struct tn__unit_work *w, tn_sql_stmt *st,
                        tn_period from)
{
    char fbuf[TN_PERIOD_BUFSZ];
    tn_period_format(from, fbuf);
    w->nprev = 0;
    tn_sql_reset(st);
    tn_sql_bind_text(st, 1, w->code, -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 2, fbuf, -1, TN_SQL_TRANSIENT);
    int rc;
    while ((rc = tn_sql_step(st)) == TN_SQL_ROW) {
        TN_GROW(w->prev, w->capprev, w->nprev + 1);
        struct tn_close_prev *p = &w->prev[w->nprev++];
        p->period = text_period(tn__col_text(st, 0));
        p->id = tn_sql_column_int64(st, 1);
        p->assessed = tn_sql_column_int64(st, 2);
        p->closing = tn_sql_column_int64(st, 3);
        for (int g = 0; g < TN_G_COUNT; g++) {
            p->charge[g] = tn_sql_column_int64(st, 4 + g);
            p->cum_interest[g] = tn_sql_column_int64(st, 7 + g);
        }
        p->cum_paid = tn_sql_column_int64(st, 10);
        TN__COL_COPY(p->known_at, st, 11);
        TN__COL_COPY(p->digest, st, 12);
        p->adjusted = tn_sql_column_int(st, 13);
    }
    return rc == TN_SQL_DONE ? TN_OK : tn__store_fail(c->s, "read previous closes");
}

/* The lines of worker bhxh recorded by close prev, for core's tn_close_unit. */
struct rec_reader {
    struct tn__close *c;
    tn_sql_stmt *st;
    tn_sql_stmt *adj; /* a close's adjustment lines summed per for_period */
};

/* Calls line() with the rows of st (for_period, a0..a7), reset and bound by the caller. */
static tn_err read_lines(struct rec_reader *r, tn_sql_stmt *st, tn_close_line_fn line, void *lctx)
{
    int rc = TN_SQL_DONE;
    tn_err err = TN_OK;
    while (!err && (rc = tn_sql_step(st)) == TN_SQL_ROW) {
        tn_money amount[TN_C_COUNT];
        for (int k = 0; k < TN_C_COUNT; k++)
            amount[k] = tn_sql_column_int64(st, 1 + k);
        err = line(lctx, text_period(tn__col_text(st, 0)), amount);
    }
    if (err)
        return err;
    return rc == TN_SQL_DONE ? TN_OK : tn__store_fail(r->c->s, "read recorded lines");
}

/* The adjustment lines of close prev per for_period (tn_close_unit_in adjustments). */
static tn_err read_adjustments(void *ctx, const struct tn_close_prev *prev, tn_close_line_fn line,
                               void *lctx)
{
    struct rec_reader *r = ctx;
    tn_sql_reset(r->adj);
    tn_sql_bind_int64(r->adj, 1, prev->id);
    return read_lines(r, r->adj, line, lctx);
}

static tn_err read_recorded(void *ctx, const struct tn_close_prev *prev, const char *bhxh,
                            tn_close_line_fn line, void *lctx)
{
    struct rec_reader *r = ctx;
    tn_sql_stmt *st = r->st;
    tn_sql_reset(st);
    tn_sql_bind_int64(st, 1, prev->id);
    tn_sql_bind_text(st, 2, bhxh, -1, TN_SQL_STATIC);
    return read_lines(r, st, line, lctx);
}

static tn_err close_unit(struct tn__close *c, struct tn__unit_work *w, tn_sql_stmt *rec_st[2],
                         const char *prev_run_at, char *msg, size_t msgsz)
{
    struct rec_reader reader = {c, rec_st[0], rec_st[1]};
    struct tn_close_unit_in *in = &w->in; /* in->facts is parse_facts()'s */
    in->code = w->code;
    in->decls = w->decls;
    in->ndecls = w->ndecls;
    in->pays = w->pays;
    in->npays = w->npays;
    in->prev = w->prev;
    in->nprev = w->nprev;
    in->opening = w->opening;
    in->nopening = w->nopening;
    in->prev_run_at = prev_run_at;
    in->recorded = read_recorded;
    in->adjustments = read_adjustments;
    in->ctx = &reader;
    tn_err err = tn_close_unit(c->pol, c->start, c->period, &w->in, &w->out, msg, msgsz);
    if (err || w->out.need_full)
        return err;
    c->stats.interest_missing += w->out.interest_missing;
    c->stats.units++;
    c->stats.workers += w->out.bal.workers;
    if (!w->out.changed)
        return TN_OK; /* nothing new is known: the close is idempotent */
    c->stats.units_changed++;
    for (size_t i = 0; i < w->out.nlines; i++) {
        c->stats.lines++;
        c->stats.adjustments += w->out.lines[i].adjustment;
        c->stats.findings += w->out.lines[i].below_floor;
    }
    return tn__close_write_unit(c, w);
}

static void work_release(struct tn__unit_work *w)
{
    free(w->decls);
    free(w->pays);
    free(w->prev);
    free(w->opening);
    tn_close_unit_out_release(&w->out);
}

/* Errors: TN_ERR_PARSE (msg set) for a unit type policy.h does not know: its rates may differ
 * (except_types), so it is never taken for "other". */
static tn_err parse_facts(tn_sql_stmt *st, struct tn__unit_work *w, char *msg, size_t msgsz)
{
    /* unit_code, type, wage_region, payment_cycle, registered_on */
    TN__COL_COPY(w->code, st, 0);
    struct tn_unit_facts *f = &w->in.facts;
    const char *type = tn__col_text(st, 1);
    if (tn_unit_type_parse(type, &f->type)) {
        snprintf(msg, msgsz, "unit %s: unknown unit type \"%s\"", w->code, type);
        return TN_ERR_PARSE;
    }
    f->wage_region = tn_sql_column_int(st, 2);
    f->payment_cycle = tn_sql_column_int(st, 3);
    f->registered_on = text_day(tn__col_text(st, 4));
    return TN_OK;
}

/* The state the previous period's close carried for w's unit, or NULL (none, undecodable, or
 * the full replay forced): docs/ledger.md "Carried state". */
static const struct tn_ledger_carry *load_carry(struct tn__close *c, struct tn__unit_work *w)
{
    if (!c->carry_rd)
        return NULL;
    skip_before(c->carry_rd, &c->rc_carry, w->code);
    if (!cursor_at(c->carry_rd, c->rc_carry, w->code))
        return NULL;
    const unsigned char *blob = tn_sql_column_blob(c->carry_rd, 1);
    size_t n = (size_t)tn_sql_column_bytes(c->carry_rd, 1);
    if (!blob || tn_ledger_carry_decode(blob, n, &c->carry_in) != TN_OK)
        return NULL;
    return &c->carry_in;
}

/* Records the state this close carries to the next for w's unit. */
static tn_err write_carry(struct tn__close *c, struct tn__unit_work *w, const char *period)
{
    size_t n;
    tn_ledger_carry_encode(&w->out.carry, &c->carry_buf, &c->carry_cap, &n);
    tn_sql_stmt *st = c->carry_wr;
    tn_sql_bind_text(st, 1, w->code, -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 2, period, -1, TN_SQL_STATIC);
    tn_sql_bind_blob(st, 3, c->carry_buf, (int)n, TN_SQL_STATIC);
    int rc = tn_sql_step(st);
    tn_sql_reset(st);
    return rc == TN_SQL_DONE ? TN_OK : tn__store_fail(c->s, "record the carried state");
}

static tn_err run(struct tn__close *c, tn_sql_stmt *units, tn_sql_stmt *decls, tn_sql_stmt *pays,
                  tn_sql_stmt *prev, tn_sql_stmt *rec[2], const char *prev_run_at, long long total,
                  void (*progress)(void *, long long, long long), void *ctx, char *msg,
                  size_t msgsz)
{
    struct tn__unit_work w;
    memset(&w, 0, sizeof w);
    tn_close_unit_out_init(&w.out);
    tn_err err = TN_OK;
    int rcd = tn_sql_step(decls), rcp = tn_sql_step(pays), rc;
    c->rc_opening = tn_sql_step(c->opening);
    if (c->carry_rd)
        c->rc_carry = tn_sql_step(c->carry_rd);
    char pbuf[TN_PERIOD_BUFSZ];
    tn_period_format(c->period, pbuf);
    long long done = 0;
    while (!err && (rc = tn_sql_step(units)) == TN_SQL_ROW) {
        if ((err = parse_facts(units, &w, msg, msgsz)))
            break;
        load_decls(&w, decls, &rcd);
        load_pays(&w, pays, &rcp);
        load_opening(&w, c->opening, &c->rc_opening);
        w.in.carry = load_carry(c, &w);
        /* docs/ledger.md "Carried state": with a state, only the last closes are read; the
         * earlier ones too when core cannot go on from it */
        w.in.prev_partial = w.in.carry && c->period - 1 > c->start;
        if (!(err = load_prev(c, &w, prev, w.in.prev_partial ? c->period - 1 : c->start)))
            err = close_unit(c, &w, rec, prev_run_at, msg, msgsz);
        if (!err && w.out.need_full) {
            w.in.prev_partial = 0;
            if (!(err = load_prev(c, &w, prev, c->start)))
                err = close_unit(c, &w, rec, prev_run_at, msg, msgsz);
        }
        if (!err) {
            c->stats.resumed += w.out.replay.resumed;
            err = write_carry(c, &w, pbuf);
        }
        if (progress && (++done % 256 == 0 || done == total))
            progress(ctx, done, total);
    }
    if (!err && rc != TN_SQL_DONE)
        err = tn__store_fail(c->s, "read units");
    if (!err &&
        ((rcd != TN_SQL_DONE && rcd != TN_SQL_ROW) || (rcp != TN_SQL_DONE && rcp != TN_SQL_ROW) ||
         (c->rc_opening != TN_SQL_DONE && c->rc_opening != TN_SQL_ROW) ||
         (c->carry_rd && c->rc_carry != TN_SQL_DONE && c->rc_carry != TN_SQL_ROW)))
        err = tn__store_fail(c->s, "read declarations, payments, opening balances or carried "
                                   "states");
    if (err == TN_ERR_STORE && !msg[0])
        snprintf(msg, msgsz, "%s", tn__sq_errmsg(c->s));
    work_release(&w);
    return err;
}

/* THUNO_CLOSE_REPLAY=full: every unit replays from the ledger's first period, as before the
 * carried state (the test that both give the same results; docs/ledger.md). */
static int full_replay(void)
{
    const char *v = getenv("THUNO_CLOSE_REPLAY");
    return v && strcmp(v, "full") == 0;
}

/* A unit's last closes (?1 the unit, periods ?2..?3); a close recorded before unpaid_line
 * (schema.sql) is written again, so that the lists can split its debt. LU: on PostgreSQL, where
 * the lines carry unit_code (pg_schema.sql), the unit of the lines too, so that each table is
 * read in the one partition of the unit. */
#define PREV_SQL(LU)                                                                               \
    "SELECT u.period, u.id, u.assessed, u.closing, u.charge_bhyt, u.charge_bhtn, "                 \
    "u.charge_bhxh, u.cum_interest_bhyt, u.cum_interest_bhtn, u.cum_interest_bhxh, u.cum_paid, "   \
    "u.known_at, CASE WHEN u.period = ?3 AND u.principal_due > 0 AND NOT EXISTS "                  \
    "(SELECT 1 FROM unpaid_line WHERE close_id = u.id" LU ") THEN '' "                             \
    "ELSE u.digest END, CASE WHEN EXISTS (SELECT 1 FROM assess_line "                              \
    "WHERE close_id = u.id" LU " AND kind = 'adjustment') THEN 1 ELSE 0 END "                      \
    "FROM (SELECT max(id) AS id FROM unit_close WHERE unit_code = ?1 "                             \
    "AND period >= ?2 AND period <= ?3 GROUP BY period) m "                                        \
    "JOIN unit_close u ON u.id = m.id AND u.unit_code = ?1 ORDER BY u.period"
static const char *const prev_sql[] = {PREV_SQL(""), PREV_SQL(" AND unit_code = ?1")};

tn_err tn__sq_close_period(struct tn__sq *s, const struct tn_policy *pol, tn_period period,
                           const char *now, struct tn_close_stats *stats,
                           void (*progress)(void *ctx, long long done, long long total), void *ctx,
                           char *msg, size_t msgsz)
{
    struct tn__close c = {.s = s, .pol = pol, .period = period, .now = now};
    tn_sql_stmt *units = NULL, *decls = NULL, *pays = NULL, *prev = NULL, *rec[2] = {NULL, NULL},
                *st = NULL;
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
    tn_sql_bind_text(st, 1, pm, -1, TN_SQL_STATIC);
    int found;
    if ((err = tn__store_step_one(s, st, &found, "read the previous close run")))
        goto done;
    if (found)
        TN__COL_COPY(prev_run_at, st, 0);
    tn_sql_finalize(st);
    st = NULL;

    char digest[17];
    snprintf(digest, sizeof digest, "%016llx", (unsigned long long)pol->digest);
    if ((err = tn__store_prepare(s,
                                 "INSERT INTO close_run (period, run_at, policy_digest, "
                                 "units_total, units_changed) VALUES (?, ?, ?, 0, 0)",
                                 &st)))
        goto done;
    tn_sql_bind_text(st, 1, pbuf, -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 2, now, -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 3, digest, -1, TN_SQL_STATIC);
    if (tn_sql_step(st) != TN_SQL_DONE) {
        err = tn__store_fail(s, "record close run");
        goto done;
    }
    c.run_id = tn_sql_last_insert_rowid(s->db);
    tn_sql_finalize(st);
    st = NULL;

    long long total = 0;
    if ((err = tn__store_prepare(s,
                                 "SELECT count(*) FROM unit WHERE superseded_at IS NULL "
                                 "AND registered_on <= ?",
                                 &st)))
        goto done;
    tn_sql_bind_text(st, 1, last_day, -1, TN_SQL_STATIC);
    if ((err = tn__store_step_one(s, st, &found, "count the units")))
        goto done;
    if (found)
        total = tn_sql_column_int64(st, 0);
    tn_sql_finalize(st);
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
        (err = tn__store_prepare(s, prev_sql[tn_sql_kind(s->db) == TN_SQL_PG], &prev)) ||
        (err = tn__store_prepare(s,
                                 "SELECT for_period, a0, a1, a2, a3, a4, a5, a6, a7 "
                                 "FROM assess_line WHERE close_id = ?1 AND bhxh_code = ?2",
                                 &rec[0])) ||
        /* assess_line_adjustment (schema.sql) makes both a seek */
        (err = tn__store_prepare(s,
                                 "SELECT for_period, sum(a0), sum(a1), sum(a2), sum(a3), "
                                 "sum(a4), sum(a5), sum(a6), sum(a7) FROM assess_line "
                                 "WHERE close_id = ?1 AND kind = 'adjustment' "
                                 "GROUP BY for_period",
                                 &rec[1])) ||
        (err = tn__store_prepare(s,
                                 "SELECT unit_code, period, fund, principal, interest, as_of "
                                 "FROM opening_balance WHERE superseded_at IS NULL "
                                 "ORDER BY unit_code, period, fund",
                                 &c.opening)) ||
        /* docs/ledger.md "Carried state" (schema.sql; migration 3 on an older store) */
        (err = tn__store_prepare(s,
                                 "INSERT INTO close_carry VALUES (?1, ?2, ?3) ON CONFLICT "
                                 "(unit_code, period) DO UPDATE SET state = excluded.state",
                                 &c.carry_wr)) ||
        (!full_replay() &&
         (err = tn__store_prepare(s,
                                  "SELECT unit_code, state FROM close_carry WHERE period = ?1 "
                                  "ORDER BY unit_code",
                                  &c.carry_rd))) ||
        (err = tn__close_prepare_writes(&c)))
        goto done;
    /* the province-wide scans, a batch of rows at a time on PostgreSQL (bounded memory) */
    tn_sql_stmt *scans[] = {units, decls, pays, c.opening, c.carry_rd};
    for (size_t i = 0; i < sizeof scans / sizeof scans[0]; i++)
        if (scans[i])
            tn_sql_stream(scans[i], 8192);
    if (c.carry_rd)
        tn_sql_bind_text(c.carry_rd, 1, pm, -1, TN_SQL_STATIC);
    tn_sql_bind_text(units, 1, last_day, -1, TN_SQL_STATIC);
    tn_sql_bind_text(decls, 1, pbuf, -1, TN_SQL_STATIC);
    tn_sql_bind_text(pays, 1, last_day, -1, TN_SQL_STATIC);
    tn_sql_bind_text(prev, 3, pbuf, -1, TN_SQL_STATIC);
    err = run(&c, units, decls, pays, prev, rec, prev_run_at, total, progress, ctx, msg, msgsz);
    if (err)
        goto done;
    /* only the previous period's states are read (a re-run of this period starts from them) */
    if ((err = tn__store_prepare(s, "DELETE FROM close_carry WHERE period < ?1", &st)))
        goto done;
    tn_sql_bind_text(st, 1, pm, -1, TN_SQL_STATIC);
    if (tn_sql_step(st) != TN_SQL_DONE) {
        err = tn__store_fail(s, "drop old carried states");
        goto done;
    }
    tn_sql_finalize(st);
    st = NULL;
    if ((err = tn__store_prepare(s,
                                 "UPDATE close_run SET units_total = ?, units_changed = ? "
                                 "WHERE id = ?",
                                 &st)))
        goto done;
    tn_sql_bind_int64(st, 1, c.stats.units);
    tn_sql_bind_int64(st, 2, c.stats.units_changed);
    tn_sql_bind_int64(st, 3, c.run_id);
    if (tn_sql_step(st) != TN_SQL_DONE)
        err = tn__store_fail(s, "finish close run");
done:
    tn_sql_finalize(st);
    tn_sql_finalize(units);
    tn_sql_finalize(decls);
    tn_sql_finalize(pays);
    tn_sql_finalize(c.opening);
    tn_sql_finalize(prev);
    tn_sql_finalize(rec[0]);
    tn_sql_finalize(rec[1]);
    tn__close_finalize_writes(&c);
    tn_sql_finalize(c.carry_rd);
    tn_sql_finalize(c.carry_wr);
    tn_ledger_carry_release(&c.carry_in);
    free(c.carry_buf);
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
