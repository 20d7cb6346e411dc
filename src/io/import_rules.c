/*
 * import_rules.c - the columns of units.csv, workers.csv, officers.csv, declarations.csv,
 * payments.csv, registry.csv and case_events.csv as data-formats.md fixes them, case_plans.csv
 * (docs/cases.md), inspections.csv (docs/inspections.md), assignments.csv and
 * collection_plans.csv (docs/operations.md), opening_balances.csv (docs/ledger.md "Opening
 * balances"), and the cell checks.
 */
#include "io/import_rules.h"

#include <stdio.h>
#include <string.h>

#include "thuno/case.h"
#include "thuno/money.h"
#include "thuno/period.h"
#include "thuno/policy.h"

static const char *const unit_types[] = {"state",  "fdi",       "private", "cooperative",
                                         "public", "household", "other",   NULL};
static const char *const unit_statuses[] = {"active",   "suspended", "dissolved",
                                            "bankrupt", "absconded", NULL};
static const char *const genders[] = {"M", "F", NULL};
static const char *const departments[] = {"QLT", "KTTN", "TTKT", "legal", "director", NULL};
static const char *const decl_kinds[] = {"increase", "adjust", "decrease", NULL};
static const char *const channels[] = {
    "transfer", "cash", "forced_deduction", "mediation", "judgment", "enforcement", NULL};
static const char *const registry_statuses[] = {"active", "suspended", "dissolved", NULL};
static const char *const wage_regions[] = {"1", "2", "3", "4", NULL};
static const char *const payment_cycles[] = {"1", "3", "6", NULL};
static const char *const flags[] = {"0", "1", NULL};
static const char *const case_events[] = {
#define X(id, name, vi) name,
    TN_CASE_EVENT_MAP(X)
#undef X
        NULL};
static const char *const inspection_bodies[] = {"TTKT", "SLDTBXH", "SNV", "TTT",
                                                "TTCP", "other",   NULL};
static const char *const plan_scopes[] = {"province", "department", "office",
                                          "type",     "officer",    NULL};
static const char *const fund_groups[] = {"BHYT", "BHTN", "BHXH", NULL};
static const char *const case_outcomes[] = {"full", "partial", "none", "assets", "pledged", NULL};

#define KEY(n, k, ...)                                                                             \
    {                                                                                              \
        .name = n, .required = 1, .key = 1, .kind = k, __VA_ARGS__                                 \
    }
#define REQ(n, k, ...)                                                                             \
    {                                                                                              \
        .name = n, .required = 1, .kind = k, __VA_ARGS__                                           \
    }
#define OPT(n, k, ...)                                                                             \
    {                                                                                              \
        .name = n, .kind = k, __VA_ARGS__                                                          \
    }
#define UNIT_REF(mode)                                                                             \
    .ref = mode, .ref_table = "unit", .ref_col = "unit_code", .ref_name = "unit",                  \
    .ref_what = "a unit of units.csv"
#define WORKER_REF                                                                                 \
    .ref = TN__REF_STORE, .ref_table = "worker", .ref_col = "bhxh_code", .ref_name = "worker",     \
    .ref_what = "a worker of workers.csv"
#define OFFICER_REF                                                                                \
    .ref = TN__REF_STORE, .ref_table = "officer", .ref_col = "officer_code",                       \
    .ref_name = "officer", .ref_what = "an officer of officers.csv"

