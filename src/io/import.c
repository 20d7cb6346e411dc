/*
 * import.c - all-or-nothing import of one CSV file (see import.h; the columns of each file are
 * in import_rules.c, data-formats.md "Common rules for every CSV").
 *
 * One engine for every kind, driven by its column table: each row is read, each cell checked
 * and normalized (defaults applied), the row's key checked against the earlier rows of the
 * file, its references looked up (in the store, memoized; a unit's parent may also come later
 * in the file, so those are checked at the end), the few rules that tie cells together checked
 * (row_checks), then the row is compared with the stored version of its key. Rows are written
 * as they go, inside one transaction; after the first rejected row nothing more is written,
 * but every row is still checked so that all errors are reported; then the transaction is
 * rolled back.
 */
#include "thuno/import.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/csv_reader.h"
#include "io/import_keys.h"
#include "io/import_rules.h"
#include "store/store_import.h"
#include "thuno/case_store.h"
#include "thuno/mem.h"
#include "thuno/operations_store.h"
#include "thuno/period.h"
#include "thuno/store.h"

#define PROGRESS_EVERY 8192
#define KEY_SEP        '\x1f' /* between the parts of a key of several columns */

void tn_import_report_init(struct tn_import_report *rep)
{
    memset(rep, 0, sizeof *rep);
}

void tn_import_report_release(struct tn_import_report *rep)
{
    free(rep->errors);
    tn_import_report_init(rep);
}

tn_err tn_import_kind_parse(const char *name, enum tn_import_kind *out)
{
    for (int k = 0; k < TN_IMPORT_COUNT; k++) {
        if (strcmp(tn__import_rules[k].kind, name) == 0) {
            *out = (enum tn_import_kind)k;
            return TN_OK;
        }
    }
    return TN_ERR_PARSE;
}

const char *tn_import_kind_name(enum tn_import_kind kind)
{
    return tn__import_rules[kind].kind;
}

/* A referenced table: its store lookup and what was already found (num 1) or not (num 0). */
struct refcache {
    const char *table, *col;
    struct tn_store_lookup *lk;
    struct tn__keyset memo;
};

/* A unit's parent not known when its row was read; checked against the whole file at the end. */
struct pending {
    long line;
    const char *code; /* in run.strings */
};

struct run {
    struct tn_store *s;
    const struct tn__file_rules *rules;
    enum tn_import_kind kind;
    const char *path;
    int update;
    struct tn_import_report *rep;
    long first_dropped; /* line of the first error past the cap */
    struct tn_store_import *imp;
    struct tn__keyset keys;    /* keys of this file's rows; payments: amount, < 0 a reversal */
    struct tn__keyset strings; /* pool for the pending references' text */
    struct tn__keyset cases;   /* case files: the case ids of the file, first line */
    struct refcache refs[3];
    int refidx[TN__MAX_COLUMNS]; /* column -> refs[], or -1 */
    size_t nrefs;
    struct pending *pending;
    size_t npending, cappending;
    int col_kind, col_salary, col_amount, col_reverses, col_parent; /* -1: not in the file */
    /* the row being checked */
    long line;
    int bad; /* errors in this row */
    const char *cells[TN__MAX_COLUMNS];
    unsigned char okcell[TN__MAX_COLUMNS];           /* the cell is present and good */
    struct tn_store_value vals[TN__MAX_COLUMNS + 1]; /* + payments' suspense */
    char key[256];
    size_t keylen;
};

static void add_error(struct run *x, const char *column, tn_err code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void add_error(struct run *x, const char *column, tn_err code, const char *fmt, ...)
{
    struct tn_import_report *rep = x->rep;
    x->bad++;
    if (rep->nerrors >= TN_IMPORT_MAX_ERRORS) {
        if (!rep->errors_dropped++)
            x->first_dropped = x->line;
        return;
    }
    TN_GROW(rep->errors, rep->caperrors, rep->nerrors + 1);
    struct tn_import_error *e = &rep->errors[rep->nerrors++];
    *e = (struct tn_import_error){.file = x->path, .line = x->line, .column = column, .code = code};
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->message, sizeof e->message, fmt, ap);
    va_end(ap);
}

