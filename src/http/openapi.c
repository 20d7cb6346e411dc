/*
 * openapi.c - GET /api/v1/openapi.json: the API described in OpenAPI 3.1 (docs/api.md
 * "OpenAPI"), built from what the server itself serves so that it cannot drift: every report's
 * row schema comes from the report registry (each column's id and type), the audit rows from
 * tn_app_audit_cols, the stable error codes are one list here that tests/cli_api.py checks
 * against every real error, and every route of router.c must have its path (the same test).
 * The document is built once per request (a few hundred microseconds), never stored.
 */
#include "http_int.h"

#include <stdio.h>
#include <string.h>

#include "thuno/report.h"

/* Every code an error object may carry (reply.c's map, the router's and the handlers' own). */
static const char *const error_codes[] = {
    "bad_request", "malformed",          "unauthenticated", "forbidden",    "csrf",
    "not_found",   "method_not_allowed", "conflict",        "not_now",      "close_running",
    "too_large",   "bad_rows",           "rejected",        "out_of_range", "no_policy",
    "throttled",   "internal",
};

static json_t *ref(const char *name)
{
    char buf[128];
    snprintf(buf, sizeof buf, "#/components/schemas/%s", name);
    return json_pack("{s:s}", "$ref", buf);
}

/* A JSON Schema of type t (t may be "string|null" for a type array). */
static json_t *type(const char *t)
{
    const char *bar = strchr(t, '|');
    if (!bar)
        return json_pack("{s:s}", "type", t);
    char first[16];
    snprintf(first, sizeof first, "%.*s", (int)(bar - t), t);
    return json_pack("{s:[s,s]}", "type", first, bar + 1);
}

/* An object schema: props (stolen), required names (NULL-terminated). */
static json_t *object(json_t *props, const char *const *required)
{
    json_t *req = json_array();
    for (size_t i = 0; required && required[i]; i++)
        json_array_append_new(req, json_string(required[i]));
    return json_pack("{s:s, s:o, s:o}", "type", "object", "properties", props, "required", req);
}

/* The schema of a column's cell in JSON: the table writers' (table_out.c) types, null for an
 * empty cell. */
static json_t *column_schema(const struct tn_col *c)
{
    switch (c->type) {
    case TN_COL_MONEY:
    case TN_COL_COUNT:
    case TN_COL_NUMBER:
        return type("integer|null");
    case TN_COL_TENTHS:
        return type("number|null");
    default:
        return type("string|null");
    }
}

/* A row of cols as the JSON writer writes it: every column, keyed by its id. */
static json_t *row_schema(const struct tn_col *cols, size_t n)
{
    json_t *props = json_object(), *req = json_array();
    for (size_t i = 0; i < n; i++) {
        json_object_set_new(props, cols[i].id, column_schema(&cols[i]));
        json_array_append_new(req, json_string(cols[i].id));
    }
    return json_pack("{s:s, s:o, s:o}", "type", "object", "properties", props, "required", req);
}

static json_t *array_of(json_t *items)
{
    return json_pack("{s:s, s:o}", "type", "array", "items", items);
}

