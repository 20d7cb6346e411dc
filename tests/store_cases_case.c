/*
 * store_cases_case.c - conformance cases (test_store.c) of cases, their registers and the
 * documents' facts: case_store.h, case_register_store.h, doc_store.h.
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
#include "thuno/case_register.h"

#define P tn_test_period
#define D tn_test_day

/* as_of of the documents: they are always asked with one */
#define AS_OF "2025-12-02T00:00:00"

static tn_day day(int y, int m, int d)
{
    tn_day out = -1;
    tn_day_make(y, m, d, &out);
    return out;
}

/* ---- case_store.h ---- */

static void events_text(struct tn_test_out *o, const struct tn_case_event_row *ev, size_t n)
{
    for (size_t i = 0; i < n; i++)
        tn_test_put(o, "%s #%ld %s %s %s %lld [%s] [%s] [%s] %s", ev[i].case_id, ev[i].seq,
                    ev[i].unit_code, tn_case_event_name(ev[i].step.event), D(ev[i].step.day),
                    (long long)ev[i].step.amount, ev[i].office, ev[i].note, ev[i].actor,
                    ev[i].known_at);
}

void op_case_events(void **state)
{
    struct tn_case_event_row *ev = NULL;
    size_t n = 0;
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_case_events(*state, "HS-B", NULL, &ev, &n), TN_OK);
    events_text(&o, ev, n);
    free(ev);
    /* dated up to as_of: the settlement of 2025-10-01 is not there on 2025-09-30 (and nothing
     * was known then: imported 2025-12-01) */
    assert_int_equal(tn_store_case_events(*state, "HS-B", "2025-12-01T00:00:00", &ev, &n), TN_OK);
    assert_int_equal(n, 3);
    free(ev);
    assert_int_equal(tn_store_case_events(*state, "HS-B", "2025-11-30T23:59:59", &ev, &n), TN_OK);
    assert_int_equal(n, 0);
    free(ev);
    tn_test_check(
        &o,
        "HS-B #1 B reminder_sent 2025-08-05 -1 [] [Đôn đốc lần 1] [] 2025-12-01T00:00:00\n"
        "HS-B #2 B lawsuit_filed 2025-09-10 20000000 [TAND quận 1] [] [] 2025-12-01T00:00:00\n"
        "HS-B #3 B mediation_settled 2025-10-01 18000000 [TAND quận 1] [Hòa giải thành] [] "
        "2025-12-01T00:00:00\n",
        "case_events");
}

void op_case_plan(void **state)
{
    struct tn_instalment *inst = NULL;
    size_t n = 0;
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_case_plan(*state, "HS-B", NULL, &inst, &n), TN_OK);
    for (size_t i = 0; i < n; i++)
        tn_test_put(&o, "%s %lld", D(inst[i].due), (long long)inst[i].amount);
    free(inst);
    tn_test_check(&o, "2025-10-15 9000000\n2025-11-15 9000000\n", "case_plan");
}

void op_case_payments(void **state)
{
    struct tn_case_payment_row *p = NULL;
    size_t n = 0;
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_case_payments(*state, "HS-B", NULL, &p, &n), TN_OK);
    for (size_t i = 0; i < n; i++)
        tn_test_put(&o, "%s %s %lld %s r%d", p[i].txn_id, D(p[i].paid_on), (long long)p[i].amount,
                    p[i].channel, p[i].reversed);
    free(p);
    tn_test_check(&o, "PB1 2025-10-20 5000000 transfer r0\n", "case_payments");
}

static tn_err case_id_line(void *ctx, const char *case_id, const char *unit_code)
{
    tn_test_put(ctx, "%s %s", case_id, unit_code);
    return TN_OK;
}

void op_case_ids(void **state)
{
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_case_ids(*state, NULL, case_id_line, &o), TN_OK);
    assert_int_equal(tn_store_case_ids(*state, "2025-11-30T23:59:59", case_id_line, &o), TN_OK);
    tn_test_check(&o, "HS-B B\n", "case_ids");
}

