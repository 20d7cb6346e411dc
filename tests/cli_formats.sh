#!/usr/bin/env bash
# The document formats of `thuno report` on the hand-checked province (docs/golden.md):
# XLSX read back (unzip + XML parse: typed numbers equal to the CSV, frozen header, SUM row,
# pinned creation date), PDF checked by its text (pdftotext: Vietnamese title, figures,
# page numbers) and by rendering page 1 (pdftoppm) to make sure it is not blank; both formats
# are byte-identical when made twice from the same ledger.
# usage: cli_formats.sh THUNO_BINARY
set -euo pipefail
thuno=$1
work=$(mktemp -d)
source "$(dirname "$0")/db.sh"
trap 'rm -rf "$work"' EXIT
db=$(store_url "$work" t)
source "$(dirname "$0")/province.sh"
province_closed
r() { t 2025-12-01 report "$@" --period 2025-11 --as-of 2025-12-01; }
r balances >"$work/b.csv"
r balances --format xlsx -o "$work/b.xlsx"
r balances --format xlsx >"$work/b2.xlsx"          # to standard output
r balances --format pdf -o "$work/b.pdf"
r balances --format pdf --lang en -o "$work/b-en.pdf"
r balances --format xlsx --lang en -o "$work/b-en.xlsx"
"$thuno" report --columns balances >"$work/cols.tsv"
# the header comes from the office settings: a settings file without its province refuses a
# document, naming the file; CSV is data and needs no header
mkdir "$work/noprov"
grep -v "^province:" "$(dirname "$0")/../templates/letterhead.txt" >"$work/noprov/letterhead.txt"
set +e
THUNO_TEMPLATES=$work/noprov r balances --format pdf -o "$work/noprov.pdf" 2>"$work/noprov.err"
code=$?
set -e
[ "$code" = 65 ] || { echo "cli_formats: settings without province: exit $code" >&2; exit 1; }
grep -q "noprov/letterhead.txt: no \"province\" setting" "$work/noprov.err" ||
    { echo "cli_formats: $(cat "$work/noprov.err")" >&2; exit 1; }
# the XLSX prints the office settings' header on every page
unzip -p "$work/b.xlsx" xl/worksheets/sheet1.xml |
    grep -q "<oddHeader>&amp;LBẢO HIỂM XÃ HỘI VIỆT NAM — BẢO HIỂM XÃ HỘI TỈNH YÊN NAM&amp;R" ||
    { echo "cli_formats: xlsx page header" >&2; exit 1; }
THUNO_TEMPLATES=$work/noprov r balances | cmp -s - "$work/b.csv" ||
    { echo "cli_formats: CSV needs no office settings" >&2; exit 1; }
r balances --format pdf -o "$work/b2.pdf"
r officer_kpi --format xlsx -o "$work/k.xlsx"
r officer_kpi --format pdf -o "$work/k.pdf"
cmp "$work/b.xlsx" "$work/b2.xlsx"
cmp "$work/b.pdf" "$work/b2.pdf"

python3 - "$work" <<'PY'
import csv, re, subprocess, sys, zipfile
import xml.etree.ElementTree as ET
work = sys.argv[1]
ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}

def sheet(path):
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
        core = z.read("docProps/core.xml").decode()
    rows = []
    for row in root.find("m:sheetData", ns):
        cells = {}
        for c in row:
            col = re.match(r"[A-Z]+", c.get("r")).group(0)
            if c.get("t") == "inlineStr":
                cells[col] = ("s", "".join(x.text or "" for x in c.iter("{%s}t" % ns["m"])))
            else:
                f = c.find("m:f", ns)
                v = c.find("m:v", ns)
                cells[col] = ("f" if f is not None else "n", (f.text if f is not None else None),
                              float(v.text) if v is not None else None)
        rows.append(cells)
    pane = root.find(".//m:pane", ns)
    return rows, pane, core

rows, pane, core = sheet(work + "/b.xlsx")
assert pane is not None and pane.get("state") == "frozen" and pane.get("ySplit") == "1", "header not frozen"
assert "2025-12-01T23:59:59Z" in core, "creation date not pinned to the as-of time"
with open(work + "/b.csv", newline="") as f:
    want = list(csv.reader(f))
