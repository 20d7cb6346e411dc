"""What the API's end-to-end tests share (bad_input.py, api_security.py, cli_api.py,
crash_serve.py): `thuno serve` on a free loopback port, a session, the store's digest that
proves nothing was written and its dump, and queries on the store. The store is an SQLite file
or a PostgreSQL URL (tests/store_url.py), read with the sqlite3 module or psql. Standard
library only."""
import csv
import hashlib
import http.client
import io
import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import time

# the tables a refused request may change: sessions, login throttling and the audit log's
# entries of refusals and failures (the digest keeps the entries whose outcome is "ok")
VOLATILE = {"app_session", "login_failure", "audit"}


# PostgreSQL's serial columns (BIGSERIAL) and the columns that hold their values (and the audit
# summary of a contact recorded, "contact SEQ ..."): a sequence is not transactional, so a
# transaction rolled back (a request refused, a server killed before its commit) leaves a gap in
# it; dump() compares those ids by their order, not their value
SERIAL_REFS = {"batch_id": "import_batch", "run_id": "close_run", "close_id": "unit_close",
               "signoff_id": "handover_signoff", "assess_line.rate_set": "rate_set"}


class StoreError(Exception):
    """A statement the store refused (its engine's message)."""


def is_pg(db):
    """True when DB is a PostgreSQL URL (tests/store_url.py), not an SQLite file."""
    return db.startswith(("postgresql://", "postgres://"))


