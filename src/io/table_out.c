/*
 * table_out.c - CSV and JSON writers for report tables (see table_out.h). JSON strings are
 * escaped by jansson; numbers stay integers (money never passes through a double).
 */
#include "io/table_out.h"

#include <inttypes.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

tn_err tn_out_format_parse(const char *name, enum tn_out_format *out)
{
    if (strcmp(name, "csv") == 0)
        *out = TN_OUT_CSV;
    else if (strcmp(name, "json") == 0)
        *out = TN_OUT_JSON;
    else
        return TN_ERR_PARSE;
    return TN_OK;
}

static void csv_text(FILE *f, const char *s)
{
    if (strpbrk(s, ",\"\r\n") == NULL) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

/* Writes s as a JSON string; text that is not valid UTF-8 is written as "". */
static void json_text(FILE *f, const char *s)
{
    json_t *j = json_string(s ? s : "");
    char *v = j ? json_dumps(j, JSON_ENCODE_ANY) : NULL;
    fputs(v ? v : "\"\"", f);
    free(v);
    json_decref(j);
}

static void tenths(FILE *f, int64_t t)
{
    int64_t mag = t < 0 ? -t : t;
    fprintf(f, "%s%" PRId64 ".%" PRId64, t < 0 ? "-" : "", mag / 10, mag % 10);
}

tn_err tn_table_begin(struct tn_table_out *t, FILE *f, enum tn_out_format format,
                      const char *const *cols, size_t ncols)
{
    *t = (struct tn_table_out){.f = f, .format = format, .cols = cols, .ncols = ncols};
    if (format == TN_OUT_CSV) {
        for (size_t i = 0; i < ncols; i++) {
            if (i)
                fputc(',', f);
            csv_text(f, cols[i]);
        }
        fputc('\n', f);
    } else {
        fputc('[', f);
    }
    return ferror(f) ? TN_ERR_IO : TN_OK;
}

/* One cell in the table's format: only text and absence are written differently. */
static void cell(FILE *f, enum tn_out_format format, const struct tn_cell *c)
{
    switch (c->type) {
    case TN_CELL_NULL:
        if (format == TN_OUT_JSON)
            fputs("null", f);
        break;
    case TN_CELL_TEXT:
        if (format == TN_OUT_JSON)
            json_text(f, c->text);
        else
            csv_text(f, c->text ? c->text : "");
        break;
    case TN_CELL_INT:
        fprintf(f, "%" PRId64, c->num);
        break;
    case TN_CELL_TENTHS:
        tenths(f, c->num);
        break;
    }
}

tn_err tn_table_row(struct tn_table_out *t, const struct tn_cell *cells)
{
    FILE *f = t->f;
    int json = t->format == TN_OUT_JSON;
    if (json)
        fputs(t->rows ? ",\n{" : "\n{", f);
    for (size_t i = 0; i < t->ncols; i++) {
        if (i)
            fputc(',', f);
        if (json) {
            json_text(f, t->cols[i]);
            fputc(':', f);
        }
        cell(f, t->format, &cells[i]);
    }
    fputs(json ? "}" : "\n", f);
    t->rows++;
    return ferror(f) ? TN_ERR_IO : TN_OK;
}

tn_err tn_table_end(struct tn_table_out *t)
{
    if (t->format == TN_OUT_JSON)
        fputs(t->rows ? "\n]\n" : "]\n", t->f);
    return ferror(t->f) || fflush(t->f) ? TN_ERR_IO : TN_OK;
}
