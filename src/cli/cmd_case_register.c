/*
 * cmd_case_register.c - `thuno case` verbs for the registers kept beside a case's events
 * (docs/case-registers.md; seed 000; issue 5 items 2, 3 and 5), their part of `case show`,
 * and `case claim`, the lawsuit amount explained from the ledger.
 *
 *   case fee CASE_ID DATE (--amount N | --exempt BASIS)
 *   case hearing CASE_ID DATE scheduled|held|postponed --court TEXT
 *   case claim CASE_ID [--date DATE]
 *   case asset CASE_ID DATE KIND DESCRIPTION [--holder TEXT] [--pledged yes|no] [--value N]
 *   case verify CASE_ID DATE ASSET_NO exists|pledged|not_found|moved --by WHO
 *   case priority CASE_ID DATE ASSET_NO[,ASSET_NO...]
 *   case measure CASE_ID DATE ASSET_NO MEASURE [--amount N]
 *   case bank-order CASE_ID DATE BANK --amount N [--channel bank|treasury]
 *   case bank-reply CASE_ID DATE ORDER_NO executed|refused|delayed|partial [--amount N]
 *   case tip CASE_ID DATE INFORMANT ASSET_TEXT [--asset-no N]
 *   case tip-result CASE_ID DATE TIP_NO --recovered N
 *   case agent CASE_ID DATE thads|bailiff OFFICE
 *   case branch CASE_ID UNIT PROVINCE [--note TEXT]
 * Every verb but claim and branch also takes [--note TEXT] [--actor WHO].
 */
#include "case_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/explain_out.h"
#include "thuno/mem.h"
#include "thuno/policy.h"
#include "thuno/case_register_store.h"
#include "thuno/case_store.h"
#include "thuno/report.h"
#include "thuno/store.h"

/* One verb: its register, the positional arguments after CASE_ID DATE, the options it takes
 * (besides --note and --actor) and how the positionals fill the row. */
struct verb {
    const char *name;
    enum tn_case_reg reg;
    int npos;
    const char *usage; /* the positionals, for messages */
    const char *opts;  /* ",amount,exempt," */
};

/* clang-format off */
static const struct verb verbs[] = {
    {"fee",        TN_CASE_REG_FEE,          0, "",                   ",amount,exempt,"},
    {"hearing",    TN_CASE_REG_HEARING,      1, "STATUS",             ",court,"},
    {"asset",      TN_CASE_REG_ASSET,        2, "KIND DESCRIPTION",   ",holder,pledged,value,"},
    {"verify",     TN_CASE_REG_VERIFICATION, 2, "ASSET_NO RESULT",    ",by,"},
    {"priority",   TN_CASE_REG_PRIORITY,     1, "ASSET_NO[,...]",     ","},
    {"measure",    TN_CASE_REG_MEASURE,      2, "ASSET_NO MEASURE",   ",amount,"},
    {"bank-order", TN_CASE_REG_BANK_ORDER,   1, "BANK",               ",amount,channel,"},
    {"bank-reply", TN_CASE_REG_BANK_REPLY,   2, "ORDER_NO RESULT",    ",amount,"},
    {"tip",        TN_CASE_REG_TIP,          2, "INFORMANT ASSET",    ",asset-no,"},
    {"tip-result", TN_CASE_REG_TIP_RESULT,   1, "TIP_NO",             ",recovered,"},
    {"agent",      TN_CASE_REG_AGENT,        2, "thads|bailiff OFFICE", ","},
};
/* clang-format on */

#define BAD(...) (tn_cli_error("case", __VA_ARGS__), TN_ERR_REJECTED)

/* a whole number of đồng (above 0 when positive) into *out */
static tn_err amount_arg(const char *opt, const char *v, int positive, tn_money *out)
{
    if (tn_money_parse(v, 0, out) || (positive && *out <= 0))
        return BAD("%s: số tiền không hợp lệ / expected a whole number of đồng%s, got \"%s\"", opt,
                   positive ? " above 0" : "", v);
    return TN_OK;
}

