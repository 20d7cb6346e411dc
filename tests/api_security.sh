#!/usr/bin/env bash
# The API and the web UI against a hostile user (tests/api_security.py): the hand-checked
# province with a user of every role, then every attack of issue 17 item 5.
# usage: api_security.sh THUNO_BINARY
set -euo pipefail
thuno=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=$work/p.db
. "$(dirname "$0")/province.sh"
province_closed
add() { printf '%s\n' "$2" | t 2025-12-01 user add "$1" "${@:3}" 2>/dev/null; }
add ana "mật khẩu quản trị" --role admin
add lan giam-doc-2025 --role director
add ha qlt-password-1 --role qlt
add khoa kttn-password-1 --role kttn
add kim ttkt-password-1 --role ttkt
add le legal-password-1 --role legal
add tung officer-pass-1 --role officer --officer O1
python3 "$(dirname "$0")/api_security.py" "$thuno" "$db" "$work"
