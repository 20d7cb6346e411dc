/*
 * office.c - the office cut of the report queries (see office.h, docs/offices.md): which
 * code names the province office, and the bind of the one SQL fragment that every report
 * query uses to keep the units of a district office (TN__OFFICE_CUT in store_int.h). The cut
 * is each operation's office argument; the backend keeps none (issue 11 item 6).
 */
#include "store_int.h"

#include <stdio.h>
#include <string.h>

#include "thuno/office.h"

/* *yes = the one integer sql (?1 = code) returns. Errors: TN_ERR_STORE (what). */
static tn_err ask(struct tn__sq *s, const char *sql, const char *code, int *yes, const char *what)
{
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(s, sql, &st);
    if (err)
        return err;
    tn_sql_bind_text(st, 1, code, -1, TN_SQL_STATIC);
    int rc = tn_sql_step(st);
    if (rc == TN_SQL_ROW)
        *yes = tn_sql_column_int(st, 0);
    tn_sql_finalize(st);
    return rc == TN_SQL_ROW ? TN_OK : tn__store_fail(s, what);
}

/* 1 when code is a province code of the units, or one followed by "000" */
static tn_err is_province(struct tn__sq *s, const char *code, int *yes)
{
    return ask(s,
               "SELECT EXISTS (SELECT 1 FROM unit WHERE province_code = ?1 "
               "OR province_code || '000' = ?1)",
               code, yes, "read the province codes");
}

static tn_err is_known(struct tn__sq *s, const char *code, int *yes)
{
    return ask(s,
               "SELECT EXISTS (SELECT 1 FROM unit WHERE office_code = ?1) "
               "OR EXISTS (SELECT 1 FROM officer WHERE office_code = ?1)",
               code, yes, "read the office codes");
}

tn_err tn__sq_office_known(struct tn__sq *s, const char *office, int *province)
{
    int prov = 1, known = 0;
    tn_err err = TN_OK;
    if (office && *office) {
        if (strlen(office) >= TN_OFFICE_BUFSZ)
            return TN_ERR_RANGE;
        if ((err = is_province(s, office, &prov)))
            return err;
        if (!prov && ((err = is_known(s, office, &known)) || !known))
            return err ? err : TN_ERR_NOT_FOUND;
    }
    if (province)
        *province = prov;
    return TN_OK;
}

void tn__bind_office(tn_sql_stmt *st, const char *office, const char *as_of)
{
    tn_sql_bind_text(st, 8, tn__at(as_of), -1, TN_SQL_TRANSIENT);
    tn__bind_text_or_null(st, 9, office);
}

tn_err tn__sq_unit_office(struct tn__sq *s, const char *unit, const char *as_of,
                          char out[static TN_OFFICE_BUFSZ])
{
    /* every API request on a unit asks it: prepared once per connection */
    tn_sql_stmt *st;
    tn_err err = tn__store_cached(
        s,
        "SELECT coalesce(office_code, '') FROM unit WHERE unit_code = ?1 AND " TN__KNOWN_AT("?2"),
        &st);
    if (err)
        return err;
    tn_sql_bind_text(st, 1, unit, -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 2, tn__at(as_of), -1, TN_SQL_STATIC);
    int rc = tn_sql_step(st);
    if (rc == TN_SQL_ROW)
        snprintf(out, TN_OFFICE_BUFSZ, "%s", tn__col_text(st, 0));
    tn_sql_reset(st);
    if (rc == TN_SQL_DONE)
        return TN_ERR_NOT_FOUND;
    return rc == TN_SQL_ROW ? TN_OK : tn__store_fail(s, "read the unit's office");
}
