/*
 * cmd_user.c - `thuno user add|set|passwd|disable|enable|list`: the users of the API (app_user.h;
 * issue 12; docs/api.md). A password is read from standard input, one line (not echoed on a
 * terminal), never from the command line where other users could see it. Every change is in
 * the audit log under the OS user, "cli:<name>"; `thuno audit` reads the log.
 */
#include "cli.h"

#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "thuno/app.h"
#include "thuno/store.h"
#include "thuno/table_out.h"

void tn_cli_actor(char out[80])
{
    struct passwd *pw = getpwuid(geteuid());
    const char *name = pw && pw->pw_name ? pw->pw_name : getenv("USER");
    snprintf(out, 80, "cli:%.70s", name && *name ? name : "unknown");
}

tn_err tn_cli_change(struct tn_app *app)
{
    return tn_app_change_begin(app);
}

tn_err tn_cli_audit(struct tn_app *app, const char *operation, const char *target, tn_err err,
                    const char *summary)
{
    char actor[80];
    tn_cli_actor(actor);
    return tn_app_change_end(app, err, actor, operation, target, summary);
}

tn_err tn_cli_read_password(char *buf, size_t size)
{
    struct termios old, quiet;
    int tty = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &old) == 0;
    if (tty) {
        fprintf(stderr, "mật khẩu / password: ");
        quiet = old;
        quiet.c_lflag &= ~(tcflag_t)ECHO;
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    char *got = fgets(buf, (int)size, stdin);
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
        fputc('\n', stderr);
    }
    if (!got) {
        buf[0] = '\0';
        return TN_ERR_USAGE;
    }
    size_t n = strcspn(buf, "\r\n");
    if (buf[n] == '\0' && n + 1 == size) /* no end of line: longer than the buffer */
        return TN_ERR_USAGE;
    buf[n] = '\0';
    return TN_OK;
}

static tn_err list(struct tn_app *app)
{
    size_t ncols;
    const struct tn_col *cols = tn_app_user_cols(&ncols);
    struct tn_table_out t;
    tn_err err = tn_table_begin(&t, stdout, TN_OUT_CSV, NULL, cols, ncols);
    struct tn_sink sink = tn_table_sink(&t);
    if (!err)
        err = tn_app_users(app, &sink);
    tn_err end = tn_table_end(&t);
    return err ? err : end;
}

/* The options of `user add` and `user set` after LOGIN into u. Errors: TN_ERR_USAGE. */
static tn_err add_options(int argc, char **argv, struct tn_user_new *u)
{
    int role = 0;
    for (int i = 3; i < argc; i++) {
        if (i + 1 >= argc)
            return TN_ERR_USAGE;
        if (strcmp(argv[i], "--role") == 0) {
            if (tn_role_parse(argv[++i], &u->role)) {
                tn_cli_error("user",
                             "unknown role %s (admin, director, qlt, kttn, ttkt, legal, "
                             "officer)",
                             argv[i]);
                return TN_ERR_USAGE;
            }
            role = 1;
        } else if (strcmp(argv[i], "--office") == 0) {
            u->office = argv[++i];
        } else if (strcmp(argv[i], "--officer") == 0) {
            u->officer = argv[++i];
        } else {
            return TN_ERR_USAGE;
        }
    }
    return role ? TN_OK : TN_ERR_USAGE;
}

tn_err tn_cmd_user(struct tn_cli *cli)
{
    int argc = cli->argc;
    char **argv = cli->argv;
    if (argc < 2)
        return TN_ERR_USAGE;
    const char *verb = argv[1];
    int is_list = strcmp(verb, "list") == 0;
    if (is_list ? argc != 2 : argc < 3)
        return TN_ERR_USAGE;
    struct tn_user_new u = {argc > 2 ? argv[2] : NULL, TN_ROLE_ADMIN, NULL, NULL};
    tn_err err = TN_OK;
    int is_set = strcmp(verb, "set") == 0;
    if (strcmp(verb, "add") == 0 || is_set)
        err = add_options(argc, argv, &u);
    else if (!is_list && (argc != 3 || (strcmp(verb, "passwd") && strcmp(verb, "disable") &&
                                        strcmp(verb, "enable"))))
        err = TN_ERR_USAGE;
    if (err)
        return err;
    char password[512] = "";
    if ((strcmp(verb, "add") == 0 || strcmp(verb, "passwd") == 0) &&
        tn_cli_read_password(password, sizeof password)) {
        tn_cli_error("user", "expected the password on standard input, one line");
        return TN_ERR_USAGE;
    }
    struct tn_store *s;
    if ((err = tn_cli_open_store(cli, &s)))
        return err;
    struct tn_app app;
    tn_app_init(&app, s, NULL, cli->now, TN_LANG_VI);
    char actor[80];
    tn_cli_actor(actor);
    if (is_list)
        err = list(&app);
    else if (strcmp(verb, "add") == 0)
        err = tn_app_user_add(&app, actor, &u, password);
    else if (is_set)
        err = tn_app_user_set(&app, actor, &u);
    else if (strcmp(verb, "passwd") == 0)
        err = tn_app_user_passwd(&app, actor, u.login, password);
    else if (strcmp(verb, "enable") == 0)
        err = tn_app_user_enable(&app, actor, u.login);
    else
        err = tn_app_user_disable(&app, actor, u.login);
    memset(password, 0, sizeof password);
    if (err && !is_list) { /* a change made is audited by the application, a refused one here */
        char operation[16];
        snprintf(operation, sizeof operation, "user.%s", verb);
        tn_cli_audit(&app, operation, u.login, err, NULL);
    }
    if (err)
        tn_cli_error("user", "%s", tn_app_why(&app, err));
    else if (!is_list)
        fprintf(stderr, "thuno: user %s: %s\n", verb, u.login);
    tn_store_free(s);
    return err;
}

tn_err tn_cmd_audit(struct tn_cli *cli)
{
    struct tn_audit_filter f = {NULL, NULL, NULL, NULL};
    for (int i = 1; i < cli->argc; i += 2) {
        const char *o = cli->argv[i];
        if (i + 1 >= cli->argc)
            return TN_ERR_USAGE;
        const char **slot = strcmp(o, "--unit") == 0   ? &f.target
                            : strcmp(o, "--user") == 0 ? &f.actor
                            : strcmp(o, "--from") == 0 ? &f.from
                            : strcmp(o, "--to") == 0   ? &f.to
                                                       : NULL;
        if (!slot)
            return TN_ERR_USAGE;
        *slot = cli->argv[i + 1];
    }
    struct tn_store *s;
    tn_err err = tn_cli_open_store(cli, &s);
    if (err)
        return err;
    struct tn_app app;
    tn_app_init(&app, s, NULL, cli->now, TN_LANG_VI);
    size_t ncols;
    const struct tn_col *cols = tn_app_audit_cols(&ncols);
    struct tn_table_out t;
    err = tn_table_begin(&t, stdout, TN_OUT_CSV, NULL, cols, ncols);
    struct tn_sink sink = tn_table_sink(&t);
    if (!err)
        err = tn_app_audit(&app, &f, &sink);
    tn_err end = tn_table_end(&t);
    err = err ? err : end;
    if (err)
        tn_cli_error("audit", "%s", tn_app_why(&app, err));
    tn_store_free(s);
    return err;
}
