/*
 * handlers_ops.c - the API's office operations (docs/api.md "Operations"): assignments
 * (tn_app_assign), worklists (the worklist report, an officer's its own), suspense
 * (tn_app_suspense_match, tn_app_suspense_assign), the handover sign-off
 * (tn_app_handover_sign) and a duty of the statutory calendar done (tn_app_calendar_done). Each
 * handler checks the role (TN_APP_OPS), makes one app call under the user's login as actor and
 * audits the change.
 */
#include "http_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/letter_rule.h"
#include "thuno/lists.h"
#include "thuno/mem.h"
#include "thuno/report.h"

/* ---- assignments ---- */

void tn__h_assign(struct tn__http_req *q, struct tn__http_reply *r)
{
    json_t *body =
        tn__http_body(q, r, "{\"units\" | \"from_officer\", \"officer\", \"from\"}", "assignment");
    if (!body)
        return;
    struct tn_assign_request req = {.actor = q->user.login};
    const char *from = NULL;
    json_t *units = NULL;
    int ok = !json_unpack(body, "{s?o, s?s, s:s, s:s, s?s}", "units", &units, "from_officer",
                          &req.from_officer, "officer", &req.officer, "from", &from, "reason",
                          &req.reason) &&
             (!units || json_is_array(units)) && strlen(from) == 10 &&
             !tn_day_parse(from, &req.from);
    const char **codes = NULL;
    if (ok && units) {
        req.nunits = json_array_size(units);
        codes = tn_xcalloc(req.nunits + 1, sizeof *codes);
        for (size_t i = 0; i < req.nunits; i++)
            ok &= (codes[i] = json_string_value(json_array_get(units, i))) != NULL;
        req.units = codes;
    }
    tn_err err =
        tn_app_authorize(q->app, &q->scope, q->user.login, TN_OP_assign, ok ? req.officer : "");
    if (err || !ok) {
        if (err)
            tn__http_error(r, q->app, err);
        else
            tn__http_fail(r, 400, "malformed",
                          "cần JSON / expected JSON {\"units\" | "
                          "\"from_officer\", \"officer\", \"from\": \"YYYY-MM-DD\"}",
                          NULL);
        free(codes);
        json_decref(body);
        return;
    }
    struct tn_assign_result res;
    tn_assign_result_init(&res);
    err = tn_app_change_begin(q->app);
    if (!err)
        err = tn_app_assign(q->app, &q->scope, &req, &res);
    char summary[160];
    snprintf(summary, sizeof summary, "%zu units to %s from %s", res.units, req.officer, from);
    if (err == TN_ERR_REJECTED && res.nrefused) {
        json_t *rows = json_array();
        for (size_t i = 0; i < res.nrefused; i++)
            json_array_append_new(rows, json_pack("{s:s, s:s}", "unit", res.refused[i].unit,
                                                  "message", res.refused[i].message));
        tn_app_audit_add(q->app, q->user.login, "assign", req.officer, "failed", q->app->why);
        tn__http_fail(r, 422, "rejected", tn_app_why(q->app, err),
                      json_pack("{s:o}", "refused", rows));
    } else if (!tn__http_audited(q, r, "assign", req.officer, err, summary)) {
        tn__http_json(r, 200,
                      json_pack("{s:s, s:s, s:I}", "officer", req.officer, "from", from, "units",
                                (json_int_t)res.units));
    }
    tn_assign_result_release(&res);
    free(codes);
    json_decref(body);
}

/* ---- worklists ---- */

void tn__h_worklist(struct tn__http_req *q, struct tn__http_reply *r)
{
    tn_err err = tn_app_authorize(q->app, &q->scope, q->user.login, TN_OP_worklist_read,
                                  tn__http_arg(q, "officer") ? tn__http_arg(q, "officer") : "");
    if (err) {
        tn__http_error(r, q->app, err);
        return;
    }
    /* the worklist report as GET /reports/worklist serves it: an officer's is its own */
    static const char *const segs[] = {"reports", "worklist"};
    q->segs[0] = segs[0];
    q->segs[1] = segs[1];
    q->nsegs = 2;
    tn__h_report(q, r);
}

/* ---- suspense ---- */

struct match_rows {
    const struct tn_col *cols;
    size_t ncols;
    json_t *rows;
};

static tn_err match_row(void *ctx, const struct tn_cell *cells)
{
    struct match_rows *m = ctx;
    json_array_append_new(m->rows, tn__http_row(m->cols, m->ncols, cells));
    return TN_OK;
}

