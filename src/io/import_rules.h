/*
 * import_rules.h - the columns of each importable file and how each cell is checked
 * (data-formats.md). import.c drives the files; this table says what each column is.
 */
#ifndef THUNO_IO_IMPORT_RULES_H
#define THUNO_IO_IMPORT_RULES_H

#include <stddef.h>

#include "store/store_import.h"
#include "thuno/import.h"

enum tn__cell_kind {
    TN__CK_TEXT,   /* any text */
    TN__CK_CODE,   /* [A-Z0-9]{1,20} */
    TN__CK_TAX,    /* 10 digits, or 10 digits - 3 digits */
    TN__CK_ENUM,   /* one of choices */
    TN__CK_DATE,   /* YYYY-MM-DD that exists */
    TN__CK_PERIOD, /* YYYY-MM */
    TN__CK_MONEY,  /* digits only, >= 0 */
    TN__CK_AMOUNT, /* digits only, > 0 */
    TN__CK_DIGITS, /* exactly `digits` digits */
    TN__CK_INT,    /* a whole number in [min, max] */
    TN__CK_FUNDS,  /* subset of BHXH,BHYT,BHTN,TNLD -> bit mask */
    TN__CK_TXN     /* 1..64 characters, no spaces or commas */
};

struct tn__column {
    const char *name;
    int required;
    int key;
    enum tn__cell_kind kind;
    const char *const *choices; /* TN__CK_ENUM, NULL-terminated */
    int digits;                 /* TN__CK_DIGITS */
    long min, max;              /* TN__CK_INT */
    const char *def;            /* default when the cell is empty */
    int integer;                /* stored as INTEGER */
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

/* Checks and normalizes cell text for column c into v (text borrowed from text or from
 * scratch, 32 bytes). On failure writes "expected ..." into why. Errors: TN_ERR_PARSE. */
tn_err tn__import_cell(const struct tn__column *c, const char *text, char scratch[static 32],
                       struct tn_store_value *v, char *why, size_t whysz);

#endif
