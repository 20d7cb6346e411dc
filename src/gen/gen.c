/*
 * gen.c - the synthetic province (see gen.h; distributions in docs/gen.md).
 *
 * Units are generated one at a time: the unit, its workers with their declaration history,
 * what it owes each month (tn_assess_worker, exactly as the close computes it) and how it
 * pays according to its behaviour. Randomness is xoshiro256** seeded by splitmix64, so the
 * files depend only on the parameters. Counts, not money, use the PRNG; money is integer.
 */
#include "thuno/gen.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "gen/gen_int.h"
#include "gen/gen_names.h"
#include "thuno/assess.h"
#include "thuno/mem.h"
#include "thuno/text.h"

void tn__rng_seed(struct tn__rng *r, uint64_t x)
{
    for (int i = 0; i < 4; i++) {
        uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        r->s[i] = z ^ (z >> 31);
    }
}

static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

uint64_t tn__rng_next(struct tn__rng *r)
{
    uint64_t result = rotl(r->s[1] * 5, 7) * 9, t = r->s[1] << 17;
    r->s[2] ^= r->s[0];
    r->s[3] ^= r->s[1];
    r->s[1] ^= r->s[2];
    r->s[0] ^= r->s[3];
    r->s[2] ^= t;
    r->s[3] = rotl(r->s[3], 45);
    return result;
}

long tn__rng_range(struct tn__rng *r, long lo, long hi)
{
    uint64_t x = tn__rng_next(r); /* drawn either way: the stream does not depend on bounds */
    return hi <= lo ? lo : lo + (long)(x % (uint64_t)(hi - lo + 1));
}

int tn__rng_chance(struct tn__rng *r, int per_mille)
{
    return (long)(tn__rng_next(r) % 1000) < per_mille;
}

static long range(struct tn__rng *r, long lo, long hi)
{
    return tn__rng_range(r, lo, hi);
}

static int chance(struct tn__rng *r, int per_mille)
{
    return tn__rng_chance(r, per_mille);
}

static const struct tn__word *pick(struct tn__rng *r, const struct tn__word *w, size_t n)
{
    return &w[tn__rng_next(r) % n];
}

/* Writes s as one CSV cell (quoted when it needs to be). */
static void cell(FILE *f, const char *s)
{
    if (strpbrk(s, ",\"\n\r")) {
        fputc('"', f);
        for (; *s; s++) {
            if (*s == '"')
                fputc('"', f);
            fputc(*s, f);
        }
        fputc('"', f);
    } else {
        fputs(s, f);
    }
}

enum behaviour { ON_TIME, LATE, PARTIAL, CHRONIC, IRREGULAR };

struct worker {
    char code[11];
    int female;
    tn_period join, leave; /* leave: first month without contributions, or past the end */
    tn_money salary[64];   /* by month of the window (capped at 64 months of detail) */
    unsigned funds;
};

struct gen {
    const struct tn_policy *pol;
    const struct tn_gen_params *p;
    struct tn__rng rng;
    struct tn__rng memo_rng;        /* the memos of payer-unknown payments: its own stream */
    const char *cur_tax, *cur_name; /* the unit being written, for those memos */
    tn_period start;
    FILE *units, *workers, *decls, *pays, *officers, *registry;
    long worker_seq, txn_seq, nofficers_qlt;
    int ndistricts;
    struct tn_gen_stats st;
    struct tn__case_gen cases;
    struct worker *w;
    size_t capw;
    tn_money *due; /* by month: what the unit owes */
    char *msg;
    size_t msgsz;
};

static void person(struct gen *g, int female, char *out, size_t n)
{
    const struct tn__word *fam = pick(&g->rng, tn__family, tn__nfamily);
    const struct tn__word *mid = female ? pick(&g->rng, tn__middle_f, tn__nmiddle_f)
                                        : pick(&g->rng, tn__middle_m, tn__nmiddle_m);
    const struct tn__word *giv = female ? pick(&g->rng, tn__given_f, tn__ngiven_f)
                                        : pick(&g->rng, tn__given_m, tn__ngiven_m);
    snprintf(out, n, "%s %s %s", fam->vi, mid->vi, giv->vi);
}

