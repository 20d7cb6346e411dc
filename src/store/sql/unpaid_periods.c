/*
 * unpaid_periods.c - a unit's unpaid charge periods from the ledger's unpaid_line
 * (unpaid_periods.h; docs/ledger.md "Back-dated changes", "Opening balances"): the periods
 * are those the principal is charged to (a back-dated change to the month it concerns, an
 * opening balance to its own period), never the month that recorded the charge.
 */
#include "unpaid_periods.h"

#include <stdlib.h>
#include <string.h>

#include "thuno/mem.h"

/* ?1 unit, ?2 last period, ?3 as_of: the current close of each period */
#define IDS                                                                                        \
    "WITH ids AS (SELECT period, max(id) AS id FROM unit_close WHERE unit_code = ?1 AND "          \
    "period <= ?2 AND known_at <= ?3 GROUP BY period) "

void tn__unpaid_set_release(struct tn__unpaid_set *set)
{
    free(set->p);
    memset(set, 0, sizeof *set);
}

/* The period p of set, NULL when it has none (set is sorted by period). */
static struct tn_art216_period *find(struct tn__unpaid_set *set, tn_period p)
{
    size_t lo = 0, hi = set->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (set->p[mid].period < p)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < set->n && set->p[lo].period == p ? &set->p[lo] : NULL;
}

static tn_err read_lines(struct tn__sq *s, int64_t close_id, tn_money due,
                         struct tn__unpaid_set *set)
{
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(s,
                                   "SELECT target_period, grp, amount FROM unpaid_line "
                                   "WHERE close_id = ?1 ORDER BY target_period",
                                   &st);
    if (err)
        return err;
    tn_sql_bind_int64(st, 1, close_id);
    tn_money sum = 0;
    int rc;
    while ((rc = tn_sql_step(st)) == TN_SQL_ROW) {
        tn_period p;
        enum tn_group g;
        if (tn_period_parse(tn__col_text(st, 0), &p) || tn_group_parse(tn__col_text(st, 1), &g)) {
            err = TN_ERR_STATE;
            break;
        }
        if (set->n == 0 || set->p[set->n - 1].period != p) {
            TN_GROW(set->p, set->cap, set->n + 1);
            memset(&set->p[set->n], 0, sizeof set->p[set->n]);
            set->p[set->n++].period = p;
        }
        tn_money a = tn_sql_column_int64(st, 2);
        set->p[set->n - 1].unpaid[g] += a;
        sum += a;
    }
    tn_sql_finalize(st);
    if (err)
        return err;
    if (rc != TN_SQL_DONE)
        return tn__store_fail(s, "read unpaid principal");
    return sum == due ? TN_OK : TN_ERR_STATE;
}

static tn_err bind3(struct tn__sq *s, const char *sql, const char *unit, const char *per,
                    const char *as_of, tn_sql_stmt **st)
{
    tn_err err = tn__store_prepare(s, sql, st);
    if (err)
        return err;
    tn_sql_bind_text(*st, 1, unit, -1, TN_SQL_STATIC);
    tn_sql_bind_text(*st, 2, per, -1, TN_SQL_STATIC);
    tn_sql_bind_text(*st, 3, as_of, -1, TN_SQL_STATIC);
    return TN_OK;
}

/* The workers of each period's close (0 for a period before the ledger: an opening balance). */
static tn_err read_workers(struct tn__sq *s, const char *unit, const char *per, const char *as_of,
                           struct tn__unpaid_set *set)
{
    tn_sql_stmt *st;
    tn_err err = bind3(s,
                       IDS "SELECT c.period, c.workers FROM ids JOIN unit_close c ON c.id = ids.id "
                           "WHERE c.period >= ?4",
                       unit, per, as_of, &st);
    if (err)
        return err;
    char first[TN_PERIOD_BUFSZ];
    tn_period_format(set->p[0].period, first);
    tn_sql_bind_text(st, 4, first, -1, TN_SQL_STATIC);
    int rc;
    while ((rc = tn_sql_step(st)) == TN_SQL_ROW) {
        tn_period p;
        struct tn_art216_period *x;
        if (!tn_period_parse(tn__col_text(st, 0), &p) && (x = find(set, p)))
            x->workers = (long)tn_sql_column_int64(st, 1);
    }
    tn_sql_finalize(st);
    return rc == TN_SQL_DONE ? TN_OK : tn__store_fail(s, "read the periods' workers");
}

/* The back-dated increases charged to each period: per recognising close and group, the
 * positive part of its adjustment lines for the period (as the close's replay sums them:
 * close_unit.c move_adjustment). */
static tn_err read_back(struct tn__sq *s, const char *unit, const char *per, const char *as_of,
                        struct tn__unpaid_set *set)
{
    tn_sql_stmt *st;
    tn_err err = bind3(s,
                       IDS "SELECT l.for_period, sum(a0), sum(a1), sum(a2), sum(a3), sum(a4), "
                           "sum(a5), sum(a6), sum(a7) FROM ids JOIN assess_line l "
                           "ON l.close_id = ids.id WHERE l.kind = 'adjustment' "
                           "AND l.for_period < ids.period GROUP BY ids.period, l.for_period",
                       unit, per, as_of, &st);
    if (err)
        return err;
    int rc;
    while ((rc = tn_sql_step(st)) == TN_SQL_ROW) {
        tn_period p;
        struct tn_art216_period *x;
        if (tn_period_parse(tn__col_text(st, 0), &p) || !(x = find(set, p)))
            continue; /* a period wholly paid */
        tn_money sum[TN_G_COUNT] = {0};
        for (int k = 0; k < TN_C_COUNT; k++)
            sum[tn_component_group((enum tn_component)k)] += tn_sql_column_int64(st, 1 + k);
        for (int g = 0; g < TN_G_COUNT; g++)
            if (sum[g] > 0)
                x->back[g] += sum[g];
    }
    tn_sql_finalize(st);
    return rc == TN_SQL_DONE ? TN_OK : tn__store_fail(s, "read the back-dated increases");
}

tn_err tn__sq_unpaid_periods(struct tn__sq *s, const char *unit, int64_t close_id, tn_money due,
                             const char *per, const char *as_of, struct tn__unpaid_set *set)
{
    set->n = 0;
    if (due <= 0)
        return TN_OK;
    tn_err err = read_lines(s, close_id, due, set);
    if (!err && set->n)
        err = read_workers(s, unit, per, as_of, set);
    if (!err && set->n)
        err = read_back(s, unit, per, as_of, set);
    if (err)
        set->n = 0;
    return err;
}
