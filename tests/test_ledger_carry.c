/*
 * test_ledger_carry.c - the state a replay carries to the next close (ledger_carry.h): its
 * encoding round trip and refusals, the fall-back decision per kind of change, and that a
 * replay started from a carried state gives the full replay's result, month after month.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "ledger_fixture.h"
#include "thuno/ledger.h"
#include "thuno/ledger_carry.h"

/* A unit owing since 2025-03 across the change of law (2025-07), paying late and partly. */
static void history(struct scenario *s)
{
    memset(s->charges, 0, sizeof s->charges);
    s->in.npayments = 0;
    s->in.start = fx_period(2025, 3);
    for (int m = 3; m <= 12; m++)
        s->charges[fx_period(2025, m) - s->in.start].principal[TN_G_BHXH] = 1000000 + m * 1000;
    s->charges[fx_period(2025, 4) - s->in.start].principal[TN_G_BHYT] = 300000;
    s->charges[fx_period(2025, 9) - s->in.start].principal[TN_G_BHTN] = -50000; /* a refund */
    static const struct {
        int m, d;
        tn_money amount;
    } paid[] = {{4, 20, 900000},  {6, 2, 2500000},    {8, 15, 700000},
                {10, 3, 3000000}, {11, 28, 10000000}, {12, 10, 500000}};
    for (size_t i = 0; i < sizeof paid / sizeof paid[0]; i++)
        s->payments[s->in.npayments++] = (struct tn_ledger_payment){
            fx_day(2025, paid[i].m, paid[i].d), paid[i].amount, "T", NULL};
}

/* The payments dated by the end of period among s's (all of them are sorted by day). */
static size_t paid_by(const struct scenario *s, tn_period period)
{
    size_t n = 0;
    while (n < s->in.npayments && s->payments[n].paid_on <= tn_period_last_day(period))
        n++;
    return n;
}

/* Replays s to period in full into full, and from carry into r; both must agree on every
 * amount and on the period's interest items and allocations. */
static void same_as_full(struct scenario *s, const struct tn_ledger_carry *carry, int resumed)
{
    struct tn_ledger_input in = s->in;
    in.npayments = paid_by(s, in.period);
    in.carry = NULL;
    struct tn_ledger_result full;
    tn_ledger_result_init(&full);
    assert_int_equal(tn_ledger_replay(&in, &full), TN_OK);
    in.carry = carry;
    assert_int_equal(tn_ledger_replay(&in, &s->r), TN_OK);
    assert_int_equal(s->r.resumed, resumed);
    size_t n = full.nperiods * TN_G_COUNT;
    assert_int_equal(s->r.nperiods, full.nperiods);
    assert_memory_equal(s->r.out_principal, full.out_principal, n * sizeof(tn_money));
    assert_memory_equal(s->r.out_interest, full.out_interest, n * sizeof(tn_money));
    assert_memory_equal(s->r.interest_total, full.interest_total, sizeof full.interest_total);
    assert_memory_equal(s->r.interest_before, full.interest_before, sizeof full.interest_before);
    assert_int_equal(s->r.paid_total, full.paid_total);
    assert_int_equal(s->r.credit, full.credit);
    assert_int_equal(s->r.principal_due, full.principal_due);
    assert_int_equal(s->r.interest_due, full.interest_due);
    size_t j = 0;
    for (size_t i = 0; i < full.ninterest; i++) {
        if (full.interest[i].charge_period != in.period)
            continue;
        while (j < s->r.ninterest && s->r.interest[j].charge_period != in.period)
            j++;
        assert_true(j < s->r.ninterest);
        assert_memory_equal(&s->r.interest[j++], &full.interest[i], sizeof full.interest[i]);
    }
    j = 0;
    for (size_t i = 0; i < full.nalloc; i++) {
        if (tn_day_period(full.alloc[i].on) != in.period)
            continue;
        while (j < s->r.nalloc && tn_day_period(s->r.alloc[j].on) != in.period)
            j++;
        assert_true(j < s->r.nalloc);
        assert_memory_equal(&s->r.alloc[j++], &full.alloc[i], sizeof full.alloc[i]);
    }
    tn_ledger_result_release(&full);
}

/* Replays s in full to period into r and takes its state into c. */
static void carry_to(struct scenario *s, tn_period period, struct tn_ledger_carry *c)
{
    struct tn_ledger_input in = s->in;
    in.period = period;
    in.npayments = paid_by(s, period);
    in.carry = NULL;
    assert_int_equal(tn_ledger_replay(&in, &s->r), TN_OK);
    tn_ledger_carry_take(&in, &s->r, c);
}

