/*
 * policy_load.c - reads the CSV files of policy/ into a struct tn_policy (formats:
 * policy/README.md).
 *
 * Every file is required; each line is parsed strictly and carries its legal source. Two
 * entries with the same start in one list (same component, same limits; same region; same
 * year and k group) are a conflict, not a silent override.
 */
#include "io/policy_load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/csv_reader.h"
#include "thuno/mem.h"

#define MAXCOLS 6

struct spec {
    const char *file;
    struct tn_csv_column cols[MAXCOLS];
    size_t ncols;
    /* parses one row into pol; on failure writes what was expected into why */
    tn_err (*row)(struct tn_policy *pol, const char *const *c, char *why, size_t whysz);
};

#define WHY(...) (snprintf(why, whysz, __VA_ARGS__), TN_ERR_PARSE)

/* Appends e to list (n entries) unless an entry o already there makes `same` true: then the
 * line is a second entry with the same start (TN_ERR_CONFLICT). Returns from the caller. */
#define PUSH_UNIQUE(list, n, e, same)                                                              \
    do {                                                                                           \
        for (size_t i_ = 0; i_ < (n); i_++) {                                                      \
            const __typeof__(e) *o = &(list)[i_];                                                  \
            if (same)                                                                              \
                return TN_ERR_CONFLICT;                                                            \
        }                                                                                          \
        size_t cap_ = (n);                                                                         \
        TN_GROW((list), cap_, (n) + 1);                                                            \
        (list)[(n)++] = (e);                                                                       \
        return TN_OK;                                                                              \
    } while (0)

static tn_err period_cell(const char *s, tn_period *out, char *why, size_t whysz)
{
    return tn_period_parse(s, out) ? WHY("expected a period YYYY-MM (got \"%s\")", s) : TN_OK;
}

static tn_err day_cell(const char *s, tn_day *out, char *why, size_t whysz)
{
    return tn_day_parse(s, out) ? WHY("expected a date YYYY-MM-DD (got \"%s\")", s) : TN_OK;
}

static tn_err percent_cell(const char *s, tn_ppm *out, char *why, size_t whysz)
{
    return tn_ppm_parse_percent(s, out)
               ? WHY("expected a percentage like 8%% or 0.03%% (got \"%s\")", s)
               : TN_OK;
}

static tn_err money_cell(const char *s, tn_money *out, char *why, size_t whysz)
{
    return tn_money_parse(s, 0, out) ? WHY("expected a whole number of đồng (got \"%s\")", s)
                                     : TN_OK;
}

static tn_err flag_cell(const char *s, int *out, char *why, size_t whysz)
{
    if (strcmp(s, "0") != 0 && strcmp(s, "1") != 0)
        return WHY("expected 0 or 1 (got \"%s\")", s);
    *out = s[0] == '1';
    return TN_OK;
}

static tn_err source_cell(struct tn_policy *pol, const char *s, const char **out, char *why,
                          size_t whysz)
{
    if (!*s)
        return WHY("every policy line needs its legal source");
    *out = tn_policy_intern(pol, s);
    return TN_OK;
}

static tn_err rates_row(struct tn_policy *pol, const char *const *c, char *why, size_t whysz)
{
    enum tn_component comp;
    struct tn_rate_entry e = {0};
    tn_err err;
    if (tn_component_parse(c[0], &comp))
        return WHY("expected a component such as pension_employee (got \"%s\")", c[0]);
    if ((err = period_cell(c[1], &e.from, why, whysz)) ||
        (err = percent_cell(c[2], &e.rate, why, whysz)))
        return err;
    char types[256];
    snprintf(types, sizeof types, "%s", c[3]);
    for (char *save = NULL, *t = strtok_r(types, ";", &save); t; t = strtok_r(NULL, ";", &save)) {
        enum tn_unit_type ut;
        if (tn_unit_type_parse(t, &ut))
            return WHY("expected unit types separated by ';' (got \"%s\")", t);
        e.except_types |= 1u << ut;
    }
    if (*c[4] && (err = day_cell(c[4], &e.registered_before, why, whysz)))
        return err;
    if ((err = source_cell(pol, c[5], &e.source, why, whysz)))
        return err;
    PUSH_UNIQUE(pol->rates[comp], pol->nrates[comp], e,
                o->from == e.from && o->except_types == e.except_types &&
                    o->registered_before == e.registered_before);
}

