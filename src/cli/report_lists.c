/*
 * report_lists.c - the special and public lists of `thuno report` (issue 4 items 4, 8, 11, 15):
 * special_units, branches, cooperatives and cooperative_workers (Decision 2422/QĐ-BHXH, seed
 * 004), public_praise and public_name (seed 003; Law 41/2024/QH15 Art 35, 40), and the
 * handover sign-off. Columns and their derivations: docs/lists.md.
 */
#include "report_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/lists.h"
#include "thuno/mem.h"
#include "thuno/policy.h"
#include "thuno/report.h"
#include "thuno/store.h"

/* The period a --year/--period report reads: --period, or the year's last closed period. */
static tn_err report_period(struct tn_store *s, const struct tn_report_args *a, tn_period *out)
{
    if (!a->year) {
        *out = a->period;
        return TN_OK;
    }
    tn_err err = tn_store_last_closed(s, a->year, a->as_of, out);
    if (err == TN_ERR_NOT_FOUND)
        tn_cli_error("report", "no period of %04d is closed (chưa khóa sổ kỳ nào của năm)",
                     a->year);
    return err == TN_ERR_NOT_FOUND ? TN_ERR_USAGE : err;
}

static void format_oldest(tn_period p, char out[static TN_PERIOD_BUFSZ], struct tn_cell *c)
{
    if (p < 0 || tn_period_format(p, out))
        c->type = TN_CELL_NULL;
}

/* ---- special_units, cooperative_workers ---- */

const char *const tn__special_cols[] = {"unit_code",
                                        "name",
                                        "type",
                                        "status",
                                        "status_since",
                                        "office_code",
                                        "months_owed",
                                        "principal_due",
                                        "interest_due",
                                        "debt",
                                        "oldest_unpaid_period",
                                        "legal_status",
                                        "workers",
                                        "bhxh_code",
                                        "worker_name",
                                        "worker_debt",
                                        "worker_periods",
                                        NULL};

struct special_ctx {
    struct tn_store *s;
    struct tn_table_out *t;
    tn_period period;
    const char *as_of;
    const char *unit_code;
};

static tn_err special_worker(void *ctx, const struct tn_worker_debt *w)
{
    const struct special_ctx *x = ctx;
    struct tn_cell c[] = {TEXT(x->unit_code),
                          NUL,
                          NUL,
                          NUL,
                          NUL,
                          NUL,
                          NUL,
                          NUL,
                          NUL,
                          NUL,
                          NUL,
                          NUL,
                          NUL,
                          TEXT(w->bhxh_code),
                          TEXT(w->full_name),
                          INT(w->debt),
                          TEXT(w->periods)};
    return tn_table_row(x->t, c);
}

static tn_err special_unit(void *ctx, const struct tn_list_unit *u)
{
    struct special_ctx *x = ctx;
    char oldest[TN_PERIOD_BUFSZ];
    struct tn_cell c[] = {
        TEXT(u->unit_code),
        TEXT(u->name),
        TEXT(u->type),
        TEXT(u->status),
        TEXT(u->status_since),
        TEXT(u->office_code),
        TENTHS(u->months_owed_tenths),
        INT(u->principal_due),
        INT(u->interest_due),
        INT(u->principal_due + u->interest_due),
        TEXT(oldest),
        TEXT(u->legal_status),
        INT(u->workers),
        NUL,
        NUL,
        NUL,
        NUL,
    };
    format_oldest(u->oldest_unpaid, oldest, &c[10]);
    tn_err err = tn_table_row(x->t, c);
    if (err)
        return err;
    x->unit_code = u->unit_code;
    err = tn_store_worker_debts(x->s, u->unit_code, x->period, x->as_of, special_worker, x);
    if (err == TN_ERR_STATE)
        tn_cli_error("report", "%s: the assessment lines do not add up to the charges",
                     u->unit_code);
    return err;
}

