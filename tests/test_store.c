/*
 * test_store.c - the store conformance suite (docs/store.md): every operation of the seam
 * (struct tn_store_ops, src/store/store_ops.h) called through its public wrapper on a fresh
 * store, with the rows it gives back checked.
 *
 * Each case gets a new store at THUNO_STORE_URL (default ":memory:"; a file path is deleted
 * first), filled through the store's own writes: the CSV files of a small province (written
 * below) imported on 2025-12-01 and July to October 2025 closed. The expected rows were
 * checked by hand against those files (figures: 32% of the declared salaries, rates.csv of
 * 2025; balances obey closing = opening + assessed + adjustment + interest - paid).
 *
 * The list of cases is TN_STORE_OPS itself: an operation without its case op_<name> does not
 * build, and the fixed members of the table are counted (fixed_members_are_tested). Nothing
 * here depends on the backend, so a second one runs this file unchanged. THUNO_STORE_SHOW=1
 * prints what each case got instead of checking it (to review a new case's rows).
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
#include "store/store_ops.h"
#include "store/store_test.h"
#include "thuno/case_register.h"
#include "thuno/import.h"
#include "thuno/mem.h"
#include "thuno/operations.h"
#include "thuno/policy.h"
#include "thuno/store_copy.h"

#include "store_cases.h"

/* ---- the province (every figure below comes from these files) ---- */

static const struct {
    enum tn_import_kind kind;
    const char *name, *csv;
} files[] = {
    {TN_IMPORT_OFFICERS, "officers",
     "officer_code,full_name,department,office_code,active\n"
     "O1,Nguyễn Văn Cán,QLT,D01,1\n"
     "O2,Trần Thị Thu,KTTN,D02,1\n"
     "O3,Lê Văn Nghỉ,QLT,D01,0\n"},
    {TN_IMPORT_UNITS, "units",
     "unit_code,tax_code,name,type,status,status_since,parent_code,province_code,office_code,"
     "wage_region,officer_code,payment_cycle,registered_on,address,union_chair\n"
     "A,0100000001,Công ty TNHH An Phát,private,active,,,79,D01,1,O1,1,2025-01-01,"
     "\"1 Lê Lợi, Quận 1\",Lê Văn Cường\n"
     "A2,0100000001-002,Chi nhánh An Phát Thủ Đức,private,active,,A,79,D02,1,O2,1,2025-01-01,,\n"
     "B,0100000002,Hợp tác xã Bình Minh,cooperative,suspended,2025-09-01,,79,D02,1,O2,1,"
     "2025-01-01,,\n"
     "C,0100000003,Trường Tiểu học Kim Đồng,state,active,,,79,D01,1,O1,1,2025-01-01,,\n"},
    {TN_IMPORT_WORKERS, "workers",
     "bhxh_code,full_name,birth_date,gender,id_number\n"
     "0000000001,Nguyễn Văn Một,1980-01-01,M,\n"
     "0000000002,Trần Thị Hai,1985-02-02,F,\n"
     "0000000003,Lê Văn Ba,1990-03-03,M,\n"
     "0000000004,Phạm Thị Bốn,1992-04-04,F,\n"},
    {TN_IMPORT_REGISTRY, "registry",
     "tax_code,name,province_code,registered_on,status,reported_employees\n"
     "0100000001,Công ty TNHH An Phát,79,2020-01-01,active,30\n"
     "0300000009,Công ty CP Chưa Tham Gia,79,2021-01-01,active,50\n"},
    /* A: 13,000,000 a month (3,000,000 of it under region 1's floor), pays 1,000,000 once;
     * B: 5,000,000, pays 5,000,000 in October under its case; C: 6,000,000, pays 32% each
     * month on the 20th */
    {TN_IMPORT_DECLARATIONS, "declarations",
     "unit_code,bhxh_code,from_period,kind,salary,funds,declared_on,reason\n"
     "A,0000000001,2025-07,increase,10000000,,2025-07-01,\n"
     "A,0000000002,2025-07,increase,3000000,,2025-07-01,\n"
     "B,0000000003,2025-07,increase,5000000,,2025-07-01,\n"
     "C,0000000004,2025-07,increase,6000000,,2025-07-01,\n"
     "C,0000000004,2025-11,decrease,,,2025-10-25,nghỉ việc\n"},
    {TN_IMPORT_PAYMENTS, "payments",
     "txn_id,unit_code,paid_on,amount,channel,memo,bhxh_code,case_id,reverses\n"
     "C07,C,2025-07-20,1920000,transfer,C thang 7,,,\n"
     "C08,C,2025-08-20,1920000,transfer,C thang 8,,,\n"
     "C09,C,2025-09-20,1920000,transfer,C thang 9,,,\n"
     "C10,C,2025-10-20,1920000,transfer,C thang 10,,,\n"
     "A07,A,2025-07-25,1000000,transfer,A thang 7,,,\n"
     "PB1,B,2025-10-20,5000000,transfer,B theo hoa giai,,HS-B,\n"
     "S1,,2025-10-21,700000,cash,khong ro don vi,,,\n"
     "S2,ZZ,2025-10-22,800000,transfer,ZZ nop tien,,,\n"},
    {TN_IMPORT_CASE_EVENTS, "case_events",
     "case_id,seq,unit_code,event,date,amount,outcome,office,note\n"
     "HS-B,1,B,reminder_sent,2025-08-05,,,,Đôn đốc lần 1\n"
     "HS-B,2,B,lawsuit_filed,2025-09-10,20000000,,TAND quận 1,\n"
     "HS-B,3,B,mediation_settled,2025-10-01,18000000,,TAND quận 1,Hòa giải thành\n"},
    {TN_IMPORT_CASE_PLANS, "case_plans",
     "case_id,seq,due_on,amount\n"
     "HS-B,1,2025-10-15,9000000\n"
     "HS-B,2,2025-11-15,9000000\n"},
    {TN_IMPORT_INSPECTIONS, "inspections",
     "inspection_id,unit_code,concluded_on,decision_no,body,inspector,amount_underdeclared,"
     "amount_unpaid,workers_unregistered,fine_amount,remedy_by,note\n"
     "TT-1,A,2025-08-15,12/KL-BHXH,TTKT,Đoàn kiểm tra số 3,2000000,4000000,0,0,2025-09-15,\n"},
    {TN_IMPORT_ASSIGNMENTS, "assignments",
     "unit_code,officer_code,from_date,actor,reason\n"
     "C,O2,2025-10-01,TP.QLT,Cân đối địa bàn\n"},
    {TN_IMPORT_COLLECTION_PLANS, "collection_plans",
     "period,scope,scope_code,amount\n"
     "2025-10,province,79,50000000\n"
     "2025-10,office,D01,30000000\n"},
};

