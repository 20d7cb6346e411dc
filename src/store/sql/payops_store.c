/*
 * payops_store.c - payments operations in the store (payops.h): the units a memo may name,
 * assigning a payment in suspense (a new, versioned payment row, as an import with --update
 * would write it), the daily card-lock state and the workers of a unit. The books of
 * earmarked and leaving workers are in payops_books.c. Design: docs/payments-ops.md.
 */
#include "store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/aging.h"
#include "thuno/mem.h"
#include "thuno/payops.h"
#include "thuno/policy.h"

#define AT(t) t " WHERE known_at <= ?1 AND (superseded_at IS NULL OR superseded_at > ?1)"

tn_err tn__sq_payops_units(struct tn__sq *s, const char *as_of, struct tn_payops_unit **out,
                           size_t *n)
{
    tn_sql_stmt *st;
    tn_err err =
        tn__store_prepare(s,
                          "SELECT unit_code, tax_code, name, type, province_code, "
                          "coalesce(office_code, '') FROM " AT("unit") " ORDER BY unit_code",
                          &st);
    if (err)
        return err;
    tn_sql_bind_text(st, 1, tn__at(as_of), -1, TN_SQL_STATIC);
    struct tn_payops_unit *u = NULL;
    size_t cnt = 0, cap = 0;
    int rc;
    while ((rc = tn_sql_step(st)) == TN_SQL_ROW) {
        TN_GROW(u, cap, cnt + 1);
        struct tn_payops_unit *x = &u[cnt++];
        TN__COL_COPY(x->unit_code, st, 0);
        TN__COL_COPY(x->tax_code, st, 1);
        TN__COL_COPY(x->name, st, 2);
        TN__COL_COPY(x->type, st, 3);
        TN__COL_COPY(x->province, st, 4);
        TN__COL_COPY(x->office, st, 5);
    }
    tn_sql_finalize(st);
    if (rc != TN_SQL_DONE) {
        free(u);
        return tn__store_fail(s, "read units");
    }
    *out = u;
    *n = cnt;
    return TN_OK;
}

static tn_err step_done(struct tn__sq *s, tn_sql_stmt *st, const char *what)
{
    int rc = tn_sql_step(st);
    tn_sql_finalize(st);
    return rc == TN_SQL_DONE ? TN_OK : tn__store_fail(s, what);
}

