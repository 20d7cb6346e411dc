/*
 * art216.c - the facts of the Criminal Code Art 216 check from a unit's unpaid lines
 * (art216.h; docs/cases.md "Art 216").
 *
 * LAW: Criminal Code 2015 (amended 2017) Art 216: evading contributions for 6 months or more
 * after an administrative sanction; NQ 05/2019/NQ-HĐTP: acts before 2018-01-01 are not
 * prosecuted. CONFIRM: how NQ 05/2019 counts the 6 months (rules.md §9 [?]); thuno counts
 * how long the evasion lasted, from the first day of evasion of the oldest line counted.
 */
#include "thuno/art216.h"

#include <stdio.h>

/* Whole calendar months from day a to the end of day b (b + 1 exclusive), 0 if b < a. */
static int whole_months(tn_day a, tn_day b)
{
    if (b < a)
        return 0;
    int ya, ma, da, yb, mb, db;
    tn_day_civil(a, &ya, &ma, &da);
    tn_day_civil(b + 1, &yb, &mb, &db);
    int m = (yb * 12 + mb) - (ya * 12 + ma) - (db < da ? 1 : 0);
    return m > 0 ? m : 0;
}

/* The acts_from of the clause-1 rule in force on day. */
static tn_err acts_from(const struct tn_policy *pol, tn_day day, tn_day *out)
{
    const struct tn_criminal_rule *r = NULL;
    for (size_t i = 0; i < pol->ncriminal; i++)
        if (pol->criminal[i].clause == 1 && pol->criminal[i].from <= day &&
            (!r || pol->criminal[i].from >= r->from))
            r = &pol->criminal[i];
    if (!r)
        return TN_ERR_NO_POLICY;
    *out = r->acts_from;
    return TN_OK;
}

/* Counts u of a line whose evasion starts on ev into c; 1 when counted. */
static int count_part(struct tn_art216_count *c, tn_day day, tn_day dl, tn_day ev, tn_money u)
{
    if (u <= 0 || ev == 0 || ev > day)
        return 0; /* late, not (yet) evasion */
    /* LAW: NQ 05/2019/NQ-HĐTP: an act before acts_from is not prosecuted */
    if (dl < c->acts_from) {
        c->excluded += u;
        return 0;
    }
    c->facts.evaded += u;
    if (c->since == 0 || ev < c->since)
        c->since = ev;
    return 1;
}

tn_err tn_art216_count(const struct tn_policy *pol, int cycle, tn_day day,
                       const struct tn_art216_period *p, size_t n, int fined,
                       struct tn_art216_count *out)
{
    struct tn_art216_count c = {.first = -1, .last = -1, .workers_period = -1};
    const struct tn_legal_rule *legal;
    tn_err err = acts_from(pol, day, &c.acts_from);
    if (!err)
        err = tn_policy_legal(pol, day, &legal);
    if (err)
        return err;
    c.facts.fined = fined;
    for (size_t i = 0; i < n; i++) {
        int counted = 0;
        for (int g = 0; g < TN_G_COUNT; g++) {
            tn_money u = p[i].unpaid[g];
            if (u <= 0)
                continue;
            tn_day dl;
            if ((err = tn_policy_deadline(pol, (enum tn_group)g, cycle, p[i].period, &dl, NULL)))
                return err;
            /* LAW: Law 41 Art 39: the increase of a base found later is evasion from the day
             * after the deadline of the month it concerns; it is unpaid first */
            tn_money back = p[i].back[g] > 0 ? p[i].back[g] : 0;
            tn_money ub = back < u ? back : u;
            counted |= count_part(&c, day, dl, tn_aging_underdeclared_from(legal, dl), ub);
            counted |= count_part(&c, day, dl, tn_aging_evading_from(legal, dl), u - ub);
        }
        if (!counted)
            continue;
        if (c.first < 0)
            c.first = p[i].period;
        c.last = p[i].period;
        c.nperiods++;
        if (c.workers_period < 0 || p[i].workers > c.facts.workers) {
            c.facts.workers = p[i].workers;
            c.workers_period = p[i].period;
        }
    }
    c.facts.months = c.since ? whole_months(c.since, day) : 0;
    *out = c;
    return TN_OK;
}

void tn_art216_count_lines(const struct tn_art216_count *c, char *buf, size_t bufsz)
{
    char a[TN_PERIOD_BUFSZ] = "", b[TN_PERIOD_BUFSZ] = "", w[TN_PERIOD_BUFSZ] = "";
    char since[TN_DAY_BUFSZ] = "", from[TN_DAY_BUFSZ] = "";
    size_t k = 0;
    buf[0] = '\0';
    if (c->nperiods > 0) {
        tn_period_format(c->first, a);
        tn_period_format(c->last, b);
        tn_period_format(c->workers_period, w);
        tn_day_format(c->since, since);
        int m = snprintf(buf, bufsz, "kỳ %s..%s (%d kỳ), trốn đóng từ %s; %ld NLĐ kỳ %s", a, b,
                         c->nperiods, since, c->facts.workers, w);
        k = m > 0 && (size_t)m < bufsz ? (size_t)m : bufsz - 1;
    }
    if (c->excluded > 0 && k + 1 < bufsz) {
        tn_day_format(c->acts_from, from);
        snprintf(buf + k, bufsz - k, "%strước %s không tính: %lld", k ? "; " : "", from,
                 (long long)c->excluded);
    }
}
