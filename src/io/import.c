/*
 * import.c - all-or-nothing import of one CSV file (see import.h; the columns of each file are
 * in import_rules.c, data-formats.md "Common rules for every CSV").
 *
 * One engine for every kind, driven by its column table: each row is read, each cell checked
 * and normalized (defaults applied), the row's key checked against the earlier rows of the
 * file, its references looked up (in the store, memoized; a unit's parent may also come later
 * in the file, so those are checked at the end), the few rules that tie cells together checked
 * (row_checks, in import_checks.c), then the row is compared with the stored version of its key.
 * Rows are written as they go, inside one transaction; after the first rejected row nothing more is
 * written, but every row is still checked so that all errors are reported; then the transaction is
 * rolled back.
 *
 * The first load of a file whose keys serve only to refuse repeats (declarations, workers:
 * tablekeys) keeps no key in memory: the table's primary key refuses a repeated key
 * (store_import.h), the rows go on being written after an error so that it keeps doing so,
 * and only the keys of rows not written are held. The line of a repeated key's first row is
 * found by reading the file again at the end (tn__import_check_dups).
 */
#include "thuno/import.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/csv_reader.h"
#include "io/import_int.h"
#include "io/import_keys.h"
#include "io/import_rules.h"
#include "thuno/store_import.h"
#include "thuno/mem.h"
#include "thuno/operations_store.h"
#include "thuno/period.h"
#include "thuno/store.h"

#define PROGRESS_EVERY 8192
#define RING           64 /* rows a batch keeps at most (tn_store_import_batch) */

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

void tn__import_add_error(struct tn__import_run *x, const char *column, tn_err code,
                          const char *fmt, ...)
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

static const char *colname(const struct tn__import_run *x, int c)
{
    return x->rules->cols[c].name;
}

/* Checks and normalizes the row's cells into x->cells and x->vals (defaults applied); builds
 * the key. Returns 0 if a key cell is bad. */
