/*
 * letter_pdf.c - official letters as A4 portrait PDF (letter.h): the blocks of each letter
 * are kept until tn_letter_doc_write(), which lays every letter out twice, once to count its
 * pages and once to draw them with "Trang x/y". Text goes through Pango (Noto Serif, so
 * Vietnamese diacritics render) at 72 dpi, line by line, so a paragraph may continue on the
 * next page. Page margins follow Decree 30/2020/NĐ-CP Appendix I §1 (top and bottom 20 mm,
 * left 30 mm, right 15 mm); the header block follows its layout of the "Quốc hiệu" and the
 * issuing body's name side by side.
 */
#include "thuno/letter.h"

#include <assert.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/mem.h"
#include "thuno/text.h"

#define MM       (72.0 / 25.4)
#define PAGE_W   595.28 /* A4 portrait, points */
#define PAGE_H   841.89
#define LEFT     (30 * MM)
#define RIGHT    (PAGE_W - 15 * MM)
#define TOP      (20 * MM)
#define BOTTOM   (PAGE_H - 20 * MM - 14) /* room for the page number */
#define TEXT_W   (RIGHT - LEFT)
#define FAMILY   "Noto Serif"
#define BODY_PT  12.0
#define CELL_PAD 3.0
#define MAXCOLS  16

enum kind { K_TITLE, K_ADDRESSEE, K_BASIS, K_PARA, K_TABLE, K_SIGN, K_SPACE, K_BREAK };

struct row {
    char **cells;
    int bold;
};

struct block {
    enum kind kind;
    enum tn_letter_style style;
    char *text, *text2; /* K_TITLE: title, subtitle; K_PARA etc.: text */
    double pt;          /* K_SPACE */
    struct tn_letter_col cols[MAXCOLS];
    char *heads[MAXCOLS];
    size_t ncols;
    struct row *rows;
    size_t nrows, caprows;
    struct tn_letter_sign sign; /* strings owned (cast away const on free) */
};

struct letter {
    char *agency, *office, *number, *summary, *place, *form;
    tn_day date;
    struct block *blocks;
    size_t nblocks, capblocks;
};

struct tn_letter_doc {
    char *created, *title;
    struct letter *letters;
    size_t nletters, capletters;
};

static char *dup_or_null(const char *s)
{
    return s ? tn_xstrdup(s) : NULL;
}

struct tn_letter_doc *tn_letter_doc_new(const char *created, const char *title)
{
    struct tn_letter_doc *d = tn_xcalloc(1, sizeof *d);
    d->created = tn_xstrdup(created);
    d->title = tn_xstrdup(title ? title : "");
    return d;
}

static void block_release(struct block *b)
{
    free(b->text);
    free(b->text2);
    for (size_t i = 0; i < b->ncols; i++)
        free(b->heads[i]);
    for (size_t r = 0; r < b->nrows; r++) {
        for (size_t i = 0; i < b->ncols; i++)
            free(b->rows[r].cells[i]);
        free(b->rows[r].cells);
    }
    free(b->rows);
    free((char *)b->sign.authority);
    free((char *)b->sign.title);
    free((char *)b->sign.name);
    for (size_t i = 0; i < b->sign.nrecipients; i++)
        free((char *)b->sign.recipients[i]);
    free((void *)b->sign.recipients);
}

void tn_letter_doc_free(struct tn_letter_doc *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->nletters; i++) {
        struct letter *l = &d->letters[i];
        for (size_t b = 0; b < l->nblocks; b++)
            block_release(&l->blocks[b]);
        free(l->blocks);
        free(l->agency);
        free(l->office);
        free(l->number);
        free(l->summary);
        free(l->place);
        free(l->form);
    }
    free(d->letters);
    free(d->created);
    free(d->title);
    free(d);
}

size_t tn_letter_doc_count(const struct tn_letter_doc *d)
{
    return d->nletters;
}

void tn_letter_begin(struct tn_letter_doc *d, const struct tn_letter_head *h)
{
    TN_GROW(d->letters, d->capletters, d->nletters + 1);
    struct letter *l = &d->letters[d->nletters++];
    memset(l, 0, sizeof *l);
    l->agency = tn_xstrdup(h->agency ? h->agency : "BẢO HIỂM XÃ HỘI VIỆT NAM");
    l->office = dup_or_null(h->office);
    l->number = dup_or_null(h->number);
    l->summary = dup_or_null(h->summary);
    l->place = dup_or_null(h->place);
    l->form = dup_or_null(h->form);
    l->date = h->date;
}