/* clang-format off */
const struct tn__file_rules tn__import_rules[TN_IMPORT_COUNT] = {
    [TN_IMPORT_UNITS] = {"units", "unit", {
        KEY("unit_code", TN__CK_CODE),
        REQ("tax_code", TN__CK_TAX),
        REQ("name", TN__CK_TEXT),
        REQ("type", TN__CK_ENUM, .choices = unit_types),
        REQ("status", TN__CK_ENUM, .choices = unit_statuses),
        OPT("status_since", TN__CK_DATE),
        OPT("parent_code", TN__CK_CODE, UNIT_REF(TN__REF_ANYWHERE)),
        REQ("province_code", TN__CK_DIGITS, .digits = 2),
        OPT("office_code", TN__CK_CODE),
        REQ("wage_region", TN__CK_ENUM, .choices = wage_regions, .integer = 1),
        OPT("officer_code", TN__CK_CODE, OFFICER_REF),
        OPT("payment_cycle", TN__CK_ENUM, .choices = payment_cycles, .def = "1", .integer = 1),
        REQ("registered_on", TN__CK_DATE),
        OPT("address", TN__CK_TEXT),
        OPT("union_chair", TN__CK_TEXT),
    }, 15, 1},
    [TN_IMPORT_WORKERS] = {"workers", "worker", {
        KEY("bhxh_code", TN__CK_DIGITS, .digits = 10),
        REQ("full_name", TN__CK_TEXT),
        REQ("birth_date", TN__CK_DATE),
        REQ("gender", TN__CK_ENUM, .choices = genders),
        OPT("id_number", TN__CK_DIGITS, .digits = 12),
    }, 5, 1},
    [TN_IMPORT_DECLARATIONS] = {"declarations", "declaration", {
        KEY("unit_code", TN__CK_CODE, UNIT_REF(TN__REF_STORE)),
        KEY("bhxh_code", TN__CK_DIGITS, .digits = 10, WORKER_REF),
        KEY("from_period", TN__CK_PERIOD),
        REQ("kind", TN__CK_ENUM, .choices = decl_kinds),
        OPT("salary", TN__CK_MONEY), /* required unless kind = decrease: import.c */
        OPT("funds", TN__CK_FUNDS, .def = "BHXH,BHYT,BHTN,TNLD"),
        REQ("declared_on", TN__CK_DATE),
        OPT("reason", TN__CK_TEXT),
    }, 8, 3},
    [TN_IMPORT_PAYMENTS] = {"payments", "payment", {
        KEY("txn_id", TN__CK_TXN),
        OPT("unit_code", TN__CK_CODE, UNIT_REF(TN__REF_SUSPENSE)),
        REQ("paid_on", TN__CK_DATE),
        REQ("amount", TN__CK_AMOUNT),
        REQ("channel", TN__CK_ENUM, .choices = channels),
        OPT("memo", TN__CK_TEXT),
        OPT("bhxh_code", TN__CK_DIGITS, .digits = 10, WORKER_REF),
        OPT("case_id", TN__CK_TEXT),
        OPT("reverses", TN__CK_TXN), /* an earlier payment of the same amount: import.c */
    }, 9, 1},
    [TN_IMPORT_OFFICERS] = {"officers", "officer", {
        KEY("officer_code", TN__CK_CODE),
        REQ("full_name", TN__CK_TEXT),
        REQ("department", TN__CK_ENUM, .choices = departments),
        OPT("office_code", TN__CK_CODE),
        OPT("active", TN__CK_ENUM, .choices = flags, .def = "1", .integer = 1),
    }, 5, 1},
    [TN_IMPORT_REGISTRY] = {"registry", "registry", {
        KEY("tax_code", TN__CK_TAX),
        REQ("name", TN__CK_TEXT),
        REQ("province_code", TN__CK_DIGITS, .digits = 2),
        REQ("registered_on", TN__CK_DATE),
        REQ("status", TN__CK_ENUM, .choices = registry_statuses),
        OPT("reported_employees", TN__CK_COUNT),
    }, 6, 1},
    [TN_IMPORT_CASE_EVENTS] = {"case_events", "case_event", {
        KEY("case_id", TN__CK_TXN),
        KEY("seq", TN__CK_COUNT),
        REQ("unit_code", TN__CK_CODE, UNIT_REF(TN__REF_STORE)),
        REQ("event", TN__CK_ENUM, .choices = case_events),
        REQ("date", TN__CK_DATE),
        OPT("amount", TN__CK_MONEY),
        OPT("outcome", TN__CK_ENUM, .choices = case_outcomes), /* which, per event: import.c */
        OPT("office", TN__CK_TEXT),
        OPT("note", TN__CK_TEXT),
        OPT("actor", TN__CK_TEXT), /* thuno's: who recorded it (officer code or name) */
    }, 10, 2},
    [TN_IMPORT_CASE_PLANS] = {"case_plans", "case_plan", {
        KEY("case_id", TN__CK_TXN, .ref = TN__REF_STORE, .ref_table = "case_event",
            .ref_col = "case_id", .ref_name = "case", .ref_what = "a case of case_events.csv"),
        KEY("seq", TN__CK_COUNT),
        REQ("due_on", TN__CK_DATE),
        REQ("amount", TN__CK_AMOUNT),
    }, 4, 2},
    [TN_IMPORT_INSPECTIONS] = {"inspections", "inspection", {
        KEY("inspection_id", TN__CK_TXN),
        REQ("unit_code", TN__CK_CODE, UNIT_REF(TN__REF_STORE)),
        REQ("concluded_on", TN__CK_DATE),
        OPT("decision_no", TN__CK_TEXT),
        REQ("body", TN__CK_ENUM, .choices = inspection_bodies),
        OPT("inspector", TN__CK_TEXT),
        OPT("amount_underdeclared", TN__CK_MONEY, .def = "0"),
        OPT("amount_unpaid", TN__CK_MONEY, .def = "0"),
        OPT("workers_unregistered", TN__CK_COUNT, .def = "0"),
        OPT("fine_amount", TN__CK_MONEY, .def = "0"),
        REQ("remedy_by", TN__CK_DATE), /* on or after concluded_on: import.c */
        OPT("note", TN__CK_TEXT),
    }, 12, 1},
    [TN_IMPORT_ASSIGNMENTS] = {"assignments", "assignment", {
        KEY("unit_code", TN__CK_CODE, UNIT_REF(TN__REF_STORE)),
        KEY("from_date", TN__CK_DATE),
        REQ("officer_code", TN__CK_CODE, OFFICER_REF), /* active, date order: import.c */
        OPT("actor", TN__CK_TEXT),
        OPT("reason", TN__CK_TEXT),
    }, 5, 2},
    [TN_IMPORT_COLLECTION_PLANS] = {"collection_plans", "collection_plan", {
        KEY("period", TN__CK_PERIOD),
        KEY("scope", TN__CK_ENUM, .choices = plan_scopes),
        KEY("scope_code", TN__CK_TEXT), /* what it must name depends on scope: import.c */
        REQ("amount", TN__CK_MONEY),
    }, 4, 3},
    /* the period no later than as_of's month, something owed: import_opening.c */
    [TN_IMPORT_OPENING_BALANCES] = {"opening_balances", "opening_balance", {
        KEY("unit_code", TN__CK_CODE, UNIT_REF(TN__REF_STORE)),
        KEY("period", TN__CK_PERIOD),
        KEY("fund", TN__CK_ENUM, .choices = fund_groups),
        REQ("principal", TN__CK_MONEY),
        REQ("interest", TN__CK_MONEY),
        REQ("as_of", TN__CK_DATE),
        REQ("source", TN__CK_TEXT),
    }, 7, 3},
};
/* clang-format on */

