/*
 * store_cases_report.c - conformance cases (test_store.c) of the office cut, the reports,
 * the lists and the letters' register: office.h, report.h, lists.h, letters.h.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "store_cases.h"
#include "thuno/mem.h"

#define P tn_test_period
#define D tn_test_day

/* ---- office.h ---- */

static tn_err balance_unit(void *ctx, const struct tn_balance_row *r)
{
    tn_test_put(ctx, "%s", r->unit_code);
    return TN_OK;
}

void op_office_known(void **state)
{
    struct tn_store *s = *state;
    int province = -1;
    assert_int_equal(tn_store_office_known(s, "D01", &province), TN_OK);
    assert_int_equal(province, 0);
    /* nothing is left behind: a call without an office still sees every unit */
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_balances(s, NULL, TN_TEST_P(10), NULL, balance_unit, &o), TN_OK);
    tn_test_check(&o, "A\nA2\nB\nC\n", "office_known D01, then no cut");
    assert_int_equal(tn_store_office_known(s, "79", &province), TN_OK); /* the province */
    assert_int_equal(province, 1);
    assert_int_equal(tn_store_office_known(s, "79000", &province), TN_OK);
    assert_int_equal(province, 1);
    assert_int_equal(tn_store_office_known(s, NULL, &province), TN_OK);
    assert_int_equal(province, 1);
    assert_int_equal(tn_store_office_known(s, "D99", &province), TN_ERR_NOT_FOUND);
    memset(&o, 0, sizeof o); /* the cut is the call's argument */
    assert_int_equal(tn_store_balances(s, "D01", TN_TEST_P(10), NULL, balance_unit, &o), TN_OK);
    tn_test_check(&o, "A\nC\n", "balances D01");
}

void op_unit_office(void **state)
{
    struct tn_store *s = *state;
    char office[TN_OFFICE_BUFSZ];
    assert_int_equal(tn_store_unit_office(s, "B", NULL, office), TN_OK);
    assert_string_equal(office, "D02");
    assert_int_equal(tn_store_unit_office(s, "ZZ", NULL, office), TN_ERR_NOT_FOUND);
}

/* ---- report.h ---- */

tn_err tn_test_balance(void *ctx, const struct tn_balance_row *r)
{
    tn_test_put(
        ctx, "%s %s %lld+%lld+%lld+%lld-%lld=%lld due %lld+%lld past %lld owed %d %s %s %s w%lld",
        r->unit_code, P(r->period), (long long)r->opening, (long long)r->assessed,
        (long long)r->adjustment, (long long)r->interest, (long long)r->paid, (long long)r->closing,
        (long long)r->principal_due, (long long)r->interest_due, (long long)r->principal_overdue,
        r->months_owed_tenths, r->bucket, P(r->oldest_unpaid), r->legal_status, r->workers);
    return TN_OK;
}

void op_balances(void **state)
{
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_balances(*state, NULL, TN_TEST_P(7), NULL, tn_test_balance, &o),
                     TN_OK);
    assert_int_equal(tn_store_balances(*state, NULL, TN_TEST_P(10), NULL, tn_test_balance, &o),
                     TN_OK);
    /* as known before October was closed: no October balances */
    assert_int_equal(
        tn_store_balances(*state, NULL, TN_TEST_P(10), "2025-12-01T03:30:00", tn_test_balance, &o),
        TN_OK);
    tn_test_check(
        &o,
        "A 2025-07 0+4160000+0+0-1000000=3160000 due 3160000+0 past 0 owed 0 0 2025-07 current w2\n"
        "A2 2025-07 0+0+0+0-0=0 due 0+0 past 0 owed 0 0 - current w0\n"
        "B 2025-07 0+1600000+0+0-0=1600000 due 1600000+0 past 0 owed 0 0 2025-07 current w1\n"
        "C 2025-07 0+1920000+0+0-1920000=0 due 0+0 past 0 owed 0 0 - current w1\n"
        "A 2025-10 11508440+4160000+0+68077-0=15736517 due 15640000+96517 past 11480000 owed 27 "
        "1-3 2025-07 evading w2\n"
        "A2 2025-10 0+0+0+0-0=0 due 0+0 past 0 owed 0 0 - current w0\n"
        "B 2025-10 4814400+1600000+0+18240-5000000=1432640 due 1414400+18240 past 0 owed 0 0 "
        "2025-10 current w1\n"
        "C 2025-10 0+1920000+0+0-1920000=0 due 0+0 past 0 owed 0 0 - current w1\n",
        "balances");
}

struct ledger_stop {
    struct tn_test_out *o;
    int left; /* rows before the row that fails */
};

static tn_err ledger_until(void *ctx, const struct tn_balance_row *r)
{
    struct ledger_stop *k = ctx;
    if (k->left-- == 0)
        return TN_ERR_RANGE;
    return tn_test_balance(k->o, r);
}

