/*
 * lists_policy.h - the effective-dated threshold of the public list of units named in the
 * media (policy/public_list.csv; policy/README.md; docs/lists.md).
 */
#ifndef THUNO_IO_LISTS_POLICY_H
#define THUNO_IO_LISTS_POLICY_H

#include <stddef.h>

#include "thuno/err.h"
#include "thuno/period.h"

/* The rule in force on a day. */
struct tn_name_rule {
    tn_day from;
    int name_tenths; /* months owed from which a late unit is named, in tenths */
    char source[512];
};

/* Reads DIR/public_list.csv (columns from, name_months, source) and fills *out with the line
 * in force on day: the last line whose from is on or before it. Errors: TN_ERR_IO (no file),
 * TN_ERR_PARSE (a bad cell; msg says FILE:LINE: what), TN_ERR_CONFLICT (two lines with one
 * start), TN_ERR_NO_POLICY (day before the first line). */
tn_err tn_lists_name_rule(const char *dir, tn_day day, struct tn_name_rule *out, char *msg,
                          size_t msgsz);

#endif
