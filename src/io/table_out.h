/*
 * table_out.h - writing a report's rows as CSV (RFC 4180, the header first) or JSON (an array
 * of objects), with the same columns either way (data-formats.md "Outputs").
 */
#ifndef THUNO_IO_TABLE_OUT_H
#define THUNO_IO_TABLE_OUT_H

#include <stdint.h>
#include <stdio.h>

#include "thuno/err.h"

enum tn_out_format { TN_OUT_CSV, TN_OUT_JSON };

enum tn_cell_type {
    TN_CELL_NULL,  /* empty in CSV, null in JSON */
    TN_CELL_TEXT,  /* text */
    TN_CELL_INT,   /* whole number (money, counts) */
    TN_CELL_TENTHS /* a number of tenths printed with one decimal: 25 -> 2.5 */
};

struct tn_cell {
    enum tn_cell_type type;
    const char *text;
    int64_t num;
};

struct tn_table_out {
    FILE *f;
    enum tn_out_format format;
    const char *const *cols;
    size_t ncols;
    long long rows;
};

/* Errors: TN_ERR_PARSE unless name is "csv" or "json". */
tn_err tn_out_format_parse(const char *name, enum tn_out_format *out);

/* Starts a table on f (borrowed) with ncols column names (borrowed for the table's life). */
tn_err tn_table_begin(struct tn_table_out *t, FILE *f, enum tn_out_format format,
                      const char *const *cols, size_t ncols);
/* Writes one row of t->ncols cells. Errors: TN_ERR_IO when the stream fails. */
tn_err tn_table_row(struct tn_table_out *t, const struct tn_cell *cells);
/* Finishes the table (the JSON array's end). Errors: TN_ERR_IO. */
tn_err tn_table_end(struct tn_table_out *t);

#endif
