/*
 * store_cases_ops.c - conformance cases (test_store.c) of inspections, the office's
 * operations, payments operations, the close and the imports' payment lookup:
 * inspection_store.h, operations_store.h, payops.h, close.h, store_import.h.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_cases.h"
#include "thuno/inspection.h"
#include "thuno/operations.h"

#define P tn_test_period
#define D tn_test_day

static tn_day day(int y, int m, int d)
{
    tn_day out = -1;
    tn_day_make(y, m, d, &out);
    return out;
}

/* ---- inspection_store.h ---- */

static tn_err inspection_line(void *ctx, const struct tn_inspection_row *r)
{
    tn_test_put(ctx,
                "%s %s %s %s by %s %s %s %s found %lld fine %lld recovered %lld left %lld "
                "w%ld past %ld %s",
                r->inspection_id, r->unit_code, r->office_code, r->concluded_on, r->remedy_by,
                r->decision_no, r->body, r->inspector, (long long)r->found, (long long)r->fine,
                (long long)r->recovered, (long long)r->remaining, r->workers_unregistered,
                r->days_past, tn_inspection_status_name(r->status));
    return TN_OK;
}

void op_inspections(void **state)
{
    struct tn_test_out o = {0};
    assert_int_equal(
        tn_store_inspections(*state, NULL, day(2025, 11, 30), NULL, inspection_line, &o), TN_OK);
    assert_int_equal(
        tn_store_inspections(*state, NULL, day(2025, 8, 14), NULL, inspection_line, &o), TN_OK);
    tn_test_check(&o,
                  "TT-1 A D01 2025-08-15 by 2025-09-15 12/KL-BHXH TTKT Đoàn kiểm tra số 3 found "
                  "6000000 fine 0 recovered 0 left 6000000 w0 past 76 overdue\n",
                  "inspections");
}

static tn_err facts_line(void *ctx, const struct tn_inspection_facts *f)
{
    tn_test_put(ctx,
                "%s %s %s %s %s %s officer %s chair [%s] owed %d due %lld debt %lld %s "
                "oldest %s w%ld assessed %lld collected %lld reported %ld findings %ld "
                "reminders %ld %s events %ld %s %s",
                f->unit_code, f->tax_code, f->office_code, f->type, f->status, f->status_since,
                f->officer_code, f->union_chair, f->months_owed_tenths,
                (long long)f->principal_overdue, (long long)f->debt, f->legal_status,
                P(f->oldest_unpaid), f->workers, (long long)f->assessed, (long long)f->collected,
                f->reported, f->findings, f->reminders, f->last_reminder, f->case_events,
                f->last_event, f->last_event_date);
    return TN_OK;
}

void op_unit_facts(void **state)
{
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_unit_facts(*state, NULL, TN_TEST_P(10), NULL, facts_line, &o), TN_OK);
    tn_test_check(
        &o,
        "A 0100000001 D01 private active  officer O1 chair [Lê Văn Cường] owed 27 due 11480000 "
        "debt 11576517 evading oldest 2025-07 w2 assessed 4160000 collected 0 reported 30 findings "
        "1 reminders 0  events 0  \n"
        "B 0100000002 D02 cooperative suspended 2025-09-01 officer O2 chair [] owed 0 due 0 debt "
        "18240 current oldest 2025-10 w1 assessed 1600000 collected 5000000 reported -1 findings 0 "
        "reminders 1 2025-08-05 events 3 mediation_settled 2025-10-01\n"
        "A2 0100000001-002 D02 private active  officer O2 chair [] owed 0 due 0 debt 0 current "
        "oldest - w0 assessed 0 collected 0 reported -1 findings 0 reminders 0  events 0  \n"
        "C 0100000003 D01 state active  officer O1 chair [] owed 0 due 0 debt 0 current oldest - "
        "w1 assessed 1920000 collected 1920000 reported -1 findings 0 reminders 0  events 0  \n",
        "unit_facts");
}

static tn_err labour_line(void *ctx, const struct tn_labour_row *r)
{
    tn_test_put(ctx,
                "%s %s units %ld workers %ld in debt %ld assessed %lld collected %lld "
                "debt %lld",
                r->office_code, r->type, r->units, r->workers, r->units_in_debt,
                (long long)r->assessed, (long long)r->collected, (long long)r->debt);
    return TN_OK;
}

