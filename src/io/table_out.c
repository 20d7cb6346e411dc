/*
 * table_out.c - CSV and JSON writers for report tables (see table_out.h). JSON strings are
 * escaped by jansson; numbers stay integers (money never passes through a double).
 */
#include "io/table_out_int.h"

#include <inttypes.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/mem.h"
#include "thuno/money.h"
#include "thuno/vocab.h"

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

/* A control character other than a line break: shown as U+FFFD in text output, so that a
 * name or a bank memo written by anyone cannot drive the terminal that shows a report. */
static int control(unsigned char c)
{
    return (c < 0x20 && c != '\n' && c != '\r') || c == 0x7f;
}

/* Writes s as a CSV field (RFC 4180 quoting); guard: an apostrophe first (csv_cell_text). */
static void csv_field(FILE *f, const char *s, int guard)
{
    int quote = strpbrk(s, ",\"\r\n") != NULL;
    if (quote)
        fputc('"', f);
    if (guard)
        fputc('\'', f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', f);
        if (control((unsigned char)*s))
            fputs("\xef\xbf\xbd", f);
        else
            fputc(*s, f);
    }
    if (quote)
        fputc('"', f);
}

static void csv_text(FILE *f, const char *s)
{
    csv_field(f, s, 0);
}

/* A text cell that a spreadsheet would run as a formula (first character =, +, -, @, tab or
 * CR: OWASP "CSV injection") is written after an apostrophe, which spreadsheets show as text
 * and do not display; bank memos and names come from outside the office. */
static void csv_cell_text(FILE *f, const char *s)
{
    csv_field(f, s, s[0] && strchr("=+-@\t\r", s[0]));
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
                      const struct tn_table_meta *meta, const struct tn_col *cols, size_t ncols)
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
            csv_text(f, cols[i].id);
        }
        fputc('\n', f);
    } else if (format == TN_OUT_JSON) {
        fputc('[', f);
    }
    return ferror(f) ? TN_ERR_IO : TN_OK;
}

tn_err tn_table_section(struct tn_table_out *t, const char *heading, const struct tn_col *cols,
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
        csv_text(t->f, cols[i].id);
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
            csv_cell_text(f, c->text ? c->text : "");
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
            json_text(f, t->cols[i].id);
            fputc(':', f);
        }
        cell(f, t->format, &cells[i]);
    }
    fputs(json ? "}" : "\n", f);
    t->rows++;
    return ferror(f) ? TN_ERR_IO : TN_OK;
}

static tn_err end_format(struct tn_table_out *t)
{
    if (t->format == TN_OUT_XLSX)
        return tn__xlsx_end(t);
    if (t->format == TN_OUT_PDF)
        return tn__pdf_end(t);
    if (t->format == TN_OUT_JSON)
        fputs(t->rows ? "\n]\n" : "]\n", t->f);
    return ferror(t->f) || fflush(t->f) ? TN_ERR_IO : TN_OK;
}

tn_err tn_table_end(struct tn_table_out *t)
{
    tn_err err = end_format(t);
    for (size_t i = 0; i < t->nowned; i++)
        free(t->owned[i]);
    free(t->owned);
    t->owned = NULL;
    t->nowned = 0;
    return err;
}

static tn_err sink_row(void *ctx, const struct tn_cell *cells)
{
    return tn_table_row(ctx, cells);
}

static tn_err sink_section(void *ctx, const char *heading, const struct tn_col *cols, size_t ncols)
{
    return tn_table_section(ctx, heading, cols, ncols);
}

struct tn_sink tn_table_sink(struct tn_table_out *t)
{
    return (struct tn_sink){sink_row, sink_section, t};
}

void tn_table_cols_from_names(const char *const *names, struct tn_col *cols, size_t n)
{
    for (size_t i = 0; i < n; i++)
        cols[i] = (struct tn_col){names[i], TN_COL_TEXT, names[i], names[i],
                                  tn_table_name_adds(names[i])};
}

static struct tn_col *own_cols(struct tn_table_out *t, const char *const *names, size_t *n)
{
    *n = 0;
    while (names && names[*n])
        (*n)++;
    struct tn_col *cols = tn_xcalloc(*n ? *n : 1, sizeof *cols);
    tn_table_cols_from_names(names, cols, *n);
    t->owned = tn_xrealloc(t->owned, t->nowned + 1, sizeof *t->owned);
    t->owned[t->nowned++] = cols;
    return cols;
}

tn_err tn_table_begin_names(struct tn_table_out *t, FILE *f, enum tn_out_format format,
                            const struct tn_table_meta *meta, const char *const *names)
{
    struct tn_table_out tmp = {0};
    size_t n;
    struct tn_col *cols = own_cols(&tmp, names, &n);
    tn_err err = tn_table_begin(t, f, format, meta, cols, n);
    t->owned = tmp.owned;
    t->nowned = tmp.nowned;
    return err;
}

tn_err tn_table_section_names(struct tn_table_out *t, const char *heading, const char *const *names)
{
    size_t n;
    struct tn_col *cols = own_cols(t, names, &n);
    return tn_table_section(t, heading, cols, n);
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

int tn_table_name_adds(const char *col)
{
    for (const char *const *p = not_additive; *p; p++)
        if (glob(*p, col))
            return 0;
    return 1;
}

const char *tn_table_col_label(const struct tn_col *col, enum tn_lang lang)
{
    const char *label = lang == TN_LANG_EN ? col->en : col->vi;
    return label && *label ? label : col->id;
}

/* The word for one token of a value: "late", or "status:absconded" (a key and its value). */
static const char *token_label(const char *col, const char *tok, size_t len, enum tn_lang lang,
                               const char **value_word)
{
    char t[64], *colon;
    *value_word = NULL;
    if (len >= sizeof t)
        return NULL;
    memcpy(t, tok, len);
    t[len] = '\0';
    if ((colon = strchr(t, ':')) != NULL) {
        *colon = '\0';
        *value_word = tn_vocab_label(t, colon + 1, lang);
        return *value_word ? tn_vocab_label(NULL, t, lang) : NULL;
    }
    return tn_vocab_label(col, t, lang);
}

const char *tn_table_value_label(const struct tn_col *col, const char *s, enum tn_lang lang,
                                 char *buf, size_t n)
{
    const char *id = col ? col->id : NULL, *word = tn_vocab_label(id, s, lang), *vw;
    if (word || !s || !*s || !buf || !n)
        return word ? word : s;
    /* a list "a;b;c" or "key:value" is shown word by word, only when every token is known */
    size_t o = 0;
    for (const char *p = s;;) {
        size_t len = strcspn(p, ";");
        const char *w = token_label(id, p, len, lang, &vw);
        int k =
            w ? snprintf(buf + o, n - o, "%s%s%s%s", o ? "; " : "", w, vw ? ": " : "", vw ? vw : "")
              : -1;
        if (k < 0 || (size_t)k >= n - o)
            return s;
        o += (size_t)k;
        if (!p[len])
            return buf;
        p += len + 1;
    }
}

void tn__cell_display(const struct tn_cell *c, const struct tn_col *col, enum tn_lang lang,
                      char *buf, size_t n)
{
    char g[32];
    switch (c->type) {
    case TN_CELL_NULL:
        snprintf(buf, n, "%s", "");
        break;
    case TN_CELL_TEXT: {
        char w[256];
        snprintf(buf, n, "%s",
                 c->text ? tn_table_value_label(col, c->text, lang, w, sizeof w) : "");
    } break;
    case TN_CELL_INT:
        if (col->adds)
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
