/*
 * main.c - the thuno command: global options, the command table, exit statuses.
 *
 * The only place that maps tn_err to an exit status and that may call exit().
 */
#include "cli.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#include "thuno/mem.h"
#include "thuno/policy.h"
#include "thuno/policy_load.h"
#include "thuno/store.h"

static const struct {
    const char *name;
    tn_cli_cmd fn;
    const char *usage;
} commands[] = {
    {"init", tn_cmd_init, "init [--admin LOGIN] (its password on standard input)"},
    {"import", tn_cmd_import, "import KIND FILE.csv [--update]"},
    {"close", tn_cmd_close, "close YYYY-MM"},
    {"report", tn_cmd_report,
     "report NAME [--period YYYY-MM | --year YYYY] [--from DATE --to DATE] [--office CODE] "
     "[--officer O] [--as-of DATE] [--date DATE] [--from YYYY-MM --to YYYY-MM] [--case ID] "
     "[--department D] [--unit CODE] [--type T] [--bucket B] [--legal-status S] [--q TEXT] "
     "[--sort KEY] [--desc] [--format csv|json|xlsx|pdf] [--lang vi|en] [-o FILE] | report "
     "--list | report --columns NAME | report --values"},
    {"whatif", tn_cmd_whatif,
     "whatif --policy DIR --from YYYY-MM --to YYYY-MM [--office CODE] [--by-unit] "
     "[--format csv|json|xlsx|pdf] [--lang vi|en] [-o FILE]"},
    {"explain", tn_cmd_explain,
     "explain UNIT_CODE YYYY-MM [--as-of DATE] [--office CODE] [--format text|json]"},
    {"case", tn_cmd_case,
     "case show CASE_ID [--as-of DATE] | record CASE_ID EVENT DATE --unit UNIT [--amount N] "
     "[--outcome X] [--office TEXT] [--note TEXT] [--actor WHO] | attach CASE_ID KIND FILE "
     "[--actor WHO] | sweep [--date DATE] | claim CASE_ID [--date DATE] | fee CASE_ID DATE "
     "(--amount N | --exempt BASIS) | hearing CASE_ID DATE scheduled|held|postponed --court "
     "TEXT | asset CASE_ID DATE KIND DESCRIPTION [--holder TEXT] [--pledged yes|no] [--value N] "
     "| verify CASE_ID DATE ASSET_NO RESULT --by WHO | priority CASE_ID DATE ASSET_NO[,...] | "
     "measure CASE_ID DATE ASSET_NO MEASURE [--amount N] | bank-order CASE_ID DATE BANK "
     "--amount N [--channel bank|treasury] | bank-reply CASE_ID DATE ORDER_NO RESULT [--amount "
     "N] | tip CASE_ID DATE INFORMANT ASSET [--asset-no N] | tip-result CASE_ID DATE TIP_NO "
     "--recovered N | agent CASE_ID DATE thads|bailiff OFFICE | branch CASE_ID UNIT PROVINCE "
     "[--note TEXT] (register verbs also take --note TEXT --actor WHO; docs/case-registers.md) "
     "| pensioner CASE_ID --name NAME --bhxh CODE --day N [--paid-at TEXT] [--note TEXT] "
     "[--actor WHO]"},
    {"handover", tn_cmd_handover,
     "handover sign --period YYYY-MM --department QLT|KTTN --actor WHO [--date DATE]"},
    {"suspense", tn_cmd_suspense,
     "suspense match --period YYYY-MM [--as-of DATE] [--apply --actor WHO] | assign TXN_ID "
     "UNIT_CODE --actor WHO"},
    {"inspection", tn_cmd_inspection,
     "inspection record INSPECTION_ID UNIT_CODE CONCLUDED_ON --body BODY --remedy-by DATE "
     "[--decision-no TEXT] [--inspector TEXT] [--underdeclared N] [--unpaid N] [--workers N] "
     "[--fine N] [--note TEXT] [--update]"},
    {"committee", tn_cmd_committee,
     "committee --period YYYY-MM [--office CODE] [--as-of DATE] [--lang vi|en] -o FILE.pdf"},
    {"doc", tn_cmd_doc,
     "doc fine_proposal|deduction_request|lawsuit_petition|enforcement_request|pensioner_notice"
     "|checklist CASE_ID [--date D] [--as-of T] [--to TEXT] [--issuer TEXT] [--place TEXT] "
     "[--format text|pdf] [-o FILE]"},
    {"assign", tn_cmd_assign,
     "assign UNIT... --officer O --from DATE [--actor WHO] [--reason TEXT] | assign "
     "--from-officer O1 --officer O2 --from DATE [--actor WHO] [--reason TEXT]"},
    {"pack", tn_cmd_pack,
     "pack meeting --period YYYY-MM [--office CODE] [--as-of DATE] [--format pdf|csv] "
     "[--lang vi|en] [-o FILE]"},
    {"letter", tn_cmd_letter,
     "letter reminder|c12ts|mass --period YYYY-MM [--unit U] [--office CODE] [--date D] "
     "[--as-of DATE] [--template FILE.txt] [--status LIST] [--record --actor WHO] "
     "[--letterhead FILE] (-o FILE.pdf | --dir DIR)"},
    {"calendar", tn_cmd_calendar,
     "calendar done DUTY (--period YYYY-MM | --date DATE) --actor WHO [--note TEXT] [--on DATE]"},
    {"contact", tn_cmd_contact,
     "contact record UNIT_CODE call|visit|letter|meeting [--date DATE] [--officer CODE] "
     "[--outcome TEXT] [--note TEXT] | list [UNIT_CODE] [--latest] [--as-of DATE]"},
    {"gen", tn_cmd_gen,
     "gen --units N --workers N --months N [--end YYYY-MM] [--seed N] --out DIR"},
    {"serve", tn_cmd_serve, "serve [--listen 127.0.0.1:8080] [--threads N]"},
    {"user", tn_cmd_user,
     "user add LOGIN --role admin|director|qlt|kttn|ttkt|legal|officer [--office CODE] "
     "[--officer CODE] | set LOGIN --role ROLE [--office CODE] [--officer CODE] | passwd LOGIN "
     "(the password on standard input) | disable LOGIN | "
     "enable LOGIN | list"},
    {"audit", tn_cmd_audit, "audit [--unit TARGET] [--user ACTOR] [--from DATE] [--to DATE]"},
    {"migrate", tn_cmd_migrate,
     "migrate [--db URL] | migrate --from sqlite FILE --to postgresql://..."},
};

