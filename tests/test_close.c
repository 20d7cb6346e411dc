/*
 * test_close.c - the monthly close on a small hand-checked province, in an in-memory store:
 * assessment, payments, back-dated adjustment, Law 41 interest, idempotency, as-of views,
 * late-recognised payments and the order closes may run in. docs/ledger.md explains the
 * rules; every expected figure is derived beside it.
 *
 * Unit A (private, region I, monthly): W1 10,000,000 and W2 5,000,000 from 2025-07.
 * 32% of the base in all (8+14+3+0.5 BHXH, 1.5+3 BHYT, 1+1 BHTN): 3,200,000 + 1,600,000 =
 * 4,800,000 a month.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "policy_fixture.h"
#include "store/store_test.h"
#include "thuno/close.h"
#include "thuno/report.h"

struct fx {
    struct tn_store *s;
    struct tn_policy pol;
};

static void sql(struct tn_store *s, const char *q)
{
    if (tn__store_test_exec(s, q) != TN_OK)
        fail_msg("%s: %s", q, tn_store_errmsg(s));
}

static int setup(void **state)
{
    struct fx *f = tn_xcalloc(1, sizeof *f);
    char msg[256];
    assert_int_equal(tn_store_open(":memory:", 1, &f->s, msg), TN_OK);
    fx_policy(&f->pol);
    sql(f->s, "INSERT INTO unit (unit_code, version, known_at, batch_id, tax_code, name, type, "
              "status, province_code, wage_region, payment_cycle, registered_on) VALUES "
              "('A', 1, '2025-07-01T00:00:00', 1, '0100000001', 'Công ty A', 'private', "
              "'active', '79', 1, 1, '2025-01-01')");
    sql(f->s, "INSERT INTO declaration (unit_code, bhxh_code, from_period, version, known_at, "
              "batch_id, kind, salary, funds, declared_on) VALUES "
              "('A', '0000000001', '2025-07', 1, '2025-07-01T00:00:00', 1, 'increase', "
              "10000000, 15, '2025-07-01'),"
              "('A', '0000000002', '2025-07', 1, '2025-07-01T00:00:00', 1, 'increase', "
              "5000000, 15, '2025-07-01')");
    sql(f->s, "INSERT INTO payment (txn_id, version, known_at, batch_id, unit_code, paid_on, "
              "amount, channel) VALUES "
              "('P1', 1, '2025-07-21T00:00:00', 1, 'A', '2025-07-20', 4800000, 'transfer'),"
              "('P2', 1, '2025-09-11T00:00:00', 1, 'A', '2025-09-10', 4800000, 'transfer')");
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fx *f = *state;
    tn_store_free(f->s);
    tn_policy_release(&f->pol);
    free(f);
    return 0;
}

static tn_err close_at(struct fx *f, int y, int m, const char *now, struct tn_close_stats *st)
{
    char msg[512];
    struct tn_close_stats dummy;
    tn_err err = tn_close_period(f->s, &f->pol, fx_period(y, m), now, st ? st : &dummy, NULL, NULL,
                                 msg, sizeof msg);
    if (err && err != TN_ERR_STATE)
        print_error("close: %s\n", msg);
    return err;
}

static tn_err keep_row(void *ctx, const struct tn_balance_row *r)
{
    *(struct tn_balance_row *)ctx = *r;
    return TN_OK;
}

static struct tn_balance_row balance(struct fx *f, int y, int m, const char *as_of)
{
    struct tn_balance_row r;
    memset(&r, 0, sizeof r);
    r.closing = -1;
    assert_int_equal(tn_store_balances(f->s, NULL, fx_period(y, m), as_of, keep_row, &r), TN_OK);
    return r;
}

static void close_months(struct fx *f)
{
    assert_int_equal(close_at(f, 2025, 7, "2025-08-01T08:00:00", NULL), TN_OK);
    assert_int_equal(close_at(f, 2025, 8, "2025-09-01T08:00:00", NULL), TN_OK);
    assert_int_equal(close_at(f, 2025, 9, "2025-10-01T08:00:00", NULL), TN_OK);
    /* W2's raise to 6,000,000 from 2025-08, filed 2025-10-05: truy thu in October */
    sql(f->s, "INSERT INTO declaration (unit_code, bhxh_code, from_period, version, known_at, "
              "batch_id, kind, salary, funds, declared_on) VALUES ('A', '0000000002', "
              "'2025-08', 1, '2025-10-06T00:00:00', 2, 'adjust', 6000000, 15, '2025-10-05')");
    assert_int_equal(close_at(f, 2025, 10, "2025-11-01T08:00:00", NULL), TN_OK);
    assert_int_equal(close_at(f, 2025, 11, "2025-12-01T08:00:00", NULL), TN_OK);
}

