/*
 * test_close_unit.c - the close of one unit from plain rows (close_unit.h), without a store:
 * a plain month, a back-dated increase recognised as an adjustment and charged to the months
 * it concerns (interest and evasion from their deadlines), a reversed payment, a
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

/* The adjustment lines a previous close recorded, summed per for_period (the store's
 * assess_line rows of kind 'adjustment'), as a table. */
static const struct recorded_row *adj_rows;
static size_t nadj_rows;

static tn_err adjustments(void *ctx, const struct tn_close_prev *prev, tn_close_line_fn line,
                          void *lctx)
{
    (void)ctx;
    tn_err err = TN_OK;
    for (size_t i = 0; i < nadj_rows && !err; i++)
        if (adj_rows[i].close_id == prev->id)
            err = line(lctx, adj_rows[i].for_period, adj_rows[i].amount);
    return err;
}

/* A back-dated increase charged to the months it concerns (Law 41 Art 39, 40; rules.md §6-§7;
 * docs/ledger.md "Back-dated changes"). W1 at 10,000,000 from 2025-07; July, August and
 * September closed, each paid on the 20th of the next month (T7 08-20, T8 09-20, T9 10-20:
 * 3,200,000 each, before each deadline, the end of the next month). On 2025-10-10 a
 * declaration raises W1 to 12,000,000 from July: each of July..September owes 640,000 more
 * (BHYT 90,000, BHTN 40,000, BHXH 510,000), recognised in October.
 * Charged to July, the truy thu leaves 640,000 of July's BHXH unpaid by T7 and late from 09-01
 * (July's deadline 08-31): 640,000 x 0.03% x 19 days (09-01..09-19) = 3,648, charged to
 * September and so a correction in October. T8 pays it and leaves 1,280,000 of August's BHXH,
 * late from 10-01: 1,280,000 x 0.03% x 19 (10-01..10-19) = 7,296 in October. T9 pays it and
 * leaves 1,920,000 of September's BHXH (due 10-31). October: assessed 3,840,000, adjustment
 * 1,920,000, interest 7,296 + 3,648 = 10,944, paid 3,200,000; closing 3,200,000 + 3,840,000 +
 * 1,920,000 + 10,944 - 3,200,000 = 5,770,944. Charged to October, as before, it bore none. */