static char dir[64];
struct tn_policy tn_test_pol;

static const char *store_url(void)
{
    const char *u = getenv("THUNO_STORE_URL");
    return u && *u ? u : ":memory:";
}

static int group_setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/thuno_store_XXXXXX");
    if (!mkdtemp(dir))
        return -1;
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char path[128];
        snprintf(path, sizeof path, "%s/%s.csv", dir, files[i].name);
        FILE *f = fopen(path, "w");
        if (!f || fputs(files[i].csv, f) < 0 || fclose(f) != 0)
            return -1;
    }
    char msg[256];
    const char *pol = getenv("THUNO_POLICY");
    if (tn_policy_load(pol ? pol : THUNO_POLICY_DIR, &tn_test_pol, msg, sizeof msg)) {
        fprintf(stderr, "policy: %s\n", msg);
        return -1;
    }
    return 0;
}

static int group_teardown(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char path[128];
        snprintf(path, sizeof path, "%s/%s.csv", dir, files[i].name);
        unlink(path);
    }
    rmdir(dir);
    tn_policy_release(&tn_test_pol);
    char msg[256];
    return tn__store_test_wipe(store_url(), msg) ? -1 : 0;
}

/* July to October 2025, each closed on 2025-12-01 at hh:00 (hh = 1 + month - 7). */
tn_err tn_test_close(struct tn_store *s, int month, struct tn_close_stats *st)
{
    char now[32], msg[512];
    snprintf(now, sizeof now, "2025-12-01T%02d:00:00", (month - 6) % 24);
    tn_err err = tn_close_period(s, &tn_test_pol, 2025 * 12 + month - 1, now, st, NULL, NULL, msg,
                                 sizeof msg);
    if (err)
        fprintf(stderr, "close 2025-%02d: %s\n", month, msg);
    return err;
}