static struct tn_case_event_row event(const char *case_id, const char *unit, enum tn_case_event e,
                                      tn_day d, tn_money amount)
{
    struct tn_case_event_row ev;
    memset(&ev, 0, sizeof ev);
    snprintf(ev.case_id, sizeof ev.case_id, "%s", case_id);
    snprintf(ev.unit_code, sizeof ev.unit_code, "%s", unit);
    snprintf(ev.actor, sizeof ev.actor, "O1");
    snprintf(ev.note, sizeof ev.note, "ghi chú");
    ev.step = (struct tn_case_step){e, d, amount, TN_CASE_OUT_NONE_GIVEN, ev.office};
    return ev;
}

void op_case_record(void **state)
{
    struct tn_store *s = *state;
    long seq = 0;
    char why[256] = "";
    struct tn_case_event_row ev =
        event("HS-A", "A", TN_CASE_EV_REMINDER_SENT, day(2025, 11, 5), -1);
    assert_int_equal(tn_store_case_record(s, &ev, "2025-12-02T00:00:00", &seq, why, sizeof why),
                     TN_OK);
    assert_int_equal(seq, 1);
    /* the state machine refuses a judgment before any lawsuit */
    ev = event("HS-A", "A", TN_CASE_EV_JUDGMENT, day(2025, 11, 6), 1000000);
    assert_int_not_equal(tn_store_case_record(s, &ev, "2025-12-02T00:00:00", &seq, why, sizeof why),
                         TN_OK);
    assert_true(why[0] != '\0');
    struct tn_case_event_row *rows = NULL;
    size_t n = 0;
    assert_int_equal(tn_store_case_events(s, "HS-A", NULL, &rows, &n), TN_OK);
    struct tn_test_out o = {0};
    events_text(&o, rows, n);
    free(rows);
    tn_test_check(&o,
                  "HS-A #1 A reminder_sent 2025-11-05 -1 [] [ghi chú] [O1] 2025-12-02T00:00:00\n",
                  "case_record");
}

void op_case_record_in_tx(void **state)
{
    struct tn_store *s = *state;
    long seq = 0;
    char why[256] = "";
    struct tn_case_event_row ev =
        event("HS-B", "B", TN_CASE_EV_PLAN_DEFAULTED, day(2025, 11, 16), 13000000);
    assert_int_equal(tn_store_begin(s), TN_OK);
    assert_int_equal(
        tn_store_case_record_in_tx(s, &ev, "2025-12-02T00:00:00", &seq, why, sizeof why), TN_OK);
    assert_int_equal(seq, 4);
    tn_store_rollback(s);
    struct tn_case_event_row *rows = NULL;
    size_t n = 0;
    assert_int_equal(tn_store_case_events(s, "HS-B", NULL, &rows, &n), TN_OK);
    assert_int_equal(n, 3); /* rolled back with the caller's transaction */
    free(rows);
    assert_int_equal(tn_store_begin(s), TN_OK);
    assert_int_equal(
        tn_store_case_record_in_tx(s, &ev, "2025-12-02T00:00:00", &seq, why, sizeof why), TN_OK);
    assert_int_equal(tn_store_commit(s), TN_OK);
    assert_int_equal(tn_store_case_events(s, "HS-B", NULL, &rows, &n), TN_OK);
    struct tn_test_out o = {0};
    events_text(&o, rows + 3, n - 3);
    free(rows);
    tn_test_check(
        &o, "HS-B #4 B plan_defaulted 2025-11-16 13000000 [] [ghi chú] [O1] 2025-12-02T00:00:00\n",
        "case_record_in_tx");
}

