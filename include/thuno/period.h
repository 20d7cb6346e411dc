/*
 * period.h - contribution months and calendar days.
 *
 * A period is one integer, year * 12 + (month - 1): consecutive months differ by 1. A day is
 * the number of days since 1970-01-01 (proleptic Gregorian), so days between two dates are a
 * subtraction. Both print as ISO text ("2026-10", "2026-10-31").
 */
#ifndef THUNO_PERIOD_H
#define THUNO_PERIOD_H

#include <stdint.h>

#include "thuno/err.h"

typedef int32_t tn_period; /* year * 12 + (month - 1) */
typedef int32_t tn_day;    /* days since 1970-01-01 */
#define TN_PERIOD_BUFSZ 8  /* "YYYY-MM" and its NUL */
#define TN_DAY_BUFSZ    11 /* "YYYY-MM-DD" and its NUL */

/* Errors: TN_ERR_RANGE unless 1900 <= year <= 9999 and 1 <= month <= 12. */
tn_err tn_period_make(int year, int month, tn_period *out);

/* Parses exactly "YYYY-MM". Errors: TN_ERR_PARSE, TN_ERR_RANGE. */
tn_err tn_period_parse(const char *s, tn_period *out);

/* Writes "YYYY-MM" into buf. Errors: TN_ERR_RANGE if p is outside years 1900..9999. */
tn_err tn_period_format(tn_period p, char buf[static TN_PERIOD_BUFSZ]);

/* Errors: TN_ERR_RANGE unless the date exists and 1900 <= year <= 9999. */
tn_err tn_day_make(int year, int month, int mday, tn_day *out);

/* Parses exactly "YYYY-MM-DD" and checks the day exists. Errors: TN_ERR_PARSE, TN_ERR_RANGE. */
tn_err tn_day_parse(const char *s, tn_day *out);

/* Writes "YYYY-MM-DD" into buf. */
void tn_day_format(tn_day d, char buf[static TN_DAY_BUFSZ]);

/* Splits d into its calendar parts. */
void tn_day_civil(tn_day d, int *year, int *month, int *mday);

/* The period that contains day d. */
tn_period tn_day_period(tn_day d);

/* First and last day of period p. */
tn_day tn_period_first_day(tn_period p);
tn_day tn_period_last_day(tn_period p);

/* Number of days in period p (28..31). */
int tn_period_days(tn_period p);

#endif
