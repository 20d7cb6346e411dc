/*
 * case_store.h - cases as the store keeps them (docs/cases.md): their events, repayment
 * plans, payments, attachments and branches, read as known at any time.
 *
 * Invariants: nothing is updated or deleted; an event recorded here goes through the same
 * state machine (case.h) as an imported one; a read that takes office keeps the cases of that
 * office's units only (the call's office cut, office.h; NULL: every unit); as_of is
 * "YYYY-MM-DDTHH:MM:SS" or NULL for now and bounds both what was known (known_at) and what
 * had happened (the event's date).
 */
#ifndef THUNO_CASE_STORE_H
#define THUNO_CASE_STORE_H

#include <stddef.h>

#include "thuno/case.h"
#include "thuno/plan.h"
#include "thuno/art216.h"
#include "thuno/sanction.h"
#include "thuno/text.h"

struct tn_store;

/* A payment tied to a case (payments.csv case_id); a reversal has a negative amount. */
struct tn_case_payment_row {
    char txn_id[72];
    tn_day paid_on;
    tn_money amount;
    char channel[24];
    int reversed; /* 1: a reversal, or a payment reversed by one: never counts towards a plan */
};

/* A case's events in seq order, as known at as_of and dated up to it (*rows owned by the
 * caller, free()). A case_id not stored gives n = 0. Errors: TN_ERR_STORE. */
tn_err tn_store_case_events(struct tn_store *s, const char *case_id, const char *as_of,
                            struct tn_case_event_row **rows, size_t *n);

/* A case's instalments in seq order as known at as_of (*inst owned by the caller).
 * Errors: TN_ERR_STORE. */
tn_err tn_store_case_plan(struct tn_store *s, const char *case_id, const char *as_of,
                          struct tn_instalment **inst, size_t *n);

/* The payments tied to a case, paid and known by as_of, in date order (*rows owned by the
 * caller). Errors: TN_ERR_STORE. */
tn_err tn_store_case_payments(struct tn_store *s, const char *case_id, const char *as_of,
                              struct tn_case_payment_row **rows, size_t *n);

/* Calls row() with every case id known at as_of (and opened by then) and its unit, in case
 * id order. Errors: TN_ERR_STORE, or what row() returns. */
tn_err tn_store_case_ids(struct tn_store *s, const char *as_of,
                         tn_err (*row)(void *ctx, const char *case_id, const char *unit_code),
                         void *ctx);

/* Records ev as the next event of its case (seq is assigned; ev->seq is ignored) at now,
 * after replaying the case and applying ev; a new case_id opens a case. why explains a
 * refusal. Errors: TN_ERR_RANGE (ev is dated after now's day; nothing written), TN_ERR_STATE
 * or TN_ERR_PARSE (refused by the state machine; nothing written), TN_ERR_CONFLICT (the case
 * belongs to another unit), TN_ERR_NOT_FOUND (unknown unit), TN_ERR_STORE. On TN_OK *seq is the
 * event's number. */
tn_err tn_store_case_record(struct tn_store *s, const struct tn_case_event_row *ev, const char *now,
                            long *seq, char *why, size_t whysz);

/* The same as tn_store_case_record inside the caller's transaction (tn_store_begin): it
 * neither begins nor ends one, so several events (and other rows) commit or roll back
 * together. On an error the caller rolls back. */
tn_err tn_store_case_record_in_tx(struct tn_store *s, const struct tn_case_event_row *ev,
                                  const char *now, long *seq, char *why, size_t whysz);

/* Stores size bytes (content-addressed by their SHA-256, hex in sha256) and links them to the
 * case as kind ("petition", "power_of_attorney", ...) named name. Storing the same bytes
 * twice keeps one copy. Errors: TN_ERR_NOT_FOUND (no such case), TN_ERR_STORE. */
tn_err tn_store_case_attach(struct tn_store *s, const char *case_id, const char *kind,
                            const char *name, const void *bytes, size_t size, const char *now,
                            const char *actor, char sha256[static 65]);

/* One attachment of a case. */
struct tn_case_attachment_row {
    char sha256[65];
    char kind[48];
    char name[TN_NAME_BUFSZ];
    long long size;
    char known_at[20];
};

/* A case's attachments known at as_of, by kind and name (*rows owned by the caller).
 * Errors: TN_ERR_STORE. */
tn_err tn_store_case_attachments(struct tn_store *s, const char *case_id, const char *as_of,
                                 struct tn_case_attachment_row **rows, size_t *n);

/* What the litigation statistics group by (data-formats.md "litigation"; seed 000). */
enum tn_litigation_by { TN_LIT_YEAR, TN_LIT_TYPE, TN_LIT_OFFICE };

/* One group of the litigation statistics; the last row has key "total". Units are counted
 * once per group however many cases they have (so a group's units can add up to more than
 * the total's). Cases are those with a lawsuit filed between from and to (inclusive) and by
 * as_of; everything else is as of as_of. */