void op_case_attach(void **state)
{
    char sha[65];
    static const char text[] = "abc";
    assert_int_equal(tn_store_case_attach(*state, "HS-B", "judgment", "ban-an.pdf", text, 3,
                                          "2025-12-02T00:00:00", "O2", sha),
                     TN_OK);
    /* SHA-256 of "abc" (FIPS 180-2, appendix B.1) */
    assert_string_equal(sha, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

void op_case_attachments(void **state)
{
    char sha[65];
    assert_int_equal(tn_store_case_attach(*state, "HS-B", "judgment", "ban-an.pdf", "abc", 3,
                                          "2025-12-02T00:00:00", "O2", sha),
                     TN_OK);
    assert_int_equal(tn_store_case_attach(*state, "HS-B", "letter", "cong-van.txt", "", 0,
                                          "2025-12-03T00:00:00", "O2", sha),
                     TN_OK);
    struct tn_case_attachment_row *a = NULL;
    size_t n = 0;
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_case_attachments(*state, "HS-B", NULL, &a, &n), TN_OK);
    for (size_t i = 0; i < n; i++)
        tn_test_put(&o, "%s %s %lld %.12s %s", a[i].kind, a[i].name, a[i].size, a[i].sha256,
                    a[i].known_at);
    free(a);
    assert_int_equal(tn_store_case_attachments(*state, "HS-B", "2025-12-02T23:59:59", &a, &n),
                     TN_OK);
    assert_int_equal(n, 1);
    free(a);
    tn_test_check(&o,
                  "judgment ban-an.pdf 3 ba7816bf8f01 2025-12-02T00:00:00\n"
                  "letter cong-van.txt 0 e3b0c44298fc 2025-12-03T00:00:00\n",
                  "case_attachments");
}

static tn_err litigation_line(void *ctx, const struct tn_litigation_row *r)
{
    tn_test_put(ctx,
                "%s sued %lld %lld mediated %lld %lld tried %lld recovered %lld/%lld "
                "pending %lld",
                r->key, r->units_sued, (long long)r->amount_claimed, r->mediated_units,
                (long long)r->mediated_amount, r->tried_units, (long long)r->recovered_mediation,
                (long long)r->recovered_total, r->pending_units);
    return TN_OK;
}

void op_litigation(void **state)
{
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_litigation(*state, NULL, day(2025, 1, 1), day(2025, 12, 31), NULL,
                                         TN_LIT_TYPE, litigation_line, &o),
                     TN_OK);
    tn_test_check(
        &o,
        "cooperative sued 1 20000000 mediated 1 18000000 tried 0 recovered 0/5000000 pending 1\n"
        "total sued 1 20000000 mediated 1 18000000 tried 0 recovered 0/5000000 pending 1\n",
        "litigation");
}

static tn_err case_line(void *ctx, const struct tn_case_row *r)
{
    tn_test_put(ctx,
                "%s %s %s %s %s last %s recovered %lld plan%d %lld/%lld met %zu def%d "
                "deadline %s alert%d [%s]",
                r->case_id, r->unit_code, r->unit_status, r->office_code,
                tn_case_state_name(r->c.state), tn_case_event_name(r->last_event),
                (long long)r->recovered, r->has_plan, (long long)r->plan.paid,
                (long long)r->plan.total, r->plan.met, r->plan.defaulted, D(r->deadline),
                r->alert_status, r->invalid);
    return TN_OK;
}

void op_cases(void **state)
{
    struct tn_test_out o = {0};
    assert_int_equal(
        tn_store_cases(*state, NULL, &tn_test_pol, NULL, day(2025, 11, 20), case_line, &o), TN_OK);
    tn_test_check(&o,
                  "HS-B B suspended D02 mediated last mediation_settled recovered 5000000 plan1 "
                  "5000000/18000000 met 0 def1 deadline 2025-10-16 alert1 []\n",
                  "cases");
}

static tn_err escalation_line(void *ctx, const struct tn_escalation_row *r)
{
    tn_test_put(ctx, "%s %s %s owed %d debt %lld %s w%lld [%s] %s next %s ready%d", r->unit_code,
                r->officer_code, r->office_code, r->months_owed_tenths, (long long)r->debt,
                r->legal_status, r->workers, r->case_id, tn_case_state_name(r->state),
                r->next.step ? r->next.step : "-", r->next.ready);
    return TN_OK;
}

