/*
 * calendar_store.c - the statutory calendar's duties recorded done (calendar_store.h): the
 * versioned table calendar_done of schema.sql.
 */
#include "store_int.h"

#include <stdio.h>
#include <string.h>

#include "thuno/calendar_store.h"

tn_err tn__sq_calendar_done_put(struct tn__sq *s, const struct tn_duty_done_row *r, const char *now)
{
    if (!r->duty[0] || !r->occurrence[0] || !r->done_on[0] || !r->actor[0])
        return TN_ERR_RANGE;
    tn_err err = tn__sq_begin(s);
    if (err)
        return err;
    static const char sup[] = "UPDATE calendar_done SET superseded_at = ?3 WHERE duty = ?1 AND "
                              "occurrence = ?2 AND superseded_at IS NULL";
    static const char ins[] =
        "INSERT INTO calendar_done (duty, occurrence, version, known_at, done_on, actor, note) "
        "SELECT ?1, ?2, coalesce(max(version), 0) + 1, ?3, ?4, ?5, ?6 FROM calendar_done "
        "WHERE duty = ?1 AND occurrence = ?2";
    for (int k = 0; k < 2 && !err; k++) {
        tn_sql_stmt *st;
        if ((err = tn__store_prepare(s, k ? ins : sup, &st)))
            break;
        tn_sql_bind_text(st, 1, r->duty, -1, TN_SQL_STATIC);
        tn_sql_bind_text(st, 2, r->occurrence, -1, TN_SQL_STATIC);
        tn_sql_bind_text(st, 3, now, -1, TN_SQL_STATIC);
        if (k) {
            tn_sql_bind_text(st, 4, r->done_on, -1, TN_SQL_STATIC);
            tn_sql_bind_text(st, 5, r->actor, -1, TN_SQL_STATIC);
            tn__bind_text_or_null(st, 6, r->note);
        }
        if (tn_sql_step(st) != TN_SQL_DONE)
            err = tn__store_fail(s, "recording the duty done");
        tn_sql_finalize(st);
    }
    if (err) {
        tn__sq_rollback(s);
        return err;
    }
    return tn__sq_commit(s);
}

tn_err tn__sq_calendar_done(struct tn__sq *s, const char *as_of,
                            tn_err (*row)(void *ctx, const struct tn_duty_done_row *r), void *ctx)
{
    static const char sql[] =
        "SELECT duty, occurrence, done_on, actor, coalesce(note, ''), version, known_at "
        "FROM calendar_done WHERE CAST(?1 AS TEXT) IS NOT NULL AND " TN__KNOWN_AT(
            "?2") " "
                  "ORDER BY duty, occurrence";
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare_at(s, sql, "", as_of, &st);
    if (err)
        return err;
    while (tn__store_next(s, st, &err, "reading the duties done")) {
        struct tn_duty_done_row r;
        memset(&r, 0, sizeof r);
        TN__COL_COPY(r.duty, st, 0);
        TN__COL_COPY(r.occurrence, st, 1);
        TN__COL_COPY(r.done_on, st, 2);
        TN__COL_COPY(r.actor, st, 3);
        TN__COL_COPY(r.note, st, 4);
        r.version = (long)tn_sql_column_int64(st, 5);
        TN__COL_COPY(r.known_at, st, 6);
        err = row(ctx, &r);
    }
    tn_sql_finalize(st);
    return err;
}
