/*
 * test_doc.c - a case's documents filled from hand-made facts (doc.h, docs/documents.md): the
 * fine proposal's range (organisation x2, a household business x1, BHYT outside the base),
 * the refusals naming the missing fact or the wrong stage, the enforceable amount, the
 * State Treasury variant, the claim's line-by-line explanation and the pension dates.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "thuno/doc.h"

static tn_day day(int y, int m, int d)
{
    tn_day out = 0;
    assert_int_equal(tn_day_make(y, m, d, &out), TN_OK);
    return out;
}

static struct tn_fine_rule fine_rule;
static struct tn_case c;
static struct tn_case_step steps[8];
static const char *notes[8];
static struct tn_doc_period periods[2];
static struct tn_doc_interest interest[1];
static struct tn_doc_payment payments[2];

/* Unit A of the hand-checked province at November 2025 (docs/golden.md): principal due
 * 15,680,000 = BHYT 2,205,000 + BHTN 980,000 + BHXH 12,495,000, interest 43,200. */
static void facts(struct tn_doc_facts *f, const char *type)
{
    memset(f, 0, sizeof *f);
    fine_rule = (struct tn_fine_rule){
        day(2022, 1, 17), TN_FINE_LATE, TN_FINE_BASE_BHXH_BHTN, 120000, 150000, 75000000, 2,
        "Decree 12/2022"};
    tn_case_init(&c);
    f->case_id = "HS-T";
    f->date = day(2025, 11, 29);
    f->as_of = f->ledger_as_of = "2025-11-29T23:59:59";
    f->issuer = "BẢO HIỂM XÃ HỘI TỈNH";
    f->place = "";
    f->to = "";
    f->unit_found = 1;
    f->unit_code = "A";
    f->unit_name = "Công ty TNHH Hải Âu";
    f->tax_code = "0100000001";
    f->unit_type = type;
    f->address = "12 Lê Lợi, Quận 1";
    f->office_code = "";
    f->c = &c;
    f->steps = steps;
    f->notes = notes;
    f->fines = &fine_rule;
    f->nfines = 1;
    periods[0] = (struct tn_doc_period){
        tn_day_period(day(2025, 10, 1)), 5760000, 0, 0, 10560000, 10560000, {0}, day(2025, 11, 30)};
    periods[1] = (struct tn_doc_period){tn_day_period(day(2025, 11, 1)),
                                        5120000,
                                        43200,
                                        0,
                                        15723200,
                                        5120000,
                                        {0},
                                        day(2025, 12, 31)};
    interest[0] = (struct tn_doc_interest){.period = periods[1].period,
                                           .accrual_month = -1,
                                           .group = "BHXH",
                                           .rule = "daily",
                                           .status = "ok",
                                           .from = "2025-11-01",
                                           .to = "2025-11-30",
                                           .days = 30,
                                           .principal = 4800000,
                                           .rate = 300,
                                           .amount = 43200,
                                           .source = "Law 41/2024/QH15 Art 40"};
    f->ledger = (struct tn_doc_ledger){.found = 1,
                                       .period = periods[1].period,
                                       .known_at = "2025-11-28T18:00:00",
                                       .principal_due = 15680000,
                                       .interest_due = 43200,
                                       .due_bhyt = 2205000,
                                       .due_bhtn = 980000,
                                       .due_bhxh = 12495000,
                                       .oldest_unpaid = tn_day_period(day(2025, 9, 1)),
                                       .months_owed_tenths = 20,
                                       .legal_status = "late",
                                       .periods = periods,
                                       .nperiods = 2,
                                       .interest = interest,
                                       .ninterest = 1,
                                       .principal_overdue = 10560000};
}

static void add(struct tn_doc_facts *f, enum tn_case_event e, tn_day d, tn_money amount,
                enum tn_case_outcome out, const char *office)
{
    char why[256];
    steps[f->nsteps] = (struct tn_case_step){e, d, amount, out, office};
    notes[f->nsteps] = "";
    assert_int_equal(tn_case_apply(&c, &steps[f->nsteps], why, sizeof why), TN_OK);
    f->nsteps++;
}

static const struct tn_doc_line *find(const struct tn_doc *d, const char *label_prefix)
{
    for (size_t i = 0; i < d->nlines; i++)
        if (strncmp(d->lines[i].label, label_prefix, strlen(label_prefix)) == 0)
            return &d->lines[i];
    return NULL;
}

