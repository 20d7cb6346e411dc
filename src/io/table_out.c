/*
 * table_out.c - CSV and JSON writers for report tables (see table_out.h). JSON strings are
 * escaped by jansson; numbers stay integers (money never passes through a double).
 */
#include "io/table_out_int.h"

#include <inttypes.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/money.h"

tn_err tn_out_format_parse(const char *name, enum tn_out_format *out)
{
    if (strcmp(name, "csv") == 0)
        *out = TN_OUT_CSV;
    else if (strcmp(name, "json") == 0)
        *out = TN_OUT_JSON;
    else if (strcmp(name, "xlsx") == 0)
        *out = TN_OUT_XLSX;
    else if (strcmp(name, "pdf") == 0)
        *out = TN_OUT_PDF;
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
                      const struct tn_table_meta *meta, const char *const *cols, size_t ncols)
{
    *t = (struct tn_table_out){.f = f, .format = format, .cols = cols, .ncols = ncols};
    if (meta)
        t->meta = *meta;
    if (!t->meta.title)
        t->meta.title = "";
    if (!t->meta.subtitle)
        t->meta.subtitle = "";
    if (!t->meta.created)
        t->meta.created = "2000-01-01T00:00:00";
    if (format == TN_OUT_XLSX)
        return tn__xlsx_begin(t);
    if (format == TN_OUT_PDF)
        return tn__pdf_begin(t);
    if (format == TN_OUT_CSV && ncols) {
        for (size_t i = 0; i < ncols; i++) {
            if (i)
                fputc(',', f);
            csv_text(f, cols[i]);
        }
        fputc('\n', f);
    } else if (format == TN_OUT_JSON) {
        fputc('[', f);
    }
    return ferror(f) ? TN_ERR_IO : TN_OK;
}

tn_err tn_table_section(struct tn_table_out *t, const char *heading, const char *const *cols,
                        size_t ncols)
{
    if (t->format != TN_OUT_CSV && t->format != TN_OUT_PDF)
        return TN_ERR_STATE;
    t->cols = cols;
    t->ncols = ncols;
    if (t->format == TN_OUT_PDF)
        return tn__pdf_section(t, heading);
    if (t->sections++)
        fputc('\n', t->f);
    csv_text(t->f, heading);
    fputc('\n', t->f);
    for (size_t i = 0; i < ncols; i++) {
        if (i)
            fputc(',', t->f);
        csv_text(t->f, cols[i]);
    }
    fputc('\n', t->f);
    return ferror(t->f) ? TN_ERR_IO : TN_OK;
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
    if (t->format == TN_OUT_XLSX)
        return tn__xlsx_row(t, cells);
    if (t->format == TN_OUT_PDF)
        return tn__pdf_row(t, cells);
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
    if (t->format == TN_OUT_XLSX)
        return tn__xlsx_end(t);
    if (t->format == TN_OUT_PDF)
        return tn__pdf_end(t);
    if (t->format == TN_OUT_JSON)
        fputs(t->rows ? "\n]\n" : "]\n", t->f);
    return ferror(t->f) || fflush(t->f) ? TN_ERR_IO : TN_OK;
}

tn_err tn__copy_out(const char *path, FILE *f)
{
    FILE *in = fopen(path, "rb");
    if (!in)
        return TN_ERR_IO;
    char buf[1 << 16];
    size_t n;
    int bad = 0;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        bad |= fwrite(buf, 1, n, f) != n;
    bad |= ferror(in);
    fclose(in);
    remove(path);
    return bad || fflush(f) ? TN_ERR_IO : TN_OK;
}

/* Whether s matches pat, where '*' stands for any run of characters. */
static int glob(const char *pat, const char *s)
{
    if (*pat == '*')
        return glob(pat + 1, s) || (*s && glob(pat, s + 1));
    return *pat ? *pat == *s && glob(pat + 1, s + 1) : !*s;
}

/* The whole-number columns that do not add up, by name (column names are English
 * identifiers, docs/glossary.md). */
static const char *const not_additive[] = {
    "year",   "*_year",   "years*",    "rank",       "*_clause", "*_no",   "*_id",
    "*_code", "*_pct",    "*_ratio",   "*_rate",     "*_wage",   "*_base", "*days*",
    "months", "months_*", "threshold", "confidence", "age",      NULL};

int tn__col_additive(const char *col)
{
    for (const char *const *p = not_additive; *p; p++)
        if (glob(*p, col))
            return 0;
    return 1;
}

void tn__cell_display(const struct tn_cell *c, const char *col, char *buf, size_t n)
{
    char g[32];
    switch (c->type) {
    case TN_CELL_NULL:
        snprintf(buf, n, "%s", "");
        break;
    case TN_CELL_TEXT:
        snprintf(buf, n, "%s", c->text ? c->text : "");
        break;
    case TN_CELL_INT:
        if (tn__col_additive(col))
            tn_money_format_grouped(c->num, g);
        else
            snprintf(g, sizeof g, "%" PRId64, c->num);
        snprintf(buf, n, "%s", g);
        break;
    case TN_CELL_TENTHS: {
        int64_t mag = c->num < 0 ? -c->num : c->num;
        snprintf(buf, n, "%s%" PRId64 ",%" PRId64, c->num < 0 ? "-" : "", mag / 10, mag % 10);
        break;
    }
    }
}
