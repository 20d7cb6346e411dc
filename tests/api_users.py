#!/usr/bin/env python3
"""Users managed over the API (docs/api.md "Users"): only user.manage (the admin) lists, adds,
sets a password, changes a role, office and officer in place, disables and enables users, each change audited (and each refusal, and each
failure); bad bodies are 400 with stable codes and write nothing; a password follows the CLI's
policy and no hash is ever answered; a user added over the API logs in, a disabled one does
not. Then officers by name (docs/api.md "Officers"): the units list, a unit and
GET /officers carry officers.csv's full_name beside the code.

usage: api_users.py THUNO DB WORKDIR
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from api_client import Server, digest, error_code  # noqa: E402
from api_client import rows as store_rows  # noqa: E402

THUNO, DB, WORK = sys.argv[1:4]
NOW = "2025-12-05T09:00:00"
PASSWORDS = {"ana": "mật khẩu quản trị", "lan": "giam-doc-2025", "ha": "qlt-password-1",
             "khoa": "kttn-password-1", "kim": "ttkt-password-1", "le": "legal-password-1",
             "tung": "officer-pass-1"}
failures = 0
checks = 0


def check(cond, what):
    global failures, checks
    checks += 1
    if not cond:
        failures += 1
        print("api_users: FAIL: " + what, file=sys.stderr)


def audit(srv, admin, target):
    st, rows = srv.json("GET", "/audit?unit=" + target, session=admin)
    check(st == 200, "the audit log of %s" % target)
    return rows if isinstance(rows, list) else []


def has_entry(rows, actor, operation, outcome):
    return any(r["actor"] == actor and r["operation"] == operation and r["outcome"] == outcome
               for r in rows)


def run_auth(srv, s):
    admin = s["ana"]
    st, body = srv.json("GET", "/users", session=admin)
    # init's administrator, then province.sh's users
    check(st == 200 and [u["login"] for u in body["users"]] ==
          sorted(list(PASSWORDS) + ["admin"]), "the admin lists the users by login: %r" % body)
    check(all(set(u) == {"login", "role", "office", "officer", "disabled", "created", "changed"}
              for u in body["users"]), "a user's fields, never its hash")
    check("argon2" not in json.dumps(body), "no hash in the list")
    tung = [u for u in body["users"] if u["login"] == "tung"][0]
    check(tung["role"] == "officer" and tung["officer"] == "O1" and tung["disabled"] == "no",
          "tung is the officer O1: %r" % tung)
    # every other role is refused every route, audited, nothing written
    routes = (("GET", "/users", None), ("GET", "/users/tung", None),
              ("POST", "/users", '{"login": "x1", "password": "long-enough-1", "role": "admin"}'),
              ("POST", "/users/tung/password", '{"password": "long-enough-1"}'),
              ("POST", "/users/tung/role", '{"role": "qlt"}'),
              ("POST", "/users/tung/disable", None), ("POST", "/users/tung/enable", None))
    for name in ("lan", "ha", "khoa", "kim", "le", "tung"):
        for method, path, body in routes:
            before = digest(DB)
            st, got = srv.json(method, path, body, session=s[name])
            check(st == 403 and error_code(got) == "forbidden",
                  "%s may not %s %s: %d" % (name, method, path, st))
            check(digest(DB) == before, "%s %s by %s: nothing written" % (method, path, name))
        st, rows = srv.json("GET", "/audit?user=" + name, session=admin)
        check(any(r["operation"] == "user.manage" and r["outcome"] == "refused" for r in rows),
              "%s's refusal is audited" % name)
    # without a session: 401; without the CSRF token: 403
    st, got = srv.json("GET", "/users")
    check(st == 401, "no session: 401")
    st, got = srv.json("POST", "/users", '{"login": "x1", "password": "long-enough-1", '
                       '"role": "admin"}', session=admin, csrf="0" * 64)
    check(st == 403 and error_code(got) == "csrf", "a wrong CSRF token: 403 csrf")


def run_bad_bodies(srv, s):
    admin = s["ana"]
    bad = (
        ("/users", "not json", 400, "malformed"),
        ("/users", "[]", 400, "malformed"),
        ("/users", '{"login": "x1", "password": "long-enough-1"}', 400, "malformed"),
        ("/users", '{"login": 5, "password": "long-enough-1", "role": "qlt"}', 400, "malformed"),
        ("/users", '{"login": "x1", "password": "long-enough-1", "role": "qlt", "pasword": "a"}',
         400, "unknown_field"),
        ("/users", '{"login": "x1", "password": "long-enough-1", "role": "king"}', 400,
         "bad_request"),
        ("/users", '{"login": "x 1", "password": "long-enough-1", "role": "qlt"}', 400,
         "bad_request"),
        ("/users", '{"login": "x1", "password": "short", "role": "qlt"}', 400, "bad_request"),
        ("/users", '{"login": "x1", "password": "long-enough-1", "role": "officer"}', 400,
         "bad_request"),
        ("/users", '{"login": "x1", "password": "long-enough-1", "role": "qlt", '
         '"office": "NOWHERE"}', 404, "not_found"),
        ("/users", '{"login": "ha", "password": "long-enough-1", "role": "qlt"}', 409,
         "conflict"),
        ("/users/tung/password", '{}', 400, "malformed"),
        ("/users/tung/password", '{"password": "short"}', 400, "bad_request"),
        ("/users/tung/password", '{"password": "long-enough-1", "role": "admin"}', 400,
         "unknown_field"),
        ("/users/nobody/password", '{"password": "long-enough-1"}', 404, "not_found"),
        ("/users/tung/disable", '{"why": "x"}', 400, "unknown_field"),
        ("/users/nobody/disable", None, 404, "not_found"),
        ("/users/ana/disable", None, 400, "bad_request"),
    )
    for path, body, status, code in bad:
        before = digest(DB)
        st, got = srv.json("POST", path, body, session=admin)
        check(st == status and error_code(got) == code,
              "POST %s %r: %d %s, got %d %r" % (path, body, status, code, st, got))
        check(digest(DB) == before, "POST %s %r: nothing written" % (path, body))
        check("long-enough-1" not in json.dumps(got), "no password in an answer")
    rows = audit(srv, admin, "x1")
    check(has_entry(rows, "ana", "user.add", "failed"), "a failed add is audited: %r" % rows)
    check(all("long-enough-1" not in r["summary"] and "short" not in r["summary"]
              for r in rows), "no password in the audit log")
    check(has_entry(audit(srv, admin, "ana"), "ana", "user.disable", "failed"),
          "disabling oneself is refused and audited")
    st, got = srv.json("GET", "/users/nobody", session=admin)
    check(st == 404 and error_code(got) == "not_found", "an unknown user: 404")
    st, got = srv.json("PUT", "/users/ana", "{}", session=admin)
    check(st == 405, "PUT /users/ana: 405")


def run_changes(srv, s):
    admin = s["ana"]
    # an officer of O2 added, who logs in and sees its own units
    st, u = srv.json("POST", "/users", json.dumps(
        {"login": "binh", "password": "mật khẩu của Bình", "role": "officer", "officer": "O2",
         "office": None}), session=admin)
    check(st == 201 and u.get("login") == "binh" and u.get("role") == "officer"
          and u.get("officer") == "O2" and u.get("disabled") == "no"
          and u.get("created") == NOW, "the officer binh added: %d %r" % (st, u))
    check("argon2" not in json.dumps(u) and "pwhash" not in u, "no hash answered")
    row = store_rows(DB, "SELECT pwhash FROM app_user WHERE login = 'binh'")
    check(row and row[0][0].startswith("$argon2id$"), "the password stored hashed")
    rows = audit(srv, admin, "binh")
    check(has_entry(rows, "ana", "user.add", "ok")
          and any("role=officer" in r["summary"] and "officer=O2" in r["summary"] for r in rows),
          "the add is audited with its role and officer: %r" % rows)
    st, binh = srv.login("binh", "mật khẩu của Bình")
    check(st == 200 and binh.user["role"] == "officer", "binh logs in")
    st, units = srv.json("GET", "/units", session=binh)
    check(st == 200 and [x["unit_code"] for x in units["units"]] == ["C"],
          "binh sees its unit C: %r" % units)
    st, got = srv.json("GET", "/users", session=binh)
    check(st == 403, "binh may not manage users")
    # a QLT user of the province
    st, u = srv.json("POST", "/users", '{"login": "qlt2", "password": "qlt2-password", '
                     '"role": "qlt"}', session=admin)
    check(st == 201 and u["office"] == "" and u["officer"] == "", "qlt2 added: %r" % u)
    # a new password ends binh's sessions; the old one no longer works
    st, u = srv.json("POST", "/users/binh/password", '{"password": "mật khẩu mới của Bình"}',
                     session=admin)
    check(st == 200 and u["login"] == "binh", "binh's password set: %d %r" % (st, u))
    st, got = srv.json("GET", "/units", session=binh)
    check(st == 401, "binh's session ended with the new password")
    st, _ = srv.login("binh", "mật khẩu của Bình")
    check(st == 401, "the old password no longer works")
    st, binh = srv.login("binh", "mật khẩu mới của Bình")
    check(st == 200, "the new password works")
    check(has_entry(audit(srv, admin, "binh"), "ana", "user.passwd", "ok"),
          "the password change is audited")
    # disabled: its session ends, it cannot log in; enabled: it can again
    st, u = srv.json("POST", "/users/binh/disable", session=admin)
    check(st == 200 and u["disabled"] == "yes", "binh disabled: %r" % u)
    st, _ = srv.json("GET", "/units", session=binh)
    check(st == 401, "a disabled user's session ends")
    st, _ = srv.login("binh", "mật khẩu mới của Bình")
    check(st == 401, "a disabled user cannot log in")
    st, u = srv.json("POST", "/users/binh/enable", "{}", session=admin)
    check(st == 200 and u["disabled"] == "no", "binh enabled: %r" % u)
    st, _ = srv.login("binh", "mật khẩu mới của Bình")
    check(st == 200, "an enabled user logs in again")
    rows = audit(srv, admin, "binh")
    check(any(r["operation"] == "user.disable" and r["summary"] == "enabled -> disabled"
              for r in rows) and
          any(r["operation"] == "user.enable" and r["summary"] == "disabled -> enabled"
              for r in rows), "disable and enable audited before -> after: %r" % rows)
    # every change audited once, in the transaction that made it
    check(sum(1 for r in rows if r["operation"] == "user.add" and r["outcome"] == "ok") == 1,
          "one entry per change")
    st, body = srv.json("GET", "/users", session=admin)
    check(st == 200 and "binh" in [x["login"] for x in body["users"]], "binh in the list")


def run_roles(srv, s):
    """a user's role, office and officer changed in place (POST /users/{login}/role)"""
    admin = s["ana"]
    st, kim = srv.login("kim", PASSWORDS["kim"])
    check(st == 200 and kim.user["role"] == "ttkt", "kim logs in as TTKT")
    before = digest(DB)
    for body, status, code in (('{"role": "boss"}', 400, "bad_request"),
                               ('{"role": "officer"}', 400, "bad_request"),  # no officer code
                               ('{"role": "qlt", "office": "NOWHERE"}', 404, "not_found"),
                               ('{"office": "D01"}', 400, "malformed"),
                               ('{"role": "qlt", "why": "x"}', 400, "unknown_field"),
                               ('{"role": 3}', 400, "malformed")):
        st, got = srv.json("POST", "/users/kim/role", body, session=admin)
        check(st == status and error_code(got) == code,
              "POST /users/kim/role %s: %d %r" % (body, st, got))
    st, got = srv.json("POST", "/users/nobody/role", '{"role": "qlt"}', session=admin)
    check(st == 404 and error_code(got) == "not_found", "an unknown user: 404")
    # not one's own role (the admin would lock itself out)
    st, got = srv.json("POST", "/users/ana/role", '{"role": "director"}', session=admin)
    check(st == 400 and error_code(got) == "bad_request" and "own role" in json.dumps(got),
          "ana may not change its own role: %d %r" % (st, got))
    check(digest(DB) == before, "refused changes of a role: nothing written")
    # kim becomes the officer O2: its session ends, its next login has the new cut
    st, u = srv.json("POST", "/users/kim/role",
                     json.dumps({"role": "officer", "officer": "O2", "office": None}), session=admin)
    check(st == 200 and u["role"] == "officer" and u["officer"] == "O2" and u["office"] == ""
          and u["changed"] == NOW and u["disabled"] == "no", "kim is the officer O2: %d %r" % (st, u))
    st, _ = srv.json("GET", "/units", session=kim)
    check(st == 401, "kim's session ended with its role")
    st, kim = srv.login("kim", PASSWORDS["kim"])
    check(st == 200 and kim.user["role"] == "officer", "kim logs in as an officer")
    st, units = srv.json("GET", "/units", session=kim)
    check(st == 200 and [x["unit_code"] for x in units["units"]] == ["C"],
          "kim sees O2's unit C: %r" % units)
    rows = audit(srv, admin, "kim")
    check(any(r["operation"] == "user.set" and r["outcome"] == "ok" and r["actor"] == "ana"
              and r["summary"] == "role=ttkt office= officer= -> role=officer office= officer=O2"
              for r in rows), "the change audited before -> after: %r" % rows)
    check(any(r["operation"] == "user.set" and r["outcome"] == "failed" for r in rows),
          "a refused change audited as failed")
    # and back
    st, u = srv.json("POST", "/users/kim/role", '{"role": "ttkt"}', session=admin)
    check(st == 200 and u["role"] == "ttkt" and u["officer"] == "", "kim TTKT again: %r" % u)
    s["kim"] = srv.login("kim", PASSWORDS["kim"])[1]
    # the users report: the admin's alone, never a hash
    st, rows = srv.json("GET", "/reports/users", session=admin)
    check(st == 200 and isinstance(rows, list) and "kim" in [r["login"] for r in rows]
          and "argon2" not in json.dumps(rows), "the users report: %r" % rows)
    for name in ("lan", "ha", "tung"):
        st, got = srv.json("GET", "/reports/users?format=csv", session=s[name])
        check(st == 403, "%s may not read the users report: %d" % (name, st))


