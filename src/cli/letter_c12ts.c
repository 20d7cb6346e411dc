/*
 * letter_c12ts.c - `thuno letter c12ts`: the monthly notice of contribution results (Mẫu
 * C12-TS, "Thông báo kết quả đóng BHXH, BHYT, BHTN, BHTNLĐ-BNN"; Decision 595/QĐ-BHXH form
 * list) for one unit or every unit with a balance in the period: opening balance, assessed,
 * adjustment, interest, paid and closing, by fund when the ledger allows (letters.h
 * split_ok), the workers, the unit's status and the transfer memo to use (without diacritics,
 * as banks need: text.h). docs/letters.md shows the province's notices.
 */
#include "letter_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/policy.h"
#include "thuno/store.h"
#include "thuno/text.h"

static const enum tn_group fund_order[TN_G_COUNT] = {TN_G_BHXH, TN_G_BHYT, TN_G_BHTN};

struct c12_ctx {
    const struct tn_policy *pol;
    const struct tn__letterhead *lh;
    const struct tn__letter_opts *o;
    struct tn_letter_doc *doc; /* -o: one document for all */
    char created[20];
    size_t count;
    tn_err err;
};

static const char *status_vi(const char *s)
{
    if (strcmp(s, "late") == 0)
        return "Chậm đóng (late)";
    if (strcmp(s, "evading") == 0)
        return "Trốn đóng (evading)";
    return "Không có khoản quá hạn đóng (current)";
}

static void money_row(struct tn_letter_doc *doc, const char *label, const tn_money v[TN_G_COUNT],
                      int bold)
{
    char cell[TN_G_COUNT + 1][32];
    tn_money sum = 0;
    for (int k = 0; k < TN_G_COUNT; k++) {
        tn_money_format_grouped(v[fund_order[k]], cell[k]);
        sum += v[fund_order[k]];
    }
    tn_money_format_grouped(sum, cell[TN_G_COUNT]);
    const char *cells[] = {label, cell[0], cell[1], cell[2], cell[3]};
    tn_letter_table_row(doc, cells, bold);
}

static void total_row(struct tn_letter_doc *doc, const char *label, tn_money v, int bold)
{
    char cell[32];
    tn_money_format_grouped(v, cell);
    const char *cells[] = {label, cell};
    tn_letter_table_row(doc, cells, bold);
}

