/*
 * test_inspection_policy.c - policy/inspections.csv read by tn_policy_load with the rest of the
 * policy: the shipped file's figures, and a malformed or out-of-order line refused with its
 * file and line.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <unistd.h>

#include "io/csv_reader.h"
#include "thuno/policy_load.h"

/* tn_csv_tenths, the months cell of inspections.csv and public_list.csv */
static const struct {
    const char *in;
    int ok, want;
} tenths_cases[] = {
    {"3", 1, 30},   {"3.0", 1, 30}, {"12.5", 1, 125}, {"9999.9", 1, 99999}, {"0", 1, 0},
    {"", 0, 0},     {"3.", 0, 0},   {".5", 0, 0},     {"3.05", 0, 0},       {"12345", 0, 0},
    {"-3.0", 0, 0}, {" 3", 0, 0},   {"1.2.3", 0, 0},  {"3,0", 0, 0},
};

static void tenths_cell(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof tenths_cases / sizeof tenths_cases[0]; i++) {
        int got = -7;
        assert_int_equal(tn_csv_tenths(tenths_cases[i].in, &got), tenths_cases[i].ok ? 0 : -1);
        assert_int_equal(got, tenths_cases[i].ok ? tenths_cases[i].want : -7);
    }
}

static void shipped_file(void **state)
{
    (void)state;
    const char *dir = getenv("THUNO_POLICY");
    assert_non_null(dir);
    struct tn_policy p;
    tn_policy_init(&p);
    char msg[512];
    assert_int_equal(tn_policy_load(dir, &p, msg, sizeof msg), TN_OK);
    assert_int_equal(p.ninspections, 1);
    const struct tn_inspection_rule *r = &p.inspections[0];
    tn_day from;
    assert_int_equal(tn_day_parse("2016-01-01", &from), TN_OK);
    assert_int_equal(r->from, from);
    assert_int_equal(r->referral_months_tenths, 30); /* seed 002: KTTN from 3 months */
    assert_int_equal(r->referral_worker_gap, 5);     /* as policy/non_participant.csv */
    assert_int_equal(r->referral_findings, 1);
    assert_int_equal(r->chair_months_tenths, 10);
    assert_int_equal(r->refuse_months_tenths, 30);
    assert_int_equal(r->refuse_reminders, 1);
    assert_non_null(strstr(r->source, "seed 001"));
    tn_policy_release(&p);
    assert_int_equal(p.ninspections, 0);
}

static const struct {
    const char *body;
    tn_err want;
    const char *says;
} bad[] = {
    {"2016-01-01,3,5,1,1.0,3.0,1,x\n2016-01-01,3.0,5,1,1.0,3.0,1,x\n", TN_ERR_CONFLICT, ":3: "},
    {"2016-01-01,3.05,5,1,1.0,3.0,1,x\n", TN_ERR_PARSE, ":2: referral_months"},
    {"2016-01-01,3.0,-5,1,1.0,3.0,1,x\n", TN_ERR_PARSE, ":2: referral_worker_gap"},
    {"2016-01-32,3.0,5,1,1.0,3.0,1,x\n", TN_ERR_PARSE, ":2: from"},
};

/* Copies (to non-NULL) or deletes (to NULL) every .csv of dir. */
static void each_csv(const char *dir, const char *to)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    for (struct dirent *de; (de = readdir(d)) != NULL;) {
        size_t len = strlen(de->d_name);
        if (len < 5 || strcmp(de->d_name + len - 4, ".csv") != 0)
            continue;
        char from[1024], path[1024];
        snprintf(from, sizeof from, "%s/%s", dir, de->d_name);
        if (!to) {
            assert_int_equal(unlink(from), 0);
            continue;
        }
        snprintf(path, sizeof path, "%s/%s", to, de->d_name);
        FILE *in = fopen(from, "rb"), *out = fopen(path, "wb");
        assert_non_null(in);
        assert_non_null(out);
        char buf[8192];
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, in)) > 0)
            assert_int_equal(fwrite(buf, 1, n, out), n);
        fclose(in);
        assert_int_equal(fclose(out), 0);
    }
    closedir(d);
}

static void bad_files(void **state)
{
    (void)state;
    char dir[] = "/tmp/thuno-inspolicy-XXXXXX";
    assert_non_null(mkdtemp(dir));
    each_csv(getenv("THUNO_POLICY"), dir);
    char path[64];
    snprintf(path, sizeof path, "%s/inspections.csv", dir);
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        FILE *f = fopen(path, "w");
        assert_non_null(f);
        fputs("from,referral_months,referral_worker_gap,referral_findings,chair_months,"
              "refuse_months,refuse_reminders,source\n",
              f);
        fputs(bad[i].body, f);
        fclose(f);
        struct tn_policy p;
        tn_policy_init(&p);
        char msg[512] = "";
        assert_int_equal(tn_policy_load(dir, &p, msg, sizeof msg), bad[i].want);
        assert_non_null(strstr(msg, "/inspections.csv"));
        assert_non_null(strstr(msg, bad[i].says));
        assert_int_equal(p.ninspections, 0);
    }
    each_csv(dir, NULL);
    assert_int_equal(rmdir(dir), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tenths_cell),
        cmocka_unit_test(shipped_file),
        cmocka_unit_test(bad_files),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
