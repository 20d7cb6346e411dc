/*
 * reward_load.c - policy/tip_reward.csv (reward_load.h; policy/README.md "tip_reward.csv").
 */
#include "io/reward_load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/csv_reader.h"
#include "thuno/mem.h"

void tn_tip_rewards_init(struct tn_tip_rewards *r)
{
    r->rules = NULL;
    r->n = 0;
}

void tn_tip_rewards_release(struct tn_tip_rewards *r)
{
    for (size_t i = 0; i < r->n; i++)
        free((char *)r->rules[i].source);
    free(r->rules);
    tn_tip_rewards_init(r);
}

static int by_from(const void *a, const void *b)
{
    const struct tn_tip_reward_rule *x = a, *y = b;
    return (x->from > y->from) - (x->from < y->from);
}

/* one line into *e; why says what is wrong */
static tn_err line(const char *const *c, struct tn_tip_reward_rule *e, char *why, size_t whysz)
{
    if (tn_day_parse(c[0], &e->from)) {
        snprintf(why, whysz, "from: expected a date YYYY-MM-DD (got \"%s\")", c[0]);
        return TN_ERR_PARSE;
    }
    if (tn_ppm_parse_percent(c[1], &e->rate) || e->rate > 1000000) {
        snprintf(why, whysz, "rate: expected a percentage like 5%% (got \"%s\")", c[1]);
        return TN_ERR_PARSE;
    }
    if (tn_money_parse(c[2], 0, &e->cap) || e->cap <= 0) {
        snprintf(why, whysz, "cap: expected a positive whole number of đồng (got \"%s\")", c[2]);
        return TN_ERR_PARSE;
    }
    if (tn_money_parse(c[3], 0, &e->min_recovered)) {
        snprintf(why, whysz, "min_recovered: expected a whole number of đồng (got \"%s\")", c[3]);
        return TN_ERR_PARSE;
    }
    if (!c[4][0]) {
        snprintf(why, whysz, "source: the legal source is required");
        return TN_ERR_PARSE;
    }
    return TN_OK;
}

tn_err tn_tip_rewards_load(const char *dir, struct tn_tip_rewards *r, char *msg, size_t msgsz)
{
    static const struct tn_csv_column cols[] = {
        {"from", 1}, {"rate", 1}, {"cap", 1}, {"min_recovered", 1}, {"source", 1}};
    struct tn_csv_reader *rd;
    char path[4096];
    tn_err err = tn_csv_open_in(dir, "tip_reward.csv", path, sizeof path, cols, 5, &rd, msg, msgsz);
    if (err)
        return err;
    const char *const *c;
    long ln = 0;
    char why[256] = "";
    size_t cap = 0;
    while ((err = tn_csv_next(rd, &c, &ln, why, sizeof why)) == TN_OK) {
        struct tn_tip_reward_rule e;
        why[0] = '\0';
        if ((err = line(c, &e, why, sizeof why)))
            break;
        for (size_t i = 0; i < r->n; i++)
            if (r->rules[i].from == e.from) {
                snprintf(why, sizeof why, "a second line starting %s", c[0]);
                err = TN_ERR_CONFLICT;
            }
        if (err)
            break;
        size_t sl = strlen(c[4]) + 1;
        char *src = tn_xmalloc(sl);
        memcpy(src, c[4], sl);
        e.source = src;
        TN_GROW(r->rules, cap, r->n + 1);
        r->rules[r->n++] = e;
    }
    tn_csv_free(rd);
    if (err == TN_ERR_NOT_FOUND && r->n == 0) {
        snprintf(why, sizeof why, "no rule: the file has no line");
        err = TN_ERR_PARSE;
    }
    if (err != TN_ERR_NOT_FOUND) {
        snprintf(msg, msgsz, "%s:%ld: %s", path, ln, why);
        tn_tip_rewards_release(r);
        return err;
    }
    tn_sort(r->rules, r->n, sizeof *r->rules, by_from);
    return TN_OK;
}
