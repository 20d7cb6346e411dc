/*
 * officer_int.h - officers' names for the application's answers that show an officer's code
 * (app_officers.c; docs/web.md "Officers by name"): the units list, a unit's page and the
 * officers' list the worklists read. Only src/app/ includes this.
 */
#ifndef THUNO_OFFICER_INT_H
#define THUNO_OFFICER_INT_H

#include "thuno/app.h"

/* An officer in charge of some unit of a period: its code, full name and office. */
struct tn__officer_name {
    char code[32];
    char name[TN_NAME_BUFSZ];
    char office[32];
};

/* Officers by code (sorted), as tn__app_officer_names reads them. */
struct tn__officer_names {
    struct tn__officer_name *v;
    size_t n, cap;
};

/* Empties m; tn__officer_names_release frees what it holds and leaves it as if initialized. */
void tn__officer_names_init(struct tn__officer_names *m);
void tn__officer_names_release(struct tn__officer_names *m);

/* The officers in charge (at the period's end) of units with a balance of period under the
 * office cut office (NULL: every unit), names as known at as_of (NULL: now), into m (released
 * first), by code: composed from the store's officer KPIs (tn_store_kpi, TN_KPI_OFFICER), whose
 * rows carry officers.csv's full_name. Nothing when period < 0. Errors: TN_ERR_STORE. */
tn_err tn__app_officer_names(struct tn_app *app, const char *office, tn_period period,
                             const char *as_of, struct tn__officer_names *m);

/* Every officer as known at as_of (NULL: now), into m (released first), by code: the store's
 * officer table read whole (tn_store_officers), the names shown beside officers' codes.
 * Errors: TN_ERR_STORE. */
tn_err tn__app_officer_directory(struct tn_app *app, const char *as_of,
                                 struct tn__officer_names *m);

/* The name of the officer code in m, "" when m has none (or code is empty); borrowed from m. */
const char *tn__officer_name(const struct tn__officer_names *m, const char *code);

#endif
