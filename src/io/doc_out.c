/*
 * doc_out.c - a filled case document as text (doc_out.h): the letter's header (issuer and
 * number, the national motto, place and date, title, subject, addressee), its lines, and the
 * signature block. The PDF form is in doc_pdf.c.
 */
#include "thuno/doc_out.h"

#include <string.h>

static const char *M(tn_money m, char buf[static 32])
{
    tn_money_format_grouped(m, buf);
    return buf;
}

/* Writes s padded with spaces to width characters (UTF-8 code points, not bytes). */
static void pad(FILE *f, const char *s, int width)
{
    int n = 0;
    for (const char *p = s; *p; p++)
        n += ((unsigned char)*p & 0xC0) != 0x80;
    fputs(s, f);
    for (; n < width; n++)
        fputc(' ', f);
}

tn_err tn_doc_write_text(FILE *f, const struct tn_doc *d)
{
    fprintf(f, "%s\n%s\n", d->issuer, d->number);
    fprintf(f, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n");
    fprintf(f, "%s\n\n%s\n%s\n\nKính gửi: %s\n\n", d->place_date, d->title, d->subject,
            d->addressee);
    for (size_t i = 0; i < d->nlines; i++) {
        const struct tn_doc_line *l = &d->lines[i];
        char a[32];
        switch (l->kind) {
        case TN_DOC_LINE_HEADING:
            fprintf(f, "\n%s\n", l->text);
            break;
        case TN_DOC_LINE_PARA:
            fprintf(f, "%s\n", l->text);
            break;
        case TN_DOC_LINE_FIELD:
            fprintf(f, "  %s: %s\n", l->label, l->text);
            break;
        case TN_DOC_LINE_AMOUNT:
            fputs("  ", f);
            pad(f, l->label, 52);
            fprintf(f, " %15s%s%s\n", M(l->amount, a), l->text[0] ? "  " : "", l->text);
            break;
        case TN_DOC_LINE_TOTAL:
            fputs("  ", f);
            pad(f, l->label, 52);
            fprintf(f, " %15s\n", M(l->amount, a));
            break;
        case TN_DOC_LINE_COLS:
            /* the first title over the labels, the others right-aligned over the amounts */
            for (const char *s = l->text, *bar; *s; s = bar + (*bar == '|')) {
                bar = s + strcspn(s, "|");
                char t[96];
                snprintf(t, sizeof t, "%.*s", (int)(bar - s), s);
                if (s == l->text) {
                    fputs("  ", f);
                    pad(f, t, 14);
                } else {
                    int n = 0;
                    for (const char *p = t; *p; p++)
                        n += ((unsigned char)*p & 0xC0) != 0x80;
                    fprintf(f, " %*s%s", n < 20 ? 20 - n : 0, "", t);
                }
            }
            fputc('\n', f);
            break;
        case TN_DOC_LINE_ROW:
            fputs("  ", f);
            pad(f, l->label, 14);
            for (int k = 0; k < l->nv; k++)
                fprintf(f, " %20s", M(l->v[k], a));
            fputc('\n', f);
            break;
        }
    }
    fprintf(f, "\n%s%s%s\n(ký, ghi rõ họ tên, đóng dấu / signature and seal)\n", d->authority,
            d->authority[0] ? "\n" : "", d->signer);
    return ferror(f) ? TN_ERR_IO : TN_OK;
}
