/*
 * import.c - all-or-nothing import of one CSV file (see import.h; columns in import_rules.c).
 *
 * Each row is read, each cell checked and normalized, the row checked against the others it
 * refers to, then compared with the stored version of its key. Rows are written as they go,
 * inside one transaction; after the first rejected row nothing more is written, but every row
 * is still checked so that all errors are reported; then the transaction is rolled back.
 */
#include "thuno/import.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/csv_reader.h"
#include "io/import_rules.h"
#include "store/store_import.h"
#include "thuno/mem.h"
#include "thuno/store.h"

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

static void add_error(struct tn_import_report *rep, const char *file, long line, const char *column,
                      tn_err code, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static void add_error(struct tn_import_report *rep, const char *file, long line, const char *column,
                      tn_err code, const char *fmt, ...)
{
    if (rep->nerrors >= TN_IMPORT_MAX_ERRORS) {
        rep->errors_dropped++;
        return;
    }
    TN_GROW(rep->errors, rep->caperrors, rep->nerrors + 1);
    struct tn_import_error *e = &rep->errors[rep->nerrors++];
    e->file = file;
    e->line = line;
    e->column = column;
    e->code = code;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->message, sizeof e->message, fmt, ap);
    va_end(ap);
}

/* A set of strings with a number attached, for the keys and payments seen in this file. */
struct seen {
    struct slot {
        char *key;
        int64_t value;
    } * slots;
    size_t cap, n;
};

