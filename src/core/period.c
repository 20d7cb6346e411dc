/*
 * period.c - months as integers and days as a serial count (Howard Hinnant's civil-date
 * algorithms, exact over the proleptic Gregorian calendar).
 */
#include "thuno/period.h"

#include <stdio.h>

tn_err tn_period_make(int year, int month, tn_period *out)
{
    if (year < 1900 || year > 9999 || month < 1 || month > 12)
        return TN_ERR_RANGE;
    *out = year * 12 + (month - 1);
    return TN_OK;
}

static int digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 1;
}

tn_err tn_period_parse(const char *s, tn_period *out)
{
    int y, m;
    if (!digits(s, 4, &y) || s[4] != '-' || !digits(s + 5, 2, &m) || s[7] != '\0')
        return TN_ERR_PARSE;
    return tn_period_make(y, m, out);
}

tn_err tn_period_format(tn_period p, char buf[static TN_PERIOD_BUFSZ])
{
    if (p < 1900 * 12 || p > 9999 * 12 + 11)
        return TN_ERR_RANGE; /* also lets the compiler prove the text fits */
    snprintf(buf, TN_PERIOD_BUFSZ, "%04d-%02d", p / 12, p % 12 + 1);
    return TN_OK;
}

static int is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
    static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : len[m - 1];
}

static tn_day days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

tn_err tn_day_make(int year, int month, int mday, tn_day *out)
{
    if (year < 1900 || year > 9999 || month < 1 || month > 12 || mday < 1 ||
        mday > month_days(year, month))
        return TN_ERR_RANGE;
    *out = days_from_civil(year, month, mday);
    return TN_OK;
}

tn_err tn_day_parse(const char *s, tn_day *out)
{
    int y, m, d;
    if (!digits(s, 4, &y) || s[4] != '-' || !digits(s + 5, 2, &m) || s[7] != '-' ||
        !digits(s + 8, 2, &d) || s[10] != '\0')
        return TN_ERR_PARSE;
    return tn_day_make(y, m, d, out);
}

void tn_day_civil(tn_day z, int *year, int *month, int *mday)
{
    z += 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int y = yoe + era * 400;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    int d = doy - (153 * mp + 2) / 5 + 1;
    int m = mp + (mp < 10 ? 3 : -9);
    *year = y + (m <= 2);
    *month = m;
    *mday = d;
}

void tn_day_format(tn_day d, char buf[static TN_DAY_BUFSZ])
{
    int y, m, md;
    tn_day_civil(d, &y, &m, &md);
    /* unsigned ranges let the compiler prove the text fits; tn_day_make never builds a day
     * outside years 1900..9999 */
    snprintf(buf, TN_DAY_BUFSZ, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 13u,
             (unsigned)md % 32u);
}

tn_period tn_day_period(tn_day d)
{
    int y, m, md;
    tn_day_civil(d, &y, &m, &md);
    return y * 12 + (m - 1);
}

tn_day tn_period_first_day(tn_period p)
{
    return days_from_civil(p / 12, p % 12 + 1, 1);
}

int tn_period_days(tn_period p)
{
    return month_days(p / 12, p % 12 + 1);
}

tn_day tn_period_last_day(tn_period p)
{
    return tn_period_first_day(p) + tn_period_days(p) - 1;
}
