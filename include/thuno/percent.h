/*
 * percent.h - the one rounding rule of every percentage and share thuno reports (plan
 * collected, efficiency, debt ratios, the litigation shares of seed 000, which rounds to the
 * nearest): a ratio in tenths of a percent, rounded half up, computed here and nowhere else.
 */
#ifndef THUNO_PERCENT_H
#define THUNO_PERCENT_H

#include "thuno/money.h"

/* part x 100 / whole in tenths of a percent (part x 1000 / whole), rounded half up
 * (part >= 0; 2/3 gives 667, 1/8 gives 125); -1 when whole <= 0 (no plan, nothing assessed,
 * nothing sued), so that the cell stays empty. Exact for every part and whole of int64_t
 * (no part x 1000 overflow); a ratio above LONG_MAX tenths gives LONG_MAX. */
long tn_percent_tenths(tn_money part, tn_money whole);

#endif
