/*
 * app_case.h - cases, their registers and the documents drawn from them, a section of the
 * application layer's header (app.h) kept in its own file for length: the case register's
 * verbs and replay (app_case.c, app_case_register.c), the claim and the case view, the
 * documents (app_doc.c). The faces include thuno/app.h alone, which includes this where the
 * section stands; the invariants of app.h hold here.
 */
#ifndef THUNO_APP_CASE_H
#define THUNO_APP_CASE_H

#include "thuno/app.h"

/* ---- cases and their registers (app_case.c, app_case_register.c), documents (app_doc.c) ---- */

struct tn_case_event_row;      /* case_store.h */
struct tn_case_payment_row;    /* case_store.h */
struct tn_case_attachment_row; /* case_store.h */
struct tn_case_reg_row;        /* case_register_store.h */
struct tn_case_branch_row;     /* case_register_store.h */
struct tn_case_deadline;
struct tn_tip_reward_rule;

/* How `case show` marks an instalment of the plan. */
enum tn_case_instalment_mark {
    TN_CASE_INST_PAST,   /* before today, not met, not the one missed */
    TN_CASE_INST_MET,    /* paid in full */
    TN_CASE_INST_MISSED, /* the instalment whose miss defaulted the plan */
    TN_CASE_INST_DUE     /* due today or later */
};

/* One line of the checklist for the stages the case can take next (policy/checklist.csv):
 * item and requires borrowed from the policy. */
struct tn_case_check_line {
    enum tn_case_event stage;
    const char *item;
    const char *requires;
    int met; /* one of the '|'-separated requirements is met by an event or an attachment */
};

/* An asset of the case and what was done to it (rows borrowed from the view's regs). */
struct tn_case_asset_view {
    const struct tn_case_reg_row *asset;
    size_t place; /* 1, 2, ... in the creditor's seizure order in force; 0: not designated */
    const struct tn_case_reg_row **acts; /* its verifications and measures, by day then as
                                          * recorded */
    size_t nacts;
};

/* A bank's reply to a forced-deduction order. */
struct tn_case_reply_view {
    const struct tn_case_reg_row *reply;
    int days; /* after the order */
};

/* A forced-deduction order and its replies. */
struct tn_case_order_view {
    const struct tn_case_reg_row *order;
    struct tn_case_reply_view *replies; /* in register order */
    size_t nreplies;
    tn_money deducted;                  /* what the replies deducted */
    const struct tn_case_reg_row *last; /* the reply in force (latest by day); NULL: none */
};

/* An informant's tip, its result and the reward owed on it (policy/tip_reward.csv). */
struct tn_case_tip_view {
    const struct tn_case_reg_row *tip;
    const struct tn_case_reg_row *result;  /* NULL: none yet */
    tn_money reward;                       /* -1 when no result */
    const struct tn_tip_reward_rule *rule; /* the reward's rule; NULL when no result */
};

/* A case's file as of a time: everything `case show` prints, typed. Arrays owned by the view
 * (tn_case_view_release). */
struct tn_case_view {
    char case_id[72];
    char unit_code[32];
    char as_of[20]; /* the time it is seen at: the as_of given, else app->now */
    tn_day today;   /* the day of as_of: plans and deadlines are judged on it */
    struct tn_case c;
    int replay_failed; /* 1: the stored history does not replay (why says where) */
    char why[384];
    struct tn_case_event_row *events; /* nevents rows; c.events of them replayed */
    size_t nevents;
    struct tn_case_payment_row *payments;
    size_t npayments;
    tn_money recovered; /* the sum of payments */
    struct tn_instalment *plan;
    size_t nplan;
    int plan_judged; /* the plan's status could be judged (plan_status, marks valid) */
    struct tn_plan_status plan_status;
    enum tn_case_instalment_mark *marks;     /* nplan marks */
    const struct tn_case_deadline *deadline; /* NULL: none pending; borrowed from the policy */
    tn_day deadline_day;
    int overdue; /* today is after deadline_day */
    struct tn_case_attachment_row *attachments;
    size_t nattachments;
    struct tn_case_reg_row *regs; /* by register then number */
    size_t nregs;
    const struct tn_case_reg_row *agent;    /* the enforcement agent in force; NULL: none */
    size_t nagents;                         /* agents recorded (the latest replaces the others) */
    const struct tn_case_reg_row *priority; /* the creditor's seizure order in force */
    struct tn_case_asset_view *assets;      /* designated first in their order, then by number */
    size_t nassets;
    struct tn_case_order_view *orders; /* by number */
    size_t norders;
    struct tn_case_tip_view *tips; /* by number */
    size_t ntips;
    struct tn_case_branch_row *branches;
    size_t nbranches;
    int filed;       /* a lawsuit_filed event is recorded */
    tn_day filed_on; /* the latest one's day and amount */
    tn_money filed_amount;
    int filed_claim_found; /* the ledger had a closed balance known on the filing day */
    struct tn_balance_row filed_balance;
    struct tn_debt filed_debt; /* what filed_balance owed past its deadline: the claim at filing */
    struct tn_case_check_line *checklist;
    size_t nchecklist;
};

