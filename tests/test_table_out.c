/*
 * test_table_out.c - the rules the document formats share (table_out.c, docs/formats.md):
 * which whole-number columns add up, and how a cell is shown in a PDF.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

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
    char buf[64];
    struct tn_cell money = {TN_CELL_INT, NULL, -1234567};
    tn__cell_display(&money, "debt", buf, sizeof buf);
    assert_string_equal(buf, "-1.234.567");
    struct tn_cell year = {TN_CELL_INT, NULL, 2025};
    tn__cell_display(&year, "year", buf, sizeof buf);
    assert_string_equal(buf, "2025");
    struct tn_cell tenths = {TN_CELL_TENTHS, NULL, -25};
    tn__cell_display(&tenths, "months_owed", buf, sizeof buf);
    assert_string_equal(buf, "-2,5");
    struct tn_cell none = {TN_CELL_NULL, NULL, 0};
    tn__cell_display(&none, "debt", buf, sizeof buf);
    assert_string_equal(buf, "");
    struct tn_cell text = {TN_CELL_TEXT, "Hợp tác xã", 0};
    tn__cell_display(&text, "name", buf, sizeof buf);
    assert_string_equal(buf, "Hợp tác xã");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(additive_columns),
        cmocka_unit_test(cell_display),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
