/*
 * report_operations.c - the collection-operations reports (docs/operations.md): each
 * officer's worklist ordered by urgency with the escalation run's next step, the assignment
 * history, and collection against plan with seed 002's new debt and cleared small debts and
 * seed 001's collection efficiency. Registered as the group tn__reports_operations
 * (report_registry.c).
 */
#include "app_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/case_store.h"
#include "thuno/mem.h"
#include "thuno/operations.h"
#include "thuno/operations_store.h"

/* clang-format off */
#define WORK_COLS(X, p)                                                                            \
    X(p, officer_code, TEXT, "Cán bộ chuyên quản", "Officer", 0)                                   \
    X(p, rank, NUMBER, "Thứ tự ưu tiên", "Rank", 0)                                                \
    X(p, unit_code, TEXT, "Mã đơn vị", "Unit code", 0)                                             \
    X(p, name, TEXT, "Tên đơn vị", "Name", 0)                                                      \
    X(p, office_code, TEXT, "Cơ quan BHXH", "Office", 0)                                           \
    X(p, debt, MONEY, "Số nợ", "Debt", 1)                                                          \
    X(p, months_owed, TENTHS, "Số tháng nợ", "Months owed", 0)                                     \
    X(p, bucket, TEXT, "Nhóm tuổi nợ", "Age bucket", 0)                                            \
    X(p, legal_status, TEXT, "Tình trạng pháp lý", "Legal status", 0)                              \
    X(p, case_id, TEXT, "Mã hồ sơ", "Case", 0)                                                     \
    X(p, case_state, TEXT, "Trạng thái hồ sơ", "Case state", 0)                                    \
    X(p, next_step, TEXT, "Bước xử lý tiếp theo", "Next step", 0)                                  \
    X(p, ready, TEXT, "Đủ điều kiện thực hiện", "Ready", 0)                                        \
    X(p, department, TEXT, "Phòng thực hiện", "Department", 0)                                     \
    X(p, waiting, TEXT, "Chờ", "Waiting for", 0)                                                   \
    X(p, deadline, DATE, "Hạn của bước tiếp theo", "Deadline", 0)                                  \
    X(p, deadline_by, TEXT, "Bên phải thực hiện", "Deadline by", 0)
TN_COLUMNS(WORK, WORK_COLS);

#define ASSIGN_COLS(X, p)                                                                          \
    X(p, unit_code, TEXT, "Mã đơn vị", "Unit code", 0)                                             \
    X(p, officer_code, TEXT, "Cán bộ chuyên quản", "Officer", 0)                                   \
    X(p, from_date, DATE, "Từ ngày", "From", 0)                                                    \
    X(p, to_date, DATE, "Đến ngày", "To", 0)                                                       \
    X(p, actor, TEXT, "Người phân công", "Assigned by", 0)                                         \
    X(p, reason, TEXT, "Lý do", "Reason", 0)                                                       \
    X(p, known_at, TEXT, "Thời điểm ghi nhận", "Recorded at", 0)
TN_COLUMNS(ASSIGN, ASSIGN_COLS);

#define PLAN_COLS(X, p)                                                                            \
    X(p, scope, TEXT, "Phạm vi", "Scope", 0)                                                       \
    X(p, key, TEXT, "Nhóm", "Group", 0)                                                            \
    X(p, units, COUNT, "Số đơn vị", "Units", 1)                                                    \
    X(p, plan, MONEY, "Kế hoạch", "Plan", 1)                                                       \
    X(p, assessed, MONEY, "Phải thu", "Assessed", 1)                                               \
    X(p, collected, MONEY, "Đã thu", "Collected", 1)                                               \
    X(p, collected_pct, TENTHS, "Tỷ lệ thu so với kế hoạch (%)", "Collected of plan (%)", 0)       \
    X(p, efficiency_pct, TENTHS, "Hiệu suất thu (%)", "Collection efficiency (%)", 0)              \
    X(p, debt, MONEY, "Số nợ", "Debt", 1)                                                          \
    X(p, new_debt_units, COUNT, "Số đơn vị phát sinh nợ mới", "Units with new debt", 1)            \
    X(p, new_debt, MONEY, "Nợ phát sinh mới", "New debt", 1)                                       \
    X(p, cleared_units, COUNT, "Số đơn vị đã hết nợ nhỏ", "Units clearing small debts", 1)         \
    X(p, cleared, MONEY, "Nợ nhỏ đã thu hết", "Small debts cleared", 1)
TN_COLUMNS(PLAN, PLAN_COLS);
/* clang-format on */

/* ---- worklist ---- */

