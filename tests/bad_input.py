#!/usr/bin/env python3
"""The bad-input catalogue (issue 17, docs/reliability.md): every row of the tables in
tests/data/bad_input/ is one kind of bad input with the clear error it must get, and the store's
digest (api_client.digest) must be the same after it as before: nothing written.

- csv.tsv: a file imported by the CLI (exit 65, "in.csv:LINE:COLUMN: message") and by the API
  (POST /api/v1/imports/KIND: 422 bad_rows naming the same line and column);
- cli.tsv: a command line (its exit status, the kind of error, a fragment of the message);
- api.tsv: a request (its HTTP status, the stable error code, a fragment of the message).

usage: bad_input.py THUNO DB WORKDIR   (BAD_INPUT_PRINT=1 prints every answer)
"""
import json
import os
import re
import shlex
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from api_client import Server, digest, error_code, error_message  # noqa: E402

THUNO, DB, WORK = sys.argv[1:4]
NOW = "2025-12-05T09:00:00"
TABLES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "bad_input")
PRINT = os.environ.get("BAD_INPUT_PRINT") == "1"
HEADERS = {
    "units": "unit_code,tax_code,name,type,status,status_since,parent_code,province_code,"
             "office_code,wage_region,officer_code,payment_cycle,registered_on,address,union_chair",
    "workers": "bhxh_code,full_name,birth_date,gender,id_number",
    "declarations": "unit_code,bhxh_code,from_period,kind,salary,funds,declared_on,reason",
    "payments": "txn_id,unit_code,paid_on,amount,channel,memo,bhxh_code,case_id,reverses",
    "officers": "officer_code,full_name,department,office_code,active",
    "registry": "tax_code,name,province_code,registered_on,status,reported_employees",
    "case_events": "case_id,seq,unit_code,event,date,amount,outcome,office,note",
    "case_plans": "case_id,seq,due_on,amount",
    "inspections": "inspection_id,unit_code,concluded_on,decision_no,body,inspector,"
                   "amount_underdeclared,amount_unpaid,workers_unregistered,fine_amount,remedy_by,"
                   "note",
    "assignments": "unit_code,officer_code,from_date,actor,reason",
    "collection_plans": "period,scope,scope_code,amount",
}
EXIT_CLASS = {64: "usage", 65: "data", 69: "unavailable", 70: "internal"}
failures = 0
checked = {"csv": 0, "cli": 0, "api": 0}


def check(cond, what):
    global failures
    if not cond:
        failures += 1
        print("bad_input: FAIL: " + what, file=sys.stderr)


