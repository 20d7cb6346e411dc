#!/usr/bin/env bash
# Ready to shard (issue 16 item 5; docs/scale-out.md): on PostgreSQL every large table is
# hash-partitioned by unit_code into 16 partitions (pg_schema.sql). A generated province is
# imported and closed on PostgreSQL and on SQLite; then
#   - each table said to be partitioned is, by HASH (unit_code), with its 16 partitions, and
#     the reference tables are not;
#   - the rows spread over the partitions, a unit's rows of every table in the same one
#     (co-located), each close line carrying the unit_code of its close;
#   - a one-unit query reads one partition (EXPLAIN);
#   - the balances report reads the same on both engines.
# Runs on the test server of THUNO_TEST_PG when set, else starts its own (scripts/pg.sh);
# skipped (77) without PostgreSQL's binaries.
# usage: pg_partitions.sh THUNO_BINARY
set -euo pipefail
thuno=$1
here=$(cd "$(dirname "$0")" && pwd)
export THUNO_POLICY=${THUNO_POLICY:-$here/../policy}
bindir=/usr/lib/postgresql/15/bin
[ -x "$bindir/initdb" ] || bindir=$(dirname "$(command -v initdb 2>/dev/null || echo /none/x)")
if [ ! -x "$bindir/initdb" ] || [ ! -x "$bindir/psql" ]; then
    echo "skipped: no PostgreSQL binaries (initdb, psql)"
    exit 77
fi
fail() { echo "pg_partitions: $*" >&2; exit 1; }
work=$(mktemp -d)
server=${THUNO_TEST_PG:-}
own=""
cleanup() {
    [ -z "$own" ] || bash "$here/../scripts/pg.sh" stop "$own"
    rm -rf "$work"
}
trap cleanup EXIT
if [ -z "$server" ]; then
    own=$(mktemp -d /tmp/pg-partitions.XXXXXX) # its own: the server's user must reach it
    server=$own
    bash "$here/../scripts/pg.sh" start "$own" >/dev/null
fi
name="t_pg_partitions_$$"
url=$(bash "$here/../scripts/pg.sh" newdb "$server" "$name")
q() { "$bindir/psql" -X -q -A -t -v ON_ERROR_STOP=1 -h "$server" -U thuno -d "$name" -c "$1"; }

"$thuno" gen --units 64 --workers 1200 --months 3 --end 2026-10 --seed 7 --out "$work/data" \
    2>/dev/null
export THUNO_NOW=2026-11-20T08:00:00
for db in "$url" "$work/s.db"; do
    "$thuno" --db "$db" init >/dev/null 2>&1 || fail "init $db"
    for kind in officers units workers declarations payments; do
        "$thuno" --db "$db" import "$kind" "$work/data/$kind.csv" >/dev/null 2>&1 ||
            fail "import $kind into $db"
    done
    for p in 2026-08 2026-09 2026-10; do
        "$thuno" --db "$db" close "$p" >/dev/null 2>&1 || fail "close $p on $db"
    done
done

# the partitioned tables, each by HASH (unit_code) into 16
partitioned="unit declaration unit_close assess_line interest_line alloc_line unpaid_line finding
 close_carry case_event handover_signed_unit inspection assignment opening_balance contact"
