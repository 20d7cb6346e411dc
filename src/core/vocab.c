/*
 * vocab.c - the words documents show for enumerated values (vocab.h). The Vietnamese words
 * are those of the law and of the office's own forms: chậm đóng and trốn đóng (Law
 * 41/2024/QH15 Art 38, 39), the unit types of the registration forms, the case states and
 * events of case.h (their labels are reused, not copied), the departments of
 * docs/glossary.md.
 */
#include "thuno/vocab.h"

#include <string.h>

#include "thuno/case.h"

/* clang-format off */
static const struct tn_vocab_entry words[] = {
    /* legal status of a unit's balance (aging.h) */
    {NULL, "current", "Đóng đúng hạn", "Current"},
    {NULL, "late", "Chậm đóng", "Late"},
    {NULL, "evading", "Trốn đóng", "Evading"},
    /* unit types (units.csv `type`) */
    {NULL, "state", "Doanh nghiệp nhà nước", "State-owned"},
    {NULL, "fdi", "Doanh nghiệp có vốn đầu tư nước ngoài", "Foreign-invested"},
    {NULL, "private", "Doanh nghiệp ngoài nhà nước", "Private"},
    {NULL, "cooperative", "Hợp tác xã", "Cooperative"},
    {NULL, "public", "Cơ quan, đơn vị sự nghiệp công lập", "Public body"},
    {NULL, "household", "Hộ kinh doanh", "Household business"},
    {NULL, "other", "Loại hình khác", "Other"},
    /* unit status (units.csv `status`); a case's `suspended` is the case state's */
    {NULL, "active", "Đang hoạt động", "Active"},
    {"status", "suspended", "Tạm ngừng hoạt động", "Suspended trading"},
    {NULL, "dissolved", "Giải thể", "Dissolved"},
    {NULL, "bankrupt", "Phá sản", "Bankrupt"},
    {NULL, "absconded", "Chủ bỏ trốn, không liên lạc được", "Absconded"},
    /* months-owed buckets (aging.c tn_aging_bucket, months owed in tenths: < 1, < 3 ...) */
    {"bucket", "0", "Dưới 1 tháng", "Under 1 month"},
    {"bucket", "1-3", "Từ 1 đến dưới 3 tháng", "1 to under 3 months"},
    {"bucket", "3-6", "Từ 3 đến dưới 6 tháng", "3 to under 6 months"},
    {"bucket", "6-12", "Từ 6 đến dưới 12 tháng", "6 to under 12 months"},
    {"bucket", "12+", "Từ 12 tháng trở lên", "12 months and more"},
    /* the monthly handover between the departments (docs/glossary.md) */
    {"direction", "QLT->KTTN", "Phòng Quản lý thu chuyển Phòng Khai thác và thu nợ",
     "From collection management to debt recovery"},
    {"direction", "KTTN->QLT", "Phòng Khai thác và thu nợ chuyển lại Phòng Quản lý thu",
     "From debt recovery back to collection management"},
    /* the row of totals */
    {NULL, "total", "Tổng cộng", "Total"},
    /* yes / no */
    {NULL, "yes", "Có", "Yes"},
    {NULL, "no", "Không", "No"},
    /* card lock actions (card_locks) */
    {NULL, "lock", "Khóa thẻ", "Lock"},
    {NULL, "unlock", "Mở khóa thẻ", "Unlock"},
    /* departments (officers.csv `department`, docs/glossary.md) */
    {NULL, "QLT", "Phòng Quản lý thu", "Collection management (QLT)"},
    {NULL, "KTTN", "Phòng Khai thác và thu nợ", "Debt recovery (KTTN)"},
    {NULL, "TTKT", "Phòng Thanh tra - Kiểm tra", "Inspection (TTKT)"},
    {NULL, "legal", "Bộ phận pháp chế", "Legal"},
    {NULL, "director", "Ban Giám đốc", "Director"},
    /* payment channels (payments.csv `channel`) */
    {"channel", "transfer", "Chuyển khoản", "Transfer"},
    {"channel", "cash", "Tiền mặt", "Cash"},
    {"channel", "bank", "Ngân hàng", "Bank"},
    {"channel", "treasury", "Kho bạc Nhà nước", "State Treasury"},
    {"channel", "mediation", "Theo hòa giải thành", "Mediation"},
    {"channel", "judgment", "Theo bản án", "Judgment"},
    {"channel", "enforcement", "Qua cơ quan thi hành án", "Enforcement"},
    /* a repayment plan (cases) */
    {NULL, "on_track", "Đang trả đúng lộ trình", "On track"},
    {NULL, "defaulted", "Vi phạm lộ trình", "Defaulted"},
    {NULL, "complete", "Đã trả xong", "Complete"},
    /* who acts next on a case */
    {"next_by", "unit", "Đơn vị", "Unit"},
    {"next_by", "court", "Tòa án", "Court"},
    {"next_by", "office", "Cơ quan BHXH", "Office"},
    {"next_by", "THADS", "Cơ quan thi hành án dân sự", "Enforcement office"},
    {"next_by", "bank", "Ngân hàng", "Bank"},
    /* the same on the worklist (docs/operations.md) */
    {"deadline_by", "unit", "Đơn vị", "Unit"},
    {"deadline_by", "court", "Tòa án", "Court"},
    {"deadline_by", "office", "Cơ quan BHXH", "Office"},
    {"deadline_by", "THADS", "Cơ quan thi hành án dân sự", "Enforcement office"},
    {"deadline_by", "bank", "Ngân hàng", "Bank"},
    /* the violation a fine is proposed for (policy/sanctions.csv `violation`) */
    {"fine_violation", "late", "Chậm đóng", "Late payment"},
    {"fine_violation", "evasion", "Trốn đóng", "Evasion"},
    /* the ladder's steps (policy/ladder.csv) */
    {NULL, "reminder", "Văn bản đôn đốc", "Reminder"},
    {NULL, "second_reminder", "Văn bản đôn đốc lần 2", "Second reminder"},
    {NULL, "inspection", "Thanh tra, kiểm tra", "Inspection"},
    {NULL, "fine", "Xử phạt vi phạm hành chính", "Fine"},
    {NULL, "forced_deduction", "Trích tiền từ tài khoản", "Forced deduction"},
    {NULL, "public_disclosure", "Công khai trên phương tiện thông tin", "Public disclosure"},
    {NULL, "lawsuit", "Khởi kiện", "Lawsuit"},
    /* the reminder clock (reminders) */
    {NULL, "running", "Đang tính", "Running"},
    {NULL, "expired", "Đã hết hạn", "Expired"},
    {NULL, "paid", "Đã đóng", "Paid"},
    /* findings, measures, reasons (a referral's reasons are a list of these) */
    {NULL, "status", "Tình trạng đơn vị", "Unit status"},
    {NULL, "months_owed", "Nợ nhiều tháng", "Months owed"},
    /* findings, measures, reasons */
    {NULL, "not_registered", "Chưa đăng ký tham gia", "Not registered"},
    {NULL, "under_declared", "Đóng thấp hơn thực tế", "Under-declared"},
    {NULL, "licence_check", "Kiểm tra giấy phép", "Licence check"},
    {NULL, "below_min_wage", "Đóng thấp hơn lương tối thiểu", "Below the minimum wage"},
    {NULL, "inspection_overdue", "Quá hạn thanh tra", "Inspection overdue"},
    {NULL, "owes_despite_reminders", "Nợ dù đã được đôn đốc", "Owes despite reminders"},
    {NULL, "no_payer", "Không xác định người nộp", "No payer"},
    {NULL, "unknown_unit", "Không xác định đơn vị", "Unknown unit"},
    {NULL, "other_office", "Thuộc cơ quan BHXH khác", "Another office"},
    {NULL, "other_province", "Thuộc tỉnh khác", "Another province"},
    {NULL, "open", "Đang mở", "Open"},
    {NULL, "overdue", "Quá hạn", "Overdue"},
    {NULL, "recovered", "Đã thu hồi", "Recovered"},
    {NULL, "blocked", "Bị chặn", "Blocked"},
    {NULL, "closable", "Có thể đóng", "Closable"},
    /* handover signatures */
    {NULL, "signed", "Đã ký", "Signed"},
    {NULL, "unsigned", "Chưa ký", "Not signed"},
    {NULL, "absent", "Không có", "Absent"},
    {NULL, "dropped", "Đã rút khỏi danh sách", "Dropped"},
    /* suspense matching methods */
    {"method", "unit_code", "Theo mã đơn vị", "By unit code"},
    {"method", "tax_code", "Theo mã số thuế", "By tax code"},
    {"method", "name", "Theo tên", "By name"},
    {"method", "ambiguous", "Không xác định duy nhất", "Ambiguous"},
    {"method", "none", "Không khớp", "None"},
    /* scopes of a plan */
    {"scope", "province", "Toàn tỉnh", "Province"},
    {"scope", "department", "Phòng", "Department"},
    {"scope", "office", "Cơ quan BHXH", "Office"},
    {"scope", "officer", "Cán bộ", "Officer"},
    {"scope", "type", "Loại hình", "Unit type"},
    /* the funds and shares of an assessment (the what-if, docs/whatif.md) */
    {"fund", "sickness", "Ốm đau, thai sản", "Sickness and maternity"},
    {"fund", "tnld", "Tai nạn lao động, bệnh nghề nghiệp", "Occupational accidents and diseases"},
    {"fund", "pension", "Hưu trí, tử tuất", "Pension and survivorship"},
    {"fund", "bhyt", "Bảo hiểm y tế", "Health insurance"},
    {"fund", "bhtn", "Bảo hiểm thất nghiệp", "Unemployment insurance"},
    {"share", "employer", "Người sử dụng lao động", "Employer"},
    {"share", "worker", "Người lao động", "Worker"},
};
/* clang-format on */

