/*
 * test_store_sqlite.c - what only the SQLite backend can be asked (src/store/sqlite/, through
 * the test-only store_test.h): a step that fails is an error that keeps SQLite's message, not
 * an empty or short answer (issue 11, item 5); a cached statement is reused.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "thuno/store_import.h"
#include "store/store_test.h"
#include "thuno/operations_store.h"
#include "thuno/store.h"

static int setup(void **state)
{
    struct tn_store *s;
    char msg[256];
    if (tn_store_open(":memory:", 1, &s, msg))
        return -1;
    *state = s;
    return 0;
}

static int teardown(void **state)
{
    tn_store_free(*state);
    return 0;
}

static tn_err count_row(void *ctx, const struct tn_event_count *r)
{
    (void)r;
    ++*(int *)ctx;
    return TN_OK;
}

/* sum() past INT64_MAX fails while the rows are stepped (SQLite: "integer overflow") */
static void failed_step_is_an_error(void **state)
{
    struct tn_store *s = *state;
    assert_int_equal(
        tn__store_test_exec(s, "INSERT INTO case_event (case_id, seq, version, known_at, "
                               "batch_id, unit_code, event, date, amount) VALUES "
                               "('HS-1', 1, 1, '2025-11-01T00:00:00', 1, 'A', 'lawsuit_filed', "
                               "'2025-10-01', 9000000000000000000), "
                               "('HS-1', 2, 1, '2025-11-01T00:00:00', 1, 'A', 'lawsuit_filed', "
                               "'2025-10-02', 9000000000000000000)"),
        TN_OK);
    int rows = 0;
    assert_int_equal(tn_store_event_counts(s, NULL, 2025 * 12 + 9, NULL, count_row, &rows),
                     TN_ERR_STORE);
    assert_int_equal(rows, 0);
    assert_non_null(strstr(tn_store_errmsg(s), "integer overflow"));
}

/* a write whose step fails (a trigger aborts it) is an error with the trigger's message */
static void failed_write_is_an_error(void **state)
{
    struct tn_store *s = *state;
    assert_int_equal(tn__store_test_exec(s, "CREATE TRIGGER no_batch BEFORE INSERT ON "
                                            "import_batch BEGIN SELECT RAISE(FAIL, 'no batches "
                                            "today'); END"),
                     TN_OK);
    long long batch = 0;
    assert_int_equal(tn_store_assign_batch(s, "x", "2025-12-01T00:00:00", &batch), TN_ERR_STORE);
    assert_non_null(strstr(tn_store_errmsg(s), "no batches today"));
}

/* a cached statement (tn__store_cached) is reset and rebound on each use */
static void cached_lookups_are_reused(void **state)
{
    struct tn_store *s = *state;
    assert_int_equal(tn__store_test_exec(s, "INSERT INTO payment (txn_id, version, known_at, "
                                            "batch_id, unit_code, paid_on, amount, channel) "
                                            "VALUES ('T1', 1, '2025-11-01T00:00:00', 1, 'A', "
                                            "'2025-10-20', 1500, 'cash')"),
                     TN_OK);
    for (int i = 0; i < 1000; i++) {
        int found = -1, reversal = -1;
        int64_t amount = 0;
        assert_int_equal(
            tn_store_payment_lookup(s, i % 2 ? "T1" : "T2", &found, &amount, &reversal), TN_OK);
        assert_int_equal(found, i % 2);
        if (found)
            assert_int_equal(amount, 1500);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(failed_step_is_an_error, setup, teardown),
        cmocka_unit_test_setup_teardown(failed_write_is_an_error, setup, teardown),
        cmocka_unit_test_setup_teardown(cached_lookups_are_reused, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