/* a row number (asset, order, tip) into *out */
static tn_err number_arg(const char *what, const char *v, long *out)
{
    char *end;
    long n = strtol(v, &end, 10);
    if (!*v || *end || n <= 0 || v[0] == '+' || v[0] == '-')
        return BAD("%s: số thứ tự không hợp lệ / expected a number from 1, got \"%s\"", what, v);
    *out = n;
    return TN_OK;
}

static tn_err what_arg(enum tn_case_reg reg, const char *v, char *out, size_t outsz)
{
    if (tn_case_reg_check_what(reg, v))
        return BAD("%s: giá trị không hợp lệ / expected one of %s, got \"%s\"",
                   tn_case_reg_name(reg), tn_case_reg_whats(reg), v);
    snprintf(out, outsz, "%s", v);
    return TN_OK;
}

static const char *opt(char **argv, const char *const *val, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (strcmp(argv[i] + 2, name) == 0)
            return val[i];
    return NULL;
}

/* fills r from the verb's positionals and options; reports what is wrong */
static tn_err fill(const struct verb *vb, char **pos, char **on, const char *const *ov, int no,
                   struct tn_case_reg_row *r)
{
    const char *o;
    tn_err err = TN_OK;
    switch (vb->reg) {
    case TN_CASE_REG_FEE: {
        const char *amt = opt(on, ov, no, "amount"), *ex = opt(on, ov, no, "exempt");
        if (!amt == !ex)
            return BAD("fee: cần --amount N hoặc --exempt CĂN_CỨ / give either --amount N or "
                       "--exempt BASIS (the legal basis of the exemption)");
        if (ex && !*ex)
            return BAD("fee: --exempt cần căn cứ pháp lý / --exempt needs its legal basis");
        snprintf(r->what, sizeof r->what, "%s", amt ? "paid" : "exempt");
        if (amt)
            err = amount_arg("--amount", amt, 1, &r->amount);
        else
            snprintf(r->detail, sizeof r->detail, "%s", ex);
        return err;
    }
    case TN_CASE_REG_HEARING:
        if (!(o = opt(on, ov, no, "court")) || !*o)
            return BAD("hearing: cần --court / --court (which court) is required");
        snprintf(r->party, sizeof r->party, "%s", o);
        return what_arg(vb->reg, pos[0], r->what, sizeof r->what);
    case TN_CASE_REG_ASSET:
        if ((err = what_arg(vb->reg, pos[0], r->what, sizeof r->what)))
            return err;
        if (!*pos[1])
            return BAD("asset: cần mô tả tài sản / the asset's description is required");
        snprintf(r->detail, sizeof r->detail, "%s", pos[1]);
        if ((o = opt(on, ov, no, "holder")))
            snprintf(r->party, sizeof r->party, "%s", o);
        if ((o = opt(on, ov, no, "pledged"))) {
            if (strcmp(o, "yes") && strcmp(o, "no"))
                return BAD("--pledged: expected yes or no, got \"%s\"", o);
            r->flag = strcmp(o, "yes") == 0;
        }
        if ((o = opt(on, ov, no, "value")))
            err = amount_arg("--value", o, 0, &r->amount);
        return err;
    case TN_CASE_REG_VERIFICATION:
        if (!(o = opt(on, ov, no, "by")) || !*o)
            return BAD("verify: cần --by (ai xác minh) / --by (who verified) is required");
        snprintf(r->party, sizeof r->party, "%s", o);
        if ((err = number_arg("asset", pos[0], &r->ref)))
            return err;
        return what_arg(vb->reg, pos[1], r->what, sizeof r->what);
    case TN_CASE_REG_PRIORITY: {
        long order[64];
        size_t n;
        char why[160];
        if (tn_case_priority_parse(pos[0], order, 64, &n, why, sizeof why))
            return BAD("priority: %s", why);
        snprintf(r->detail, sizeof r->detail, "%s", pos[0]);
        return TN_OK;
    }
    case TN_CASE_REG_MEASURE:
        if ((err = number_arg("asset", pos[0], &r->ref)) ||
            (err = what_arg(vb->reg, pos[1], r->what, sizeof r->what)))
            return err;
        if ((o = opt(on, ov, no, "amount")))
            err = amount_arg("--amount", o, 1, &r->amount);
        return err;
    case TN_CASE_REG_BANK_ORDER:
        if (!*pos[0])
            return BAD("bank-order: cần tên ngân hàng / the bank (or treasury) is required");
        snprintf(r->party, sizeof r->party, "%s", pos[0]);
        if (!(o = opt(on, ov, no, "amount")))
            return BAD("bank-order: cần --amount / --amount (the sum ordered) is required");
        if ((err = amount_arg("--amount", o, 1, &r->amount)))
            return err;
        return what_arg(vb->reg, (o = opt(on, ov, no, "channel")) ? o : "bank", r->what,
                        sizeof r->what);
    case TN_CASE_REG_BANK_REPLY:
        if ((err = number_arg("order", pos[0], &r->ref)) ||
            (err = what_arg(vb->reg, pos[1], r->what, sizeof r->what)))
            return err;
        if ((o = opt(on, ov, no, "amount")))
            err = amount_arg("--amount", o, 1, &r->amount);
        return err;
    case TN_CASE_REG_TIP:
        if (!*pos[0] || !*pos[1])
            return BAD("tip: cần người báo tin và tài sản / the informant and the asset are "
                       "required");
        snprintf(r->party, sizeof r->party, "%s", pos[0]);
        snprintf(r->detail, sizeof r->detail, "%s", pos[1]);
        if ((o = opt(on, ov, no, "asset-no")))
            err = number_arg("--asset-no", o, &r->ref);
        return err;
    case TN_CASE_REG_TIP_RESULT:
        if ((err = number_arg("tip", pos[0], &r->ref)))
            return err;
        if (!(o = opt(on, ov, no, "recovered")))
            return BAD("tip-result: cần --recovered N (0: không thu được) / --recovered N is "
                       "required (0: the tip led to nothing)");
        return amount_arg("--recovered", o, 0, &r->amount);
    case TN_CASE_REG_AGENT:
        if ((err = what_arg(vb->reg, pos[0], r->what, sizeof r->what)))
            return err;
        if (!*pos[1])
            return BAD("agent: cần tên cơ quan / the office (THADS or bailiff) is required");
        snprintf(r->party, sizeof r->party, "%s", pos[1]);
        return TN_OK;
    default:
        return TN_ERR_USAGE;
    }
}

