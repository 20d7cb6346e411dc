/*
 * app_doc.c - a case's documents filled from its facts (fine proposal, deduction request,
 * lawsuit petition, enforcement request, pensioner notice), the checklist of which document
 * each stage produces and what it still lacks, and the register of pensioner judgment debtors
 * (docs/documents.md; app.h "documents"). The facts come from the store
 * (tn_store_doc_source), the document and its checks from core (doc.h); the faces write it.
 */
#include "app_int.h"
#include "thuno/app.h"

#include <string.h>

#include "thuno/doc_out.h"
#include "thuno/doc_store.h"
#include "thuno/policy.h"
#include "thuno/store.h"

/* The end of day d, or as_of when that is earlier: what was known on the document's date. */
static void known_on(const char *as_of, tn_day d, char out[static 20])
{
    char day[TN_DAY_BUFSZ];
    tn_day_format(d, day);
    snprintf(out, 20, "%sT23:59:59", day);
    if (strcmp(out, as_of) > 0)
        snprintf(out, 20, "%s", as_of);
}

/* Gathers the case as known at req->as_of (default now), for a document dated req->date
 * (default the day of as_of; a petition already filed is reprinted with its filing day). The
 * ledger is read as known at the end of that date (never after as_of): the claim at filing. */
static tn_err gather(struct tn_app *app, const struct tn_doc_request *req, enum tn_case_event stage,
                     struct tn_doc_source *src)
{
    char as_of[20], ledger_at[20];
    tn_day date = req->date;
    snprintf(as_of, sizeof as_of, "%s", req->as_of ? req->as_of : app->now);
    if (date < 0) {
        char d[TN_DAY_BUFSZ];
        snprintf(d, sizeof d, "%.10s", as_of);
        (void)tn_day_parse(d, &date);
    }
    const struct tn_allocation_rule *rule;
    tn_err err = TN_OK;
    for (int pass = 0; pass < 2; pass++) {
        char day[TN_DAY_BUFSZ];
        if ((err = tn_policy_allocation(app->policy, date, &rule))) {
            tn_day_format(date, day);
            return tn__app_fail(app, err,
                                "no allocation rule in force on %s (policy/allocation.csv)", day);
        }
        known_on(as_of, date, ledger_at);
        tn_doc_source_release(src);
        err =
            tn_store_doc_source(app->store, req->case_id, as_of, ledger_at, date, rule->order, src);
        if (err || req->date >= 0 || stage != TN_CASE_EV_LAWSUIT_FILED)
            break;
        tn_day filed = -1;
        for (size_t i = 0; i < src->facts.nsteps; i++)
            if (src->facts.steps[i].event == stage)
                filed = src->facts.steps[i].day;
        if (filed < 0 || filed == date)
            break;
        date = filed;
    }
    if (err == TN_ERR_NOT_FOUND)
        return tn__app_fail(app, err, "no case %s as of %s", req->case_id, as_of);
    if (err == TN_ERR_STORE)
        return tn__app_fail(app, err, "%s", tn_store_errmsg(app->store));
    if (err)
        return err;
    if (src->replay_failed)
        return tn__app_fail(app, TN_ERR_REJECTED,
                            "refused: the history of case %s does not replay: %s", req->case_id,
                            src->why);
    /* each period's deadline (Law 41 Art 34.4; Law 58 era: Decision 595 Art 7), for the
     * documents that say which periods are past it (docs/documents.md "Debt claimed") */
    for (size_t i = 0; i < src->facts.ledger.nperiods; i++)
        if (tn_policy_deadline(app->policy, TN_G_BHXH, src->payment_cycle, src->periods[i].period,
                               &src->periods[i].deadline, NULL))
            src->periods[i].deadline = -1;
    src->facts.fines = app->policy->fines;
    src->facts.nfines = app->policy->nfines;
    src->facts.issuer = req->issuer ? req->issuer : "";
    src->facts.place = req->place ? req->place : "";
    src->facts.authority = req->authority;
    src->facts.signer = req->signer;
    src->facts.to = req->to ? req->to : "";
    return TN_OK;
}

