/*
 * report_query.c - balances and explanations read back from the ledger as known at a time:
 * for each (unit, period) the unit_close row of highest id whose known_at <= as_of.
 */
#include "store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/mem.h"
#include "thuno/report.h"

tn_err tn_report_as_of(const char *arg, char out[static 20])
{
    tn_day d;
    size_t n = strlen(arg);
    char date[TN_DAY_BUFSZ];
    if (n < 10)
        return TN_ERR_PARSE;
    memcpy(date, arg, 10);
    date[10] = '\0';
    if (tn_day_parse(date, &d))
        return TN_ERR_PARSE;
    if (n == 10) {
        snprintf(out, 20, "%sT23:59:59", date);
        return TN_OK;
    }
    if (n != 19 || arg[10] != 'T' || arg[13] != ':' || arg[16] != ':')
        return TN_ERR_PARSE;
    memcpy(out, arg, 20);
    return TN_OK;
}

#define BALANCE_COLS                                                                               \
    "unit_code, period, opening, assessed, adjustment, interest, paid, closing, principal_due, "   \
    "interest_due, months_owed_tenths, bucket, oldest_unpaid, legal_status, workers, known_at, "   \
    "id, " TN__OVERDUE("unit_close")

void tn__read_balance_figures(tn_sql_stmt *st, int first, struct tn_balance_row *r)
{
    tn_money *m[] = {&r->opening, &r->assessed, &r->adjustment,    &r->interest,
                     &r->paid,    &r->closing,  &r->principal_due, &r->interest_due};
    for (int i = 0; i < 8; i++)
        *m[i] = tn_sql_column_int64(st, first + i);
    r->months_owed_tenths =
        tn_sql_column_type(st, first + 8) == TN_SQL_NULL ? -1 : tn_sql_column_int(st, first + 8);
    TN__COL_COPY(r->bucket, st, first + 9);
    r->oldest_unpaid = tn__col_period(st, first + 10);
    TN__COL_COPY(r->legal_status, st, first + 11);
    r->workers = tn_sql_column_int64(st, first + 12);
    TN__COL_COPY(r->known_at, st, first + 13);
    r->close_id = tn_sql_column_int64(st, first + 14);
    r->principal_overdue = tn_sql_column_int64(st, first + 15);
}

static void read_balance(tn_sql_stmt *st, struct tn_balance_row *r)
{
    memset(r, 0, sizeof *r);
    TN__COL_COPY(r->unit_code, st, 0);
    tn_period_parse(tn__col_text(st, 1), &r->period);
    tn__read_balance_figures(st, 2, r);
}

tn_err tn__sq_balances(struct tn__sq *s, const char *office, tn_period period, const char *as_of,
                       tn_err (*row)(void *ctx, const struct tn_balance_row *r), void *ctx)
{
    tn_sql_stmt *st;
    tn_err err =
        tn__store_prepare_period(s,
                                 "SELECT " BALANCE_COLS " FROM unit_close WHERE id IN ("
                                 "SELECT max(id) FROM unit_close WHERE period = ?1 "
                                 "AND known_at <= ?2 AND " TN__OFFICE_CUT(
                                     "unit_code") " GROUP BY unit_code) ORDER BY unit_code",
                                 period, as_of, &st);
    if (err)
        return err;
    tn__bind_office(st, office, as_of);
    struct tn_balance_row r;
    while (tn__store_next(s, st, &err, "read balances")) {
        read_balance(st, &r);
        if ((err = row(ctx, &r)))
            break;
    }
    tn_sql_finalize(st);
    return err;
}

tn_err tn__sq_unit_balance(struct tn__sq *s, const char *office, const char *unit_code,
                           tn_period period, const char *as_of, struct tn_balance_row *out)
{
    /* the unit's latest row of the period known then, through unit_close_key: what
     * tn__sq_balances keeps for it (max(id)); prepared once per connection */
    tn_sql_stmt *st;
    tn_err err = tn__store_cached(
        s,
        "SELECT " BALANCE_COLS " FROM unit_close WHERE id = (SELECT max(id) FROM unit_close "
        "WHERE unit_code = ?3 AND period = ?1 AND known_at <= ?2) AND " TN__OFFICE_CUT("unit_code"),
        &st);
    if (err)
        return err;
    char pbuf[TN_PERIOD_BUFSZ];
    tn_period_format(period, pbuf);
    tn_sql_bind_text(st, 1, pbuf, -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 2, tn__at(as_of), -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 3, unit_code, -1, TN_SQL_STATIC);
    tn__bind_office(st, office, as_of);
    int found;
    if (!(err = tn__store_step_one(s, st, &found, "read the unit's balance")) && found)
        read_balance(st, out);
    tn_sql_reset(st);
    return err ? err : found ? TN_OK : TN_ERR_NOT_FOUND;
}

