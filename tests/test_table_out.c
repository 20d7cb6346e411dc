/*
 * test_table_out.c - the rules the document formats share (table_out.c, docs/formats.md):
 * which whole-number columns add up, and how a cell is shown in a PDF.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/table_out_int.h"

static void additive_columns(void **state)
{
    (void)state;
    const char *const adds[] = {
        "debt",          "assessed", "units",          "workers",   "units_1_3",
        "units_12plus",  "fine_min", "amount_claimed", "reminders", "case_events",
        "owing_3m_debt", "plan",     "collected_prev", NULL};
    const char *const not [] = {"year",
                                "rank",
                                "art216_clause",
                                "decision_no",
                                "case_id",
                                "office_code",
                                "collected_pct",
                                "debt_ratio",
                                "regional_min_wage",
                                "declared_base",
                                "overdue_days",
                                "days_left",
                                "avg_days_to_reply",
                                "months",
                                "months_owed",
                                "years_open",
                                "threshold",
                                "confidence",
                                NULL};
    for (const char *const *c = adds; *c; c++)
        if (!tn__col_additive(*c))
            fail_msg("%s should add up", *c);
    for (const char *const *c = not ; *c; c++)
        if (tn__col_additive(*c))
            fail_msg("%s should not add up", *c);
}

static void cell_display(void **state)
{
    (void)state;
    static const struct {
        struct tn_cell cell;
        const char *col, *want;
        enum tn_lang lang;
    } cases[] = {
        {{TN_CELL_INT, NULL, -1234567}, "debt", "-1.234.567", TN_LANG_VI},
        {{TN_CELL_INT, NULL, 2025}, "year", "2025", TN_LANG_VI},
        {{TN_CELL_TENTHS, NULL, -25}, "months_owed", "-2,5", TN_LANG_VI},
        {{TN_CELL_NULL, NULL, 0}, "debt", "", TN_LANG_VI},
        {{TN_CELL_TEXT, "Hợp tác xã", 0}, "name", "Hợp tác xã", TN_LANG_VI},
        /* enumerated values in the document's language (vocab.h), free text as it is */
        {{TN_CELL_TEXT, "evading", 0}, "legal_status", "Trốn đóng", TN_LANG_VI},
        {{TN_CELL_TEXT, "evading", 0}, "legal_status", "Evading", TN_LANG_EN},
        {{TN_CELL_TEXT, "private", 0}, "type", "Doanh nghiệp ngoài nhà nước", TN_LANG_VI},
        {{TN_CELL_TEXT, "suspended", 0}, "status", "Tạm ngừng hoạt động", TN_LANG_VI},
        {{TN_CELL_TEXT, "suspended", 0}, "state", "Chưa có điều kiện thi hành", TN_LANG_VI},
        {{TN_CELL_TEXT, "CÔNG TY late", 0}, "name", "CÔNG TY late", TN_LANG_VI},
        /* lists and key:value, word by word when every token is known */
        {{TN_CELL_TEXT, "below_min_wage;inspection_overdue", 0},
         "reasons",
         "Đóng thấp hơn lương tối thiểu; Quá hạn thanh tra",
         TN_LANG_VI},
        {{TN_CELL_TEXT, "status:absconded", 0}, "basis", "Unit status: Absconded", TN_LANG_EN},
        {{TN_CELL_TEXT, "late;Công ty", 0}, "reasons", "late;Công ty", TN_LANG_VI},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char buf[64];
        struct tn_col col;
        tn_table_cols_from_names(&cases[i].col, &col, 1);
        tn__cell_display(&cases[i].cell, &col, cases[i].lang, buf, sizeof buf);
        assert_string_equal(buf, cases[i].want);
    }
}

/* Writes one row of text cells as CSV (or JSON) and returns what was written (free() it). */
static char *write_texts(enum tn_out_format format, const char *const *texts, size_t n)
{
    static const struct tn_col cols[] = {{"a", TN_COL_TEXT, "a", "a", 0},
                                         {"b", TN_COL_TEXT, "b", "b", 0},
                                         {"c", TN_COL_TEXT, "c", "c", 0},
                                         {"d", TN_COL_TEXT, "d", "d", 0}};
    assert_true(n <= 4);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    struct tn_table_out t;
    struct tn_cell cells[4];
    for (size_t i = 0; i < n; i++)
        cells[i] = tn_cell_text(texts[i]);
    assert_int_equal(tn_table_begin(&t, f, format, NULL, cols, n), TN_OK);
    assert_int_equal(tn_table_row(&t, cells), TN_OK);
    assert_int_equal(tn_table_end(&t), TN_OK);
    fclose(f);
    return buf;
}

