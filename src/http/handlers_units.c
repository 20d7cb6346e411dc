/*
 * handlers_units.c - the units to browse (docs/api.md "Units"): GET /api/v1/units (filters,
 * sort, cursor pages; app.h tn_app_units) and GET /api/v1/units/{code} (registry data and the
 * last balance; tn_app_unit), each with its officer's name beside its code, and GET
 * /api/v1/officers (a period's officers by name: what the worklists show beside a code;
 * tn_app_officers). Each parses its parameters, asks tn_app_authorize (unit.read),
 * makes one app call and writes JSON.
 */
#include "http_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A 400 naming the parameter and what it must be. */
static void bad_param(struct tn__http_reply *r, const char *name, const char *expected)
{
    char msg[200];
    snprintf(msg, sizeof msg, "tham số %s phải là %s / %s must be %s", name, expected, name,
             expected);
    tn__http_fail(r, 400, "bad_request", msg, NULL);
}

/* s, or JSON null when it is empty. */
static json_t *text_or_null(const char *s)
{
    return s && *s ? json_string(s) : json_null();
}

static json_t *period_or_null(tn_period p)
{
    char buf[TN_PERIOD_BUFSZ];
    return p >= 0 && !tn_period_format(p, buf) ? json_string(buf) : json_null();
}

/* Months owed as the balances report writes them: tenths as a number with one decimal. */
static json_t *months(const struct tn_unit_entry *u)
{
    return u->has_balance && u->months_owed_tenths >= 0
               ? json_real((double)u->months_owed_tenths / 10)
               : json_null();
}

/* j (stolen) as the reply, numbers with at most 10 significant digits (months owed: 2.7, not
 * 2.7000000000000002). */
static void reply_json(struct tn__http_reply *r, json_t *j)
{
    char *text = json_dumps(j, JSON_COMPACT | JSON_REAL_PRECISION(10));
    json_decref(j);
    if (!text) {
        tn__http_error(r, NULL, TN_ERR_IO);
        return;
    }
    tn__http_bytes(r, "application/json; charset=utf-8", text, strlen(text));
}

/* The as_of parameter into as_of (*p NULL when absent). 1 when a reply was made (400). */
static int as_of_param(struct tn__http_req *q, struct tn__http_reply *r, char as_of[20],
                       const char **p)
{
    const char *v = tn__http_arg(q, "as_of");
    *p = NULL;
    if (v) {
        if (tn_report_as_of(v, as_of)) {
            bad_param(r, "as_of", "YYYY-MM-DD[THH:MM:SS]");
            return 1;
        }
        *p = as_of;
    }
    return 0;
}

/* clang-format off */
static const struct {
    const char *name;
    enum tn_unit_sort sort;
} sorts[] = {
    {"code", TN_UNIT_SORT_CODE}, {"name", TN_UNIT_SORT_NAME},
    {"debt", TN_UNIT_SORT_DEBT}, {"months_owed", TN_UNIT_SORT_MONTHS_OWED},
};
/* clang-format on */

/* The query of GET /units into u. 1 when a reply was made (400). */
static int list_params(struct tn__http_req *q, struct tn__http_reply *r, struct tn_unit_query *u,
                       char as_of[20])
{
    memset(u, 0, sizeof *u);
    u->period = -1;
    const char *v;
    if ((v = tn__http_arg(q, "period")) && tn_period_parse(v, &u->period)) {
        bad_param(r, "period", "YYYY-MM");
        return 1;
    }
    if (as_of_param(q, r, as_of, &u->as_of))
        return 1;
    if ((v = tn__http_arg(q, "sort"))) {
        size_t i = 0;
        while (i < sizeof sorts / sizeof sorts[0] && strcmp(sorts[i].name, v) != 0)
            i++;
        if (i == sizeof sorts / sizeof sorts[0]) {
            bad_param(r, "sort", "code, name, debt or months_owed");
            return 1;
        }
        u->sort = sorts[i].sort;
    }
    if ((v = tn__http_arg(q, "order"))) {
        if (strcmp(v, "asc") != 0 && strcmp(v, "desc") != 0) {
            bad_param(r, "order", "asc or desc");
            return 1;
        }
        u->desc = strcmp(v, "desc") == 0;
    }
    if ((v = tn__http_arg(q, "limit"))) {
        char *end;
        long n = strtol(v, &end, 10);
        if (!*v || *end || n < 1 || n > TN_UNITS_LIMIT_MAX) {
            bad_param(r, "limit", "1..500");
            return 1;
        }
        u->limit = (size_t)n;
    }
    u->cursor = tn__http_arg(q, "cursor");
    u->officer = tn__http_arg(q, "officer");
    u->type = tn__http_arg(q, "type");
    u->bucket = tn__http_arg(q, "bucket");
    u->legal_status = tn__http_arg(q, "legal_status");
    u->text = tn__http_arg(q, "q");
    return 0;
}

