/*
 * app_letter_reminder.c - the written reminder (văn bản đôn đốc) to every unit late or evading
 * at the end of the period (Law 41/2024/QH15 Art 35; Decree 274/2025/NĐ-CP: within the first
 * 10 days of the month, with the amount, the days late and the 0.03% a day), and with record its
 * number from the register, the register row and a reminder_sent event on the unit's open case,
 * all checked before anything is written (app.h; docs/letters.md). Who is reminded, who is left
 * to their case and the register's numbers are core's rules (letter_rule.h).
 */
#include "app_letter_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/case_store.h"
#include "thuno/letter_rule.h"
#include "thuno/mem.h"
#include "thuno/policy.h"
#include "thuno/reminder.h"
#include "thuno/store.h"
#include "thuno/text.h"

/* display order of the funds: BHXH (incl. TNLĐ-BNN), BHYT, BHTN */
static const enum tn_group fund_order[TN_G_COUNT] = {TN_G_BHXH, TN_G_BHYT, TN_G_BHTN};

struct rem {
    struct tn_letter_unit u; /* u.owed copied, owned */
    struct tn_letter_overdue od;
    char memo[TN_TEXT_MEMO_MAX + 1];
    char letter_no[48];
    int seq;
    char case_id[72];
    struct tn_case c; /* the case the event goes to, replayed */
    int new_case;
    long ev_seq; /* the reminder_sent event's number once recorded */
};

struct rem_list {
    struct tn_app *app;
    size_t units; /* units with a balance, reminded or not */
    struct rem *r;
    size_t n, cap;
};

static tn_err rem_row(void *ctx, const struct tn_letter_unit *u)
{
    struct rem_list *l = ctx;
    l->units++;
    if (!tn_letter_rule_reminded(u->bal.legal_status))
        return TN_OK;
    TN_GROW(l->r, l->cap, l->n + 1);
    struct rem *r = &l->r[l->n];
    memset(r, 0, sizeof *r);
    r->u = *u;
    r->u.owed = tn_xmalloc((u->nowed + 1) * sizeof *u->owed);
    memcpy(r->u.owed, u->owed, u->nowed * sizeof *u->owed);
    tn_err err = tn_letter_overdue(l->app->policy, u, &r->od);
    if (err) {
        free(r->u.owed);
        return tn__app_fail(l->app, err, "%s: no deadline rule for its debts", u->unit_code);
    }
    r->od.total = tn_reminder_overdue_stated(r->od.total, u->split_ok, u->bal.principal_due);
    l->n++;
    if (tn_text_memo(u->unit_code, u->name, u->bal.period, r->memo, sizeof r->memo))
        r->memo[0] = '\0';
    return TN_OK;
}

/* The policy a reminder of a day quotes: the daily interest rate (the letter's "0,03%", a
 * Vietnamese decimal) and the days to evasion. */
struct rem_terms {
    tn_ppm rate;
    char rate_text[16];
    int evasion_days;
    const char *laws[3]; /* the citations of cited_laws in force on the letter's day */
};

/* The laws a reminder is based on (policy/citations.csv), in the order it cites them. */
static const char *const cited_laws[] = {"social_insurance_law", "health_insurance_law",
                                         "employment_law"};

/* The terms in force on day d. Errors: TN_ERR_NO_POLICY (why says which) when interest.csv has no
 * daily rule or legal.csv no rule in force that day: a letter never quotes a made-up term. */
