-- 0004_unit_no_officer.sql - migration 4 of the SQLite store (docs/store.md "Migrations"): the
-- index of the units with no officer, the first page of the province's worklist
-- (operations_store.c). Shipped: never edit it.
CREATE INDEX IF NOT EXISTS unit_no_officer ON unit (unit_code) WHERE officer_code IS NULL;
