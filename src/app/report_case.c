/*
 * report_case.c - one case's own tables as reports (docs/cases.md, docs/web.md "Cases"): the
 * timeline of its events, the payments on it, the instalments of its repayment plan, its
 * assets and their verification, the coercive measures and bank orders, the other registers,
 * the documents it produces and its checklist. Each reads the case's file as `case show` and
 * GET /cases/{id} do (tn_app_case_show; the documents as tn_app_doc_checklist), so the tables
 * downloaded are the tables shown. Each needs the case (tn_report_params.case_id) and is seen
 * by whoever sees the case (tn_app_case_visible); cut by officer, the case must be of a unit in
 * that officer's charge. Registered as the group tn__reports_case_tables (report_registry.c).
 */
#include "app_int.h"

#include <stdio.h>
#include <string.h>

#include "thuno/case_register_store.h"
#include "thuno/case_store.h"
#include "thuno/doc.h"

/* clang-format off */
#define TIMELINE_COLS(X, p)                                                                        \
    X(p, case_id, TEXT, "Mã hồ sơ", "Case", 0)                                                     \
    X(p, event_no, NUMBER, "STT", "No.", 0)                                                        \
    X(p, day, DATE, "Ngày", "Day", 0)                                                              \
    X(p, event, TEXT, "Sự kiện", "Event", 0)                                                       \
    X(p, amount, MONEY, "Số tiền", "Amount", 1)                                                    \
    X(p, outcome, TEXT, "Kết quả", "Outcome", 0)                                                   \
    X(p, office, TEXT, "Cơ quan", "Office", 0)                                                     \
    X(p, note, TEXT, "Ghi chú", "Note", 0)                                                         \
    X(p, actor, TEXT, "Người ghi", "Recorded by", 0)                                               \
    X(p, known_at, TEXT, "Thời điểm ghi nhận", "Recorded at", 0)
TN_COLUMNS(TIMELINE, TIMELINE_COLS);

#define CPAY_COLS(X, p)                                                                            \
    X(p, case_id, TEXT, "Mã hồ sơ", "Case", 0)                                                     \
    X(p, day, DATE, "Ngày nộp", "Paid on", 0)                                                      \
    X(p, txn_id, TEXT, "Mã giao dịch", "Transaction", 0)                                           \
    X(p, channel, TEXT, "Hình thức", "Channel", 0)                                                 \
    X(p, amount, MONEY, "Số tiền", "Amount", 1)
TN_COLUMNS(CPAY, CPAY_COLS);

#define INST_COLS(X, p)                                                                            \
    X(p, case_id, TEXT, "Mã hồ sơ", "Case", 0)                                                     \
    X(p, instalment_no, NUMBER, "Kỳ", "No.", 0)                                                    \
    X(p, due, DATE, "Hạn trả", "Due", 0)                                                           \
    X(p, amount, MONEY, "Số tiền", "Amount", 1)                                                    \
    X(p, mark, TEXT, "Tình trạng", "State", 0)
TN_COLUMNS(INST, INST_COLS);

#define REG_COLS(X, p)                                                                             \
    X(p, case_id, TEXT, "Mã hồ sơ", "Case", 0)                                                     \
    X(p, register, TEXT, "Loại sổ", "Register", 0)                                                 \
    X(p, entry_no, NUMBER, "Số", "No.", 0)                                                         \
    X(p, ref_no, NUMBER, "Liên quan số", "Refers to", 0)                                           \
    X(p, day, DATE, "Ngày", "Day", 0)                                                              \
    X(p, what, TEXT, "Nội dung", "What", 0)                                                        \
    X(p, amount, MONEY, "Số tiền", "Amount", 1)                                                    \
    X(p, pledged, TEXT, "Đang thế chấp", "Pledged", 0)                                             \
    X(p, party, TEXT, "Bên liên quan", "Party", 0)                                                 \
    X(p, detail, TEXT, "Chi tiết", "Detail", 0)                                                    \
    X(p, note, TEXT, "Ghi chú", "Note", 0)                                                         \
    X(p, actor, TEXT, "Người ghi", "Recorded by", 0)