void op_escalation(void **state)
{
    struct tn_test_out o = {0};
    assert_int_equal(
        tn_store_escalation(*state, NULL, &tn_test_pol, TN_TEST_P(10), NULL, escalation_line, &o),
        TN_OK);
    tn_test_check(&o, "A O1 D01 owed 27 debt 11576517 evading w2 [] new next reminder ready1\n",
                  "escalation");
}

void op_escalation_units(void **state)
{
    /* the province's run's row of A, found through A's keys; an unknown unit gives none */
    static const char *const units[] = {"NOPE", "A"};
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_escalation_units(*state, &tn_test_pol, TN_TEST_P(10), NULL, units, 2,
                                               escalation_line, &o),
                     TN_OK);
    tn_test_check(&o, "A O1 D01 owed 27 debt 15736517 evading w2 [] new next reminder ready1\n",
                  "escalation of units");
}

/* ---- case_register_store.h ---- */

static struct tn_case_reg_row reg_row(enum tn_case_reg reg, long ref, tn_day d, const char *what,
                                      tn_money amount, const char *party)
{
    struct tn_case_reg_row r;
    memset(&r, 0, sizeof r);
    snprintf(r.case_id, sizeof r.case_id, "HS-B");
    r.reg = reg;
    r.ref = ref;
    r.day = d;
    snprintf(r.what, sizeof r.what, "%s", what);
    r.amount = amount;
    r.flag = -1;
    snprintf(r.party, sizeof r.party, "%s", party);
    snprintf(r.actor, sizeof r.actor, "O2");
    return r;
}

static long add_reg(struct tn_store *s, struct tn_case_reg_row r, tn_err want)
{
    long no = 0;
    char why[256] = "";
    tn_err err = tn_store_case_reg_add(s, &r, "2025-12-02T00:00:00", &no, why, sizeof why);
    if (err != want)
        fail_msg("register %s: %d (%s)", tn_case_reg_name(r.reg), err, why);
    return no;
}

/* an asset, a bank order with an executed partial reply, a tip with its result */
void tn_test_registers(struct tn_store *s)
{
    assert_int_equal(
        add_reg(s,
                reg_row(TN_CASE_REG_ASSET, 0, day(2025, 11, 1), "bank_account", -1, "Vietcombank"),
                TN_OK),
        1);
    assert_int_equal(add_reg(s,
                             reg_row(TN_CASE_REG_BANK_ORDER, 0, day(2025, 11, 2), "bank", 3000000,
                                     "Vietcombank"),
                             TN_OK),
                     1);
    assert_int_equal(add_reg(s,
                             reg_row(TN_CASE_REG_BANK_REPLY, 1, day(2025, 11, 4), "partial",
                                     1000000, "Vietcombank"),
                             TN_OK),
                     1);
    assert_int_equal(
        add_reg(s, reg_row(TN_CASE_REG_TIP, 0, day(2025, 11, 5), "", -1, "Người báo tin"), TN_OK),
        1);
    assert_int_equal(
        add_reg(s, reg_row(TN_CASE_REG_TIP_RESULT, 1, day(2025, 11, 20), "", 2000000, ""), TN_OK),
        1);
}

void op_case_reg_add(void **state)
{
    struct tn_store *s = *state;
    tn_test_registers(s);
    /* a reply to an order that does not exist; a treasury order for a cooperative */
    add_reg(s, reg_row(TN_CASE_REG_BANK_REPLY, 9, day(2025, 11, 4), "executed", -1, "x"),
            TN_ERR_NOT_FOUND);
    add_reg(s, reg_row(TN_CASE_REG_BANK_ORDER, 0, day(2025, 11, 4), "treasury", 1, "KBNN"),
            TN_ERR_CONFLICT);
    assert_int_equal(
        add_reg(s,
                reg_row(TN_CASE_REG_BANK_REPLY, 1, day(2025, 11, 6), "executed", -1, "Vietcombank"),
                TN_OK),
        2);
}

