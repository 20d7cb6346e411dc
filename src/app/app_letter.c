/*
 * app_letter.c - letters to units as PDF through the letter engine (letter.h; docs/letters.md):
 * the letterhead, the pieces every letter prints, and the monthly notice of contribution results
 * (Mẫu C12-TS, "Thông báo kết quả đóng BHXH, BHYT, BHTN, BHTNLĐ-BNN"; Decision 595/QĐ-BHXH form
 * list) for one unit or every unit with a balance in the period: opening balance, assessed,
 * adjustment, interest, paid and closing, by fund when the ledger allows (letters.h split_ok),
 * the workers, the unit's status and the transfer memo to use (without diacritics, as banks
 * need: text.h). The written reminder is in app_letter_reminder.c, the mass letters in
 * app_letter_mass.c; the rules they follow in core (letter_rule.h).
 */
#include "app_letter_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/letter_rule.h"
#include "thuno/mem.h"
#include "thuno/policy.h"
#include "thuno/store.h"
#include "thuno/text.h"

/* ---- shared pieces ---- */

void tn__period_vi(tn_period p, char buf[static 32])
{
    snprintf(buf, 32, "tháng %d năm %04d", p % 12 + 1, p / 12);
}

const char *tn__money_vi(tn_money m, char buf[static 40])
{
    tn_text_money_vnd(m, buf);
    return buf;
}

void tn__letter_created(const struct tn_letter_opts *o, char out[static 20])
{
    char d[TN_DAY_BUFSZ];
    tn_day_format(o->date, d);
    snprintf(out, 20, "%sT00:00:00", d);
}

size_t tn__letter_utf8_bad(const char *text, size_t n)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        size_t len = c < 0x80                 ? 1
                     : c >= 0xC2 && c <= 0xDF ? 2
                     : c >= 0xE0 && c <= 0xEF ? 3
                     : c >= 0xF0 && c <= 0xF4 ? 4
                                              : 0;
        if (!len || i + len > n)
            return i;
        unsigned lo = 0x80, hi = 0xBF; /* the range of the second byte */
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;
        else if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
        for (size_t k = 1; k < len; k++)
            if (s[i + k] < (k == 1 ? lo : 0x80) || s[i + k] > (k == 1 ? hi : 0xBF))
                return i;
        i += len;
    }
    return n;
}

int tn__letter_cut(const char *s, size_t n, int max)
{
    if (n <= (size_t)max)
        return (int)n;
    int k = max;
    while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
        k--;
    return k;
}

void tn__letter_problem(char **problems, const char *fmt, ...)
{
    char line[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    size_t have = *problems ? strlen(*problems) : 0, add = strlen(line);
    *problems = tn_xrealloc(*problems, have + add + 2, 1);
    memcpy(*problems + have, line, add);
    (*problems)[have + add] = '\n';
    (*problems)[have + add + 1] = '\0';
}

void tn_letter_result_init(struct tn_letter_result *r)
{
    memset(r, 0, sizeof *r);
}

void tn_letter_result_release(struct tn_letter_result *r)
{
    free(r->skipped);
    free(r->recorded);
    free(r->problems);
    tn_letter_result_init(r);
}

tn_err tn__letter_start(struct tn_app *app, const struct tn_scope **scope, struct tn_scope *buf,
                        const struct tn_letter_opts *o)
{
    app->why[0] = '\0';
    if (!o->letterhead)
        return tn__app_fail(app, TN_ERR_USAGE, "a letter needs a letterhead");
    int one_dest = o->dest.f ? !o->dest.dir : !o->dest.path != !o->dest.dir;
    if (!one_dest)
        return tn__app_fail(app, TN_ERR_USAGE, "give either -o FILE or --dir DIR");
    tn_err err = tn__app_scope(app, *scope, buf);
    if (err)
        return err;
    *scope = buf;
    /* one unit: of the scope's office, as a list of the office would hold it */
    return o->unit ? tn__app_unit_in_scope(app, buf, o->unit, tn__letter_as_of(app, o)) : TN_OK;
}

const char *tn__letter_as_of(const struct tn_app *app, const struct tn_letter_opts *o)
{
    return o->as_of ? o->as_of : app->now;
}

tn_err tn__letter_unit_found(struct tn_app *app, const struct tn_letter_opts *o, size_t units)
{
    if (!o->unit || units)
        return TN_OK;
    char p[TN_PERIOD_BUFSZ];
    tn_period_format(o->period, p);
    return tn__app_fail(app, TN_ERR_NOT_FOUND,
                        "đơn vị \"%s\" không có số dư kỳ %s / unit \"%s\" has no balance in %s",
                        o->unit, p, o->unit, p);
}

/* ---- the letterhead ---- */

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
        s[--n] = '\0';
    return s;
}

