-- schema_auth.sql - users, sessions, failed logins and the audit log (issue 12; docs/api.md),
-- run on creating a store; a store made before them gets them from migration 1
-- (migrations/0001_baseline.sql).
-- Users, sessions and the audit log of the API and the CLI (issue 12; docs/api.md). No row
-- holds a password or a session token in clear: pwhash is Argon2id's encoded string (its
-- parameters and per-user salt inside), token_hash the SHA-256 of the session token.
CREATE TABLE IF NOT EXISTS app_user (
    login TEXT PRIMARY KEY, role INTEGER NOT NULL, office_code TEXT, officer_code TEXT,
    pwhash TEXT NOT NULL, disabled INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL, changed_at TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS app_session (
    token_hash TEXT PRIMARY KEY, csrf TEXT NOT NULL, login TEXT NOT NULL,
    created_at TEXT NOT NULL, expires_at TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS app_session_login ON app_session (login);
-- failed logins, counted over a window to throttle a login and an address
CREATE TABLE IF NOT EXISTS login_failure (login TEXT NOT NULL, address TEXT NOT NULL, at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS login_failure_login ON login_failure (login, at);
CREATE INDEX IF NOT EXISTS login_failure_address ON login_failure (address, at);
-- the audit log: one row per change (or refusal); append-only, the triggers refuse the rest
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
-- REPLACE deletes the row it conflicts with without firing a DELETE trigger: an insert may not
-- reuse a sequence number (tests/api_security.py)
CREATE TRIGGER IF NOT EXISTS audit_no_replace BEFORE INSERT ON audit
WHEN EXISTS (SELECT 1 FROM audit WHERE seq = NEW.seq)
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
-- the officers' contacts with employers (contact_store.h; docs/operations.md "Contacts"):
-- appended, never changed; a correction is a new contact
CREATE TABLE IF NOT EXISTS contact (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, unit_code TEXT NOT NULL, day TEXT NOT NULL,
    officer TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('call', 'visit', 'letter', 'meeting')),
    outcome TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '',
    recorded_by TEXT NOT NULL, recorded_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS contact_unit ON contact (unit_code, day, seq);