/* The balances of unit of first..last read one period at a time (op_unit_balance's rows): what
 * tn_store_unit_ledger must give in one query. */
static void ledger_by_period(struct tn_store *s, const char *unit, tn_period first, tn_period last,
                             const char *as_of, struct tn_test_out *o)
{
    for (tn_period p = first; p <= last; p++) {
        struct tn_balance_row r;
        tn_err err = tn_store_unit_balance(s, NULL, unit, p, as_of, &r);
        assert_true(err == TN_OK || err == TN_ERR_NOT_FOUND);
        if (!err)
            tn_test_balance(o, &r);
    }
}

void op_unit_ledger(void **state)
{
    struct tn_store *s = *state;
    static const struct {
        const char *unit, *as_of;
        tn_period first, last;
        int rows;
    } cases[] = {
        {"A", NULL, TN_TEST_P(1), TN_TEST_P(12), 4},                  /* July to October closed */
        {"A", "2025-12-01T03:30:00", TN_TEST_P(1), TN_TEST_P(12), 3}, /* before October's */
        {"A", NULL, TN_TEST_P(9), TN_TEST_P(9), 1},                   /* one month */
        {"B", NULL, TN_TEST_P(8), TN_TEST_P(11), 3},                  /* the range's own */
        {"ZZ", NULL, TN_TEST_P(1), TN_TEST_P(12), 0},                 /* no such unit */
        {"A", NULL, TN_TEST_P(11), TN_TEST_P(12), 0},                 /* nothing closed */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct tn_test_out got = {0}, want = {0};
        assert_int_equal(tn_store_unit_ledger(s, cases[i].unit, cases[i].first, cases[i].last,
                                              cases[i].as_of, tn_test_balance, &got),
                         TN_OK);
        ledger_by_period(s, cases[i].unit, cases[i].first, cases[i].last, cases[i].as_of, &want);
        assert_string_equal(got.text, want.text);
        size_t lines = 0;
        for (const char *c = got.text; *c; c++)
            lines += *c == '\n';
        assert_int_equal(lines, (size_t)cases[i].rows);
    }
    /* row()'s error stops the read and is returned */
    struct tn_test_out o = {0};
    struct ledger_stop k = {&o, 1};
    assert_int_equal(
        tn_store_unit_ledger(s, "A", TN_TEST_P(1), TN_TEST_P(12), NULL, ledger_until, &k),
        TN_ERR_RANGE);
    tn_test_check(&o,
                  "A 2025-07 0+4160000+0+0-1000000=3160000 due 3160000+0 past 0 owed 0 0 2025-07 "
                  "current w2\n",
                  "unit_ledger stops");
}

void op_unit_balance(void **state)
{
    struct tn_store *s = *state;
    struct tn_test_out o = {0};
    struct tn_balance_row r;
    /* each unit alone is its row of tn_store_balances (op_balances) */
    static const char *const units[] = {"A", "A2", "B", "C"};
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        assert_int_equal(tn_store_unit_balance(s, NULL, units[i], TN_TEST_P(10), NULL, &r), TN_OK);
        tn_test_balance(&o, &r);
    }
    /* as known before October was closed: September's is there, October's is not */
    assert_int_equal(tn_store_unit_balance(s, NULL, "A", TN_TEST_P(9), "2025-12-01T03:30:00", &r),
                     TN_OK);
    tn_test_balance(&o, &r);
    memset(&r, 0x5a, sizeof r);
    struct tn_balance_row untouched = r;
    assert_int_equal(tn_store_unit_balance(s, NULL, "A", TN_TEST_P(10), "2025-12-01T03:30:00", &r),
                     TN_ERR_NOT_FOUND);
    assert_int_equal(tn_store_unit_balance(s, NULL, "ZZ", TN_TEST_P(10), NULL, &r),
                     TN_ERR_NOT_FOUND);
    assert_int_equal(tn_store_unit_balance(s, NULL, "A", TN_TEST_P(11), NULL, &r),
                     TN_ERR_NOT_FOUND);
    /* the cut: A is of D01 */
    assert_int_equal(tn_store_unit_balance(s, "D02", "A", TN_TEST_P(10), NULL, &r),
                     TN_ERR_NOT_FOUND);
    assert_memory_equal(&r, &untouched, sizeof r);
    assert_int_equal(tn_store_unit_balance(s, "D01", "A", TN_TEST_P(10), NULL, &r), TN_OK);
    tn_test_balance(&o, &r);
    tn_test_check(&o,
                  "A 2025-10 11508440+4160000+0+68077-0=15736517 due 15640000+96517 past 11480000 "
                  "owed 27 1-3 2025-07 evading w2\n"
                  "A2 2025-10 0+0+0+0-0=0 due 0+0 past 0 owed 0 0 - current w0\n"
                  "B 2025-10 4814400+1600000+0+18240-5000000=1432640 due 1414400+18240 past 0 owed "
                  "0 0 2025-10 current w1\n"
                  "C 2025-10 0+1920000+0+0-1920000=0 due 0+0 past 0 owed 0 0 - current w1\n"
                  "A 2025-09 7320000+4160000+0+28440-0=11508440 due 11480000+28440 past 7320000 "
                  "owed 17 1-3 2025-07 late w2\n"
                  "A 2025-10 11508440+4160000+0+68077-0=15736517 due 15640000+96517 past 11480000 "
                  "owed 27 1-3 2025-07 evading w2\n",
                  "unit_balance");
}

