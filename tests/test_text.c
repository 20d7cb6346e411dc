/*
 * test_text.c - the wording of letters (text.h): the date line of Decree 30/2020/NĐ-CP,
 * amounts in đồng, Vietnamese folded to ASCII and the bank transfer memo.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "thuno/text.h"

static void date_line_pads_days_and_first_months(void **state)
{
    (void)state;
    static const struct {
        int y, m, d;
        const char *want;
    } cases[] = {
        {2025, 12, 5, "ngày 05 tháng 12 năm 2025"}, /* day < 10: a zero (Decree 30 App I §5) */
        {2026, 1, 15, "ngày 15 tháng 01 năm 2026"}, /* months 1 and 2: a zero */
        {2026, 2, 28, "ngày 28 tháng 02 năm 2026"},
        {2026, 3, 9, "ngày 09 tháng 3 năm 2026"}, /* month 3..12: none */
        {2024, 10, 31, "ngày 31 tháng 10 năm 2024"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        tn_day d;
        assert_int_equal(tn_day_make(cases[i].y, cases[i].m, cases[i].d, &d), TN_OK);
        char buf[TN_TEXT_DATE_BUFSZ];
        tn_text_date_vi(d, buf);
        assert_string_equal(buf, cases[i].want);
    }
}

static void day_in_text_is_dd_mm_yyyy(void **state)
{
    (void)state;
    static const struct {
        int y, m, d;
        const char *want;
    } cases[] = {
        {2026, 1, 5, "05/01/2026"},   /* leading zeros on day and month */
        {2025, 12, 31, "31/12/2025"}, /* none needed */
        {1900, 3, 1, "01/03/1900"},   /* the first year a day may have */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        tn_day d;
        assert_int_equal(tn_day_make(cases[i].y, cases[i].m, cases[i].d, &d), TN_OK);
        char buf[TN_TEXT_DAY_BUFSZ];
        tn_text_day_vi(d, buf);
        assert_string_equal(buf, cases[i].want);
    }
}

static void money_is_grouped_with_dong(void **state)
{
    (void)state;
    char buf[TN_TEXT_MONEY_BUFSZ];
    tn_text_money_vnd(1234567, buf);
    assert_string_equal(buf, "1.234.567 đ");
    tn_text_money_vnd(0, buf);
    assert_string_equal(buf, "0 đ");
    tn_text_money_vnd(-500, buf);
    assert_string_equal(buf, "-500 đ");
    tn_text_money_vnd(INT64_MIN, buf);
    assert_string_equal(buf, "-9.223.372.036.854.775.808 đ");
}

