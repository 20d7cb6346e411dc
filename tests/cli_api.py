#!/usr/bin/env python3
"""The HTTP API end to end (docs/api.md): starts `thuno serve` on a free loopback port over the
hand-checked province (users of every role added by cli_api.sh), exercises every endpoint and
every role (allowed, and refused with 403 and an audit entry), sessions, CSRF, throttling and bad
input, checks the balance against `thuno report balances`, then a close job's progress and its
409 on a generated province, and stops the servers. Standard library only.

usage: cli_api.py THUNO DB GEN_DB WORKDIR
"""
import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from api_client import rows  # noqa: E402

THUNO, DB, GEN_DB, WORK = sys.argv[1:5]
NOW = "2025-12-05T09:00:00"
PASSWORDS = {"ana": "mật khẩu quản trị", "lan": "giam-doc-2025", "ha": "qlt-password-1",
             "khoa": "kttn-password-1", "kim": "ttkt-password-1", "le": "legal-password-1",
             "tung": "officer-pass-1", "cu": "disabled-pass-1"}
ROLES = {"ana": "admin", "lan": "director", "ha": "qlt", "khoa": "kttn", "kim": "ttkt",
         "le": "legal", "tung": "officer"}
failures = 0
RECORDED = []  # (method, path, status, content type, body) of every answer, for the OpenAPI check


def check(cond, what):
    global failures
    if not cond:
        failures += 1
        print("cli_api: FAIL: " + what, file=sys.stderr)


def count_officers():
    """The officer rows of the store (every version)."""
    return int(rows(DB, "SELECT count(*) FROM officer")[0][0])


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, db, now):
        self.port = free_port()
        env = dict(os.environ, THUNO_NOW=now)
        self.proc = subprocess.Popen(
            [THUNO, "--db", db, "serve", "--listen", "127.0.0.1:%d" % self.port, "--threads", "2"],
            env=env, stderr=subprocess.PIPE)
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise SystemExit("cli_api: the server did not start")

    def request(self, method, path, body=None, session=None, csrf=None, headers=None):
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        h = dict(headers or {})
        if session:
            h["Cookie"] = "thuno_session=" + session.token
        if csrf:
            h["X-CSRF-Token"] = csrf
        if isinstance(body, str):
            body = body.encode()
        c.request(method, "/api/v1" + path, body=body, headers=h)
        r = c.getresponse()
        data = r.read()
        c.close()
        RECORDED.append((method, path.split("?")[0], r.status, r.headers.get("Content-Type", ""),
                         data))
        return r.status, r.headers, data

    def json(self, method, path, body=None, session=None, csrf=None):
        st, _, data = self.request(method, path, body, session,
                                   csrf if csrf is not None else (session.csrf if session else None))
        try:
            return st, json.loads(data)
        except ValueError:
            return st, data

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        rc = self.proc.wait(timeout=30)
        err = self.proc.stderr.read().decode()
        check(rc == 0, "the server stops on SIGTERM with 0 (got %d): %s" % (rc, err))
        check("TN_ERR" not in err, "no internal error logged: " + err)


class Session:
    def __init__(self, token, csrf, user):
        self.token, self.csrf, self.user = token, csrf, user


def login(srv, name, password=None):
    st, headers, data = srv.request(
        "POST", "/session", json.dumps({"login": name, "password": password or PASSWORDS[name]}))
    if st != 200:
        return st, json.loads(data)
    cookie = headers["Set-Cookie"]
    check("HttpOnly" in cookie and "SameSite=Strict" in cookie, "the cookie is HttpOnly, Strict")
    token = cookie.split(";")[0].split("=", 1)[1]
    body = json.loads(data)
    return st, Session(token, body["csrf"], body["user"])


def error_code(body):
    return body["error"]["code"] if isinstance(body, dict) and "error" in body else None


def cli(*args):
    env = dict(os.environ, THUNO_NOW=NOW)
    return subprocess.run([THUNO, "--db", DB] + list(args), env=env, check=True,
                          capture_output=True).stdout


def audit_rows(srv, admin, query=""):
    st, rows = srv.json("GET", "/audit" + query, session=admin)
    check(st == 200, "audit read by the admin")
    return rows if st == 200 else []


def refused_audited(srv, admin, user, operation, target):
    rows = audit_rows(srv, admin, "?user=" + user)
    return any(r["operation"] == operation and r["target"] == target and r["outcome"] == "refused"
               for r in rows)


def main():
    srv = Server(DB, NOW)
    try:
        run(srv)
    finally:
        srv.stop()
    check_openapi()
    gen = Server(GEN_DB, "2026-03-01T08:00:00")
    try:
        run_close_conflict(gen)
        run_streamed(gen)
    finally:
        gen.stop()
    if failures:
        raise SystemExit("cli_api: %d failures" % failures)
    print("cli_api: ok")


