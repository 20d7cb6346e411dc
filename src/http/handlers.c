/*
 * handlers.c - the API's reading endpoints and its session (docs/api.md): each parses its
 * parameters, asks tn_app_authorize, makes one app call and writes what it gives as JSON or
 * through the report writers (table_out.h, explain_out.h).
 */
#include "http_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/explain_out.h"
#include "thuno/report.h"
#include "thuno/table_out.h"

/* ---- session ---- */

void tn__h_login(struct tn__http_req *q, struct tn__http_reply *r)
{
    json_error_t jerr;
    json_t *body = json_loadb(q->body ? q->body : "", q->len, 0, &jerr);
    const char *login = NULL, *password = NULL;
    if (json_is_object(body) && tn__http_fields(r, body, "session")) {
        json_decref(body);
        return;
    }
    if (!body || json_unpack(body, "{s:s, s:s}", "login", &login, "password", &password)) {
        json_decref(body);
        tn__http_fail(
            r, 400, "malformed",
            "cần JSON {\"login\", \"password\"} / expected JSON {\"login\", \"password\"}", NULL);
        return;
    }
    struct tn_login l;
    tn_err err = tn_app_login(q->app, login, password, q->address, &l);
    json_decref(body);
    if (err) {
        tn__http_error(r, q->app, err);
        return;
    }
    snprintf(r->cookie, sizeof r->cookie,
             "thuno_session=%s; HttpOnly; SameSite=Strict; Path=/api/v1; Max-Age=%d", l.token,
             tn_app_auth_settings()->session_s);
    tn__http_json(r, 200,
                  json_pack("{s:s, s:s, s:{s:s, s:s, s:s?, s:s?}}", "csrf", l.csrf, "expires",
                            l.expires, "user", "login", l.user.login, "role",
                            tn_role_name(l.user.role), "office",
                            l.user.office[0] ? l.user.office : NULL, "officer",
                            l.user.officer[0] ? l.user.officer : NULL));
}

void tn__h_logout(struct tn__http_req *q, struct tn__http_reply *r)
{
    tn_err err = tn_app_logout(q->app, q->token);
    if (err) {
        tn__http_error(r, q->app, err);
        return;
    }
    snprintf(r->cookie, sizeof r->cookie,
             "thuno_session=; HttpOnly; SameSite=Strict; Path=/api/v1; Max-Age=0");
    tn__http_json(r, 200, json_object());
}

/* ---- reports ---- */

static const char *type_name(enum tn_col_type t)
{
    static const char *const names[] = {"text",   "money", "count", "number",
                                        "tenths", "date",  "period"};
    return (unsigned)t < sizeof names / sizeof names[0] ? names[t] : "text";
}

static json_t *columns(const struct tn_col *cols, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(a, json_pack("{s:s, s:s, s:s, s:s, s:b}", "id", cols[i].id, "type",
                                           type_name(cols[i].type), "vi", cols[i].vi, "en",
                                           cols[i].en, "adds", cols[i].adds));
    return a;
}

void tn__h_reports(struct tn__http_req *q, struct tn__http_reply *r)
{
    tn_err err = tn_app_authorize(q->app, &q->scope, q->user.login, TN_OP_report_read, "");
    if (err) {
        tn__http_error(r, q->app, err);
        return;
    }
    static const struct {
        int flag;
        const char *name;
    } flags[] = {{TN_REPORT_PERIOD, "period"},   {TN_REPORT_YEAR, "year"},
                 {TN_REPORT_RANGE, "range"},     {TN_REPORT_OFFICE, "office"},
                 {TN_REPORT_OFFICER, "officer"}, {TN_REPORT_NO_SUM, "no_sum"},
                 {TN_REPORT_CASE, "case"},       {TN_REPORT_MONTHS, "months"},
                 {TN_REPORT_DEPT, "department"}, {TN_REPORT_UNITS, "units"},
                 {TN_REPORT_UNIT, "unit"}};
    json_t *a = json_array();
    for (size_t i = 0; i < tn_app_report_count(); i++) {
        const struct tn_report *rep = tn_app_report_at(i);
        int f = tn_app_report_flags(rep);
        json_t *fl = json_array();
        for (size_t k = 0; k < sizeof flags / sizeof flags[0]; k++)
            if (f & flags[k].flag)
                json_array_append_new(fl, json_string(flags[k].name));
        json_array_append_new(a, json_pack("{s:s, s:s, s:s, s:o, s:o}", "name", rep->name, "title",
                                           rep->title, "what", rep->what, "flags", fl, "columns",
                                           columns(rep->cols, rep->ncols)));
    }
    tn__http_json(r, 200, json_pack("{s:o}", "reports", a));
}