void tn__h_suspense_match(struct tn__http_req *q, struct tn__http_reply *r)
{
    json_t *body =
        tn__http_body(q, r, "{\"period\": \"YYYY-MM\", \"apply\": true|false}", "suspense_match");
    if (!body)
        return;
    const char *per = NULL;
    int apply = 0;
    tn_period period;
    int ok = !json_unpack(body, "{s:s, s?b}", "period", &per, "apply", &apply) &&
             !tn_period_parse(per, &period);
    char target[TN_PERIOD_BUFSZ] = "";
    if (ok)
        tn_period_format(period, target);
    json_decref(body);
    tn_err err = tn_app_authorize(q->app, &q->scope, q->user.login, TN_OP_suspense, target);
    if (err || !ok) {
        if (err)
            tn__http_error(r, q->app, err);
        else
            tn__http_fail(r, 400, "malformed",
                          "cần JSON / expected JSON {\"period\": "
                          "\"YYYY-MM\", \"apply\": true|false}",
                          NULL);
        return;
    }
    struct match_rows m = {NULL, 0, json_array()};
    m.cols = tn_app_suspense_match_cols(&m.ncols);
    struct tn_sink sink = {match_row, NULL, &m};
    struct tn_suspense_match_stats st = {0, 0};
    err = apply ? tn_app_change_begin(q->app) : TN_OK;
    if (!err)
        err = tn_app_suspense_match(q->app, &q->scope, period, NULL, apply, q->user.login, &sink,
                                    &st);
    char summary[96];
    snprintf(summary, sizeof summary, "applied %ld left %ld", st.applied, st.left);
    if (apply ? tn__http_audited(q, r, "suspense.match", target, err, summary)
              : (err && (tn__http_error(r, q->app, err), 1))) {
        json_decref(m.rows);
        return;
    }
    tn__http_json(r, 200,
                  json_pack("{s:s, s:b, s:I, s:I, s:o}", "period", target, "apply", apply,
                            "applied", (json_int_t)st.applied, "left", (json_int_t)st.left, "rows",
                            m.rows));
}

void tn__h_suspense_assign(struct tn__http_req *q, struct tn__http_reply *r)
{
    const char *txn = q->segs[1];
    tn_err err = tn_app_authorize(q->app, &q->scope, q->user.login, TN_OP_suspense, txn);
    if (err) {
        tn__http_error(r, q->app, err);
        return;
    }
    json_t *body = tn__http_body(q, r, "{\"unit\"}", "suspense_assign");
    if (!body)
        return;
    const char *unit = NULL;
    if (json_unpack(body, "{s:s}", "unit", &unit)) {
        json_decref(body);
        tn__http_fail(r, 400, "malformed", "cần JSON {\"unit\"} / expected JSON {\"unit\"}", NULL);
        return;
    }
    err = tn_app_change_begin(q->app);
    if (!err)
        err = tn_app_suspense_assign(q->app, &q->scope, txn, unit, q->user.login);
    char summary[96];
    snprintf(summary, sizeof summary, "suspense -> %s", unit);
    if (!tn__http_audited(q, r, "suspense.assign", txn, err, summary))
        tn__http_json(r, 200, json_pack("{s:s, s:s}", "txn_id", txn, "unit_code", unit));
    json_decref(body);
}

/* ---- the handover sign-off ---- */

void tn__h_handover_sign(struct tn__http_req *q, struct tn__http_reply *r)
{
    json_t *body = tn__http_body(q, r, "{\"period\": \"YYYY-MM\", \"department\": \"QLT|KTTN\"}",
                                 "handover_sign");
    if (!body)
        return;
    const char *per = NULL, *dept = NULL, *date = NULL;
    tn_period period;
    tn_day day;
    if (json_unpack(body, "{s:s, s:s, s?s}", "period", &per, "department", &dept, "date", &date) ||
        tn_period_parse(per, &period) ||
        (date && (strlen(date) != 10 || tn_day_parse(date, &day)))) {
        json_decref(body);
        tn__http_fail(r, 400, "malformed",
                      "cần JSON {\"period\": \"YYYY-MM\", \"department\": \"QLT|KTTN\", \"date\"} "
                      "/ expected JSON {\"period\", \"department\", \"date\"}",
                      NULL);
        return;
    }
    /* each department signs its own list, the director either: one operation each */
    int qlt = strcmp(dept, "QLT") == 0;
    if (!qlt && strcmp(dept, "KTTN") != 0) {
        json_decref(body);
        tn__http_fail(r, 400, "bad_request",
                      "department phải là QLT hoặc KTTN / department must be QLT or KTTN", NULL);
        return;
    }
    char target[TN_PERIOD_BUFSZ];
    tn_period_format(period, target);
    tn_err err = tn_app_authorize(q->app, &q->scope, q->user.login,
                                  qlt ? TN_OP_handover_qlt : TN_OP_handover_kttn, target);
    if (err) {
        json_decref(body);
        tn__http_error(r, q->app, err);
        return;
    }
    struct tn_handover_signoff h;
    tn_handover_signoff_init(&h);
    err = tn_app_change_begin(q->app);
    if (!err)
        err = tn_app_handover_sign(q->app, &q->scope, period, dept, q->user.login, date, &h);
    char summary[160];
    snprintf(summary, sizeof summary, "%s signed %zu units sha256 %.16s", dept, h.n, h.digest);
    if (!tn__http_audited(q, r, "handover.sign", target, err, summary))
        tn__http_json(r, 200,
                      json_pack("{s:s, s:s, s:s, s:s, s:s, s:I, s:s, s:o}", "period", target,
                                "department", h.department, "signed_by", h.actor, "signed_on",
                                h.signed_on, "known_at", h.known_at, "units", (json_int_t)h.n,
                                "digest", h.digest, "prior_digest",
                                h.prior_digest[0] ? json_string(h.prior_digest) : json_null()));
    tn_handover_signoff_release(&h);
    json_decref(body);
}

