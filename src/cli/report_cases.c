/*
 * report_cases.c - the case reports of `thuno report`: litigation (seed 000's statistics),
 * cases (the case list with deadlines) and escalation (the monthly proposals). Columns are
 * data-formats.md's for litigation, docs/cases.md's for the others.
 */
#include "report_int.h"

#include <stdio.h>
#include <string.h>

#include "thuno/case_store.h"
#include "thuno/percent.h"
#include "thuno/policy.h"
#include "thuno/store.h"

/* data-formats.md's columns, then the shares seed 000 reports (tenths of a percent) */
#define LITIGATION_COLS(first)                                                                     \
    first, "units_sued", "amount_claimed", "mediated_units", "mediated_amount", "tried_units",     \
        "tried_amount", "judgments_to_enforce", "enforced_full_units", "enforced_partial_units",   \
        "recovered_mediation", "recovered_judgment", "recovered_enforcement", "recovered_total",   \
        "pending_units", "mediated_share", "tried_share", "enforced_share", "recovered_share",     \
        NULL

const char *const tn__litigation_cols[] = {LITIGATION_COLS("year")};
const char *const tn__litigation_type_cols[] = {LITIGATION_COLS("type")};
const char *const tn__litigation_office_cols[] = {LITIGATION_COLS("office_code")};

/* a / b in tenths of a percent, rounded down (docs/cases.md, percent.h); -1 when b is 0 */
static int64_t share(int64_t a, int64_t b)
{
    return tn_percent_tenths_down(a, b);
}

static tn_err litigation_row(void *ctx, const struct tn_litigation_row *r)
{
    struct tn_cell c[] = {
        TEXT(r->key),
        INT(r->units_sued),
        INT(r->amount_claimed),
        INT(r->mediated_units),
        INT(r->mediated_amount),
        INT(r->tried_units),
        INT(r->tried_amount),
        INT(r->judgments_to_enforce),
        INT(r->enforced_full_units),
        INT(r->enforced_partial_units),
        INT(r->recovered_mediation),
        INT(r->recovered_judgment),
        INT(r->recovered_enforcement),
        INT(r->recovered_total),
        INT(r->pending_units),
        TENTHS(share(r->mediated_units, r->units_sued)),
        TENTHS(share(r->tried_units, r->units_sued)),
        TENTHS(share(r->enforced_full_units + r->enforced_partial_units, r->judgments_to_enforce)),
        TENTHS(share(r->recovered_total, r->amount_claimed)),
    };
    for (size_t i = 15; i < sizeof c / sizeof c[0]; i++)
        if (c[i].num < 0)
            c[i].type = TN_CELL_NULL;
    return tn_table_row(ctx, c);
}

static tn_err litigation(struct tn_store *s, const struct tn_report_args *a, struct tn_table_out *t,
                         enum tn_litigation_by by)
{
    return tn_store_litigation(s, a->from, a->to, a->as_of, by, litigation_row, t);
}

tn_err tn__run_litigation(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                          struct tn_table_out *t)
{
    (void)cli;
    return litigation(s, a, t, TN_LIT_YEAR);
}

tn_err tn__run_litigation_type(struct tn_cli *cli, struct tn_store *s,
                               const struct tn_report_args *a, struct tn_table_out *t)
{
    (void)cli;
    return litigation(s, a, t, TN_LIT_TYPE);
}

tn_err tn__run_litigation_office(struct tn_cli *cli, struct tn_store *s,
                                 const struct tn_report_args *a, struct tn_table_out *t)
{
    (void)cli;
    return litigation(s, a, t, TN_LIT_OFFICE);
}

const char *const tn__cases_cols[] = {"case_id",    "unit_code",  "office_code", "state",
                                      "opened",     "last_event", "last_date",   "claimed",
                                      "settled",    "awarded",    "recovered",   "plan_remainder",
                                      "plan",       "next_date",  "next_by",     "overdue_days",
                                      "years_open", "alert",      NULL};

struct cases_ctx {
    struct tn_table_out *t;
    tn_day today;
};

