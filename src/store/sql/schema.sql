-- thuno store schema (SQLite). Design: docs/ledger.md.
--
-- Registry tables are versioned: a key's rows never change except that the version a newer
-- one replaces gets superseded_at; as-of D sees the version with known_at <= D and
-- (superseded_at IS NULL OR superseded_at > D). Dates are 'YYYY-MM-DD', periods 'YYYY-MM',
-- times 'YYYY-MM-DDTHH:MM:SS'; money is INTEGER đồng.
PRAGMA user_version = 1;

CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

CREATE TABLE import_batch (
    id INTEGER PRIMARY KEY, kind TEXT NOT NULL, file TEXT NOT NULL, known_at TEXT NOT NULL,
    rows_new INTEGER NOT NULL, rows_changed INTEGER NOT NULL, rows_same INTEGER NOT NULL);

CREATE TABLE unit (
    unit_code TEXT NOT NULL, version INTEGER NOT NULL, known_at TEXT NOT NULL,
    superseded_at TEXT, batch_id INTEGER NOT NULL,
    tax_code TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL, status TEXT NOT NULL,
    status_since TEXT, parent_code TEXT, province_code TEXT NOT NULL, office_code TEXT,
    wage_region INTEGER NOT NULL, officer_code TEXT, payment_cycle INTEGER NOT NULL,
    registered_on TEXT NOT NULL, address TEXT, union_chair TEXT,
    PRIMARY KEY (unit_code, version)) WITHOUT ROWID;
CREATE INDEX unit_tax ON unit (tax_code);
-- an officer's worklist: the units recorded on it (operations_store.c)
CREATE INDEX unit_officer ON unit (officer_code) WHERE officer_code IS NOT NULL;
-- the worklist's units with no officer, its first page's (operations_store.c)
CREATE INDEX unit_no_officer ON unit (unit_code) WHERE officer_code IS NULL;

CREATE TABLE worker (
    bhxh_code TEXT NOT NULL, version INTEGER NOT NULL, known_at TEXT NOT NULL,
    superseded_at TEXT, batch_id INTEGER NOT NULL,
    full_name TEXT NOT NULL, birth_date TEXT NOT NULL, gender TEXT NOT NULL, id_number TEXT,
    PRIMARY KEY (bhxh_code, version)) WITHOUT ROWID;

CREATE TABLE officer (
    officer_code TEXT NOT NULL, version INTEGER NOT NULL, known_at TEXT NOT NULL,
    superseded_at TEXT, batch_id INTEGER NOT NULL,
    full_name TEXT NOT NULL, department TEXT NOT NULL, office_code TEXT,
    active INTEGER NOT NULL,
    PRIMARY KEY (officer_code, version)) WITHOUT ROWID;

CREATE TABLE declaration (
    unit_code TEXT NOT NULL, bhxh_code TEXT NOT NULL, from_period TEXT NOT NULL,
    version INTEGER NOT NULL, known_at TEXT NOT NULL, superseded_at TEXT,
    batch_id INTEGER NOT NULL,
    kind TEXT NOT NULL, salary INTEGER, funds INTEGER NOT NULL, declared_on TEXT NOT NULL,
    reason TEXT,
    PRIMARY KEY (unit_code, bhxh_code, from_period, version)) WITHOUT ROWID;

CREATE TABLE payment (
    txn_id TEXT NOT NULL, version INTEGER NOT NULL, known_at TEXT NOT NULL,
    superseded_at TEXT, batch_id INTEGER NOT NULL,
    unit_code TEXT, paid_on TEXT NOT NULL, amount INTEGER NOT NULL, channel TEXT NOT NULL,
    memo TEXT, bhxh_code TEXT, case_id TEXT, reverses TEXT,
    suspense TEXT, -- NULL when the payer is known; else why it waits in suspense
    PRIMARY KEY (txn_id, version)) WITHOUT ROWID;
CREATE INDEX payment_unit ON payment (unit_code, paid_on);
-- partial where most rows have NULL, so that imports of payments pay nothing for them
CREATE INDEX payment_case ON payment (case_id) WHERE case_id IS NOT NULL;
CREATE INDEX payment_reverses ON payment (reverses) WHERE reverses IS NOT NULL;

