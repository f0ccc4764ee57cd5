"""dateline.dask against Corpus on one machine: the overhead of the Dask path and the 1 -> 2 worker
speed-up.

Every Reuters-21578 story, ``--copies`` times over, in one JSON Lines file (about 12.5 MB a copy;
3 copies are >= 30 s of one core). In one process, in turn, best of ``--repeat``:

- ``Corpus.from_jsonl(path).entities(threads=1)``: the single-machine run on one core;
- ``dateline.dask.entities(path).compute()`` on ``LocalCluster(n_workers=1, threads_per_worker=1,
  processes=True)``: the same work through Dask (byte ranges of ``--blocksize``, worker processes,
  results sent back to the client and joined into one DataFrame);
- the same on ``n_workers=2``;

and prints the Dask overhead (1 worker against Corpus at 1 thread), the 2-worker speed-up, and
where a Dask run's time goes (the task stream: analysis, conversion, transfers; the rest is the
scheduler and the client). The clusters are started before the clock and the model is preloaded on
their workers (``dateline.dask.Preload``), as on a real cluster whose workers outlive one
computation; the Corpus runs are timed after a warm-up run. The output is checked against Corpus.

    python benchmarks/bench_dask.py [--copies 3] [--repeat 2] [--blocksize 4194304]
"""
from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_serial import write_reuters_jsonl  # noqa: E402

import dateline.dask as ddl  # noqa: E402
from dateline import Corpus  # noqa: E402


def timed(fn):
    t0 = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t0


def dask_run(client, path: str, blocksize: int):
    from distributed import get_task_stream

    with get_task_stream(client) as ts:
        out, wall = timed(lambda: ddl.entities(path, blocksize=blocksize).compute())
    spent: dict[str, float] = {}
    for task in ts.data:
        prefix = task["key"][0] if isinstance(task["key"], tuple) else task["key"]
        kind = "analysis" if "run" in str(prefix) else "other tasks"
        for ss in task["startstops"]:
            what = kind if ss["action"] == "compute" else ss["action"]
            spent[what] = spent.get(what, 0.0) + ss["stop"] - ss["start"]
    return out, wall, spent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--copies", type=int, default=3)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--blocksize", type=int, default=ddl.DEFAULT_BLOCKSIZE)
    args = ap.parse_args()
    logging.getLogger("distributed").setLevel(logging.WARNING)
    from distributed import Client, LocalCluster

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "reuters.jsonl"
        n = write_reuters_jsonl(path, args.copies)
        size = path.stat().st_size
        print(f"{n:,} stories ({size / 1e6:.1f} MB JSONL, {-(-size // args.blocksize)} partitions of "
              f"{args.blocksize / 2**20:.1f} MiB), {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} "
              f"at start; best of {args.repeat}")
        corpus = Corpus.from_jsonl(path)
        corpus.articles(threads=1, progress=False, entities=False)  # warm: files cached, model loaded
        clusters = {}
        for workers in (1, 2):
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster, set_as_default=False)
            client.register_plugin(ddl.Preload())
            clusters[workers] = (cluster, client)
        best: dict[str, float] = {}
        spent_best: dict[int, dict[str, float]] = {}
        want = None
        try:
            for r in range(args.repeat):
                ref, t = timed(lambda: corpus.entities(threads=1, progress=False))
                best["corpus"] = min(best.get("corpus", t), t)
                want = ref if want is None else want
                for workers in (1, 2):
                    client = clusters[workers][1]
                    with client.as_current():
                        got, t, spent = dask_run(client, str(path), args.blocksize)
                    pd.testing.assert_frame_equal(got.reset_index(drop=True), want)
                    key = f"dask{workers}"
                    if t < best.get(key, float("inf")):
                        best[key] = t
                        spent_best[workers] = dict(spent, wall=t)
                print(f"  run {r + 1}: corpus {best['corpus']:.1f} s, 1 worker {best['dask1']:.1f} s, "
                      f"2 workers {best['dask2']:.1f} s (best so far)", flush=True)
        finally:
            for cluster, client in clusters.values():
                client.close()
                cluster.close()
        print(f"\nCorpus.entities(threads=1)          {best['corpus']:7.2f} s  ({len(want):,} rows)")
        print(f"dateline.dask.entities, 1 worker    {best['dask1']:7.2f} s  overhead "
              f"{100 * (best['dask1'] / best['corpus'] - 1):+.1f}% (target <= 15%)")
        print(f"dateline.dask.entities, 2 workers   {best['dask2']:7.2f} s  speed-up "
              f"{best['dask1'] / best['dask2']:.2f}x (target >= 1.7x)")
        for workers, spent in spent_best.items():
            wall = spent.pop("wall")
            parts = ", ".join(f"{k} {v:.2f} s" for k, v in sorted(spent.items()))
            print(f"  {workers} worker(s), {wall:.2f} s wall: task time {parts}")
        print("tables identical to Corpus: yes")


if __name__ == "__main__":
    main()
