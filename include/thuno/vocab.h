/*
 * vocab.h - the words documents show for the values thuno writes as identifiers (issue 14
 * item 7).
 *
 * Reports carry enumerated values as stable English identifiers: a legal status `evading`, a
 * unit type `private`, a case state `sued`, an action `lock`, a department `KTTN`. CSV and
 * JSON keep them (data-formats.md's contract); documents for people outside the office (PDF,
 * XLSX) show them in Vietnamese, or in English with `--lang en`. This is the one table of
 * those words: no writer hard-codes one. A value is looked up by itself; values that mean
 * different things in different columns (`suspended`: a unit that stopped trading, a case
 * that waits for assets; `none`, `name`, `office`: words of one column only) carry the
 * column they apply to, and that entry wins.
 *
 * Invariants: every entry has a value, a Vietnamese and an English label; no two entries
 * have the same column and value (tests/test_vocab.c).
 */
#ifndef THUNO_VOCAB_H
#define THUNO_VOCAB_H

#include <stddef.h>

#include "thuno/err.h"

struct tn_vocab_entry {
    const char *column; /* the column id it applies to; NULL: any column */
    const char *value;  /* the identifier as CSV and JSON write it */
    const char *vi;     /* the word documents show in Vietnamese */
    const char *en;     /* the word in English */
};

/* Returns the label of value in column col (col may be NULL) in lang: the entry for that
 * column if there is one, else the entry for any column; NULL when value is not in the
 * vocabulary (free text, codes, names: shown as they are). Static storage. */
const char *tn_vocab_label(const char *col, const char *value, enum tn_lang lang);

/* The vocabulary's entries, for listings (`thuno report --values`) and tests: tn_vocab_get
 * copies entry i (strings static) into *out and returns 1, or returns 0 when i >= count. */
size_t tn_vocab_count(void);
int tn_vocab_get(size_t i, struct tn_vocab_entry *out);

#endif
