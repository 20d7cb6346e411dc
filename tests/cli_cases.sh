#!/usr/bin/env bash
# End-to-end test of case management on the small litigation province of tests/data/cases
# (every figure derived by hand in docs/cases.md "The test province"): the case_events and
# case_plans imports with their refusals, the litigation statistics (by year, type, office,
# date range, as of a date), the case list, a case read as of an earlier date, the sweep for
# missed instalments, recording and attaching, and the PDF/XLSX of the statistics.
# usage: cli_cases.sh THUNO_BINARY [--update]
set -euo pipefail
thuno=$1
work=$(mktemp -d)
source "$(dirname "$0")/db.sh"
trap 'rm -rf "$work"' EXIT
db=$(store_url "$work" t)
here=$(cd "$(dirname "$0")" && pwd)
data=$here/data/cases
golden=$here/golden/cases
t() { THUNO_NOW=$1 "$thuno" --db "$db" "${@:2}"; }
fail() { echo "cli_cases: $*" >&2; exit 1; }
. "$here/import_dated.sh"

t 2021-01-01 init 2>/dev/null
t 2021-01-01 import units "$data/units.csv" 2>/dev/null

# every rejected row with file, line, column and why; nothing stored
# (cells first; the state machine replays the cases once every cell is good), imported on a
# day after their events (a refused import writes nothing)
for bad in bad_cells bad_transitions; do
    set +e
    t 2024-12-01 import case_events "$data/$bad.csv" 2>"$work/$bad.txt"
    code=$?
    set -e
    [ "$code" -eq 65 ] || fail "$bad: exit $code, expected 65"
    sed -i "s|$data/||" "$work/$bad.txt"
done
[ "$(store_sql "$db" 'SELECT count(*) FROM case_event')" = 0 ] || fail "rejected import stored rows"

# each event and payment imported on its day, each plan on its settlement's: as the office
# learnt them (an import refuses what is dated after its day)
for kind in case_events case_plans payments; do
    import_dated 2021-01-01 "$kind" "$data/$kind.csv" "$data/case_events.csv"
done
# re-importing is harmless
t 2024-12-01 import case_events "$data/case_events.csv" 2>"$work/reimport.txt"
grep -q "0 new, 0 changed, 32 same" "$work/reimport.txt" || fail "re-import: $(cat "$work/reimport.txt")"
# what has not happened yet is refused, every such cell with FILE:LINE:COLUMN, nothing stored:
# an event dated after the import's day (as `case record` refuses it), money paid after it;
# a plan's instalments fall due later and are kept
mkdir "$work/future"
printf 'case_id,seq,unit_code,event,date\nHS-2024-01,3,U7,enforcement_requested,2024-03-01\nHS-2025-01,1,U6,reminder_sent,2024-03-02\n' >"$work/future/events.csv"
printf 'txn_id,unit_code,paid_on,amount,channel\nF1,U7,2024-03-01,1000,transfer\nF2,U7,2024-03-02,1000,transfer\n' >"$work/future/payments.csv"
for kind in events payments; do
    set +e
    t 2024-03-01T23:00:00 import "${kind/events/case_events}" "$work/future/$kind.csv" 2>"$work/future/$kind.txt"
    code=$?
    set -e
    [ "$code" -eq 65 ] || fail "future $kind: exit $code, expected 65"
done
grep -qx "$work/future/events.csv:3:date: ngày sau ngày nhập / dated after the import's day (got \"2024-03-02\", expected 2024-03-01 or earlier: what has not happened yet is not recorded)" \
    "$work/future/events.txt" || fail "future event: $(cat "$work/future/events.txt")"
grep -q "future/payments.csv:3:paid_on: ngày sau ngày nhập" "$work/future/payments.txt" ||
    fail "future payment: $(cat "$work/future/payments.txt")"
[ "$(grep -c "dated after" "$work/future/events.txt" "$work/future/payments.txt" | paste -sd' ')" = \
    "$work/future/events.txt:1 $work/future/payments.txt:1" ] || fail "only the future rows are refused"
[ "$(store_sql "$db" "SELECT count(*) FROM case_event WHERE unit_code = 'U6' AND case_id = 'HS-2025-01'")$(store_sql "$db" "SELECT count(*) FROM payment WHERE txn_id LIKE 'F%'")" = 00 ] ||
    fail "a refused import stored rows"

t 2024-12-01 report litigation --as-of 2024-12-31 >"$work/litigation.csv"
t 2024-12-01 report litigation --from 2022-01-01 --to 2022-12-31 --as-of 2024-12-31 \
    >"$work/litigation-2022.csv"
t 2024-12-01 report litigation --as-of 2022-06-30 >"$work/litigation-asof-2022-06-30.csv"
t 2024-12-01 report litigation_by_type --as-of 2024-12-31 >"$work/litigation_by_type.csv"
t 2024-12-01 report litigation_by_office --as-of 2024-12-31 >"$work/litigation_by_office.csv"
t 2024-12-01 report litigation --office D2 --as-of 2024-12-31 >"$work/litigation-D2.csv"
t 2024-12-01 report cases --as-of 2024-06-15 >"$work/cases-2024-06-15.csv"
t 2024-12-01 case show HS-2022-01 --as-of 2022-07-15 >"$work/show-HS-2022-01-2022-07-15.txt"
t 2024-12-01 case show HS-2022-01 --as-of 2022-08-02 >"$work/show-HS-2022-01-2022-08-02.txt"

