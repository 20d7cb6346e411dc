/*
 * operations_int.h - the SQL of "the officer in charge" (operations_store.h), shared by the
 * store's reports so that every list attributes a unit alike. Only src/store/ includes this.
 */
#ifndef THUNO_STORE_OPERATIONS_INT_H
#define THUNO_STORE_OPERATIONS_INT_H

#include "driver.h"

#include "thuno/err.h"
#include "thuno/period.h"

/* A CTE in_charge(unit_code, officer_code): per unit, the officer of its assignment with the
 * latest from_date on or before the day `day`, versions as known at `at` (SQL expressions). */
#define TN__IN_CHARGE(at, day)                                                                     \
    "in_charge AS (SELECT unit_code, officer_code FROM ("                                          \
    "  SELECT unit_code, officer_code, row_number() OVER (PARTITION BY unit_code "                 \
    "         ORDER BY from_date DESC) AS rn FROM assignment WHERE known_at <= " at                \
    "  AND (superseded_at IS NULL OR superseded_at > " at ") AND from_date <= " day                \
    ") r WHERE rn = 1) "

/* The last day of the period given as 'YYYY-MM' by the SQL expression p. */
#define TN__PERIOD_END(p) "(" p " || '-31')"

/* clang-format off */
/* The CTEs cur (each unit's balance row of period ?1, cut by the SQL condition and_cut, as
 * known at ?2), unit_at, officer_at (as known at ?2) and in_charge (at ?1's end); join prev
 * with TN__JOIN_PREV. */
#define TN__CUR_PREV(and_cut)                                                                      \
    TN__CLOSE_AT("cur", "?1", "?2", and_cut) ", "                                                  \
    TN__TABLE_AT("unit_at", "unit", "?2") ", " TN__TABLE_AT("officer_at", "officer", "?2") ", "    \
    TN__IN_CHARGE("?2", TN__PERIOD_END("?1"))

/* TN__JOIN_PREV: prev, the balance row of the period before, ?3, of each unit of cur, as
 * known at ?2. */
#define TN__JOIN_PREV TN__JOIN_CLOSE("prev", "cur.unit_code", "?3", "?2")

/* The CTEs of TN__CUR_PREV, plan_at (?1's plans) and f: a row per unit of cur (prev joined
 * by TN__JOIN_PREV) with its officer in charge, name, office, type, department, province and
 * last month's facts, of the units of the call's office cut (?8 ?9, TN__OFFICE_CUT). */
#define TN__OPS_FACTS                                                                              \
    "WITH " TN__CUR_PREV("") ", "                                                                  \
    "plan_at AS (SELECT * FROM collection_plan WHERE period = ?1 AND " TN__KNOWN_AT("?2") "), "    \
    "f AS (SELECT cur.*, coalesce(ic.officer_code, u.officer_code, '') AS officer, "               \
    "             coalesce(u.name, '') AS name, coalesce(u.office_code, '') AS office, "           \
    "             coalesce(u.type, '') AS type, coalesce(o.department, '') AS department, "        \
    "             coalesce(u.province_code, '') AS province, "                                     \
    "             coalesce(prev.months_owed_tenths, 0) > 0 AS owed_before, "                       \
    "             coalesce(prev.months_owed_tenths, 0) AS prev_tenths, "                           \
    "             coalesce(prev.bucket, '') AS prev_bucket, "                                      \
    "             coalesce(" TN__DEBT("prev") ", 0) AS debt_prev, "                              \
    "             " TN__DEBT("cur") " AS debt, " TN__NOT_DUE("cur") " AS not_due "               \
    "      FROM cur " TN__JOIN_PREV                                                               \
    "      " TN__JOIN_AT("unit", "u", "u.unit_code = cur.unit_code", "?2")                          \
    "      LEFT JOIN in_charge ic ON ic.unit_code = cur.unit_code "                                \
    "      " TN__JOIN_AT("officer", "o", "o.officer_code = coalesce(ic.officer_code, u.officer_code)", \
                         "?2")                                                                     \
    "      WHERE " TN__OFFICE_CUT("cur.unit_code") ") "
/* clang-format on */

struct tn__sq;
struct tn_worklist_row;

/* Prepares sql of TN__CUR_PREV with ?1 period, ?2 as_of (NULL: everything known) and ?3 the
 * period before. Errors: TN_ERR_STORE. */
tn_err tn__ops_prepare_prev(struct tn__sq *s, const char *sql, tn_period period, const char *as_of,
                            tn_sql_stmt **out);

/* Prepares sql (TN__OPS_FACTS and a query) with ?1 period, ?2 as_of (NULL: everything
 * known), ?3 the period before and ?8 ?9 the office cut, office (NULL: every unit;
 * tn__bind_office). Errors:
 * TN_ERR_STORE. */
tn_err tn__ops_prepare(struct tn__sq *s, const char *sql, const char *office, tn_period period,
                       const char *as_of, tn_sql_stmt **out);

/* Steps st (columns officer, unit, name, office, debt, months owed in tenths, bucket, legal
 * status) and hands each row to row(ctx, r), stopping at its first error; finalizes st.
 * Errors: row's, or TN_ERR_STORE (what). */
tn_err tn__ops_worklist_rows(struct tn__sq *s, tn_sql_stmt *st,
                             tn_err (*row)(void *ctx, const struct tn_worklist_row *r), void *ctx,
                             const char *what);

#endif
