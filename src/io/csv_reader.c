/*
 * csv_reader.c - header-matched, NFC-normalizing CSV reading on top of libcsv (see
 * csv_reader.h).
 *
 * The file is read in 1 MiB chunks and fed to libcsv one line at a time, so that each record
 * knows the line it starts on (a record starts on the line being fed when the parser is
 * between rows at that line's start). The fields of the records completed in a chunk are
 * appended to one text buffer and queued; they are handed out one record at a time and the
 * buffers are reused for the next chunk, so memory stays O(chunk + longest record) and there
 * is no allocation per row once the buffers have grown. Cells that are pure ASCII (the hot
 * path) are handed out as they are; the others go through ICU (UTF-8 -> UTF-16, NFC check,
 * normalization only when needed) into a buffer reused from record to record.
 */
#include "io/csv_reader.h"

#include <csv.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "thuno/mem.h"

#define CHUNK     (1 << 20)
#define MAX_CELL  (1 << 20) /* a longer cell is an unterminated quote, not data */
#define CSV_OPTS  (CSV_STRICT | CSV_STRICT_FINI)
#define ROW_START 0 /* libcsv's pstate between rows (ROW_NOT_BEGUN in libcsv.c) */
#define NO_NORM   SIZE_MAX

struct span {
    size_t off, len; /* in text */
};

struct record {
    size_t first, nfields; /* spans[first .. first + nfields) */
    long line;
    const char *malformed; /* NULL, or why the record cannot be used */
};

struct tn_csv_reader {
    FILE *f;
    struct csv_parser parser;
    char *buf;
    int eof, bom_checked, at_line_start;
    long seg_line;  /* line being fed to the parser */
    long rec_start; /* line where the record being assembled started */
    /* the fields of the queued records and of the one being assembled, NUL-terminated */
    char *text;
    size_t ntext, captext;
    struct span *spans;
    size_t nspans, capspans;
    size_t rec_first, rec_text; /* first span and text byte of the record being assembled */
    struct record *recs;
    size_t nrecs, caprecs, head;
    /* header mapping: position in the file of each expected column, or -1 */
    const struct tn_csv_column *cols;
    size_t ncols, nheader;
    int *pos;
    const char **out;
    int errcol;
    /* NFC output of the record being handed out */
    const UNormalizer2 *nfc;
    char *norm;
    size_t nnorm, capnorm;
    size_t *normoff;
    UChar *u16, *u16n;
    size_t capu16, capu16n;
    int overfull; /* the record being assembled has more fields than it may keep */
};

/* The most fields a record keeps: one more than the header (so that the count is still known
 * to be wrong), or MAX_HEADER for the header itself. A line of only commas would otherwise cost
 * a span per byte; the fields beyond are dropped and the record is malformed. */
#define MAX_HEADER 1024
static size_t field_cap(const struct tn_csv_reader *r)
{
    return r->nheader ? r->nheader + 1 : MAX_HEADER;
}

static void on_field(void *data, size_t len, void *ctx)
{
    struct tn_csv_reader *r = ctx;
    if (r->nspans - r->rec_first >= field_cap(r)) {
        r->overfull = 1;
        return;
    }
    TN_GROW(r->text, r->captext, r->ntext + len + 1);
    TN_GROW(r->spans, r->capspans, r->nspans + 1);
    if (len)
        memcpy(r->text + r->ntext, data, len);
    r->text[r->ntext + len] = '\0';
    r->spans[r->nspans++] = (struct span){r->ntext, len};
    r->ntext += len + 1;
}

static void push_record(struct tn_csv_reader *r, const char *malformed)
{
    TN_GROW(r->recs, r->caprecs, r->nrecs + 1);
    r->recs[r->nrecs++] =
        (struct record){r->rec_first, r->nspans - r->rec_first, r->rec_start, malformed};
    r->rec_first = r->nspans;
    r->rec_text = r->ntext;
}

static void on_record(int term, void *ctx)
{
    (void)term;
    struct tn_csv_reader *r = ctx;
    push_record(r, r->overfull ? "too many fields: more than the header has" : NULL);
    r->overfull = 0;
}

/* Drops the record being assembled, queues it as malformed and restarts the parser. */
static void malformed(struct tn_csv_reader *r, const char *why)
{
    r->nspans = r->rec_first;
    r->ntext = r->rec_text;
    r->overfull = 0;
    push_record(r, why);
    csv_free(&r->parser);
    csv_init(&r->parser, CSV_OPTS);
}

