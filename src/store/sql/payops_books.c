/*
 * payops_books.c - the books (sổ BHXH) of earmarked and leaving workers (payops.h).
 *
 * LAW: Decision 60/2015/QĐ-TTg Art 6 (rules.md §8): money earmarked for one worker (to
 * confirm a leaving worker's book) is settled first, on that worker's own contributions at
 * the unit, oldest period first. A leaving worker's book cannot be closed while the unit owes
 * for a period the worker worked: every period from the unit's oldest unpaid one on counts as
 * owed (the oldest may be partly paid: counted whole, the cautious reading). Design and
 * worked figures: docs/payments-ops.md.
 */
#include "store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/mem.h"
#include "thuno/payops.h"

/* clang-format off */
/* ?1 period, ?2 as_of, ?3 the period's last day, ?4 the next period; ?8 ?9 the office cut.
 * One row per (unit, worker, for_period) of the workers concerned, oldest first, with the
 * worker's contributions there (all eight components, assessed and adjustments), the
 * earmarked money, the decrease and the unit's oldest unpaid period at the period's close. */
static const char books_sql[] =
    "WITH cur AS (SELECT unit_code, period, max(id) AS id FROM unit_close "
    "             WHERE period <= ?1 AND known_at <= ?2 GROUP BY unit_code, period), "
    "last AS (SELECT unit_code, oldest_unpaid FROM (SELECT c.unit_code, b.oldest_unpaid, "
    "         row_number() OVER (PARTITION BY c.unit_code ORDER BY c.period DESC) AS rn "
    "         FROM cur c JOIN unit_close b ON b.id = c.id) x WHERE rn = 1), "
    TN__TABLE_AT("pay", "payment", "?2") ", "
    "ear AS (SELECT unit_code, bhxh_code, sum(amount) AS amount FROM pay WHERE suspense IS NULL "
    "        AND bhxh_code IS NOT NULL AND unit_code IS NOT NULL AND reverses IS NULL "
    "        AND paid_on <= ?3 AND txn_id NOT IN (SELECT reverses FROM pay WHERE reverses IS "
    "        NOT NULL) GROUP BY 1, 2), "
    "dec AS (SELECT unit_code, bhxh_code, min(from_period) AS from_period FROM declaration "
    "        WHERE " TN__KNOWN_AT("?2") " "
    "        AND kind = 'decrease' AND from_period <= ?4 GROUP BY 1, 2), "
    "who AS (SELECT unit_code, bhxh_code FROM ear UNION SELECT unit_code, bhxh_code FROM dec), "
    TN__TABLE_AT("unit_at", "unit", "?2") ", " TN__TABLE_AT("worker_at", "worker", "?2") ", "
    "lines AS (SELECT cur.unit_code, a.bhxh_code, a.for_period, "
    "          sum(a.a0 + a.a1 + a.a2 + a.a3 + a.a4 + a.a5 + a.a6 + a.a7) AS amount "
    "          FROM cur JOIN assess_line a ON a.close_id = cur.id "
    "          JOIN who ON who.unit_code = cur.unit_code AND who.bhxh_code = a.bhxh_code "
    "          GROUP BY 1, 2, 3) "
    "SELECT who.unit_code, who.bhxh_code, coalesce(w.full_name, ''), coalesce(dec.from_period, ''), "
    "       coalesce(ear.amount, 0), coalesce(last.oldest_unpaid, ''), "
    "       coalesce(l.for_period, ''), coalesce(l.amount, 0) "
    "FROM who LEFT JOIN lines l ON l.unit_code = who.unit_code AND l.bhxh_code = who.bhxh_code "
    "LEFT JOIN ear ON ear.unit_code = who.unit_code AND ear.bhxh_code = who.bhxh_code "
    "LEFT JOIN dec ON dec.unit_code = who.unit_code AND dec.bhxh_code = who.bhxh_code "
    "LEFT JOIN last ON last.unit_code = who.unit_code "
    "LEFT JOIN worker_at w ON w.bhxh_code = who.bhxh_code "
    "LEFT JOIN unit_at u ON u.unit_code = who.unit_code "
    "WHERE " TN__OFFICE_CUT("who.unit_code") " "
    "ORDER BY who.unit_code, who.bhxh_code, l.for_period";
