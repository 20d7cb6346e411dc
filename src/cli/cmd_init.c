/*
 * cmd_init.c - `thuno init [--admin LOGIN]`: creates an empty store with thuno's schema
 * (making the file is the face's part), runs the first-run setup of the application layer and
 * adds the first admin (docs/api.md "Users"): with --admin LOGIN its password is read from
 * standard input (one line); without, the admin is "admin" with a random password printed
 * once on standard error. A store whose admin cannot be added is removed.
 */
#include "cli.h"

#include <string.h>
#include <unistd.h>

#include "thuno/app.h"
#include "thuno/store.h"

/* Removes the file of a store that init could not finish (a plain path only). */
static void remove_store(const char *db)
{
    if (strcmp(db, ":memory:") == 0 || strstr(db, "://"))
        return;
    if (strncmp(db, "sqlite:", 7) == 0)
        db += 7;
    static const char *const tails[] = {"", "-wal", "-shm"};
    for (size_t i = 0; i < sizeof tails / sizeof tails[0]; i++) {
        char p[4096];
        snprintf(p, sizeof p, "%s%s", db, tails[i]);
        unlink(p);
    }
}

tn_err tn_cmd_init(struct tn_cli *cli)
{
    const char *admin = "admin";
    char password[512];
    int generated = cli->argc == 1;
    if (cli->argc == 3 && strcmp(cli->argv[1], "--admin") == 0)
        admin = cli->argv[2];
    else if (cli->argc != 1)
        return TN_ERR_USAGE;
    if (generated) {
        if (tn_app_password_new(password)) {
            tn_cli_error("init", "no randomness from the system for the admin's password");
            return TN_ERR_IO;
        }
    } else if (tn_cli_read_password(password, sizeof password)) {
        tn_cli_error("init", "expected the admin's password on standard input, one line");
        return TN_ERR_USAGE;
    }
    struct tn_store *s;
    char msg[256];
    tn_err err = tn_store_open(cli->db, 1, &s, msg);
    if (err) {
        tn_cli_error("init", "%s", msg);
        return err;
    }
    struct tn_app app;
    struct tn_scope scope = {NULL, NULL, TN_ROLE_ADMIN};
    tn_app_init(&app, s, NULL, cli->now, TN_LANG_VI);
    char actor[80];
    tn_cli_actor(actor);
    struct tn_user_new u = {admin, TN_ROLE_ADMIN, NULL, NULL};
    char summary[160];
    snprintf(summary, sizeof summary, "-> store created, first admin %.63s", admin);
    err = tn_cli_change(&app);
    if (!err)
        err = tn_app_init_store(&app, &scope);
    err = tn_cli_audit(&app, "init", cli->db, err, summary);
    if (!err)
        err = tn_app_user_add(&app, actor, &u, password);
    if (err) {
        tn_cli_error("init", "%s", tn_app_why(&app, err));
    } else {
        fprintf(stderr, "thuno: created %s\n", cli->db);
        if (generated)
            fprintf(stderr,
                    "thuno: quản trị viên / admin: %s, mật khẩu / password: %s (shown once; "
                    "change it with `thuno user passwd %s`)\n",
                    admin, password, admin);
    }
    memset(password, 0, sizeof password);
    tn_store_free(s);
    if (err)
        remove_store(cli->db);
    return err;
}
