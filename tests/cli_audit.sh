#!/usr/bin/env bash
# The audit log of the CLI (issue 12 item 5; docs/api.md "The audit log"): every command that
# changes the store, run on the hand-checked province (tests/province.sh), appends one entry
# under the OS user ("cli:<name>") with its operation, target and outcome, a refused change
# one entry "failed" with its reason, a read none; `thuno audit` reads them back, filtered; no
# password is anywhere in the store's bytes.
# usage: cli_audit.sh THUNO_BINARY
set -euo pipefail
thuno=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$(mktemp -d)
source "$(dirname "$0")/db.sh"
trap 'rm -rf "$work"' EXIT
db=$(store_url "$work" p)
. "$(dirname "$0")/province.sh"
fail() { echo "cli_audit: $*" >&2; exit 1; }
me=cli:$(id -un)

count() { t 2026-12-31 audit | tail -n +2 | wc -l; }
# expect OUTCOME OPERATION TARGET NOW ARGS...: runs thuno ARGS at NOW (its exit status is not
# looked at) and checks that the log grew by exactly one entry: OS user, OPERATION on TARGET,
# OUTCOME
expect() {
    local outcome=$1 op=$2 target=$3 now=$4 before after last
    shift 4
    before=$(count)
    set +e
    t "$now" "$@" >/dev/null 2>"$work/err"
    set -e
    after=$(count)
    [ "$after" -eq $((before + 1)) ] ||
        fail "$*: $((after - before)) audit entries, expected 1 ($(cat "$work/err"))"
    last=$(t 2026-12-31 audit | tail -1)
    python3 - "$last" "$me" "$op" "$target" "$outcome" <<'PY' || fail "$*: last entry $last"
import csv, sys
row = next(csv.reader([sys.argv[1]]))
seq, at, actor, op, target, outcome, summary = row
want = sys.argv[2:6]
assert [actor, op, target, outcome] == want, (row, want)
assert outcome == "ok" or summary, "a failure without its reason"
PY
}
# none NOW ARGS...: a command that changes nothing adds no entry
none() {
    local before
    before=$(count)
    t "$@" >/dev/null 2>&1 || true
    [ "$(count)" -eq "$before" ] || fail "${*:2}: audited a read"
}

pw1="first-admin-password-$$"
pw2="second-password-$RANDOM-x"
pw3="third-password-$RANDOM-y"
pw4="Zq$RANDOM" # too short: refused
printf '%s\n' "$pw1" | t 2025-07-01 init --admin boss 2>/dev/null
t 2026-12-31 audit | grep -q ",$me,init,$db,ok," || fail "init not audited"
t 2026-12-31 audit | grep -q ",$me,user.add,boss,ok," || fail "init's admin not audited"
for kind in officers units workers declarations registry; do
    expect ok import "$kind" 2025-07-01 import "$kind" "$data/$kind.csv"
done
expect ok import units 2025-07-02 import units "$here/data/cases/units.csv"
import_dated 2025-07-01 payments "$data/payments.csv" 2>/dev/null
for p in 2025-07 2025-08 2025-09 2025-10 2025-11; do
    expect ok close "$p" "${p}-28T18:00:00" close "$p"
done
expect failed close 2026-05 2025-12-01 close 2026-05

# users: add, passwd, disable; a refused one failed
expect ok user.add tung 2025-12-01 user add tung --role officer --officer O1 <<<"$pw2"
expect failed user.add tung 2025-12-01 user add tung --role officer --officer O1 <<<"$pw2"
expect ok user.passwd tung 2025-12-01 user passwd tung <<<"$pw3"
expect failed user.passwd nobody 2025-12-01 user passwd nobody <<<"$pw3"
expect failed user.add shorty 2025-12-01 user add shorty --role qlt <<<"$pw4"
expect ok user.disable tung 2025-12-01 user disable tung
# a role changed in place; the last administrator's role and an officer without code refused
expect ok user.set tung 2025-12-01 user set tung --role kttn
t 2025-12-01 user list | grep -q '^tung,kttn,,,yes,' || fail "user set: tung is not KTTN"
expect failed user.set boss 2025-12-01 user set boss --role qlt
expect failed user.set tung 2025-12-01 user set tung --role officer
t 2025-12-01 user list | grep -q '^boss,admin,' || fail "user set: the last admin demoted"
none 2025-12-01 user list