static int read_cells(struct tn__import_run *x, const char *const *cells)
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
                tn__import_add_error(x, col->name, TN_ERR_PARSE,
                                     "required cell is empty (expected %s)", msg);
                keyok &= !col->key;
            }
            continue;
        }
        if (tn__import_cell(col, text, &x->vals[c], msg, sizeof msg)) {
            tn__import_add_error(x, col->name, TN_ERR_PARSE, "%s", msg);
            keyok &= !col->key;
            continue;
        }
        x->okcell[c] = 1;
        if (col->key && keyok) { /* key cells are checked: short, no TN__IMPORT_KEY_SEP */
            size_t n = strlen(text);
            if (x->keylen)
                x->key[x->keylen++] = TN__IMPORT_KEY_SEP;
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

/* The key columns' names joined by "," (sep NULL), or their values joined by sep. */
static const char *key_text(const struct tn__import_run *x, const char *sep, char *buf,
                            size_t bufsz)
{
    size_t o = 0;
    for (size_t i = 0; i < x->rules->nkeys; i++)
        o +=
            (size_t)snprintf(buf + o, o < bufsz ? bufsz - o : 0, "%s%s", i ? (sep ? sep : ",") : "",
                             sep ? x->cells[i] : x->rules->cols[i].name);
    return buf;
}

/* Formats the error of a repeated key: the row's key is key (the key cells joined by
 * TN__IMPORT_KEY_SEP), first seen on line first. */
static void dup_message(const struct tn__import_run *x, const char *key, long first, char *msg,
                        size_t msgsz)
{
    const struct tn__file_rules *r = x->rules;
    if (r->nkeys == 1) {
        snprintf(msg, msgsz,
                 "duplicate key, first on line %ld (got \"%.*s\", expected each %s once in a "
                 "file)",
                 first, TN__IMPORT_CLIP(key), r->cols[0].name);
        return;
    }
    char kt[96], kn[64];
    size_t o = 0; /* the values joined by ", ", cut as key_text cuts them */
    for (const char *k = key; *k && o + 1 < sizeof kt; k++) {
        if (*k != TN__IMPORT_KEY_SEP) {
            kt[o++] = *k;
            continue;
        }
        kt[o++] = ',';
        if (o + 1 < sizeof kt)
            kt[o++] = ' ';
    }
    kt[o] = '\0';
    snprintf(msg, msgsz,
             "duplicate key, first on line %ld (got \"%s\", expected each %s once in a file)",
             first, kt, key_text(x, NULL, kn, sizeof kn));
}

/* Reports the row's key as a repeat of line first's. */
static void dup_error(struct tn__import_run *x, long first)
{
    char msg[sizeof x->rep->errors[0].message];
    dup_message(x, x->key, first, msg, sizeof msg);
    tn__import_add_error(x, x->rules->nkeys == 1 ? x->rules->cols[0].name : NULL, TN_ERR_CONFLICT,
                         "%s", msg);
}

/* The row's key is one the store holds from an earlier row of the file: reported now, its
 * first line named once the file is read again. */
static void dup_found(struct tn__import_run *x)
{
    size_t before = x->rep->nerrors;
    dup_error(x, 0);
    if (x->rep->nerrors == before)
        return; /* past the cap: not listed */
    int added;
    const struct tn__keyslot *sl =
        tn__keyset_put(&x->strings, x->key, x->keylen, (struct tn__keyval){0}, &added);
    TN_GROW(x->dups, x->capdups, x->ndups + 1);
    x->dups[x->ndups++] = (struct tn__import_dup){before, sl->key};
}

void tn__import_check_dups(struct tn__import_run *x)
{
    if (!x->ndups)
        return;
    const struct tn__file_rules *r = x->rules;
    struct tn_csv_column cols[TN__MAX_COLUMNS];
    for (size_t i = 0; i < r->ncols; i++)
        cols[i] = (struct tn_csv_column){r->cols[i].name, r->cols[i].required};
    struct tn_csv_reader *csv;
    char msg[sizeof x->rep->errors[0].message];
    struct tn__keyset want;
    tn__keyset_init(&want);
    int added;
    for (size_t i = 0; i < x->ndups; i++)
        tn__keyset_put(&want, x->dups[i].key, strlen(x->dups[i].key), (struct tn__keyval){0},
                       &added);
    if (!tn_csv_open(x->path, cols, r->ncols, &csv, msg, sizeof msg)) {
        const char *const *cells;
        long line;
        size_t left = want.n;
        tn_err err;
        while (left &&
               (err = tn_csv_next(csv, &cells, &line, msg, sizeof msg)) != TN_ERR_NOT_FOUND &&
               err != TN_ERR_IO) {
            if (err)
                continue;
            char key[sizeof x->key];
            size_t n = 0;
            for (size_t c = 0; c < r->nkeys; c++)
                n += (size_t)snprintf(key + n, n < sizeof key ? sizeof key - n : 0, "%s%s",
                                      c ? "\x1f" : "", cells[c]);
            struct tn__keyval *kv = n < sizeof key ? tn__keyset_find(&want, key, n) : NULL;
            if (kv && !kv->line) {
                kv->line = line;
                left--;
            }
        }
        tn_csv_free(csv);
    }
    for (size_t i = 0; i < x->ndups; i++) {
        const struct tn__keyval *kv =
            tn__keyset_find(&want, x->dups[i].key, strlen(x->dups[i].key));
        struct tn_import_error *e = &x->rep->errors[x->dups[i].error];
        dup_message(x, x->dups[i].key, kv->line, e->message, sizeof e->message);
    }
    tn__keyset_release(&want);
}

/* Compares the row with the stored version of its key; writes it while the file is clean. */
static tn_err store_row(struct tn__import_run *x)
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
            tn__import_add_error(
                x, r->cols[r->nkeys + d].name, TN_ERR_CONFLICT,
                "differs from the stored version; use --update to record a new version "
                "(got \"%.*s\", expected \"%.*s\" as stored)",
                TN__IMPORT_CLIP(got), TN__IMPORT_CLIP(stored));
            return TN_OK;
        }
        rep->rows_changed++;
    } else {
        rep->rows_new++;
    }
    if (x->vals[r->ncols].type != TN_SV_NULL)
        rep->rows_suspense++;
    if (!x->tablekeys && (rep->nerrors || rep->errors_dropped))
        return TN_OK; /* rejected anyway: only checking from here on */
    if (x->batched) { /* its repeat, if it is one, is told by repeated_put */
        struct tn__import_put *p = &x->ring[x->puts++ % RING];
        p->line = x->line;
        p->keylen = x->keylen;
        memcpy(p->key, x->key, x->keylen + 1);
    }
    err = tn_store_import_put(x->imp, x->vals, data, version);
    if (err == TN_ERR_CONFLICT && x->tablekeys) { /* the key of an earlier row of the file */
        rep->rows_new--;
        dup_found(x);
        return TN_OK;
    }
    return err;
}

