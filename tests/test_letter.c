/*
 * test_letter.c - the letter engine (letter.h): a batch of two letters written as PDF, read
 * back with pdftotext (the official header, title, addressee, basis, bold runs, table,
 * signature and recipients, and "Trang x/y" counted per letter: the first letter fits one
 * page, the second has a 50-row table over two), page 1 rendered by pdftoppm is not blank,
 * and the same letters give the same bytes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "thuno/letter.h"
#include "thuno/text.h"

static struct tn_letter_doc *batch(void)
{
    struct tn_letter_doc *d = tn_letter_doc_new("2025-12-05T08:00:00", "Thử nghiệm");
    tn_day day;
    assert_int_equal(tn_day_make(2025, 12, 5, &day), TN_OK);
    struct tn_letter_head h = {.office = "BẢO HIỂM XÃ HỘI TỈNH YÊN NAM",
                               .number = "Số: 7/TB-BHXH",
                               .summary = "V/v đôn đốc đóng BHXH, BHYT, BHTN",
                               .place = "Yên Nam",
                               .date = day};
    static const char *const rec[] = {"Như trên;", "Lưu: VT, QLT."};
    struct tn_letter_sign s = {.authority = "KT. GIÁM ĐỐC",
                               .title = "PHÓ GIÁM ĐỐC",
                               .name = "Nguyễn Văn Bình",
                               .recipients = rec,
                               .nrecipients = 2};
    static const struct tn_letter_col cols[] = {{"STT", 1, TN_LETTER_MIDDLE},
                                                {"Quỹ", 4, TN_LETTER_LEFT},
                                                {"Số tiền (đồng)", 3, TN_LETTER_RIGHT}};

    tn_letter_begin(d, &h);
    tn_letter_title(d, "THÔNG BÁO", "Về việc đôn đốc đóng BHXH, BHYT, BHTN");
    tn_letter_addressee(d, "Công ty TNHH Hòa Bình <A&B>");
    tn_letter_basis(d, "Luật Bảo hiểm xã hội số 41/2024/QH15");
    tn_letter_para(d, TN_LETTER_BODY, "Đơn vị còn nợ **1.234.567 đ** tiền đóng.");
    tn_letter_table_begin(d, cols, 3);
    tn_letter_table_row(d, (const char *const[]){"1", "Quỹ hưu trí, tử tuất", "1.000.000"}, 0);
    tn_letter_table_row(d, (const char *const[]){NULL, "Tổng cộng", "1.234.567"}, 1);
    tn_letter_sign(d, &s);

    h.number = "Số: 8/TB-BHXH";
    tn_letter_begin(d, &h);
    tn_letter_title(d, "DANH SÁCH", NULL);
    tn_letter_table_begin(d, cols, 3);
    for (int i = 1; i <= 50; i++) {
        char n[8], amount[TN_TEXT_MONEY_BUFSZ];
        snprintf(n, sizeof n, "%d", i);
        tn_text_money_vnd((tn_money)i * 1000, amount);
        tn_letter_table_row(d, (const char *const[]){n, "Đơn vị", amount}, 0);
    }
    tn_letter_para(d, TN_LETTER_NOTE, "Hết danh sách.");
    return d;
}

static char *slurp(FILE *f, size_t *len)
{
    size_t cap = 1 << 16, n = 0, got;
    char *buf = malloc(cap);
    while ((got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (n + 1 == cap)
            buf = realloc(buf, cap *= 2);
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

static void batch_reads_back(void **state)
{
    (void)state;
    char path[] = "/tmp/test_letterXXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    struct tn_letter_doc *d = batch();
    assert_int_equal(tn_letter_doc_count(d), 2);
    assert_int_equal(tn_letter_doc_save(d, path), TN_OK);

    /* same letters, same bytes */
    FILE *a = fopen(path, "rb"), *b = tmpfile();
    assert_non_null(a);
    assert_int_equal(tn_letter_doc_write(d, b), TN_OK);
    rewind(b);
    size_t na, nb;
    char *pa = slurp(a, &na), *pb = slurp(b, &nb);
    assert_int_equal(na, nb);
    assert_memory_equal(pa, pb, na);
    free(pa);
    free(pb);
    fclose(a);
    fclose(b);
    tn_letter_doc_free(d);

    char cmd[256];
    snprintf(cmd, sizeof cmd, "pdftotext -layout %s -", path);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    size_t n;
    char *text = slurp(p, &n);
    assert_int_equal(pclose(p), 0);
    static const char *const want[] = {"BẢO HIỂM XÃ HỘI VIỆT NAM",
                                       "BẢO HIỂM XÃ HỘI TỈNH YÊN NAM",
                                       "Số: 7/TB-BHXH",
                                       "V/v đôn đốc đóng BHXH, BHYT, BHTN",
                                       "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                       "Độc lập - Tự do - Hạnh phúc",
                                       "Yên Nam, ngày 05 tháng 12 năm 2025",
                                       "THÔNG BÁO",
                                       "Kính gửi: Công ty TNHH Hòa Bình <A&B>",
                                       "Căn cứ Luật Bảo hiểm xã hội số 41/2024/QH15;",
                                       "Đơn vị còn nợ 1.234.567 đ tiền đóng.",
                                       "Quỹ hưu trí, tử tuất",
                                       "Tổng cộng",
                                       "KT. GIÁM ĐỐC",
                                       "Nơi nhận:",
                                       "- Lưu: VT, QLT.",
                                       "Nguyễn Văn Bình",
                                       "Trang 1/1",
                                       "Số: 8/TB-BHXH",
                                       "50.000 đ",
                                       "Hết danh sách.",
                                       "Trang 1/2",
                                       "Trang 2/2"};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        if (!strstr(text, want[i]))
            fail_msg("missing in the PDF text: %s\n%s", want[i], text);
    }
    /* three pages: one form feed after each */
    int pages = 0;
    for (const char *c = text; *c; c++)
        pages += *c == '\f';
    assert_int_equal(pages, 3);
    /* the 50th row is on the second page of letter 2 */
    assert_non_null(strstr(strstr(text, "Trang 1/2"), "50.000 đ"));
    free(text);

    snprintf(cmd, sizeof cmd, "pdftoppm -r 30 -gray -f 1 -l 1 %s", path);
    p = popen(cmd, "r");
    assert_non_null(p);
    char *pgm = slurp(p, &n);
    assert_int_equal(pclose(p), 0);
    assert_true(n > 100 && pgm[0] == 'P' && pgm[1] == '5');
    size_t dark = 0;
    for (size_t i = n / 2 > 1000 ? 20 : 0; i < n; i++) /* past the header */
        dark += (unsigned char)pgm[i] < 128;
    assert_true(dark > 200);
    free(pgm);
    if (!getenv("KEEP"))
        remove(path);
    else
        fprintf(stderr, "%s\n", path);
}

static void empty_document_has_a_page(void **state)
{
    (void)state;
    struct tn_letter_doc *d = tn_letter_doc_new("2025-12-05T08:00:00", NULL);
    FILE *f = tmpfile();
    assert_int_equal(tn_letter_doc_write(d, f), TN_OK);
    assert_true(ftell(f) > 500);
    fclose(f);
    tn_letter_doc_free(d);
    tn_letter_doc_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(batch_reads_back),
        cmocka_unit_test(empty_document_has_a_page),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
