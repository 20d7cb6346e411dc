#!/usr/bin/env bash
# The layering of docs/architecture.md, checked from #include lines (issue 11 item 7):
#   core  includes only core headers and the C library;
#   store only its backend (src/store/sql/) touches SQLite or includes store-private headers;
#   io    includes no store-private header;
#   app   includes public headers, io's and its own private ones, never a backend's;
#   cli   includes only public headers (include/thuno/) and its own;
#   http  (the API, a face as the CLI is) likewise: public headers and its own only.
# Prints every violation as FILE:LINE: what, and exits 1 when there is one.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
fail() { # file:line, message
    echo "layers: $1: $2" >&2
    status=1
}

# the C library headers core may use (no files, sockets, clock or locale: style.md §2)
libc='assert|ctype|errno|inttypes|limits|stdarg|stdbool|stddef|stdint|stdio|stdlib|string'
# a public header is core's when its module lives in src/core (or it is one of core's own)
is_core_header() { # name without .h
    [ -f "src/core/$1.c" ] || [[ $1 =~ ^(err|mem|table|money|period)$ ]]
}

# includes of a file: "line<TAB>target<TAB>kind" (kind: sys or local)
includes() {
    grep -nE '^\s*#\s*include\s*[<"]' "$1" |
        sed -E 's/^([0-9]+):\s*#\s*include\s*([<"])([^>"]+)[>"].*/\1\t\3\t\2/' |
        sed -E 's/\t<$/\tsys/; s/\t"$/\tlocal/'
}

check_core() { # file
    local f=$1 line target kind
    while IFS=$'\t' read -r line target kind; do
        if [ "$kind" = sys ]; then
            [[ $target =~ ^($libc)\.h$ ]] || fail "$f:$line" "core includes <$target> (C library only)"
        elif [[ $target =~ ^thuno/(.+)\.h$ ]]; then
            is_core_header "${BASH_REMATCH[1]}" || fail "$f:$line" "core includes $target, not a core header"
        elif [[ ! $target =~ ^[a-z_]+_int\.h$ ]] || [ ! -f "src/core/$target" ]; then
            fail "$f:$line" "core includes \"$target\""
        fi
    done < <(includes "$f")
}

for f in src/core/*.[ch]; do check_core "$f"; done
for h in include/thuno/*.h; do
    name=$(basename "$h" .h)
    if is_core_header "$name"; then check_core "$h"; fi
    # no public header exposes a private one
    while IFS=$'\t' read -r line target kind; do
        [ "$kind" = local ] && [[ ! $target =~ ^thuno/ ]] && fail "$h:$line" "public header includes \"$target\""
    done < <(includes "$h")
done

# SQLite only in the store's driver (src/store/sql/driver.c), libpq only in its PostgreSQL
# engine (driver_pg.c): the backend's queries reach both through driver.h (docs/store.md)
while IFS=: read -r f line _; do
    [ "$f" = src/store/sql/driver.c ] || fail "$f:$line" "SQLite outside the store's driver"
done < <(grep -nE '<sqlite3\.h>|\bsqlite3_[a-z0-9_]+ *\(|\bsqlite3(_stmt)? *\*' src/*/*.[ch] src/*/*/*.[ch] 2>/dev/null || true)
while IFS=: read -r f line _; do
    [ "$f" = src/store/sql/driver_pg.c ] || fail "$f:$line" "libpq outside the store's driver"
done < <(grep -nE '<libpq-fe\.h>|\bPQ[a-zA-Z]+ *\(' src/*/*.[ch] src/*/*/*.[ch] 2>/dev/null || true)

# io, app, gen, cli and http include no store-private header; cli and http only public ones
# and their own
for f in src/io/*.[ch] src/app/*.[ch] src/gen/*.[ch] src/cli/*.[ch] src/http/*.[ch]; do
    [ -f "$f" ] || continue
    dir=$(dirname "$f")
    while IFS=$'\t' read -r line target kind; do
        [ "$kind" = sys ] && continue
        case $target in
        thuno/*) ;;
        store/* | *store_int.h | *close_int.h | *operations_int.h) fail "$f:$line" "includes store-private $target" ;;
        *)
            if [ "$dir" = src/cli ] && [ ! -f "src/cli/$target" ]; then
                fail "$f:$line" "the CLI includes \"$target\" (public headers only)"
            fi
            if [ "$dir" = src/http ] && [ ! -f "src/http/$target" ]; then
                fail "$f:$line" "the API includes \"$target\" (public headers only)"
            fi
            ;;
        esac
    done < <(includes "$f")
done
# the faces reach the application layer through its one header, thuno/app.h
while IFS=: read -r f line _; do
    fail "$f:$line" "a face includes a section of app.h; include thuno/app.h"
done < <(grep -nE '#include "thuno/app_user\.h"' src/cli/*.[ch] src/http/*.[ch] 2>/dev/null || true)
exit $status