def run(srv):
    # no session, bad routes
    st, body = srv.json("GET", "/reports")
    check(st == 401 and error_code(body) == "unauthenticated", "no session: 401")
    st, body = srv.json("GET", "/nothing")
    check(st == 404 and error_code(body) == "not_found", "unknown route: 404")
    st, body = srv.json("PUT", "/session")
    check(st == 405, "wrong method: 405")
    # malformed JSON, a body too large, a wrong password, a disabled user
    st, body = srv.json("POST", "/session", '{"login": "ana", "password": ')
    check(st == 400 and error_code(body) == "malformed", "malformed JSON: 400")
    st, body = srv.json("POST", "/session", "x" * (65 * 1024 + 1))
    check(st == 413 and error_code(body) == "too_large", "a body over 64 KiB: 413")
    st, body = login(srv, "ana", "wrong password!")
    check(st == 401 and error_code(body) == "unauthenticated", "wrong password: 401")
    st, body = login(srv, "cu")
    check(st == 401, "a disabled user cannot log in")

    # every role logs in
    s = {}
    for name, role in ROLES.items():
        st, sess = login(srv, name)
        check(st == 200, "%s logs in" % name)
        if st == 200:
            check(sess.user["role"] == role and len(sess.csrf) == 64, "%s's session" % name)
            s[name] = sess
    admin = s["ana"]
    check(s["tung"].user["officer"] == "O1", "the officer's session names its officer")

    # the registry: every role reads it
    for name, sess in s.items():
        st, body = srv.json("GET", "/reports", session=sess)
        check(st == 200, "%s reads the registry" % name)
    reg = {r["name"]: r for r in body["reports"]}
    check("balances" in reg and reg["balances"]["flags"] == ["period", "office"],
          "the registry lists balances with its flags")
    cols = reg["balances"]["columns"]
    check(cols[0]["id"] == "unit_code" and any(c["type"] == "money" for c in cols),
          "columns with id and type")

    # a report in every format, the same as the CLI's
    want_csv = cli("report", "balances", "--period", "2025-11")
    st, h, got = srv.request("GET", "/reports/balances?period=2025-11&format=csv", session=admin)
    check(st == 200 and got == want_csv, "balances as CSV equal the CLI's")
    st, h, got = srv.request("GET", "/reports/balances?period=2025-11&format=json", session=admin)
    check(st == 200 and got == cli("report", "balances", "--period", "2025-11", "--format",
                                   "json"), "balances as JSON equal the CLI's")
    st, h, got = srv.request("GET", "/reports/balances?period=2025-11&format=xlsx", session=admin)
    check(st == 200 and got[:2] == b"PK" and "spreadsheetml" in h["Content-Type"], "XLSX")
    st, h, got = srv.request("GET", "/reports/debtors?period=2025-11&format=pdf", session=admin)
    check(st == 200 and got[:4] == b"%PDF", "PDF")
    st, body = srv.json("GET", "/reports/balances?period=2025-13", session=admin)
    check(st == 400 and error_code(body) == "bad_request", "a malformed period: 400")
    st, body = srv.json("GET", "/reports/balances", session=admin)
    check(st == 400, "a report without its period: 400")
    st, body = srv.json("GET", "/reports/nosuch?period=2025-11", session=admin)
    check(st == 404, "an unknown report: 404")
    st, body = srv.json("GET", "/reports/balances?period=2025-11&office=D99", session=admin)
    check(st == 404, "an unknown office: 404")
    for name in ("lan", "ha", "khoa", "kim", "le"):
        st, rows = srv.json("GET", "/reports/balances?period=2025-11", session=s[name])
        check(st == 200 and len(rows) == 3, "%s reads balances" % name)

    # the officer: its own units only
    tung = s["tung"]
    st, body = srv.json("GET", "/reports/balances?period=2025-11", session=tung)
    check(st == 403 and error_code(body) == "forbidden", "an officer is refused balances")
    st, rows = srv.json("GET", "/reports/worklist?period=2025-11&officer=O2", session=tung)
    check(st == 200 and {r["unit_code"] for r in rows} == {"A", "B"}
          and all(r["officer_code"] == "O1" for r in rows), "an officer's worklist is its own")
    st, body = srv.json("GET", "/units/C/balance?period=2025-11", session=tung)
    check(st == 404, "an officer does not see another officer's unit")
    st, body = srv.json("GET", "/units/C/explain?period=2025-11", session=tung)
    check(st == 404, "nor its explanation")
    st, body = srv.json("GET", "/units/A/balance?period=2025-11", session=tung)
    check(st == 200 and body["unit_code"] == "A", "an officer sees its own unit's balance")

    # the balance equals the report's row, field by field
    lines = want_csv.decode().splitlines()
    header = lines[0].split(",")
    for line in lines[1:]:
        row = dict(zip(header, line.split(",")))
        st, bal = srv.json("GET", "/units/%s/balance?period=2025-11" % row["unit_code"],
                           session=admin)
        check(st == 200, "balance of " + row["unit_code"])
        for k in header:
            v = bal.get(k)
            text = "" if v is None else ("%.1f" % v if isinstance(v, float) else str(v))
            check(text == row[k], "balance %s %s: %r != %r" % (row["unit_code"], k, text, row[k]))
    st, bal = srv.json("GET", "/units/A/balance?period=2025-11&as_of=2025-10-30", session=admin)
    check(st == 404, "no balance of November known on October 30")
    st, bal = srv.json("GET", "/units/A/balance?period=2025-10&as_of=2025-10-30", session=admin)
    check(st == 200 and bal["period"] == "2025-10", "as_of reads what was known then")
    for name, sess in s.items():  # every role reads a unit it sees (A is the officer's)
        st, body = srv.json("GET", "/units/A/balance?period=2025-11", session=sess)
        check(st == 200 and body["closing"] == 15731936, "%s reads A's balance" % name)
        st, body = srv.json("GET", "/units/A/explain?period=2025-11", session=sess)
        check(st == 200 and body["unit_code"] == "A", "%s reads A's explanation" % name)
    st, body = srv.json("GET", "/units/ZZ/balance?period=2025-11", session=admin)
    check(st == 404, "an unknown unit: 404")
    st, body = srv.json("GET", "/units/A/balance", session=admin)
    check(st == 400, "a balance without its period: 400")
    st, h, got = srv.request("GET", "/units/A/explain?period=2025-11", session=admin)
    check(st == 200 and got == cli("explain", "A", "2025-11", "--format", "json"),
          "explain equals the CLI's JSON")

    run_ledger(srv, s, admin)
    run_units(srv, s, admin, want_csv)
    run_contacts(srv, s, admin)
    run_every_report(srv, admin, reg)

    # imports: the admin only, CSRF, all or nothing
    officers = count_officers()
    good = open(os.path.join(os.path.dirname(__file__), "data/province/officers.csv")).read()
    st, body = srv.json("POST", "/imports/officers", good, session=admin, csrf="")
    check(st == 403 and error_code(body) == "csrf", "an import without X-CSRF-Token: 403")
    st, body = srv.json("POST", "/imports/officers", good, session=admin, csrf="0" * 64)
    check(st == 403 and error_code(body) == "csrf", "a wrong X-CSRF-Token: 403")
    for name in ("lan", "ha", "khoa", "kim", "le", "tung"):
        st, body = srv.json("POST", "/imports/officers", good, session=s[name])
        check(st == 403 and error_code(body) == "forbidden", "%s may not import" % name)
        check(refused_audited(srv, admin, name, "import", "officers"),
              "%s's refused import is audited" % name)
    bad = good + "O9,Lê Văn Mới,QLT,,1\nO10,,QLT,,maybe\n"
    st, body = srv.json("POST", "/imports/officers", bad, session=admin)
    check(st == 422 and error_code(body) == "bad_rows" and body["error"]["rows"]
          and all({"line", "column", "message"} <= set(r) for r in body["error"]["rows"])
          and body["error"]["rows"][0]["line"] == 5, "a bad CSV: 422 with its rows")
    check("/tmp" not in json.dumps(body), "the 422 names no server path")
    check(count_officers() == officers,
          "a rejected import writes nothing")
    st, body = srv.json("POST", "/imports/officers", good + "O9,Lê Văn Mới,QLT,,1\n",
                        session=admin)
    check(st == 200 and body["rows_new"] == 1 and body["rows_same"] == 2, "an import: counts")
    check(count_officers() == officers + 1,
          "the import is written")
    st, body = srv.json("POST", "/imports/nosuch", good, session=admin)
    check(st == 404, "an unknown import kind: 404")
    st, h, data = srv.request("POST", "/imports/payments", b"x" * (32 * 1024 * 1024 + 1),
                              session=admin, csrf=admin.csrf)
    check(st == 413, "an import over 32 MiB: 413")

    # a close: the admin runs it, the director follows it, others are refused
    for name in ("lan", "ha", "khoa", "kim", "le", "tung"):
        st, body = srv.json("POST", "/closes", '{"period": "2025-11"}', session=s[name])
        check(st == 403, "%s may not close" % name)
        check(refused_audited(srv, admin, name, "close", "2025-11"), "%s's close audited" % name)
    st, body = srv.json("POST", "/closes", '{"period": 2025}', session=admin)
    check(st == 400 and error_code(body) == "malformed", "a close without its period: 400")
    st, body = srv.json("POST", "/closes", '{"period": "2025-11"}', session=admin)
    check(st == 202 and body["status"] == "running", "a close starts: 202")
    job = body.get("id")
    for _ in range(200):
        st, body = srv.json("GET", "/closes/%s" % job, session=s["lan"])
        if body.get("status") != "running":
            break
        time.sleep(0.05)
    check(st == 200 and body["status"] == "done" and body["done"] == body["total"] == 3,
          "the director follows the close to its end: %r" % body)
    for name in ("ha", "khoa", "kim", "le", "tung"):
        st, body = srv.json("GET", "/closes/%s" % job, session=s[name])
        check(st == 403, "%s may not read a close" % name)
        check(refused_audited(srv, admin, name, "close.read", str(job)),
              "%s's refused close read is audited" % name)
    st, body = srv.json("GET", "/closes/99", session=admin)
    check(st == 404, "an unknown close: 404")
    # what the CLI refuses is refused before a job starts: an answer, not a failed job
    st, body = srv.json("POST", "/closes", '{"period": "2025-10"}', session=admin)
    check(st == 409 and error_code(body) == "already_closed"
          and "2025-10 is already closed and the last closed period is 2025-11"
          in body["error"]["message"] and "job" not in body["error"],
          "a period already closed: 409 already_closed, no job: %r" % body)
    check(any(r["operation"] == "close" and r["outcome"] == "failed"
              for r in audit_rows(srv, admin, "?unit=2025-10&user=ana")),
          "the refused close is audited as failed")
    st, body = srv.json("POST", "/closes", '{"period": "2026-01"}', session=admin)
    check(st == 422 and error_code(body) == "not_closable"
          and "2026-01 has not begun (today is 2025-12-05)" in body["error"]["message"],
          "a month that has not begun: 422 not_closable: %r" % body)
    st, body = srv.json("POST", "/closes", '{"period": "2025-05"}', session=admin)
    check(st == 422 and error_code(body) == "not_closable"
          and "before the ledger's first period" in body["error"]["message"],
          "a month before the ledger: 422 not_closable: %r" % body)
    st, body = srv.json("GET", "/closes/%s" % (job + 1), session=admin)
    check(st == 404, "no job was started by the refusals")
    # unknown fields of a JSON body are refused, naming the field
    st, body = srv.json("POST", "/closes", '{"period": "2025-11", "force": true}', session=admin)
    check(st == 400 and error_code(body) == "unknown_field"
          and body["error"].get("field") == "force", "an unknown field: 400 unknown_field")
    st, body = srv.json("POST", "/session", '{"login": "ana", "password": "x", "remember": 1}')
    check(st == 400 and error_code(body) == "unknown_field"
          and body["error"].get("field") == "remember", "an unknown login field: 400")

    # the audit log: the admin, the director and inspection read it
    for name in ("ha", "khoa", "le", "tung"):
        st, body = srv.json("GET", "/audit", session=s[name])
        check(st == 403, "%s may not read the audit log" % name)
        check(refused_audited(srv, admin, name, "audit.read", ""), "%s's refusal audited" % name)
    for name in ("lan", "kim"):
        st, body = srv.json("GET", "/audit?user=ana", session=s[name])
        check(st == 200 and body and all(r["actor"] == "ana" for r in body), name + " reads")
    rows = audit_rows(srv, admin, "?unit=officers&user=ana")
    check([r["outcome"] for r in rows if r["operation"] == "import"] == ["failed", "ok"],
          "the imports are audited: %r" % rows)
    rows = audit_rows(srv, admin, "?unit=2025-11")
    check(any(r["operation"] == "close" and r["outcome"] == "ok" and r["actor"] == "ana"
              for r in rows), "the close is audited")
    rows = audit_rows(srv, admin, "?from=2025-12-06")
    check(rows == [], "the audit log from a later day is empty")
    st, body = srv.json("GET", "/audit?from=yesterday", session=admin)
    check(st == 400, "a malformed from: 400")
    st, h, data = srv.request("GET", "/audit", session=admin)
    for secret in [admin.token, admin.csrf] + list(PASSWORDS.values()):
        check(secret.encode() not in data, "no password or token in the audit log")

    rows = audit_rows(srv, admin, "?unit=officers")
    check(any(r["actor"].startswith("cli:") and r["operation"] == "import" for r in rows),
          "the CLI's imports are audited under the OS user")

    # huge headers and half-sent requests: an error or a closed connection, never a crash
    st, h, data = srv.request("GET", "/reports", session=admin, headers={"X-Big": "x" * 100000})
    check(st in (413, 431), "a 100 kB header is refused: %d" % st)
    for raw in (b"POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc",
                b"GET /api/v1/rep", b"\x00\xff garbage\r\n\r\n"):
        with socket.create_connection(("127.0.0.1", srv.port)) as sock:
            sock.sendall(raw)
    st, body = srv.json("GET", "/reports", session=admin)
    check(st == 200, "the server still answers after broken requests")

    run_cases_ops(srv, s, admin)

    # logout: CSRF, then the session is gone
    sess = s["le"]
    st, body = srv.json("DELETE", "/session", session=sess, csrf="")
    check(st == 403, "logout without X-CSRF-Token: 403")
    st, body = srv.json("DELETE", "/session", session=sess)
    check(st == 200, "logout")
    st, body = srv.json("GET", "/reports", session=sess)
    check(st == 401, "a session ended by logout: 401")

    # throttling, last: loopback is one address for every login after this
    # (two failures from this address above: the address reaches 5 before the login does)
    for _ in range(5):
        st, body = login(srv, "kim", "wrong password!")
        check(st in (401, 429), "a wrong password")
    st, body = login(srv, "kim")
    check(st == 429 and error_code(body) == "throttled", "5 failures: the login is throttled")
    st, body = login(srv, "ana")
    check(st == 429, "and so is the address")