static tn_err special(struct tn_store *s, const struct tn_report_args *a, struct tn_table_out *t,
                      const char *type)
{
    tn_period p;
    tn_err err = report_period(s, a, &p);
    if (err)
        return err;
    struct special_ctx x = {s, t, p, a->as_of, NULL};
    struct tn_list_filter f = {type, 1, 1};
    return tn_store_list_units(s, p, a->as_of, &f, special_unit, &x);
}

tn_err tn__run_special(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                       struct tn_table_out *t)
{
    (void)cli;
    return special(s, a, t, NULL);
}

tn_err tn__run_coop_workers(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                            struct tn_table_out *t)
{
    (void)cli;
    return special(s, a, t, "cooperative");
}

/* ---- branches ---- */

const char *const tn__branch_cols[] = {"unit_code",       "name",          "province_code",
                                       "office_code",     "parent_code",   "parent_name",
                                       "parent_province", "parent_office", "reason",
                                       "months_owed",     "debt",          "oldest_unpaid_period",
                                       "legal_status",    "workers",       NULL};

static tn_err branch_row(void *ctx, const struct tn_branch_row *r)
{
    char oldest[TN_PERIOD_BUFSZ];
    const struct tn_list_unit *u = &r->u;
    struct tn_cell c[] = {
        TEXT(u->unit_code),
        TEXT(u->name),
        TEXT(u->province_code),
        TEXT(u->office_code),
        TEXT(u->parent_code),
        TEXT(r->parent_name),
        TEXT(r->parent_province),
        TEXT(r->parent_office),
        TEXT(r->reason),
        TENTHS(u->months_owed_tenths),
        INT(u->principal_due + u->interest_due),
        TEXT(oldest),
        TEXT(u->legal_status),
        INT(u->workers),
    };
    format_oldest(u->oldest_unpaid, oldest, &c[11]);
    if (!u->has_balance)
        for (int i = 9; i < 14; i++)
            c[i].type = TN_CELL_NULL;
    return tn_table_row(ctx, c);
}

tn_err tn__run_branches(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                        struct tn_table_out *t)
{
    (void)cli;
    return tn_store_branches(s, a->period, a->as_of, branch_row, t);
}

/* ---- cooperatives (seed 004) ---- */

const char *const tn__coop_cols[] = {"office_code",
                                     "period",
                                     "cooperatives",
                                     "owing_1m_units",
                                     "owing_1m_debt",
                                     "owing_3m_units",
                                     "owing_3m_debt",
                                     "suspended_units",
                                     "suspended_debt",
                                     "dissolved_bankrupt_units",
                                     "dissolved_bankrupt_debt",
                                     "dissolved_bankrupt_workers",
                                     NULL};

struct coop_ctx {
    struct tn_table_out *t;
    char period[TN_PERIOD_BUFSZ];
};

static tn_err coop_row(void *ctx, const struct tn_coop_row *r)
{
    const struct coop_ctx *x = ctx;
    struct tn_cell c[] = {
        TEXT(r->office_code),   TEXT(x->period),      INT(r->active),      INT(r->owing1_units),
        INT(r->owing1_debt),    INT(r->owing3_units), INT(r->owing3_debt), INT(r->suspended_units),
        INT(r->suspended_debt), INT(r->ended_units),  INT(r->ended_debt),  INT(r->ended_workers),
    };
    return tn_table_row(x->t, c);
}

tn_err tn__run_coops(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                     struct tn_table_out *t)
{
    (void)cli;
    tn_period p;
    tn_err err = report_period(s, a, &p);
    if (err)
        return err;
    struct coop_ctx x = {t, ""};
    tn_period_format(p, x.period);
    return tn_store_cooperatives(s, p, a->as_of, coop_row, &x);
}

/* ---- public lists (seed 003) ---- */

const char *const tn__praise_cols[] = {
    "unit_code", "name",     "type", "office_code", "officer_code", "from_period", "to_period",
    "months",    "assessed", "paid", "workers",     "address",      NULL};