def run_officers(srv, s):
    admin = s["ana"]
    st, body = srv.json("GET", "/units?sort=code", session=admin)
    names = {u["unit_code"]: (u["officer_code"], u["officer_name"]) for u in body["units"]}
    check(st == 200 and names == {"A": ("O1", "Nguyễn Văn An"), "B": ("O1", "Nguyễn Văn An"),
                                  "C": ("O2", "Trần Thị Bình")},
          "the units list names the officers: %r" % names)
    st, a = srv.json("GET", "/units/A", session=admin)
    check(st == 200 and a["officer_code"] == "O1" and a["officer_name"] == "Nguyễn Văn An",
          "unit A names its officer: %r" % a)
    st, body = srv.json("GET", "/officers?period=2025-11", session=admin)
    check(st == 200 and body == {"period": "2025-11", "officers": [
        {"officer_code": "O1", "officer_name": "Nguyễn Văn An", "office_code": ""},
        {"officer_code": "O2", "officer_name": "Trần Thị Bình", "office_code": ""}]},
        "the officers of 2025-11: %r" % body)
    st, body = srv.json("GET", "/officers?period=2025-11", session=s["tung"])
    check(st == 200 and [o["officer_code"] for o in body["officers"]] == ["O1"],
          "an officer sees itself only: %r" % body)
    st, body = srv.json("GET", "/officers?period=2024-01", session=admin)
    check(st == 200 and body["officers"] == [], "a period with no balance: no officer")
    for q in ("", "?period=11/2025", "?period=2025-11&as_of=yesterday"):
        st, body = srv.json("GET", "/officers" + q, session=admin)
        check(st == 400 and error_code(body) == "bad_request", "GET /officers%s: 400" % q)
    st, body = srv.json("GET", "/officers?period=2025-11&office=NOWHERE", session=admin)
    check(st == 404, "an unknown office: 404")


