/*
 * test_case.c - the case state machine step by step: every allowed and refused transition of
 * docs/cases.md, what each event must carry, dates, and replay.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "thuno/case.h"
#include "thuno/plan.h"
#include "thuno/policy.h"

#define EV(x) TN_CASE_EV_##x
#define ST(x) TN_CASE_ST_##x

static tn_day day(int y, int m, int d)
{
    tn_day out = 0;
    assert_int_equal(tn_day_make(y, m, d, &out), TN_OK);
    return out;
}

/* A step with what every event needs, so that the table below tests states alone. */
static struct tn_case_step step(enum tn_case_event e, tn_day d)
{
    struct tn_case_step st = {.event = e, .day = d, .amount = -1, .office = ""};
    if (e == EV(CLOSED))
        st.outcome = TN_CASE_OUT_FULL;
    if (e == EV(ASSETS_VERIFIED))
        st.outcome = TN_CASE_OUT_ASSETS;
    if (e == EV(LAWSUIT_FILED) || e == EV(MEDIATION_SETTLED) || e == EV(JUDGMENT) ||
        e == EV(APPEAL_CHANGED))
        st.amount = 100000000;
    if (e == EV(ENTRUSTED))
        st.office = "Cục THADS tỉnh Đồng Nai";
    return st;
}

/* Events that bring a new case into each state. */
static const enum tn_case_event path_to[TN_CASE_ST_COUNT][4] = {
    [ST(NEW)] = {EV(COUNT)},
    [ST(ESCALATING)] = {EV(REMINDER_SENT), EV(COUNT)},
    [ST(SUED)] = {EV(LAWSUIT_FILED), EV(COUNT)},
    [ST(MEDIATED)] = {EV(LAWSUIT_FILED), EV(MEDIATION_SETTLED), EV(COUNT)},
    [ST(ENFORCEABLE)] = {EV(LAWSUIT_FILED), EV(JUDGMENT), EV(COUNT)},
    [ST(ENFORCING)] = {EV(LAWSUIT_FILED), EV(JUDGMENT), EV(ENFORCEMENT_REQUESTED), EV(COUNT)},
    [ST(SUSPENDED)] = {EV(LAWSUIT_FILED), EV(JUDGMENT), EV(SUSPENDED_NO_ASSETS), EV(COUNT)},
    [ST(CLOSED)] = {EV(REMINDER_SENT), EV(CLOSED), EV(COUNT)},
    [ST(WITHDRAWN)] = {EV(REMINDER_SENT), EV(WITHDRAWN), EV(COUNT)},
};

static void reach(struct tn_case *c, enum tn_case_state s)
{
    char why[256];
    tn_case_init(c);
    if (s == ST(SUSPENDED)) { /* judgment, request, then suspension */
        static const enum tn_case_event p[] = {EV(LAWSUIT_FILED), EV(JUDGMENT),
                                               EV(ENFORCEMENT_REQUESTED), EV(SUSPENDED_NO_ASSETS)};
        for (size_t i = 0; i < 4; i++) {
            struct tn_case_step st = step(p[i], day(2024, 1, 1 + (int)i));
            assert_int_equal(tn_case_apply(c, &st, why, sizeof why), TN_OK);
        }
    } else
        for (int i = 0; path_to[s][i] != EV(COUNT) && i < 4; i++) {
            struct tn_case_step st = step(path_to[s][i], day(2024, 1, 1 + i));
            assert_int_equal(tn_case_apply(c, &st, why, sizeof why), TN_OK);
        }
    assert_int_equal(c->state, s);
}

#define ESC(to)                                                                                    \
    [EV(REMINDER_SENT)] = to, [EV(INSPECTION_CONCLUDED)] = to, [EV(FINE_DECIDED)] = to,            \
    [EV(DEDUCTION_ORDERED)] = to, [EV(DEDUCTION_REFUSED)] = to, [EV(PUBLISHED)] = to,              \
    [EV(CRIMINAL_REFERRAL)] = to

/* want[state][event]: resulting state + 1, 0 = refused. Written out independently of the
 * implementation's table, from docs/cases.md. */
