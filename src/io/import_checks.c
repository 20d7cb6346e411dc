/*
 * import_checks.c - the checks of an import beyond each cell's own (import_int.h): the
 * references of a row's cells, the rules that tie the cells of a row together, one function
 * per kind of file (row_checks), and what can only be checked once the whole file is read: the
 * parents named by units, and each case replayed through the state machine (case.h).
 */
#include "io/import_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/import_keys.h"
#include "io/import_rules.h"
#include "thuno/store_import.h"
#include "thuno/case_store.h"
#include "thuno/mem.h"
#include "thuno/operations_store.h"
#include "thuno/period.h"
#include "thuno/store.h"

/* Is value a current row of the referenced table? Looked up once per distinct value. */
static tn_err known(struct tn__import_run *x, struct tn__import_refcache *rc, const char *value,
                    int *found)
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
tn_err tn__import_check_refs(struct tn__import_run *x)
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
            x->pending[x->npending++] = (struct tn__import_pending){x->line, sl->key};
        } else {
            tn__import_add_error(x, col->name, TN_ERR_NOT_FOUND,
                                 "unknown %s (got \"%.*s\", expected %s)", col->ref_name,
                                 TN__IMPORT_CLIP(v), col->ref_what);
        }
    }
    return TN_OK;
}

/* declarations.csv: salary goes with increase and adjust, never with decrease. */
static tn_err check_declaration(struct tn__import_run *x)
{
    int decrease = strcmp(x->cells[x->col_kind], "decrease") == 0;
    const char *salary = x->cells[x->col_salary];
    if (decrease && *salary)
        tn__import_add_error(x, "salary", TN_ERR_PARSE,
                             "salary given for a decrease (got \"%.*s\", expected an empty cell)",
                             TN__IMPORT_CLIP(salary));
    else if (!decrease && !*salary)
        tn__import_add_error(
            x, "salary", TN_ERR_PARSE,
            "required cell is empty for an %s (expected a whole number of đồng, digits "
            "only)",
            x->cells[x->col_kind]);
    return TN_OK;
}

/* units.csv: a unit is not its own parent (other parents: tn__import_check_refs). */
static tn_err check_unit(struct tn__import_run *x)
{
    int c = x->col_parent;
    if (*x->cells[c] && strcmp(x->cells[c], x->cells[0]) == 0)
        tn__import_add_error(
            x, "parent_code", TN_ERR_PARSE,
            "a unit cannot be its own parent (got \"%.*s\", expected another unit_code)",
            TN__IMPORT_CLIP(x->cells[c]));
    return TN_OK;
}

/* What has happened is dated on or before the import's day: an event or a payment dated later
 * is refused (docs/cases.md "Known when"), as `thuno case record` refuses it. */
static void not_after_today(struct tn__import_run *x, const char *column)
{
    int c = tn__import_col(x->rules, column);
    if (x->okcell[c] && strcmp(x->cells[c], x->today) > 0)
        tn__import_add_error(x, column, TN_ERR_RANGE,
                             "ngày sau ngày nhập / dated after the import's day (got \"%s\", "
                             "expected %s or earlier: what has not happened yet is not recorded)",
                             x->cells[c], x->today);
}

/* payments.csv: a reversal names an earlier payment (of the file or the store) that is not
 * itself a reversal, and carries its amount. */
