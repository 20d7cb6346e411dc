/*
 * app_letter_mass.c - one letter to each selected unit from a template (templates/NAME.txt;
 * app.h; docs/letters.md "Templates"), e.g. the card-lock rule notice seed 002 asks QLT to send
 * to every unit (templates/card_lock_notice.txt). Which units a status list selects is core's
 * rule (letter_rule.h).
 *
 * A template is UTF-8 text: header lines "key: value" (title, subtitle, summary, to, basis,
 * number), a line "---", then the body: paragraphs separated by blank lines (lines of one
 * paragraph are joined), "# " a heading, "- " a list item, "> " a note, "= " a centered line,
 * "**" around bold text. Placeholders {name} in any value or body line are filled per unit;
 * "{{" writes "{". An unknown key or placeholder is reported as FILE:LINE:COLUMN and nothing
 * is written.
 */
#include "app_letter_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/letter_rule.h"
#include "thuno/mem.h"
#include "thuno/policy.h"
#include "thuno/store.h"
#include "thuno/text.h"

/* clang-format off */
#define PLACEHOLDERS(X)                                                                            \
    X(UNIT_CODE, "unit_code")  X(UNIT_NAME, "unit_name")       X(TAX_CODE, "tax_code")             \
    X(ADDRESS, "address")      X(OFFICER, "officer")           X(PERIOD, "period")                 \
    X(PERIOD_VI, "period_vi")  X(DEBT, "debt")                 X(PRINCIPAL, "principal_due")       \
    X(INTEREST, "interest_due") X(OVERDUE, "overdue")          X(MONTHS, "months_owed")            \
    X(OLDEST, "oldest_unpaid") X(STATUS, "legal_status")       X(WORKERS, "workers")               \
    X(MEMO, "memo")            X(DATE, "date")                 X(LOCK, "card_lock_months")         \
    X(LAW_SI, "social_insurance_law") X(LAW_HI, "health_insurance_law")                            \
    X(LAW_EMP, "employment_law")
/* clang-format on */

enum ph {
#define X(id, name) PH_##id,
    PLACEHOLDERS(X)
#undef X
        PH_COUNT
};

static const char *const ph_names[] = {
#define X(id, name) name,
    PLACEHOLDERS(X)
#undef X
};

enum line_kind { L_TITLE, L_SUBTITLE, L_SUMMARY, L_TO, L_BASIS, L_NUMBER, L_BODY };

struct tline {
    enum line_kind kind;
    enum tn_letter_style style;
    char *text; /* with placeholders */
};

struct tmpl {
    struct tline *lines;
    size_t n, cap;
};

static void add_line(struct tmpl *t, enum line_kind k, enum tn_letter_style st, const char *text)
{
    TN_GROW(t->lines, t->cap, t->n + 1);
    t->lines[t->n++] = (struct tline){k, st, tn_xstrdup(text)};
}

static void tmpl_release(struct tmpl *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->lines[i].text);
    free(t->lines);
}

/* A template with more problems than this is reported to here only. */
#define TMPL_PROBLEMS_MAX 100

