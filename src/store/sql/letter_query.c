/*
 * letter_query.c - what the letters read (letters.h): each unit's position at a period's end
 * split by fund, its overdue principal, and the register of written reminders.
 *
 * The split by fund: for each period up to the one asked, the current unit_close row (as of)
 * gives the principal recognised per group (charge_*) and the interest charged so far
 * (cum_interest_*); its alloc_line rows say what the payments counted in that close paid, per
 * target period, group and part. Unpaid principal of (period R, group g) = charge of R in g
 * minus the principal allocated to R in g by every close up to the one asked; unpaid interest
 * of g = cum_interest of g minus the interest allocated in g. The result is offered
 * (split_ok) only when the groups add up to the stored balance; a payment kept as credit,
 * for one, makes them differ, and the letters then print totals only.
 */
#include "store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/letters.h"
#include "thuno/mem.h"

/* clang-format off */
static const char units_sql[] =
    "WITH " TN__CLOSE_AT("cur", "?1", "?2", "") ", " TN__TABLE_AT("unit_at", "unit", "?2") ", "
    TN__TABLE_AT("off_at", "officer", "?2") " "
    "SELECT cur.unit_code, coalesce(u.tax_code, ''), coalesce(u.name, ''), "
    "       coalesce(u.address, ''), coalesce(u.type, ''), coalesce(u.status, ''), "
    "       coalesce(u.office_code, ''), coalesce(u.officer_code, ''), "
    "       coalesce(o.full_name, ''), coalesce(u.payment_cycle, 1), "
    "       cur.opening, cur.assessed, cur.adjustment, cur.interest, cur.paid, cur.closing, "
    "       cur.principal_due, cur.interest_due, cur.months_owed_tenths, cur.bucket, "
    "       cur.oldest_unpaid, cur.legal_status, cur.workers, cur.known_at, cur.id, "
    "       " TN__OVERDUE("cur") " "
    "FROM cur LEFT JOIN unit_at u ON u.unit_code = cur.unit_code "
    "LEFT JOIN off_at o ON o.officer_code = u.officer_code "
    "WHERE " TN__OFFICE_CUT("cur.unit_code") " AND (CAST(?4 AS TEXT) IS NULL OR cur.unit_code = ?4) "
    "ORDER BY cur.unit_code";

#define HIST_IDS                                                                                   \
    "WITH ids AS (SELECT period, max(id) AS id FROM unit_close "                                   \
    "             WHERE unit_code = ?1 AND period <= ?2 AND known_at <= ?3 GROUP BY period) "

static const char hist_sql[] = HIST_IDS
    "SELECT b.period, b.charge_bhyt, b.charge_bhtn, b.charge_bhxh, b.cum_interest_bhyt, "
    "       b.cum_interest_bhtn, b.cum_interest_bhxh "
    "FROM ids JOIN unit_close b ON b.id = ids.id ORDER BY b.period";

static const char alloc_sql[] = HIST_IDS
    "SELECT b.period, a.target_period, a.grp, a.part, sum(a.amount) "
    "FROM ids JOIN unit_close b ON b.id = ids.id JOIN alloc_line a ON a.close_id = b.id "
    "GROUP BY b.period, a.target_period, a.grp, a.part";

static const char lines_sql[] =
    "SELECT kind, sum(a0), sum(a1), sum(a2), sum(a3), sum(a4), sum(a5), sum(a6), sum(a7) "
    "FROM assess_line WHERE close_id = ?1 GROUP BY kind";
/* clang-format on */

static int group_of(const char *name)
{
    enum tn_group g;
    return tn_group_parse(name, &g) ? -1 : (int)g;
}

struct hist {
    struct tn_letter_owed *owed;
    size_t n, cap;
};

static struct tn_letter_owed *owed_at(struct hist *h, tn_period p)
{
    for (size_t i = 0; i < h->n; i++)
        if (h->owed[i].period == p)
            return &h->owed[i];
    TN_GROW(h->owed, h->cap, h->n + 1);
    struct tn_letter_owed *o = &h->owed[h->n++];
    memset(o, 0, sizeof *o);
    o->period = p;
    return o;
}

static int by_period(const void *a, const void *b)
{
    const struct tn_letter_owed *x = a, *y = b;
    return (x->period > y->period) - (x->period < y->period);
}

