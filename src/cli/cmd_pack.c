/*
 * cmd_pack.c - `thuno pack meeting --period P [--office CODE] [--as-of DATE]
 * [--format pdf|csv] [-o FILE]`: the pack for the director's monthly meeting with QLT, KTTN
 * and TTKT (seed 002, docs/operations.md "Meeting pack"), five tables in one document:
 * collection against plan, debt by bucket this month and last, the units newly in debt,
 * what was done in the month (case events by kind and department), and the measures
 * proposed for next month (the escalation run's ready steps by department and step).
 */
#include "cli.h"
#include "report_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/table_out.h"
#include "thuno/case.h"
#include "thuno/case_store.h"
#include "thuno/mem.h"
#include "thuno/operations_store.h"
#include "thuno/policy.h"
#include "thuno/report.h"
#include "thuno/store.h"

static const char *const plan_cols[] = {"scope",
                                        "key",
                                        "units",
                                        "plan",
                                        "collected",
                                        "collected_pct",
                                        "efficiency_pct",
                                        "debt",
                                        "new_debt_units",
                                        "new_debt",
                                        "cleared_units",
                                        "cleared",
                                        NULL};
static const char *const bucket_cols[] = {"bucket", "units_prev",  "debt_prev", "units",
                                          "debt",   "debt_change", NULL};
static const char *const new_cols[] = {"unit_code",   "name", "officer_code", "office_code",
                                       "months_owed", "debt", "legal_status", NULL};
static const char *const event_cols[] = {"department", "event",  "label", "events",
                                         "units",      "amount", NULL};
static const char *const step_cols[] = {"department", "next_step",     "ready_units",
                                        "ready_debt", "waiting_units", NULL};

static tn_err plan_row(void *ctx, const struct tn_plan_row *r)
{
    if (strcmp(r->scope, "type") == 0 || strcmp(r->scope, "officer") == 0)
        return TN_OK; /* the meeting looks at the province, departments and offices */
    long pct = tn_percent_tenths(r->collected, r->plan);
    long eff = tn_percent_tenths(r->collected, r->assessed);
    struct tn_cell c[] = {
        TEXT(r->scope),         TEXT(r->key),     INT(r->units),         INT(r->plan),
        INT(r->collected),      TENTHS(pct),      TENTHS(eff),           INT(r->debt),
        INT(r->new_debt_units), INT(r->new_debt), INT(r->cleared_units), INT(r->cleared),
    };
    if (r->plan < 0)
        c[3].type = TN_CELL_NULL;
    if (pct < 0)
        c[5].type = TN_CELL_NULL;
    if (eff < 0)
        c[6].type = TN_CELL_NULL;
    return tn_table_row(ctx, c);
}

static tn_err bucket_row(void *ctx, const struct tn_bucket_move *r)
{
    struct tn_cell c[] = {TEXT(r->bucket), INT(r->units_prev), INT(r->debt_prev),
                          INT(r->units),   INT(r->debt),       INT(r->debt - r->debt_prev)};
    return tn_table_row(ctx, c);
}

static tn_err new_row(void *ctx, const struct tn_worklist_row *r)
{
    struct tn_cell c[] = {TEXT(r->unit_code),
                          TEXT(r->name),
                          TEXT(r->officer_code),
                          TEXT(r->office_code),
                          TENTHS(r->months_owed_tenths),
                          INT(r->debt),
                          TEXT(r->legal_status)};
    return tn_table_row(ctx, c);
}

struct event_ctx {
    struct tn_table_out *t;
    const struct tn_policy *pol;
};

/* The department the ladder gives the event's step ("" when no step records it). */
static const char *event_department(const struct tn_policy *pol, enum tn_case_event e)
{
    for (size_t i = 0; i < pol->nladder; i++)
        if (pol->ladder[i].event == e && strcmp(pol->ladder[i].office, "*") == 0)
            return pol->ladder[i].department;
    return "";
}

static tn_err event_row(void *ctx, const struct tn_event_count *r)
{
    const struct event_ctx *x = ctx;
    enum tn_case_event e;
    int known = tn_case_event_parse(r->event, &e) == TN_OK;
    struct tn_cell c[] = {TEXT(known ? event_department(x->pol, e) : ""),
                          TEXT(r->event),
                          TEXT(known ? tn_case_event_label(e) : ""),
                          INT(r->events),
                          INT(r->units),
                          INT(r->amount)};
    return tn_table_row(x->t, c);
}

/* The escalation run's proposals counted by department and step, in the run's order. */
struct step_count {
    const char *department, *step; /* borrowed from the policy */
    long long ready, waiting;
    tn_money ready_debt;
};

struct steps {
    struct step_count *v;
    size_t n, cap;
};

static tn_err count_step(void *ctx, const struct tn_escalation_row *r)
{
    struct steps *s = ctx;
    size_t i = 0;
    while (i < s->n && !(strcmp(s->v[i].department, r->next.department) == 0 &&
                         strcmp(s->v[i].step, r->next.step) == 0))
        i++;
    if (i == s->n) {
        TN_GROW(s->v, s->cap, s->n + 1);
        s->v[s->n++] = (struct step_count){r->next.department, r->next.step, 0, 0, 0};
    }
    if (r->next.ready) {
        s->v[i].ready++;
        s->v[i].ready_debt += r->debt;
    } else {
        s->v[i].waiting++;
    }
    return TN_OK;
}

struct pack_args {
    tn_period period;
    const char *office, *as_of, *format, *out;
    char as_of_buf[20];
};

