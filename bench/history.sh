#!/usr/bin/env bash
# Flat in history (docs/performance.md "Carried state"): for each UNITS:WORKERS:MONTHS, generates
# a province ending 2026-10, imports it whole (as bench/run.sh does), closes every month but the
# last, then closes the last month twice from a copy of the store: from the states the closes
# carried, and with THUNO_CLOSE_REPLAY=full (every unit replayed from the ledger's first month,
# as before the carried state). Prints the CPU seconds (user+sys, getrusage of the child) of
# each, and checks that both wrote the same results.
# usage: bench/history.sh UNITS:WORKERS:MONTHS ...   e.g. bench/history.sh 5000:200000:3 5000:200000:48
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BENCH_BUILD:-build}
thuno=$PWD/$build/src/cli/thuno
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
end=2026-10
cpu() { # cpu LABEL CMD...: runs CMD, prints LABEL and its user+sys CPU seconds
    local label=$1
    shift
    /usr/bin/time -f "%U %S" -o "$work/time" "$@" 2>/dev/null
    awk -v l="$label" '{printf "%-28s %.2f s CPU\n", l, $1 + $2}' "$work/time"
}
for size in "$@"; do
    IFS=: read -r units workers months <<<"$size"
    echo "== $units units, $workers workers, $months months"
    rm -rf "$work/data" "$work"/*.db*
    db=$work/t.db
    "$thuno" gen --units "$units" --workers "$workers" --months "$months" --end "$end" \
        --seed 7 --out "$work/data" 2>/dev/null
    "$thuno" --db "$db" init 2>/dev/null
    for kind in officers units workers declarations payments registry; do
        "$thuno" --db "$db" import "$kind" "$work/data/$kind.csv" 2>/dev/null
    done
    y=${end%-*}; m=$((10#${end#*-})); periods=()
    for ((i = 0; i < months; i++)); do
        periods=("$(printf '%04d-%02d' "$y" "$m")" "${periods[@]}")
        m=$((m - 1)); if [ "$m" -eq 0 ]; then m=12; y=$((y - 1)); fi
    done
    for p in "${periods[@]::${#periods[@]}-1}"; do
        "$thuno" --db "$db" close "$p" 2>/dev/null
    done
    sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
    cp "$db" "$work/full.db"
    cpu "close $end carried" "$thuno" --db "$db" close "$end"
    THUNO_CLOSE_REPLAY=full cpu "close $end full replay" "$thuno" --db "$work/full.db" close "$end"
    q="SELECT unit_code, period, digest, closing, months_owed_tenths FROM unit_close
       WHERE period = '$end' ORDER BY unit_code"
    if [ "$(sqlite3 "$db" "$q" | md5sum)" != "$(sqlite3 "$work/full.db" "$q" | md5sum)" ]; then
        echo "history.sh: the carried and the full replay differ" >&2
        exit 1
    fi
done
