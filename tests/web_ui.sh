#!/usr/bin/env bash
# The web UI in a real browser (docs/web.md): the hand-checked province (tests/province.sh) with
# an admin, a director and an officer (and, for the cases and the dashboard, a legal user,
# cases, plans and collection plans), `thuno serve` on a free loopback port, then
# tests/web_ui.mjs (playwright-core driving Debian's Chromium, headless; axe-core). Skipped
# (exit 77) only when Chromium, node or node_modules are missing: scripts/deps.sh installs
# them, so CI runs it.
# usage: web_ui.sh THUNO_BINARY SCREENSHOT_DIR
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
chromium=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
    echo "web_ui: skipped: no Chromium at $chromium (bash scripts/deps.sh installs it)"
    exit 77
fi
if ! command -v node >/dev/null || [ ! -d "$root/node_modules/playwright-core" ] ||
    [ ! -d "$root/node_modules/axe-core" ]; then
    echo "web_ui: skipped: node or node_modules missing (bash scripts/deps.sh runs npm ci)"
    exit 77
fi
thuno=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shots=$2
mkdir -p "$shots"
work=$(mktemp -d)
server=""
cleanup() {
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
. "$(dirname "$0")/db.sh"
db=$(store_url "$work" p)
. "$(dirname "$0")/province.sh"
province_closed
add ana "mật khẩu quản trị" --role admin
add lan giam-doc-2025 --role director
add tung officer-pass-1 --role officer --officer O1
# the cases and the dashboard (tests/data/web): B mediated and paying by its plan, C sued, tried
# and under enforcement (an asset, its verification, a measure) with a closed case of 2024 and
# an address for its documents; the province's collection plans; a legal user
webdata=$(dirname "$0")/data/web
t 2025-12-01 import units "$webdata/units-update.csv" --update 2>/dev/null
t 2025-12-01 import case_events "$webdata/case_events.csv" 2>/dev/null
t 2025-12-01 import case_plans "$webdata/case_plans.csv" 2>/dev/null
t 2025-12-01 import collection_plans "$webdata/collection_plans.csv" 2>/dev/null
t 2025-12-01 import payments "$webdata/payments.csv" 2>/dev/null
t 2025-12-01 case asset HS-2025-C 2025-11-10 bank_account "TK 0071000999888" \
    --holder "Vietcombank CN quận 5" --pledged no --value 5000000 >/dev/null 2>&1
t 2025-12-01 case verify HS-2025-C 2025-11-12 1 exists --by "CHV Lê Thị Hoa" >/dev/null 2>&1
t 2025-12-01 case measure HS-2025-C 2025-11-14 1 account_freeze >/dev/null 2>&1
add le legal-password-1 --role legal
add ha qlt-password-1 --role qlt
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
THUNO_NOW=2025-12-01T09:00:00 "$thuno" --db "$db" serve --listen "127.0.0.1:$port" \
    2>"$work/serve.log" &
server=$!
for _ in $(seq 1 100); do
    python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/login')" \
        2>/dev/null && break
    sleep 0.1
done
status=0
CHROMIUM=$chromium node "$root/tests/web_ui.mjs" "http://127.0.0.1:$port" "$shots" || status=$?
if [ "$status" -ne 0 ]; then
    echo "--- the server's log" >&2
    cat "$work/serve.log" >&2
fi
exit "$status"
