#!/usr/bin/env bash
# Every report that `thuno report --list` names, in every format (docs/formats.md): the
# hand-checked province (tests/province.sh, with the inspections of tests/data/inspections
# and a few register entries on the cases of tests/data/case_registers), the litigation
# province of tests/data/cases and a small generated province are built; each report runs
# on the one where it has the most rows, with the options it needs (--period, --year; a case's
# tables each case of the store's list, --case; a series by month the store's months closed,
# --from/--to YYYY-MM), as CSV, JSON, XLSX and PDF.
# Checked: JSON parses and has the CSV's rows and values. XLSX unzips; sheet1's header row
# is the CSV's header mapped to the columns' Vietnamese labels (`report --columns NAME`) and
# frozen; every text cell is the CSV's value, or its word in the vocabulary of enumerated
# values (`report --values`); every number of the CSV is a number cell of equal value
# in the format of its kind (#,##0 money and counts, 0 years and codes, 0.0 tenths); it
# prints on A4 landscape; the sum row sums exactly the columns that add up, with the CSV's
# sums. PDF is A4; pdftotext finds the office header, the Vietnamese title, "Trang 1/", the
# first rows' figures whole and every Vietnamese header label apart from the next (the
# overlap of wide tables); page 1 renders non-blank; a second run gives the same bytes. A report
# added without working formats fails here.
# usage: cli_all_formats.sh THUNO_BINARY
set -euo pipefail
thuno=$1
work=$(mktemp -d)
source "$(dirname "$0")/db.sh"
trap 'rm -rf "$work"' EXIT
here=$(cd "$(dirname "$0")" && pwd)

# the hand-checked province, closed July to November 2025, with the extras of the
# inspection and register tests: district offices, inspections, bank orders, tips, branches
db=$(store_url "$work" province)
db_province=$db
source "$here/province.sh"
province_closed
extra=$here/data/inspections
t 2025-12-01 import units "$extra/units.csv" --update 2>/dev/null
for kind in inspections payments; do
    t 2025-12-01 import "$kind" "$extra/$kind.csv" 2>/dev/null
done
t 2025-12-01 import units "$here/data/cases/units.csv" 2>/dev/null
import_dated 2025-12-01 case_events "$here/data/case_registers/case_events.csv"
t 2025-12-01 case bank-order HS-B 2025-12-01 "Vietcombank CN quận 1" --amount 6032400 >/dev/null
t 2025-12-01 case bank-order HS-U3 2025-10-01 "Kho bạc Nhà nước quận 5" --amount 2000000 \
    --channel treasury >/dev/null
t 2025-12-01 case bank-reply HS-U3 2025-10-08 1 executed >/dev/null
t 2025-12-01 case tip HS-B 2025-11-25 "Phạm Văn Cường" "Tài khoản tại ACB" >/dev/null
t 2025-12-01 case tip-result HS-B 2025-11-28 1 --recovered 1000000 >/dev/null
t 2025-12-01 case branch HS-A A-HN 01 --note "Chi nhánh Hà Nội" >/dev/null
t 2025-12-01 case asset HS-B 2025-11-28 bank_account "TK 0071000999888" --holder "ACB" \
    --pledged no --value 6000000 >/dev/null
t 2025-12-01 case verify HS-B 2025-11-29 1 exists --by "CHV Lê Văn Tâm" >/dev/null
# the litigation province (as tests/cli_cases.sh builds it)
db=$(store_url "$work" cases)
db_cases=$db
t 2021-01-01 init 2>/dev/null
for kind in units case_events case_plans payments; do
    import_dated 2021-01-01 "$kind" "$here/data/cases/$kind.csv" "$here/data/cases/case_events.csv"
done
# a small generated province, six months closed
db=$(store_url "$work" gen)
db_gen=$db
t 2026-11-01 gen --units 40 --workers 400 --months 6 --end 2026-10 --seed 1 \
    --out "$work/gen" >/dev/null 2>&1
t 2026-11-01 init 2>/dev/null
for kind in officers units workers declarations payments registry case_events case_plans; do
    t 2026-11-01 import "$kind" "$work/gen/$kind.csv" 2>/dev/null
done
for p in 2026-05 2026-06 2026-07 2026-08 2026-09 2026-10; do
    t "${p}-28T18:00:00" close "$p" 2>/dev/null
done

