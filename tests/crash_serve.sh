#!/usr/bin/env bash
# Crash safety of the server (issue 17 item 3, docs/reliability.md "Crash safety"): `thuno
# serve` killed with SIGKILL at random points while it writes (an import of payments through the
# API, a close job, a burst of small changes), on the small generated province of
# tests/crash_kill.sh; tests/crash_serve.py checks each kill.
# usage: crash_serve.sh THUNO_BINARY   (CRASH_RUNS kills per scenario, default 10, stopping
#        after CRASH_BUDGET seconds per scenario (default 9, at least 4 kills; 0: no limit);
#        CRASH_SEED fixes the random delays; the long run: CRASH_RUNS=100 CRASH_BUDGET=0)
set -euo pipefail
thuno=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export THUNO_POLICY=${THUNO_POLICY:-$(cd "$(dirname "$0")/../policy" && pwd)}
export THUNO_NOW=2026-11-05T08:00:00
. "$(dirname "$0")/db.sh"
db=$(store_url "$work" t)
t() { "$thuno" --db "$db" "$@"; }
fail() { echo "crash_serve: $*" >&2; exit 1; }

# the province of crash_kill.sh, imported up to its payments, and three users of the CLI
"$thuno" gen --units 150 --workers 1500 --months 8 --end 2026-10 --seed 5 --out "$work/gen" 2>/dev/null
t init 2>/dev/null
for kind in officers units workers declarations registry; do
    t import "$kind" "$work/gen/$kind.csv" 2>/dev/null || fail "import $kind refused"
done
printf '%s\n' "admin-password-1" | t user add an --role admin 2>/dev/null
printf '%s\n' "legal-password-1" | t user add le --role legal 2>/dev/null
printf '%s\n' "qlt-password-1" | t user add ha --role qlt 2>/dev/null
python3 "$(dirname "$0")/crash_serve.py" "$thuno" "$db" "$work"