static tn_err praise_row(void *ctx, const struct tn_praise_row *r)
{
    char from[TN_PERIOD_BUFSZ], to[TN_PERIOD_BUFSZ];
    tn_period_format(r->from, from);
    tn_period_format(r->to, to);
    struct tn_cell c[] = {
        TEXT(r->u.unit_code),    TEXT(r->u.name), TEXT(r->u.type),   TEXT(r->u.office_code),
        TEXT(r->u.officer_code), TEXT(from),      TEXT(to),          INT(r->months),
        INT(r->assessed),        INT(r->paid),    INT(r->u.workers), TEXT(r->u.address),
    };
    return tn_table_row(ctx, c);
}

tn_err tn__run_praise(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                      struct tn_table_out *t)
{
    (void)cli;
    tn_period p;
    tn_err err = report_period(s, a, &p);
    return err ? err : tn_store_praise(s, p, a->as_of, praise_row, t);
}

const char *const tn__name_cols[] = {"unit_code",
                                     "name",
                                     "tax_code",
                                     "address",
                                     "type",
                                     "status",
                                     "office_code",
                                     "legal_status",
                                     "months_owed",
                                     "debt",
                                     "oldest_unpaid_period",
                                     "workers",
                                     "reason",
                                     "threshold",
                                     "source",
                                     NULL};

struct name_ctx {
    struct tn_table_out *t;
    const struct tn_name_rule *rule;
};

static tn_err name_row(void *ctx, const struct tn_list_unit *u, const char *reason)
{
    const struct name_ctx *x = ctx;
    char oldest[TN_PERIOD_BUFSZ];
    const char *source = strcmp(reason, "evading") == 0
                             ? "Law 41/2024/QH15 Art 39-40 (policy/legal.csv)"
                             : x->rule->source;
    struct tn_cell c[] = {
        TEXT(u->unit_code),
        TEXT(u->name),
        TEXT(u->tax_code),
        TEXT(u->address),
        TEXT(u->type),
        TEXT(u->status),
        TEXT(u->office_code),
        TEXT(u->legal_status),
        TENTHS(u->months_owed_tenths),
        INT(u->principal_due + u->interest_due),
        TEXT(oldest),
        INT(u->workers),
        TEXT(reason),
        TENTHS(x->rule->name_tenths),
        TEXT(source),
    };
    format_oldest(u->oldest_unpaid, oldest, &c[10]);
    return tn_table_row(x->t, c);
}

tn_err tn__run_name(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                    struct tn_table_out *t)
{
    struct tn_policy pol;
    tn_policy_init(&pol);
    const struct tn_name_rule *rule;
    tn_err err = tn_cli_load_policy(cli, &pol);
    if (err)
        return TN_ERR_USAGE;
    if (tn_policy_name_rule(&pol, tn_period_last_day(a->period), &rule)) {
        tn_cli_error("load policy", "policy/public_list.csv: no line in force on the day asked");
        err = TN_ERR_USAGE;
    } else {
        struct name_ctx x = {t, rule};
        err = tn_store_public_name(s, a->period, a->as_of, rule->name_tenths, name_row, &x);
    }
    tn_policy_release(&pol);
    return err;
}

/* ---- handover sign-off ---- */

struct list_ctx {
    struct tn_handover_item *items;
    size_t n, cap;
};

static tn_err list_row(void *ctx, const struct tn_crossing_row *r)
{
    struct list_ctx *x = ctx;
    TN_GROW(x->items, x->cap, x->n + 1);
    struct tn_handover_item *it = &x->items[x->n++];
    memset(it, 0, sizeof *it);
    snprintf(it->unit_code, sizeof it->unit_code, "%s", r->unit_code);
    it->up = r->up;
    it->prev_tenths = r->prev_tenths;
    it->months_owed_tenths = r->months_owed_tenths;
    it->debt = r->debt;
    return TN_OK;
}

