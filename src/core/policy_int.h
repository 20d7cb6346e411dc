/*
 * policy_int.h - the lookup every effective-dated table of core shares (policy.c): the entry
 * in force on a day or in a period is the last one starting on or before it. Only src/core/
 * includes this.
 */
#ifndef THUNO_CORE_POLICY_INT_H
#define THUNO_CORE_POLICY_INT_H

#include <stddef.h>
#include <stdint.h>

/* Index one past the last entry whose start <= key, for any list of n entries of size bytes
 * sorted by an int32 start at offset off: 0 when the first starts after key. O(log n). */
size_t tn__effective_upper(const void *base, size_t n, size_t size, size_t off, int32_t key);

/* tn__effective_upper on list (n entries, each with an int32 field from). */
#define TN__EFFECTIVE_UPPER(list, n, key)                                                          \
    tn__effective_upper((list), (n), sizeof *(list), offsetof(__typeof__(*(list)), from), (key))

#endif
