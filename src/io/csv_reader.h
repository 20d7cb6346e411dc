/*
 * csv_reader.h - streaming RFC 4180 reader over libcsv, matching columns by header name
 * (data-formats.md "Common rules for every CSV").
 *
 * Invariants: a leading UTF-8 BOM is dropped; CRLF and LF both end a record; blank lines are
 * skipped; spaces around an unquoted cell are dropped (libcsv's default). Every cell is checked
 * as UTF-8 and normalized to NFC (ICU; pure-ASCII cells skip ICU). Each record knows the
 * 1-based line it starts on. Cells are borrowed until the next call to tn_csv_next(). A
 * malformed record (bad quoting, wrong number of fields, invalid UTF-8, a NUL byte, a cell over
 * 1 MiB) is reported and skipped; the reader goes on with the next one, so that a caller can
 * list every bad record of a file. Memory is bounded per record: a record keeps at most one
 * field more than the header (1,024 for the header), so a line of only commas is one
 * malformed record ("too many fields"), not a span per byte.
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

/* Called by tn_csv_open_report() once per problem of the header: col is the index in cols of
 * a duplicated or missing column, or -1 for an unknown one; name is the column's name (for an
 * unknown column borrowed from the reader for the duration of the call only); problem is
 * "unknown column", "duplicated column" or "missing required column". */
typedef void (*tn_csv_header_cb)(void *ctx, int col, const char *name, const char *problem);

/* Opens path and reads its header, mapping the n columns of cols (borrowed for the reader's
 * life) to positions. A missing required column, an unknown column or a duplicated one rejects
 * the file: each problem goes to bad_column (may be NULL), then TN_ERR_PARSE with msg saying
 * "FILE:1:NAME: problem", one line per problem. An empty file or a malformed header is also
 * TN_ERR_PARSE (bad_column not called). Errors: TN_ERR_IO if the file cannot be read. On
 * success *out is the caller's (tn_csv_free). */
tn_err tn_csv_open_report(const char *path, const struct tn_csv_column *cols, size_t n,
                          tn_csv_header_cb bad_column, void *ctx, struct tn_csv_reader **out,
                          char *msg, size_t msgsz);

/* As tn_csv_open_report() on the open stream f, which the reader owns from then on (closed by
 * tn_csv_free, or here on failure); path names it in messages (an upload, a row given on the
 * command line). */
tn_err tn_csv_open_stream(FILE *f, const char *path, const struct tn_csv_column *cols, size_t n,
                          tn_csv_header_cb bad_column, void *ctx, struct tn_csv_reader **out,
                          char *msg, size_t msgsz);

/* As tn_csv_open_report() without the callback. */
tn_err tn_csv_open(const char *path, const struct tn_csv_column *cols, size_t n,
                   struct tn_csv_reader **out, char *msg, size_t msgsz);

/* As tn_csv_open() on the file named file in the directory dir (a policy file), its path
 * "dir/file" written to path (pathsz bytes, for the caller's messages). Errors also: TN_ERR_IO
 * with msg "FILE: policy directory name too long" when the path does not fit. */
tn_err tn_csv_open_in(const char *dir, const char *file, char *path, size_t pathsz,
                      const struct tn_csv_column *cols, size_t n, struct tn_csv_reader **out,
                      char *msg, size_t msgsz);

/* Parses a policy cell of months with one decimal at most, 1 to 4 digits before it ("3",
 * "3.0", "12.5") into tenths of a month (30, 30, 125). Returns 0, or -1 (*out untouched) on
 * anything else: a sign, spaces, an empty cell, two decimals, five digits. */
int tn_csv_tenths(const char *s, int *out);

/* Reads the next record. Returns TN_OK with *cells set to an array of n cells (in the order
 * of cols; an absent optional column or an empty cell is "") and *line to its first line;
 * TN_ERR_NOT_FOUND at the end of the file; TN_ERR_PARSE for a record that cannot be used
 * (*line set, msg says why, tn_csv_error_column() says which cell; the next call goes on with
 * the next record); TN_ERR_IO when the file cannot be read further. */
tn_err tn_csv_next(struct tn_csv_reader *r, const char *const **cells, long *line, char *msg,
                   size_t msgsz);

/* After tn_csv_next() returned TN_ERR_PARSE: the index in cols of the cell at fault (invalid
 * UTF-8, a NUL byte), or -1 when the fault is the whole record's (quoting, field count). */
int tn_csv_error_column(const struct tn_csv_reader *r);

/* Closes and frees r; NULL does nothing. */
void tn_csv_free(struct tn_csv_reader *r);

/* Normalizes the UTF-8 string s (len bytes) to NFC into a malloc'd string (*out, free()).
 * Errors: TN_ERR_PARSE if s is not valid UTF-8. */
tn_err tn_utf8_nfc(const char *s, size_t len, char **out);

#endif
