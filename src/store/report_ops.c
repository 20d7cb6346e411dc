/*
 * report_ops.c - the collection office's monthly lists read from the ledger as known at a
 * time: health-card lock and unlock actions, and each officer's month (see report.h).
 */
#include "store_int.h"

#include <stdio.h>
#include <string.h>

#include "thuno/report.h"

/* The balance rows of a period as known at ?2 ("cur"), as a common table expression. */
#define CURRENT(name, period_param)                                                                \
    name " AS (SELECT unit_code, max(id) AS id FROM unit_close WHERE period = " period_param       \
         " AND known_at <= ?2 GROUP BY unit_code)"

static void bind_common(sqlite3_stmt *st, tn_period period, const char *as_of)
{
    char p[TN_PERIOD_BUFSZ], prev[TN_PERIOD_BUFSZ];
    tn_period_format(period, p);
    tn_period_format(period - 1, prev);
    sqlite3_bind_text(st, 1, p, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, as_of ? as_of : "9999-12-31T23:59:59", -1, SQLITE_TRANSIENT);
    if (sqlite3_bind_parameter_count(st) >= 3)
        sqlite3_bind_text(st, 3, prev, -1, SQLITE_TRANSIENT);
}

tn_err tn_store_card_locks(struct tn_store *s, tn_period period, const char *as_of, int lock_tenths,
                           int kttn_tenths,
                           tn_err (*row)(void *ctx, const struct tn_card_lock_row *r), void *ctx)
{
    sqlite3_stmt *st;
    tn_err err = tn__store_prepare(
        s,
        "WITH " CURRENT("cur_id", "?1") ", " CURRENT(
            "prev_id",
            "?3") ", "
                  "cur AS (SELECT c.unit_code, coalesce(u.months_owed_tenths, 0) AS m, u.workers "
                  "        FROM cur_id c JOIN unit_close u ON u.id = c.id), "
                  "prev AS (SELECT p.unit_code, coalesce(u.months_owed_tenths, 0) AS m "
                  "         FROM prev_id p JOIN unit_close u ON u.id = p.id) "
                  "SELECT cur.unit_code, cur.m >= ?4 AS lock, cur.m, cur.workers FROM cur "
                  "LEFT JOIN prev ON prev.unit_code = cur.unit_code "
                  "WHERE (cur.m >= ?4 AND coalesce(prev.m, 0) < ?4) OR (cur.m < ?4 AND prev.m >= "
                  "?4) "
                  "ORDER BY cur.unit_code",
        &st);
    if (err)
        return err;
    bind_common(st, period, as_of);
    sqlite3_bind_int(st, 4, lock_tenths);
    int rc;
    struct tn_card_lock_row r;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        memset(&r, 0, sizeof r);
        snprintf(r.unit_code, sizeof r.unit_code, "%s", tn__col_text(st, 0));
        r.lock = sqlite3_column_int(st, 1);
        r.months_owed_tenths = sqlite3_column_int(st, 2);
        r.workers = sqlite3_column_int64(st, 3);
        /* seed 002: QLT watches 1 to under 3 months, KTTN 3 months and more; an unlock
         * belongs to whoever held the lock, judged by what is still owed */
        r.department = r.months_owed_tenths >= kttn_tenths ? "KTTN" : "QLT";
        if ((err = row(ctx, &r)))
            break;
    }
    if (!err && rc != SQLITE_DONE)
        err = tn__store_fail(s, "read card locks");
    sqlite3_finalize(st);
    return err;
}

tn_err tn_store_officer_kpi(struct tn_store *s, tn_period period, const char *as_of,
                            tn_err (*row)(void *ctx, const struct tn_officer_kpi_row *r), void *ctx)
{
    sqlite3_stmt *st;
    /* the unit and officer versions known at as_of give each unit its officer and office */
    tn_err err = tn__store_prepare(
        s,
        "WITH " CURRENT(
            "cur_id",
            "?1") ", "
                  "unit_at AS (SELECT unit_code, officer_code FROM unit WHERE known_at <= ?2 AND "
                  "            (superseded_at IS NULL OR superseded_at > ?2)), "
                  "officer_at AS (SELECT officer_code, office_code FROM officer WHERE known_at <= "
                  "?2 AND "
                  "               (superseded_at IS NULL OR superseded_at > ?2)) "
                  "SELECT coalesce(ua.officer_code, ''), coalesce(o.office_code, ''), count(*), "
                  "       sum(b.workers), sum(b.assessed + b.adjustment), sum(b.paid), "
                  "       sum(b.principal_due + b.interest_due), "
                  "       sum(b.bucket = '0'), sum(b.bucket = '1-3'), sum(b.bucket = '3-6'), "
                  "       sum(b.bucket = '6-12'), sum(b.bucket = '12+') "
                  "FROM cur_id c JOIN unit_close b ON b.id = c.id "
                  "LEFT JOIN unit_at ua ON ua.unit_code = c.unit_code "
                  "LEFT JOIN officer_at o ON o.officer_code = ua.officer_code "
                  "GROUP BY 1, 2 ORDER BY 1, 2",
        &st);
    if (err)
        return err;
    bind_common(st, period, as_of);
    int rc;
    struct tn_officer_kpi_row r;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        memset(&r, 0, sizeof r);
        snprintf(r.officer_code, sizeof r.officer_code, "%s", tn__col_text(st, 0));
        snprintf(r.office_code, sizeof r.office_code, "%s", tn__col_text(st, 1));
        r.units = sqlite3_column_int64(st, 2);
        r.workers = sqlite3_column_int64(st, 3);
        r.assessed = sqlite3_column_int64(st, 4);
        r.collected = sqlite3_column_int64(st, 5);
        r.debt = sqlite3_column_int64(st, 6);
        for (int b = 0; b < 5; b++)
            r.units_by_bucket[b] = sqlite3_column_int64(st, 7 + b);
        /* percent with one decimal, rounded half up: debt x 1000 / assessed */
        r.debt_ratio_tenths =
            r.assessed > 0 ? (int)((r.debt * 1000 + r.assessed / 2) / r.assessed) : -1;
        if ((err = row(ctx, &r)))
            break;
    }
    if (!err && rc != SQLITE_DONE)
        err = tn__store_fail(s, "read officer KPIs");
    sqlite3_finalize(st);
    return err;
}
