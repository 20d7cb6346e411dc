/*
 * test_import.c - importing CSV files (data-formats.md "Common rules for every CSV" and the
 * table of each file): the good files of tests/data/import/good (BOM, CRLF, quoted commas and
 * newlines, NFD names stored NFC, defaults), one bad file per kind of bad input in
 * tests/data/import/bad with the exact line, column and message it must give, all or nothing,
 * idempotent re-import, --update versions, payments in suspense, reversals, the error cap.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <string.h>
#include <unistd.h>

#include "store/store_test.h"
#include "thuno/import.h"
#include "thuno/mem.h"

#define NOW "2026-11-01T08:00:00"

struct fx {
    struct tn_store *s;
    struct tn_import_report rep;
    char paths[8][512]; /* the reports point at these */
    int slot;
    const char *what; /* the case being checked, for failure messages */
};

static int setup(void **state)
{
    struct fx *f = tn_xcalloc(1, sizeof *f);
    char msg[256];
    assert_int_equal(tn_store_open(":memory:", 1, &f->s, msg), TN_OK);
    tn_import_report_init(&f->rep);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fx *f = *state;
    tn_import_report_release(&f->rep);
    tn_store_free(f->s);
    free(f);
    return 0;
}

/* The path of a fixture: $THUNO_TESTDATA/import/<name>; kept in f while its report lives. */
static const char *fixture(struct fx *f, const char *name)
{
    const char *dir = getenv("THUNO_TESTDATA");
    assert_non_null(dir);
    char *p = f->paths[f->slot++ % 8];
    snprintf(p, sizeof f->paths[0], "%s/import/%s", dir, name);
    return p;
}

static tn_err import_at(struct fx *f, enum tn_import_kind kind, const char *name, int update,
                        const char *now)
{
    tn_import_report_release(&f->rep);
    return tn_import_file(f->s, kind, fixture(f, name), update, now, &f->rep, NULL, NULL);
}

static tn_err import(struct fx *f, enum tn_import_kind kind, const char *name)
{
    return import_at(f, kind, name, 0, NOW);
}

static long count(struct fx *f, const char *sql)
{
    char n[24];
    assert_int_equal(tn__store_test_text(f->s, sql, n, sizeof n), TN_OK);
    return strtol(n, NULL, 10);
}

static void dump_errors(const struct fx *f)
{
    for (size_t i = 0; i < f->rep.nerrors; i++)
        print_error("  %ld:%s: %s\n", f->rep.errors[i].line,
                    f->rep.errors[i].column ? f->rep.errors[i].column : "-",
                    f->rep.errors[i].message);
}

/* Asserts that the report holds an error at line/column (NULL: a whole-row error) whose
 * message contains part. */
static void has_error(struct fx *f, long line, const char *column, const char *part)
{
    for (size_t i = 0; i < f->rep.nerrors; i++) {
        const struct tn_import_error *e = &f->rep.errors[i];
        int col_ok = column ? e->column && strcmp(e->column, column) == 0 : e->column == NULL;
        if (e->line == line && col_ok && strstr(e->message, part))
            return;
    }
    dump_errors(f);
    fail_msg("%s: no error at line %ld column %s containing \"%s\"", f->what ? f->what : "", line,
             column ? column : "-", part);
}

/* officers, units, workers of the good files: what declarations and payments refer to. */
/* A progress callback: keeps the last count of rows in *ctx. */
static void count_rows(void *ctx, long long rows)
{
    *(long long *)ctx = rows;
}

static void load_registry(struct fx *f)
{
    assert_int_equal(import(f, TN_IMPORT_OFFICERS, "good/officers.csv"), TN_OK);
    assert_int_equal(import(f, TN_IMPORT_UNITS, "good/units.csv"), TN_OK);
    assert_int_equal(import(f, TN_IMPORT_WORKERS, "good/workers.csv"), TN_OK);
}

static const struct {
    enum tn_import_kind kind;
    const char *file;
    long rows;         /* rows_new */
    const char *table; /* holds them afterwards */
} good_files[] = {
    /* each file's rows as written in tests/data/import/good; order matters (references) */
    {TN_IMPORT_OFFICERS, "good/officers.csv", 3, "officer"},
    {TN_IMPORT_UNITS, "good/units.csv", 3, "unit"},
    {TN_IMPORT_WORKERS, "good/workers.csv", 3, "worker"},
    {TN_IMPORT_DECLARATIONS, "good/declarations.csv", 5, "declaration"},
    {TN_IMPORT_PAYMENTS, "good/payments.csv", 5, "payment"},
    {TN_IMPORT_REGISTRY, "good/registry.csv", 3, "registry"},
};

