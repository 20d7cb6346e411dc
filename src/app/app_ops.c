/*
 * app_ops.c - the office's operations on payments and lists: payments in suspense matched to
 * their unit by the transfer memo or assigned by hand (docs/payments-ops.md), and a
 * department's sign-off of the QLT <-> KTTN handover list (docs/lists.md "Handover sign-off")
 * (app.h, section "suspense, assignments, handover sign-off, inspections").
 */
#include "app_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/lists.h"
#include "thuno/mem.h"
#include "thuno/operations_store.h"
#include "thuno/operations.h"
#include "thuno/office.h"
#include "thuno/payops.h"
#include "thuno/report.h"
#include "thuno/store.h"

/* ---- suspense ---- */

/* clang-format off */
#define MATCH_COLS(X, p)                                                                           \
    TN__PROPOSAL_COLS(X, p)                                                                        \
    X(p, applied, TEXT, "Đã ghi nhận", "Applied", 0)
TN_COLUMNS(MATCH, MATCH_COLS);
/* clang-format on */

_Static_assert((int)MATCH_applied == (int)TN__PROP_NCOLS,
               "a match row is a proposal's cells, then applied");

const struct tn_col *tn_app_suspense_match_cols(size_t *ncols)
{
    *ncols = MATCH_NCOLS;
    return MATCH_cols;
}

struct match_todo {
    char txn[72], unit[24], method[16], reason[200];
    int confidence;
};

struct match_run {
    const struct tn_sink *out;
    int apply;
    long left;
    /* applied after the scan: assigning while tn_store_suspense's statement is open would
     * change what it reads */
    struct match_todo *todo;
    size_t ntodo, captodo;
};

static tn_err match_row(void *ctx, const struct tn__proposal *p)
{
    struct match_run *x = ctx;
    char period[TN_PERIOD_BUFSZ];
    struct tn_cell c[MATCH_NCOLS];
    tn__proposal_cells(p, period, c);
    int take = x->apply && p->unit;
    c[MATCH_applied] = tn_cell_text(take ? "yes" : "no");
    if (take) {
        TN_GROW(x->todo, x->captodo, x->ntodo + 1);
        struct match_todo *t = &x->todo[x->ntodo++];
        snprintf(t->txn, sizeof t->txn, "%s", p->row->txn_id);
        snprintf(t->unit, sizeof t->unit, "%s", p->unit->unit_code);
        snprintf(t->method, sizeof t->method, "%s", tn_memo_method_name(p->match.method));
        snprintf(t->reason, sizeof t->reason, "%s", p->match.reason);
        t->confidence = p->match.confidence;
    } else {
        x->left++;
    }
    return x->out->row(x->out->ctx, c);
}

tn_err tn_app_suspense_match(struct tn_app *app, const struct tn_scope *scope, tn_period period,
                             const char *as_of, int apply, const char *actor,
                             const struct tn_sink *out, struct tn_suspense_match_stats *stats)
{
    app->why[0] = '\0';
    if (apply && (!actor || !actor[0]))
        return tn__app_fail(app, TN_ERR_USAGE, "recording matches needs who decides (actor)");
    if (apply && as_of)
        return tn__app_fail(app, TN_ERR_USAGE,
                            "matches are recorded now: an as-of view is read-only");
    struct tn_scope sc;
    tn_err err = tn__app_scope(app, scope, &sc);
    if (err)
        return err;
    scope = &sc;
    struct match_run x = {.out = out, .apply = apply};
    err = tn__suspense_proposals(app->store, scope->office, period, as_of, match_row, &x);
    long applied = 0;
    for (size_t i = 0; i < x.ntodo && !err; i++) {
        struct tn_payops_assign how = {app->now, actor, x.todo[i].method, x.todo[i].confidence,
                                       x.todo[i].reason};
        if (!(err = tn_store_suspense_assign(app->store, x.todo[i].txn, x.todo[i].unit, &how)))
            applied++;
    }
    free(x.todo);
    if (!err)
        *stats = (struct tn_suspense_match_stats){applied, x.left};
    return err;
}

