/*
 * lists_query.c - the special and public lists of lists.h: units no longer active and the
 * debt of each of their workers (issue 4 item 8), branches whose parent is managed elsewhere,
 * the cooperatives report of Decision 2422/QĐ-BHXH (seed 004), the units to praise and to name
 * in the media (seed 003; Law 41/2024/QH15 Art 35, 40). Design: docs/lists.md.
 */
#include "store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/aging.h"
#include "thuno/allocation.h"
#include "thuno/lists.h"
#include "thuno/mem.h"

/* clang-format off */
/* ?1 period, ?2 as_of */
#define CUR_AT TN__CLOSE_AT("cur", "?1", "?2", "") ", " TN__TABLE_AT("unit_at", "unit", "?2") " "

/* UNIT_NCOLS columns read by read_unit() */
#define UNIT_NCOLS 19
#define UNIT_COLS                                                                                  \
    "u.unit_code, u.name, u.tax_code, coalesce(u.address, ''), u.type, u.status, "                 \
    "coalesce(u.status_since, ''), coalesce(u.parent_code, ''), u.province_code, "                 \
    "coalesce(u.office_code, ''), coalesce(u.officer_code, ''), cur.id IS NOT NULL, "              \
    "coalesce(cur.months_owed_tenths, 0), coalesce(cur.principal_due, 0), "                        \
    "coalesce(cur.interest_due, 0), cur.oldest_unpaid, coalesce(cur.legal_status, ''), "           \
    "coalesce(cur.workers, 0), coalesce(" TN__OVERDUE("cur") ", 0) "

#define STATUS_ORDER                                                                               \
    "CASE u.status WHEN 'suspended' THEN 0 WHEN 'dissolved' THEN 1 WHEN 'bankrupt' THEN 2 "        \
    "WHEN 'absconded' THEN 3 ELSE 4 END"

/* ?4 type, ?5 inactive only, ?6 owing only; ?8 ?9 the office cut */
static const char list_sql[] =
    "WITH " CUR_AT "SELECT " UNIT_COLS
    "FROM unit_at u JOIN cur ON cur.unit_code = u.unit_code "
    "WHERE " TN__OFFICE_CUT("u.unit_code") " AND (CAST(?4 AS TEXT) IS NULL OR u.type = ?4) "
    "  AND (?5 = 0 OR u.status IN ('suspended', 'dissolved', 'bankrupt', 'absconded')) "
    "  AND (?6 = 0 OR " TN__OVERDUE("cur") " > 0) "
    "ORDER BY " STATUS_ORDER ", " TN__DEBT("cur") " DESC, u.unit_code";

/* ?8 ?9 the office cut */
static const char branch_sql[] =
    "WITH " TN__TABLE_AT("unit_at", "unit", "?2") " "
    "SELECT " UNIT_COLS ", coalesce(p.name, ''), coalesce(p.province_code, ''), "
    "       coalesce(p.office_code, ''), p.unit_code IS NULL "
    "FROM unit_at u " TN__JOIN_CLOSE("cur", "u.unit_code", "?1", "?2")
    TN__JOIN_AT("unit", "p", "p.unit_code = u.parent_code", "?2")
    "WHERE coalesce(u.parent_code, '') != '' AND " TN__OFFICE_CUT("u.unit_code") " "
    "  AND (p.unit_code IS NULL OR p.province_code != u.province_code "
    "       OR coalesce(p.office_code, '') != coalesce(u.office_code, '')) "
    "ORDER BY u.unit_code";

/* ?1 the last period, ?3 the year's first, ?8 ?9 the office cut: every month end of the year
 * up to ?1 with nothing overdue, no interest due, status current, and something assessed */
static const char praise_sql[] =
    "WITH " CUR_AT ", "
    TN__CLOSES_AT("yr", "period BETWEEN ?3 AND ?1", "?2", "") ", "
    "ok AS (SELECT unit_code, min(period) AS p0, count(*) AS n, "
    "              sum(assessed + adjustment) AS charged, sum(paid) AS paid FROM yr "
    "       GROUP BY unit_code "
    "       HAVING " TN__CLEAN_YEAR("", "?1") " AND sum(assessed + adjustment) > 0) "
    "SELECT " UNIT_COLS ", ok.p0, ok.n, ok.charged, ok.paid "
    "FROM ok JOIN unit_at u ON u.unit_code = ok.unit_code "
    "JOIN cur ON cur.unit_code = ok.unit_code "
    "WHERE " TN__OFFICE_CUT("u.unit_code") " "
    "ORDER BY u.unit_code";
