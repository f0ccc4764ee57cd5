"""Regenerates the example output in README.md from real runs, so it cannot go stale.

An example is a ```python block followed by a line starting "Output (" and a ```text block. The
script runs each python block in a fresh interpreter (in a temporary folder) and writes what it
printed into the text block below it, and the dateline version into the "Output (...)" line.

    python tools/readme_examples.py           # rewrite README.md
    python tools/readme_examples.py --check   # exit 1, with a diff, when README.md is not current

tests/test_readme.py runs ``--check``, so CI fails when the README's output is not what the code
prints.
"""
from __future__ import annotations

import argparse
import difflib
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"

# A python block, the "Output (...)" line after it, and the text block holding its output.
EXAMPLE = re.compile(
    r"(?P<code>```python\n(?P<src>.*?)```\n\n)(?P<head>Output \([^\n]*?\):)(?P<gap>\n\n)```text\n(?P<out>.*?)```",
    re.S,
)


def run(src: str) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        done = subprocess.run([sys.executable, "-c", src], cwd=tmp, capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        raise SystemExit(f"an example in README.md failed:\n{src}\n{done.stderr}")
    return done.stdout


def regenerate(text: str) -> str:
    import dateline

    head = f"Output (dateline {dateline.__version__}, as run for this README by tools/readme_examples.py):"

    def one(m: re.Match) -> str:
        return f"{m['code']}{head}{m['gap']}```text\n{run(m['src'])}```"

    out, n = EXAMPLE.subn(one, text)
    if n == 0:
        raise SystemExit("README.md has no example (a ```python block, an 'Output (' line, a ```text block)")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare, do not write; exit 1 when README.md differs")
    args = ap.parse_args(argv)
    old = README.read_text(encoding="utf-8")
    new = regenerate(old)
    if args.check:
        if new != old:
            sys.stdout.writelines(difflib.unified_diff(old.splitlines(True), new.splitlines(True),
                                                       "README.md", "README.md (as the code runs now)"))
            print("README.md's example output is stale: run python tools/readme_examples.py", file=sys.stderr)
            return 1
        return 0
    if new != old:
        README.write_text(new, encoding="utf-8")
        print("README.md: example output regenerated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