static void fine_proposal_range(void **state)
{
    (void)state;
    static const struct {
        const char *type;
        tn_money min, max, proposed;
    } t[] = {
        /* base 13,475,000: 12% = 1,617,000, 15% = 2,021,250; x2 for an organisation */
        {"private", 3234000, 4042500, 3638250},
        {"state", 3234000, 4042500, 3638250},
        {"household", 1617000, 2021250, 1819125}, /* a household business: an individual */
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        struct tn_doc_facts f;
        facts(&f, t[i].type);
        add(&f, TN_CASE_EV_REMINDER_SENT, day(2025, 10, 5), -1, TN_CASE_OUT_NONE_GIVEN, "");
        struct tn_doc d;
        char why[256] = "";
        tn_doc_init(&d);
        assert_int_equal(tn_doc_build(TN_DOC_FINE_PROPOSAL, &f, &d, why, sizeof why), TN_OK);
        assert_int_equal(find(&d, "Số tiền phải đóng làm căn cứ")->amount, 13475000);
        assert_int_equal(find(&d, "Mức tối thiểu")->amount, t[i].min);
        assert_int_equal(find(&d, "Mức tối đa")->amount, t[i].max);
        assert_int_equal(d.amount, t[i].proposed);
        tn_doc_release(&d);
        assert_int_equal(d.nlines, 0);
    }
}

/* An evading unit is fined under the evasion clause (18-20%), a late one under the late
 * clause (12-15%); BHYT (2,205,000) gets its own range under its own decree when its rule is
 * given. Base 13,475,000 (BHXH + BHTN) as above. */
static void fine_proposal_by_violation(void **state)
{
    (void)state;
    struct tn_fine_rule rules[3] = {
        {day(2022, 1, 17), TN_FINE_LATE, TN_FINE_BASE_BHXH_BHTN, 120000, 150000, 75000000, 2,
         "Decree 12/2022 Art 39.5"},
        {day(2022, 1, 17), TN_FINE_EVASION, TN_FINE_BASE_BHXH_BHTN, 180000, 200000, 75000000, 2,
         "Decree 12/2022 Art 39.6"},
        {day(2020, 11, 15), TN_FINE_EVASION, TN_FINE_BASE_BHYT, 180000, 200000, 75000000, 2,
         "Decree 117/2020 Art 80"},
    };
    static const struct {
        const char *legal;
        tn_money min, max, proposed;
        const char *subject; /* in d.subject */
        tn_money bhyt_min;   /* -1: no BHYT range (no BHYT late rule given) */
    } t[] = {
        /* 12%: 1,617,000 x2; 15%: 2,021,250 x2 */
        {"late", 3234000, 4042500, 3638250, "chậm đóng", -1},
        /* 18%: 2,425,500 x2; 20%: 2,695,000 x2; middle 5,120,500; BHYT 18% 396,900 x2 */
        {"evading", 4851000, 5390000, 5120500, "trốn đóng", 793800},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        struct tn_doc_facts f;
        facts(&f, "private");
        f.fines = rules;
        f.nfines = 3;
        snprintf(f.ledger.legal_status, sizeof f.ledger.legal_status, "%s", t[i].legal);
        add(&f, TN_CASE_EV_REMINDER_SENT, day(2025, 10, 5), -1, TN_CASE_OUT_NONE_GIVEN, "");
        struct tn_doc d;
        char why[256] = "";
        tn_doc_init(&d);
        assert_int_equal(tn_doc_build(TN_DOC_FINE_PROPOSAL, &f, &d, why, sizeof why), TN_OK);
        assert_int_equal(find(&d, "Mức tối thiểu")->amount, t[i].min);
        assert_int_equal(find(&d, "Mức tối đa")->amount, t[i].max);
        assert_int_equal(d.amount, t[i].proposed);
        assert_non_null(strstr(d.subject, t[i].subject));
        const struct tn_doc_line *yt = find(&d, "Nợ gốc BHYT làm căn cứ");
        if (t[i].bhyt_min < 0) {
            assert_null(yt);
        } else {
            assert_int_equal(yt->amount, 2205000);
            assert_int_equal((yt + 3)->amount, t[i].bhyt_min); /* its own minimum */
        }
        tn_doc_release(&d);
    }
}

