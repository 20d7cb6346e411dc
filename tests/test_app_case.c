/*
 * test_app_case.c - the application layer's case commands (thuno/app.h, src/app/
 * app_case.c, app_case_register.c, app_doc.c) called directly on a store built here: the
 * hand-checked province of tests/data/province closed July to November 2025 (docs/golden.md),
 * case HS-A of unit A recorded through the app as tests/data/case_registers has it, a register
 * entry of each kind, the refusals, the sweep on the cases of tests/data/cases. Figures come
 * from tests/golden/case_registers and tests/golden/cases (the CLI's goldens).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "app_fixture.h"
#include "thuno/app.h"
#include "thuno/case_register_store.h"
#include "thuno/case_store.h"

static tn_day day(const char *s)
{
    tn_day d = -1;
    assert_int_equal(tn_day_parse(s, &d), TN_OK);
    return d;
}

/* The app's clock at now. */
static void at(struct tn_app_fixture *f, const char *now)
{
    snprintf(f->app.now, sizeof f->app.now, "%s", now);
}

static int setup(void **state)
{
    struct tn_app_fixture *f = tn_app_fixture_new("2025-07-01T00:00:00");
    f->scope = (struct tn_scope){NULL, NULL, TN_ROLE_LEGAL};
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    tn_app_fixture_free(*state);
    return 0;
}

/* The province closed July to November 2025 on 2025-11-28, and case HS-A of unit A: a
 * reminder on 2025-09-10 and the lawsuit filed on 2025-12-05 for the ledger's claim. */
static int setup_province(void **state)
{
    if (setup(state))
        return -1;
    struct tn_app_fixture *f = *state;
    tn_app_fixture_province(f, "2025-07-01T00:00:00");
    tn_app_fixture_import(f, TN_IMPORT_PAYMENTS, "province", "2025-11-21T00:00:00");
    for (int m = 7; m <= 11; m++)
        tn_app_fixture_close_period(f, 2025 * 12 + m - 1, "2025-11-28T18:00:00");
    long seq;
    struct tn_case_record_args r = {
        "HS-A", TN_CASE_EV_REMINDER_SENT, day("2025-09-10"), "A", -1, "", NULL, "Đôn đốc lần 1",
        NULL};
    at(f, "2025-09-10T09:00:00");
    assert_int_equal(tn_app_case_record(&f->app, &f->scope, &r, &seq), TN_OK);
    assert_int_equal(seq, 1);
    r = (struct tn_case_record_args){
        "HS-A", TN_CASE_EV_LAWSUIT_FILED, day("2025-12-05"), "A", 15723200, "", "TAND quận 1", NULL,
        "O1"};
    at(f, "2025-12-05T10:00:00");
    assert_int_equal(tn_app_case_record(&f->app, &f->scope, &r, &seq), TN_OK);
    assert_int_equal(seq, 2);
    return 0;
}

