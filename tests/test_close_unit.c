/*
 * test_close_unit.c - the close of one unit from plain rows (close_unit.h), without a store:
 * a plain month, a back-dated increase recognised as an adjustment, a reversed payment, a
 * payment earmarked for one worker, a payment known late, a re-run that changes nothing, and
 * a missing policy. Policy: tests/policy_fixture.h (rules.md figures; 2024 is the Law 58 era,
 * contributions due by the month's last day; the total rate is 32%: BHXH 8 + 14 + 3 + 0.5,
 * BHYT 1.5 + 3, BHTN 1 + 1).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>

#include "policy_fixture.h"
#include "thuno/close_unit.h"

/* A worker's components at 10,000,000 đồng: 32% in all (policy_fixture.h). */
static const tn_money at10m[TN_C_COUNT] = {800000, 1400000, 300000, 50000,
                                           150000, 300000,  100000, 100000};

/* The lines previous closes recorded: the store's assess_line rows, as a table. */
struct recorded_row {
    long long close_id;
    const char *bhxh;
    tn_period for_period;
    tn_money amount[TN_C_COUNT];
};

struct recorded_table {
    const struct recorded_row *rows;
    size_t n;
    int calls;
};

static tn_err recorded(void *ctx, const struct tn_close_prev *prev, const char *bhxh,
                       tn_close_line_fn line, void *lctx)
{
    struct recorded_table *t = ctx;
    t->calls++;
    tn_err err = TN_OK;
    for (size_t i = 0; i < t->n && !err; i++)
        if (t->rows[i].close_id == prev->id && strcmp(t->rows[i].bhxh, bhxh) == 0)
            err = line(lctx, t->rows[i].for_period, t->rows[i].amount);
    return err;
}

struct fx {
    struct tn_policy pol;
    struct tn_close_unit_in in;
    struct tn_close_unit_out out;
    struct recorded_table rec;
    char msg[256];
};

static int setup(void **state)
{
    struct fx *f = tn_xcalloc(1, sizeof *f);
    fx_policy(&f->pol);
    f->in.code = "U1";
    f->in.facts = (struct tn_unit_facts){TN_UT_PRIVATE, 1, 1, fx_day(2020, 1, 1)};
    f->in.prev_run_at = "";
    f->in.recorded = recorded;
    f->in.ctx = &f->rec;
    tn_close_unit_out_init(&f->out);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fx *f = *state;
    tn_close_unit_out_release(&f->out);
    tn_policy_release(&f->pol);
    free(f);
    return 0;
}

static tn_money line_total(const struct tn_close_line *l)
{
    tn_money t = 0;
    for (int k = 0; k < TN_C_COUNT; k++)
        t += l->amount[k];
    return t;
}

/* Sum of the recognised allocations to group g (principal and interest). */
static tn_money alloc_to(const struct tn_close_unit_out *out, enum tn_group g)
{
    tn_money t = 0;
    for (size_t i = 0; i < out->nalloc; i++)
        if (out->alloc[i].group == g)
            t += out->alloc[i].amount;
    return t;
}

/* W1 at 10,000,000 from 2024-01, filed on 2024-01-05 (declared_on set by each test) */
static const struct tn_close_decl w1_10m = {
    "W1", 2024 * 12, 0, 10000000, TN_FUND_ALL, 0, "2024-01-05T08:00:00"};

