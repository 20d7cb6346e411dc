#!/usr/bin/env bash
# Crash safety (issue 17 item 3, docs/reliability.md "Crash safety"): `import`, `close` and
# `init` killed with SIGKILL at random points, many times, on a small generated province.
# After each kill the store must be exactly the store before the command or exactly the store
# a clean run leaves (every table compared row by row, the audit log included: a change commits
# with its audit record), and re-running the command from there must give
# exactly the clean run's store. A killed init leaves no store, or a whole one that opens; a
# re-run of init then succeeds or refuses an existing store, never a half-made file.
# On PostgreSQL (tests/db.sh) the snapshots are copies of databases, a killed init's store is
# a database with or without the schema, and a re-run after a kill starts from the snapshot's
# sequences (PostgreSQL never rolls a sequence back: the ids would differ, not the rows).
# usage: crash_kill.sh THUNO_BINARY   (CRASH_RUNS kills per command, default 12, stopping
#        after CRASH_BUDGET seconds per command (default 15, at least 4 kills; 0: no limit);
#        CRASH_SEED fixes the random delays; the long run: CRASH_RUNS=300 CRASH_BUDGET=0)
set -euo pipefail
thuno=$1
runs=${CRASH_RUNS:-12}
budget=${CRASH_BUDGET:-15}
seed=${CRASH_SEED:-$$}
RANDOM=$seed
work=$(mktemp -d)
source "$(dirname "$0")/db.sh"
trap 'rm -rf "$work"' EXIT
export THUNO_POLICY=${THUNO_POLICY:-$(dirname "$0")/../policy}
export THUNO_NOW=2026-11-05T08:00:00
fail() { echo "crash_kill (CRASH_SEED=$seed): $*" >&2; exit 1; }
db=$(store_url "$work" t)
first=$db
t() { "$thuno" --db "$db" "$@"; }

# every table but sessions and failed logins, each row in a fixed order, as one text
# (api_client.dump, shared with tests/crash_serve.py; on PostgreSQL the same from psql)
dump() {
    if on_pg; then
        store_sql "$1" "SELECT string_agg(format('\\echo ## %s' || chr(10) ||
                                                 'SELECT * FROM %I AS t_ ORDER BY t_::text;',
                                                 c.relname, c.relname), chr(10) ORDER BY c.relname)
                        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
                          AND NOT c.relispartition
                          AND c.relname NOT IN ('app_session', 'login_failure')" |
            psql -X -A -t -q -v ON_ERROR_STOP=1 --dbname="$1"
        return
    fi
    python3 -c 'import sys; sys.path.insert(0, sys.argv[1]); import api_client
sys.stdout.write(api_client.dump(sys.argv[2]))' "$(dirname "$0")" "$1"
}

# milliseconds now; N milliseconds as seconds for sleep
ms() { date +%s%3N; }
secs() { printf '%d.%03d' $(($1 / 1000)) $(($1 % 1000)); }
# over_budget T0 DONE: the command's time is spent (CRASH_BUDGET) and at least 4 kills done
over_budget() { [ "$budget" -gt 0 ] && [ $((SECONDS - $1)) -ge "$budget" ] && [ "$2" -ge 4 ]; }

# restore SNAPSHOT: $db becomes a copy of the store SNAPSHOT
restore() {
    if on_pg; then
        [ "$db" = "$first" ] || store_drop "$db" # the copy of the run before
        db=$(store_copy "$1" "$work" run)
    else
        rm -f "$db" "$db-wal" "$db-shm"
        cp "$1" "$db"
    fi
}
# sequences_of SNAPSHOT: sets $db's sequences to SNAPSHOT's (PostgreSQL; nothing on SQLite)
sequences_of() {
    on_pg || return 0
    pg_dump --data-only --no-owner --dbname="$1" | grep '^SELECT pg_catalog.setval' |
        psql -X -q -v ON_ERROR_STOP=1 --dbname="$db" >/dev/null
}