static const char *colname(const struct run *x, int c)
{
    return x->rules->cols[c].name;
}

/* The quoted form of a value for a message: at most 60 bytes of it. */
#define CLIP(s) tn__import_clip((s), 60), (s)

/* Is value a current row of the referenced table? Looked up once per distinct value. */
static tn_err known(struct run *x, struct refcache *rc, const char *value, int *found)
{
    size_t len = strlen(value);
    struct tn__keyval *kv = tn__keyset_find(&rc->memo, value, len);
    if (kv) {
        *found = (int)kv->num;
        return TN_OK;
    }
    tn_err err = tn_store_lookup_exists(rc->lk, value, found);
    if (err)
        return err;
    int added;
    tn__keyset_put(&rc->memo, value, len, (struct tn__keyval){x->line, *found}, &added);
    return TN_OK;
}

/* Looks up what the row's cells refer to: an unknown unit, worker or officer is an error, an
 * unknown payer puts the payment in suspense, a parent unit may come later in the file. */
static tn_err check_refs(struct run *x)
{
    const struct tn__file_rules *r = x->rules;
    for (size_t c = 0; c < r->ncols; c++) {
        const struct tn__column *col = &r->cols[c];
        const char *v = x->cells[c];
        if (col->ref == TN__REF_NONE || (*v && !x->okcell[c]))
            continue;
        if (!*v) {
            if (col->ref == TN__REF_SUSPENSE)
                x->vals[r->ncols] = (struct tn_store_value){.type = TN_SV_TEXT, .text = "no_payer"};
            continue;
        }
        size_t len = strlen(v);
        if (col->ref == TN__REF_ANYWHERE && tn__keyset_find(&x->keys, v, len))
            continue; /* a unit of an earlier row of this file */
        int found;
        tn_err err = known(x, &x->refs[x->refidx[c]], v, &found);
        if (err)
            return err;
        if (found)
            continue;
        if (col->ref == TN__REF_SUSPENSE) {
            x->vals[r->ncols] = (struct tn_store_value){.type = TN_SV_TEXT, .text = "unknown_unit"};
        } else if (col->ref == TN__REF_ANYWHERE) {
            int added;
            const struct tn__keyslot *sl =
                tn__keyset_put(&x->strings, v, len, (struct tn__keyval){0}, &added);
            TN_GROW(x->pending, x->cappending, x->npending + 1);
            x->pending[x->npending++] = (struct pending){x->line, sl->key};
        } else {
            add_error(x, col->name, TN_ERR_NOT_FOUND, "unknown %s (got \"%.*s\", expected %s)",
                      col->ref_name, CLIP(v), col->ref_what);
        }
    }
    return TN_OK;
}

/* declarations.csv: salary goes with increase and adjust, never with decrease. */
static tn_err check_declaration(struct run *x)
{
    int decrease = strcmp(x->cells[x->col_kind], "decrease") == 0;
    const char *salary = x->cells[x->col_salary];
    if (decrease && *salary)
        add_error(x, "salary", TN_ERR_PARSE,
                  "salary given for a decrease (got \"%.*s\", expected an empty cell)",
                  CLIP(salary));
    else if (!decrease && !*salary)
        add_error(x, "salary", TN_ERR_PARSE,
                  "required cell is empty for an %s (expected a whole number of đồng, digits "
                  "only)",
                  x->cells[x->col_kind]);
    return TN_OK;
}

/* units.csv: a unit is not its own parent (other parents: check_refs). */
static tn_err check_unit(struct run *x)
{
    int c = x->col_parent;
    if (*x->cells[c] && strcmp(x->cells[c], x->cells[0]) == 0)
        add_error(x, "parent_code", TN_ERR_PARSE,
                  "a unit cannot be its own parent (got \"%.*s\", expected another unit_code)",
                  CLIP(x->cells[c]));
    return TN_OK;
}

/* payments.csv: a reversal names an earlier payment (of the file or the store) that is not
 * itself a reversal, and carries its amount. */
