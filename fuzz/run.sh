#!/usr/bin/env bash
# Builds the fuzz targets and runs each for a while, starting from the seeds in seeds/<target>/.
#
#   fuzz/run.sh [SECONDS] [TARGET...]      (default: 60 seconds each, every target)
#   nice -n 19 fuzz/run.sh 3600 parse      (an hour on the full pipeline, behind other work)
#
# Installs cargo-fuzz from crates.io when it is missing. It needs nightly-only compiler flags;
# on a stable toolchain RUSTC_BOOTSTRAP=1 lets it use them (set here, for this script only).
# The growing corpus goes to corpus/<target>/, crash inputs to artifacts/<target>/, logs to
# logs/<target>.log; none of these are committed.
set -euo pipefail
cd "$(dirname "$0")"

SECONDS_EACH="${1:-60}"
shift || true
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then
    TARGETS=(structure time parse corpus)
fi
# FUZZ_KEEP_GOING=1: fork mode, so a crash is saved and fuzzing goes on (for long runs while a
# known crash is not yet fixed); libFuzzer then prints its stats from the parent process.
KEEP_GOING=()
if [ "${FUZZ_KEEP_GOING:-0}" = 1 ]; then
    KEEP_GOING=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
fi
# No sanitizer by default: the core is safe Rust, so AddressSanitizer finds little and halves the speed.
SANITIZER="${FUZZ_SANITIZER:-none}"

if ! cargo fuzz --version >/dev/null 2>&1; then
    cargo install cargo-fuzz --locked
fi
export RUSTC_BOOTSTRAP=1

# -a: debug assertions and overflow checks on, so a bad span or index fails where it is made.
cargo fuzz build -a --sanitizer "$SANITIZER"

mkdir -p logs
for t in "${TARGETS[@]}"; do
    mkdir -p "corpus/$t" "artifacts/$t"
    max_len=4096
    [ "$t" = time ] && max_len=256
    echo "== $t: ${SECONDS_EACH}s ($(date -u +%H:%M:%S))"
    status=0
    # A story that takes over 10 s or 2 GB is a bug too (a hang or a blow-up), not a slow input.
    # (FUZZ_TIMEOUT raises the limit for niced runs on a busy machine, where wall time is not CPU time.)
    cargo fuzz run -a --sanitizer "$SANITIZER" "$t" "corpus/$t" "seeds/$t" -- \
        -max_total_time="$SECONDS_EACH" -max_len="$max_len" -timeout="${FUZZ_TIMEOUT:-10}" -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="artifacts/$t/" "${KEEP_GOING[@]}" >"logs/$t.log" 2>&1 || status=$?
    grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)|^stat::number_of_executed_units|^stat::peak_rss_mb|^SUMMARY|panicked at' \
        "logs/$t.log" || true
    grep -E '^#[0-9]+: cov:' "logs/$t.log" | tail -1 || true
    if [ $status -ne 0 ]; then
        echo "   $t FAILED (exit $status); the input is in artifacts/$t/, the log in logs/$t.log"
    fi
done
