/*
 * openapi.c - GET /api/v1/openapi.json: the API described in OpenAPI 3.1 (docs/api.md
 * "OpenAPI"), built from what the server itself serves so that it cannot drift: every report's
 * row schema comes from the report registry (each column's id and type), the audit rows from
 * tn_app_audit_cols, the stable error codes are one list here that tests/cli_api.py checks
 * against every real error, and every route of router.c must have its path (the same test).
 * The document is built once per request (a few hundred microseconds), never stored.
 */
#include "http_int.h"
#include "openapi_int.h"

#include <stdio.h>
#include <string.h>

#include "thuno/report.h"

/* Every code an error object may carry (reply.c's map, the router's and the handlers' own). */
static const char *const error_codes[] = {
    "bad_request", "malformed",          "unauthenticated", "forbidden",      "csrf",
    "not_found",   "method_not_allowed", "conflict",        "not_now",        "close_running",
    "too_large",   "bad_rows",           "rejected",        "out_of_range",   "no_policy",
    "throttled",   "internal",           "unknown_field",   "already_closed", "not_closable",
};

json_t *tn__oa_ref(const char *name)
{
    char buf[128];
    snprintf(buf, sizeof buf, "#/components/schemas/%s", name);
    return json_pack("{s:s}", "$ref", buf);
}

/* A JSON Schema of type t (t may be "string|null" for a type array). */
json_t *tn__oa_type(const char *t)
{
    const char *bar = strchr(t, '|');
    if (!bar)
        return json_pack("{s:s}", "type", t);
    char first[16];
    snprintf(first, sizeof first, "%.*s", (int)(bar - t), t);
    return json_pack("{s:[s,s]}", "type", first, bar + 1);
}

/* An object schema: props (stolen), required names (NULL-terminated). */
json_t *tn__oa_object(json_t *props, const char *const *required)
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
        return tn__oa_type("integer|null");
    case TN_COL_TENTHS:
        return tn__oa_type("number|null");
    default:
        return tn__oa_type("string|null");
    }
}

/* A row of cols as the JSON writer writes it: every column, keyed by its id. */
json_t *tn__oa_row_schema(const struct tn_col *cols, size_t n)
{
    json_t *props = json_object(), *req = json_array();
    for (size_t i = 0; i < n; i++) {
        json_object_set_new(props, cols[i].id, column_schema(&cols[i]));
        json_array_append_new(req, json_string(cols[i].id));
    }
    return json_pack("{s:s, s:o, s:o}", "type", "object", "properties", props, "required", req);
}

