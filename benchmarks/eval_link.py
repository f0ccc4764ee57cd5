"""Corpus-level identity (:func:`dateline.link`) scored on the judged mention pairs of
``tests/gold/link_pairs.jsonl``.

Each corpus of the gold (Reuters-21578, 14,000 stories of 1987; BBC News, 2,225 stories of
2004-2005) is read from ../shared, run through ``Corpus.entities(link=True)`` whole (the linker
judges ambiguity over the whole table), and every judged mention, named in the gold by story id and
code-point offsets, is looked up in the output (the mention with those offsets, else the one
overlapping them most). A pair is *merged* when both mentions get one ``entity_id``:

- merge precision = merged pairs judged the same entity / merged pairs;
- merge recall = merged pairs judged the same entity / pairs judged the same entity.

A mention the recogniser no longer finds counts as not merged. Printed for the ``tune`` pairs (the
linking rules were looked at with them), the ``held_out`` pairs (not tuned on, but their errors
were read once), the ``held_out_2`` pairs (drawn later from unused stories, never tuned on), the
``union`` pairs (drawn from several entity models' mentions: the part to compare entity models on),
each corpus and all; ``--misses`` lists the pairs scored wrong by kind and id (no text). Each line
also gives how many of the pairs' mentions the recogniser finds with exactly their offsets and P/R
over the pairs both of whose mentions it finds (the linker's own score, apart from recognition).
``DATELINE_NER_MODEL=FILE`` scores another entity model (one trained by ``train-ner``).

    python benchmarks/eval_link.py             # needs ../shared/data/reuters21578 and bbc_news
    python benchmarks/eval_link.py --misses
"""
from __future__ import annotations

import argparse
import bisect
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import REPO, reuters_all  # noqa: E402

import dateline  # noqa: E402

GOLD = REPO / "tests" / "gold" / "link_pairs.jsonl"
SETS = ("reuters21578", "bbc")
# ``held_out_2``: a second held-out part drawn later from stories no earlier pair used, judged and
# scored before any rule was changed after it (the first held-out part's errors had been read).
# ``union``: drawn from the union of several entity models' mentions (tests/gold/README.md), so it
# compares entity models without favouring the one the other parts' mentions came from.
# ``union_tune``/``union_held_out``: two more union draws (other stories, other seeds), halved by a
# hash of the pair before the linker's answers on it were looked at; rules are read on the first half.
SPLITS = ("tune", "held_out", "held_out_2", "union", "union_tune", "union_held_out")


def load_gold(path: Path = GOLD) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def records(name: str) -> list[dict]:
    """The stories of one gold corpus as ``Corpus.from_records`` takes them."""
    if name == "reuters21578":
        return [{"id": str(s["id"]), "date": s["date"], "text": s["text"]} for s in reuters_all()]
    from shared_data import bbc_records

    return bbc_records()


class Ids:
    """entity_id of a mention given by story id and offsets, from a linked entities table."""

    def __init__(self, linked):
        self.spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for i, s, e, eid in zip(linked["id"], linked["start"], linked["end"], linked["entity_id"]):
            self.spans[str(i)].append((int(s), int(e), eid))
        for v in self.spans.values():
            v.sort()

    def exact(self, m: dict) -> tuple[bool, str | None]:
        """(found with exactly its offsets, that mention's entity_id)."""
        spans = self.spans.get(m["id"], [])
        j = bisect.bisect_left(spans, (m["start"], -1, ""))
        if j < len(spans) and spans[j][:2] == (m["start"], m["end"]):
            return True, spans[j][2]
        return False, None

    def __call__(self, m: dict) -> str | None:
        found, eid = self.exact(m)
        if found:
            return eid
        best, overlap = None, 0
        for s, e, eid in self.spans.get(m["id"], []):
            o = min(e, m["end"]) - max(s, m["start"])
            if o > overlap:
                best, overlap = eid, o
        return best

    def found(self, m: dict) -> bool:
        """Does the recogniser find this mention with exactly its offsets?"""
        return self.exact(m)[0]


def lookups(linked: dict[str, object]) -> dict[str, Ids]:
    """One `Ids` per corpus (tables given as `Ids` already are kept: built once, used twice)."""
    return {name: t if isinstance(t, Ids) else Ids(t) for name, t in linked.items()}


def found_both(gold: list[dict], linked: dict[str, object]) -> list[tuple[bool, bool]]:
    """Per judged pair: is each of its two mentions found with exactly its offsets?"""
    lookup = lookups(linked)
    return [(lookup[g["set"]].found(g["a"]), lookup[g["set"]].found(g["b"])) for g in gold]


