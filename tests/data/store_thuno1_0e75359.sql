-- A thuno-1 store as the binary of commit 0e75359 made it (users and the audit log, before
-- calendar_done, unpaid_line, opening_balance, contact and the later indexes and triggers),
-- with a few rows and one audit entry (tests/test_store_migrate.c). Made with sqlite3 .dump;
-- never edit.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
INSERT INTO meta VALUES('schema','thuno-1');
CREATE TABLE import_batch (
    id INTEGER PRIMARY KEY, kind TEXT NOT NULL, file TEXT NOT NULL, known_at TEXT NOT NULL,
    rows_new INTEGER NOT NULL, rows_changed INTEGER NOT NULL, rows_same INTEGER NOT NULL);
INSERT INTO import_batch VALUES(1,'units','units.csv','2025-11-25T09:00:00',2,0,0);
INSERT INTO import_batch VALUES(2,'payments','payments.csv','2025-11-26T09:00:00',1,0,0);
CREATE TABLE unit (
    unit_code TEXT NOT NULL, version INTEGER NOT NULL, known_at TEXT NOT NULL,
    superseded_at TEXT, batch_id INTEGER NOT NULL,
    tax_code TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL, status TEXT NOT NULL,
    status_since TEXT, parent_code TEXT, province_code TEXT NOT NULL, office_code TEXT,
    wage_region INTEGER NOT NULL, officer_code TEXT, payment_cycle INTEGER NOT NULL,
    registered_on TEXT NOT NULL, address TEXT, union_chair TEXT,
    PRIMARY KEY (unit_code, version)) WITHOUT ROWID;
INSERT INTO unit VALUES('TS0001A',1,'2025-11-25T09:00:00',NULL,1,'0101234567','Công ty TNHH An Bình','company','active',NULL,NULL,'01','01',1,'O1',1,'2020-01-15','Hà Nội',NULL);
INSERT INTO unit VALUES('TS0002B',1,'2025-11-25T09:00:00',NULL,1,'0107654321','Hợp tác xã Hoà Lạc','cooperative','active',NULL,NULL,'01','01',2,NULL,1,'2019-06-01',NULL,NULL);
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
INSERT INTO payment VALUES('T0001',1,'2025-11-26T09:00:00',NULL,2,'TS0001A','2025-11-20',12500000,'bank','Nop BHXH T10',NULL,NULL,NULL,NULL);
CREATE TABLE registry (
    tax_code TEXT NOT NULL, version INTEGER NOT NULL, known_at TEXT NOT NULL,
    superseded_at TEXT, batch_id INTEGER NOT NULL,
    name TEXT NOT NULL, province_code TEXT NOT NULL, registered_on TEXT NOT NULL,
    status TEXT NOT NULL, reported_employees INTEGER,
    PRIMARY KEY (tax_code, version)) WITHOUT ROWID;
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
    cum_interest_bhxh INTEGER NOT NULL, cum_paid INTEGER NOT NULL);
CREATE TABLE rate_set (
    id INTEGER PRIMARY KEY, r0 INTEGER, r1 INTEGER, r2 INTEGER, r3 INTEGER, r4 INTEGER,
    r5 INTEGER, r6 INTEGER, r7 INTEGER, sources TEXT NOT NULL);
CREATE TABLE assess_line (
    close_id INTEGER NOT NULL, bhxh_code TEXT NOT NULL, for_period TEXT NOT NULL,
    kind TEXT NOT NULL, salary INTEGER NOT NULL, base_si INTEGER NOT NULL,
    base_ui INTEGER NOT NULL, funds INTEGER NOT NULL, rate_set INTEGER NOT NULL,
    a0 INTEGER NOT NULL, a1 INTEGER NOT NULL, a2 INTEGER NOT NULL, a3 INTEGER NOT NULL,
    a4 INTEGER NOT NULL, a5 INTEGER NOT NULL, a6 INTEGER NOT NULL, a7 INTEGER NOT NULL);
CREATE TABLE interest_line (
    close_id INTEGER NOT NULL, seq INTEGER NOT NULL, grp TEXT NOT NULL, rule TEXT NOT NULL,
    accrual_month TEXT NOT NULL, from_day TEXT, to_day TEXT, days INTEGER NOT NULL,
    principal INTEGER NOT NULL, rate_ppm INTEGER NOT NULL, amount INTEGER NOT NULL,
    status TEXT NOT NULL, source TEXT NOT NULL);