static void day_text(tn_day d, char buf[static TN_DAY_BUFSZ])
{
    tn_day_format(d, buf);
}

static tn_day day_in(struct gen *g, tn_period p, int lo, int hi)
{
    int days = tn_period_days(p);
    if (hi > days)
        hi = days;
    return tn_period_first_day(p) + (tn_day)range(&g->rng, lo, hi) - 1;
}

static tn_money round_thousand(tn_money m)
{
    return (m + 500) / 1000 * 1000;
}

static void write_officers(struct gen *g)
{
    long n = g->p->units / 60 + 4;
    g->nofficers_qlt = 0;
    fputs("officer_code,full_name,department,office_code,active\n", g->officers);
    for (long i = 1; i <= n; i++) {
        const char *dept = i == 1        ? "director"
                           : i == 2      ? "legal"
                           : i % 10 == 3 ? "TTKT"
                           : i % 5 == 4  ? "KTTN"
                                         : "QLT";
        char name[96];
        person(g, chance(&g->rng, 500), name, sizeof name);
        int office = strcmp(dept, "QLT") == 0 ? (int)(i % (g->ndistricts + 1)) : 0;
        fprintf(g->officers, "O%05ld,%s,%s,%s%03d,1\n", i, name, dept, g->p->province, office);
        g->st.officers++;
    }
}

/* The officer responsible for a unit: a QLT officer (number not 1, 2 and not 3 or 4 modulo
 * their department step, see write_officers) of the unit's office when there is one, else
 * any QLT officer. */
static long officer_for(struct gen *g, long unit, int district)
{
    long n = g->p->units / 60 + 4, any = 0;
    for (long k = 0; k < n; k++) {
        long i = 1 + (unit * 7 + k) % n;
        if (i > 2 && i % 10 != 3 && i % 5 != 4) {
            if (i % (g->ndistricts + 1) == district)
                return i;
            if (!any)
                any = i;
        }
    }
    return any ? any : 1;
}

/* Unit size: a heavy tail (docs/gen.md), scaled so sizes average workers / units. */
static long unit_size(struct gen *g)
{
    long roll = range(&g->rng, 1, 1000), raw;
    if (roll <= 600)
        raw = range(&g->rng, 1, 10);
    else if (roll <= 850)
        raw = range(&g->rng, 11, 50);
    else if (roll <= 960)
        raw = range(&g->rng, 51, 200);
    else if (roll <= 995)
        raw = range(&g->rng, 201, 1000);
    else
        raw = range(&g->rng, 1001, 5000);
    long mean = g->p->workers / g->p->units; /* the raw mix averages about 60 */
    long size = raw * (mean > 0 ? mean : 1) / 60;
    return size < 1 ? 1 : size;
}

static tn_err min_wage(struct gen *g, int region, tn_period p, tn_money *out)
{
    const struct tn_amount_entry *e;
    tn_err err = tn_policy_min_wage(g->pol, region, p, &e);
    if (err) {
        char buf[TN_PERIOD_BUFSZ];
        tn_period_format(p, buf);
        snprintf(g->msg, g->msgsz, "no regional minimum wage in policy/ for %s", buf);
        return err;
    }
    *out = e->amount;
    return TN_OK;
}

static void decl(struct gen *g, const char *unit, const struct worker *w, tn_period from,
                 const char *kind, tn_money salary, tn_period declared, int lo, int hi)
{
    char fp[TN_PERIOD_BUFSZ], dd[TN_DAY_BUFSZ];
    tn_period end = g->p->end;
    if (declared > end)
        declared = end;
    tn_period_format(from, fp);
    day_text(day_in(g, declared, lo, hi), dd);
    const char *funds = w->funds == TN_FUND_ALL ? "" : "\"BHXH,BHYT,TNLD\"";
    if (salary > 0)
        fprintf(g->decls, "%s,%s,%s,%s,%lld,%s,%s,%s\n", unit, w->code, fp, kind, (long long)salary,
                funds, dd, declared > from ? "truy thu" : "");
    else
        fprintf(g->decls, "%s,%s,%s,%s,,%s,%s,%s\n", unit, w->code, fp, kind, funds, dd,
                declared > from ? "thoái thu" : "");
    g->st.declarations++;
}