static json_t *schemas(void)
{
    json_t *s = json_object();
    json_t *codes = json_array();
    for (size_t i = 0; i < sizeof error_codes / sizeof error_codes[0]; i++)
        json_array_append_new(codes, json_string(error_codes[i]));
    static const char *const err_req[] = {"code", "message", NULL};
    static const char *const line_req[] = {"line", "column", "message", NULL};
    json_t *bad_row = object(json_pack("{s:o, s:o, s:o}", "line", type("integer"), "column",
                                       type("string|null"), "message", type("string")),
                             line_req);
    json_t *err = object(json_pack("{s:{s:s, s:o}, s:o, s:o, s:o}", "code", "type", "string",
                                   "enum", codes, "message", type("string"), "rows",
                                   array_of(bad_row), "job", type("integer")),
                         err_req);
    static const char *const error_req[] = {"error", NULL};
    json_object_set_new(s, "Error", object(json_pack("{s:o}", "error", err), error_req));

    static const char *const user_req[] = {"login", "role", NULL};
    json_t *user =
        object(json_pack("{s:o, s:o, s:o, s:o}", "login", type("string"), "role", type("string"),
                         "office", type("string|null"), "officer", type("string|null")),
               user_req);
    static const char *const login_req[] = {"csrf", "expires", "user", NULL};
    json_object_set_new(s, "Session",
                        object(json_pack("{s:o, s:o, s:o}", "csrf", type("string"), "expires",
                                         type("string"), "user", user),
                               login_req));
    static const char *const cred_req[] = {"login", "password", NULL};
    json_object_set_new(
        s, "Credentials",
        object(json_pack("{s:o, s:o}", "login", type("string"), "password", type("string")),
               cred_req));

    /* the registry, and each report's row from its columns */
    static const char *const col_req[] = {"id", "type", "vi", "en", "adds", NULL};
    json_t *col = object(json_pack("{s:o, s:{s:s, s:[s,s,s,s,s,s,s]}, s:o, s:o, s:o}", "id",
                                   type("string"), "type", "type", "string", "enum", "text",
                                   "money", "count", "number", "tenths", "date", "period", "vi",
                                   type("string"), "en", type("string"), "adds", type("boolean")),
                         col_req);
    static const char *const rep_req[] = {"name", "title", "what", "flags", "columns", NULL};
    json_t *rep = object(json_pack("{s:o, s:o, s:o, s:o, s:o}", "name", type("string"), "title",
                                   type("string"), "what", type("string"), "flags",
                                   array_of(type("string")), "columns", array_of(col)),
                         rep_req);
    static const char *const reg_req[] = {"reports", NULL};
    json_object_set_new(s, "Registry",
                        object(json_pack("{s:o}", "reports", array_of(rep)), reg_req));
    for (size_t i = 0; i < tn_app_report_count(); i++) {
        const struct tn_report *r = tn_app_report_at(i);
        char name[96];
        snprintf(name, sizeof name, "report_%s", r->name);
        json_object_set_new(s, name, row_schema(r->cols, r->ncols));
    }
    size_t naudit;
    const struct tn_col *audit = tn_app_audit_cols(&naudit);
    json_object_set_new(s, "AuditEntry", row_schema(audit, naudit));

    /* units */
    static const char *const unit_req[] = {"unit_code",   "name",         "type",         "status",
                                           "office_code", "officer_code", "tax_code",     "debt",
                                           "months_owed", "bucket",       "legal_status", NULL};
    json_object_set_new(
        s, "UnitRow",
        object(json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "unit_code",
                         type("string"), "name", type("string"), "type", type("string"), "status",
                         type("string"), "office_code", type("string|null"), "officer_code",
                         type("string|null"), "tax_code", type("string"), "debt",
                         type("integer|null"), "months_owed", type("number|null"), "bucket",
                         type("string|null"), "legal_status", type("string|null")),
               unit_req));
    static const char *const page_req[] = {"period", "units", "next", NULL};
    json_object_set_new(s, "UnitPage",
                        object(json_pack("{s:o, s:o, s:o}", "period", type("string|null"), "units",
                                         array_of(ref("UnitRow")), "next", type("string|null")),
                               page_req));
    static const char *const bal_req[] = {
        "period",      "closing", "principal_due",        "interest_due", "debt",
        "months_owed", "bucket",  "oldest_unpaid_period", "legal_status", NULL};
    json_t *last =
        object(json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "period", type("string"),
                         "closing", type("integer"), "principal_due", type("integer"),
                         "interest_due", type("integer"), "debt", type("integer"), "months_owed",
                         type("number|null"), "bucket", type("string"), "oldest_unpaid_period",
                         type("string|null"), "legal_status", type("string")),
               bal_req);
    json_t *last_or_null = json_pack("{s:[o, {s:s}]}", "oneOf", last, "type", "null");
    static const char *const one_req[] = {
        "unit_code", "name",    "type",    "status", "status_since", "office_code", "officer_code",
        "tax_code",  "address", "balance", NULL};
    json_object_set_new(
        s, "Unit",
        object(json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "unit_code",
                         type("string"), "name", type("string"), "type", type("string"), "status",
                         type("string"), "status_since", type("string|null"), "office_code",
                         type("string|null"), "officer_code", type("string|null"), "tax_code",
                         type("string"), "address", type("string|null"), "balance", last_or_null),
               one_req));
    static const char *const exp_req[] = {"unit_code", "period", "balance", "lines", NULL};
    json_object_set_new(
        s, "Explanation",
        object(json_pack("{s:o, s:o, s:o, s:o}", "unit_code", type("string"), "period",
                         type("string"), "balance", type("object"), "lines", type("array")),
               exp_req));

    /* imports and closes */
    static const char *const imp_req[] = {"kind",      "rows_new",      "rows_changed",
                                          "rows_same", "rows_suspense", NULL};
    json_object_set_new(
        s, "ImportCounts",
        object(json_pack("{s:o, s:o, s:o, s:o, s:o}", "kind", type("string"), "rows_new",
                         type("integer"), "rows_changed", type("integer"), "rows_same",
                         type("integer"), "rows_suspense", type("integer")),
               imp_req));
    static const char *const period_req[] = {"period", NULL};
    json_object_set_new(s, "ClosePeriod",
                        object(json_pack("{s:o}", "period", type("string")), period_req));
    static const char *const started_req[] = {"id", "period", "status", NULL};
    json_object_set_new(
        s, "CloseStarted",
        object(json_pack("{s:o, s:o, s:{s:s, s:[s]}}", "id", type("integer"), "period",
                         type("string"), "status", "type", "string", "enum", "running"),
               started_req));
    static const char *const job_req[] = {"id", "period", "status", "done", "total", NULL};
    json_t *result =
        json_pack("{s:s, s:{s:o, s:o, s:o}}", "type", "object", "properties", "summary",
                  type("string"), "code", type("string"), "message", type("string"));
    json_object_set_new(
        s, "CloseJob",
        object(json_pack("{s:o, s:o, s:{s:s, s:[s,s,s]}, s:o, s:o, s:o}", "id", type("integer"),
                         "period", type("string"), "status", "type", "string", "enum", "running",
                         "done", "failed", "done", type("integer"), "total", type("integer"),
                         "result", result),
               job_req));
    json_object_set_new(s, "Empty", json_pack("{s:s}", "type", "object"));
    return s;
}