def run_openapi(srv):
    st, doc = srv.json("GET", "/openapi.json")
    paths = doc.get("paths", {}) if isinstance(doc, dict) else {}
    check(st == 200 and {"/users", "/users/{login}", "/users/{login}/password",
                         "/users/{login}/disable", "/users/{login}/enable", "/users/{login}/role",
                         "/units/{code}/ledger",
                         "/officers"} <= set(paths), "the OpenAPI document has the users' paths")
    body = paths.get("/users", {}).get("post", {}).get("requestBody", {})
    schema = next(iter(body.get("content", {}).values()), {}).get("schema", {})
    check(schema.get("additionalProperties") is False and
          sorted(schema.get("required", [])) == ["login", "password", "role"],
          "POST /users' body as bodies.c says it: %r" % schema)
    user = doc.get("components", {}).get("schemas", {}).get("User", {})
    check("pwhash" not in json.dumps(user) and "login" in user.get("properties", {}),
          "the User schema: no hash")
    unit = doc.get("components", {}).get("schemas", {}).get("Unit", {})
    check("officer_name" in unit.get("properties", {}), "a unit's officer_name is described")


def main():
    srv = Server(THUNO, DB, NOW, os.path.join(WORK, "serve.log"))
    try:
        s = {}
        for name, pw in PASSWORDS.items():
            st, sess = srv.login(name, pw)
            if st != 200:
                raise SystemExit("api_users: %s cannot log in: %r" % (name, sess))
            s[name] = sess
        run_auth(srv, s)
        run_bad_bodies(srv, s)
        run_changes(srv, s)
        run_roles(srv, s)
        run_officers(srv, s)
        run_openapi(srv)
    finally:
        rc = srv.stop()
    check(rc == 0, "the server stops cleanly")
    log = open(os.path.join(WORK, "serve.log"), encoding="utf-8", errors="replace").read()
    for pw in ("mật khẩu của Bình", "qlt2-password", "long-enough-1"):
        check(pw not in log, "no password in the server's log")
    print("api_users: %d checks, %d failed" % (checks, failures))
    sys.exit(1 if failures else 0)


main()
