/*
 * err.c - names and messages of the error codes, expanded from TN_ERR_MAP so that nothing
 * drifts from the enum.
 */
#include "thuno/err.h"

const char *tn_err_name(tn_err e)
{
    switch (e) {
#define X(id, num, en, vi)                                                                         \
    case id:                                                                                       \
        return #id;
        TN_ERR_MAP(X)
#undef X
    }
    return "TN_ERR_UNKNOWN";
}

const char *tn_err_message(tn_err e, enum tn_lang lang)
{
    switch (e) {
#define X(id, num, en, vi)                                                                         \
    case id:                                                                                       \
        return lang == TN_LANG_EN ? en : vi;
        TN_ERR_MAP(X)
#undef X
    }
    return lang == TN_LANG_EN ? "unknown error" : "lỗi không xác định";
}