static void fine_proposal_refusals(void **state)
{
    (void)state;
    struct tn_doc_facts f;
    struct tn_doc d;
    char why[256];
    facts(&f, "private");
    f.date = day(2022, 1, 16); /* before the first fine rule */
    tn_doc_init(&d);
    assert_int_equal(tn_doc_build(TN_DOC_FINE_PROPOSAL, &f, &d, why, sizeof why), TN_ERR_NO_POLICY);
    facts(&f, "private");
    f.ledger.found = 0;
    assert_int_equal(tn_doc_build(TN_DOC_FINE_PROPOSAL, &f, &d, why, sizeof why), TN_ERR_NOT_FOUND);
    assert_non_null(strstr(why, "closed balance"));
    facts(&f, "private");
    f.ledger.due_bhxh = f.ledger.due_bhtn = 0; /* only BHYT owed: nothing to fine */
    assert_int_equal(tn_doc_build(TN_DOC_FINE_PROPOSAL, &f, &d, why, sizeof why), TN_ERR_NOT_FOUND);
    assert_non_null(strstr(why, "owes nothing"));
    facts(&f, "private");
    add(&f, TN_CASE_EV_LAWSUIT_FILED, day(2025, 12, 10), 1, TN_CASE_OUT_NONE_GIVEN, "TAND");
    assert_int_equal(tn_doc_build(TN_DOC_FINE_PROPOSAL, &f, &d, why, sizeof why), TN_ERR_STATE);
    assert_non_null(strstr(why, "sued"));
    assert_int_equal(d.nlines, 0);
}

static void deduction_treasury_and_bank(void **state)
{
    (void)state;
    struct tn_doc_facts f;
    struct tn_doc d;
    char why[256];
    facts(&f, "public");
    add(&f, TN_CASE_EV_REMINDER_SENT, day(2025, 10, 5), -1, TN_CASE_OUT_NONE_GIVEN, "");
    tn_doc_init(&d);
    assert_int_equal(tn_doc_build(TN_DOC_DEDUCTION_REQUEST, &f, &d, why, sizeof why),
                     TN_ERR_NOT_FOUND);
    assert_non_null(strstr(why, "fine_decided"));
    add(&f, TN_CASE_EV_FINE_DECIDED, day(2025, 11, 15), 1000000, TN_CASE_OUT_NONE_GIVEN, "TTr");
    assert_int_equal(tn_doc_build(TN_DOC_DEDUCTION_REQUEST, &f, &d, why, sizeof why),
                     TN_ERR_NOT_FOUND);
    assert_non_null(strstr(why, "State Treasury"));
    f.to = "huyện Cam Lộ";
    assert_int_equal(tn_doc_build(TN_DOC_DEDUCTION_REQUEST, &f, &d, why, sizeof why), TN_OK);
    assert_int_equal(d.treasury, 1);
    assert_string_equal(d.addressee, "Kho bạc Nhà nước huyện Cam Lộ");
    /* the debt: October's 10,560,000 past its deadline (2025-11-30) + interest 43,200;
     * November's 5,120,000 is due by 2025-12-31 and not claimed */
    assert_int_equal(d.amount, 10603200);
    assert_int_equal(find(&d, "Số phải nộp chưa đến hạn")->amount, -5120000);
    tn_doc_release(&d);
    /* a private unit: its bank, named by a deduction_ordered event */
    facts(&f, "private");
    add(&f, TN_CASE_EV_FINE_DECIDED, day(2025, 11, 15), 1000000, TN_CASE_OUT_NONE_GIVEN, "TTr");
    add(&f, TN_CASE_EV_DEDUCTION_ORDERED, day(2025, 12, 1), -1, TN_CASE_OUT_NONE_GIVEN,
        "Ngân hàng X");
    assert_int_equal(tn_doc_build(TN_DOC_DEDUCTION_REQUEST, &f, &d, why, sizeof why), TN_OK);
    assert_int_equal(d.treasury, 0);
    assert_string_equal(d.addressee, "Ngân hàng X");
    assert_int_equal(find(&d, "Tổng số tiền")->amount, 10603200);
    tn_doc_release(&d);
}

