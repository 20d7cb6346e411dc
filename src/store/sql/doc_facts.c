/*
 * doc_facts.c - the facts of a case's documents (doc_store.h, docs/documents.md): the case
 * replayed as known at as_of, its unit as registered then, the payments tied to it, the
 * ledger behind a claim and the pensioner register.
 *
 * The claim's ledger: every period closed up to the last one not after the document's month,
 * each as the version known at as_of. Payments go to the oldest period first and, inside a
 * period, to the groups in the allocation order (policy/allocation.csv; src/core/ledger.c), so
 * the principal due is attributed to the periods newest first, and inside the one period
 * partly paid to the groups last paid first: that gives the principal due per group.
 */
#include "store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/doc_store.h"
#include "thuno/mem.h"
#include "unpaid_periods.h"

/* ?2 = as_of; the version of each key known then */
#define KNOWN TN__KNOWN_AT("?2")

/* ?1 unit, ?2 as_of, ?3 last period */
#define CUR                                                                                        \
    "WITH cur AS (SELECT period, max(id) AS id FROM unit_close WHERE unit_code = ?1 AND "          \
    "known_at <= ?2 AND period <= ?3 GROUP BY period) "

void tn_doc_source_init(struct tn_doc_source *src)
{
    memset(src, 0, sizeof *src);
}

void tn_doc_source_release(struct tn_doc_source *src)
{
    free(src->events);
    free(src->steps);
    free(src->notes);
    free(src->payments);
    free(src->periods);
    free(src->interest);
    tn_doc_source_init(src);
}

static void copy(char *dst, size_t dstsz, const char *src)
{
    snprintf(dst, dstsz, "%s", src);
}

static tn_err read_periods(struct tn__sq *s, tn_sql_stmt *st, struct tn_doc_ledger *out,
                           struct tn_doc_period **periods, size_t *n, int64_t *last_id)
{
    size_t cap = 0;
    int rc;
    while ((rc = tn_sql_step(st)) == TN_SQL_ROW) {
        TN_GROW(*periods, cap, *n + 1);
        struct tn_doc_period *p = &(*periods)[(*n)++];
        memset(p, 0, sizeof *p);
        if (tn_period_parse(tn__col_text(st, 0), &p->period))
            p->period = -1;
        p->charge = tn_sql_column_int64(st, 1);
        p->interest = tn_sql_column_int64(st, 2);
        p->paid = tn_sql_column_int64(st, 3);
        p->closing = tn_sql_column_int64(st, 4);
        p->charge_g[TN_G_BHYT] = tn_sql_column_int64(st, 11);
        p->charge_g[TN_G_BHTN] = tn_sql_column_int64(st, 12);
        p->charge_g[TN_G_BHXH] = tn_sql_column_int64(st, 13);
        p->deadline = -1; /* policy: the app fills it (app_doc.c) */
        /* the last row read is the claim's period */
        out->found = 1;
        out->period = p->period;
        *last_id = tn_sql_column_int64(st, 14);
        TN__COL_COPY(out->known_at, st, 5);
        out->principal_due = tn_sql_column_int64(st, 6);
        out->interest_due = tn_sql_column_int64(st, 7);
        if (tn_period_parse(tn__col_text(st, 8), &out->oldest_unpaid))
            out->oldest_unpaid = -1;
        out->months_owed_tenths = tn_sql_column_int(st, 9);
        TN__COL_COPY(out->legal_status, st, 10);
        out->principal_overdue = tn_sql_column_int64(st, 15);
    }
    return rc == TN_SQL_DONE ? TN_OK : tn__store_fail(s, "reading the ledger");
}

static void bind_ledger(tn_sql_stmt *st, const char *unit, const char *as_of, const char *per)
{
    tn_sql_bind_text(st, 1, unit, -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 2, as_of, -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 3, per, -1, TN_SQL_STATIC);
}

