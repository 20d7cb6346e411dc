#!/usr/bin/env bash
# End-to-end test of the case registers (docs/case-registers.md): court fees and hearings,
# the lawsuit amount explained from the ledger (`case claim`, and beside lawsuit_filed in
# `case show`), assets with verifications, the creditor's seizure order and measures,
# forced-deduction orders to banks and the State Treasury with their replies, informants'
# tips and rewards, the enforcement agent, branches in other provinces; every refusal exits
# 65; the banks and tip_rewards reports, as of dates and per office. Built on the
# hand-checked province (tests/province.sh) plus the units of tests/data/cases and the cases
# of tests/data/case_registers. Every figure is derived in docs/case-registers.md.
# usage: cli_case_registers.sh THUNO_BINARY [--update]
set -euo pipefail
thuno=$1
work=$(mktemp -d)
source "$(dirname "$0")/db.sh"
trap 'rm -rf "$work"' EXIT
db=$(store_url "$work" t)
source "$(dirname "$0")/province.sh"
golden=$here/golden/case_registers
fail() { echo "cli_case_registers: $*" >&2; exit 1; }

province_closed
t 2025-07-02 import units "$here/data/cases/units.csv" 2>/dev/null
import_dated 2025-07-02 case_events "$here/data/case_registers/case_events.csv"

# ok NOW ARGS...: a register command that must succeed
ok() { t "$1" case "${@:2}" >>"$work/recorded.txt"; }
# refused NOW ARGS...: must exit 65 with its message
refused() {
    set +e
    t "$1" case "${@:2}" 2>>"$work/refused.txt" >/dev/null
    local code=$?
    set -e
    [ "$code" -eq 65 ] || fail "case ${*:2}: exit $code, expected 65"
}

# the amount to claim, from the ledger as known on the filing day
t 2026-01-01 case claim HS-A --date 2025-12-05 >"$work/claim-HS-A-2025-12-05.txt"
t 2026-01-01 case claim HS-B --date 2025-11-20 >"$work/claim-HS-B-2025-11-20.txt"
t 2026-01-01 case claim HS-B --date 2025-12-01 >"$work/claim-HS-B-2025-12-01.txt"
t 2026-03-01 case claim HS-B --date 2026-02-10 | head -10 >"$work/claim-HS-B-2026-02-10.txt"
refused 2026-01-01 claim HS-C --date 2025-07-15
refused 2026-01-01 claim HS-C --date 2025-7-15
refused 2026-01-01 claim HS-NONE --date 2025-12-01

# court
ok 2025-11-25 fee HS-B 2025-11-25 --amount 300000 --note "tạm ứng án phí" --actor O1
ok 2025-12-05 fee HS-A 2025-12-05 --exempt "Luật BHXH: cơ quan BHXH khởi kiện vì lợi ích người lao động (ví dụ; căn cứ do cán bộ ghi)"
ok 2025-12-20 hearing HS-A 2026-01-15 scheduled --court "TAND quận 1"
ok 2026-01-15 hearing HS-A 2026-01-15 postponed --court "TAND quận 1" --note "bị đơn vắng mặt"
ok 2026-01-20 hearing HS-A 2026-02-20 scheduled --court "TAND quận 1"
ok 2026-02-20 hearing HS-A 2026-02-20 held --court "TAND quận 1"
refused 2026-01-01 fee HS-A 2025-12-05
refused 2026-01-01 fee HS-A 2025-12-05 --amount 1 --exempt "x"
refused 2026-01-01 fee HS-A 2025-12-05 --amount 0
refused 2026-01-01 hearing HS-A 2026-01-15 adjourned --court "TAND quận 1"
refused 2026-01-01 hearing HS-A 2026-01-15 held
refused 2026-01-01 hearing HS-A 2026-13-01 held --court X
refused 2026-01-01 hearing HS-A 2026-01-15 held --court "TAND quận 1"
refused 2026-01-01 fee HS-A 2026-01-02 --amount 5