static tn_err amount_push(struct tn_amount_entry **list, size_t *n, struct tn_amount_entry e)
{
    PUSH_UNIQUE(*list, *n, e, o->from == e.from);
}

static tn_err base_salary_row(struct tn_policy *pol, const char *const *c, char *why, size_t whysz)
{
    struct tn_amount_entry e = {0};
    tn_err err;
    if ((err = period_cell(c[0], &e.from, why, whysz)) ||
        (err = money_cell(c[1], &e.amount, why, whysz)) ||
        (err = source_cell(pol, c[2], &e.source, why, whysz)))
        return err;
    return amount_push(&pol->base_salary, &pol->nbase_salary, e);
}

static tn_err min_wage_row(struct tn_policy *pol, const char *const *c, char *why, size_t whysz)
{
    struct tn_amount_entry e = {0};
    tn_err err;
    if ((err = period_cell(c[0], &e.from, why, whysz)))
        return err;
    if (strlen(c[1]) != 1 || c[1][0] < '1' || c[1][0] > '4')
        return WHY("expected a region 1..4 (got \"%s\")", c[1]);
    int r = c[1][0] - '1';
    if ((err = money_cell(c[2], &e.amount, why, whysz)) ||
        (err = source_cell(pol, c[3], &e.source, why, whysz)))
        return err;
    return amount_push(&pol->min_wage[r], &pol->nmin_wage[r], e);
}

static tn_err caps_row(struct tn_policy *pol, const char *const *c, char *why, size_t whysz)
{
    enum tn_group g;
    struct tn_cap_entry e = {0};
    tn_err err;
    if (tn_group_parse(c[0], &g))
        return WHY("expected BHXH, BHYT or BHTN (got \"%s\")", c[0]);
    if ((err = period_cell(c[1], &e.from, why, whysz)))
        return err;
    tn_money mult;
    if (tn_money_parse(c[2], 0, &mult) || mult < 1 || mult > 1000)
        return WHY("expected a multiplier 1..1000 (got \"%s\")", c[2]);
    e.multiplier = (int)mult;
    if (strcmp(c[3], "base_salary") == 0)
        e.of = TN_CAP_BASE_SALARY;
    else if (strcmp(c[3], "min_wage") == 0)
        e.of = TN_CAP_MIN_WAGE;
    else
        return WHY("expected base_salary or min_wage (got \"%s\")", c[3]);
    if ((err = source_cell(pol, c[4], &e.source, why, whysz)))
        return err;
    PUSH_UNIQUE(pol->caps[g], pol->ncaps[g], e, o->from == e.from);
}

static tn_err deadlines_row(struct tn_policy *pol, const char *const *c, char *why, size_t whysz)
{
    struct tn_deadline_entry e = {0};
    tn_err err;
    if ((err = period_cell(c[0], &e.from, why, whysz)))
        return err;
    if (strcmp(c[1], "end_of_cycle") == 0)
        e.rule = TN_DL_END_OF_CYCLE;
    else if (strcmp(c[1], "end_of_next_month") == 0)
        e.rule = TN_DL_END_OF_NEXT_MONTH;
    else
        return WHY("expected end_of_cycle or end_of_next_month (got \"%s\")", c[1]);
    if ((err = flag_cell(c[2], &e.bhtn_monthly, why, whysz)) ||
        (err = source_cell(pol, c[3], &e.source, why, whysz)))
        return err;
    PUSH_UNIQUE(pol->deadlines, pol->ndeadlines, e, o->from == e.from);
}

static tn_err interest_row(struct tn_policy *pol, const char *const *c, char *why, size_t whysz)
{
    struct tn_interest_rule e = {0};
    tn_err err;
    if ((err = day_cell(c[0], &e.from, why, whysz)))
        return err;
    if (strcmp(c[1], "monthly_k") == 0) {
        e.kind = TN_INT_MONTHLY_K;
        if (*c[2] || *c[3])
            return WHY("monthly_k takes its rate from interest_k.csv: leave daily_rate and "
                       "count_payment_day empty");
    } else if (strcmp(c[1], "daily") == 0) {
        e.kind = TN_INT_DAILY;
        if ((err = percent_cell(c[2], &e.daily_rate, why, whysz)) ||
            (err = flag_cell(c[3], &e.count_payment_day, why, whysz)))
            return err;
    } else {
        return WHY("expected monthly_k or daily (got \"%s\")", c[1]);
    }
    if ((err = source_cell(pol, c[4], &e.source, why, whysz)))
        return err;
    PUSH_UNIQUE(pol->interest, pol->ninterest, e, o->from == e.from);
}