static void usage(FILE *f)
{
    fprintf(f, "usage: thuno [--db URL] [--policy DIR] COMMAND ...\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(f, "  thuno %s\n", commands[i].usage);
}

void tn_cli_error(const char *what, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "thuno: %s: ", what);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

tn_err tn_cli_lang_parse(const char *what, const char *s, enum tn_lang *out)
{
    if (strcmp(s, "vi") == 0)
        *out = TN_LANG_VI;
    else if (strcmp(s, "en") == 0)
        *out = TN_LANG_EN;
    else {
        tn_cli_error(what, "expected --lang vi|en, got \"%s\"", s);
        return TN_ERR_USAGE;
    }
    return TN_OK;
}

tn_err tn_cli_open_store(struct tn_cli *cli, struct tn_store **out)
{
    char msg[256];
    tn_err err = tn_store_open(cli->db, 0, out, msg);
    if (err)
        tn_cli_error("open store", "%s", msg);
    /* a missing store, or a file that is not one, is the store's error (exit 69, README), not
     * bad input data */
    return err == TN_ERR_NOT_FOUND ? TN_ERR_STORE : err;
}

tn_err tn_cli_load_policy(struct tn_cli *cli, struct tn_policy *pol)
{
    char msg[512];
    tn_err err = tn_policy_load(cli->policy_dir, pol, msg, sizeof msg);
    if (err)
        tn_cli_error("load policy", "%s", msg);
    return err;
}

tn_err tn_cli_app_open(struct tn_cli *cli, struct tn_cli_app *ca)
{
    tn_err err = tn_cli_policy_new(cli, &ca->policy);
    if (!err && (err = tn_cli_open_store(cli, &ca->store)))
        tn_cli_policy_free(ca->policy);
    if (!err)
        tn_app_init(&ca->app, ca->store, ca->policy, cli->now, TN_LANG_VI);
    return err;
}

void tn_cli_app_close(struct tn_cli_app *ca)
{
    tn_store_free(ca->store);
    tn_cli_policy_free(ca->policy);
}

tn_err tn_cli_policy_new(struct tn_cli *cli, struct tn_policy **out)
{
    struct tn_policy *pol = tn_xmalloc(sizeof *pol);
    tn_policy_init(pol);
    tn_err err = tn_cli_load_policy(cli, pol);
    if (err) {
        free(pol);
        pol = NULL;
    }
    *out = pol;
    return err;
}

void tn_cli_policy_free(struct tn_policy *pol)
{
    if (!pol)
        return;
    tn_policy_release(pol);
    free(pol);
}

/* The standard output's failure has been reported (tn_cli_out_close, main). */
static int stdout_reported;

/* The file that writing path replaces, into dest: path, or the target of the symbolic links
 * it names (a few levels; a relative target is relative to the link's directory). */
static void out_target(const char *path, char *dest, size_t size)
{
    snprintf(dest, size, "%s", path);
    struct stat sb;
    for (int depth = 0; depth < 8 && lstat(dest, &sb) == 0 && S_ISLNK(sb.st_mode); depth++) {
        char link[4096], next[8200];
        ssize_t n = readlink(dest, link, sizeof link - 1);
        if (n <= 0)
            return;
        link[n] = '\0';
        const char *slash = strrchr(dest, '/');
        if (link[0] == '/' || !slash)
            snprintf(next, sizeof next, "%s", link);
        else
            snprintf(next, sizeof next, "%.*s/%s", (int)(slash - dest), dest, link);
        if (strlen(next) >= size)
            return;
        memcpy(dest, next, strlen(next) + 1);
    }
}

tn_err tn_cli_out_open(struct tn_cli_out *o, const char *path, const char *what)
{
    *o = (struct tn_cli_out){.f = stdout, .path = path};
    if (!path)
        return TN_OK;
    struct stat sb;
    if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
        /* a device or a pipe (/dev/null, /dev/stdout, a FIFO) is written in place: renaming a
         * file over it would replace the device itself */
        if (!(o->f = fopen(path, "wb"))) {
            tn_cli_error(what, "cannot write %s", path);
            return TN_ERR_IO;
        }
        return TN_OK;
    }
    out_target(path, o->dest, sizeof o->dest);
    int n = snprintf(o->tmp, sizeof o->tmp, "%s.tmp.XXXXXX", o->dest);
    int fd = n > 0 && (size_t)n < sizeof o->tmp ? mkstemp(o->tmp) : -1;
    if (fd >= 0) {
        mode_t mask = umask(0); /* a report is as readable as any file the user makes */
        umask(mask);
        if (fchmod(fd, 0666 & ~mask) || !(o->f = fdopen(fd, "wb"))) {
            close(fd);
            unlink(o->tmp);
            fd = -1;
        }
    }
    if (fd < 0) {
        tn_cli_error(what, "cannot write %s", path);
        o->f = NULL;
        return TN_ERR_IO;
    }
    return TN_OK;
}

