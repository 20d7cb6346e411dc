/*
 * report_inspections.c - inspection follow-up and the lists sent to other agencies
 * (docs/inspections.md): inspections (recovery of each conclusion), inspection_referrals
 * (units to refer to the labour inspectorate, with the facts it needs), union_chairs (seed
 * 002), and the monthly report to the provincial People's Committee (seed 001) as three
 * tables: pc_report (labour use and contributions by district and sector), pc_refusing
 * (units that refuse to pay) and pc_measures (measures requested from other agencies).
 */
#include "report_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/inspection_policy.h"
#include "thuno/inspection_store.h"
#include "thuno/mem.h"
#include "thuno/percent.h"
#include "thuno/store.h"

/* Where the rows of the People's Committee tables go: the table report's table, or a section
 * of the committee's PDF (tn__pc_pack). */
struct rows_out {
    struct tn_table_out *t;
};

static tn_err put(const struct rows_out *o, const struct tn_cell *c)
{
    return tn_table_row(o->t, c);
}

/* An empty text cell is NULL (no value), as the other reports write it. */
static void nulls(struct tn_cell *c, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (c[i].type == TN_CELL_TEXT && !c[i].text[0])
            c[i].type = TN_CELL_NULL;
}

static void period_text(tn_period p, char buf[static TN_PERIOD_BUFSZ])
{
    if (p < 0 || tn_period_format(p, buf))
        buf[0] = '\0';
}

/* The rule of policy/inspections.csv in force on the period's last day. */
static tn_err load_rule(struct tn_cli *cli, tn_period period, struct tn_inspection_policy *pol,
                        const struct tn_inspection_rule **out)
{
    char msg[512];
    tn_err err = tn_inspection_policy_load(cli->policy_dir, pol, msg, sizeof msg);
    if (err) {
        tn_cli_error("report", "%s", msg);
        return err;
    }
    if ((err = tn_inspection_rule_at(pol->rules, pol->n, tn_period_last_day(period), out)))
        tn_cli_error("report", "no rule in policy/inspections.csv for this period");
    return err;
}

/* ---- inspections ---- */

const char *const tn__inspections_cols[] = {"inspection_id",
                                            "unit_code",
                                            "office_code",
                                            "concluded_on",
                                            "decision_no",
                                            "body",
                                            "inspector",
                                            "amount_underdeclared",
                                            "amount_unpaid",
                                            "found",
                                            "recovered",
                                            "remaining",
                                            "workers_unregistered",
                                            "fine_amount",
                                            "remedy_by",
                                            "days_past_deadline",
                                            "status",
                                            NULL};

static tn_err inspection_row(void *ctx, const struct tn_inspection_row *r)
{
    struct tn_cell c[] = {
        TEXT(r->inspection_id),
        TEXT(r->unit_code),
        TEXT(r->office_code),
        TEXT(r->concluded_on),
        TEXT(r->decision_no),
        TEXT(r->body),
        TEXT(r->inspector),
        INT(r->underdeclared),
        INT(r->unpaid),
        INT(r->found),
        INT(r->recovered),
        INT(r->remaining),
        INT(r->workers_unregistered),
        INT(r->fine),
        TEXT(r->remedy_by),
        INT(r->days_past),
        TEXT(tn_inspection_status_name(r->status)),
    };
    nulls(c, sizeof c / sizeof c[0]);
    return tn_table_row(ctx, c);
}

tn_err tn__run_inspections(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                           struct tn_table_out *t)
{
    (void)cli;
    return tn_store_inspections(s, tn_period_last_day(a->period), a->as_of, inspection_row, t);
}

/* ---- inspection_referrals ---- */

/* What the unit's conclusions say on the report day. */
struct insp_summary {
    char unit_code[32];
    long count, overdue;
    char last[TN_DAY_BUFSZ];
};

struct summaries {
    struct insp_summary *v;
    size_t n, cap;
};