static tn_err reminder_terms(struct tn_app *app, tn_day d, struct rem_terms *out)
{
    const struct tn_policy *pol = app->policy;
    char day[TN_DAY_BUFSZ];
    tn_day_format(d, day);
    if (tn_reminder_daily_rate(pol, d, &out->rate))
        return tn__app_fail(app, TN_ERR_NO_POLICY,
                            "no daily interest rule in policy/interest.csv on %s", day);
    if (tn_reminder_evasion_days(pol, d, &out->evasion_days))
        return tn__app_fail(app, TN_ERR_NO_POLICY, "no rule in policy/legal.csv on %s", day);
    tn_ppm_format_percent(out->rate, out->rate_text);
    for (char *c = out->rate_text; *c; c++)
        if (*c == '.')
            *c = ',';
    for (size_t i = 0; i < sizeof cited_laws / sizeof cited_laws[0]; i++) {
        const struct tn_citation *c;
        if (tn_policy_citation(pol, cited_laws[i], d, &c))
            return tn__app_fail(app, TN_ERR_NO_POLICY,
                                "no citation of %s in policy/citations.csv on %s", cited_laws[i],
                                day);
        out->laws[i] = c->text;
    }
    return TN_OK;
}

static void reminder_letter(struct tn_letter_doc *doc, const struct tn_letterhead *lh,
                            const struct tn_letter_opts *o, const struct rem_terms *terms,
                            const struct rem *r)
{
    const struct tn_letter_unit *u = &r->u;
    char number[80], pv[32], end_vi[16], m[40], m2[40], m3[40];
    snprintf(number, sizeof number, "Số: %s", r->letter_no);
    tn__period_vi(u->bal.period, pv);
    char summary[96];
    snprintf(summary, sizeof summary, "V/v đôn đốc đóng BHXH, BHYT, BHTN %s", pv);
    struct tn_letter_head h;
    tn__letter_head(lh, o, number, summary, &h);
    tn_letter_begin(doc, &h);
    tn_letter_title(doc, "THÔNG BÁO",
                    "Đôn đốc đóng bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp");
    char to[TN_NAME_BUFSZ + 64];
    snprintf(to, sizeof to, "%s (mã đơn vị: %s)", u->name[0] ? u->name : u->unit_code,
             u->unit_code);
    tn_letter_addressee(doc, to);
    if (u->address[0])
        tn_letter_paraf(doc, TN_LETTER_CENTER, "Địa chỉ: %s", u->address);
    /* LAW: Law 41/2024/QH15 Art 35 (the office reminds), Art 38-40 (late, evading, interest);
     * the laws as cited on the letter's day (policy/citations.csv) */
    for (size_t i = 0; i < sizeof cited_laws / sizeof cited_laws[0]; i++)
        tn_letter_basis(doc, terms->laws[i]);
    /* CONFIRM: the decree's full title and date, not yet read in its text */
    tn_letter_basis(doc, "Nghị định số 274/2025/NĐ-CP của Chính phủ");
    tn_day end = tn_period_last_day(u->bal.period);
    tn_text_day_vi(end, end_vi);
    tn_letter_paraf(doc, TN_LETTER_BODY,
                    "Căn cứ số liệu theo dõi thu của cơ quan Bảo hiểm xã hội, tính đến hết ngày %s "
                    "đơn vị **%s** chưa đóng đủ bảo hiểm xã hội (BHXH), bảo hiểm y tế (BHYT), bảo "
                    "hiểm thất nghiệp (BHTN) đã quá hạn đóng theo quy định, cụ thể như sau:",
                    end_vi, u->name[0] ? u->name : u->unit_code);
    tn_letter_para(doc, TN_LETTER_HEADING, "1. Số tiền còn phải đóng");
    if (u->split_ok) {
        static const struct tn_letter_col cols[] = {{"Nội dung", 4, TN_LETTER_LEFT},
                                                    {"BHXH\n(gồm TNLĐ-BNN)", 2.4, TN_LETTER_RIGHT},
                                                    {"BHYT", 2, TN_LETTER_RIGHT},
                                                    {"BHTN", 2, TN_LETTER_RIGHT},
                                                    {"Tổng cộng", 2.2, TN_LETTER_RIGHT}};
        tn_letter_table_begin(doc, cols, 5);
        struct tn_reminder_funds f;
        tn_reminder_funds(r->od.principal, u->interest_due, u->closing, &f);
        const tn_money *rows[4] = {f.overdue, f.interest_due, f.not_due, f.closing};
        static const char *const label[] = {
            "Số tiền chậm đóng (đã quá hạn đóng)", "Tiền lãi chậm đóng chưa nộp",
            "Số tiền chưa đến hạn đóng", "Tổng số tiền còn phải đóng"};
        for (int i = 0; i < 4; i++) {
            char cell[TN_G_COUNT + 1][32];
            for (int k = 0; k < TN_G_COUNT; k++)
                tn_money_format_grouped(rows[i][fund_order[k]], cell[k]);
            tn_money_format_grouped(tn_letter_rule_funds_total(rows[i]), cell[TN_G_COUNT]);
            const char *cells[] = {label[i], cell[0], cell[1], cell[2], cell[3]};
            tn_letter_table_row(doc, cells, i == 3);
        }
        tn_letter_para(doc, TN_LETTER_NOTE, "Đơn vị tính: đồng.");
    } else {
        tn_letter_paraf(doc, TN_LETTER_ITEM, "- Số tiền chậm đóng (đã quá hạn đóng): **%s**;",
                        tn__money_vi(r->od.total, m));
        tn_letter_paraf(doc, TN_LETTER_ITEM, "- Tiền lãi chậm đóng chưa nộp: **%s**;",
                        tn__money_vi(u->bal.interest_due, m));
        tn_letter_paraf(doc, TN_LETTER_ITEM, "- Tổng số tiền còn phải đóng: **%s**.",
                        tn__money_vi(u->bal.closing, m));
    }
    char words[TN_TEXT_WORDS_BUFSZ];
    tn_text_money_words(u->bal.closing, words);
    tn_letter_paraf(doc, TN_LETTER_PLAIN, "Tổng số tiền còn phải đóng: **%s** (bằng chữ: %s).",
                    tn__money_vi(u->bal.closing, m), words);
    char dl[16], months[16];
    const char *rate = terms->rate_text;
    tn_money per_day = 0;
    (void)tn_money_mul_ppm(r->od.total, terms->rate, &per_day); /* tn_reminder_interest_per_day */
    long days = tn_reminder_days_late(o->date, r->od.oldest_deadline);
    tn_text_day_vi(r->od.oldest_deadline >= 0 ? r->od.oldest_deadline : end, dl);
    snprintf(months, sizeof months, "%d,%d", u->bal.months_owed_tenths / 10,
             u->bal.months_owed_tenths % 10);
    tn_letter_para(doc, TN_LETTER_HEADING, "2. Thời gian chậm đóng và tiền lãi");
    tn_letter_paraf(doc, TN_LETTER_ITEM,
                    "- Số ngày chậm đóng tính đến ngày ban hành văn bản này: **%ld ngày** (kể từ "
                    "hạn đóng ngày %s của khoản chậm đóng sớm nhất); số tháng chậm đóng: %s "
                    "tháng.",
                    days, dl, months);
    tn_letter_paraf(
        doc, TN_LETTER_ITEM,
        "- Đơn vị phải nộp số tiền chậm đóng và tiền lãi bằng %s/ngày tính trên số tiền "
        "chậm đóng và số ngày chậm đóng (Điều 40 Luật Bảo hiểm xã hội): với số tiền "
        "chậm đóng %s, tiền lãi phát sinh thêm **%s mỗi ngày** cho đến khi đơn vị "
        "đóng đủ.",
        rate, tn__money_vi(r->od.total, m2), tn__money_vi(per_day, m3));
    int ev = terms->evasion_days;
    tn_day pay_by = tn_reminder_pay_by(o->date, r->od.oldest_deadline, ev);
    char pb[16];
    tn_text_day_vi(pay_by, pb);
    tn_letter_para(doc, TN_LETTER_HEADING, "3. Đề nghị");
    tn_letter_paraf(doc, TN_LETTER_BODY,
                    "Đề nghị đơn vị đóng ngay toàn bộ số tiền nêu trên, chậm nhất đến hết ngày "
                    "**%s**. Khi chuyển tiền, đề nghị ghi nội dung: **%s**%s%s.",
                    pb, r->memo, lh->account ? "; tài khoản thu: " : "",
                    lh->account ? lh->account : "");
    tn_letter_para(doc, TN_LETTER_HEADING, "4. Hậu quả nếu không đóng");
    tn_letter_paraf(doc, TN_LETTER_ITEM,
                    "- Quá %d ngày kể từ hạn đóng hoặc kể từ ngày được đôn đốc bằng văn bản này mà "
                    "chưa đóng đủ, đơn vị bị xác định là **trốn đóng** BHXH, BHYT, BHTN (Điều 39 "
                    "Luật Bảo hiểm xã hội);",
                    ev);
    tn_letter_para(
        doc, TN_LETTER_ITEM,
        "- Đơn vị bị xử phạt vi phạm hành chính, bị công khai trên phương tiện thông "
        "tin đại chúng và cơ quan BHXH đề nghị cơ quan có thẩm quyền thanh tra, kiểm tra "
        "(Điều 40, 41 Luật Bảo hiểm xã hội);");
    tn_letter_para(doc, TN_LETTER_ITEM,
                   "- Người sử dụng lao động có thể bị truy cứu trách nhiệm hình sự về tội trốn "
                   "đóng bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp cho người lao động "
                   "(Điều 216 Bộ luật Hình sự);");
    tn_letter_para(
        doc, TN_LETTER_ITEM,
        "- Thẻ BHYT của người lao động có thể không được gia hạn cho đến khi đơn vị đóng "
        "đủ; đơn vị phải hoàn trả chi phí khám chữa bệnh người lao động đã chi trong "
        "thời gian này (Điều 49 Luật Bảo hiểm y tế).");
    tn_letter_paraf(
        doc, TN_LETTER_BODY,
        "Trường hợp đơn vị đã đóng, đề nghị gửi chứng từ cho cơ quan Bảo hiểm xã hội để "
        "đối chiếu. Cán bộ chuyên quản: %s%s%s.",
        u->officer_name[0] ? u->officer_name : u->officer_code, lh->phone ? ", điện thoại: " : "",
        lh->phone ? lh->phone : "");
    tn_letter_para(doc, TN_LETTER_BODY,
                   "Cơ quan Bảo hiểm xã hội thông báo để đơn vị biết và thực hiện./.");
    tn__letter_sign(lh, doc);
}