static void record_refusals(void **state)
{
    struct tn_app_fixture *f = *state;
    long seq = 0;
    at(f, "2025-12-06T09:00:00");
    /* dated after the app's day: nothing happened yet */
    struct tn_case_record_args r = {
        "HS-A", TN_CASE_EV_MEDIATION_SETTLED, day("2025-12-07"), "A", 15000000, "", NULL, NULL,
        NULL};
    assert_int_equal(tn_app_case_record(&f->app, &f->scope, &r, &seq), TN_ERR_REJECTED);
    assert_non_null(strstr(tn_app_why(&f->app, TN_ERR_REJECTED), "refused: "));
    /* the wrong state: a sued case is not enforced before a judgment */
    r = (struct tn_case_record_args){
        "HS-A", TN_CASE_EV_ENFORCEMENT_REQUESTED, day("2025-12-06"), "A", -1, "", NULL, NULL, NULL};
    assert_int_equal(tn_app_case_record(&f->app, &f->scope, &r, &seq), TN_ERR_REJECTED);
    /* an outcome the event does not take */
    r = (struct tn_case_record_args){
        "HS-A", TN_CASE_EV_REMINDER_SENT, day("2025-12-06"), "A", -1, "full", NULL, NULL, NULL};
    assert_int_equal(tn_app_case_record(&f->app, &f->scope, &r, &seq), TN_ERR_REJECTED);
    assert_string_equal(f->app.why, "outcome \"full\" does not go with reminder_sent");
    /* no unit: a usage error */
    r.unit_code = NULL;
    assert_int_equal(tn_app_case_record(&f->app, &f->scope, &r, &seq), TN_ERR_USAGE);
    /* the case belongs to A */
    r = (struct tn_case_record_args){
        "HS-A", TN_CASE_EV_REMINDER_SENT, day("2025-12-06"), "B", -1, "", NULL, NULL, NULL};
    assert_int_equal(tn_app_case_record(&f->app, &f->scope, &r, &seq), TN_ERR_REJECTED);
    /* an unknown case has no file */
    struct tn_case_view v;
    tn_case_view_init(&v);
    assert_int_equal(tn_app_case_show(&f->app, &f->scope, "HS-NONE", NULL, &v), TN_ERR_NOT_FOUND);
    assert_string_equal(f->app.why, "no case HS-NONE");
    tn_case_view_release(&v);
    /* nothing refused was stored */
    tn_case_view_init(&v);
    assert_int_equal(tn_app_case_show(&f->app, &f->scope, "HS-A", NULL, &v), TN_OK);
    assert_int_equal(v.nevents, 2);
    tn_case_view_release(&v);
    /* before the lawsuit: escalating, and the checklist for filing (policy/checklist.csv):
     * the reminder was sent, no petition is attached */
    tn_case_view_init(&v);
    assert_int_equal(tn_app_case_show(&f->app, &f->scope, "HS-A", "2025-11-01T00:00:00", &v),
                     TN_OK);
    assert_int_equal(v.c.state, TN_CASE_ST_ESCALATING);
    assert_int_equal(v.nevents, 1);
    assert_int_equal(v.today, day("2025-11-01"));
    size_t filing = 0;
    for (size_t i = 0; i < v.nchecklist; i++) {
        const struct tn_case_check_line *l = &v.checklist[i];
        assert_true(tn_case_allows(&v.c, l->stage));
        if (l->stage != TN_CASE_EV_LAWSUIT_FILED)
            continue;
        filing++;
        assert_int_equal(l->met, strcmp(l->requires, "event:reminder_sent") == 0);
    }
    assert_int_equal(filing, 5);
    tn_case_view_release(&v);
}

static void claim_from_the_ledger(void **state)
{
    struct tn_app_fixture *f = *state;
    at(f, "2026-01-01T00:00:00");
    struct tn_case_claim c;
    tn_case_claim_init(&c);
    assert_int_equal(tn_app_case_claim(&f->app, &f->scope, "HS-A", day("2025-12-05"), &c), TN_OK);
    /* tests/golden/case_registers/claim-HS-A-2025-12-05.txt: the balance of 2025-11 */
    assert_int_equal(c.explain.balance.period, 2025 * 12 + 10);
    assert_int_equal(c.explain.balance.principal_due, 15680000);
    assert_int_equal(c.explain.balance.interest_due, 51936);
    assert_true(c.filed);
    /* recorded before A's truy thu bore interest from August's deadline: difference -8,736 */
    assert_int_equal(c.filed_amount, 15723200);
    assert_int_equal(c.filed_on, day("2025-12-05"));
    assert_false(c.stale);
    assert_string_equal(c.as_of, "2025-12-05T23:59:59");
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);
    assert_int_equal(tn_app_case_claim_write(&c, out), TN_OK);
    fclose(out);
    assert_true(size > 0);
    free(text);
    tn_case_claim_release(&c);
    /* nothing closed was known by 2025-07-15; no case HS-NONE */
    tn_case_claim_init(&c);
    assert_int_equal(tn_app_case_claim(&f->app, &f->scope, "HS-A", day("2025-07-15"), &c),
                     TN_ERR_REJECTED);
    assert_non_null(strstr(f->app.why, "unit A has no closed balance known by 2025-07-15"));
    tn_case_claim_release(&c);
    tn_case_claim_init(&c);
    assert_int_equal(tn_app_case_claim(&f->app, &f->scope, "HS-NONE", -1, &c), TN_ERR_REJECTED);
    assert_string_equal(f->app.why, "không có hồ sơ / no case HS-NONE");
    tn_case_claim_release(&c);
}

