/*
 * test_calendar.c - the statutory calendar (calendar.h): due dates of recurring duties over a
 * range (month ends, quarters, the 10 December report, effective dates) and working days over
 * a hand-made holiday list (a finding on a Friday before a holiday, a swapped Saturday, a day
 * the list does not cover). Every expected date is derived by hand in the comment beside it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "thuno/calendar.h"
#include "thuno/mem.h"
#include "thuno/policy.h"

static tn_day day(const char *s)
{
    tn_day out = 0;
    assert_int_equal(tn_day_parse(s, &out), TN_OK);
    return out;
}

static void add_duty(struct tn_policy *pol, const char *id, const char *from,
                     enum tn_duty_recurrence rec, int month, int mday, int days, int working,
                     const char *on)
{
    size_t cap = pol->nduties;
    TN_GROW(pol->duties, cap, pol->nduties + 1);
    struct tn_duty_rule *r = &pol->duties[pol->nduties++];
    memset(r, 0, sizeof *r);
    snprintf(r->duty, sizeof r->duty, "%s", id);
    r->from = day(from);
    r->recurrence = rec;
    r->month = month;
    r->day = mday;
    r->days = days;
    r->working = working;
    r->on = on ? day(on) : 0;
    r->event = rec == TN_DUTY_EVENT ? TN_DUTY_EVENT_INSPECTION : TN_DUTY_EVENT_NONE;
    r->name_vi = r->name_en = r->department = r->source = id;
}

static void add_holiday(struct tn_policy *pol, const char *d, enum tn_holiday_kind kind)
{
    size_t cap = pol->nholidays;
    TN_GROW(pol->holidays, cap, pol->nholidays + 1);
    struct tn_holiday *h = &pol->holidays[pol->nholidays++];
    h->day = day(d);
    int y, m, md;
    tn_day_civil(h->day, &y, &m, &md);
    h->year = y;
    h->kind = kind;
    h->name_vi = h->name_en = h->source = d;
}

/* The duties of policy/calendar.csv in their shapes, and the 2025 days off around 30/4 and
 * 2/9 (notice 6150/TB-LĐTBXH), the 2026 New Year swap and Tết, known through 2026-08-28. */
static int setup(void **state)
{
    static struct tn_policy pol;
    tn_policy_init(&pol);
    add_duty(&pol, "reminder", "2025-11-30", TN_DUTY_MONTHLY, 0, 10, 0, 0, NULL);
    add_duty(&pol, "month_end", "2025-01-01", TN_DUTY_MONTHLY, 0, 0, 0, 0, NULL);
    add_duty(&pol, "lists", "2025-11-30", TN_DUTY_QUARTERLY, 1, 14, 0, 0, NULL);
    add_duty(&pol, "coop", "2020-12-25", TN_DUTY_YEARLY, 12, 9, 0, 0, NULL);
    add_duty(&pol, "once", "2019-02-21", TN_DUTY_ONCE, 0, 0, 0, 0, "2019-02-28");
    add_duty(&pol, "finding", "2025-01-01", TN_DUTY_EVENT, 0, 0, 5, 1, NULL);
    add_duty(&pol, "thirty", "2025-01-01", TN_DUTY_EVENT, 0, 0, 30, 0, NULL);
    /* month_end moves to the 31st (capped) from 2026-03-01, then ends from 2026-06-01 */
    add_duty(&pol, "month_end", "2026-03-01", TN_DUTY_MONTHLY, 0, 31, 0, 0, NULL);
    add_duty(&pol, "month_end", "2026-06-01", TN_DUTY_ENDED, 0, 0, 0, 0, NULL);
    static const char *const off[] = {"2025-04-30", "2025-05-01", "2025-05-02", "2025-09-01",
                                      "2025-09-02", "2026-01-01", "2026-01-02", "2026-02-16",
                                      "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"};
    for (size_t i = 0; i < sizeof off / sizeof off[0]; i++)
        add_holiday(&pol, off[i], TN_HOLIDAY_OFF);
    add_holiday(&pol, "2025-04-26", TN_HOLIDAY_WORK);
    add_holiday(&pol, "2026-01-10", TN_HOLIDAY_WORK);
    add_holiday(&pol, "2025-12-31", TN_HOLIDAY_THROUGH);
    add_holiday(&pol, "2026-08-28", TN_HOLIDAY_THROUGH);
    tn_policy_sort(&pol);
    *state = &pol;
    return 0;
}

