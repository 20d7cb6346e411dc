#!/usr/bin/env bash
# Round trip of a small synthetic province through the thuno command: gen, init, import every
# file, close every month in order, then check the balances report's identities on every row
# (closing = opening + assessed + adjustment + interest - paid = principal_due + interest_due;
# opening = the previous closing), that a second close changes nothing, and that explain
# opens a debtor's balance.
# usage: cli_demo.sh THUNO_BINARY
set -euo pipefail
thuno=$1
work=$(mktemp -d)
source "$(dirname "$0")/db.sh"
trap 'rm -rf "$work"' EXIT
db=$(store_url "$work" t)
export THUNO_POLICY=${THUNO_POLICY:-$(dirname "$0")/../policy}
# the clock is pinned (the run reads no wall clock): everything loaded and closed on the 1st
# of the month after the window, as scripts/demo_month.sh does
export THUNO_NOW=2026-03-01T08:00:00
"$thuno" gen --units 120 --workers 3000 --months 14 --end 2026-02 --seed 3 --out "$work/data" 2>/dev/null
"$thuno" --db "$db" init 2>/dev/null
for kind in officers units workers declarations payments registry; do
    "$thuno" --db "$db" import "$kind" "$work/data/$kind.csv" 2>/dev/null
done
periods=(2025-01 2025-02 2025-03 2025-04 2025-05 2025-06 2025-07 2025-08 2025-09 2025-10 2025-11 2025-12 2026-01 2026-02)
for p in "${periods[@]}"; do
    "$thuno" --db "$db" close "$p" 2>/dev/null
    "$thuno" --db "$db" report balances --period "$p" >"$work/b-$p.csv"
done
prev=""
for p in "${periods[@]}"; do
    awk -F, -v p="$p" 'NR > 1 {
        if ($3 + $4 + $5 + $6 - $7 != $8) { print p ": " $1 " closing identity broken"; bad = 1 }
        if ($9 + $10 != $8) { print p ": " $1 " principal + interest != closing"; bad = 1 }
        n++
    } END { if (n < 100) { print p ": only " n " units"; bad = 1 } exit bad }' "$work/b-$p.csv"
    if [ -n "$prev" ]; then
        # every unit's opening is its previous closing
        join -t, <(awk -F, 'NR > 1 {print $1 "," $8}' "$work/b-$prev.csv" | sort) \
                 <(awk -F, 'NR > 1 {print $1 "," $3}' "$work/b-$p.csv" | sort) |
            awk -F, -v p="$p" '$2 != $3 { print p ": " $1 " opening " $3 " != previous closing " $2; bad = 1 } END { exit bad }'
    fi
    prev=$p
done
"$thuno" --db "$db" close 2026-02 2>"$work/rerun.txt"
grep -q "(0 changed)" "$work/rerun.txt" || { cat "$work/rerun.txt"; exit 1; }
# the synthetic province has debtors, interest and back-dated adjustments
awk -F, 'NR > 1 && $9 > 0 {d++} NR > 1 && $6 > 0 {i++} END {
    if (d < 5 || i < 5) { print "too few debtors (" d ") or interest rows (" i ")"; exit 1 } }' "$work/b-2026-02.csv"
unit=$(awk -F, 'NR > 1 && $9 > 0 {print $1; exit}' "$work/b-2026-02.csv")
"$thuno" --db "$db" explain "$unit" 2026-02 | grep -q "Số dư cuối kỳ / closing"
"$thuno" --db "$db" explain "$unit" 2026-02 --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["balance"]["closing"] == d["balance"]["principal_due"] + d["balance"]["interest_due"]'
echo "cli demo: 14 closes consistent"

# the office's month after the last close (scripts/demo_month.sh, what scripts/demo.sh runs)
"$(dirname "$0")/../scripts/demo_month.sh" "$thuno" "$work" 2026-02 14 >"$work/month.txt" 2>"$work/month.err" ||
    { tail -20 "$work/month.txt" "$work/month.err"; exit 1; }
out=$work/out
for f in suspense-match-2026-02.csv card-locks-2026-03-02.csv card-locks-2026-03-02.xlsx \
         handover-2026-02.csv escalation-2026-02.csv worklist-2026-02.csv cases.csv \
         cooperatives-2026-02.xlsx special-units-2026-02.xlsx litigation.xlsx; do
    [ -s "$out/$f" ] || { echo "demo month: $f missing or empty"; exit 1; }