static struct block *add(struct tn_letter_doc *d, enum kind k)
{
    assert(d->nletters > 0 && "tn_letter_begin() first");
    struct letter *l = &d->letters[d->nletters - 1];
    TN_GROW(l->blocks, l->capblocks, l->nblocks + 1);
    struct block *b = &l->blocks[l->nblocks++];
    memset(b, 0, sizeof *b);
    b->kind = k;
    return b;
}

void tn_letter_title(struct tn_letter_doc *d, const char *title, const char *subtitle)
{
    struct block *b = add(d, K_TITLE);
    b->text = tn_xstrdup(title);
    b->text2 = dup_or_null(subtitle);
}

void tn_letter_addressee(struct tn_letter_doc *d, const char *to)
{
    add(d, K_ADDRESSEE)->text = tn_xstrdup(to);
}

void tn_letter_basis(struct tn_letter_doc *d, const char *text)
{
    add(d, K_BASIS)->text = tn_xstrdup(text);
}

void tn_letter_para(struct tn_letter_doc *d, enum tn_letter_style style, const char *text)
{
    struct block *b = add(d, K_PARA);
    b->style = style;
    b->text = tn_xstrdup(text);
}

void tn_letter_paraf(struct tn_letter_doc *d, enum tn_letter_style style, const char *fmt, ...)
{
    char buf[4000];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    tn_letter_para(d, style, buf);
}

void tn_letter_table_begin(struct tn_letter_doc *d, const struct tn_letter_col *cols, size_t ncols)
{
    assert(ncols >= 1 && ncols <= MAXCOLS);
    struct block *b = add(d, K_TABLE);
    b->ncols = ncols;
    for (size_t i = 0; i < ncols; i++) {
        assert(cols[i].weight > 0);
        b->cols[i] = cols[i];
        b->heads[i] = tn_xstrdup(cols[i].head ? cols[i].head : "");
        b->cols[i].head = b->heads[i];
    }
}

void tn_letter_table_row(struct tn_letter_doc *d, const char *const *cells, int bold)
{
    assert(d->nletters > 0);
    struct letter *l = &d->letters[d->nletters - 1];
    assert(l->nblocks > 0 && l->blocks[l->nblocks - 1].kind == K_TABLE);
    struct block *b = &l->blocks[l->nblocks - 1];
    TN_GROW(b->rows, b->caprows, b->nrows + 1);
    struct row *r = &b->rows[b->nrows++];
    r->cells = tn_xcalloc(b->ncols, sizeof *r->cells);
    r->bold = bold;
    for (size_t i = 0; i < b->ncols; i++)
        r->cells[i] = tn_xstrdup(cells[i] ? cells[i] : "");
}

void tn_letter_sign(struct tn_letter_doc *d, const struct tn_letter_sign *s)
{
    struct block *b = add(d, K_SIGN);
    b->sign.authority = dup_or_null(s->authority);
    b->sign.title = dup_or_null(s->title);
    b->sign.name = dup_or_null(s->name);
    b->sign.nrecipients = s->nrecipients;
    const char **r = tn_xcalloc(s->nrecipients ? s->nrecipients : 1, sizeof *r);
    for (size_t i = 0; i < s->nrecipients; i++)
        r[i] = tn_xstrdup(s->recipients[i]);
    b->sign.recipients = r;
}

void tn_letter_space(struct tn_letter_doc *d, double pt)
{
    add(d, K_SPACE)->pt = pt;
}

void tn_letter_page_break(struct tn_letter_doc *d)
{
    add(d, K_BREAK);
}

/* ---- layout ---- */

struct pen {
    cairo_t *cr;
    PangoContext *ctx;
    int draw;   /* 0: only count the pages */
    int page;   /* 1-based page of the current letter */
    int npages; /* the letter's page count (known when draw) */
    double y;
};

/* Escapes s for Pango markup, turning "**" pairs into <b>...</b>. Free with g_free(). */
static char *markup(const char *s)
{
    GString *g = g_string_new(NULL);
    int bold = 0;
    const char *p = s;
    while (*p) {
        const char *q = strstr(p, "**");
        size_t n = q ? (size_t)(q - p) : strlen(p);
        char *esc = g_markup_escape_text(p, (gssize)n);
        g_string_append(g, esc);
        g_free(esc);
        if (!q)
            break;
        g_string_append(g, bold ? "</b>" : "<b>");
        bold = !bold;
        p = q + 2;
    }
    if (bold)
        g_string_append(g, "</b>");
    return g_string_free(g, FALSE);
}