tn_err tn__sq_unit_ledger(struct tn__sq *s, const char *unit_code, tn_period first, tn_period last,
                          const char *as_of,
                          tn_err (*row)(void *ctx, const struct tn_balance_row *r), void *ctx)
{
    /* each period's latest row known then, as tn__sq_unit_balance reads one */
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare_period(
        s,
        "SELECT " BALANCE_COLS " FROM unit_close WHERE id IN (SELECT max(id) FROM unit_close "
        "WHERE unit_code = ?3 AND period >= ?1 AND period <= ?4 AND known_at <= ?2 "
        "GROUP BY period) ORDER BY period",
        first, as_of, &st);
    if (err)
        return err;
    char lbuf[TN_PERIOD_BUFSZ];
    tn_period_format(last, lbuf);
    tn_sql_bind_text(st, 3, unit_code, -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 4, lbuf, -1, TN_SQL_STATIC);
    struct tn_balance_row r;
    while (tn__store_next(s, st, &err, "read the unit's ledger")) {
        read_balance(st, &r);
        if ((err = row(ctx, &r)))
            break;
    }
    tn_sql_finalize(st);
    return err;
}

void tn_explain_init(struct tn_explain *e)
{
    memset(e, 0, sizeof *e);
}

void tn_explain_release(struct tn_explain *e)
{
    for (size_t i = 0; i < e->nlines; i++)
        free(e->lines[i].sources);
    for (size_t i = 0; i < e->ninterest; i++)
        free(e->interest[i].source);
    free(e->lines);
    free(e->interest);
    free(e->alloc);
    free(e->findings);
    for (size_t i = 0; i < e->nopening; i++)
        free(e->opening[i].source);
    free(e->opening);
    tn_explain_init(e);
}

/* Runs sql (one parameter: the unit_close id) and hands each row to one() to append to e.
 * what names the lines in an error. */
static tn_err each_line(struct tn__sq *s, const char *sql, const char *what, struct tn_explain *e,
                        void (*one)(tn_sql_stmt *st, struct tn_explain *e))
{
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(s, sql, &st);
    if (err)
        return err;
    tn_sql_bind_int64(st, 1, e->balance.close_id);
    int rc;
    while ((rc = tn_sql_step(st)) == TN_SQL_ROW)
        one(st, e);
    tn_sql_finalize(st);
    return rc == TN_SQL_DONE ? TN_OK : tn__store_fail(s, what);
}

static void assess_row(tn_sql_stmt *st, struct tn_explain *e)
{
    TN_GROW(e->lines, e->caplines, e->nlines + 1);
    struct tn_explain_assess *l = &e->lines[e->nlines++];
    memset(l, 0, sizeof *l);
    TN__COL_COPY(l->bhxh_code, st, 0);
    tn_period_parse(tn__col_text(st, 1), &l->for_period);
    l->adjustment = strcmp(tn__col_text(st, 2), "adjustment") == 0;
    l->salary = tn_sql_column_int64(st, 3);
    l->base_si = tn_sql_column_int64(st, 4);
    l->base_ui = tn_sql_column_int64(st, 5);
    l->funds = (unsigned)tn_sql_column_int(st, 6);
    for (int k = 0; k < TN_C_COUNT; k++) {
        l->rate[k] = tn_sql_column_int(st, 7 + k);
        l->amount[k] = tn_sql_column_int64(st, 15 + k);
    }
    l->sources = tn_xstrdup(tn__col_text(st, 23));
}

