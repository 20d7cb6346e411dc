/*
 * gen_cases.c - the synthetic province's debt cases (docs/gen.md "Cases"; the state machine
 * and its events: docs/cases.md, src/core/case.c).
 *
 * A unit of the chronic profile that still owes at the window's end gets a case; an irregular
 * payer that is three months or more behind gets the first reminders. Each case follows one
 * scenario of the table below, taken in turn so that every stage of the ladder and of the
 * court path is present: the scenario is a history that the state machine accepts, laid out
 * from two months after the unpaid run began to the window's last day (its nominal gaps are
 * squeezed, never more than fourfold, when the debt is recent). Amounts come from the ledger
 * the generator wrote: a lawsuit claims what the unit owes that day (principal; the interest
 * is left to the court's own count), settlements and judgments award it, and recoveries are
 * payments with the case's case_id, never more than the claim.
 */
#include "gen/gen_int.h"

#include <string.h>

enum op_kind { END, EV, PAY, PLAN };
enum amount { A_NONE = -1, A_CLAIM = -2, A_FINE = -3, A_REMAINDER = -4 };
enum plan_mode { P_TRACK, P_DEFAULT, P_MISS, P_FULL };

/* One step. EV: event with amount (enum amount, or per mille of the claim), outcome, office
 * kind (c court, t enforcement office, b bank, p another province) and note. PAY: a payment
 * of per_mille of the claim (of the debt that day before any claim) by channel. PLAN:
 * mediation_settled for the claim, then n monthly instalments of which paid are paid. */
struct op {
    enum op_kind op;
    short gap; /* nominal days since the previous step */
    const char *event;
    short amount;
    const char *outcome;
    char office;
    const char *note;
    const char *channel;
    short n, paid;
    enum plan_mode mode;
};

#define E(g, ev, amt, out, off, nt)                                                                \
    {                                                                                              \
        .op = EV, .gap = (g), .event = (ev), .amount = (amt), .outcome = (out), .office = (off),   \
        .note = (nt)                                                                               \
    }
#define R1        E(5, "reminder_sent", A_NONE, "", 0, "Đôn đốc lần 1")
#define R2        E(30, "reminder_sent", A_NONE, "", 0, "Đôn đốc lần 2")
#define INSP      E(30, "inspection_concluded", A_NONE, "", 0, "Kết luận thanh tra: chậm đóng")
#define FINE      E(15, "fine_decided", A_FINE, "", 0, "Quyết định xử phạt vi phạm hành chính")
#define DED       E(20, "deduction_ordered", A_NONE, "", 'b', "")
#define REF       E(30, "deduction_refused", A_NONE, "", 'b', "Tài khoản không đủ số dư")
#define PUB       E(30, "published", A_NONE, "", 0, "Công khai trên báo tỉnh")
#define CRIM      E(30, "criminal_referral", A_NONE, "", 0, "Chuyển cơ quan Cảnh sát điều tra")
#define SUE       E(30, "lawsuit_filed", A_CLAIM, "", 'c', "")
#define JUDG      E(120, "judgment", A_CLAIM, "", 'c', "")
#define REQ       E(20, "enforcement_requested", A_NONE, "", 't', "")
#define DEC       E(5, "enforcement_decided", A_NONE, "", 't', "")
#define ASSETS(o) E(20, "assets_verified", A_NONE, (o), 't', "")
#define MEASURE   E(30, "measure_applied", 400, "", 't', "Phong tỏa tài khoản, kê biên tài sản")
#define SUSP      E(20, "suspended_no_assets", A_NONE, "", 't', "Chưa có điều kiện thi hành")
#define CLOSE(o)  E(30, "closed", A_NONE, (o), 0, "")
#define PAYS(g, pm, ch)                                                                            \
    {                                                                                              \
        .op = PAY, .gap = (g), .amount = (pm), .channel = (ch)                                     \
    }
#define MEDIATE(count, npaid, m)                                                                   \
    {                                                                                              \
        .op = PLAN, .gap = 90, .event = "mediation_settled", .amount = A_CLAIM, .office = 'c',     \
        .note = "Hòa giải thành", .n = (count), .paid = (npaid), .mode = (m)                       \
    }
#define COURT_ENF SUE, JUDG, REQ, DEC

