# goldens.sh - sourced by the shell tests: compares their outputs with tests/golden/.
#
# compare_goldens LABEL GOLDEN_DIR MODE SKIP FILE...
#   Compares each FILE byte for byte (diff -u) with the file of the same name in GOLDEN_DIR;
#   with MODE "--update" copies it there instead (a changed golden file is reviewed with its
#   cause, style.md §8). SKIP is a |-separated list of name patterns that are not goldens
#   (e.g. "rerun.txt|petition-*"; "" for none). Prints "LABEL: all outputs match" and returns
#   0 when every file matches, 1 otherwise.
compare_goldens() {
    local label=$1 golden=$2 mode=$3 skip=$4 status=0 f name
    shift 4
    shopt -s extglob
    for f in "$@"; do
        name=$(basename "$f")
        if [ -n "$skip" ] && [[ $name == @($skip) ]]; then
            continue
        fi
        if [ "$mode" = "--update" ]; then
            cp "$f" "$golden/$name"
        elif ! diff -u "$golden/$name" "$f"; then
            status=1
        fi
    done
    [ "$status" -eq 0 ] && echo "$label: all outputs match"
    return $status
}