#define TO(s) (ST(s) + 1)
static const int want[TN_CASE_ST_COUNT][TN_CASE_EV_COUNT] = {
    [ST(NEW)] = {ESC(TO(ESCALATING)), [EV(LAWSUIT_FILED)] = TO(SUED)},
    [ST(ESCALATING)] = {ESC(TO(ESCALATING)), [EV(LAWSUIT_FILED)] = TO(SUED),
                        [EV(CLOSED)] = TO(CLOSED), [EV(WITHDRAWN)] = TO(WITHDRAWN)},
    [ST(SUED)] = {[EV(MEDIATION_SETTLED)] = TO(MEDIATED),
                  [EV(JUDGMENT)] = TO(ENFORCEABLE),
                  [EV(WITHDRAWN)] = TO(WITHDRAWN),
                  [EV(CLOSED)] = TO(CLOSED)},
    [ST(MEDIATED)] = {[EV(PLAN_DEFAULTED)] = TO(ENFORCEABLE), [EV(CLOSED)] = TO(CLOSED)},
    [ST(ENFORCEABLE)] = {[EV(ENFORCEMENT_REQUESTED)] = TO(ENFORCING),
                         [EV(APPEAL_CHANGED)] = TO(ENFORCEABLE),
                         [EV(CLOSED)] = TO(CLOSED)},
    [ST(ENFORCING)] = {[EV(ENFORCEMENT_DECIDED)] = TO(ENFORCING),
                       [EV(ASSETS_VERIFIED)] = TO(ENFORCING),
                       [EV(MEASURE_APPLIED)] = TO(ENFORCING),
                       [EV(ENTRUSTED)] = TO(ENFORCING),
                       [EV(DEDUCTION_REFUSED)] = TO(ENFORCING),
                       [EV(APPEAL_CHANGED)] = TO(ENFORCING),
                       [EV(SUSPENDED_NO_ASSETS)] = TO(SUSPENDED),
                       [EV(CLOSED)] = TO(CLOSED)},
    [ST(SUSPENDED)] = {[EV(ASSETS_VERIFIED)] = TO(ENFORCING),
                       [EV(MEASURE_APPLIED)] = TO(ENFORCING),
                       [EV(APPEAL_CHANGED)] = TO(SUSPENDED),
                       [EV(CLOSED)] = TO(CLOSED)},
    [ST(CLOSED)] = {[EV(APPEAL_CHANGED)] = TO(ENFORCEABLE)},
    [ST(WITHDRAWN)] = {0},
};

static void every_state_and_event(void **state)
{
    (void)state;
    for (int s = 0; s < TN_CASE_ST_COUNT; s++)
        for (int e = 0; e < TN_CASE_EV_COUNT; e++) {
            struct tn_case c, before;
            reach(&c, (enum tn_case_state)s);
            before = c;
            char why[256] = "";
            struct tn_case_step st = step((enum tn_case_event)e, day(2024, 6, 1));
            tn_err err = tn_case_apply(&c, &st, why, sizeof why);
            if (want[s][e]) {
                if (err)
                    fail_msg("%s in %s refused: %s", tn_case_event_name(st.event),
                             tn_case_state_name(before.state), why);
                assert_int_equal(c.state, want[s][e] - 1);
                assert_int_equal(c.events, before.events + 1);
            } else {
                assert_int_equal(err, TN_ERR_STATE);
                assert_memory_equal(&c, &before, sizeof c); /* refusal changes nothing */
                assert_non_null(strstr(why, tn_case_event_name(st.event)));
                assert_non_null(strstr(why, "allowed"));
            }
        }
}

static void refusal_names_state_and_choices(void **state)
{
    (void)state;
    struct tn_case c;
    reach(&c, ST(MEDIATED));
    char why[256];
    struct tn_case_step st = step(EV(ENFORCEMENT_REQUESTED), day(2024, 6, 1));
    assert_int_equal(tn_case_apply(&c, &st, why, sizeof why), TN_ERR_STATE);
    assert_string_equal(why, "enforcement_requested is not allowed in a case that is mediated "
                             "(allowed: plan_defaulted, closed)");
    reach(&c, ST(WITHDRAWN));
    st = step(EV(APPEAL_CHANGED), day(2024, 6, 1));
    assert_int_equal(tn_case_apply(&c, &st, why, sizeof why), TN_ERR_STATE);
    assert_non_null(strstr(why, "(allowed: nothing)"));
}

