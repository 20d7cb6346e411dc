/*
 * contact_store.c - the officers' contacts with employers (contact_store.h): the append-only
 * table contact of schema_auth.sql.
 */
#include "store_int.h"

#include <stdio.h>
#include <string.h>

#include "thuno/contact_store.h"

tn_err tn__sq_contact_add(struct tn__sq *s, const struct tn_contact_row *r, long long *seq)
{
    if (!r->unit_code[0] || !r->day[0] || !r->officer[0] || !r->recorded_by[0] ||
        !r->recorded_at[0] || !tn_contact_kind_known(r->kind))
        return TN_ERR_RANGE;
    static const char sql[] =
        "INSERT INTO contact (unit_code, day, officer, kind, outcome, note, recorded_by, "
        "recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(s, sql, &st);
    if (err)
        return err;
    const char *v[] = {r->unit_code, r->day,  r->officer,     r->kind,
                       r->outcome,   r->note, r->recorded_by, r->recorded_at};
    for (int i = 0; i < 8; i++)
        tn_sql_bind_text(st, i + 1, v[i], -1, TN_SQL_STATIC);
    if (tn_sql_step(st) != TN_SQL_DONE)
        err = tn__store_fail(s, "recording the contact");
    else
        *seq = (long long)tn_sql_last_insert_rowid(s->db);
    tn_sql_finalize(st);
    return err;
}

tn_err tn__sq_contacts(struct tn__sq *s, const char *unit_code, int latest, const char *as_of,
                       tn_err (*row)(void *ctx, const struct tn_contact_row *r), void *ctx)
{
    /* ?1 the unit (NULL: every one), ?2 the time known, ?3 latest only */
    static const char sql[] =
        "SELECT seq, unit_code, day, officer, kind, outcome, note, recorded_by, recorded_at "
        "FROM (SELECT c.*, row_number() OVER (PARTITION BY unit_code ORDER BY day DESC, seq "
        "DESC) AS k FROM contact c WHERE (CAST(?1 AS TEXT) IS NULL OR unit_code = ?1) AND "
        "recorded_at <= ?2) k "
        "WHERE ?3 = 0 OR k = 1 ORDER BY unit_code, day DESC, seq DESC";
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(s, sql, &st);
    if (err)
        return err;
    tn__bind_text_or_null(st, 1, unit_code);
    tn_sql_bind_text(st, 2, tn__at(as_of), -1, TN_SQL_STATIC);
    tn_sql_bind_int(st, 3, latest != 0);
    while (tn__store_next(s, st, &err, "reading the contacts")) {
        struct tn_contact_row r;
        memset(&r, 0, sizeof r);
        r.seq = (long long)tn_sql_column_int64(st, 0);
        TN__COL_COPY(r.unit_code, st, 1);
        TN__COL_COPY(r.day, st, 2);
        TN__COL_COPY(r.officer, st, 3);
        TN__COL_COPY(r.kind, st, 4);
        TN__COL_COPY(r.outcome, st, 5);
        TN__COL_COPY(r.note, st, 6);
        TN__COL_COPY(r.recorded_by, st, 7);
        TN__COL_COPY(r.recorded_at, st, 8);
        err = row(ctx, &r);
    }
    tn_sql_finalize(st);
    return err;
}