static tn_err finding_line(void *ctx, const struct tn_finding_row *r)
{
    tn_test_put(ctx, "%s %s %s %lld<%lld", r->unit_code, r->bhxh_code, P(r->for_period),
                (long long)r->base, (long long)r->floor);
    return TN_OK;
}

void op_findings(void **state)
{
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_findings(*state, NULL, TN_TEST_P(10), NULL, finding_line, &o), TN_OK);
    tn_test_check(&o, "A 0000000002 2025-10 3000000<4960000\n", "findings");
}

static tn_err suspense_line(void *ctx, const struct tn_suspense_row *r)
{
    tn_test_put(ctx, "%s [%s] %s %lld %s %s", r->txn_id, r->unit_code, r->paid_on,
                (long long)r->amount, r->channel, r->reason);
    return TN_OK;
}

void op_suspense(void **state)
{
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_suspense(*state, NULL, TN_TEST_P(10), NULL, suspense_line, &o),
                     TN_OK);
    assert_int_equal(tn_store_suspense(*state, NULL, TN_TEST_P(9), NULL, suspense_line, &o), TN_OK);
    tn_test_check(&o,
                  "S1 [] 2025-10-21 700000 cash no_payer\n"
                  "S2 [ZZ] 2025-10-22 800000 transfer unknown_unit\n",
                  "suspense");
}

static tn_err crossing_line(void *ctx, const struct tn_crossing_row *r)
{
    tn_test_put(ctx, "%s up%d %d->%d w%lld %lld %s", r->unit_code, r->up, r->prev_tenths,
                r->months_owed_tenths, r->workers, (long long)r->debt, r->officer_code);
    return TN_OK;
}

void op_crossings(void **state)
{
    struct tn_test_out o = {0};
    for (int m = 8; m <= 10; m++)
        assert_int_equal(
            tn_store_crossings(*state, NULL, TN_TEST_P(m), NULL, 10, crossing_line, &o), TN_OK);
    tn_test_check(&o,
                  "B up1 0->10 w1 1600000 O2\n"
                  "A up1 7->17 w2 7348440 O1\n"
                  "B up0 20->0 w1 18240 O2\n",
                  "crossings");
}

static tn_err kpi_line(void *ctx, const struct tn_kpi_row *r)
{
    tn_test_put(ctx,
                "[%s] [%s] u%lld w%lld %lld %lld debt %lld prev %lld ratio %d plan %lld "
                "owing %lld/%lld/%lld/%lld/%lld",
                r->key, r->office_code, r->units, r->workers, (long long)r->assessed,
                (long long)r->collected, (long long)r->debt, (long long)r->debt_prev,
                r->debt_ratio_tenths, (long long)r->plan, r->units_by_bucket[0],
                r->units_by_bucket[1], r->units_by_bucket[2], r->units_by_bucket[3],
                r->units_by_bucket[4]);
    return TN_OK;
}

void op_kpi(void **state)
{
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_kpi(*state, NULL, TN_TEST_P(10), NULL, TN_KPI_OFFICER, kpi_line, &o),
                     TN_OK);
    assert_int_equal(tn_store_kpi(*state, NULL, TN_TEST_P(10), NULL, TN_KPI_OFFICE, kpi_line, &o),
                     TN_OK);
    /* owing: units owing by bucket (op_balances): A in 1-3; B owes 18,240 of interest at 0.0
     * months, in 0; A2 and C owe nothing and are in no bucket */
    tn_test_check(&o,
                  "[O1] [D01] u1 w2 4160000 0 debt 11576517 prev 7348440 ratio 2783 plan -1 "
                  "owing 0/1/0/0/0\n"
                  "[O2] [D02] u3 w2 3520000 6920000 debt 18240 prev 3214400 ratio 5 plan -1 "
                  "owing 1/0/0/0/0\n"
                  "[D01] [] u2 w3 6080000 1920000 debt 11576517 prev 7348440 ratio 1904 plan "
                  "30000000 owing 0/1/0/0/0\n"
                  "[D02] [] u2 w1 1600000 5000000 debt 18240 prev 3214400 ratio 11 plan -1 "
                  "owing 1/0/0/0/0\n",
                  "kpi");
}