/* The store's cases (id, unit) as known now, sorted by unit then id: drop_in_court reads
 * them once and looks each unit's up, rather than listing every case for every letter,
 * n^2 (docs/performance.md). */
struct case_ref {
    char *unit, *case_id;
};

struct case_refs {
    struct case_ref *v;
    size_t n, cap;
};

static tn_err case_ref_row(void *ctx, const char *case_id, const char *unit_code)
{
    struct case_refs *x = ctx;
    TN_GROW(x->v, x->cap, x->n + 1);
    x->v[x->n++] = (struct case_ref){tn_xstrdup(unit_code), tn_xstrdup(case_id)};
    return TN_OK;
}

static int case_ref_cmp(const void *a, const void *b)
{
    const struct case_ref *x = a, *y = b;
    int c = strcmp(x->unit, y->unit);
    return c ? c : strcmp(x->case_id, y->case_id);
}

static int unit_vs_case_ref(const void *unit, const void *elem)
{
    return strcmp(unit, ((const struct case_ref *)elem)->unit);
}

static void case_refs_release(struct case_refs *x)
{
    for (size_t i = 0; i < x->n; i++) {
        free(x->v[i].unit);
        free(x->v[i].case_id);
    }
    free(x->v);
}

/* Is case_id's case, replayed as known now, still open? *c is then its state. */
static tn_err case_open(struct tn_app *app, const char *case_id, struct tn_case *c, int *open)
{
    struct tn_case_event_row *ev = NULL;
    size_t n = 0;
    tn_err err = tn_store_case_events(app->store, case_id, app->now, &ev, &n);
    if (err)
        return err;
    char why[256];
    tn_case_init(c);
    *open = tn_case_replay(c, ev, n, why, sizeof why) == TN_OK && !tn_case_is_over(c);
    free(ev);
    return TN_OK;
}

