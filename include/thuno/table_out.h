/*
 * table_out.h - writing a report's rows as CSV (RFC 4180, the header first), JSON (an array
 * of objects), XLSX (typed numbers, frozen header, widths, a sum row of the columns that add
 * up) or PDF (A4, office
 * header, page numbers, Vietnamese text through Pango), with the same columns in every format
 * (data-formats.md "Outputs").
 */
#ifndef THUNO_TABLE_OUT_H
#define THUNO_TABLE_OUT_H

#include <stdint.h>
#include <stdio.h>

#include "thuno/err.h"
#include "thuno/table.h"

enum tn_out_format { TN_OUT_CSV, TN_OUT_JSON, TN_OUT_XLSX, TN_OUT_PDF };

/* What a document format prints above the table. Strings are borrowed for the table's life. */
struct tn_table_meta {
    const char *title;    /* e.g. "Số dư nợ theo đơn vị / Balances" */
    const char *subtitle; /* e.g. "Kỳ 2025-11, số liệu đến 2025-12-01" */
    const char *created;  /* "YYYY-MM-DDTHH:MM:SS" stamped in XLSX/PDF metadata (pinned, so
                             the same data gives the same file) */
    int no_sum;           /* XLSX: no sum row (the rows overlap or carry their own total) */
    enum tn_lang lang;    /* XLSX/PDF: column labels and enumerated values (vocab.h) in
                             Vietnamese (the default) or English; CSV/JSON keep the ids */
    const char *issuer;   /* XLSX/PDF header: "AGENCY — OFFICE" from the office settings
                             (docs/letters.md); NULL: the agency alone */
};

struct tn__doc; /* XLSX or PDF state (table_out_int.h) */

struct tn_table_out {
    FILE *f;
    enum tn_out_format format;
    const struct tn_col *cols;
    size_t ncols;
    long long rows;
    int sections; /* tn_table_section() calls so far */
    struct tn_table_meta meta;
    struct tn__doc *doc;
    struct tn_col **owned; /* columns made from names (tn_table_*_names), freed at the end */
    size_t nowned;
};

/* Errors: TN_ERR_PARSE unless name is "csv", "json", "xlsx" or "pdf". */
tn_err tn_out_format_parse(const char *name, enum tn_out_format *out);

/* Starts a table written to f (borrowed; binary formats are written to it at the end) with
 * ncols columns (borrowed for the table's life; their ids are the header, their adds flag
 * says which figures are grouped and summed). meta may be NULL for CSV and JSON.
 * Errors: TN_ERR_IO. */
tn_err tn_table_begin(struct tn_table_out *t, FILE *f, enum tn_out_format format,
                      const struct tn_table_meta *meta, const struct tn_col *cols, size_t ncols);
/* Writes one row of t->ncols cells. Errors: TN_ERR_IO when the stream fails. */
tn_err tn_table_row(struct tn_table_out *t, const struct tn_cell *cells);
/* Starts a section of a pack: the rows that follow have the ncols columns cols (borrowed for
 * the table's life), under heading (borrowed too). PDF: the sections flow one after another,
 * each with its heading and header row. CSV: a blank line before every section but the
 * first, then the heading alone on a line, then the section's header row. A pack opens with
 * tn_table_begin(..., NULL, 0) and writes no row before its first section. Errors:
 * TN_ERR_STATE for JSON and XLSX; TN_ERR_IO. */
tn_err tn_table_section(struct tn_table_out *t, const char *heading, const struct tn_col *cols,
                        size_t ncols);
/* A sink (table.h) writing rows and sections into t. */
struct tn_sink tn_table_sink(struct tn_table_out *t);

/* Fills cols[0..n) from the NULL-terminated names: text columns labelled by their name, adding
 * up by the naming rule of docs/formats.md (whole-number columns named *_code, *_pct, years,
 * days, months... do not). For tables not yet in the application layer's registry. */
void tn_table_cols_from_names(const char *const *names, struct tn_col *cols, size_t n);

/* tn_table_begin and tn_table_section for columns given as NULL-terminated names
 * (tn_table_cols_from_names); the columns are owned by t until tn_table_end. For tables not
 * yet in the application layer's registry. Errors: as tn_table_begin, tn_table_section. */
tn_err tn_table_begin_names(struct tn_table_out *t, FILE *f, enum tn_out_format format,
                            const struct tn_table_meta *meta, const char *const *names);
tn_err tn_table_section_names(struct tn_table_out *t, const char *heading,
                              const char *const *names);

/* The header a document (XLSX, PDF) prints for col: its Vietnamese label, or its English
 * label with TN_LANG_EN; the id when the label is missing. Borrowed from col. */
const char *tn_table_col_label(const struct tn_col *col, enum tn_lang lang);

/* The text a document shows for a text cell s of column col (col may be NULL): the
 * vocabulary's word for an enumerated value (vocab.h); for a list "a;b" or a "key:value"
 * whose every token is in the vocabulary, the words ("w1; w2", "key word: value word")
 * written into buf of n bytes; else s itself. Returns s, buf or a static word. CSV and JSON
 * write s. */
const char *tn_table_value_label(const struct tn_col *col, const char *s, enum tn_lang lang,
                                 char *buf, size_t n);

/* Whether a whole-number column named id adds up by the naming rule of docs/formats.md. */
int tn_table_name_adds(const char *id);

/* Finishes the table (the JSON array's end, the XLSX or PDF document) and frees what it
 * holds; call it once whatever happened before. Errors: TN_ERR_IO. */
tn_err tn_table_end(struct tn_table_out *t);

#endif
