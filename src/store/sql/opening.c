/*
 * opening.c - the opening balances of a unit (report.h tn_store_opening_balances; schema.sql
 * opening_balance; docs/ledger.md "Opening balances"). The close reads them itself (close.c).
 */
#include "store_int.h"

tn_err tn__sq_opening_balances(struct tn__sq *s, const char *unit, const char *as_of,
                               tn_err (*row)(void *ctx, const struct tn_opening_row *r), void *ctx)
{
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare_at(
        s,
        "SELECT unit_code, period, fund, principal, interest, as_of, "
        "source, known_at FROM opening_balance WHERE unit_code = ?1 "
        "AND " TN__KNOWN_AT("?2") " "
                                  "ORDER BY period, CASE fund WHEN 'BHYT' THEN 0 "
                                  "WHEN 'BHTN' THEN 1 ELSE 2 END",
        unit, as_of, &st);
    if (err)
        return err;
    while (tn__store_next(s, st, &err, "read opening balances")) {
        struct tn_opening_row r = {
            .unit_code = tn__col_text(st, 0),
            .period = tn__col_period(st, 1),
            .fund = tn__col_text(st, 2),
            .principal = tn_sql_column_int64(st, 3),
            .interest = tn_sql_column_int64(st, 4),
            .as_of = tn__col_text(st, 5),
            .source = tn__col_text(st, 6),
            .known_at = tn__col_text(st, 7),
        };
        err = row(ctx, &r);
    }
    tn_sql_finalize(st);
    return err;
}