/* ---- letters ---- */

#ifndef THUNO_TEMPLATES_DIR
#define THUNO_TEMPLATES_DIR "templates"
#endif

/* The options of a letter run from body (docs/api.md "Letters"). 1 when malformed. */
static int letter_opts(json_t *body, struct tn_letter_opts *o, char as_of[20])
{
    const char *per = NULL, *unit = NULL, *date = NULL, *at = NULL, *tpl = NULL, *status = NULL,
               *number = NULL;
    int record = 0, from = 0;
    if (json_unpack(body, "{s:s, s?s, s?s, s?s, s?b, s?i, s?s, s?s, s?s !}", "period", &per, "unit",
                    &unit, "date", &date, "as_of", &at, "record", &record, "number_from", &from,
                    "template", &tpl, "status", &status, "number", &number) ||
        tn_period_parse(per, &o->period) ||
        (date && (strlen(date) != 10 || tn_day_parse(date, &o->date))) ||
        (at && tn_report_as_of(at, as_of)) || from < 0)
        return 1;
    o->unit = unit;
    o->as_of = at ? as_of : NULL;
    o->record = record;
    o->number_from = from;
    o->template_text = tpl;
    o->template_path = tpl ? "template" : NULL;
    o->number = number;
    if (status) {
        const char *bad;
        if (tn_letter_rule_status_parse(status, &o->status, &bad, NULL))
            return 1;
    }
    return 0;
}

int tn__http_settings(struct tn__http_req *q, struct tn__http_reply *r, struct tn_letterhead *lh)
{
    char path[1024];
    const char *tdir = getenv("THUNO_TEMPLATES");
    snprintf(path, sizeof path, "%s/letterhead.txt", tdir && *tdir ? tdir : THUNO_TEMPLATES_DIR);
    char *problems = NULL;
    tn_err err =
        tn_app_letterhead_load(path, q->user.office[0] ? q->user.office : NULL, lh, &problems);
    if (err) /* the server's file: its problems go to its log, not to the client */
        fprintf(stderr, "thuno serve: %s\n", problems ? problems : path);
    free(problems);
    if (err)
        tn__http_fail(r, 500, "internal", "lỗi máy chủ / internal server error", NULL);
    return err != TN_OK;
}

