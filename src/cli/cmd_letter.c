/*
 * cmd_letter.c - `thuno letter KIND ...`: letters to units as PDF through the letter engine
 * (letter.h; docs/letters.md). This file holds the options, the letterhead and the dispatch;
 * letter_reminder.c the written reminder (văn bản đôn đốc), letter_c12ts.c the monthly C12-TS
 * notice, letter_mass.c the mass letters from a template.
 *
 *   letter reminder --period P [--unit U] [--office CODE] [--date D] [--as-of T]
 *                   [--record --actor WHO] [--number-from N] (-o FILE | --dir DIR)
 *   letter c12ts    --period P [--unit U] [--office CODE] [--date D] (-o FILE | --dir DIR)
 *   letter mass     --template FILE --period P [--status LIST] [--office CODE] [--number TEXT]
 *                   (-o FILE | --dir DIR)
 *   every kind: [--letterhead FILE] (default templates/letterhead.txt)
 *
 * The reminder (Law 41/2024/QH15 Art 35; Decree 274/2025/NĐ-CP: within the first 10 days of
 * the month, the amount, the days late and the 0.03% a day) goes to every unit late or
 * evading at the end of P. --record numbers the letters from the register, stores them and
 * records a reminder_sent event on each unit's open case (a case is opened when it has none),
 * all checked before anything is written.
 */
#include "letter_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/mem.h"
#include "thuno/policy.h"
#include "thuno/report.h"
#include "thuno/store.h"
#include "thuno/text.h"

#ifndef THUNO_TEMPLATES_DIR
#define THUNO_TEMPLATES_DIR "templates"
#endif

/* ---- shared pieces ---- */

void tn__period_vi(tn_period p, char buf[static 32])
{
    snprintf(buf, 32, "tháng %d năm %04d", p % 12 + 1, p / 12);
}

const char *tn__money_vi(tn_money m, char buf[static 40])
{
    tn_text_money_vnd(m, buf);
    return buf;
}

void tn__letter_created(const struct tn__letter_opts *o, char out[static 20])
{
    char d[TN_DAY_BUFSZ];
    tn_day_format(o->date, d);
    snprintf(out, 20, "%sT00:00:00", d);
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
        s[--n] = '\0';
    return s;
}

static void set(char **field, const char *v)
{
    free(*field);
    *field = tn_xstrdup(v);
}

tn_err tn__letterhead_load(const char *path, const char *office_code, struct tn__letterhead *lh)
{
    memset(lh, 0, sizeof *lh);
    FILE *f = fopen(path, "r");
    if (!f) {
        tn_cli_error("letter", "cannot read the letterhead %s", path);
        return TN_ERR_IO;
    }
    char line[1024];
    long no = 0;
    tn_err err = TN_OK;
    /* office.CODE lines win over plain ones whatever their order */
    int own[16] = {0};
    while (fgets(line, sizeof line, f)) {
        no++;
        char *l = trim(line);
        if (!*l || *l == '#')
            continue;
        char *colon = strchr(l, ':');
        if (!colon) {
            tn_cli_error("letter", "%s:%ld: expected \"key: value\", got \"%s\"", path, no, l);
            err = TN_ERR_PARSE;
            continue;
        }
        *colon = '\0';
        char *key = trim(l), *v = trim(colon + 1);
        char *dot = strchr(key, '.');
        int mine = 0;
        if (dot) {
            *dot = '\0';
            if (!office_code || strcmp(dot + 1, office_code) != 0)
                continue;
            mine = 1;
        }
        static const char *const keys[] = {
            "agency", "office",  "place",           "authority",    "title",       "signer",
            "phone",  "account", "suffix_reminder", "suffix_c12ts", "suffix_mass", "recipient"};
        char **fields[] = {&lh->agency,          &lh->office,       &lh->place,      &lh->authority,
                           &lh->title,           &lh->signer,       &lh->phone,      &lh->account,
                           &lh->suffix_reminder, &lh->suffix_c12ts, &lh->suffix_mass};
        size_t k = 0;
        while (k < sizeof keys / sizeof keys[0] && strcmp(keys[k], key) != 0)
            k++;
        if (k == sizeof keys / sizeof keys[0]) {
            tn_cli_error("letter", "%s:%ld: unknown key \"%s\"", path, no, key);
            err = TN_ERR_PARSE;
        } else if (k == 11) {
            if (mine && !own[k]) { /* the office's own recipients replace the plain ones */
                for (size_t i = 0; i < lh->nrecipients; i++)
                    free(lh->recipients[i]);
                lh->nrecipients = 0;
                own[k] = 1;
            } else if (!mine && own[k]) {
                continue;
            }
            TN_GROW(lh->recipients, lh->caprecipients, lh->nrecipients + 1);
            lh->recipients[lh->nrecipients++] = tn_xstrdup(v);
        } else if (mine || !own[k]) {
            set(fields[k], v);
            own[k] |= mine;
        }
    }
    fclose(f);
    if (err)
        tn__letterhead_release(lh);
    return err;
}

