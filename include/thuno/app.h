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
#include <stdio.h>

#include "thuno/aging.h"
#include "thuno/case.h"
#include "thuno/err.h"
#include "thuno/period.h"
#include "thuno/plan.h"
#include "thuno/report.h"
#include "thuno/table.h"
#include "thuno/units.h"

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
    int changing;  /* a change begun by tn_app_change_begin and not yet ended (app_user.h) */
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
    TN_REPORT_NO_SUM = 32,  /* rows overlap or carry their own total: no sum row */
    TN_REPORT_PAGED = 64,   /* honours tn_report_params.page (the worklist) */
    TN_REPORT_CASE = 128,   /* needs case_id: one case's tables (report_case.c) */
    TN_REPORT_MONTHS = 256, /* needs a range of months first..last (a series by month) */
    TN_REPORT_DEPT = 512,   /* can be cut by the next step's department (the worklist) */
    TN_REPORT_UNITS = 1024, /* takes the units list's filters and sort (tn_unit_query's) */
    TN_REPORT_UNIT = 2048   /* needs unit: one unit's rows (the unit's ledger) */
};

/* The longest range of months a TN_REPORT_MONTHS report takes (five years). */
#define TN_REPORT_MONTHS_MAX 60

#define TN_WORKLIST_LIMIT_DEFAULT 50
#define TN_WORKLIST_LIMIT_MAX     500

/* A page of a report's rows, for the reports flagged TN_REPORT_PAGED: they skip the rows
 * before it and compute only the page's (the worklist's ladder steps: docs/api.md). The
 * province's worklist (every officer's, no office cut) counts skip within one officer's rows,
 * group's, and reads only the officers the page spans (docs/operations.md "Worklist"). */
struct tn_report_page {
    size_t skip;    /* rows before the page (of group's, for the worklist of every officer) */
    size_t limit;   /* rows in it; 0: every row after skip */
    int more;       /* set by the run: 1 when rows follow the page */
    size_t next;    /* set by the run when more: the next page's skip */
    char group[32]; /* the province's worklist: the officer whose rows skip counts ("":
                     * the first, the units with none), set by the run to the next page's */
};

struct tn_report_params {
    tn_period period;            /* -1 when not given */
    int year;                    /* 0 when not given */
    tn_day from, to;             /* the whole range when not given */
    tn_day day;                  /* the day of a daily list (card_lock_workers --date); -1: none */
    const char *as_of;           /* normalized "YYYY-MM-DDTHH:MM:SS" (tn_report_as_of), NULL: now */
    const char *officer;         /* officer cut, NULL: every officer */
    struct tn_report_page *page; /* TN_REPORT_PAGED: one page of the rows; NULL: all */
    const char *case_id;         /* TN_REPORT_CASE: the case; NULL: none */
    tn_period first, last;       /* TN_REPORT_MONTHS: the months, both included; 0: not given */
    const char *department;      /* TN_REPORT_DEPT: "QLT", "KTTN"... (policy/ladder.csv's
                                  * departments), "OTHER": neither QLT's nor KTTN's (no step
                                  * too); NULL: every row */
    /* TN_REPORT_UNITS: the units list's filters (tn_unit_query's; NULL: none), its sort by
     * name ("code", "name", "debt" or "months_owed"; NULL: code) and order (1: descending) */
    const char *type, *bucket, *legal_status, *text, *sort;
    int desc;
    const char *unit; /* TN_REPORT_UNIT: the unit's code; NULL: none */
};

/* Fills p with "nothing given": no period, no year, the whole range, no day, now, no case, no
 * months, no department, no filter, no unit. */
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

/* Checks p against what r needs and takes (period, year, office, officer, case, months,
 * department, the units' filters) and runs it for scope into out: rows of r->ncols cells.
 * Errors: TN_ERR_USAGE (a parameter missing or not taken, months out of order or more than
 * TN_REPORT_MONTHS_MAX; why says which), TN_ERR_NOT_FOUND (the case), TN_ERR_NO_POLICY,
 * TN_ERR_STORE, TN_ERR_RANGE, or out's error. */
