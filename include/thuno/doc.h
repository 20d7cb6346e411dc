/*
 * doc.h - the documents a case produces (issue 5 items 6 and 8, docs/documents.md): the fine
 * proposal, the forced deduction request to the unit's bank (or to the State Treasury for a
 * public-sector unit), the lawsuit petition summary, the enforcement request and the notice
 * of a pensioner judgment debtor's payment dates. Each is filled from the case's facts; a
 * document whose required fact is missing is refused, naming the fact: nothing is invented.
 *
 * Invariants: pure (libc only). The facts are gathered by the store (doc_store.h) and
 * borrowed here; a built document owns its text (tn_doc_release). Every amount a document
 * states is either a stored fact or computed here from stored facts, line by line.
 */
#ifndef THUNO_DOC_H
#define THUNO_DOC_H

#include <stddef.h>

#include "thuno/case.h"
#include "thuno/err.h"
#include "thuno/money.h"
#include "thuno/period.h"
#include "thuno/policy.h"
#include "thuno/sanction.h"

/* clang-format off */
#define TN_DOC_KIND_MAP(X)                                                                 \
    X(FINE_PROPOSAL,       "fine_proposal",       FINE_DECIDED,          "Đề xuất xử phạt vi phạm hành chính") \
    X(DEDUCTION_REQUEST,   "deduction_request",   DEDUCTION_ORDERED,     "Yêu cầu trích tiền từ tài khoản")    \
    X(LAWSUIT_PETITION,    "lawsuit_petition",    LAWSUIT_FILED,         "Đơn khởi kiện (tóm tắt)")            \
    X(ENFORCEMENT_REQUEST, "enforcement_request", ENFORCEMENT_REQUESTED, "Đơn yêu cầu thi hành án")            \
    X(PENSIONER_NOTICE,    "pensioner_notice",    MEASURE_APPLIED,       "Thông báo ngày chi trả lương hưu")
/* clang-format on */

enum tn_doc_kind {
#define X(id, name, stage, vi) TN_DOC_##id,
    TN_DOC_KIND_MAP(X)
#undef X
        TN_DOC_COUNT
};

/* Returns the kind's name ("fine_proposal"), its Vietnamese title, or the case event whose
 * stage it serves (the pensioner notice serves the coercive measures of enforcement);
 * NULL / TN_CASE_EV_COUNT out of range. */
const char *tn_doc_kind_name(enum tn_doc_kind k);
const char *tn_doc_kind_label(enum tn_doc_kind k);
enum tn_case_event tn_doc_kind_stage(enum tn_doc_kind k);
/* Errors: TN_ERR_PARSE when s is not a kind's name. */
tn_err tn_doc_kind_parse(const char *s, enum tn_doc_kind *out);

/* The unit's balance behind a claim, as the ledger knew it: the last period closed. */
struct tn_doc_period {
    tn_period period;
    tn_money charge;   /* assessed + back-dated adjustments recognised in the period */
    tn_money interest; /* interest charged in the period */
    tn_money paid;
    tn_money closing;
    tn_money unpaid; /* principal charged to the period (its own and back-dated changes for it)
                        still unpaid at the last period: the ledger's unpaid_line */
    tn_money charge_g[TN_G_COUNT]; /* charge per group */
};

struct tn_doc_interest {
    tn_period period;        /* the close that charged it */
    tn_period accrual_month; /* Law 58 monthly lines; -1 for daily lines */
    char group[8], rule[16], status[16];
    char from[TN_DAY_BUFSZ], to[TN_DAY_BUFSZ]; /* daily lines; "" otherwise */
    int days;
    tn_money principal;
    tn_ppm rate;
    tn_money amount;
    char source[256];
};

struct tn_doc_ledger {
    int found;         /* 0: no closed balance known (then nothing else is set) */
    tn_period period;  /* the last period closed, as known */
    char known_at[20]; /* when that balance became known */
    tn_money principal_due, interest_due;
    tn_money due_bhyt, due_bhtn, due_bhxh; /* principal due per group (doc_store.h) */
    tn_period oldest_unpaid;               /* -1: nothing unpaid */
    int months_owed_tenths;
    char legal_status[12];
    const struct tn_doc_period *periods; /* oldest first */
    size_t nperiods;
    const struct tn_doc_interest *interest; /* in close order */
    size_t ninterest;
};

/* A judgment debtor who draws a pension (seed 000: Official Letter 3077/BHXH-QBC; Law on
 * Civil Judgment Enforcement Art 78.4): thuno notifies the payment dates, never deducts. */
struct tn_doc_pensioner {
    int found;
    char name[160];
    char bhxh_code[16];
    int pay_day;       /* day of the month the pension is paid (1..31; short months: last day) */
    char paid_at[160]; /* where it is paid ("Bưu điện huyện ..."), "" when not known */
    char note[256];
    char known_at[20];
};

/* A payment tied to the case (recovered). */
struct tn_doc_payment {
    tn_day paid_on;
    tn_money amount;
    char channel[24];
};

