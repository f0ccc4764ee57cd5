#!/usr/bin/env bash
# Builds dateline's wheel for users without Rust: one abi3 wheel (CPython >= 3.10) tagged
# manylinux2014 (glibc >= 2.17: CentOS 7, Debian 9, Ubuntu 16.04 and every later distribution).
#
# No Docker: maturin links with zig (`--zig`, the `ziglang` pip package) against glibc 2.17's symbol
# versions, so the wheel is manylinux2014 however new this machine's glibc is. `auditwheel show`
# then checks the tag (it lists the shared libraries and symbol versions the extension needs).
#
#   tools/build_wheel.sh [OUT_DIR]        # default dist/; needs: pip install "dateline[wheel]"
#
# The wheel holds the Python package (python/dateline), the compiled extension with the models and
# data compiled in (dateline/_native.abi3.so), the type stubs and py.typed: nothing is downloaded at
# run time. Its build uses its own cargo target folder (target/wheel), so it does not throw away the
# development build's artifacts.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-dist}
py=${PYTHON:-python}
if "$py" -m maturin --version >/dev/null 2>&1; then
    maturin=("$py" -m maturin)
elif command -v maturin >/dev/null 2>&1; then
    maturin=(maturin)
else
    maturin=()
fi
if [ ${#maturin[@]} -eq 0 ] || ! "$py" -m ziglang version >/dev/null 2>&1; then
    echo "build_wheel.sh: needs maturin and ziglang for $py: pip install \"dateline[wheel]\"" >&2
    exit 2
fi
# maturin runs zig as `python -m ziglang` with the python first on PATH: make that this one.
export PATH="$(dirname "$("$py" -c 'import sys; print(sys.executable)')"):$PATH"
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target/wheel}
rm -f "$out"/dateline-*.whl
start=$(date +%s)
"${maturin[@]}" build --release --zig --compatibility manylinux2014 --out "$out"
wheel=$(ls "$out"/dateline-*.whl)
"$py" -m auditwheel show "$wheel"
echo "build_wheel.sh: $wheel, $(du -k "$wheel" | cut -f1) KiB, built in $(( $(date +%s) - start )) s"
