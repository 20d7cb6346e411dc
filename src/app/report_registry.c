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
    &tn__reports_case_tables,    &tn__reports_series,  &tn__reports_users,
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

/* The checks of the case, the months, the unit, the department and the units' filters: each given
 * only to a report that takes it, and what a report needs given. */
static tn_err check_more(struct tn_app *app, const struct tn_report *r, int flags,
                         const struct tn_report_params *p)
{
    if ((flags & TN_REPORT_CASE) && (!p->case_id || !*p->case_id))
        return tn__app_fail(app, TN_ERR_USAGE, "%s cần mã hồ sơ / %s needs a case (--case ID)",
                            r->name, r->name);
    if (p->case_id && !(flags & TN_REPORT_CASE))
        return tn__app_fail(app, TN_ERR_USAGE, "%s takes no case", r->name);
    if ((flags & TN_REPORT_MONTHS) && (!p->first || !p->last))
        return tn__app_fail(app, TN_ERR_USAGE,
                            "%s cần khoảng tháng / %s needs a range of months (--from YYYY-MM "
                            "--to YYYY-MM)",
                            r->name, r->name);
    if ((p->first || p->last) && !(flags & TN_REPORT_MONTHS))
        return tn__app_fail(app, TN_ERR_USAGE, "%s takes no range of months", r->name);
    if (p->first && p->last && (p->last < p->first || p->last - p->first >= TN_REPORT_MONTHS_MAX))
        return tn__app_fail(app, TN_ERR_USAGE,
                            "từ tháng phải trước đến tháng, tối đa %d tháng / from must not be "
                            "after to, at most %d months",
                            TN_REPORT_MONTHS_MAX, TN_REPORT_MONTHS_MAX);
    if ((flags & TN_REPORT_UNIT) && (!p->unit || !*p->unit))
        return tn__app_fail(app, TN_ERR_USAGE, "%s cần mã đơn vị / %s needs a unit (--unit CODE)",
                            r->name, r->name);
    if (p->unit && !(flags & TN_REPORT_UNIT))
        return tn__app_fail(app, TN_ERR_USAGE, "%s takes no unit", r->name);
    if (p->department && !(flags & TN_REPORT_DEPT))
        return tn__app_fail(app, TN_ERR_USAGE, "%s cannot be cut by department", r->name);
    if ((p->type || p->bucket || p->legal_status || p->text || p->sort || p->desc) &&
        !(flags & TN_REPORT_UNITS))
        return tn__app_fail(app, TN_ERR_USAGE, "%s takes no filter of the units list", r->name);
    return TN_OK;
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
    tn_err err = check_more(app, r, flags, p);
    if (err)
        return err;
    struct tn_scope sc;
    err = tn__app_scope(app, scope, &sc);
    return err ? err : r->run(app, &sc, p, out);
}