static tn_err check_payment(struct run *x)
{
    const char *rev = x->cells[x->col_reverses];
    if (!*rev)
        return TN_OK;
    if (strcmp(rev, x->cells[0]) == 0) {
        add_error(x, "reverses", TN_ERR_PARSE,
                  "a payment cannot reverse itself (got \"%.*s\", expected an earlier txn_id)",
                  CLIP(rev));
        return TN_OK;
    }
    int found, is_rev = 0;
    int64_t amount = 0;
    const struct tn__keyval *kv = tn__keyset_find(&x->keys, rev, strlen(rev));
    if (kv) {
        found = 1;
        is_rev = kv->num < 0;
        amount = is_rev ? -kv->num : kv->num;
    } else {
        tn_err err = tn_store_payment_lookup(x->s, rev, &found, &amount, &is_rev);
        if (err)
            return err;
    }
    int64_t mine = x->vals[x->col_amount].num;
    if (!found)
        add_error(x, "reverses", TN_ERR_NOT_FOUND,
                  "unknown payment (got \"%.*s\", expected the txn_id of an earlier payment)",
                  CLIP(rev));
    else if (is_rev)
        add_error(x, "reverses", TN_ERR_PARSE,
                  "cannot reverse a reversal (got \"%.*s\", expected the txn_id of a payment)",
                  CLIP(rev));
    else if (amount != mine)
        add_error(x, "amount", TN_ERR_PARSE,
                  "a reversal carries the amount it reverses (got \"%lld\", expected %lld as in "
                  "%.*s)",
                  (long long)mine, (long long)amount, CLIP(rev));
    return TN_OK;
}

/* case_events.csv and case_plans.csv: numbered from 1; an outcome only where the event takes
 * one; the case is replayed whole once the file is read (check_cases). */
static tn_err check_case_row(struct run *x)
{
    if (x->vals[1].num < 1)
        add_error(x, "seq", TN_ERR_PARSE, "bad number (got \"%s\", expected 1, 2, ...)",
                  x->cells[1]);
    if (x->kind == TN_IMPORT_CASE_EVENTS) {
        enum tn_case_event e;
        enum tn_case_outcome o;
        int col = tn__import_col(x->rules, "outcome");
        if (!tn_case_event_parse(x->cells[tn__import_col(x->rules, "event")], &e) &&
            tn_case_outcome_parse(e, x->cells[col], &o))
            add_error(x, "outcome", TN_ERR_PARSE,
                      "outcome does not go with the event (got \"%.*s\", expected %s)",
                      CLIP(x->cells[col]),
                      e == TN_CASE_EV_CLOSED            ? "full, partial or none"
                      : e == TN_CASE_EV_ASSETS_VERIFIED ? "assets, pledged or none"
                                                        : "an empty cell");
    }
    int added;
    tn__keyset_put(&x->cases, x->cells[0], strlen(x->cells[0]), (struct tn__keyval){x->line, 0},
                   &added);
    return TN_OK;
}

/* inspections.csv: the deadline to remedy is not before the conclusion. */
static tn_err check_inspection(struct run *x)
{
    int on = tn__import_col(x->rules, "concluded_on"), by = tn__import_col(x->rules, "remedy_by");
    if (x->okcell[on] && x->okcell[by] && strcmp(x->cells[by], x->cells[on]) < 0)
        add_error(x, "remedy_by", TN_ERR_PARSE,
                  "deadline before the conclusion (got \"%s\", expected %s or later)", x->cells[by],
                  x->cells[on]);
    return TN_OK;
}

/* assignments.csv: the officer is active, the dates go forward (operations.h). Rows of one
 * unit are written as they are read, so a file lists each unit's assignments in date order. */
