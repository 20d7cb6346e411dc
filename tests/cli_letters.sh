#!/usr/bin/env bash
# The letters of `thuno letter` on the hand-checked province (docs/golden.md; every figure
# derived in docs/letters.md): the written reminders of November 2025 (the late units A and
# B), the C12-TS notices (all units for November, A for October with its back-dated
# adjustment), the card-lock mass letter of seed 002 from templates/, read back with pdftotext
# (whitespace squeezed) against tests/golden/letters/, each PDF's first page rendered and not
# blank, the same bytes twice; recording the reminders (the register, the reminder_sent
# events on new cases, a second record refused), the `reminders` report with its 60-day clock
# running, expired, and paid after a payment and the December close; the close's
# legal_status unchanged by the reminders; a bad template reported FILE:LINE:COLUMN.
# usage: cli_letters.sh THUNO_BINARY [--update]
set -euo pipefail
thuno=$1
update=${2:-}
work=$(mktemp -d)
source "$(dirname "$0")/db.sh"
trap 'rm -rf "$work"' EXIT
db=$(store_url "$work" t)
here=$(cd "$(dirname "$0")" && pwd)
letters=$here/data/letters
golden=$here/golden/letters
source "$here/province.sh"
export THUNO_TEMPLATES=$here/../templates
fail() { echo "cli_letters: $*" >&2; exit 1; }

# compares file $1 with golden $2 (or writes it with --update)
check() {
    if [ "$update" = --update ]; then
        cp "$1" "$golden/$2"
    else
        diff -u "$golden/$2" "$1" || fail "$2 differs"
    fi
}
# the text of a PDF, whitespace squeezed, a line "=== page ===" after each page
pdftext() {
    pdftotext -layout "$1" - | sed 's/\f/\n=== page ===\n/g' |
        sed -E 's/[[:space:]]+/ /g; s/^ //; s/ $//' | grep -v '^$'
}
# does the text of PDF $1 hold the (grep) pattern $2? (no pipe: grep -q would cut it short)
has() {
    pdftext "$1" >"$work/has.txt"
    grep -q "$2" "$work/has.txt"
}
# the first page rendered: enough dark pixels
not_blank() {
    pdftoppm -r 40 -gray -f 1 -l 1 "$1" "$work/page"
    python3 - "$work"/page*.pgm <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
# P5 header: magic, width, height, maxval, then the pixels
parts = data.split(maxsplit=4)
w, h = int(parts[1]), int(parts[2])
pixels = parts[4][-w * h:]
dark = sum(1 for b in pixels if b < 128)
assert dark > 500, f"page looks blank: {dark} dark pixels"
PY
    rm -f "$work"/page*.pgm
}

province_closed
base=$(store_copy "$db" "$work" base)
lh=(--letterhead "$letters/letterhead.txt")
L() { t 2025-12-05T09:00:00 letter "$@" "${lh[@]}"; }

# the reminders of November, dated 2025-12-05 (within the first 10 days: no warning)
L reminder --period 2025-11 -o "$work/rem.pdf" 2>"$work/rem.err" || fail "reminder: $(cat "$work/rem.err")"
grep -q "2 letters" "$work/rem.err" || fail "reminder: $(cat "$work/rem.err")"
grep -q "warning" "$work/rem.err" && fail "warning on the 5th"
L reminder --period 2025-11 -o "$work/rem2.pdf" 2>/dev/null
cmp "$work/rem.pdf" "$work/rem2.pdf" || fail "reminders differ between two runs"
pdftext "$work/rem.pdf" >"$work/reminder-2025-11.txt"
check "$work/reminder-2025-11.txt" reminder-2025-11.txt
not_blank "$work/rem.pdf"
# dated the 12th: a warning (Decree 274/2025: within the first 10 days), same letters
t 2025-12-12T09:00:00 letter reminder --period 2025-11 --unit B "${lh[@]}" -o "$work/remB.pdf" \
    2>"$work/remB.err"
grep -q "first 10 days" "$work/remB.err" || fail "no warning on the 12th"
has "$work/remB.pdf" "Số ngày chậm đóng tính đến ngày ban hành văn bản này: 42 ngày" ||
    fail "B on the 12th: not 42 days late"

