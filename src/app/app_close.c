/*
 * app_close.c - the first run of a store and the monthly close (app.h "the monthly close").
 * The close's rules are in store/close.c for now (issue 11 item 1 moves them to core); this
 * file is what every face calls: the caller's clock, the policy loaded once, the scope.
 */
#include "app_int.h"

#include <stdio.h>

#include "thuno/close.h"
#include "thuno/period.h"
#include "thuno/store.h"

tn_err tn_app_init_store(struct tn_app *app, const struct tn_scope *scope)
{
    (void)scope;
    app->why[0] = '\0';
    tn_err err = tn_store_begin(app->store);
    if (!err)
        err = tn_store_commit(app->store);
    return err;
}

/* Refuses a scope cut to a district office for what only the province office does. */
tn_err tn__app_province_only(struct tn_app *app, const struct tn_scope *scope, const char *vi,
                             const char *en)
{
    if (!scope || !scope->office)
        return TN_OK;
    return tn__app_fail(app, TN_ERR_STATE,
                        "%s là việc của BHXH tỉnh, không phải của cơ quan %s / %s is the province "
                        "office's, not office %s's",
                        vi, scope->office, en, scope->office);
}

tn_err tn_app_close_check(struct tn_app *app, const struct tn_scope *scope, tn_period period)
{
    app->why[0] = '\0';
    tn_err err = tn__app_province_only(app, scope, "Khóa sổ tháng", "the monthly close");
    if (err)
        return err;
    char asked[TN_PERIOD_BUFSZ], cur[TN_PERIOD_BUFSZ], a[TN_PERIOD_BUFSZ], b[TN_PERIOD_BUFSZ],
        f[TN_PERIOD_BUFSZ];
    tn_period_format(period, asked);
    tn_day today;
    char day[TN_DAY_BUFSZ];
    snprintf(day, sizeof day, "%.10s", app->now);
    if (tn_day_parse(day, &today) == TN_OK && period > tn_day_period(today)) {
        tn_period_format(tn_day_period(today), cur);
        return tn__app_fail(app, TN_ERR_RANGE,
                            "kỳ %s chưa bắt đầu (hôm nay %s) / %s has not begun (today is %s): "
                            "close %s or an earlier period",
                            asked, day, asked, day, cur);
    }
    tn_period first, last;
    err = tn_store_closed_periods(app->store, &first, &last);
    if (err == TN_ERR_NOT_FOUND)
        return TN_OK; /* the first close: any period that has begun */
    if (err)
        return err;
    tn_period_format(first, f);
    tn_period_format(last, a);
    tn_period_format(last + 1, b);
    /* the texts of the store's own check (close.c), which stays as the last word */
    if (period < first)
        return tn__app_fail(app, TN_ERR_RANGE,
                            "%s is before the ledger's first period %s and the last closed "
                            "period is %s; changes to it are recognised as adjustments when %s "
                            "(or %s) is closed",
                            asked, f, a, a, b);
    if (period < last)
        return tn__app_fail(app, TN_ERR_CONFLICT,
                            "%s is already closed and the last closed period is %s; changes to "
                            "it are recognised as adjustments when %s (or %s) is closed",
                            asked, a, a, b);
    if (period > last + 1)
        return tn__app_fail(app, TN_ERR_RANGE, "the last closed period is %s: close %s first", a,
                            b);
    return TN_OK;
}

tn_err tn_app_close(struct tn_app *app, const struct tn_scope *scope, tn_period period,
                    void (*progress)(void *ctx, long long done, long long total), void *ctx,
                    struct tn_close_stats *stats)
{
    tn_err err = tn_app_close_check(app, scope, period);
    if (err)
        return err;
    /* a month that has not begun has nothing to close yet, and closing it would fix the
     * ledger's first or last month where no later close could take it back */
    char month[8];
    tn_period today;
    snprintf(month, sizeof month, "%.7s", app->now);
    if (tn_period_parse(month, &today) == TN_OK && period > today) {
        char asked[TN_PERIOD_BUFSZ];
        tn_period_format(period, asked);
        return tn__app_fail(app, TN_ERR_STATE,
                            "tháng %s chưa bắt đầu (hôm nay %.10s) / %s has not begun (today "
                            "is %.10s)",
                            asked, app->now, asked, app->now);
    }
    struct tn_close_stats st;
    /* why gets the close's own explanation, the store's text included */
    err = tn_close_period(app->store, app->policy, period, app->now, &st, progress, ctx, app->why,
                          sizeof app->why);
    if (!err)
        *stats = st;
    return err;
}
