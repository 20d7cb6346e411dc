/*
 * case_register.c - the case registers and branches in the store (case_register_store.h;
 * table case_register in schema.sql, design in docs/case-registers.md), and the queries of
 * the `banks` and `tip_rewards` reports.
 */
#include "store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/case_register_store.h"
#include "thuno/mem.h"

/* what case_id's first event says: its unit, opening day and the unit's type now */
struct case_head {
    int found;
    char unit[32], type[16];
    tn_day opened;
};

static tn_err case_head(struct tn__sq *s, const char *case_id, struct case_head *h)
{
    static const char sql[] =
        "SELECT e.unit_code, min(e.date), coalesce((SELECT type FROM unit u WHERE "
        "u.unit_code = e.unit_code AND u.superseded_at IS NULL), '') "
        "FROM case_event e WHERE e.case_id = ?1 AND e.superseded_at IS NULL GROUP BY e.unit_code";
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(s, sql, &st);
    if (err)
        return err;
    tn_sql_bind_text(st, 1, case_id, -1, TN_SQL_STATIC);
    memset(h, 0, sizeof *h);
    if (!(err = tn__store_step_one(s, st, &h->found, "finding a case")) && h->found) {
        TN__COL_COPY(h->unit, st, 0);
        TN__COL_COPY(h->type, st, 2);
        if (tn_day_parse(tn__col_text(st, 1), &h->opened))
            h->opened = 0;
    }
    tn_sql_finalize(st);
    return err;
}

/* the stored row (reg, no) of case_id: its day, amount and asset ref; found 0 when none */
struct ref_row {
    int found;
    char what[24];
    tn_day day;
    tn_money amount;
    long ref;
};

static tn_err ref_row(struct tn__sq *s, const char *case_id, enum tn_case_reg reg, long no,
                      struct ref_row *out)
{
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(s,
                                   "SELECT date, coalesce(amount, -1), coalesce(ref, 0), "
                                   "coalesce(what, '') FROM "
                                   "case_register WHERE case_id = ?1 AND register = ?2 AND no = ?3",
                                   &st);
    if (err)
        return err;
    tn_sql_bind_text(st, 1, case_id, -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 2, tn_case_reg_name(reg), -1, TN_SQL_STATIC);
    tn_sql_bind_int64(st, 3, no);
    memset(out, 0, sizeof *out);
    if (!(err = tn__store_step_one(s, st, &out->found, "reading a register")) && out->found) {
        if (tn_day_parse(tn__col_text(st, 0), &out->day))
            out->day = 0;
        out->amount = tn_sql_column_int64(st, 1);
        out->ref = tn_sql_column_int(st, 2);
        TN__COL_COPY(out->what, st, 3);
    }
    tn_sql_finalize(st);
    return err;
}

/* one number from a query with ?1 = case_id, ?2 = register, ?3 = ref (a query without ?3
 * ignores it: binding a missing parameter only returns SQLITE_RANGE) */
static tn_err scalar(struct tn__sq *s, const char *sql, const char *case_id, const char *reg,
                     long ref, long long *out)
{
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(s, sql, &st);
    if (err)
        return err;
    tn_sql_bind_text(st, 1, case_id, -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 2, reg, -1, TN_SQL_STATIC);
    tn_sql_bind_int64(st, 3, ref);
    int rc = tn_sql_step(st);
    *out = rc == TN_SQL_ROW ? tn_sql_column_int64(st, 0) : 0;
    tn_sql_finalize(st);
    return rc == TN_SQL_ROW ? TN_OK : tn__store_fail(s, "reading a register");
}

/* the asset r refers to (ref) exists and is not dated after r */
static tn_err check_ref(struct tn__sq *s, const struct tn_case_reg_row *r, enum tn_case_reg reg,
                        const char *what, struct ref_row *found, char *why, size_t whysz)
{
    tn_err err = ref_row(s, r->case_id, reg, r->ref, found);
    if (err)
        return err;
    if (!found->found) {
        snprintf(why, whysz, "case %s has no %s %ld", r->case_id, what, r->ref);
        return TN_ERR_NOT_FOUND;
    }
    if (found->day > r->day) {
        char d[TN_DAY_BUFSZ];
        tn_day_format(found->day, d);
        snprintf(why, whysz, "%s %ld is dated %s, after this row", what, r->ref, d);
        return TN_ERR_STATE;
    }
    return TN_OK;
}

