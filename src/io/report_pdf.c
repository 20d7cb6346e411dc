/*
 * report_pdf.c - a report table, or a pack of several (tn_table_section), as an A4 PDF (cairo
 * + Pango, Noto Sans, so Vietnamese diacritics render). Every page has the office header, the
 * title and subtitle, and "Trang X/Y" at the foot; each table has its header row repeated on
 * every page it runs onto (a pack's section heading too, marked "tiếp theo / continued").
 * Rows are kept until the end, when the columns are measured (docs/formats.md "PDF"): the
 * page is portrait when every table fits its width at natural size, landscape otherwise; the
 * table font is the largest of cell_fonts at which every table fits a landscape page; a table
 * too wide for its natural widths gives each column its minimum (numbers whole, header labels
 * broken after '_' and at spaces, text down to its longest word or MIN_TEXT) and shares the
 * rest by what each column lacks; header labels and long text wrap inside their column,
 * numbers are right-aligned. The PDF's creation date is the table's `created` time, so the
 * same data gives the same file.
 */
#include "io/table_out_int.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/mem.h"
#include "thuno/text.h"

#define A4_LONG   841.89 /* points */
#define A4_SHORT  595.28
#define MARGIN    28.0
#define PAD       5.0   /* between columns */
#define MAX_COLW  220.0 /* a text column's natural width at most */
#define MIN_TEXT  40.0  /* a text column is not squeezed below this (or its natural width) */
#define MAX_WORD  90.0  /* nor below its longest word up to this width */
#define SQUEEZE   1.25  /* see cell_fonts */
#define FONT      "Noto Sans 6.5"
#define NO_ROWS   "(không có dòng nào / no rows)"
#define CONTINUED " (tiếp theo / continued)"

/* the table's font: the largest at which every table's minimum widths fit a landscape page
 * and its natural widths are at most SQUEEZE times the page's width (else the last) */
static const char *const cell_fonts[] = {FONT, "Noto Sans 5.5", "Noto Sans 4.8"};

/* One table of the document: the report's, or each section of a pack. */
struct section {
    const char *heading; /* NULL: the report's own table, no heading */
    const struct tn_col *cols;
    size_t ncols;
    char **cells; /* rows x ncols display strings */
    size_t ncells, capcells;
    long rows;
    int *right;                  /* per column: numbers, right-aligned and never wrapped */
    double *nat, *min;           /* per column: natural and minimum width */
    double *x, *width;           /* per column: left edge and width on the page */
    const char **label;          /* per column: its label in the document's language */
    char **head;                 /* per column: the header label broken into lines */
    double head_h, *row_h;       /* heights of the header row and of each row */
    double total_nat, total_min; /* the natural or minimum widths and pads together */
};

struct tn__doc {
    struct section *sec;
    size_t nsec, capsec;
    enum tn_lang lang; /* of the labels and the enumerated values */
};

static void add_section(struct tn__doc *d, const char *heading, const struct tn_col *cols,
                        size_t ncols)
{
    TN_GROW(d->sec, d->capsec, d->nsec + 1);
    struct section *c = &d->sec[d->nsec++];
    size_t n = ncols ? ncols : 1;
    *c = (struct section){.heading = heading, .cols = cols, .ncols = ncols};
    c->right = tn_xcalloc(n, sizeof *c->right);
    c->nat = tn_xcalloc(n, sizeof *c->nat);
    c->min = tn_xcalloc(n, sizeof *c->min);
    c->x = tn_xcalloc(n, sizeof *c->x);
    c->width = tn_xcalloc(n, sizeof *c->width);
    c->head = tn_xcalloc(n, sizeof *c->head);
    c->label = tn_xcalloc(n, sizeof *c->label);
    for (size_t i = 0; i < ncols; i++)
        c->label[i] = tn_table_col_label(&cols[i], d->lang);
}

