#!/usr/bin/env python3
"""The API and the web UI against a hostile user (issue 17 item 5, docs/reliability.md
"Security"): authentication bypass, an officer reaching another officer's unit, role
escalation on every state-changing endpoint, CSRF, XSS, SQL injection through every filter,
sort and cursor, path traversal, oversized uploads, session fixation, passwords never stored or
logged in clear, and an audit log no interface can change. Each refusal leaves the store's
digest (api_client.digest) unchanged.

usage: api_security.py THUNO DB WORKDIR
"""
import json
import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from api_client import (Server, Session, StoreError, digest, error_code, execute,  # noqa: E402
                        is_pg)
from api_client import rows as store_rows  # noqa: E402

THUNO, DB, WORK = sys.argv[1:4]
NOW = "2025-12-05T09:00:00"
HERE = os.path.dirname(os.path.abspath(__file__))
PASSWORDS = {"ana": "mật khẩu quản trị", "lan": "giam-doc-2025", "ha": "qlt-password-1",
             "khoa": "kttn-password-1", "kim": "ttkt-password-1", "le": "legal-password-1",
             "tung": "officer-pass-1"}
ROLES = {"ana": "admin", "lan": "director", "ha": "qlt", "khoa": "kttn", "kim": "ttkt",
         "le": "legal", "tung": "officer"}
XSS = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'
failures = 0
counts = {}


def check(cond, what, group="other"):
    global failures
    counts[group] = counts.get(group, 0) + 1
    if not cond:
        failures += 1
        print("api_security: FAIL: " + what, file=sys.stderr)


def forged(token):
    return Session(token, "0" * 64, None)


def unchanged(srv, what, group, fn):
    """fn() under a digest: the store must be the same after."""
    before = digest(DB)
    fn()
    check(digest(DB) == before, what + ": nothing written", group)


def run_auth(srv, s):
    g = "authentication"
    # no cookie, forged cookies, a token of another shape
    for token in (None, "", "0" * 64, "A" * 64, "x" * 5000, "' OR '1'='1", "../../etc/passwd",
                  s["ana"].token[:-1] + ("0" if s["ana"].token[-1] != "0" else "1"),
                  s["ana"].token.upper() if s["ana"].token != s["ana"].token.upper() else "z"):
        sess = forged(token) if token is not None else None
        for path in ("/units", "/units/A/balance?period=2025-11", "/audit", "/reports"):
            st, body = srv.json("GET", path, session=sess)
            check(st == 401 and error_code(body) == "unauthenticated",
                  "GET %s with the cookie %r: 401, got %d" % (path, (token or "")[:20], st), g)
        unchanged(srv, "a forged session's import", g, lambda: check(
            srv.json("POST", "/imports/officers", "officer_code\nO9\n", session=sess,
                     csrf="0" * 64)[0] == 401, "a forged session cannot import", g))
    # the session id in the query or a header other than the cookie is not a session
    tok = s["ana"].token
    for path, headers in (("/units?thuno_session=" + tok, {}),
                          ("/units", {"Authorization": "Bearer " + tok}),
                          ("/units", {"X-Session": tok})):
        st, _, _ = srv.request("GET", path, headers=headers)
        check(st == 401, "the token outside the cookie is no session: %s %r" % (path, headers), g)
    # a logged-out session's token
    st, bye = srv.login("lan", PASSWORDS["lan"])
    st, _ = srv.json("DELETE", "/session", session=bye)
    check(st == 200, "logout", g)
    for path in ("/units", "/closes/1"):
        st, body = srv.json("GET", path, session=bye)
        check(st == 401, "a logged-out session's token: 401 on %s" % path, g)
    st, body = srv.json("DELETE", "/session", session=bye)
    check(st == 401, "a logged-out session cannot log out again", g)
    # an expired session: the same store served a day later (sessions last hours)
    st, old = srv.login("lan", PASSWORDS["lan"])
    late = Server(THUNO, DB, "2025-12-07T09:00:00", os.path.join(WORK, "late.log"))
    try:
        st, body = late.json("GET", "/units", session=old)
        check(st == 401 and error_code(body) == "unauthenticated", "an expired session: 401", g)
    finally:
        late.stop()