/* The statements split() runs for every unit, prepared once for all of them (a prepare per
 * unit and statement costs more than the queries; docs/performance.md). */
struct split_sql {
    tn_sql_stmt *hist, *alloc, *lines;
};

static tn_err split_prepare(struct tn__sq *s, struct split_sql *q)
{
    memset(q, 0, sizeof *q);
    tn_err err;
    if ((err = tn__store_prepare(s, hist_sql, &q->hist)) ||
        (err = tn__store_prepare(s, alloc_sql, &q->alloc)) ||
        (err = tn__store_prepare(s, lines_sql, &q->lines))) {
        tn_sql_finalize(q->hist);
        tn_sql_finalize(q->alloc);
        memset(q, 0, sizeof *q);
    }
    return err;
}

static void split_finalize(struct split_sql *q)
{
    tn_sql_finalize(q->hist);
    tn_sql_finalize(q->alloc);
    tn_sql_finalize(q->lines);
}

/* Resets st of q and binds ?1 unit, ?2 period and ?3 as_of (the history queries). */
static tn_sql_stmt *history_at(tn_sql_stmt *st, const char *unit, const char *p, const char *as_of)
{
    tn_sql_reset(st);
    tn_sql_bind_text(st, 1, unit, -1, TN_SQL_TRANSIENT);
    tn_sql_bind_text(st, 2, p, -1, TN_SQL_TRANSIENT);
    tn_sql_bind_text(st, 3, tn__at(as_of), -1, TN_SQL_TRANSIENT);
    return st;
}

/* Fills u's split by fund from the unit's ledger history up to period. */
static tn_err split(struct tn__sq *s, const struct split_sql *q, tn_period period,
                    const char *as_of, struct hist *h, struct tn_letter_unit *u)
{
    char p[TN_PERIOD_BUFSZ];
    tn_period_format(period, p);
    tn_money cum_int[TN_G_COUNT] = {0}, prev_int[TN_G_COUNT] = {0};
    tn_money paid_int[TN_G_COUNT] = {0};
    h->n = 0;
    tn_err err = TN_OK;
    tn_sql_stmt *st = history_at(q->hist, u->unit_code, p, as_of);
    int rc;
    while ((rc = tn_sql_step(st)) == TN_SQL_ROW) {
        tn_period r;
        if (tn_period_parse(tn__col_text(st, 0), &r))
            continue;
        struct tn_letter_owed *o = owed_at(h, r);
        for (int g = 0; g < TN_G_COUNT; g++) {
            o->principal[g] += tn_sql_column_int64(st, 1 + g);
            if (r == period)
                u->charge[g] = tn_sql_column_int64(st, 1 + g);
        }
        tn_money ci[TN_G_COUNT];
        for (int g = 0; g < TN_G_COUNT; g++)
            ci[g] = tn_sql_column_int64(st, 4 + g);
        if (r < period)
            memcpy(prev_int, ci, sizeof ci);
        memcpy(cum_int, ci, sizeof ci);
    }
    if (rc != TN_SQL_DONE)
        err = tn__store_fail(s, "read the ledger history");
    tn_sql_reset(st);
    if (err)
        return err;
    st = history_at(q->alloc, u->unit_code, p, as_of);
    while ((rc = tn_sql_step(st)) == TN_SQL_ROW) {
        tn_period closed, target;
        int g = group_of(tn__col_text(st, 2));
        if (g < 0 || tn_period_parse(tn__col_text(st, 0), &closed) ||
            tn_period_parse(tn__col_text(st, 1), &target))
            continue;
        int interest = strcmp(tn__col_text(st, 3), "interest") == 0;
        tn_money amount = tn_sql_column_int64(st, 4);
        if (interest)
            paid_int[g] += amount;
        else
            owed_at(h, target)->principal[g] -= amount;
        if (closed == period)
            u->paid[g] += amount;
    }
    if (rc != TN_SQL_DONE)
        err = tn__store_fail(s, "read the allocations");
    tn_sql_reset(st);
    if (err)
        return err;
    st = q->lines;
    tn_sql_reset(st);
    tn_sql_bind_int64(st, 1, u->bal.close_id);
    while ((rc = tn_sql_step(st)) == TN_SQL_ROW) {
        int adj = strcmp(tn__col_text(st, 0), "adjustment") == 0;
        for (int c = 0; c < TN_C_COUNT; c++) {
            enum tn_group g = tn_component_group((enum tn_component)c);
            (adj ? u->adjustment : u->assessed)[g] += tn_sql_column_int64(st, 1 + c);
        }
    }
    if (rc != TN_SQL_DONE)
        err = tn__store_fail(s, "read the assessment lines");
    tn_sql_reset(st);
    if (err)
        return err;
    tn_sort(h->owed, h->n, sizeof *h->owed, by_period);
    /* drop fully paid periods */
    size_t k = 0;
    tn_money principal[TN_G_COUNT] = {0};
    for (size_t i = 0; i < h->n; i++) {
        int any = 0;
        for (int g = 0; g < TN_G_COUNT; g++) {
            principal[g] += h->owed[i].principal[g];
            any |= h->owed[i].principal[g] != 0;
        }
        if (any)
            h->owed[k++] = h->owed[i];
    }
    h->n = k;
    tn_money sum_close = 0, sum_paid = 0, sum_charge = 0, sum_int = 0, sum_pd = 0, sum_as = 0;
    int lines_ok = 1;
    for (int g = 0; g < TN_G_COUNT; g++) {
        u->interest[g] = cum_int[g] - prev_int[g];
        u->interest_due[g] = cum_int[g] - paid_int[g];
        u->closing[g] = principal[g] + u->interest_due[g];
        u->opening[g] = u->closing[g] - u->charge[g] - u->interest[g] + u->paid[g];
        sum_close += u->closing[g];
        sum_paid += u->paid[g];
        sum_charge += u->charge[g];
        sum_int += u->interest[g];
        sum_pd += principal[g];
        sum_as += u->assessed[g];
        lines_ok &= u->assessed[g] + u->adjustment[g] == u->charge[g];
    }
    u->split_ok = sum_close == u->bal.closing && sum_paid == u->bal.paid &&
                  sum_charge == u->bal.assessed + u->bal.adjustment && sum_int == u->bal.interest &&
                  sum_pd == u->bal.principal_due && sum_as == u->bal.assessed && lines_ok;
    u->owed = h->owed;
    u->nowed = h->n;
    return TN_OK;
}

