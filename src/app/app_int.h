/*
 * app_int.h - what the application layer's own files share: failures with their explanation,
 * the scope's cut of the store, the report groups of the registry. Only src/app/ includes
 * this.
 */
#ifndef THUNO_APP_INT_H
#define THUNO_APP_INT_H

#include "thuno/app.h"

/* Records the formatted explanation in app->why and returns err. */
tn_err tn__app_fail(struct tn_app *app, tn_err err, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Cuts app->store to scope->office for the reads that follow (NULL: every unit). The one place
 * where a scope reaches the store while store functions do not yet take it as an argument
 * (issue 11 item 6); every app function that reads through the office cut calls it first.
 * Errors: TN_ERR_NOT_FOUND (an office no unit has; why says so), TN_ERR_STORE. */
tn_err tn__app_cut(struct tn_app *app, const struct tn_scope *scope);

/* The day a report judges deadlines on: the day of p->as_of, else of app->now. Errors:
 * TN_ERR_PARSE when that time does not start with a day YYYY-MM-DD. */
tn_err tn__app_report_day(const struct tn_app *app, const struct tn_report_params *p, tn_day *out);

/* One file's reports, in their order (report_registry.c lists the groups). */
struct tn__report_group {
    const struct tn_report *reports;
    size_t n;
};

#define TN__REPORT_GROUP(name, array)                                                              \
    const struct tn__report_group name = {array, sizeof array / sizeof array[0]}

extern const struct tn__report_group tn__reports_ledger;
extern const struct tn__report_group tn__reports_cases;
extern const struct tn__report_group tn__reports_case_registers;
extern const struct tn__report_group tn__reports_inspections;

#endif