def run_fixation(srv):
    g = "session fixation"
    chosen = "ab" * 32
    st, headers, data = srv.request("POST", "/session",
                                    json.dumps({"login": "kim", "password": PASSWORDS["kim"]}),
                                    headers={"Cookie": "thuno_session=" + chosen})
    check(st == 200, "login with a cookie given before", g)
    new = headers["Set-Cookie"].split(";")[0].split("=", 1)[1]
    check(new != chosen and len(new) >= 32, "login issues a new session id, not the given one", g)
    st, _ = srv.json("GET", "/units", session=forged(chosen))
    check(st == 401, "the id given before login is never adopted", g)
    st, again = srv.login("kim", PASSWORDS["kim"])
    check(again.token != new and again.csrf != json.loads(data)["csrf"],
          "each login a new session id and CSRF token", g)
    cookie = headers["Set-Cookie"]
    check("HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/api/v1" in cookie,
          "the cookie is HttpOnly, SameSite=Strict, Path=/api/v1: " + cookie, g)
    return again


def run_csrf(srv, s):
    g = "CSRF"
    admin, other = s["ana"], s["ha"]
    good = "officer_code,full_name,department,office_code,active\nO9,Lê Văn Mới,QLT,,1\n"
    for name, csrf in (("missing", ""), ("wrong", "0" * 64), ("another session's", other.csrf),
                       ("the session token", admin.token), ("truncated", admin.csrf[:32]),
                       ("upper case", admin.csrf.upper()), ("with a space", admin.csrf + " ")):
        unchanged(srv, "an import with a %s CSRF token" % name, g, lambda: check(
            srv.json("POST", "/imports/officers", good, session=admin, csrf=csrf)[0] == 403,
            "an import with a %s CSRF token: 403" % name, g))
    # the token in the query or a form field does not count; every state-changing route needs it
    for method, path, body in (("POST", "/closes", '{"period": "2025-12"}'),
                               ("POST", "/assignments",
                                '{"units": ["B"], "officer": "O2", "from": "2025-12-05"}'),
                               ("POST", "/suspense/match", '{"period": "2025-11", "apply": true}'),
                               ("POST", "/letters/c12ts", '{"period": "2025-11"}'),
                               ("POST", "/handover/sign",
                                '{"period": "2025-11", "department": "QLT"}'),
                               ("POST", "/cases/HS-A/events",
                                '{"event": "published", "day": "2025-12-04", "unit": "A"}'),
                               ("POST", "/users",
                                '{"login": "x9", "password": "long-enough-9", "role": "admin"}'),
                               ("POST", "/users/tung/password", '{"password": "long-enough-9"}'),
                               ("POST", "/users/tung/disable", None),
                               ("DELETE", "/session", None)):
        sess = s["ha"] if "assign" in path or "handover" in path or "letters" in path \
            or "suspense" in path else (s["le"] if "cases" in path else admin)
        unchanged(srv, "%s %s without CSRF" % (method, path), g, lambda: check(
            srv.json(method, path + "?csrf=" + sess.csrf, body, session=sess, csrf="")[0] == 403,
            "%s %s without X-CSRF-Token (the token in the query): 403" % (method, path), g))


