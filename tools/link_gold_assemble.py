"""Builds ``tests/gold/link_pairs.jsonl`` from the candidate pairs of ``tools/link_gold_candidates.py``
and the annotator's judgements, one a line: ``N s`` (same entity), ``N d`` (different) or ``N x``
(left out: a mention that is not a name, or a pair the stories do not settle), optionally
followed by a short note. The split is fixed by a hash of the pair (about a third ``held_out``),
not chosen.

    python tools/link_gold_assemble.py /tmp/candidates.jsonl /tmp/judgements.txt [/tmp/extra.jsonl /tmp/extra.txt]

A pair judged in an earlier file is not taken again. ``--append SPLIT`` adds the judged pairs of
one more candidate file to the gold as they are, all in part SPLIT (the second held-out part,
drawn with ``link_gold_candidates.py --fresh``), leaving the pairs already there as they are:

    python tools/link_gold_assemble.py --append held_out_2 /tmp/fresh.jsonl /tmp/fresh_judgements.txt

``--halves PREFIX`` appends the same way, each pair to ``PREFIX_tune`` or ``PREFIX_held_out`` by a
hash of the pair (half each, fixed before the linker's answers on them are looked at):

    python tools/link_gold_assemble.py --halves union /tmp/union2.jsonl /tmp/union2_judgements.txt
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "tests" / "gold" / "link_pairs.jsonl"


def split_of(p: dict) -> str:
    key = f"{p['set']}|{p['a']['id']}|{p['a']['start']}|{p['b']['id']}|{p['b']['start']}"
    return "held_out" if int(hashlib.sha1(key.encode()).hexdigest(), 16) % 3 == 0 else "tune"


def half_of(p: dict, prefix: str) -> str:
    key = f"{p['set']}|{p['a']['id']}|{p['a']['start']}|{p['b']['id']}|{p['b']['start']}"
    return f"{prefix}_held_out" if int(hashlib.sha1(key.encode()).hexdigest(), 16) % 2 == 0 else f"{prefix}_tune"


def main() -> None:
    rows: list[dict] = []
    seen: set = set()
    args = sys.argv[1:]
    if args[:1] in (["--append"], ["--halves"]):
        split, cand_file, judge_file = args[1:4]
        if args[0] == "--halves":
            split = f"halves:{split}"
        rows = [json.loads(line) for line in OUT.read_text().splitlines() if line.strip()]
        seen = {(r["set"], *sorted([tuple(r["a"].values()), tuple(r["b"].values())])) for r in rows}
        add(rows, seen, cand_file, judge_file, split)
        args = []
    for cand_file, judge_file in zip(args[0::2], args[1::2]):
        add(rows, seen, cand_file, judge_file)
    OUT.write_text("".join(json.dumps(r) + "\n" for r in rows))
    print(f"{len(rows)} judged pairs ({sum(r['same'] for r in rows)} same) -> {OUT}")


def add(rows: list[dict], seen: set, cand_file: str, judge_file: str, split: str | None = None) -> None:
    cands = [json.loads(line) for line in Path(cand_file).read_text().splitlines() if line.strip()]
    for line in Path(judge_file).read_text().splitlines():
        parts = line.split(maxsplit=2)
        if len(parts) < 2 or not parts[0].isdigit():
            continue
        n, verdict = int(parts[0]), parts[1]
        if verdict == "x":
            continue
        if verdict not in ("s", "d"):
            raise SystemExit(f"bad judgement line: {line!r}")
        p = cands[n - 1]
        key = (p["set"], *sorted([tuple(p["a"].values()), tuple(p["b"].values())]))
        if key in seen:
            continue
        seen.add(key)
        row = {"set": p["set"], "kind": p["kind"], "a": p["a"], "b": p["b"], "same": verdict == "s",
               "split": half_of(p, split[7:]) if split and split.startswith("halves:") else split or split_of(p)}
        if len(parts) > 2:
            row["note"] = parts[2][:59]
        rows.append(row)


if __name__ == "__main__":
    main()