/* Finds the unit's open case (the first in id order) or names a new one (r->new_case). */
static tn_err find_case(struct tn_app *app, const struct case_refs *cases, struct rem *r)
{
    const struct case_ref *hit =
        cases->n ? bsearch(r->u.unit_code, cases->v, cases->n, sizeof *cases->v, unit_vs_case_ref)
                 : NULL;
    while (hit && hit > cases->v && strcmp(hit[-1].unit, r->u.unit_code) == 0)
        hit--;
    tn_err err;
    for (; hit && hit < cases->v + cases->n && strcmp(hit->unit, r->u.unit_code) == 0; hit++) {
        struct tn_case c;
        int open;
        if ((err = case_open(app, hit->case_id, &c, &open)))
            return err;
        if (open) {
            snprintf(r->case_id, sizeof r->case_id, "%s", hit->case_id);
            r->c = c;
            return TN_OK;
        }
    }
    char p[TN_PERIOD_BUFSZ];
    tn_period_format(r->u.bal.period, p);
    for (int i = 1; i < 100; i++) {
        snprintf(r->case_id, sizeof r->case_id, i == 1 ? "HS-%s-%s" : "HS-%s-%s-%d", r->u.unit_code,
                 p, i);
        struct tn_case_event_row *ev = NULL;
        size_t n = 0;
        if ((err = tn_store_case_events(app->store, r->case_id, NULL, &ev, &n)))
            return err;
        free(ev);
        if (n == 0)
            break;
    }
    tn_case_init(&r->c);
    r->new_case = 1;
    return TN_OK;
}

