/*
 * doc_store.h - the facts of a case's documents as the store knows them (doc.h,
 * docs/documents.md): the case replayed, the unit as registered, the ledger behind the claim
 * (every closed period with its charge, interest lines and payments), the payments tied to the
 * case, and the pensioner register (case_pensioner).
 *
 * Invariants: as_of is "YYYY-MM-DDTHH:MM:SS" (never NULL here) and bounds both what was known
 * and what had happened, as in case_store.h. Nothing is updated or deleted.
 */
#ifndef THUNO_DOC_STORE_H
#define THUNO_DOC_STORE_H

#include <stddef.h>

#include "thuno/case_store.h"
#include "thuno/doc.h"
#include "thuno/text.h"

struct tn_store;

/* Everything gathered for one case; source.facts points into the rest. */
struct tn_doc_source {
    struct tn_doc_facts facts;
    struct tn_case c;
    int replay_failed; /* 1: the stored history does not replay (why holds it) */
    char why[384];
    struct tn_case_event_row *events;
    size_t nevents;
    struct tn_case_step *steps;
    const char **notes;
    struct tn_doc_payment *payments;
    struct tn_doc_period *periods;
    struct tn_doc_interest *interest;
    size_t capinterest;
    char case_id[72], unit_code[32], unit_name[TN_NAME_BUFSZ], tax_code[24], unit_type[16];
    char address[TN_NAME_BUFSZ], office_code[32], as_of[20], ledger_as_of[20];
};

/* tn_doc_source_init() empties src; tn_doc_source_release() frees its arrays (events, steps,
 * notes, payments, periods, interest) and leaves src as if just initialized. */
void tn_doc_source_init(struct tn_doc_source *src);
void tn_doc_source_release(struct tn_doc_source *src);

/* Fills src with case_id's facts as known at as_of, for a document dated date, and the
 * ledger as known at ledger_as_of: its last period closed that is not after date's month
 * (order as in tn_store_doc_ledger). Policy-derived facts (fines) and the
 * user's text (issuer, place, to) are left for the caller to set in src->facts.
 * Errors: TN_ERR_NOT_FOUND (no such case as of as_of), TN_ERR_STORE. */
tn_err tn_store_doc_source(struct tn_store *s, const char *case_id, const char *as_of,
                           const char *ledger_as_of, tn_day date,
                           const enum tn_group order[TN_G_COUNT], struct tn_doc_source *src);

/* Fills *out with the unit's claim as known at as_of: the last period closed not after
 * max_period and everything behind it (*periods and *interest owned by the caller, free()).
 * The principal due per group and each period's unpaid part are what that close's allocation
 * left unpaid per charge period and group (docs/ledger.md step 3, unpaid_line): a back-dated
 * change in the month it concerns, an opening balance (no period row) in the groups' totals.
 * order is no longer read (the close applied the allocation order).
 * out->found = 0 when nothing is closed. Errors: TN_ERR_STATE (a close recorded before
 * unpaid_line existed: close the period again), TN_ERR_STORE. */
tn_err tn_store_doc_ledger(struct tn_store *s, const char *unit_code, tn_period max_period,
                           const char *as_of, const enum tn_group order[TN_G_COUNT],
                           struct tn_doc_ledger *out, struct tn_doc_period **periods,
                           struct tn_doc_interest **interest);

/* Records p (found, known_at ignored) as the case's pensioner judgment debtor at now,
 * superseding the record before. Errors: TN_ERR_NOT_FOUND (no such case), TN_ERR_RANGE
 * (pay_day outside 1..31, empty name or bhxh_code), TN_ERR_STORE. */
tn_err tn_store_pensioner_record(struct tn_store *s, const char *case_id,
                                 const struct tn_doc_pensioner *p, const char *actor,
                                 const char *now);

/* The case's pensioner record known at as_of (out->found = 0 when none). Errors:
 * TN_ERR_STORE. */
tn_err tn_store_pensioner(struct tn_store *s, const char *case_id, const char *as_of,
                          struct tn_doc_pensioner *out);

#endif
