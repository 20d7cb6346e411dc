/*
 * store_copy.h - moving a whole store into an empty PostgreSQL database (issue 16 item 6;
 * docs/store.md "Moving an office to PostgreSQL"): every table of the target, row for row,
 * ids as they are, so that balances, explain's close ids and the audit log's numbers read the
 * same after the move. `thuno migrate --from sqlite FILE --to URL` runs it through the
 * application layer (tn_app_store_move, app_store.h).
 */
#ifndef THUNO_STORE_COPY_H
#define THUNO_STORE_COPY_H

#include "thuno/err.h"

struct tn_store;

/* Copies every row of every table of from into to, table by table in the target's order,
 * inside a transaction of to (a savepoint when the caller has one open): all the tables or
 * none. to must be a PostgreSQL store (tn_store_open of a postgresql:// URL, e.g.
 * TN_STORE_CREATE_HELD) and from a store of either engine, both at this binary's latest
 * schema version; to must hold no row but its meta (which takes the source's). The columns of
 * each table are read from each engine's catalog and matched by name; a target column the
 * source lacks is filled by a stated rule (alloc_line.seq from SQLite's rowid, unit_code of a
 * line table from its close), else the copy is refused. Rows go in with COPY; every sequence
 * of the target (BIGSERIAL ids) is set past the largest id copied (and past SQLite's
 * AUTOINCREMENT counter), so new ids continue where the source's stopped. table (may be NULL)
 * is called with ctx after each table with its name and the rows copied. from is only read
 * (in one read transaction, so its tables are of one moment). Errors: TN_ERR_USAGE (to is not
 * PostgreSQL), TN_ERR_CONFLICT (to holds data), TN_ERR_STORE (a schema version differs, a
 * table or column of one store has no place in the other, a read or a COPY failed);
 * tn_store_errmsg(to) says which, and nothing is left written. */
tn_err tn_store_copy(struct tn_store *to, struct tn_store *from,
                     void (*table)(void *ctx, const char *name, long long rows), void *ctx);

#endif