#define BASE(d)                                                                                    \
    {                                                                                              \
        "HS-A", day(d), NULL, "O1"                                                                 \
    }

/* One entry of each register, and their refusals. */
static void registers(void **state)
{
    struct tn_app_fixture *f = *state;
    struct tn_app *app = &f->app;
    const struct tn_scope *sc = &f->scope;
    long no = 0;
    at(f, "2026-05-01T09:00:00");

    struct tn_case_fee_args fee = {BASE("2025-12-05"), 300000, NULL};
    assert_int_equal(tn_app_case_fee(app, sc, &fee, &no), TN_OK);
    assert_int_equal(no, 1);
    fee.amount = 0;
    assert_int_equal(tn_app_case_fee(app, sc, &fee, &no), TN_ERR_REJECTED);
    assert_string_equal(app->why, "--amount: số tiền không hợp lệ / expected a whole number of "
                                  "đồng above 0, got \"0\"");
    fee = (struct tn_case_fee_args){BASE("2026-05-02"), 5, NULL};
    assert_int_equal(tn_app_case_fee(app, sc, &fee, &no), TN_ERR_REJECTED);
    assert_string_equal(app->why, "ngày 2026-05-02 sau hôm nay / 2026-05-02 is after today "
                                  "(2026-05-01); only a scheduled hearing may be dated ahead");
    fee = (struct tn_case_fee_args){BASE("2026-05-01"), 5, "Luật"};
    assert_int_equal(tn_app_case_fee(app, sc, &fee, &no), TN_ERR_REJECTED);

    /* only a scheduled hearing may be dated ahead */
    struct tn_case_hearing_args h = {BASE("2026-06-15"), "scheduled", "TAND quận 1"};
    assert_int_equal(tn_app_case_hearing(app, sc, &h, &no), TN_OK);
    h.status = "held";
    assert_int_equal(tn_app_case_hearing(app, sc, &h, &no), TN_ERR_REJECTED);
    h = (struct tn_case_hearing_args){BASE("2026-04-01"), "adjourned", "TAND quận 1"};
    assert_int_equal(tn_app_case_hearing(app, sc, &h, &no), TN_ERR_REJECTED);

    struct tn_case_asset_args as = {BASE("2026-04-02"), "land", "Thửa đất số 12",
                                    "VP đăng ký",       0,      900000000};
    assert_int_equal(tn_app_case_asset(app, sc, &as, &no), TN_OK);
    assert_int_equal(no, 1);
    as = (struct tn_case_asset_args){
        BASE("2026-04-03"), "bank_account", "TK tại BIDV", NULL, -1, -1};
    assert_int_equal(tn_app_case_asset(app, sc, &as, &no), TN_OK);
    assert_int_equal(no, 2);

    struct tn_case_verify_args ver = {BASE("2026-04-10"), 1, "exists", "Cán bộ X"};
    assert_int_equal(tn_app_case_verify(app, sc, &ver, &no), TN_OK);
    ver.asset = 9;
    assert_int_equal(tn_app_case_verify(app, sc, &ver, &no), TN_ERR_REJECTED);
    assert_string_equal(app->why, "từ chối / refused: case HS-A has no asset 9");

    struct tn_case_priority_args pr = {BASE("2026-04-11"), "2,2"};
    assert_int_equal(tn_app_case_priority(app, sc, &pr, &no), TN_ERR_REJECTED);
    pr.order = "2,1";
    assert_int_equal(tn_app_case_priority(app, sc, &pr, &no), TN_OK);

    struct tn_case_measure_args me = {BASE("2026-04-12"), 1, "account_freeze", -1};
    assert_int_equal(tn_app_case_measure(app, sc, &me, &no), TN_ERR_REJECTED); /* a land */
    me.asset = 2;
    assert_int_equal(tn_app_case_measure(app, sc, &me, &no), TN_OK);

    struct tn_case_bank_order_args bo = {BASE("2026-04-15"), "BIDV CN quận 1", -1, NULL};
    assert_int_equal(tn_app_case_bank_order(app, sc, &bo, &no), TN_ERR_REJECTED);
    bo.channel = "treasury"; /* A is a private unit */
    bo.amount = 5000000;
    assert_int_equal(tn_app_case_bank_order(app, sc, &bo, &no), TN_ERR_REJECTED);
    bo.channel = NULL;
    assert_int_equal(tn_app_case_bank_order(app, sc, &bo, &no), TN_OK);
    assert_int_equal(no, 1);

    struct tn_case_bank_reply_args br = {BASE("2026-04-20"), 1, "partial", 6000000};
    assert_int_equal(tn_app_case_bank_reply(app, sc, &br, &no), TN_ERR_REJECTED); /* > ordered */
    br.amount = 2000000;
    assert_int_equal(tn_app_case_bank_reply(app, sc, &br, &no), TN_OK);

    struct tn_case_tip_args tip = {BASE("2026-04-21"), "Nguyễn Văn B", "Xe tải 51C-12345", 0};
    assert_int_equal(tn_app_case_tip(app, sc, &tip, &no), TN_OK);
    struct tn_case_tip_result_args tr = {BASE("2026-04-25"), 1, -1};
    assert_int_equal(tn_app_case_tip_result(app, sc, &tr, &no), TN_ERR_REJECTED);
    tr.recovered = 50000000;
    assert_int_equal(tn_app_case_tip_result(app, sc, &tr, &no), TN_OK);

    struct tn_case_agent_args ag = {BASE("2026-04-26"), "court", "TAND"};
    assert_int_equal(tn_app_case_agent(app, sc, &ag, &no), TN_ERR_REJECTED);
    ag = (struct tn_case_agent_args){BASE("2026-04-26"), "thads", "Chi cục THADS quận 1"};
    assert_int_equal(tn_app_case_agent(app, sc, &ag, &no), TN_OK);

    assert_int_equal(tn_app_case_branch(app, sc, "HS-A", "B", "01", "chi nhánh"), TN_OK);
    assert_int_equal(tn_app_case_branch(app, sc, "HS-A", "A", "79", NULL), TN_ERR_REJECTED);
    assert_int_equal(tn_app_case_branch(app, sc, "HS-A", "C", "Cần-Thơ", NULL), TN_ERR_REJECTED);

    /* an unknown case has no register */
    struct tn_case_asset_args none = {
        {"HS-NONE", day("2026-04-02"), NULL, NULL}, "land", "Đất", NULL, -1, -1};
    assert_int_equal(tn_app_case_asset(app, sc, &none, &no), TN_ERR_REJECTED);
    assert_non_null(strstr(app->why, "no case HS-NONE"));

    /* the case's file: events, the claim at filing, every register, the reward owed */
    struct tn_case_view v;
    tn_case_view_init(&v);
    assert_int_equal(tn_app_case_show(app, sc, "HS-A", NULL, &v), TN_OK);
    assert_string_equal(v.unit_code, "A");
    assert_int_equal(v.c.state, TN_CASE_ST_SUED);
    assert_int_equal(v.c.claimed, 15723200);
    assert_false(v.replay_failed);
    assert_int_equal(v.nevents, 2);
    assert_string_equal(v.events[1].actor, "O1");
    assert_true(v.filed_claim_found);
    assert_int_equal(v.filed_balance.principal_due + v.filed_balance.interest_due, 15731936);
    assert_int_equal(v.nregs, 12);
    assert_int_equal(v.nbranches, 1);
    assert_string_equal(v.branches[0].province_code, "01");
    /* policy/tip_reward.csv: 5% of 50,000,000, under the 10,000,000 cap */
    assert_int_equal(v.ntips, 1);
    assert_string_equal(v.tips[0].tip->party, "Nguyễn Văn B");
    assert_int_equal(v.tips[0].result->amount, 50000000);
    assert_int_equal(v.tips[0].reward, 2500000);
    assert_non_null(v.tips[0].rule);
    /* the creditor's order 2,1: the bank account first, frozen; the land verified */
    assert_string_equal(v.priority->detail, "2,1");
    assert_int_equal(v.nassets, 2);
    assert_int_equal(v.assets[0].asset->no, 2);
    assert_int_equal(v.assets[0].place, 1);
    assert_int_equal(v.assets[0].nacts, 1);
    assert_string_equal(v.assets[0].acts[0]->what, "account_freeze");
    assert_int_equal(v.assets[1].asset->no, 1);
    assert_int_equal(v.assets[1].place, 2);
    assert_string_equal(v.assets[1].acts[0]->what, "exists");
    /* the order: 2,000,000 of 5,000,000 deducted, 5 days after it */
    assert_int_equal(v.norders, 1);
    assert_int_equal(v.orders[0].order->amount, 5000000);
    assert_int_equal(v.orders[0].nreplies, 1);
    assert_int_equal(v.orders[0].replies[0].days, 5);
    assert_int_equal(v.orders[0].deducted, 2000000);
    assert_string_equal(v.orders[0].last->what, "partial");
    assert_string_equal(v.agent->party, "Chi cục THADS quận 1");
    assert_int_equal(v.nagents, 1);
    assert_int_equal(v.today, day("2026-05-01"));
    assert_int_equal(v.nchecklist, 0); /* policy/checklist.csv lists nothing after a lawsuit */
    tn_case_view_release(&v);

    /* as of before the registers: none of them */
    tn_case_view_init(&v);
    assert_int_equal(tn_app_case_show(app, sc, "HS-A", "2025-12-31T00:00:00", &v), TN_OK);
    assert_int_equal(v.nregs, 0);
    assert_int_equal(v.nbranches, 0);
    assert_string_equal(v.as_of, "2025-12-31T00:00:00");
    tn_case_view_release(&v);
}