static void good_files_import_and_reimport_is_harmless(void **state)
{
    struct fx *f = *state;
    char sql[128];
    for (size_t i = 0; i < sizeof good_files / sizeof good_files[0]; i++) {
        tn_err err = import(f, good_files[i].kind, good_files[i].file);
        if (err)
            dump_errors(f);
        assert_int_equal(err, TN_OK);
        assert_int_equal(f->rep.rows_new, good_files[i].rows);
        assert_int_equal(f->rep.nerrors, 0);
        snprintf(sql, sizeof sql, "SELECT count(*) FROM %s WHERE version = 1 AND known_at = '%s'",
                 good_files[i].table, NOW);
        assert_int_equal(count(f, sql), good_files[i].rows);
    }
    /* the same files again: every row the same, nothing new (data-formats.md: re-importing
     * the same file is harmless) */
    for (size_t i = 0; i < sizeof good_files / sizeof good_files[0]; i++) {
        assert_int_equal(
            import_at(f, good_files[i].kind, good_files[i].file, 0, "2026-11-02T08:00:00"), TN_OK);
        assert_int_equal(f->rep.rows_same, good_files[i].rows);
        assert_int_equal(f->rep.rows_new + f->rep.rows_changed, 0);
        snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", good_files[i].table);
        assert_int_equal(count(f, sql), good_files[i].rows);
    }
    assert_int_equal(count(f, "SELECT count(*) FROM import_batch"), 12);
}

static void text_is_nfc_and_bom_crlf_quotes_defaults_are_read(void **state)
{
    struct fx *f = *state;
    load_registry(f);
    /* officers.csv: BOM, CRLF, "Nguyễn Văn An" written decomposed (NFD) inside a quoted cell
     * with a comma; stored NFC; empty office_code is NULL (the province office), active 1 */
    assert_int_equal(count(f, "SELECT count(*) FROM officer WHERE officer_code = 'O1' AND "
                              "full_name = 'Nguy\xE1\xBB\x85n V\xC4\x83n An, tr\xC6\xB0\xE1\xBB"
                              "\x9Fng nh\xC3\xB3m' AND office_code IS NULL AND active = 1"),
                     1);
    assert_int_equal(count(f, "SELECT count(*) FROM officer WHERE officer_code = 'O3' AND "
                              "active = 0"),
                     1);
    /* workers.csv: CRLF, a decomposed name */
    assert_int_equal(count(f, "SELECT count(*) FROM worker WHERE bhxh_code = '7900000001' AND "
                              "full_name = 'Nguy\xE1\xBB\x85n Th\xE1\xBB\x8B \xC3\x81nh'"),
                     1);
    /* units.csv: a quoted address over two lines; payment_cycle defaults to 1; a branch whose
     * parent comes later in the file; union_chair NFD -> NFC */
    assert_int_equal(count(f, "SELECT count(*) FROM unit WHERE unit_code = 'B1' AND "
                              "payment_cycle = 1 AND parent_code = 'P1' AND office_code = "
                              "'79001' AND address = '12 V\xC3\xB5 V\xC4\x83n Ng\xC3\xA2n,\n"
                              "Th\xE1\xBB\xA7 \xC4\x90\xE1\xBB\xA9\x63'"),
                     1);
    assert_int_equal(count(f, "SELECT count(*) FROM unit WHERE unit_code = 'P1' AND "
                              "payment_cycle = 3 AND wage_region = 1 AND union_chair = "
                              "'Ph\xE1\xBA\xA1m Th\xE1\xBB\x8B Thu'"),
                     1);
    /* declarations.csv: funds as the TN_FUND_* mask (BHXH 1, BHYT 2, BHTN 4, TNLD 8; empty =
     * all four), a decrease without salary */
    assert_int_equal(import(f, TN_IMPORT_DECLARATIONS, "good/declarations.csv"), TN_OK);
    assert_int_equal(count(f, "SELECT count(*) FROM declaration WHERE from_period = '2025-01' "
                              "AND funds = 15 AND salary IN (6000000, 5200000)"),
                     2);
    assert_int_equal(count(f, "SELECT funds FROM declaration WHERE bhxh_code = '7900000001' AND "
                              "from_period = '2025-07'"),
                     3);
    assert_int_equal(count(f, "SELECT funds FROM declaration WHERE bhxh_code = '7900000003'"), 2);
    assert_int_equal(count(f, "SELECT count(*) FROM declaration WHERE kind = 'decrease' AND "
                              "salary IS NULL"),
                     1);
}

