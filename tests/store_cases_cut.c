/*
 * store_cases_cut.c - conformance cases (test_store.c) of the office cut as an argument of each
 * call (office.h; issue 11 item 6): every operation that takes `office` runs without a cut and
 * with each district office of the fixture (D01: units A and C; D02: A2 and B), and the rows
 * under a cut are exactly the uncut rows of that office's units; two calls with different
 * offices on one store handle, one inside the other's walk, each see only their own units.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "store_cases.h"

static tn_err day(int y, int m, int d, tn_day *out)
{
    return tn_day_make(y, m, d, out);
}

/* ---- one line per row: the row's unit ("-" when it has none) or, for rows that group
 * units, the group and its count ---- */

#define UNIT_ROW(fn, type, expr)                                                                   \
    static tn_err fn(void *ctx, const type *r)                                                     \
    {                                                                                              \
        const char *u = (expr);                                                                    \
        tn_test_put(ctx, "%s", u[0] ? u : "-");                                                    \
        return TN_OK;                                                                              \
    }

UNIT_ROW(balance_u, struct tn_balance_row, r->unit_code)
UNIT_ROW(finding_u, struct tn_finding_row, r->unit_code)
UNIT_ROW(suspense_u, struct tn_suspense_row, r->unit_code)
UNIT_ROW(crossing_u, struct tn_crossing_row, r->unit_code)
UNIT_ROW(debtor_u, struct tn_debtor_row, r->unit_code)
UNIT_ROW(non_participant_u, struct tn_non_participant_row, r->unit_code)
UNIT_ROW(list_u, struct tn_list_unit, r->unit_code)
UNIT_ROW(unit_u, struct tn_unit_entry, r->unit_code)
UNIT_ROW(branch_u, struct tn_branch_row, r->u.unit_code)
UNIT_ROW(praise_u, struct tn_praise_row, r->u.unit_code)
UNIT_ROW(letter_u, struct tn_letter_unit, r->unit_code)
UNIT_ROW(case_u, struct tn_case_row, r->unit_code)
UNIT_ROW(escalation_u, struct tn_escalation_row, r->unit_code)
UNIT_ROW(branch_link_u, struct tn_case_branch_link, r->unit_code)
UNIT_ROW(tip_u, struct tn_tip_row, r->unit_code)
UNIT_ROW(inspection_u, struct tn_inspection_row, r->unit_code)
UNIT_ROW(facts_u, struct tn_inspection_facts, r->unit_code)
UNIT_ROW(assignment_u, struct tn_assignment_row, r->unit_code)
UNIT_ROW(worklist_u, struct tn_worklist_row, r->unit_code)
UNIT_ROW(book_u, struct tn_book_row, r->unit_code)
UNIT_ROW(assess_u, struct tn_assess_unit, r->code)

static tn_err public_u(void *ctx, const struct tn_list_unit *u, const char *reason)
{
    (void)reason;
    return list_u(ctx, u);
}

static tn_err reminder_u(void *ctx, const struct tn_reminder_row *r,
                         const struct tn_balance_row *latest)
{
    (void)latest;
    tn_test_put(ctx, "%s", r->unit_code);
    return TN_OK;
}

static tn_err kpi_g(void *ctx, const struct tn_kpi_row *r)
{
    tn_test_put(ctx, "%s %lld", r->key, r->units);
    return TN_OK;
}

static tn_err coop_g(void *ctx, const struct tn_coop_row *r)
{
    tn_test_put(ctx, "%s %lld %lld", r->office_code, r->active, r->suspended_units);
    return TN_OK;
}

static tn_err litigation_g(void *ctx, const struct tn_litigation_row *r)
{
    tn_test_put(ctx, "%s %lld", r->key, r->units_sued);
    return TN_OK;
}

static tn_err bank_order_g(void *ctx, const struct tn_bank_order_row *r)
{
    tn_test_put(ctx, "%s %ld", r->case_id, r->no);
    return TN_OK;
}

