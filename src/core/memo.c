/*
 * memo.c - the transfer memo read for the payer: folding, tax codes, the period, and the
 * ranking of unit code > tax code > name (memo.h; docs/payments-ops.md).
 *
 * Letters fold by text.c's one table (tn__text_fold_next, text_int.h), the fold of the
 * bank-memo writer tn_text_ascii_fold(), so that a memo and a name fold alike and core stays
 * libc only; combining marks U+0300..U+036F of NFD text are dropped.
 */
#include "thuno/memo.h"
#include "text_int.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* The upper-case ASCII letter or digit c (folded by tn__text_fold_next) stands for, 0 for a
 * separator. */
static int word_char(char c)
{
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 'A';
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? c : 0;
}

size_t tn_memo_fold(const char *utf8, char *out, size_t outsz)
{
    size_t n = 0, word_start = 0;
    int in_word = 0, full = 0;
    const unsigned char *s = (const unsigned char *)(utf8 ? utf8 : "");
    while (*s && !full) {
        char a;
        s += tn__text_fold_next(s, &a);
        if (a == 0)
            continue; /* a combining mark */
        int c = word_char(a);
        if (c == 0) {
            in_word = 0;
            continue;
        }
        if (!in_word) {
            word_start = n;
            if (n > 0) {
                if (n + 1 >= outsz) {
                    full = 1;
                    break;
                }
                out[n++] = ' ';
            }
            in_word = 1;
        }
        if (n + 1 >= outsz) {
            n = word_start; /* drop the word cut short, and its space */
            full = 1;
            break;
        }
        out[n++] = (char)c;
    }
    out[n] = '\0';
    return n;
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static void find_tax(const char *memo, struct tn_memo *m)
{
    const char *p = memo;
    while (*p) {
        if (!is_digit(*p)) {
            p++;
            continue;
        }
        size_t run = strspn(p, "0123456789");
        if (run == 10 && m->ntax < TN_MEMO_TAX_MAX) {
            size_t branch = p[10] == '-' ? strspn(p + 11, "0123456789") : 0;
            size_t len = branch == 3 ? 14 : 10;
            snprintf(m->tax[m->ntax++], sizeof m->tax[0], "%.*s", (int)len, p);
            run = len;
        }
        p += run;
    }
}

struct words {
    const char *w[128];
    size_t len[128];
    size_t n;
};

static void split(const char *folded, struct words *ws)
{
    ws->n = 0;
    const char *p = folded;
    while (*p && ws->n < sizeof ws->w / sizeof ws->w[0]) {
        size_t len = strcspn(p, " ");
        ws->w[ws->n] = p;
        ws->len[ws->n++] = len;
        p += len;
        p += *p == ' ';
    }
}

static int word_is(const struct words *ws, size_t i, const char *s)
{
    return ws->len[i] == strlen(s) && memcmp(ws->w[i], s, ws->len[i]) == 0;
}

/* The number of a word of 1..maxlen digits only, else -1. */
static int number(const char *w, size_t len, size_t maxlen)
{
    if (len == 0 || len > maxlen)
        return -1;
    int v = 0;
    for (size_t i = 0; i < len; i++) {
        if (!is_digit(w[i]))
            return -1;
        v = v * 10 + (w[i] - '0');
    }
    return v;
}

static int year_at(const struct words *ws, size_t i)
{
    if (i >= ws->n || ws->len[i] != 4)
        return -1;
    int y = number(ws->w[i], 4, 4);
    return y >= 1900 && y <= 2099 ? y : -1;
}

/* The month named by word i ("10", "T10", "THANG10"), with *prefixed set when the word or
 * the word before says THANG/T; -1 if none. */
static int month_at(const struct words *ws, size_t i, int *prefixed)
{
    const char *w = ws->w[i];
    size_t len = ws->len[i];
    *prefixed = 0;
    if (len > 5 && memcmp(w, "THANG", 5) == 0) {
        w += 5, len -= 5, *prefixed = 1;
    } else if (len > 1 && w[0] == 'T' && is_digit(w[1])) {
        w += 1, len -= 1, *prefixed = 1;
    } else if (i > 0 && (word_is(ws, i - 1, "THANG") || word_is(ws, i - 1, "T"))) {
        *prefixed = 1;
    }
    int mo = number(w, len, 2);
    return mo >= 1 && mo <= 12 ? mo : -1;
}

static void find_period(const struct words *ws, struct tn_memo *m)
{
    for (size_t i = 0; i < ws->n; i++) {
        int prefixed;
        int mo = month_at(ws, i, &prefixed);
        if (mo < 0)
            continue;
        size_t j = i + 1;
        if (j < ws->n && word_is(ws, j, "NAM"))
            j++;
        int y = year_at(ws, j);
        if (y < 0)
            continue;
        /* dd/mm/yyyy is a date and QUY 3 2025 a quarter, not the month paid for */
        if (!prefixed && i > 0 &&
            (number(ws->w[i - 1], ws->len[i - 1], 2) >= 1 || word_is(ws, i - 1, "QUY") ||
             word_is(ws, i - 1, "Q")))
            continue;
        if (tn_period_make(y, mo, &m->period) == TN_OK)
            return;
    }
}

void tn_memo_parse(const char *memo, struct tn_memo *out)
{
    memset(out, 0, sizeof *out);
    out->period = -1;
    if (!memo)
        return;
    tn_memo_fold(memo, out->folded, sizeof out->folded);
    find_tax(memo, out);
    struct words ws;
    split(out->folded, &ws);
    find_period(&ws, out);
}

const char *tn_memo_method_name(enum tn_memo_method m)
{
    switch (m) {
    case TN_MEMO_CODE:
        return "unit_code";
    case TN_MEMO_TAX:
        return "tax_code";
    case TN_MEMO_NAME:
        return "name";
    case TN_MEMO_AMBIGUOUS:
        return "ambiguous";
    case TN_MEMO_NONE:
        break;
    }
    return "none";
}

/* clang-format off */
/* abbreviations written out, then the words of legal forms that say nothing of who */
static const struct { const char *abbr, *full; } abbrevs[] = {
    {"CTY", "CONG TY"}, {"CT", "CONG TY"}, {"HTX", "HOP TAC XA"}, {"CP", "CO PHAN"},
    {"DNTN", "DOANH NGHIEP TU NHAN"}, {"MTV", "MOT THANH VIEN"}, {"CN", "CHI NHANH"},
};
static const char *const form_words[] = {
    "CONG", "TY", "TNHH", "CO", "PHAN", "HOP", "TAC", "XA", "DOANH", "NGHIEP", "TU", "NHAN",
    "MOT", "THANH", "VIEN", "VA",
};
/* clang-format on */

/* The distinctive words of folded text: abbreviations expanded, legal-form words dropped
 * ("CHI NHANH" stays: it tells a branch from its parent). */
static void distinctive(const char *folded, char *buf, size_t bufsz, struct words *out)
{
    struct words ws;
    split(folded, &ws);
    size_t n = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < ws.n; i++) {
        const char *w = ws.w[i];
        size_t len = ws.len[i];
        for (size_t a = 0; a < sizeof abbrevs / sizeof abbrevs[0]; a++)
            if (word_is(&ws, i, abbrevs[a].abbr))
                w = abbrevs[a].full, len = strlen(w);
        struct words parts;
        char one[64];
        snprintf(one, sizeof one, "%.*s", (int)len, w);
        split(one, &parts);
        for (size_t k = 0; k < parts.n; k++) {
            int form = 0;
            for (size_t f = 0; f < sizeof form_words / sizeof form_words[0] && !form; f++)
                form = word_is(&parts, k, form_words[f]);
            if (form || n + parts.len[k] + 2 > bufsz)
                continue;
            if (n > 0)
                buf[n++] = ' ';
            memcpy(buf + n, parts.w[k], parts.len[k]);
            n += parts.len[k];
            buf[n] = '\0';
        }
    }
    split(buf, out);
}