static void set(char **field, const char *v)
{
    free(*field);
    *field = tn_xstrdup(v);
}

tn_err tn_app_letterhead_load(const char *path, const char *office_code, struct tn_letterhead *lh,
                              char **problems)
{
    memset(lh, 0, sizeof *lh);
    FILE *f = fopen(path, "r");
    if (!f) {
        tn__letter_problem(problems, "cannot read the letterhead %s", path);
        return TN_ERR_IO;
    }
    char *line = NULL; /* a line of any length */
    size_t linecap = 0;
    ssize_t got;
    long no = 0;
    tn_err err = TN_OK;
    /* office.CODE lines win over plain ones whatever their order */
    int own[16] = {0};
    while ((got = getline(&line, &linecap, f)) >= 0) {
        no++;
        size_t nul = strlen(line), at = tn__letter_utf8_bad(line, nul);
        if (nul < (size_t)got || at < nul) {
            tn__letter_problem(problems,
                               at < nul ? "%s:%ld: byte %zu: invalid UTF-8 (0x%02X): save the "
                                          "letterhead as UTF-8 text"
                                        : "%s:%ld: byte %zu: a NUL byte: the letterhead must "
                                          "be UTF-8 text",
                               path, no, (at < nul ? at : nul) + 1,
                               at < nul ? (unsigned char)line[at] : 0u);
            err = TN_ERR_PARSE;
            continue;
        }
        char *l = trim(line);
        if (!*l || *l == '#')
            continue;
        char *colon = strchr(l, ':');
        if (!colon) {
            tn__letter_problem(problems, "%s:%ld: expected \"key: value\", got \"%.*s\"", path, no,
                               tn__letter_cut(l, strlen(l), 80), l);
            err = TN_ERR_PARSE;
            continue;
        }
        *colon = '\0';
        char *key = trim(l), *v = trim(colon + 1);
        char *dot = strchr(key, '.');
        int mine = 0;
        if (dot) {
            *dot = '\0';
            if (!office_code || strcmp(dot + 1, office_code) != 0)
                continue;
            mine = 1;
        }
        static const char *const keys[] = {
            "agency",      "office",    "place",    "authority",       "title",
            "signer",      "phone",     "account",  "suffix_reminder", "suffix_c12ts",
            "suffix_mass", "recipient", "province", "address"};
        char **fields[] = {
            &lh->agency,      &lh->office, &lh->place,    &lh->authority,       &lh->title,
            &lh->signer,      &lh->phone,  &lh->account,  &lh->suffix_reminder, &lh->suffix_c12ts,
            &lh->suffix_mass, NULL,        &lh->province, &lh->address};
        size_t k = 0;
        while (k < sizeof keys / sizeof keys[0] && strcmp(keys[k], key) != 0)
            k++;
        if (k == sizeof keys / sizeof keys[0]) {
            tn__letter_problem(problems, "%s:%ld: unknown key \"%.*s\"", path, no,
                               tn__letter_cut(key, strlen(key), 80), key);
            err = TN_ERR_PARSE;
        } else if (k == 11) {
            if (mine && !own[k]) { /* the office's own recipients replace the plain ones */
                for (size_t i = 0; i < lh->nrecipients; i++)
                    free(lh->recipients[i]);
                lh->nrecipients = 0;
                own[k] = 1;
            } else if (!mine && own[k]) {
                continue;
            }
            TN_GROW(lh->recipients, lh->caprecipients, lh->nrecipients + 1);
            lh->recipients[lh->nrecipients++] = tn_xstrdup(v);
        } else if (mine || !own[k]) {
            set(fields[k], v);
            own[k] |= mine;
        }
    }
    free(line);
    if (ferror(f)) {
        tn__letter_problem(problems, "cannot read the letterhead %s", path);
        err = TN_ERR_IO;
    }
    fclose(f);
    if (err)
        tn_letterhead_release(lh);
    return err;
}