static tn_err debtor_line(void *ctx, const struct tn_debtor_row *r)
{
    tn_test_put(ctx, "%s %s %s %s %s owed %d debt %lld since %s %s w%lld", r->unit_code, r->type,
                r->status, r->status_since, r->officer_code, r->months_owed_tenths,
                (long long)r->debt, P(r->oldest_unpaid), r->legal_status, r->workers);
    return TN_OK;
}

void op_debtors(void **state)
{
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_debtors(*state, NULL, TN_TEST_P(10), NULL, debtor_line, &o), TN_OK);
    tn_test_check(&o, "A private active  O1 owed 27 debt 11576517 since 2025-07 evading w2\n",
                  "debtors");
}

void op_award_eligible(void **state)
{
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_award_eligible(*state, NULL, TN_TEST_P(10), NULL, debtor_line, &o),
                     TN_OK);
    tn_test_check(&o,
                  "A2 private active  O2 owed 0 debt 0 since - current w0\n"
                  "C state active  O1 owed 0 debt 0 since - current w1\n",
                  "award_eligible");
}

static tn_err non_participant_line(void *ctx, const struct tn_non_participant_row *r)
{
    tn_test_put(ctx, "%s %s reported %lld [%s] declared %lld", r->tax_code, r->finding, r->reported,
                r->unit_code, r->declared);
    return TN_OK;
}

void op_non_participants(void **state)
{
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_non_participants(*state, NULL, TN_TEST_P(10), NULL, 10, 150,
                                               non_participant_line, &o),
                     TN_OK);
    tn_test_check(&o,
                  "0300000009 not_registered reported 50 [] declared 0\n"
                  "0100000001 under_declared reported 30 [A] declared 2\n",
                  "non_participants");
}

static tn_err opening_line(void *ctx, const struct tn_opening_row *r)
{
    tn_test_put(ctx, "%s %s %s %lld+%lld as of %s [%s]", r->unit_code, P(r->period), r->fund,
                (long long)r->principal, (long long)r->interest, r->as_of, r->source);
    return TN_OK;
}

/* Opening balances (docs/ledger.md "Opening balances"): imported, read back by period and
 * fund, and not known before their import. */
void op_opening_balances(void **state)
{
    assert_int_equal(tn_test_import(*state, TN_IMPORT_OPENING_BALANCES,
                                    "unit_code,period,fund,principal,interest,as_of,source\n"
                                    "A,2025-03,BHXH,2000000,50000,2025-06-30,BB 01/2025\n"
                                    "A,2025-03,BHYT,300000,0,2025-06-30,BB 01/2025\n"
                                    "B,2025-05,BHTN,100000,700,2025-06-30,BB 02/2025\n",
                                    "2025-11-05T09:00:00", 0),
                     TN_OK);
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_opening_balances(*state, "A", NULL, opening_line, &o), TN_OK);
    tn_test_check(&o,
                  "A 2025-03 BHYT 300000+0 as of 2025-06-30 [BB 01/2025]\n"
                  "A 2025-03 BHXH 2000000+50000 as of 2025-06-30 [BB 01/2025]\n",
                  "opening_balances");
    struct tn_test_out before = {0};
    assert_int_equal(
        tn_store_opening_balances(*state, "A", "2025-11-05T08:59:59", opening_line, &before),
        TN_OK);
    tn_test_check(&before, "", "opening_balances before the import");
}

void op_explain(void **state)
{
    struct tn_explain e;
    tn_explain_init(&e);
    assert_int_equal(tn_store_explain(*state, NULL, "A", TN_TEST_P(8), NULL, &e), TN_OK);
    struct tn_test_out o = {0};
    tn_test_balance(&o, &e.balance);
    tn_test_put(&o, "%s", e.unit_name);
    for (size_t i = 0; i < e.nlines; i++) {
        tn_money sum = 0;
        for (int c = 0; c < TN_C_COUNT; c++)
            sum += e.lines[i].amount[c];
        tn_test_put(&o, "line %s %s adj%d %lld: %lld", e.lines[i].bhxh_code,
                    P(e.lines[i].for_period), e.lines[i].adjustment, (long long)e.lines[i].salary,
                    (long long)sum);
    }
    for (size_t i = 0; i < e.ninterest; i++)
        tn_test_put(&o, "interest %s %s %s %s..%s %dd %lld x %d = %lld", e.interest[i].group,
                    e.interest[i].rule, e.interest[i].status, e.interest[i].from, e.interest[i].to,
                    e.interest[i].days, (long long)e.interest[i].principal, e.interest[i].rate,
                    (long long)e.interest[i].amount);
    for (size_t i = 0; i < e.nalloc; i++)
        tn_test_put(&o, "alloc %s %s %s %s %s %lld", e.alloc[i].txn_id, e.alloc[i].paid_on,
                    P(e.alloc[i].target), e.alloc[i].group, e.alloc[i].part,
                    (long long)e.alloc[i].amount);
    for (size_t i = 0; i < e.nfindings; i++)
        tn_test_put(&o, "finding %s %lld<%lld", e.findings[i].bhxh_code,
                    (long long)e.findings[i].base, (long long)e.findings[i].floor);
    tn_explain_release(&e);
    tn_test_check(&o,
                  "A 2025-08 3160000+4160000+0+0-0=7320000 due 7320000+0 past 3160000 owed 7 0 "
                  "2025-07 late w2\n"
                  "Công ty TNHH An Phát\n"
                  "line 0000000001 2025-08 adj0 10000000: 3200000\n"
                  "line 0000000002 2025-08 adj0 3000000: 960000\n"
                  "finding 0000000002 3000000<4960000\n",
                  "explain");
    tn_explain_init(&e);
    assert_int_equal(tn_store_explain(*state, NULL, "A", TN_TEST_P(11), NULL, &e),
                     TN_ERR_NOT_FOUND);
    tn_explain_release(&e);
}

