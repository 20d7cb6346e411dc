/*
 * csv_reader.c - header-matched, NFC-normalizing CSV reading on top of libcsv (see
 * csv_reader.h). The file is fed to libcsv in 1 MiB chunks; completed records queue up and
 * are handed out one at a time, so memory stays O(chunk + longest record).
 */
#include "io/csv_reader.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "thuno/mem.h"

#define CHUNK (1 << 20)

struct field {
    char *text;
    size_t len, cap;
};

struct record {
    struct field *fields;
    size_t nfields, capfields;
    long line;
};

struct tn_csv_reader {
    FILE *f;
    const char *path;
    struct csv_parser parser;
    char *buf;
    int eof;
    /* record being assembled by libcsv callbacks */
    struct field *cur;
    size_t ncur, capcur;
    long seg_line;  /* line being fed to the parser */
    long rec_start; /* line where the record being assembled started */
    int at_line_start, bom_checked;
    /* finished records waiting to be read */
    struct record *queue;
    size_t nqueue, capqueue, head;
    /* header mapping: position in file of each expected column, or -1 */
    const struct tn_csv_column *cols;
    size_t ncols;
    int *pos;
    size_t nheader;
    const char **out;
    char **owned; /* NFC copies handed out for the current record */
    size_t nowned, capowned;
};

static void on_field(void *data, size_t len, void *ctx)
{
    struct tn_csv_reader *r = ctx;
    TN_GROW_ZERO(r->cur, r->capcur, r->ncur + 1);
    struct field *f = &r->cur[r->ncur++];
    if (f->cap < len + 1) {
        f->text = tn_xrealloc(f->text, len + 1, 1);
        f->cap = len + 1;
    }
    if (len)
        memcpy(f->text, data, len);
    f->text[len] = '\0';
    f->len = len;
}

static void on_record(int term, void *ctx)
{
    struct tn_csv_reader *r = ctx;
    (void)term;
    TN_GROW_ZERO(r->queue, r->capqueue, r->nqueue + 1);
    struct record *rec = &r->queue[r->nqueue++];
    /* swap the assembled fields into the queue slot, keeping both buffers for reuse */
    struct field *fields = rec->fields;
    size_t cap = rec->capfields;
    rec->fields = r->cur;
    rec->capfields = r->capcur;
    rec->nfields = r->ncur;
    rec->line = r->rec_start;
    r->cur = fields;
    r->capcur = cap;
    r->ncur = 0;
}

/* libcsv reports records, not positions: the input is fed one line at a time, and a record
 * starts on the line being fed when the parser is between rows at that line's start. */
static tn_err fill(struct tn_csv_reader *r)
{
    while (r->head >= r->nqueue && !r->eof) {
        r->head = r->nqueue = 0;
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
            if (r->at_line_start && r->parser.pstate == 0)
                r->rec_start = r->seg_line;
            char *nl = memchr(p + i, '\n', n - i);
            size_t len = nl ? (size_t)(nl - (p + i)) + 1 : n - i;
            if (csv_parse(&r->parser, p + i, len, on_field, on_record, r) != len)
                return TN_ERR_PARSE;
            r->at_line_start = nl != NULL;
            r->seg_line += nl != NULL;
            i += len;
        }
        if (feof(r->f)) {
            r->eof = 1;
            if (csv_fini(&r->parser, on_field, on_record, r) != 0)
                return TN_ERR_PARSE;
        }
    }
    return TN_OK;
}

tn_err tn_utf8_nfc(const char *s, size_t len, char **out)
{
    UErrorCode e = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&e);
    if (U_FAILURE(e))
        return TN_ERR_PARSE;
    int32_t ulen = 0;
    u_strFromUTF8(NULL, 0, &ulen, s, (int32_t)len, &e);
    if (e != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(e))
        return TN_ERR_PARSE;
    e = U_ZERO_ERROR;
    UChar *u = tn_xcalloc((size_t)ulen + 1, sizeof *u);
    u_strFromUTF8(u, ulen + 1, NULL, s, (int32_t)len, &e);
    if (U_FAILURE(e)) {
        free(u);
        return TN_ERR_PARSE;
    }
    /* NFC is never more than 3x the input in UTF-16 units */
    int32_t cap = ulen * 3 + 1;
    UChar *n = tn_xcalloc((size_t)cap, sizeof *n);
    int32_t nlen = unorm2_normalize(nfc, u, ulen, n, cap, &e);
    free(u);
    if (U_FAILURE(e)) {
        free(n);
        return TN_ERR_PARSE;
    }
    int32_t blen = 0;
    u_strToUTF8(NULL, 0, &blen, n, nlen, &e);
    e = U_ZERO_ERROR;
    char *b = tn_xmalloc((size_t)blen + 1);
    u_strToUTF8(b, blen + 1, NULL, n, nlen, &e);
    free(n);
    if (U_FAILURE(e)) {
        free(b);
        return TN_ERR_PARSE;
    }
    b[blen] = '\0';
    *out = b;
    return TN_OK;
}

