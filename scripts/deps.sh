#!/usr/bin/env bash
# Installs what thuno needs to build and test on Debian 12 (see the README's dependency table).
set -euo pipefail
pkgs=(gcc pkg-config meson ninja-build python3 clang-format
      libsqlite3-dev libjansson-dev libcsv-dev libicu-dev libcmocka-dev sqlite3
      libxlsxwriter-dev libcairo2-dev libpango1.0-dev fonts-noto-core poppler-utils unzip
      libssl-dev clang libclang-rt-14-dev libargon2-dev libmicrohttpd-dev)
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
