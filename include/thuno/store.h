/*
 * store.h - the database that holds the registry, the imports and the ledger.
 *
 * Today one backend: SQLite (a file path, "sqlite:PATH", or ":memory:" for tests), behind the
 * table of operations of src/store/store_ops.h (docs/store.md). A "postgresql://" URL is
 * refused with TN_ERR_STORE until the PostgreSQL backend lands. Every write the library makes
 * happens inside one transaction per operation (an import, a close), so a failure leaves the
 * store as it was. Schema: src/store/sql/schema.sql; design: docs/ledger.md.
 */
#ifndef THUNO_STORE_H
#define THUNO_STORE_H

#include "thuno/err.h"

struct tn_store;

/* How tn_store_open opens a store (its create argument; 0 and 1 as before). */
enum {
    TN_STORE_EXISTING = 0,   /* an existing store, to read and write */
    TN_STORE_CREATE = 1,     /* a new file with its schema */
    TN_STORE_READONLY = 2,   /* an existing store that this handle never writes (the what-if):
                                never migrated, so one at an older schema version is refused;
                                a write fails, TN_ERR_STORE */
    TN_STORE_AS_IS = 3,      /* an existing store left at its schema version, for
                                tn_store_migrate (thuno migrate) */
    TN_STORE_CREATE_HELD = 4 /* as TN_STORE_CREATE, the schema made in a transaction left
                                open: what the caller adds commits with it (tn_store_commit)
                                or nothing was made (tn_store_rollback, tn_store_free, a
                                killed process) - a new PostgreSQL store whole or not at all
                                 (init; tn_store_copy's target); TN_ERR_USAGE on a file */
};

/* Opens the store at url. With create TN_STORE_CREATE, makes a new file and its schema at the
 * latest schema version (TN_ERR_CONFLICT if one is already there); otherwise the file must
 * exist and carry thuno's schema (TN_ERR_STORE otherwise: a missing file, an empty file,
 * another program's file, a store whose schema version is newer than the binary's, each left
 * as it was), and TN_STORE_READONLY leaves its file's bytes as they are. TN_STORE_EXISTING
 * applies the migrations an older store lacks first (docs/store.md "Migrations"; TN_ERR_STORE
 * when one fails, the store left at the version before it). On success *out is the caller's,
 * freed with tn_store_free. On failure *out is untouched and errmsg (if not NULL, 256 bytes)
 * says why. */
tn_err tn_store_open(const char *url, int create, struct tn_store **out, char errmsg[256]);

/* Closes and frees s; NULL does nothing. */
void tn_store_free(struct tn_store *s);

/* The backend's text for the last failure, borrowed from s ("" when none). */
const char *tn_store_errmsg(const struct tn_store *s);

/* Applies, in order, the migrations of the schema that s lacks, each with its version bump in
 * a transaction (a savepoint of the caller's when one is open): *from is the store's schema
 * version before, *to after (equal: nothing to do). Errors: TN_ERR_STORE (tn_store_errmsg
 * names the migration that failed; *to is the version the store is left at). */
tn_err tn_store_migrate(struct tn_store *s, int *from, int *to);

/* The name of migration version of s's backend ("baseline"), NULL when it has none. */
const char *tn_store_migration_name(const struct tn_store *s, int version);

/* Transactions. begin/commit/rollback map the backend's codes to TN_ERR_STORE. */
tn_err tn_store_begin(struct tn_store *s);
tn_err tn_store_commit(struct tn_store *s);
void tn_store_rollback(struct tn_store *s);

#endif