static tn_err check_payment(struct tn__import_run *x)
{
    not_after_today(x, "paid_on"); /* money is not received before the day it is paid */
    const char *rev = x->cells[x->col_reverses];
    if (!*rev)
        return TN_OK;
    if (strcmp(rev, x->cells[0]) == 0) {
        tn__import_add_error(
            x, "reverses", TN_ERR_PARSE,
            "a payment cannot reverse itself (got \"%.*s\", expected an earlier txn_id)",
            TN__IMPORT_CLIP(rev));
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
        tn__import_add_error(
            x, "reverses", TN_ERR_NOT_FOUND,
            "unknown payment (got \"%.*s\", expected the txn_id of an earlier payment)",
            TN__IMPORT_CLIP(rev));
    else if (is_rev)
        tn__import_add_error(
            x, "reverses", TN_ERR_PARSE,
            "cannot reverse a reversal (got \"%.*s\", expected the txn_id of a payment)",
            TN__IMPORT_CLIP(rev));
    else if (amount != mine)
        tn__import_add_error(
            x, "amount", TN_ERR_PARSE,
            "a reversal carries the amount it reverses (got \"%lld\", expected %lld as in "
            "%.*s)",
            (long long)mine, (long long)amount, TN__IMPORT_CLIP(rev));
    return TN_OK;
}

/* case_events.csv and case_plans.csv: numbered from 1; an outcome only where the event takes
 * one; the case is replayed whole once the file is read (tn__import_check_cases). */
static tn_err check_case_row(struct tn__import_run *x)
{
    if (x->vals[1].num < 1)
        tn__import_add_error(x, "seq", TN_ERR_PARSE, "bad number (got \"%s\", expected 1, 2, ...)",
                             x->cells[1]);
    if (x->kind == TN_IMPORT_CASE_EVENTS) {
        not_after_today(x, "date"); /* a plan's instalments (case_plans) fall due later */
        enum tn_case_event e;
        enum tn_case_outcome o;
        int col = tn__import_col(x->rules, "outcome");
        if (!tn_case_event_parse(x->cells[tn__import_col(x->rules, "event")], &e) &&
            tn_case_outcome_parse(e, x->cells[col], &o))
            tn__import_add_error(x, "outcome", TN_ERR_PARSE,
                                 "outcome does not go with the event (got \"%.*s\", expected %s)",
                                 TN__IMPORT_CLIP(x->cells[col]),
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
static tn_err check_inspection(struct tn__import_run *x)
{
    int on = tn__import_col(x->rules, "concluded_on"), by = tn__import_col(x->rules, "remedy_by");
    if (x->okcell[on] && x->okcell[by] && strcmp(x->cells[by], x->cells[on]) < 0)
        tn__import_add_error(x, "remedy_by", TN_ERR_PARSE,
                             "deadline before the conclusion (got \"%s\", expected %s or later)",
                             x->cells[by], x->cells[on]);
    return TN_OK;
}

/* assignments.csv: the officer is active, the dates go forward (operations.h). Rows of one
 * unit are written as they are read, so a file lists each unit's assignments in date order. */
static tn_err check_assignment(struct tn__import_run *x)
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
        tn__import_add_error(x, "officer_code", TN_ERR_CONFLICT, "%s (got \"%.*s\", expected %s)",
                             tn_assign_problem_text(p), TN__IMPORT_CLIP(x->cells[2]),
                             p == TN_ASSIGN_INACTIVE ? "an officer with active = 1"
                                                     : "another officer than the one in charge");
    } else if (p == TN_ASSIGN_BEFORE_REGISTERED || p == TN_ASSIGN_BEFORE_LATEST) {
        tn_day_format(p == TN_ASSIGN_BEFORE_LATEST ? f.latest_from : f.registered_on, day);
        tn__import_add_error(x, "from_date", TN_ERR_CONFLICT,
                             "%s (got \"%.*s\", expected a date on or after %s)",
                             tn_assign_problem_text(p), TN__IMPORT_CLIP(x->cells[1]), day);
    }
    return TN_OK;
}

/* collection_plans.csv: scope_code is what the scope names, checked like that column of
 * units.csv or officers.csv; an officer must exist. */
static tn_err check_plan(struct tn__import_run *x)
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
        tn__import_add_error(x, "scope_code", TN_ERR_PARSE, "%s for scope %s", msg, like[i].scope);
        return TN_OK;
    }
    if (strcmp(like[i].scope, "officer") != 0)
        return TN_OK;
    int found, active;
    tn_err err = tn_store_officer_status(x->s, x->cells[2], &found, &active);
    if (!err && !found)
        tn__import_add_error(x, "scope_code", TN_ERR_NOT_FOUND,
                             "unknown officer (got \"%.*s\", expected an officer of officers.csv)",
                             TN__IMPORT_CLIP(x->cells[2]));
    return err;
}

