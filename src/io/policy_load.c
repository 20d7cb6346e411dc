/*
 * policy_load.c - reads the CSV files of policy/ into a struct tn_policy (formats:
 * policy/README.md).
 *
 * Every file and every column is required; each line is parsed strictly and carries its legal
 * source. Two entries with the same start in one list (same component and same limits; same
 * region; same year and k group) are a conflict, not a silent override. The first bad line
 * stops the load: a policy is used whole or not at all. The side tables (card groups, public
 * list, tip rewards, inspections, the calendar and its holidays: policy_calendar.c) are read here
 * too, once, but are not folded into the digest a close records: they are not the close's rules.
 */
#include "thuno/policy_load.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/csv_reader.h"
#include "policy_load_int.h"
#include "thuno/mem.h"

#define MAXCOLS 13

struct spec {
    const char *file;
    struct tn_csv_column cols[MAXCOLS];
    size_t ncols;
    /* parses one row into pol; on failure writes what was expected into why */
    tn_err (*row)(struct tn_policy *pol, const char *const *c, char *why, size_t whysz);
    int side; /* 1: a side table, not in the digest; 2: also must have a line */
};

#define WHY(...) (snprintf(why, whysz, __VA_ARGS__), TN_ERR_PARSE)

/* Appends e to list (n entries) unless an entry o already there makes `same` true: then the
 * line is a second entry with the same start, TN_ERR_CONFLICT with why set from the format
 * and arguments that follow. Returns from the caller. */