tn_err tn_app_doc(struct tn_app *app, const struct tn_scope *scope, enum tn_doc_kind kind,
                  const struct tn_doc_request *req, struct tn_doc *out, char created[static 20])
{
    app->why[0] = '\0';
    struct tn_scope sc;
    tn_err err = tn__app_scope(app, scope, &sc);
    if (err)
        return err;
    scope = &sc;
    if (!req->issuer || !req->issuer[0]) /* never "BẢO HIỂM XÃ HỘI TỈNH" alone */
        return tn__app_fail(app, TN_ERR_USAGE,
                            "%s %s needs its issuing office (--issuer, or the office settings' "
                            "office: docs/letters.md)",
                            tn_doc_kind_name(kind), req->case_id);
    struct tn_doc_source src;
    tn_doc_source_init(&src);
    err = gather(app, req, tn_doc_kind_stage(kind), &src);
    if (!err)
        err = tn__app_unit_in_scope(app, scope, src.unit_code, src.as_of);
    if (!err) {
        char why[512];
        if (tn_doc_build(kind, &src.facts, out, why, sizeof why))
            err = tn__app_fail(app, TN_ERR_REJECTED, "refused: %s %s: %s", tn_doc_kind_name(kind),
                               req->case_id, why);
        else
            snprintf(created, 20, "%s", src.as_of);
    }
    tn_doc_source_release(&src);
    return err;
}

tn_err tn_app_doc_write(const struct tn_doc *d, enum tn_doc_format format, const char *created,
                        FILE *out)
{
    return format == TN_DOC_FORMAT_PDF ? tn_doc_write_pdf(out, d, created)
                                       : tn_doc_write_text(out, d);
}

/* The checklist's line for document k: the same facts as tn_app_doc gathers (the same date:
 * a petition already filed is reprinted with its filing day) and the same validation,
 * tn_doc_build itself, so the checklist and the document never disagree. */
static tn_err check_kind(struct tn_app *app, const struct tn_doc_request *req, enum tn_doc_kind k,
                         struct tn_doc_checklist_line *l)
{
    struct tn_doc_source src;
    tn_doc_source_init(&src);
    tn_err err = gather(app, req, tn_doc_kind_stage(k), &src);
    if (!err) {
        struct tn_doc d;
        tn_doc_init(&d);
        l->kind = k;
        l->why[0] = '\0';
        tn_doc_check(k, &src.facts, &l->check);
        l->built = tn_doc_build(k, &src.facts, &d, l->why, sizeof l->why) == TN_OK;
        tn_doc_release(&d);
    }
    tn_doc_source_release(&src);
    return err;
}

tn_err tn_app_doc_checklist(struct tn_app *app, const struct tn_scope *scope,
                            const struct tn_doc_request *req, struct tn_doc_checklist *out)
{
    app->why[0] = '\0';
    struct tn_scope sc;
    tn_err err = tn__app_scope(app, scope, &sc);
    if (err)
        return err;
    scope = &sc;
    struct tn_doc_source src;
    tn_doc_source_init(&src);
    err = gather(app, req, TN_CASE_EV_COUNT, &src);
    if (!err)
        err = tn__app_unit_in_scope(app, scope, src.unit_code, src.as_of);
    if (!err) {
        snprintf(out->unit_code, sizeof out->unit_code, "%s", src.unit_code);
        snprintf(out->as_of, sizeof out->as_of, "%s", src.as_of);
        out->state = src.c.state;
        out->date = src.facts.date;
    }
    tn_doc_source_release(&src);
    for (int k = 0; k < TN_DOC_COUNT && !err; k++)
        err = check_kind(app, req, (enum tn_doc_kind)k, &out->lines[k]);
    return err;
}

tn_err tn_app_case_pensioner(struct tn_app *app, const struct tn_scope *scope, const char *case_id,
                             const struct tn_doc_pensioner *p, const char *actor)
{
    (void)scope;
    app->why[0] = '\0';
    tn_err err = tn_store_pensioner_record(app->store, case_id, p, actor, app->now);
    if (err)
        return tn__app_fail(app, err, "%s", tn_store_errmsg(app->store));
    return TN_OK;
}