tn_err tn_cli_out_close(struct tn_cli_out *o, tn_err err, const char *what)
{
    if (!o->f)
        return err;
    if (!o->path) {
        if ((fflush(stdout) || ferror(stdout)) && (!err || err == TN_ERR_IO)) {
            if (!stdout_reported)
                tn_cli_error(what, "cannot write the standard output");
            stdout_reported = 1;
            err = TN_ERR_IO;
        }
        o->f = NULL;
        return err;
    }
    int bad = fflush(o->f) != 0 || ferror(o->f);
    bad |= fclose(o->f) != 0;
    o->f = NULL;
    if (!err && bad) {
        tn_cli_error(what, "cannot write %s", o->path);
        err = TN_ERR_IO;
    }
    if (!o->tmp[0]) /* written in place */
        return err;
    if (!err && rename(o->tmp, o->dest)) {
        tn_cli_error(what, "cannot write %s", o->path);
        err = TN_ERR_IO;
    }
    if (err)
        unlink(o->tmp);
    return err;
}

void tn_cli_progress(struct tn_cli *cli, const char *label, long long done, long long total)
{
    static struct timespec last;
    if (!cli->progress)
        return;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    long ms = (now.tv_sec - last.tv_sec) * 1000 + (now.tv_nsec - last.tv_nsec) / 1000000;
    if (ms < 200 && done != total)
        return;
    last = now;
    if (total > 0)
        fprintf(stderr, "\r%s %lld/%lld (%lld%%)  ", label, done, total, done * 100 / total);
    else
        fprintf(stderr, "\r%s %lld  ", label, done);
    fflush(stderr);
}

