/*
 * app_explain.c - everything behind a unit's balance (app.h "explain"; docs/ledger.md), cut to
 * the scope's office (docs/offices.md). The lines are read by the store; explain_out.h (io)
 * writes them as text or JSON for the face.
 */
#include "app_int.h"

#include "thuno/report.h"
#include "thuno/store.h"

tn_err tn_app_explain(struct tn_app *app, const struct tn_scope *scope, const char *unit,
                      tn_period period, const char *as_of, struct tn_explain *out)
{
    char at[20], pbuf[TN_PERIOD_BUFSZ];
    app->why[0] = '\0';
    if (as_of && tn_report_as_of(as_of, at))
        return tn__app_fail(app, TN_ERR_PARSE, "expected as-of YYYY-MM-DD[THH:MM:SS], got \"%s\"",
                            as_of);
    struct tn_scope sc;
    tn_err err = tn__app_scope(app, scope, &sc);
    /* under a district cut, a unit of another office (as known at as_of) is not found; an
     * unknown unit goes on, for the explanation to say it has no balance */
    if (!err)
        err = tn__app_unit_in_scope(app, &sc, unit, as_of ? at : NULL);
    if (!err)
        err = tn_store_explain(app->store, sc.office, unit, period, as_of ? at : NULL, out);
    if (err == TN_ERR_NOT_FOUND && !app->why[0] && !tn_period_format(period, pbuf))
        tn__app_fail(app, err, "no closed balance for unit %s in %s%s%s", unit, pbuf,
                     as_of ? " as of " : "", as_of ? as_of : "");
    return err;
}