static void petition_explains_the_claim(void **state)
{
    (void)state;
    struct tn_doc_facts f;
    struct tn_doc d;
    char why[256];
    facts(&f, "private");
    f.address = "";
    f.to = "TAND Quận 1";
    tn_doc_init(&d);
    assert_int_equal(tn_doc_build(TN_DOC_LAWSUIT_PETITION, &f, &d, why, sizeof why),
                     TN_ERR_NOT_FOUND);
    assert_non_null(strstr(why, "address"));
    f.address = "12 Lê Lợi";
    assert_int_equal(tn_doc_build(TN_DOC_LAWSUIT_PETITION, &f, &d, why, sizeof why), TN_OK);
    assert_int_equal(d.amount, 10603200);
    /* the unpaid parts of the periods add up to the principal due, and the total row says so */
    tn_money unpaid = 0, total = -1;
    for (size_t i = 0; i < d.nlines; i++)
        if (d.lines[i].kind == TN_DOC_LINE_ROW && !d.lines[i].bold)
            unpaid += d.lines[i].v[4];
        else if (d.lines[i].kind == TN_DOC_LINE_ROW)
            total = d.lines[i].v[4];
    assert_int_equal(total, 15680000);
    assert_int_equal(unpaid, 15680000);
    assert_int_equal(find(&d, "Số tiền khởi kiện")->amount, 10603200);
    assert_int_equal(find(&d, "Số phải nộp chưa đến hạn")->amount, -5120000);
    assert_int_equal(find(&d, "2025-11 BHXH")->amount, 43200);
    /* each unpaid period's deadline, past or not at the end of 2025-11 */
    const char *past = NULL, *not_due = NULL;
    for (size_t i = 0; i < d.nlines; i++)
        if (d.lines[i].kind == TN_DOC_LINE_FIELD && strcmp(d.lines[i].label, "2025-10") == 0)
            past = d.lines[i].text;
        else if (d.lines[i].kind == TN_DOC_LINE_FIELD && strcmp(d.lines[i].label, "2025-11") == 0)
            not_due = d.lines[i].text;
    assert_non_null(past);
    assert_non_null(not_due);
    assert_non_null(strstr(past, "30/11/2025"));
    assert_non_null(strstr(past, "đã quá hạn"));
    assert_non_null(strstr(not_due, "31/12/2025"));
    assert_non_null(strstr(not_due, "chưa đến hạn"));
    tn_doc_release(&d);
    /* nothing past its deadline and no interest: no debt to claim, whatever is assessed */
    facts(&f, "private");
    f.to = "TAND Quận 1";
    f.ledger.principal_overdue = 0;
    f.ledger.interest_due = 0;
    assert_int_equal(tn_doc_build(TN_DOC_LAWSUIT_PETITION, &f, &d, why, sizeof why),
                     TN_ERR_NOT_FOUND);
    assert_non_null(strstr(why, "owes nothing past its deadline"));
    /* every principal past its deadline: no "not yet due" line */
    facts(&f, "private");
    f.to = "TAND Quận 1";
    f.ledger.principal_overdue = f.ledger.principal_due;
    assert_int_equal(tn_doc_build(TN_DOC_LAWSUIT_PETITION, &f, &d, why, sizeof why), TN_OK);
    assert_int_equal(d.amount, 15723200);
    assert_null(find(&d, "Số phải nộp chưa đến hạn"));
    tn_doc_release(&d);
}

static void enforcement_amounts(void **state)
{
    (void)state;
    struct tn_doc_facts f;
    struct tn_doc d;
    char why[256];
    tn_money base, rec;
    facts(&f, "household");
    add(&f, TN_CASE_EV_LAWSUIT_FILED, day(2025, 3, 3), 20000000, TN_CASE_OUT_NONE_GIVEN, "TAND");
    tn_doc_init(&d);
    assert_int_equal(tn_doc_enforceable(&f, &base, &rec), -1);
    assert_int_equal(tn_doc_build(TN_DOC_ENFORCEMENT_REQUEST, &f, &d, why, sizeof why),
                     TN_ERR_STATE);
    add(&f, TN_CASE_EV_JUDGMENT, day(2025, 6, 2), 18000000, TN_CASE_OUT_NONE_GIVEN, "TAND");
    add(&f, TN_CASE_EV_APPEAL_CHANGED, day(2025, 8, 2), 16000000, TN_CASE_OUT_NONE_GIVEN,
        "TAND TP");
    payments[0] = (struct tn_doc_payment){day(2025, 9, 1), 10000000, "judgment"};
    payments[1] = (struct tn_doc_payment){day(2025, 9, 2), 6000000, "enforcement"};
    f.payments = payments;
    f.npayments = 2;
    f.to = "Chi cục THADS";
    assert_int_equal(tn_doc_enforceable(&f, &base, &rec), 0); /* the award after appeal, paid */
    assert_int_equal(base, 16000000);
    assert_int_equal(tn_doc_build(TN_DOC_ENFORCEMENT_REQUEST, &f, &d, why, sizeof why),
                     TN_ERR_NOT_FOUND);
    assert_non_null(strstr(why, "left to enforce"));
    f.npayments = 1;
    assert_int_equal(tn_doc_build(TN_DOC_ENFORCEMENT_REQUEST, &f, &d, why, sizeof why), TN_OK);
    assert_int_equal(d.amount, 6000000);
    tn_doc_release(&d);
    /* the pensioner notice: only once enforcement is under way, and with the pensioner */
    assert_int_equal(tn_doc_build(TN_DOC_PENSIONER_NOTICE, &f, &d, why, sizeof why), TN_ERR_STATE);
    add(&f, TN_CASE_EV_ENFORCEMENT_REQUESTED, day(2025, 9, 10), -1, TN_CASE_OUT_NONE_GIVEN, "CC");
    assert_int_equal(tn_doc_build(TN_DOC_PENSIONER_NOTICE, &f, &d, why, sizeof why),
                     TN_ERR_NOT_FOUND);
    assert_non_null(strstr(why, "pensioner"));
    f.pensioner = (struct tn_doc_pensioner){
        .found = 1, .name = "Nguyễn Văn Tư", .bhxh_code = "45", .pay_day = 31};
    assert_int_equal(tn_doc_build(TN_DOC_PENSIONER_NOTICE, &f, &d, why, sizeof why), TN_OK);
    assert_int_equal(d.amount, 6000000);
    tn_doc_release(&d);
}

