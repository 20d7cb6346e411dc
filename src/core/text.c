/*
 * text.c - the wording of official letters (text.h): the date line of Decree 30/2020/NĐ-CP
 * Appendix I §5, amounts "1.234.567 đ", and Vietnamese folded to ASCII for bank memos.
 *
 * Folding uses tables of the precomposed Latin letters (U+00C0..U+017F, U+01A0..U+01B0,
 * U+1EA0..U+1EF9; every Vietnamese letter in NFC is in one of them), each mapped to its
 * base letter as Unicode's canonical decomposition gives it ('.' marks a character with no
 * ASCII base, e.g. 'Æ' or '×'); the tables were generated from Python's unicodedata NFD.
 */
#include "thuno/text.h"
#include "text_int.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

void tn_text_date_vi(tn_day d, char buf[static TN_TEXT_DATE_BUFSZ])
{
    int y, m, md;
    tn_day_civil(d, &y, &m, &md);
    /* LAW: Decree 30/2020/NĐ-CP Appendix I §5: a zero before days < 10 and months 1, 2 */
    snprintf(buf, TN_TEXT_DATE_BUFSZ,
             m <= 2 ? "ngày %02d tháng %02d năm %04d" : "ngày %02d tháng %d năm %04d", md, m, y);
}

void tn_text_day_vi(tn_day d, char buf[static TN_TEXT_DAY_BUFSZ])
{
    int y, m, md;
    tn_day_civil(d, &y, &m, &md);
    /* the remainders let the compiler prove the text fits */
    unsigned yy = (unsigned)y % 10000u, mm = (unsigned)m % 100u, dd = (unsigned)md % 100u;
    snprintf(buf, TN_TEXT_DAY_BUFSZ, "%02u/%02u/%04u", dd, mm, yy);
}

void tn_text_money_vnd(tn_money m, char buf[static TN_TEXT_MONEY_BUFSZ])
{
    char g[32];
    tn_money_format_grouped(m, g);
    snprintf(buf, TN_TEXT_MONEY_BUFSZ, "%s đ", g);
}

static const char *const digit_words[] = {"không", "một", "hai", "ba",  "bốn",
                                          "năm",   "sáu", "bảy", "tám", "chín"};

struct words {
    char *buf;
    size_t len;
};

static void word(struct words *w, const char *s)
{
    size_t n = strlen(s);
    if (w->len + n + 2 > TN_TEXT_WORDS_BUFSZ)
        return; /* cannot happen for int64: the longest reading is under 400 bytes */
    if (w->len)
        w->buf[w->len++] = ' ';
    memcpy(w->buf + w->len, s, n + 1);
    w->len += n;
}

/* Reads the group abc (0..999, not 0); full when digits come before it. */
static void group_words(struct words *w, int g, int full)
{
    int a = g / 100, b = g / 10 % 10, c = g % 10;
    if (a || full) {
        word(w, digit_words[a]);
        word(w, "trăm");
    }
    if (b == 0) {
        if (c && (a || full))
            word(w, "linh");
        if (c)
            word(w, digit_words[c]);
        return;
    }
    if (b == 1) {
        word(w, "mười");
    } else {
        word(w, digit_words[b]);
        word(w, "mươi");
    }
    if (c == 5)
        word(w, "lăm");
    else if (c == 1 && b > 1)
        word(w, "mốt");
    else if (c == 4 && b > 1)
        word(w, "tư");
    else if (c)
        word(w, digit_words[c]);
}

/* Reads n (> 0) below 10^9, or above it as (n / 10^9) "tỷ" then the rest; full as above. */
static void number_words(struct words *w, uint64_t n, int full)
{
    if (n >= 1000000000ULL) {
        number_words(w, n / 1000000000ULL, full);
        word(w, "tỷ");
        n %= 1000000000ULL;
        full = 1;
        if (!n)
            return;
    }
    static const char *const scale[] = {"triệu", "nghìn", NULL};
    uint64_t div = 1000000;
    for (int i = 0; i < 3; i++, div /= 1000) {
        int g = (int)(n / div % 1000);
        if (!g)
            continue;
        group_words(w, g, full);
        if (scale[i])
            word(w, scale[i]);
        full = 1;
    }
}

void tn_text_money_words(tn_money m, char buf[static TN_TEXT_WORDS_BUFSZ])
{
    struct words w = {buf, 0};
    buf[0] = '\0';
    uint64_t mag = m < 0 ? 0ULL - (uint64_t)m : (uint64_t)m;
    if (m < 0)
        word(&w, "Âm");
    if (mag == 0)
        word(&w, "không");
    else
        number_words(&w, mag, 0);
    word(&w, "đồng");
    if (m >= 0 && buf[0] >= 'a' && buf[0] <= 'z')
        buf[0] = (char)(buf[0] - 'a' + 'A');
}

