#!/usr/bin/env bash
# The peers of thuno's close (docs/performance.md "The peers"): the month's assessment and
# payments per unit computed by one INSERT ... SELECT with a window function (peer_month.sql)
# in SQLite, on a copy of a store thuno has closed, and by the same query in DuckDB (in
# memory, one thread) when the npm package @duckdb/node-api is installed (npm install
# --prefix bench; else skipped with a message). Each peer's query is timed in CPU time (the
# loading of the rows and of the policy is not), and each must give, for every unit, the
# assessed and paid of thuno's close of the month: the script fails if one unit differs.
# Prints "peer_sqlite_window_cpu_s=S" and "peer_duckdb_cpu_s=S" (or "skipped") for run.sh.
# usage: bench/peers.sh DB FIRST_PERIOD PERIOD [POLICY_DIR]
set -euo pipefail
db=$1 first=$2 m=$3
here=$(cd "$(dirname "$0")" && pwd)
policy=${4:-$here/../policy}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$db" "$work/b.db"
for f in "$db"-wal "$db"-shm; do [ -f "$f" ] && cp "$f" "$work/b.db${f#"$db"}"; done
b=$work/b.db
y=${m%-*}; mo=$((10#${m#*-} + 1)); if [ "$mo" -eq 13 ]; then mo=1; y=$((y + 1)); fi
next=$(printf '%04d-%02d-01' "$y" "$mo")
end=$(sqlite3 "$b" "SELECT date('$next', '-1 day');")

# the policy of the month as constants
for t in rates base_salary min_wage caps; do
    sqlite3 "$b" "DROP TABLE IF EXISTS raw_$t;" ".import --csv $policy/$t.csv raw_$t"
done
sqlite3 "$b" <"$here/baseline_policy.sql"
special=$(sqlite3 "$b" "
SELECT count(*) FROM b_rate r WHERE from_period = (SELECT max(from_period) FROM b_rate
  WHERE component = r.component AND from_period <= '$m')
  AND (except_types <> ';;' OR registered_before IS NOT NULL);")
if [ "$special" -ne 0 ]; then
    echo "peers: $m has rates by unit type or registration date; the peers take plain months only" >&2
    exit 1
fi
# one term per component: round-half-up of the capped base times the rate (ppm)
amount=$(sqlite3 -separator ' ' "$b" "
WITH rate AS (SELECT c.k, c.fund, c.grp, r.ppm FROM b_component c JOIN b_rate r ON r.component = c.component
              WHERE r.from_period = (SELECT max(from_period) FROM b_rate WHERE component = c.component AND from_period <= '$m')),
     mw AS (SELECT region, amount FROM b_min_wage w WHERE from_period = (SELECT max(from_period) FROM b_min_wage WHERE region = w.region AND from_period <= '$m')),
     bs AS (SELECT amount FROM b_base_salary WHERE from_period <= '$m' ORDER BY from_period DESC LIMIT 1),
     cap AS (SELECT c.grp, c.multiplier, c.cap_of FROM b_cap c WHERE from_period = (SELECT max(from_period) FROM b_cap WHERE grp = c.grp AND from_period <= '$m')),
     capx AS (SELECT cap.grp, CASE cap.cap_of WHEN 'base_salary' THEN (SELECT cap.multiplier * amount FROM bs)
                   ELSE 'CASE u.wage_region ' || (SELECT group_concat('WHEN ' || region || ' THEN ' || (cap.multiplier * amount), ' ') FROM mw) || ' END' END AS e FROM cap)
SELECT group_concat('CASE WHEN (d.funds & ' || rate.fund || ') <> 0 THEN (LEAST(d.salary, ' || capx.e || ') * ' || rate.ppm || ' + 500000) DIVOP 1000000 ELSE 0 END', ' + ')
FROM rate JOIN capx ON capx.grp = rate.grp WHERE rate.ppm > 0;")
query() { # $1: the engine's min of two values, $2: its integer division
    local sql
    sql=$(sed -e "s/:M/$m/g; s/:FIRST/$first/g; s/:END/$end/g; s/:NEXT/$next/g" "$here/peer_month.sql")
    sql=${sql//:AMOUNT/"$amount"} # quoted: a & of it is not the match
    sql=${sql//LEAST(/$1(}
    printf '%s\n' "${sql//DIVOP/$2}"
}
query min / | grep -v '^--' >"$work/sqlite.sql"
query least // | grep -v '^--' >"$work/duckdb.sql"

sqlite3 "$b" "DROP TABLE IF EXISTS p_unit; CREATE TABLE p_unit (unit_code TEXT, assessed INTEGER, paid INTEGER);"
# thuno's close of the month: the latest row of each unit
sqlite3 "$b" "DROP TABLE IF EXISTS t_unit; CREATE TABLE t_unit AS
SELECT unit_code, assessed, paid FROM unit_close uc WHERE period = '$m'
  AND id = (SELECT max(id) FROM unit_close WHERE unit_code = uc.unit_code AND period = '$m');"
compare() { # $1: name; p_unit holds the peer's figures
    local n diff
    n=$(sqlite3 "$b" "SELECT count(*) FROM t_unit;")
    diff=$(sqlite3 "$b" "
SELECT count(*) FROM (
  SELECT t.unit_code FROM t_unit t LEFT JOIN p_unit p USING (unit_code)
  WHERE t.assessed <> coalesce(p.assessed, 0) OR t.paid <> coalesce(p.paid, 0)
  UNION ALL
  SELECT p.unit_code FROM p_unit p LEFT JOIN t_unit t USING (unit_code)
  WHERE t.unit_code IS NULL AND (p.assessed <> 0 OR p.paid <> 0));")
    echo "compare $1 with thuno's close of $m: $n units, $diff differ (assessed or paid)"
    if [ "$diff" -ne 0 ]; then
        sqlite3 -header "$b" "SELECT t.unit_code, t.assessed, p.assessed, t.paid, p.paid FROM t_unit t
          LEFT JOIN p_unit p USING (unit_code) WHERE t.assessed <> coalesce(p.assessed, 0)
          OR t.paid <> coalesce(p.paid, 0) LIMIT 5;" >&2
        return 1
    fi
}

# the SQLite peer: the query alone in one sqlite3 process, its CPU time (user + system)
sqlite3 "$b" "SELECT count(*) FROM declaration; SELECT count(*) FROM payment;" >/dev/null # warm the cache
# (bash's times: the children's user and system time, as "0m1.234s 0m0.056s")
cpu=$( (sqlite3 "$b" <"$work/sqlite.sql" >/dev/null; times) | tail -1 |
    awk '{ s = 0; for (i = 1; i <= 2; i++) { split($i, a, "m"); s += a[1] * 60 + a[2] } printf "%.3f", s }')
echo "peer sqlite window: month $m in $cpu s of CPU (one INSERT ... SELECT)"
compare "the SQLite window peer"
echo "peer_sqlite_window_cpu_s=$cpu"

# the DuckDB peer: the same rows loaded in memory (not timed), the same query on one thread
if [ ! -d "$here/node_modules/@duckdb/node-api" ]; then
    echo "peer duckdb: skipped (@duckdb/node-api is not installed: npm install --prefix bench)"
    echo "peer_duckdb_cpu_s=skipped"
    exit 0
fi
sqlite3 -csv -header "$b" "SELECT unit_code, bhxh_code, from_period, kind, salary, funds, declared_on, superseded_at FROM declaration WHERE superseded_at IS NULL" >"$work/declaration.csv"
sqlite3 -csv -header "$b" "SELECT unit_code, wage_region, registered_on, superseded_at FROM unit WHERE superseded_at IS NULL" >"$work/unit.csv"
sqlite3 -csv -header "$b" "SELECT txn_id, unit_code, paid_on, amount, reverses, suspense, superseded_at FROM payment WHERE superseded_at IS NULL" >"$work/payment.csv"
node "$here/peer_duckdb.mjs" "$work" "$work/duckdb.sql" "$work/p_duckdb.csv" | tee "$work/duck.txt"
sqlite3 "$b" "DELETE FROM p_unit;" ".import --csv --skip 1 $work/p_duckdb.csv p_unit"
compare "the DuckDB peer"
echo "peer_duckdb_cpu_s=$(awk -F= '/^duckdb_cpu_s=/ {print $2}' "$work/duck.txt")"