int tn__import_col(const struct tn__file_rules *r, const char *name)
{
    for (size_t i = 0; i < r->ncols; i++)
        if (strcmp(r->cols[i].name, name) == 0)
            return (int)i;
    return -1;
}

int tn__import_clip(const char *s, int max)
{
    int n = 0;
    while (n < max && s[n])
        n++;
    if (s[n]) /* cut: do not split a UTF-8 sequence */
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    return n;
}

static int all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

void tn__import_expected(const struct tn__column *c, char *buf, size_t bufsz)
{
    switch (c->kind) {
    case TN__CK_TEXT:
        snprintf(buf, bufsz, "text of at most 1000 bytes");
        return;
    case TN__CK_CODE:
        snprintf(buf, bufsz, "1 to 20 characters A-Z, 0-9");
        return;
    case TN__CK_TAX:
        snprintf(buf, bufsz, "10 digits, or 10 digits-3 digits for a branch");
        return;
    case TN__CK_ENUM: {
        size_t o = (size_t)snprintf(buf, bufsz, "one of");
        for (const char *const *ch = c->choices; *ch && o < bufsz; ch++)
            o += (size_t)snprintf(buf + o, bufsz - o, "%s %s", ch == c->choices ? "" : ",", *ch);
        return;
    }
    case TN__CK_DATE:
        snprintf(buf, bufsz, "a date YYYY-MM-DD that exists");
        return;
    case TN__CK_PERIOD:
        snprintf(buf, bufsz, "a month YYYY-MM");
        return;
    case TN__CK_MONEY:
        snprintf(buf, bufsz, "a whole number of đồng, digits only");
        return;
    case TN__CK_AMOUNT:
        snprintf(buf, bufsz, "a whole number of đồng above 0, digits only");
        return;
    case TN__CK_DIGITS:
        snprintf(buf, bufsz, "exactly %d digits", c->digits);
        return;
    case TN__CK_COUNT:
        snprintf(buf, bufsz, "a whole number, digits only");
        return;
    case TN__CK_FUNDS:
        snprintf(buf, bufsz, "funds among BHXH,BHYT,BHTN,TNLD, each at most once");
        return;
    case TN__CK_TXN:
        snprintf(buf, bufsz, "1 to 64 characters without spaces, commas or quotes");
        return;
    }
    snprintf(buf, bufsz, "?");
}

