/*
 * openapi_int.h - what the two files of the OpenAPI document share (openapi.c: the document,
 * the sessions, reports, units, imports, closes and audit; openapi_cases.c: the cases and the
 * office's operations). Only src/http/ includes this.
 */
#ifndef THUNO_HTTP_OPENAPI_INT_H
#define THUNO_HTTP_OPENAPI_INT_H

#include <jansson.h>
#include <stddef.h>

/* {"$ref": "#/components/schemas/NAME"} */
json_t *tn__oa_ref(const char *name);
/* A schema of type t ("string", or "string|null" for a type array). */
json_t *tn__oa_type(const char *t);
/* An object schema: props (stolen), required names (NULL-terminated, may be NULL). */
json_t *tn__oa_object(json_t *props, const char *const *required);
json_t *tn__oa_array_of(json_t *items);
/* Adds to op the error statuses of statuses ("400 404"), each answering the error object. */
json_t *tn__oa_also(json_t *op, const char *statuses);
/* An operation: summary, parameters (stolen, may be NULL), the success status and its schema
 * (stolen), whether it needs a session and the CSRF token. */
json_t *tn__oa_operation(const char *summary, json_t *params, const char *status, json_t *ok,
                         int session, int csrf);
/* The query parameters of names ("name:what", NULL-terminated) appended to a. */
json_t *tn__oa_query(json_t *a, const char *const *names);
struct tn_col;
/* A row of cols as the JSON writer writes it: every column, keyed by its id. */
json_t *tn__oa_row_schema(const struct tn_col *cols, size_t n);
/* [the path parameter name] */
json_t *tn__oa_path_param(const char *name, const char *what);
/* op with a JSON request body of schema (stolen), or of type (e.g. text/csv) when NULL. */
json_t *tn__oa_with_body(json_t *op, json_t *schema, const char *type);
/* The schema of the request body called name in bodies.c's table (additionalProperties
 * false), or for a family ("register") anyOf its bodies. */
json_t *tn__oa_body(const char *name);
/* The report operation (every format) answering rows. */
json_t *tn__oa_report_op(const char *summary, json_t *rows, int named);

/* Adds the paths of the cases and the office's operations to p (openapi_cases.c), and their
 * schemas to s. */
void tn__oa_cases_paths(json_t *p);
void tn__oa_cases_schemas(json_t *s);
/* Likewise for the contacts and a unit's workers and payments (openapi_units.c). */
void tn__oa_units_paths(json_t *p);
void tn__oa_units_schemas(json_t *s);

#endif