"$thuno" report --list >"$work/list.tsv"
[ "$(wc -l <"$work/list.tsv")" -ge 40 ] || { echo "cli_all_formats: report --list is short" >&2; exit 1; }

python3 - "$thuno" "$work" "$db_province" "$db_cases" "$db_gen" <<'PY'
import csv, html, io, json, os, re, subprocess, sys, zipfile
import xml.etree.ElementTree as ET

thuno, work = sys.argv[1], sys.argv[2]
urls = dict(zip(["province", "cases", "gen"], sys.argv[3:6]))  # each store's URL (tests/db.sh)
ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
# each store: its database, its clock, the period and year its reports are asked for (the
# litigation province closes no period: no yearly report there), the cases a case's tables are
# asked for and the months closed a series by month is asked for
stores = [("province", "2025-12-01", "2025-11", "2025", ("HS-A", "HS-B", "HS-U3"),
           ("2025-07", "2025-11")),
          ("cases", "2024-12-31", "2024-12", None, ("HS-2021-01", "HS-2021-02", "HS-2022-02"),
           None),
          ("gen", "2026-11-05", "2026-10", "2026", (), ("2026-05", "2026-10"))]
# whole-number columns that never add up (src/io/table_out.c not_additive): a sum row must
# not sum them
never_summed = re.compile(r"^(year|rank|months|threshold|confidence)$|_(year|clause|no|id|code|pct|ratio|rate|wage|base)$|days")
failures = []

def thuno_out(*args):
    return subprocess.run([thuno] + list(args), capture_output=True, text=True,
                          check=True).stdout

# the vocabulary of enumerated values: (column or "*", value) -> Vietnamese word
vocab = {}
for line in thuno_out("report", "--values").splitlines():
    col, value, vi, en = line.split("\t")
    vocab[(col, value)] = vi

def word(col, v):
    return vocab.get((col, v), vocab.get(("*", v)))

def shown_text(col, v):
    """a CSV text value as XLSX and PDF show it in Vietnamese: its word in the vocabulary; a
    list "a;b" or a "key:value" word by word when every token has a word; else as it is"""
    if word(col, v) is not None:
        return word(col, v)
    out = []
    for tok in v.split(";"):
        if ":" in tok:
            k, x = tok.split(":", 1)
            w = word(None, k) if word(k, x) is not None else None
            w = w and "%s: %s" % (w, word(k, x))
        else:
            w = word(col, tok)
        if w is None or not tok:
            return v
        out.append(w)
    return "; ".join(out)

def labels_of(name):
    """the report's columns: id -> Vietnamese label (`report --columns NAME`)"""
    cols = [l.split("\t") for l in thuno_out("report", "--columns", name).splitlines()]
    return {c[0]: c[2] for c in cols}

def fail(report, msg):
    failures.append("%s: %s" % (report, msg))

units_of = {}

def unit_of(store):
    """a unit of the store (one report's unit, --unit): the first with a balance of the last
    month of its range of months"""
    db, now, _, _, _, months, _ = store
    if db not in units_of:
        rows = list(csv.reader(io.StringIO(thuno_out(
            "--db", urls[db], "report", "balances", "--period", months[1],
            "--as-of", now))))
        units_of[db] = rows[1][0]
    return units_of[db]

def run(store, name, opts, fmt, out=None):
    db, now, period, year, _, months, case = store
    args = [thuno, "--db", urls[db], "report", name, "--as-of", now]
    if "period" in opts:
        args += ["--period", period]
    elif "year" in opts:
        args += ["--year", year]
    if "case" in opts.split(","):
        args += ["--case", case]
    if "months" in opts:
        args += ["--from", months[0], "--to", months[1]]
    if "unit" in opts.split(","):
        args += ["--unit", unit_of(store)]
    args += ["--format", fmt]
    if out:
        args += ["-o", out]
    env = dict(os.environ, THUNO_NOW=now)
    p = subprocess.run(args, capture_output=True, env=env)
    if p.returncode != 0:
        raise RuntimeError("%s %s exit %d: %s" % (fmt, db, p.returncode, p.stderr.decode()[-300:]))
    return p.stdout

def col_index(ref):
    n = 0
    for ch in re.match(r"[A-Z]+", ref).group(0):
        n = n * 26 + ord(ch) - 64
    return n - 1

