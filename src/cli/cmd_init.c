/*
 * cmd_init.c - `thuno init [--admin LOGIN]`: creates an empty store with thuno's schema
 * (making the file is the face's part), runs the first-run setup of the application layer and
 * adds the first admin (docs/api.md "Users"): with --admin LOGIN its password is read from
 * standard input (one line); without, the admin is "admin" with a random password printed
 * once on standard error.
 *
 * A store file appears whole or not at all (docs/reliability.md "Crash safety"): init builds
 * it in DB.init-tmp beside DB and links it to DB only when the admin is added and the store is
 * closed, never over an existing file. A killed init leaves at most DB.init-tmp, which the next
 * init removes; a failed init removes it. A PostgreSQL store's schema, first-run setup and
 * admin commit in one transaction (TN_STORE_CREATE_HELD): the database holds all or none.
 */
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "thuno/app.h"
#include "thuno/store.h"

/* The file of a plain path db (NULL for ":memory:" and other URLs). */
static const char *store_file(const char *db)
{
    if (strcmp(db, ":memory:") == 0 || strstr(db, "://"))
        return NULL;
    return strncmp(db, "sqlite:", 7) == 0 ? db + 7 : db;
}

/* Removes a store file and SQLite's files beside it. */
static void remove_store(const char *path)
{
    static const char *const tails[] = {"", "-wal", "-shm", "-journal"};
    for (size_t i = 0; i < sizeof tails / sizeof tails[0]; i++) {
        char p[4300];
        snprintf(p, sizeof p, "%s%s", path, tails[i]);
        unlink(p);
    }
}

/* Makes the finished store tmp the file path, never over an existing file, and syncs the
 * directory so that the new name survives a power cut. Reports its own failure. */
static tn_err publish(const char *tmp, const char *path)
{
    char wal[4300];
    struct stat sb;
    snprintf(wal, sizeof wal, "%s-wal", tmp);
    if (stat(wal, &sb) == 0 && sb.st_size > 0) { /* the close did not checkpoint: not whole */
        tn_cli_error("init", "cannot finish %s (its write-ahead log remains)", tmp);
        return TN_ERR_STORE;
    }
    if (link(tmp, path) != 0) {
        if (errno == EEXIST) {
            tn_cli_error("init", "%s already exists", path);
            return TN_ERR_CONFLICT;
        }
        /* a file system without hard links: rename, having looked first */
        if (stat(path, &sb) == 0) {
            tn_cli_error("init", "%s already exists", path);
            return TN_ERR_CONFLICT;
        }
        if (rename(tmp, path) != 0) {
            tn_cli_error("init", "cannot create %s: %s", path, strerror(errno));
            return TN_ERR_IO;
        }
    }
    unlink(tmp);
    char dir[4200];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash)
        slash[slash == dir] = '\0';
    else
        snprintf(dir, sizeof dir, ".");
    int fd = open(dir, O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
    return TN_OK;
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
    const char *path = store_file(cli->db);
    char tmp[4200];
    struct stat sb;
    if (path && stat(path, &sb) == 0) {
        tn_cli_error("init", "%s already exists", path);
        return TN_ERR_CONFLICT;
    }
    if (path && (size_t)snprintf(tmp, sizeof tmp, "%s.init-tmp", path) >= 4096) {
        tn_cli_error("init", "the path %s is too long", path);
        return TN_ERR_USAGE;
    }
    if (path)
        remove_store(tmp); /* what a killed init left */
    struct tn_store *s;
    char msg[256];
    tn_err err =
        tn_store_open(path ? tmp : cli->db, path ? TN_STORE_CREATE : TN_STORE_CREATE_HELD, &s, msg);
    if (err) {
        if (path)
            tn_cli_error("init", "cannot create %s: %s", path, msg);
        else
            tn_cli_error("init", "%s", msg);
        if (path)
            remove_store(tmp);
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
    if (!err && !path)
        err = tn_store_commit(s);
    if (err)
        tn_cli_error("init", "%s", tn_app_why(&app, err));
    if (err && !path)
        tn_store_rollback(s);
    tn_store_free(s);
    if (!err && path)
        err = publish(tmp, path);
    if (!err) {
        fprintf(stderr, "thuno: created %s\n", cli->db);
        if (generated)
            fprintf(stderr,
                    "thuno: quản trị viên / admin: %s, mật khẩu / password: %s (shown once; "
                    "change it with `thuno user passwd %s`)\n",
                    admin, password, admin);
    }
    memset(password, 0, sizeof password);
    if (path)
        remove_store(tmp);
    return err;
}