static PangoLayout *layout(struct pen *pn, const char *text, double pt, int bold, int italic,
                           double width, PangoAlignment align)
{
    PangoLayout *l = pango_layout_new(pn->ctx);
    PangoFontDescription *fd = pango_font_description_new();
    pango_font_description_set_family(fd, FAMILY);
    pango_font_description_set_size(fd, (gint)(pt * PANGO_SCALE));
    pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(fd, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_layout_set_font_description(l, fd);
    pango_font_description_free(fd);
    pango_layout_set_width(l, (int)(width * PANGO_SCALE));
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(l, align);
    char *m = markup(text);
    pango_layout_set_markup(l, m, -1);
    g_free(m);
    return l;
}

static double height(PangoLayout *l)
{
    int w, h;
    pango_layout_get_size(l, &w, &h);
    return (double)h / PANGO_SCALE;
}

static void draw_at(struct pen *pn, PangoLayout *l, double x, double y)
{
    if (!pn->draw)
        return;
    cairo_move_to(pn->cr, x, y);
    pango_cairo_show_layout(pn->cr, l);
}

static void rule(struct pen *pn, double x0, double x1, double y)
{
    if (!pn->draw)
        return;
    cairo_move_to(pn->cr, x0, y);
    cairo_line_to(pn->cr, x1, y);
    cairo_set_line_width(pn->cr, 0.6);
    cairo_stroke(pn->cr);
}

static void footer(struct pen *pn)
{
    if (!pn->draw)
        return;
    char foot[48];
    snprintf(foot, sizeof foot, "Trang %d/%d", pn->page, pn->npages);
    PangoLayout *l = layout(pn, foot, 9, 0, 0, TEXT_W, PANGO_ALIGN_CENTER);
    draw_at(pn, l, LEFT, PAGE_H - 20 * MM);
    g_object_unref(l);
}

static void new_page(struct pen *pn)
{
    footer(pn);
    if (pn->draw)
        cairo_show_page(pn->cr);
    pn->page++;
    pn->y = TOP;
}

/* Breaks the page unless h points fit below y. */
static void need(struct pen *pn, double h)
{
    if (pn->y + h > BOTTOM && pn->y > TOP)
        new_page(pn);
}

/* Draws l at x line by line from pn->y, breaking pages between lines; keep lines must fit
 * on the first page with the start. */
static void flow(struct pen *pn, PangoLayout *l, double x, int keep)
{
    PangoLayoutIter *it = pango_layout_get_iter(l);
    int first = 1;
    do {
        PangoRectangle log;
        pango_layout_iter_get_line_extents(it, NULL, &log);
        double h = (double)log.height / PANGO_SCALE;
        if (first && keep > 1)
            need(pn, h * keep);
        else
            need(pn, h);
        first = 0;
        if (pn->draw) {
            double base = (double)(pango_layout_iter_get_baseline(it) - log.y) / PANGO_SCALE;
            cairo_move_to(pn->cr, x + (double)log.x / PANGO_SCALE, pn->y + base);
            pango_cairo_show_layout_line(pn->cr, pango_layout_iter_get_line_readonly(it));
        }
        pn->y += h;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
}

static void head_block(struct pen *pn, const struct letter *lt)
{
    double lw = TEXT_W * 0.42, rx = LEFT + lw, rw = TEXT_W - lw, y = TOP, ly, ry;
    if (lt->form) {
        PangoLayout *f = layout(pn, lt->form, 9, 0, 1, rw, PANGO_ALIGN_RIGHT);
        draw_at(pn, f, rx, TOP - 14);
        g_object_unref(f);
    }
    PangoLayout *a = layout(pn, lt->agency, 11, 0, 0, lw, PANGO_ALIGN_CENTER);
    draw_at(pn, a, LEFT, y);
    ly = y + height(a);
    g_object_unref(a);
    if (lt->office) {
        char *b = g_strconcat("**", lt->office, "**", NULL);
        PangoLayout *o = layout(pn, b, 11, 0, 0, lw, PANGO_ALIGN_CENTER);
        g_free(b);
        draw_at(pn, o, LEFT, ly);
        ly += height(o);
        g_object_unref(o);
    }
    rule(pn, LEFT + lw * 0.35, LEFT + lw * 0.65, ly + 4.5);
    ly += 9;
    if (lt->number) {
        PangoLayout *n = layout(pn, lt->number, 12, 0, 0, lw, PANGO_ALIGN_CENTER);
        draw_at(pn, n, LEFT, ly);
        ly += height(n);
        g_object_unref(n);
    }
    if (lt->summary) {
        PangoLayout *s = layout(pn, lt->summary, 11, 0, 0, lw, PANGO_ALIGN_CENTER);
        draw_at(pn, s, LEFT, ly + 2);
        ly += height(s) + 2;
        g_object_unref(s);
    }

    PangoLayout *q =
        layout(pn, "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**", 11, 0, 0, rw, PANGO_ALIGN_CENTER);
    draw_at(pn, q, rx, y);
    ry = y + height(q);
    g_object_unref(q);
    PangoLayout *m =
        layout(pn, "**Độc lập - Tự do - Hạnh phúc**", 12, 0, 0, rw, PANGO_ALIGN_CENTER);
    int mw, mh;
    pango_layout_get_size(m, &mw, &mh);
    draw_at(pn, m, rx, ry);
    ry += height(m);
    g_object_unref(m);
    double half = (double)mw / PANGO_SCALE / 2;
    rule(pn, rx + rw / 2 - half, rx + rw / 2 + half, ry + 3.5);
    ry += 8;
    char date[TN_TEXT_DATE_BUFSZ], line[256];
    tn_text_date_vi(lt->date, date);
    snprintf(line, sizeof line, "%s%s%s", lt->place ? lt->place : "", lt->place ? ", " : "", date);
    PangoLayout *dl = layout(pn, line, 12, 0, 1, rw, PANGO_ALIGN_CENTER);
    draw_at(pn, dl, rx, ry);
    ry += height(dl);
    g_object_unref(dl);
    pn->y = (ly > ry ? ly : ry) + 18;
}

static void para(struct pen *pn, const struct block *b)
{
    double x = LEFT, w = TEXT_W, pt = BODY_PT, after = 4;
    int italic = 0, keep = 1;
    PangoAlignment align = PANGO_ALIGN_LEFT;
    int indent = 0, justify = 0;
    char *text = b->text;
    char *own = NULL;
    switch (b->kind == K_BASIS ? TN_LETTER_BODY : b->style) {
    case TN_LETTER_BODY:
        indent = 1, justify = 1;
        break;
    case TN_LETTER_PLAIN:
        break;
    case TN_LETTER_HEADING:
        text = own = g_strconcat("**", b->text, "**", NULL), keep = 3, after = 2;
        pn->y += 4;
        break;
    case TN_LETTER_ITEM:
        x = LEFT + 20, w = TEXT_W - 20, after = 2;
        break;
    case TN_LETTER_CENTER:
        align = PANGO_ALIGN_CENTER;
        break;
    case TN_LETTER_NOTE:
        italic = 1, pt = 10.5;
        break;
    }
    if (b->kind == K_BASIS) {
        text = own = g_strconcat("Căn cứ ", b->text, ";", NULL);
        italic = 1, after = 2;
    }
    PangoLayout *l = layout(pn, text, pt, 0, italic, w, align);
    if (indent)
        pango_layout_set_indent(l, (int)(28 * PANGO_SCALE));
    if (b->style == TN_LETTER_ITEM && b->kind != K_BASIS)
        pango_layout_set_indent(l, (int)(-10 * PANGO_SCALE));
    pango_layout_set_justify(l, justify);
    flow(pn, l, x, keep);
    g_object_unref(l);
    g_free(own);
    pn->y += after;
}

static void title(struct pen *pn, const struct block *b)
{
    char *t = g_strconcat("**", b->text, "**", NULL);
    PangoLayout *l = layout(pn, t, 14, 0, 0, TEXT_W, PANGO_ALIGN_CENTER);
    g_free(t);
    need(pn, height(l) + 40);
    flow(pn, l, LEFT, 1);
    g_object_unref(l);
    if (b->text2) {
        char *s = g_strconcat("**", b->text2, "**", NULL);
        PangoLayout *sl = layout(pn, s, 12.5, 0, 0, TEXT_W, PANGO_ALIGN_CENTER);
        g_free(s);
        flow(pn, sl, LEFT, 1);
        g_object_unref(sl);
    }
    rule(pn, LEFT + TEXT_W * 0.4, LEFT + TEXT_W * 0.6, pn->y + 3);
    pn->y += 14;
}

static void addressee(struct pen *pn, const struct block *b)
{
    char *t = g_strconcat("Kính gửi: ", b->text, NULL);
    PangoLayout *l = layout(pn, t, BODY_PT + 0.5, 0, 0, TEXT_W, PANGO_ALIGN_CENTER);
    g_free(t);
    flow(pn, l, LEFT, 1);
    g_object_unref(l);
    pn->y += 10;
}

/* The x and width of each column of b. */
static void columns(const struct block *b, double *x, double *w)
{
    double sum = 0, pos = LEFT;
    for (size_t i = 0; i < b->ncols; i++)
        sum += b->cols[i].weight;
    for (size_t i = 0; i < b->ncols; i++) {
        x[i] = pos;
        w[i] = TEXT_W * b->cols[i].weight / sum;
        pos += w[i];
    }
}

/* Draws one table row (cells, bold) at pn->y with borders; returns its height. */
static double table_row(struct pen *pn, const struct block *b, char *const *cells, int bold,
                        int header, int measure_only)
{
    double x[MAXCOLS], w[MAXCOLS], h = 0;
    PangoLayout *l[MAXCOLS];
    columns(b, x, w);
    for (size_t i = 0; i < b->ncols; i++) {
        PangoAlignment a = header                                 ? PANGO_ALIGN_CENTER
                           : b->cols[i].align == TN_LETTER_RIGHT  ? PANGO_ALIGN_RIGHT
                           : b->cols[i].align == TN_LETTER_MIDDLE ? PANGO_ALIGN_CENTER
                                                                  : PANGO_ALIGN_LEFT;
        char *t = bold || header ? g_strconcat("**", cells[i], "**", NULL) : g_strdup(cells[i]);
        l[i] = layout(pn, t, header ? 10 : 10.5, 0, 0, w[i] - 2 * CELL_PAD, a);
        /* an amount is never broken over two lines: a right-aligned cell too wide for its
         * column is set smaller until it fits on one */
        for (double pt = 10; !header && b->cols[i].align == TN_LETTER_RIGHT && pt >= 6 &&
                             pango_layout_get_line_count(l[i]) > 1;
             pt -= 0.5) {
            g_object_unref(l[i]);
            l[i] = layout(pn, t, pt, 0, 0, w[i] - 2 * CELL_PAD, a);
        }
        g_free(t);
        double ch = height(l[i]) + 2 * CELL_PAD;
        h = ch > h ? ch : h;
    }
    if (!measure_only && pn->draw) {
        for (size_t i = 0; i < b->ncols; i++) {
            draw_at(pn, l[i], x[i] + CELL_PAD, pn->y + CELL_PAD);
            cairo_rectangle(pn->cr, x[i], pn->y, w[i], h);
        }
        cairo_set_line_width(pn->cr, 0.5);
        cairo_stroke(pn->cr);
    }
    for (size_t i = 0; i < b->ncols; i++)
        g_object_unref(l[i]);
    return h;
}

static void table(struct pen *pn, const struct block *b)
{
    double hh = table_row(pn, b, b->heads, 0, 1, 1);
    double first = b->nrows ? table_row(pn, b, b->rows[0].cells, b->rows[0].bold, 0, 1) : 0;
    need(pn, hh + first);
    pn->y += table_row(pn, b, b->heads, 0, 1, 0);
    for (size_t r = 0; r < b->nrows; r++) {
        double h = table_row(pn, b, b->rows[r].cells, b->rows[r].bold, 0, 1);
        if (pn->y + h > BOTTOM) {
            new_page(pn);
            pn->y += table_row(pn, b, b->heads, 0, 1, 0);
        }
        pn->y += table_row(pn, b, b->rows[r].cells, b->rows[r].bold, 0, 0);
    }
    pn->y += 8;
}

static void sign(struct pen *pn, const struct block *b)
{
    const struct tn_letter_sign *s = &b->sign;
    double lw = TEXT_W * 0.5, rx = LEFT + lw, rw = TEXT_W - lw;
    GString *rec = g_string_new("**Nơi nhận:**");
    for (size_t i = 0; i < s->nrecipients; i++)
        g_string_append_printf(rec, "\n- %s", s->recipients[i]);
    PangoLayout *rl = layout(pn, rec->str, 10, 0, 0, lw - 10, PANGO_ALIGN_LEFT);
    g_string_free(rec, TRUE);
    GString *sg = g_string_new(NULL);
    if (s->authority)
        g_string_append_printf(sg, "**%s**\n", s->authority);
    if (s->title)
        g_string_append_printf(sg, "**%s**", s->title);
    PangoLayout *tl = layout(pn, sg->str, 12, 0, 0, rw, PANGO_ALIGN_CENTER);
    g_string_free(sg, TRUE);
    char *nm = g_strconcat("**", s->name ? s->name : "", "**", NULL);
    PangoLayout *nl = layout(pn, nm, 12, 0, 0, rw, PANGO_ALIGN_CENTER);
    g_free(nm);
    double space = 64, right = height(tl) + space + height(nl), left = height(rl) + 4;
    double h = right > left ? right : left;
    need(pn, h + 4);
    double y = pn->y + 4;
    draw_at(pn, rl, LEFT, y + 4);
    draw_at(pn, tl, rx, y);
    draw_at(pn, nl, rx, y + height(tl) + space);
    pn->y = y + h + 6;
    g_object_unref(rl);
    g_object_unref(tl);
    g_object_unref(nl);
}

/* Lays out letter lt from its first page; returns its page count. */
static int letter(struct pen *pn, const struct letter *lt)
{
    pn->page = 1;
    pn->y = TOP;
    head_block(pn, lt);
    for (size_t i = 0; i < lt->nblocks; i++) {
        const struct block *b = &lt->blocks[i];
        switch (b->kind) {
        case K_TITLE:
            title(pn, b);
            break;
        case K_ADDRESSEE:
            addressee(pn, b);
            break;
        case K_BASIS:
        case K_PARA:
            para(pn, b);
            break;
        case K_TABLE:
            table(pn, b);
            break;
        case K_SIGN:
            sign(pn, b);
            break;
        case K_SPACE:
            need(pn, b->pt);
            pn->y += b->pt;
            break;
        case K_BREAK:
            new_page(pn);
            break;
        }
    }
    footer(pn);
    if (pn->draw)
        cairo_show_page(pn->cr);
    return pn->page;
}

static cairo_status_t write_out(void *closure, const unsigned char *data, unsigned int n)
{
    return fwrite(data, 1, n, closure) == n ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

tn_err tn_letter_doc_write(const struct tn_letter_doc *d, FILE *f)
{
    cairo_surface_t *s = cairo_pdf_surface_create_for_stream(write_out, f, PAGE_W, PAGE_H);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, d->created);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, d->title);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "thuno");
    cairo_t *cr = cairo_create(s);
    PangoContext *ctx = pango_cairo_create_context(cr);
    pango_cairo_context_set_resolution(ctx, 72); /* sizes in points */
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    pango_cairo_context_set_font_options(ctx, fo);
    cairo_font_options_destroy(fo);
    struct pen pn = {.cr = cr, .ctx = ctx};
    cairo_set_source_rgb(cr, 0, 0, 0);
    for (size_t i = 0; i < d->nletters; i++) {
        pn.draw = 0;
        int pages = letter(&pn, &d->letters[i]);
        pn.draw = 1;
        pn.npages = pages;
        letter(&pn, &d->letters[i]);
    }
    if (d->nletters == 0) {
        PangoLayout *l = layout(&pn, "(không có văn bản nào / no letters)", BODY_PT, 0, 1, TEXT_W,
                                PANGO_ALIGN_CENTER);
        pn.draw = 1;
        draw_at(&pn, l, LEFT, TOP);
        g_object_unref(l);
        cairo_show_page(cr);
    }
    g_object_unref(ctx);
    cairo_destroy(cr);
    cairo_surface_finish(s);
    tn_err err = cairo_surface_status(s) == CAIRO_STATUS_SUCCESS && !fflush(f) ? TN_OK : TN_ERR_IO;
    cairo_surface_destroy(s);
    return err;
}

tn_err tn_letter_doc_save(const struct tn_letter_doc *d, const char *path)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return TN_ERR_IO;
    tn_err err = tn_letter_doc_write(d, f);
    if (fclose(f) != 0 && !err)
        err = TN_ERR_IO;
    return err;
}