tn_err tn__sq_letter_units(struct tn__sq *s, const char *office, tn_period period,
                           const char *as_of, const struct tn_letter_filter *f,
                           tn_err (*row)(void *ctx, const struct tn_letter_unit *u), void *ctx)
{
    tn_sql_stmt *st;
    struct split_sql q;
    tn_err err = split_prepare(s, &q);
    if (err)
        return err;
    if ((err = tn__store_prepare_period(s, units_sql, period, as_of, &st))) {
        split_finalize(&q);
        return err;
    }
    tn__bind_office(st, office, as_of);
    tn__bind_text_or_null(st, 4, f ? f->unit : NULL);
    struct hist h = {0};
    struct tn_letter_unit *u = tn_xmalloc(sizeof *u);
    while (tn__store_next(s, st, &err, "read units for letters")) {
        memset(u, 0, sizeof *u);
        TN__COL_COPY(u->unit_code, st, 0);
        TN__COL_COPY(u->tax_code, st, 1);
        TN__COL_COPY(u->name, st, 2);
        TN__COL_COPY(u->address, st, 3);
        TN__COL_COPY(u->type, st, 4);
        TN__COL_COPY(u->status, st, 5);
        TN__COL_COPY(u->office_code, st, 6);
        TN__COL_COPY(u->officer_code, st, 7);
        TN__COL_COPY(u->officer_name, st, 8);
        u->payment_cycle = tn_sql_column_int(st, 9);
        struct tn_balance_row *b = &u->bal;
        snprintf(b->unit_code, sizeof b->unit_code, "%s", u->unit_code);
        b->period = period;
        tn__read_balance_figures(st, 10, b);
        if ((err = split(s, &q, period, as_of, &h, u)) || (err = row(ctx, u)))
            break;
    }
    tn_sql_finalize(st);
    split_finalize(&q);
    free(h.owed);
    free(u);
    return err;
}

tn_err tn_letter_overdue(const struct tn_policy *pol, const struct tn_letter_unit *u,
                         struct tn_letter_overdue *out)
{
    return tn_reminder_overdue(pol, u->bal.period, u->payment_cycle, u->owed, u->nowed, out);
}