/* clang-format off */
static const struct scenario {
    const char *name;
    struct op ops[14];
} scenarios[] = {
    {"reminder", {R1}},
    {"second_reminder", {R1, R2}},
    {"inspection", {R1, R2, INSP}},
    {"fine", {R1, R2, INSP, FINE}},
    {"deduction_ordered", {R1, R2, INSP, FINE, DED}},
    {"deduction_refused", {R1, R2, INSP, FINE, DED, REF}},
    {"published", {R1, R2, INSP, FINE, DED, REF, PUB}},
    {"criminal_referral", {R1, R2, INSP, FINE, DED, REF, PUB, CRIM}},
    {"lawsuit_pending", {R1, R2, SUE}},
    {"mediated_on_track", {R1, SUE, MEDIATE(6, 0, P_TRACK)}},
    {"mediated_defaulted", {R1, SUE, MEDIATE(4, 1, P_DEFAULT), REQ}},
    {"mediated_missed", {R1, SUE, MEDIATE(3, 1, P_MISS)}},
    {"judgment", {R1, SUE, JUDG}},
    {"enforcement_requested", {R1, SUE, JUDG, REQ}},
    {"enforcement_decided", {R1, COURT_ENF}},
    {"assets_found", {COURT_ENF, ASSETS("assets")}},
    {"assets_pledged", {COURT_ENF, ASSETS("pledged")}},
    {"measure_applied", {COURT_ENF, ASSETS("assets"), MEASURE, PAYS(10, 400, "enforcement")}},
    {"entrusted", {COURT_ENF, E(15, "entrusted", A_NONE, "", 'p', "Ủy thác thi hành án")}},
    {"suspended_no_assets", {COURT_ENF, ASSETS("none"), SUSP}},
    {"closed_full_mediation", {R1, SUE, MEDIATE(3, 3, P_FULL), CLOSE("full")}},
    {"closed_partial", {COURT_ENF, ASSETS("assets"), MEASURE, PAYS(10, 400, "enforcement"),
                        CLOSE("partial")}},
    {"closed_none", {COURT_ENF, ASSETS("none"), SUSP, CLOSE("none")}},
    {"appeal_changed", {SUE, JUDG, E(60, "appeal_changed", 800, "", 'c', "Bản án phúc thẩm")}},
    {"appeal_reopened", {SUE, JUDG, PAYS(20, 300, "judgment"), CLOSE("partial"),
                         E(60, "appeal_changed", 900, "", 'c', "Giám đốc thẩm")}},
    {"closed_after_reminders", {R1, R2, PAYS(20, 1000, "transfer"), CLOSE("full")}},
    {"withdrawn", {R1, SUE, PAYS(20, 1000, "transfer"), E(10, "withdrawn", A_NONE, "", 'c',
                                                          "Đơn vị đã nộp đủ, rút đơn")}},
};
/* clang-format on */
enum { NSCENARIOS = sizeof scenarios / sizeof scenarios[0], NREMINDERS = 2 };

/* One case being written (or, with dry, only measured). */
struct cb {
    struct tn__case_gen *c;
    const char *unit;
    const struct tn__owing *o;
    int dry;
    long total, steps; /* dry: nominal days and steps */
    long num, den;     /* gaps are scaled by num / den */
    tn_day day;        /* the last step's day */
    char id[32];
    int seq, pays;
    tn_money claimed; /* the lawsuit's claim (0 before one) */
};

static tn_day step(struct cb *b, long gap)
{
    if (b->dry) {
        b->total += gap;
        b->steps++;
        return b->day;
    }
    long g = gap * b->num / b->den;
    b->day += (tn_day)(g < 1 ? 1 : g);
    return b->day;
}

/* What the unit owes on day d: the months of its unpaid run up to the one before d's. */
static tn_money owed_at(const struct cb *b, tn_day d)
{
    int upto = tn_day_period(d) - b->c->start - 1;
    tn_money sum = 0;
    for (int k = b->o->from; k <= upto && k < b->c->months; k++)
        sum += b->o->due[k];
    if (sum < 1000) /* a run that began with a cycle's empty months */
        for (int k = b->o->from; k < b->c->months; k++)
            sum += b->o->due[k];
    return sum;
}

static tn_money thousands(tn_money m)
{
    return m / 1000 * 1000;
}

static void office_name(const struct cb *b, char kind, char *out, size_t n)
{
    int d = b->o->district;
    switch (kind) {
    case 'c':
        snprintf(out, n, d ? "TAND quận %d" : "TAND thành phố", d);
        break;
    case 't':
        snprintf(out, n, d ? "Chi cục THADS quận %d" : "Cục THADS thành phố", d);
        break;
    case 'b':
        snprintf(out, n, "Ngân hàng TMCP Ngoại thương Việt Nam");
        break;
    case 'p':
        snprintf(out, n, "Cục THADS tỉnh Bình Dương");
        break;
    default:
        out[0] = '\0';
    }
}

/* Writes one CSV text cell (the generator's texts hold no quotes). */
static void text(FILE *f, const char *s)
{
    if (strchr(s, ','))
        fprintf(f, "\"%s\"", s);
    else
        fputs(s, f);
}

static void event(struct cb *b, tn_day d, const char *ev, tn_money amount, const char *outcome,
                  char kind, const char *note)
{
    if (b->dry)
        return;
    char day[TN_DAY_BUFSZ], off[64];
    tn_day_format(d, day);
    if (!b->id[0])
        snprintf(b->id, sizeof b->id, "HS-%.4s-%05ld", day, ++b->c->next_id);
    office_name(b, kind, off, sizeof off);
    fprintf(b->c->events, "%s,%d,%s,%s,%s,", b->id, ++b->seq, b->unit, ev, day);
    if (amount > 0)
        fprintf(b->c->events, "%lld", (long long)amount);
    fprintf(b->c->events, ",%s,", outcome);
    text(b->c->events, off);
    fputc(',', b->c->events);
    text(b->c->events, note);
    fputc('\n', b->c->events);
    b->c->events_written++;
}

