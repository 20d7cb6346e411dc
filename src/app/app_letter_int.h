/*
 * app_letter_int.h - what the letter runs of the application layer share (app_letter.c holds
 * the letterhead, the pieces every letter prints and the C12-TS notice; app_letter_reminder.c
 * the written reminder; app_letter_mass.c the mass letters from a template). Only src/app/
 * includes this.
 */
#ifndef THUNO_APP_LETTER_INT_H
#define THUNO_APP_LETTER_INT_H

#include "app_int.h"
#include "thuno/letter.h"
#include "thuno/letters.h"

/* Checks what every letter run needs (a letterhead, a destination, o->unit of the scope's
 * office), clears app->why and resolves *scope into buf (tn__app_scope), pointing *scope at
 * it. Errors: TN_ERR_USAGE, TN_ERR_NOT_FOUND, TN_ERR_STORE. */
tn_err tn__letter_start(struct tn_app *app, const struct tn_scope **scope, struct tn_scope *buf,
                        const struct tn_letter_opts *o);

/* What a run reads: o->as_of, else app->now. */
const char *tn__letter_as_of(const struct tn_app *app, const struct tn_letter_opts *o);

/* The refusal of a run for o->unit that found no balance of it in o->period (TN_ERR_NOT_FOUND);
 * TN_OK when o->unit is NULL or units > 0. */
tn_err tn__letter_unit_found(struct tn_app *app, const struct tn_letter_opts *o, size_t units);

/* Fills h from lh with number ("Số: ..."), summary and the letter date; strings borrowed. */
void tn__letter_head(const struct tn_letterhead *lh, const struct tn_letter_opts *o,
                     const char *number, const char *summary, struct tn_letter_head *h);

/* Adds lh's signature block with its recipients, "Như trên;" first. */
void tn__letter_sign(const struct tn_letterhead *lh, struct tn_letter_doc *doc);

/* Writes doc, the batch of every letter, to o->dest (f or path). Errors: TN_ERR_IO (why set). */
tn_err tn__letter_write(struct tn_app *app, const struct tn_letter_doc *doc,
                        const struct tn_letter_opts *o);

/* Writes doc to dir/UNIT_CODE.pdf, the one file of a unit's letter under o->dest.dir.
 * Errors: TN_ERR_IO (the path too long included; why set). */
tn_err tn__letter_write_unit(struct tn_app *app, const struct tn_letter_doc *doc,
                             const struct tn_letter_opts *o, const char *unit_code);

/* The creation date pinned into the PDF: the letters' date at 00:00:00. */
void tn__letter_created(const struct tn_letter_opts *o, char out[static 20]);

/* "tháng 11 năm 2025" for p. */
void tn__period_vi(tn_period p, char buf[static 32]);

/* Grouped money with " đ" ("1.234.567 đ"). */
const char *tn__money_vi(tn_money m, char buf[static 40]);

/* The offset of the first byte of text[0..n) that does not begin or continue a well-formed
 * UTF-8 character (no overlong forms, surrogates or code points above U+10FFFF), or n. */
size_t tn__letter_utf8_bad(const char *text, size_t n);

/* How many of the n bytes of the UTF-8 text s to show in a message of at most max bytes: n,
 * or fewer, cut between characters. */
int tn__letter_cut(const char *s, size_t n, int max);

/* Appends one formatted line (and '\n') to *problems (owned, NULL at first). */
void tn__letter_problem(char **problems, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
