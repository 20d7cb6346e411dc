/*
 * driver_pg.c - the SQL driver's PostgreSQL engine (driver.h, through driver.c): libpq, one
 * connection per store, statements sent with PQexecParams on their first step.
 *
 * What it does to keep SQLite's contract (docs/store.md "Engines"):
 * - placeholders: ?NNN becomes $NNN, a bare ? the next number (SQLite's own rule), outside
 *   quotes and comments;
 * - parameters: integers are sent as int8, blobs as bytea in binary, text as text of unknown
 *   type (the server infers it from where it stands, as SQLite's affinity would);
 * - a statement sent a second time is prepared on the server (PQprepare, named tn_N) and run
 *   by name from then on, deallocated when finalized;
 * - a statement marked by tn_sql_stream and run inside a transaction reads through a cursor,
 *   its rows fetched a batch at a time (the close's scans of a whole province;
 *   THUNO_PG_FETCH_ROWS sets another batch size for the tests);
 * - results: every row of a statement is fetched at its first step (the statement's rows stay
 *   in memory until its reset); booleans read as 1/0, bytea decoded, numeric read as integer;
 * - THUNO_SQL_TRACE set: each failed statement is printed to stderr with its error;
 * - errors: SQLSTATE class 23 is TN_SQL_CONSTRAINT (a unique violation also
 *   TN_SQL_CONSTRAINT_PRIMARYKEY), serialization failures and lock timeouts TN_SQL_BUSY.
 */
#include "driver_int.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thuno/mem.h"

/* The type oids of pg_type that results are read by (catalog/pg_type_d.h, not in libpq). */
enum {
    OID_BOOL = 16,
    OID_BYTEA = 17,
    OID_INT8 = 20,
    OID_TEXT = 25,
    OID_INT2 = 21,
    OID_INT4 = 23,
    OID_FLOAT4 = 700,
    OID_FLOAT8 = 701,
    OID_NUMERIC = 1700,
};

struct tn__pg {
    PGconn *conn;
    char msg[512];
    int code, ext; /* the last error's TN_SQL_ codes */
    int changes;
    unsigned long prepared; /* server-side statements named so far: the next one's number */
};

struct param {
    int used; /* the SQL names it (SQLite lets a statement skip numbers: ?1, ?2, ?9) */
    int type; /* TN_SQL_NULL (also never bound), _INTEGER, _TEXT, _BLOB */
    const char *v;
    int len;   /* of a blob */
    char *own; /* the copy behind v, when the driver made one */
    char num[24];
};

struct tn__pg_stmt {
    struct tn__pg *db;
    char *sql; /* in PostgreSQL's placeholders */
    int nparams;
    struct param *p;
    PGresult *res; /* NULL until the first step */
    int row, nrows;
    int runs;            /* times sent */
    char name[24];       /* "" or its server-side prepared statement, from its second run on */
    int stream;          /* rows per FETCH when run inside a transaction (0: all at once) */
    char cursor[24];     /* "" or the open cursor the rows are fetched from */
    int more;            /* the last FETCH filled its batch: more may follow */
    unsigned char *blob; /* the decoded bytea of (blob_row, blob_col) */
    size_t blob_len;
    int blob_row, blob_col;
};

static int fail(struct tn__pg *db, int code, int ext, const char *what)
{
    snprintf(db->msg, sizeof db->msg, "%s", what);
    size_t n = strlen(db->msg); /* libpq ends its messages with a newline */
    while (n && (db->msg[n - 1] == '\n' || db->msg[n - 1] == ' '))
        db->msg[--n] = 0;
    db->code = code;
    db->ext = ext;
    return code;
}

/* Records res's error (res cleared by the caller) and returns its TN_SQL_ code. */
static int fail_result(struct tn__pg *db, const PGresult *res)
{
    const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
    const char *msg = res ? PQresultErrorMessage(res) : PQerrorMessage(db->conn);
    int code = TN_SQL_ERROR, ext = TN_SQL_ERROR;
    if (state && strncmp(state, "23", 2) == 0) {
        code = TN_SQL_CONSTRAINT;
        ext = strcmp(state, "23505") == 0 ? TN_SQL_CONSTRAINT_PRIMARYKEY : TN_SQL_CONSTRAINT;
    } else if (state && (strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0 ||
                         strcmp(state, "55P03") == 0)) {
        code = ext = TN_SQL_BUSY;
    }
    return fail(db, code, ext, msg && *msg ? msg : "PostgreSQL error");
}

