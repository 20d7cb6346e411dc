/*
 * migrations.c - the store's schema migrations, SQLite's and PostgreSQL's (docs/store.md
 * "Migrations"): one numbered list, forward only. meta 'schema_version' holds the number of the
 * last one a store has (none: 0, a thuno-1 store made before migrations); each is applied once, in
 * a transaction with its version bump, so a failure leaves the store at the version before it. A
 * new store is made at the latest version directly (schema.sql; sq_store.c).
 */
#include "store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "migration_0001_sql.h" /* generated from migrations/0001_baseline.sql */
#include "migration_0003_sql.h" /* migrations/0003_close_carry.sql */
#include "migration_0004_sql.h" /* migrations/0004_unit_no_officer.sql */

/* One migration: its number, its name, the SQL it runs on SQLite and then, when a change
 * needs a look at the store first (a column added only when missing), its step; pg_sql, the
 * same change on PostgreSQL (NULL: none, the migration is older than PostgreSQL stores, which
 * are made at version 4 or later). */
struct tn__migration {
    int version;
    const char *name;
    const char *sql;
    tn_err (*step)(struct tn__sq *s);
    const char *pg_sql;
};

/* Adds column col (its type and constraints in decl) to table unless it has one of that name:
 * SQLite has no ADD COLUMN IF NOT EXISTS. For a migration's step. Errors: TN_ERR_STORE. */
static tn_err add_column_if_missing(struct tn__sq *s, const char *table, const char *col,
                                    const char *decl)
{
    char sql[512];
    tn_sql_stmt *st;
    snprintf(sql, sizeof sql, "SELECT 1 FROM pragma_table_info('%s') WHERE name = ?1", table);
    tn_err err = tn__store_prepare(s, sql, &st);
    if (err)
        return err;
    tn_sql_bind_text(st, 1, col, -1, TN_SQL_STATIC);
    int found = 0;
    err = tn__store_step_one(s, st, &found, "table columns");
    tn_sql_finalize(st);
    if (err || found)
        return err;
    snprintf(sql, sizeof sql, "ALTER TABLE %s ADD COLUMN %s %s", table, col, decl);
    return tn__store_exec(s, sql);
}

/* 2: unit_close.principal_overdue (the debt past its deadline, aging.h "Debt"), NULL on the
 * closes recorded before it (read as all due). */
static tn_err step_0002(struct tn__sq *s)
{
    return add_column_if_missing(s, "unit_close", "principal_overdue", "INTEGER");
}

/* The list: append only. A shipped migration is never edited, renumbered or removed; the
 * change it makes is also made in schema.sql for new stores (tests/test_store_migrate.c
 * checks that both give one shape), and, from version 5 on, on PostgreSQL: its pg_sql, made
 * in pg_schema.sql too (docs/store.md "Migrations"). */
static const struct tn__migration migrations[] = {
    {1, "baseline", tn__migration_0001_sql, NULL, NULL},
    {2, "unit_close_principal_overdue", "", step_0002, NULL},
    {3, "close_carry", tn__migration_0003_sql, NULL, NULL},
    {4, "unit_no_officer", tn__migration_0004_sql, NULL, NULL},
};
#define NMIGRATIONS (sizeof migrations / sizeof migrations[0])

int tn__sq_schema_latest(void)
{
    return migrations[NMIGRATIONS - 1].version;
}

const char *tn__sq_migration_name(int version)
{
    for (size_t i = 0; i < NMIGRATIONS; i++)
        if (migrations[i].version == version)
            return migrations[i].name;
    return NULL;
}

tn_err tn__sq_schema_version(struct tn__sq *s, int *out)
{
    tn_sql_stmt *st;
    tn_err err = tn__store_prepare(s, "SELECT value FROM meta WHERE key = 'schema_version'", &st);
    if (err)
        return err;
    int found = 0;
    err = tn__store_step_one(s, st, &found, "schema version");
    if (!err) {
        const char *v = found ? tn__col_text(st, 0) : "0";
        char *end;
        long n = strtol(v, &end, 10);
        if (*v == '\0' || *end != '\0' || n < 0 || n > 1000000) {
            snprintf(s->errmsg, sizeof s->errmsg, "store schema version \"%.40s\" is not a number",
                     v);
            err = TN_ERR_STORE;
        } else {
            *out = (int)n;
        }
    }
    tn_sql_finalize(st);
    return err;
}

tn_err tn__sq_set_schema_version(struct tn__sq *s, int version)
{
    char sql[128];
    snprintf(sql, sizeof sql,
             "INSERT INTO meta VALUES ('schema_version', '%d') "
             "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
             version);
    return tn__store_exec(s, sql);
}

/* Applies migration m, failing on purpose after its changes when fail_at is its number (the
 * test of a killed migration), in a transaction (a savepoint inside the caller's) that first
 * reads the version again: another process may have applied it meanwhile. */
static tn_err apply(struct tn__sq *s, const struct tn__migration *m, int fail_at)
{
    tn_err err = tn__sq_begin(s);
    if (err)
        return err;
    int cur = 0;
    if ((err = tn__sq_schema_version(s, &cur)))
        goto fail;
    if (cur >= m->version)
        return tn__sq_commit(s);
    if (tn_sql_kind(s->db) == TN_SQL_PG) {
        if (!m->pg_sql) {
            snprintf(s->errmsg, sizeof s->errmsg,
                     "no PostgreSQL text for migration %d (PostgreSQL stores begin at 4)",
                     m->version);
            err = TN_ERR_STORE;
            goto fail;
        }
        if (m->pg_sql[0] && (err = tn__store_exec(s, m->pg_sql)))
            goto fail;
    } else if ((m->sql[0] && (err = tn__store_exec(s, m->sql))) ||
               (m->step && (err = m->step(s)))) {
        goto fail;
    }
    if (fail_at == m->version) {
        snprintf(s->errmsg, sizeof s->errmsg, "injected fault");
        err = TN_ERR_STORE;
        goto fail;
    }
    if ((err = tn__sq_set_schema_version(s, m->version)) || (err = tn__sq_commit(s)))
        goto fail;
    return TN_OK;
fail:
    tn__sq_rollback(s);
    return err;
}

tn_err tn__sq_migrate_test(struct tn__sq *s, int fail_at, int *from, int *to)
{
    int v = 0;
    tn_err err = tn__sq_schema_version(s, &v);
    if (err)
        return err;
    *from = *to = v;
    if (v > tn__sq_schema_latest()) {
        snprintf(s->errmsg, sizeof s->errmsg,
                 "store schema version %d is newer than this thuno (%d): upgrade thuno", v,
                 tn__sq_schema_latest());
        return TN_ERR_STORE;
    }
    for (size_t i = 0; i < NMIGRATIONS; i++) {
        const struct tn__migration *m = &migrations[i];
        if (m->version <= v)
            continue;
        if ((err = apply(s, m, fail_at))) {
            char why[sizeof s->errmsg];
            snprintf(why, sizeof why, "%s", s->errmsg);
            snprintf(s->errmsg, sizeof s->errmsg, "migration %04d %s: %.400s", m->version, m->name,
                     why);
            return err;
        }
        *to = m->version;
    }
    return TN_OK;
}

tn_err tn__sq_migrate(struct tn__sq *s, int *from, int *to)
{
    return tn__sq_migrate_test(s, 0, from, to);
}
