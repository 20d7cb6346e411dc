/*
 * unit_detail.c - a unit's declarations and payments for its page (unit_detail.h): the
 * versioned tables declaration, worker and payment as known at a time, and the alloc_line rows
 * of the latest close of each period known then (as letter_query.c sums them).
 */
#include "store_int.h"

#include <stdio.h>
#include <string.h>

#include "thuno/unit_detail.h"

tn_err tn__sq_unit_declarations(struct tn__sq *s, const char *unit_code, const char *as_of,
                                tn_err (*row)(void *ctx, const struct tn_unit_declaration *r),
                                void *ctx)
{
    /* clang-format off */
    static const char sql[] =
        "SELECT d.bhxh_code, coalesce(w.full_name, ''), d.from_period, d.kind, d.salary, d.funds, "
        "       d.declared_on, coalesce(d.reason, ''), d.known_at "
        "FROM declaration d " TN__JOIN_AT("worker", "w", "w.bhxh_code = d.bhxh_code", "?2")
        "WHERE d.unit_code = ?1 AND d.known_at <= ?2 AND (d.superseded_at IS NULL OR "
        "      d.superseded_at > ?2) "
        "ORDER BY d.bhxh_code, d.from_period";
    /* clang-format on */
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare_at(s, sql, unit_code, as_of, &st);
    if (err)
        return err;
    while (tn__store_next(s, st, &err, "reading the unit's declarations")) {
        struct tn_unit_declaration r;
        memset(&r, 0, sizeof r);
        TN__COL_COPY(r.bhxh_code, st, 0);
        TN__COL_COPY(r.full_name, st, 1);
        TN__COL_COPY(r.from_period, st, 2);
        TN__COL_COPY(r.kind, st, 3);
        r.salary = tn_sql_column_type(st, 4) == TN_SQL_NULL ? -1 : tn_sql_column_int64(st, 4);
        r.funds = tn_sql_column_int(st, 5);
        TN__COL_COPY(r.declared_on, st, 6);
        TN__COL_COPY(r.reason, st, 7);
        TN__COL_COPY(r.known_at, st, 8);
        err = row(ctx, &r);
    }
    tn_sql_finalize(st);
    return err;
}

tn_err tn__sq_unit_payments(struct tn__sq *s, const char *unit_code, const char *as_of,
                            tn_err (*row)(void *ctx, const struct tn_unit_payment *r), void *ctx)
{
    /* clang-format off */
    /* how: the SQL of the allocation's text, per engine (SQLite's group_concat keeps the
     * order of al's rows; PostgreSQL's string_agg is told it) */
#define UNIT_PAYMENTS_SQL(how)                                                                     \
        "WITH ids AS (SELECT period, max(id) AS id FROM unit_close " \
        "             WHERE unit_code = ?1 AND known_at <= ?2 GROUP BY period), " \
        "al AS (SELECT a.txn_id, a.target_period, a.part, sum(a.amount) AS amount " \
        "       FROM ids JOIN alloc_line a ON a.close_id = ids.id " \
        "       GROUP BY a.txn_id, a.target_period, a.part " \
        "       ORDER BY a.txn_id, a.target_period, a.part), " \
        "ag AS (SELECT txn_id, sum(amount) AS allocated, " \
        "              " how " AS how " \
        "       FROM al GROUP BY txn_id) " \
        "SELECT p.txn_id, p.paid_on, p.amount, p.channel, coalesce(p.memo, ''), " \
        "       coalesce(p.bhxh_code, ''), coalesce(p.case_id, ''), coalesce(p.reverses, ''), " \
        "       coalesce(ag.allocated, 0), coalesce(ag.how, '') " \
        "FROM payment p LEFT JOIN ag ON ag.txn_id = p.txn_id " \
        "WHERE p.unit_code = ?1 AND p.known_at <= ?2 AND (p.superseded_at IS NULL OR " \
        "      p.superseded_at > ?2) " \
        "ORDER BY p.paid_on, p.txn_id"
    static const char *const sql[] = {
        UNIT_PAYMENTS_SQL("group_concat(target_period || ' ' || part || ' ' || amount, '; ')"),
        UNIT_PAYMENTS_SQL("string_agg(target_period || ' ' || part || ' ' || amount, '; ' "
                          "ORDER BY target_period, part)")};
#undef UNIT_PAYMENTS_SQL
    /* clang-format on */
    tn_sql_stmt *st;
    tn_err err =
        tn__store_prepare_at(s, sql[tn_sql_kind(s->db) == TN_SQL_PG], unit_code, as_of, &st);
    if (err)
        return err;
    while (tn__store_next(s, st, &err, "reading the unit's payments")) {
        struct tn_unit_payment r;
        memset(&r, 0, sizeof r);
        TN__COL_COPY(r.txn_id, st, 0);
        TN__COL_COPY(r.paid_on, st, 1);
        r.amount = tn_sql_column_int64(st, 2);
        TN__COL_COPY(r.channel, st, 3);
        TN__COL_COPY(r.memo, st, 4);
        TN__COL_COPY(r.bhxh_code, st, 5);
        TN__COL_COPY(r.case_id, st, 6);
        TN__COL_COPY(r.reverses, st, 7);
        r.allocated = tn_sql_column_int64(st, 8);
        TN__COL_COPY(r.allocation, st, 9);
        err = row(ctx, &r);
    }
    tn_sql_finalize(st);
    return err;
}