static tn_err check_assignment(struct run *x)
{
    if (x->bad)
        return TN_OK; /* an unknown unit or officer is reported already */
    tn_day from;
    struct tn_assign_facts f;
    char latest[32], day[TN_DAY_BUFSZ];
    if (tn_day_parse(x->cells[1], &from))
        return TN_OK;
    tn_err err = tn_store_assign_facts(x->s, x->cells[0], x->cells[2], from, &f, latest);
    if (err)
        return err;
    enum tn_assign_problem p = tn_assign_check(&f);
    if (p == TN_ASSIGN_INACTIVE || p == TN_ASSIGN_SAME_OFFICER) {
        add_error(x, "officer_code", TN_ERR_CONFLICT, "%s (got \"%.*s\", expected %s)",
                  tn_assign_problem_text(p), CLIP(x->cells[2]),
                  p == TN_ASSIGN_INACTIVE ? "an officer with active = 1"
                                          : "another officer than the one in charge");
    } else if (p == TN_ASSIGN_BEFORE_REGISTERED || p == TN_ASSIGN_BEFORE_LATEST) {
        tn_day_format(p == TN_ASSIGN_BEFORE_LATEST ? f.latest_from : f.registered_on, day);
        add_error(x, "from_date", TN_ERR_CONFLICT,
                  "%s (got \"%.*s\", expected a date on or after %s)", tn_assign_problem_text(p),
                  CLIP(x->cells[1]), day);
    }
    return TN_OK;
}

/* collection_plans.csv: scope_code is what the scope names, checked like that column of
 * units.csv or officers.csv; an officer must exist. */
static tn_err check_plan(struct run *x)
{
    static const struct {
        const char *scope, *column;
        enum tn_import_kind kind;
    } like[] = {
        {"province", "province_code", TN_IMPORT_UNITS},
        {"department", "department", TN_IMPORT_OFFICERS},
        {"office", "office_code", TN_IMPORT_UNITS},
        {"type", "type", TN_IMPORT_UNITS},
        {"officer", "officer_code", TN_IMPORT_OFFICERS},
    };
    size_t i = 0;
    while (i < sizeof like / sizeof like[0] && strcmp(like[i].scope, x->cells[1]) != 0)
        i++;
    if (i == sizeof like / sizeof like[0])
        return TN_OK; /* a bad scope is reported already */
    const struct tn__file_rules *r = &tn__import_rules[like[i].kind];
    struct tn_store_value v;
    char msg[sizeof x->rep->errors[0].message - 32];
    if (tn__import_cell(&r->cols[tn__import_col(r, like[i].column)], x->cells[2], &v, msg,
                        sizeof msg)) {
        add_error(x, "scope_code", TN_ERR_PARSE, "%s for scope %s", msg, like[i].scope);
        return TN_OK;
    }
    if (strcmp(like[i].scope, "officer") != 0)
        return TN_OK;
    int found, active;
    tn_err err = tn_store_officer_status(x->s, x->cells[2], &found, &active);
    if (!err && !found)
        add_error(x, "scope_code", TN_ERR_NOT_FOUND,
                  "unknown officer (got \"%.*s\", expected an officer of officers.csv)",
                  CLIP(x->cells[2]));
    return err;
}

/* clang-format off */
static tn_err (*const row_checks[TN_IMPORT_COUNT])(struct run *x) = {
    [TN_IMPORT_ASSIGNMENTS] = check_assignment,
    [TN_IMPORT_COLLECTION_PLANS] = check_plan,
    [TN_IMPORT_CASE_EVENTS] = check_case_row,
    [TN_IMPORT_CASE_PLANS] = check_case_row,
    [TN_IMPORT_UNITS] = check_unit,
    [TN_IMPORT_DECLARATIONS] = check_declaration,
    [TN_IMPORT_PAYMENTS] = check_payment,
    [TN_IMPORT_INSPECTIONS] = check_inspection,
};
/* clang-format on */

/* Checks and normalizes the row's cells into x->cells and x->vals (defaults applied); builds
 * the key. Returns 0 if a key cell is bad. */
static int read_cells(struct run *x, const char *const *cells)
{
    const struct tn__file_rules *r = x->rules;
    int keyok = 1;
    char msg[sizeof x->rep->errors[0].message];
    x->keylen = 0;
    for (size_t c = 0; c < r->ncols; c++) {
        const struct tn__column *col = &r->cols[c];
        const char *text = cells[c];
        if (!*text && col->def)
            text = col->def;
        x->cells[c] = text;
        x->okcell[c] = 0;
        if (!*text) {
            x->vals[c] = (struct tn_store_value){.type = TN_SV_NULL};
            if (col->required) {
                tn__import_expected(col, msg, sizeof msg);
                add_error(x, col->name, TN_ERR_PARSE, "required cell is empty (expected %s)", msg);
                keyok &= !col->key;
            }
            continue;
        }
        if (tn__import_cell(col, text, &x->vals[c], msg, sizeof msg)) {
            add_error(x, col->name, TN_ERR_PARSE, "%s", msg);
            keyok &= !col->key;
            continue;
        }
        x->okcell[c] = 1;
        if (col->key && keyok) { /* key cells are checked: short, no KEY_SEP */
            size_t n = strlen(text);
            if (x->keylen)
                x->key[x->keylen++] = KEY_SEP;
            memcpy(x->key + x->keylen, text, n);
            x->keylen += n;
        }
    }
    x->key[x->keylen] = '\0';
    return keyok;
}

