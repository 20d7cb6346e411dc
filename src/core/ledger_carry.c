/*
 * ledger_carry.c - the replay's state carried from one close to the next (ledger_carry.h;
 * design: docs/ledger.md "Carried state"): the key over the replay's inputs, the fall-back
 * decision, and the versioned encoding the store keeps per unit and period.
 */
#include "thuno/ledger_carry.h"

#include <stdlib.h>
#include <string.h>

#include "thuno/mem.h"

void tn_ledger_carry_init(struct tn_ledger_carry *c)
{
    memset(c, 0, sizeof *c);
    c->period = -1;
}

void tn_ledger_carry_release(struct tn_ledger_carry *c)
{
    free(c->out_principal);
    free(c->out_interest);
    free(c->charges);
    tn_ledger_carry_init(c);
}

/* The word mix of close_unit.c's digest: stable on one platform, compared only with keys this
 * code made. */
static void mix(uint64_t *h, uint64_t v)
{
    *h = (*h ^ v) * 1099511628211ULL;
    *h ^= *h >> 29;
}

uint64_t tn_ledger_carry_key(const struct tn_ledger_input *in, tn_period upto, size_t npaid)
{
    uint64_t h = 14695981039346656037ULL;
    mix(&h, in->pol->digest);
    mix(&h, (uint64_t)in->unit.payment_cycle);
    mix(&h, (uint64_t)in->start);
    mix(&h, (uint64_t)upto);
    for (tn_period R = in->start; R <= upto; R++) {
        const struct tn_ledger_charge *c = &in->charges[R - in->start];
        for (int g = 0; g < TN_G_COUNT; g++) {
            mix(&h, (uint64_t)c->principal[g]);
            mix(&h, (uint64_t)c->interest[g]);
        }
        mix(&h, (uint64_t)c->interest_from);
    }
    mix(&h, (uint64_t)npaid);
    for (size_t j = 0; j < npaid; j++) {
        const struct tn_ledger_payment *p = &in->payments[j];
        mix(&h, (uint64_t)p->paid_on);
        mix(&h, (uint64_t)p->amount);
        mix(&h, p->earmark != NULL);
        for (const char *t = p->txn_id ? p->txn_id : ""; *t; t++)
            mix(&h, (unsigned char)*t);
        mix(&h, 0x100);
    }
    return h;
}

static void carry_grow(struct tn_ledger_carry *c, size_t n)
{
    if (n <= c->cap)
        return;
    c->out_principal = tn_xrealloc(c->out_principal, n, sizeof *c->out_principal);
    c->out_interest = tn_xrealloc(c->out_interest, n, sizeof *c->out_interest);
    c->charges = tn_xrealloc(c->charges, n / TN_G_COUNT, sizeof *c->charges);
    c->cap = n;
}

void tn_ledger_carry_take(const struct tn_ledger_input *in, const struct tn_ledger_result *r,
                          struct tn_ledger_carry *c)
{
    size_t n = r->nperiods * TN_G_COUNT;
    carry_grow(c, n);
    memcpy(c->out_principal, r->out_principal, n * sizeof *c->out_principal);
    memcpy(c->out_interest, r->out_interest, n * sizeof *c->out_interest);
    memcpy(c->charges, in->charges, r->nperiods * sizeof *c->charges);
    c->start = in->start;
    c->period = in->period;
    c->npaid = in->npayments;
    c->key = tn_ledger_carry_key(in, in->period, in->npayments);
    c->credit = r->credit;
    c->paid_total = r->paid_total;
    memcpy(c->interest_total, r->interest_total, sizeof c->interest_total);
}

int tn_ledger_carry_usable(const struct tn_ledger_carry *c, const struct tn_ledger_input *in)
{
    if (c->period < 0 || c->start != in->start || c->period != in->period - 1 ||
        c->period < c->start)
        return 0;
    tn_day first = tn_period_first_day(in->period);
    size_t npaid = 0;
    while (npaid < in->npayments && in->payments[npaid].paid_on < first)
        npaid++;
    if (npaid != c->npaid)
        return 0; /* a payment dated in a closed month came, or went (a reversal) */
    for (size_t j = npaid; j < in->npayments; j++)
        if (in->payments[j].earmark)
            return 0; /* the worker's earmark left by earlier payments is not carried */
    return tn_ledger_carry_key(in, c->period, npaid) == c->key;
}

/* Little-endian 8-byte words. */
static void put(unsigned char **buf, size_t *cap, size_t *n, uint64_t v)
{
    TN_GROW(*buf, *cap, *n + 8);
    for (int i = 0; i < 8; i++)
        (*buf)[(*n)++] = (unsigned char)(v >> (8 * i));
}

static int get(const unsigned char *buf, size_t n, size_t *at, uint64_t *v)
{
    if (*at > n || n - *at < 8)
        return 0;
    uint64_t x = 0;
    for (int i = 0; i < 8; i++)
        x |= (uint64_t)buf[*at + (size_t)i] << (8 * i);
    *at += 8;
    *v = x;
    return 1;
}

/* A charge's fields in the encoding's order: principal, back, interest per group, then
 * interest_from. */
#define CHARGE_FIELDS (3 * TN_G_COUNT + 1)