void tn__letterhead_release(struct tn__letterhead *lh)
{
    char *fields[] = {lh->agency,          lh->office,       lh->place,      lh->authority,
                      lh->title,           lh->signer,       lh->phone,      lh->account,
                      lh->suffix_reminder, lh->suffix_c12ts, lh->suffix_mass};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        free(fields[i]);
    for (size_t i = 0; i < lh->nrecipients; i++)
        free(lh->recipients[i]);
    free(lh->recipients);
    memset(lh, 0, sizeof *lh);
}

void tn__letter_head(const struct tn__letterhead *lh, const struct tn__letter_opts *o,
                     const char *number, const char *summary, struct tn_letter_head *h)
{
    memset(h, 0, sizeof *h);
    h->agency = lh->agency;
    h->office = lh->office;
    h->number = number;
    h->summary = summary;
    h->place = lh->place;
    h->date = o->date;
}

void tn__letter_sign(const struct tn__letterhead *lh, struct tn_letter_doc *doc)
{
    const char **rec = tn_xcalloc(lh->nrecipients + 1, sizeof *rec);
    rec[0] = "Như trên;";
    for (size_t i = 0; i < lh->nrecipients; i++)
        rec[i + 1] = lh->recipients[i];
    struct tn_letter_sign s = {lh->authority, lh->title ? lh->title : "GIÁM ĐỐC", lh->signer, rec,
                               lh->nrecipients + 1};
    tn_letter_sign(doc, &s);
    free((void *)rec);
}

tn_err tn__letter_write(const struct tn_letter_doc *doc, const char *out)
{
    tn_err err =
        strcmp(out, "-") == 0 ? tn_letter_doc_write(doc, stdout) : tn_letter_doc_save(doc, out);
    if (err)
        tn_cli_error("letter", "cannot write %s", out);
    return err;
}

tn_err tn__letter_write_unit(const struct tn_letter_doc *doc, const char *dir,
                             const char *unit_code)
{
    char path[1024];
    int n = snprintf(path, sizeof path, "%s/%s.pdf", dir, unit_code);
    if (n < 0 || (size_t)n >= sizeof path) {
        tn_cli_error("letter", "cannot write %s/%s.pdf: path too long", dir, unit_code);
        return TN_ERR_IO;
    }
    return tn__letter_write(doc, path);
}

