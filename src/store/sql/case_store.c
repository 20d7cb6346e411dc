/*
 * case_store.c - cases in the store (case_store.h; tables in schema.sql, design in
 * docs/cases.md). Versioned rows are read like the registry's: the version known at as_of.
 */
#include "store_int.h"

#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/case_store.h"
#include "thuno/mem.h"

/* ?2 = as_of; the version of each key known then */
#define KNOWN TN__KNOWN_AT("?2")

static tn_err read_event(struct tn__sq *s, tn_sql_stmt *st, void *elem, const void *arg)
{
    (void)arg;
    struct tn_case_event_row *r = elem;
    TN__COL_COPY(r->case_id, st, 0);
    r->seq = tn_sql_column_int(st, 1);
    TN__COL_COPY(r->unit_code, st, 2);
    TN__COL_COPY(r->office, st, 6);
    TN__COL_COPY(r->note, st, 7);
    TN__COL_COPY(r->actor, st, 8);
    TN__COL_COPY(r->known_at, st, 9);
    struct tn_case_step *p = &r->step;
    p->amount = tn_sql_column_type(st, 5) == TN_SQL_NULL ? -1 : tn_sql_column_int64(st, 5);
    p->office = r->office;
    if (tn_case_event_parse(tn__col_text(st, 3), &p->event) ||
        tn_day_parse(tn__col_text(st, 4), &p->day) ||
        tn_case_outcome_parse(p->event, tn__col_text(st, 10), &p->outcome)) {
        snprintf(s->errmsg, sizeof s->errmsg, "case %s event %ld is malformed in the store",
                 r->case_id, r->seq);
        return TN_ERR_STORE;
    }
    return TN_OK;
}

tn_err tn__sq_case_events(struct tn__sq *s, const char *case_id, const char *as_of,
                          struct tn_case_event_row **rows, size_t *n)
{
    static const char sql[] =
        "SELECT case_id, seq, unit_code, event, date, amount, office, note, actor, known_at, "
        "       outcome FROM case_event "
        "WHERE case_id = ?1 AND " KNOWN " AND date <= substr(?2, 1, 10) ORDER BY seq";
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare_at(s, sql, case_id, as_of, &st);
    if (err)
        return err;
    void *got;
    size_t cnt;
    if ((err = tn__store_collect(s, st, sizeof(struct tn_case_event_row), read_event, NULL,
                                 "reading a case", &got, &cnt)))
        return err;
    struct tn_case_event_row *out = got;
    for (size_t i = 0; i < cnt; i++) /* the array may have moved while it grew */
        out[i].step.office = out[i].office;
    *rows = out;
    *n = cnt;
    return TN_OK;
}

static tn_err read_instalment(struct tn__sq *s, tn_sql_stmt *st, void *elem, const void *arg)
{
    struct tn_instalment *r = elem;
    if (tn_day_parse(tn__col_text(st, 0), &r->due)) {
        snprintf(s->errmsg, sizeof s->errmsg, "case %s: bad instalment date", (const char *)arg);
        return TN_ERR_STORE;
    }
    r->amount = tn_sql_column_int64(st, 1);
    return TN_OK;
}

tn_err tn__sq_case_plan(struct tn__sq *s, const char *case_id, const char *as_of,
                        struct tn_instalment **inst, size_t *n)
{
    static const char sql[] = "SELECT due_on, amount FROM case_plan "
                              "WHERE case_id = ?1 AND " KNOWN " ORDER BY seq";
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare_at(s, sql, case_id, as_of, &st);
    if (err)
        return err;
    void *got;
    if ((err = tn__store_collect(s, st, sizeof **inst, read_instalment, case_id, "reading a plan",
                                 &got, n)))
        return err;
    *inst = got;
    return TN_OK;
}

static tn_err read_payment(struct tn__sq *s, tn_sql_stmt *st, void *elem, const void *arg)
{
    (void)s, (void)arg;
    struct tn_case_payment_row *r = elem;
    TN__COL_COPY(r->txn_id, st, 0);
    if (tn_day_parse(tn__col_text(st, 1), &r->paid_on))
        r->paid_on = 0;
    r->amount = tn_sql_column_int64(st, 2);
    TN__COL_COPY(r->channel, st, 3);
    r->reversed = tn_sql_column_int(st, 4);
    return TN_OK;
}