# C12-TS: every unit of November in one PDF, A's October alone, one file per unit
L c12ts --period 2025-11 -o "$work/c12.pdf" 2>/dev/null
pdftext "$work/c12.pdf" >"$work/c12ts-2025-11.txt"
check "$work/c12ts-2025-11.txt" c12ts-2025-11.txt
not_blank "$work/c12.pdf"
L c12ts --period 2025-10 --unit A -o "$work/c12A.pdf" 2>/dev/null
pdftext "$work/c12A.pdf" >"$work/c12ts-A-2025-10.txt"
check "$work/c12ts-A-2025-10.txt" c12ts-A-2025-10.txt
mkdir "$work/dir"
L c12ts --period 2025-11 --dir "$work/dir" 2>/dev/null
[ "$(cd "$work/dir" && ls | tr '\n' ' ')" = "A.pdf B.pdf C.pdf " ] || fail "--dir: $(ls "$work/dir")"
has "$work/dir/B.pdf" "Kính gửi: Hợp tác xã Nông nghiệp Đồng Tâm" || fail "B.pdf"

# the card-lock notice of seed 002 to every unit
L mass --template "$here/../templates/card_lock_notice.txt" --period 2025-11 -o "$work/mass.pdf" \
    2>/dev/null
pdftext "$work/mass.pdf" >"$work/mass-card-lock-2025-11.txt"
check "$work/mass-card-lock-2025-11.txt" mass-card-lock-2025-11.txt
not_blank "$work/mass.pdf"
L mass --template "$here/../templates/card_lock_notice.txt" --period 2025-11 --status owing \
    -o "$work/mass2.pdf" 2>"$work/mass2.err"
grep -q "2 letters" "$work/mass2.err" || fail "--status owing: $(cat "$work/mass2.err")"
# a bad template: every unknown key and placeholder, nothing written
set +e
L mass --template "$letters/bad_template.txt" --period 2025-11 -o "$work/bad.pdf" 2>"$work/bad.err"
code=$?
set -e
[ "$code" -eq 65 ] || fail "bad template: exit $code, expected 65"
[ ! -e "$work/bad.pdf" ] || fail "bad template wrote a PDF"
sed -i "s|$letters/||" "$work/bad.err"
check "$work/bad.err" bad_template.txt

# recording: the register, a case opened per unit with its reminder_sent event
L reminder --period 2025-11 --record --actor qlt.an -o "$work/rec.pdf" >"$work/record.txt" \
    2>/dev/null
check "$work/record.txt" record.txt
has "$work/rec.pdf" "Số: 1/TB-BHXH" || fail "recorded letter not numbered"
set +e
L reminder --period 2025-11 --record --actor qlt.an -o "$work/rec2.pdf" 2>"$work/again.err"
code=$?
set -e
[ "$code" -eq 65 ] || fail "second record: exit $code, expected 65"
grep -q "already in the register" "$work/again.err" || fail "second record: $(cat "$work/again.err")"
[ "$(store_sql "$db" 'SELECT count(*) FROM reminder')" = 2 ] || fail "register rows"
[ "$(store_sql "$db" "SELECT count(*) FROM case_event WHERE event = 'reminder_sent'")" = 2 ] ||
    fail "case events"
t 2025-12-05T10:00:00 case show HS-A-2025-11 >"$work/case.txt"
grep -q "reminder_sent .*Văn bản đôn đốc số 1/TB-BHXH" "$work/case.txt" || fail "case show"

# the close is not changed by the reminders (the province's golden)
t 2025-12-05T10:00:00 report balances --period 2025-11 >"$work/bal.csv"
diff -u "$here/golden/balances-2025-11.csv" "$work/bal.csv" || fail "balances changed"

# the 60-day clock: running, then expired
t 2025-12-10 report reminders --as-of 2025-12-10 >"$work/reminders-2025-12-10.csv"
check "$work/reminders-2025-12-10.csv" reminders-2025-12-10.csv
t 2026-02-10 report reminders --as-of 2026-02-10 >"$work/reminders-2026-02-10.csv"
check "$work/reminders-2026-02-10.csv" reminders-2026-02-10.csv
# A pays September and October on 2025-12-08; the December close shows it: paid
import_dated 2025-12-08T10:00:00 payments "$letters/payments.csv"
t 2025-12-28T18:00:00 close 2025-12 2>/dev/null
t 2025-12-29 report reminders --as-of 2025-12-29 >"$work/reminders-2025-12-29.csv"
check "$work/reminders-2025-12-29.csv" reminders-2025-12-29.csv
# C paid 1,000,000 more than December's 3,840,000: credit the funds cannot be split by, so its
# notice prints the totals, and the credit carried to January
t 2025-12-29T09:00:00 letter c12ts --period 2025-12 --unit C "${lh[@]}" -o "$work/c12C.pdf" 2>/dev/null
pdftext "$work/c12C.pdf" >"$work/c12ts-C-2025-12.txt"
check "$work/c12ts-C-2025-12.txt" c12ts-C-2025-12.txt
t 2025-12-29 report reminders --as-of 2025-12-29 --format pdf -o "$work/reg.pdf"
has "$work/reg.pdf" "Sổ theo dõi văn bản đôn đốc" || fail "register PDF"
# an office's letters: A moves to district office D01, which signs with its own letterhead
# lines (office.D01) and sees only its units
t 2025-12-30T08:00:00 import units "$letters/units_d01.csv" --update 2>/dev/null
t 2025-12-30T09:00:00 letter c12ts --period 2025-11 --office D01 "${lh[@]}" -o "$work/d01.pdf" \
    2>"$work/d01.err"