static tn_err read_interest(struct tn__sq *s, const char *unit, const char *as_of, const char *per,
                            struct tn_doc_interest **lines, size_t *n)
{
    static const char sql[] =
        CUR "SELECT cur.period, i.grp, i.rule, i.status, coalesce(i.accrual_month, ''), "
            "coalesce(i.from_day, ''), coalesce(i.to_day, ''), i.days, i.principal, i.rate_ppm, "
            "i.amount, i.source FROM cur JOIN interest_line i ON i.close_id = cur.id "
            "ORDER BY cur.period, i.seq";
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(s, sql, &st);
    if (err)
        return err;
    bind_ledger(st, unit, as_of, per);
    size_t cap = 0;
    int rc;
    while ((rc = tn_sql_step(st)) == TN_SQL_ROW) {
        TN_GROW(*lines, cap, *n + 1);
        struct tn_doc_interest *it = &(*lines)[(*n)++];
        memset(it, 0, sizeof *it);
        if (tn_period_parse(tn__col_text(st, 0), &it->period))
            it->period = -1;
        TN__COL_COPY(it->group, st, 1);
        TN__COL_COPY(it->rule, st, 2);
        TN__COL_COPY(it->status, st, 3);
        if (tn_period_parse(tn__col_text(st, 4), &it->accrual_month))
            it->accrual_month = -1;
        TN__COL_COPY(it->from, st, 5);
        TN__COL_COPY(it->to, st, 6);
        it->days = tn_sql_column_int(st, 7);
        it->principal = tn_sql_column_int64(st, 8);
        it->rate = (tn_ppm)tn_sql_column_int(st, 9);
        it->amount = tn_sql_column_int64(st, 10);
        TN__COL_COPY(it->source, st, 11);
    }
    tn_sql_finalize(st);
    return rc == TN_SQL_DONE ? TN_OK : tn__store_fail(s, "reading interest lines");
}

tn_err tn__sq_doc_ledger(struct tn__sq *s, const char *unit_code, tn_period max_period,
                         const char *as_of, const enum tn_group order[TN_G_COUNT],
                         struct tn_doc_ledger *out, struct tn_doc_period **periods,
                         struct tn_doc_interest **interest)
{
    static const char per_sql[] = CUR
        "SELECT cur.period, u.charge_bhyt + u.charge_bhtn + u.charge_bhxh, u.interest, u.paid, "
        "u.closing, u.known_at, u.principal_due, u.interest_due, coalesce(u.oldest_unpaid, ''), "
        "coalesce(u.months_owed_tenths, 0), u.legal_status, u.charge_bhyt, u.charge_bhtn, "
        "u.charge_bhxh, u.id, " TN__OVERDUE("u") " FROM cur JOIN unit_close u ON u.id "
                                                 "= cur.id ORDER BY cur.period";
    struct tn_doc_ledger l;
    memset(&l, 0, sizeof l);
    l.period = -1;
    l.oldest_unpaid = -1;
    struct tn_doc_period *per = NULL;
    struct tn_doc_interest *lines = NULL;
    size_t nper = 0, nlines = 0;
    int64_t last_id = 0;
    struct tn__unpaid_set set = {0};
    (void)order; /* the close's unpaid_line carries the allocation's order */
    char pbuf[TN_PERIOD_BUFSZ];
    tn_err err = tn_period_format(max_period, pbuf) ? TN_ERR_RANGE : TN_OK;
    tn_sql_stmt *st;
    if (!err && !(err = tn__store_prepare(s, per_sql, &st))) {
        bind_ledger(st, unit_code, as_of, pbuf);
        err = read_periods(s, st, &l, &per, &nper, &last_id);
        tn_sql_finalize(st);
    }
    if (!err && l.found)
        err = read_interest(s, unit_code, as_of, pbuf, &lines, &nlines);
    /* what of each period and group is unpaid, as the ledger's allocation left it */
    if (!err && l.found)
        err = tn__sq_unpaid_periods(s, unit_code, last_id, l.principal_due, pbuf, as_of, &set);
    if (err) {
        free(per);
        free(lines);
        tn__unpaid_set_release(&set);
        return err;
    }
    struct tn_debt debt; /* the past-due principal, capped as every report caps it */
    tn_aging_debt(l.principal_overdue, l.principal_due, l.interest_due, &debt);
    l.principal_overdue = debt.principal;
    size_t k = 0;
    for (size_t i = 0; i < nper; i++)
        per[i].unpaid = 0;
    for (size_t j = 0; j < set.n; j++) {
        const struct tn_art216_period *u = &set.p[j];
        while (k < nper && per[k].period < u->period)
            k++;
        for (int g = 0; g < TN_G_COUNT; g++) {
            /* an opening balance's period has no row: its principal is in the groups' due */
            if (k < nper && per[k].period == u->period)
                per[k].unpaid += u->unpaid[g];
            *(g == TN_G_BHYT   ? &l.due_bhyt
              : g == TN_G_BHTN ? &l.due_bhtn
                               : &l.due_bhxh) += u->unpaid[g];
        }
    }
    tn__unpaid_set_release(&set);
    l.periods = per;
    l.nperiods = nper;
    l.interest = lines;
    l.ninterest = nlines;
    *out = l;
    *periods = per;
    *interest = lines;
    return TN_OK;
}

