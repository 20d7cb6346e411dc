/*
 * letter_int.h - what the verbs of `thuno letter` share (cmd_letter.c dispatches; the
 * reminder lives in letter_reminder.c, the C12-TS notice in letter_c12ts.c, mass letters in
 * letter_mass.c): the parsed options, the letterhead file and the pieces every letter prints.
 * Only src/cli/ includes this.
 */
#ifndef THUNO_CLI_LETTER_INT_H
#define THUNO_CLI_LETTER_INT_H

#include "cli.h"
#include "thuno/letter.h"
#include "thuno/letters.h"
#include "thuno/period.h"

struct tn_store;
struct tn_policy;

/* The letterhead (templates/letterhead.txt, docs/letters.md): "key: value" lines. Strings
 * owned; NULL when the file does not give them. */
struct tn__letterhead {
    char *agency, *office, *place, *authority, *title, *signer, *phone, *account;
    char *suffix_reminder, *suffix_c12ts, *suffix_mass;
    char **recipients;
    size_t nrecipients, caprecipients;
};

/* The options of `thuno letter KIND`, checked. */
struct tn__letter_opts {
    tn_period period;
    int has_period;
    struct tn_letter_filter filter; /* --unit */
    const char *office;             /* --office: the letterhead's and the store's cut */
    const char *out;                /* -o FILE ("-": standard output) */
    const char *dir;                /* --dir DIR: one file per unit */
    const char *template_path;      /* --template FILE (mass) */
    const char *letterhead;         /* --letterhead FILE */
    const char *actor;              /* --actor WHO */
    const char *status;             /* --status LIST (mass) */
    const char *number;             /* --number TEXT: the letter's number (mass) */
    int number_from;                /* --number-from N (reminder): 0 for the register's next */
    int record;                     /* --record (reminder) */
    tn_day date;                    /* --date: the letters' date (default today) */
    char as_of[20];                 /* what the letters read: --as-of, default now */
};

/* Loads the letterhead at path, with the office_code's own lines ("office.CODE: ...") taking
 * precedence when office_code is not NULL. Reports its own errors (FILE:LINE).
 * Errors: TN_ERR_IO, TN_ERR_PARSE. */
tn_err tn__letterhead_load(const char *path, const char *office_code, struct tn__letterhead *lh);
void tn__letterhead_release(struct tn__letterhead *lh);

/* Fills h from lh with number ("Số: ..."), summary and the letter date; strings borrowed. */
void tn__letter_head(const struct tn__letterhead *lh, const struct tn__letter_opts *o,
                     const char *number, const char *summary, struct tn_letter_head *h);

/* Adds lh's signature block with its recipients, "Như trên;" first. */
void tn__letter_sign(const struct tn__letterhead *lh, struct tn_letter_doc *doc);

/* Writes doc to o->out ("-": standard output). Reports its own errors. Errors: TN_ERR_IO. */
tn_err tn__letter_write(const struct tn_letter_doc *doc, const char *out);

/* Writes doc to dir/UNIT_CODE.pdf, the one file of a unit's letter under --dir. Reports its
 * own errors. Errors: TN_ERR_IO (the path too long included). */
tn_err tn__letter_write_unit(const struct tn_letter_doc *doc, const char *dir,
                             const char *unit_code);

/* The creation date pinned into the PDF: the letters' date at 00:00:00. */
void tn__letter_created(const struct tn__letter_opts *o, char out[static 20]);

/* "tháng 11 năm 2025" for p. */
void tn__period_vi(tn_period p, char buf[static 32]);

/* Grouped money with " đ" ("1.234.567 đ"). */
const char *tn__money_vi(tn_money m, char buf[static 40]);

/* The verbs. */
tn_err tn__letter_reminder(struct tn_cli *cli, struct tn_store *s, const struct tn_policy *pol,
                           const struct tn__letterhead *lh, const struct tn__letter_opts *o);
tn_err tn__letter_c12ts(struct tn_cli *cli, struct tn_store *s, const struct tn_policy *pol,
                        const struct tn__letterhead *lh, const struct tn__letter_opts *o);
tn_err tn__letter_mass(struct tn_cli *cli, struct tn_store *s, const struct tn_policy *pol,
                       const struct tn__letterhead *lh, const struct tn__letter_opts *o);

#endif
