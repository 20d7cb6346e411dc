#!/usr/bin/env bash
# Soak of the API (issue 17 item 6; docs/reliability.md "Load and soak"). Loopback only,
# bounded in count and time; never part of the test suite.
#
# Generates a province (SIZE units, 10 workers each, 3 months to 2026-10), imports it without
# the last month's payments, closes every month but the last, serves it on a free 127.0.0.1
# port and, for DURATION seconds in slices of SLICE seconds, runs wrk (CONNS connections)
# against a unit's balance and an officer's worklist (a Lua script alternating and rotating the
# units) while a writer, beside it, imports the last month's payments through the API (then
# imports them again: the same rows, a no-op that still takes the write lock) and closes the
# last month, polling each close to its end, over and over. Each slice prints one line: req/s,
# p50 and p99 in ms, wrk's non-2xx answers and socket errors, the server's RSS; the writer's
# imports and closes are counted, every refusal but a 409 (a close already running) is an
# error. Exit 1 when any error was seen, when the server's log shows an AddressSanitizer or
# LeakSanitizer report (BUILD built with -Db_sanitize=address), or when the RSS of the last
# slice is more than 25% above that of the second (the first warms the caches).
#
# usage: bench/soak.sh [SIZE]          default SIZE 2000
# env:   DURATION (120 s, at most 3600), SLICE (10 s), CONNS (16), SERVE_THREADS (2),
#        BUILD (build): the build whose thuno is run, e.g. build/asan for a leak check:
#          meson setup build/asan -Db_sanitize=address,undefined -Db_lundef=false
#          DURATION=30 BUILD=build/asan bash bench/soak.sh 300
#        SOAK_OUT (bench/soak.csv): the slices appended as CSV
#        THUNO_TEST_PG: the socket directory of a PostgreSQL test server (scripts/pg.sh start):
#          the store is a new database of it (tests/db.sh), SOAK_OUT's default bench/soak_pg.csv
set -euo pipefail
. "$(dirname "$0")/serve_lib.sh"
cd "$(dirname "$0")/.."
. tests/db.sh
size=${1:-2000}
duration=${DURATION:-120}
slice=${SLICE:-10}
conns=${CONNS:-16}
sthreads=${SERVE_THREADS:-2}
build=${BUILD:-build}
out=${SOAK_OUT:-bench/soak$(! on_pg || echo _pg).csv}
case "$size$duration$slice$conns$sthreads" in *[!0-9]*)
    echo "soak.sh: SIZE, DURATION, SLICE, CONNS, SERVE_THREADS are numbers" >&2
    exit 64
    ;;
esac
[ "$duration" -le 3600 ] && [ "$slice" -ge 2 ] && [ "$duration" -ge "$slice" ] ||
    { echo "soak.sh: DURATION at most 3600 s and at least SLICE (at least 2 s)" >&2; exit 64; }
if ! command -v wrk >/dev/null; then
    echo "== installing wrk (bench only)"
    if [ "$(id -u)" -eq 0 ]; then apt-get install -y wrk >/dev/null; else sudo apt-get install -y wrk >/dev/null; fi
fi
for tool in wrk curl python3; do
    command -v "$tool" >/dev/null || { echo "soak.sh: needs $tool" >&2; exit 69; }
done
ninja -C "$build" src/cli/thuno >/dev/null
thuno=$PWD/$build/src/cli/thuno
export THUNO_POLICY=${THUNO_POLICY:-$PWD/policy}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/tests/lsan.supp}

work=$(mktemp -d)
server=
writer=
cleanup() {
    [ -z "$writer" ] || kill "$writer" 2>/dev/null || true
    [ -z "$server" ] || kill "$server" 2>/dev/null || true
    [ -z "$server" ] || wait "$server" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
# the store: a file, or with THUNO_TEST_PG (a test server's socket directory, scripts/pg.sh) a
# new PostgreSQL database (tests/db.sh)
db=$(store_url "$work" soak)
echo "== store: $db"
echo "== province: $size units, $((size * 10)) workers, 3 months to 2026-10"
"$thuno" gen --units "$size" --workers $((size * 10)) --months 3 --end 2026-10 \
    --out "$work/data" 2>/dev/null
export THUNO_NOW=2026-11-05T08:00:00
pw=soak-password-$$-$RANDOM
printf '%s\n' "$pw" | "$thuno" --db "$db" init --admin soak 2>/dev/null
# the last month's payments are held back for the API's import
python3 - "$work/data/payments.csv" "$work/early.csv" "$work/late.csv" <<'PY'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines(True)
col = lines[0].rstrip("\r\n").split(",").index("paid_on")
early = [l for l in lines[1:] if l.split(",")[col] < "2026-10-01"]
late = [l for l in lines[1:] if l.split(",")[col] >= "2026-10-01"]
open(sys.argv[2], "w", encoding="utf-8").write(lines[0] + "".join(early))
open(sys.argv[3], "w", encoding="utf-8").write(lines[0] + "".join(late))
PY
for kind in officers units workers declarations registry; do
    "$thuno" --db "$db" import "$kind" "$work/data/$kind.csv" 2>/dev/null
done
"$thuno" --db "$db" import payments "$work/early.csv" 2>/dev/null
"$thuno" --db "$db" close 2026-08 2>/dev/null
"$thuno" --db "$db" close 2026-09 2>/dev/null
bench_targets "2026-09"
officer=$(cat "$work/officer")

bench_serve soak.sh soak "$pw" 300

cat >"$work/soak.lua" <<EOF
local codes = dofile("$work/codes.lua")
local i = 0
wrk.headers["Cookie"] = "thuno_session=$cookie"
function setup(thread) i = i + 1; thread:set("start", i * 7919) end
function init(args) n = start end
function request()
  n = n + 1
  if n % 10 == 0 then
    return wrk.format("GET", "/api/v1/worklist?period=2026-09&officer=$officer")
  end
  return wrk.format("GET", "/api/v1/units/" .. codes[n % #codes + 1] .. "/balance?period=2026-09")
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %.1f %.3f %.3f %d %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, e.status, e.connect + e.read + e.write + e.timeout))
end
EOF

# the writer: imports and closes back to back until $work/stop; its counts in $work/writer
python3 - "$base" "$cookie" "$csrf" "$work/late.csv" "$work/stop" "$work/writer" <<'PY' &
import http.client, json, os, sys, time, urllib.parse
base, cookie, csrf, late, stop, result = sys.argv[1:7]
u = urllib.parse.urlparse(base)
counts = {"imports": 0, "closes": 0, "errors": 0}
errors = []


def call(method, path, body=None):
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=300)
    c.request(method, u.path + path, body=body,
              headers={"Cookie": "thuno_session=" + cookie, "X-CSRF-Token": csrf})
    r = c.getresponse()
    data = r.read()
    c.close()
    return r.status, data