static int is_ascii(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80)
            return 0;
    return 1;
}

tn_err tn_csv_open(const char *path, const struct tn_csv_column *cols, size_t n,
                   struct tn_csv_reader **out, char *msg, size_t msgsz)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(msg, msgsz, "%s: cannot open", path);
        return TN_ERR_IO;
    }
    struct tn_csv_reader *r = tn_xcalloc(1, sizeof *r);
    r->f = f;
    r->path = path;
    r->seg_line = r->rec_start = 1;
    r->at_line_start = 1;
    r->cols = cols;
    r->ncols = n;
    r->buf = tn_xmalloc(CHUNK);
    r->pos = tn_xmalloc(n * sizeof *r->pos);
    r->out = tn_xcalloc(n, sizeof *r->out);
    csv_init(&r->parser, CSV_STRICT | CSV_STRICT_FINI);
    tn_err err = fill(r);
    if (err || r->head >= r->nqueue) {
        snprintf(msg, msgsz, "%s:1: %s", path, err ? "unreadable" : "empty file: no header");
        tn_csv_free(r);
        return err ? err : TN_ERR_PARSE;
    }
    struct record *h = &r->queue[r->head++];
    r->nheader = h->nfields;
    for (size_t c = 0; c < n; c++)
        r->pos[c] = -1;
    size_t o = 0;
    msg[0] = '\0';
    for (size_t i = 0; i < h->nfields; i++) {
        const char *name = h->fields[i].text;
        size_t c = 0;
        while (c < n && strcmp(cols[c].name, name) != 0)
            c++;
        if (c == n) {
            o += (size_t)snprintf(msg + o, o < msgsz ? msgsz - o : 0, "%s%s:1:%s: unknown column",
                                  o ? "\n" : "", path, name);
        } else if (r->pos[c] >= 0) {
            o += (size_t)snprintf(msg + o, o < msgsz ? msgsz - o : 0,
                                  "%s%s:1:%s: duplicated column", o ? "\n" : "", path, name);
        } else {
            r->pos[c] = (int)i;
        }
    }
    for (size_t c = 0; c < n; c++)
        if (cols[c].required && r->pos[c] < 0)
            o += (size_t)snprintf(msg + o, o < msgsz ? msgsz - o : 0,
                                  "%s%s:1:%s: missing required column", o ? "\n" : "", path,
                                  cols[c].name);
    if (o) {
        tn_csv_free(r);
        return TN_ERR_PARSE;
    }
    *out = r;
    return TN_OK;
}

static void drop_owned(struct tn_csv_reader *r)
{
    for (size_t i = 0; i < r->nowned; i++)
        free(r->owned[i]);
    r->nowned = 0;
}

tn_err tn_csv_next(struct tn_csv_reader *r, const char *const **cells, long *line, char *msg,
                   size_t msgsz)
{
    drop_owned(r);
    tn_err err = fill(r);
    if (err) {
        snprintf(msg, msgsz, "malformed CSV (an unterminated quote?)");
        return err;
    }
    if (r->head >= r->nqueue)
        return TN_ERR_NOT_FOUND;
    struct record *rec = &r->queue[r->head++];
    *line = rec->line;
    if (rec->nfields == 1 && rec->fields[0].len == 0)
        return tn_csv_next(r, cells, line, msg, msgsz); /* blank line */
    if (rec->nfields != r->nheader) {
        snprintf(msg, msgsz, "has %zu fields, expected %zu as in the header", rec->nfields,
                 r->nheader);
        return TN_ERR_PARSE;
    }
    for (size_t c = 0; c < r->ncols; c++) {
        if (r->pos[c] < 0) {
            r->out[c] = "";
            continue;
        }
        struct field *f = &rec->fields[r->pos[c]];
        if (is_ascii(f->text, f->len)) {
            r->out[c] = f->text;
            continue;
        }
        char *nfc;
        if (tn_utf8_nfc(f->text, f->len, &nfc)) {
            snprintf(msg, msgsz, "%s: not valid UTF-8", r->cols[c].name);
            return TN_ERR_PARSE;
        }
        TN_GROW(r->owned, r->capowned, r->nowned + 1);
        r->owned[r->nowned++] = nfc;
        r->out[c] = nfc;
    }
    *cells = r->out;
    return TN_OK;
}

void tn_csv_free(struct tn_csv_reader *r)
{
    if (!r)
        return;
    drop_owned(r);
    free(r->owned);
    csv_free(&r->parser);
    if (r->f)
        fclose(r->f);
    for (size_t i = 0; i < r->capcur; i++)
        free(r->cur[i].text);
    free(r->cur);
    for (size_t q = 0; q < r->capqueue; q++) {
        for (size_t i = 0; i < r->queue[q].capfields; i++)
            free(r->queue[q].fields[i].text);
        free(r->queue[q].fields);
    }
    free(r->queue);
    free(r->buf);
    free(r->pos);
    free(r->out);
    free(r);
}