/* A row put in a batch repeats a key written before (tn_store_import_batch): reported as
 * the row's own error, as store_row does. */
static void repeated_put(void *ctx, long seq)
{
    struct tn__import_run *x = ctx;
    const struct tn__import_put *p = &x->ring[seq % RING];
    long line = x->line;
    int bad = x->bad; /* the current row's: the repeat is another row's error */
    char key[sizeof x->key];
    size_t keylen = x->keylen;
    memcpy(key, x->key, keylen + 1);
    x->line = p->line;
    x->keylen = p->keylen;
    memcpy(x->key, p->key, p->keylen + 1);
    x->rep->rows_new--;
    dup_found(x);
    x->line = line;
    x->bad = bad;
    x->keylen = keylen;
    memcpy(x->key, key, keylen + 1);
}

/* Ends the batches (at the first error, so that errors are found in line order from then on
 * as in any load; at the end of the file), reporting the repeats among the rows kept. */
static tn_err end_batches(struct tn__import_run *x)
{
    if (!x->batched)
        return TN_OK;
    tn_err err = tn_store_import_batch(x->imp, NULL, NULL);
    x->batched = 0;
    return err;
}

/* The first rejected row of a batched import: the batches end before it, so that the repeats
 * among the rows kept are found (and reported) before its own errors, as in any load. The
 * row's errors are the report's only ones (a batch ends at the first error); *cells, the
 * count of those of its cells, is moved past the repeats. */
static tn_err unbatch_before_row(struct tn__import_run *x, size_t *cells)
{
    struct tn_import_report *rep = x->rep;
    size_t n = rep->nerrors;
    struct tn_import_error *mine = tn_xmalloc((n ? n : 1) * sizeof *mine);
    memcpy(mine, rep->errors, n * sizeof *mine);
    rep->nerrors = 0;
    tn_err err = end_batches(x);
    size_t base = rep->nerrors;
    TN_GROW(rep->errors, rep->caperrors, base + n);
    memcpy(rep->errors + base, mine, n * sizeof *mine);
    rep->nerrors = base + n;
    *cells += base;
    free(mine);
    return err;
}

/* A row of a tablekeys import (its key cells good): checked as any row, then written, the
 * store refusing a key already written; a rejected row's key is kept in x->badkeys. A row
 * whose key repeats an earlier row's reports that alone, as in read_rows. */
static tn_err table_keyed_row(struct tn__import_run *x)
{
    struct tn_import_report *rep = x->rep;
    const struct tn__keyval *seen =
        x->badkeys.n ? tn__keyset_find(&x->badkeys, x->key, x->keylen) : NULL;
    if (seen) {
        dup_error(x, seen->line);
        return TN_OK;
    }
    size_t nerrors = rep->nerrors; /* the errors of the row's cells stay, as in read_rows */
    long dropped = rep->errors_dropped, first_dropped = x->first_dropped;
    int ok = !x->bad;
    tn_err err = tn__import_check_refs(x);
    if (!err && ok)
        err = tn__import_check_row(x);
    if (err)
        return err;
    if (!x->bad)
        return store_row(x);
    if (x->batched && (err = unbatch_before_row(x, &nerrors)))
        return err;
    int written;
    if ((err = tn_store_import_written(x->imp, x->vals, &written)))
        return err;
    if (written) { /* a repeated key: its checks are not reported */
        rep->nerrors = nerrors;
        rep->errors_dropped = dropped;
        x->first_dropped = first_dropped;
        dup_found(x);
        return TN_OK;
    }
    int added;
    tn__keyset_put(&x->badkeys, x->key, x->keylen, (struct tn__keyval){x->line, 0}, &added);
    return TN_OK;
}

