#!/usr/bin/env bash
# The main job on a demo province: installs the dependencies, builds thuno, generates a
# synthetic province (2,000 units, ~60,000 workers, 24 months ending 2026-10, with its debt
# cases), then scripts/demo_month.sh imports it, closes every month in order and runs the
# office's month after the last close as its users would (suspense matching, card-lock lists,
# handover, escalation and worklists, a district office's reminders and C12-TS notices, the
# meeting pack, the People's Committee report, the lists, the litigation statistics, a lawsuit
# petition and an enforcement request), writing everything into DEMO_DIR/out/, and prints a
# summary in Vietnamese and English.
# Environment: DEMO_DIR (default ./demo), UNITS, WORKERS, MONTHS, END, SEED.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
dir=${DEMO_DIR:-demo}
units=${UNITS:-2000}
workers=${WORKERS:-60000}
months=${MONTHS:-24}
end=${END:-2026-10}
seed=${SEED:-1}

if [ -d build/release ]; then meson setup --reconfigure build/release --buildtype=release >/dev/null
else meson setup build/release --buildtype=release >/dev/null; fi
ninja -C build/release src/cli/thuno >/dev/null
thuno=build/release/src/cli/thuno

rm -rf "$dir"
mkdir -p "$dir"
echo "== gen: $units units, $workers workers, $months months to $end (seed $seed)"
$thuno gen --units "$units" --workers "$workers" --months "$months" --end "$end" \
    --seed "$seed" --out "$dir/data"
bash scripts/demo_month.sh "$thuno" "$dir" "$end" "$months"
