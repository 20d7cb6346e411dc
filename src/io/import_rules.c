/*
 * import_rules.c - the columns of units.csv, workers.csv, officers.csv, declarations.csv,
 * payments.csv and registry.csv as data-formats.md fixes them, and the cell checks.
 */
#include "io/import_rules.h"

#include <stdio.h>
#include <string.h>

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

/* clang-format off */
const struct tn__file_rules tn__import_rules[TN_IMPORT_COUNT] = {
    [TN_IMPORT_UNITS] = {"units", "unit", {
        KEY("unit_code", TN__CK_CODE),
        REQ("tax_code", TN__CK_TAX),
        REQ("name", TN__CK_TEXT),
        REQ("type", TN__CK_ENUM, .choices = unit_types),
        REQ("status", TN__CK_ENUM, .choices = unit_statuses),
        OPT("status_since", TN__CK_DATE),
        OPT("parent_code", TN__CK_CODE),
        REQ("province_code", TN__CK_DIGITS, .digits = 2),
        OPT("office_code", TN__CK_CODE),
        REQ("wage_region", TN__CK_INT, .min = 1, .max = 4, .integer = 1),
        OPT("officer_code", TN__CK_CODE),
        OPT("payment_cycle", TN__CK_INT, .min = 1, .max = 6, .def = "1", .integer = 1),
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
        KEY("unit_code", TN__CK_CODE),
        KEY("bhxh_code", TN__CK_DIGITS, .digits = 10),
        KEY("from_period", TN__CK_PERIOD),
        REQ("kind", TN__CK_ENUM, .choices = decl_kinds),
        OPT("salary", TN__CK_MONEY, .integer = 1),
        OPT("funds", TN__CK_FUNDS, .def = "BHXH,BHYT,BHTN,TNLD", .integer = 1),
        REQ("declared_on", TN__CK_DATE),
        OPT("reason", TN__CK_TEXT),
    }, 8, 3},
    [TN_IMPORT_PAYMENTS] = {"payments", "payment", {
        KEY("txn_id", TN__CK_TXN),
        OPT("unit_code", TN__CK_CODE),
        REQ("paid_on", TN__CK_DATE),
        REQ("amount", TN__CK_AMOUNT, .integer = 1),
        REQ("channel", TN__CK_ENUM, .choices = channels),
        OPT("memo", TN__CK_TEXT),
        OPT("bhxh_code", TN__CK_DIGITS, .digits = 10),
        OPT("case_id", TN__CK_TEXT),
        OPT("reverses", TN__CK_TXN),
    }, 9, 1},
    [TN_IMPORT_OFFICERS] = {"officers", "officer", {
        KEY("officer_code", TN__CK_CODE),
        REQ("full_name", TN__CK_TEXT),
        REQ("department", TN__CK_ENUM, .choices = departments),
        OPT("office_code", TN__CK_CODE),
        OPT("active", TN__CK_INT, .min = 0, .max = 1, .def = "1", .integer = 1),
    }, 5, 1},
    [TN_IMPORT_REGISTRY] = {"registry", "registry", {
        KEY("tax_code", TN__CK_TAX),
        REQ("name", TN__CK_TEXT),
        REQ("province_code", TN__CK_DIGITS, .digits = 2),
        REQ("registered_on", TN__CK_DATE),
        REQ("status", TN__CK_ENUM, .choices = registry_statuses),
        OPT("reported_employees", TN__CK_INT, .min = 0, .max = 10000000, .integer = 1),
    }, 6, 1},
};
/* clang-format on */

static int all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

static tn_err funds_cell(const char *text, struct tn_store_value *v, char *why, size_t whysz)
{
    static const struct {
        const char *name;
        unsigned flag;
    } names[] = {{"BHXH", TN_FUND_BHXH},
                 {"BHYT", TN_FUND_BHYT},
                 {"BHTN", TN_FUND_BHTN},
                 {"TNLD", TN_FUND_TNLD}};
    unsigned mask = 0;
    const char *p = text;
    while (*p) {
        const char *end = strchr(p, ',');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        size_t i = 0;
        while (i < 4 && !(strlen(names[i].name) == n && memcmp(names[i].name, p, n) == 0))
            i++;
        if (i == 4 || (mask & names[i].flag)) {
            snprintf(why, whysz, "expected funds from BHXH,BHYT,BHTN,TNLD, each once");
            return TN_ERR_PARSE;
        }
        mask |= names[i].flag;
        p += n + (end != NULL);
        if (end && !*p) {
            snprintf(why, whysz, "expected funds from BHXH,BHYT,BHTN,TNLD, each once");
            return TN_ERR_PARSE;
        }
    }
    *v = (struct tn_store_value){.type = TN_SV_INT, .num = mask};
    return TN_OK;
}