static void carried_replay_equals_full_month_after_month(void **state)
{
    struct scenario *s = *state;
    history(s);
    struct tn_ledger_carry c;
    tn_ledger_carry_init(&c);
    /* each month from the state of the month before, which is itself a carried replay's;
     * encoded and decoded in between, as the store keeps it */
    carry_to(s, s->in.start, &c);
    unsigned char *buf = NULL;
    size_t cap = 0, n;
    for (tn_period p = s->in.start + 1; p <= fx_period(2025, 12); p++) {
        tn_ledger_carry_encode(&c, &buf, &cap, &n);
        assert_int_equal(tn_ledger_carry_decode(buf, n, &c), TN_OK);
        s->in.period = p;
        same_as_full(s, &c, 1);
        struct tn_ledger_input in = s->in;
        in.npayments = paid_by(s, p);
        tn_ledger_carry_take(&in, &s->r, &c);
    }
    free(buf);
    tn_ledger_carry_release(&c);
}

/* The fall-back decision: what a change since the state was carried does to it. */
enum change {
    NONE,
    BACKDATED_CHARGE,
    OPENING_INTEREST,
    OPENING_FROM,
    LATE_STATEMENT,
    REVERSED_EARLIER,
    EARMARKED_NOW,
    EARMARKED_EARLIER,
    OTHER_POLICY,
    OTHER_CYCLE,
    STATE_TOO_OLD,
    OTHER_START,
    NEW_PAYMENT_NOW,
    NEW_CHARGE_NOW,
};

static const struct {
    enum change change;
    int usable;
} fallback_cases[] = {
    {NONE, 1},
    {BACKDATED_CHARGE, 0},  /* a declaration for an earlier month (truy thu / thoái thu) */
    {OPENING_INTEREST, 0},  /* an opening balance changed */
    {OPENING_FROM, 0},      /* its cut-over day changed */
    {LATE_STATEMENT, 0},    /* money dated in a closed month, known after its close */
    {REVERSED_EARLIER, 0},  /* an earlier payment reversed */
    {EARMARKED_NOW, 0},     /* the month's money earmarked: the earmark left is not carried */
    {EARMARKED_EARLIER, 0}, /* a payment applied before became earmarked */
    {OTHER_POLICY, 0},      /* policy/ changed */
    {OTHER_CYCLE, 0},       /* the unit pays quarterly now: other deadlines */
    {STATE_TOO_OLD, 0},     /* the state of two months before */
    {OTHER_START, 0},       /* an opening balance moved the ledger's first period */
    {NEW_PAYMENT_NOW, 1},   /* the month's own rows are what the replay goes on with */
    {NEW_CHARGE_NOW, 1},
};

static void fallback_decision(void **state)
{
    struct scenario *s = *state;
    for (size_t i = 0; i < sizeof fallback_cases / sizeof fallback_cases[0]; i++) {
        history(s);
        tn_period p = fx_period(2025, 11);
        struct tn_ledger_carry c;
        tn_ledger_carry_init(&c);
        carry_to(s, p - 1, &c);
        tn_money ear[64 * TN_G_COUNT] = {0};
        ear[TN_G_BHXH] = 100000;
        uint64_t digest = s->pol.digest;
        s->in.period = p;
        switch (fallback_cases[i].change) {
        case NONE:
            break;
        case BACKDATED_CHARGE:
            s->charges[fx_period(2025, 5) - s->in.start].principal[TN_G_BHXH] += 200000;
            break;
        case OPENING_INTEREST:
            s->charges[0].interest[TN_G_BHXH] += 1;
            break;
        case OPENING_FROM:
            s->charges[0].interest_from = fx_day(2025, 3, 15);
            break;
        case LATE_STATEMENT:
            /* dated 2025-09-30, inserted in day order */
            memmove(&s->payments[4], &s->payments[3], 3 * sizeof s->payments[0]);
            s->payments[3] = (struct tn_ledger_payment){fx_day(2025, 9, 30), 123, "L", NULL};
            s->in.npayments++;
            break;
        case REVERSED_EARLIER:
            memmove(&s->payments[1], &s->payments[2], 4 * sizeof s->payments[0]);
            s->in.npayments--;
            break;
        case EARMARKED_NOW:
            s->payments[4].earmark = ear;
            break;
        case EARMARKED_EARLIER:
            s->payments[1].earmark = ear;
            break;
        case OTHER_POLICY:
            s->pol.digest ^= 1;
            break;
        case OTHER_CYCLE:
            s->in.unit.payment_cycle = 3;
            break;
        case STATE_TOO_OLD:
            s->in.period = p + 1;
            break;
        case OTHER_START:
            memmove(&s->charges[1], &s->charges[0], 20 * sizeof s->charges[0]);
            memset(&s->charges[0], 0, sizeof s->charges[0]);
            s->in.start--;
            break;
        case NEW_PAYMENT_NOW:
            s->payments[4].amount += 777;
            break;
        case NEW_CHARGE_NOW:
            s->charges[p - s->in.start].principal[TN_G_BHYT] += 4321;
            break;
        }
        struct tn_ledger_input in = s->in;
        in.npayments = paid_by(s, in.period);
        if (tn_ledger_carry_usable(&c, &in) != fallback_cases[i].usable)
            fail_msg("case %zu: usable should be %d", i, fallback_cases[i].usable);
        /* either way the replay gives the full replay's result */
        same_as_full(s, &c, fallback_cases[i].usable);
        s->pol.digest = digest;
        s->in.unit.payment_cycle = 1;
        tn_ledger_carry_release(&c);
    }
}