static void back_dated_increase_bears_interest_from_its_months_deadline(void **state)
{
    struct fx *f = *state;
    struct tn_close_decl d[2] = {w1_10m, w1_10m};
    d[0].from = d[1].from = fx_period(2025, 7);
    d[0].declared_on = fx_day(2025, 7, 1);
    d[1].salary = 12000000;
    d[1].declared_on = fx_day(2025, 10, 10);
    snprintf(d[1].known_at, sizeof d[1].known_at, "2025-10-10T08:00:00");
    struct tn_close_pay p[3] = {
        {"T7", "", "2025-08-21T08:00:00", "", fx_day(2025, 8, 20), 3200000},
        {"T8", "", "2025-09-21T08:00:00", "", fx_day(2025, 9, 20), 3200000},
        {"T9", "", "2025-10-21T08:00:00", "", fx_day(2025, 10, 20), 3200000},
    };
    struct tn_close_prev prev[4];
    memset(prev, 0, sizeof prev);
    for (int i = 0; i < 3; i++)
        prev[i] = (struct tn_close_prev){.id = i + 1,
                                         .period = fx_period(2025, 7 + i),
                                         .assessed = 3200000,
                                         .closing = 3200000,
                                         .charge = {450000, 200000, 2550000},
                                         .cum_paid = 3200000 * i};
    for (int i = 0; i < 3; i++) /* each closed on the 1st of the next month */
        snprintf(prev[i].known_at, sizeof prev[i].known_at, "2025-%02d-01T08:00:00", 8 + i);
    static const struct recorded_row rows[] = {
        {1, "W1", 2025 * 12 + 6, {800000, 1400000, 300000, 50000, 150000, 300000, 100000, 100000}},
        {2, "W1", 2025 * 12 + 7, {800000, 1400000, 300000, 50000, 150000, 300000, 100000, 100000}},
        {3, "W1", 2025 * 12 + 8, {800000, 1400000, 300000, 50000, 150000, 300000, 100000, 100000}},
    };
    f->rec = (struct recorded_table){rows, 3, 0};
    f->in.decls = d;
    f->in.ndecls = 2;
    f->in.pays = p;
    f->in.npays = 3;
    f->in.prev = prev;
    f->in.nprev = 3;
    f->in.prev_run_at = "2025-10-01T08:00:00";
    f->in.adjustments = adjustments;
    tn_period jul = fx_period(2025, 7), oct = fx_period(2025, 10), nov = fx_period(2025, 11);
    assert_int_equal(tn_close_unit(&f->pol, jul, oct, &f->in, &f->out, f->msg, sizeof f->msg),
                     TN_OK);
    const struct tn_close_unit_out *o = &f->out;
    assert_int_equal(o->nlines, 4); /* October, then July..September's differences */
    for (size_t i = 1; i < 4; i++) {
        assert_true(o->lines[i].adjustment);
        assert_int_equal(o->lines[i].for_period, jul + (tn_period)(i - 1));
        assert_int_equal(line_total(&o->lines[i]), 640000);
    }
    /* the balance recognises the adjustment in October, as before */
    assert_int_equal(o->bal.assessed, 3840000);
    assert_int_equal(o->bal.adjustment, 1920000);
    assert_int_equal(o->bal.charge[TN_G_BHXH], 3060000 + 3 * 510000);
    assert_int_equal(o->bal.correction[TN_G_BHXH], 3648);
    assert_int_equal(o->bal.interest, 10944);
    assert_int_equal(o->bal.paid, 3200000);
    assert_int_equal(o->bal.closing, 5770944);
    assert_int_equal(o->bal.principal_due, 1920000 + 3840000);
    assert_int_equal(o->bal.interest_due, 10944);
    /* October's own interest item: August's BHXH, from the day after its deadline */
    assert_int_equal(o->ninterest, 1);
    assert_int_equal(o->interest[0]->group, TN_G_BHXH);
    assert_int_equal(o->interest[0]->from, fx_day(2025, 10, 1));
    assert_int_equal(o->interest[0]->to, fx_day(2025, 10, 19));
    assert_int_equal(o->interest[0]->days, 19);
    assert_int_equal(o->interest[0]->principal, 1280000);
    assert_int_equal(o->interest[0]->rate, 300);
    assert_int_equal(o->interest[0]->amount, 7296);
    /* September's 1,920,000 is due on 10-31: late, not yet evading; 0.5 month owed */
    assert_int_equal(o->bal.aging.status, TN_LS_LATE);
    assert_int_equal(o->bal.aging.months_owed_tenths, 5);
    assert_int_equal(o->bal.aging.oldest_unpaid, fx_period(2025, 9));
    /* the debt (docs/ledger.md "Debt"): September's 1,920,000, its truy thu with it, is past
     * its deadline 10-31 (charged to October, the truy thu would not be due until 11-30);
     * October's 3,840,000 is not yet due */
    struct tn_debt debt;
    assert_int_equal(o->bal.aging.overdue, 1920000);
    tn_aging_debt(o->bal.aging.overdue, o->bal.principal_due, o->bal.interest_due, &debt);
    assert_int_equal(debt.total, 1920000 + 10944);
    assert_int_equal(debt.not_due, 3840000);

    /* November, with October's close recorded (its adjustment lines read back by for_period):
     * September's 1,920,000 late all month, 576 a day x 30 = 17,280; its 510,000 of truy
     * thu is an under-declared base unpaid since 11-01: evading (Art 39) 30 days after
     * September's deadline, where a contribution as declared would wait 60. Months owed:
     * September 0.5 + October (due 11-30) 1 = 1.5. Closing 5,770,944 + 3,840,000 + 17,280. */
    prev[3] = (struct tn_close_prev){.id = 4,
                                     .period = oct,
                                     .assessed = 3840000,
                                     .closing = 5770944,
                                     .charge = {540000 + 270000, 240000 + 120000, 4590000},
                                     .cum_interest = {0, 0, 10944},
                                     .cum_paid = 9600000,
                                     .adjusted = 1,
                                     .known_at = "2025-11-01T08:00:00"};
    static const struct recorded_row adj[] = {
        {4, "", 2025 * 12 + 6, {160000, 280000, 60000, 10000, 30000, 60000, 20000, 20000}},
        {4, "", 2025 * 12 + 7, {160000, 280000, 60000, 10000, 30000, 60000, 20000, 20000}},
        {4, "", 2025 * 12 + 8, {160000, 280000, 60000, 10000, 30000, 60000, 20000, 20000}},
    };
    adj_rows = adj;
    nadj_rows = 3;
    f->in.nprev = 4;
    f->in.prev_run_at = "2025-11-01T08:00:00";
    assert_int_equal(tn_close_unit(&f->pol, jul, nov, &f->in, &f->out, f->msg, sizeof f->msg),
                     TN_OK);
    assert_int_equal(o->nlines, 1);
    assert_int_equal(o->bal.correction[TN_G_BHXH], 0);
    assert_int_equal(o->bal.interest, 17280);
    assert_int_equal(o->bal.closing, 5770944 + 3840000 + 17280);
    assert_int_equal(o->bal.aging.status, TN_LS_EVADING);
    /* past due: September 1,920,000 and October 3,840,000; November's is not yet due */
    assert_int_equal(o->bal.aging.overdue, 1920000 + 3840000);
    assert_int_equal(o->bal.aging.evasion_days, 30);
    assert_int_equal(o->bal.aging.months_owed_tenths, 15);
    adj_rows = NULL;
    nadj_rows = 0;
}

