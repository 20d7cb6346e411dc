#!/usr/bin/env bash
# What the CLI does with a store it must not touch, an attachment without end, an output it
# cannot write, a month not begun and a letter template with long lines or bad bytes
# (issue 17, docs/reliability.md):
# - `--db` on another program's SQLite file, an empty file or a missing path is refused with
#   exit 69 (README "Exit statuses": a store or file error) and the file is left byte for byte
#   and to the second as it was; `init` over any existing file is refused (65) the same way,
#   and removes what a killed init left beside the store (DB.init-tmp); on PostgreSQL the
#   same with another program's database, an empty one and a missing one, and `init` into a
#   database that holds any table is refused (65);
# - `case attach` takes regular files only (/dev/zero, a FIFO: refused at once) of at most
#   64 MiB, and stores nothing when it refuses;
# - `explain`, `case show`, `report --list`, `audit` and `user list` on a full device: exit 69
#   and a message, never a silent 0;
# - `close` of a month that has not begun is refused (65) and records nothing;
# - a template or letterhead line of any length is read whole; invalid UTF-8 or a NUL byte is
#   refused (65) with the line and the byte.
# usage: cli_robust.sh THUNO_BINARY
set -euo pipefail
thuno=$1
work=$(mktemp -d)
source "$(dirname "$0")/db.sh"
trap 'rm -rf "$work"' EXIT
export THUNO_POLICY=${THUNO_POLICY:-$(dirname "$0")/../policy}
export THUNO_NOW=2026-11-05T08:00:00
fail() { echo "cli_robust: $*" >&2; exit 1; }
db=$(store_url "$work" t)
t() { "$thuno" --db "$db" "$@"; }
# expect STATUS PATTERN CMD...: CMD exits STATUS and says PATTERN on stderr
expect() {
    local want=$1 pat=$2 status=0
    shift 2
    "$@" >"$work/out" 2>"$work/err" </dev/null || status=$?
    [ "$status" -eq "$want" ] || { cat "$work/err" >&2; fail "$*: exit $status, expected $want"; }
    grep -q -- "$pat" "$work/err" || { cat "$work/err" >&2; fail "$*: no message \"$pat\""; }
}
stamp() { echo "$(md5sum <"$1") $(stat -c '%s %Y.%y' "$1")"; }

# 1. stores that are not thuno's: refused, unchanged, exit 69
if sqlite_part "foreign and empty SQLite files, what a killed init leaves beside the file"; then
    store_sql "$work/foreign.db" "CREATE TABLE t (x); INSERT INTO t VALUES (1)"
    : >"$work/empty.db"
    touch -d '2020-01-02 03:04:05' "$work/foreign.db" "$work/empty.db"
    before_f=$(stamp "$work/foreign.db")
    before_e=$(stamp "$work/empty.db")
    for f in foreign empty; do
        expect 69 "not a thuno store" "$thuno" --db "$work/$f.db" report balances --period 2026-10
        expect 69 "not a thuno store" "$thuno" --db "$work/$f.db" import units "$work/none.csv"
        expect 69 "not a thuno store" "$thuno" --db "$work/$f.db" close 2026-10
        expect 65 "already exists" "$thuno" --db "$work/$f.db" init
    done
    expect 69 "does not exist" "$thuno" --db "$work/missing.db" report balances --period 2026-10
    [ ! -e "$work/missing.db" ] || fail "a missing store was created"
    [ "$(stamp "$work/foreign.db")" = "$before_f" ] || fail "the foreign SQLite file was changed"
    [ "$(stamp "$work/empty.db")" = "$before_e" ] || fail "the empty file was changed"
    ls "$work" | grep -q -- '-wal\|-shm\|-journal' && fail "files left beside a refused store: $(ls "$work")"

    # what a killed init left beside the store is removed by the next init
    echo "half a store" >"$db.init-tmp"
    t init 2>/dev/null || fail "init after a killed init failed"
    [ ! -e "$db.init-tmp" ] || fail "init left $db.init-tmp"