# kill_run NAME SNAPSHOT: restores SNAPSHOT (the store before), runs `thuno ARGS` (the rest
# of the arguments, set in cmd[]) killed after a random delay up to 1.3 times its clean run's
# time, and checks the store against before.dump and after.dump; re-runs it when it was
# killed before its commit
kill_run() {
    local name=$1 snap=$2 dur=$3 i before=0 after=0 t0=$SECONDS
    for ((i = 0; i < runs; i++)); do
        over_budget "$t0" "$i" && break
        restore "$snap"
        local delay=$((RANDOM % (dur * 13 / 10 + 20)))
        "$thuno" --db "$db" "${cmd[@]}" >/dev/null 2>&1 & # $! is thuno itself
        local pid=$!
        sleep "$(secs "$delay")"
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
        dump "$db" >"$work/now.dump" || fail "$name: the store does not open after a kill at ${delay} ms"
        if cmp -s "$work/now.dump" "$work/$name.before"; then
            before=$((before + 1))
            sequences_of "$snap"
            t "${cmd[@]}" >/dev/null 2>"$work/err" ||
                { cat "$work/err" >&2; fail "$name: the re-run after a kill at ${delay} ms failed"; }
            dump "$db" >"$work/now.dump"
            cmp -s "$work/now.dump" "$work/$name.after" ||
                fail "$name: the re-run after a kill at ${delay} ms differs from a clean run"
        elif cmp -s "$work/now.dump" "$work/$name.after"; then
            after=$((after + 1))
        else
            { diff "$work/$name.after" "$work/now.dump" | grep -v '^[<>] (' | head -20; } >&2 || true
            { diff "$work/$name.after" "$work/now.dump" | head -10; } >&2 || true
            fail "$name: killed at ${delay} ms, the store is neither before nor after"
        fi
    done
    echo "crash_kill: $name: $i kills (0-$((dur * 13 / 10 + 20)) ms): $before before, $after after, each exact"
}

# a small province, imported up to its payments
data=$work/gen
"$thuno" gen --units 150 --workers 1500 --months 8 --end 2026-10 --seed 5 --out "$data" 2>/dev/null
t init 2>/dev/null
for kind in officers units workers declarations registry; do
    t import "$kind" "$data/$kind.csv" 2>/dev/null || fail "import $kind refused"
done
imported=$(store_copy "$db" "$work" imported)

# 1. import payments
cmd=(import payments "$data/payments.csv")
dump "$db" >"$work/import.before"
start=$(ms)
t "${cmd[@]}" >/dev/null 2>&1 || fail "import payments refused"
dur=$(($(ms) - start))
dump "$db" >"$work/import.after"
kill_run import "$imported" "$dur"

# 2. close the last month, all the months before it closed
restore "$imported"
t import payments "$data/payments.csv" >/dev/null 2>&1
for m in 03 04 05 06 07 08 09; do t close "2026-$m" >/dev/null 2>&1 || fail "close 2026-$m refused"; done
closed=$(store_copy "$db" "$work" closed)
cmd=(close 2026-10)
dump "$db" >"$work/close.before"
start=$(ms)
t "${cmd[@]}" >/dev/null 2>&1 || fail "close 2026-10 refused"
dur=$(($(ms) - start))
dump "$db" >"$work/close.after"
t report balances --period 2026-10 >"$work/balances.clean"
kill_run close "$closed" "$dur"
t report balances --period 2026-10 >"$work/balances.now"
cmp -s "$work/balances.clean" "$work/balances.now" || fail "close: the balances differ from a clean run's"

# 3. init: no store, or a whole one; a re-run ends with a store that opens
# fresh: $db a new, empty store; exists: whether init made one there (the file, or the table
# meta in the database)
fresh() {
    if on_pg; then
        [ "$db" = "$first" ] || store_drop "$db"
        db=$(store_url "$work" init)
    else
        rm -f "$db" "$db-wal" "$db-shm"
    fi
}
exists() {
    if on_pg; then
        [ "$(store_sql "$db" "SELECT count(*) FROM pg_tables WHERE tablename = 'meta'")" = 1 ]
    else
        [ -e "$db" ]
    fi
}
fresh
echo "a-password-long-enough" >"$work/password"
start=$(ms)
echo "a-password-long-enough" | t init --admin boss >/dev/null 2>&1 || fail "init failed"
dur=$(($(ms) - start))
none=0 whole=0 t0=$SECONDS
for ((i = 0; i < runs; i++)); do
    over_budget "$t0" "$i" && break
    fresh
    delay=$((RANDOM % (dur * 13 / 10 + 20)))
    "$thuno" --db "$db" init --admin boss <"$work/password" >/dev/null 2>&1 &
    pid=$!
    sleep "$(secs "$delay")"
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    if exists; then
        whole=$((whole + 1))
        t user list 2>"$work/err" | grep -q boss ||
            { cat "$work/err" >&2; fail "init: killed at $delay ms, $db is there but not whole"; }
        status=0
        echo "a-password-long-enough" | t init --admin boss >/dev/null 2>&1 || status=$?
        [ "$status" -eq 65 ] || fail "init: a second init over a whole store: exit $status"
    else
        none=$((none + 1))
        echo "a-password-long-enough" | t init --admin boss >/dev/null 2>&1 ||
            fail "init: the re-run after a kill at $delay ms failed"
        t user list 2>/dev/null | grep -q boss || fail "init: the re-run's store has no admin"
    fi
    [ ! -e "$db.init-tmp" ] || fail "init: $db.init-tmp left after a re-run"
done
echo "crash_kill: init: $i kills (0-$((dur * 13 / 10 + 20)) ms): $none no store, $whole whole"
echo "crash_kill: ok (CRASH_SEED=$seed)"