static void value_text(const struct tn_store_value *v, char buf[static 24], const char **out)
{
    if (v->type == TN_SV_INT) {
        snprintf(buf, 24, "%lld", (long long)v->num);
        *out = buf;
    } else {
        *out = v->type == TN_SV_TEXT && v->text ? v->text : "";
    }
}

static int same_value(const struct tn_store_value *a, const struct tn_store_value *b)
{
    int anull = a->type == TN_SV_NULL || (a->type == TN_SV_TEXT && !*a->text);
    int bnull = b->type == TN_SV_NULL || (b->type == TN_SV_TEXT && !*b->text);
    if (anull || bnull)
        return anull && bnull;
    if (a->type != b->type)
        return 0;
    return a->type == TN_SV_INT ? a->num == b->num : strcmp(a->text, b->text) == 0;
}

/* A bank statement imported again after its payment left suspense (thuno suspense match or
 * assign, docs/payments-ops.md) still has no payer: an empty unit_code of a payment never
 * undoes the payer recorded since, so the row counts as the same. */
static int payer_kept(const struct tn__file_rules *r, size_t d, const struct tn_store_value *v)
{
    return strcmp(r->table, "payment") == 0 &&
           strcmp(r->cols[r->nkeys + d].name, "unit_code") == 0 &&
           (v->type == TN_SV_NULL || (v->type == TN_SV_TEXT && !*v->text));
}

/* Compares the row with the stored version of its key; writes it while the file is clean. */
static tn_err store_row(struct run *x)
{
    const struct tn__file_rules *r = x->rules;
    struct tn_import_report *rep = x->rep;
    const struct tn_store_value *data = x->vals + r->nkeys;
    size_t ndata = r->ncols - r->nkeys; /* compared: the file's own columns, not suspense */
    struct tn_store_value cur[TN__MAX_COLUMNS + 1];
    long version;
    tn_err err = tn_store_import_find(x->imp, x->vals, &version, cur);
    if (err)
        return err;
    if (version > 0) {
        size_t d = 0;
        while (d < ndata && (same_value(&data[d], &cur[d]) || payer_kept(r, d, &data[d])))
            d++;
        if (d == ndata) {
            rep->rows_same++;
            return TN_OK;
        }
        if (!x->update) {
            char b1[24], b2[24];
            const char *got, *stored;
            value_text(&data[d], b1, &got);
            value_text(&cur[d], b2, &stored);
            add_error(x, r->cols[r->nkeys + d].name, TN_ERR_CONFLICT,
                      "differs from the stored version; use --update to record a new version "
                      "(got \"%.*s\", expected \"%.*s\" as stored)",
                      CLIP(got), CLIP(stored));
            return TN_OK;
        }
        rep->rows_changed++;
    } else {
        rep->rows_new++;
    }
    if (x->vals[r->ncols].type != TN_SV_NULL)
        rep->rows_suspense++;
    if (rep->nerrors || rep->errors_dropped)
        return TN_OK; /* rejected anyway: only checking from here on */
    return tn_store_import_put(x->imp, x->vals, data, version);
}

/* The key columns' names joined by "," (sep NULL), or their values joined by sep. */
static const char *key_text(const struct run *x, const char *sep, char *buf, size_t bufsz)
{
    size_t o = 0;
    for (size_t i = 0; i < x->rules->nkeys; i++)
        o +=
            (size_t)snprintf(buf + o, o < bufsz ? bufsz - o : 0, "%s%s", i ? (sep ? sep : ",") : "",
                             sep ? x->cells[i] : x->rules->cols[i].name);
    return buf;
}

