/*
 * bodies.c - the JSON bodies the API takes (docs/api.md "Errors"): one table of every body's
 * fields, read by the one place bodies are parsed (tn__http_body, tn__http_fields: a field
 * the table does not name is refused with 400 unknown_field, so a misspelt "ammount" is never
 * silently ignored) and by the OpenAPI document (tn__oa_body: the same fields, with
 * additionalProperties false), so that the two cannot drift. Each field's type is checked by
 * its handler, as before.
 */
#include "http_int.h"
#include "openapi_int.h"

#include <stdio.h>
#include <string.h>

/* A field: its name, its type as the OpenAPI document says it ("string", "string|null"),
 * whether it is required. */
struct field {
    const char *name, *type;
    int required;
};

#define MAX_FIELDS 12

/* A body: its name (the handler's), its fields (up to the first NULL name). */
struct body {
    const char *name;
    struct field fields[MAX_FIELDS];
};

/* clang-format off */
#define S   "string"
#define SN  "string|null"
#define I   "integer"
#define IN  "integer|null"
#define B   "boolean"
#define BN  "boolean|null"
/* the fields every register verb takes (handlers_cases.c), then its own */
#define REG(day) {"note", SN, 0}, {"day", S, day}
static const struct body bodies[] = {
    {"session",          {{"login", S, 1}, {"password", S, 1}}},
    {"close",            {{"period", S, 1}}},
    {"case_event",       {{"event", S, 1}, {"day", S, 1}, {"unit", SN, 0}, {"outcome", SN, 0},
                          {"office", SN, 0}, {"note", SN, 0}, {"amount", IN, 0}}},
    {"register:fee",     {REG(1), {"amount", IN, 0}, {"exempt", SN, 0}}},
    {"register:hearing", {REG(1), {"status", SN, 0}, {"court", SN, 0}}},
    {"register:asset",   {REG(1), {"kind", SN, 0}, {"description", SN, 0}, {"holder", SN, 0},
                          {"value", IN, 0}, {"pledged", BN, 0}}},
    {"register:verify",  {REG(1), {"asset", IN, 0}, {"result", SN, 0}, {"by", SN, 0}}},
    {"register:priority", {REG(1), {"order", SN, 0}}},
    {"register:measure", {REG(1), {"asset", IN, 0}, {"measure", SN, 0}, {"amount", IN, 0}}},
    {"register:bank-order", {REG(1), {"bank", SN, 0}, {"amount", IN, 0}, {"channel", SN, 0}}},
    {"register:bank-reply", {REG(1), {"order", IN, 0}, {"result", SN, 0}, {"amount", IN, 0}}},
    {"register:tip",     {REG(1), {"informant", SN, 0}, {"asset_text", SN, 0}, {"asset", IN, 0}}},
    {"register:tip-result", {REG(1), {"tip", IN, 0}, {"recovered", IN, 0}}},
    {"register:agent",   {REG(1), {"agent", SN, 0}, {"office", SN, 0}}},
    {"register:branch",  {REG(0), {"unit", SN, 0}, {"province", SN, 0}}},
    {"assignment",       {{"units", "array", 0}, {"from_officer", S, 0}, {"officer", S, 1},
                          {"from", S, 1}, {"reason", S, 0}}},
    {"suspense_match",   {{"period", S, 1}, {"apply", B, 0}}},
    {"suspense_assign",  {{"unit", S, 1}}},
    {"handover_sign",    {{"period", S, 1}, {"department", S, 1}, {"date", S, 0}}},
    {"letter",           {{"period", S, 1}, {"unit", S, 0}, {"date", S, 0}, {"as_of", S, 0},
                          {"record", B, 0}, {"number_from", I, 0}, {"template", S, 0},
                          {"status", S, 0}, {"number", S, 0}}},
    {"calendar_done",    {{"duty", S, 1}, {"period", S, 0}, {"date", S, 0}, {"done_on", S, 0},
                          {"note", S, 0}}},
    {"contact",          {{"kind", S, 1}, {"date", SN, 0}, {"officer", SN, 0},
                          {"outcome", SN, 0}, {"note", SN, 0}}},
    {"user",             {{"login", S, 1}, {"password", S, 1}, {"role", S, 1}, {"office", SN, 0},
                          {"officer", SN, 0}}},
    {"user_role",        {{"role", S, 1}, {"office", SN, 0}, {"officer", SN, 0}}},
    {"user_password",    {{"password", S, 1}}},
    {"user_state",       {{NULL, NULL, 0}}},
};
/* clang-format on */

