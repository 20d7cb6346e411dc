-- 0003_close_carry.sql - migration 3 of the SQLite store (docs/store.md "Migrations"): the
-- replay's state each unit's close carries to the next month (docs/ledger.md "Carried state")
-- on a store made before it. A store whose close already made it (the binaries that made it
-- on a store's first close after them) keeps it as it is. Shipped: never edit it.
CREATE TABLE IF NOT EXISTS close_carry (
    unit_code TEXT NOT NULL, period TEXT NOT NULL, state BLOB NOT NULL,
    PRIMARY KEY (unit_code, period)) WITHOUT ROWID;
