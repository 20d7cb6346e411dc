#!/usr/bin/env bash
# The office's month on a generated province (the second half of scripts/demo.sh, also run at
# small size by tests/cli_demo.sh): loads DIR/data (written by `thuno gen`) into DIR/thuno.db,
# closes every month of the window, then does what the office's users do after the close of
# the last month END, writing every output into DIR/out/ and printing a summary.
# The clock (THUNO_NOW) follows the office's calendar, so that "what was known on day D" holds:
# the history is loaded and closed on the 1st of the month after END, END itself is closed on
# the 2nd, the reminders and notices go out on the 5th.
# usage: demo_month.sh THUNO DIR END MONTHS
set -euo pipefail
thuno=$1 dir=$2 end=$3 months=$4
db=$dir/thuno.db
out=$dir/out
rm -rf "$db" "$out"
mkdir -p "$out"
day1=$(date -d "$end-01 +1 month" +%F)
day2=$(date -d "$day1 +1 day" +%F)
day5=$(date -d "$day1 +4 days" +%F)
last=$(date -d "$day1 -1 day" +%F)
t() { THUNO_NOW=$1 "$thuno" --db "$db" "${@:2}"; }
pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}'; }
rows() { echo $(($(wc -l <"$1") - 1)); }

# --- load the history (known on the 1st) and close every month before END, oldest first
t "${day1}T08:00:00" init
for kind in officers units workers declarations payments registry case_events case_plans; do
    t "${day1}T08:00:00" import "$kind" "$dir/data/$kind.csv"
