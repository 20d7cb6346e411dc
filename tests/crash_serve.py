#!/usr/bin/env python3
"""Crash safety of the server (issue 17 item 3, docs/reliability.md "Crash safety"): `thuno
serve` killed with SIGKILL at random points while it writes, on the store crash_serve.sh made.

- import: `POST /imports/payments` (the province's payments file) killed after a random delay
  up to 1.3 times its clean run's time;
- close: `POST /closes` for the eighth month (the seven before closed by the CLI) killed while
  its job runs (the same window, up to the job's end as `GET /closes/{id}` reports it);
- burst: a client's sequence of small changes (case events by legal, contacts by QLT,
  assignments by the admin) killed at a random point of it.

After each kill the store (api_client.dump: every table, the audit log included) must be
exactly the store before or after the request, for the burst exactly the store after one of
its prefixes (so every change is there with its audit entry and no entry without its change);
the server must start again on the same store and answer; a request killed before its commit,
re-sent (the burst: the rest of it), must leave exactly the clean run's store.

usage: crash_serve.py THUNO DB WORKDIR   (CRASH_RUNS, CRASH_BUDGET, CRASH_SEED: crash_serve.sh)
"""
import csv
import json
import os
import glob
import random
import re
import shutil
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from api_client import Server, is_pg, psql, wait_closed  # noqa: E402
from api_client import dump as dump_all  # noqa: E402

THUNO, DB, WORK = sys.argv[1:4]
NOW = os.environ.get("THUNO_NOW", "2026-11-05T08:00:00")
RUNS = int(os.environ.get("CRASH_RUNS", "10"))
BUDGET = int(os.environ.get("CRASH_BUDGET", "9"))
SEED = int(os.environ.get("CRASH_SEED", str(os.getpid())))
rng = random.Random(SEED)
LOG = os.path.join(WORK, "serve.log")


def dump(db):
    """api_client.dump, but the import batch's file name masked: the server writes the body to
    a temporary file of a random name and the batch records that name (docs/reliability.md)."""
    return re.sub(r"/tmp/thuno_import_\w{6}", "/tmp/thuno_import_XXXXXX", dump_all(db))


def leftovers():
    return set(glob.glob("/tmp/thuno_import_*"))


def fail(what):
    print("crash_serve (CRASH_SEED=%d): %s" % (SEED, what), file=sys.stderr)
    try:
        sys.stderr.write("the server's log:\n" + open(LOG, errors="replace").read()[-2000:])
    except OSError:
        pass
    sys.exit(1)


def pg_admin(sql):
    """SQL run on the PostgreSQL test server of DB, connected to its database "postgres"."""
    psql(re.sub(r"^(postgres(?:ql)?:///)[^?]*", r"\1postgres", DB), sql)


def pg_name(url):
    return re.match(r"postgres(?:ql)?:///([^?]*)", url).group(1)


def restore(snap):
    """The store DB made the file SNAP and its write-ahead log, if it has one (on PostgreSQL:
    the database DB made again from the database SNAP)."""
    if is_pg(DB):
        wait_closed(DB)
        pg_admin('DROP DATABASE IF EXISTS "%s" WITH (FORCE)' % pg_name(DB))
        pg_admin('CREATE DATABASE "%s" TEMPLATE "%s"' % (pg_name(DB), snap))
        return
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(DB + suffix):
            os.remove(DB + suffix)
    shutil.copyfile(snap, DB)
    if os.path.exists(snap + "-wal"):
        shutil.copyfile(snap + "-wal", DB + "-wal")


def snapshot(name):
    """A copy of the store (the server stopped), its write-ahead log beside it if any (on
    PostgreSQL: a database made from DB, its name returned)."""
    if is_pg(DB):
        copy = "%s_%s" % (pg_name(DB)[:50], name)
        wait_closed(DB)
        pg_admin('DROP DATABASE IF EXISTS "%s"' % copy)
        pg_admin('CREATE DATABASE "%s" TEMPLATE "%s"' % (copy, pg_name(DB)))
        return copy
    path = os.path.join(WORK, name + ".db")
    shutil.copyfile(DB, path)
    if os.path.exists(DB + "-wal"):
        shutil.copyfile(DB + "-wal", path + "-wal")
    return path


def start():
    return Server(THUNO, DB, NOW, LOG)


def stop(srv):
    rc = srv.stop()
    wait_closed(DB)
    if rc != 0:
        fail("the server stopped with %d" % rc)


