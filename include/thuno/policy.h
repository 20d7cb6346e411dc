/*
 * policy.h - every rule that changes over time, as effective-dated data (policy/).
 *
 * Invariants: each list is sorted by its start (period, day or year) and every entry carries
 * the legal source it was read from. A lookup before the first entry is TN_ERR_NO_POLICY, never
 * a default. The struct is filled, every table at once, by tn_policy_load() (policy_load.h)
 * or by a test from a table; core only reads it. Figures are rules.md's; where a statute's text
 * differs the policy file cites the statute and says so.
 */
#ifndef THUNO_POLICY_H
#define THUNO_POLICY_H

#include <stddef.h>
#include <stdint.h>

#include "thuno/calendar.h"
#include "thuno/card.h"
#include "thuno/case.h"
#include "thuno/case_register.h"
#include "thuno/err.h"
#include "thuno/inspection.h"
#include "thuno/money.h"
#include "thuno/period.h"
#include "thuno/sanction.h"

/* One contribution component: a fund and the share that pays it (rules.md §2). */
enum tn_component {
    TN_C_PENSION_EE,  /* BHXH hưu trí, tử tuất - employee */
    TN_C_PENSION_ER,  /* BHXH hưu trí, tử tuất - employer */
    TN_C_SICKNESS_ER, /* BHXH ốm đau, thai sản - employer */
    TN_C_TNLD_ER,     /* TNLĐ-BNN - employer */
    TN_C_BHYT_EE,
    TN_C_BHYT_ER,
    TN_C_BHTN_EE,
    TN_C_BHTN_ER,
    TN_C_COUNT
};

/* Funds a declaration row can name (declarations.csv `funds`). */
enum tn_fund_flag {
    TN_FUND_BHXH = 1, /* pension + sickness */
    TN_FUND_BHYT = 2,
    TN_FUND_BHTN = 4,
    TN_FUND_TNLD = 8,
    TN_FUND_ALL = 15
};

/* The three groups a payment is allocated to and interest is charged on (rules.md §7, §8):
 * BHXH includes TNLĐ. Values are indexes, not an order; the order is policy. */
enum tn_group { TN_G_BHYT, TN_G_BHTN, TN_G_BHXH, TN_G_COUNT };

enum tn_unit_type {
    TN_UT_STATE,
    TN_UT_FDI,
    TN_UT_PRIVATE,
    TN_UT_COOPERATIVE,
    TN_UT_PUBLIC,
    TN_UT_HOUSEHOLD,
    TN_UT_OTHER,
    TN_UT_COUNT
};

/* The facts about a unit that rules depend on. */
struct tn_unit_facts {
    enum tn_unit_type type;
    int wage_region;   /* 1..4 */
    int payment_cycle; /* 1, 3 or 6 months */
    tn_day registered_on;
};

/* A rate of one component from a period on. An entry may be limited: it does not apply to
 * the unit types in except_types (bit 1 << type), nor to units registered on or after
 * registered_before when that is set (0 = no limit); such a unit keeps the entry before. */
struct tn_rate_entry {
    tn_period from;
    tn_ppm rate;
    uint32_t except_types;
    tn_day registered_before; /* 0 = no limit */
    const char *source;
};

/* An amount in force from a period on (base salary, a region's minimum wage). */
struct tn_amount_entry {
    tn_period from;
    tn_money amount;
    const char *source;
};

enum tn_cap_of { TN_CAP_BASE_SALARY, TN_CAP_MIN_WAGE };

/* The cap on one group's contribution base: multiplier x (base salary | regional minimum). */
struct tn_cap_entry {
    tn_period from;
    int multiplier;
    enum tn_cap_of of;
    const char *source;
};

enum tn_deadline_rule {
    TN_DL_END_OF_CYCLE,     /* Law 58 era: last day of the month (or of the cycle) */
    TN_DL_END_OF_NEXT_MONTH /* Law 41 era: last day of the month after the month (cycle) */
};

/* How the deadline of a period's contributions is set, from a period on. From bhtn_monthly on
 * (a flag of the entry) BHTN is paid monthly by every unit, whatever its cycle. */
struct tn_deadline_entry {
    tn_period from;
    enum tn_deadline_rule rule;
    int bhtn_monthly;
    const char *source;
};

enum tn_interest_kind {
    TN_INT_MONTHLY_K, /* Law 58 era: on the 1st of each month, P x k (rules.md §7) */
    TN_INT_DAILY      /* Law 41 era: late amount x daily rate x days */
};

