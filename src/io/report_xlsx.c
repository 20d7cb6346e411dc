/*
 * report_xlsx.c - a report table as a real spreadsheet (libxlsxwriter): numbers typed as
 * numbers (money and counts grouped "#,##0", years, codes and ratios plain "0", tenths
 * "0.0"), a frozen header row, column widths from the longest cell counted in characters
 * (not UTF-8 bytes), and a last row of sums of the columns that add up (struct tn_col adds:
 * money and counts, never years, codes or ratios) as SUM formulas carrying their value; and
 * a print setup of A4 landscape, one page wide, the header row repeated on every page.
 * The document is pinned to the table's `created` time so the same data gives the same file.
 * Money leaves integer arithmetic only here: XLSX stores every number as a double, exact for
 * amounts below 2^53 đồng.
 */
#include "io/table_out_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "thuno/period.h"

#include "thuno/mem.h"
#include "thuno/money.h"

struct tn__doc {
    char path[64];
    lxw_workbook *wb;
    lxw_worksheet *ws;
    lxw_format *header, *integer, *plain, *tenths, *total_label, *total;
    enum tn_cell_type *types; /* the type each column has shown so far */
    int64_t *sums;
    int *additive; /* per column: its adds flag */
    double *widths;
};

/* "YYYY-MM-DDTHH:MM:SS" as seconds since the epoch (the stamp is written as UTC). */
static time_t parse_time(const char *iso)
{
    char date[TN_DAY_BUFSZ];
    int h = 0, mi = 0, se = 0;
    tn_day d = 0;
    snprintf(date, sizeof date, "%.10s", iso);
    if (tn_day_parse(date, &d))
        tn_day_make(2000, 1, 1, &d);
    if (strlen(iso) >= 19)
        sscanf(iso + 11, "%2d:%2d:%2d", &h, &mi, &se);
    return (time_t)d * 86400 + h * 3600 + mi * 60 + se;
}

