/*
 * case_register.c - the pure rules of the case registers (case_register.h,
 * docs/case-registers.md): register names and their values, the informant's reward, the
 * creditor's designation of which assets to seize first (seed 000 §II.1.3), and how a bank
 * or the State Treasury answers forced-deduction orders (seed 000 §3.2).
 *
 * The reward rule is policy data (policy/tip_reward.csv). CONFIRM: seed 000 §II.1.9 only
 * proposes paying informants; the statute that sets the rate is not yet identified.
 */
#include "thuno/case_register.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "policy_int.h"

static const struct {
    const char *name, *label, *whats;
} regs[] = {
#define X(id, name, vi, whats) {name, vi, whats},
    TN_CASE_REG_MAP(X)
#undef X
};

const char *tn_case_reg_name(enum tn_case_reg k)
{
    return (unsigned)k < TN_CASE_REG_COUNT ? regs[k].name : NULL;
}

const char *tn_case_reg_label(enum tn_case_reg k)
{
    return (unsigned)k < TN_CASE_REG_COUNT ? regs[k].label : NULL;
}

const char *tn_case_reg_whats(enum tn_case_reg k)
{
    return (unsigned)k < TN_CASE_REG_COUNT ? regs[k].whats : NULL;
}

tn_err tn_case_reg_parse(const char *s, enum tn_case_reg *out)
{
    for (int k = 0; k < TN_CASE_REG_COUNT; k++)
        if (strcmp(s, regs[k].name) == 0) {
            *out = (enum tn_case_reg)k;
            return TN_OK;
        }
    return TN_ERR_PARSE;
}

tn_err tn_case_reg_check_what(enum tn_case_reg k, const char *what)
{
    if ((unsigned)k >= TN_CASE_REG_COUNT)
        return TN_ERR_PARSE;
    const char *p = regs[k].whats;
    size_t len = strlen(what);
    if (!*p)
        return len ? TN_ERR_PARSE : TN_OK;
    while (*p) {
        size_t l = strcspn(p, "|");
        if (len && l == len && strncmp(p, what, l) == 0)
            return TN_OK;
        p += l + (p[l] == '|');
    }
    return TN_ERR_PARSE;
}

int tn_case_measure_fits(const char *asset_kind, const char *measure)
{
    /* LAW: Law on Civil Judgment Enforcement 2008 Art 71 (measures by kind of asset) [S] */
    static const struct {
        const char *measure, *kinds;
    } fits[] = {
        {"account_freeze", "|bank_account|"},
        {"account_deduction", "|bank_account|"},
        {"income_deduction", "|income|"},
        {"seizure", "|land|vehicle|receivable|other|"},
        {"auction", "|land|vehicle|receivable|other|"},
    };
    char key[40];
    if (strlen(asset_kind) + 3 > sizeof key)
        return 0;
    snprintf(key, sizeof key, "|%s|", asset_kind);
    for (size_t i = 0; i < sizeof fits / sizeof fits[0]; i++)
        if (strcmp(measure, fits[i].measure) == 0)
            return strstr(fits[i].kinds, key) != NULL;
    return 0;
}

tn_err tn_tip_reward(const struct tn_tip_reward_rule *rules, size_t n, tn_day day,
                     tn_money recovered, tn_money *reward, const struct tn_tip_reward_rule **rule)
{
    if (recovered < 0)
        return TN_ERR_RANGE;
    size_t i = TN__EFFECTIVE_UPPER(rules, n, day);
    if (i == 0)
        return TN_ERR_NO_POLICY;
    const struct tn_tip_reward_rule *r = &rules[i - 1];
    tn_money got = 0;
    if (recovered > 0 && recovered >= r->min_recovered) {
        tn_err err = tn_money_mul_ppm(recovered, r->rate, &got);
        if (err)
            return err;
        if (got > r->cap)
            got = r->cap;
    }
    *reward = got;
    *rule = r;
    return TN_OK;
}

tn_err tn_case_priority_parse(const char *s, long *out, size_t max, size_t *n, char *why,
                              size_t whysz)
{
    size_t cnt = 0;
    const char *p = s;
    if (!*p) {
        snprintf(why, whysz, "no asset numbers given");
        return TN_ERR_PARSE;
    }
    for (;;) {
        size_t l = strcspn(p, ",");
        char item[24];
        if (l == 0 || l >= sizeof item || strspn(p, "0123456789") != l) {
            snprintf(why, whysz, "expected asset numbers separated by commas, got \"%s\"", s);
            return TN_ERR_PARSE;
        }
        memcpy(item, p, l);
        item[l] = '\0';
        long v = strtol(item, NULL, 10);
        if (v <= 0) {
            snprintf(why, whysz, "asset numbers start at 1, got %s", item);
            return TN_ERR_PARSE;
        }
        for (size_t i = 0; i < cnt; i++)
            if (out[i] == v) {
                snprintf(why, whysz, "asset %ld is designated twice", v);
                return TN_ERR_PARSE;
            }
        if (cnt == max) {
            snprintf(why, whysz, "at most %zu assets can be designated", max);
            return TN_ERR_PARSE;
        }
        out[cnt++] = v;
        if (!p[l])
            break;
        p += l + 1;
    }
    *n = cnt;
    return TN_OK;
}

size_t tn_case_priority_rank(const long *order, size_t n, long asset)
{
    for (size_t i = 0; i < n; i++)
        if (order[i] == asset)
            return i;
    return n;
}

void tn_case_bank_tally_add(struct tn_bank_tally *t, const struct tn_bank_order_facts *o,
                            tn_day deadline, tn_day today)
{
    t->orders++;
    t->ordered += o->amount;
    t->deducted += o->deducted;
    const char *r = o->last_result;
    if (!r)
        t->unanswered++;
    else if (strcmp(r, "executed") == 0)
        t->executed++;
    else if (strcmp(r, "partial") == 0)
        t->partial++;
    else if (strcmp(r, "delayed") == 0)
        t->delayed++;
    else if (strcmp(r, "refused") == 0)
        t->refused++;
    if (o->first_reply >= 0) {
        t->replied++;
        t->days_replied += o->first_reply - o->ordered;
    }
    /* late: a final answer after the last allowed day, or none yet and that day past; a
     * `delayed` reply is no answer */
    if (deadline >= 0 && (o->first_final >= 0 ? o->first_final > deadline : today > deadline))
        t->late++;
}

long long tn_case_bank_avg_days_tenths(const struct tn_bank_tally *t)
{
    return t->replied > 0 ? t->days_replied * 10 / t->replied : -1;
}
