/*
 * import_opening.c - the row rules of opening_balances.csv (docs/ledger.md "Opening balances";
 * docs/formats.md): what a unit owed at the cut-over day, per period and fund group, when the
 * office starts the ledger in the middle of its history. The columns are import_rules.c's.
 */
#include <string.h>

#include "io/import_int.h"

/* The period is owed at the cut-over: no later than the month of as_of; as_of is not after
 * the import's day (a balance is not known before its day); something is owed. */
tn_err tn__import_check_opening(struct tn__import_run *x)
{
    int period = tn__import_col(x->rules, "period"), as_of = tn__import_col(x->rules, "as_of");
    int principal = tn__import_col(x->rules, "principal"),
        interest = tn__import_col(x->rules, "interest");
    if (x->okcell[period] && x->okcell[as_of] && strncmp(x->cells[period], x->cells[as_of], 7) > 0)
        tn__import_add_error(x, "period", TN_ERR_PARSE,
                             "period after the cut-over day (got \"%s\", expected %.7s or earlier)",
                             x->cells[period], x->cells[as_of]);
    if (x->okcell[as_of] && strcmp(x->cells[as_of], x->today) > 0)
        tn__import_add_error(x, "as_of", TN_ERR_PARSE,
                             "cut-over day after the import's day (got \"%s\", expected %s or "
                             "earlier)",
                             x->cells[as_of], x->today);
    if (x->okcell[principal] && x->okcell[interest] && x->vals[principal].num == 0 &&
        x->vals[interest].num == 0)
        tn__import_add_error(x, NULL, TN_ERR_PARSE,
                             "nothing owed (got principal 0 and interest 0, expected an amount "
                             "above 0 in one of them)");
    return TN_OK;
}
