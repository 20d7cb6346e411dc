#!/usr/bin/env bash
# End-to-end test of a case's documents (docs/documents.md) on the hand-checked province
# (docs/golden.md) plus the units of tests/data/docs: D (public, so the deduction request goes
# to the State Treasury) and E (a household business sued, whose owner draws a pension).
# Cases are recorded as they happen, so each document sees what was known on its date. Every
# figure of the goldens is derived by hand in docs/documents.md "Hand-checked figures". Also:
# refusals (wrong stage, a missing fact named) and the PDFs (Vietnamese text, page not blank,
# the same file twice).
# usage: cli_docs.sh THUNO_BINARY [--update]
set -euo pipefail
thuno=$1
work=$(mktemp -d)
source "$(dirname "$0")/db.sh"
trap 'rm -rf "$work"' EXIT
db=$(store_url "$work" t)
here=$(cd "$(dirname "$0")" && pwd)
source "$here/province.sh"
docs=$here/data/docs
golden=$here/golden/docs
fail() { echo "cli_docs: $*" >&2; exit 1; }
# refused NAME ARGS...: the command must exit 65; its message goes to $work/NAME.txt
refused() {
    local name=$1 code=0
    shift
    t "$@" >/dev/null 2>"$work/$name.txt" || code=$?
    [ "$code" -eq 65 ] || fail "$name: exit $code, expected 65: $(cat "$work/$name.txt")"
}

t 2025-07-01 init 2>/dev/null
for kind in officers units workers declarations payments registry; do
    import_dated 2025-07-01 "$kind" "$data/$kind.csv"
done
for kind in units workers declarations; do
    import_dated 2025-07-01 "$kind" "$docs/$kind.csv"
done
for p in 2025-07 2025-08 2025-09 2025-10 2025-11; do
    t "${p}-28T18:00:00" close "$p" 2>/dev/null
done
# HS-E's court history up to its asset verification, migrated on 2025-08-01
t 2025-08-01 import case_events "$docs/case_events.csv" 2>/dev/null

# HS-A: the ladder, recorded as it happens
t 2025-10-05 case record HS-A reminder_sent 2025-10-05 --unit A --note "Đôn đốc lần 1" >/dev/null
t 2025-11-20 case record HS-A inspection_concluded 2025-11-20 --unit A \
    --office "Thanh tra BHXH tỉnh" --note "Kết luận số 45/KL-TTr" >/dev/null
t 2025-10-05 case record HS-D reminder_sent 2025-10-05 --unit D >/dev/null
t 2025-11-15 case record HS-D fine_decided 2025-11-15 --unit D --amount 1000000 \
    --office "Chánh Thanh tra BHXH tỉnh" --note "Quyết định số 99/QĐ-XPVPHC" >/dev/null

# the fine proposal on 2025-11-29 (November closed on the 28th)
t 2025-11-29 doc checklist HS-A >"$work/checklist-HS-A-2025-11-29.txt"
t 2025-11-29 doc fine_proposal HS-A --issuer "BẢO HIỂM XÃ HỘI TỈNH QUẢNG TRỊ" \
    --place "Quảng Trị" >"$work/fine_proposal-HS-A.txt"
# the escalation run of November (docs/cases.md: fine on BHXH + BHTN by the unit's violation,
# the BHYT fine apart, the Art 216 facts with their lines)
t 2025-11-29 report escalation --period 2025-11 >"$work/escalation-2025-11.txt"
# D is evading (Law 41 Art 39: July unpaid 60 days after 2025-08-31): the evasion clause
t 2025-11-29 doc fine_proposal HS-D --issuer "BẢO HIỂM XÃ HỘI TỈNH QUẢNG TRỊ" \
    --place "Quảng Trị" >"$work/fine_proposal-HS-D.txt"
# no deduction before a fine is decided: the missing fact is named
refused deduction-before-fine 2025-11-29 doc deduction_request HS-A --to "Ngân hàng X"
t 2025-12-01 case record HS-A fine_decided 2025-12-01 --unit A --amount 3638250 \
    --office "Chánh Thanh tra BHXH tỉnh" --note "Quyết định số 101/QĐ-XPVPHC" >/dev/null

# P3 reaches the office on 2025-12-03 and November is closed again (docs/golden.md)
t 2025-12-03 import payments "$data/payments-late.csv" 2>/dev/null
t 2025-12-03T09:00:00 close 2025-11 2>/dev/null
t 2025-12-01T12:00:00 import payments "$docs/payments.csv" 2>/dev/null

refused deduction-no-bank 2025-12-05 doc deduction_request HS-A
t 2025-12-05 doc deduction_request HS-A \
    --to "Ngân hàng TMCP Ngoại thương Việt Nam - Chi nhánh Quận 1" >"$work/deduction_request-HS-A.txt"
