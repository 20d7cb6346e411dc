/*
 * doc_pdf.c - a filled case document as an A4 portrait PDF (doc_out.h), in the layout of an
 * administrative letter (Decree 30/2020/NĐ-CP Appendix I): the issuer and the number at the
 * top left, the national motto and the place and date at the top right, the subject under
 * the number, the title centred, the addressee, the body (parts, paragraphs wrapped to the
 * page, fields, amount rows with their amounts right-aligned), the signature block at the
 * right, and "Trang X/Y" at the foot of every page. cairo + Pango with Noto Serif, so the
 * diacritics render. Laid out twice: once to count the pages, once to draw them.
 */
#include "io/doc_out.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <string.h>

#define PAGE_W 595.28 /* A4 portrait, points */
#define PAGE_H 841.89
#define LEFT   56.7 /* 20 mm: Decree 30/2020 margins 20-25 mm left, 15-20 mm right */
#define RIGHT  42.5
#define TOP    42.5
#define BOTTOM 56.7
#define BODY_W (PAGE_W - LEFT - RIGHT)

struct pen {
    cairo_t *cr;
    PangoLayout *l, *foot; /* the foot has its own layout: a page break comes mid-line */
    int draw;
    int page, pages;
    double y;
};

static cairo_status_t write_out(void *closure, const unsigned char *data, unsigned int n)
{
    return fwrite(data, 1, n, closure) == n ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static void set(struct pen *p, const char *font, double width, PangoAlignment align,
                const char *text)
{
    PangoFontDescription *fd = pango_font_description_from_string(font);
    pango_layout_set_font_description(p->l, fd);
    pango_font_description_free(fd);
    pango_layout_set_width(p->l, width > 0 ? (int)(width * PANGO_SCALE) : -1);
    pango_layout_set_wrap(p->l, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(p->l, align);
    pango_layout_set_text(p->l, text, -1);
}

static double height(struct pen *p)
{
    int w, h;
    pango_layout_get_size(p->l, &w, &h);
    return (double)h / PANGO_SCALE;
}

static void foot(struct pen *p)
{
    if (!p->draw)
        return;
    char buf[48];
    snprintf(buf, sizeof buf, "Trang %d/%d", p->page, p->pages);
    pango_layout_set_text(p->foot, buf, -1);
    int w, h;
    pango_layout_get_size(p->foot, &w, &h);
    cairo_move_to(p->cr, PAGE_W - RIGHT - (double)w / PANGO_SCALE, PAGE_H - BOTTOM + 18);
    pango_cairo_show_layout(p->cr, p->foot);
}

/* Starts a new page when h more points do not fit. */
static void room(struct pen *p, double h)
{
    if (p->y + h <= PAGE_H - BOTTOM)
        return;
    foot(p);
    if (p->draw)
        cairo_show_page(p->cr);
    p->page++;
    p->y = TOP;
}

/* Draws the layout set last at x, at the pen's line, and moves the pen down. */
static void put(struct pen *p, double x, double gap)
{
    double h = height(p);
    room(p, h);
    if (p->draw) {
        cairo_move_to(p->cr, x, p->y);
        pango_cairo_show_layout(p->cr, p->l);
    }
    p->y += h + gap;
}

static void text(struct pen *p, const char *font, double x, double w, PangoAlignment a,
                 const char *s, double gap)
{
    set(p, font, w, a, s);
    put(p, x, gap);
}

static void header(struct pen *p, const struct tn_doc *d)
{
    double half = BODY_W * 0.40, rx = LEFT + half, rw = BODY_W - half;
    double y0 = p->y, yl, yr;
    text(p, "Noto Serif Bold 10", LEFT, half, PANGO_ALIGN_CENTER, d->issuer, 2);
    text(p, "Noto Serif 11", LEFT, half, PANGO_ALIGN_CENTER, d->number, 2);
    text(p, "Noto Serif 9", LEFT, half, PANGO_ALIGN_CENTER, d->subject, 0);
    yl = p->y;
    p->y = y0;
    text(p, "Noto Serif Bold 10", rx, rw, PANGO_ALIGN_CENTER, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
         1);
    text(p, "Noto Serif Bold 10.5", rx, rw, PANGO_ALIGN_CENTER, "Độc lập - Tự do - Hạnh phúc", 2);
    if (p->draw) { /* the motto's rule */
        cairo_move_to(p->cr, rx + rw * 0.28, p->y);
        cairo_line_to(p->cr, rx + rw * 0.72, p->y);
        cairo_set_line_width(p->cr, 0.5);
        cairo_stroke(p->cr);
    }
    p->y += 6;
    text(p, "Noto Serif Italic 11", rx, rw, PANGO_ALIGN_CENTER, d->place_date, 0);
    yr = p->y;
    p->y = (yl > yr ? yl : yr) + 22;
    text(p, "Noto Serif Bold 13", LEFT, BODY_W, PANGO_ALIGN_CENTER, d->title, 12);
    char to[400];
    snprintf(to, sizeof to, "Kính gửi: %s", d->addressee);
    text(p, "Noto Serif 12", LEFT + 60, BODY_W - 60, PANGO_ALIGN_LEFT, to, 12);
}

static void amount_row(struct pen *p, const struct tn_doc_line *l, int total)
{
    char a[32], lab[512];
    tn_money_format_grouped(l->amount, a);
    double aw = 110, x = LEFT + 14 * l->indent;
    snprintf(lab, sizeof lab, "%s%s%s", l->label, l->text[0] ? " — " : "", l->text);
    set(p, total ? "Noto Serif Bold 10.5" : "Noto Serif 10.5", BODY_W - aw - (x - LEFT) - 8,
        PANGO_ALIGN_LEFT, lab);
    double h = height(p);
    room(p, h);
    if (p->draw) {
        cairo_move_to(p->cr, x, p->y);
        pango_cairo_show_layout(p->cr, p->l);
    }
    set(p, total ? "Noto Serif Bold 10.5" : "Noto Serif 10.5", aw, PANGO_ALIGN_RIGHT, a);
    if (p->draw) {
        cairo_move_to(p->cr, PAGE_W - RIGHT - aw, p->y);
        pango_cairo_show_layout(p->cr, p->l);
        if (total) {
            cairo_move_to(p->cr, PAGE_W - RIGHT - aw, p->y - 1);
            cairo_line_to(p->cr, PAGE_W - RIGHT, p->y - 1);
            cairo_set_line_width(p->cr, 0.5);
            cairo_stroke(p->cr);
        }
    }
    p->y += h + 2;
}

static void body(struct pen *p, const struct tn_doc *d)
{
    for (size_t i = 0; i < d->nlines; i++) {
        const struct tn_doc_line *l = &d->lines[i];
        char buf[1200];
        switch (l->kind) {
        case TN_DOC_LINE_HEADING:
            p->y += 6;
            text(p, "Noto Serif Bold 11.5", LEFT, BODY_W, PANGO_ALIGN_LEFT, l->text, 4);
            break;
        case TN_DOC_LINE_PARA:
            text(p, "Noto Serif 10.5", LEFT, BODY_W, PANGO_ALIGN_LEFT, l->text, 4);
            break;
        case TN_DOC_LINE_FIELD:
            snprintf(buf, sizeof buf, "%s: %s", l->label, l->text);
            text(p, "Noto Serif 10.5", LEFT + 14 * l->indent, BODY_W - 14 * l->indent,
                 PANGO_ALIGN_LEFT, buf, 2);
            break;
        case TN_DOC_LINE_AMOUNT:
        case TN_DOC_LINE_TOTAL:
            amount_row(p, l, l->kind == TN_DOC_LINE_TOTAL);
            break;
        }
    }
    p->y += 24;
    room(p, 90);
    double sx = LEFT + BODY_W * 0.5, sw = BODY_W * 0.5;
    text(p, "Noto Serif Bold 11.5", sx, sw, PANGO_ALIGN_CENTER, d->signer, 2);
    text(p, "Noto Serif Italic 10", sx, sw, PANGO_ALIGN_CENTER, "(Ký, ghi rõ họ tên, đóng dấu)", 0);
}

static void lay_out(struct pen *p, const struct tn_doc *d)
{
    p->page = 1;
    p->y = TOP;
    if (p->draw)
        cairo_set_source_rgb(p->cr, 0, 0, 0);
    header(p, d);
    body(p, d);
    foot(p);
    if (p->draw)
        cairo_show_page(p->cr);
}

tn_err tn_doc_write_pdf(FILE *f, const struct tn_doc *d, const char *created)
{
    cairo_surface_t *s = cairo_pdf_surface_create_for_stream(write_out, f, PAGE_W, PAGE_H);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, created);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, d->title);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "thuno");
    cairo_t *cr = cairo_create(s);
    struct pen p = {cr, pango_cairo_create_layout(cr), pango_cairo_create_layout(cr), 0, 1, 1, TOP};
    PangoFontDescription *fd = pango_font_description_from_string("Noto Serif 9");
    pango_layout_set_font_description(p.foot, fd);
    pango_font_description_free(fd);
    lay_out(&p, d); /* counts the pages */
    p.pages = p.page;
    p.draw = 1;
    lay_out(&p, d);
    g_object_unref(p.l);
    g_object_unref(p.foot);
    cairo_destroy(cr);
    cairo_surface_finish(s);
    tn_err err = cairo_surface_status(s) == CAIRO_STATUS_SUCCESS && !fflush(f) ? TN_OK : TN_ERR_IO;
    cairo_surface_destroy(s);
    return err;
}
