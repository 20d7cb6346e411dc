/*
 * explain_out.c - the text and JSON forms of `thuno explain` (see thuno/explain_out.h).
 * Rounding is shown as it was done (rules.md §4): the exact product base x rate, then the
 * đồng it was rounded half-up to.
 */
#include "thuno/explain_out.h"

#include <inttypes.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/aging.h"

static const char *M(tn_money m, char buf[static 32])
{
    tn_money_format_grouped(m, buf);
    return buf;
}

static const char *P(tn_period p, char buf[static TN_PERIOD_BUFSZ])
{
    if (p < 0 || tn_period_format(p, buf))
        snprintf(buf, TN_PERIOD_BUFSZ, "-");
    return buf;
}

/* base x rate / 10^6 exactly, as "24.800,5" when it is not whole (the rounding shown), or
 * "" when it is whole (nothing was rounded). */
static void exact_product(tn_money base, tn_ppm rate, char buf[static 48])
{
    int64_t whole = base / TN_PPM_ONE * rate, part = base % TN_PPM_ONE * rate;
    whole += part / TN_PPM_ONE;
    part %= TN_PPM_ONE;
    if (part == 0) {
        buf[0] = '\0';
        return;
    }
    char w[32], frac[8];
    tn_money_format_grouped(whole, w);
    snprintf(frac, sizeof frac, "%06d", (int)part);
    for (int i = 5; i > 0 && frac[i] == '0'; i--)
        frac[i] = '\0';
    snprintf(buf, 48, "%s,%s -> ", w, frac);
}

static tn_money base_of(const struct tn_explain_assess *l, int k)
{
    return tn_component_group((enum tn_component)k) == TN_G_BHTN ? l->base_ui : l->base_si;
}

/* An adjustment's own month: its deadline, the interest it bears from the day after it and,
 * for an increase, evasion from then (docs/ledger.md "Back-dated changes"). */
static void write_adjustment_terms(FILE *f, const struct tn_explain_assess *l)
{
    char d[TN_DAY_BUFSZ], from[TN_DAY_BUFSZ], pct[16];
    tn_day_format(l->deadline, d);
    tn_day_format(l->deadline + 1, from);
    if (l->daily_rate)
        tn_ppm_format_percent(l->daily_rate, pct);
    fprintf(f,
            "    hạn đóng của kỳ/deadline of its month %s; lãi từ/interest from %s, %s%s; "
            "%d ngày/days quá hạn đến cuối kỳ/late at the period's end\n",
            d, from, l->daily_rate ? pct : "P x k", l->daily_rate ? " một ngày/a day" : "",
            l->days_late);
    if (l->evasion_from) {
        tn_day_format(l->evasion_from, d);
        fprintf(f,
                "    khai thiếu căn cứ đóng: trốn đóng từ/under-declared base: evasion from %s "
                "(Luật 41/2024/QH15 Điều 39)\n",
                d);
    }
}

/* The opening balances migrated at go-live: each with its period, fund, principal, interest to
 * the cut-over day and source (docs/ledger.md "Opening balances"). */
static void write_opening(FILE *f, const struct tn_explain *e)
{
    char pp[TN_PERIOD_BUFSZ], a[32], b[32];
    for (size_t i = 0; i < e->nopening; i++) {
        const struct tn_explain_opening *o = &e->opening[i];
        fprintf(
            f,
            "  số dư đầu kỳ (chuyển đổi) / opening balance (go-live) kỳ/for %s %s: gốc/principal "
            "%s, lãi đến/interest to %s %s; nguồn/source: %s\n",
            P(o->period, pp), o->fund, M(o->principal, a), o->as_of, M(o->interest, b), o->source);
    }
}