/* Everything a document may draw on. Pointers are borrowed. */
struct tn_doc_facts {
    const char *case_id;
    tn_day date;       /* the document's date */
    const char *as_of; /* what was known of the case: "YYYY-MM-DDTHH:MM:SS" */
    const char
        *ledger_as_of;  /* what was known of the ledger: as_of, or the date's end if earlier */
    const char *issuer; /* "BẢO HIỂM XÃ HỘI TỈNH ..." */
    const char *place;  /* "" or the place before the date line */
    const char *to;     /* addressee given by the user, "" when none */
    const char *authority, *signer; /* the signature block from the office settings: "KT. GIÁM
                                       ĐỐC", "PHÓ GIÁM ĐỐC"; NULL or "": none, "GIÁM ĐỐC" */
    int unit_found;
    const char *unit_code, *unit_name, *tax_code, *unit_type, *address, *office_code;
    const struct tn_case *c; /* replayed as of as_of */
    const struct tn_case_step *steps;
    const char *const *notes; /* each step's note ("" when none) */
    size_t nsteps;
    const struct tn_doc_payment *payments;
    size_t npayments;
    struct tn_doc_ledger ledger;
    struct tn_doc_pensioner pensioner;
    const struct tn_fine_rule *fines; /* policy/sanctions.csv */
    size_t nfines;
};

/* What a line of a document is. */
enum tn_doc_line_kind {
    TN_DOC_LINE_HEADING, /* a numbered part: "I. Các bên / parties" */
    TN_DOC_LINE_PARA,    /* running text */
    TN_DOC_LINE_FIELD,   /* label: text */
    TN_DOC_LINE_AMOUNT,  /* label, detail, amount (a row of an amount table) */
    TN_DOC_LINE_TOTAL,   /* label, amount: the sum of the amount rows above it */
    TN_DOC_LINE_COLS,    /* the column titles of the rows below, '|'-separated in text */
    TN_DOC_LINE_ROW      /* label and nv amounts under the columns above (bold: a total) */
};

#define TN_DOC_ROW_MAX 6

struct tn_doc_line {
    enum tn_doc_line_kind kind;
    int indent;
    char *label; /* owned; "" when none */
    char *text;  /* owned; "" when none */
    tn_money amount;
    tn_money v[TN_DOC_ROW_MAX]; /* TN_DOC_LINE_ROW */
    int nv, bold;
};

/* A filled document: the header of an administrative letter, then its lines. */
struct tn_doc {
    enum tn_doc_kind kind;
    int treasury; /* the deduction request goes to the State Treasury (public-sector unit) */
    tn_day date;
    char issuer[192];
    char number[96]; /* "Số: ..../BHXH-..." left for the office to number */
    char title[192];
    char subject[320]; /* "V/v ..." */
    char addressee[320];
    char place[96];       /* "" or the place before the date */
    char place_date[128]; /* "Quảng Trị, ngày 29 tháng 11 năm 2025" */
    char authority[96];   /* "" or "KT. GIÁM ĐỐC" above the signer's title */
    char signer[96];
    tn_money amount; /* the amount the document asks for or states (-1: none) */
    struct tn_doc_line *lines;
    size_t nlines, caplines;
};

/* tn_doc_init() empties d (amount -1: none); tn_doc_release() frees its lines (their label
 * and text) and leaves d as if just initialized. */
void tn_doc_init(struct tn_doc *d);
void tn_doc_release(struct tn_doc *d);

/* A fact a document needs that the case does not have (a refusal names the first). */
#define TN_DOC_MISSING_MAX 8
struct tn_doc_check {
    int stage_ok;    /* the case is at a stage where the document is produced */
    tn_day recorded; /* the day its event was recorded (a reprint), -1 when not yet */
    char stage[256]; /* why not, when stage_ok is 0 */
    size_t nmissing;
    char missing[TN_DOC_MISSING_MAX][160];
};

/* Checks that f has what kind needs: the case's stage (its state allows the document's event,
 * or the event was recorded and the document is reprinted), and every required fact
 * (docs/documents.md lists them). Never fails. */
void tn_doc_check(enum tn_doc_kind kind, const struct tn_doc_facts *f, struct tn_doc_check *out);

/* Builds the document (tn_doc_init first; on failure d is released). why says, in English
 * with the fact's Vietnamese name, why it was refused. Errors: TN_ERR_STATE (wrong stage),
 * TN_ERR_NOT_FOUND (a required fact is missing), TN_ERR_NO_POLICY (no fine rule in force on
 * the date), TN_ERR_OVERFLOW. */
tn_err tn_doc_build(enum tn_doc_kind kind, const struct tn_doc_facts *f, struct tn_doc *d,
                    char *why, size_t whysz);

/* The enforceable amount of a case as f knows it: the award after appeals (a judgment) or
 * the settlement (a defaulted mediation), less every payment tied to the case; -1 when the
 * case has neither. */
tn_money tn_doc_enforceable(const struct tn_doc_facts *f, tn_money *base, tn_money *recovered);

/* The next count pension payment days on or after from for pay_day (a month shorter than
 * pay_day pays on its last day); writes them to out. */
void tn_doc_pension_dates(int pay_day, tn_day from, int count, tn_day *out);

#endif
