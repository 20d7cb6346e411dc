/*
 * report_pdf.c - a report table as an A4 landscape PDF (cairo + Pango, Noto Sans, so
 * Vietnamese diacritics render): the office header, the title and subtitle, the table with
 * a repeated header row on every page, numbers right-aligned and grouped with dots, and
 * "Trang X/Y" at the foot. Rows are kept until the end, when column widths are measured and
 * the pages counted. A pack (tn_table_section) holds several tables, each under its heading,
 * flowing one after another. The PDF's creation date is the table's `created` time.
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

/* One table of the document: the report's, or each section of a pack (tn_table_section). */
struct section {
    const char *heading; /* NULL: the report's own table, no heading */
    const char *const *cols;
    size_t ncols;
    char **cells; /* rows x ncols display strings */
    size_t ncells, capcells;
    long rows;
    int *right; /* per column: numbers are right-aligned */
    double *width;
};

struct tn__doc {
    struct section *sec;
    size_t nsec, capsec;
};

static void add_section(struct tn__doc *d, const char *heading, const char *const *cols,
                        size_t ncols)
{
    TN_GROW(d->sec, d->capsec, d->nsec + 1);
    struct section *c = &d->sec[d->nsec++];
    *c = (struct section){.heading = heading, .cols = cols, .ncols = ncols};
    c->right = tn_xcalloc(ncols ? ncols : 1, sizeof *c->right);
    c->width = tn_xcalloc(ncols ? ncols : 1, sizeof *c->width);
}

tn_err tn__pdf_begin(struct tn_table_out *t)
{
    struct tn__doc *d = tn_xcalloc(1, sizeof *d);
    add_section(d, NULL, t->cols, t->ncols);
    t->doc = d;
    return TN_OK;
}

tn_err tn__pdf_section(struct tn_table_out *t, const char *heading)
{
    struct tn__doc *d = t->doc;
    if (d->nsec == 1 && !d->sec[0].heading && !d->sec[0].rows) {
        /* the pack's first section replaces the empty table tn_table_begin opened */
        free(d->sec[0].right);
        free(d->sec[0].width);
        d->nsec = 0;
    }
    add_section(d, heading, t->cols, t->ncols);
    return TN_OK;
}

