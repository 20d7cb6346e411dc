# import_dated.sh - sourced by the shell tests: imports a file of dated facts (payments, case
# events) as the office learns them, each row on its own day, since an import refuses what is
# dated after the import's day (docs/cases.md "Known when"). Needs t() (thuno with the clock at
# its first argument) and $db.
#
# import_dated FLOOR KIND FILE [EVENTS]: imports FILE's rows in slices, one per day (paid_on
# of payments, date of case_events), each at that day's 00:00:00; rows dated on or before
# FLOOR's day are imported at FLOOR. case_plans rows are dated by their case's last
# mediation_settled in EVENTS (the case_events.csv of the case: the day the plan became known).
# Any other kind is imported whole at FLOOR.
import_dated() {
    local floor=$1 kind=$2 file=$3 events=${4:-} col="" dir now slice
    case $kind in
    payments) col=paid_on ;;
    case_events) col=date ;;
    case_plans) ;;
    *) t "$floor" import "$kind" "$file" 2>/dev/null; return ;;
    esac
    [ "$kind" = case_plans ] || events=""
    dir=$(mktemp -d "${work:-${TMPDIR:-/tmp}}/dated.XXXXXX")
    python3 - "$file" "$col" "$floor" "$dir" "$events" <<'PY' >"$dir/list"
import csv, sys
path, col, floor, out, events = sys.argv[1:6]
settled = {}
if events:
    for e in csv.DictReader(open(events, encoding="utf-8")):
        if e["event"] == "mediation_settled":
            settled[e["case_id"]] = max(settled.get(e["case_id"], ""), e["date"])
rows = list(csv.reader(open(path, encoding="utf-8", newline="")))
head, body = rows[0], rows[1:]
slices = {}
for r in body:
    day = settled[r[0]] if events else r[head.index(col)]
    now = floor if day <= floor[:10] else day + "T00:00:00"
    slices.setdefault(now, []).append(r)
for i, now in enumerate(sorted(slices)):
    name = "%s/%03d.csv" % (out, i)
    with open(name, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(head)
        w.writerows(slices[now])
    print(now, name)
PY
    while read -r now slice; do
        t "$now" import "$kind" "$slice" 2>"$dir/err" ||
            { cat "$dir/err" >&2; rm -rf "$dir"; return 1; }
    done <"$dir/list"
    rm -rf "$dir"
}