static tn_err parse(struct tn_cli *cli, struct pack_args *a)
{
    const char *period = NULL, *as_of = NULL;
    if (cli->argc < 2 || strcmp(cli->argv[1], "meeting") != 0)
        return TN_ERR_USAGE;
    for (int i = 2; i < cli->argc; i++) {
        const char *arg = cli->argv[i];
        int has = i + 1 < cli->argc;
        if (strcmp(arg, "--period") == 0 && has)
            period = cli->argv[++i];
        else if (strcmp(arg, "--office") == 0 && has)
            a->office = cli->argv[++i];
        else if (strcmp(arg, "--as-of") == 0 && has)
            as_of = cli->argv[++i];
        else if (strcmp(arg, "--format") == 0 && has)
            a->format = cli->argv[++i];
        else if (strcmp(arg, "-o") == 0 && has)
            a->out = cli->argv[++i];
        else
            return TN_ERR_USAGE;
    }
    if (!period || tn_period_parse(period, &a->period)) {
        tn_cli_error("pack", "expected --period YYYY-MM");
        return TN_ERR_USAGE;
    }
    if (as_of && tn_report_as_of(as_of, a->as_of_buf)) {
        tn_cli_error("pack", "expected --as-of YYYY-MM-DD[THH:MM:SS], got \"%s\"", as_of);
        return TN_ERR_USAGE;
    }
    a->as_of = as_of ? a->as_of_buf : NULL;
    return TN_OK;
}

static tn_err write_pack(struct tn_store *s, const struct tn_policy *pol, const struct pack_args *a,
                         struct tn_table_out *t)
{
    tn_period p = a->period;
    struct steps st = {0};
    tn_err err = tn_table_section_names(
        t, "1. Kết quả thu so với kế hoạch / Collection against plan", plan_cols);
    if (!err)
        err = tn_store_plan_kpi(s, p, a->as_of, plan_row, t);
    if (!err &&
        !(err = tn_table_section_names(t,
                                       "2. Nợ theo nhóm tháng nợ, tháng trước và tháng này / "
                                       "Debt by bucket, last month and this",
                                       bucket_cols)))
        err = tn_store_bucket_moves(s, p, a->as_of, bucket_row, t);
    if (!err && !(err = tn_table_section_names(
                      t, "3. Đơn vị phát sinh nợ mới / Units newly in debt", new_cols)))
        err = tn_store_new_debtors(s, p, a->as_of, new_row, t);
    struct event_ctx ex = {t, pol};
    if (!err &&
        !(err = tn_table_section_names(t,
                                       "4. Công việc đã thực hiện trong tháng / What was done "
                                       "this month",
                                       event_cols)))
        err = tn_store_event_counts(s, p, a->as_of, event_row, &ex);
    if (!err &&
        !(err = tn_table_section_names(t,
                                       "5. Đề xuất biện pháp tháng tới / Proposed measures for "
                                       "next month",
                                       step_cols)))
        err = tn_store_escalation(s, pol, p, a->as_of, count_step, &st);
    for (size_t i = 0; !err && i < st.n; i++) {
        struct tn_cell c[] = {TEXT(st.v[i].department), TEXT(st.v[i].step), INT(st.v[i].ready),
                              INT(st.v[i].ready_debt), INT(st.v[i].waiting)};
        err = tn_table_row(t, c);
    }
    free(st.v);
    return err;
}

tn_err tn_cmd_pack(struct tn_cli *cli)
{
    struct pack_args a = {.format = "pdf"};
    tn_err err = parse(cli, &a);
    if (err)
        return err;
    enum tn_out_format fmt;
    if (tn_out_format_parse(a.format, &fmt) || (fmt != TN_OUT_PDF && fmt != TN_OUT_CSV)) {
        tn_cli_error("pack", "format \"%s\" is not available (pdf, csv)", a.format);
        return TN_ERR_USAGE;
    }
    if (fmt == TN_OUT_PDF && !a.out) {
        tn_cli_error("pack", "a PDF needs -o FILE");
        return TN_ERR_USAGE;
    }
    struct tn_policy pol;
    tn_policy_init(&pol);
    struct tn_store *s = NULL;
    const char *cut = a.office; /* the subtitle names the office even for the province */
    if ((err = tn_cli_load_policy(cli, &pol)) || (err = tn_cli_open_store(cli, &s)) ||
        (err = tn_cli_cut_office(s, "pack", &cut))) {
        tn_store_free(s);
        tn_policy_release(&pol);
        return err;
    }
    FILE *f = a.out ? fopen(a.out, "wb") : stdout;
    if (!f) {
        tn_cli_error("pack", "cannot write %s", a.out);
        tn_store_free(s);
        tn_policy_release(&pol);
        return TN_ERR_IO;
    }
    char per[TN_PERIOD_BUFSZ], subtitle[160];
    tn_period_format(a.period, per);
    snprintf(subtitle, sizeof subtitle, "Kỳ / period %s%s%s — số liệu đến / as known at %s", per,
             a.office ? " — cơ quan / office " : "", a.office ? a.office : "",
             a.as_of ? a.as_of : cli->now);
    struct tn_table_meta meta = {"Tài liệu giao ban tháng / Monthly meeting pack", subtitle,
                                 a.as_of ? a.as_of : cli->now, 0};
    struct tn_table_out t;
    err = tn_table_begin(&t, f, fmt, &meta, NULL, 0);
    if (!err)
        err = write_pack(s, &pol, &a, &t);
    tn_err end = tn_table_end(&t);
    if (!err)
        err = end;
    if (err)
        tn_cli_error("pack", "%s",
                     err == TN_ERR_STORE ? tn_store_errmsg(s) : tn_err_message(err, TN_LANG_EN));
    if (a.out && fclose(f) && !err)
        err = TN_ERR_IO;
    tn_store_free(s);
    tn_policy_release(&pol);
    return err;
}