done
y=${end%-*}; m=$((10#${end#*-}))
periods=()
for ((i = 0; i < months; i++)); do
    periods=("$(printf '%04d-%02d' "$y" "$m")" "${periods[@]}")
    m=$((m - 1)); if [ "$m" -eq 0 ]; then m=12; y=$((y - 1)); fi
done
start=$(date +%s)
for p in "${periods[@]}"; do
    if [ "$p" != "$end" ]; then t "${day1}T09:00:00" close "$p"; fi
done
# --- day 2: QLT closes END
t "${day2}T08:00:00" close "$end"
echo "== ${#periods[@]} closes in $(($(date +%s) - start)) s"
now="${day2}T10:00:00"
t "$now" report balances --period "$end" -o "$out/balances-$end.csv"
awk -F, 'NR > 1 {
    n++; closing += $8; principal += $9; interest += $10; bucket[$12]++; status[$14]++
} END {
    printf "== balances %s: %d units, closing %.0f, principal due %.0f, interest due %.0f\n", p, n, closing, principal, interest
    printf "   buckets: 0=%d 1-3=%d 3-6=%d 6-12=%d 12+=%d\n", bucket["0"], bucket["1-3"], bucket["3-6"], bucket["6-12"], bucket["12+"]
    printf "   legal status: current=%d late=%d evading=%d\n", status["current"], status["late"], status["evading"]
}' p="$end" "$out/balances-$end.csv"
top=$(awk -F, 'NR > 1 && $9 > max {max = $9; unit = $1} END {print unit}' "$out/balances-$end.csv")
if [ -n "$top" ]; then
    echo "== the largest debtor, explained: thuno --db $db explain $top $end"
    t "$now" explain "$top" "$end" >"$out/explain-$top-$end.txt"
    grep -vE '^(  NLĐ|    )' "$out/explain-$top-$end.txt" | head -40
fi
qlt=$(awk -F, '$3 == "QLT" {print $1; exit}' "$dir/data/officers.csv")
kttn=$(awk -F, '$3 == "KTTN" {print $1; exit}' "$dir/data/officers.csv")

# collection officers: the payments in suspense, matched by their memo, then recorded
t "$now" suspense match --period "$end" >"$out/suspense-match-$end.csv"
t "$now" suspense match --period "$end" --apply --actor "$qlt" \
    >"$out/suspense-applied-$end.csv" 2>"$out/suspense-apply-$end.txt"
t "$now" report suspense_review --period "$end" -o "$out/suspense-review-$end.csv"
# QLT: the health-card lock and unlock lists of the day, one row per worker
t "$now" report card_lock_workers --period "$end" --date "$day2" -o "$out/card-locks-$day2.csv"
t "$now" report card_lock_workers --period "$end" --date "$day2" --format xlsx \
    -o "$out/card-locks-$day2.xlsx"
# QLT and KTTN: the handover list, signed by both departments
t "$now" report handover --period "$end" -o "$out/handover-$end.csv"
# the office's rule of who takes a unit handed over (policy/README.md "handover.csv"): the
# province's KTTN officers in turn, written as the office would into its copy of the policy
pol=$dir/policy
rm -rf "$pol" && cp -r "${THUNO_POLICY:-policy}" "$pol"
kttn_officers=$(awk -F, 'NR > 1 && $3 == "KTTN" && $5 == 1 {print $1}' "$dir/data/officers.csv" |
    sort | paste -sd';' -)
[ -z "$kttn_officers" ] ||
    printf 'from,office,officers,source\n%s,*,%s,demo office rule\n' "$day2" "$kttn_officers" \
        >"$pol/handover.csv"
t "$now" --policy "$pol" handover sign --period "$end" --department QLT --actor "$qlt" \
    --date "$day2" >/dev/null
t "$now" --policy "$pol" handover sign --period "$end" --department KTTN --actor "$kttn" \
    --date "$day2" >"$out/handover-sign-$end.txt"
t "$now" report handover_signoff --period "$end" --format pdf -o "$out/handover-$end.pdf"
# the escalation run and each officer's worklist
t "$now" report escalation --period "$end" -o "$out/escalation-$end.csv"
t "$now" report escalation --period "$end" --format xlsx -o "$out/escalation-$end.xlsx"
mkdir -p "$out/worklists"
t "$now" report worklist --period "$end" -o "$out/worklist-$end.csv"
for o in $(awk -F, 'NR > 1 {print $1}' "$out/worklist-$end.csv" | sort -u); do
    t "$now" report worklist --period "$end" --officer "$o" -o "$out/worklists/$o.csv"
done
# the cases: instalments missed by the window's last day become defaults
t "$now" case sweep --date "$last" >"$out/sweep-$last.txt"
t "$now" report cases -o "$out/cases.csv"

# --- day 5: a district office sends its written reminders (recorded) and the C12-TS notices.
# The office is the first district office, most late units first, whose run is accepted; a late
# unit whose case is already at court gets no reminder and is listed as skipped (stderr, kept in
# reminders-skipped-OFFICE.txt), the rest is recorded in one transaction.
now="${day5}T09:00:00"
office="" actor=$qlt
offices=$(awk -F, 'NR == FNR { if (FNR > 1 && $14 != "current") late[$1] = 1; next }
    FNR == 1 { for (i = 1; i <= NF; i++) if ($i == "office_code") c = i; next }
    ($1 in late) && $c !~ /000$/ { n[$c]++ }
    END { for (o in n) print n[o], o }' "$out/balances-$end.csv" "$dir/data/units.csv" |
    sort -k1,1nr -k2 | awk '{print $2}')
for o in $offices; do
    a=$(awk -F, -v o="$o" '$3 == "QLT" && $4 == o {print $1; exit}' "$dir/data/officers.csv")
    if t "$now" letter reminder --period "$end" --office "$o" --date "$day5" --record \
        --actor "${a:-$qlt}" -o "$out/reminders-$o-$end.pdf" >"$out/reminders-$o-$end.txt" \
        2>"$out/reminders-refused.txt"; then
        office=$o actor=${a:-$qlt}
        grep "skipped" "$out/reminders-refused.txt" >"$out/reminders-skipped-$o.txt" || true
        break
    fi
    echo "$o: $(cat "$out/reminders-refused.txt")" >>"$out/reminders-refused-offices.txt"
    rm -f "$out/reminders-$o-$end.txt"
done
rm -f "$out/reminders-refused.txt"
if [ -n "$office" ]; then
    t "$now" report reminders --office "$office" -o "$out/reminders-register-$office.csv"
    t "$now" letter c12ts --period "$end" --office "$office" --date "$day5" \
        -o "$out/c12ts-$office-$end.pdf" 2>/dev/null
fi

# the director: the meeting pack and the report to the People's Committee
t "$now" pack meeting --period "$end" -o "$out/giao-ban-$end.pdf"
t "$now" committee --period "$end" -o "$out/ubnd-$end.pdf"
# the lists: cooperatives (seed 004), special units, public praise and naming (seed 003)
year=${end%-*}
t "$now" report cooperatives --period "$end" --format xlsx -o "$out/cooperatives-$end.xlsx"
t "$now" report cooperatives --period "$end" -o "$out/cooperatives-$end.csv"
t "$now" report special_units --period "$end" --format xlsx -o "$out/special-units-$end.xlsx"
t "$now" report special_units --period "$end" -o "$out/special-units-$end.csv"
t "$now" report public_name --period "$end" --format pdf -o "$out/public-name-$end.pdf"
t "$now" report public_name --period "$end" -o "$out/public-name-$end.csv"
t "$now" report public_praise --year "$year" --format pdf -o "$out/public-praise-$year.pdf"
t "$now" report public_praise --year "$year" -o "$out/public-praise-$year.csv"
# KTTN and the lawyers: the litigation statistics (seed 000) and a case's documents
t "$now" report litigation -o "$out/litigation.csv"
t "$now" report litigation --format xlsx -o "$out/litigation.xlsx"
t "$now" report litigation --format pdf -o "$out/litigation.pdf"
# the petition: a case at the ladder's last steps before court (published, criminal referral),
# else the first case still escalating; the enforcement request: a judgment not yet requested
sue=$(awk -F, 'NR > 1 && $4 == "escalating" {
    if ($6 == "criminal_referral" || $6 == "published") { print $1; found = 1; exit }
    if (first == "") first = $1 } END { if (!found && first != "") print first }' "$out/cases.csv")
enf=$(awk -F, 'NR > 1 && $4 == "enforceable" {print $1; exit}' "$out/cases.csv")
if [ -n "$sue" ]; then
    t "$now" doc lawsuit_petition "$sue" --to "Tòa án nhân dân Thành phố Hồ Chí Minh" \
        --date "$day5" -o "$out/don-khoi-kien-$sue.pdf"
    t "$now" doc lawsuit_petition "$sue" --to "Tòa án nhân dân Thành phố Hồ Chí Minh" \
        --date "$day5" >"$out/don-khoi-kien-$sue.txt"
fi
if [ -n "$enf" ]; then
    t "$now" doc enforcement_request "$enf" --to "Cục Thi hành án dân sự Thành phố Hồ Chí Minh" \
        --date "$day5" -o "$out/yeu-cau-thi-hanh-an-$enf.pdf"
fi

# --- the summary (đồng with the Vietnamese thousands separator: 1.234.567 đ)
v='function v(x,  s, n) { s = sprintf("%.0f", x); n = ""
    while (length(s) > 3) { n = "." substr(s, length(s) - 2) n; s = substr(s, 1, length(s) - 3) }
    return s n }'