static tn_err labour_g(void *ctx, const struct tn_labour_row *r)
{
    tn_test_put(ctx, "%s %s %ld", r->office_code, r->type, r->units);
    return TN_OK;
}

static tn_err plan_g(void *ctx, const struct tn_plan_row *r)
{
    tn_test_put(ctx, "%s %s %lld", r->scope, r->key, r->units);
    return TN_OK;
}

static tn_err bucket_g(void *ctx, const struct tn_bucket_move *r)
{
    tn_test_put(ctx, "%s %lld %lld", r->bucket, r->units_prev, r->units);
    return TN_OK;
}

static tn_err event_g(void *ctx, const struct tn_event_count *r)
{
    tn_test_put(ctx, "%s %lld %lld", r->event, r->events, r->units);
    return TN_OK;
}

/* ---- the operations that take the cut, each run for office into o ---- */

#define S   struct tn_store *s, const char *office, struct tn_test_out *o
#define P10 TN_TEST_P(10)

static tn_err run_balances(S)
{
    return tn_store_balances(s, office, P10, NULL, balance_u, o);
}
static tn_err run_findings(S)
{
    return tn_store_findings(s, office, P10, NULL, finding_u, o);
}
static tn_err run_suspense(S)
{
    return tn_store_suspense(s, office, P10, NULL, suspense_u, o);
}
static tn_err run_crossings(S)
{
    tn_err err = TN_OK;
    for (int m = 8; m <= 10 && !err; m++)
        err = tn_store_crossings(s, office, TN_TEST_P(m), NULL, 10, crossing_u, o);
    return err;
}
static tn_err run_kpi(S)
{
    tn_err err = TN_OK;
    for (int by = TN_KPI_OFFICER; by <= TN_KPI_DEPARTMENT && !err; by++)
        err = tn_store_kpi(s, office, P10, NULL, (enum tn_kpi_by)by, kpi_g, o);
    return err;
}
static tn_err run_debtors(S)
{
    return tn_store_debtors(s, office, P10, NULL, debtor_u, o);
}
static tn_err run_award_eligible(S)
{
    return tn_store_award_eligible(s, office, P10, NULL, debtor_u, o);
}
static tn_err run_non_participants(S)
{
    return tn_store_non_participants(s, office, P10, NULL, 1, 101, non_participant_u, o);
}
static tn_err run_explain(S)
{
    static const char *const units[] = {"A", "A2", "B", "C"};
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        struct tn_explain e;
        tn_explain_init(&e);
        tn_err err = tn_store_explain(s, office, units[i], P10, NULL, &e);
        tn_explain_release(&e);
        if (!err)
            tn_test_put(o, "%s", units[i]);
        else if (err != TN_ERR_NOT_FOUND)
            return err;
    }
    return TN_OK;
}
static tn_err run_unit_balance(S)
{
    static const char *const units[] = {"A", "A2", "B", "C"};
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        struct tn_balance_row r;
        tn_err err = tn_store_unit_balance(s, office, units[i], P10, NULL, &r);
        if (!err)
            tn_test_put(o, "%s", r.unit_code);
        else if (err != TN_ERR_NOT_FOUND)
            return err;
    }
    return TN_OK;
}
static tn_err run_units(S)
{
    struct tn_unit_filter f = {0};
    return tn_store_units(s, office, P10, NULL, "2025-10-31", &f, unit_u, o);
}
static tn_err run_list_units(S)
{
    struct tn_list_filter f = {NULL, 0, 0};
    return tn_store_list_units(s, office, P10, NULL, &f, list_u, o);
}
static tn_err run_branches(S)
{
    return tn_store_branches(s, office, P10, NULL, branch_u, o);
}
static tn_err run_cooperatives(S)
{
    return tn_store_cooperatives(s, office, P10, NULL, coop_g, o);
}
static tn_err run_praise(S)
{
    return tn_store_praise(s, office, P10, NULL, praise_u, o);
}
static tn_err run_public_name(S)
{
    return tn_store_public_name(s, office, P10, NULL, 1, public_u, o);
}
static tn_err run_letter_units(S)
{
    struct tn_letter_filter f = {NULL};
    return tn_store_letter_units(s, office, P10, NULL, &f, letter_u, o);
}
static tn_err run_reminders(S)
{
    return tn_store_reminders(s, office, NULL, NULL, reminder_u, o);
}
static tn_err run_litigation(S)
{
    tn_day from, to;
    day(2024, 1, 1, &from);
    day(2025, 12, 31, &to);
    tn_err err = tn_store_litigation(s, office, from, to, NULL, TN_LIT_OFFICE, litigation_g, o);
    return err ? err : tn_store_litigation(s, office, from, to, NULL, TN_LIT_TYPE, litigation_g, o);
}
static tn_err run_cases(S)
{
    return tn_store_cases(s, office, &tn_test_pol, NULL, -1, case_u, o);
}
static tn_err run_escalation(S)
{
    return tn_store_escalation(s, office, &tn_test_pol, P10, NULL, escalation_u, o);
}
static tn_err run_branch_links(S)
{
    return tn_store_branch_links(s, office, NULL, branch_link_u, o);
}
static tn_err run_bank_orders(S)
{
    return tn_store_bank_orders(s, office, NULL, bank_order_g, o);
}
static tn_err run_tips(S)
{
    return tn_store_tips(s, office, NULL, tip_u, o);
}
static tn_err run_inspections(S)
{
    tn_day d;
    day(2025, 11, 30, &d);
    return tn_store_inspections(s, office, d, NULL, inspection_u, o);
}
static tn_err run_unit_facts(S)
{
    return tn_store_unit_facts(s, office, P10, NULL, facts_u, o);
}
static tn_err run_labour(S)
{
    return tn_store_labour(s, office, P10, NULL, labour_g, o);
}
static tn_err run_assignments(S)
{
    return tn_store_assignments(s, office, NULL, assignment_u, o);
}
static tn_err run_worklist(S)
{
    return tn_store_worklist(s, office, P10, NULL, NULL, worklist_u, o);
}
static tn_err run_plan_kpi(S)
{
    return tn_store_plan_kpi(s, office, P10, NULL, plan_g, o);
}
static tn_err run_bucket_moves(S)
{
    return tn_store_bucket_moves(s, office, P10, NULL, bucket_g, o);
}
static tn_err run_new_debtors(S)
{
    return tn_store_new_debtors(s, office, P10, NULL, worklist_u, o);
}
static tn_err run_event_counts(S)
{
    tn_err err = TN_OK;
    for (int m = 1; m <= 12 && !err; m++)
        err = tn_store_event_counts(s, office, TN_TEST_P(m), NULL, event_g, o);
    return err;
}
static tn_err run_books(S)
{
    return tn_store_books(s, office, P10, NULL, book_u, o);
}
static tn_err run_assess_units(S)
{
    return tn_store_assess_units(s, office, P10, assess_u, o);
}