tn_err tn_test_import(struct tn_store *s, enum tn_import_kind kind, const char *csv,
                      const char *now, int update)
{
    char path[128];
    snprintf(path, sizeof path, "%s/extra.csv", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    assert_true(fputs(csv, f) >= 0);
    assert_int_equal(fclose(f), 0);
    struct tn_import_report rep;
    tn_import_report_init(&rep);
    tn_err err = tn_import_file(s, kind, path, update, now, &rep, NULL, NULL);
    for (size_t k = 0; k < rep.nerrors; k++)
        fprintf(stderr, "%s:%ld: %s\n", path, rep.errors[k].line, rep.errors[k].message);
    tn_import_report_release(&rep);
    unlink(path);
    return err;
}

static int setup(void **state)
{
    const char *url = store_url();
    struct tn_store *s;
    char msg[256];
    if (tn__store_test_wipe(url, msg)) {
        fprintf(stderr, "%s: %s\n", url, msg);
        return -1;
    }
    if (tn_store_open(url, 1, &s, msg)) {
        fprintf(stderr, "%s: %s\n", url, msg);
        return -1;
    }
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char path[128];
        snprintf(path, sizeof path, "%s/%s.csv", dir, files[i].name);
        struct tn_import_report rep;
        tn_import_report_init(&rep);
        tn_err err = tn_import_file(s, files[i].kind, path, 0, TN_TEST_NOW, &rep, NULL, NULL);
        for (size_t k = 0; k < rep.nerrors; k++)
            fprintf(stderr, "%s:%ld: %s\n", files[i].name, rep.errors[k].line,
                    rep.errors[k].message);
        tn_import_report_release(&rep);
        if (err) {
            fprintf(stderr, "import %s: %s\n", files[i].name, tn_store_errmsg(s));
            return -1;
        }
    }
    for (int m = 7; m <= 10; m++)
        if (tn_test_close(s, m, NULL))
            return -1;
    *state = s;
    return 0;
}

static int teardown(void **state)
{
    tn_store_free(*state);
    return 0;
}

/* ---- what a case got ---- */

void tn_test_put(struct tn_test_out *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(o->text + o->len, sizeof o->text - o->len, fmt, ap);
    va_end(ap);
    assert_true(n >= 0 && (size_t)n + 1 < sizeof o->text - o->len);
    o->len += (size_t)n;
    o->text[o->len++] = '\n';
    o->text[o->len] = '\0';
}

void tn_test_check(const struct tn_test_out *o, const char *want, const char *name)
{
    const char *show = getenv("THUNO_STORE_SHOW");
    if (show && *show) {
        printf("---- %s\n%s", name, o->text);
        return;
    }
    assert_string_equal(o->text, want);
}

const char *tn_test_period(tn_period p)
{
    static char buf[8][TN_PERIOD_BUFSZ];
    static int i;
    char *b = buf[i++ % 8];
    if (p < 0 || tn_period_format(p, b))
        snprintf(b, TN_PERIOD_BUFSZ, "-");
    return b;
}

const char *tn_test_day(tn_day d)
{
    static char buf[8][TN_DAY_BUFSZ];
    static int i;
    char *b = buf[i++ % 8];
    if (d < 0)
        snprintf(b, TN_DAY_BUFSZ, "-");
    else
        tn_day_format(d, b);
    return b;
}

/* ---- the fixed members of the table: lifecycle, transactions, imports ---- */

/* name, close, errmsg, begin, commit, rollback, 2 of migrations, 12 of imports and lookups, 3
 * test-only, copy (no office: the cut is an argument of each operation); a member added to
 * struct tn_store_ops outside TN_STORE_OPS must be tested here and counted */
#define FIXED_MEMBERS             24
#define X(name, fn, params, args) +1
enum { LISTED_OPS = 0 TN_STORE_OPS(X) };
#undef X
static void fixed_members_are_tested(void **state)
{
    (void)state;
    assert_int_equal(sizeof(struct tn_store_ops), (FIXED_MEMBERS + LISTED_OPS) * sizeof(void *));
}