static tn_err summarize(void *ctx, const struct tn_inspection_row *r)
{
    struct summaries *x = ctx;
    if (!x->n || strcmp(x->v[x->n - 1].unit_code, r->unit_code) != 0) {
        TN_GROW(x->v, x->cap, x->n + 1);
        memset(&x->v[x->n], 0, sizeof x->v[0]);
        snprintf(x->v[x->n++].unit_code, sizeof x->v[0].unit_code, "%s", r->unit_code);
    }
    struct insp_summary *u = &x->v[x->n - 1];
    u->count++;
    u->overdue += r->status == TN_INSP_OVERDUE;
    snprintf(u->last, sizeof u->last, "%s", r->concluded_on); /* rows in date order */
    return TN_OK;
}

static int by_unit(const void *a, const void *b)
{
    return strcmp(((const struct insp_summary *)a)->unit_code,
                  ((const struct insp_summary *)b)->unit_code);
}

const char *const tn__referrals_cols[] = {"unit_code",
                                          "name",
                                          "tax_code",
                                          "office_code",
                                          "type",
                                          "status",
                                          "reasons",
                                          "months_owed",
                                          "debt",
                                          "legal_status",
                                          "oldest_unpaid_period",
                                          "workers_declared",
                                          "workers_reported",
                                          "findings",
                                          "inspections",
                                          "last_inspection",
                                          "inspections_overdue",
                                          "reminders",
                                          "last_reminder",
                                          "case_events",
                                          "last_event",
                                          "last_event_date",
                                          NULL};

struct referral_ctx {
    struct tn_table_out *t;
    const struct tn_inspection_rule *rule;
    struct summaries insp;
};

static tn_err referral_row(void *ctx, const struct tn_unit_facts *f)
{
    const struct referral_ctx *x = ctx;
    struct insp_summary key = {0}, none = {0};
    snprintf(key.unit_code, sizeof key.unit_code, "%s", f->unit_code);
    const struct insp_summary *u =
        x->insp.n ? bsearch(&key, x->insp.v, x->insp.n, sizeof key, by_unit) : NULL;
    if (!u)
        u = &none;
    struct tn_referral_facts rf = {f->months_owed_tenths,
                                   strcmp(f->legal_status, "evading") == 0,
                                   f->workers,
                                   f->reported,
                                   f->findings,
                                   u->overdue};
    unsigned why = tn_inspection_referral(x->rule, &rf);
    if (!why)
        return TN_OK;
    char reasons[128], oldest[TN_PERIOD_BUFSZ];
    tn_inspection_referral_names(why, reasons, sizeof reasons);
    period_text(f->oldest_unpaid, oldest);
    struct tn_cell c[] = {
        TEXT(f->unit_code),     TEXT(f->name),
        TEXT(f->tax_code),      TEXT(f->office_code),
        TEXT(f->type),          TEXT(f->status),
        TEXT(reasons),          TENTHS(f->months_owed_tenths),
        INT(f->debt),           TEXT(f->legal_status),
        TEXT(oldest),           INT(f->workers),
        INT(f->reported),       INT(f->findings),
        INT(u->count),          TEXT(u->last),
        INT(u->overdue),        INT(f->reminders),
        TEXT(f->last_reminder), INT(f->case_events),
        TEXT(f->last_event),    TEXT(f->last_event_date),
    };
    if (f->reported < 0)
        c[12].type = TN_CELL_NULL;
    nulls(c, sizeof c / sizeof c[0]);
    return tn_table_row(x->t, c);
}

tn_err tn__run_referrals(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                         struct tn_table_out *t)
{
    struct tn_inspection_policy pol;
    tn_inspection_policy_init(&pol);
    struct referral_ctx x = {t, NULL, {0}};
    tn_err err = load_rule(cli, a->period, &pol, &x.rule);
    if (!err)
        err = tn_store_inspections(s, tn_period_last_day(a->period), a->as_of, summarize, &x.insp);
    if (!err) {
        tn_sort(x.insp.v, x.insp.n, sizeof x.insp.v[0], by_unit);
        err = tn_store_unit_facts(s, a->period, a->as_of, referral_row, &x);
    }
    free(x.insp.v);
    tn_inspection_policy_release(&pol);
    return err;
}