tn_err tn_app_suspense_assign(struct tn_app *app, const struct tn_scope *scope, const char *txn_id,
                              const char *unit_code, const char *actor)
{
    app->why[0] = '\0';
    if (!txn_id || !unit_code || !actor || !actor[0])
        return tn__app_fail(app, TN_ERR_USAGE,
                            "assigning a payment needs its transaction, the unit and who decides");
    struct tn_scope sc; /* a write names its payment and unit: the office is only checked */
    tn_err err = tn__app_scope(app, scope, &sc);
    if (err)
        return err;
    struct tn_payops_assign how = {app->now, actor, "manual", 100,
                                   "gán thủ công / assigned by hand"};
    err = tn_store_suspense_assign(app->store, txn_id, unit_code, &how);
    if (err == TN_ERR_NOT_FOUND)
        return tn__app_fail(app, err, "no payment %s or no unit %s", txn_id, unit_code);
    if (err == TN_ERR_STATE)
        return tn__app_fail(app, err, "payment %s is not in suspense", txn_id);
    return err;
}

/* ---- handover sign-off ---- */

/* The reason an assignment made by a handover carries; its prefix tells such assignments. */
#define HANDOVER_REASON "handover "

/* Each unit's officer before its latest handover: the latest assignment not made by one. */
struct before_handover {
    const struct tn_handover_signoff *h;
    char (*officer)[32]; /* per item of h, "" when unknown */
};

static tn_err note_officer(void *ctx, const struct tn_assignment_row *r)
{
    struct before_handover *b = ctx;
    if (strncmp(r->reason, HANDOVER_REASON, strlen(HANDOVER_REASON)) == 0)
        return TN_OK;
    for (size_t i = 0; i < b->h->n; i++)
        if (!b->h->items[i].up && strcmp(b->h->items[i].unit_code, r->unit_code) == 0)
            snprintf(b->officer[i], sizeof b->officer[i], "%s", r->officer_code); /* by date */
    return TN_OK;
}

/* Turns taken so far per office (tn_handover_officer). */
struct turns {
    char (*office)[32];
    size_t *taken;
    size_t n, cap, captaken;
};

static size_t take_turn(struct turns *t, const char *office)
{
    for (size_t i = 0; i < t->n; i++)
        if (strcmp(t->office[i], office) == 0)
            return t->taken[i]++;
    TN_GROW(t->office, t->cap, t->n + 1);
    TN_GROW(t->taken, t->captaken, t->n + 1);
    snprintf(t->office[t->n], sizeof t->office[0], "%s", office);
    t->taken[t->n] = 1;
    return t->n++, 0;
}

/* Puts the units of the signed list in charge of their new officers from day (seed 002: the
 * monthly handover moves the work between QLT and KTTN), in one transaction. */
