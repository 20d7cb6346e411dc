/*
 * test_worker_debts.c - the split of a unit's principal due over its workers
 * (tn_store_worker_debts, docs/lists.md "Per-worker debt") follows the ledger's one allocation
 * (ledger.c, policy/allocation.csv), in an in-memory store.
 *
 * Unit A (private, region I, monthly): W1 10,000,000 and W2 5,000,000 from 2025-07. The
 * fixture's rates: BHXH 8% + 14% + 3% + 0.5% = 25.5%, BHYT 1.5% + 3% = 4.5%, BHTN 1% + 1% = 2%,
 * 32% in all: W1 BHYT 450,000, BHTN 200,000, BHXH 2,550,000 (3,200,000); W2 225,000, 100,000,
 * 1,275,000 (1,600,000); 4,800,000 a month.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "policy_fixture.h"
#include "store/store_test.h"
#include "thuno/close.h"
#include "thuno/doc_store.h"
#include "thuno/lists.h"

static void sql(struct tn_store *s, const char *q)
{
    if (tn__store_test_exec(s, q) != TN_OK)
        fail_msg("%s: %s", q, tn_store_errmsg(s));
}

static void close_at(struct tn_store *s, const struct tn_policy *pol, int y, int m, const char *now)
{
    char msg[512];
    struct tn_close_stats st;
    tn_err err = tn_close_period(s, pol, fx_period(y, m), now, &st, NULL, NULL, msg, sizeof msg);
    if (err)
        fail_msg("close: %s", msg);
}

struct got {
    char code[2][16];
    tn_money debt[2];
    char periods[2][160];
    int n;
};

static tn_err collect(void *ctx, const struct tn_worker_debt *w)
{
    struct got *g = ctx;
    if (g->n == 2)
        return TN_ERR_STATE;
    snprintf(g->code[g->n], sizeof g->code[g->n], "%s", w->bhxh_code);
    snprintf(g->periods[g->n], sizeof g->periods[g->n], "%s", w->periods);
    g->debt[g->n++] = w->debt;
    return TN_OK;
}

static void open_unit(struct tn_store **s, struct tn_policy *pol)
{
    char msg[256];
    assert_int_equal(tn_store_open(":memory:", 1, s, msg), TN_OK);
    fx_policy(pol);
    sql(*s, "INSERT INTO unit (unit_code, version, known_at, batch_id, tax_code, name, type, "
            "status, province_code, wage_region, payment_cycle, registered_on) VALUES "
            "('A', 1, '2025-07-01T00:00:00', 1, '0100000001', 'Công ty A', 'private', "
            "'active', '79', 1, 1, '2025-01-01')");
    sql(*s, "INSERT INTO declaration (unit_code, bhxh_code, from_period, version, known_at, "
            "batch_id, kind, salary, funds, declared_on) VALUES "
            "('A', '0000000001', '2025-07', 1, '2025-07-01T00:00:00', 1, 'increase', "
            "10000000, 15, '2025-07-01'),"
            "('A', '0000000002', '2025-07', 1, '2025-07-01T00:00:00', 1, 'increase', "
            "5000000, 15, '2025-07-01')");
}

/* A back-dated decrease: July and August are closed, nothing paid; then both workers'
 * decrease from 2025-08, filed 2025-09-10, is recognised in September: assessed 0,
 * adjustment -4,800,000 (August taken back). The adjustment is charged to the month it
 * concerns (docs/ledger.md "Back-dated changes"): July 4,800,000, August 4,800,000 -
 * 4,800,000 = 0, September 0. Left unpaid: July in full, 4,800,000 = the principal due, the
 * month the workers were still there: July's lines W1 3,200,000 and W2 1,600,000. (Charged to
 * September, the negative charge was credit that paid July on 2025-09-01 and named August,
 * a month nobody worked.) */
