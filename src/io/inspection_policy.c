/*
 * inspection_policy.c - policy/inspections.csv (see inspection_policy.h):
 *   from,referral_months,referral_worker_gap,referral_findings,chair_months,refuse_months,
 *   refuse_reminders,source
 * months with one decimal ("3.0"), counts as whole numbers, one line per start date, in date
 * order; a day before the first line has no rule (the report then fails, never defaults).
 */
#include "io/inspection_policy.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/csv_reader.h"
#include "thuno/mem.h"
#include "thuno/money.h"

void tn_inspection_policy_init(struct tn_inspection_policy *p)
{
    memset(p, 0, sizeof *p);
}

void tn_inspection_policy_release(struct tn_inspection_policy *p)
{
    for (size_t i = 0; i < p->n; i++)
        free((char *)p->rules[i].source);
    free(p->rules);
    tn_inspection_policy_init(p);
}

static int count(const char *s, long *out)
{
    size_t n = strlen(s);
    if (n == 0 || n > 9 || strspn(s, "0123456789") != n)
        return -1;
    *out = strtol(s, NULL, 10);
    return 0;
}

static const struct tn_csv_column cols[] = {
    {"from", 1},
    {"referral_months", 1},
    {"referral_worker_gap", 1},
    {"referral_findings", 1},
    {"chair_months", 1},
    {"refuse_months", 1},
    {"refuse_reminders", 1},
    {"source", 1},
};

/* Reads one line into e; why says what was wrong. */
static tn_err rule_row(const char *const *c, struct tn_inspection_rule *e, char *why, size_t whysz)
{
    static const char *const names[] = {"referral_months", "chair_months", "refuse_months"};
    int *tens[] = {&e->referral_months_tenths, &e->chair_months_tenths, &e->refuse_months_tenths};
    const char *tcells[] = {c[1], c[4], c[5]};
    if (tn_day_parse(c[0], &e->from)) {
        snprintf(why, whysz, "from: expected a date YYYY-MM-DD (got \"%s\")", c[0]);
        return TN_ERR_PARSE;
    }
    for (int i = 0; i < 3; i++) {
        if (tn_csv_tenths(tcells[i], tens[i])) {
            snprintf(why, whysz, "%s: expected months with one decimal, e.g. 3.0 (got \"%s\")",
                     names[i], tcells[i]);
            return TN_ERR_PARSE;
        }
    }
    if (count(c[2], &e->referral_worker_gap) || count(c[3], &e->referral_findings) ||
        count(c[6], &e->refuse_reminders)) {
        snprintf(why, whysz,
                 "referral_worker_gap, referral_findings, refuse_reminders: expected whole "
                 "numbers (got \"%s\", \"%s\", \"%s\")",
                 c[2], c[3], c[6]);
        return TN_ERR_PARSE;
    }
    if (!*c[7]) {
        snprintf(why, whysz, "source: expected the legal or office source of the line");
        return TN_ERR_PARSE;
    }
    return TN_OK;
}

tn_err tn_inspection_policy_load(const char *dir, struct tn_inspection_policy *p, char *msg,
                                 size_t msgsz)
{
    char path[4096];
    struct tn_csv_reader *r;
    tn_err err = tn_csv_open_in(dir, "inspections.csv", path, sizeof path, cols,
                                sizeof cols / sizeof cols[0], &r, msg, msgsz);
    if (err)
        return err;
    const char *const *c;
    long line = 0;
    size_t cap = 0;
    char why[256] = "";
    while ((err = tn_csv_next(r, &c, &line, why, sizeof why)) == TN_OK) {
        struct tn_inspection_rule e = {0};
        if ((err = rule_row(c, &e, why, sizeof why)))
            break;
        if (p->n && e.from <= p->rules[p->n - 1].from) {
            snprintf(why, sizeof why, "expected lines in date order, one per start (got %s)", c[0]);
            err = TN_ERR_CONFLICT;
            break;
        }
        e.source = tn_xstrdup(c[7]);
        TN_GROW(p->rules, cap, p->n + 1);
        p->rules[p->n++] = e;
    }
    tn_csv_free(r);
    if (err != TN_ERR_NOT_FOUND) {
        snprintf(msg, msgsz, "%s:%ld: %s", path, line, why);
        tn_inspection_policy_release(p);
        return err;
    }
    return TN_OK;
}