static void open_refuses_what_it_cannot_open(void **state)
{
    (void)state;
    struct tn_store *s = NULL;
    char msg[256];
    assert_int_equal(tn_store_open("postgresql:///thuno?host=/nonexistent", 0, &s, msg),
                     TN_ERR_STORE);
    assert_non_null(strstr(msg, "PostgreSQL"));
    assert_null(s);
    tn_store_free(NULL);
}

/* A store the suite made is at the backend's latest schema version: nothing to migrate, and
 * migration 1 is the baseline (docs/store.md "Migrations"; the migrations themselves and the
 * test-only failing one: tests/test_store_migrate.c, SQLite only). */
static void new_store_has_nothing_to_migrate(void **state)
{
    struct tn_store *s = *state;
    int from = -1, to = -1;
    assert_int_equal(tn_store_migrate(s, &from, &to), TN_OK);
    assert_true(from >= 1);
    assert_int_equal(to, from);
    assert_string_equal(tn_store_migration_name(s, 1), "baseline");
    assert_non_null(tn_store_migration_name(s, from));
    assert_null(tn_store_migration_name(s, from + 1));
}

static void transactions_commit_and_roll_back(void **state)
{
    struct tn_store *s = *state;
    int seq;
    struct tn_reminder_row r;
    memset(&r, 0, sizeof r);
    r.year = 2025;
    r.seq = 1;
    snprintf(r.letter_no, sizeof r.letter_no, "1/TB-BHXH");
    snprintf(r.unit_code, sizeof r.unit_code, "A");
    r.period = 2025 * 12 + 9;
    tn_day_make(2025, 11, 5, &r.sent_on);
    r.overdue_through = -1;
    r.oldest_deadline = -1;
    assert_int_equal(tn_store_begin(s), TN_OK);
    assert_int_equal(tn_store_reminder_add(s, &r, TN_TEST_NOW), TN_OK);
    tn_store_rollback(s);
    assert_int_equal(tn_store_reminder_next_seq(s, 2025, &seq), TN_OK);
    assert_int_equal(seq, 1); /* rolled back */
    assert_int_equal(tn_store_begin(s), TN_OK);
    assert_int_equal(tn_store_reminder_add(s, &r, TN_TEST_NOW), TN_OK);
    assert_int_equal(tn_store_commit(s), TN_OK);
    assert_int_equal(tn_store_reminder_next_seq(s, 2025, &seq), TN_OK);
    assert_int_equal(seq, 2);
    /* a failure is an error with the backend's text */
    assert_int_equal(tn_store_reminder_add(s, &r, TN_TEST_NOW), TN_ERR_CONFLICT);
    assert_non_null(strstr(tn_store_errmsg(s), "already in the register"));
}

/* tn_store_copy (store_copy.h) takes a PostgreSQL store that holds no data: a file is refused
 * (TN_ERR_USAGE), and so is the suite's store on PostgreSQL, which holds the province
 * (TN_ERR_CONFLICT); either is left as it was. The whole move: tests/cli_migrate_pg.sh. */
static void copy_refuses_a_target_it_cannot_take(void **state)
{
    struct tn_store *s = *state, *src;
    char msg[256];
    assert_int_equal(tn_store_open(":memory:", TN_STORE_CREATE, &src, msg), TN_OK);
    struct tn_balance_row before, after;
    assert_int_equal(tn_store_unit_balance(s, NULL, "A", 2025 * 12 + 9, NULL, &before), TN_OK);
    tn_err err = tn_store_copy(s, src, NULL, NULL);
    if (strncmp(store_url(), "postgres", 8) == 0) {
        assert_int_equal(err, TN_ERR_CONFLICT);
        assert_non_null(strstr(tn_store_errmsg(s), "already holds data"));
    } else {
        assert_int_equal(err, TN_ERR_USAGE);
        assert_non_null(strstr(tn_store_errmsg(s), "PostgreSQL"));
    }
    assert_int_equal(tn_store_unit_balance(s, NULL, "A", 2025 * 12 + 9, NULL, &after), TN_OK);
    assert_int_equal(after.closing, before.closing);
    assert_int_equal(after.close_id, before.close_id);
    tn_store_free(src);
}

static void note_conflict(void *ctx, long seq)
{
    char *out = ctx;
    size_t n = strlen(out);
    snprintf(out + n, 64 - n, "%ld,", seq);
}