#define NWORDS (sizeof words / sizeof words[0])

/* Case states and events: their Vietnamese labels are case.h's, their English these, in the
 * order of case.h's lists. */
static const char *const state_en[] = {"New",
                                       "Escalating",
                                       "Sued",
                                       "Mediated, paying by the plan",
                                       "Enforceable",
                                       "Under enforcement",
                                       "Waiting for assets",
                                       "Closed",
                                       "Withdrawn"};
static const char *const event_en[] = {"Reminder sent",
                                       "Inspection concluded",
                                       "Fine decided",
                                       "Deduction ordered",
                                       "Bank did not deduct",
                                       "Published",
                                       "Criminal referral",
                                       "Lawsuit filed",
                                       "Mediation settled",
                                       "Judgment",
                                       "Appeal changed the judgment",
                                       "Enforcement requested",
                                       "Enforcement decided",
                                       "Assets verified",
                                       "Measure applied",
                                       "Entrusted",
                                       "Suspended, no assets",
                                       "Plan defaulted",
                                       "Case closed",
                                       "Withdrawn"};
_Static_assert(sizeof state_en / sizeof state_en[0] == TN_CASE_ST_COUNT, "a word per state");
_Static_assert(sizeof event_en / sizeof event_en[0] == TN_CASE_EV_COUNT, "a word per event");

