#!/usr/bin/env bash
# Users managed over the API and officers by name (tests/api_users.py): the hand-checked
# province (tests/province.sh) with a user of every role.
# usage: api_users.sh THUNO_BINARY
set -euo pipefail
thuno=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$(dirname "$0")/db.sh"
db=$(store_url "$work" p)
. "$(dirname "$0")/province.sh"
province_closed
province_users
python3 "$(dirname "$0")/api_users.py" "$thuno" "$db" "$work"
