/*
 * app_units.c - the units to browse (app.h "units to browse"; docs/api.md "Units"): the
 * store's filtered rows (tn_store_units), then what is presentation rather than data: the
 * accent- and case-insensitive text search (tn_text_ascii_fold), the Vietnamese collation of
 * names (ICU ucol, locale "vi": a before ă before â, d before đ), the sort and the pages.
 *
 * A cursor is opaque to the client: the hex of "sort|desc|key|unit_code" ('|' a 0x1f byte) of
 * the page's last unit; the next page starts after that position in the same order, so pages
 * neither overlap nor skip while the data stays (keyset pagination, not offsets).
 */
#include "app_int.h"
#include "officer_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ucol.h>
#include <unicode/ustring.h>

#include "thuno/app_user.h"
#include "thuno/lists.h"
#include "thuno/mem.h"
#include "thuno/store.h"
#include "thuno/text.h"

void tn_unit_page_init(struct tn_unit_page *p)
{
    memset(p, 0, sizeof *p);
    p->period = -1;
}

void tn_unit_page_release(struct tn_unit_page *p)
{
    free(p->units);
    free(p->next);
    free(p->officer_names);
    tn_unit_page_init(p);
}

/* ---- the order ---- */

/* A unit's place in the order: its sort key (the collation key of its name, or a number)
 * and its code. */
struct item {
    size_t at;     /* index into the rows read */
    char *key;     /* name sort: the ICU sort key (NUL-terminated bytes, strcmp order) */
    long long num; /* debt or months owed; -1: none */
    const char *code;
    enum tn_unit_sort sort;
    int desc;
};

static int compare(const void *a, const void *b)
{
    const struct item *x = a, *y = b;
    int c = 0;
    if (x->sort == TN_UNIT_SORT_NAME)
        c = strcmp(x->key, y->key);
    else if (x->sort != TN_UNIT_SORT_CODE)
        c = (x->num > y->num) - (x->num < y->num);
    if (x->desc)
        c = -c;
    return c ? c : strcmp(x->code, y->code);
}

/* The ICU sort key of the UTF-8 text s under coll (malloc'ed). */
static char *sort_key(UCollator *coll, const char *s)
{
    UErrorCode st = U_ZERO_ERROR;
    UChar buf[512];
    int32_t n = 0;
    u_strFromUTF8Lenient(buf, (int32_t)(sizeof buf / sizeof buf[0]), &n, s, -1, &st);
    if (U_FAILURE(st) || n > (int32_t)(sizeof buf / sizeof buf[0]))
        n = 0; /* a name too long or not UTF-8 sorts as empty */
    int32_t need = ucol_getSortKey(coll, buf, n, NULL, 0);
    char *key = tn_xmalloc((size_t)need + 1);
    ucol_getSortKey(coll, buf, n, (uint8_t *)key, need + 1);
    key[need] = '\0';
    return key;
}

/* The unit's debt, past its deadline (docs/ledger.md "Debt"); -1 without a balance. */
static long long debt_of(const struct tn_unit_entry *u)
{
    return u->has_balance ? (long long)u->debt : -1;
}

static long long months_of(const struct tn_unit_entry *u)
{
    return u->has_balance ? u->months_owed_tenths : -1;
}

/* ---- the text search ---- */

/* s folded for the search: without diacritics (tn_text_ascii_fold), lower case. */
static void fold(const char *s, char *out, size_t size)
{
    tn_text_ascii_fold(s, out, size);
    for (char *p = out; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p - 'A' + 'a');
}

static int text_matches(const struct tn_unit_entry *u, const char *folded)
{
    const char *fields[] = {u->unit_code, u->name, u->tax_code};
    char buf[TN_NAME_BUFSZ];
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        fold(fields[i], buf, sizeof buf);
        if (strstr(buf, folded))
            return 1;
    }
    return 0;
}

/* ---- the cursor ---- */

#define SEP '\x1f'

