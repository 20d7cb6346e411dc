/*
 * operations_store.c - officer assignments, worklists and collection-plan figures in SQLite
 * (operations_store.h, docs/operations.md). Seed 002: each unit has one officer in charge
 * (cán bộ chuyên quản thu); results are judged against the plan assigned (số thu/kế hoạch),
 * new debt must not arise and debts under 6 months are to be cleared.
 */
#include "store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "operations_int.h"
#include "thuno/mem.h"
#include "thuno/operations_store.h"

#define CURRENT "superseded_at IS NULL"

tn_err tn__sq_assign_facts(struct tn__sq *s, const char *unit, const char *officer, tn_day from,
                           struct tn_assign_facts *f, char latest_officer[32])
{
    memset(f, 0, sizeof *f);
    f->officer = officer;
    f->from = from;
    f->latest_officer = latest_officer;
    latest_officer[0] = '\0';
    tn_sql_stmt *st;
    /* the latest assignment's date and officer come from the same row */
    tn_err err = tn__store_prepare(
        s,
        "WITH l AS (SELECT from_date, officer_code FROM assignment WHERE unit_code = ?1 "
        "AND " CURRENT " ORDER BY from_date DESC LIMIT 1) "
        "SELECT (SELECT registered_on FROM unit WHERE unit_code = ?1 AND " CURRENT "), "
        "       (SELECT active FROM officer WHERE officer_code = ?2 AND " CURRENT "), "
        "       (SELECT from_date FROM l), (SELECT officer_code FROM l)",
        &st);
    if (err)
        return err;
    tn_sql_bind_text(st, 1, unit, -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 2, officer, -1, TN_SQL_STATIC);
    int found;
    if (!(err = tn__store_step_one(s, st, &found, "read the assignment facts")) && found) {
        f->unit_found = tn_sql_column_type(st, 0) != TN_SQL_NULL &&
                        !tn_day_parse(tn__col_text(st, 0), &f->registered_on);
        f->officer_found = tn_sql_column_type(st, 1) != TN_SQL_NULL;
        f->officer_active = tn_sql_column_int(st, 1) != 0;
        if (tn_sql_column_type(st, 2) != TN_SQL_NULL &&
            !tn_day_parse(tn__col_text(st, 2), &f->latest_from)) {
            f->has_latest = 1;
            snprintf(latest_officer, 32, "%s", tn__col_text(st, 3));
        }
    }
    tn_sql_finalize(st);
    return err;
}

tn_err tn__sq_officers(struct tn__sq *s, const char *as_of,
                       tn_err (*row)(void *ctx, const struct tn_officer_row *r), void *ctx)
{
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(s,
                                   "SELECT officer_code, full_name, department, "
                                   "coalesce(office_code, ''), active FROM officer "
                                   "WHERE " TN__KNOWN_AT("?1") " ORDER BY officer_code",
                                   &st);
    if (err)
        return err;
    tn_sql_bind_text(st, 1, tn__at(as_of), -1, TN_SQL_STATIC);
    struct tn_officer_row r;
    while (tn__store_next(s, st, &err, "read officers")) {
        memset(&r, 0, sizeof r);
        TN__COL_COPY(r.code, st, 0);
        TN__COL_COPY(r.name, st, 1);
        TN__COL_COPY(r.department, st, 2);
        TN__COL_COPY(r.office_code, st, 3);
        r.active = tn_sql_column_int(st, 4) != 0;
        err = row(ctx, &r);
    }
    tn_sql_finalize(st);
    return err;
}

tn_err tn__sq_officer_status(struct tn__sq *s, const char *officer, int *found, int *active)
{
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(
        s, "SELECT active FROM officer WHERE officer_code = ?1 AND " CURRENT, &st);
    if (err)
        return err;
    tn_sql_bind_text(st, 1, officer, -1, TN_SQL_STATIC);
    if (!(err = tn__store_step_one(s, st, found, "read an officer")))
        *active = *found && tn_sql_column_int(st, 0) != 0;
    tn_sql_finalize(st);
    return err;
}