/* The interest rule in force from a day on. */
struct tn_interest_rule {
    tn_day from;
    enum tn_interest_kind kind;
    tn_ppm daily_rate;     /* TN_INT_DAILY: 0.03% = 300 */
    int count_payment_day; /* TN_INT_DAILY: 1 if the day of payment bears interest */
    const char *source;
};

/* k groups of the Law 58 era: BHXH (incl. TNLĐ) and BHTN share one k, BHYT has its own. */
enum tn_kgroup { TN_K_BHXH_BHTN, TN_K_BHYT, TN_K_COUNT };

/* The monthly rate k of a year for a k group. */
struct tn_k_entry {
    int year;
    enum tn_kgroup group;
    tn_ppm k;
    const char *source;
};

/* The order a payment is allocated in, from a day on (rules.md §8). */
struct tn_allocation_rule {
    tn_day from;
    enum tn_group order[TN_G_COUNT]; /* default BHYT, BHTN, BHXH */
    int interest_first;              /* 1: a group's interest before its principal */
    const char *source;
};

/* How a document cites a law from a day on ("Căn cứ ..."): the Employment Law 38/2013 until
 * 2025-12-31, 74/2025 from 2026-01-01; the Health Insurance Law as amended by Law 51/2024
 * from 2025-07-01 (policy/citations.csv). */
struct tn_citation {
    const char *key;  /* social_insurance_law, health_insurance_law, employment_law, ... */
    tn_day from;      /* first day of a document dated on or after it */
    const char *text; /* the citation in Vietnamese, as printed */
    const char *source;
};

/* When unpaid contributions turn from late (chậm đóng) to evading (trốn đóng). */
struct tn_legal_rule {
    tn_day from;
    int evasion_days; /* 0: this era knows no evasion by days (Law 58) */
    const char *source;
};

/* The office's card-lock rule from a day on (rules.md §10): months owed in tenths. */
struct tn_card_rule {
    tn_day from;
    int lock_tenths; /* lock at or above this many months owed (default 1.0) */
    int kttn_tenths; /* KTTN's from this many months owed on, QLT's below (default 3.0) */
    const char *source;
};

/* When a unit's declared headcount is far enough below what the enterprise register reports
 * to list it for inspection (seed 003). */
struct tn_undeclared_rule {
    tn_day from;
    int min_gap;           /* reported - declared at least this */
    int min_ratio_percent; /* reported at least this % of declared */
    const char *source;
};

/* One step of the escalation ladder (policy/ladder.csv, docs/cases.md): proposed for a unit
 * when the steps before it are done and its entry conditions hold. */
struct tn_ladder_step {
    const char *office; /* "*": every office without a ladder of its own */
    int order;
    const char *step;         /* "reminder", "second_reminder", ... */
    enum tn_case_event event; /* the event that records it done */
    int occurrence;           /* done at the occurrence-th such event (2: second reminder) */
    int min_months_tenths;    /* months owed at least */
    tn_money min_debt;        /* debt (past its deadline) at least */
    int min_legal;            /* 0 any, 1 late or evading, 2 evading */
    int min_days;             /* days since the case's previous event at least */
    const char *department;   /* who acts: QLT, KTTN, TTKT, legal, director */
    const char *document;     /* what thuno drafts for it ("" none) */
    const char *check;        /* "" or "fine" (range proposed) or "art216" (must be a candidate) */
    const char *source;
};

/* What should follow an event, and by when (policy/case_deadlines.csv): the case is overdue
 * when none of the expected events happened within days of it. */
struct tn_case_deadline {
    enum tn_case_event after;
    unsigned expect; /* bit (1u << event) per expected event */
    int days;
    int working;     /* 1: working days (Monday to Friday; holidays not counted in) */
    const char *who; /* whose step it is: "court", "THADS", "office" */
    const char *source;
};

/* One item a stage of a case needs (policy/checklist.csv; seed 000: staff who sue are not
 * lawyers): present when any of its requirements holds, "event:NAME" (the case has such an
 * event) or "attachment:KIND" (a document of that kind is attached), separated by '|'. */
struct tn_checklist_item {
    enum tn_case_event stage;
    const char *item;
    const char *requires;
    const char *source;
};

/* The threshold from which a late unit is named in the media (policy/public_list.csv; Law 41
 * Art 40, seed 003), from a day on. */