/* A unit's open case as the cases run sees it: its state and the deadline of its latest
 * event (policy/case_deadlines.csv), which is what leads a case in court or enforcement. */
struct open_case {
    char unit_code[32], case_id[72];
    enum tn_case_state state;
    tn_day deadline; /* -1: none pending */
    char next[192];  /* the expected events, "judgment/mediation_settled" */
    const char *who; /* court, THADS, office, bank, unit; "" */
};

struct worklist {
    struct tn_worklist_row *w;
    size_t n, cap;
    long *rank; /* the rows' ranks when read a group at a time (officer_page), else NULL */
    size_t capr;
    struct tn_escalation_row *e;
    size_t ne, cape;
    struct open_case *k;
    size_t nk, capk;
};

static tn_err add_case(void *ctx, const struct tn_case_row *r)
{
    struct worklist *l = ctx;
    if (tn_case_is_over(&r->c) || r->invalid[0])
        return TN_OK;
    struct open_case k = {.state = r->c.state, .deadline = r->deadline, .who = ""};
    snprintf(k.unit_code, sizeof k.unit_code, "%s", r->unit_code);
    snprintf(k.case_id, sizeof k.case_id, "%s", r->case_id);
    if (r->deadline_rule) {
        k.who = r->deadline_rule->who;
        size_t at = 0;
        for (int e = 0; e < TN_CASE_EV_COUNT && at < sizeof k.next; e++)
            if (r->deadline_rule->expect & (1u << e)) {
                int m = snprintf(k.next + at, sizeof k.next - at, "%s%s", at ? "/" : "",
                                 tn_case_event_name((enum tn_case_event)e));
                at += m > 0 ? (size_t)m : 0;
            }
    } else if (r->has_plan && r->deadline >= 0) {
        k.who = "unit";
        snprintf(k.next, sizeof k.next, "%s", "instalment");
    } else {
        /* no deadline pending (e.g. the latest event is an appeal): the steps the case's state
         * allows next (case.h), but for ending or reopening it */
        size_t at = 0;
        for (int e = 0; e < TN_CASE_EV_COUNT && at < sizeof k.next; e++) {
            enum tn_case_event ev = (enum tn_case_event)e;
            if (ev == TN_CASE_EV_CLOSED || ev == TN_CASE_EV_WITHDRAWN ||
                ev == TN_CASE_EV_APPEAL_CHANGED || !tn_case_allows(&r->c, ev))
                continue;
            int m = snprintf(k.next + at, sizeof k.next - at, "%s%s", at ? "/" : "",
                             tn_case_event_name(ev));
            at += m > 0 ? (size_t)m : 0;
        }
    }
    TN_GROW(l->k, l->capk, l->nk + 1);
    l->k[l->nk++] = k;
    return TN_OK;
}

/* by unit, the latest case id first (as the escalation run takes a unit's open case) */
static int case_by_unit(const void *a, const void *b)
{
    const struct open_case *x = a, *y = b;
    int c = strcmp(x->unit_code, y->unit_code);
    return c ? c : strcmp(y->case_id, x->case_id);
}