void tn_case_view_init(struct tn_case_view *v);
void tn_case_view_release(struct tn_case_view *v);

/* Fills out (initialized by the caller) with case_id's file as of as_of ("YYYY-MM-DDTHH:MM:SS",
 * NULL: app->now). Errors: TN_ERR_NOT_FOUND (no such case by then; why says so),
 * TN_ERR_NO_POLICY (a tip's result has no reward rule), TN_ERR_STORE. */
tn_err tn_app_case_show(struct tn_app *app, const struct tn_scope *scope, const char *case_id,
                        const char *as_of, struct tn_case_view *out);

/* An event to record on a case (`case record`). Strings borrowed. */
struct tn_case_record_args {
    const char *case_id;
    enum tn_case_event event;
    tn_day day;
    const char *unit_code;
    tn_money amount;                   /* -1: none */
    const char *outcome;               /* as written: "" or one of the outcomes event takes */
    const char *office, *note, *actor; /* NULL: none */
};

/* Records a->event on the case at app->now (a new case id opens a case). On TN_OK *seq is its
 * number. Errors: TN_ERR_USAGE (no unit), TN_ERR_REJECTED (outcome does not go with event;
 * dated after today; refused by the case's state; unknown unit: why says which),
 * TN_ERR_STORE. */
tn_err tn_app_case_record(struct tn_app *app, const struct tn_scope *scope,
                          const struct tn_case_record_args *a, long *seq);

/* The largest attachment a case takes: 64 MiB (a scanned judgment of a few hundred pages). */
#define TN_ATTACH_MAX (64L * 1024 * 1024)

/* Stores the bytes read from in (to its end, at most TN_ATTACH_MAX, read in blocks and never
 * more than that plus one block) and links them to the case as kind, named name, recorded by
 * actor (NULL: none); sha256 receives their hex digest. Errors: TN_ERR_IO (in could not be
 * read), TN_ERR_RANGE (more than TN_ATTACH_MAX bytes; nothing stored), TN_ERR_NOT_FOUND (no
 * such case), TN_ERR_STORE. */
tn_err tn_app_case_attach(struct tn_app *app, const struct tn_scope *scope, const char *case_id,
                          const char *kind, const char *name, FILE *in, const char *actor,
                          char sha256[static 65]);

/* One plan default recorded by the sweep. */
struct tn_case_sweep_line {
    char case_id[72];
    char unit_code[32];
    char note[512];
};

struct tn_case_sweep {
    struct tn_case_sweep_line *lines;
    size_t n;
};

void tn_case_sweep_init(struct tn_case_sweep *r);
void tn_case_sweep_release(struct tn_case_sweep *r);

/* Records plan_defaulted on every mediated case of scope whose plan, judged on day (-1: the
 * day of app->now), has a missed instalment; the cases as known now. out (initialized) lists
 * what was recorded, also on failure. Errors: TN_ERR_REJECTED (day after today),
 * TN_ERR_STATE or TN_ERR_RANGE (a default refused; why names the case), TN_ERR_STORE. */
tn_err tn_app_case_sweep(struct tn_app *app, const struct tn_scope *scope, tn_day day,
                         struct tn_case_sweep *out);

/* The lawsuit amount of a case from the ledger: the latest closed balance known at the end
 * of the filing day. */
struct tn_case_claim {
    char case_id[72];
    char unit_code[32];
    char as_of[20];            /* what the ledger is read as of */
    struct tn_explain explain; /* the balance and every line behind it */
    struct tn_debt debt;       /* what to claim: the balance's debt past its deadline (aging.h) */
    int stale;                 /* the balance's period ends more than a month before the day */
    int filed;                 /* a lawsuit_filed event is recorded: its day and amount */
    tn_day filed_on;
    tn_money filed_amount;
};

