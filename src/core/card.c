/*
 * card.c - the BHYT health-card number and the group rule in force (card.h).
 *
 * LAW: Decision 1351/QĐ-BHXH (2015), the health-card code: group (2 letters), benefit level
 * (1 digit), province (2 digits), BHXH code (10 digits).
 */
#include "thuno/card.h"

#include <stdio.h>
#include <string.h>

static int all_in(const char *s, size_t len, char lo, char hi)
{
    if (!s || strlen(s) != len)
        return 0;
    for (size_t i = 0; i < len; i++)
        if (s[i] < lo || s[i] > hi)
            return 0;
    return 1;
}

tn_err tn_card_number(const char *group, int level, const char *province, const char *bhxh_code,
                      char out[static TN_CARD_BUFSZ])
{
    if (!all_in(group, 2, 'A', 'Z') || level < 1 || level > 5 || !all_in(province, 2, '0', '9') ||
        !all_in(bhxh_code, 10, '0', '9'))
        return TN_ERR_RANGE;
    snprintf(out, TN_CARD_BUFSZ, "%s%d%s%s", group, level, province, bhxh_code);
    return TN_OK;
}

tn_err tn_card_group_at(const struct tn_card_group *entries, size_t n, const char *unit_type,
                        tn_day day, const struct tn_card_group **out)
{
    const struct tn_card_group *best = NULL;
    for (size_t i = 0; i < n; i++)
        if (strcmp(entries[i].unit_type, unit_type) == 0 && entries[i].from <= day &&
            (!best || entries[i].from >= best->from))
            best = &entries[i];
    if (!best)
        return TN_ERR_NO_POLICY;
    *out = best;
    return TN_OK;
}
