#!/usr/bin/env bash
# End-to-end golden test of the thuno command on the hand-checked province of
# tests/data/province (derivation of every figure: docs/golden.md). Compares the balances
# report (CSV and JSON), explain (text) and an as-of view byte for byte with tests/golden/.
# usage: cli_golden.sh THUNO_BINARY [--update]
set -euo pipefail
thuno=$1
work=$(mktemp -d)
source "$(dirname "$0")/db.sh"
trap 'rm -rf "$work"' EXIT
db=$(store_url "$work" t)
source "$(dirname "$0")/province.sh"
golden=$here/golden
province_closed
t 2025-12-01 report balances --period 2025-11 >"$work/balances-2025-11.csv"
t 2025-12-01 report balances --period 2025-11 --format json >"$work/balances-2025-11.json"
t 2025-12-01 report balances --period 2025-10 >"$work/balances-2025-10.csv"
t 2025-12-01 report findings --period 2025-11 >"$work/findings-2025-11.csv"
t 2025-12-01 report suspense --period 2025-11 >"$work/suspense-2025-11.csv"
t 2025-12-01 report card_locks --period 2025-10 >"$work/card_locks-2025-10.csv"
t 2025-12-01 report card_locks --period 2025-11 >"$work/card_locks-2025-11.csv"
t 2025-12-01 report officer_kpi --period 2025-10 >"$work/officer_kpi-2025-10.csv"
t 2025-12-01 report officer_kpi --period 2025-11 --format json >"$work/officer_kpi-2025-11.json"
t 2025-12-01 report handover --period 2025-10 >"$work/handover-2025-10.csv"
t 2025-12-01 report kpi_type --period 2025-11 >"$work/kpi_type-2025-11.csv"
t 2025-12-01 report kpi_department --period 2025-11 >"$work/kpi_department-2025-11.csv"
t 2025-12-01 report debtors --period 2025-11 >"$work/debtors-2025-11.csv"
t 2025-12-01 report award_eligible --period 2025-11 >"$work/award_eligible-2025-11.csv"
t 2025-12-01 report non_participants --period 2025-11 >"$work/non_participants-2025-11.csv"
t 2025-12-01 report escalation --period 2025-11 >"$work/escalation-2025-11.csv"
t 2025-12-01 explain A 2025-10 >"$work/explain-A-2025-10.txt"
t 2025-12-01 explain A 2025-11 >"$work/explain-A-2025-11.txt"
t 2025-12-01 explain B 2025-11 >"$work/explain-B-2025-11.txt"
# a bank statement of 2025-10-15 arrives on 2025-12-03; November is closed again
t 2025-12-03 import payments "$data/payments-late.csv" 2>/dev/null
t 2025-12-03T09:00:00 close 2025-11 2>/dev/null
t 2025-12-04 report balances --period 2025-11 >"$work/balances-2025-11-after.csv"
t 2025-12-04 report balances --period 2025-11 --as-of 2025-12-02 >"$work/balances-2025-11-asof.csv"
# the late P3 (dated in October, known after October's close) is in November's paid: its
# allocation is explained there too
t 2025-12-04 explain A 2025-11 >"$work/explain-A-2025-11-after.txt"
# a second run of the same close changes nothing
t 2025-12-05 close 2025-11 2>"$work/rerun.txt"
grep -q "(0 changed)" "$work/rerun.txt" || { cat "$work/rerun.txt"; echo "re-run changed rows"; exit 1; }
# a store made before unit_close.principal_overdue (docs/ledger.md "Debt": schema version 1,
# the column missing) gets the column from migration 2 on opening (docs/store.md
# "Migrations"); its closes read as all due: debt = closing, "not yet due"
if sqlite_part "a store of schema version 1 is a SQLite file"; then
    old=$(mktemp -d)
    cp "$db" "$old/o.db"
    cols=$(sqlite3 "$old/o.db" "SELECT group_concat(name, ', ') FROM pragma_table_info('unit_close')
                                WHERE name != 'principal_overdue'")
    sqlite3 "$old/o.db" "CREATE TABLE uc AS SELECT $cols FROM unit_close; DROP TABLE unit_close;
                         ALTER TABLE uc RENAME TO unit_close;
                         UPDATE meta SET value = '1' WHERE key = 'schema_version'"
    THUNO_NOW=2025-12-05 "$thuno" --db "$old/o.db" report balances --period 2025-11 >"$old/b.csv"
    awk -F, 'NR > 1 && ($15 != $8 || $16 != 0) { bad = 1 } END { exit bad || NR != 4 }' "$old/b.csv" ||
        { cat "$old/b.csv"; echo "an older store's closes do not read as all due"; exit 1; }
    [ -n "$(sqlite3 "$old/o.db" "SELECT 1 FROM pragma_table_info('unit_close') WHERE name = 'principal_overdue'")" ] ||
        { echo "the older store did not get principal_overdue"; exit 1; }
    rm -rf "$old"
fi

source "$here/goldens.sh"
compare_goldens "cli golden" "$golden" "${2:-}" "rerun.txt" "$work"/*.csv "$work"/*.json "$work"/*.txt