/* When a change of month `from` is filed: mostly in its first days, sometimes 1-3 months
 * later (back-dated: truy thu / thoái thu). */
static tn_period filed(struct gen *g, tn_period from, int per_mille)
{
    return chance(&g->rng, per_mille) ? from + (tn_period)range(&g->rng, 1, 3) : from;
}

static tn_err gen_workers(struct gen *g, const char *unit, const struct tn_unit_facts *facts,
                          int cooperative, tn_period first, tn_period stop, long n)
{
    tn_period start = g->start, end = g->p->end;
    int months = g->p->months;
    TN_GROW(g->w, g->capw, (size_t)n);
    for (long i = 0; i < n; i++) {
        struct worker *w = &g->w[i];
        memset(w, 0, sizeof *w);
        snprintf(w->code, sizeof w->code, "%s%08ld", g->p->province, ++g->worker_seq % 100000000);
        w->female = chance(&g->rng, 480);
        w->funds = cooperative && chance(&g->rng, 300) ? TN_FUND_BHXH | TN_FUND_BHYT | TN_FUND_TNLD
                                                       : TN_FUND_ALL;
        w->join =
            first > start || chance(&g->rng, 200) ? (tn_period)range(&g->rng, first, end) : start;
        w->leave = chance(&g->rng, 150) && w->join < end
                       ? (tn_period)range(&g->rng, w->join + 1, end)
                       : end + 1;
        if (stop < w->leave)
            w->leave = stop > w->join ? stop : w->join + 1;
        char name[96], birth[TN_DAY_BUFSZ];
        person(g, w->female, name, sizeof name);
        tn_day b;
        tn_day_make((int)range(&g->rng, 1965, 2006), (int)range(&g->rng, 1, 12),
                    (int)range(&g->rng, 1, 28), &b);
        day_text(b, birth);
        fprintf(g->workers, "%s,%s,%s,%s,", w->code, name, birth, w->female ? "F" : "M");
        if (chance(&g->rng, 900))
            fprintf(g->workers, "0%s%09ld", g->p->province, g->worker_seq % 1000000000);
        fputc('\n', g->workers);
        g->st.workers++;

        /* salary history: a multiple of the regional minimum, raises each January, never
         * left below a new minimum except for the few who are declared below it */
        tn_money mw, salary;
        tn_err err = min_wage(g, facts->wage_region, w->join, &mw);
        if (err)
            return err;
        int under = chance(&g->rng, 5), high = chance(&g->rng, 10);
        salary = high ? range(&g->rng, 60, 120) * 1000000
                      : round_thousand(mw * range(&g->rng, 100, 300) / 100);
        if (under)
            salary = mw - 100000;
        tn_period from = w->join;
        decl(g, unit, w, from, "increase", salary, filed(g, from, 20), 1, 5);
        for (tn_period p = w->join; p < w->leave && p <= end; p++) {
            tn_money next_salary = salary;
            if (p > w->join && p % 12 == 0)
                next_salary = round_thousand(salary * range(&g->rng, 103, 110) / 100);
            if ((err = min_wage(g, facts->wage_region, p, &mw)))
                return err;
            if (!under && next_salary < mw)
                next_salary = round_thousand(mw * 105 / 100);
            if (next_salary != salary) {
                salary = next_salary;
                decl(g, unit, w, p, "adjust", salary, filed(g, p, 20), 1, 10);
            }
            if (p - start < 64)
                w->salary[p - start] = salary;
        }
        if (w->leave <= end)
            decl(g, unit, w, w->leave, "decrease", 0, filed(g, w->leave, 50), 1, 10);
    }
    /* what the unit owes each month, as the close will assess it */
    memset(g->due, 0, (size_t)months * sizeof *g->due);
    for (long i = 0; i < n; i++) {
        for (int m = 0; m < months && m < 64; m++) {
            if (!g->w[i].salary[m])
                continue;
            struct tn_assessment a;
            tn_err err =
                tn_assess_worker(g->pol, facts, start + m, g->w[i].salary[m], g->w[i].funds, &a);
            if (err) {
                char buf[TN_PERIOD_BUFSZ];
                tn_period_format(start + m, buf);
                snprintf(g->msg, g->msgsz, "no rates or caps in policy/ for %s", buf);
                return err;
            }
            g->due[m] += a.total;
        }
    }
    return TN_OK;
}