def refused_each(srv, admin, s, names, method, path, body, operation, target):
    """Every one of names is refused method path with 403 forbidden and an audit entry."""
    for name in names:
        st, got = srv.json(method, path, body, session=s[name])
        check(st == 403 and error_code(got) == "forbidden",
              "%s may not %s %s: %d %r" % (name, method, path, st, got))
        check(refused_audited(srv, admin, name, operation, target),
              "%s's refused %s is audited" % (name, operation))


def audited_ok(srv, admin, user, operation, target):
    return any(r["operation"] == operation and r["target"] == target and r["outcome"] == "ok"
               for r in audit_rows(srv, admin, "?user=" + user))


def run_cases_ops(srv, s, admin):
    """Cases, their registers and documents, worklists, suspense, handover and assignments."""
    tung, le, ha, khoa, lan = s["tung"], s["le"], s["ha"], s["khoa"], s["lan"]
    ev = lambda **kw: json.dumps(kw)

    # recording events: an officer (its own units) and legal; CSRF; bad input; refusals
    body = ev(event="reminder_sent", day="2025-12-01", unit="A", note="Đôn đốc lần 1")
    st, got = srv.json("POST", "/cases/HS-A/events", body, session=tung, csrf="")
    check(st == 403 and error_code(got) == "csrf", "a case event without X-CSRF-Token: 403")
    st, got = srv.json("POST", "/cases/HS-A/events", body, session=tung)
    check(st == 201 and got == {"case_id": "HS-A", "seq": 1, "event": "reminder_sent"},
          "an officer records an event on its own unit's case: %r" % got)
    check(audited_ok(srv, admin, "tung", "case.record", "HS-A"), "the event is audited")
    st, got = srv.json("POST", "/cases/HS-C/events",
                       ev(event="reminder_sent", day="2025-11-15", unit="C"), session=tung)
    check(st == 404, "an officer may not open a case on another officer's unit")
    st, got = srv.json("POST", "/cases/HS-C/events",
                       ev(event="reminder_sent", day="2025-11-15", unit="C"), session=le)
    check(st == 201, "legal records an event")
    st, got = srv.json("POST", "/cases/HS-A/events",
                       ev(event="lawsuit_filed", day="2025-12-04", unit="A", amount=15723200,
                          office="TAND Quận 1"), session=le)
    check(st == 201 and got["seq"] == 2, "legal files the lawsuit")
    refused_each(srv, admin, s, ("ana", "lan", "ha", "khoa", "kim"), "POST", "/cases/HS-A/events",
                 ev(event="published", day="2025-12-04", unit="A"), "case.record", "HS-A")
    st, got = srv.json("POST", "/cases/HS-A/events", ev(event="nosuch", day="2025-12-04",
                                                         unit="A"), session=le)
    check(st == 400 and error_code(got) == "bad_request", "an unknown event: 400")
    st, got = srv.json("POST", "/cases/HS-A/events", ev(event="published", day="2025-12-32",
                                                         unit="A"), session=le)
    check(st == 400 and error_code(got) == "bad_request", "a malformed day: 400")
    st, got = srv.json("POST", "/cases/HS-A/events", '{"event": "published", "day": 5}',
                       session=le)
    check(st == 400 and error_code(got) == "malformed", "a day not a string: 400 malformed %r" % got)
    st, got = srv.json("POST", "/cases/HS-A/events", ev(event="published", day="2025-12-20",
                                                         unit="A"), session=le)
    check(st == 422 and error_code(got) == "rejected", "an event dated after today: 422")
    st, got = srv.json("POST", "/cases/HS-A/events", "{not json", session=le)
    check(st == 400 and error_code(got) == "malformed", "a body not JSON: 400")

    # registers: legal's
    st, got = srv.json("POST", "/cases/HS-A/registers/fee", ev(day="2025-12-04", amount=300000),
                       session=le)
    check(st == 201 and got == {"case_id": "HS-A", "register": "fee", "no": 1}, "a fee: %r" % got)
    st, got = srv.json("POST", "/cases/HS-A/registers/hearing",
                       ev(day="2025-12-20", status="scheduled", court="TAND Quận 1"), session=le)
    check(st == 201, "a hearing scheduled")
    st, got = srv.json("POST", "/cases/HS-A/registers/asset",
                       ev(day="2025-12-04", kind="bank_account", description="TK 0123",
                          holder="Vietcombank", pledged=False, value=50000000), session=le)
    check(st == 201 and got["no"] == 1, "an asset")
    st, got = srv.json("POST", "/cases/HS-A/registers/verify",
                       ev(day="2025-12-05", asset=1, result="exists", by="Phòng KTTN"),
                       session=le)
    check(st == 201, "an asset verified")
    st, got = srv.json("POST", "/cases/HS-A/registers/branch", ev(unit="B", province="79"),
                       session=le)
    check(st == 201 and got["register"] == "branch", "a branch linked: %r" % got)
    st, got = srv.json("POST", "/cases/HS-A/registers/fee",
                       ev(day="2025-12-04", amount=300000, exempt="NQ 326"), session=le)
    check(st == 422 and error_code(got) == "rejected", "a fee both paid and exempt: 422")
    check(any(r["operation"] == "case.register" and r["outcome"] == "failed"
              for r in audit_rows(srv, admin, "?user=le")), "a refused register row is audited")
    st, got = srv.json("POST", "/cases/HS-A/registers/fee", ev(day="2025-12-04", amount="300k"),
                       session=le)
    check(st == 400 and error_code(got) == "malformed", "an amount not an integer: 400")
    st, got = srv.json("POST", "/cases/HS-A/registers/fee", ev(amount=300000), session=le)
    check(st == 400 and error_code(got) == "bad_request", "a register row without its day: 400")
    st, got = srv.json("POST", "/cases/HS-A/registers/nosuch", ev(day="2025-12-04"), session=le)
    check(st == 404, "an unknown register verb: 404")
    st, got = srv.json("POST", "/cases/HS-A/registers/fee", ev(day="2025-12-04", amount=1),
                       session=le, csrf="")
    check(st == 403 and error_code(got) == "csrf", "a register row without X-CSRF-Token: 403")
    refused_each(srv, admin, s, ("ana", "lan", "ha", "khoa", "kim", "tung"), "POST",
                 "/cases/HS-A/registers/fee", ev(day="2025-12-04", amount=1), "case.register",
                 "HS-A")

    # the case page's tables as reports: the same rows as GET /cases/{id}, downloadable
    st, case = srv.json("GET", "/cases/HS-A", session=le)
    st2, h, got = srv.request("GET", "/reports/case_timeline?case=HS-A&format=json", session=le)
    rows = json.loads(got) if st2 == 200 else []
    check(st == 200 and st2 == 200 and [r["event_no"] for r in rows]
          == [e["seq"] for e in case["timeline"]] and [r["event"] for r in rows]
          == [e["event"] for e in case["timeline"]], "case_timeline is the case's timeline: %r" % got)
    check(got == cli("report", "case_timeline", "--case", "HS-A", "--format", "json"),
          "case_timeline by the API is the CLI's")
    st, h, got = srv.request("GET", "/reports/case_assets?case=HS-A&format=json", session=le)
    assets = [g for g in case.get("registers", []) if g["register"] in ("asset", "verification",
                                                                         "priority")]
    check(st == 200 and [(r["register"], r["entry_no"]) for r in json.loads(got)]
          == [(g["register"], g["no"]) for g in assets], "case_assets: %r" % got)
    st, h, got = srv.request("GET", "/reports/case_other_registers?case=HS-A&format=csv",
                             session=le)
    check(st == 200 and got.startswith(b"case_id,register,entry_no,ref_no,day,what,amount")
          and b"fee" in got and b"hearing" in got, "case_other_registers as CSV: %r" % got)
    for name in ("case_payments", "case_instalments", "case_measures", "case_documents",
                 "case_checklist"):
        for fmt, magic in (("xlsx", b"PK"), ("pdf", b"%PDF")):
            st, h, got = srv.request("GET", "/reports/%s?case=HS-A&format=%s" % (name, fmt),
                                     session=le)
            check(st == 200 and got.startswith(magic), "%s as %s" % (name, fmt))
    st, got = srv.json("GET", "/reports/case_timeline?case=HS-C", session=tung)
    check(st == 404, "an officer does not download another officer's case: %d" % st)
    st, got = srv.json("GET", "/reports/case_timeline?case=HS-A", session=tung)
    check(st == 200 and len(got) == len(case["timeline"]), "an officer downloads its own case's")
    st, got = srv.json("GET", "/reports/case_timeline", session=le)
    check(st == 400 and error_code(got) == "bad_request", "a case's table without its case: 400")
    st, got = srv.json("GET", "/reports/case_timeline?case=HS-NONE", session=le)
    check(st == 404, "an unknown case: 404")

    # the board: every role reads it, an officer its own units' cases
    want = json.loads(cli("report", "cases", "--format", "json"))
    st, board = srv.json("GET", "/cases", session=lan)
    got = [c for stage in board["stages"] for c in stage["cases"]] if st == 200 else []
    check(st == 200 and board["total"] == 2 and sorted(got, key=lambda c: c["case_id"])
          == sorted(want, key=lambda c: c["case_id"]), "the board's rows are the cases report's")
    stages = {b["state"]: [c["case_id"] for c in b["cases"]] for b in board["stages"]}
    check(stages["sued"] == ["HS-A"] and stages["escalating"] == ["HS-C"], "grouped by state")
    st, board = srv.json("GET", "/cases?state=sued", session=le)
    check(st == 200 and [b["state"] for b in board["stages"]] == ["sued"]
          and board["total"] == 1, "the board of one state")
    st, board = srv.json("GET", "/cases", session=tung)
    check(st == 200 and board["total"] == 1
          and [c["case_id"] for b in board["stages"] for c in b["cases"]] == ["HS-A"],
          "an officer's board holds its own units' cases")
    st, got = srv.json("GET", "/cases?state=lost", session=le)
    check(st == 400 and error_code(got) == "bad_request", "an unknown state: 400")
    st, got = srv.json("GET", "/cases?office=D99", session=le)
    check(st == 404, "an unknown office: 404")

    # one case: its figures equal `thuno case show`'s
    st, case = srv.json("GET", "/cases/HS-A", session=lan)
    check(st == 200 and case["state"] == "sued" and case["claimed"] == 15723200
          and [e["event"] for e in case["timeline"]] == ["reminder_sent", "lawsuit_filed"]
          and [(g["register"], g["no"]) for g in case["registers"]]
          == [("asset", 1), ("fee", 1), ("hearing", 1), ("verification", 1)]
          and case["branches"][0]["unit_code"] == "B"
          and case["next_deadline"]["by"] == "court", "a case's file: %r" % case)
    text = cli("case", "show", "HS-A").decode()
    grouped = lambda n: "{:,}".format(n).replace(",", ".")
    check("Khởi kiện / claimed %s" % grouped(case["claimed"]) in text
          and "next deadline: %s by %s" % (case["next_deadline"]["date"],
                                           case["next_deadline"]["by"]) in text
          and "total %s" % grouped(case["recovered"]) in text, "case show's figures agree")
    for e in case["timeline"]:
        check(" %s  %s" % (e["day"], e["event"]) in text, "the CLI's timeline has %s" % e["event"])
    st, old = srv.json("GET", "/cases/HS-A?as_of=2025-12-04", session=lan)
    check(st == 404, "a case as of a day before it was recorded: not known then")
    for name in ("ana", "ha", "khoa", "kim", "le", "tung"):
        st, got = srv.json("GET", "/cases/HS-A", session=s[name])
        check(st == 200 and got["claimed"] == 15723200, "%s reads the case" % name)
    st, got = srv.json("GET", "/cases/HS-C", session=tung)
    check(st == 404, "an officer does not see another officer's case")
    st, got = srv.json("GET", "/cases/NOPE", session=lan)
    check(st == 404, "an unknown case: 404")
    st, got = srv.json("GET", "/cases/HS-A?as_of=soon", session=lan)
    check(st == 400, "a malformed as_of: 400")

    # documents: legal and the director; the same text as `thuno doc`
    st, h, doc = srv.request("GET", "/cases/HS-A/documents/lawsuit_petition?format=text",
                             session=le)
    check(st == 200 and doc == cli("doc", "lawsuit_petition", "HS-A"),
          "the petition equals the CLI's text")
    st, h, doc = srv.request("GET", "/cases/HS-A/documents/lawsuit_petition", session=lan)
    check(st == 200 and doc[:4] == b"%PDF" and h["Content-Type"] == "application/pdf",
          "the petition as PDF")
    refused_each(srv, admin, s, ("ana", "ha", "khoa", "kim", "tung"), "GET",
                 "/cases/HS-A/documents/lawsuit_petition", None, "case.document", "HS-A")
    st, got = srv.json("GET", "/cases/HS-A/documents/nosuch", session=le)
    check(st == 404, "an unknown document: 404")
    st, got = srv.json("GET", "/cases/HS-A/documents/lawsuit_petition?format=doc", session=le)
    check(st == 400 and error_code(got) == "bad_request", "an unknown format: 400")
    st, got = srv.json("GET", "/cases/HS-A/documents/enforcement_request", session=le)
    check(st == 422 and error_code(got) == "rejected", "a document whose facts are missing: 422")
    st, ck = srv.json("GET", "/cases/HS-A/checklist", session=tung)
    petition = [d for d in ck.get("documents", []) if d["kind"] == "lawsuit_petition"]
    check(st == 200 and petition and petition[0]["built"] and petition[0]["recorded"]
          == "2025-12-04", "the checklist: %r" % ck)
    st, got = srv.json("GET", "/cases/HS-C/checklist", session=tung)
    check(st == 404, "nor another officer's checklist")

    # worklists: an officer its own, as `thuno report worklist`
    st, h, got = srv.request("GET", "/worklist?period=2025-11&officer=O2", session=tung)
    check(st == 200 and got == cli("report", "worklist", "--period", "2025-11", "--officer", "O1",
                                   "--format", "json"), "an officer's worklist is its own")
    st, h, got = srv.request("GET", "/worklist?period=2025-11", session=ha)
    check(st == 200 and got == cli("report", "worklist", "--period", "2025-11", "--format", "json")
          and len(json.loads(got)) == 2, "QLT's worklist is every officer's")
    st, got = srv.json("GET", "/worklist", session=ha)
    check(st == 400, "a worklist without its period: 400")
    # a department's tab: the rows whose next step is the department's, as the CLI's
    whole = json.loads(cli("report", "worklist", "--period", "2025-11", "--format", "json"))
    for dept in ("QLT", "KTTN"):
        st, h, got = srv.request("GET", "/worklist?period=2025-11&department=" + dept, session=ha)
        check(st == 200 and got == cli("report", "worklist", "--period", "2025-11", "--department",
                                       dept, "--format", "json")
              and json.loads(got) == [r for r in whole if r["department"] == dept],
              "the %s worklist is the worklist's rows of %s: %r" % (dept, dept, got[:200]))
    # the rows of no department's tab (OTHER): with QLT's and KTTN's, every row exactly once
    for period in ("2025-10", "2025-11"):
        all_rows = json.loads(cli("report", "worklist", "--period", period, "--format", "json"))
        tabs = []
        for dept in ("QLT", "KTTN", "OTHER"):
            st, got = srv.json("GET", "/worklist?period=%s&department=%s" % (period, dept),
                               session=ha)
            check(st == 200, "the %s tab of %s" % (dept, period))
            tabs += got if st == 200 else []
        key = lambda r: json.dumps(r, sort_keys=True)
        check(all_rows and sorted(map(key, tabs)) == sorted(map(key, all_rows)),
              "the three tabs of %s partition the worklist: %r" % (period, tabs))
    st, got = srv.json("GET", "/worklist?period=2025-11&department=OTHER", session=ha)
    check(st == 200 and got and all(r["department"] not in ("QLT", "KTTN") for r in got),
          "A's step is the court's (its case is sued): in the OTHER tab: %r" % got)
    st, h, got = srv.request("GET", "/worklist?period=2025-11&department=QLT&format=csv",
                             session=ha)
    check(st == 200 and got.startswith(b"officer_code,rank,unit_code"), "a department's CSV")
    st, got = srv.json("GET", "/worklist?period=2025-11&department=XX", session=ha)
    check(st == 400 and error_code(got) == "bad_request", "an unknown department: 400")
    st, got = srv.json("GET", "/reports/balances?period=2025-11&department=QLT", session=ha)
    check(st == 400, "a report not cut by department refuses one: 400")
    refused_each(srv, admin, s, ("kim", "le"), "GET", "/worklist?period=2025-11", None,
                 "worklist.read", "")

    # suspense: QLT and KTTN
    st, got = srv.json("POST", "/suspense/match", ev(period="2025-11"), session=khoa)
    check(st == 200 and got["apply"] is False and got["left"] == len(got["rows"]) == 1
          and got["rows"][0]["txn_id"] == "X1", "suspense matched, not applied: %r" % got)
    table = cli("suspense", "match", "--period", "2025-11").decode().splitlines()
    check(len(table) == 2 and table[1].startswith("X1,"), "the CLI sees the same payment")
    refused_each(srv, admin, s, ("ana", "lan", "kim", "le", "tung"), "POST", "/suspense/match",
                 ev(period="2025-11"), "suspense", "2025-11")
    st, got = srv.json("POST", "/suspense/match", ev(period="November"), session=khoa)
    check(st == 400 and error_code(got) == "malformed", "a match without a period: 400")
    st, got = srv.json("POST", "/suspense/match", ev(period="2025-11", apply=True), session=khoa,
                       csrf="")
    check(st == 403 and error_code(got) == "csrf", "a match without X-CSRF-Token: 403")
    st, got = srv.json("POST", "/suspense/match", ev(period="2025-11", apply=True), session=khoa)
    check(st == 200 and got["applied"] == 0, "nothing to apply")
    check(audited_ok(srv, admin, "khoa", "suspense.match", "2025-11"), "an applied match audited")
    st, got = srv.json("POST", "/suspense/NOPE/assign", ev(unit="A"), session=ha)
    check(st == 404, "an unknown payment: 404")
    refused_each(srv, admin, s, ("lan", "tung"), "POST", "/suspense/X1/assign", ev(unit="A"),
                 "suspense", "X1")
    st, got = srv.json("POST", "/suspense/X1/assign", ev(unit=7), session=ha)
    check(st == 400 and error_code(got) == "malformed", "a unit not a string: 400")
    st, got = srv.json("POST", "/suspense/X1/assign", ev(unit="A"), session=ha)
    check(st == 200 and got == {"txn_id": "X1", "unit_code": "A"}, "QLT assigns the payment")
    check(audited_ok(srv, admin, "ha", "suspense.assign", "X1"), "the assignment is audited")
    st, got = srv.json("POST", "/suspense/X1/assign", ev(unit="A"), session=ha)
    check(st == 409 and error_code(got) == "not_now", "a payment no longer in suspense: 409")

    # the handover: each department its own, the director either
    st, got = srv.json("POST", "/handover/sign", ev(period="2025-11", department="QLT"),
                       session=ha)
    check(st == 200 and got["signed_by"] == "ha" and got["department"] == "QLT"
          and len(got["digest"]) == 64, "QLT signs its list: %r" % got)
    check(audited_ok(srv, admin, "ha", "handover.sign", "2025-11"), "the signature is audited")
    refused_each(srv, admin, s, ("ha", "ana", "kim", "le", "tung"), "POST", "/handover/sign",
                 ev(period="2025-11", department="KTTN"), "handover.sign.KTTN", "2025-11")
    refused_each(srv, admin, s, ("khoa",), "POST", "/handover/sign",
                 ev(period="2025-11", department="QLT"), "handover.sign.QLT", "2025-11")
    st, got = srv.json("POST", "/handover/sign", ev(period="2025-11", department="KTTN"),
                       session=khoa)
    check(st == 200 and got["signed_by"] == "khoa", "KTTN signs its list")
    st, got = srv.json("POST", "/handover/sign", ev(period="2025-11", department="KTTN"),
                       session=lan)
    check(st == 200 and got["signed_by"] == "lan", "the director signs either")
    st, got = srv.json("POST", "/handover/sign", ev(period="2025-11", department="HR"),
                       session=lan)
    check(st == 400 and error_code(got) == "bad_request", "an unknown department: 400")
    st, got = srv.json("POST", "/handover/sign", ev(period="2025-11"), session=lan)
    check(st == 400 and error_code(got) == "malformed", "no department: 400")

    # the statutory calendar: a duty done, by the departments that owe them and the director
    refused_each(srv, admin, s, ("ana", "le", "tung"), "POST", "/calendar/done",
                 ev(duty="reminder_monthly", period="2025-12"), "calendar.done",
                 "reminder_monthly 2025-12")
    st, got = srv.json("POST", "/calendar/done", ev(duty="reminder_monthly", period="2025-12",
                                                    done_on="2025-12-04", note="gửi bưu điện"),
                       session=ha)
    check(st == 200 and got == {"duty": "reminder_monthly", "occurrence": "2025-12",
                                "done_on": "2025-12-04", "done_by": "ha", "note": "gửi bưu điện"},
          "QLT records December's reminders done: %r" % got)
    check(audited_ok(srv, admin, "ha", "calendar.done", "reminder_monthly 2025-12"),
          "the duty done is audited")
    st, got = srv.json("GET", "/reports/calendar?period=2025-12&date=2025-12-05", session=s["tung"])
    done = [x for x in got if x["duty"] == "reminder_monthly"] if st == 200 else []
    check(len(done) == 1 and done[0]["status"] == "done" and done[0]["done_by"] == "ha",
          "the calendar reads it done: %r" % done)
    st, got = srv.json("POST", "/calendar/done", ev(duty="cooperative_report", period="2025-12"),
                       session=lan)
    check(st == 200 and got["done_on"] == "2025-12-05" and got["done_by"] == "lan"
          and got["note"] is None, "the director records a duty done today: %r" % got)
    st, got = srv.json("POST", "/calendar/done", ev(duty="inspection_lists", period="2025-12"),
                       session=s["kim"])
    check(st == 404 and error_code(got) == "not_found", "no quarterly lists in December: 404")
    st, got = srv.json("POST", "/calendar/done", ev(duty="nope", period="2025-12"), session=khoa)
    check(st == 404, "an unknown duty: 404")
    st, got = srv.json("POST", "/calendar/done", ev(duty="reminder_monthly", period="2025-12",
                                                    done_on="2025-12-06"), session=khoa)
    check(st == 422 and error_code(got) == "out_of_range", "done after today: 422")
    st, got = srv.json("POST", "/calendar/done", ev(duty="reminder_monthly", period="2025-12",
                                                    date="2025-12-01"), session=khoa)
    check(st == 400 and error_code(got) == "malformed", "a period and a date: 400")
    st, got = srv.json("POST", "/calendar/done", ev(duty="reminder_monthly"), session=khoa)
    check(st == 400 and error_code(got) == "malformed", "neither a period nor a date: 400")

    # assignments: the admin and QLT
    refused_each(srv, admin, s, ("lan", "khoa", "kim", "le", "tung"), "POST", "/assignments",
                 ev(units=["B"], officer="O2", **{"from": "2025-12-05"}), "assign", "O2")
    st, got = srv.json("POST", "/assignments", ev(units=["B"], officer="ZZ",
                                                  **{"from": "2025-12-05"}), session=admin)
    check(st == 422 and error_code(got) == "rejected" and got["error"]["refused"][0]["unit"] == "B",
          "an unknown officer: 422 with the refused units")
    st, got = srv.json("POST", "/assignments", ev(units=["B"], officer="O2", **{"from": "soon"}),
                       session=admin)
    check(st == 400 and error_code(got) == "malformed", "a malformed day: 400")
    st, got = srv.json("POST", "/assignments", ev(units=["B"], officer="O2",
                                                  **{"from": "2025-12-05"}), session=ha)
    check(st == 200 and got["units"] == 1, "QLT assigns B to O2")
    check(audited_ok(srv, admin, "ha", "assign", "O2"), "the assignment is audited")
    rows = json.loads(cli("report", "assignments", "--format", "json"))
    check(any(r.get("unit_code") == "B" and r.get("officer_code") == "O2" for r in rows),
          "the CLI sees the assignment: %r" % rows)

    # letters: generated synchronously, the PDF in the answer
    st, h, pdf = srv.request("POST", "/letters/c12ts", ev(period="2025-11"), session=ha,
                             csrf=ha.csrf)
    check(st == 200 and h["Content-Type"] == "application/pdf"
          and pdf == cli("letter", "c12ts", "--period", "2025-11", "-o", "-"),
          "the C12-TS notices equal the CLI's PDF")
    check(audited_ok(srv, admin, "ha", "letter", "c12ts"), "a letter run is audited")
    st, got = srv.json("POST", "/letters/c12ts", ev(period="2025-11"), session=ha, csrf="")
    check(st == 403 and error_code(got) == "csrf", "letters without X-CSRF-Token: 403")
    refused_each(srv, admin, s, ("lan", "kim", "le", "tung"), "POST", "/letters/c12ts",
                 ev(period="2025-11"), "letter", "c12ts")
    st, h, pdf = srv.request("POST", "/letters/reminder",
                             ev(period="2025-11", date="2025-12-05", record=True), session=khoa,
                             csrf=khoa.csrf)
    check(st == 200 and pdf[:4] == b"%PDF", "reminders recorded")
    rows = audit_rows(srv, admin, "?user=khoa")
    check(any(r["operation"] == "letter" and r["outcome"] == "ok" and "recorded" in r["summary"]
              for r in rows), "the recorded reminders are audited")
    template = open(os.path.join(os.path.dirname(__file__), "..", "templates",
                                 "card_lock_notice.txt")).read()
    st, h, pdf = srv.request("POST", "/letters/mass",
                             json.dumps({"period": "2025-11", "template": template,
                                         "status": "late,evading"}), session=admin,
                             csrf=admin.csrf)
    check(st == 200 and pdf[:4] == b"%PDF", "mass letters from a template")
    st, got = srv.json("POST", "/letters/mass", ev(period="2025-11", template="{{nosuch}}"),
                       session=admin)
    check(st == 422 and error_code(got) == "rejected", "a bad template: 422")
    st, got = srv.json("POST", "/letters/mass", ev(period="2025-11"), session=admin)
    check(st == 400 and error_code(got) == "malformed", "mass letters without a template: 400")
    st, got = srv.json("POST", "/letters/c12ts", ev(period="2025-11", record=True), session=admin)
    check(st == 400, "record goes with reminders only: 400")
    st, got = srv.json("POST", "/letters/nosuch", ev(period="2025-11"), session=admin)
    check(st == 404, "an unknown letter: 404")