static void balances_follow_the_hand_computation(void **state)
{
    struct fx *f = *state;
    close_months(f);
    struct tn_balance_row r = balance(f, 2025, 7, NULL);
    /* July: 4,800,000 assessed, paid on the 20th */
    assert_int_equal(r.assessed, 4800000);
    assert_int_equal(r.paid, 4800000);
    assert_int_equal(r.closing, 0);
    assert_string_equal(r.legal_status, "current");
    r = balance(f, 2025, 8, NULL);
    /* August unpaid, but due only 2025-09-30 (Law 41 Art 34.4): current, nothing owed yet */
    assert_int_equal(r.closing, 4800000);
    assert_int_equal(r.months_owed_tenths, 0);
    assert_string_equal(r.bucket, "0");
    assert_string_equal(r.legal_status, "current");
    r = balance(f, 2025, 9, NULL);
    /* the 2025-09-10 payment clears August (oldest first) before its deadline: no interest */
    assert_int_equal(r.opening, 4800000);
    assert_int_equal(r.paid, 4800000);
    assert_int_equal(r.interest, 0);
    assert_int_equal(r.closing, 4800000);
    assert_int_equal(r.oldest_unpaid, fx_period(2025, 9));
    r = balance(f, 2025, 10, NULL);
    /* W2 +1,000,000 x 32% = 320,000 for each of August and September = 640,000; October
     * assessed 3,200,000 + 6,000,000 x 32% = 5,120,000. The truy thu is charged to the
     * months it concerns (Law 41 Art 39, 40; docs/ledger.md "Back-dated changes"): August
     * owes 5,120,000 (BHYT 720,000, BHTN 320,000, BHXH 4,080,000), so P2's 4,800,000 of
     * 09-10 leaves 320,000 of August's BHXH unpaid past 09-30: 320,000 x 0.03% x 31 days
     * (10-01..10-31) = 2,976 of interest in October. */
    assert_int_equal(r.adjustment, 640000);
    assert_int_equal(r.assessed, 5120000);
    assert_int_equal(r.interest, 2976);
    assert_int_equal(r.closing, 10562976);
    assert_int_equal(r.principal_due, 10560000);
    /* an under-declared base is evasion from the day after its month's deadline (Art 39):
     * August's part is unpaid since 10-01 */
    assert_string_equal(r.legal_status, "evading");
    /* August 320,000 / 5,120,000 = 0.06 + September (due 10-31) 1 -> 1.0 month */
    assert_int_equal(r.months_owed_tenths, 10);
    assert_int_equal(r.oldest_unpaid, fx_period(2025, 8));
    r = balance(f, 2025, 11, NULL);
    /* late all November (30 days): August's BHXH 320,000 and September's 5,120,000, BHYT
     * 720,000 -> 6,480, BHTN 320,000 -> 2,880, BHXH 4,400,000 -> 39,600: 48,960; October's
     * 5,120,000 is due 11-30. Closing 10,562,976 + 5,120,000 + 48,960. */
    assert_int_equal(r.interest, 48960);
    assert_int_equal(r.closing, 15731936);
    assert_int_equal(r.principal_due, 15680000);
    assert_int_equal(r.interest_due, 51936);
    /* past their deadlines: August 0.06, September (10-31) and October (11-30) whole = 2.06
     * -> 2.0 months */
    assert_int_equal(r.months_owed_tenths, 20);
    assert_string_equal(r.bucket, "1-3");
    assert_string_equal(r.legal_status, "evading");
    assert_int_equal(r.oldest_unpaid, fx_period(2025, 8));
}