static void attach_and_pensioner(void **state)
{
    struct tn_app_fixture *f = *state;
    at(f, "2026-01-02T09:00:00");
    char bytes[] = "abc", sha[65];
    FILE *in = fmemopen(bytes, 3, "rb");
    assert_int_equal(
        tn_app_case_attach(&f->app, &f->scope, "HS-A", "petition", "don.pdf", in, "O1", sha),
        TN_OK);
    fclose(in);
    assert_string_equal(sha, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    in = fmemopen(bytes, 3, "rb");
    assert_int_equal(
        tn_app_case_attach(&f->app, &f->scope, "HS-NONE", "petition", "x.pdf", in, NULL, sha),
        TN_ERR_NOT_FOUND);
    fclose(in);
    struct tn_case_view v;
    tn_case_view_init(&v);
    assert_int_equal(tn_app_case_show(&f->app, &f->scope, "HS-A", NULL, &v), TN_OK);
    assert_int_equal(v.nattachments, 1);
    assert_string_equal(v.attachments[0].name, "don.pdf");
    assert_int_equal(v.attachments[0].size, 3);
    tn_case_view_release(&v);

    struct tn_doc_pensioner p = {0};
    snprintf(p.name, sizeof p.name, "Trần Văn C");
    snprintf(p.bhxh_code, sizeof p.bhxh_code, "7900000001");
    p.pay_day = 5;
    assert_int_equal(tn_app_case_pensioner(&f->app, &f->scope, "HS-NONE", &p, NULL),
                     TN_ERR_NOT_FOUND);
    assert_int_equal(tn_app_case_pensioner(&f->app, &f->scope, "HS-A", &p, "O1"), TN_OK);
    p.pay_day = 32;
    assert_int_equal(tn_app_case_pensioner(&f->app, &f->scope, "HS-A", &p, "O1"), TN_ERR_RANGE);
}

/* The petition reprinted with its filing day, and the checklist built the same way. */
static void documents(void **state)
{
    struct tn_app_fixture *f = *state;
    at(f, "2026-01-02T09:00:00");
    struct tn_doc_request req = {"HS-A", -1, NULL, NULL, NULL, NULL, NULL, NULL};
    struct tn_doc d;
    char created[20];
    tn_doc_init(&d);
    /* no issuing office: refused, never headed "BẢO HIỂM XÃ HỘI TỈNH" alone */
    assert_int_equal(tn_app_doc(&f->app, &f->scope, TN_DOC_LAWSUIT_PETITION, &req, &d, created),
                     TN_ERR_USAGE);
    req.issuer = "BẢO HIỂM XÃ HỘI TỈNH YÊN NAM";
    assert_int_equal(tn_app_doc(&f->app, &f->scope, TN_DOC_LAWSUIT_PETITION, &req, &d, created),
                     TN_OK);
    assert_int_equal(d.kind, TN_DOC_LAWSUIT_PETITION);
    assert_int_equal(d.date, day("2025-12-05"));
    assert_string_equal(d.issuer, "BẢO HIỂM XÃ HỘI TỈNH YÊN NAM");
    assert_string_equal(created, "2026-01-02T09:00:00");
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);
    assert_int_equal(tn_app_doc_write(&d, TN_DOC_FORMAT_TEXT, created, out), TN_OK);
    fclose(out);
    assert_non_null(strstr(text, "15.723.200")); /* the claim at filing */
    free(text);
    tn_doc_release(&d);

    struct tn_doc_checklist ck;
    assert_int_equal(tn_app_doc_checklist(&f->app, &f->scope, &req, &ck), TN_OK);
    assert_string_equal(ck.unit_code, "A");
    assert_int_equal(ck.state, TN_CASE_ST_SUED);
    assert_int_equal(ck.date, day("2026-01-02"));
    const struct tn_doc_checklist_line *l = &ck.lines[TN_DOC_LAWSUIT_PETITION];
    assert_int_equal(l->kind, TN_DOC_LAWSUIT_PETITION);
    assert_int_equal(l->check.recorded, day("2025-12-05")); /* a reprint */
    assert_true(l->built);

    req.case_id = "HS-NONE";
    tn_doc_init(&d);
    assert_int_equal(tn_app_doc(&f->app, &f->scope, TN_DOC_LAWSUIT_PETITION, &req, &d, created),
                     TN_ERR_NOT_FOUND);
    assert_non_null(strstr(f->app.why, "no case HS-NONE"));
    tn_doc_release(&d);
}

