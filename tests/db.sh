# tests/db.sh - sourced by the end-to-end tests: where a test's store lives, so that every test
# runs on both engines (docs/store.md "Engines"; docs/testing.md).
#
#   store_url DIR NAME   prints the URL of a new, empty store called NAME: the file DIR/NAME.db,
#                        or, when THUNO_TEST_PG names the socket directory of a running test
#                        server (scripts/pg.sh start), a new PostgreSQL database
#   store_digest URL     prints a digest of everything the store holds (a change shows)
#   store_sql URL SQL    prints the rows of a query on the store, columns joined by '|'
#   store_drop URL       removes the store at URL (its files, or its database)
#   store_copy URL DIR NAME  copies the store at URL (no process using it) to a new store
#                        called NAME (as store_url); prints its URL
#   on_pg                true when the tests run on PostgreSQL
#   sqlite_only WHY      ends a test that is about SQLite files as skipped (77) on PostgreSQL
#   sqlite_part WHY      true on SQLite; on PostgreSQL says why a part of a test that is about
#                        SQLite files does not run there and is false: `if sqlite_part WHY; then`
_db_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

on_pg() { [ -n "${THUNO_TEST_PG:-}" ]; }

store_url() {
    if on_pg; then
        local name
        name="t_$(printf '%s' "$2" | tr -c 'a-zA-Z0-9_' '_')_$$_${RANDOM}${RANDOM}"
        bash "$_db_root/scripts/pg.sh" newdb "$THUNO_TEST_PG" "${name:0:60}"
    else
        echo "$1/$2.db"
    fi
}

store_digest() {
    case $1 in
    postgres*)
        pg_dump --data-only --no-owner --dbname="$1" | grep -Ev '^(--|\\(un)?restrict )' | sha256sum | cut -d' ' -f1 ;;
    *)
        sha256sum <"$1" | cut -d' ' -f1 ;;
    esac
}

store_sql() {
    case $1 in
    postgres*) psql -X -A -t -q -v ON_ERROR_STOP=1 --dbname="$1" -c "$2" ;;
    *) sqlite3 "$1" "$2" ;;
    esac
}

store_drop() {
    case $1 in
    postgres*)
        local name=${1#*:///}
        psql -X -q -v ON_ERROR_STOP=1 --dbname="postgresql:///postgres?${1#*\?}" \
            -c "DROP DATABASE IF EXISTS \"${name%%\?*}\"" >/dev/null ;;
    *) rm -f "$1" "$1-wal" "$1-shm" "$1-journal" ;;
    esac
}

store_copy() {
    local to
    to=$(store_url "$2" "$3")
    case $1 in
    postgres*)
        local from=${1#*:///} new=${to#*:///}
        psql -X -q -v ON_ERROR_STOP=1 --dbname="postgresql:///postgres?${to#*\?}" \
            -c "DROP DATABASE \"${new%%\?*}\"" -c "CREATE DATABASE \"${new%%\?*}\" TEMPLATE \"${from%%\?*}\"" \
            >/dev/null ;;
    *) cp "$1" "$to" ;;
    esac
    echo "$to"
}

sqlite_only() {
    if on_pg; then
        echo "skipped on PostgreSQL: $1"
        exit 77
    fi
}

sqlite_part() {
    if on_pg; then
        echo "not on PostgreSQL: $1"
        return 1
    fi
}
