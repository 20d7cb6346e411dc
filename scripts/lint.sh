#!/usr/bin/env bash
# Style checks that need no build: clang-format and the banned functions (style.md §9).
set -euo pipefail
cd "$(dirname "$0")/.."
files=$(git ls-files '*.c' '*.h' 2>/dev/null || find src include tests bench -name '*.[ch]')
status=0
clang-format --dry-run -Werror $files || status=1
# banned everywhere: unbounded string functions and atoi
if grep -nE '\b(atoi|sprintf|strcpy|strcat|strtok)\s*\(' $files | grep -v 'snprintf'; then
    echo "lint: banned function (style.md §9)" >&2
    status=1
fi
# exit() only in the CLI's main; no clock in core
if grep -nE '\bexit\s*\(' $(echo "$files" | tr ' ' '\n' | grep -v '^src/cli/main.c$' | grep '^src/'); then
    echo "lint: exit() outside src/cli/main.c" >&2
    status=1
fi
if grep -nE '\btime\s*\(' src/core/*.c; then
    echo "lint: time() in src/core" >&2
    status=1
fi
# the store's seam (docs/store.md): SQLite and the backend's private header only in its backend
# (and in the bench's measure of SQLite itself, which is not thuno)
outside_sqlite=$(echo "$files" | tr ' ' '\n' | grep -v '^src/store/sql/' |
    grep -v '^bench/sqlite_ceiling\.c$')
if grep -nE '#include <sqlite3\.h>|\bsqlite3_[a-z0-9_]+ *\(|#include "(store/sql/)?store_int\.h"' \
    $outside_sqlite; then
    echo "lint: SQLite outside src/store/sql/ (docs/store.md)" >&2
    status=1
fi
# the layers of docs/architecture.md, from the #include lines
bash scripts/layers.sh || status=1
exit $status
