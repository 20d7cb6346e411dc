/*
 * report_users.c - the users report (docs/api.md "Users"; docs/web.md "Users"): the users'
 * table of tn_app_users (login, role, office, officer, disabled, created, changed; never the
 * hash) as a report of the registry, so the users page downloads it as XLSX, PDF and CSV like
 * every other table. The administrator's alone: the runner refuses any other role, whatever
 * face asked (report.read is every role's).
 */
#include "app_int.h"

#include <string.h>

#include "thuno/app_user.h"
#include "thuno/store.h"

/* clang-format off */
#define USER_COLS(X, p)                                                                            \
    X(p, login, TEXT, "Tên đăng nhập", "Login", 0)                                                 \
    X(p, role, TEXT, "Vai trò", "Role", 0)                                                         \
    X(p, office, TEXT, "Phòng/Cơ quan BHXH", "Office", 0)                                          \
    X(p, officer, TEXT, "Mã cán bộ", "Officer", 0)                                                 \
    X(p, disabled, TEXT, "Đã khóa", "Disabled", 0)                                                 \
    X(p, created, TEXT, "Tạo lúc", "Created", 0)                                                   \
    X(p, changed, TEXT, "Sửa lúc", "Changed", 0)
TN_COLUMNS(USER, USER_COLS);
/* clang-format on */

const struct tn_col *tn_app_user_cols(size_t *ncols)
{
    *ncols = USER_NCOLS;
    return USER_cols;
}

static tn_err user_row(void *ctx, const struct tn_user_row *u)
{
    const struct tn_sink *out = ctx;
    struct tn_cell c[USER_NCOLS];
    c[USER_login] = tn_cell_text(u->login);
    c[USER_role] = tn_cell_text(tn_role_name((enum tn_role)u->role));
    c[USER_office] = tn_cell_text(u->office);
    c[USER_officer] = tn_cell_text(u->officer);
    c[USER_disabled] = tn_cell_text(u->disabled ? "yes" : "no");
    c[USER_created] = tn_cell_text(u->created);
    c[USER_changed] = tn_cell_text(u->changed);
    return out->row(out->ctx, c);
}

tn_err tn_app_users(struct tn_app *app, const struct tn_sink *out)
{
    tn_err err = tn_store_users(app->store, user_row, (void *)out);
    return err == TN_ERR_STORE ? tn__app_fail(app, err, "%s", tn_store_errmsg(app->store)) : err;
}

tn_err tn_app_user(struct tn_app *app, const char *login, const struct tn_sink *out)
{
    struct tn_user_row u;
    int found = 0;
    tn_err err = tn_store_user_get(app->store, login, &u, &found);
    if (err)
        return tn__app_fail(app, err, "%s", tn_store_errmsg(app->store));
    if (!found)
        return tn__app_fail(app, TN_ERR_NOT_FOUND, "không có người dùng %s / no user %s", login,
                            login);
    return user_row((void *)out, &u);
}

static tn_err run_users(struct tn_app *app, const struct tn_scope *scope,
                        const struct tn_report_params *p, const struct tn_sink *out)
{
    (void)p;
    if (scope->role != TN_ROLE_ADMIN)
        return tn__app_fail(app, TN_ERR_FORBIDDEN,
                            "chỉ quản trị viên xem được danh sách người dùng / only the "
                            "administrator reads the users");
    return tn_app_users(app, out);
}

static const struct tn_report reports[] = {
    {"users", "Người dùng / Users",
     "the users of the API and the CLI: login, role, office, officer, disabled, created, changed "
     "(never the password hash); the administrator's",
     USER_cols, USER_NCOLS, TN_REPORT_NO_SUM, run_users},
};

TN__REPORT_GROUP(tn__reports_users, reports);