/* clang-format off */
static const struct tn_vocab_entry case_words[] = {
#define X(id, name, vi) {"state", name, vi, NULL},
    TN_CASE_STATE_MAP(X)
#undef X
#define X(id, name, vi) {NULL, name, vi, NULL},
    TN_CASE_EVENT_MAP(X)
#undef X
};
/* clang-format on */

#define NCASE (sizeof case_words / sizeof case_words[0])

size_t tn_vocab_count(void)
{
    return NWORDS + NCASE;
}

int tn_vocab_get(size_t i, struct tn_vocab_entry *out)
{
    if (i < NWORDS) {
        *out = words[i];
        return 1;
    }
    if (i >= NWORDS + NCASE)
        return 0;
    size_t k = i - NWORDS;
    *out = case_words[k];
    out->en = k < TN_CASE_ST_COUNT ? state_en[k] : event_en[k - TN_CASE_ST_COUNT];
    return 1;
}

/* The word of entry i in lang. */
static const char *word_of(size_t i, enum tn_lang lang)
{
    if (i < NWORDS)
        return lang == TN_LANG_EN ? words[i].en : words[i].vi;
    size_t k = i - NWORDS;
    if (lang != TN_LANG_EN)
        return case_words[k].vi;
    return k < TN_CASE_ST_COUNT ? state_en[k] : event_en[k - TN_CASE_ST_COUNT];
}

const char *tn_vocab_label(const char *col, const char *value, enum tn_lang lang)
{
    size_t any = (size_t)-1;
    if (!value || !*value)
        return NULL;
    for (size_t i = 0; i < NWORDS + NCASE; i++) {
        const struct tn_vocab_entry *e = i < NWORDS ? &words[i] : &case_words[i - NWORDS];
        if (strcmp(e->value, value) != 0)
            continue;
        if (e->column && col && strcmp(e->column, col) == 0)
            return word_of(i, lang);
        if (!e->column && any == (size_t)-1)
            any = i;
    }
    return any != (size_t)-1 ? word_of(any, lang) : NULL;
}
