#!/usr/bin/env bash
# The what-if end to end (docs/whatif.md) on a small generated province: the same policy
# changes nothing; a TNLĐ rate cut moves only TNLĐ and only from its month; a base salary
# raise moves only the funds capped by it and only from its month; the per-unit rows add up
# to the same totals; every format is written; a broken or missing policy directory, an
# unknown office and a reversed window are refused; and the store file is byte for byte the
# same after every run (it is opened read-only).
# usage: cli_whatif.sh THUNO_BINARY
set -euo pipefail
thuno=$1
work=$(mktemp -d)
source "$(dirname "$0")/db.sh"
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
here=$(cd "$(dirname "$0")" && pwd)
export THUNO_POLICY=${THUNO_POLICY:-$here/../policy}
export THUNO_NOW=2026-11-05T08:00:00
db=$(store_url "$work" t)
fail() { echo "cli_whatif: $*" >&2; exit 1; }
t() { "$thuno" --db "$db" "$@"; }

"$thuno" gen --units 60 --workers 1200 --months 6 --end 2026-10 --seed 5 --out "$work/g" \
    2>/dev/null
t init </dev/null 2>/dev/null
for kind in officers units workers declarations payments; do
    t import "$kind" "$work/g/$kind.csv" 2>/dev/null || fail "import $kind refused"
done
t close 2026-05 2>/dev/null || fail "close 2026-05"
before=$(store_digest "$db")

# proposed policies: the same; TNLĐ 0.3% from 2026-08; base salary 2,600,000 from 2026-09
cp -r "$THUNO_POLICY" "$work/same"
cp -r "$THUNO_POLICY" "$work/tnld"
echo "tnld_employer,2026-08,0.3%,,,test: a proposed rate [?]" >>"$work/tnld/rates.csv"
cp -r "$THUNO_POLICY" "$work/base"
echo "2026-09,2600000,test: a proposed base salary [?]" >>"$work/base/base_salary.csv"
w() { t whatif --from 2026-05 --to 2026-10 "$@"; }

# columns: period,office_code,unit_type,unit_code,fund,share,current,proposed,difference
w --policy "$work/same" -o "$work/same.csv" || fail "whatif, the same policy"
head -1 "$work/same.csv" | grep -qx \
    'period,office_code,unit_type,unit_code,fund,share,current,proposed,difference' ||
    fail "header: $(head -1 "$work/same.csv")"
awk -F, 'NR > 1 { n++; if ($9 != 0 || $7 != $8) bad = 1 } END { exit bad || n < 50 }' \
    "$work/same.csv" || fail "the same policy gave a difference (or too few rows)"
grep -q '^,total,,,total,total,[1-9][0-9]*,' "$work/same.csv" || fail "no grand total"

w --policy "$work/tnld" -o "$work/tnld.csv" || fail "whatif, TNLĐ"
awk -F, 'NR > 1 && $9 != 0 && !(($5 == "tnld" || $5 == "total") && ($1 == "" || $1 >= "2026-08")) \
    { print "moved: " $0; bad = 1 } NR > 1 && $9 != 0 { n++ } END { exit bad || n == 0 }' \
    "$work/tnld.csv" || fail "a TNLĐ rate change moved something else"
# the TNLĐ cut lowers what is charged, and the total's difference is TNLĐ's
awk -F, '$1 == "" && $2 == "total" && $5 == "tnld" { d = $9 }
    $1 == "" && $5 == "total" { g = $9 } END { exit !(d < 0 && d == g) }' "$work/tnld.csv" ||
    fail "TNLĐ's difference is not the total's"

w --policy "$work/base" -o "$work/base.csv" || fail "whatif, base salary"
awk -F, 'NR > 1 && $9 != 0 && ($5 == "bhtn" || ($1 != "" && $1 < "2026-09")) \
    { print "moved: " $0; bad = 1 } NR > 1 && $9 > 0 { n++ } END { exit bad || n == 0 }' \
    "$work/base.csv" || fail "a base salary raise moved BHTN or a month before it"

# per unit: every row names its unit, and the totals are the same as without --by-unit
w --policy "$work/base" --by-unit -o "$work/unit.csv" || fail "whatif --by-unit"
awk -F, 'NR > 1 && $2 != "total" && $4 == "" { bad = 1 } END { exit bad }' "$work/unit.csv" ||
    fail "a per-unit row without its unit"
diff <(grep ',total,' "$work/base.csv") <(grep ',total,' "$work/unit.csv") ||
    fail "per-unit totals differ"
python3 - "$work/unit.csv" "$work/base.csv" <<'PY' || fail "the units do not add up to the groups"
import collections, csv, sys
def sums(path, key):
    s = collections.Counter()
    for r in csv.DictReader(open(path, encoding="utf-8")):
        if r["office_code"] != "total":
            s[key(r)] += int(r["difference"])
    return s
k = lambda r: (r["period"], r["office_code"], r["unit_type"], r["fund"], r["share"])
a, b = sums(sys.argv[1], k), sums(sys.argv[2], k)
assert +a == +b, (a - b, b - a)
PY

# the province office's code is every unit; an unknown office is refused
w --policy "$work/base" --office 79000 -o "$work/office.csv" || fail "whatif --office 79000"
cmp -s "$work/office.csv" "$work/base.csv" || fail "--office 79000 differs from every unit"
set +e
w --policy "$work/base" --office NOPE >/dev/null 2>"$work/err"
[ $? -eq 64 ] || fail "an unknown office was not refused with 64"
w --policy "$work/base" --from 2026-10 --to 2026-05 >/dev/null 2>&1
[ $? -eq 64 ] || fail "a reversed window was not refused with 64"
set -e

# every format, through the table writers
for fmt in csv json xlsx pdf; do
    w --policy "$work/tnld" --format "$fmt" -o "$work/out.$fmt" 2>"$work/err" ||
        fail "format $fmt: $(cat "$work/err")"
    [ -s "$work/out.$fmt" ] || fail "format $fmt: empty"
done
python3 -c 'import json, sys; r = json.load(open(sys.argv[1]))
assert len(r) > 50 and r[-1]["fund"] == "total", r[-1]' "$work/out.json" || fail "json"
[ "$(head -c 2 "$work/out.xlsx")" = PK ] || fail "xlsx is not a zip"
[ "$(head -c 4 "$work/out.pdf")" = %PDF ] || fail "pdf"
cmp -s "$work/out.csv" "$work/tnld.csv" || fail "csv through --format differs"
w --policy "$work/tnld" --format xlsx --lang en -o "$work/en.xlsx" || fail "xlsx --lang en"

# a broken policy directory is refused with its FILE:LINE, as any policy; nothing is written
cp -r "$THUNO_POLICY" "$work/bad"
echo "tnld_employer,2026-08,zero,,,broken" >>"$work/bad/rates.csv"
line=$(wc -l <"$work/bad/rates.csv")
set +e
w --policy "$work/bad" -o "$work/bad.csv" 2>"$work/err"
code=$?
set -e
[ $code -eq 65 ] || fail "a broken policy gave exit $code"
grep -q "rates.csv:$line:" "$work/err" || fail "no FILE:LINE in: $(cat "$work/err")"
[ ! -e "$work/bad.csv" ] || fail "a refused run left its output"
set +e
w --policy "$work/nosuch" >/dev/null 2>"$work/err"
code=$?
set -e
[ $code -eq 69 ] || fail "a missing policy directory gave exit $code"

# the store file is byte for byte as it was
[ "$(store_digest "$db")" = "$before" ] || fail "the store file changed"
echo "cli_whatif: ok"
