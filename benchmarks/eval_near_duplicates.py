"""Near-duplicate detection scored on the judged story pairs of ``tests/gold/near_duplicates.jsonl``.

The whole Reuters-21578 corpus (14,000 stories, wire text and ``<DATE>`` day as ``Corpus`` reads them)
goes through :func:`dateline.near_duplicates`; a judged pair counts as found when both stories end
up in one group (the same first version, or one is the other's first version), which is what the
``duplicate_of`` column and the statistics' ``dedupe=True`` use. Precision and recall are printed for
the ``dev`` pairs (the settings were chosen on them), the ``held_out`` pairs and all.

``--grid`` prints pairwise precision/recall on the dev pairs for other settings of the verification
(the measures come from ``_native.dedupe_compare``), the table the defaults were chosen from.

    python benchmarks/eval_near_duplicates.py            # needs ../shared/data/reuters21578
    python benchmarks/eval_near_duplicates.py --grid
"""
from __future__ import annotations

import argparse
import datetime
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import REPO, reuters_all  # noqa: E402

import dateline  # noqa: E402
from dateline import _native  # noqa: E402

GOLD = REPO / "tests" / "gold" / "near_duplicates.jsonl"


def load_gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text().splitlines() if line.strip()]


def score(gold: list[dict], found: set[tuple[str, str]]) -> tuple[float, float, int, int, int]:
    tp = sum(1 for g in gold if g["duplicate"] and (g["a"], g["b"]) in found)
    fp = sum(1 for g in gold if not g["duplicate"] and (g["a"], g["b"]) in found)
    fn = sum(1 for g in gold if g["duplicate"] and (g["a"], g["b"]) not in found)
    return tp / max(1, tp + fp), tp / max(1, tp + fn), tp, fp, fn


def grouped_pairs(frame, gold: list[dict]) -> set[tuple[str, str]]:
    """The judged pairs whose stories share a first version in ``near_duplicates``' output."""
    out = dateline.near_duplicates(frame, date="date")
    root = {i: (d if d is not None else i) for i, d in zip(out["id"], out["duplicate_of"])}
    return {(g["a"], g["b"]) for g in gold if root[g["a"]] == root[g["b"]]}


def grid(stories: dict[str, dict], gold: list[dict]) -> None:
    dev = [g for g in gold if g["split"] == "dev"]
    feats = []
    for g in dev:
        a, b = stories[g["a"]], stories[g["b"]]
        sigs = _native.dedupe_signatures([a["text"], b["text"]])
        n = len(sigs) // 2
        j, c, num = _native.dedupe_compare(sigs[:n], sigs[n:])
        days = abs((datetime.date.fromisoformat(a["date"]) - datetime.date.fromisoformat(b["date"])).days)
        feats.append((g, j, c, num, days))
    print("\npairwise on the dev pairs (jaccard, containment, numbers, window_days): precision recall")
    for jac in (0.5, 0.55, 0.6, 0.65, 0.7):
        for cont in (0.75, 0.8, 0.85, 0.9):
            for num in (0.6, 0.8, 1.0):
                for window in (1, 3, 7):
                    found = {(g["a"], g["b"]) for g, j, c, m, d in feats
                             if (j >= jac or (j > 0 and c >= cont)) and m >= num and d <= window}
                    p, r, *_ = score(dev, found)
                    print(f"  {jac:.2f} {cont:.2f} {num:.1f} {window:d}: {p:.3f} {r:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--grid", action="store_true", help="also print the settings grid on the dev pairs")
    args = ap.parse_args()
    import pandas as pd

    stories = {str(s["id"]): s for s in reuters_all()}
    gold = load_gold()
    frame = pd.DataFrame({"id": list(stories), "text": [s["text"] for s in stories.values()],
                          "date": [s["date"] for s in stories.values()]})
    t0 = time.perf_counter()
    found = grouped_pairs(frame, gold)
    seconds = time.perf_counter() - t0
    n_dup = dateline.near_duplicates(frame, date="date")["duplicate_of"].notna().sum()
    print(f"Reuters-21578: {len(frame):,} stories, {n_dup:,} marked as near-duplicates of an earlier version "
          f"({seconds:.2f} s for signatures and grouping)")
    print(f"gold: {len(gold)} judged pairs, {sum(g['duplicate'] for g in gold)} duplicates")
    for split in ("dev", "held_out", None):
        part = [g for g in gold if split is None or g["split"] == split]
        p, r, tp, fp, fn = score(part, found)
        print(f"  {split or 'all':9s} {len(part):4d} pairs: precision {p:.3f}  recall {r:.3f}  "
              f"(tp {tp}, fp {fp}, fn {fn})")
    misses = [g for g in gold if g["duplicate"] != ((g["a"], g["b"]) in found)]
    for g in misses:
        print(f"    {'missed' if g['duplicate'] else 'wrong '} {g['a']}-{g['b']} ({g['split']}): {g['reason']}")
    if args.grid:
        grid(stories, gold)


if __name__ == "__main__":
    main()