void op_case_regs(void **state)
{
    tn_test_registers(*state);
    struct tn_case_reg_row *r = NULL;
    size_t n = 0;
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_case_regs(*state, "HS-B", NULL, &r, &n), TN_OK);
    for (size_t i = 0; i < n; i++)
        tn_test_put(&o, "%s %ld ref %ld %s [%s] %lld flag %d [%s] %s", tn_case_reg_name(r[i].reg),
                    r[i].no, r[i].ref, D(r[i].day), r[i].what, (long long)r[i].amount, r[i].flag,
                    r[i].party, r[i].known_at);
    free(r);
    tn_test_check(
        &o,
        "asset 1 ref 0 2025-11-01 [bank_account] -1 flag -1 [Vietcombank] 2025-12-02T00:00:00\n"
        "bank_order 1 ref 0 2025-11-02 [bank] 3000000 flag -1 [Vietcombank] 2025-12-02T00:00:00\n"
        "bank_reply 1 ref 1 2025-11-04 [partial] 1000000 flag -1 [Vietcombank] "
        "2025-12-02T00:00:00\n"
        "tip 1 ref 0 2025-11-05 [] -1 flag -1 [Người báo tin] 2025-12-02T00:00:00\n"
        "tip_result 1 ref 1 2025-11-20 [] 2000000 flag -1 [] 2025-12-02T00:00:00\n",
        "case_regs");
}

static void branch(struct tn_store *s)
{
    char why[256] = "";
    assert_int_equal(tn_store_case_branch_add(s, "HS-B", "A2", "01", "chi nhánh Hà Nội",
                                              "2025-12-02T00:00:00", why, sizeof why),
                     TN_OK);
}

void op_case_branch_add(void **state)
{
    branch(*state);
    char why[256] = "";
    assert_int_not_equal(tn_store_case_branch_add(*state, "HS-Z", "A2", "01", "",
                                                  "2025-12-02T00:00:00", why, sizeof why),
                         TN_OK);
    struct tn_case_branch_row *r = NULL;
    size_t n = 0;
    assert_int_equal(tn_store_case_branches(*state, "HS-B", NULL, &r, &n), TN_OK);
    assert_int_equal(n, 1);
    free(r);
}

void op_case_branches(void **state)
{
    branch(*state);
    struct tn_case_branch_row *r = NULL;
    size_t n = 0;
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_case_branches(*state, "HS-B", NULL, &r, &n), TN_OK);
    for (size_t i = 0; i < n; i++)
        tn_test_put(&o, "%s %s %s %s", r[i].unit_code, r[i].province_code, r[i].note,
                    r[i].known_at);
    free(r);
    assert_int_equal(tn_store_case_branches(*state, "HS-B", "2025-12-01T23:59:59", &r, &n), TN_OK);
    assert_int_equal(n, 0);
    free(r);
    tn_test_check(&o, "A2 01 chi nhánh Hà Nội 2025-12-02T00:00:00\n", "case_branches");
}

static tn_err branch_link_line(void *ctx, const struct tn_case_branch_link *r)
{
    tn_test_put(ctx, "%s %s -> %s %s", r->case_id, r->unit_code, r->branch.unit_code,
                r->branch.province_code);
    return TN_OK;
}

void op_branch_links(void **state)
{
    branch(*state);
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_branch_links(*state, NULL, NULL, branch_link_line, &o), TN_OK);
    tn_test_check(&o, "HS-B B -> A2 01\n", "branch_links");
}

static tn_err bank_order_line(void *ctx, const struct tn_bank_order_row *r)
{
    tn_test_put(ctx, "%s %s %s #%ld %s first %s final %s [%s] %lld deducted %lld", r->channel,
                r->bank, r->case_id, r->no, D(r->ordered), D(r->first_reply), D(r->first_final),
                r->last_result, (long long)r->amount, (long long)r->deducted);
    return TN_OK;
}