grep -q "1 notices" "$work/d01.err" || fail "--office D01: $(cat "$work/d01.err")"
has "$work/d01.pdf" "BẢO HIỂM XÃ HỘI CƠ SỞ THÀNH" || fail "D01 letterhead"
has "$work/d01.pdf" "Kính gửi: Công ty TNHH Hải Âu" || fail "D01 unit"
t 2025-12-31 report reminders --office D01 >"$work/d01.csv"
[ "$(cut -d, -f1 "$work/d01.csv" | tr '\n' ' ')" = "unit_code A " ] || fail "reminders --office D01"
# --number-from below the register's next number is refused
set +e
t 2026-01-05T09:00:00 letter reminder --period 2025-12 --record --actor qlt.an --number-from 1 \
    --date 2025-12-31 "${lh[@]}" -o "$work/n.pdf" 2>"$work/n.err"
code=$?
set -e
[ "$code" -eq 65 ] && grep -q "numbers up to 2 of 2025" "$work/n.err" || fail "--number-from: $(cat "$work/n.err")"

# a late unit whose open case is already in court gets no reminder from the monthly run: B is
# sued on 2025-11-20 (its case's own deadlines lead it, docs/letters.md); A is still reminded,
# B is listed as skipped with the reason, and a run for B alone is refused
db=$base
t 2025-11-20T10:00:00 case record HS-B lawsuit_filed 2025-11-20 --unit B --amount 1000000 \
    >/dev/null 2>&1 || fail "lawsuit_filed for B"
L reminder --period 2025-11 --record --actor qlt.an -o "$work/sued.pdf" >"$work/sued.txt" \
    2>"$work/sued.err" || fail "reminder with B sued: $(cat "$work/sued.err")"
[ "$(cut -f1 "$work/sued.txt" | tr '\n' ' ')" = "A " ] || fail "sued: recorded $(cat "$work/sued.txt")"
grep -q "B: .*HS-B.*sued" "$work/sued.err" || fail "sued: no skip line: $(cat "$work/sued.err")"
grep -q "1 letters, recorded; 1 skipped" "$work/sued.err" || fail "sued: $(cat "$work/sued.err")"
[ "$(store_sql "$db" 'SELECT unit_code FROM reminder')" = A ] || fail "sued: register"
[ "$(store_sql "$db" "SELECT count(*) FROM case_event WHERE event = 'reminder_sent'")" = 1 ] ||
    fail "sued: case events"
has "$work/sued.pdf" "Kính gửi: Công ty TNHH Hải Âu" || fail "sued: A's letter"
! has "$work/sued.pdf" "mã đơn vị: B" || fail "sued: B got a letter"
for rec in "" --record; do
    set +e
    L reminder --period 2025-11 --unit B $rec --actor qlt.an -o "$work/b.pdf" 2>"$work/b.err"
    code=$?
    set -e
    [ "$code" -eq 65 ] && grep -q "B: case HS-B is sued" "$work/b.err" ||
        fail "--unit B sued $rec: exit $code $(cat "$work/b.err")"
    [ ! -e "$work/b.pdf" ] || fail "--unit B sued $rec: a PDF was written"
done
# a reminder quotes the policy's days to evasion: a letter dated before legal.csv's first
# line is an error that names the file, never a letter with 0 days
mkdir "$work/policy"
cp "$THUNO_POLICY"/*.csv "$work/policy/"
sed -i 's/^2016-01-01,/2026-01-01,/; s/^2025-07-01,/2026-02-01,/' "$work/policy/legal.csv"
set +e
THUNO_POLICY=$work/policy L reminder --period 2025-11 -o "$work/nolegal.pdf" 2>"$work/nolegal.err"
code=$?
set -e
[ "$code" -ne 0 ] && grep -q "no rule in policy/legal.csv on 2025-12-05" "$work/nolegal.err" ||
    fail "no legal rule: exit $code $(cat "$work/nolegal.err")"
[ ! -e "$work/nolegal.pdf" ] || fail "no legal rule: a PDF was written"
echo "cli_letters: ok"
