/*
 * report_payops.c - the payments-operations reports of `thuno report` (docs/payments-ops.md):
 * suspense_review (payments still in suspense with the memo's proposal and candidates),
 * books (sổ BHXH of earmarked and leaving workers) and card_lock_workers (the daily
 * health-card lock and unlock lists, one row per worker with the card number).
 */
#include "report_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/card.h"
#include "thuno/mem.h"
#include "thuno/memo.h"
#include "thuno/office.h"
#include "thuno/payops.h"
#include "thuno/policy.h"
#include "thuno/report.h"
#include "thuno/store.h"

/* ---- suspense proposals, shared with `thuno suspense match` ---- */

struct proposals {
    struct tn_payops_unit *units;
    struct tn_memo_unit *mu;
    struct tn_memo_index *ix;
    size_t n;
    tn__proposal_cb cb;
    void *ctx;
};

static tn_err proposal_row(void *ctx, const struct tn_suspense_row *r)
{
    const struct proposals *x = ctx;
    struct tn__proposal p = {.row = r};
    tn_memo_parse(r->memo, &p.memo);
    tn_memo_index_match(&p.memo, x->ix, &p.match);
    p.unit = p.match.unit < x->n ? &x->units[p.match.unit] : NULL;
    size_t o = 0;
    for (size_t i = 0; i < p.match.ncand && o < sizeof p.candidates - 1; i++) {
        const struct tn_payops_unit *u = &x->units[p.match.cand[i]];
        int w = snprintf(p.candidates + o, sizeof p.candidates - o, "%s%s %s", i ? "; " : "",
                         u->unit_code, u->name);
        o = w < 0                                 ? o
            : o + (size_t)w < sizeof p.candidates ? o + (size_t)w
                                                  : sizeof p.candidates - 1;
    }
    return x->cb(x->ctx, &p);
}

tn_err tn__suspense_proposals(struct tn_store *s, tn_period period, const char *as_of,
                              tn__proposal_cb cb, void *ctx)
{
    struct proposals x = {.cb = cb, .ctx = ctx};
    tn_err err = tn_store_payops_units(s, as_of, &x.units, &x.n);
    if (err)
        return err;
    x.mu = tn_xcalloc(x.n ? x.n : 1, sizeof *x.mu);
    for (size_t i = 0; i < x.n; i++)
        x.mu[i] =
            (struct tn_memo_unit){x.units[i].unit_code, x.units[i].tax_code, x.units[i].name, NULL};
    /* each name keyed once and every unit indexed once per run, not compared with every
     * payment in suspense (docs/performance.md) */
    tn_memo_index_new(x.mu, x.n, &x.ix);
    err = tn_store_suspense(s, period, as_of, proposal_row, &x);
    tn_memo_index_free(x.ix);
    free(x.mu);
    free(x.units);
    return err;
}

const char *const tn__suspense_review_cols[] = {
    "txn_id", "paid_on",    "amount",     "memo",   "memo_period", "proposed_unit",
    "method", "confidence", "candidates", "reason", NULL};

/* Fills the cells of a proposal the way suspense_review and suspense match print them. */
void tn__proposal_cells(const struct tn__proposal *p, char period[static TN_PERIOD_BUFSZ],
                        struct tn_cell c[static 10])
{
    period[0] = '\0';
    if (p->memo.period >= 0)
        tn_period_format(p->memo.period, period);
    struct tn_cell cells[] = {
        TEXT(p->row->txn_id),
        TEXT(p->row->paid_on),
        INT(p->row->amount),
        TEXT(p->row->memo),
        TEXT(period),
        TEXT(p->unit ? p->unit->unit_code : ""),
        TEXT(tn_memo_method_name(p->match.method)),
        INT(p->match.confidence),
        TEXT(p->candidates),
        TEXT(p->match.reason),
    };
    memcpy(c, cells, sizeof cells);
    if (!p->unit)
        c[5].type = c[7].type = TN_CELL_NULL;
}

static tn_err review_row(void *ctx, const struct tn__proposal *p)
{
    char period[TN_PERIOD_BUFSZ];
    struct tn_cell c[10];
    tn__proposal_cells(p, period, c);
    return tn_table_row(ctx, c);
}

tn_err tn__run_suspense_review(struct tn_cli *cli, struct tn_store *s,
                               const struct tn_report_args *a, struct tn_table_out *t)
{
    (void)cli;
    return tn__suspense_proposals(s, a->period, a->as_of, review_row, t);
}

/* ---- books of earmarked and leaving workers ---- */