/* ---- union_chairs, pc_refusing, pc_measures: selections of the unit facts ---- */

enum facts_list { LIST_CHAIRS, LIST_REFUSING, LIST_MEASURES };

struct facts_ctx {
    struct rows_out out;
    const struct tn_inspection_rule *rule;
    enum facts_list list;
};

const char *const tn__union_chairs_cols[] = {"unit_code",    "name", "office_code",  "union_chair",
                                             "months_owed",  "debt", "legal_status", "workers",
                                             "officer_code", NULL};

const char *const tn__pc_refusing_cols[] = {
    "unit_code",    "name",      "office_code",   "type",   "months_owed", "debt",
    "legal_status", "reminders", "last_reminder", "reason", NULL};

const char *const tn__pc_measures_cols[] = {"unit_code", "name",  "office_code", "measure",
                                            "agency",    "basis", "basis_date",  "months_owed",
                                            "debt",      NULL};

static tn_err measures(const struct facts_ctx *x, const struct tn_unit_facts *f)
{
    /* seed 001: the People's Committee asks banks and the State Treasury to deduct from the
     * unit's account (Decree 135/2007/NĐ-CP; Law 41/2024/QH15 forced deduction), and the
     * business registration office to check the licence of units that cannot be reached */
    int deduct = f->deduction_event[0] != '\0';
    int licence = strcmp(f->status, "absconded") == 0 || strcmp(f->status, "suspended") == 0;
    tn_err err = TN_OK;
    if (deduct) {
        struct tn_cell c[] = {
            TEXT(f->unit_code),
            TEXT(f->name),
            TEXT(f->office_code),
            TEXT("forced_deduction"),
            TEXT("Ngân hàng, Kho bạc Nhà nước / banks, State Treasury"),
            TEXT(f->deduction_event),
            TEXT(f->deduction_date),
            TENTHS(f->months_owed_tenths),
            INT(f->debt),
        };
        nulls(c, sizeof c / sizeof c[0]);
        err = put(&x->out, c);
    }
    if (!err && licence) {
        char basis[32];
        snprintf(basis, sizeof basis, "status:%s", f->status);
        struct tn_cell c[] = {
            TEXT(f->unit_code),
            TEXT(f->name),
            TEXT(f->office_code),
            TEXT("licence_check"),
            TEXT("Cơ quan đăng ký kinh doanh / business registration office"),
            TEXT(basis),
            TEXT(f->status_since),
            TENTHS(f->months_owed_tenths),
            INT(f->debt),
        };
        nulls(c, sizeof c / sizeof c[0]);
        err = put(&x->out, c);
    }
    return err;
}

static tn_err facts_row(void *ctx, const struct tn_unit_facts *f)
{
    const struct facts_ctx *x = ctx;
    if (f->principal_due <= 0)
        return TN_OK; /* every list is of units in debt */
    if (x->list == LIST_MEASURES)
        return measures(x, f);
    if (x->list == LIST_CHAIRS) {
        if (f->months_owed_tenths < x->rule->chair_months_tenths)
            return TN_OK;
        struct tn_cell c[] = {
            TEXT(f->unit_code),
            TEXT(f->name),
            TEXT(f->office_code),
            TEXT(f->union_chair),
            TENTHS(f->months_owed_tenths),
            INT(f->debt),
            TEXT(f->legal_status),
            INT(f->workers),
            TEXT(f->officer_code),
        };
        nulls(c, sizeof c / sizeof c[0]);
        return put(&x->out, c);
    }
    const char *why = tn_inspection_refuses(x->rule, f->months_owed_tenths,
                                            strcmp(f->legal_status, "evading") == 0, f->reminders);
    if (!why)
        return TN_OK;
    struct tn_cell c[] = {
        TEXT(f->unit_code),
        TEXT(f->name),
        TEXT(f->office_code),
        TEXT(f->type),
        TENTHS(f->months_owed_tenths),
        INT(f->debt),
        TEXT(f->legal_status),
        INT(f->reminders),
        TEXT(f->last_reminder),
        TEXT(why),
    };
    nulls(c, sizeof c / sizeof c[0]);
    return put(&x->out, c);
}