/* every rule of tn__sq_case_reg_add() but the case's own existence */
static tn_err check_row(struct tn__sq *s, const struct case_head *h,
                        const struct tn_case_reg_row *r, struct tn_case_reg_row *w, char *why,
                        size_t whysz)
{
    struct ref_row ref;
    tn_err err = TN_OK;
    switch (r->reg) {
    case TN_CASE_REG_VERIFICATION:
        return check_ref(s, r, TN_CASE_REG_ASSET, "asset", &ref, why, whysz);
    case TN_CASE_REG_MEASURE:
        if ((err = check_ref(s, r, TN_CASE_REG_ASSET, "asset", &ref, why, whysz)))
            return err;
        if (!tn_case_measure_fits(ref.what, r->what)) {
            snprintf(why, whysz, "%s does not apply to asset %ld, a %s", r->what, r->ref, ref.what);
            return TN_ERR_CONFLICT;
        }
        return TN_OK;
    case TN_CASE_REG_TIP:
        return r->ref ? check_ref(s, r, TN_CASE_REG_ASSET, "asset", &ref, why, whysz) : TN_OK;
    case TN_CASE_REG_PRIORITY: {
        long order[64];
        size_t n;
        if ((err = tn_case_priority_parse(r->detail, order, 64, &n, why, whysz)))
            return err;
        for (size_t i = 0; i < n; i++) {
            struct tn_case_reg_row one = *r;
            one.ref = order[i];
            if ((err = check_ref(s, &one, TN_CASE_REG_ASSET, "asset", &ref, why, whysz)))
                return err;
        }
        return TN_OK;
    }
    case TN_CASE_REG_BANK_ORDER:
        if (strcmp(r->what, "treasury") == 0 && strcmp(h->type, "state") != 0 &&
            strcmp(h->type, "public") != 0) {
            snprintf(why, whysz,
                     "unit %s is of type %s: only state or public units are deducted through the "
                     "State Treasury (Kho bạc Nhà nước)",
                     h->unit, h->type[0] ? h->type : "unknown");
            return TN_ERR_CONFLICT;
        }
        return TN_OK;
    case TN_CASE_REG_BANK_REPLY: {
        if ((err = check_ref(s, r, TN_CASE_REG_BANK_ORDER, "order", &ref, why, whysz)))
            return err;
        long long done;
        if ((err = scalar(s,
                          "SELECT coalesce(sum(amount), 0) FROM case_register WHERE case_id = ?1 "
                          "AND register = ?2 AND ref = ?3",
                          r->case_id, "bank_reply", r->ref, &done)))
            return err;
        tn_money left = ref.amount - done;
        int takes = strcmp(r->what, "executed") == 0 || strcmp(r->what, "partial") == 0;
        if (!takes && r->amount > 0) {
            snprintf(why, whysz, "a %s reply deducts nothing; give no --amount", r->what);
            return TN_ERR_CONFLICT;
        }
        if (strcmp(r->what, "executed") == 0 && r->amount < 0)
            w->amount = left; /* executed: the rest of the order */
        if (!takes)
            w->amount = 0;
        if (strcmp(r->what, "partial") == 0 && r->amount <= 0) {
            snprintf(why, whysz, "a partial deduction needs --amount above 0");
            return TN_ERR_CONFLICT;
        }
        if (w->amount > left) {
            char a[32], b[32];
            tn_money_format_grouped(w->amount, a);
            tn_money_format_grouped(left, b);
            snprintf(why, whysz, "order %ld has %s left to deduct, not %s", r->ref, b, a);
            return TN_ERR_CONFLICT;
        }
        return TN_OK;
    }
    case TN_CASE_REG_TIP_RESULT: {
        if ((err = check_ref(s, r, TN_CASE_REG_TIP, "tip", &ref, why, whysz)))
            return err;
        long long had;
        if ((err = scalar(s,
                          "SELECT count(*) FROM case_register WHERE case_id = ?1 AND "
                          "register = ?2 AND ref = ?3",
                          r->case_id, "tip_result", r->ref, &had)))
            return err;
        if (had) {
            snprintf(why, whysz, "tip %ld already has its result", r->ref);
            return TN_ERR_CONFLICT;
        }
        return TN_OK;
    }
    default:
        return TN_OK;
    }
}