static void free_section(struct section *c)
{
    for (size_t i = 0; i < c->ncells; i++)
        free(c->cells[i]);
    for (size_t i = 0; i < c->ncols; i++)
        free(c->head[i]);
    free(c->cells);
    free(c->right);
    free(c->nat);
    free(c->min);
    free(c->x);
    free(c->width);
    free(c->head);
    free(c->label);
    free(c->row_h);
}

tn_err tn__pdf_begin(struct tn_table_out *t)
{
    struct tn__doc *d = tn_xcalloc(1, sizeof *d);
    d->lang = t->meta.lang;
    add_section(d, NULL, t->cols, t->ncols);
    t->doc = d;
    return TN_OK;
}

tn_err tn__pdf_section(struct tn_table_out *t, const char *heading)
{
    struct tn__doc *d = t->doc;
    if (d->nsec == 1 && !d->sec[0].heading && !d->sec[0].rows) {
        /* the pack's first section replaces the empty table tn_table_begin opened */
        free_section(&d->sec[0]);
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
        char buf[TN_NAME_BUFSZ + 64]; /* any text a cell holds (names: TN_NAME_BUFSZ) */
        tn__cell_display(&cells[i], &c->cols[i], t->doc->lang, buf, sizeof buf);
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

/* Sets l's text, wrapped inside width points (width <= 0: one line), and returns its size. */
static void set_text(PangoLayout *l, const char *s, double width, double *w, double *h)
{
    pango_layout_set_width(l, width > 0 ? (int)(width * PANGO_SCALE) : -1);
    pango_layout_set_text(l, s, -1);
    int pw, ph;
    pango_layout_get_size(l, &pw, &ph);
    if (w)
        *w = (double)pw / PANGO_SCALE;
    if (h)
        *h = (double)ph / PANGO_SCALE;
}

static double text_width(PangoLayout *l, const char *s)
{
    double w;
    set_text(l, s, 0, &w, NULL);
    return w;
}

/* The next piece of a header label at p: up to and with a '_', or up to a space (*space
 * becomes 1: the caller skips it). Returns the piece's length. */
static size_t next_piece(const char *p, int *space)
{
    size_t n = strcspn(p, "_ ");
    *space = p[n] == ' ';
    return n + (p[n] == '_');
}

/* The width of the widest piece of label: the least width its column can have. */
static double widest_piece(PangoLayout *l, const char *label)
{
    double widest = 0;
    int space;
    for (const char *p = label; *p;) {
        size_t n = next_piece(p, &space);
        char piece[256];
        snprintf(piece, sizeof piece, "%.*s", (int)n, p);
        double w = text_width(l, piece);
        widest = w > widest ? w : widest;
        p += n + (size_t)space;
    }
    return widest;
}

/* label broken into lines of at most width points between its pieces (to free). A line is
 * a run of label itself: the pieces with the spaces between them. */
static char *break_label(PangoLayout *l, const char *label, double width)
{
    size_t len = 0, cap = 2 * strlen(label) + 1;
    char *out = tn_xcalloc(cap, 1), cand[512];
    const char *line = label, *end = label;
    int space;
    for (const char *p = label; *p;) {
        size_t n = next_piece(p, &space);
        snprintf(cand, sizeof cand, "%.*s", (int)(p + n - line), line);
        if (end > line && text_width(l, cand) > width) {
            len += (size_t)snprintf(out + len, cap - len, "%.*s\n", (int)(end - line), line);
            line = p;
        }
        end = p + n;
        p += n + (size_t)space;
    }
    snprintf(out + len, cap - len, "%.*s", (int)(end - line), line);
    return out;
}

/* The width of the longest word (between spaces) of s, at most MAX_WORD. */
static double widest_word(PangoLayout *l, const char *s)
{
    double widest = 0;
    char word[256];
    for (const char *p = s; *p && widest < MAX_WORD;) {
        size_t n = strcspn(p, " ");
        snprintf(word, sizeof word, "%.*s", (int)n, p);
        double w = n ? text_width(l, word) : 0;
        widest = w > widest ? w : widest;
        p += n + (p[n] == ' ');
    }
    return widest < MAX_WORD ? widest : MAX_WORD;
}

/* The natural and minimum widths of c's columns, measured with l: a number column's least
 * width is its widest figure, a text column's its longest word or MIN_TEXT, whichever is
 * larger (but never more than its natural width), and no column is narrower than the widest
 * piece of its header label; a label counts half its width (two lines) to the natural. */
static void natural(PangoLayout *l, struct section *c)
{
    c->total_nat = c->total_min = 0;
    for (size_t i = 0; i < c->ncols; i++) {
        double head = text_width(l, c->label[i]), piece = widest_piece(l, c->label[i]), cells = 0;
        double word = 0;
        for (long r = 0; r < c->rows; r++) {
            const char *s = c->cells[(size_t)r * c->ncols + i];
            double w = text_width(l, s);
            cells = w > cells ? w : cells;
            if (!c->right[i] && w > word && w > MIN_TEXT) {
                double ww = widest_word(l, s);
                word = ww > word ? ww : word;
            }
        }
        if (!c->right[i] && cells > MAX_COLW)
            cells = MAX_COLW;
        /* a header label (Vietnamese: several words) may take two lines at natural width */
        head = head / 2 > piece ? head / 2 : piece;
        c->nat[i] = head > cells ? head : cells;
        double least = c->right[i] || cells < MIN_TEXT ? cells : MIN_TEXT;
        least = word > least ? word : least;
        c->min[i] = least > piece ? least : piece;
        c->total_nat += c->nat[i] + (i ? PAD : 0);
        c->total_min += c->min[i] + (i ? PAD : 0);
    }
}

/* Places c's columns in avail points: natural widths when they fit, else each column's
 * minimum and a share of the rest by what it lacks of its natural width, else the minimums
 * scaled down; then breaks the header labels and measures every row with the cell layout l. */
static void fit(PangoLayout *l, struct section *c, double avail)
{
    double pads = c->ncols ? PAD * (double)(c->ncols - 1) : 0, sum_nat = c->total_nat - pads;
    double sum_min = 0;
    for (size_t i = 0; i < c->ncols; i++)
        sum_min += c->min[i];
    for (size_t i = 0; i < c->ncols; i++) {
        if (c->total_nat <= avail)
            c->width[i] = c->nat[i];
        else if (sum_min + pads <= avail)
            c->width[i] = c->min[i] +
                          (c->nat[i] - c->min[i]) * (avail - pads - sum_min) / (sum_nat - sum_min);
        else
            c->width[i] = c->min[i] * (avail - pads) / sum_min;
        c->x[i] = i ? c->x[i - 1] + c->width[i - 1] + PAD : MARGIN;
    }
    c->head_h = 0;
    for (size_t i = 0; i < c->ncols; i++) {
        double h;
        c->head[i] = break_label(l, c->label[i], c->width[i]);
        set_text(l, c->head[i], c->width[i], NULL, &h);
        c->head_h = h > c->head_h ? h : c->head_h;
    }
    c->row_h = tn_xcalloc(c->rows ? (size_t)c->rows : 1, sizeof *c->row_h);
    for (long r = 0; r < c->rows; r++)
        for (size_t i = 0; i < c->ncols; i++) {
            double h;
            set_text(l, c->cells[(size_t)r * c->ncols + i], c->width[i], NULL, &h);
            if (h + 1 > c->row_h[r])
                c->row_h[r] = h + 1;
        }
}

/* What lays the pages out: drawing (cr) or only counting them (cr NULL). */
struct layout {
    cairo_t *cr;
    PangoLayout *l, *cell, *big, *bold; /* page text, table cells, title, section heading */
    const struct tn_table_out *t;
    double page_w, page_h, y;
    long page, pages;
};

static void show(const struct layout *o, PangoLayout *l, double x, double y)
{
    if (!o->cr)
        return;
    cairo_move_to(o->cr, x, y);
    pango_cairo_show_layout(o->cr, l);
}

/* A line across the table at y, gray 0 (black) to 1. */
static void rule(const struct layout *o, double y, double gray, double width)
{
    if (!o->cr)
        return;
    cairo_set_source_rgb(o->cr, gray, gray, gray);
    cairo_set_line_width(o->cr, width);
    cairo_move_to(o->cr, MARGIN, y);
    cairo_line_to(o->cr, o->page_w - MARGIN, y);
    cairo_stroke(o->cr);
    cairo_set_source_rgb(o->cr, 0, 0, 0);
}

/* The office header, the title and the subtitle (both wrapped to the page); o->y becomes the
 * top of the table. */
static void page_begin(struct layout *o)
{
    double avail = o->page_w - 2 * MARGIN, h;
    if (o->cr)
        cairo_set_source_rgb(o->cr, 0, 0, 0);
    set_text(o->l, o->t->meta.issuer ? o->t->meta.issuer : "BẢO HIỂM XÃ HỘI VIỆT NAM", avail, NULL,
             &h);
    show(o, o->l, MARGIN, MARGIN);
    double y = MARGIN + h + 2;
    set_text(o->big, o->t->meta.title, avail, NULL, &h);
    show(o, o->big, MARGIN, y);
    y += h + 1;
    set_text(o->l, o->t->meta.subtitle, avail, NULL, &h);
    show(o, o->l, MARGIN, y);
    o->y = y + h + 8;
}

static void page_end(struct layout *o)
{
    o->page++;
    if (!o->cr)
        return;
    char foot[64];
    double w, h;
    snprintf(foot, sizeof foot, "Trang %ld/%ld", o->page, o->pages);
    set_text(o->l, foot, 0, &w, &h);
    show(o, o->l, o->page_w - MARGIN - w, o->page_h - MARGIN - h);
    cairo_show_page(o->cr);
}

static void draw_cell(const struct layout *o, const struct section *c, size_t i, const char *s)
{
    pango_layout_set_alignment(o->cell, c->right[i] ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
    set_text(o->cell, s, c->width[i], NULL, NULL);
    show(o, o->cell, c->x[i], o->y + 0.5);
}

/* The height of c's heading (with CONTINUED when continued), drawn at o->y when draw. */
static double heading(const struct layout *o, const struct section *c, int continued, int draw)
{
    if (!c->heading)
        return 0;
    char head[640];
    double h;
    snprintf(head, sizeof head, "%s%s", c->heading, continued ? CONTINUED : "");
    set_text(o->bold, head, o->page_w - 2 * MARGIN, NULL, &h);
    if (draw)
        show(o, o->bold, MARGIN, o->y);
    return h + 3;
}

/* c's heading and header row at o->y. */
static void header(struct layout *o, const struct section *c, int continued)
{
    o->y += heading(o, c, continued, 1);
    for (size_t i = 0; i < c->ncols; i++)
        draw_cell(o, c, i, c->head[i]);
    o->y += c->head_h + 2;
    rule(o, o->y, 0, 0.5);
    o->y += 1;
}

/* Lays every section out, one after another; a section's heading and header row are
 * repeated on each page it runs onto, and a section starts on a new page unless its
 * heading, header and first row fit. */
static void lay_out(struct layout *o, const struct tn__doc *d)
{
    double h, bottom = o->page_h - MARGIN - 14;
    o->page = 0;
    page_begin(o);
    for (size_t k = 0; k < d->nsec; k++) {
        const struct section *c = &d->sec[k];
        double first = c->rows ? c->row_h[0] : c->head_h;
        if (k && o->y + heading(o, c, 0, 0) + c->head_h + 3 + first > bottom) {
            page_end(o);
            page_begin(o);
        }
        header(o, c, 0);
        if (!c->rows) {
            pango_layout_set_alignment(o->cell, PANGO_ALIGN_LEFT);
            set_text(o->cell, NO_ROWS, 0, NULL, &h);
            show(o, o->cell, MARGIN, o->y + 1);
            o->y += h + 2;
        }
        for (long r = 0; r < c->rows; r++) {
            if (o->y + c->row_h[r] > bottom) {
                page_end(o);
                page_begin(o);
                header(o, c, 1);
            }
            for (size_t i = 0; i < c->ncols; i++)
                draw_cell(o, c, i, c->cells[(size_t)r * c->ncols + i]);
            o->y += c->row_h[r];
            rule(o, o->y, 0.8, 0.25);
        }
        o->y += 10;
    }
    page_end(o);
}

static PangoLayout *new_layout(cairo_t *cr, PangoFontDescription *fd)
{
    PangoLayout *l = pango_cairo_create_layout(cr);
    pango_layout_set_font_description(l, fd);
    return l;
}

tn_err tn__pdf_end(struct tn_table_out *t)
{
    struct tn__doc *d = t->doc;
    if (!d)
        return TN_ERR_IO;
    /* measuring needs a Pango context before the page size is known: a scratch surface */
    cairo_surface_t *scratch = cairo_pdf_surface_create_for_stream(NULL, NULL, 1, 1);
    cairo_t *mcr = cairo_create(scratch);
    PangoFontDescription *fd = pango_font_description_from_string(FONT), *fc = NULL;
    PangoLayout *m = pango_cairo_create_layout(mcr);
    pango_layout_set_wrap(m, PANGO_WRAP_WORD_CHAR);
    int portrait = 1;
    for (size_t f = 0; f < sizeof cell_fonts / sizeof cell_fonts[0]; f++) {
        pango_font_description_free(fc);
        fc = pango_font_description_from_string(cell_fonts[f]);
        pango_layout_set_font_description(m, fc);
        int fits = 1;
        portrait = 1;
        for (size_t k = 0; k < d->nsec; k++) {
            natural(m, &d->sec[k]);
            portrait &= d->sec[k].total_nat <= A4_SHORT - 2 * MARGIN;
            fits &= d->sec[k].total_min <= A4_LONG - 2 * MARGIN &&
                    d->sec[k].total_nat <= SQUEEZE * (A4_LONG - 2 * MARGIN);
        }
        if (fits)
            break;
    }
    double page_w = portrait ? A4_SHORT : A4_LONG, page_h = portrait ? A4_LONG : A4_SHORT;
    for (size_t k = 0; k < d->nsec; k++)
        fit(m, &d->sec[k], page_w - 2 * MARGIN);
    g_object_unref(m);
    cairo_destroy(mcr);
    cairo_surface_destroy(scratch);

    cairo_surface_t *s = cairo_pdf_surface_create_for_stream(write_out, t->f, page_w, page_h);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, t->meta.created);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, t->meta.title);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "thuno");
    cairo_t *cr = cairo_create(s);
    PangoFontDescription *fb = pango_font_description_from_string("Noto Sans Bold 11");
    PangoFontDescription *fs = pango_font_description_from_string("Noto Sans Bold 8");
    struct layout o = {NULL,
                       new_layout(cr, fd),
                       new_layout(cr, fc),
                       new_layout(cr, fb),
                       new_layout(cr, fs),
                       t,
                       page_w,
                       page_h,
                       0,
                       0,
                       0};
    pango_layout_set_wrap(o.cell, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_ellipsize(o.bold, PANGO_ELLIPSIZE_END); /* a heading stays on its line */
    lay_out(&o, d);                                          /* count the pages, then draw them */
    o.pages = o.page;
    o.cr = cr;
    lay_out(&o, d);
    g_object_unref(o.l);
    g_object_unref(o.cell);
    g_object_unref(o.big);
    g_object_unref(o.bold);
    pango_font_description_free(fd);
    pango_font_description_free(fc);
    pango_font_description_free(fb);
    pango_font_description_free(fs);
    cairo_destroy(cr);
    cairo_surface_finish(s);
    tn_err err =
        cairo_surface_status(s) == CAIRO_STATUS_SUCCESS && !fflush(t->f) ? TN_OK : TN_ERR_IO;
    cairo_surface_destroy(s);
    for (size_t k = 0; k < d->nsec; k++)
        free_section(&d->sec[k]);
    free(d->sec);
    free(d);
    t->doc = NULL;
    return err;
}
