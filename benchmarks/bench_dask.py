"""dateline.dask against Corpus on one machine: the overhead of the Dask path and the 1 -> 2 worker
speed-up.

Every Reuters-21578 story, ``--copies`` times over, in one JSON Lines file (about 12.5 MB a copy;
12 copies are >= 30 s of one core). In one process, in turn, best of ``--repeat``:

- ``Corpus.from_jsonl(path).entities(threads=1)``: the single-machine run on one core;
- ``dateline.dask.entities(path).compute()`` on ``LocalCluster(n_workers=1, threads_per_worker=1,
  processes=True)``: the same work through Dask (byte ranges of ``--blocksize``, worker processes,
  results sent back to the client and joined into one DataFrame);
- the same on ``n_workers=2``;

and ``Corpus.entities(threads=2)``, the peer of the 2-worker run on the same machine.

``--sink parquet`` (the default) times what a Dask job at scale does instead of collecting one big
DataFrame on the client: ``Corpus.to_parquet(out, threads=k)`` against
``dateline.dask.to_parquet(path, out)`` (all four tables, zstd, the workers writing their parts and
sending back only counts, then the reduce step that fills ``duplicate_of``); the tables read back
from both are compared once. ``--sink client`` is the ``.compute()`` above: it adds joining the
partitions on a worker and sending 3.5 million rows to the client process, which ``Corpus`` never
does and which no worker count speeds up. Prints the wall
and CPU seconds of each run, the CPU by process (client, scheduler, workers: where a Dask run's
time goes), the Dask overhead (1 worker against Corpus at 1 thread; wall and CPU, the CPU figure
being the one a loaded machine does not disturb), and the 2-worker speed-up next to Corpus's own
2-thread speed-up in the same run. The clusters are started before the clock and the model is preloaded on
their workers (``dateline.dask.Preload``), as on a real cluster whose workers outlive one
computation; the Corpus runs are timed after a warm-up run. The output is checked against Corpus.

    python benchmarks/bench_dask.py [--copies 12] [--repeat 3] [--blocksize 4194304] [--sink client]
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


def _cpu() -> float:
    import psutil

    t = psutil.Process().cpu_times()
    return t.user + t.system


def _pid() -> int:
    return os.getpid()


def cluster_cpu(client) -> dict[str, float]:
    """CPU seconds used so far by each worker process, and by the scheduler when it is a process of
    its own (a LocalCluster runs it in the client's process, whose CPU is counted as the client's)."""
    out = {f"worker {k}": v for k, v in enumerate(client.run(_cpu).values())}
    if client.run_on_scheduler(_pid) != os.getpid():
        out["scheduler"] = client.run_on_scheduler(_cpu)
    return out


def corpus_run(corpus: Corpus, threads: int, out_dir: Path | None):
    c0 = time.process_time()
    if out_dir is None:
        out, wall = timed(lambda: corpus.entities(threads=threads, progress=False))
    else:
        summary, wall = timed(lambda: corpus.to_parquet(out_dir, threads=threads, progress=False, overwrite=True))
        out = (summary.stories, summary.errors, summary.entities, summary.quotes, summary.events)
    return out, wall, {"client": time.process_time() - c0}


def dask_run(client, path: str, blocksize: int, out_dir: Path | None):
    """One run: the DataFrame (or the counts written), its wall time and the CPU seconds of every
    process taking part."""
    before = cluster_cpu(client)
    c0 = time.process_time()
    if out_dir is None:
        out, wall = timed(lambda: ddl.entities(path, blocksize=blocksize).compute().reset_index(drop=True))
    else:
        summary, wall = timed(lambda: ddl.to_parquet(path, out_dir, blocksize=blocksize, overwrite=True))
        out = (summary.stories, summary.errors, summary.entities, summary.quotes, summary.events)
    cpu = {"client+scheduler": time.process_time() - c0}
    after = cluster_cpu(client)
    cpu.update({k: after[k] - before[k] for k in after})
    return out, wall, cpu


def same_parquet(single: Path, dask_dir: Path) -> None:
    """The tables Corpus.to_parquet wrote equal the parts dateline.dask.to_parquet wrote."""
    import pyarrow.parquet as pq

    for t in ("articles", "entities", "quotes", "events"):
        a = pq.read_table(single / f"{t}.parquet").to_pandas()
        b = pd.concat([pq.read_table(x).to_pandas() for x in sorted((dask_dir / t).glob("part-*.parquet"))],
                      ignore_index=True)
        pd.testing.assert_frame_equal(a, b, check_dtype=False)


RUNS = (("corpus", 1), ("dask", 1), ("corpus", 2), ("dask", 2))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--copies", type=int, default=12)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--blocksize", type=int, default=ddl.DEFAULT_BLOCKSIZE)
    ap.add_argument("--sink", choices=("client", "parquet"), default="parquet",
                    help="write all tables to Parquet (default), or collect the entities DataFrame on the client")
    args = ap.parse_args()
    logging.getLogger("distributed").setLevel(logging.ERROR)
    from distributed import Client, LocalCluster

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "reuters.jsonl"
        n = write_reuters_jsonl(path, args.copies)
        size = path.stat().st_size
        print(f"{n:,} stories ({size / 1e6:.1f} MB JSONL, {-(-size // args.blocksize)} partitions of "
              f"{args.blocksize / 2**20:.1f} MiB), {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} "
              f"at start; best of {args.repeat}, the runs interleaved")
        corpus = Corpus.from_jsonl(path)
        corpus.articles(threads=1, progress=False, entities=False)  # warm: files cached, model loaded
        clusters = {}
        for workers in (1, 2):
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=":0")
            client = Client(cluster, set_as_default=False)
            client.register_plugin(ddl.Preload())
            clusters[workers] = (cluster, client)
        best: dict[tuple[str, int], tuple[float, dict[str, float]]] = {}
        want = None
        try:
            for r in range(args.repeat):
                for kind, k in RUNS:
                    out_dir = None if args.sink == "client" else Path(tmp) / f"{kind}{k}"
                    if kind == "corpus":
                        got, wall, cpu = corpus_run(corpus, k, out_dir)
                    else:
                        client = clusters[k][1]
                        with client.as_current():
                            got, wall, cpu = dask_run(client, str(path), args.blocksize, out_dir)
                    if want is None:
                        want = got
                    elif args.sink == "client":
                        pd.testing.assert_frame_equal(got, want)
                    else:
                        assert got == want, (got, want)
                        if r == 0 and kind == "dask" and k == 1:
                            same_parquet(Path(tmp) / "corpus1", out_dir)
                    if (kind, k) not in best or wall < best[(kind, k)][0]:
                        best[(kind, k)] = (wall, cpu)
                print(f"  after run {r + 1}: " + ", ".join(f"{kind} x{k} {best[(kind, k)][0]:.1f} s"
                                                         for kind, k in RUNS) + f"; load {os.getloadavg()[0]:.1f}",
                      flush=True)
        finally:
            for cluster, client in clusters.values():
                client.close()
                cluster.close()
        w = {key: v[0] for key, v in best.items()}
        print(f"\n{'run':40s} {'wall s':>8s} {'CPU s':>8s}   CPU by process")
        for kind, k in RUNS:
            wall, cpu = best[(kind, k)]
            if args.sink == "client":
                name = f"Corpus.entities(threads={k})" if kind == "corpus" else f"dask.entities, {k} worker(s)"
            else:
                name = f"Corpus.to_parquet(threads={k})" if kind == "corpus" else f"dask.to_parquet, {k} worker(s)"
            detail = ", ".join(f"{p} {v:.1f}" for p, v in cpu.items())
            print(f"{name:40s} {wall:8.2f} {sum(cpu.values()):8.2f}   {detail}")
        cpu1 = sum(best[("dask", 1)][1].values()) / sum(best[("corpus", 1)][1].values()) - 1
        wall1 = w["dask", 1] / w["corpus", 1] - 1
        print(f"\nDask overhead, 1 worker against Corpus at 1 thread: wall {100 * wall1:+.1f}%, "
              f"CPU {100 * cpu1:+.1f}%  (target <= 15%)")
        print(f"2-worker speed-up: {w['dask', 1] / w['dask', 2]:.2f}x  (target >= 1.7x); the peer, Corpus at 2 "
              f"threads against 1 in the same run: {w['corpus', 1] / w['corpus', 2]:.2f}x")
        rows = f"{len(want):,} entity rows" if args.sink == "client" else f"{want[2]:,} entity rows, all four tables"
        print(f"tables identical to Corpus: yes ({rows})")


if __name__ == "__main__":
    main()