static tn_err read_rows(struct tn__import_run *x, struct tn_csv_reader *csv,
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
            tn__import_add_error(x, NULL, TN_ERR_IO, "%s", msg);
            return err;
        }
        if (progress && ++rows % PROGRESS_EVERY == 0)
            progress(ctx, rows);
        if (x->batched && (x->rep->nerrors || x->rep->errors_dropped) && (err = end_batches(x)))
            return err; /* from the first error on, errors are found in line order */
        x->bad = 0;
        if (err) {
            int c = tn_csv_error_column(csv);
            tn__import_add_error(x, c >= 0 ? colname(x, c) : NULL, TN_ERR_PARSE, "%s", msg);
            continue;
        }
        x->vals[r->ncols] = (struct tn_store_value){.type = TN_SV_NULL}; /* suspense */
        if (!read_cells(x, cells))
            continue;
        if (x->tablekeys) {
            if ((err = table_keyed_row(x)))
                return err;
            continue;
        }
        int64_t mark = 0; /* payments: the amount, negative for a reversal */
        if (x->kind == TN_IMPORT_PAYMENTS && x->okcell[x->col_amount])
            mark = *x->cells[x->col_reverses] ? -x->vals[x->col_amount].num
                                              : x->vals[x->col_amount].num;
        int added;
        const struct tn__keyslot *seen =
            tn__keyset_put(&x->keys, x->key, x->keylen, (struct tn__keyval){x->line, mark}, &added);
        if (!added) {
            dup_error(x, seen->val.line);
            continue;
        }
        /* from here on the row's own key is in x->keys: the checks below allow for it */
        int ok = !x->bad;
        if ((err = tn__import_check_refs(x)))
            return err;
        if (ok && (err = tn__import_check_row(x)))
            return err;
        if (!x->bad && (err = store_row(x)))
            return err;
    }
    if (progress)
        progress(ctx, rows);
    return end_batches(x);
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
static void finish_errors(struct tn__import_run *x)
{
    struct tn_import_report *rep = x->rep;
    size_t n = rep->nerrors;
    struct order *ord = tn_xmalloc((n ? n : 1) * sizeof *ord);
    for (size_t i = 0; i < n; i++)
        ord[i] = (struct order){rep->errors[i].line, i};
    tn_sort(ord, n, sizeof *ord, by_line);
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
    struct tn__import_run *x = ctx;
    x->line = 1;
    if (col < 0)
        tn__import_add_error(x, NULL, TN_ERR_PARSE,
                             "%s (got \"%.*s\", expected a column of %s.csv)", problem,
                             TN__IMPORT_CLIP(name), x->rules->kind);
    else
        tn__import_add_error(x, colname(x, col), TN_ERR_PARSE, "%s", problem);
}

/* Prepares the store lookups of the columns that refer to other tables. */
static tn_err open_refs(struct tn__import_run *x)
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
            struct tn__import_refcache *rc = &x->refs[x->nrefs++];
            rc->table = col->ref_table;
            rc->col = col->ref_col;
            rc->digits = col->kind == TN__CK_DIGITS;
            tn_err err = tn_store_lookup_new(x->s, rc->table, rc->col, &rc->lk);
            if (err)
                return err;
        }
        x->refidx[c] = (int)i;
        x->refs[i].digits &= col->kind == TN__CK_DIGITS;
    }
    return TN_OK;
}

/* The kinds whose keys serve an import only to refuse a key repeated in the file: no check
 * looks a row's key up among the file's others (units: parents; payments: reversals; cases:
 * lines), and no check reads what the file's earlier rows wrote (assignments). */
static int keys_only_for_repeats(enum tn_import_kind kind)
{
    return kind == TN_IMPORT_DECLARATIONS || kind == TN_IMPORT_WORKERS ||
           kind == TN_IMPORT_OFFICERS || kind == TN_IMPORT_REGISTRY ||
           kind == TN_IMPORT_INSPECTIONS || kind == TN_IMPORT_COLLECTION_PLANS;
}

/* The kinds whose first load writes its rows 64 by 64 (tn_store_import_batch): those of
 * tablekeys, whose files come in key order (declarations: unit, worker, month). A file in
 * another order (payments: by unit and day, keyed by txn_id) was measured slower so:
 * 2.08 s of CPU against 1.64 s for 282,483 payments (docs/performance.md). */
static int batchable(enum tn_import_kind kind)
{
    return keys_only_for_repeats(kind);
}

static void run_release(struct tn__import_run *x)
{
    tn_store_import_free(x->imp);
    for (size_t i = 0; i < x->nrefs; i++) {
        tn_store_lookup_free(x->refs[i].lk);
        tn__keyset_release(&x->refs[i].memo);
        tn__keyset_release(&x->refs[i].all);
        tn__idset_release(&x->refs[i].ids);
    }
    tn__keyset_release(&x->keys);
    tn__keyset_release(&x->strings);
    tn__keyset_release(&x->cases);
    tn__keyset_release(&x->badkeys);
    free(x->pending);
    free(x->dups);
    free(x->ring);
}

