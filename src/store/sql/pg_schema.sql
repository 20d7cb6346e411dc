-- thuno store schema (PostgreSQL). Design: docs/ledger.md; the engines: docs/store.md.
--
-- The same tables, columns and keys as schema.sql + schema_auth.sql (SQLite), at the same
-- schema version, so that one text of each query runs on both: INTEGER is BIGINT here (every
-- number the store keeps fits 64 bits, as on SQLite), BLOB is BYTEA, an INTEGER PRIMARY KEY
-- id a BIGSERIAL. A change of the schema is a migration of both (docs/store.md).
--
-- Ready to shard (issue 16; docs/scale-out.md): every large table, the ones that grow with the
-- units (a unit's registry versions, declarations, closes and their lines, carried states,
-- opening balances, assignments, inspections, case events, contacts, signed handover lists),
-- carries unit_code, its distribution key, and is hash-partitioned by it into 16 partitions
-- (the DO block at the end creates them: name_p0 .. name_p15). A unit's rows are all in the
-- partition its unit_code hashes to, the same for every table, so a one-unit query reads one
-- partition of each table and a Citus deployment co-locates them (create_distributed_table
-- ... colocate_with). PostgreSQL enforces a primary key or unique index of a partitioned table
-- per partition only, so every one includes unit_code; where the key is an id that does not
-- (unit_close.id, contact.seq: from a sequence; inspection_id, case_id: a case's events all
-- belong to one unit, case_store.c checks it), the id stays unique by construction.
--
-- Only here, not in schema.sql: the close's line tables (assess_line, interest_line,
-- alloc_line, unpaid_line, finding) carry unit_code, the unit of their close_id's unit_close
-- row, written by the close (close_write.c) so that they partition with their close.
--
-- Unpartitioned, and replicated in a sharded design (Citus reference tables) or per shard:
-- the reference tables, small and read by every unit's close or by the whole office: meta,
-- import_batch, officer, registry, close_run, rate_set, collection_plan, calendar_done,
-- app_user, app_session, login_failure, audit (the log of the office's actions, by actor and
-- target, not by unit), and the case tables keyed by case_id only (case_plan, blob,
-- case_attachment, case_branch, case_register, case_pensioner: a few rows per case). And three
-- tables whose key is not the unit's: worker (a person, keyed by bhxh_code: a worker moves
-- between units, and no query reads it by unit); reminder (its key is the letter's number
-- year/seq, unique across the office: letter_register.c relies on the key to refuse a number
-- twice, which a key that includes unit_code would no longer do); payment (a payment in
-- suspense has no unit, unit_code NULL, and a primary key cannot contain a NULL column, while
-- its key txn_id, the bank's, must stay unique across the office; payment_match with it).
-- docs/scale-out.md says how a national deployment handles them.
--
-- Registry tables are versioned: a key's rows never change except that the version a newer
-- one replaces gets superseded_at; as-of D sees the version with known_at <= D and
-- (superseded_at IS NULL OR superseded_at > D). Dates are 'YYYY-MM-DD', periods 'YYYY-MM',
-- times 'YYYY-MM-DDTHH:MM:SS'; money is BIGINT đồng.

CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE import_batch (
    id BIGSERIAL PRIMARY KEY, kind TEXT NOT NULL, file TEXT NOT NULL, known_at TEXT NOT NULL,
    rows_new BIGINT NOT NULL, rows_changed BIGINT NOT NULL, rows_same BIGINT NOT NULL);

CREATE TABLE unit (
    unit_code TEXT NOT NULL, version BIGINT NOT NULL, known_at TEXT NOT NULL,
    superseded_at TEXT, batch_id BIGINT NOT NULL,
    tax_code TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL, status TEXT NOT NULL,
    status_since TEXT, parent_code TEXT, province_code TEXT NOT NULL, office_code TEXT,
    wage_region BIGINT NOT NULL, officer_code TEXT, payment_cycle BIGINT NOT NULL,
    registered_on TEXT NOT NULL, address TEXT, union_chair TEXT,
    PRIMARY KEY (unit_code, version)) PARTITION BY HASH (unit_code);
CREATE INDEX unit_tax ON unit (tax_code);
-- an officer's worklist: the units recorded on it (operations_store.c)
CREATE INDEX unit_officer ON unit (officer_code) WHERE officer_code IS NOT NULL;
-- the worklist's units with no officer, its first page's (operations_store.c)
CREATE INDEX unit_no_officer ON unit (unit_code) WHERE officer_code IS NULL;

CREATE TABLE worker (
    bhxh_code TEXT NOT NULL, version BIGINT NOT NULL, known_at TEXT NOT NULL,
    superseded_at TEXT, batch_id BIGINT NOT NULL,
    full_name TEXT NOT NULL, birth_date TEXT NOT NULL, gender TEXT NOT NULL, id_number TEXT,
    PRIMARY KEY (bhxh_code, version));

CREATE TABLE officer (
    officer_code TEXT NOT NULL, version BIGINT NOT NULL, known_at TEXT NOT NULL,
    superseded_at TEXT, batch_id BIGINT NOT NULL,
    full_name TEXT NOT NULL, department TEXT NOT NULL, office_code TEXT,
    active BIGINT NOT NULL,
    PRIMARY KEY (officer_code, version));

CREATE TABLE declaration (
    unit_code TEXT NOT NULL, bhxh_code TEXT NOT NULL, from_period TEXT NOT NULL,
    version BIGINT NOT NULL, known_at TEXT NOT NULL, superseded_at TEXT,
    batch_id BIGINT NOT NULL,
    kind TEXT NOT NULL, salary BIGINT, funds BIGINT NOT NULL, declared_on TEXT NOT NULL,
    reason TEXT,
    PRIMARY KEY (unit_code, bhxh_code, from_period, version)) PARTITION BY HASH (unit_code);

CREATE TABLE payment (
    txn_id TEXT NOT NULL, version BIGINT NOT NULL, known_at TEXT NOT NULL,
    superseded_at TEXT, batch_id BIGINT NOT NULL,
    unit_code TEXT, paid_on TEXT NOT NULL, amount BIGINT NOT NULL, channel TEXT NOT NULL,
    memo TEXT, bhxh_code TEXT, case_id TEXT, reverses TEXT,
    suspense TEXT, -- NULL when the payer is known; else why it waits in suspense
    PRIMARY KEY (txn_id, version));
CREATE INDEX payment_unit ON payment (unit_code, paid_on);
-- partial where most rows have NULL, so that imports of payments pay nothing for them
CREATE INDEX payment_case ON payment (case_id) WHERE case_id IS NOT NULL;
CREATE INDEX payment_reverses ON payment (reverses) WHERE reverses IS NOT NULL;

CREATE TABLE registry (
    tax_code TEXT NOT NULL, version BIGINT NOT NULL, known_at TEXT NOT NULL,
    superseded_at TEXT, batch_id BIGINT NOT NULL,
    name TEXT NOT NULL, province_code TEXT NOT NULL, registered_on TEXT NOT NULL,
    status TEXT NOT NULL, reported_employees BIGINT,
    PRIMARY KEY (tax_code, version));

-- The ledger. A close run of a period writes, for every unit whose result differs from the
-- one known, a new unit_close row with its lines; nothing is updated or deleted. The
-- balance of (unit, period) as of D is the unit_close row of highest id with known_at <= D.
CREATE TABLE close_run (
    id BIGSERIAL PRIMARY KEY, period TEXT NOT NULL, run_at TEXT NOT NULL,
    policy_digest TEXT NOT NULL, units_total BIGINT NOT NULL, units_changed BIGINT NOT NULL);

CREATE TABLE unit_close (
    id BIGSERIAL NOT NULL, unit_code TEXT NOT NULL, period TEXT NOT NULL,
    run_id BIGINT NOT NULL, known_at TEXT NOT NULL, digest TEXT NOT NULL,
    opening BIGINT NOT NULL, assessed BIGINT NOT NULL, adjustment BIGINT NOT NULL,
    interest BIGINT NOT NULL, paid BIGINT NOT NULL, closing BIGINT NOT NULL,
    principal_due BIGINT NOT NULL, interest_due BIGINT NOT NULL,
    months_owed_tenths BIGINT, bucket TEXT NOT NULL, oldest_unpaid TEXT,
    legal_status TEXT NOT NULL, workers BIGINT NOT NULL,
    -- principal recognised in this period per group (assessed + adjustment)
    charge_bhyt BIGINT NOT NULL, charge_bhtn BIGINT NOT NULL, charge_bhxh BIGINT NOT NULL,
    -- cumulative interest and payments counted up to this period's closing
    cum_interest_bhyt BIGINT NOT NULL, cum_interest_bhtn BIGINT NOT NULL,
    cum_interest_bhxh BIGINT NOT NULL, cum_paid BIGINT NOT NULL,
    -- the principal of principal_due past its deadline at the period's end (aging.h "Debt"):
    -- debt = principal_overdue + interest_due; principal_due - principal_overdue is assessed,
    -- not yet due. NULL on closes recorded before it (read as principal_due: all due).
    principal_overdue BIGINT,
    PRIMARY KEY (id, unit_code)) PARTITION BY HASH (unit_code);
CREATE INDEX unit_close_key ON unit_close (unit_code, period, id);
CREATE INDEX unit_close_period ON unit_close (period, unit_code, id);

CREATE TABLE rate_set (
    id BIGSERIAL PRIMARY KEY, r0 BIGINT, r1 BIGINT, r2 BIGINT, r3 BIGINT, r4 BIGINT,
    r5 BIGINT, r6 BIGINT, r7 BIGINT, sources TEXT NOT NULL);

-- kind: 'assessed' (the period's own contributions) or 'adjustment' (a back-dated change for
-- for_period, recognised in the unit_close's period). a0..a7 follow enum tn_component.
CREATE TABLE assess_line (
    close_id BIGINT NOT NULL, unit_code TEXT NOT NULL, bhxh_code TEXT NOT NULL, for_period TEXT NOT NULL,
    kind TEXT NOT NULL, salary BIGINT NOT NULL, base_si BIGINT NOT NULL,
    base_ui BIGINT NOT NULL, funds BIGINT NOT NULL, rate_set BIGINT NOT NULL,
    a0 BIGINT NOT NULL, a1 BIGINT NOT NULL, a2 BIGINT NOT NULL, a3 BIGINT NOT NULL,
    a4 BIGINT NOT NULL, a5 BIGINT NOT NULL, a6 BIGINT NOT NULL, a7 BIGINT NOT NULL)
    PARTITION BY HASH (unit_code);
CREATE INDEX assess_line_close ON assess_line (close_id, bhxh_code);
-- the close finds a close's adjustment lines by it (close.c; docs/ledger.md)
CREATE INDEX assess_line_adjustment ON assess_line (close_id) WHERE kind = 'adjustment';

CREATE TABLE interest_line (
    close_id BIGINT NOT NULL, unit_code TEXT NOT NULL, seq BIGINT NOT NULL, grp TEXT NOT NULL, rule TEXT NOT NULL,
    accrual_month TEXT NOT NULL, from_day TEXT, to_day TEXT, days BIGINT NOT NULL,
    principal BIGINT NOT NULL, rate_ppm BIGINT NOT NULL, amount BIGINT NOT NULL,
    status TEXT NOT NULL, source TEXT NOT NULL) PARTITION BY HASH (unit_code);
CREATE INDEX interest_line_close ON interest_line (close_id);

CREATE TABLE alloc_line (
    close_id BIGINT NOT NULL, unit_code TEXT NOT NULL, txn_id TEXT NOT NULL, paid_on TEXT NOT NULL,
    target_period TEXT NOT NULL, grp TEXT NOT NULL, part TEXT NOT NULL,
    amount BIGINT NOT NULL,
    seq BIGSERIAL) -- the order written: SQLite's rowid (explain reads it)
    PARTITION BY HASH (unit_code);
CREATE INDEX alloc_line_close ON alloc_line (close_id);

-- The principal the ledger's allocation leaves unpaid at the end of the unit_close's period,
-- per charge period and group (nonzero only; ledger.h out_principal): what the per-worker
-- debt of the lists divides (docs/lists.md "Per-worker debt").
CREATE TABLE unpaid_line (
    close_id BIGINT NOT NULL, unit_code TEXT NOT NULL, target_period TEXT NOT NULL,
    grp TEXT NOT NULL, amount BIGINT NOT NULL) PARTITION BY HASH (unit_code);
CREATE INDEX unpaid_line_close ON unpaid_line (close_id);

CREATE TABLE finding (
    close_id BIGINT NOT NULL, unit_code TEXT NOT NULL, bhxh_code TEXT NOT NULL,
    for_period TEXT NOT NULL, kind TEXT NOT NULL, base BIGINT NOT NULL, floor BIGINT NOT NULL,
    source TEXT NOT NULL) PARTITION BY HASH (unit_code);
CREATE INDEX finding_close ON finding (close_id);

-- The replay's state each unit's close carries to the next month (docs/ledger.md "Carried
-- state"): one versioned blob per unit and period, private to close.c.
CREATE TABLE close_carry (
    unit_code TEXT NOT NULL, period TEXT NOT NULL, state BYTEA NOT NULL,
    PRIMARY KEY (unit_code, period)) PARTITION BY HASH (unit_code);

-- Cases (docs/cases.md). Events and plans are versioned like the registry tables: an event
-- corrected later is a new version, so a case can be replayed as known at any time, and as
-- of any event date.
CREATE TABLE case_event (
    case_id TEXT NOT NULL, seq BIGINT NOT NULL, version BIGINT NOT NULL,
    known_at TEXT NOT NULL, superseded_at TEXT, batch_id BIGINT NOT NULL,
    unit_code TEXT NOT NULL, event TEXT NOT NULL, date TEXT NOT NULL, amount BIGINT,
    outcome TEXT, office TEXT, note TEXT, actor TEXT,
    PRIMARY KEY (case_id, seq, version, unit_code)) PARTITION BY HASH (unit_code);
CREATE INDEX case_event_unit ON case_event (unit_code, case_id);

-- Instalments of a repayment plan (mediation or administrative agreement).
CREATE TABLE case_plan (
    case_id TEXT NOT NULL, seq BIGINT NOT NULL, version BIGINT NOT NULL,
    known_at TEXT NOT NULL, superseded_at TEXT, batch_id BIGINT NOT NULL,
    due_on TEXT NOT NULL, amount BIGINT NOT NULL,
    PRIMARY KEY (case_id, seq, version));

-- Attachments stored once by content (SHA-256), linked to the cases that cite them.
CREATE TABLE blob (sha256 TEXT PRIMARY KEY, size BIGINT NOT NULL, bytes BYTEA NOT NULL);
CREATE TABLE case_attachment (
    case_id TEXT NOT NULL, sha256 TEXT NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL,
    known_at TEXT NOT NULL, actor TEXT,
    PRIMARY KEY (case_id, sha256));

-- Branches of the debtor in other provinces (seed 000): one case, linked branches.
CREATE TABLE case_branch (
    case_id TEXT NOT NULL, unit_code TEXT NOT NULL, province_code TEXT NOT NULL,
    note TEXT, known_at TEXT NOT NULL,
    PRIMARY KEY (case_id, unit_code));

-- Lists: the sign-off of the monthly QLT <-> KTTN handover list (docs/lists.md). Each
-- department signs a period's list; the list as signed is kept line by line with its SHA-256,
-- and prior_digest holds the digest of an earlier signature the list changed from.
CREATE TABLE handover_signoff (
    id BIGSERIAL PRIMARY KEY, period TEXT NOT NULL, department TEXT NOT NULL,
    actor TEXT NOT NULL, signed_on TEXT NOT NULL, known_at TEXT NOT NULL,
    digest TEXT NOT NULL, prior_digest TEXT, units BIGINT NOT NULL);
CREATE INDEX handover_signoff_period ON handover_signoff (period, department, id);
CREATE TABLE handover_signed_unit (
    signoff_id BIGINT NOT NULL, unit_code TEXT NOT NULL, up BIGINT NOT NULL,
    months_before BIGINT NOT NULL, months_after BIGINT NOT NULL, debt BIGINT NOT NULL,
    PRIMARY KEY (signoff_id, unit_code)) PARTITION BY HASH (unit_code);

-- Case registers (docs/case-registers.md): what is kept beside a case's events — court fees,
-- hearings, the debtor's assets, their verifications, the creditor's designation of which to
-- seize first, coercive measures, forced-deduction orders to banks or the State Treasury and
-- their replies, informants' tips and their results, the enforcement agent. A row is never
-- changed (a later fact is a new row); `no` numbers the rows of one register of one case from
-- 1; `ref` is the `no` of the asset, order or tip a row concerns. Column meanings per register
-- are in docs/case-registers.md.
CREATE TABLE case_register (
    case_id TEXT NOT NULL, register TEXT NOT NULL, no BIGINT NOT NULL, ref BIGINT,
    date TEXT NOT NULL, what TEXT, amount BIGINT, flag BIGINT, party TEXT, detail TEXT,
    note TEXT, actor TEXT, known_at TEXT NOT NULL,
    PRIMARY KEY (case_id, register, no));
CREATE INDEX case_register_ref ON case_register (register, case_id, ref);

-- Payments operations (docs/payments-ops.md): how a payment left suspense. Each row goes with
-- the payment version it created (unit_code set, suspense NULL), with who decided and why.
CREATE TABLE payment_match (
    txn_id TEXT NOT NULL, version BIGINT NOT NULL, known_at TEXT NOT NULL,
    unit_code TEXT NOT NULL, method TEXT NOT NULL, confidence BIGINT NOT NULL,
    reason TEXT NOT NULL, actor TEXT NOT NULL,
    PRIMARY KEY (txn_id, version));

-- Inspections (docs/inspections.md): each conclusion of an inspection of a unit, with what it
-- found and the deadline to remedy; versioned like the registry tables.
CREATE TABLE inspection (
    inspection_id TEXT NOT NULL, version BIGINT NOT NULL, known_at TEXT NOT NULL,
    superseded_at TEXT, batch_id BIGINT NOT NULL,
    unit_code TEXT NOT NULL, concluded_on TEXT NOT NULL, decision_no TEXT, body TEXT NOT NULL,
    inspector TEXT, amount_underdeclared BIGINT NOT NULL, amount_unpaid BIGINT NOT NULL,
    workers_unregistered BIGINT NOT NULL, fine_amount BIGINT NOT NULL,
    remedy_by TEXT NOT NULL, note TEXT,
    PRIMARY KEY (inspection_id, version, unit_code)) PARTITION BY HASH (unit_code);
CREATE INDEX inspection_unit ON inspection (unit_code, concluded_on);

-- Documents (docs/documents.md): a case's judgment debtor who draws a pension (seed 000:
-- BHXH tells the enforcement office the payment dates, never deducts itself). Versioned like
-- the registry: a new record for the case supersedes the one before.
CREATE TABLE case_pensioner (
    case_id TEXT NOT NULL, version BIGINT NOT NULL, known_at TEXT NOT NULL,
    superseded_at TEXT, name TEXT NOT NULL, bhxh_code TEXT NOT NULL,
    pay_day BIGINT NOT NULL, paid_at TEXT, note TEXT, actor TEXT,
    PRIMARY KEY (case_id, version));

-- Collection operations (docs/operations.md). Officer assignment history: the officer in
-- charge of a unit from a date (until the next assignment's date). Versioned like the
-- registry: a correction of the same (unit, from_date) is a new version. Seeded by units
-- imports whose officer_code is new or changed; written by `thuno assign` and
-- `thuno import assignments`.
CREATE TABLE assignment (
    unit_code TEXT NOT NULL, from_date TEXT NOT NULL, version BIGINT NOT NULL,
    known_at TEXT NOT NULL, superseded_at TEXT, batch_id BIGINT NOT NULL,
    officer_code TEXT NOT NULL, actor TEXT, reason TEXT,
    PRIMARY KEY (unit_code, from_date, version)) PARTITION BY HASH (unit_code);
CREATE INDEX assignment_officer ON assignment (officer_code);

-- Collection plans (kế hoạch thu): the amount to collect in a period for one officer, office,
-- unit type, department or the whole province.
CREATE TABLE collection_plan (
    period TEXT NOT NULL, scope TEXT NOT NULL, scope_code TEXT NOT NULL,
    version BIGINT NOT NULL, known_at TEXT NOT NULL, superseded_at TEXT,
    batch_id BIGINT NOT NULL, amount BIGINT NOT NULL,
    PRIMARY KEY (period, scope, scope_code, version));

-- Opening balances (số dư đầu kỳ chuyển đổi, docs/ledger.md "Opening balances"): what a unit
-- owed at the cut-over day (as_of) per period and fund group when the office started the
-- ledger in the middle of its history, with the document it comes from. The close charges
-- them to their periods.
CREATE TABLE opening_balance (
    unit_code TEXT NOT NULL, period TEXT NOT NULL, fund TEXT NOT NULL,
    version BIGINT NOT NULL, known_at TEXT NOT NULL, superseded_at TEXT,
    batch_id BIGINT NOT NULL, principal BIGINT NOT NULL, interest BIGINT NOT NULL,
    as_of TEXT NOT NULL, source TEXT NOT NULL,
    PRIMARY KEY (unit_code, period, fund, version)) PARTITION BY HASH (unit_code);

-- Letters (docs/letters.md): the register of written reminders (văn bản đôn đốc, Law 41 Art
-- 35; Decree 274/2025) sent to late units. One row per letter; nothing is updated or deleted.
-- year/seq give the letter its number "seq/TB-BHXH" within the year of sent_on; the 60-day
-- clock to evading runs from sent_on (rules.md §6, Law 41 Art 39).
CREATE TABLE reminder (
    year BIGINT NOT NULL, seq BIGINT NOT NULL, letter_no TEXT NOT NULL,
    unit_code TEXT NOT NULL, period TEXT NOT NULL, sent_on TEXT NOT NULL,
    overdue BIGINT NOT NULL, interest_due BIGINT NOT NULL, debt BIGINT NOT NULL,
    overdue_through TEXT, oldest_deadline TEXT, case_id TEXT NOT NULL, case_seq BIGINT NOT NULL,
    actor TEXT, known_at TEXT NOT NULL,
    PRIMARY KEY (year, seq));
CREATE INDEX reminder_unit ON reminder (unit_code, period);

-- The statutory calendar (docs/calendar.md): a duty of policy/calendar.csv recorded done for
-- one occurrence ('YYYY-MM', the month a recurring duty fell due in; 'YYYY-MM-DD', the day of
-- the event an event duty follows), with the day it was done. Versioned like the registry: a
-- correction of the same (duty, occurrence) is a new version.
CREATE TABLE calendar_done (
    duty TEXT NOT NULL, occurrence TEXT NOT NULL, version BIGINT NOT NULL,
    known_at TEXT NOT NULL, superseded_at TEXT, done_on TEXT NOT NULL, actor TEXT NOT NULL,
    note TEXT,
    PRIMARY KEY (duty, occurrence, version));

-- Users, sessions and the audit log: schema_auth.sql (run on creating a store).
--
-- A change to this file changes new stores only: a store made before it gets the change from a
-- new migration (migrations/NNNN_name.sql, migrations.c; docs/store.md "Migrations"), and
-- tests/test_store_migrate.c checks that a store migrated from the oldest thuno-1 has the
-- shape of a new one.

-- schema_auth.sql - users, sessions, failed logins and the audit log (issue 12; docs/api.md),
-- run on creating a store; a store made before them gets them from migration 1
-- (migrations/0001_baseline.sql).
-- Users, sessions and the audit log of the API and the CLI (issue 12; docs/api.md). No row
-- holds a password or a session token in clear: pwhash is Argon2id's encoded string (its
-- parameters and per-user salt inside), token_hash the SHA-256 of the session token.
CREATE TABLE IF NOT EXISTS app_user (
    login TEXT PRIMARY KEY, role BIGINT NOT NULL, office_code TEXT, officer_code TEXT,
    pwhash TEXT NOT NULL, disabled BIGINT NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL, changed_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS app_session (
    token_hash TEXT PRIMARY KEY, csrf TEXT NOT NULL, login TEXT NOT NULL,
    created_at TEXT NOT NULL, expires_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS app_session_login ON app_session (login);
-- failed logins, counted over a window to throttle a login and an address
CREATE TABLE IF NOT EXISTS login_failure (login TEXT NOT NULL, address TEXT NOT NULL, at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS login_failure_login ON login_failure (login, at);
CREATE INDEX IF NOT EXISTS login_failure_address ON login_failure (address, at);
-- the audit log: one row per change (or refusal); append-only, the triggers refuse the rest
CREATE TABLE IF NOT EXISTS audit (
    seq BIGSERIAL PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL,
    operation TEXT NOT NULL, target TEXT NOT NULL, outcome TEXT NOT NULL,
    summary TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS audit_target ON audit (target, at);
CREATE INDEX IF NOT EXISTS audit_actor ON audit (actor, at);
CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$;
CREATE TRIGGER audit_no_update BEFORE UPDATE OR DELETE ON audit
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
CREATE TABLE IF NOT EXISTS contact (
    seq BIGSERIAL NOT NULL, unit_code TEXT NOT NULL, day TEXT NOT NULL,
    officer TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('call', 'visit', 'letter', 'meeting')),
    outcome TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '',
    recorded_by TEXT NOT NULL, recorded_at TEXT NOT NULL,
    PRIMARY KEY (seq, unit_code)) PARTITION BY HASH (unit_code);
CREATE INDEX IF NOT EXISTS contact_unit ON contact (unit_code, day, seq);

-- The partitions of the tables partitioned by unit_code (see the head of this file): 16 each,
-- name_p0 .. name_p15, FOR VALUES WITH (MODULUS 16, REMAINDER i). A deployment that wants more
-- makes a new store with a larger modulus here and migrates into it (thuno migrate).
DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['unit', 'declaration', 'unit_close', 'assess_line', 'interest_line',
                             'alloc_line', 'unpaid_line', 'finding', 'close_carry', 'case_event',
                             'handover_signed_unit', 'inspection', 'assignment',
                             'opening_balance', 'contact'] LOOP
        FOR i IN 0 .. 15 LOOP
            EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES WITH (MODULUS 16, '
                           'REMAINDER %s)', t || '_p' || i, t, i);
        END LOOP;
    END LOOP;
END $$;