#define PUSH_UNIQUE(list, n, e, same, ...)                                                         \
    do {                                                                                           \
        for (size_t i_ = 0; i_ < (n); i_++) {                                                      \
            const __typeof__(e) *o = &(list)[i_];                                                  \
            if (same)                                                                              \
                return (snprintf(why, whysz, __VA_ARGS__), TN_ERR_CONFLICT);                       \
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
    tn_money m;
    if (tn_money_parse(s, 0, &m) || m <= 0)
        return WHY("expected a positive whole number of đồng (got \"%s\")", s);
    *out = m;
    return TN_OK;
}

/* A whole number lo..hi written in digits only. */
static tn_err int_cell(const char *s, int lo, int hi, const char *what, int *out, char *why,
                       size_t whysz)
{
    tn_money v;
    if (tn_money_parse(s, 0, &v) || v < lo || v > hi)
        return WHY("expected %s %d..%d (got \"%s\")", what, lo, hi, s);
    *out = (int)v;
    return TN_OK;
}

/* Takes the next ';'-separated item of the list at *s into item and moves *s past it and its
 * separator. Returns 0, or -1 for an empty or over-long item (";;", a trailing ';'). */
static int list_item_sep(const char **s, char sep, char *item, size_t itemsz)
{
    char seps[2] = {sep, '\0'};
    size_t n = strcspn(*s, seps);
    if (n == 0 || n >= itemsz)
        return -1;
    memcpy(item, *s, n);
    item[n] = '\0';
    *s += n;
    if (**s == sep && *++*s == '\0')
        return -1;
    return 0;
}

static int list_item(const char **s, char *item, size_t itemsz)
{
    return list_item_sep(s, ';', item, itemsz);
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
    for (const char *p = c[3]; *p;) {
        char t[32];
        enum tn_unit_type ut;
        if (list_item(&p, t, sizeof t) || tn_unit_type_parse(t, &ut))
            return WHY("expected unit types separated by ';', e.g. state;public (got \"%s\")",
                       c[3]);
        e.except_types |= 1u << ut;
    }
    if (*c[4] && (err = day_cell(c[4], &e.registered_before, why, whysz)))
        return err;
    if ((err = source_cell(pol, c[5], &e.source, why, whysz)))
        return err;
    PUSH_UNIQUE(pol->rates[comp], pol->nrates[comp], e,
                o->from == e.from && o->except_types == e.except_types &&
                    o->registered_before == e.registered_before,
                "expected one rate per component, start and limits (got a second %s from %s)", c[0],
                c[1]);
}

static tn_err amount_push(struct tn_amount_entry **list, size_t *n, struct tn_amount_entry e,
                          const char *what, const char *from, char *why, size_t whysz)
{
    PUSH_UNIQUE(*list, *n, e, o->from == e.from,
                "expected one %s per start (got a second one from %s)", what, from);
}

static tn_err base_salary_row(struct tn_policy *pol, const char *const *c, char *why, size_t whysz)
{
    struct tn_amount_entry e = {0};
    tn_err err;
    if ((err = period_cell(c[0], &e.from, why, whysz)) ||
        (err = money_cell(c[1], &e.amount, why, whysz)) ||
        (err = source_cell(pol, c[2], &e.source, why, whysz)))
        return err;
    return amount_push(&pol->base_salary, &pol->nbase_salary, e, "base salary", c[0], why, whysz);
}

static tn_err min_wage_row(struct tn_policy *pol, const char *const *c, char *why, size_t whysz)
{
    struct tn_amount_entry e = {0};
    tn_err err;
    if ((err = period_cell(c[0], &e.from, why, whysz)))
        return err;
    int r;
    if ((err = int_cell(c[1], 1, 4, "a region", &r, why, whysz)) ||
        (err = money_cell(c[2], &e.amount, why, whysz)) ||
        (err = source_cell(pol, c[3], &e.source, why, whysz)))
        return err;
    return amount_push(&pol->min_wage[r - 1], &pol->nmin_wage[r - 1], e, "minimum wage per region",
                       c[0], why, whysz);
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
    if ((err = int_cell(c[2], 1, 1000, "a multiplier", &e.multiplier, why, whysz)))
        return err;
    if (strcmp(c[3], "base_salary") == 0)
        e.of = TN_CAP_BASE_SALARY;
    else if (strcmp(c[3], "min_wage") == 0)
        e.of = TN_CAP_MIN_WAGE;
    else
        return WHY("expected base_salary or min_wage (got \"%s\")", c[3]);
    if ((err = source_cell(pol, c[4], &e.source, why, whysz)))
        return err;
    PUSH_UNIQUE(pol->caps[g], pol->ncaps[g], e, o->from == e.from,
                "expected one cap per group and start (got a second %s from %s)", c[0], c[1]);
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
    PUSH_UNIQUE(pol->deadlines, pol->ndeadlines, e, o->from == e.from,
                "expected one deadline rule per start (got a second one from %s)", c[0]);
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
    PUSH_UNIQUE(pol->interest, pol->ninterest, e, o->from == e.from,
                "expected one interest rule per start (got a second one from %s)", c[0]);
}

static tn_err k_row(struct tn_policy *pol, const char *const *c, char *why, size_t whysz)
{
    struct tn_k_entry e = {0};
    tn_err err;
    if ((err = int_cell(c[0], 1990, 9999, "a year", &e.year, why, whysz)))
        return err;
    if (strcmp(c[1], "BHXH_BHTN") == 0)
        e.group = TN_K_BHXH_BHTN;
    else if (strcmp(c[1], "BHYT") == 0)
        e.group = TN_K_BHYT;
    else
        return WHY("expected BHXH_BHTN or BHYT (got \"%s\")", c[1]);
    if ((err = percent_cell(c[2], &e.k, why, whysz)) ||
        (err = source_cell(pol, c[3], &e.source, why, whysz)))
        return err;
    PUSH_UNIQUE(pol->k, pol->nk, e, o->year == e.year && o->group == e.group,
                "expected one k per year and group (got a second %s %s)", c[0], c[1]);
}

static tn_err allocation_row(struct tn_policy *pol, const char *const *c, char *why, size_t whysz)
{
    struct tn_allocation_rule e = {0};
    tn_err err;
    if ((err = day_cell(c[0], &e.from, why, whysz)))
        return err;
    const char *p = c[1];
    int n = 0, seen = 0;
    while (*p && n < TN_G_COUNT) {
        char t[8];
        enum tn_group g;
        if (list_item(&p, t, sizeof t) || tn_group_parse(t, &g) || (seen & (1 << g)))
            break;
        seen |= 1 << g;
        e.order[n++] = g;
    }
    if (*p || n != TN_G_COUNT)
        return WHY("expected the three groups once each, e.g. BHYT;BHTN;BHXH (got \"%s\")", c[1]);
    if ((err = flag_cell(c[2], &e.interest_first, why, whysz)) ||
        (err = source_cell(pol, c[3], &e.source, why, whysz)))
        return err;
    PUSH_UNIQUE(pol->allocation, pol->nallocation, e, o->from == e.from,
                "expected one allocation rule per start (got a second one from %s)", c[0]);
}

static tn_err legal_row(struct tn_policy *pol, const char *const *c, char *why, size_t whysz)
{
    struct tn_legal_rule e = {0};
    tn_err err;
    if ((err = day_cell(c[0], &e.from, why, whysz)) ||
        (err = int_cell(c[1], 0, 3650, "a number of days", &e.evasion_days, why, whysz)) ||
        (err = source_cell(pol, c[2], &e.source, why, whysz)))
        return err;
    PUSH_UNIQUE(pol->legal, pol->nlegal, e, o->from == e.from,
                "expected one late/evasion rule per start (got a second one from %s)", c[0]);
}

static tn_err citation_row(struct tn_policy *pol, const char *const *c, char *why, size_t whysz)
{
    struct tn_citation e = {0};
    tn_err err;
    if (!c[0][0])
        return WHY("key: expected the law's key, e.g. employment_law");
    if (!c[2][0])
        return WHY("text: expected the citation as documents print it");
    if ((err = day_cell(c[1], &e.from, why, whysz)) ||
        (err = source_cell(pol, c[3], &e.source, why, whysz)))
        return err;
    e.key = tn_policy_intern(pol, c[0]);
    e.text = tn_policy_intern(pol, c[2]);
    PUSH_UNIQUE(pol->citations, pol->ncitations, e, o->from == e.from && strcmp(o->key, e.key) == 0,
                "expected one citation of %s per start (got a second one from %s)", c[0], c[1]);
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
    PUSH_UNIQUE(pol->card, pol->ncard, e, o->from == e.from,
                "expected one card-lock rule per start (got a second one from %s)", c[0]);
}

static tn_err undeclared_row(struct tn_policy *pol, const char *const *c, char *why, size_t whysz)
{
    struct tn_undeclared_rule e = {0};
    tn_err err;
    if ((err = day_cell(c[0], &e.from, why, whysz)) ||
        (err = int_cell(c[1], 0, 100000, "a number of workers", &e.min_gap, why, whysz)) ||
        (err = int_cell(c[2], 100, 10000, "a percentage", &e.min_ratio_percent, why, whysz)) ||
        (err = source_cell(pol, c[3], &e.source, why, whysz)))
        return err;
    PUSH_UNIQUE(pol->undeclared, pol->nundeclared, e, o->from == e.from,
                "expected one under-declaration rule per start (got a second one from %s)", c[0]);
}

static tn_err fine_row(struct tn_policy *pol, const char *const *c, char *why, size_t whysz)
{
    struct tn_fine_rule e = {0};
    tn_err err;
    if ((err = day_cell(c[0], &e.from, why, whysz)))
        return err;
    if (strcmp(c[1], "late") == 0)
        e.violation = TN_FINE_LATE;
    else if (strcmp(c[1], "evasion") == 0)
        e.violation = TN_FINE_EVASION;
    else
        return WHY("expected a violation late or evasion (got \"%s\")", c[1]);
    if (strcmp(c[2], "BHXH+BHTN") == 0)
        e.base = TN_FINE_BASE_BHXH_BHTN;
    else if (strcmp(c[2], "BHYT") == 0)
        e.base = TN_FINE_BASE_BHYT;
    else
        return WHY("expected a base BHXH+BHTN or BHYT (got \"%s\")", c[2]);
    if ((err = percent_cell(c[3], &e.min_rate, why, whysz)) ||
        (err = percent_cell(c[4], &e.max_rate, why, whysz)) ||
        (err = money_cell(c[5], &e.cap, why, whysz)) ||
        (err = int_cell(c[6], 1, 10, "a multiplier", &e.multiplier, why, whysz)) ||
        (err = source_cell(pol, c[7], &e.source, why, whysz)))
        return err;
    if (e.min_rate > e.max_rate)
        return WHY("expected min_percent <= max_percent (got %s and %s)", c[3], c[4]);
    PUSH_UNIQUE(pol->fines, pol->nfines, e,
                o->from == e.from && o->violation == e.violation && o->base == e.base,
                "expected one fine rule per violation, base and start (got a second one from %s)",
                c[0]);
}

static tn_err criminal_row(struct tn_policy *pol, const char *const *c, char *why, size_t whysz)
{
    struct tn_criminal_rule e = {0};
    int workers;
    tn_err err;
    if ((err = day_cell(c[0], &e.from, why, whysz)) ||
        (err = int_cell(c[1], 1, 3, "a clause", &e.clause, why, whysz)) ||
        (err = money_cell(c[2], &e.min_amount, why, whysz)) ||
        (err = int_cell(c[3], 1, 1000000, "a number of workers", &workers, why, whysz)) ||
        (err = int_cell(c[4], 1, 120, "a number of months", &e.min_months, why, whysz)) ||
        (err = day_cell(c[5], &e.acts_from, why, whysz)) ||
        (err = source_cell(pol, c[6], &e.source, why, whysz)))
        return err;
    e.min_workers = workers;
    PUSH_UNIQUE(pol->criminal, pol->ncriminal, e, o->from == e.from && o->clause == e.clause,
                "expected one entry per clause and start (got a second clause %s from %s)", c[1],
                c[0]);
}

static tn_err event_cell(const char *s, enum tn_case_event *out, char *why, size_t whysz)
{
    return tn_case_event_parse(s, out) ? WHY("expected an event of case_events.csv (got \"%s\")", s)
                                       : TN_OK;
}

static tn_err ladder_row(struct tn_policy *pol, const char *const *c, char *why, size_t whysz)
{
    static const char *const legal[] = {"any", "late", "evading"};
    static const char *const checks[] = {"", "fine", "art216"};
    struct tn_ladder_step e = {0};
    tn_err err;
    if (!*c[0] || !*c[2])
        return WHY("expected an office (or *) and a step name");
    e.office = tn_policy_intern(pol, c[0]);
    e.step = tn_policy_intern(pol, c[2]);
    if ((err = int_cell(c[1], 1, 99, "an order", &e.order, why, whysz)) ||
        (err = event_cell(c[3], &e.event, why, whysz)) ||
        (err = int_cell(c[4], 1, 9, "an occurrence", &e.occurrence, why, whysz)) ||
        (err = tenths_cell(c[5], &e.min_months_tenths, why, whysz)))
        return err;
    if (tn_money_parse(c[6], 0, &e.min_debt))
        return WHY("expected a whole number of đồng, 0 or more (got \"%s\")", c[6]);
    e.min_legal = -1;
    for (int i = 0; i < 3; i++)
        if (strcmp(c[7], legal[i]) == 0)
            e.min_legal = i;
    if (e.min_legal < 0)
        return WHY("expected any, late or evading (got \"%s\")", c[7]);
    if ((err = int_cell(c[8], 0, 3650, "a number of days", &e.min_days, why, whysz)))
        return err;
    if (!*c[9])
        return WHY("expected the department that acts");
    e.department = tn_policy_intern(pol, c[9]);
    e.document = tn_policy_intern(pol, c[10]);
    int ok = 0;
    for (int i = 0; i < 3; i++)
        ok |= strcmp(c[11], checks[i]) == 0;
    if (!ok)
        return WHY("expected an empty check, fine or art216 (got \"%s\")", c[11]);
    e.check = tn_policy_intern(pol, c[11]);
    if ((err = source_cell(pol, c[12], &e.source, why, whysz)))
        return err;
    PUSH_UNIQUE(pol->ladder, pol->nladder, e,
                strcmp(o->office, e.office) == 0 && o->order == e.order,
                "expected one step per office and order (got a second step %s for %s)", c[1], c[0]);
}

static tn_err deadline_case_row(struct tn_policy *pol, const char *const *c, char *why,
                                size_t whysz)
{
    struct tn_case_deadline e = {0};
    tn_err err;
    if ((err = event_cell(c[0], &e.after, why, whysz)))
        return err;
    const char *s = c[1];
    char item[48];
    while (*s) {
        enum tn_case_event ev;
        if (list_item(&s, item, sizeof item) || (err = event_cell(item, &ev, why, whysz)))
            return err ? err : WHY("expected events separated by ; (got \"%s\")", c[1]);
        e.expect |= 1u << ev;
    }
    if (!e.expect)
        return WHY("expected at least one event to follow");
    if ((err = int_cell(c[2], 1, 3650, "a number of days", &e.days, why, whysz)))
        return err;
    if (strcmp(c[3], "working") != 0 && strcmp(c[3], "calendar") != 0)
        return WHY("expected working or calendar (got \"%s\")", c[3]);
    e.working = c[3][0] == 'w';
    if (!*c[4])
        return WHY("expected whose step it is");
    e.who = tn_policy_intern(pol, c[4]);
    if ((err = source_cell(pol, c[5], &e.source, why, whysz)))
        return err;
    PUSH_UNIQUE(pol->case_deadlines, pol->ncase_deadlines, e, o->after == e.after,
                "expected one deadline per event (got a second one after %s)", c[0]);
}

static tn_err checklist_row(struct tn_policy *pol, const char *const *c, char *why, size_t whysz)
{
    struct tn_checklist_item e = {0};
    tn_err err;
    if ((err = event_cell(c[0], &e.stage, why, whysz)))
        return err;
    if (!*c[1])
        return WHY("expected the item's description");
    const char *s = c[2];
    char alt[64];
    do { /* each alternative is event:NAME or attachment:KIND */
        if (list_item_sep(&s, '|', alt, sizeof alt))
            return WHY("expected event:NAME or attachment:KIND separated by | (got \"%s\")", c[2]);
        enum tn_case_event ev;
        if (strncmp(alt, "event:", 6) == 0 ? tn_case_event_parse(alt + 6, &ev) != TN_OK
                                           : strncmp(alt, "attachment:", 11) != 0 || !alt[11])
            return WHY("expected event:NAME or attachment:KIND (got \"%s\")", alt);
    } while (*s);
    e.item = tn_policy_intern(pol, c[1]);
    e.requires = tn_policy_intern(pol, c[2]);
    if ((err = source_cell(pol, c[3], &e.source, why, whysz)))
        return err;
    PUSH_UNIQUE(pol->checklist, pol->nchecklist, e,
                o->stage == e.stage && strcmp(o->item, e.item) == 0,
                "expected each item once per stage (got \"%s\" twice for %s)", c[1], c[0]);
}

/* card_groups.csv. LAW: Decision 1351/QĐ-BHXH (2015) on the health-card code. */
static tn_err card_group_row(struct tn_policy *pol, const char *const *c, char *why, size_t whysz)
{
    struct tn_card_group e = {0};
    enum tn_unit_type ut;
    if (tn_day_parse(c[0], &e.from) || strlen(c[1]) >= sizeof e.unit_type || strlen(c[2]) != 2 ||
        c[2][0] < 'A' || c[2][0] > 'Z' || c[2][1] < 'A' || c[2][1] > 'Z' || strlen(c[3]) != 1 ||
        c[3][0] < '1' || c[3][0] > '5' || !*c[4])
        return WHY("expected from YYYY-MM-DD, unit_type, group AA, level 1..5, source");
    if (tn_unit_type_parse(c[1], &ut))
        return WHY("expected a unit type such as private (got \"%s\")", c[1]);
    snprintf(e.unit_type, sizeof e.unit_type, "%s", c[1]);
    memcpy(e.group, c[2], 3);
    e.level = c[3][0] - '0';
    snprintf(e.source, sizeof e.source, "%s", c[4]);
    PUSH_UNIQUE(pol->card_groups, pol->ncard_groups, e,
                o->from == e.from && strcmp(o->unit_type, e.unit_type) == 0,
                "a second line for %s from the same day", c[1]);
}

/* handover.csv: seed 002 (office practice). */
static tn_err handover_row(struct tn_policy *pol, const char *const *c, char *why, size_t whysz)
{
    struct tn_handover_rule e = {0};
    if (tn_day_parse(c[0], &e.from))
        return WHY("from: expected YYYY-MM-DD (got \"%s\")", c[0]);
    if (!*c[1] || strlen(c[1]) >= 32)
        return WHY("office: expected an office code or * (got \"%s\")", c[1]);
    size_t len = 0;
    for (const char *q = c[2];; q++) {
        if (*q == ';' || *q == '\0') {
            if (len == 0 || len >= 32)
                return WHY("officers: expected officer codes separated by ; (got \"%s\")", c[2]);
            len = 0;
            if (*q == '\0')
                break;
        } else {
            len++;
        }
    }
    if (!*c[3])
        return WHY("source: expected the rule's source");
    e.office = tn_policy_intern(pol, c[1]);
    e.officers = tn_policy_intern(pol, c[2]);
    e.source = tn_policy_intern(pol, c[3]);
    PUSH_UNIQUE(
        pol->handover, pol->nhandover, e, o->from == e.from && strcmp(o->office, e.office) == 0,
        "expected one line per office and start (got a second one for %s from %s)", c[1], c[0]);
}

/* public_list.csv. LAW: Law 41/2024/QH15 Art 40; seed 003. */
static tn_err name_rule_row(struct tn_policy *pol, const char *const *c, char *why, size_t whysz)
{
    struct tn_name_rule e = {0};
    if (tn_day_parse(c[0], &e.from))
        return WHY("from: expected YYYY-MM-DD (got \"%s\")", c[0]);
    if (tn_csv_tenths(c[1], &e.name_tenths))
        return WHY("name_months: expected months like 3.0 (got \"%s\")", c[1]);
    if (!c[2][0])
        return WHY("source: the legal source is required");
    e.source = tn_policy_intern(pol, c[2]);
    PUSH_UNIQUE(pol->name_rules, pol->nname_rules, e, o->from == e.from,
                "a second line starting %s", c[0]);
}

/* tip_reward.csv (case_register.h). */
static tn_err tip_reward_row(struct tn_policy *pol, const char *const *c, char *why, size_t whysz)
{
    struct tn_tip_reward_rule e = {0};
    if (tn_day_parse(c[0], &e.from))
        return WHY("from: expected a date YYYY-MM-DD (got \"%s\")", c[0]);
    if (tn_ppm_parse_percent(c[1], &e.rate) || e.rate > 1000000)
        return WHY("rate: expected a percentage like 5%% (got \"%s\")", c[1]);
    if (tn_money_parse(c[2], 0, &e.cap) || e.cap <= 0)
        return WHY("cap: expected a positive whole number of đồng (got \"%s\")", c[2]);
    if (tn_money_parse(c[3], 0, &e.min_recovered))
        return WHY("min_recovered: expected a whole number of đồng (got \"%s\")", c[3]);
    if (!c[4][0])
        return WHY("source: the legal source is required");
    e.source = tn_policy_intern(pol, c[4]);
    PUSH_UNIQUE(pol->tip_rewards, pol->ntip_rewards, e, o->from == e.from,
                "a second line starting %s", c[0]);
}

/* A count of inspections.csv: digits only, at most 9. */
static int count_cell(const char *s, long *out)
{
    size_t n = strlen(s);
    if (n == 0 || n > 9 || strspn(s, "0123456789") != n)
        return -1;
    *out = strtol(s, NULL, 10);
    return 0;
}

/* inspections.csv: months with one decimal, counts as whole numbers, one line per start, in
 * date order (docs/inspections.md). */
static tn_err inspection_row(struct tn_policy *pol, const char *const *c, char *why, size_t whysz)
{
    static const char *const names[] = {"referral_months", "chair_months", "refuse_months"};
    struct tn_inspection_rule e = {0};
    int *tens[] = {&e.referral_months_tenths, &e.chair_months_tenths, &e.refuse_months_tenths};
    const char *tcells[] = {c[1], c[4], c[5]};
    if (tn_day_parse(c[0], &e.from))
        return WHY("from: expected a date YYYY-MM-DD (got \"%s\")", c[0]);
    for (int i = 0; i < 3; i++)
        if (tn_csv_tenths(tcells[i], tens[i]))
            return WHY("%s: expected months with one decimal, e.g. 3.0 (got \"%s\")", names[i],
                       tcells[i]);
    if (count_cell(c[2], &e.referral_worker_gap) || count_cell(c[3], &e.referral_findings) ||
        count_cell(c[6], &e.refuse_reminders))
        return WHY("referral_worker_gap, referral_findings, refuse_reminders: expected whole "
                   "numbers (got \"%s\", \"%s\", \"%s\")",
                   c[2], c[3], c[6]);
    if (!*c[7])
        return WHY("source: expected the legal or office source of the line");
    if (pol->ninspections && e.from <= pol->inspections[pol->ninspections - 1].from)
        return (snprintf(why, whysz, "expected lines in date order, one per start (got %s)", c[0]),
                TN_ERR_CONFLICT);
    e.source = tn_policy_intern(pol, c[7]);
    size_t cap = pol->ninspections;
    TN_GROW(pol->inspections, cap, pol->ninspections + 1);
    pol->inspections[pol->ninspections++] = e;
    return TN_OK;
}

#define R(n)                                                                                       \
    {                                                                                              \
        n, 1                                                                                       \
    }
/* clang-format off */
static const struct spec specs[] = {
    {"rates.csv", {R("component"), R("from"), R("rate"), R("except_types"),
                   R("registered_before"), R("source")}, 6, rates_row, 0},
    {"base_salary.csv", {R("from"), R("amount"), R("source")}, 3, base_salary_row, 0},
    {"min_wage.csv", {R("from"), R("region"), R("amount"), R("source")}, 4, min_wage_row, 0},
    {"caps.csv", {R("group"), R("from"), R("multiplier"), R("of"), R("source")}, 5, caps_row, 0},
    {"deadlines.csv", {R("from"), R("rule"), R("bhtn_monthly"), R("source")}, 4, deadlines_row, 0},
    {"interest.csv", {R("from"), R("kind"), R("daily_rate"), R("count_payment_day"),
                      R("source")}, 5, interest_row, 0},
    {"interest_k.csv", {R("year"), R("group"), R("k"), R("source")}, 4, k_row, 0},
    {"allocation.csv", {R("from"), R("order"), R("interest_first"), R("source")}, 4,
     allocation_row, 0},
    {"legal.csv", {R("from"), R("evasion_days"), R("source")}, 3, legal_row, 0},
    {"card_lock.csv", {R("from"), R("lock_months"), R("kttn_months"), R("source")}, 4, card_row, 0},
    {"non_participant.csv", {R("from"), R("min_gap"), R("min_ratio_percent"), R("source")}, 4,
     undeclared_row, 0},
    {"sanctions.csv", {R("from"), R("violation"), R("base"), R("min_percent"), R("max_percent"),
                       R("cap"), R("organisation_multiplier"), R("source")}, 8, fine_row, 0},
    {"criminal.csv", {R("from"), R("clause"), R("min_amount"), R("min_workers"), R("min_months"),
                      R("acts_from"), R("source")}, 7, criminal_row, 0},
    {"ladder.csv", {R("office"), R("order"), R("step"), R("event"), R("occurrence"),
                    R("min_months"), R("min_debt"), R("legal_status"), R("min_days"),
                    R("department"), R("document"), R("check"), R("source")}, 13, ladder_row, 0},
    {"case_deadlines.csv", {R("after"), R("expect"), R("days"), R("calendar"), R("who"),
                            R("source")}, 6, deadline_case_row, 0},
    {"checklist.csv", {R("stage"), R("item"), R("requires"), R("source")}, 4, checklist_row, 0},
    {"card_groups.csv", {R("from"), R("unit_type"), R("group"), R("level"), R("source")}, 5,
     card_group_row, 1},
    {"public_list.csv", {R("from"), R("name_months"), R("source")}, 3, name_rule_row, 1},
    {"handover.csv", {R("from"), R("office"), R("officers"), R("source")}, 4, handover_row, 1},
    {"tip_reward.csv", {R("from"), R("rate"), R("cap"), R("min_recovered"), R("source")}, 5,
     tip_reward_row, 2},
    {"inspections.csv", {R("from"), R("referral_months"), R("referral_worker_gap"),
                         R("referral_findings"), R("chair_months"), R("refuse_months"),
                         R("refuse_reminders"), R("source")}, 8, inspection_row, 1},
    {"citations.csv", {R("key"), R("from"), R("text"), R("source")}, 4, citation_row, 2},
    {"calendar.csv", {R("duty"), R("from"), R("name_vi"), R("name_en"), R("recurrence"),
                      R("due"), R("event"), R("department"), R("source")}, 9,
     tn__policy_duty_row, 2},
    {"holidays.csv", {R("year"), R("date"), R("kind"), R("name_vi"), R("name_en"),
                      R("source")}, 6, tn__policy_holiday_row, 2},
};
/* clang-format on */
#undef R

/* Folds the bytes of path into the FNV-1a 64 digest, so that a close records exactly which
 * policy it ran on. */
static tn_err digest_file(struct tn_policy *pol, const char *path, char *msg, size_t msgsz)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(msg, msgsz, "%s: cannot open: %s", path, strerror(errno));
        return TN_ERR_IO;
    }
    unsigned char buf[8192];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
        for (size_t i = 0; i < n; i++) {
            pol->digest ^= buf[i];
            pol->digest *= 1099511628211ULL; /* FNV-1a 64 prime */
        }
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        snprintf(msg, msgsz, "%s: cannot read the file", path);
        return TN_ERR_IO;
    }
    return TN_OK;
}

/* Reads one policy file through its spec; stops at the first bad line. */
static tn_err load_file(const char *dir, const struct spec *sp, struct tn_policy *pol, char *msg,
                        size_t msgsz)
{
    struct tn_csv_reader *r;
    char path[4096];
    tn_err err =
        tn_csv_open_in(dir, sp->file, path, sizeof path, sp->cols, sp->ncols, &r, msg, msgsz);
    if (err)
        return err;
    const char *const *cells;
    long line = 0, lines = 0;
    char why[256] = "";
    while ((err = tn_csv_next(r, &cells, &line, why, sizeof why)) == TN_OK) {
        why[0] = '\0';
        lines++;
        if ((err = sp->row(pol, cells, why, sizeof why)))
            break;
    }
    tn_csv_free(r);
    if (err == TN_ERR_NOT_FOUND && sp->side == 2 && lines == 0) {
        snprintf(why, sizeof why, "no rule: the file has no line");
        err = TN_ERR_PARSE;
    }
    if (err != TN_ERR_NOT_FOUND) {
        snprintf(msg, msgsz, "%s:%ld: %s", path, line, why);
        return err;
    }
    return sp->side ? TN_OK : digest_file(pol, path, msg, msgsz);
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