void tn__h_units(struct tn__http_req *q, struct tn__http_reply *r)
{
    tn_err err = tn_app_authorize(q->app, &q->scope, q->user.login, TN_OP_unit_read, "");
    if (err) {
        tn__http_error(r, q->app, err);
        return;
    }
    struct tn_unit_query u;
    char as_of[20];
    if (list_params(q, r, &u, as_of))
        return;
    struct tn_scope scope = q->scope;
    if ((err = tn_app_scope_narrow(q->app, &q->scope, q->user.login, tn__http_arg(q, "office"),
                                   &scope.office))) {
        tn__http_error(r, q->app, err);
        return;
    }
    struct tn_unit_page page;
    tn_unit_page_init(&page);
    if ((err = tn_app_units(q->app, &scope, &u, &page))) {
        tn__http_error(r, q->app, err);
        return;
    }
    json_t *a = json_array();
    for (size_t i = 0; i < page.n; i++) {
        const struct tn_unit_entry *e = &page.units[i];
        json_t *debt = e->has_balance ? json_integer(e->debt) : json_null();
        json_array_append_new(
            a, json_pack("{s:s, s:s, s:s, s:s, s:o, s:o, s:o, s:s, s:o, s:o, s:o, s:o}",
                         "unit_code", e->unit_code, "name", e->name, "type", e->type, "status",
                         e->status, "office_code", text_or_null(e->office_code), "officer_code",
                         text_or_null(e->officer_code), "officer_name",
                         text_or_null(page.officer_names ? page.officer_names[i] : ""), "tax_code",
                         e->tax_code, "debt", debt, "months_owed", months(e), "bucket",
                         text_or_null(e->has_balance ? e->bucket : ""), "legal_status",
                         text_or_null(e->has_balance ? e->legal_status : "")));
    }
    reply_json(r, json_pack("{s:o, s:o, s:o}", "period", period_or_null(page.period), "units", a,
                            "next", text_or_null(page.next)));
    tn_unit_page_release(&page);
}

void tn__h_unit(struct tn__http_req *q, struct tn__http_reply *r)
{
    const char *unit = q->segs[1], *as_of_p;
    char as_of[20];
    tn_err err = tn_app_authorize(q->app, &q->scope, q->user.login, TN_OP_unit_read, unit);
    if (err) {
        tn__http_error(r, q->app, err);
        return;
    }
    if (as_of_param(q, r, as_of, &as_of_p))
        return;
    struct tn_unit_entry e;
    tn_period period;
    if ((err = tn_app_unit(q->app, &q->scope, unit, as_of_p, &e, &period))) {
        tn__http_error(r, q->app, err);
        return;
    }
    char officer_name[TN_NAME_BUFSZ];
    if ((err = tn_app_unit_officer_name(q->app, &e, period, as_of_p, officer_name))) {
        tn__http_error(r, q->app, err);
        return;
    }
    json_t *balance = json_null();
    /* debt: past its deadline, not_due: assessed, not yet due (docs/ledger.md "Debt") */
    if (e.has_balance)
        balance =
            json_pack("{s:o, s:I, s:I, s:I, s:I, s:I, s:o, s:s, s:o, s:s}", "period",
                      period_or_null(period), "closing", (json_int_t)e.closing, "principal_due",
                      (json_int_t)e.principal_due, "interest_due", (json_int_t)e.interest_due,
                      "debt", (json_int_t)e.debt, "not_due", (json_int_t)e.not_due, "months_owed",
                      months(&e), "bucket", e.bucket, "oldest_unpaid_period",
                      period_or_null(e.oldest_unpaid), "legal_status", e.legal_status);
    reply_json(r,
               json_pack("{s:s, s:s, s:s, s:s, s:o, s:o, s:o, s:o, s:s, s:o, s:o}", "unit_code",
                         e.unit_code, "name", e.name, "type", e.type, "status", e.status,
                         "status_since", text_or_null(e.status_since), "office_code",
                         text_or_null(e.office_code), "officer_code", text_or_null(e.officer_code),
                         "officer_name", text_or_null(officer_name), "tax_code", e.tax_code,
                         "address", text_or_null(e.address), "balance", balance));
}

static tn_err officer_row(void *ctx, const struct tn_cell *cells)
{
    size_t n;
    const struct tn_col *cols = tn_app_officer_cols(&n);
    json_array_append_new(ctx, tn__http_row(cols, n, cells));
    return TN_OK;
}

void tn__h_officers(struct tn__http_req *q, struct tn__http_reply *r)
{
    tn_err err = tn_app_authorize(q->app, &q->scope, q->user.login, TN_OP_unit_read, "");
    if (err) {
        tn__http_error(r, q->app, err);
        return;
    }
    const char *v = tn__http_arg(q, "period"), *as_of_p;
    tn_period period;
    char as_of[20];
    if (!v || tn_period_parse(v, &period)) {
        bad_param(r, "period", "YYYY-MM");
        return;
    }
    if (as_of_param(q, r, as_of, &as_of_p))
        return;
    struct tn_scope scope = q->scope;
    if ((err = tn_app_scope_narrow(q->app, &q->scope, q->user.login, tn__http_arg(q, "office"),
                                   &scope.office))) {
        tn__http_error(r, q->app, err);
        return;
    }
    json_t *a = json_array();
    struct tn_sink sink = {officer_row, NULL, a};
    if ((err = tn_app_officers(q->app, &scope, period, as_of_p, &sink))) {
        json_decref(a);
        tn__http_error(r, q->app, err);
        return;
    }
    reply_json(r, json_pack("{s:o, s:o}", "period", period_or_null(period), "officers", a));
}
