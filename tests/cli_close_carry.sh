#!/usr/bin/env bash
# The carried state gives the results of the full replay (docs/ledger.md "Carried state"): a
# generated province is imported month by month as the office would receive it, with some
# payments earmarked for a worker, some bank statements a month late and back-dated
# declarations (gen's own), into two stores; one closes each month from the state the last
# close carried, the other with THUNO_CLOSE_REPLAY=full. Every table the close writes must be
# identical, most units must have been replayed from their state, and a store whose states
# were dropped (as one made before them) must close from the full replay and carry again. One
# close is run again after a late bank statement, from the states of the month before.
# usage: cli_close_carry.sh THUNO_BINARY
set -euo pipefail
thuno=$1
work=$(mktemp -d)
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
here=$(cd "$(dirname "$0")" && pwd)
export THUNO_POLICY=${THUNO_POLICY:-$here/../policy}
export THUNO=$thuno WORK=$work HERE=$here
"$thuno" gen --units 80 --workers 1600 --months 12 --end 2026-10 --seed 7 \
    --out "$work/data" 2>/dev/null
exec python3 - <<'PY'
import csv, os, re, sqlite3, subprocess, sys
sys.path.insert(0, os.environ['HERE'])
from store_url import on_pg, store_rows, store_url  # noqa: E402

T, W = os.environ['THUNO'], os.environ['WORK']
D = W + '/data'
PERIODS = []
y, m = 2025, 11
for _ in range(12):
    PERIODS.append('%04d-%02d' % (y, m))
    y, m = (y + 1, 1) if m == 12 else (y, m + 1)
failures = []


def run(db, now, *args, env=None):
    e = dict(os.environ, THUNO_NOW=now)
    e.pop('THUNO_CLOSE_REPLAY', None)
    e.update(env or {})
    r = subprocess.run([T, '--db', db] + list(args), capture_output=True, text=True, env=e)
    if r.returncode != 0:
        sys.exit('cli_close_carry: thuno %s: exit %d\n%s' % (' '.join(args), r.returncode,
                                                             r.stderr))
    return r.stderr