tn_err tn__sq_assign_batch(struct tn__sq *s, const char *file, const char *now, long long *batch)
{
    long long id;
    tn_err err = tn__store_batch(s, "assign", file, now, 0, 0, "record the assignment batch", &id);
    if (!err)
        *batch = id;
    return err;
}

tn_err tn__sq_assign_put(struct tn__sq *s, long long batch, const char *unit, const char *from,
                         const char *officer, const char *actor, const char *reason,
                         const char *now)
{
    static const char *const sql[] = {
        "UPDATE assignment SET superseded_at = ?3 WHERE unit_code = ?1 AND from_date = ?2 AND "
        "superseded_at IS NULL",
        "INSERT INTO assignment (unit_code, from_date, version, known_at, superseded_at, "
        "batch_id, officer_code, actor, reason) SELECT ?1, ?2, coalesce(max(version), 0) + 1, "
        "?3, NULL, ?4, ?5, ?6, ?7 FROM assignment WHERE unit_code = ?1 AND from_date = ?2"};
    tn_err err = TN_OK;
    for (int i = 0; !err && i < 2; i++) {
        tn_sql_stmt *st; /* cached: the units import writes one assignment per unit */
        if ((err = tn__store_cached(s, sql[i], &st)))
            break;
        tn_sql_bind_text(st, 1, unit, -1, TN_SQL_STATIC);
        tn_sql_bind_text(st, 2, from, -1, TN_SQL_STATIC);
        tn_sql_bind_text(st, 3, now, -1, TN_SQL_STATIC);
        if (i == 1) {
            tn_sql_bind_int64(st, 4, batch);
            tn_sql_bind_text(st, 5, officer, -1, TN_SQL_STATIC);
            tn__bind_text_or_null(st, 6, actor);
            tn__bind_text_or_null(st, 7, reason);
        }
        if (tn_sql_step(st) != TN_SQL_DONE)
            err = tn__store_fail(s, "write an assignment");
        tn_sql_reset(st);
    }
    return err;
}

/* clang-format off */
/* ?1 now. The units of the latest batch whose officer_code is new or changed, with the date
 * the assignment takes effect and the latest assignment's date. */
static const char seed_sql[] =
    "WITH b AS (SELECT max(id) AS id FROM import_batch WHERE kind = 'units'), "
    "latest AS (SELECT unit_code, max(from_date) AS from_date FROM assignment "
    "           WHERE " CURRENT " GROUP BY unit_code) "
    "SELECT u.unit_code, u.officer_code, "
    "       CASE WHEN p.unit_code IS NULL THEN u.registered_on "
    "            WHEN substr(?1, 1, 10) > coalesce(l.from_date, '') THEN substr(?1, 1, 10) "
    "            ELSE coalesce(l.from_date, '') END, b.id "
    "FROM unit u JOIN b ON u.batch_id = b.id "
    "LEFT JOIN unit p ON p.unit_code = u.unit_code AND p.version = u.version - 1 "
    "LEFT JOIN latest l ON l.unit_code = u.unit_code "
    "LEFT JOIN assignment a ON a.unit_code = l.unit_code AND a.from_date = l.from_date "
    "     AND a." CURRENT " "
    "WHERE u.officer_code IS NOT NULL "
    "  AND (p.unit_code IS NULL OR p.officer_code IS DISTINCT FROM u.officer_code) "
    "  AND a.officer_code IS DISTINCT FROM u.officer_code "
    "ORDER BY u.unit_code";
/* clang-format on */

tn_err tn__sq_assign_seed(struct tn__sq *s, const char *now, long *n)
{
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(s, seed_sql, &st);
    if (err)
        return err;
    tn_sql_bind_text(st, 1, now, -1, TN_SQL_STATIC);
    long written = 0;
    while (tn__store_next(s, st, &err, "seed assignments from units")) {
        long long batch = tn_sql_column_int64(st, 3); /* the units import's */
        char unit[32], officer[32], from[11];
        TN__COL_COPY(unit, st, 0);
        TN__COL_COPY(officer, st, 1);
        TN__COL_COPY(from, st, 2);
        err = tn__sq_assign_put(s, batch, unit, from, officer, NULL, "units.csv officer_code", now);
        written++;
    }
    tn_sql_finalize(st);
    if (!err)
        *n = written;
    return err;
}