tn_err tn__sq_case_payments(struct tn__sq *s, const char *case_id, const char *as_of,
                            struct tn_case_payment_row **rows, size_t *n)
{
    /* the case's payments and the reversals of them, as known and paid by as_of; through
     * the indexes payment_case and payment_reverses (a CTE of the payments as known would be
     * built whole for every case) */
/* clang-format off */
#define PAID(t)                                                                                    \
    t "known_at <= ?2 AND (" t "superseded_at IS NULL OR " t "superseded_at > ?2) AND "           \
    t "paid_on <= substr(?2, 1, 10)"
    static const char sql[] =
        "SELECT txn_id, paid_on, amount, channel, "
        "       CASE WHEN EXISTS (SELECT 1 FROM payment r WHERE r.reverses = p.txn_id AND "
        PAID("r.") ") THEN 1 ELSE 0 END "
        "FROM payment p WHERE case_id = ?1 AND " PAID("p.") " "
        "UNION ALL "
        "SELECT r.txn_id, r.paid_on, -r.amount, o.channel, 1 FROM payment o "
        "JOIN payment r ON r.reverses = o.txn_id "
        "WHERE o.case_id = ?1 AND " PAID("o.") " AND " PAID("r.") " "
        "ORDER BY 2, 1";
/* clang-format on */
#undef PAID
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare_at(s, sql, case_id, as_of, &st);
    if (err)
        return err;
    void *got;
    if ((err = tn__store_collect(s, st, sizeof **rows, read_payment, NULL,
                                 "reading a case's payments", &got, n)))
        return err;
    *rows = got;
    return TN_OK;
}

tn_err tn__sq_case_ids(struct tn__sq *s, const char *as_of,
                       tn_err (*row)(void *ctx, const char *case_id, const char *unit_code),
                       void *ctx)
{
    static const char sql[] = "SELECT case_id, min(unit_code) FROM case_event "
                              "WHERE " TN__KNOWN_AT("?1") " AND date <= substr(?1, 1, 10) "
                                                          "GROUP BY case_id ORDER BY case_id";
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(s, sql, &st);
    if (err)
        return err;
    tn_sql_bind_text(st, 1, tn__at(as_of), -1, TN_SQL_STATIC);
    while (tn__store_next(s, st, &err, "listing cases"))
        err = row(ctx, tn__col_text(st, 0), tn__col_text(st, 1));
    tn_sql_finalize(st);
    return err;
}

static tn_err unit_exists(struct tn__sq *s, const char *unit_code, int *found)
{
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(
        s, "SELECT 1 FROM unit WHERE unit_code = ?1 AND superseded_at IS NULL", &st);
    if (err)
        return err;
    tn_sql_bind_text(st, 1, unit_code, -1, TN_SQL_STATIC);
    err = tn__store_step_one(s, st, found, "finding a unit");
    tn_sql_finalize(st);
    return err;
}

static tn_err insert_event(struct tn__sq *s, const struct tn_case_event_row *ev, long seq,
                           const char *now)
{
    long long batch;
    tn_err err = tn__store_batch(s, "case_events", "(recorded in thuno)", now, 1, 0,
                                 "recording an event", &batch);
    if (err)
        return err;
    tn_sql_stmt *st;
    if ((err = tn__store_prepare(
             s,
             "INSERT INTO case_event (case_id, seq, version, known_at, batch_id, unit_code, "
             "event, date, amount, outcome, office, note, actor) "
             "VALUES (?1, ?2, 1, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
             &st)))
        return err;
    char day[TN_DAY_BUFSZ];
    tn_day_format(ev->step.day, day);
    tn_sql_bind_text(st, 1, ev->case_id, -1, TN_SQL_STATIC);
    tn_sql_bind_int64(st, 2, seq);
    tn_sql_bind_text(st, 3, now, -1, TN_SQL_STATIC);
    tn_sql_bind_int64(st, 4, batch);
    tn_sql_bind_text(st, 5, ev->unit_code, -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 6, tn_case_event_name(ev->step.event), -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 7, day, -1, TN_SQL_TRANSIENT);
    if (ev->step.amount >= 0)
        tn_sql_bind_int64(st, 8, ev->step.amount);
    tn__bind_text_or_null(st, 9, tn_case_outcome_name(ev->step.outcome));
    tn__bind_text_or_null(st, 10, ev->office);
    tn__bind_text_or_null(st, 11, ev->note);
    tn__bind_text_or_null(st, 12, ev->actor);
    int rc = tn_sql_step(st);
    tn_sql_finalize(st);
    return rc == TN_SQL_DONE ? TN_OK : tn__store_fail(s, "recording an event");
}

tn_err tn__sq_case_record_in_tx(struct tn__sq *s, const struct tn_case_event_row *ev,
                                const char *now, long *seq, char *why, size_t whysz)
{
    tn_err err;
    struct tn_case_event_row *rows = NULL;
    size_t n = 0;
    int found;
    char today[TN_DAY_BUFSZ], day[TN_DAY_BUFSZ];
    snprintf(today, sizeof today, "%.10s", now);
    tn_day_format(ev->step.day, day);
    if (strcmp(day, today) > 0) { /* what has not happened yet is not recorded */
        snprintf(why, whysz,
                 "ngày %s sau hôm nay / %s is after today (%s): an event is recorded once it "
                 "has happened",
                 day, day, today);
        return TN_ERR_RANGE;
    }
    if ((err = unit_exists(s, ev->unit_code, &found)))
        goto done;
    if (!found) {
        snprintf(why, whysz, "unknown unit %s", ev->unit_code);
        err = TN_ERR_NOT_FOUND;
        goto done;
    }
    if ((err = tn__sq_case_events(s, ev->case_id, NULL, &rows, &n)))
        goto done;
    if (n && strcmp(rows[0].unit_code, ev->unit_code) != 0) {
        snprintf(why, whysz, "case %s is the case of unit %s, not %s", ev->case_id,
                 rows[0].unit_code, ev->unit_code);
        err = TN_ERR_CONFLICT;
        goto done;
    }
    struct tn_case c;
    tn_case_init(&c);
    if ((err = tn_case_replay(&c, rows, n, why, whysz)))
        goto done;
    struct tn_case_step step = ev->step;
    step.office = ev->office;
    if ((err = tn_case_apply(&c, &step, why, whysz)))
        goto done;
    long next = n ? rows[n - 1].seq + 1 : 1;
    if ((err = insert_event(s, ev, next, now)))
        goto done;
    *seq = next;
done:
    free(rows);
    return err;
}

