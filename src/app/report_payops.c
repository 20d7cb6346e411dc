/*
 * report_payops.c - the payments-operations reports (docs/payments-ops.md): suspense_review
 * (payments still in suspense with the memo's proposal and candidates, the proposals that
 * tn_app_suspense_match records), books (sổ BHXH of earmarked and leaving workers) and
 * card_lock_workers (the daily health-card lock and unlock lists, one row per worker with the
 * card number). Registered as the group tn__reports_payops (report_registry.c).
 */
#include "app_int.h"

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

/* clang-format off */
#define BOOK_COLS(X, p)                                                                            \
    X(p, unit_code, TEXT, "Mã đơn vị", "Unit code", 0)                                             \
    X(p, bhxh_code, TEXT, "Mã số BHXH", "Social insurance number", 0)                              \
    X(p, full_name, TEXT, "Họ và tên", "Full name", 0)                                             \
    X(p, left_from, PERIOD, "Nghỉ việc từ kỳ", "Left from", 0)                                     \
    X(p, earmarked, MONEY, "Số tiền đóng riêng cho người lao động", "Earmarked", 1)                \
    X(p, earmark_periods, TEXT, "Các kỳ đã đóng riêng", "Earmarked periods", 0)                    \
    X(p, confirmed_to, PERIOD, "Xác nhận đến kỳ", "Confirmed to", 0)                               \
    X(p, owed_periods, TEXT, "Các kỳ còn phải nộp", "Periods outstanding", 0)                      \
    X(p, owed, MONEY, "Số tiền còn phải nộp", "Outstanding", 1)                                    \
    X(p, status, TEXT, "Tình trạng sổ", "Book status", 0)
TN_COLUMNS(BOOK, BOOK_COLS);

#define CARD_COLS(X, p)                                                                            \
    X(p, date, DATE, "Ngày", "Date", 0)                                                            \
    X(p, action, TEXT, "Khóa/mở", "Action", 0)                                                     \
    X(p, unit_code, TEXT, "Mã đơn vị", "Unit code", 0)                                             \
    X(p, unit_name, TEXT, "Tên đơn vị", "Unit name", 0)                                            \
    X(p, bhxh_code, TEXT, "Mã số BHXH", "Social insurance number", 0)                              \
    X(p, full_name, TEXT, "Họ và tên", "Full name", 0)                                             \
    X(p, card_number, TEXT, "Mã thẻ BHYT", "Health card number", 0)                                \
    X(p, months_owed, TENTHS, "Số tháng nợ", "Months owed", 0)                                     \
    X(p, department, TEXT, "Phòng phụ trách", "Department", 0)                                     \
    X(p, liability, TEXT, "Trách nhiệm của đơn vị", "The unit's liability", 0)
TN_COLUMNS(CARD, CARD_COLS);
/* clang-format on */

static const struct tn_col prop_cols[] = {TN__PROPOSAL_COLS(TN_COL_ENTRY, TN__PROP)};

/* ---- suspense proposals, shared with tn_app_suspense_match ---- */

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

tn_err tn__suspense_proposals(struct tn_store *s, const char *office, tn_period period,
                              const char *as_of, tn__proposal_cb cb, void *ctx)
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
    err = tn_store_suspense(s, office, period, as_of, proposal_row, &x);
    tn_memo_index_free(x.ix);
    free(x.mu);
    free(x.units);
    return err;
}

void tn__proposal_cells(const struct tn__proposal *p, char period[static TN_PERIOD_BUFSZ],
                        struct tn_cell c[static TN__PROP_NCOLS])
{
    period[0] = '\0';
    if (p->memo.period >= 0)
        tn_period_format(p->memo.period, period);
    c[TN__PROP_txn_id] = tn_cell_text(p->row->txn_id);
    c[TN__PROP_paid_on] = tn_cell_text(p->row->paid_on);
    c[TN__PROP_amount] = tn_cell_int(p->row->amount);
    c[TN__PROP_memo] = tn_cell_text(p->row->memo);
    c[TN__PROP_memo_period] = tn_cell_text(period);
    /* no unit proposed: neither a unit nor a confidence */
    c[TN__PROP_proposed_unit] = p->unit ? tn_cell_text(p->unit->unit_code) : tn_cell_null();
    c[TN__PROP_method] = tn_cell_text(tn_memo_method_name(p->match.method));
    c[TN__PROP_confidence] = p->unit ? tn_cell_int(p->match.confidence) : tn_cell_null();
    c[TN__PROP_candidates] = tn_cell_text(p->candidates);
    c[TN__PROP_reason] = tn_cell_text(p->match.reason);
}

static tn_err review_row(void *ctx, const struct tn__proposal *p)
{
    const struct tn_sink *out = ctx;
    char period[TN_PERIOD_BUFSZ];
    struct tn_cell c[TN__PROP_NCOLS];
    tn__proposal_cells(p, period, c);
    return out->row(out->ctx, c);
}

