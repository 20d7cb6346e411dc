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
    static const struct {
        struct tn_cell cell;
        const char *col, *want;
    } cases[] = {
        {{TN_CELL_INT, NULL, -1234567}, "debt", "-1.234.567"},
        {{TN_CELL_INT, NULL, 2025}, "year", "2025"},
        {{TN_CELL_TENTHS, NULL, -25}, "months_owed", "-2,5"},
        {{TN_CELL_NULL, NULL, 0}, "debt", ""},
        {{TN_CELL_TEXT, "Hợp tác xã", 0}, "name", "Hợp tác xã"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char buf[64];
        struct tn_col col;
        tn_table_cols_from_names(&cases[i].col, &col, 1);
        tn__cell_display(&cases[i].cell, &col, buf, sizeof buf);
        assert_string_equal(buf, cases[i].want);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(additive_columns),
        cmocka_unit_test(cell_display),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
