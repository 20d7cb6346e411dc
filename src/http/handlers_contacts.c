/*
 * handlers_contacts.c - the officers' contacts with employers (docs/api.md "Contacts"):
 * POST /api/v1/units/{code}/contacts records one (tn_app_contact_record; the operation
 * contact.record, audited), GET /api/v1/units/{code}/contacts lists the unit's and
 * GET /api/v1/contacts the latest of every unit the user sees (tn_app_contacts; unit.read);
 * and what a unit's page reads beside its balance: GET /api/v1/units/{code}/workers (its
 * workers' declarations, tn_app_unit_workers) and .../payments (its payments and their
 * allocation, tn_app_unit_payments), both unit.read.
 */
#include "http_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct rows {
    const struct tn_col *cols;
    size_t ncols;
    json_t *a;
};

static tn_err add_row(void *ctx, const struct tn_cell *cells)
{
    struct rows *k = ctx;
    json_array_append_new(k->a, tn__http_row(k->cols, k->ncols, cells));
    return TN_OK;
}

/* A unit's reading endpoint's checks: the user may read unit ("" for every unit seen; 403,
 * audited, otherwise), then its as_of (400). *at is as_of's value in as_of, or NULL. 1 when a
 * reply was made. */
static int read_request(struct tn__http_req *q, struct tn__http_reply *r, const char *unit,
                        char as_of[20], const char **at)
{
    tn_err err = tn_app_authorize(q->app, &q->scope, q->user.login, TN_OP_unit_read, unit);
    if (err) {
        tn__http_error(r, q->app, err);
        return 1;
    }
    const char *v = tn__http_arg(q, "as_of");
    *at = NULL;
    if (v && tn_report_as_of(v, as_of)) {
        tn__http_fail(r, 400, "bad_request",
                      "tham số as_of phải là YYYY-MM-DD[THH:MM:SS] / as_of must be "
                      "YYYY-MM-DD[THH:MM:SS]",
                      NULL);
        return 1;
    }
    if (v)
        *at = as_of;
    return 0;
}

/* The contacts of unit (NULL: the latest of every unit seen) as {"contacts": [...]}. */
static void list(struct tn__http_req *q, struct tn__http_reply *r, const char *unit)
{
    char as_of[20];
    const char *at;
    if (read_request(q, r, unit ? unit : "", as_of, &at))
        return;
    struct rows k = {NULL, 0, json_array()};
    k.cols = tn_app_contact_cols(&k.ncols);
    struct tn_sink sink = {add_row, NULL, &k};
    tn_err err = tn_app_contacts(q->app, &q->scope, unit, unit == NULL, at, &sink);
    if (err) {
        json_decref(k.a);
        tn__http_error(r, q->app, err);
        return;
    }
    tn__http_json(r, 200, json_pack("{s:o}", "contacts", k.a));
}

void tn__h_contacts(struct tn__http_req *q, struct tn__http_reply *r)
{
    list(q, r, NULL);
}

void tn__h_unit_contacts(struct tn__http_req *q, struct tn__http_reply *r)
{
    list(q, r, q->segs[1]);
}

/* A string member of body: *out its value (NULL when absent or null); 1 when another type. */
static int text_member(json_t *body, const char *name, const char **out)
{
    json_t *v = json_object_get(body, name);
    *out = json_is_string(v) ? json_string_value(v) : NULL;
    return v && !json_is_null(v) && !json_is_string(v);
}

void tn__h_unit_contact_record(struct tn__http_req *q, struct tn__http_reply *r)
{
    const char *unit = q->segs[1];
    /* the role first: a refusal is audited whatever the body says */
    tn_err err = tn_app_authorize(q->app, &q->scope, q->user.login, TN_OP_contact_record, unit);
    if (err) {
        tn__http_error(r, q->app, err);
        return;
    }
    json_t *body = tn__http_body(q, r, "{\"kind\", \"date\", \"outcome\", \"note\"}", "contact");
    if (!body)
        return;
    struct tn_contact_request req = {.unit = unit, .day = -1, .actor = q->user.login};
    const char *date = NULL;
    int bad = text_member(body, "kind", &req.kind) || text_member(body, "date", &date) ||
              text_member(body, "officer", &req.officer) ||
              text_member(body, "outcome", &req.outcome) || text_member(body, "note", &req.note) ||
              !req.kind || (date && (strlen(date) != 10 || tn_day_parse(date, &req.day)));
    if (bad) {
        json_decref(body);
        tn__http_fail(r, 400, "malformed",
                      "cần JSON {\"kind\": \"call|visit|letter|meeting\", \"date\": "
                      "\"YYYY-MM-DD\", \"officer\", \"outcome\", \"note\"} / expected JSON "
                      "{\"kind\", \"date\", \"officer\", \"outcome\", \"note\"}",
                      NULL);
        return;
    }
    struct tn_contact_row row;
    memset(&row, 0, sizeof row);
    err = tn_app_change_begin(q->app);
    if (!err)
        err = tn_app_contact_record(q->app, &q->scope, &req, &row);
    char summary[160];
    snprintf(summary, sizeof summary, "contact %lld %.16s on %.10s by %.31s", row.seq, req.kind,
             row.day, row.officer);
    if (!tn__http_audited(q, r, "contact.record", unit, err, summary)) {
        struct rows k = {NULL, 0, json_array()};
        k.cols = tn_app_contact_cols(&k.ncols);
        struct tn_sink sink = {add_row, NULL, &k};
        /* recorded and committed: a failure naming its officer is the answer's, not the
         * contact's (the store's error) */
        if (tn_app_contact_put(q->app, &row, &sink) || json_array_size(k.a) != 1)
            tn__http_error(r, q->app, TN_ERR_STORE);
        else
            tn__http_json(r, 201, json_incref(json_array_get(k.a, 0)));
        json_decref(k.a);
    }
    json_decref(body);
}

/* GET /units/{code}/workers and /payments: rows of cols from one app call, under name. */
static void unit_rows(struct tn__http_req *q, struct tn__http_reply *r, const char *name,
                      const struct tn_col *cols, size_t ncols,
                      tn_err (*fn)(struct tn_app *, const struct tn_scope *, const char *,
                                   const char *, const struct tn_sink *))
{
    const char *unit = q->segs[1];
    char as_of[20];
    const char *at;
    if (read_request(q, r, unit, as_of, &at))
        return;
    struct rows k = {cols, ncols, json_array()};
    struct tn_sink sink = {add_row, NULL, &k};
    tn_err err = fn(q->app, &q->scope, unit, at, &sink);
    if (err) {
        json_decref(k.a);
        tn__http_error(r, q->app, err);
        return;
    }
    tn__http_json(r, 200, json_pack("{s:s, s:o}", "unit_code", unit, name, k.a));
}

void tn__h_unit_workers(struct tn__http_req *q, struct tn__http_reply *r)
{
    size_t n;
    const struct tn_col *cols = tn_app_unit_worker_cols(&n);
    unit_rows(q, r, "workers", cols, n, tn_app_unit_workers);
}

void tn__h_unit_payments(struct tn__http_req *q, struct tn__http_reply *r)
{
    size_t n;
    const struct tn_col *cols = tn_app_unit_payment_cols(&n);
    unit_rows(q, r, "payments", cols, n, tn_app_unit_payments);
}
