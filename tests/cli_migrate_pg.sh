#!/usr/bin/env bash
# `thuno migrate --from sqlite FILE --to postgresql://...` (issue 16 item 6; docs/store.md
# "Moving an office to PostgreSQL"): the hand-checked province (tests/province.sh) closed July
# to November 2025 on an SQLite file, with users, cases and their registers and attachments, an
# inspection, a handover sign-off, matched suspense, a reminder letter, a calendar duty and a
# contact, is moved into an empty PostgreSQL database. Checked:
# - a line per table on stderr, the totals on stdout;
# - balances, debtors, pc_report, explain (text and JSON) and every report of `report --list`
#   read byte for byte the same from both stores, and so does the audit log, the target's
#   ending in the one entry of the move;
# - the next close and contact take on the target the ids they take on the source (the
#   sequences continue);
# - a second move into the same target is refused (exit 65, "already holds data");
# - a source at a newer or an older schema version is refused (exit 69; the older told to run
#   `thuno migrate` first), a file as the target is refused (exit 64), and each refusal, and a
#   move failing half way (a value SQLite keeps and PostgreSQL refuses), leaves the target
#   database without a table;
# - into a schema made by hand whose line tables carry unit_code (the partitioning's key), the
#   move fills it from each line's close; a target column no rule fills, and a file's column
#   the target lacks, are refused by name;
# - a generated province (40 units, six months closed) reads the same in every report too.
# Starts its own PostgreSQL 15 (scripts/pg.sh), or uses the suite's when THUNO_TEST_PG names
# one; skipped (77) without PostgreSQL's binaries.
# usage: cli_migrate_pg.sh THUNO_BINARY
set -euo pipefail
thuno=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
bindir=/usr/lib/postgresql/15/bin
[ -x "$bindir/initdb" ] || bindir=$(dirname "$(command -v initdb 2>/dev/null || echo /none/x)")
if [ ! -x "$bindir/initdb" ] || { [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; }; then
    echo "skipped: no PostgreSQL binaries (initdb) or no postgres user"
    exit 77
fi
work=$(mktemp -d)
pgdir=""
cleanup() {
    [ -z "$pgdir" ] || bash "$root/scripts/pg.sh" stop "$pgdir"
    rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "cli_migrate_pg: $*" >&2; exit 1; }
if [ -n "${THUNO_TEST_PG:-}" ]; then
    server=$THUNO_TEST_PG
else
    pgdir=$(mktemp -d /tmp/thuno-migrate-pg.XXXXXX)
    bash "$root/scripts/pg.sh" start "$pgdir" >/dev/null
    server=$pgdir
fi
newdb() { bash "$root/scripts/pg.sh" newdb "$server" "m_$1_$$_$RANDOM" | tail -1; }
tables() { # the tables of the database at URL $1
    "$bindir/psql" -X -At -d "$1" -c \
        "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"
}

# the province on SQLite
db=$work/p.db
. "$here/province.sh"
province_closed
province_users
q() { t "$@" >/dev/null 2>&1 || fail "building the province: ${*:2}"; }
q 2025-12-01T06:00:00 letter reminder --period 2025-11 --unit B --record --actor O1 \
    -o "$work/r.pdf"
q 2025-12-01 import units "$here/data/cases/units.csv"
import_dated 2025-12-01 case_events "$here/data/case_registers/case_events.csv"
echo "quyết định" >"$work/decision.txt"
q 2025-12-03 case attach HS-A reminder "$work/decision.txt"
q 2025-12-05 case fee HS-A 2025-12-05 --amount 300000
q 2025-12-20 case hearing HS-A 2026-01-15 scheduled --court "TAND"
q 2025-12-20 case branch HS-A A-HN 01
q 2025-12-20 case pensioner HS-A --name "Lê Văn B" --bhxh 7912 --day 5
q 2025-12-01 assign A --officer O2 --from 2025-12-01
q 2025-12-05 handover sign --period 2025-11 --department QLT --actor QLT1
q 2025-12-05 suspense match --period 2025-11 --apply --actor O1
q 2025-12-06 inspection record TT-1 A 2025-12-01 --body "TTKT" --remedy-by 2026-01-01
q 2025-12-08T10:00:00 calendar done reminder_monthly --period 2025-12 --actor O1
q 2025-12-09T09:00:00 contact record A call --outcome "hẹn nộp"
printf 'wrong\n' | t 2025-12-10 user passwd nobody >/dev/null 2>&1 || true # a failed entry

# the move
url=$(newdb a)
THUNO_NOW=2025-12-10T12:00:00 "$thuno" migrate --from sqlite "$db" --to "$url" \
    >"$work/move.out" 2>"$work/move.err" || { cat "$work/move.err" >&2; fail "the move failed"; }
grep -q "^đã chuyển / moved $db: [0-9]* bảng / tables, [0-9]* dòng / rows\$" "$work/move.out" ||
    fail "no totals on stdout: $(cat "$work/move.out")"
for tbl in unit_close assess_line alloc_line audit contact blob app_user reminder; do
    grep -Eq "^thuno: migrate: $tbl +[1-9][0-9]* dòng / rows\$" "$work/move.err" ||
        { cat "$work/move.err" >&2; fail "no progress line with rows for $tbl"; }
done

# every report the same from both stores
read_all() { # read_all STORE DIR NOW PERIOD UNIT UNIT2: the reports of STORE into DIR
    local store=$1 out=$2 now=$3 period=$4 name flags args
    mkdir -p "$out"
    run() { THUNO_NOW=$now "$thuno" --db "$store" "$@"; }
    run report balances --period "$period" >"$out/balances"
    run report debtors --period "$period" >"$out/debtors"
    run report pc_report --period "$period" >"$out/pc_report"
    run explain "$5" "$period" >"$out/explain"
    run explain "$5" "$period" --format json >"$out/explain.json"
    run explain "$6" "$period" --format json >"$out/explain-2.json"
    run audit >"$out/audit"
    run contact list >"$out/contacts"
    while IFS=$'\t' read -r name flags _; do
        args=()
        case ",$flags," in
        *,period,*) args=(--period "$period") ;;
        *,year,*) args=(--year "${period%-*}") ;;
        esac
        run report "$name" "${args[@]}" --as-of "$now" >"$out/report-$name" 2>&1 ||
            echo "exit $?" >>"$out/report-$name"
    done < <("$thuno" report --list)
}
# same DIR: the reports read from the file (DIR/sqlite) and from PostgreSQL (DIR/pg) are the
# same, the target's audit log ending in the move's entry
same() {
    tail -1 "$1/pg/audit" | grep -q ',store\.move,store,ok,"from .*: [0-9]* tables, [0-9]* rows"$' ||
        fail "the move's audit entry: $(tail -1 "$1/pg/audit")"
    head -n -1 "$1/pg/audit" >"$1/pg/audit.before"
    mv "$1/pg/audit.before" "$1/pg/audit"
    local f
    for f in "$1"/sqlite/*; do
        cmp -s "$f" "$1/pg/${f##*/}" ||
            { diff "$f" "$1/pg/${f##*/}" | head -20 >&2; fail "${f##*/} differs after the move"; }
    done
}
read_all "$db" "$work/r1/sqlite" 2025-12-31T12:00:00 2025-11 A B
read_all "$url" "$work/r1/pg" 2025-12-31T12:00:00 2025-11 A B
same "$work/r1"
[ "$(wc -l <"$work/r1/sqlite/audit")" -ge 40 ] || fail "too short an audit log"
[ "$(wc -l <"$work/r1/sqlite/balances")" -ge 4 ] || fail "too few balances"
for store in "$db" "$url"; do
    THUNO_NOW=2025-12-31T12:00:00 "$thuno" --db "$store" case show HS-A >"$work/case-${#store}"