struct tn_name_rule {
    tn_day from;
    int name_tenths; /* months owed from which a late unit is named, in tenths */
    const char *source;
};

/* Who takes a unit the monthly handover moves from QLT to KTTN (policy/handover.csv; seed 002),
 * from a day on: the KTTN officers of an office ("*": every office without a line of its
 * own), taken in turn by the handed-over units in unit-code order. */
struct tn_handover_rule {
    tn_day from;
    const char *office;   /* an office code, or "*" */
    const char *officers; /* officer codes separated by ';', in the order they take turns */
    const char *source;
};

/* The whole policy. Arrays are owned by the struct (tn_policy_release); sources point into
 * its string pool. */
struct tn_policy {
    struct tn_rate_entry *rates[TN_C_COUNT];
    size_t nrates[TN_C_COUNT];
    struct tn_amount_entry *base_salary;
    size_t nbase_salary;
    struct tn_amount_entry *min_wage[4]; /* region 1..4 at index 0..3 */
    size_t nmin_wage[4];
    struct tn_cap_entry *caps[TN_G_COUNT]; /* BHXH cap also caps TNLĐ */
    size_t ncaps[TN_G_COUNT];
    struct tn_deadline_entry *deadlines;
    size_t ndeadlines;
    struct tn_interest_rule *interest;
    size_t ninterest;
    struct tn_k_entry *k;
    size_t nk;
    struct tn_allocation_rule *allocation;
    size_t nallocation;
    struct tn_legal_rule *legal;
    size_t nlegal;
    struct tn_card_rule *card;
    size_t ncard;
    struct tn_undeclared_rule *undeclared;
    size_t nundeclared;
    struct tn_fine_rule *fines; /* sanctions.csv */
    size_t nfines;
    struct tn_criminal_rule *criminal; /* criminal.csv */
    size_t ncriminal;
    struct tn_ladder_step *ladder; /* ladder.csv, by office then order */
    size_t nladder;
    struct tn_case_deadline *case_deadlines; /* case_deadlines.csv */
    size_t ncase_deadlines;
    struct tn_checklist_item *checklist; /* checklist.csv, in file order */
    size_t nchecklist;
    /* side tables, read with the rest but not folded into the digest (not the close's) */
    struct tn_card_group *card_groups; /* card_groups.csv, by unit type then from */
    size_t ncard_groups;
    struct tn_name_rule *name_rules; /* public_list.csv */
    size_t nname_rules;
    struct tn_tip_reward_rule *tip_rewards; /* tip_reward.csv */
    size_t ntip_rewards;
    struct tn_inspection_rule *inspections; /* inspections.csv */
    size_t ninspections;
    struct tn_handover_rule *handover; /* handover.csv */
    size_t nhandover;
    struct tn_citation *citations; /* citations.csv, in file order */
    size_t ncitations;
    struct tn_duty_rule *duties; /* calendar.csv, by duty then from (calendar.h) */
    size_t nduties;
    struct tn_holiday *holidays; /* holidays.csv, by year then day */
    size_t nholidays;
    char **strings; /* owned copies of sources */
    size_t nstrings, capstrings;
    uint64_t digest; /* FNV-1a of the files loaded, recorded with each close */
};

void tn_policy_init(struct tn_policy *pol);
/* Frees everything the policy owns; the struct is then as if just initialized. */
void tn_policy_release(struct tn_policy *pol);
/* Stores a copy of s in the policy's pool and returns it (valid until release). */
const char *tn_policy_intern(struct tn_policy *pol, const char *s);
/* Sorts every list by its start; call after filling the lists by hand. */
void tn_policy_sort(struct tn_policy *pol);

/* The rate of component c for a unit in period p.
 * Errors: TN_ERR_NO_POLICY if no entry applies. */
tn_err tn_policy_rate(const struct tn_policy *pol, enum tn_component c,
                      const struct tn_unit_facts *unit, tn_period p,
                      const struct tn_rate_entry **out);

/* The base salary (lương cơ sở / mức tham chiếu) in force in period p. Errors: NO_POLICY. */
tn_err tn_policy_base_salary(const struct tn_policy *pol, tn_period p,
                             const struct tn_amount_entry **out);

/* The regional minimum wage of region (1..4) in period p.
 * Errors: TN_ERR_RANGE for a bad region, TN_ERR_NO_POLICY. */
tn_err tn_policy_min_wage(const struct tn_policy *pol, int region, tn_period p,
                          const struct tn_amount_entry **out);