static void plain_month_assessed_and_paid(void **state)
{
    struct fx *f = *state;
    struct tn_close_decl d = w1_10m;
    d.declared_on = fx_day(2024, 1, 5);
    struct tn_close_pay p = {"T1", "", "2024-03-21T08:00:00", "", fx_day(2024, 3, 20), 3200000};
    f->in.decls = &d;
    f->in.ndecls = 1;
    f->in.pays = &p;
    f->in.npays = 1;
    tn_period m = fx_period(2024, 3);
    assert_int_equal(tn_close_unit(&f->pol, m, m, &f->in, &f->out, f->msg, sizeof f->msg), TN_OK);
    const struct tn_close_unit_out *o = &f->out;
    assert_int_equal(o->nlines, 1);
    assert_false(o->lines[0].adjustment);
    assert_int_equal(o->lines[0].for_period, m);
    assert_memory_equal(o->lines[0].amount, at10m, sizeof at10m);
    assert_int_equal(o->bal.workers, 1);
    assert_int_equal(o->bal.opening, 0);
    assert_int_equal(o->bal.assessed, 3200000);
    assert_int_equal(o->bal.adjustment, 0);
    assert_int_equal(o->bal.interest, 0);
    assert_int_equal(o->bal.paid, 3200000);
    assert_int_equal(o->bal.closing, 0);
    assert_int_equal(o->bal.principal_due + o->bal.interest_due, o->bal.closing);
    /* the payment by policy order (Decision 60/2015 Art 6): BHYT 4.5%, BHTN 2%, BHXH 25.5% */
    assert_int_equal(alloc_to(o, TN_G_BHYT), 450000);
    assert_int_equal(alloc_to(o, TN_G_BHTN), 200000);
    assert_int_equal(alloc_to(o, TN_G_BHXH), 2550000);
    assert_string_equal(o->alloc[0].txn, "T1");
    assert_int_equal(o->alloc[0].paid_on, fx_day(2024, 3, 20));
    assert_true(o->changed);
    assert_int_equal(strlen(o->digest), 16);

    /* the same close re-run with this result known: nothing changed, nothing to write */
    struct tn_close_prev same = {.id = 9, .period = m, .assessed = 3200000, .cum_paid = 3200000};
    memcpy(same.digest, o->digest, sizeof same.digest);
    f->in.prev = &same;
    f->in.nprev = 1;
    char digest[17];
    memcpy(digest, o->digest, sizeof digest);
    assert_int_equal(tn_close_unit(&f->pol, m, m, &f->in, &f->out, f->msg, sizeof f->msg), TN_OK);
    assert_string_equal(o->digest, digest);
    assert_false(o->changed);
}

/* January and February closed at 10,000,000 and paid on time; a declaration filed on
 * 2024-03-10 raises W1 to 12,000,000 from February: March's close assesses March at 12M and
 * recognises February's difference, 2M x 32% = 640,000, as an adjustment (truy thu). */
static void back_dated_increase_is_an_adjustment(void **state)
{
    struct fx *f = *state;
    struct tn_close_decl d[2] = {w1_10m, w1_10m};
    d[0].declared_on = fx_day(2024, 1, 5);
    d[1].from = fx_period(2024, 2);
    d[1].salary = 12000000;
    d[1].declared_on = fx_day(2024, 3, 10);
    snprintf(d[1].known_at, sizeof d[1].known_at, "2024-03-10T08:00:00");
    struct tn_close_pay p[2] = {
        {"T1", "", "2024-01-21T08:00:00", "", fx_day(2024, 1, 20), 3200000},
        {"T2", "", "2024-02-21T08:00:00", "", fx_day(2024, 2, 20), 3200000},
    };
    struct tn_close_prev prev[2] = {
        {.id = 1,
         .period = fx_period(2024, 1),
         .assessed = 3200000,
         .charge = {450000, 200000, 2550000},
         .cum_paid = 3200000,
         .known_at = "2024-02-01T08:00:00"},
        {.id = 2,
         .period = fx_period(2024, 2),
         .assessed = 3200000,
         .charge = {450000, 200000, 2550000},
         .cum_paid = 6400000,
         .known_at = "2024-03-01T08:00:00"},
    };
    static const struct recorded_row rows[] = {
        {1, "W1", 2024 * 12 + 0, {800000, 1400000, 300000, 50000, 150000, 300000, 100000, 100000}},
        {2, "W1", 2024 * 12 + 1, {800000, 1400000, 300000, 50000, 150000, 300000, 100000, 100000}},
    };
    f->rec = (struct recorded_table){rows, 2, 0};
    f->in.decls = d;
    f->in.ndecls = 2;
    f->in.pays = p;
    f->in.npays = 2;
    f->in.prev = prev;
    f->in.nprev = 2;
    f->in.prev_run_at = "2024-03-01T08:00:00";
    assert_int_equal(tn_close_unit(&f->pol, fx_period(2024, 1), fx_period(2024, 3), &f->in, &f->out,
                                   f->msg, sizeof f->msg),
                     TN_OK);
    const struct tn_close_unit_out *o = &f->out;
    assert_int_equal(o->nlines, 2);
    assert_false(o->lines[0].adjustment);
    assert_int_equal(line_total(&o->lines[0]), 3840000); /* 12M x 32% */
    assert_true(o->lines[1].adjustment);
    assert_int_equal(o->lines[1].for_period, fx_period(2024, 2));
    static const tn_money diff[TN_C_COUNT] = {160000, 280000, 60000, 10000,
                                              30000,  60000,  20000, 20000};
    assert_memory_equal(o->lines[1].amount, diff, sizeof diff);
    assert_true(f->rec.calls > 0); /* the recorded lines were read for the fresh worker */
    assert_int_equal(o->bal.opening, 0);
    assert_int_equal(o->bal.assessed, 3840000);
    assert_int_equal(o->bal.adjustment, 640000);
    assert_int_equal(o->bal.paid, 0);
    assert_int_equal(o->bal.closing, 4480000);
    assert_int_equal(o->bal.principal_due, 4480000);
    assert_int_equal(o->bal.interest_due, 0);
    assert_int_equal(o->nalloc, 0);
}