/* Checks the reminder can be recorded on r's case and is not yet in the register. */
static tn_err check_record(struct tn_app *app, const struct tn_letter_opts *o, struct rem *r)
{
    struct tn_case trial = r->c;
    struct tn_case_step st = {TN_CASE_EV_REMINDER_SENT, o->date, -1, TN_CASE_OUT_NONE_GIVEN, ""};
    char why[256];
    if (tn_case_apply(&trial, &st, why, sizeof why)) {
        return tn__app_fail(app, TN_ERR_REJECTED, "%s: case %s refuses a reminder: %s",
                            r->u.unit_code, r->case_id, why);
    }
    long count;
    tn_err err = tn_store_reminder_count(app->store, r->u.unit_code, r->u.bal.period, &count);
    if (err)
        return err;
    if (count) {
        char p[TN_PERIOD_BUFSZ];
        tn_period_format(r->u.bal.period, p);
        return tn__app_fail(app, TN_ERR_REJECTED,
                            "%s: a reminder for %s is already in the register", r->u.unit_code, p);
    }
    return TN_OK;
}

/* Drops from l the units whose open case is in court or enforcement: their case's own
 * deadlines lead them, so the monthly run sends them no reminder (docs/letters.md). Each goes
 * to res->skipped with its case and state. A unit named with o->unit in that state is refused
 * instead (TN_ERR_REJECTED). */
static tn_err drop_in_court(struct tn_app *app, const struct tn_letter_opts *o, struct rem_list *l,
                            struct tn_letter_result *res)
{
    size_t k = 0, cap = 0, i = 0;
    struct case_refs cases = {0};
    tn_err err = tn_store_case_ids(app->store, app->now, case_ref_row, &cases);
    if (!err)
        tn_sort(cases.v, cases.n, sizeof *cases.v, case_ref_cmp);
    for (; i < l->n && !err; i++) {
        struct rem *r = &l->r[i];
        if ((err = find_case(app, &cases, r)))
            break;
        if (!tn_letter_rule_left_to_case(r->c.state)) {
            if (k != i)
                l->r[k] = *r;
            k++;
            continue;
        }
        const char *st = tn_case_state_name(r->c.state), *vi = tn_case_state_label(r->c.state);
        if (o->unit) {
            case_refs_release(&cases);
            /* one unit, nothing dropped yet: l is whole */
            return tn__app_fail(app, TN_ERR_REJECTED,
                                "%s: case %s is %s (%s): không gửi văn bản đôn đốc / no reminder, "
                                "the case's own deadlines lead it (thuno case show %s)",
                                r->u.unit_code, r->case_id, st, vi, r->case_id);
        }
        TN_GROW(res->skipped, cap, res->nskipped + 1);
        struct tn_letter_skip *sk = &res->skipped[res->nskipped++];
        snprintf(sk->unit_code, sizeof sk->unit_code, "%s", r->u.unit_code);
        snprintf(sk->case_id, sizeof sk->case_id, "%s", r->case_id);
        sk->state = st;
        sk->state_vi = vi;
        free(r->u.owed);
    }
    case_refs_release(&cases);
    /* on failure the units not yet looked at stay, so that l holds each copy once */
    for (; err && i < l->n; i++)
        l->r[k++] = l->r[i];
    l->n = k;
    return err;
}

