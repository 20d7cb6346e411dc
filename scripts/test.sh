#!/usr/bin/env bash
# Installs the dependencies, then builds thuno three ways and runs every test:
#   1. debug build, -Werror, all tests;
#   2. the same tests under AddressSanitizer + UndefinedBehaviorSanitizer;
#   3. an -O2 release build (some warnings, e.g. format truncation, only appear there);
#   3b. every test of the ASan build again with its stores on PostgreSQL (scripts/pg.sh);
#   4. a short libFuzzer run of every fuzz target (scripts/fuzz.sh), a 30 s soak of the API
#      under ASan (bench/soak.sh), and a smoke run of the benchmark harness.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
bash scripts/lint.sh

passed=0
failed=0
# tally NAME LOG: adds the meson test summary in LOG to the counts (the whole log when
# something failed or nothing ran)
tally() {
    local name=$1 log=$2 ok fail
    grep -E '^(Ok|Fail|Expected Fail|Unexpected Pass|Skipped|Timeout):' "$log" | sed "s/^/[$name] /"
    ok=$(awk '/^Ok:/ {print $2}' "$log")
    fail=$(awk '/^(Fail|Timeout|Unexpected Pass):/ {s += $NF} END {print s + 0}' "$log")
    passed=$((passed + ${ok:-0}))
    failed=$((failed + fail))
    if [ "$fail" -ne 0 ] || [ -z "$ok" ]; then
        cat "$log"
        failed=$((failed + (${ok:-0} == 0 ? 1 : 0)))
    fi
}
run_suite() { # name, meson setup args...
    local name=$1
    shift
    local dir=build/ci-$name
    if [ -d "$dir" ]; then
        meson setup --reconfigure "$dir" "$@" >/dev/null
    else
        meson setup "$dir" "$@" >/dev/null
    fi
    ninja -C "$dir" >/dev/null
    local log=$dir/test-summary.txt
    if meson test -C "$dir" --print-errorlogs --num-processes 2 >"$log" 2>&1; then :; fi
    tally "$name" "$log"
}

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp:print_suppressions=0
run_suite debug --buildtype=debug -Dwerror=true
run_suite asan --buildtype=debug -Dwerror=true -Db_sanitize=address,undefined -Db_lundef=false
run_suite release --buildtype=release -Dwerror=true
# every test again on PostgreSQL (docs/store.md "Engines"): a throwaway server of Debian's
# PostgreSQL 15 on a Unix socket (scripts/pg.sh), each test's store a new database of it
# (tests/db.sh), the conformance suite on its own; under ASan + UBSan, so that the driver's
# libpq side is checked as the rest
run_pg_suite() {
    local dir=build/ci-asan log=build/ci-asan/test-summary-pg.txt srv
    srv=$(mktemp -d /tmp/thuno-pg.XXXXXX)
    bash scripts/pg.sh start "$srv" >/dev/null
    # batches of 50 rows: the small provinces of the tests cross the close's FETCH batches
    THUNO_PG_FETCH_ROWS=50 THUNO_TEST_PG=$srv \
        THUNO_STORE_URL=$(bash scripts/pg.sh newdb "$srv" store_suite) \
        meson test -C "$dir" --print-errorlogs --num-processes 2 >"$log" 2>&1 || true
    bash scripts/pg.sh stop "$srv"
    tally pg "$log"
}
run_pg_suite
# every fuzz target for a short run (libFuzzer, clang; docs/reliability.md)
if bash scripts/fuzz.sh "${FUZZ_SECONDS:-10}" >build/ci-fuzz.txt 2>&1; then
    grep '^\[fuzz\]' build/ci-fuzz.txt
    passed=$((passed + 1))
else
    cat build/ci-fuzz.txt
    failed=$((failed + 1))
fi
# the soak's short form under ASan: readers beside imports and closes, no error, no leak
# (bench/soak.sh; docs/reliability.md "Load and soak")
if DURATION=30 SLICE=5 BUILD=build/ci-asan SOAK_OUT="$(mktemp)" bash bench/soak.sh 300 \
    >build/ci-soak.txt 2>&1; then
    echo "[soak] $(tail -1 build/ci-soak.txt)"
    passed=$((passed + 1))
else
    cat build/ci-soak.txt
    failed=$((failed + 1))
fi
# the benchmark harness at a tiny size, so that it cannot rot (figures: docs/performance.md)
if BENCH_BUILD=build/ci-release BENCH_OUT="$(mktemp)" BENCH_PEERS_OUT="$(mktemp)" bash bench/run.sh >build/ci-bench.txt 2>&1; then
    echo "[bench] smoke run ok"
    passed=$((passed + 1))
else
    cat build/ci-bench.txt
    failed=$((failed + 1))
fi
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