/* A settlement is enforceable only once its plan defaulted (plan.h): the settlement less
 * what was paid (HS-2024-01 of tests/data/cases: 60,000,000 agreed, 30,000,000 paid). */
static void enforcement_after_default(void **state)
{
    (void)state;
    struct tn_doc_facts f;
    struct tn_doc d;
    char why[256];
    facts(&f, "private");
    f.to = "Chi cục THADS quận 1";
    add(&f, TN_CASE_EV_LAWSUIT_FILED, day(2024, 1, 10), 100000000, TN_CASE_OUT_NONE_GIVEN, "TAND");
    add(&f, TN_CASE_EV_MEDIATION_SETTLED, day(2024, 3, 1), 60000000, TN_CASE_OUT_NONE_GIVEN,
        "TAND");
    payments[0] = (struct tn_doc_payment){day(2024, 4, 30), 30000000, "mediation"};
    f.payments = payments;
    f.npayments = 1;
    tn_doc_init(&d);
    assert_int_equal(tn_doc_enforceable(&f, NULL, NULL), -1);
    assert_int_equal(tn_doc_build(TN_DOC_ENFORCEMENT_REQUEST, &f, &d, why, sizeof why),
                     TN_ERR_STATE);
    add(&f, TN_CASE_EV_PLAN_DEFAULTED, day(2024, 6, 1), 30000000, TN_CASE_OUT_NONE_GIVEN, "");
    assert_int_equal(tn_doc_build(TN_DOC_ENFORCEMENT_REQUEST, &f, &d, why, sizeof why), TN_OK);
    assert_int_equal(d.amount, 30000000);
    assert_int_equal(find(&d, "Số tiền theo hòa giải")->amount, 60000000);
    tn_doc_release(&d);
}

static void pension_dates(void **state)
{
    (void)state;
    tn_day got[3];
    /* day 31 in short months is their last day; a date already past moves to next month */
    tn_doc_pension_dates(31, day(2026, 1, 31), 3, got);
    assert_int_equal(got[0], day(2026, 1, 31));
    assert_int_equal(got[1], day(2026, 2, 28));
    assert_int_equal(got[2], day(2026, 3, 31));
    tn_doc_pension_dates(5, day(2025, 12, 6), 2, got);
    assert_int_equal(got[0], day(2026, 1, 5));
    assert_int_equal(got[1], day(2026, 2, 5));
}

static void kinds_round_trip(void **state)
{
    (void)state;
    for (int k = 0; k < TN_DOC_COUNT; k++) {
        enum tn_doc_kind got;
        assert_int_equal(tn_doc_kind_parse(tn_doc_kind_name((enum tn_doc_kind)k), &got), TN_OK);
        assert_int_equal(got, k);
    }
    enum tn_doc_kind got;
    assert_int_equal(tn_doc_kind_parse("reminder", &got), TN_ERR_PARSE);
    assert_null(tn_doc_kind_name(TN_DOC_COUNT));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fine_proposal_range),
        cmocka_unit_test(fine_proposal_by_violation),
        cmocka_unit_test(fine_proposal_refusals),
        cmocka_unit_test(deduction_treasury_and_bank),
        cmocka_unit_test(petition_explains_the_claim),
        cmocka_unit_test(enforcement_amounts),
        cmocka_unit_test(enforcement_after_default),
        cmocka_unit_test(pension_dates),
        cmocka_unit_test(kinds_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