# cases: record, attach, sweep, pensioner, the registers
expect ok case.record HS-A 2025-12-02 case record HS-A reminder_sent 2025-12-02 --unit A
expect failed case.record HS-A 2025-12-02 case record HS-A judgment 2025-12-02 --unit B --amount 5
echo "quyết định" >"$work/decision.txt"
expect ok case.attach HS-A 2025-12-03 case attach HS-A reminder "$work/decision.txt"
expect ok case.sweep 2025-12-03 2025-12-03 case sweep --date 2025-12-03
expect ok case.record HS-A 2025-12-05 case record HS-A lawsuit_filed 2025-12-05 --unit A \
    --amount 15723200 --office "TAND quận 1"
expect ok case.register HS-A 2025-12-05 case fee HS-A 2025-12-05 --amount 300000
expect failed case.register HS-A 2025-12-05 case fee HS-A 2025-12-05 --amount 0
expect ok case.register HS-A 2025-12-20 case hearing HS-A 2026-01-15 scheduled --court "TAND"
expect ok case.register HS-A 2025-12-20 case branch HS-A A-HN 01
expect ok case.pensioner HS-A 2025-12-20 case pensioner HS-A --name "Lê Văn B" --bhxh 7912 --day 5
none 2025-12-20 case show HS-A
none 2025-12-20 report balances --period 2025-11

# operations
expect ok assign O2 2025-12-01 assign A --officer O2 --from 2025-12-01
expect ok assign O1 2025-12-01 assign --from-officer O2 --officer O1 --from 2025-12-02
expect failed assign O1 2025-12-01 assign NOPE --officer O1 --from 2025-12-01
expect ok handover.sign 2025-11 2025-12-05 handover sign --period 2025-11 --department QLT --actor QLT1
none 2025-12-05 suspense match --period 2025-11
expect ok suspense.match 2025-11 2025-12-05 suspense match --period 2025-11 --apply --actor O1
expect failed suspense.assign NOPE 2025-12-05 suspense assign NOPE A --actor O1
expect ok inspection.record TT-1 2025-12-06 inspection record TT-1 A 2025-12-01 --body "TTKT" \
    --remedy-by 2026-01-01
expect failed inspection.record TT-2 2025-12-06 inspection record TT-2 A 2025-12-01 --body "" \
    --remedy-by 2026-01-01
expect ok letter reminder 2025-12-08 letter reminder --period 2025-11 --unit B --record \
    --actor O1 -o "$work/r.pdf"
expect failed letter reminder 2025-12-08 letter reminder --period 2025-11 --unit A --record \
    --actor O1 -o "$work/r.pdf"
none 2025-12-08 letter reminder --period 2025-11 --unit B -o "$work/r2.pdf"
expect ok calendar.done "reminder_monthly 2025-12" 2025-12-08T10:00:00 calendar done \
    reminder_monthly --period 2025-12 --actor O1
expect failed calendar.done "no_such_duty 2025-12" 2025-12-08 calendar done no_such_duty \
    --period 2025-12 --actor O1
expect ok contact.record A 2025-12-09T09:00:00 contact record A call --outcome "hẹn nộp"
expect failed contact.record A 2025-12-09 contact record A call --date 2025-12-10
expect failed contact.record NOPE 2025-12-09 contact record NOPE visit
none 2025-12-09 contact list A --latest

# every entry is the OS user's; the filters of `thuno audit`
t 2026-12-31 audit | tail -n +2 | cut -d, -f3 | sort -u | grep -vx "$me" &&
    fail "an entry of another actor"
[ "$(t 2026-12-31 audit --unit HS-A | tail -n +2 | wc -l)" -ge 9 ] || fail "--unit HS-A"
[ "$(t 2026-12-31 audit --user nobody | wc -l)" -eq 1 ] || fail "--user nobody"
t 2026-12-31 audit --from 2025-12-20 --to 2025-12-20 | tail -n +2 | cut -d, -f2 | cut -c1-10 |
    sort -u | grep -qvx 2025-12-20 && fail "--from/--to"
