#!/usr/bin/env bash
# Benchmark harness: for each size, generates a province with `thuno gen`, then measures the
# import of each file (rows/s, peak memory), every monthly close (the last one separately),
# `report balances` and `explain`, and the database size. One CSV line per size is appended
# to bench/results.csv (or $BENCH_OUT) so runs can be compared over time.
#
# With BASELINE=1 (the default for the smoke size) it also runs the plain-SQL baseline
# (bench/baseline.sh) on the same database and checks that both compute the same figures.
#
# After the closes it imports the generated cases and times the reports and commands of
# issues 4 and 5 named in $REPORTS (default: a representative set; "" skips them), one CSV
# line per report and size appended to bench/reports.csv (or $BENCH_REPORTS_OUT): seconds
# and peak memory. The letters are timed for one office (the first of units.csv): a letter
# per unit of the province in one PDF is not how they are sent.
#
# The import's CPU time is set beside the ceiling of SQLite itself on the same rows
# (bench/sqlite_ceiling.c), and the close of the last month beside its peers (bench/peers.sh:
# the window-function SQLite query, and DuckDB when @duckdb/node-api is installed), each
# checked to give the same assessed and paid per unit; PEERS=0 skips them. CPU times (the
# machine may be shared) go to bench/peers.csv (or $BENCH_PEERS_OUT), one line per size.
#
# With THUNO_TEST_PG (the socket directory of a PostgreSQL test server, scripts/pg.sh start) the
# store is a new PostgreSQL database of it (tests/db.sh), the lines go to bench/results_pg.csv
# and bench/reports_pg.csv (or $BENCH_OUT, $BENCH_REPORTS_OUT), the database's size is
# pg_database_size, and the SQLite ceiling, the peers and the baseline, which read the store's
# file, are left out.
#
# usage: bench/run.sh [UNITS:WORKERS:MONTHS ...]   default: 200:6000:6 (the CI smoke size)
# e.g.   bench/run.sh 2000:60000:24 8000:240000:24 32000:960000:24
set -euo pipefail
cd "$(dirname "$0")/.."
. tests/db.sh
sizes=("$@")
if [ "${#sizes[@]}" -eq 0 ]; then
    sizes=(200:6000:6)
    BASELINE=${BASELINE:-1}
fi
build=${BENCH_BUILD:-build/release}
if [ ! -x "$build/src/cli/thuno" ] || [ ! -x "$build/bench/bench_run" ] ||
    [ ! -x "$build/bench/sqlite_ceiling" ]; then
    [ -d "$build" ] || meson setup "$build" --buildtype=release >/dev/null
    ninja -C "$build" src/cli/thuno bench/bench_run bench/sqlite_ceiling >/dev/null
fi
thuno=$PWD/$build/src/cli/thuno
run=$PWD/$build/bench/bench_run
engine=
if on_pg; then
    engine=_pg PEERS=0 BASELINE=0
fi
out=${BENCH_OUT:-bench/results$engine.csv}
rout=${BENCH_REPORTS_OUT:-bench/reports$engine.csv}
pout=${BENCH_PEERS_OUT:-bench/peers.csv}
ceiling=$PWD/$build/bench/sqlite_ceiling
default_reports="card_locks handover officer_kpi kpi_office debtors non_participants cases
 litigation escalation handover_signoff suspense_review books card_lock_workers pc_report
 worklist collection_plan pack_meeting committee suspense_match letter_c12ts letter_reminder"
reports=${REPORTS-$default_reports}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -f "$out" ] || echo "date,commit,units,workers,months,gen_s,import_decl_rows_s,import_pay_rows_s,close_all_s,close_last_s,close_last_peak_kib,report_s,explain_ms,db_mib,baseline_month_s" >"$out"
[ -f "$pout" ] || echo "date,commit,units,workers,months,import_decl_cpu_rows_s,import_decl_peak_kib,ceiling_decl_rows_s,import_pay_cpu_rows_s,ceiling_pay_rows_s,close_last_cpu_s,peer_sqlite_window_cpu_s,peer_duckdb_cpu_s" >"$pout"
[ -f "$rout" ] || echo "date,commit,units,workers,months,report,seconds,peak_kib" >"$rout"
commit=$(git rev-parse --short HEAD 2>/dev/null || echo none)
end=2026-10

field() { awk -F, -v l="$1" -v f="$2" '$1 == "bench" && $2 == l {print $f}' "$work/log"; }

