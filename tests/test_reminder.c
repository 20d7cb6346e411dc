/*
 * test_reminder.c - the figures of the letters to units (reminder.h): the daily rate and the
 * interest it adds a day, the evasion days, the days late and the day to pay by. Policy:
 * tests/policy_fixture.h (Law 58 monthly interest until 2025-06-30, Law 41's 0.03% a day and
 * 60 evasion days from 2025-07-01).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "policy_fixture.h"
#include "thuno/reminder.h"

/* Owed at the end of 2025-11 by a monthly unit; Law 41 era deadlines: the last day of the
 * month after (Law 41/2024/QH15 Art 34.4). */
static void overdue_once_the_deadline_has_passed(void **state)
{
    (void)state;
    struct tn_policy pol;
    fx_policy(&pol);
    struct tn_letter_owed owed[] = {
        {fx_period(2025, 9), {200000, 0, 1000000}}, /* due 2025-10-31: overdue */
        {fx_period(2025, 10), {0, -5, 500000}},     /* due 2025-11-30, the last day: overdue */
        {fx_period(2025, 11), {100000, 0, 700000}}, /* due 2025-12-31: not yet */
    };
    struct tn_letter_overdue o;
    assert_int_equal(tn_reminder_overdue(&pol, fx_period(2025, 11), 1, owed, 3, &o), TN_OK);
    assert_int_equal(o.total, 1700000);
    assert_int_equal(o.principal[TN_G_BHYT], 200000);
    assert_int_equal(o.principal[TN_G_BHTN], 0); /* -5 is credit, not owed */
    assert_int_equal(o.principal[TN_G_BHXH], 1500000);
    assert_int_equal(o.through, fx_period(2025, 10));
    assert_int_equal(o.oldest_deadline, fx_day(2025, 10, 31));
    /* nothing past its deadline */
    assert_int_equal(tn_reminder_overdue(&pol, fx_period(2025, 11), 1, owed + 2, 1, &o), TN_OK);
    assert_int_equal(o.total, 0);
    assert_int_equal(o.through, -1);
    assert_int_equal(o.oldest_deadline, -1);
    tn_policy_release(&pol);
    struct tn_policy empty;
    tn_policy_init(&empty);
    assert_int_equal(tn_reminder_overdue(&empty, fx_period(2025, 11), 1, owed, 3, &o),
                     TN_ERR_NO_POLICY);
    tn_policy_release(&empty);
}

static void daily_rate_and_interest_per_day(void **state)
{
    (void)state;
    struct tn_policy pol;
    fx_policy(&pol);
    static const struct {
        int y, m, d;
        tn_money overdue;
        tn_err err;
        tn_ppm rate;
        tn_money per_day;
    } cases[] = {
        {2025, 12, 5, 1000000, TN_OK, 300, 300},         /* Law 41 Art 40: 0.03% of 1,000,000 */
        {2025, 12, 5, 15723200, TN_OK, 300, 4717},       /* 4,716.96 rounds half up */
        {2025, 12, 5, 1666650, TN_OK, 300, 500},         /* 499.995 rounds half up to 500 */
        {2025, 7, 1, 0, TN_OK, 300, 0},                  /* first day of the daily rule */
        {2025, 6, 30, 1000000, TN_ERR_NO_POLICY, 0, 0},  /* Law 58 era: monthly, no daily rate */
        {2015, 12, 31, 1000000, TN_ERR_NO_POLICY, 0, 0}, /* before any rule */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        tn_day d = fx_day(cases[i].y, cases[i].m, cases[i].d);
        tn_ppm rate = -7;
        tn_money per_day = -7;
        assert_int_equal(tn_reminder_daily_rate(&pol, d, &rate), cases[i].err);
        assert_int_equal(tn_reminder_interest_per_day(&pol, d, cases[i].overdue, &per_day),
                         cases[i].err);
        if (cases[i].err) { /* out-parameters untouched on failure */
            assert_int_equal(rate, -7);
            assert_int_equal(per_day, -7);
        } else {
            assert_int_equal(rate, cases[i].rate);
            assert_int_equal(per_day, cases[i].per_day);
        }
    }
    tn_policy_release(&pol);
}

static void evasion_days_by_era(void **state)
{
    (void)state;
    struct tn_policy pol;
    fx_policy(&pol);
    int ev = -7;
    assert_int_equal(tn_reminder_evasion_days(&pol, fx_day(2025, 12, 5), &ev), TN_OK);
    assert_int_equal(ev, 60); /* Law 41 Art 39 */
    assert_int_equal(tn_reminder_evasion_days(&pol, fx_day(2025, 6, 30), &ev), TN_OK);
    assert_int_equal(ev, 0); /* Law 58: evasion by inspection, not by days */
    ev = -7;
    assert_int_equal(tn_reminder_evasion_days(&pol, fx_day(2015, 12, 31), &ev), TN_ERR_NO_POLICY);
    assert_int_equal(ev, -7);
    tn_policy_release(&pol);
}