# the enforcement agent, then the assets, their verification, the seizure order, measures
ok 2026-04-01 agent HS-A 2026-04-01 thads "Chi cục THADS quận 1"
ok 2026-04-02 asset HS-A 2026-04-02 bank_account "TK 0071000123456" --holder "Vietcombank CN quận 1" --pledged yes --value 20000000
ok 2026-04-02 asset HS-A 2026-04-02 land "Thửa đất số 12, tờ bản đồ số 5" --holder "VP đăng ký đất đai quận 1" --pledged no --value 500000000
ok 2026-04-03 asset HS-A 2026-04-03 vehicle "Xe tải 51C-123.45" --value 300000000
ok 2026-04-10 verify HS-A 2026-04-10 1 pledged --by "CHV Trần Văn Bảo"
ok 2026-04-12 verify HS-A 2026-04-12 2 exists --by "CHV Trần Văn Bảo"
ok 2026-04-15 priority HS-A 2026-04-15 2,3 --note "đất trước, xe sau"
ok 2026-04-11 measure HS-A 2026-04-11 1 account_freeze
ok 2026-05-10 measure HS-A 2026-05-10 2 seizure --amount 500000000
ok 2026-05-01 agent HS-A 2026-05-01 bailiff "Văn phòng Thừa phát lại quận 1" --note "chuyển sang Thừa phát lại"
# entered out of order: the choice dated last stays in force (HS-B: the bailiff)
ok 2025-12-10 agent HS-B 2025-12-10 bailiff "Văn phòng Thừa phát lại quận 3"
ok 2025-12-11 agent HS-B 2025-12-05 thads "Chi cục THADS quận 3" --note "ghi bổ sung"
refused 2026-05-01 asset HS-A 2026-05-01 house "Nhà"
refused 2026-05-01 asset HS-A 2026-05-01 land ""
refused 2026-05-01 asset HS-A 2025-01-01 land "Thửa đất khác"
refused 2026-05-01 asset HS-NONE 2026-05-01 land "Thửa đất"
refused 2026-05-01 asset HS-A 2026-05-01 land "Thửa đất" --pledged maybe
refused 2026-05-01 verify HS-A 2026-05-01 9 exists --by X
refused 2026-05-01 verify HS-A 2026-04-01 3 exists --by X
refused 2026-05-01 verify HS-A 2026-05-01 3 exists
refused 2026-05-01 priority HS-A 2026-05-01 2,2
refused 2026-05-01 priority HS-A 2026-05-01 2,4
refused 2026-05-01 measure HS-A 2026-05-01 2 confiscation
refused 2026-05-01 measure HS-A 2026-05-01 2 account_freeze
refused 2026-05-01 agent HS-A 2026-05-01 court "TAND"

# forced deductions: a bank that delays then refuses (the account is pledged), a bank that
# pays in two steps, one that never answers, and the State Treasury for a state unit
ok 2026-04-05 bank-order HS-A 2026-04-05 "Vietcombank CN quận 1" --amount 15723200
ok 2026-04-20 bank-reply HS-A 2026-04-20 1 delayed
ok 2026-05-06 bank-reply HS-A 2026-05-06 1 refused --note "tài khoản đã thế chấp"
ok 2026-05-06 bank-order HS-A 2026-05-06 "BIDV CN quận 3" --amount 15723200
ok 2026-05-16 bank-reply HS-A 2026-05-16 2 partial --amount 5000000
ok 2026-05-26 bank-reply HS-A 2026-05-26 2 executed
ok 2025-12-01 bank-order HS-B 2025-12-01 "Vietcombank CN quận 1" --amount 6032400
ok 2025-10-06 bank-order HS-C 2025-10-06 "Kho bạc Nhà nước quận 1" --amount 3840000 --channel treasury
ok 2025-10-16 bank-reply HS-C 2025-10-16 1 executed
ok 2025-10-01 bank-order HS-U1 2025-10-01 "ACB CN quận 1" --amount 1000000
ok 2025-10-01 bank-order HS-U3 2025-10-01 "Kho bạc Nhà nước quận 5" --amount 2000000 --channel treasury
ok 2025-10-09 bank-reply HS-U3 2025-10-08 1 executed
refused 2026-05-27 bank-order HS-A 2026-05-27 "Kho bạc Nhà nước quận 1" --amount 1 --channel treasury
refused 2026-05-27 bank-order HS-A 2026-05-27 "BIDV" --amount 1 --channel post
refused 2026-05-27 bank-order HS-A 2026-05-27 "BIDV"
refused 2026-05-27 bank-reply HS-A 2026-05-27 2 partial --amount 1
refused 2026-05-27 bank-reply HS-A 2026-04-01 1 refused
refused 2026-05-27 bank-reply HS-A 2026-05-27 3 executed
refused 2026-05-27 bank-reply HS-A 2026-05-27 1 refused --amount 5
refused 2026-05-27 bank-reply HS-A 2026-05-27 1 partial
refused 2026-05-27 bank-reply HS-B 2026-05-27 1 partial --amount 6032401

# informants' tips: one that recovered more than the cap needs, one that led to nothing,
# one without a result yet, and the two sides of min_recovered
ok 2026-05-02 tip HS-A 2026-05-02 "Nguyễn Văn An" "Xe tải 51C-123.45 đỗ tại kho quận 7" --asset-no 3
ok 2026-05-03 tip HS-A 2026-05-03 "Lê Thị Bình" "Khoản phải thu từ Công ty Xây dựng Phú Mỹ"
ok 2026-06-30 tip-result HS-A 2026-06-30 1 --recovered 300000000
ok 2026-06-30 tip-result HS-A 2026-06-30 2 --recovered 0
ok 2025-12-02 tip HS-B 2025-12-02 "Phạm Văn Cường" "Tài khoản tại ACB"
ok 2025-12-03 tip HS-B 2025-12-03 "Đỗ Thị Dung" "Thu nhập cho thuê kho"
ok 2025-12-04 tip HS-B 2025-12-04 "Hoàng Văn Em" "Tiền bán hàng tại chợ đầu mối"
ok 2025-12-20 tip-result HS-B 2025-12-20 2 --recovered 999999
ok 2025-12-20 tip-result HS-B 2025-12-20 3 --recovered 1000000
refused 2026-07-01 tip-result HS-A 2026-07-01 1 --recovered 5
refused 2026-07-01 tip-result HS-A 2026-07-01 9 --recovered 5
refused 2026-07-01 tip-result HS-A 2026-07-01 1
refused 2026-07-01 tip HS-A 2026-07-01 "Ai đó" "Tài sản" --asset-no 7
refused 2026-07-01 tip HS-A 2026-07-01 "" "Tài sản"