void op_labour(void **state)
{
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_labour(*state, NULL, TN_TEST_P(10), NULL, labour_line, &o), TN_OK);
    tn_test_check(
        &o,
        "D01 private units 1 workers 2 in debt 1 assessed 4160000 collected 0 debt 11576517\n"
        "D01 state units 1 workers 1 in debt 0 assessed 1920000 collected 1920000 debt 0\n"
        "D02 cooperative units 1 workers 1 in debt 0 assessed 1600000 collected 5000000 debt "
        "18240\n"
        "D02 private units 1 workers 0 in debt 0 assessed 0 collected 0 debt 0\n",
        "labour");
}

/* ---- operations_store.h ---- */

void op_assign_facts(void **state)
{
    struct tn_assign_facts f;
    char latest[32];
    memset(&f, 0, sizeof f);
    assert_int_equal(tn_store_assign_facts(*state, "C", "O3", day(2025, 11, 1), &f, latest), TN_OK);
    assert_int_equal(f.unit_found, 1);
    assert_int_equal(f.registered_on, day(2025, 1, 1));
    assert_int_equal(f.officer_found, 1);
    assert_int_equal(f.officer_active, 0); /* O3 is inactive */
    assert_int_equal(f.has_latest, 1);
    assert_int_equal(f.latest_from, day(2025, 10, 1)); /* assignments.csv */
    assert_string_equal(f.latest_officer, "O2");
    assert_string_equal(f.officer, "O3");
    assert_int_equal(tn_store_assign_facts(*state, "ZZ", "O9", day(2025, 11, 1), &f, latest),
                     TN_OK);
    assert_int_equal(f.unit_found, 0);
    assert_int_equal(f.officer_found, 0);
}

void op_officer_status(void **state)
{
    int found = -1, active = -1;
    assert_int_equal(tn_store_officer_status(*state, "O1", &found, &active), TN_OK);
    assert_int_equal(found, 1);
    assert_int_equal(active, 1);
    assert_int_equal(tn_store_officer_status(*state, "O3", &found, &active), TN_OK);
    assert_int_equal(found, 1);
    assert_int_equal(active, 0);
    assert_int_equal(tn_store_officer_status(*state, "O9", &found, &active), TN_OK);
    assert_int_equal(found, 0);
}

static tn_err assignment_line(void *ctx, const struct tn_assignment_row *r)
{
    tn_test_put(ctx, "%s %s %s..%s [%s] [%s] %s", r->unit_code, r->officer_code, r->from_date,
                r->to_date, r->actor, r->reason, r->known_at);
    return TN_OK;
}

/* assigns A to O2 from 2025-11-15 in batch *batch */
static void assign_a(struct tn_store *s, long long *batch)
{
    assert_int_equal(tn_store_begin(s), TN_OK);
    assert_int_equal(tn_store_assign_batch(s, "thuno assign", "2025-12-02T00:00:00", batch), TN_OK);
    assert_int_equal(tn_store_assign_put(s, *batch, "A", "2025-11-15", "O2", "TP.QLT",
                                         "chuyển KTTN", "2025-12-02T00:00:00"),
                     TN_OK);
    assert_int_equal(tn_store_commit(s), TN_OK);
}

void op_assign_batch(void **state)
{
    long long b1 = 0, b2 = 0;
    assign_a(*state, &b1);
    assign_a(*state, &b2);
    assert_true(b1 > 0);
    assert_true(b2 > b1);
}

void op_assign_put(void **state)
{
    long long b;
    assign_a(*state, &b);
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_assignments(*state, NULL, NULL, assignment_line, &o), TN_OK);
    tn_test_check(&o,
                  "A O1 2025-01-01..2025-11-14 [] [units.csv officer_code] 2025-12-01T00:00:00\n"
                  "A O2 2025-11-15.. [TP.QLT] [chuyển KTTN] 2025-12-02T00:00:00\n"
                  "A2 O2 2025-01-01.. [] [units.csv officer_code] 2025-12-01T00:00:00\n"
                  "B O2 2025-01-01.. [] [units.csv officer_code] 2025-12-01T00:00:00\n"
                  "C O1 2025-01-01..2025-09-30 [] [units.csv officer_code] 2025-12-01T00:00:00\n"
                  "C O2 2025-10-01.. [TP.QLT] [Cân đối địa bàn] 2025-12-01T00:00:00\n",
                  "assign_put");
}