static tn_err read_rows(struct run *x, struct tn_csv_reader *csv,
                        void (*progress)(void *, long long), void *ctx)
{
    const struct tn__file_rules *r = x->rules;
    const char *const *cells;
    long long rows = 0;
    char msg[sizeof x->rep->errors[0].message];
    tn_err err;
    while ((err = tn_csv_next(csv, &cells, &x->line, msg, sizeof msg)) != TN_ERR_NOT_FOUND) {
        if (err == TN_ERR_IO) {
            x->line = 0;
            add_error(x, NULL, TN_ERR_IO, "%s", msg);
            return err;
        }
        if (progress && ++rows % PROGRESS_EVERY == 0)
            progress(ctx, rows);
        x->bad = 0;
        if (err) {
            int c = tn_csv_error_column(csv);
            add_error(x, c >= 0 ? colname(x, c) : NULL, TN_ERR_PARSE, "%s", msg);
            continue;
        }
        x->vals[r->ncols] = (struct tn_store_value){.type = TN_SV_NULL}; /* suspense */
        if (!read_cells(x, cells))
            continue;
        int64_t mark = 0; /* payments: the amount, negative for a reversal */
        if (x->kind == TN_IMPORT_PAYMENTS && x->okcell[x->col_amount])
            mark = *x->cells[x->col_reverses] ? -x->vals[x->col_amount].num
                                              : x->vals[x->col_amount].num;
        int added;
        const struct tn__keyslot *seen =
            tn__keyset_put(&x->keys, x->key, x->keylen, (struct tn__keyval){x->line, mark}, &added);
        if (!added) {
            char kt[96], kn[64];
            if (r->nkeys == 1)
                add_error(x, r->cols[0].name, TN_ERR_CONFLICT,
                          "duplicate key, first on line %ld (got \"%.*s\", expected each %s "
                          "once in a file)",
                          seen->val.line, CLIP(x->key), r->cols[0].name);
            else
                add_error(x, NULL, TN_ERR_CONFLICT,
                          "duplicate key, first on line %ld (got \"%s\", expected each %s "
                          "once in a file)",
                          seen->val.line, key_text(x, ", ", kt, sizeof kt),
                          key_text(x, NULL, kn, sizeof kn));
            continue;
        }
        /* from here on the row's own key is in x->keys: the checks below allow for it */
        int ok = !x->bad;
        if ((err = check_refs(x)))
            return err;
        if (ok && row_checks[x->kind] && (err = row_checks[x->kind](x)))
            return err;
        if (!x->bad && (err = store_row(x)))
            return err;
    }
    if (progress)
        progress(ctx, rows);
    return TN_OK;
}

/* Parents named by units of this file must be units of this file or of the store. */
static void check_pending(struct run *x)
{
    for (size_t i = 0; i < x->npending; i++) {
        const struct pending *p = &x->pending[i];
        if (tn__keyset_find(&x->keys, p->code, strlen(p->code)))
            continue;
        x->line = p->line;
        add_error(x, "parent_code", TN_ERR_NOT_FOUND,
                  "unknown parent unit (got \"%.*s\", expected a unit of this file or already "
                  "imported)",
                  CLIP(p->code));
    }
}

/* The line of the file's row for (case_id, seq), or the case's first line when the row is
 * a stored one. */
static long case_line(struct run *x, const char *case_id, long seq, long first)
{
    char key[128];
    int n = snprintf(key, sizeof key, "%s%c%ld", case_id, KEY_SEP, seq);
    const struct tn__keyval *kv =
        n > 0 && (size_t)n < sizeof key ? tn__keyset_find(&x->keys, key, (size_t)n) : NULL;
    return kv ? kv->line : first;
}

/* Replays each case the file touched, with its stored events, through the state machine
 * (case.h); checks a plan's instalments (plan.h). The file's rows are already written inside
 * the transaction, so the store shows the case as it would be after the import. */
