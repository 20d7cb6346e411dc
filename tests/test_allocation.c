/*
 * test_allocation.c - which charges payments covered, read back from a balance
 * (allocation.h, docs/lists.md "Per-worker debt"): oldest period first; from the first period
 * not wholly paid on, every period is unpaid in full.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "thuno/allocation.h"

static void frontier_oldest_first(void **state)
{
    (void)state;
    static const struct {
        tn_money charge[4];
        size_t n;
        tn_money due;
        size_t first;
        tn_money covered;
    } cases[] = {
        {{3000, 3000, 3000}, 3, 4000, 1, 2000}, /* 5,000 paid: the 1st whole, 2,000 of the 2nd */
        {{3000, 3000, 3000}, 3, 3000, 2, 0},    /* the newest unpaid in full */
        {{3000, 3000, 3000}, 3, 0, 3, 0},       /* nothing due: all paid */
        {{3000, 3000, 3000}, 3, -500, 3, 0},    /* credit: all paid */
        /* tests/test_worker_debts.c: July, August, September's decrease of August; nothing
         * paid: from July on everything is unpaid, September's -4,800,000 too */
        {{4800000, 4800000, -4800000}, 3, 4800000, 0, 0},
        /* a decrease before the frontier adds to what covers the later periods */
        {{3000, -1000, 3000, 3000}, 4, 5000, 2, 1000},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t first = 99;
        tn_money covered = -1;
        tn_allocation_frontier(cases[i].charge, cases[i].n, cases[i].due, &first, &covered);
        assert_int_equal(first, cases[i].first);
        assert_int_equal(covered, cases[i].covered);
    }
}

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
        cmocka_unit_test(frontier_oldest_first),
        cmocka_unit_test(cover_lines_in_order),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