/* A query parameter that is given and malformed is a 400 naming it. */
static int bad_arg(struct tn__http_reply *r, const char *name, const char *expected)
{
    char msg[160];
    snprintf(msg, sizeof msg, "tham số %s phải là %s / %s must be %s", name, expected, name,
             expected);
    tn__http_fail(r, 400, "bad_request", msg, NULL);
    return 1;
}

/* The report parameters of q into p (as_of into as_of). 1 when a reply was made (400). */
static int report_params(struct tn__http_req *q, struct tn__http_reply *r,
                         struct tn_report_params *p, char as_of[20])
{
    const char *v;
    tn_report_params_init(p);
    if ((v = tn__http_arg(q, "period")) && tn_period_parse(v, &p->period))
        return bad_arg(r, "period", "YYYY-MM");
    if ((v = tn__http_arg(q, "year"))) {
        char *end;
        long y = strtol(v, &end, 10);
        if (strlen(v) != 4 || *end || y < 1900)
            return bad_arg(r, "year", "YYYY");
        p->year = (int)y;
    }
    /* from and to: days, or months (YYYY-MM) for the series by month */
    if ((v = tn__http_arg(q, "from")) &&
        (strlen(v) == 7 ? tn_period_parse(v, &p->first) : tn_day_parse(v, &p->from)))
        return bad_arg(r, "from", "YYYY-MM-DD or YYYY-MM");
    if ((v = tn__http_arg(q, "to")) &&
        (strlen(v) == 7 ? tn_period_parse(v, &p->last) : tn_day_parse(v, &p->to)))
        return bad_arg(r, "to", "YYYY-MM-DD or YYYY-MM");
    if ((v = tn__http_arg(q, "date")) && tn_day_parse(v, &p->day))
        return bad_arg(r, "date", "YYYY-MM-DD");
    if ((v = tn__http_arg(q, "as_of"))) {
        if (tn_report_as_of(v, as_of))
            return bad_arg(r, "as_of", "YYYY-MM-DD[THH:MM:SS]");
        p->as_of = as_of;
    }
    p->officer = tn__http_arg(q, "officer");
    p->case_id = tn__http_arg(q, "case");
    p->department = tn__http_arg(q, "department");
    p->unit = tn__http_arg(q, "unit");
    /* the units list's filters and sort (GET /units's names) */
    p->type = tn__http_arg(q, "type");
    p->bucket = tn__http_arg(q, "bucket");
    p->legal_status = tn__http_arg(q, "legal_status");
    p->text = tn__http_arg(q, "q");
    p->sort = tn__http_arg(q, "sort");
    if ((v = tn__http_arg(q, "order"))) {
        if (strcmp(v, "asc") != 0 && strcmp(v, "desc") != 0)
            return bad_arg(r, "order", "asc or desc");
        p->desc = strcmp(v, "desc") == 0;
    }
    return 0;
}

static const char *content_type(enum tn_out_format f)
{
    switch (f) {
    case TN_OUT_CSV:
        return "text/csv; charset=utf-8";
    case TN_OUT_XLSX:
        return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    case TN_OUT_PDF:
        return "application/pdf";
    default:
        return "application/json; charset=utf-8";
    }
}

/* The opaque cursor: "p", the position of the page's first row (tn_report_page's skip) and,
 * when its group is not "", "o" and the group's hex. 1 when c is not one. */
static int cursor_read(const char *c, struct tn_report_page *page)
{
    char *end;
    if (c[0] != 'p' || c[1] < '0' || c[1] > '9' || strspn(c + 1, "0123456789") > 9)
        return 1;
    page->skip = (size_t)strtol(c + 1, &end, 10);
    if (!*end)
        return 0;
    size_t n = strlen(end + 1);
    if (*end != 'o' || !n || n % 2 || n / 2 >= sizeof page->group ||
        strspn(end + 1, "0123456789abcdef") != n)
        return 1;
    for (size_t i = 0; i < n / 2; i++) {
        char hex[3] = {end[1 + 2 * i], end[2 + 2 * i], 0};
        page->group[i] = (char)strtol(hex, NULL, 16);
    }
    page->group[n / 2] = '\0';
    return strlen(page->group) != n / 2; /* no NUL inside */
}

/* The cursor of the page after page's into out (cursor_read's form). */
static void cursor_make(const struct tn_report_page *page, char *out, size_t cap)
{
    int at = snprintf(out, cap, "p%zu%s", page->next, page->group[0] ? "o" : "");
    for (const char *g = page->group; *g && at > 0 && (size_t)at + 2 < cap; g++)
        at += snprintf(out + at, cap - (size_t)at, "%02x", (unsigned char)*g);
}

/* A paged report's limit and cursor into page (limit 0: no page asked). 1 when a reply was
 * made (400: malformed, or given for a report that is not paged). */
