/*
 * pack_pdf.c - several report tables in one A4 landscape PDF (see pack_pdf.h). The layout is
 * run twice: once to count the pages, once to draw them with "Trang X/Y". Drawing follows
 * report_pdf.c (cairo + Pango, Noto Sans) so that a section looks like the table report it
 * comes from.
 */
#include "io/pack_pdf.h"

#include <assert.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>

#include "io/table_out_int.h"
#include "thuno/mem.h"

#define PAGE_W   841.89 /* A4 landscape, points */
#define PAGE_H   595.28
#define MARGIN   28.0
#define ROW_H    11.0
#define HEAD_H   16.0 /* a section's heading */
#define FONT     "Noto Sans 6.5"
#define TOP      78.0
#define GAP      10.0 /* between sections */
#define COL_PAD  6.0
#define MAX_COLW 220.0

struct tn_pack_section {
    const char *title;
    const char *const *cols;
    size_t ncols;
    char **cells; /* rows x ncols display strings */
    size_t ncells, capcells, nrows;
    int *right; /* per column: numbers are right-aligned */
    double *x, *width;
};

void tn_pack_begin(struct tn_pack *p, FILE *f, const struct tn_table_meta *meta)
{
    memset(p, 0, sizeof *p);
    p->f = f;
    p->meta = *meta;
}

void tn_pack_section(struct tn_pack *p, const char *title, const char *const *cols, size_t ncols)
{
    TN_GROW(p->sections, p->capsections, p->nsections + 1);
    struct tn_pack_section *s = &p->sections[p->nsections++];
    memset(s, 0, sizeof *s);
    s->title = title;
    s->cols = cols;
    s->ncols = ncols;
    s->right = tn_xcalloc(ncols, sizeof *s->right);
    s->x = tn_xcalloc(ncols, sizeof *s->x);
    s->width = tn_xcalloc(ncols, sizeof *s->width);
}