/* Keeps only the record being assembled (its completed fields) for the next chunk. */
static void reset_queue(struct tn_csv_reader *r)
{
    size_t nsp = r->nspans - r->rec_first, ntx = r->ntext - r->rec_text;
    if (nsp)
        memmove(r->spans, r->spans + r->rec_first, nsp * sizeof *r->spans);
    for (size_t i = 0; i < nsp; i++)
        r->spans[i].off -= r->rec_text;
    if (ntx)
        memmove(r->text, r->text + r->rec_text, ntx);
    r->nspans = nsp;
    r->ntext = ntx;
    r->rec_first = r->rec_text = 0;
    r->nrecs = r->head = 0;
}

static tn_err fill(struct tn_csv_reader *r)
{
    while (r->head >= r->nrecs && !r->eof) {
        reset_queue(r);
        size_t n = fread(r->buf, 1, CHUNK, r->f);
        if (ferror(r->f))
            return TN_ERR_IO;
        char *p = r->buf;
        if (!r->bom_checked) {
            r->bom_checked = 1;
            if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
                p += 3;
                n -= 3;
            }
        }
        for (size_t i = 0; i < n;) {
            if (r->at_line_start && r->parser.pstate == ROW_START)
                r->rec_start = r->seg_line;
            char *nl = memchr(p + i, '\n', n - i);
            size_t len = nl ? (size_t)(nl - (p + i)) + 1 : n - i;
            if (csv_parse(&r->parser, p + i, len, on_field, on_record, r) != len)
                malformed(r, "malformed quoting: a quote inside an unquoted cell or text after "
                             "a closing quote");
            else if (r->parser.entry_pos > MAX_CELL)
                malformed(r, "a cell longer than 1 MiB (an unterminated quote?)");
            r->at_line_start = nl != NULL;
            r->seg_line += nl != NULL;
            i += len;
        }
        if (feof(r->f)) {
            r->eof = 1;
            if (csv_fini(&r->parser, on_field, on_record, r) != 0)
                malformed(r, "unterminated quote at the end of the file");
        }
    }
    return TN_OK;
}

tn_err tn_utf8_nfc(const char *s, size_t len, char **out)
{
    UErrorCode e = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&e);
    if (U_FAILURE(e) || len > INT32_MAX / 4)
        return TN_ERR_PARSE;
    int32_t ulen = 0;
    UChar *u = tn_xcalloc(len + 1, sizeof *u); /* UTF-16 units <= UTF-8 bytes */
    u_strFromUTF8(u, (int32_t)len + 1, &ulen, s, (int32_t)len, &e);
    /* NFC is never more than 3x the input in UTF-16 units */
    int32_t cap = ulen * 3 + 1;
    UChar *n = tn_xcalloc((size_t)cap, sizeof *n);
    int32_t nlen = U_FAILURE(e) ? 0 : unorm2_normalize(nfc, u, ulen, n, cap, &e);
    free(u);
    char *b = tn_xmalloc((size_t)nlen * 3 + 1);
    if (U_SUCCESS(e))
        u_strToUTF8(b, nlen * 3 + 1, NULL, n, nlen, &e);
    free(n);
    if (U_FAILURE(e)) {
        free(b);
        return TN_ERR_PARSE;
    }
    *out = b;
    return TN_OK;
}

/* Normalizes the non-ASCII cell s to NFC: *off is NO_NORM when s already is NFC, else the
 * offset of the result in r->norm. Errors: TN_ERR_PARSE if s is not valid UTF-8. */
