#!/usr/bin/env bash
# API load benchmark (issue 12 item 7; docs/performance.md "API"). Loopback only, bounded in
# count and time; never part of the test suite.
#
# Generates a province with `thuno gen` (SIZE units, 30 workers each, MONTHS months ending
# 2026-10), imports it, closes every month but the last, starts `thuno serve` on a free
# 127.0.0.1 port, logs in as an admin, then runs `wrk` for DURATION seconds each against
#   balance:  GET /api/v1/units/{code}/balance?period=P (a Lua script rotating the unit codes)
#   worklist: GET /api/v1/worklist?period=P&officer=O (one officer's worklist)
#   worklist_page: GET /api/v1/worklist?period=P&limit=50 (the first page of the province's)
# first alone ("idle"), then while closes of the last month run back to back (POST /closes,
# polled until done, again until wrk ends: "close"). Prints and appends to bench/api.csv (or
# $BENCH_API_OUT) one line per run: req/s, p50 and p99 in ms, non-2xx answers, socket errors,
# closes finished during the run, and the server's peak RSS so far (VmHWM).
#
# usage: bench/api.sh [SIZE]     default SIZE 20000
# env:   MONTHS (3), DURATION (20), THREADS (wrk -t, 2), CONNS (wrk -c, 64), SERVE_THREADS (4),
#        KINDS ("balance worklist worklist_page": the endpoints measured),
#        BENCH_BUILD (build/release), PERF=1: `perf record` the server during the balance under
#        the close, its top functions printed after the table; THUNO_TEST_PG: the socket
#        directory of a PostgreSQL test server (scripts/pg.sh start): the store is a new
#        database of it (tests/db.sh), the lines go to bench/api_pg.csv
# needs: wrk (installed with apt-get when missing), curl, python3
set -euo pipefail
. "$(dirname "$0")/serve_lib.sh"
cd "$(dirname "$0")/.."
. tests/db.sh
size=${1:-20000}
months=${MONTHS:-3}
duration=${DURATION:-20}
wthreads=${THREADS:-2}
conns=${CONNS:-64}
sthreads=${SERVE_THREADS:-4}
kinds=${KINDS:-balance worklist worklist_page}
build=${BENCH_BUILD:-build/release}
out=${BENCH_API_OUT:-bench/api$(! on_pg || echo _pg).csv}
end=2026-10
case "$size$months$duration$wthreads$conns$sthreads" in *[!0-9]*)
    echo "api.sh: SIZE, MONTHS, DURATION, THREADS, CONNS, SERVE_THREADS are numbers" >&2
    exit 64
    ;;
esac
[ "$duration" -le 120 ] || { echo "api.sh: DURATION at most 120 s" >&2; exit 64; }
[ "$months" -ge 2 ] && [ "$months" -le 12 ] || { echo "api.sh: MONTHS 2 to 12" >&2; exit 64; }

if ! command -v wrk >/dev/null; then
    echo "== installing wrk (bench only)"
    if [ "$(id -u)" -eq 0 ]; then apt-get install -y wrk >/dev/null; else sudo apt-get install -y wrk >/dev/null; fi
fi
for tool in curl python3; do
    command -v "$tool" >/dev/null || { echo "api.sh: needs $tool" >&2; exit 69; }
done
if [ ! -x "$build/src/cli/thuno" ]; then
    [ -d "$build" ] || meson setup "$build" --buildtype=release >/dev/null
fi
ninja -C "$build" src/cli/thuno >/dev/null
thuno=$PWD/$build/src/cli/thuno

