#!/usr/bin/env bash
# The API and the web UI against a hostile user (tests/api_security.py): the hand-checked
# province with a user of every role, then every attack of issue 17 item 5.
# usage: api_security.sh THUNO_BINARY
set -euo pipefail
thuno=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$(dirname "$0")/db.sh"
db=$(store_url "$work" p)
. "$(dirname "$0")/province.sh"
province_closed
province_users
python3 "$(dirname "$0")/api_security.py" "$thuno" "$db" "$work"
