/*
 * operations.c - assignment checks and worklist urgency (operations.h, docs/operations.md;
 * the plan percentages are percent.c's). Seed 002: each unit has one officer in charge (chuyên
 * quản thu), who works their units from the most urgent; results are measured as collected ÷
 * plan.
 */
#include "thuno/operations.h"
#include "thuno/policy.h"

#include <stdio.h>
#include <string.h>

enum tn_assign_problem tn_assign_check(const struct tn_assign_facts *f)
{
    if (!f->unit_found)
        return TN_ASSIGN_NO_UNIT;
    if (!f->officer_found)
        return TN_ASSIGN_NO_OFFICER;
    if (!f->officer_active)
        return TN_ASSIGN_INACTIVE;
    if (f->from < f->registered_on)
        return TN_ASSIGN_BEFORE_REGISTERED;
    if (f->has_latest && f->from < f->latest_from)
        return TN_ASSIGN_BEFORE_LATEST;
    if (f->has_latest && f->from > f->latest_from && strcmp(f->latest_officer, f->officer) == 0)
        return TN_ASSIGN_SAME_OFFICER;
    return TN_ASSIGN_OK;
}

const char *tn_assign_problem_text(enum tn_assign_problem p)
{
    switch (p) {
    case TN_ASSIGN_OK:
        return "hợp lệ / valid";
    case TN_ASSIGN_NO_UNIT:
        return "không có đơn vị này / no such unit in units.csv";
    case TN_ASSIGN_NO_OFFICER:
        return "không có cán bộ này / no such officer in officers.csv";
    case TN_ASSIGN_INACTIVE:
        return "cán bộ không còn hoạt động / the officer is not active";
    case TN_ASSIGN_BEFORE_REGISTERED:
        return "trước ngày đơn vị đăng ký / before the unit's registration date";
    case TN_ASSIGN_BEFORE_LATEST:
        return "trước lần phân công gần nhất / before the unit's latest assignment";
    case TN_ASSIGN_SAME_OFFICER:
        return "cán bộ này đang phụ trách / this officer is already in charge";
    }
    return "?";
}

int tn_award_allowed(const char *status)
{
    /* LAW: seed 002 (office practice): awards only for units that pay regularly */
    return status && strcmp(status, "active") == 0;
}

tn_err tn_handover_officer(const struct tn_policy *pol, tn_day day, const char *office, size_t turn,
                           char out[static 32])
{
    const struct tn_handover_rule *own = NULL, *any = NULL;
    for (size_t i = 0; i < pol->nhandover; i++) {
        const struct tn_handover_rule *r = &pol->handover[i];
        if (r->from > day)
            continue;
        const struct tn_handover_rule **slot = strcmp(r->office, "*") == 0 ? &any
                                               : strcmp(r->office, office ? office : "") == 0
                                                   ? &own
                                                   : NULL;
        if (slot && (!*slot || r->from >= (*slot)->from))
            *slot = r;
    }
    const struct tn_handover_rule *r = own ? own : any;
    if (!r)
        return TN_ERR_NO_POLICY;
    size_t n = 1;
    for (const char *q = r->officers; *q; q++)
        n += *q == ';';
    size_t want = turn % n, k = 0;
    const char *q = r->officers;
    while (k < want)
        k += *q++ == ';';
    size_t len = strcspn(q, ";");
    snprintf(out, 32, "%.*s", (int)(len < 31 ? len : 31), q);
    return TN_OK;
}

int tn_urgency_cmp(const struct tn_urgency *a, const struct tn_urgency *b)
{
    /* issue 14 item 6: the money at risk leads; evasion and age break its ties */
    if (a->debt != b->debt)
        return a->debt > b->debt ? -1 : 1;
    if (a->evading != b->evading)
        return a->evading ? -1 : 1;
    if (a->months_owed_tenths != b->months_owed_tenths)
        return a->months_owed_tenths > b->months_owed_tenths ? -1 : 1;
    return 0;
}