/* s lower-cased in place (ASCII). */
static void lower(char *s)
{
    for (; *s; s++)
        if (*s >= 'A' && *s <= 'Z')
            *s = (char)(*s - 'A' + 'a');
}

/* s with its spaces removed, in place. */
static void squeeze(char *s)
{
    char *o = s;
    for (; *s; s++)
        if (*s != ' ')
            *o++ = *s;
    *o = '\0';
}

/* The memo of a payment the bank could not tie to a payer, as a person types it (docs/gen.md
 * "Suspense memos"), drawn from g->memo_rng only so the other files keep their bytes: 40% the
 * unit code, 25% the tax code, 15% the full name folded to ASCII, 12% only the short trade
 * name (shared by many units), 3% two units' codes (ambiguous), 5% nothing useful. No commas
 * (a CSV cell). */
static void unknown_memo(struct gen *g, const char *unit, const char *ascii, tn_period for_month,
                         char *out, size_t outsz)
{
    static const char *const lead[] = {"nop tien", "chuyen tien", "ck", "nop", "dong", ""};
    static const char *const what[] = {"bhxh", "bhxh bhyt bhtn", "bao hiem", "tien bh", "bh"};
    static const char *const junk[] = {"chuyen tien", "thanh toan", "ck nhanh",
                                       "nop tien",    "IBFT",       "tien bao hiem"};
    struct tn__rng *r = &g->memo_rng;
    int mo = for_month % 12 + 1, yr = for_month / 12;
    const char *l = lead[tn__rng_next(r) % 6], *w = what[tn__rng_next(r) % 5];
    long kind = tn__rng_range(r, 1, 100), style = tn__rng_range(r, 1, 4);
    char code[32], tail[64];
    snprintf(tail, sizeof tail, style <= 2 ? "thang %d nam %d" : "T%d/%d", mo, yr);
    if (kind <= 40) {
        snprintf(code, sizeof code, "%s", unit);
        if (style == 1 || style == 3)
            lower(code);
        if (style == 4) /* no spaces: the code kept apart by punctuation */
            snprintf(out, outsz, "%s.%s.%s", code, w, tail);
        else
            snprintf(out, outsz, "%s%s%s %s %s", l, l[0] ? " " : "", code, w, tail);
        if (style == 4)
            squeeze(out);
    } else if (kind <= 65) {
        snprintf(out, outsz,
                 style == 1   ? "MST %s %s %s"
                 : style == 2 ? "mst%s %s %s"
                 : style == 3 ? "ma so thue %s nop %s %s"
                              : "%s-%s-%s",
                 g->cur_tax, w, tail);
    } else if (kind <= 80) {
        char folded[200];
        tn_text_ascii_fold(g->cur_name, folded, sizeof folded);
        if (style <= 2)
            lower(folded);
        snprintf(out, outsz, "%s %s %s", folded, w, tail);
    } else if (kind <= 92) {
        snprintf(out, outsz, "%s %s %s", ascii, w, tail);
        if (style == 2)
            lower(out);
    } else if (kind <= 95 && strtol(unit + 2, NULL, 10) > 1) {
        /* one transfer for two units of a group: the unit's code and the previous unit's */
        long prev = strtol(unit + 2, NULL, 10) - 1;
        snprintf(out, outsz, "nop %s cho 2 don vi %s YN%06ld%c %s", w, unit, prev,
                 'A' + (int)(prev % 26), tail);
    } else {
        snprintf(out, outsz, "%s", junk[tn__rng_next(r) % 6]);
    }
    for (char *c = out; *c; c++)
        if (*c == ',' || *c == '"')
            *c = ' ';
}