void op_assign_seed(void **state)
{
    struct tn_store *s = *state;
    /* a units import seeds (import.c calls it): B's officer changes to O1 on 2025-12-02 */
    assert_int_equal(
        tn_test_import(s, TN_IMPORT_UNITS,
                       "unit_code,tax_code,name,type,status,status_since,parent_code,"
                       "province_code,office_code,wage_region,officer_code,payment_cycle,"
                       "registered_on,address,union_chair\n"
                       "B,0100000002,Hợp tác xã Bình Minh,cooperative,suspended,2025-09-01,,79,"
                       "D02,1,O1,1,2025-01-01,,\n",
                       "2025-12-02T00:00:00", 1),
        TN_OK);
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_assignments(s, NULL, NULL, assignment_line, &o), TN_OK);
    /* called again on the same batch: B's latest assignment is O1 already, nothing to write */
    long n = -1;
    assert_int_equal(tn_store_begin(s), TN_OK);
    assert_int_equal(tn_store_assign_seed(s, "2025-12-02T00:00:00", &n), TN_OK);
    assert_int_equal(tn_store_commit(s), TN_OK);
    assert_int_equal(n, 0);
    tn_test_check(&o,
                  "A O1 2025-01-01.. [] [units.csv officer_code] 2025-12-01T00:00:00\n"
                  "A2 O2 2025-01-01.. [] [units.csv officer_code] 2025-12-01T00:00:00\n"
                  "B O2 2025-01-01..2025-12-01 [] [units.csv officer_code] 2025-12-01T00:00:00\n"
                  "B O1 2025-12-02.. [] [units.csv officer_code] 2025-12-02T00:00:00\n"
                  "C O1 2025-01-01..2025-09-30 [] [units.csv officer_code] 2025-12-01T00:00:00\n"
                  "C O2 2025-10-01.. [TP.QLT] [Cân đối địa bàn] 2025-12-01T00:00:00\n",
                  "assign_seed");
}

static tn_err unit_line(void *ctx, const char *unit_code)
{
    tn_test_put(ctx, "%s", unit_code);
    return TN_OK;
}

void op_units_in_charge(void **state)
{
    struct tn_test_out o = {0};
    tn_test_put(&o, "O1 2025-09-30");
    assert_int_equal(tn_store_units_in_charge(*state, "O1", "2025-09-30", unit_line, &o), TN_OK);
    tn_test_put(&o, "O1 2025-10-01");
    assert_int_equal(tn_store_units_in_charge(*state, "O1", "2025-10-01", unit_line, &o), TN_OK);
    tn_test_put(&o, "O2 2025-10-01");
    assert_int_equal(tn_store_units_in_charge(*state, "O2", "2025-10-01", unit_line, &o), TN_OK);
    tn_test_check(&o,
                  "O1 2025-09-30\n"
                  "A\n"
                  "C\n"
                  "O1 2025-10-01\n"
                  "A\n"
                  "O2 2025-10-01\n"
                  "A2\n"
                  "B\n"
                  "C\n",
                  "units_in_charge");
}

void op_assignments(void **state)
{
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_assignments(*state, NULL, NULL, assignment_line, &o), TN_OK);
    tn_test_check(&o,
                  "A O1 2025-01-01.. [] [units.csv officer_code] 2025-12-01T00:00:00\n"
                  "A2 O2 2025-01-01.. [] [units.csv officer_code] 2025-12-01T00:00:00\n"
                  "B O2 2025-01-01.. [] [units.csv officer_code] 2025-12-01T00:00:00\n"
                  "C O1 2025-01-01..2025-09-30 [] [units.csv officer_code] 2025-12-01T00:00:00\n"
                  "C O2 2025-10-01.. [TP.QLT] [Cân đối địa bàn] 2025-12-01T00:00:00\n",
                  "assignments");
}

static tn_err worklist_line(void *ctx, const struct tn_worklist_row *r)
{
    tn_test_put(ctx, "[%s] %s %s %s debt %lld owed %d %s %s", r->officer_code, r->unit_code,
                r->name, r->office_code, (long long)r->debt, r->months_owed_tenths, r->bucket,
                r->legal_status);
    return TN_OK;
}