static void payments_go_to_suspense_and_reverse(void **state)
{
    struct fx *f = *state;
    load_registry(f);
    assert_int_equal(import(f, TN_IMPORT_PAYMENTS, "good/payments.csv"), TN_OK);
    /* no unit_code: suspense no_payer; a well-formed unknown one (a typo): unknown_unit */
    assert_int_equal(f->rep.rows_suspense, 2);
    assert_int_equal(count(f, "SELECT count(*) FROM payment WHERE txn_id = 'VCB002' AND "
                              "suspense = 'no_payer' AND unit_code IS NULL"),
                     1);
    assert_int_equal(count(f, "SELECT count(*) FROM payment WHERE txn_id = 'VCB003' AND "
                              "suspense = 'unknown_unit' AND unit_code = 'P9'"),
                     1);
    assert_int_equal(count(f, "SELECT count(*) FROM payment WHERE suspense IS NULL"), 3);
    assert_int_equal(count(f, "SELECT count(*) FROM payment WHERE txn_id = 'VCB004' AND "
                              "reverses = 'VCB001'"),
                     1);
    assert_int_equal(count(f, "SELECT count(*) FROM payment WHERE txn_id = 'THA01' AND "
                              "channel = 'enforcement' AND case_id = '2025/THA-12'"),
                     1);
}

static const struct {
    enum tn_import_kind kind;
    const char *file;
    long line;
    const char *column; /* NULL: a whole-row or header error */
    const char *part;   /* in the message */
    const char *table;  /* still holds what it held before */
} bad_files[] = {
    /* data-formats.md "Common rules": header problems reject the file before any row */
    {TN_IMPORT_WORKERS, "bad/missing_column.csv", 1, "birth_date", "missing required column",
     "worker"},
    {TN_IMPORT_WORKERS, "bad/unknown_column.csv", 1, NULL, "unknown column (got \"nickname\"",
     "worker"},
    {TN_IMPORT_WORKERS, "bad/duplicated_column.csv", 1, "gender", "duplicated column", "worker"},
    /* dates that exist, months, money digits only */
    {TN_IMPORT_WORKERS, "bad/bad_date.csv", 3, "birth_date",
     "bad date (got \"1990-02-30\", expected a date YYYY-MM-DD that exists)", "worker"},
    {TN_IMPORT_DECLARATIONS, "bad/bad_period.csv", 3, "from_period",
     "bad month (got \"2025-13\", expected a month YYYY-MM)", "declaration"},
    {TN_IMPORT_DECLARATIONS, "bad/bad_money.csv", 3, "salary",
     "(got \"5.000.000\", expected a whole number of đồng, digits only)", "declaration"},
    /* payments.csv: amount is positive đồng */
    {TN_IMPORT_PAYMENTS, "bad/zero_amount.csv", 3, "amount", "amount must be above 0 (got \"0\"",
     "payment"},
    {TN_IMPORT_PAYMENTS, "bad/negative_amount.csv", 3, "amount", "(got \"-5000\"", "payment"},
    /* every amount is bounded (money.h TN_MONEY_MAX), so no sum of them overflows */
    {TN_IMPORT_PAYMENTS, "bad/huge_amount.csv", 3, "amount",
     "amount too large: at most 999999999999999 đồng (got \"999999999999999999\"", "payment"},
    /* units.csv: type is one of a list */
    {TN_IMPORT_UNITS, "bad/bad_enum.csv", 3, "type",
     "unknown value (got \"startup\", expected one of state, fdi, private", "unit"},
    /* declarations refer to a known unit */
    {TN_IMPORT_DECLARATIONS, "bad/unknown_unit.csv", 3, "unit_code",
     "unknown unit (got \"ZZ9\", expected a unit of units.csv)", "declaration"},
    /* a key twice in one file: the second line is the error */
    {TN_IMPORT_WORKERS, "bad/duplicate_key.csv", 4, "bhxh_code",
     "duplicate key, first on line 2 (got \"7900000009\"", "worker"},
    /* declarations.csv: salary empty for a decrease */
    {TN_IMPORT_DECLARATIONS, "bad/salary_on_decrease.csv", 3, "salary",
     "salary given for a decrease (got \"5000000\", expected an empty cell)", "declaration"},
    /* funds: a subset of BHXH,BHYT,BHTN,TNLD, each once */
    {TN_IMPORT_DECLARATIONS, "bad/bad_funds.csv", 3, "funds", "bad funds list (got \"BHXH,XYZ\"",
     "declaration"},
    {TN_IMPORT_DECLARATIONS, "bad/bad_funds.csv", 4, "funds", "(got \"BHYT,BHYT\"", "declaration"},
    /* reverses: a known txn_id of the same amount */
    {TN_IMPORT_PAYMENTS, "bad/reversal_unknown.csv", 3, "reverses", "unknown payment (got \"NOPE\"",
     "payment"},
    {TN_IMPORT_PAYMENTS, "bad/reversal_amount.csv", 3, "amount",
     "a reversal carries the amount it reverses (got \"90000\", expected 100000", "payment"},
    /* UTF-8 only */
    {TN_IMPORT_OFFICERS, "bad/invalid_utf8.csv", 3, "full_name", "not valid UTF-8", "officer"},
    /* RFC 4180: every record has the header's fields; quotes only around a whole cell */
    {TN_IMPORT_WORKERS, "bad/ragged_row.csv", 3, NULL, "has 3 fields, expected 4", "worker"},
    {TN_IMPORT_WORKERS, "bad/bad_quoting.csv", 3, NULL, "malformed quoting", "worker"},
    /* units.csv: parent_code a known unit (store or file), not itself */
    {TN_IMPORT_UNITS, "bad/unknown_parent.csv", 3, "parent_code",
     "unknown parent unit (got \"NOPARENT\"", "unit"},
    {TN_IMPORT_UNITS, "bad/unknown_parent.csv", 4, "parent_code",
     "a unit cannot be its own parent (got \"Q3\"", "unit"},
};