static void quiet(void *arg, const char *message)
{
    (void)arg;
    (void)message; /* NOTICEs (an IF NOT EXISTS skipped) are not the user's business */
}

int tn__pg_open(const char *url, struct tn__pg **out)
{
    struct tn__pg *db = tn_xcalloc(1, sizeof *db);
    *out = db;
    db->conn = PQconnectdb(url);
    if (!db->conn)
        return fail(db, TN_SQL_ERROR, TN_SQL_ERROR, "out of memory");
    if (PQstatus(db->conn) != CONNECTION_OK) {
        char msg[400];
        snprintf(msg, sizeof msg, "PostgreSQL: %s", PQerrorMessage(db->conn));
        return fail(db, TN_SQL_ERROR, TN_SQL_ERROR, msg);
    }
    PQsetNoticeProcessor(db->conn, quiet, NULL);
    if (PQsetClientEncoding(db->conn, "UTF8") != 0)
        return fail(db, TN_SQL_ERROR, TN_SQL_ERROR, PQerrorMessage(db->conn));
    return tn__pg_exec(db, "SET client_min_messages = warning");
}

void tn__pg_close(struct tn__pg *db)
{
    if (!db)
        return;
    PQfinish(db->conn);
    free(db);
}

const char *tn__pg_errmsg(struct tn__pg *db)
{
    return db->msg[0] ? db->msg : "not an error";
}

int tn__pg_errcode(struct tn__pg *db)
{
    return db->code;
}

int tn__pg_extended_errcode(struct tn__pg *db)
{
    return db->ext;
}

int tn__pg_exec(struct tn__pg *db, const char *sql)
{
    PGresult *res = PQexec(db->conn, sql);
    ExecStatusType s = PQresultStatus(res);
    int rc = TN_SQL_OK;
    if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK)
        rc = fail_result(db, res);
    PQclear(res);
    return rc;
}

int tn__pg_changes(struct tn__pg *db)
{
    return db->changes;
}

int tn__pg_copy_in(struct tn__pg *db, const char *copy_sql, const char *data, size_t len)
{
    PGresult *res = PQexec(db->conn, copy_sql);
    int ok = PQresultStatus(res) == PGRES_COPY_IN;
    if (!ok) {
        int rc = fail_result(db, res);
        PQclear(res);
        return rc;
    }
    PQclear(res);
    /* in pieces of at most 1 MiB: PQputCopyData takes an int */
    for (size_t o = 0; ok && o < len; o += 1 << 20) {
        size_t n = len - o < (1u << 20) ? len - o : 1u << 20;
        ok = PQputCopyData(db->conn, data + o, (int)n) == 1;
    }
    if (PQputCopyEnd(db->conn, ok ? NULL : "the client failed to send the rows") != 1)
        return fail(db, TN_SQL_ERROR, TN_SQL_ERROR, PQerrorMessage(db->conn));
    int rc = TN_SQL_OK;
    while ((res = PQgetResult(db->conn))) {
        if (rc == TN_SQL_OK && PQresultStatus(res) != PGRES_COMMAND_OK)
            rc = fail_result(db, res);
        else if (rc == TN_SQL_OK)
            db->changes = (int)strtol(PQcmdTuples(res), NULL, 10);
        PQclear(res);
    }
    return rc;
}

long long tn__pg_last_insert_rowid(struct tn__pg *db)
{
    PGresult *res = PQexec(db->conn, "SELECT lastval()");
    long long id = 0;
    if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1)
        id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
    else
        fail_result(db, res);
    PQclear(res);
    return id;
}

int tn__pg_get_autocommit(struct tn__pg *db)
{
    return PQtransactionStatus(db->conn) == PQTRANS_IDLE;
}

/* Appends the decimal n to out at *k. */
static void put_number(char *out, size_t *k, int n)
{
    *k += (size_t)snprintf(out + *k, 12, "%d", n); /* room kept by rewrite's allocation */
}

/* sql with SQLite's placeholders rewritten to PostgreSQL's, outside quotes and comments;
 * *nparams the highest number used, each number used marked in *used (a new array). */