CREATE TABLE alloc_line (
    close_id INTEGER NOT NULL, txn_id TEXT NOT NULL, paid_on TEXT NOT NULL,
    target_period TEXT NOT NULL, grp TEXT NOT NULL, part TEXT NOT NULL,
    amount INTEGER NOT NULL);
CREATE TABLE finding (
    close_id INTEGER NOT NULL, bhxh_code TEXT NOT NULL, for_period TEXT NOT NULL,
    kind TEXT NOT NULL, base INTEGER NOT NULL, floor INTEGER NOT NULL, source TEXT NOT NULL);
CREATE TABLE case_event (
    case_id TEXT NOT NULL, seq INTEGER NOT NULL, version INTEGER NOT NULL,
    known_at TEXT NOT NULL, superseded_at TEXT, batch_id INTEGER NOT NULL,
    unit_code TEXT NOT NULL, event TEXT NOT NULL, date TEXT NOT NULL, amount INTEGER,
    outcome TEXT, office TEXT, note TEXT, actor TEXT,
    PRIMARY KEY (case_id, seq, version)) WITHOUT ROWID;
CREATE TABLE case_plan (
    case_id TEXT NOT NULL, seq INTEGER NOT NULL, version INTEGER NOT NULL,
    known_at TEXT NOT NULL, superseded_at TEXT, batch_id INTEGER NOT NULL,
    due_on TEXT NOT NULL, amount INTEGER NOT NULL,
    PRIMARY KEY (case_id, seq, version)) WITHOUT ROWID;
CREATE TABLE blob (sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, bytes BLOB NOT NULL)
    WITHOUT ROWID;
CREATE TABLE case_attachment (
    case_id TEXT NOT NULL, sha256 TEXT NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL,
    known_at TEXT NOT NULL, actor TEXT,
    PRIMARY KEY (case_id, sha256)) WITHOUT ROWID;
CREATE TABLE case_branch (
    case_id TEXT NOT NULL, unit_code TEXT NOT NULL, province_code TEXT NOT NULL,
    note TEXT, known_at TEXT NOT NULL,
    PRIMARY KEY (case_id, unit_code)) WITHOUT ROWID;
CREATE TABLE handover_signoff (
    id INTEGER PRIMARY KEY, period TEXT NOT NULL, department TEXT NOT NULL,
    actor TEXT NOT NULL, signed_on TEXT NOT NULL, known_at TEXT NOT NULL,
    digest TEXT NOT NULL, prior_digest TEXT, units INTEGER NOT NULL);
CREATE TABLE handover_signed_unit (
    signoff_id INTEGER NOT NULL, unit_code TEXT NOT NULL, up INTEGER NOT NULL,
    months_before INTEGER NOT NULL, months_after INTEGER NOT NULL, debt INTEGER NOT NULL,
    PRIMARY KEY (signoff_id, unit_code)) WITHOUT ROWID;
CREATE TABLE case_register (
    case_id TEXT NOT NULL, register TEXT NOT NULL, no INTEGER NOT NULL, ref INTEGER,
    date TEXT NOT NULL, what TEXT, amount INTEGER, flag INTEGER, party TEXT, detail TEXT,
    note TEXT, actor TEXT, known_at TEXT NOT NULL,
    PRIMARY KEY (case_id, register, no)) WITHOUT ROWID;
CREATE TABLE payment_match (
    txn_id TEXT NOT NULL, version INTEGER NOT NULL, known_at TEXT NOT NULL,
    unit_code TEXT NOT NULL, method TEXT NOT NULL, confidence INTEGER NOT NULL,
    reason TEXT NOT NULL, actor TEXT NOT NULL,
    PRIMARY KEY (txn_id, version)) WITHOUT ROWID;
CREATE TABLE inspection (
    inspection_id TEXT NOT NULL, version INTEGER NOT NULL, known_at TEXT NOT NULL,
    superseded_at TEXT, batch_id INTEGER NOT NULL,
    unit_code TEXT NOT NULL, concluded_on TEXT NOT NULL, decision_no TEXT, body TEXT NOT NULL,
    inspector TEXT, amount_underdeclared INTEGER NOT NULL, amount_unpaid INTEGER NOT NULL,
    workers_unregistered INTEGER NOT NULL, fine_amount INTEGER NOT NULL,
    remedy_by TEXT NOT NULL, note TEXT,
    PRIMARY KEY (inspection_id, version)) WITHOUT ROWID;