def run_units(srv, s, admin, balances_csv):
    """GET /units and /units/{code}: filters, sorts, pages, scope, bad input."""
    lines = balances_csv.decode().splitlines()
    header = lines[0].split(",")
    bal = {r["unit_code"]: r for r in (dict(zip(header, l.split(","))) for l in lines[1:])}
    st, body = srv.json("GET", "/units", session=admin)
    check(st == 200 and body["period"] == "2025-11" and body["next"] is None,
          "the units, the last closed period by default: %r" % body)
    units = body["units"] if st == 200 else []
    check([u["unit_code"] for u in units] == sorted(bal), "every unit, in code order")
    for u in units:
        b = bal[u["unit_code"]]
        check(u["debt"] == int(b["debt"])
              and "%.1f" % u["months_owed"] == b["months_owed"] and u["bucket"] == b["bucket"]
              and u["legal_status"] == b["legal_status"], "unit %s's balance is the report's"
              % u["unit_code"])
    # pages of one: no overlap, no gap, the cursor opaque
    seen, cursor = [], None
    for _ in range(10):
        st, body = srv.json("GET", "/units?sort=debt&order=desc&limit=1"
                            + ("&cursor=" + cursor if cursor else ""), session=admin)
        check(st == 200 and len(body["units"]) == 1, "a page of one")
        seen += [u["unit_code"] for u in body["units"]]
        cursor = body["next"]
        if not cursor:
            break
    by_debt = sorted(bal, key=lambda c: (-(int(bal[c]["principal_due"])
                                           + int(bal[c]["interest_due"])), c))
    check(seen == by_debt, "pages by debt, descending: %r != %r" % (seen, by_debt))
    st, body = srv.json("GET", "/units?sort=name&q=DONG", session=admin)
    check(st == 200 and [u["unit_code"] for u in body["units"]] == ["B", "C"],
          "the text without accents finds Đồng: %r" % body)
    st, body = srv.json("GET", "/units?type=state", session=admin)
    check(st == 200 and [u["unit_code"] for u in body["units"]] == ["C"], "filter by type")
    st, body = srv.json("GET", "/units?officer=O2&period=2025-10", session=admin)
    check(st == 200 and [u["unit_code"] for u in body["units"]] == ["C"]
          and body["period"] == "2025-10", "filter by officer, a period")
    st, body = srv.json("GET", "/units?officer=O2", session=s["tung"])
    check(st == 200 and {u["unit_code"] for u in body["units"]} == {"A", "B"}
          and all(u["officer_code"] == "O1" for u in body["units"]),
          "an officer lists its own units whatever it asks: %r" % body)
    for bad in ("sort=size", "order=up", "limit=0", "limit=501", "cursor=zz", "period=2025-13",
                "as_of=yesterday"):
        st, body = srv.json("GET", "/units?" + bad, session=admin)
        check(st == 400 and error_code(body) == "bad_request", "GET /units?%s: 400" % bad)
    st, body = srv.json("GET", "/units?office=D99", session=admin)
    check(st == 404, "an unknown office: 404")
    # one unit: the registry and the last balance
    st, body = srv.json("GET", "/units/A", session=admin)
    check(st == 200 and body["name"] == "Công ty TNHH Hải Âu" and body["address"]
          == "12 Lê Lợi, Quận 1" and body["officer_code"] == "O1" and body["tax_code"]
          == "0100000001" and body["balance"]["period"] == "2025-11"
          and body["balance"]["closing"] == int(bal["A"]["closing"]), "unit A: %r" % body)
    st, body = srv.json("GET", "/units/A?as_of=2025-10-30", session=admin)
    check(st == 200 and body["balance"]["period"] == "2025-10", "a unit as known then")
    for name, sess in s.items():
        st, body = srv.json("GET", "/units/A", session=sess)
        check(st == 200, "%s reads unit A" % name)
        st, body = srv.json("GET", "/units", session=sess)
        check(st == 200, "%s lists units" % name)
    st, body = srv.json("GET", "/units/C", session=s["tung"])
    check(st == 404, "an officer does not see another officer's unit")
    st, body = srv.json("GET", "/units/ZZ", session=admin)
    check(st == 404 and error_code(body) == "not_found", "an unknown unit: 404")
    # the list's download: the units report, cut by the same filters, every page
    for q, want in (("", sorted(bal)), ("&type=state", ["C"]), ("&q=DONG&sort=name", ["B", "C"]),
                    ("&sort=debt&order=desc", by_debt), ("&bucket=1-3", None)):
        st, body = srv.json("GET", "/units?limit=500" + q, session=admin)
        st2, rows = srv.json("GET", "/reports/units?format=json" + q, session=admin)
        listed = [u["unit_code"] for u in body["units"]] if st == 200 else None
        check(st2 == 200 and [r["unit_code"] for r in rows] == listed
              and (want is None or listed == want), "the units report%s is the list: %r" % (q, rows))
    st, rows = srv.json("GET", "/reports/units?format=json&officer=O2", session=s["tung"])
    check(st == 200 and {r["unit_code"] for r in rows} == {"A", "B"},
          "an officer downloads its own units whatever it asks: %r" % rows)
    st, h, got = srv.request("GET", "/reports/units?format=csv&type=state", session=admin)
    check(st == 200 and got.startswith(b"unit_code,name,type,status,tax_code"), "the units as CSV")
    st, body = srv.json("GET", "/reports/units?sort=size", session=admin)
    check(st == 400 and error_code(body) == "bad_request", "the units report sorted by nothing: 400")
    st, body = srv.json("GET", "/reports/debtors?period=2025-11&type=state", session=admin)
    check(st == 400, "a report that takes no filter of the list refuses one: 400")
    # the dashboard's series: a row a month closed, each the month's report's figures
    st, plan = srv.json("GET", "/reports/collection_months?from=2025-05&to=2025-12", session=admin)
    st2, debt = srv.json("GET", "/reports/debt_buckets?from=2025-05&to=2025-12", session=admin)
    months = ["2025-%02d" % m for m in range(7, 12)]
    check(st == 200 and st2 == 200 and [r["period"] for r in plan] == months
          and [r["period"] for r in debt] == months, "the months closed: %r %r" % (plan, debt))
    for i, m in enumerate(months if st == st2 == 200 else []):
        _, cp = srv.json("GET", "/reports/collection_plan?period=" + m, session=admin)
        prov = [r for r in cp if r["scope"] == "province"][0]
        check(plan[i]["collected"] == prov["collected"] and plan[i]["plan"] == prov["plan"]
              and plan[i]["collected_pct"] == prov["collected_pct"], "collected in " + m)
        _, dr = srv.json("GET", "/reports/debtors?period=" + m, session=admin)
        check(debt[i]["debt"] == sum(r["debt"] for r in dr) and debt[i]["units"] == len(dr)
              and debt[i]["debt_0"] + debt[i]["debt_1_3"] + debt[i]["debt_3_6"]
              + debt[i]["debt_6_12"] + debt[i]["debt_12_plus"] == debt[i]["debt"],
              "debt by bucket in %s: %r" % (m, debt[i]))
    st, h, got = srv.request("GET", "/reports/debt_buckets?from=2025-07&to=2025-11&format=csv",
                             session=admin)
    check(st == 200 and got.startswith(b"period,units,debt_0,debt_1_3"), "debt_buckets as CSV")
    for bad in ("from=2025-11&to=2025-07", "from=2020-01&to=2025-11", "to=2025-11",
                "from=2025-13&to=2025-14"):
        st, body = srv.json("GET", "/reports/debt_buckets?" + bad, session=admin)
        check(st == 400 and error_code(body) == "bad_request", "debt_buckets?%s: 400" % bad)
    st, body = srv.json("POST", "/units", "{}", session=admin)
    check(st == 405, "POST /units: 405")