static void every_bad_file_is_rejected_with_line_column_and_nothing_written(void **state)
{
    struct fx *f = *state;
    load_registry(f);
    assert_int_equal(import(f, TN_IMPORT_PAYMENTS, "good/payments.csv"), TN_OK);
    char sql[128];
    for (size_t i = 0; i < sizeof bad_files / sizeof bad_files[0]; i++) {
        snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", bad_files[i].table);
        long before = count(f, sql);
        long batches = count(f, "SELECT count(*) FROM import_batch");
        f->what = bad_files[i].file;
        assert_int_equal(import(f, bad_files[i].kind, bad_files[i].file), TN_ERR_REJECTED);
        has_error(f, bad_files[i].line, bad_files[i].column, bad_files[i].part);
        assert_string_equal(f->rep.errors[0].file, fixture(f, bad_files[i].file));
        /* all or nothing: the good row before the bad one is not there either */
        assert_int_equal(count(f, sql), before);
        assert_int_equal(count(f, "SELECT count(*) FROM import_batch"), batches);
    }
}

static void every_error_of_a_file_is_listed_in_line_order(void **state)
{
    struct fx *f = *state;
    /* many_errors.csv: a record over lines 2-3 (quoted newline), then lines 4 and 5 */
    assert_int_equal(import(f, TN_IMPORT_WORKERS, "bad/many_errors.csv"), TN_ERR_REJECTED);
    static const struct {
        long line;
        const char *column, *part;
    } want[] = {
        {2, "gender", "unknown value (got \"X\", expected one of M, F)"},
        {4, "bhxh_code", "bad number (got \"790000001\", expected exactly 10 digits)"},
        {4, "id_number", "(got \"123\", expected exactly 12 digits)"},
        {5, "full_name", "required cell is empty"},
        {5, "birth_date", "bad date (got \"1991-13-01\""},
    };
    if (f->rep.nerrors != sizeof want / sizeof want[0])
        dump_errors(f);
    assert_int_equal(f->rep.nerrors, sizeof want / sizeof want[0]);
    for (size_t i = 0; i < f->rep.nerrors; i++) {
        assert_int_equal(f->rep.errors[i].line, want[i].line);
        assert_string_equal(f->rep.errors[i].column, want[i].column);
        assert_non_null(strstr(f->rep.errors[i].message, want[i].part));
    }
    assert_int_equal(count(f, "SELECT count(*) FROM worker"), 0);
}