void op_bank_orders(void **state)
{
    tn_test_registers(*state);
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_bank_orders(*state, NULL, NULL, bank_order_line, &o), TN_OK);
    tn_test_check(&o,
                  "bank Vietcombank HS-B #1 2025-11-02 first 2025-11-04 final 2025-11-04 [partial] "
                  "3000000 deducted 1000000\n",
                  "bank_orders");
}

static tn_err tip_line(void *ctx, const struct tn_tip_row *r)
{
    tn_test_put(ctx, "%s %s #%ld %s [%s] result %s %lld", r->case_id, r->unit_code, r->no,
                D(r->day), r->informant, D(r->result_day), (long long)r->recovered);
    return TN_OK;
}

void op_tips(void **state)
{
    tn_test_registers(*state);
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_tips(*state, NULL, NULL, tip_line, &o), TN_OK);
    tn_test_check(&o, "HS-B B #1 2025-11-05 [Người báo tin] result 2025-11-20 2000000\n", "tips");
}

void op_latest_closed(void **state)
{
    tn_period p = -1;
    assert_int_equal(tn_store_latest_closed(*state, "B", NULL, &p), TN_OK);
    assert_int_equal(p, TN_TEST_P(10));
    assert_int_equal(tn_store_latest_closed(*state, "B", "2025-12-01T02:30:00", &p), TN_OK);
    assert_int_equal(p, TN_TEST_P(8));
    assert_int_not_equal(tn_store_latest_closed(*state, "ZZ", NULL, &p), TN_OK);
}

/* ---- doc_store.h ---- */

static void ledger_text(struct tn_test_out *o, const struct tn_doc_ledger *l)
{
    tn_test_put(o, "found%d %s %s due %lld+%lld groups %lld/%lld/%lld oldest %s owed %d %s",
                l->found, P(l->period), l->known_at, (long long)l->principal_due,
                (long long)l->interest_due, (long long)l->due_bhyt, (long long)l->due_bhtn,
                (long long)l->due_bhxh, P(l->oldest_unpaid), l->months_owed_tenths,
                l->legal_status);
    for (size_t i = 0; i < l->nperiods; i++)
        tn_test_put(o, "  %s charge %lld int %lld paid %lld closing %lld unpaid %lld",
                    P(l->periods[i].period), (long long)l->periods[i].charge,
                    (long long)l->periods[i].interest, (long long)l->periods[i].paid,
                    (long long)l->periods[i].closing, (long long)l->periods[i].unpaid);
}

static const enum tn_group *order(void)
{
    const struct tn_allocation_rule *rule;
    assert_int_equal(tn_policy_allocation(&tn_test_pol, day(2025, 12, 1), &rule), TN_OK);
    return rule->order;
}

void op_doc_source(void **state)
{
    struct tn_doc_source src;
    tn_doc_source_init(&src);
    assert_int_equal(
        tn_store_doc_source(*state, "HS-B", AS_OF, AS_OF, day(2025, 12, 1), order(), &src), TN_OK);
    struct tn_test_out o = {0};
    tn_test_put(&o, "%s %s %s %s %s %s found%d replay_failed%d %s events %zu payments %zu",
                src.case_id, src.unit_code, src.unit_name, src.tax_code, src.unit_type,
                src.office_code, src.facts.unit_found, src.replay_failed,
                tn_case_state_name(src.c.state), src.nevents, src.facts.npayments);
    ledger_text(&o, &src.facts.ledger);
    tn_doc_source_release(&src);
    tn_test_check(
        &o,
        "HS-B B Hợp tác xã Bình Minh 0100000002 cooperative D02 found1 replay_failed0 mediated "
        "events 3 payments 1\n"
        "found1 2025-10 2025-12-01T04:00:00 due 1414400+18240 groups 39400/100000/1275000 oldest "
        "2025-10 owed 0 current\n"
        "  2025-07 charge 1600000 int 0 paid 0 closing 1600000 unpaid 0\n"
        "  2025-08 charge 1600000 int 0 paid 0 closing 3200000 unpaid 0\n"
        "  2025-09 charge 1600000 int 14400 paid 0 closing 4814400 unpaid 0\n"
        "  2025-10 charge 1600000 int 18240 paid 5000000 closing 1432640 unpaid 1414400\n",
        "doc_source");
}