def nxt(p):
    y, m = int(p[:4]), int(p[5:])
    return '%04d-%02d' % (y + m // 12, m % 12 + 1)


decls = list(csv.DictReader(open(D + '/declarations.csv', encoding='utf-8')))
pays_rd = csv.DictReader(open(D + '/payments.csv', encoding='utf-8'))
pays = list(pays_rd)
first_worker = {}
for r in decls:
    first_worker.setdefault(r['unit_code'], r['bhxh_code'])
# the month each payment arrives: every 9th a month late (a late bank statement); every 11th
# earmarked for its unit's first worker (Decision 60/2015 Art 6)
arrives = {}
for i, r in enumerate(pays):
    if i % 11 == 5 and not r['reverses']:
        r['bhxh_code'] = first_worker.get(r['unit_code'], '')
    arrives[r['txn_id']] = nxt(r['paid_on'][:7]) if i % 9 == 4 else r['paid_on'][:7]


def write(path, fields, rows):
    with open(path, 'w', newline='', encoding='utf-8') as f:
        w = csv.DictWriter(f, fields, lineterminator='\n')
        w.writeheader()
        w.writerows(rows)
    return len(rows)


def province(db, env):
    run(db, '2025-10-01', 'init')
    for k in ('officers', 'units', 'workers', 'registry'):
        run(db, '2025-10-01', 'import', k, '%s/%s.csv' % (D, k))
    resumed = []
    for p in PERIODS:
        day = nxt(p) + '-05'
        ds = [r for r in decls if r['declared_on'][:7] == p]
        ps = [r for r in pays if arrives[r['txn_id']] == p]
        if write('%s/d-%s.csv' % (W, p), list(decls[0].keys()), ds):
            run(db, day + 'T09:00:00', 'import', 'declarations', '%s/d-%s.csv' % (W, p))
        if write('%s/p-%s.csv' % (W, p), pays_rd.fieldnames, ps):
            run(db, day + 'T09:00:00', 'import', 'payments', '%s/p-%s.csv' % (W, p))
        err = run(db, day + 'T18:00:00', 'close', p, env=env)
        mt = re.search(r'(\d+) units replayed from their carried state', err)
        resumed.append(int(mt.group(1)) if mt else -1)
        if p == PERIODS[6]:
            # the latest close run again after a late statement: from the states of the month
            # before, which the first run did not drop
            late = [r for r in pays if r['paid_on'][:7] == PERIODS[2] and
                    arrives[r['txn_id']] == PERIODS[2]][:1]
            for r in late:
                r = dict(r, txn_id=r['txn_id'] + 'L', amount='12345')
                write('%s/late-%s.csv' % (W, p), pays_rd.fieldnames, [r])
                run(db, day + 'T19:00:00', 'import', 'payments', '%s/late-%s.csv' % (W, p))
            run(db, day + 'T20:00:00', 'close', p, env=env)
    return resumed


TABLES = ['close_run', 'unit_close', 'assess_line', 'interest_line', 'alloc_line',
          'unpaid_line', 'finding', 'rate_set']


def dump(db):
    return {t: sorted(store_rows(db, 'SELECT * FROM %s' % t)) for t in TABLES}


carry_db, full_db = store_url(W, 'carry'), store_url(W, 'full')
resumed = province(carry_db, {'THUNO_CLOSE_REPLAY': 'carry'})
full = province(full_db, {'THUNO_CLOSE_REPLAY': 'full'})
a, b = dump(carry_db), dump(full_db)
for t in TABLES:
    if a[t] != b[t]:
        diff = sorted(set(a[t]) ^ set(b[t]))[:5]
        failures.append('%s differs between the carried and the full replay: %s' % (t, diff))
if any(n != 0 for n in full):
    failures.append('THUNO_CLOSE_REPLAY=full replayed from a state: %s' % full)
units = len(list(csv.DictReader(open(D + '/units.csv', encoding='utf-8'))))
# the first close has no state; later ones start most units from theirs (the rest: back-dated
# rows, late statements, earmarked money fall back to the full replay)
if resumed[0] != 0 or min(resumed[1:]) < 1 or sum(resumed[1:]) < units * 11 // 2:
    failures.append('too few units replayed from their carried state: %s' % resumed)
print('units replayed from their carried state per month:', resumed, file=sys.stderr)

# a store made before the carried state (the table dropped, schema version 2: migration 3
# makes it again on opening, docs/store.md "Migrations"): a re-run of the last close replays
# in full and writes the states, the next month's close carries, with the same results as the
# full replay. A store of schema version 2 is a SQLite file: not on PostgreSQL
if on_pg():
    print('not on PostgreSQL: a store of schema version 2 is a SQLite file', file=sys.stderr)
    for f in failures:
        print('FAIL', f, file=sys.stderr)
    sys.exit(1 if failures else 0)
c = sqlite3.connect(carry_db)
c.execute('DROP TABLE close_carry')
c.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
c.commit()
c.close()
err = run(carry_db, '2026-11-06T18:00:00', 'close', PERIODS[-1],
          env={'THUNO_CLOSE_REPLAY': 'carry'})
if '0 units replayed' not in err:
    failures.append('a store without states did not fall back to the full replay: %s' % err)
err = run(carry_db, '2026-12-05T18:00:00', 'close', '2026-11',
          env={'THUNO_CLOSE_REPLAY': 'carry'})
mt = re.search(r'(\d+) units replayed from their carried state', err)
if not mt or int(mt.group(1)) < units // 2:
    failures.append('the close after a store without states did not carry: %s' % err)
run(full_db, '2026-11-06T18:00:00', 'close', PERIODS[-1], env={'THUNO_CLOSE_REPLAY': 'full'})
run(full_db, '2026-12-05T18:00:00', 'close', '2026-11', env={'THUNO_CLOSE_REPLAY': 'full'})
a, b = dump(carry_db), dump(full_db)
for t in TABLES:
    if a[t] != b[t]:
        failures.append('%s differs after a store without states was closed again' % t)
for f in failures:
    print('FAIL', f, file=sys.stderr)
sys.exit(1 if failures else 0)
PY