TN_COLUMNS(REG, REG_COLS);

#define CDOC_COLS(X, p)                                                                            \
    X(p, case_id, TEXT, "Mã hồ sơ", "Case", 0)                                                     \
    X(p, document, TEXT, "Mã văn bản", "Document", 0)                                              \
    X(p, title, TEXT, "Văn bản", "Title", 0)                                                       \
    X(p, stage, TEXT, "Giai đoạn lập", "Stage", 0)                                                 \
    X(p, stage_ok, TEXT, "Giai đoạn đã đến", "Stage reached", 0)                                   \
    X(p, recorded, DATE, "Đã ghi nhận ngày", "Recorded on", 0)                                     \
    X(p, built, TEXT, "Đủ dữ liệu để lập", "Can be drawn", 0)                                      \
    X(p, missing, TEXT, "Còn thiếu", "Missing", 0)
TN_COLUMNS(CDOC, CDOC_COLS);

#define CHECK_COLS(X, p)                                                                           \
    X(p, case_id, TEXT, "Mã hồ sơ", "Case", 0)                                                     \
    X(p, stage, TEXT, "Giai đoạn", "Stage", 0)                                                     \
    X(p, item, TEXT, "Tài liệu", "Item", 0)                                                        \
    X(p, requires, TEXT, "Căn cứ có", "Met by", 0)                                                 \
    X(p, met, TEXT, "Đã có", "Met", 0)
TN_COLUMNS(CHECK, CHECK_COLS);
/* clang-format on */

static struct tn_cell day_cell(tn_day d, char buf[static TN_DAY_BUFSZ])
{
    if (d < 0)
        return tn_cell_null();
    tn_day_format(d, buf);
    return tn_cell_text(buf);
}

static struct tn_cell text_or_null(const char *s)
{
    return s && *s ? tn_cell_text(s) : tn_cell_null();
}

static const char *yes_no(int b)
{
    return b ? "yes" : "no";
}

/* The case of p->case_id as seen by scope (and, cut by officer, of a unit in p->officer's
 * charge) into v (initialized). Errors: TN_ERR_NOT_FOUND (unknown or not seen), those of
 * tn_app_case_show. */
static tn_err load_case(struct tn_app *app, const struct tn_scope *scope,
                        const struct tn_report_params *p, struct tn_case_view *v)
{
    tn_err err = tn_app_case_visible(app, scope, p->case_id, NULL, p->as_of);
    if (!err && p->officer) {
        struct tn_scope mine = {scope->office, p->officer, TN_ROLE_OFFICER};
        err = tn_app_case_visible(app, &mine, p->case_id, NULL, p->as_of);
    }
    return err ? err : tn_app_case_show(app, scope, p->case_id, p->as_of, v);
}

/* The view's table written by each (one of the writers below). */
typedef tn_err (*view_rows)(const struct tn_case_view *v, const struct tn_sink *out);

static tn_err run_view(struct tn_app *app, const struct tn_scope *scope,
                       const struct tn_report_params *p, const struct tn_sink *out, view_rows each)
{
    struct tn_case_view v;
    tn_case_view_init(&v);
    tn_err err = load_case(app, scope, p, &v);
    if (!err)
        err = each(&v, out);
    tn_case_view_release(&v);
    return err;
}

