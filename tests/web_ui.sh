#!/usr/bin/env bash
# The web UI in a real browser (docs/web.md): the hand-checked province (tests/province.sh) with
# an admin, a director and an officer, `thuno serve` on a free loopback port, then
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
db=$work/p.db
. "$(dirname "$0")/province.sh"
province_closed
add() { printf '%s\n' "$2" | t 2025-12-01 user add "$1" "${@:3}" 2>/dev/null; }
add ana "mật khẩu quản trị" --role admin
add lan giam-doc-2025 --role director
add tung officer-pass-1 --role officer --officer O1
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