static void interest_row(tn_sql_stmt *st, struct tn_explain *e)
{
    TN_GROW(e->interest, e->capinterest, e->ninterest + 1);
    struct tn_explain_interest *it = &e->interest[e->ninterest++];
    memset(it, 0, sizeof *it);
    TN__COL_COPY(it->group, st, 0);
    TN__COL_COPY(it->rule, st, 1);
    TN__COL_COPY(it->status, st, 2);
    tn_period_parse(tn__col_text(st, 3), &it->accrual_month);
    TN__COL_COPY(it->from, st, 4);
    TN__COL_COPY(it->to, st, 5);
    it->days = tn_sql_column_int(st, 6);
    it->principal = tn_sql_column_int64(st, 7);
    it->rate = tn_sql_column_int(st, 8);
    it->amount = tn_sql_column_int64(st, 9);
    it->source = tn_xstrdup(tn__col_text(st, 10));
}

static void alloc_row(tn_sql_stmt *st, struct tn_explain *e)
{
    TN_GROW(e->alloc, e->capalloc, e->nalloc + 1);
    struct tn_explain_alloc *a = &e->alloc[e->nalloc++];
    TN__COL_COPY(a->txn_id, st, 0);
    TN__COL_COPY(a->paid_on, st, 1);
    tn_period_parse(tn__col_text(st, 2), &a->target);
    TN__COL_COPY(a->group, st, 3);
    TN__COL_COPY(a->part, st, 4);
    a->amount = tn_sql_column_int64(st, 5);
}

static void finding_row(tn_sql_stmt *st, struct tn_explain *e)
{
    TN_GROW(e->findings, e->capfindings, e->nfindings + 1);
    struct tn_explain_finding *f = &e->findings[e->nfindings++];
    TN__COL_COPY(f->bhxh_code, st, 0);
    tn_period_parse(tn__col_text(st, 1), &f->for_period);
    f->base = tn_sql_column_int64(st, 2);
    f->floor = tn_sql_column_int64(st, 3);
}

static tn_err read_lines(struct tn__sq *s, struct tn_explain *e)
{
    tn_err err;
    if ((err = each_line(
             s,
             "SELECT l.bhxh_code, l.for_period, l.kind, l.salary, l.base_si, l.base_ui, "
             "l.funds, r.r0, r.r1, r.r2, r.r3, r.r4, r.r5, r.r6, r.r7, l.a0, l.a1, l.a2, l.a3, "
             "l.a4, l.a5, l.a6, l.a7, r.sources FROM assess_line l JOIN rate_set r ON r.id = "
             "l.rate_set WHERE l.close_id = ?1 ORDER BY l.kind DESC, l.bhxh_code, l.for_period",
             "read assessment lines", e, assess_row)) ||
        (err = each_line(s,
                         "SELECT grp, rule, status, accrual_month, from_day, to_day, days, "
                         "principal, rate_ppm, amount, source FROM interest_line WHERE "
                         "close_id = ?1 ORDER BY seq",
                         "read interest lines", e, interest_row)) ||
        /* in the order written: SQLite's rowid, PostgreSQL's seq (pg_schema.sql) */
        (err = each_line(s,
                         tn_sql_kind(s->db) == TN_SQL_PG
                             ? "SELECT txn_id, paid_on, target_period, grp, part, amount FROM "
                               "alloc_line WHERE close_id = ?1 ORDER BY seq"
                             : "SELECT txn_id, paid_on, target_period, grp, part, amount FROM "
                               "alloc_line WHERE close_id = ?1 ORDER BY rowid",
                         "read allocations", e, alloc_row)))
        return err;
    return each_line(s,
                     "SELECT bhxh_code, for_period, base, floor FROM finding WHERE close_id = "
                     "?1 ORDER BY bhxh_code, for_period",
                     "read findings", e, finding_row);
}