t 2025-12-05 doc deduction_request HS-D --to "Kho bạc Nhà nước huyện Cam Lộ" \
    >"$work/deduction_request-HS-D.txt"

# the petition: the claim as the ledger knew it on the filing day, and as known on 12-02
refused petition-no-court 2025-12-10 doc lawsuit_petition HS-A
t 2025-12-10 doc lawsuit_petition HS-A --to "Tòa án nhân dân Quận 1" \
    >"$work/lawsuit_petition-HS-A.txt"
t 2025-12-10 doc lawsuit_petition HS-A --to "Tòa án nhân dân Quận 1" --date 2025-12-10 \
    --as-of 2025-12-02 \
    >"$work/lawsuit_petition-HS-A-asof-2025-12-02.txt"
t 2025-12-10 case record HS-A lawsuit_filed 2025-12-10 --unit A --amount 14721304 \
    --office "Tòa án nhân dân Quận 1" >/dev/null
# the worklist shows A's case in court, its next step and the court's deadline (4 months)
t 2025-12-11 report worklist --period 2025-11 >"$work/worklist-2025-11-sued.txt"
# no enforcement request for a case in court
refused enforcement-while-sued 2025-12-11 doc enforcement_request HS-A --to "Chi cục THADS"
t 2026-03-16 case record HS-A judgment 2026-03-16 --unit A --amount 14721304 \
    --office "Tòa án nhân dân Quận 1" --note "Bản án số 12/2026/DS-ST" >/dev/null
t 2026-03-20 doc enforcement_request HS-A --to "Chi cục Thi hành án dân sự Quận 1" \
    >"$work/enforcement_request-HS-A.txt"
# a reprint of the petition after the judgment: dated the filing day, the same claim (the debt
# past its deadline, docs/documents.md); the filing was recorded with principal + interest
# including November's 5,120,000 not yet due, and the reprint says the two differ
t 2026-03-20 doc lawsuit_petition HS-A >"$work/reprint.txt"
grep -q "^Yên Nam, ngày 10 tháng 12 năm 2025$" "$work/reprint.txt" || fail "reprint not dated the filing day"
grep -q "Số tiền khởi kiện / amount claimed *9.601.304" "$work/reprint.txt" || fail "reprint claim"
grep -q "Số đã ghi khi nộp đơn / amount recorded at filing: 14.721.304 (chênh lệch / difference 5.120.000)" \
    "$work/reprint.txt" || fail "reprint: the recorded amount differs and is not said"