static tn_err timeline_rows(const struct tn_case_view *v, const struct tn_sink *out)
{
    tn_err err = TN_OK;
    for (size_t i = 0; !err && i < v->nevents; i++) {
        const struct tn_case_event_row *e = &v->events[i];
        struct tn_cell c[TIMELINE_NCOLS];
        char day[TN_DAY_BUFSZ];
        c[TIMELINE_case_id] = tn_cell_text(v->case_id);
        c[TIMELINE_event_no] = tn_cell_int(e->seq);
        c[TIMELINE_day] = day_cell(e->step.day, day);
        c[TIMELINE_event] = tn_cell_text(tn_case_event_name(e->step.event));
        c[TIMELINE_amount] = tn_cell_int_or_null(e->step.amount);
        c[TIMELINE_outcome] = text_or_null(tn_case_outcome_name(e->step.outcome));
        c[TIMELINE_office] = text_or_null(e->office);
        c[TIMELINE_note] = text_or_null(e->note);
        c[TIMELINE_actor] = text_or_null(e->actor);
        c[TIMELINE_known_at] = tn_cell_text(e->known_at);
        err = out->row(out->ctx, c);
    }
    return err;
}

static tn_err payment_rows(const struct tn_case_view *v, const struct tn_sink *out)
{
    tn_err err = TN_OK;
    for (size_t i = 0; !err && i < v->npayments; i++) {
        const struct tn_case_payment_row *r = &v->payments[i];
        struct tn_cell c[CPAY_NCOLS];
        char day[TN_DAY_BUFSZ];
        c[CPAY_case_id] = tn_cell_text(v->case_id);
        c[CPAY_day] = day_cell(r->paid_on, day);
        c[CPAY_txn_id] = tn_cell_text(r->txn_id);
        c[CPAY_channel] = text_or_null(r->channel);
        c[CPAY_amount] = tn_cell_int(r->amount);
        err = out->row(out->ctx, c);
    }
    return err;
}

static tn_err instalment_rows(const struct tn_case_view *v, const struct tn_sink *out)
{
    static const char *const marks[] = {"past", "met", "missed", "due"};
    tn_err err = TN_OK;
    for (size_t i = 0; !err && i < v->nplan; i++) {
        struct tn_cell c[INST_NCOLS];
        char day[TN_DAY_BUFSZ];
        c[INST_case_id] = tn_cell_text(v->case_id);
        c[INST_instalment_no] = tn_cell_int((int64_t)i + 1);
        c[INST_due] = day_cell(v->plan[i].due, day);
        c[INST_amount] = tn_cell_int(v->plan[i].amount);
        c[INST_mark] = v->plan_judged ? tn_cell_text(marks[v->marks[i]]) : tn_cell_null();
        err = out->row(out->ctx, c);
    }
    return err;
}

/* Which registers a table of the case page shows (web/assets/cases.js): the assets with their
 * verification and the seizure order; the measures with the bank orders and replies; the
 * rest. */
enum reg_part { PART_ASSETS, PART_MEASURES, PART_OTHER };

static enum reg_part part_of(enum tn_case_reg k)
{
    switch (k) {
    case TN_CASE_REG_ASSET:
    case TN_CASE_REG_VERIFICATION:
    case TN_CASE_REG_PRIORITY:
        return PART_ASSETS;
    case TN_CASE_REG_MEASURE:
    case TN_CASE_REG_BANK_ORDER:
    case TN_CASE_REG_BANK_REPLY:
        return PART_MEASURES;
    default:
        return PART_OTHER;
    }
}

static tn_err register_rows(const struct tn_case_view *v, const struct tn_sink *out,
                            enum reg_part part)
{
    tn_err err = TN_OK;
    for (size_t i = 0; !err && i < v->nregs; i++) {
        const struct tn_case_reg_row *g = &v->regs[i];
        if (part_of(g->reg) != part)
            continue;
        struct tn_cell c[REG_NCOLS];
        char day[TN_DAY_BUFSZ];
        c[REG_case_id] = tn_cell_text(v->case_id);
        c[REG_register] = tn_cell_text(tn_case_reg_name(g->reg));
        c[REG_entry_no] = tn_cell_int(g->no);
        c[REG_ref_no] = g->ref ? tn_cell_int(g->ref) : tn_cell_null();
        c[REG_day] = day_cell(g->day, day);
        c[REG_what] = text_or_null(g->what);
        c[REG_amount] = tn_cell_int_or_null(g->amount);
        c[REG_pledged] = g->flag < 0 ? tn_cell_null() : tn_cell_text(yes_no(g->flag));
        c[REG_party] = text_or_null(g->party);
        c[REG_detail] = text_or_null(g->detail);
        c[REG_note] = text_or_null(g->note);
        c[REG_actor] = text_or_null(g->actor);
        err = out->row(out->ctx, c);
    }
    return err;
}