static void payment(struct gen *g, const char *unit, const char *ascii, tn_day d,
                    tn_period for_month, tn_money amount, const char *channel)
{
    if (d > tn_period_last_day(g->p->end) || amount <= 0)
        return;
    char dd[TN_DAY_BUFSZ], ymd[9];
    day_text(d, dd);
    snprintf(ymd, sizeof ymd, "%.4s%.2s%.2s", dd, dd + 5, dd + 8);
    long seq = ++g->txn_seq;
    int unknown = chance(&g->rng, 3);
    if (unknown) {
        char memo[320];
        unknown_memo(g, unit, ascii, for_month, memo, sizeof memo);
        fprintf(g->pays, "VCB%s%07ld,,%s,%lld,%s,%s,,,\n", ymd, seq, dd, (long long)amount, channel,
                memo);
    } else {
        fprintf(g->pays, "VCB%s%07ld,%s,%s,%lld,%s,%s %s dong bhxh thang %d nam %d,,,\n", ymd, seq,
                unit, dd, (long long)amount, channel, unit, ascii, for_month % 12 + 1,
                for_month / 12);
    }
    g->st.payments++;
    if (!unknown && chance(&g->rng, 2) && d + 3 <= tn_period_last_day(g->p->end)) {
        /* a transfer returned by the bank, then paid again */
        char rd[TN_DAY_BUFSZ];
        day_text(d + 3, rd);
        fprintf(g->pays, "VCB%s%07ldR,%s,%s,%lld,%s,hoan tra giao dich,,,VCB%s%07ld\n", ymd, seq,
                unit, rd, (long long)amount, channel, ymd, seq);
        g->st.payments++;
        if (d + 6 <= tn_period_last_day(g->p->end)) {
            day_text(d + 6, rd);
            fprintf(g->pays, "VCB%s%07ldB,%s,%s,%lld,%s,%s nop lai,,,\n", ymd, seq, unit, rd,
                    (long long)amount, channel, unit);
            g->st.payments++;
        }
    }
}

/* A day to pay the contributions of period p (or of the cycle ending with p) on time: in
 * the last ten days before the policy's deadline. */
static tn_day on_time(struct gen *g, const struct tn_unit_facts *facts, tn_period p)
{
    tn_day dl;
    if (tn_policy_deadline(g->pol, TN_G_BHXH, facts->payment_cycle, p, &dl, NULL))
        dl = tn_period_last_day(p + 1);
    return dl - (tn_day)range(&g->rng, 0, 10);
}

/* A day in month p, in its first three weeks. */
static tn_day in_month(struct gen *g, tn_period p)
{
    return day_in(g, p, 5, 25);
}

/* Writes the unit's payments. *owing_from is the month index where the unpaid run of a
 * chronic or irregular payer that still owes at the window's end begins, else -1. */
static void pay_unit(struct gen *g, const char *unit, const char *ascii,
                     const struct tn_unit_facts *facts, enum behaviour b, tn_period stop,
                     int *owing_from)
{
    int months = g->p->months, cycle = facts->payment_cycle;
    tn_period start = g->start;
    tn_money carried = 0;
    int chronic_stop = (int)range(&g->rng, months / 4, months * 3 / 4 + 1);
    int lump = chance(&g->rng, 500) ? (int)range(&g->rng, chronic_stop + 3, months + 2) : -1;
    int run = -1; /* where the carried debt began */
    for (int m = 0; m < months; m++) {
        tn_period p = start + m;
        if (p >= stop)
            break; /* a unit that stopped trading stops paying */
        /* a 3/6-monthly payer pays its cycle at the cycle's deadline */
        if (cycle > 1 && (p % 12) % cycle != cycle - 1)
            continue;
        tn_money amount = 0;
        for (int k = 0; k < cycle && m - k >= 0; k++)
            amount += g->due[m - k];
        const char *channel = chance(&g->rng, 100) ? "cash" : "transfer";
        switch (b) {
        case ON_TIME:
            /* pays the notice, rounded up to 10,000 đồng: the small credit absorbs the odd
             * interest of a back-dated change */
            payment(g, unit, ascii, on_time(g, facts, p), p, (amount + 9999) / 10000 * 10000,
                    channel);
            break;
        case LATE:
            payment(g, unit, ascii, in_month(g, p + (tn_period)range(&g->rng, 2, 3)), p, amount,
                    channel);
            break;
        case PARTIAL:
            payment(g, unit, ascii, on_time(g, facts, p), p, amount * range(&g->rng, 60, 90) / 100,
                    channel);
            break;
        case CHRONIC:
            if (m < chronic_stop) {
                payment(g, unit, ascii, on_time(g, facts, p), p, amount, channel);
            } else {
                if (!carried && amount > 0)
                    run = m - cycle + 1 > 0 ? m - cycle + 1 : 0;
                carried += amount;
                if (m == lump) {
                    payment(g, unit, ascii, in_month(g, p + 1), p, carried, "forced_deduction");
                    carried = 0;
                }
            }
            break;
        case IRREGULAR:
            if (!carried && amount > 0)
                run = m - cycle + 1 > 0 ? m - cycle + 1 : 0;
            carried += amount;
            if (!chance(&g->rng, 350)) {
                payment(g, unit, ascii, in_month(g, p + 1), p, carried, channel);
                carried = 0;
            }
            break;
        }
    }
    *owing_from = carried > 0 ? run : -1;
}

