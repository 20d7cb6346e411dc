#!/usr/bin/env bash
# Go-live from an existing office (docs/ledger.md "Opening balances"; docs/formats.md): the
# hand-checked province of tests/data/province, where unit C owed, at the cut-over day
# 2025-06-30, May's BHXH 1,000,000 and 20,000 of interest to that day (tests/data/opening).
# A bad file stores nothing and names every error with its line and column; the close of July
# opens C with 1,020,000; explain shows the line with its source. Figures in docs/ledger.md
# "Opening balances". Goldens in tests/golden/opening.
# usage: cli_opening.sh THUNO_BINARY [--update]
set -euo pipefail
thuno=$1
work=$(mktemp -d)
source "$(dirname "$0")/db.sh"
trap 'rm -rf "$work"' EXIT
db=$(store_url "$work" t)
source "$(dirname "$0")/province.sh"
opening=$here/data/opening
golden=$here/golden/opening
fail() { echo "cli_opening: $*" >&2; exit 1; }

t 2025-07-01 init 2>/dev/null
for kind in officers units workers declarations registry; do
    t 2025-07-01 import "$kind" "$data/$kind.csv" 2>/dev/null
done
set +e
t 2025-07-01 import opening_balances "$opening/bad.csv" 2>"$work/bad.txt"
code=$?
set -e
[ "$code" -eq 65 ] || fail "bad.csv: exit $code, expected 65"
sed -i "s|$opening/||" "$work/bad.txt"
[ "$(store_sql "$db" 'SELECT count(*) FROM opening_balance')" = 0 ] || fail "rejected file stored rows"
t 2025-07-01 import opening_balances "$opening/opening_balances.csv" 2>/dev/null
import_dated 2025-07-01 payments "$data/payments.csv"
for p in 2025-07 2025-08 2025-09 2025-10 2025-11; do
    t "${p}-28T18:00:00" close "$p" 2>/dev/null
done
t 2025-12-01 explain C 2025-07 >"$work/explain-C-2025-07.txt"
t 2025-12-01 explain C 2025-07 --format json >"$work/explain-C-2025-07.json"
t 2025-12-01 report balances --period 2025-07 >"$work/balances-2025-07.csv"
t 2025-12-01 report balances --period 2025-11 >"$work/balances-2025-11.csv"

# an opening balance changed after the ledger's first close is refused by the next close
sed 's/,20000,/,25000,/' "$opening/opening_balances.csv" >"$work/changed.csv"
t 2025-12-02 import opening_balances "$work/changed.csv" --update 2>/dev/null
set +e
t 2025-12-02T09:00:00 close 2025-11 >/dev/null 2>"$work/refused.txt"
code=$?
set -e
[ "$code" -ne 0 ] && grep -q "opening balances changed after the ledger's first close" \
    "$work/refused.txt" || fail "a changed opening balance: exit $code, $(cat "$work/refused.txt")"

source "$here/goldens.sh"
compare_goldens "cli opening" "$golden" "${2:-}" "refused.txt|changed.csv" "$work"/*.txt "$work"/*.csv \
    "$work"/*.json
