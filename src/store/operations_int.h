/*
 * operations_int.h - the SQL of "the officer in charge" (operations_store.h), shared by the
 * store's reports so that every list attributes a unit alike. Only src/store/ includes this.
 */
#ifndef THUNO_STORE_OPERATIONS_INT_H
#define THUNO_STORE_OPERATIONS_INT_H

/* A CTE in_charge(unit_code, officer_code): per unit, the officer of its assignment with the
 * latest from_date on or before the day `day`, versions as known at `at` (SQL expressions). */
#define TN__IN_CHARGE(at, day)                                                                     \
    "in_charge AS (SELECT unit_code, officer_code FROM ("                                          \
    "  SELECT unit_code, officer_code, row_number() OVER (PARTITION BY unit_code "                 \
    "         ORDER BY from_date DESC) AS rn FROM assignment WHERE known_at <= " at                \
    "  AND (superseded_at IS NULL OR superseded_at > " at ") AND from_date <= " day                \
    ") WHERE rn = 1) "

/* The last day of the period given as 'YYYY-MM' by the SQL expression p. */
#define TN__PERIOD_END(p) "date(" p " || '-01', '+1 month', '-1 day')"

#endif
