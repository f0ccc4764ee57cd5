"""Serial fraction of a corpus run, and the speed-up it allows on 16 cores (Amdahl).

Runs ``Corpus.from_jsonl(...).entities(threads=2)`` (and ``.tables()``) over every Reuters-21578
story (written once to a temporary JSON Lines file), as DataFrames and with ``to="arrow"``. For each
run it takes the wall time and the time the engine spent in its parallel section (analysis and
joining of the tables on the worker pool; ``_native.corpus_parallel_seconds``); the rest is serial
(reading that does not overlap the workers, Arrow and pandas assembly, Python steps):

    serial fraction s = (wall - parallel) / wall          at 2 threads
    projected speed-up on N cores = (S + 2 P) / (S + 2 P / N)   with S, P the serial and parallel seconds

(the 1-thread time is taken as S + 2 P, the ideal for the parallel part; the 16-core figure is a
projection, not a measurement). Also checks that the tables at 1 and 2 threads are identical, and
that the Arrow tables equal the DataFrames. Each figure is the best of ``--repeat`` runs (the
machine may be shared; the best run is the least disturbed one).

    python benchmarks/bench_serial.py [--repeat 3] [--copies 1] [--threads 2]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import shared_dir  # noqa: E402

from dateline import Corpus, _native  # noqa: E402


def write_reuters_jsonl(path: Path, copies: int = 1) -> int:
    """Every Reuters-21578 story with text, as {id, text, date} lines, ``copies`` times over."""
    shared = shared_dir()
    if shared is None:
        sys.exit("needs the shared data: ../shared/data/reuters21578 (or $DATELINE_SHARED)")
    stories = [s for s in _native.load_reuters(str(shared / "data" / "reuters21578")) if s["text"].strip()]
    n = 0
    with open(path, "w", encoding="utf-8") as f:
        for k in range(copies):
            for s in stories:
                f.write(json.dumps({"id": f"{s['id']}" if k == 0 else f"{s['id']}-{k}", "text": s["text"],
                                    "date": s["date"]}) + "\n")
                n += 1
    return n


def one_run(corpus: Corpus, method: str, threads: int, to: str):
    _native.corpus_parallel_seconds(reset=True)
    t0 = time.perf_counter()
    out = getattr(corpus, method)(threads=threads, progress=False, to=to)
    wall = time.perf_counter() - t0
    par = min(_native.corpus_parallel_seconds(), wall)
    return out, wall, par


def projected(serial: float, par: float, threads: int, cores: int) -> float:
    one = serial + threads * par
    return one / (serial + threads * par / cores)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--copies", type=int, default=1, help="the stories this many times over")
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "reuters.jsonl"
        n = write_reuters_jsonl(path, args.copies)
        corpus = Corpus.from_jsonl(path)
        print(f"{n:,} Reuters-21578 stories ({path.stat().st_size / 1e6:.1f} MB JSONL), {os.cpu_count()} cores "
              f"seen, load average {os.getloadavg()[0]:.1f} at start; best of {args.repeat}")
        corpus.articles(threads=args.threads, progress=False)  # model loaded, caches warm
        one = corpus.entities(threads=1, progress=False)
        print(f"{'run':34s} {'wall s':>8s} {'parallel s':>10s} {'serial s':>9s} {'serial %':>9s} "
              f"{'16-core x':>9s}")
        worst = 0.0
        for method in ("entities", "tables"):
            for to in ("pandas", "arrow"):
                best = None
                for _ in range(args.repeat):
                    out, wall, par = one_run(corpus, method, args.threads, to)
                    serial = wall - par
                    if best is None or serial / wall < best[2] / best[0]:
                        best = (wall, par, serial)
                    if method == "entities":
                        got = out if to == "pandas" else out.to_pandas()
                        pd.testing.assert_frame_equal(got, one)
                wall, par, serial = best
                frac = serial / wall
                worst = max(worst, frac)
                print(f"{method + '(to=' + repr(to) + ')':34s} {wall:8.2f} {par:10.2f} {serial:9.3f} "
                      f"{100 * frac:8.2f}% {projected(serial, par, args.threads, 16):8.1f}x")
        print(f"identical entities at 1 and {args.threads} threads, pandas and arrow: yes ({len(one):,} rows)")
        print(f"largest serial fraction: {100 * worst:.2f}% (target <= 3%)")


if __name__ == "__main__":
    main()