void tn_case_claim_init(struct tn_case_claim *c);
void tn_case_claim_release(struct tn_case_claim *c);

/* Fills out (initialized) with the amount to claim for case_id when filing on day (-1: as of
 * app->now). Errors: TN_ERR_REJECTED (no such case; no closed balance known by then: why),
 * TN_ERR_STORE. */
tn_err tn_app_case_claim(struct tn_app *app, const struct tn_scope *scope, const char *case_id,
                         tn_day day, struct tn_case_claim *out);

/* Writes every line behind c's balance to out, as `thuno explain` prints them (the io
 * explain writer). Errors: TN_ERR_IO. */
tn_err tn_app_case_claim_write(const struct tn_case_claim *c, FILE *out);

/* What every register verb gives: the case, the row's day, and the note and actor (NULL:
 * none). Strings borrowed. */
struct tn_case_reg_base {
    const char *case_id;
    tn_day day;
    const char *note, *actor;
};

/* The register verbs (docs/case-registers.md). Each checks its arguments and the row against
 * the case (a register records what happened: only a scheduled hearing may be dated after
 * the day of app->now) and adds it at app->now; on TN_OK *no is the row's number in its
 * register. Errors: TN_ERR_REJECTED (a rule refused it; why says which, in the words of the
 * CLI's options), TN_ERR_STORE. Strings borrowed; amounts -1 when not given. */
struct tn_case_fee_args {
    struct tn_case_reg_base b;
    tn_money amount;    /* paid, above 0; or -1 with exempt */
    const char *exempt; /* the legal basis of an exemption, NULL when paid */
};
tn_err tn_app_case_fee(struct tn_app *app, const struct tn_scope *scope,
                       const struct tn_case_fee_args *a, long *no);

struct tn_case_hearing_args {
    struct tn_case_reg_base b;
    const char *status; /* scheduled|held|postponed */
    const char *court;
};
tn_err tn_app_case_hearing(struct tn_app *app, const struct tn_scope *scope,
                           const struct tn_case_hearing_args *a, long *no);

struct tn_case_asset_args {
    struct tn_case_reg_base b;
    const char *kind; /* bank_account|land|vehicle|receivable|income|other */
    const char *description;
    const char *holder; /* NULL: not said */
    int pledged;        /* 1/0, -1: not said */
    tn_money value;     /* estimated, -1: not said */
};
tn_err tn_app_case_asset(struct tn_app *app, const struct tn_scope *scope,
                         const struct tn_case_asset_args *a, long *no);

struct tn_case_verify_args {
    struct tn_case_reg_base b;
    long asset;
    const char *result; /* exists|pledged|not_found|moved */
    const char *by;
};
tn_err tn_app_case_verify(struct tn_app *app, const struct tn_scope *scope,
                          const struct tn_case_verify_args *a, long *no);

struct tn_case_priority_args {
    struct tn_case_reg_base b;
    const char *order; /* the assets in the creditor's order, "2,1,3" */
};
tn_err tn_app_case_priority(struct tn_app *app, const struct tn_scope *scope,
                            const struct tn_case_priority_args *a, long *no);

struct tn_case_measure_args {
    struct tn_case_reg_base b;
    long asset;
    const char *measure; /* account_freeze|account_deduction|seizure|auction|income_deduction */
    tn_money amount;     /* -1: none */
};
tn_err tn_app_case_measure(struct tn_app *app, const struct tn_scope *scope,
                           const struct tn_case_measure_args *a, long *no);

struct tn_case_bank_order_args {
    struct tn_case_reg_base b;
    const char *bank;
    tn_money amount;     /* the sum ordered, above 0; -1: not given (refused) */
    const char *channel; /* bank|treasury, NULL: bank */
};
tn_err tn_app_case_bank_order(struct tn_app *app, const struct tn_scope *scope,
                              const struct tn_case_bank_order_args *a, long *no);

struct tn_case_bank_reply_args {
    struct tn_case_reg_base b;
    long order;
    const char *result; /* executed|refused|delayed|partial */
    tn_money amount;    /* deducted, above 0; -1: not given */
};
tn_err tn_app_case_bank_reply(struct tn_app *app, const struct tn_scope *scope,
                              const struct tn_case_bank_reply_args *a, long *no);