def table(name):
    """The rows of tests/data/bad_input/NAME.tsv as lists of fields (comments and blanks out)."""
    rows = []
    with open(os.path.join(TABLES, name), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                rows.append(line.split("\t"))
    return rows


def expand(text, kind=None):
    """A table's cell as bytes: {H}, {rep:C:N}, then \\n \\r \\t \\xHH \\\\ escapes."""
    if kind:
        text = text.replace("{H}", HEADERS[kind])
    text = re.sub(r"\{rep:(.):(\d+)\}", lambda m: m.group(1) * int(m.group(2)), text)
    out = bytearray()
    raw = text.encode("utf-8")
    i = 0
    while i < len(raw):
        if raw[i:i + 1] == b"\\" and i + 1 < len(raw):
            c = raw[i + 1:i + 2]
            if c == b"x":
                out.append(int(raw[i + 2:i + 4], 16))
                i += 4
                continue
            out += {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"\\": b"\\"}.get(c, b"\\" + c)
            i += 2
            continue
        out.append(raw[i])
        i += 1
    return bytes(out)


def cli(args, cwd=WORK, db=DB):
    env = dict(os.environ, THUNO_NOW=NOW)
    p = subprocess.run([THUNO, "--db", db] + args, env=env, cwd=cwd, capture_output=True,
                       stdin=subprocess.DEVNULL)
    return p.returncode, p.stderr.decode("utf-8", "replace"), p.stdout


def run_csv_cli():
    for name, kind, content, line, column, fragment in table("csv.tsv"):
        data = expand(content, kind)
        with open(os.path.join(WORK, "in.csv"), "wb") as f:
            f.write(data)
        before = digest(DB)
        rc, err, _ = cli(["import", kind, "in.csv"])
        if PRINT:
            print("csv %s: %d %s" % (name, rc, err.strip()))
        where = "in.csv:%s:%s" % (line, column + ":" if column else "")
        check(rc == 65, "csv %s: exit 65, got %d: %s" % (name, rc, err))
        check(where in err and fragment in err,
              "csv %s: %r and %r in %r" % (name, where, fragment, err))
        check("nothing imported" in err, "csv %s: says nothing was imported" % name)
        check(digest(DB) == before, "csv %s: the CLI wrote nothing" % name)
        checked["csv"] += 1


def run_csv_api(srv, admin):
    for name, kind, content, line, column, fragment in table("csv.tsv"):
        data = expand(content, kind)
        before = digest(DB)
        st, body = srv.json("POST", "/imports/" + kind, data, session=admin)
        if PRINT:
            print("api csv %s: %d %s" % (name, st, json.dumps(body, ensure_ascii=False)[:300]))
        check(st == 422 and error_code(body) == "bad_rows",
              "api csv %s: 422 bad_rows, got %d %r" % (name, st, body))
        rows = body["error"].get("rows", []) if error_code(body) == "bad_rows" else []
        check(rows and rows[0]["line"] == int(line) and (rows[0].get("column") or "") == column
              and fragment in rows[0]["message"],
              "api csv %s: the first row is line %s column %r with %r: %r"
              % (name, line, column, fragment, rows[:1]))
        check(digest(DB) == before, "api csv %s: the API wrote nothing" % name)
        checked["api"] += 1


def run_cli():
    for name, args, rc_want, klass, fragment in table("cli.tsv"):
        args = [a.replace("{work}", WORK) for a in shlex.split(args)]
        db = DB
        if args[0] == "--db":
            db, args = args[1], args[2:]
        before = digest(DB)
        rc, err, out = cli(args, db=db)
        if PRINT:
            print("cli %s: %d %s" % (name, rc, err.strip()[:300]))
        check(rc == int(rc_want) and EXIT_CLASS.get(rc) == klass,
              "cli %s: exit %s (%s), got %d: %s" % (name, rc_want, klass, rc, err[:300]))
        check(fragment in err, "cli %s: %r in %r" % (name, fragment, err[:500]))
        check(digest(DB) == before, "cli %s: nothing written" % name)
        checked["cli"] += 1


def run_api(srv, sessions):
    for name, user, method, path, body, opts, status, code, fragment in table("api.tsv"):
        session = sessions.get(user)
        opts = opts.split(",") if opts else []
        csrf = None
        if "nocsrf" in opts:
            csrf = ""
        data = expand(body) if body else None
        before = digest(DB)
        st, got = srv.json(method, path, data, session=session, csrf=csrf)
        if PRINT:
            print("api %s: %d %s" % (name, st, json.dumps(got, ensure_ascii=False)[:300]
                                     if isinstance(got, dict) else got[:100]))
        check(st == int(status) and error_code(got) == code,
              "api %s: %s %s, got %d %r" % (name, status, code, st,
                                             got if isinstance(got, dict) else got[:200]))
        check(fragment in error_message(got),
              "api %s: %r in %r" % (name, fragment, error_message(got)))
        check(digest(DB) == before, "api %s: nothing written" % name)
        checked["api"] += 1


def main():
    run_csv_cli()
    run_cli()
    srv = Server(THUNO, DB, NOW, os.path.join(WORK, "serve.log"))
    try:
        sessions = {}
        for login, password in (("ana", "mật khẩu quản trị"), ("ha", "qlt-password-1"),
                                ("tung", "officer-pass-1")):
            st, sess = srv.login(login, password)
            check(st == 200, "%s logs in" % login)
            sessions[login] = sess
        run_csv_api(srv, sessions["ana"])
        run_api(srv, sessions)
    finally:
        rc = srv.stop()
        check(rc == 0, "the server stops with 0")
    log = open(os.path.join(WORK, "serve.log"), encoding="utf-8", errors="replace").read()
    check("AddressSanitizer" not in log and "TN_ERR" not in log, "a clean server log: " + log[-500:])
    total = sum(checked.values())
    print("bad_input: %d kinds checked (%d CSV files by the CLI, %d command lines, %d requests)"
          % (total, checked["csv"], checked["cli"], checked["api"]))
    check(total >= 60, "60 or more kinds of bad input")
    if failures:
        raise SystemExit("bad_input: %d failures" % failures)
    print("bad_input: ok")


main()