void op_worklist(void **state)
{
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_worklist(*state, NULL, TN_TEST_P(10), NULL, NULL, worklist_line, &o),
                     TN_OK);
    assert_int_equal(tn_store_worklist(*state, NULL, TN_TEST_P(10), NULL, "O2", worklist_line, &o),
                     TN_OK);
    tn_test_check(&o,
                  "[O1] A Công ty TNHH An Phát D01 debt 11576517 owed 27 1-3 evading\n"
                  "[O2] B Hợp tác xã Bình Minh D02 debt 18240 owed 0 0 current\n"
                  "[O2] B Hợp tác xã Bình Minh D02 debt 18240 owed 0 0 current\n",
                  "worklist");
}

struct nested_worklist {
    struct tn_store *s;
    struct tn_test_out *o;
};

/* a second officer's worklist read inside the first's row callback, on the same handle */
static tn_err nested_line(void *ctx, const struct tn_worklist_row *r)
{
    struct nested_worklist *n = ctx;
    tn_err err = worklist_line(n->o, r);
    return err ? err
               : tn_store_worklist(n->s, NULL, TN_TEST_P(10), NULL, "O2", worklist_line, n->o);
}

static tn_err officer_line(void *ctx, const struct tn_officer_row *r)
{
    tn_test_put(ctx, "%s %s %s %s %d", r->code, r->name, r->department, r->office_code, r->active);
    return TN_OK;
}

/* Every officer as imported, by code, inactive ones too; none known before the import. */
void op_officers(void **state)
{
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_officers(*state, NULL, officer_line, &o), TN_OK);
    assert_int_equal(tn_store_officers(*state, "2025-01-01T00:00:00", officer_line, &o), TN_OK);
    tn_test_check(&o,
                  "O1 Nguyễn Văn Cán QLT D01 1\n"
                  "O2 Trần Thị Thu KTTN D02 1\n"
                  "O3 Lê Văn Nghỉ QLT D01 0\n",
                  "officers");
}

/* The officers an assignment or a unit names, in order, one after another; the worklist of
 * the units with none ("") is empty here (every unit has an officer); an officer's worklist
 * read inside another's. */
void op_officer_after(void **state)
{
    struct tn_test_out o = {0};
    char at[32] = "", next[32];
    int found = 1;
    while (found) {
        assert_int_equal(tn_store_officer_after(*state, at, next, &found), TN_OK);
        tn_test_put(&o, "after [%s]: %s", at, found ? next : "none");
        if (found)
            memcpy(at, next, sizeof at);
    }
    assert_int_equal(tn_store_worklist(*state, NULL, TN_TEST_P(10), NULL, "", worklist_line, &o),
                     TN_OK);
    struct nested_worklist n = {*state, &o};
    assert_int_equal(tn_store_worklist(*state, NULL, TN_TEST_P(10), NULL, "O1", nested_line, &n),
                     TN_OK);
    tn_test_check(&o,
                  "after []: O1\n"
                  "after [O1]: O2\n"
                  "after [O2]: none\n"
                  "[O1] A Công ty TNHH An Phát D01 debt 11576517 owed 27 1-3 evading\n"
                  "[O2] B Hợp tác xã Bình Minh D02 debt 18240 owed 0 0 current\n",
                  "officer_after");
}

static tn_err plan_line(void *ctx, const struct tn_plan_row *r)
{
    tn_test_put(ctx,
                "%s %s units %lld plan %lld assessed %lld collected %lld debt %lld new "
                "%lld/%lld cleared %lld/%lld",
                r->scope, r->key, r->units, (long long)r->plan, (long long)r->assessed,
                (long long)r->collected, (long long)r->debt, r->new_debt_units,
                (long long)r->new_debt, r->cleared_units, (long long)r->cleared);
    return TN_OK;
}

