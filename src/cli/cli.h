/*
 * cli.h - what the commands of the thuno binary share: their entry points (one file per
 * command, cmd_<verb>.c), the global options, and the helpers that turn library codes into
 * messages. Only src/cli/main.c maps codes to exit statuses.
 */
#ifndef THUNO_CLI_H
#define THUNO_CLI_H

#include <stdio.h>

#include "thuno/app.h"
#include "thuno/err.h"

struct tn_store;
struct tn_policy;

/* Exit statuses (sysexits.h values, data-formats.md "Exit status"). */
enum {
    TN_EXIT_OK = 0,
    TN_EXIT_USAGE = 64,
    TN_EXIT_DATAERR = 65,
    TN_EXIT_UNAVAILABLE = 69,
    TN_EXIT_SOFTWARE = 70
};

/* Options before the command name, shared by every command. */
struct tn_cli {
    const char *db;         /* --db URL, default ./thuno.db */
    const char *policy_dir; /* --policy DIR, default THUNO_POLICY env or the built-in dir */
    char now[20];           /* "YYYY-MM-DDTHH:MM:SS": THUNO_NOW env or the clock (UTC+7) */
    int progress;           /* stderr is a terminal: show progress of long runs */
    int argc;               /* the command's own arguments, argv[0] = command name */
    char **argv;
};

/* A command: returns a tn_err; TN_ERR_USAGE prints the usage; TN_ERR_REJECTED means bad input
 * data already reported (exit 65). Commands write their own messages to stderr with
 * tn_cli_error(). */
typedef tn_err (*tn_cli_cmd)(struct tn_cli *cli);

tn_err tn_cmd_init(struct tn_cli *cli);
tn_err tn_cmd_import(struct tn_cli *cli);
tn_err tn_cmd_close(struct tn_cli *cli);
tn_err tn_cmd_report(struct tn_cli *cli);
tn_err tn_cmd_explain(struct tn_cli *cli);
tn_err tn_cmd_whatif(struct tn_cli *cli);
tn_err tn_cmd_gen(struct tn_cli *cli);
tn_err tn_cmd_case(struct tn_cli *cli);
tn_err tn_cmd_handover(struct tn_cli *cli);
tn_err tn_cmd_calendar(struct tn_cli *cli);
tn_err tn_cmd_contact(struct tn_cli *cli);
tn_err tn_cmd_suspense(struct tn_cli *cli);
tn_err tn_cmd_inspection(struct tn_cli *cli);
tn_err tn_cmd_committee(struct tn_cli *cli);
tn_err tn_cmd_doc(struct tn_cli *cli);
/* `case pensioner CASE_ID ...` (cmd_doc.c): records the case's pensioner judgment debtor. */
tn_err tn_cli_case_pensioner(struct tn_app *app, int argc, char **argv);
tn_err tn_cmd_assign(struct tn_cli *cli);
tn_err tn_cmd_pack(struct tn_cli *cli);
tn_err tn_cmd_letter(struct tn_cli *cli);
tn_err tn_cmd_user(struct tn_cli *cli);
/* `audit [--unit X] [--user U] [--from D] [--to D]` (cmd_user.c): the audit log as CSV. */
tn_err tn_cmd_audit(struct tn_cli *cli);
tn_err tn_cmd_serve(struct tn_cli *cli);
/* `migrate [--db URL]` (cmd_migrate.c): applies the store's pending schema migrations. */
tn_err tn_cmd_migrate(struct tn_cli *cli);

/* Writes "cli:<OS user>" into out: who a change made at this shell is recorded as. */
void tn_cli_actor(char out[80]);

/* Starts a change made at this shell: it commits with its audit entry, in tn_cli_audit
 * (tn_app_change_begin). Errors: TN_ERR_STORE (app's why). */
tn_err tn_cli_change(struct tn_app *app);

/* Ends the change begun by tn_cli_change, whose result was err, with its audit entry:
 * operation on target by "cli:<OS user>", outcome "ok" with summary, committed with the
 * change or neither (tn_app_change_end); or "failed" with app's explanation of err, the change
 * rolled back. Returns err, or the entry's or the commit's failure (app's why says it). A
 * refusal made before any change needs no tn_cli_change. */
