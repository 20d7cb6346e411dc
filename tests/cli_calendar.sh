#!/usr/bin/env bash
# End-to-end test of the statutory calendar (docs/calendar.md "The test") on the hand-checked
# province (tests/province.sh, docs/golden.md) with the inspections of tests/data/calendar:
# `report calendar` before and after duties are recorded done with `thuno calendar done`, a
# correction, the report as of a time, every refusal, and an event whose working days run past
# policy/holidays.csv. Every date is derived by hand in docs/calendar.md.
# usage: cli_calendar.sh THUNO_BINARY [--update]
set -euo pipefail
thuno=$1
work=$(mktemp -d); [ -n "${KEEP:-}" ] && echo "$work"
source "$(dirname "$0")/db.sh"
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
db=$(store_url "$work" t)
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=province.sh
source "$here/province.sh"
extra=$here/data/calendar
golden=$here/golden/calendar
out=$work/out
mkdir -p "$out"
fail() { echo "cli_calendar: $*" >&2; exit 1; }

province_closed
t 2025-12-27 import inspections "$extra/inspections.csv" 2>/dev/null
t 2026-02-14 import inspections "$extra/inspections-2026.csv" 2>/dev/null

# nothing recorded yet: December to February, judged on 2026-02-14
t 2026-02-14 report calendar --from 2025-12-01 --to 2026-02-28 >"$out/calendar-2025-12-to-2026-02.csv"

# duties done: on time, late, an event duty by its event's day, a correction
{
    t 2025-12-08T10:00:00 calendar done reminder_monthly --period 2025-12 --actor O1
    t 2025-12-05T16:00:00 calendar done cooperative_report --period 2025-12 --actor QLT \
        --note "Báo cáo số 12/BC-BHXH"
    t 2026-01-05T09:00:00 calendar done reminder_finding --date 2025-12-26 --actor O1 --note TT-05
    t 2026-01-16T08:00:00 calendar done inspection_lists --period 2026-01 --actor TTKT \
        --on 2026-01-15 --note "Gửi Thanh tra Sở"
    t 2026-01-10T08:00:00 calendar done reminder_monthly --period 2025-12 --actor O1 \
        --on 2025-12-09 --note "sửa ngày gửi"
} >"$out/done.txt"

t 2026-02-20 report calendar --period 2026-01 --date 2026-01-20 >"$out/calendar-2026-01.csv"
t 2026-02-20 report calendar --from 2025-12-01 --to 2026-02-28 --date 2026-02-14 \
    >"$out/calendar-2025-12-to-2026-02-done.csv"
# as known on 2026-01-06: the first December reminder record, TT-06 not yet imported
t 2026-02-20 report calendar --from 2025-12-01 --to 2026-02-28 --date 2026-01-06 \
    --as-of 2026-01-06 >"$out/calendar-asof-2026-01-06.csv"
[ "$(store_sql "$db" 'SELECT count(*) FROM calendar_done')" = 5 ] || fail "calendar_done rows"

# refusals: each with its exit status, nothing stored
# refuse ARGS...: runs thuno at $now, keeps its message (not the usage, which is the CLI's) and
# its exit status
refuse() {
    local code
    set +e
    t "$now" "$@" 2>"$work/err.txt" >/dev/null
    code=$?
    set -e
    grep -v '^usage: ' "$work/err.txt" >>"$out/refused.txt" || true
    echo "exit $code" >>"$out/refused.txt"
}
: >"$out/refused.txt"
now=2026-02-20
refuse calendar done no_such_duty --period 2026-01 --actor O1
refuse calendar done reminder_monthly --date 2026-01-10 --actor O1
refuse calendar done reminder_finding --period 2026-01 --actor O1
refuse calendar done inspection_lists --period 2026-02 --actor TTKT
refuse calendar done reminder_finding --date 2025-11-28 --actor O1
refuse calendar done reminder_finding --date 2026-01-02 --actor O1
refuse calendar done reminder_monthly --period 2026-02 --actor O1 --on 2026-02-21
refuse calendar done reminder_monthly --period 2026-02
refuse report calendar --period 2026-01 --from 2026-01-01 --to 2026-01-31
refuse report calendar --from 2026-01-01
# an event whose 5 working days run past the days off known for 2026 (through 2026-08-28)
t 2026-08-27 import inspections "$extra/inspections-uncovered.csv" 2>/dev/null
now=2026-08-27 refuse report calendar --period 2026-09
[ "$(store_sql "$db" 'SELECT count(*) FROM calendar_done')" = 5 ] || fail "a refusal stored a row"

t 2026-02-20 report calendar --period 2026-01 --date 2026-01-20 --format pdf -o "$work/cal.pdf"
pdftotext -layout "$work/cal.pdf" "$work/cal.txt"
grep -q "Lịch công việc theo quy định" "$work/cal.txt" || fail "pdf title"

source "$here/goldens.sh"
compare_goldens "cli calendar" "$golden" "${2:-}" "" "$out"/*
