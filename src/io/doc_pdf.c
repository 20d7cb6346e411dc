/*
 * doc_pdf.c - a filled case document as an A4 PDF (doc_out.h) through the letter engine
 * (letter.h: the Decree 30/2020/NĐ-CP administrative layout, page numbers, pinned creation
 * date): the issuer, number and subject at the top left, the motto and the place and date at
 * the top right, the title, the addressee, then the document's lines: parts as headings,
 * paragraphs, fields as items, and each run of amount rows as one table (item, detail,
 * amount in đồng) with its totals in bold; the signature block last.
 */
#include "thuno/doc_out.h"

#include <string.h>

#include "thuno/letter.h"

static void amounts(struct tn_letter_doc *doc, const struct tn_doc *d, size_t *i)
{
    static const struct tn_letter_col cols[] = {
        {"Nội dung / item", 5.0, TN_LETTER_LEFT},
        {"Diễn giải / detail", 5.0, TN_LETTER_LEFT},
        {"Số tiền (đồng)", 2.4, TN_LETTER_RIGHT},
    };
    tn_letter_table_begin(doc, cols, 3);
    for (; *i < d->nlines; ++*i) {
        const struct tn_doc_line *l = &d->lines[*i];
        if (l->kind != TN_DOC_LINE_AMOUNT && l->kind != TN_DOC_LINE_TOTAL)
            break;
        char a[32];
        tn_money_format_grouped(l->amount, a);
        const char *cells[3] = {l->label, l->text, a};
        tn_letter_table_row(doc, cells, l->kind == TN_DOC_LINE_TOTAL);
    }
    --*i;
}

/* A table of rows under the column titles of line *i, one amount column per title after the
 * first. */
static void rows(struct tn_letter_doc *doc, const struct tn_doc *d, size_t *i)
{
    struct tn_letter_col cols[TN_DOC_ROW_MAX + 1];
    char titles[TN_DOC_ROW_MAX + 1][96];
    size_t n = 0;
    for (const char *s = d->lines[*i].text, *bar; *s && n <= TN_DOC_ROW_MAX;
         s = bar + (*bar == '|')) {
        bar = s + strcspn(s, "|");
        snprintf(titles[n], sizeof titles[n], "%.*s", (int)(bar - s), s);
        cols[n] =
            (struct tn_letter_col){titles[n], n ? 2.0 : 1.6, n ? TN_LETTER_RIGHT : TN_LETTER_LEFT};
        n++;
    }
    tn_letter_table_begin(doc, cols, n);
    for (++*i; *i < d->nlines && d->lines[*i].kind == TN_DOC_LINE_ROW; ++*i) {
        const struct tn_doc_line *l = &d->lines[*i];
        char amt[TN_DOC_ROW_MAX][32];
        const char *cells[TN_DOC_ROW_MAX + 1] = {l->label};
        for (size_t k = 1; k < n; k++) {
            amt[k - 1][0] = '\0';
            if ((int)k <= l->nv)
                tn_money_format_grouped(l->v[k - 1], amt[k - 1]);
            cells[k] = amt[k - 1];
        }
        tn_letter_table_row(doc, cells, l->bold);
    }
    --*i;
}

tn_err tn_doc_write_pdf(FILE *f, const struct tn_doc *d, const char *created)
{
    struct tn_letter_doc *doc = tn_letter_doc_new(created, d->title);
    struct tn_letter_head h = {.office = d->issuer,
                               .number = d->number,
                               .summary = d->subject,
                               .place = d->place[0] ? d->place : NULL,
                               .date = d->date};
    tn_letter_begin(doc, &h);
    tn_letter_title(doc, d->title, NULL);
    tn_letter_addressee(doc, d->addressee);
    for (size_t i = 0; i < d->nlines; i++) {
        const struct tn_doc_line *l = &d->lines[i];
        switch (l->kind) {
        case TN_DOC_LINE_HEADING:
            tn_letter_para(doc, TN_LETTER_HEADING, l->text);
            break;
        case TN_DOC_LINE_PARA:
            tn_letter_para(doc, TN_LETTER_BODY, l->text);
            break;
        case TN_DOC_LINE_FIELD:
            tn_letter_paraf(doc, TN_LETTER_ITEM, "- %s: %s", l->label, l->text);
            break;
        case TN_DOC_LINE_AMOUNT:
        case TN_DOC_LINE_TOTAL:
            amounts(doc, d, &i);
            break;
        case TN_DOC_LINE_COLS:
            rows(doc, d, &i);
            break;
        case TN_DOC_LINE_ROW: /* only under COLS */
            break;
        }
    }
    static const char *const recipients[] = {"Như trên;", "Lưu: VT, hồ sơ."};
    struct tn_letter_sign s = {.authority = d->authority[0] ? d->authority : NULL,
                               .title = d->signer,
                               .recipients = recipients,
                               .nrecipients = 2};
    tn_letter_sign(doc, &s);
    tn_err err = tn_letter_doc_write(doc, f);
    tn_letter_doc_free(doc);
    return err;
}
