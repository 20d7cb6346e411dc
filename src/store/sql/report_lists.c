/*
 * report_lists.c - lists the office acts on (see report.h): debtors with their status
 * (special lists, the public debtor list), units eligible for awards (no debt in the year),
 * and non-participants found by comparing the enterprise register with the units.
 */
#include "store_int.h"

#include <stdio.h>
#include <string.h>

#include "operations_int.h"
#include "thuno/inspection.h"
#include "thuno/report.h"

/* clang-format off */
#define UNITS_AT TN__TABLE_AT("unit_at", "unit", "?2") " "

static const char debtors_sql[] =
    "WITH " TN__CLOSE_AT("cur", "?1", "?2", "AND " TN__OFFICE_CUT("unit_code")) ", " UNITS_AT ", "
    TN__IN_CHARGE("?2", TN__PERIOD_END("?1"))
    "SELECT cur.unit_code, coalesce(u.name, ''), coalesce(u.type, ''), coalesce(u.status, ''), "
    "       coalesce(u.status_since, ''), coalesce(ic.officer_code, u.officer_code, ''), "
    "       coalesce(cur.months_owed_tenths, 0), " TN__DEBT("cur") ", "
    "       cur.oldest_unpaid, cur.legal_status, cur.workers "
    "FROM cur LEFT JOIN unit_at u ON u.unit_code = cur.unit_code "
    "LEFT JOIN in_charge ic ON ic.unit_code = cur.unit_code "
    "WHERE " TN__OVERDUE("cur") " > 0 "
    "ORDER BY coalesce(u.status, '') = 'active', " TN__DEBT("cur") " DESC, "
    "         cur.unit_code";

/* ?3: the year's first period; every month of the year up to ?1 has a balance with nothing
 * overdue and no interest left unpaid */
static const char award_sql[] =
    "WITH " TN__CLOSES_AT("yr", "period BETWEEN ?3 AND ?1", "?2", "AND " TN__OFFICE_CUT("unit_code"))
    ", " UNITS_AT
    "SELECT yr.unit_code, coalesce(u.name, ''), coalesce(u.type, ''), coalesce(u.status, ''), "
    "       coalesce(u.status_since, ''), coalesce(u.officer_code, ''), 0, 0, NULL, "
    "       'current', max(CASE WHEN yr.period = ?1 THEN yr.workers END) "
    "FROM yr LEFT JOIN unit_at u ON u.unit_code = yr.unit_code "
    "GROUP BY yr.unit_code, u.name, u.type, u.status, u.status_since, u.officer_code "
    "HAVING " TN__CLEAN_YEAR("yr.", "?1") " "
    "ORDER BY yr.unit_code";

static const char non_participants_sql[] =
    "WITH " UNITS_AT ", "
    "reg AS (SELECT * FROM registry WHERE " TN__KNOWN_AT("?2") " AND status = 'active') "
    "SELECT reg.tax_code, reg.name, coalesce(reg.reported_employees, 0), "
    "       coalesce(u.unit_code, ''), coalesce(cur.workers, 0) "
    "FROM reg LEFT JOIN unit_at u ON u.tax_code = reg.tax_code "
    TN__JOIN_CLOSE("cur", "u.unit_code", "?1", "?2")
    "WHERE " TN__OFFICE_CUT("u.unit_code")
    "ORDER BY u.unit_code IS NOT NULL, coalesce(reg.reported_employees, 0) DESC, reg.tax_code";
/* clang-format on */

static tn_err prepare(struct tn__sq *s, const char *sql, const char *office, tn_period period,
                      const char *as_of, tn_sql_stmt **out)
{
    tn_err err = tn__store_prepare_period(s, sql, period, as_of, out);
    if (err)
        return err;
    tn__bind_office(*out, office, as_of);
    return TN_OK;
}

static tn_err debtor_rows(struct tn__sq *s, tn_sql_stmt *st,
                          tn_err (*row)(void *ctx, const struct tn_debtor_row *r), void *ctx)
{
    tn_err err = TN_OK;
    struct tn_debtor_row r;
    while (tn__store_next(s, st, &err, "read units")) {
        memset(&r, 0, sizeof r);
        TN__COL_COPY(r.unit_code, st, 0);
        TN__COL_COPY(r.name, st, 1);
        TN__COL_COPY(r.type, st, 2);
        TN__COL_COPY(r.status, st, 3);
        TN__COL_COPY(r.status_since, st, 4);
        TN__COL_COPY(r.officer_code, st, 5);
        r.months_owed_tenths = tn_sql_column_int(st, 6);
        r.debt = tn_sql_column_int64(st, 7);
        r.oldest_unpaid = tn__col_period(st, 8);
        TN__COL_COPY(r.legal_status, st, 9);
        r.workers = tn_sql_column_int64(st, 10);
        if ((err = row(ctx, &r)))
            break;
    }
    tn_sql_finalize(st);
    return err;
}

tn_err tn__sq_debtors(struct tn__sq *s, const char *office, tn_period period, const char *as_of,
                      tn_err (*row)(void *ctx, const struct tn_debtor_row *r), void *ctx)
{
    tn_sql_stmt *st;
    tn_err err = prepare(s, debtors_sql, office, period, as_of, &st);
    return err ? err : debtor_rows(s, st, row, ctx);
}

tn_err tn__sq_award_eligible(struct tn__sq *s, const char *office, tn_period period,
                             const char *as_of,
                             tn_err (*row)(void *ctx, const struct tn_debtor_row *r), void *ctx)
{
    tn_sql_stmt *st;
    tn_err err = prepare(s, award_sql, office, period, as_of, &st);
    if (err)
        return err;
    char first[TN_PERIOD_BUFSZ];
    tn_period_format(period - period % 12, first);
    tn_sql_bind_text(st, 3, first, -1, TN_SQL_TRANSIENT);
    return debtor_rows(s, st, row, ctx);
}

tn_err tn__sq_non_participants(struct tn__sq *s, const char *office, tn_period period,
                               const char *as_of, int min_gap, int min_ratio_percent,
                               tn_err (*row)(void *ctx, const struct tn_non_participant_row *r),
                               void *ctx)
{
    tn_sql_stmt *st;
    tn_err err = prepare(s, non_participants_sql, office, period, as_of, &st);
    if (err)
        return err;
    struct tn_non_participant_row r;
    while (tn__store_next(s, st, &err, "read the register")) {
        memset(&r, 0, sizeof r);
        TN__COL_COPY(r.tax_code, st, 0);
        TN__COL_COPY(r.name, st, 1);
        r.reported = tn_sql_column_int64(st, 2);
        TN__COL_COPY(r.unit_code, st, 3);
        r.declared = tn_sql_column_int64(st, 4);
        /* a registered unit is listed only when under-declared (core's inspection.c) */
        if (r.unit_code[0] &&
            !tn_inspection_under_declared(r.reported, r.declared, min_gap, min_ratio_percent))
            continue;
        r.finding = r.unit_code[0] ? "under_declared" : "not_registered";
        if ((err = row(ctx, &r)))
            break;
    }
    tn_sql_finalize(st);
    return err;
}