else
    # another program's database, an empty database, a missing one
    foreign=$(store_url "$work" foreign)
    store_sql "$foreign" "CREATE TABLE t (x BIGINT); INSERT INTO t VALUES (1)"
    empty=$(store_url "$work" empty)
    before_f=$(store_digest "$foreign")
    before_e=$(store_digest "$empty")
    for u in "$foreign" "$empty"; do
        expect 69 "not a thuno store" "$thuno" --db "$u" report balances --period 2026-10
        expect 69 "not a thuno store" "$thuno" --db "$u" import units "$work/none.csv"
        expect 69 "not a thuno store" "$thuno" --db "$u" close 2026-10
    done
    expect 65 "already holds tables" "$thuno" --db "$foreign" init
    expect 69 "does not exist" "$thuno" --db "${empty/:\/\/\/t_/:\/\/\/missing_}" \
        report balances --period 2026-10
    [ "$(store_digest "$foreign")" = "$before_f" ] || fail "the foreign database was changed"
    [ "$(store_digest "$empty")" = "$before_e" ] || fail "the empty database was changed"
    t init 2>/dev/null || fail "init failed"
    expect 65 "already holds a thuno store" t init
fi
t user list | grep -q admin || fail "the store init made has no admin"

# a small province, closed to 2026-10
data=$work/gen
"$thuno" gen --units 20 --workers 100 --months 4 --end 2026-10 --seed 3 --out "$data" 2>/dev/null
for kind in officers units workers declarations payments registry; do
    t import "$kind" "$data/$kind.csv" >/dev/null 2>&1 || fail "import $kind refused"
done
for m in 07 08 09 10; do t close "2026-$m" >/dev/null 2>&1 || fail "close 2026-$m refused"; done
unit=$(awk -F, 'NR == 2 { print $1 }' "$data/units.csv")
t explain "$unit" 2026-10 >/dev/null || fail "explain $unit failed"

# 2. attachments: regular files of at most 64 MiB
t case record HS-1 reminder_sent 2026-10-01 --unit "$unit" >/dev/null
expect 65 "not a regular file" t case attach HS-1 other /dev/zero
mkfifo "$work/fifo"
expect 65 "not a regular file" timeout 10 "$thuno" --db "$db" case attach HS-1 other "$work/fifo"
truncate -s $((64 * 1024 * 1024 + 1)) "$work/big.pdf"
expect 65 "larger than 64 MiB" t case attach HS-1 other "$work/big.pdf"
[ "$(store_sql "$db" 'SELECT count(*) FROM case_attachment')" = 0 ] || fail "a refused attachment was stored"
echo "quyết định" >"$work/small.txt"
t case attach HS-1 other "$work/small.txt" >/dev/null || fail "a small attachment was refused"

# 3. an output that cannot be written: 69 and a message
for c in "explain $unit 2026-10" "explain $unit 2026-10 --format json" "case show HS-1" \
    "report --list" "audit" "user list" "report balances --period 2026-10"; do
    # shellcheck disable=SC2086
    status=0
    t $c >/dev/full 2>"$work/err" || status=$?
    [ "$status" -eq 69 ] || fail "$c > /dev/full: exit $status, expected 69"
    grep -q "cannot write" "$work/err" || fail "$c > /dev/full: no message"
done

# -o on what is not a regular file is written in place, never replaced by a file: /dev/null
# stays the device, a FIFO stays a FIFO; a symbolic link stays, its target replaced
t report balances --period 2026-10 -o /dev/null || fail "report -o /dev/null failed"
[ -c /dev/null ] || fail "report -o /dev/null replaced the device"
mkfifo "$work/out.fifo"
cat "$work/out.fifo" >"$work/from_fifo" &
reader=$!
timeout 20 "$thuno" --db "$db" report balances --period 2026-10 -o "$work/out.fifo" ||
    fail "report -o FIFO failed"
