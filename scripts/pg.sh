#!/bin/bash
# scripts/pg.sh - a throwaway PostgreSQL 15 server for the tests and bench/ (docs/store.md
# "Engines"): Debian's own binaries, an unprivileged user, a temporary directory, a Unix
# socket only (no TCP), trust authentication for the user thuno on that socket.
#
#   scripts/pg.sh start DIR      initdb in DIR/data and start; prints the base URL
#   scripts/pg.sh stop DIR       stop it and remove DIR
#   scripts/pg.sh newdb DIR NAME a new empty database NAME; prints its URL
#   scripts/pg.sh url DIR NAME   the URL of database NAME
#
# As root the server runs as the user postgres (made by Debian's postgresql package; initdb
# refuses root). The binaries are found in /usr/lib/postgresql/15/bin or on the PATH.
set -euo pipefail

bindir=/usr/lib/postgresql/15/bin
[ -x "$bindir/initdb" ] || bindir=$(dirname "$(command -v initdb)")

as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

url() { echo "postgresql:///$2?host=$1&user=thuno"; }

psql_admin() {
    PGOPTIONS="-c client_min_messages=warning" \
    "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$1" -U thuno -d postgres -c "$2"
}

case "${1:-}" in
start)
    dir=$2
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_owner "$bindir/initdb" -D "$dir/data" -U thuno --auth=trust --no-locale -E UTF8 \
        >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    # fsync off: a test server, thrown away; the durability tests run on SQLite files
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-k $dir -c listen_addresses= -c fsync=off -c synchronous_commit=off -c max_connections=300 -c full_page_writes=off" \
        start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    url "$dir" postgres
    ;;
stop)
    dir=$2
    if [ -d "$dir/data" ]; then
        as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
newdb)
    psql_admin "$2" "DROP DATABASE IF EXISTS \"$3\"" && psql_admin "$2" "CREATE DATABASE \"$3\""
    url "$2" "$3"
    ;;
url)
    url "$2" "$3"
    ;;
*)
    echo "usage: scripts/pg.sh start DIR | stop DIR | newdb DIR NAME | url DIR NAME" >&2
    exit 64
    ;;
esac
