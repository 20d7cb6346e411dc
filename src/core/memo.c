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
#include <stdlib.h>
#include <string.h>

#include "thuno/mem.h"

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

/* Decides on the unit code and tax code signals (codes, taxes: units found; code_u, tax_u: the
 * first of each). Returns 1 when they decide, 0 when the name is to be tried. */
static int decide_code_tax(const struct tn_memo *m, const struct tn_memo_unit *units, size_t codes,
                           size_t code_u, size_t taxes, size_t tax_u, struct tn_memo_match *out)
{
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
            return 1;
        }
    }
    if (codes == 1) {
        out->method = TN_MEMO_CODE;
        out->unit = code_u;
        out->confidence = taxes ? 99 : 95;
        snprintf(out->reason, sizeof out->reason, "mã đơn vị / unit code %s%s",
                 units[code_u].unit_code, taxes ? " + mã số thuế / tax code" : "");
        return 1;
    }
    if (codes > 1) {
        out->method = TN_MEMO_AMBIGUOUS;
        snprintf(out->reason, sizeof out->reason,
                 "nhiều mã đơn vị trong nội dung / %zu unit codes in the memo", codes);
        return 1;
    }
    if (taxes == 1) {
        out->method = TN_MEMO_TAX;
        out->unit = tax_u;
        out->confidence = 90;
        snprintf(out->reason, sizeof out->reason, "mã số thuế / tax code %s",
                 units[tax_u].tax_code);
        return 1;
    }
    if (taxes > 1) {
        out->method = TN_MEMO_AMBIGUOUS;
        snprintf(out->reason, sizeof out->reason,
                 "mã số thuế của nhiều đơn vị / tax codes of %zu units", taxes);
        return 1;
    }
    return 0;
}

/* Decides on the name signal: names units at the most words, name_u the first of them. */
static void decide_name(const struct tn_memo_unit *units, size_t names, size_t name_u,
                        struct tn_memo_match *out)
{
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
    if (decide_code_tax(m, units, codes, code_u, taxes, tax_u, out))
        return;
    size_t names = by_name(m, units, n, &name_u, out);
    decide_name(units, names, name_u, out);
}

/* ---- the index: units by unit code, tax code and the rarest word of their name key ---- */

struct strref {
    const char *s;
    size_t unit;
};

/* A unit filed under one word of its name key: the word of the key fewest units share. */
struct keyword {
    const char *w;
    size_t len;
    size_t unit;
    size_t count; /* while building: the units whose key has this word */
};

struct tn_memo_index {
    const struct tn_memo_unit *units;
    size_t n;
    struct strref *code; /* units with a code of 3+ characters, by code then unit */
    size_t ncode;
    struct strref *tax; /* units with a tax code, by tax code then unit */
    size_t ntax;
    struct keyword *name; /* units whose key can match (4+ letters), by word then unit */
    size_t nname;
    char **keys; /* keys[u]: unit u's name key */
};

/* w[0..len) against the string s, in strcmp's order (w holds no NUL). */
static int cmp_word_str(const char *w, size_t len, const char *s)
{
    for (size_t i = 0;; i++) {
        if (i == len)
            return s[i] ? -1 : 0;
        if (!s[i])
            return 1;
        unsigned char a = (unsigned char)w[i], b = (unsigned char)s[i];
        if (a != b)
            return a < b ? -1 : 1;
    }
}

static int cmp_words(const char *a, size_t alen, const char *b, size_t blen)
{
    int c = memcmp(a, b, alen < blen ? alen : blen);
    return c ? c : (alen > blen) - (alen < blen);
}

static int cmp_strref(const void *pa, const void *pb)
{
    const struct strref *a = pa, *b = pb;
    int c = strcmp(a->s, b->s);
    return c ? c : (a->unit > b->unit) - (a->unit < b->unit);
}

static int cmp_keyword(const void *pa, const void *pb)
{
    const struct keyword *a = pa, *b = pb;
    int c = cmp_words(a->w, a->len, b->w, b->len);
    return c ? c : (a->unit > b->unit) - (a->unit < b->unit);
}