static void negative_charge_is_credit_to_the_oldest(void **state)
{
    (void)state;
    struct tn_store *s;
    struct tn_policy pol;
    open_unit(&s, &pol);
    close_at(s, &pol, 2025, 7, "2025-08-01T08:00:00");
    close_at(s, &pol, 2025, 8, "2025-09-01T08:00:00");
    sql(s, "INSERT INTO declaration (unit_code, bhxh_code, from_period, version, known_at, "
           "batch_id, kind, salary, funds, declared_on) VALUES "
           "('A', '0000000001', '2025-08', 1, '2025-09-10T00:00:00', 2, 'decrease', NULL, 15, "
           "'2025-09-10'),"
           "('A', '0000000002', '2025-08', 1, '2025-09-10T00:00:00', 2, 'decrease', NULL, 15, "
           "'2025-09-10')");
    close_at(s, &pol, 2025, 9, "2025-10-01T08:00:00");

    struct got g = {0};
    assert_int_equal(tn_store_worker_debts(s, "A", fx_period(2025, 9), NULL, collect, &g), TN_OK);
    assert_int_equal(g.n, 2);
    assert_string_equal(g.code[0], "0000000001");
    assert_int_equal(g.debt[0], 3200000);
    assert_string_equal(g.code[1], "0000000002");
    assert_int_equal(g.debt[1], 1600000);
    /* August owes nothing: July is the month owed, as the ledger says */
    assert_string_equal(g.periods[0], "2025-07");
    assert_string_equal(g.periods[1], "2025-07");
    tn_store_free(s);
    tn_policy_release(&pol);
}

/* The policy's group order inside a period: 1,000,000 paid on 2025-07-20 against July's
 * 4,800,000. The ledger pays July's BHYT 675,000, then BHTN 300,000, then 25,000 of BHXH
 * (policy order BHYT, BHTN, BHXH). Per group the paid part covers the lines in worker order:
 * BHYT and BHTN of both workers are paid; of BHXH, W1's 2,550,000 line takes the 25,000.
 * Unpaid: W1 2,550,000 - 25,000 = 2,525,000, W2 1,275,000; 3,800,000 = the principal due.
 * (Covering whole lines in worker order would say W1 2,200,000, W2 1,600,000.) */
static void groups_in_policy_order(void **state)
{
    (void)state;
    struct tn_store *s;
    struct tn_policy pol;
    open_unit(&s, &pol);
    sql(s, "INSERT INTO payment (txn_id, version, known_at, batch_id, unit_code, paid_on, "
           "amount, channel) VALUES "
           "('P1', 1, '2025-07-21T00:00:00', 1, 'A', '2025-07-20', 1000000, 'transfer')");
    close_at(s, &pol, 2025, 7, "2025-08-01T08:00:00");

    struct got g = {0};
    assert_int_equal(tn_store_worker_debts(s, "A", fx_period(2025, 7), NULL, collect, &g), TN_OK);
    assert_int_equal(g.n, 2);
    assert_string_equal(g.code[0], "0000000001");
    assert_int_equal(g.debt[0], 2525000);
    assert_string_equal(g.code[1], "0000000002");
    assert_int_equal(g.debt[1], 1275000);
    assert_string_equal(g.periods[0], "2025-07");
    assert_string_equal(g.periods[1], "2025-07");

    /* a close recorded before unpaid_line existed cannot be split; closing again records it */
    sql(s, "DELETE FROM unpaid_line");
    struct got none = {0};
    assert_int_equal(tn_store_worker_debts(s, "A", fx_period(2025, 7), NULL, collect, &none),
                     TN_ERR_STATE);
    close_at(s, &pol, 2025, 7, "2025-08-02T08:00:00");
    struct got again = {0};
    assert_int_equal(tn_store_worker_debts(s, "A", fx_period(2025, 7), NULL, collect, &again),
                     TN_OK);
    assert_int_equal(again.debt[0], 2525000);
    assert_int_equal(again.debt[1], 1275000);
    tn_store_free(s);
    tn_policy_release(&pol);
}

/* An opening balance (docs/ledger.md "Opening balances"): May 2025's BHXH 1,000,000 owed at
 * the cut-over 2025-06-30; July closed, nothing paid. The principal due, 1,000,000 + 4,800,000,
 * splits into a first row of no worker for May (the opening balance has no worker's lines)
 * and July's lines: W1 3,200,000, W2 1,600,000. */