tn_err tn_app_report_run(struct tn_app *app, const struct tn_scope *scope,
                         const struct tn_report *r, const struct tn_report_params *p,
                         const struct tn_sink *out);

/* ---- the monthly close (app_close.c) ---- */

struct tn_close_stats; /* close.h */

/* First-run setup of a store the face has just created (tn_store_open with create, which
 * writes the schema: making the file is the face's concern). Today the schema is all a new
 * store needs; this checks that the store takes a write, and is where reference rows of a
 * first run belong. app->policy may be NULL. Errors: TN_ERR_STORE. */
tn_err tn_app_init_store(struct tn_app *app, const struct tn_scope *scope);

/* Whether period may be closed now, asked before a close starts (tn_app_close asks it first;
 * the API asks it before its close job starts, so that a refusal is an answer, not a failed
 * job). A close may take the last closed period again (its changes become adjustments) or the
 * one after it; the first close any period; never a period that has not begun at app->now.
 * Errors: TN_ERR_CONFLICT (period is already closed: before the last closed one),
 * TN_ERR_RANGE (not closable: not begun, before the ledger's first period, or past the month
 * after the last closed one), TN_ERR_STATE (a district scope), TN_ERR_STORE; why says which
 * and what may be closed. */
tn_err tn_app_close_check(struct tn_app *app, const struct tn_scope *scope, tn_period period);

/* The monthly close of period (close.h, docs/ledger.md) for every unit of the province, known
 * at app->now. progress (may be NULL) is called on the caller's thread with ctx, the units
 * done and their total (a face draws a progress line or bar) every few hundred units, the
 * last time with done == total (no call when there is no unit). On TN_OK *stats has the
 * counts. The close is the province office's: a scope cut to a district office is refused.
 * Errors: those of tn_app_close_check (TN_ERR_CONFLICT, TN_ERR_RANGE: the period may not be
 * closed now, why says which may; TN_ERR_STATE: a district scope), TN_ERR_NO_POLICY (why names the
 * unit and what is missing), TN_ERR_STORE; nothing is written on failure. */
tn_err tn_app_close(struct tn_app *app, const struct tn_scope *scope, tn_period period,
                    void (*progress)(void *ctx, long long done, long long total), void *ctx,
                    struct tn_close_stats *stats);

/* ---- imports (app_import.c) ---- */

#include "thuno/import.h" /* enum tn_import_kind, struct tn_import_report */

/* Flags of an import. */
enum {
    TN_APP_IMPORT_UPDATE = 1 /* a row that differs from the stored one becomes a new version */
};

/* Imports the CSV file at path as kind (import.h, data-formats.md), all or nothing, every row
 * known at app->now. rep (initialized by the caller, tn_import_report_init) gets the counts of
 * new, changed, same and suspense rows, and every rejected row (file, line, column, message);
 * its errors point at path, which must outlive rep. Nothing is printed. progress (may be NULL)
 * gets ctx and the rows read so far, total 0. Imports are the province office's: a scope cut
 * to a district office is refused. Errors: TN_ERR_REJECTED (rows or header rejected, nothing
 * written; why counts the errors, rep holds them), TN_ERR_IO (the file cannot be read; why
 * says so), TN_ERR_STATE (a district scope), TN_ERR_STORE (nothing written). */
tn_err tn_app_import(struct tn_app *app, const struct tn_scope *scope, enum tn_import_kind kind,
                     const char *path, int flags,
                     void (*progress)(void *ctx, long long done, long long total), void *ctx,
                     struct tn_import_report *rep);

/* ---- explain (app_explain.c) ---- */

struct tn_explain; /* report.h */

/* Fills out (initialized by the caller, tn_explain_init) with everything behind unit's
 * balance of period as known at as_of ("YYYY-MM-DD", meaning its last second, or
 * "YYYY-MM-DDTHH:MM:SS"; NULL: everything known). Under a scope cut to a district office, a
 * unit of another office (as known at as_of) is not found. explain_out.h writes out as text or
 * JSON. Errors: TN_ERR_PARSE (as_of malformed), TN_ERR_NOT_FOUND (no closed balance for
 * the unit in period at as_of, a unit of another office, or an office no unit has; why says
 * which), TN_ERR_STORE. */