/* The width of UTF-8 text s in characters: Vietnamese letters take two or three bytes. */
static double chars(const char *s)
{
    double n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* Appends s to the page header in buf (n bytes, o used), "&" doubled unless it starts one of
 * our codes ("&L", "&R"), stopping before a character that would not fit whole (the header
 * is at most 255 bytes). Returns the bytes now used. */
static size_t header_text(char *buf, size_t n, size_t o, const char *s)
{
    int code = s[0] == '&' && (s[1] == 'L' || s[1] == 'R') && !s[2];
    for (const char *p = s; *p;) {
        size_t len = 1;
        while (((unsigned char)p[len] & 0xC0) == 0x80)
            len++;
        size_t need = len + (*p == '&' && !code);
        if (o + need >= n)
            break;
        if (*p == '&' && !code)
            buf[o++] = '&';
        memcpy(buf + o, p, len);
        o += len;
        p += len;
    }
    buf[o] = '\0';
    return o;
}

tn_err tn__xlsx_begin(struct tn_table_out *t)
{
    struct tn__doc *x = tn_xcalloc(1, sizeof *x);
    snprintf(x->path, sizeof x->path, "/tmp/thuno-xlsx-XXXXXX");
    int fd = mkstemp(x->path);
    if (fd < 0) {
        free(x);
        return TN_ERR_IO;
    }
    close(fd);
    lxw_workbook_options opt = {.constant_memory = LXW_TRUE, .tmpdir = NULL};
    x->wb = workbook_new_opt(x->path, &opt);
    if (!x->wb) {
        remove(x->path);
        free(x);
        return TN_ERR_IO;
    }
    /* libxlsxwriter's fields are not const but it only reads them */
    lxw_doc_properties props = {.title = (char *)t->meta.title,
                                .comments = (char *)t->meta.subtitle,
                                .author = (char *)"thuno",
                                .created = parse_time(t->meta.created)};
    workbook_set_properties(x->wb, &props);
    x->ws = workbook_add_worksheet(x->wb, "report");
    x->header = workbook_add_format(x->wb);
    format_set_bold(x->header);
    format_set_bottom(x->header, LXW_BORDER_THIN);
    x->integer = workbook_add_format(x->wb);
    format_set_num_format(x->integer, "#,##0");
    x->plain = workbook_add_format(x->wb);
    format_set_num_format(x->plain, "0");
    x->tenths = workbook_add_format(x->wb);
    format_set_num_format(x->tenths, "0.0");
    x->total_label = workbook_add_format(x->wb);
    format_set_bold(x->total_label);
    format_set_top(x->total_label, LXW_BORDER_THIN);
    x->total = workbook_add_format(x->wb);
    format_set_bold(x->total);
    format_set_top(x->total, LXW_BORDER_THIN);
    format_set_num_format(x->total, "#,##0");
    x->types = tn_xcalloc(t->ncols, sizeof *x->types);
    x->sums = tn_xcalloc(t->ncols, sizeof *x->sums);
    x->widths = tn_xcalloc(t->ncols, sizeof *x->widths);
    x->additive = tn_xcalloc(t->ncols ? t->ncols : 1, sizeof *x->additive);
    for (size_t i = 0; i < t->ncols; i++) {
        x->additive[i] = t->cols[i].adds;
        const char *label = tn_table_col_label(&t->cols[i], t->meta.lang);
        worksheet_write_string(x->ws, 0, (lxw_col_t)i, label, x->header);
        x->widths[i] = chars(label) + 2;
    }
    worksheet_freeze_panes(x->ws, 1, 0);
    /* printed: A4 landscape, one page wide, the header row on every page */
    worksheet_set_paper(x->ws, 9);
    worksheet_set_landscape(x->ws);
    worksheet_fit_to_pages(x->ws, 1, 0);
    worksheet_repeat_rows(x->ws, 0, 0);
    /* the printed page's header: the issuing office (office settings) left, the title right */
    char head[256];
    size_t o = 0;
    o = header_text(head, sizeof head, o, "&L");
    o = header_text(head, sizeof head, o,
                    t->meta.issuer ? t->meta.issuer : "BẢO HIỂM XÃ HỘI VIỆT NAM");
    o = header_text(head, sizeof head, o, "&R");
    header_text(head, sizeof head, o, t->meta.title);
    worksheet_set_header(x->ws, head);
    t->doc = x;
    return TN_OK;
}

tn_err tn__xlsx_row(struct tn_table_out *t, const struct tn_cell *cells)
{
    struct tn__doc *x = t->doc;
    lxw_row_t r = (lxw_row_t)(t->rows + 1);
    for (size_t i = 0; i < t->ncols; i++) {
        const struct tn_cell *c = &cells[i];
        lxw_col_t col = (lxw_col_t)i;
        lxw_error e = LXW_NO_ERROR;
        double w = 0;
        if (c->type != TN_CELL_NULL)
            x->types[i] = c->type;
        switch (c->type) {
        case TN_CELL_NULL:
            break;
        case TN_CELL_TEXT: {
            char buf[256];
            const char *s =
                c->text ? tn_table_value_label(&t->cols[i], c->text, t->meta.lang, buf, sizeof buf)
                        : "";
            e = worksheet_write_string(x->ws, r, col, s, NULL);
            w = c->text ? chars(s) * 1.1 + 2 : 0;
            break;
        }
        case TN_CELL_INT: {
            char shown[32];
            e = worksheet_write_number(x->ws, r, col, (double)c->num,
                                       x->additive[i] ? x->integer : x->plain);
            if (x->additive[i] && tn_money_add(x->sums[i], c->num, &x->sums[i]))
                return TN_ERR_OVERFLOW; /* the sum row would be wrong: refuse the file */
            tn__cell_display(c, &t->cols[i], t->meta.lang, shown, sizeof shown);
            w = chars(shown) * 1.1 + 2;
            break;
        }
        case TN_CELL_TENTHS:
            e = worksheet_write_number(x->ws, r, col, (double)c->num / 10, x->tenths);
            w = 7;
            break;
        }
        if (e != LXW_NO_ERROR)
            return TN_ERR_IO;
        if (w > x->widths[i])
            x->widths[i] = w > 60 ? 60 : w;
    }
    t->rows++;
    return TN_OK;
}

/* "A".."Z", "AA".. for column index i. */
static void col_name(size_t i, char buf[static 4])
{
    if (i < 26)
        snprintf(buf, 4, "%c", (char)('A' + i));
    else
        snprintf(buf, 4, "%c%c", (char)('A' + i / 26 - 1), (char)('A' + i % 26));
}

tn_err tn__xlsx_end(struct tn_table_out *t)
{
    struct tn__doc *x = t->doc;
    if (!x)
        return TN_ERR_IO;
    /* widths must be set before rows in constant-memory mode: libxlsxwriter accepts column
     * settings at any time and writes them with the sheet's header at close */
    for (size_t i = 0; i < t->ncols; i++) {
        if (x->types[i] == TN_CELL_INT && x->additive[i]) { /* the sum is the widest figure */
            char shown[32];
            struct tn_cell sum = {TN_CELL_INT, NULL, x->sums[i]};
            tn__cell_display(&sum, &t->cols[i], t->meta.lang, shown, sizeof shown);
            if (chars(shown) * 1.1 + 2 > x->widths[i])
                x->widths[i] = chars(shown) * 1.1 + 2;
        }
    }
    for (size_t i = 0; i < t->ncols; i++)
        worksheet_set_column(x->ws, (lxw_col_t)i, (lxw_col_t)i, x->widths[i], NULL);
    if (t->rows > 0 && !t->meta.no_sum) {
        lxw_row_t r = (lxw_row_t)(t->rows + 1);
        int labelled = 0;
        for (size_t i = 0; i < t->ncols; i++) {
            if (x->types[i] == TN_CELL_INT && x->additive[i]) {
                char c[4], formula[48];
                col_name(i, c);
                snprintf(formula, sizeof formula, "=SUM(%s2:%s%lld)", c, c, t->rows + 1);
                worksheet_write_formula_num(x->ws, r, (lxw_col_t)i, formula, x->total,
                                            (double)x->sums[i]);
            } else if (!labelled) {
                worksheet_write_string(x->ws, r, (lxw_col_t)i,
                                       tn_table_value_label(NULL, "total", t->meta.lang, NULL, 0),
                                       x->total_label);
                labelled = 1;
            }
        }
    }
    lxw_error e = workbook_close(x->wb);
    tn_err err = e == LXW_NO_ERROR ? tn__copy_out(x->path, t->f) : TN_ERR_IO;
    if (err)
        remove(x->path);
    free(x->types);
    free(x->sums);
    free(x->additive);
    free(x->widths);
    free(x);
    t->doc = NULL;
    return err;
}
