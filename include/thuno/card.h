/*
 * card.h - the BHYT health-card number (mã thẻ BHYT) of a worker, and the rule that gives a
 * unit's workers their beneficiary group and benefit level (docs/payments-ops.md).
 *
 * LAW: Decision 1351/QĐ-BHXH (2015) on the health-card code: 15 characters, the 2-letter
 * beneficiary group (mã đối tượng), 1 digit benefit level (mức hưởng, 1..5), the 2-digit
 * province code, the 10-digit BHXH code. Which group a unit type's workers belong to is policy
 * (policy/card_groups.csv), effective-dated.
 */
#ifndef THUNO_CARD_H
#define THUNO_CARD_H

#include <stddef.h>

#include "thuno/err.h"
#include "thuno/period.h"

#define TN_CARD_BUFSZ 16 /* 15 characters and the NUL */

/* Writes group + level + province + bhxh_code into out, e.g. "DN4790000000001".
 * Errors: TN_ERR_RANGE unless group is 2 upper-case ASCII letters, 1 <= level <= 5, province
 * is 2 digits and bhxh_code 10 digits (out untouched). */
tn_err tn_card_number(const char *group, int level, const char *province, const char *bhxh_code,
                      char out[static TN_CARD_BUFSZ]);

/* One line of policy/card_groups.csv: from `from`, workers of units of unit_type are in group
 * at level. */
struct tn_card_group {
    tn_day from;
    char unit_type[16];
    char group[3];
    int level;
    char source[240];
};

/* Sets *out to the line in force on day for unit_type (the last with from <= day among that
 * type's; entries in any order). Errors: TN_ERR_NO_POLICY if there is none. */
tn_err tn_card_group_at(const struct tn_card_group *entries, size_t n, const char *unit_type,
                        tn_day day, const struct tn_card_group **out);

#endif