/* due: the deadline of the period's BHXH contributions (policy/deadlines.csv) */
static void notice(struct c12_ctx *x, struct tn_letter_doc *doc, const struct tn_letter_unit *u,
                   tn_day due)
{
    const struct tn_balance_row *b = &u->bal;
    char pv[32], title2[128], number[80] = "";
    tn__period_vi(b->period, pv);
    if (x->lh->suffix_c12ts)
        snprintf(number, sizeof number, "Số:      /%s", x->lh->suffix_c12ts);
    struct tn_letter_head h;
    tn__letter_head(x->lh, x->o, number[0] ? number : NULL, NULL, &h);
    h.form = "Mẫu C12-TS";
    tn_letter_begin(doc, &h);
    snprintf(title2, sizeof title2, "Kết quả đóng BHXH, BHYT, BHTN, BHTNLĐ-BNN %s", pv);
    tn_letter_title(doc, "THÔNG BÁO", title2);
    tn_letter_addressee(doc, u->name[0] ? u->name : u->unit_code);
    tn_letter_paraf(doc, TN_LETTER_PLAIN, "Mã đơn vị: **%s**%s%s", u->unit_code,
                    u->tax_code[0] ? "        Mã số thuế: " : "", u->tax_code);
    if (u->address[0])
        tn_letter_paraf(doc, TN_LETTER_PLAIN, "Địa chỉ: %s", u->address);
    tn_letter_paraf(doc, TN_LETTER_PLAIN, "Số lao động tham gia trong kỳ: **%lld** người",
                    b->workers);
    if (u->officer_code[0])
        tn_letter_paraf(doc, TN_LETTER_PLAIN, "Cán bộ chuyên quản: %s (%s)",
                        u->officer_name[0] ? u->officer_name : u->officer_code, u->officer_code);
    tn_letter_space(doc, 4);
    tn_letter_paraf(doc, TN_LETTER_BODY,
                    "Cơ quan Bảo hiểm xã hội thông báo kết quả đóng bảo hiểm xã hội, bảo hiểm y "
                    "tế, bảo hiểm thất nghiệp, bảo hiểm tai nạn lao động, bệnh nghề nghiệp %s của "
                    "đơn vị như sau:",
                    pv);
    tn_letter_para(doc, TN_LETTER_HEADING, "I. Số tiền phải đóng, đã đóng");
    static const char *const labels[] = {
        "1. Kỳ trước chuyển sang",           "2. Phải đóng phát sinh trong kỳ",
        "3. Điều chỉnh truy thu, thoái thu", "4. Tiền lãi chậm đóng phát sinh",
        "5. Số tiền đã đóng trong kỳ",       "6. Chuyển kỳ sau (1+2+3+4-5)",
        "   Trong đó: tiền lãi còn nợ"};
    if (u->split_ok) {
        static const struct tn_letter_col cols[] = {{"Chỉ tiêu", 5.2, TN_LETTER_LEFT},
                                                    {"BHXH\n(gồm TNLĐ-BNN)", 2.4, TN_LETTER_RIGHT},
                                                    {"BHYT", 1.9, TN_LETTER_RIGHT},
                                                    {"BHTN", 1.7, TN_LETTER_RIGHT},
                                                    {"Tổng cộng", 2.2, TN_LETTER_RIGHT}};
        tn_letter_table_begin(doc, cols, 5);
        money_row(doc, labels[0], u->opening, 0);
        money_row(doc, labels[1], u->assessed, 0);
        money_row(doc, labels[2], u->adjustment, 0);
        money_row(doc, labels[3], u->interest, 0);
        money_row(doc, labels[4], u->paid, 0);
        money_row(doc, labels[5], u->closing, 1);
        money_row(doc, labels[6], u->interest_due, 0);
    } else {
        static const struct tn_letter_col cols[] = {{"Chỉ tiêu", 6, TN_LETTER_LEFT},
                                                    {"Tổng cộng", 3, TN_LETTER_RIGHT}};
        tn_letter_table_begin(doc, cols, 2);
        total_row(doc, labels[0], b->opening, 0);
        total_row(doc, labels[1], b->assessed, 0);
        total_row(doc, labels[2], b->adjustment, 0);
        total_row(doc, labels[3], b->interest, 0);
        total_row(doc, labels[4], b->paid, 0);
        total_row(doc, labels[5], b->closing, 1);
        total_row(doc, labels[6], b->interest_due, 0);
        tn_letter_para(
            doc, TN_LETTER_NOTE,
            "Số liệu chưa tách được theo từng quỹ (có khoản tiền đóng thừa chờ bù trừ).");
    }
    tn_letter_para(doc, TN_LETTER_NOTE, "Đơn vị tính: đồng.");
    char words[TN_TEXT_WORDS_BUFSZ], amount[40];
    /* a negative closing is credit: paid ahead, carried to the next period */
    tn_money carried = b->closing < 0 ? -b->closing : b->closing;
    tn_text_money_words(carried, words);
    tn_letter_paraf(doc, TN_LETTER_PLAIN, "%s: **%s** (bằng chữ: %s).",
                    b->closing < 0 ? "Số tiền đóng thừa chuyển kỳ sau" : "Số tiền chuyển kỳ sau",
                    tn__money_vi(carried, amount), words);

    tn_letter_para(doc, TN_LETTER_HEADING, "II. Tình trạng đóng");
    char months[16], oldest[32] = "không có";
    snprintf(months, sizeof months, "%d,%d",
             b->months_owed_tenths < 0 ? 0 : b->months_owed_tenths / 10,
             b->months_owed_tenths < 0 ? 0 : b->months_owed_tenths % 10);
    if (b->oldest_unpaid >= 0)
        tn__period_vi(b->oldest_unpaid, oldest);
    tn_letter_paraf(doc, TN_LETTER_ITEM, "- Tình trạng: **%s**; số tháng chậm đóng: %s tháng;",
                    status_vi(b->legal_status), months);
    tn_letter_paraf(doc, TN_LETTER_ITEM, "- Kỳ còn nợ sớm nhất: %s;", oldest);
    {
        char dv[16];
        tn_text_day_vi(due, dv);
        tn_letter_paraf(doc, TN_LETTER_ITEM,
                        "- Hạn đóng số phải đóng %s: chậm nhất ngày **%s** (Điều 34 Luật Bảo hiểm "
                        "xã hội số 41/2024/QH15).",
                        pv, dv);
    }
    tn_letter_para(doc, TN_LETTER_HEADING, "III. Nội dung chuyển tiền");
    char memo[TN_TEXT_MEMO_MAX + 1] = "";
    if (tn_text_memo(u->unit_code, u->name, b->period, memo, sizeof memo) == TN_OK)
        tn_letter_paraf(doc, TN_LETTER_BODY,
                        "Khi chuyển tiền, đề nghị đơn vị ghi đúng nội dung (không dấu): **%s**%s%s",
                        memo, x->lh->account ? "; tài khoản thu: " : "",
                        x->lh->account ? x->lh->account : "");
    tn_letter_para(doc, TN_LETTER_BODY,
                   "Đề nghị đơn vị kiểm tra, đối chiếu số liệu trên; nếu có chênh lệch, liên hệ cơ "
                   "quan Bảo hiểm xã hội để được giải quyết./.");
    tn__letter_sign(x->lh, doc);
}