def kill(srv):
    """The server killed; on PostgreSQL, once the server processes of its connections have
    ended its transactions (committed or rolled back), as a killed SQLite writer's are."""
    srv.proc.kill()
    srv.proc.wait(timeout=60)
    srv.logf.close()
    wait_closed(DB)


def sessions():
    """The three users logged in once, their sessions kept in the store: every run starts from
    a store that has them, so no login (and its audit entry) differs between runs."""
    srv = start()
    s = {}
    for name, pw in (("an", "admin-password-1"), ("le", "legal-password-1"),
                     ("ha", "qlt-password-1")):
        st, got = srv.login(name, pw)
        if st != 200:
            fail("login %s: %d %r" % (name, st, got))
        s[name] = got
    stop(srv)
    return s


def answers(srv, s):
    """The server answers a read of the store with a session of before the kill."""
    st, got = srv.json("GET", "/units?limit=1", session=s["an"])
    if st != 200:
        fail("the server restarted on the store does not answer: %d %r" % (st, got))


def over_budget(t0, i):
    return BUDGET > 0 and time.time() - t0 >= BUDGET and i >= 4


def in_thread(fn):
    """FN run on a thread that swallows the connection error of a killed server."""
    box = {}

    def run():
        try:
            box["result"] = fn()
        except Exception as e:  # the server died under the request
            box["error"] = e
    th = threading.Thread(target=run, daemon=True)
    th.start()
    return th, box


def kill_runs(name, snap, before, after, send, rerun, dur):
    """Restores SNAP, starts the server, runs SEND on a thread, kills the server after a random
    delay up to 1.3 times DUR seconds, and checks the store against BEFORE and AFTER (dumps);
    from BEFORE, RERUN(server) on a restarted server must give AFTER."""
    n_before = n_after = 0
    t0 = time.time()
    window = int(dur * 1300) + 20
    i = 0
    while i < RUNS and not over_budget(t0, i):
        restore(snap)
        srv = start()
        delay = rng.randrange(window)
        tmp = leftovers()
        th, _ = in_thread(lambda: send(srv))
        time.sleep(delay / 1000)
        kill(srv)
        th.join(60)
        left[name] = left.get(name, 0) + len(leftovers() - tmp)
        try:
            now = dump(DB)
        except Exception as e:
            fail("%s: the store does not open after a kill at %d ms: %s" % (name, delay, e))
        srv = start()
        answers(srv, S)
        if now == before:
            n_before += 1
            rerun(srv)
            stop(srv)
            if dump(DB) != after:
                fail("%s: the re-run after a kill at %d ms differs from a clean run:\n%s"
                     % (name, delay, difference(after, dump(DB))))
        elif now == after:
            n_after += 1
            stop(srv)
        else:
            stop(srv)
            fail("%s: killed at %d ms, the store is neither before nor after:\n%s"
                 % (name, delay, difference(after, now)))
        i += 1
    print("crash_serve: %s: %d kills (0-%d ms): %d before, %d after, each exact; "
          "temporary files left in /tmp: %d" % (name, i, window, n_before, n_after, left[name]))


def difference(want, got):
    a, b = want.splitlines(), got.splitlines()
    sa, sb = set(a), set(b)
    lines = ["- " + x for x in a if x not in sb][:10] + ["+ " + x for x in b if x not in sa][:10]
    return "\n".join(lines)


def post_ok(srv, path, body, session, want=(200, 201, 202)):
    st, got = srv.json("POST", path, body, session=session)
    if st not in want:
        fail("POST %s: %d %r" % (path, st, got))
    return got


# --- the store with its sessions
left = {}
S = sessions()
base = snapshot("base")
payments = open(os.path.join(WORK, "gen", "payments.csv"), "rb").read()

# 1. an import of payments through the API
restore(base)
before = dump(DB)
srv = start()
t = time.time()
got = post_ok(srv, "/imports/payments", payments, S["an"], (200,))
dur = time.time() - t
stop(srv)
after = dump(DB)
if before == after:
    fail("the import changed nothing: %r" % got)
kill_runs("import", base, before, after,
          lambda srv: srv.json("POST", "/imports/payments", payments, session=S["an"]),
          lambda srv: post_ok(srv, "/imports/payments", payments, S["an"], (200,)), dur)
restore(base)
srv = start()
post_ok(srv, "/imports/payments", payments, S["an"], (200,))
stop(srv)