# every state-changing endpoint (and the privileged reads): a valid body, the roles allowed
ESCALATION = [
    ("POST", "/imports/officers",
     "officer_code,full_name,department,office_code,active\nO9,Lê Văn Mới,QLT,,1\n", {"ana"}),
    ("POST", "/closes", '{"period": "2025-12"}', {"ana"}),
    ("GET", "/closes/1", None, {"ana", "lan"}),
    ("GET", "/audit", None, {"ana", "lan", "kim"}),
    ("POST", "/cases/HS-A/events", '{"event": "published", "day": "2025-12-04", "unit": "A"}',
     {"le", "tung"}),
    ("POST", "/cases/HS-A/registers/fee", '{"day": "2025-12-04", "amount": 300000}', {"le"}),
    ("GET", "/cases/HS-A/documents/fine_proposal", None, {"lan", "le"}),
    ("POST", "/assignments", '{"units": ["B"], "officer": "O2", "from": "2025-12-05"}',
     {"ana", "ha"}),
    ("POST", "/suspense/match", '{"period": "2025-11", "apply": true}', {"ha", "khoa"}),
    ("POST", "/suspense/P9/assign", '{"unit": "A"}', {"ha", "khoa"}),
    ("POST", "/handover/sign", '{"period": "2025-11", "department": "QLT"}', {"ha", "lan"}),
    ("POST", "/handover/sign", '{"period": "2025-11", "department": "KTTN"}', {"khoa", "lan"}),
    ("POST", "/letters/c12ts", '{"period": "2025-11"}', {"ana", "ha", "khoa"}),
    ("POST", "/units/A/contacts", '{"kind": "call", "date": "2025-12-04"}', {"ha", "khoa", "tung"}),
    ("GET", "/users", None, {"ana"}),
    ("POST", "/users", '{"login": "x9", "password": "long-enough-9", "role": "admin"}', {"ana"}),
    ("POST", "/users/tung/password", '{"password": "long-enough-9"}', {"ana"}),
    ("POST", "/users/lan/disable", None, {"ana"}),
]


def run_escalation(srv, s):
    g = "role escalation"
    for method, path, body, allowed in ESCALATION:
        for name in sorted(set(ROLES) - allowed):
            def go():
                st, got = srv.json(method, path, body, session=s[name])
                check(st == 403 and error_code(got) == "forbidden",
                      "%s (%s) may not %s %s: got %d %r" % (name, ROLES[name], method, path, st,
                                                            got if isinstance(got, dict) else ""),
                      g)
            unchanged(srv, "%s %s by %s" % (method, path, name), g, go)
    # users are managed by user.manage alone (above); no endpoint changes a user otherwise, nor
    # the policy, whatever the role
    for method, path in (("PUT", "/users/ana"), ("PATCH", "/users/ana"), ("POST", "/policy"),
                         ("DELETE", "/users/ana")):
        unchanged(srv, "%s %s" % (method, path), g, lambda: check(
            srv.json(method, path, '{"login": "x", "role": "admin"}', session=s["tung"])[0]
            in (404, 405), "%s %s does not exist" % (method, path), g))


def run_officer_scope(srv, s):
    g = "officer scope"
    tung = s["tung"]
    for path in ("/units/C", "/units/C/balance?period=2025-11", "/units/C/explain?period=2025-11",
                 "/units/c", "/units/C%20", "/units/C/balance?period=2025-11&office=",
                 "/cases/HS-C", "/cases/HS-C/checklist", "/units/C/contacts"):
        st, body = srv.json("GET", path, session=tung)
        check(st in (403, 404) and "Đồng" not in json.dumps(body, ensure_ascii=False)
              and "C" != (body.get("unit_code") if isinstance(body, dict) else None),
              "an officer does not reach another officer's unit: GET %s: %d %r" % (path, st, body),
              g)
    for path in ("/units?officer=O2", "/units?officer=O2%27%20OR%20%271%27=%271",
                 "/units?office=&officer=", "/units?q=C", "/worklist?officer=O2",
                 "/reports/worklist?period=2025-11&officer=O2"):
        st, body = srv.json("GET", path, session=tung)
        units = body.get("units", []) if isinstance(body, dict) else body
        codes = {u.get("unit_code") for u in units} if isinstance(units, list) else set()
        check(st in (200, 400, 403) and not codes - {"A", "B"},
              "an officer's lists hold its own units only: GET %s: %d %r" % (path, st, codes), g)
    st, body = srv.json("GET", "/cases", session=tung)
    text = json.dumps(body, ensure_ascii=False)
    check(st == 200 and "HS-C" not in text, "the case board of an officer has no other unit's case",
          g)
    for method, path, body in (
            ("POST", "/cases/HS-C/events", '{"event": "reminder_sent", "day": "2025-12-01", '
                                          '"unit": "C"}'),
            ("POST", "/cases/HS-A/events", '{"event": "reminder_sent", "day": "2025-12-01", '
                                          '"unit": "C"}'),
            ("POST", "/cases/HS-NEW/events", '{"event": "reminder_sent", "day": "2025-12-01", '
                                            '"unit": "C"}'),
            ("POST", "/units/C/contacts", '{"kind": "visit", "date": "2025-12-01"}'),
            ("POST", "/units/A/contacts", '{"kind": "call", "date": "2025-12-01", '
                                          '"officer": "O2"}')):
        unchanged(srv, "an officer's %s" % path, g, lambda: check(
            srv.json(method, path, body, session=tung)[0] in (403, 404, 422),
            "an officer records nothing on another officer's unit: %s %s" % (path, body), g))