/* clang-format on */

struct book {
    struct tn_book_row r;
    tn_period oldest_unpaid; /* -1: the unit owes nothing */
    tn_money left;           /* earmarked money not yet set against a period */
};

static void period_or(const char *text, tn_period *out)
{
    if (!*text || tn_period_parse(text, out))
        *out = -1;
}

/* One worked period, oldest first: the earmark pays it first, else the unit did or owes. */
static void take_period(struct book *b, tn_period p, tn_money amount)
{
    struct tn_book_row *r = &b->r;
    tn_money from_earmark = b->left < amount ? b->left : amount;
    b->left -= from_earmark;
    if (from_earmark == amount && amount > 0) {
        if (r->earmark_first < 0)
            r->earmark_first = p;
        r->earmark_last = p;
    }
    int unit_owes = b->oldest_unpaid >= 0 && p >= b->oldest_unpaid;
    tn_money owed = unit_owes ? amount - from_earmark : 0;
    if (owed > 0) {
        if (r->owed_first < 0)
            r->owed_first = p;
        r->owed_last = p;
        r->owed += owed;
    } else if (r->owed_first < 0) {
        r->confirmed_to = p;
    }
}

static void start(struct book *b, tn_sql_stmt *st)
{
    memset(b, 0, sizeof *b);
    struct tn_book_row *r = &b->r;
    TN__COL_COPY(r->unit_code, st, 0);
    TN__COL_COPY(r->bhxh_code, st, 1);
    TN__COL_COPY(r->full_name, st, 2);
    period_or(tn__col_text(st, 3), &r->left_from);
    r->earmarked = b->left = tn_sql_column_int64(st, 4);
    period_or(tn__col_text(st, 5), &b->oldest_unpaid);
    r->earmark_first = r->earmark_last = r->confirmed_to = -1;
    r->owed_first = r->owed_last = -1;
}

tn_err tn__sq_books(struct tn__sq *s, const char *office, tn_period period, const char *as_of,
                    tn_err (*row)(void *ctx, const struct tn_book_row *r), void *ctx)
{
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(s, books_sql, &st);
    if (err)
        return err;
    char p[TN_PERIOD_BUFSZ], next[TN_PERIOD_BUFSZ], last[TN_DAY_BUFSZ];
    tn_period_format(period, p);
    tn_period_format(period + 1, next);
    tn_day_format(tn_period_last_day(period), last);
    tn_sql_bind_text(st, 1, p, -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 2, tn__at(as_of), -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 3, last, -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 4, next, -1, TN_SQL_STATIC);
    tn__bind_office(st, office, as_of);
    int rc, open = 0;
    struct book b;
    while ((rc = tn_sql_step(st)) == TN_SQL_ROW) {
        const char *u = tn__col_text(st, 0), *w = tn__col_text(st, 1);
        if (open && (strcmp(u, b.r.unit_code) != 0 || strcmp(w, b.r.bhxh_code) != 0)) {
            b.r.blocked = b.r.owed > 0;
            if ((err = row(ctx, &b.r)))
                break;
            open = 0;
        }
        if (!open) {
            start(&b, st);
            open = 1;
        }
        tn_period fp;
        period_or(tn__col_text(st, 6), &fp);
        if (fp >= 0 && (b.r.left_from < 0 || fp < b.r.left_from))
            take_period(&b, fp, tn_sql_column_int64(st, 7));
    }
    if (!err && rc != TN_SQL_DONE)
        err = tn__store_fail(s, "read books");
    if (!err && open) {
        b.r.blocked = b.r.owed > 0;
        err = row(ctx, &b.r);
    }
    tn_sql_finalize(st);
    return err;
}