static const char *const type_names[] = {"state",  "fdi",       "private", "cooperative",
                                         "public", "household", "other"};

static tn_err gen_unit(struct gen *g, long idx)
{
    struct tn__rng *r = &g->rng;
    char code[24], tax[32];
    snprintf(code, sizeof code, "YN%06ld%c", idx, 'A' + (int)(idx % 26));
    snprintf(tax, sizeof tax, "03%08ld", idx);
    long roll = range(r, 1, 1000);
    enum tn_unit_type type = roll <= 700   ? TN_UT_PRIVATE
                             : roll <= 780 ? TN_UT_FDI
                             : roll <= 830 ? TN_UT_STATE
                             : roll <= 900 ? TN_UT_PUBLIC
                             : roll <= 950 ? TN_UT_COOPERATIVE
                             : roll <= 980 ? TN_UT_HOUSEHOLD
                                           : TN_UT_OTHER;
    int region = (int)(roll = range(r, 1, 100)) <= 30 ? 1 : roll <= 60 ? 2 : roll <= 85 ? 3 : 4;
    int cycle = type == TN_UT_COOPERATIVE && chance(r, 500) ? (chance(r, 800) ? 3 : 6) : 1;
    tn_period start = g->start, end = g->p->end;
    tn_day reg;
    tn_period first = start;
    if (chance(r, 850)) {
        tn_day lo, hi = tn_period_first_day(start) - 1;
        tn_day_make(2010, 1, 1, &lo);
        reg = lo + (tn_day)range(r, 0, hi > lo ? hi - lo : 0);
    } else {
        first = (tn_period)range(r, start, end);
        reg = day_in(g, first, 1, 28);
    }
    const char *status = "active";
    tn_period stop = end + 1;
    roll = range(r, 1, 1000);
    if (roll > 920) {
        status = roll <= 960   ? "suspended"
                 : roll <= 980 ? "dissolved"
                 : roll <= 990 ? "bankrupt"
                               : "absconded";
        stop = first + (tn_period)range(r, 1, end - first + 1);
        if (stop > end + 1)
            stop = end + 1;
    }
    enum behaviour b = (roll = range(r, 1, 1000)) <= 750 ? ON_TIME
                       : roll <= 870                     ? LATE
                       : roll <= 930                     ? PARTIAL
                       : roll <= 960                     ? CHRONIC
                                                         : IRREGULAR;
    if (strcmp(status, "absconded") == 0)
        b = CHRONIC;
    const struct tn__word *trade = pick(r, tn__trade, tn__ntrade);
    const struct tn__word *place = pick(r, tn__place, tn__nplace);
    char name[160], ascii[160], address[160], chair[96], since[TN_DAY_BUFSZ] = "",
                                                         regs[TN_DAY_BUFSZ];
    const char *prefix_vi = type == TN_UT_COOPERATIVE ? "Hợp tác xã"
                            : type == TN_UT_STATE     ? "Công ty TNHH MTV"
                            : type == TN_UT_PUBLIC    ? "Trung tâm"
                            : type == TN_UT_HOUSEHOLD ? "Hộ kinh doanh"
                            : type == TN_UT_FDI       ? "Công ty TNHH"
                                                      : "Công ty Cổ phần";
    snprintf(name, sizeof name, "%s %s %s %ld", prefix_vi, trade->vi, place->vi, idx);
    snprintf(ascii, sizeof ascii, "%s %s", trade->ascii, place->ascii);
    const struct tn__word *street = pick(r, tn__street, tn__nstreet);
    int district = (int)range(r, 0, g->ndistricts);
    snprintf(address, sizeof address, "%ld %s, quận %d", range(r, 1, 400), street->vi,
             district ? district : 1);
    person(g, chance(r, 500), chair, sizeof chair);
    day_text(reg, regs);
    if (stop <= end)
        day_text(tn_period_first_day(stop), since);
    char parent[24] = "";
    if (idx > 20 && chance(r, 30)) {
        long pidx = idx - range(r, 1, 20);
        snprintf(parent, sizeof parent, "YN%06ld%c", pidx, 'A' + (int)(pidx % 26));
        snprintf(tax, sizeof tax, "03%08ld-%03ld", pidx, idx % 1000);
    }
    fprintf(g->units, "%s,%s,", code, tax);
    cell(g->units, name);
    fprintf(g->units, ",%s,%s,%s,%s,%s,%s%03d,%d,O%05ld,%d,%s,", type_names[type], status, since,
            parent, g->p->province, g->p->province, district, region, officer_for(g, idx, district),
            cycle, regs);
    cell(g->units, address);
    fputc(',', g->units);
    cell(g->units, chair);
    fputc('\n', g->units);
    g->st.units++;

    long size = unit_size(g);
    struct tn_unit_facts facts = {type, region, cycle, reg};
    tn_err err = gen_workers(g, code, &facts, type == TN_UT_COOPERATIVE, first, stop, size);
    if (err)
        return err;
    int owing_from;
    g->cur_tax = tax;
    g->cur_name = name;
    pay_unit(g, code, ascii, &facts, b, stop, &owing_from);
    if ((b == CHRONIC || b == IRREGULAR) && owing_from >= 0) {
        struct tn__owing o = {b == CHRONIC, owing_from, district, g->due};
        tn__case_gen_unit(&g->cases, code, &o);
    }
    if (!parent[0]) {
        /* the enterprise register: reported headcounts near the declared ones, some far above */
        long reported = chance(r, 30) ? size * range(r, 2, 5) + 10 : size + range(r, 0, 2);
        fprintf(g->registry, "%s,", tax);
        cell(g->registry, name);
        fprintf(g->registry, ",%s,%s,%s,%ld\n", g->p->province, regs,
                strcmp(status, "active") == 0 || strcmp(status, "suspended") == 0 ? status
                                                                                  : "dissolved",
                reported);
        g->st.registry++;
    }
    return TN_OK;
}