tn_err tn__handover_list(struct tn_cli *cli, struct tn_store *s, tn_period period,
                         const char *as_of, struct tn_handover_item **items, size_t *n)
{
    struct tn_policy pol;
    tn_policy_init(&pol);
    const struct tn_card_rule *rule;
    struct list_ctx x = {NULL, 0, 0};
    tn_err err = tn_cli_load_policy(cli, &pol);
    if (!err && (err = tn_policy_card(&pol, tn_period_last_day(period), &rule)))
        tn_cli_error("handover", "no rule in policy/card_lock.csv for this period");
    if (!err)
        err = tn_store_crossings(s, period, as_of, rule->kttn_tenths, list_row, &x);
    tn_policy_release(&pol);
    if (err) {
        free(x.items);
        return err;
    }
    *items = x.items;
    *n = x.n;
    return TN_OK;
}

const char *const tn__signoff_cols[] = {"unit_code",   "direction", "months_owed_before",
                                        "months_owed", "debt",      "qlt",
                                        "qlt_by",      "qlt_on",    "kttn",
                                        "kttn_by",     "kttn_on",   "list_changed",
                                        NULL};

/* One side's word on a line: unsigned, signed (same figures), changed (other figures),
 * added (not in the signed list) or dropped (only in the signed list). */
static const char *side(int found, const struct tn_handover_item *now,
                        const struct tn_handover_item *was)
{
    if (!found)
        return "unsigned";
    if (!now)
        return "dropped";
    if (!was)
        return "added";
    return was->up == now->up && was->prev_tenths == now->prev_tenths &&
                   was->months_owed_tenths == now->months_owed_tenths && was->debt == now->debt
               ? "signed"
               : "changed";
}

/* A list's items by unit code, in the list's order among equal codes: searched by code, a
 * lookup per line instead of a scan, n^2 at a national office (docs/performance.md). */
struct by_code {
    const struct tn_handover_item **p;
    size_t n;
};

static int item_cmp(const void *a, const void *b)
{
    const struct tn_handover_item *x = *(const struct tn_handover_item *const *)a,
                                  *y = *(const struct tn_handover_item *const *)b;
    int c = strcmp(x->unit_code, y->unit_code);
    return c ? c : (x > y) - (x < y);
}

static int code_vs_item(const void *code, const void *elem)
{
    return strcmp(code, (*(const struct tn_handover_item *const *)elem)->unit_code);
}

static void index_items(const struct tn_handover_item *v, size_t n, struct by_code *x)
{
    x->p = tn_xmalloc((n ? n : 1) * sizeof *x->p);
    x->n = n;
    for (size_t i = 0; i < n; i++)
        x->p[i] = &v[i];
    tn_sort(x->p, n, sizeof *x->p, item_cmp);
}

/* The first item of the list with unit code code, NULL when there is none. */
static const struct tn_handover_item *find(const struct by_code *x, const char *code)
{
    const struct tn_handover_item *const *hit =
        x->n ? bsearch(code, x->p, x->n, sizeof *x->p, code_vs_item) : NULL;
    if (!hit)
        return NULL;
    while (hit > x->p && strcmp(hit[-1]->unit_code, code) == 0)
        hit--;
    return *hit;
}

