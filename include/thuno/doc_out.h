/*
 * doc_out.h - writing a filled case document (doc.h): as text (the golden form of the tests,
 * and what staff can paste) and as an A4 portrait PDF in the layout of an administrative
 * letter (doc_pdf.c).
 */
#ifndef THUNO_DOC_OUT_H
#define THUNO_DOC_OUT_H

#include <stdio.h>

#include "thuno/doc.h"

/* Writes d as text to f: the header block, then one line per document line, amounts grouped
 * and right-aligned. Errors: TN_ERR_IO. */
tn_err tn_doc_write_text(FILE *f, const struct tn_doc *d);

/* Writes d as a PDF to f; created ("YYYY-MM-DDTHH:MM:SS") is the PDF's creation date, so the
 * same case gives the same file. Errors: TN_ERR_IO. */
tn_err tn_doc_write_pdf(FILE *f, const struct tn_doc *d, const char *created);

#endif
