/*
 * test_vocab.c - the vocabulary of enumerated values (vocab.h): the words documents show, by
 * value and by language, the column-specific words winning, and the table's invariants.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "thuno/vocab.h"

static void labels_match_table(void **state)
{
    (void)state;
    static const struct {
        const char *col, *value;
        enum tn_lang lang;
        const char *want;
    } cases[] = {
        {"legal_status", "current", TN_LANG_VI, "Đóng đúng hạn"},
        {"legal_status", "late", TN_LANG_VI, "Chậm đóng"},    /* Law 41/2024 Art 38 */
        {"legal_status", "evading", TN_LANG_VI, "Trốn đóng"}, /* Law 41/2024 Art 39 */
        {"legal_status", "evading", TN_LANG_EN, "Evading"},
        {"type", "private", TN_LANG_VI, "Doanh nghiệp ngoài nhà nước"},
        {"type", "fdi", TN_LANG_EN, "Foreign-invested"},
        {"action", "lock", TN_LANG_VI, "Khóa thẻ"},
        {"action", "unlock", TN_LANG_VI, "Mở khóa thẻ"},
        {"department", "KTTN", TN_LANG_VI, "Phòng Khai thác và thu nợ"}, /* glossary.md */
        {"year", "total", TN_LANG_VI, "Tổng cộng"},
        {NULL, "total", TN_LANG_EN, "Total"},
        /* one value, two meanings: the column decides */
        {"status", "suspended", TN_LANG_VI, "Tạm ngừng hoạt động"},
        {"state", "suspended", TN_LANG_VI, "Chưa có điều kiện thi hành"}, /* case.h */
        {"state", "sued", TN_LANG_VI, "Đang khởi kiện"},
        {"bucket", "1-3", TN_LANG_VI, "Từ 1 đến dưới 3 tháng"}, /* aging.c: 1.0 <= months < 3.0 */
        {"bucket", "12+", TN_LANG_EN, "12 months and more"},
        {"direction", "QLT->KTTN", TN_LANG_VI,
         "Phòng Quản lý thu chuyển Phòng Khai thác và thu nợ"},
        {"last_event", "reminder_sent", TN_LANG_VI, "Gửi văn bản đôn đốc"},
        {"channel", "judgment", TN_LANG_VI, "Theo bản án"},
        {"last_event", "judgment", TN_LANG_VI, "Bản án"},
        {"last_event", "deduction_refused", TN_LANG_EN, "Bank did not deduct"},
        {"state", "enforcing", TN_LANG_EN, "Under enforcement"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *got = tn_vocab_label(cases[i].col, cases[i].value, cases[i].lang);
        assert_non_null(got);
        assert_string_equal(got, cases[i].want);
    }
}

static void free_text_is_not_translated(void **state)
{
    (void)state;
    assert_null(tn_vocab_label("unit_name", "CÔNG TY TNHH HẢI ÂU", TN_LANG_VI));
    assert_null(tn_vocab_label("unit_code", "A", TN_LANG_VI));
    assert_null(tn_vocab_label("legal_status", "", TN_LANG_VI));
    assert_null(tn_vocab_label("legal_status", NULL, TN_LANG_VI));
    assert_null(tn_vocab_label(NULL, "Late", TN_LANG_VI)); /* values are exact identifiers */
    /* a column's own words stay in their column */
    assert_null(tn_vocab_label("outcome", "none", TN_LANG_VI));
    assert_null(tn_vocab_label("note", "office", TN_LANG_VI));
    assert_null(tn_vocab_label("debt", "0", TN_LANG_VI)); /* a bucket's word, not any "0" */
    assert_string_equal(tn_vocab_label("method", "none", TN_LANG_VI), "Không khớp");
    assert_string_equal(tn_vocab_label("next_by", "court", TN_LANG_VI), "Tòa án");
}

static void every_entry_complete_and_unique(void **state)
{
    (void)state;
    size_t n = tn_vocab_count();
    struct tn_vocab_entry a, b;
    assert_true(n > 50);
    assert_int_equal(tn_vocab_get(n, &a), 0);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(tn_vocab_get(i, &a), 1);
        assert_true(a.value && *a.value && a.vi && *a.vi && a.en && *a.en);
        for (size_t k = i + 1; k < n; k++) {
            assert_int_equal(tn_vocab_get(k, &b), 1);
            int same_col = (!a.column && !b.column) ||
                           (a.column && b.column && strcmp(a.column, b.column) == 0);
            if (same_col && strcmp(a.value, b.value) == 0)
                fail_msg("%s is in the vocabulary twice", a.value);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(labels_match_table),
        cmocka_unit_test(free_text_is_not_translated),
        cmocka_unit_test(every_entry_complete_and_unique),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