static tn_err k_row(struct tn_policy *pol, const char *const *c, char *why, size_t whysz)
{
    struct tn_k_entry e = {0};
    tn_err err;
    tn_money year;
    if (tn_money_parse(c[0], 0, &year) || year < 1990 || year > 9999)
        return WHY("expected a year (got \"%s\")", c[0]);
    e.year = (int)year;
    if (strcmp(c[1], "BHXH_BHTN") == 0)
        e.group = TN_K_BHXH_BHTN;
    else if (strcmp(c[1], "BHYT") == 0)
        e.group = TN_K_BHYT;
    else
        return WHY("expected BHXH_BHTN or BHYT (got \"%s\")", c[1]);
    if ((err = percent_cell(c[2], &e.k, why, whysz)) ||
        (err = source_cell(pol, c[3], &e.source, why, whysz)))
        return err;
    PUSH_UNIQUE(pol->k, pol->nk, e, o->year == e.year && o->group == e.group);
}

static tn_err allocation_row(struct tn_policy *pol, const char *const *c, char *why, size_t whysz)
{
    struct tn_allocation_rule e = {0};
    tn_err err;
    if ((err = day_cell(c[0], &e.from, why, whysz)))
        return err;
    char order[64];
    snprintf(order, sizeof order, "%s", c[1]);
    int n = 0, seen = 0;
    for (char *save = NULL, *t = strtok_r(order, ";", &save); t; t = strtok_r(NULL, ";", &save)) {
        enum tn_group g;
        if (n == TN_G_COUNT || tn_group_parse(t, &g) || (seen & (1 << g)))
            return WHY("expected the three groups once each, e.g. BHYT;BHTN;BHXH (got \"%s\")",
                       c[1]);
        seen |= 1 << g;
        e.order[n++] = g;
    }
    if (n != TN_G_COUNT)
        return WHY("expected the three groups once each, e.g. BHYT;BHTN;BHXH (got \"%s\")", c[1]);
    if ((err = flag_cell(c[2], &e.interest_first, why, whysz)) ||
        (err = source_cell(pol, c[3], &e.source, why, whysz)))
        return err;
    PUSH_UNIQUE(pol->allocation, pol->nallocation, e, o->from == e.from);
}

static tn_err legal_row(struct tn_policy *pol, const char *const *c, char *why, size_t whysz)
{
    struct tn_legal_rule e = {0};
    tn_err err;
    tn_money days;
    if ((err = day_cell(c[0], &e.from, why, whysz)))
        return err;
    if (tn_money_parse(c[1], 0, &days) || days > 3650)
        return WHY("expected a number of days (got \"%s\")", c[1]);
    e.evasion_days = (int)days;
    if ((err = source_cell(pol, c[2], &e.source, why, whysz)))
        return err;
    PUSH_UNIQUE(pol->legal, pol->nlegal, e, o->from == e.from);
}

/* "1.0" months -> 10 tenths; one decimal at most */
static tn_err tenths_cell(const char *s, int *out, char *why, size_t whysz)
{
    tn_money whole;
    char buf[16];
    const char *dot = strchr(s, '.');
    size_t n = dot ? (size_t)(dot - s) : strlen(s);
    if (n == 0 || n >= sizeof buf || (dot && (strlen(dot) != 2 || dot[1] < '0' || dot[1] > '9')))
        return WHY("expected months with one decimal, e.g. 1.0 (got \"%s\")", s);
    memcpy(buf, s, n);
    buf[n] = '\0';
    if (tn_money_parse(buf, 0, &whole) || whole > 1200)
        return WHY("expected months with one decimal, e.g. 1.0 (got \"%s\")", s);
    *out = (int)whole * 10 + (dot ? dot[1] - '0' : 0);
    return TN_OK;
}

static tn_err card_row(struct tn_policy *pol, const char *const *c, char *why, size_t whysz)
{
    struct tn_card_rule e = {0};
    tn_err err;
    if ((err = day_cell(c[0], &e.from, why, whysz)) ||
        (err = tenths_cell(c[1], &e.lock_tenths, why, whysz)) ||
        (err = tenths_cell(c[2], &e.kttn_tenths, why, whysz)) ||
        (err = source_cell(pol, c[3], &e.source, why, whysz)))
        return err;
    PUSH_UNIQUE(pol->card, pol->ncard, e, o->from == e.from);
}