static char *cursor_make(const struct tn_unit_query *q, const struct tn_unit_entry *u)
{
    char key[TN_NAME_BUFSZ], raw[TN_NAME_BUFSZ + 64];
    if (q->sort == TN_UNIT_SORT_NAME)
        snprintf(key, sizeof key, "%s", u->name);
    else if (q->sort == TN_UNIT_SORT_DEBT)
        snprintf(key, sizeof key, "%lld", debt_of(u));
    else if (q->sort == TN_UNIT_SORT_MONTHS_OWED)
        snprintf(key, sizeof key, "%lld", months_of(u));
    else
        key[0] = '\0';
    int n = snprintf(raw, sizeof raw, "%d%c%d%c%s%c%s", (int)q->sort, SEP, q->desc ? 1 : 0, SEP,
                     key, SEP, u->unit_code);
    char *hex = tn_xmalloc((size_t)n * 2 + 1);
    for (int i = 0; i < n; i++)
        snprintf(hex + 2 * i, 3, "%02x", (unsigned char)raw[i]);
    return hex;
}

/* The position the cursor names, as an item (key malloc'ed for a name sort). 1 when it is
 * malformed or made for another sort. */
static int cursor_read(UCollator *coll, const struct tn_unit_query *q, struct item *it,
                       char code[32])
{
    const char *c = q->cursor;
    size_t n = strlen(c);
    char raw[TN_NAME_BUFSZ + 64];
    if (n % 2 || n / 2 >= sizeof raw)
        return 1;
    for (size_t i = 0; i < n / 2; i++) {
        unsigned v;
        if (sscanf(c + 2 * i, "%2x", &v) != 1 || !strchr("0123456789abcdef", c[2 * i]) ||
            !strchr("0123456789abcdef", c[2 * i + 1]))
            return 1;
        raw[i] = (char)v;
        if (!raw[i])
            return 1;
    }
    raw[n / 2] = '\0';
    char *f[4] = {raw, NULL, NULL, NULL};
    for (int k = 1; k < 4; k++) {
        char *sep = strchr(f[k - 1], SEP);
        if (!sep)
            return 1;
        *sep = '\0';
        f[k] = sep + 1;
    }
    if (strchr(f[3], SEP) || strlen(f[3]) >= 32 || !f[3][0])
        return 1;
    char want[4];
    snprintf(want, sizeof want, "%d", (int)q->sort);
    if (strcmp(f[0], want) != 0 || strcmp(f[1], q->desc ? "1" : "0") != 0)
        return 1;
    memset(it, 0, sizeof *it);
    it->sort = q->sort;
    it->desc = q->desc;
    snprintf(code, 32, "%s", f[3]);
    it->code = code;
    if (q->sort == TN_UNIT_SORT_NAME) {
        it->key = sort_key(coll, f[2]);
    } else if (q->sort != TN_UNIT_SORT_CODE) {
        char *end;
        it->num = strtoll(f[2], &end, 10);
        if (!f[2][0] || *end)
            return 1;
    }
    return 0;
}

/* ---- the page ---- */

struct rows {
    struct tn_unit_entry *u;
    size_t n, cap;
    const char *text; /* folded, NULL: no search */
};

static tn_err keep_row(void *ctx, const struct tn_unit_entry *u)
{
    struct rows *r = ctx;
    if (r->text && !text_matches(u, r->text))
        return TN_OK;
    TN_GROW(r->u, r->cap, r->n + 1);
    r->u[r->n++] = *u;
    return TN_OK;
}

/* The month of the time at ("YYYY-MM-..."), or 2000-01 when at is not one. */
static tn_period month_of(const char *at)
{
    tn_period p;
    char buf[TN_PERIOD_BUFSZ];
    snprintf(buf, sizeof buf, "%.7s", at);
    return tn_period_parse(buf, &p) ? 2000 * 12 : p;
}

/* The last period closed as known at as_of (NULL: now) of the six years to the year of the
 * time read (and the one after), -1 when none. */