static tn_err assign(struct tn__sq *s, const char *txn_id, const char *unit_code,
                     const struct tn_payops_assign *how)
{
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(s,
                                   "SELECT version, suspense IS NOT NULL FROM payment "
                                   "WHERE txn_id = ?1 AND superseded_at IS NULL",
                                   &st);
    if (err)
        return err;
    tn_sql_bind_text(st, 1, txn_id, -1, TN_SQL_STATIC);
    int rc = tn_sql_step(st);
    long long version = rc == TN_SQL_ROW ? tn_sql_column_int64(st, 0) : 0;
    int in_suspense = rc == TN_SQL_ROW && tn_sql_column_int(st, 1);
    tn_sql_finalize(st);
    if (rc != TN_SQL_ROW && rc != TN_SQL_DONE)
        return tn__store_fail(s, "read payment");
    if (rc == TN_SQL_DONE)
        return TN_ERR_NOT_FOUND;
    if (!in_suspense)
        return TN_ERR_STATE;
    if ((err = tn__store_prepare(s, "SELECT 1 FROM unit WHERE unit_code = ?1 LIMIT 1", &st)))
        return err;
    tn_sql_bind_text(st, 1, unit_code, -1, TN_SQL_STATIC);
    rc = tn_sql_step(st);
    tn_sql_finalize(st);
    if (rc != TN_SQL_ROW)
        return rc == TN_SQL_DONE ? TN_ERR_NOT_FOUND : tn__store_fail(s, "read unit");

    long long batch;
    if ((err = tn__store_batch(s, "payments", "(suspense matched in thuno)", how->now, 0, 1,
                               "record the batch", &batch)))
        return err;
    if ((err = tn__store_prepare(s,
                                 "UPDATE payment SET superseded_at = ?1 WHERE txn_id = ?2 AND "
                                 "version = ?3",
                                 &st)))
        return err;
    tn_sql_bind_text(st, 1, how->now, -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 2, txn_id, -1, TN_SQL_STATIC);
    tn_sql_bind_int64(st, 3, version);
    if ((err = step_done(s, st, "supersede the payment")))
        return err;
    if ((err = tn__store_prepare(
             s,
             "INSERT INTO payment (txn_id, version, known_at, superseded_at, batch_id, unit_code, "
             "paid_on, amount, channel, memo, bhxh_code, case_id, reverses, suspense) "
             "SELECT txn_id, version + 1, ?1, NULL, ?2, ?3, paid_on, amount, channel, memo, "
             "bhxh_code, case_id, reverses, NULL FROM payment WHERE txn_id = ?4 AND version = ?5",
             &st)))
        return err;
    tn_sql_bind_text(st, 1, how->now, -1, TN_SQL_STATIC);
    tn_sql_bind_int64(st, 2, batch);
    tn_sql_bind_text(st, 3, unit_code, -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 4, txn_id, -1, TN_SQL_STATIC);
    tn_sql_bind_int64(st, 5, version);
    if ((err = step_done(s, st, "write the payment")))
        return err;
    if ((err = tn__store_prepare(s,
                                 "INSERT INTO payment_match (txn_id, version, known_at, unit_code, "
                                 "method, confidence, reason, actor) VALUES (?1, ?2, ?3, ?4, ?5, "
                                 "?6, ?7, ?8)",
                                 &st)))
        return err;
    tn_sql_bind_text(st, 1, txn_id, -1, TN_SQL_STATIC);
    tn_sql_bind_int64(st, 2, version + 1);
    tn_sql_bind_text(st, 3, how->now, -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 4, unit_code, -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 5, how->method, -1, TN_SQL_STATIC);
    tn_sql_bind_int(st, 6, how->confidence);
    tn_sql_bind_text(st, 7, how->reason ? how->reason : "", -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 8, how->actor, -1, TN_SQL_STATIC);
    return step_done(s, st, "record the match");
}

tn_err tn__sq_suspense_assign(struct tn__sq *s, const char *txn_id, const char *unit_code,
                              const struct tn_payops_assign *how)
{
    tn_err err = tn__sq_begin(s);
    if (err)
        return err;
    if ((err = assign(s, txn_id, unit_code, how))) {
        tn__sq_rollback(s);
        return err;
    }
    return tn__sq_commit(s);
}

/* clang-format off */
/* ?1 period, ?2 as_of, ?3 the day (payments received by it); every unit (payops.h).
 * base: per unit, the balance as known of its latest period <= ?1.
 * A payment version counts since the close when the close could not have counted it: received
 * after the base period, or no version of it with this payer and out of suspense existed
 * when the close was written. Reversed payments and reversals are left out. */
static const char states_sql[] =
    "WITH base AS (SELECT * FROM ("
    "           SELECT unit_code, period, coalesce(months_owed_tenths, 0) AS tenths, "
    "           assessed, principal_due, " TN__DEBT("unit_close") " AS debt, known_at, id, "
    "           row_number() OVER (PARTITION BY unit_code ORDER BY period DESC, id DESC) AS rn "
    "           FROM unit_close WHERE period <= ?1 AND known_at <= ?2) x WHERE rn = 1), "
    TN__TABLE_AT("pay", "payment", "?2") ", " TN__TABLE_AT("unit_at", "unit", "?2") " "
    "SELECT base.unit_code, base.period, base.tenths, base.assessed, base.debt, "
    "  base.principal_due, coalesce(u.payment_cycle, 1), "
    "  (SELECT coalesce(sum(p.amount), 0) FROM pay p WHERE p.unit_code = base.unit_code "
    "     AND p.suspense IS NULL AND p.reverses IS NULL AND p.paid_on <= ?3 "
    "     AND p.txn_id NOT IN (SELECT reverses FROM pay WHERE reverses IS NOT NULL) "
    "     AND (p.paid_on > base.period || '-31' "
    "          OR NOT EXISTS (SELECT 1 FROM payment o WHERE o.txn_id = p.txn_id "
    "                         AND o.known_at <= base.known_at AND o.suspense IS NULL "
    "                         AND o.unit_code = p.unit_code))) "
    "FROM base LEFT JOIN unit_at u ON u.unit_code = base.unit_code ORDER BY base.unit_code";
