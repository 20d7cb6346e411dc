#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang (ASan + UBSan) and runs each for
# SECONDS (default 10; CI's short run), starting from its corpus in tests/fuzz/corpus/<target>.
# New inputs go to build/fuzz/corpus/<target> (not committed); a crash, leak or timeout stops
# the run, leaves its input in build/fuzz/artifacts/ and fails. To keep a crash as a regression
# test, fix it and copy its input into the target's corpus (docs/reliability.md).
# usage: scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
shift || true
dir=build/fuzz
if [ ! -d "$dir" ]; then
    CC=clang meson setup "$dir" -Dfuzz=true -Dtests=true -Db_sanitize=address,undefined \
        -Db_lundef=false --buildtype=debug >/dev/null
fi
targets=("$@")
[ "${#targets[@]}" -gt 0 ] || targets=(memo parse csv import policy api)
ninja -C "$dir" $(printf 'tests/fuzz/fuzz_%s ' "${targets[@]}") >/dev/null
mkdir -p "$dir/artifacts"
export THUNO_POLICY=$PWD/policy
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
status=0
for t in "${targets[@]}"; do
    mkdir -p "$dir/corpus/$t"
    if "$dir/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -max_len=65536 -artifact_prefix="$dir/artifacts/$t-" -print_final_stats=1 \
        "$dir/corpus/$t" "tests/fuzz/corpus/$t" >"$dir/fuzz_$t.log" 2>&1; then
        echo "[fuzz] $t: $(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$dir/fuzz_$t.log" | grep -o '[0-9]*$') runs in ${seconds} s, no crash"
    else
        echo "[fuzz] $t: FAILED (input in $dir/artifacts/)"
        tail -40 "$dir/fuzz_$t.log"
        status=1
    fi
done
exit $status