static void write_assess(FILE *f, const struct tn_explain *e, int adjustments)
{
    char a[32], b[32], pp[TN_PERIOD_BUFSZ], pct[16], ex[48];
    const char *last_sources = "";
    for (size_t i = 0; i < e->nlines; i++) {
        const struct tn_explain_assess *l = &e->lines[i];
        if (l->adjustment != adjustments)
            continue;
        tn_money total = 0;
        for (int k = 0; k < TN_C_COUNT; k++)
            total += l->amount[k];
        fprintf(f, "  NLĐ/worker %s  kỳ/for %s  lương/salary %s  = %s\n", l->bhxh_code,
                P(l->for_period, pp), M(l->salary, a), M(total, b));
        for (int k = 0; k < TN_C_COUNT; k++) {
            if (l->rate[k] == 0 && l->amount[k] == 0)
                continue;
            tn_ppm_format_percent(l->rate[k], pct);
            if (adjustments) {
                fprintf(f, "    %-18s %7s x %s: chênh lệch/difference %s\n",
                        tn_component_name((enum tn_component)k), pct, M(base_of(l, k), a),
                        M(l->amount[k], b));
            } else {
                exact_product(base_of(l, k), l->rate[k], ex);
                fprintf(f, "    %-18s %7s x %s = %s%s\n", tn_component_name((enum tn_component)k),
                        pct, M(base_of(l, k), a), ex, M(l->amount[k], b));
            }
        }
        if (strcmp(l->sources, last_sources) != 0)
            fprintf(f, "    nguồn/source: %s\n", l->sources);
        last_sources = l->sources;
        if (adjustments && l->deadline)
            write_adjustment_terms(f, l);
    }
}

tn_err tn_explain_write_text(FILE *f, const struct tn_explain *e)
{
    const struct tn_balance_row *r = &e->balance;
    char a[32], pp[TN_PERIOD_BUFSZ], pct[16];
    fprintf(f, "Đơn vị / unit %s %s\nKỳ / period %s, theo số liệu đến / as known at %s\n\n",
            r->unit_code, e->unit_name, P(r->period, pp), r->known_at);
    fprintf(f, "Số dư đầu kỳ / opening: %s\n", M(r->opening, a));
    write_opening(f, e);
    fprintf(f, "Phải đóng trong kỳ / assessed: %s (%lld NLĐ/workers)\n", M(r->assessed, a),
            r->workers);
    write_assess(f, e, 0);
    fprintf(f, "Điều chỉnh truy thu, thoái thu / adjustment: %s\n", M(r->adjustment, a));
    write_assess(f, e, 1);
    fprintf(f, "Lãi chậm đóng / interest: %s\n", M(r->interest, a));
    for (size_t i = 0; i < e->ninterest; i++) {
        const struct tn_explain_interest *it = &e->interest[i];
        char b[32], c[32];
        tn_ppm_format_percent(it->rate, pct);
        if (strcmp(it->rule, "correction") == 0)
            fprintf(f, "  %s điều chỉnh lãi các tháng trước / recomputed earlier months: %s\n",
                    it->group, M(it->amount, b));
        else if (strcmp(it->rule, "daily") == 0)
            fprintf(f, "  %s %s..%s: %s x %s x %d ngày/days = %s  [%s]\n", it->group, it->from,
                    it->to, M(it->principal, b), pct, it->days, M(it->amount, c), it->source);
        else if (strcmp(it->status, "rate_missing") == 0)
            fprintf(f, "  %s tháng/month %s: P = %s; %s\n", it->group, P(it->accrual_month, pp),
                    M(it->principal, b), it->source);
        else
            fprintf(f, "  %s tháng/month %s: P %s x k %s = %s  [%s]\n", it->group,
                    P(it->accrual_month, pp), M(it->principal, b), pct, M(it->amount, c),
                    it->source);
    }
    fprintf(f, "Đã nộp / paid: %s\n", M(r->paid, a));
    for (size_t i = 0; i < e->nalloc; i++) {
        const struct tn_explain_alloc *al = &e->alloc[i];
        char b[32];
        fprintf(f, "  %s %s -> kỳ/period %s %s %s: %s\n", al->txn_id, al->paid_on,
                P(al->target, pp), al->group, al->part, M(al->amount, b));
    }
    char o[32], s[32], d[32], in[32], p[32];
    fprintf(f, "Số dư cuối kỳ / closing = %s + %s + %s + %s - %s = %s\n", M(r->opening, o),
            M(r->assessed, s), M(r->adjustment, d), M(r->interest, in), M(r->paid, p),
            M(r->closing, a));
    fprintf(f, "  gốc còn phải nộp / principal outstanding %s, lãi còn nợ / interest due %s\n",
            M(r->principal_due, o), M(r->interest_due, s));
    /* docs/ledger.md "Debt": what is past its deadline, and what is not yet due */
    struct tn_debt debt;
    tn_aging_debt(r->principal_overdue, r->principal_due, r->interest_due, &debt);
    fprintf(f, "  nợ (quá hạn) / debt (past due) %s, phải nộp chưa đến hạn / not yet due %s\n",
            M(debt.total, o), M(debt.not_due, s));
    if (r->months_owed_tenths >= 0)
        fprintf(f, "Số tháng nợ / months owed: %d.%d (nhóm/bucket %s)\n",
                r->months_owed_tenths / 10, r->months_owed_tenths % 10, r->bucket);
    fprintf(f, "Kỳ nợ cũ nhất / oldest unpaid: %s; tình trạng / legal status: %s\n",
            P(r->oldest_unpaid, pp), r->legal_status);
    if (e->nfindings)
        fprintf(f, "Phát hiện đóng thấp hơn lương tối thiểu vùng / below-floor findings:\n");
    for (size_t i = 0; i < e->nfindings; i++)
        fprintf(f, "  %s kỳ/for %s: %s < %s\n", e->findings[i].bhxh_code,
                P(e->findings[i].for_period, pp), M(e->findings[i].base, o),
                M(e->findings[i].floor, s));
    return ferror(f) ? TN_ERR_IO : TN_OK;
}

