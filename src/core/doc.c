/*
 * doc.c - filling a case's documents from its facts (doc.h, docs/documents.md).
 *
 * Each builder first checks the stage and the required facts (tn_doc_check), then writes the
 * letter's header and its lines. Amounts are the store's facts or computed here: the fine
 * range by tn_sanction_fine (Decree 12/2022 Art 39.5, Art 6), the claim as principal due +
 * interest due of the last period closed, the enforceable amount as the award (or the
 * settlement) less what was recovered.
 */
#include "thuno/doc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/mem.h"
#include "thuno/text.h"

static const struct {
    const char *name, *label;
    enum tn_case_event stage;
} kinds[] = {
#define X(id, name, stage, vi) {name, vi, TN_CASE_EV_##stage},
    TN_DOC_KIND_MAP(X)
#undef X
};

const char *tn_doc_kind_name(enum tn_doc_kind k)
{
    return (unsigned)k < TN_DOC_COUNT ? kinds[k].name : NULL;
}

const char *tn_doc_kind_label(enum tn_doc_kind k)
{
    return (unsigned)k < TN_DOC_COUNT ? kinds[k].label : NULL;
}

enum tn_case_event tn_doc_kind_stage(enum tn_doc_kind k)
{
    return (unsigned)k < TN_DOC_COUNT ? kinds[k].stage : TN_CASE_EV_COUNT;
}

tn_err tn_doc_kind_parse(const char *s, enum tn_doc_kind *out)
{
    for (int k = 0; k < TN_DOC_COUNT; k++)
        if (strcmp(s, kinds[k].name) == 0) {
            *out = (enum tn_doc_kind)k;
            return TN_OK;
        }
    return TN_ERR_PARSE;
}

void tn_doc_init(struct tn_doc *d)
{
    memset(d, 0, sizeof *d);
    d->amount = -1;
}

void tn_doc_release(struct tn_doc *d)
{
    for (size_t i = 0; i < d->nlines; i++) {
        free(d->lines[i].label);
        free(d->lines[i].text);
    }
    free(d->lines);
    tn_doc_init(d);
}