for t in $partitioned; do
    got=$(q "SELECT p.partstrat::text || ':' || a.attname || ':' ||
                    (SELECT count(*) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                     WHERE i.inhparent = p.partrelid AND c.relkind = 'r')
             FROM pg_partitioned_table p
             JOIN pg_attribute a ON a.attrelid = p.partrelid AND a.attnum = p.partattrs[0]
             WHERE p.partrelid = '$t'::regclass")
    [ "$got" = "h:unit_code:16" ] || fail "$t: partitioned as '$got', want h:unit_code:16"
done
for t in payment worker reminder officer registry meta import_batch close_run rate_set app_user \
    app_session audit; do
    [ "$(q "SELECT relkind FROM pg_class WHERE oid = '$t'::regclass")" = r ] ||
        fail "$t: should be a plain table"
done

# the rows spread over the partitions (64 units in 16 buckets: a bucket left empty has odds
# of 1 in 60), a unit's rows all in the one partition its code hashes to
for t in unit declaration unit_close assess_line close_carry; do
    used=$(q "SELECT count(DISTINCT tableoid) FROM $t")
    [ "$used" -ge 12 ] || fail "$t: rows in $used partitions of 16"
done
for t in interest_line alloc_line unpaid_line; do # the units in debt or that paid only
    used=$(q "SELECT count(DISTINCT tableoid) FROM $t")
    [ "$used" -ge 2 ] || fail "$t: rows in $used partitions of 16"
done
split=$(q "SELECT count(*) FROM (SELECT unit_code FROM (
             SELECT unit_code, tableoid FROM unit UNION ALL
             SELECT unit_code, tableoid FROM declaration UNION ALL
             SELECT unit_code, tableoid FROM unit_close UNION ALL
             SELECT unit_code, tableoid FROM assess_line UNION ALL
             SELECT unit_code, tableoid FROM alloc_line UNION ALL
             SELECT unit_code, tableoid FROM close_carry) r
           GROUP BY unit_code
           HAVING count(DISTINCT regexp_replace(tableoid::regclass::text, '^.*_p', '')) > 1) s")
[ "$split" = 0 ] || fail "$split units have rows in different partitions"
for t in assess_line interest_line alloc_line unpaid_line finding; do
    bad=$(q "SELECT count(*) FROM $t l LEFT JOIN unit_close u ON u.id = l.close_id
             WHERE u.unit_code IS DISTINCT FROM l.unit_code")
    [ "$bad" = 0 ] || fail "$t: $bad lines without their close's unit_code"
done

# a one-unit query reads one partition of each table
unit=$(q "SELECT min(unit_code) FROM unit_close")
plan=$(q "EXPLAIN (COSTS OFF) SELECT closing FROM unit_close WHERE unit_code = '$unit'
          AND period = '2026-10' ORDER BY id DESC LIMIT 1")
n=$(grep -o 'unit_close_p[0-9]*' <<<"$plan" | sort -u | wc -l)
[ "$n" = 1 ] || fail "the balance of $unit reads $n partitions of unit_close: $plan"
plan=$(q "EXPLAIN (COSTS OFF) SELECT l.bhxh_code, l.a0 FROM unit_close u
          JOIN assess_line l ON l.close_id = u.id AND l.unit_code = u.unit_code
          WHERE u.unit_code = '$unit' AND u.period = '2026-10'")
n=$(grep -o '[a-z_]*_p[0-9][0-9]*' <<<"$plan" | sort -u | wc -l)
[ "$n" = 2 ] || fail "the lines of $unit read $n partitions, want 2 (one per table): $plan"

# the same balances on both engines
"$thuno" --db "$url" report balances --period 2026-10 -o "$work/pg.csv" 2>/dev/null
"$thuno" --db "$work/s.db" report balances --period 2026-10 -o "$work/sq.csv" 2>/dev/null
cmp -s "$work/pg.csv" "$work/sq.csv" || fail "balances differ between the engines"
[ "$(wc -l <"$work/pg.csv")" -gt 60 ] || fail "balances: too few rows"
"$thuno" --db "$url" explain "$unit" 2026-10 >"$work/pg.txt" 2>/dev/null
"$thuno" --db "$work/s.db" explain "$unit" 2026-10 >"$work/sq.txt" 2>/dev/null
cmp -s "$work/pg.txt" "$work/sq.txt" || fail "explain of $unit differs between the engines"
"$bindir/psql" -X -q -h "$server" -U thuno -d postgres -c "DROP DATABASE \"$name\"" >/dev/null
echo "pg_partitions: ok"
