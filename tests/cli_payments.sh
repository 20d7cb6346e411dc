#!/usr/bin/env bash
# Payments operations end to end on the hand-checked province (docs/golden.md) with the extra
# units, payments and leaving workers of tests/data/payments_ops (every figure derived by hand
# in docs/payments-ops.md "The test"): the suspense review, matching by memo and by hand
# (versioned, as-of safe, picked up by the next close), the books of earmarked and leaving
# workers, and the daily health-card lock/unlock lists per worker, with their PDF and XLSX.
# usage: cli_payments.sh THUNO_BINARY [--update]
set -euo pipefail
thuno=$1
work=$(mktemp -d)
source "$(dirname "$0")/db.sh"
trap 'rm -rf "$work"' EXIT
db=$(store_url "$work" t)
here=$(cd "$(dirname "$0")" && pwd)
ops=$here/data/payments_ops
golden=$here/golden/payments_ops
source "$here/province.sh"
fail() { echo "cli_payments: $*" >&2; exit 1; }
status() { set +e; "$@" >/dev/null 2>&1; echo $?; set -e; }

province_closed
for kind in units payments declarations; do
    t 2025-11-29T10:00:00 import "$kind" "$ops/$kind.csv" 2>/dev/null
done
# B moves to district office Q2 (a new version of the unit)
t 2025-11-29T10:00:00 import units "$ops/units-office.csv" --update 2>/dev/null

# before any match: every payment in suspense with the memo's proposal
t 2025-11-30T08:00:00 report suspense_review --period 2025-11 >"$work/suspense_review-2025-11.csv"
t 2025-11-30T08:00:00 report books --period 2025-11 >"$work/books-2025-11.csv"
# the daily lists: A's close (2.0 months) is known on 11-28; E1 (earmarked, B) on 11-29
for d in 2025-11-28 2025-11-29 2025-11-30; do
    t 2025-11-30T08:00:00 report card_lock_workers --period 2025-11 --date "$d" \
        >"$work/card_lock_workers-$d.csv"
done

# --office cuts to that office's units: B is Q2's, A and C the province office's
t 2025-11-30T08:00:00 report books --period 2025-11 --office Q2 >"$work/books-Q2.csv"
[ "$(tail -n +2 "$work/books-Q2.csv" | cut -d, -f1 | tr '\n' ' ')" = "B " ] || fail "books --office Q2"
t 2025-11-30T08:00:00 report card_lock_workers --period 2025-11 --date 2025-11-29 --office Q2 \
    >"$work/cards-Q2.csv"
cmp -s "$work/cards-Q2.csv" "$work/card_lock_workers-2025-11-29.csv" || fail "cards --office Q2"
t 2025-11-30T08:00:00 report card_lock_workers --period 2025-11 --date 2025-11-28 --office Q2 \
    >"$work/cards-Q2-28.csv"
[ "$(wc -l <"$work/cards-Q2-28.csv")" = 1 ] || fail "A's lock listed for office Q2"
rm "$work/books-Q2.csv" "$work/cards-Q2.csv" "$work/cards-Q2-28.csv"

# matching: unique code, tax code and name are recorded, the ambiguous and the unknown stay
t 2025-12-01T09:00:00 suspense match --period 2025-11 --apply --actor O1 \
    >"$work/match-2025-11.csv" 2>"$work/match.txt"
grep -q "3 matched and recorded, 2 left for review" "$work/match.txt" || fail "$(cat "$work/match.txt")"
[ "$(status t 2025-12-01T09:10:00 suspense match --period 2025-11 --apply)" = 64 ] ||
    fail "--apply without --actor accepted"
t 2025-12-01T09:30:00 suspense assign S3 TB0103F --actor O2 2>/dev/null
[ "$(status t 2025-12-01T09:31:00 suspense assign S3 TB0102E --actor O2)" = 65 ] ||
    fail "a payment out of suspense was assigned again"
[ "$(status t 2025-12-01T09:31:00 suspense assign NOPE TB0102E --actor O2)" = 65 ] ||
    fail "an unknown payment was assigned"
[ "$(status t 2025-12-01T09:31:00 suspense assign X1 NOPE --actor O2)" = 65 ] ||
    fail "a payment was assigned to an unknown unit"
[ "$(store_sql "$db" "SELECT txn_id || ':' || unit_code || ':' || method || ':' || actor FROM payment_match ORDER BY txn_id" | paste -sd' ')" = \
  "S1:TB0101D:unit_code:O1 S2:TB0102E:tax_code:O1 S3:TB0103F:manual:O2 S4:A:name:O1" ] ||
    fail "payment_match rows"
# the same bank statement imported again (payers still empty) undoes no match
t 2025-12-01T10:00:00 import payments "$ops/payments.csv" 2>"$work/reimport.txt"
grep -q "0 new, 0 changed, 5 same" "$work/reimport.txt" || fail "re-import: $(cat "$work/reimport.txt")"
t 2025-12-01T12:00:00 report suspense --period 2025-11 >"$work/suspense-after.csv"
t 2025-12-01T12:00:00 report suspense --period 2025-11 --as-of 2025-11-30 >"$work/suspense-asof.csv"
t 2025-12-01T12:00:00 report suspense_review --period 2025-11 >"$work/suspense_review-after.csv"
# S4 (10,560,000 for A) is known on 12-01: A unlocks that day, before any close
t 2025-12-01T12:00:00 report card_lock_workers --period 2025-11 --date 2025-12-01 \
    >"$work/card_lock_workers-2025-12-01.csv"
