/*
 * card_policy.h - reads policy/card_groups.csv (the health-card group and benefit level of a
 * unit type's workers, Decision 1351/QĐ-BHXH) into struct tn_card_group lines (card.h).
 */
#ifndef THUNO_IO_CARD_POLICY_H
#define THUNO_IO_CARD_POLICY_H

#include <stddef.h>

#include "thuno/card.h"

/* Loads dir/card_groups.csv into a new array *out of *n (free() it). Every line must have a
 * day `from`, a unit_type, a 2-letter group, a level 1..5 and a source; two lines of one type
 * with the same `from` are refused. Errors: TN_ERR_IO (file missing), TN_ERR_PARSE or
 * TN_ERR_CONFLICT with msg saying "FILE:LINE: what" (nothing returned). */
tn_err tn_card_policy_load(const char *dir, struct tn_card_group **out, size_t *n, char *msg,
                           size_t msgsz);

#endif
