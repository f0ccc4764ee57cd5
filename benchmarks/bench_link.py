"""Cost of corpus-level identity and near-duplicate detection relative to the corpus run they
are part of, on Reuters-21578 (issue 14: within +10%).

Runs ``Corpus.tables()`` (structure, entities, reading: all four tables) over the shared Reuters
stories on one thread in three settings, alternating: ``dedupe=False`` (the run before link and
dedupe existed), ``dedupe=True`` (signatures computed by the workers, then the grouping and the
``duplicate_of`` columns) and ``dedupe=True`` followed by :func:`dateline.link` over the whole
entities table. ``--entities`` times ``Corpus.entities()`` instead (``link=True`` for the third
setting): the entities table alone, a smaller run. Prints the CPU seconds of each (best of
``--repeat``), the ratios, and the cost of ``link`` alone on a freshly made entities table and of
``near_duplicates`` alone (signing the texts and grouping) on the same stories. (It replaces
``bench_dedupe.py``, which ran the first two settings.)

    python benchmarks/bench_link.py                 # needs ../shared/data/reuters21578
    python benchmarks/bench_link.py --limit 3000 --repeat 3
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
    ap.add_argument("--repeat", type=int, default=3, help="runs of each setting (the best counts)")
    ap.add_argument("--entities", action="store_true", help="time Corpus.entities() instead of tables()")
    args = ap.parse_args()
    stories = reuters_all()
    if args.limit:
        stories = stories[: args.limit]
    records = [{"id": str(s["id"]), "text": s["text"], "date": s["date"]} for s in stories]
    corpus = Corpus.from_records(records)
    words = sum(common.words(r["text"]) for r in records)
    settings = {"plain": dict(dedupe=False), "dedupe": dict(dedupe=True), "link+dedupe": dict(dedupe=True, link=True)}

    def run(dedupe: bool, link: bool = False):
        if args.entities:
            return corpus.entities(threads=1, progress=False, dedupe=dedupe, link=link)
        tables = corpus.tables(threads=1, progress=False, dedupe=dedupe)
        if link:
            tables["entities"] = dateline.link(tables["entities"])
        return tables

    best = {k: float("inf") for k in settings}
    runs: dict[str, list[float]] = {k: [] for k in settings}
    for _ in range(args.repeat):
        for name, kw in settings.items():
            _, seconds = timed(run, **kw)
            runs[name].append(seconds)
            best[name] = min(best[name], seconds)
    # Each time on a table just made, as in a run: a second call on the same table takes about
    # half as long (what the first call leaves behind), which is not what a user's run sees.
    link_alone = float("inf")
    for _ in range(args.repeat):
        plain = corpus.entities(threads=1, progress=False, dedupe=False)
        link_alone = min(link_alone, timed(dateline.link, plain)[1])
    print(f"Reuters-21578: {len(records):,} stories, {words:,} words, {len(plain):,} mentions; "
          f"one thread, CPU seconds, best of {args.repeat}")
    for name in settings:
        what = "entities" if args.entities else "tables"
        print(f"  {what}({', '.join(f'{k}={v}' for k, v in settings[name].items())}):  {best[name]:7.2f} s  "
              f"({words / best[name]:,.0f} words/s; runs {', '.join(f'{s:.2f}' for s in runs[name])})")
    cost = 100 * (best["link+dedupe"] / best["plain"] - 1)
    print(f"  dedupe costs {100 * (best['dedupe'] / best['plain'] - 1):+.1f}% of the run")
    print(f"  link + dedupe cost {cost:+.1f}% of the run (target: within +10%)")
    share = 100 * link_alone / best["plain"]
    print(f"  link alone on the entities table: {link_alone:.2f} s, {share:.1f}% of the run")
    import pandas as pd

    _, alone = timed(dateline.near_duplicates, pd.DataFrame(records), date="date", threads=1)
    print(f"  near_duplicates alone (sign + group): {alone:.2f} s, {100 * alone / best['plain']:.1f}% of the run")


if __name__ == "__main__":
    main()
