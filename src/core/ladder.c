/*
 * ladder.c - next escalation step and case deadlines (ladder.h).
 */
#include "thuno/ladder.h"

#include <stdio.h>
#include <string.h>

tn_day tn_ladder_add_working_days(tn_day day, int n)
{
    while (n > 0) {
        day++;
        int wd = (int)(((day % 7) + 7 + 4) % 7); /* 1970-01-01 was a Thursday; 0 = Sunday */
        if (wd != 0 && wd != 6)
            n--;
    }
    return day;
}

static int count_events(const struct tn_ladder_facts *f, enum tn_case_event e)
{
    int n = 0;
    for (size_t i = 0; i < f->nsteps; i++)
        n += f->steps[i].event == e;
    return n;
}

static int office_has_ladder(const struct tn_policy *pol, const char *office)
{
    for (size_t i = 0; i < pol->nladder; i++)
        if (strcmp(pol->ladder[i].office, office) == 0)
            return 1;
    return 0;
}

tn_err tn_ladder_next(const struct tn_policy *pol, const struct tn_ladder_facts *f,
                      struct tn_ladder_proposal *out)
{
    if (f->state != TN_CASE_ST_NEW && f->state != TN_CASE_ST_ESCALATING)
        return TN_ERR_NOT_FOUND;
    const char *office = f->office && office_has_ladder(pol, f->office) ? f->office : "*";
    const struct tn_ladder_step *first = NULL;
    for (size_t i = 0; i < pol->nladder; i++) { /* sorted by office, then order */
        const struct tn_ladder_step *st = &pol->ladder[i];
        if (strcmp(st->office, office) != 0)
            continue;
        if (!first)
            first = st;
        if (count_events(f, st->event) >= st->occurrence)
            continue;
        /* a unit that owes less than the ladder's first step needs gets no proposal */
        if (f->nsteps == 0 && (f->months_owed_tenths < first->min_months_tenths ||
                               f->debt < first->min_debt || f->legal < first->min_legal))
            return TN_ERR_NOT_FOUND;
        struct tn_ladder_proposal p = {.step = st, .ready = 1};
        tn_day last = f->nsteps ? f->steps[f->nsteps - 1].day : -1;
        if (f->months_owed_tenths < st->min_months_tenths)
            snprintf(p.waiting, sizeof p.waiting, "months owed %d.%d < %d.%d",
                     f->months_owed_tenths / 10, f->months_owed_tenths % 10,
                     st->min_months_tenths / 10, st->min_months_tenths % 10);
        else if (f->debt < st->min_debt)
            snprintf(p.waiting, sizeof p.waiting, "debt %lld < %lld", (long long)f->debt,
                     (long long)st->min_debt);
        else if (f->legal < st->min_legal)
            snprintf(p.waiting, sizeof p.waiting, "legal status must be %s",
                     st->min_legal == 2 ? "evading" : "late");
        else if (last >= 0 && f->today - last < st->min_days)
            snprintf(p.waiting, sizeof p.waiting, "%d of %d days since the previous step",
                     (int)(f->today - last), st->min_days);
        else if (strcmp(st->check, "art216") == 0 && (!f->art216 || f->art216->clause == 0))
            snprintf(p.waiting, sizeof p.waiting, "Art 216 not reached (%s)",
                     f->art216 ? tn_art216_reason_name(f->art216->reason) : "not checked");
        p.ready = p.waiting[0] == '\0';
        *out = p;
        return TN_OK;
    }
    return TN_ERR_NOT_FOUND;
}

void tn_ladder_deadline(const struct tn_policy *pol, const struct tn_case_step *steps, size_t n,
                        const struct tn_case_deadline **rule, tn_day *due)
{
    *rule = NULL;
    *due = -1;
    unsigned later = 0; /* events after the one looked at */
    for (size_t i = n; i-- > 0;) {
        const struct tn_case_deadline *r = NULL;
        for (size_t k = 0; k < pol->ncase_deadlines; k++)
            if (pol->case_deadlines[k].after == steps[i].event)
                r = &pol->case_deadlines[k];
        if (r) {
            if (r->expect & later)
                return; /* answered: nothing pending from it or from before it */
            *rule = r;
            *due = r->working ? tn_ladder_add_working_days(steps[i].day, r->days)
                              : steps[i].day + r->days;
            return;
        }
        later |= 1u << steps[i].event;
    }
}