static void explain_opens_the_balance_into_its_lines(void **state)
{
    struct fx *f = *state;
    close_months(f);
    struct tn_explain e;
    tn_explain_init(&e);
    assert_int_equal(tn_store_explain(f->s, NULL, "A", fx_period(2025, 10), NULL, &e), TN_OK);
    /* two assessed lines for October, two adjustment lines (W2: August and September) */
    assert_int_equal(e.nlines, 4);
    int adjustments = 0;
    for (size_t i = 0; i < e.nlines; i++) {
        if (!e.lines[i].adjustment)
            continue;
        adjustments++;
        assert_string_equal(e.lines[i].bhxh_code, "0000000002");
        assert_int_equal(e.lines[i].salary, 6000000);
        assert_int_equal(e.lines[i].amount[TN_C_PENSION_EE], 80000); /* 8% of +1,000,000 */
    }
    assert_int_equal(adjustments, 2);
    tn_explain_release(&e);
    assert_int_equal(tn_store_explain(f->s, NULL, "A", fx_period(2025, 11), NULL, &e), TN_OK);
    /* one interest line per group late in November: BHYT 4.5%, BHTN 2%, BHXH 25.5% of
     * September's 16,000,000 base, and August's BHXH 320,000 left by P2: 720,000 / 320,000 /
     * 4,400,000 -> 6,480 + 2,880 + 39,600 */
    assert_int_equal(e.ninterest, 3);
    tn_money sum = 0;
    for (size_t i = 0; i < e.ninterest; i++) {
        assert_string_equal(e.interest[i].rule, "daily");
        assert_int_equal(e.interest[i].days, 30);
        sum += e.interest[i].amount;
    }
    assert_int_equal(sum, 48960);
    tn_explain_release(&e);
    assert_int_equal(tn_store_explain(f->s, NULL, "A", fx_period(2025, 9), NULL, &e), TN_OK);
    /* P2 went to August: BHYT 675,000, BHTN 300,000, BHXH 3,825,000 (Decision 60/2015) */
    assert_int_equal(e.nalloc, 3);
    assert_string_equal(e.alloc[0].group, "BHYT");
    assert_int_equal(e.alloc[0].amount, 675000);
    assert_string_equal(e.alloc[2].group, "BHXH");
    assert_int_equal(e.alloc[2].amount, 3825000);
    assert_int_equal(e.alloc[0].target, fx_period(2025, 8));
    tn_explain_release(&e);
    assert_int_equal(tn_store_explain(f->s, NULL, "NOPE", fx_period(2025, 9), NULL, &e),
                     TN_ERR_NOT_FOUND);
    tn_explain_release(&e);
}

static void close_is_idempotent(void **state)
{
    struct fx *f = *state;
    close_months(f);
    struct tn_close_stats st;
    assert_int_equal(close_at(f, 2025, 11, "2025-12-02T08:00:00", &st), TN_OK);
    assert_int_equal(st.units, 1);
    assert_int_equal(st.units_changed, 0);
    char n[24];
    assert_int_equal(tn__store_test_text(f->s, "SELECT count(*) FROM unit_close", n, sizeof n),
                     TN_OK);
    assert_string_equal(n, "5"); /* one row per period, none added */
}

