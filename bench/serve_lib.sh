# serve_lib.sh - sourced by bench/api.sh and bench/soak.sh: what both do to load a served
# province. Uses $thuno, $db, $work and $sthreads of the sourcing script.

# bench_targets PERIOD: the codes of the units with a balance of PERIOD into $work/codes.lua
# (a Lua table for wrk) and one officer with units into $work/officer
bench_targets() {
    "$thuno" --db "$db" report balances --period "$1" >"$work/balances.csv" 2>/dev/null
    python3 - "$work/balances.csv" "$work/data/units.csv" "$work/codes.lua" "$work/officer" <<'PY'
import csv, sys
lines = [l for l in open(sys.argv[1], encoding="utf-8") if not l.startswith("#")]
codes = sorted({r[0] for r in csv.reader(lines[1:]) if r})
with open(sys.argv[3], "w") as f:
    f.write("return {\n" + "".join('"%s",\n' % c for c in codes) + "}\n")
rows = csv.DictReader(open(sys.argv[2], encoding="utf-8"))
open(sys.argv[4], "w").write(next(r["officer_code"] for r in rows if r["officer_code"]))
PY
}

# bench_serve NAME LOGIN PASSWORD TRIES: `thuno serve` on a free loopback port (its log in
# $work/serve.log), waited for at most TRIES tenths of a second, then LOGIN logged in. Sets
# port, base, server (the pid), csrf and cookie; exits 70 naming NAME when no session comes.
bench_serve() {
    port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
    base=http://127.0.0.1:$port/api/v1
    "$thuno" --db "$db" serve --listen "127.0.0.1:$port" --threads "$sthreads" 2>"$work/serve.log" &
    server=$!
    for _ in $(seq "$4"); do
        curl -s -o /dev/null "$base/openapi.json" && break
        sleep 0.1
    done
    local login
    login=$(curl -s -c "$work/jar" -H 'Content-Type: application/json' \
        -d "{\"login\": \"$2\", \"password\": \"$3\"}" "$base/session")
    csrf=$(python3 -c 'import json,sys;print(json.loads(sys.argv[1])["csrf"])' "$login")
    cookie=$(awk '$6 == "thuno_session" {print $7}' "$work/jar")
    [ -n "$cookie" ] || { echo "$1: no session: $login" >&2; exit 70; }
}