echo "== Tóm tắt tháng $end / summary of the month (outputs in $out)"
# (applied is the last column; memos and reasons may hold quoted commas, so count it as $NF)
awk -F, "$v"'NR > 1 {n++; a += $3; if ($NF == "yes") r++} END {
    printf "Đối chiếu tiền chờ / suspense: %d khoản, %s đ; đã ghi nhận / recorded %d\n", n, v(a), r }' \
    "$out/suspense-applied-$end.csv"
awk -F, "$v"'NR > 1 {w[$2]++; if (!(($2 SUBSEP $3) in u)) {u[$2, $3] = 1; n[$2]++}} END {
    printf "Khóa thẻ ngày %s / card locks of the day: khóa/lock %d đơn vị (%d NLĐ), mở/unlock %d đơn vị (%d NLĐ)\n",
        d, n["lock"], w["lock"], n["unlock"], w["unlock"] }' d="$day2" "$out/card-locks-$day2.csv"
awk -F, "$v"'NR > 1 {n[$2]++} END {
    printf "Bàn giao / handover: QLT->KTTN %d, KTTN->QLT %d (ký / signed QLT, KTTN)\n", n["QLT->KTTN"], n["KTTN->QLT"] }' \
    "$out/handover-$end.csv"
sed -n 's/^handover [0-9-]*: cả hai phòng đã ký, phân công \/ both signed, assigned: /Phân công sau bàn giao \/ assigned by the handover: /p' \
    "$out/handover-sign-$end.txt"