tn_err tn__sq_case_record(struct tn__sq *s, const struct tn_case_event_row *ev, const char *now,
                          long *seq, char *why, size_t whysz)
{
    tn_err err = tn__sq_begin(s);
    if (err)
        return err;
    long next = 0;
    if (!(err = tn__sq_case_record_in_tx(s, ev, now, &next, why, whysz)))
        err = tn__sq_commit(s);
    if (err)
        tn__sq_rollback(s);
    else
        *seq = next;
    return err;
}

static void sha256_hex(const void *bytes, size_t size, char out[static 65])
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (!EVP_Digest(bytes, size, md, &len, EVP_sha256(), NULL) || len != 32)
        abort(); /* only fails when OpenSSL cannot allocate: out of memory (mem.h) */
    for (unsigned i = 0; i < 32; i++)
        snprintf(out + 2 * i, 3, "%02x", md[i]);
}

tn_err tn__sq_case_attach(struct tn__sq *s, const char *case_id, const char *kind, const char *name,
                          const void *bytes, size_t size, const char *now, const char *actor,
                          char sha256[static 65])
{
    char hex[65];
    sha256_hex(bytes, size, hex);
    struct tn_case_event_row *rows = NULL;
    size_t n = 0;
    tn_err err = tn__sq_case_events(s, case_id, NULL, &rows, &n);
    free(rows);
    if (err)
        return err;
    if (!n) {
        snprintf(s->errmsg, sizeof s->errmsg, "no case %s", case_id);
        return TN_ERR_NOT_FOUND;
    }
    if ((err = tn__sq_begin(s)))
        return err;
    tn_sql_stmt *st = NULL;
    if ((err = tn__store_prepare(s,
                                 "INSERT INTO blob (sha256, size, bytes) VALUES (?1, ?2, ?3) "
                                 "ON CONFLICT DO NOTHING",
                                 &st)))
        goto done;
    tn_sql_bind_text(st, 1, hex, -1, TN_SQL_STATIC);
    tn_sql_bind_int64(st, 2, (long long)size);
    tn_sql_bind_blob(st, 3, bytes, (int)size, TN_SQL_STATIC); /* bounded: 64 MiB */
    if (tn_sql_step(st) != TN_SQL_DONE) {
        err = tn__store_fail(s, "storing an attachment");
        goto done;
    }
    tn_sql_finalize(st);
    if ((err = tn__store_prepare(s,
                                 "INSERT INTO case_attachment (case_id, sha256, kind, name, "
                                 "known_at, actor) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                                 "ON CONFLICT DO NOTHING",
                                 &st)))
        goto done;
    tn_sql_bind_text(st, 1, case_id, -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 2, hex, -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 3, kind, -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 4, name, -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 5, now, -1, TN_SQL_STATIC);
    tn__bind_text_or_null(st, 6, actor);
    if (tn_sql_step(st) != TN_SQL_DONE) {
        err = tn__store_fail(s, "linking an attachment");
        goto done;
    }
    err = tn__sq_commit(s);
done:
    tn_sql_finalize(st);
    if (err)
        tn__sq_rollback(s);
    else
        memcpy(sha256, hex, 65);
    return err;
}

static tn_err read_attachment(struct tn__sq *s, tn_sql_stmt *st, void *elem, const void *arg)
{
    (void)s, (void)arg;
    struct tn_case_attachment_row *r = elem;
    TN__COL_COPY(r->sha256, st, 0);
    TN__COL_COPY(r->kind, st, 1);
    TN__COL_COPY(r->name, st, 2);
    r->size = tn_sql_column_int64(st, 3);
    TN__COL_COPY(r->known_at, st, 4);
    return TN_OK;
}

tn_err tn__sq_case_attachments(struct tn__sq *s, const char *case_id, const char *as_of,
                               struct tn_case_attachment_row **rows, size_t *n)
{
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare_at(s,
                                      "SELECT a.sha256, a.kind, a.name, b.size, a.known_at "
                                      "FROM case_attachment a JOIN blob b ON b.sha256 = a.sha256 "
                                      "WHERE a.case_id = ?1 AND a.known_at <= ?2 "
                                      "ORDER BY a.kind, a.name",
                                      case_id, as_of, &st);
    if (err)
        return err;
    void *got;
    if ((err = tn__store_collect(s, st, sizeof **rows, read_attachment, NULL, "reading attachments",
                                 &got, n)))
        return err;
    *rows = got;
    return TN_OK;
}