json_t *tn__oa_array_of(json_t *items)
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
    json_t *bad_row =
        tn__oa_object(json_pack("{s:o, s:o, s:o}", "line", tn__oa_type("integer"), "column",
                                tn__oa_type("string|null"), "message", tn__oa_type("string")),
                      line_req);
    json_t *err = tn__oa_object(json_pack("{s:{s:s, s:o}, s:o, s:o, s:o, s:o}", "code", "type",
                                          "string", "enum", codes, "message", tn__oa_type("string"),
                                          "rows", tn__oa_array_of(bad_row), "job",
                                          tn__oa_type("integer"), "field", tn__oa_type("string")),
                                err_req);
    static const char *const error_req[] = {"error", NULL};
    json_object_set_new(s, "Error", tn__oa_object(json_pack("{s:o}", "error", err), error_req));

    static const char *const user_req[] = {"login", "role", NULL};
    json_t *user =
        tn__oa_object(json_pack("{s:o, s:o, s:o, s:o}", "login", tn__oa_type("string"), "role",
                                tn__oa_type("string"), "office", tn__oa_type("string|null"),
                                "officer", tn__oa_type("string|null")),
                      user_req);
    static const char *const login_req[] = {"csrf", "expires", "user", NULL};
    json_object_set_new(s, "Session",
                        tn__oa_object(json_pack("{s:o, s:o, s:o}", "csrf", tn__oa_type("string"),
                                                "expires", tn__oa_type("string"), "user", user),
                                      login_req));
    json_object_set_new(s, "Credentials", tn__oa_body("session"));

    /* the registry, and each report's row from its columns */
    static const char *const col_req[] = {"id", "type", "vi", "en", "adds", NULL};
    json_t *col = tn__oa_object(json_pack("{s:o, s:{s:s, s:[s,s,s,s,s,s,s]}, s:o, s:o, s:o}", "id",
                                          tn__oa_type("string"), "type", "type", "string", "enum",
                                          "text", "money", "count", "number", "tenths", "date",
                                          "period", "vi", tn__oa_type("string"), "en",
                                          tn__oa_type("string"), "adds", tn__oa_type("boolean")),
                                col_req);
    static const char *const rep_req[] = {"name", "title", "what", "flags", "columns", NULL};
    json_t *rep = tn__oa_object(
        json_pack("{s:o, s:o, s:o, s:o, s:o}", "name", tn__oa_type("string"), "title",
                  tn__oa_type("string"), "what", tn__oa_type("string"), "flags",
                  tn__oa_array_of(tn__oa_type("string")), "columns", tn__oa_array_of(col)),
        rep_req);
    static const char *const reg_req[] = {"reports", NULL};
    json_object_set_new(
        s, "Registry", tn__oa_object(json_pack("{s:o}", "reports", tn__oa_array_of(rep)), reg_req));
    for (size_t i = 0; i < tn_app_report_count(); i++) {
        const struct tn_report *r = tn_app_report_at(i);
        char name[96];
        snprintf(name, sizeof name, "report_%s", r->name);
        json_object_set_new(s, name, tn__oa_row_schema(r->cols, r->ncols));
    }
    size_t naudit;
    const struct tn_col *audit = tn_app_audit_cols(&naudit);
    json_object_set_new(s, "AuditEntry", tn__oa_row_schema(audit, naudit));

    /* units */
    static const char *const unit_req[] = {
        "unit_code",    "name",         "type",     "status", "office_code",
        "officer_code", "officer_name", "tax_code", "debt",   "months_owed",
        "bucket",       "legal_status", NULL};
    json_object_set_new(
        s, "UnitRow",
        tn__oa_object(json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
                                "unit_code", tn__oa_type("string"), "name", tn__oa_type("string"),
                                "type", tn__oa_type("string"), "status", tn__oa_type("string"),
                                "office_code", tn__oa_type("string|null"), "officer_code",
                                tn__oa_type("string|null"), "officer_name",
                                tn__oa_type("string|null"), "tax_code", tn__oa_type("string"),
                                "debt", tn__oa_type("integer|null"), "months_owed",
                                tn__oa_type("number|null"), "bucket", tn__oa_type("string|null"),
                                "legal_status", tn__oa_type("string|null")),
                      unit_req));
    static const char *const page_req[] = {"period", "units", "next", NULL};
    json_object_set_new(
        s, "UnitPage",
        tn__oa_object(json_pack("{s:o, s:o, s:o}", "period", tn__oa_type("string|null"), "units",
                                tn__oa_array_of(tn__oa_ref("UnitRow")), "next",
                                tn__oa_type("string|null")),
                      page_req));
    static const char *const bal_req[] = {
        "period",      "closing", "principal_due",        "interest_due", "debt",
        "months_owed", "bucket",  "oldest_unpaid_period", "legal_status", NULL};
    json_t *last = tn__oa_object(
        json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "period", tn__oa_type("string"),
                  "closing", tn__oa_type("integer"), "principal_due", tn__oa_type("integer"),
                  "interest_due", tn__oa_type("integer"), "debt", tn__oa_type("integer"),
                  "months_owed", tn__oa_type("number|null"), "bucket", tn__oa_type("string"),
                  "oldest_unpaid_period", tn__oa_type("string|null"), "legal_status",
                  tn__oa_type("string")),
        bal_req);
    json_t *last_or_null = json_pack("{s:[o, {s:s}]}", "oneOf", last, "type", "null");
    static const char *const one_req[] = {
        "unit_code",    "name",         "type",     "status",  "status_since", "office_code",
        "officer_code", "officer_name", "tax_code", "address", "balance",      NULL};
    json_object_set_new(
        s, "Unit",
        tn__oa_object(json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
                                "unit_code", tn__oa_type("string"), "name", tn__oa_type("string"),
                                "type", tn__oa_type("string"), "status", tn__oa_type("string"),
                                "status_since", tn__oa_type("string|null"), "office_code",
                                tn__oa_type("string|null"), "officer_code",
                                tn__oa_type("string|null"), "officer_name",
                                tn__oa_type("string|null"), "tax_code", tn__oa_type("string"),
                                "address", tn__oa_type("string|null"), "balance", last_or_null),
                      one_req));
    static const char *const exp_req[] = {"unit_code", "period", "balance", "lines", NULL};
    json_object_set_new(
        s, "Explanation",
        tn__oa_object(json_pack("{s:o, s:o, s:o, s:o}", "unit_code", tn__oa_type("string"),
                                "period", tn__oa_type("string"), "balance", tn__oa_type("object"),
                                "lines", tn__oa_type("array")),
                      exp_req));

    /* imports and closes */
    static const char *const imp_req[] = {"kind",      "rows_new",      "rows_changed",
                                          "rows_same", "rows_suspense", NULL};
    json_object_set_new(
        s, "ImportCounts",
        tn__oa_object(json_pack("{s:o, s:o, s:o, s:o, s:o}", "kind", tn__oa_type("string"),
                                "rows_new", tn__oa_type("integer"), "rows_changed",
                                tn__oa_type("integer"), "rows_same", tn__oa_type("integer"),
                                "rows_suspense", tn__oa_type("integer")),
                      imp_req));
    json_object_set_new(s, "ClosePeriod", tn__oa_body("close"));
    static const char *const started_req[] = {"id", "period", "status", NULL};
    json_object_set_new(
        s, "CloseStarted",
        tn__oa_object(json_pack("{s:o, s:o, s:{s:s, s:[s]}}", "id", tn__oa_type("integer"),
                                "period", tn__oa_type("string"), "status", "type", "string", "enum",
                                "running"),
                      started_req));
    static const char *const job_req[] = {"id", "period", "status", "done", "total", NULL};
    json_t *result = json_pack("{s:s, s:{s:o, s:o, s:o}}", "type", "object", "properties",
                               "summary", tn__oa_type("string"), "code", tn__oa_type("string"),
                               "message", tn__oa_type("string"));
    json_object_set_new(
        s, "CloseJob",
        tn__oa_object(json_pack("{s:o, s:o, s:{s:s, s:[s,s,s]}, s:o, s:o, s:o}", "id",
                                tn__oa_type("integer"), "period", tn__oa_type("string"), "status",
                                "type", "string", "enum", "running", "done", "failed", "done",
                                tn__oa_type("integer"), "total", tn__oa_type("integer"), "result",
                                result),
                      job_req));
    json_object_set_new(s, "Empty", json_pack("{s:s}", "type", "object"));
    tn__oa_cases_schemas(s);
    tn__oa_units_schemas(s);
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
json_t *tn__oa_also(json_t *op, const char *statuses)
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
            json_object_set_new(responses, known[i].status,
                                response(known[i].what, tn__oa_ref("Error")));
    return op;
}