def run_ledger(srv, s, admin):
    """A unit's ledger over a range of months (GET /units/{code}/ledger): each month's row is the
    month's balance, in one request; as the CLI's unit_ledger report; cut as the balance is."""
    tung = s["tung"]
    st, rows = srv.json("GET", "/units/A/ledger?from=2025-01&to=2025-12", session=tung)
    check(st == 200 and [r["period"] for r in rows] == ["2025-07", "2025-08", "2025-09", "2025-10",
                                                        "2025-11"],
          "A's ledger of 2025: the months closed: %r" % rows)
    for r in rows if st == 200 else []:
        st, bal = srv.json("GET", "/units/A/balance?period=" + r["period"], session=tung)
        check(st == 200 and bal == r, "the ledger's %s is the month's balance" % r["period"])
    st, h, got = srv.request("GET", "/units/A/ledger?from=2025-08&to=2025-10&format=csv",
                             session=admin)
    check(st == 200 and got == cli("report", "unit_ledger", "--unit", "A", "--from", "2025-08",
                                   "--to", "2025-10"), "the ledger as CSV equals the CLI's")
    st, h, got = srv.request("GET", "/reports/unit_ledger?unit=A&from=2025-08&to=2025-10&format=csv",
                             session=admin)
    check(st == 200 and got == cli("report", "unit_ledger", "--unit", "A", "--from", "2025-08",
                                   "--to", "2025-10"), "the report unit_ledger equals the CLI's")
    st, rows = srv.json("GET", "/units/A/ledger?from=2025-07&to=2025-11&as_of=2025-10-30",
                        session=admin)
    check(st == 200 and [r["period"] for r in rows] == ["2025-07", "2025-08", "2025-09",
                                                        "2025-10"],
          "as known on October 30 (October closed on the 28th): %r" % rows)
    st, rows = srv.json("GET", "/units/A/ledger?from=2025-07&to=2025-11&as_of=2025-09-27",
                        session=admin)
    check(st == 200 and [r["period"] for r in rows] == ["2025-07", "2025-08"],
          "as known on September 27, before September's close: %r" % rows)
    st, got = srv.json("GET", "/units/C/ledger?from=2025-07&to=2025-11", session=tung)
    check(st == 404, "an officer does not read another officer's unit's ledger: %d" % st)
    st, got = srv.json("GET", "/units/ZZ/ledger?from=2025-07&to=2025-11", session=admin)
    check(st == 404, "the ledger of an unknown unit: 404")
    for q in ("", "?from=2025-07", "?from=2025-11&to=2025-07", "?from=2020-01&to=2025-12",
              "?from=07/2025&to=2025-11", "?from=2025-07&to=2025-11&unit=B"):
        st, got = srv.json("GET", "/units/A/ledger" + q, session=admin)
        check(st == 400 and error_code(got) == "bad_request", "GET /units/A/ledger%s: %d" % (q, st))
    for f, kind in (("xlsx", b"PK"), ("pdf", b"%PDF")):
        st, h, got = srv.request("GET", "/units/A/ledger?from=2025-07&to=2025-11&format=" + f,
                                 session=admin)
        check(st == 200 and got.startswith(kind), "the ledger as %s" % f)


