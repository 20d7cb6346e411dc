/*
 * app_officers.c - officers by name (app_unit.h; docs/api.md "Officers"; docs/web.md "Officers
 * by name"): the faces show an officer as "Name (code)". The names are officers.csv's
 * full_name as known at a time, read from the store's officer table (tn_store_officers); the
 * list of a period's officers (tn_app_officers) is those in charge of a unit with a balance of
 * the period, through the store's officer KPIs (tn_store_kpi by officer).
 */
#include "app_int.h"
#include "officer_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/app_unit.h"
#include "thuno/app_user.h"
#include "thuno/mem.h"
#include "thuno/operations_store.h"
#include "thuno/store.h"

void tn__officer_names_init(struct tn__officer_names *m)
{
    memset(m, 0, sizeof *m);
}

void tn__officer_names_release(struct tn__officer_names *m)
{
    free(m->v);
    tn__officer_names_init(m);
}

static tn_err keep_name(void *ctx, const struct tn_kpi_row *r)
{
    struct tn__officer_names *m = ctx;
    if (!r->key[0])
        return TN_OK; /* the units with no officer */
    /* rows come in key order; an officer counted under two offices keeps its first row */
    if (m->n && strcmp(m->v[m->n - 1].code, r->key) == 0)
        return TN_OK;
    TN_GROW(m->v, m->cap, m->n + 1);
    struct tn__officer_name *o = &m->v[m->n++];
    snprintf(o->code, sizeof o->code, "%s", r->key);
    snprintf(o->name, sizeof o->name, "%s", r->name);
    snprintf(o->office, sizeof o->office, "%s", r->office_code);
    return TN_OK;
}

tn_err tn__app_officer_names(struct tn_app *app, const char *office, tn_period period,
                             const char *as_of, struct tn__officer_names *m)
{
    tn__officer_names_release(m);
    if (period < 0)
        return TN_OK;
    tn_err err = tn_store_kpi(app->store, office, period, as_of, TN_KPI_OFFICER, keep_name, m);
    if (err) {
        tn__officer_names_release(m);
        return tn__app_fail(app, err, "%s", tn_store_errmsg(app->store));
    }
    return TN_OK;
}

static tn_err keep_officer(void *ctx, const struct tn_officer_row *r)
{
    struct tn__officer_names *m = ctx;
    TN_GROW(m->v, m->cap, m->n + 1);
    struct tn__officer_name *o = &m->v[m->n++];
    snprintf(o->code, sizeof o->code, "%s", r->code);
    snprintf(o->name, sizeof o->name, "%s", r->name);
    snprintf(o->office, sizeof o->office, "%s", r->office_code);
    return TN_OK;
}

tn_err tn__app_officer_directory(struct tn_app *app, const char *as_of, struct tn__officer_names *m)
{
    tn__officer_names_release(m);
    tn_err err = tn_store_officers(app->store, as_of, keep_officer, m);
    if (err) {
        tn__officer_names_release(m);
        return tn__app_fail(app, err, "%s", tn_store_errmsg(app->store));
    }
    return TN_OK;
}

const char *tn__officer_name(const struct tn__officer_names *m, const char *code)
{
    if (!code || !*code)
        return "";
    size_t lo = 0, hi = m->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(m->v[mid].code, code);
        if (c == 0)
            return m->v[mid].name;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return "";
}

/* clang-format off */
#define OFFICER_COLS(X, p)                                                                         \
    X(p, officer_code, TEXT, "Mã cán bộ", "Officer", 0)                                            \
    X(p, officer_name, TEXT, "Họ tên cán bộ", "Officer's name", 0)                                 \
    X(p, office_code, TEXT, "Cơ quan BHXH", "Office", 0)
TN_COLUMNS(OFFICER, OFFICER_COLS);
/* clang-format on */

const struct tn_col *tn_app_officer_cols(size_t *ncols)
{
    *ncols = OFFICER_NCOLS;
    return OFFICER_cols;
}

tn_err tn_app_officers(struct tn_app *app, const struct tn_scope *scope, tn_period period,
                       const char *as_of, const struct tn_sink *out)
{
    struct tn_scope cut;
    tn_err err = tn__app_scope(app, scope, &cut);
    if (err)
        return err;
    struct tn__officer_names m;
    tn__officer_names_init(&m);
    if ((err = tn__app_officer_names(app, cut.office, period, as_of, &m)))
        return err;
    for (size_t i = 0; i < m.n && !err; i++) {
        const struct tn__officer_name *o = &m.v[i];
        /* an officer sees itself only */
        if (scope->role == TN_ROLE_OFFICER && (!scope->officer || strcmp(scope->officer, o->code)))
            continue;
        struct tn_cell c[OFFICER_NCOLS];
        c[OFFICER_officer_code] = tn_cell_text(o->code);
        c[OFFICER_officer_name] = tn_cell_text(o->name);
        c[OFFICER_office_code] = tn_cell_text(o->office);
        err = out->row(out->ctx, c);
    }
    tn__officer_names_release(&m);
    return err;
}

tn_err tn_app_unit_officer_name(struct tn_app *app, const struct tn_unit_entry *u, tn_period period,
                                const char *as_of, char out[TN_NAME_BUFSZ])
{
    out[0] = '\0';
    if (!u->officer_code[0] || period < 0)
        return TN_OK;
    struct tn__officer_names m;
    tn__officer_names_init(&m);
    tn_err err = tn__app_officer_directory(app, as_of, &m);
    if (!err)
        snprintf(out, TN_NAME_BUFSZ, "%s", tn__officer_name(&m, u->officer_code));
    tn__officer_names_release(&m);
    return err;
}