def psql(db, script, csv_out=False):
    """SCRIPT (SQL and psql commands) run by psql on the database of URL DB: its output; raises
    StoreError with psql's message when a statement fails."""
    env = dict(os.environ, PGCLIENTENCODING="UTF8", PGOPTIONS="-c client_min_messages=warning")
    args = ["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "--dbname=" + db]
    if csv_out:
        args.append("--csv")
    p = subprocess.run(args, input=script, capture_output=True, env=env, encoding="utf-8",
                       errors="surrogateescape")
    if p.returncode != 0:
        raise StoreError(p.stderr.strip())
    return p.stdout


def rows(db, sql):
    """The rows of the query SQL on the store DB, as tuples (on PostgreSQL every value is its
    text, NULL the empty text)."""
    if not is_pg(db):
        con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
        try:
            return con.execute(sql).fetchall()
        finally:
            con.close()
    return [tuple(r) for r in csv.reader(io.StringIO(psql(db, sql, True)))]


def execute(db, sql):
    """The statement SQL run and committed on the store DB; raises StoreError if refused."""
    if is_pg(db):
        psql(db, sql + ";\n")
        return
    con = sqlite3.connect(db, timeout=30)
    try:
        con.execute(sql)
        con.commit()
    except sqlite3.DatabaseError as e:
        raise StoreError(str(e))
    finally:
        con.close()


def wait_closed(db, timeout=60):
    """Returns once no connection to the PostgreSQL database DB is left: a killed client's
    server process ends its transaction (committed or rolled back) only when it notices the
    client is gone. Nothing to wait for on SQLite."""
    if not is_pg(db):
        return
    sql = ("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
           "AND pid <> pg_backend_pid()")
    end = time.time() + timeout
    while int(psql(db, sql).strip()) > 0:
        if time.time() > end:
            raise StoreError("connections to %s left after %d s" % (db, timeout))
        time.sleep(0.02)


# the store's tables (partitions folded into their table), and the columns of each with their
# place and whether their default is a sequence
_PG_TABLES = ("FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
              "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition")
_PG_COLUMNS = ("SELECT c.relname, a.attname, a.attnum, "
               "coalesce(pg_get_expr(d.adbin, d.adrelid) LIKE 'nextval(%', false) AS serial "
               "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
               "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 "
               "AND NOT a.attisdropped LEFT JOIN pg_attrdef d ON d.adrelid = c.oid "
               "AND d.adnum = a.attnum WHERE n.nspname = 'public' "
               "AND c.relkind IN ('r', 'p') AND NOT c.relispartition")


def _pg_read(db, skip, selects=()):
    """Everything of the PostgreSQL store DB in one psql run: ({table: [column, ...]}, the set
    of "table.column" whose default is a sequence, {name: [line, ...]}) with the rows of every
    table but those of SKIP and of each (name, query) of SELECTS, in COPY's text format
    (tab-separated, NULL as \\N)."""
    script = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;\n"  # one snapshot of it all
    script += ("COPY (SELECT '#', q.relname, q.attname, q.serial FROM (%s) q "
              "ORDER BY q.relname, q.attnum) TO STDOUT;\n" % _PG_COLUMNS)
    script += ("SELECT format('COPY (SELECT %%L, q.* FROM %%I q) TO STDOUT', c.relname, "
               "c.relname) %s AND c.relname NOT IN (%s) \\gexec\n"
               % (_PG_TABLES, ", ".join("'%s'" % t for t in sorted(skip))))
    script += "".join("COPY (SELECT '%s', q.* FROM (%s) q) TO STDOUT;\n" % (name, sql)
                      for name, sql in selects)
    script += "COMMIT;\n"
    tables, serial, got = {}, set(), {}
    for line in psql(db, script).split("\n"):
        if not line:
            continue
        name, _, rest = line.partition("\t")
        if name == "#":
            t, col, is_serial = rest.split("\t")
            tables.setdefault(t, []).append(col)
            if is_serial == "t":
                serial.add(t + "." + col)
        else:
            got.setdefault(name, []).append(rest)
    for t in tables:
        got.setdefault(t, [])
    for name, _ in selects:
        got.setdefault(name, [])
    return tables, serial, got


def digest(db):
    """A SHA-256 of every row of every table of the store but the volatile ones, and of the audit
    entries of changes that succeeded: equal before and after means nothing was written."""
    if is_pg(db):
        return _pg_digest(db)
    con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    try:
        h = hashlib.sha256()
        tables = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        for t in tables:
            if t in VOLATILE:
                continue
            h.update(("table %s\n" % t).encode())
            ncols = len(con.execute('SELECT * FROM "%s" LIMIT 0' % t).description)
            order = ", ".join(str(i + 1) for i in range(ncols))
            where = " WHERE name <> 'audit'" if t == "sqlite_sequence" else ""
            for row in con.execute('SELECT * FROM "%s"%s ORDER BY %s' % (t, where, order)):
                h.update(repr(row).encode() + b"\n")
        for row in con.execute("SELECT * FROM audit WHERE outcome = 'ok' ORDER BY 1"):
            h.update(repr(row).encode() + b"\n")
        for row in con.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name"):
            h.update(repr(row).encode() + b"\n")
        return h.hexdigest()
    finally:
        con.close()


def _pg_digest(db):
    """digest() on PostgreSQL: the same rows; the schema is the tables' columns and the indexes
    and triggers. The sequences are left out: a statement rolled back takes numbers from them
    (they are not transactional), which writes nothing."""
    selects = [("#audit", "SELECT * FROM audit WHERE outcome = 'ok'"),
               ("#schema", "SELECT tablename, indexdef FROM pg_indexes "
                           "WHERE schemaname = 'public' UNION ALL "
                           "SELECT tgrelid::regclass::text, tgname FROM pg_trigger "
                           "WHERE NOT tgisinternal")]
    tables, _, got = _pg_read(db, VOLATILE, selects)
    h = hashlib.sha256()
    for t in sorted(tables):
        h.update(("table %s %s\n" % (t, ",".join(tables[t]))).encode())
    for name in [t for t in sorted(tables) if t not in VOLATILE] + [n for n, _ in selects]:
        h.update(("## %s\n" % name).encode())
        for line in sorted(got[name]):
            h.update(line.encode("utf-8", "surrogateescape") + b"\n")
    return h.hexdigest()


def dump(db):
    """Every table but sessions and failed logins, each row in a fixed order, as one text: the
    crash tests' snapshot (tests/crash_kill.sh, tests/crash_serve.py). The audit log is in it."""
    if is_pg(db):
        return _pg_dump(db)
    con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    try:
        out = []
        names = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT IN ('app_session', 'login_failure') ORDER BY name")]
        for n in names:
            cols = [r[1] for r in con.execute('PRAGMA table_info("%s")' % n)]
            order = ", ".join('"%s"' % x for x in cols)
            out.append("## " + n)
            for row in con.execute('SELECT * FROM "%s" ORDER BY %s' % (n, order)):
                out.append(repr(row))
        return "\n".join(out) + "\n"
    finally:
        con.close()


def _pg_dump(db):
    """dump() on PostgreSQL, each row as COPY writes it; a serial id (and every column that
    holds one, SERIAL_REFS) as its rank among the table's ids: a transaction rolled back leaves
    a gap in the sequence (not transactional), so a re-run after a kill numbers its rows
    further on than a clean run, in the same order."""
    skip = ("app_session", "login_failure")
    tables, serial, got = _pg_read(db, skip)
    names = sorted(t for t in tables if t not in skip)
    split = {t: [line.split("\t") for line in got[t]] for t in names}
    rank = {}
    for col in serial:
        t, c = col.split(".")
        i = tables[t].index(c)
        ids = sorted({int(r[i]) for r in split[t] if r[i] != "\\N"})
        rank[t] = {str(v): "#%d" % (k + 1) for k, v in enumerate(ids)}
    out = []
    op, summary = tables["audit"].index("operation"), tables["audit"].index("summary")
    for t in names:
        maps = []
        for i, c in enumerate(tables[t]):
            key = t + "." + c
            target = t if key in serial else SERIAL_REFS.get(key, SERIAL_REFS.get(c))
            if target in rank:
                maps.append((i, rank[target]))
        lines = []
        for r in split[t]:
            for i, m in maps:
                r[i] = m.get(r[i], r[i])
            if t == "audit" and r[op] == "contact.record" and "contact" in rank:
                r[summary] = re.sub(r"^contact (\d+)", lambda g: "contact " + rank[
                    "contact"].get(g.group(1), g.group(1)), r[summary])
            lines.append("\t".join(r))
        out.append("## " + t)
        out.extend(sorted(lines))
    return "\n".join(out) + "\n"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Session:
    def __init__(self, token, csrf, user):
        self.token, self.csrf, self.user = token, csrf, user


class Server:
    """`thuno --db DB serve` on a free loopback port, its log in LOG."""

    def __init__(self, thuno, db, now, log):
        self.port = free_port()
        self.log = log
        env = dict(os.environ, THUNO_NOW=now)
        self.logf = open(log, "wb")
        self.proc = subprocess.Popen(
            [thuno, "--db", db, "serve", "--listen", "127.0.0.1:%d" % self.port, "--threads", "2"],
            env=env, stderr=self.logf, stdout=self.logf)
        for _ in range(400):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise SystemExit("the server did not start: " + open(log).read())

    def request(self, method, path, body=None, session=None, csrf=None, headers=None,
                raw_path=False):
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        h = dict(headers or {})
        if session is not None:
            h["Cookie"] = "thuno_session=" + session.token
        if csrf:
            h["X-CSRF-Token"] = csrf
        if isinstance(body, str):
            body = body.encode()
        c.request(method, path if raw_path else "/api/v1" + path, body=body, headers=h)
        r = c.getresponse()
        data = r.read()
        c.close()
        return r.status, r.headers, data

    def json(self, method, path, body=None, session=None, csrf=None, headers=None):
        """status, the JSON answer (or its bytes); csrf defaults to the session's."""
        if csrf is None and session is not None:
            csrf = session.csrf
        st, _, data = self.request(method, path, body, session, csrf, headers)
        try:
            return st, json.loads(data)
        except ValueError:
            return st, data

    def login(self, name, password):
        st, headers, data = self.request(
            "POST", "/session", json.dumps({"login": name, "password": password}))
        if st != 200:
            return st, json.loads(data)
        token = headers["Set-Cookie"].split(";")[0].split("=", 1)[1]
        body = json.loads(data)
        return st, Session(token, body["csrf"], body["user"])

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        rc = self.proc.wait(timeout=60)
        self.logf.close()
        return rc


def error_code(body):
    return body["error"]["code"] if isinstance(body, dict) and "error" in body else None


def error_message(body):
    return body["error"].get("message", "") if isinstance(body, dict) and "error" in body else ""