static void opening_balance_is_owed_by_no_worker(void **state)
{
    (void)state;
    struct tn_store *s;
    struct tn_policy pol;
    open_unit(&s, &pol);
    sql(s, "INSERT INTO opening_balance (unit_code, period, fund, version, known_at, batch_id, "
           "principal, interest, as_of, source) VALUES ('A', '2025-05', 'BHXH', 1, "
           "'2025-07-01T00:00:00', 1, 1000000, 0, '2025-06-30', 'BB 01')");
    close_at(s, &pol, 2025, 7, "2025-08-01T08:00:00");
    struct got g = {0};
    assert_int_equal(tn_store_worker_debts(s, "A", fx_period(2025, 7), NULL, collect, &g),
                     TN_ERR_STATE); /* three rows: collect keeps two and refuses the third */
    assert_string_equal(g.code[0], "");
    assert_int_equal(g.debt[0], 1000000);
    assert_string_equal(g.periods[0], "2025-05");
    assert_string_equal(g.code[1], "0000000001");
    assert_int_equal(g.debt[1], 3200000);
    assert_string_equal(g.periods[1], "2025-07");
    tn_store_free(s);
    tn_policy_release(&pol);
}

/* The case documents' split per period and fund reads the same unpaid_line (docs/ledger.md
 * step 3). May 2025's BHXH 1,000,000 owed at the cut-over 2025-06-30; July and August closed,
 * nothing paid; W2's raise to 6,000,000 from 2025-07, filed 2025-09-10, is recognised in
 * September: +1,000,000 x 32% = 320,000 for July and for August (BHYT 45,000, BHTN 20,000,
 * BHXH 255,000), charged to them. Nothing paid: principal due 1,000,000 + 3 x 5,120,000 =
 * 16,360,000. Rows (each close's own charge): July 4,800,000, August 4,800,000, September
 * 5,120,000 + 640,000 = 5,760,000; unpaid per charge period: 5,120,000 each (spread by the
 * recording month it was 4,800,000, 4,800,000, 5,760,000 and May's opening was not seen).
 * Per fund: BHYT 3 x 720,000 = 2,160,000; BHTN 3 x 320,000 = 960,000; BHXH 1,000,000 + 3 x
 * 4,080,000 = 13,240,000. */
static void doc_ledger_reads_unpaid_per_charge_period(void **state)
{
    (void)state;
    struct tn_store *s;
    struct tn_policy pol;
    open_unit(&s, &pol);
    sql(s, "INSERT INTO opening_balance (unit_code, period, fund, version, known_at, batch_id, "
           "principal, interest, as_of, source) VALUES ('A', '2025-05', 'BHXH', 1, "
           "'2025-07-01T00:00:00', 1, 1000000, 0, '2025-06-30', 'BB 01')");
    close_at(s, &pol, 2025, 7, "2025-08-01T08:00:00");
    close_at(s, &pol, 2025, 8, "2025-09-01T08:00:00");
    sql(s, "INSERT INTO declaration (unit_code, bhxh_code, from_period, version, known_at, "
           "batch_id, kind, salary, funds, declared_on) VALUES "
           "('A', '0000000002', '2025-07', 2, '2025-09-10T00:00:00', 2, 'adjust', 6000000, 15, "
           "'2025-09-10')");
    close_at(s, &pol, 2025, 9, "2025-10-01T08:00:00");
    static const enum tn_group order[TN_G_COUNT] = {TN_G_BHYT, TN_G_BHTN, TN_G_BHXH};
    struct tn_doc_ledger l;
    struct tn_doc_period *per = NULL;
    struct tn_doc_interest *it = NULL;
    assert_int_equal(tn_store_doc_ledger(s, "A", fx_period(2025, 9), "2025-10-02T00:00:00", order,
                                         &l, &per, &it),
                     TN_OK);
    assert_int_equal(l.principal_due, 16360000);
    assert_int_equal(l.due_bhyt, 2160000);
    assert_int_equal(l.due_bhtn, 960000);
    assert_int_equal(l.due_bhxh, 13240000);
    assert_int_equal(l.nperiods, 3);
    static const tn_money charge[3] = {4800000, 4800000, 5760000};
    for (size_t i = 0; i < 3; i++) {
        assert_int_equal(per[i].charge, charge[i]);
        assert_int_equal(per[i].unpaid, 5120000);
    }
    free(per);
    free(it);
    tn_store_free(s);
    tn_policy_release(&pol);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(negative_charge_is_credit_to_the_oldest),
        cmocka_unit_test(groups_in_policy_order),
        cmocka_unit_test(opening_balance_is_owed_by_no_worker),
        cmocka_unit_test(doc_ledger_reads_unpaid_per_charge_period),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