static void events_carry_what_they_need(void **state)
{
    (void)state;
    struct tn_case c;
    char why[256];
    struct tn_case_step st;

    reach(&c, ST(NEW));
    st = step(EV(LAWSUIT_FILED), day(2024, 2, 1));
    st.amount = -1; /* claim missing */
    assert_int_equal(tn_case_apply(&c, &st, why, sizeof why), TN_ERR_PARSE);
    assert_non_null(strstr(why, "amount"));
    st.amount = 0;
    assert_int_equal(tn_case_apply(&c, &st, why, sizeof why), TN_ERR_PARSE);
    st.amount = 1;
    assert_int_equal(tn_case_apply(&c, &st, why, sizeof why), TN_OK);

    reach(&c, ST(ESCALATING));
    st = step(EV(CLOSED), day(2024, 2, 1));
    st.outcome = TN_CASE_OUT_NONE_GIVEN;
    assert_int_equal(tn_case_apply(&c, &st, why, sizeof why), TN_ERR_PARSE);
    st.outcome = TN_CASE_OUT_ASSETS; /* an assets outcome does not close a case */
    assert_int_equal(tn_case_apply(&c, &st, why, sizeof why), TN_ERR_PARSE);
    st.outcome = TN_CASE_OUT_PARTIAL;
    assert_int_equal(tn_case_apply(&c, &st, why, sizeof why), TN_OK);
    assert_int_equal(c.closed_outcome, TN_CASE_OUT_PARTIAL);

    reach(&c, ST(ENFORCING));
    st = step(EV(ENTRUSTED), day(2024, 2, 1));
    st.office = "";
    assert_int_equal(tn_case_apply(&c, &st, why, sizeof why), TN_ERR_PARSE);
    st = step(EV(MEASURE_APPLIED), day(2024, 2, 1));
    st.outcome = TN_CASE_OUT_FULL; /* only closed and assets_verified take an outcome */
    assert_int_equal(tn_case_apply(&c, &st, why, sizeof why), TN_ERR_PARSE);
}

static void events_are_in_date_order(void **state)
{
    (void)state;
    struct tn_case c;
    char why[256];
    reach(&c, ST(ESCALATING)); /* last event 2024-01-01 */
    struct tn_case_step st = step(EV(PUBLISHED), day(2023, 12, 31));
    assert_int_equal(tn_case_apply(&c, &st, why, sizeof why), TN_ERR_STATE);
    assert_non_null(strstr(why, "before the case's previous event (2024-01-01)"));
    st.day = day(2024, 1, 1); /* the same day is fine */
    assert_int_equal(tn_case_apply(&c, &st, why, sizeof why), TN_OK);
}

/* A case's rows replay in seq order; a refused row names its seq and leaves the case as it
 * was after the row before. */
static void replay_names_the_refused_event(void **state)
{
    (void)state;
    struct tn_case_event_row rows[3];
    memset(rows, 0, sizeof rows);
    rows[0].seq = 1;
    rows[0].step = step(EV(REMINDER_SENT), day(2024, 1, 1));
    rows[1].seq = 2;
    rows[1].step = step(EV(LAWSUIT_FILED), day(2024, 3, 1));
    rows[2].seq = 5; /* seqs need not be consecutive */
    rows[2].step = step(EV(PUBLISHED), day(2024, 2, 1));
    struct tn_case c;
    char why[256];
    tn_case_init(&c);
    assert_int_equal(tn_case_replay(&c, rows, 2, why, sizeof why), TN_OK);
    assert_int_equal(c.state, ST(SUED));
    assert_int_equal(c.events, 2);
    tn_case_init(&c);
    assert_int_equal(tn_case_replay(&c, rows, 3, why, sizeof why), TN_ERR_STATE);
    assert_non_null(strstr(why, "event 5: "));
    assert_int_equal(c.state, ST(SUED));
    assert_int_equal(c.events, 2);
}

static void suspended_resumes_only_on_assets(void **state)
{
    (void)state;
    struct tn_case c;
    char why[256];
    reach(&c, ST(SUSPENDED));
    struct tn_case_step st = step(EV(ASSETS_VERIFIED), day(2024, 7, 1));
    st.outcome = TN_CASE_OUT_NOTHING; /* periodic re-verification, nothing found */
    assert_int_equal(tn_case_apply(&c, &st, why, sizeof why), TN_OK);
    assert_int_equal(c.state, ST(SUSPENDED));
    st.outcome = TN_CASE_OUT_PLEDGED; /* found, but pledged to a bank: enforcement resumes */
    assert_int_equal(tn_case_apply(&c, &st, why, sizeof why), TN_OK);
    assert_int_equal(c.state, ST(ENFORCING));
    assert_int_equal(c.last_assets, TN_CASE_OUT_PLEDGED);
}

