/*
 * fuzz_parse.c - the small parsers of every cell (money, periods, days, percentages, months
 * with one decimal): any text is either refused or parsed into a value that formats back to a
 * text that parses to the same value.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "io/csv_reader.h"
#include "thuno/money.h"
#include "thuno/period.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s)
        abort();
    memcpy(s, data, size);
    s[size] = '\0';
    tn_money m, m2;
    if (tn_money_parse(s, 1, &m) == TN_OK) {
        char buf[TN_MONEY_BUFSZ];
        if (m > TN_MONEY_MAX || m < -TN_MONEY_MAX)
            abort();
        tn_money_format(m, buf);
        if (tn_money_parse(buf, 1, &m2) != TN_OK || m2 != m)
            abort();
    }
    tn_period p, p2;
    if (tn_period_parse(s, &p) == TN_OK) {
        char buf[TN_PERIOD_BUFSZ];
        if (tn_period_format(p, buf) || tn_period_parse(buf, &p2) || p2 != p)
            abort();
    }
    tn_day d, d2;
    if (tn_day_parse(s, &d) == TN_OK) {
        char buf[TN_DAY_BUFSZ];
        tn_day_format(d, buf);
        if (tn_day_parse(buf, &d2) || d2 != d)
            abort();
    }
    tn_ppm r;
    if (tn_ppm_parse_percent(s, &r) == TN_OK && (r < 0 || r > 1000000))
        abort();
    int t;
    if (tn_csv_tenths(s, &t) == 0 && (t < 0 || t > 99999))
        abort();
    free(s);
    return 0;
}