static void changed_row_needs_update_then_becomes_version_2(void **state)
{
    struct fx *f = *state;
    load_registry(f);
    /* workers-changed.csv: 7900000002's birth date differs from the stored one */
    assert_int_equal(
        import_at(f, TN_IMPORT_WORKERS, "good/workers-changed.csv", 0, "2026-11-05T09:00:00"),
        TN_ERR_REJECTED);
    has_error(f, 2, "birth_date",
              "differs from the stored version; use --update to record a new version (got "
              "\"1985-03-21\", expected \"1985-03-12\" as stored)");
    assert_int_equal(count(f, "SELECT count(*) FROM worker"), 3);
    assert_int_equal(
        import_at(f, TN_IMPORT_WORKERS, "good/workers-changed.csv", 1, "2026-11-05T09:00:00"),
        TN_OK);
    assert_int_equal(f->rep.rows_changed, 1);
    assert_int_equal(f->rep.rows_new + f->rep.rows_same, 0);
    assert_int_equal(count(f, "SELECT count(*) FROM worker WHERE bhxh_code = '7900000002' AND "
                              "version = 1 AND birth_date = '1985-03-12' AND known_at = '" NOW
                              "' AND superseded_at = '2026-11-05T09:00:00'"),
                     1);
    assert_int_equal(count(f, "SELECT count(*) FROM worker WHERE bhxh_code = '7900000002' AND "
                              "version = 2 AND birth_date = '1985-03-21' AND known_at = "
                              "'2026-11-05T09:00:00' AND superseded_at IS NULL"),
                     1);
    /* the whole workers file again with --update: its row of 7900000002 is now a change back
     * (version 3), the other two the same */
    assert_int_equal(import_at(f, TN_IMPORT_WORKERS, "good/workers.csv", 1, "2026-11-06T09:00:00"),
                     TN_OK);
    assert_int_equal(f->rep.rows_changed, 1);
    assert_int_equal(f->rep.rows_same, 2);
    assert_int_equal(count(f, "SELECT max(version) FROM worker WHERE bhxh_code = '7900000002' "
                              "AND superseded_at IS NULL"),
                     3);
}

static void reversals_are_checked_against_the_store(void **state)
{
    struct fx *f = *state;
    load_registry(f);
    assert_int_equal(import(f, TN_IMPORT_PAYMENTS, "good/payments.csv"), TN_OK);
    /* reversal_amount.csv's X1 of 100000 then a good reversal of it: stored now */
    char dir[] = "/tmp/thuno-import-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char *p = f->paths[f->slot++ % 8];
    snprintf(p, sizeof f->paths[0], "%s/rev.csv", dir);
    FILE *out = fopen(p, "w");
    assert_non_null(out);
    fputs("txn_id,unit_code,paid_on,amount,channel,reverses\n"
          "R1,P1,2025-03-05,1302000,transfer,VCB004\n" /* a reversal of a reversal */
          "R2,P1,2025-03-05,500000,transfer,VCB002\n"  /* of a payment in suspense: good */
          "R3,P1,2025-03-05,5,transfer,R3\n",          /* of itself */
          out);
    fclose(out);
    tn_import_report_release(&f->rep);
    assert_int_equal(tn_import_file(f->s, TN_IMPORT_PAYMENTS, p, 0, NOW, &f->rep, NULL, NULL),
                     TN_ERR_REJECTED);
    has_error(f, 2, "reverses", "cannot reverse a reversal (got \"VCB004\"");
    has_error(f, 4, "reverses", "a payment cannot reverse itself");
    assert_int_equal(f->rep.nerrors, 2);
    unlink(p);
    rmdir(dir);
}

