/*
 * case.h - the life of a debt case, from the first reminder to the money recovered
 * (docs/cases.md; rules.md §6, §9, §10; seed 000).
 *
 * Invariants: a case is the replay of its events in order; tn_case_apply() either moves the
 * case by one event or refuses it with a reason and leaves the case unchanged, so a case read
 * as of any date is the replay of the events dated up to then. The events are those of
 * case_events.csv (data-formats.md); their names never change.
 */
#ifndef THUNO_CASE_H
#define THUNO_CASE_H

#include <stddef.h>

#include "thuno/err.h"
#include "thuno/money.h"
#include "thuno/period.h"

/* clang-format off */
#define TN_CASE_EVENT_MAP(X)                                                         \
    X(REMINDER_SENT,         "reminder_sent",         "Gửi văn bản đôn đốc")         \
    X(INSPECTION_CONCLUDED,  "inspection_concluded",  "Kết luận thanh tra")          \
    X(FINE_DECIDED,          "fine_decided",          "Quyết định xử phạt")          \
    X(DEDUCTION_ORDERED,     "deduction_ordered",     "Yêu cầu trích tiền tài khoản") \
    X(DEDUCTION_REFUSED,     "deduction_refused",     "Ngân hàng không trích tiền")  \
    X(PUBLISHED,             "published",             "Công khai trên phương tiện thông tin") \
    X(CRIMINAL_REFERRAL,     "criminal_referral",     "Chuyển cơ quan điều tra")     \
    X(LAWSUIT_FILED,         "lawsuit_filed",         "Nộp đơn khởi kiện")           \
    X(MEDIATION_SETTLED,     "mediation_settled",     "Hòa giải thành")              \
    X(JUDGMENT,              "judgment",              "Bản án")                      \
    X(APPEAL_CHANGED,        "appeal_changed",        "Phúc thẩm/giám đốc thẩm thay đổi") \
    X(ENFORCEMENT_REQUESTED, "enforcement_requested", "Yêu cầu thi hành án")         \
    X(ENFORCEMENT_DECIDED,   "enforcement_decided",   "Quyết định thi hành án")      \
    X(ASSETS_VERIFIED,       "assets_verified",       "Xác minh điều kiện thi hành án") \
    X(MEASURE_APPLIED,       "measure_applied",       "Áp dụng biện pháp cưỡng chế") \
    X(ENTRUSTED,             "entrusted",             "Ủy thác thi hành án")         \
    X(SUSPENDED_NO_ASSETS,   "suspended_no_assets",   "Chưa có điều kiện thi hành")  \
    X(PLAN_DEFAULTED,        "plan_defaulted",        "Vi phạm lộ trình trả nợ")     \
    X(CLOSED,                "closed",                "Kết thúc hồ sơ")              \
    X(WITHDRAWN,             "withdrawn",             "Rút hồ sơ")

#define TN_CASE_STATE_MAP(X)                                                         \
    X(NEW,         "new",         "Mới")                                             \
    X(ESCALATING,  "escalating",  "Đôn đốc, xử lý hành chính")                       \
    X(SUED,        "sued",        "Đang khởi kiện")                                  \
    X(MEDIATED,    "mediated",    "Hòa giải thành, đang trả theo lộ trình")          \
    X(ENFORCEABLE, "enforceable", "Chờ yêu cầu thi hành án")                         \
    X(ENFORCING,   "enforcing",   "Đang thi hành án")                                \
    X(SUSPENDED,   "suspended",   "Chưa có điều kiện thi hành")                      \
    X(CLOSED,      "closed",      "Đã kết thúc")                                     \
    X(WITHDRAWN,   "withdrawn",   "Đã rút")
/* clang-format on */

enum tn_case_event {
#define X(id, name, vi) TN_CASE_EV_##id,
    TN_CASE_EVENT_MAP(X)
#undef X
        TN_CASE_EV_COUNT
};

enum tn_case_state {
#define X(id, name, vi) TN_CASE_ST_##id,
    TN_CASE_STATE_MAP(X)
#undef X
        TN_CASE_ST_COUNT
};

/* What a `closed` or `assets_verified` event found. */
enum tn_case_outcome {
    TN_CASE_OUT_NONE_GIVEN,
    TN_CASE_OUT_FULL,    /* closed: recovered in full */
    TN_CASE_OUT_PARTIAL, /* closed: recovered in part */
    TN_CASE_OUT_NOTHING, /* closed "none": nothing recovered; assets_verified "none" */
    TN_CASE_OUT_ASSETS,  /* assets_verified: assets found */
    TN_CASE_OUT_PLEDGED  /* assets_verified: assets found but pledged to banks */
};

/* One event as recorded: its day, the amount it fixes (-1 when none), its outcome and the
 * office (court, enforcement office, bank, other province; "" when none). */
struct tn_case_step {
    enum tn_case_event event;
    tn_day day;
    tn_money amount;
    enum tn_case_outcome outcome;
    const char *office;
};

/* A case as its events have made it. Amounts are -1 until an event fixes them. */
struct tn_case {
    enum tn_case_state state;
    int events;
    tn_day opened, last_day;
    tn_money claimed; /* lawsuit_filed: principal + interest at filing */
    tn_money settled; /* mediation_settled: the amount agreed */
    tn_money awarded; /* judgment, then the latest appeal_changed */
    tn_money fined;   /* the latest fine_decided */
    int sued, mediated, tried, defaulted, enforcement_requested, entrusted, reopened;
    int reminders; /* reminder_sent events */
    tn_day sued_on, enforceable_on, closed_on, fined_on;
    enum tn_case_outcome closed_outcome;
    enum tn_case_outcome last_assets;
};