# the province office (79) sees every unit; an office nobody has is refused (docs/offices.md)
t 2025-12-01T12:00:00 report card_lock_workers --period 2025-11 --date 2025-12-01 --office 79 \
    >"$work/office.csv"
cmp -s "$work/office.csv" "$work/card_lock_workers-2025-12-01.csv" ||
    fail "--office 79 (the province office) should see every unit"
if t 2025-12-01T12:00:00 report card_lock_workers --period 2025-11 --date 2025-12-01 \
    --office Q9 >/dev/null 2>&1; then
    fail "--office Q9 (no such office) should be refused"
fi

# the next close counts the matched payments
t 2025-12-02T08:00:00 close 2025-11 2>/dev/null
t 2025-12-02T09:00:00 report balances --period 2025-11 >"$work/balances-2025-11-after.csv"
t 2025-12-02T09:00:00 report books --period 2025-11 >"$work/books-2025-11-after.csv"
t 2025-12-02T09:00:00 report card_lock_workers --period 2025-11 --date 2025-12-02 \
    >"$work/card_lock_workers-2025-12-02.csv"

source "$here/goldens.sh"
compare_goldens "cli_payments" "$golden" "${2:-}" "office.csv" "$work"/*.csv || exit 1

# documents: the per-worker list as PDF (Vietnamese text, card numbers, not blank) and XLSX,
# on 2025-12-01 (A unlocked, both workers; A's lock is October's, docs/payments-ops.md)
t 2025-12-01T12:00:00 report card_lock_workers --period 2025-11 --date 2025-12-01 --format pdf \
    -o "$work/c.pdf"
t 2025-12-01T12:00:00 report card_lock_workers --period 2025-11 --date 2025-12-01 --format xlsx \
    -o "$work/c.xlsx"
python3 - "$work" <<'PY'
import glob, subprocess, sys, zipfile
import xml.etree.ElementTree as ET
work = sys.argv[1]
text = subprocess.run(["pdftotext", "-layout", work + "/c.pdf", "-"], capture_output=True,
                      text=True, check=True).stdout
for needle in ["Danh sách khóa, mở thẻ BHYT theo người lao động", "Võ Thị Hoa", "DN4790000000002"]:
    assert needle in text, needle
subprocess.run(["pdftoppm", "-r", "40", "-gray", "-f", "1", "-l", "1", work + "/c.pdf",
                work + "/page"], check=True)
page = open(glob.glob(work + "/page*.pgm")[0], "rb").read()
assert any(b < 128 for b in page[-20000:]), "page 1 is blank"
ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
with zipfile.ZipFile(work + "/c.xlsx") as z:
    root = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
cells = ["".join(t.text or "" for t in c.iter("{%s}t" % ns["m"])) for c in root.iter("{%s}c" % ns["m"])]
assert "DN4790000000001" in cells and "Phạm Minh Đức" in cells, cells[:30]
PY
# The lock state of a day counts principal past its deadline on that day (docs/payments-ops.md
# "The state of a day"), on a fresh province closed to November: A (2.0 months, locked) pays
# September and October (K1, 10,560,000) on 2025-12-10: unlocked that day; its November charge
# (5,120,000) falls due on 12-31: locked again that day; December closed on 2026-01-05 (after
# the deadline): A is at 1.0 on the 4th and the 5th, so the list of the 5th is the December
# card_locks crossings (none: A 2.0 -> 1.0, B 3.0 -> 3.0, C 0), not a lock of A.
db=$(store_url "$work" days)
province_closed
t 2025-12-10T09:00:00 import payments "$here/data/card_days/payments.csv" 2>/dev/null
day() { t "$1T20:00:00" report card_lock_workers --period "$2" --date "$1" | tail -n +2 |
    awk -F, '{ print $3 ":" $2 }' | sort -u | tr '\n' ' '; }
[ "$(day 2025-12-10 2025-11)" = "A:unlock " ] || fail "12-10: $(day 2025-12-10 2025-11)"
[ "$(day 2025-12-30 2025-11)" = "" ] || fail "12-30: $(day 2025-12-30 2025-11)"
[ "$(day 2025-12-31 2025-11)" = "A:lock " ] || fail "12-31: $(day 2025-12-31 2025-11)"
t 2026-01-05T08:00:00 close 2025-12 2>/dev/null
[ "$(day 2026-01-04 2025-12)" = "" ] || fail "01-04: $(day 2026-01-04 2025-12)"
t 2026-01-05T20:00:00 report card_locks --period 2025-12 | tail -n +2 |
    awk -F, '{ print $1 ":" $2 }' | sort -u | tr '\n' ' ' >"$work/crossings.txt"
[ "$(day 2026-01-05 2025-12)" = "$(cat "$work/crossings.txt")" ] ||
    fail "01-05: $(day 2026-01-05 2025-12) vs card_locks $(cat "$work/crossings.txt")"
echo "cli_payments: ok"
