/*
 * cmd_init.c - `thuno init`: creates an empty store with thuno's schema.
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
    tn_store_free(s);
    fprintf(stderr, "thuno: created %s\n", cli->db);
    return TN_OK;
}
