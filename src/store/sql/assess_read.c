/*
 * assess_read.c - the rows a unit's assessment is computed from (assess_store.h; the what-if,
 * docs/whatif.md): units in unit_code order, their current declarations from one cursor
 * merge-joined on unit_code, as the close reads them (close.c), so each table is read once.
 * Only SELECTs: it runs on a store opened read-only.
 */
#include "store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/assess_store.h"
#include "thuno/mem.h"

/* clang-format off */
/* ?1 the last day of the last period, ?2 the office (NULL: every unit) */
static const char units_sql[] =
    "SELECT unit_code, type, wage_region, payment_cycle, registered_on, "
    "       coalesce(office_code, '') FROM unit "
    "WHERE superseded_at IS NULL AND registered_on <= ?1 "
    "  AND (CAST(?2 AS TEXT) IS NULL OR coalesce(office_code, '') = ?2) ORDER BY unit_code";
/* ?1 the last period, ?2 the office (NULL: every unit) */
static const char decls_sql[] =
    "SELECT unit_code, bhxh_code, from_period, kind, salary, funds, declared_on, known_at "
    "FROM declaration WHERE superseded_at IS NULL AND from_period <= ?1 "
    "  AND (CAST(?2 AS TEXT) IS NULL OR unit_code IN (SELECT unit_code FROM unit WHERE superseded_at IS NULL "
    "       AND coalesce(office_code, '') = ?2)) "
    "ORDER BY unit_code, bhxh_code, from_period";
/* clang-format on */

struct reader {
    struct tn_close_decl *decls;
    size_t ndecls, capdecls;
};

/* Reads the cursor's rows of unit code into r (the cursor is sorted by unit_code; rc is its
 * last step, its current row the first candidate). */
static void load_decls(struct reader *r, tn_sql_stmt *st, int *rc, const char *code)
{
    r->ndecls = 0;
    while (*rc == TN_SQL_ROW && strcmp(tn__col_text(st, 0), code) < 0)
        *rc = tn_sql_step(st);
    for (; *rc == TN_SQL_ROW && strcmp(tn__col_text(st, 0), code) == 0; *rc = tn_sql_step(st)) {
        TN_GROW(r->decls, r->capdecls, r->ndecls + 1);
        struct tn_close_decl *d = &r->decls[r->ndecls++];
        TN__COL_COPY(d->bhxh, st, 1);
        d->from = tn__col_period(st, 2);
        d->decrease = strcmp(tn__col_text(st, 3), "decrease") == 0;
        d->salary = tn_sql_column_int64(st, 4);
        d->funds = (unsigned)tn_sql_column_int(st, 5);
        d->declared_on = tn__col_day(st, 6);
        TN__COL_COPY(d->known_at, st, 7);
    }
}

tn_err tn__sq_assess_units(struct tn__sq *s, const char *office, tn_period last,
                           tn_err (*row)(void *ctx, const struct tn_assess_unit *u), void *ctx)
{
    char pbuf[TN_PERIOD_BUFSZ], last_day[TN_DAY_BUFSZ];
    if (tn_period_format(last, pbuf))
        return TN_ERR_RANGE;
    tn_day_format(tn_period_last_day(last), last_day);
    tn_sql_stmt *units = NULL, *decls = NULL;
    struct reader r = {0};
    tn_err err;
    if ((err = tn__store_prepare(s, units_sql, &units)) ||
        (err = tn__store_prepare(s, decls_sql, &decls)))
        goto done;
    tn_sql_bind_text(units, 1, last_day, -1, TN_SQL_STATIC);
    tn_sql_bind_text(decls, 1, pbuf, -1, TN_SQL_STATIC);
    tn__bind_text_or_null(units, 2, office);
    tn__bind_text_or_null(decls, 2, office);
    int rcd = tn_sql_step(decls), rc = TN_SQL_DONE;
    while (!err && (rc = tn_sql_step(units)) == TN_SQL_ROW) {
        /* unit_code, type, wage_region, payment_cycle, registered_on, office */
        char code[TN_CLOSE_CODE_MAX], type[16], off[32];
        TN__COL_COPY(code, units, 0);
        TN__COL_COPY(type, units, 1);
        TN__COL_COPY(off, units, 5);
        struct tn_assess_unit u = {.code = code, .office = off, .type = type};
        if (tn_unit_type_parse(type, &u.facts.type)) {
            snprintf(s->errmsg, sizeof s->errmsg, "unit %s: unknown unit type \"%s\"", code, type);
            err = TN_ERR_PARSE;
            break;
        }
        u.facts.wage_region = tn_sql_column_int(units, 2);
        u.facts.payment_cycle = tn_sql_column_int(units, 3);
        u.facts.registered_on = tn__col_day(units, 4);
        load_decls(&r, decls, &rcd, code);
        u.decls = r.decls;
        u.ndecls = r.ndecls;
        err = row(ctx, &u);
    }
    if (!err && rc != TN_SQL_DONE)
        err = tn__store_fail(s, "read units");
    if (!err && rcd != TN_SQL_DONE && rcd != TN_SQL_ROW)
        err = tn__store_fail(s, "read declarations");
done:
    tn_sql_finalize(units);
    tn_sql_finalize(decls);
    free(r.decls);
    return err;
}