const char *const tn__books_cols[] = {
    "unit_code",    "bhxh_code",    "full_name", "left_from", "earmarked", "earmark_periods",
    "confirmed_to", "owed_periods", "owed",      "status",    NULL};

static void span(tn_period a, tn_period b, char out[static 20])
{
    char x[TN_PERIOD_BUFSZ], y[TN_PERIOD_BUFSZ];
    out[0] = '\0';
    if (a < 0)
        return;
    tn_period_format(a, x);
    tn_period_format(b, y);
    snprintf(out, 20, a == b ? "%s" : "%s..%s", x, y);
}

static tn_err book_row(void *ctx, const struct tn_book_row *r)
{
    char left[TN_PERIOD_BUFSZ] = "", ear[20], owed[20], conf[TN_PERIOD_BUFSZ] = "";
    if (r->left_from >= 0)
        tn_period_format(r->left_from, left);
    if (r->confirmed_to >= 0)
        tn_period_format(r->confirmed_to, conf);
    span(r->earmark_first, r->earmark_last, ear);
    span(r->owed_first, r->owed_last, owed);
    /* a book is closed (chốt sổ) for a leaving worker once nothing is owed for them */
    const char *status = r->blocked ? "blocked" : r->left_from >= 0 ? "closable" : "paid";
    struct tn_cell c[] = {TEXT(r->unit_code), TEXT(r->bhxh_code), TEXT(r->full_name), TEXT(left),
                          INT(r->earmarked),  TEXT(ear),          TEXT(conf),         TEXT(owed),
                          INT(r->owed),       TEXT(status)};
    return tn_table_row(ctx, c);
}

tn_err tn__run_books(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                     struct tn_table_out *t)
{
    (void)cli;
    return tn_store_books(s, a->period, a->as_of, book_row, t);
}

/* ---- the daily card-lock lists, per worker ---- */

const char *const tn__card_lock_workers_cols[] = {
    "date",        "action",      "unit_code",  "unit_name", "bhxh_code", "full_name",
    "card_number", "months_owed", "department", "liability", NULL};

struct states {
    struct tn_card_state *v;
    size_t n, cap;
};

static tn_err collect_state(void *ctx, const struct tn_card_state *r)
{
    struct states *x = ctx;
    TN_GROW(x->v, x->cap, x->n + 1);
    x->v[x->n++] = *r;
    return TN_OK;
}

struct card_job {
    struct tn_table_out *t;
    const struct tn_payops_unit *unit;
    const struct tn_card_group *group;
    const char *date, *action, *department, *liability;
    int tenths;
};

static tn_err card_worker_row(void *ctx, const struct tn_unit_worker *w)
{
    const struct card_job *j = ctx;
    char card[TN_CARD_BUFSZ] = "";
    if (j->group &&
        tn_card_number(j->group->group, j->group->level, j->unit->province, w->bhxh_code, card))
        card[0] = '\0'; /* a code that is not 10 digits gets no number, never a made-up one */
    struct tn_cell c[] = {TEXT(j->date),       TEXT(j->action),    TEXT(j->unit->unit_code),
                          TEXT(j->unit->name), TEXT(w->bhxh_code), TEXT(w->full_name),
                          TEXT(card),          TENTHS(j->tenths),  TEXT(j->department),
                          TEXT(j->liability)};
    return tn_table_row(j->t, c);
}

/* LAW: Health Insurance Law Art 49 (rules.md §10): while the unit owes, the cards are not
 * renewed, and the unit repays the medical costs its workers paid meanwhile. */
static const char lock_text[] =
    "Đơn vị phải hoàn trả chi phí khám chữa bệnh BHYT người lao động tự chi trong thời gian thẻ "
    "bị khóa (Luật BHYT Điều 49) / the unit repays the medical costs its workers pay while the "
    "card is locked (Health Insurance Law Art 49)";
static const char unlock_text[] =
    "Mở thẻ; đơn vị hoàn trả chi phí khám chữa bệnh phát sinh trong thời gian khóa (Luật BHYT "
    "Điều 49) / card unlocked; the unit still repays costs incurred while it was locked (Health "
    "Insurance Law Art 49)";

/* card_lists sorts the lists by unit code and searches them by it: a linear search per unit
 * is n^2, hours for a national office's 450,000 units (docs/performance.md). */
static int state_by_code(const void *a, const void *b)
{
    return strcmp(((const struct tn_card_state *)a)->unit_code,
                  ((const struct tn_card_state *)b)->unit_code);
}