/* clang-format on */

static tn_err prepare(struct tn__sq *s, const char *sql, tn_period period, const char *as_of,
                      tn_sql_stmt **out)
{
    return tn__store_prepare_period(s, sql, period, as_of, out);
}

static void read_unit(tn_sql_stmt *st, struct tn_list_unit *u)
{
    memset(u, 0, sizeof *u);
    TN__COL_COPY(u->unit_code, st, 0);
    TN__COL_COPY(u->name, st, 1);
    TN__COL_COPY(u->tax_code, st, 2);
    TN__COL_COPY(u->address, st, 3);
    TN__COL_COPY(u->type, st, 4);
    TN__COL_COPY(u->status, st, 5);
    TN__COL_COPY(u->status_since, st, 6);
    TN__COL_COPY(u->parent_code, st, 7);
    TN__COL_COPY(u->province_code, st, 8);
    TN__COL_COPY(u->office_code, st, 9);
    TN__COL_COPY(u->officer_code, st, 10);
    u->has_balance = tn_sql_column_int(st, 11);
    u->months_owed_tenths = tn_sql_column_int(st, 12);
    u->principal_due = tn_sql_column_int64(st, 13);
    u->interest_due = tn_sql_column_int64(st, 14);
    u->oldest_unpaid = tn__col_period(st, 15);
    TN__COL_COPY(u->legal_status, st, 16);
    u->workers = tn_sql_column_int64(st, 17);
    u->principal_overdue = tn_sql_column_int64(st, 18);
}

/* Steps st to its end, reading each row with one(); finalizes st. */
static tn_err each_row(struct tn__sq *s, tn_sql_stmt *st, const char *what,
                       tn_err (*one)(tn_sql_stmt *st, void *arg), void *arg)
{
    tn_err err = TN_OK;
    while (tn__store_next(s, st, &err, what))
        err = one(st, arg);
    tn_sql_finalize(st);
    return err;
}

struct unit_walk {
    tn_err (*row)(void *ctx, const struct tn_list_unit *u);
    void *ctx;
};

static tn_err unit_one(tn_sql_stmt *st, void *arg)
{
    const struct unit_walk *w = arg;
    struct tn_list_unit u;
    read_unit(st, &u);
    return w->row(w->ctx, &u);
}

tn_err tn__sq_list_units(struct tn__sq *s, const char *office, tn_period period, const char *as_of,
                         const struct tn_list_filter *f,
                         tn_err (*row)(void *ctx, const struct tn_list_unit *u), void *ctx)
{
    tn_sql_stmt *st;
    tn_err err = prepare(s, list_sql, period, as_of, &st);
    if (err)
        return err;
    tn__bind_office(st, office, as_of);
    tn__bind_text_or_null(st, 4, f->type);
    tn_sql_bind_int(st, 5, f->inactive_only);
    tn_sql_bind_int(st, 6, f->owing_only);
    struct unit_walk w = {row, ctx};
    return each_row(s, st, "read units", unit_one, &w);
}

/* ---- per-worker debt ---- */

struct worker_acc {
    char bhxh_code[16];
    tn_money debt;
    tn_period *periods;
    tn_money *owed; /* per period: the lines that cancel out leave 0 and are not named */
    size_t nperiods, capperiods, capowed;
};

struct worker_set {
    struct worker_acc *w;
    size_t n, cap;
};

static void add_line(struct worker_set *ws, const char *code, tn_period for_period, tn_money amt)
{
    size_t i = 0;
    while (i < ws->n && strcmp(ws->w[i].bhxh_code, code) != 0)
        i++;
    if (i == ws->n) {
        TN_GROW(ws->w, ws->cap, ws->n + 1);
        memset(&ws->w[i], 0, sizeof ws->w[i]);
        snprintf(ws->w[i].bhxh_code, sizeof ws->w[i].bhxh_code, "%s", code);
        ws->n++;
    }
    struct worker_acc *a = &ws->w[i];
    a->debt += amt;
    size_t k = 0;
    while (k < a->nperiods && a->periods[k] < for_period)
        k++;
    if (k < a->nperiods && a->periods[k] == for_period) {
        a->owed[k] += amt;
        return;
    }
    TN_GROW(a->periods, a->capperiods, a->nperiods + 1);
    TN_GROW(a->owed, a->capowed, a->nperiods + 1);
    memmove(&a->periods[k + 1], &a->periods[k], (a->nperiods - k) * sizeof *a->periods);
    memmove(&a->owed[k + 1], &a->owed[k], (a->nperiods - k) * sizeof *a->owed);
    a->periods[k] = for_period;
    a->owed[k] = amt;
    a->nperiods++;
}

