/*
 * store_cases_contact.c - the conformance cases of the officers' contacts (contact_store.h):
 * appended, read by unit with the latest day first, the latest of each unit, as known at a
 * time; a row not whole is refused.
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