CREATE TABLE registry (
    tax_code TEXT NOT NULL, version INTEGER NOT NULL, known_at TEXT NOT NULL,
    superseded_at TEXT, batch_id INTEGER NOT NULL,
    name TEXT NOT NULL, province_code TEXT NOT NULL, registered_on TEXT NOT NULL,
    status TEXT NOT NULL, reported_employees INTEGER,
    PRIMARY KEY (tax_code, version)) WITHOUT ROWID;

-- The ledger. A close run of a period writes, for every unit whose result differs from the
-- one known, a new unit_close row with its lines; nothing is updated or deleted. The
-- balance of (unit, period) as of D is the unit_close row of highest id with known_at <= D.
CREATE TABLE close_run (
    id INTEGER PRIMARY KEY, period TEXT NOT NULL, run_at TEXT NOT NULL,
    policy_digest TEXT NOT NULL, units_total INTEGER NOT NULL, units_changed INTEGER NOT NULL);

CREATE TABLE unit_close (
    id INTEGER PRIMARY KEY, unit_code TEXT NOT NULL, period TEXT NOT NULL,
    run_id INTEGER NOT NULL, known_at TEXT NOT NULL, digest TEXT NOT NULL,
    opening INTEGER NOT NULL, assessed INTEGER NOT NULL, adjustment INTEGER NOT NULL,
    interest INTEGER NOT NULL, paid INTEGER NOT NULL, closing INTEGER NOT NULL,
    principal_due INTEGER NOT NULL, interest_due INTEGER NOT NULL,
    months_owed_tenths INTEGER, bucket TEXT NOT NULL, oldest_unpaid TEXT,
    legal_status TEXT NOT NULL, workers INTEGER NOT NULL,
    -- principal recognised in this period per group (assessed + adjustment)
    charge_bhyt INTEGER NOT NULL, charge_bhtn INTEGER NOT NULL, charge_bhxh INTEGER NOT NULL,
    -- cumulative interest and payments counted up to this period's closing
    cum_interest_bhyt INTEGER NOT NULL, cum_interest_bhtn INTEGER NOT NULL,
    cum_interest_bhxh INTEGER NOT NULL, cum_paid INTEGER NOT NULL,
    -- the principal of principal_due past its deadline at the period's end (aging.h "Debt"):
    -- debt = principal_overdue + interest_due; principal_due - principal_overdue is assessed,
    -- not yet due. NULL on closes recorded before it (read as principal_due: all due).
    principal_overdue INTEGER);
CREATE INDEX unit_close_key ON unit_close (unit_code, period, id);
CREATE INDEX unit_close_period ON unit_close (period, unit_code, id);

CREATE TABLE rate_set (
    id INTEGER PRIMARY KEY, r0 INTEGER, r1 INTEGER, r2 INTEGER, r3 INTEGER, r4 INTEGER,
    r5 INTEGER, r6 INTEGER, r7 INTEGER, sources TEXT NOT NULL);

