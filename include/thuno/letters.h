/*
 * letters.h - what the letters to units read from the store (docs/letters.md): each unit's
 * position at the end of a period split by fund (the C12-TS notice, the written reminder and
 * the mass letters), and the register of reminders sent with its 60-day clock (Law 41/2024/QH15
 * Art 35, 39; Decree 274/2025/NĐ-CP; rules.md §6).
 *
 * Invariants: everything is read as known at as_of ("YYYY-MM-DDTHH:MM:SS", NULL for now) from
 * the current ledger rows (docs/ledger.md "as of"); amounts per fund are rebuilt from the
 * charges, cumulative interest and allocation lines of every period up to the one asked, and
 * are offered only when they add up to the stored balance (split_ok).
 */
#ifndef THUNO_LETTERS_H
#define THUNO_LETTERS_H

#include <stddef.h>

#include "thuno/err.h"
#include "thuno/money.h"
#include "thuno/period.h"
#include "thuno/policy.h"
#include "thuno/reminder.h" /* struct tn_letter_owed, tn_letter_overdue */
#include "thuno/report.h"
#include "thuno/text.h"

struct tn_store;

/* One unit's position at the end of a period. */
struct tn_letter_unit {
    char unit_code[32], tax_code[24], name[TN_NAME_BUFSZ], address[TN_NAME_BUFSZ];
    char type[16], status[16], office_code[32], officer_code[32], officer_name[TN_NAME_BUFSZ];
    int payment_cycle;
    struct tn_balance_row bal; /* the period's balance (report.h) */
    /* per group (BHYT, BHTN, BHXH incl. TNLĐ), valid when split_ok */
    int split_ok;                    /* 1: the groups add up to bal (every column) */
    tn_money opening[TN_G_COUNT];    /* unpaid at the previous period's end */
    tn_money charge[TN_G_COUNT];     /* principal recognised in the period (assessed + adj.) */
    tn_money assessed[TN_G_COUNT];   /* of it, the period's own contributions */
    tn_money adjustment[TN_G_COUNT]; /* of it, back-dated changes (truy thu, thoái thu) */
    tn_money interest[TN_G_COUNT];   /* interest charged in the period (corrections incl.) */
    tn_money paid[TN_G_COUNT];       /* payments applied in the period's close */
    tn_money closing[TN_G_COUNT];    /* unpaid principal + interest at the period's end */
    tn_money interest_due[TN_G_COUNT];
    struct tn_letter_owed *owed; /* unpaid principal per charge period, oldest first; owned by
                                    the callee, valid during the callback */
    size_t nowed;
};

/* Which units a letter run selects. */
struct tn_letter_filter {
    const char *unit; /* unit_code, NULL: every unit */
};

/* Calls row() for every unit with a balance of period as known at as_of (and kept by f) of
 * the office cut `office` (office.h; each unit's office as known at as_of), in unit_code
 * order. Errors: TN_ERR_STORE, or what row() returns. */
tn_err tn_store_letter_units(struct tn_store *s, const char *office, tn_period period,
                             const char *as_of, const struct tn_letter_filter *f,
                             tn_err (*row)(void *ctx, const struct tn_letter_unit *u), void *ctx);

/* Computes the overdue principal of u (tn_reminder_overdue over u's owed, its period and
 * payment cycle; principal per group valid when u->split_ok, else only total is).
 * Errors: TN_ERR_NO_POLICY (a deadline rule missing). */
tn_err tn_letter_overdue(const struct tn_policy *pol, const struct tn_letter_unit *u,
                         struct tn_letter_overdue *out);

/* One written reminder in the register. */
struct tn_reminder_row {
    int year, seq;
    char letter_no[48]; /* "12/TB-BHXH" */
    char unit_code[32];
    tn_period period; /* the month reviewed */
    tn_day sent_on;
    tn_money overdue, interest_due, debt;
    tn_period overdue_through; /* -1: none */
    tn_day oldest_deadline;    /* -1: none */
    char case_id[72];
    long case_seq;
    char actor[64];
    char known_at[20];
};

/* The next free seq of year in the register (1 for the first). Errors: TN_ERR_STORE. */
tn_err tn_store_reminder_next_seq(struct tn_store *s, int year, int *out);

/* Counts reminders of (unit_code, period) known now. Errors: TN_ERR_STORE. */
tn_err tn_store_reminder_count(struct tn_store *s, const char *unit_code, tn_period period,
                               long *out);

/* Appends r to the register, known at now. Errors: TN_ERR_CONFLICT (year/seq taken),
 * TN_ERR_STORE. */
tn_err tn_store_reminder_add(struct tn_store *s, const struct tn_reminder_row *r, const char *now);

/* Calls row() for every reminder known at as_of and sent by then, in sent_on, year, seq order,
 * with the unit's latest balance known at as_of (*latest; latest->close_id 0 when none), of the
 * units of the office cut `office` as known at as_of (f cuts by unit). Errors: TN_ERR_STORE, or
 * what row() returns. */
tn_err tn_store_reminders(struct tn_store *s, const char *office, const char *as_of,
                          const struct tn_letter_filter *f,
                          tn_err (*row)(void *ctx, const struct tn_reminder_row *r,
                                        const struct tn_balance_row *latest),
                          void *ctx);

#endif