done
for f in handover-2026-02.pdf giao-ban-2026-02.pdf ubnd-2026-02.pdf public-name-2026-02.pdf \
         public-praise-2026.pdf litigation.pdf; do
    n=$(pdfinfo "$out/$f" | awk '/^Pages:/ {print $2}')
    [ "${n:-0}" -ge 1 ] || { echo "demo month: $f has no pages"; exit 1; }
done
# the spreadsheets are real: their first sheet parses and has a row per line of the CSV
for x in litigation escalation-2026-02; do
    unzip -p "$out/$x.xlsx" xl/worksheets/sheet1.xml >"$work/sheet.xml"
    python3 - "$work/sheet.xml" "$out/$x.csv" <<'PY'
import csv, sys, xml.etree.ElementTree as ET
ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
rows = ET.parse(sys.argv[1]).getroot().findall(".//m:sheetData/m:row", ns)
lines = list(csv.reader(open(sys.argv[2], encoding="utf-8")))
assert len(rows) >= len(lines), (sys.argv[1], len(rows), len(lines))
PY
done
pdftotext "$out/ubnd-2026-02.pdf" "$work/ubnd.txt"
grep -q "Báo cáo UBND tỉnh" "$work/ubnd.txt" ||
    { echo "demo month: the People's Committee PDF lacks its Vietnamese text"; exit 1; }
[ "$(ls "$out/worklists" | wc -l)" -ge 1 ] || { echo "demo month: no officer's worklist"; exit 1; }
# the reminders went out for a district office, recorded, with its C12-TS notices, or every
# office was refused with its reason
if grep -q "^Văn bản đôn đốc / reminders 790" "$work/month.txt"; then
    office=$(sed -n 's|^Văn bản đôn đốc / reminders \(790[0-9]*\) .*|\1|p' "$work/month.txt")
    [ "$(pdfinfo "$out/reminders-$office-2026-02.pdf" | awk '/^Pages:/ {print $2}')" -ge 1 ]
    [ "$(pdfinfo "$out/c12ts-$office-2026-02.pdf" | awk '/^Pages:/ {print $2}')" -ge 1 ]
    [ "$(wc -l <"$out/reminders-register-$office.csv")" -ge 2 ]
else
    grep -q "refuses a reminder" "$out/reminders-refused-offices.txt"
fi
# a lawsuit petition for an escalating case, its claim explained
case=$(sed -n 's|^Đơn khởi kiện / lawsuit petition: \(HS-[^,]*\),.*|\1|p' "$work/month.txt")
[ -n "$case" ] || { echo "demo month: no lawsuit petition"; exit 1; }
pdftotext "$out/don-khoi-kien-$case.pdf" "$work/don.txt"
grep -qi "ĐƠN KHỞI KIỆN" "$work/don.txt" ||
    { echo "demo month: the petition PDF lacks its title"; exit 1; }
for line in "Đối chiếu tiền chờ / suspense:" "Khóa thẻ ngày 2026-03-02 / card locks of the day:" \
            "Bàn giao / handover:" "Các bước xử lý nợ / escalation:" "Danh sách công việc / worklists:" \
            "Giao ban / meeting pack:" "Hợp tác xã / cooperatives:" "Đơn vị đặc biệt / special units:" \
            "Công khai / public lists:" "Khởi kiện / litigation:" "Hồ sơ vụ việc / cases:"; do
    grep -qF "$line" "$work/month.txt" || { echo "demo month: summary lacks '$line'"; exit 1; }
done
# the summary's figures are the reports': the escalation run's units and the litigation total
esc=$(($(wc -l <"$out/escalation-2026-02.csv") - 1))
grep -q "escalation: $esc đơn vị" "$work/month.txt" || { echo "demo month: escalation count"; exit 1; }
sued=$(awk -F, '$1 == "total" {print $2}' "$out/litigation.csv")
grep -q "litigation: ${sued:-0} đơn vị" "$work/month.txt" || { echo "demo month: litigation total"; exit 1; }
# and the suspense line counts what --apply recorded ("N matched and recorded")
rec=$(sed -n 's/.*: \([0-9]*\) matched and recorded.*/\1/p' "$out/suspense-apply-2026-02.txt")
grep -q "đã ghi nhận / recorded ${rec:-0}$" "$work/month.txt" ||
    { echo "demo month: suspense recorded ${rec:-?}"; grep suspense "$work/month.txt"; exit 1; }
echo "cli demo: the office's month after the close"
