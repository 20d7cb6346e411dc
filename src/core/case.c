/*
 * case.c - the case state machine (case.h; the table is drawn in docs/cases.md).
 *
 * One table says, for every state and event, the state the event leads to; a hole is a
 * refusal. Two events depend on what they carry: assets_verified in a suspended case resumes
 * enforcement only when assets were found, and appeal_changed reopens a closed case.
 */
#include "thuno/case.h"

#include <stdio.h>
#include <string.h>

#include "thuno/plan.h"
#include "thuno/policy.h"

static const char *const event_names[] = {
#define X(id, name, vi) name,
    TN_CASE_EVENT_MAP(X)
#undef X
};
static const char *const event_labels[] = {
#define X(id, name, vi) vi,
    TN_CASE_EVENT_MAP(X)
#undef X
};
static const char *const state_names[] = {
#define X(id, name, vi) name,
    TN_CASE_STATE_MAP(X)
#undef X
};
static const char *const state_labels[] = {
#define X(id, name, vi) vi,
    TN_CASE_STATE_MAP(X)
#undef X
};

const char *tn_case_event_name(enum tn_case_event e)
{
    return (unsigned)e < TN_CASE_EV_COUNT ? event_names[e] : NULL;
}

const char *tn_case_event_label(enum tn_case_event e)
{
    return (unsigned)e < TN_CASE_EV_COUNT ? event_labels[e] : NULL;
}

tn_err tn_case_event_parse(const char *s, enum tn_case_event *out)
{
    for (int i = 0; i < TN_CASE_EV_COUNT; i++)
        if (strcmp(s, event_names[i]) == 0) {
            *out = (enum tn_case_event)i;
            return TN_OK;
        }
    return TN_ERR_PARSE;
}

const char *tn_case_state_name(enum tn_case_state s)
{
    return (unsigned)s < TN_CASE_ST_COUNT ? state_names[s] : NULL;
}

const char *tn_case_state_label(enum tn_case_state s)
{
    return (unsigned)s < TN_CASE_ST_COUNT ? state_labels[s] : NULL;
}

static const char *const outcome_names[] = {"", "full", "partial", "none", "assets", "pledged"};

const char *tn_case_outcome_name(enum tn_case_outcome o)
{
    return (unsigned)o <= TN_CASE_OUT_PLEDGED ? outcome_names[o] : "";
}

tn_err tn_case_outcome_parse(enum tn_case_event e, const char *s, enum tn_case_outcome *out)
{
    if (!*s) {
        *out = TN_CASE_OUT_NONE_GIVEN;
        return TN_OK;
    }
    static const enum tn_case_outcome closed[] = {TN_CASE_OUT_FULL, TN_CASE_OUT_PARTIAL,
                                                  TN_CASE_OUT_NOTHING};
    static const enum tn_case_outcome assets[] = {TN_CASE_OUT_ASSETS, TN_CASE_OUT_PLEDGED,
                                                  TN_CASE_OUT_NOTHING};
    const enum tn_case_outcome *allowed = e == TN_CASE_EV_CLOSED            ? closed
                                          : e == TN_CASE_EV_ASSETS_VERIFIED ? assets
                                                                            : NULL;
    for (int i = 0; allowed && i < 3; i++)
        if (strcmp(s, outcome_names[allowed[i]]) == 0) {
            *out = allowed[i];
            return TN_OK;
        }
    return TN_ERR_PARSE;
}

void tn_case_init(struct tn_case *c)
{
    memset(c, 0, sizeof *c);
    c->state = TN_CASE_ST_NEW;
    c->claimed = c->settled = c->awarded = c->fined = -1;
    c->opened = c->last_day = c->sued_on = c->enforceable_on = c->closed_on = c->fined_on = -1;
}

int tn_case_is_over(const struct tn_case *c)
{
    return c->state == TN_CASE_ST_CLOSED || c->state == TN_CASE_ST_WITHDRAWN;
}

