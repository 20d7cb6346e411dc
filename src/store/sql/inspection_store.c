/*
 * inspection_store.c - inspection conclusions with their recovery, the facts per unit that
 * the referral, union-chair and People's Committee lists select from, and the district x
 * sector figures of that report (see inspection_store.h; docs/inspections.md).
 */
#include "store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/inspection_store.h"
#include "thuno/mem.h"

/* clang-format off */
#define AT(table) "SELECT * FROM " table " WHERE " TN__KNOWN_AT("?2")

/* ?1 day, ?2 as_of; ?8 ?9 the office cut */
static const char inspections_sql[] =
    "WITH unit_at AS (" AT("unit") "), insp AS (" AT("inspection") ") "
    "SELECT i.inspection_id, i.unit_code, coalesce(u.office_code, ''), i.concluded_on, "
    "       i.remedy_by, coalesce(i.decision_no, ''), i.body, coalesce(i.inspector, ''), "
    "       i.amount_underdeclared, i.amount_unpaid, i.fine_amount, i.workers_unregistered "
    "FROM insp i LEFT JOIN unit_at u ON u.unit_code = i.unit_code "
    "WHERE i.concluded_on <= ?1 AND " TN__OFFICE_CUT("i.unit_code") " "
    "ORDER BY i.unit_code, i.concluded_on, i.inspection_id";

/* the unit's payments received after ?3 up to ?1, reversed ones and reversals left out */
static const char payments_sql[] =
    "WITH pay AS (" AT("payment") " AND suspense IS NULL AND unit_code = ?4) "
    "SELECT p.paid_on, p.amount FROM pay p "
    "WHERE p.reverses IS NULL AND p.paid_on > ?3 AND p.paid_on <= ?1 "
    "  AND NOT EXISTS (SELECT 1 FROM pay r WHERE r.reverses = p.txn_id AND r.paid_on <= ?1) "
    "ORDER BY p.paid_on, p.txn_id";

/* ?1 period, ?2 as_of, ?3 the period's last day; ?8 ?9 the office cut */
#define BALANCES "WITH " TN__CLOSE_AT("cur", "?1", "?2", "") ", unit_at AS (" AT("unit") ") "

static const char facts_sql[] = BALANCES
    ", reg_at AS (" AT("registry") "), "
    "ev AS (" AT("case_event") " AND date <= ?3) "
    "SELECT cur.unit_code, u.name, u.tax_code, coalesce(u.office_code, ''), u.type, u.status, "
    "       coalesce(u.status_since, ''), coalesce(u.officer_code, ''), "
    "       coalesce(u.union_chair, ''), coalesce(cur.months_owed_tenths, 0), " TN__OVERDUE("cur") ", "
    "       " TN__DEBT("cur") ", cur.legal_status, cur.oldest_unpaid, "
    "       cur.workers, cur.assessed + cur.adjustment, cur.paid, "
    "       (SELECT r.reported_employees FROM reg_at r WHERE r.tax_code = u.tax_code), "
    "       (SELECT count(*) FROM finding f WHERE f.close_id = cur.id), "
    "       (SELECT count(*) FROM ev WHERE ev.unit_code = cur.unit_code "
    "                                  AND ev.event = 'reminder_sent'), "
    "       (SELECT max(date) FROM ev WHERE ev.unit_code = cur.unit_code "
    "                                   AND ev.event = 'reminder_sent'), "
    "       (SELECT count(*) FROM ev WHERE ev.unit_code = cur.unit_code), "
    "       (SELECT event || ' ' || date FROM ev WHERE ev.unit_code = cur.unit_code "
    "        ORDER BY date DESC, case_id DESC, seq DESC LIMIT 1), "
    "       (SELECT event || ' ' || date FROM ev WHERE ev.unit_code = cur.unit_code "
    "          AND ev.event IN ('deduction_ordered', 'deduction_refused') "
    "        ORDER BY date DESC, case_id DESC, seq DESC LIMIT 1) "
    "FROM cur JOIN unit_at u ON u.unit_code = cur.unit_code "
    "WHERE " TN__OFFICE_CUT("cur.unit_code") " "
    "ORDER BY " TN__DEBT("cur") " DESC, cur.unit_code";

static const char labour_sql[] = BALANCES
    "SELECT coalesce(u.office_code, ''), u.type, count(*), sum(cur.workers), "
    "       sum(cur.assessed + cur.adjustment), sum(cur.paid), "
    "       sum(" TN__DEBT("cur") "), "
    "       sum(CASE WHEN " TN__OVERDUE("cur") " > 0 THEN 1 ELSE 0 END), "
    "       sum(" TN__NOT_DUE("cur") ") "
    "FROM cur JOIN unit_at u ON u.unit_code = cur.unit_code "
    "WHERE CAST(?3 AS TEXT) IS NOT NULL AND " TN__OFFICE_CUT("cur.unit_code") " "
    "GROUP BY 1, 2 ORDER BY 1, 2";