static tn_err add(struct tn_cli *cli, struct tn_store *s, const struct verb *vb, int argc,
                  char **argv)
{
    if (argc < 2 + vb->npos)
        return TN_ERR_USAGE;
    struct tn_case_reg_row r;
    memset(&r, 0, sizeof r);
    r.reg = vb->reg;
    r.amount = -1;
    r.flag = -1;
    snprintf(r.case_id, sizeof r.case_id, "%s", argv[0]);
    if (tn_day_parse(argv[1], &r.day))
        return BAD("ngày không hợp lệ / expected a date YYYY-MM-DD, got \"%s\"", argv[1]);
    char *on[16];
    const char *ov[16];
    int no = 0;
    for (int i = 2 + vb->npos; i < argc; i += 2) {
        char key[24];
        if (strncmp(argv[i], "--", 2) || i + 1 >= argc || no == 16)
            return TN_ERR_USAGE;
        snprintf(key, sizeof key, ",%s,", argv[i] + 2);
        if (strcmp(argv[i], "--note") == 0)
            snprintf(r.note, sizeof r.note, "%s", argv[i + 1]);
        else if (strcmp(argv[i], "--actor") == 0)
            snprintf(r.actor, sizeof r.actor, "%s", argv[i + 1]);
        else if (!strstr(vb->opts, key))
            return TN_ERR_USAGE;
        on[no] = argv[i];
        ov[no++] = argv[i + 1];
    }
    for (int i = 2; i < 2 + vb->npos; i++)
        if (strncmp(argv[i], "--", 2) == 0)
            return TN_ERR_USAGE;
    tn_err err = fill(vb, argv + 2, on, ov, no, &r);
    if (err)
        return err;
    /* a register records what happened; only a hearing is known before its day */
    char today_s[11];
    tn_day today;
    snprintf(today_s, sizeof today_s, "%.10s", cli->now);
    if (!tn_day_parse(today_s, &today) && r.day > today &&
        !(r.reg == TN_CASE_REG_HEARING && strcmp(r.what, "scheduled") == 0))
        return BAD("ngày %s sau hôm nay / %s is after today (%s); only a scheduled hearing may "
                   "be dated ahead",
                   argv[1], argv[1], today_s);
    long n;
    char why[384] = "";
    err = tn_store_case_reg_add(s, &r, cli->now, &n, why, sizeof why);
    if (err == TN_ERR_STORE) {
        tn_cli_error("case", "%s", tn_store_errmsg(s));
        return err;
    }
    if (err)
        return BAD("từ chối / refused: %s", why);
    printf("case %s: %s %ld recorded\n", r.case_id, tn_case_reg_name(r.reg), n);
    return TN_OK;
}