static tn_err record_one(struct tn_app *app, const struct tn_letter_opts *o, struct rem *r)
{
    struct tn_case_event_row ev;
    memset(&ev, 0, sizeof ev);
    snprintf(ev.case_id, sizeof ev.case_id, "%s", r->case_id);
    snprintf(ev.unit_code, sizeof ev.unit_code, "%s", r->u.unit_code);
    snprintf(ev.actor, sizeof ev.actor, "%s", o->actor);
    char p[TN_PERIOD_BUFSZ];
    tn_period_format(r->u.bal.period, p);
    snprintf(ev.note, sizeof ev.note, "Văn bản đôn đốc số %s, kỳ %s", r->letter_no, p);
    ev.step = (struct tn_case_step){TN_CASE_EV_REMINDER_SENT, o->date, -1, TN_CASE_OUT_NONE_GIVEN,
                                    ev.office};
    long seq;
    char why[384];
    tn_err err = tn_store_case_record_in_tx(app->store, &ev, app->now, &seq, why, sizeof why);
    if (err)
        return tn__app_fail(app, err, "%s: %s", r->case_id,
                            err == TN_ERR_STORE ? tn_store_errmsg(app->store) : why);
    int y, mo, md;
    tn_day_civil(o->date, &y, &mo, &md);
    struct tn_reminder_row row = {.year = y,
                                  .seq = r->seq,
                                  .period = r->u.bal.period,
                                  .sent_on = o->date,
                                  .overdue = r->od.total,
                                  .interest_due = r->u.bal.interest_due,
                                  .debt = r->u.bal.closing,
                                  .overdue_through = r->od.through,
                                  .oldest_deadline = r->od.oldest_deadline,
                                  .case_seq = seq};
    snprintf(row.letter_no, sizeof row.letter_no, "%s", r->letter_no);
    snprintf(row.unit_code, sizeof row.unit_code, "%s", r->u.unit_code);
    snprintf(row.case_id, sizeof row.case_id, "%s", r->case_id);
    snprintf(row.actor, sizeof row.actor, "%s", o->actor);
    if ((err = tn_store_reminder_add(app->store, &row, app->now)))
        tn__app_fail(app, err, "%s", tn_store_errmsg(app->store));
    r->ev_seq = seq;
    return err;
}

static tn_err write_docs(struct tn_app *app, const struct tn_letter_opts *o, struct rem *r,
                         size_t n, const struct rem_terms *terms)
{
    char created[20];
    tn__letter_created(o, created);
    tn_err err = TN_OK;
    if (!o->dest.dir) {
        struct tn_letter_doc *doc = tn_letter_doc_new(created, "Văn bản đôn đốc / Reminders");
        for (size_t i = 0; i < n; i++)
            reminder_letter(doc, o->letterhead, o, terms, &r[i]);
        err = tn__letter_write(app, doc, o);
        tn_letter_doc_free(doc);
        return err;
    }
    for (size_t i = 0; i < n && !err; i++) {
        struct tn_letter_doc *doc = tn_letter_doc_new(created, "Văn bản đôn đốc / Reminder");
        reminder_letter(doc, o->letterhead, o, terms, &r[i]);
        err = tn__letter_write_unit(app, doc, o, r[i].u.unit_code);
        tn_letter_doc_free(doc);
    }
    return err;
}