static int by_code(const void *a, const void *b)
{
    return strcmp(((const struct worker_acc *)a)->bhxh_code,
                  ((const struct worker_acc *)b)->bhxh_code);
}

struct charge {
    long long close_id;
    tn_period period;
    tn_money charge[TN_G_COUNT];  /* charged to the period: its assessment and its adjustments */
    tn_money unpaid[TN_G_COUNT];  /* what the ledger's allocation leaves of it unpaid */
    tn_money covered[TN_G_COUNT]; /* while splitting: what of charge is paid, not yet spread */
    tn_money sum[TN_G_COUNT];     /* while splitting: the lines read */
};

/* The current close of each period up to ?1 as known at ?2, of unit ?3. */
#define CLOSE_IDS                                                                                  \
    "WITH ids AS (SELECT period, max(id) AS id FROM unit_close "                                   \
    "WHERE unit_code = ?3 AND period <= ?1 AND known_at <= ?2 GROUP BY period) "

/* Adds the unpaid part of the unit's lines to ws, period by period and group by group: each
 * line is charged to its for_period (an adjustment to the month it concerns, as the ledger
 * charges it: docs/ledger.md "Back-dated changes"); of a group the ledger left unpaid[g] of
 * charge[g], the first charge[g] - unpaid[g] đồng of the lines' amounts in that group, the
 * assessment first and then the adjustments in the order they were recognised, worker by
 * worker, are paid (tn_allocation_cover_line); a group wholly paid (or a negative one, which
 * the ledger made credit) is skipped. TN_ERR_STATE when the lines do not add up to the
 * periods' charges. */
static tn_err unpaid_lines(struct tn__sq *s, const char *unit_code, tn_period period,
                           const char *as_of, struct charge *c, size_t n, struct worker_set *ws)
{
    tn_sql_stmt *st;
    tn_err err = prepare(s,
                         CLOSE_IDS "SELECT l.bhxh_code, l.for_period, a0, a1, a2, a3, a4, a5, a6, "
                                   "a7 FROM ids JOIN assess_line l ON l.close_id = ids.id "
                                   "ORDER BY l.for_period, l.kind DESC, ids.period, l.bhxh_code",
                         period, as_of, &st);
    if (err)
        return err;
    tn_sql_bind_text(st, 3, unit_code, -1, TN_SQL_STATIC);
    for (size_t i = 0; i < n; i++)
        for (int g = 0; g < TN_G_COUNT; g++) {
            c[i].covered[g] = c[i].charge[g] - c[i].unpaid[g];
            c[i].sum[g] = 0;
        }
    int rc;
    size_t i = 0;
    while ((rc = tn_sql_step(st)) == TN_SQL_ROW) {
        tn_period fp;
        tn_period_parse(tn__col_text(st, 1), &fp);
        while (i < n && c[i].period < fp)
            i++;
        if (i == n || c[i].period != fp) {
            err = TN_ERR_STATE; /* a line for a period with no close */
            break;
        }
        tn_money amt[TN_G_COUNT] = {0}, unpaid = 0;
        for (int k = 0; k < TN_C_COUNT; k++)
            amt[tn_component_group((enum tn_component)k)] += tn_sql_column_int64(st, 2 + k);
        for (int g = 0; g < TN_G_COUNT; g++) {
            c[i].sum[g] += amt[g];
            if (c[i].unpaid[g] > 0)
                unpaid += tn_allocation_cover_line(amt[g], &c[i].covered[g]);
        }
        if (unpaid != 0)
            add_line(ws, tn__col_text(st, 0), fp, unpaid);
    }
    tn_sql_finalize(st);
    if (err)
        return err;
    if (rc != TN_SQL_DONE)
        return tn__store_fail(s, "read assessment lines");
    for (i = 0; i < n; i++)
        if (memcmp(c[i].sum, c[i].charge, sizeof c[i].sum) != 0)
            return TN_ERR_STATE;
    return TN_OK;
}

