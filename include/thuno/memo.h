/*
 * memo.h - reading a bank transfer memo (nội dung chuyển khoản) to find who paid: the unit
 * code, the tax code, the unit's name and the period paid for (docs/payments-ops.md).
 *
 * Invariants:
 * - Folding: letters lose their marks as tn_text_ascii_fold() (text.h) takes them off: every
 *   Vietnamese letter (ă â -> A, đ -> D, ơ -> O, ư -> U, every tone -> the bare letter), in
 *   precomposed (NFC) or combining (NFD) form, and the other precomposed Latin letters of
 *   U+00C0..U+017F (ç -> C, ñ -> N); ASCII letters are upper-cased; every other character
 *   separates words. Memos are usually typed without
 *   diacritics; names are registered with them: both fold to the same words.
 * - A tax code in a memo is a run of exactly 10 digits, optionally followed by '-' and exactly
 *   3 digits (a branch); a 10-digit run is only a candidate (it may be a BHXH code or a phone
 *   number) and counts when a unit carries it.
 * - The period is the first of: THANG m [NAM] yyyy, Tm yyyy, THANGm yyyy, m/yyyy (m 1..12,
 *   yyyy 1900..2099; '/', '-', '.' and spaces separate). A bare "m yyyy" preceded by a 1-2
 *   digit number is a date (dd/mm/yyyy), preceded by QUY or Q a quarter: neither is taken.
 * - Matching ranks: a unique unit code > a unique tax code > a unique name. Two signals that
 *   point at different units, or one that fits several, leave the payment for review.
 * Pure: no locale; only the index (tn_memo_index_new) allocates.
 */
#ifndef THUNO_MEMO_H
#define THUNO_MEMO_H

#include <stddef.h>

#include "thuno/err.h"
#include "thuno/period.h"

#define TN_MEMO_TEXT_MAX 512 /* folded text kept, NUL included */
#define TN_MEMO_TAX_MAX  4   /* tax-code candidates kept */
#define TN_MEMO_CAND_MAX 8   /* candidate units reported */

/* Folds utf8 into out (ASCII upper-case words separated by single spaces, no leading or
 * trailing space), truncated at a word boundary to fit outsz (>= 1). Invalid UTF-8 bytes
 * separate words. Returns the length written. */
size_t tn_memo_fold(const char *utf8, char *out, size_t outsz);

struct tn_memo {
    char folded[TN_MEMO_TEXT_MAX];
    char tax[TN_MEMO_TAX_MAX][16]; /* "0100000001" or "0100000001-002" */
    size_t ntax;
    tn_period period; /* -1 when the memo names none */
};

/* Reads memo (UTF-8, may be NULL or empty) into *out. Never fails. */
void tn_memo_parse(const char *memo, struct tn_memo *out);

/* A unit the memo may name (all borrowed). */
struct tn_memo_unit {
    const char *unit_code;
    const char *tax_code;
    const char *name;
    const char *name_key; /* tn_memo_name_key(name), or NULL: worked out at each match */
};

/* Writes into out the distinctive words of a unit's name (folded, abbreviations written out,
 * legal-form words dropped) that tn_memo_match looks for in a memo. Matching many memos,
 * set each unit's name_key to it once rather than fold every name for every memo. Never
 * fails. */
void tn_memo_name_key(const char *name, char out[static TN_MEMO_TEXT_MAX]);

enum tn_memo_method {
    TN_MEMO_NONE,      /* nothing in the memo fits a unit */
    TN_MEMO_CODE,      /* a unique unit code */
    TN_MEMO_TAX,       /* a unique tax code */
    TN_MEMO_NAME,      /* a unique name */
    TN_MEMO_AMBIGUOUS, /* several units fit, or signals disagree: for review */
};

struct tn_memo_match {
    enum tn_memo_method method;
    size_t unit;    /* index into units when matched (CODE, TAX, NAME), else SIZE_MAX */
    int confidence; /* percent: 99 code and tax agree, 95 code, 90 tax, 70 name, 0 otherwise */
    size_t cand[TN_MEMO_CAND_MAX]; /* for review: the units that fit some signal */
    size_t ncand;
    char reason[200]; /* Vietnamese / English */
};

/* Returns the method's name: "none", "unit_code", "tax_code", "name", "ambiguous". */
const char *tn_memo_method_name(enum tn_memo_method m);

/* Matches m against units[0..n) into *out. A unit code counts only when it has at least 3
 * characters (a one-letter code is any word). Never fails. */
void tn_memo_match(const struct tn_memo *m, const struct tn_memo_unit *units, size_t n,
                   struct tn_memo_match *out);

/* Units indexed for matching many memos: by unit code and tax code (sorted arrays searched
 * with a binary search) and by one word of each name key, the word fewest units' keys share
 * (a name matches only when all its words are in the memo, so that word is among the memo's).
 * A memo then costs its own words times log(units), not the units. */
struct tn_memo_index;

/* Builds into *out the index of units[0..n), which stay borrowed (and must outlive it); a
 * unit's name_key is copied, or worked out when NULL. Free with tn_memo_index_free(). Never
 * fails (out of memory aborts, mem.h). */
void tn_memo_index_new(const struct tn_memo_unit *units, size_t n, struct tn_memo_index **out);

/* Frees ix; NULL does nothing. */
void tn_memo_index_free(struct tn_memo_index *ix);

/* Matches m against the indexed units into *out: the same method, unit, confidence,
 * candidates (in the same order) and reason as tn_memo_match() on the same units, which
 * compares the memo with every unit and stays as the reference. Never fails. */
void tn_memo_index_match(const struct tn_memo *m, const struct tn_memo_index *ix,
                         struct tn_memo_match *out);

#endif
