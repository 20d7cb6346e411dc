/*
 * report_registry.c - every report in one registry: the groups of the report files in the
 * order `report --list` shows them, lookup, and the one entry point that checks a report's
 * parameters and runs it for a scope (app.h). A new report goes into its area's file
 * (report_<area>.c) as one entry of that file's array; a new area adds its group here.
 */
#include "app_int.h"

#include <string.h>

static const struct tn__report_group *const groups[] = {
    &tn__reports_ledger,         &tn__reports_cases,   &tn__reports_lists,
    &tn__reports_case_registers, &tn__reports_payops,  &tn__reports_inspections,
    &tn__reports_operations,     &tn__reports_letters, &tn__reports_calendar,
};

#define NGROUPS (sizeof groups / sizeof groups[0])

size_t tn_app_report_count(void)
{
    size_t n = 0;
    for (size_t g = 0; g < NGROUPS; g++)
        n += groups[g]->n;
    return n;
}

const struct tn_report *tn_app_report_at(size_t i)
{
    for (size_t g = 0; g < NGROUPS; g++) {
        if (i < groups[g]->n)
            return &groups[g]->reports[i];
        i -= groups[g]->n;
    }
    return NULL;
}

const struct tn_report *tn_app_report(const char *name)
{
    for (size_t g = 0; g < NGROUPS; g++)
        for (size_t i = 0; i < groups[g]->n; i++)
            if (strcmp(groups[g]->reports[i].name, name) == 0)
                return &groups[g]->reports[i];
    return NULL;
}

int tn_app_report_flags(const struct tn_report *r)
{
    return r->flags ? r->flags : TN_REPORT_PERIOD;
}

void tn_report_params_init(struct tn_report_params *p)
{
    *p = (struct tn_report_params){
        .period = -1, .from = 0, .to = 2932896 /* 9999-12-31 */, .day = -1};
}

tn_err tn_app_report_run(struct tn_app *app, const struct tn_scope *scope,
                         const struct tn_report *r, const struct tn_report_params *p,
                         const struct tn_sink *out)
{
    int flags = tn_app_report_flags(r);
    app->why[0] = '\0';
    if ((flags & TN_REPORT_PERIOD) && p->period < 0)
        return tn__app_fail(app, TN_ERR_USAGE, "%s needs a period YYYY-MM", r->name);
    if ((flags & TN_REPORT_YEAR) && (p->period < 0) == !p->year)
        return tn__app_fail(app, TN_ERR_USAGE, "%s needs a year or a period (one of them)",
                            r->name);
    if (p->year && !(flags & TN_REPORT_YEAR))
        return tn__app_fail(app, TN_ERR_USAGE, "%s takes no year", r->name);
    if (scope->office && !(flags & TN_REPORT_OFFICE))
        return tn__app_fail(app, TN_ERR_USAGE, "%s cannot be cut by office", r->name);
    if (p->officer && !(flags & TN_REPORT_OFFICER))
        return tn__app_fail(app, TN_ERR_USAGE, "%s cannot be cut by officer", r->name);
    struct tn_scope sc;
    tn_err err = tn__app_scope(app, scope, &sc);
    return err ? err : r->run(app, &sc, p, out);
}