# the sweep finds HS-2024-01's missed second instalment once, and only once
t 2024-12-01 case sweep --date 2024-06-01 >"$work/sweep.txt" 2>/dev/null
t 2024-12-02 case sweep --date 2024-06-01 >"$work/sweep-again.txt" 2>/dev/null
[ ! -s "$work/sweep-again.txt" ] || fail "second sweep recorded again: $(cat "$work/sweep-again.txt")"
t 2024-12-03 report litigation --as-of 2024-12-31 >"$work/litigation-after-sweep.csv"
# the settlement decision is filed: the enforcement checklist ticks it
printf 'Quyết định công nhận sự thỏa thuận\n' >"$work/decision.txt"
t 2024-12-03 case attach HS-2024-01 judgment "$work/decision.txt" >/dev/null
t 2024-12-03 case show HS-2024-01 >"$work/show-HS-2024-01.txt"

# recording: allowed, then refused with the state's choices
t 2024-12-04 case record HS-2024-01 enforcement_requested 2024-12-04 --unit U7 \
    --office "Chi cục THADS quận 1" --actor O7 >"$work/record.txt"
set +e
t 2024-12-04 case record HS-2023-02 judgment 2024-12-04 --unit U6 --amount 5 2>"$work/refused.txt"
code=$?
t 2024-12-04 case record HS-2023-02 published 2024-12-04 --unit U1 2>>"$work/refused.txt"
code2=$?
set -e
[ "$code" -eq 65 ] && [ "$code2" -eq 65 ] || fail "refused record exit $code/$code2, expected 65"
# an event is recorded once it has happened, and the sweep records only defaults that have
set +e
t 2024-12-04T18:00:00 case record HS-2023-02 lawsuit_filed 2024-12-05 --unit U6 2>"$work/future/record.txt"
code=$?
t 2024-12-04T18:00:00 case sweep --date 2024-12-05 >/dev/null 2>>"$work/future/record.txt"
code2=$?
set -e
[ "$code" -eq 65 ] && [ "$code2" -eq 65 ] || fail "future record/sweep exit $code/$code2, expected 65"
[ "$(grep -c "2024-12-05 is after today (2024-12-04)" "$work/future/record.txt")" = 2 ] ||
    fail "future record: $(cat "$work/future/record.txt")"
# attachments are stored once by content
printf 'Đơn khởi kiện\n' >"$work/petition.txt"
t 2024-12-04 case attach HS-2024-01 petition "$work/petition.txt" >/dev/null
t 2024-12-04 case attach HS-2023-03 petition "$work/petition.txt" >/dev/null
[ "$(store_sql "$db" 'SELECT count(*) FROM blob')" = 2 ] || fail "attachment stored twice"
t 2024-12-05 case show HS-2024-01 >"$work/show-HS-2024-01-recorded.txt"

# the statistics as documents
t 2024-12-05 report litigation --as-of 2024-12-31 --format pdf -o "$work/lit.pdf"
pdftotext -layout "$work/lit.pdf" - | grep -q "Thống kê khởi kiện và thi hành án" || fail "pdf title"
pdftotext -layout "$work/lit.pdf" - | grep -q "870.000.000" || fail "pdf total claimed"
t 2024-12-05 report litigation --as-of 2024-12-31 --format xlsx -o "$work/lit.xlsx"
unzip -p "$work/lit.xlsx" xl/worksheets/sheet1.xml | grep -q "<v>870000000</v>" || fail "xlsx total"
# the documents in Vietnamese (the default) and in English: the PDF's text (whitespace
# squeezed) and the XLSX's text cells (header labels, row keys, the sum label) are goldens
doc_text() { # PDF -> its words, one line of the page each, spaces squeezed
    pdftotext -layout "$1" - | sed 's/  */ /g; s/^ //; s/ $//' | grep -v '^$'
}
xlsx_text() { # XLSX -> its text cells, one a line
    unzip -p "$1" xl/worksheets/sheet1.xml | python3 -c '
import sys, xml.etree.ElementTree as ET
m = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
for c in ET.fromstring(sys.stdin.read()).iter(m + "c"):
    if c.get("t") == "inlineStr":
        print(c.get("r"), "".join(x.text or "" for x in c.iter(m + "t")))'
}
for lang in vi en; do
    t 2024-12-05 report litigation_by_type --as-of 2024-12-31 --format pdf --lang "$lang" \
        -o "$work/lit-$lang.pdf"
    doc_text "$work/lit-$lang.pdf" >"$work/litigation_by_type-pdf-$lang.txt"
    t 2024-12-05 report litigation_by_type --as-of 2024-12-31 --format xlsx --lang "$lang" \
        -o "$work/lit-$lang.xlsx"
    xlsx_text "$work/lit-$lang.xlsx" >"$work/litigation_by_type-xlsx-$lang.txt"
done
grep -q "Doanh nghiệp nhà nước" "$work/litigation_by_type-pdf-vi.txt" || fail "pdf vi: type"
grep -q "Units sued" "$work/litigation_by_type-xlsx-en.txt" || fail "xlsx en: header"
if grep -qw "units_sued\|private" "$work/litigation_by_type-pdf-vi.txt"; then
    fail "pdf vi shows an identifier"
fi
set +e
t 2024-12-05 report litigation --format pdf --lang fr -o "$work/x.pdf" 2>"$work/lang-fr.txt"
code=$?
set -e
[ "$code" = 64 ] || fail "--lang fr: exit $code"

source "$here/goldens.sh"
compare_goldens "cli cases" "$golden" "${2:-}" "reimport.txt|sweep-again.txt|petition.txt|decision.txt|lang-fr.txt" "$work"/*.csv "$work"/*.txt