void tn_memo_name_key(const char *name, char out[static TN_MEMO_TEXT_MAX])
{
    char nfold[TN_MEMO_TEXT_MAX];
    struct words nw;
    tn_memo_fold(name, nfold, sizeof nfold);
    distinctive(nfold, out, TN_MEMO_TEXT_MAX, &nw);
}

/* Does the word sequence needle occur in hay, word for word? */
static int contains_words(const struct words *hay, const struct words *needle)
{
    if (needle->n == 0 || needle->n > hay->n)
        return 0;
    for (size_t i = 0; i + needle->n <= hay->n; i++) {
        size_t k = 0;
        while (k < needle->n && hay->len[i + k] == needle->len[k] &&
               memcmp(hay->w[i + k], needle->w[k], needle->len[k]) == 0)
            k++;
        if (k == needle->n)
            return 1;
    }
    return 0;
}

static void add_cand(struct tn_memo_match *out, size_t u)
{
    for (size_t i = 0; i < out->ncand; i++)
        if (out->cand[i] == u)
            return;
    if (out->ncand < TN_MEMO_CAND_MAX)
        out->cand[out->ncand++] = u;
}

/* The units whose code is a word of the memo (codes of 3+ characters). */
static size_t by_code(const struct words *ws, const struct tn_memo_unit *units, size_t n,
                      size_t *first)
{
    size_t hits = 0;
    for (size_t u = 0; u < n; u++) {
        const char *code = units[u].unit_code;
        if (!code || strlen(code) < 3)
            continue;
        for (size_t i = 0; i < ws->n; i++)
            if (word_is(ws, i, code)) {
                if (hits++ == 0)
                    *first = u;
                break;
            }
    }
    return hits;
}