void op_plan_kpi(void **state)
{
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_plan_kpi(*state, NULL, TN_TEST_P(10), NULL, plan_line, &o), TN_OK);
    tn_test_check(
        &o,
        "province 79 units 4 plan 50000000 assessed 7680000 collected 6920000 debt 11594757 new "
        "0/0 cleared 1/3214400\n"
        "department KTTN units 3 plan -1 assessed 3520000 collected 6920000 debt 18240 new 0/0 "
        "cleared 1/3214400\n"
        "department QLT units 1 plan -1 assessed 4160000 collected 0 debt 11576517 new 0/0 cleared "
        "0/0\n"
        "office D01 units 2 plan 30000000 assessed 6080000 collected 1920000 debt 11576517 new 0/0 "
        "cleared 0/0\n"
        "office D02 units 2 plan -1 assessed 1600000 collected 5000000 debt 18240 new 0/0 cleared "
        "1/3214400\n"
        "type cooperative units 1 plan -1 assessed 1600000 collected 5000000 debt 18240 new 0/0 "
        "cleared 1/3214400\n"
        "type private units 2 plan -1 assessed 4160000 collected 0 debt 11576517 new 0/0 cleared "
        "0/0\n"
        "type state units 1 plan -1 assessed 1920000 collected 1920000 debt 0 new 0/0 cleared 0/0\n"
        "officer O1 units 1 plan -1 assessed 4160000 collected 0 debt 11576517 new 0/0 cleared "
        "0/0\n"
        "officer O2 units 3 plan -1 assessed 3520000 collected 6920000 debt 18240 new 0/0 cleared "
        "1/3214400\n",
        "plan_kpi");
}

void op_plan_amount(void **state)
{
    tn_money m = 0;
    assert_int_equal(tn_store_plan_amount(*state, TN_TEST_P(10), NULL, "province", "79", &m),
                     TN_OK);
    assert_int_equal(m, 50000000);
    assert_int_equal(tn_store_plan_amount(*state, TN_TEST_P(10), NULL, "office", "D01", &m), TN_OK);
    assert_int_equal(m, 30000000);
    assert_int_equal(tn_store_plan_amount(*state, TN_TEST_P(10), NULL, "office", "D02", &m), TN_OK);
    assert_int_equal(m, -1);
    assert_int_equal(tn_store_plan_amount(*state, TN_TEST_P(9), NULL, "province", "79", &m), TN_OK);
    assert_int_equal(m, -1);
}

static tn_err bucket_line(void *ctx, const struct tn_bucket_move *r)
{
    tn_test_put(ctx, "%s %lld/%lld -> %lld/%lld", r->bucket, r->units_prev, (long long)r->debt_prev,
                r->units, (long long)r->debt);
    return TN_OK;
}

void op_bucket_moves(void **state)
{
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_bucket_moves(*state, NULL, TN_TEST_P(10), NULL, bucket_line, &o),
                     TN_OK);
    tn_test_check(&o,
                  "0 2/0 -> 3/18240\n"
                  "1-3 2/10562840 -> 1/11576517\n"
                  "3-6 0/0 -> 0/0\n"
                  "6-12 0/0 -> 0/0\n"
                  "12+ 0/0 -> 0/0\n",
                  "bucket_moves");
}

void op_new_debtors(void **state)
{
    struct tn_test_out o = {0};
    for (int m = 8; m <= 10; m++) {
        tn_test_put(&o, "%s", P(TN_TEST_P(m)));
        assert_int_equal(tn_store_new_debtors(*state, NULL, TN_TEST_P(m), NULL, worklist_line, &o),
                         TN_OK);
    }
    tn_test_check(&o,
                  "2025-08\n"
                  "[O1] A Công ty TNHH An Phát D01 debt 3160000 owed 7 0 late\n"
                  "[O2] B Hợp tác xã Bình Minh D02 debt 1600000 owed 10 1-3 late\n"
                  "2025-09\n"
                  "2025-10\n",
                  "new_debtors");
}

static tn_err event_count_line(void *ctx, const struct tn_event_count *r)
{
    tn_test_put(ctx, "%s events %lld units %lld amount %lld", r->event, r->events, r->units,
                (long long)r->amount);
    return TN_OK;
}

void op_event_counts(void **state)
{
    struct tn_test_out o = {0};
    for (int m = 8; m <= 10; m++)
        assert_int_equal(
            tn_store_event_counts(*state, NULL, TN_TEST_P(m), NULL, event_count_line, &o), TN_OK);
    tn_test_check(&o,
                  "reminder_sent events 1 units 1 amount 0\n"
                  "lawsuit_filed events 1 units 1 amount 20000000\n"
                  "mediation_settled events 1 units 1 amount 18000000\n",
                  "event_counts");
}

