-- 0001_baseline.sql - migration 1 of the SQLite store (docs/store.md "Migrations"): brings any
-- store of the family thuno-1 made by an earlier binary (no meta schema_version, version 0) to
-- the shape of schema.sql as it was when migrations began: every table, index and trigger a
-- store made before them may lack (calendar_done, unpaid_line, opening_balance, the case,
-- list, letter and operations tables, the users' tables and the audit log of schema_auth.sql,
-- the indexes sq_store.c once made on each open). Every statement is IF NOT EXISTS: what a
-- store has is left as it is. Shipped: never edit it; a later change is a new migration.

-- the tables and indexes of schema.sql
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS import_batch (
    id INTEGER PRIMARY KEY, kind TEXT NOT NULL, file TEXT NOT NULL, known_at TEXT NOT NULL,
    rows_new INTEGER NOT NULL, rows_changed INTEGER NOT NULL, rows_same INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS unit (
    unit_code TEXT NOT NULL, version INTEGER NOT NULL, known_at TEXT NOT NULL,
    superseded_at TEXT, batch_id INTEGER NOT NULL,
    tax_code TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL, status TEXT NOT NULL,
    status_since TEXT, parent_code TEXT, province_code TEXT NOT NULL, office_code TEXT,
    wage_region INTEGER NOT NULL, officer_code TEXT, payment_cycle INTEGER NOT NULL,
    registered_on TEXT NOT NULL, address TEXT, union_chair TEXT,
    PRIMARY KEY (unit_code, version)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS worker (
    bhxh_code TEXT NOT NULL, version INTEGER NOT NULL, known_at TEXT NOT NULL,
    superseded_at TEXT, batch_id INTEGER NOT NULL,
    full_name TEXT NOT NULL, birth_date TEXT NOT NULL, gender TEXT NOT NULL, id_number TEXT,
    PRIMARY KEY (bhxh_code, version)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS officer (
    officer_code TEXT NOT NULL, version INTEGER NOT NULL, known_at TEXT NOT NULL,
    superseded_at TEXT, batch_id INTEGER NOT NULL,
    full_name TEXT NOT NULL, department TEXT NOT NULL, office_code TEXT,
    active INTEGER NOT NULL,
    PRIMARY KEY (officer_code, version)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS declaration (
    unit_code TEXT NOT NULL, bhxh_code TEXT NOT NULL, from_period TEXT NOT NULL,
    version INTEGER NOT NULL, known_at TEXT NOT NULL, superseded_at TEXT,
    batch_id INTEGER NOT NULL,
    kind TEXT NOT NULL, salary INTEGER, funds INTEGER NOT NULL, declared_on TEXT NOT NULL,
    reason TEXT,
    PRIMARY KEY (unit_code, bhxh_code, from_period, version)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS payment (
    txn_id TEXT NOT NULL, version INTEGER NOT NULL, known_at TEXT NOT NULL,
    superseded_at TEXT, batch_id INTEGER NOT NULL,
    unit_code TEXT, paid_on TEXT NOT NULL, amount INTEGER NOT NULL, channel TEXT NOT NULL,
    memo TEXT, bhxh_code TEXT, case_id TEXT, reverses TEXT,
    suspense TEXT,
    PRIMARY KEY (txn_id, version)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS payment_unit ON payment (unit_code, paid_on);
CREATE TABLE IF NOT EXISTS registry (
    tax_code TEXT NOT NULL, version INTEGER NOT NULL, known_at TEXT NOT NULL,
    superseded_at TEXT, batch_id INTEGER NOT NULL,
    name TEXT NOT NULL, province_code TEXT NOT NULL, registered_on TEXT NOT NULL,
    status TEXT NOT NULL, reported_employees INTEGER,
    PRIMARY KEY (tax_code, version)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS close_run (
    id INTEGER PRIMARY KEY, period TEXT NOT NULL, run_at TEXT NOT NULL,
    policy_digest TEXT NOT NULL, units_total INTEGER NOT NULL, units_changed INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS unit_close (
    id INTEGER PRIMARY KEY, unit_code TEXT NOT NULL, period TEXT NOT NULL,
    run_id INTEGER NOT NULL, known_at TEXT NOT NULL, digest TEXT NOT NULL,
    opening INTEGER NOT NULL, assessed INTEGER NOT NULL, adjustment INTEGER NOT NULL,
    interest INTEGER NOT NULL, paid INTEGER NOT NULL, closing INTEGER NOT NULL,
    principal_due INTEGER NOT NULL, interest_due INTEGER NOT NULL,
    months_owed_tenths INTEGER, bucket TEXT NOT NULL, oldest_unpaid TEXT,
    legal_status TEXT NOT NULL, workers INTEGER NOT NULL,
    charge_bhyt INTEGER NOT NULL, charge_bhtn INTEGER NOT NULL, charge_bhxh INTEGER NOT NULL,
    cum_interest_bhyt INTEGER NOT NULL, cum_interest_bhtn INTEGER NOT NULL,
    cum_interest_bhxh INTEGER NOT NULL, cum_paid INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS unit_close_key ON unit_close (unit_code, period, id);
CREATE INDEX IF NOT EXISTS unit_close_period ON unit_close (period, unit_code, id);
CREATE TABLE IF NOT EXISTS rate_set (
    id INTEGER PRIMARY KEY, r0 INTEGER, r1 INTEGER, r2 INTEGER, r3 INTEGER, r4 INTEGER,
    r5 INTEGER, r6 INTEGER, r7 INTEGER, sources TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS assess_line (
    close_id INTEGER NOT NULL, bhxh_code TEXT NOT NULL, for_period TEXT NOT NULL,
    kind TEXT NOT NULL, salary INTEGER NOT NULL, base_si INTEGER NOT NULL,
    base_ui INTEGER NOT NULL, funds INTEGER NOT NULL, rate_set INTEGER NOT NULL,
    a0 INTEGER NOT NULL, a1 INTEGER NOT NULL, a2 INTEGER NOT NULL, a3 INTEGER NOT NULL,
    a4 INTEGER NOT NULL, a5 INTEGER NOT NULL, a6 INTEGER NOT NULL, a7 INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS assess_line_close ON assess_line (close_id, bhxh_code);
CREATE TABLE IF NOT EXISTS interest_line (
    close_id INTEGER NOT NULL, seq INTEGER NOT NULL, grp TEXT NOT NULL, rule TEXT NOT NULL,
    accrual_month TEXT NOT NULL, from_day TEXT, to_day TEXT, days INTEGER NOT NULL,
    principal INTEGER NOT NULL, rate_ppm INTEGER NOT NULL, amount INTEGER NOT NULL,
    status TEXT NOT NULL, source TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS interest_line_close ON interest_line (close_id);
CREATE TABLE IF NOT EXISTS alloc_line (
    close_id INTEGER NOT NULL, txn_id TEXT NOT NULL, paid_on TEXT NOT NULL,
    target_period TEXT NOT NULL, grp TEXT NOT NULL, part TEXT NOT NULL,
    amount INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS alloc_line_close ON alloc_line (close_id);
CREATE TABLE IF NOT EXISTS unpaid_line (
    close_id INTEGER NOT NULL, target_period TEXT NOT NULL, grp TEXT NOT NULL,
    amount INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS unpaid_line_close ON unpaid_line (close_id);
CREATE TABLE IF NOT EXISTS finding (
    close_id INTEGER NOT NULL, bhxh_code TEXT NOT NULL, for_period TEXT NOT NULL,
    kind TEXT NOT NULL, base INTEGER NOT NULL, floor INTEGER NOT NULL, source TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS finding_close ON finding (close_id);
CREATE TABLE IF NOT EXISTS case_event (
    case_id TEXT NOT NULL, seq INTEGER NOT NULL, version INTEGER NOT NULL,
    known_at TEXT NOT NULL, superseded_at TEXT, batch_id INTEGER NOT NULL,
    unit_code TEXT NOT NULL, event TEXT NOT NULL, date TEXT NOT NULL, amount INTEGER,
    outcome TEXT, office TEXT, note TEXT, actor TEXT,
    PRIMARY KEY (case_id, seq, version)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS case_event_unit ON case_event (unit_code, case_id);
CREATE TABLE IF NOT EXISTS case_plan (
    case_id TEXT NOT NULL, seq INTEGER NOT NULL, version INTEGER NOT NULL,
    known_at TEXT NOT NULL, superseded_at TEXT, batch_id INTEGER NOT NULL,
    due_on TEXT NOT NULL, amount INTEGER NOT NULL,
    PRIMARY KEY (case_id, seq, version)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS blob (sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, bytes BLOB NOT NULL)
    WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS case_attachment (
    case_id TEXT NOT NULL, sha256 TEXT NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL,
    known_at TEXT NOT NULL, actor TEXT,
    PRIMARY KEY (case_id, sha256)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS case_branch (
    case_id TEXT NOT NULL, unit_code TEXT NOT NULL, province_code TEXT NOT NULL,
    note TEXT, known_at TEXT NOT NULL,
    PRIMARY KEY (case_id, unit_code)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS handover_signoff (
    id INTEGER PRIMARY KEY, period TEXT NOT NULL, department TEXT NOT NULL,
    actor TEXT NOT NULL, signed_on TEXT NOT NULL, known_at TEXT NOT NULL,
    digest TEXT NOT NULL, prior_digest TEXT, units INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS handover_signoff_period ON handover_signoff (period, department, id);
CREATE TABLE IF NOT EXISTS handover_signed_unit (
    signoff_id INTEGER NOT NULL, unit_code TEXT NOT NULL, up INTEGER NOT NULL,
    months_before INTEGER NOT NULL, months_after INTEGER NOT NULL, debt INTEGER NOT NULL,
    PRIMARY KEY (signoff_id, unit_code)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS case_register (
    case_id TEXT NOT NULL, register TEXT NOT NULL, no INTEGER NOT NULL, ref INTEGER,
    date TEXT NOT NULL, what TEXT, amount INTEGER, flag INTEGER, party TEXT, detail TEXT,
    note TEXT, actor TEXT, known_at TEXT NOT NULL,
    PRIMARY KEY (case_id, register, no)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS case_register_ref ON case_register (register, case_id, ref);
CREATE TABLE IF NOT EXISTS payment_match (
    txn_id TEXT NOT NULL, version INTEGER NOT NULL, known_at TEXT NOT NULL,
    unit_code TEXT NOT NULL, method TEXT NOT NULL, confidence INTEGER NOT NULL,
    reason TEXT NOT NULL, actor TEXT NOT NULL,
    PRIMARY KEY (txn_id, version)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS inspection (
    inspection_id TEXT NOT NULL, version INTEGER NOT NULL, known_at TEXT NOT NULL,
    superseded_at TEXT, batch_id INTEGER NOT NULL,
    unit_code TEXT NOT NULL, concluded_on TEXT NOT NULL, decision_no TEXT, body TEXT NOT NULL,
    inspector TEXT, amount_underdeclared INTEGER NOT NULL, amount_unpaid INTEGER NOT NULL,
    workers_unregistered INTEGER NOT NULL, fine_amount INTEGER NOT NULL,
    remedy_by TEXT NOT NULL, note TEXT,
    PRIMARY KEY (inspection_id, version)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS inspection_unit ON inspection (unit_code, concluded_on);
CREATE TABLE IF NOT EXISTS case_pensioner (
    case_id TEXT NOT NULL, version INTEGER NOT NULL, known_at TEXT NOT NULL,
    superseded_at TEXT, name TEXT NOT NULL, bhxh_code TEXT NOT NULL,
    pay_day INTEGER NOT NULL, paid_at TEXT, note TEXT, actor TEXT,
    PRIMARY KEY (case_id, version)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS assignment (
    unit_code TEXT NOT NULL, from_date TEXT NOT NULL, version INTEGER NOT NULL,
    known_at TEXT NOT NULL, superseded_at TEXT, batch_id INTEGER NOT NULL,
    officer_code TEXT NOT NULL, actor TEXT, reason TEXT,
    PRIMARY KEY (unit_code, from_date, version)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS assignment_officer ON assignment (officer_code);
CREATE TABLE IF NOT EXISTS collection_plan (
    period TEXT NOT NULL, scope TEXT NOT NULL, scope_code TEXT NOT NULL,
    version INTEGER NOT NULL, known_at TEXT NOT NULL, superseded_at TEXT,
    batch_id INTEGER NOT NULL, amount INTEGER NOT NULL,
    PRIMARY KEY (period, scope, scope_code, version)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS opening_balance (
    unit_code TEXT NOT NULL, period TEXT NOT NULL, fund TEXT NOT NULL,
    version INTEGER NOT NULL, known_at TEXT NOT NULL, superseded_at TEXT,
    batch_id INTEGER NOT NULL, principal INTEGER NOT NULL, interest INTEGER NOT NULL,
    as_of TEXT NOT NULL, source TEXT NOT NULL,
    PRIMARY KEY (unit_code, period, fund, version)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS reminder (
    year INTEGER NOT NULL, seq INTEGER NOT NULL, letter_no TEXT NOT NULL,
    unit_code TEXT NOT NULL, period TEXT NOT NULL, sent_on TEXT NOT NULL,
    overdue INTEGER NOT NULL, interest_due INTEGER NOT NULL, debt INTEGER NOT NULL,
    overdue_through TEXT, oldest_deadline TEXT, case_id TEXT NOT NULL, case_seq INTEGER NOT NULL,
    actor TEXT, known_at TEXT NOT NULL,
    PRIMARY KEY (year, seq)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS reminder_unit ON reminder (unit_code, period);
CREATE TABLE IF NOT EXISTS calendar_done (
    duty TEXT NOT NULL, occurrence TEXT NOT NULL, version INTEGER NOT NULL,
    known_at TEXT NOT NULL, superseded_at TEXT, done_on TEXT NOT NULL, actor TEXT NOT NULL,
    note TEXT,
    PRIMARY KEY (duty, occurrence, version)) WITHOUT ROWID;

-- the indexes made on each open before migrations (sq_store.c late_indexes)
CREATE INDEX IF NOT EXISTS unit_tax ON unit (tax_code);
CREATE INDEX IF NOT EXISTS unit_officer ON unit (officer_code) WHERE officer_code IS NOT NULL;
CREATE INDEX IF NOT EXISTS payment_case ON payment (case_id) WHERE case_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS payment_reverses ON payment (reverses) WHERE reverses IS NOT NULL;
CREATE INDEX IF NOT EXISTS assess_line_adjustment ON assess_line (close_id) WHERE kind = 'adjustment';

-- users, sessions, failed logins, the audit log and contacts (schema_auth.sql)
CREATE TABLE IF NOT EXISTS app_user (
    login TEXT PRIMARY KEY, role INTEGER NOT NULL, office_code TEXT, officer_code TEXT,
    pwhash TEXT NOT NULL, disabled INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL, changed_at TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS app_session (
    token_hash TEXT PRIMARY KEY, csrf TEXT NOT NULL, login TEXT NOT NULL,
    created_at TEXT NOT NULL, expires_at TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS app_session_login ON app_session (login);
CREATE TABLE IF NOT EXISTS login_failure (login TEXT NOT NULL, address TEXT NOT NULL, at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS login_failure_login ON login_failure (login, at);
CREATE INDEX IF NOT EXISTS login_failure_address ON login_failure (address, at);
CREATE TABLE IF NOT EXISTS audit (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL,
    operation TEXT NOT NULL, target TEXT NOT NULL, outcome TEXT NOT NULL,
    summary TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS audit_target ON audit (target, at);
CREATE INDEX IF NOT EXISTS audit_actor ON audit (actor, at);
CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_replace BEFORE INSERT ON audit
WHEN EXISTS (SELECT 1 FROM audit WHERE seq = NEW.seq)
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TABLE IF NOT EXISTS contact (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, unit_code TEXT NOT NULL, day TEXT NOT NULL,
    officer TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('call', 'visit', 'letter', 'meeting')),
    outcome TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '',
    recorded_by TEXT NOT NULL, recorded_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS contact_unit ON contact (unit_code, day, seq);
