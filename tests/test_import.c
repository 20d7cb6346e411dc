/*
 * test_import.c - importing CSV files (data-formats.md "Common rules"): header matching, every
 * kind of bad cell and row reported as FILE:LINE:COLUMN, all-or-nothing, idempotent
 * re-import, --update versions, NFC, BOM and CRLF, payments in suspense.
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

#include "store/store_int.h"
#include "thuno/import.h"
#include "thuno/mem.h"

struct fx {
    struct tn_store *s;
    char dir[64];
    struct tn_import_report rep;
};

static int setup(void **state)
{
    struct fx *f = tn_xcalloc(1, sizeof *f);
    char msg[256];
    assert_int_equal(tn_store_open(":memory:", 1, &f->s, msg), TN_OK);
    snprintf(f->dir, sizeof f->dir, "/tmp/thuno-import-XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    tn_import_report_init(&f->rep);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fx *f = *state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", f->dir);
    assert_int_equal(system(cmd), 0);
    tn_import_report_release(&f->rep);
    tn_store_free(f->s);
    free(f);
    return 0;
}

/* Writes text to DIR/name and imports it; returns the result. */
static tn_err import(struct fx *f, enum tn_import_kind kind, const char *name, const char *text,
                     int update, const char *now)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", f->dir, name);
    FILE *out = fopen(path, "wb");
    assert_non_null(out);
    fputs(text, out);
    fclose(out);
    tn_import_report_release(&f->rep);
    /* path must outlive the report: keep it in a static slot per call */
    static char keep[8][128];
    static int slot;
    char *p = keep[slot++ % 8];
    memcpy(p, path, sizeof path);
    return tn_import_file(f->s, kind, p, update, now, &f->rep, NULL, NULL);
}