/* Returns the TN_FUND_* mask of a list like "BHXH,BHYT", or -1. */
static int funds_mask(const char *text)
{
    static const struct {
        const char *name;
        int flag;
    } names[] = {{"BHXH", TN_FUND_BHXH},
                 {"BHYT", TN_FUND_BHYT},
                 {"BHTN", TN_FUND_BHTN},
                 {"TNLD", TN_FUND_TNLD}};
    int mask = 0;
    for (const char *p = text;; p++) {
        size_t n = strcspn(p, ",");
        size_t i = 0;
        while (i < 4 && !(n == 4 && memcmp(names[i].name, p, 4) == 0))
            i++;
        if (i == 4 || (mask & names[i].flag))
            return -1;
        mask |= names[i].flag;
        p += n;
        if (!*p)
            return mask;
    }
}

/* The problem with text as a cell of c, or NULL when it is good (v then set). */
static const char *check(const struct tn__column *c, const char *text, size_t n,
                         struct tn_store_value *v)
{
    *v = (struct tn_store_value){.type = TN_SV_TEXT, .text = text};
    switch (c->kind) {
    case TN__CK_TEXT:
        return n > 1000 ? "too long" : NULL;
    case TN__CK_CODE:
        return n > 20 || strspn(text, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") != n ? "bad code"
                                                                                   : NULL;
    case TN__CK_TAX:
        return (n == 10 && all_digits(text, 10)) || (n == 14 && all_digits(text, 10) &&
                                                     text[10] == '-' && all_digits(text + 11, 3))
                   ? NULL
                   : "bad tax code";
    case TN__CK_ENUM:
        for (const char *const *ch = c->choices; *ch; ch++) {
            if (strcmp(*ch, text) == 0) {
                if (c->integer) /* the choices are single digits */
                    *v = (struct tn_store_value){.type = TN_SV_INT, .num = text[0] - '0'};
                return NULL;
            }
        }
        return "unknown value";
    case TN__CK_DATE: {
        tn_day d;
        return tn_day_parse(text, &d) ? "bad date" : NULL;
    }
    case TN__CK_PERIOD: {
        tn_period p;
        return tn_period_parse(text, &p) ? "bad month" : NULL;
    }
    case TN__CK_MONEY:
    case TN__CK_AMOUNT: {
        tn_money m;
        tn_err e = tn_money_parse(text, 0, &m);
        if (e == TN_ERR_RANGE)
            return "amount too large: at most 999999999999999 đồng";
        if (e)
            return "bad amount";
        if (c->kind == TN__CK_AMOUNT && m <= 0)
            return "amount must be above 0";
        *v = (struct tn_store_value){.type = TN_SV_INT, .num = m};
        return NULL;
    }
    case TN__CK_DIGITS:
        return (int)n != c->digits || !all_digits(text, n) ? "bad number" : NULL;
    case TN__CK_COUNT:
        if (n > 9 || !all_digits(text, n))
            return "bad count";
        *v = (struct tn_store_value){.type = TN_SV_INT};
        for (size_t i = 0; i < n; i++)
            v->num = v->num * 10 + (text[i] - '0');
        return NULL;
    case TN__CK_FUNDS: {
        int mask = funds_mask(text);
        if (mask < 0)
            return "bad funds list";
        *v = (struct tn_store_value){.type = TN_SV_INT, .num = mask};
        return NULL;
    }
    case TN__CK_TXN:
        return n > 64 || strpbrk(text, " \t,\"") != NULL ? "bad transaction id" : NULL;
    }
    return "unchecked column";
}

tn_err tn__import_cell(const struct tn__column *c, const char *text, struct tn_store_value *v,
                       char *msg, size_t msgsz)
{
    const char *problem = check(c, text, strlen(text), v);
    if (!problem)
        return TN_OK;
    char expected[128];
    tn__import_expected(c, expected, sizeof expected);
    snprintf(msg, msgsz, "%s (got \"%.*s\", expected %s)", problem, tn__import_clip(text, 60), text,
             expected);
    return TN_ERR_PARSE;
}