static tn_err last_closed(struct tn_app *app, const char *as_of, tn_period *out)
{
    int year = month_of(as_of ? as_of : app->now) / 12;
    for (int y = year + 1; y >= year - 5; y--) {
        tn_err err = tn_store_last_closed(app->store, y, as_of, out);
        if (err != TN_ERR_NOT_FOUND)
            return err ? tn__app_fail(app, err, "%s", tn_store_errmsg(app->store)) : TN_OK;
    }
    *out = -1;
    return TN_OK;
}

/* The rows of f (and the text search) of period as known at as_of under office's cut, the
 * officer in charge on the day read, into r. */
static tn_err read_rows(struct tn_app *app, const char *office, tn_period period, const char *as_of,
                        const struct tn_unit_filter *f, struct rows *r)
{
    const char *at = as_of ? as_of : app->now;
    char day[TN_DAY_BUFSZ];
    snprintf(day, sizeof day, "%.10s", at);
    tn_err err = tn_store_units(app->store, office, period >= 0 ? period : month_of(at), as_of, day,
                                f, keep_row, r);
    if (err)
        return tn__app_fail(app, err, "%s", tn_store_errmsg(app->store));
    if (period < 0) /* nothing closed: no balance to show */
        for (size_t i = 0; i < r->n; i++) {
            struct tn_unit_entry *u = &r->u[i];
            u->has_balance = 0;
            u->closing = u->principal_due = u->interest_due = u->debt = u->not_due = 0;
            u->months_owed_tenths = -1;
            u->oldest_unpaid = -1;
            u->bucket[0] = u->legal_status[0] = '\0';
        }
    return TN_OK;
}

/* The names of the officers of p's units (p->officer_names), the officer table read once for
 * the page (a small table, read whole). */
static tn_err page_officer_names(struct tn_app *app, const char *as_of, struct tn_unit_page *p)
{
    p->officer_names = tn_xcalloc(p->n ? p->n : 1, sizeof *p->officer_names);
    size_t named = 0;
    for (size_t i = 0; i < p->n; i++)
        named += p->units[i].officer_code[0] != '\0';
    if (!named)
        return TN_OK;
    struct tn__officer_names m;
    tn__officer_names_init(&m);
    tn_err err = tn__app_officer_directory(app, as_of, &m);
    for (size_t i = 0; !err && i < p->n; i++)
        snprintf(p->officer_names[i], sizeof p->officer_names[i], "%s",
                 tn__officer_name(&m, p->units[i].officer_code));
    tn__officer_names_release(&m);
    return err;
}