def merged(gold: list[dict], linked: dict[str, object]) -> list[bool]:
    """Per judged pair: do both mentions get one entity_id?"""
    lookup = lookups(linked)
    out = []
    for g in gold:
        ids = lookup[g["set"]]
        a, b = ids(g["a"]), ids(g["b"])
        out.append(a is not None and a == b)
    return out


def score(gold: list[dict], found: list[bool]) -> tuple[float, float, int, int, int]:
    """(precision, recall, tp, fp, fn) of merging."""
    tp = sum(1 for g, f in zip(gold, found) if f and g["same"])
    fp = sum(1 for g, f in zip(gold, found) if f and not g["same"])
    fn = sum(1 for g, f in zip(gold, found) if not f and g["same"])
    return tp / max(1, tp + fp), tp / max(1, tp + fn), tp, fp, fn


def link_all(gold: list[dict]) -> dict[str, object]:
    """The linked entities table of each corpus the gold names."""
    return {name: dateline.Corpus.from_records(records(name)).entities(link=True, dedupe=False)
            for name in SETS if any(g["set"] == name for g in gold)}


def report(gold: list[dict], found: list[bool], seen: list[tuple[bool, bool]] | None = None) -> dict[str, tuple]:
    """P/R per split and corpus. With ``seen`` (per pair, is each mention found with exactly its
    offsets), also how many of the pairs' mentions the recogniser finds and P/R over the pairs both of
    whose mentions it finds: the linker's own score, apart from recognition, which is what a
    retrained model can be compared on even where the gold's mentions were drawn from another model."""
    out = {}
    seen = seen if seen is not None else [None] * len(gold)
    for split in (*SPLITS, None):
        for name in (*SETS, None):
            part = [(g, f, s) for g, f, s in zip(gold, found, seen)
                    if (split is None or g["split"] == split) and (name is None or g["set"] == name)]
            if not part:
                continue
            gs, fs, ss = zip(*part)
            p, r, tp, fp, fn = score(list(gs), list(fs))
            out[(split, name)] = (p, r)
            line = (f"  {split or 'all':10s} {name or 'both':12s} {len(part):4d} pairs "
                    f"({sum(g['same'] for g in gs):3d} same): merge precision {p:.3f}  recall {r:.3f}  "
                    f"(tp {tp}, fp {fp}, fn {fn})")
            if ss[0] is not None:
                mentions = sum(a + b for a, b in ss)
                both = [(g, f) for g, f, s in zip(gs, fs, ss) if all(s)]
                cp, cr, *_ = score([g for g, _ in both], [f for _, f in both]) if both else (0, 0)
                out[(split, name, "found")] = (mentions / (2 * len(part)), cp, cr)
                line += (f"; found {mentions}/{2 * len(part)} mentions, {len(both)} pairs both found: "
                         f"P {cp:.3f} R {cr:.3f}")
            print(line)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--misses", action="store_true", help="list the pairs scored wrong (ids, offsets, kind)")
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--split", choices=SPLITS, help="score only this part of the gold")
    args = ap.parse_args()
    gold = load_gold(args.gold)
    if args.split:
        gold = [g for g in gold if g["split"] == args.split]
    t0 = time.perf_counter()
    linked = link_all(gold)
    print(f"parsed and linked in {time.perf_counter() - t0:.0f} s: " + "; ".join(
        f"{name} {len(t):,} mentions, {t['entity_id'].nunique():,} entities" for name, t in linked.items()))
    ids = lookups(linked)
    found = merged(gold, ids)
    print(f"gold: {len(gold)} judged pairs, {sum(g['same'] for g in gold)} the same entity")
    report(gold, found, found_both(gold, ids))
    if args.misses:
        for g, f in zip(gold, found):
            # The held-out parts' and the union part's errors stay unread unless asked for by name.
            if f != g["same"] and (g["split"] not in ("held_out_2", "union", "union_held_out")
                                   or args.split == g["split"]):
                print(f"    {'missed' if g['same'] else 'wrong '} {g['set']} {g['kind']:11s} "
                      f"{g['a']['id']}:{g['a']['start']}-{g['a']['end']} / "
                      f"{g['b']['id']}:{g['b']['start']}-{g['b']['end']} ({g['split']}) {g.get('note', '')}")


if __name__ == "__main__":
    main()