static tn_err read_unit(struct tn__sq *s, struct tn_doc_source *src)
{
    static const char sql[] =
        "SELECT name, tax_code, type, coalesce(address, ''), coalesce(office_code, ''), "
        "payment_cycle FROM unit "
        "WHERE unit_code = ?1 AND " KNOWN " ORDER BY version DESC LIMIT 1";
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(s, sql, &st);
    if (err)
        return err;
    tn_sql_bind_text(st, 1, src->unit_code, -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 2, src->as_of, -1, TN_SQL_STATIC);
    int rc = tn_sql_step(st);
    if (rc == TN_SQL_ROW) {
        src->facts.unit_found = 1;
        TN__COL_COPY(src->unit_name, st, 0);
        TN__COL_COPY(src->tax_code, st, 1);
        TN__COL_COPY(src->unit_type, st, 2);
        TN__COL_COPY(src->address, st, 3);
        TN__COL_COPY(src->office_code, st, 4);
        src->payment_cycle = tn_sql_column_int(st, 5);
    }
    tn_sql_finalize(st);
    return rc == TN_SQL_ROW || rc == TN_SQL_DONE ? TN_OK : tn__store_fail(s, "reading the unit");
}

tn_err tn__sq_doc_source(struct tn__sq *s, const char *case_id, const char *as_of,
                         const char *ledger_as_of, tn_day date,
                         const enum tn_group order[TN_G_COUNT], struct tn_doc_source *src)
{
    copy(src->case_id, sizeof src->case_id, case_id);
    copy(src->as_of, sizeof src->as_of, as_of);
    copy(src->ledger_as_of, sizeof src->ledger_as_of, ledger_as_of);
    struct tn_doc_facts *f = &src->facts;
    tn_err err = tn__sq_case_events(s, case_id, as_of, &src->events, &src->nevents);
    if (err)
        return err;
    if (!src->nevents)
        return TN_ERR_NOT_FOUND;
    copy(src->unit_code, sizeof src->unit_code, src->events[0].unit_code);
    tn_case_init(&src->c);
    src->replay_failed =
        tn_case_replay(&src->c, src->events, src->nevents, src->why, sizeof src->why) != TN_OK;
    size_t n = (size_t)src->c.events; /* the steps that replayed */
    src->steps = tn_xmalloc((n + 1) * sizeof *src->steps);
    src->notes = tn_xmalloc((n + 1) * sizeof *src->notes);
    for (size_t i = 0; i < n; i++) {
        src->steps[i] = src->events[i].step;
        src->steps[i].office = src->events[i].office;
        src->notes[i] = src->events[i].note;
    }
    struct tn_case_payment_row *pay = NULL;
    size_t npay = 0;
    if ((err = tn__sq_case_payments(s, case_id, as_of, &pay, &npay)))
        return err;
    src->payments = tn_xmalloc((npay + 1) * sizeof *src->payments);
    for (size_t i = 0; i < npay; i++) {
        src->payments[i] = (struct tn_doc_payment){pay[i].paid_on, pay[i].amount, ""};
        copy(src->payments[i].channel, sizeof src->payments[i].channel, pay[i].channel);
    }
    free(pay);
    if ((err = read_unit(s, src)))
        return err;
    if ((err = tn__sq_doc_ledger(s, src->unit_code, tn_day_period(date), ledger_as_of, order,
                                 &f->ledger, &src->periods, &src->interest)))
        return err;
    if ((err = tn__sq_pensioner(s, case_id, as_of, &f->pensioner)))
        return err;
    f->case_id = src->case_id;
    f->date = date;
    f->as_of = src->as_of;
    f->ledger_as_of = src->ledger_as_of;
    f->unit_code = src->unit_code;
    f->unit_name = src->unit_name;
    f->tax_code = src->tax_code;
    f->unit_type = src->unit_type;
    f->address = src->address;
    f->office_code = src->office_code;
    f->c = &src->c;
    f->steps = src->steps;
    f->notes = src->notes;
    f->nsteps = n;
    f->payments = src->payments;
    f->npayments = npay;
    return TN_OK;
}