#undef S

/* by: what a line holds. UNIT: a unit code ("-": none), checked against the unit's office;
 * GROUP: a group of units, whose lines under a cut are checked by hand below. */
enum by { UNIT, GROUP };

static const struct cut_op {
    const char *name;
    enum by by;
    tn_err (*run)(struct tn_store *s, const char *office, struct tn_test_out *o);
} cut_ops[] = {
#define OP(name, by)                                                                               \
    {                                                                                              \
#name, by, run_##name                                                                      \
    }
    OP(balances, UNIT),       OP(findings, UNIT),
    OP(suspense, UNIT),       OP(crossings, UNIT),
    OP(kpi, GROUP),           OP(debtors, UNIT),
    OP(award_eligible, UNIT), OP(non_participants, UNIT),
    OP(explain, UNIT),        OP(list_units, UNIT),
    OP(branches, UNIT),       OP(cooperatives, GROUP),
    OP(praise, UNIT),         OP(public_name, UNIT),
    OP(letter_units, UNIT),   OP(reminders, UNIT),
    OP(litigation, GROUP),    OP(cases, UNIT),
    OP(escalation, UNIT),     OP(branch_links, UNIT),
    OP(bank_orders, GROUP),   OP(tips, UNIT),
    OP(inspections, UNIT),    OP(unit_facts, UNIT),
    OP(labour, GROUP),        OP(assignments, UNIT),
    OP(worklist, UNIT),       OP(plan_kpi, GROUP),
    OP(bucket_moves, GROUP),  OP(new_debtors, UNIT),
    OP(event_counts, GROUP),  OP(books, UNIT),
    OP(unit_balance, UNIT),   OP(units, UNIT),
    OP(assess_units, UNIT),
#undef OP
};