static const struct body *find(const char *name)
{
    for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++)
        if (strcmp(bodies[i].name, name) == 0)
            return &bodies[i];
    return NULL;
}

int tn__http_fields(struct tn__http_reply *r, json_t *body, const char *name)
{
    const struct body *b = find(name);
    if (!b) { /* a handler naming a body the table lacks: the table is wrong, not the client */
        tn__http_fail(r, 500, "internal", "lỗi máy chủ / internal server error", NULL);
        return 1;
    }
    const char *key;
    json_t *value;
    json_object_foreach(body, key, value)
    {
        size_t k = 0;
        while (k < MAX_FIELDS && b->fields[k].name && strcmp(b->fields[k].name, key) != 0)
            k++;
        if (k < MAX_FIELDS && b->fields[k].name)
            continue;
        char known[256] = "", msg[512];
        size_t used = 0;
        for (k = 0; k < MAX_FIELDS && b->fields[k].name && used < sizeof known; k++)
            used += (size_t)snprintf(known + used, sizeof known - used, "%s%s", k ? ", " : "",
                                     b->fields[k].name);
        /* key is the client's text: at most 64 bytes of it (the reply makes it valid UTF-8) */
        snprintf(msg, sizeof msg,
                 "trường không biết \"%.64s\" / unknown field \"%.64s\" (expected only: %s)", key,
                 key, known);
        tn__http_fail(r, 400, "unknown_field", msg, json_pack("{s:s}", "field", key));
        return 1;
    }
    return 0;
}

json_t *tn__http_body(const struct tn__http_req *q, struct tn__http_reply *r, const char *expected,
                      const char *name)
{
    json_error_t jerr;
    json_t *body = json_loadb(q->body ? q->body : "", q->len, 0, &jerr);
    if (!json_is_object(body)) {
        json_decref(body);
        char msg[256];
        snprintf(msg, sizeof msg, "cần JSON %s / expected JSON %s", expected, expected);
        tn__http_fail(r, 400, "malformed", msg, NULL);
        return NULL;
    }
    if (tn__http_fields(r, body, name)) {
        json_decref(body);
        return NULL;
    }
    return body;
}

/* The schema of one body of the table. */
static json_t *schema(const struct body *b)
{
    json_t *props = json_object(), *req = json_array();
    for (size_t k = 0; k < MAX_FIELDS && b->fields[k].name; k++) {
        const struct field *f = &b->fields[k];
        json_object_set_new(props, f->name, tn__oa_type(f->type));
        if (f->required)
            json_array_append_new(req, json_string(f->name));
    }
    return json_pack("{s:s, s:o, s:o, s:b}", "type", "object", "properties", props, "required", req,
                     "additionalProperties", 0);
}

json_t *tn__oa_body(const char *name)
{
    const struct body *b = find(name);
    if (b)
        return schema(b);
    /* a family ("register"): any one of its bodies ("register:fee", ...) */
    json_t *any = json_array();
    size_t n = strlen(name);
    for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++)
        if (strncmp(bodies[i].name, name, n) == 0 && bodies[i].name[n] == ':')
            json_array_append_new(any, schema(&bodies[i]));
    return json_pack("{s:o}", "anyOf", any);
}
