/*
 * store_cases_contact.c - the conformance cases of the officers' contacts (contact_store.h):
 * appended, read by unit with the latest day first, the latest of each unit, as known at a
 * time; a row not whole is refused. And what a unit's page reads beside its balance
 * (unit_detail.h): its declarations and its payments with their allocation.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "store_cases.h"
#include "thuno/contact_store.h"

static struct tn_contact_row contact(const char *unit, const char *day, const char *kind,
                                     const char *outcome, const char *at)
{
    struct tn_contact_row r;
    memset(&r, 0, sizeof r);
    snprintf(r.unit_code, sizeof r.unit_code, "%s", unit);
    snprintf(r.day, sizeof r.day, "%s", day);
    snprintf(r.officer, sizeof r.officer, "%s", "O1");
    snprintf(r.kind, sizeof r.kind, "%s", kind);
    snprintf(r.outcome, sizeof r.outcome, "%s", outcome);
    snprintf(r.recorded_by, sizeof r.recorded_by, "%s", "officer1");
    snprintf(r.recorded_at, sizeof r.recorded_at, "%s", at);
    return r;
}

static tn_err put_contact(void *ctx, const struct tn_contact_row *r)
{
    tn_test_put(ctx, "%lld %s %s %s %s [%s] [%s] %s %s", r->seq, r->unit_code, r->day, r->officer,
                r->kind, r->outcome, r->note, r->recorded_by, r->recorded_at);
    return TN_OK;
}

/* Three contacts with A (one recorded late for an earlier day), one with B; two refused. */
static void record_four(struct tn_store *s)
{
    struct tn_contact_row rows[] = {
        contact("A", "2025-12-02", "call", "hẹn nộp 15/12", "2025-12-02T09:00:00"),
        contact("B", "2025-12-03", "visit", "", "2025-12-03T10:00:00"),
        contact("A", "2025-12-05", "letter", "", "2025-12-05T08:00:00"),
        contact("A", "2025-12-04", "meeting", "đã làm việc", "2025-12-06T08:00:00"),
    };
    long long seq = 0;
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        assert_int_equal(tn_store_contact_add(s, &rows[i], &seq), TN_OK);
        assert_int_equal(seq, (long long)i + 1);
    }
    struct tn_contact_row bad = contact("A", "2025-12-06", "fax", "", "2025-12-06T09:00:00");
    assert_int_equal(tn_store_contact_add(s, &bad, &seq), TN_ERR_RANGE);
    bad = contact("A", "2025-12-06", "call", "", "2025-12-06T09:00:00");
    bad.officer[0] = '\0';
    assert_int_equal(tn_store_contact_add(s, &bad, &seq), TN_ERR_RANGE);
}

void op_contact_add(void **state)
{
    record_four(*state);
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_contacts(*state, NULL, 0, NULL, put_contact, &o), TN_OK);
    tn_test_check(&o,
                  "3 A 2025-12-05 O1 letter [] [] officer1 2025-12-05T08:00:00\n"
                  "4 A 2025-12-04 O1 meeting [đã làm việc] [] officer1 2025-12-06T08:00:00\n"
                  "1 A 2025-12-02 O1 call [hẹn nộp 15/12] [] officer1 2025-12-02T09:00:00\n"
                  "2 B 2025-12-03 O1 visit [] [] officer1 2025-12-03T10:00:00\n",
                  "contact_add");
}

void op_contacts(void **state)
{
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_contacts(*state, NULL, 0, NULL, put_contact, &o), TN_OK);
    tn_test_check(&o, "", "contacts empty");
    record_four(*state);
    /* one unit; the latest of each; as known before the late record and before the letter */
    assert_int_equal(tn_store_contacts(*state, "B", 0, NULL, put_contact, &o), TN_OK);
    assert_int_equal(tn_store_contacts(*state, NULL, 1, NULL, put_contact, &o), TN_OK);
    assert_int_equal(tn_store_contacts(*state, "A", 1, "2025-12-04T23:59:59", put_contact, &o),
                     TN_OK);
    assert_int_equal(tn_store_contacts(*state, "A", 0, "2025-12-05T23:59:59", put_contact, &o),
                     TN_OK);
    assert_int_equal(tn_store_contacts(*state, "C", 0, NULL, put_contact, &o), TN_OK);
    tn_test_check(&o,
                  "2 B 2025-12-03 O1 visit [] [] officer1 2025-12-03T10:00:00\n"
                  "3 A 2025-12-05 O1 letter [] [] officer1 2025-12-05T08:00:00\n"
                  "2 B 2025-12-03 O1 visit [] [] officer1 2025-12-03T10:00:00\n"
                  "1 A 2025-12-02 O1 call [hẹn nộp 15/12] [] officer1 2025-12-02T09:00:00\n"
                  "3 A 2025-12-05 O1 letter [] [] officer1 2025-12-05T08:00:00\n"
                  "1 A 2025-12-02 O1 call [hẹn nộp 15/12] [] officer1 2025-12-02T09:00:00\n",
                  "contacts");
}