/* The uncut lines of o whose unit is of office (as known now): what the cut must give. */
static void keep_office(struct tn_store *s, const struct tn_test_out *all, const char *office,
                        struct tn_test_out *want)
{
    char buf[sizeof all->text];
    snprintf(buf, sizeof buf, "%s", all->text);
    for (char *line = buf, *nl; line && *line; line = nl) {
        nl = strchr(line, '\n');
        if (nl)
            *nl++ = '\0';
        char own[TN_OFFICE_BUFSZ];
        if (strcmp(line, "-") != 0 && tn_store_unit_office(s, line, NULL, own) == TN_OK &&
            strcmp(own, office) == 0)
            tn_test_put(want, "%s", line);
    }
}

/* Every operation with a cut: without it and under D01 and D02; the rows under a cut are the
 * uncut rows of the office's units (rows with no unit only without a cut), and the cut leaves
 * something out of each operation that has rows of both offices. */
static void reminder_for(struct tn_store *s, int seq, const char *unit)
{
    struct tn_reminder_row r;
    memset(&r, 0, sizeof r);
    r.year = 2025;
    r.seq = seq;
    snprintf(r.letter_no, sizeof r.letter_no, "%d/TB-BHXH", seq);
    snprintf(r.unit_code, sizeof r.unit_code, "%s", unit);
    r.period = TN_TEST_P(10);
    day(2025, 11, 5, &r.sent_on);
    r.overdue_through = -1;
    r.oldest_deadline = -1;
    assert_int_equal(tn_store_reminder_add(s, &r, TN_TEST_NOW), TN_OK);
}

