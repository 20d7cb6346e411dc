#!/usr/bin/env bash
# The corpus replay of a fuzz target that opens a store (fuzz.h tn_fuzz_store): on SQLite the
# target's own ":memory:" store; when the tests run on PostgreSQL (THUNO_TEST_PG, tests/db.sh) a
# new empty database, given to it in THUNO_FUZZ_STORE.
# usage: replay_store.sh REPLAY_BINARY ARGS...
set -euo pipefail
. "$(dirname "$0")/../db.sh"
if on_pg; then
    THUNO_FUZZ_STORE=$(store_url /nonexistent "fuzz_$(basename "$1")")
    export THUNO_FUZZ_STORE
fi
exec "$@"