static void errors_past_the_cap_are_counted(void **state)
{
    struct fx *f = *state;
    char dir[] = "/tmp/thuno-import-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char *p = f->paths[f->slot++ % 8];
    snprintf(p, sizeof f->paths[0], "%s/many.csv", dir);
    FILE *out = fopen(p, "w");
    assert_non_null(out);
    fputs("bhxh_code,full_name,birth_date,gender\n", out);
    for (int i = 0; i < TN_IMPORT_MAX_ERRORS + 5; i++)
        fprintf(out, "%010d,A,1990-01-01,Q\n", i);
    fclose(out);
    tn_import_report_release(&f->rep);
    assert_int_equal(tn_import_file(f->s, TN_IMPORT_WORKERS, p, 0, NOW, &f->rep, NULL, NULL),
                     TN_ERR_REJECTED);
    assert_int_equal(f->rep.errors_dropped, 5);
    assert_int_equal(f->rep.nerrors, TN_IMPORT_MAX_ERRORS + 1);
    const struct tn_import_error *last = &f->rep.errors[f->rep.nerrors - 1];
    assert_int_equal(last->line, TN_IMPORT_MAX_ERRORS + 2); /* the first row not listed */
    assert_null(last->column);
    assert_non_null(strstr(last->message, "5 more errors"));
    unlink(p);
    rmdir(dir);
}

/* A first load (the table empty) finds a key repeated in the file through the table's primary
 * key instead of a set of every key: the errors are those of an import into a table that
 * already holds rows, line for line and byte for byte (repeats of a written row, of a rejected
 * row, a rejected row that repeats a written one, a cell error before a repeat). */
static void a_first_load_reports_repeats_as_any_load(void **state)
{
    struct fx *f = *state;
    load_registry(f);
    char dir[] = "/tmp/thuno-import-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char *p = f->paths[f->slot++ % 8];
    snprintf(p, sizeof f->paths[0], "%s/repeats.csv", dir);
    FILE *out = fopen(p, "w");
    assert_non_null(out);
    fputs("unit_code,bhxh_code,from_period,kind,salary,funds,declared_on,reason\n"
          "P1,7900000001,2025-01,increase,6000000,,2025-01-05,tuyển mới\n" /* 2 */
          "P1,7900000002,2025-01,increase,5200000,,2025-01-05,\n"          /* 3 */
          "ZZ,7900000001,2025-02,increase,6000000,,2025-02-05,\n"          /* 4: unknown unit */
          "P1,7900000001,2025-01,increase,6000000,,2025-01-05,\n"          /* 5: repeats 2 */
          "ZZ,7900000001,2025-02,increase,6000000,,2025-02-05,\n"          /* 6: repeats 4 */
          "P1,7900000002,2025-01,adjust,,,2025-01-05,\n"                   /* 7: bad, repeats 3 */
          "P1,79000000xx,2025-03,increase,5200000,,2025-03-05,\n"          /* 8: bad key */
          "B1,7900000003,2025-03,increase,4960000,XYZ,2025-04-10,\n"       /* 9: bad funds */
          "B1,7900000003,2025-03,increase,4960000,XYZ,2025-04-10,\n"       /* 10: funds, repeat */
          "P1,7900000002,2025-01,increase,5200000,,2025-01-05,\n",         /* 11: repeats 3 */
          out);
    fclose(out);
    static const struct {
        long line;
        const char *column, *message;
    } want[] = {
        {4, "unit_code", "unknown unit (got \"ZZ\", expected a unit of units.csv)"},
        {5, NULL,
         "duplicate key, first on line 2 (got \"P1, 7900000001, 2025-01\", expected each "
         "unit_code,bhxh_code,from_period once in a file)"},
        {6, NULL,
         "duplicate key, first on line 4 (got \"ZZ, 7900000001, 2025-02\", expected each "
         "unit_code,bhxh_code,from_period once in a file)"},
        {7, NULL,
         "duplicate key, first on line 3 (got \"P1, 7900000002, 2025-01\", expected each "
         "unit_code,bhxh_code,from_period once in a file)"},
        {8, "bhxh_code", "bad number (got \"79000000xx\", expected exactly 10 digits)"},
        {9, "funds",
         "bad funds list (got \"XYZ\", expected funds among BHXH,BHYT,BHTN,TNLD, "
         "each at most once)"},
        {10, "funds",
         "bad funds list (got \"XYZ\", expected funds among BHXH,BHYT,BHTN,TNLD, "
         "each at most once)"},
        {10, NULL,
         "duplicate key, first on line 9 (got \"B1, 7900000003, 2025-03\", expected "
         "each unit_code,bhxh_code,from_period once in a file)"},
        {11, NULL,
         "duplicate key, first on line 3 (got \"P1, 7900000002, 2025-01\", expected "
         "each unit_code,bhxh_code,from_period once in a file)"},
    };
    for (int load = 0; load < 2; load++) { /* first load, then into a table holding rows */
        f->what = load ? "a later load" : "a first load";
        tn_import_report_release(&f->rep);
        assert_int_equal(
            tn_import_file(f->s, TN_IMPORT_DECLARATIONS, p, 0, NOW, &f->rep, NULL, NULL),
            TN_ERR_REJECTED);
        if (f->rep.nerrors != sizeof want / sizeof want[0])
            dump_errors(f);
        assert_int_equal(f->rep.nerrors, sizeof want / sizeof want[0]);
        for (size_t i = 0; i < f->rep.nerrors; i++) {
            const struct tn_import_error *e = &f->rep.errors[i];
            assert_int_equal(e->line, want[i].line);
            if (want[i].column)
                assert_string_equal(e->column, want[i].column);
            else
                assert_null(e->column);
            assert_string_equal(e->message, want[i].message);
        }
        if (!load) { /* nothing written, the table's state as before */
            assert_int_equal(count(f, "SELECT count(*) FROM declaration"), 0);
            assert_int_equal(import(f, TN_IMPORT_DECLARATIONS, "good/declarations.csv"), TN_OK);
        }
    }
    unlink(p);
    rmdir(dir);
}

