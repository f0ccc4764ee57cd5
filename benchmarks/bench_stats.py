"""Speed of dateline.stats on the shared Reuters-21578 stories (after extraction).

    python benchmarks/bench_stats.py                # needs ../shared/data/reuters21578
    python benchmarks/bench_stats.py --limit 2000   # fewer stories
    python benchmarks/bench_stats.py --save-entities /tmp/reuters-ents.parquet   # reuse later with --entities

Extracts the entities of the 14,000 stories once (with dateline.Corpus when available, else
dateline.parse story by story), then times each statistic (best of --repeat runs) and prints the
figures. Target: frequency, sentence-level co-occurrence and a weekly timeline <= 2 s each.
"""
from __future__ import annotations

import argparse
import html
import re
import statistics
import sys
import time
from pathlib import Path

import pandas as pd

import dateline
from dateline import stats

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
from shared_data import shared_dir  # noqa: E402

_CTRL = re.compile(r"&#\d+;")
_MONTHS = {m: i for i, m in enumerate("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split(), 1)}


def _tag(block: str, tag: str) -> str | None:
    i = block.find(f"<{tag}>")
    if i < 0:
        i = block.find(f"<{tag} ")
        if i < 0:
            return None
    i = block.index(">", i) + 1
    j = block.find(f"</{tag}>", i)
    return html.unescape(_CTRL.sub("", block[i:j])) if j >= 0 else None


def reuters_records(folder: Path) -> list[dict]:
    """One dict per <REUTERS> block: id (NEWID), date (ISO day), topics (list), text (wire text:
    title, author, then the dateline running into the body)."""
    out = []
    for path in sorted(folder.glob("reut2-*.sgm")):
        for block in path.read_text(encoding="latin-1").split("</REUTERS>")[:-1]:
            newid = int(re.search(r'NEWID="(\d+)"', block).group(1))
            d = re.match(r"\s*(\d+)-([A-Z]{3})-(\d{4})", _tag(block, "DATE") or "")
            date = f"{d.group(3)}-{_MONTHS[d.group(2)]:02d}-{int(d.group(1)):02d}" if d else None
            topics = re.findall(r"<D>(.*?)</D>", _tag(block, "TOPICS") or "")
            title, author = _tag(block, "TITLE"), _tag(block, "AUTHOR")
            dl, body = _tag(block, "DATELINE"), _tag(block, "BODY")
            if title is None and body is None:
                text = _tag(block, "TEXT") or ""
            else:
                parts = [p for p in (title, author) if p]
                text = "\n".join(parts) + ("\n" if parts else "") + (dl or "").lstrip() + (body or "")
            out.append({"id": newid, "date": date, "topics": topics, "text": text})
    return out


def extract(records: list[dict], threads: int | None) -> pd.DataFrame:
    """The entities table of the records (Corpus when available, else parse per story)."""
    if hasattr(dateline, "Corpus"):
        corpus = dateline.Corpus.from_records([{k: r[k] for k in ("id", "date", "text")} for r in records])
        return corpus.entities(threads=threads, progress=False)
    rows = []
    for r in records:
        for e in dateline.parse(r["text"], date=r["date"]).entities:
            rows.append((r["id"], r["date"], e.text, e.label, e.canonical, e.start, e.end, e.sentence))
    return pd.DataFrame(rows, columns=["id", "date", "text", "label", "canonical", "start", "end", "sentence"])


def timed(fn, repeat: int):
    times, out = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return out, min(times), statistics.median(times)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="first N stories only")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--threads", type=int, default=None)
    ap.add_argument("--entities", help="read the entities table from this Parquet file instead of extracting")
    ap.add_argument("--save-entities", help="write the extracted entities table to this Parquet file")
    args = ap.parse_args(argv)

    if args.entities:
        ents = pd.read_parquet(args.entities)
        print(f"entities read from {args.entities}")
    else:
        shared = shared_dir()
        if shared is None or not (shared / "data" / "reuters21578").is_dir():
            print("bench_stats: ../shared/data/reuters21578 not found (set DATELINE_SHARED)", file=sys.stderr)
            return 2
        records = reuters_records(shared / "data" / "reuters21578")[: args.limit]
        t0 = time.perf_counter()
        ents = extract(records, args.threads)
        how = "Corpus.entities()" if hasattr(dateline, "Corpus") else "dateline.parse per story"
        print(f"extraction ({how}): {len(records):,} stories in {time.perf_counter() - t0:.1f} s")
        if args.save_entities:
            ents.to_parquet(args.save_entities)
    n_st = ents["id"].nunique()
    print(f"entities table: {len(ents):,} mentions in {n_st:,} stories")
    print(f"statistic (best of {args.repeat}; median)            seconds   rows")
    names = list(stats.NAME_LABELS)
    checks = [
        ("frequency (all labels)", lambda: stats.entity_frequency(ents), True),
        ("co-occurrence, sentence (names)", lambda: stats.cooccurrence(ents, unit="sentence", labels=names), True),
        ("weekly timeline, top 10 names", lambda: stats.timeline(ents, freq="W", top=10, labels=names), True),
        ("co-occurrence, story (names)", lambda: stats.cooccurrence(ents, unit="story", labels=names), False),
        ("keyness, first half vs rest", lambda: stats.keyness(ents, ents["id"].unique()[: n_st // 2]), False),
    ]
    worst = 0.0
    for name, fn, target in checks:
        out, best, med = timed(fn, args.repeat)
        mark = " (target <= 2 s)" if target else ""
        print(f"  {name:<40} {best:7.3f}  {med:7.3f}  {len(out):>7,}{mark}")
        if target:
            worst = max(worst, best)
    print(f"slowest targeted statistic: {worst:.3f} s -> {'OK' if worst <= 2.0 else 'OVER 2 s'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