/* tn_app_units' page of at most limit units (tn__app_units_all: every unit after the cursor). */
static tn_err units_page(struct tn_app *app, const struct tn_scope *scope,
                         const struct tn_unit_query *q, size_t limit, struct tn_unit_page *out)
{
    struct tn_unit_filter f = {NULL, q->officer, q->type, q->bucket, q->legal_status};
    if (scope->role == TN_ROLE_OFFICER) {
        if (!scope->officer)
            return tn__app_fail(app, TN_ERR_FORBIDDEN,
                                "cán bộ thu không có mã cán bộ / an officer without its code");
        f.officer = scope->officer; /* its own, whatever it asked */
    }
    tn_period period = q->period;
    tn_err err = period < 0 ? last_closed(app, q->as_of, &period) : TN_OK;
    char folded[512];
    struct rows r = {0};
    if (q->text && *q->text) {
        fold(q->text, folded, sizeof folded);
        r.text = folded;
    }
    if (err || (err = read_rows(app, scope->office, period, q->as_of, &f, &r)))
        goto done;
    UCollator *coll = NULL;
    if (q->sort == TN_UNIT_SORT_NAME) {
        UErrorCode st = U_ZERO_ERROR;
        coll = ucol_open("vi", &st);
        if (U_FAILURE(st)) {
            err =
                tn__app_fail(app, TN_ERR_IO, "ICU: no Vietnamese collation (%s)", u_errorName(st));
            goto done;
        }
    }
    struct item *items = tn_xcalloc(r.n ? r.n : 1, sizeof *items), cur;
    for (size_t i = 0; i < r.n; i++) {
        items[i].at = i;
        items[i].code = r.u[i].unit_code;
        items[i].sort = q->sort;
        items[i].desc = q->desc;
        if (q->sort == TN_UNIT_SORT_NAME)
            items[i].key = sort_key(coll, r.u[i].name);
        else if (q->sort == TN_UNIT_SORT_DEBT)
            items[i].num = debt_of(&r.u[i]);
        else if (q->sort == TN_UNIT_SORT_MONTHS_OWED)
            items[i].num = months_of(&r.u[i]);
    }
    tn_sort(items, r.n, sizeof *items, compare);
    size_t start = 0;
    char code[32];
    memset(&cur, 0, sizeof cur);
    if (q->cursor) {
        if (cursor_read(coll, q, &cur, code)) {
            err = tn__app_fail(app, TN_ERR_USAGE,
                               "cursor không hợp lệ cho cách sắp xếp này / the cursor is "
                               "malformed or made for another sort");
        } else {
            while (start < r.n && compare(&items[start], &cur) <= 0)
                start++;
        }
    }
    if (!err) {
        out->period = period;
        size_t n = r.n - start < limit ? r.n - start : limit;
        out->units = tn_xcalloc(n ? n : 1, sizeof *out->units);
        out->cap = n ? n : 1;
        for (size_t i = 0; i < n; i++)
            out->units[i] = r.u[items[start + i].at];
        out->n = n;
        if (start + n < r.n)
            out->next = cursor_make(q, &out->units[n - 1]);
    }
    for (size_t i = 0; i < r.n; i++)
        free(items[i].key);
    free(cur.key);
    free(items);
    if (coll)
        ucol_close(coll);
done:
    free(r.u);
    return err;
}

tn_err tn_app_units(struct tn_app *app, const struct tn_scope *scope, const struct tn_unit_query *q,
                    struct tn_unit_page *out)
{
    tn_unit_page_release(out);
    size_t limit = q->limit ? q->limit : TN_UNITS_LIMIT_DEFAULT;
    if (limit > TN_UNITS_LIMIT_MAX)
        return tn__app_fail(app, TN_ERR_USAGE,
                            "tối đa %d đơn vị một trang / at most %d units a page",
                            TN_UNITS_LIMIT_MAX, TN_UNITS_LIMIT_MAX);
    tn_err err = units_page(app, scope, q, limit, out);
    /* a page's officers by name (the whole list of tn__app_units_all needs none) */
    if (!err && (err = page_officer_names(app, q->as_of, out)))
        tn_unit_page_release(out); /* nothing handed back on failure */
    return err;
}

tn_err tn__app_units_all(struct tn_app *app, const struct tn_scope *scope,
                         const struct tn_unit_query *q, struct tn_unit_page *out)
{
    tn_unit_page_release(out);
    return units_page(app, scope, q, SIZE_MAX, out);
}

tn_err tn_app_unit(struct tn_app *app, const struct tn_scope *scope, const char *unit,
                   const char *as_of, struct tn_unit_entry *out, tn_period *period)
{
    tn_err err = tn_app_unit_visible(app, scope, unit, as_of);
    tn_period p = -1;
    if (err || (err = last_closed(app, as_of, &p)))
        return err;
    /* the unit is visible: read it whatever the cut */
    struct tn_unit_filter f = {.unit_code = unit};
    struct rows r = {0};
    if (!(err = read_rows(app, NULL, p, as_of, &f, &r))) {
        if (r.n) {
            *out = r.u[0];
            *period = p;
        } else {
            err =
                tn__app_fail(app, TN_ERR_NOT_FOUND, "không có đơn vị %s / no unit %s", unit, unit);
        }
    }
    free(r.u);
    return err;
}
