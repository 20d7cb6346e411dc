#!/usr/bin/env bash
# Installs what thuno needs to build and test on Debian 12 (see the README's dependency table).
set -euo pipefail
pkgs=(gcc pkg-config meson ninja-build python3 clang-format
      libsqlite3-dev libjansson-dev libcsv-dev libicu-dev libcmocka-dev sqlite3
      libxlsxwriter-dev libcairo2-dev libpango1.0-dev fonts-noto-core poppler-utils unzip
      libssl-dev clang libclang-rt-14-dev libargon2-dev libmicrohttpd-dev
      chromium nodejs libpq-dev postgresql)
missing=()
for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "thuno: installing ${missing[*]}" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# the web UI's browser tests (docs/web.md): playwright-core and axe-core from package-lock.json;
# no browser is downloaded (Debian's Chromium above). npm: Debian's, unless node brought its own.
if ! command -v npm >/dev/null; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq npm >/dev/null
fi
root=$(cd "$(dirname "$0")/.." && pwd)
if [ ! -d "$root/node_modules/playwright-core" ] || [ ! -d "$root/node_modules/axe-core" ] ||
    [ "$root/package-lock.json" -nt "$root/node_modules" ]; then
    (cd "$root" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund >/dev/null)
fi