static size_t by_tax(const struct tn_memo *m, const struct tn_memo_unit *units, size_t n,
                     size_t *first)
{
    size_t hits = 0;
    for (size_t u = 0; u < n; u++)
        for (size_t t = 0; t < m->ntax; t++)
            if (units[u].tax_code && strcmp(units[u].tax_code, m->tax[t]) == 0) {
                if (hits++ == 0)
                    *first = u;
                break;
            }
    return hits;
}

/* Units whose distinctive name words (4+ letters in all) occur in the memo's; of several,
 * the one with strictly the most words wins (its name contains the others'). */
static size_t by_name(const struct tn_memo *m, const struct tn_memo_unit *units, size_t n,
                      size_t *best, struct tn_memo_match *out)
{
    char mbuf[TN_MEMO_TEXT_MAX], nbuf[TN_MEMO_TEXT_MAX];
    struct words mw, nw;
    distinctive(m->folded, mbuf, sizeof mbuf, &mw);
    size_t hits = 0, best_words = 0, at_best = 0;
    for (size_t u = 0; u < n; u++) {
        const char *key = units[u].name_key;
        if (!key) {
            tn_memo_name_key(units[u].name, nbuf);
            key = nbuf;
        }
        split(key, &nw);
        if (strlen(key) - (nw.n ? nw.n - 1 : 0) < 4 || !contains_words(&mw, &nw))
            continue;
        hits++;
        add_cand(out, u);
        if (nw.n > best_words) {
            best_words = nw.n, *best = u, at_best = 1;
        } else if (nw.n == best_words) {
            at_best++;
        }
    }
    return hits == 0 ? 0 : at_best;
}

void tn_memo_match(const struct tn_memo *m, const struct tn_memo_unit *units, size_t n,
                   struct tn_memo_match *out)
{
    memset(out, 0, sizeof *out);
    out->unit = SIZE_MAX;
    struct words ws;
    split(m->folded, &ws);
    size_t code_u = 0, tax_u = 0, name_u = 0;
    size_t codes = by_code(&ws, units, n, &code_u);
    size_t taxes = by_tax(m, units, n, &tax_u);
    for (size_t u = 0; u < n; u++) {
        size_t one;
        const struct tn_memo_unit *x = &units[u];
        struct tn_memo_unit single = *x;
        if (codes && by_code(&ws, &single, 1, &one))
            add_cand(out, u);
        if (taxes && by_tax(m, &single, 1, &one))
            add_cand(out, u);
    }
    if (codes == 1 && taxes >= 1 && !(taxes == 1 && tax_u == code_u)) {
        int agree = 0;
        for (size_t t = 0; t < m->ntax; t++)
            agree |= units[code_u].tax_code && strcmp(units[code_u].tax_code, m->tax[t]) == 0;
        if (!agree) {
            out->method = TN_MEMO_AMBIGUOUS;
            snprintf(out->reason, sizeof out->reason,
                     "mã đơn vị và mã số thuế chỉ hai đơn vị khác nhau / unit code %s and the "
                     "tax code point at different units",
                     units[code_u].unit_code);
            return;
        }
    }
    if (codes == 1) {
        out->method = TN_MEMO_CODE;
        out->unit = code_u;
        out->confidence = taxes ? 99 : 95;
        snprintf(out->reason, sizeof out->reason, "mã đơn vị / unit code %s%s",
                 units[code_u].unit_code, taxes ? " + mã số thuế / tax code" : "");
        return;
    }
    if (codes > 1) {
        out->method = TN_MEMO_AMBIGUOUS;
        snprintf(out->reason, sizeof out->reason,
                 "nhiều mã đơn vị trong nội dung / %zu unit codes in the memo", codes);
        return;
    }
    if (taxes == 1) {
        out->method = TN_MEMO_TAX;
        out->unit = tax_u;
        out->confidence = 90;
        snprintf(out->reason, sizeof out->reason, "mã số thuế / tax code %s",
                 units[tax_u].tax_code);
        return;
    }
    if (taxes > 1) {
        out->method = TN_MEMO_AMBIGUOUS;
        snprintf(out->reason, sizeof out->reason,
                 "mã số thuế của nhiều đơn vị / tax codes of %zu units", taxes);
        return;
    }
    size_t names = by_name(m, units, n, &name_u, out);
    if (names == 1) {
        out->method = TN_MEMO_NAME;
        out->unit = name_u;
        out->confidence = 70;
        snprintf(out->reason, sizeof out->reason, "tên đơn vị / unit name %s",
                 units[name_u].unit_code);
        return;
    }
    if (names > 1) {
        out->method = TN_MEMO_AMBIGUOUS;
        snprintf(out->reason, sizeof out->reason, "tên khớp nhiều đơn vị / the name fits %zu units",
                 names);
        return;
    }
    out->method = TN_MEMO_NONE;
    snprintf(out->reason, sizeof out->reason,
             "không tìm thấy mã, mã số thuế hay tên đơn vị / no unit code, tax code or name");
}