static int code_vs_state(const void *code, const void *elem)
{
    return strcmp(code, ((const struct tn_card_state *)elem)->unit_code);
}

static int unit_by_code(const void *a, const void *b)
{
    return strcmp(((const struct tn_payops_unit *)a)->unit_code,
                  ((const struct tn_payops_unit *)b)->unit_code);
}

static int code_vs_unit(const void *code, const void *elem)
{
    return strcmp(code, ((const struct tn_payops_unit *)elem)->unit_code);
}

static const struct tn_card_state *find_state(const struct states *x, const char *unit)
{
    return x->n ? bsearch(unit, x->v, x->n, sizeof *x->v, code_vs_state) : NULL;
}

static const struct tn_payops_unit *find_unit(const struct tn_payops_unit *u, size_t n,
                                              const char *code)
{
    return n ? bsearch(code, u, n, sizeof *u, code_vs_unit) : NULL;
}

static tn_err card_lists(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                         struct tn_table_out *t, const struct tn_policy *pol,
                         const struct tn_card_rule *rule)
{
    (void)cli;
    tn_day day = a->day >= 0 ? a->day : tn_period_last_day(a->period);
    char date[TN_DAY_BUFSZ], now_at[20], before_at[20], prev[TN_DAY_BUFSZ];
    tn_day_format(day, date);
    tn_day_format(day - 1, prev);
    snprintf(now_at, sizeof now_at, "%sT23:59:59", date);
    snprintf(before_at, sizeof before_at, "%sT23:59:59", prev);
    const char *at = a->as_of && strcmp(a->as_of, now_at) < 0 ? a->as_of : now_at;
    tn_err err;
    struct states now = {0}, before = {0};
    struct tn_payops_unit *units = NULL;
    size_t nunits = 0;
    /* the office is the unit's on day D: the day before it may have been another's, so the
     * states are of every unit and the store's cut is applied here (payops.h) */
    const char *cut = tn_store_office(s);
    if ((err = tn_store_card_states(s, pol, a->period, day, at, collect_state, &now)) ||
        (err =
             tn_store_card_states(s, pol, a->period, day - 1, before_at, collect_state, &before)) ||
        (err = tn_store_payops_units(s, at, &units, &nunits)))
        goto done;
    /* one state per unit and one version of each unit: the order of equals cannot matter */
    tn_sort(before.v, before.n, sizeof *before.v, state_by_code);
    tn_sort(units, nunits, sizeof *units, unit_by_code);
    for (size_t i = 0; i < now.n && !err; i++) {
        const struct tn_card_state *n = &now.v[i], *b = find_state(&before, n->unit_code);
        int locked = n->tenths >= rule->lock_tenths;
        int was = b && b->tenths >= rule->lock_tenths;
        const struct tn_payops_unit *u = find_unit(units, nunits, n->unit_code);
        if (locked == was || !u || (cut && strcmp(u->office, cut) != 0))
            continue;
        /* seed 002: QLT follows 1 to under 3 months, KTTN 3 and more; an unlock names the
         * department that held the unit */
        int dept_tenths = locked ? n->tenths : b->tenths;
        struct card_job j = {t,
                             u,
                             NULL,
                             date,
                             locked ? "lock" : "unlock",
                             dept_tenths >= rule->kttn_tenths ? "KTTN" : "QLT",
                             locked ? lock_text : unlock_text,
                             n->tenths};
        if ((err = tn_policy_card_group(pol, u->type, day, &j.group))) {
            tn_cli_error("report", "no line in policy/card_groups.csv for unit type %s on %s",
                         u->type, date);
            break;
        }
        /* an unlock frees the cards that were locked: the workers of the locked state's
         * month, even if they have left since (a leaving worker's card matters most) */
        err = tn_store_unit_workers(s, u->unit_code, locked ? n->base_period : b->base_period, at,
                                    card_worker_row, &j);
    }
done:
    free(now.v);
    free(before.v);
    free(units);
    return err;
}

tn_err tn__run_card_lock_workers(struct tn_cli *cli, struct tn_store *s,
                                 const struct tn_report_args *a, struct tn_table_out *t)
{
    struct tn_policy pol;
    tn_policy_init(&pol);
    const struct tn_card_rule *rule;
    tn_err err = tn_cli_load_policy(cli, &pol);
    if (!err && (err = tn_policy_card(&pol, tn_period_last_day(a->period), &rule)))
        tn_cli_error("report", "no rule in policy/card_lock.csv for this period");
    if (!err)
        err = card_lists(cli, s, a, t, &pol, rule);
    tn_policy_release(&pol);
    return err;
}
