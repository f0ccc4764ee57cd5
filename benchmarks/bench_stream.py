"""Streaming benchmark: a 2 GB JSONL corpus to Parquet in bounded memory.

Generates a JSONL corpus of ``--gb`` gigabytes (default 2) from the shared Reuters-21578 stories,
repeated with varied ids (``r<round>-<NEWID>``) and dates, into a temporary folder (never the repo),
then runs ``Corpus.from_jsonl(...).to_parquet(...)`` in a child process and reports its peak RSS
(goal: <= 1 GB), throughput, and the accounting: JSONL records in == article rows out, entity rows ==
the articles' ``n_entities`` sum.

    python benchmarks/bench_stream.py              # 2 GB; needs ../shared/data/reuters21578
    python benchmarks/bench_stream.py --gb 0.2     # a quick run
"""
from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_corpus import reuters_stories, shared_dir  # noqa: E402

CHILD = r"""
import json, sys, time
from dateline import Corpus
src, out, threads, entities = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] == "1"
t0 = time.perf_counter()
s = Corpus.from_jsonl(src).to_parquet(out, threads=threads, progress=None, entities=entities)
print(json.dumps({"stories": s.stories, "errors": s.errors, "entities": s.entities,
                  "seconds": time.perf_counter() - t0}))
"""


def generate(path: Path, stories, target_bytes: int) -> int:
    """Writes rounds of the stories with fresh ids and shifted years until the file is big enough."""
    n = 0
    size = 0
    with open(path, "w", encoding="utf-8") as f:
        rnd = 0
        while size < target_bytes:
            for s in stories:
                date = s["date"]
                if date:
                    date = f"{int(date[:4]) + rnd % 30:04d}{date[4:]}"
                line = json.dumps({"id": f"r{rnd}-{s['id']}", "date": date, "text": s["text"]}) + "\n"
                f.write(line)
                size += len(line.encode("utf-8")) if not line.isascii() else len(line)
                n += 1
                if size >= target_bytes:
                    break
            rnd += 1
    return n


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gb", type=float, default=2.0, help="corpus size in GB (1e9 bytes)")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--dir", default=None, help="scratch folder (default: a new temporary folder)")
    ap.add_argument("--keep", action="store_true", help="keep the generated files")
    ap.add_argument("--no-entities", action="store_true",
                    help="structure, sentences and tokens only (the engine's streaming at full size when "
                         "the whole pipeline would take too long on this machine)")
    args = ap.parse_args(argv)
    shared = shared_dir()
    if shared is None or not (shared / "data" / "reuters21578").is_dir():
        print("bench_stream: ../shared/data/reuters21578 not found (set DATELINE_SHARED)", file=sys.stderr)
        return 1
    stories = reuters_stories(shared / "data" / "reuters21578")
    tmp = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="dateline-stream-"))
    tmp.mkdir(parents=True, exist_ok=True)
    try:
        src = tmp / "corpus.jsonl"
        t0 = time.perf_counter()
        n_in = generate(src, stories, int(args.gb * 1e9))
        gb = src.stat().st_size / 1e9
        print(f"generated {src} : {gb:.2f} GB, {n_in:,} JSONL records in {time.perf_counter() - t0:.1f} s")
        out = tmp / "out"
        proc = subprocess.run([sys.executable, "-c", CHILD, str(src), str(out), str(args.threads),
                               "0" if args.no_entities else "1"],
                              stdout=subprocess.PIPE, text=True, check=True)
        res = json.loads(proc.stdout.strip().splitlines()[-1])
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # Linux: KiB
        import pyarrow.compute as pc
        import pyarrow.parquet as pq

        rows_out = pq.ParquetFile(out / "articles.parquet").metadata.num_rows
        ent_rows = pq.ParquetFile(out / "entities.parquet").metadata.num_rows
        n_ent = pc.sum(pq.read_table(out / "articles.parquet", columns=["n_entities"]).column(0)).as_py() or 0
        secs = res["seconds"]
        stages = "structure+tokens only (--no-entities)" if args.no_entities else "full pipeline"
        print(f"streamed to Parquet with {args.threads} threads, {stages}: {secs:.1f} s, {gb * 1000 / secs:.1f} MB/s, "
              f"{res['stories'] / secs:,.0f} stories/s")
        print(f"peak RSS of the streaming process: {peak_mb:,.0f} MB (goal <= 1024 MB): "
              f"{'OK' if peak_mb <= 1024 else 'OVER'}")
        print(f"articles in {n_in:,} = article rows out {rows_out:,}: {'OK' if n_in == rows_out else 'MISMATCH'}; "
              f"errors {res['errors']:,}; entity rows {ent_rows:,} = sum(n_entities) {n_ent:,}: "
              f"{'OK' if ent_rows == n_ent else 'MISMATCH'}")
        sizes = {p.name: p.stat().st_size / 1e6 for p in sorted(out.iterdir())}
        print("parquet files: " + ", ".join(f"{k} {v:.1f} MB" for k, v in sizes.items()))
        return 0 if (peak_mb <= 1024 and n_in == rows_out and ent_rows == n_ent) else 1
    finally:
        if not args.keep and not args.dir:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
