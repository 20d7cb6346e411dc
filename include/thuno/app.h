/*
 * app.h - the application layer: one function per thing the office does, over the store and
 * the rules of core (docs/architecture.md). The CLI, the HTTP API and the tests are faces of
 * it: they parse their input, build a scope, call one function here and write what it gives.
 *
 * Invariants: nothing here prints, exits or reads the wall clock. The caller passes the time
 * (struct tn_app.now), the policy loaded once, the store, and with every call the caller's
 * scope (office, officer, role). A function that fails returns a tn_err and leaves in
 * app->why what went wrong, in words a user can act on ("" when the code says it all).
 * Reports are rows of typed cells written into a struct tn_sink (table.h), from one registry.
 * A struct tn_app serves one caller at a time: a server keeps one per worker thread, each with
 * its own store connection, all sharing one read-only policy.
 */
#ifndef THUNO_APP_H
#define THUNO_APP_H

#include <stddef.h>

#include "thuno/err.h"
#include "thuno/period.h"
#include "thuno/table.h"

struct tn_store;
struct tn_policy;

/* ---- context and scope (app.c) ---- */

/* Who is asking. Roles follow the office's departments (docs/glossary.md). */
enum tn_role {
    TN_ROLE_ADMIN,    /* users, policy, imports, closes */
    TN_ROLE_DIRECTOR, /* reads everything, signs off */
    TN_ROLE_QLT,      /* collection management */
    TN_ROLE_KTTN,     /* debt department */
    TN_ROLE_TTKT,     /* inspection */
    TN_ROLE_LEGAL,    /* cases and documents */
    TN_ROLE_OFFICER   /* a collection officer: own units */
};

/* The caller's world, an argument of every call. office is a resolved office code (see
 * tn_app_scope_office) or NULL for every unit; officer is the caller's officer code or NULL;
 * strings are borrowed for the call. */
struct tn_scope {
    const char *office;
    const char *officer;
    enum tn_role role;
};

struct tn_app {
    struct tn_store *store;         /* borrowed */
    const struct tn_policy *policy; /* borrowed: the whole policy, loaded once */
    char now[20];                   /* "YYYY-MM-DDTHH:MM:SS": the caller's clock */
    enum tn_lang lang;
    char why[512]; /* the last failure's explanation, "" when none */
};

/* Sets up app over store and policy (both borrowed for app's life) with the caller's time now
 * ("YYYY-MM-DDTHH:MM:SS") and language. Nothing to release. */
void tn_app_init(struct tn_app *app, struct tn_store *store, const struct tn_policy *policy,
                 const char *now, enum tn_lang lang);

/* The explanation of the last failure of a call on app: why, or the code's message when the
 * call left none. Borrowed from app. */
const char *tn_app_why(const struct tn_app *app, tn_err err);

/* Resolves office for a scope: *resolved is office when it is a district office, NULL for the
 * province office ("79", "79000") or when office is NULL (every unit). Errors:
 * TN_ERR_NOT_FOUND when no unit or officer has that office and it is not the province office
 * (app->why says so in Vietnamese and English), TN_ERR_STORE. */
tn_err tn_app_scope_office(struct tn_app *app, const char *office, const char **resolved);

/* ---- reports (report_registry.c and report_*.c) ---- */

/* What a report needs or takes, beyond the scope. */
enum {
    TN_REPORT_PERIOD = 1,   /* needs period */
    TN_REPORT_RANGE = 2,    /* takes from/to */
    TN_REPORT_OFFICE = 4,   /* can be cut by office */
    TN_REPORT_YEAR = 8,     /* needs year (its last closed period) or period */
    TN_REPORT_OFFICER = 16, /* can be cut by officer */
    TN_REPORT_NO_SUM = 32   /* rows overlap or carry their own total: no sum row */
};

struct tn_report_params {
    tn_period period;    /* -1 when not given */
    int year;            /* 0 when not given */
    tn_day from, to;     /* the whole range when not given */
    tn_day day;          /* the day of a daily list (card_lock_workers --date); -1: none */
    const char *as_of;   /* normalized "YYYY-MM-DDTHH:MM:SS" (tn_report_as_of), NULL: now */
    const char *officer; /* officer cut, NULL: every officer */
};

/* Fills p with "nothing given": no period, no year, the whole range, no day, now. */
void tn_report_params_init(struct tn_report_params *p);

struct tn_report {
    const char *name;  /* "balances" */
    const char *title; /* printed on XLSX and PDF, Vietnamese first: "Số dư ... / Balances" */
    const char *what;  /* one line for lists of reports */
    const struct tn_col *cols;
    size_t ncols;
    int flags; /* TN_REPORT_*; 0 means TN_REPORT_PERIOD */
    tn_err (*run)(struct tn_app *app, const struct tn_scope *scope,
                  const struct tn_report_params *p, const struct tn_sink *out);
};

/* The number of reports, and the i-th (i < that number) in the order `report --list` shows
 * them. Static storage. */
size_t tn_app_report_count(void);
const struct tn_report *tn_app_report_at(size_t i);

/* The report called name, or NULL. */
const struct tn_report *tn_app_report(const char *name);

/* The flags of r with the default applied (0 means TN_REPORT_PERIOD). */
int tn_app_report_flags(const struct tn_report *r);

/* Checks p against what r needs and takes (period, year, office, officer) and runs it for
 * scope into out: rows of r->ncols cells. Errors: TN_ERR_USAGE (a parameter missing or not
 * taken; why says which), TN_ERR_NO_POLICY, TN_ERR_STORE, TN_ERR_RANGE, or out's error. */
tn_err tn_app_report_run(struct tn_app *app, const struct tn_scope *scope,
                         const struct tn_report *r, const struct tn_report_params *p,
                         const struct tn_sink *out);

/* ---- the monthly close (app_close.c) ---- */

/* ---- imports (app_import.c) ---- */

/* ---- explain (app_explain.c) ---- */

/* ---- cases and their registers (app_case.c, app_case_register.c) ---- */

/* Declared in thuno/app_case.h: its results embed rows of report.h, case_store.h and doc.h,
 * which this header does not include (policy.h and inspection_store.h both define
 * struct tn_unit_facts). */

/* ---- documents (app_doc.c) ---- */

/* Declared in thuno/app_case.h with the case commands. */

/* ---- letters (app_letter.c) ---- */

/* ---- suspense, assignments, handover sign-off, inspections (app_ops.c) ---- */

/* ---- packs: the meeting pack, the People's Committee report (app_pack.c) ---- */

#endif