static int page_params(struct tn__http_req *q, struct tn__http_reply *r,
                       const struct tn_report *rep, struct tn_report_page *page)
{
    const char *limit = tn__http_arg(q, "limit"), *cursor = tn__http_arg(q, "cursor");
    if (!limit && !cursor)
        return 0;
    if (!(tn_app_report_flags(rep) & TN_REPORT_PAGED)) {
        tn__http_fail(r, 400, "bad_request",
                      "báo cáo này không chia trang (limit, cursor) / this report is not paged "
                      "(limit, cursor)",
                      NULL);
        return 1;
    }
    char *end;
    long n = limit ? strtol(limit, &end, 10) : TN_WORKLIST_LIMIT_DEFAULT;
    if (limit && (!*limit || *end || n < 1 || n > TN_WORKLIST_LIMIT_MAX))
        return bad_arg(r, "limit", "1..500");
    page->limit = (size_t)n;
    if (cursor && cursor_read(cursor, page))
        return bad_arg(r, "cursor", "the X-Next-Cursor of the page before");
    return 0;
}

/* GET /reports/{name}, or with unit (not NULL) the report of the unit the path names. */
static void report_reply(struct tn__http_req *q, struct tn__http_reply *r, const char *name,
                         const char *unit);

void tn__h_report(struct tn__http_req *q, struct tn__http_reply *r)
{
    report_reply(q, r, q->segs[1], NULL);
}

void tn__h_unit_ledger(struct tn__http_req *q, struct tn__http_reply *r)
{
    if (tn__http_arg(q, "unit")) { /* the path names the unit */
        bad_arg(r, "unit", "absent (the path names the unit)");
        return;
    }
    report_reply(q, r, "unit_ledger", q->segs[1]);
}

static void report_reply(struct tn__http_req *q, struct tn__http_reply *r, const char *name,
                         const char *unit)
{
    tn_err err = tn_app_authorize(q->app, &q->scope, q->user.login, TN_OP_report_read, name);
    if (err) {
        tn__http_error(r, q->app, err);
        return;
    }
    const struct tn_report *rep = tn_app_report(name);
    if (!rep) {
        tn__http_fail(r, 404, "not_found", "không có báo cáo này / no such report", NULL);
        return;
    }
    struct tn_report_params p;
    char as_of[20];
    if (report_params(q, r, &p, as_of))
        return;
    if (unit)
        p.unit = unit;
    const char *fmt_name = tn__http_arg(q, "format");
    enum tn_out_format fmt = TN_OUT_JSON;
    if (fmt_name && tn_out_format_parse(fmt_name, &fmt)) {
        bad_arg(r, "format", "json, csv, xlsx or pdf");
        return;
    }
    struct tn_report_page page = {0, 0, 0, 0, ""};
    if (page_params(q, r, rep, &page))
        return;
    struct tn_scope scope = q->scope;
    if ((err = tn_app_scope_narrow(q->app, &q->scope, q->user.login, tn__http_arg(q, "office"),
                                   &scope.office))) {
        tn__http_error(r, q->app, err);
        return;
    }
    const char *lang = tn__http_arg(q, "lang");
    struct tn_table_meta meta = {rep->title,
                                 "",
                                 p.as_of ? p.as_of : q->app->now,
                                 (tn_app_report_flags(rep) & TN_REPORT_NO_SUM) != 0,
                                 lang && strcmp(lang, "en") == 0 ? TN_LANG_EN : TN_LANG_VI,
                                 NULL};
    if (!page.limit && !q->bare) { /* a whole report: sent as it is written (stream.c) */
        tn__http_report_stream(q, r, rep, &scope, &p, fmt, &meta, content_type(fmt));
        return;
    }
    /* a page (at most TN_WORKLIST_LIMIT_MAX rows), or a whole report asked without a
     * connection (the fuzz target's requests: no thread, no store of its own), made here */
    p.page = page.limit ? &page : NULL;
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f) {
        tn__http_error(r, q->app, TN_ERR_IO);
        return;
    }
    struct tn_table_out t;
    err = tn_table_begin(&t, f, fmt, &meta, rep->cols, rep->ncols);
    struct tn_sink sink = tn_table_sink(&t);
    if (!err)
        err = tn_app_report_for(q->app, &scope, rep, &p, &sink);
    tn_err end = tn_table_end(&t);
    fclose(f);
    err = err ? err : end;
    if (err) {
        free(buf);
        tn__http_error(r, q->app, err);
        return;
    }
    if (page.more)
        cursor_make(&page, r->next, sizeof r->next);
    tn__http_bytes(r, content_type(fmt), buf, len);
}

/* ---- one unit ---- */

