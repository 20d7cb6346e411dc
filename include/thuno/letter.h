/*
 * letter.h - official letters as A4 PDF (cairo + Pango, Noto Serif): the layout of a
 * Vietnamese administrative document (Decree 30/2020/NĐ-CP Appendix I): on the first page,
 * left, the governing agency ("BẢO HIỂM XÃ HỘI VIỆT NAM"), the issuing office in bold and the
 * number "Số: 12/TB-BHXH" (and optionally the "V/v ..." summary); right, the national motto
 * "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" / "Độc lập - Tự do - Hạnh phúc" and the place and date
 * "Yên Nam, ngày 05 tháng 12 năm 2025"; then the blocks in the order added: title, addressee
 * ("Kính gửi: ..."), legal basis ("Căn cứ ...;"), paragraphs with bold runs, headings, list
 * items, tables (borders, repeated header row on a new page, bold total rows), the
 * signature with the recipients ("Nơi nhận:") beside it; "Trang x/y" at the foot of every
 * page, counted per letter.
 *
 * One document holds any number of letters (a batch): each letter starts on a new page and
 * has its own page count. The bytes depend only on what was added and on the pinned creation
 * date, so the same input gives the same file (goldens compare `pdftotext -layout`).
 *
 * Usage:
 *     struct tn_letter_doc *doc = tn_letter_doc_new("2025-12-05T08:00:00", "Đôn đốc");
 *     struct tn_letter_head h = {.office = "BẢO HIỂM XÃ HỘI TỈNH YÊN NAM",
 *                                .number = "Số: 12/TB-BHXH", .place = "Yên Nam", .date = day};
 *     tn_letter_begin(doc, &h);
 *     tn_letter_title(doc, "THÔNG BÁO", "Về việc đôn đốc đóng BHXH, BHYT, BHTN");
 *     tn_letter_addressee(doc, "Công ty TNHH A");
 *     tn_letter_basis(doc, "Luật Bảo hiểm xã hội số 41/2024/QH15");
 *     tn_letter_para(doc, TN_LETTER_BODY, "Đơn vị còn nợ **1.234.567 đ**.");
 *     ... tn_letter_table_begin / _row ..., tn_letter_sign(doc, &sign);
 *     tn_letter_doc_write(doc, f);   // or tn_letter_doc_save(doc, "out.pdf")
 *     tn_letter_doc_free(doc);
 *
 * Ownership: every string passed in is copied; nothing passed in needs to outlive the call.
 * Blocks are added to the letter begun last; adding a block before tn_letter_begin() is a
 * programming error (assert).
 */
#ifndef THUNO_LETTER_H
#define THUNO_LETTER_H

#include <stddef.h>
#include <stdio.h>

#include "thuno/err.h"
#include "thuno/period.h"

struct tn_letter_doc; /* opaque: the letters added so far */

/* The header of one letter. NULL fields are left out, except agency (default "BẢO HIỂM XÃ
 * HỘI VIỆT NAM"). */
struct tn_letter_head {
    const char *agency; /* governing agency, upper case; NULL: "BẢO HIỂM XÃ HỘI VIỆT NAM" */
    const char *office; /* issuing office, upper case, bold: "BẢO HIỂM XÃ HỘI TỈNH YÊN NAM" */
    const char *number;  /* the whole line: "Số: 12/TB-BHXH" */
    const char *summary; /* "V/v đôn đốc đóng BHXH, BHYT, BHTN" under the number, or NULL */
    const char *place;   /* "Yên Nam": printed "Yên Nam, ngày 05 tháng 12 năm 2025" */
    tn_day date;         /* date of the letter (tn_text_date_vi) */
    const char *form;    /* form code printed small at the top right ("Mẫu C12-TS"), or NULL */
};

/* Paragraph styles. Text of every style may hold bold runs between "**" pairs ("nợ
 * **1.000 đ**"); an unpaired "**" bolds to the end of the paragraph. Everything else is
 * printed literally (no markup, '<' and '&' are safe). A '\n' breaks the line. */
enum tn_letter_style {
    TN_LETTER_BODY,    /* justified, first line indented */
    TN_LETTER_PLAIN,   /* left-aligned, no indent */
    TN_LETTER_HEADING, /* bold, left, no indent, kept with the next lines: "1. Số tiền nợ" */
    TN_LETTER_ITEM,    /* a list item, indented, hanging: "- Quỹ BHXH: ..." */
    TN_LETTER_CENTER,  /* centered */
    TN_LETTER_NOTE     /* italic, smaller: notes, explanations */
};