tn_err tn_letterhead_check(const struct tn_letterhead *lh, const char *path, char *why,
                           size_t whysz)
{
    const struct {
        const char *key, *value;
    } need[] = {{"agency", lh->agency}, {"office", lh->office}, {"province", lh->province}};
    for (size_t i = 0; i < sizeof need / sizeof need[0]; i++)
        if (!need[i].value || !need[i].value[0]) {
            snprintf(why, whysz,
                     "%s: no \"%s\" setting: the office settings name the agency, the issuing "
                     "office and the province of every document (docs/letters.md)",
                     path, need[i].key);
            return TN_ERR_NO_POLICY;
        }
    return TN_OK;
}

void tn_letterhead_release(struct tn_letterhead *lh)
{
    char *fields[] = {lh->agency,          lh->office,       lh->place,       lh->authority,
                      lh->title,           lh->signer,       lh->phone,       lh->account,
                      lh->suffix_reminder, lh->suffix_c12ts, lh->suffix_mass, lh->province,
                      lh->address};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        free(fields[i]);
    for (size_t i = 0; i < lh->nrecipients; i++)
        free(lh->recipients[i]);
    free(lh->recipients);
    memset(lh, 0, sizeof *lh);
}

void tn__letter_head(const struct tn_letterhead *lh, const struct tn_letter_opts *o,
                     const char *number, const char *summary, struct tn_letter_head *h)
{
    memset(h, 0, sizeof *h);
    h->agency = lh->agency;
    h->office = lh->office;
    h->number = number;
    h->summary = summary;
    h->place = lh->place;
    h->date = o->date;
}

void tn__letter_sign(const struct tn_letterhead *lh, struct tn_letter_doc *doc)
{
    const char **rec = tn_xcalloc(lh->nrecipients + 1, sizeof *rec);
    rec[0] = "Như trên;";
    for (size_t i = 0; i < lh->nrecipients; i++)
        rec[i + 1] = lh->recipients[i];
    struct tn_letter_sign s = {lh->authority, lh->title ? lh->title : "GIÁM ĐỐC", lh->signer, rec,
                               lh->nrecipients + 1};
    tn_letter_sign(doc, &s);
    free((void *)rec);
}

tn_err tn__letter_write(struct tn_app *app, const struct tn_letter_doc *doc,
                        const struct tn_letter_opts *o)
{
    tn_err err =
        o->dest.f ? tn_letter_doc_write(doc, o->dest.f) : tn_letter_doc_save(doc, o->dest.path);
    if (err)
        return tn__app_fail(app, err, "cannot write %s", o->dest.path ? o->dest.path : "-");
    return TN_OK;
}

tn_err tn__letter_write_unit(struct tn_app *app, const struct tn_letter_doc *doc,
                             const struct tn_letter_opts *o, const char *unit_code)
{
    char path[1024];
    int n = snprintf(path, sizeof path, "%s/%s.pdf", o->dest.dir, unit_code);
    if (n < 0 || (size_t)n >= sizeof path)
        return tn__app_fail(app, TN_ERR_IO, "cannot write %s/%s.pdf: path too long", o->dest.dir,
                            unit_code);
    if (tn_letter_doc_save(doc, path))
        return tn__app_fail(app, TN_ERR_IO, "cannot write %s", path);
    return TN_OK;
}

/* ---- the C12-TS notice ---- */

static const enum tn_group fund_order[TN_G_COUNT] = {TN_G_BHXH, TN_G_BHYT, TN_G_BHTN};

struct c12_ctx {
    struct tn_app *app;
    const struct tn_letter_opts *o;
    struct tn_letter_doc *doc; /* one document for all, or NULL: a file per unit */
    char created[20];
    size_t units, count;
};

