/*
 * money.h - amounts in whole đồng and rates in parts per million.
 *
 * Invariants: money is int64_t đồng (negative for refunds and credits), never a float; a rate
 * is int32_t parts per million (8% is 80000). Every rounding is half-up on the magnitude, so a
 * refund mirrors its charge (rules.md §4).
 */
#ifndef THUNO_MONEY_H
#define THUNO_MONEY_H

#include <stdint.h>
#include <stddef.h>

#include "thuno/err.h"

typedef int64_t tn_money; /* whole đồng; negative for refunds */
typedef int32_t tn_ppm;   /* parts per million: 8% is 80000 */
#define TN_PPM_ONE     1000000
#define TN_MONEY_BUFSZ 24 /* "-9223372036854775808" and its NUL */

/* Returns amount * rate / 10^6 rounded half-up on the magnitude.
 * Errors: TN_ERR_RANGE if rate < 0, TN_ERR_OVERFLOW if the result won't fit. */
tn_err tn_money_mul_ppm(tn_money amount, tn_ppm rate, tn_money *out);

/* Returns amount * count * rate / 10^6 rounded once, half-up on the magnitude: the interest
 * of a principal over count days (or months) at rate per day (or month).
 * Errors: TN_ERR_RANGE if count or rate < 0, TN_ERR_OVERFLOW if it won't fit. */
tn_err tn_money_mul_count_ppm(tn_money amount, int64_t count, tn_ppm rate, tn_money *out);

/* Sets *out = a + b. Errors: TN_ERR_OVERFLOW. */
tn_err tn_money_add(tn_money a, tn_money b, tn_money *out);

/* The largest amount any input may carry: 10^15 - 1 đồng (999.999.999.999.999 đ, some forty
 * thousand times the largest yearly contribution of any employer). Bounding every amount read
 * keeps every sum of up to 9,000 of them inside int64_t; sums over more rows are checked
 * (tn_money_add). */
#define TN_MONEY_MAX INT64_C(999999999999999)

/* Parses a whole number of đồng: digits only, optional leading '-' when allow_negative.
 * Errors: TN_ERR_PARSE (not such a number), TN_ERR_RANGE (its magnitude is above
 * TN_MONEY_MAX); nothing written on failure. */
tn_err tn_money_parse(const char *s, int allow_negative, tn_money *out);

/* Writes the plain decimal form ("-1500") into buf. */
void tn_money_format(tn_money m, char buf[static TN_MONEY_BUFSZ]);

/* Writes the grouped form used in Vietnamese documents ("1.500.000") into buf. */
void tn_money_format_grouped(tn_money m, char buf[static 32]);

/* Parses a percentage written with up to four decimals ("8%", "1.065%", "0.03%", "0.5") into
 * parts per million, exactly (no floating point); the '%' sign is optional.
 * Errors: TN_ERR_PARSE on anything else or more than four decimals; TN_ERR_RANGE above 100%. */
tn_err tn_ppm_parse_percent(const char *s, tn_ppm *out);

/* Writes rate as a percentage with the decimals it needs ("1.065%", "8%") into buf. */
void tn_ppm_format_percent(tn_ppm rate, char buf[static 16]);

#endif