static int teardown(void **state)
{
    tn_policy_release(*state);
    return 0;
}

struct got {
    char text[1024];
};

static tn_err collect(void *ctx, const struct tn_duty_due *d)
{
    struct got *g = ctx;
    char buf[TN_DAY_BUFSZ];
    tn_day_format(d->due, buf);
    size_t n = strlen(g->text);
    snprintf(g->text + n, sizeof g->text - n, "%s%s %s", n ? "; " : "", d->rule->duty, buf);
    return TN_OK;
}

static const struct {
    const char *from, *to, *want;
} due_cases[] = {
    /* month ends: the last day of each month; February 2026 has 28 days */
    {"2026-01-01", "2026-02-28",
     "reminder 2026-01-10; lists 2026-01-14; month_end 2026-01-31; reminder 2026-02-10; "
     "month_end 2026-02-28"},
    /* day 31 of a 30-day month is its 30th (the 2026-03-01 line); the duty ends from June */
    {"2026-04-01", "2026-06-30",
     "reminder 2026-04-10; lists 2026-04-14; month_end 2026-04-30; reminder 2026-05-10; "
     "month_end 2026-05-31; reminder 2026-06-10"},
    /* Decree 274/2025 in force 2025-11-30: no November reminder (due 11-10, before it); the
     * 10 December report of Decision 2422 is due the 9th; no quarterly list in December */
    {"2025-11-01", "2025-12-31",
     "month_end 2025-11-30; coop 2025-12-09; reminder 2025-12-10; month_end 2025-12-31"},
    /* quarters: only the first month of each quarter, before the 15th */
    {"2026-07-01", "2026-10-31",
     "reminder 2026-07-10; lists 2026-07-14; reminder 2026-08-10; "
     "reminder 2026-09-10; reminder 2026-10-10; lists 2026-10-14"},
    /* the yearly report: 2020-12-09 is before the decision of 2020-12-25; 2021's is due */
    {"2020-12-01", "2021-12-31", "coop 2021-12-09"},
    /* a dated task once, inside its range only */
    {"2019-02-01", "2019-03-31", "once 2019-02-28"},
    {"2019-03-01", "2019-03-31", ""},
    /* a one-day range */
    {"2026-01-14", "2026-01-14", "lists 2026-01-14"},
};

static void due_dates_match_table(void **state)
{
    for (size_t i = 0; i < sizeof due_cases / sizeof due_cases[0]; i++) {
        struct got g = {""};
        assert_int_equal(
            tn_calendar_due(*state, day(due_cases[i].from), day(due_cases[i].to), collect, &g),
            TN_OK);
        /* the order is by due date, then duty */
        if (strcmp(g.text, due_cases[i].want) != 0)
            fail_msg("%s..%s: got \"%s\", want \"%s\"", due_cases[i].from, due_cases[i].to, g.text,
                     due_cases[i].want);
    }
    struct got g = {""};
    assert_int_equal(tn_calendar_due(*state, day("2026-01-02"), day("2026-01-01"), collect, &g),
                     TN_ERR_RANGE);
}