def read_xlsx(path):
    with zipfile.ZipFile(path) as z:
        sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
        styles = ET.fromstring(z.read("xl/styles.xml"))
    fmts = {1: "0", 3: "#,##0"}
    for nf in styles.iter("{%s}numFmt" % ns["m"]):
        fmts[int(nf.get("numFmtId"))] = nf.get("formatCode")
    xfs = [fmts.get(int(x.get("numFmtId", "0")), "General")
           for x in styles.find("m:cellXfs", ns)]
    rows = []
    for row in sheet.find("m:sheetData", ns):
        cells = {}
        for c in row:
            i = col_index(c.get("r"))
            fmt = xfs[int(c.get("s", "0"))]
            if c.get("t") == "inlineStr":
                cells[i] = ("s", "".join(x.text or "" for x in c.iter("{%s}t" % ns["m"])), fmt)
            else:
                f, v = c.find("m:f", ns), c.find("m:v", ns)
                cells[i] = ("f" if f is not None else "n",
                            float(v.text) if v is not None else None, fmt)
        rows.append(cells)
    pane = sheet.find(".//m:pane", ns)
    setup = sheet.find("m:pageSetup", ns)
    return rows, pane, setup

def is_number(s):
    return re.fullmatch(r"-?\d+(\.\d)?", s) is not None

def check_json(name, header, body, js):
    rows = json.loads(js)
    if len(rows) != len(body):
        return fail(name, "json has %d rows, csv %d" % (len(rows), len(body)))
    for r, line in zip(rows, body):
        if list(r.keys()) != header:
            return fail(name, "json keys differ from the csv header")
        for k, v in zip(header, line):
            got = "" if r[k] is None else ("%.1f" % r[k] if isinstance(r[k], float) else str(r[k]))
            if got != v:
                return fail(name, "json %s=%r, csv %r" % (k, r[k], v))

def check_xlsx(name, opts, header, body, path):
    rows, pane, setup = read_xlsx(path)
    labels = labels_of(name)
    if setup is None or setup.get("paperSize") != "9" or setup.get("orientation") != "landscape":
        fail(name, "xlsx does not print on A4 landscape")
    if not (pane is not None and pane.get("state") == "frozen" and pane.get("ySplit") == "1"):
        fail(name, "xlsx header not frozen")
    if set(labels) != set(header):
        return fail(name, "report --columns differs from the csv header")
    if [rows[0].get(i, ("s", None))[1] for i in range(len(header))] != [labels[h] for h in header]:
        return fail(name, "xlsx header is not the csv header's labels")
    summed = bool(body) and "no_sum" not in opts
    want = len(body) + 1 + (1 if summed else 0)
    if len(rows) != want:
        return fail(name, "xlsx has %d rows, want %d" % (len(rows), want))
    numeric = [False] * len(header)
    for r, line in zip(rows[1:], body):
        for i, v in enumerate(line):
            c = r.get(i)
            if v == "":
                if c is not None:
                    fail(name, "xlsx %s: %r for an empty csv cell" % (header[i], c))
            elif is_number(v) and (c is None or c[0] != "s"):
                numeric[i] = True
                if c is None or c[0] != "n" or abs(c[1] - float(v)) > 1e-9:
                    return fail(name, "xlsx %s: %r, csv %s" % (header[i], c, v))
                kind = "0.0" if "." in v else ("0" if never_summed.search(header[i]) else "#,##0")
                if c[2] != kind:
                    return fail(name, "xlsx %s: format %r, want %r" % (header[i], c[2], kind))
            elif c is None or c[0] != "s" or c[1] != shown_text(header[i], v):
                return fail(name, "xlsx %s: %r, csv %r" % (header[i], c, v))
    if summed:
        total = rows[-1]
        for i, c in total.items():
            if c[0] == "s":
                continue
            if never_summed.search(header[i]) or not numeric[i] or "." in "".join(l[i] for l in body):
                fail(name, "xlsx sums %s, which does not add up" % header[i])
            elif c[1] != sum(int(l[i] or 0) for l in body):
                fail(name, "xlsx sum of %s is %r" % (header[i], c[1]))
        for i, h in enumerate(header):
            whole = numeric[i] and all(l[i] == "" or re.fullmatch(r"-?\d+", l[i]) for l in body)
            if whole and not never_summed.search(h) and i not in total:
                fail(name, "xlsx does not sum %s" % h)

def shown(col, v):
    """a number as the PDF prints it: grouped with dots when it adds up, tenths with a comma"""
    if isinstance(v, float):
        return ("%.1f" % v).replace(".", ",")
    if never_summed.search(col):
        return str(v)
    digits = str(abs(v))
    groups = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return ("-" if v < 0 else "") + ".".join(groups)