/* clang-format off */
static tn_err (*const row_checks[TN_IMPORT_COUNT])(struct tn__import_run *x) = {
    [TN_IMPORT_ASSIGNMENTS] = check_assignment,
    [TN_IMPORT_COLLECTION_PLANS] = check_plan,
    [TN_IMPORT_CASE_EVENTS] = check_case_row,
    [TN_IMPORT_CASE_PLANS] = check_case_row,
    [TN_IMPORT_UNITS] = check_unit,
    [TN_IMPORT_DECLARATIONS] = check_declaration,
    [TN_IMPORT_PAYMENTS] = check_payment,
    [TN_IMPORT_INSPECTIONS] = check_inspection,
    [TN_IMPORT_OPENING_BALANCES] = tn__import_check_opening,
};
/* clang-format on */

tn_err tn__import_check_row(struct tn__import_run *x)
{
    return row_checks[x->kind] ? row_checks[x->kind](x) : TN_OK;
}

/* Parents named by units of this file must be units of this file or of the store. */
void tn__import_check_pending(struct tn__import_run *x)
{
    for (size_t i = 0; i < x->npending; i++) {
        const struct tn__import_pending *p = &x->pending[i];
        if (tn__keyset_find(&x->keys, p->code, strlen(p->code)))
            continue;
        x->line = p->line;
        tn__import_add_error(
            x, "parent_code", TN_ERR_NOT_FOUND,
            "unknown parent unit (got \"%.*s\", expected a unit of this file or already "
            "imported)",
            TN__IMPORT_CLIP(p->code));
    }
}

/* The line of the file's row for (case_id, seq), or the case's first line when the row is
 * a stored one. */
static long case_line(struct tn__import_run *x, const char *case_id, long seq, long first)
{
    char key[128];
    int n = snprintf(key, sizeof key, "%s%c%ld", case_id, TN__IMPORT_KEY_SEP, seq);
    const struct tn__keyval *kv =
        n > 0 && (size_t)n < sizeof key ? tn__keyset_find(&x->keys, key, (size_t)n) : NULL;
    return kv ? kv->line : first;
}

/* Replays each case the file touched, with its stored events, through the state machine
 * (case.h); checks a plan's instalments (plan.h). The file's rows are already written inside
 * the transaction, so the store shows the case as it would be after the import. */
tn_err tn__import_check_cases(struct tn__import_run *x)
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
                tn__import_add_error(
                    x, "due_on", TN_ERR_PARSE,
                    "instalments of case %.*s are not in date order (expected each due_on "
                    "after the one before, in seq order)",
                    TN__IMPORT_CLIP(id));
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
                tn__import_add_error(
                    x, "seq", TN_ERR_PARSE,
                    "case %.*s has no event %zu (got %ld next, expected events numbered "
                    "1, 2, ... without gaps)",
                    TN__IMPORT_CLIP(id), k + 1, rows[k].seq);
                break;
            }
            if (strcmp(rows[k].unit_code, rows[0].unit_code) != 0) {
                tn__import_add_error(
                    x, "unit_code", TN_ERR_CONFLICT,
                    "a case belongs to one unit (got \"%s\", expected \"%s\" as in event "
                    "1; link branches instead)",
                    rows[k].unit_code, rows[0].unit_code);
                break;
            }
            if ((err = tn_case_apply(&c, &rows[k].step, why, sizeof why))) {
                tn__import_add_error(x, "event", err, "%s", why);
                break;
            }
        }
        free(rows);
    }
    return TN_OK;
}