static void late_payments_keep_the_old_view_as_of(void **state)
{
    struct fx *f = *state;
    close_months(f);
    /* a 1,000,000 payment of 2025-10-15 reaches the office after November is closed */
    sql(f->s, "INSERT INTO payment (txn_id, version, known_at, batch_id, unit_code, paid_on, "
              "amount, channel) VALUES ('P3', 1, '2025-12-03T00:00:00', 3, 'A', '2025-10-15', "
              "1000000, 'transfer')");
    assert_int_equal(close_at(f, 2025, 11, "2025-12-03T09:00:00", NULL), TN_OK);
    /* it pays August's BHXH 320,000 first (October's interest: 14 days, 10-01..10-14, 1,344
     * instead of 2,976: a correction of -1,632), then 680,000 of September's BHYT 720,000.
     * Late in November: BHYT 40,000 -> 360, BHTN 320,000 -> 2,880, BHXH 4,080,000 -> 36,720:
     * 39,960. Interest 39,960 - 1,632 = 38,328; paid counts it now; closing 10,562,976 +
     * 5,120,000 + 38,328 - 1,000,000 = 14,721,304 */
    struct tn_balance_row r = balance(f, 2025, 11, NULL);
    assert_int_equal(r.interest, 38328);
    assert_int_equal(r.paid, 1000000);
    assert_int_equal(r.closing, 14721304);
    /* as known on 2025-12-02 the old figures stand */
    r = balance(f, 2025, 11, "2025-12-02T23:59:59");
    assert_int_equal(r.closing, 15731936);
    /* before November's first close there was no November balance at all */
    r = balance(f, 2025, 11, "2025-11-30T23:59:59");
    assert_int_equal(r.closing, -1);

    /* 3,800,000 paid 2025-11-05, known only in December: November's interest is recomputed
     * (4 days on September's 4,440,000: 48 + 384 + 4,896 = 5,328; then 26 days on the 640,000
     * of September's BHXH it leaves: 4,992; 10,320 instead of 39,960: -29,640) and December
     * charges September's 640,000 and October's 5,120,000 for 31 days: 53,568. Interest
     * 23,928; closing 14,721,304 + 5,120,000 + 23,928 - 3,800,000 = 16,065,232; interest due
     * 1,344 + 10,320 + 53,568 = 65,232. */
    sql(f->s, "INSERT INTO payment (txn_id, version, known_at, batch_id, unit_code, paid_on, "
              "amount, channel) VALUES ('P4', 1, '2025-12-20T00:00:00', 4, 'A', '2025-11-05', "
              "3800000, 'transfer')");
    assert_int_equal(close_at(f, 2025, 12, "2026-01-01T08:00:00", NULL), TN_OK);
    r = balance(f, 2025, 12, NULL);
    assert_int_equal(r.interest, 23928);
    assert_int_equal(r.paid, 3800000);
    assert_int_equal(r.closing, 16065232);
    assert_int_equal(r.principal_due, 16000000);
    assert_int_equal(r.interest_due, 65232);
}

static void closes_run_in_order(void **state)
{
    struct fx *f = *state;
    close_months(f);
    /* an earlier period is not reopened: its changes land in the current close */
    assert_int_equal(close_at(f, 2025, 9, "2025-12-05T00:00:00", NULL), TN_ERR_STATE);
    /* the refusal names the period asked for and the last closed one (it once named the
     * ledger's first period, 2025-07, as the one asked for) */
    char why[512];
    struct tn_close_stats none;
    assert_int_equal(tn_close_period(f->s, &f->pol, fx_period(2025, 8), "2025-12-05T00:00:00",
                                     &none, NULL, NULL, why, sizeof why),
                     TN_ERR_STATE);
    assert_string_equal(why, "2025-08 is already closed and the last closed period is 2025-11; "
                             "changes to it are recognised as adjustments when 2025-11 (or "
                             "2025-12) is closed");
    assert_int_equal(tn_close_period(f->s, &f->pol, fx_period(2025, 5), "2025-12-05T00:00:00",
                                     &none, NULL, NULL, why, sizeof why),
                     TN_ERR_STATE);
    assert_non_null(strstr(why, "2025-05 is before the ledger's first period 2025-07 and the "
                                "last closed period is 2025-11"));
    /* a gap is refused */
    assert_int_equal(close_at(f, 2026, 1, "2025-12-05T00:00:00", NULL), TN_ERR_STATE);
    /* a period outside the policy data is an error, and nothing is written */
    struct tn_policy empty;
    tn_policy_init(&empty);
    char msg[512];
    struct tn_close_stats st;
    assert_int_equal(tn_close_period(f->s, &empty, fx_period(2025, 12), "2026-01-01T00:00:00", &st,
                                     NULL, NULL, msg, sizeof msg),
                     TN_ERR_NO_POLICY);
    assert_non_null(strstr(msg, "unit A"));
    struct tn_balance_row r = balance(f, 2025, 12, NULL);
    assert_int_equal(r.closing, -1);
}