tn_err tn__sq_units_in_charge(struct tn__sq *s, const char *officer, const char *day,
                              tn_err (*unit)(void *ctx, const char *unit_code), void *ctx)
{
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(
        s,
        "WITH " TN__IN_CHARGE("'" TN__FOREVER "'",
                              "?2") "SELECT unit_code FROM in_charge WHERE officer_code = ?1 "
                                    "ORDER BY unit_code",
        &st);
    if (err)
        return err;
    tn_sql_bind_text(st, 1, officer, -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 2, day, -1, TN_SQL_STATIC);
    while (tn__store_next(s, st, &err, "read the units in charge")) {
        char code[32];
        TN__COL_COPY(code, st, 0);
        err = unit(ctx, code);
    }
    tn_sql_finalize(st);
    return err;
}

/* clang-format off */
/* ?1 as_of; ?8 ?9 the office cut */
static const char assignments_sql[] =
    "WITH " TN__TABLE_AT("a", "assignment", "?1") ", " TN__TABLE_AT("unit_at", "unit", "?1") " "
    "SELECT a.unit_code, a.officer_code, a.from_date, "
    "       coalesce(lead(a.from_date) OVER (PARTITION BY a.unit_code "
    "                     ORDER BY a.from_date), ''), "
    "       coalesce(a.actor, ''), coalesce(a.reason, ''), a.known_at "
    "FROM a LEFT JOIN unit_at u ON u.unit_code = a.unit_code "
    "WHERE " TN__OFFICE_CUT("a.unit_code") " "
    "ORDER BY a.unit_code, a.from_date";
/* clang-format on */

tn_err tn__sq_assignments(struct tn__sq *s, const char *office, const char *as_of,
                          tn_err (*row)(void *ctx, const struct tn_assignment_row *r), void *ctx)
{
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(s, assignments_sql, &st);
    if (err)
        return err;
    tn_sql_bind_text(st, 1, tn__at(as_of), -1, TN_SQL_STATIC);
    tn__bind_office(st, office, as_of);
    struct tn_assignment_row r;
    while (tn__store_next(s, st, &err, "read assignments")) {
        memset(&r, 0, sizeof r);
        TN__COL_COPY(r.unit_code, st, 0);
        TN__COL_COPY(r.officer_code, st, 1);
        TN__COL_COPY(r.from_date, st, 2);
        tn_day next; /* the assignment ends the day before the next one starts */
        if (tn_day_parse(tn__col_text(st, 3), &next) == TN_OK)
            tn_day_format(next - 1, r.to_date);
        TN__COL_COPY(r.actor, st, 4);
        TN__COL_COPY(r.reason, st, 5);
        TN__COL_COPY(r.known_at, st, 6);
        err = row(ctx, &r);
    }
    tn_sql_finalize(st);
    return err;
}

/* clang-format off */
/* The province's (or an office's) worklist: the owing units' balance rows of ?1 (through
 * unit_close_period), the officer in charge looked up for those alone (the assignment's key).
 * The facts of TN__OPS_FACTS that a worklist shows, without its other joins. */
static const char worklist_sql[] =
    "WITH " TN__CLOSE_AT("cur", "?1", "?2", "") ", "
    "f AS (SELECT cur.*, coalesce((SELECT a.officer_code FROM assignment a "
    "             WHERE a.unit_code = cur.unit_code AND a.known_at <= ?2 "
    "             AND (a.superseded_at IS NULL OR a.superseded_at > ?2) "
    "             AND a.from_date <= " TN__PERIOD_END("?1") " ORDER BY a.from_date DESC LIMIT 1), "
    "             u.officer_code, '') AS officer, "
    "             coalesce(u.name, '') AS name, coalesce(u.office_code, '') AS office "
    "      FROM cur " TN__JOIN_AT("unit", "u", "u.unit_code = cur.unit_code", "?2")
    "      WHERE (coalesce(cur.months_owed_tenths, 0) > 0 OR cur.interest_due > 0) "
    "      AND " TN__OFFICE_CUT("cur.unit_code") ") "
    "SELECT officer, unit_code, name, office, " TN__DEBT("f") ", "
    "       coalesce(months_owed_tenths, 0), bucket, legal_status "
    "FROM f ORDER BY unit_code";

