/*
 * letter_register.c - the register of written reminders (letters.h; schema.sql "Letters"):
 * numbering within the year, the record of a letter sent, and the list with each unit's
 * latest balance, for the 60-day clock of Law 41/2024/QH15 Art 39 (docs/letters.md).
 */
#include "store_int.h"

#include <stdio.h>
#include <string.h>

#include "thuno/letters.h"

tn_err tn__sq_reminder_next_seq(struct tn__sq *s, int year, int *out)
{
    tn_sql_stmt *st;
    tn_err err =
        tn__store_prepare(s, "SELECT coalesce(max(seq), 0) + 1 FROM reminder WHERE year = ?1", &st);
    if (err)
        return err;
    tn_sql_bind_int(st, 1, year);
    if (tn_sql_step(st) == TN_SQL_ROW)
        *out = tn_sql_column_int(st, 0);
    else
        err = tn__store_fail(s, "number the reminder");
    tn_sql_finalize(st);
    return err;
}

tn_err tn__sq_reminder_count(struct tn__sq *s, const char *unit_code, tn_period period, long *out)
{
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(
        s, "SELECT count(*) FROM reminder WHERE unit_code = ?1 AND period = ?2", &st);
    if (err)
        return err;
    char p[TN_PERIOD_BUFSZ];
    tn_period_format(period, p);
    tn_sql_bind_text(st, 1, unit_code, -1, TN_SQL_TRANSIENT);
    tn_sql_bind_text(st, 2, p, -1, TN_SQL_TRANSIENT);
    if (tn_sql_step(st) == TN_SQL_ROW)
        *out = tn_sql_column_int(st, 0);
    else
        err = tn__store_fail(s, "count reminders");
    tn_sql_finalize(st);
    return err;
}

static void bind_period_or_null(tn_sql_stmt *st, int i, tn_period p)
{
    char buf[TN_PERIOD_BUFSZ];
    if (p < 0 || tn_period_format(p, buf))
        tn_sql_bind_null(st, i);
    else
        tn_sql_bind_text(st, i, buf, -1, TN_SQL_TRANSIENT);
}

static void bind_day_or_null(tn_sql_stmt *st, int i, tn_day d)
{
    char buf[TN_DAY_BUFSZ];
    if (d < 0) {
        tn_sql_bind_null(st, i);
        return;
    }
    tn_day_format(d, buf);
    tn_sql_bind_text(st, i, buf, -1, TN_SQL_TRANSIENT);
}

tn_err tn__sq_reminder_add(struct tn__sq *s, const struct tn_reminder_row *r, const char *now)
{
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(s,
                                   "INSERT INTO reminder VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                                   "?9, ?10, ?11, ?12, ?13, ?14, ?15) ON CONFLICT DO NOTHING",
                                   &st);
    if (err)
        return err;
    char p[TN_PERIOD_BUFSZ], sent[TN_DAY_BUFSZ];
    tn_period_format(r->period, p);
    tn_day_format(r->sent_on, sent);
    tn_sql_bind_int(st, 1, r->year);
    tn_sql_bind_int(st, 2, r->seq);
    tn_sql_bind_text(st, 3, r->letter_no, -1, TN_SQL_TRANSIENT);
    tn_sql_bind_text(st, 4, r->unit_code, -1, TN_SQL_TRANSIENT);
    tn_sql_bind_text(st, 5, p, -1, TN_SQL_TRANSIENT);
    tn_sql_bind_text(st, 6, sent, -1, TN_SQL_TRANSIENT);
    tn_sql_bind_int64(st, 7, r->overdue);
    tn_sql_bind_int64(st, 8, r->interest_due);
    tn_sql_bind_int64(st, 9, r->debt);
    bind_period_or_null(st, 10, r->overdue_through);
    bind_day_or_null(st, 11, r->oldest_deadline);
    tn_sql_bind_text(st, 12, r->case_id, -1, TN_SQL_TRANSIENT);
    tn_sql_bind_int64(st, 13, r->case_seq);
    tn__bind_text_or_null(st, 14, r->actor);
    tn_sql_bind_text(st, 15, now, -1, TN_SQL_TRANSIENT);
    int rc = tn_sql_step(st);
    if (rc == TN_SQL_DONE && tn_sql_changes(s->db) == 0) { /* the key is taken */
        snprintf(s->errmsg, sizeof s->errmsg, "reminder %d/%d is already in the register", r->seq,
                 r->year);
        err = TN_ERR_CONFLICT;
    } else if (rc != TN_SQL_DONE) {
        err = tn__store_fail(s, "record the reminder");
    }
    tn_sql_finalize(st);
    return err;
}