awk -F, "$v"'NR > 1 {n++; d += $5; if ($11 == "yes") r++} END {
    printf "Các bước xử lý nợ / escalation: %d đơn vị nợ / owing units, %s đ, %d sẵn sàng / ready\n", n, v(d), r }' \
    "$out/escalation-$end.csv"
echo "   bước tiếp theo / next steps:$(awk -F, "$v"'NR > 1 && $10 != "" { print $10 }' "$out/escalation-$end.csv" |
    sort | uniq -c | sort -k1,1nr | awk '{ printf " %s=%d", $2, $1 }')"
echo "Danh sách công việc / worklists: $(find "$out/worklists" -name '*.csv' | wc -l) cán bộ / officers, $(rows "$out/worklist-$end.csv") đơn vị / units"
if [ -n "$office" ]; then
    awk -F, "$v"'NR > 1 {n++; o += $5; d += $7} END {
        printf "Văn bản đôn đốc / reminders %s (%s): %d thư / letters, quá hạn / overdue %s đ, còn phải nộp / owed %s đ\n",
            office, actor, n, v(o), v(d) }' office="$office" actor="$actor" "$out/reminders-register-$office.csv"
    if [ -s "$out/reminders-skipped-$office.txt" ]; then
        echo "   $(wc -l <"$out/reminders-skipped-$office.txt") đơn vị bỏ qua / units skipped (case at court or enforcement): $out/reminders-skipped-$office.txt"
    fi
    if [ -s "$out/reminders-refused-offices.txt" ]; then
        echo "   $(wc -l <"$out/reminders-refused-offices.txt") văn phòng trước bị từ chối / offices before it refused (a case at court): $out/reminders-refused-offices.txt"
    fi
    echo "Thông báo C12-TS / notices $office: $(pages "$out/c12ts-$office-$end.pdf") trang / pages"
else
    echo "Văn bản đôn đốc / reminders: không văn phòng nào / no office accepted (see $out/reminders-refused-offices.txt)"
fi
echo "Giao ban / meeting pack: $(pages "$out/giao-ban-$end.pdf") trang / pages; UBND / People's Committee: $(pages "$out/ubnd-$end.pdf") trang / pages"
awk -F, "$v"'NR > 1 {c += $3; o += $4; d += $5} END {
    printf "Hợp tác xã / cooperatives: %d tham gia / taking part, %d nợ từ 1 tháng / owing 1+ months, %s đ\n", c, o, v(d) }' \
    "$out/cooperatives-$end.csv"
awk -F, "$v"'NR > 1 && $1 != "" && $2 != "" {n++; d += $10} END {
    printf "Đơn vị đặc biệt / special units: %d, nợ / debt %s đ\n", n, v(d) }' "$out/special-units-$end.csv"
echo "Công khai / public lists: nêu tên / to name $(rows "$out/public-name-$end.csv"), biểu dương / to praise $(rows "$out/public-praise-$year.csv")"
awk -F, "$v"'$1 == "total" {s = $2; a = $3; r = $14; p = $15} END {
    printf "Khởi kiện / litigation: %d đơn vị bị kiện / units sued, %s đ khởi kiện / claimed, %s đ thu hồi / recovered, %d đang giải quyết / pending\n", s, v(a), v(r), p }' \
    "$out/litigation.csv"
[ -z "$sue" ] || echo "Đơn khởi kiện / lawsuit petition: $sue, $(pages "$out/don-khoi-kien-$sue.pdf") trang / pages"
[ -z "$enf" ] || echo "Đơn yêu cầu thi hành án / enforcement request: $enf, $(pages "$out/yeu-cau-thi-hanh-an-$enf.pdf") trang / pages"
echo "Hồ sơ vụ việc / cases:$(awk -F, "$v"'NR > 1 { print $4 }' "$out/cases.csv" | sort | uniq -c |
    awk '{ printf " %s=%d", $2, $1 }')"
echo "== cơ sở dữ liệu / database: $db (thuno --db $db report NAME, explain UNIT $end, case show CASE_ID)"