/* An operation: summary, its parameters (stolen, may be NULL), the success status and its
 * schema (stolen), and whether it needs a session and the CSRF token. Every operation also
 * answers 500 and "default" (any other error) with the error object; one with a session 401
 * and 403; one with parameters 400. */
json_t *tn__oa_operation(const char *summary, json_t *params, const char *status, json_t *ok,
                         int session, int csrf)
{
    json_t *responses =
        json_pack("{s:o, s:o}", status, response(summary, ok), "default",
                  response("an error (docs/api.md \"Errors\")", tn__oa_ref("Error")));
    json_t *op = json_pack("{s:s, s:o}", "summary", summary, "responses", responses);
    tn__oa_also(op, session ? "401 403 500" : "500");
    if (params)
        tn__oa_also(op, "400");
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
json_t *tn__oa_query(json_t *a, const char *const *names)
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
    "from:YYYY-MM-DD, or YYYY-MM: the first month (flag months)",
    "to:YYYY-MM-DD, or YYYY-MM: the last month (flag months)",
    "date:YYYY-MM-DD",
    "as_of:YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS: as known then",
    "office:an office code (a district user: its own only)",
    "officer:an officer code (an officer: always its own)",
    "case:a case id (flag case: one case's tables)",
    "department:the next step's department, QLT, KTTN..., or OTHER: neither QLT's nor KTTN's "
    "(flag department: the worklist)",
    "unit:a unit code (flag unit: one unit's ledger)",
    "type:the unit's type (flag units: the units list)",
    "bucket:of the period's balance: 0, 1-3, 3-6, 6-12, 12+ (flag units)",
    "legal_status:of the period's balance (flag units)",
    "q:text in the code, name or tax code; accents and case ignored (flag units)",
    "sort:code (default), name, debt or months_owed (flag units)",
    "order:asc (default) or desc (flag units)",
    "format:json (default), csv, xlsx or pdf",
    NULL,
};

