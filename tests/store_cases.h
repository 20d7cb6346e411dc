/*
 * store_cases.h - what the conformance suite's files share (test_store.c runs them): the
 * fixture's clock and policy, the text a case collects, and one case per operation of
 * TN_STORE_OPS, op_<name>, each in store_cases_*.c.
 */
#ifndef THUNO_TEST_STORE_CASES_H
#define THUNO_TEST_STORE_CASES_H

#include <stddef.h>

#include "store/store_ops.h"
#include "thuno/import.h"

/* When the fixture's files were imported. */
#define TN_TEST_NOW "2025-12-01T00:00:00"

/* A period of the fixture: TN_TEST_P(10) is 2025-10. */
#define TN_TEST_P(m) (2025 * 12 + (m)-1)

/* The policy of policy/ (or THUNO_POLICY), loaded once. */
extern struct tn_policy tn_test_pol;

/* What a case got: one line per row. */
struct tn_test_out {
    char text[16384];
    size_t len;
};

/* Appends one line (fmt and its arguments, then '\n') to o. */
void tn_test_put(struct tn_test_out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Asserts o holds exactly want; with THUNO_STORE_SHOW set, prints it under name instead. */
void tn_test_check(const struct tn_test_out *o, const char *want, const char *name);

/* "YYYY-MM" / "YYYY-MM-DD", or "-" for -1; from a ring of 8 buffers. */
const char *tn_test_period(tn_period p);
const char *tn_test_day(tn_day d);

/* Closes 2025-month as the fixture does (on 2025-12-01). Errors: the close's. */
tn_err tn_test_close(struct tn_store *s, int month, struct tn_close_stats *st);

/* A row callback putting a balance's figures into ctx (a struct tn_test_out). */
tn_err tn_test_balance(void *ctx, const struct tn_balance_row *r);

/* Imports csv (the text of a file of kind) into s at now. Errors: the import's. */
tn_err tn_test_import(struct tn_store *s, enum tn_import_kind kind, const char *csv,
                      const char *now, int update);

/* A row callback putting "bhxh_code full_name" into ctx (a struct tn_test_out). */
tn_err tn_test_unit_worker(void *ctx, const struct tn_unit_worker *r);

/* Adds to case HS-B (unit B) an asset, a bank order with an executed partial reply and a tip
 * with its result (store_cases_case.c). */
void tn_test_registers(struct tn_store *s);

/* The office cut as each call's argument (store_cases_cut.c): every operation that takes it,
 * with and without an office; two offices on one handle, one call inside the other's walk. */
void tn_test_cut_every_operation(void **state);
void tn_test_cut_two_calls_one_handle(void **state);
void tn_test_cut_by_officer(void **state);

#define X(name, fn, params, args) void op_##name(void **state);
TN_STORE_OPS(X)
#undef X

#endif