static void appeal_reopens_closed_case_and_keeps_history(void **state)
{
    (void)state;
    struct tn_case c;
    char why[256];
    reach(&c, ST(ENFORCING));
    struct tn_case_step st = step(EV(CLOSED), day(2024, 8, 1));
    st.outcome = TN_CASE_OUT_FULL;
    assert_int_equal(tn_case_apply(&c, &st, why, sizeof why), TN_OK);
    assert_int_equal(c.awarded, 100000000);
    st = step(EV(APPEAL_CHANGED), day(2024, 9, 1)); /* cassation raises the award */
    st.amount = 130000000;
    assert_int_equal(tn_case_apply(&c, &st, why, sizeof why), TN_OK);
    assert_int_equal(c.state, ST(ENFORCEABLE));
    assert_int_equal(c.awarded, 130000000);
    assert_int_equal(c.reopened, 1);
    assert_int_equal(c.closed_on, -1);
    assert_int_equal(c.tried, 1); /* the trial stays counted */
}

static void names_round_trip(void **state)
{
    (void)state;
    for (int e = 0; e < TN_CASE_EV_COUNT; e++) {
        enum tn_case_event got;
        assert_int_equal(tn_case_event_parse(tn_case_event_name((enum tn_case_event)e), &got),
                         TN_OK);
        assert_int_equal(got, e);
        assert_non_null(tn_case_event_label((enum tn_case_event)e));
    }
    enum tn_case_event e;
    assert_int_equal(tn_case_event_parse("Reminder_Sent", &e), TN_ERR_PARSE);
    assert_null(tn_case_event_name(EV(COUNT)));
    enum tn_case_outcome o;
    assert_int_equal(tn_case_outcome_parse(EV(CLOSED), "none", &o), TN_OK);
    assert_int_equal(o, TN_CASE_OUT_NOTHING);
    assert_int_equal(tn_case_outcome_parse(EV(CLOSED), "pledged", &o), TN_ERR_PARSE);
    assert_int_equal(tn_case_outcome_parse(EV(JUDGMENT), "full", &o), TN_ERR_PARSE);
    assert_int_equal(tn_case_outcome_parse(EV(ASSETS_VERIFIED), "pledged", &o), TN_OK);
    assert_string_equal(tn_case_outcome_name(o), "pledged");
}

/* The cases report's judgment of a case on a day (tn_case_watch), docs/cases.md "cases". */
static void watch_reads_plan_deadline_and_alerts(void **state)
{
    (void)state;
    static const struct tn_case_deadline court = {.who = "court"};
    struct tn_plan_status on_track = {.next = 1}, missed = {.defaulted = 1},
                          paid = {.complete = 1, .defaulted = 1};
    tn_day today = day(2025, 1, 1);
    static const struct {
        enum tn_case_state st;
        int over_m, replays, gone; /* over_m: the case ended 2024-MM-01 (0: open) */
        int plan;                  /* 0 none, 1 on track, 2 missed, 3 complete after a miss */
        int dl_y, dl_m, dl_d;      /* deadline (dl_y 0: none) */
        int rule;                  /* 1: set by the court rule */
        const char *plan_name, *by;
        long overdue, years;
        enum tn_case_alert alert;
    } cases[] = {
        /* opened 2024-01-01: 366 days to 2025-01-01, 1.0 year; 12 days past 2024-12-20 */
        {TN_CASE_ST_SUED, 0, 1, 0, 0, 2024, 12, 20, 1, "", "court", 12, 10, TN_CASE_ALERT_NONE},
        /* over on 2024-07-01: years stop at its last event, 182 days = 0.4 */
        {TN_CASE_ST_CLOSED, 7, 1, 0, 0, 0, 0, 0, 0, "", "", 0, 4, TN_CASE_ALERT_NONE},
        /* a history that does not replay is told before anything else */
        {TN_CASE_ST_SUED, 0, 0, 1, 0, 0, 0, 0, 0, "", "", 0, 10, TN_CASE_ALERT_NO_REPLAY},
        /* the unit absconded while the case is open */
        {TN_CASE_ST_ESCALATING, 0, 1, 1, 0, 0, 0, 0, 0, "", "", 0, 10, TN_CASE_ALERT_UNIT_GONE},
        /* mediated, an instalment missed and not yet recorded: the unit's date, 31 days past */
        {TN_CASE_ST_MEDIATED, 0, 1, 0, 2, 2024, 12, 1, 0, "defaulted", "unit", 31, 10,
         TN_CASE_ALERT_PLAN_MISSED},
        /* the plan's next instalment not yet due */
        {TN_CASE_ST_MEDIATED, 0, 1, 0, 1, 2025, 1, 10, 0, "on_track", "unit", 0, 10,
         TN_CASE_ALERT_NONE},
        /* a missed plan once paid is complete; enforceable, so no mediated alert */
        {TN_CASE_ST_ENFORCEABLE, 0, 1, 0, 3, 0, 0, 0, 0, "complete", "", 0, 10, TN_CASE_ALERT_NONE},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct tn_case c;
        tn_case_init(&c);
        c.state = cases[i].st;
        c.opened = day(2024, 1, 1);
        c.last_day = cases[i].over_m ? day(2024, cases[i].over_m, 1) : day(2024, 12, 1);
        const struct tn_plan_status *plans[] = {NULL, &on_track, &missed, &paid};
        struct tn_case_watch_in in = {
            &c,
            cases[i].replays,
            cases[i].gone,
            plans[cases[i].plan],
            cases[i].dl_y ? day(cases[i].dl_y, cases[i].dl_m, cases[i].dl_d) : -1,
            cases[i].rule ? &court : NULL};
        struct tn_case_watch w;
        tn_case_watch(&in, today, &w);
        assert_string_equal(w.plan, cases[i].plan_name);
        assert_string_equal(w.next_by, cases[i].by);
        assert_int_equal(w.overdue_days, cases[i].overdue);
        assert_int_equal(w.years_open_tenths, cases[i].years);
        assert_int_equal(w.alert, cases[i].alert);
    }
}