/* Numbers the letters of l from the register (o->record) or o->number_from, and checks each
 * can be recorded. */
static tn_err number_letters(struct tn_app *app, const struct tn_letter_opts *o, struct rem_list *l)
{
    int y, mo, md;
    tn_day_civil(o->date, &y, &mo, &md);
    int seq = o->number_from, next = 0;
    tn_err err = TN_OK;
    if (o->record && (err = tn_store_reminder_next_seq(app->store, y, &next)))
        return err;
    if (o->record && tn_letter_rule_first_number(o->number_from, next, &seq))
        return tn__app_fail(app, TN_ERR_REJECTED,
                            "--number-from %d: numbers up to %d of %d are in the register",
                            o->number_from, next - 1, y);
    const char *suffix =
        o->letterhead->suffix_reminder ? o->letterhead->suffix_reminder : "TB-BHXH";
    for (size_t i = 0; i < l->n && !err; i++) {
        struct rem *r = &l->r[i];
        r->seq = seq ? seq + (int)i : 0;
        if (r->seq)
            snprintf(r->letter_no, sizeof r->letter_no, "%d/%s", r->seq, suffix);
        else
            snprintf(r->letter_no, sizeof r->letter_no, "      /%s", suffix);
        if (o->record)
            err = check_record(app, o, r);
    }
    return err;
}

/* Records every event and register row of l in one transaction: all of them or none. */
static tn_err record_letters(struct tn_app *app, const struct tn_letter_opts *o, struct rem_list *l,
                             struct tn_letter_result *res)
{
    tn_err err = tn_store_begin(app->store);
    for (size_t i = 0; i < l->n && !err; i++)
        err = record_one(app, o, &l->r[i]);
    if (!err)
        err = tn_store_commit(app->store);
    if (err) {
        tn_store_rollback(app->store);
        return err;
    }
    res->recorded = tn_xcalloc(l->n, sizeof *res->recorded);
    for (size_t i = 0; i < l->n; i++) {
        const struct rem *r = &l->r[i];
        struct tn_letter_recorded *w = &res->recorded[res->nrecorded++];
        snprintf(w->unit_code, sizeof w->unit_code, "%s", r->u.unit_code);
        snprintf(w->letter_no, sizeof w->letter_no, "%s", r->letter_no);
        snprintf(w->case_id, sizeof w->case_id, "%s", r->case_id);
        w->event_seq = r->ev_seq;
        w->case_opened = r->new_case;
    }
    return TN_OK;
}

tn_err tn_app_letter_reminder(struct tn_app *app, const struct tn_scope *scope,
                              const struct tn_letter_opts *o, struct tn_letter_result *res)
{
    res->late_day = tn_letter_rule_reminder_late_day(o->date);
    struct tn_scope sc;
    tn_err err = tn__letter_start(app, &scope, &sc, o);
    if (err)
        return err;
    if (o->record && !o->actor)
        return tn__app_fail(app, TN_ERR_USAGE, "--record needs --actor WHO");
    struct rem_list l = {.app = app};
    struct rem_terms terms;
    if ((err = reminder_terms(app, o->date, &terms)))
        return err;
    struct tn_letter_filter filter = {o->unit};
    err = tn_store_letter_units(app->store, scope->office, o->period, tn__letter_as_of(app, o),
                                &filter, rem_row, &l);
    if (!err)
        err = tn__letter_unit_found(app, o, l.units);
    if (!err)
        err = drop_in_court(app, o, &l, res);
    if (!err)
        err = number_letters(app, o, &l);
    if (!err && o->record && l.n)
        err = record_letters(app, o, &l, res);
    if (!err)
        err = write_docs(app, o, l.r, l.n, &terms);
    if (!err)
        res->letters = l.n;
    for (size_t i = 0; i < l.n; i++)
        free(l.r[i].u.owed);
    free(l.r);
    return err;
}