/* A payment and its reversal are both dropped: nothing is paid. */
static void reversed_payment_pays_nothing(void **state)
{
    struct fx *f = *state;
    struct tn_close_decl d = w1_10m;
    d.declared_on = fx_day(2024, 1, 5);
    struct tn_close_pay p[2] = {
        {"T1", "", "2024-03-21T08:00:00", "", fx_day(2024, 3, 20), 3200000},
        {"R1", "T1", "2024-03-23T08:00:00", "", fx_day(2024, 3, 22), -3200000},
    };
    f->in.decls = &d;
    f->in.ndecls = 1;
    f->in.pays = p;
    f->in.npays = 2;
    tn_period m = fx_period(2024, 3);
    assert_int_equal(tn_close_unit(&f->pol, m, m, &f->in, &f->out, f->msg, sizeof f->msg), TN_OK);
    assert_int_equal(f->out.bal.assessed, 3200000);
    assert_int_equal(f->out.bal.paid, 0);
    assert_int_equal(f->out.bal.closing, 3200000);
    assert_int_equal(f->out.nalloc, 0);
}

/* W1 at 10M and W2 at 5M; 1,600,000 earmarked for W2 settles W2's own 32% first (Decision
 * 60/2015/QĐ-TTg Art 6): BHYT 225,000, BHTN 100,000, BHXH 1,275,000, where the unit's order
 * alone would give BHYT 675,000, BHTN 300,000 and BHXH 625,000. */
static void earmarked_payment_settles_its_worker(void **state)
{
    struct fx *f = *state;
    struct tn_close_decl d[2] = {w1_10m, w1_10m};
    d[0].declared_on = d[1].declared_on = fx_day(2024, 1, 5);
    snprintf(d[1].bhxh, sizeof d[1].bhxh, "W2");
    d[1].salary = 5000000;
    struct tn_close_pay p = {"E1", "", "2024-03-21T08:00:00", "W2", fx_day(2024, 3, 20), 1600000};
    f->in.decls = d;
    f->in.ndecls = 2;
    f->in.pays = &p;
    f->in.npays = 1;
    tn_period m = fx_period(2024, 3);
    assert_int_equal(tn_close_unit(&f->pol, m, m, &f->in, &f->out, f->msg, sizeof f->msg), TN_OK);
    const struct tn_close_unit_out *o = &f->out;
    assert_int_equal(o->bal.assessed, 4800000);
    assert_int_equal(o->bal.paid, 1600000);
    assert_int_equal(o->bal.closing, 3200000);
    assert_int_equal(alloc_to(o, TN_G_BHYT), 225000);
    assert_int_equal(alloc_to(o, TN_G_BHTN), 100000);
    assert_int_equal(alloc_to(o, TN_G_BHXH), 1275000);
}