/* clang-format on */

/* Computes the recovery of one unit's conclusions rows[0..n) and hands them to row(). */
static tn_err unit_recovery(struct tn__sq *s, tn_day day, const char *as_of,
                            struct tn_inspection_row *rows, size_t n,
                            tn_err (*row)(void *ctx, const struct tn_inspection_row *r), void *ctx)
{
    struct tn_inspection_claim *claims = tn_xcalloc(n, sizeof *claims);
    tn_day *remedy = tn_xcalloc(n, sizeof *remedy);
    struct tn_inspection_payment *pays = NULL;
    size_t npays = 0, cap = 0;
    tn_sql_stmt *st = NULL;
    tn_err err = tn__store_prepare(s, payments_sql, &st);
    if (err)
        goto done;
    char dbuf[TN_DAY_BUFSZ];
    tn_day_format(day, dbuf);
    tn_sql_bind_text(st, 1, dbuf, -1, TN_SQL_TRANSIENT);
    tn_sql_bind_text(st, 2, tn__at(as_of), -1, TN_SQL_TRANSIENT);
    tn_sql_bind_text(st, 3, rows[0].concluded_on, -1, TN_SQL_TRANSIENT);
    tn_sql_bind_text(st, 4, rows[0].unit_code, -1, TN_SQL_TRANSIENT);
    int rc;
    while ((rc = tn_sql_step(st)) == TN_SQL_ROW) {
        TN_GROW(pays, cap, npays + 1);
        struct tn_inspection_payment *p = &pays[npays++];
        p->amount = tn_sql_column_int64(st, 1);
        if (tn_day_parse(tn__col_text(st, 0), &p->paid_on)) {
            err = TN_ERR_RANGE;
            goto done;
        }
    }
    if (rc != TN_SQL_DONE) {
        err = tn__store_fail(s, "read payments");
        goto done;
    }
    for (size_t i = 0; i < n; i++) {
        claims[i].found = rows[i].found;
        if (tn_day_parse(rows[i].concluded_on, &claims[i].concluded_on) ||
            tn_day_parse(rows[i].remedy_by, &remedy[i])) {
            err = TN_ERR_RANGE;
            goto done;
        }
    }
    if ((err = tn_inspection_recover(claims, n, pays, npays)))
        goto done;
    for (size_t i = 0; i < n && !err; i++) {
        rows[i].recovered = claims[i].recovered;
        rows[i].remaining = rows[i].found - claims[i].recovered;
        rows[i].status =
            tn_inspection_status(rows[i].remaining, remedy[i], day, &rows[i].days_past);
        err = row(ctx, &rows[i]);
    }
done:
    tn_sql_finalize(st);
    free(pays);
    free(remedy);
    free(claims);
    return err;
}

static tn_err read_inspection(struct tn__sq *s, tn_sql_stmt *st, void *elem, const void *arg)
{
    (void)s, (void)arg;
    struct tn_inspection_row *r = elem;
    TN__COL_COPY(r->inspection_id, st, 0);
    TN__COL_COPY(r->unit_code, st, 1);
    TN__COL_COPY(r->office_code, st, 2);
    TN__COL_COPY(r->concluded_on, st, 3);
    TN__COL_COPY(r->remedy_by, st, 4);
    TN__COL_COPY(r->decision_no, st, 5);
    TN__COL_COPY(r->body, st, 6);
    TN__COL_COPY(r->inspector, st, 7);
    r->underdeclared = tn_sql_column_int64(st, 8);
    r->unpaid = tn_sql_column_int64(st, 9);
    r->fine = tn_sql_column_int64(st, 10);
    r->workers_unregistered = (long)tn_sql_column_int64(st, 11);
    r->found = r->underdeclared + r->unpaid;
    return TN_OK;
}

tn_err tn__sq_inspections(struct tn__sq *s, const char *office, tn_day day, const char *as_of,
                          tn_err (*row)(void *ctx, const struct tn_inspection_row *r), void *ctx)
{
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(s, inspections_sql, &st);
    if (err)
        return err;
    char dbuf[TN_DAY_BUFSZ];
    tn_day_format(day, dbuf);
    tn_sql_bind_text(st, 1, dbuf, -1, TN_SQL_TRANSIENT);
    tn_sql_bind_text(st, 2, tn__at(as_of), -1, TN_SQL_TRANSIENT);
    tn__bind_office(st, office, as_of);
    void *got;
    size_t n;
    if ((err = tn__store_collect(s, st, sizeof(struct tn_inspection_row), read_inspection, NULL,
                                 "read inspections", &got, &n)))
        return err;
    struct tn_inspection_row *rows = got;
    /* rows come by unit: each unit's conclusions share its payments */
    for (size_t i = 0; i < n && !err;) {
        size_t j = i + 1;
        while (j < n && strcmp(rows[j].unit_code, rows[i].unit_code) == 0)
            j++;
        err = unit_recovery(s, day, as_of, rows + i, j - i, row, ctx);
        i = j;
    }
    free(rows);
    return err;
}

