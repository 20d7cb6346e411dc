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
struct tn_import_report;

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

/* Declared in thuno/app_case.h: their results embed rows of report.h, case.h, plan.h and
 * doc.h, which this header leaves out so that its includers need not pull them in. */

/* ---- documents (app_doc.c) ---- */

/* Declared in thuno/app_case.h with the case commands. */

/* ---- letters (app_letter.c) ---- */

/* ---- suspense, assignments, handover sign-off, inspections (app_ops.c) ---- */

/* One inspection conclusion as the officer gives it (docs/inspections.md): the cells of a row
 * of inspections.csv as text (NULL: empty), checked by that file's import cell by cell. */
struct tn_inspection_entry {
    const char *inspection_id, *unit_code, *concluded_on;
    const char *decision_no, *body, *inspector;
    const char *amount_underdeclared, *amount_unpaid, *workers_unregistered, *fine_amount;
    const char *remedy_by, *note;
};

/* Records e as one row imported into inspections (app_inspection.c), stamped app->now, so that
 * it is checked, versioned and refused exactly as a row of the file would be: a conclusion
 * equal to the stored one is skipped, a different one is refused unless update, which stores a
 * new version. rep (initialized by the caller, released by it) gets the counts (rows_new,
 * rows_changed, rows_same) and the rejected cells, each error naming its column; their file is
 * "inspection record". Errors: TN_ERR_REJECTED (every error in rep), TN_ERR_IO (the row could
 * not be written for the import; why says where), TN_ERR_STORE. */
tn_err tn_app_inspection_record(struct tn_app *app, const struct tn_scope *scope,
                                const struct tn_inspection_entry *e, int update,
                                struct tn_import_report *rep);

/* ---- packs: the meeting pack, the People's Committee report (app_pack.c) ---- */

/* The monthly report to the provincial People's Committee (seed 001, docs/inspections.md):
 * the tables of the reports pc_report, pc_refusing and pc_measures as three sections of out
 * (out->section must be set), each under its numbered heading, for p->period as known at
 * p->as_of, of scope's office's units. Errors: TN_ERR_USAGE (no period; why says so),
 * TN_ERR_NO_POLICY (no rule in policy/inspections.csv for the period), TN_ERR_NOT_FOUND (an
 * office no unit has), TN_ERR_STORE, or out's error. */
tn_err tn_app_committee_pack(struct tn_app *app, const struct tn_scope *scope,
                             const struct tn_report_params *p, const struct tn_sink *out);

#endif
