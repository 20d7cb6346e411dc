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
 * A face of the application layer (thuno/app.h, src/app/app_case_register.c): the
 * registers' rules and what is in force are judged there; this file parses and prints.
 */
#include "case_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/case_register_store.h"
#include "thuno/case_store.h"
#include "thuno/report.h"

/* One verb: the positional arguments after CASE_ID DATE and the options it takes (besides
 * --note and --actor). */
struct verb {
    const char *name;
    enum tn_case_reg reg;
    int npos;
    const char *opts; /* ",amount,exempt," */
};

/* clang-format off */
static const struct verb verbs[] = {
    {"fee",        TN_CASE_REG_FEE,           0, ",amount,exempt,"},
    {"hearing",    TN_CASE_REG_HEARING,       1, ",court,"},
    {"asset",      TN_CASE_REG_ASSET,         2, ",holder,pledged,value,"},
    {"verify",     TN_CASE_REG_VERIFICATION,  2, ",by,"},
    {"priority",   TN_CASE_REG_PRIORITY,      1, ","},
    {"measure",    TN_CASE_REG_MEASURE,       2, ",amount,"},
    {"bank-order", TN_CASE_REG_BANK_ORDER,    1, ",amount,channel,"},
    {"bank-reply", TN_CASE_REG_BANK_REPLY,    2, ",amount,"},
    {"tip",        TN_CASE_REG_TIP,           2, ",asset-no,"},
    {"tip-result", TN_CASE_REG_TIP_RESULT,    1, ",recovered,"},
    {"agent",      TN_CASE_REG_AGENT,         2, ","},
};
/* clang-format on */

/* The CLI is the office's own tool: every unit, as the administrator. */
static const struct tn_scope everyone = {NULL, NULL, TN_ROLE_ADMIN};

#define BAD(...) (tn_cli_error("case", __VA_ARGS__), TN_ERR_REJECTED)

/* The options given to a verb, by name. */
struct opts {
    const char *name[16];
    const char *val[16];
    int n;
};

static const char *opt(const struct opts *o, const char *name)
{
    for (int i = 0; i < o->n; i++)
        if (strcmp(o->name[i] + 2, name) == 0)
            return o->val[i];
    return NULL;
}

/* The option name as a whole number of đồng into *out, -1 when not given; the message says
 * "above 0" for the amounts that must be (the rule itself is the application's). */