static tn_err branch(struct tn_cli *cli, struct tn_store *s, int argc, char **argv)
{
    if (argc != 3 && !(argc == 5 && strcmp(argv[3], "--note") == 0))
        return TN_ERR_USAGE;
    if (!*argv[1] || !*argv[2] || strspn(argv[2], "0123456789") != strlen(argv[2]))
        return BAD("branch: mã tỉnh không hợp lệ / expected a unit code and a province code in "
                   "digits, got \"%s\" \"%s\"",
                   argv[1], argv[2]);
    char why[256] = "";
    tn_err err = tn_store_case_branch_add(s, argv[0], argv[1], argv[2], argc == 5 ? argv[4] : NULL,
                                          cli->now, why, sizeof why);
    if (err == TN_ERR_STORE) {
        tn_cli_error("case", "%s", tn_store_errmsg(s));
        return err;
    }
    if (err)
        return BAD("từ chối / refused: %s", why);
    printf("case %s: branch %s (province %s) linked\n", argv[0], argv[1], argv[2]);
    return TN_OK;
}

/* the ledger's claim for unit as known at as_of: the latest closed balance; *found 0 when
 * nothing was closed by then */
static tn_err ledger_claim(struct tn_store *s, const char *unit, const char *as_of,
                           struct tn_explain *e, int *found)
{
    tn_period p;
    tn_err err = tn_store_latest_closed(s, unit, as_of, &p);
    *found = 0;
    if (err == TN_ERR_NOT_FOUND)
        return TN_OK;
    if (!err)
        err = tn_store_explain(s, unit, p, as_of, e);
    if (err == TN_ERR_NOT_FOUND)
        return TN_OK;
    *found = !err;
    return err;
}

/* the amount of the case's latest lawsuit_filed event, its day in *day; -1 when none */
static tn_money filed(const struct tn_case_event_row *ev, size_t n, tn_day *day)
{
    tn_money m = -1;
    for (size_t i = 0; i < n; i++)
        if (ev[i].step.event == TN_CASE_EV_LAWSUIT_FILED) {
            m = ev[i].step.amount;
            *day = ev[i].step.day;
        }
    return m;
}