static const char *c12_status_vi(const char *s)
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
    for (int k = 0; k < TN_G_COUNT; k++)
        tn_money_format_grouped(v[fund_order[k]], cell[k]);
    tn_money_format_grouped(tn_letter_rule_funds_total(v), cell[TN_G_COUNT]);
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
static void notice(const struct c12_ctx *x, struct tn_letter_doc *doc,
                   const struct tn_letter_unit *u, tn_day due)
{
    const struct tn_letterhead *lh = x->o->letterhead;
    const struct tn_balance_row *b = &u->bal;
    char pv[32], title2[128], number[80] = "";
    tn__period_vi(b->period, pv);
    if (lh->suffix_c12ts)
        snprintf(number, sizeof number, "Số:      /%s", lh->suffix_c12ts);
    struct tn_letter_head h;
    tn__letter_head(lh, x->o, number[0] ? number : NULL, NULL, &h);
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
    int credit;
    tn_money carried = tn_letter_rule_carried(b->closing, &credit);
    tn_text_money_words(carried, words);
    tn_letter_paraf(doc, TN_LETTER_PLAIN, "%s: **%s** (bằng chữ: %s).",
                    credit ? "Số tiền đóng thừa chuyển kỳ sau" : "Số tiền chuyển kỳ sau",
                    tn__money_vi(carried, amount), words);

    tn_letter_para(doc, TN_LETTER_HEADING, "II. Tình trạng đóng");
    char months[16], oldest[32] = "không có";
    int mt = tn_letter_rule_months_shown(b->months_owed_tenths);
    snprintf(months, sizeof months, "%d,%d", mt / 10, mt % 10);
    if (b->oldest_unpaid >= 0)
        tn__period_vi(b->oldest_unpaid, oldest);
    tn_letter_paraf(doc, TN_LETTER_ITEM, "- Tình trạng: **%s**; số tháng chậm đóng: %s tháng;",
                    c12_status_vi(b->legal_status), months);
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
                        memo, lh->account ? "; tài khoản thu: " : "",
                        lh->account ? lh->account : "");
    tn_letter_para(doc, TN_LETTER_BODY,
                   "Đề nghị đơn vị kiểm tra, đối chiếu số liệu trên; nếu có chênh lệch, liên hệ cơ "
                   "quan Bảo hiểm xã hội để được giải quyết./.");
    tn__letter_sign(lh, doc);
}

static tn_err c12_row(void *ctx, const struct tn_letter_unit *u)
{
    struct c12_ctx *x = ctx;
    tn_day due;
    x->units++;
    if (tn_policy_deadline(x->app->policy, TN_G_BHXH, u->payment_cycle, u->bal.period, &due,
                           NULL)) {
        char p[TN_PERIOD_BUFSZ];
        tn_period_format(u->bal.period, p);
        return tn__app_fail(x->app, TN_ERR_NO_POLICY, "%s: no rule in policy/deadlines.csv for %s",
                            u->unit_code, p);
    }
    x->count++;
    if (x->doc) {
        notice(x, x->doc, u, due);
        return TN_OK;
    }
    struct tn_letter_doc *doc = tn_letter_doc_new(x->created, "Thông báo C12-TS");
    notice(x, doc, u, due);
    tn_err err = tn__letter_write_unit(x->app, doc, x->o, u->unit_code);
    tn_letter_doc_free(doc);
    return err;
}

tn_err tn_app_letter_c12ts(struct tn_app *app, const struct tn_scope *scope,
                           const struct tn_letter_opts *o, struct tn_letter_result *res)
{
    struct tn_scope sc;
    tn_err err = tn__letter_start(app, &scope, &sc, o);
    if (err)
        return err;
    struct c12_ctx x = {.app = app, .o = o};
    tn__letter_created(o, x.created);
    if (!o->dest.dir)
        x.doc = tn_letter_doc_new(x.created, "Thông báo C12-TS / Contribution notices");
    struct tn_letter_filter filter = {o->unit};
    err = tn_store_letter_units(app->store, scope->office, o->period, tn__letter_as_of(app, o),
                                &filter, c12_row, &x);
    if (!err)
        err = tn__letter_unit_found(app, o, x.units);
    if (!err && x.doc)
        err = tn__letter_write(app, x.doc, o);
    tn_letter_doc_free(x.doc);
    if (!err)
        res->letters = x.count;
    return err;
}
