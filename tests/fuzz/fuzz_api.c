/*
 * fuzz_api.c - the API's parsers as src/http runs them, without a socket (http_int.h, struct
 * tn__http_bare): the path split into segments, the query's arguments (decoded as
 * libmicrohttpd decodes them, MHD_http_unescape), the router's session and CSRF checks, and
 * every handler's parameters and JSON body, on a small province in a ":memory:" store (or the
 * PostgreSQL database of tn_fuzz_store()).
 *
 * The input: byte 0 picks the method (bits 0-1: GET, POST, DELETE, PUT), the session (bits
 * 2-5: admin, officer of O1, legal, QLT, director, KTTN, officer of O3 without units, a forged
 * one, none), whether X-CSRF-Token is wrong (bit 6) and the client's address (bit 7); then the URL
 * ("/api/v1/...?a=b&c=d") up to the first line feed; the rest is the body. Checked beyond "no
 * crash, no leak": every answer is a status the API documents, never a 500; a JSON answer parses;
 * an error carries its code and message. POST /closes is left out (it runs a thread on a store
 * file).
 */
#include <microhttpd.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "http_int.h"
#include "thuno/app_user.h"
#include "thuno/close.h"
#include "thuno/import.h"
#include "thuno/policy.h"
#include "thuno/policy_load.h"
#include "thuno/store.h"

static const char *const province[][2] = {
    {"officers", "officer_code,full_name,department,office_code,active\n"
                 "O1,Nguyễn Văn An,QLT,,1\nO2,Trần Thị Bình,KTTN,,1\nO3,Võ Văn Cường,QLT,,1\n"},
    {"units", "unit_code,tax_code,name,type,status,status_since,parent_code,province_code,"
              "office_code,wage_region,officer_code,payment_cycle,registered_on,address,"
              "union_chair\n"
              "A,0100000001,Công ty TNHH Hải Âu,private,active,,,79,,1,O1,1,2025-01-01,"
              "\"12 Lê Lợi, Quận 1\",\n"
              "C,0100000003,Công ty Đồng Xanh,state,active,,,79,,1,O2,1,2025-01-01,,\n"},
    {"workers", "bhxh_code,full_name,birth_date,gender,id_number\n"
                "0000000001,Phạm Minh Đức,1985-03-12,M,001085000001\n"
                "0000000002,Võ Thị Hoa,1992-11-30,F,001192000002\n"},
    {"declarations", "unit_code,bhxh_code,from_period,kind,salary,funds,declared_on,reason\n"
                     "A,0000000001,2025-07,increase,10000000,,2025-07-01,\n"
                     "C,0000000002,2025-07,increase,8000000,,2025-07-01,\n"},
    {"payments", "txn_id,unit_code,paid_on,amount,channel,memo,bhxh_code,case_id,reverses\n"
                 "P1,A,2025-07-01,1000000,transfer,A dong bhxh,,,\n"
                 "P2,,2025-07-01,500000,transfer,CONG TY DONG XANH,,,\n"},
};

static struct tn_store *store;
static struct tn_policy policy;
static struct tn_app app;
static struct tn_http_server srv;
/* the sessions an input may use: admin, officer of O1, legal, QLT, director, KTTN, officer of
 * O3 (no unit in charge) */
#define NUSERS 7
static struct tn_login users[NUSERS];

static void import(enum tn_import_kind kind, const char *csv)
{
    FILE *in = fmemopen((void *)csv, strlen(csv), "rb");
    struct tn_import_report rep;
    tn_import_report_init(&rep);
    if (!in || tn_import_stream(store, kind, in, "fuzz.csv", 0, "2025-07-01T00:00:00", &rep, NULL,
                                NULL) != TN_OK) {
        fprintf(stderr, "fuzz_api: the province's %d import failed: %s\n", (int)kind,
                rep.nerrors ? rep.errors[0].message : "");
        abort();
    }
    tn_import_report_release(&rep); /* in: closed by the import */
}

static void setup(void)
{
    char msg[1024];
    const char *dir = getenv("THUNO_POLICY");
    tn_policy_init(&policy);
    if (tn_store_open(tn_fuzz_store(), 1, &store, msg) ||
        tn_policy_load(dir ? dir : "policy", &policy, msg, sizeof msg)) {
        fprintf(stderr, "fuzz_api: %s\n", msg);
        abort();
    }
    static const enum tn_import_kind kinds[] = {TN_IMPORT_OFFICERS, TN_IMPORT_UNITS,
                                                TN_IMPORT_WORKERS, TN_IMPORT_DECLARATIONS,
                                                TN_IMPORT_PAYMENTS};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        import(kinds[i], province[i][1]);
    tn_app_init(&app, store, &policy, "2025-07-28T18:00:00", TN_LANG_VI);
    struct tn_scope all = {NULL, NULL, TN_ROLE_ADMIN};
    struct tn_close_stats stats;
    tn_period july;
    static const struct tn_user_new people[NUSERS] = {
        {"ana", TN_ROLE_ADMIN, NULL, NULL},    {"tung", TN_ROLE_OFFICER, NULL, "O1"},
        {"le", TN_ROLE_LEGAL, NULL, NULL},     {"ha", TN_ROLE_QLT, NULL, NULL},
        {"lan", TN_ROLE_DIRECTOR, NULL, NULL}, {"khoa", TN_ROLE_KTTN, NULL, NULL},
        {"vo", TN_ROLE_OFFICER, NULL, "O3"}};
    int bad =
        tn_period_parse("2025-07", &july) || tn_app_close(&app, &all, july, NULL, NULL, &stats);
    snprintf(app.now, sizeof app.now, "2025-08-05T09:00:00"); /* the requests' clock */
    for (size_t i = 0; i < NUSERS && !bad; i++)
        bad = tn_app_user_add(&app, "fuzz", &people[i], "fuzz-password-1") ||
              tn_app_login(&app, people[i].login, "fuzz-password-1", "", &users[i]);
    if (bad) {
        fprintf(stderr, "fuzz_api: set-up: %s\n", app.why);
        abort();
    }
    srv.cfg.policy = &policy;
    pthread_mutex_init(&srv.lock, NULL);
}

