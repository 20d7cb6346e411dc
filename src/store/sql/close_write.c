/*
 * close_write.c - recording a unit's closed period: its unit_close row, assessment and
 * adjustment lines, interest lines, allocations, what the allocation leaves unpaid and
 * findings (schema.sql), from core's result (close_unit.h; the digest that tells a re-run
 * whether anything changed is core's). On PostgreSQL the lines carry their unit_code too, the
 * key their tables are partitioned by (pg_schema.sql): the last parameter of each line's
 * INSERT there.
 */
#include "close_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/mem.h"

/* The INSERT of each line table: SQLite's (schema.sql), PostgreSQL's with unit_code last. */
static const char *const line_sql[][2] = {
    {"INSERT INTO assess_line VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
     "?14, ?15, ?16, ?17)",
     "INSERT INTO assess_line (close_id, bhxh_code, for_period, kind, salary, base_si, base_ui, "
     "funds, rate_set, a0, a1, a2, a3, a4, a5, a6, a7, unit_code) VALUES (?1, ?2, ?3, ?4, ?5, "
     "?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)"},
    {"INSERT INTO interest_line VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
     "INSERT INTO interest_line (close_id, seq, grp, rule, accrual_month, from_day, to_day, days, "
     "principal, rate_ppm, amount, status, source, unit_code) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
     "?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"},
    {"INSERT INTO alloc_line VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
     "INSERT INTO alloc_line (close_id, txn_id, paid_on, target_period, grp, part, amount, "
     "unit_code) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"},
    {"INSERT INTO unpaid_line VALUES (?1, ?2, ?3, ?4)",
     "INSERT INTO unpaid_line (close_id, target_period, grp, amount, unit_code) VALUES (?1, ?2, "
     "?3, ?4, ?5)"},
    {"INSERT INTO finding VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
     "INSERT INTO finding (close_id, bhxh_code, for_period, kind, base, floor, source, "
     "unit_code) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"},
};

