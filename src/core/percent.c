/*
 * percent.c - percentages in tenths, rounded half up (percent.h): one rule for every report.
 */
#include "thuno/percent.h"

long tn_percent_tenths(tn_money part, tn_money whole)
{
    if (whole <= 0)
        return -1;
    /* part x 1000 fits int64_t up to 9.2e15 đồng, far above a province's collection */
    return (long)((part * 1000 + whole / 2) / whole);
}

long tn_percent_tenths_down(tn_money part, tn_money whole)
{
    if (whole <= 0)
        return -1;
    return (long)(part * 1000 / whole);
}