static uint64_t hash(const char *s)
{
    uint64_t h = 14695981039346656037ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

static struct slot *seen_find(struct seen *t, const char *key)
{
    if (!t->cap)
        return NULL;
    for (size_t i = hash(key) & (t->cap - 1);; i = (i + 1) & (t->cap - 1)) {
        if (!t->slots[i].key)
            return NULL;
        if (strcmp(t->slots[i].key, key) == 0)
            return &t->slots[i];
    }
}

/* Adds key; returns 0 if it was already there. */
static int seen_add(struct seen *t, const char *key, int64_t value)
{
    if (seen_find(t, key))
        return 0;
    if ((t->n + 1) * 2 > t->cap) {
        struct seen bigger = {.cap = t->cap ? t->cap * 2 : 1024};
        bigger.slots = tn_xcalloc(bigger.cap, sizeof *bigger.slots);
        for (size_t i = 0; i < t->cap; i++) {
            if (!t->slots[i].key)
                continue;
            size_t j = hash(t->slots[i].key) & (bigger.cap - 1);
            while (bigger.slots[j].key)
                j = (j + 1) & (bigger.cap - 1);
            bigger.slots[j] = t->slots[i];
        }
        free(t->slots);
        bigger.n = t->n;
        *t = bigger;
    }
    size_t i = hash(key) & (t->cap - 1);
    while (t->slots[i].key)
        i = (i + 1) & (t->cap - 1);
    t->slots[i] = (struct slot){tn_xstrdup(key), value};
    t->n++;
    return 1;
}

static void seen_release(struct seen *t)
{
    for (size_t i = 0; i < t->cap; i++)
        free(t->slots[i].key);
    free(t->slots);
    memset(t, 0, sizeof *t);
}

struct run {
    struct tn_store *s;
    const struct tn__file_rules *rules;
    enum tn_import_kind kind;
    const char *path;
    int update;
    struct tn_import_report *rep;
    struct tn_store_import *imp;
    struct seen keys;    /* keys of this file; payments: amount (negative: a reversal) */
    struct seen parents; /* units: parent codes to check at the end, value = line */
    const char *cells[TN__MAX_COLUMNS];
    struct tn_store_value vals[TN__MAX_COLUMNS + 1]; /* + payments' suspense */
    char scratch[TN__MAX_COLUMNS][32];
};

static int col_index(const struct tn__file_rules *r, const char *name)
{
    for (size_t i = 0; i < r->ncols; i++)
        if (strcmp(r->cols[i].name, name) == 0)
            return (int)i;
    return -1;
}

static const char *cell(const struct run *x, const char *name)
{
    return x->cells[col_index(x->rules, name)];
}

static tn_err exists(struct run *x, const char *table, const char *col, const char *v, int *found)
{
    return tn_store_key_exists(x->s, table, col, v, found);
}

/* The checks that need more than one cell or other rows. Returns the number of errors. */
static tn_err check_row(struct run *x, long line, int *bad)
{
    tn_err err = TN_OK;
    int found;
    const char *file = x->path;
    switch (x->kind) {
    case TN_IMPORT_DECLARATIONS: {
        int decrease = strcmp(cell(x, "kind"), "decrease") == 0;
        const char *salary = cell(x, "salary");
        if (decrease && *salary) {
            add_error(x->rep, file, line, "salary", TN_ERR_PARSE,
                      "must be empty for a decrease (got \"%s\")", salary);
            ++*bad;
        } else if (!decrease && !*salary) {
            add_error(x->rep, file, line, "salary", TN_ERR_PARSE,
                      "required for an increase or adjust (expected a whole number of đồng)");
            ++*bad;
        }
        if (!(err = exists(x, "unit", "unit_code", cell(x, "unit_code"), &found)) && !found) {
            add_error(x->rep, file, line, "unit_code", TN_ERR_NOT_FOUND,
                      "unknown unit (got \"%s\", expected a unit of units.csv)",
                      cell(x, "unit_code"));
            ++*bad;
        }
        if (!err && !(err = exists(x, "worker", "bhxh_code", cell(x, "bhxh_code"), &found)) &&
            !found) {
            add_error(x->rep, file, line, "bhxh_code", TN_ERR_NOT_FOUND,
                      "unknown worker (got \"%s\", expected a worker of workers.csv)",
                      cell(x, "bhxh_code"));
            ++*bad;
        }
        break;
    }
    case TN_IMPORT_UNITS: {
        const char *parent = cell(x, "parent_code"), *officer = cell(x, "officer_code");
        if (*parent && strcmp(parent, cell(x, "unit_code")) == 0) {
            add_error(x->rep, file, line, "parent_code", TN_ERR_PARSE,
                      "a unit cannot be its own parent (got \"%s\")", parent);
            ++*bad;
        } else if (*parent) {
            char key[64];
            snprintf(key, sizeof key, "%s", parent);
            if (!seen_find(&x->parents, key))
                seen_add(&x->parents, key, line);
        }
        if (*officer && !(err = exists(x, "officer", "officer_code", officer, &found)) && !found) {
            add_error(x->rep, file, line, "officer_code", TN_ERR_NOT_FOUND,
                      "unknown officer (got \"%s\", expected an officer of officers.csv)", officer);
            ++*bad;
        }
        break;
    }
    case TN_IMPORT_PAYMENTS: {
        const char *unit = cell(x, "unit_code"), *rev = cell(x, "reverses");
        const char *worker = cell(x, "bhxh_code");
        struct tn_store_value *susp = &x->vals[x->rules->ncols];
        *susp = (struct tn_store_value){.type = TN_SV_NULL};
        if (!*unit) {
            *susp = (struct tn_store_value){.type = TN_SV_TEXT, .text = "no_payer"};
        } else if (!(err = exists(x, "unit", "unit_code", unit, &found)) && !found) {
            *susp = (struct tn_store_value){.type = TN_SV_TEXT, .text = "unknown_unit"};
        }
        if (!err && *worker && !(err = exists(x, "worker", "bhxh_code", worker, &found)) &&
            !found) {
            add_error(x->rep, file, line, "bhxh_code", TN_ERR_NOT_FOUND,
                      "unknown worker (got \"%s\", expected a worker of workers.csv)", worker);
            ++*bad;
        }
        if (err || !*rev)
            break;
        int64_t amount = 0;
        int is_rev = 0;
        struct slot *sl = seen_find(&x->keys, rev);
        found = sl != NULL;
        if (sl) {
            amount = sl->value < 0 ? -sl->value : sl->value;
            is_rev = sl->value < 0;
        } else if ((err = tn_store_payment_lookup(x->s, rev, &found, &amount, &is_rev))) {
            break;
        }
        int64_t mine = x->vals[col_index(x->rules, "amount")].num;
        if (!found || strcmp(rev, cell(x, "txn_id")) == 0) {
            add_error(x->rep, file, line, "reverses", TN_ERR_NOT_FOUND,
                      "unknown payment (got \"%s\", expected the txn_id of an earlier payment)",
                      rev);
            ++*bad;
        } else if (is_rev) {
            add_error(x->rep, file, line, "reverses", TN_ERR_PARSE,
                      "cannot reverse a reversal (got \"%s\")", rev);
            ++*bad;
        } else if (amount != mine) {
            add_error(x->rep, file, line, "amount", TN_ERR_PARSE,
                      "a reversal carries the amount it reverses (got \"%lld\", expected %lld)",
                      (long long)mine, (long long)amount);
            ++*bad;
        }
        break;
    }
    default:
        break;
    }
    return err;
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

/* Compares with the stored version and writes when the file so far is clean. */
static tn_err store_row(struct run *x, long line, int clean)
{
    const struct tn__file_rules *r = x->rules;
    long version;
    struct tn_store_value cur[TN__MAX_COLUMNS + 1];
    const struct tn_store_value *keys = x->vals, *data = x->vals + r->nkeys;
    size_t ndata = r->ncols - r->nkeys; /* compared: the file's own columns */
    tn_err err = tn_store_import_find(x->imp, keys, &version, cur);
    if (err)
        return err;
    if (version > 0) {
        size_t differs = ndata;
        for (size_t i = 0; i < ndata && differs == ndata; i++)
            if (!same_value(&data[i], &cur[i]))
                differs = i;
        if (differs == ndata) {
            x->rep->rows_same++;
            return TN_OK;
        }
        if (!x->update) {
            add_error(x->rep, x->path, line, r->cols[r->nkeys + differs].name, TN_ERR_CONFLICT,
                      "differs from the stored version; use --update to record a new version");
            return TN_OK;
        }
        x->rep->rows_changed++;
    } else {
        x->rep->rows_new++;
    }
    if (x->kind == TN_IMPORT_PAYMENTS && x->vals[r->ncols].type != TN_SV_NULL)
        x->rep->rows_suspense++;
    return clean ? tn_store_import_put(x->imp, keys, data, version) : TN_OK;
}

static tn_err read_rows(struct run *x, struct tn_csv_reader *csv,
                        void (*progress)(void *, long long), void *ctx)
{
    const struct tn__file_rules *r = x->rules;
    const char *const *cells;
    long line = 0;
    long long rows = 0;
    char why[128];
    tn_err err;
    while ((err = tn_csv_next(csv, &cells, &line, why, sizeof why)) != TN_ERR_NOT_FOUND) {
        if (err == TN_ERR_IO)
            return err;
        if (progress && ++rows % 8192 == 0)
            progress(ctx, rows);
        if (err) {
            add_error(x->rep, x->path, line, NULL, TN_ERR_PARSE, "%s", why);
            continue;
        }
        int bad = 0;
        char key[256];
        size_t ko = 0;
        for (size_t i = 0; i < r->ncols; i++) {
            const struct tn__column *c = &r->cols[i];
            const char *text = cells[i];
            if (!*text && c->def)
                text = c->def;
            x->cells[i] = text;
            if (!*text) {
                x->vals[i] = (struct tn_store_value){.type = TN_SV_NULL};
                if (c->required) {
                    add_error(x->rep, x->path, line, c->name, TN_ERR_PARSE,
                              "required cell is empty");
                    bad++;
                }
                continue;
            }
            if (tn__import_cell(c, text, x->scratch[i], &x->vals[i], why, sizeof why)) {
                add_error(x->rep, x->path, line, c->name, TN_ERR_PARSE, "got \"%.60s\", %s", text,
                          why);
                bad++;
            }
            if (c->key)
                ko += (size_t)snprintf(key + ko, ko < sizeof key ? sizeof key - ko : 0, "%s\x1f",
                                       text);
        }
        if (bad)
            continue;
        int64_t mark = 0;
        if (x->kind == TN_IMPORT_PAYMENTS) {
            mark = x->vals[col_index(r, "amount")].num;
            if (*cell(x, "reverses"))
                mark = -mark;
        }
        if (x->kind == TN_IMPORT_PAYMENTS) {
            key[ko - 1] = '\0'; /* payments are looked up by txn_id alone */
        }
        if (seen_find(&x->keys, key)) {
            add_error(x->rep, x->path, line, r->cols[0].name, TN_ERR_CONFLICT,
                      "the same key appears earlier in this file");
            continue;
        }
        if ((err = check_row(x, line, &bad)))
            return err;
        seen_add(&x->keys, key, mark);
        if (bad)
            continue;
        if ((err = store_row(x, line, x->rep->nerrors == 0)))
            return err;
    }
    if (progress)
        progress(ctx, rows);
    return TN_OK;
}

/* Parents named by units of this file must be units of this file or of the store. */
static tn_err check_parents(struct run *x)
{
    for (size_t i = 0; i < x->parents.cap; i++) {
        struct slot *p = &x->parents.slots[i];
        if (!p->key)
            continue;
        char key[64];
        snprintf(key, sizeof key, "%s\x1f", p->key);
        if (seen_find(&x->keys, key))
            continue;
        int found;
        tn_err err = tn_store_key_exists(x->s, "unit", "unit_code", p->key, &found);
        if (err)
            return err;
        if (!found)
            add_error(x->rep, x->path, (long)p->value, "parent_code", TN_ERR_NOT_FOUND,
                      "unknown parent unit (got \"%s\", expected a unit of units.csv)", p->key);
    }
    return TN_OK;
}

tn_err tn_import_file(struct tn_store *s, enum tn_import_kind kind, const char *path, int update,
                      const char *now, struct tn_import_report *rep,
                      void (*progress)(void *ctx, long long rows), void *ctx)
{
    const struct tn__file_rules *r = &tn__import_rules[kind];
    struct tn_csv_column cols[TN__MAX_COLUMNS];
    for (size_t i = 0; i < r->ncols; i++)
        cols[i] = (struct tn_csv_column){r->cols[i].name, r->cols[i].required};
    struct tn_csv_reader *csv;
    char msg[1024];
    tn_err err = tn_csv_open(path, cols, r->ncols, &csv, msg, sizeof msg);
    if (err == TN_ERR_IO)
        return err;
    if (err) {
        /* one error per problem of the header, each "FILE:1:NAME: problem" */
        size_t skip = strlen(path) + 3;
        for (char *save = NULL, *l = strtok_r(msg, "\n", &save); l; l = strtok_r(NULL, "\n", &save))
            add_error(rep, path, 1, NULL, TN_ERR_PARSE, "%s", strlen(l) > skip ? l + skip : l);
        return TN_ERR_REJECTED;
    }
    struct run x = {.s = s, .rules = r, .kind = kind, .path = path, .update = update, .rep = rep};
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
    if ((err = tn_store_begin(s)))
        goto done;
    if ((err = tn_store_import_begin(s, r->table, keys, r->nkeys, data, ndata, r->kind, path, now,
                                     &x.imp)) ||
        (err = read_rows(&x, csv, progress, ctx)) ||
        (kind == TN_IMPORT_UNITS && (err = check_parents(&x))))
        goto done;
    if (rep->nerrors) {
        err = TN_ERR_REJECTED;
        goto done;
    }
    err = tn_store_import_finish(x.imp, rep->rows_new, rep->rows_changed, rep->rows_same);
done:
    tn_store_import_free(x.imp);
    if (err == TN_OK)
        err = tn_store_commit(s);
    if (err)
        tn_store_rollback(s);
    seen_release(&x.keys);
    seen_release(&x.parents);
    tn_csv_free(csv);
    return err;
}