/* February was closed unpaid; a payment dated 2024-02-28 (on time) reaches the store only
 * after that close: March's close recognises it, its money in March's paid and its
 * allocation to February in March's allocations. */
static void payment_known_late_is_recognised_now(void **state)
{
    struct fx *f = *state;
    struct tn_close_decl d = w1_10m;
    d.declared_on = fx_day(2024, 1, 5);
    struct tn_close_pay p = {"T2", "", "2024-03-05T08:00:00", "", fx_day(2024, 2, 28), 3200000};
    struct tn_close_prev prev = {.id = 1,
                                 .period = fx_period(2024, 2),
                                 .assessed = 3200000,
                                 .closing = 3200000,
                                 .charge = {450000, 200000, 2550000},
                                 .known_at = "2024-03-01T08:00:00"};
    f->in.decls = &d;
    f->in.ndecls = 1;
    f->in.pays = &p;
    f->in.npays = 1;
    f->in.prev = &prev;
    f->in.nprev = 1;
    f->in.prev_run_at = "2024-03-01T08:00:00";
    assert_int_equal(tn_close_unit(&f->pol, fx_period(2024, 2), fx_period(2024, 3), &f->in, &f->out,
                                   f->msg, sizeof f->msg),
                     TN_OK);
    const struct tn_close_unit_out *o = &f->out;
    assert_int_equal(o->bal.opening, 3200000);
    assert_int_equal(o->bal.assessed, 3200000);
    assert_int_equal(o->bal.paid, 3200000);
    assert_int_equal(o->bal.interest, 0); /* paid by February's deadline */
    assert_int_equal(o->bal.closing, 3200000);
    assert_int_equal(o->bal.principal_due, 3200000);
    tn_money by_t2 = 0;
    for (size_t i = 0; i < o->nalloc; i++) {
        assert_string_equal(o->alloc[i].txn, "T2");
        assert_int_equal(o->alloc[i].target, fx_period(2024, 2));
        by_t2 += o->alloc[i].amount;
    }
    assert_int_equal(by_t2, 3200000);

    /* known before February's close, the same payment was that close's: not March's */
    snprintf(p.known_at, sizeof p.known_at, "2024-02-29T08:00:00");
    prev.closing = 0;
    prev.cum_paid = 3200000;
    assert_int_equal(tn_close_unit(&f->pol, fx_period(2024, 2), fx_period(2024, 3), &f->in, &f->out,
                                   f->msg, sizeof f->msg),
                     TN_OK);
    assert_int_equal(o->bal.paid, 0);
    assert_int_equal(o->nalloc, 0);
}

static void missing_policy_is_an_error(void **state)
{
    struct fx *f = *state;
    struct tn_policy empty;
    tn_policy_init(&empty);
    struct tn_close_decl d = w1_10m;
    d.declared_on = fx_day(2024, 1, 5);
    f->in.decls = &d;
    f->in.ndecls = 1;
    tn_period m = fx_period(2024, 3);
    assert_int_equal(tn_close_unit(&empty, m, m, &f->in, &f->out, f->msg, sizeof f->msg),
                     TN_ERR_NO_POLICY);
    assert_non_null(strstr(f->msg, "unit U1, period 2024-03"));
    tn_policy_release(&empty);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(plain_month_assessed_and_paid, setup, teardown),
        cmocka_unit_test_setup_teardown(back_dated_increase_is_an_adjustment, setup, teardown),
        cmocka_unit_test_setup_teardown(reversed_payment_pays_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(earmarked_payment_settles_its_worker, setup, teardown),
        cmocka_unit_test_setup_teardown(payment_known_late_is_recognised_now, setup, teardown),
        cmocka_unit_test_setup_teardown(missing_policy_is_an_error, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
