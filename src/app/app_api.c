/*
 * app_api.c - what a user's scope lets it see (app_user.h; issue 12 item 3): an officer sees
 * only the units it is in charge of and the reports cut by officer, a district user only its
 * office's units. The faces call these instead of the plain report and unit functions when
 * the caller is a user rather than the office's own shell.
 */
#include "app_int.h"

#include <stdio.h>
#include <string.h>

#include "thuno/app_user.h"
#include "thuno/office.h"
#include "thuno/operations_store.h"
#include "thuno/report.h"
#include "thuno/store.h"

tn_err tn_app_report_for(struct tn_app *app, const struct tn_scope *scope,
                         const struct tn_report *r, const struct tn_report_params *p,
                         const struct tn_sink *out)
{
    struct tn_report_params q = *p;
    /* the statutory calendar is the office's duties, no unit's figures: every role reads it */
    if (scope->role == TN_ROLE_OFFICER && strcmp(r->name, "calendar") != 0) {
        if (!(tn_app_report_flags(r) & TN_REPORT_OFFICER) || !scope->officer)
            return tn__app_fail(app, TN_ERR_FORBIDDEN,
                                "cán bộ thu chỉ xem được báo cáo theo cán bộ / an officer sees "
                                "only the reports cut by officer (%s is not)",
                                r->name);
        q.officer = scope->officer; /* its own, whatever it asked */
    }
    return tn_app_report_run(app, scope, r, &q, out);
}

struct in_charge {
    const char *unit;
    int found;
};

static tn_err match_unit(void *ctx, const char *unit_code)
{
    struct in_charge *c = ctx;
    c->found |= strcmp(c->unit, unit_code) == 0;
    return TN_OK;
}

tn_err tn_app_unit_visible(struct tn_app *app, const struct tn_scope *scope, const char *unit,
                           const char *as_of)
{
    char office[TN_OFFICE_BUFSZ];
    tn_err err = tn_store_unit_office(app->store, unit, as_of, office);
    if (err == TN_ERR_STORE)
        return tn__app_fail(app, err, "%s", tn_store_errmsg(app->store));
    int visible = !err && (!scope->office || strcmp(office, scope->office) == 0);
    if (visible && scope->role == TN_ROLE_OFFICER) {
        char day[11];
        snprintf(day, sizeof day, "%.10s", as_of ? as_of : app->now);
        struct in_charge c = {unit, 0};
        if (!scope->officer ||
            (err = tn_store_units_in_charge(app->store, scope->officer, day, match_unit, &c)))
            return err ? tn__app_fail(app, err, "%s", tn_store_errmsg(app->store))
                       : tn__app_fail(app, TN_ERR_NOT_FOUND, "không có đơn vị %s / no unit %s",
                                      unit, unit);
        visible = c.found;
    }
    if (!visible)
        return tn__app_fail(app, TN_ERR_NOT_FOUND, "không có đơn vị %s / no unit %s", unit, unit);
    return TN_OK;
}

tn_err tn_app_unit_balance(struct tn_app *app, const struct tn_scope *scope, const char *unit,
                           tn_period period, const char *as_of, const struct tn_sink *out)
{
    tn_err err = tn_app_unit_visible(app, scope, unit, as_of);
    if (err)
        return err;
    /* the unit is visible: read it whatever the cut, one unit's row alone */
    struct tn_balance_row b;
    err = tn_store_unit_balance(app->store, NULL, unit, period, as_of, &b);
    if (err == TN_ERR_NOT_FOUND) {
        char per[TN_PERIOD_BUFSZ] = "";
        tn_period_format(period, per);
        return tn__app_fail(app, TN_ERR_NOT_FOUND,
                            "chưa có số dư kỳ %s của đơn vị %s / no closed balance of %s for %s",
                            per, unit, unit, per);
    }
    if (err)
        return tn__app_fail(app, err, "%s", tn_store_errmsg(app->store));
    return tn__report_balance_row((void *)out, &b);
}

tn_err tn_app_unit_ledger(struct tn_app *app, const struct tn_scope *scope, const char *unit,
                          tn_period first, tn_period last, const char *as_of,
                          const struct tn_sink *out)
{
    app->why[0] = '\0';
    if (last < first || last - first >= TN_REPORT_MONTHS_MAX)
        return tn__app_fail(app, TN_ERR_USAGE,
                            "từ tháng phải trước đến tháng, tối đa %d tháng / from must not be "
                            "after to, at most %d months",
                            TN_REPORT_MONTHS_MAX, TN_REPORT_MONTHS_MAX);
    tn_err err = tn_app_unit_visible(app, scope, unit, as_of);
    if (err)
        return err;
    err = tn_store_unit_ledger(app->store, unit, first, last, as_of, tn__report_balance_row,
                               (void *)out);
    if (err == TN_ERR_STORE)
        return tn__app_fail(app, err, "%s", tn_store_errmsg(app->store));
    return err;
}

tn_err tn_app_scope_narrow(struct tn_app *app, const struct tn_scope *user, const char *actor,
                           const char *office, const char **resolved)
{
    const char *r = NULL;
    if (!office) {
        *resolved = user->office;
        return TN_OK;
    }
    tn_err err = tn_app_scope_office(app, office, &r);
    if (err)
        return err;
    if (user->office && (!r || strcmp(r, user->office) != 0)) {
        char summary[96];
        snprintf(summary, sizeof summary, "a user of office %s", user->office);
        if ((err = tn_app_audit_add(app, actor, "scope.office", office, "refused", summary)))
            return err;
        return tn__app_fail(app, TN_ERR_FORBIDDEN,
                            "người dùng của %s chỉ xem được cơ quan mình / a user of %s sees "
                            "only its own office",
                            user->office, user->office);
    }
    *resolved = r;
    return TN_OK;
}