/* clang-format on */

/* The state of r on day (docs/payments-ops.md "The state of a day"): the rule is core's
 * (tn_aging_pending, tn_aging_day_tenths); this adds the deadline of the pending principal. */
static tn_err day_tenths(const struct tn_policy *pol, tn_day day, tn_money principal_due, int cycle,
                         struct tn_card_state *r)
{
    r->pending = tn_aging_pending(r->monthly, principal_due, cycle, r->base_period);
    r->pending_due = -1;
    /* a pending principal without a deadline in policy is an error, never "not yet due" */
    tn_err err = r->pending ? tn_policy_deadline(pol, TN_G_BHXH, cycle, r->base_period,
                                                 &r->pending_due, NULL)
                            : TN_OK;
    if (err)
        return err;
    r->tenths = tn_aging_day_tenths(r->closed_tenths, r->monthly, r->debt, r->pending,
                                    r->pending_due, r->paid_since, day);
    return TN_OK;
}

tn_err tn__sq_card_states(struct tn__sq *s, const struct tn_policy *pol, tn_period period,
                          tn_day day, const char *as_of,
                          tn_err (*row)(void *ctx, const struct tn_card_state *r), void *ctx)
{
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare_period(s, states_sql, period, as_of, &st);
    if (err)
        return err;
    char d[TN_DAY_BUFSZ];
    tn_day_format(day, d);
    tn_sql_bind_text(st, 3, d, -1, TN_SQL_STATIC);
    struct tn_card_state r;
    while (tn__store_next(s, st, &err, "read card-lock states")) {
        memset(&r, 0, sizeof r);
        TN__COL_COPY(r.unit_code, st, 0);
        tn_period_parse(tn__col_text(st, 1), &r.base_period);
        r.closed_tenths = tn_sql_column_int(st, 2);
        r.monthly = tn_sql_column_int64(st, 3);
        r.debt = tn_sql_column_int64(st, 4);
        r.paid_since = tn_sql_column_int64(st, 7);
        if ((err =
                 day_tenths(pol, day, tn_sql_column_int64(st, 5), tn_sql_column_int(st, 6), &r)) ||
            (err = row(ctx, &r)))
            break;
    }
    tn_sql_finalize(st);
    return err;
}

tn_err tn__sq_unit_workers(struct tn__sq *s, const char *unit_code, tn_period period,
                           const char *as_of,
                           tn_err (*row)(void *ctx, const struct tn_unit_worker *r), void *ctx)
{
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(
        s,
        "WITH d AS (SELECT * FROM (SELECT bhxh_code, kind, row_number() OVER (PARTITION BY "
        "bhxh_code ORDER BY from_period DESC) AS rn FROM " AT(
            "declaration") " AND unit_code = ?2 AND from_period <= ?3) x WHERE rn = 1), "
                           "w AS (SELECT * FROM " AT(
                               "worker") ") "
                                         "SELECT d.bhxh_code, coalesce(w.full_name, '') FROM d "
                                         "LEFT JOIN w ON w.bhxh_code = "
                                         "d.bhxh_code WHERE d.kind != 'decrease' ORDER BY "
                                         "d.bhxh_code",
        &st);
    if (err)
        return err;
    char p[TN_PERIOD_BUFSZ];
    tn_period_format(period, p);
    tn_sql_bind_text(st, 1, tn__at(as_of), -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 2, unit_code, -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 3, p, -1, TN_SQL_STATIC);
    struct tn_unit_worker r;
    while (tn__store_next(s, st, &err, "read a unit's workers")) {
        memset(&r, 0, sizeof r);
        TN__COL_COPY(r.bhxh_code, st, 0);
        TN__COL_COPY(r.full_name, st, 1);
        if ((err = row(ctx, &r)))
            break;
    }
    tn_sql_finalize(st);
    return err;
}