/* ---- a unit's declarations and payments (unit_detail.h) ---- */

static tn_err put_declaration(void *ctx, const struct tn_unit_declaration *r)
{
    tn_test_put(ctx, "%s %s %s %s %lld %d %s [%s]", r->bhxh_code, r->full_name, r->from_period,
                r->kind, (long long)r->salary, r->funds, r->declared_on, r->reason);
    return TN_OK;
}

static tn_err put_payment(void *ctx, const struct tn_unit_payment *r)
{
    tn_test_put(ctx, "%s %s %lld %s [%s] [%s] [%s] %lld {%s}", r->txn_id, r->paid_on,
                (long long)r->amount, r->channel, r->case_id, r->reverses, r->bhxh_code,
                (long long)r->allocated, r->allocation);
    return TN_OK;
}

void op_unit_declarations(void **state)
{
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_unit_declarations(*state, "A", NULL, put_declaration, &o), TN_OK);
    assert_int_equal(tn_store_unit_declarations(*state, "C", NULL, put_declaration, &o), TN_OK);
    /* as known before the fixture's files were imported: nothing */
    assert_int_equal(
        tn_store_unit_declarations(*state, "C", "2025-11-30T23:59:59", put_declaration, &o), TN_OK);
    assert_int_equal(tn_store_unit_declarations(*state, "ZZ", NULL, put_declaration, &o), TN_OK);
    /* funds empty in the file: every fund (15); a decrease has no salary (-1) */
    tn_test_check(&o,
                  "0000000001 Nguyễn Văn Một 2025-07 increase 10000000 15 2025-07-01 []\n"
                  "0000000002 Trần Thị Hai 2025-07 increase 3000000 15 2025-07-01 []\n"
                  "0000000004 Phạm Thị Bốn 2025-07 increase 6000000 15 2025-07-01 []\n"
                  "0000000004 Phạm Thị Bốn 2025-11 decrease -1 15 2025-10-25 [nghỉ việc]\n",
                  "unit_declarations");
}

void op_unit_payments(void **state)
{
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_unit_payments(*state, "A", NULL, put_payment, &o), TN_OK);
    assert_int_equal(tn_store_unit_payments(*state, "B", NULL, put_payment, &o), TN_OK);
    assert_int_equal(tn_store_unit_payments(*state, "C", NULL, put_payment, &o), TN_OK);
    assert_int_equal(tn_store_unit_payments(*state, "NOPE", NULL, put_payment, &o), TN_OK);
    /* B owes 32% of 5,000,000 = 1,600,000 a month: PB1 pays July, August, September's interest
     * and principal, and 185,600 of October (5,000,000 in all); C pays its 1,920,000 each month */
    tn_test_check(&o,
                  "A07 2025-07-25 1000000 transfer [] [] [] 1000000 {2025-07 principal 1000000}\n"
                  "PB1 2025-10-20 5000000 transfer [HS-B] [] [] 5000000 {2025-07 principal "
                  "1600000; 2025-08 principal 1600000; 2025-09 interest 14400; 2025-09 principal "
                  "1600000; 2025-10 principal 185600}\n"
                  "C07 2025-07-20 1920000 transfer [] [] [] 1920000 {2025-07 principal 1920000}\n"
                  "C08 2025-08-20 1920000 transfer [] [] [] 1920000 {2025-08 principal 1920000}\n"
                  "C09 2025-09-20 1920000 transfer [] [] [] 1920000 {2025-09 principal 1920000}\n"
                  "C10 2025-10-20 1920000 transfer [] [] [] 1920000 {2025-10 principal 1920000}\n",
                  "unit_payments");
}
