#!/usr/bin/env bash
# Cross-report invariants on a generated province (docs/consistency.md): `thuno gen` makes
# 120 units over 8 months; each month's declarations and payments are imported as the office
# would receive them (on the 5th of the next month) and the month is closed that day. Then
# every report that sums the ledger must agree with the balances report and with each other,
# explain's lines must add up to the balance, as-of views must equal a copy of the store made
# on that day, and a payment matched out of suspense must enter the unit's paid exactly once.
# The invariants are computed by python3 from the CSV and JSON outputs.
# usage: cli_consistency.sh THUNO_BINARY
set -euo pipefail
thuno=$1
work=$(mktemp -d)
# KEEP=1 leaves the work directory (stores, outputs) for a look after a failure
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
here=$(cd "$(dirname "$0")" && pwd)
export THUNO_POLICY=${THUNO_POLICY:-$here/../policy}
export THUNO=$thuno WORK=$work HERE=$here
# CONS_UNITS, CONS_MONTHS, CONS_SEED try other provinces (by hand; the test uses the defaults)
units=${CONS_UNITS:-120} months=${CONS_MONTHS:-8}
export MONTHS=$months
"$thuno" gen --units "$units" --workers $((units * 20)) --months "$months" --end 2026-10 \
    --seed "${CONS_SEED:-7}" \
    --out "$work/data" 2>/dev/null
# a larger one for the cases (the small one has no lawsuit)
"$thuno" gen --units 300 --workers 6000 --months 14 --end 2026-10 --seed 7 \
    --out "$work/data300" 2>/dev/null
exec python3 - <<'EOF'
import csv, io, json, os, re, subprocess, sys
sys.path.insert(0, os.environ['HERE'])
from store_url import store_copy, store_url  # noqa: E402

T, W = os.environ['THUNO'], os.environ['WORK']
DB = store_url(W, 't')
AUG_DB = None  # the store as it was on AUG (a copy)
D = W + '/data'
PERIODS = ['%04d-%02d' % divmod(2026 * 12 + 10 - int(os.environ['MONTHS']) + i, 12)
           for i in range(int(os.environ['MONTHS']))]
PERIODS = ['%s-%02d' % (p[:4], int(p[5:]) + 1) for p in PERIODS]
AP = PERIODS[-3]
failures = []


def run(now, *args, db=DB, ok=(0,)):
    r = subprocess.run([T, '--db', db] + list(args), capture_output=True, text=True,
                       env=dict(os.environ, THUNO_NOW=now))
    if r.returncode not in ok:
        sys.exit('cli_consistency: thuno %s: exit %d\n%s' % (' '.join(args), r.returncode,
                                                              r.stderr))
    return r.stdout


def rep(now, name, *args, db=DB):
    return list(csv.DictReader(io.StringIO(run(now, 'report', name, *args, db=db))))


def check(cond, what):
    if not cond:
        failures.append(what)
        print('FAIL', what, file=sys.stderr)


def I(x):
    return int(x) if x not in ('', None) else 0


def tenths(x):
    return int(round(float(x) * 10)) if x not in ('', None) else 0