static tn_err undeclared_row(struct tn_policy *pol, const char *const *c, char *why, size_t whysz)
{
    struct tn_undeclared_rule e = {0};
    tn_money gap, ratio;
    tn_err err;
    if ((err = day_cell(c[0], &e.from, why, whysz)))
        return err;
    if (tn_money_parse(c[1], 0, &gap) || gap > 100000)
        return WHY("expected a number of workers (got \"%s\")", c[1]);
    if (tn_money_parse(c[2], 0, &ratio) || ratio < 100 || ratio > 10000)
        return WHY("expected a percentage from 100 to 10000 (got \"%s\")", c[2]);
    if ((err = source_cell(pol, c[3], &e.source, why, whysz)))
        return err;
    e.min_gap = (int)gap;
    e.min_ratio_percent = (int)ratio;
    PUSH_UNIQUE(pol->undeclared, pol->nundeclared, e, o->from == e.from);
}

#define R(n)                                                                                       \
    {                                                                                              \
        n, 1                                                                                       \
    }
#define O(n)                                                                                       \
    {                                                                                              \
        n, 0                                                                                       \
    }
/* clang-format off */
static const struct spec specs[] = {
    {"rates.csv", {R("component"), R("from"), R("rate"), O("except_types"),
                   O("registered_before"), R("source")}, 6, rates_row},
    {"base_salary.csv", {R("from"), R("amount"), R("source")}, 3, base_salary_row},
    {"min_wage.csv", {R("from"), R("region"), R("amount"), R("source")}, 4, min_wage_row},
    {"caps.csv", {R("group"), R("from"), R("multiplier"), R("of"), R("source")}, 5, caps_row},
    {"deadlines.csv", {R("from"), R("rule"), R("bhtn_monthly"), R("source")}, 4, deadlines_row},
    {"interest.csv", {R("from"), R("kind"), O("daily_rate"), O("count_payment_day"),
                      R("source")}, 5, interest_row},
    {"interest_k.csv", {R("year"), R("group"), R("k"), R("source")}, 4, k_row},
    {"allocation.csv", {R("from"), R("order"), R("interest_first"), R("source")}, 4,
     allocation_row},
    {"legal.csv", {R("from"), R("evasion_days"), R("source")}, 3, legal_row},
    {"card_lock.csv", {R("from"), R("lock_months"), R("kttn_months"), R("source")}, 4, card_row},
    {"non_participant.csv", {R("from"), R("min_gap"), R("min_ratio_percent"), R("source")}, 4,
     undeclared_row},
};
/* clang-format on */
#undef R
#undef O

static void digest_file(struct tn_policy *pol, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return;
    int ch;
    while ((ch = fgetc(f)) != EOF) {
        pol->digest ^= (unsigned char)ch;
        pol->digest *= 1099511628211ULL;
    }
    fclose(f);
}

static tn_err load_file(const char *dir, const struct spec *sp, struct tn_policy *pol, char *msg,
                        size_t msgsz)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, sp->file);
    struct tn_csv_reader *r;
    tn_err err = tn_csv_open(path, sp->cols, sp->ncols, &r, msg, msgsz);
    if (err)
        return err;
    const char *const *cells;
    long line;
    char why[256];
    while ((err = tn_csv_next(r, &cells, &line, why, sizeof why)) == TN_OK) {
        why[0] = '\0';
        err = sp->row(pol, cells, why, sizeof why);
        if (err == TN_ERR_CONFLICT) {
            snprintf(msg, msgsz, "%s:%ld: a second entry with the same start", path, line);
            break;
        }
        if (err) {
            snprintf(msg, msgsz, "%s:%ld: %s", path, line, why);
            break;
        }
    }
    if (err == TN_ERR_PARSE && !msg[0])
        snprintf(msg, msgsz, "%s:%ld: %s", path, line, why);
    tn_csv_free(r);
    if (err == TN_ERR_NOT_FOUND)
        err = TN_OK;
    if (!err)
        digest_file(pol, path);
    return err;
}

tn_err tn_policy_load(const char *dir, struct tn_policy *pol, char *msg, size_t msgsz)
{
    msg[0] = '\0';
    pol->digest = 14695981039346656037ULL;
    for (size_t i = 0; i < sizeof specs / sizeof specs[0]; i++) {
        tn_err err = load_file(dir, &specs[i], pol, msg, msgsz);
        if (err) {
            tn_policy_release(pol);
            return err;
        }
    }
    tn_policy_sort(pol);
    return TN_OK;
}