SQLI = ["'", "''", "\"", "' OR '1'='1", "' OR 1=1--", "A'--", "A';--", "1; DROP TABLE unit;--",
        "' UNION SELECT login, pwhash, 1, 1, 1, 1, 1, 1, 1, 1, 1 FROM app_user--",
        "\" UNION SELECT * FROM app_session--", "%", "_", "\\", "A%00", "') OR ('a'='a",
        "1' AND sqlite_version()--", "$(id)", "{{7*7}}"]
SQL_WORDS = ("$argon2", "syntax error", "no such column", "no such table", "unrecognized token",
             "sqlite_error", "sql logic", "incomplete input", "does not exist", "unterminated",
             "invalid input syntax", "pg_catalog")
# every filter, sort and cursor parameter of the reading endpoints
SQLI_PARAMS = [
    ("/units", ["office", "officer", "bucket", "legal_status", "type", "q", "sort", "order",
                "cursor", "period", "as_of", "limit"]),
    ("/units/A", ["as_of"]),
    ("/units/A/balance?period=2025-11", ["as_of", "office"]),
    ("/reports/balances?period=2025-11", ["office", "officer", "as_of", "format", "lang"]),
    ("/reports/balances", ["period"]),
    ("/reports/litigation", ["from", "to"]),
    ("/audit", ["unit", "user", "from", "to"]),
    ("/cases", ["state", "office", "as_of"]),
    ("/worklist", ["officer", "period"]),
]


def run_sqli(srv, s):
    g = "SQL injection"
    admin = s["ana"]
    before = digest(DB)
    n = 0
    for base, params in SQLI_PARAMS:
        for p in params:
            for v in SQLI:
                sep = "&" if "?" in base else "?"
                path = base + sep + p + "=" + urllib.parse.quote(v, safe="")
                st, h, data = srv.request("GET", path, session=admin)
                n += 1
                text = data.decode("utf-8", "replace").lower()
                # the error may quote the value; it never shows a hash or the database's words
                ok = st in (200, 400, 404) and not any(w in text for w in SQL_WORDS)
                if st == 200 and p in ("q", "officer", "office", "bucket", "legal_status",
                                       "type", "unit", "user") and base in ("/units", "/audit"):
                    body = json.loads(data)
                    rows = body["units"] if isinstance(body, dict) else body
                    # an injected filter matches nothing (LIKE wildcards are text, not patterns)
                    ok = ok and rows == []
                check(ok, "GET %s: 400, 404 or an ordinary empty answer, got %d %r"
                      % (path, st, data[:200]), g)
    # path segments too
    for v in SQLI:
        for path in ("/units/%s", "/units/%s/balance?period=2025-11", "/cases/%s",
                     "/reports/%s?period=2025-11", "/closes/%s"):
            st, h, data = srv.request("GET", path % urllib.parse.quote(v, safe=""), session=admin)
            n += 1
            check(st in (400, 404), "GET %s: 400 or 404, got %d" % (path % v, st), g)
    check(digest(DB) == before, "%d injected requests wrote nothing" % n, g)
    check(int(store_rows(DB, "SELECT count(*) FROM unit")[0][0]) >= 3, "the units are all there",
          g)