static tn_err parse_opts(struct tn_cli *cli, int argc, char **argv, struct tn__letter_opts *o)
{
    memset(o, 0, sizeof *o);
    char today[TN_DAY_BUFSZ];
    snprintf(today, sizeof today, "%.10s", cli->now);
    if (tn_day_parse(today, &o->date))
        return TN_ERR_USAGE;
    snprintf(o->as_of, sizeof o->as_of, "%s", cli->now);
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--record") == 0) {
            o->record = 1;
            continue;
        }
        if (i + 1 >= argc) {
            tn_cli_error("letter", "%s needs a value", a);
            return TN_ERR_USAGE;
        }
        const char *v = argv[++i];
        if (strcmp(a, "--period") == 0) {
            if (tn_period_parse(v, &o->period)) {
                tn_cli_error("letter", "expected --period YYYY-MM, got \"%s\"", v);
                return TN_ERR_USAGE;
            }
            o->has_period = 1;
        } else if (strcmp(a, "--unit") == 0) {
            o->filter.unit = v;
        } else if (strcmp(a, "--office") == 0) {
            o->office = v;
        } else if (strcmp(a, "-o") == 0) {
            o->out = v;
        } else if (strcmp(a, "--dir") == 0) {
            o->dir = v;
        } else if (strcmp(a, "--template") == 0) {
            o->template_path = v;
        } else if (strcmp(a, "--letterhead") == 0) {
            o->letterhead = v;
        } else if (strcmp(a, "--actor") == 0) {
            o->actor = v;
        } else if (strcmp(a, "--status") == 0) {
            o->status = v;
        } else if (strcmp(a, "--number") == 0) {
            o->number = v;
        } else if (strcmp(a, "--number-from") == 0) {
            char *end;
            long n = strtol(v, &end, 10);
            if (*end || n < 1 || n > 999999) {
                tn_cli_error("letter", "expected --number-from N (1..999999), got \"%s\"", v);
                return TN_ERR_USAGE;
            }
            o->number_from = (int)n;
        } else if (strcmp(a, "--date") == 0) {
            if (tn_day_parse(v, &o->date)) {
                tn_cli_error("letter", "expected --date YYYY-MM-DD, got \"%s\"", v);
                return TN_ERR_USAGE;
            }
        } else if (strcmp(a, "--as-of") == 0) {
            if (tn_report_as_of(v, o->as_of)) {
                tn_cli_error("letter", "expected --as-of YYYY-MM-DD[THH:MM:SS], got \"%s\"", v);
                return TN_ERR_USAGE;
            }
        } else {
            tn_cli_error("letter", "unknown option %s", a);
            return TN_ERR_USAGE;
        }
    }
    if (!o->has_period) {
        tn_cli_error("letter", "--period YYYY-MM is required");
        return TN_ERR_USAGE;
    }
    if (!o->out == !o->dir) {
        tn_cli_error("letter", "give either -o FILE or --dir DIR");
        return TN_ERR_USAGE;
    }
    if (o->record && !o->actor) {
        tn_cli_error("letter", "--record needs --actor WHO");
        return TN_ERR_USAGE;
    }
    return TN_OK;
}

tn_err tn_cmd_letter(struct tn_cli *cli)
{
    if (cli->argc < 2)
        return TN_ERR_USAGE;
    const char *kind = cli->argv[1];
    struct tn__letter_opts o;
    tn_err err = parse_opts(cli, cli->argc - 2, cli->argv + 2, &o);
    if (err)
        return err;
    if ((strcmp(kind, "mass") == 0) != (o.template_path != NULL)) {
        tn_cli_error("letter", "--template goes with (and only with) letter mass");
        return TN_ERR_USAGE;
    }
    if (o.record && strcmp(kind, "reminder") != 0) {
        tn_cli_error("letter", "--record goes with letter reminder");
        return TN_ERR_USAGE;
    }
    if (strcmp(kind, "reminder") != 0 && strcmp(kind, "c12ts") != 0 && strcmp(kind, "mass") != 0)
        return TN_ERR_USAGE;
    char lhpath[1024];
    const char *tdir = getenv("THUNO_TEMPLATES");
    snprintf(lhpath, sizeof lhpath, "%s/letterhead.txt",
             tdir && *tdir ? tdir : THUNO_TEMPLATES_DIR);
    struct tn__letterhead lh;
    if ((err = tn__letterhead_load(o.letterhead ? o.letterhead : lhpath, o.office, &lh)))
        return err;
    struct tn_policy pol;
    tn_policy_init(&pol);
    struct tn_store *s = NULL;
    const char *cut = o.office; /* the letterhead's lines stay the office's own */
    if (!(err = tn_cli_load_policy(cli, &pol)) && !(err = tn_cli_open_store(cli, &s)) &&
        !(err = tn_cli_cut_office(s, "letter", &cut))) {
        if (strcmp(kind, "reminder") == 0)
            err = tn__letter_reminder(cli, s, &pol, &lh, &o);
        else if (strcmp(kind, "c12ts") == 0)
            err = tn__letter_c12ts(cli, s, &pol, &lh, &o);
        else
            err = tn__letter_mass(cli, s, &pol, &lh, &o);
    }
    tn_store_free(s);
    tn_policy_release(&pol);
    tn__letterhead_release(&lh);
    return err;
}