tn_err tn_app_explain(struct tn_app *app, const struct tn_scope *scope, const char *unit,
                      tn_period period, const char *as_of, struct tn_explain *out);

/* ---- cases and their registers, documents: app_case.h, a section of this header kept in its
 * own file for length ---- */
#include "thuno/app_case.h"

/* ---- letters (app_letter.c) ---- */

/* The letterhead (templates/letterhead.txt, docs/letters.md): "key: value" lines. Strings
 * owned; NULL when the file does not give them. */
struct tn_letterhead {
    char *agency, *office, *place, *authority, *title, *signer, *phone, *account;
    char *suffix_reminder, *suffix_c12ts, *suffix_mass;
    char *province, *address; /* the province's name; the issuing office's address */
    char **recipients;
    size_t nrecipients, caprecipients;
};

/* Loads the letterhead at path, the office_code's own lines ("office.CODE: ...") taking
 * precedence when office_code is not NULL. On failure *problems (owned by the caller, free())
 * gets one line per problem ("PATH:LINE: ...", or "cannot read the letterhead PATH"), lh is
 * left empty. Errors: TN_ERR_IO, TN_ERR_PARSE. */
tn_err tn_app_letterhead_load(const char *path, const char *office_code, struct tn_letterhead *lh,
                              char **problems);

/* Frees what lh owns; lh is then empty. */
void tn_letterhead_release(struct tn_letterhead *lh);

/* The office settings every document header needs (docs/letters.md "The office settings"):
 * the agency and the issuing office, and the province. Returns TN_OK when lh has them all,
 * else TN_ERR_NO_POLICY with why (whysz bytes) naming path and the first missing key: a
 * document is never headed by a blank or by "BẢO HIỂM XÃ HỘI TỈNH" alone. */
tn_err tn_letterhead_check(const struct tn_letterhead *lh, const char *path, char *why,
                           size_t whysz);

/* Where a letter run writes its PDF: f when not NULL (borrowed; path then only names it in
 * messages), else the file at path (created when the letters are ready, so a refused run
 * leaves none), else one file per unit, dir/UNIT_CODE.pdf. */
struct tn_letter_dest {
    FILE *f;
    const char *path;
    const char *dir;
};

/* What a letter run is asked, beyond the scope. Strings borrowed for the call. */
struct tn_letter_opts {
    tn_period period;                       /* the month the letters are about */
    const char *unit;                       /* one unit_code, NULL: every unit of the scope */
    tn_day date;                            /* the letters' date */
    const char *as_of;                      /* what they read, "YYYY-MM-DDTHH:MM:SS"; NULL: now */
    const struct tn_letterhead *letterhead; /* required */
    struct tn_letter_dest dest;
    /* reminder */
    int record;        /* number the letters from the register, store them, record the events */
    const char *actor; /* who records (required with record) */
    int number_from;   /* the first number, 0: the register's next */
    /* mass */
    const char *template_path; /* the template's name in messages; read unless template_text */
    const char *template_text; /* the template itself, or NULL to read template_path */
    unsigned status;           /* TN_LETTER_SEL_* bits (letter_rule.h), 0: every unit */
    const char *number;        /* the letters' number, NULL: "Số:      /SUFFIX" */
};

/* A unit a reminder run left out, and why. */
struct tn_letter_skip {
    char unit_code[32];
    char case_id[72];
    const char *state, *state_vi; /* the case's state: "sued", "Đã khởi kiện" (static) */
};

/* A reminder recorded: its number, the case and the event. */
struct tn_letter_recorded {
    char unit_code[32];
    char letter_no[48];
    char case_id[72];
    long event_seq;
    int case_opened; /* 1: the case was opened for it */
};

/* What a letter run did. tn_letter_result_init before, tn_letter_result_release after. */
struct tn_letter_result {
    size_t letters; /* letters written */
    struct tn_letter_skip *skipped;
    size_t nskipped;
    struct tn_letter_recorded *recorded; /* in letter order */
    size_t nrecorded;
    int late_day;   /* a reminder dated past the 10th: its day (Decree 274/2025); else 0 */
    char *problems; /* a refused template: one "PATH:LINE:COLUMN: ..." line each; owned */
};