static FILE *open_out(struct gen *g, const char *dir, const char *file, const char *header)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    FILE *f = fopen(path, "w");
    if (!f) {
        snprintf(g->msg, g->msgsz, "cannot write %s", path);
        return NULL;
    }
    setvbuf(f, NULL, _IOFBF, 1 << 20);
    fputs(header, f);
    return f;
}

tn_err tn_gen_province(const struct tn_policy *pol, const struct tn_gen_params *p, const char *dir,
                       struct tn_gen_stats *stats,
                       void (*progress)(void *ctx, long long done, long long total), void *ctx,
                       char *msg, size_t msgsz)
{
    msg[0] = '\0';
    if (p->units < 1 || p->workers < p->units || p->months < 1 || p->months > 600 || !p->province ||
        strlen(p->province) != 2) {
        snprintf(msg, msgsz,
                 "need units >= 1, workers >= units, 1 <= months <= 600, a 2-digit "
                 "province");
        return TN_ERR_RANGE;
    }
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        snprintf(msg, msgsz, "cannot create %s", dir);
        return TN_ERR_IO;
    }
    struct gen g = {.pol = pol, .p = p, .msg = msg, .msgsz = msgsz};
    tn__rng_seed(&g.rng, p->seed);
    tn__rng_seed(&g.memo_rng, p->seed ^ 0x6d656d6f73ULL); /* "memos" */
    g.start = p->end - p->months + 1;
    g.ndistricts = p->units >= 1200 ? 12 : (int)(p->units / 100);
    g.due = tn_xcalloc((size_t)p->months, sizeof *g.due);
    tn_err err = TN_ERR_IO;
    if (!(g.officers = open_out(&g, dir, "officers.csv", "")) ||
        !(g.units = open_out(&g, dir, "units.csv",
                             "unit_code,tax_code,name,type,status,status_since,parent_code,"
                             "province_code,office_code,wage_region,officer_code,payment_cycle,"
                             "registered_on,address,union_chair\n")) ||
        !(g.workers = open_out(&g, dir, "workers.csv",
                               "bhxh_code,full_name,birth_date,gender,id_number\n")) ||
        !(g.decls = open_out(&g, dir, "declarations.csv",
                             "unit_code,bhxh_code,from_period,kind,salary,funds,declared_on,"
                             "reason\n")) ||
        !(g.pays = open_out(&g, dir, "payments.csv",
                            "txn_id,unit_code,paid_on,amount,channel,memo,bhxh_code,case_id,"
                            "reverses\n")) ||
        !(g.registry = open_out(&g, dir, "registry.csv",
                                "tax_code,name,province_code,registered_on,status,"
                                "reported_employees\n")) ||
        !(g.cases.events = open_out(&g, dir, "case_events.csv",
                                    "case_id,seq,unit_code,event,date,amount,outcome,office,"
                                    "note\n")) ||
        !(g.cases.plans = open_out(&g, dir, "case_plans.csv", "case_id,seq,due_on,amount\n")))
        goto done;
    /* cases draw from a stream of their own: the ledger files do not depend on them */
    tn__rng_seed(&g.cases.rng, p->seed ^ 0x6361736573ULL);
    g.cases.pays = g.pays;
    g.cases.start = g.start;
    g.cases.months = p->months;
    g.cases.last = tn_period_last_day(p->end);
    write_officers(&g);
    err = TN_OK;
    for (long i = 1; i <= p->units && !err; i++) {
        err = gen_unit(&g, i);
        if (progress && (i % 256 == 0 || i == p->units))
            progress(ctx, i, p->units);
    }
    /* enterprises in the register that never joined BHXH (non-participants) */
    for (long i = 1; !err && i <= p->units / 20; i++) {
        const struct tn__word *trade = pick(&g.rng, tn__trade, tn__ntrade);
        const struct tn__word *place = pick(&g.rng, tn__place, tn__nplace);
        tn_day reg;
        tn_day_make((int)range(&g.rng, 2012, 2025), (int)range(&g.rng, 1, 12),
                    (int)range(&g.rng, 1, 28), &reg);
        char regs[TN_DAY_BUFSZ];
        day_text(reg, regs);
        fprintf(g.registry, "04%08ld,Công ty TNHH %s %s %ld,%s,%s,active,%ld\n", i, trade->vi,
                place->vi, i, p->province, regs, range(&g.rng, 5, 200));
        g.st.registry++;
    }
done:;
    FILE *files[] = {g.officers, g.units,    g.workers,      g.decls,
                     g.pays,     g.registry, g.cases.events, g.cases.plans};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
        if (files[i] && (fclose(files[i]) != 0) && !err) {
            snprintf(msg, msgsz, "cannot finish writing into %s", dir);
            err = TN_ERR_IO;
        }
    free(g.w);
    free(g.due);
    g.st.cases = g.cases.cases;
    g.st.case_events = g.cases.events_written;
    g.st.case_plans = g.cases.plans_written;
    g.st.payments += g.cases.payments;
    if (!err && stats)
        *stats = g.st;
    return err;
}
