#!/usr/bin/env bash
# The commands other than `report` that take --office (pack, letter, committee, explain) cut
# their store queries the one way `report` does (tn_cli_cut_office, docs/offices.md): the
# province office (79 or 79000) gives exactly what no --office gives, a district office its
# own units, an unknown office is refused with "no office" (exit 64). The province and its
# offices are those of tests/cli_offices.sh: A in D1 79001, B in D2 79002, C in 79000.
# usage: cli_office_commands.sh THUNO_BINARY
set -euo pipefail
thuno=$1
work=$(mktemp -d)
source "$(dirname "$0")/db.sh"
trap 'rm -rf "$work"' EXIT
db=$(store_url "$work" t)
source "$(dirname "$0")/province.sh"
offices=$here/data/offices
fail() { echo "cli_office_commands: $*" >&2; exit 1; }
province_closed
t 2025-12-01 import officers "$offices/officers.csv" --update 2>/dev/null
t 2025-12-01 import units "$offices/units.csv" --update 2>/dev/null

# pack: the province office is the whole province (before, --office 79000 kept C alone)
pack() { t 2025-12-03 pack meeting --period 2025-11 --format csv "$@"; }
pack >"$work/pack.csv"
for p in 79 79000; do
    pack --office $p >"$work/pack-$p.csv"
    cmp -s "$work/pack.csv" "$work/pack-$p.csv" || fail "pack --office $p differs from the province"
done
# D1 is A alone (docs/offices.md: debt, past its deadline, 10,611,936, last month 5,442,976 in
# bucket 1-3: at October's end September was one month wholly unpaid past its deadline, and
# August's 320,000 of truy thu, docs/ledger.md; November's 5,120,000 is not yet due)
pack --office 79001 >"$work/pack-d1.csv"
for line in "office,79001,1,,0,,0.0,10611936,0,0,0,0" "province,79,1,,0,,0.0,10611936,0,0,0,0" \
    "0,0,0,0,0,0,0" "1-3,1,5442976,1,10611936,5168960,5120000"; do
    grep -Fxq "$line" "$work/pack-d1.csv" || fail "pack --office 79001 lacks $line"
done
! grep -q "^office,7900[02]," "$work/pack-d1.csv" || fail "pack --office 79001 shows another office"

# letter: the notices of the units of the office, every unit's for the province office
for o in none 79000 79001 79002; do
    mkdir "$work/l-$o"
    args=()
    [ "$o" = none ] || args=(--office "$o")
    t 2025-12-03 letter c12ts --period 2025-11 "${args[@]}" --dir "$work/l-$o" 2>/dev/null
done
[ "$(ls "$work/l-none" | tr '\n' ' ')" = "A.pdf B.pdf C.pdf " ] || fail "letters: $(ls "$work/l-none")"
[ "$(ls "$work/l-79000" | tr '\n' ' ')" = "A.pdf B.pdf C.pdf " ] || fail "letters of 79000"
[ "$(ls "$work/l-79001")" = "A.pdf" ] || fail "letters of 79001: $(ls "$work/l-79001")"
[ "$(ls "$work/l-79002")" = "B.pdf" ] || fail "letters of 79002: $(ls "$work/l-79002")"

# an unknown office is refused by every command, as by report
refused() { # refused NAME ARGS...
    local code=0
    t 2025-12-03 "${@:2}" >/dev/null 2>"$work/err.txt" || code=$?
    [ "$code" -eq 64 ] || fail "$1 --office 79009: exit $code, expected 64"
    grep -q 'no office "79009"' "$work/err.txt" || fail "$1: $(cat "$work/err.txt")"
}
refused pack pack meeting --period 2025-11 --format csv --office 79009
refused letter letter c12ts --period 2025-11 --office 79009 --dir "$work"
refused committee committee --period 2025-11 --office 79009 -o "$work/c.pdf"
refused explain explain A 2025-11 --office 79009
refused report report debtors --period 2025-11 --office 79009
echo "cli_office_commands: ok"
