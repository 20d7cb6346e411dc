#!/usr/bin/env bash
# End-to-end test of inspection follow-up and the lists sent to other agencies on the
# hand-checked province (tests/province.sh, docs/golden.md) with the extra files of
# tests/data/inspections imported on top (every figure derived by hand in docs/inspections.md
# "The test"): the inspections import with its refusals, re-import, `inspection record` and a
# new version, the recovery report by period, office and as of a time, the referrals, the
# union chairs, the People's Committee tables, a policy missing for the period, and the
# PDF/XLSX of two of them.
# usage: cli_inspections.sh THUNO_BINARY [--update]
set -euo pipefail
thuno=$1
work=$(mktemp -d)
source "$(dirname "$0")/db.sh"
trap 'rm -rf "$work"' EXIT
db=$(store_url "$work" t)
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=province.sh
source "$here/province.sh"
extra=$here/data/inspections
golden=$here/golden/inspections
out=$work/out
mkdir -p "$out"
fail() { echo "cli_inspections: $*" >&2; exit 1; }

province_closed
# the office moves its units to district offices and records B as absconded, with chairs
t 2025-12-01 import units "$extra/units.csv" --update 2>/dev/null

# every bad cell with file, line and column; nothing stored
set +e
t 2025-12-01 import inspections "$extra/bad.csv" 2>"$out/bad.txt"
code=$?
set -e
[ "$code" -eq 65 ] || fail "bad.csv: exit $code, expected 65"
sed -i "s|$extra/||" "$out/bad.txt"
[ "$(store_sql "$db" 'SELECT count(*) FROM inspection')" = 0 ] || fail "rejected import stored rows"

for kind in inspections payments case_events; do
    import_dated 2025-12-01 "$kind" "$extra/$kind.csv"
done
t 2025-12-02 import inspections "$extra/inspections.csv" 2>"$work/reimport.txt"
grep -q "0 new, 0 changed, 4 same" "$work/reimport.txt" || fail "re-import: $(cat "$work/reimport.txt")"
# a changed row is refused without --update
sed 's/2025-09-15,Truy thu/2025-09-30,Truy thu/' "$extra/inspections.csv" >"$work/changed.csv"
set +e
t 2025-12-02 import inspections "$work/changed.csv" 2>"$work/changed.txt"
code=$?
set -e
[ "$code" -eq 65 ] || fail "changed row: exit $code, expected 65"
grep -q ':2:remedy_by: differs from the stored version' "$work/changed.txt" ||
    fail "changed row: $(cat "$work/changed.txt")"

# one conclusion recorded by hand, refused when changed without --update, then a new version
rec() {
    set +e
    t "$1" inspection record "${@:2}" >>"$out/record.txt" 2>&1
    echo "exit $?" >>"$out/record.txt"
    set -e
}
: >"$out/record.txt"
rec 2025-12-02 TT-05 C 2025-11-20 --body SNV --decision-no 3/KL-SNV --underdeclared 800000 \
    --workers 3 --remedy-by 2025-12-20 --note "Chưa đăng ký 3 lao động"
rec 2025-12-02 TT-05 C 2025-11-20 --body SNV --decision-no 3/KL-SNV --underdeclared 800000 \
    --workers 3 --remedy-by 2025-12-20 --note "Chưa đăng ký 3 lao động"
rec 2025-12-03 TT-05 C 2025-11-20 --body SNV --decision-no 3/KL-SNV --underdeclared 800000 \
    --workers 3 --remedy-by 2025-11-25 --note "Chưa đăng ký 3 lao động"
rec 2025-12-03 TT-05 C 2025-11-20 --body SNV --decision-no 3/KL-SNV --underdeclared 800000 \
    --workers 3 --remedy-by 2025-11-25 --note "Chưa đăng ký 3 lao động" --update
rec 2025-12-03 TT-06 ZZ 2025-11-31 --body police --unpaid 1,000 --remedy-by 2025-12-01

r() { t 2025-12-04 report "$@"; }
r inspections --period 2025-11 >"$out/inspections-2025-11.csv"
r inspections --period 2025-11 --as-of 2025-12-02 >"$out/inspections-2025-11-asof.csv"
r inspections --period 2025-10 >"$out/inspections-2025-10.csv"
r inspections --period 2025-11 --office H2 >"$out/inspections-2025-11-H2.csv"
r inspection_referrals --period 2025-11 >"$out/inspection_referrals-2025-11.csv"
r inspection_referrals --period 2025-10 >"$out/inspection_referrals-2025-10.csv"
r union_chairs --period 2025-11 >"$out/union_chairs-2025-11.csv"
r union_chairs --period 2025-11 --as-of 2025-11-30 >"$out/union_chairs-2025-11-asof.csv"
r pc_report --period 2025-11 >"$out/pc_report-2025-11.csv"
r pc_report --period 2025-11 --office Q1 >"$out/pc_report-2025-11-Q1.csv"
r pc_refusing --period 2025-11 >"$out/pc_refusing-2025-11.csv"
r pc_measures --period 2025-11 >"$out/pc_measures-2025-11.csv"
r pc_refusing --period 2025-11 --format json >"$out/pc_refusing-2025-11.json"
# the province office ("") sees every unit (docs/offices.md), before and after the move
r union_chairs --period 2025-11 --as-of 2025-11-30 --office '' >"$out/union_chairs-2025-11-asof-province.csv"
r union_chairs --period 2025-11 --office '' >"$out/union_chairs-2025-11-province.csv"