payments = open(late, "rb").read()
while not os.path.exists(stop):
    st, data = call("POST", "/imports/payments", payments)
    if st == 200:
        counts["imports"] += 1
    else:
        counts["errors"] += 1
        errors.append("import %d %s" % (st, data[:200]))
    if os.path.exists(stop):
        break
    st, data = call("POST", "/closes", json.dumps({"period": "2026-10"}))
    if st == 409:
        time.sleep(0.2)
        continue
    if st != 202:
        counts["errors"] += 1
        errors.append("close %d %s" % (st, data[:200]))
        continue
    job = json.loads(data)["id"]
    while True:
        st, data = call("GET", "/closes/%d" % job)
        status = json.loads(data).get("status") if st == 200 else "?"
        if status != "running":
            break
        time.sleep(0.2)
    if status == "done":
        counts["closes"] += 1
    else:
        counts["errors"] += 1
        errors.append("close job %s: %s" % (job, data[:200]))
open(result, "w").write(json.dumps(dict(counts, first_errors=errors[:5])))
PY
writer=$!

[ -f "$out" ] || echo "date,commit,build,units,slice,t_s,connections,serve_threads,req_s,p50_ms,p99_ms,non_2xx,socket_errors,rss_kib" >"$out"
commit=$(git rev-parse --short HEAD 2>/dev/null || echo none)
rss() { awk '/^VmRSS/ {print $2}' "/proc/$server/status"; }
echo "== soak: $duration s in slices of $slice s, $conns connections, $sthreads server threads, imports and closes beside"
printf '%5s %6s %9s %8s %8s %7s %7s %9s\n' slice t_s req/s p50_ms p99_ms non2xx sockerr rss_kib
n=$((duration / slice))
errors=0
rss2=
t0=$(date +%s)
for i in $(seq "$n"); do
    wrk -t2 -c"$conns" -d"${slice}s" --timeout 30s -s "$work/soak.lua" \
        "http://127.0.0.1:$port" >"$work/wrk.out" 2>&1 || true
    read -r reqs p50 p99 non2xx sockerr < <(awk '/^RESULT/ {print $2, $3, $4, $5, $6}' "$work/wrk.out")
    [ -n "${reqs:-}" ] || { echo "soak.sh: wrk said: $(cat "$work/wrk.out")" >&2; exit 70; }
    r=$(rss)
    [ "$i" -ne 2 ] || rss2=$r
    errors=$((errors + non2xx + sockerr))
    printf '%5d %6d %9s %8s %8s %7d %7d %9d\n' "$i" $(($(date +%s) - t0)) "$reqs" "$p50" "$p99" \
        "$non2xx" "$sockerr" "$r"
    echo "$(date -u +%FT%TZ),$commit,$build,$size,$i,$(($(date +%s) - t0)),$conns,$sthreads,$reqs,$p50,$p99,$non2xx,$sockerr,$r" >>"$out"
done
touch "$work/stop"
wait "$writer" || true
writer=
w=$(cat "$work/writer" 2>/dev/null || echo '{"imports": 0, "closes": 0, "errors": 1}')
echo "writer: $w"
werr=$(python3 -c 'import json,sys;print(json.loads(sys.argv[1])["errors"])' "$w")
wdone=$(python3 -c 'import json,sys;d=json.loads(sys.argv[1]);print(d["closes"] + d["imports"])' "$w")
last=$(rss)
kill -TERM "$server"
wait "$server" || { echo "soak.sh: the server exited with $?" >&2; errors=$((errors + 1)); }
server=
status=0
if [ "$errors" -ne 0 ] || [ "$werr" -ne 0 ]; then
    echo "soak.sh: FAIL: $errors errors of the readers, $werr of the writer"
    status=1
fi
[ "$wdone" -gt 0 ] || { echo "soak.sh: FAIL: the writer finished no import or close"; status=1; }
if grep -q 'Sanitizer' "$work/serve.log"; then
    echo "soak.sh: FAIL: the server's log:"
    grep -A30 'Sanitizer' "$work/serve.log" | head -60
    status=1
fi
if [ -n "$rss2" ] && [ "$last" -gt $((rss2 + rss2 / 4)) ]; then
    echo "soak.sh: FAIL: the RSS grew from $rss2 KiB (slice 2) to $last KiB"
    status=1
fi
[ "$status" -ne 0 ] || echo "soak.sh: ok: no error, RSS ${rss2:-?} KiB (slice 2) -> $last KiB (end)"
exit $status
