/*
 * inspection_policy.h - reads policy/inspections.csv: the effective-dated thresholds of the
 * referral, union-chair and People's Committee lists (docs/inspections.md, policy/README.md).
 */
#ifndef THUNO_IO_INSPECTION_POLICY_H
#define THUNO_IO_INSPECTION_POLICY_H

#include <stddef.h>

#include "thuno/inspection.h"

/* The entries of the file, sorted by from; each source owned by the list. */
struct tn_inspection_policy {
    struct tn_inspection_rule *rules;
    size_t n;
};

void tn_inspection_policy_init(struct tn_inspection_policy *p);

/* Frees what p owns; p is then as if just initialized. */
void tn_inspection_policy_release(struct tn_inspection_policy *p);

/* Loads dir/inspections.csv into p (initialized, empty). Errors: TN_ERR_IO if the file is
 * missing or unreadable, TN_ERR_PARSE for a malformed line, TN_ERR_CONFLICT for two entries
 * from the same day or out of order (msg says "FILE:LINE: what was expected"). On failure p is
 * released. */
tn_err tn_inspection_policy_load(const char *dir, struct tn_inspection_policy *p, char *msg,
                                 size_t msgsz);

#endif
