/*
 * operations_pack.c - what the monthly meeting pack reads beyond the KPIs and the escalation
 * run (operations_store.h; seed 002: the director's meeting with QLT, KTTN and TTKT): debt
 * by bucket this month and last, the units newly in debt, and the case events of the month.
 */
#include "store_int.h"

#include <stdio.h>
#include <string.h>

#include "operations_int.h"
#include "thuno/operations_store.h"

/* clang-format off */
static const char buckets_sql[] = TN__OPS_FACTS ", "
    "b(k, r) AS (VALUES ('0', 0), ('1-3', 1), ('3-6', 2), ('6-12', 3), ('12+', 4)) "
    "SELECT b.k, coalesce(sum(CASE WHEN f.prev_bucket = b.k THEN 1 ELSE 0 END), 0), "
    "       coalesce(sum(CASE WHEN f.prev_bucket = b.k THEN f.debt_prev ELSE 0 END), 0), "
    "       coalesce(sum(CASE WHEN f.bucket = b.k THEN 1 ELSE 0 END), 0), "
    "       coalesce(sum(CASE WHEN f.bucket = b.k THEN f.debt ELSE 0 END), 0), "
    "       coalesce(sum(CASE WHEN f.bucket = b.k THEN f.not_due ELSE 0 END), 0) "
    "FROM b LEFT JOIN f ON f.bucket = b.k OR f.prev_bucket = b.k "
    "GROUP BY b.k, b.r ORDER BY b.r";

static const char new_debtors_sql[] = TN__OPS_FACTS
    "SELECT officer, unit_code, name, office, debt, "
    "       coalesce(months_owed_tenths, 0), bucket, legal_status "
    "FROM f WHERE coalesce(months_owed_tenths, 0) > 0 AND NOT owed_before "
    "ORDER BY debt DESC, unit_code";

/* ?1 period, ?2 as_of; ?8 ?9 the office cut */
static const char events_sql[] =
    "WITH ev AS (SELECT * FROM case_event WHERE " TN__KNOWN_AT("?2") " AND substr(date, 1, 7) = ?1), "
    TN__TABLE_AT("unit_at", "unit", "?2") " "
    "SELECT ev.event, count(*), count(DISTINCT ev.unit_code), coalesce(sum(ev.amount), 0) "
    "FROM ev LEFT JOIN unit_at u ON u.unit_code = ev.unit_code "
    "WHERE " TN__OFFICE_CUT("ev.unit_code") " GROUP BY ev.event ORDER BY ev.event";
/* clang-format on */

tn_err tn__sq_bucket_moves(struct tn__sq *s, const char *office, tn_period period,
                           const char *as_of,
                           tn_err (*row)(void *ctx, const struct tn_bucket_move *r), void *ctx)
{
    tn_sql_stmt *st;
    tn_err err = tn__ops_prepare(s, buckets_sql, office, period, as_of, &st);
    if (err)
        return err;
    struct tn_bucket_move r;
    while (tn__store_next(s, st, &err, "read debt by bucket")) {
        memset(&r, 0, sizeof r);
        TN__COL_COPY(r.bucket, st, 0);
        r.units_prev = tn_sql_column_int64(st, 1);
        r.debt_prev = tn_sql_column_int64(st, 2);
        r.units = tn_sql_column_int64(st, 3);
        r.debt = tn_sql_column_int64(st, 4);
        r.not_due = tn_sql_column_int64(st, 5);
        err = row(ctx, &r);
    }
    tn_sql_finalize(st);
    return err;
}

tn_err tn__sq_new_debtors(struct tn__sq *s, const char *office, tn_period period, const char *as_of,
                          tn_err (*row)(void *ctx, const struct tn_worklist_row *r), void *ctx)
{
    tn_sql_stmt *st;
    tn_err err = tn__ops_prepare(s, new_debtors_sql, office, period, as_of, &st);
    if (err)
        return err;
    return tn__ops_worklist_rows(s, st, row, ctx, "read the units newly in debt");
}

tn_err tn__sq_event_counts(struct tn__sq *s, const char *office, tn_period period,
                           const char *as_of,
                           tn_err (*row)(void *ctx, const struct tn_event_count *r), void *ctx)
{
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare_period(s, events_sql, period, as_of, &st);
    if (err)
        return err;
    tn__bind_office(st, office, as_of);
    struct tn_event_count r;
    while (tn__store_next(s, st, &err, "count the case events")) {
        memset(&r, 0, sizeof r);
        TN__COL_COPY(r.event, st, 0);
        r.events = tn_sql_column_int64(st, 1);
        r.units = tn_sql_column_int64(st, 2);
        r.amount = tn_sql_column_int64(st, 3);
        err = row(ctx, &r);
    }
    tn_sql_finalize(st);
    return err;
}