static tn_err case_row(void *ctx, const struct tn_case_row *r)
{
    const struct cases_ctx *x = ctx;
    char opened[TN_DAY_BUFSZ], last[TN_DAY_BUFSZ], next[TN_DAY_BUFSZ], alert[300];
    tn_day_format(r->c.opened, opened);
    tn_day_format(r->c.last_day, last);
    struct tn_case_watch_in in = {&r->c,           !r->invalid[0],
                                  r->alert_status, r->has_plan ? &r->plan : NULL,
                                  r->deadline,     r->deadline_rule};
    struct tn_case_watch w;
    tn_case_watch(&in, x->today, &w);
    alert[0] = '\0';
    if (w.alert == TN_CASE_ALERT_NO_REPLAY)
        snprintf(alert, sizeof alert, "history does not replay: %s", r->invalid);
    else if (w.alert == TN_CASE_ALERT_UNIT_GONE)
        snprintf(alert, sizeof alert, "unit is %s while the case is open", r->unit_status);
    else if (w.alert == TN_CASE_ALERT_PLAN_MISSED)
        snprintf(alert, sizeof alert, "instalment missed: record plan_defaulted");
    struct tn_cell c[] = {
        TEXT(r->case_id),
        TEXT(r->unit_code),
        TEXT(r->office_code),
        TEXT(tn_case_state_name(r->c.state)),
        TEXT(opened),
        TEXT(tn_case_event_name(r->last_event)),
        TEXT(last),
        INT(r->c.claimed),
        INT(r->c.settled),
        INT(r->c.awarded),
        INT(r->recovered),
        INT(r->plan.remainder),
        TEXT(w.plan),
        TEXT(next),
        TEXT(w.next_by),
        INT(w.overdue_days),
        TENTHS(w.years_open_tenths),
        TEXT(alert),
    };
    if (r->c.claimed < 0)
        c[7].type = TN_CELL_NULL;
    if (r->c.settled < 0)
        c[8].type = TN_CELL_NULL;
    if (r->c.awarded < 0)
        c[9].type = TN_CELL_NULL;
    if (!r->has_plan)
        c[11].type = TN_CELL_NULL;
    if (r->deadline >= 0)
        tn_day_format(r->deadline, next);
    else
        c[13].type = TN_CELL_NULL;
    return tn_table_row(x->t, c);
}

tn_err tn__report_day(const struct tn_report_args *a, tn_day *out)
{
    char d[11];
    snprintf(d, sizeof d, "%.10s", a->as_of ? a->as_of : a->now);
    return tn_day_parse(d, out);
}

tn_err tn__run_cases(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                     struct tn_table_out *t)
{
    struct tn_policy pol;
    tn_policy_init(&pol);
    struct cases_ctx x = {t, 0};
    tn_err err = tn_cli_load_policy(cli, &pol);
    if (!err && (err = tn__report_day(a, &x.today)))
        tn_cli_error("report", "bad time %s", a->as_of ? a->as_of : a->now);
    if (!err)
        err = tn_store_cases(s, &pol, a->as_of ? a->as_of : a->now, -1, case_row, &x);
    tn_policy_release(&pol);
    return err;
}

const char *const tn__escalation_cols[] = {
    "unit_code",    "officer_code",  "office_code", "months_owed", "debt",
    "legal_status", "workers",       "case_id",     "state",       "next_step",
    "ready",        "waiting",       "department",  "document",    "fine_min",
    "fine_max",     "art216_clause", "source",      NULL};

static tn_err escalation_row(void *ctx, const struct tn_escalation_row *r)
{
    struct tn_cell c[] = {
        TEXT(r->unit_code),
        TEXT(r->officer_code),
        TEXT(r->office_code),
        TENTHS(r->months_owed_tenths),
        INT(r->debt),
        TEXT(r->legal_status),
        INT(r->workers),
        TEXT(r->case_id),
        TEXT(tn_case_state_name(r->state)),
        TEXT(r->next.step),
        TEXT(r->next.ready ? "yes" : "no"),
        TEXT(r->next.waiting),
        TEXT(r->next.department),
        TEXT(r->next.document),
        INT(r->fine.min),
        INT(r->fine.max),
        INT(r->art216.clause),
        TEXT(r->next.source),
    };
    if (!r->fine.rule)
        c[14].type = c[15].type = TN_CELL_NULL;
    if (!r->art216.clause)
        c[16].type = TN_CELL_NULL;
    return tn_table_row(ctx, c);
}

tn_err tn__run_escalation(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                          struct tn_table_out *t)
{
    struct tn_policy pol;
    tn_policy_init(&pol);
    tn_err err = tn_cli_load_policy(cli, &pol);
    if (!err)
        err = tn_store_escalation(s, &pol, a->period, a->as_of, escalation_row, t);
    tn_policy_release(&pol);
    return err;
}
