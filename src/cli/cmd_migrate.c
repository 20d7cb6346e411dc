/*
 * cmd_migrate.c - `thuno migrate [--db URL]`: brings the store to this binary's schema version
 * (docs/store.md "Migrations"). Opens the store as it is (TN_STORE_AS_IS), applies the
 * migrations it lacks and prints each one applied; with none pending it says so and exits 0.
 * The migrations and their audit entry commit together or not at all (tn_cli_change,
 * tn_cli_audit). A store newer than the binary is refused by the open (exit 69).
 *
 * `thuno migrate --from sqlite FILE --to postgresql://...` moves an office's whole store into
 * an empty PostgreSQL database instead (tn_app_store_move; docs/store.md "Moving an office to
 * PostgreSQL"): a line per table on stderr, the totals on stdout.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "thuno/app.h"
#include "thuno/store.h"

/* A table moved: its line on stderr. */
static void moved_table(void *ctx, const char *name, long long rows)
{
    (void)ctx;
    fprintf(stderr, "thuno: migrate: %-24s %lld dòng / rows\n", name, rows);
}

/* `migrate --from sqlite FILE --to URL`. */
static tn_err move(struct tn_cli *cli, const char *from, const char *to)
{
    struct tn_app app;
    tn_app_init(&app, NULL, NULL, cli->now, TN_LANG_VI);
    char actor[80];
    tn_cli_actor(actor);
    struct tn_app_move m;
    tn_err err = tn_app_store_move(&app, from, to, actor, moved_table, NULL, &m);
    if (err) {
        tn_cli_error("migrate", "%s", tn_app_why(&app, err));
        return err;
    }
    printf("đã chuyển / moved %s: %d bảng / tables, %lld dòng / rows\n", from, m.tables, m.rows);
    return TN_OK;
}

tn_err tn_cmd_migrate(struct tn_cli *cli)
{
    const char *src = NULL, *dst = NULL;
    for (int i = 1; i < cli->argc; i++) {
        if (strcmp(cli->argv[i], "--db") == 0 && i + 1 < cli->argc)
            cli->db = cli->argv[++i];
        else if (strcmp(cli->argv[i], "--from") == 0 && i + 2 < cli->argc &&
                 strcmp(cli->argv[i + 1], "sqlite") == 0)
            src = cli->argv[i += 2];
        else if (strcmp(cli->argv[i], "--to") == 0 && i + 1 < cli->argc)
            dst = cli->argv[++i];
        else
            return TN_ERR_USAGE;
    }
    if (src || dst)
        return src && dst ? move(cli, src, dst) : TN_ERR_USAGE;
    struct tn_store *store;
    char msg[256];
    tn_err err = tn_store_open(cli->db, TN_STORE_AS_IS, &store, msg);
    if (err) {
        tn_cli_error("migrate", "%s", msg);
        return err;
    }
    struct tn_app app;
    tn_app_init(&app, store, NULL, cli->now, TN_LANG_VI);
    int from = 0, to = 0;
    err = tn_cli_change(&app);
    if (!err)
        err = tn_store_migrate(store, &from, &to);
    if (!err && from == to) { /* nothing to do: no change, no entry */
        tn_app_change_drop(&app);
        printf("lược đồ đã ở phiên bản %d, không có gì để áp dụng / schema version %d: nothing "
               "to do\n",
               to, to);
        tn_store_free(store);
        return TN_OK;
    }
    char summary[160];
    snprintf(summary, sizeof summary, "schema_version %d -> %d", from, to);
    err = tn_cli_audit(&app, "store.migrate", "schema", err, summary);
    if (err) {
        tn_cli_error("migrate", "%s (the store is left at schema version %d)",
                     tn_app_why(&app, err), from);
    } else {
        for (int v = from + 1; v <= to; v++) {
            const char *name = tn_store_migration_name(store, v);
            printf("đã áp dụng / applied %04d %s\n", v, name ? name : "?");
        }
        printf("lược đồ phiên bản / schema version %d -> %d\n", from, to);
    }
    tn_store_free(store);
    return err;
}