static char *rewrite(const char *sql, int *nparams, unsigned char **used)
{
    size_t capused = 16;
    *used = tn_xcalloc(capused, 1);
    size_t len = strlen(sql);
    char *out = tn_xmalloc(len * 6 + 16); /* "?" becomes at most "$99999" */
    size_t k = 0;
    int most = 0;
    for (size_t i = 0; i < len;) {
        char c = sql[i];
        if (c == '\'' || c == '"') { /* a literal or a quoted name, '' and "" inside */
            out[k++] = sql[i++];
            while (i < len) {
                out[k++] = sql[i];
                if (sql[i++] == c) {
                    if (i < len && sql[i] == c) {
                        out[k++] = sql[i++];
                        continue;
                    }
                    break;
                }
            }
        } else if (c == '-' && sql[i + 1] == '-') {
            while (i < len && sql[i] != '\n')
                out[k++] = sql[i++];
        } else if (c == '/' && sql[i + 1] == '*') {
            const char *end = strstr(sql + i + 2, "*/");
            size_t stop = end ? (size_t)(end - sql) + 2 : len;
            while (i < stop)
                out[k++] = sql[i++];
        } else if (c == '?') {
            i++;
            int n = 0, digits = 0;
            while (i < len && sql[i] >= '0' && sql[i] <= '9' && n < 100000) {
                n = n * 10 + (sql[i++] - '0');
                digits++;
            }
            if (!digits)
                n = most + 1;
            if (n > most)
                most = n;
            if ((size_t)n >= capused) {
                *used = tn_xrealloc(*used, (size_t)n * 2, 1);
                memset(*used + capused, 0, (size_t)n * 2 - capused);
                capused = (size_t)n * 2;
            }
            (*used)[n] = 1;
            out[k++] = '$';
            put_number(out, &k, n);
        } else {
            out[k++] = sql[i++];
        }
    }
    out[k] = 0;
    *nparams = most;
    return out;
}

int tn__pg_prepare(struct tn__pg *db, const char *sql, struct tn__pg_stmt **out)
{
    struct tn__pg_stmt *st = tn_xcalloc(1, sizeof *st);
    st->db = db;
    unsigned char *used;
    st->sql = rewrite(sql, &st->nparams, &used);
    st->p = tn_xcalloc((size_t)st->nparams + 1, sizeof *st->p);
    for (int i = 0; i <= st->nparams; i++) {
        st->p[i].type = TN_SQL_NULL;
        st->p[i].used = used[i];
    }
    free(used);
    st->row = -1;
    st->blob_row = -1;
    *out = st;
    return TN_SQL_OK;
}

/* Closes st's cursor, unless a failed transaction refuses every command (its end closes it). */
static void close_cursor(struct tn__pg_stmt *st)
{
    if (st->cursor[0] && PQtransactionStatus(st->db->conn) == PQTRANS_INTRANS) {
        char sql[40];
        snprintf(sql, sizeof sql, "CLOSE %s", st->cursor);
        PQclear(PQexec(st->db->conn, sql));
    }
    st->cursor[0] = '\0';
    st->more = 0;
}

static void drop_result(struct tn__pg_stmt *st)
{
    close_cursor(st);
    PQclear(st->res);
    st->res = NULL;
    st->row = -1;
    st->nrows = 0;
    PQfreemem(st->blob);
    st->blob = NULL;
    st->blob_row = -1;
}

static void unbind(struct param *p)
{
    free(p->own);
    p->own = NULL;
    p->v = NULL;
    p->type = TN_SQL_NULL;
}

int tn__pg_bind(struct tn__pg_stmt *st, int i, int type, const void *v, int n, tn_sql_destructor d)
{
    if (i < 1 || i > st->nparams)
        return fail(st->db, 25 /* SQLITE_RANGE */, 25, "bind index out of range");
    struct param *p = &st->p[i];
    unbind(p);
    p->type = type;
    if (type == TN_SQL_INTEGER) {
        snprintf(p->num, sizeof p->num, "%lld", *(const long long *)v);
        p->v = p->num;
    } else if (type == TN_SQL_TEXT && (n >= 0 || d != TN_SQL_STATIC)) {
        size_t len = n >= 0 ? strnlen(v, (size_t)n) : strlen(v); /* text ends at a NUL */
        p->own = tn_xmalloc(len + 1);
        memcpy(p->own, v, len);
        p->own[len] = 0;
        p->v = p->own;
    } else if (type == TN_SQL_BLOB && d != TN_SQL_STATIC) {
        p->own = tn_xmalloc((size_t)n + 1);
        memcpy(p->own, v, (size_t)n);
        p->v = p->own;
        p->len = n;
    } else {
        p->v = v;
        p->len = n;
    }
    return TN_SQL_OK;
}