static tn_err asset_rows(const struct tn_case_view *v, const struct tn_sink *out)
{
    return register_rows(v, out, PART_ASSETS);
}

static tn_err measure_rows(const struct tn_case_view *v, const struct tn_sink *out)
{
    return register_rows(v, out, PART_MEASURES);
}

static tn_err other_rows(const struct tn_case_view *v, const struct tn_sink *out)
{
    return register_rows(v, out, PART_OTHER);
}

static tn_err checklist_rows(const struct tn_case_view *v, const struct tn_sink *out)
{
    tn_err err = TN_OK;
    for (size_t i = 0; !err && i < v->nchecklist; i++) {
        const struct tn_case_check_line *l = &v->checklist[i];
        struct tn_cell c[CHECK_NCOLS];
        c[CHECK_case_id] = tn_cell_text(v->case_id);
        c[CHECK_stage] = tn_cell_text(tn_case_event_name(l->stage));
        c[CHECK_item] = tn_cell_text(l->item);
        c[CHECK_requires] = text_or_null(l->requires);
        c[CHECK_met] = tn_cell_text(yes_no(l->met));
        err = out->row(out->ctx, c);
    }
    return err;
}

static tn_err run_timeline(struct tn_app *app, const struct tn_scope *scope,
                           const struct tn_report_params *p, const struct tn_sink *out)
{
    return run_view(app, scope, p, out, timeline_rows);
}

static tn_err run_payments(struct tn_app *app, const struct tn_scope *scope,
                           const struct tn_report_params *p, const struct tn_sink *out)
{
    return run_view(app, scope, p, out, payment_rows);
}

static tn_err run_instalments(struct tn_app *app, const struct tn_scope *scope,
                              const struct tn_report_params *p, const struct tn_sink *out)
{
    return run_view(app, scope, p, out, instalment_rows);
}

static tn_err run_assets(struct tn_app *app, const struct tn_scope *scope,
                         const struct tn_report_params *p, const struct tn_sink *out)
{
    return run_view(app, scope, p, out, asset_rows);
}

static tn_err run_measures(struct tn_app *app, const struct tn_scope *scope,
                           const struct tn_report_params *p, const struct tn_sink *out)
{
    return run_view(app, scope, p, out, measure_rows);
}

static tn_err run_registers(struct tn_app *app, const struct tn_scope *scope,
                            const struct tn_report_params *p, const struct tn_sink *out)
{
    return run_view(app, scope, p, out, other_rows);
}

static tn_err run_checklist(struct tn_app *app, const struct tn_scope *scope,
                            const struct tn_report_params *p, const struct tn_sink *out)
{
    return run_view(app, scope, p, out, checklist_rows);
}

/* The documents of the case as GET /cases/{id}/checklist lists them: each gathered and built
 * as tn_app_doc does, without an issuer (the checklist names none). */
