/*
 * table.h - the shape of every table thuno produces: typed columns, cells, and the sink that
 * receives rows (docs/architecture.md).
 *
 * A report is a list of columns, each with a stable id (the CSV and JSON header, the API's
 * field name), a type, a Vietnamese and an English label, and whether its figures add up (XLSX
 * sums them, documents group their digits). Rows are arrays of cells in column order, indexed
 * by the report's column enum (never by a bare number). The CSV, JSON, XLSX and PDF writers
 * (table_out.h, implemented in src/io) and the HTTP API read the same columns.
 */
#ifndef THUNO_TABLE_H
#define THUNO_TABLE_H

#include <stddef.h>
#include <stdint.h>

#include "thuno/err.h"

/* What a column holds; the API's schema and the spreadsheet formats follow it. */
enum tn_col_type {
    TN_COL_TEXT,   /* free text, codes, names */
    TN_COL_MONEY,  /* whole đồng */
    TN_COL_COUNT,  /* a number of units, workers, cases, documents */
    TN_COL_NUMBER, /* another whole number: a year, a rank, days, a percent of confidence */
    TN_COL_TENTHS, /* a number of tenths shown with one decimal: months owed, a percentage */
    TN_COL_DATE,   /* "YYYY-MM-DD" text */
    TN_COL_PERIOD  /* "YYYY-MM" text */
};

struct tn_col {
    const char *id; /* stable identifier: CSV/JSON header, API field */
    enum tn_col_type type;
    const char *vi; /* label for documents in Vietnamese */
    const char *en; /* label in English */
    int adds;       /* 1: the figures add up (money, counts): grouped and summed */
};

enum tn_cell_type {
    TN_CELL_NULL,  /* empty in CSV, null in JSON */
    TN_CELL_TEXT,  /* text */
    TN_CELL_INT,   /* whole number (money, counts) */
    TN_CELL_TENTHS /* a number of tenths printed with one decimal: 25 -> 2.5 */
};

struct tn_cell {
    enum tn_cell_type type;
    const char *text; /* TN_CELL_TEXT: borrowed for the row call */
    int64_t num;
};

static inline struct tn_cell tn_cell_text(const char *s)
{
    return (struct tn_cell){TN_CELL_TEXT, s, 0};
}
static inline struct tn_cell tn_cell_int(int64_t n)
{
    return (struct tn_cell){TN_CELL_INT, NULL, n};
}
static inline struct tn_cell tn_cell_tenths(int64_t n)
{
    return (struct tn_cell){TN_CELL_TENTHS, NULL, n};
}
static inline struct tn_cell tn_cell_null(void)
{
    return (struct tn_cell){TN_CELL_NULL, NULL, 0};
}
/* A figure that may be undefined: empty when n < 0 (no plan, nothing assessed, no divisor). */
static inline struct tn_cell tn_cell_int_or_null(int64_t n)
{
    return n < 0 ? tn_cell_null() : tn_cell_int(n);
}
static inline struct tn_cell tn_cell_tenths_or_null(int64_t n)
{
    return n < 0 ? tn_cell_null() : tn_cell_tenths(n);
}

/* Where rows go. row() takes the current section's ncols cells (borrowed for the call);
 * section() (packs of several tables; may be NULL when the producer writes one table) starts a
 * new table with its heading and columns, both borrowed until the sink is finished. A callback
 * that fails stops the producer, which returns its error unchanged. */
struct tn_sink {
    tn_err (*row)(void *ctx, const struct tn_cell *cells);
    tn_err (*section)(void *ctx, const char *heading, const struct tn_col *cols, size_t ncols);
    void *ctx;
};

/* Columns as an X-macro list: each report writes
 *     #define FOO_COLS(X, p) X(p, unit_code, TEXT, "Mã đơn vị", "Unit code", 0) ...
 *     TN_COLUMNS(FOO, FOO_COLS);
 * which declares the enum FOO_unit_code, ..., FOO_NCOLS and the array FOO_cols[]; a row is
 * then struct tn_cell c[FOO_NCOLS] with c[FOO_unit_code] = tn_cell_text(...). */
#define TN_COL_ENTRY(p, id, type, vi, en, adds) {#id, TN_COL_##type, vi, en, adds},
#define TN_COL_INDEX(p, id, type, vi, en, adds) p##_##id,
#define TN_COLUMNS(p, LIST)                                                                        \
    enum { LIST(TN_COL_INDEX, p) p##_NCOLS };                                                      \
    static const struct tn_col p##_cols[] = {LIST(TN_COL_ENTRY, p)}

#endif
