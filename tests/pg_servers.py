"""Two `thuno serve` on one PostgreSQL database (tests/pg_servers.sh): the same answers, one
session table, each other's changes, and two closes at once leaving one ledger.
usage: pg_servers.py THUNO DB_URL WORKDIR"""
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from api_client import Server  # noqa: E402

thuno, db, work = sys.argv[1:4]
NOW = "2026-01-05T09:00:00"
a = Server(thuno, db, NOW, os.path.join(work, "a.log"))
b = Server(thuno, db, NOW, os.path.join(work, "b.log"))
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def psql(sql):
    return subprocess.run(["psql", "-X", "-At", "-d", db, "-c", sql], check=True,
                          capture_output=True, text=True).stdout.strip()


try:
    # one session table: logged in at A, the session works at B; logged out at B, gone at A
    st, admin = a.login("ana", "mật khẩu quản trị")
    check(st == 200, "login at A")
    for path in ("/reports/balances?period=2025-11", "/reports/debtors?period=2025-11",
                 "/units?period=2025-11", "/units/A/balance?period=2025-11",
                 "/reports/pc_report?period=2025-11&format=csv"):
        sa, _, da = a.request("GET", path, session=admin)
        sb, _, db_ = b.request("GET", path, session=admin)
        check(sa == 200 and sb == 200 and da == db_, "the same answer from A and B: " + path)
    # a change at A is seen at B
    st, qlt = b.login("ha", "qlt-password-1")
    check(st == 200, "login at B")
    st, c = a.json("POST", "/units/A/contacts", json.dumps({"kind": "call", "note": "qua A"}),
                   session=qlt)
    check(st == 201, "contact recorded at A: %s %s" % (st, c))
    st, lst = b.json("GET", "/units/A/contacts", session=admin)
    check(st == 200 and any(x.get("note") == "qua A" for x in lst.get("contacts", [])),
          "the contact recorded at A is listed at B")
    # two closes of December at once, one on each server: one ledger
    st1, j1 = a.json("POST", "/closes", '{"period": "2025-12"}', session=admin)
    st2, j2 = b.json("POST", "/closes", '{"period": "2025-12"}', session=admin)
    check(st1 == 202 and st2 == 202, "both closes started: %s %s" % (j1, j2))
    ends = []
    for srv, job in ((a, j1), (b, j2)):
        for _ in range(600):
            st, body = srv.json("GET", "/closes/%s" % job["id"], session=admin)
            if body.get("status") != "running":
                break
            time.sleep(0.1)
        ends.append(body)
    print("the two closes:", [(e.get("status"), e.get("result")) for e in ends])
    ok = [e for e in ends if e.get("status") == "done"]
    busy = [e for e in ends if e.get("status") == "failed" and
            e.get("result", {}).get("code") == "TN_ERR_STATE"]
    check(len(ok) >= 1 and len(ok) + len(busy) == 2, "the closes ended done or busy: %s" % ends)
    dup = psql("SELECT count(*) FROM (SELECT unit_code, digest FROM unit_close WHERE period = "
               "'2025-12' GROUP BY unit_code, digest HAVING count(*) > 1) x")
    check(dup == "0", "no unit closed twice alike for 2025-12 (%s)" % dup)
    runs = int(psql("SELECT count(*) FROM close_run WHERE period = '2025-12'"))
    check(runs == len(ok), "one close run per close done (%d runs, %d done)" % (runs, len(ok)))
    path = "/reports/balances?period=2025-12"
    sa, _, da = a.request("GET", path, session=admin)
    sb, _, db_ = b.request("GET", path, session=admin)
    check(sa == 200 and da == db_, "December's balances alike on A and B")
    # the audit log is the database's: both servers' entries in one sequence
    st, log = a.json("GET", "/audit?unit=2025-12", session=admin)
    closes = [e for e in log if "close" in e.get("operation", "")]
    check(st == 200 and len(closes) >= 2, "both servers' closes in one audit log: %s" % log)
    seqs = [e["seq"] for e in log]
    check(seqs == sorted(set(seqs)), "one sequence of audit entries")
    st, _, _ = b.request("DELETE", "/session", session=admin, csrf=admin.csrf)
    check(st == 200, "logout at B")
    st, _, _ = a.request("GET", "/units?period=2025-11", session=admin)
    check(st == 401, "the session ended at B is gone at A (%d)" % st)
finally:
    a.stop()
    b.stop()
if failures:
    sys.exit("%d failures" % len(failures))
print("ok: two servers on one PostgreSQL database")
