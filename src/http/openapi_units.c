/*
 * openapi_units.c - the OpenAPI description of the contacts with employers and a unit's
 * workers and payments (handlers_contacts.c, handlers_unit.c; docs/api.md "Contacts", "A
 * unit's workers and payments"), the users (handlers_users.c; "Users") and the officers by name
 * (handlers_units.c; "Officers"). The rows are the application's columns (tn_app_contact_cols,
 * tn_app_unit_worker_cols, tn_app_unit_payment_cols, tn_app_user_cols, tn_app_officer_cols), so
 * they follow the code.
 */
#include "openapi_int.h"

#include "thuno/app.h"

#define T(t)        tn__oa_type(t)
#define REF(name)   tn__oa_ref(name)
#define ARRAY(item) tn__oa_array_of(item)

static void users_schemas(json_t *s);
static void users_paths(json_t *p);

static const char *const contacts_req[] = {"contacts", NULL};
static const char *const workers_req[] = {"unit_code", "workers", NULL};
static const char *const payments_req[] = {"unit_code", "payments", NULL};

void tn__oa_units_schemas(json_t *s)
{
    users_schemas(s);
    size_t n;
    const struct tn_col *cols = tn_app_contact_cols(&n);
    json_object_set_new(s, "Contact", tn__oa_row_schema(cols, n));
    json_object_set_new(
        s, "Contacts",
        tn__oa_object(json_pack("{s:o}", "contacts", ARRAY(REF("Contact"))), contacts_req));
    cols = tn_app_unit_worker_cols(&n);
    json_object_set_new(s, "UnitWorkers",
                        tn__oa_object(json_pack("{s:o, s:o}", "unit_code", T("string"), "workers",
                                                ARRAY(tn__oa_row_schema(cols, n))),
                                      workers_req));
    cols = tn_app_unit_payment_cols(&n);
    json_object_set_new(s, "UnitPayments",
                        tn__oa_object(json_pack("{s:o, s:o}", "unit_code", T("string"), "payments",
                                                ARRAY(tn__oa_row_schema(cols, n))),
                                      payments_req));
}

static const char *const users_req[] = {"users", NULL};
static const char *const officers_req[] = {"period", "officers", NULL};

/* The users' and officers' schemas. */
static void users_schemas(json_t *s)
{
    size_t n;
    const struct tn_col *cols = tn_app_user_cols(&n);
    json_object_set_new(s, "User", tn__oa_row_schema(cols, n));
    json_object_set_new(s, "Users",
                        tn__oa_object(json_pack("{s:o}", "users", ARRAY(REF("User"))), users_req));
    cols = tn_app_officer_cols(&n);
    json_object_set_new(s, "Officers",
                        tn__oa_object(json_pack("{s:o, s:o}", "period", T("string"), "officers",
                                                ARRAY(tn__oa_row_schema(cols, n))),
                                      officers_req));
}

/* A POST of /users/{login}/VERB answering the user. */
static json_t *user_post(const char *summary, const char *body)
{
    json_t *op = tn__oa_operation(summary, tn__oa_path_param("login", "a user's login"), "200",
                                  REF("User"), 1, 1);
    if (body)
        op = tn__oa_with_body(op, tn__oa_body(body), NULL);
    return tn__oa_also(op, "400 403 404");
}

