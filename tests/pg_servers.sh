#!/usr/bin/env bash
# Several servers, one database (issue 16 item 4; docs/store.md "Several servers"): two
# `thuno serve` on one PostgreSQL database answer alike, share sessions and see each other's
# changes; a writer waits for the store's write lock (an advisory lock) 5 s at most, then is
# refused (exit 65 / 409 not_now) with nothing written; two closes at once leave one ledger.
# Starts its own PostgreSQL (scripts/pg.sh); skipped (77) without PostgreSQL's binaries.
# usage: pg_servers.sh THUNO_BINARY
set -euo pipefail
thuno=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
[ -x /usr/lib/postgresql/15/bin/initdb ] || command -v initdb >/dev/null ||
    { echo "skipped: no PostgreSQL"; exit 77; }
work=$(mktemp -d)
srv=$(mktemp -d /tmp/thuno-pgs.XXXXXX)
trap 'bash "$here/../scripts/pg.sh" stop "$srv"; rm -rf "$work"' EXIT
bash "$here/../scripts/pg.sh" start "$srv" >/dev/null
db=$(bash "$here/../scripts/pg.sh" newdb "$srv" servers)
. "$here/province.sh"
province_closed
province_users

# the write lock held by another session: a close waits 5 s, then is refused, nothing written
before=$(psql -X -At -d "$db" -c "SELECT count(*) FROM unit_close")
psql -X -q -d "$db" -c "BEGIN; SELECT pg_advisory_xact_lock(495874444911); SELECT pg_sleep(9);" \
    >/dev/null &
holder=$!
sleep 1
start=$(date +%s)
set +e
t 2025-12-28T18:00:00 close 2025-12 >"$work/close.out" 2>&1
rc=$?
set -e
waited=$(($(date +%s) - start))
wait "$holder"
[ "$rc" = 65 ] || { cat "$work/close.out"; echo "close under the lock: exit $rc, not 65"; exit 1; }
grep -q "being written by another process" "$work/close.out" ||
    { cat "$work/close.out"; echo "no busy message"; exit 1; }
[ "$waited" -ge 4 ] || { echo "the close did not wait for the lock ($waited s)"; exit 1; }
after=$(psql -X -At -d "$db" -c "SELECT count(*) FROM unit_close")
[ "$before" = "$after" ] || { echo "a refused close wrote rows"; exit 1; }
echo "ok: a close under another writer's lock waited ${waited}s and was refused, nothing written"

python3 "$here/pg_servers.py" "$thuno" "$db" "$work"
