#!/usr/bin/env bash
# The synthetic province's cases (docs/gen.md "Cases"): `thuno gen` writes case_events.csv,
# case_plans.csv and recovery payments whose histories the state machine accepts (the import
# replays every case and refuses a bad one), dated inside the window, reaching every state
# and every event of the ladder and the court path, with the outcomes of closed and
# assets_verified; the sweep finds the plans missed and not yet recorded, once. On a smaller
# province closed month by month, every case's unit really owes when its case opens.
# usage: cli_gen_cases.sh THUNO_BINARY
set -euo pipefail
thuno=$1
work=$(mktemp -d)
source "$(dirname "$0")/db.sh"
trap 'rm -rf "$work"' EXIT
export THUNO_POLICY=${THUNO_POLICY:-$(dirname "$0")/../policy}
fail() { echo "cli_gen_cases: $*" >&2; exit 1; }
t() { THUNO_NOW=2026-11-05T08:00:00 "$thuno" --db "$db" "$@"; }

# 1. the demo's size: every stage present
data=$work/big
db=$(store_url "$work" big)
"$thuno" gen --units 2000 --workers 20000 --months 24 --end 2026-10 --seed 1 --out "$data" 2>/dev/null
t init 2>/dev/null
for kind in officers units payments case_events case_plans; do
    t import "$kind" "$data/$kind.csv" 2>/dev/null || fail "import $kind refused"
done
awk -F, 'NR > 1 && $5 > "2026-10-31" { print "event after the window: " $0; bad = 1 }
         END { exit bad }' "$data/case_events.csv" || fail "events dated after the window"
for ev in reminder_sent inspection_concluded fine_decided deduction_ordered deduction_refused \
    published criminal_referral lawsuit_filed mediation_settled judgment appeal_changed \
    enforcement_requested enforcement_decided assets_verified measure_applied entrusted \
    suspended_no_assets plan_defaulted closed withdrawn; do
    grep -q ",$ev," "$data/case_events.csv" || fail "no $ev event"
done
for o in closed:full closed:partial closed:none assets_verified:assets \
    assets_verified:pledged assets_verified:none; do
    awk -F, -v ev="${o%:*}" -v out="${o#*:}" '$4 == ev && $7 == out { found = 1 }
        END { exit !found }' "$data/case_events.csv" || fail "no $o"
done
# a second reminder, and recoveries through every court channel
awk -F, '$4 == "reminder_sent" && $2 == 2 { found = 1 } END { exit !found }' \
    "$data/case_events.csv" || fail "no second reminder"
for ch in mediation judgment enforcement; do
    awk -F, -v ch="$ch" '$5 == ch && $8 != "" { found = 1 } END { exit !found }' \
        "$data/payments.csv" || fail "no $ch payment with a case_id"
done
# the suspense memos are varied (docs/gen.md "Suspense memos"): the matcher finds some units by
# code, some by tax code, some by name, each the right one, and leaves some for review
t suspense match --period 2026-10 >"$work/match.csv" 2>/dev/null || fail "suspense match"
python3 - "$work/match.csv" "$data/units.csv" <<'PY' || fail "suspense match on generated memos"
import collections, csv, re, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
tax = {u["unit_code"]: u["tax_code"] for u in csv.DictReader(open(sys.argv[2], encoding="utf-8"))}
n = collections.Counter(r["method"] for r in rows)
print("suspense match:", dict(n))
assert n["unit_code"] >= 10 and n["tax_code"] >= 5 and n["name"] >= 3, n
assert n["none"] + n["ambiguous"] >= 5 and n["ambiguous"] >= 1, n
for r in rows:
    memo, unit = r["memo"].upper(), r["proposed_unit"]
    if r["method"] == "unit_code":
        assert unit in re.split(r"[^0-9A-Z]+", memo), r
    elif r["method"] == "tax_code":
        assert tax[unit] in r["memo"], r
PY
t case sweep --date 2026-10-31 >"$work/sweep.txt" 2>/dev/null
[ -s "$work/sweep.txt" ] || fail "the sweep found no missed plan"
t case sweep --date 2026-10-31 >"$work/sweep2.txt" 2>/dev/null
[ ! -s "$work/sweep2.txt" ] || fail "second sweep recorded again"
t report cases >"$work/cases.csv"
for st in escalating sued mediated enforceable enforcing suspended closed withdrawn; do
    awk -F, -v st="$st" '$4 == st { found = 1 } END { exit !found }' "$work/cases.csv" ||
        fail "no case in state $st"
done
# mediated plans on track: a mediated case with nothing alerted
t report litigation >"$work/litigation.csv"
awk -F, '$1 == "total" && $2 > 0 && $4 > 0 && $6 > 0 && $14 > 0 { ok = 1 } END { exit !ok }' \
    "$work/litigation.csv" || fail "litigation statistics empty: $(cat "$work/litigation.csv")"

# 2. a small province closed month by month: each case opens on a unit that owes
data=$work/small
db=$(store_url "$work" small)
"$thuno" gen --units 400 --workers 4000 --months 12 --end 2026-10 --seed 2 --out "$data" 2>/dev/null
t init 2>/dev/null
for kind in officers units workers declarations payments registry case_events case_plans; do
    t import "$kind" "$data/$kind.csv" 2>/dev/null || fail "small: import $kind refused"
done
n=$(awk -F, 'NR > 1 && $2 == 1' "$data/case_events.csv" | wc -l)
[ "$n" -ge 5 ] || fail "small: only $n cases"
for m in 11 12; do t close "2025-$m" 2>/dev/null; done
for m in 01 02 03 04 05 06 07 08 09 10; do t close "2026-$m" 2>/dev/null; done
# the first event's month: the unit's balance of the month before shows principal due
awk -F, 'NR > 1 && $2 == 1 { print $3 "," substr($5, 1, 7) }' "$data/case_events.csv" |
    while IFS=, read -r unit month; do
        y=${month%-*}; mo=$((10#${month#*-} - 1))
        if [ "$mo" -eq 0 ]; then mo=12; y=$((y - 1)); fi
        prev=$(printf '%04d-%02d' "$y" "$mo")
        due=$(t report balances --period "$prev" | awk -F, -v u="$unit" '$1 == u { print $9 }')
        [ -n "$due" ] && [ "$due" -gt 0 ] || fail "small: $unit's case opens in $month but it owed '$due' at the end of $prev"
    done
echo "cli gen cases: ok"
