"""What the API's end-to-end tests share (bad_input.py, api_security.py): `thuno serve` on a
free loopback port, a session, and the store's digest that proves nothing was written.
Standard library only."""
import hashlib
import http.client
import json
import os
import signal
import socket
import sqlite3
import subprocess
import time

# the tables a refused request may change: sessions, login throttling and the audit log's
# entries of refusals and failures (the digest keeps the entries whose outcome is "ok")
VOLATILE = {"app_session", "login_failure", "audit"}


def digest(db):
    """A SHA-256 of every row of every table of the store but the volatile ones, and of the audit
    entries of changes that succeeded: equal before and after means nothing was written."""
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


def dump(db):
    """Every table but sessions and failed logins, each row in a fixed order, as one text: the
    crash tests' snapshot (tests/crash_kill.sh, tests/crash_serve.py). The audit log is in it."""
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