void tn_test_cut_every_operation(void **state)
{
    struct tn_store *s = *state;
    reminder_for(s, 1, "A");
    reminder_for(s, 2, "B");
    tn_test_registers(s); /* case HS-B of unit B: a bank order, a tip */
    char why[256] = "";
    assert_int_equal(tn_store_case_branch_add(s, "HS-B", "A2", "01", "chi nhánh Hà Nội",
                                              "2025-12-02T00:00:00", why, sizeof why),
                     TN_OK);
    static const char *const offices[] = {"D01", "D02"};
    struct tn_test_out shown = {0};
    for (size_t i = 0; i < sizeof cut_ops / sizeof cut_ops[0]; i++) {
        const struct cut_op *op = &cut_ops[i];
        struct tn_test_out all = {0}, empty = {0};
        assert_int_equal(op->run(s, NULL, &all), TN_OK);
        assert_int_equal(op->run(s, "", &empty), TN_OK); /* "" is no cut too */
        assert_string_equal(empty.text, all.text);
        int cut_something = 0;
        if (op->by == GROUP) {
            tn_test_put(&shown, "%s, every unit:", op->name);
            assert_true(shown.len + all.len < sizeof shown.text);
            memcpy(shown.text + shown.len, all.text, all.len + 1);
            shown.len += all.len;
        }
        for (size_t k = 0; k < 2; k++) {
            struct tn_test_out got = {0}, want = {0};
            assert_int_equal(op->run(s, offices[k], &got), TN_OK);
            cut_something |= strcmp(got.text, all.text) != 0;
            if (op->by == UNIT) {
                keep_office(s, &all, offices[k], &want);
                if (strcmp(got.text, want.text) != 0)
                    print_error("%s under %s:\n%s\nwanted:\n%s\n", op->name, offices[k], got.text,
                                want.text);
                assert_string_equal(got.text, want.text);
            } else {
                tn_test_put(&shown, "%s %s:", op->name, offices[k]);
                assert_true(shown.len + got.len < sizeof shown.text);
                memcpy(shown.text + shown.len, got.text, got.len + 1);
                shown.len += got.len;
            }
        }
        if (all.text[0] && !cut_something)
            print_error("%s: the cut left every row of\n%s\n", op->name, all.text);
        assert_true(!all.text[0] || cut_something);
    }
    /* the groups without a cut and under each office, checked by hand against the fixture
     * (D01: A and C; D02: A2 and B, and case HS-B of B): every group is the office's units
     * alone, and D01's and D02's counts add up to every unit's */
    tn_test_check(&shown,
                  "kpi, every unit:\n"
                  "O1 1\n"
                  "O2 3\n"
                  "D01 2\n"
                  "D02 2\n"
                  "cooperative 1\n"
                  "private 2\n"
                  "state 1\n"
                  "KTTN 3\n"
                  "QLT 1\n"
                  "kpi D01:\n"
                  "O1 1\n"
                  "O2 1\n"
                  "D01 2\n"
                  "private 1\n"
                  "state 1\n"
                  "KTTN 1\n"
                  "QLT 1\n"
                  "kpi D02:\n"
                  "O2 2\n"
                  "D02 2\n"
                  "cooperative 1\n"
                  "private 1\n"
                  "KTTN 2\n"
                  "cooperatives, every unit:\n"
                  "D02 0 0\n"
                  "cooperatives D01:\n"
                  "cooperatives D02:\n"
                  "D02 0 0\n"
                  "litigation, every unit:\n"
                  "D02 1\n"
                  "total 1\n"
                  "cooperative 1\n"
                  "total 1\n"
                  "litigation D01:\n"
                  "total 0\n"
                  "total 0\n"
                  "litigation D02:\n"
                  "D02 1\n"
                  "total 1\n"
                  "cooperative 1\n"
                  "total 1\n"
                  "bank_orders, every unit:\n"
                  "HS-B 1\n"
                  "bank_orders D01:\n"
                  "bank_orders D02:\n"
                  "HS-B 1\n"
                  "labour, every unit:\n"
                  "D01 private 1\n"
                  "D01 state 1\n"
                  "D02 cooperative 1\n"
                  "D02 private 1\n"
                  "labour D01:\n"
                  "D01 private 1\n"
                  "D01 state 1\n"
                  "labour D02:\n"
                  "D02 cooperative 1\n"
                  "D02 private 1\n"
                  "plan_kpi, every unit:\n"
                  "province 79 4\n"
                  "department KTTN 3\n"
                  "department QLT 1\n"
                  "office D01 2\n"
                  "office D02 2\n"
                  "type cooperative 1\n"
                  "type private 2\n"
                  "type state 1\n"
                  "officer O1 1\n"
                  "officer O2 3\n"
                  "plan_kpi D01:\n"
                  "province 79 2\n"
                  "department KTTN 1\n"
                  "department QLT 1\n"
                  "office D01 2\n"
                  "type private 1\n"
                  "type state 1\n"
                  "officer O1 1\n"
                  "officer O2 1\n"
                  "plan_kpi D02:\n"
                  "province 79 2\n"
                  "department KTTN 2\n"
                  "office D02 2\n"
                  "type cooperative 1\n"
                  "type private 1\n"
                  "officer O2 2\n"
                  "bucket_moves, every unit:\n"
                  "0 2 3\n"
                  "1-3 2 1\n"
                  "3-6 0 0\n"
                  "6-12 0 0\n"
                  "12+ 0 0\n"
                  "bucket_moves D01:\n"
                  "0 1 1\n"
                  "1-3 1 1\n"
                  "3-6 0 0\n"
                  "6-12 0 0\n"
                  "12+ 0 0\n"
                  "bucket_moves D02:\n"
                  "0 1 2\n"
                  "1-3 1 0\n"
                  "3-6 0 0\n"
                  "6-12 0 0\n"
                  "12+ 0 0\n"
                  "event_counts, every unit:\n"
                  "reminder_sent 1 1\n"
                  "lawsuit_filed 1 1\n"
                  "mediation_settled 1 1\n"
                  "event_counts D01:\n"
                  "event_counts D02:\n"
                  "reminder_sent 1 1\n"
                  "lawsuit_filed 1 1\n"
                  "mediation_settled 1 1\n",
                  "cut groups");
}

