#!/usr/bin/env bash
# An API test over the hand-checked province (tests/province.sh) with a user of every role:
# builds it in a new store (tests/db.sh: a file, or a PostgreSQL database), then runs the
# Python test TEST.py (tests/api_security.py: every attack of issue 17 item 5;
# tests/api_users.py: users managed over the API and officers by name) against it.
# usage: province_api.sh TEST THUNO_BINARY
set -euo pipefail
test_name=$1
thuno=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$(dirname "$0")/db.sh"
db=$(store_url "$work" p)
. "$(dirname "$0")/province.sh"
province_closed
province_users
python3 "$(dirname "$0")/$test_name.py" "$thuno" "$db" "$work"