/* ---- payops.h ---- */

void op_payops_units(void **state)
{
    struct tn_payops_unit *u = NULL;
    size_t n = 0;
    assert_int_equal(tn_store_payops_units(*state, NULL, &u, &n), TN_OK);
    struct tn_test_out o = {0};
    for (size_t i = 0; i < n; i++)
        tn_test_put(&o, "%s %s %s %s %s %s", u[i].unit_code, u[i].tax_code, u[i].name, u[i].type,
                    u[i].province, u[i].office);
    free(u);
    tn_test_check(&o,
                  "A 0100000001 Công ty TNHH An Phát private 79 D01\n"
                  "A2 0100000001-002 Chi nhánh An Phát Thủ Đức private 79 D02\n"
                  "B 0100000002 Hợp tác xã Bình Minh cooperative 79 D02\n"
                  "C 0100000003 Trường Tiểu học Kim Đồng state 79 D01\n",
                  "payops_units");
}

static tn_err suspense_line(void *ctx, const struct tn_suspense_row *r)
{
    tn_test_put(ctx, "%s [%s] %lld %s", r->txn_id, r->unit_code, (long long)r->amount, r->reason);
    return TN_OK;
}

void op_suspense_assign(void **state)
{
    struct tn_store *s = *state;
    struct tn_payops_assign how = {"2025-12-02T00:00:00", "KT.01", "manual", 100, "gọi điện"};
    assert_int_equal(tn_store_suspense_assign(s, "S1", "A", &how), TN_OK);
    assert_int_equal(tn_store_suspense_assign(s, "S1", "A", &how), TN_ERR_STATE); /* done */
    assert_int_equal(tn_store_suspense_assign(s, "C07", "A", &how), TN_ERR_STATE);
    assert_int_equal(tn_store_suspense_assign(s, "S9", "A", &how), TN_ERR_NOT_FOUND);
    assert_int_equal(tn_store_suspense_assign(s, "S2", "ZZ", &how), TN_ERR_NOT_FOUND);
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_suspense(s, NULL, TN_TEST_P(10), NULL, suspense_line, &o), TN_OK);
    assert_int_equal(
        tn_store_suspense(s, NULL, TN_TEST_P(10), "2025-12-01T23:59:59", suspense_line, &o), TN_OK);
    tn_test_check(&o,
                  "S2 [ZZ] 800000 unknown_unit\n"
                  "S1 [] 700000 no_payer\n"
                  "S2 [ZZ] 800000 unknown_unit\n",
                  "suspense_assign");
}

static tn_err card_line(void *ctx, const struct tn_card_state *r)
{
    tn_test_put(ctx,
                "%s from %s closed %d monthly %lld debt %lld paid %lld pending %lld due %s "
                "-> %d",
                r->unit_code, P(r->base_period), r->closed_tenths, (long long)r->monthly,
                (long long)r->debt, (long long)r->paid_since, (long long)r->pending,
                D(r->pending_due), r->tenths);
    return TN_OK;
}

void op_card_states(void **state)
{
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_card_states(*state, &tn_test_pol, TN_TEST_P(10), day(2025, 11, 20),
                                          NULL, card_line, &o),
                     TN_OK);
    /* the debt is the close's, past its deadline (op_balances: A 11,480,000 + 96,517; B its
     * interest 18,240, its 1,414,400 pending to 11-30) */
    tn_test_check(&o,
                  "A from 2025-10 closed 27 monthly 4160000 debt 11576517 paid 0 pending 4160000 "
                  "due 2025-11-30 -> 27\n"
                  "A2 from 2025-10 closed 0 monthly 0 debt 0 paid 0 pending 0 due - -> 0\n"
                  "B from 2025-10 closed 0 monthly 1600000 debt 18240 paid 0 pending 1414400 due "
                  "2025-11-30 -> 0\n"
                  "C from 2025-10 closed 0 monthly 1920000 debt 0 paid 0 pending 0 due - -> 0\n",
                  "card_states");
}

tn_err tn_test_unit_worker(void *ctx, const struct tn_unit_worker *r)
{
    tn_test_put(ctx, "%s %s", r->bhxh_code, r->full_name);
    return TN_OK;
}