static tn_err bind_balances(struct tn__sq *s, const char *sql, const char *office, tn_period period,
                            const char *as_of, tn_sql_stmt **out)
{
    tn_err err = tn__store_prepare_period(s, sql, period, as_of, out);
    if (err)
        return err;
    char d[TN_DAY_BUFSZ];
    tn_day_format(tn_period_last_day(period), d);
    tn_sql_bind_text(*out, 3, d, -1, TN_SQL_TRANSIENT);
    tn__bind_office(*out, office, as_of);
    return TN_OK;
}

/* Splits "event YYYY-MM-DD" of column i into event and date ("" when NULL). */
static void event_and_date(tn_sql_stmt *st, int i, char *ev, size_t evsz, char *date, size_t datesz)
{
    const char *t = tn__col_text(st, i);
    size_t n = strcspn(t, " ");
    snprintf(ev, evsz, "%.*s", (int)n, t);
    snprintf(date, datesz, "%s", t[n] ? t + n + 1 : "");
}

tn_err tn__sq_unit_facts(struct tn__sq *s, const char *office, tn_period period, const char *as_of,
                         tn_err (*row)(void *ctx, const struct tn_inspection_facts *f), void *ctx)
{
    tn_sql_stmt *st;
    tn_err err = bind_balances(s, facts_sql, office, period, as_of, &st);
    if (err)
        return err;
    struct tn_inspection_facts *f = tn_xmalloc(sizeof *f);
    while (tn__store_next(s, st, &err, "read unit facts")) {
        memset(f, 0, sizeof *f);
        TN__COL_COPY(f->unit_code, st, 0);
        TN__COL_COPY(f->name, st, 1);
        TN__COL_COPY(f->tax_code, st, 2);
        TN__COL_COPY(f->office_code, st, 3);
        TN__COL_COPY(f->type, st, 4);
        TN__COL_COPY(f->status, st, 5);
        TN__COL_COPY(f->status_since, st, 6);
        TN__COL_COPY(f->officer_code, st, 7);
        TN__COL_COPY(f->union_chair, st, 8);
        f->months_owed_tenths = tn_sql_column_int(st, 9);
        f->principal_overdue = tn_sql_column_int64(st, 10);
        f->debt = tn_sql_column_int64(st, 11);
        TN__COL_COPY(f->legal_status, st, 12);
        f->oldest_unpaid = tn__col_period(st, 13);
        f->workers = (long)tn_sql_column_int64(st, 14);
        f->assessed = tn_sql_column_int64(st, 15);
        f->collected = tn_sql_column_int64(st, 16);
        f->reported =
            tn_sql_column_type(st, 17) == TN_SQL_NULL ? -1 : (long)tn_sql_column_int64(st, 17);
        f->findings = (long)tn_sql_column_int64(st, 18);
        f->reminders = (long)tn_sql_column_int64(st, 19);
        TN__COL_COPY(f->last_reminder, st, 20);
        f->case_events = (long)tn_sql_column_int64(st, 21);
        event_and_date(st, 22, f->last_event, sizeof f->last_event, f->last_event_date,
                       sizeof f->last_event_date);
        event_and_date(st, 23, f->deduction_event, sizeof f->deduction_event, f->deduction_date,
                       sizeof f->deduction_date);
        if ((err = row(ctx, f)))
            break;
    }
    tn_sql_finalize(st);
    free(f);
    return err;
}

tn_err tn__sq_labour(struct tn__sq *s, const char *office, tn_period period, const char *as_of,
                     tn_err (*row)(void *ctx, const struct tn_labour_row *r), void *ctx)
{
    tn_sql_stmt *st;
    tn_err err = bind_balances(s, labour_sql, office, period, as_of, &st);
    if (err)
        return err;
    struct tn_labour_row r;
    while (tn__store_next(s, st, &err, "read labour and contributions")) {
        memset(&r, 0, sizeof r);
        TN__COL_COPY(r.office_code, st, 0);
        TN__COL_COPY(r.type, st, 1);
        r.units = (long)tn_sql_column_int64(st, 2);
        r.workers = (long)tn_sql_column_int64(st, 3);
        r.assessed = tn_sql_column_int64(st, 4);
        r.collected = tn_sql_column_int64(st, 5);
        r.debt = tn_sql_column_int64(st, 6);
        r.units_in_debt = (long)tn_sql_column_int64(st, 7);
        r.not_due = tn_sql_column_int64(st, 8);
        if ((err = row(ctx, &r)))
            break;
    }
    tn_sql_finalize(st);
    return err;
}