static tn_err normalize(struct tn_csv_reader *r, const char *s, size_t len, size_t *off)
{
    UErrorCode e = U_ZERO_ERROR;
    int32_t ulen = 0;
    TN_GROW(r->u16, r->capu16, len + 1); /* UTF-16 units <= UTF-8 bytes */
    u_strFromUTF8(r->u16, (int32_t)r->capu16, &ulen, s, (int32_t)len, &e);
    if (U_FAILURE(e))
        return TN_ERR_PARSE;
    if (unorm2_isNormalized(r->nfc, r->u16, ulen, &e) && U_SUCCESS(e)) {
        *off = NO_NORM;
        return TN_OK;
    }
    int32_t nlen;
    for (;;) {
        e = U_ZERO_ERROR;
        nlen = unorm2_normalize(r->nfc, r->u16, ulen, r->u16n, (int32_t)r->capu16n, &e);
        if (e != U_BUFFER_OVERFLOW_ERROR)
            break;
        TN_GROW(r->u16n, r->capu16n, (size_t)nlen + 1);
    }
    if (U_FAILURE(e))
        return TN_ERR_PARSE;
    size_t need = (size_t)nlen * 3 + 1; /* a UTF-16 unit is at most 3 UTF-8 bytes */
    TN_GROW(r->norm, r->capnorm, r->nnorm + need);
    int32_t blen = 0;
    u_strToUTF8(r->norm + r->nnorm, (int32_t)need, &blen, r->u16n, nlen, &e);
    if (U_FAILURE(e))
        return TN_ERR_PARSE;
    r->norm[r->nnorm + (size_t)blen] = '\0';
    *off = r->nnorm;
    r->nnorm += (size_t)blen + 1;
    return TN_OK;
}

static void header_msg(char *msg, size_t msgsz, size_t *o, const char *path, const char *name,
                       const char *problem)
{
    *o += (size_t)snprintf(msg + *o, *o < msgsz ? msgsz - *o : 0, "%s%s:1:%s: %s", *o ? "\n" : "",
                           path, name, problem);
}

tn_err tn_csv_open_report(const char *path, const struct tn_csv_column *cols, size_t n,
                          tn_csv_header_cb bad_column, void *ctx, struct tn_csv_reader **out,
                          char *msg, size_t msgsz)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(msg, msgsz, "%s: cannot open: %s", path, strerror(errno));
        return TN_ERR_IO;
    }
    return tn_csv_open_stream(f, path, cols, n, bad_column, ctx, out, msg, msgsz);
}

tn_err tn_csv_open_stream(FILE *f, const char *path, const struct tn_csv_column *cols, size_t n,
                          tn_csv_header_cb bad_column, void *ctx, struct tn_csv_reader **out,
                          char *msg, size_t msgsz)
{
    UErrorCode e = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&e);
    if (U_FAILURE(e)) {
        fclose(f);
        snprintf(msg, msgsz, "%s: Unicode normalization unavailable: %s", path, u_errorName(e));
        return TN_ERR_IO;
    }
    struct tn_csv_reader *r = tn_xcalloc(1, sizeof *r);
    r->f = f;
    r->nfc = nfc;
    r->seg_line = r->rec_start = 1;
    r->at_line_start = 1;
    r->cols = cols;
    r->ncols = n;
    r->buf = tn_xmalloc(CHUNK);
    r->pos = tn_xmalloc(n * sizeof *r->pos);
    r->out = tn_xcalloc(n, sizeof *r->out);
    r->normoff = tn_xcalloc(n, sizeof *r->normoff);
    csv_init(&r->parser, CSV_OPTS);
    tn_err err = fill(r);
    if (err || r->head >= r->nrecs || r->recs[r->head].malformed) {
        snprintf(msg, msgsz, "%s:1: %s%s", path,
                 err                   ? "cannot read the file"
                 : r->head >= r->nrecs ? "empty file: no header"
                                       : "malformed header: ",
                 !err && r->head < r->nrecs ? r->recs[r->head].malformed : "");
        tn_csv_free(r);
        return err ? TN_ERR_IO : TN_ERR_PARSE;
    }
    struct record *h = &r->recs[r->head++];
    r->nheader = h->nfields;
    for (size_t c = 0; c < n; c++)
        r->pos[c] = -1;
    size_t o = 0;
    msg[0] = '\0';
    for (size_t i = 0; i < h->nfields; i++) {
        const char *name = r->text + r->spans[h->first + i].off;
        size_t c = 0;
        while (c < n && strcmp(cols[c].name, name) != 0)
            c++;
        const char *problem = c == n           ? "unknown column"
                              : r->pos[c] >= 0 ? "duplicated column"
                                               : NULL;
        if (!problem) {
            r->pos[c] = (int)i;
            continue;
        }
        header_msg(msg, msgsz, &o, path, name, problem);
        if (bad_column)
            bad_column(ctx, c == n ? -1 : (int)c, name, problem);
    }
    for (size_t c = 0; c < n; c++) {
        if (cols[c].required && r->pos[c] < 0) {
            header_msg(msg, msgsz, &o, path, cols[c].name, "missing required column");
            if (bad_column)
                bad_column(ctx, (int)c, cols[c].name, "missing required column");
        }
    }
    if (o) {
        tn_csv_free(r);
        return TN_ERR_PARSE;
    }
    *out = r;
    return TN_OK;
}