def run_traversal(srv, s):
    g = "path traversal"
    raw = ["/assets/../../../../etc/passwd", "/assets/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
           "/assets/..%2f..%2f..%2fetc%2fpasswd", "/assets/..\\..\\..\\etc\\passwd",
           "/assets/%2e%2e%5c%2e%2e%5cetc%5cpasswd", "/../../../etc/passwd", "/%2e%2e/etc/passwd",
           "/assets/app.js/../../../etc/passwd", "/assets//etc/passwd", "/assets/%00app.js",
           "/units/../../etc/passwd", "/api/v1/../../../etc/passwd",
           "/api/v1/cases/HS-A/documents/..%2f..%2f..%2fetc%2fpasswd",
           "/api/v1/cases/HS-A/documents/../../../../etc/passwd",
           "/api/v1/reports/..%2f..%2fetc%2fpasswd?period=2025-11", "/api/v1/%2e%2e/%2e%2e/etc/passwd",
           "/assets/../../src/http/server.c", "/web/index.html", "/.git/config", "/thuno.db",
           "/api/v1/../" + os.path.basename(DB)]
    for path in raw:
        for sess in (None, s["ana"]):
            st, h, data = srv.request("GET", path, session=sess, raw_path=True)
            check(st in (400, 401, 404) and b"root:" not in data and b"#include" not in data
                  and b"SQLite format" not in data and b"[core]" not in data,
                  "GET %s: 400, 401 or 404 and no file, got %d %r" % (path, st, data[:80]), g)


def run_nul(srv):
    """A NUL in the path ends it (libmicrohttpd decodes it): at most the embedded file before
    it, with its own type, never another file."""
    g = "path traversal"
    st, h, data = srv.request("GET", "/assets/app.js", raw_path=True)
    for path in ("/assets/app.js%00.png", "/assets/app.js%00/../../../etc/passwd"):
        st2, h2, data2 = srv.request("GET", path, raw_path=True)
        check(st2 == 404 or (st2 == 200 and data2 == data
                             and h2["Content-Type"] == h["Content-Type"]),
              "GET %s: 404 or app.js itself, got %d" % (path, st2), g)


def run_oversized(srv, s):
    g = "oversized uploads"
    admin = s["ana"]
    for method, path, size in (("POST", "/session", 64 * 1024 + 1),
                               ("POST", "/closes", 100 * 1024),
                               ("POST", "/cases/HS-A/events", 64 * 1024 + 1),
                               ("POST", "/imports/payments", 32 * 1024 * 1024 + 1)):
        unchanged(srv, "%s %s of %d bytes" % (method, path, size), g, lambda: check(
            srv.request(method, path, b"x" * size, session=admin, csrf=admin.csrf)[0] == 413,
            "%s %s of %d bytes: 413" % (method, path, size), g))
    # a Content-Length far above the limit is answered 413 without waiting for the body
    t0 = time.time()
    with socket.create_connection(("127.0.0.1", srv.port), timeout=20) as sock:
        sock.sendall(b"POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: "
                     b"application/json\r\nContent-Length: 1099511627776\r\n\r\n{\"login\"")
        data = b""
        try:
            while b"\r\n\r\n" not in data:
                chunk = sock.recv(4096)
                if not chunk:
                    break
                data += chunk
        except socket.timeout:
            pass
    check(data.startswith(b"HTTP/1.1 413") and time.time() - t0 < 10,
          "a declared 1 TiB body: 413 at once, got %r after %.1f s" % (data[:40], time.time() - t0),
          g)
    # chunked uploads are bounded too
    with socket.create_connection(("127.0.0.1", srv.port), timeout=30) as sock:
        sock.sendall(b"POST /api/v1/session HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked"
                     b"\r\n\r\n")
        chunk = b"%x\r\n%s\r\n" % (8192, b"x" * 8192)
        try:
            for _ in range(10):
                sock.sendall(chunk)
            sock.sendall(b"0\r\n\r\n")
        except OSError:
            pass
        data = b""
        try:
            while b"\r\n\r\n" not in data:
                c = sock.recv(4096)
                if not c:
                    break
                data += c
        except socket.timeout:
            pass
    check(data.startswith(b"HTTP/1.1 413"), "a chunked body over 64 KiB: 413, got %r" % data[:40], g)


def strings(v):
    """Every string of a JSON value."""
    if isinstance(v, str):
        return [v]
    if isinstance(v, dict):
        return [x for k in v.values() for x in strings(k)]
    if isinstance(v, list):
        return [x for k in v for x in strings(k)]
    return []


