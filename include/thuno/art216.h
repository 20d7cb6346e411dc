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

/* One charge period of a unit as the ledger's close leaves it (unpaid_line, docs/ledger.md
 * step 3): the principal of the period unpaid per group, of each group's charge the back-dated
 * increases charged to it (an under-declared base found later: ledger.h tn_ledger_charge.back)
 * and the workers assessed in it (0 for an opening balance's period: no worker's lines). */
struct tn_art216_period {
    tn_period period;
    tn_money unpaid[TN_G_COUNT];
    tn_money back[TN_G_COUNT];
    long workers;
};

/* Counts the Art 216 facts on day of a unit paying every cycle months, from its charge
 * periods p[0..n) (oldest first; what the ledger left unpaid, opening balances included).
 * Of a line's unpaid principal u the back-dated increase is unpaid first (the legal status's
 * view: the contributions as declared first, the increase last): min(u, back) is evasion
 * from the day after the period's deadline (tn_aging_underdeclared_from), the rest once
 * unpaid evasion_days after it (tn_aging_evading_from):
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
                       const struct tn_art216_period *p, size_t n, int fined,
                       struct tn_art216_count *out);

/* Writes the lines behind c's figures into buf (at least 160 bytes), e.g. "kỳ 2019-03..2026-08
 * (90 kỳ), trốn đóng từ 2019-06-01; 12 NLĐ kỳ 2024-05; trước 2018-01-01 không tính:
 * 5000000"; "" when nothing is counted or excluded. */
void tn_art216_count_lines(const struct tn_art216_count *c, char *buf, size_t bufsz);

#endif