static const struct open_case *find_case(const struct worklist *l, const char *unit)
{
    size_t lo = 0, hi = l->nk;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (strcmp(l->k[mid].unit_code, unit) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < l->nk && strcmp(l->k[lo].unit_code, unit) == 0 ? &l->k[lo] : NULL;
}

static tn_err add_work(void *ctx, const struct tn_worklist_row *r)
{
    struct worklist *l = ctx;
    TN_GROW(l->w, l->cap, l->n + 1);
    l->w[l->n++] = *r;
    return TN_OK;
}

static tn_err add_step(void *ctx, const struct tn_escalation_row *r)
{
    struct worklist *l = ctx;
    TN_GROW(l->e, l->cape, l->ne + 1);
    l->e[l->ne++] = *r;
    return TN_OK;
}

static int step_by_unit(const void *a, const void *b)
{
    const struct tn_escalation_row *x = a, *y = b;
    return strcmp(x->unit_code, y->unit_code);
}

/* per officer, then by urgency (tn_urgency_cmp), then unit_code */
static int by_urgency(const void *a, const void *b)
{
    const struct tn_worklist_row *x = a, *y = b;
    int c = strcmp(x->officer_code, y->officer_code);
    if (c)
        return c;
    struct tn_urgency ux = {strcmp(x->legal_status, "evading") == 0, x->months_owed_tenths,
                            x->debt};
    struct tn_urgency uy = {strcmp(y->legal_status, "evading") == 0, y->months_owed_tenths,
                            y->debt};
    c = tn_urgency_cmp(&ux, &uy);
    return c ? c : strcmp(x->unit_code, y->unit_code);
}

/* A unit's row: the ladder's step (e) when the escalation run has one, else its case's next
 * step by its deadline (k: a case in court or enforcement is led by its deadlines). */
static tn_err worklist_row(const struct tn_sink *out, const struct tn_worklist_row *w, long rank,
                           const struct tn_escalation_row *e, const struct open_case *k)
{
    struct tn_cell c[WORK_NCOLS];
    c[WORK_officer_code] = tn_cell_text(w->officer_code);
    c[WORK_rank] = tn_cell_int(rank);
    c[WORK_unit_code] = tn_cell_text(w->unit_code);
    c[WORK_name] = tn_cell_text(w->name);
    c[WORK_office_code] = tn_cell_text(w->office_code);
    c[WORK_debt] = tn_cell_int(w->debt);
    c[WORK_months_owed] = tn_cell_tenths(w->months_owed_tenths);
    c[WORK_bucket] = tn_cell_text(w->bucket);
    c[WORK_legal_status] = tn_cell_text(w->legal_status);
    c[WORK_case_id] = tn_cell_text(e && e->case_id[0] ? e->case_id : k ? k->case_id : "");
    c[WORK_case_state] = tn_cell_text(e && e->case_id[0] ? tn_case_state_name(e->state)
                                      : k                ? tn_case_state_name(k->state)
                                                         : "");
    c[WORK_next_step] = tn_cell_text(e ? e->next.step : k ? k->next : "");
    c[WORK_ready] = tn_cell_text(e ? (e->next.ready ? "yes" : "no") : "");
    c[WORK_department] = tn_cell_text(e ? e->next.department : "");
    c[WORK_waiting] = tn_cell_text(e ? e->next.waiting : "");
    char day[TN_DAY_BUFSZ];
    c[WORK_deadline] = tn_cell_null();
    c[WORK_deadline_by] = tn_cell_text(k && k->deadline >= 0 ? k->who : "");
    if (k && k->deadline >= 0) {
        tn_day_format(k->deadline, day);
        c[WORK_deadline] = tn_cell_text(day);
    }
    return out->row(out->ctx, c);
}

/* The page of p (all rows without one) of the l->n rows sorted: [*from, *to). */
static void page_range(const struct tn_report_params *p, size_t n, size_t *from, size_t *to)
{
    struct tn_report_page *pg = p->page;
    *from = pg && pg->skip < n ? pg->skip : pg ? n : 0;
    *to = pg && pg->limit && pg->limit < n - *from ? *from + pg->limit : n;
    if (pg) {
        pg->more = *to < n;
        pg->next = *to;
    }
}

/* A page of the province's worklist (every officer's, no office cut), an officer's rows at a time
 * from the cursor's (p->page's group and skip) in officer order (tn_store_officer_after): the
 * page's rows and their ranks into l, and the next page's group and skip into p->page. It reads the
 * officers the page spans and those up to the next row, not the province: the officers are ranked
 * apart, so a row's rank is its place in its officer's rows. */
static tn_err officer_page(struct tn_app *app, const struct tn_scope *scope,
                           const struct tn_report_params *p, struct worklist *l)
{
    struct tn_report_page *pg = p->page;
    struct worklist g = {0};
    char officer[32];
    snprintf(officer, sizeof officer, "%s", pg->group);
    size_t skip = pg->skip;
    int found = 1;
    tn_err err = TN_OK;
    pg->more = 0;
    while (!err && found && !pg->more) {
        g.n = 0;
        err = tn_store_worklist(app->store, scope->office, p->period, p->as_of, officer, add_work,
                                &g);
        if (!err && g.n)
            tn_sort(g.w, g.n, sizeof *g.w, by_urgency);
        for (size_t i = skip; !err && i < g.n && !pg->more; i++) {
            if (pg->limit && l->n == pg->limit) { /* the next page starts here */
                pg->more = 1;
                pg->next = i;
                snprintf(pg->group, sizeof pg->group, "%s", officer);
                break;
            }
            TN_GROW(l->w, l->cap, l->n + 1);
            TN_GROW(l->rank, l->capr, l->n + 1);
            l->rank[l->n] = (long)i + 1;
            l->w[l->n++] = g.w[i];
        }
        skip = 0;
        char after[32];
        if (!err && !pg->more)
            err = tn_store_officer_after(app->store, officer, after, &found);
        if (!err && !pg->more && found)
            memcpy(officer, after, sizeof officer);
    }
    free(g.w);
    return err;
}

/* The ladder's steps (the escalation run's rows) of the units of rows [from, to) alone:
 * what made a worklist read the whole province's facts. */
static tn_err page_steps(struct tn_app *app, const struct tn_report_params *p, struct worklist *l,
                         size_t from, size_t to)
{
    if (from == to)
        return TN_OK;
    const char **units = tn_xmalloc((to - from) * sizeof *units);
    for (size_t i = from; i < to; i++)
        units[i - from] = l->w[i].unit_code;
    tn_err err = tn_store_escalation_units(app->store, app->policy, p->period, p->as_of, units,
                                           to - from, add_step, l);
    free(units);
    if (!err && l->ne)
        tn_sort(l->e, l->ne, sizeof *l->e, step_by_unit);
    return err;
}

/* The departments with a worklist of their own; "OTHER" is every row none of them has (no next
 * step, or a step of TTKT, legal, the unit's or the court's), so that the three lists
 * partition the worklist. */
static const char *const worklist_departments[] = {"QLT", "KTTN"};

static int is_other(const char *department)
{
    return strcmp(department, "OTHER") == 0;
}

/* 1 when row e (NULL: no step) is of department (one of the ladder's, or "OTHER"). */
static int of_department(const char *department, const struct tn_escalation_row *e)
{
    if (!is_other(department))
        return e && strcmp(e->next.department, department) == 0;
    for (size_t i = 0; e && i < sizeof worklist_departments / sizeof *worklist_departments; i++)
        if (strcmp(e->next.department, worklist_departments[i]) == 0)
            return 0;
    return 1;
}

/* TN_OK when department is one of the escalation ladder's (policy/ladder.csv) or "OTHER". */
static tn_err check_department(struct tn_app *app, const char *department)
{
    if (is_other(department))
        return TN_OK;
    for (size_t i = 0; i < app->policy->nladder; i++)
        if (strcmp(app->policy->ladder[i].department, department) == 0)
            return TN_OK;
    return tn__app_fail(app, TN_ERR_USAGE,
                        "không có phòng \"%s\" trong các bước xử lý nợ / no step of the ladder "
                        "is the department \"%s\" (QLT, KTTN, ..., OTHER)",
                        department, department);
}

/* Whether row e (NULL: no step) is of department (NULL: every row kept), and, when p asks for a
 * page of a department's rows, whether it is in the page: *kept counts the department's rows
 * before it; the page's end sets p->page's more and next. */
static int department_keeps(const struct tn_report_params *p, const struct tn_escalation_row *e,
                            size_t *kept, int *stop)
{
    if (!p->department)
        return 1;
    if (!of_department(p->department, e))
        return 0;
    struct tn_report_page *pg = p->page;
    size_t at = (*kept)++;
    if (!pg)
        return 1;
    if (at < pg->skip)
        return 0;
    if (pg->limit && at - pg->skip >= pg->limit) {
        pg->more = 1;
        pg->next = at;
        *stop = 1;
        return 0;
    }
    return 1;
}

static tn_err run_worklist(struct tn_app *app, const struct tn_scope *scope,
                           const struct tn_report_params *p, const struct tn_sink *out)
{
    struct worklist l = {0};
    size_t from = 0, to = 0, kept = 0;
    int stop = 0;
    tn_err err = p->department ? check_department(app, p->department) : TN_OK;
    if (err)
        return err;
    if (p->department && p->page) {
        p->page->more = 0;
        p->page->group[0] = '\0';
    }
    /* a page of the province's worklist: read by officer. An office's is read whole and paged:
     * by officer it would read every officer's units, the other offices' too (420 ms a page of
     * an office of the 20,000-unit province, against 50 whole). A department's rows are known
     * only with their steps: read whole, each row's step computed, and paged after. */
    if (p->page && !p->officer && !scope->office && !p->department) {
        err = officer_page(app, scope, p, &l);
        to = l.n;
    } else {
        err = tn_store_worklist(app->store, scope->office, p->period, p->as_of, p->officer,
                                add_work, &l);
        if (!err && l.n)
            tn_sort(l.w, l.n, sizeof *l.w, by_urgency);
        if (!err && p->department)
            to = l.n;
        else if (!err)
            page_range(p, l.n, &from, &to);
    }
    if (!err)
        err = page_steps(app, p, &l, from, to);
    if (!err && from < to)
        err = tn_store_cases(app->store, scope->office, app->policy, p->as_of ? p->as_of : app->now,
                             -1, add_case, &l);
    if (!err && l.nk)
        tn_sort(l.k, l.nk, sizeof *l.k, case_by_unit);
    long rank = 0;
    for (size_t i = 0; !err && !stop && i < to; i++) {
        rank = l.rank                                                           ? l.rank[i]
               : i && strcmp(l.w[i].officer_code, l.w[i - 1].officer_code) == 0 ? rank + 1
                                                                                : 1;
        if (i < from)
            continue;
        struct tn_escalation_row key;
        snprintf(key.unit_code, sizeof key.unit_code, "%s", l.w[i].unit_code);
        const struct tn_escalation_row *e =
            l.ne ? bsearch(&key, l.e, l.ne, sizeof *l.e, step_by_unit) : NULL;
        if (department_keeps(p, e, &kept, &stop))
            err = worklist_row(out, &l.w[i], rank, e, find_case(&l, l.w[i].unit_code));
    }
    free(l.w);
    free(l.rank);
    free(l.e);
    free(l.k);
    return err;
}

/* ---- assignments ---- */

static tn_err assignment_row(void *ctx, const struct tn_assignment_row *r)
{
    const struct tn_sink *out = ctx;
    struct tn_cell c[ASSIGN_NCOLS];
    c[ASSIGN_unit_code] = tn_cell_text(r->unit_code);
    c[ASSIGN_officer_code] = tn_cell_text(r->officer_code);
    c[ASSIGN_from_date] = tn_cell_text(r->from_date);
    c[ASSIGN_to_date] = tn_cell_text(r->to_date);
    c[ASSIGN_actor] = tn_cell_text(r->actor);
    c[ASSIGN_reason] = tn_cell_text(r->reason);
    c[ASSIGN_known_at] = tn_cell_text(r->known_at);
    return out->row(out->ctx, c);
}

static tn_err run_assignments(struct tn_app *app, const struct tn_scope *scope,
                              const struct tn_report_params *p, const struct tn_sink *out)
{
    return tn_store_assignments(app->store, scope->office, p->as_of, assignment_row, (void *)out);
}

/* ---- collection against plan ---- */

static tn_err plan_row(void *ctx, const struct tn_plan_row *r)
{
    const struct tn_sink *out = ctx;
    /* percentages empty when undefined (no plan, nothing assessed: docs/operations.md) */
    long pct = tn_percent_tenths(r->collected, r->plan);
    long eff = tn_percent_tenths(r->collected, r->assessed);
    struct tn_cell c[PLAN_NCOLS];
    c[PLAN_scope] = tn_cell_text(r->scope);
    c[PLAN_key] = tn_cell_text(r->key);
    c[PLAN_units] = tn_cell_int(r->units);
    c[PLAN_plan] = tn_cell_int_or_null(r->plan);
    c[PLAN_assessed] = tn_cell_int(r->assessed);
    c[PLAN_collected] = tn_cell_int(r->collected);
    c[PLAN_collected_pct] = tn_cell_tenths_or_null(pct);
    c[PLAN_efficiency_pct] = tn_cell_tenths_or_null(eff);
    c[PLAN_debt] = tn_cell_int(r->debt);
    c[PLAN_new_debt_units] = tn_cell_int(r->new_debt_units);
    c[PLAN_new_debt] = tn_cell_int(r->new_debt);
    c[PLAN_cleared_units] = tn_cell_int(r->cleared_units);
    c[PLAN_cleared] = tn_cell_int(r->cleared);
    return out->row(out->ctx, c);
}

static tn_err run_collection_plan(struct tn_app *app, const struct tn_scope *scope,
                                  const struct tn_report_params *p, const struct tn_sink *out)
{
    return tn_store_plan_kpi(app->store, scope->office, p->period, p->as_of, plan_row, (void *)out);
}

#define COLS(p) p##_cols, p##_NCOLS

static const struct tn_report reports[] = {
    {"worklist", "Danh sách công việc của cán bộ chuyên quản / Officer's worklist",
     "each officer's owing units by urgency (evading, months owed, debt) with the next step",
     COLS(WORK),
     TN_REPORT_PERIOD | TN_REPORT_OFFICE | TN_REPORT_OFFICER | TN_REPORT_PAGED | TN_REPORT_DEPT,
     run_worklist},
    {"assignments", "Lịch sử phân công cán bộ chuyên quản / Officer assignment history",
     "every assignment of a unit to an officer, from and to which date, by whom and why",
     COLS(ASSIGN), TN_REPORT_OFFICE, run_assignments},
    {"collection_plan", "Kết quả thu so với kế hoạch / Collection against plan",
     "per province, department, office, type, officer: plan, collected %, efficiency, new debt",
     COLS(PLAN), TN_REPORT_PERIOD | TN_REPORT_OFFICE | TN_REPORT_NO_SUM, run_collection_plan},
};

TN__REPORT_GROUP(tn__reports_operations, reports);