void tn_letter_result_init(struct tn_letter_result *r);
void tn_letter_result_release(struct tn_letter_result *r);

/* The written reminder (văn bản đôn đốc) to every unit of scope late or evading at the end of
 * o->period (or o->unit alone), dated o->date: the amount, the days late, the interest a day,
 * the day to pay by. Units whose open case is in court or enforcement are left out (res->skipped;
 * o->unit in that state is refused). With o->record the letters are numbered from the register
 * (o->number_from, else its next), and every register row and reminder_sent event (a case is
 * opened for a unit without one) is written in one transaction after every check passed.
 * Errors: TN_ERR_USAGE (no letterhead or destination; record without actor), TN_ERR_NO_POLICY
 * (no daily interest or legal rule on the date, a deadline rule missing), TN_ERR_REJECTED (a
 * unit in court named, a case refusing the event, a reminder already in the register, numbers
 * taken), TN_ERR_NOT_FOUND (o->unit has no balance in the period), TN_ERR_IO, TN_ERR_STORE;
 * app->why says which. res->late_day is set even then. */
tn_err tn_app_letter_reminder(struct tn_app *app, const struct tn_scope *scope,
                              const struct tn_letter_opts *o, struct tn_letter_result *res);

/* The monthly notice of contribution results (Mẫu C12-TS) to every unit of scope with a
 * balance in o->period (or o->unit alone). Errors: TN_ERR_USAGE, TN_ERR_NO_POLICY (a deadline
 * rule missing), TN_ERR_NOT_FOUND (o->unit has no balance), TN_ERR_IO, TN_ERR_STORE. */
tn_err tn_app_letter_c12ts(struct tn_app *app, const struct tn_scope *scope,
                           const struct tn_letter_opts *o, struct tn_letter_result *res);

/* One letter from the template o->template_text (or the file o->template_path) to each unit
 * of scope selected by o->status in o->period. A template with unknown keys or placeholders is
 * refused whole (TN_ERR_REJECTED, res->problems lists them, nothing written). Errors:
 * TN_ERR_USAGE, TN_ERR_IO (template unreadable), TN_ERR_NO_POLICY (no card-lock rule on the
 * date), TN_ERR_REJECTED, TN_ERR_NOT_FOUND (o->unit has no balance), TN_ERR_STORE. */
tn_err tn_app_letter_mass(struct tn_app *app, const struct tn_scope *scope,
                          const struct tn_letter_opts *o, struct tn_letter_result *res);

/* Checks the template text of len bytes (any bytes; name names it in the problems) as
 * tn_app_letter_mass would read it, and appends each problem, one per line, to *problems
 * (the caller frees it). Errors: TN_ERR_REJECTED (at least one problem). */
tn_err tn_app_letter_template_check(const char *name, const char *text, size_t len,
                                    char **problems);

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
/* What tn_app_suspense_match did. */
struct tn_suspense_match_stats {
    long applied; /* matches recorded (apply) */
    long left;    /* payments left for review: no unique match, or not applied */
};

/* The columns of the suspense match table: those of report suspense_review, then applied
 * ("yes" when the match was recorded). Sets *ncols; static storage. */
const struct tn_col *tn_app_suspense_match_cols(size_t *ncols);

/* Matches every payment in suspense of scope's office received by the end of period, as
 * known at as_of (NULL: now), to a unit by its transfer memo, one row of
 * tn_app_suspense_match_cols into out per payment (docs/payments-ops.md). With apply, each
 * unique match (unit code, tax code or name; never an ambiguous one) is then recorded as a new
 * version of the payment known at app->now, decided by actor: as-of reports before now still
 * see it in suspense, and the next close counts it. *stats is set on TN_OK. Errors:
 * TN_ERR_USAGE (apply without actor, or apply with as_of: an as-of view is read-only),
 * TN_ERR_NOT_FOUND (an office no unit has), TN_ERR_STORE, or out's error. */
tn_err tn_app_suspense_match(struct tn_app *app, const struct tn_scope *scope, tn_period period,
                             const char *as_of, int apply, const char *actor,
                             const struct tn_sink *out, struct tn_suspense_match_stats *stats);

