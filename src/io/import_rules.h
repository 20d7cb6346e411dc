/*
 * import_rules.h - the columns of each importable file and how each cell is checked
 * (data-formats.md). import.c drives the files; this table says what each column is: name,
 * whether it is required or part of the key, how its text is checked and stored, its default,
 * and what it refers to. Only src/io/ includes this.
 */
#ifndef THUNO_IO_IMPORT_RULES_H
#define THUNO_IO_IMPORT_RULES_H

#include <stddef.h>

#include "thuno/store_import.h"
#include "thuno/import.h"

enum tn__cell_kind {
    TN__CK_TEXT,   /* any text up to 1000 bytes */
    TN__CK_CODE,   /* [A-Z0-9]{1,20} */
    TN__CK_TAX,    /* 10 digits, or 10 digits - 3 digits */
    TN__CK_ENUM,   /* one of choices */
    TN__CK_DATE,   /* YYYY-MM-DD that exists */
    TN__CK_PERIOD, /* YYYY-MM */
    TN__CK_MONEY,  /* digits only, >= 0 */
    TN__CK_AMOUNT, /* digits only, > 0 */
    TN__CK_DIGITS, /* exactly `digits` digits */
    TN__CK_COUNT,  /* a whole number, digits only, at most 9 of them */
    TN__CK_FUNDS,  /* subset of BHXH,BHYT,BHTN,TNLD -> TN_FUND_* bit mask */
    TN__CK_TXN     /* 1..64 characters, no spaces, commas or quotes */
};

/* What a column's value must name. */
enum tn__ref {
    TN__REF_NONE,
    TN__REF_STORE,    /* a current row of the store: an unknown one is an error */
    TN__REF_ANYWHERE, /* a current row of the store or any row of this file (units' parent) */
    TN__REF_SUSPENSE  /* unknown is no error: the row waits in suspense ("unknown_unit") */
};

struct tn__column {
    const char *name;
    int required;
    int key;
    enum tn__cell_kind kind;
    const char *const *choices; /* TN__CK_ENUM, NULL-terminated */
    int digits;                 /* TN__CK_DIGITS */
    const char *def;            /* the text used when the cell is empty */
    int integer;                /* stored as INTEGER (enums of digits) */
    enum tn__ref ref;
    const char *ref_table, *ref_col; /* the row it names: table and key column */
    const char *ref_name, *ref_what; /* for messages: "unit", "a unit of units.csv" */
};

#define TN__MAX_COLUMNS 16

struct tn__file_rules {
    const char *kind;                        /* "units" */
    const char *table;                       /* "unit" */
    struct tn__column cols[TN__MAX_COLUMNS]; /* key columns first */
    size_t ncols, nkeys;
};

/* The rules of each kind, indexed by enum tn_import_kind. */
extern const struct tn__file_rules tn__import_rules[TN_IMPORT_COUNT];

/* Checks and normalizes the non-empty cell text of column c into v (text borrowed from text).
 * Errors: TN_ERR_PARSE with msg set to `problem (got "text", expected ...)`. */
tn_err tn__import_cell(const struct tn__column *c, const char *text, struct tn_store_value *v,
                       char *msg, size_t msgsz);

/* Writes what column c expects ("a date YYYY-MM-DD that exists") into buf. */
void tn__import_expected(const struct tn__column *c, char *buf, size_t bufsz);

/* The number of bytes of s to quote in a message: at most max, not cutting a UTF-8 character. */
int tn__import_clip(const char *s, int max);

/* The index of the column called name in r, or -1. */
int tn__import_col(const struct tn__file_rules *r, const char *name);

#endif