void tn__h_letter(struct tn__http_req *q, struct tn__http_reply *r)
{
    const char *kind = q->segs[1];
    tn_err err = tn_app_authorize(q->app, &q->scope, q->user.login, TN_OP_letter, kind);
    if (err) {
        tn__http_error(r, q->app, err);
        return;
    }
    int reminder = strcmp(kind, "reminder") == 0, mass = strcmp(kind, "mass") == 0;
    if (!reminder && !mass && strcmp(kind, "c12ts") != 0) {
        tn__http_fail(r, 404, "not_found", "không có loại thư này / no such letter", NULL);
        return;
    }
    json_t *body = tn__http_body(q, r, "{\"period\": \"YYYY-MM\", ...}", "letter");
    if (!body)
        return;
    /* the day of the clock unless given, as the CLI */
    char today[TN_DAY_BUFSZ], as_of[20];
    snprintf(today, sizeof today, "%.10s", q->app->now);
    struct tn_letter_opts o = {.actor = q->user.login};
    tn_day_parse(today, &o.date);
    if (letter_opts(body, &o, as_of) || mass != (o.template_text != NULL) ||
        (o.record && !reminder)) {
        json_decref(body);
        tn__http_fail(
            r, 400, "malformed",
            "tùy chọn thư sai (docs/api.md) / the letter's options are wrong: "
            "{\"period\", \"unit\", \"date\", \"as_of\", \"record\" (reminder), "
            "\"number_from\", \"template\" (mass, and only mass), \"status\", \"number\"}",
            NULL);
        return;
    }
    struct tn_letterhead lh;
    char *buf = NULL;
    size_t len = 0;
    if (tn__http_settings(q, r, &lh)) {
        json_decref(body);
        return;
    }
    o.letterhead = &lh;
    FILE *f = open_memstream(&buf, &len);
    o.dest = (struct tn_letter_dest){f, "letters.pdf", NULL};
    struct tn_letter_result res;
    tn_letter_result_init(&res);
    /* a recorded run's rows commit with its audit entry (tn__http_audited); a run that
     * records nothing takes the write lock only for its entry, after the letters */
    err = !f                                        ? TN_ERR_IO
          : o.record && tn_app_change_begin(q->app) ? TN_ERR_STORE
          : reminder ? tn_app_letter_reminder(q->app, &q->scope, &o, &res)
          : mass     ? tn_app_letter_mass(q->app, &q->scope, &o, &res)
                     : tn_app_letter_c12ts(q->app, &q->scope, &o, &res);
    tn_err begun = o.record ? TN_OK : tn_app_change_begin(q->app);
    err = err ? err : begun;
    if (f)
        fclose(f);
    char summary[160], per[TN_PERIOD_BUFSZ];
    tn_period_format(o.period, per);
    snprintf(summary, sizeof summary, "%s %s: %zu letters, %zu recorded, %zu skipped", kind, per,
             res.letters, res.nrecorded, res.nskipped);
    if (err == TN_ERR_REJECTED && res.problems) {
        snprintf(q->app->why, sizeof q->app->why, "template refused");
        tn_app_change_end(q->app, err, q->user.login, "letter", kind, NULL);
        tn__http_fail(r, 422, "rejected", res.problems, NULL);
        free(buf);
    } else if (tn__http_audited(q, r, "letter", kind, err, summary)) {
        free(buf);
    } else {
        tn__http_bytes(r, "application/pdf", buf, len);
    }
    tn_letter_result_release(&res);
    tn_letterhead_release(&lh);
    json_decref(body);
}

/* ---- the statutory calendar ---- */

void tn__h_calendar_done(struct tn__http_req *q, struct tn__http_reply *r)
{
    json_t *body =
        tn__http_body(q, r, "{\"duty\", \"period\": \"YYYY-MM\" | \"date\"}", "calendar_done");
    if (!body)
        return;
    struct tn_calendar_done_request req = {NULL, -1, -1, -1, q->user.login, NULL};
    const char *per = NULL, *date = NULL, *on = NULL;
    if (json_unpack(body, "{s:s, s?s, s?s, s?s, s?s !}", "duty", &req.duty, "period", &per, "date",
                    &date, "done_on", &on, "note", &req.note) ||
        !per == !date || (per && tn_period_parse(per, &req.period)) ||
        (date && (strlen(date) != 10 || tn_day_parse(date, &req.date))) ||
        (on && (strlen(on) != 10 || tn_day_parse(on, &req.done_on))) || strlen(req.duty) > 60 ||
        (req.note && strlen(req.note) >= 256)) {
        json_decref(body);
        tn__http_fail(r, 400, "malformed",
                      "cần JSON {\"duty\", \"period\": \"YYYY-MM\" hoặc \"date\": \"YYYY-MM-DD\", "
                      "\"done_on\", \"note\"} / expected JSON {\"duty\", \"period\" | \"date\", "
                      "\"done_on\", \"note\" (under 256 bytes)}",
                      NULL);
        return;
    }
    char target[96], summary[160];
    snprintf(target, sizeof target, "%s %s", req.duty, per ? per : date);
    tn_err err = tn_app_authorize(q->app, &q->scope, q->user.login, TN_OP_calendar_done, target);
    if (err) {
        json_decref(body);
        tn__http_error(r, q->app, err);
        return;
    }
    err = tn_app_change_begin(q->app);
    if (!err)
        err = tn_app_calendar_done(q->app, &q->scope, &req);
    snprintf(summary, sizeof summary, "-> done%s%s by %.64s", on ? " on " : "", on ? on : "",
             req.actor);
    if (!tn__http_audited(q, r, "calendar.done", target, err, summary)) {
        char done_on[16];
        if (on)
            snprintf(done_on, sizeof done_on, "%s", on);
        else
            snprintf(done_on, sizeof done_on, "%.10s", q->app->now);
        tn__http_json(r, 200,
                      json_pack("{s:s, s:s, s:s, s:s, s:o}", "duty", req.duty, "occurrence",
                                per ? per : date, "done_on", done_on, "done_by", req.actor, "note",
                                req.note ? json_string(req.note) : json_null()));
    }
    json_decref(body);
}
