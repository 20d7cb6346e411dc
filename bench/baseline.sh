#!/usr/bin/env bash
# The plain-SQL baseline (docs/performance.md): runs the same monthly assessment as thuno's
# close, as INSERT ... SELECT over the same store, on a copy of a database thuno has closed,
# times it, and proves both compute the same figures:
#   - each unit's assessed amount of each month equals thuno's `assessed`;
#   - each unit's total principal (the last month's assessment with everything filed by then,
#     summed over the window) equals thuno's assessed + adjustment over all its closes;
#   - each unit's net debt without interest (principal - payments) equals thuno's closing
#     minus the interest it charged.
# usage: bench/baseline.sh DB FIRST_PERIOD LAST_PERIOD [POLICY_DIR]
set -euo pipefail
db=$1 first=$2 last=$3
here=$(cd "$(dirname "$0")" && pwd)
policy=${4:-$here/../policy}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$db" "$work/b.db"
for f in "$db"-wal "$db"-shm; do [ -f "$f" ] && cp "$f" "$work/b.db${f#"$db"}"; done
b=$work/b.db
sqlite3 "$b" "PRAGMA journal_mode=WAL;" >/dev/null
for t in rates base_salary min_wage caps; do
    sqlite3 "$b" "DROP TABLE IF EXISTS raw_$t;" ".import --csv $policy/$t.csv raw_$t"
done
sqlite3 "$b" <"$here/baseline_policy.sql"

# every month of the window, oldest first
periods=()
p=$first
while [[ "$p" < "$last" || "$p" == "$last" ]]; do
    periods+=("$p")
    y=${p%-*}; m=$((10#${p#*-} + 1)); if [ "$m" -eq 13 ]; then m=1; y=$((y + 1)); fi
    p=$(printf '%04d-%02d' "$y" "$m")
done
t0=$(date +%s%N)
for p in "${periods[@]}"; do
    sed "s/:M/$p/g" "$here/baseline_month.sql" | sqlite3 "$b"
done
t1=$(date +%s%N)
ms=$(( (t1 - t0) / 1000000 ))
echo "baseline: ${#periods[@]} monthly assessments in $((ms / 1000)).$(printf '%03d' $((ms % 1000))) s ($((ms / ${#periods[@]})) ms a month)"

# 1. assessed per unit and month
mismatch=$(sqlite3 "$b" "
WITH cur AS (SELECT unit_code, period, assessed FROM unit_close uc
             WHERE id = (SELECT max(id) FROM unit_close WHERE unit_code = uc.unit_code AND period = uc.period)),
     base AS (SELECT unit_code, period, sum(amount) AS assessed FROM b_assessed GROUP BY unit_code, period)
SELECT count(*) FROM cur LEFT JOIN base USING (unit_code, period)
WHERE cur.assessed != coalesce(base.assessed, 0);")
units=$(sqlite3 "$b" "SELECT count(*) FROM (SELECT DISTINCT unit_code, period FROM unit_close);")
echo "compare assessed: $units unit-months, $mismatch differ"
[ "$mismatch" -eq 0 ]

# 2. total principal over the window, as known at the end of it
sed "s/:M/$last/g" "$here/baseline_month.sql" >/dev/null
total_mismatch=$(sqlite3 "$b" "
CREATE TEMP TABLE truth AS SELECT unit_code, 0 AS principal FROM unit WHERE 0;
$(for p in "${periods[@]}"; do
    sed "s/:M/$p/g; s/substr(d.declared_on, 1, 7) <= '$p'/substr(d.declared_on, 1, 7) <= '$last'/; s/substr(d2.declared_on, 1, 7) <= '$p'/substr(d2.declared_on, 1, 7) <= '$last'/; s/INSERT INTO b_assessed/INSERT INTO b_final/" "$here/baseline_month.sql" |
        sed '1i CREATE TABLE IF NOT EXISTS b_final (period TEXT, unit_code TEXT, bhxh_code TEXT, amount INTEGER);' | grep -v '^--'
done)
WITH cur AS (SELECT unit_code, assessed + adjustment AS principal FROM unit_close uc
             WHERE id = (SELECT max(id) FROM unit_close WHERE unit_code = uc.unit_code AND period = uc.period)),
     thuno AS (SELECT unit_code, sum(principal) AS principal FROM cur GROUP BY unit_code),
     base AS (SELECT unit_code, sum(amount) AS principal FROM b_final GROUP BY unit_code)
SELECT count(*) FROM thuno LEFT JOIN base USING (unit_code)
WHERE thuno.principal != coalesce(base.principal, 0);")
echo "compare principal over the window (back-dated changes included): $total_mismatch units differ"
[ "$total_mismatch" -eq 0 ]

# 3. net debt without interest
debt_mismatch=$(sqlite3 "$b" "
WITH last AS (SELECT unit_code, closing - cum_interest_bhyt - cum_interest_bhtn - cum_interest_bhxh AS net
              FROM unit_close uc WHERE period = '$last'
                AND id = (SELECT max(id) FROM unit_close WHERE unit_code = uc.unit_code AND period = '$last')),
     paid AS (SELECT unit_code, sum(amount) AS paid FROM payment p
              WHERE superseded_at IS NULL AND suspense IS NULL AND reverses IS NULL
                AND paid_on BETWEEN '$first-01' AND date('$last-01', '+1 month', '-1 day')
                AND NOT EXISTS (SELECT 1 FROM payment r WHERE r.reverses = p.txn_id AND r.superseded_at IS NULL
                                AND r.paid_on <= date('$last-01', '+1 month', '-1 day'))
              GROUP BY unit_code),
     base AS (SELECT unit_code, sum(amount) AS principal FROM b_final GROUP BY unit_code)
SELECT count(*) FROM last LEFT JOIN base USING (unit_code) LEFT JOIN paid USING (unit_code)
WHERE last.net != coalesce(base.principal, 0) - coalesce(paid.paid, 0);")
echo "compare net debt without interest at $last: $debt_mismatch units differ"
[ "$debt_mismatch" -eq 0 ]
echo "baseline_ms_per_month=$((ms / ${#periods[@]}))"