static long count(struct fx *f, const char *sql)
{
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(f->s->db, sql, -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    long n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

/* Asserts that the report holds an error at line/column whose message contains part. */
static void has_error(struct fx *f, long line, const char *column, const char *part)
{
    for (size_t i = 0; i < f->rep.nerrors; i++) {
        const struct tn_import_error *e = &f->rep.errors[i];
        int col_ok = column ? e->column && strcmp(e->column, column) == 0 : e->column == NULL;
        if (e->line == line && col_ok && strstr(e->message, part))
            return;
    }
    for (size_t i = 0; i < f->rep.nerrors; i++)
        print_error("  %ld:%s: %s\n", f->rep.errors[i].line,
                    f->rep.errors[i].column ? f->rep.errors[i].column : "-",
                    f->rep.errors[i].message);
    fail_msg("no error at line %ld column %s containing \"%s\"", line, column ? column : "-", part);
}

static const char *officers = "officer_code,full_name,department\nO1,Nguyễn Văn An,QLT\n";
static const char *units_hdr = "unit_code,tax_code,name,type,status,province_code,wage_region,"
                               "registered_on,officer_code,parent_code,payment_cycle\n";
static const char *workers = "bhxh_code,full_name,birth_date,gender\n"
                             "0000000001,Phạm Minh Đức,1985-03-12,M\n"
                             "0000000002,Võ Thị Hoa,1992-11-30,F\n";

static void load_registry(struct fx *f)
{
    char units[512];
    snprintf(units, sizeof units, "%sA,0100000001,Công ty A,private,active,79,1,2025-01-01,O1,,\n",
             units_hdr);
    assert_int_equal(
        import(f, TN_IMPORT_OFFICERS, "officers.csv", officers, 0, "2025-07-01T00:00:00"), TN_OK);
    assert_int_equal(import(f, TN_IMPORT_UNITS, "units.csv", units, 0, "2025-07-01T00:00:00"),
                     TN_OK);
    assert_int_equal(import(f, TN_IMPORT_WORKERS, "workers.csv", workers, 0, "2025-07-01T00:00:00"),
                     TN_OK);
}

static void header_problems_reject_the_file(void **state)
{
    struct fx *f = *state;
    /* missing required column, unknown column, duplicated column: all reported, line 1 */
    assert_int_equal(import(f, TN_IMPORT_WORKERS, "w.csv",
                            "bhxh_code,full_name,gender,nickname,gender\n0000000001,A,M,x,M\n", 0,
                            "2025-07-01T00:00:00"),
                     TN_ERR_REJECTED);
    has_error(f, 1, NULL, "nickname: unknown column");
    has_error(f, 1, NULL, "gender: duplicated column");
    has_error(f, 1, NULL, "birth_date: missing required column");
    assert_int_equal(count(f, "SELECT count(*) FROM worker"), 0);
}

static void every_bad_cell_is_reported_and_nothing_written(void **state)
{
    struct fx *f = *state;
    load_registry(f);
    const char *decls = "unit_code,bhxh_code,from_period,kind,salary,funds,declared_on\n"
                        "A,0000000001,2025-07,increase,5000000,,2025-07-01\n" /* 2: good */
                        "A,0000000002,2025-13,increase,5000000,,2025-07-01\n" /* 3 */
                        "A,0000000002,2025-07,raise,5000000,,2025-07-01\n"    /* 4 */
                        "A,0000000002,2025-08,adjust,5.000.000,,2025-08-01\n" /* 5 */
                        "A,0000000002,2025-09,decrease,5000000,,2025-09-01\n" /* 6 */
                        "A,0000000002,2025-10,adjust,,,2025-10-01\n"          /* 7 */
                        "A,0000000002,2025-11,adjust,6000000,\"BHXH,XYZ\",2025-11-01\n" /* 8 */
                        "A,0000000002,2025-12,adjust,6000000,,2025-02-30\n"             /* 9 */
                        "Z,0000000002,2026-01,adjust,6000000,,2026-01-01\n"             /* 10 */
                        "A,0000000009,2026-01,adjust,6000000,,2026-01-01\n"             /* 11 */
                        "A,0000000001,2025-07,increase,5000000,,2025-07-01\n"  /* 12: dup */
                        "A,0000000002,2026-02,adjust,6000000\n"                /* 13: ragged */
                        "a-1,0000000002,2026-03,adjust,6000000,,2026-03-01\n"; /* 14 */
    assert_int_equal(import(f, TN_IMPORT_DECLARATIONS, "d.csv", decls, 0, "2025-07-02T00:00:00"),
                     TN_ERR_REJECTED);
    has_error(f, 3, "from_period", "expected a month YYYY-MM");
    has_error(f, 4, "kind", "expected one of increase adjust decrease");
    has_error(f, 5, "salary", "digits only");
    has_error(f, 6, "salary", "must be empty for a decrease");
    has_error(f, 7, "salary", "required for an increase or adjust");
    has_error(f, 8, "funds", "BHXH,BHYT,BHTN,TNLD");
    has_error(f, 9, "declared_on", "a date YYYY-MM-DD that exists");
    has_error(f, 10, "unit_code", "unknown unit");
    has_error(f, 11, "bhxh_code", "unknown worker");
    has_error(f, 12, "unit_code", "earlier in this file");
    has_error(f, 13, NULL, "has 5 fields, expected 7");
    has_error(f, 14, "unit_code", "A-Z, 0-9");
    assert_int_equal(f->rep.nerrors, 12);
    /* all or nothing: the good row 2 is not there either */
    assert_int_equal(count(f, "SELECT count(*) FROM declaration"), 0);
    assert_int_equal(count(f, "SELECT count(*) FROM import_batch WHERE kind='declarations'"), 0);
}

static void payments_check_amounts_reversals_and_payers(void **state)
{
    struct fx *f = *state;
    load_registry(f);
    const char *pays = "txn_id,unit_code,paid_on,amount,channel,reverses\n"
                       "T1,A,2025-07-20,4800000,transfer,\n" /* 2 */
                       "T2,A,2025-07-21,0,transfer,\n"       /* 3: zero */
                       "T3,A,2025-07-21,-5,transfer,\n"      /* 4: negative */
                       "T4,A,2025-07-21,100,cheque,\n"       /* 5: channel */
                       "T5,A,2025-07-22,100,transfer,NOPE\n" /* 6: unknown txn */
                       "T6,A,2025-07-22,100,transfer,T1\n"   /* 7: wrong amount */
                       "T 7,A,2025-07-22,100,transfer,\n";   /* 8: bad txn id */
    assert_int_equal(import(f, TN_IMPORT_PAYMENTS, "p.csv", pays, 0, "2025-07-23T00:00:00"),
                     TN_ERR_REJECTED);
    has_error(f, 3, "amount", "above 0");
    has_error(f, 4, "amount", "above 0");
    has_error(f, 5, "channel", "expected one of transfer");
    has_error(f, 6, "reverses", "unknown payment");
    has_error(f, 7, "amount", "expected 4800000");
    has_error(f, 8, "txn_id", "without spaces");
    assert_int_equal(count(f, "SELECT count(*) FROM payment"), 0);

    const char *good = "txn_id,unit_code,paid_on,amount,channel,memo,reverses\n"
                       "T1,A,2025-07-20,4800000,transfer,,\n"
                       "T1R,A,2025-07-23,4800000,transfer,returned,T1\n"
                       "X1,,2025-07-24,1500000,transfer,NOP TIEN KHONG RO,\n"
                       "X2,NOSUCH,2025-07-24,1500000,transfer,typo,\n";
    assert_int_equal(import(f, TN_IMPORT_PAYMENTS, "p2.csv", good, 0, "2025-07-25T00:00:00"),
                     TN_OK);
    assert_int_equal(f->rep.rows_new, 4);
    assert_int_equal(f->rep.rows_suspense, 2);
    assert_int_equal(count(f, "SELECT count(*) FROM payment WHERE suspense='no_payer'"), 1);
    assert_int_equal(count(f, "SELECT count(*) FROM payment WHERE suspense='unknown_unit'"), 1);
    /* a reversal of a reversal is refused */
    assert_int_equal(import(f, TN_IMPORT_PAYMENTS, "p3.csv",
                            "txn_id,unit_code,paid_on,amount,channel,reverses\n"
                            "T1RR,A,2025-07-26,4800000,transfer,T1R\n",
                            0, "2025-07-26T00:00:00"),
                     TN_ERR_REJECTED);
    has_error(f, 2, "reverses", "cannot reverse a reversal");
}

static void reimport_is_harmless_and_update_keeps_versions(void **state)
{
    struct fx *f = *state;
    load_registry(f);
    /* the same file again: every row the same, nothing new */
    assert_int_equal(import(f, TN_IMPORT_WORKERS, "workers.csv", workers, 0, "2025-08-01T00:00:00"),
                     TN_OK);
    assert_int_equal(f->rep.rows_same, 2);
    assert_int_equal(f->rep.rows_new, 0);
    assert_int_equal(count(f, "SELECT count(*) FROM worker"), 2);
    /* a changed row is refused without --update */
    const char *changed = "bhxh_code,full_name,birth_date,gender\n"
                          "0000000001,Phạm Minh Đức,1985-03-21,M\n";
    assert_int_equal(import(f, TN_IMPORT_WORKERS, "w2.csv", changed, 0, "2025-08-02T00:00:00"),
                     TN_ERR_REJECTED);
    has_error(f, 2, "birth_date", "use --update");
    /* with --update it becomes version 2; version 1 is kept, superseded */
    assert_int_equal(import(f, TN_IMPORT_WORKERS, "w2.csv", changed, 1, "2025-08-03T00:00:00"),
                     TN_OK);
    assert_int_equal(f->rep.rows_changed, 1);
    assert_int_equal(count(f, "SELECT count(*) FROM worker WHERE bhxh_code='0000000001'"), 2);
    assert_int_equal(count(f, "SELECT count(*) FROM worker WHERE bhxh_code='0000000001' AND "
                              "version=1 AND superseded_at='2025-08-03T00:00:00'"),
                     1);
    assert_int_equal(count(f, "SELECT count(*) FROM worker WHERE bhxh_code='0000000001' AND "
                              "version=2 AND birth_date='1985-03-21' AND superseded_at IS NULL"),
                     1);
}

static void text_is_nfc_and_bom_crlf_and_quotes_are_read(void **state)
{
    struct fx *f = *state;
    /* "Nguyễn" written decomposed (NFD: e + circumflex + tilde) must be stored as NFC; the
     * file starts with a BOM, ends lines with CRLF and quotes a cell holding a comma */
    const char *nfd = "\xEF\xBB\xBF"
                      "officer_code,full_name,department,office_code\r\n"
                      "O1,\"Nguye\xCC\x82\xCC\x83n, Va\xCC\x86n An\",QLT,79001\r\n"
                      "O2,Trần Thị Bình,KTTN,\r\n";
    assert_int_equal(import(f, TN_IMPORT_OFFICERS, "o.csv", nfd, 0, "2025-07-01T00:00:00"), TN_OK);
    assert_int_equal(f->rep.rows_new, 2);
    assert_int_equal(count(f, "SELECT count(*) FROM officer WHERE full_name = "
                              "'Nguy\xE1\xBB\x85n, V\xC4\x83n An' AND active = 1"),
                     1);
    /* invalid UTF-8 is a row error */
    assert_int_equal(import(f, TN_IMPORT_OFFICERS, "o2.csv",
                            "officer_code,full_name,department\nO3,Bad\xC3\x28,QLT\n", 0,
                            "2025-07-02T00:00:00"),
                     TN_ERR_REJECTED);
    has_error(f, 2, NULL, "not valid UTF-8");
}

static void units_check_references_and_codes(void **state)
{
    struct fx *f = *state;
    assert_int_equal(
        import(f, TN_IMPORT_OFFICERS, "officers.csv", officers, 0, "2025-07-01T00:00:00"), TN_OK);
    char units[1024];
    snprintf(units, sizeof units,
             "%s"
             "B,0100000002-001,Chi nhánh B,private,active,79,1,2025-01-01,O1,P,\n" /* 2 */
             "P,0100000002,Công ty P,fdi,active,79,2,2024-01-01,,,\n"              /* 3 */
             "C,123,Công ty C,private,active,79,1,2025-01-01,,,\n"                 /* 4 */
             "D,0100000004,Công ty D,startup,active,79,1,2025-01-01,,,\n"          /* 5 */
             "E,0100000005,Công ty E,private,active,79,5,2025-01-01,,,\n"          /* 6 */
             "F,0100000006,Công ty F,private,active,79,1,2025-01-01,O9,,\n"        /* 7 */
             "G,0100000007,Công ty G,private,active,79,1,2025-01-01,,G,\n"         /* 8 */
             "H,0100000008,Công ty H,cooperative,active,79,1,2025-01-01,,,2\n"     /* 9 */
             "I,0100000009,Công ty I,private,active,79,1,2025-01-01,,NOPARENT,\n", /* 10 */
             units_hdr);
    assert_int_equal(import(f, TN_IMPORT_UNITS, "u.csv", units, 0, "2025-07-01T00:00:00"),
                     TN_ERR_REJECTED);
    has_error(f, 4, "tax_code", "10 digits");
    has_error(f, 5, "type", "expected one of state");
    has_error(f, 6, "wage_region", "from 1 to 4");
    has_error(f, 7, "officer_code", "unknown officer");
    has_error(f, 8, "parent_code", "its own parent");
    has_error(f, 9, "payment_cycle", "1, 3 or 6");
    has_error(f, 10, "parent_code", "unknown parent");
    /* B's parent P comes later in the same file: that is fine */
    assert_int_equal(f->rep.nerrors, 7);
    assert_int_equal(count(f, "SELECT count(*) FROM unit"), 0);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(header_problems_reject_the_file),
        T(every_bad_cell_is_reported_and_nothing_written),
        T(payments_check_amounts_reversals_and_payers),
        T(reimport_is_harmless_and_update_keeps_versions),
        T(text_is_nfc_and_bom_crlf_and_quotes_are_read),
        T(units_check_references_and_codes),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