/* One officer's worklist without reading the province: the units ?5 was ever assigned or is
 * recorded on (assignment_officer; with ?5 '', those recorded on none: unit_no_officer), each
 * checked for ?5 in charge on ?1's last day and its balance row found through unit_close_key.
 * The same rows as worklist_sql with ?5 set. */
static const char officer_worklist_sql[] =
    "WITH cand AS (SELECT unit_code FROM assignment WHERE officer_code = ?5 "
    "              AND " TN__KNOWN_AT("?2") " "
    "              UNION SELECT unit_code FROM unit WHERE officer_code = ?5 "
    "              AND " TN__KNOWN_AT("?2") " "
    "              UNION SELECT unit_code FROM unit WHERE ?5 = '' AND officer_code IS NULL "
    "              AND " TN__KNOWN_AT("?2") "), "
    "f AS (SELECT cur.*, coalesce((SELECT a.officer_code FROM assignment a "
    "             WHERE a.unit_code = c.unit_code AND a.known_at <= ?2 "
    "             AND (a.superseded_at IS NULL OR a.superseded_at > ?2) "
    "             AND a.from_date <= " TN__PERIOD_END("?1") " ORDER BY a.from_date DESC LIMIT 1), "
    "             u.officer_code, '') AS officer, "
    "             coalesce(u.name, '') AS name, coalesce(u.office_code, '') AS office "
    "      FROM cand c JOIN unit_close cur ON cur.id = (SELECT max(id) FROM unit_close "
    "           WHERE unit_code = c.unit_code AND period = ?1 AND known_at <= ?2) "
    "      " TN__JOIN_AT("unit", "u", "u.unit_code = c.unit_code", "?2")
    "      WHERE " TN__OFFICE_CUT("c.unit_code") ") "
    "SELECT officer, unit_code, name, office, " TN__DEBT("f") ", "
    "       coalesce(months_owed_tenths, 0), bucket, legal_status "
    "FROM f WHERE officer = ?5 AND (coalesce(months_owed_tenths, 0) > 0 OR interest_due > 0) "
    "ORDER BY unit_code";

/* seed 002: in debt = some principal past its deadline (months owed > 0); new debt = in debt
 * now, not at last month's end; cleared = in debt under 6 months last month, not now */
static const char plan_sql[] = TN__OPS_FACTS ", "
    "by_scope AS (SELECT 1 AS r, 'province' AS scope, province AS k, * FROM f "
    "   UNION ALL SELECT 2, 'department', department, * FROM f "
    "   UNION ALL SELECT 3, 'office', office, * FROM f "
    "   UNION ALL SELECT 4, 'type', type, * FROM f "
    "   UNION ALL SELECT 5, 'officer', officer, * FROM f), "
    "agg AS (SELECT r, scope, k, count(*) AS units, sum(assessed + adjustment) AS assessed, "
    "        sum(paid) AS collected, sum(debt) AS debt, "
    "        sum(CASE WHEN coalesce(months_owed_tenths, 0) > 0 AND NOT owed_before "
    "                 THEN 1 ELSE 0 END) AS new_units, "
    "        sum(CASE WHEN coalesce(months_owed_tenths, 0) > 0 AND NOT owed_before "
    "                 THEN debt ELSE 0 END) AS new_debt, "
    "        sum(CASE WHEN owed_before AND prev_tenths < 60 "
    "                      AND coalesce(months_owed_tenths, 0) = 0 THEN 1 ELSE 0 END) "
    "            AS cleared_units, "
    "        sum(CASE WHEN owed_before AND prev_tenths < 60 "
    "                      AND coalesce(months_owed_tenths, 0) = 0 THEN debt_prev ELSE 0 END) "
    "            AS cleared "
    "        FROM by_scope GROUP BY r, scope, k), "
    "keys AS (SELECT r, scope, k FROM agg UNION "
    "         SELECT CASE scope WHEN 'province' THEN 1 WHEN 'department' THEN 2 "
    "                WHEN 'office' THEN 3 WHEN 'type' THEN 4 ELSE 5 END, scope, scope_code "
    "         FROM plan_at WHERE CAST(?9 AS TEXT) IS NULL) "
    "SELECT keys.scope, keys.k, coalesce(agg.units, 0), "
    "       CASE WHEN CAST(?9 AS TEXT) IS NOT NULL AND keys.scope IN ('province', 'department', 'type') "
    "            THEN NULL ELSE p.amount END, "
    "       coalesce(agg.assessed, 0), coalesce(agg.collected, 0), coalesce(agg.debt, 0), "
    "       coalesce(agg.new_units, 0), coalesce(agg.new_debt, 0), "
    "       coalesce(agg.cleared_units, 0), coalesce(agg.cleared, 0) "
    "FROM keys LEFT JOIN agg ON agg.scope = keys.scope AND agg.k = keys.k "
    "LEFT JOIN plan_at p ON p.scope = keys.scope AND p.scope_code = keys.k "
    "ORDER BY keys.r, keys.k";
