/*
 * app.c - the application context: the caller's time, policy and store, failures explained,
 * and the scope's office (app.h; docs/architecture.md).
 */
#include "app_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "thuno/office.h"
#include "thuno/store.h"

void tn_app_init(struct tn_app *app, struct tn_store *store, const struct tn_policy *policy,
                 const char *now, enum tn_lang lang)
{
    *app = (struct tn_app){.store = store, .policy = policy, .lang = lang};
    snprintf(app->now, sizeof app->now, "%s", now ? now : "");
}

const char *tn_app_why(const struct tn_app *app, tn_err err)
{
    if (app->why[0])
        return app->why;
    if (err == TN_ERR_STORE && app->store && tn_store_errmsg(app->store)[0])
        return tn_store_errmsg(app->store);
    return tn_err_message(err, app->lang);
}

tn_err tn__app_fail(struct tn_app *app, tn_err err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(app->why, sizeof app->why, fmt, ap);
    va_end(ap);
    return err;
}

tn_err tn_app_scope_office(struct tn_app *app, const char *office, const char **resolved)
{
    int province = 1;
    app->why[0] = '\0';
    tn_err err = office ? tn_store_office_known(app->store, office, &province) : TN_OK;
    if (err == TN_ERR_NOT_FOUND || err == TN_ERR_RANGE)
        return tn__app_fail(app, TN_ERR_NOT_FOUND,
                            "không có cơ quan BHXH \"%s\" / no office \"%s\": no unit or "
                            "officer has that office_code, and it is not the province office",
                            office, office);
    if (err)
        return err;
    *resolved = province ? NULL : office;
    return TN_OK;
}

tn_err tn__app_scope(struct tn_app *app, const struct tn_scope *scope, struct tn_scope *out)
{
    struct tn_scope sc = scope ? *scope : (struct tn_scope){NULL, NULL, TN_ROLE_ADMIN};
    int province = 1;
    tn_err err = sc.office ? tn_store_office_known(app->store, sc.office, &province) : TN_OK;
    if (err == TN_ERR_NOT_FOUND || err == TN_ERR_RANGE)
        return tn__app_fail(app, TN_ERR_NOT_FOUND,
                            "không có cơ quan BHXH \"%s\" / no office \"%s\"", sc.office,
                            sc.office);
    if (err)
        return err;
    if (province)
        sc.office = NULL;
    *out = sc;
    return TN_OK;
}

tn_err tn__app_unit_in_scope(struct tn_app *app, const struct tn_scope *scope, const char *unit,
                             const char *as_of)
{
    const char *office = scope ? scope->office : NULL;
    char own[TN_OFFICE_BUFSZ];
    if (!office || !office[0])
        return TN_OK;
    tn_err err = tn_store_unit_office(app->store, unit, as_of, own);
    if (err == TN_ERR_NOT_FOUND)
        return TN_OK;
    if (!err && strcmp(own, office) != 0)
        return tn__app_fail(app, TN_ERR_NOT_FOUND,
                            "đơn vị %s thuộc cơ quan BHXH khác / unit %s is not of office %s (its "
                            "office: %s)",
                            unit, unit, office, own[0] ? own : "the province office");
    return err;
}

tn_err tn__app_report_day(const struct tn_app *app, const struct tn_report_params *p, tn_day *out)
{
    char day[TN_DAY_BUFSZ];
    snprintf(day, sizeof day, "%.10s", p->as_of ? p->as_of : app->now);
    return tn_day_parse(day, out);
}

struct tn_cell tn__period_cell(tn_period p, char buf[static TN_PERIOD_BUFSZ])
{
    return p < 0 || tn_period_format(p, buf) ? tn_cell_null() : tn_cell_text(buf);
}