static void line(struct tn_doc *d, enum tn_doc_line_kind kind, int indent, const char *label,
                 tn_money amount, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static void line(struct tn_doc *d, enum tn_doc_line_kind kind, int indent, const char *label,
                 tn_money amount, const char *fmt, ...)
{
    char text[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    TN_GROW(d->lines, d->caplines, d->nlines + 1);
    d->lines[d->nlines++] = (struct tn_doc_line){.kind = kind,
                                                 .indent = indent,
                                                 .label = tn_xstrdup(label ? label : ""),
                                                 .text = tn_xstrdup(text),
                                                 .amount = amount};
}

static void row(struct tn_doc *d, const char *label, int bold, int nv, const tn_money *v)
{
    line(d, TN_DOC_LINE_ROW, 1, label, 0, "%s", "");
    struct tn_doc_line *l = &d->lines[d->nlines - 1];
    l->nv = nv;
    l->bold = bold;
    memcpy(l->v, v, (size_t)nv * sizeof *v);
}

#define HEAD(d, ...)           line(d, TN_DOC_LINE_HEADING, 0, "", 0, __VA_ARGS__)
#define PARA(d, ...)           line(d, TN_DOC_LINE_PARA, 0, "", 0, __VA_ARGS__)
#define FIELD(d, lab, ...)     line(d, TN_DOC_LINE_FIELD, 1, lab, 0, __VA_ARGS__)
#define AMOUNT(d, lab, m, ...) line(d, TN_DOC_LINE_AMOUNT, 1, lab, m, __VA_ARGS__)
#define TOTAL(d, lab, m)       line(d, TN_DOC_LINE_TOTAL, 1, lab, m, "%s", "")

static const char *M(tn_money m, char buf[static 32])
{
    tn_money_format_grouped(m, buf);
    return buf;
}

/* A day as Vietnamese documents write it in their text: "05/01/2026". */
static const char *D(tn_day day, char buf[static TN_TEXT_DAY_BUFSZ])
{
    tn_text_day_vi(day, buf);
    return buf;
}

static const char *P(tn_period p, char buf[static TN_PERIOD_BUFSZ])
{
    if (p < 0 || tn_period_format(p, buf))
        snprintf(buf, TN_PERIOD_BUFSZ, "-");
    return buf;
}

static int is_public(const char *type)
{
    return type && (strcmp(type, "state") == 0 || strcmp(type, "public") == 0);
}

/* The latest step of event e (NULL when none) and its note. */
static const struct tn_case_step *last_step(const struct tn_doc_facts *f, enum tn_case_event e,
                                            const char **note)
{
    for (size_t i = f->nsteps; i-- > 0;)
        if (f->steps[i].event == e) {
            if (note)
                *note = f->notes ? f->notes[i] : "";
            return &f->steps[i];
        }
    return NULL;
}

/* The addressee: the user's --to, else the office of the latest step of e. */
static const char *addressee(const struct tn_doc_facts *f, enum tn_case_event e)
{
    if (f->to && f->to[0])
        return f->to;
    const struct tn_case_step *st = last_step(f, e, NULL);
    return st && st->office && st->office[0] ? st->office : NULL;
}

tn_money tn_doc_enforceable(const struct tn_doc_facts *f, tn_money *base, tn_money *recovered)
{
    tn_money b = f->c->tried && f->c->awarded >= 0   ? f->c->awarded
                 : f->c->mediated && f->c->defaulted ? f->c->settled
                                                     : -1;
    tn_money r = 0;
    for (size_t i = 0; i < f->npayments; i++)
        r += f->payments[i].amount;
    if (base)
        *base = b;
    if (recovered)
        *recovered = r;
    return b < 0 ? -1 : b - r;
}

void tn_doc_pension_dates(int pay_day, tn_day from, int count, tn_day *out)
{
    int y, m, d;
    tn_day_civil(from, &y, &m, &d);
    tn_period p = (tn_period)(y * 12 + m - 1);
    for (int i = 0; i < count; p++) {
        tn_day last = tn_period_last_day(p);
        tn_day first = tn_period_first_day(p);
        tn_day day = first + pay_day - 1 > last ? last : first + pay_day - 1;
        if (day >= from)
            out[i++] = day;
    }
}

static void missing(struct tn_doc_check *ck, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void missing(struct tn_doc_check *ck, const char *fmt, ...)
{
    if (ck->nmissing >= TN_DOC_MISSING_MAX)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ck->missing[ck->nmissing++], sizeof ck->missing[0], fmt, ap);
    va_end(ap);
}

static void need_unit(const struct tn_doc_facts *f, struct tn_doc_check *ck, int address)
{
    if (!f->unit_found)
        missing(ck, "unit %s in the register (đơn vị trong danh mục)", f->unit_code);
    else if (address && !(f->address && f->address[0]))
        missing(ck, "the unit's address (địa chỉ đơn vị: units.csv address)");
}

static void need_debt(const struct tn_doc_facts *f, struct tn_doc_check *ck, int funds_si_ui)
{
    if (!f->ledger.found)
        missing(ck, "a closed balance of the unit as known at %s (số liệu sổ đã khóa kỳ)",
                f->ledger_as_of);
    else if (funds_si_ui ? f->ledger.due_bhxh + f->ledger.due_bhtn <= 0
                         : f->ledger.principal_due + f->ledger.interest_due <= 0)
        missing(ck, "a debt to claim: the unit owes nothing at %s (số nợ)",
                f->ledger.period >= 0 ? "its last closed period" : "the date");
}

void tn_doc_check(enum tn_doc_kind kind, const struct tn_doc_facts *f, struct tn_doc_check *out)
{
    memset(out, 0, sizeof *out);
    enum tn_case_event ev = tn_doc_kind_stage(kind);
    int allowed = tn_case_allows(f->c, ev);
    const struct tn_case_step *done =
        kind != TN_DOC_PENSIONER_NOTICE ? last_step(f, ev, NULL) : NULL;
    out->recorded = done ? done->day : -1;
    out->stage_ok = allowed || done;
    if (!out->stage_ok)
        snprintf(out->stage, sizeof out->stage,
                 "%s is produced for %s, which a case that is %s does not take (and it was "
                 "not recorded before)",
                 tn_doc_kind_name(kind), tn_case_event_name(ev), tn_case_state_name(f->c->state));
    tn_money base, rec;
    switch (kind) {
    case TN_DOC_FINE_PROPOSAL:
        need_unit(f, out, 0);
        need_debt(f, out, 1);
        break;
    case TN_DOC_DEDUCTION_REQUEST:
        need_unit(f, out, 0);
        if (!last_step(f, TN_CASE_EV_FINE_DECIDED, NULL))
            missing(out, "the fine decision not complied with (quyết định xử phạt: a "
                         "fine_decided event)");
        if (!addressee(f, TN_CASE_EV_DEDUCTION_ORDERED))
            missing(out, "%s (--to, or the office of a deduction_ordered event)",
                    is_public(f->unit_type)
                        ? "the State Treasury office holding the unit's "
                          "account (Kho bạc Nhà nước nơi đơn vị mở tài khoản)"
                        : "the unit's bank (ngân hàng nơi đơn vị mở tài khoản)");
        need_debt(f, out, 0);
        break;
    case TN_DOC_LAWSUIT_PETITION:
        need_unit(f, out, 1);
        if (!addressee(f, TN_CASE_EV_LAWSUIT_FILED))
            missing(out, "the court (tòa án: --to, or the office of the lawsuit_filed event)");
        /* a reprint with no close known at filing rests on the amount recorded then */
        if (!(done && done->amount > 0 && !f->ledger.found))
            need_debt(f, out, 0);
        break;
    case TN_DOC_ENFORCEMENT_REQUEST:
        need_unit(f, out, 1);
        if (!addressee(f, TN_CASE_EV_ENFORCEMENT_REQUESTED))
            missing(out, "the enforcement office (cơ quan thi hành án dân sự: --to, or the office "
                         "of the enforcement_requested event)");
        if (tn_doc_enforceable(f, &base, &rec) < 0)
            missing(out, "an enforceable judgment or defaulted settlement (bản án, quyết định có "
                         "hiệu lực)");
        else if (base - rec <= 0)
            missing(out,
                    "an amount left to enforce (số tiền còn phải thi hành: recovered %lld of "
                    "%lld)",
                    (long long)rec, (long long)base);
        break;
    case TN_DOC_PENSIONER_NOTICE:
        if (!f->pensioner.found)
            missing(out, "the pensioner judgment debtor (người phải thi hành án hưởng lương hưu: "
                         "thuno case pensioner)");
        if (!addressee(f, TN_CASE_EV_ENFORCEMENT_REQUESTED))
            missing(out, "the enforcement office (cơ quan thi hành án dân sự: --to, or the office "
                         "of the enforcement_requested event)");
        if (tn_doc_enforceable(f, &base, &rec) < 0 || base - rec <= 0)
            missing(out, "an amount left to enforce (số tiền còn phải thi hành)");
        break;
    default:
        break;
    }
}

/* The header every document shares. */
static void header(struct tn_doc *d, const struct tn_doc_facts *f, const char *code,
                   const char *title, const char *to)
{
    char dv[TN_TEXT_DATE_BUFSZ];
    tn_text_date_vi(f->date, dv);
    snprintf(d->issuer, sizeof d->issuer, "%s",
             f->issuer && f->issuer[0] ? f->issuer : "BẢO HIỂM XÃ HỘI");
    snprintf(d->number, sizeof d->number, "Số:        /%s", code);
    snprintf(d->title, sizeof d->title, "%s", title);
    snprintf(d->addressee, sizeof d->addressee, "%s", to);
    snprintf(d->place, sizeof d->place, "%s", f->place ? f->place : "");
    snprintf(d->place_date, sizeof d->place_date, "%s%s%s", f->place && f->place[0] ? f->place : "",
             f->place && f->place[0] ? ", " : "", dv);
    snprintf(d->authority, sizeof d->authority, "%s", f->authority ? f->authority : "");
    snprintf(d->signer, sizeof d->signer, "%s", f->signer && f->signer[0] ? f->signer : "GIÁM ĐỐC");
    d->date = f->date;
}

static void unit_fields(struct tn_doc *d, const struct tn_doc_facts *f)
{
    FIELD(d, "Tên đơn vị / unit", "%s", f->unit_name);
    FIELD(d, "Mã đơn vị / unit code", "%s", f->unit_code);
    FIELD(d, "Mã số thuế / tax code", "%s", f->tax_code);
    FIELD(d, "Địa chỉ / address", "%s",
          f->address && f->address[0] ? f->address : "chưa có trong danh mục / not on record");
}

static void case_field(struct tn_doc *d, const struct tn_doc_facts *f)
{
    FIELD(d, "Hồ sơ / case", "%s (%s)", f->case_id, tn_case_state_label(f->c->state));
}

static void ledger_basis(struct tn_doc *d, const struct tn_doc_facts *f)
{
    const struct tn_doc_ledger *l = &f->ledger;
    char pp[TN_PERIOD_BUFSZ], op[TN_PERIOD_BUFSZ];
    PARA(d,
         "Theo sổ theo dõi thu đến hết kỳ %s (số liệu ghi nhận lúc %s, đã biết đến %s): "
         "số tháng nợ %d.%d, kỳ nợ cũ nhất %s, tình trạng %s. / Per the ledger to the end of %s "
         "as known at %s.",
         P(l->period, pp), l->known_at, f->ledger_as_of, l->months_owed_tenths / 10,
         l->months_owed_tenths % 10, P(l->oldest_unpaid, op), l->legal_status, pp, f->ledger_as_of);
}

/* The range of one fine: its rule's percentages and cap, min, max and the proposal. */
static void fine_range(struct tn_doc *d, const struct tn_fine *fine, int org, const char *double_by)
{
    char a[32], pct[16], pct2[16];
    tn_ppm_format_percent(fine->rule->min_rate, pct);
    tn_ppm_format_percent(fine->rule->max_rate, pct2);
    FIELD(d, "Khung phạt cá nhân / individual", "%s - %s căn cứ, tối đa %s", pct, pct2,
          M(fine->rule->cap, a));
    FIELD(d, "Tổ chức / organisation", "%s%s", org ? "x2 " : "không (hộ kinh doanh)",
          org ? double_by : "");
    AMOUNT(d, "Mức tối thiểu / minimum", fine->min, "%s", "");
    AMOUNT(d, "Mức tối đa / maximum", fine->max, "%s",
           fine->capped ? "đã áp mức trần / capped" : "");
    AMOUNT(d, "Đề xuất (giữa khung) / proposed (middle of the range)", fine->proposed, "%s", "");
    PARA(d, "Nguồn / source: %s", fine->rule->source);
}

static tn_err fine_proposal(const struct tn_doc_facts *f, struct tn_doc *d, char *why, size_t whysz)
{
    const struct tn_doc_ledger *l = &f->ledger;
    tn_money payable = l->due_bhxh + l->due_bhtn;
    /* Art 6.1: organisations pay double; a household business is fined as an individual */
    int org = !(f->unit_type && strcmp(f->unit_type, "household") == 0);
    /* LAW: an evading unit is fined for evasion (Decree 12/2022 Art 39.6), not for late
     * payment (39.5): the two clauses punish different acts */
    int evading = strcmp(l->legal_status, "evading") == 0;
    enum tn_fine_violation v = evading ? TN_FINE_EVASION : TN_FINE_LATE;
    struct tn_fine fine;
    tn_err err = tn_sanction_fine_of(f->fines, f->nfines, v, TN_FINE_BASE_BHXH_BHTN, f->date,
                                     payable, org, &fine);
    if (err) {
        char day[TN_DAY_BUFSZ];
        snprintf(why, whysz, "no %s fine rule on BHXH+BHTN in force on %s (policy/sanctions.csv)",
                 tn_fine_violation_name(v), D(f->date, day));
        return err;
    }
    char to[320];
    snprintf(to, sizeof to, "%s",
             f->to && f->to[0] ? f->to : "Người có thẩm quyền xử phạt vi phạm hành chính");
    header(d, f, "ĐX-BHXH", "ĐỀ XUẤT XỬ PHẠT VI PHẠM HÀNH CHÍNH", to);
    snprintf(d->subject, sizeof d->subject, "V/v đề xuất xử phạt hành vi %s BHXH, BHTN của %s",
             evading ? "trốn đóng" : "chậm đóng", f->unit_name);
    char a[32], b[32], day[TN_DAY_BUFSZ];
    HEAD(d, "I. Đơn vị vi phạm / the unit");
    unit_fields(d, f);
    case_field(d, f);
    HEAD(d, "II. Hành vi vi phạm / the violation");
    if (evading)
        PARA(d, "Trốn đóng bảo hiểm xã hội, bảo hiểm thất nghiệp (Nghị định 12/2022/NĐ-CP Điều 39 "
                "khoản 6). / Evasion of BHXH and BHTN.");
    else
        PARA(d, "Chậm đóng bảo hiểm xã hội, bảo hiểm thất nghiệp (Nghị định 12/2022/NĐ-CP Điều 39 "
                "khoản 5). / Late payment of BHXH and BHTN.");
    ledger_basis(d, f);
    const char *note = "";
    const struct tn_case_step *insp = last_step(f, TN_CASE_EV_INSPECTION_CONCLUDED, &note);
    if (insp)
        PARA(d, "Kết luận thanh tra ngày %s%s%s%s%s. / Inspection concluded.", D(insp->day, day),
             insp->office[0] ? " của " : "", insp->office, note[0] ? ": " : "", note);
    HEAD(d, "III. Căn cứ tính mức phạt / the base of the fine");
    AMOUNT(d, "Nợ gốc BHXH / BHXH principal due", l->due_bhxh, "%s", "");
    AMOUNT(d, "Nợ gốc BHTN / BHTN principal due", l->due_bhtn, "%s", "");
    TOTAL(d, "Số tiền phải đóng làm căn cứ / the base (BHXH + BHTN)", payable);
    HEAD(d, "IV. Mức phạt đề xuất / the proposed fine");
    fine_range(d, &fine, org, "(Điều 6 khoản 1)");
    /* LAW: BHYT is fined under its own decree (Decree 117/2020/NĐ-CP Art 80), never in the
     * base of Decree 12/2022 Art 39 */
    struct tn_fine yt;
    if (l->due_bhyt > 0 && tn_sanction_fine_of(f->fines, f->nfines, v, TN_FINE_BASE_BHYT, f->date,
                                               l->due_bhyt, org, &yt) == TN_OK) {
        HEAD(d, "V. Mức phạt đề xuất riêng về BHYT / the BHYT fine, under its own decree");
        AMOUNT(d, "Nợ gốc BHYT làm căn cứ / the base (BHYT)", l->due_bhyt, "%s", "");
        fine_range(d, &yt, org, "(mức phạt tổ chức bằng 02 lần cá nhân, Nghị định 117/2020/NĐ-CP)");
    } else {
        PARA(d,
             "Nợ gốc BHYT %s không thuộc căn cứ phạt của Điều 39. / BHYT principal is not "
             "part of the base.",
             M(l->due_bhyt, a));
    }
    PARA(d,
         "Người có thẩm quyền quyết định mức phạt trong khung; căn cứ chính xác tại thời điểm vi "
         "phạm lập từ bảng giải trình (thuno explain). / The decision maker chooses within the "
         "range; %s.",
         M(fine.proposed, b));
    d->amount = fine.proposed;
    return TN_OK;
}

static void debt_table(struct tn_doc *d, const struct tn_doc_facts *f)
{
    const struct tn_doc_ledger *l = &f->ledger;
    AMOUNT(d, "Nợ gốc BHXH / BHXH principal", l->due_bhxh, "%s", "");
    AMOUNT(d, "Nợ gốc BHYT / BHYT principal", l->due_bhyt, "%s", "");
    AMOUNT(d, "Nợ gốc BHTN / BHTN principal", l->due_bhtn, "%s", "");
    AMOUNT(d, "Lãi chậm đóng / interest due", l->interest_due, "%s", "");
    TOTAL(d, "Tổng số tiền / total", l->principal_due + l->interest_due);
}

static tn_err deduction_request(const struct tn_doc_facts *f, struct tn_doc *d)
{
    d->treasury = is_public(f->unit_type);
    const char *to = addressee(f, TN_CASE_EV_DEDUCTION_ORDERED);
    char addr[320];
    snprintf(addr, sizeof addr, "%s%s",
             d->treasury && !strstr(to, "Kho bạc") ? "Kho bạc Nhà nước " : "", to);
    header(d, f, "BHXH-QLT",
           d->treasury ? "YÊU CẦU TRÍCH TIỀN TỪ TÀI KHOẢN CỦA ĐƠN VỊ TẠI KHO BẠC NHÀ NƯỚC"
                       : "YÊU CẦU TRÍCH TIỀN TỪ TÀI KHOẢN TIỀN GỬI CỦA ĐƠN VỊ",
           addr);
    snprintf(d->subject, sizeof d->subject,
             "V/v trích tiền từ tài khoản của %s để nộp tiền BHXH, BHYT, BHTN", f->unit_name);
    char day[TN_DAY_BUFSZ], a[32];
    const char *note = "";
    const struct tn_case_step *fine = last_step(f, TN_CASE_EV_FINE_DECIDED, &note);
    HEAD(d, "I. Căn cứ / grounds");
    PARA(d, "Nghị định 12/2022/NĐ-CP Điều 39 khoản 9 (biện pháp khắc phục hậu quả: buộc đóng đủ "
            "số tiền chậm đóng và nộp số tiền lãi; trích từ tài khoản của đơn vị khi đơn vị không "
            "chấp hành). [?] / Decree 12/2022 Art 39.9.");
    if (d->treasury)
        PARA(d, "Đơn vị sử dụng ngân sách nhà nước: trích qua Kho bạc Nhà nước nơi đơn vị mở tài "
                "khoản (seed 001). / A public-sector unit: through the State Treasury.");
    PARA(d,
         "Quyết định xử phạt vi phạm hành chính ngày %s%s%s, số tiền phạt %s đồng, đơn vị chưa "
         "chấp hành%s%s. / Fine decided, not complied with.",
         D(fine->day, day), fine->office[0] ? " của " : "", fine->office,
         M(fine->amount >= 0 ? fine->amount : 0, a), note[0] ? "; " : "", note);
    HEAD(d, "II. Chủ tài khoản / the account holder");
    unit_fields(d, f);
    FIELD(d, "Số tài khoản / accounts",
          "theo danh sách tài khoản của đơn vị (sổ theo dõi hồ sơ; "
          "tài liệu bank_accounts) / see the case registers");
    case_field(d, f);
    HEAD(d, "III. Số tiền đề nghị trích / the amount to deduct");
    ledger_basis(d, f);
    debt_table(d, f);
    PARA(d,
         "Chuyển về tài khoản thu của %s; nội dung: %s trích nộp BHXH, BHYT, BHTN theo hồ sơ %s. "
         "/ To the collection account of the issuer.",
         d->issuer, f->unit_code, f->case_id);
    d->amount = f->ledger.principal_due + f->ledger.interest_due;
    return TN_OK;
}

static void steps_taken(struct tn_doc *d, const struct tn_doc_facts *f, enum tn_case_event until)
{
    char day[TN_DAY_BUFSZ], a[32];
    int any = 0;
    for (size_t i = 0; i < f->nsteps && f->steps[i].event != until; i++) {
        const struct tn_case_step *st = &f->steps[i];
        const char *note = f->notes ? f->notes[i] : "";
        line(d, TN_DOC_LINE_FIELD, 1, D(st->day, day), 0, "%s%s%s%s%s%s%s",
             tn_case_event_label(st->event), st->amount >= 0 ? ": " : "",
             st->amount >= 0 ? M(st->amount, a) : "", st->office[0] ? " — " : "", st->office,
             note[0] ? " — " : "", note);
        any = 1;
    }
    if (!any)
        PARA(d, "Chưa ghi nhận bước nào trước đó. / Nothing recorded before.");
}

static void court_fees(struct tn_doc *d)
{
    HEAD(d, "VI. Án phí / court fees");
    PARA(d, "Cơ quan BHXH khởi kiện để bảo vệ lợi ích của Nhà nước và người lao động: không phải "
            "nộp tiền tạm ứng án phí (Nghị quyết 326/2016/UBTVQH14 Điều 11 khoản 1) [?]. / Exempt "
            "from the court fee advance (CONFIRM).");
}

static tn_err lawsuit_petition(const struct tn_doc_facts *f, struct tn_doc *d)
{
    const struct tn_doc_ledger *l = &f->ledger;
    header(d, f, "ĐKK-BHXH", "ĐƠN KHỞI KIỆN (TÓM TẮT)", addressee(f, TN_CASE_EV_LAWSUIT_FILED));
    snprintf(d->subject, sizeof d->subject,
             "V/v yêu cầu %s trả tiền đóng BHXH, BHYT, BHTN và tiền lãi chậm đóng", f->unit_name);
    char a[32], b[32], c[32], pp[TN_PERIOD_BUFSZ], pct[16];
    HEAD(d, "I. Người khởi kiện / plaintiff");
    FIELD(d, "Cơ quan / office", "%s", d->issuer);
    HEAD(d, "II. Người bị kiện / defendant");
    unit_fields(d, f);
    case_field(d, f);
    HEAD(d, "III. Yêu cầu / the claim");
    const char *note = "";
    const struct tn_case_step *filed = last_step(f, TN_CASE_EV_LAWSUIT_FILED, &note);
    if (!l->found) { /* tn_doc_check: only a reprint with its amount gets here */
        char fd[TN_DAY_BUFSZ];
        PARA(d,
             "Buộc đơn vị trả %s đồng, số tiền khởi kiện đã ghi khi nộp đơn ngày %s, và lãi chậm "
             "đóng tiếp tục phát sinh đến ngày trả hết nợ. / The amount recorded at filing.",
             M(filed->amount, a), D(filed->day, fd));
        HEAD(d, "IV. Giải trình số tiền theo sổ / the amount, line by line from the ledger");
        PARA(d,
             "Tại ngày nộp đơn %s chưa có kỳ nào được khóa sổ (số liệu được nhập sau ngày nộp "
             "đơn): không có giải trình theo sổ tại thời điểm nộp đơn; số tiền khởi kiện là số đã "
             "ghi khi nộp đơn. / No close was known at filing (the ledger was imported later): "
             "the ledger's explanation at filing is not available; the amount is the one "
             "recorded on lawsuit_filed (thuno explain shows the ledger as known today).",
             fd);
        TOTAL(d, "Số tiền khởi kiện / amount claimed", filed->amount);
        HEAD(d, "V. Các biện pháp đã thực hiện / what was done before");
        steps_taken(d, f, TN_CASE_EV_LAWSUIT_FILED);
        court_fees(d);
        d->amount = filed->amount;
        return TN_OK;
    }
    tn_money claimed = l->principal_due + l->interest_due;
    PARA(d,
         "Buộc đơn vị trả %s đồng = nợ gốc %s + lãi chậm đóng %s, tính đến hết kỳ %s, và lãi chậm "
         "đóng tiếp tục phát sinh đến ngày trả hết nợ. / Principal + interest at filing.",
         M(claimed, a), M(l->principal_due, b), M(l->interest_due, c), P(l->period, pp));
    if (filed && filed->amount >= 0 && filed->amount != claimed)
        PARA(d,
             "Số đã ghi khi nộp đơn / amount recorded at filing: %s (chênh lệch / difference %s)",
             M(filed->amount, a), M(filed->amount - claimed, b));
    HEAD(d, "IV. Giải trình số tiền theo sổ / the amount, line by line from the ledger");
    ledger_basis(d, f);
    PARA(d, "Gốc còn nợ của từng kỳ: số đã nộp trả các kỳ cũ trước; khoản truy thu, thoái thu "
            "tính vào kỳ mà nó điều chỉnh, dù ghi nhận ở kỳ sau. / The unpaid principal charged "
            "to each period: payments go to the oldest first; a back-dated change counts in the "
            "month it concerns, though recorded in a later one.");
    line(d, TN_DOC_LINE_COLS, 1, "", 0, "%s",
         "Kỳ / period|Phải đóng / charge|Lãi / interest|Đã nộp / paid|Số dư / closing|Gốc còn "
         "nợ / unpaid");
    tn_money sum_unpaid = 0, sum_interest = 0, sum_charge = 0, sum_paid = 0;
    for (size_t i = 0; i < l->nperiods; i++) {
        const struct tn_doc_period *p = &l->periods[i];
        tn_money v[5] = {p->charge, p->interest, p->paid, p->closing, p->unpaid};
        row(d, P(p->period, pp), 0, 5, v);
        sum_unpaid += p->unpaid;
        sum_interest += p->interest;
        sum_charge += p->charge;
        sum_paid += p->paid;
    }
    tn_money tot[5] = {sum_charge, sum_interest, sum_paid,
                       l->nperiods ? l->periods[l->nperiods - 1].closing : 0, sum_unpaid};
    row(d, "Cộng / total", 1, 5, tot);
    PARA(d, "Lãi chậm đóng theo từng dòng / interest line by line:");
    for (size_t i = 0; i < l->ninterest; i++) {
        const struct tn_doc_interest *it = &l->interest[i];
        char lab[64];
        snprintf(lab, sizeof lab, "%s %s", P(it->period, pp), it->group);
        tn_ppm_format_percent(it->rate, pct);
        if (strcmp(it->rule, "daily") == 0)
            AMOUNT(d, lab, it->amount, "%s..%s: %s x %s x %d ngày [%s]", it->from, it->to,
                   M(it->principal, a), pct, it->days, it->source);
        else if (strcmp(it->rule, "correction") == 0)
            AMOUNT(d, lab, it->amount, "điều chỉnh lãi các tháng trước / correction");
        else
            AMOUNT(d, lab, it->amount, "tháng %s: %s x %s [%s]", P(it->accrual_month, c),
                   M(it->principal, a), pct, it->source);
    }
    TOTAL(d, "Lãi đã tính / interest charged", sum_interest);
    AMOUNT(d, "Lãi đã nộp / interest paid", sum_interest - l->interest_due, "%s", "");
    AMOUNT(d, "Lãi còn nợ / interest due", l->interest_due, "%s", "");
    AMOUNT(d, "Nợ gốc / principal due", l->principal_due, "%s", "");
    TOTAL(d, "Số tiền khởi kiện / amount claimed", claimed);
    HEAD(d, "V. Các biện pháp đã thực hiện / what was done before");
    steps_taken(d, f, TN_CASE_EV_LAWSUIT_FILED);
    court_fees(d);
    d->amount = claimed;
    return TN_OK;
}

static void recovered_table(struct tn_doc *d, const struct tn_doc_facts *f, tn_money base)
{
    char day[TN_DAY_BUFSZ];
    AMOUNT(d, f->c->tried ? "Số tiền theo bản án / awarded" : "Số tiền theo hòa giải / settled",
           base, "%s", "");
    for (size_t i = 0; i < f->npayments; i++)
        AMOUNT(d, D(f->payments[i].paid_on, day), -f->payments[i].amount, "đã thu / recovered (%s)",
               f->payments[i].channel);
}

static const struct tn_case_step *basis(struct tn_doc *d, const struct tn_doc_facts *f)
{
    char day[TN_DAY_BUFSZ], a[32];
    const char *note = "";
    const struct tn_case_step *st = NULL;
    if (f->c->tried) {
        st = last_step(f, TN_CASE_EV_JUDGMENT, &note);
        PARA(d, "Bản án ngày %s của %s, số tiền %s%s%s. / Judgment.", D(st->day, day), st->office,
             M(st->amount, a), note[0] ? "; " : "", note);
        const struct tn_case_step *ap = last_step(f, TN_CASE_EV_APPEAL_CHANGED, &note);
        if (ap)
            PARA(d,
                 "Bản án/quyết định ngày %s của %s sửa số tiền thành %s%s%s. / Changed on "
                 "appeal.",
                 D(ap->day, day), ap->office, M(ap->amount, a), note[0] ? "; " : "", note);
    } else {
        st = last_step(f, TN_CASE_EV_MEDIATION_SETTLED, &note);
        PARA(d,
             "Quyết định công nhận sự thỏa thuận (hòa giải thành) ngày %s của %s, số tiền %s. "
             "/ Settlement.",
             D(st->day, day), st->office, M(st->amount, a));
        const struct tn_case_step *df = last_step(f, TN_CASE_EV_PLAN_DEFAULTED, &note);
        if (df)
            PARA(d,
                 "Đơn vị vi phạm lộ trình trả nợ ngày %s%s%s: toàn bộ số còn lại đến hạn thi "
                 "hành. / Plan defaulted: the remainder is due.",
                 D(df->day, day), note[0] ? " — " : "", note);
    }
    return st;
}

static tn_err enforcement_request(const struct tn_doc_facts *f, struct tn_doc *d)
{
    header(d, f, "BHXH-THA", "ĐƠN YÊU CẦU THI HÀNH ÁN",
           addressee(f, TN_CASE_EV_ENFORCEMENT_REQUESTED));
    snprintf(d->subject, sizeof d->subject, "V/v yêu cầu thi hành án đối với %s", f->unit_name);
    tn_money base, rec;
    tn_money left = tn_doc_enforceable(f, &base, &rec);
    char day[TN_DAY_BUFSZ];
    HEAD(d, "I. Người yêu cầu thi hành án / the creditor");
    FIELD(d, "Cơ quan / office", "%s", d->issuer);
    HEAD(d, "II. Người phải thi hành án / the judgment debtor");
    unit_fields(d, f);
    case_field(d, f);
    HEAD(d, "III. Căn cứ / the enforceable title");
    basis(d, f);
    PARA(d, "Luật Thi hành án dân sự Điều 31. / Law on Civil Judgment Enforcement Art 31.");
    HEAD(d, "IV. Nội dung yêu cầu / the amount to enforce");
    recovered_table(d, f, base);
    TOTAL(d, "Số tiền còn phải thi hành / left to enforce", left);
    HEAD(d, "V. Thông tin tài sản, điều kiện thi hành / the debtor's assets");
    int any = 0;
    for (size_t i = 0; i < f->nsteps; i++) {
        const struct tn_case_step *st = &f->steps[i];
        if (st->event != TN_CASE_EV_ASSETS_VERIFIED && st->event != TN_CASE_EV_MEASURE_APPLIED)
            continue;
        const char *note = f->notes ? f->notes[i] : "";
        char a[32];
        FIELD(d, D(st->day, day), "%s%s%s%s%s%s%s", tn_case_event_label(st->event),
              st->outcome ? ": " : "", tn_case_outcome_name(st->outcome),
              st->amount >= 0 ? " " : "", st->amount >= 0 ? M(st->amount, a) : "",
              note[0] ? " — " : "", note);
        any = 1;
    }
    PARA(d,
         "%sTài sản đã biết: xem sổ theo dõi tài sản của hồ sơ. / Known assets: see the case "
         "registers.",
         any ? "" : "Chưa có kết quả xác minh ghi trong hồ sơ. ");
    d->amount = left;
    return TN_OK;
}

static tn_err pensioner_notice(const struct tn_doc_facts *f, struct tn_doc *d)
{
    const struct tn_doc_pensioner *pn = &f->pensioner;
    header(d, f, "TB-BHXH", "THÔNG BÁO NGÀY CHI TRẢ LƯƠNG HƯU CỦA NGƯỜI PHẢI THI HÀNH ÁN",
           addressee(f, TN_CASE_EV_ENFORCEMENT_REQUESTED));
    snprintf(d->subject, sizeof d->subject, "V/v thông báo ngày chi trả lương hưu của ông/bà %s",
             pn->name);
    tn_money base, rec;
    tn_money left = tn_doc_enforceable(f, &base, &rec);
    char day[TN_DAY_BUFSZ];
    HEAD(d, "I. Căn cứ / grounds");
    PARA(d, "Luật Thi hành án dân sự Điều 78 khoản 4; Công văn 3077/BHXH-QBC ngày 28/11/2002 của "
            "BHXH Việt Nam: cơ quan BHXH thông báo ngày chi trả cho cơ quan thi hành án để phối "
            "hợp cưỡng chế, không tự ý trích tiền của người hưởng. / BHXH notifies the payment "
            "dates and never deducts itself.");
    HEAD(d, "II. Người phải thi hành án / the judgment debtor");
    FIELD(d, "Họ và tên / name", "%s", pn->name);
    FIELD(d, "Mã số BHXH / BHXH code", "%s", pn->bhxh_code);
    FIELD(d, "Liên quan đơn vị / in the case of", "%s %s", f->unit_code, f->unit_name);
    case_field(d, f);
    if (pn->note[0])
        FIELD(d, "Ghi chú / note", "%s", pn->note);
    HEAD(d, "III. Nghĩa vụ còn phải thi hành / left to enforce");
    basis(d, f);
    recovered_table(d, f, base);
    TOTAL(d, "Số tiền còn phải thi hành / left to enforce", left);
    HEAD(d, "IV. Ngày chi trả lương hưu / pension payment dates");
    FIELD(d, "Ngày chi trả hằng tháng / paid monthly on day", "%d%s%s", pn->pay_day,
          pn->paid_at[0] ? " tại " : "", pn->paid_at);
    tn_day dates[3];
    tn_doc_pension_dates(pn->pay_day, f->date, 3, dates);
    for (int i = 0; i < 3; i++)
        FIELD(d, "Kỳ chi trả tiếp theo / next payment", "%s", D(dates[i], day));
    PARA(d, "Cơ quan BHXH không khấu trừ lương hưu; đề nghị cơ quan thi hành án ra quyết định "
            "khấu trừ theo Luật Thi hành án dân sự Điều 78. / The office does not deduct.");
    d->amount = left;
    return TN_OK;
}

tn_err tn_doc_build(enum tn_doc_kind kind, const struct tn_doc_facts *f, struct tn_doc *d,
                    char *why, size_t whysz)
{
    struct tn_doc_check ck;
    tn_doc_check(kind, f, &ck);
    if (!ck.stage_ok) {
        snprintf(why, whysz, "%s", ck.stage);
        return TN_ERR_STATE;
    }
    if (ck.nmissing) {
        snprintf(why, whysz, "%s needs %s", tn_doc_kind_name(kind), ck.missing[0]);
        return TN_ERR_NOT_FOUND;
    }
    d->kind = kind;
    tn_err err = TN_OK;
    switch (kind) {
    case TN_DOC_FINE_PROPOSAL:
        err = fine_proposal(f, d, why, whysz);
        break;
    case TN_DOC_DEDUCTION_REQUEST:
        err = deduction_request(f, d);
        break;
    case TN_DOC_LAWSUIT_PETITION:
        err = lawsuit_petition(f, d);
        break;
    case TN_DOC_ENFORCEMENT_REQUEST:
        err = enforcement_request(f, d);
        break;
    case TN_DOC_PENSIONER_NOTICE:
        err = pensioner_notice(f, d);
        break;
    default:
        err = TN_ERR_RANGE;
    }
    if (err)
        tn_doc_release(d);
    return err;
}
