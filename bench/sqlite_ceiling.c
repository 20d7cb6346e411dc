/*
 * sqlite_ceiling.c - what SQLite itself allows an import (docs/performance.md "Import"): the
 * current rows of a table of a thuno store, read into memory, then written into the same
 * table of a new database (same schema, same pragmas as the store: WAL, synchronous=NORMAL,
 * 64 MiB cache) by one prepared INSERT per row in one transaction, secondary indexes built
 * after the rows as a first load does. Only the writing is timed, in CPU time (user + system
 * of this process), so the figure is the ceiling of any import of those rows into that table
 * that writes a row per statement; then again with 64 rows per INSERT (SQLite's own cost per
 * statement taken out: the ceiling of an import that would batch its rows).
 *
 * usage: sqlite_ceiling STORE TABLE NEWDB [PRAGMAS]   (PRAGMAS: others to try, after the store's)
 * prints: ceiling_TABLE <rows> rows <cpu s> s <rows/s> rows/s (cpu), and the same as
 * "bench,ceiling_TABLE,cpu_s,rows_per_s" on stderr; then ceiling64_TABLE likewise.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

static double cpu_now(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
           (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
}

static void die(sqlite3 *db, const char *what)
{
    fprintf(stderr, "sqlite_ceiling: %s: %s\n", what, db ? sqlite3_errmsg(db) : "?");
    exit(1);
}

static void exec(sqlite3 *db, const char *sql)
{
    if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
        die(db, sql);
}

/* Writes the n rows of ncol values into table of a new database dst at path (made as the
 * store's: schema then the index_sql after the rows), per rows to an INSERT; returns the CPU
 * seconds it took. */
static double load(const char *path, const char *pragmas, const char *schema, char **index_sql,
                   size_t nindex, const char *table, sqlite3_value **vals, size_t n, int ncol,
                   int per)
{
    sqlite3 *dst;
    remove(path);
    if (sqlite3_open(path, &dst) != SQLITE_OK)
        die(dst, "open new database");
    exec(dst, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536;");
    if (pragmas)
        exec(dst, pragmas);
    exec(dst, schema);
    static char sql[1 << 16];
    size_t o = (size_t)snprintf(sql, sizeof sql, "INSERT INTO %s VALUES ", table);
    for (int r = 0; r < per; r++) {
        o += (size_t)snprintf(sql + o, sizeof sql - o, "%s(?", r ? ", " : "");
        for (int c = 1; c < ncol; c++)
            o += (size_t)snprintf(sql + o, sizeof sql - o, ", ?");
        o += (size_t)snprintf(sql + o, sizeof sql - o, ")");
    }
    sqlite3_stmt *st, *one;
    double t0 = cpu_now();
    exec(dst, "BEGIN");
    if (sqlite3_prepare_v2(dst, sql, -1, &st, NULL) != SQLITE_OK)
        die(dst, "prepare insert");
    *strchr(strchr(sql, '('), ')') = '\0'; /* the first row's VALUES: one row */
    o = strlen(sql);
    snprintf(sql + o, sizeof sql - o, ")");
    if (sqlite3_prepare_v2(dst, sql, -1, &one, NULL) != SQLITE_OK)
        die(dst, "prepare insert");
    size_t i = 0;
    for (; i + (size_t)per <= n; i += (size_t)per) {
        for (size_t k = 0; k < (size_t)per * (size_t)ncol; k++)
            sqlite3_bind_value(st, (int)k + 1, vals[i * (size_t)ncol + k]);
        if (sqlite3_step(st) != SQLITE_DONE)
            die(dst, "insert");
        sqlite3_reset(st);
    }
    for (; i < n; i++) {
        for (int c = 0; c < ncol; c++)
            sqlite3_bind_value(one, c + 1, vals[i * (size_t)ncol + (size_t)c]);
        if (sqlite3_step(one) != SQLITE_DONE)
            die(dst, "insert");
        sqlite3_reset(one);
    }
    sqlite3_finalize(st);
    sqlite3_finalize(one);
    for (size_t k = 0; k < nindex; k++)
        exec(dst, index_sql[k]);
    exec(dst, "COMMIT");
    double t = cpu_now() - t0;
    sqlite3_close(dst);
    return t;
}

int main(int argc, char **argv)
{
    if (argc != 4 && argc != 5) {
        fprintf(stderr, "usage: sqlite_ceiling STORE TABLE NEWDB [PRAGMAS]\n");
        return 64;
    }
    const char *table = argv[2];
    sqlite3 *src;
    if (sqlite3_open_v2(argv[1], &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
        die(src, "open store");
    char *schema = NULL;

    /* the table and its indexes, as the store has them */
    char sql[4096];
    char **index_sql = NULL;
    size_t nindex = 0;
    sqlite3_stmt *st;
    snprintf(sql, sizeof sql,
             "SELECT type, sql FROM sqlite_master WHERE tbl_name = '%s' AND sql IS NOT NULL",
             table);
    if (sqlite3_prepare_v2(src, sql, -1, &st, NULL) != SQLITE_OK)
        die(src, "read schema");
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *s = (const char *)sqlite3_column_text(st, 1);
        if (strcmp((const char *)sqlite3_column_text(st, 0), "table") == 0) {
            schema = strdup(s);
        } else {
            index_sql = realloc(index_sql, (nindex + 1) * sizeof *index_sql);
            index_sql[nindex++] = strdup(s);
        }
    }
    sqlite3_finalize(st);

    /* the rows, in the table's key order (as a first load's file) */
    snprintf(sql, sizeof sql, "SELECT * FROM %s WHERE superseded_at IS NULL", table);
    if (sqlite3_prepare_v2(src, sql, -1, &st, NULL) != SQLITE_OK)
        die(src, "read rows");
    int ncol = sqlite3_column_count(st);
    size_t n = 0, cap = 0;
    sqlite3_value **vals = NULL;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (n == cap) {
            cap = cap ? cap * 2 : 65536;
            vals = realloc(vals, cap * (size_t)ncol * sizeof *vals);
        }
        for (int c = 0; c < ncol; c++)
            vals[n * (size_t)ncol + (size_t)c] = sqlite3_value_dup(sqlite3_column_value(st, c));
        n++;
    }
    sqlite3_finalize(st);

    if (!schema)
        die(src, "no such table");
    for (int per = 1; per <= 64; per += 63) {
        double t = load(argv[3], argc == 5 ? argv[4] : NULL, schema, index_sql, nindex, table, vals,
                        n, ncol, per);
        const char *label = per == 1 ? "ceiling" : "ceiling64";
        printf("%s_%-16s %9zu rows %8.3f s %12.0f rows/s (cpu)\n", label, table, n, t,
               t > 0 ? (double)n / t : 0);
        fprintf(stderr, "bench,%s_%s,%.3f,%.0f\n", label, table, t, t > 0 ? (double)n / t : 0);
    }
    for (size_t i = 0; i < n * (size_t)ncol; i++)
        sqlite3_value_free(vals[i]);
    free(vals);
    for (size_t i = 0; i < nindex; i++)
        free(index_sql[i]);
    free(index_sql);
    free(schema);
    sqlite3_close(src);
    return 0;
}
