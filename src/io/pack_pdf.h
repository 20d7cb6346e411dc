/*
 * pack_pdf.h - one A4 PDF of several tables, each a section with its own heading and columns
 * (the monthly report to the People's Committee, docs/inspections.md): the office header,
 * the document's title and subtitle on every page, each section's column header repeated on
 * the pages it runs over, numbers right-aligned and grouped with dots, "Trang X/Y" at the
 * foot. Rows are kept until the end, when widths are measured and the pages counted; the
 * PDF's creation date is meta's `created`, so the same data gives the same file.
 */
#ifndef THUNO_IO_PACK_PDF_H
#define THUNO_IO_PACK_PDF_H

#include <stdio.h>

#include "io/table_out.h"

struct tn_pack_section;

struct tn_pack {
    FILE *f;                   /* borrowed; written at tn_pack_end() */
    struct tn_table_meta meta; /* strings borrowed for the pack's life */
    struct tn_pack_section *sections;
    size_t nsections, capsections;
};

/* Starts a document written to f. */
void tn_pack_begin(struct tn_pack *p, FILE *f, const struct tn_table_meta *meta);

/* Starts a section titled title with ncols columns (both borrowed for the pack's life); the
 * rows that follow belong to it. */
void tn_pack_section(struct tn_pack *p, const char *title, const char *const *cols, size_t ncols);

/* Adds a row of the current section's ncols cells (copied). A section must have been
 * started. Errors: none but TN_OK; the signature matches tn_table_row(). */
tn_err tn_pack_row(struct tn_pack *p, const struct tn_cell *cells);

/* Lays out and writes the PDF, then frees what p holds; call it once whatever happened
 * before. Errors: TN_ERR_IO. */
tn_err tn_pack_end(struct tn_pack *p);

#endif
