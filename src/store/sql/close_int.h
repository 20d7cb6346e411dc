/*
 * close_int.h - what the close's two files share: the per-unit working set (close.c reads
 * it, core's tn_close_unit computes it, close_write.c records it).
 */
#ifndef THUNO_CLOSE_INT_H
#define THUNO_CLOSE_INT_H

#include <stdint.h>

#include "store_int.h"
#include "thuno/close.h"
#include "thuno/close_unit.h"

/* One unit's rows as read (close.c), the core's input pointing into them, and its result
 * (close_unit.h) that close_write.c records. */
struct tn__unit_work {
    char code[TN_CLOSE_CODE_MAX];
    struct tn_close_decl *decls;
    size_t ndecls, capdecls;
    struct tn_close_pay *pays;
    size_t npays, cappays;
    struct tn_close_prev *prev; /* periods start..period, ascending; missing periods absent */
    size_t nprev, capprev;
    struct tn_close_opening *opening; /* opening balances (docs/ledger.md) */
    size_t nopening, capopening;
    struct tn_close_unit_in in;
    struct tn_close_unit_out out;
};

struct tn__close {
    struct tn__sq *s;
    const struct tn_policy *pol;
    tn_period start, period;
    const char *now;
    long long run_id;
    struct tn_close_stats stats;
    tn_sql_stmt *ins_close, *ins_line, *ins_interest, *ins_alloc, *ins_unpaid, *ins_finding,
        *ins_rates;
    tn_sql_stmt *opening; /* the opening balances, by unit_code: a cursor like decls */
    int rc_opening;       /* its last step */
    struct {
        tn_ppm rate[TN_C_COUNT];
        const char *source[TN_C_COUNT];
        long long id;
    } * rate_sets;
    size_t nrate_sets, caprate_sets;
    /* the carried state (docs/ledger.md "Carried state"): the previous period's, by
     * unit_code (NULL when THUNO_CLOSE_REPLAY=full), and this period's written */
    tn_sql_stmt *carry_rd, *carry_wr;
    int rc_carry;
    struct tn_ledger_carry carry_in;
    unsigned char *carry_buf;
    size_t carry_cap;
};

/* Prepares the insert statements. Errors: TN_ERR_STORE. */
tn_err tn__close_prepare_writes(struct tn__close *c);
void tn__close_finalize_writes(struct tn__close *c);

/* Records the unit's unit_close row and its lines (w->out) under c->run_id.
 * Errors: TN_ERR_STORE. */
tn_err tn__close_write_unit(struct tn__close *c, struct tn__unit_work *w);

#endif