tn_err tn__sq_pensioner(struct tn__sq *s, const char *case_id, const char *as_of,
                        struct tn_doc_pensioner *out)
{
    static const char sql[] =
        "SELECT name, bhxh_code, pay_day, coalesce(paid_at, ''), coalesce(note, ''), known_at "
        "FROM case_pensioner WHERE case_id = ?1 AND " KNOWN " ORDER BY version DESC LIMIT 1";
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare_at(s, sql, case_id, as_of, &st);
    if (err)
        return err;
    struct tn_doc_pensioner p;
    memset(&p, 0, sizeof p);
    int rc = tn_sql_step(st);
    if (rc == TN_SQL_ROW) {
        p.found = 1;
        TN__COL_COPY(p.name, st, 0);
        TN__COL_COPY(p.bhxh_code, st, 1);
        p.pay_day = tn_sql_column_int(st, 2);
        TN__COL_COPY(p.paid_at, st, 3);
        TN__COL_COPY(p.note, st, 4);
        TN__COL_COPY(p.known_at, st, 5);
    }
    tn_sql_finalize(st);
    if (rc != TN_SQL_ROW && rc != TN_SQL_DONE)
        return tn__store_fail(s, "reading the pensioner");
    *out = p;
    return TN_OK;
}

tn_err tn__sq_pensioner_record(struct tn__sq *s, const char *case_id,
                               const struct tn_doc_pensioner *p, const char *actor, const char *now)
{
    if (p->pay_day < 1 || p->pay_day > 31 || !p->name[0] || !p->bhxh_code[0])
        return TN_ERR_RANGE;
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(s, "SELECT 1 FROM case_event WHERE case_id = ?1 LIMIT 1", &st);
    if (err)
        return err;
    tn_sql_bind_text(st, 1, case_id, -1, TN_SQL_STATIC);
    int rc = tn_sql_step(st);
    tn_sql_finalize(st);
    if (rc == TN_SQL_DONE) {
        snprintf(s->errmsg, sizeof s->errmsg, "no case %s", case_id);
        return TN_ERR_NOT_FOUND;
    }
    if (rc != TN_SQL_ROW)
        return tn__store_fail(s, "reading the case");
    if ((err = tn__sq_begin(s)))
        return err;
    static const char sup[] = "UPDATE case_pensioner SET superseded_at = ?2 WHERE case_id = ?1 "
                              "AND superseded_at IS NULL";
    static const char ins[] =
        "INSERT INTO case_pensioner (case_id, version, known_at, name, bhxh_code, pay_day, "
        "paid_at, note, actor) SELECT ?1, coalesce(max(version), 0) + 1, ?2, ?3, ?4, ?5, ?6, ?7, "
        "?8 FROM case_pensioner WHERE case_id = ?1";
    for (int k = 0; k < 2 && !err; k++) {
        if ((err = tn__store_prepare(s, k ? ins : sup, &st)))
            break;
        tn_sql_bind_text(st, 1, case_id, -1, TN_SQL_STATIC);
        tn_sql_bind_text(st, 2, now, -1, TN_SQL_STATIC);
        if (k) {
            tn_sql_bind_text(st, 3, p->name, -1, TN_SQL_STATIC);
            tn_sql_bind_text(st, 4, p->bhxh_code, -1, TN_SQL_STATIC);
            tn_sql_bind_int(st, 5, p->pay_day);
            tn__bind_text_or_null(st, 6, p->paid_at);
            tn__bind_text_or_null(st, 7, p->note);
            tn__bind_text_or_null(st, 8, actor);
        }
        if (tn_sql_step(st) != TN_SQL_DONE)
            err = tn__store_fail(s, "recording the pensioner");
        tn_sql_finalize(st);
    }
    if (err) {
        tn__sq_rollback(s);
        return err;
    }
    return tn__sq_commit(s);
}