/* ---- paths ---- */

static json_t *json_content(json_t *schema)
{
    return json_pack("{s:{s:o}}", "application/json; charset=utf-8", "schema", schema);
}

static json_t *response(const char *what, json_t *schema)
{
    return json_pack("{s:s, s:o}", "description", what, "content", json_content(schema));
}

/* Adds to op the error statuses of statuses ("400 404"), each answering the error object. */
static json_t *also(json_t *op, const char *statuses)
{
    static const struct {
        const char *status, *what;
    } known[] = {
        {"400", "a parameter or the body malformed"},
        {"401", "no session, or it expired or ended"},
        {"403", "the role may not, or X-CSRF-Token is missing or wrong"},
        {"404", "no such thing, or not in the user's scope"},
        {"409", "a conflict with the stored data, not now, or a close running"},
        {"413", "the body is too large"},
        {"422", "bad data"},
        {"429", "too many failed logins"},
        {"500", "the server failed (nothing more is said)"},
    };
    json_t *responses = json_object_get(op, "responses");
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (strstr(statuses, known[i].status))
            json_object_set_new(responses, known[i].status, response(known[i].what, ref("Error")));
    return op;
}

/* An operation: summary, its parameters (stolen, may be NULL), the success status and its
 * schema (stolen), and whether it needs a session and the CSRF token. Every operation also
 * answers 500 and "default" (any other error) with the error object; one with a session 401
 * and 403; one with parameters 400. */
static json_t *operation(const char *summary, json_t *params, const char *status, json_t *ok,
                         int session, int csrf)
{
    json_t *responses = json_pack("{s:o, s:o}", status, response(summary, ok), "default",
                                  response("an error (docs/api.md \"Errors\")", ref("Error")));
    json_t *op = json_pack("{s:s, s:o}", "summary", summary, "responses", responses);
    also(op, session ? "401 403 500" : "500");
    if (params)
        also(op, "400");
    if (params)
        json_object_set_new(op, "parameters", params);
    if (!session)
        json_object_set_new(op, "security", json_array());
    else if (csrf)
        json_object_set_new(op, "security", json_pack("[{s:[], s:[]}]", "session", "csrf"));
    return op;
}

