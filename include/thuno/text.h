/*
 * text.h - the wording of official letters: the date line of an administrative document
 * ("ngày 05 tháng 01 năm 2026", Decree 30/2020/NĐ-CP Appendix I §5), amounts in đồng as
 * Vietnamese documents print them ("1.234.567 đ"), and the ASCII forms banks need in a
 * transfer memo (Vietnamese without diacritics: "Công ty Hòa Bình" -> "Cong ty Hoa Binh").
 *
 * Invariants: pure functions of their arguments (libc only, no locale); text is UTF-8, and
 * what they write always ends in NUL within the given size.
 */
#ifndef THUNO_TEXT_H
#define THUNO_TEXT_H

#include <stddef.h>

#include "thuno/err.h"
#include "thuno/money.h"
#include "thuno/period.h"

#define TN_TEXT_DATE_BUFSZ  40 /* "ngày 05 tháng 01 năm 2026" and its NUL, with room */
#define TN_TEXT_MONEY_BUFSZ 40 /* "-9.223.372.036.854.775.808 đ" and its NUL */
#define TN_TEXT_MEMO_MAX                                                                           \
    140 /* bytes of a transfer memo most banks accept (CONFIRM: NAPAS                              \
           allows 210; 140 is the common internet-banking limit) */

/* Writes the date of day d as a Vietnamese document prints it: "ngày DD tháng MM năm YYYY",
 * with a leading zero on days below 10 and on months 1 and 2 only ("ngày 05 tháng 3 năm 2026",
 * "ngày 15 tháng 01 năm 2026").  LAW: Decree 30/2020/NĐ-CP Appendix I §5 (thời gian ban hành). */
void tn_text_date_vi(tn_day d, char buf[static TN_TEXT_DATE_BUFSZ]);

#define TN_TEXT_DAY_BUFSZ 11 /* "05/01/2026" and its NUL */

/* Writes day d as documents write a day inside their text: "dd/mm/yyyy", "05/01/2026". */
void tn_text_day_vi(tn_day d, char buf[static TN_TEXT_DAY_BUFSZ]);

/* Writes m grouped with dots and followed by " đ": "1.234.567 đ", "0 đ", "-500 đ". */
void tn_text_money_vnd(tn_money m, char buf[static TN_TEXT_MONEY_BUFSZ]);

#define TN_TEXT_WORDS_BUFSZ 512 /* the longest amount in words fits */

/* Writes m in Vietnamese words as a document's "bằng chữ" line: capitalized, groups of three
 * digits read with trăm/mươi, "linh" for a zero ten, "mốt", "tư", "lăm" after the tens, a
 * group inside the number read in full ("không trăm ..."), zero groups skipped, "nghìn",
 * "triệu", "tỷ" (and "nghìn tỷ" ... above), then " đồng": 15,723,200 -> "Mười lăm triệu bảy
 * trăm hai mươi ba nghìn hai trăm đồng", 0 -> "Không đồng", -5 -> "Âm năm đồng". */
void tn_text_money_words(tn_money m, char buf[static TN_TEXT_WORDS_BUFSZ]);

/* Writes s (UTF-8, NFC or NFD) without Vietnamese diacritics into out: every precomposed
 * Latin letter becomes its ASCII base ("ộ" -> "o", "Đ" -> "D", "ư" -> "u"), combining marks
 * (U+0300..U+036F) are dropped, and any other non-ASCII character or control byte becomes a
 * space. Stops at size - 1 bytes, never cutting a character. Returns the length written.
 * size must be > 0. */
/* The room for a name or an address read from the store: every text cell an import accepts
 * (at most 1000 bytes, import_rules.h TN__CK_TEXT) and its NUL, so no imported name is cut. */
#define TN_NAME_BUFSZ 1024

/* Copies the UTF-8 text src into dst (size > 0), cut if it must be at a character boundary,
 * never inside a character; returns the bytes written. */
size_t tn_text_copy(char *dst, size_t size, const char *src);

size_t tn_text_ascii_fold(const char *s, char *out, size_t size);

/* Writes the transfer memo (nội dung chuyển tiền) for a unit's contributions of period p:
 * "<CODE> <NAME> dong bhxh thang <M> nam <YYYY>", e.g. "YN0001A CONG TY X dong bhxh thang
 * 10 nam 2026": the name folded to ASCII (tn_text_ascii_fold) and upper-cased, runs of spaces
 * and characters banks reject (anything but letters, digits, space and . , - /) squeezed to
 * one space. When the memo would exceed TN_TEXT_MEMO_MAX bytes the name is cut at a word
 * boundary; code and period are always kept. size must be > TN_TEXT_MEMO_MAX.
 * Errors: TN_ERR_RANGE if p is outside years 1900..9999 or the code alone leaves no room. */
tn_err tn_text_memo(const char *unit_code, const char *unit_name, tn_period p, char *buf,
                    size_t size);

#endif