/* The cap on group g's contribution base for a unit in region in period p, in đồng.
 * Errors: TN_ERR_NO_POLICY if the cap or what it multiplies is missing. */
tn_err tn_policy_cap(const struct tn_policy *pol, enum tn_group g, int region, tn_period p,
                     tn_money *cap, const struct tn_cap_entry **entry);

/* The deadline (last day to pay) of group g's contributions of period p for a unit paying
 * every cycle months. Errors: TN_ERR_NO_POLICY. */
tn_err tn_policy_deadline(const struct tn_policy *pol, enum tn_group g, int cycle, tn_period p,
                          tn_day *deadline, const struct tn_deadline_entry **entry);

/* The interest rule in force on day d. Errors: TN_ERR_NO_POLICY. */
tn_err tn_policy_interest_rule(const struct tn_policy *pol, tn_day d,
                               const struct tn_interest_rule **out);

/* The k of year for k group. Errors: TN_ERR_NO_POLICY if that year's k is not loaded (the
 * caller reports "rate for YYYY missing" and goes on). */
tn_err tn_policy_k(const struct tn_policy *pol, int year, enum tn_kgroup group,
                   const struct tn_k_entry **out);

/* The allocation rule in force on day d. Errors: TN_ERR_NO_POLICY. */
tn_err tn_policy_allocation(const struct tn_policy *pol, tn_day d,
                            const struct tn_allocation_rule **out);

/* The late/evasion rule in force on day d. Errors: TN_ERR_NO_POLICY. */
tn_err tn_policy_legal(const struct tn_policy *pol, tn_day d, const struct tn_legal_rule **out);

/* The citation of law key in force on day d (the last line of key with from <= d), for a
 * document dated d; *out points into pol. Errors: TN_ERR_NO_POLICY if key has no line on or
 * before d (an unknown key included). */
tn_err tn_policy_citation(const struct tn_policy *pol, const char *key, tn_day d,
                          const struct tn_citation **out);

/* The card-lock rule in force on day d. Errors: TN_ERR_NO_POLICY. */
tn_err tn_policy_card(const struct tn_policy *pol, tn_day d, const struct tn_card_rule **out);

/* The under-declaration rule in force on day d. Errors: TN_ERR_NO_POLICY. */
tn_err tn_policy_undeclared(const struct tn_policy *pol, tn_day d,
                            const struct tn_undeclared_rule **out);

/* The health-card group and level of the workers of units of unit_type (a tn_unit_type_name)
 * on day d (card_groups.csv). Errors: TN_ERR_PARSE for an unknown unit type, TN_ERR_NO_POLICY
 * if no line of that type is in force on d. */
tn_err tn_policy_card_group(const struct tn_policy *pol, const char *unit_type, tn_day d,
                            const struct tn_card_group **out);

/* The public-naming threshold in force on day d (public_list.csv). Errors: TN_ERR_NO_POLICY. */
tn_err tn_policy_name_rule(const struct tn_policy *pol, tn_day d, const struct tn_name_rule **out);

/* The informant's reward for recovered đồng recovered on day d under the tip_reward.csv rule in
 * force that day (tn_tip_reward, case_register.h). Errors: TN_ERR_NO_POLICY, TN_ERR_RANGE
 * (recovered < 0), TN_ERR_OVERFLOW; nothing is written on error. */
tn_err tn_policy_tip_reward(const struct tn_policy *pol, tn_day d, tn_money recovered,
                            tn_money *reward, const struct tn_tip_reward_rule **rule);

/* tn_policy_inspection_rule(pol, d, &out), the inspection thresholds in force on day d, is
 * declared in inspection.h. */

/* Names used in policy files, reports and explain output. Static storage. */
const char *tn_component_name(enum tn_component c); /* "pension_employee", ... */
const char *tn_group_name(enum tn_group g);         /* "BHYT", "BHTN", "BHXH" */
enum tn_group tn_component_group(enum tn_component c);
/* The declaration fund flag a component belongs to (TN_FUND_BHXH for pension, sickness). */
enum tn_fund_flag tn_component_fund(enum tn_component c);
/* Errors: TN_ERR_PARSE for an unknown name. */
tn_err tn_component_parse(const char *s, enum tn_component *out);
tn_err tn_group_parse(const char *s, enum tn_group *out);
const char *tn_unit_type_name(enum tn_unit_type t);
tn_err tn_unit_type_parse(const char *s, enum tn_unit_type *out);

#endif
