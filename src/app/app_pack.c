/*
 * app_pack.c - packs: documents of several tables, each a section of one sink (app.h); the face
 * opens the output and writes the sections it is given.
 *
 * The People's Committee report (seed 001, docs/inspections.md) is the three tables of the
 * reports pc_report, pc_refusing and pc_measures (report_inspections.c), run through the
 * registry so that the document and the reports cannot drift apart.
 *
 * The meeting pack: the director's monthly meeting with QLT, KTTN and TTKT (seed 002,
 * docs/operations.md "Meeting pack"), five sections: collection against plan, debt by bucket
 * this month and last, the units newly in debt, what was done in the month (case events by kind
 * and department), and the measures proposed for next month (the escalation run's ready steps by
 * department and step), each with its typed, labelled columns.
 */
#include "app_int.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/case.h"
#include "thuno/case_store.h"
#include "thuno/letter_rule.h"
#include "thuno/mem.h"
#include "thuno/operations.h"
#include "thuno/operations_store.h"
#include "thuno/policy.h"
#include "thuno/store.h"

/* ---- the People's Committee report ---- */

/* The sections of the People's Committee report: heading and report, in order. */
static const struct {
    const char *heading, *report;
} committee[] = {
    {"1. Tình hình sử dụng lao động, đóng BHXH theo địa bàn và loại hình / Labour use and "
     "contributions by district and sector",
     "pc_report"},
    {"2. Đơn vị chây ỳ không đóng BHXH / Units that refuse to pay", "pc_refusing"},
    {"3. Đề nghị các ngành phối hợp xử lý / Measures requested from other agencies", "pc_measures"},
};

tn_err tn_app_committee_pack(struct tn_app *app, const struct tn_scope *scope,
                             const struct tn_report_params *p, const struct tn_sink *out)
{
    app->why[0] = '\0';
    if (p->period < 0)
        return tn__app_fail(app, TN_ERR_USAGE, "the committee report needs a period YYYY-MM");
    struct tn_scope sc;
    tn_err err = tn__app_scope(app, scope, &sc);
    if (err)
        return err;
    scope = &sc;
    for (size_t i = 0; !err && i < sizeof committee / sizeof committee[0]; i++) {
        const struct tn_report *r = tn_app_report(committee[i].report);
        assert(r); /* report_inspections.c registers the three */
        err = out->section(out->ctx, committee[i].heading, r->cols, r->ncols);
        if (!err)
            err = r->run(app, scope, p, out);
    }
    return err;
}

/* ---- the meeting pack ---- */

/* clang-format off */
#define MP_PLAN_COLS(X, p)                                                                         \
    X(p, scope, TEXT, "Phạm vi", "Scope", 0)                                                       \
    X(p, key, TEXT, "Mã", "Key", 0)                                                                \
    X(p, units, COUNT, "Số đơn vị", "Units", 1)                                                    \
    X(p, plan, MONEY, "Kế hoạch thu", "Plan", 1)                                                   \
    X(p, collected, MONEY, "Đã thu", "Collected", 1)                                               \
    X(p, collected_pct, TENTHS, "Tỷ lệ thu so với kế hoạch (%)", "Collected of plan (%)", 0)       \
    X(p, efficiency_pct, TENTHS, "Tỷ lệ thu so với phải thu (%)", "Collected of assessed (%)", 0)  \
    X(p, debt, MONEY, "Số nợ", "Debt", 1)                                                          \
    X(p, new_debt_units, COUNT, "Số đơn vị nợ mới", "Units newly in debt", 1)                      \
    X(p, new_debt, MONEY, "Nợ mới phát sinh", "New debt", 1)                                       \
    X(p, cleared_units, COUNT, "Số đơn vị hết nợ", "Units cleared", 1)                             \
    X(p, cleared, MONEY, "Nợ đã thu hồi", "Debt cleared", 1)
TN_COLUMNS(MP_PLAN, MP_PLAN_COLS);

#define MP_BUCKET_COLS(X, p)                                                                       \
    X(p, bucket, TEXT, "Nhóm tháng nợ", "Months-owed bucket", 0)                                   \
    X(p, units_prev, COUNT, "Số đơn vị tháng trước", "Units last month", 1)                        \
    X(p, debt_prev, MONEY, "Số nợ tháng trước", "Debt last month", 1)                              \
    X(p, units, COUNT, "Số đơn vị tháng này", "Units this month", 1)                               \
    X(p, debt, MONEY, "Số nợ tháng này", "Debt this month", 1)                                     \
    X(p, debt_change, MONEY, "Tăng, giảm", "Change", 1)                                            \
    X(p, not_due, MONEY, "Phải nộp chưa đến hạn tháng này", "Not yet due this month", 1)
TN_COLUMNS(MP_BUCKET, MP_BUCKET_COLS);