static tn_err join_value(void *ctx, const char *v, size_t len)
{
    char *out = ctx;
    size_t n = strlen(out);
    snprintf(out + n, 256 - n, "%.*s,", (int)len, v);
    return TN_OK;
}

/* A first load: the table's secondary indexes dropped until the end, a repeated key refused
 * by the primary key, all undone by the rollback. */
static void imports_first_load_in_bulk(void **state)
{
    struct tn_store *s = *state;
    static const char *const keys[] = {"inspection_id"};
    static const char *const cols[] = {"unit_code",     "concluded_on",
                                       "decision_no",   "body",
                                       "inspector",     "amount_underdeclared",
                                       "amount_unpaid", "workers_unregistered",
                                       "fine_amount",   "remedy_by",
                                       "note"};
    char out[64];
    assert_int_equal(tn_store_begin(s), TN_OK);
    assert_int_equal(tn__store_test_exec(s, "DELETE FROM inspection"), TN_OK);
    struct tn_store_import *imp;
    assert_int_equal(tn_store_import_begin(s, "inspection", keys, 1, cols, 11, "inspections",
                                           "i.csv", "2025-12-02T00:00:00", &imp),
                     TN_OK);
    assert_int_equal(tn_store_import_first(imp), 1);
    /* the catalog is the engine's own */
    int pg = strstr(store_url(), "postgres") == store_url();
    assert_int_equal(tn__store_test_text(s,
                                         pg ? "SELECT count(*) FROM pg_indexes WHERE tablename = "
                                              "'inspection' AND indexname != 'inspection_pkey'"
                                            : "SELECT count(*) FROM sqlite_master WHERE type = "
                                              "'index' AND tbl_name = 'inspection'",
                                         out, sizeof out),
                     TN_OK);
    assert_string_equal(out, "0");
    struct tn_store_value key = {.type = TN_SV_TEXT, .text = "TT-1"}, vals[11];
    for (size_t i = 0; i < 11; i++)
        vals[i] = (struct tn_store_value){.type = TN_SV_INT, .num = 0};
    vals[0] = (struct tn_store_value){.type = TN_SV_TEXT, .text = "A"};
    int written = -1;
    assert_int_equal(tn_store_import_written(imp, &key, &written), TN_OK);
    assert_int_equal(written, 0);
    assert_int_equal(tn_store_import_put(imp, &key, vals, 0), TN_OK);
    assert_int_equal(tn_store_import_put(imp, &key, vals, 0), TN_ERR_CONFLICT);
    assert_int_equal(tn_store_import_written(imp, &key, &written), TN_OK);
    assert_int_equal(written, 1);
    /* batched: rows kept, written 64 to a statement; a repeat told by its row's seq (0 from
     * the first put of the batch on: put counts the rows it keeps) */
    char seqs[64] = "";
    assert_int_equal(tn_store_import_batch(imp, note_conflict, seqs), TN_OK);
    static const char *const ids[] = {"TT-2", "TT-3", "TT-2", "TT-1"};
    for (size_t i = 0; i < 4; i++) {
        key.text = ids[i];
        assert_int_equal(tn_store_import_put(imp, &key, vals, 0), TN_OK);
    }
    assert_string_equal(seqs, ""); /* kept, not written yet */
    assert_int_equal(tn_store_import_written(imp, &key, &written), TN_OK); /* writes them */
    assert_int_equal(written, 1);
    assert_string_equal(seqs, "2,3,");
    assert_int_equal(tn_store_import_batch(imp, NULL, NULL), TN_OK);
    assert_int_equal(tn_store_import_finish(imp, 3, 0, 0), TN_OK);
    tn_store_import_free(imp);
    assert_int_equal(tn__store_test_text(s,
                                         pg ? "SELECT string_agg(inspection_id, ',' ORDER BY "
                                              "inspection_id) FROM inspection"
                                            : "SELECT group_concat(inspection_id) FROM inspection",
                                         out, sizeof out),
                     TN_OK);
    assert_string_equal(out, "TT-1,TT-2,TT-3");
    assert_int_equal(tn__store_test_text(s,
                                         pg ? "SELECT string_agg(indexname, ',') FROM pg_indexes "
                                              "WHERE tablename = 'inspection' AND indexname != "
                                              "'inspection_pkey'"
                                            : "SELECT group_concat(name) FROM sqlite_master WHERE "
                                              "type = 'index' AND tbl_name = 'inspection'",
                                         out, sizeof out),
                     TN_OK);
    assert_string_equal(out, "inspection_unit");
    tn_store_rollback(s);
    assert_int_equal(tn__store_test_text(s, "SELECT count(*) FROM inspection", out, sizeof out),
                     TN_OK);
    assert_string_not_equal(out, "0");
}