static void days_late_and_pay_by(void **state)
{
    (void)state;
    tn_day on = fx_day(2025, 12, 5);
    static const struct {
        int dy, dm, dd; /* oldest deadline; dy 0: nothing overdue */
        int ev;
        long late;
        int py, pm, pd; /* the day to pay by */
    } cases[] = {
        {2025, 11, 30, 60, 5, 2026, 1, 29},   /* deadline + 60 = 2026-01-29, before on + 60 */
        {2025, 10, 31, 60, 35, 2025, 12, 30}, /* deadline + 60 = 2025-12-30, still ahead */
        {2025, 10, 6, 60, 60, 2025, 12, 5},   /* deadline + 60 is the letter's day itself */
        {2025, 9, 30, 60, 66, 2026, 2, 3},    /* deadline + 60 already past: on + 60 */
        {0, 0, 0, 60, 0, 2026, 2, 3},         /* nothing overdue: on + 60 */
        {2025, 9, 30, 0, 66, 2025, 12, 5},    /* no evasion days (Law 58): the letter's day */
        {2025, 12, 31, 60, -26, 2026, 2, 3},  /* a deadline after the letter: negative days */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        tn_day dl = cases[i].dy ? fx_day(cases[i].dy, cases[i].dm, cases[i].dd) : -1;
        assert_int_equal(tn_reminder_days_late(on, dl), cases[i].late);
        assert_int_equal(tn_reminder_pay_by(on, dl, cases[i].ev),
                         fx_day(cases[i].py, cases[i].pm, cases[i].pd));
    }
}

static void overdue_stated_no_more_than_owed_without_split(void **state)
{
    (void)state;
    assert_int_equal(tn_reminder_overdue_stated(100, 1, 50), 100); /* split: as computed */
    assert_int_equal(tn_reminder_overdue_stated(100, 0, 50), 50);  /* credit unknown: capped */
    assert_int_equal(tn_reminder_overdue_stated(40, 0, 50), 40);
}

static void funds_not_due_is_the_rest(void **state)
{
    (void)state;
    /* BHXH, BHYT, BHTN in enum order; the figures of one unit added by hand */
    tn_money overdue[TN_G_COUNT], interest[TN_G_COUNT], closing[TN_G_COUNT];
    for (int g = 0; g < TN_G_COUNT; g++) {
        overdue[g] = 1000000 * (g + 1);
        interest[g] = 3000 * (g + 1);
        closing[g] = 2500000 * (g + 1);
    }
    struct tn_reminder_funds f;
    tn_reminder_funds(overdue, interest, closing, &f);
    for (int g = 0; g < TN_G_COUNT; g++) {
        assert_int_equal(f.overdue[g], overdue[g]);
        assert_int_equal(f.interest_due[g], interest[g]);
        assert_int_equal(f.not_due[g], 1497000 * (g + 1)); /* 2,500,000 - 3,000 - 1,000,000 */
        assert_int_equal(f.closing[g], closing[g]);
        assert_int_equal(f.overdue[g] + f.interest_due[g] + f.not_due[g], f.closing[g]);
    }
}

/* A reminder for 2025-10 sent on 2025-11-05 naming principal through 2025-09 (oldest deadline
 * 2025-10-31): Law 41/2024/QH15 Art 39's 60 days run to 2026-01-04. */
static void reminder_clock_runs_sixty_days(void **state)
{
    (void)state;
    struct tn_reminder_clock_in base = {.sent_on = fx_day(2025, 11, 5),
                                        .period = fx_period(2025, 10),
                                        .overdue_through = fx_period(2025, 9),
                                        .oldest_deadline = fx_day(2025, 10, 31),
                                        .evasion_days = 60,
                                        .has_latest = 1,
                                        .latest_period = fx_period(2025, 11),
                                        .latest_oldest_unpaid = fx_period(2025, 9)};
    struct tn_reminder_clock k;
    tn_reminder_clock(&base, fx_day(2025, 12, 5), &k);
    assert_string_equal(k.state, "running");
    assert_false(k.paid);
    assert_int_equal(k.ends, fx_day(2026, 1, 4));
    assert_int_equal(k.evading_from, fx_day(2026, 1, 5));
    assert_int_equal(k.deadline_ends, fx_day(2025, 12, 30));
    assert_int_equal(k.days_left, 30);
    tn_reminder_clock(&base, fx_day(2026, 1, 4), &k); /* the last day still runs */
    assert_string_equal(k.state, "running");
    assert_int_equal(k.days_left, 0);
    tn_reminder_clock(&base, fx_day(2026, 1, 5), &k);
    assert_string_equal(k.state, "expired");

    struct tn_reminder_clock_in in = base; /* a later close: nothing unpaid up to 2025-09 */
    in.latest_oldest_unpaid = fx_period(2025, 10);
    tn_reminder_clock(&in, fx_day(2026, 1, 5), &k);
    assert_string_equal(k.state, "paid");
    in.latest_oldest_unpaid = -1;
    tn_reminder_clock(&in, fx_day(2026, 1, 5), &k);
    assert_true(k.paid);
    in.latest_period = fx_period(2025, 9); /* a close before the period reviewed says nothing */
    tn_reminder_clock(&in, fx_day(2026, 1, 5), &k);
    assert_false(k.paid);

    in = base; /* Law 58: no evasion days, no clock */
    in.evasion_days = 0;
    tn_reminder_clock(&in, fx_day(2025, 12, 5), &k);
    assert_string_equal(k.state, "none");
    assert_int_equal(k.ends, -1);
    assert_int_equal(k.evading_from, -1);
    assert_int_equal(k.deadline_ends, -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(overdue_once_the_deadline_has_passed),
        cmocka_unit_test(daily_rate_and_interest_per_day),
        cmocka_unit_test(evasion_days_by_era),
        cmocka_unit_test(days_late_and_pay_by),
        cmocka_unit_test(overdue_stated_no_more_than_owed_without_split),
        cmocka_unit_test(funds_not_due_is_the_rest),
        cmocka_unit_test(reminder_clock_runs_sixty_days),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