#define MP_NEW_COLS(X, p)                                                                          \
    X(p, unit_code, TEXT, "Mã đơn vị", "Unit code", 0)                                             \
    X(p, name, TEXT, "Tên đơn vị", "Unit name", 0)                                                 \
    X(p, officer_code, TEXT, "Cán bộ chuyên quản", "Officer", 0)                                   \
    X(p, office_code, TEXT, "Cơ quan BHXH", "Office", 0)                                           \
    X(p, months_owed, TENTHS, "Số tháng nợ", "Months owed", 0)                                     \
    X(p, debt, MONEY, "Số nợ", "Debt", 1)                                                          \
    X(p, legal_status, TEXT, "Tình trạng pháp lý", "Legal status", 0)
TN_COLUMNS(MP_NEW, MP_NEW_COLS);

#define MP_EVENT_COLS(X, p)                                                                        \
    X(p, department, TEXT, "Phòng phụ trách", "Department", 0)                                     \
    X(p, event, TEXT, "Sự kiện", "Event", 0)                                                       \
    X(p, label, TEXT, "Nội dung", "Label", 0)                                                      \
    X(p, events, COUNT, "Số lần", "Events", 1)                                                     \
    X(p, units, COUNT, "Số đơn vị", "Units", 1)                                                    \
    X(p, amount, MONEY, "Số tiền", "Amount", 1)
TN_COLUMNS(MP_EVENT, MP_EVENT_COLS);

#define MP_STEP_COLS(X, p)                                                                         \
    X(p, department, TEXT, "Phòng phụ trách", "Department", 0)                                     \
    X(p, next_step, TEXT, "Biện pháp tiếp theo", "Next step", 0)                                   \
    X(p, ready_units, COUNT, "Số đơn vị đủ điều kiện", "Units ready", 1)                           \
    X(p, ready_debt, MONEY, "Số nợ của đơn vị đủ điều kiện", "Debt of units ready", 1)             \
    X(p, waiting_units, COUNT, "Số đơn vị chưa đủ điều kiện", "Units waiting", 1)
TN_COLUMNS(MP_STEP, MP_STEP_COLS);
/* clang-format on */

static tn_err mp_plan_row(void *ctx, const struct tn_plan_row *r)
{
    const struct tn_sink *out = ctx;
    if (strcmp(r->scope, "type") == 0 || strcmp(r->scope, "officer") == 0)
        return TN_OK; /* the meeting looks at the province, departments and offices */
    long pct = tn_percent_tenths(r->collected, r->plan);
    long eff = tn_percent_tenths(r->collected, r->assessed);
    struct tn_cell c[MP_PLAN_NCOLS];
    c[MP_PLAN_scope] = tn_cell_text(r->scope);
    c[MP_PLAN_key] = tn_cell_text(r->key);
    c[MP_PLAN_units] = tn_cell_int(r->units);
    c[MP_PLAN_plan] = tn_cell_int_or_null(r->plan);
    c[MP_PLAN_collected] = tn_cell_int(r->collected);
    c[MP_PLAN_collected_pct] = tn_cell_tenths_or_null(pct);
    c[MP_PLAN_efficiency_pct] = tn_cell_tenths_or_null(eff);
    c[MP_PLAN_debt] = tn_cell_int(r->debt);
    c[MP_PLAN_new_debt_units] = tn_cell_int(r->new_debt_units);
    c[MP_PLAN_new_debt] = tn_cell_int(r->new_debt);
    c[MP_PLAN_cleared_units] = tn_cell_int(r->cleared_units);
    c[MP_PLAN_cleared] = tn_cell_int(r->cleared);
    return out->row(out->ctx, c);
}

static tn_err mp_bucket_row(void *ctx, const struct tn_bucket_move *r)
{
    const struct tn_sink *out = ctx;
    struct tn_cell c[MP_BUCKET_NCOLS];
    c[MP_BUCKET_bucket] = tn_cell_text(r->bucket);
    c[MP_BUCKET_units_prev] = tn_cell_int(r->units_prev);
    c[MP_BUCKET_debt_prev] = tn_cell_int(r->debt_prev);
    c[MP_BUCKET_units] = tn_cell_int(r->units);
    c[MP_BUCKET_debt] = tn_cell_int(r->debt);
    c[MP_BUCKET_debt_change] = tn_cell_int(r->debt - r->debt_prev);
    c[MP_BUCKET_not_due] = tn_cell_int(r->not_due);
    return out->row(out->ctx, c);
}

static tn_err mp_new_row(void *ctx, const struct tn_worklist_row *r)
{
    const struct tn_sink *out = ctx;
    struct tn_cell c[MP_NEW_NCOLS];
    c[MP_NEW_unit_code] = tn_cell_text(r->unit_code);
    c[MP_NEW_name] = tn_cell_text(r->name);
    c[MP_NEW_officer_code] = tn_cell_text(r->officer_code);
    c[MP_NEW_office_code] = tn_cell_text(r->office_code);
    c[MP_NEW_months_owed] = tn_cell_tenths(r->months_owed_tenths);
    c[MP_NEW_debt] = tn_cell_int(r->debt);
    c[MP_NEW_legal_status] = tn_cell_text(r->legal_status);
    return out->row(out->ctx, c);
}

