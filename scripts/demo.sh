#!/usr/bin/env bash
# The main job on a demo province: installs the dependencies, builds thuno, generates a
# synthetic province (2,000 units, ~60,000 workers, 24 months ending 2026-10, with its debt
# cases), then scripts/demo_month.sh imports it, closes every month in order and runs the
# office's month after the last close as its users would (suspense matching, card-lock lists,
# handover, escalation and worklists, a district office's reminders and C12-TS notices, the
# meeting pack, the People's Committee report, the lists, the litigation statistics, a lawsuit
# petition and an enforcement request), writing everything into DEMO_DIR/out/, and prints a
# summary in Vietnamese and English.
# Then it serves the province over the HTTP API (docs/api.md) and the web UI (docs/web.md);
# its last line is the UI's address with a director's login.
# Environment: DEMO_DIR (default ./demo), UNITS, WORKERS, MONTHS, END, SEED; SERVE=0 (no
# server), LISTEN (default 127.0.0.1:8080).
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

# --- serve the demo province (docs/api.md): a director's login, then `thuno serve` until
# Ctrl-C; SERVE=0 stops here, LISTEN chooses the address
[ "${SERVE:-1}" = 1 ] || exit 0
password=$(tr -dc 'A-Za-z0-9' </dev/urandom | head -c 16 || true)
printf '%s\n' "$password" | $thuno --db "$dir/thuno.db" user add giamdoc --role director
listen=${LISTEN:-127.0.0.1:8080}
echo "== API: http://$listen/api/v1 (docs/api.md)"
echo "   curl -c c.txt -d '{\"login\":\"giamdoc\",\"password\":\"$password\"}' http://$listen/api/v1/session"
echo "   curl -b c.txt 'http://$listen/api/v1/units/UNIT/balance?period=$end'   (Ctrl-C dừng / stops)"
echo "== Giao diện web / web UI (docs/web.md): http://$listen/ — đăng nhập / login: giamdoc, mật khẩu / password: $password"
exec $thuno --db "$dir/thuno.db" serve --listen "$listen"
