/*
 * cmd_init.c - `thuno init`: creates an empty store with thuno's schema (making the file is
 * the face's part) and runs the first-run setup of the application layer.
 */
#include "cli.h"

#include "thuno/store.h"

tn_err tn_cmd_init(struct tn_cli *cli)
{
    if (cli->argc != 1)
        return TN_ERR_USAGE;
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
    if ((err = tn_app_init_store(&app, &scope)))
        tn_cli_error("init", "%s", tn_app_why(&app, err));
    else
        fprintf(stderr, "thuno: created %s\n", cli->db);
    tn_store_free(s);
    return err;
}