static json_t *jperiod(tn_period p)
{
    char buf[TN_PERIOD_BUFSZ];
    return p < 0 || tn_period_format(p, buf) ? json_null() : json_string(buf);
}

tn_err tn_explain_write_json(FILE *f, const struct tn_explain *e)
{
    const struct tn_balance_row *r = &e->balance;
    json_t *root = json_object();
    json_object_set_new(root, "unit_code", json_string(r->unit_code));
    json_object_set_new(root, "unit_name", json_string(e->unit_name));
    json_object_set_new(root, "period", jperiod(r->period));
    json_object_set_new(root, "known_at", json_string(r->known_at));
    json_t *bal = json_pack(
        "{sIsIsIsIsIsIsIsI}", "opening", (json_int_t)r->opening, "assessed",
        (json_int_t)r->assessed, "adjustment", (json_int_t)r->adjustment, "interest",
        (json_int_t)r->interest, "paid", (json_int_t)r->paid, "closing", (json_int_t)r->closing,
        "principal_due", (json_int_t)r->principal_due, "interest_due", (json_int_t)r->interest_due);
    json_object_set_new(bal, "months_owed_tenths",
                        r->months_owed_tenths < 0 ? json_null()
                                                  : json_integer(r->months_owed_tenths));
    json_object_set_new(bal, "bucket", json_string(r->bucket));
    json_object_set_new(bal, "oldest_unpaid_period", jperiod(r->oldest_unpaid));
    json_object_set_new(bal, "legal_status", json_string(r->legal_status));
    json_object_set_new(root, "balance", bal);
    json_t *lines = json_array();
    for (size_t i = 0; i < e->nlines; i++) {
        const struct tn_explain_assess *l = &e->lines[i];
        json_t *comp = json_array();
        for (int k = 0; k < TN_C_COUNT; k++) {
            if (l->rate[k] == 0 && l->amount[k] == 0)
                continue;
            json_array_append_new(
                comp, json_pack("{sssIsisI}", "component", tn_component_name((enum tn_component)k),
                                "base", (json_int_t)base_of(l, k), "rate_ppm", (int)l->rate[k],
                                "amount", (json_int_t)l->amount[k]));
        }
        json_t *o =
            json_pack("{sssosssIsIsIso}", "bhxh_code", l->bhxh_code, "for_period",
                      jperiod(l->for_period), "kind", l->adjustment ? "adjustment" : "assessed",
                      "salary", (json_int_t)l->salary, "base_si", (json_int_t)l->base_si, "base_ui",
                      (json_int_t)l->base_ui, "components", comp);
        json_object_set_new(o, "sources", json_string(l->sources));
        if (l->adjustment && l->deadline) {
            char d[TN_DAY_BUFSZ];
            tn_day_format(l->deadline, d);
            json_object_set_new(o, "deadline", json_string(d));
            json_object_set_new(o, "days_late", json_integer(l->days_late));
            json_object_set_new(o, "daily_rate_ppm", json_integer(l->daily_rate));
            if (l->evasion_from)
                tn_day_format(l->evasion_from, d);
            json_object_set_new(o, "evasion_from", l->evasion_from ? json_string(d) : json_null());
        }
        json_array_append_new(lines, o);
    }
    json_object_set_new(root, "lines", lines);
    json_t *interest = json_array();
    for (size_t i = 0; i < e->ninterest; i++) {
        const struct tn_explain_interest *it = &e->interest[i];
        json_t *o =
            json_pack("{sssssssosisIsisIss}", "group", it->group, "rule", it->rule, "status",
                      it->status, "accrual_month", jperiod(it->accrual_month), "days", it->days,
                      "principal", (json_int_t)it->principal, "rate_ppm", (int)it->rate, "amount",
                      (json_int_t)it->amount, "source", it->source);
        json_object_set_new(o, "from", it->from[0] ? json_string(it->from) : json_null());
        json_object_set_new(o, "to", it->to[0] ? json_string(it->to) : json_null());
        json_array_append_new(interest, o);
    }
    json_object_set_new(root, "interest", interest);
    json_t *alloc = json_array();
    for (size_t i = 0; i < e->nalloc; i++) {
        const struct tn_explain_alloc *al = &e->alloc[i];
        json_array_append_new(alloc, json_pack("{sssssosssssI}", "txn_id", al->txn_id, "paid_on",
                                               al->paid_on, "target_period", jperiod(al->target),
                                               "group", al->group, "part", al->part, "amount",
                                               (json_int_t)al->amount));
    }
    json_object_set_new(root, "allocations", alloc);
    json_t *findings = json_array();
    for (size_t i = 0; i < e->nfindings; i++)
        json_array_append_new(findings,
                              json_pack("{sssosIsI}", "bhxh_code", e->findings[i].bhxh_code,
                                        "for_period", jperiod(e->findings[i].for_period), "base",
                                        (json_int_t)e->findings[i].base, "floor",
                                        (json_int_t)e->findings[i].floor));
    json_object_set_new(root, "findings", findings);
    json_t *opening = json_array();
    for (size_t i = 0; i < e->nopening; i++) {
        const struct tn_explain_opening *o = &e->opening[i];
        json_array_append_new(
            opening, json_pack("{sosssIsIssss}", "period", jperiod(o->period), "fund", o->fund,
                               "principal", (json_int_t)o->principal, "interest",
                               (json_int_t)o->interest, "as_of", o->as_of, "source", o->source));
    }
    json_object_set_new(root, "opening_balances", opening);
    int rc = json_dumpf(root, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    fputc('\n', f);
    json_decref(root);
    return rc || ferror(f) ? TN_ERR_IO : TN_OK;
}