static void reversed_payment_is_not_money(void **state)
{
    struct fx *f = *state;
    sql(f->s, "INSERT INTO payment (txn_id, version, known_at, batch_id, unit_code, paid_on, "
              "amount, channel, reverses) VALUES ('P1R', 1, '2025-07-25T00:00:00', 1, 'A', "
              "'2025-07-24', 4800000, 'transfer', 'P1')");
    assert_int_equal(close_at(f, 2025, 7, "2025-08-01T08:00:00", NULL), TN_OK);
    struct tn_balance_row r = balance(f, 2025, 7, NULL);
    assert_int_equal(r.paid, 0);
    assert_int_equal(r.closing, 4800000);
}

/* Decision 60/2015/QĐ-TTg Art 6 through the close: E1, 1,920,000 earmarked for W2 on
 * 2025-10-20, when September (4,800,000) and October (4,800,000) are unpaid, first pays W2's
 * own September (5,000,000 x 32% = 1,600,000, from the September close's lines) and then
 * W2's October in the group order: BHYT 225,000 (4.5%) and 95,000 of BHTN's 100,000. Without
 * the earmark all of it would go to September: BHYT 675,000, BHTN 300,000, BHXH 945,000. */
static void earmarked_payment_settles_its_worker_first(void **state)
{
    struct fx *f = *state;
    assert_int_equal(close_at(f, 2025, 7, "2025-08-01T08:00:00", NULL), TN_OK);
    assert_int_equal(close_at(f, 2025, 8, "2025-09-01T08:00:00", NULL), TN_OK);
    assert_int_equal(close_at(f, 2025, 9, "2025-10-01T08:00:00", NULL), TN_OK);
    sql(f->s, "INSERT INTO payment (txn_id, version, known_at, batch_id, unit_code, paid_on, "
              "amount, channel, bhxh_code) VALUES ('E1', 1, '2025-10-21T00:00:00', 1, 'A', "
              "'2025-10-20', 1920000, 'transfer', '0000000002')");
    assert_int_equal(close_at(f, 2025, 10, "2025-11-01T08:00:00", NULL), TN_OK);
    char lines[256];
    assert_int_equal(tn__store_test_text(f->s,
                                         "SELECT group_concat(x, ' ') FROM (SELECT target_period "
                                         "|| ':' || grp || ':' || sum(amount) AS x FROM alloc_line "
                                         "WHERE txn_id = 'E1' AND close_id = (SELECT max(id) FROM "
                                         "unit_close WHERE unit_code = 'A' AND period = '2025-10') "
                                         "GROUP BY target_period, grp ORDER BY target_period, grp)",
                                         lines, sizeof lines),
                     TN_OK);
    assert_string_equal(lines, "2025-09:BHTN:100000 2025-09:BHXH:1275000 2025-09:BHYT:225000 "
                               "2025-10:BHTN:95000 2025-10:BHYT:225000");
    struct tn_balance_row r = balance(f, 2025, 10, NULL);
    assert_int_equal(r.paid, 1920000);
    assert_int_equal(r.closing, 4800000 + 4800000 - 1920000);
}

static tn_err keep_lock(void *ctx, const struct tn_crossing_row *r)
{
    struct tn_crossing_row *rows = ctx;
    rows[rows[0].workers++ + 1] = *r; /* rows[0].workers counts the rows after it */
    return TN_OK;
}