/* The entries of refs[0..n) whose string is w[0..len): [*lo, return). */
static size_t str_range(const struct strref *refs, size_t n, const char *w, size_t len, size_t *lo)
{
    size_t a = 0, b = n;
    while (a < b) {
        size_t mid = a + (b - a) / 2;
        if (cmp_word_str(w, len, refs[mid].s) > 0)
            a = mid + 1;
        else
            b = mid;
    }
    *lo = a;
    while (b < n && cmp_word_str(w, len, refs[b].s) == 0)
        b++;
    return b;
}

static size_t word_range(const struct keyword *kw, size_t n, const char *w, size_t len, size_t *lo)
{
    size_t a = 0, b = n;
    while (a < b) {
        size_t mid = a + (b - a) / 2;
        if (cmp_words(w, len, kw[mid].w, kw[mid].len) > 0)
            a = mid + 1;
        else
            b = mid;
    }
    *lo = a;
    while (b < n && cmp_words(w, len, kw[b].w, kw[b].len) == 0)
        b++;
    return b;
}

/* Keeps out->cand the TN_MEMO_CAND_MAX smallest units seen, ascending, each once. */
static void keep_smallest(struct tn_memo_match *out, size_t u)
{
    size_t i = out->ncand;
    while (i > 0 && out->cand[i - 1] > u)
        i--;
    if ((i > 0 && out->cand[i - 1] == u) || i == TN_MEMO_CAND_MAX)
        return;
    size_t end = out->ncand < TN_MEMO_CAND_MAX ? out->ncand : TN_MEMO_CAND_MAX - 1;
    memmove(out->cand + i + 1, out->cand + i, (end - i) * sizeof out->cand[0]);
    out->cand[i] = u;
    if (out->ncand < TN_MEMO_CAND_MAX)
        out->ncand++;
}

static void split_key(const char *key, struct words *nw, int *eligible)
{
    split(key, nw);
    *eligible = nw->n > 0 && strlen(key) - (nw->n - 1) >= 4;
}

void tn_memo_index_new(const struct tn_memo_unit *units, size_t n, struct tn_memo_index **out)
{
    struct tn_memo_index *ix = tn_xcalloc(1, sizeof *ix);
    ix->units = units;
    ix->n = n;
    ix->code = tn_xcalloc(n ? n : 1, sizeof *ix->code);
    ix->tax = tn_xcalloc(n ? n : 1, sizeof *ix->tax);
    ix->keys = tn_xcalloc(n ? n : 1, sizeof *ix->keys);
    size_t nwords = 0;
    for (size_t u = 0; u < n; u++) {
        const char *code = units[u].unit_code, *tax = units[u].tax_code;
        if (code && strlen(code) >= 3)
            ix->code[ix->ncode++] = (struct strref){code, u};
        if (tax)
            ix->tax[ix->ntax++] = (struct strref){tax, u};
        char key[TN_MEMO_TEXT_MAX];
        if (units[u].name_key)
            ix->keys[u] = tn_xstrdup(units[u].name_key);
        else {
            tn_memo_name_key(units[u].name, key);
            ix->keys[u] = tn_xstrdup(key);
        }
        struct words nw;
        int eligible;
        split_key(ix->keys[u], &nw, &eligible);
        nwords += eligible ? nw.n : 0;
    }
    qsort(ix->code, ix->ncode, sizeof *ix->code, cmp_strref);
    qsort(ix->tax, ix->ntax, sizeof *ix->tax, cmp_strref);
    /* every word of every key that can match, counted; each unit filed under its rarest */
    struct keyword *all = tn_xcalloc(nwords ? nwords : 1, sizeof *all);
    size_t k = 0;
    for (size_t u = 0; u < n; u++) {
        struct words nw;
        int eligible;
        split_key(ix->keys[u], &nw, &eligible);
        for (size_t i = 0; eligible && i < nw.n; i++)
            all[k++] = (struct keyword){nw.w[i], nw.len[i], u, 0};
    }
    qsort(all, nwords, sizeof *all, cmp_keyword);
    for (size_t a = 0, b; a < nwords; a = b) {
        size_t units_with = 0;
        for (b = a; b < nwords && cmp_words(all[a].w, all[a].len, all[b].w, all[b].len) == 0; b++)
            units_with += b == a || all[b].unit != all[b - 1].unit;
        for (size_t i = a; i < b; i++)
            all[i].count = units_with;
    }
    size_t *best = tn_xcalloc(n ? n : 1, sizeof *best);
    for (size_t u = 0; u < n; u++)
        best[u] = SIZE_MAX;
    for (size_t i = 0; i < nwords; i++) {
        size_t *b = &best[all[i].unit];
        if (*b == SIZE_MAX || all[i].count < all[*b].count)
            *b = i;
    }
    ix->name = tn_xcalloc(n ? n : 1, sizeof *ix->name);
    for (size_t u = 0; u < n; u++)
        if (best[u] != SIZE_MAX)
            ix->name[ix->nname++] = all[best[u]];
    qsort(ix->name, ix->nname, sizeof *ix->name, cmp_keyword);
    free(best);
    free(all);
    *out = ix;
}