static tn_err claim(struct tn_cli *cli, struct tn_store *s, int argc, char **argv)
{
    if (argc != 1 && !(argc == 3 && strcmp(argv[1], "--date") == 0))
        return TN_ERR_USAGE;
    char as_of[20];
    if (tn_report_as_of(argc == 3 ? argv[2] : cli->now, as_of) ||
        (argc == 3 && strlen(argv[2]) != 10))
        return BAD("ngày không hợp lệ / expected --date YYYY-MM-DD, got \"%s\"",
                   argc == 3 ? argv[2] : cli->now);
    struct tn_case_event_row *ev = NULL;
    size_t n = 0;
    tn_err err = tn_store_case_events(s, argv[0], NULL, &ev, &n);
    if (err) {
        tn_cli_error("case", "%s", tn_store_errmsg(s));
        return err;
    }
    if (!n) {
        free(ev);
        return BAD("không có hồ sơ / no case %s", argv[0]);
    }
    struct tn_explain e;
    tn_explain_init(&e);
    int found;
    err = ledger_claim(s, ev[0].unit_code, as_of, &e, &found);
    if (err) {
        tn_cli_error("case", "%s", tn_store_errmsg(s));
    } else if (!found) {
        err = BAD("đơn vị %s chưa có số dư đã khóa sổ đến %.10s / unit %s has no closed balance "
                  "known by %.10s",
                  ev[0].unit_code, as_of, ev[0].unit_code, as_of);
    } else {
        const struct tn_balance_row *b = &e.balance;
        char pp[TN_PERIOD_BUFSZ], a[32], c[32], d[32];
        (void)tn_period_format(b->period, pp);
        tn__case_money(b->principal_due, a);
        tn__case_money(b->interest_due, c);
        tn__case_money(b->principal_due + b->interest_due, d);
        printf("Số tiền khởi kiện / amount to claim for case %s, unit %s, filing %.10s:\n", argv[0],
               ev[0].unit_code, as_of);
        printf("  nợ gốc / principal due   %15s\n  lãi / interest due       %15s\n"
               "  tổng / total             %15s\n",
               a, c, d);
        printf("  from the balance of %s (close #%lld, known %s), the latest closed by then; "
               "`thuno explain %s %s --as-of %.10s` shows every line\n",
               pp, b->close_id, b->known_at, ev[0].unit_code, pp, as_of);
        tn_day on;
        char day_s[11];
        snprintf(day_s, sizeof day_s, "%.10s", as_of);
        if (!tn_day_parse(day_s, &on) && tn_day_period(on) > b->period + 1)
            printf("  CẢNH BÁO / WARNING: kỳ khóa sổ gần nhất %s đã quá một tháng trước %s / the "
                   "latest close %s is more than a month before %s: close the months since "
                   "before filing\n",
                   pp, day_s, pp, day_s);
        printf("  lãi sau cuối kỳ %s chưa tính / interest after the end of %s is not included "
               "(it accrues in the next close)\n",
               pp, pp);
        tn_day fd = 0;
        tn_money rec = filed(ev, n, &fd);
        if (rec >= 0) {
            char r[32], diff[32], fds[TN_DAY_BUFSZ];
            tn__case_money(rec, r);
            tn_day_format(fd, fds);
            tn_money_format_grouped(rec - (b->principal_due + b->interest_due), diff);
            printf("  đã ghi khởi kiện / recorded lawsuit_filed %s: %s (difference %s)\n", fds, r,
                   diff);
        }
        printf("\n");
        err = tn_explain_write_text(stdout, &e);
    }
    tn_explain_release(&e);
    free(ev);
    return err;
}

tn_err tn__case_register_cmd(struct tn_cli *cli, struct tn_store *s, const char *sub, int argc,
                             char **argv, int *handled)
{
    *handled = 1;
    if (strcmp(sub, "claim") == 0)
        return claim(cli, s, argc, argv);
    if (strcmp(sub, "branch") == 0)
        return branch(cli, s, argc, argv);
    for (size_t i = 0; i < sizeof verbs / sizeof verbs[0]; i++)
        if (strcmp(sub, verbs[i].name) == 0)
            return add(cli, s, &verbs[i], argc, argv);
    *handled = 0;
    return TN_OK;
}

/* --- case show --- */

static void tail(const struct tn_case_reg_row *r)
{
    if (r->note[0])
        printf(" — %s", r->note);
    if (r->actor[0])
        printf(" (recorded by %s at %s)", r->actor, r->known_at);
    printf("\n");
}