tn_err tn__sq_explain(struct tn__sq *s, const char *office, const char *unit_code, tn_period period,
                      const char *as_of, struct tn_explain *e)
{
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(
        s,
        "SELECT " BALANCE_COLS " FROM unit_close WHERE id = (SELECT max(id) FROM unit_close "
        "WHERE unit_code = ?1 AND period = ?2 AND known_at <= ?3) AND " TN__OFFICE_CUT("unit_code"),
        &st);
    if (err)
        return err;
    char pbuf[TN_PERIOD_BUFSZ];
    tn_period_format(period, pbuf);
    tn_sql_bind_text(st, 1, unit_code, -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 2, pbuf, -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 3, tn__at(as_of), -1, TN_SQL_STATIC);
    tn__bind_office(st, office, as_of);
    int rc = tn_sql_step(st);
    if (rc == TN_SQL_ROW)
        read_balance(st, &e->balance);
    tn_sql_finalize(st);
    if (rc == TN_SQL_DONE)
        return TN_ERR_NOT_FOUND;
    if (rc != TN_SQL_ROW)
        return tn__store_fail(s, "read balance");
    if ((err = tn__store_prepare(s,
                                 "SELECT name, payment_cycle FROM unit WHERE unit_code = ?1 "
                                 "ORDER BY version DESC LIMIT 1",
                                 &st)))
        return err;
    tn_sql_bind_text(st, 1, unit_code, -1, TN_SQL_STATIC);
    int found;
    e->payment_cycle = 1;
    if (!(err = tn__store_step_one(s, st, &found, "read the unit's name")) && found) {
        TN__COL_COPY(e->unit_name, st, 0);
        if (tn_sql_column_int(st, 1) > 0)
            e->payment_cycle = tn_sql_column_int(st, 1);
    }
    tn_sql_finalize(st);
    return err ? err : read_lines(s, e);
}

tn_err tn__sq_findings(struct tn__sq *s, const char *office, tn_period period, const char *as_of,
                       tn_err (*row)(void *ctx, const struct tn_finding_row *r), void *ctx)
{
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare_period(
        s,
        "WITH cur AS (SELECT unit_code, max(id) AS id FROM unit_close WHERE period = ?1 AND "
        "known_at <= ?2 AND " TN__OFFICE_CUT(
            "unit_code") " GROUP BY unit_code) SELECT cur.unit_code, f.bhxh_code, f.for_period, "
                         "f.base, f.floor FROM cur JOIN finding f ON f.close_id = cur.id "
                         "ORDER BY cur.unit_code, f.bhxh_code, f.for_period",
        period, as_of, &st);
    if (err)
        return err;
    tn__bind_office(st, office, as_of);
    struct tn_finding_row r;
    while (tn__store_next(s, st, &err, "read findings")) {
        memset(&r, 0, sizeof r);
        TN__COL_COPY(r.unit_code, st, 0);
        TN__COL_COPY(r.bhxh_code, st, 1);
        tn_period_parse(tn__col_text(st, 2), &r.for_period);
        r.base = tn_sql_column_int64(st, 3);
        r.floor = tn_sql_column_int64(st, 4);
        if ((err = row(ctx, &r)))
            break;
    }
    tn_sql_finalize(st);
    return err;
}

tn_err tn__sq_suspense(struct tn__sq *s, const char *office, tn_period period, const char *as_of,
                       tn_err (*row)(void *ctx, const struct tn_suspense_row *r), void *ctx)
{
    tn_sql_stmt *st;
    /* the version of each payment known at as_of, if that version waits in suspense */
    tn_err err = tn__store_prepare(
        s,
        "SELECT txn_id, unit_code, paid_on, amount, channel, memo, suspense FROM payment "
        "WHERE known_at <= ?2 AND (superseded_at IS NULL OR superseded_at > ?2) AND "
        "suspense IS NOT NULL AND paid_on <= ?1 AND " TN__OFFICE_CUT(
            "unit_code") " ORDER BY paid_on, txn_id",
        &st);
    if (err)
        return err;
    char last[TN_DAY_BUFSZ];
    tn_day_format(tn_period_last_day(period), last);
    tn_sql_bind_text(st, 1, last, -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 2, tn__at(as_of), -1, TN_SQL_STATIC);
    tn__bind_office(st, office, as_of);
    struct tn_suspense_row r;
    while (tn__store_next(s, st, &err, "read suspense")) {
        memset(&r, 0, sizeof r);
        TN__COL_COPY(r.txn_id, st, 0);
        TN__COL_COPY(r.unit_code, st, 1);
        TN__COL_COPY(r.paid_on, st, 2);
        r.amount = tn_sql_column_int64(st, 3);
        TN__COL_COPY(r.channel, st, 4);
        TN__COL_COPY(r.memo, st, 5);
        TN__COL_COPY(r.reason, st, 6);
        if ((err = row(ctx, &r)))
            break;
    }
    tn_sql_finalize(st);
    return err;
}