struct tn_case_tip_args {
    struct tn_case_reg_base b;
    const char *informant;
    const char *asset_text;
    long asset; /* 0: names no asset of the case */
};
tn_err tn_app_case_tip(struct tn_app *app, const struct tn_scope *scope,
                       const struct tn_case_tip_args *a, long *no);

struct tn_case_tip_result_args {
    struct tn_case_reg_base b;
    long tip;
    tn_money recovered; /* 0: nothing; -1: not given (refused) */
};
tn_err tn_app_case_tip_result(struct tn_app *app, const struct tn_scope *scope,
                              const struct tn_case_tip_result_args *a, long *no);

struct tn_case_agent_args {
    struct tn_case_reg_base b;
    const char *agent; /* thads|bailiff */
    const char *office;
};
tn_err tn_app_case_agent(struct tn_app *app, const struct tn_scope *scope,
                         const struct tn_case_agent_args *a, long *no);

/* Links unit, a branch of the case's debtor in province (digits), to the case at app->now.
 * Errors: TN_ERR_REJECTED (bad codes, no such case, already linked, the case's own unit: why),
 * TN_ERR_STORE. */
tn_err tn_app_case_branch(struct tn_app *app, const struct tn_scope *scope, const char *case_id,
                          const char *unit, const char *province, const char *note);

#include "thuno/doc.h"

/* What a document or the checklist is asked for. Strings borrowed. */
struct tn_doc_request {
    const char *case_id;
    tn_day date;       /* the document's date; -1: the day of as_of (a petition already
                        * filed: its filing day) */
    const char *as_of; /* "YYYY-MM-DDTHH:MM:SS", NULL: app->now */
    const char *to, *issuer, *place; /* NULL: none; a document needs its issuer (the office
                                      * settings' office, docs/letters.md) */
    const char *authority, *signer;  /* the signature block (the office settings' authority
                                      * and title); NULL: "GIÁM ĐỐC" signs */
};

/* Fills out (tn_doc_init first) with document kind of the case, from its facts as known at
 * req->as_of and the ledger as known at the end of the document's date; created receives the
 * as_of used (the PDF's creation date). Errors: TN_ERR_NOT_FOUND (no such case),
 * TN_ERR_NO_POLICY (no allocation rule that day), TN_ERR_REJECTED (the history does not
 * replay, or a fact the document needs is missing: why), TN_ERR_USAGE (no issuer),
 * TN_ERR_STORE. */
tn_err tn_app_doc(struct tn_app *app, const struct tn_scope *scope, enum tn_doc_kind kind,
                  const struct tn_doc_request *req, struct tn_doc *out, char created[static 20]);

/* How a document is written. */
enum tn_doc_format { TN_DOC_FORMAT_TEXT, TN_DOC_FORMAT_PDF };

/* Writes d to out (opened by the face) in format through the io document writers; created
 * ("YYYY-MM-DDTHH:MM:SS", from tn_app_doc) dates a PDF. Errors: TN_ERR_IO. */
tn_err tn_app_doc_write(const struct tn_doc *d, enum tn_doc_format format, const char *created,
                        FILE *out);

/* One document of the checklist. */
struct tn_doc_checklist_line {
    enum tn_doc_kind kind;
    struct tn_doc_check check; /* its stage and the facts it lacks */
    int built;                 /* tn_doc_build fills it: every fact present */
    char why[512];             /* why it was not built */
};

/* Which document each stage produces, whether the case is at that stage, what it lacks. */
struct tn_doc_checklist {
    char unit_code[32];
    enum tn_case_state state;
    char as_of[20];
    tn_day date;
    struct tn_doc_checklist_line lines[TN_DOC_COUNT];
};

/* Fills out with the checklist of the case for req: every document gathered and built as
 * tn_app_doc does, so the two never disagree. Errors: those of tn_app_doc but
 * TN_ERR_REJECTED for a missing fact. */
tn_err tn_app_doc_checklist(struct tn_app *app, const struct tn_scope *scope,
                            const struct tn_doc_request *req, struct tn_doc_checklist *out);

/* Records p (found and known_at ignored) as the case's pensioner judgment debtor at
 * app->now, by actor (NULL: none). Errors: TN_ERR_NOT_FOUND (no such case), TN_ERR_RANGE
 * (pay_day outside 1..31, empty name or code), TN_ERR_STORE; why says which. */
tn_err tn_app_case_pensioner(struct tn_app *app, const struct tn_scope *scope, const char *case_id,
                             const struct tn_doc_pensioner *p, const char *actor);

#endif