static void show_court(const struct tn_case_reg_row *r, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char d[TN_DAY_BUFSZ], a[32];
        tn_day_format(r[i].day, d);
        if (r[i].reg == TN_CASE_REG_FEE) {
            tn__case_money(r[i].amount, a);
            if (strcmp(r[i].what, "exempt") == 0)
                printf("  %s  án phí / court fee: miễn / exempt — căn cứ / basis: %s", d,
                       r[i].detail);
            else
                printf("  %s  án phí / court fee: %s", d, a);
            tail(&r[i]);
        } else if (r[i].reg == TN_CASE_REG_HEARING) {
            printf("  %s  phiên tòa / hearing %s @ %s", d, r[i].what, r[i].party);
            tail(&r[i]);
        }
    }
}

/* the latest row of register reg (by day, then number): the one in force; NULL when none.
 * *count is how many there are. */
static const struct tn_case_reg_row *latest(const struct tn_case_reg_row *r, size_t n,
                                            enum tn_case_reg reg, long ref, int by_ref,
                                            size_t *count)
{
    const struct tn_case_reg_row *best = NULL;
    *count = 0;
    for (size_t i = 0; i < n; i++) {
        if (r[i].reg != reg || (by_ref && r[i].ref != ref))
            continue;
        ++*count;
        if (!best || r[i].day > best->day || (r[i].day == best->day && r[i].no > best->no))
            best = &r[i];
    }
    return best;
}

/* rows by day, then as recorded */
static int by_day(const void *a, const void *b)
{
    const struct tn_case_reg_row *x = *(const struct tn_case_reg_row *const *)a,
                                 *y = *(const struct tn_case_reg_row *const *)b;
    if (x->day != y->day)
        return (x->day > y->day) - (x->day < y->day);
    return strcmp(x->known_at, y->known_at);
}

static void show_assets(const struct tn_case_reg_row *r, size_t n)
{
    long order[64];
    size_t norder = 0;
    size_t cnt;
    const struct tn_case_reg_row *pr = latest(r, n, TN_CASE_REG_PRIORITY, 0, 0, &cnt);
    char why[160];
    if (pr && tn_case_priority_parse(pr->detail, order, 64, &norder, why, sizeof why))
        norder = 0;
    printf("\nTài sản / assets");
    if (pr) {
        char d[TN_DAY_BUFSZ];
        tn_day_format(pr->day, d);
        printf(" — thứ tự kê biên do bên được thi hành án chỉ định / creditor's seizure order %s "
               "(%s)",
               pr->detail, d);
    }
    printf(":\n");
    /* designated assets in their order, then the others by number */
    for (size_t rank = 0; rank <= norder; rank++) {
        for (size_t i = 0; i < n; i++) {
            if (r[i].reg != TN_CASE_REG_ASSET ||
                tn_case_priority_rank(order, norder, r[i].no) != rank)
                continue;
            char d[TN_DAY_BUFSZ], v[32], place[24] = "-";
            tn_day_format(r[i].day, d);
            tn__case_money(r[i].amount, v);
            if (rank < norder)
                snprintf(place, sizeof place, "%zu", rank + 1);
            printf("  #%ld [%s] %s: %s%s%s; pledged %s; est. %s; listed %s", r[i].no, place,
                   r[i].what, r[i].detail, r[i].party[0] ? " @ " : "", r[i].party,
                   r[i].flag < 0 ? "?"
                   : r[i].flag   ? "yes"
                                 : "no",
                   v, d);
            tail(&r[i]);
            /* its verifications and measures, by date */
            const struct tn_case_reg_row **sub = tn_xmalloc((n + 1) * sizeof *sub);
            size_t nsub = 0;
            for (size_t j = 0; j < n; j++)
                if ((r[j].reg == TN_CASE_REG_VERIFICATION || r[j].reg == TN_CASE_REG_MEASURE) &&
                    r[j].ref == r[i].no)
                    sub[nsub++] = &r[j];
            tn_sort(sub, nsub, sizeof *sub, by_day);
            for (size_t j = 0; j < nsub; j++) {
                char dj[TN_DAY_BUFSZ], aj[32] = "";
                tn_day_format(sub[j]->day, dj);
                if (sub[j]->amount >= 0)
                    tn__case_money(sub[j]->amount, aj);
                if (sub[j]->reg == TN_CASE_REG_VERIFICATION)
                    printf("      %s  xác minh / verified: %s by %s", dj, sub[j]->what,
                           sub[j]->party);
                else
                    printf("      %s  cưỡng chế / measure: %s%s%s", dj, sub[j]->what,
                           aj[0] ? " " : "", aj);
                tail(sub[j]);
            }
            free(sub);
        }
    }
}

