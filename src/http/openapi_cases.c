/*
 * openapi_cases.c - the OpenAPI description of the cases endpoints and the office's operations
 * (handlers_cases.c, handlers_ops.c; docs/api.md "Cases", "Operations"): their paths, request
 * bodies and answers. The rows they carry come from the report registry (the cases report, the
 * worklist) and the application's columns (the suspense match), so they follow the code.
 */
#include "openapi_int.h"

#include "thuno/app.h"

/* shorthands for the schemas of this file */
#define T(t)        tn__oa_type(t)
#define REF(name)   tn__oa_ref(name)
#define ARRAY(item) tn__oa_array_of(item)

/* required lists */
static const char *const event_req[] = {"case_id", "seq", "event", NULL};
static const char *const register_req[] = {"case_id", "register", "no", NULL};
static const char *const board_req[] = {"as_of", "total", "stages", NULL};
static const char *const stage_req[] = {"state", "label", "count", "cases", NULL};
static const char *const view_req[] = {"case_id", "unit_code", "as_of", "state", "timeline", NULL};
static const char *const check_req[] = {"case_id", "unit_code", "state", "documents", NULL};
static const char *const assign_req[] = {"officer", "from", "units", NULL};
static const char *const match_req[] = {"period", "apply", "applied", "left", "rows", NULL};
static const char *const suspense_req[] = {"txn_id", "unit_code", NULL};
static const char *const signed_req[] = {"period", "department", "signed_by",
                                         "units",  "digest",     NULL};
static const char *const cal_req[] = {"duty", "occurrence", "done_on", "done_by", NULL};

void tn__oa_cases_schemas(json_t *s)
{
    json_object_set_new(s, "CaseEventRecorded",
                        tn__oa_object(json_pack("{s:o, s:o, s:o}", "case_id", T("string"), "seq",
                                                T("integer"), "event", T("string")),
                                      event_req));
    json_object_set_new(s, "CaseRegisterRecorded",
                        tn__oa_object(json_pack("{s:o, s:o, s:o}", "case_id", T("string"),
                                                "register", T("string"), "no", T("integer")),
                                      register_req));
    json_t *stage =
        tn__oa_object(json_pack("{s:o, s:o, s:o, s:o}", "state", T("string"), "label", T("string"),
                                "count", T("integer"), "cases", ARRAY(REF("report_cases"))),
                      stage_req);
    json_object_set_new(s, "CaseBoard",
                        tn__oa_object(json_pack("{s:o, s:o, s:o}", "as_of", T("string"), "total",
                                                T("integer"), "stages", ARRAY(stage)),
                                      board_req));
    json_object_set_new(
        s, "CaseView",
        tn__oa_object(json_pack("{s:o, s:o, s:o, s:o, s:o}", "case_id", T("string"), "unit_code",
                                T("string"), "as_of", T("string"), "state", T("string"), "timeline",
                                ARRAY(T("object"))),
                      view_req));
    json_object_set_new(
        s, "CaseChecklist",
        tn__oa_object(json_pack("{s:o, s:o, s:o, s:o}", "case_id", T("string"), "unit_code",
                                T("string"), "state", T("string"), "documents", ARRAY(T("object"))),
                      check_req));
    json_object_set_new(s, "Assigned",
                        tn__oa_object(json_pack("{s:o, s:o, s:o}", "officer", T("string"), "from",
                                                T("string"), "units", T("integer")),
                                      assign_req));
    size_t ncols;
    const struct tn_col *cols = tn_app_suspense_match_cols(&ncols);
    json_object_set_new(
        s, "SuspenseMatch",
        tn__oa_object(json_pack("{s:o, s:o, s:o, s:o, s:o}", "period", T("string"), "apply",
                                T("boolean"), "applied", T("integer"), "left", T("integer"), "rows",
                                ARRAY(tn__oa_row_schema(cols, ncols))),
                      match_req));
    json_object_set_new(
        s, "SuspenseAssigned",
        tn__oa_object(json_pack("{s:o, s:o}", "txn_id", T("string"), "unit_code", T("string")),
                      suspense_req));
    json_object_set_new(s, "HandoverSigned",
                        tn__oa_object(json_pack("{s:o, s:o, s:o, s:o, s:o}", "period", T("string"),
                                                "department", T("string"), "signed_by", T("string"),
                                                "units", T("integer"), "digest", T("string")),
                                      signed_req));
    json_object_set_new(
        s, "CalendarDone",
        tn__oa_object(json_pack("{s:o, s:o, s:o, s:o}", "duty", T("string"), "occurrence",
                                T("string"), "done_on", T("string"), "done_by", T("string")),
                      cal_req));
}

/* An operation answering a file: content types (NULL-terminated) of a binary string. */
static json_t *file_op(const char *summary, json_t *params, const char *const *types, int csrf)
{
    json_t *op = tn__oa_operation(summary, params, "200", T("string"), 1, csrf);
    json_t *ok = json_object_get(json_object_get(op, "responses"), "200");
    json_t *content = json_object();
    for (size_t i = 0; types[i]; i++)
        json_object_set_new(
            content, types[i],
            json_pack("{s:{s:s, s:s}}", "schema", "type", "string", "format", "binary"));
    json_object_set_new(ok, "content", content);
    return op;
}

static json_t *post(const char *summary, json_t *params, const char *status, json_t *ok,
                    const char *errors, const char *body)
{
    return tn__oa_also(tn__oa_with_body(tn__oa_operation(summary, params, status, ok, 1, 1),
                                        tn__oa_body(body), NULL),
                       errors);
}

static json_t *case_id(void)
{
    return tn__oa_path_param("id", "a case id");
}

