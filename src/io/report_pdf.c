/*
 * report_pdf.c - a report table as an A4 landscape PDF (cairo + Pango, Noto Sans, so
 * Vietnamese diacritics render): the office header, the title and subtitle, the table with
 * a repeated header row on every page, numbers right-aligned and grouped with dots, and
 * "Trang X/Y" at the foot. Rows are kept until the end, when column widths are measured and
 * the pages counted. The PDF's creation date is the table's `created` time.
 */
#include "io/table_out_int.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/mem.h"

#define PAGE_W     841.89 /* A4 landscape, points */
#define PAGE_H     595.28
#define MARGIN     28.0
#define ROW_H      11.0
#define FONT       "Noto Sans 6.5"
#define HEADER_TOP 78.0

struct tn__doc {
    char **cells; /* rows x ncols display strings */
    size_t ncells, capcells;
    int *right; /* per column: numbers are right-aligned */
    double *width;
};

tn_err tn__pdf_begin(struct tn_table_out *t)
{
    struct tn__doc *d = tn_xcalloc(1, sizeof *d);
    d->right = tn_xcalloc(t->ncols, sizeof *d->right);
    d->width = tn_xcalloc(t->ncols, sizeof *d->width);
    t->doc = d;
    return TN_OK;
}

tn_err tn__pdf_row(struct tn_table_out *t, const struct tn_cell *cells)
{
    struct tn__doc *d = t->doc;
    TN_GROW(d->cells, d->capcells, d->ncells + t->ncols);
    for (size_t i = 0; i < t->ncols; i++) {
        char buf[512];
        tn__cell_display(&cells[i], buf, sizeof buf);
        d->cells[d->ncells++] = tn_xstrdup(buf);
        if (cells[i].type == TN_CELL_INT || cells[i].type == TN_CELL_TENTHS)
            d->right[i] = 1;
    }
    t->rows++;
    return TN_OK;
}

static cairo_status_t write_out(void *closure, const unsigned char *data, unsigned int n)
{
    return fwrite(data, 1, n, closure) == n ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static double text_width(PangoLayout *l, const char *s)
{
    int w, h;
    pango_layout_set_text(l, s, -1);
    pango_layout_get_size(l, &w, &h);
    return (double)w / PANGO_SCALE;
}

static void draw(cairo_t *cr, PangoLayout *l, double x, double y, const char *s)
{
    pango_layout_set_text(l, s, -1);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, l);
}

static void header_row(cairo_t *cr, PangoLayout *l, struct tn_table_out *t, const double *x,
                       double y)
{
    struct tn__doc *d = t->doc;
    for (size_t i = 0; i < t->ncols; i++) {
        double w = text_width(l, t->cols[i]);
        draw(cr, l, d->right[i] ? x[i] + d->width[i] - w : x[i], y, t->cols[i]);
    }
    cairo_move_to(cr, MARGIN, y + ROW_H);
    cairo_line_to(cr, PAGE_W - MARGIN, y + ROW_H);
    cairo_set_line_width(cr, 0.5);
    cairo_stroke(cr);
}

static void page_top(cairo_t *cr, PangoLayout *big, PangoLayout *l, struct tn_table_out *t)
{
    draw(cr, l, MARGIN, MARGIN, "BẢO HIỂM XÃ HỘI VIỆT NAM — thuno");
    draw(cr, big, MARGIN, MARGIN + 14, t->meta.title);
    draw(cr, l, MARGIN, MARGIN + 34, t->meta.subtitle);
}

tn_err tn__pdf_end(struct tn_table_out *t)
{
    struct tn__doc *d = t->doc;
    if (!d)
        return TN_ERR_IO;
    cairo_surface_t *s = cairo_pdf_surface_create_for_stream(write_out, t->f, PAGE_W, PAGE_H);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, t->meta.created);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, t->meta.title);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "thuno");
    cairo_t *cr = cairo_create(s);
    PangoLayout *l = pango_cairo_create_layout(cr), *big = pango_cairo_create_layout(cr);
    PangoFontDescription *fd = pango_font_description_from_string(FONT);
    PangoFontDescription *fb = pango_font_description_from_string("Noto Sans Bold 11");
    pango_layout_set_font_description(l, fd);
    pango_layout_set_font_description(big, fb);

    /* widths: the header and every cell, then scaled down if the table is too wide */
    double total = 0;
    for (size_t i = 0; i < t->ncols; i++) {
        d->width[i] = text_width(l, t->cols[i]);
        for (size_t r = 0; r < (size_t)t->rows; r++) {
            double w = text_width(l, d->cells[r * t->ncols + i]);
            if (w > d->width[i])
                d->width[i] = w > 220 ? 220 : w;
        }
        total += d->width[i] + 6;
    }
    double avail = PAGE_W - 2 * MARGIN, scale = total > avail ? avail / total : 1;
    double *x = tn_xcalloc(t->ncols, sizeof *x);
    for (size_t i = 0, pos = 0; i < t->ncols; i++) {
        x[i] = MARGIN + (double)pos;
        d->width[i] *= scale;
        pos += (size_t)((d->width[i] + 6 * scale) + 0.5);
    }
    if (scale < 1)
        pango_layout_set_width(l, -1);
    long per_page = (long)((PAGE_H - HEADER_TOP - MARGIN - 2 * ROW_H) / ROW_H);
    long pages = t->rows ? (t->rows + per_page - 1) / per_page : 1;
    for (long p = 0; p < pages; p++) {
        cairo_set_source_rgb(cr, 0, 0, 0);
        page_top(cr, big, l, t);
        header_row(cr, l, t, x, HEADER_TOP);
        double y = HEADER_TOP + ROW_H + 3;
        for (long r = p * per_page; r < t->rows && r < (p + 1) * per_page; r++, y += ROW_H) {
            for (size_t i = 0; i < t->ncols; i++) {
                const char *s = d->cells[(size_t)r * t->ncols + i];
                double w = text_width(l, s);
                draw(cr, l, d->right[i] ? x[i] + d->width[i] - w : x[i], y, s);
            }
        }
        if (t->rows == 0)
            draw(cr, l, MARGIN, y, "(không có dòng nào / no rows)");
        char foot[64];
        snprintf(foot, sizeof foot, "Trang %ld/%ld", p + 1, pages);
        draw(cr, l, PAGE_W - MARGIN - text_width(l, foot), PAGE_H - MARGIN, foot);
        cairo_show_page(cr);
    }
    g_object_unref(l);
    g_object_unref(big);
    pango_font_description_free(fd);
    pango_font_description_free(fb);
    cairo_destroy(cr);
    cairo_surface_finish(s);
    tn_err err =
        cairo_surface_status(s) == CAIRO_STATUS_SUCCESS && !fflush(t->f) ? TN_OK : TN_ERR_IO;
    cairo_surface_destroy(s);
    for (size_t i = 0; i < d->ncells; i++)
        free(d->cells[i]);
    free(d->cells);
    free(d->right);
    free(d->width);
    free(d);
    free(x);
    t->doc = NULL;
    return err;
}