/* ---- lists.h ---- */

static tn_err list_unit_line(void *ctx, const struct tn_list_unit *u)
{
    tn_test_put(ctx, "%s %s %s %s [%s] %s %s %s bal%d owed %d %lld+%lld past %lld %s %s w%lld",
                u->unit_code, u->name, u->type, u->status, u->parent_code, u->province_code,
                u->office_code, u->officer_code, u->has_balance, u->months_owed_tenths,
                (long long)u->principal_due, (long long)u->interest_due,
                (long long)u->principal_overdue, P(u->oldest_unpaid), u->legal_status, u->workers);
    return TN_OK;
}

void op_list_units(void **state)
{
    struct tn_test_out o = {0};
    struct tn_list_filter all = {0}, coop = {.type = "cooperative"};
    struct tn_list_filter owing = {.owing_only = 1}, inactive = {.inactive_only = 1};
    const struct tn_list_filter *f[] = {&all, &coop, &owing, &inactive};
    for (size_t i = 0; i < 4; i++) {
        tn_test_put(&o, "filter %zu", i);
        assert_int_equal(
            tn_store_list_units(*state, NULL, TN_TEST_P(10), NULL, f[i], list_unit_line, &o),
            TN_OK);
    }
    tn_test_check(
        &o,
        "filter 0\n"
        "B Hợp tác xã Bình Minh cooperative suspended [] 79 D02 O2 bal1 owed 0 1414400+18240 past "
        "0 "
        "2025-10 current w1\n"
        "A Công ty TNHH An Phát private active [] 79 D01 O1 bal1 owed 27 15640000+96517 past "
        "11480000 2025-07 evading w2\n"
        "A2 Chi nhánh An Phát Thủ Đức private active [A] 79 D02 O2 bal1 owed 0 0+0 past 0 - "
        "current "
        "w0\n"
        "C Trường Tiểu học Kim Đồng state active [] 79 D01 O1 bal1 owed 0 0+0 past 0 - current w1\n"
        "filter 1\n"
        "B Hợp tác xã Bình Minh cooperative suspended [] 79 D02 O2 bal1 owed 0 1414400+18240 past "
        "0 "
        "2025-10 current w1\n"
        "filter 2\n"
        "A Công ty TNHH An Phát private active [] 79 D01 O1 bal1 owed 27 15640000+96517 past "
        "11480000 2025-07 evading w2\n"
        "filter 3\n"
        "B Hợp tác xã Bình Minh cooperative suspended [] 79 D02 O2 bal1 owed 0 1414400+18240 past "
        "0 "
        "2025-10 current w1\n",
        "list_units");
}

static tn_err worker_debt_line(void *ctx, const struct tn_worker_debt *w)
{
    tn_test_put(ctx, "%s %s %lld %s (%d)", w->bhxh_code, w->full_name, (long long)w->debt,
                w->periods, w->nperiods);
    return TN_OK;
}

void op_worker_debts(void **state)
{
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_worker_debts(*state, "A", TN_TEST_P(10), NULL, worker_debt_line, &o),
                     TN_OK);
    assert_int_equal(tn_store_worker_debts(*state, "C", TN_TEST_P(10), NULL, worker_debt_line, &o),
                     TN_OK);
    /* A: W1 10,000,000 and W2 3,000,000 from 2025-07, 32% a month (W1 3,200,000, W2 960,000);
     * A07 pays 1,000,000 on 2025-07-25. The ledger's allocation (policy order BHYT, BHTN,
     * BHXH) pays July's BHYT 585,000 and BHTN 260,000, then 155,000 of BHXH; inside each
     * group the lines in worker order: W1's BHXH 2,550,000 takes the 155,000. Unpaid: W1
     * 2,395,000 + 3 x 3,200,000 = 11,995,000; W2 765,000 + 3 x 960,000 = 3,645,000 (sum
     * 15,640,000, the principal due). C has paid every month. */
    tn_test_check(&o,
                  "0000000001 Nguyễn Văn Một 11995000 2025-07;2025-08;2025-09;2025-10 (4)\n"
                  "0000000002 Trần Thị Hai 3645000 2025-07;2025-08;2025-09;2025-10 (4)\n",
                  "worker_debts");
}