def run_contacts(srv, s, admin):
    """Contacts with employers: an officer its own units, QLT and KTTN; the others refused."""
    tung, ha = s["tung"], s["ha"]
    ev = lambda **kw: json.dumps(kw)
    body = ev(kind="call", outcome="hẹn nộp 15/12")
    st, got = srv.json("POST", "/units/A/contacts", body, session=tung, csrf="")
    check(st == 403 and error_code(got) == "csrf", "a contact without X-CSRF-Token: 403")
    st, got = srv.json("POST", "/units/A/contacts", body, session=tung)
    check(st == 201 and got["unit_code"] == "A" and got["day"] == "2025-12-05"
          and got["officer"] == "O1" and got["kind"] == "call" and got["outcome"] == "hẹn nộp 15/12"
          and got["recorded_by"] == "tung" and got["recorded_at"] == NOW
          and got["officer_name"] == "Nguyễn Văn An",
          "an officer records a call with its own unit, its officer named: %r" % got)
    check(audited_ok(srv, admin, "tung", "contact.record", "A"), "the contact is audited")
    st, got = srv.json("POST", "/units/C/contacts", body, session=tung)
    check(st == 404, "an officer may not record for another officer's unit: %d" % st)
    st, got = srv.json("POST", "/units/A/contacts", ev(kind="call", officer="O2"), session=tung)
    check(st == 403 and error_code(got) == "forbidden", "an officer records under its own code")
    st, got = srv.json("POST", "/units/C/contacts", ev(kind="visit", date="2025-12-04"),
                       session=ha)
    check(st == 201 and got["officer"] == "O2" and got["day"] == "2025-12-04",
          "QLT records a visit under the officer in charge: %r" % got)
    for bad in (ev(kind="fax"), ev(kind="call", date="2025-12-06"), ev(kind="call", date="12/2025"),
                ev(outcome="x"), ev(kind=3), "[]"):
        st, got = srv.json("POST", "/units/A/contacts", bad, session=tung)
        check(st in (400, 422) and error_code(got) in ("malformed", "bad_request", "out_of_range"),
              "a bad contact %s: %d %r" % (bad, st, got))
    st, got = srv.json("POST", "/units/ZZ/contacts", body, session=ha)
    check(st == 404, "a contact with an unknown unit: 404")
    refused_each(srv, admin, s, ("ana", "lan", "kim", "le"), "POST", "/units/A/contacts", body,
                 "contact.record", "A")
    # reading: the unit's, every role that sees it; the latest of each unit, cut by the scope
    st, got = srv.json("GET", "/units/A/contacts", session=s["lan"])
    check(st == 200 and [c["kind"] for c in got["contacts"]] == ["call"], "the unit's contacts")
    st, got = srv.json("GET", "/units/C/contacts", session=tung)
    check(st == 404, "an officer does not read another officer's unit's contacts")
    st, got = srv.json("GET", "/contacts", session=tung)
    check(st == 200 and [c["unit_code"] for c in got["contacts"]] == ["A"],
          "an officer's latest contacts are its own units': %r" % got)
    st, got = srv.json("GET", "/contacts", session=admin)
    check(st == 200 and [c["unit_code"] for c in got["contacts"]] == ["A", "C"]
          and [c["officer_name"] for c in got["contacts"]] == ["Nguyễn Văn An", "Trần Thị Bình"],
          "the latest contact of every unit, officers named: %r" % got)
    st, got = srv.json("GET", "/contacts?as_of=2025-12-01", session=admin)
    check(st == 200 and got["contacts"] == [], "as recorded by then: none")
    st, got = srv.json("GET", "/contacts?as_of=someday", session=admin)
    check(st == 400, "a bad as_of: 400")
    # a unit's workers (their declarations) and payments: as the province's files say
    data = os.path.join(os.path.dirname(__file__), "data", "province")
    decl = [l.split(",") for l in open(os.path.join(data, "declarations.csv")).read().splitlines()[1:]]
    pays = [l.split(",") for l in open(os.path.join(data, "payments.csv")).read().splitlines()[1:]]
    st, got = srv.json("GET", "/units/A/workers", session=tung)
    want = sorted((d[1], d[2], d[3], int(d[4]) if d[4] else None) for d in decl if d[0] == "A")
    check(st == 200 and [(w["bhxh_code"], w["from_period"], w["kind"], w["salary"])
                         for w in got["workers"]] == want
          and all(w["full_name"] for w in got["workers"]), "unit A's declarations: %r" % got)
    st, got = srv.json("GET", "/units/A/payments", session=s["lan"])
    want = sorted((p[2], p[0], int(p[3])) for p in pays if p[1] == "A")
    check(st == 200 and [(p["paid_on"], p["txn_id"], p["amount"]) for p in got["payments"]] == want
          and all(0 <= p["allocated"] <= p["amount"] for p in got["payments"] if p["amount"] > 0)
          and any(p["allocation"] for p in got["payments"]), "unit A's payments: %r" % got)
    for path in ("/units/C/workers", "/units/C/payments"):
        st, got = srv.json("GET", path, session=tung)
        check(st == 404, "an officer does not read %s" % path)
    st, got = srv.json("GET", "/units/ZZ/payments", session=admin)
    check(st == 404, "the payments of an unknown unit: 404")
    st, got = srv.json("GET", "/units/A/workers?as_of=never", session=admin)
    check(st == 400, "a bad as_of: 400")
    listed = cli("contact", "list", "--latest").decode().splitlines()
    check(len(listed) == 3 and listed[0].startswith("seq,unit_code,day,officer,kind"),
          "thuno contact list --latest: %r" % listed)


