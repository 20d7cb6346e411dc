/*
 * app_store.h - moving an office's store to PostgreSQL in the application layer (issue 16
 * item 6; docs/store.md "Moving an office to PostgreSQL"): `thuno migrate --from sqlite FILE
 * --to postgresql://...`. A section of app.h kept in its own file; the faces include
 * thuno/app.h.
 */
#ifndef THUNO_APP_STORE_H
#define THUNO_APP_STORE_H

#include "thuno/app.h"

/* What a move copied. */
struct tn_app_move {
    int tables;     /* the tables copied (an empty one included) */
    long long rows; /* their rows */
};

/* Moves the whole store at from (an SQLite file, or any store URL; opened read-only and left
 * as it is) into the PostgreSQL database at to: the schema is made there as `thuno init`
 * makes it (a database that holds a thuno store already is taken only while every table but
 * meta is empty), then every table's rows are copied as they are (tn_store_copy,
 * store_copy.h) and an audit entry "store.move" by actor (target "store", from, tables, rows)
 * is appended to the target's audit log, after the copied ones: schema, rows and entry commit
 * in one PostgreSQL transaction, or nothing is left in to (not even an entry of the refusal: a
 * target is left as it was). table (may be NULL) is called with ctx
 * after each table with its name and rows copied. app gives the time, language and why;
 * app->store is not used. On TN_OK *out (may be NULL) has the counts. Errors: TN_ERR_STORE
 * (from cannot be opened or is at another schema version than this binary's: why tells to
 * run `thuno --db FROM migrate` first, or to upgrade; to cannot be reached; the copy failed),
 * TN_ERR_USAGE (to is not a PostgreSQL URL), TN_ERR_CONFLICT (to already holds data); why
 * says which. */
tn_err tn_app_store_move(struct tn_app *app, const char *from, const char *to, const char *actor,
                         void (*table)(void *ctx, const char *name, long long rows), void *ctx,
                         struct tn_app_move *out);

#endif
