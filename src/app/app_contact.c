/*
 * app_contact.c - the officers' contacts with employers (app_contact.h; docs/operations.md
 * "Contacts"): a contact recorded for a unit the scope sees, and the contacts read, of one
 * unit or the latest of every unit the scope sees, each officer named from the officer table
 * (tn__app_officer_directory, read once a call).
 */
#include "app_int.h"
#include "officer_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/app_contact.h"
#include "thuno/mem.h"
#include "thuno/operations_store.h"
#include "thuno/store.h"
#include "thuno/table.h"

/* clang-format off */
#define CONTACT_COLS(X, p)                                                                         \
    X(p, seq, NUMBER, "Số", "No.", 0)                                                              \
    X(p, unit_code, TEXT, "Mã đơn vị", "Unit", 0)                                                  \
    X(p, day, DATE, "Ngày", "Day", 0)                                                              \
    X(p, officer, TEXT, "Cán bộ", "Officer", 0)                                                    \
    X(p, kind, TEXT, "Hình thức", "Kind", 0)                                                       \
    X(p, outcome, TEXT, "Kết quả", "Outcome", 0)                                                   \
    X(p, note, TEXT, "Ghi chú", "Note", 0)                                                         \
    X(p, recorded_by, TEXT, "Người ghi", "Recorded by", 0)                                         \
    X(p, recorded_at, TEXT, "Thời điểm ghi", "Recorded at", 0)                                     \
    X(p, officer_name, TEXT, "Tên cán bộ", "Officer's name", 0)
/* clang-format on */
TN_COLUMNS(CT, CONTACT_COLS);

const struct tn_col *tn_app_contact_cols(size_t *ncols)
{
    *ncols = CT_NCOLS;
    return CT_cols;
}

/* The unit's officer in charge today into out ("" when none). */
static tn_err in_charge(struct tn_app *app, const struct tn_scope *scope, const char *unit,
                        char out[32])
{
    struct tn_unit_entry u;
    tn_period period;
    tn_err err = tn_app_unit(app, scope, unit, NULL, &u, &period);
    if (!err)
        snprintf(out, 32, "%s", u.officer_code);
    return err;
}

tn_err tn_app_contact_record(struct tn_app *app, const struct tn_scope *scope,
                             const struct tn_contact_request *req, struct tn_contact_row *out)
{
    app->why[0] = '\0';
    if (!tn_contact_kind_known(req->kind))
        return tn__app_fail(app, TN_ERR_USAGE,
                            "hình thức liên hệ không có: %s (call, visit, letter, meeting) / no "
                            "such kind of contact: %s (call, visit, letter, meeting)",
                            req->kind ? req->kind : "", req->kind ? req->kind : "");
    if (!req->actor || !req->actor[0] || strlen(req->actor) >= 64)
        return tn__app_fail(app, TN_ERR_USAGE, "thiếu người ghi / no actor");
    if ((req->outcome && strlen(req->outcome) >= TN_CONTACT_OUTCOME_SZ) ||
        (req->note && strlen(req->note) >= TN_CONTACT_NOTE_SZ))
        return tn__app_fail(app, TN_ERR_USAGE,
                            "kết quả quá %d byte hoặc ghi chú quá %d byte / an outcome over %d "
                            "bytes or a note over %d bytes",
                            TN_CONTACT_OUTCOME_SZ - 1, TN_CONTACT_NOTE_SZ - 1,
                            TN_CONTACT_OUTCOME_SZ - 1, TN_CONTACT_NOTE_SZ - 1);
    if (!req->unit || !req->unit[0] || strlen(req->unit) >= 32)
        return tn__app_fail(app, TN_ERR_USAGE, "thiếu mã đơn vị / no unit");
    tn_day today;
    char today_s[TN_DAY_BUFSZ];
    snprintf(today_s, sizeof today_s, "%.10s", app->now);
    if (tn_day_parse(today_s, &today))
        return tn__app_fail(app, TN_ERR_PARSE, "giờ hệ thống sai / the clock is malformed");
    tn_day day = req->day < 0 ? today : req->day;
    if (day > today) {
        char d[TN_DAY_BUFSZ];
        tn_day_format(day, d);
        return tn__app_fail(app, TN_ERR_RANGE,
                            "ngày liên hệ %s sau hôm nay / the contact's day %s is after today", d,
                            d);
    }
    if (scope->role == TN_ROLE_OFFICER && req->officer && scope->officer &&
        strcmp(req->officer, scope->officer) != 0)
        return tn__app_fail(app, TN_ERR_FORBIDDEN,
                            "cán bộ thu chỉ ghi liên hệ của mình / an officer records only its "
                            "own contacts");
    tn_err err = tn_app_unit_visible(app, scope, req->unit, NULL);
    if (err)
        return err;
    struct tn_contact_row r;
    memset(&r, 0, sizeof r);
    snprintf(r.unit_code, sizeof r.unit_code, "%s", req->unit);
    tn_day_format(day, r.day);
    if (req->officer && req->officer[0])
        snprintf(r.officer, sizeof r.officer, "%.31s", req->officer);
    else if (scope->role == TN_ROLE_OFFICER && scope->officer)
        snprintf(r.officer, sizeof r.officer, "%.31s", scope->officer);
    else if ((err = in_charge(app, scope, req->unit, r.officer)))
        return err;
    if (!r.officer[0])
        return tn__app_fail(app, TN_ERR_USAGE,
                            "đơn vị %s chưa có cán bộ phụ trách: cần ghi cán bộ / unit %s has no "
                            "officer in charge: name the officer",
                            req->unit, req->unit);
    snprintf(r.kind, sizeof r.kind, "%s", req->kind);
    snprintf(r.outcome, sizeof r.outcome, "%s", req->outcome ? req->outcome : "");
    snprintf(r.note, sizeof r.note, "%s", req->note ? req->note : "");
    snprintf(r.recorded_by, sizeof r.recorded_by, "%s", req->actor);
    snprintf(r.recorded_at, sizeof r.recorded_at, "%s", app->now);
    if ((err = tn_store_contact_add(app->store, &r, &r.seq)))
        return tn__app_fail(app, err, "%s", tn_store_errmsg(app->store));
    if (out)
        *out = r;
    return TN_OK;
}

