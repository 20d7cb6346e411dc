/*
 * art216.h - the facts of the Criminal Code Art 216 check (evading social, health and
 * unemployment insurance contributions; Criminal Code 2015 as amended 2017, Resolution
 * 05/2019/NQ-HĐTP), counted from a unit's unpaid lines so that every figure shows the lines
 * behind it. thuno indicates candidates; a lawyer decides (docs/cases.md "Art 216").
 */
#ifndef THUNO_ART216_H
#define THUNO_ART216_H

#include <stddef.h>

#include "thuno/aging.h"
#include "thuno/sanction.h"

/* The Art 216 facts of a unit and the lines behind them. A line is a (period, group) with
 * principal unpaid at the check day; it is counted when its deadline is on or after the
 * rule's acts_from (the act is not paying by the deadline; NQ 05/2019: acts before
 * 2018-01-01 are not prosecuted) and it is evasion on the check day
 * (tn_aging_evading_from, the ledger's own definition). */
struct tn_art216_count {
    struct tn_art216_facts facts; /* evaded, workers, months, fined */
    tn_money excluded;            /* evaded principal of acts before acts_from, not counted */
    tn_day acts_from;             /* the rule's acts_from */
    tn_period first, last;        /* the periods counted, -1 when none */
    int nperiods;                 /* periods with a counted line */
    tn_day since;                 /* first day of evasion of the oldest counted line, 0 none */
    tn_period workers_period;     /* the counted period with the most workers, -1 none */
};

/* Counts the Art 216 facts on day of a unit paying every cycle months, from its periods
 * p[0..n) (oldest first) and their unpaid lines unpaid[i * TN_G_COUNT + g]
 * (tn_aging_unpaid):
 * - evaded: the unpaid principal of the counted lines, all three funds (the offence covers
 *   BHXH, BHYT and BHTN);
 * - months: whole calendar months from since (the first day of evasion of the oldest counted
 *   line) to the end of day: how long the evasion lasted [reading; CONFIRM: NQ 05/2019 on
 *   counting the 6 months];
 * - workers: the most workers of any counted period (workers evaded at one time; the close
 *   does not keep which workers a later period's unpaid charge belongs to);
 * - fined: as given (an administrative fine decided for the act).
 * Errors: TN_ERR_NO_POLICY when no criminal rule, legal rule or deadline is in force. */
tn_err tn_art216_count(const struct tn_policy *pol, int cycle, tn_day day,
                       const struct tn_aging_period *p, size_t n, const tn_money *unpaid, int fined,
                       struct tn_art216_count *out);

/* Writes the lines behind c's figures into buf (at least 160 bytes), e.g. "kỳ 2019-03..2026-08
 * (90 kỳ), trốn đóng từ 2019-06-01; 12 NLĐ kỳ 2024-05; trước 2018-01-01 không tính:
 * 5000000"; "" when nothing is counted or excluded. */
void tn_art216_count_lines(const struct tn_art216_count *c, char *buf, size_t bufsz);

#endif
