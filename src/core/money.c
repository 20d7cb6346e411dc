/*
 * money.c - integer money arithmetic with stated rounding (rules.md §4: each amount is
 * rounded half-up to the đồng; interest once per computation).
 */
#include "thuno/money.h"

#include <stdio.h>
#include <string.h>

tn_err tn_money_mul_ppm(tn_money amount, tn_ppm rate, tn_money *out)
{
    return tn_money_mul_count_ppm(amount, 1, rate, out);
}

tn_err tn_money_mul_count_ppm(tn_money amount, int64_t count, tn_ppm rate, tn_money *out)
{
    if (rate < 0 || count < 0)
        return TN_ERR_RANGE;
    if (amount == INT64_MIN)
        return TN_ERR_OVERFLOW;
    int64_t mag = amount < 0 ? -amount : amount;
    int64_t scaled;
    if (__builtin_mul_overflow(mag, count, &scaled))
        return TN_ERR_OVERFLOW;
    /* split so that no partial product leaves int64_t */
    int64_t whole = scaled / TN_PPM_ONE, part = scaled % TN_PPM_ONE;
    if (rate != 0 && whole > INT64_MAX / rate)
        return TN_ERR_OVERFLOW;
    int64_t hi = whole * rate;
    int64_t lo = (part * rate + TN_PPM_ONE / 2) / TN_PPM_ONE; /* part * rate < 2^51 */
    if (hi > INT64_MAX - lo)
        return TN_ERR_OVERFLOW;
    *out = amount < 0 ? -(hi + lo) : hi + lo;
    return TN_OK;
}

tn_err tn_money_add(tn_money a, tn_money b, tn_money *out)
{
    tn_money r;
    if (__builtin_add_overflow(a, b, &r))
        return TN_ERR_OVERFLOW;
    *out = r;
    return TN_OK;
}

tn_err tn_money_parse(const char *s, int allow_negative, tn_money *out)
{
    const char *p = s;
    int neg = 0;
    if (allow_negative && *p == '-') {
        neg = 1;
        p++;
    }
    if (!*p)
        return TN_ERR_PARSE;
    int64_t v = 0;
    int big = 0;
    for (; *p; p++) {
        if (*p < '0' || *p > '9')
            return TN_ERR_PARSE;
        if (!big)
            v = v * 10 + (*p - '0');
        big |= v > TN_MONEY_MAX; /* read on: a later non-digit is still a parse error */
    }
    if (big)
        return TN_ERR_RANGE;
    *out = neg ? -v : v;
    return TN_OK;
}

void tn_money_format(tn_money m, char buf[static TN_MONEY_BUFSZ])
{
    snprintf(buf, TN_MONEY_BUFSZ, "%lld", (long long)m);
}

void tn_money_format_grouped(tn_money m, char buf[static 32])
{
    char digits[TN_MONEY_BUFSZ];
    unsigned long long mag = m < 0 ? 0ULL - (unsigned long long)m : (unsigned long long)m;
    snprintf(digits, sizeof digits, "%llu", mag);
    size_t n = strlen(digits), o = 0;
    if (m < 0)
        buf[o++] = '-';
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            buf[o++] = '.';
        buf[o++] = digits[i];
    }
    buf[o] = '\0';
}

tn_err tn_ppm_parse_percent(const char *s, tn_ppm *out)
{
    int64_t whole = 0, frac = 0;
    int nwhole = 0, nfrac = 0;
    const char *p = s;
    for (; *p >= '0' && *p <= '9'; p++, nwhole++) {
        whole = whole * 10 + (*p - '0');
        if (whole > 100)
            return TN_ERR_RANGE;
    }
    if (*p == '.') {
        for (p++; *p >= '0' && *p <= '9'; p++, nfrac++) {
            if (nfrac == 4)
                return TN_ERR_PARSE;
            frac = frac * 10 + (*p - '0');
        }
        if (nfrac == 0)
            return TN_ERR_PARSE;
    }
    if (*p == '%')
        p++;
    if (*p != '\0' || nwhole == 0)
        return TN_ERR_PARSE;
    for (int i = nfrac; i < 4; i++)
        frac *= 10;
    int64_t ppm = whole * 10000 + frac; /* 1% = 10,000 ppm */
    if (ppm > TN_PPM_ONE)
        return TN_ERR_RANGE;
    *out = (tn_ppm)ppm;
    return TN_OK;
}

void tn_ppm_format_percent(tn_ppm rate, char buf[static 16])
{
    int whole = rate / 10000, frac = rate % 10000;
    if (frac == 0) {
        snprintf(buf, 16, "%d%%", whole);
        return;
    }
    int digits = 4;
    while (frac % 10 == 0) {
        frac /= 10;
        digits--;
    }
    snprintf(buf, 16, "%d.%0*d%%", whole, digits, frac);
}