static tn_err c12_row(void *ctx, const struct tn_letter_unit *u)
{
    struct c12_ctx *x = ctx;
    tn_day due;
    if (tn_policy_deadline(x->pol, TN_G_BHXH, u->payment_cycle, u->bal.period, &due, NULL)) {
        char p[TN_PERIOD_BUFSZ];
        tn_period_format(u->bal.period, p);
        tn_cli_error("letter", "%s: no rule in policy/deadlines.csv for %s", u->unit_code, p);
        return TN_ERR_NO_POLICY;
    }
    x->count++;
    if (x->doc) {
        notice(x, x->doc, u, due);
        return TN_OK;
    }
    struct tn_letter_doc *doc = tn_letter_doc_new(x->created, "Thông báo C12-TS");
    notice(x, doc, u, due);
    tn_err err = tn__letter_write_unit(doc, x->o->dir, u->unit_code);
    tn_letter_doc_free(doc);
    return err;
}

tn_err tn__letter_c12ts(struct tn_cli *cli, struct tn_store *s, const struct tn_policy *pol,
                        const struct tn__letterhead *lh, const struct tn__letter_opts *o)
{
    (void)cli;
    struct c12_ctx x = {.pol = pol, .lh = lh, .o = o};
    tn__letter_created(o, x.created);
    if (o->out)
        x.doc = tn_letter_doc_new(x.created, "Thông báo C12-TS / Contribution notices");
    tn_err err = tn_store_letter_units(s, o->period, o->as_of, &o->filter, c12_row, &x);
    if (err == TN_ERR_STORE)
        tn_cli_error("letter", "%s", tn_store_errmsg(s));
    if (!err && x.doc)
        err = tn__letter_write(x.doc, o->out);
    tn_letter_doc_free(x.doc);
    if (!err)
        fprintf(stderr, "thuno: letter c12ts: %zu notices\n", x.count);
    return err;
}