tn_err tn__pdf_row(struct tn_table_out *t, const struct tn_cell *cells)
{
    struct section *c = &t->doc->sec[t->doc->nsec - 1];
    TN_GROW(c->cells, c->capcells, c->ncells + c->ncols);
    for (size_t i = 0; i < c->ncols; i++) {
        char buf[512];
        tn__cell_display(&cells[i], buf, sizeof buf);
        c->cells[c->ncells++] = tn_xstrdup(buf);
        if (cells[i].type == TN_CELL_INT || cells[i].type == TN_CELL_TENTHS)
            c->right[i] = 1;
    }
    c->rows++;
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

static void header_row(cairo_t *cr, PangoLayout *l, const struct section *c, const double *x,
                       double y)
{
    for (size_t i = 0; i < c->ncols; i++) {
        double w = text_width(l, c->cols[i]);
        draw(cr, l, c->right[i] ? x[i] + c->width[i] - w : x[i], y, c->cols[i]);
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

/* Measures c's columns (header and cells, at most 220 points) and places them, scaled down
 * to the page's width when needed; x gets each column's left edge. */
static void measure(PangoLayout *l, struct section *c, double *x)
{
    double total = 0;
    for (size_t i = 0; i < c->ncols; i++) {
        c->width[i] = text_width(l, c->cols[i]);
        for (size_t r = 0; r < (size_t)c->rows; r++) {
            double w = text_width(l, c->cells[r * c->ncols + i]);
            if (w > c->width[i])
                c->width[i] = w > 220 ? 220 : w;
        }
        total += c->width[i] + 6;
    }
    double avail = PAGE_W - 2 * MARGIN, scale = total > avail ? avail / total : 1;
    for (size_t i = 0, pos = 0; i < c->ncols; i++) {
        x[i] = MARGIN + (double)pos;
        c->width[i] *= scale;
        pos += (size_t)((c->width[i] + 6 * scale) + 0.5);
    }
}

/* What lays the pages out: drawing (cr) or only counting them (cr NULL). */
struct layout {
    cairo_t *cr;
    PangoLayout *l, *big, *bold;
    struct tn_table_out *t;
    long page, pages;
};

static void page_end(struct layout *o)
{
    o->page++;
    if (!o->cr)
        return;
    char foot[64];
    snprintf(foot, sizeof foot, "Trang %ld/%ld", o->page, o->pages);
    draw(o->cr, o->l, PAGE_W - MARGIN - text_width(o->l, foot), PAGE_H - MARGIN, foot);
    cairo_show_page(o->cr);
}

static void page_begin(struct layout *o)
{
    if (!o->cr)
        return;
    cairo_set_source_rgb(o->cr, 0, 0, 0);
    page_top(o->cr, o->big, o->l, o->t);
}

/* Lays every section out, one after another; a section's header row is repeated on each
 * page it runs onto. A lone report table starts at HEADER_TOP with no heading. */
static void lay_out(struct layout *o, const struct tn__doc *d, double *const *x)
{
    double y = HEADER_TOP;
    page_begin(o);
    for (size_t k = 0; k < d->nsec; k++) {
        const struct section *c = &d->sec[k];
        double head = c->heading ? 14 : 0;
        /* a section starts on a new page unless its heading, header and 3 rows fit */
        if (k && y + head + 5 * ROW_H > PAGE_H - MARGIN - ROW_H) {
            page_end(o);
            page_begin(o);
            y = HEADER_TOP;
        }
        long r = 0;
        do {
            if (c->heading && o->cr)
                draw(o->cr, o->bold, MARGIN, y, c->heading);
            y += head;
            if (o->cr)
                header_row(o->cr, o->l, c, x[k], y);
            long fit = (long)((PAGE_H - y - MARGIN - 2 * ROW_H) / ROW_H);
            y += ROW_H + 3;
            for (long n = 0; r < c->rows && n < fit; r++, n++, y += ROW_H)
                for (size_t i = 0; o->cr && i < c->ncols; i++) {
                    const char *s = c->cells[(size_t)r * c->ncols + i];
                    double w = text_width(o->l, s);
                    draw(o->cr, o->l, c->right[i] ? x[k][i] + c->width[i] - w : x[k][i], y, s);
                }
            if (c->rows == 0) {
                if (o->cr)
                    draw(o->cr, o->l, MARGIN, y, "(không có dòng nào / no rows)");
                y += ROW_H;
            }
            if (r < c->rows) {
                page_end(o);
                page_begin(o);
                y = HEADER_TOP;
            }
        } while (r < c->rows);
        y += ROW_H;
    }
    page_end(o);
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
    PangoLayout *bold = pango_cairo_create_layout(cr);
    PangoFontDescription *fd = pango_font_description_from_string(FONT);
    PangoFontDescription *fb = pango_font_description_from_string("Noto Sans Bold 11");
    PangoFontDescription *fs = pango_font_description_from_string("Noto Sans Bold 8");
    pango_layout_set_font_description(l, fd);
    pango_layout_set_font_description(big, fb);
    pango_layout_set_font_description(bold, fs);

    double **x = tn_xcalloc(d->nsec ? d->nsec : 1, sizeof *x);
    for (size_t k = 0; k < d->nsec; k++) {
        x[k] = tn_xcalloc(d->sec[k].ncols ? d->sec[k].ncols : 1, sizeof *x[k]);
        measure(l, &d->sec[k], x[k]);
    }
    struct layout o = {NULL, l, big, bold, t, 0, 0};
    lay_out(&o, d, x); /* count the pages, then draw them */
    o = (struct layout){cr, l, big, bold, t, 0, o.page};
    lay_out(&o, d, x);
    g_object_unref(l);
    g_object_unref(big);
    g_object_unref(bold);
    pango_font_description_free(fd);
    pango_font_description_free(fb);
    pango_font_description_free(fs);
    cairo_destroy(cr);
    cairo_surface_finish(s);
    tn_err err =
        cairo_surface_status(s) == CAIRO_STATUS_SUCCESS && !fflush(t->f) ? TN_OK : TN_ERR_IO;
    cairo_surface_destroy(s);
    for (size_t k = 0; k < d->nsec; k++) {
        for (size_t i = 0; i < d->sec[k].ncells; i++)
            free(d->sec[k].cells[i]);
        free(d->sec[k].cells);
        free(d->sec[k].right);
        free(d->sec[k].width);
        free(x[k]);
    }
    free(x);
    free(d->sec);
    free(d);
    t->doc = NULL;
    return err;
}
