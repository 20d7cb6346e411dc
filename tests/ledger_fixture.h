/*
 * ledger_fixture.h - the scenario the ledger's and aging's tests replay (test_ledger.c,
 * test_aging.c): the hand-built policy of policy_fixture.h, a private unit paying monthly in
 * region 1, and room for its charges and payments. setup/teardown are cmocka's.
 */
#ifndef THUNO_TEST_LEDGER_FIXTURE_H
#define THUNO_TEST_LEDGER_FIXTURE_H

#include "policy_fixture.h"
#include "thuno/ledger.h"

struct scenario {
    struct tn_policy pol;
    struct tn_ledger_charge charges[64];
    struct tn_ledger_payment payments[16];
    struct tn_ledger_input in;
    struct tn_ledger_result r;
};

static int setup(void **state)
{
    struct scenario *s = tn_xcalloc(1, sizeof *s);
    fx_policy(&s->pol);
    s->in.pol = &s->pol;
    s->in.unit =
        (struct tn_unit_facts){.type = TN_UT_PRIVATE, .wage_region = 1, .payment_cycle = 1};
    s->in.charges = s->charges;
    s->in.payments = s->payments;
    tn_ledger_result_init(&s->r);
    *state = s;
    return 0;
}

static int teardown(void **state)
{
    struct scenario *s = *state;
    tn_ledger_result_release(&s->r);
    tn_policy_release(&s->pol);
    free(s);
    return 0;
}

#endif
