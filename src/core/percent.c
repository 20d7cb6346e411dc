/*
 * percent.c - percentages in tenths, rounded half up (percent.h): one rule for every report.
 */
#include "thuno/percent.h"

#include <limits.h>
#include <stdint.h>

long tn_percent_tenths(tn_money part, tn_money whole)
{
    if (whole <= 0)
        return -1;
    /* long division in base 1000: q = part / whole, then the remainder's three digits, so
     * that nothing is multiplied beyond int64_t whatever the sums (issue 17) */
    int neg = part < 0;
    uint64_t p = neg ? (uint64_t)0 - (uint64_t)part : (uint64_t)part, w = (uint64_t)whole;
    uint64_t q = p / w, r = p % w, frac = 0;
    for (int digit = 0; digit < 3; digit++) {
        /* 10 x r as ten additions kept below w (r < w, so no sum leaves uint64_t) */
        uint64_t acc = 0, d = 0;
        for (int k = 0; k < 10; k++) {
            if (acc >= w - r) {
                acc -= w - r;
                d++;
            } else {
                acc += r;
            }
        }
        frac = frac * 10 + d;
        r = acc;
    }
    frac += r >= w - r; /* half up: the rest is at least half of whole */
    if (q > (uint64_t)(LONG_MAX - 1000) / 1000)
        return neg ? LONG_MIN : LONG_MAX;
    long t = (long)(q * 1000 + frac);
    return neg ? -t : t;
}
