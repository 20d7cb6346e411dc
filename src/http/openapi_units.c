/*
 * openapi_units.c - the OpenAPI description of the contacts with employers and a unit's
 * workers and payments (handlers_contacts.c, handlers_unit.c; docs/api.md "Contacts", "A
 * unit's workers and payments"). The rows are the application's columns (tn_app_contact_cols,
 * tn_app_unit_worker_cols, tn_app_unit_payment_cols), so they follow the code.
 */
#include "openapi_int.h"

#include "thuno/app.h"

#define T(t)        tn__oa_type(t)
#define REF(name)   tn__oa_ref(name)
#define ARRAY(item) tn__oa_array_of(item)

static const char *const contacts_req[] = {"contacts", NULL};
static const char *const workers_req[] = {"unit_code", "workers", NULL};
static const char *const payments_req[] = {"unit_code", "payments", NULL};

void tn__oa_units_schemas(json_t *s)
{
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

void tn__oa_units_paths(json_t *p)
{
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
