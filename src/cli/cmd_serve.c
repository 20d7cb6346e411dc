/*
 * cmd_serve.c - `thuno serve [--listen 127.0.0.1:8080] [--threads N]`: the HTTP JSON API
 * (http.h, docs/api.md) on the store of --db with the policy loaded once, until SIGINT or
 * SIGTERM. With THUNO_NOW set, every request runs at that time (tests); else at the clock.
 */
#include "cli.h"

#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/http.h"

tn_err tn_cmd_serve(struct tn_cli *cli)
{
    struct tn_http_config cfg = {cli->db, NULL, "127.0.0.1:8080", 4, NULL};
    for (int i = 1; i < cli->argc; i++) {
        if (i + 1 >= cli->argc)
            return TN_ERR_USAGE;
        if (strcmp(cli->argv[i], "--listen") == 0) {
            cfg.listen = cli->argv[++i];
        } else if (strcmp(cli->argv[i], "--threads") == 0) {
            char *end;
            long n = strtol(cli->argv[++i], &end, 10);
            if (*end || n < 1 || n > 64)
                return TN_ERR_USAGE;
            cfg.threads = (unsigned)n;
        } else {
            return TN_ERR_USAGE;
        }
    }
    const char *fixed = getenv("THUNO_NOW");
    if (fixed && *fixed)
        cfg.fixed_now = cli->now;
    struct tn_policy *pol;
    tn_err err = tn_cli_policy_new(cli, &pol);
    if (err)
        return err;
    cfg.policy = pol;
    /* the signals are waited for here: no thread the server starts takes them */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    struct tn_http_server *srv;
    char msg[256];
    if ((err = tn_http_start(&cfg, &srv, msg))) {
        tn_cli_error("serve", "%s", msg);
        tn_cli_policy_free(pol);
        return err;
    }
    fprintf(stderr, "thuno: serving %s on http://%s/api/v1 (%u threads)\n", cli->db, cfg.listen,
            cfg.threads);
    int sig;
    sigwait(&stop, &sig);
    fprintf(stderr, "thuno: serve: stopping\n");
    tn_http_stop(srv);
    tn_cli_policy_free(pol);
    return TN_OK;
}