static void format_periods(const struct worker_acc *a, char *out, size_t outsz)
{
    char p[TN_PERIOD_BUFSZ], q[TN_PERIOD_BUFSZ];
    out[0] = '\0';
    if (a->nperiods * 8 >= outsz) {
        tn_period_format(a->periods[0], p);
        tn_period_format(a->periods[a->nperiods - 1], q);
        snprintf(out, outsz, "%s..%s", p, q);
        return;
    }
    size_t len = 0;
    for (size_t i = 0; i < a->nperiods; i++) {
        tn_period_format(a->periods[i], p);
        len += (size_t)snprintf(out + len, outsz - len, "%s%s", i ? ";" : "", p);
    }
}

/* The worker's name as known at as_of into out, "" when the worker is not known.
 * Errors: TN_ERR_STORE. */
static tn_err worker_name(struct tn__sq *s, const char *code, const char *as_of, char *out,
                          size_t outsz)
{
    tn_sql_stmt *st;
    int found;
    out[0] = '\0';
    tn_err err = tn__store_prepare_at(
        s, "SELECT full_name FROM worker WHERE bhxh_code = ?1 AND " TN__KNOWN_AT("?2"), code, as_of,
        &st);
    if (err)
        return err;
    if (!(err = tn__store_step_one(s, st, &found, "read a worker's name")) && found)
        snprintf(out, outsz, "%s", tn__col_text(st, 0));
    tn_sql_finalize(st);
    return err;
}

/* Reads the unit's charges of every period up to period (oldest first), per group, from the
 * lines of the current closes as known at as_of charged to each (docs/ledger.md "Back-dated
 * changes"), and the principal due at period's end and its close. */
static tn_err read_charges(struct tn__sq *s, const char *unit_code, tn_period period,
                           const char *as_of, struct charge **out, size_t *n, tn_money *due)
{
    tn_sql_stmt *st;
    tn_err err = prepare(s,
                         "WITH ids AS (SELECT period, max(id) AS id FROM unit_close "
                         "WHERE unit_code = ?3 AND period <= ?1 AND known_at <= ?2 "
                         "GROUP BY period) SELECT c.id, c.period, c.charge_bhyt, c.charge_bhtn, "
                         "c.charge_bhxh, c.principal_due FROM ids JOIN unit_close c "
                         "ON c.id = ids.id ORDER BY c.period",
                         period, as_of, &st);
    if (err)
        return err;
    tn_sql_bind_text(st, 3, unit_code, -1, TN_SQL_STATIC);
    struct charge *c = NULL;
    size_t cap = 0, k = 0;
    int rc;
    tn_period last = -1;
    while ((rc = tn_sql_step(st)) == TN_SQL_ROW) {
        TN_GROW(c, cap, k + 1);
        memset(&c[k], 0, sizeof c[k]);
        c[k].close_id = tn_sql_column_int64(st, 0);
        tn_period_parse(tn__col_text(st, 1), &c[k].period);
        /* the columns follow enum tn_group: BHYT, BHTN, BHXH */
        for (int g = 0; g < TN_G_COUNT; g++)
            c[k].charge[g] = tn_sql_column_int64(st, 2 + g);
        *due = tn_sql_column_int64(st, 5);
        last = c[k++].period;
    }
    tn_sql_finalize(st);
    if (rc != TN_SQL_DONE) {
        free(c);
        return tn__store_fail(s, "read balances");
    }
    if (last != period) {
        free(c);
        return TN_ERR_NOT_FOUND;
    }
    /* what is charged to each period: its lines by for_period, whichever close has them */
    if ((err = prepare(s,
                       CLOSE_IDS "SELECT l.for_period, sum(a0), sum(a1), sum(a2), sum(a3), "
                                 "sum(a4), sum(a5), sum(a6), sum(a7) FROM ids JOIN assess_line l "
                                 "ON l.close_id = ids.id GROUP BY l.for_period",
                       period, as_of, &st))) {
        free(c);
        return err;
    }
    tn_sql_bind_text(st, 3, unit_code, -1, TN_SQL_STATIC);
    for (size_t i = 0; i < k; i++)
        memset(c[i].charge, 0, sizeof c[i].charge);
    while ((rc = tn_sql_step(st)) == TN_SQL_ROW) {
        tn_period fp;
        tn_period_parse(tn__col_text(st, 0), &fp);
        size_t i = 0;
        while (i < k && c[i].period != fp)
            i++;
        for (int x = 0; x < TN_C_COUNT && i < k; x++)
            c[i].charge[tn_component_group((enum tn_component)x)] += tn_sql_column_int64(st, 1 + x);
    }
    tn_sql_finalize(st);
    if (rc != TN_SQL_DONE) {
        free(c);
        return tn__store_fail(s, "read charges");
    }
    *out = c;
    *n = k;
    return TN_OK;
}