void tn__oa_cases_paths(json_t *p)
{
    static const char *const board_q[] = {"state:one state of the ladder", "office:an office code",
                                          NULL};
    static const char *const as_of[] = {"as_of:YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS: as known then",
                                        NULL};
    static const char *const doc_q[] = {"format:pdf (default) or text",
                                        "date:YYYY-MM-DD",
                                        "as_of:as known then",
                                        "to:the addressee",
                                        "issuer:the issuing office (default: the office settings)",
                                        "place:the place (default: the office settings)",
                                        NULL};
    static const char *const check_q[] = {"date:YYYY-MM-DD", "as_of:as known then", NULL};
    static const char *const pdf_text[] = {"application/pdf", "text/plain; charset=utf-8", NULL};
    static const char *const pdf[] = {"application/pdf", NULL};

    json_object_set_new(
        p, "/cases",
        json_pack("{s:o}", "get",
                  tn__oa_operation("the cases board, by stage", tn__oa_query(json_array(), board_q),
                                   "200", REF("CaseBoard"), 1, 0)));
    json_object_set_new(p, "/cases/{id}",
                        json_pack("{s:o}", "get",
                                  tn__oa_also(tn__oa_operation("a case's file as known at as_of",
                                                               tn__oa_query(case_id(), as_of),
                                                               "200", REF("CaseView"), 1, 0),
                                              "404 422")));
    json_object_set_new(p, "/cases/{id}/events",
                        json_pack("{s:o}", "post",
                                  post("record an event of the case", case_id(), "201",
                                       REF("CaseEventRecorded"), "400 404 413 422", "case_event")));
    json_t *reg = case_id();
    json_array_append_new(reg, json_pack("{s:s, s:s, s:b, s:s, s:{s:s}}", "in", "path", "name",
                                         "verb", "required", 1, "description",
                                         "fee, hearing, asset, verify, priority, measure, "
                                         "bank-order, bank-reply, tip, tip-result, agent, branch",
                                         "schema", "type", "string"));
    json_object_set_new(
        p, "/cases/{id}/registers/{verb}",
        json_pack("{s:o}", "post",
                  post("record an entry of a register beside the case", reg, "201",
                       REF("CaseRegisterRecorded"), "400 404 409 413 422", "register")));
    json_t *doc = case_id();
    json_array_append_new(
        doc, json_pack("{s:s, s:s, s:b, s:s, s:{s:s}}", "in", "path", "name", "kind", "required", 1,
                       "description", "a document kind of thuno doc", "schema", "type", "string"));
    json_object_set_new(p, "/cases/{id}/documents/{kind}",
                        json_pack("{s:o}", "get",
                                  tn__oa_also(file_op("a document filled from the case",
                                                      tn__oa_query(doc, doc_q), pdf_text, 0),
                                              "400 404 422")));
    json_object_set_new(
        p, "/cases/{id}/checklist",
        json_pack("{s:o}", "get",
                  tn__oa_also(tn__oa_operation("which document each stage produces, what it lacks",
                                               tn__oa_query(case_id(), check_q), "200",
                                               REF("CaseChecklist"), 1, 0),
                              "404 422")));
    json_object_set_new(p, "/assignments",
                        json_pack("{s:o}", "post",
                                  post("assign units to an officer", NULL, "200", REF("Assigned"),
                                       "400 413 422", "assignment")));
    /* the worklist a page at a time: limit, cursor, and the next page's cursor in a header */
    static const char *const page_q[] = {
        "limit:1..500 rows a page (default 50 when only cursor is given); absent: every row",
        "cursor:the X-Next-Cursor of the page before", NULL};
    json_t *wl = tn__oa_report_op("the officers' worklist", ARRAY(REF("report_worklist")), 0);
    tn__oa_query(json_object_get(wl, "parameters"), page_q);
    json_object_set_new(json_object_get(json_object_get(wl, "responses"), "200"), "headers",
                        json_pack("{s:{s:s, s:{s:s}}}", "X-Next-Cursor", "description",
                                  "the cursor of the page after; absent after the last page",
                                  "schema", "type", "string"));
    json_object_set_new(p, "/worklist", json_pack("{s:o}", "get", wl));
    json_object_set_new(p, "/suspense/match",
                        json_pack("{s:o}", "post",
                                  post("match the payments in suspense by their memo", NULL, "200",
                                       REF("SuspenseMatch"), "400 413 422", "suspense_match")));
    json_object_set_new(
        p, "/suspense/{txn}/assign",
        json_pack("{s:o}", "post",
                  post("name the payer of a payment in suspense",
                       tn__oa_path_param("txn", "a payment's txn_id"), "200",
                       REF("SuspenseAssigned"), "400 404 409 413", "suspense_assign")));
    json_object_set_new(p, "/handover/sign",
                        json_pack("{s:o}", "post",
                                  post("sign the month's QLT <-> KTTN handover list", NULL, "200",
                                       REF("HandoverSigned"), "400 413 422", "handover_sign")));
    json_object_set_new(
        p, "/calendar/done",
        json_pack("{s:o}", "post",
                  post("record a duty of the statutory calendar done", NULL, "200",
                       REF("CalendarDone"), "400 404 409 413 422", "calendar_done")));
    json_object_set_new(
        p, "/letters/{kind}",
        json_pack(
            "{s:o}", "post",
            tn__oa_also(tn__oa_with_body(
                            file_op("letters of a kind, in one PDF",
                                    tn__oa_path_param("kind", "reminder, c12ts or mass"), pdf, 1),
                            tn__oa_body("letter"), NULL),
                        "400 404 413 422")));
}