static void show_orders(const struct tn_case_reg_row *r, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (r[i].reg != TN_CASE_REG_BANK_ORDER)
            continue;
        char d[TN_DAY_BUFSZ], a[32], t[32];
        tn_day_format(r[i].day, d);
        tn__case_money(r[i].amount, a);
        printf("  #%ld %s  %s %s: ordered %s", r[i].no, d,
               strcmp(r[i].what, "treasury") == 0 ? "Kho bạc / treasury" : "ngân hàng / bank",
               r[i].party, a);
        tail(&r[i]);
        tn_money took = 0;
        const char *last = "chưa trả lời / no reply yet";
        for (size_t j = 0; j < n; j++) {
            if (r[j].reg != TN_CASE_REG_BANK_REPLY || r[j].ref != r[i].no)
                continue;
            char dj[TN_DAY_BUFSZ], aj[32];
            tn_day_format(r[j].day, dj);
            tn__case_money(r[j].amount, aj);
            printf("      %s  %s, deducted %s (%d days after the order)", dj, r[j].what, aj,
                   (int)(r[j].day - r[i].day));
            tail(&r[j]);
            took += r[j].amount;
        }
        size_t cnt;
        const struct tn_case_reg_row *lr = latest(r, n, TN_CASE_REG_BANK_REPLY, r[i].no, 1, &cnt);
        if (lr)
            last = lr->what;
        tn__case_money(took, t);
        printf("      → %s; deducted %s of %s\n", last, t, a);
    }
}

static tn_err show_tips(struct tn_cli *cli, const struct tn_case_reg_row *r, size_t n)
{
    struct tn_policy pol;
    tn_policy_init(&pol);
    int loaded = 0;
    tn_err err = TN_OK;
    for (size_t i = 0; i < n && !err; i++) {
        if (r[i].reg != TN_CASE_REG_TIP)
            continue;
        char d[TN_DAY_BUFSZ];
        tn_day_format(r[i].day, d);
        printf("  #%ld %s  %s: %s", r[i].no, d, r[i].party, r[i].detail);
        if (r[i].ref)
            printf(" (asset #%ld)", r[i].ref);
        tail(&r[i]);
        const struct tn_case_reg_row *res = NULL;
        for (size_t j = 0; j < n; j++)
            if (r[j].reg == TN_CASE_REG_TIP_RESULT && r[j].ref == r[i].no)
                res = &r[j];
        if (!res) {
            printf("      chưa có kết quả / no result yet\n");
            continue;
        }
        if (!loaded && (err = tn_cli_load_policy(cli, &pol)))
            break;
        loaded = 1;
        tn_money reward;
        const struct tn_tip_reward_rule *rule;
        char dr[TN_DAY_BUFSZ], a[32], b[32];
        tn_day_format(res->day, dr);
        if ((err = tn_policy_tip_reward(&pol, res->day, res->amount, &reward, &rule))) {
            tn_cli_error("case", "tip %ld: no reward rule for %s (policy/tip_reward.csv)", r[i].no,
                         dr);
            break;
        }
        tn__case_money(res->amount, a);
        tn__case_money(reward, b);
        printf("      %s  thu được / recovered %s; thưởng / reward owed %s (%s)\n", dr, a, b,
               rule->source);
    }
    tn_policy_release(&pol);
    return err;
}