static tn_err insert(struct tn__sq *s, const struct tn_case_reg_row *r, long no, const char *now)
{
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(
        s,
        "INSERT INTO case_register (case_id, register, no, ref, date, what, amount, flag, "
        "party, detail, note, actor, known_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        &st);
    if (err)
        return err;
    char day[TN_DAY_BUFSZ];
    tn_day_format(r->day, day);
    tn_sql_bind_text(st, 1, r->case_id, -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 2, tn_case_reg_name(r->reg), -1, TN_SQL_STATIC);
    tn_sql_bind_int64(st, 3, no);
    if (r->ref)
        tn_sql_bind_int64(st, 4, r->ref);
    tn_sql_bind_text(st, 5, day, -1, TN_SQL_TRANSIENT);
    tn__bind_text_or_null(st, 6, r->what);
    if (r->amount >= 0)
        tn_sql_bind_int64(st, 7, r->amount);
    if (r->flag >= 0)
        tn_sql_bind_int(st, 8, r->flag);
    tn__bind_text_or_null(st, 9, r->party);
    tn__bind_text_or_null(st, 10, r->detail);
    tn__bind_text_or_null(st, 11, r->note);
    tn__bind_text_or_null(st, 12, r->actor);
    tn_sql_bind_text(st, 13, now, -1, TN_SQL_STATIC);
    int rc = tn_sql_step(st);
    tn_sql_finalize(st);
    return rc == TN_SQL_DONE ? TN_OK : tn__store_fail(s, "adding to a register");
}

tn_err tn__sq_case_reg_add(struct tn__sq *s, const struct tn_case_reg_row *r, const char *now,
                           long *no, char *why, size_t whysz)
{
    tn_err err = tn__sq_begin(s);
    if (err)
        return err;
    struct case_head h;
    struct tn_case_reg_row w = *r;
    if ((err = case_head(s, r->case_id, &h)))
        goto done;
    if (!h.found) {
        snprintf(why, whysz, "no case %s (record its first event with `thuno case record`)",
                 r->case_id);
        err = TN_ERR_NOT_FOUND;
        goto done;
    }
    if (r->day < h.opened) {
        char d[TN_DAY_BUFSZ];
        tn_day_format(h.opened, d);
        snprintf(why, whysz, "case %s opened on %s, after this row's date", r->case_id, d);
        err = TN_ERR_STATE;
        goto done;
    }
    if ((err = check_row(s, &h, r, &w, why, whysz)))
        goto done;
    long long last;
    if ((err = scalar(s,
                      "SELECT coalesce(max(no), 0) FROM case_register WHERE case_id = ?1 AND "
                      "register = ?2",
                      r->case_id, tn_case_reg_name(r->reg), 0, &last)))
        goto done;
    if ((err = insert(s, &w, (long)last + 1, now)))
        goto done;
    if (!(err = tn__sq_commit(s)))
        *no = (long)last + 1;
done:
    if (err)
        tn__sq_rollback(s);
    return err;
}

static tn_err read_reg(struct tn__sq *s, tn_sql_stmt *st, void *elem, const void *arg)
{
    const char *case_id = arg;
    struct tn_case_reg_row *r = elem;
    snprintf(r->case_id, sizeof r->case_id, "%s", case_id);
    if (tn_case_reg_parse(tn__col_text(st, 0), &r->reg) ||
        tn_day_parse(tn__col_text(st, 3), &r->day)) {
        snprintf(s->errmsg, sizeof s->errmsg, "case %s: a register row is malformed", case_id);
        return TN_ERR_STORE;
    }
    r->no = tn_sql_column_int(st, 1);
    r->ref = tn_sql_column_int(st, 2);
    TN__COL_COPY(r->what, st, 4);
    r->amount = tn_sql_column_int64(st, 5);
    r->flag = tn_sql_column_int(st, 6);
    TN__COL_COPY(r->party, st, 7);
    TN__COL_COPY(r->detail, st, 8);
    TN__COL_COPY(r->note, st, 9);
    TN__COL_COPY(r->actor, st, 10);
    TN__COL_COPY(r->known_at, st, 11);
    return TN_OK;
}

tn_err tn__sq_case_regs(struct tn__sq *s, const char *case_id, const char *as_of,
                        struct tn_case_reg_row **rows, size_t *n)
{
    static const char sql[] =
        "SELECT register, no, coalesce(ref, 0), date, coalesce(what, ''), coalesce(amount, -1), "
        "coalesce(flag, -1), party, detail, note, actor, known_at FROM case_register "
        "WHERE case_id = ?1 AND known_at <= ?2 AND (date <= substr(?2, 1, 10) OR "
        "(register = 'hearing' AND what = 'scheduled')) ORDER BY register, no";
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare_at(s, sql, case_id, as_of, &st);
    if (err)
        return err;
    void *got;
    if ((err = tn__store_collect(s, st, sizeof **rows, read_reg, case_id,
                                 "reading a case's registers", &got, n)))
        return err;
    *rows = got;
    return TN_OK;
}

tn_err tn__sq_case_branch_add(struct tn__sq *s, const char *case_id, const char *unit,
                              const char *province, const char *note, const char *now, char *why,
                              size_t whysz)
{
    struct case_head h;
    tn_err err = case_head(s, case_id, &h);
    if (err)
        return err;
    if (!h.found) {
        snprintf(why, whysz, "no case %s", case_id);
        return TN_ERR_NOT_FOUND;
    }
    if (strcmp(h.unit, unit) == 0) {
        snprintf(why, whysz, "%s is the case's own unit, not a branch", unit);
        return TN_ERR_CONFLICT;
    }
    tn_sql_stmt *st;
    if ((err = tn__store_prepare(s,
                                 "INSERT INTO case_branch (case_id, unit_code, province_code, "
                                 "note, known_at) VALUES (?1, ?2, ?3, ?4, ?5) "
                                 "ON CONFLICT DO NOTHING",
                                 &st)))
        return err;
    tn_sql_bind_text(st, 1, case_id, -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 2, unit, -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 3, province, -1, TN_SQL_STATIC);
    tn__bind_text_or_null(st, 4, note);
    tn_sql_bind_text(st, 5, now, -1, TN_SQL_STATIC);
    int rc = tn_sql_step(st);
    tn_sql_finalize(st);
    if (rc != TN_SQL_DONE)
        return tn__store_fail(s, "linking a branch");
    if (tn_sql_changes(s->db) == 0) {
        snprintf(why, whysz, "branch %s is already linked to case %s", unit, case_id);
        return TN_ERR_CONFLICT;
    }
    return TN_OK;
}

/* columns from first on: unit_code, province_code, note, known_at */
static void branch_cols(tn_sql_stmt *st, int first, struct tn_case_branch_row *r)
{
    TN__COL_COPY(r->unit_code, st, first);
    TN__COL_COPY(r->province_code, st, first + 1);
    TN__COL_COPY(r->note, st, first + 2);
    TN__COL_COPY(r->known_at, st, first + 3);
}

static tn_err read_branch(struct tn__sq *s, tn_sql_stmt *st, void *elem, const void *arg)
{
    (void)s, (void)arg;
    branch_cols(st, 0, elem);
    return TN_OK;
}

tn_err tn__sq_case_branches(struct tn__sq *s, const char *case_id, const char *as_of,
                            struct tn_case_branch_row **rows, size_t *n)
{
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare_at(s,
                                      "SELECT unit_code, province_code, coalesce(note, ''), "
                                      "known_at FROM case_branch WHERE case_id = ?1 AND "
                                      "known_at <= ?2 ORDER BY unit_code",
                                      case_id, as_of, &st);
    if (err)
        return err;
    void *got;
    if ((err = tn__store_collect(s, st, sizeof **rows, read_branch, NULL, "reading branches", &got,
                                 n)))
        return err;
    *rows = got;
    return TN_OK;
}

/* ?1 = as_of, ?8 ?9 the office cut: the register rows known and dated by as_of of the cases
 * whose unit (as known then) is of the call's office cut */
#define SEEN                                                                                       \
    "WITH r AS (SELECT * FROM case_register WHERE known_at <= ?1 AND date <= substr(?1, 1, 10)), " \
    "cu AS (SELECT case_id, min(unit_code) unit_code FROM case_event GROUP BY case_id), "          \
    "cs AS (SELECT cu.case_id, cu.unit_code FROM cu WHERE " TN__OFFICE_CUT("cu.unit_code") ") "

/* Prepares a SEEN query with ?1 = as_of (NULL: everything known) and office (the cut: ?8 ?9). */
static tn_err prepare_seen(struct tn__sq *s, const char *sql, const char *office, const char *as_of,
                           tn_sql_stmt **out)
{
    tn_err err = tn__store_prepare(s, sql, out);
    if (err)
        return err;
    tn_sql_bind_text(*out, 1, tn__at(as_of), -1, TN_SQL_STATIC);
    tn__bind_office(*out, office, as_of);
    return TN_OK;
}

tn_err tn__sq_bank_orders(struct tn__sq *s, const char *office, const char *as_of,
                          tn_err (*row)(void *ctx, const struct tn_bank_order_row *r), void *ctx)
{
    static const char sql[] =
        SEEN "SELECT o.what, o.party, o.case_id, o.no, o.date, o.amount, "
             "(SELECT min(date) FROM r p WHERE p.register = 'bank_reply' AND p.case_id = o.case_id "
             "AND p.ref = o.no), "
             "(SELECT p.what FROM r p WHERE p.register = 'bank_reply' AND p.case_id = o.case_id "
             "AND p.ref = o.no ORDER BY p.date DESC, p.no DESC LIMIT 1), "
             "(SELECT coalesce(sum(p.amount), 0) FROM r p WHERE p.register = 'bank_reply' AND "
             "p.case_id = o.case_id AND p.ref = o.no), "
             "(SELECT min(date) FROM r p WHERE p.register = 'bank_reply' AND p.case_id = "
             "o.case_id AND p.ref = o.no AND p.what <> 'delayed') "
             "FROM r o JOIN cs ON cs.case_id = o.case_id WHERE o.register = 'bank_order' "
             "ORDER BY o.what, o.party, o.case_id, o.no";
    tn_sql_stmt *st;
    tn_err err = prepare_seen(s, sql, office, as_of, &st);
    if (err)
        return err;
    while (tn__store_next(s, st, &err, "reading bank orders")) {
        struct tn_bank_order_row r;
        memset(&r, 0, sizeof r);
        TN__COL_COPY(r.channel, st, 0);
        TN__COL_COPY(r.bank, st, 1);
        TN__COL_COPY(r.case_id, st, 2);
        r.no = tn_sql_column_int(st, 3);
        r.amount = tn_sql_column_int64(st, 5);
        r.first_reply = r.first_final = -1;
        TN__COL_COPY(r.last_result, st, 7);
        r.deducted = tn_sql_column_int64(st, 8);
        if (tn_day_parse(tn__col_text(st, 4), &r.ordered) ||
            (tn_sql_column_type(st, 6) != TN_SQL_NULL &&
             tn_day_parse(tn__col_text(st, 6), &r.first_reply)) ||
            (tn_sql_column_type(st, 9) != TN_SQL_NULL &&
             tn_day_parse(tn__col_text(st, 9), &r.first_final))) {
            snprintf(s->errmsg, sizeof s->errmsg, "case %s: order %ld is malformed", r.case_id,
                     r.no);
            err = TN_ERR_STORE;
            break;
        }
        if ((err = row(ctx, &r)))
            break;
    }
    tn_sql_finalize(st);
    return err;
}

tn_err tn__sq_branch_links(struct tn__sq *s, const char *office, const char *as_of,
                           tn_err (*row)(void *ctx, const struct tn_case_branch_link *r), void *ctx)
{
    static const char sql[] =
        SEEN "SELECT b.case_id, cs.unit_code, b.unit_code, b.province_code, coalesce(b.note, ''), "
             "b.known_at FROM case_branch b JOIN cs ON cs.case_id = b.case_id "
             "WHERE b.known_at <= ?1 ORDER BY b.case_id, b.unit_code";
    tn_sql_stmt *st;
    tn_err err = prepare_seen(s, sql, office, as_of, &st);
    if (err)
        return err;
    while (tn__store_next(s, st, &err, "reading branches")) {
        struct tn_case_branch_link r;
        memset(&r, 0, sizeof r);
        TN__COL_COPY(r.case_id, st, 0);
        TN__COL_COPY(r.unit_code, st, 1);
        branch_cols(st, 2, &r.branch);
        if ((err = row(ctx, &r)))
            break;
    }
    tn_sql_finalize(st);
    return err;
}

tn_err tn__sq_tips(struct tn__sq *s, const char *office, const char *as_of,
                   tn_err (*row)(void *ctx, const struct tn_tip_row *r), void *ctx)
{
    static const char sql[] = SEEN
        "SELECT t.case_id, cs.unit_code, t.no, t.date, coalesce(t.party, ''), "
        "coalesce(t.detail, ''), x.date, coalesce(x.amount, 0) FROM r t "
        "JOIN cs ON cs.case_id = t.case_id "
        "LEFT JOIN r x ON x.register = 'tip_result' AND x.case_id = t.case_id AND x.ref = t.no "
        "WHERE t.register = 'tip' ORDER BY t.case_id, t.no";
    tn_sql_stmt *st;
    tn_err err = prepare_seen(s, sql, office, as_of, &st);
    if (err)
        return err;
    while (tn__store_next(s, st, &err, "reading tips")) {
        struct tn_tip_row r;
        memset(&r, 0, sizeof r);
        TN__COL_COPY(r.case_id, st, 0);
        TN__COL_COPY(r.unit_code, st, 1);
        r.no = tn_sql_column_int(st, 2);
        if (tn_day_parse(tn__col_text(st, 3), &r.day))
            r.day = 0;
        TN__COL_COPY(r.informant, st, 4);
        TN__COL_COPY(r.asset, st, 5);
        r.result_day = tn__col_day(st, 6);
        r.recovered = tn_sql_column_int64(st, 7);
        if ((err = row(ctx, &r)))
            break;
    }
    tn_sql_finalize(st);
    return err;
}

tn_err tn__sq_latest_closed(struct tn__sq *s, const char *unit, const char *as_of,
                            tn_period *period)
{
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare_at(
        s, "SELECT max(period) FROM unit_close WHERE unit_code = ?1 AND known_at <= ?2", unit,
        as_of, &st);
    if (err)
        return err;
    int rc = tn_sql_step(st);
    if (rc != TN_SQL_ROW) {
        tn_sql_finalize(st);
        return tn__store_fail(s, "finding a closed balance");
    }
    err = tn_sql_column_type(st, 0) == TN_SQL_NULL       ? TN_ERR_NOT_FOUND
          : tn_period_parse(tn__col_text(st, 0), period) ? TN_ERR_STORE
                                                         : TN_OK;
    if (err == TN_ERR_STORE)
        snprintf(s->errmsg, sizeof s->errmsg, "unit %s: a malformed period in the ledger", unit);
    tn_sql_finalize(st);
    return err;
}