t 2026-03-20 doc checklist HS-A >"$work/checklist-HS-A-2026-03-20.txt"
# the issuing office and place come from the office settings (templates/letterhead.txt): no
# document is headed "BẢO HIỂM XÃ HỘI TỈNH" alone; a settings file without its office is
# refused, naming the file
grep -q "^BẢO HIỂM XÃ HỘI TỈNH YÊN NAM$" "$work/reprint.txt" || fail "reprint: issuer"
if grep -qx "BẢO HIỂM XÃ HỘI TỈNH" "$work"/*.txt; then fail "a document headed BHXH TỈNH alone"; fi
mkdir -p "$work/nooffice"
grep -v "^office:" "$here/../templates/letterhead.txt" >"$work/nooffice/letterhead.txt"
set +e
THUNO_TEMPLATES=$work/nooffice t 2026-03-20 doc lawsuit_petition HS-A >/dev/null \
    2>"$work/nooffice/err"
code=$?
set -e
[ "$code" = 65 ] || fail "settings without office: exit $code"
grep -q "nooffice/letterhead.txt: no \"office\" setting" "$work/nooffice/err" ||
    fail "settings without office: $(cat "$work/nooffice/err")"

# HS-E: enforcement request, then the pensioner notice once the pensioner is on record
t 2025-12-03 doc enforcement_request HS-E >"$work/enforcement_request-HS-E.txt"
refused pensioner-missing 2025-12-02 doc pensioner_notice HS-E
t 2025-12-02 case pensioner HS-E --name "Nguyễn Văn Tư" --bhxh 4500000099 --day 5 \
    --paid-at "Bưu điện huyện Cam Lộ" --actor O2 >/dev/null
t 2025-12-03 doc pensioner_notice HS-E >"$work/pensioner_notice-HS-E.txt"
refused pensioner-no-case 2025-12-03 case pensioner HS-X --name "X" --bhxh 1 --day 5
refused fine-wrong-stage 2025-12-03 doc fine_proposal HS-E

for f in "$work"/deduction-*.txt "$work"/petition-*.txt "$work"/enforcement-*.txt \
    "$work"/pensioner-*.txt "$work"/fine-*.txt; do
    cat "$f"
done >"$work/refusals.txt"

# PDFs: each document, its Vietnamese text and amount, a page not blank, the same file twice
pdf() { t "$@"; }
pdf 2025-11-29 doc fine_proposal HS-A --as-of 2025-11-29 -o "$work/fine.pdf"
pdf 2025-12-05 doc deduction_request HS-D --to "Kho bạc Nhà nước huyện Cam Lộ" -o "$work/ded.pdf"
pdf 2025-12-10 doc lawsuit_petition HS-A -o "$work/pet.pdf"
pdf 2025-12-10 doc lawsuit_petition HS-A -o "$work/pet2.pdf"
pdf 2026-03-20 doc enforcement_request HS-A --to "Chi cục Thi hành án dân sự Quận 1" \
    -o "$work/enf.pdf"
pdf 2025-12-03 doc pensioner_notice HS-E -o "$work/pen.pdf"
cmp "$work/pet.pdf" "$work/pet2.pdf" || fail "the same petition gave two different PDFs"
python3 - "$work" <<'PY'
import glob, subprocess, sys
work = sys.argv[1]
want = {
    "fine": ["ĐỀ XUẤT XỬ PHẠT VI PHẠM HÀNH CHÍNH", "5.137.600", "13.520.000", "Trang 1/"],
    "ded": ["KHO BẠC NHÀ NƯỚC", "7.784.832", "Trung tâm Y tế huyện Cam Lộ"],
    "pet": ["ĐƠN KHỞI KIỆN", "9.601.304", "Án phí", "Độc lập - Tự do - Hạnh phúc"],
    "enf": ["ĐƠN YÊU CẦU THI HÀNH ÁN", "14.721.304", "Bản án số 12/2026/DS-ST"],
    "pen": ["LƯƠNG HƯU", "05/01/2026", "15.000.000", "Nguyễn Văn Tư"],
}
for name, needles in want.items():
    pdf = f"{work}/{name}.pdf"
    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    for n in needles:
        assert n in flat, (name, n)
    subprocess.run(["pdftoppm", "-r", "30", "-gray", "-f", "1", "-l", "1", pdf, f"{work}/pg-{name}"],
                   check=True)
    page = glob.glob(f"{work}/pg-{name}*.pgm")[0]
    with open(page, "rb") as f:
        data = f.read()
    pixels = data[data.index(b"255\n") + 4:]
    dark = sum(1 for b in pixels if b < 128)
    assert dark > len(pixels) // 200, (name, "page 1 is blank", dark, len(pixels))
PY

# a lawsuit filed before any close was known (the ledger imported after filing): the checklist
# runs the document's own validation, so they agree. HS-D-KK (unit D) filed on 2025-07-15 with its amount:
# the reprint rests on the amount recorded on lawsuit_filed (always given) and says the
# ledger's explanation at filing is not available.
t 2025-12-15 case record HS-D-KK lawsuit_filed 2025-07-15 --unit D --amount 5000000 \
    --office "Tòa án nhân dân Quận 2" >/dev/null
t 2025-12-15 doc lawsuit_petition HS-D-KK >"$work/nofiling-D.out" 2>"$work/nofiling-D.err" ||
    fail "HS-D-KK reprint refused: $(cat "$work/nofiling-D.err")"
grep -q "Số tiền khởi kiện / amount claimed .*5.000.000" "$work/nofiling-D.out" ||
    fail "HS-D-KK reprint: no amount recorded: $(cat "$work/nofiling-D.out")"
grep -q "không có giải trình theo sổ" "$work/nofiling-D.out" || fail "HS-D-KK reprint: no notice"
t 2025-12-15 doc checklist HS-D-KK >"$work/nofiling-D-check.out"
grep -A1 "^  lawsuit_petition .*done 2025-07-15 (reprint)" "$work/nofiling-D-check.out" |
    grep -q "\[x\] every fact present" || fail "HS-D-KK checklist: $(cat "$work/nofiling-D-check.out")"
# the checklist and the document agree on every case of this test, document by document
for c in HS-A HS-D HS-D-KK HS-E; do
    t 2026-03-20 doc checklist "$c" --to "X" >"$work/agree.out"
    for k in fine_proposal deduction_request lawsuit_petition enforcement_request pensioner_notice; do
        ready=0
        grep -A1 "^  $k " "$work/agree.out" | grep -q "\[x\] every fact present" && ready=1
        made=0
        t 2026-03-20 doc "$k" "$c" --to "X" >/dev/null 2>&1 && made=1
        [ "$ready" = "$made" ] || fail "$c $k: checklist says $ready, the document $made"
    done
done

source "$here/goldens.sh"
compare_goldens "cli docs" "$golden" "${2:-}" "reprint.txt|deduction-*|petition-*|enforcement-*|pensioner-*|fine-*|nofiling-*" "$work"/*.txt