def run_every_report(srv, admin, reg):
    """Every report of the registry as JSON (its rows checked against the OpenAPI document)."""
    served = 0
    for name, rep in sorted(reg.items()):
        q = "?format=json"
        if "period" in rep["flags"] or "year" in rep["flags"]:
            q += "&period=2025-11"
        if "range" in rep["flags"]:
            q += "&from=2025-01-01&to=2025-12-31"
        if "months" in rep["flags"]:
            q += "&from=2025-06&to=2025-11"
        if "case" in rep["flags"]:
            q += "&case=HS-A"
        if "unit" in rep["flags"]:
            q += "&unit=A"
        st, h, data = srv.request("GET", "/reports/" + name + q, session=admin)
        check(st in (200, 400, 404, 409, 422), "report %s: %d %r" % (name, st, data[:200]))
        served += st == 200
    check(served * 4 >= len(reg) * 3, "most reports answer: %d of %d" % (served, len(reg)))
    print("cli_api: %d of %d reports served as JSON" % (served, len(reg)))


# ---- the OpenAPI document against the real answers: the subset of JSON Schema it uses (type,
# type arrays for null, properties, required, items, enum, oneOf, $ref) ----

def schema_errors(doc, schema, value, where):
    while "$ref" in schema:
        node = doc
        for part in schema["$ref"].lstrip("#/").split("/"):
            node = node[part]
        schema = node
    if "oneOf" in schema:
        ok = [s for s in schema["oneOf"] if not schema_errors(doc, s, value, where)]
        return [] if len(ok) == 1 else ["%s: %d of oneOf match" % (where, len(ok))]
    kinds = {"string": lambda v: isinstance(v, str), "boolean": lambda v: isinstance(v, bool),
             "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
             "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
             "null": lambda v: v is None, "object": lambda v: isinstance(v, dict),
             "array": lambda v: isinstance(v, list)}
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(kinds[t](value) for t in types):
            return ["%s: %r is not %s" % (where, value, "|".join(types))]
    if "enum" in schema and value not in schema["enum"]:
        return ["%s: %r not in %r" % (where, value, schema["enum"])]
    errors = []
    if isinstance(value, dict):
        for name in schema.get("required", []):
            if name not in value:
                errors.append("%s: %s missing" % (where, name))
        for name, sub in schema.get("properties", {}).items():
            if name in value:
                errors += schema_errors(doc, sub, value[name], where + "." + name)
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            errors += schema_errors(doc, schema["items"], item, "%s[%d]" % (where, i))
    return errors


