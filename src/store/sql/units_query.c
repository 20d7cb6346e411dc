/*
 * units_query.c - the units of the registry to browse (units.h; GET /api/v1/units): each unit
 * as known at as_of, its officer in charge on a day and its balance of one period, filtered
 * here; text search, collation, sort and pages are the application's (app_units.c).
 */
#include "store_int.h"

#include <stdio.h>
#include <string.h>

#include "operations_int.h"
#include "thuno/units.h"

/* clang-format off */
/* ?1 period, ?2 as_of, ?3 day; ?4 unit, ?5 officer, ?6 type, ?7 bucket, ?10 legal status;
 * ?8 ?9 the office cut */
static const char units_sql[] =
    "WITH " TN__TABLE_AT("unit_at", "unit", "?2") ", " TN__IN_CHARGE("?2", "?3")
    "SELECT u.unit_code, u.name, u.tax_code, coalesce(u.address, ''), u.type, u.status, "
    "       coalesce(u.status_since, ''), coalesce(u.office_code, ''), "
    "       coalesce(ic.officer_code, u.officer_code, ''), b.id IS NOT NULL, "
    "       coalesce(b.closing, 0), coalesce(b.principal_due, 0), coalesce(b.interest_due, 0), "
    "       b.months_owed_tenths, coalesce(b.bucket, ''), coalesce(b.legal_status, ''), "
    "       b.oldest_unpaid, coalesce(" TN__DEBT("b") ", 0), coalesce(" TN__NOT_DUE("b") ", 0) "
    "FROM unit_at u LEFT JOIN in_charge ic ON ic.unit_code = u.unit_code "
    TN__JOIN_CLOSE("b", "u.unit_code", "?1", "?2")
    "WHERE " TN__OFFICE_CUT("u.unit_code") " AND (CAST(?4 AS TEXT) IS NULL OR u.unit_code = ?4) "
    "  AND (CAST(?5 AS TEXT) IS NULL OR coalesce(ic.officer_code, u.officer_code) = ?5) "
    "  AND (CAST(?6 AS TEXT) IS NULL OR u.type = ?6) AND (CAST(?7 AS TEXT) IS NULL OR b.bucket = ?7) "
    "  AND (CAST(?10 AS TEXT) IS NULL OR b.legal_status = ?10) "
    "ORDER BY u.unit_code";
/* clang-format on */

static void read_entry(tn_sql_stmt *st, struct tn_unit_entry *u)
{
    memset(u, 0, sizeof *u);
    TN__COL_COPY(u->unit_code, st, 0);
    TN__COL_COPY(u->name, st, 1);
    TN__COL_COPY(u->tax_code, st, 2);
    TN__COL_COPY(u->address, st, 3);
    TN__COL_COPY(u->type, st, 4);
    TN__COL_COPY(u->status, st, 5);
    TN__COL_COPY(u->status_since, st, 6);
    TN__COL_COPY(u->office_code, st, 7);
    TN__COL_COPY(u->officer_code, st, 8);
    u->has_balance = tn_sql_column_int(st, 9);
    u->closing = tn_sql_column_int64(st, 10);
    u->principal_due = tn_sql_column_int64(st, 11);
    u->interest_due = tn_sql_column_int64(st, 12);
    u->months_owed_tenths =
        tn_sql_column_type(st, 13) == TN_SQL_NULL ? -1 : tn_sql_column_int(st, 13);
    TN__COL_COPY(u->bucket, st, 14);
    TN__COL_COPY(u->legal_status, st, 15);
    u->oldest_unpaid = tn__col_period(st, 16);
    u->debt = tn_sql_column_int64(st, 17);
    u->not_due = tn_sql_column_int64(st, 18);
}

tn_err tn__sq_units(struct tn__sq *s, const char *office, tn_period period, const char *as_of,
                    const char *day, const struct tn_unit_filter *f,
                    tn_err (*row)(void *ctx, const struct tn_unit_entry *u), void *ctx)
{
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare_period(s, units_sql, period, as_of, &st);
    if (err)
        return err;
    tn_sql_bind_text(st, 3, day, -1, TN_SQL_STATIC);
    tn__bind_text_or_null(st, 4, f->unit_code);
    tn__bind_text_or_null(st, 5, f->officer);
    tn__bind_text_or_null(st, 6, f->type);
    tn__bind_text_or_null(st, 7, f->bucket);
    tn__bind_text_or_null(st, 10, f->legal_status);
    tn__bind_office(st, office, as_of);
    struct tn_unit_entry u;
    while (tn__store_next(s, st, &err, "read units")) {
        read_entry(st, &u);
        if ((err = row(ctx, &u)))
            break;
    }
    tn_sql_finalize(st);
    return err;
}