static void card_locks_follow_months_owed(void **state)
{
    struct fx *f = *state;
    close_months(f);
    struct tn_crossing_row rows[4];
    /* October: September's 5,120,000 (with its truy thu), wholly unpaid past its deadline
     * (10-31), and 320,000 of August's 5,120,000: 1.06 months owed (0 in September): lock at
     * 1.0, QLT's (1 to under 3). Months owed counts each month by its own unpaid share
     * (docs/ledger.md "Months owed"); dividing by October's raised assessment (4,800,000 /
     * 5,120,000 = 0.9) let the back-dated raise hide the month. */
    memset(rows, 0, sizeof rows);
    assert_int_equal(tn_store_crossings(f->s, NULL, fx_period(2025, 10), NULL, 10, keep_lock, rows),
                     TN_OK);
    assert_int_equal(rows[0].workers, 1);
    assert_string_equal(rows[1].unit_code, "A");
    assert_int_equal(rows[1].up, 1);
    assert_int_equal(rows[1].prev_tenths, 0);
    assert_int_equal(rows[1].months_owed_tenths, 10);
    /* November: August 0.06, September and October wholly unpaid = 2.06 -> 2.0; at a
     * threshold of 2.0 A crosses now (1.0 in October) */
    memset(rows, 0, sizeof rows);
    assert_int_equal(tn_store_crossings(f->s, NULL, fx_period(2025, 11), NULL, 20, keep_lock, rows),
                     TN_OK);
    assert_int_equal(rows[0].workers, 1);
    assert_string_equal(rows[1].unit_code, "A");
    assert_int_equal(rows[1].up, 1);
    assert_int_equal(rows[1].prev_tenths, 10);
    /* the debt is what is past its deadline (docs/ledger.md "Debt"): August's 320,000 of
     * truy thu (due 09-30), September and October 10,240,000, and the interest 51,936 (2,976
     * of October, 48,960 of November); November's 5,120,000 is due on 12-31 */
    assert_int_equal(rows[1].debt, 10611936);
    assert_int_equal(rows[1].months_owed_tenths, 20);
    /* at 1.0 A was locked in October already: no crossing in November */
    memset(rows, 0, sizeof rows);
    assert_int_equal(tn_store_crossings(f->s, NULL, fx_period(2025, 11), NULL, 10, keep_lock, rows),
                     TN_OK);
    assert_int_equal(rows[0].workers, 0);
    /* with a threshold of 2.1 months nothing is locked yet */
    memset(rows, 0, sizeof rows);
    assert_int_equal(tn_store_crossings(f->s, NULL, fx_period(2025, 11), NULL, 21, keep_lock, rows),
                     TN_OK);
    assert_int_equal(rows[0].workers, 0);
    /* December: 20,000,000 paid on the 5th clears everything: unlock */
    sql(f->s, "INSERT INTO payment (txn_id, version, known_at, batch_id, unit_code, paid_on, "
              "amount, channel) VALUES ('P9', 1, '2025-12-06T00:00:00', 9, 'A', '2025-12-05', "
              "20000000, 'transfer')");
    assert_int_equal(close_at(f, 2025, 12, "2026-01-01T08:00:00", NULL), TN_OK);
    memset(rows, 0, sizeof rows);
    assert_int_equal(tn_store_crossings(f->s, NULL, fx_period(2025, 12), NULL, 10, keep_lock, rows),
                     TN_OK);
    assert_int_equal(rows[0].workers, 1);
    assert_int_equal(rows[1].up, 0);
    assert_int_equal(rows[1].months_owed_tenths, 0);
}

static void as_of_arguments_normalize(void **state)
{
    (void)state;
    char out[20];
    assert_int_equal(tn_report_as_of("2025-12-02", out), TN_OK);
    assert_string_equal(out, "2025-12-02T23:59:59"); /* a date means its last second */
    assert_int_equal(tn_report_as_of("2025-12-02T09:30:00", out), TN_OK);
    assert_string_equal(out, "2025-12-02T09:30:00");
    assert_int_equal(tn_report_as_of("2025-02-30", out), TN_ERR_PARSE);
    assert_int_equal(tn_report_as_of("2025-12-02 09:30:00", out), TN_ERR_PARSE);
    assert_int_equal(tn_report_as_of("yesterday", out), TN_ERR_PARSE);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(balances_follow_the_hand_computation),
        T(explain_opens_the_balance_into_its_lines),
        T(close_is_idempotent),
        T(late_payments_keep_the_old_view_as_of),
        T(closes_run_in_order),
        T(reversed_payment_is_not_money),
        T(earmarked_payment_settles_its_worker_first),
        T(card_locks_follow_months_owed),
        cmocka_unit_test(as_of_arguments_normalize),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