static tn_err run_documents(struct tn_app *app, const struct tn_scope *scope,
                            const struct tn_report_params *p, const struct tn_sink *out)
{
    struct tn_case_view v;
    tn_case_view_init(&v);
    tn_err err = load_case(app, scope, p, &v); /* the visibility checks and the case known */
    tn_case_view_release(&v);
    if (err)
        return err;
    struct tn_doc_request req = {p->case_id, -1, p->as_of, NULL, NULL, NULL, NULL, NULL};
    struct tn_doc_checklist ck;
    if ((err = tn_app_doc_checklist(app, scope, &req, &ck)))
        return err;
    for (int k = 0; !err && k < TN_DOC_COUNT; k++) {
        const struct tn_doc_checklist_line *l = &ck.lines[k];
        const struct tn_doc_check *c = &l->check;
        char missing[TN_DOC_MISSING_MAX * 162] = "", day[TN_DAY_BUFSZ];
        size_t at = 0;
        for (size_t i = 0; i < c->nmissing && at < sizeof missing; i++) {
            int n =
                snprintf(missing + at, sizeof missing - at, "%s%s", i ? "; " : "", c->missing[i]);
            at += n > 0 ? (size_t)n : 0;
        }
        struct tn_cell row[CDOC_NCOLS];
        row[CDOC_case_id] = tn_cell_text(p->case_id);
        row[CDOC_document] = tn_cell_text(tn_doc_kind_name(l->kind));
        row[CDOC_title] = tn_cell_text(tn_doc_kind_label(l->kind));
        row[CDOC_stage] = tn_cell_text(tn_case_event_name(tn_doc_kind_stage(l->kind)));
        row[CDOC_stage_ok] = tn_cell_text(yes_no(c->stage_ok));
        row[CDOC_recorded] = day_cell(c->recorded, day);
        row[CDOC_built] = tn_cell_text(yes_no(l->built));
        row[CDOC_missing] = text_or_null(missing);
        err = out->row(out->ctx, row);
    }
    return err;
}

#define CASE_FLAGS  (TN_REPORT_CASE | TN_REPORT_OFFICE | TN_REPORT_OFFICER)
#define CASE_NO_SUM (CASE_FLAGS | TN_REPORT_NO_SUM)

static const struct tn_report reports[] = {
    {"case_timeline", "Diễn biến hồ sơ / Case timeline",
     "one case's events in order (--case ID): day, event, amount, outcome, office, note",
     TIMELINE_cols, TIMELINE_NCOLS, CASE_NO_SUM, run_timeline},
    {"case_payments", "Các khoản đã nộp theo hồ sơ / Payments on the case",
     "the payments recovered on one case (--case ID)", CPAY_cols, CPAY_NCOLS, CASE_FLAGS,
     run_payments},
    {"case_instalments", "Các kỳ trả nợ theo lộ trình / Repayment plan's instalments",
     "one case's repayment plan (--case ID): each instalment, its due day, amount and state",
     INST_cols, INST_NCOLS, CASE_FLAGS, run_instalments},
    {"case_assets", "Tài sản và xác minh / Assets and their verification",
     "one case's assets, their verifications and the seizure order (--case ID)", REG_cols,
     REG_NCOLS, CASE_NO_SUM, run_assets},
    {"case_measures", "Biện pháp cưỡng chế / Coercive measures",
     "one case's coercive measures, bank orders and replies (--case ID)", REG_cols, REG_NCOLS,
     CASE_NO_SUM, run_measures},
    {"case_other_registers", "Sổ theo dõi khác của hồ sơ / The case's other registers",
     "one case's fees, hearings, tips, agents (--case ID)", REG_cols, REG_NCOLS, CASE_NO_SUM,
     run_registers},
    {"case_documents", "Văn bản của hồ sơ / The case's documents",
     "the documents one case produces (--case ID): stage reached, can be drawn, what is missing",
     CDOC_cols, CDOC_NCOLS, CASE_NO_SUM, run_documents},
    {"case_checklist", "Danh mục hồ sơ cần có / The case's checklist",
     "what the stages one case can take next require (--case ID), and whether it is met",
     CHECK_cols, CHECK_NCOLS, CASE_NO_SUM, run_checklist},
};

TN__REPORT_GROUP(tn__reports_case_tables, reports);