# 2. a close job: the months before closed by the CLI
def cli_close(month):
    env = dict(os.environ, THUNO_NOW=NOW)
    p = subprocess.run([THUNO, "--db", DB, "close", month], env=env, capture_output=True)
    if p.returncode != 0:
        fail("close %s: %s" % (month, p.stderr.decode(errors="replace")))


for m in ("03", "04", "05", "06", "07", "08", "09"):
    cli_close("2026-" + m)
closed = snapshot("closed")


def close_job(srv, must=True):
    """POST /closes for 2026-10 and its job polled to its end: done, else fail (MUST)."""
    st, got = srv.json("POST", "/closes", json.dumps({"period": "2026-10"}), session=S["an"])
    if st != 202:
        if must:
            fail("POST /closes: %d %r" % (st, got))
        return
    while True:
        st, job = srv.json("GET", "/closes/%s" % got["id"], session=S["an"])
        if st == 200 and job.get("status") != "running":
            break
        time.sleep(0.002)
    if job.get("status") != "done" and must:
        fail("the close job ended %r" % job)


before = dump(DB)
srv = start()
t = time.time()
close_job(srv)
dur = time.time() - t
stop(srv)
after = dump(DB)
kill_runs("close", closed, before, after, lambda srv: close_job(srv, False), close_job, dur)

# 3. a burst of small changes: case events (legal), contacts (QLT), assignments (the admin)
restore(base)
rows = list(csv.DictReader(open(os.path.join(WORK, "gen", "units.csv"))))
units = [r["unit_code"] for r in rows]
in_charge = {r["unit_code"]: r["officer_code"] for r in rows}
officers = [r["officer_code"]
            for r in csv.DictReader(open(os.path.join(WORK, "gen", "officers.csv")))]
burst = []
for k in range(6):
    u = units[k * 7 % len(units)]
    burst.append(("/cases/HS-K%d/events" % k, {"event": "reminder_sent", "day": "2026-11-0%d"
                  % (k % 4 + 1), "unit": u, "note": "đôn đốc lần 1"}, "le"))
    burst.append(("/units/%s/contacts" % units[k * 11 % len(units) + 1],
                  {"kind": ("call", "visit", "letter")[k % 3], "outcome": "hẹn nộp %d" % k},
                  "ha"))
    u = units[k * 5 + 2]
    o = [x for x in officers if x != in_charge[u]][k % (len(officers) - 1)]
    burst.append(("/assignments", {"units": [u], "officer": o, "from": "2026-11-05",
                                   "reason": "chia lại"}, "an"))
prefixes = [dump(DB)]
srv = start()
t = time.time()
for path, body, who in burst:
    post_ok(srv, path, json.dumps(body), S[who])
    prefixes.append(dump(DB))
dur = time.time() - t
stop(srv)
if len(set(prefixes)) != len(prefixes):
    fail("two prefixes of the burst leave the same store")


def send_burst(srv, start_at=0, must=False):
    for path, body, who in burst[start_at:]:
        if must:
            post_ok(srv, path, json.dumps(body), S[who])
        else:
            srv.json("POST", path, json.dumps(body), session=S[who])


# the dumps above cost time between the changes: the window is the burst's time alone
restore(base)
srv = start()
t = time.time()
send_burst(srv, 0, True)
dur = time.time() - t
stop(srv)
if dump(DB) != prefixes[-1]:
    fail("the burst run twice from the same store differs")
window = int(dur * 1300) + 20
n = {}
t0 = time.time()
i = 0
while i < RUNS and not over_budget(t0, i):
    restore(base)
    srv = start()
    delay = rng.randrange(window)
    th, _ = in_thread(lambda: send_burst(srv))
    time.sleep(delay / 1000)
    kill(srv)
    th.join(60)
    now = dump(DB)
    if now not in prefixes:
        fail("burst: killed at %d ms, the store is no prefix of the changes:\n%s"
             % (delay, difference(prefixes[-1], now)))
    k = prefixes.index(now)
    n[k] = n.get(k, 0) + 1
    srv = start()
    answers(srv, S)
    send_burst(srv, k, True)
    stop(srv)
    if dump(DB) != prefixes[-1]:
        fail("burst: the rest of it after a kill at %d ms (%d done) differs from a clean run:\n%s"
             % (delay, k, difference(prefixes[-1], dump(DB))))
    i += 1
print("crash_serve: burst of %d changes: %d kills (0-%d ms): changes done at the kill %s, "
      "each exact" % (len(burst), i, window,
                      ", ".join("%d: %d" % (k, n[k]) for k in sorted(n))))
print("crash_serve: ok (CRASH_SEED=%d)" % SEED)