static void large_files_are_read_across_chunks(void **state)
{
    struct fx *f = *state;
    /* about 4 MiB: records, quoted newlines and multi-byte characters fall across the reader's
     * 1 MiB chunks; every byte must arrive (sum of lengths) and every line number be right */
    char dir[] = "/tmp/thuno-import-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char *p = f->paths[f->slot++ % 8];
    snprintf(p, sizeof f->paths[0], "%s/big.csv", dir);
    FILE *out = fopen(p, "w");
    assert_non_null(out);
    fputs("bhxh_code,full_name,birth_date,gender\n", out);
    enum { ROWS = 50000 };
    long long bytes = 0, line = 2, last = 0;
    for (int i = 0; i < ROWS; i++) {
        char name[96];
        /* "Nguyễn Văn " is 13 bytes in UTF-8; every 7th name spans two lines */
        int n = snprintf(name, sizeof name, "Nguy\xE1\xBB\x85n V\xC4\x83n %d%s%.*s", i,
                         i % 7 ? "" : "\n", i % 23, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
        bytes += n;
        last = line;
        fprintf(out, "%010d,\"%s\",1990-01-01,%s\n", i, name, i == ROWS - 1 ? "Q" : "M");
        line += i % 7 ? 1 : 2;
    }
    fclose(out);
    tn_import_report_release(&f->rep);
    /* the last row is bad: its line tells that no record was lost or split */
    assert_int_equal(tn_import_file(f->s, TN_IMPORT_WORKERS, p, 0, NOW, &f->rep, NULL, NULL),
                     TN_ERR_REJECTED);
    assert_int_equal(f->rep.nerrors, 1);
    assert_int_equal(f->rep.errors[0].line, last);
    assert_string_equal(f->rep.errors[0].column, "gender");
    /* the same file made good */
    out = fopen(p, "r+");
    assert_non_null(out);
    assert_int_equal(fseek(out, -2, SEEK_END), 0);
    fputc('F', out);
    fclose(out);
    long long calls = 0;
    tn_import_report_release(&f->rep);
    assert_int_equal(
        tn_import_file(f->s, TN_IMPORT_WORKERS, p, 0, NOW, &f->rep, count_rows, &calls), TN_OK);
    assert_int_equal(f->rep.rows_new, ROWS);
    assert_int_equal(calls, ROWS);
    assert_int_equal(count(f, "SELECT sum(length(CAST(full_name AS BLOB))) FROM worker"), bytes);
    assert_int_equal(count(f, "SELECT count(*) FROM worker WHERE full_name LIKE '%' || char(10) "
                              "|| '%'"),
                     (ROWS + 6) / 7);
    unlink(p);
    rmdir(dir);
}

static void a_line_of_commas_is_one_bad_row(void **state)
{
    struct fx *f = *state;
    /* 16 MiB of commas on one line: one malformed row, read in bounded memory (a field is
     * kept only up to one more than the header has), and the row after it still read */
    char dir[] = "/tmp/thuno-import-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char *p = f->paths[f->slot++ % 8];
    snprintf(p, sizeof f->paths[0], "%s/commas.csv", dir);
    FILE *out = fopen(p, "w");
    assert_non_null(out);
    fputs("bhxh_code,full_name,birth_date,gender\n", out);
    static char commas[1 << 20];
    memset(commas, ',', sizeof commas);
    for (int i = 0; i < 16; i++)
        fwrite(commas, 1, sizeof commas, out);
    fputs("\n7900000001,Lê Thị Hoa,1990-02-03,X\n", out);
    fclose(out);
    struct rusage before, after;
    getrusage(RUSAGE_SELF, &before);
    tn_import_report_release(&f->rep);
    assert_int_equal(tn_import_file(f->s, TN_IMPORT_WORKERS, p, 0, NOW, &f->rep, NULL, NULL),
                     TN_ERR_REJECTED);
    getrusage(RUSAGE_SELF, &after);
    has_error(f, 2, NULL, "too many fields");
    has_error(f, 3, "gender", "(got \"X\""); /* the next row is read and checked */
    assert_true(after.ru_maxrss - before.ru_maxrss < 100 * 1024); /* KiB */
    assert_int_equal(count(f, "SELECT count(*) FROM worker"), 0);
    unlink(p);
    rmdir(dir);
}

/* text imported as kind from memory (tn_import_stream), named in.csv */
static tn_err import_text(struct fx *f, enum tn_import_kind kind, const char *text)
{
    tn_import_report_release(&f->rep);
    FILE *in = fmemopen((void *)text, strlen(text), "r");
    assert_non_null(in);
    return tn_import_stream(f->s, kind, in, "in.csv", 0, NOW, &f->rep, NULL, NULL);
}

static void a_header_alone_is_refused_unless_the_kind_may_be_empty(void **state)
{
    struct fx *f = *state;
    /* the kinds a province always has: a wrong or truncated export, refused at line 1 */
    assert_int_equal(import_text(f, TN_IMPORT_WORKERS, "bhxh_code,full_name,birth_date,gender\n"),
                     TN_ERR_REJECTED);
    assert_int_equal(f->rep.nerrors, 1);
    has_error(f, 1, NULL, "no data rows");
    assert_int_equal(
        import_text(f, TN_IMPORT_OFFICERS, "officer_code,full_name,department,office_code,active"),
        TN_ERR_REJECTED);
    has_error(f, 1, NULL, "no data rows");
    assert_int_equal(count(f, "SELECT count(*) FROM import_batch"), 0);
    /* a register may truly be empty: no repayment plan yet */
    assert_int_equal(import_text(f, TN_IMPORT_CASE_PLANS, "case_id,seq,due_on,amount\n"), TN_OK);
    assert_int_equal(f->rep.nerrors, 0);
    assert_int_equal(f->rep.rows_new, 0);
}

static void kinds_and_unreadable_files(void **state)
{
    struct fx *f = *state;
    enum tn_import_kind k;
    assert_int_equal(tn_import_kind_parse("declarations", &k), TN_OK);
    assert_int_equal(k, TN_IMPORT_DECLARATIONS);
    assert_string_equal(tn_import_kind_name(TN_IMPORT_REGISTRY), "registry");
    assert_int_equal(tn_import_kind_parse("case_events", &k), TN_OK);
    assert_int_equal(k, TN_IMPORT_CASE_EVENTS);
    assert_int_equal(tn_import_kind_parse("unit", &k), TN_ERR_PARSE);
    assert_int_equal(import(f, TN_IMPORT_UNITS, "no/such/file.csv"), TN_ERR_IO);
    assert_int_equal(f->rep.nerrors, 1);
    assert_non_null(strstr(f->rep.errors[0].message, "cannot open"));
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(good_files_import_and_reimport_is_harmless),
        T(text_is_nfc_and_bom_crlf_quotes_defaults_are_read),
        T(payments_go_to_suspense_and_reverse),
        T(every_bad_file_is_rejected_with_line_column_and_nothing_written),
        T(every_error_of_a_file_is_listed_in_line_order),
        T(changed_row_needs_update_then_becomes_version_2),
        T(reversals_are_checked_against_the_store),
        T(errors_past_the_cap_are_counted),
        T(a_first_load_reports_repeats_as_any_load),
        T(large_files_are_read_across_chunks),
        T(a_line_of_commas_is_one_bad_row),
        T(a_header_alone_is_refused_unless_the_kind_may_be_empty),
        T(kinds_and_unreadable_files),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