tn_err tn_case_replay(struct tn_case *c, const struct tn_case_event_row *rows, size_t n, char *why,
                      size_t whysz)
{
    for (size_t i = 0; i < n; i++) {
        char reason[384];
        tn_err err = tn_case_apply(c, &rows[i].step, reason, sizeof reason);
        if (err) {
            snprintf(why, whysz, "event %ld: %s", rows[i].seq, reason);
            return err;
        }
    }
    return TN_OK;
}

int tn_case_unit_gone(const struct tn_case *c, const char *unit_status)
{
    return !tn_case_is_over(c) && unit_status[0] && strcmp(unit_status, "active") != 0;
}

void tn_case_plan_deadline(const struct tn_case *c, const struct tn_plan_status *plan,
                           const struct tn_instalment *inst, size_t n, tn_day *deadline,
                           const struct tn_case_deadline **rule)
{
    if (c->state != TN_CASE_ST_MEDIATED || plan->complete)
        return;
    *deadline = plan->defaulted ? plan->detected_on : plan->next < n ? inst[plan->next].due : -1;
    *rule = NULL;
}

void tn_case_watch(const struct tn_case_watch_in *in, tn_day today, struct tn_case_watch *out)
{
    const struct tn_case *c = in->c;
    out->plan = in->plan ? tn_plan_status_name(in->plan) : "";
    out->next_by = in->deadline_rule               ? in->deadline_rule->who
                   : in->plan && in->deadline >= 0 ? "unit"
                                                   : "";
    out->overdue_days = in->deadline >= 0 && today > in->deadline ? today - in->deadline : 0;
    tn_day end = tn_case_is_over(c) ? c->last_day : today;
    out->years_open_tenths = (long)(end - c->opened) * 10 / 365;
    out->alert = !in->replays    ? TN_CASE_ALERT_NO_REPLAY
                 : in->unit_gone ? TN_CASE_ALERT_UNIT_GONE
                 : in->plan && in->plan->defaulted && c->state == TN_CASE_ST_MEDIATED
                     ? TN_CASE_ALERT_PLAN_MISSED
                     : TN_CASE_ALERT_NONE;
}

int tn_case_state_in_court(enum tn_case_state s)
{
    return s == TN_CASE_ST_SUED || s == TN_CASE_ST_MEDIATED || s == TN_CASE_ST_ENFORCEABLE ||
           s == TN_CASE_ST_ENFORCING || s == TN_CASE_ST_SUSPENDED;
}

#define ESC_EVENTS(to)                                                                             \
    [TN_CASE_EV_REMINDER_SENT] = to, [TN_CASE_EV_INSPECTION_CONCLUDED] = to,                       \
    [TN_CASE_EV_FINE_DECIDED] = to, [TN_CASE_EV_DEDUCTION_ORDERED] = to,                           \
    [TN_CASE_EV_DEDUCTION_REFUSED] = to, [TN_CASE_EV_PUBLISHED] = to,                              \
    [TN_CASE_EV_CRIMINAL_REFERRAL] = to