/* 1 for the kinds a province may truly have none of: the registers of cases, plans,
 * inspections, assignments, collection plans and opening balances (a province without a
 * repayment plan yet exports a case_plans.csv of its header alone, as `thuno gen` writes it).
 * The registry, the units, their workers and declarations, the officers and the payments are
 * never empty in a province: a file of them with only its header is refused. */
static int may_be_empty(enum tn_import_kind kind)
{
    switch (kind) {
    case TN_IMPORT_CASE_EVENTS:
    case TN_IMPORT_CASE_PLANS:
    case TN_IMPORT_INSPECTIONS:
    case TN_IMPORT_ASSIGNMENTS:
    case TN_IMPORT_COLLECTION_PLANS:
    case TN_IMPORT_OPENING_BALANCES:
        return 1;
    default:
        return 0;
    }
}

tn_err tn_import_file(struct tn_store *s, enum tn_import_kind kind, const char *path, int update,
                      const char *now, struct tn_import_report *rep,
                      void (*progress)(void *ctx, long long rows), void *ctx)
{
    return tn_import_stream(s, kind, NULL, path, update, now, rep, progress, ctx);
}

tn_err tn_import_stream(struct tn_store *s, enum tn_import_kind kind, FILE *in, const char *path,
                        int update, const char *now, struct tn_import_report *rep,
                        void (*progress)(void *ctx, long long rows), void *ctx)
{
    const struct tn__file_rules *r = &tn__import_rules[kind];
    struct tn__import_run x = {
        .s = s, .rules = r, .kind = kind, .path = path, .update = update, .rep = rep};
    x.col_kind = tn__import_col(r, "kind");
    x.col_salary = tn__import_col(r, "salary");
    x.col_amount = tn__import_col(r, "amount");
    x.col_reverses = tn__import_col(r, "reverses");
    x.col_parent = tn__import_col(r, "parent_code");
    snprintf(x.today, sizeof x.today, "%.10s", now);
    struct tn_csv_column cols[TN__MAX_COLUMNS];
    for (size_t i = 0; i < r->ncols; i++)
        cols[i] = (struct tn_csv_column){r->cols[i].name, r->cols[i].required};
    struct tn_csv_reader *csv = NULL;
    char msg[1024];
    tn_err err =
        in ? tn_csv_open_stream(in, path, cols, r->ncols, header_problem, &x, &csv, msg, sizeof msg)
           : tn_csv_open_report(path, cols, r->ncols, header_problem, &x, &csv, msg, sizeof msg);
    if (err) {
        if (!rep->nerrors) { /* cannot open, empty file, malformed header: "FILE[:1]: why" */
            const char *why = msg;
            if (strncmp(why, path, strlen(path)) == 0)
                why += strlen(path);
            why += strspn(why, ":1 ");
            x.line = err == TN_ERR_IO ? 0 : 1;
            tn__import_add_error(&x, NULL, err, "%s", why);
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
        (err = open_refs(&x)))
        goto done;
    x.tablekeys = !in && keys_only_for_repeats(kind) && tn_store_import_first(x.imp);
    if (!in && batchable(kind) && tn_store_import_first(x.imp)) {
        x.ring = tn_xmalloc(RING * sizeof *x.ring);
        if ((err = tn_store_import_batch(x.imp, repeated_put, &x)))
            goto done;
        x.batched = 1;
    }
    if ((err = read_rows(&x, csv, progress, ctx)))
        goto done;
    tn__import_check_dups(&x);
    tn__import_check_pending(&x);
    if (!rep->nerrors && rep->rows_new + rep->rows_changed + rep->rows_same == 0 &&
        !may_be_empty(kind)) {
        /* a header and nothing else: an operator's slip (the wrong export, a truncated copy)
         * more likely than a province without units, workers or money */
        x.line = 1;
        tn__import_add_error(&x, NULL, TN_ERR_PARSE,
                             "no data rows: the file has only its header (expected at least "
                             "one row after it)");
    }
    if (!rep->nerrors && (kind == TN_IMPORT_CASE_EVENTS || kind == TN_IMPORT_CASE_PLANS) &&
        (err = tn__import_check_cases(&x)))
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