-- kind: 'assessed' (the period's own contributions) or 'adjustment' (a back-dated change for
-- for_period, recognised in the unit_close's period). a0..a7 follow enum tn_component.
CREATE TABLE assess_line (
    close_id INTEGER NOT NULL, bhxh_code TEXT NOT NULL, for_period TEXT NOT NULL,
    kind TEXT NOT NULL, salary INTEGER NOT NULL, base_si INTEGER NOT NULL,
    base_ui INTEGER NOT NULL, funds INTEGER NOT NULL, rate_set INTEGER NOT NULL,
    a0 INTEGER NOT NULL, a1 INTEGER NOT NULL, a2 INTEGER NOT NULL, a3 INTEGER NOT NULL,
    a4 INTEGER NOT NULL, a5 INTEGER NOT NULL, a6 INTEGER NOT NULL, a7 INTEGER NOT NULL);
CREATE INDEX assess_line_close ON assess_line (close_id, bhxh_code);
-- the close finds a close's adjustment lines by it (close.c; docs/ledger.md)
CREATE INDEX assess_line_adjustment ON assess_line (close_id) WHERE kind = 'adjustment';

CREATE TABLE interest_line (
    close_id INTEGER NOT NULL, seq INTEGER NOT NULL, grp TEXT NOT NULL, rule TEXT NOT NULL,
    accrual_month TEXT NOT NULL, from_day TEXT, to_day TEXT, days INTEGER NOT NULL,
    principal INTEGER NOT NULL, rate_ppm INTEGER NOT NULL, amount INTEGER NOT NULL,
    status TEXT NOT NULL, source TEXT NOT NULL);
CREATE INDEX interest_line_close ON interest_line (close_id);

CREATE TABLE alloc_line (
    close_id INTEGER NOT NULL, txn_id TEXT NOT NULL, paid_on TEXT NOT NULL,
    target_period TEXT NOT NULL, grp TEXT NOT NULL, part TEXT NOT NULL,
    amount INTEGER NOT NULL);
CREATE INDEX alloc_line_close ON alloc_line (close_id);

-- The principal the ledger's allocation leaves unpaid at the end of the unit_close's period,
-- per charge period and group (nonzero only; ledger.h out_principal): what the per-worker
-- debt of the lists divides (docs/lists.md "Per-worker debt").
CREATE TABLE unpaid_line (
    close_id INTEGER NOT NULL, target_period TEXT NOT NULL, grp TEXT NOT NULL,
    amount INTEGER NOT NULL);
CREATE INDEX unpaid_line_close ON unpaid_line (close_id);

CREATE TABLE finding (
    close_id INTEGER NOT NULL, bhxh_code TEXT NOT NULL, for_period TEXT NOT NULL,
    kind TEXT NOT NULL, base INTEGER NOT NULL, floor INTEGER NOT NULL, source TEXT NOT NULL);
CREATE INDEX finding_close ON finding (close_id);

-- The replay's state each unit's close carries to the next month (docs/ledger.md "Carried
-- state"): one versioned blob per unit and period, private to close.c.
CREATE TABLE close_carry (
    unit_code TEXT NOT NULL, period TEXT NOT NULL, state BLOB NOT NULL,
    PRIMARY KEY (unit_code, period)) WITHOUT ROWID;

-- Cases (docs/cases.md). Events and plans are versioned like the registry tables: an event
-- corrected later is a new version, so a case can be replayed as known at any time, and as
-- of any event date.
CREATE TABLE case_event (
    case_id TEXT NOT NULL, seq INTEGER NOT NULL, version INTEGER NOT NULL,
    known_at TEXT NOT NULL, superseded_at TEXT, batch_id INTEGER NOT NULL,
    unit_code TEXT NOT NULL, event TEXT NOT NULL, date TEXT NOT NULL, amount INTEGER,
    outcome TEXT, office TEXT, note TEXT, actor TEXT,
    PRIMARY KEY (case_id, seq, version)) WITHOUT ROWID;
CREATE INDEX case_event_unit ON case_event (unit_code, case_id);

-- Instalments of a repayment plan (mediation or administrative agreement).
CREATE TABLE case_plan (
    case_id TEXT NOT NULL, seq INTEGER NOT NULL, version INTEGER NOT NULL,
    known_at TEXT NOT NULL, superseded_at TEXT, batch_id INTEGER NOT NULL,
    due_on TEXT NOT NULL, amount INTEGER NOT NULL,
    PRIMARY KEY (case_id, seq, version)) WITHOUT ROWID;

-- Attachments stored once by content (SHA-256), linked to the cases that cite them.
CREATE TABLE blob (sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, bytes BLOB NOT NULL)
    WITHOUT ROWID;
CREATE TABLE case_attachment (
    case_id TEXT NOT NULL, sha256 TEXT NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL,
    known_at TEXT NOT NULL, actor TEXT,
    PRIMARY KEY (case_id, sha256)) WITHOUT ROWID;

-- Branches of the debtor in other provinces (seed 000): one case, linked branches.
CREATE TABLE case_branch (
    case_id TEXT NOT NULL, unit_code TEXT NOT NULL, province_code TEXT NOT NULL,
    note TEXT, known_at TEXT NOT NULL,
    PRIMARY KEY (case_id, unit_code)) WITHOUT ROWID;

-- Lists: the sign-off of the monthly QLT <-> KTTN handover list (docs/lists.md). Each
-- department signs a period's list; the list as signed is kept line by line with its SHA-256,
-- and prior_digest holds the digest of an earlier signature the list changed from.
CREATE TABLE handover_signoff (
    id INTEGER PRIMARY KEY, period TEXT NOT NULL, department TEXT NOT NULL,
    actor TEXT NOT NULL, signed_on TEXT NOT NULL, known_at TEXT NOT NULL,
    digest TEXT NOT NULL, prior_digest TEXT, units INTEGER NOT NULL);
CREATE INDEX handover_signoff_period ON handover_signoff (period, department, id);
CREATE TABLE handover_signed_unit (
    signoff_id INTEGER NOT NULL, unit_code TEXT NOT NULL, up INTEGER NOT NULL,
    months_before INTEGER NOT NULL, months_after INTEGER NOT NULL, debt INTEGER NOT NULL,
    PRIMARY KEY (signoff_id, unit_code)) WITHOUT ROWID;

-- Case registers (docs/case-registers.md): what is kept beside a case's events — court fees,
-- hearings, the debtor's assets, their verifications, the creditor's designation of which to
-- seize first, coercive measures, forced-deduction orders to banks or the State Treasury and
-- their replies, informants' tips and their results, the enforcement agent. A row is never
-- changed (a later fact is a new row); `no` numbers the rows of one register of one case from
-- 1; `ref` is the `no` of the asset, order or tip a row concerns. Column meanings per register
-- are in docs/case-registers.md.
CREATE TABLE case_register (
    case_id TEXT NOT NULL, register TEXT NOT NULL, no INTEGER NOT NULL, ref INTEGER,
    date TEXT NOT NULL, what TEXT, amount INTEGER, flag INTEGER, party TEXT, detail TEXT,
    note TEXT, actor TEXT, known_at TEXT NOT NULL,
    PRIMARY KEY (case_id, register, no)) WITHOUT ROWID;
CREATE INDEX case_register_ref ON case_register (register, case_id, ref);

-- Payments operations (docs/payments-ops.md): how a payment left suspense. Each row goes with
-- the payment version it created (unit_code set, suspense NULL), with who decided and why.
CREATE TABLE payment_match (
    txn_id TEXT NOT NULL, version INTEGER NOT NULL, known_at TEXT NOT NULL,
    unit_code TEXT NOT NULL, method TEXT NOT NULL, confidence INTEGER NOT NULL,
    reason TEXT NOT NULL, actor TEXT NOT NULL,
    PRIMARY KEY (txn_id, version)) WITHOUT ROWID;

-- Inspections (docs/inspections.md): each conclusion of an inspection of a unit, with what it
-- found and the deadline to remedy; versioned like the registry tables.
CREATE TABLE inspection (
    inspection_id TEXT NOT NULL, version INTEGER NOT NULL, known_at TEXT NOT NULL,
    superseded_at TEXT, batch_id INTEGER NOT NULL,
    unit_code TEXT NOT NULL, concluded_on TEXT NOT NULL, decision_no TEXT, body TEXT NOT NULL,
    inspector TEXT, amount_underdeclared INTEGER NOT NULL, amount_unpaid INTEGER NOT NULL,
    workers_unregistered INTEGER NOT NULL, fine_amount INTEGER NOT NULL,
    remedy_by TEXT NOT NULL, note TEXT,
    PRIMARY KEY (inspection_id, version)) WITHOUT ROWID;
CREATE INDEX inspection_unit ON inspection (unit_code, concluded_on);

-- Documents (docs/documents.md): a case's judgment debtor who draws a pension (seed 000:
-- BHXH tells the enforcement office the payment dates, never deducts itself). Versioned like
-- the registry: a new record for the case supersedes the one before.
CREATE TABLE case_pensioner (
    case_id TEXT NOT NULL, version INTEGER NOT NULL, known_at TEXT NOT NULL,
    superseded_at TEXT, name TEXT NOT NULL, bhxh_code TEXT NOT NULL,
    pay_day INTEGER NOT NULL, paid_at TEXT, note TEXT, actor TEXT,
    PRIMARY KEY (case_id, version)) WITHOUT ROWID;

-- Collection operations (docs/operations.md). Officer assignment history: the officer in
-- charge of a unit from a date (until the next assignment's date). Versioned like the
-- registry: a correction of the same (unit, from_date) is a new version. Seeded by units
-- imports whose officer_code is new or changed; written by `thuno assign` and
-- `thuno import assignments`.
CREATE TABLE assignment (
    unit_code TEXT NOT NULL, from_date TEXT NOT NULL, version INTEGER NOT NULL,
    known_at TEXT NOT NULL, superseded_at TEXT, batch_id INTEGER NOT NULL,
    officer_code TEXT NOT NULL, actor TEXT, reason TEXT,
    PRIMARY KEY (unit_code, from_date, version)) WITHOUT ROWID;
CREATE INDEX assignment_officer ON assignment (officer_code);

-- Collection plans (kế hoạch thu): the amount to collect in a period for one officer, office,
-- unit type, department or the whole province.
CREATE TABLE collection_plan (
    period TEXT NOT NULL, scope TEXT NOT NULL, scope_code TEXT NOT NULL,
    version INTEGER NOT NULL, known_at TEXT NOT NULL, superseded_at TEXT,
    batch_id INTEGER NOT NULL, amount INTEGER NOT NULL,
    PRIMARY KEY (period, scope, scope_code, version)) WITHOUT ROWID;

-- Opening balances (số dư đầu kỳ chuyển đổi, docs/ledger.md "Opening balances"): what a unit
-- owed at the cut-over day (as_of) per period and fund group when the office started the
-- ledger in the middle of its history, with the document it comes from. The close charges
-- them to their periods.
CREATE TABLE opening_balance (
    unit_code TEXT NOT NULL, period TEXT NOT NULL, fund TEXT NOT NULL,
    version INTEGER NOT NULL, known_at TEXT NOT NULL, superseded_at TEXT,
    batch_id INTEGER NOT NULL, principal INTEGER NOT NULL, interest INTEGER NOT NULL,
    as_of TEXT NOT NULL, source TEXT NOT NULL,
    PRIMARY KEY (unit_code, period, fund, version)) WITHOUT ROWID;

-- Letters (docs/letters.md): the register of written reminders (văn bản đôn đốc, Law 41 Art
-- 35; Decree 274/2025) sent to late units. One row per letter; nothing is updated or deleted.
-- year/seq give the letter its number "seq/TB-BHXH" within the year of sent_on; the 60-day
-- clock to evading runs from sent_on (rules.md §6, Law 41 Art 39).
CREATE TABLE reminder (
    year INTEGER NOT NULL, seq INTEGER NOT NULL, letter_no TEXT NOT NULL,
    unit_code TEXT NOT NULL, period TEXT NOT NULL, sent_on TEXT NOT NULL,
    overdue INTEGER NOT NULL, interest_due INTEGER NOT NULL, debt INTEGER NOT NULL,
    overdue_through TEXT, oldest_deadline TEXT, case_id TEXT NOT NULL, case_seq INTEGER NOT NULL,
    actor TEXT, known_at TEXT NOT NULL,
    PRIMARY KEY (year, seq)) WITHOUT ROWID;
CREATE INDEX reminder_unit ON reminder (unit_code, period);

-- The statutory calendar (docs/calendar.md): a duty of policy/calendar.csv recorded done for
-- one occurrence ('YYYY-MM', the month a recurring duty fell due in; 'YYYY-MM-DD', the day of
-- the event an event duty follows), with the day it was done. Versioned like the registry: a
-- correction of the same (duty, occurrence) is a new version.
CREATE TABLE calendar_done (
    duty TEXT NOT NULL, occurrence TEXT NOT NULL, version INTEGER NOT NULL,
    known_at TEXT NOT NULL, superseded_at TEXT, done_on TEXT NOT NULL, actor TEXT NOT NULL,
    note TEXT,
    PRIMARY KEY (duty, occurrence, version)) WITHOUT ROWID;

-- Users, sessions and the audit log: schema_auth.sql (run on creating a store).
--
-- A change to this file changes new stores only: a store made before it gets the change from a
-- new migration (migrations/NNNN_name.sql, migrations.c; docs/store.md "Migrations"), and
-- tests/test_store_migrate.c checks that a store migrated from the oldest thuno-1 has the
-- shape of a new one.