void op_unit_workers(void **state)
{
    struct tn_test_out o = {0};
    assert_int_equal(
        tn_store_unit_workers(*state, "A", TN_TEST_P(10), NULL, tn_test_unit_worker, &o), TN_OK);
    assert_int_equal(
        tn_store_unit_workers(*state, "A", TN_TEST_P(6), NULL, tn_test_unit_worker, &o), TN_OK);
    tn_test_check(&o, "0000000001 Nguyễn Văn Một\n0000000002 Trần Thị Hai\n", "unit_workers");
}

static tn_err book_line(void *ctx, const struct tn_book_row *r)
{
    tn_test_put(ctx,
                "%s %s %s left %s earmarked %lld %s..%s confirmed %s owed %s..%s %lld "
                "blocked %d",
                r->unit_code, r->bhxh_code, r->full_name, P(r->left_from), (long long)r->earmarked,
                P(r->earmark_first), P(r->earmark_last), P(r->confirmed_to), P(r->owed_first),
                P(r->owed_last), (long long)r->owed, r->blocked);
    return TN_OK;
}

void op_books(void **state)
{
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_books(*state, NULL, TN_TEST_P(10), NULL, book_line, &o), TN_OK);
    tn_test_check(&o,
                  "C 0000000004 Phạm Thị Bốn left 2025-11 earmarked 0 -..- confirmed 2025-10 owed "
                  "-..- 0 blocked 0\n",
                  "books");
}

/* ---- close.h ---- */

void op_close_period(void **state)
{
    struct tn_close_stats st;
    char msg[512];
    /* August is closed and followed by September: refused */
    assert_int_equal(tn_close_period(*state, &tn_test_pol, TN_TEST_P(8), "2025-12-02T00:00:00", &st,
                                     NULL, NULL, msg, sizeof msg),
                     TN_ERR_STATE);
    assert_true(msg[0] != '\0');
    /* October again: nothing changed, no new rows */
    assert_int_equal(tn_test_close(*state, 10, &st), TN_OK);
    assert_int_equal(st.units, 4);
    assert_int_equal(st.units_changed, 0);
    /* November: a new month for every unit; C's worker left (declarations.csv) */
    assert_int_equal(tn_test_close(*state, 11, &st), TN_OK);
    assert_int_equal(st.units, 4);
    assert_int_equal(st.units_changed, 4);
    assert_int_equal(st.workers, 3);
    assert_int_equal(st.findings, 1); /* A's 3,000,000 under region 1's floor */
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_balances(*state, NULL, TN_TEST_P(11), NULL, tn_test_balance, &o),
                     TN_OK);
    tn_test_check(&o,
                  "A 2025-11 15736517+4160000+0+103320-0=19999837 due 19800000+199837 past "
                  "15640000 owed 37 3-6 2025-07 evading w2\n"
                  "A2 2025-11 0+0+0+0-0=0 due 0+0 past 0 owed 0 0 - current w0\n"
                  "B 2025-11 1432640+1600000+0+0-0=3032640 due 3014400+18240 past 1414400 owed 8 0 "
                  "2025-10 late w1\n"
                  "C 2025-11 0+0+0+0-0=0 due 0+0 past 0 owed 0 0 - current w0\n",
                  "close_period");
}

void op_closed_periods(void **state)
{
    tn_period first = -1, last = -1;
    assert_int_equal(tn_store_closed_periods(*state, &first, &last), TN_OK);
    assert_int_equal(first, TN_TEST_P(7)); /* the fixture closes July to October */
    assert_int_equal(last, TN_TEST_P(10));
    assert_int_equal(tn_test_close(*state, 11, NULL), TN_OK);
    assert_int_equal(tn_store_closed_periods(*state, &first, &last), TN_OK);
    assert_int_equal(first, TN_TEST_P(7));
    assert_int_equal(last, TN_TEST_P(11));
}

/* ---- store_import.h ---- */

void op_payment_lookup(void **state)
{
    int found = -1, reversal = -1;
    int64_t amount = 0;
    assert_int_equal(tn_store_payment_lookup(*state, "PB1", &found, &amount, &reversal), TN_OK);
    assert_int_equal(found, 1);
    assert_int_equal(amount, 5000000);
    assert_int_equal(reversal, 0);
    assert_int_equal(tn_store_payment_lookup(*state, "NONE", &found, &amount, &reversal), TN_OK);
    assert_int_equal(found, 0);
}