def check_header(name, path, header):
    """each header label (Vietnamese) is printed apart from its neighbours: every piece of
    it (a word, or up to and with a '_') is inside a word of page 1 that is itself part of
    the label, so labels run into each other ("Mã đơn vịKỳ") fail"""
    labels = labels_of(name)
    header = [labels[h] for h in header]
    out = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-bbox", path, "-"],
                         capture_output=True, text=True, check=True).stdout
    words = [html.unescape(w) for w in re.findall(r"<word [^>]*>(.*?)</word>", out)]
    pieces = [re.findall(r"[^_ ]*_|[^_ ]+", label) for label in header]
    for label, ps in zip(header, pieces):
        for piece in ps:
            if not any(piece in w and w in label for w in words):
                return fail(name, "pdf header label %s overlaps or is cut" % label)
    # labels share words ("Số", "tiền"): also no label's end runs into the next one's start
    for (a, pa), (b, pb) in zip(zip(header, pieces), zip(header[1:], pieces[1:])):
        if pa and pb and any(pa[-1] + pb[0] in w for w in words):
            return fail(name, "pdf header labels %s and %s run into each other" % (a, b))

def check_pdf(name, title, path, again, json_rows):
    if open(path, "rb").read() != open(again, "rb").read():
        fail(name, "two runs gave different PDFs")
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    if "(A4)" not in info:
        fail(name, "pdf is not A4")
    text = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True,
                          check=True).stdout
    flat = " ".join(text.split())
    vi = " ".join(title.split(" / ")[0].split())
    for needle in ["BẢO HIỂM XÃ HỘI VIỆT NAM", vi, "Trang 1/"]:
        if needle not in flat:
            fail(name, "pdftotext lacks %r" % needle)
    # the figures of the first rows are printed whole (numbers never wrap)
    for r in json_rows[:5]:
        for col, v in r.items():
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                want = shown(col, v)
                if not re.search(r"(?<![\d.,])%s(?![\d.,])" % re.escape(want), flat):
                    fail(name, "pdftotext lacks %s = %s whole" % (col, want))
                    return
    prefix = os.path.join(work, name + "-page")
    subprocess.run(["pdftoppm", "-r", "30", "-gray", "-f", "1", "-l", "1", "-singlefile", path,
                    prefix], check=True)
    pgm = open(prefix + ".pgm", "rb").read()
    magic, size, depth, pixels = pgm.split(b"\n", 3)
    w, h = map(int, size.split())
    dark = sum(1 for p in pixels[: w * h] if p < 128)
    if dark < 150:
        fail(name, "page 1 looks blank (%d dark pixels)" % dark)

reports = [line.rstrip("\n").split("\t") for line in open(os.path.join(work, "list.tsv"))]
with_rows, empty = 0, []
for name, opts, title in reports:
    try:
        best, best_csv = None, None
        # a case's tables: each case of each store, as a store of its own
        tries = [s + (c,) for s in stores for c in (s[4] if "case" in opts.split(",") else [None])]
        for store in tries:
            if ("year" in opts and store[3] is None) or ("months" in opts and store[5] is None):
                continue
            out = run(store, name, opts, "csv").decode()
            if best_csv is None or out.count("\n") > best_csv.count("\n"):
                best, best_csv = store, out
        lines = list(csv.reader(io.StringIO(best_csv)))
        header, body = lines[0], lines[1:]
        with_rows += bool(body)
        if not body:
            empty.append(name)
        js = run(best, name, opts, "json").decode()
        check_json(name, header, body, js)
        x = os.path.join(work, name + ".xlsx")
        run(best, name, opts, "xlsx", x)
        check_xlsx(name, opts, header, body, x)
        p, p2 = os.path.join(work, name + ".pdf"), os.path.join(work, name + "-2.pdf")
        run(best, name, opts, "pdf", p)
        run(best, name, opts, "pdf", p2)
        check_pdf(name, title, p, p2, json.loads(js))
        check_header(name, p, header)
    except Exception as e:  # a report that fails to run fails the test
        fail(name, repr(e))
if failures:
    sys.exit("cli_all_formats:\n  " + "\n  ".join(failures))
print("all formats: %d reports in csv, json, xlsx and pdf (%d with rows; header only: %s)"
      % (len(reports), with_rows, " ".join(empty)))
PY