static json_t *param(const char *in, const char *name, int required, const char *what)
{
    return json_pack("{s:s, s:s, s:b, s:s, s:{s:s}}", "in", in, "name", name, "required", required,
                     "description", what, "schema", "type", "string");
}

/* The query parameters named in names ("name:what", NULL-terminated), none required. */
static json_t *query(json_t *a, const char *const *names)
{
    for (size_t i = 0; names[i]; i++) {
        const char *colon = strchr(names[i], ':');
        char name[32];
        snprintf(name, sizeof name, "%.*s", (int)(colon - names[i]), names[i]);
        json_array_append_new(a, param("query", name, 0, colon + 1));
    }
    return a;
}

static const char *const report_params[] = {
    "period:YYYY-MM",
    "year:YYYY",
    "from:YYYY-MM-DD",
    "to:YYYY-MM-DD",
    "date:YYYY-MM-DD",
    "as_of:YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS: as known then",
    "office:an office code (a district user: its own only)",
    "officer:an officer code (an officer: always its own)",
    "format:json (default), csv, xlsx or pdf",
    NULL,
};

static json_t *report_op(const char *summary, json_t *rows, int named)
{
    json_t *params = query(json_array(), report_params);
    if (named)
        json_array_insert_new(params, 0, param("path", "name", 1, "a report of GET /reports"));
    json_t *op = also(operation(summary, params, "200", rows, 1, 0), "404 409 422");
    json_t *ok = json_object_get(json_object_get(op, "responses"), "200");
    json_t *content = json_object_get(ok, "content");
    static const char *const others[] = {
        "text/csv; charset=utf-8",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/pdf"};
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++)
        json_object_set_new(
            content, others[i],
            json_pack("{s:{s:s, s:s}}", "schema", "type", "string", "format", "binary"));
    return op;
}

/* op with a JSON request body of schema (stolen), or of type (e.g. text/csv) when schema is
 * NULL. */
static json_t *with_body(json_t *op, json_t *schema, const char *type)
{
    json_t *content = schema ? json_content(schema)
                             : json_pack("{s:{s:{s:s}}}", type, "schema", "type", "string");
    json_object_set_new(op, "requestBody",
                        json_pack("{s:b, s:o}", "required", 1, "content", content));
    return op;
}

static json_t *path_param(const char *name, const char *what)
{
    return json_pack("[o]", param("path", name, 1, what));
}

static json_t *unit_op(const char *summary, json_t *ok)
{
    json_t *params = path_param("code", "a unit code");
    static const char *const q[] = {"period:YYYY-MM (required)",
                                    "as_of:YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS: as known then", NULL};
    query(params, q);
    json_object_set_new(json_array_get(params, 1), "required", json_true());
    return also(operation(summary, params, "200", ok, 1, 0), "404 422");
}

static const char *const units_params[] = {
    "office:an office code (a district user: its own only)",
    "officer:the officer in charge (an officer: always its own)",
    "bucket:of the period's balance: 0, 1-3, 3-6, 6-12, 12+",
    "legal_status:of the period's balance",
    "type:the unit's type",
    "q:text in the code, name or tax code; accents and case ignored",
    "period:YYYY-MM: the balances' period (default: the last closed)",
    "as_of:YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS: as known then",
    "sort:code (default), name (Vietnamese collation), debt or months_owed",
    "order:asc (default) or desc",
    "limit:1..500 units a page (default 50)",
    "cursor:the next of the page before (opaque)",
    NULL,
};

