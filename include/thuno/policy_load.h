/*
 * policy_load.h - reads policy/ (effective-dated CSV files, each line citing its source) into
 * a struct tn_policy: the one entry point that gives every table (rates, caps, legal, ladder,
 * deadlines, checklist, card lock, card groups, public list, tip rewards, inspections...).
 * File formats: policy/README.md.
 */
#ifndef THUNO_POLICY_LOAD_H
#define THUNO_POLICY_LOAD_H

#include <stddef.h>

#include "thuno/policy.h"

/* Loads every policy file in dir into pol (which must be initialized and empty), sorted.
 * Errors: TN_ERR_IO if a file is missing or unreadable (msg names it), TN_ERR_PARSE for a
 * malformed line or a file that must have lines and has none (msg says "FILE:LINE: what was
 * expected"), TN_ERR_CONFLICT for two entries with the same start. On failure pol is
 * released. */
tn_err tn_policy_load(const char *dir, struct tn_policy *pol, char *msg, size_t msgsz);

#endif
