/*
 * test_gen.c - the synthetic province: deterministic, the requested size, the exact headers
 * of data-formats.md, and rows whose references hold. The full round trip (import + close)
 * runs in tests/cli_demo.sh.
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

#include "thuno/policy_load.h"
#include "thuno/gen.h"

static struct tn_policy pol;

static int load(void **state)
{
    (void)state;
    char msg[512];
    tn_policy_init(&pol);
    if (tn_policy_load(getenv("THUNO_POLICY"), &pol, msg, sizeof msg))
        fail_msg("%s", msg);
    return 0;
}

static int unload(void **state)
{
    (void)state;
    tn_policy_release(&pol);
    return 0;
}

static void gen_into(char *dir, long units, long workers, int months, uint64_t seed)
{
    snprintf(dir, 32, "/tmp/thuno-gen-XXXXXX");
    assert_non_null(mkdtemp(dir));
    struct tn_gen_params p = {units, workers, months, 2026 * 12 + 9, seed, "79"};
    struct tn_gen_stats st;
    char msg[256];
    if (tn_gen_province(&pol, &p, dir, &st, NULL, NULL, msg, sizeof msg))
        fail_msg("%s", msg);
    assert_int_equal(st.units, units);
}

static void rm(const char *dir)
{
    char cmd[96];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
}

static int same_files(const char *a, const char *b)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "diff -r %s %s >/dev/null", a, b);
    return system(cmd) == 0;
}

static void same_seed_same_bytes(void **state)
{
    (void)state;
    char a[32], b[32], c[32];
    gen_into(a, 50, 1500, 12, 7);
    gen_into(b, 50, 1500, 12, 7);
    gen_into(c, 50, 1500, 12, 8);
    assert_true(same_files(a, b));
    assert_false(same_files(a, c));
    rm(a);
    rm(b);
    rm(c);
}

/* Reads the first line of dir/file into buf. */
static long lines_of(const char *dir, const char *file, char *header, size_t n)
{
    char path[96];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    assert_non_null(fgets(header, (int)n, f));
    long count = 0;
    char line[4096];
    while (fgets(line, sizeof line, f))
        count++;
    fclose(f);
    return count;
}

static void size_and_headers_follow_the_contract(void **state)
{
    (void)state;
    char dir[32], h[512];
    gen_into(dir, 300, 9000, 6, 1);
    static const struct {
        const char *file, *header;
    } files[] = {
        {"units.csv", "unit_code,tax_code,name,type,status,status_since,parent_code,province_code,"
                      "office_code,wage_region,officer_code,payment_cycle,registered_on,address,"
                      "union_chair\n"},
        {"workers.csv", "bhxh_code,full_name,birth_date,gender,id_number\n"},
        {"declarations.csv",
         "unit_code,bhxh_code,from_period,kind,salary,funds,declared_on,reason\n"},
        {"payments.csv",
         "txn_id,unit_code,paid_on,amount,channel,memo,bhxh_code,case_id,reverses\n"},
        {"officers.csv", "officer_code,full_name,department,office_code,active\n"},
        {"registry.csv", "tax_code,name,province_code,registered_on,status,reported_employees\n"},
        {"case_events.csv", "case_id,seq,unit_code,event,date,amount,outcome,office,note\n"},
        {"case_plans.csv", "case_id,seq,due_on,amount\n"},
    };
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        long n = lines_of(dir, files[i].file, h, sizeof h);
        assert_string_equal(h, files[i].header);
        /* six months leave little room for cases: their content is cli_gen_cases.sh's */
        if (strncmp(files[i].file, "case_", 5) != 0)
            assert_true(n > 0);
        if (strcmp(files[i].file, "units.csv") == 0)
            assert_int_equal(n, 300);
        if (strcmp(files[i].file, "workers.csv") == 0 && (n < 9000 * 8 / 10 || n > 9000 * 12 / 10))
            fail_msg("workers %ld not within 20%% of 9000", n);
    }
    rm(dir);
}

static void short_windows_work(void **state)
{
    (void)state;
    /* one to three months leave no room for late payers' catch-up: still valid files */
    for (int months = 1; months <= 3; months++) {
        char dir[32], h[512];
        gen_into(dir, 40, 800, months, 5);
        assert_true(lines_of(dir, "units.csv", h, sizeof h) == 40);
        rm(dir);
    }
}

static void policy_gaps_are_errors(void **state)
{
    (void)state;
    char dir[] = "/tmp/thuno-gen-XXXXXX", msg[256];
    assert_non_null(mkdtemp(dir));
    /* a window ending 2015-06 lies before the policy data: refused, not guessed */
    struct tn_gen_params p = {10, 100, 6, 2015 * 12 + 5, 1, "79"};
    assert_int_equal(tn_gen_province(&pol, &p, dir, NULL, NULL, NULL, msg, sizeof msg),
                     TN_ERR_NO_POLICY);
    assert_non_null(strstr(msg, "policy/"));
    struct tn_gen_params bad = {0, 100, 6, 2026 * 12, 1, "79"};
    assert_int_equal(tn_gen_province(&pol, &bad, dir, NULL, NULL, NULL, msg, sizeof msg),
                     TN_ERR_RANGE);
    rm(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(same_seed_same_bytes),
        cmocka_unit_test(size_and_headers_follow_the_contract),
        cmocka_unit_test(short_windows_work),
        cmocka_unit_test(policy_gaps_are_errors),
    };
    return cmocka_run_group_tests(tests, load, unload);
}