/* Fetches the next batch of st's cursor into st->res. */
static int fetch(struct tn__pg_stmt *st)
{
    PQclear(st->res);
    PQfreemem(st->blob);
    st->blob = NULL;
    st->blob_row = -1;
    char sql[64];
    snprintf(sql, sizeof sql, "FETCH %d FROM %s", st->stream, st->cursor);
    st->res = PQexec(st->db->conn, sql);
    if (PQresultStatus(st->res) != PGRES_TUPLES_OK) {
        int rc = fail_result(st->db, st->res);
        drop_result(st);
        return rc;
    }
    st->nrows = PQntuples(st->res);
    st->more = st->nrows == st->stream;
    st->row = -1;
    return TN_SQL_OK;
}

/* Sends st with its bindings. */
static int run(struct tn__pg_stmt *st)
{
    int n = st->nparams;
    const char **vals = tn_xcalloc((size_t)n + 1, sizeof *vals);
    int *lens = tn_xcalloc((size_t)n + 1, sizeof *lens);
    int *fmts = tn_xcalloc((size_t)n + 1, sizeof *fmts);
    Oid *types = tn_xcalloc((size_t)n + 1, sizeof *types);
    for (int i = 0; i < n; i++) {
        const struct param *p = &st->p[i + 1];
        if (!p->used) /* a number the SQL skips: any type, so that the server takes it */
            types[i] = OID_TEXT;
        if (p->type == TN_SQL_NULL || !p->used)
            continue;
        vals[i] = p->v;
        if (p->type == TN_SQL_INTEGER) {
            types[i] = OID_INT8;
        } else if (p->type == TN_SQL_BLOB) {
            types[i] = OID_BYTEA;
            fmts[i] = 1;
            lens[i] = p->len;
            if (!vals[i])
                vals[i] = "";
        }
    }
    /* a streamed statement inside a transaction: a cursor, its rows fetched a batch at a time */
    int cursor = st->stream > 0 && PQtransactionStatus(st->db->conn) == PQTRANS_INTRANS;
    char *declare = NULL;
    if (cursor) {
        snprintf(st->cursor, sizeof st->cursor, "tn_c%lu", st->db->prepared++);
        size_t len = strlen(st->sql) + 64;
        declare = tn_xmalloc(len);
        snprintf(declare, len, "DECLARE %s NO SCROLL CURSOR FOR %s", st->cursor, st->sql);
    }
    /* a statement sent again (a cached one, or one reset in a loop) is prepared on the server
     * with the types of this run, so that it is parsed and planned once */
    if (!cursor && !st->name[0] && st->runs++ >= 1) {
        char name[24];
        snprintf(name, sizeof name, "tn_%lu", st->db->prepared++);
        PGresult *pr = PQprepare(st->db->conn, name, st->sql, n, types);
        if (PQresultStatus(pr) == PGRES_COMMAND_OK)
            memcpy(st->name, name, sizeof name);
        PQclear(pr);
    }
    if (cursor)
        st->res = PQexecParams(st->db->conn, declare, n, types, vals, lens, fmts, 0);
    else if (st->name[0])
        st->res = PQexecPrepared(st->db->conn, st->name, n, vals, lens, fmts, 0);
    else
        st->res = PQexecParams(st->db->conn, st->sql, n, types, vals, lens, fmts, 0);
    free(declare);
    free(vals);
    free(lens);
    free(fmts);
    free(types);
    ExecStatusType s = PQresultStatus(st->res);
    if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK) {
        int rc = fail_result(st->db, st->res);
        if (getenv("THUNO_SQL_TRACE")) /* docs/store.md "Engines": a developer's aid */
            fprintf(stderr, "thuno sql: %s\n  in: %s\n", st->db->msg, st->sql);
        st->cursor[0] = '\0'; /* not declared */
        drop_result(st);
        return rc;
    }
    if (cursor)
        return fetch(st);
    const char *changed = PQcmdTuples(st->res);
    if (changed && *changed)
        st->db->changes = (int)strtol(changed, NULL, 10);
    st->nrows = s == PGRES_TUPLES_OK ? PQntuples(st->res) : 0;
    st->row = -1;
    return TN_SQL_OK;
}

int tn__pg_step(struct tn__pg_stmt *st)
{
    if (!st->res) {
        int rc = run(st);
        if (rc != TN_SQL_OK)
            return rc;
    }
    if (st->row < st->nrows)
        st->row++;
    if (st->row >= st->nrows && st->cursor[0] && st->more) { /* the batch read: the next */
        int rc = fetch(st);
        if (rc != TN_SQL_OK)
            return rc;
        st->row = 0;
    }
    return st->row < st->nrows ? TN_SQL_ROW : TN_SQL_DONE;
}

