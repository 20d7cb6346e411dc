#!/usr/bin/env bash
# What a command leaves behind when it fails (issue 17): `report -o FILE` writes a temporary
# file beside FILE and renames it only when the whole report was written, so a failed report
# leaves the previous FILE as it was and no temporary file; a good one replaces it, with the
# permissions the user's umask gives.
# usage: cli_outputs.sh THUNO_BINARY
set -euo pipefail
thuno=$1
work=$(mktemp -d)
source "$(dirname "$0")/db.sh"
trap 'rm -rf "$work"' EXIT
db=$(store_url "$work" t)
export THUNO_NOW=2026-11-05
"$thuno" --db "$db" init >/dev/null
out=$work/report.csv
echo "the previous report" >"$out"
# no policy covers 1990: the report fails with 65 and the previous file stays
status=0
"$thuno" --db "$db" report card_locks --period 1990-01 -o "$out" 2>"$work/err" || status=$?
[ "$status" -eq 65 ] || { echo "outputs: expected exit 65, got $status"; exit 1; }
grep -q "card_lock.csv" "$work/err" || { echo "outputs: the refusal does not name the policy"; cat "$work/err"; exit 1; }
[ "$(cat "$out")" = "the previous report" ] || { echo "outputs: a failed report changed $out"; exit 1; }
if ls "$work" | grep -q '\.tmp\.'; then echo "outputs: a temporary file was left"; ls "$work"; exit 1; fi
# a good report replaces the file, readable as umask 022 makes it
(umask 022 && "$thuno" --db "$db" report balances --period 2026-10 -o "$out")
[ "$(head -1 "$out" | cut -d, -f1)" = unit_code ] || { echo "outputs: the report was not written"; exit 1; }
[ "$(stat -c %a "$out")" = 644 ] || { echo "outputs: mode $(stat -c %a "$out"), expected 644"; exit 1; }
if ls "$work" | grep -q '\.tmp\.'; then echo "outputs: a temporary file was left"; exit 1; fi
# a directory that cannot be written: exit 69 and a message, nothing else
status=0
"$thuno" --db "$db" report balances --period 2026-10 -o "$work/no/such/dir/r.csv" 2>"$work/err" || status=$?
[ "$status" -eq 69 ] || { echo "outputs: expected exit 69 for an unwritable path, got $status"; exit 1; }
grep -q "cannot write" "$work/err" || { echo "outputs: no message for an unwritable path"; exit 1; }
# an output that cannot be written is an error with a message, never a silent exit 0
status=0
"$thuno" --db "$db" report balances --period 2026-10 >/dev/full 2>"$work/err" || status=$?
[ "$status" -eq 69 ] || { echo "outputs: expected exit 69 writing to a full device, got $status"; exit 1; }
grep -q "cannot write" "$work/err" || { echo "outputs: no message for a full device"; exit 1; }
# the meeting pack and documents write -o the same way: a path that cannot be written is
# exit 69 with a message; standard output on a full device too
status=0
"$thuno" --db "$db" pack meeting --period 2026-10 --format csv -o "$work/no/dir/p.csv" 2>"$work/err" || status=$?
[ "$status" -eq 69 ] && grep -q "cannot write" "$work/err" || { echo "outputs: pack -o unwritable: $status"; exit 1; }
status=0
"$thuno" --db "$db" pack meeting --period 2026-10 --format csv >/dev/full 2>"$work/err" || status=$?
[ "$status" -eq 69 ] && grep -q "cannot write" "$work/err" || { echo "outputs: pack on a full device: $status"; exit 1; }
"$thuno" --db "$db" pack meeting --period 2026-10 --format csv -o "$work/pack.csv"
head -1 "$work/pack.csv" | grep -q . || { echo "outputs: the pack was not written"; exit 1; }
if ls "$work" | grep -q '\.tmp\.'; then echo "outputs: a temporary file was left"; exit 1; fi
# any command's standard output on a full device: explain (its text once exited 0), user list:
# exit 69 with a message
db=$(store_url "$work" p)
. "$(dirname "$0")/province.sh"
province_closed
for args in "explain A 2025-11" "explain A 2025-11 --format json" "user list"; do
    status=0
    # shellcheck disable=SC2086
    t 2025-12-05 $args >/dev/full 2>"$work/err" || status=$?
    [ "$status" -eq 69 ] && [ -s "$work/err" ] || { echo "outputs: $args on a full device: $status"; cat "$work/err"; exit 1; }
done
t 2025-12-05 explain A 2025-11 >/dev/null || { echo "outputs: explain fails"; exit 1; }
if sqlite_part "an empty file, another program's SQLite file, its -wal"; then
    # --db on an empty file or another program's SQLite file: refused (exit 69), the file left
    # byte for byte as it was, no -wal or -shm beside it (it was once turned to WAL first)
    : >"$work/empty.db"
    python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute("CREATE TABLE t (x)"); c.execute("INSERT INTO t VALUES (1)"); c.commit(); c.close()' "$work/other.db"
    sum_before=$(sha256sum "$work/empty.db" "$work/other.db" | cut -d' ' -f1)
    for f in empty.db other.db; do
        status=0
        "$thuno" --db "$work/$f" report balances --period 2025-11 >/dev/null 2>"$work/err" || status=$?
        [ "$status" -eq 69 ] && grep -q "is not a thuno store" "$work/err" || { echo "outputs: --db $f: $status"; cat "$work/err"; exit 1; }
        [ ! -e "$work/$f-wal" ] && [ ! -e "$work/$f-shm" ] || { echo "outputs: --db $f left a WAL"; exit 1; }
    done
    [ "$(sha256sum "$work/empty.db" "$work/other.db" | cut -d' ' -f1)" = "$sum_before" ] || { echo "outputs: a refused --db file was changed"; exit 1; }
fi
echo "outputs: ok"