static void money_in_words(void **state)
{
    (void)state;
    static const struct {
        tn_money m;
        const char *want;
    } cases[] = {
        {15723200, "Mười lăm triệu bảy trăm hai mươi ba nghìn hai trăm đồng"}, /* A's debt */
        {6032400, "Sáu triệu không trăm ba mươi hai nghìn bốn trăm đồng"},     /* B's debt */
        {3168, "Ba nghìn một trăm sáu mươi tám đồng"},
        {1080, "Một nghìn không trăm tám mươi đồng"}, /* an inner group is read in full */
        {0, "Không đồng"},
        {5, "Năm đồng"},
        {10, "Mười đồng"},
        {14, "Mười bốn đồng"},
        {15, "Mười lăm đồng"}, /* "lăm" after the tens */
        {21, "Hai mươi mốt đồng"},
        {24, "Hai mươi tư đồng"},
        {105, "Một trăm linh năm đồng"}, /* "linh" for the zero ten */
        {110, "Một trăm mười đồng"},
        {1000000, "Một triệu đồng"}, /* zero groups are skipped */
        {1000500, "Một triệu năm trăm đồng"},
        {1005000, "Một triệu không trăm linh năm nghìn đồng"},
        {1000000000, "Một tỷ đồng"},
        {2000005000, "Hai tỷ không trăm linh năm nghìn đồng"},
        {1500000000000, "Một nghìn năm trăm tỷ đồng"},
        {-5, "Âm năm đồng"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char buf[TN_TEXT_WORDS_BUFSZ];
        tn_text_money_words(cases[i].m, buf);
        assert_string_equal(buf, cases[i].want);
    }
    char big[TN_TEXT_WORDS_BUFSZ];
    tn_text_money_words(INT64_MIN, big); /* the longest: fits, ends in đồng */
    assert_true(strlen(big) > 100);
    assert_string_equal(big + strlen(big) - strlen("đồng"), "đồng");
}

static void fold_removes_diacritics(void **state)
{
    (void)state;
    static const struct {
        const char *in, *want;
    } cases[] = {
        {"Công ty TNHH Hòa Bình", "Cong ty TNHH Hoa Binh"},
        {"ĐƯỜNG Nguyễn Trãi, Quận Đống Đa", "DUONG Nguyen Trai, Quan Dong Da"},
        {"ỳ ỵ ỷ ỹ ý ạ ả ấ ầ ẩ ẫ ậ ắ ằ ẳ ẵ ặ", "y y y y y a a a a a a a a a a a a"},
        {"ơ ờ ớ ở ỡ ợ ư ừ ứ ử ữ ự", "o o o o o o u u u u u u"},
        {"Ô\xcc\x81", "O"}, /* NFD: O-circumflex + combining acute */
        {"A\xc3\x97"
         "B",
         "A B"},         /* '×' has no base letter */
        {"x\ty", "x y"}, /* control characters become spaces */
        {"\xff"
         "a",
         " a"}, /* a bad byte becomes a space */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char out[128];
        size_t n = tn_text_ascii_fold(cases[i].in, out, sizeof out);
        assert_string_equal(out, cases[i].want);
        assert_int_equal(n, strlen(cases[i].want));
    }
    char small[4];
    assert_int_equal(tn_text_ascii_fold("Đồng Nai", small, sizeof small), 3);
    assert_string_equal(small, "Don");
}

static void memo_names_code_name_and_period(void **state)
{
    (void)state;
    char buf[TN_TEXT_MEMO_MAX + 1];
    tn_period p;
    assert_int_equal(tn_period_make(2026, 10, &p), TN_OK);
    assert_int_equal(tn_text_memo("YN0001A", "Công ty X", p, buf, sizeof buf), TN_OK);
    assert_string_equal(buf, "YN0001A CONG TY X dong bhxh thang 10 nam 2026");
    assert_int_equal(tn_period_make(2025, 3, &p), TN_OK);
    assert_int_equal(
        tn_text_memo("YN0002B", "Hợp tác xã  (Nông nghiệp) & Dịch vụ", p, buf, sizeof buf), TN_OK);
    assert_string_equal(buf, "YN0002B HOP TAC XA NONG NGHIEP DICH VU dong bhxh thang 3 nam 2025");

    /* a long name is cut at a word boundary; the memo stays within the bank's limit */
    char name[400];
    size_t len = 0;
    for (int i = 0; i < 20; i++)
        len += (size_t)snprintf(name + len, sizeof name - len, "Thương mại ");
    assert_int_equal(tn_text_memo("YN0003C", name, p, buf, sizeof buf), TN_OK);
    assert_true(strlen(buf) <= TN_TEXT_MEMO_MAX);
    assert_non_null(strstr(buf, "YN0003C THUONG MAI THUONG"));
    const char *tail = " dong bhxh thang 3 nam 2025";
    assert_string_equal(buf + strlen(buf) - strlen(tail), tail);
    assert_true(buf[strlen(buf) - strlen(tail) - 1] != ' ');
    const char *before = buf + strlen(buf) - strlen(tail) - 3;
    assert_true(strncmp(before, "MAI", 3) == 0 || strncmp(before + 1, "NG", 2) == 0);

    assert_int_equal(tn_text_memo("", "X", p, buf, sizeof buf), TN_ERR_RANGE);
    assert_int_equal(tn_text_memo("A", "X", 0, buf, sizeof buf), TN_ERR_RANGE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(date_line_pads_days_and_first_months),
        cmocka_unit_test(day_in_text_is_dd_mm_yyyy),
        cmocka_unit_test(money_is_grouped_with_dong),
        cmocka_unit_test(money_in_words),
        cmocka_unit_test(fold_removes_diacritics),
        cmocka_unit_test(memo_names_code_name_and_period),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
