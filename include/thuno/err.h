/*
 * err.h - the one error convention of thuno.
 *
 * Invariants: a function that can fail returns tn_err and writes its results through
 * out-parameters, touched only on TN_OK. Codes are appended, never renumbered or removed:
 * the API and the logs show them. Out of memory is not a code (see mem.h).
 */
#ifndef THUNO_ERR_H
#define THUNO_ERR_H

/* clang-format off */
#define TN_ERR_MAP(X)                                                                        \
    X(TN_OK,              0, "ok",                          "thành công")                    \
    X(TN_ERR_RANGE,       1, "value out of range",          "giá trị ngoài phạm vi")         \
    X(TN_ERR_OVERFLOW,    2, "amount too large",            "số tiền vượt giới hạn")         \
    X(TN_ERR_NO_POLICY,   3, "no policy for period",        "chưa có chính sách cho kỳ")     \
    X(TN_ERR_PARSE,       4, "malformed input",             "dữ liệu sai định dạng")         \
    X(TN_ERR_STORE,       5, "storage failure",             "lỗi lưu trữ")                   \
    X(TN_ERR_IO,          6, "file error",                  "lỗi đọc/ghi tệp")               \
    X(TN_ERR_NOT_FOUND,   7, "not found",                   "không tìm thấy")                \
    X(TN_ERR_CONFLICT,    8, "conflicts with stored data",  "xung đột với dữ liệu đã lưu")   \
    X(TN_ERR_REJECTED,    9, "input rejected",              "dữ liệu bị từ chối")            \
    X(TN_ERR_STATE,      10, "not allowed in this state",   "không được phép ở trạng thái này") \
    X(TN_ERR_USAGE,      11, "bad usage",                   "sai cú pháp lệnh")              \
    X(TN_ERR_AUTH,       12, "not logged in",               "chưa đăng nhập")                \
    X(TN_ERR_FORBIDDEN,  13, "not allowed for this role",   "vai trò không được phép")       \
    X(TN_ERR_THROTTLED,  14, "too many failed logins",      "đăng nhập sai quá nhiều lần")
/* clang-format on */

typedef enum tn_err {
#define X(id, num, en, vi) id = num,
    TN_ERR_MAP(X)
#undef X
} tn_err;

enum tn_lang { TN_LANG_VI, TN_LANG_EN };

/* Returns the code's name, e.g. "TN_ERR_RANGE", for logs and the API; "TN_ERR_UNKNOWN" for a
 * number outside the list. Never NULL; static storage. */
const char *tn_err_name(tn_err e);

/* Returns the code's message in lang; static storage, never NULL. */
const char *tn_err_message(tn_err e, enum tn_lang lang);

#endif