/* clang-format on */

tn_err tn__ops_prepare_prev(struct tn__sq *s, const char *sql, tn_period period, const char *as_of,
                            tn_sql_stmt **out)
{
    tn_err err = tn__store_prepare_period(s, sql, period, as_of, out);
    if (err)
        return err;
    char prev[TN_PERIOD_BUFSZ];
    tn_period_format(period - 1, prev);
    tn_sql_bind_text(*out, 3, prev, -1, TN_SQL_TRANSIENT);
    return TN_OK;
}

tn_err tn__ops_prepare(struct tn__sq *s, const char *sql, const char *office, tn_period period,
                       const char *as_of, tn_sql_stmt **out)
{
    tn_err err = tn__ops_prepare_prev(s, sql, period, as_of, out);
    if (!err)
        tn__bind_office(*out, office, as_of);
    return err;
}

/* tn__ops_worklist_rows but for finalizing st. */
static tn_err worklist_step(struct tn__sq *s, tn_sql_stmt *st,
                            tn_err (*row)(void *ctx, const struct tn_worklist_row *r), void *ctx,
                            const char *what)
{
    tn_err err = TN_OK;
    struct tn_worklist_row r;
    while (tn__store_next(s, st, &err, what)) {
        memset(&r, 0, sizeof r);
        TN__COL_COPY(r.officer_code, st, 0);
        TN__COL_COPY(r.unit_code, st, 1);
        TN__COL_COPY(r.name, st, 2);
        TN__COL_COPY(r.office_code, st, 3);
        r.debt = tn_sql_column_int64(st, 4);
        r.months_owed_tenths = tn_sql_column_int(st, 5);
        TN__COL_COPY(r.bucket, st, 6);
        TN__COL_COPY(r.legal_status, st, 7);
        err = row(ctx, &r);
    }
    return err;
}

tn_err tn__ops_worklist_rows(struct tn__sq *s, tn_sql_stmt *st,
                             tn_err (*row)(void *ctx, const struct tn_worklist_row *r), void *ctx,
                             const char *what)
{
    tn_err err = worklist_step(s, st, row, ctx, what);
    tn_sql_finalize(st);
    return err;
}

/* An officer's worklist rows, held until its statement is reset. */
struct held {
    struct tn_worklist_row *w;
    size_t n, cap;
};

static tn_err hold_row(void *ctx, const struct tn_worklist_row *r)
{
    struct held *h = ctx;
    TN_GROW(h->w, h->cap, h->n + 1);
    h->w[h->n++] = *r;
    return TN_OK;
}

tn_err tn__sq_worklist(struct tn__sq *s, const char *office, tn_period period, const char *as_of,
                       const char *officer,
                       tn_err (*row)(void *ctx, const struct tn_worklist_row *r), void *ctx)
{
    tn_sql_stmt *st;
    if (!officer) {
        tn_err err = tn__ops_prepare(s, worklist_sql, office, period, as_of, &st);
        return err ? err : tn__ops_worklist_rows(s, st, row, ctx, "read the worklist");
    }
    /* an officer's: from its units, not a scan of the province's balances; prepared once (the
     * province's worklist page reads several, operations_store.h), so its rows are read before
     * row() sees them: a call inside row() may use the statement again */
    tn_err err = tn__store_cached(s, officer_worklist_sql, &st);
    if (err)
        return err;
    char p[TN_PERIOD_BUFSZ];
    tn_period_format(period, p);
    tn_sql_bind_text(st, 1, p, -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 2, tn__at(as_of), -1, TN_SQL_STATIC);
    tn__bind_office(st, office, as_of);
    tn_sql_bind_text(st, 5, officer, -1, TN_SQL_STATIC);
    struct held h = {0};
    err = worklist_step(s, st, hold_row, &h, "read the worklist");
    tn_sql_reset(st);
    tn_sql_clear_bindings(st);
    for (size_t i = 0; !err && i < h.n; i++)
        err = row(ctx, &h.w[i]);
    free(h.w);
    return err;
}