static tn_err branch_line(void *ctx, const struct tn_branch_row *r)
{
    tn_test_put(ctx, "%s of %s %s %s %s %s", r->u.unit_code, r->u.parent_code, r->parent_name,
                r->parent_province, r->parent_office, r->reason);
    return TN_OK;
}

void op_branches(void **state)
{
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_branches(*state, NULL, TN_TEST_P(10), NULL, branch_line, &o), TN_OK);
    tn_test_check(&o, "A2 of A Công ty TNHH An Phát 79 D01 other_office\n", "branches");
}

void op_last_closed(void **state)
{
    tn_period p = -1;
    assert_int_equal(tn_store_last_closed(*state, 2025, NULL, &p), TN_OK);
    assert_int_equal(p, TN_TEST_P(10));
    assert_int_equal(tn_store_last_closed(*state, 2025, "2025-12-01T02:30:00", &p), TN_OK);
    assert_int_equal(p, TN_TEST_P(8)); /* September was closed at 03:00 */
    assert_int_equal(tn_store_last_closed(*state, 2024, NULL, &p), TN_ERR_NOT_FOUND);
}

static tn_err coop_line(void *ctx, const struct tn_coop_row *r)
{
    tn_test_put(ctx, "%s active %lld owing1 %lld/%lld owing3 %lld/%lld susp %lld/%lld ended %lld",
                r->office_code, r->active, r->owing1_units, (long long)r->owing1_debt,
                r->owing3_units, (long long)r->owing3_debt, r->suspended_units,
                (long long)r->suspended_debt, r->ended_units);
    return TN_OK;
}

void op_cooperatives(void **state)
{
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_cooperatives(*state, NULL, TN_TEST_P(9), NULL, coop_line, &o), TN_OK);
    assert_int_equal(tn_store_cooperatives(*state, NULL, TN_TEST_P(10), NULL, coop_line, &o),
                     TN_OK);
    tn_test_check(&o,
                  "D02 active 0 owing1 0/0 owing3 0/0 susp 1/3214400 ended 0\n"
                  "D02 active 0 owing1 0/0 owing3 0/0 susp 0/0 ended 0\n",
                  "cooperatives");
}

static tn_err praise_line(void *ctx, const struct tn_praise_row *r)
{
    tn_test_put(ctx, "%s %s..%s %d months %lld paid %lld", r->u.unit_code, P(r->from), P(r->to),
                r->months, (long long)r->assessed, (long long)r->paid);
    return TN_OK;
}

void op_praise(void **state)
{
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_praise(*state, NULL, TN_TEST_P(10), NULL, praise_line, &o), TN_OK);
    tn_test_check(&o, "C 2025-07..2025-10 4 months 7680000 paid 7680000\n", "praise");
}

static tn_err public_line(void *ctx, const struct tn_list_unit *u, const char *reason)
{
    tn_test_put(ctx, "%s %s owed %d %lld", u->unit_code, reason, u->months_owed_tenths,
                (long long)u->principal_due);
    return TN_OK;
}

void op_public_name(void **state)
{
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_public_name(*state, NULL, TN_TEST_P(10), NULL, 10, public_line, &o),
                     TN_OK);
    tn_test_check(&o, "A evading owed 27 15640000\n", "public_name");
}

static void sign(struct tn_store *s, const char *dept, tn_money debt)
{
    struct tn_handover_signoff h;
    tn_handover_signoff_init(&h);
    snprintf(h.department, sizeof h.department, "%s", dept);
    snprintf(h.actor, sizeof h.actor, "Trưởng phòng %s", dept);
    snprintf(h.signed_on, sizeof h.signed_on, "2025-11-03");
    snprintf(h.known_at, sizeof h.known_at, "2025-12-02T0%d:00:00", debt > 16000000 ? 9 : 8);
    h.items = tn_xcalloc(1, sizeof *h.items);
    h.n = 1;
    snprintf(h.items[0].unit_code, sizeof h.items[0].unit_code, "A");
    h.items[0] = (struct tn_handover_item){"A", 1, 27, 31, debt};
    assert_int_equal(tn_store_handover_sign(s, TN_TEST_P(10), &h), TN_OK);
    tn_handover_signoff_release(&h);
}

static void signed_line(struct tn_test_out *o, const struct tn_handover_signoff *h)
{
    tn_test_put(o, "%s %s %s %s prior [%.8s] %.8s", h->department, h->actor, h->signed_on,
                h->known_at, h->prior_digest, h->digest);
    for (size_t i = 0; i < h->n; i++)
        tn_test_put(o, "  %s up%d %d->%d %lld", h->items[i].unit_code, h->items[i].up,
                    h->items[i].prev_tenths, h->items[i].months_owed_tenths,
                    (long long)h->items[i].debt);
}