static tn_err handover_assign(struct tn_app *app, const char *office_cut, tn_period period,
                              tn_day day, struct tn_handover_signoff *h)
{
    struct before_handover b = {h, tn_xcalloc(h->n ? h->n : 1, sizeof *b.officer)};
    struct turns t = {0};
    char from[TN_DAY_BUFSZ], per[TN_PERIOD_BUFSZ], reason[64], file[64];
    tn_day_format(day, from);
    tn_period_format(period, per);
    snprintf(reason, sizeof reason, HANDOVER_REASON "%s signed by QLT and KTTN", per);
    snprintf(file, sizeof file, "thuno handover sign --period %s", per);
    long long batch = 0;
    tn_err err = tn_store_assignments(app->store, office_cut, NULL, note_officer, &b);
    if (!err)
        err = tn_store_begin(app->store);
    if (err)
        goto done;
    for (size_t i = 0; !err && i < h->n; i++) {
        const struct tn_handover_item *it = &h->items[i];
        char officer[32] = "", office[TN_OFFICE_BUFSZ] = "";
        if (it->up) {
            if ((err = tn_store_unit_office(app->store, it->unit_code, NULL, office)))
                break;
            if (tn_handover_officer(app->policy, day, office, take_turn(&t, office), officer)) {
                h->no_rule++;
                continue;
            }
        } else {
            snprintf(officer, sizeof officer, "%s", b.officer[i]);
            if (!officer[0]) {
                h->no_rule++;
                continue;
            }
        }
        struct tn_assign_facts f;
        char latest[32];
        if ((err = tn_store_assign_facts(app->store, it->unit_code, officer, day, &f, latest)))
            break;
        enum tn_assign_problem p = tn_assign_check(&f);
        /* already with that officer, from an earlier day or the same one: nothing to record */
        if (p == TN_ASSIGN_SAME_OFFICER ||
            (f.has_latest && f.latest_officer && strcmp(f.latest_officer, officer) == 0)) {
            h->unchanged++;
            continue;
        }
        if (p != TN_ASSIGN_OK) {
            err = tn__app_fail(app, TN_ERR_REJECTED, "handover: %s to %s: %s", it->unit_code,
                               officer, tn_assign_problem_text(p));
            break;
        }
        if (!batch && (err = tn_store_assign_batch(app->store, file, app->now, &batch)))
            break;
        if (!(err = tn_store_assign_put(app->store, batch, it->unit_code, from, officer, h->actor,
                                        reason, app->now)))
            h->assigned++;
    }
    if (!err)
        err = tn_store_commit(app->store);
    else
        tn_store_rollback(app->store);
done:
    free(b.officer);
    free(t.office);
    free(t.taken);
    return err;
}

tn_err tn_app_handover_sign(struct tn_app *app, const struct tn_scope *scope, tn_period period,
                            const char *department, const char *actor, const char *date,
                            struct tn_handover_signoff *h)
{
    app->why[0] = '\0';
    if (!department || (strcmp(department, "QLT") != 0 && strcmp(department, "KTTN") != 0))
        return tn__app_fail(app, TN_ERR_USAGE, "the department signing is QLT or KTTN");
    if (!actor || !actor[0] || strlen(actor) >= sizeof h->actor)
        return tn__app_fail(app, TN_ERR_USAGE, "who signs is required, under %zu bytes",
                            sizeof h->actor);
    tn_day d;
    char day[TN_DAY_BUFSZ];
    snprintf(day, sizeof day, "%.10s", date ? date : app->now);
    if (tn_day_parse(day, &d) || (date && strlen(date) != 10))
        return tn__app_fail(app, TN_ERR_USAGE, "expected a signing date YYYY-MM-DD, got \"%s\"",
                            date ? date : app->now);
    struct tn_scope sc;
    tn_err err = tn__app_scope(app, scope, &sc);
    if (err)
        return err;
    scope = &sc;
    struct tn_handover_item *items = NULL;
    size_t n = 0;
    if ((err = tn__handover_list(app, scope->office, period, NULL, &items, &n)))
        return err;
    free(h->items);
    h->items = items;
    h->n = n;
    snprintf(h->signed_on, sizeof h->signed_on, "%s", day);
    snprintf(h->department, sizeof h->department, "%s", department);
    snprintf(h->actor, sizeof h->actor, "%s", actor);
    snprintf(h->known_at, sizeof h->known_at, "%s", app->now);
    if ((err = tn_store_handover_sign(app->store, period, h)))
        return err;
    struct tn_handover_signoff other;
    tn_handover_signoff_init(&other);
    err = tn_store_handover_signed(app->store, period,
                                   strcmp(department, "QLT") == 0 ? "KTTN" : "QLT", NULL, &other);
    if (err == TN_ERR_NOT_FOUND)
        err = TN_OK; /* the other department has not signed yet */
    h->both_signed = !err && other.id > 0 && strcmp(other.digest, h->digest) == 0;
    tn_handover_signoff_release(&other);
    if (!err && h->both_signed)
        err = handover_assign(app, scope->office, period, d, h);
    return err;
}