static void charge_fields(const struct tn_ledger_charge *ch, uint64_t f[CHARGE_FIELDS])
{
    for (int g = 0; g < TN_G_COUNT; g++) {
        f[g] = (uint64_t)ch->principal[g];
        f[TN_G_COUNT + g] = (uint64_t)ch->back[g];
        f[2 * TN_G_COUNT + g] = (uint64_t)ch->interest[g];
    }
    f[3 * TN_G_COUNT] = (uint64_t)(int64_t)ch->interest_from;
}

void tn_ledger_carry_encode(const struct tn_ledger_carry *c, unsigned char **buf, size_t *cap,
                            size_t *n)
{
    *n = 0;
    size_t cells = c->period >= c->start ? (size_t)(c->period - c->start + 1) * TN_G_COUNT : 0;
    size_t open = 0;
    for (size_t i = 0; i < cells; i++)
        open += c->out_principal[i] != 0 || c->out_interest[i] != 0;
    uint64_t head[] = {TN_LEDGER_CARRY_VERSION,
                       (uint64_t)c->start,
                       (uint64_t)c->period,
                       (uint64_t)c->npaid,
                       c->key,
                       (uint64_t)c->credit,
                       (uint64_t)c->paid_total,
                       (uint64_t)c->interest_total[0],
                       (uint64_t)c->interest_total[1],
                       (uint64_t)c->interest_total[2],
                       (uint64_t)open};
    for (size_t i = 0; i < sizeof head / sizeof head[0]; i++)
        put(buf, cap, n, head[i]);
    for (size_t i = 0; i < cells; i++) {
        if (c->out_principal[i] == 0 && c->out_interest[i] == 0)
            continue;
        put(buf, cap, n, (uint64_t)i);
        put(buf, cap, n, (uint64_t)c->out_principal[i]);
        put(buf, cap, n, (uint64_t)c->out_interest[i]);
    }
    for (size_t i = 0; i < cells / TN_G_COUNT; i++) {
        uint64_t f[CHARGE_FIELDS], mask = 0;
        charge_fields(&c->charges[i], f);
        for (int k = 0; k < CHARGE_FIELDS; k++)
            mask |= (uint64_t)(f[k] != 0) << k;
        if (!mask)
            continue;
        put(buf, cap, n, (uint64_t)i);
        put(buf, cap, n, mask);
        for (int k = 0; k < CHARGE_FIELDS; k++)
            if (f[k])
                put(buf, cap, n, f[k]);
    }
}

tn_err tn_ledger_carry_decode(const unsigned char *buf, size_t n, struct tn_ledger_carry *c)
{
    uint64_t head[11];
    size_t at = 0;
    c->period = -1;
    for (size_t i = 0; i < sizeof head / sizeof head[0]; i++)
        if (!get(buf, n, &at, &head[i]))
            return TN_ERR_PARSE;
    int64_t s64 = (int64_t)head[1], p64 = (int64_t)head[2];
    /* periods of years 0..9999, at most a century of them */
    if (head[0] != TN_LEDGER_CARRY_VERSION || s64 < 0 || s64 > 10000 * 12 || p64 < s64 ||
        p64 - s64 > 100 * 12 || head[10] > (uint64_t)(n - at) / 24)
        return TN_ERR_PARSE;
    tn_period start = (tn_period)s64, period = (tn_period)p64;
    size_t cells = (size_t)(period - start + 1) * TN_G_COUNT;
    carry_grow(c, cells);
    memset(c->out_principal, 0, cells * sizeof *c->out_principal);
    memset(c->out_interest, 0, cells * sizeof *c->out_interest);
    for (uint64_t k = 0; k < head[10]; k++) {
        uint64_t i, p, v;
        if (!get(buf, n, &at, &i) || !get(buf, n, &at, &p) || !get(buf, n, &at, &v) || i >= cells)
            return TN_ERR_PARSE;
        c->out_principal[i] = (tn_money)p;
        c->out_interest[i] = (tn_money)v;
    }
    memset(c->charges, 0, cells / TN_G_COUNT * sizeof *c->charges);
    for (uint64_t last = 0, first = 1; at < n; first = 0) {
        uint64_t i, mask, f[CHARGE_FIELDS] = {0};
        if (!get(buf, n, &at, &i) || !get(buf, n, &at, &mask) || i >= cells / TN_G_COUNT ||
            (!first && i <= last) || mask == 0 || mask >> CHARGE_FIELDS)
            return TN_ERR_PARSE;
        last = i;
        for (int k = 0; k < CHARGE_FIELDS; k++)
            if (mask >> k & 1 && !get(buf, n, &at, &f[k]))
                return TN_ERR_PARSE;
        struct tn_ledger_charge *ch = &c->charges[i];
        for (int g = 0; g < TN_G_COUNT; g++) {
            ch->principal[g] = (tn_money)f[g];
            ch->back[g] = (tn_money)f[TN_G_COUNT + g];
            ch->interest[g] = (tn_money)f[2 * TN_G_COUNT + g];
        }
        ch->interest_from = (tn_day)(int64_t)f[3 * TN_G_COUNT];
    }
    c->start = start;
    c->npaid = (size_t)head[3];
    c->key = head[4];
    c->credit = (tn_money)head[5];
    c->paid_total = (tn_money)head[6];
    for (int g = 0; g < TN_G_COUNT; g++)
        c->interest_total[g] = (tn_money)head[7 + g];
    c->period = period;
    return TN_OK;
}