static tn_err run_suspense_review(struct tn_app *app, const struct tn_scope *scope,
                                  const struct tn_report_params *p, const struct tn_sink *out)
{
    return tn__suspense_proposals(app->store, scope->office, p->period, p->as_of, review_row,
                                  (void *)out);
}

/* ---- books of earmarked and leaving workers ---- */

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
    const struct tn_sink *out = ctx;
    char left[TN_PERIOD_BUFSZ] = "", ear[20], owed[20], conf[TN_PERIOD_BUFSZ] = "";
    if (r->left_from >= 0)
        tn_period_format(r->left_from, left);
    if (r->confirmed_to >= 0)
        tn_period_format(r->confirmed_to, conf);
    span(r->earmark_first, r->earmark_last, ear);
    span(r->owed_first, r->owed_last, owed);
    /* a book is closed (chốt sổ) for a leaving worker once nothing is owed for them */
    const char *status = r->blocked ? "blocked" : r->left_from >= 0 ? "closable" : "paid";
    struct tn_cell c[BOOK_NCOLS];
    c[BOOK_unit_code] = tn_cell_text(r->unit_code);
    c[BOOK_bhxh_code] = tn_cell_text(r->bhxh_code);
    c[BOOK_full_name] = tn_cell_text(r->full_name);
    c[BOOK_left_from] = tn_cell_text(left);
    c[BOOK_earmarked] = tn_cell_int(r->earmarked);
    c[BOOK_earmark_periods] = tn_cell_text(ear);
    c[BOOK_confirmed_to] = tn_cell_text(conf);
    c[BOOK_owed_periods] = tn_cell_text(owed);
    c[BOOK_owed] = tn_cell_int(r->owed);
    c[BOOK_status] = tn_cell_text(status);
    return out->row(out->ctx, c);
}

static tn_err run_books(struct tn_app *app, const struct tn_scope *scope,
                        const struct tn_report_params *p, const struct tn_sink *out)
{
    return tn_store_books(app->store, scope->office, p->period, p->as_of, book_row, (void *)out);
}

/* ---- the daily card-lock lists, per worker ---- */

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
    const struct tn_sink *out;
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
    struct tn_cell c[CARD_NCOLS];
    c[CARD_date] = tn_cell_text(j->date);
    c[CARD_action] = tn_cell_text(j->action);
    c[CARD_unit_code] = tn_cell_text(j->unit->unit_code);
    c[CARD_unit_name] = tn_cell_text(j->unit->name);
    c[CARD_bhxh_code] = tn_cell_text(w->bhxh_code);
    c[CARD_full_name] = tn_cell_text(w->full_name);
    c[CARD_card_number] = tn_cell_text(card);
    c[CARD_months_owed] = tn_cell_tenths(j->tenths);
    c[CARD_department] = tn_cell_text(j->department);
    c[CARD_liability] = tn_cell_text(j->liability);
    return j->out->row(j->out->ctx, c);
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

static tn_err card_lists(struct tn_app *app, const char *cut, const struct tn_report_params *a,
                         const struct tn_sink *out, const struct tn_card_rule *rule)
{
    struct tn_store *s = app->store;
    const struct tn_policy *pol = app->policy;
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
     * states are of every unit and the scope's cut is applied here (payops.h) */
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
        struct card_job j = {out,
                             u,
                             NULL,
                             date,
                             locked ? "lock" : "unlock",
                             dept_tenths >= rule->kttn_tenths ? "KTTN" : "QLT",
                             locked ? lock_text : unlock_text,
                             n->tenths};
        if ((err = tn_policy_card_group(pol, u->type, day, &j.group))) {
            err = tn__app_fail(app, err, "no line in policy/card_groups.csv for unit type %s on %s",
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

static tn_err run_card_lock_workers(struct tn_app *app, const struct tn_scope *scope,
                                    const struct tn_report_params *p, const struct tn_sink *out)
{
    const struct tn_card_rule *rule;
    if (tn_policy_card(app->policy, tn_period_last_day(p->period), &rule))
        return tn__app_fail(app, TN_ERR_NO_POLICY,
                            "no rule in policy/card_lock.csv for this period");
    return card_lists(app, scope->office, p, out, rule);
}

#define COLS(p) p##_cols, p##_NCOLS

static const struct tn_report reports[] = {
    {"suspense_review", "Đối chiếu tiền chưa xác định đơn vị / Suspense review",
     "payments still in suspense with the memo's proposed unit, confidence and candidates",
     prop_cols, TN__PROP_NCOLS, 0, run_suspense_review},
    {"books", "Sổ BHXH của người lao động nghỉ việc / Books of leaving workers",
     "earmarked and leaving workers: periods confirmed, and books blocked by the unit's debt",
     COLS(BOOK), TN_REPORT_PERIOD | TN_REPORT_OFFICE, run_books},
    {"card_lock_workers", "Danh sách khóa, mở thẻ BHYT theo người lao động / Card locks by worker",
     "the day's (--date) lock and unlock lists, one row per worker with the card number",
     COLS(CARD), TN_REPORT_PERIOD | TN_REPORT_OFFICE, run_card_lock_workers},
};

TN__REPORT_GROUP(tn__reports_payops, reports);