/* tests/golden/cases/sweep.txt: HS-2024-01's missed second instalment, found once. */
static void sweep_records_a_default_once(void **state)
{
    struct tn_app_fixture *f = *state;
    tn_app_fixture_litigation(f);
    at(f, "2024-12-01T08:00:00");
    struct tn_case_sweep r;
    tn_case_sweep_init(&r);
    /* a sweep records what happened: not a day after today */
    assert_int_equal(tn_app_case_sweep(&f->app, &f->scope, day("2024-12-02"), &r), TN_ERR_REJECTED);
    assert_int_equal(r.n, 0);
    assert_int_equal(tn_app_case_sweep(&f->app, &f->scope, day("2024-06-01"), &r), TN_OK);
    assert_int_equal(r.n, 1);
    assert_string_equal(r.lines[0].case_id, "HS-2024-01");
    assert_string_equal(r.lines[0].unit_code, "U7");
    assert_string_equal(r.lines[0].note, "instalment 2 due 2024-05-31 missed by 30000000; "
                                         "remainder 30.000.000 due and enforceable");
    tn_case_sweep_release(&r);
    assert_int_equal(tn_app_case_sweep(&f->app, &f->scope, day("2024-06-01"), &r), TN_OK);
    assert_int_equal(r.n, 0);
    tn_case_sweep_release(&r);
    /* the default is on the case's file */
    struct tn_case_view v;
    tn_case_view_init(&v);
    assert_int_equal(tn_app_case_show(&f->app, &f->scope, "HS-2024-01", NULL, &v), TN_OK);
    assert_int_equal(v.events[v.nevents - 1].step.event, TN_CASE_EV_PLAN_DEFAULTED);
    assert_string_equal(v.events[v.nevents - 1].actor, "thuno case sweep");
    assert_true(v.nplan > 0);
    assert_true(v.plan_judged);
    tn_case_view_release(&v);
    /* an office no unit has */
    struct tn_scope nowhere = {"D9", NULL, TN_ROLE_LEGAL};
    assert_int_equal(tn_app_case_sweep(&f->app, &nowhere, -1, &r), TN_ERR_NOT_FOUND);
    tn_case_sweep_release(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(record_refusals, setup_province, teardown),
        cmocka_unit_test_setup_teardown(claim_from_the_ledger, setup_province, teardown),
        cmocka_unit_test_setup_teardown(registers, setup_province, teardown),
        cmocka_unit_test_setup_teardown(attach_and_pensioner, setup_province, teardown),
        cmocka_unit_test_setup_teardown(documents, setup_province, teardown),
        cmocka_unit_test_setup_teardown(sweep_records_a_default_once, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