def run_xss(srv, s):
    g = "XSS"
    admin = s["ana"]
    units = ("unit_code,tax_code,name,type,status,status_since,parent_code,province_code,"
             "office_code,wage_region,officer_code,payment_cycle,registered_on,address,"
             "union_chair\n"
             'X1,0100000077,"%s",private,active,,,79,,1,O1,1,2025-01-01,"%s",\n'
             % (XSS.replace('"', '""'), XSS.replace('"', '""')))
    st, body = srv.json("POST", "/imports/units", units, session=admin)
    check(st == 200, "a unit named with markup is imported: %d %r" % (st, body), g)
    pays = ("txn_id,unit_code,paid_on,amount,channel,memo,bhxh_code,case_id,reverses\n"
            'PX1,,2025-11-20,1000,transfer,"%s",,,\n' % XSS.replace('"', '""'))
    st, body = srv.json("POST", "/imports/payments", pays, session=admin)
    check(st == 200, "a payment whose memo is markup is imported: %d %r" % (st, body), g)
    for path in ("/units/X1", "/units?q=script", "/reports/suspense?period=2025-11&format=json",
                 "/reports/suspense_review?period=2025-11&format=json"):
        st, h, data = srv.request("GET", path, session=admin)
        check(st == 200 and h["Content-Type"].startswith("application/json")
              and h["X-Content-Type-Options"] == "nosniff",
              "GET %s: JSON, nosniff: %d %s" % (path, st, h["Content-Type"]), g)
        check(XSS in strings(json.loads(data)),
              "GET %s: the markup comes back as data, whole" % path, g)
        check(b'"><img' not in data.replace(b'\\"><img', b""),
              "GET %s: its quote is JSON-escaped (no string is closed by the data)" % path, g)
    st, h, data = srv.request("GET", "/reports/suspense?period=2025-11&format=csv", session=admin)
    check(st == 200 and "text/csv" in h["Content-Type"], "the CSV is served as text/csv", g)
    # the web UI: pages built with DOM text nodes only, and a policy refusing inline scripts
    assets = os.path.join(HERE, "..", "web", "assets")
    for f in sorted(os.listdir(assets)):
        if f.endswith(".js"):
            code = re.sub(r"//[^\n]*", "", open(os.path.join(assets, f), encoding="utf-8").read())
            for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write",
                         "eval(", "new Function", "srcdoc", "javascript:"):
                check(sink not in code, "web/assets/%s renders no data as HTML (%s)" % (f, sink), g)
    st, h, data = srv.request("GET", "/units/X1", raw_path=True)
    csp = h.get("Content-Security-Policy", "")
    check(st == 200 and "script-src 'self'" in csp and "unsafe-inline" not in csp
          and h.get("X-Frame-Options") == "DENY", "the app shell's policy: no inline script", g)


def run_secrets(srv, s, log):
    g = "secrets"
    blobs = {}
    for suffix in ("", "-wal", "-journal"):
        if not is_pg(DB) and os.path.exists(DB + suffix):
            blobs[os.path.basename(DB + suffix)] = open(DB + suffix, "rb").read()
    blobs["the server's log"] = open(log, "rb").read()
    blobs["the store's dump"] = store_dump().encode()
    hashes = [r[0] for r in store_rows(DB, "SELECT pwhash FROM app_user")]
    check(all(h.startswith("$argon2id$") for h in hashes), "every password is an Argon2id hash", g)
    for where, data in blobs.items():
        for name, pw in PASSWORDS.items():
            check(pw.encode() not in data, "%s's password is not in %s" % (name, where), g)
        for name, sess in s.items():
            check(sess.token.encode() not in data, "%s's session token is not in %s" % (name, where),
                  g)


def store_dump():
    """Everything the store holds as text: SQLite's .dump, or pg_dump of the database (its
    files are the PostgreSQL server's)."""
    if not is_pg(DB):
        con = sqlite3.connect(DB)
        try:
            return "\n".join(con.iterdump())
        finally:
            con.close()
    return subprocess.run(["pg_dump", "--no-owner", "--dbname=" + DB], check=True,
                          capture_output=True, encoding="utf-8").stdout