t 2026-12-31 audit --user "$me" --from 2025-11-28 --to 2025-11-28 | grep -q ',close,2025-11,ok,' ||
    fail "--user with --from/--to"

# all or nothing: a change whose audit entry cannot be written is not made (a trigger stands in
# for a failing audit table); the same change goes through once the entry can be written
snapshot() { # every table but the audit log, rows sorted (PostgreSQL: its data but the audit
    # log's; sequences, which a rolled back insert moves, left out)
    if on_pg; then
        pg_dump --data-only --no-owner --exclude-table-data=audit --dbname="$db" |
            grep -Ev '^(--|\\(un)?restrict |SELECT pg_catalog.setval)'
        return
    fi
    python3 - "$db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
names = [r[0] for r in db.execute(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('audit', 'sqlite_sequence')"
    " ORDER BY name")]
for n in names:
    for row in sorted(map(repr, db.execute('SELECT * FROM "%s"' % n))):
        print(n, row)
PY
}
audit_fails() {
    if on_pg; then
        if [ "$1" = on ]; then
            store_sql "$db" "CREATE FUNCTION test_audit_fails() RETURNS trigger LANGUAGE plpgsql
                             AS \$\$BEGIN RAISE EXCEPTION 'injected: the audit log cannot be written'; END\$\$;
                             CREATE TRIGGER test_audit_fails BEFORE INSERT ON audit
                             FOR EACH ROW EXECUTE FUNCTION test_audit_fails()"
        else
            store_sql "$db" "DROP TRIGGER test_audit_fails ON audit; DROP FUNCTION test_audit_fails()"
        fi
        return
    fi
    python3 - "$db" "$1" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
if sys.argv[2] == "on":
    db.execute("CREATE TRIGGER test_audit_fails BEFORE INSERT ON audit "
               "BEGIN SELECT RAISE(ABORT, 'injected: the audit log cannot be written'); END")
else:
    db.execute("DROP TRIGGER test_audit_fails")
db.commit()
PY
}
# atomic NOW ARGS...: thuno ARGS at NOW fails and changes nothing while the audit log cannot be
# written, then succeeds with its entry
atomic() {
    local before
    snapshot >"$work/before"
    before=$(count)
    audit_fails on
    if t "$@" >/dev/null 2>"$work/err"; then fail "${*:2}: succeeded without its audit entry"; fi
    grep -q "injected" "$work/err" || fail "${*:2}: the audit failure not told: $(cat "$work/err")"
    audit_fails off
    snapshot >"$work/after"
    cmp -s "$work/before" "$work/after" ||
        fail "${*:2}: changed the store without its audit entry: $(diff "$work/before" "$work/after" | head -5)"
    [ "$(count)" -eq "$before" ] || fail "${*:2}: an audit entry written"
    t "$@" >/dev/null 2>"$work/err" || fail "${*:2}: failed once the log could be written: $(cat "$work/err")"
    [ "$(count)" -eq $((before + 1)) ] || fail "${*:2}: not audited once"
}
atomic 2025-12-10 assign B --officer O2 --from 2025-12-10
atomic 2025-12-10 case record HS-C reminder_sent 2025-12-10 --unit C
atomic 2025-12-10 import units "$data/units.csv"
atomic 2025-12-28T18:00:00 close 2025-12
atomic 2025-12-28 handover sign --period 2025-12 --department QLT --actor QLT1
atomic 2025-12-28 contact record A visit --outcome "gặp kế toán"

# no password is anywhere in the store, in clear (PostgreSQL: in a dump of the database)
files=("$db" "$db-wal")
if on_pg; then
    pg_dump --no-owner --dbname="$db" >"$work/store.dump"
    files=("$work/store.dump")
fi
for pw in "$pw1" "$pw2" "$pw3" "$pw4"; do
    for f in "${files[@]}"; do
        [ -f "$f" ] || continue
        if grep -aqF -- "$pw" "$f"; then fail "the password $pw in $(basename "$f")"; fi
    done
done
echo "cli_audit: ok ($(count) entries)"
