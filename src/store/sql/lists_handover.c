/*
 * lists_handover.c - the sign-off of the monthly handover list between QLT and KTTN (issue 4
 * item 4; seed 002: units owing 3 months and more pass from QLT to KTTN). Each department
 * signs the list of a period; the list as signed is stored with its SHA-256, so a list that
 * changed after a signature (a late payment, a back-dated declaration) shows. docs/lists.md.
 */
#include "store_int.h"

#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/lists.h"
#include "thuno/mem.h"
#include "thuno/store.h"

void tn_handover_digest(const struct tn_handover_item *items, size_t n, char out[static 65])
{
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    unsigned char h[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (!md || !EVP_DigestInit_ex(md, EVP_sha256(), NULL))
        abort(); /* only fails when OpenSSL cannot allocate: out of memory (mem.h) */
    for (size_t i = 0; i < n; i++) {
        char line[128];
        int k = snprintf(line, sizeof line, "%s,%s,%d,%d,%lld\n", items[i].unit_code,
                         items[i].up ? "QLT->KTTN" : "KTTN->QLT", items[i].prev_tenths,
                         items[i].months_owed_tenths, (long long)items[i].debt);
        if (!EVP_DigestUpdate(md, line, (size_t)k))
            abort();
    }
    if (!EVP_DigestFinal_ex(md, h, &len) || len != 32)
        abort();
    EVP_MD_CTX_free(md);
    for (unsigned i = 0; i < 32; i++)
        snprintf(out + 2 * i, 3, "%02x", h[i]);
}

void tn_handover_signoff_init(struct tn_handover_signoff *h)
{
    memset(h, 0, sizeof *h);
}

void tn_handover_signoff_release(struct tn_handover_signoff *h)
{
    free(h->items);
    tn_handover_signoff_init(h);
}

/* The digest of the latest signature of period by either department before now ("" none). */
static tn_err latest_digest(struct tn__sq *s, const char *period, char out[static 65])
{
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(
        s, "SELECT digest FROM handover_signoff WHERE period = ?1 ORDER BY id DESC LIMIT 1", &st);
    if (err)
        return err;
    tn_sql_bind_text(st, 1, period, -1, TN_SQL_STATIC);
    int rc = tn_sql_step(st);
    out[0] = '\0';
    if (rc == TN_SQL_ROW)
        snprintf(out, 65, "%s", tn__col_text(st, 0));
    tn_sql_finalize(st);
    return rc == TN_SQL_ROW || rc == TN_SQL_DONE ? TN_OK : tn__store_fail(s, "read signatures");
}

static tn_err insert(struct tn__sq *s, const char *period, struct tn_handover_signoff *h)
{
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(s,
                                   "INSERT INTO handover_signoff (period, department, actor, "
                                   "signed_on, known_at, digest, prior_digest, units) VALUES "
                                   "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                   &st);
    if (err)
        return err;
    tn_sql_bind_text(st, 1, period, -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 2, h->department, -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 3, h->actor, -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 4, h->signed_on, -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 5, h->known_at, -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 6, h->digest, -1, TN_SQL_STATIC);
    tn__bind_text_or_null(st, 7, h->prior_digest[0] ? h->prior_digest : NULL);
    tn_sql_bind_int64(st, 8, (long long)h->n);
    int rc = tn_sql_step(st);
    tn_sql_finalize(st);
    if (rc != TN_SQL_DONE)
        return tn__store_fail(s, "record the signature");
    h->id = (long long)tn_sql_last_insert_rowid(s->db);
    if ((err = tn__store_prepare(s,
                                 "INSERT INTO handover_signed_unit (signoff_id, unit_code, up, "
                                 "months_before, months_after, debt) VALUES (?1, ?2, ?3, ?4, "
                                 "?5, ?6)",
                                 &st)))
        return err;
    for (size_t i = 0; i < h->n; i++) {
        tn_sql_reset(st);
        tn_sql_bind_int64(st, 1, h->id);
        tn_sql_bind_text(st, 2, h->items[i].unit_code, -1, TN_SQL_STATIC);
        tn_sql_bind_int(st, 3, h->items[i].up);
        tn_sql_bind_int(st, 4, h->items[i].prev_tenths);
        tn_sql_bind_int(st, 5, h->items[i].months_owed_tenths);
        tn_sql_bind_int64(st, 6, h->items[i].debt);
        if (tn_sql_step(st) != TN_SQL_DONE) {
            tn_sql_finalize(st);
            return tn__store_fail(s, "record the signed list");
        }
    }
    tn_sql_finalize(st);
    return TN_OK;
}

tn_err tn__sq_handover_sign(struct tn__sq *s, tn_period period, struct tn_handover_signoff *h)
{
    char p[TN_PERIOD_BUFSZ], prior[65];
    tn_period_format(period, p);
    tn_handover_digest(h->items, h->n, h->digest);
    tn_err err = tn__sq_begin(s);
    if (err)
        return err;
    if ((err = latest_digest(s, p, prior)))
        goto done;
    snprintf(h->prior_digest, sizeof h->prior_digest, "%s",
             prior[0] && strcmp(prior, h->digest) != 0 ? prior : "");
    if ((err = insert(s, p, h)))
        goto done;
    err = tn__sq_commit(s);
done:
    if (err)
        tn__sq_rollback(s);
    return err;
}

tn_err tn__sq_handover_signed(struct tn__sq *s, tn_period period, const char *department,
                              const char *as_of, struct tn_handover_signoff *out)
{
    tn_handover_signoff_release(out);
    char p[TN_PERIOD_BUFSZ];
    tn_period_format(period, p);
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(s,
                                   "SELECT id, department, actor, signed_on, known_at, digest, "
                                   "coalesce(prior_digest, '') FROM handover_signoff WHERE "
                                   "period = ?1 AND department = ?2 AND known_at <= ?3 "
                                   "ORDER BY id DESC LIMIT 1",
                                   &st);
    if (err)
        return err;
    tn_sql_bind_text(st, 1, p, -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 2, department, -1, TN_SQL_STATIC);
    tn_sql_bind_text(st, 3, tn__at(as_of), -1, TN_SQL_STATIC);
    int rc = tn_sql_step(st);
    if (rc == TN_SQL_ROW) {
        out->id = tn_sql_column_int64(st, 0);
        TN__COL_COPY(out->department, st, 1);
        TN__COL_COPY(out->actor, st, 2);
        TN__COL_COPY(out->signed_on, st, 3);
        TN__COL_COPY(out->known_at, st, 4);
        TN__COL_COPY(out->digest, st, 5);
        TN__COL_COPY(out->prior_digest, st, 6);
    }
    tn_sql_finalize(st);
    if (rc == TN_SQL_DONE)
        return TN_ERR_NOT_FOUND;
    if (rc != TN_SQL_ROW)
        return tn__store_fail(s, "read signatures");
    if ((err = tn__store_prepare(s,
                                 "SELECT unit_code, up, months_before, months_after, debt FROM "
                                 "handover_signed_unit WHERE signoff_id = ?1 ORDER BY unit_code",
                                 &st)))
        return err;
    tn_sql_bind_int64(st, 1, out->id);
    size_t cap = 0;
    while ((rc = tn_sql_step(st)) == TN_SQL_ROW) {
        TN_GROW(out->items, cap, out->n + 1);
        struct tn_handover_item *it = &out->items[out->n++];
        TN__COL_COPY(it->unit_code, st, 0);
        it->up = tn_sql_column_int(st, 1);
        it->prev_tenths = tn_sql_column_int(st, 2);
        it->months_owed_tenths = tn_sql_column_int(st, 3);
        it->debt = tn_sql_column_int64(st, 4);
    }
    tn_sql_finalize(st);
    if (rc != TN_SQL_DONE) {
        tn_handover_signoff_release(out);
        return tn__store_fail(s, "read the signed list");
    }
    return TN_OK;
}