# the statements that would change the audit log behind the API's back, in each engine's SQL:
# an update, deletes, a replacement of an entry (INSERT OR REPLACE, REPLACE INTO; ON CONFLICT DO
# UPDATE, TRUNCATE on PostgreSQL), each refused by the triggers or the key
AUDIT_TAMPER = ("UPDATE audit SET outcome = 'ok'", "DELETE FROM audit",
                "DELETE FROM audit WHERE seq = 1", "UPDATE audit SET actor = 'x' WHERE seq = 1")
AUDIT_TAMPER_SQLITE = ("INSERT OR REPLACE INTO audit SELECT * FROM audit WHERE seq = 1",
                       "REPLACE INTO audit (seq, at, actor, operation, target, outcome, summary) "
                       "VALUES (1, 'x', 'x', 'x', 'x', 'x', 'x')")
AUDIT_TAMPER_PG = ("INSERT INTO audit SELECT * FROM audit WHERE seq = 1 "
                   "ON CONFLICT (seq) DO UPDATE SET actor = 'x'",
                   "INSERT INTO audit (seq, at, actor, operation, target, outcome, summary) "
                   "VALUES (1, 'x', 'x', 'x', 'x', 'x', 'x')", "TRUNCATE audit")


def run_audit_immutable(srv, s):
    g = "audit log"
    admin = s["ana"]
    before = store_rows(DB, "SELECT * FROM audit ORDER BY seq")
    check(len(before) > 10, "the audit log has entries", g)
    for method in ("POST", "PUT", "PATCH", "DELETE"):
        for path in ("/audit", "/audit/1", "/audit?unit=officers"):
            st, body = srv.json(method, path, '{"outcome": "ok"}', session=admin)
            check(st in (404, 405), "%s %s: 404 or 405, got %d" % (method, path, st), g)
    for stmt in AUDIT_TAMPER + (AUDIT_TAMPER_PG if is_pg(DB) else AUDIT_TAMPER_SQLITE):
        try:
            execute(DB, stmt)
            refused = False
        except StoreError as e:
            refused = any(w in str(e) for w in ("append-only", "UNIQUE", "duplicate key"))
        check(refused, "the store refuses %r" % stmt, g)
    env = dict(os.environ, THUNO_NOW=NOW)
    for args in (["audit", "--delete", "1"], ["audit", "--clear"], ["audit", "edit", "1"]):
        p = subprocess.run([THUNO, "--db", DB] + args, env=env, capture_output=True)
        check(p.returncode == 64, "thuno %s: a usage error" % " ".join(args), g)
    after = store_rows(DB, "SELECT * FROM audit ORDER BY seq")
    check(after[:len(before)] == before, "no audit entry changed", g)


def main():
    log = os.path.join(WORK, "serve.log")
    srv = Server(THUNO, DB, NOW, log)
    try:
        s = {}
        for name in ROLES:
            st, sess = srv.login(name, PASSWORDS[name])
            check(st == 200, "%s logs in" % name)
            s[name] = sess
        # a case of each officer's unit to reach
        ev = '{"event": "reminder_sent", "day": "2025-11-15", "unit": "%s"}'
        for case, unit in (("HS-A", "A"), ("HS-C", "C")):
            st, _ = srv.json("POST", "/cases/%s/events" % case, ev % unit, session=s["le"])
            check(st == 201, "legal opens " + case)
        run_auth(srv, s)
        s["kim"] = run_fixation(srv)
        run_csrf(srv, s)
        run_escalation(srv, s)
        run_officer_scope(srv, s)
        run_sqli(srv, s)
        run_traversal(srv, s)
        run_nul(srv)
        run_oversized(srv, s)
        run_xss(srv, s)
        run_audit_immutable(srv, s)
        st, _ = srv.json("GET", "/units", session=s["ana"])
        check(st == 200, "the server still answers")
    finally:
        rc = srv.stop()
        check(rc == 0, "the server stops with 0")
    run_secrets(srv, s, log)
    text = open(log, encoding="utf-8", errors="replace").read()
    check("AddressSanitizer" not in text and "runtime error" not in text, "a clean log: " + text[-400:])
    print("api_security: " + ", ".join("%s %d" % kv for kv in counts.items()))
    if failures:
        raise SystemExit("api_security: %d failures" % failures)
    print("api_security: ok")


main()