static void csv_formula_injection(void **state)
{
    (void)state;
    /* bank memos and names come from outside: a spreadsheet must not run them */
    const char *const texts[] = {"=HYPERLINK(\"http://x\")", "+1", "-2,3", "@SUM(A1)"};
    char *csv = write_texts(TN_OUT_CSV, texts, 4);
    assert_string_equal(csv,
                        "a,b,c,d\n\"'=HYPERLINK(\"\"http://x\"\")\",'+1,\"'-2,3\",'@SUM(A1)\n");
    free(csv);
    /* ordinary text is untouched, and JSON carries the text as it is */
    const char *const plain[] = {"Công ty A", "a=b", "", "Hợp tác xã -"};
    csv = write_texts(TN_OUT_CSV, plain, 4);
    assert_string_equal(csv, "a,b,c,d\nCông ty A,a=b,,Hợp tác xã -\n");
    free(csv);
    char *json = write_texts(TN_OUT_JSON, texts, 1);
    assert_non_null(strstr(json, "\"a\":\"=HYPERLINK(\\\"http://x\\\")\""));
    free(json);
}

static void csv_control_characters(void **state)
{
    (void)state;
    /* an escape sequence in a memo reaches no terminal; line breaks stay (quoted) */
    const char *const texts[] = {"red\x1b[31m", "tab\there", "two\nlines", "del\x7f"};
    char *csv = write_texts(TN_OUT_CSV, texts, 4);
    assert_string_equal(
        csv, "a,b,c,d\nred\xef\xbf\xbd[31m,tab\xef\xbf\xbdhere,\"two\nlines\",del\xef\xbf\xbd\n");
    free(csv);
}

static void csv_keeps_ids_and_values(void **state)
{
    (void)state;
    /* CSV and JSON are data-formats.md's contract: ids and values, never the labels */
    static const struct tn_col cols[] = {
        {"legal_status", TN_COL_TEXT, "Tình trạng pháp lý", "Legal status", 0}};
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    struct tn_table_out t;
    struct tn_table_meta meta = {"t", "", NULL, 0, TN_LANG_VI, NULL};
    struct tn_cell c[] = {tn_cell_text("evading")};
    assert_int_equal(tn_table_begin(&t, f, TN_OUT_CSV, &meta, cols, 1), TN_OK);
    assert_int_equal(tn_table_row(&t, c), TN_OK);
    assert_int_equal(tn_table_end(&t), TN_OK);
    fclose(f);
    assert_string_equal(buf, "legal_status\nevading\n");
    free(buf);
    assert_string_equal(tn_table_col_label(&cols[0], TN_LANG_VI), "Tình trạng pháp lý");
    assert_string_equal(tn_table_col_label(&cols[0], TN_LANG_EN), "Legal status");
}

static void xlsx_sum_overflow(void **state)
{
    (void)state;
    /* a sum row that would wrap around is refused, not written wrong */
    static const struct tn_col cols[] = {{"debt", TN_COL_MONEY, "Số nợ", "Debt", 1}};
    FILE *f = tmpfile();
    struct tn_table_out t;
    struct tn_cell c[] = {tn_cell_int(INT64_MAX / 2 + 1)};
    assert_int_equal(tn_table_begin(&t, f, TN_OUT_XLSX, NULL, cols, 1), TN_OK);
    assert_int_equal(tn_table_row(&t, c), TN_OK);
    assert_int_equal(tn_table_row(&t, c), TN_ERR_OVERFLOW);
    tn_table_end(&t);
    fclose(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(csv_formula_injection), cmocka_unit_test(csv_control_characters),
        cmocka_unit_test(xlsx_sum_overflow),     cmocka_unit_test(additive_columns),
        cmocka_unit_test(cell_display),          cmocka_unit_test(csv_keeps_ids_and_values),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