/* Records unit_code as the payer of the payment in suspense txn_id, by hand (method "manual",
 * confidence 100), decided by actor and known at app->now. Errors: TN_ERR_USAGE (an argument
 * missing), TN_ERR_NOT_FOUND (no such payment or unit), TN_ERR_STATE (the payment is not in
 * suspense), TN_ERR_STORE. */
tn_err tn_app_suspense_assign(struct tn_app *app, const struct tn_scope *scope, const char *txn_id,
                              const char *unit_code, const char *actor);

struct tn_handover_signoff;

/* department ("QLT" or "KTTN") signs period's QLT <-> KTTN handover list of scope's office as
 * known at app->now (issue 4 item 4; seed 002; docs/lists.md "Handover sign-off"), by actor
 * (under 64 bytes) on date ("YYYY-MM-DD"; NULL: the day of app->now). h (initialized by the
 * caller with tn_handover_signoff_init, released by it) gets the signature: the list (h->items,
 * h->n), its SHA-256 (h->digest) and, when the list changed after an earlier signature of the
 * period, that signature's digest (h->prior_digest, "" otherwise). When the other department's
 * latest signature holds the same list, the handover takes effect: from the signing day each
 * unit moving QLT -> KTTN is assigned to the KTTN officer of policy/handover.csv
 * (tn_handover_officer, by office, in turn in unit-code order) and each unit moving back to the
 * officer it had before its last handover (h->assigned, h->unchanged, h->no_rule count them;
 * docs/lists.md). Errors: TN_ERR_USAGE (a
 * department other than QLT or KTTN, no actor, a malformed date), TN_ERR_NO_POLICY (no
 * card-lock rule for the period), TN_ERR_NOT_FOUND (an office no unit has), TN_ERR_STORE. */
tn_err tn_app_handover_sign(struct tn_app *app, const struct tn_scope *scope, tn_period period,
                            const char *department, const char *actor, const char *date,
                            struct tn_handover_signoff *h);
/* Assignments (app_ops_assign.c; docs/operations.md): which officer is in charge of units
 * from a day. */

#include "thuno/operations.h" /* enum tn_assign_problem */

/* What is asked: the units named, or every unit from_officer is in charge of on from. */
struct tn_assign_request {
    const char *const *units;   /* unit codes (a code named twice is assigned once) */
    size_t nunits;              /* 0 with from_officer */
    const char *from_officer;   /* NULL with units */
    const char *officer;        /* the officer put in charge */
    tn_day from;                /* from this day */
    const char *actor, *reason; /* may be NULL */
};

/* One unit the assignment refuses (tn_assign_check, operations.h). */
struct tn_assign_refusal {
    char unit[32];
    enum tn_assign_problem problem;
    char message[320]; /* "B: cán bộ không còn hoạt động / the officer is not active (O4)" */
};

struct tn_assign_result {
    size_t units; /* units assigned (on TN_OK) */
    struct tn_assign_refusal *refused;
    size_t nrefused, caprefused;
};

/* Sets res to no units and no refusals. */
void tn_assign_result_init(struct tn_assign_result *res);

/* Frees what res owns; res is then as if just initialized. */
void tn_assign_result_release(struct tn_assign_result *res);

/* Records, all or nothing, that req->officer is in charge of every unit of req from req->from,
 * known at app->now. Every unit is checked first (the unit and officer exist, the officer is
 * active, the day is not before the unit's registration or its latest assignment, the officer
 * is not already in charge); each refused unit goes into res->refused, and one refusal means
 * nothing is written. res (initialized by the caller) gets the count. Errors: TN_ERR_USAGE
 * (neither or both of units and from_officer, or no officer), TN_ERR_REJECTED (refusals, or
 * from_officer is in charge of no unit that day; why says so), TN_ERR_STORE. */
tn_err tn_app_assign(struct tn_app *app, const struct tn_scope *scope,
                     const struct tn_assign_request *req, struct tn_assign_result *res);

/* ---- packs: the meeting pack, the People's Committee report (app_pack.c) ---- */