struct tn_litigation_row {
    char key[32]; /* year of filing, unit type or office code */
    long long units_sued;
    tn_money amount_claimed;
    long long mediated_units;
    tn_money mediated_amount;
    long long tried_units;
    tn_money tried_amount; /* awarded, after appeals */
    long long
        judgments_to_enforce; /* units whose judgment or defaulted settlement is enforceable */
    long long enforced_full_units, enforced_partial_units;
    tn_money recovered_mediation, recovered_judgment, recovered_enforcement;
    tn_money recovered_total; /* every payment tied to the cases, whatever its channel */
    long long pending_units;  /* units with a case neither closed nor withdrawn */
};

/* Calls row() for each group in key order, then the total, of the cases whose unit
 * (as known at as_of) is of the office cut `office` (office.h). Errors: TN_ERR_STORE, or what row()
 * returns. */
tn_err tn_store_litigation(struct tn_store *s, const char *office, tn_day from, tn_day to,
                           const char *as_of, enum tn_litigation_by by,
                           tn_err (*row)(void *ctx, const struct tn_litigation_row *r), void *ctx);

/* A case as the case list shows it (docs/cases.md "cases report"). */
struct tn_case_row {
    char case_id[72];
    char unit_code[32];
    char unit_status[16]; /* the unit's status as of as_of */
    char office_code[32];
    struct tn_case c; /* replayed as of as_of */
    enum tn_case_event last_event;
    tn_money recovered; /* payments tied to the case */
    int has_plan;
    struct tn_plan_status plan;
    tn_day deadline; /* -1: none pending */
    const struct tn_case_deadline *deadline_rule;
    int alert_status;  /* 1: the unit stopped being active while the case is open */
    char invalid[256]; /* "" or why the stored history does not replay */
};

struct tn_policy;

/* Calls row() for every case known at as_of, in case id order, with its state, plan status
 * (judged on day `on`; -1: as_of's day) and the deadline of its latest event (pol's
 * case_deadlines). Office cut as in tn_store_litigation. Errors: TN_ERR_STORE, or what row()
 * returns. */
tn_err tn_store_cases(struct tn_store *s, const char *office, const struct tn_policy *pol,
                      const char *as_of, tn_day on,
                      tn_err (*row)(void *ctx, const struct tn_case_row *r), void *ctx);

/* One unit's proposed next step (the monthly escalation run, docs/cases.md). */
struct tn_escalation_row {
    char unit_code[32];
    char officer_code[32];
    char office_code[32];
    int months_owed_tenths;
    tn_money debt;
    char legal_status[12];
    long long workers;
    char case_id[72]; /* the unit's open case, "" when it has none yet */
    enum tn_case_state state;
    struct tn_ladder_proposal_view {
        const char *step, *department, *document, *source;
        enum tn_case_event event;
        int ready;
        char waiting[160];
    } next;
    /* the fine step: the range proposed on the BHXH + BHTN unpaid (fine.payable), under the
     * evasion clause for an evading unit, the late-payment one otherwise (fine.rule NULL when
     * the step is not the fine); fine_bhyt: the BHYT fine under its own decree (rule NULL
     * when none) */
    struct tn_fine fine, fine_bhyt;
    enum tn_fine_violation fine_violation;
    struct tn_art216 art216;       /* the referral check (clause 0 when not a candidate) */
    struct tn_art216_count counts; /* its facts, counted from the unit's unpaid lines */
    char art216_lines[200];        /* the lines behind the facts (tn_art216_count_lines) */
};

/* Calls row() for every unit owing at period's end (as known at as_of) that the ladder has a
 * step for, of the units of the office cut `office` (office.h), by department then debt
 * (largest first). The fine base is the unit's BHXH + BHTN unpaid, the BHYT fine apart; Art
 * 216 facts are counted from the unpaid lines (art216.h; docs/cases.md). Errors:
 * TN_ERR_STORE, or what row() returns. */
tn_err tn_store_escalation(struct tn_store *s, const char *office, const struct tn_policy *pol,
                           tn_period period, const char *as_of,
                           tn_err (*row)(void *ctx, const struct tn_escalation_row *r), void *ctx);

/* tn_store_escalation's rows for the units units[0..n) alone (a page of a worklist, one
 * officer's units), each read through its own keys rather than a pass over the province, in
 * the order given; a unit not owing at period's end or with no step is left out. Errors:
 * TN_ERR_STORE, or what row() returns. */
tn_err tn_store_escalation_units(struct tn_store *s, const struct tn_policy *pol, tn_period period,
                                 const char *as_of, const char *const *units, size_t n,
                                 tn_err (*row)(void *ctx, const struct tn_escalation_row *r),
                                 void *ctx);

#endif