/* Reads what the ledger's allocation left unpaid at the close of c[n - 1] (unpaid_line) into
 * c[i].unpaid. TN_ERR_STATE when it does not add up to due (a close recorded before
 * unpaid_line existed: close the period again). */
static tn_err read_unpaid(struct tn__sq *s, struct charge *c, size_t n, tn_money due,
                          struct worker_set *ws)
{
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(s,
                                   "SELECT target_period, grp, amount FROM unpaid_line "
                                   "WHERE close_id = ?1",
                                   &st);
    if (err)
        return err;
    tn_sql_bind_int64(st, 1, c[n - 1].close_id);
    int rc;
    tn_money sum = 0;
    while ((rc = tn_sql_step(st)) == TN_SQL_ROW) {
        tn_period p;
        enum tn_group g;
        if (tn_period_parse(tn__col_text(st, 0), &p) || tn_group_parse(tn__col_text(st, 1), &g)) {
            err = TN_ERR_STATE;
            break;
        }
        size_t i = 0;
        while (i < n && c[i].period != p)
            i++;
        sum += tn_sql_column_int64(st, 2);
        if (i == n && p < c[0].period) {
            /* an opening balance (docs/ledger.md "Opening balances"): no worker's lines */
            add_line(ws, "", p, tn_sql_column_int64(st, 2));
            continue;
        }
        if (i == n) {
            err = TN_ERR_STATE; /* a period with no close as known at as_of */
            break;
        }
        c[i].unpaid[g] += tn_sql_column_int64(st, 2);
    }
    tn_sql_finalize(st);
    if (err)
        return err;
    if (rc != TN_SQL_DONE)
        return tn__store_fail(s, "read unpaid principal");
    return sum == due ? TN_OK : TN_ERR_STATE;
}

tn_err tn__sq_worker_debts(struct tn__sq *s, const char *unit_code, tn_period period,
                           const char *as_of,
                           tn_err (*row)(void *ctx, const struct tn_worker_debt *w), void *ctx)
{
    struct charge *c = NULL;
    size_t n = 0;
    tn_money due = 0;
    tn_err err = read_charges(s, unit_code, period, as_of, &c, &n, &due);
    if (err)
        return err;
    struct worker_set ws = {0};
    /* nothing due: the ledger's credit (if any) has paid every charge */
    if (due > 0)
        err = read_unpaid(s, c, n, due, &ws);
    if (due > 0 && !err)
        err = unpaid_lines(s, unit_code, period, as_of, c, n, &ws);
    if (!err && ws.n)
        tn_sort(ws.w, ws.n, sizeof *ws.w, by_code);
    struct tn_worker_debt w;
    for (size_t i = 0; i < ws.n && !err; i++) {
        if (ws.w[i].debt == 0)
            continue; /* lines that cancel out (a decrease after the charge) owe nothing */
        memset(&w, 0, sizeof w);
        snprintf(w.bhxh_code, sizeof w.bhxh_code, "%s", ws.w[i].bhxh_code);
        if (!w.bhxh_code[0]) /* sorted first: what was owed at the cut-over, by no worker */
            snprintf(w.full_name, sizeof w.full_name,
                     "số dư đầu kỳ (chuyển đổi) / opening balance (go-live)");
        else if ((err = worker_name(s, w.bhxh_code, as_of, w.full_name, sizeof w.full_name)))
            break;
        w.debt = ws.w[i].debt;
        struct worker_acc *a = &ws.w[i];
        size_t k = 0;
        for (size_t j = 0; j < a->nperiods; j++)
            if (a->owed[j] != 0)
                a->periods[k++] = a->periods[j];
        a->nperiods = k;
        w.nperiods = (int)a->nperiods;
        format_periods(&ws.w[i], w.periods, sizeof w.periods);
        err = row(ctx, &w);
    }
    for (size_t i = 0; i < ws.n; i++) {
        free(ws.w[i].periods);
        free(ws.w[i].owed);
    }
    free(ws.w);
    free(c);
    return err;
}

