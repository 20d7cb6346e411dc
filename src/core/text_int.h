/*
 * text_int.h - what text.c shares with the rest of core: the one table-driven fold of a
 * UTF-8 character to ASCII, behind tn_text_ascii_fold() (text.h) and tn_memo_fold()
 * (memo.h), so that a bank memo and a unit's name fold by the same letters. Only src/core/
 * includes this.
 */
#ifndef THUNO_CORE_TEXT_INT_H
#define THUNO_CORE_TEXT_INT_H

#include <stddef.h>

/* Decodes the UTF-8 character at s (not at its NUL) and sets *ascii to its ASCII form as
 * tn_text_ascii_fold() writes it: an ASCII character as itself (a control byte as ' '), a
 * precomposed Latin letter as its base letter, 0 for a combining mark (U+0300..U+036F) to
 * drop, ' ' for anything else, an invalid byte included. Returns the bytes read (>= 1). */
size_t tn__text_fold_next(const unsigned char *s, char *ascii);

#endif
