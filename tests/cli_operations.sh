#!/usr/bin/env bash
# End-to-end test of collection operations (docs/operations.md "The test province") on the
# hand-checked province of tests/province.sh plus the files of tests/data/operations: the
# assignments and collection_plans imports with their refusals, thuno assign (one unit, in
# bulk, refused), a units import changing officer_code, KPIs attributed by the assignment
# history, the worklist, the collection-plan report, and their PDF/XLSX.
# usage: cli_operations.sh THUNO_BINARY [--update]
set -euo pipefail
thuno=$1
work=$(mktemp -d)
source "$(dirname "$0")/db.sh"
trap 'rm -rf "$work"' EXIT
db=$(store_url "$work" t)
here=$(cd "$(dirname "$0")" && pwd)
ops=$here/data/operations
golden=$here/golden/operations
fail() { echo "cli_operations: $*" >&2; exit 1; }
source "$here/province.sh"

# rejected: exit 65, every bad cell as FILE:LINE:COLUMN, nothing stored
rejected() { # NAME NOW ARGS...
    local name=$1 code
    set +e
    t "${@:2}" 2>"$work/$name.txt"
    code=$?
    set -e
    [ "$code" -eq 65 ] || fail "$name: exit $code, expected 65"
    sed -i "s|$ops/||" "$work/$name.txt"
}

province_closed
[ "$(store_sql "$db" 'SELECT count(*) FROM assignment')" = 3 ] || fail "units.csv seeds 3 assignments"
t 2025-11-05 import officers "$ops/officers.csv" 2>/dev/null
t 2025-11-05 import assignments "$ops/assignments.csv" 2>/dev/null
rejected assignments-bad 2025-11-05 import assignments "$ops/assignments-bad.csv"
t 2025-11-06 import collection_plans "$ops/collection_plans.csv" 2>/dev/null
rejected collection_plans-bad 2025-11-06 import collection_plans "$ops/collection_plans-bad.csv"
[ "$(store_sql "$db" 'SELECT count(*) FROM assignment')" = 4 ] || fail "rejected file stored rows"
[ "$(store_sql "$db" 'SELECT count(*) FROM collection_plan')" = 10 ] || fail "plans stored"
t 2025-11-07 import collection_plans "$ops/collection_plans.csv" 2>"$work/reimport.txt"
grep -q "0 new, 0 changed, 10 same" "$work/reimport.txt" || fail "re-import: $(cat "$work/reimport.txt")"

# B pays its Q3 and October on 2025-11-20; the office learns it on 2025-12-01 and closes again
t 2025-12-01 import payments "$ops/payments.csv" 2>/dev/null
t 2025-12-01T08:00:00 close 2025-11 2>/dev/null

r() { t 2025-12-02 report "$@"; }
# October: A was O1's on 10-31, so the province's golden holds byte for byte
r officer_kpi --period 2025-10 | diff -u "$here/golden/officer_kpi-2025-10.csv" - ||
    fail "officer_kpi 2025-10 differs from the province's"
r officer_kpi --period 2025-11 >"$work/officer_kpi-2025-11.csv"
r kpi_department --period 2025-11 >"$work/kpi_department-2025-11.csv"
r kpi_type --period 2025-11 >"$work/kpi_type-2025-11.csv"
r collection_plan --period 2025-10 >"$work/collection_plan-2025-10.csv"
r collection_plan --period 2025-11 >"$work/collection_plan-2025-11.csv"
r worklist --period 2025-10 >"$work/worklist-2025-10.csv"
r worklist --period 2025-11 >"$work/worklist-2025-11.csv"
r worklist --period 2025-10 --officer O3 >"$work/worklist-2025-10-O3.csv"
r handover --period 2025-11 >"$work/handover-2025-11.csv"
# as known on 2025-11-30: November's first close, before B's payment reached the office
r officer_kpi --period 2025-11 --as-of 2025-11-30 >"$work/officer_kpi-2025-11-asof-2025-11-30.csv"

# thuno assign: refused as a whole, then one unit, then every unit of an officer
rejected assign-bad 2025-12-03 assign B C Z --officer O4 --from 2025-12-05
rejected assign-none 2025-12-03 assign --from-officer O4 --officer O1 --from 2025-12-05
t 2025-12-03 assign B B --officer O3 --from 2025-12-05 --actor "TP.QLT" --reason "nghỉ phép" \
    2>/dev/null
