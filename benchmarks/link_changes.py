"""Every mention's link compared between two builds, on the whole Reuters-21578 and BBC corpora.

    /work/venv/bin/python benchmarks/link_changes.py dump /tmp/main.pkl    # with one build
    python benchmarks/link_changes.py dump /tmp/mine.pkl                   # with the other
    python benchmarks/link_changes.py diff /tmp/main.pkl /tmp/mine.pkl

``diff`` lists the entities that join mentions the first build kept apart (JOIN) and those that
split what it kept together (SPLIT), each part by its commonest surfaces and labels (no story text).
"""
from __future__ import annotations

import pickle
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import eval_link as ev  # noqa: E402


def dump(path: str) -> None:
    import dateline

    out = {}
    for name in ev.SETS:
        t = dateline.Corpus.from_records(ev.records(name)).entities(link=True, dedupe=False)
        out[name] = {c: list(t[c]) for c in ("id", "start", "end", "text", "label", "entity_id", "name")}
    with open(path, "wb") as f:
        pickle.dump(out, f)


def diff(a_path: str, b_path: str) -> None:
    with open(a_path, "rb") as fa, open(b_path, "rb") as fb:
        a, b = pickle.load(fa), pickle.load(fb)
    for name in a:
        ta, tb = a[name], b[name]
        assert ta["id"] == tb["id"] and ta["start"] == tb["start"], "the builds found other mentions"
        new_parts = defaultdict(lambda: defaultdict(Counter))
        old_parts = defaultdict(lambda: defaultdict(Counter))
        for i, (x, y) in enumerate(zip(ta["entity_id"], tb["entity_id"])):
            form = (ta["text"][i].replace("\n", " "), ta["label"][i])
            new_parts[y][x][form] += 1
            old_parts[x][y][form] += 1
        joins = {y: p for y, p in new_parts.items() if len(p) > 1}
        splits = {x: p for x, p in old_parts.items() if len(p) > 1}
        moved = sum(sum(c.values()) for p in joins.values() for c in p.values())
        print(f"== {name}: {len(joins)} entities joining ({moved} mentions), {len(splits)} split")

        def fmt(c: Counter) -> str:
            return ", ".join(f"{t!r} {lab} x{n}" for (t, lab), n in c.most_common(3))

        for kind, d in (("JOIN", joins), ("SPLIT", splits)):
            for _, p in sorted(d.items(), key=lambda kv: -sum(sum(c.values()) for c in kv[1].values())):
                parts = sorted(p.values(), key=lambda c: -sum(c.values()))
                print(f" {kind}: " + "  +  ".join(f"[{fmt(c)}]" for c in parts))


if __name__ == "__main__":
    if sys.argv[1:2] == ["dump"] and len(sys.argv) == 3:
        dump(sys.argv[2])
    elif sys.argv[1:2] == ["diff"] and len(sys.argv) == 4:
        diff(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