json_t *tn__oa_report_op(const char *summary, json_t *rows, int named)
{
    json_t *params = tn__oa_query(json_array(), report_params);
    if (named)
        json_array_insert_new(params, 0, param("path", "name", 1, "a report of GET /reports"));
    json_t *op = tn__oa_also(tn__oa_operation(summary, params, "200", rows, 1, 0), "404 409 422");
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
json_t *tn__oa_with_body(json_t *op, json_t *schema, const char *type)
{
    json_t *content = schema ? json_content(schema)
                             : json_pack("{s:{s:{s:s}}}", type, "schema", "type", "string");
    json_object_set_new(op, "requestBody",
                        json_pack("{s:b, s:o}", "required", 1, "content", content));
    return op;
}

json_t *tn__oa_path_param(const char *name, const char *what)
{
    return json_pack("[o]", param("path", name, 1, what));
}

static json_t *unit_op(const char *summary, json_t *ok)
{
    json_t *params = tn__oa_path_param("code", "a unit code");
    static const char *const q[] = {"period:YYYY-MM (required)",
                                    "as_of:YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS: as known then", NULL};
    tn__oa_query(params, q);
    json_object_set_new(json_array_get(params, 1), "required", json_true());
    return tn__oa_also(tn__oa_operation(summary, params, "200", ok, 1, 0), "404 422");
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
                  tn__oa_also(tn__oa_with_body(
                                  tn__oa_operation("log in: the session cookie and the CSRF token",
                                                   NULL, "200", tn__oa_ref("Session"), 0, 0),
                                  tn__oa_ref("Credentials"), NULL),
                              "400 401 413 429"),
                  "delete", tn__oa_operation("log out", NULL, "200", tn__oa_ref("Empty"), 1, 1)));
    json_object_set_new(p, "/reports",
                        json_pack("{s:o}", "get",
                                  tn__oa_operation("the report registry", NULL, "200",
                                                   tn__oa_ref("Registry"), 1, 0)));
    json_object_set_new(
        p, "/reports/{name}",
        json_pack("{s:o}", "get",
                  tn__oa_report_op("a report", tn__oa_array_of(tn__oa_type("object")), 1)));
    for (size_t i = 0; i < tn_app_report_count(); i++) {
        const struct tn_report *r = tn_app_report_at(i);
        char path[96], name[96];
        snprintf(path, sizeof path, "/reports/%s", r->name);
        snprintf(name, sizeof name, "report_%s", r->name);
        json_object_set_new(
            p, path,
            json_pack("{s:o}", "get",
                      tn__oa_report_op(r->title, tn__oa_array_of(tn__oa_ref(name)), 0)));
    }
    json_object_set_new(
        p, "/units",
        json_pack("{s:o}", "get",
                  tn__oa_also(tn__oa_operation("units, filtered, sorted, a page at a time",
                                               tn__oa_query(json_array(), units_params), "200",
                                               tn__oa_ref("UnitPage"), 1, 0),
                              "404")));
    static const char *const as_of[] = {"as_of:YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS: as known then",
                                        NULL};
    json_object_set_new(
        p, "/units/{code}",
        json_pack("{s:o}", "get",
                  tn__oa_also(tn__oa_operation(
                                  "a unit: its registry data and its last balance",
                                  tn__oa_query(tn__oa_path_param("code", "a unit code"), as_of),
                                  "200", tn__oa_ref("Unit"), 1, 0),
                              "404")));
    json_object_set_new(
        p, "/units/{code}/balance",
        json_pack("{s:o}", "get",
                  unit_op("the balances report's row of the unit", tn__oa_ref("report_balances"))));
    /* the report unit_ledger of the unit the path names: from and to months required */
    json_t *ledger = tn__oa_report_op("the unit's ledger: the balances report's row of each closed "
                                      "month of from..to (YYYY-MM, both required, at most 60)",
                                      tn__oa_array_of(tn__oa_ref("report_balances")), 0);
    json_t *lp = json_object_get(ledger, "parameters");
    size_t k = 0;
    while (k < json_array_size(lp)) { /* the path names the unit */
        const char *n = json_string_value(json_object_get(json_array_get(lp, k), "name"));
        if (n && strcmp(n, "unit") == 0)
            json_array_remove(lp, k);
        else
            k++;
    }
    json_t *code = tn__oa_path_param("code", "a unit code");
    json_array_insert(lp, 0, json_array_get(code, 0));
    json_decref(code);
    json_object_set_new(p, "/units/{code}/ledger", json_pack("{s:o}", "get", ledger));
    json_object_set_new(
        p, "/units/{code}/explain",
        json_pack("{s:o}", "get", unit_op("thuno explain's JSON", tn__oa_ref("Explanation"))));
    static const char *const update[] = {"update:1: changed rows become new versions", NULL};
    json_object_set_new(
        p, "/imports/{kind}",
        json_pack(
            "{s:o}", "post",
            tn__oa_also(
                tn__oa_with_body(
                    tn__oa_operation(
                        "import a CSV file: all its rows or none",
                        tn__oa_query(tn__oa_path_param("kind", "a kind of thuno import"), update),
                        "200", tn__oa_ref("ImportCounts"), 1, 1),
                    NULL, "text/csv"),
                "404 409 413 422")));
    json_object_set_new(
        p, "/closes",
        json_pack(
            "{s:o}", "post",
            tn__oa_also(tn__oa_with_body(tn__oa_operation("close a period in the background", NULL,
                                                          "202", tn__oa_ref("CloseStarted"), 1, 1),
                                         tn__oa_ref("ClosePeriod"), NULL),
                        "400 409 413 422")));
    json_object_set_new(
        p, "/closes/{id}",
        json_pack("{s:o}", "get",
                  tn__oa_also(tn__oa_operation("a close's progress and result",
                                               tn__oa_path_param("id", "the id POST /closes gave"),
                                               "200", tn__oa_ref("CloseJob"), 1, 0),
                              "404")));
    static const char *const audit[] = {"unit:the entry's target", "user:the actor",
                                        "from:a day or a time", "to:a day (its end) or a time",
                                        NULL};
    json_object_set_new(
        p, "/audit",
        json_pack("{s:o}", "get",
                  tn__oa_operation("the audit log, oldest first", tn__oa_query(json_array(), audit),
                                   "200", tn__oa_array_of(tn__oa_ref("AuditEntry")), 1, 0)));
    tn__oa_cases_paths(p);
    tn__oa_units_paths(p);
    json_object_set_new(
        p, "/openapi.json",
        json_pack("{s:o}", "get",
                  tn__oa_operation("this document", NULL, "200", tn__oa_type("object"), 0, 0)));
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