# branches in other provinces: one case, linked branches
t 2026-01-05 case branch HS-A A-HN 01 --note "Chi nhánh Hà Nội, đóng BHXH tại BHXH TP Hà Nội" >>"$work/recorded.txt"
t 2026-01-05 case branch HS-A A-DN 48 >>"$work/recorded.txt"
refused 2026-01-06 branch HS-A A-HN 01
refused 2026-01-06 branch HS-A A 79
refused 2026-01-06 branch HS-A A-CT Cần-Thơ
refused 2026-01-06 branch HS-NONE A-HN 01

# a wrong option is a usage error (64), not a data error
set +e
t 2026-07-01 case fee HS-A 2026-07-01 --amont 5 2>/dev/null
code=$?
set -e
[ "$code" -eq 64 ] || fail "unknown option: exit $code, expected 64"
n=$(store_sql "$db" "SELECT count(*) FROM case_register"); [ "$n" = 39 ] || fail "refusals stored rows: $n"

# the case as of dates: what was known and had happened by then
t 2026-12-31 case show HS-A --as-of 2025-12-31 >"$work/show-HS-A-2025-12-31.txt"
t 2026-12-31 case show HS-A --as-of 2026-04-30 >"$work/show-HS-A-2026-04-30.txt"
t 2026-12-31 case show HS-A >"$work/show-HS-A.txt"
t 2026-12-31 case show HS-B >"$work/show-HS-B.txt"

t 2026-12-31 report banks --as-of 2026-04-30 >"$work/banks-2026-04-30.csv"
t 2026-12-31 report banks >"$work/banks.csv"
t 2026-12-31 report banks --office D2 >"$work/banks-D2.csv"
t 2026-12-31 report tip_rewards --as-of 2026-06-01 >"$work/tip_rewards-2026-06-01.csv"
t 2026-12-31 report tip_rewards >"$work/tip_rewards.csv"
t 2026-12-31 report case_branches >"$work/case_branches.csv"
t 2026-12-31 report case_branches --as-of 2026-01-04 >"$work/case_branches-2026-01-04.csv"
t 2026-12-31 report banks --format pdf -o "$work/banks.pdf"
pdftotext -layout "$work/banks.pdf" - | grep -q "Kho bạc Nhà nước quận 1" || fail "pdf text"
t 2026-12-31 report tip_rewards --format xlsx -o "$work/tips.xlsx"
unzip -p "$work/tips.xlsx" xl/worksheets/sheet1.xml | grep -q "<v>10000000</v>" || fail "xlsx reward"
python3 - "$work" <<'PY'
import glob, subprocess, sys
work = sys.argv[1]
subprocess.run(["pdftoppm", "-r", "40", "-gray", "-f", "1", "-l", "1", work + "/banks.pdf",
                work + "/page"], check=True)
pgm = open(glob.glob(work + "/page*.pgm")[0], "rb").read()
pixels = pgm.split(b"\n", 3)[3]
if sum(1 for b in pixels if b < 128) < 100:
    sys.exit("cli_case_registers: banks.pdf page 1 is blank")
PY

# the reward rule is policy: a bad line stops the report with FILE:LINE, a day before the
# first line is an error, never a default
pol=$work/policy
cp -r "$THUNO_POLICY" "$pol"
printf 'from,rate,cap,min_recovered,source\n2015-07-01,5%%,0,1000000,x\n' >"$pol/tip_reward.csv"
set +e
THUNO_POLICY=$pol t 2026-12-31 report tip_rewards 2>"$work/policy-errors.txt" >/dev/null
code=$?
printf 'from,rate,cap,min_recovered,source\n2026-01-01,5%%,10000000,1000000,x\n' >"$pol/tip_reward.csv"
THUNO_POLICY=$pol t 2026-12-31 report tip_rewards 2>>"$work/policy-errors.txt" >/dev/null
code2=$?
set -e
[ "$code" -ne 0 ] && [ "$code2" -ne 0 ] || fail "bad reward policy: exit $code/$code2"
sed -i "s|$pol/||" "$work/policy-errors.txt"

source "$here/goldens.sh"
compare_goldens "cli case registers" "$golden" "${2:-}" "" "$work"/*.csv "$work"/*.txt