tn_err tn__import_cell(const struct tn__column *c, const char *text, char scratch[static 32],
                       struct tn_store_value *v, char *why, size_t whysz)
{
    size_t n = strlen(text);
    *v = (struct tn_store_value){.type = TN_SV_TEXT, .text = text};
    switch (c->kind) {
    case TN__CK_TEXT:
        if (n > 1000) {
            snprintf(why, whysz, "expected at most 1000 bytes");
            return TN_ERR_PARSE;
        }
        return TN_OK;
    case TN__CK_CODE:
        if (n < 1 || n > 20 || strspn(text, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") != n) {
            snprintf(why, whysz, "expected 1-20 characters A-Z, 0-9");
            return TN_ERR_PARSE;
        }
        return TN_OK;
    case TN__CK_TAX:
        if ((n == 10 && all_digits(text, 10)) ||
            (n == 14 && all_digits(text, 10) && text[10] == '-' && all_digits(text + 11, 3)))
            return TN_OK;
        snprintf(why, whysz, "expected 10 digits, or 10 digits-3 digits for a branch");
        return TN_ERR_PARSE;
    case TN__CK_ENUM:
        for (const char *const *ch = c->choices; *ch; ch++)
            if (strcmp(*ch, text) == 0)
                return TN_OK;
        {
            size_t o = (size_t)snprintf(why, whysz, "expected one of");
            for (const char *const *ch = c->choices; *ch && o < whysz; ch++)
                o += (size_t)snprintf(why + o, whysz - o, " %s", *ch);
        }
        return TN_ERR_PARSE;
    case TN__CK_DATE: {
        tn_day d;
        if (tn_day_parse(text, &d)) {
            snprintf(why, whysz, "expected a date YYYY-MM-DD that exists");
            return TN_ERR_PARSE;
        }
        return TN_OK;
    }
    case TN__CK_PERIOD: {
        tn_period p;
        if (tn_period_parse(text, &p)) {
            snprintf(why, whysz, "expected a month YYYY-MM");
            return TN_ERR_PARSE;
        }
        return TN_OK;
    }
    case TN__CK_MONEY:
    case TN__CK_AMOUNT: {
        tn_money m;
        if (tn_money_parse(text, 0, &m) || (c->kind == TN__CK_AMOUNT && m <= 0)) {
            snprintf(why, whysz, "expected a whole number of đồng%s, digits only",
                     c->kind == TN__CK_AMOUNT ? " above 0" : "");
            return TN_ERR_PARSE;
        }
        *v = (struct tn_store_value){.type = TN_SV_INT, .num = m};
        return TN_OK;
    }
    case TN__CK_DIGITS:
        if ((int)n != c->digits || !all_digits(text, n)) {
            snprintf(why, whysz, "expected exactly %d digits", c->digits);
            return TN_ERR_PARSE;
        }
        return TN_OK;
    case TN__CK_INT: {
        tn_money m;
        if (tn_money_parse(text, 0, &m) || m < c->min || m > c->max ||
            (strcmp(c->name, "payment_cycle") == 0 && m != 1 && m != 3 && m != 6)) {
            if (strcmp(c->name, "payment_cycle") == 0)
                snprintf(why, whysz, "expected 1, 3 or 6");
            else
                snprintf(why, whysz, "expected a whole number from %ld to %ld", c->min, c->max);
            return TN_ERR_PARSE;
        }
        snprintf(scratch, 32, "%lld", (long long)m);
        *v = (struct tn_store_value){.type = TN_SV_INT, .num = m};
        return TN_OK;
    }
    case TN__CK_FUNDS:
        return funds_cell(text, v, why, whysz);
    case TN__CK_TXN:
        if (n < 1 || n > 64 || strpbrk(text, " ,\t\"") != NULL) {
            snprintf(why, whysz, "expected 1-64 characters without spaces or commas");
            return TN_ERR_PARSE;
        }
        return TN_OK;
    }
    return TN_ERR_PARSE;
}
