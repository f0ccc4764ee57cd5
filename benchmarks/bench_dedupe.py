"""Cost of near-duplicate detection relative to the corpus run it is part of, on Reuters-21578.

Runs ``Corpus.tables()`` (structure, entities, reading; all four tables) over the shared Reuters
stories with ``dedupe=False`` and ``dedupe=True`` (signatures computed by the workers, then the
grouping and the ``duplicate_of`` columns), alternating, on one thread, and prints the CPU seconds of
each (best of ``--repeat``) and the ratio. Also prints the cost of ``near_duplicates`` alone (signing
the texts and grouping) on the same stories.

    python benchmarks/bench_dedupe.py                 # needs ../shared/data/reuters21578
    python benchmarks/bench_dedupe.py --limit 3000 --repeat 3
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402
from common import reuters_all, timed  # noqa: E402

import dateline  # noqa: E402
from dateline import Corpus  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=0, help="use only the first N stories (default: all)")
    ap.add_argument("--repeat", type=int, default=2, help="runs of each setting (the best counts)")
    args = ap.parse_args()
    import pandas as pd

    stories = reuters_all()
    if args.limit:
        stories = stories[: args.limit]
    records = [{"id": str(s["id"]), "text": s["text"], "date": s["date"]} for s in stories]
    corpus = Corpus.from_records(records)
    words = sum(common.words(r["text"]) for r in records)
    best = {False: float("inf"), True: float("inf")}
    for _ in range(args.repeat):
        for dedupe in (False, True):
            tables, seconds = timed(corpus.tables, threads=1, progress=False, dedupe=dedupe)
            best[dedupe] = min(best[dedupe], seconds)
    marked = int(tables["articles"]["duplicate_of"].notna().sum())
    print(f"Reuters-21578: {len(records):,} stories, {words:,} words; one thread, CPU seconds, best of {args.repeat}")
    print(f"  tables(dedupe=False)  {best[False]:7.2f} s  ({len(records) / best[False]:,.0f} stories/s)")
    print(f"  tables(dedupe=True)   {best[True]:7.2f} s  ({len(records) / best[True]:,.0f} stories/s); "
          f"{marked:,} stories marked duplicate_of")
    print(f"  dedupe costs {100 * (best[True] / best[False] - 1):+.1f}% of the run (target: within +10%)")
    frame = pd.DataFrame(records)
    _, alone = timed(dateline.near_duplicates, frame, date="date", threads=1)
    print(f"  near_duplicates alone (sign + group): {alone:.2f} s, {100 * alone / best[False]:.1f}% of the run")


if __name__ == "__main__":
    main()