static void mediated_case_follows_its_plan(void **state)
{
    (void)state;
    static const struct tn_case_deadline court = {.who = "court"};
    const struct tn_instalment inst[2] = {{day(2024, 6, 30), 10000000},
                                          {day(2024, 7, 31), 10000000}};
    const struct {
        enum tn_case_state st;
        struct tn_plan_status plan;
        int want_y, want_m, want_d; /* want_y 0: -1; want_y 1: unchanged (the rule's) */
    } cases[] = {
        {TN_CASE_ST_MEDIATED, {.next = 1}, 2024, 7, 31}, /* the 2nd due */
        {TN_CASE_ST_MEDIATED,
         {.defaulted = 1, .detected_on = day(2024, 7, 1)},
         2024,
         7,
         1},                                                        /* detected */
        {TN_CASE_ST_MEDIATED, {.next = 2}, 0, 0, 0},                /* none left */
        {TN_CASE_ST_MEDIATED, {.complete = 1, .next = 2}, 1, 0, 0}, /* paid */
        {TN_CASE_ST_ENFORCEABLE, {.next = 1}, 1, 0, 0},             /* not mediated */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct tn_case c;
        tn_case_init(&c);
        c.state = cases[i].st;
        tn_day dl = day(2024, 9, 1);
        const struct tn_case_deadline *rule = &court;
        tn_case_plan_deadline(&c, &cases[i].plan, inst, 2, &dl, &rule);
        if (cases[i].want_y == 1) {
            assert_int_equal(dl, day(2024, 9, 1));
            assert_ptr_equal(rule, &court);
            continue;
        }
        assert_int_equal(
            dl, cases[i].want_y ? day(cases[i].want_y, cases[i].want_m, cases[i].want_d) : -1);
        assert_null(rule);
    }
}

static void unit_gone_only_while_open(void **state)
{
    (void)state;
    struct tn_case c;
    tn_case_init(&c);
    c.state = TN_CASE_ST_SUED;
    assert_true(tn_case_unit_gone(&c, "absconded"));
    assert_true(tn_case_unit_gone(&c, "dissolved"));
    assert_false(tn_case_unit_gone(&c, "active"));
    assert_false(tn_case_unit_gone(&c, "")); /* status unknown */
    c.state = TN_CASE_ST_CLOSED;
    assert_false(tn_case_unit_gone(&c, "dissolved"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_state_and_event),
        cmocka_unit_test(refusal_names_state_and_choices),
        cmocka_unit_test(events_carry_what_they_need),
        cmocka_unit_test(events_are_in_date_order),
        cmocka_unit_test(replay_names_the_refused_event),
        cmocka_unit_test(suspended_resumes_only_on_assets),
        cmocka_unit_test(appeal_reopens_closed_case_and_keeps_history),
        cmocka_unit_test(names_round_trip),
        cmocka_unit_test(watch_reads_plan_deadline_and_alerts),
        cmocka_unit_test(mediated_case_follows_its_plan),
        cmocka_unit_test(unit_gone_only_while_open),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
