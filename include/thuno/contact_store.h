/*
 * contact_store.h - the officers' contacts with employers (docs/operations.md "Contacts"): a
 * call, a visit, a letter or a meeting with a unit on a day, by an officer, with its outcome,
 * recorded by a user at a time. Rows are appended, never changed: a correction is a new
 * contact. The application layer (tn_app_contact_record, app_contact.h) checks who may record
 * for which unit; the store checks only that a row is whole.
 */
#ifndef THUNO_CONTACT_STORE_H
#define THUNO_CONTACT_STORE_H

#include <string.h>

#include "thuno/err.h"
#include "thuno/period.h"

struct tn_store;

/* The kinds of contact, by their stored names. */
#define TN_CONTACT_KINDS(X)                                                                        \
    X(call, "Gọi điện", "Call")                                                                    \
    X(visit, "Đến đơn vị", "Visit")                                                                \
    X(letter, "Gửi văn bản", "Letter")                                                             \
    X(meeting, "Làm việc trực tiếp", "Meeting")

#define TN_CONTACT_KIND_SZ    16
#define TN_CONTACT_OUTCOME_SZ 256
#define TN_CONTACT_NOTE_SZ    512

/* One contact. seq numbers the contacts of the store in the order they were recorded. */
struct tn_contact_row {
    long long seq;
    char unit_code[32];
    char day[TN_DAY_BUFSZ]; /* YYYY-MM-DD, the day of the contact */
    char officer[32];       /* the officer who made it */
    char kind[TN_CONTACT_KIND_SZ];
    char outcome[TN_CONTACT_OUTCOME_SZ]; /* may be "" */
    char note[TN_CONTACT_NOTE_SZ];       /* may be "" */
    char recorded_by[64];                /* the user who recorded it */
    char recorded_at[20];                /* YYYY-MM-DDTHH:MM:SS */
};

/* 1 when kind is one of TN_CONTACT_KINDS' names, else 0. */
static inline int tn_contact_kind_known(const char *kind)
{
#define TN__CONTACT_KIND_IS(id, vi, en) || strcmp(kind, #id) == 0
    return kind && (0 TN_CONTACT_KINDS(TN__CONTACT_KIND_IS));
#undef TN__CONTACT_KIND_IS
}

/* Appends r (its seq ignored) and sets *seq to its number. Errors: TN_ERR_RANGE (an empty
 * unit_code, day, officer, recorded_by or recorded_at, or a kind not of TN_CONTACT_KINDS),
 * TN_ERR_STORE; nothing is written on failure. */
tn_err tn_store_contact_add(struct tn_store *s, const struct tn_contact_row *r, long long *seq);

/* Calls row() for the contacts of unit_code (NULL: every unit) recorded by as_of (NULL:
 * everything recorded), by unit code, the latest day first (then the latest recorded); with
 * latest, only the first of each unit. Errors: TN_ERR_STORE, or row()'s. */
tn_err tn_store_contacts(struct tn_store *s, const char *unit_code, int latest, const char *as_of,
                         tn_err (*row)(void *ctx, const struct tn_contact_row *r), void *ctx);

#endif
