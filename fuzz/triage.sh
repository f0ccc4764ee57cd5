#!/usr/bin/env bash
# Groups the crash inputs in artifacts/<target>/ by where they panicked: one line per place, with
# a count and the smallest input, to shrink with `cargo fuzz tmin` and turn into a test.
#
#   fuzz/triage.sh [TARGET...]
set -uo pipefail
cd "$(dirname "$0")"
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(structure time parse corpus)
for t in "${TARGETS[@]}"; do
    bin="target/x86_64-unknown-linux-gnu/release/$t"
    [ -x "$bin" ] || { echo "$t: not built (run fuzz/run.sh)"; continue; }
    shopt -s nullglob
    files=(artifacts/"$t"/crash-* artifacts/"$t"/timeout-* artifacts/"$t"/oom-*)
    echo "== $t: ${#files[@]} inputs"
    for f in "${files[@]}"; do
        where=$("$bin" -runs=1 "$f" 2>&1 | grep -a -m1 -o 'panicked at [^ ]*')
        printf '%s\t%s\t%s\n' "${where:-no panic (timeout or oom?)}" "$(stat -c %s "$f")" "$f"
    done | sort -t$'\t' -k1,1 -k2,2n | awk -F'\t' '
        $1 != last { if (last != "") printf "%5d  %s\n       smallest: %s\n", n, last, small; last = $1; n = 0; small = $3 }
        { n++ }
        END { if (last != "") printf "%5d  %s\n       smallest: %s\n", n, last, small }'
done