static json_t *paths(void)
{
    json_t *p = json_object();
    json_object_set_new(
        p, "/session",
        json_pack("{s:o, s:o}", "post",
                  also(with_body(operation("log in: the session cookie and the CSRF token", NULL,
                                           "200", ref("Session"), 0, 0),
                                 ref("Credentials"), NULL),
                       "400 401 413 429"),
                  "delete", operation("log out", NULL, "200", ref("Empty"), 1, 1)));
    json_object_set_new(
        p, "/reports",
        json_pack("{s:o}", "get",
                  operation("the report registry", NULL, "200", ref("Registry"), 1, 0)));
    json_object_set_new(
        p, "/reports/{name}",
        json_pack("{s:o}", "get", report_op("a report", array_of(type("object")), 1)));
    for (size_t i = 0; i < tn_app_report_count(); i++) {
        const struct tn_report *r = tn_app_report_at(i);
        char path[96], name[96];
        snprintf(path, sizeof path, "/reports/%s", r->name);
        snprintf(name, sizeof name, "report_%s", r->name);
        json_object_set_new(p, path,
                            json_pack("{s:o}", "get", report_op(r->title, array_of(ref(name)), 0)));
    }
    json_object_set_new(
        p, "/units",
        json_pack("{s:o}", "get",
                  also(operation("units, filtered, sorted, a page at a time",
                                 query(json_array(), units_params), "200", ref("UnitPage"), 1, 0),
                       "404")));
    static const char *const as_of[] = {"as_of:YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS: as known then",
                                        NULL};
    json_object_set_new(p, "/units/{code}",
                        json_pack("{s:o}", "get",
                                  also(operation("a unit: its registry data and its last balance",
                                                 query(path_param("code", "a unit code"), as_of),
                                                 "200", ref("Unit"), 1, 0),
                                       "404")));
    json_object_set_new(
        p, "/units/{code}/balance",
        json_pack("{s:o}", "get",
                  unit_op("the balances report's row of the unit", ref("report_balances"))));
    json_object_set_new(
        p, "/units/{code}/explain",
        json_pack("{s:o}", "get", unit_op("thuno explain's JSON", ref("Explanation"))));
    static const char *const update[] = {"update:1: changed rows become new versions", NULL};
    json_object_set_new(
        p, "/imports/{kind}",
        json_pack(
            "{s:o}", "post",
            also(with_body(operation("import a CSV file: all its rows or none",
                                     query(path_param("kind", "a kind of thuno import"), update),
                                     "200", ref("ImportCounts"), 1, 1),
                           NULL, "text/csv"),
                 "404 409 413 422")));
    json_object_set_new(p, "/closes",
                        json_pack("{s:o}", "post",
                                  also(with_body(operation("close a period in the background", NULL,
                                                           "202", ref("CloseStarted"), 1, 1),
                                                 ref("ClosePeriod"), NULL),
                                       "400 409 413 422")));
    json_object_set_new(p, "/closes/{id}",
                        json_pack("{s:o}", "get",
                                  also(operation("a close's progress and result",
                                                 path_param("id", "the id POST /closes gave"),
                                                 "200", ref("CloseJob"), 1, 0),
                                       "404")));
    static const char *const audit[] = {"unit:the entry's target", "user:the actor",
                                        "from:a day or a time", "to:a day (its end) or a time",
                                        NULL};
    json_object_set_new(
        p, "/audit",
        json_pack("{s:o}", "get",
                  operation("the audit log, oldest first", query(json_array(), audit), "200",
                            array_of(ref("AuditEntry")), 1, 0)));
    json_object_set_new(
        p, "/openapi.json",
        json_pack("{s:o}", "get", operation("this document", NULL, "200", type("object"), 0, 0)));
    return p;
}

void tn__h_openapi(struct tn__http_req *q, struct tn__http_reply *r)
{
    (void)q;
    json_t *doc = json_pack(
        "{s:s, s:{s:s, s:s, s:s}, s:[{s:s}], s:o, s:{s:o, s:{s:{s:s, s:s, s:s, s:s}, "
        "s:{s:s, s:s, s:s, s:s}}}, s:[{s:[]}]}",
        "openapi", "3.1.0", "info", "title", "thuno API", "version", "1", "description",
        "The office's debt collection over HTTP (docs/api.md). Money in whole đồng, periods "
        "YYYY-MM, days YYYY-MM-DD.",
        "servers", "url", "/api/v1", "paths", paths(), "components", "schemas", schemas(),
        "securitySchemes", "session", "type", "apiKey", "in", "cookie", "name", "thuno_session",
        "description", "POST /session sets it (HttpOnly, SameSite=Strict)", "csrf", "type",
        "apiKey", "in", "header", "name", "X-CSRF-Token", "description",
        "the csrf of POST /session's answer; every method but GET and HEAD needs it", "security",
        "session");
    tn__http_json(r, 200, doc);
}