static void imports_find_put_and_look_up(void **state)
{
    struct tn_store *s = *state;
    static const char *const keys[] = {"bhxh_code"};
    static const char *const cols[] = {"full_name", "birth_date", "gender", "id_number"};
    struct tn_store_import *imp;
    assert_int_equal(tn_store_begin(s), TN_OK);
    assert_int_equal(tn_store_import_begin(s, "worker", keys, 1, cols, 4, "workers", "w.csv",
                                           "2025-12-02T00:00:00", &imp),
                     TN_OK);
    struct tn_store_value key = {.type = TN_SV_TEXT, .text = "0000000002"}, cur[4];
    long version = -1;
    assert_int_equal(tn_store_import_find(imp, &key, &version, cur), TN_OK);
    assert_int_equal(version, 1);
    assert_int_equal(cur[0].type, TN_SV_TEXT);
    assert_string_equal(cur[0].text, "Trần Thị Hai");
    struct tn_store_value vals[4] = {{.type = TN_SV_TEXT, .text = "Trần Thị Hai Mới"},
                                     {.type = TN_SV_TEXT, .text = "1985-02-02"},
                                     {.type = TN_SV_TEXT, .text = "F"},
                                     {.type = TN_SV_NULL}};
    assert_int_equal(tn_store_import_first(imp), 0);
    assert_int_equal(tn_store_import_put(imp, &key, vals, 1), TN_OK);
    int written = -1;
    assert_int_equal(tn_store_import_written(imp, &key, &written), TN_OK);
    assert_int_equal(written, 1);
    assert_int_equal(tn_store_import_finish(imp, 0, 1, 0), TN_OK);
    tn_store_import_free(imp);
    struct tn_store_lookup *lk;
    int found = -1;
    assert_int_equal(tn_store_lookup_new(s, "unit", "unit_code", &lk), TN_OK);
    assert_int_equal(tn_store_lookup_exists(lk, "B", &found), TN_OK);
    assert_int_equal(found, 1);
    assert_int_equal(tn_store_lookup_exists(lk, "ZZ", &found), TN_OK);
    assert_int_equal(found, 0);
    char each[256] = "";
    assert_int_equal(tn_store_lookup_each(lk, join_value, each), TN_OK);
    assert_string_equal(each, "A,A2,B,C,");
    tn_store_lookup_free(lk);
    tn_store_lookup_free(NULL);
    tn_store_import_free(NULL);
    assert_int_equal(tn_store_commit(s), TN_OK);
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_unit_workers(s, "A", 2025 * 12 + 9, NULL, tn_test_unit_worker, &o),
                     TN_OK);
    tn_test_check(&o, "0000000001 Nguyễn Văn Một\n0000000002 Trần Thị Hai Mới\n", "import");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fixed_members_are_tested),
        cmocka_unit_test(open_refuses_what_it_cannot_open),
        cmocka_unit_test_setup_teardown(new_store_has_nothing_to_migrate, setup, teardown),
        cmocka_unit_test_setup_teardown(transactions_commit_and_roll_back, setup, teardown),
        cmocka_unit_test_setup_teardown(copy_refuses_a_target_it_cannot_take, setup, teardown),
        cmocka_unit_test_setup_teardown(imports_find_put_and_look_up, setup, teardown),
        cmocka_unit_test_setup_teardown(imports_first_load_in_bulk, setup, teardown),
        cmocka_unit_test_setup_teardown(tn_test_cut_every_operation, setup, teardown),
        cmocka_unit_test_setup_teardown(tn_test_cut_two_calls_one_handle, setup, teardown),
        cmocka_unit_test_setup_teardown(tn_test_cut_by_officer, setup, teardown),
#define X(name, fn, params, args) cmocka_unit_test_setup_teardown(op_##name, setup, teardown),
        TN_STORE_OPS(X)
#undef X
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
