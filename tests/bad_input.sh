#!/usr/bin/env bash
# The bad-input catalogue (tests/bad_input.py, tests/data/bad_input/): the hand-checked province
# with an admin, a QLT and an officer, then every bad CSV file, command line and request of the
# tables, each with its error, and the store's digest unchanged.
# usage: bad_input.sh THUNO_BINARY
set -euo pipefail
thuno=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$(dirname "$0")/db.sh"
db=$(store_url "$work" p)
. "$(dirname "$0")/province.sh"
province_closed
add ana "mật khẩu quản trị" --role admin
add ha qlt-password-1 --role qlt
add tung officer-pass-1 --role officer --officer O1
python3 "$(dirname "$0")/bad_input.py" "$thuno" "$db" "$work"