struct mp_event_ctx {
    const struct tn_sink *out;
    const struct tn_policy *pol;
};

static tn_err mp_event_row(void *ctx, const struct tn_event_count *r)
{
    const struct mp_event_ctx *x = ctx;
    enum tn_case_event e;
    int known = tn_case_event_parse(r->event, &e) == TN_OK;
    struct tn_cell c[MP_EVENT_NCOLS];
    c[MP_EVENT_department] = tn_cell_text(known ? tn_letter_rule_event_department(x->pol, e) : "");
    c[MP_EVENT_event] = tn_cell_text(r->event);
    c[MP_EVENT_label] = tn_cell_text(known ? tn_case_event_label(e) : "");
    c[MP_EVENT_events] = tn_cell_int(r->events);
    c[MP_EVENT_units] = tn_cell_int(r->units);
    c[MP_EVENT_amount] = tn_cell_int(r->amount);
    return x->out->row(x->out->ctx, c);
}

/* The escalation run's proposals counted by department and step, in the run's order. */
struct mp_step_count {
    const char *department, *step; /* borrowed from the policy */
    long long ready, waiting;
    tn_money ready_debt;
};

struct mp_steps {
    struct mp_step_count *v;
    size_t n, cap;
};

static tn_err mp_count_step(void *ctx, const struct tn_escalation_row *r)
{
    struct mp_steps *s = ctx;
    size_t i = 0;
    while (i < s->n && !(strcmp(s->v[i].department, r->next.department) == 0 &&
                         strcmp(s->v[i].step, r->next.step) == 0))
        i++;
    if (i == s->n) {
        TN_GROW(s->v, s->cap, s->n + 1);
        s->v[s->n++] = (struct mp_step_count){r->next.department, r->next.step, 0, 0, 0};
    }
    if (r->next.ready) {
        s->v[i].ready++;
        s->v[i].ready_debt += r->debt;
    } else {
        s->v[i].waiting++;
    }
    return TN_OK;
}

tn_err tn_app_pack_meeting(struct tn_app *app, const struct tn_scope *scope, tn_period period,
                           const char *as_of, const struct tn_sink *out)
{
    app->why[0] = '\0';
    if (!out->section)
        return tn__app_fail(app, TN_ERR_USAGE, "the meeting pack is written in sections");
    struct tn_scope sc;
    tn_err err = tn__app_scope(app, scope, &sc);
    if (err)
        return err;
    scope = &sc;
    struct tn_store *s = app->store;
    struct mp_steps st = {0};
    err = out->section(out->ctx, "1. Kết quả thu so với kế hoạch / Collection against plan",
                       MP_PLAN_cols, MP_PLAN_NCOLS);
    if (!err)
        err = tn_store_plan_kpi(s, scope->office, period, as_of, mp_plan_row, (void *)out);
    if (!err && !(err = out->section(out->ctx,
                                     "2. Nợ theo nhóm tháng nợ, tháng trước và tháng này / "
                                     "Debt by bucket, last month and this",
                                     MP_BUCKET_cols, MP_BUCKET_NCOLS)))
        err = tn_store_bucket_moves(s, scope->office, period, as_of, mp_bucket_row, (void *)out);
    if (!err && !(err = out->section(out->ctx, "3. Đơn vị phát sinh nợ mới / Units newly in debt",
                                     MP_NEW_cols, MP_NEW_NCOLS)))
        err = tn_store_new_debtors(s, scope->office, period, as_of, mp_new_row, (void *)out);
    struct mp_event_ctx ex = {out, app->policy};
    if (!err && !(err = out->section(out->ctx,
                                     "4. Công việc đã thực hiện trong tháng / What was done "
                                     "this month",
                                     MP_EVENT_cols, MP_EVENT_NCOLS)))
        err = tn_store_event_counts(s, scope->office, period, as_of, mp_event_row, &ex);
    if (!err && !(err = out->section(out->ctx,
                                     "5. Đề xuất biện pháp tháng tới / Proposed measures for "
                                     "next month",
                                     MP_STEP_cols, MP_STEP_NCOLS)))
        err = tn_store_escalation(s, scope->office, app->policy, period, as_of, mp_count_step, &st);
    for (size_t i = 0; !err && i < st.n; i++) {
        struct tn_cell c[MP_STEP_NCOLS];
        c[MP_STEP_department] = tn_cell_text(st.v[i].department);
        c[MP_STEP_next_step] = tn_cell_text(st.v[i].step);
        c[MP_STEP_ready_units] = tn_cell_int(st.v[i].ready);
        c[MP_STEP_ready_debt] = tn_cell_int(st.v[i].ready_debt);
        c[MP_STEP_waiting_units] = tn_cell_int(st.v[i].waiting);
        err = out->row(out->ctx, c);
    }
    free(st.v);
    return err;
}
