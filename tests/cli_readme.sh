#!/usr/bin/env bash
# The README documents everything the binary knows: every report `thuno report` lists (a row
# `| \`NAME\`` of the report table, or NAME inside a row's first cell), every command of the
# usage (a `thuno ... COMMAND` line of the usage block), links every docs/*.md; and every
# policy/*.csv has its section in policy/README.md.
# usage: cli_readme.sh THUNO_BINARY
set -euo pipefail
thuno=$1
root=$(cd "$(dirname "$0")/.." && pwd)
readme=$root/README.md
bad=0
reports=$("$thuno" report nosuch 2>&1 >/dev/null | awk '/^  [a-z_]+ / {print $1}' || true)
[ "$(echo "$reports" | wc -l)" -ge 30 ] || { echo "readme: too few reports listed by thuno"; exit 1; }
for r in $reports; do
    # the first cell of a table row names the report: | `a`, `b` | ...
    awk -F'|' -v r="$r" 'NF > 2 && $2 ~ ("`" r "`") {found = 1} END {exit !found}' "$readme" ||
        { echo "readme: report $r is not in the report table"; bad=1; }
done
commands=$("$thuno" 2>&1 | awk '$1 == "thuno" && $2 != "[--db" {print $2}' | sort -u || true)
[ "$(echo "$commands" | wc -l)" -ge 10 ] || { echo "readme: too few commands in thuno's usage"; exit 1; }
for c in $commands; do
    grep -qE "^thuno( --db [^ ]+)? $c( |$)" "$readme" ||
        { echo "readme: command $c is not in the usage block"; bad=1; }
done
for d in "$root"/docs/*.md; do
    grep -qF "(docs/$(basename "$d"))" "$readme" ||
        { echo "readme: docs/$(basename "$d") is not linked"; bad=1; }
done
# every policy file has its section in policy/README.md
for f in "$root"/policy/*.csv; do
    grep -qE "^#+ $(basename "$f")\$" "$root/policy/README.md" ||
        { echo "readme: policy/$(basename "$f") has no section in policy/README.md"; bad=1; }
done
exit $bad