/* The users' and officers' paths. */
static void users_paths(json_t *p)
{
    json_t *list = tn__oa_also(tn__oa_operation("the users (never a password hash); user.manage",
                                                NULL, "200", REF("Users"), 1, 0),
                               "403");
    json_t *add = tn__oa_also(
        tn__oa_with_body(tn__oa_operation("add a user: {login, password, role, office, officer}; "
                                          "user.manage, audited user.add",
                                          NULL, "201", REF("User"), 1, 1),
                         tn__oa_body("user"), NULL),
        "400 403 404 409");
    json_object_set_new(p, "/users", json_pack("{s:o, s:o}", "get", list, "post", add));
    json_object_set_new(
        p, "/users/{login}",
        json_pack("{s:o}", "get",
                  tn__oa_also(tn__oa_operation("one user; user.manage",
                                               tn__oa_path_param("login", "a user's login"), "200",
                                               REF("User"), 1, 0),
                              "403 404")));
    json_object_set_new(p, "/users/{login}/password",
                        json_pack("{s:o}", "post",
                                  user_post("set the user's password and end its sessions: "
                                            "{password}; audited user.passwd",
                                            "user_password")));
    json_object_set_new(p, "/users/{login}/role",
                        json_pack("{s:o}", "post",
                                  user_post("set the user's role, office and officer in place and "
                                            "end its sessions: {role, office, officer}; not one's "
                                            "own role, not the last administrator's; audited "
                                            "user.set",
                                            "user_role")));
    json_object_set_new(p, "/users/{login}/disable",
                        json_pack("{s:o}", "post",
                                  user_post("disable the user (not oneself) and end its sessions; "
                                            "no body or {}; audited user.disable",
                                            NULL)));
    json_object_set_new(p, "/users/{login}/enable",
                        json_pack("{s:o}", "post",
                                  user_post("enable the user again; no body or {}; audited "
                                            "user.enable",
                                            NULL)));
    static const char *const q[] = {
        "period:YYYY-MM (required): the officers in charge of units with "
        "a balance of it",
        "as_of:YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS: names as recorded by "
        "then",
        "office:a district office (the province's users)", NULL};
    json_object_set_new(
        p, "/officers",
        json_pack("{s:o}", "get",
                  tn__oa_also(tn__oa_operation("the officers of a period by name (officers.csv "
                                               "full_name); an officer: itself",
                                               tn__oa_query(json_array(), q), "200",
                                               REF("Officers"), 1, 0),
                              "400 403 404")));
}

void tn__oa_units_paths(json_t *p)
{
    users_paths(p);
    static const char *const as_of[] = {
        "as_of:YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS: as recorded by then", NULL};
    json_t *get =
        tn__oa_also(tn__oa_operation("the unit's contacts, the latest first",
                                     tn__oa_query(tn__oa_path_param("code", "a unit code"), as_of),
                                     "200", REF("Contacts"), 1, 0),
                    "400 404");
    json_t *post = tn__oa_also(
        tn__oa_with_body(tn__oa_operation("record a contact with the unit (call, visit, letter, "
                                          "meeting): {kind, date, officer, outcome, note}",
                                          tn__oa_path_param("code", "a unit code"), "201",
                                          REF("Contact"), 1, 1),
                         tn__oa_body("contact"), NULL),
        "400 404 413 422");
    json_object_set_new(p, "/units/{code}/contacts",
                        json_pack("{s:o, s:o}", "get", get, "post", post));
    json_object_set_new(
        p, "/units/{code}/workers",
        json_pack("{s:o}", "get",
                  tn__oa_also(tn__oa_operation(
                                  "the declarations of the unit's workers",
                                  tn__oa_query(tn__oa_path_param("code", "a unit code"), as_of),
                                  "200", REF("UnitWorkers"), 1, 0),
                              "400 404")));
    json_object_set_new(
        p, "/units/{code}/payments",
        json_pack("{s:o}", "get",
                  tn__oa_also(tn__oa_operation(
                                  "the unit's payments and their allocation",
                                  tn__oa_query(tn__oa_path_param("code", "a unit code"), as_of),
                                  "200", REF("UnitPayments"), 1, 0),
                              "400 404")));
    json_object_set_new(
        p, "/contacts",
        json_pack("{s:o}", "get",
                  tn__oa_also(tn__oa_operation("the latest contact of every unit the user sees",
                                               tn__oa_query(json_array(), as_of), "200",
                                               REF("Contacts"), 1, 0),
                              "400")));
}