enum tn_letter_align { TN_LETTER_LEFT, TN_LETTER_RIGHT, TN_LETTER_MIDDLE };

/* A table column: header text (may hold '\n'), relative width (> 0; the widths share the
 * text width in proportion), alignment of its cells (amounts: TN_LETTER_RIGHT). */
struct tn_letter_col {
    const char *head;
    double weight;
    enum tn_letter_align align;
};

/* The signature block, printed on the right under the text, with the recipients on the
 * left at the same height; kept together on one page. */
struct tn_letter_sign {
    const char *authority;         /* "KT. GIÁM ĐỐC", "TL. GIÁM ĐỐC" or NULL */
    const char *title;             /* "PHÓ GIÁM ĐỐC" (bold) */
    const char *name;              /* signer's full name (bold, under the space for the signature);
                                      NULL leaves the space only */
    const char *const *recipients; /* "Nơi nhận:" items, e.g. "Như trên;", "Lưu: VT, QLT." */
    size_t nrecipients;
};

/* Starts an empty document. created is "YYYY-MM-DDTHH:MM:SS" (pinned into the PDF so the
 * same letters give the same bytes; pass the run's as-of time, never the clock), title the
 * PDF title metadata; both copied. Never NULL; free with tn_letter_doc_free(). */
struct tn_letter_doc *tn_letter_doc_new(const char *created, const char *title);

/* Frees doc and all it holds. NULL is a no-op. */
void tn_letter_doc_free(struct tn_letter_doc *doc);

/* Number of letters begun in doc. */
size_t tn_letter_doc_count(const struct tn_letter_doc *doc);

/* Starts a new letter (a new first page, its own "Trang x/y") with header h. */
void tn_letter_begin(struct tn_letter_doc *doc, const struct tn_letter_head *h);

/* Adds the document title (bold, upper case as given, centered: "THÔNG BÁO") and, if not
 * NULL, its summary line under it (bold, centered: "Kết quả đóng BHXH, BHYT, BHTN"), with a
 * short rule below. */
void tn_letter_title(struct tn_letter_doc *doc, const char *title, const char *subtitle);

/* Adds the addressee line, centered: "Kính gửi: <to>" (to may hold "**" runs). */
void tn_letter_addressee(struct tn_letter_doc *doc, const char *to);

/* Adds one legal basis line: "Căn cứ <text>;" (text without "Căn cứ" and the ';', e.g.
 * "Luật Bảo hiểm xã hội số 41/2024/QH15 ngày 29/6/2024"), justified, first line indented,
 * italic. */
void tn_letter_basis(struct tn_letter_doc *doc, const char *text);

/* Adds a paragraph in style (see enum tn_letter_style for "**" bold runs). */
void tn_letter_para(struct tn_letter_doc *doc, enum tn_letter_style style, const char *text);

/* Like tn_letter_para with printf formatting (the result up to 4,000 bytes). */
void tn_letter_paraf(struct tn_letter_doc *doc, enum tn_letter_style style, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Starts a table of ncols columns (1..16; cols copied). Rows follow with
 * tn_letter_table_row(); the table ends with the next block of any other kind. */
void tn_letter_table_begin(struct tn_letter_doc *doc, const struct tn_letter_col *cols,
                           size_t ncols);

/* Adds a row of the open table: exactly ncols cells (NULL prints empty; may hold '\n');
 * bold for a total row. */
void tn_letter_table_row(struct tn_letter_doc *doc, const char *const *cells, int bold);

/* Adds the signature block with the recipients (see struct tn_letter_sign). */
void tn_letter_sign(struct tn_letter_doc *doc, const struct tn_letter_sign *s);

/* Adds vertical space of pt points (a page break if it does not fit). */
void tn_letter_space(struct tn_letter_doc *doc, double pt);

/* Continues the current letter on a new page. */
void tn_letter_page_break(struct tn_letter_doc *doc);

/* Writes doc as PDF to f (borrowed; written and flushed, not closed). A document without
 * letters gives one page saying so. Errors: TN_ERR_IO when the stream or cairo fails. */
tn_err tn_letter_doc_write(const struct tn_letter_doc *doc, FILE *f);

/* Writes doc to the file at path (created or replaced). Errors: TN_ERR_IO. */
tn_err tn_letter_doc_save(const struct tn_letter_doc *doc, const char *path);

#endif