/* next[state][event]: the state the event leads to, plus one; 0 refuses. */
#define TO(s) (TN_CASE_ST_##s + 1)
static const unsigned char next[TN_CASE_ST_COUNT][TN_CASE_EV_COUNT] = {
    [TN_CASE_ST_NEW] = {ESC_EVENTS(TO(ESCALATING)), [TN_CASE_EV_LAWSUIT_FILED] = TO(SUED)},
    [TN_CASE_ST_ESCALATING] =
        {ESC_EVENTS(TO(ESCALATING)), [TN_CASE_EV_LAWSUIT_FILED] = TO(SUED),
         [TN_CASE_EV_CLOSED] = TO(CLOSED), [TN_CASE_EV_WITHDRAWN] = TO(WITHDRAWN)},
    [TN_CASE_ST_SUED] = {[TN_CASE_EV_MEDIATION_SETTLED] = TO(MEDIATED),
                         [TN_CASE_EV_JUDGMENT] = TO(ENFORCEABLE),
                         [TN_CASE_EV_WITHDRAWN] = TO(WITHDRAWN),
                         [TN_CASE_EV_CLOSED] = TO(CLOSED)},
    [TN_CASE_ST_MEDIATED] =
        {[TN_CASE_EV_PLAN_DEFAULTED] = TO(ENFORCEABLE), [TN_CASE_EV_CLOSED] = TO(CLOSED)},
    [TN_CASE_ST_ENFORCEABLE] = {[TN_CASE_EV_ENFORCEMENT_REQUESTED] = TO(ENFORCING),
                                [TN_CASE_EV_APPEAL_CHANGED] = TO(ENFORCEABLE),
                                [TN_CASE_EV_CLOSED] = TO(CLOSED)},
    [TN_CASE_ST_ENFORCING] = {[TN_CASE_EV_ENFORCEMENT_DECIDED] = TO(ENFORCING),
                              [TN_CASE_EV_ASSETS_VERIFIED] = TO(ENFORCING),
                              [TN_CASE_EV_MEASURE_APPLIED] = TO(ENFORCING),
                              [TN_CASE_EV_ENTRUSTED] = TO(ENFORCING),
                              [TN_CASE_EV_DEDUCTION_REFUSED] = TO(ENFORCING),
                              [TN_CASE_EV_APPEAL_CHANGED] = TO(ENFORCING),
                              [TN_CASE_EV_SUSPENDED_NO_ASSETS] = TO(SUSPENDED),
                              [TN_CASE_EV_CLOSED] = TO(CLOSED)},
    [TN_CASE_ST_SUSPENDED] = {[TN_CASE_EV_ASSETS_VERIFIED] = TO(ENFORCING),
                              [TN_CASE_EV_MEASURE_APPLIED] = TO(ENFORCING),
                              [TN_CASE_EV_APPEAL_CHANGED] = TO(SUSPENDED),
                              [TN_CASE_EV_CLOSED] = TO(CLOSED)},
    [TN_CASE_ST_CLOSED] = {[TN_CASE_EV_APPEAL_CHANGED] = TO(ENFORCEABLE)},
    [TN_CASE_ST_WITHDRAWN] = {0},
};
#undef TO

int tn_case_allows(const struct tn_case *c, enum tn_case_event e)
{
    return (unsigned)e < TN_CASE_EV_COUNT && next[c->state][e] != 0;
}

/* Lists the events state s accepts into buf, comma-separated. */
static void allowed_list(enum tn_case_state s, char *buf, size_t bufsz)
{
    size_t len = 0;
    buf[0] = '\0';
    for (int e = 0; e < TN_CASE_EV_COUNT && len < bufsz; e++)
        if (next[s][e]) {
            int n = snprintf(buf + len, bufsz - len, "%s%s", len ? ", " : "", event_names[e]);
            if (n < 0)
                break;
            len += (size_t)n;
        }
    if (!buf[0])
        snprintf(buf, bufsz, "nothing");
}

/* Checks what the event must carry. */
static tn_err check_step(const struct tn_case_step *st, char *why, size_t whysz)
{
    const char *name = event_names[st->event];
    switch (st->event) {
    case TN_CASE_EV_CLOSED:
        if (st->outcome < TN_CASE_OUT_FULL || st->outcome > TN_CASE_OUT_NOTHING) {
            snprintf(why, whysz, "closed needs an outcome: full, partial or none");
            return TN_ERR_PARSE;
        }
        break;
    case TN_CASE_EV_ASSETS_VERIFIED:
        if (st->outcome != TN_CASE_OUT_ASSETS && st->outcome != TN_CASE_OUT_PLEDGED &&
            st->outcome != TN_CASE_OUT_NOTHING) {
            snprintf(why, whysz, "assets_verified needs an outcome: assets, pledged or none");
            return TN_ERR_PARSE;
        }
        break;
    case TN_CASE_EV_LAWSUIT_FILED:
    case TN_CASE_EV_MEDIATION_SETTLED:
    case TN_CASE_EV_JUDGMENT:
    case TN_CASE_EV_APPEAL_CHANGED:
        if (st->amount <= 0) {
            snprintf(why, whysz, "%s needs the amount it fixes (đồng, more than 0)", name);
            return TN_ERR_PARSE;
        }
        break;
    case TN_CASE_EV_ENTRUSTED:
        if (!st->office || !st->office[0]) {
            snprintf(why, whysz, "entrusted needs the office (the other province) it goes to");
            return TN_ERR_PARSE;
        }
        break;
    default:
        break;
    }
    if (st->event != TN_CASE_EV_CLOSED && st->event != TN_CASE_EV_ASSETS_VERIFIED &&
        st->outcome != TN_CASE_OUT_NONE_GIVEN) {
        snprintf(why, whysz, "%s takes no outcome", name);
        return TN_ERR_PARSE;
    }
    return TN_OK;
}