/* Characters (not bytes) from s to p in UTF-8: the column a reader counts. */
static int chars(const char *s, const char *p)
{
    int n = 0;
    for (; s < p; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* Checks the placeholders of s (line no of path, text starting at column col0): the number
 * of problems found. */
static int check_placeholders(char **problems, const char *path, long no, int col0, const char *s)
{
    int bad = 0;
    for (const char *p = s; *p; p++) {
        if (p[0] == '{' && p[1] == '{') {
            p++;
            continue;
        }
        if (*p != '{')
            continue;
        const char *end = strchr(p, '}');
        size_t len = end ? (size_t)(end - p - 1) : 0;
        int known = 0;
        for (int i = 0; end && i < PH_COUNT; i++)
            known |= strlen(ph_names[i]) == len && strncmp(p + 1, ph_names[i], len) == 0;
        if (!known) {
            /* shown whole up to 60 bytes, else cut between characters (the problem's line
             * has room for 1023 bytes) */
            size_t whole = end ? (size_t)(end - p + 1) : strlen(p);
            int shown = tn__letter_cut(p, whole, 60);
            const char *more = (size_t)shown < whole ? "…" : "";
            tn__letter_problem(problems,
                               "%s:%ld:%d: unknown placeholder \"%.*s%s\" (known: unit_code, "
                               "unit_name, tax_code, address, officer, period, period_vi, debt, "
                               "principal_due, interest_due, overdue, months_owed, "
                               "oldest_unpaid, legal_status, workers, memo, date, "
                               "card_lock_months, social_insurance_law, health_insurance_law, "
                               "employment_law)",
                               path, no, col0 + chars(s, p), shown, p, more);
            bad++;
        }
        if (end)
            p = end;
        if (bad >= TMPL_PROBLEMS_MAX)
            break;
    }
    return bad;
}

/* Parses the template text of len bytes (or, when text is NULL, the file at path; path names
 * it in the problems). Lines may be of any length; a line that is not UTF-8 text is a
 * problem at its line and byte. Errors: TN_ERR_IO (why set), TN_ERR_REJECTED (every problem
 * in *problems). */
static tn_err tmpl_load(struct tn_app *app, const char *path, const char *text, size_t len,
                        struct tmpl *t, char **problems)
{
    memset(t, 0, sizeof *t);
    FILE *f = NULL; /* an empty text has no lines */
    if (text ? len && !(f = fmemopen((void *)text, len, "r")) : !(f = fopen(path, "r")))
        return tn__app_fail(app, TN_ERR_IO, "cannot read the template %s", path);
    char *line = NULL;
    size_t linecap = 0;
    ssize_t got;
    long no = 0;
    int body = 0, bad = 0;
    char *para = NULL; /* the paragraph being joined: paralen bytes */
    size_t paralen = 0, paracap = 0;
    int inpara = 0; /* a paragraph is open (it may be empty) */
    enum tn_letter_style pstyle = TN_LETTER_BODY;
    static const struct {
        const char *key;
        enum line_kind kind;
    } keys[] = {{"title", L_TITLE}, {"subtitle", L_SUBTITLE}, {"summary", L_SUMMARY},
                {"to", L_TO},       {"basis", L_BASIS},       {"number", L_NUMBER}};
    while (f && (got = getline(&line, &linecap, f)) >= 0) {
        if (bad >= TMPL_PROBLEMS_MAX) {
            tn__letter_problem(problems, "%s:%ld: more than %d problems: the rest not checked",
                               path, no + 1, TMPL_PROBLEMS_MAX);
            break;
        }
        no++;
        size_t n = (size_t)got;
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        size_t nul = strlen(line), at = tn__letter_utf8_bad(line, nul);
        if (nul < n || at < nul) {
            tn__letter_problem(problems,
                               at < nul ? "%s:%ld: byte %zu: invalid UTF-8 (0x%02X): save the "
                                          "template as UTF-8 text"
                                        : "%s:%ld: byte %zu: a NUL byte: the template must "
                                          "be UTF-8 text",
                               path, no, (at < nul ? at : nul) + 1,
                               at < nul ? (unsigned char)line[at] : 0u);
            bad++;
            continue;
        }
        if (!body) {
            if (!n || line[0] == '#')
                continue;
            if (strcmp(line, "---") == 0) {
                body = 1;
                continue;
            }
            char *colon = strchr(line, ':');
            size_t k = 0, nk = sizeof keys / sizeof keys[0];
            if (colon)
                for (*colon = '\0'; k < nk && strcmp(keys[k].key, line) != 0; k++)
                    ;
            if (!colon || k == nk) {
                tn__letter_problem(problems,
                                   "%s:%ld:1: expected \"key: value\" with key title, subtitle, "
                                   "summary, to, basis or number, or \"---\" before the body",
                                   path, no);
                bad++;
                continue;
            }
            char *v = colon + 1;
            while (*v == ' ')
                v++;
            bad += check_placeholders(problems, path, no, chars(line, v) + 1, v);
            add_line(t, keys[k].kind, TN_LETTER_BODY, v);
            continue;
        }
        int starts = n >= 2 && line[1] == ' ' && strchr("#->=", line[0]);
        if (!n || starts) { /* the paragraph so far ends */
            if (inpara)
                add_line(t, L_BODY, pstyle, para);
            paralen = 0;
            inpara = 0;
        }
        if (!n)
            continue;
        bad += check_placeholders(problems, path, no, 1, line);
        const char *text = line;
        if (starts) {
            pstyle = line[0] == '#'   ? TN_LETTER_HEADING
                     : line[0] == '-' ? TN_LETTER_ITEM
                     : line[0] == '>' ? TN_LETTER_NOTE
                                      : TN_LETTER_CENTER;
            text = line[0] == '-' ? line : line + 2;
        } else if (!inpara) {
            pstyle = TN_LETTER_BODY;
        }
        if (starts && (line[0] == '#' || line[0] == '=')) { /* one line each */
            add_line(t, L_BODY, pstyle, text);
            continue;
        }
        size_t add = strlen(text);
        TN_GROW(para, paracap, paralen + add + 2);
        if (inpara)
            para[paralen++] = ' ';
        memcpy(para + paralen, text, add + 1);
        paralen += add;
        inpara = 1;
    }
    if (inpara)
        add_line(t, L_BODY, pstyle, para);
    free(para);
    free(line);
    if (f && ferror(f)) {
        fclose(f);
        tmpl_release(t);
        return tn__app_fail(app, TN_ERR_IO, "cannot read the template %s", path);
    }
    if (f)
        fclose(f);
    if (!body && !bad) {
        tn__letter_problem(problems, "%s:%ld:1: no \"---\" line: the template has no body", path,
                           no);
        bad = 1;
    }
    if (bad) {
        tmpl_release(t);
        return TN_ERR_REJECTED;
    }
    return TN_OK;
}

struct mass_ctx {
    struct tn_app *app;
    const struct tn_letterhead *lh;
    const struct tn_letter_opts *o;
    const struct tmpl *t;
    struct tn_letter_doc *doc;
    char created[20];
    int lock_tenths;     /* policy/card_lock.csv on the letter's date */
    const char *laws[3]; /* the citations of {social_insurance_law} .. on the letter's date */
    size_t units, count;
};

static const char *status_vi(const char *s)
{
    return strcmp(s, "late") == 0      ? "chậm đóng"
           : strcmp(s, "evading") == 0 ? "trốn đóng"
                                       : "không có khoản quá hạn";
}

/* The value of placeholder ph for u, in buf. */
static const char *value(const struct mass_ctx *x, const struct tn_letter_unit *u, enum ph ph,
                         char *buf, size_t size)
{
    const struct tn_balance_row *b = &u->bal;
    char tmp[TN_TEXT_MEMO_MAX + 1];
    switch (ph) {
    case PH_UNIT_CODE:
        return u->unit_code;
    case PH_UNIT_NAME:
        return u->name;
    case PH_TAX_CODE:
        return u->tax_code;
    case PH_ADDRESS:
        return u->address;
    case PH_OFFICER:
        return u->officer_name[0] ? u->officer_name : u->officer_code;
    case PH_PERIOD:
        tn_period_format(b->period, buf);
        return buf;
    case PH_PERIOD_VI:
        tn__period_vi(b->period, tmp);
        break;
    case PH_DEBT:
        tn_text_money_vnd(b->closing, tmp);
        break;
    case PH_PRINCIPAL:
        tn_text_money_vnd(b->principal_due, tmp);
        break;
    case PH_INTEREST:
        tn_text_money_vnd(b->interest_due, tmp);
        break;
    case PH_OVERDUE: {
        struct tn_letter_overdue od;
        tn_text_money_vnd(tn_letter_overdue(x->app->policy, u, &od) ? 0 : od.total, tmp);
        break;
    }
    case PH_MONTHS: {
        int mt = tn_letter_rule_months_shown(b->months_owed_tenths);
        snprintf(tmp, sizeof tmp, "%d,%d", mt / 10, mt % 10);
        break;
    }
    case PH_OLDEST:
        if (b->oldest_unpaid >= 0)
            tn__period_vi(b->oldest_unpaid, tmp);
        else
            snprintf(tmp, sizeof tmp, "không có");
        break;
    case PH_STATUS:
        return status_vi(b->legal_status);
    case PH_WORKERS:
        snprintf(tmp, sizeof tmp, "%lld", b->workers);
        break;
    case PH_MEMO:
        if (tn_text_memo(u->unit_code, u->name, b->period, tmp, sizeof tmp))
            tmp[0] = '\0';
        break;
    case PH_DATE:
        tn_text_date_vi(x->o->date, tmp);
        break;
    case PH_LOCK: {
        int t = x->lock_tenths;
        snprintf(tmp, sizeof tmp, t % 10 ? "%d,%d" : "%d", t / 10, t % 10);
        break;
    }
    case PH_LAW_SI:
    case PH_LAW_HI:
    case PH_LAW_EMP:
        return x->laws[ph - PH_LAW_SI];
    case PH_COUNT:
        return "";
    }
    snprintf(buf, size, "%s", tmp);
    return buf;
}

/* s with its placeholders filled for u (owned by the caller). */
static char *fill(const struct mass_ctx *x, const struct tn_letter_unit *u, const char *s)
{
    size_t cap = strlen(s) * 2 + 256, n = 0;
    char *out = tn_xmalloc(cap);
    for (const char *p = s; *p; p++) {
        char buf[TN_NAME_BUFSZ + 64]; /* a placeholder's value: a name or an address at most */
        const char *v = NULL;
        size_t skip = 0;
        if (p[0] == '{' && p[1] == '{') {
            v = "{";
            skip = 1;
        } else if (*p == '{') {
            const char *end = strchr(p, '}');
            for (int i = 0; end && i < PH_COUNT && !v; i++)
                if (strlen(ph_names[i]) == (size_t)(end - p - 1) &&
                    strncmp(p + 1, ph_names[i], (size_t)(end - p - 1)) == 0)
                    v = value(x, u, (enum ph)i, buf, sizeof buf);
            skip = end ? (size_t)(end - p) : 0;
        }
        size_t len = v ? strlen(v) : 1;
        TN_GROW(out, cap, n + len + 1);
        memcpy(out + n, v ? v : p, len);
        n += len;
        p += skip;
    }
    out[n] = '\0';
    return out;
}

static void letter(struct mass_ctx *x, struct tn_letter_doc *doc, const struct tn_letter_unit *u)
{
    char *title = NULL, *subtitle = NULL, *summary = NULL, *number = NULL;
    for (size_t i = 0; i < x->t->n; i++) {
        const struct tline *l = &x->t->lines[i];
        char **slot = l->kind == L_TITLE      ? &title
                      : l->kind == L_SUBTITLE ? &subtitle
                      : l->kind == L_SUMMARY  ? &summary
                      : l->kind == L_NUMBER   ? &number
                                              : NULL;
        if (slot) {
            free(*slot);
            *slot = fill(x, u, l->text);
        }
    }
    char num[160];
    const char *suffix = x->lh->suffix_mass ? x->lh->suffix_mass : "TB-BHXH";
    if (x->o->number)
        snprintf(num, sizeof num, "Số: %s", x->o->number);
    else
        snprintf(num, sizeof num, "Số:      /%s", number ? number : suffix);
    struct tn_letter_head h;
    tn__letter_head(x->lh, x->o, num, summary, &h);
    tn_letter_begin(doc, &h);
    if (title)
        tn_letter_title(doc, title, subtitle);
    for (size_t i = 0; i < x->t->n; i++) {
        const struct tline *l = &x->t->lines[i];
        if (l->kind != L_TO && l->kind != L_BASIS && l->kind != L_BODY)
            continue;
        char *text = fill(x, u, l->text);
        if (l->kind == L_TO)
            tn_letter_addressee(doc, text);
        else if (l->kind == L_BASIS)
            tn_letter_basis(doc, text);
        else
            tn_letter_para(doc, l->style, text);
        free(text);
    }
    tn__letter_sign(x->lh, doc);
    free(title);
    free(subtitle);
    free(summary);
    free(number);
}

static tn_err mass_row(void *ctx, const struct tn_letter_unit *u)
{
    struct mass_ctx *x = ctx;
    x->units++;
    if (!tn_letter_rule_selected(x->o->status, u->bal.legal_status, u->bal.closing,
                                 u->bal.months_owed_tenths, x->lock_tenths))
        return TN_OK;
    x->count++;
    if (x->doc) {
        letter(x, x->doc, u);
        return TN_OK;
    }
    struct tn_letter_doc *doc = tn_letter_doc_new(x->created, "Thông báo / Notice");
    letter(x, doc, u);
    tn_err err = tn__letter_write_unit(x->app, doc, x->o, u->unit_code);
    tn_letter_doc_free(doc);
    return err;
}

tn_err tn_app_letter_mass(struct tn_app *app, const struct tn_scope *scope,
                          const struct tn_letter_opts *o, struct tn_letter_result *res)
{
    struct tn_scope sc;
    tn_err err = tn__letter_start(app, &scope, &sc, o);
    if (err)
        return err;
    if (!o->template_path && !o->template_text)
        return tn__app_fail(app, TN_ERR_USAGE, "a mass letter needs a template");
    struct mass_ctx x = {.app = app, .lh = o->letterhead, .o = o};
    const struct tn_card_rule *cr;
    if (tn_policy_card(app->policy, o->date, &cr)) {
        char day[TN_DAY_BUFSZ];
        tn_day_format(o->date, day);
        return tn__app_fail(app, TN_ERR_NO_POLICY, "no rule in policy/card_lock.csv on %s", day);
    }
    x.lock_tenths = cr->lock_tenths;
    for (int i = PH_LAW_SI; i <= PH_LAW_EMP; i++) {
        const struct tn_citation *c;
        if (tn_policy_citation(app->policy, ph_names[i], o->date, &c)) {
            char day[TN_DAY_BUFSZ];
            tn_day_format(o->date, day);
            return tn__app_fail(app, TN_ERR_NO_POLICY,
                                "no citation of %s in policy/citations.csv on %s", ph_names[i],
                                day);
        }
        x.laws[i - PH_LAW_SI] = c->text;
    }
    struct tmpl t;
    const char *name = o->template_path ? o->template_path : "template";
    const char *text = o->template_text;
    if ((err = tmpl_load(app, name, text, text ? strlen(text) : 0, &t, &res->problems)))
        return err;
    x.t = &t;
    tn__letter_created(o, x.created);
    if (!o->dest.dir)
        x.doc = tn_letter_doc_new(x.created, "Thông báo / Notices");
    struct tn_letter_filter filter = {o->unit};
    err = tn_store_letter_units(app->store, scope->office, o->period, tn__letter_as_of(app, o),
                                &filter, mass_row, &x);
    if (!err)
        err = tn__letter_unit_found(app, o, x.units);
    if (!err && x.doc)
        err = tn__letter_write(app, x.doc, o);
    tn_letter_doc_free(x.doc);
    tmpl_release(&t);
    if (!err)
        res->letters = x.count;
    return err;
}

tn_err tn_app_letter_template_check(const char *name, const char *text, size_t len, char **problems)
{
    struct tn_app app;
    memset(&app, 0, sizeof app);
    struct tmpl t;
    tn_err err = tmpl_load(&app, name, text, len, &t, problems);
    if (!err)
        tmpl_release(&t);
    return err;
}