/* The contacts read, kept until the scope's cut is applied. */
struct rows {
    struct tn_contact_row *r;
    size_t n, cap;
};

static tn_err keep(void *ctx, const struct tn_contact_row *r)
{
    struct rows *k = ctx;
    if (k->n == k->cap) {
        k->cap = k->cap ? 2 * k->cap : 32;
        k->r = tn_xrealloc(k->r, k->cap, sizeof *k->r);
    }
    k->r[k->n++] = *r;
    return TN_OK;
}

/* r as one row into out, its officer's name from names. */
static tn_err put(const struct tn__officer_names *names, const struct tn_contact_row *r,
                  const struct tn_sink *out)
{
    struct tn_cell c[CT_NCOLS];
    c[CT_officer_name] = tn_cell_text(tn__officer_name(names, r->officer));
    c[CT_seq] = tn_cell_int(r->seq);
    c[CT_unit_code] = tn_cell_text(r->unit_code);
    c[CT_day] = tn_cell_text(r->day);
    c[CT_officer] = tn_cell_text(r->officer);
    c[CT_kind] = tn_cell_text(r->kind);
    c[CT_outcome] = tn_cell_text(r->outcome);
    c[CT_note] = tn_cell_text(r->note);
    c[CT_recorded_by] = tn_cell_text(r->recorded_by);
    c[CT_recorded_at] = tn_cell_text(r->recorded_at);
    return out->row(out->ctx, c);
}

tn_err tn_app_contact_put(struct tn_app *app, const struct tn_contact_row *r,
                          const struct tn_sink *out)
{
    struct tn__officer_names names;
    tn__officer_names_init(&names);
    tn_err err = tn__app_officer_directory(app, NULL, &names);
    if (!err)
        err = put(&names, r, out);
    tn__officer_names_release(&names);
    return err;
}

/* The units an officer is in charge of on a day, sorted. */
struct charge {
    char (*units)[32];
    size_t n, cap;
};

static tn_err add_charge(void *ctx, const char *unit_code)
{
    struct charge *c = ctx;
    if (c->n == c->cap) {
        c->cap = c->cap ? 2 * c->cap : 64;
        c->units = tn_xrealloc(c->units, c->cap, sizeof *c->units);
    }
    snprintf(c->units[c->n++], sizeof *c->units, "%s", unit_code);
    return TN_OK;
}

static int cmp_unit(const void *a, const void *b)
{
    return strcmp(a, b);
}

/* Whether scope sees code (in charge: the officer's units, NULL for another role). Errors:
 * TN_ERR_STORE. */
static tn_err sees(struct tn_app *app, const struct tn_scope *scope, const struct charge *in,
                   const char *code, const char *as_of, int *seen)
{
    *seen = !in || bsearch(code, in->units, in->n, sizeof *in->units, cmp_unit) != NULL;
    if (!*seen || !scope->office)
        return TN_OK;
    tn_err err = tn__app_unit_in_scope(app, scope, code, as_of);
    *seen = err == TN_OK;
    return err == TN_ERR_STORE ? err : TN_OK;
}

tn_err tn_app_contacts(struct tn_app *app, const struct tn_scope *scope, const char *unit,
                       int latest, const char *as_of, const struct tn_sink *out)
{
    app->why[0] = '\0';
    tn_err err = unit ? tn_app_unit_visible(app, scope, unit, as_of) : TN_OK;
    if (err)
        return err;
    /* every unit: an officer's are those in charge on the day read, asked once */
    struct charge in = {NULL, 0, 0};
    int officer = !unit && scope->role == TN_ROLE_OFFICER;
    if (officer && scope->officer) {
        char day[TN_DAY_BUFSZ];
        snprintf(day, sizeof day, "%.10s", as_of ? as_of : app->now);
        if ((err = tn_store_units_in_charge(app->store, scope->officer, day, add_charge, &in)))
            err = tn__app_fail(app, err, "%s", tn_store_errmsg(app->store));
        if (in.n)
            qsort(in.units, in.n, sizeof *in.units, cmp_unit);
    }
    struct rows k = {NULL, 0, 0};
    struct tn__officer_names names;
    tn__officer_names_init(&names);
    if (!err && (err = tn_store_contacts(app->store, unit, latest, as_of, keep, &k)))
        err = tn__app_fail(app, err, "%s", tn_store_errmsg(app->store));
    if (!err && k.n)
        err = tn__app_officer_directory(app, as_of, &names);
    int seen = 1;
    for (size_t i = 0; !err && i < k.n; i++) {
        if (!unit && (i == 0 || strcmp(k.r[i].unit_code, k.r[i - 1].unit_code) != 0) &&
            (err = sees(app, scope, officer ? &in : NULL, k.r[i].unit_code, as_of, &seen)))
            err = tn__app_fail(app, err, "%s", tn_store_errmsg(app->store));
        if (!err && seen)
            err = put(&names, &k.r[i], out);
    }
    if (!err) /* a unit not seen is no failure here */
        app->why[0] = '\0';
    tn__officer_names_release(&names);
    free(k.r);
    free(in.units);
    return err;
}