tn_err tn_case_apply(struct tn_case *c, const struct tn_case_step *st, char *why, size_t whysz)
{
    if ((unsigned)st->event >= TN_CASE_EV_COUNT) {
        snprintf(why, whysz, "unknown event");
        return TN_ERR_PARSE;
    }
    tn_err err = check_step(st, why, whysz);
    if (err)
        return err;
    int to = next[c->state][st->event];
    if (!to) {
        char allowed[512];
        allowed_list(c->state, allowed, sizeof allowed);
        snprintf(why, whysz, "%s is not allowed in a case that is %s (allowed: %s)",
                 event_names[st->event], state_names[c->state], allowed);
        return TN_ERR_STATE;
    }
    if (c->events && st->day < c->last_day) {
        char prev[TN_DAY_BUFSZ], day[TN_DAY_BUFSZ];
        tn_day_format(c->last_day, prev);
        tn_day_format(st->day, day);
        snprintf(why, whysz, "%s is dated %s, before the case's previous event (%s)",
                 event_names[st->event], day, prev);
        return TN_ERR_STATE;
    }
    enum tn_case_state state = (enum tn_case_state)(to - 1);
    if (c->state == TN_CASE_ST_SUSPENDED && st->event == TN_CASE_EV_ASSETS_VERIFIED &&
        st->outcome == TN_CASE_OUT_NOTHING)
        state = TN_CASE_ST_SUSPENDED; /* re-verified, still nothing to seize */

    if (!c->events)
        c->opened = st->day;
    c->events++;
    c->last_day = st->day;
    switch (st->event) {
    case TN_CASE_EV_REMINDER_SENT:
        c->reminders++;
        break;
    case TN_CASE_EV_FINE_DECIDED:
        c->fined = st->amount;
        c->fined_on = st->day;
        break;
    case TN_CASE_EV_LAWSUIT_FILED:
        c->sued = 1;
        c->claimed = st->amount;
        c->sued_on = st->day;
        break;
    case TN_CASE_EV_MEDIATION_SETTLED:
        c->mediated = 1;
        c->settled = st->amount;
        break;
    case TN_CASE_EV_JUDGMENT:
        c->tried = 1;
        c->awarded = st->amount;
        c->enforceable_on = st->day;
        break;
    case TN_CASE_EV_APPEAL_CHANGED:
        c->awarded = st->amount;
        if (c->state == TN_CASE_ST_CLOSED) {
            c->reopened++;
            c->closed_on = -1;
            c->closed_outcome = TN_CASE_OUT_NONE_GIVEN;
        }
        break;
    case TN_CASE_EV_PLAN_DEFAULTED:
        c->defaulted = 1;
        c->enforceable_on = st->day;
        break;
    case TN_CASE_EV_ENFORCEMENT_REQUESTED:
        c->enforcement_requested = 1;
        break;
    case TN_CASE_EV_ENTRUSTED:
        c->entrusted = 1;
        break;
    case TN_CASE_EV_ASSETS_VERIFIED:
        c->last_assets = st->outcome;
        break;
    case TN_CASE_EV_CLOSED:
        c->closed_on = st->day;
        c->closed_outcome = st->outcome;
        break;
    default:
        break;
    }
    c->state = state;
    return TN_OK;
}