static tn_err check_cases(struct run *x)
{
    for (size_t i = 0; i < x->cases.cap; i++) {
        const struct tn__keyslot *slot = &x->cases.slots[i];
        if (!slot->key)
            continue;
        char id[72];
        snprintf(id, sizeof id, "%.*s", (int)slot->len, slot->key);
        long first = slot->val.line;
        if (x->kind == TN_IMPORT_CASE_PLANS) {
            struct tn_instalment *inst = NULL;
            size_t n = 0;
            struct tn_plan_status st;
            tn_err err = tn_store_case_plan(x->s, id, NULL, &inst, &n);
            if (err)
                return err;
            if (n && tn_plan_status(inst, n, NULL, 0, 0, &st)) {
                x->line = first;
                add_error(x, "due_on", TN_ERR_PARSE,
                          "instalments of case %.*s are not in date order (expected each due_on "
                          "after the one before, in seq order)",
                          CLIP(id));
            }
            free(inst);
            continue;
        }
        struct tn_case_event_row *rows = NULL;
        size_t n = 0;
        tn_err err = tn_store_case_events(x->s, id, NULL, &rows, &n);
        if (err)
            return err;
        struct tn_case c;
        tn_case_init(&c);
        for (size_t k = 0; k < n; k++) {
            char why[384];
            x->line = case_line(x, id, rows[k].seq, first);
            if (rows[k].seq != (long)k + 1) {
                add_error(x, "seq", TN_ERR_PARSE,
                          "case %.*s has no event %zu (got %ld next, expected events numbered "
                          "1, 2, ... without gaps)",
                          CLIP(id), k + 1, rows[k].seq);
                break;
            }
            if (strcmp(rows[k].unit_code, rows[0].unit_code) != 0) {
                add_error(x, "unit_code", TN_ERR_CONFLICT,
                          "a case belongs to one unit (got \"%s\", expected \"%s\" as in event "
                          "1; link branches instead)",
                          rows[k].unit_code, rows[0].unit_code);
                break;
            }
            if ((err = tn_case_apply(&c, &rows[k].step, why, sizeof why))) {
                add_error(x, "event", err, "%s", why);
                break;
            }
        }
        free(rows);
    }
    return TN_OK;
}

struct order {
    long line;
    size_t idx;
};