tn_err tn__sq_officer_after(struct tn__sq *s, const char *after, char out[32], int *found)
{
    /* two seeks: assignment_officer and unit_officer (a comparison implies NOT NULL) */
    tn_sql_stmt *st;
    tn_err err =
        tn__store_cached(s,
                         "SELECT min(c) FROM (SELECT min(officer_code) AS c FROM assignment "
                         "WHERE officer_code > ?1 UNION ALL SELECT min(officer_code) FROM unit "
                         "WHERE officer_code > ?1) m",
                         &st);
    if (err)
        return err;
    tn_sql_bind_text(st, 1, after, -1, TN_SQL_STATIC);
    *found = 0;
    int rc = tn_sql_step(st);
    if (rc == TN_SQL_ROW && tn_sql_column_type(st, 0) != TN_SQL_NULL) {
        tn_text_copy(out, 32, tn__col_text(st, 0));
        *found = 1;
    } else if (rc != TN_SQL_ROW && rc != TN_SQL_DONE) {
        err = tn__store_fail(s, "read the next officer");
    }
    tn_sql_reset(st);
    return err;
}

tn_err tn__sq_plan_kpi(struct tn__sq *s, const char *office, tn_period period, const char *as_of,
                       tn_err (*row)(void *ctx, const struct tn_plan_row *r), void *ctx)
{
    tn_sql_stmt *st;
    tn_err err = tn__ops_prepare(s, plan_sql, office, period, as_of, &st);
    if (err)
        return err;
    struct tn_plan_row r;
    while (tn__store_next(s, st, &err, "read the plan figures")) {
        memset(&r, 0, sizeof r);
        TN__COL_COPY(r.scope, st, 0);
        TN__COL_COPY(r.key, st, 1);
        r.units = tn_sql_column_int64(st, 2);
        r.plan = tn_sql_column_type(st, 3) == TN_SQL_NULL ? -1 : tn_sql_column_int64(st, 3);
        r.assessed = tn_sql_column_int64(st, 4);
        r.collected = tn_sql_column_int64(st, 5);
        r.debt = tn_sql_column_int64(st, 6);
        r.new_debt_units = tn_sql_column_int64(st, 7);
        r.new_debt = tn_sql_column_int64(st, 8);
        r.cleared_units = tn_sql_column_int64(st, 9);
        r.cleared = tn_sql_column_int64(st, 10);
        err = row(ctx, &r);
    }
    tn_sql_finalize(st);
    return err;
}

tn_err tn__sq_plan_amount(struct tn__sq *s, tn_period period, const char *as_of, const char *scope,
                          const char *key, tn_money *out)
{
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(s,
                                   "SELECT amount FROM collection_plan WHERE period = ?1 AND "
                                   "scope = ?2 AND scope_code = ?3 AND known_at <= ?4 AND "
                                   "(superseded_at IS NULL OR superseded_at > ?4)",
                                   &st);
    if (err)
        return err;
    char p[TN_PERIOD_BUFSZ];
    tn_period_format(period, p);
    tn_sql_bind_text(st, 1, p, -1, TN_SQL_TRANSIENT);
    tn_sql_bind_text(st, 2, scope, -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 3, key, -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 4, tn__at(as_of), -1, TN_SQL_STATIC);
    int found;
    if (!(err = tn__store_step_one(s, st, &found, "read a plan")))
        *out = found ? tn_sql_column_int64(st, 0) : -1;
    tn_sql_finalize(st);
    return err;
}