for size in "${sizes[@]}"; do
    IFS=: read -r units workers months <<<"$size"
    echo "== size: $units units, $workers workers, $months months"
    : >"$work/log"
    rm -rf "$work/data" "$work/thuno.db"*
    db=$(store_url "$work" thuno)
    $run gen 0 "$thuno" gen --units "$units" --workers "$workers" --months "$months" \
        --end "$end" --out "$work/data" 2>>"$work/log"
    "$thuno" --db "$db" init 2>/dev/null
    for kind in officers units workers declarations payments registry; do
        rows=$(($(wc -l <"$work/data/$kind.csv") - 1))
        $run "import_$kind" "$rows" "$thuno" --db "$db" import "$kind" "$work/data/$kind.csv" \
            2>>"$work/log"
    done
    ceil_decl="" ceil_pay=""
    if [ "${PEERS:-1}" = 1 ]; then
        for t in declaration payment; do
            "$ceiling" "$db" "$t" "$work/ceiling.db" 2>>"$work/log"
        done
        rm -f "$work/ceiling.db"*
        ceil_decl=$(field ceiling_declaration 4) ceil_pay=$(field ceiling_payment 4)
    fi
    y=${end%-*}; m=$((10#${end#*-})); periods=()
    for ((i = 0; i < months; i++)); do
        periods=("$(printf '%04d-%02d' "$y" "$m")" "${periods[@]}")
        m=$((m - 1)); if [ "$m" -eq 0 ]; then m=12; y=$((y - 1)); fi
    done
    t0=$(date +%s%N)
    for p in "${periods[@]::${#periods[@]}-1}"; do
        "$thuno" --db "$db" close "$p" 2>/dev/null
    done
    $run close_last "$workers" "$thuno" --db "$db" close "$end" 2>>"$work/log"
    close_all=$(( ($(date +%s%N) - t0) / 1000000 ))
    $run report_balances "$units" "$thuno" --db "$db" report balances --period "$end" \
        -o "$work/balances.csv" 2>>"$work/log"
    unit=$(awk -F, 'NR == 2 {print $1}' "$work/balances.csv")
    t0=$(date +%s%N)
    for _ in 1 2 3 4 5 6 7 8 9 10; do
        "$thuno" --db "$db" explain "$unit" "$end" >/dev/null
    done
    explain_ms=$(( ($(date +%s%N) - t0) / 10000000 ))
    peer_sqlite="" peer_duckdb=""
    if [ "${PEERS:-1}" = 1 ]; then
        echo "close of $end (thuno)            $(field close_last 6) s of CPU"
        bash bench/peers.sh "$db" "${periods[0]}" "$end" | tee "$work/peers.txt"
        peer_sqlite=$(awk -F= '/^peer_sqlite_window_cpu_s=/ {print $2}' "$work/peers.txt")
        peer_duckdb=$(awk -F= '/^peer_duckdb_cpu_s=/ {print $2}' "$work/peers.txt")
        echo "$(date -u +%Y-%m-%dT%H:%M:%SZ),$commit,$units,$workers,$months,$(field import_declarations 7),$(field import_declarations 5),$ceil_decl,$(field import_payments 7),$ceil_pay,$(field close_last 6),$peer_sqlite,$peer_duckdb" >>"$pout"
    fi
    echo "explain (process incl.)        ${explain_ms} ms per call"
    if on_pg; then
        db_mib=$(( $(psql -X -A -t --dbname="$db" -c 'SELECT pg_database_size(current_database())') / 1048576 ))
    else
        db_mib=$(( $(stat -c %s "$db") / 1048576 ))
    fi
    echo "database                       ${db_mib} MiB"
    baseline=""
    if [ "${BASELINE:-0}" = 1 ]; then
        bash bench/baseline.sh "$db" "${periods[0]}" "$end" | tee "$work/baseline.txt"
        bms=$(awk -F= '/^baseline_ms_per_month=/ {print $2}' "$work/baseline.txt")
        baseline=$((bms / 1000)).$(printf '%03d' $((bms % 1000)))
    fi
    if [ -n "$reports" ]; then
        for kind in case_events case_plans; do
            "$thuno" --db "$db" import "$kind" "$work/data/$kind.csv" 2>/dev/null
        done
        office=$(awk -F, 'NR == 2 {print $9}' "$work/data/units.csv")
        for r in $reports; do
            case $r in
            pack_meeting) cmd=(pack meeting --period "$end" -o "$work/r.pdf") ;;
            committee) cmd=(committee --period "$end" -o "$work/r.pdf") ;;
            suspense_match) cmd=(suspense match --period "$end") ;;
            letter_c12ts | letter_reminder)
                cmd=(letter "${r#letter_}" --period "$end" --office "$office" -o "$work/r.pdf") ;;
            litigation*) cmd=(report "$r" --from "${end%-*}-01-01" --to "$end-28" -o "$work/r.csv") ;;
            *) cmd=(report "$r" --period "$end" -o "$work/r.csv") ;;
            esac
            $run "r_$r" "$units" "$thuno" --db "$db" "${cmd[@]}" >/dev/null 2>>"$work/log"
            printf '%-30s %s s %8s KiB\n' "$r" "$(field "r_$r" 3)" "$(field "r_$r" 5)"
            echo "$(date -u +%Y-%m-%dT%H:%M:%SZ),$commit,$units,$workers,$months,$r,$(field "r_$r" 3),$(field "r_$r" 5)" >>"$rout"
        done
    fi
    echo "$(date -u +%Y-%m-%dT%H:%M:%SZ),$commit,$units,$workers,$months,$(field gen 3),$(field import_declarations 4),$(field import_payments 4),$((close_all / 1000)).$(printf '%03d' $((close_all % 1000))),$(field close_last 3),$(field close_last 5),$(field report_balances 3),$explain_ms,$db_mib,$baseline" >>"$out"
done
echo "== results appended to $out${reports:+ and $rout}, $pout"
