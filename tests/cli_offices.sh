#!/usr/bin/env bash
# Offices (docs/offices.md): the hand-checked province of tests/data/province with its units
# spread over the province office 79000 and two district offices, 79001 (D1) and 79002 (D2),
# by a new version of units.csv and officers.csv imported after the closes. Every report cut
# for D1 and for the province (and D2 where D1's cut is empty) is compared with
# tests/golden/offices/; the derivation is in docs/offices.md "The test".
# usage: cli_offices.sh THUNO_BINARY [--update]
set -euo pipefail
thuno=$1
work=$(mktemp -d)
source "$(dirname "$0")/db.sh"
trap 'rm -rf "$work"' EXIT
db=$(store_url "$work" t)
out=$work/out
mkdir "$out"
source "$(dirname "$0")/province.sh"
offices=$here/data/offices
golden=$here/golden/offices
fail() { echo "cli_offices: $*" >&2; exit 1; }
province_closed
# the offices are known from 2025-12-01: A in D1, B in D2, C in the province office
t 2025-12-01 import officers "$offices/officers.csv" --update 2>/dev/null
t 2025-12-01 import units "$offices/units.csv" --update 2>/dev/null
# a payment for E arrives before E is registered (suspense: unknown unit); E then joins D1
t 2025-12-01 import payments "$offices/payments.csv" 2>/dev/null
t 2025-12-02 import units "$offices/units-late.csv" 2>/dev/null

# 79 and 79000 both name the province office: the whole province, as without --office
for p in 79 79000; do
    t 2025-12-03 report balances --period 2025-11 --office $p >"$work/x.csv"
    t 2025-12-03 report balances --period 2025-11 >"$work/y.csv"
    cmp -s "$work/x.csv" "$work/y.csv" || fail "--office $p differs from the whole province"
done

run() { # run NAME PERIOD OFFICE [ARGS...]
    local name=$1 per=$2 office=$3
    t 2025-12-03 report "$name" --period "$per" --office "$office" "${@:4}" \
        >"$out/$name-$per-$office.csv"
}
for office in 79001 79000; do
    for r in balances findings suspense officer_kpi debtors award_eligible non_participants \
        kpi_office kpi_type kpi_department escalation; do
        run "$r" 2025-11 "$office"
    done
    for r in card_locks handover; do
        run "$r" 2025-10 "$office"
        run "$r" 2025-11 "$office"
    done
done
# D1 sees nothing of these; D2 sees B
for r in card_locks handover; do run "$r" 2025-10 79002; done
run non_participants 2025-11 79002
run kpi_office 2025-11 79002
# the office as known then: on 2025-11-30 every unit was still the province office's
t 2025-12-03 report balances --period 2025-11 --office 79001 --as-of 2025-11-30 \
    >"$out/balances-2025-11-79001-asof-2025-11-30.csv"
run balances 2025-11 79001

# explain: D1 explains its own unit exactly as the province does; B is refused
t 2025-12-03 explain A 2025-11 --office 79001 >"$work/explain-A.txt"
t 2025-12-03 explain A 2025-11 >"$work/explain-A-all.txt"
cmp -s "$work/explain-A.txt" "$work/explain-A-all.txt" || fail "explain A differs under --office"
set +e
t 2025-12-03 explain B 2025-11 --office 79001 >/dev/null 2>"$out/explain-B-refused.txt"
code=$?
t 2025-12-03 report debtors --period 2025-11 --office 79009 >/dev/null 2>"$work/unknown.txt"
code2=$?
set -e
[ "$code" -eq 65 ] || fail "explain B --office 79001: exit $code, expected 65"
[ "$code2" -eq 64 ] || fail "unknown office: exit $code2, expected 64"
grep -q 'no office "79009"' "$work/unknown.txt" || fail "unknown office: $(cat "$work/unknown.txt")"

# the office is named on the documents
t 2025-12-03 report debtors --period 2025-11 --office 79001 --format pdf -o "$work/d1.pdf"
pdftotext "$work/d1.pdf" - | grep -q "cơ quan / office 79001" || fail "PDF lacks the office"
pdftotext "$work/d1.pdf" - | grep -q "Hải Âu" || fail "PDF lacks unit A"
! pdftotext "$work/d1.pdf" - | grep -q "Đồng Tâm" || fail "PDF of D1 shows unit B"

# the case reports on the litigation province of tests/data/cases (offices D1, D2): the
# province office sees every case, D1 only its units' cases
db=$(store_url "$work" cases)
t 2021-01-01 init 2>/dev/null
for kind in units case_events case_plans payments; do
    import_dated 2021-01-01 "$kind" "$here/data/cases/$kind.csv" "$here/data/cases/case_events.csv"
done
for r in litigation litigation_by_office cases; do
    t 2024-12-01 report "$r" --as-of 2024-12-31 >"$work/all.csv"
    t 2024-12-01 report "$r" --as-of 2024-12-31 --office 79 >"$work/prov.csv"
    cmp -s "$work/all.csv" "$work/prov.csv" || fail "$r --office 79 differs from the province"
done
t 2024-12-01 report cases --as-of 2024-12-31 --office D1 >"$work/d1.csv"
want=$(awk -F, 'NR > 1 && $3 == "D1"' "$work/all.csv" | wc -l)
got=$(awk -F, 'NR > 1 && $3 == "D1"' "$work/d1.csv" | wc -l)
others=$(awk -F, 'NR > 1 && $3 != "D1"' "$work/d1.csv" | wc -l)
[ "$want" -gt 0 ] && [ "$got" -eq "$want" ] && [ "$others" -eq 0 ] ||
    fail "cases --office D1: $got of $want D1 cases, $others of other offices"

source "$here/goldens.sh"
compare_goldens "cli offices" "$golden" "${2:-}" "" "$out"/*