/* Opening balances (docs/ledger.md "Opening balances"): the office starts the ledger in
 * 2025-07; at the cut-over, 2025-06-30, U1 owed March's BHXH 2,000,000 with 50,000 of interest
 * to that day, and May's BHYT 300,000 (opening_balances.csv). W1 at 10,000,000 from 2025-07.
 * July, the ledger's first close: opening 2,000,000 + 50,000 + 300,000 = 2,350,000; no Law 58
 * interest for June (the opening interest runs to 06-30); from 07-01, 0.03% a day: March's
 * BHXH 600 a day x 31 = 18,600, May's BHYT 90 x 31 = 2,790: 21,390. Closing 2,350,000 +
 * 3,200,000 + 21,390 = 5,571,390. Past their deadlines: March and May wholly: 2.0 months; the
 * 60 days of a Law 58 debt run from 2025-06-30: late on 07-31 (31 days). */
static void opening_balances_are_unpaid_charges_of_their_periods(void **state)
{
    struct fx *f = *state;
    struct tn_close_decl d = w1_10m;
    d.from = fx_period(2025, 7);
    d.declared_on = fx_day(2025, 7, 1);
    struct tn_close_opening ob[] = {
        {fx_period(2025, 3), TN_G_BHXH, 2000000, 50000, fx_day(2025, 6, 30)},
        {fx_period(2025, 5), TN_G_BHYT, 300000, 0, fx_day(2025, 6, 30)},
    };
    f->in.decls = &d;
    f->in.ndecls = 1;
    f->in.opening = ob;
    f->in.nopening = 2;
    tn_period jul = fx_period(2025, 7), aug = fx_period(2025, 8);
    assert_int_equal(tn_close_unit(&f->pol, jul, jul, &f->in, &f->out, f->msg, sizeof f->msg),
                     TN_OK);
    const struct tn_close_unit_out *o = &f->out;
    assert_int_equal(o->replay_start, fx_period(2025, 3));
    assert_int_equal(o->bal.opening, 2350000);
    assert_int_equal(o->bal.assessed, 3200000);
    assert_int_equal(o->bal.interest, 21390);
    assert_int_equal(o->bal.closing, 5571390);
    assert_int_equal(o->bal.principal_due, 5500000);
    assert_int_equal(o->bal.interest_due, 50000 + 21390);
    assert_int_equal(o->ninterest, 2); /* BHYT and BHXH, 07-01..07-31 */
    for (size_t i = 0; i < o->ninterest; i++) {
        assert_int_equal(o->interest[i]->from, fx_day(2025, 7, 1));
        assert_int_equal(o->interest[i]->days, 31);
        assert_false(o->interest[i]->missing_rate);
    }
    assert_int_equal(o->bal.aging.months_owed_tenths, 20);
    assert_int_equal(o->bal.aging.oldest_unpaid, fx_period(2025, 3));
    assert_int_equal(o->bal.aging.status, TN_LS_LATE);
    assert_int_equal(o->bal.aging.evasion_days, 31);
    /* the debt (docs/ledger.md "Debt"): the opening balances' periods precede the ledger and
     * their deadlines have passed: 2,300,000 and all the interest; July's own is not yet due */
    struct tn_debt debt;
    assert_int_equal(o->bal.aging.overdue, 2300000);
    tn_aging_debt(o->bal.aging.overdue, o->bal.principal_due, o->bal.interest_due, &debt);
    assert_int_equal(debt.total, 2300000 + 50000 + 21390);
    assert_int_equal(debt.not_due, 3200000);
    /* the unpaid principal per period, as the store records it (unpaid_line) */
    assert_int_equal(o->replay.out_principal[0 * TN_G_COUNT + TN_G_BHXH], 2000000);
    assert_int_equal(o->replay.out_principal[2 * TN_G_COUNT + TN_G_BHYT], 300000);

    /* August: 1,000,000 paid on 08-10 goes to March's BHXH (oldest first, principal first).
     * Interest 08-01..08-09: 600 x 9 + 90 x 9 = 6,210; 08-10..08-31 (22 days): March's
     * 1,000,000 left, 300 x 22 = 6,600, May 90 x 22 = 1,980: 14,790 in all. Closing 5,571,390 +
     * 3,200,000 + 14,790 - 1,000,000 = 7,786,180. March's 1,000,000 is 62 days on the clock:
     * evading; months owed March 0.5 + May 1 + July (due 08-31) 1 = 2.5. */
    struct tn_close_pay p = {"T8", "", "2025-08-11T08:00:00", "", fx_day(2025, 8, 10), 1000000};
    struct tn_close_prev prev = {.id = 1,
                                 .period = jul,
                                 .assessed = 3200000,
                                 .closing = 5571390,
                                 .charge = {450000, 200000, 2550000},
                                 .cum_interest = {2790, 0, 18600},
                                 .known_at = "2025-08-01T08:00:00"};
    f->in.pays = &p;
    f->in.npays = 1;
    f->in.prev = &prev;
    f->in.nprev = 1;
    f->in.prev_run_at = "2025-08-01T08:00:00";
    assert_int_equal(tn_close_unit(&f->pol, jul, aug, &f->in, &f->out, f->msg, sizeof f->msg),
                     TN_OK);
    assert_int_equal(o->bal.opening, 5571390);
    assert_int_equal(o->bal.interest, 14790);
    assert_int_equal(o->bal.paid, 1000000);
    assert_int_equal(o->bal.closing, 7786180);
    assert_int_equal(o->bal.interest_due, 50000 + 21390 + 14790);
    assert_int_equal(o->nalloc, 1);
    assert_int_equal(o->alloc[0].target, fx_period(2025, 3));
    assert_int_equal(o->alloc[0].group, TN_G_BHXH);
    assert_int_equal(o->bal.aging.status, TN_LS_EVADING);
    assert_int_equal(o->bal.aging.evasion_days, 62);
    assert_int_equal(o->bal.aging.months_owed_tenths, 25);
    /* past due: March 1,000,000, May 300,000, July 3,200,000 (08-31); August's is not */
    assert_int_equal(o->bal.aging.overdue, 4500000);
    tn_aging_debt(o->bal.aging.overdue, o->bal.principal_due, o->bal.interest_due, &debt);
    assert_int_equal(debt.not_due, 3200000);

    /* an opening balance is what was owed before the ledger: not for its first period */
    ob[1].period = jul;
    assert_int_equal(tn_close_unit(&f->pol, jul, aug, &f->in, &f->out, f->msg, sizeof f->msg),
                     TN_ERR_STATE);
    assert_non_null(strstr(f->msg, "opening balance for 2025-07 is not before"));
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
        cmocka_unit_test_setup_teardown(back_dated_increase_bears_interest_from_its_months_deadline,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(opening_balances_are_unpaid_charges_of_their_periods, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(reversed_payment_pays_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(earmarked_payment_settles_its_worker, setup, teardown),
        cmocka_unit_test_setup_teardown(payment_known_late_is_recognised_now, setup, teardown),
        cmocka_unit_test_setup_teardown(missing_policy_is_an_error, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
