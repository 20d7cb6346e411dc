/*
 * app_fixture.h - the set-up every test of the application layer (tests/test_app_*.c) shares:
 * the policy of $THUNO_POLICY, a fresh ":memory:" store and a struct tn_app over them, filled
 * from the CSV fixtures of $THUNO_TESTDATA (tests/data) and closed month by month.
 *
 * Invariants: a fixture owns its store, its policy and its last import report; its app borrows
 * the store and the policy. Every function here fails the running cmocka test (fail_msg) with
 * the reason instead of returning an error, so it may be called from a test or from a cmocka
 * setup function; the figures stay in the tests.
 */
#ifndef THUNO_TEST_APP_FIXTURE_H
#define THUNO_TEST_APP_FIXTURE_H

#include "thuno/app.h"
#include "thuno/import.h"
#include "thuno/period.h"
#include "thuno/policy.h"

struct tn_app_fixture {
    struct tn_store *store;      /* owned: a fresh ":memory:" store */
    struct tn_policy policy;     /* owned: the policy of $THUNO_POLICY */
    struct tn_app app;           /* over store and policy, Vietnamese, clock set by open */
    struct tn_scope scope;       /* every unit, TN_ROLE_ADMIN after open; the test may change it */
    struct tn_import_report rep; /* the last import's counts and errors, which point at path */
    char path[4096];             /* the last file imported */
};

/* Loads the policy, opens a fresh ":memory:" store and sets f->app over them at now
 * ("YYYY-MM-DDTHH:MM:SS", TN_LANG_VI); f's memory is the caller's (embedded or on the heap)
 * and is overwritten. Fails the test when the policy or the store cannot be had. Release with
 * tn_app_fixture_release. */
void tn_app_fixture_open(struct tn_app_fixture *f, const char *now);

/* Frees what f owns (store, policy, report); NULL does nothing. f's memory stays the caller's. */
void tn_app_fixture_release(struct tn_app_fixture *f);

/* A fixture on the heap, opened at now as tn_app_fixture_open does; the caller's, freed with
 * tn_app_fixture_free. */
struct tn_app_fixture *tn_app_fixture_new(const char *now);

/* Releases f and frees it; NULL does nothing. */
void tn_app_fixture_free(struct tn_app_fixture *f);

/* Imports $THUNO_TESTDATA/<dir>/<kind>.csv ("units.csv" for TN_IMPORT_UNITS) into f->store
 * with tn_import_file, known at now, without update: a changed row is refused. f->rep and
 * f->path keep the counts and the errors until the next import. Fails the test on any error,
 * with the first rejected row as FILE:LINE:COLUMN: message (or the store's text). */
void tn_app_fixture_import(struct tn_app_fixture *f, enum tn_import_kind kind, const char *dir,
                           const char *now);

/* As tn_app_fixture_import, with update: a changed row is stored as a new version. */
void tn_app_fixture_import_update(struct tn_app_fixture *f, enum tn_import_kind kind,
                                  const char *dir, const char *now);

/* The hand-checked province as registered (docs/golden.md): officers, units, workers,
 * declarations and registry of tests/data/province, each known at now; no payments. */
void tn_app_fixture_province(struct tn_app_fixture *f, const char *now);

/* The litigation province of tests/data/cases (docs/cases.md "The test province") as
 * tests/cli_cases.sh re-imports it: units known on 2021-01-01, every case event, plan and
 * payment known on 2024-12-01. */
void tn_app_fixture_litigation(struct tn_app_fixture *f);

/* Closes period for every unit with tn_close_period, the results known at now. Fails the test
 * with the close's message when the period may not be closed or the policy does not cover
 * it. */
void tn_app_fixture_close_period(struct tn_app_fixture *f, tn_period period, const char *now);

#endif