/* ---- branches ---- */

struct branch_walk {
    tn_err (*row)(void *ctx, const struct tn_branch_row *r);
    void *ctx;
};

static tn_err branch_one(tn_sql_stmt *st, void *arg)
{
    const struct branch_walk *w = arg;
    struct tn_branch_row r;
    memset(&r, 0, sizeof r);
    read_unit(st, &r.u);
    TN__COL_COPY(r.parent_name, st, UNIT_NCOLS);
    TN__COL_COPY(r.parent_province, st, UNIT_NCOLS + 1);
    TN__COL_COPY(r.parent_office, st, UNIT_NCOLS + 2);
    r.reason = tn_sql_column_int(st, UNIT_NCOLS + 3)               ? "parent_unknown"
               : strcmp(r.parent_province, r.u.province_code) != 0 ? "other_province"
                                                                   : "other_office";
    return w->row(w->ctx, &r);
}

tn_err tn__sq_branches(struct tn__sq *s, const char *office, tn_period period, const char *as_of,
                       tn_err (*row)(void *ctx, const struct tn_branch_row *r), void *ctx)
{
    tn_sql_stmt *st;
    tn_err err = prepare(s, branch_sql, period, as_of, &st);
    if (err)
        return err;
    tn__bind_office(st, office, as_of);
    struct branch_walk w = {row, ctx};
    return each_row(s, st, "read branches", branch_one, &w);
}

tn_err tn__sq_last_closed(struct tn__sq *s, int year, const char *as_of, tn_period *out)
{
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(s,
                                   "SELECT max(period) FROM unit_close WHERE period BETWEEN ?1 "
                                   "AND ?2 AND known_at <= ?3",
                                   &st);
    if (err)
        return err;
    char first[TN_PERIOD_BUFSZ], last[TN_PERIOD_BUFSZ];
    snprintf(first, sizeof first, "%04d-01", year);
    snprintf(last, sizeof last, "%04d-12", year);
    tn_sql_bind_text(st, 1, first, -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 2, last, -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 3, tn__at(as_of), -1, TN_SQL_STATIC);
    int rc = tn_sql_step(st);
    err = rc != TN_SQL_ROW                            ? tn__store_fail(s, "read periods")
          : tn_sql_column_type(st, 0) == TN_SQL_NULL  ? TN_ERR_NOT_FOUND
          : tn_period_parse(tn__col_text(st, 0), out) ? TN_ERR_STATE
                                                      : TN_OK;
    tn_sql_finalize(st);
    return err;
}

/* ---- cooperatives (seed 004) ---- */

struct coop_acc {
    struct tn__sq *s;
    tn_period period;
    const char *as_of;
    struct tn_coop_row *rows;
    size_t n, cap;
};

static tn_err count_worker(void *ctx, const struct tn_worker_debt *w)
{
    (void)w;
    ++*(long long *)ctx;
    return TN_OK;
}

static tn_err coop_one(void *ctx, const struct tn_list_unit *u)
{
    struct coop_acc *a = ctx;
    size_t i = 0;
    while (i < a->n && strcmp(a->rows[i].office_code, u->office_code) != 0)
        i++;
    if (i == a->n) {
        TN_GROW(a->rows, a->cap, a->n + 1);
        memset(&a->rows[i], 0, sizeof a->rows[i]);
        snprintf(a->rows[i].office_code, sizeof a->rows[i].office_code, "%s", u->office_code);
        a->n++;
    }
    struct tn_coop_row *r = &a->rows[i];
    /* debt: past its deadline (docs/ledger.md "Debt"); owing: some principal past it */
    struct tn_debt d;
    tn_aging_debt(u->principal_overdue, u->principal_due, u->interest_due, &d);
    tn_money debt = d.total;
    int owing = d.principal > 0;
    if (strcmp(u->status, "active") == 0) {
        r->active++;
        /* LAW: Decision 2422/QĐ-BHXH Annex item 2: owing 1 month and more, 3 months and more */
        if (u->months_owed_tenths >= 10) {
            r->owing1_units++;
            r->owing1_debt += debt;
        }
        if (u->months_owed_tenths >= 30) {
            r->owing3_units++;
            r->owing3_debt += debt;
        }
    } else if (strcmp(u->status, "suspended") == 0 && owing) {
        r->suspended_units++;
        r->suspended_debt += debt;
    } else if ((strcmp(u->status, "dissolved") == 0 || strcmp(u->status, "bankrupt") == 0) &&
               owing) {
        r->ended_units++;
        r->ended_debt += debt;
        return tn__sq_worker_debts(a->s, u->unit_code, a->period, a->as_of, count_worker,
                                   &r->ended_workers);
    }
    return TN_OK;
}

