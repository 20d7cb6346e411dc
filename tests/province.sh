# province.sh - sourced by the shell tests: builds the hand-checked province of
# tests/data/province (docs/golden.md) in a store, as the office would have known it,
# month by month. Needs $thuno and $db; defines t(), which runs thuno with a fixed clock.
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
data=$here/data/province
export THUNO_POLICY=${THUNO_POLICY:-$here/../policy}

# t NOW ARGS...: thuno on $db with the clock at NOW
t() { THUNO_NOW=$1 "$thuno" --db "$db" "${@:2}"; }

. "$here/import_dated.sh"

# imports every file on 2025-07-01, each payment on the day it is paid (an import refuses money
# paid after its day), and closes July to November 2025, each on the 28th
province_closed() {
    t 2025-07-01 init 2>/dev/null
    for kind in officers units workers declarations registry; do
        t 2025-07-01 import "$kind" "$data/$kind.csv" 2>/dev/null
    done
    import_dated 2025-07-01 payments "$data/payments.csv"
    for p in 2025-07 2025-08 2025-09 2025-10 2025-11; do
        t "${p}-28T18:00:00" close "$p" 2>/dev/null
    done
}

# add LOGIN PASSWORD ARGS...: a user of the store (password on standard input), on 2025-12-01
add() { printf '%s\n' "$2" | t 2025-12-01 user add "$1" "${@:3}" 2>/dev/null; }

# a user of every role, with the passwords the API tests log in with (tests/api_client.py,
# tests/cli_api.py): admin, director, QLT, KTTN, TTKT, legal, and officer O1
province_users() {
    add ana "mật khẩu quản trị" --role admin
    add lan giam-doc-2025 --role director
    add ha qlt-password-1 --role qlt
    add khoa kttn-password-1 --role kttn
    add kim ttkt-password-1 --role ttkt
    add le legal-password-1 --role legal
    add tung officer-pass-1 --role officer --officer O1
}