CREATE TABLE case_pensioner (
    case_id TEXT NOT NULL, version INTEGER NOT NULL, known_at TEXT NOT NULL,
    superseded_at TEXT, name TEXT NOT NULL, bhxh_code TEXT NOT NULL,
    pay_day INTEGER NOT NULL, paid_at TEXT, note TEXT, actor TEXT,
    PRIMARY KEY (case_id, version)) WITHOUT ROWID;
CREATE TABLE assignment (
    unit_code TEXT NOT NULL, from_date TEXT NOT NULL, version INTEGER NOT NULL,
    known_at TEXT NOT NULL, superseded_at TEXT, batch_id INTEGER NOT NULL,
    officer_code TEXT NOT NULL, actor TEXT, reason TEXT,
    PRIMARY KEY (unit_code, from_date, version)) WITHOUT ROWID;
CREATE TABLE collection_plan (
    period TEXT NOT NULL, scope TEXT NOT NULL, scope_code TEXT NOT NULL,
    version INTEGER NOT NULL, known_at TEXT NOT NULL, superseded_at TEXT,
    batch_id INTEGER NOT NULL, amount INTEGER NOT NULL,
    PRIMARY KEY (period, scope, scope_code, version)) WITHOUT ROWID;
CREATE TABLE reminder (
    year INTEGER NOT NULL, seq INTEGER NOT NULL, letter_no TEXT NOT NULL,
    unit_code TEXT NOT NULL, period TEXT NOT NULL, sent_on TEXT NOT NULL,
    overdue INTEGER NOT NULL, interest_due INTEGER NOT NULL, debt INTEGER NOT NULL,
    overdue_through TEXT, oldest_deadline TEXT, case_id TEXT NOT NULL, case_seq INTEGER NOT NULL,
    actor TEXT, known_at TEXT NOT NULL,
    PRIMARY KEY (year, seq)) WITHOUT ROWID;
CREATE TABLE app_user (
    login TEXT PRIMARY KEY, role INTEGER NOT NULL, office_code TEXT, officer_code TEXT,
    pwhash TEXT NOT NULL, disabled INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL, changed_at TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE app_session (
    token_hash TEXT PRIMARY KEY, csrf TEXT NOT NULL, login TEXT NOT NULL,
    created_at TEXT NOT NULL, expires_at TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE login_failure (login TEXT NOT NULL, address TEXT NOT NULL, at TEXT NOT NULL);
CREATE TABLE audit (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL,
    operation TEXT NOT NULL, target TEXT NOT NULL, outcome TEXT NOT NULL,
    summary TEXT NOT NULL);
INSERT INTO audit VALUES(1,'2026-12-01T08:00:00','cli:root','user.add','admin','ok','role admin');
DELETE FROM sqlite_sequence;
INSERT INTO sqlite_sequence VALUES('audit',1);
CREATE INDEX payment_unit ON payment (unit_code, paid_on);
CREATE INDEX unit_close_key ON unit_close (unit_code, period, id);
CREATE INDEX unit_close_period ON unit_close (period, unit_code, id);
CREATE INDEX assess_line_close ON assess_line (close_id, bhxh_code);
CREATE INDEX interest_line_close ON interest_line (close_id);
CREATE INDEX alloc_line_close ON alloc_line (close_id);
CREATE INDEX finding_close ON finding (close_id);
CREATE INDEX case_event_unit ON case_event (unit_code, case_id);
CREATE INDEX handover_signoff_period ON handover_signoff (period, department, id);
CREATE INDEX case_register_ref ON case_register (register, case_id, ref);
CREATE INDEX inspection_unit ON inspection (unit_code, concluded_on);
CREATE INDEX assignment_officer ON assignment (officer_code);
CREATE INDEX reminder_unit ON reminder (unit_code, period);
CREATE INDEX app_session_login ON app_session (login);
CREATE INDEX login_failure_login ON login_failure (login, at);
CREATE INDEX login_failure_address ON login_failure (address, at);
CREATE INDEX audit_target ON audit (target, at);
CREATE INDEX audit_actor ON audit (actor, at);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE INDEX unit_tax ON unit (tax_code);
CREATE INDEX payment_case ON payment (case_id) WHERE case_id IS NOT NULL;
CREATE INDEX payment_reverses ON payment (reverses) WHERE reverses IS NOT NULL;
COMMIT;
