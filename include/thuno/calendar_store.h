/*
 * calendar_store.h - the duties of the statutory calendar recorded done (docs/calendar.md):
 * one versioned row per duty and occurrence, so that a correction is a new version and
 * `--as-of` shows what was known then.
 */
#ifndef THUNO_CALENDAR_STORE_H
#define THUNO_CALENDAR_STORE_H

#include "thuno/calendar.h"
#include "thuno/err.h"
#include "thuno/period.h"

struct tn_store;

/* One duty done. occurrence names which: "YYYY-MM", the month a recurring duty fell due in,
 * or "YYYY-MM-DD", the day of the event an event duty follows. */
struct tn_duty_done_row {
    char duty[TN_DUTY_ID_SZ];
    char occurrence[TN_DAY_BUFSZ];
    char done_on[TN_DAY_BUFSZ];
    char actor[64];
    char note[256];
    long version;
    char known_at[20];
};

/* Records r (duty, occurrence, done_on, actor, note; version and known_at are ignored) known
 * at now, as a new version of (duty, occurrence) superseding the one before. Errors:
 * TN_ERR_RANGE (an empty duty, occurrence, done_on or actor), TN_ERR_STORE; nothing is written
 * on failure. */
tn_err tn_store_calendar_done_put(struct tn_store *s, const struct tn_duty_done_row *r,
                                  const char *now);

/* Calls row() for every (duty, occurrence) recorded done as known at as_of (NULL: everything
 * known), its version then, in duty and occurrence order. Errors: TN_ERR_STORE, or row()'s. */
tn_err tn_store_calendar_done(struct tn_store *s, const char *as_of,
                              tn_err (*row)(void *ctx, const struct tn_duty_done_row *r),
                              void *ctx);

#endif