cols = [chr(ord("A") + i) for i in range(len(want[0]))]
# the header row is the CSV's ids mapped to their Vietnamese labels (report --columns)
labels = {l.split("\t")[0]: l.split("\t")[2:4] for l in open(work + "/cols.tsv").read().splitlines()}
assert [rows[0][c][1] for c in cols] == [labels[h][0] for h in want[0]], "header is not the CSV's labels"
assert rows[0]["A"][1] == "Mã đơn vị", rows[0]["A"]
erows, _, _ = sheet(work + "/b-en.xlsx")
assert [erows[0][c][1] for c in cols] == [labels[h][1] for h in want[0]], "en header"
# enumerated values in words: A is evading (trốn đóng), B late (chậm đóng), C current
status = cols[want[0].index("legal_status")]
assert [r[status][1] for r in rows[1:4]] == ["Trốn đóng", "Chậm đóng", "Đóng đúng hạn"], rows[1][status]
assert [r[status][1] for r in erows[1:4]] == ["Evading", "Late", "Current"], erows[1][status]
money = {"opening", "assessed", "adjustment", "interest", "paid", "closing", "principal_due", "interest_due"}
for r, line in zip(rows[1:], want[1:]):
    for c, name, value in zip(cols, want[0], line):
        if name in money:
            assert r[c][0] == "n" and r[c][2] == float(value), (name, r[c], value)
        elif name == "months_owed":
            assert r[c][0] == "n" and abs(r[c][2] - float(value)) < 1e-9, (name, r[c], value)
total = rows[len(want)]
assert total["A"] == ("s", "Tổng cộng"), total.get("A")
assert erows[len(want)]["A"] == ("s", "Total"), erows[len(want)].get("A")
assert total["H"][0] == "f" and total["H"][1] == "SUM(H2:H4)" and total["H"][2] == 15731936 + 6032400, total["H"]

krows, _, _ = sheet(work + "/k.xlsx")
# debt is past its deadline (docs/ledger.md "Debt"): A 10,611,936 + B 3,632,400
assert krows[1]["A"] == ("s", "O1") and krows[1]["B"] == ("s", "Nguyễn Văn An"), krows[1]
assert krows[1]["J"][2] == 14244336, krows[1]

text = subprocess.run(["pdftotext", "-layout", work + "/b.pdf", "-"], capture_output=True, text=True, check=True).stdout
for needle in ["BẢO HIỂM XÃ HỘI VIỆT NAM", "Số dư nợ theo đơn vị", "15.731.936", "6.032.400", "Trang 1/1", "Chậm đóng", "BẢO HIỂM XÃ HỘI TỈNH YÊN NAM"]:
    assert needle in text, needle
for word in ["legal_status", "unit_code", "late", "current"]:
    assert word not in text, word  # ids and values stay in CSV/JSON
etext = subprocess.run(["pdftotext", "-layout", work + "/b-en.pdf", "-"], capture_output=True, text=True, check=True).stdout
for needle in ["Late", "Current", "15.731.936"]:
    assert needle in etext, needle
ktext = subprocess.run(["pdftotext", "-layout", work + "/k.pdf", "-"], capture_output=True, text=True, check=True).stdout
assert "Kết quả thu theo cán bộ chuyên quản" in ktext and "14.244.336" in ktext and "225,4" in ktext

subprocess.run(["pdftoppm", "-r", "40", "-gray", "-f", "1", "-l", "1", work + "/b.pdf", work + "/page"], check=True)
import glob
pgm = open(glob.glob(work + "/page*.pgm")[0], "rb").read()
# binary PGM: "P5\n<w> <h>\n<max>\n" then one byte a pixel
parts = pgm.split(b"\n", 3)
w, h = map(int, parts[1].split())
pixels = parts[3][: w * h]
dark = sum(1 for p in pixels if p < 128)
assert dark > 500, "page 1 looks blank (%d dark pixels)" % dark
print("formats: xlsx and pdf checked (%d dark pixels on page 1)" % dark)
PY