void op_doc_ledger(void **state)
{
    struct tn_doc_ledger l;
    struct tn_doc_period *periods = NULL;
    struct tn_doc_interest *interest = NULL;
    memset(&l, 0, sizeof l);
    assert_int_equal(
        tn_store_doc_ledger(*state, "A", TN_TEST_P(9), AS_OF, order(), &l, &periods, &interest),
        TN_OK);
    struct tn_test_out o = {0};
    ledger_text(&o, &l);
    for (size_t i = 0; i < l.ninterest; i++)
        tn_test_put(&o, "  interest %s %s %s %s..%s %d %lld", P(interest[i].period),
                    interest[i].group, interest[i].rule, interest[i].from, interest[i].to,
                    interest[i].days, (long long)interest[i].amount);
    free(periods);
    free(interest);
    tn_test_check(&o,
                  "found1 2025-09 2025-12-01T03:00:00 due 11480000+28440 groups "
                  "1170000/520000/9790000 oldest 2025-07 owed 17 late\n"
                  "  2025-07 charge 4160000 int 0 paid 1000000 closing 3160000 unpaid 3160000\n"
                  "  2025-08 charge 4160000 int 0 paid 0 closing 7320000 unpaid 4160000\n"
                  "  2025-09 charge 4160000 int 28440 paid 0 closing 11508440 unpaid 4160000\n"
                  "  interest 2025-09 BHXH daily 2025-09-01..2025-09-30 30 28440\n",
                  "doc_ledger");
}

static struct tn_doc_pensioner pensioner(void)
{
    struct tn_doc_pensioner p;
    memset(&p, 0, sizeof p);
    p.found = 1;
    snprintf(p.name, sizeof p.name, "Lê Văn Ba");
    snprintf(p.bhxh_code, sizeof p.bhxh_code, "0000000003");
    p.pay_day = 10;
    snprintf(p.paid_at, sizeof p.paid_at, "Bưu điện quận 1");
    snprintf(p.note, sizeof p.note, "chủ hợp tác xã");
    return p;
}

void op_pensioner_record(void **state)
{
    struct tn_doc_pensioner p = pensioner(), got;
    assert_int_equal(tn_store_pensioner_record(*state, "HS-B", &p, "O2", "2025-12-02T00:00:00"),
                     TN_OK);
    assert_int_not_equal(tn_store_pensioner_record(*state, "HS-Z", &p, "O2", "2025-12-02T00:00:00"),
                         TN_OK);
    assert_int_equal(tn_store_pensioner(*state, "HS-B", NULL, &got), TN_OK);
    assert_int_equal(got.found, 1);
    assert_string_equal(got.name, "Lê Văn Ba");
}

void op_pensioner(void **state)
{
    struct tn_doc_pensioner p = pensioner(), got;
    assert_int_equal(tn_store_pensioner(*state, "HS-B", NULL, &got), TN_OK);
    assert_int_equal(got.found, 0);
    assert_int_equal(tn_store_pensioner_record(*state, "HS-B", &p, "O2", "2025-12-02T00:00:00"),
                     TN_OK);
    assert_int_equal(tn_store_pensioner(*state, "HS-B", NULL, &got), TN_OK);
    struct tn_test_out o = {0};
    tn_test_put(&o, "%d %s %s %d %s %s %s", got.found, got.name, got.bhxh_code, got.pay_day,
                got.paid_at, got.note, got.known_at);
    assert_int_equal(tn_store_pensioner(*state, "HS-B", "2025-12-01T23:59:59", &got), TN_OK);
    assert_int_equal(got.found, 0);
    tn_test_check(&o,
                  "1 Lê Văn Ba 0000000003 10 Bưu điện quận 1 chủ hợp tác xã 2025-12-02T00:00:00\n",
                  "pensioner");
}