/* clang-format off */
static const char list_sql[] =
    "WITH latest AS (SELECT unit_code, max(id) AS id FROM unit_close WHERE known_at <= ?1 "
    "           AND period = (SELECT max(period) FROM unit_close c2 "
    "                         WHERE c2.unit_code = unit_close.unit_code AND c2.known_at <= ?1) "
    "           GROUP BY unit_code) "
    "SELECT r.year, r.seq, r.letter_no, r.unit_code, r.period, r.sent_on, r.overdue, "
    "       r.interest_due, r.debt, r.overdue_through, r.oldest_deadline, r.case_id, "
    "       r.case_seq, coalesce(r.actor, ''), r.known_at, "
    "       b.id, b.period, b.closing, b.principal_due, b.interest_due, b.oldest_unpaid, "
    "       b.legal_status, b.months_owed_tenths, b.known_at "
    "FROM reminder r LEFT JOIN latest l ON l.unit_code = r.unit_code "
    "LEFT JOIN unit_close b ON b.id = l.id "
    "WHERE r.known_at <= ?1 AND r.sent_on <= substr(?1, 1, 10) "
    "  AND " TN__OFFICE_CUT("r.unit_code") " AND (CAST(?3 AS TEXT) IS NULL OR r.unit_code = ?3) "
    "ORDER BY r.sent_on, r.year, r.seq";
/* clang-format on */

tn_err tn__sq_reminders(struct tn__sq *s, const char *office, const char *as_of,
                        const struct tn_letter_filter *f,
                        tn_err (*row)(void *ctx, const struct tn_reminder_row *r,
                                      const struct tn_balance_row *latest),
                        void *ctx)
{
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(s, list_sql, &st);
    if (err)
        return err;
    tn_sql_bind_text(st, 1, tn__at(as_of), -1, TN_SQL_TRANSIENT);
    tn__bind_office(st, office, as_of);
    tn__bind_text_or_null(st, 3, f ? f->unit : NULL);
    struct tn_reminder_row r;
    struct tn_balance_row b;
    while (tn__store_next(s, st, &err, "read the reminder register")) {
        memset(&r, 0, sizeof r);
        memset(&b, 0, sizeof b);
        r.year = tn_sql_column_int(st, 0);
        r.seq = tn_sql_column_int(st, 1);
        TN__COL_COPY(r.letter_no, st, 2);
        TN__COL_COPY(r.unit_code, st, 3);
        tn_period_parse(tn__col_text(st, 4), &r.period);
        tn_day_parse(tn__col_text(st, 5), &r.sent_on);
        r.overdue = tn_sql_column_int64(st, 6);
        r.interest_due = tn_sql_column_int64(st, 7);
        r.debt = tn_sql_column_int64(st, 8);
        r.overdue_through = tn__col_period(st, 9);
        r.oldest_deadline = tn__col_day(st, 10);
        TN__COL_COPY(r.case_id, st, 11);
        r.case_seq = tn_sql_column_int64(st, 12);
        TN__COL_COPY(r.actor, st, 13);
        TN__COL_COPY(r.known_at, st, 14);
        b.oldest_unpaid = -1;
        b.months_owed_tenths = -1;
        if (tn_sql_column_type(st, 15) != TN_SQL_NULL) {
            b.close_id = tn_sql_column_int64(st, 15);
            snprintf(b.unit_code, sizeof b.unit_code, "%s", r.unit_code);
            tn_period_parse(tn__col_text(st, 16), &b.period);
            b.closing = tn_sql_column_int64(st, 17);
            b.principal_due = tn_sql_column_int64(st, 18);
            b.interest_due = tn_sql_column_int64(st, 19);
            if (tn_sql_column_type(st, 20) != TN_SQL_NULL)
                tn_period_parse(tn__col_text(st, 20), &b.oldest_unpaid);
            TN__COL_COPY(b.legal_status, st, 21);
            if (tn_sql_column_type(st, 22) != TN_SQL_NULL)
                b.months_owed_tenths = tn_sql_column_int(st, 22);
            TN__COL_COPY(b.known_at, st, 23);
        }
        if ((err = row(ctx, &r, &b)))
            break;
    }
    tn_sql_finalize(st);
    return err;
}