/* The period and as_of of a unit's endpoint. 1 when a reply was made (400). */
static int unit_params(struct tn__http_req *q, struct tn__http_reply *r, tn_period *period,
                       char as_of[20], const char **as_of_p)
{
    const char *v = tn__http_arg(q, "period");
    if (!v || tn_period_parse(v, period))
        return bad_arg(r, "period", "YYYY-MM");
    *as_of_p = NULL;
    if ((v = tn__http_arg(q, "as_of"))) {
        if (tn_report_as_of(v, as_of))
            return bad_arg(r, "as_of", "YYYY-MM-DD[THH:MM:SS]");
        *as_of_p = as_of;
    }
    return 0;
}

/* A unit's endpoint's checks: the user may read the unit (403, audited, otherwise), then its
 * period and as_of. 1 when a reply was made. */
static int unit_request(struct tn__http_req *q, struct tn__http_reply *r, const char *unit,
                        tn_period *period, char as_of[20], const char **as_of_p)
{
    tn_err err = tn_app_authorize(q->app, &q->scope, q->user.login, TN_OP_unit_read, unit);
    if (err) {
        tn__http_error(r, q->app, err);
        return 1;
    }
    return unit_params(q, r, period, as_of, as_of_p);
}

void tn__h_balance(struct tn__http_req *q, struct tn__http_reply *r)
{
    const char *unit = q->segs[1], *as_of_p;
    tn_period period;
    char as_of[20];
    if (unit_request(q, r, unit, &period, as_of, &as_of_p))
        return;
    tn_err err;
    const struct tn_report *rep = tn_app_report("balances");
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f) {
        tn__http_error(r, q->app, TN_ERR_IO);
        return;
    }
    /* the JSON writer's one row: the same fields and figures as the report */
    struct tn_table_out t;
    err = tn_table_begin(&t, f, TN_OUT_JSON, NULL, rep->cols, rep->ncols);
    struct tn_sink sink = tn_table_sink(&t);
    if (!err)
        err = tn_app_unit_balance(q->app, &q->scope, unit, period, as_of_p, &sink);
    tn_err end = tn_table_end(&t);
    fclose(f);
    err = err ? err : end;
    char *open = buf ? strchr(buf, '{') : NULL, *close = buf ? strrchr(buf, '}') : NULL;
    if (!err && (!open || !close))
        err = TN_ERR_IO;
    if (err) {
        free(buf);
        tn__http_error(r, q->app, err);
        return;
    }
    size_t n = (size_t)(close - open) + 1;
    memmove(buf, open, n);
    buf[n] = '\0';
    tn__http_bytes(r, content_type(TN_OUT_JSON), buf, n);
}

void tn__h_explain(struct tn__http_req *q, struct tn__http_reply *r)
{
    const char *unit = q->segs[1], *as_of_p;
    tn_period period;
    char as_of[20];
    if (unit_request(q, r, unit, &period, as_of, &as_of_p))
        return;
    tn_err err;
    struct tn_explain e;
    tn_explain_init(&e);
    char *buf = NULL;
    size_t len = 0;
    if (!(err = tn_app_unit_visible(q->app, &q->scope, unit, as_of_p)) &&
        !(err = tn_app_explain(q->app, &q->scope, unit, period, as_of_p, &e))) {
        FILE *f = open_memstream(&buf, &len);
        err = f ? tn_explain_write_json(f, &e) : TN_ERR_IO;
        if (f)
            fclose(f);
    }
    tn_explain_release(&e);
    if (err) {
        free(buf);
        tn__http_error(r, q->app, err);
        return;
    }
    tn__http_bytes(r, content_type(TN_OUT_JSON), buf, len);
}

/* ---- the audit log ---- */

void tn__h_audit(struct tn__http_req *q, struct tn__http_reply *r)
{
    tn_err err = tn_app_authorize(q->app, &q->scope, q->user.login, TN_OP_audit_read, "");
    if (err) {
        tn__http_error(r, q->app, err);
        return;
    }
    struct tn_audit_filter filter = {tn__http_arg(q, "unit"), tn__http_arg(q, "user"),
                                     tn__http_arg(q, "from"), tn__http_arg(q, "to")};
    size_t ncols;
    const struct tn_col *cols = tn_app_audit_cols(&ncols);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f) {
        tn__http_error(r, q->app, TN_ERR_IO);
        return;
    }
    struct tn_table_out t;
    err = tn_table_begin(&t, f, TN_OUT_JSON, NULL, cols, ncols);
    struct tn_sink sink = tn_table_sink(&t);
    if (!err)
        err = tn_app_audit(q->app, &filter, &sink);
    tn_err end = tn_table_end(&t);
    fclose(f);
    err = err ? err : end;
    if (err) {
        free(buf);
        tn__http_error(r, q->app, err);
        return;
    }
    tn__http_bytes(r, content_type(TN_OUT_JSON), buf, len);
}