static void encoding_round_trip_and_refusals(void **state)
{
    (void)state;
    tn_money op[4 * TN_G_COUNT] = {0}, oi[4 * TN_G_COUNT] = {0};
    op[0] = 5;
    op[5] = -7;
    oi[5] = 9;
    oi[11] = INT64_MAX;
    struct tn_ledger_charge ch[4];
    memset(ch, 0, sizeof ch);
    ch[1].principal[TN_G_BHXH] = 100;
    ch[1].back[TN_G_BHXH] = 50;
    ch[3].interest_from = 20000;
    struct tn_ledger_carry c = {.start = 24300,
                                .period = 24303,
                                .npaid = 12,
                                .key = 0xfedcba9876543210ULL,
                                .credit = 42,
                                .paid_total = 1000000,
                                .interest_total = {1, -2, 3},
                                .out_principal = op,
                                .out_interest = oi,
                                .charges = ch};
    unsigned char *buf = NULL;
    size_t cap = 0, n;
    tn_ledger_carry_encode(&c, &buf, &cap, &n);
    /* the header, three open cells, then two charges: (period, mask, principal, back) and
     * (period, mask, interest_from) */
    assert_int_equal(n, 11 * 8 + 3 * 24 + 4 * 8 + 3 * 8);
    struct tn_ledger_carry d;
    tn_ledger_carry_init(&d);
    assert_int_equal(tn_ledger_carry_decode(buf, n, &d), TN_OK);
    assert_int_equal(d.start, c.start);
    assert_int_equal(d.period, c.period);
    assert_int_equal(d.npaid, c.npaid);
    assert_true(d.key == c.key);
    assert_int_equal(d.credit, 42);
    assert_int_equal(d.paid_total, 1000000);
    assert_memory_equal(d.interest_total, c.interest_total, sizeof c.interest_total);
    assert_memory_equal(d.out_principal, op, sizeof op);
    assert_memory_equal(d.out_interest, oi, sizeof oi);
    for (int i = 0; i < 4; i++) {
        assert_memory_equal(d.charges[i].principal, ch[i].principal, sizeof ch[i].principal);
        assert_memory_equal(d.charges[i].back, ch[i].back, sizeof ch[i].back);
        assert_memory_equal(d.charges[i].interest, ch[i].interest, sizeof ch[i].interest);
        assert_int_equal(d.charges[i].interest_from, ch[i].interest_from);
    }
    /* refusals: each leaves an empty state, which no replay can use */
    const struct {
        size_t at; /* byte changed, or SIZE_MAX: length changed */
        unsigned char to;
        long dn; /* bytes added or taken off the end */
    } bad[] = {
        {0, 99, 0},           /* another version */
        {SIZE_MAX, 0, -1},    /* truncated */
        {SIZE_MAX, 0, -8},    /* a charge's field missing */
        {SIZE_MAX, 0, -64},   /* an open cell cut */
        {SIZE_MAX, 0, 8},     /* trailing bytes */
        {11 * 8, 200, 0},     /* an entry outside the periods */
        {2 * 8 + 7, 0x80, 0}, /* period before start */
        {0, 0, -(long)n},     /* empty */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        unsigned char copy[512] = {0};
        memcpy(copy, buf, n);
        if (bad[i].at != SIZE_MAX)
            copy[bad[i].at] = bad[i].to;
        size_t len = (size_t)((long)n + bad[i].dn);
        if (tn_ledger_carry_decode(copy, len, &d) != TN_ERR_PARSE)
            fail_msg("bad case %zu decoded", i);
        assert_int_equal(d.period, -1);
    }
    /* an empty state encodes to its header */
    struct tn_ledger_carry e;
    tn_ledger_carry_init(&e);
    tn_ledger_carry_encode(&e, &buf, &cap, &n);
    assert_int_equal(n, 11 * 8);
    free(buf);
    tn_ledger_carry_release(&d);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(carried_replay_equals_full_month_after_month),
        T(fallback_decision),
        T(encoding_round_trip_and_refusals),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
