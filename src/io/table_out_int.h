/*
 * table_out_int.h - the document formats behind table_out.c: XLSX (report_xlsx.c) and PDF
 * (report_pdf.c). Each keeps its state in struct tn__doc and writes the finished file to the
 * table's stream at the end.
 */
#ifndef THUNO_IO_TABLE_OUT_INT_H
#define THUNO_IO_TABLE_OUT_INT_H

#include "thuno/table_out.h"

/* Errors: TN_ERR_IO. On failure t->doc is NULL. */
tn_err tn__xlsx_begin(struct tn_table_out *t);
tn_err tn__xlsx_row(struct tn_table_out *t, const struct tn_cell *cells);
tn_err tn__xlsx_end(struct tn_table_out *t);

tn_err tn__pdf_begin(struct tn_table_out *t);
tn_err tn__pdf_section(struct tn_table_out *t, const char *heading); /* t->cols set */
tn_err tn__pdf_row(struct tn_table_out *t, const struct tn_cell *cells);
tn_err tn__pdf_end(struct tn_table_out *t);

/* Copies the file at path to f and removes it. Errors: TN_ERR_IO. */
tn_err tn__copy_out(const char *path, FILE *f);

/* Whether a whole-number column named col adds up (money, counts): its figures are grouped
 * and XLSX sums it. Not: years, ranks, numbers of clauses or documents, codes, percentages,
 * ratios, rates, wages and bases, days, months and years of age (docs/formats.md has the
 * list of names). */
#define tn__col_additive tn_table_name_adds

/* Formats a cell of column col as a document shows it: whole numbers of an additive column
 * grouped with dots ("1.234.567"), others plain ("2025"), tenths with a comma ("2,5"), text
 * as the vocabulary shows it in lang (tn_table_value_label); "" for NULL. */
void tn__cell_display(const struct tn_cell *c, const struct tn_col *col, enum tn_lang lang,
                      char *buf, size_t n);

#endif