static int by_office(const void *a, const void *b)
{
    return strcmp(((const struct tn_coop_row *)a)->office_code,
                  ((const struct tn_coop_row *)b)->office_code);
}

tn_err tn__sq_cooperatives(struct tn__sq *s, const char *office, tn_period period,
                           const char *as_of, tn_err (*row)(void *ctx, const struct tn_coop_row *r),
                           void *ctx)
{
    struct coop_acc a = {s, period, as_of, NULL, 0, 0};
    struct tn_list_filter f = {"cooperative", 0, 0};
    tn_err err = tn__sq_list_units(s, office, period, as_of, &f, coop_one, &a);
    if (!err && a.n)
        tn_sort(a.rows, a.n, sizeof *a.rows, by_office);
    for (size_t i = 0; i < a.n && !err; i++)
        err = row(ctx, &a.rows[i]);
    free(a.rows);
    return err;
}

/* ---- public lists (seed 003) ---- */

struct praise_walk {
    tn_period to;
    tn_err (*row)(void *ctx, const struct tn_praise_row *r);
    void *ctx;
};

static tn_err praise_one(tn_sql_stmt *st, void *arg)
{
    const struct praise_walk *w = arg;
    struct tn_praise_row r;
    memset(&r, 0, sizeof r);
    read_unit(st, &r.u);
    tn_period_parse(tn__col_text(st, UNIT_NCOLS), &r.from);
    r.to = w->to;
    r.months = tn_sql_column_int(st, UNIT_NCOLS + 1);
    r.assessed = tn_sql_column_int64(st, UNIT_NCOLS + 2);
    r.paid = tn_sql_column_int64(st, UNIT_NCOLS + 3);
    return w->row(w->ctx, &r);
}

tn_err tn__sq_praise(struct tn__sq *s, const char *office, tn_period to, const char *as_of,
                     tn_err (*row)(void *ctx, const struct tn_praise_row *r), void *ctx)
{
    tn_sql_stmt *st;
    tn_err err = prepare(s, praise_sql, to, as_of, &st);
    if (err)
        return err;
    char first[TN_PERIOD_BUFSZ];
    tn_period_format(to - to % 12, first);
    tn_sql_bind_text(st, 3, first, -1, TN_SQL_TRANSIENT);
    tn__bind_office(st, office, as_of);
    struct praise_walk w = {to, row, ctx};
    return each_row(s, st, "read the year's balances", praise_one, &w);
}

struct name_walk {
    int threshold;
    tn_err (*row)(void *ctx, const struct tn_list_unit *u, const char *reason);
    void *ctx;
};

static tn_err name_one(void *ctx, const struct tn_list_unit *u)
{
    const struct name_walk *w = ctx;
    /* LAW: Law 41/2024/QH15 Art 40: evading units, and late ones past the office's threshold */
    if (strcmp(u->legal_status, "evading") == 0)
        return w->row(w->ctx, u, "evading");
    if (strcmp(u->legal_status, "late") == 0 && u->months_owed_tenths >= w->threshold)
        return w->row(w->ctx, u, "late");
    return TN_OK;
}

tn_err tn__sq_public_name(
    struct tn__sq *s, const char *office, tn_period period, const char *as_of, int threshold_tenths,
    tn_err (*row)(void *ctx, const struct tn_list_unit *u, const char *reason), void *ctx)
{
    struct tn_list_filter f = {NULL, 0, 1};
    struct name_walk w = {threshold_tenths, row, ctx};
    return tn__sq_list_units(s, office, period, as_of, &f, name_one, &w);
}
