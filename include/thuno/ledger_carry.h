/*
 * ledger_carry.h - a replay's state at the end of a period, carried to the next close
 * (docs/ledger.md "Carried state"): what each charge period still owes per group, the credit,
 * the money applied and the interest charged so far, and a key over everything the replay read
 * to get there (policy, payment cycle, charges, payments). The next month's replay starts from
 * it instead of the ledger's first period when its inputs up to that period are the ones the
 * key was made of; otherwise (a back-dated declaration or payment, a reversal, an opening
 * balance or policy changed, an earmarked payment in the month) it replays in full. Either way
 * the result is the same.
 *
 * Invariants: out_principal and out_interest hold (period - start + 1) * TN_G_COUNT amounts,
 * charges (period - start + 1) periods;
 * npaid payments (in->payments[0..npaid)) were applied, all dated on or before period's last
 * day. The encoding is versioned; decode refuses any other version.
 */
#ifndef THUNO_LEDGER_CARRY_H
#define THUNO_LEDGER_CARRY_H

#include <stddef.h>
#include <stdint.h>

#include "thuno/err.h"
#include "thuno/ledger.h"

#define TN_LEDGER_CARRY_VERSION 2

struct tn_ledger_carry {
    tn_period start;  /* the replay's first period */
    tn_period period; /* the last period replayed (-1: empty) */
    size_t npaid;     /* payments applied */
    uint64_t key;     /* tn_ledger_carry_key of the inputs, through period */
    tn_money credit, paid_total;
    tn_money interest_total[TN_G_COUNT];
    tn_money *out_principal; /* [(R - start) * TN_G_COUNT + g], owned */
    tn_money *out_interest;
    /* the charge of each period start..period as the replay saw it (back-dated lines moved to
     * the months they concern, opening balances included), so that a close need not read the
     * earlier closes again */
    struct tn_ledger_charge *charges;
    size_t cap;
};

void tn_ledger_carry_init(struct tn_ledger_carry *c);
/* Frees what c owns; c is then as if just initialized. */
void tn_ledger_carry_release(struct tn_ledger_carry *c);

/* A 64-bit key over what a replay of in reads through period upto with payments
 * in->payments[0..npaid): the policy's digest (in->pol->digest), the payment cycle, the first
 * period, each charge (principal, opening interest, interest_from) and each payment (day,
 * amount, txn, whether earmarked). Not a security hash; equal inputs give equal keys. */
uint64_t tn_ledger_carry_key(const struct tn_ledger_input *in, tn_period upto, size_t npaid);

/* Takes into c (reusing its arrays) the state of r, the replay of in to in->period. */
void tn_ledger_carry_take(const struct tn_ledger_input *in, const struct tn_ledger_result *r,
                          struct tn_ledger_carry *c);

/* The fall-back decision: 1 when the replay of in may start from c (c ends the period before
 * in->period, with the same first period, the payments dated before in->period are the npaid
 * of c, none of the period's payments is earmarked, and the key of in's inputs through c's
 * period is c's); else 0, and the replay starts at the ledger's first period. */
int tn_ledger_carry_usable(const struct tn_ledger_carry *c, const struct tn_ledger_input *in);

/* Encodes c into *buf (grown with realloc; *cap its size), *n the bytes written: the version,
 * the header, the open entries (cell, principal, interest) of nonzero amounts, then the
 * charges of the periods that have one (period, a mask of the fields that follow, them). */
void tn_ledger_carry_encode(const struct tn_ledger_carry *c, unsigned char **buf, size_t *cap,
                            size_t *n);

/* Decodes buf[0..n) into c (reusing its arrays). Errors: TN_ERR_PARSE for a truncated buffer,
 * another version or an entry outside the periods; c is then empty (period -1). */
tn_err tn_ledger_carry_decode(const unsigned char *buf, size_t n, struct tn_ledger_carry *c);

#endif
