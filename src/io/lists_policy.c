/*
 * lists_policy.c - reads policy/public_list.csv, the threshold from which a late unit is named
 * in the media (Law 41/2024/QH15 Art 40; seed 003). A line is in force from its day until the
 * next one starts; a day before the first line is TN_ERR_NO_POLICY (policy/README.md).
 */
#include "io/lists_policy.h"

#include <stdio.h>
#include <string.h>

#include "io/csv_reader.h"

tn_err tn_lists_name_rule(const char *dir, tn_day day, struct tn_name_rule *out, char *msg,
                          size_t msgsz)
{
    static const struct tn_csv_column cols[] = {{"from", 1}, {"name_months", 1}, {"source", 1}};
    char path[4096];
    struct tn_csv_reader *r;
    tn_err err = tn_csv_open_in(dir, "public_list.csv", path, sizeof path, cols, 3, &r, msg, msgsz);
    if (err)
        return err;
    const char *const *c;
    long line = 0;
    int found = 0;
    tn_day starts[64];
    size_t nstarts = 0;
    struct tn_name_rule best = {0};
    char why[256] = "";
    int mine = 1; /* msg written here, not by the reader */
    while ((err = tn_csv_next(r, &c, &line, why, sizeof why)) == TN_OK || err == TN_ERR_PARSE) {
        if (err) {
            mine = 0;
            break;
        }
        struct tn_name_rule e = {0};
        if (tn_day_parse(c[0], &e.from)) {
            snprintf(msg, msgsz, "%s:%ld: from: expected YYYY-MM-DD (got \"%s\")", path, line,
                     c[0]);
            err = TN_ERR_PARSE;
            break;
        }
        if (tn_csv_tenths(c[1], &e.name_tenths)) {
            snprintf(msg, msgsz, "%s:%ld: name_months: expected months like 3.0 (got \"%s\")", path,
                     line, c[1]);
            err = TN_ERR_PARSE;
            break;
        }
        if (!c[2][0]) {
            snprintf(msg, msgsz, "%s:%ld: source: the legal source is required", path, line);
            err = TN_ERR_PARSE;
            break;
        }
        for (size_t i = 0; i < nstarts; i++)
            if (starts[i] == e.from) {
                snprintf(msg, msgsz, "%s:%ld: a second line starting %s", path, line, c[0]);
                err = TN_ERR_CONFLICT;
            }
        if (err)
            break;
        if (nstarts < sizeof starts / sizeof starts[0])
            starts[nstarts++] = e.from;
        snprintf(e.source, sizeof e.source, "%s", c[2]);
        if (e.from <= day && (!found || e.from > best.from)) {
            best = e;
            found = 1;
        }
    }
    if (err == TN_ERR_PARSE && !mine)
        snprintf(msg, msgsz, "%s:%ld: %s", path, line, why);
    tn_csv_free(r);
    if (err != TN_ERR_NOT_FOUND)
        return err;
    if (!found) {
        snprintf(msg, msgsz, "%s: no line in force on the day asked", path);
        return TN_ERR_NO_POLICY;
    }
    *out = best;
    return TN_OK;
}