tn_err tn__close_prepare_writes(struct tn__close *c)
{
    int pg = tn_sql_kind(c->s->db) == TN_SQL_PG;
    tn_err err;
    if ((err = tn__store_prepare(
             c->s,
             "INSERT INTO unit_close (unit_code, period, run_id, known_at, digest, opening, "
             "assessed, adjustment, interest, paid, closing, principal_due, interest_due, "
             "months_owed_tenths, bucket, oldest_unpaid, legal_status, workers, charge_bhyt, "
             "charge_bhtn, charge_bhxh, cum_interest_bhyt, cum_interest_bhtn, "
             "cum_interest_bhxh, cum_paid, principal_overdue) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
             "?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, "
             "?24, ?25, ?26)",
             &c->ins_close)) ||
        (err = tn__store_prepare(c->s, line_sql[0][pg], &c->ins_line)) ||
        (err = tn__store_prepare(c->s, line_sql[1][pg], &c->ins_interest)) ||
        (err = tn__store_prepare(c->s, line_sql[2][pg], &c->ins_alloc)) ||
        (err = tn__store_prepare(c->s, line_sql[3][pg], &c->ins_unpaid)) ||
        (err = tn__store_prepare(c->s, line_sql[4][pg], &c->ins_finding)) ||
        (err = tn__store_prepare(c->s,
                                 "INSERT INTO rate_set (r0, r1, r2, r3, r4, r5, r6, r7, "
                                 "sources) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                 &c->ins_rates)))
        return err;
    return TN_OK;
}

void tn__close_finalize_writes(struct tn__close *c)
{
    tn_sql_finalize(c->ins_close);
    tn_sql_finalize(c->ins_line);
    tn_sql_finalize(c->ins_interest);
    tn_sql_finalize(c->ins_alloc);
    tn_sql_finalize(c->ins_unpaid);
    tn_sql_finalize(c->ins_finding);
    tn_sql_finalize(c->ins_rates);
}

static tn_err step_done(struct tn__close *c, tn_sql_stmt *st, const char *what)
{
    int rc = tn_sql_step(st);
    tn_sql_reset(st);
    return rc == TN_SQL_DONE ? TN_OK : tn__store_fail(c->s, what);
}

/* Binds "YYYY-MM"; written digit by digit because the close binds one per line and
 * snprintf showed in its profile. Periods come from the ledger: years 1900..9999. */
static void bind_period(tn_sql_stmt *st, int i, tn_period p)
{
    int y = p / 12, m = p % 12 + 1;
    char buf[TN_PERIOD_BUFSZ] = {(char)('0' + y / 1000),
                                 (char)('0' + y / 100 % 10),
                                 (char)('0' + y / 10 % 10),
                                 (char)('0' + y % 10),
                                 '-',
                                 (char)('0' + m / 10),
                                 (char)('0' + m % 10),
                                 '\0'};
    tn_sql_bind_text(st, i, buf, 7, TN_SQL_TRANSIENT);
}

static void bind_day(tn_sql_stmt *st, int i, tn_day d)
{
    char buf[TN_DAY_BUFSZ];
    tn_day_format(d, buf);
    tn_sql_bind_text(st, i, buf, -1, TN_SQL_TRANSIENT);
}

/* Binds the line's unit_code at i on PostgreSQL (line_sql); SQLite's lines have none. */
static void bind_unit(const struct tn__close *c, tn_sql_stmt *st, int i,
                      const struct tn__unit_work *w)
{
    if (tn_sql_kind(c->s->db) == TN_SQL_PG)
        tn_sql_bind_text(st, i, w->code, -1, TN_SQL_TRANSIENT);
}

/* The rate_set id for a line's rates and sources, recorded once per close. */
static tn_err rate_set(struct tn__close *c, const struct tn_close_line *l, long long *id)
{
    for (size_t i = 0; i < c->nrate_sets; i++) {
        if (memcmp(c->rate_sets[i].rate, l->rate, sizeof l->rate) == 0 &&
            memcmp(c->rate_sets[i].source, l->source, sizeof l->source) == 0) {
            *id = c->rate_sets[i].id;
            return TN_OK;
        }
    }
    char sources[2048];
    size_t o = 0;
    sources[0] = '\0';
    for (int k = 0; k < TN_C_COUNT && o < sizeof sources; k++)
        if (l->source[k])
            o += (size_t)snprintf(sources + o, sizeof sources - o, "%s%s=%s", o ? ";" : "",
                                  tn_component_name((enum tn_component)k), l->source[k]);
    for (int k = 0; k < TN_C_COUNT; k++)
        tn_sql_bind_int(c->ins_rates, 1 + k, l->rate[k]);
    tn_sql_bind_text(c->ins_rates, 9, sources, -1, TN_SQL_TRANSIENT);
    tn_err err = step_done(c, c->ins_rates, "record rate set");
    if (err)
        return err;
    TN_GROW(c->rate_sets, c->caprate_sets, c->nrate_sets + 1);
    memcpy(c->rate_sets[c->nrate_sets].rate, l->rate, sizeof l->rate);
    memcpy(c->rate_sets[c->nrate_sets].source, l->source, sizeof l->source);
    *id = c->rate_sets[c->nrate_sets++].id = tn_sql_last_insert_rowid(c->s->db);
    return TN_OK;
}

static tn_err write_lines(struct tn__close *c, const struct tn__unit_work *w, long long cid)
{
    tn_err err = TN_OK;
    for (size_t i = 0; i < w->out.nlines && !err; i++) {
        const struct tn_close_line *l = &w->out.lines[i];
        long long rs;
        if ((err = rate_set(c, l, &rs)))
            break;
        tn_sql_stmt *st = c->ins_line;
        tn_sql_bind_int64(st, 1, cid);
        tn_sql_bind_text(st, 2, l->bhxh, -1, TN_SQL_TRANSIENT);
        bind_period(st, 3, l->for_period);
        tn_sql_bind_text(st, 4, l->adjustment ? "adjustment" : "assessed", -1, TN_SQL_STATIC);
        tn_sql_bind_int64(st, 5, l->salary);
        tn_sql_bind_int64(st, 6, l->base_si);
        tn_sql_bind_int64(st, 7, l->base_ui);
        tn_sql_bind_int(st, 8, (int)l->funds);
        tn_sql_bind_int64(st, 9, rs);
        for (int k = 0; k < TN_C_COUNT; k++)
            tn_sql_bind_int64(st, 10 + k, l->amount[k]);
        bind_unit(c, st, 18, w);
        if ((err = step_done(c, st, "record assessment line")) || !l->below_floor)
            continue;
        st = c->ins_finding;
        tn_sql_bind_int64(st, 1, cid);
        tn_sql_bind_text(st, 2, l->bhxh, -1, TN_SQL_TRANSIENT);
        bind_period(st, 3, l->for_period);
        tn_sql_bind_text(st, 4, "below_floor", -1, TN_SQL_STATIC);
        tn_sql_bind_int64(st, 5, l->salary);
        tn_sql_bind_int64(st, 6, l->floor);
        tn_sql_bind_text(st, 7, l->floor_law ? l->floor_law : "", -1, TN_SQL_STATIC);
        bind_unit(c, st, 8, w);
        err = step_done(c, st, "record finding");
    }
    return err;
}

static tn_err write_interest(struct tn__close *c, const struct tn__unit_work *w, long long cid)
{
    tn_err err = TN_OK;
    int seq = 0;
    tn_sql_stmt *st = c->ins_interest;
    for (size_t i = 0; i < w->out.ninterest && !err; i++) {
        const struct tn_interest_item *it = w->out.interest[i];
        tn_sql_bind_int64(st, 1, cid);
        tn_sql_bind_int(st, 2, ++seq);
        tn_sql_bind_text(st, 3, tn_group_name(it->group), -1, TN_SQL_STATIC);
        tn_sql_bind_text(st, 4, it->rule == TN_INT_DAILY ? "daily" : "monthly_k", -1,
                         TN_SQL_STATIC);
        bind_period(st, 5, it->accrual_month);
        bind_day(st, 6, it->from);
        bind_day(st, 7, it->to);
        tn_sql_bind_int(st, 8, it->days);
        tn_sql_bind_int64(st, 9, it->principal);
        tn_sql_bind_int(st, 10, it->rate);
        tn_sql_bind_int64(st, 11, it->amount);
        tn_sql_bind_text(st, 12, it->missing_rate ? "rate_missing" : "ok", -1, TN_SQL_STATIC);
        char src[256];
        if (it->missing_rate)
            snprintf(src, sizeof src, "interest not computed: rate for %d missing (%s)", it->year,
                     it->source ? it->source : "");
        else
            snprintf(src, sizeof src, "%s", it->source ? it->source : "");
        tn_sql_bind_text(st, 13, src, -1, TN_SQL_TRANSIENT);
        bind_unit(c, st, 14, w);
        err = step_done(c, st, "record interest line");
    }
    /* interest of earlier months recomputed with what is known now (a payment recognised
     * late, a k loaded since): the difference is charged or credited in this period */
    for (int g = 0; g < TN_G_COUNT && !err; g++) {
        if (w->out.bal.correction[g] == 0)
            continue;
        tn_sql_bind_int64(st, 1, cid);
        tn_sql_bind_int(st, 2, ++seq);
        tn_sql_bind_text(st, 3, tn_group_name((enum tn_group)g), -1, TN_SQL_STATIC);
        tn_sql_bind_text(st, 4, "correction", -1, TN_SQL_STATIC);
        bind_period(st, 5, c->period - 1);
        tn_sql_bind_null(st, 6);
        tn_sql_bind_null(st, 7);
        tn_sql_bind_int(st, 8, 0);
        tn_sql_bind_int64(st, 9, 0);
        tn_sql_bind_int(st, 10, 0);
        tn_sql_bind_int64(st, 11, w->out.bal.correction[g]);
        tn_sql_bind_text(st, 12, "recomputed", -1, TN_SQL_STATIC);
        tn_sql_bind_text(st, 13, "interest of earlier months recomputed with what is known now", -1,
                         TN_SQL_STATIC);
        bind_unit(c, st, 14, w);
        err = step_done(c, st, "record interest correction");
    }
    return err;
}

static tn_err write_alloc(struct tn__close *c, const struct tn__unit_work *w, long long cid)
{
    tn_err err = TN_OK;
    tn_sql_stmt *st = c->ins_alloc;
    for (size_t i = 0; i < w->out.nalloc && !err; i++) {
        const struct tn_close_alloc *a = &w->out.alloc[i];
        tn_sql_bind_int64(st, 1, cid);
        tn_sql_bind_text(st, 2, a->txn, -1, TN_SQL_TRANSIENT);
        bind_day(st, 3, a->paid_on);
        bind_period(st, 4, a->target);
        tn_sql_bind_text(st, 5, tn_group_name(a->group), -1, TN_SQL_STATIC);
        tn_sql_bind_text(st, 6, a->interest ? "interest" : "principal", -1, TN_SQL_STATIC);
        tn_sql_bind_int64(st, 7, a->amount);
        bind_unit(c, st, 8, w);
        err = step_done(c, st, "record allocation");
    }
    return err;
}

/* The principal the ledger's allocation leaves unpaid at the period's end, per charge period
 * and group (ledger.h out_principal; docs/lists.md "Per-worker debt"): nonzero ones only. */
static tn_err write_unpaid(struct tn__close *c, const struct tn__unit_work *w, long long cid)
{
    const struct tn_ledger_result *r = &w->out.replay;
    tn_err err = TN_OK;
    tn_sql_stmt *st = c->ins_unpaid;
    for (size_t i = 0; i < r->nperiods * TN_G_COUNT && !err; i++) {
        if (r->out_principal[i] == 0)
            continue;
        tn_sql_bind_int64(st, 1, cid);
        bind_period(st, 2, w->out.replay_start + (tn_period)(i / TN_G_COUNT));
        tn_sql_bind_text(st, 3, tn_group_name((enum tn_group)(i % TN_G_COUNT)), -1, TN_SQL_STATIC);
        tn_sql_bind_int64(st, 4, r->out_principal[i]);
        bind_unit(c, st, 5, w);
        err = step_done(c, st, "record unpaid principal");
    }
    return err;
}

tn_err tn__close_write_unit(struct tn__close *c, struct tn__unit_work *w)
{
    const struct tn_close_balance *b = &w->out.bal;
    tn_sql_stmt *st = c->ins_close;
    tn_sql_bind_text(st, 1, w->code, -1, TN_SQL_TRANSIENT);
    bind_period(st, 2, c->period);
    tn_sql_bind_int64(st, 3, c->run_id);
    tn_sql_bind_text(st, 4, c->now, -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 5, w->out.digest, -1, TN_SQL_TRANSIENT);
    tn_money nums[] = {b->opening, b->assessed, b->adjustment,    b->interest,
                       b->paid,    b->closing,  b->principal_due, b->interest_due};
    for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++)
        tn_sql_bind_int64(st, 6 + (int)i, nums[i]);
    if (b->aging.months_owed_tenths < 0)
        tn_sql_bind_null(st, 14);
    else
        tn_sql_bind_int(st, 14, b->aging.months_owed_tenths);
    tn_sql_bind_text(st, 15, b->aging.bucket, -1, TN_SQL_STATIC);
    if (b->aging.oldest_unpaid < 0)
        tn_sql_bind_null(st, 16);
    else
        bind_period(st, 16, b->aging.oldest_unpaid);
    tn_sql_bind_text(st, 17, tn_legal_status_name(b->aging.status), -1, TN_SQL_STATIC);
    tn_sql_bind_int64(st, 18, b->workers);
    for (int g = 0; g < TN_G_COUNT; g++) {
        tn_sql_bind_int64(st, 19 + g, b->charge[g]);
        tn_sql_bind_int64(st, 22 + g, b->cum_interest[g]);
    }
    tn_sql_bind_int64(st, 25, b->cum_paid);
    /* the debt's principal (core's definition, aging.h "Debt"): reports read debt from it */
    struct tn_debt debt;
    tn_aging_debt(b->aging.overdue, b->principal_due, b->interest_due, &debt);
    tn_sql_bind_int64(st, 26, debt.principal);
    tn_err err = step_done(c, st, "record unit close");
    if (err)
        return err;
    long long cid = tn_sql_last_insert_rowid(c->s->db);
    if ((err = write_lines(c, w, cid)) || (err = write_interest(c, w, cid)) ||
        (err = write_alloc(c, w, cid)))
        return err;
    return write_unpaid(c, w, cid);
}