def find_path(doc, path):
    """The document's path of a request path: a concrete one first, then a template."""
    if path in doc["paths"]:
        return path
    for p in doc["paths"]:
        if re.fullmatch(re.sub(r"\\\{[^/]*\\\}", "[^/]+", re.escape(p)), path):
            return p
    return None


def check_openapi():
    srv = Server(DB, NOW)
    try:
        st, doc = srv.json("GET", "/openapi.json")
    finally:
        srv.stop()
    check(st == 200 and doc.get("openapi") == "3.1.0", "GET /openapi.json without a session")
    if st != 200:
        return
    schemes = doc["components"]["securitySchemes"]
    check(schemes["session"] == {"type": "apiKey", "in": "cookie", "name": "thuno_session",
                                 "description": schemes["session"]["description"]}
          and schemes["csrf"]["in"] == "header" and schemes["csrf"]["name"] == "X-CSRF-Token",
          "the security schemes: the session cookie and X-CSRF-Token")
    # every route of router.c is in the document
    router = open(os.path.join(os.path.dirname(__file__), "../src/http/router.c")).read()
    routes = re.findall(r'\{"(\w+)",\s*\{([^}]*)\},\s*\d+,\s*\d+,\s*\w+\}', router)
    check(len(routes) >= 12, "the routes of router.c are read: %d" % len(routes))
    documented = {re.sub(r"\{[^/]*\}", "*", p): set(ops) for p, ops in doc["paths"].items()}
    for method, segs in routes:
        path = "/" + "/".join(x.strip().strip('"') for x in segs.split(","))
        check(method.lower() in documented.get(path, ()),
              "route %s %s is in the OpenAPI document" % (method, path))
    # every JSON request body is closed: additionalProperties false, here as in the server
    def closed(schema):
        if "$ref" in schema:
            schema = doc["components"]["schemas"][schema["$ref"].split("/")[-1]]
        if "anyOf" in schema:
            return schema["anyOf"] and all(closed(s) for s in schema["anyOf"])
        return schema.get("type") == "object" and schema.get("additionalProperties") is False
    bodies = 0
    for p, ops in doc["paths"].items():
        for method, op in ops.items():
            for ctype, c in op.get("requestBody", {}).get("content", {}).items():
                if "json" in ctype:
                    bodies += 1
                    check(closed(c["schema"]), "%s %s: its body refuses unknown fields" % (method, p))
    check(bodies >= 10, "the JSON request bodies are described: %d" % bodies)
    # every answer of an endpoint exercised is of its schema
    checked = 0
    for method, path, status, ctype, body in RECORDED:
        p = find_path(doc, path)
        op = doc["paths"].get(p, {}).get(method.lower()) if p else None
        if op is None:
            continue  # unknown routes and methods: answered 404 and 405 by the router
        responses = op["responses"]
        resp = responses.get(str(status), responses.get("default"))
        check(resp is not None, "%s %s %d is documented" % (method, path, status))
        if resp is None:
            continue
        content = resp.get("content", {})
        if status == 431:
            continue  # headers too large: refused by libmicrohttpd before any handler
        check(ctype in content, "%s %s %d: %s is documented (%s)"
              % (method, path, status, ctype, list(content)))
        if "json" not in ctype or ctype not in content:
            continue
        errors = schema_errors(doc, content[ctype]["schema"], json.loads(body),
                               "%s %s %d" % (method, path, status))
        check(not errors, "; ".join(errors[:5]))
        checked += 1
    check(checked > 150, "answers checked against the document: %d" % checked)
    # and the checker does refuse what is not of the schema
    bal = {"$ref": "#/components/schemas/report_balances"}
    check(schema_errors(doc, bal, {"unit_code": 5}, "x")
          and schema_errors(doc, {"$ref": "#/components/schemas/Error"},
                            {"error": {"code": "oops", "message": ""}}, "x")
          and schema_errors(doc, {"type": ["integer", "null"]}, 1.5, "x")
          and not schema_errors(doc, {"type": ["integer", "null"]}, None, "x"),
          "the schema checker refuses wrong types, unknown codes and missing fields")
    print("cli_api: %d answers checked against the OpenAPI document" % checked)


def run_close_conflict(srv):
    st, admin = login(srv, "ana")
    check(st == 200, "the admin logs in on the generated province")
    st, body = srv.json("POST", "/closes", '{"period": "2026-01"}', session=admin)
    check(st == 202, "a close starts")
    job = body.get("id")
    st, body = srv.json("POST", "/closes", '{"period": "2026-01"}', session=admin)
    check(st == 409 and error_code(body) == "close_running" and body["error"]["job"] == job,
          "a second close while one runs: 409")
    seen = []
    for _ in range(1200):
        st, body = srv.json("GET", "/closes/%s" % job, session=admin)
        seen.append((body["status"], body["done"], body["total"]))
        if body["status"] != "running":
            break
        time.sleep(0.02)
    check(body["status"] == "done" and body["done"] == body["total"] > 1000,
          "the close ends with every unit done: %r" % body)
    check(all(d <= t or t == 0 for _, d, t in seen), "progress never passes its total")
    check("units" in body["result"]["summary"], "the result's counts")
    st, body = srv.json("POST", "/closes", '{"period": "2026-01"}', session=admin)
    check(st == 202, "once it ended, a close starts again")
    for _ in range(1200):
        st, body = srv.json("GET", "/closes/%s" % body["id"], session=admin)
        if body["status"] != "running":
            break
        time.sleep(0.02)


def run_streamed(srv):
    """A whole report larger than what the server holds is sent chunked as it is written, the
    same bytes as the CLI's; an error found before its first bytes is still a JSON error. The
    worklist a page at a time: pages that follow one another make the whole list."""
    st, admin = login(srv, "ana")
    env = dict(os.environ, THUNO_NOW="2026-03-01T08:00:00")
    for fmt in ("json", "csv"):
        st, h, got = srv.request("GET", "/reports/balances?period=2026-01&format=" + fmt,
                                 session=admin)
        want = subprocess.run([THUNO, "--db", GEN_DB, "report", "balances", "--period", "2026-01",
                               "--format", fmt], env=env, check=True, capture_output=True).stdout
        check(st == 200 and len(got) > 64 * 1024 and
              h.get("Transfer-Encoding", "").lower() == "chunked",
              "a large report (%s) is streamed: %d %d bytes %r" % (fmt, st, len(got), h.items()))
        check(got == want, "the streamed %s report is the CLI's" % fmt)
    st, body = srv.json("GET", "/reports/balances?format=csv", session=admin)
    check(st == 400 and error_code(body) == "bad_request", "a report without its period: 400")
    st, body = srv.json("GET", "/reports/balances?period=2026-01&limit=5", session=admin)
    check(st == 400 and error_code(body) == "bad_request", "a report that is not paged: 400")
    # the second month closed: units owe months, the worklist has rows
    st, body = srv.json("POST", "/closes", '{"period": "2026-02"}', session=admin)
    for _ in range(3000):
        st, body = srv.json("GET", "/closes/%s" % body["id"], session=admin)
        if body["status"] != "running":
            break
        time.sleep(0.02)
    check(body["status"] == "done", "2026-02 closed: %r" % body)
    st, h, whole = srv.request("GET", "/worklist?period=2026-02", session=admin)
    rows = json.loads(whole)
    check(st == 200 and len(rows) > 3 and "X-Next-Cursor" not in h, "the whole worklist")
    limit = len(rows) // 3 + 1
    pages, cursor = [], None
    for _ in range(10):
        st, h, data = srv.request("GET", "/worklist?period=2026-02&limit=%d%s" % (
            limit, "&cursor=" + cursor if cursor else ""), session=admin)
        check(st == 200, "a worklist page: %d" % st)
        pages.append(json.loads(data))
        cursor = h.get("X-Next-Cursor")
        if not cursor:
            break
    check(len(pages) == 3 and all(len(p) <= limit for p in pages) and sum(pages, []) == rows,
          "the worklist's pages make the whole list: %r" % [len(p) for p in pages])
    # pages of one row: every officer's first and last row a page's edge, ranks kept
    pages, cursor = [], None
    for _ in range(len(rows) + 1):
        st, h, data = srv.request("GET", "/worklist?period=2026-02&limit=1%s" % (
            "&cursor=" + cursor if cursor else ""), session=admin)
        pages.append(json.loads(data))
        cursor = h.get("X-Next-Cursor")
        if st != 200 or not cursor:
            break
    check(sum(pages, []) == rows and len({r["officer_code"] for r in rows}) > 1,
          "the worklist's pages of one row make the whole list")
    for bad in ("limit=0", "limit=501", "limit=x", "cursor=bogus", "cursor=p", "cursor=p-1"):
        st, body = srv.json("GET", "/worklist?period=2026-02&" + bad, session=admin)
        check(st == 400 and error_code(body) == "bad_request", "worklist " + bad + ": 400")


main()