void tn_memo_index_free(struct tn_memo_index *ix)
{
    if (!ix)
        return;
    for (size_t u = 0; u < ix->n; u++)
        free(ix->keys[u]);
    free(ix->keys);
    free(ix->name);
    free(ix->tax);
    free(ix->code);
    free(ix);
}

/* Was word i of ws already seen at an earlier place? */
static int seen_before(const struct words *ws, size_t i)
{
    for (size_t j = 0; j < i; j++)
        if (ws->len[j] == ws->len[i] && memcmp(ws->w[j], ws->w[i], ws->len[i]) == 0)
            return 1;
    return 0;
}

/* The code and tax signals: units found (each range of one code or tax code, disjoint), the
 * first of them, and the smallest into out->cand. */
static size_t index_signal(const struct strref *refs, size_t nrefs, const char *w, size_t len,
                           size_t *first, struct tn_memo_match *out)
{
    size_t lo, hi = str_range(refs, nrefs, w, len, &lo);
    if (hi > lo && refs[lo].unit < *first)
        *first = refs[lo].unit;
    for (size_t i = lo; i < hi && i < lo + TN_MEMO_CAND_MAX; i++)
        keep_smallest(out, refs[i].unit);
    return hi - lo;
}

void tn_memo_index_match(const struct tn_memo *m, const struct tn_memo_index *ix,
                         struct tn_memo_match *out)
{
    memset(out, 0, sizeof *out);
    out->unit = SIZE_MAX;
    struct words ws;
    split(m->folded, &ws);
    size_t code_u = SIZE_MAX, tax_u = SIZE_MAX, codes = 0, taxes = 0;
    for (size_t i = 0; i < ws.n; i++)
        if (!seen_before(&ws, i))
            codes += index_signal(ix->code, ix->ncode, ws.w[i], ws.len[i], &code_u, out);
    for (size_t t = 0; t < m->ntax; t++) {
        int dup = 0;
        for (size_t j = 0; j < t && !dup; j++)
            dup = strcmp(m->tax[j], m->tax[t]) == 0;
        if (!dup)
            taxes += index_signal(ix->tax, ix->ntax, m->tax[t], strlen(m->tax[t]), &tax_u, out);
    }
    if (decide_code_tax(m, ix->units, codes, code_u, taxes, tax_u, out))
        return;
    char mbuf[TN_MEMO_TEXT_MAX];
    struct words mw, nw;
    distinctive(m->folded, mbuf, sizeof mbuf, &mw);
    size_t hits = 0, best_words = 0, at_best = 0, name_u = SIZE_MAX;
    for (size_t i = 0; i < mw.n; i++) {
        if (seen_before(&mw, i))
            continue;
        size_t lo, hi = word_range(ix->name, ix->nname, mw.w[i], mw.len[i], &lo);
        for (size_t e = lo; e < hi; e++) {
            size_t u = ix->name[e].unit;
            split(ix->keys[u], &nw);
            if (!contains_words(&mw, &nw))
                continue;
            hits++;
            keep_smallest(out, u);
            if (nw.n > best_words) {
                best_words = nw.n, name_u = u, at_best = 1;
            } else if (nw.n == best_words) {
                at_best++;
                name_u = u < name_u ? u : name_u;
            }
        }
    }
    decide_name(ix->units, hits == 0 ? 0 : at_best, name_u, out);
}