done
cmp -s "$work/case-${#db}" "$work/case-${#url}" || fail "case show HS-A differs after the move"

# the sequences continue: the next close's ids and the next contact's number are the source's
for store in "$db" "$url"; do
    THUNO_NOW=2025-12-28T18:00:00 "$thuno" --db "$store" close 2025-12 >/dev/null 2>&1 ||
        fail "closing 2025-12 on $store"
    THUNO_NOW=2025-12-29T09:00:00 "$thuno" --db "$store" contact record B visit >/dev/null 2>&1 ||
        fail "a contact on $store"
done
for w in "explain A 2025-12 --format json" "contact list"; do
    # shellcheck disable=SC2086
    a=$("$thuno" --db "$db" $w) && b=$("$thuno" --db "$url" $w) || fail "$w"
    [ "$a" = "$b" ] || fail "$w differs after a close on both stores"
done

# refusals
expect() { # expect STATUS PATTERN ARGS...: thuno ARGS exits STATUS saying PATTERN on stderr
    local want=$1 pat=$2 status=0
    shift 2
    THUNO_NOW=2025-12-31T12:00:00 "$thuno" "$@" >"$work/out" 2>"$work/err" || status=$?
    [ "$status" -eq "$want" ] || { cat "$work/err" >&2; fail "$*: exit $status, expected $want"; }
    grep -q -- "$pat" "$work/err" || { cat "$work/err" >&2; fail "$*: no \"$pat\""; }
}
expect 65 "already holds data" migrate --from sqlite "$db" --to "$url"
version() { python3 -c "
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
if len(sys.argv) > 2:
    c.execute(\"UPDATE meta SET value = ? WHERE key = 'schema_version'\", (sys.argv[2],)); c.commit()
print(c.execute(\"SELECT value FROM meta WHERE key = 'schema_version'\").fetchone()[0])" "$@"; }
latest=$(version "$db")
cp "$db" "$work/newer.db"
version "$work/newer.db" $((latest + 1)) >/dev/null
empty=$(newdb b)
expect 69 "newer than this thuno ($latest): upgrade thuno" \
    migrate --from sqlite "$work/newer.db" --to "$empty"
[ "$(tables "$empty")" = 0 ] || fail "a refused move left tables"
cp "$db" "$work/older.db"
version "$work/older.db" $((latest - 1)) >/dev/null
expect 69 "older than this thuno ($latest).*thuno --db $work/older.db migrate" \
    migrate --from sqlite "$work/older.db" --to "$empty"
[ "$(tables "$empty")" = 0 ] || fail "a refused move left tables"
expect 64 "not a PostgreSQL database" migrate --from sqlite "$db" --to "$work/copy.db"
[ ! -e "$work/copy.db" ] || fail "a file target was made"
expect 64 "usage: thuno migrate" migrate --from sqlite "$db"
# a move that fails half way (a value SQLite keeps and PostgreSQL's column refuses) leaves
# nothing
version "$work/older.db" "$latest" >/dev/null
python3 -c "
import sqlite3, sys
c = sqlite3.connect(sys.argv[1]); c.execute(\"UPDATE unit_close SET workers = 'many' WHERE id = 1\")
c.commit()" "$work/older.db"
expect 69 "copying unit_close" migrate --from sqlite "$work/older.db" --to "$empty"
[ "$(tables "$empty")" = 0 ] || fail "a move that failed half way left tables"
# a target made beforehand whose columns differ from the file's: a column the file lacks and
# a rule fills (unit_code of the line tables, from their close) is filled; one no rule fills,
# and a file's column the target lacks, are refused by name, the target left as it was
made=$(newdb d)
psql_made() { "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -d "$made" "$@" >/dev/null; }
psql_made -f "$root/src/store/sql/pg_schema.sql"
psql_made -c "INSERT INTO meta VALUES ('schema', 'thuno-1'), ('schema_version', '$latest')"
lines="assess_line interest_line alloc_line unpaid_line finding"
for l in $lines; do
    psql_made -c "ALTER TABLE $l ADD COLUMN IF NOT EXISTS unit_code TEXT"
done
psql_made -c "ALTER TABLE unit ADD COLUMN extra TEXT"
expect 69 "column unit.extra of the target is not in the source and no rule fills it" \
    migrate --from sqlite "$db" --to "$made"
psql_made -c "ALTER TABLE unit DROP COLUMN extra" -c "ALTER TABLE contact DROP COLUMN note"
expect 69 "column contact.note of the source has no place in the target" \
    migrate --from sqlite "$db" --to "$made"
psql_made -c "ALTER TABLE contact ADD COLUMN note TEXT NOT NULL DEFAULT ''"
THUNO_NOW=2025-12-31T12:00:00 "$thuno" migrate --from sqlite "$db" --to "$made" >/dev/null \
    2>"$work/move.err" || { cat "$work/move.err" >&2; fail "the move into a made schema failed"; }
for l in $lines; do
    bad=$("$bindir/psql" -X -At -d "$made" -c "SELECT count(*) FROM $l x JOIN unit_close c ON
        c.id = x.close_id WHERE x.unit_code IS DISTINCT FROM c.unit_code")
    n=$("$bindir/psql" -X -At -d "$made" -c "SELECT count(*) FROM $l")
    [ "$bad" = 0 ] && [ "$n" -gt 0 ] || fail "$l: $bad of $n lines without their close's unit"
done
for w in "report balances --period 2025-12" "explain A 2025-12 --format json" "contact list"; do
    # shellcheck disable=SC2086
    a=$("$thuno" --db "$db" $w) && b=$("$thuno" --db "$made" $w) || fail "$w"
    [ "$a" = "$b" ] || fail "$w differs after the move into a made schema"
done

# a generated province, six months closed, with a user and a contact: every report the same
gdb=$work/gen.db
db=$gdb
t 2026-11-01 gen --units 40 --workers 400 --months 6 --end 2026-10 --seed 1 \
    --out "$work/gen" >/dev/null 2>&1
t 2026-11-01 init 2>/dev/null
for kind in officers units workers declarations payments registry case_events case_plans; do
    q 2026-11-01 import "$kind" "$work/gen/$kind.csv"
done
for p in 2026-05 2026-06 2026-07 2026-08 2026-09 2026-10; do
    q "${p}-28T18:00:00" close "$p"
done
add thu qlt-password-1 --role qlt
units=$(THUNO_NOW=2026-11-05T00:00:00 "$thuno" --db "$gdb" report debtors --period 2026-10 |
    awk -F, 'NR > 1 && NR < 4 {printf "%s ", $1}')
read -r u1 u2 <<<"$units"
[ -n "${u2:-}" ] || fail "the generated province has fewer than two debtors"
q 2026-11-02T09:00:00 contact record "$u1" visit --outcome "hẹn nộp"
gurl=$(newdb c)
THUNO_NOW=2026-11-05T00:00:00 "$thuno" migrate --from sqlite "$gdb" --to "$gurl" \
    >/dev/null 2>"$work/move.err" || { cat "$work/move.err" >&2; fail "the move failed"; }
read_all "$gdb" "$work/r2/sqlite" 2026-11-05T00:00:00 2026-10 "$u1" "$u2"
read_all "$gurl" "$work/r2/pg" 2026-11-05T00:00:00 2026-10 "$u1" "$u2"
same "$work/r2"
[ "$(wc -l <"$work/r2/sqlite/balances")" -ge 30 ] || fail "too few balances"
echo "cli_migrate_pg: ok"