static tn_err officer_u(void *ctx, const struct tn_worklist_row *r)
{
    tn_test_put(ctx, "%s %s", r->officer_code, r->unit_code);
    return TN_OK;
}

/* The officer cut is an argument too (tn_store_worklist's officer), beside the office's. */
void tn_test_cut_by_officer(void **state)
{
    struct tn_store *s = *state;
    const char *const office[] = {NULL, NULL, NULL, "D01", "D02", "D02"};
    const char *const officer[] = {NULL, "O1", "O2", "O2", "O2", "O1"};
    struct tn_test_out o = {0};
    for (size_t i = 0; i < sizeof office / sizeof office[0]; i++) {
        tn_test_put(&o, "%s %s:", office[i] ? office[i] : "-", officer[i] ? officer[i] : "-");
        assert_int_equal(tn_store_worklist(s, office[i], P10, NULL, officer[i], officer_u, &o),
                         TN_OK);
    }
    /* in debt at October's end: A (D01, officer O1) and B (D02, O2); C (D01, assigned to O2
     * from 2025-10-01) owes nothing */
    tn_test_check(&o,
                  "- -:\nO1 A\nO2 B\n- O1:\nO1 A\n- O2:\nO2 B\nD01 O2:\nD02 O2:\nO2 B\nD02 O1:\n",
                  "worklist by office and officer");
}

/* ---- one handle, two offices, one call inside the other's walk ---- */

struct nested {
    struct tn_store *s;
    struct tn_test_out outer, inner;
    int calls;
};

static tn_err outer_row(void *ctx, const struct tn_balance_row *r)
{
    struct nested *n = ctx;
    tn_test_put(&n->outer, "%s", r->unit_code);
    /* a second request served on the same handle while the first is mid-walk */
    if (n->calls++ == 0)
        return tn_store_balances(n->s, "D02", P10, NULL, balance_u, &n->inner);
    return TN_OK;
}

void tn_test_cut_two_calls_one_handle(void **state)
{
    struct tn_store *s = *state;
    struct nested n = {.s = s};
    assert_int_equal(tn_store_balances(s, "D01", P10, NULL, outer_row, &n), TN_OK);
    assert_string_equal(n.outer.text, "A\nC\n");
    assert_string_equal(n.inner.text, "A2\nB\n");
    /* one after the other, alternating: neither call leaves its office behind */
    const char *const seq[] = {"D02", "D01", NULL, "D02"};
    const char *const want[] = {"A2\nB\n", "A\nC\n", "A\nA2\nB\nC\n", "A2\nB\n"};
    for (size_t i = 0; i < 4; i++) {
        struct tn_test_out o = {0};
        assert_int_equal(tn_store_balances(s, seq[i], P10, NULL, balance_u, &o), TN_OK);
        assert_string_equal(o.text, want[i]);
    }
}
