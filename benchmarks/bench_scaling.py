"""Scaling on pathological input: each family at 1x and 8x through the full pipeline (reading on),
one thread, each case in its own subprocess (so its peak RSS is its own), with a timeout.

    python benchmarks/bench_scaling.py [--base-kb KB] [--timeout 120] [--big-mb 20] [--only NAME]

Prints CPU time (the best of at least three parses in one process) and peak RSS per case, the 8x/1x time
ratio, and the time of one story made of distinct Reuters stories joined (--big-mb).
Targets: ratio <= 10, RSS < 20x input + 300 MB, the big joined story < 30 s.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _repeat(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit.encode("utf-8")))


def family_text(name: str, size: int) -> str:
    """About `size` bytes of the named pathological family."""
    if name == "quote_marks":
        return _repeat('x "', size)
    if name == "nested_quotes":
        return _repeat("\"a \u201cb \u2018c ", size)
    if name == "capitalised_runs":
        return _repeat("Alpha Beta Gamma Delta Epsilon Zeta ", size)
    if name == "said_sentences":
        return _repeat('"It is fine," said John Smith. ', size)
    if name == "no_spaces_line":
        # Hyphens and full stops, no space: one word of the whole line.
        return _repeat("news-wire.", size)
    if name == "names_and_meetings":
        return _repeat("Kim met Park, Lee, Choi, and Moon. ", size)
    if name == "time_words":
        return _repeat("last week, next month, two days ago, ", size)
    if name == "long_tokens":
        return _repeat("a" * 5000 + " ", size)
    if name == "deep_brackets":
        half = size // 4
        return "(" * half + "x " * half + ")" * half
    if name == "ticker_headlines":
        # Capitals lines of companies and tickers, as Reuters headlines run (entities/refine/tickers.rs).
        return _repeat("ACME WIDGET CORP <ACW> AND BETA LTD <BT> SET PACT. HARTLEY TOOL LTD SAYS\n\n", size)
    if name == "reuters_joined":
        return reuters_text(size)
    raise SystemExit(f"unknown family {name}")


FAMILIES = [
    "quote_marks",
    "nested_quotes",
    "capitalised_runs",
    "said_sentences",
    "names_and_meetings",
    "time_words",
    "no_spaces_line",
    "long_tokens",
    "deep_brackets",
    "ticker_headlines",
    "reuters_joined",
]


def reuters_text(size: int) -> str:
    """Distinct Reuters stories (their bodies) joined into one story of about `size` bytes."""
    sys.path.insert(0, str(HERE))
    from common import reuters_stories

    parts, total = [], 0
    for s in reuters_stories():
        parts.append(s["text"])
        total += len(s["text"]) + 2
        if total >= size:
            break
    text = "\n\n".join(parts)
    while len(text) < size:  # fewer stories than asked for: repeat them (no longer distinct)
        text = text + "\n\n" + text
    return text[:size]


REPEAT = 3
MIN_SECONDS = 1.0  # small cases repeat until this much time is spent, so the minimum is not timer noise
MAX_REPEAT = 50
# The issue lets each family pick its 1x between 100 KB and 1 MB. The joined Reuters story runs at
# 1 MB: at 250 KB its whole working set stays in the CPU cache and the 1x time is flattered (the
# 250 KB -> 2 MB ratio measured 9.2-12.1 while 1 -> 8 MB is 8.8 and 8 -> 20 MB is 1.0 per unit size).
# The token-dense families stay at 250 KB, where the RSS bound (20x input + 300 MB) is meaningful.
DEFAULT_BASE_KB = 250
FAMILY_BASE_KB = {"reuters_joined": 1000}


def child(name: str, size: int) -> None:
    """Runs one case in this process and prints a JSON line: seconds, peak RSS (MB), input bytes."""
    sys.path.insert(0, str(HERE))
    import resource

    from common import dateline, timed

    text = family_text(name, size)
    dateline.parse("Warm-up: the model loads on first use.")  # not part of the case's time
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # The best of several: a worker parses story after story, so the steady state is what counts,
    # not the first touch of fresh pages (at these sizes most of a cold run is the kernel zeroing them).
    secs, spent, runs = float("inf"), 0.0, 0
    while runs < REPEAT or (spent < MIN_SECONDS and runs < MAX_REPEAT):
        art, t = timed(dateline.parse, text, date="1987-03-02")
        del art
        secs, spent, runs = min(secs, t), spent + t, runs + 1
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"secs": secs, "rss": rss, "rss_before": rss0, "bytes": len(text.encode("utf-8"))}))


def run_case(name: str, size: int, timeout: float) -> dict | None:
    try:
        out = subprocess.run(
            [sys.executable, __file__, "--child", name, str(size)],
            capture_output=True, text=True, timeout=timeout, check=True,
        )
    except subprocess.TimeoutExpired:
        return None
    return json.loads(out.stdout.strip().splitlines()[-1])


def fmt(r: dict | None, timeout: float) -> str:
    return f"> {timeout:.0f} s" if r is None else f"{r['secs']:8.3f} s {r['rss']:7.0f} MB"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base-kb", type=int, default=None,
                    help=f"1x size in KB for every family (default {DEFAULT_BASE_KB}, the joined story 1000)")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds per case (120)")
    ap.add_argument("--big-mb", type=float, default=20.0, help="joined Reuters story in MB (20; 0 skips)")
    ap.add_argument("--only", action="append", help="run only this family (repeatable)")
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]))
        return
    print(f"full pipeline, one thread; 8x = eight times the 1x size; timeout {args.timeout:.0f} s")
    print(f"{'family':18} {'1x':>7} {'1x time / RSS':>22} {'8x time / RSS':>22} {'ratio':>7} {'RSS ok':>6}")
    for name in args.only or FAMILIES:
        base_kb = args.base_kb if args.base_kb is not None else FAMILY_BASE_KB.get(name, DEFAULT_BASE_KB)
        base = base_kb * 1000
        r1 = run_case(name, base, args.timeout)
        r8 = run_case(name, 8 * base, args.timeout)
        ratio = "-" if r1 is None or r8 is None else f"{r8['secs'] / max(r1['secs'], 1e-3):6.1f}"
        rss_ok = "-" if r8 is None else ("yes" if r8["rss"] < 20 * r8["bytes"] / 1e6 + 300 else "NO")
        cells = f"{fmt(r1, args.timeout):>22} {fmt(r8, args.timeout):>22} {ratio:>7} {rss_ok:>6}"
        print(f"{name:18} {base_kb:>4} KB {cells}", flush=True)
    if args.big_mb and not args.only:
        size = int(args.big_mb * 1e6)
        r = run_case("reuters_joined", size, args.timeout)
        print(f"joined Reuters story, {args.big_mb:g} MB: {fmt(r, args.timeout)}")


if __name__ == "__main__":
    main()
