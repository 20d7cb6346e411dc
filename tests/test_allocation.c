/*
 * test_allocation.c - the paid part of one period's charge in one group spread over its lines
 * in their order (allocation.h, docs/lists.md "Per-worker debt"); which part is paid is the
 * ledger's allocation (test_ledger.c, test_worker_debts.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "thuno/allocation.h"

static void cover_lines_in_order(void **state)
{
    (void)state;
    tn_money covered = 7000;
    assert_int_equal(tn_allocation_cover_line(5000, &covered), 0); /* paid in full */
    assert_int_equal(covered, 2000);
    assert_int_equal(tn_allocation_cover_line(-4000, &covered), -4000); /* a decrease: no cover */
    assert_int_equal(covered, 2000);
    assert_int_equal(tn_allocation_cover_line(3000, &covered), 1000); /* 2,000 of 3,000 paid */
    assert_int_equal(covered, 0);
    assert_int_equal(tn_allocation_cover_line(3000, &covered), 3000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(cover_lines_in_order),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
