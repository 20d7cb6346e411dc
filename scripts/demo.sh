#!/usr/bin/env bash
# The main job on a demo province: installs the dependencies, builds thuno, generates a
# synthetic province (2,000 units, ~60,000 workers, 24 months ending 2026-10, with its debt
# cases), imports it, runs the monthly close of every month in order, sweeps the repayment
# plans on the window's last day and prints a summary of the last month and of the cases.
# Environment: DEMO_DIR (default ./demo), UNITS, WORKERS, MONTHS, END, SEED.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
dir=${DEMO_DIR:-demo}
units=${UNITS:-2000}
workers=${WORKERS:-60000}
months=${MONTHS:-24}
end=${END:-2026-10}
seed=${SEED:-1}

if [ -d build/release ]; then meson setup --reconfigure build/release --buildtype=release >/dev/null
else meson setup build/release --buildtype=release >/dev/null; fi
ninja -C build/release src/cli/thuno >/dev/null
thuno=build/release/src/cli/thuno

rm -rf "$dir"
mkdir -p "$dir"
echo "== gen: $units units, $workers workers, $months months to $end (seed $seed)"
$thuno gen --units "$units" --workers "$workers" --months "$months" --end "$end" \
    --seed "$seed" --out "$dir/data"
db="$dir/thuno.db"
$thuno --db "$db" init
for kind in officers units workers declarations payments registry case_events case_plans; do
    $thuno --db "$db" import "$kind" "$dir/data/$kind.csv"
done

# every month of the window, oldest first
y=${end%-*}; m=$((10#${end#*-}))
periods=()
for ((i = 0; i < months; i++)); do
    periods=("$(printf '%04d-%02d' "$y" "$m")" "${periods[@]}")
    m=$((m - 1)); if [ "$m" -eq 0 ]; then m=12; y=$((y - 1)); fi
done
start=$(date +%s)
for p in "${periods[@]}"; do
    $thuno --db "$db" close "$p"
done
echo "== ${#periods[@]} closes in $(($(date +%s) - start)) s"

$thuno --db "$db" report balances --period "$end" -o "$dir/balances-$end.csv"
awk -F, 'NR > 1 {
    n++; closing += $8; principal += $9; interest += $10; bucket[$12]++; status[$14]++
} END {
    printf "== balances %s: %d units, closing %.0f, principal due %.0f, interest due %.0f\n", p, n, closing, principal, interest
    printf "   buckets: 0=%d 1-3=%d 3-6=%d 6-12=%d 12+=%d\n", bucket["0"], bucket["1-3"], bucket["3-6"], bucket["6-12"], bucket["12+"]
    printf "   legal status: current=%d late=%d evading=%d\n", status["current"], status["late"], status["evading"]
}' p="$end" "$dir/balances-$end.csv"
top=$(awk -F, 'NR > 1 && $9 > max {max = $9; unit = $1} END {print unit}' "$dir/balances-$end.csv")
if [ -n "$top" ]; then
    echo "== the largest debtor, explained: thuno --db $db explain $top $end"
    $thuno --db "$db" explain "$top" "$end" >"$dir/explain-$top-$end.txt"
    grep -vE '^(  NLĐ|    )' "$dir/explain-$top-$end.txt" | head -40
fi
# the cases: instalments missed by the window's last day become defaults, then the summary
last=$(date -d "$end-01 +1 month -1 day" +%F)
$thuno --db "$db" case sweep --date "$last" >"$dir/sweep-$last.txt"
echo "== case sweep $last: $(wc -l <"$dir/sweep-$last.txt") missed plans recorded as defaulted"
$thuno --db "$db" report cases -o "$dir/cases.csv"
echo "== cases by state:$(awk -F, 'NR > 1 { print $4 }' "$dir/cases.csv" | sort | uniq -c |
    awk '{ printf " %s=%d", $2, $1 }')"
echo "== litigation statistics (seed 000): thuno --db $db report litigation"
$thuno --db "$db" report litigation | cut -d, -f1-4,6,8,14,15
echo "== reports: $dir/balances-$end.csv, $dir/cases.csv; database: $db"