/* Splits query (modified in place) into b's arguments as libmicrohttpd does: pairs separated
 * by '&', name and value by the first '=', each decoded. */
static void query_args(char *query, struct tn__http_bare *b)
{
    for (char *p = query; p && *p && b->nargs < sizeof b->args / sizeof b->args[0] / 2;) {
        char *amp = strchr(p, '&');
        if (amp)
            *amp = '\0';
        char *eq = strchr(p, '=');
        if (eq)
            *eq = '\0';
        MHD_http_unescape(p);
        if (eq)
            MHD_http_unescape(eq + 1);
        b->args[2 * b->nargs] = p;
        b->args[2 * b->nargs + 1] = eq ? eq + 1 : "";
        b->nargs++;
        p = amp ? amp + 1 : NULL;
    }
}

/* 1 when status is one the API documents (docs/api.md "Errors"), a 500 excepted. */
static int documented(unsigned status)
{
    static const unsigned known[] = {200, 201, 202, 400, 401, 403, 404, 405, 409, 413, 422, 429};
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (known[i] == status)
            return 1;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const methods[] = {"GET", "POST", "DELETE", "PUT"};
    if (!store)
        setup();
    if (size < 2)
        return 0;
    const uint8_t *nl = memchr(data + 1, '\n', size - 1);
    size_t urllen = nl ? (size_t)(nl - data - 1) : size - 1;
    if (urllen >= 4096)
        return 0;
    char url[4096], path[1024];
    memcpy(url, data + 1, urllen);
    url[urllen] = '\0';
    if (strlen(url) != urllen)
        return 0; /* a NUL ends the URL libmicrohttpd hands out */
    const char *body = nl ? (const char *)nl + 1 : "";
    size_t len = nl ? size - urllen - 2 : 0;
    char *copy = malloc(len + 1); /* the server's body buffer: NUL-terminated */
    if (!copy)
        abort();
    memcpy(copy, body, len);
    copy[len] = '\0';

    struct tn__http_bare bare;
    struct tn__http_req q;
    struct tn__http_reply r;
    memset(&bare, 0, sizeof bare);
    memset(&q, 0, sizeof q);
    memset(&r, 0, sizeof r);
    unsigned pick = (data[0] >> 2) & 15; /* 0-6: a user's session, 7: a forged one, 8-15: none */
    const struct tn_login *who = pick < NUSERS ? &users[pick] : NULL;
    bare.cookie = who ? who->token : pick == NUSERS ? "0123456789abcdef" : NULL;
    bare.csrf = who && (data[0] & 0x40) == 0 ? who->csrf : "forged";
    if (who && strcmp(methods[data[0] % 4], "DELETE") == 0)
        goto out; /* a logout would end a session every later input needs */
    char *query = strchr(url, '?');
    if (query)
        *query++ = '\0';
    MHD_http_unescape(url); /* the path as libmicrohttpd decodes it */
    query_args(query, &bare);

    q.bare = &bare;
    q.method = methods[data[0] % 4];
    q.body = copy;
    q.len = len;
    q.srv = &srv;
    q.app = &app;
    snprintf(q.address, sizeof q.address, "127.0.0.%d", data[0] >> 7);
    app.why[0] = '\0';
    int routed = tn__http_split(url, path, sizeof path, &q);
    if (routed &&
        !(strcmp(q.method, "POST") == 0 && q.nsegs >= 1 && strcmp(q.segs[0], "closes") == 0)) {
        tn__http_route(&q, &r);
        if (getenv("FUZZ_API_VERBOSE")) /* what each input of a corpus reaches */
            fprintf(stderr, "%s %s: %u %.*s\n", q.method, url, r.status,
                    (int)(r.len > 160 ? 160 : r.len), r.body ? r.body : "");
        if (!documented(r.status)) {
            fprintf(stderr, "fuzz_api: status %u: %.*s\n", r.status, (int)r.len, r.body);
            abort(); /* a 500, or a status the API does not document */
        }
        if (r.type && strstr(r.type, "json")) {
            json_error_t jerr;
            json_t *j = json_loadb(r.body ? r.body : "", r.len, 0, &jerr);
            if (!j)
                abort(); /* a JSON answer that does not parse */
            if (r.status >= 400) {
                json_t *e = json_object_get(j, "error");
                if (!json_is_string(json_object_get(e, "code")) ||
                    !json_is_string(json_object_get(e, "message")))
                    abort(); /* an error without its code and message */
            }
            json_decref(j);
        }
    }
out:
    free(r.body);
    free(copy);
    return 0;
}
