#!/usr/bin/env bash
# The HTTP API end to end (docs/api.md): the hand-checked province (tests/province.sh) with a
# user of every role, a generated province for a close long enough to watch, then cli_api.py
# against `thuno serve` on free loopback ports.
# usage: cli_api.sh THUNO_BINARY
set -euo pipefail
thuno=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$(dirname "$0")/db.sh"
db=$(store_url "$work" p)
. "$(dirname "$0")/province.sh"
province_closed
province_users
add cu disabled-pass-1 --role qlt
t 2025-12-01 user disable cu 2>/dev/null
# a generated province whose close takes long enough to be seen running
export THUNO_NOW=2026-03-01T08:00:00
"$thuno" gen --units 3000 --workers 20000 --months 2 --end 2026-02 --seed 3 --out "$work/gen" 2>/dev/null
gdb=$(store_url "$work" g)
"$thuno" --db "$gdb" init 2>/dev/null
for kind in officers units workers declarations payments registry; do
    "$thuno" --db "$gdb" import "$kind" "$work/gen/$kind.csv" 2>/dev/null
done
printf 'mật khẩu quản trị\n' | "$thuno" --db "$gdb" user add ana --role admin 2>/dev/null
unset THUNO_NOW
python3 "$(dirname "$0")/cli_api.py" "$thuno" "$db" "$gdb" "$work"
