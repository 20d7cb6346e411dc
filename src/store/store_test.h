/*
 * store_test.h - test-only access under the seam, for tests that must write or read rows no
 * store operation does (a hand-made close row, a count of versions). Not for the product:
 * each backend answers in its own query language (SQL for SQLite), so a test using these
 * runs on that backend only; the conformance suite (tests/test_store.c) does not.
 */
#ifndef THUNO_STORE_TEST_H
#define THUNO_STORE_TEST_H

#include <stddef.h>

#include "thuno/err.h"
#include "thuno/store.h"

struct tn_store;

/* Runs sql (statements that return no rows). Errors: TN_ERR_STORE (tn_store_errmsg). */
tn_err tn__store_test_exec(struct tn_store *s, const char *sql);

/* Runs the query sql and copies the first column of its first row as text into out (cut to
 * outsz; "" when there is no row or it is NULL). Errors: TN_ERR_STORE (tn_store_errmsg). */
tn_err tn__store_test_text(struct tn_store *s, const char *sql, char *out, size_t outsz);

/* tn_store_migrate, failing on purpose after the changes of migration fail_at and before its
 * version bump (fault injection: a migration killed halfway). Errors: TN_ERR_STORE. */
tn_err tn__store_test_migrate(struct tn_store *s, int fail_at, int *from, int *to);

/* Empties the store at url so that tn_store_open(url, TN_STORE_CREATE) makes it anew: a
 * file is removed with its journals, a PostgreSQL database loses every table of its schema.
 * Errors: TN_ERR_STORE (errmsg). */
tn_err tn__store_test_wipe(const char *url, char errmsg[256]);

#endif
