/*
 * store_cases_calendar.c - the conformance cases of the statutory calendar's operations
 * (calendar_store.h): duties recorded done, versioned, read as known at a time.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "store_cases.h"
#include "thuno/calendar_store.h"

static struct tn_duty_done_row done(const char *duty, const char *occ, const char *on,
                                    const char *actor, const char *note)
{
    struct tn_duty_done_row r;
    memset(&r, 0, sizeof r);
    snprintf(r.duty, sizeof r.duty, "%s", duty);
    snprintf(r.occurrence, sizeof r.occurrence, "%s", occ);
    snprintf(r.done_on, sizeof r.done_on, "%s", on);
    snprintf(r.actor, sizeof r.actor, "%s", actor);
    snprintf(r.note, sizeof r.note, "%s", note);
    return r;
}

static tn_err put_done(void *ctx, const struct tn_duty_done_row *r)
{
    tn_test_put(ctx, "%s %s %s %s [%s] v%ld %s", r->duty, r->occurrence, r->done_on, r->actor,
                r->note, r->version, r->known_at);
    return TN_OK;
}

/* Two duties recorded, one corrected the next day; an empty actor is refused. */
static void record_three(struct tn_store *s)
{
    struct tn_duty_done_row a = done("reminder_monthly", "2025-12", "2025-12-08", "O1", "");
    struct tn_duty_done_row b = done("reminder_finding", "2025-12-26", "2026-01-05", "O2", "TT-05");
    struct tn_duty_done_row c =
        done("reminder_monthly", "2025-12", "2025-12-09", "O1", "ngày gửi sửa");
    struct tn_duty_done_row bad = done("inspection_lists", "2026-01", "2026-01-12", "", "");
    assert_int_equal(tn_store_calendar_done_put(s, &a, "2025-12-08T10:00:00"), TN_OK);
    assert_int_equal(tn_store_calendar_done_put(s, &b, "2026-01-05T10:00:00"), TN_OK);
    assert_int_equal(tn_store_calendar_done_put(s, &c, "2026-01-06T10:00:00"), TN_OK);
    assert_int_equal(tn_store_calendar_done_put(s, &bad, "2026-01-06T10:00:00"), TN_ERR_RANGE);
}

void op_calendar_done_put(void **state)
{
    record_three(*state);
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_calendar_done(*state, NULL, put_done, &o), TN_OK);
    tn_test_check(&o,
                  "reminder_finding 2025-12-26 2026-01-05 O2 [TT-05] v1 2026-01-05T10:00:00\n"
                  "reminder_monthly 2025-12 2025-12-09 O1 [ngày gửi sửa] v2 "
                  "2026-01-06T10:00:00\n",
                  "calendar_done_put");
}

void op_calendar_done(void **state)
{
    struct tn_test_out o = {0};
    assert_int_equal(tn_store_calendar_done(*state, NULL, put_done, &o), TN_OK);
    tn_test_check(&o, "", "calendar_done empty");
    record_three(*state);
    /* as known before the correction, and before anything */
    assert_int_equal(tn_store_calendar_done(*state, "2026-01-05T23:59:59", put_done, &o), TN_OK);
    assert_int_equal(tn_store_calendar_done(*state, "2025-12-01T00:00:00", put_done, &o), TN_OK);
    tn_test_check(&o,
                  "reminder_finding 2025-12-26 2026-01-05 O2 [TT-05] v1 2026-01-05T10:00:00\n"
                  "reminder_monthly 2025-12 2025-12-08 O1 [] v1 2025-12-08T10:00:00\n",
                  "calendar_done as of");
}