/* clang-format off */
static const char latin1_ext_a[] = /* U+00C0..U+017F */
    "AAAAAA.CEEEEIIII.NOOOOO..UUUUY..aaaaaa.ceeeeiiii.nooooo..uuuuy.y"
    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHh..IiIiIiIiI...JjKk.LlLlLl."
    "...NnNnNn...OoOoOo..RrRrRrSsSsSsSsTtTt..UuUuUuUuUuUuWwYyYZzZzZz.";
static const char horn[] = /* U+01A0..U+01B0: Ơ ơ ... Ư ư */
    "Oo.............Uu";
static const char latin_ext_add[] = /* U+1EA0..U+1EF9: ạ ả ấ ... ỹ */
    "AaAaAaAaAaAaAaAaAaAaAaAaEeEeEeEeEeEeEeEeIiIiOoOoOoOoOoOoOoOoOoOo"
    "OoOoUuUuUuUuUuUuUuYyYyYyYy";
/* clang-format on */

/* Decodes one UTF-8 character at s into *cp; returns its length (1 for a bad byte, which
 * decodes as U+FFFD). */
static size_t utf8_next(const unsigned char *s, uint32_t *cp)
{
    size_t n = s[0] < 0x80             ? 1
               : (s[0] & 0xE0) == 0xC0 ? 2
               : (s[0] & 0xF0) == 0xE0 ? 3
               : (s[0] & 0xF8) == 0xF0 ? 4
                                       : 0;
    if (n == 0) {
        *cp = 0xFFFD;
        return 1;
    }
    uint32_t c = n == 1 ? s[0] : s[0] & (0x7F >> n);
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return i;
        }
        c = c << 6 | (s[i] & 0x3F);
    }
    *cp = c;
    return n;
}

/* The ASCII form of cp: a letter, 0 to drop it (a combining mark), or ' '. */
static char fold_cp(uint32_t cp)
{
    char b = '.';
    if (cp < 0x80)
        return cp < 0x20 || cp == 0x7F ? ' ' : (char)cp;
    if (cp >= 0x300 && cp <= 0x36F)
        return 0;
    if (cp >= 0xC0 && cp <= 0x17F)
        b = latin1_ext_a[cp - 0xC0];
    else if (cp >= 0x1A0 && cp <= 0x1B0)
        b = horn[cp - 0x1A0];
    else if (cp >= 0x1EA0 && cp <= 0x1EF9)
        b = latin_ext_add[cp - 0x1EA0];
    return b == '.' ? ' ' : b;
}

size_t tn__text_fold_next(const unsigned char *s, char *ascii)
{
    uint32_t cp;
    size_t n = utf8_next(s, &cp);
    *ascii = fold_cp(cp);
    return n;
}

size_t tn_text_ascii_fold(const char *s, char *out, size_t size)
{
    size_t o = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (*p && o + 1 < size) {
        char c;
        p += tn__text_fold_next(p, &c);
        if (c)
            out[o++] = c;
    }
    out[o] = '\0';
    return o;
}

static int memo_char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
           c == ',' || c == '-' || c == '/';
}

/* Appends the words of src (folded, upper-cased; a word is a run of memo_char) to buf of
 * length *len, each after one space, while the whole word fits in limit - 1 bytes. */
static void memo_append(char *buf, size_t *len, size_t limit, const char *src)
{
    char folded[512];
    tn_text_ascii_fold(src, folded, sizeof folded);
    for (const char *p = folded; *p;) {
        if (!memo_char(*p)) {
            p++;
            continue;
        }
        size_t n = 0;
        while (memo_char(p[n]))
            n++;
        size_t need = n + (*len > 0);
        if (*len + need + 1 > limit)
            break;
        if (*len > 0)
            buf[(*len)++] = ' ';
        for (size_t i = 0; i < n; i++)
            buf[(*len)++] = p[i] >= 'a' && p[i] <= 'z' ? (char)(p[i] - 'a' + 'A') : p[i];
        p += n;
    }
    buf[*len] = '\0';
}

tn_err tn_text_memo(const char *unit_code, const char *unit_name, tn_period p, char *buf,
                    size_t size)
{
    if (p < 1900 * 12 || p > 9999 * 12 + 11)
        return TN_ERR_RANGE;
    char tail[48];
    snprintf(tail, sizeof tail, " dong bhxh thang %d nam %04d", p % 12 + 1, p / 12);
    size_t tlen = strlen(tail);
    if (size <= TN_TEXT_MEMO_MAX)
        return TN_ERR_RANGE;
    size_t len = 0, limit = TN_TEXT_MEMO_MAX + 1 - tlen; /* room left for the tail */
    memo_append(buf, &len, limit, unit_code);
    if (len == 0)
        return TN_ERR_RANGE;
    memo_append(buf, &len, limit, unit_name);
    memcpy(buf + len, tail, tlen + 1);
    return TN_OK;
}

size_t tn_text_copy(char *dst, size_t size, const char *src)
{
    size_t n = strlen(src);
    if (n >= size) {
        n = size - 1;
        /* back off continuation bytes (10xxxxxx) to the start of the character cut */
        while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(dst, src, n);
    dst[n] = '\0';
    return n;
}
