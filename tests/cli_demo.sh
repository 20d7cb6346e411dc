#!/usr/bin/env bash
# Round trip of a small synthetic province through the thuno command: gen, init, import every
# file, close every month in order, then check the balances report's identities on every row
# (closing = opening + assessed + adjustment + interest - paid = principal_due + interest_due;
# opening = the previous closing), that a second close changes nothing, and that explain
# opens a debtor's balance.
# usage: cli_demo.sh THUNO_BINARY
set -euo pipefail
thuno=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=$work/t.db
export THUNO_POLICY=${THUNO_POLICY:-$(dirname "$0")/../policy}
"$thuno" gen --units 120 --workers 3000 --months 14 --end 2026-02 --seed 3 --out "$work/data" 2>/dev/null
"$thuno" --db "$db" init 2>/dev/null
for kind in officers units workers declarations payments registry; do
    "$thuno" --db "$db" import "$kind" "$work/data/$kind.csv" 2>/dev/null
done
periods=(2025-01 2025-02 2025-03 2025-04 2025-05 2025-06 2025-07 2025-08 2025-09 2025-10 2025-11 2025-12 2026-01 2026-02)
for p in "${periods[@]}"; do
    "$thuno" --db "$db" close "$p" 2>/dev/null
    "$thuno" --db "$db" report balances --period "$p" >"$work/b-$p.csv"
done
prev=""
for p in "${periods[@]}"; do
    awk -F, -v p="$p" 'NR > 1 {
        if ($3 + $4 + $5 + $6 - $7 != $8) { print p ": " $1 " closing identity broken"; bad = 1 }
        if ($9 + $10 != $8) { print p ": " $1 " principal + interest != closing"; bad = 1 }
        n++
    } END { if (n < 100) { print p ": only " n " units"; bad = 1 } exit bad }' "$work/b-$p.csv"
    if [ -n "$prev" ]; then
        # every unit's opening is its previous closing
        join -t, <(awk -F, 'NR > 1 {print $1 "," $8}' "$work/b-$prev.csv" | sort) \
                 <(awk -F, 'NR > 1 {print $1 "," $3}' "$work/b-$p.csv" | sort) |
            awk -F, -v p="$p" '$2 != $3 { print p ": " $1 " opening " $3 " != previous closing " $2; bad = 1 } END { exit bad }'
    fi
    prev=$p
done
"$thuno" --db "$db" close 2026-02 2>"$work/rerun.txt"
grep -q "(0 changed)" "$work/rerun.txt" || { cat "$work/rerun.txt"; exit 1; }
# the synthetic province has debtors, interest and back-dated adjustments
awk -F, 'NR > 1 && $9 > 0 {d++} NR > 1 && $6 > 0 {i++} END {
    if (d < 5 || i < 5) { print "too few debtors (" d ") or interest rows (" i ")"; exit 1 } }' "$work/b-2026-02.csv"
unit=$(awk -F, 'NR > 1 && $9 > 0 {print $1; exit}' "$work/b-2026-02.csv")
"$thuno" --db "$db" explain "$unit" 2026-02 | grep -q "Số dư cuối kỳ / closing"
"$thuno" --db "$db" explain "$unit" 2026-02 --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["balance"]["closing"] == d["balance"]["principal_due"] + d["balance"]["interest_due"]'
echo "cli demo: 14 closes consistent"