void tn_cli_progress_end(struct tn_cli *cli)
{
    if (cli->progress)
        fputc('\n', stderr);
}

/* "Now" for every record the run makes: THUNO_NOW (tests, replays) or the wall clock in
 * Vietnam's time zone (UTC+7, no daylight saving), so that dates match the office's day. */
static int set_now(struct tn_cli *cli)
{
    const char *env = getenv("THUNO_NOW");
    if (env && *env) {
        size_t n = strlen(env);
        if (n == 10) {
            snprintf(cli->now, sizeof cli->now, "%sT00:00:00", env);
        } else if (n == 19 && env[10] == 'T') {
            memcpy(cli->now, env, 20);
        } else {
            tn_cli_error("THUNO_NOW", "expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS, got \"%s\"",
                         env);
            return 0;
        }
        return 1;
    }
    time_t t = time(NULL) + 7 * 3600;
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(cli->now, sizeof cli->now, "%Y-%m-%dT%H:%M:%S", &tm);
    return 1;
}

static int exit_status(tn_err err)
{
    switch (err) {
    case TN_OK:
        return TN_EXIT_OK;
    case TN_ERR_USAGE:
        return TN_EXIT_USAGE;
    case TN_ERR_REJECTED:
    case TN_ERR_PARSE:
    case TN_ERR_CONFLICT:
    case TN_ERR_NO_POLICY:
    case TN_ERR_NOT_FOUND:
    case TN_ERR_RANGE:
    case TN_ERR_STATE:
        return TN_EXIT_DATAERR;
    case TN_ERR_STORE:
    case TN_ERR_IO:
        return TN_EXIT_UNAVAILABLE;
    default:
        return TN_EXIT_SOFTWARE;
    }
}

int main(int argc, char **argv)
{
    struct tn_cli cli = {.db = "thuno.db", .progress = isatty(STDERR_FILENO)};
    /* THUNO_DB: the store when --db is not given (a file or a postgresql:// URL) */
    const char *env_db = getenv("THUNO_DB");
    if (env_db && *env_db)
        cli.db = env_db;
    const char *env_policy = getenv("THUNO_POLICY");
    cli.policy_dir = env_policy && *env_policy ? env_policy : THUNO_POLICY_DIR;
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
            cli.db = argv[++i];
        } else if (strcmp(argv[i], "--policy") == 0 && i + 1 < argc) {
            cli.policy_dir = argv[++i];
        } else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            usage(stdout);
            return TN_EXIT_OK;
        } else {
            usage(stderr);
            return TN_EXIT_USAGE;
        }
    }
    if (i >= argc) {
        usage(stderr);
        return TN_EXIT_USAGE;
    }
    if (!set_now(&cli))
        return TN_EXIT_USAGE;
    cli.argc = argc - i;
    cli.argv = argv + i;
    for (size_t c = 0; c < sizeof commands / sizeof commands[0]; c++) {
        if (strcmp(argv[i], commands[c].name) == 0) {
            tn_err err = commands[c].fn(&cli);
            /* what a command printed and could not write (a full device, a closed pipe) is an
             * error whatever the command, never a silent 0 (explain, case show, user list...) */
            if (!err && (fflush(stdout) || ferror(stdout))) {
                tn_cli_error(argv[i], "cannot write the standard output");
                err = TN_ERR_IO;
            }
            if (err == TN_ERR_USAGE)
                fprintf(stderr, "usage: thuno %s\n", commands[c].usage);
            /* every command's standard output, whether or not it went through tn_cli_out */
            struct tn_cli_out o = {.f = stdout};
            err = tn_cli_out_close(&o, err, argv[i]);
            return exit_status(err);
        }
    }
    tn_cli_error(argv[i], "unknown command");
    usage(stderr);
    return TN_EXIT_USAGE;
}
