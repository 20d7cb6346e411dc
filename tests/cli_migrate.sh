#!/usr/bin/env bash
# `thuno migrate` and the schema version checked at every open (docs/store.md "Migrations"):
# - a thuno-1 store made by the first binary (tests/data/store_thuno1_9f568a0.sql) is refused
#   by the read-only what-if with a message asking for `thuno migrate` (exit 69), bytes as
#   they were;
# - `thuno migrate` applies the baseline, prints it and records it in the audit log; run again
#   it says there is nothing to do (exit 0); the calendar commands then work;
# - any other command on an older store migrates it itself;
# - a store newer than the binary is refused by every command, migrate included, with
#   "upgrade thuno" (exit 69), bytes as they were.
# usage: cli_migrate.sh THUNO_BINARY
set -euo pipefail
thuno=$1
data=$(cd "$(dirname "$0")/data" && pwd)
work=$(mktemp -d)
source "$(dirname "$0")/db.sh"
trap 'rm -rf "$work"' EXIT
export THUNO_POLICY=${THUNO_POLICY:-$(dirname "$0")/../policy}
export THUNO_NOW=2025-12-08T10:00:00
fail() { echo "cli_migrate: $*" >&2; exit 1; }
# expect STATUS PATTERN CMD...: CMD exits STATUS and says PATTERN on stdout or stderr
expect() {
    local want=$1 pat=$2 status=0
    shift 2
    "$@" >"$work/out" 2>"$work/err" </dev/null || status=$?
    [ "$status" -eq "$want" ] || { cat "$work/err" >&2; fail "$*: exit $status, expected $want"; }
    cat "$work/out" "$work/err" | grep -q -- "$pat" ||
        { cat "$work/out" "$work/err" >&2; fail "$*: no message \"$pat\""; }
}
old() { # old DB: a store as the first binary made it
    rm -f "$1"
    python3 -c "
import sqlite3, sys
c = sqlite3.connect(sys.argv[1]); c.executescript(open(sys.argv[2]).read()); c.close()" \
        "$1" "$data/store_thuno1_9f568a0.sql"
}
version() { python3 -c "
import sqlite3, sys
r = sqlite3.connect(sys.argv[1]).execute(\"SELECT value FROM meta WHERE key = 'schema_version'\").fetchone()
print(r[0] if r else 0)" "$1"; }

# older stores are made from checked-in SQLite dumps: on PostgreSQL a new store is at this
# binary's version, and migrate has nothing to do
if sqlite_part "the older stores are checked-in SQLite dumps"; then
    # this binary's version: the one migrate brings a copy to
    old "$work/probe.db"
    "$thuno" --db "$work/probe.db" migrate >/dev/null
    latest=$(version "$work/probe.db")
    [ "$latest" -ge 1 ] || fail "migrate left schema_version $latest"

    db=$work/old.db
    old "$db"
    before=$(md5sum <"$db")
    expect 69 "store schema version 0 is older than this thuno ($latest): run 'thuno migrate' first" \
        "$thuno" --db "$db" whatif --policy "$THUNO_POLICY" --from 2025-11 --to 2025-11
    [ "$(md5sum <"$db")" = "$before" ] || fail "the what-if changed an older store"

    expect 0 "applied 0001 baseline" "$thuno" migrate --db "$db"
    grep -q "schema version 0 -> $latest" "$work/out" || fail "migrate: no versions printed"
    [ "$(version "$db")" = "$latest" ] || fail "migrate: schema_version is $(version "$db")"
    expect 0 "nothing to do" "$thuno" --db "$db" migrate
    "$thuno" --db "$db" audit >"$work/audit"
    [ "$(grep -c ",store.migrate,schema,ok,schema_version 0 -> $latest\$" "$work/audit")" = 1 ] ||
        { cat "$work/audit" >&2; fail "the audit log lacks the one migration"; }
    expect 0 "done by O1" "$thuno" --db "$db" calendar done reminder_monthly --period 2025-12 --actor O1
    expect 0 "reminder_monthly" "$thuno" --db "$db" report calendar --period 2025-12
    expect 64 "usage: thuno migrate" "$thuno" --db "$db" migrate --now

    # another command migrates an older store itself
    db2=$work/old2.db
    old "$db2"
    expect 0 "done by O1" "$thuno" --db "$db2" calendar done reminder_monthly --period 2025-12 --actor O1
    [ "$(version "$db2")" = "$latest" ] || fail "a read-write command left schema_version $(version "$db2")"
else
    db=$(store_url "$work" new)
    "$thuno" --db "$db" init >/dev/null 2>&1
    latest=$(store_sql "$db" "SELECT value FROM meta WHERE key = 'schema_version'")
    [ "$latest" -ge 1 ] || fail "init left schema_version $latest"
    expect 0 "nothing to do" "$thuno" --db "$db" migrate
    expect 64 "usage: thuno migrate" "$thuno" --db "$db" migrate --now
fi

# a store newer than this binary: refused by every command, untouched
store_sql "$db" "UPDATE meta SET value = '$((latest + 1))' WHERE key = 'schema_version'"
before=$(store_digest "$db")
msg="store schema version $((latest + 1)) is newer than this thuno ($latest): upgrade thuno"
expect 69 "$msg" "$thuno" --db "$db" migrate
expect 69 "$msg" "$thuno" --db "$db" report calendar --period 2025-12
expect 69 "$msg" "$thuno" --db "$db" whatif --policy "$THUNO_POLICY" --from 2025-11 --to 2025-11
[ "$(store_digest "$db")" = "$before" ] || fail "a newer store was changed"
echo "cli_migrate: ok"
