/*
 * percent.h - the one rounding rule of every percentage and share thuno reports (plan
 * collected, efficiency, debt ratio, the litigation shares...): a ratio in tenths of a
 * percent, rounded half up, computed here and nowhere else.
 *
 * One exception stays until the lead decides: the litigation shares (docs/cases.md) and the
 * pc_report debt ratio (docs/inspections.md) are documented and golden-pinned as rounded
 * down, so they call tn_percent_tenths_down; folding them into the half-up rule changes five
 * cases goldens and two inspections goldens by 0.1 (e.g. 56.6 -> 56.7).
 */
#ifndef THUNO_PERCENT_H
#define THUNO_PERCENT_H

#include "thuno/money.h"

/* part x 100 / whole in tenths of a percent (part x 1000 / whole), rounded half up
 * (part >= 0; 2/3 gives 667, 1/8 gives 125); -1 when whole <= 0 (no plan, nothing assessed,
 * nothing sued), so that the cell stays empty. part must be under 9.2e15. */
long tn_percent_tenths(tn_money part, tn_money whole);

/* As tn_percent_tenths, but truncated (rounded down for part >= 0; 2/3 gives 666): only for
 * the litigation shares and the pc_report debt ratio, see above. */
long tn_percent_tenths_down(tn_money part, tn_money whole);

#endif