/* Returns the event's name in case_events.csv, or its Vietnamese label; NULL out of range. */
const char *tn_case_event_name(enum tn_case_event e);
const char *tn_case_event_label(enum tn_case_event e);
/* Errors: TN_ERR_PARSE when s is not an event name. */
tn_err tn_case_event_parse(const char *s, enum tn_case_event *out);
/* Returns the state's name ("escalating", ...) or its Vietnamese label; NULL out of range. */
const char *tn_case_state_name(enum tn_case_state s);
const char *tn_case_state_label(enum tn_case_state s);
/* Parses an outcome cell for event e ("" gives NONE_GIVEN). Errors: TN_ERR_PARSE when s is
 * not one of the outcomes e takes (closed: full/partial/none; assets_verified:
 * assets/pledged/none; other events: empty). */
tn_err tn_case_outcome_parse(enum tn_case_event e, const char *s, enum tn_case_outcome *out);
/* Returns the outcome's name as written in case_events.csv ("" for NONE_GIVEN). */
const char *tn_case_outcome_name(enum tn_case_outcome o);

/* Sets c to a new case with no events. */
void tn_case_init(struct tn_case *c);

/* Applies st to c. On refusal c is unchanged and why says, in English, what the case's state
 * allows or what the event lacks. Errors: TN_ERR_STATE (the event is not allowed in the
 * case's state, or is dated before the previous one), TN_ERR_PARSE (an outcome, amount or
 * office the event needs is missing or wrong). */
tn_err tn_case_apply(struct tn_case *c, const struct tn_case_step *st, char *why, size_t whysz);

/* One event of a case as recorded (case_events.csv, the store's case_event rows). */
struct tn_case_event_row {
    char case_id[72];
    long seq;
    char unit_code[32];
    struct tn_case_step step; /* step.office points at office below */
    char office[160];
    char note[512];
    char actor[64];
    char known_at[20];
};

/* Replays rows (in seq order) into c (tn_case_init first). Errors: what tn_case_apply
 * returns, with why naming the event's seq; c holds the case up to the event before. */
tn_err tn_case_replay(struct tn_case *c, const struct tn_case_event_row *rows, size_t n, char *why,
                      size_t whysz);

/* Returns 1 when the case's state accepts event e (what it carries aside). */
int tn_case_allows(const struct tn_case *c, enum tn_case_event e);

/* Returns 1 when the case is over (closed or withdrawn) and can only reopen by appeal. */
int tn_case_is_over(const struct tn_case *c);

/* Returns 1 when state s is past escalation, in court or enforcement (sued, mediated,
 * enforceable, enforcing, suspended): the case's own deadlines lead it, so neither the
 * ladder nor the monthly reminder proposes anything for it (docs/cases.md, docs/letters.md). */
int tn_case_state_in_court(enum tn_case_state s);

struct tn_plan_status;
struct tn_instalment;
struct tn_case_deadline;

/* A mediated case's next date is its plan's (docs/cases.md): the day a missed instalment is
 * detected, else the next instalment's due day (-1 when none is left), with no deadline rule
 * (*rule NULL). In any other state, or once the plan is complete, *deadline and *rule stay as
 * the case's own deadline rules set them. inst: the plan's n instalments. */
void tn_case_plan_deadline(const struct tn_case *c, const struct tn_plan_status *plan,
                           const struct tn_instalment *inst, size_t n, tn_day *deadline,
                           const struct tn_case_deadline **rule);

/* What the cases report flags on a case, the first that applies (docs/cases.md). */
enum tn_case_alert {
    TN_CASE_ALERT_NONE,
    TN_CASE_ALERT_NO_REPLAY,   /* the stored history does not replay */
    TN_CASE_ALERT_UNIT_GONE,   /* the unit stopped being active while the case is open */
    TN_CASE_ALERT_PLAN_MISSED, /* mediated, and an instalment was missed: record plan_defaulted */
};

/* One case as the cases report reads it on a day. */
struct tn_case_watch_in {
    const struct tn_case *c;                      /* replayed up to the day */
    int replays;                                  /* 0: its stored history does not replay */
    int unit_gone;                                /* tn_case_unit_gone() of the unit's status */
    const struct tn_plan_status *plan;            /* its repayment plan on the day; NULL: none */
    tn_day deadline;                              /* its next date; -1: none pending */
    const struct tn_case_deadline *deadline_rule; /* the rule that set it; NULL: the plan's */
};

/* What the cases report says of one case on a day. Strings are static, or next_by borrowed
 * from the deadline rule. */
struct tn_case_watch {
    const char *plan;       /* "", "complete", "defaulted" or "on_track" (tn_plan_status_name) */
    const char *next_by;    /* who acts by the next date: the rule's who, "unit" for a plan's
                               instalment, "" when no date is pending */
    long overdue_days;      /* days the next date is past on the day; 0 when not past */
    long years_open_tenths; /* from opening to the day (the last event's once over), tenths of
                               a 365-day year, rounded down */
    enum tn_case_alert alert;
};

/* Judges in on day today into out. */
void tn_case_watch(const struct tn_case_watch_in *in, tn_day today, struct tn_case_watch *out);

/* Returns 1 when the case is open and the unit's status (as of the same day; "" unknown) is
 * known and not "active" (absconded, dissolved...): the cases report's alert. */
int tn_case_unit_gone(const struct tn_case *c, const char *unit_status);

#endif