static int by_line(const void *a, const void *b)
{
    const struct order *x = a, *y = b;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* Puts the errors in line order (those of one line in the order found: the parents checked at
 * the end come after the others), then the note on the errors past the cap. */
static void finish_errors(struct run *x)
{
    struct tn_import_report *rep = x->rep;
    size_t n = rep->nerrors;
    struct order *ord = tn_xmalloc((n ? n : 1) * sizeof *ord);
    for (size_t i = 0; i < n; i++)
        ord[i] = (struct order){rep->errors[i].line, i};
    qsort(ord, n, sizeof *ord, by_line);
    struct tn_import_error *sorted = tn_xmalloc((rep->caperrors + 1) * sizeof *sorted);
    for (size_t i = 0; i < n; i++)
        sorted[i] = rep->errors[ord[i].idx];
    free(ord);
    free(rep->errors);
    rep->errors = sorted;
    rep->caperrors++;
    if (rep->errors_dropped) {
        struct tn_import_error *e = &rep->errors[rep->nerrors++];
        *e = (struct tn_import_error){
            .file = x->path, .line = x->first_dropped, .code = TN_ERR_REJECTED};
        snprintf(e->message, sizeof e->message, "%ld more errors from this line on, not listed",
                 rep->errors_dropped);
    }
}

static void header_problem(void *ctx, int col, const char *name, const char *problem)
{
    struct run *x = ctx;
    x->line = 1;
    if (col < 0)
        add_error(x, NULL, TN_ERR_PARSE, "%s (got \"%.*s\", expected a column of %s.csv)", problem,
                  CLIP(name), x->rules->kind);
    else
        add_error(x, colname(x, col), TN_ERR_PARSE, "%s", problem);
}

/* Prepares the store lookups of the columns that refer to other tables. */
static tn_err open_refs(struct run *x)
{
    const struct tn__file_rules *r = x->rules;
    for (size_t c = 0; c < r->ncols; c++) {
        const struct tn__column *col = &r->cols[c];
        x->refidx[c] = -1;
        if (col->ref == TN__REF_NONE)
            continue;
        size_t i = 0;
        while (i < x->nrefs && strcmp(x->refs[i].table, col->ref_table) != 0)
            i++;
        if (i == x->nrefs) {
            assert(x->nrefs < sizeof x->refs / sizeof x->refs[0]);
            struct refcache *rc = &x->refs[x->nrefs++];
            rc->table = col->ref_table;
            rc->col = col->ref_col;
            tn_err err = tn_store_lookup_new(x->s, rc->table, rc->col, &rc->lk);
            if (err)
                return err;
        }
        x->refidx[c] = (int)i;
    }
    return TN_OK;
}

static void run_release(struct run *x)
{
    tn_store_import_free(x->imp);
    for (size_t i = 0; i < x->nrefs; i++) {
        tn_store_lookup_free(x->refs[i].lk);
        tn__keyset_release(&x->refs[i].memo);
    }
    tn__keyset_release(&x->keys);
    tn__keyset_release(&x->strings);
    tn__keyset_release(&x->cases);
    free(x->pending);
}

tn_err tn_import_file(struct tn_store *s, enum tn_import_kind kind, const char *path, int update,
                      const char *now, struct tn_import_report *rep,
                      void (*progress)(void *ctx, long long rows), void *ctx)
{
    const struct tn__file_rules *r = &tn__import_rules[kind];
    struct run x = {.s = s, .rules = r, .kind = kind, .path = path, .update = update, .rep = rep};
    x.col_kind = tn__import_col(r, "kind");
    x.col_salary = tn__import_col(r, "salary");
    x.col_amount = tn__import_col(r, "amount");
    x.col_reverses = tn__import_col(r, "reverses");
    x.col_parent = tn__import_col(r, "parent_code");
    struct tn_csv_column cols[TN__MAX_COLUMNS];
    for (size_t i = 0; i < r->ncols; i++)
        cols[i] = (struct tn_csv_column){r->cols[i].name, r->cols[i].required};
    struct tn_csv_reader *csv = NULL;
    char msg[1024];
    tn_err err =
        tn_csv_open_report(path, cols, r->ncols, header_problem, &x, &csv, msg, sizeof msg);
    if (err) {
        if (!rep->nerrors) { /* cannot open, empty file, malformed header: "FILE[:1]: why" */
            const char *why = msg;
            if (strncmp(why, path, strlen(path)) == 0)
                why += strlen(path);
            why += strspn(why, ":1 ");
            x.line = err == TN_ERR_IO ? 0 : 1;
            add_error(&x, NULL, err, "%s", why);
        }
        return err == TN_ERR_IO ? err : TN_ERR_REJECTED;
    }
    const char *keys[TN__MAX_COLUMNS], *data[TN__MAX_COLUMNS + 1];
    size_t ndata = 0;
    for (size_t i = 0; i < r->ncols; i++) {
        if (i < r->nkeys)
            keys[i] = r->cols[i].name;
        else
            data[ndata++] = r->cols[i].name;
    }
    if (kind == TN_IMPORT_PAYMENTS)
        data[ndata++] = "suspense";
    if ((err = tn_store_begin(s))) {
        tn_csv_free(csv);
        return err;
    }
    if ((err = tn_store_import_begin(s, r->table, keys, r->nkeys, data, ndata, r->kind, path, now,
                                     &x.imp)) ||
        (err = open_refs(&x)) || (err = read_rows(&x, csv, progress, ctx)))
        goto done;
    check_pending(&x);
    if (!rep->nerrors && (kind == TN_IMPORT_CASE_EVENTS || kind == TN_IMPORT_CASE_PLANS) &&
        (err = check_cases(&x)))
        goto done;
    if (rep->nerrors) {
        err = TN_ERR_REJECTED;
        goto done;
    }
    err = tn_store_import_finish(x.imp, rep->rows_new, rep->rows_changed, rep->rows_same);
    long seeded; /* a unit's new or changed officer_code is an assignment (docs/operations.md) */
    if (!err && kind == TN_IMPORT_UNITS)
        err = tn_store_assign_seed(s, now, &seeded);
    if (!err)
        err = tn_store_commit(s);
done:
    if (err)
        tn_store_rollback(s);
    finish_errors(&x);
    run_release(&x);
    tn_csv_free(csv);
    return err;
}