def nxt(p):
    y, m = int(p[:4]), int(p[5:])
    return '%04d-%02d' % (y + m // 12, m % 12 + 1)


def prev(p):
    y, m = int(p[:4]), int(p[5:])
    return '%04d-%02d' % (y - (m == 1), 12 if m == 1 else m - 1)


def slice_csv(name, datecol, lo, hi, out):
    with open('%s/%s.csv' % (D, name), newline='', encoding='utf-8') as f:
        rd = csv.DictReader(f)
        rows = [r for r in rd if lo < r[datecol] <= hi]
    with open(out, 'w', newline='', encoding='utf-8') as f:
        w = csv.DictWriter(f, rd.fieldnames, lineterminator='\n')
        w.writeheader()
        w.writerows(rows)
    return len(rows)


# ---- the province, month by month ----
run('2026-03-01', 'init')
for k in ('officers', 'units', 'workers', 'registry'):
    run('2026-03-01', 'import', k, '%s/%s.csv' % (D, k))
now = {}
lo = '0000'
planned = set()
for p in PERIODS:
    day = nxt(p) + '-05'
    now[p] = day + 'T18:00:00'
    hi = p + '-31'
    for k, col in (('declarations', 'declared_on'), ('payments', 'paid_on'),
                   ('case_events', 'date')):
        if slice_csv(k, col, lo, hi, '%s/%s-%s.csv' % (W, k, p)):
            run(day + 'T09:00:00', 'import', k, '%s/%s-%s.csv' % (W, k, p))
    # a case's repayment plan comes with the month its case is first known
    known = {r['case_id'] for r in csv.DictReader(open(D + '/case_events.csv', encoding='utf-8'))
             if r['date'] <= hi}
    with open(D + '/case_plans.csv', newline='', encoding='utf-8') as f:
        rd = csv.DictReader(f)
        rows = [r for r in rd if r['case_id'] in known - planned]
    if rows:
        with open('%s/case_plans-%s.csv' % (W, p), 'w', newline='', encoding='utf-8') as f:
            w = csv.DictWriter(f, rd.fieldnames, lineterminator='\n')
            w.writeheader()
            w.writerows(rows)
        run(day + 'T09:00:00', 'import', 'case_plans', '%s/case_plans-%s.csv' % (W, p))
    planned |= known
    lo = hi
    run(now[p], 'close', p)
    if p == AP:
        AUG_DB = store_copy(DB, W, 'aug')
P = PERIODS[-1]
NOW = nxt(P) + '-06T08:00:00'
units = {r['unit_code']: r for r in csv.DictReader(open(D + '/units.csv', encoding='utf-8'))}
bal = {r['unit_code']: r for r in rep(NOW, 'balances', '--period', P)}
balp = {r['unit_code']: r for r in rep(NOW, 'balances', '--period', prev(P))}
SUMS = ('assessed', 'paid', 'closing', 'adjustment', 'principal_due', 'interest_due', 'debt',
        'not_due')
tot = {k: sum(I(r[k]) for r in bal.values()) for k in SUMS}
check(len(bal) == len(units), 'balances has every unit (%d)' % len(bal))
for u, r in bal.items():
    check(I(r['closing']) == I(r['opening']) + I(r['assessed']) + I(r['adjustment']) +
          I(r['interest']) - I(r['paid']), 'balances %s closing = opening + ... - paid' % u)
    check(I(r['closing']) == I(r['principal_due']) + I(r['interest_due']),
          'balances %s closing = principal due + interest due' % u)
    check(I(r['opening']) == I(balp[u]['closing']) if u in balp else I(r['opening']) == 0,
          'balances %s opening = last closing' % u)
    # debt is what is past its deadline (docs/ledger.md "Debt"): with what is not yet due it is
    # what the unit owes; its principal is never more than the principal due
    check(I(r['debt']) + I(r['not_due']) == I(r['closing']),
          'balances %s debt + not yet due = closing' % u)
    check(I(r['interest_due']) <= I(r['debt']) <= I(r['interest_due']) + max(I(r['principal_due']), 0),
          'balances %s interest due <= debt <= principal + interest due' % u)
    check(I(r['debt']) - I(r['interest_due']) > 0 or tenths(r['months_owed']) == 0,
          'balances %s months owed only with principal past its deadline' % u)


def past(r):
    # the principal past its deadline of a balances row
    return I(r['debt']) - I(r['interest_due'])


# ---- the KPI reports sum to the ledger (assessed includes the back-dated adjustments) ----
def kpi_sums(rows, extra=()):
    return {k: sum(I(r[k]) for r in rows) for k in ('units', 'assessed', 'collected', 'debt')
            + tuple(extra)}


want = {'units': len(bal), 'assessed': tot['assessed'] + tot['adjustment'],
        'collected': tot['paid'], 'debt': tot['debt']}
workers = None
for name in ('officer_kpi', 'kpi_office', 'kpi_type', 'kpi_department', 'pc_report'):
    rows = rep(NOW, name, '--period', P)
    s = kpi_sums(rows, ('workers',))
    check({k: s[k] for k in want} == want, '%s sums %s != balances %s' % (name, s, want))
    workers = s['workers'] if workers is None else workers
    check(s['workers'] == workers, '%s workers %d != %d' % (name, s['workers'], workers))
    nd = sum(I(r['not_due']) for r in rows)
    check(nd == tot['not_due'] and s['debt'] + nd == tot['closing'],
          '%s: debt %d + not yet due %d = the balances\' closing %d'
          % (name, s['debt'], nd, tot['closing']))
    if 'units_0' in rows[0]:
        # the bucket counts are of units owing (units_0 "owing under 1 month"): a unit with no
        # debt past its deadline is in none; one in a bucket above 0 always owes
        check(all(I(r['debt']) > 0 for r in bal.values() if r['bucket'] != '0'),
              'a unit in a bucket above 0 owes')
        buckets = {}
        for r in bal.values():
            if I(r['debt']) > 0:
                buckets[r['bucket']] = buckets.get(r['bucket'], 0) + 1
        got = {b: sum(I(r['units_' + b.replace('-', '_').replace('+', 'plus')]) for r in rows)
               for b in ('0', '1-3', '3-6', '6-12', '12+')}
        check(got == {b: buckets.get(b, 0) for b in got}, '%s buckets %s' % (name, got))
pc = rep(NOW, 'pc_report', '--period', P)
check(sum(I(r['units_in_debt']) for r in pc) == sum(past(r) > 0 for r in bal.values()),
      'pc_report units in debt = units with principal past its deadline (docs/inspections.md)')
offices = sorted({r['office_code'] for r in units.values()})
# the province office (79000) sees every unit; a district office its own units
PROV = '79000'
check(rep(NOW, 'balances', '--period', P, '--office', PROV) == list(bal.values()),
      'balances --office %s = the whole province' % PROV)
for o in offices:
    cut = {r['unit_code'] for r in rep(NOW, 'balances', '--period', P, '--office', o)}
    check(o == PROV or cut == {u for u in bal if units[u]['office_code'] == o},
          'balances --office %s = its units' % o)
for name in ('officer_kpi', 'kpi_type', 'pc_report'):
    whole = kpi_sums(rep(NOW, name, '--period', P))
    check(kpi_sums(rep(NOW, name, '--period', P, '--office', PROV)) == whole,
          '%s --office %s = the province' % (name, PROV))
    dist = [o for o in offices if o != PROV]
    parts = [kpi_sums(rep(NOW, name, '--period', P, '--office', o)) for o in dist]
    own = [u for u in bal if units[u]['office_code'] == PROV]
    check({k: sum(x[k] for x in parts) for k in whole} ==
          {k: whole[k] - kpi_sums([{'units': 1, 'assessed': I(bal[u]['assessed']) +
                                    I(bal[u]['adjustment']), 'collected': bal[u]['paid'],
                                    'debt': bal[u]['debt']} for u in own])[k] for k in whole},
          '%s: the districts plus the province office\'s own units = the province' % name)
kd = {r['key']: r for r in rep(NOW, 'kpi_office', '--period', P)}
for o in offices:
    b = [r for u, r in bal.items() if units[u]['office_code'] == o]
    check(o in kd and I(kd[o]['debt']) == sum(I(r['debt']) for r in b) and
          I(kd[o]['units']) == len(b), 'kpi_office %s = its units in balances' % o)

# every list cut by --office is the list's rows of that office's units (the office at P's end)
for name, col in (('debtors', 'unit_code'), ('worklist', 'unit_code'), ('card_locks', 'unit_code'),
                  ('handover', 'unit_code'), ('special_units', 'unit_code'),
                  ('public_name', 'unit_code'), ('union_chairs', 'unit_code'),
                  ('award_eligible', 'unit_code'), ('escalation', 'unit_code')):
    whole = rep(NOW, name, '--period', P)
    for o in offices:
        cut = rep(NOW, name, '--period', P, '--office', o)
        check(cut == (whole if o == PROV else
                      [r for r in whole if units[r[col]]['office_code'] == o]),
              '%s --office %s = its units\' rows' % (name, o))

# ---- collection_plan and the meeting pack ----
cp = rep(NOW, 'collection_plan', '--period', P)
prov = [r for r in cp if r['scope'] == 'province'][0]
check(I(prov['assessed']) == want['assessed'] and I(prov['collected']) == want['collected'] and
      I(prov['debt']) == want['debt'], 'collection_plan province = balances')
for scope in ('department', 'office', 'type', 'officer'):
    rows = [r for r in cp if r['scope'] == scope]
    if rows:
        check(kpi_sums(rows) == kpi_sums([prov]), 'collection_plan %s sums to province' % scope)
pack = run(NOW, 'pack', 'meeting', '--period', P, '--format', 'csv').split('\n\n')
t1 = list(csv.DictReader(io.StringIO(pack[0].split('\n', 1)[1])))
cp3 = [r for r in cp if r['scope'] in ('province', 'department', 'office')]
check(len(t1) == len(cp3), 'pack meeting table 1 has the province, department, office rows')
for a, b in zip(t1, cp3):
    check(all(a[k] == b[k] for k in a), 'pack meeting table 1 row %s = collection_plan' % a['key'])
t2 = list(csv.DictReader(io.StringIO(pack[1].split('\n', 1)[1])))
for r in t2:
    now_b = [x for x in bal.values() if x['bucket'] == r['bucket']]
    old_b = [x for x in balp.values() if x['bucket'] == r['bucket']]
    check(I(r['units']) == len(now_b) and I(r['debt']) == sum(I(x['debt']) for x in now_b)
          and I(r['not_due']) == sum(I(x['not_due']) for x in now_b)
          and I(r['units_prev']) == len(old_b) and
          I(r['debt_prev']) == sum(I(x['debt']) for x in old_b),
          'pack meeting bucket %s = balances of this and last month' % r['bucket'])

# ---- debtors, worklist, special units, public lists ----
debtors = {r['unit_code']: r for r in rep(NOW, 'debtors', '--period', P)}
# debtors owe principal past its deadline: a unit owing interest only, or only what is not yet
# due, is not on it (nor on special_units, pc_report's units in debt); one owing interest is on
# the worklist (docs/operations.md)
owing = {u for u, r in bal.items() if past(r) > 0}
check(set(debtors) == owing, 'debtors = units with principal past due: %s' % (set(debtors) ^ owing))
check(sum(I(r['debt']) for r in debtors.values()) ==
      tot['debt'] - sum(I(r['interest_due']) for u, r in bal.items() if u not in owing),
      'debtors hold the whole debt but the interest of units owing no principal past due')
for u, r in debtors.items():
    check(I(r['debt']) == I(bal[u]['debt']) and r['months_owed'] == bal[u]['months_owed'] and
          r['legal_status'] == bal[u]['legal_status'], 'debtors %s = balances' % u)
wl = rep(NOW, 'worklist', '--period', P)
check({r['unit_code'] for r in wl} ==
      {u for u, b in bal.items() if tenths(b['months_owed']) > 0 or I(b['interest_due']) > 0},
      'worklist = the units with months owed > 0 or interest due')
for r in wl:
    check(r['unit_code'] not in debtors or debtors[r['unit_code']]['officer_code'] == r['officer_code'],
          'worklist and debtors name the same officer for %s' % r['unit_code'])
for o in sorted({r['officer_code'] for r in wl}):
    mine = {r['unit_code'] for r in wl if r['officer_code'] == o}
    own = {r['unit_code'] for r in rep(NOW, 'worklist', '--period', P, '--officer', o)}
    check(own == mine, 'worklist --officer %s = its rows of the whole worklist' % o)
for r in wl:
    check(I(r['debt']) == I(bal[r['unit_code']]['debt']), 'worklist %s debt' % r['unit_code'])
sp = rep(NOW, 'special_units', '--period', P)
heads = {r['unit_code']: r for r in sp if r['name']}
for u, h in heads.items():
    check(units[u]['status'] in ('suspended', 'dissolved', 'bankrupt', 'absconded') and
          I(h['principal_due']) == I(bal[u]['principal_due']) and I(h['debt']) == I(bal[u]['debt'])
          and I(h['not_due']) == I(bal[u]['not_due']),
          'special_units %s = balances' % u)
    wrows = [r for r in sp if r['unit_code'] == u and not r['name']]
    check(all(I(r['worker_debt']) != 0 and r['worker_periods'] for r in wrows),
          'special_units %s: every worker listed owes something for some month' % u)
    wsum = sum(I(r['worker_debt']) for r in wrows)
    check(wsum == I(h['principal_due']), 'special_units %s workers %d = principal due %s'
          % (u, wsum, h['principal_due']))
check(set(heads) == {u for u in owing if units[u]['status'] != 'active'},
      'special_units = inactive units that owe')
# award_eligible: an active unit (seed 002; issue 14 item 6) with at every month end of the
# year so far nothing overdue, no interest due, status current, and a balance at P;
# public_praise: those of them assessed something in the year, with the year's assessed (+
# adjustment) and paid (docs/lists.md)
year = {p: {r['unit_code']: r for r in rep(NOW, 'balances', '--period', p)} for p in PERIODS
        if p[:4] == P[:4]}
good = {u for u in bal
        if units[u]['status'] == 'active' and all(tenths(b[u]['months_owed']) == 0 and I(b[u]['interest_due']) <= 0 and
               b[u]['legal_status'] == 'current' for b in year.values() if u in b)}
aw = {r['unit_code'] for r in rep(NOW, 'award_eligible', '--period', P)}
check(aw == good, 'award_eligible = active and never overdue at a month end: %s' % (aw ^ good))
pp = {r['unit_code']: r for r in rep(NOW, 'public_praise', '--period', P)}
ys = lambda u, k: sum(I(b[u][k]) for b in year.values() if u in b)
check(set(pp) == {u for u in good if ys(u, 'assessed') + ys(u, 'adjustment') > 0},
      'public_praise = award_eligible units assessed in the year')
for u, r in pp.items():
    check(I(r['assessed']) == ys(u, 'assessed') + ys(u, 'adjustment') and
          I(r['paid']) == ys(u, 'paid') and I(r['months']) == sum(u in b for b in year.values()),
          'public_praise %s = its year of balances' % u)
check([r['unit_code'] for r in rep(NOW, 'public_praise', '--year', '2026')] == sorted(pp),
      'public_praise --year 2026 = --period %s' % P)
pn = rep(NOW, 'public_name', '--period', P)
for r in pn:
    b = bal[r['unit_code']]
    check(b['legal_status'] == 'evading' or tenths(b['months_owed']) >= 30,
          'public_name %s: evading or 3 months' % r['unit_code'])
check({r['unit_code'] for r in pn} ==
      {u for u, b in bal.items() if past(b) > 0 and
       (b['legal_status'] == 'evading' or tenths(b['months_owed']) >= 30)},
      'public_name = every evading or 3-month debtor')

cw = rep(NOW, 'cooperative_workers', '--period', P)
check(cw == [r for r in sp if units[r['unit_code']]['type'] == 'cooperative'],
      'cooperative_workers = the cooperatives\' rows of special_units')
uc = rep(NOW, 'union_chairs', '--period', P)
check({r['unit_code'] for r in uc} ==
      {u for u, b in bal.items() if past(b) > 0 and tenths(b['months_owed']) >= 10},
      'union_chairs = units owing 1.0 month or more')
for r in uc:
    check(I(r['debt']) == I(bal[r['unit_code']]['debt']) and
          r['union_chair'] == units[r['unit_code']]['union_chair'], 'union_chairs %s' % r['unit_code'])
rf = {r['unit_code']: r for r in rep(NOW, 'pc_refusing', '--period', P)}
check({u for u, r in rf.items() if r['reason'] == 'evading'} ==
      {u for u in owing if bal[u]['legal_status'] == 'evading'},
      'pc_refusing evading = the evading debtors')
for u, r in rf.items():
    check(r['reason'] == 'evading' or (tenths(bal[u]['months_owed']) >= 30 and I(r['reminders']) >= 1),
          'pc_refusing %s: evading or 3 months despite a reminder' % u)
esc = {r['unit_code']: r for r in rep(NOW, 'escalation', '--period', P)}
check(set(esc) <= owing, 'escalation only for debtors')
for r in wl:
    # a unit with no ladder step (under 1.0 month, interest only) is on the worklist with an
    # empty step and not in escalation
    e = esc.get(r['unit_code'], {'next_step': '', 'ready': '', 'case_id': r['case_id']})
    check(e['next_step'] == r['next_step'] and e['ready'] == r['ready'] and
          e['case_id'] == r['case_id'], 'worklist %s next step = escalation' % r['unit_code'])
for name in ('kpi_office', 'kpi_type', 'kpi_department'):
    rows = rep(NOW, name, '--period', P)
    check(sum(I(r['collected_prev']) for r in rows) == sum(I(b['paid']) for b in balp.values()) and
          sum(I(r['debt_prev']) for r in rows) == sum(I(b['debt']) for b in balp.values()),
          '%s last month = last month\'s balances' % name)
    for r in rows:
        check(I(r['debt_change']) == I(r['debt']) - I(r['debt_prev']), '%s %s debt change' % (name, r['key']))
# in debt = months owed > 0 (docs/operations.md): new debt and cleared against the balances
indebt = lambda b, u: u in b and tenths(b[u]['months_owed']) > 0
newd = [u for u in bal if indebt(bal, u) and not indebt(balp, u)]
check(I(prov['new_debt_units']) == len(newd) and
      I(prov['new_debt']) == sum(I(bal[u]['debt']) for u in newd),
      'collection_plan new debt = units in debt now, not last month')
clr = [u for u in balp if indebt(balp, u) and tenths(balp[u]['months_owed']) < 60 and not indebt(bal, u)]
check(I(prov['cleared_units']) == len(clr), 'collection_plan cleared = in debt last month under 6.0, not now')
t4 = list(csv.DictReader(io.StringIO(pack[3].split('\n', 1)[1])))
evp = [r for r in csv.DictReader(open(D + '/case_events.csv', encoding='utf-8'))
       if r['date'][:7] == P]
kinds = {}
for r in evp:
    kinds.setdefault(r['event'], []).append(r)
check({r['event']: (I(r['events']), I(r['units']), I(r['amount'])) for r in t4} ==
      {k: (len(v), len({x['unit_code'] for x in v}), sum(I(x['amount']) for x in v))
       for k, v in kinds.items()}, 'pack meeting table 4 = the case events dated in %s' % P)
t3 = list(csv.DictReader(io.StringIO(pack[2].split('\n', 1)[1])))
check(sorted(r['unit_code'] for r in t3) == sorted(newd), 'pack meeting table 3 = the units newly in debt')

# ---- card locks, handover ----
cl = rep(NOW, 'card_locks', '--period', P)
for r in cl:
    b, a = bal[r['unit_code']], balp.get(r['unit_code'], {'months_owed': '0'})
    t, t0 = tenths(b['months_owed']), tenths(a['months_owed'])
    check(r['months_owed'] == b['months_owed'], 'card_locks %s months owed' % r['unit_code'])
    check((r['action'] == 'lock') == (t >= 10 and t0 < 10) and
          (r['action'] == 'unlock') == (t < 10 and t0 >= 10), 'card_locks %s action' % r['unit_code'])
check({r['unit_code'] for r in cl} ==
      {u for u, b in bal.items()
       if (tenths(b['months_owed']) >= 10) != (tenths(balp.get(u, {'months_owed': '0'})['months_owed']) >= 10)},
      'card_locks = units crossing 1.0 month owed')
# the day's lists from the day after the previous close to this close's day: a unit locks on
# the day its debt falls past its deadline (docs/payments-ops.md), before the close that
# confirms it, so the month's crossings are the net of those days' lists, in workers
import datetime
d0 = datetime.date.fromisoformat(now[prev(P)][:10]) + datetime.timedelta(days=1)
d1 = datetime.date.fromisoformat(now[P][:10])
net = {}
while d0 <= d1:
    day = {r['unit_code']: r['action']
           for r in rep(NOW, 'card_lock_workers', '--period', P, '--date', d0.isoformat())}
    for u, action in day.items():
        net[u] = net.get(u, 0) + (1 if action == 'lock' else -1)
    d0 += datetime.timedelta(days=1)
crossed = {r['unit_code']: 1 if r['action'] == 'lock' else -1 for r in cl}
for u in sorted(set(net) | set(crossed)):
    check(net.get(u, 0) == crossed.get(u, 0),
          'card_lock_workers %s: the days\' lists net %s = card_locks %s'
          % (u, net.get(u, 0), crossed.get(u, 0)))
ho = rep(NOW, 'handover', '--period', P)
for r in ho:
    b, a = bal[r['unit_code']], balp.get(r['unit_code'], {'months_owed': '0'})
    check(r['months_owed'] == b['months_owed'] and r['months_owed_before'] == a['months_owed'] and
          I(r['debt']) == I(b['debt']), 'handover %s = balances' % r['unit_code'])
check({r['unit_code'] for r in ho} ==
      {u for u, b in bal.items()
       if (tenths(b['months_owed']) >= 30) != (tenths(balp.get(u, {'months_owed': '0'})['months_owed']) >= 30)},
      'handover = units crossing 3.0 months owed')

# ---- cooperatives ----
# (docs/lists.md: owing counts active cooperatives only; an absconded one is in no column)
co = {r['office_code']: r for r in rep(NOW, 'cooperatives', '--period', P)}
spw = {}
for r in sp:
    if not r['name']:
        spw[r['unit_code']] = spw.get(r['unit_code'], 0) + 1
for o in offices:
    cu = [u for u in bal if units[u]['type'] == 'cooperative' and units[u]['office_code'] == o]
    st = lambda *ss: [u for u in cu if units[u]['status'] in ss]
    r = co.get(o, {})
    m1 = [u for u in st('active') if tenths(bal[u]['months_owed']) >= 10]
    m3 = [u for u in st('active') if tenths(bal[u]['months_owed']) >= 30]
    sus = [u for u in st('suspended') if past(bal[u]) > 0]
    dis = [u for u in st('dissolved', 'bankrupt') if past(bal[u]) > 0]
    check(I(r.get('cooperatives')) == len(st('active')) and
          I(r.get('owing_1m_units')) == len(m1) and
          I(r.get('owing_1m_debt')) == sum(I(bal[u]['debt']) for u in m1) and
          I(r.get('owing_3m_units')) == len(m3) and
          I(r.get('owing_3m_debt')) == sum(I(bal[u]['debt']) for u in m3) and
          I(r.get('suspended_units')) == len(sus) and
          I(r.get('suspended_debt')) == sum(I(bal[u]['debt']) for u in sus) and
          I(r.get('dissolved_bankrupt_units')) == len(dis) and
          I(r.get('dissolved_bankrupt_debt')) == sum(I(bal[u]['debt']) for u in dis) and
          I(r.get('dissolved_bankrupt_workers')) == sum(spw.get(u, 0) for u in dis),
          'cooperatives %s = balances and special_units' % o)

# ---- explain adds up ----
def explain_ok(u, p, *extra):
    e = json.loads(run(NOW, 'explain', u, p, '--format', 'json', *extra))
    b = e['balance']
    check(b['closing'] == b['opening'] + b['assessed'] + b['adjustment'] + b['interest'] - b['paid'],
          'explain %s %s closing' % (u, p))
    lines = {'assessed': 0, 'adjustment': 0}
    for ln in e['lines']:
        if ln['for_period'] == p or ln['kind'] == 'adjustment':
            lines[ln['kind']] = lines.get(ln['kind'], 0) + sum(c['amount'] for c in ln['components'])
    check(lines['assessed'] == b['assessed'] and lines['adjustment'] == b['adjustment'],
          'explain %s %s lines %s = assessed %d adjustment %d' % (u, p, lines, b['assessed'], b['adjustment']))
    check(sum(i['amount'] for i in e['interest']) == b['interest'],
          'explain %s %s interest lines %d = %d' % (u, p, sum(i['amount'] for i in e['interest']), b['interest']))
    for i in e['interest']:  # Law 41: late amount x days x 0.03%, rounded half up once
        if i.get('rule') == 'daily' and i.get('status') == 'ok' and i['principal'] >= 0:
            check(i['amount'] == (i['principal'] * i['days'] * i['rate_ppm'] + 500000) // 1000000,
                  'explain %s %s interest line %s' % (u, p, i))
    check(sum(a['amount'] for a in e['allocations']) == b['paid'],
          'explain %s %s allocations %d = paid %d' % (u, p, sum(a['amount'] for a in e['allocations']), b['paid']))
    r = rep(NOW, 'balances', '--period', p, *extra)
    r = [x for x in r if x['unit_code'] == u][0]
    check(all(I(r[k]) == b[k] for k in ('opening', 'closing', 'paid', 'interest')),
          'explain %s %s = balances' % (u, p))
    return e


sample = sorted(debtors, key=lambda u: -I(debtors[u]['debt']))[:6] + sorted(bal)[:4]
# the findings report (below the regional minimum wage) = explain's findings, unit by unit
fd = rep(NOW, 'findings', '--period', P)
for u in sorted({r['unit_code'] for r in fd})[:8]:
    e = json.loads(run(NOW, 'explain', u, P, '--format', 'json'))
    check(sorted((f['bhxh_code'], f['base'], f['floor']) for f in e['findings']) ==
          sorted((r['bhxh_code'], I(r['declared_base']), I(r['regional_min_wage']))
                 for r in fd if r['unit_code'] == u) and
          all(I(r['shortfall']) == I(r['regional_min_wage']) - I(r['declared_base']) for r in fd),
          'findings of %s = explain\'s' % u)
for u in sample:
    for p in (P, prev(P)):
        if p == P or u in balp:
            explain_ok(u, p)

# ---- the C12-TS notice: per fund each column adds up, the totals are the balance ----
def c12ts(u, p):
    pdf = '%s/c12ts-%s.pdf' % (W, u)
    run(NOW, 'letter', 'c12ts', '--period', p, '--unit', u, '-o', pdf)
    text = subprocess.run(['pdftotext', '-layout', pdf, '-'], capture_output=True, text=True,
                          check=True).stdout
    rows = {}
    for ln in text.splitlines():
        ln = ln.strip()
        key = ln[:2] if ln[:1] in '123456' and ln[1:2] == '.' else 'due' if ln.startswith('Trong đó') else None
        if key:
            rest = ln[2:].replace('(1+2+3+4-5)', '')
            rows[key] = [int(c.replace('.', ''))
                         for c in re.findall(r'(?<!\S)-?\d{1,3}(?:\.\d{3})*(?!\S)', rest)]
    return rows


for u in sample[:5]:
    c = c12ts(u, P)
    b = bal[u]
    check(all(len(c.get(k, [])) == 4 for k in ('1.', '2.', '3.', '4.', '5.', '6.', 'due')),
          'C12-TS %s has the six rows and the interest due, three funds and the total: %s' % (u, c))
    if all(len(c.get(k, [])) == 4 for k in ('1.', '2.', '3.', '4.', '5.', '6.', 'due')):
        for i in range(4):
            check(c['6.'][i] == c['1.'][i] + c['2.'][i] + c['3.'][i] + c['4.'][i] - c['5.'][i],
                  'C12-TS %s column %d: 6 = 1 + 2 + 3 + 4 - 5' % (u, i))
        for k in ('1.', '2.', '3.', '4.', '5.', '6.', 'due'):
            check(c[k][3] == sum(c[k][:3]), 'C12-TS %s row %s: the total is the three funds' % (u, k))
        got = [c[k][3] for k in ('1.', '2.', '3.', '4.', '5.', '6.', 'due')]
        want = [I(b[k]) for k in ('opening', 'assessed', 'adjustment', 'interest', 'paid', 'closing',
                                  'interest_due')]
        check(got == want, 'C12-TS %s totals %s = balances %s' % (u, got, want))

# ---- as of a past day = a copy of the store made that day ----
AUG = now[AP]
for name, args in (('balances', ('--period', AP)), ('balances', ('--period', prev(AP))),
                   ('debtors', ('--period', AP)), ('kpi_office', ('--period', AP)),
                   ('officer_kpi', ('--period', AP)), ('card_locks', ('--period', AP)),
                   ('handover', ('--period', AP)), ('special_units', ('--period', AP)),
                   ('collection_plan', ('--period', AP)), ('cases', ()),
                   ('cooperatives', ('--period', AP)), ('pc_report', ('--period', AP)),
                   ('worklist', ('--period', AP)), ('public_name', ('--period', AP)),
                   ('award_eligible', ('--period', AP)), ('escalation', ('--period', AP)),
                   ('suspense', ('--period', AP)), ('kpi_type', ('--period', AP)),
                   ('public_praise', ('--year', '2026'))):
    a = run(NOW, 'report', name, *args, '--as-of', AUG)
    b = run(AUG, 'report', name, *args, db=AUG_DB)
    check(a == b, 'report %s %s --as-of %s = the store of that day' % (name, ' '.join(args), AUG))
for u in [u for u in sample if u in year[AP]][:3]:
    a = run(NOW, 'explain', u, AP, '--as-of', AUG, '--format', 'json')
    b = run(AUG, 'explain', u, AP, '--format', 'json', db=AUG_DB)
    check(a == b, 'explain %s %s --as-of %s = the store of that day' % (u, AP, AUG))

# ---- a late-known payment, a back-dated declaration, a payment from suspense ----
# the largest debtor with a worker declared from before August who has not left
decl = list(csv.DictReader(open(D + '/declarations.csv', encoding='utf-8')))
gone = {r['bhxh_code'] for r in decl if r['kind'] == 'decrease'}
late = {r['bhxh_code'] for r in decl if r['from_period'] >= '2026-08'}
cand = {}
for r in sorted(decl, key=lambda r: r['from_period']):  # the salary in force in August
    if r['kind'] != 'decrease' and r['bhxh_code'] not in gone | late:
        cand.setdefault(r['unit_code'], {})[r['bhxh_code']] = r
cand = {u: sorted(ws.values(), key=lambda r: r['bhxh_code'])[0] for u, ws in cand.items()}
top = [u for u in sorted(debtors, key=lambda u: -I(debtors[u]['debt'])) if u in cand][0]
old, wk = bal[top], cand[top]
with open(W + '/late-pay.csv', 'w', encoding='utf-8') as f:
    f.write('txn_id,unit_code,paid_on,amount,channel,memo,bhxh_code,case_id,reverses\n')
    f.write('LATE1,%s,2026-10-20,1000000,transfer,%s nop bo sung,,,\n' % (top, top))
    f.write('SUSP1,,2026-10-22,2000000,transfer,%s dong bhxh thang 9 nam 2026,,,\n' % top)
with open(W + '/late-decl.csv', 'w', encoding='utf-8') as f:
    f.write('unit_code,bhxh_code,from_period,kind,salary,funds,declared_on,reason\n')
    f.write('%s,%s,2026-08,adjust,%d,,2026-10-28,tăng lương\n' % (top, wk['bhxh_code'],
                                                                 int(wk['salary']) + 1000000))
L = nxt(P) + '-06T10:00:00'
run(L, 'import', 'payments', W + '/late-pay.csv')
run(L, 'import', 'declarations', W + '/late-decl.csv')
susp = rep(L, 'suspense', '--period', P)
check('SUSP1' in {r['txn_id'] for r in susp}, 'the unknown payer waits in suspense')
m = list(csv.DictReader(io.StringIO(run(nxt(P) + '-06T11:00:00', 'suspense', 'match',
                                        '--period', P, '--apply', '--actor', 'O00001'))))
check([r['proposed_unit'] for r in m if r['txn_id'] == 'SUSP1'] == [top], 'SUSP1 matched to %s' % top)
A = nxt(P) + '-06T12:00:00'
run(A, 'close', P)
re_imp = subprocess.run([T, '--db', DB, 'import', 'payments', W + '/late-pay.csv'],
                        capture_output=True, text=True,
                        env=dict(os.environ, THUNO_NOW=nxt(P) + '-06T13:00:00'))
check(re_imp.returncode == 0 and '0 new, 0 changed, 2 same' in re_imp.stderr,
      'the same payments file again changes nothing: %s' % re_imp.stderr.strip())
run(nxt(P) + '-06T13:00:00', 'close', P)
NOW = nxt(P) + '-06T14:00:00'
again = subprocess.run([T, '--db', DB, 'close', P], capture_output=True, text=True,
                       env=dict(os.environ, THUNO_NOW=NOW))
check(again.returncode == 0 and '(0 changed)' in again.stderr,
      'a close on the same data changes nothing: %s' % again.stderr.strip())
check('SUSP1' not in {r['txn_id'] for r in rep(NOW, 'suspense', '--period', P)},
      'SUSP1 left suspense')
check('SUSP1' in {r['txn_id'] for r in rep(NOW, 'suspense', '--period', P, '--as-of', L)},
      'SUSP1 was in suspense as of before the match')
newall = {r['unit_code']: r for r in rep(NOW, 'balances', '--period', P)}
new = newall[top]
check(I(new['paid']) == I(old['paid']) + 3000000,
      'late payment and matched payment each counted once: paid %s -> %s' % (old['paid'], new['paid']))
# the raise of 1,000,000 from August at the 32% of all eight shares: 320,000 a month, August and
# September as an adjustment recognised in October (filed 10-28), October in its assessment
check(I(new['assessed']) - I(old['assessed']) == 320000, 'October assessed + 320,000')
check(I(new['adjustment']) - I(old['adjustment']) == 640000, 'the back-dated raise is an adjustment: %s %s %s' % (top, wk, new))
e = explain_ok(top, P)
check(sum(a['amount'] for a in e['allocations'] if a['txn_id'] == 'SUSP1') == 2000000,
      'SUSP1 allocated once')
before = {r['unit_code']: r for r in rep(NOW, 'balances', '--period', P, '--as-of', now[P])}
check(before[top] == old, 'as of the first close, the balance is the one then known')
# a unit whose payment the match took out of suspense has changed too
matched = {r['proposed_unit'] for r in m if r.get('applied', 'yes') == 'yes'}
for u in sample[1:]:
    check(u == top or u in matched or newall[u] == bal[u], 'the other unit %s is unchanged' % u)

# ---- five debtors pass to another officer from 10-15: October's officer figures follow ----
kpi0 = {r['officer_code']: r for r in rep(NOW, 'officer_kpi', '--period', P)}
SRC = max(kpi0, key=lambda o: sum(r['officer_code'] == o for r in debtors.values()))
DST = sorted(o for o in kpi0 if o != SRC)[0]
moved = sorted(u for u, r in debtors.items() if r['officer_code'] == SRC)[:5]
run('2026-11-06T15:00:00', 'assign', *moved, '--officer', DST, '--from', '2026-10-15',
    '--actor', 'O00001', '--reason', 'chia lại địa bàn')
N2 = '2026-11-06T16:00:00'
kpi1 = {r['officer_code']: r for r in rep(N2, 'officer_kpi', '--period', P)}
check(kpi_sums(kpi1.values()) == kpi_sums(kpi0.values()), 'officer_kpi total unchanged by the move')
check(I(kpi1[DST]['units']) == I(kpi0[DST]['units']) + len(moved) and
      I(kpi1[DST]['debt']) - I(kpi0[DST]['debt']) ==
      sum(I(newall[u]['debt']) for u in moved), 'officer_kpi %s gains the moved units' % DST)
wl1 = rep(N2, 'worklist', '--period', P)
d1 = {r['unit_code']: r for r in rep(N2, 'debtors', '--period', P)}
for r in wl1:
    check(r['unit_code'] not in d1 or d1[r['unit_code']]['officer_code'] == r['officer_code'],
          'worklist and debtors agree on the officer of %s' % r['unit_code'])
for u in moved:
    check(d1[u]['officer_code'] == DST, 'debtors: %s is %s\'s from 10-15' % (u, DST))
check(rep(N2, 'officer_kpi', '--period', P, '--as-of', NOW) == list(kpi0.values()),
      'officer_kpi --as-of before the move = as it was')

# ---- a locked unit pays its whole debt on 11-07: that day's card list unlocks its workers ----
lk = [u for u in sorted(bal, key=lambda u: -I(bal[u]['closing']))
      if u != top and tenths(bal[u]['months_owed']) >= 10 and I(debtors[u]['workers']) > 0][0]
with open(W + '/pay-1107.csv', 'w', encoding='utf-8') as f:
    f.write('txn_id,unit_code,paid_on,amount,channel,memo,bhxh_code,case_id,reverses\n')
    f.write('FULL1,%s,2026-11-07,%s,transfer,%s tra no,,,\n' % (lk, bal[lk]['closing'], lk))
run('2026-11-07T09:00:00', 'import', 'payments', W + '/pay-1107.csv')
day = lambda d: [(r['unit_code'], r['action']) for r in
                 rep('2026-11-08T08:00:00', 'card_lock_workers', '--period', P, '--date', d)]
check(lk not in {u for u, a in day('2026-11-06')}, 'no card action for %s on 11-06' % lk)
d7 = day('2026-11-07')
check(d7.count((lk, 'unlock')) == I(debtors[lk]['workers']) and (lk, 'lock') not in d7,
      'card_lock_workers 11-07 unlocks the %s workers of %s' % (debtors[lk]['workers'], lk))
check(lk not in {u for u, a in day('2026-11-08')}, 'no card action for %s on 11-08' % lk)
# November's close counts the payment: the month's list unlocks the unit, but the day's list
# of the close has nothing for it (its cards were unlocked on 11-07 already)
run('2026-12-05T18:00:00', 'close', nxt(P))
cl11 = {r['unit_code']: r for r in rep('2026-12-06', 'card_locks', '--period', nxt(P))}
check(cl11.get(lk, {}).get('action') == 'unlock', 'card_locks %s unlocks %s' % (nxt(P), lk))
d125 = rep('2026-12-06', 'card_lock_workers', '--period', nxt(P), '--date', '2026-12-05')
check(lk not in {r['unit_code'] for r in d125}, 'the close\'s day does not unlock %s twice' % lk)

# ---- litigation against the cases report and the case events (docs/cases.md) ----
DB3, D3 = store_url(W, 'p300'), W + '/data300'
run('2026-11-01', 'init', db=DB3)
for k in ('officers', 'units', 'workers', 'declarations', 'payments', 'registry', 'case_events',
          'case_plans'):
    run('2026-11-01', 'import', k, '%s/%s.csv' % (D3, k), db=DB3)
for i in range(14):
    y, m = divmod(2025 * 12 + 8 + i, 12)
    run('2026-11-02', 'close', '%04d-%02d' % (y, m + 1), db=DB3)
ev = list(csv.DictReader(open(D3 + '/case_events.csv', encoding='utf-8')))
sued = {r['case_id']: r['unit_code'] for r in ev if r['event'] == 'lawsuit_filed'}
cases = {r['case_id']: r for r in rep('2026-11-03', 'cases', db=DB3)}
lit = [r for r in rep('2026-11-03', 'litigation', db=DB3) if r['year'] == 'total'][0]
check(len(sued) > 0, 'the 300-unit province has lawsuits')
check(I(lit['units_sued']) == len(set(sued.values())), 'litigation units sued = lawsuit_filed units')
check(I(lit['amount_claimed']) == sum(I(cases[c]['claimed']) for c in sued),
      'litigation amount claimed = the sued cases\' claimed')
check(I(lit['recovered_total']) == sum(I(cases[c]['recovered']) for c in sued),
      'litigation recovered = the sued cases\' recovered')
check(I(lit['recovered_mediation']) + I(lit['recovered_judgment']) +
      I(lit['recovered_enforcement']) <= I(lit['recovered_total']),
      'recovered by channel within the total')
check(I(lit['pending_units']) == len({sued[c] for c in sued
                                      if cases[c]['state'] not in ('closed', 'withdrawn')}),
      'litigation pending = sued units with a case still open')
check(I(lit['mediated_units']) == len({sued[c] for c in sued if cases[c]['settled']}) and
      I(lit['mediated_amount']) == sum(I(cases[c]['settled']) for c in sued),
      'litigation mediated = the sued cases settled')

# ---- forced-deduction orders: the banks report against what was recorded on the cases ----
bank_cases = sorted(sued)[:2]
orders = [(bank_cases[0], '2026-11-02', 3000000, 'partial', '2026-11-05', 1000000),
          (bank_cases[1], '2026-11-03', 5000000, 'refused', '2026-11-07', 0),
          (bank_cases[0], '2026-11-04', 2500000, 'executed', '2026-11-06', 2500000)]
# the orders on their days, then the replies on theirs: 3, 4 and 2 days -> 3.0 on average
seqs, no = {}, []
for c, d, amt, res, rd, got in orders:
    run(d + 'T09:00:00', 'case', 'bank-order', c, d, 'Vietcombank CN Q1', '--amount', str(amt),
        db=DB3)
    seqs[c] = seqs.get(c, 0) + 1
    no.append(seqs[c])
for (c, d, amt, res, rd, got), k in sorted(zip(orders, no), key=lambda x: x[0][4]):
    run(rd + 'T09:00:00', 'case', 'bank-reply', c, rd, str(k), res,
        *(['--amount', str(got)] if res == 'partial' else []), db=DB3)
bk = rep('2026-11-09', 'banks', db=DB3)
check(len(bk) == 1 and I(bk[0]['orders']) == 3 and I(bk[0]['executed']) == 1 and
      I(bk[0]['partial']) == 1 and I(bk[0]['refused']) == 1 and I(bk[0]['unanswered']) == 0 and
      I(bk[0]['amount_ordered']) == 10500000 and I(bk[0]['amount_deducted']) == 3500000 and
      bk[0]['avg_days_to_reply'] == '3.0', 'banks = the three orders recorded: %s' % bk)
show = run('2026-11-09', 'case', 'show', bank_cases[0], db=DB3)
check('ordered 3.000.000' in show and 'deducted 1.000.000' in show and
      'ordered 2.500.000' in show, 'case show lists the orders of %s' % bank_cases[0])

# ---- informants' tips: policy/tip_reward.csv, 5% of what the tip recovered, capped at
# 10,000,000, nothing under 1,000,000 recovered ----
c = bank_cases[0]
for k, (asset, got) in enumerate((('Xe tải 51C-123.45', 3000000), ('Thửa đất số 12', 300000000),
                                  ('Tài khoản ACB', 500000)), 1):
    run('2026-11-10T09:00:00', 'case', 'tip', c, '2026-11-10', 'Nguyễn Văn An', asset, db=DB3)
    run('2026-11-12T09:00:00', 'case', 'tip-result', c, '2026-11-12', str(k), '--recovered',
        str(got), db=DB3)
tips = [(I(r['recovered']), I(r['reward'])) for r in rep('2026-11-13', 'tip_rewards', db=DB3)]
check(tips == [(3000000, 150000), (300000000, 10000000), (500000, 0)],
      'tip_rewards = 5%% capped at 10,000,000, none under 1,000,000: %s' % tips)

# ---- the daily sweep: a missed instalment of a settlement becomes enforceable ----
def enforceable(cs):
    return {sued[c] for c in sued if cs[c]['plan'] == 'defaulted' or cs[c]['awarded']}


before = rep('2026-11-13T08:00:00', 'litigation', db=DB3)
missed = [r['case_id'] for r in rep('2026-11-13T08:00:00', 'cases', db=DB3)
          if r['alert'].startswith('instalment missed')]
check(len(missed) > 0, 'a settlement has missed an instalment by 11-13')
run('2026-11-13T09:00:00', 'case', 'sweep', '--date', '2026-11-13', db=DB3)
cases2 = {r['case_id']: r for r in rep('2026-11-13T10:00:00', 'cases', db=DB3)}
lit2 = [r for r in rep('2026-11-13T10:00:00', 'litigation', db=DB3) if r['year'] == 'total'][0]
check(all(cases2[c]['plan'] == 'defaulted' and not cases2[c]['alert'].startswith('instalment')
          for c in missed), 'the sweep records every missed instalment: %s' % missed)
check(I(lit2['judgments_to_enforce']) == len(enforceable(cases2)),
      'litigation judgments to enforce = sued units with a judgment or a defaulted settlement')
check(I(lit2['judgments_to_enforce']) > I(before[-1]['judgments_to_enforce']),
      'the defaulted settlement adds a judgment to enforce')
check(rep('2026-11-13T10:00:00', 'litigation', '--as-of', '2026-11-13T08:00:00', db=DB3) == before,
      'litigation --as-of before the sweep = as it was')

if failures:
    sys.exit('cli_consistency: %d invariants failed' % len(failures))
print('cli_consistency: ok')
EOF
