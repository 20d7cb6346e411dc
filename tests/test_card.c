/*
 * test_card.c - the health-card number (Decision 1351/QĐ-BHXH: 2 letters, 1 digit, 2-digit
 * province, 10-digit BHXH code) and the group rule in force on a day.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "thuno/card.h"

static const struct {
    const char *group;
    int level;
    const char *province, *bhxh;
    tn_err err;
    const char *want;
} number_cases[] = {
    {"DN", 4, "79", "0000000001", TN_OK, "DN4790000000001"}, /* private enterprise worker, HCMC */
    {"HX", 4, "01", "0123456789", TN_OK, "HX4010123456789"}, /* cooperative */
    {"HC", 1, "48", "9999999999", TN_OK, "HC1489999999999"}, /* level 1 and 5 are the bounds */
    {"TK", 5, "79", "0000000002", TN_OK, "TK5790000000002"},
    {"DN", 0, "79", "0000000001", TN_ERR_RANGE, ""}, /* level 1..5 */
    {"DN", 6, "79", "0000000001", TN_ERR_RANGE, ""},
    {"dn", 4, "79", "0000000001", TN_ERR_RANGE, ""}, /* upper-case letters only */
    {"D", 4, "79", "0000000001", TN_ERR_RANGE, ""},
    {"DN", 4, "7", "0000000001", TN_ERR_RANGE, ""}, /* 2-digit province */
    {"DN", 4, "7A", "0000000001", TN_ERR_RANGE, ""},
    {"DN", 4, "79", "000000001", TN_ERR_RANGE, ""}, /* 10-digit BHXH code */
    {"DN", 4, "79", "00000000011", TN_ERR_RANGE, ""},
    {"DN", 4, "79", NULL, TN_ERR_RANGE, ""},
};

static void number_matches_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof number_cases / sizeof number_cases[0]; i++) {
        char out[TN_CARD_BUFSZ] = "untouched";
        assert_int_equal(tn_card_number(number_cases[i].group, number_cases[i].level,
                                        number_cases[i].province, number_cases[i].bhxh, out),
                         number_cases[i].err);
        assert_string_equal(out, number_cases[i].err ? "untouched" : number_cases[i].want);
        if (!number_cases[i].err)
            assert_int_equal(strlen(out), 15);
    }
}

static void group_in_force(void **state)
{
    (void)state;
    tn_day d2015 = 0, d2020 = 0, d2024 = 0;
    assert_int_equal(tn_day_make(2015, 12, 1, &d2015), TN_OK);
    assert_int_equal(tn_day_make(2020, 1, 1, &d2020), TN_OK);
    assert_int_equal(tn_day_make(2024, 6, 30, &d2024), TN_OK);
    const struct tn_card_group g[] = {
        {d2020, "private", "XX", 3, "later rule"},
        {d2015, "private", "DN", 4, "Decision 1351"},
        {d2015, "cooperative", "HX", 4, "Decision 1351"},
    };
    const struct tn_card_group *out = NULL;
    assert_int_equal(tn_card_group_at(g, 3, "private", d2015, &out), TN_OK);
    assert_string_equal(out->group, "DN");
    assert_int_equal(tn_card_group_at(g, 3, "private", d2024, &out), TN_OK);
    assert_string_equal(out->group, "XX"); /* the later line, whatever the order */
    assert_int_equal(tn_card_group_at(g, 3, "cooperative", d2024, &out), TN_OK);
    assert_string_equal(out->group, "HX");
    assert_int_equal(tn_card_group_at(g, 3, "private", d2015 - 1, &out), TN_ERR_NO_POLICY);
    assert_int_equal(tn_card_group_at(g, 3, "fdi", d2024, &out), TN_ERR_NO_POLICY);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(number_matches_table),
        cmocka_unit_test(group_in_force),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