int tn__pg_reset(struct tn__pg_stmt *st)
{
    drop_result(st);
    return TN_SQL_OK;
}

void tn__pg_stream(struct tn__pg_stmt *st, int batch)
{
    /* THUNO_PG_FETCH_ROWS: another batch size, so that the tests' small provinces cross
     * batches too (scripts/test.sh sets it for the run on PostgreSQL) */
    const char *e = getenv("THUNO_PG_FETCH_ROWS");
    long n = e ? strtol(e, NULL, 10) : 0;
    if (n > 0 && n < 1000000)
        batch = (int)n;
    st->stream = batch > 0 ? batch : 0;
}

int tn__pg_clear_bindings(struct tn__pg_stmt *st)
{
    for (int i = 1; i <= st->nparams; i++)
        unbind(&st->p[i]);
    return TN_SQL_OK;
}

void tn__pg_finalize(struct tn__pg_stmt *st)
{
    if (!st)
        return;
    drop_result(st);
    /* its server-side statement goes with it, unless a failed transaction refuses every
     * command until its rollback: then it stays until the connection ends */
    if (st->name[0] && PQtransactionStatus(st->db->conn) != PQTRANS_INERROR) {
        char sql[40];
        snprintf(sql, sizeof sql, "DEALLOCATE %s", st->name);
        PQclear(PQexec(st->db->conn, sql));
    }
    tn__pg_clear_bindings(st);
    free(st->p);
    free(st->sql);
    free(st);
}

/* Whether column i of the current row is there and not NULL. */
static int has_value(const struct tn__pg_stmt *st, int i)
{
    return st->res && st->row >= 0 && st->row < st->nrows && i >= 0 && i < PQnfields(st->res) &&
           !PQgetisnull(st->res, st->row, i);
}

int tn__pg_column_type(struct tn__pg_stmt *st, int i)
{
    if (!has_value(st, i))
        return TN_SQL_NULL;
    switch (PQftype(st->res, i)) {
    case OID_BOOL:
    case OID_INT2:
    case OID_INT4:
    case OID_INT8:
        return TN_SQL_INTEGER;
    case OID_NUMERIC:
        return strchr(PQgetvalue(st->res, st->row, i), '.') ? TN_SQL_FLOAT : TN_SQL_INTEGER;
    case OID_FLOAT4:
    case OID_FLOAT8:
        return TN_SQL_FLOAT;
    case OID_BYTEA:
        return TN_SQL_BLOB;
    default:
        return TN_SQL_TEXT;
    }
}

long long tn__pg_column_int64(struct tn__pg_stmt *st, int i)
{
    if (!has_value(st, i))
        return 0;
    const char *v = PQgetvalue(st->res, st->row, i);
    if (PQftype(st->res, i) == OID_BOOL)
        return v[0] == 't';
    return strtoll(v, NULL, 10); /* a numeric's fraction is cut, as SQLite's integer read */
}

const unsigned char *tn__pg_column_text(struct tn__pg_stmt *st, int i)
{
    if (!has_value(st, i))
        return NULL;
    const char *v = PQgetvalue(st->res, st->row, i);
    if (PQftype(st->res, i) == OID_BOOL)
        return (const unsigned char *)(v[0] == 't' ? "1" : "0");
    if (PQftype(st->res, i) == OID_BYTEA)
        return tn__pg_column_blob(st, i);
    return (const unsigned char *)v;
}

/* Decodes the bytea at column i of the current row into st->blob (kept for that cell). */
static void decode(struct tn__pg_stmt *st, int i)
{
    if (st->blob_row == st->row && st->blob_col == i)
        return;
    PQfreemem(st->blob);
    st->blob =
        PQunescapeBytea((const unsigned char *)PQgetvalue(st->res, st->row, i), &st->blob_len);
    if (!st->blob)
        abort(); /* out of memory: the x-functions' rule (mem.h) */
    st->blob_row = st->row;
    st->blob_col = i;
}

const void *tn__pg_column_blob(struct tn__pg_stmt *st, int i)
{
    if (!has_value(st, i))
        return NULL;
    if (PQftype(st->res, i) != OID_BYTEA)
        return PQgetvalue(st->res, st->row, i);
    decode(st, i);
    return st->blob;
}

int tn__pg_column_bytes(struct tn__pg_stmt *st, int i)
{
    if (!has_value(st, i))
        return 0;
    if (PQftype(st->res, i) != OID_BYTEA)
        return PQgetlength(st->res, st->row, i);
    decode(st, i);
    return (int)st->blob_len;
}
