/*
 * case_register.h - the registers kept beside a case's events (docs/case-registers.md; seed
 * 000 §2.1-2.3, §II.1.3, §II.1.9; issue 5 items 3 and 5): court fees and hearings, the
 * judgment debtor's assets with their verifications, the creditor's designation of which to
 * seize first and the coercive measures applied, forced-deduction orders to banks and the
 * State Treasury with their replies, informants' tips and the reward owed, and the
 * enforcement agent (THADS or a private bailiff) chosen.
 *
 * Invariants: a register row is never changed; a later fact is a new row. Each row has a day
 * (what happened when) and the time it became known, so a case's registers read as of any
 * time are the rows known by then and dated up to its day. The names below are stored and
 * never change. This module is pure: the store keeps the rows (case_register_store.h).
 */
#ifndef THUNO_CASE_REGISTER_H
#define THUNO_CASE_REGISTER_H

#include <stddef.h>

#include "thuno/err.h"
#include "thuno/money.h"
#include "thuno/period.h"

/* Each register: its stored name, Vietnamese label, and the values its `what` cell takes
 * ("" when it takes none), separated by '|'. */
/* clang-format off */
#define TN_CASE_REG_MAP(X)                                                                    \
    X(FEE,          "fee",          "Án phí, lệ phí",            "paid|exempt")               \
    X(HEARING,      "hearing",      "Phiên tòa, phiên họp",      "scheduled|held|postponed")  \
    X(ASSET,        "asset",        "Tài sản",                                                \
      "bank_account|land|vehicle|receivable|income|other")                                    \
    X(VERIFICATION, "verification", "Xác minh tài sản",          "exists|pledged|not_found|moved") \
    X(PRIORITY,     "priority",     "Chỉ định thứ tự kê biên",   "")                          \
    X(MEASURE,      "measure",      "Biện pháp cưỡng chế",                                    \
      "account_freeze|account_deduction|seizure|auction|income_deduction")                    \
    X(BANK_ORDER,   "bank_order",   "Yêu cầu trích tiền",        "bank|treasury")             \
    X(BANK_REPLY,   "bank_reply",   "Trả lời của ngân hàng, Kho bạc",                         \
      "executed|refused|delayed|partial")                                                     \
    X(TIP,          "tip",          "Tin báo về tài sản",        "")                          \
    X(TIP_RESULT,   "tip_result",   "Kết quả tin báo",           "")                          \
    X(AGENT,        "agent",        "Cơ quan thi hành án",       "thads|bailiff")
/* clang-format on */

enum tn_case_reg {
#define X(id, name, vi, whats) TN_CASE_REG_##id,
    TN_CASE_REG_MAP(X)
#undef X
        TN_CASE_REG_COUNT
};

/* Returns the register's stored name, its Vietnamese label, or the '|'-separated values its
 * `what` takes ("" when none); NULL out of range. */
const char *tn_case_reg_name(enum tn_case_reg k);
const char *tn_case_reg_label(enum tn_case_reg k);
const char *tn_case_reg_whats(enum tn_case_reg k);
/* Errors: TN_ERR_PARSE when s is not a register name. */
tn_err tn_case_reg_parse(const char *s, enum tn_case_reg *out);
/* Errors: TN_ERR_PARSE when what is not one of the values register k takes (a register that
 * takes none accepts only ""). */
tn_err tn_case_reg_check_what(enum tn_case_reg k, const char *what);

/* Whether coercive measure (a `measure` value) can apply to an asset of kind (an `asset`
 * value): account_freeze and account_deduction to a bank_account, income_deduction to income,
 * seizure and auction to land, a vehicle, a receivable or another asset (Law on Civil
 * Judgment Enforcement 2008 Art 71: the measures by kind of asset [S]). Returns 1 or 0. */
int tn_case_measure_fits(const char *asset_kind, const char *measure);

/* The reward owed to an informant whose tip led to recovery (policy/tip_reward.csv): from
 * `from` on, rate of what was recovered thanks to the tip, rounded half-up, at most cap, and
 * nothing when less than min_recovered was recovered. */
struct tn_tip_reward_rule {
    tn_day from;
    tn_ppm rate;
    tn_money cap;
    tn_money min_recovered;
    const char *source;
};

/* Sets *reward for recovered đồng recovered on day, under the rule in force that day (rules
 * sorted by from; *rule points into rules). recovered 0 (the tip led to nothing) owes 0.
 * Errors: TN_ERR_NO_POLICY (day before the first rule, or n 0), TN_ERR_RANGE (recovered < 0),
 * TN_ERR_OVERFLOW. Nothing is written on error. */
tn_err tn_tip_reward(const struct tn_tip_reward_rule *rules, size_t n, tn_day day,
                     tn_money recovered, tn_money *reward, const struct tn_tip_reward_rule **rule);

/* Parses the creditor's designation "3,1,2" (asset numbers, the first to seize first) into
 * out (at most max). why says what is wrong. Errors: TN_ERR_PARSE (empty, not a positive
 * number, a number twice, more than max). */
tn_err tn_case_priority_parse(const char *s, long *out, size_t max, size_t *n, char *why,
                              size_t whysz);

/* Returns the place (0 first) of asset in the designation order[0..n), or n when it is not
 * designated: assets are seized in that place order, the undesignated after, by number. */
size_t tn_case_priority_rank(const long *order, size_t n, long asset);

/* One forced-deduction order as the `banks` report counts it. */
struct tn_bank_order_facts {
    tn_day ordered;          /* the order's day */
    tn_day first_reply;      /* -1: no reply yet */
    tn_day first_final;      /* the first reply that is not `delayed`; -1: none yet */
    const char *last_result; /* the latest reply's result; NULL when none */
    tn_money amount;         /* ordered */
    tn_money deducted;       /* the replies' amounts */
};

/* What the `banks` report shows of one bank or treasury. */
struct tn_bank_tally {
    long long orders, executed, partial, delayed, refused, unanswered; /* by latest reply */
    long long replied;                                                 /* orders with a reply */
    long long days_replied; /* days from order to first reply, summed over replied orders */
    long long late;         /* no final reply (executed, partial, refused) by the deadline */
    tn_money ordered, deducted;
};

/* Adds order o to t. deadline is the last day the bank may answer on (-1: no rule, nothing
 * counts as late); today is the day asked about. */
void tn_case_bank_tally_add(struct tn_bank_tally *t, const struct tn_bank_order_facts *o,
                            tn_day deadline, tn_day today);

/* The average days to the first reply in tenths (rounded down); -1 when no order has one. */
long long tn_case_bank_avg_days_tenths(const struct tn_bank_tally *t);

#endif