void op_handover_sign(void **state)
{
    struct tn_store *s = *state;
    sign(s, "QLT", 15736517);
    sign(s, "QLT", 16000001); /* a later, different list: it names the first one's digest */
    struct tn_handover_signoff h;
    tn_handover_signoff_init(&h);
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_handover_signed(s, TN_TEST_P(10), "QLT", NULL, &h), TN_OK);
    signed_line(&o, &h);
    char digest[65];
    struct tn_handover_item first = {"A", 1, 27, 31, 15736517};
    tn_handover_digest(&first, 1, digest);
    assert_string_equal(h.prior_digest, digest);
    tn_handover_signoff_release(&h);
    tn_test_check(&o,
                  "QLT Trưởng phòng QLT 2025-11-03 2025-12-02T09:00:00 prior [0a628e37] b439d3e7\n"
                  "  A up1 27->31 16000001\n",
                  "handover_sign");
}

void op_handover_signed(void **state)
{
    struct tn_store *s = *state;
    struct tn_handover_signoff h;
    tn_handover_signoff_init(&h);
    assert_int_equal(tn_store_handover_signed(s, TN_TEST_P(10), "KTTN", NULL, &h),
                     TN_ERR_NOT_FOUND);
    sign(s, "KTTN", 15736517);
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_handover_signed(s, TN_TEST_P(10), "KTTN", NULL, &h), TN_OK);
    signed_line(&o, &h);
    tn_handover_signoff_release(&h);
    /* known only from 2025-12-02T08:00:00 */
    assert_int_equal(tn_store_handover_signed(s, TN_TEST_P(10), "KTTN", "2025-12-02T23:59:59", &h),
                     TN_OK);
    tn_handover_signoff_release(&h);
    assert_int_equal(tn_store_handover_signed(s, TN_TEST_P(10), "KTTN", "2025-12-02T07:00:00", &h),
                     TN_ERR_NOT_FOUND);
    tn_test_check(&o,
                  "KTTN Trưởng phòng KTTN 2025-11-03 2025-12-02T08:00:00 prior [] 0a628e37\n"
                  "  A up1 27->31 15736517\n",
                  "handover_signed");
}

/* ---- letters.h ---- */

static tn_err letter_unit_line(void *ctx, const struct tn_letter_unit *u)
{
    tn_test_put(ctx, "%s %s %s officer %s (%s) cycle %d split%d", u->unit_code, u->tax_code,
                u->office_code, u->officer_code, u->officer_name, u->payment_cycle, u->split_ok);
    for (int g = 0; g < TN_G_COUNT; g++)
        tn_test_put(ctx, "  g%d %lld+%lld+%lld-%lld=%lld", g, (long long)u->opening[g],
                    (long long)u->charge[g], (long long)u->interest[g], (long long)u->paid[g],
                    (long long)u->closing[g]);
    for (size_t i = 0; i < u->nowed; i++)
        tn_test_put(ctx, "  owed %s %lld %lld %lld", P(u->owed[i].period),
                    (long long)u->owed[i].principal[0], (long long)u->owed[i].principal[1],
                    (long long)u->owed[i].principal[2]);
    return TN_OK;
}

void op_letter_units(void **state)
{
    struct tn_test_out o = {0};
    struct tn_letter_filter f = {.unit = "A"};
    assert_int_equal(
        tn_store_letter_units(*state, NULL, TN_TEST_P(9), NULL, &f, letter_unit_line, &o), TN_OK);
    tn_test_check(&o,
                  "A 0100000001 D01 officer O1 (Nguyễn Văn Cán) cycle 1 split1\n"
                  "  g0 585000+585000+0-0=1170000\n"
                  "  g1 260000+260000+0-0=520000\n"
                  "  g2 6475000+3315000+28440-0=9818440\n"
                  "  owed 2025-07 0 0 3160000\n"
                  "  owed 2025-08 585000 260000 3315000\n"
                  "  owed 2025-09 585000 260000 3315000\n",
                  "letter_units");
}

static struct tn_reminder_row reminder(int seq, const char *unit)
{
    struct tn_reminder_row r;
    memset(&r, 0, sizeof r);
    r.year = 2025;
    r.seq = seq;
    snprintf(r.letter_no, sizeof r.letter_no, "%d/TB-BHXH", seq);
    snprintf(r.unit_code, sizeof r.unit_code, "%s", unit);
    r.period = TN_TEST_P(10);
    tn_day_make(2025, 11, 5, &r.sent_on);
    r.overdue = 11508440;
    r.interest_due = 96517;
    r.debt = 15736517;
    r.overdue_through = TN_TEST_P(9);
    tn_day_make(2025, 7, 31, &r.oldest_deadline);
    snprintf(r.actor, sizeof r.actor, "O1");
    return r;
}