tn_err tn_cli_audit(struct tn_app *app, const char *operation, const char *target, tn_err err,
                    const char *summary);

/* Reads a password from standard input, one line (its end of line dropped; not echoed when
 * stdin is a terminal) into buf. Errors: TN_ERR_USAGE (no line, or longer than size - 1). */
tn_err tn_cli_read_password(char *buf, size_t size);

/* Parses --lang: "vi" or "en" into *out; otherwise reports it for command what and returns
 * TN_ERR_USAGE. */
tn_err tn_cli_lang_parse(const char *what, const char *s, enum tn_lang *out);

/* The office settings file: $THUNO_TEMPLATES/letterhead.txt, else the repository's
 * templates/letterhead.txt, into buf of n bytes (settings.c). */
void tn_cli_settings_path(char *buf, size_t n);

/* Loads the office settings at path (NULL: tn_cli_settings_path), office's own lines winning
 * when office is not NULL, and checks that they name the agency, office and province
 * (tn_letterhead_check). Reports its own failure for command what; on failure lh is empty.
 * Release lh with tn_letterhead_release. Errors: TN_ERR_IO, TN_ERR_PARSE, TN_ERR_NO_POLICY. */
tn_err tn_cli_office_settings(const char *what, const char *path, const char *office,
                              struct tn_letterhead *lh);

/* The header line of a document of office (NULL: the province's office): "AGENCY — OFFICE"
 * from the office settings, into buf of n bytes. Errors: as tn_cli_office_settings. */
tn_err tn_cli_office_header(const char *what, const char *office, char *buf, size_t n);

/* Prints "thuno: <what>: <why>" to stderr; why is formatted. */
void tn_cli_error(const char *what, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Opens the store named by --db (must exist). Reports its own failure. */
tn_err tn_cli_open_store(struct tn_cli *cli, struct tn_store **out);

/* What a command runs on: the store of --db (must exist), the policy of --policy loaded once,
 * and the application context over them with the run's time. */
struct tn_cli_app {
    struct tn_app app;
    struct tn_store *store;
    struct tn_policy *policy;
};

/* Opens the store, loads the policy and sets up ca->app. Reports its own failure; on failure
 * nothing is left to release. */
tn_err tn_cli_app_open(struct tn_cli *cli, struct tn_cli_app *ca);

/* Releases what tn_cli_app_open made. */
void tn_cli_app_close(struct tn_cli_app *ca);

/* Loads the policy from --policy. Reports its own failure. */
tn_err tn_cli_load_policy(struct tn_cli *cli, struct tn_policy *pol);

/* tn_cli_load_policy into a new struct, for a file that cannot include policy.h (*out owned
 * by the caller: tn_cli_policy_free() it; NULL on failure). Reports its own failure. */
tn_err tn_cli_policy_new(struct tn_cli *cli, struct tn_policy **out);
/* Releases and frees pol; NULL does nothing. */
void tn_cli_policy_free(struct tn_policy *pol);

/* An output named by -o, written atomically: the data goes to a temporary file beside path
 * and replaces path only when the whole run succeeded, so a failed run leaves the previous
 * file as it was (a symbolic link's target is replaced, the link kept). A path that is not a
 * regular file (a device, a FIFO) is written in place. Without a path the output is stdout. */
struct tn_cli_out {
    FILE *f;
    const char *path; /* NULL: stdout */
    char dest[4096];  /* the file replaced: path, or a link's target */
    char tmp[4096];   /* "": written in place */
};

/* Opens o for path (NULL: stdout). Reports its own failure under what. Errors: TN_ERR_IO. */
tn_err tn_cli_out_open(struct tn_cli_out *o, const char *path, const char *what);

/* Finishes o after a run that returned err: on TN_OK flushes, closes and renames the
 * temporary file onto path (TN_ERR_IO, reported, when that fails); otherwise removes it.
 * Returns err, or the output's own error when err was TN_OK. */
tn_err tn_cli_out_close(struct tn_cli_out *o, tn_err err, const char *what);

/* Progress on stderr when cli->progress: "\r<label> done/total" at most a few times a
 * second; tn_cli_progress_end() finishes the line. */
void tn_cli_progress(struct tn_cli *cli, const char *label, long long done, long long total);
void tn_cli_progress_end(struct tn_cli *cli);

#endif
