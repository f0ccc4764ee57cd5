"""Structure + sentences + tokens (entity stages off) over every shared Reuters-21578 story with a
dateline, on one thread, through the Python API: MB/s and stories/s.

    python benchmarks/bench_parse.py [--repeat 3] [--limit N]
"""
from __future__ import annotations

import argparse

from common import dateline, peak_rss_mb, reuters_stories, timed, words


def run(stories, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        def once():
            for s in stories:
                dateline.parse(s["text"], date=s["date"], entities=False)

        _, secs = timed(once)
        best = min(best, secs)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=3, help="runs; the best is reported (3)")
    ap.add_argument("--limit", type=int, default=0, help="first N stories only")
    args = ap.parse_args()
    stories = reuters_stories(args.limit)
    mb = sum(len(s["text"].encode("utf-8")) for s in stories) / 1e6
    n_words = sum(words(s["text"]) for s in stories)
    run(stories[:200], 1)  # warm-up
    secs = run(stories, args.repeat)
    tokens = sum(len(dateline.parse(s["text"], date=s["date"], entities=False).tokens) for s in stories[:500])
    print(f"dateline {dateline.__version__}: parse + sentences + tokens, one thread, best of {args.repeat}")
    print(f"  stories : {len(stories):,} Reuters-21578 stories with a dateline ({mb:.1f} MB, {n_words:,} words)")
    print(f"  time    : {secs:.3f} s CPU (one thread)")
    print(f"  speed   : {mb / secs:.1f} MB/s, {len(stories) / secs:,.0f} stories/s, {n_words / secs:,.0f} words/s")
    print(f"  tokens  : {tokens:,} in the first 500 stories")
    print(f"  peak RSS: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