tn_err tn_csv_open(const char *path, const struct tn_csv_column *cols, size_t n,
                   struct tn_csv_reader **out, char *msg, size_t msgsz)
{
    return tn_csv_open_report(path, cols, n, NULL, NULL, out, msg, msgsz);
}

tn_err tn_csv_open_in(const char *dir, const char *file, char *path, size_t pathsz,
                      const struct tn_csv_column *cols, size_t n, struct tn_csv_reader **out,
                      char *msg, size_t msgsz)
{
    int len = snprintf(path, pathsz, "%s/%s", dir, file);
    if (len < 0 || (size_t)len >= pathsz) {
        snprintf(msg, msgsz, "%s: policy directory name too long", file);
        return TN_ERR_IO;
    }
    return tn_csv_open(path, cols, n, out, msg, msgsz);
}

int tn_csv_tenths(const char *s, int *out)
{
    const char *dot = strchr(s, '.');
    size_t n = dot ? (size_t)(dot - s) : strlen(s);
    if (n == 0 || n > 4 || strspn(s, "0123456789") != n ||
        (dot && (strlen(dot) != 2 || dot[1] < '0' || dot[1] > '9')))
        return -1;
    int whole = 0;
    for (size_t i = 0; i < n; i++)
        whole = whole * 10 + (s[i] - '0');
    *out = whole * 10 + (dot ? dot[1] - '0' : 0);
    return 0;
}

/* 0: pure ASCII; 1: has bytes >= 0x80; -1: has a NUL byte. */
static int scan(const char *s, size_t len)
{
    if (strlen(s) != len)
        return -1;
    unsigned char any = 0;
    for (size_t i = 0; i < len; i++)
        any |= (unsigned char)s[i];
    return any >= 0x80;
}

tn_err tn_csv_next(struct tn_csv_reader *r, const char *const **cells, long *line, char *msg,
                   size_t msgsz)
{
    r->errcol = -1;
    struct record *rec;
    for (;;) {
        if (fill(r)) {
            snprintf(msg, msgsz, "cannot read the file further");
            return TN_ERR_IO;
        }
        if (r->head >= r->nrecs)
            return TN_ERR_NOT_FOUND;
        rec = &r->recs[r->head++];
        /* a line holding only "" is as blank as an empty one */
        if (rec->malformed || rec->nfields != 1 || r->spans[rec->first].len != 0)
            break;
    }
    *line = rec->line;
    if (rec->malformed) {
        snprintf(msg, msgsz, "%s", rec->malformed);
        return TN_ERR_PARSE;
    }
    if (rec->nfields != r->nheader) {
        snprintf(msg, msgsz, "has %zu fields, expected %zu as in the header", rec->nfields,
                 r->nheader);
        return TN_ERR_PARSE;
    }
    r->nnorm = 0;
    for (size_t c = 0; c < r->ncols; c++) {
        r->normoff[c] = NO_NORM;
        if (r->pos[c] < 0) {
            r->out[c] = "";
            continue;
        }
        const struct span *sp = &r->spans[rec->first + (size_t)r->pos[c]];
        const char *t = r->text + sp->off;
        r->out[c] = t;
        int kind = scan(t, sp->len);
        if (kind == 0)
            continue;
        if (kind < 0 || normalize(r, t, sp->len, &r->normoff[c])) {
            r->errcol = (int)c;
            snprintf(msg, msgsz, "%s", kind < 0 ? "contains a NUL byte" : "not valid UTF-8 text");
            return TN_ERR_PARSE;
        }
    }
    for (size_t c = 0; c < r->ncols; c++)
        if (r->normoff[c] != NO_NORM)
            r->out[c] = r->norm + r->normoff[c]; /* r->norm is final only now */
    *cells = r->out;
    return TN_OK;
}

int tn_csv_error_column(const struct tn_csv_reader *r)
{
    return r->errcol;
}

void tn_csv_free(struct tn_csv_reader *r)
{
    if (!r)
        return;
    csv_free(&r->parser);
    if (r->f)
        fclose(r->f);
    free(r->buf);
    free(r->text);
    free(r->spans);
    free(r->recs);
    free(r->pos);
    free(r->out);
    free(r->normoff);
    free(r->norm);
    free(r->u16);
    free(r->u16n);
    free(r);
}
