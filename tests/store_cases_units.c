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

static tn_err assess_line(void *ctx, const struct tn_assess_unit *u)
{
    tn_test_put(ctx, "%s|%s|%s|%d %d %d %s|%zu", u->code, u->office, u->type, (int)u->facts.type,
                u->facts.wage_region, u->facts.payment_cycle, tn_test_day(u->facts.registered_on),
                u->ndecls);
    for (size_t i = 0; i < u->ndecls; i++) {
        const struct tn_close_decl *d = &u->decls[i];
        tn_test_put(ctx, "  %s %s %s %lld %u %s", d->bhxh, tn_test_period(d->from),
                    d->decrease ? "decrease" : "in", (long long)d->salary, d->funds,
                    tn_test_day(d->declared_on));
    }
    return TN_OK;
}

/* The rows the what-if assesses from (assess_store.h): every unit registered by the window's
 * end with its declarations up to it, in unit_code order; C's decrease from 2025-11 is read
 * only when the window reaches November. Figures: the fixture's files (test_store.c). */
void op_assess_units(void **state)
{
    struct tn_store *s = *state;
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_assess_units(s, NULL, TN_TEST_P(10), assess_line, &o), TN_OK);
    tn_test_put(&o, "--");
    assert_int_equal(tn_store_assess_units(s, "", TN_TEST_P(11), assess_line, &o), TN_OK);
    tn_test_put(&o, "--");
    /* before any declaration: the units, no rows */
    assert_int_equal(tn_store_assess_units(s, NULL, TN_TEST_P(6), assess_line, &o), TN_OK);
    tn_test_put(&o, "--");
    /* before any unit was registered: nothing */
    assert_int_equal(tn_store_assess_units(s, NULL, 2024 * 12 + 11, assess_line, &o), TN_OK);
    tn_test_check(&o,
                  "A|D01|private|2 1 1 2025-01-01|2\n"
                  "  0000000001 2025-07 in 10000000 15 2025-07-01\n"
                  "  0000000002 2025-07 in 3000000 15 2025-07-01\n"
                  "A2|D02|private|2 1 1 2025-01-01|0\n"
                  "B|D02|cooperative|3 1 1 2025-01-01|1\n"
                  "  0000000003 2025-07 in 5000000 15 2025-07-01\n"
                  "C|D01|state|0 1 1 2025-01-01|1\n"
                  "  0000000004 2025-07 in 6000000 15 2025-07-01\n"
                  "--\n"
                  "A|D01|private|2 1 1 2025-01-01|2\n"
                  "  0000000001 2025-07 in 10000000 15 2025-07-01\n"
                  "  0000000002 2025-07 in 3000000 15 2025-07-01\n"
                  "A2|D02|private|2 1 1 2025-01-01|0\n"
                  "B|D02|cooperative|3 1 1 2025-01-01|1\n"
                  "  0000000003 2025-07 in 5000000 15 2025-07-01\n"
                  "C|D01|state|0 1 1 2025-01-01|2\n"
                  "  0000000004 2025-07 in 6000000 15 2025-07-01\n"
                  "  0000000004 2025-11 decrease 0 15 2025-10-25\n"
                  "--\n"
                  "A|D01|private|2 1 1 2025-01-01|0\n"
                  "A2|D02|private|2 1 1 2025-01-01|0\n"
                  "B|D02|cooperative|3 1 1 2025-01-01|0\n"
                  "C|D01|state|0 1 1 2025-01-01|0\n"
                  "--\n",
                  "assess_units");
}