/* The pack for the director's monthly meeting (docs/operations.md "Meeting pack") of
 * period as known at as_of (NULL: now), for scope's office: five sections into out (its
 * section callback required), each opened by out->section with its heading and typed columns:
 * collection against plan, debt by bucket last month and this, units newly in debt, what was
 * done in the month, measures proposed for next month. Errors: TN_ERR_USAGE (out has no
 * section callback), TN_ERR_NOT_FOUND (scope's office), TN_ERR_STORE, or out's error. */
tn_err tn_app_pack_meeting(struct tn_app *app, const struct tn_scope *scope, tn_period period,
                           const char *as_of, const struct tn_sink *out);

/* The monthly report to the provincial People's Committee (seed 001, docs/inspections.md):
 * the tables of the reports pc_report, pc_refusing and pc_measures as three sections of out
 * (out->section must be set), each under its numbered heading, for p->period as known at
 * p->as_of, of scope's office's units. Errors: TN_ERR_USAGE (no period; why says so),
 * TN_ERR_NO_POLICY (no rule in policy/inspections.csv for the period), TN_ERR_NOT_FOUND (an
 * office no unit has), TN_ERR_STORE, or out's error. */
tn_err tn_app_committee_pack(struct tn_app *app, const struct tn_scope *scope,
                             const struct tn_report_params *p, const struct tn_sink *out);

/* ---- units to browse: GET /api/v1/units, /units/{code} (app_units.c; units.h) ---- */

/* What a page of units is sorted by (then by unit code). */
enum tn_unit_sort {
    TN_UNIT_SORT_CODE,
    TN_UNIT_SORT_NAME,       /* Vietnamese collation (ICU, locale "vi") */
    TN_UNIT_SORT_DEBT,       /* debt past its deadline; no balance sorts lowest */
    TN_UNIT_SORT_MONTHS_OWED /* months owed; no balance or none defined sorts lowest */
};

#define TN_UNITS_LIMIT_DEFAULT 50
#define TN_UNITS_LIMIT_MAX     500

/* A page asked for: filters (NULL: none), sort, and where the page starts. */
struct tn_unit_query {
    tn_period period;  /* the balances' period; -1: the last closed as known at as_of */
    const char *as_of; /* normalized (tn_report_as_of), NULL: now */
    const char *officer, *type, *bucket, *legal_status; /* tn_unit_filter's */
    const char *text; /* code, name or tax code contains it, accents and case ignored */
    enum tn_unit_sort sort;
    int desc;           /* 1: the sort key descending (unit codes still ascending) */
    const char *cursor; /* NULL: the first page; else the `next` of the page before */
    size_t limit;       /* 1..TN_UNITS_LIMIT_MAX; 0: TN_UNITS_LIMIT_DEFAULT */
};

/* A page of units: units[0..n) in order, next the opaque cursor of the page after (NULL
 * after the last), period the balances' period (-1 when nothing is closed). */
struct tn_unit_page {
    tn_period period;
    struct tn_unit_entry *units;
    size_t n, cap;
    char *next;
    char (*officer_names)[TN_NAME_BUFSZ]; /* [n]: units[i]'s officer's full name, "" unknown
                                           * (tn_app_officers' names of period) */
};

/* tn_unit_page_init() empties p; tn_unit_page_release() frees what it holds and leaves it
 * as if just initialized. */
void tn_unit_page_init(struct tn_unit_page *p);
void tn_unit_page_release(struct tn_unit_page *p);

/* The page q asks for of the units scope sees (scope->office's; an officer only those it is
 * in charge of on the day read, whatever q->officer says) into out (released first), the
 * officer in charge as of the day of as_of (or now), each with its name (out->officer_names:
 * tn_app_officers' names of the page's period). The cursor carries the sort it was made
 * for and the position after its last unit: pages follow one another without overlap while
 * the data stays. Errors: TN_ERR_USAGE (limit over TN_UNITS_LIMIT_MAX, a cursor malformed or
 * made for another sort; why says which), TN_ERR_STORE. */
tn_err tn_app_units(struct tn_app *app, const struct tn_scope *scope, const struct tn_unit_query *q,
                    struct tn_unit_page *out);