static const struct {
    const char *event, *want;
    tn_err err;
} event_cases[] = {
    /* Friday 2025-08-29, before 1-2/9: Mon 1 and Tue 2 are off; Wed 3, Thu 4, Fri 5, Mon 8,
     * Tue 9 -> the 9th; 30 calendar days -> 2025-09-28 */
    {"2025-08-29", "finding 2025-09-09; thirty 2025-09-28", TN_OK},
    /* Friday 2025-04-25: Sat 26 is worked (for 2/5): 1; Mon 28: 2; Tue 29: 3; 30/4, 1/5, 2/5
     * off; Mon 5/5: 4; Tue 6/5: 5 */
    {"2025-04-25", "finding 2025-05-06; thirty 2025-05-25", TN_OK},
    /* Friday 2025-12-26 across the New Year: Mon 29, Tue 30, Wed 31; 1/1 and 2/1 off; Mon 5,
     * Tue 6 -> 2026-01-06 */
    {"2025-12-26", "finding 2026-01-06; thirty 2026-01-25", TN_OK},
    /* Friday 2026-02-13 before Tết: 16..20 off; Mon 23 .. Fri 27 */
    {"2026-02-13", "finding 2026-02-27; thirty 2026-03-15", TN_OK},
    /* Saturday 2026-01-03: Mon 5, Tue 6, Wed 7, Thu 8, Fri 9 (the worked Saturday 10 is not
     * needed) */
    {"2026-01-03", "finding 2026-01-09; thirty 2026-02-02", TN_OK},
    /* Wednesday 2026-08-26: Thu 27, Fri 28, then 2026-08-31 is past the list's through day:
     * not covered, an error and not a guess */
    {"2026-08-26", "", TN_ERR_NO_POLICY},
    /* before the duties' first line (2025-01-01): no duty, so no occurrence and no count */
    {"2024-12-20", "", TN_OK},
};

static void event_due_dates_match_table(void **state)
{
    for (size_t i = 0; i < sizeof event_cases / sizeof event_cases[0]; i++) {
        struct got g = {""};
        tn_err err = tn_calendar_after_event(*state, TN_DUTY_EVENT_INSPECTION,
                                             day(event_cases[i].event), collect, &g);
        if (err != event_cases[i].err)
            fail_msg("%s: error %d, want %d", event_cases[i].event, err, event_cases[i].err);
        if (!err && strcmp(g.text, event_cases[i].want) != 0)
            fail_msg("%s: got \"%s\", want \"%s\"", event_cases[i].event, g.text,
                     event_cases[i].want);
    }
}

static void working_days_follow_the_list(void **state)
{
    static const struct {
        const char *d;
        int working;
        tn_err err;
    } cases[] = {
        {"2025-04-26", 1, TN_OK},            /* a Saturday worked in exchange */
        {"2025-04-27", 0, TN_OK},            /* Sunday */
        {"2025-05-02", 0, TN_OK},            /* Friday swapped off */
        {"2025-05-05", 1, TN_OK},            /* Monday */
        {"2026-08-28", 1, TN_OK},            /* the through day itself is covered */
        {"2026-08-29", 0, TN_ERR_NO_POLICY}, /* the day after is not */
        {"2027-01-04", 0, TN_ERR_NO_POLICY},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int w = -1;
        assert_int_equal(tn_calendar_working_day(*state, day(cases[i].d), &w), cases[i].err);
        if (!cases[i].err)
            assert_int_equal(w, cases[i].working);
    }
    tn_day out;
    assert_int_equal(tn_calendar_add_working_days(*state, day("2025-05-05"), 0, &out),
                     TN_ERR_RANGE);
}

static void rule_in_force_by_day(void **state)
{
    assert_null(tn_calendar_rule_at(*state, "reminder", day("2025-11-29")));
    assert_non_null(tn_calendar_rule_at(*state, "reminder", day("2025-11-30")));
    assert_int_equal(tn_calendar_rule_at(*state, "month_end", day("2026-03-01"))->day, 31);
    assert_null(tn_calendar_rule_at(*state, "month_end", day("2026-06-01"))); /* ended */
    assert_null(tn_calendar_rule_at(*state, "nothing", day("2026-06-01")));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(due_dates_match_table),
        cmocka_unit_test(event_due_dates_match_table),
        cmocka_unit_test(working_days_follow_the_list),
        cmocka_unit_test(rule_in_force_by_day),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
