/*
 * test_store_sqlite.c - what only the SQLite backend can be asked (src/store/sql/, through
 * the test-only store_test.h): a step that fails is an error that keeps SQLite's message, not
 * an empty or short answer (issue 11, item 5); a cached statement is reused; a store opened
 * read-only reads, refuses a write and leaves its file's bytes as they were (the what-if).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

/* The bytes of the file at path, malloc'd, into *n. */
static char *slurp(const char *path, long *n)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    *n = ftell(f);
    rewind(f);
    char *buf = malloc((size_t)*n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)*n, f), (size_t)*n);
    fclose(f);
    return buf;
}

/* TN_STORE_READONLY: reads work, a write fails with SQLite's message, the file is unchanged;
 * a missing file is not made */
static void read_only_store_writes_nothing(void **state)
{
    (void)state;
    char dir[] = "/tmp/thuno-ro-XXXXXX", path[64], side[80], msg[256];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/t.db", dir);
    struct tn_store *s;
    assert_int_equal(tn_store_open(path, TN_STORE_CREATE, &s, msg), TN_OK);
    long long batch = 0;
    assert_int_equal(tn_store_assign_batch(s, "x", "2025-12-01T00:00:00", &batch), TN_OK);
    tn_store_free(s);
    long n0, n1;
    char *before = slurp(path, &n0);
    assert_int_equal(tn_store_open(path, TN_STORE_READONLY, &s, msg), TN_OK);
    int found = -1, reversal = -1;
    int64_t amount = 0;
    assert_int_equal(tn_store_payment_lookup(s, "T1", &found, &amount, &reversal), TN_OK);
    assert_int_equal(found, 0);
    assert_int_equal(tn_store_assign_batch(s, "y", "2025-12-02T00:00:00", &batch), TN_ERR_STORE);
    assert_non_null(strstr(tn_store_errmsg(s), "readonly"));
    tn_store_free(s);
    char *after = slurp(path, &n1);
    assert_int_equal(n1, n0);
    assert_memory_equal(after, before, (size_t)n0);
    free(before);
    free(after);
    snprintf(side, sizeof side, "%s/nosuch.db", dir);
    assert_int_equal(tn_store_open(side, TN_STORE_READONLY, &s, msg), TN_ERR_STORE);
    assert_int_equal(access(side, F_OK), -1);
    static const char *const files[] = {"", "-wal", "-shm"};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        snprintf(side, sizeof side, "%s%s", path, files[i]);
        unlink(side);
    }
    assert_int_equal(rmdir(dir), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(failed_step_is_an_error, setup, teardown),
        cmocka_unit_test_setup_teardown(failed_write_is_an_error, setup, teardown),
        cmocka_unit_test_setup_teardown(cached_lookups_are_reused, setup, teardown),
        cmocka_unit_test(read_only_store_writes_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