tn_err tn_pack_row(struct tn_pack *p, const struct tn_cell *cells)
{
    assert(p->nsections > 0);
    struct tn_pack_section *s = &p->sections[p->nsections - 1];
    TN_GROW(s->cells, s->capcells, s->ncells + s->ncols);
    for (size_t i = 0; i < s->ncols; i++) {
        char buf[512];
        tn__cell_display(&cells[i], buf, sizeof buf);
        s->cells[s->ncells++] = tn_xstrdup(buf);
        if (cells[i].type == TN_CELL_INT || cells[i].type == TN_CELL_TENTHS)
            s->right[i] = 1;
    }
    s->nrows++;
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

/* What the layout draws with; cr NULL while pages are only counted. */
struct pen {
    cairo_t *cr;
    PangoLayout *l, *big, *bold;
    const struct tn_pack *p;
    long page, pages;
    double y;
};

static void draw(struct pen *pn, PangoLayout *l, double x, double y, const char *s)
{
    if (!pn->cr)
        return;
    pango_layout_set_text(l, s, -1);
    cairo_move_to(pn->cr, x, y);
    pango_cairo_show_layout(pn->cr, l);
}

/* Column positions of a section: widths of the header and every cell, scaled to the page. */
static void measure(PangoLayout *l, struct tn_pack_section *s)
{
    double total = 0;
    for (size_t i = 0; i < s->ncols; i++) {
        s->width[i] = text_width(l, s->cols[i]);
        for (size_t r = 0; r < s->nrows; r++) {
            double w = text_width(l, s->cells[r * s->ncols + i]);
            if (w > s->width[i])
                s->width[i] = w > MAX_COLW ? MAX_COLW : w;
        }
        total += s->width[i] + COL_PAD;
    }
    double avail = PAGE_W - 2 * MARGIN, scale = total > avail ? avail / total : 1, pos = MARGIN;
    for (size_t i = 0; i < s->ncols; i++) {
        s->x[i] = pos;
        s->width[i] *= scale;
        pos += s->width[i] + COL_PAD * scale;
    }
}

static void page_start(struct pen *pn)
{
    pn->page++;
    pn->y = TOP;
    if (!pn->cr)
        return;
    cairo_set_source_rgb(pn->cr, 0, 0, 0);
    draw(pn, pn->l, MARGIN, MARGIN, "BẢO HIỂM XÃ HỘI VIỆT NAM — thuno");
    draw(pn, pn->big, MARGIN, MARGIN + 14, pn->p->meta.title);
    draw(pn, pn->l, MARGIN, MARGIN + 34, pn->p->meta.subtitle);
}

static void page_end(struct pen *pn)
{
    if (!pn->cr)
        return;
    char foot[64];
    snprintf(foot, sizeof foot, "Trang %ld/%ld", pn->page, pn->pages);
    draw(pn, pn->l, PAGE_W - MARGIN - text_width(pn->l, foot), PAGE_H - MARGIN, foot);
    cairo_show_page(pn->cr);
}

static int fits(const struct pen *pn, double h)
{
    return pn->y + h <= PAGE_H - MARGIN - 2 * ROW_H;
}

/* The section's heading (continued: on a later page) and its column header. */
static void section_head(struct pen *pn, const struct tn_pack_section *s, int continued)
{
    char head[512];
    snprintf(head, sizeof head, "%s%s", s->title, continued ? " (tiếp theo / continued)" : "");
    draw(pn, pn->bold, MARGIN, pn->y, head);
    pn->y += HEAD_H;
    for (size_t i = 0; i < s->ncols; i++) {
        double w = s->right[i] ? text_width(pn->l, s->cols[i]) : 0;
        draw(pn, pn->l, s->right[i] ? s->x[i] + s->width[i] - w : s->x[i], pn->y, s->cols[i]);
    }
    if (pn->cr) {
        cairo_move_to(pn->cr, MARGIN, pn->y + ROW_H);
        cairo_line_to(pn->cr, PAGE_W - MARGIN, pn->y + ROW_H);
        cairo_set_line_width(pn->cr, 0.5);
        cairo_stroke(pn->cr);
    }
    pn->y += ROW_H + 3;
}

/* Lays out every section; counts the pages (pn->cr NULL) or draws them. */
static void layout(struct pen *pn)
{
    pn->page = 0;
    page_start(pn);
    for (size_t k = 0; k < pn->p->nsections; k++) {
        const struct tn_pack_section *s = &pn->p->sections[k];
        if (k)
            pn->y += GAP;
        if (!fits(pn, HEAD_H + 2 * ROW_H + 3)) { /* the heading never ends a page */
            page_end(pn);
            page_start(pn);
        }
        section_head(pn, s, 0);
        if (!s->nrows) {
            draw(pn, pn->l, MARGIN, pn->y, "(không có dòng nào / no rows)");
            pn->y += ROW_H;
        }
        for (size_t r = 0; r < s->nrows; r++) {
            if (!fits(pn, ROW_H)) {
                page_end(pn);
                page_start(pn);
                section_head(pn, s, 1);
            }
            for (size_t i = 0; i < s->ncols; i++) {
                const char *c = s->cells[r * s->ncols + i];
                double w = s->right[i] ? text_width(pn->l, c) : 0;
                draw(pn, pn->l, s->right[i] ? s->x[i] + s->width[i] - w : s->x[i], pn->y, c);
            }
            pn->y += ROW_H;
        }
    }
    page_end(pn);
}

static void free_sections(struct tn_pack *p)
{
    for (size_t k = 0; k < p->nsections; k++) {
        struct tn_pack_section *s = &p->sections[k];
        for (size_t i = 0; i < s->ncells; i++)
            free(s->cells[i]);
        free(s->cells);
        free(s->right);
        free(s->x);
        free(s->width);
    }
    free(p->sections);
    p->sections = NULL;
    p->nsections = p->capsections = 0;
}

tn_err tn_pack_end(struct tn_pack *p)
{
    cairo_surface_t *surf = cairo_pdf_surface_create_for_stream(write_out, p->f, PAGE_W, PAGE_H);
    cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATE_DATE, p->meta.created);
    cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_TITLE, p->meta.title);
    cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATOR, "thuno");
    cairo_t *cr = cairo_create(surf);
    struct pen pn = {NULL,
                     pango_cairo_create_layout(cr),
                     pango_cairo_create_layout(cr),
                     pango_cairo_create_layout(cr),
                     p,
                     0,
                     0,
                     0};
    PangoFontDescription *fd = pango_font_description_from_string(FONT);
    PangoFontDescription *fb = pango_font_description_from_string("Noto Sans Bold 11");
    PangoFontDescription *fh = pango_font_description_from_string("Noto Sans Bold 8");
    pango_layout_set_font_description(pn.l, fd);
    pango_layout_set_font_description(pn.big, fb);
    pango_layout_set_font_description(pn.bold, fh);
    for (PangoLayout **one = (PangoLayout *[]){pn.big, pn.bold, NULL}; *one; one++) {
        pango_layout_set_width(*one, (int)((PAGE_W - 2 * MARGIN) * PANGO_SCALE));
        pango_layout_set_ellipsize(*one, PANGO_ELLIPSIZE_END); /* a heading stays on its line */
    }
    for (size_t k = 0; k < p->nsections; k++)
        measure(pn.l, &p->sections[k]);
    layout(&pn); /* count */
    pn.pages = pn.page;
    pn.cr = cr;
    layout(&pn); /* draw */
    g_object_unref(pn.l);
    g_object_unref(pn.big);
    g_object_unref(pn.bold);
    pango_font_description_free(fd);
    pango_font_description_free(fb);
    pango_font_description_free(fh);
    cairo_destroy(cr);
    cairo_surface_finish(surf);
    tn_err err =
        cairo_surface_status(surf) == CAIRO_STATUS_SUCCESS && !fflush(p->f) ? TN_OK : TN_ERR_IO;
    cairo_surface_destroy(surf);
    free_sections(p);
    return err;
}
