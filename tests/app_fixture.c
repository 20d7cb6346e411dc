/*
 * app_fixture.c - the shared set-up of the application layer's tests (app_fixture.h): policy,
 * store and app opened and released, fixture CSVs imported and periods closed, each failing
 * the running cmocka test with the reason.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "app_fixture.h"
#include "thuno/close.h"
#include "thuno/policy_load.h"
#include "thuno/store.h"

void tn_app_fixture_open(struct tn_app_fixture *f, const char *now)
{
    char msg[512] = "";
    const char *dir = getenv("THUNO_POLICY");
    *f = (struct tn_app_fixture){.scope = {NULL, NULL, TN_ROLE_ADMIN}};
    tn_policy_init(&f->policy);
    tn_import_report_init(&f->rep);
    if (!dir)
        fail_msg("fixture: THUNO_POLICY is not set");
    if (tn_policy_load(dir, &f->policy, msg, sizeof msg))
        fail_msg("fixture: policy %s: %s", dir, msg);
    if (tn_store_open(":memory:", 1, &f->store, msg))
        fail_msg("fixture: store: %s", msg);
    tn_app_init(&f->app, f->store, &f->policy, now, TN_LANG_VI);
}

void tn_app_fixture_release(struct tn_app_fixture *f)
{
    if (!f)
        return;
    tn_import_report_release(&f->rep);
    tn_store_free(f->store);
    f->store = NULL;
    tn_policy_release(&f->policy);
}

struct tn_app_fixture *tn_app_fixture_new(const char *now)
{
    struct tn_app_fixture *f = calloc(1, sizeof *f);
    if (!f)
        fail_msg("fixture: out of memory");
    tn_app_fixture_open(f, now);
    return f;
}

void tn_app_fixture_free(struct tn_app_fixture *f)
{
    tn_app_fixture_release(f);
    free(f);
}

static void import(struct tn_app_fixture *f, enum tn_import_kind kind, const char *dir, int update,
                   const char *now)
{
    const char *data = getenv("THUNO_TESTDATA");
    if (!data)
        fail_msg("fixture: THUNO_TESTDATA is not set");
    snprintf(f->path, sizeof f->path, "%s/%s/%s.csv", data, dir, tn_import_kind_name(kind));
    tn_import_report_release(&f->rep);
    tn_err err = tn_import_file(f->store, kind, f->path, update, now, &f->rep, NULL, NULL);
    if (!err)
        return;
    if (!f->rep.nerrors)
        fail_msg("import %s: %s (%s)", f->path, tn_err_name(err), tn_store_errmsg(f->store));
    const struct tn_import_error *e = &f->rep.errors[0];
    if (e->column)
        fail_msg("import: %s %s:%ld:%s: %s", tn_err_name(err), e->file, e->line, e->column,
                 e->message);
    fail_msg("import: %s %s:%ld: %s", tn_err_name(err), e->file, e->line, e->message);
}

void tn_app_fixture_import(struct tn_app_fixture *f, enum tn_import_kind kind, const char *dir,
                           const char *now)
{
    import(f, kind, dir, 0, now);
}

void tn_app_fixture_import_update(struct tn_app_fixture *f, enum tn_import_kind kind,
                                  const char *dir, const char *now)
{
    import(f, kind, dir, 1, now);
}

void tn_app_fixture_province(struct tn_app_fixture *f, const char *now)
{
    static const enum tn_import_kind kinds[] = {TN_IMPORT_OFFICERS, TN_IMPORT_UNITS,
                                                TN_IMPORT_WORKERS, TN_IMPORT_DECLARATIONS,
                                                TN_IMPORT_REGISTRY};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        import(f, kinds[i], "province", 0, now);
}

void tn_app_fixture_litigation(struct tn_app_fixture *f)
{
    import(f, TN_IMPORT_UNITS, "cases", 0, "2021-01-01T00:00:00");
    import(f, TN_IMPORT_CASE_EVENTS, "cases", 0, "2024-12-01T00:00:00");
    import(f, TN_IMPORT_CASE_PLANS, "cases", 0, "2024-12-01T00:00:00");
    import(f, TN_IMPORT_PAYMENTS, "cases", 0, "2024-12-01T00:00:00");
}

void tn_app_fixture_close_period(struct tn_app_fixture *f, tn_period period, const char *now)
{
    struct tn_close_stats stats;
    char msg[512] = "";
    tn_err err =
        tn_close_period(f->store, &f->policy, period, now, &stats, NULL, NULL, msg, sizeof msg);
    if (err) {
        char name[TN_PERIOD_BUFSZ] = "";
        tn_period_format(period, name);
        fail_msg("close %s: %s %s", name, tn_err_name(err), msg);
    }
}