[ "$(store_sql "$db" "SELECT count(*) FROM assignment WHERE unit_code = 'B'")" = 2 ] ||
    fail "a unit named twice is assigned twice"
t 2025-12-04 assign --from-officer O3 --officer O1 --from 2026-01-01 --actor "TP.QLT" \
    --reason "O3 chuyển phòng / O3 moves" 2>/dev/null
# a units import changing C's officer_code to O3 is an assignment from that day
t 2025-12-10 import units "$ops/units-update.csv" --update 2>/dev/null
r assignments >"$work/assignments.csv"
# the same update moves C to office D1: the office cut keeps C alone
r assignments --office D1 >"$work/assignments-D1.csv"
r collection_plan --period 2025-11 --office D1 >"$work/collection_plan-2025-11-D1.csv"
r worklist --period 2025-11 --office D1 >"$work/worklist-2025-11-D1.csv"
r assignments --as-of 2025-11-01 >"$work/assignments-asof-2025-11-01.csv"

# the meeting pack of November, once both reminders of the month are recorded
t 2025-12-05 import case_events "$ops/case_events.csv" 2>/dev/null
t 2025-12-05 pack meeting --period 2025-11 --format csv >"$work/pack-2025-11.txt"
# a past month's pack is asked as known on its meeting day: before the reminders were recorded
t 2025-12-05 pack meeting --period 2025-10 --as-of 2025-12-04 --format csv >"$work/pack-2025-10.txt"
t 2025-12-05 pack meeting --period 2025-11 -o "$work/pack.pdf"
pdftotext -layout "$work/pack.pdf" - >"$work/pack.pdf.txt"
for want in "Tài liệu giao ban tháng" "1. Kết quả thu so với kế hoạch" "2. Nợ theo nhóm tháng nợ" \
    "3. Đơn vị phát sinh nợ mới" "4. Công việc đã thực hiện trong tháng" \
    "5. Đề xuất biện pháp tháng tới" "Gửi văn bản đôn đốc" "10.632.456" "Văn bản đôn đốc lần 2"; do
    grep -q "$want" "$work/pack.pdf.txt" || fail "pack pdf lacks \"$want\""
done
! grep -q "second_reminder" "$work/pack.pdf.txt" || fail "pack pdf shows an identifier"
t 2025-12-05 pack meeting --period 2025-11 --lang en -o "$work/pack-en.pdf"
pdftotext -layout "$work/pack-en.pdf" - >"$work/pack.pdf.txt"
grep -q "Second reminder" "$work/pack.pdf.txt" || fail "pack pdf en lacks \"Second reminder\""
rm -f "$work/pack.pdf.txt"

# the documents: Vietnamese title, figures, a page that is not blank; typed numbers in XLSX
r worklist --period 2025-11 --format pdf -o "$work/worklist.pdf"
pdftotext -layout "$work/worklist.pdf" - >"$work/worklist.pdf.txt"
grep -q "Danh sách công việc của cán bộ chuyên quản" "$work/worklist.pdf.txt" || fail "pdf title"
grep -q "Công ty TNHH Hải Âu" "$work/worklist.pdf.txt" || fail "pdf unit name"
pdftoppm -r 40 -gray -f 1 -l 1 "$work/worklist.pdf" "$work/page"
python3 - "$work"/page*.pgm <<'PY' || fail "pdf page 1 is blank"
import sys
pgm = open(sys.argv[1], "rb").read()
# binary PGM: "P5\n<w> <h>\n<max>\n" then one byte a pixel; text makes dark pixels
pixels = pgm.split(b"\n", 3)[3]
sys.exit(0 if sum(1 for b in pixels if b < 128) > 500 else 1)
PY
r collection_plan --period 2025-11 --format xlsx -o "$work/plan.xlsx"
unzip -p "$work/plan.xlsx" xl/worksheets/sheet1.xml | python3 -c '
import sys, xml.dom.minidom
d = xml.dom.minidom.parseString(sys.stdin.read())
v = [n.firstChild.data for n in d.getElementsByTagName("v") if n.firstChild]
sys.exit(0 if "12000000" in v and "8640000" in v else 1)' || fail "xlsx plan figures"
rm -f "$work/worklist.pdf.txt"

source "$here/goldens.sh"
compare_goldens "cli operations" "$golden" "${2:-}" "reimport.txt" "$work"/*.csv "$work"/*.txt