void op_reminder_next_seq(void **state)
{
    int seq = 0;
    assert_int_equal(tn_store_reminder_next_seq(*state, 2025, &seq), TN_OK);
    assert_int_equal(seq, 1);
    struct tn_reminder_row r = reminder(7, "A");
    assert_int_equal(tn_store_reminder_add(*state, &r, TN_TEST_NOW), TN_OK);
    assert_int_equal(tn_store_reminder_next_seq(*state, 2025, &seq), TN_OK);
    assert_int_equal(seq, 8);
    assert_int_equal(tn_store_reminder_next_seq(*state, 2026, &seq), TN_OK);
    assert_int_equal(seq, 1);
}

void op_reminder_count(void **state)
{
    long n = -1;
    assert_int_equal(tn_store_reminder_count(*state, "A", TN_TEST_P(10), &n), TN_OK);
    assert_int_equal(n, 0);
    struct tn_reminder_row r1 = reminder(1, "A"), r2 = reminder(2, "A"), r3 = reminder(3, "B");
    assert_int_equal(tn_store_reminder_add(*state, &r1, TN_TEST_NOW), TN_OK);
    assert_int_equal(tn_store_reminder_add(*state, &r2, TN_TEST_NOW), TN_OK);
    assert_int_equal(tn_store_reminder_add(*state, &r3, TN_TEST_NOW), TN_OK);
    assert_int_equal(tn_store_reminder_count(*state, "A", TN_TEST_P(10), &n), TN_OK);
    assert_int_equal(n, 2);
    assert_int_equal(tn_store_reminder_count(*state, "A", TN_TEST_P(9), &n), TN_OK);
    assert_int_equal(n, 0);
}

static tn_err reminder_line(void *ctx, const struct tn_reminder_row *r,
                            const struct tn_balance_row *latest)
{
    tn_test_put(ctx,
                "%d/%d %s %s %s sent %s overdue %lld int %lld debt %lld through %s "
                "oldest %s %s; latest %s %s %lld",
                r->seq, r->year, r->letter_no, r->unit_code, P(r->period), D(r->sent_on),
                (long long)r->overdue, (long long)r->interest_due, (long long)r->debt,
                P(r->overdue_through), D(r->oldest_deadline), r->actor,
                latest ? latest->unit_code : "-", latest ? P(latest->period) : "-",
                latest ? (long long)latest->closing : -1);
    return TN_OK;
}

void op_reminder_add(void **state)
{
    struct tn_reminder_row r = reminder(1, "A");
    assert_int_equal(tn_store_reminder_add(*state, &r, TN_TEST_NOW), TN_OK);
    assert_int_equal(tn_store_reminder_add(*state, &r, TN_TEST_NOW), TN_ERR_CONFLICT);
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_reminders(*state, NULL, NULL, NULL, reminder_line, &o), TN_OK);
    tn_test_check(&o,
                  "1/2025 1/TB-BHXH A 2025-10 sent 2025-11-05 overdue 11508440 int 96517 debt "
                  "15736517 through 2025-09 oldest 2025-07-31 O1; latest A 2025-10 15736517\n",
                  "reminder_add");
}

void op_reminders(void **state)
{
    struct tn_reminder_row r1 = reminder(1, "A"), r2 = reminder(2, "B");
    tn_day_make(2025, 11, 4, &r2.sent_on);
    assert_int_equal(tn_store_reminder_add(*state, &r1, TN_TEST_NOW), TN_OK);
    assert_int_equal(tn_store_reminder_add(*state, &r2, TN_TEST_NOW), TN_OK);
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_reminders(*state, NULL, NULL, NULL, reminder_line, &o), TN_OK);
    struct tn_letter_filter f = {.unit = "A"};
    assert_int_equal(tn_store_reminders(*state, NULL, NULL, &f, reminder_line, &o), TN_OK);
    /* before they were recorded */
    assert_int_equal(
        tn_store_reminders(*state, NULL, "2025-11-30T23:59:59", NULL, reminder_line, &o), TN_OK);
    tn_test_check(&o,
                  "2/2025 2/TB-BHXH B 2025-10 sent 2025-11-04 overdue 11508440 int 96517 debt "
                  "15736517 through 2025-09 oldest 2025-07-31 O1; latest B 2025-10 1432640\n"
                  "1/2025 1/TB-BHXH A 2025-10 sent 2025-11-05 overdue 11508440 int 96517 debt "
                  "15736517 through 2025-09 oldest 2025-07-31 O1; latest A 2025-10 15736517\n"
                  "1/2025 1/TB-BHXH A 2025-10 sent 2025-11-05 overdue 11508440 int 96517 debt "
                  "15736517 through 2025-09 oldest 2025-07-31 O1; latest A 2025-10 15736517\n",
                  "reminders");
}
