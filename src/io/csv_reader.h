/*
 * csv_reader.h - streaming RFC 4180 reader over libcsv, matching columns by header name
 * (data-formats.md "Common rules for every CSV").
 *
 * Invariants: a leading UTF-8 BOM is dropped; CRLF and LF both end a record; every cell is
 * checked as UTF-8 and normalized to NFC (ICU; pure-ASCII cells skip ICU). Each record knows
 * the 1-based line it starts on. Cells are borrowed until the next call to tn_csv_next().
 */
#ifndef THUNO_IO_CSV_READER_H
#define THUNO_IO_CSV_READER_H

#include <stddef.h>
#include <stdio.h>

#include "thuno/err.h"

/* One column the caller expects: name and whether it is required. */
struct tn_csv_column {
    const char *name;
    int required;
};

struct tn_csv_reader;

/* Opens path and reads its header, mapping the n columns of cols to positions. A missing
 * required column, an unknown column or a duplicated one rejects the file: TN_ERR_PARSE with
 * msg saying which ("FILE:1: ..."). Errors: TN_ERR_IO if the file cannot be read. On success
 * *out is the caller's (tn_csv_free). */
tn_err tn_csv_open(const char *path, const struct tn_csv_column *cols, size_t n,
                   struct tn_csv_reader **out, char *msg, size_t msgsz);

/* Reads the next record. Returns TN_OK with *cells set to an array of n cells (in the order
 * of cols; an absent optional column or an empty cell is "") and *line to its first line;
 * TN_ERR_NOT_FOUND at the end of the file; TN_ERR_PARSE for a record that cannot be used
 * (wrong number of fields, invalid UTF-8: msg says why, the reader goes on with the next
 * record); TN_ERR_IO. */
tn_err tn_csv_next(struct tn_csv_reader *r, const char *const **cells, long *line, char *msg,
                   size_t msgsz);

/* Closes and frees r; NULL does nothing. */
void tn_csv_free(struct tn_csv_reader *r);

/* Normalizes the UTF-8 string s to NFC into a malloc'd string (*out, free()). Errors:
 * TN_ERR_PARSE if s is not valid UTF-8. */
tn_err tn_utf8_nfc(const char *s, size_t len, char **out);

#endif