static void payment(struct cb *b, tn_day d, tn_money amount, const char *channel)
{
    if (b->dry || amount <= 0 || d > b->c->last)
        return;
    char day[TN_DAY_BUFSZ];
    tn_day_format(d, day);
    fprintf(b->c->pays, "%s-T%d,%s,%s,%lld,%s,%s %s,,%s,\n", b->id, ++b->pays, b->unit, day,
            (long long)amount, channel, b->id, b->unit, b->id);
    b->c->payments++;
}

static void plan_row(struct cb *b, int seq, tn_day due, tn_money amount)
{
    if (b->dry)
        return;
    char day[TN_DAY_BUFSZ];
    tn_day_format(due, day);
    fprintf(b->c->plans, "%s,%d,%s,%lld\n", b->id, seq, day, (long long)amount);
    b->c->plans_written++;
}

/* mediation_settled for the claim, its plan, the instalments paid on their due days and what
 * the mode makes of the first unpaid one. */
static void mediate(struct cb *b, const struct op *op)
{
    tn_day d = step(b, op->gap);
    tn_money settled = b->claimed, paid = 0;
    event(b, d, op->event, settled, "", op->office, op->note);
    tn_money each = thousands(settled / op->n);
    tn_day due = d;
    for (int i = 1; i <= op->n; i++) {
        /* on track: the plan runs on past the window; otherwise its dues are part of the
         * history up to the first one missed */
        int in_history = op->mode != P_TRACK && i <= op->paid + 1;
        due = in_history ? step(b, 30) : due + 30;
        tn_money amount = i < op->n ? each : settled - each * (op->n - 1);
        plan_row(b, i, due, amount);
        if (i <= op->paid || (op->mode == P_TRACK && due <= b->c->last)) {
            payment(b, due, amount, "mediation");
            paid += amount;
        } else if (in_history && op->mode == P_DEFAULT) {
            /* LAW: docs/cases.md: the miss is detected the day after the due day */
            event(b, step(b, 1), "plan_defaulted", settled - paid, "", 0, "Vi phạm lộ trình");
        } else if (in_history && op->mode == P_MISS) {
            step(b, 1); /* left for `thuno case sweep` to find */
        }
    }
}

static void run(struct cb *b, const struct scenario *s)
{
    for (const struct op *op = s->ops; op->op != END; op++) {
        if (op->op == PLAN) {
            mediate(b, op);
            continue;
        }
        tn_day d = step(b, op->gap);
        tn_money base = b->claimed ? b->claimed : owed_at(b, d);
        if (op->op == PAY) {
            payment(b, d, thousands(base * op->amount / 1000), op->channel);
            continue;
        }
        tn_money amount = -1;
        if (op->amount == A_CLAIM) {
            /* a judgment awards the claim; a lawsuit claims what is owed that day */
            if (!b->claimed)
                b->claimed = thousands(owed_at(b, d));
            amount = b->claimed;
        } else if (op->amount == A_FINE) {
            /* the middle of an organisation's range, 24-30% (docs/cases.md), at most 150M */
            amount = thousands(base * 27 / 100);
            if (amount > 150000000)
                amount = 150000000;
        } else if (op->amount > 0) {
            amount = thousands(base * op->amount / 1000);
        }
        event(b, d, op->event, amount, op->outcome, op->office, op->note);
    }
}

void tn__case_gen_unit(struct tn__case_gen *c, const char *unit, const struct tn__owing *o)
{
    tn_money owed = 0;
    for (int k = o->from; k < c->months; k++)
        owed += o->due[k];
    if (c->months - o->from < 3 || owed < 1000000)
        return; /* not yet two months past a deadline, or too little to pursue */
    tn_day t0 = tn_period_first_day(c->start + o->from + 2) + (tn_day)tn__rng_range(&c->rng, 0, 9);
    if (t0 >= c->last)
        return;
    long avail = c->last - t0, n = o->chronic ? NSCENARIOS : NREMINDERS;
    for (long k = 0; k < n; k++) {
        const struct scenario *s = &scenarios[(c->next_scenario + k) % n];
        struct cb b = {.c = c, .unit = unit, .o = o, .dry = 1, .day = t0};
        run(&b, s);
        /* squeezed at most fourfold, and every step at least a day */
        if (avail - b.steps < b.total / 4 || avail < b.steps)
            continue;
        struct cb w = {.c = c, .unit = unit, .o = o, .day = t0, .num = 1, .den = 1};
        if (b.total > avail - b.steps) {
            w.num = avail - b.steps;
            w.den = b.total;
        }
        run(&w, s);
        c->cases++;
        if (o->chronic)
            c->next_scenario = (c->next_scenario + k + 1) % NSCENARIOS;
        return;
    }
}