static tn_err signoff_line(struct tn_table_out *t, const struct tn_handover_item *now,
                           const struct tn_handover_signoff sig[2], const struct by_code idx[2],
                           const int found[2], const char *changed)
{
    const struct tn_handover_item *was[2] = {NULL, NULL};
    const char *code = now ? now->unit_code : NULL;
    for (int d = 0; d < 2; d++)
        if (found[d] && code)
            was[d] = find(&idx[d], code);
    const struct tn_handover_item *shown = now;
    struct tn_cell c[] = {
        TEXT(code),
        TEXT(shown && shown->up ? "QLT->KTTN" : "KTTN->QLT"),
        TENTHS(shown ? shown->prev_tenths : 0),
        TENTHS(shown ? shown->months_owed_tenths : 0),
        INT(shown ? shown->debt : 0),
        TEXT(side(found[0], now, was[0])),
        TEXT(found[0] ? sig[0].actor : ""),
        TEXT(found[0] ? sig[0].signed_on : ""),
        TEXT(side(found[1], now, was[1])),
        TEXT(found[1] ? sig[1].actor : ""),
        TEXT(found[1] ? sig[1].signed_on : ""),
        TEXT(changed),
    };
    return tn_table_row(t, c);
}

/* A line only in a signed list (dropped since): shown with the signed figures. */
static tn_err dropped_line(struct tn_table_out *t, const struct tn_handover_item *was,
                           const struct tn_handover_signoff sig[2], const struct by_code idx[2],
                           const int found[2], const char *changed)
{
    const char *word[2];
    for (int d = 0; d < 2; d++)
        word[d] = !found[d] ? "unsigned" : find(&idx[d], was->unit_code) ? "dropped" : "absent";
    struct tn_cell c[] = {
        TEXT(was->unit_code),
        TEXT(was->up ? "QLT->KTTN" : "KTTN->QLT"),
        TENTHS(was->prev_tenths),
        TENTHS(was->months_owed_tenths),
        NUL,
        TEXT(word[0]),
        TEXT(found[0] ? sig[0].actor : ""),
        TEXT(found[0] ? sig[0].signed_on : ""),
        TEXT(word[1]),
        TEXT(found[1] ? sig[1].actor : ""),
        TEXT(found[1] ? sig[1].signed_on : ""),
        TEXT(changed),
    };
    return tn_table_row(t, c);
}

tn_err tn__run_signoff(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                       struct tn_table_out *t)
{
    static const char *const depts[2] = {"QLT", "KTTN"};
    struct tn_handover_item *items = NULL;
    size_t n = 0;
    struct tn_handover_signoff sig[2];
    int found[2] = {0, 0};
    tn_handover_signoff_init(&sig[0]);
    tn_handover_signoff_init(&sig[1]);
    tn_err err = tn__handover_list(cli, s, a->period, a->as_of, &items, &n);
    for (int d = 0; d < 2 && !err; d++) {
        err = tn_store_handover_signed(s, a->period, depts[d], a->as_of, &sig[d]);
        found[d] = err == TN_OK;
        if (err == TN_ERR_NOT_FOUND)
            err = TN_OK;
    }
    char digest[65];
    tn_handover_digest(items, n, digest);
    /* the list changed after a signature when its digest is no longer the signed one */
    const char *changed = (found[0] && strcmp(sig[0].digest, digest) != 0) ||
                                  (found[1] && strcmp(sig[1].digest, digest) != 0)
                              ? "yes"
                              : "no";
    struct by_code idx[2], now_idx;
    index_items(sig[0].items, sig[0].n, &idx[0]);
    index_items(sig[1].items, sig[1].n, &idx[1]);
    index_items(items, n, &now_idx);
    for (size_t i = 0; i < n && !err; i++)
        err = signoff_line(t, &items[i], sig, idx, found, changed);
    for (int d = 0; d < 2 && !err; d++)
        for (size_t i = 0; i < sig[d].n && !err; i++) {
            const struct tn_handover_item *was = &sig[d].items[i];
            int now = find(&now_idx, was->unit_code) != NULL;
            int before = d == 1 && found[0] && find(&idx[0], was->unit_code);
            if (!now && !before)
                err = dropped_line(t, was, sig, idx, found, changed);
        }
    free(idx[0].p);
    free(idx[1].p);
    free(now_idx.p);
    tn_handover_signoff_release(&sig[0]);
    tn_handover_signoff_release(&sig[1]);
    free(items);
    return err;
}