# a period before the first line of policy/inspections.csv is an error, never a default
mkdir "$work/policy"
cp "$THUNO_POLICY"/*.csv "$work/policy/"
sed -i 's/^2016-01-01,/2026-01-01,/' "$work/policy/inspections.csv"
set +e
THUNO_NOW=2025-12-04 "$thuno" --db "$db" --policy "$work/policy" report inspection_referrals \
    --period 2025-11 >/dev/null 2>"$work/nopolicy.txt"
code=$?
set -e
[ "$code" -eq 65 ] || fail "no policy: exit $code, expected 65"
grep -q "no rule in policy/inspections.csv" "$work/nopolicy.txt" || fail "no policy message"

# the same tables as PDF (Vietnamese text, a page that is not blank) and XLSX (typed numbers)
r inspections --period 2025-11 --format pdf -o "$work/insp.pdf"
r pc_report --period 2025-11 --format xlsx -o "$work/pc.xlsx"
pdftotext -layout "$work/insp.pdf" - >"$work/insp.txt"
grep -q "Theo dõi kết luận thanh tra, kiểm tra" "$work/insp.txt" || fail "pdf title"
grep -q "6.000.000" "$work/insp.txt" || fail "pdf figures"
pdftoppm -r 40 -gray -f 1 -l 1 "$work/insp.pdf" "$work/page"
# the People's Committee report as one document of three sections, the same file twice
t 2025-12-04 committee --period 2025-11 -o "$work/pc.pdf"
t 2025-12-04 committee --period 2025-11 -o "$work/pc2.pdf"
cmp -s "$work/pc.pdf" "$work/pc2.pdf" || fail "committee pdf differs between two runs"
pdftotext -layout "$work/pc.pdf" - >"$work/pc.txt"
for needle in "Báo cáo UBND tỉnh Yên Nam" "BẢO HIỂM XÃ HỘI TỈNH YÊN NAM" "1. Tình hình sử dụng lao động" "2. Đơn vị chây ỳ" \
    "3. Đề nghị các ngành phối hợp" "10.611.936" "Nợ dù đã được đôn đốc" \
    "Ngân hàng không trích tiền" "Tình trạng đơn vị: Chủ bỏ trốn" "Doanh nghiệp ngoài nhà nước" \
    "Trang 1/1"; do
    grep -q "$needle" "$work/pc.txt" || fail "committee pdf: no \"$needle\""
done
# the enumerated values are words, never identifiers; in English with --lang en
! grep -qE "owes_despite_reminders|deduction_refused|status:absconded|private" "$work/pc.txt" ||
    fail "committee pdf shows identifiers"
t 2025-12-04 committee --period 2025-11 --lang en -o "$work/pc-en.pdf"
pdftotext -layout "$work/pc-en.pdf" - >"$work/pc-en.txt"
for needle in "Owes despite reminders" "Bank did not deduct" "Unit status: Absconded" "Private"; do
    grep -q "$needle" "$work/pc-en.txt" || fail "committee pdf en: no \"$needle\""
done
t 2025-12-04 committee --period 2025-11 --office Q1 -o "$work/pcq1.pdf"
pdftotext -layout "$work/pcq1.pdf" - >"$work/pcq1.txt"
grep -q "10.611.936" "$work/pcq1.txt" && ! grep -q "3.632.400" "$work/pcq1.txt" ||
    fail "committee pdf --office Q1 shows other offices"
pdftoppm -r 40 -gray -f 1 -l 1 "$work/pc.pdf" "$work/pcpage"
python3 - "$work" <<'PY'
import glob, re, sys, zipfile
import xml.etree.ElementTree as ET
work = sys.argv[1]
for name in ("page", "pcpage"):
    pgm = open(glob.glob(work + "/" + name + "*.pgm")[0], "rb").read()
    parts = pgm.split(b"\n", 3)
    w, h = map(int, parts[1].split())
    dark = sum(1 for p in parts[3][: w * h] if p < 128)
    assert dark > 500, "%s 1 looks blank (%d dark pixels)" % (name, dark)
ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
with zipfile.ZipFile(work + "/pc.xlsx") as z:
    root = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
vals = {}
for row in root.find("m:sheetData", ns):
    for c in row:
        v = c.find("m:v", ns)
        if v is not None:
            vals[c.get("r")] = float(v.text)
# G is debt, past its deadline (docs/ledger.md "Debt"): H2 cooperative, Q1 private, Q1 state,
# then the SUM row; J what is assessed and not yet due
assert vals.get("G2") == 3632400 and vals.get("G3") == 10611936 and vals.get("G4") == 0, vals
assert vals.get("G5") == 3632400 + 10611936, vals
assert vals.get("J2") == 2400000 and vals.get("J3") == 5120000 and vals.get("J5") == 7520000, vals
PY

source "$here/goldens.sh"
compare_goldens "cli inspections" "$golden" "${2:-}" "" "$out"/*