static tn_err amount_opt(const struct opts *o, const char *name, int positive, tn_money *out)
{
    const char *v = opt(o, name);
    *out = -1;
    if (v && tn_money_parse(v, 0, out))
        return BAD("--%s: số tiền không hợp lệ / expected a whole number of đồng%s, got \"%s\"",
                   name, positive ? " above 0" : "", v);
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

/* Calls the verb's application function with its typed arguments. */
static tn_err call(struct tn_app *app, const struct verb *vb, const struct tn_case_reg_base *b,
                   char **pos, const struct opts *o, long *no)
{
    tn_err err;
    const char *name = vb->name;
    if (strcmp(name, "fee") == 0) {
        struct tn_case_fee_args a = {*b, -1, opt(o, "exempt")};
        if (a.exempt && opt(o, "amount")) { /* both: the rule's refusal, not a parse error */
            if (tn_money_parse(opt(o, "amount"), 0, &a.amount))
                a.amount = 0;
            return tn_app_case_fee(app, &everyone, &a, no);
        }
        return (err = amount_opt(o, "amount", 1, &a.amount))
                   ? err
                   : tn_app_case_fee(app, &everyone, &a, no);
    }
    if (strcmp(name, "hearing") == 0) {
        struct tn_case_hearing_args a = {*b, pos[0], opt(o, "court")};
        return tn_app_case_hearing(app, &everyone, &a, no);
    }
    if (strcmp(name, "asset") == 0) {
        struct tn_case_asset_args a = {*b, pos[0], pos[1], opt(o, "holder"), -1, -1};
        const char *p = opt(o, "pledged");
        if (p && strcmp(p, "yes") && strcmp(p, "no"))
            return BAD("--pledged: expected yes or no, got \"%s\"", p);
        if (p)
            a.pledged = strcmp(p, "yes") == 0;
        return (err = amount_opt(o, "value", 0, &a.value))
                   ? err
                   : tn_app_case_asset(app, &everyone, &a, no);
    }
    if (strcmp(name, "verify") == 0) {
        struct tn_case_verify_args a = {*b, 0, pos[1], opt(o, "by")};
        if (a.by && *a.by && (err = number_arg("asset", pos[0], &a.asset)))
            return err;
        return tn_app_case_verify(app, &everyone, &a, no);
    }
    if (strcmp(name, "priority") == 0) {
        struct tn_case_priority_args a = {*b, pos[0]};
        return tn_app_case_priority(app, &everyone, &a, no);
    }
    if (strcmp(name, "measure") == 0) {
        struct tn_case_measure_args a = {*b, 0, pos[1], -1};
        if ((err = number_arg("asset", pos[0], &a.asset)) ||
            (err = amount_opt(o, "amount", 1, &a.amount)))
            return err;
        return tn_app_case_measure(app, &everyone, &a, no);
    }
    if (strcmp(name, "bank-order") == 0) {
        struct tn_case_bank_order_args a = {*b, pos[0], -1, opt(o, "channel")};
        if (*a.bank && (err = amount_opt(o, "amount", 1, &a.amount)))
            return err;
        return tn_app_case_bank_order(app, &everyone, &a, no);
    }
    if (strcmp(name, "bank-reply") == 0) {
        struct tn_case_bank_reply_args a = {*b, 0, pos[1], -1};
        if ((err = number_arg("order", pos[0], &a.order)) ||
            (err = amount_opt(o, "amount", 1, &a.amount)))
            return err;
        return tn_app_case_bank_reply(app, &everyone, &a, no);
    }
    if (strcmp(name, "tip") == 0) {
        struct tn_case_tip_args a = {*b, pos[0], pos[1], 0};
        const char *n = opt(o, "asset-no");
        if (*pos[0] && *pos[1] && n && (err = number_arg("--asset-no", n, &a.asset)))
            return err;
        return tn_app_case_tip(app, &everyone, &a, no);
    }
    if (strcmp(name, "tip-result") == 0) {
        struct tn_case_tip_result_args a = {*b, 0, -1};
        if ((err = number_arg("tip", pos[0], &a.tip)) ||
            (err = amount_opt(o, "recovered", 0, &a.recovered)))
            return err;
        return tn_app_case_tip_result(app, &everyone, &a, no);
    }
    struct tn_case_agent_args a = {*b, pos[0], pos[1]};
    return tn_app_case_agent(app, &everyone, &a, no);
}

static tn_err add(struct tn_app *app, const struct verb *vb, int argc, char **argv)
{
    if (argc < 2 + vb->npos)
        return TN_ERR_USAGE;
    struct tn_case_reg_base b = {argv[0], 0, NULL, NULL};
    if (tn_day_parse(argv[1], &b.day))
        return BAD("ngày không hợp lệ / expected a date YYYY-MM-DD, got \"%s\"", argv[1]);
    struct opts o = {.n = 0};
    for (int i = 2 + vb->npos; i < argc; i += 2) {
        char key[24];
        if (strncmp(argv[i], "--", 2) || i + 1 >= argc || o.n == 16)
            return TN_ERR_USAGE;
        snprintf(key, sizeof key, ",%s,", argv[i] + 2);
        if (strcmp(argv[i], "--note") == 0)
            b.note = argv[i + 1];
        else if (strcmp(argv[i], "--actor") == 0)
            b.actor = argv[i + 1];
        else if (!strstr(vb->opts, key))
            return TN_ERR_USAGE;
        o.name[o.n] = argv[i];
        o.val[o.n++] = argv[i + 1];
    }
    for (int i = 2; i < 2 + vb->npos; i++)
        if (strncmp(argv[i], "--", 2) == 0)
            return TN_ERR_USAGE;
    long n = 0;
    tn_err err = tn_cli_change(app);
    if (!err)
        err = call(app, vb, &b, argv + 2, &o, &n);
    if (err == TN_ERR_REJECTED && !app->why[0])
        return err; /* a parse error, reported */
    char summary[96];
    snprintf(summary, sizeof summary, "%s no %ld", vb->name, err ? 0 : n);
    err = tn_cli_audit(app, "case.register", argv[0], err, summary);
    if (err) {
        tn_cli_error("case", "%s", tn_app_why(app, err));
        return err;
    }
    printf("case %s: %s %ld recorded\n", argv[0], tn_case_reg_name(vb->reg), n);
    return TN_OK;
}

static tn_err branch(struct tn_app *app, int argc, char **argv)
{
    if (argc != 3 && !(argc == 5 && strcmp(argv[3], "--note") == 0))
        return TN_ERR_USAGE;
    tn_err err = tn_cli_change(app);
    if (!err)
        err = tn_app_case_branch(app, &everyone, argv[0], argv[1], argv[2],
                                 argc == 5 ? argv[4] : NULL);
    char summary[160];
    snprintf(summary, sizeof summary, "branch %.60s province %.20s", argv[1], argv[2]);
    err = tn_cli_audit(app, "case.register", argv[0], err, summary);
    if (err) {
        tn_cli_error("case", "%s", tn_app_why(app, err));
        return err;
    }
    printf("case %s: branch %s (province %s) linked\n", argv[0], argv[1], argv[2]);
    return TN_OK;
}

static tn_err claim(struct tn_app *app, int argc, char **argv)
{
    if (argc != 1 && !(argc == 3 && strcmp(argv[1], "--date") == 0))
        return TN_ERR_USAGE;
    tn_day day = -1;
    if (argc == 3 && (strlen(argv[2]) != 10 || tn_day_parse(argv[2], &day)))
        return BAD("ngày không hợp lệ / expected --date YYYY-MM-DD, got \"%s\"", argv[2]);
    struct tn_case_claim c;
    tn_case_claim_init(&c);
    tn_err err = tn_app_case_claim(app, &everyone, argv[0], day, &c);
    if (err) {
        tn_cli_error("case", "%s", tn_app_why(app, err));
        tn_case_claim_release(&c);
        return err;
    }
    const struct tn_balance_row *b = &c.explain.balance;
    const struct tn_debt debt = c.debt; /* past its deadline (docs/ledger.md "Debt") */
    char pp[TN_PERIOD_BUFSZ], a[32], i[32], d[32], nd[32];
    (void)tn_period_format(b->period, pp);
    tn__case_money(debt.principal, a);
    tn__case_money(debt.interest, i);
    tn__case_money(debt.total, d);
    printf("Số tiền khởi kiện / amount to claim for case %s, unit %s, filing %.10s:\n", c.case_id,
           c.unit_code, c.as_of);
    printf("  nợ gốc quá hạn / principal past its deadline %15s\n"
           "  lãi / interest due                           %15s\n"
           "  tổng / total                                 %15s\n",
           a, i, d);
    if (debt.not_due != 0) {
        tn__case_money(debt.not_due, nd);
        printf("  số phải nộp chưa đến hạn (không yêu cầu)     %15s\n", nd);
    }
    printf("  from the balance of %s (close #%lld, known %s), the latest closed by then; "
           "`thuno explain %s %s --as-of %.10s` shows every line\n",
           pp, b->close_id, b->known_at, c.unit_code, pp, c.as_of);
    if (c.stale)
        printf("  CẢNH BÁO / WARNING: kỳ khóa sổ gần nhất %s đã quá một tháng trước %.10s / the "
               "latest close %s is more than a month before %.10s: close the months since "
               "before filing\n",
               pp, c.as_of, pp, c.as_of);
    printf("  lãi sau cuối kỳ %s chưa tính / interest after the end of %s is not included "
           "(it accrues in the next close)\n",
           pp, pp);
    if (c.filed) {
        char r[32], diff[32], fds[TN_DAY_BUFSZ];
        tn__case_money(c.filed_amount, r);
        tn_day_format(c.filed_on, fds);
        tn_money_format_grouped(c.filed_amount - debt.total, diff);
        printf("  đã ghi khởi kiện / recorded lawsuit_filed %s: %s (difference %s)\n", fds, r,
               diff);
    }
    printf("\n");
    err = tn_app_case_claim_write(&c, stdout);
    tn_case_claim_release(&c);
    return err;
}

tn_err tn__case_register_cmd(struct tn_app *app, const char *sub, int argc, char **argv,
                             int *handled)
{
    *handled = 1;
    if (strcmp(sub, "claim") == 0)
        return claim(app, argc, argv);
    if (strcmp(sub, "branch") == 0)
        return branch(app, argc, argv);
    for (size_t i = 0; i < sizeof verbs / sizeof verbs[0]; i++)
        if (strcmp(sub, verbs[i].name) == 0)
            return add(app, &verbs[i], argc, argv);
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

static void show_assets(const struct tn_case_view *v)
{
    printf("\nTài sản / assets");
    if (v->priority) {
        char d[TN_DAY_BUFSZ];
        tn_day_format(v->priority->day, d);
        printf(" — thứ tự kê biên do bên được thi hành án chỉ định / creditor's seizure order %s "
               "(%s)",
               v->priority->detail, d);
    }
    printf(":\n");
    for (size_t i = 0; i < v->nassets; i++) {
        const struct tn_case_reg_row *r = v->assets[i].asset;
        char d[TN_DAY_BUFSZ], val[32], place[24] = "-";
        tn_day_format(r->day, d);
        tn__case_money(r->amount, val);
        if (v->assets[i].place)
            snprintf(place, sizeof place, "%zu", v->assets[i].place);
        printf("  #%ld [%s] %s: %s%s%s; pledged %s; est. %s; listed %s", r->no, place, r->what,
               r->detail, r->party[0] ? " @ " : "", r->party,
               r->flag < 0 ? "?"
               : r->flag   ? "yes"
                           : "no",
               val, d);
        tail(r);
        for (size_t j = 0; j < v->assets[i].nacts; j++) {
            const struct tn_case_reg_row *act = v->assets[i].acts[j];
            char dj[TN_DAY_BUFSZ], aj[32] = "";
            tn_day_format(act->day, dj);
            if (act->amount >= 0)
                tn__case_money(act->amount, aj);
            if (act->reg == TN_CASE_REG_VERIFICATION)
                printf("      %s  xác minh / verified: %s by %s", dj, act->what, act->party);
            else
                printf("      %s  cưỡng chế / measure: %s%s%s", dj, act->what, aj[0] ? " " : "",
                       aj);
            tail(act);
        }
    }
}

static void show_orders(const struct tn_case_view *v)
{
    for (size_t i = 0; i < v->norders; i++) {
        const struct tn_case_order_view *o = &v->orders[i];
        const struct tn_case_reg_row *r = o->order;
        char d[TN_DAY_BUFSZ], a[32], t[32];
        tn_day_format(r->day, d);
        tn__case_money(r->amount, a);
        printf("  #%ld %s  %s %s: ordered %s", r->no, d,
               strcmp(r->what, "treasury") == 0 ? "Kho bạc / treasury" : "ngân hàng / bank",
               r->party, a);
        tail(r);
        for (size_t j = 0; j < o->nreplies; j++) {
            const struct tn_case_reg_row *rep = o->replies[j].reply;
            char dj[TN_DAY_BUFSZ], aj[32];
            tn_day_format(rep->day, dj);
            tn__case_money(rep->amount, aj);
            printf("      %s  %s, deducted %s (%d days after the order)", dj, rep->what, aj,
                   o->replies[j].days);
            tail(rep);
        }
        tn__case_money(o->deducted, t);
        printf("      → %s; deducted %s of %s\n",
               o->last ? o->last->what : "chưa trả lời / no reply yet", t, a);
    }
}

static void show_tips(const struct tn_case_view *v)
{
    for (size_t i = 0; i < v->ntips; i++) {
        const struct tn_case_tip_view *t = &v->tips[i];
        char d[TN_DAY_BUFSZ];
        tn_day_format(t->tip->day, d);
        printf("  #%ld %s  %s: %s", t->tip->no, d, t->tip->party, t->tip->detail);
        if (t->tip->ref)
            printf(" (asset #%ld)", t->tip->ref);
        tail(t->tip);
        if (!t->result) {
            printf("      chưa có kết quả / no result yet\n");
            continue;
        }
        char dr[TN_DAY_BUFSZ], a[32], b[32];
        tn_day_format(t->result->day, dr);
        tn__case_money(t->result->amount, a);
        tn__case_money(t->reward, b);
        printf("      %s  thu được / recovered %s; thưởng / reward owed %s (%s)\n", dr, a, b,
               t->rule->source);
    }
}

static int has(const struct tn_case_reg_row *r, size_t n, enum tn_case_reg reg)
{
    for (size_t i = 0; i < n; i++)
        if (r[i].reg == reg)
            return 1;
    return 0;
}

void tn__case_registers_print(const struct tn_case_view *v)
{
    const struct tn_case_reg_row *r = v->regs;
    size_t nr = v->nregs;
    if (v->filed_claim_found) {
        const struct tn_balance_row *b = &v->filed_balance;
        const struct tn_debt debt = v->filed_debt; /* past its deadline (docs/ledger.md "Debt") */
        tn_money due = debt.total;
        char day[TN_DAY_BUFSZ], a[32], i[32], c[32], d[32], pp[TN_PERIOD_BUFSZ];
        tn_day_format(v->filed_on, day);
        tn__case_money(debt.principal, a);
        tn__case_money(debt.interest, i);
        tn__case_money(due, c);
        tn_money_format_grouped(v->filed_amount - due, d);
        (void)tn_period_format(b->period, pp);
        printf("\nKhởi kiện theo sổ / claim from the ledger at filing %s: %s = gốc / "
               "principal past its deadline %s + lãi / interest %s (balance %s, close #%lld); "
               "recorded "
               "difference %s (`thuno case claim %s --date %s`)\n",
               day, c, a, i, pp, b->close_id, d, v->case_id, day);
    }
    if (has(r, nr, TN_CASE_REG_FEE) || has(r, nr, TN_CASE_REG_HEARING)) {
        printf("\nTòa án / court:\n");
        show_court(r, nr);
    }
    const struct tn_case_reg_row *ag = v->agent;
    if (ag) {
        char d[TN_DAY_BUFSZ];
        tn_day_format(ag->day, d);
        printf("\nCơ quan thi hành án / enforcement agent: %s (%s) since %s%s\n",
               strcmp(ag->what, "bailiff") == 0 ? "Thừa phát lại / private bailiff"
                                                : "THADS / state enforcement office",
               ag->party, d, v->nagents > 1 ? " (replaces earlier)" : "");
    }
    if (v->nassets)
        show_assets(v);
    if (v->norders) {
        printf("\nYêu cầu trích tiền / forced-deduction orders:\n");
        show_orders(v);
    }
    if (v->ntips) {
        printf("\nTin báo về tài sản / informants' tips:\n");
        show_tips(v);
    }
    const struct tn_case_branch_row *br = v->branches;
    if (v->nbranches)
        printf("\nChi nhánh ở tỉnh khác / branches in other provinces:\n");
    for (size_t i = 0; i < v->nbranches; i++)
        printf("  %-12s tỉnh / province %s%s%s\n", br[i].unit_code, br[i].province_code,
               br[i].note[0] ? " — " : "", br[i].note);
}