/* The registry data of unit as known at as_of (NULL: now) with its officer in charge that
 * day and its balance of the last period closed then (*period; -1 when none: no balance)
 * into *out, when scope sees it (tn_app_unit_visible). Errors: TN_ERR_NOT_FOUND (unknown or
 * not seen), TN_ERR_STORE. */
tn_err tn_app_unit(struct tn_app *app, const struct tn_scope *scope, const char *unit,
                   const char *as_of, struct tn_unit_entry *out, tn_period *period);

/* ---- the statutory calendar (app_calendar.c; report calendar: report_calendar.c) ---- */

/* Which occurrence of which duty was done, by whom and when. Strings borrowed for the call. */
struct tn_calendar_done_request {
    const char *duty;  /* a duty of policy/calendar.csv */
    tn_period period;  /* a recurring duty: the month its occurrence fell due in; -1: none */
    tn_day date;       /* an event duty: the day of its event; -1: none */
    tn_day done_on;    /* the day it was done; -1: the day of app->now */
    const char *actor; /* who did it (required) */
    const char *note;  /* may be NULL */
};

/* Records that the duty's occurrence named by req (docs/calendar.md) was done, known at
 * app->now: a recurring duty (monthly, quarterly, yearly, once) is named by the month it fell
 * due in, an event duty by the day of its event (an inspection concluded that day). A second
 * record of the same occurrence is a correction (a new version). The calendar is the province
 * office's: a district scope is refused. Errors: TN_ERR_USAGE (no actor; a period for an event
 * duty or a date for a recurring one; why says so), TN_ERR_NOT_FOUND (no such duty, no
 * occurrence of it in that month, or no event that day), TN_ERR_RANGE (done_on after today),
 * TN_ERR_STATE (a district scope), TN_ERR_NO_POLICY, TN_ERR_STORE. */
tn_err tn_app_calendar_done(struct tn_app *app, const struct tn_scope *scope,
                            const struct tn_calendar_done_request *req);

/* ---- what-if: the assessment under another policy (app_whatif.c; docs/whatif.md) ---- */

enum {
    TN_WHATIF_BY_UNIT = 1 /* one row per unit instead of per office and unit type */
};

/* The what-if table's columns (period, office_code, unit_type, unit_code, fund, share,
 * current, proposed, difference) and its title, Vietnamese first; static storage. */
const struct tn_col *tn_app_whatif_cols(size_t *ncols, const char **title);

/* Recomputes the assessment of every month from..to of scope's units under app->policy (the
 * current policy) and under proposed (loaded by the face from another policy directory, whole
 * and checked as any policy), from the declarations known now (tn_assess_unit: each month as
 * the rows known now put it, back-dated rows in the month they are for), and writes the
 * difference into out as rows of tn_app_whatif_cols(): per office, unit type (per unit with
 * TN_WHATIF_BY_UNIT), month, fund and share, then the totals (office "total": per month,
 * fund and share; per fund and share over the window; fund and share "total" for all). A row
 * is written only when either policy assesses something; money is đồng, difference =
 * proposed - current. Only reads: the store may be opened read-only (TN_STORE_READONLY);
 * payments and interest are not recomputed. Errors: TN_ERR_USAGE (from > to, or a window
 * over 600 months; why says so), TN_ERR_NOT_FOUND (an office no unit has), TN_ERR_NO_POLICY
 * (a policy does not cover a month or a unit's facts; why names which policy, the unit and
 * the month), TN_ERR_PARSE (a unit type policy.h does not know), TN_ERR_RANGE,
 * TN_ERR_OVERFLOW, TN_ERR_STORE, or out's error. */
tn_err tn_app_whatif(struct tn_app *app, const struct tn_scope *scope,
                     const struct tn_policy *proposed, tn_period from, tn_period to, int flags,
                     const struct tn_sink *out);

/* ---- users, roles, sessions and the audit log: app_user.h, a section of this header kept in
 * its own file for length; the faces include thuno/app.h alone ---- */
#include "thuno/app_user.h"
/* the officers' contacts with employers: app_contact.h, likewise */
#include "thuno/app_contact.h"
/* a unit's workers and payments: app_unit.h, likewise */
#include "thuno/app_unit.h"
/* moving an office's store to PostgreSQL: app_store.h, likewise */
#include "thuno/app_store.h"

#endif