static int has(const struct tn_case_reg_row *r, size_t n, enum tn_case_reg reg)
{
    for (size_t i = 0; i < n; i++)
        if (r[i].reg == reg)
            return 1;
    return 0;
}

tn_err tn__case_registers_show(struct tn_cli *cli, struct tn_store *s, const char *case_id,
                               const char *as_of, const struct tn_case_event_row *ev, size_t n)
{
    struct tn_case_reg_row *r = NULL;
    struct tn_case_branch_row *br = NULL;
    size_t nr = 0, nbr = 0;
    tn_err err = tn_store_case_regs(s, case_id, as_of, &r, &nr);
    if (!err)
        err = tn_store_case_branches(s, case_id, as_of, &br, &nbr);
    if (err) {
        tn_cli_error("case", "%s", tn_store_errmsg(s));
        goto done;
    }
    /* the ledger's claim at filing, as known on the filing day */
    tn_day fd = 0;
    tn_money rec = filed(ev, n, &fd);
    if (rec >= 0) {
        char day[TN_DAY_BUFSZ], at[20];
        tn_day_format(fd, day);
        if (tn_report_as_of(day, at) == TN_OK) {
            struct tn_explain e;
            tn_explain_init(&e);
            int found;
            if ((err = ledger_claim(s, ev[0].unit_code, at, &e, &found)))
                tn_cli_error("case", "%s", tn_store_errmsg(s));
            if (!err && found) {
                tn_money due = e.balance.principal_due + e.balance.interest_due;
                char a[32], b[32], c[32], d[32], pp[TN_PERIOD_BUFSZ];
                tn__case_money(e.balance.principal_due, a);
                tn__case_money(e.balance.interest_due, b);
                tn__case_money(due, c);
                tn_money_format_grouped(rec - due, d);
                (void)tn_period_format(e.balance.period, pp);
                printf("\nKhởi kiện theo sổ / claim from the ledger at filing %s: %s = gốc / "
                       "principal %s + lãi / interest %s (balance %s, close #%lld); recorded "
                       "difference %s (`thuno case claim %s --date %s`)\n",
                       day, c, a, b, pp, e.balance.close_id, d, case_id, day);
            }
            tn_explain_release(&e);
            if (err)
                goto done;
        }
    }
    if (has(r, nr, TN_CASE_REG_FEE) || has(r, nr, TN_CASE_REG_HEARING)) {
        printf("\nTòa án / court:\n");
        show_court(r, nr);
    }
    size_t nagents;
    const struct tn_case_reg_row *ag = latest(r, nr, TN_CASE_REG_AGENT, 0, 0, &nagents);
    if (ag) {
        char d[TN_DAY_BUFSZ];
        tn_day_format(ag->day, d);
        printf("\nCơ quan thi hành án / enforcement agent: %s (%s) since %s%s\n",
               strcmp(ag->what, "bailiff") == 0 ? "Thừa phát lại / private bailiff"
                                                : "THADS / state enforcement office",
               ag->party, d, nagents > 1 ? " (replaces earlier)" : "");
    }
    if (has(r, nr, TN_CASE_REG_ASSET))
        show_assets(r, nr);
    if (has(r, nr, TN_CASE_REG_BANK_ORDER)) {
        printf("\nYêu cầu trích tiền / forced-deduction orders:\n");
        show_orders(r, nr);
    }
    if (has(r, nr, TN_CASE_REG_TIP)) {
        printf("\nTin báo về tài sản / informants' tips:\n");
        if ((err = show_tips(cli, r, nr)))
            goto done;
    }
    if (nbr)
        printf("\nChi nhánh ở tỉnh khác / branches in other provinces:\n");
    for (size_t i = 0; i < nbr; i++)
        printf("  %-12s tỉnh / province %s%s%s\n", br[i].unit_code, br[i].province_code,
               br[i].note[0] ? " — " : "", br[i].note);
done:
    free(r);
    free(br);
    return err;
}
