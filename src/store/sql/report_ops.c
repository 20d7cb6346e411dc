/*
 * report_ops.c - the collection office's monthly lists read from the ledger as known at a
 * time: units crossing a months-owed threshold (card locks, handover to KTTN) and KPIs by
 * officer, office, unit type or department (see report.h).
 */
#include "store_int.h"

#include <stdio.h>
#include <string.h>

#include "operations_int.h"
#include "thuno/operations.h"
#include "thuno/operations_store.h"
#include "thuno/report.h"

/* clang-format off */
/* Each unit's balance row of period ?1 (cur) and of the period before, ?3 (prev), as known at
 * ?2, the unit's and officers' versions known then, and the officer in charge at ?1's end
 * (operations_store.h). */
#define AS_KNOWN "WITH " TN__CUR_PREV("AND " TN__OFFICE_CUT("unit_code"))

static const char crossings_sql[] = AS_KNOWN
    "SELECT cur.unit_code, coalesce(cur.months_owed_tenths, 0) >= ?4, "
    "       coalesce(cur.months_owed_tenths, 0), coalesce(prev.months_owed_tenths, 0), "
    "       cur.workers, " TN__DEBT("cur") ", "
    "       coalesce(ic.officer_code, u.officer_code, '') "
    "FROM cur " TN__JOIN_PREV
    "LEFT JOIN unit_at u ON u.unit_code = cur.unit_code "
    "LEFT JOIN in_charge ic ON ic.unit_code = cur.unit_code "
    "WHERE (coalesce(cur.months_owed_tenths, 0) >= ?4) != (coalesce(prev.months_owed_tenths, 0) >= ?4) "
    "ORDER BY cur.unit_code";

/* ?4 picks the grouping: 0 officer, 1 the unit's office, 2 unit type, 3 the officer's
 * department. The bucket counts are of units owing (units_0: "owing under 1 month"): a unit
 * in bucket 0 with no debt past its deadline owes nothing and is not counted (docs/ledger.md
 * "Debt"); a unit in a higher bucket always owes. */
static const char kpi_sql[] = AS_KNOWN
    "SELECT CASE ?4 WHEN 0 THEN coalesce(ic.officer_code, u.officer_code, '') WHEN 1 THEN coalesce(u.office_code, '') "
    "               WHEN 2 THEN coalesce(u.type, '') ELSE coalesce(o.department, '') END AS k, "
    "       CASE ?4 WHEN 0 THEN coalesce(o.office_code, '') ELSE '' END AS office, "
    "       CASE ?4 WHEN 0 THEN coalesce(o.full_name, '') ELSE '' END AS name, "
    "       count(*), sum(cur.workers), sum(cur.assessed + cur.adjustment), sum(cur.paid), "
    "       sum(" TN__DEBT("cur") "), sum(coalesce(" TN__DEBT("prev") ", 0)), "
    "       sum(coalesce(prev.paid, 0)), "
    "       sum(CASE WHEN cur.bucket = '0' AND " TN__DEBT("cur") " > 0 THEN 1 ELSE 0 END), "
    "       sum(CASE WHEN cur.bucket = '1-3' THEN 1 ELSE 0 END), "
    "       sum(CASE WHEN cur.bucket = '3-6' THEN 1 ELSE 0 END), "
    "       sum(CASE WHEN cur.bucket = '6-12' THEN 1 ELSE 0 END), "
    "       sum(CASE WHEN cur.bucket = '12+' THEN 1 ELSE 0 END), sum(" TN__NOT_DUE("cur") ") "
    "FROM cur " TN__JOIN_PREV
    "LEFT JOIN unit_at u ON u.unit_code = cur.unit_code "
    "LEFT JOIN in_charge ic ON ic.unit_code = cur.unit_code "
    "LEFT JOIN officer_at o ON o.officer_code = coalesce(ic.officer_code, u.officer_code) "
    "GROUP BY 1, 2, 3 ORDER BY 1, 2, 3";
/* clang-format on */

static tn_err prepare(struct tn__sq *s, const char *sql, const char *office, tn_period period,
                      const char *as_of, int param4, tn_sql_stmt **out)
{
    tn_err err = tn__ops_prepare_prev(s, sql, period, as_of, out);
    if (err)
        return err;
    tn_sql_bind_int(*out, 4, param4);
    tn__bind_office(*out, office, as_of);
    return TN_OK;
}

tn_err tn__sq_crossings(struct tn__sq *s, const char *office, tn_period period, const char *as_of,
                        int threshold_tenths,
                        tn_err (*row)(void *ctx, const struct tn_crossing_row *r), void *ctx)
{
    tn_sql_stmt *st;
    tn_err err = prepare(s, crossings_sql, office, period, as_of, threshold_tenths, &st);
    if (err)
        return err;
    struct tn_crossing_row r;
    while (tn__store_next(s, st, &err, "read threshold crossings")) {
        memset(&r, 0, sizeof r);
        TN__COL_COPY(r.unit_code, st, 0);
        r.up = tn_sql_column_int(st, 1);
        r.months_owed_tenths = tn_sql_column_int(st, 2);
        r.prev_tenths = tn_sql_column_int(st, 3);
        r.workers = tn_sql_column_int64(st, 4);
        r.debt = tn_sql_column_int64(st, 5);
        TN__COL_COPY(r.officer_code, st, 6);
        if ((err = row(ctx, &r)))
            break;
    }
    tn_sql_finalize(st);
    return err;
}

tn_err tn__sq_kpi(struct tn__sq *s, const char *office, tn_period period, const char *as_of,
                  enum tn_kpi_by by, tn_err (*row)(void *ctx, const struct tn_kpi_row *r),
                  void *ctx)
{
    tn_sql_stmt *st;
    tn_err err = prepare(s, kpi_sql, office, period, as_of, (int)by, &st);
    if (err)
        return err;
    struct tn_kpi_row r;
    while (tn__store_next(s, st, &err, "read KPIs")) {
        memset(&r, 0, sizeof r);
        TN__COL_COPY(r.key, st, 0);
        TN__COL_COPY(r.office_code, st, 1);
        TN__COL_COPY(r.name, st, 2);
        r.units = tn_sql_column_int64(st, 3);
        r.workers = tn_sql_column_int64(st, 4);
        r.assessed = tn_sql_column_int64(st, 5);
        r.collected = tn_sql_column_int64(st, 6);
        r.debt = tn_sql_column_int64(st, 7);
        r.debt_prev = tn_sql_column_int64(st, 8);
        r.collected_prev = tn_sql_column_int64(st, 9);
        for (int b = 0; b < 5; b++)
            r.units_by_bucket[b] = tn_sql_column_int64(st, 10 + b);
        r.not_due = tn_sql_column_int64(st, 15);
        r.debt_ratio_tenths = (int)tn_percent_tenths(r.debt, r.assessed);
        /* the plan of the group's scope: collection_plans.csv (docs/operations.md) */
        static const char *const scope[] = {"officer", "office", "type", "department"};
        if ((err = tn__sq_plan_amount(s, period, as_of, scope[by], r.key, &r.plan)))
            break;
        if ((err = row(ctx, &r)))
            break;
    }
    tn_sql_finalize(st);
    return err;
}