wait "$reader"
[ -p "$work/out.fifo" ] || fail "report -o FIFO replaced the FIFO"
head -1 "$work/from_fifo" | grep -q '^unit_code,' || fail "report -o FIFO: nothing came through"
mkdir "$work/real"
echo "the previous report" >"$work/real/r.csv"
ln -s real/r.csv "$work/link.csv"
t report balances --period 2026-10 -o "$work/link.csv"
[ -L "$work/link.csv" ] || fail "report -o LINK replaced the link"
head -1 "$work/real/r.csv" | grep -q '^unit_code,' || fail "report -o LINK: the target was not written"
# letter -o is atomic too: a refused run leaves the previous file
echo "the previous letter" >"$work/prev.pdf"
expect 65 "no balance" t letter reminder --period 2026-01 --unit "$unit" -o "$work/prev.pdf"
[ "$(cat "$work/prev.pdf")" = "the previous letter" ] || fail "a refused letter run changed -o FILE"
ls "$work" | grep -q '\.tmp\.' && fail "a temporary file was left: $(ls "$work")"

# 4. a month that has not begun
expect 65 "has not begun" t close 2026-12
[ "$(store_sql "$db" "SELECT count(*) FROM close_run WHERE period > '2026-10'")" = 0 ] ||
    fail "a close of a month not begun was recorded"
t close 2026-11 >/dev/null 2>&1 || fail "the current month cannot be closed"

# 5. letter templates: a line of 3,000 bytes read whole; bad bytes refused with line and byte
line=$(printf 'Đơn vị nợ bảo hiểm xã hội %.0s' $(seq 1 110))
printf 'title: THÔNG BÁO\n---\n%s {unit_name}\n' "$line" >"$work/long.txt"
t letter mass --period 2026-10 --unit "$unit" --template "$work/long.txt" -o "$work/long.pdf" \
    >/dev/null 2>"$work/err" || { cat "$work/err" >&2; fail "a template with a long line was refused"; }
# the letter has the line whole: every character, in order (spaces aside: the PDF wraps lines)
pdftotext "$work/long.pdf" - | tr -d ' \n\f' | grep -qF "$(printf '%s' "$line" | tr -d ' ')" ||
    fail "the long template line does not come back whole in the letter"
printf 'title: THÔNG BÁO\n---\nK\xednh g\xe1i {unit_name}\n' >"$work/latin1.txt"
expect 65 "latin1.txt:3: byte 2: invalid UTF-8" t letter mass --period 2026-10 --unit "$unit" \
    --template "$work/latin1.txt" -o "$work/bad.pdf"
printf 'title: A\n---\nline\0after\n' >"$work/nul.txt"
expect 65 "nul.txt:3: byte 5: a NUL byte" t letter mass --period 2026-10 --unit "$unit" \
    --template "$work/nul.txt" -o "$work/bad.pdf"
[ ! -e "$work/bad.pdf" ] || fail "a refused template wrote a letter"
# the letterhead the same: a recipient of 2,000 bytes whole, bad bytes refused with line and byte
lh=$(dirname "$0")/../templates/letterhead.txt
addr=$(printf 'Phòng %d Quản lý thu, ' $(seq 1 80))
sed "s|^recipient: Lưu.*|recipient: $addr|" "$lh" >"$work/lh_long.txt"
t letter reminder --period 2026-10 --unit "$unit" --letterhead "$work/lh_long.txt" \
    -o "$work/lh.pdf" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; fail "a long letterhead line was refused"; }
pdftotext "$work/lh.pdf" - | tr -d ' \n\f' | grep -qF "$(printf '%s' "$addr" | tr -d ' ')" ||
    fail "the long letterhead line does not come back whole"
{ cat "$lh"; printf 'signer: Nguy\xean V\xe3n\n'; } >"$work/lh_latin1.txt"
n=$(($(wc -l <"$lh") + 1))
expect 65 "lh_latin1.txt:$n: byte 13: invalid UTF-8" t letter reminder --period 2026-10 \
    --unit "$unit" --letterhead "$work/lh_latin1.txt" -o "$work/bad.pdf"
[ ! -e "$work/bad.pdf" ] || fail "a refused letterhead wrote a letter"
echo "cli robust: ok"