work=$(mktemp -d)
server=
cleanup() {
    [ -z "$server" ] || kill "$server" 2>/dev/null || true
    [ -z "$server" ] || wait "$server" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
db=$(store_url "$work" api)
last=$end
first=$(python3 -c "y,m=map(int,'$end'.split('-'));i=y*12+m-1-($months-1);print('%04d-%02d'%(i//12,i%12+1))")

echo "== province: $size units, $((size * 30)) workers, $months months to $end"
t0=$(date +%s.%N)
"$thuno" gen --units "$size" --workers $((size * 30)) --months "$months" --end "$end" \
    --out "$work/data" 2>/dev/null
export THUNO_NOW=2026-11-05T08:00:00
pw=bench-password-$$-$RANDOM
printf '%s\n' "$pw" | "$thuno" --db "$db" init --admin bench 2>/dev/null
for kind in officers units workers declarations payments registry; do
    "$thuno" --db "$db" import "$kind" "$work/data/$kind.csv" 2>/dev/null
done
p=$first
while [ "$p" != "$last" ]; do
    "$thuno" --db "$db" close "$p" 2>/dev/null
    p=$(python3 -c "y,m=map(int,'$p'.split('-'));i=y*12+m;print('%04d-%02d'%(i//12,i%12+1))")
done
prior=$(python3 -c "y,m=map(int,'$last'.split('-'));i=y*12+m-2;print('%04d-%02d'%(i//12,i%12+1))")
awk -v a="$t0" -v b="$(date +%s.%N)" -v p="$prior" \
    'BEGIN {printf "generated, imported and closed to %s in %.1f s\n", p, b - a}'

# the codes of the units with a balance of the month closed, and one officer with units
bench_targets "$prior"
officer=$(cat "$work/officer")

bench_serve api.sh bench "$pw" 100

# the checks: one request of each answers 200
for path in "units/$(head -2 "$work/data/units.csv" | tail -1 | cut -d, -f1)/balance?period=$prior" \
    "worklist?period=$prior&officer=$officer" "worklist?period=$prior&limit=50"; do
    code=$(curl -s -o "$work/check" -w '%{http_code}' -b "thuno_session=$cookie" "$base/$path")
    [ "$code" = 200 ] || { echo "api.sh: GET $path: $code $(head -c 300 "$work/check")" >&2; exit 70; }
done

cat >"$work/bench.lua" <<EOF
local codes = dofile("$work/codes.lua")
local kind = os.getenv("BENCH_KIND")
local i = 0
wrk.headers["Cookie"] = "thuno_session=$cookie"
function setup(thread) i = i + 1; thread:set("start", i * 7919) end
function init(args) n = start end
function request()
  if kind == "worklist" then
    return wrk.format("GET", "/api/v1/worklist?period=$prior&officer=$officer")
  end
  if kind == "worklist_page" then
    return wrk.format("GET", "/api/v1/worklist?period=$prior&limit=50")
  end
  n = n + 1
  return wrk.format("GET", "/api/v1/units/" .. codes[n % #codes + 1] .. "/balance?period=$prior")
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %.1f %.3f %.3f %d %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, e.status, e.connect + e.read + e.write + e.timeout))
end
EOF

# closes of the last month back to back until the file $work/stop appears; counts them
closes_loop() {
    local n=0 failed=0 job status
    while [ ! -e "$work/stop" ]; do
        job=$(curl -s -b "thuno_session=$cookie" -H "X-CSRF-Token: $csrf" \
            -H 'Content-Type: application/json' -d "{\"period\": \"$last\"}" "$base/closes" |
            python3 -c 'import json,sys;print(json.load(sys.stdin).get("id",""))' 2>/dev/null) || true
        [ -n "$job" ] || { sleep 0.2; continue; }
        status=running
        for _ in $(seq 600); do # at most 2 minutes a close
            status=$(curl -s -b "thuno_session=$cookie" "$base/closes/$job" |
                python3 -c 'import json,sys;print(json.load(sys.stdin)["status"])' 2>/dev/null) ||
                status=running
            [ "$status" = running ] || break
            sleep 0.2
        done
        if [ "$status" = done ]; then n=$((n + 1)); else failed=$((failed + 1)); fi
    done
    echo "$n $failed" >"$work/closes"
}

[ -f "$out" ] || echo "date,commit,units,workers,endpoint,load,duration_s,wrk_threads,connections,serve_threads,req_s,p50_ms,p99_ms,non_2xx,socket_errors,closes_done,closes_failed,server_peak_rss_kib" >"$out"
commit=$(git rev-parse --short HEAD 2>/dev/null || echo none)
printf '%-9s %-6s %10s %8s %8s %7s %7s %7s %12s\n' endpoint load req/s p50_ms p99_ms non2xx sockerr closes peak_rss_kib
# drain: a worklist's queued requests keep the server's threads busy after wrk stops; wait
# (at most 2 minutes) until one balance answers within 0.2 s before the next run
drain() {
    local t
    for _ in $(seq 120); do
        t=$(curl -s -o /dev/null -w '%{time_total}' -m 5 -b "thuno_session=$cookie" \
            "$base/units/$(head -2 "$work/data/units.csv" | tail -1 | cut -d, -f1)/balance?period=$prior") ||
            t=9
        awk -v t="$t" 'BEGIN {exit !(t < 0.2)}' && return 0
        sleep 1
    done
}
for kind in $kinds; do
    for load in idle close; do
        drain
        rm -f "$work/stop" "$work/closes"
        loop=
        if [ "$load" = close ]; then
            closes_loop &
            loop=$!
        fi
        perf=
        if [ -n "${PERF:-}" ] && [ "$kind" = balance ] && [ "$load" = close ]; then
            perf record -q -F 499 -g -p "$server" -o "$work/perf.data" -- sleep "$duration" \
                >/dev/null 2>&1 &
            perf=$!
        fi
        BENCH_KIND=$kind wrk -t"$wthreads" -c"$conns" -d"${duration}s" --timeout 30s \
            -s "$work/bench.lua" "http://127.0.0.1:$port" >"$work/wrk.out" 2>&1 || true
        [ -z "$perf" ] || wait "$perf" || true
        closes="0 0"
        if [ -n "$loop" ]; then
            touch "$work/stop"
            wait "$loop"
            closes=$(cat "$work/closes")
        fi
        read -r _ rps p50 p99 non2xx sockerr < <(grep '^RESULT' "$work/wrk.out") ||
            { cat "$work/wrk.out" >&2; exit 70; }
        rss=$(awk '/^VmHWM/ {print $2}' "/proc/$server/status")
        read -r cdone cfailed <<<"$closes"
        printf '%-9s %-6s %10s %8s %8s %7s %7s %7s %12s\n' "$kind" "$load" "$rps" "$p50" "$p99" \
            "$non2xx" "$sockerr" "$cdone" "$rss"
        echo "$(date -u +%Y-%m-%dT%H:%M:%SZ),$commit,$size,$((size * 30)),$kind,$load,$duration,$wthreads,$conns,$sthreads,$rps,$p50,$p99,$non2xx,$sockerr,$cdone,$cfailed,$rss" >>"$out"
        [ "$non2xx" = 0 ] || echo "api.sh: $kind under $load: $non2xx answers not 2xx" >&2
    done
done
if [ -n "${PERF:-}" ] && [ -f "$work/perf.data" ]; then
    echo "== perf: the server during the balance under the close (self time)"
    perf report -i "$work/perf.data" --stdio --no-children --sort sym 2>/dev/null |
        grep -E '^ +[0-9]' | head -25
    echo "== perf: by thread"
    perf report -i "$work/perf.data" --stdio --no-children --sort comm,tid 2>/dev/null |
        grep -E "^ +[0-9]" | head -12 || true
fi
