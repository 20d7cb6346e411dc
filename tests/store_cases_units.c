/*
 * store_cases_units.c - conformance case (test_store.c) of units.h: the units of the registry
 * to browse, with their officer in charge on a day and their balance of a period, each filter
 * alone. Figures: the fixture's files (test_store.c) and op_balances.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "store_cases.h"

static tn_err unit_line(void *ctx, const struct tn_unit_entry *u)
{
    if (!u->has_balance) {
        tn_test_put(ctx, "%s|%s|%s|%s|%s|%s|%s|%s|none", u->unit_code, u->name, u->tax_code,
                    u->type, u->status, u->office_code, u->officer_code, u->address);
        return TN_OK;
    }
    tn_test_put(ctx, "%s|%s|%s|%s|%s|%s|%s|%s|%lld %lld+%lld debt %lld+%lld owed %d %s %s %s",
                u->unit_code, u->name, u->tax_code, u->type, u->status, u->office_code,
                u->officer_code, u->address, (long long)u->closing, (long long)u->principal_due,
                (long long)u->interest_due, (long long)u->debt, (long long)u->not_due,
                u->months_owed_tenths, u->bucket, u->legal_status,
                tn_test_period(u->oldest_unpaid));
    return TN_OK;
}

void op_units(void **state)
{
    struct tn_store *s = *state;
    struct tn_test_out o = {0};
    struct tn_unit_filter all = {0};
    /* every unit, October's balances; C is O2's from its assignment of 2025-10-01 */
    assert_int_equal(
        tn_store_units(s, NULL, TN_TEST_P(10), NULL, "2025-10-31", &all, unit_line, &o), TN_OK);
    /* on 2025-09-30 C was still O1's; November has no balance */
    tn_test_put(&o, "--");
    struct tn_unit_filter c = {.unit_code = "C"};
    assert_int_equal(tn_store_units(s, NULL, TN_TEST_P(11), NULL, "2025-09-30", &c, unit_line, &o),
                     TN_OK);
    /* each filter alone */
    const struct tn_unit_filter f[] = {
        {.officer = "O2"},           {.type = "cooperative"}, {.bucket = "1-3"},
        {.legal_status = "current"}, {.unit_code = "ZZ"},
    };
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
        tn_test_put(&o, "--");
        assert_int_equal(
            tn_store_units(s, NULL, TN_TEST_P(10), NULL, "2025-10-31", &f[i], unit_line, &o),
            TN_OK);
    }
    /* as known before October was closed: the units, no October balance */
    tn_test_put(&o, "--");
    struct tn_unit_filter a = {.unit_code = "A"};
    assert_int_equal(tn_store_units(s, NULL, TN_TEST_P(10), "2025-12-01T03:30:00", "2025-10-31", &a,
                                    unit_line, &o),
                     TN_OK);
    tn_test_check(&o,
                  "A|Công ty TNHH An Phát|0100000001|private|active|D01|O1|1 Lê Lợi, Quận "
                  "1|15736517 15640000+96517 debt 11576517+4160000 owed 27 1-3 evading 2025-07\n"
                  "A2|Chi nhánh An Phát Thủ Đức|0100000001-002|private|active|D02|O2||0 0+0 debt "
                  "0+0 owed 0 0 current -\n"
                  "B|Hợp tác xã Bình Minh|0100000002|cooperative|suspended|D02|O2||1432640 "
                  "1414400+18240 debt 18240+1414400 owed 0 0 current 2025-10\n"
                  "C|Trường Tiểu học Kim Đồng|0100000003|state|active|D01|O2||0 0+0 debt 0+0 owed "
                  "0 0 current -\n"
                  "--\n"
                  "C|Trường Tiểu học Kim Đồng|0100000003|state|active|D01|O1||none\n"
                  "--\n"
                  "A2|Chi nhánh An Phát Thủ Đức|0100000001-002|private|active|D02|O2||0 0+0 debt "
                  "0+0 owed 0 0 current -\n"
                  "B|Hợp tác xã Bình Minh|0100000002|cooperative|suspended|D02|O2||1432640 "
                  "1414400+18240 debt 18240+1414400 owed 0 0 current 2025-10\n"
                  "C|Trường Tiểu học Kim Đồng|0100000003|state|active|D01|O2||0 0+0 debt 0+0 owed "
                  "0 0 current -\n"
                  "--\n"
                  "B|Hợp tác xã Bình Minh|0100000002|cooperative|suspended|D02|O2||1432640 "
                  "1414400+18240 debt 18240+1414400 owed 0 0 current 2025-10\n"
                  "--\n"
                  "A|Công ty TNHH An Phát|0100000001|private|active|D01|O1|1 Lê Lợi, Quận "
                  "1|15736517 15640000+96517 debt 11576517+4160000 owed 27 1-3 evading 2025-07\n"
                  "--\n"
                  "A2|Chi nhánh An Phát Thủ Đức|0100000001-002|private|active|D02|O2||0 0+0 debt "
                  "0+0 owed 0 0 current -\n"
                  "B|Hợp tác xã Bình Minh|0100000002|cooperative|suspended|D02|O2||1432640 "
                  "1414400+18240 debt 18240+1414400 owed 0 0 current 2025-10\n"
                  "C|Trường Tiểu học Kim Đồng|0100000003|state|active|D01|O2||0 0+0 debt 0+0 owed "
                  "0 0 current -\n"
                  "--\n"
                  "--\n"
                  "A|Công ty TNHH An Phát|0100000001|private|active|D01|O1|1 Lê Lợi, Quận 1|none\n",
                  "units");
}