static tn_err run_facts(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                        struct rows_out out, enum facts_list list)
{
    struct tn_inspection_policy pol;
    tn_inspection_policy_init(&pol);
    struct facts_ctx x = {out, NULL, list};
    tn_err err = load_rule(cli, a->period, &pol, &x.rule);
    if (!err)
        err = tn_store_unit_facts(s, a->period, a->as_of, facts_row, &x);
    tn_inspection_policy_release(&pol);
    return err;
}

tn_err tn__run_union_chairs(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                            struct tn_table_out *t)
{
    return run_facts(cli, s, a, (struct rows_out){t}, LIST_CHAIRS);
}

tn_err tn__run_pc_refusing(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                           struct tn_table_out *t)
{
    return run_facts(cli, s, a, (struct rows_out){t}, LIST_REFUSING);
}

tn_err tn__run_pc_measures(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                           struct tn_table_out *t)
{
    return run_facts(cli, s, a, (struct rows_out){t}, LIST_MEASURES);
}

/* ---- pc_report: labour use and contributions by district and sector ---- */

const char *const tn__pc_report_cols[] = {"office_code", "type",      "units", "workers",
                                          "assessed",    "collected", "debt",  "units_in_debt",
                                          "debt_ratio",  NULL};

static tn_err labour_row(void *ctx, const struct tn_labour_row *r)
{
    struct tn_cell c[] = {
        TEXT(r->office_code),
        TEXT(r->type),
        INT(r->units),
        INT(r->workers),
        INT(r->assessed),
        INT(r->collected),
        INT(r->debt),
        INT(r->units_in_debt),
        TENTHS(r->assessed > 0 ? tn_percent_tenths_down(r->debt, r->assessed) : 0),
    };
    if (r->assessed <= 0)
        c[8].type = TN_CELL_NULL;
    nulls(c, sizeof c / sizeof c[0]);
    return put(ctx, c);
}

tn_err tn__run_pc_report(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                         struct tn_table_out *t)
{
    (void)cli;
    struct rows_out out = {t};
    return tn_store_labour(s, a->period, a->as_of, labour_row, &out);
}

/* ---- the three tables as one document ---- */

static size_t count_cols(const char *const *cols)
{
    size_t n = 0;
    while (cols[n])
        n++;
    return n;
}

tn_err tn__pc_pack(struct tn_cli *cli, struct tn_store *s, const struct tn_report_args *a,
                   struct tn_table_out *t)
{
    struct rows_out out = {t};
    tn_err err = tn_table_section(t,
                                  "1. Tình hình sử dụng lao động, đóng BHXH theo địa bàn và loại "
                                  "hình / Labour use and contributions by district and sector",
                                  tn__pc_report_cols, count_cols(tn__pc_report_cols));
    if (!err)
        err = tn_store_labour(s, a->period, a->as_of, labour_row, &out);
    if (!err)
        err = tn_table_section(t, "2. Đơn vị chây ỳ không đóng BHXH / Units that refuse to pay",
                               tn__pc_refusing_cols, count_cols(tn__pc_refusing_cols));
    if (!err)
        err = run_facts(cli, s, a, out, LIST_REFUSING);
    if (!err)
        err = tn_table_section(t,
                               "3. Đề nghị các ngành phối hợp xử lý / Measures requested from "
                               "other agencies",
                               tn__pc_measures_cols, count_cols(tn__pc_measures_cols));
    if (!err)
        err = run_facts(cli, s, a, out, LIST_MEASURES);
    return err;
}
