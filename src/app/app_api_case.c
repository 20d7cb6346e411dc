/*
 * app_api_case.c - what a user's scope lets it see of cases (app_user.h; issue 12 item 3): a
 * case is seen when its unit is (tn_app_unit_visible: a district user its office's, an officer
 * the units it is in charge of), and the board of cases is the cases report's rows cut so.
 */
#include "app_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/app_user.h"
#include "thuno/case_store.h"
#include "thuno/mem.h"
#include "thuno/operations_store.h"
#include "thuno/store.h"

tn_err tn_app_case_visible(struct tn_app *app, const struct tn_scope *scope, const char *case_id,
                           const char *unit, const char *as_of)
{
    struct tn_case_event_row *ev = NULL;
    size_t n = 0;
    tn_err err = tn_store_case_events(app->store, case_id, as_of, &ev, &n);
    if (err) {
        free(ev);
        return tn__app_fail(app, err, "%s", tn_store_errmsg(app->store));
    }
    char own[sizeof ev->unit_code] = "";
    if (n)
        snprintf(own, sizeof own, "%s", ev[0].unit_code);
    free(ev);
    if (!n && !unit)
        return tn__app_fail(app, TN_ERR_NOT_FOUND, "không có hồ sơ %s / no case %s", case_id,
                            case_id);
    err = tn_app_unit_visible(app, scope, n ? own : unit, as_of);
    if (err == TN_ERR_NOT_FOUND && n) /* one answer for a case unknown and a case not seen */
        return tn__app_fail(app, err, "không có hồ sơ %s / no case %s", case_id, case_id);
    return err;
}

/* The units an officer is in charge of, sorted (tn_store_units_in_charge's order). */
struct charge {
    char **units;
    size_t n, cap;
};

static tn_err add_charge(void *ctx, const char *unit_code)
{
    struct charge *c = ctx;
    if (c->n == c->cap) {
        c->cap = c->cap ? 2 * c->cap : 64;
        c->units = tn_xrealloc(c->units, c->cap, sizeof *c->units);
    }
    size_t len = strlen(unit_code) + 1;
    c->units[c->n] = tn_xmalloc(len);
    memcpy(c->units[c->n++], unit_code, len);
    return TN_OK;
}

static int cmp_unit(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

struct board {
    const struct tn_sink *out;
    const char *state;       /* NULL: every state */
    const struct charge *in; /* NULL: every unit of the scope */
    size_t col_state, col_unit;
};

static tn_err board_row(void *ctx, const struct tn_cell *cells)
{
    struct board *b = ctx;
    const struct tn_cell *st = &cells[b->col_state], *unit = &cells[b->col_unit];
    if (b->state && (st->type != TN_CELL_TEXT || strcmp(st->text, b->state) != 0))
        return TN_OK;
    /* no units in charge: nothing matches (and bsearch may not be given a NULL array) */
    if (b->in && (unit->type != TN_CELL_TEXT || b->in->n == 0 ||
                  !bsearch(&unit->text, b->in->units, b->in->n, sizeof *b->in->units, cmp_unit)))
        return TN_OK;
    return b->out->row(b->out->ctx, cells);
}

static size_t column(const struct tn_report *r, const char *id)
{
    size_t i = 0;
    while (i < r->ncols && strcmp(r->cols[i].id, id) != 0)
        i++;
    return i;
}

tn_err tn_app_case_board(struct tn_app *app, const struct tn_scope *scope, const char *state,
                         const struct tn_sink *out)
{
    app->why[0] = '\0';
    if (state) {
        int known = 0;
        for (int s = 0; s < TN_CASE_ST_COUNT; s++)
            known |= strcmp(state, tn_case_state_name((enum tn_case_state)s)) == 0;
        if (!known)
            return tn__app_fail(app, TN_ERR_USAGE,
                                "trạng thái không có: %s / no such state: %s (new, escalating, "
                                "sued, mediated, enforceable, enforcing, suspended, closed, "
                                "withdrawn)",
                                state, state);
    }
    const struct tn_report *r = tn_app_report("cases");
    struct charge in = {NULL, 0, 0};
    tn_err err = TN_OK;
    if (scope->role == TN_ROLE_OFFICER) {
        char day[11];
        snprintf(day, sizeof day, "%.10s", app->now);
        if (scope->officer &&
            (err = tn_store_units_in_charge(app->store, scope->officer, day, add_charge, &in)))
            err = tn__app_fail(app, err, "%s", tn_store_errmsg(app->store));
        if (in.n) /* qsort's array may not be NULL, even empty */
            qsort(in.units, in.n, sizeof *in.units, cmp_unit);
    }
    if (!err) {
        struct board b = {out, state, scope->role == TN_ROLE_OFFICER ? &in : NULL,
                          column(r, "state"), column(r, "unit_code")};
        struct tn_sink keep = {board_row, NULL, &b};
        struct tn_scope office = *scope;
        office.officer = NULL; /* the report has no officer cut: the rows are cut here */
        struct tn_report_params p;
        tn_report_params_init(&p);
        err = tn_app_report_run(app, &office, r, &p, &keep);
    }
    for (size_t i = 0; i < in.n; i++)
        free(in.units[i]);
    free(in.units);
    return err;
}
