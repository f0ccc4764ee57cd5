"""Candidate mention pairs for the identity gold of ``tests/gold/link_pairs.jsonl`` (issue 14).

Samples pairs of entity mentions of the Reuters-21578 and BBC News corpora (read from ../shared by
``benchmarks/common.py``'s readers) by surface shape only, never by what ``dateline.link`` does
with them, so the gold tests the linker instead of repeating it:

- ``surname``: a one-word person name ("Baker") and a full name ending in it ("James Baker"),
  half the time the most frequent such full name of the year, half the time another one;
- ``namesake``: two full names sharing a surname ("James Baker", "Howard Baker");
- ``org_short``: two organisation names, one's words a leading part of the other's
  ("Woolworth", "FW Woolworth and Co"; "First Chicago", "First Chicago Corp");
- ``acronym``: a capitalised short form (acronym or ticker) and a multi-word name of the same
  label whose initials it matches, or that some story writes it after;
- ``case``: two spellings of one name (not values such as amounts) that differ only in case ("LONDON", "London");
- ``historical``: "Soviet Union"/"USSR" against "Russia" and each other (places only);
- ``shared_word``: two names of one label sharing a capitalised word, otherwise different.

Each pair is printed with a window of both stories' text around the mentions for the annotator
(the text stays on screen: the gold keeps ids, offsets and the judgement only).

    python tools/link_gold_candidates.py --out /tmp/candidates.jsonl --show /tmp/candidates.txt --width 110
    python tools/link_gold_candidates.py --out /tmp/extra.jsonl --show /tmp/extra.txt --width 110 --extra --seed 15

``--fresh`` draws the second held-out part (``held_out_2``): both rounds at the smaller counts of
``FRESH``, from the stories no pair of the gold uses yet (so none of it was read while tuning):

    python tools/link_gold_candidates.py --out /tmp/fresh.jsonl --show /tmp/fresh.txt --width 110 --fresh --seed 2026

``--union`` draws the model-independent part (``union``): the same rounds at the counts of
``UNION``, from stories no pair of the gold uses yet, over the union of the mentions of several
entity models (the shipped one and retrained ones, each run in its own process with
``DATELINE_NER_MODEL``), so no one model's mentions are favoured:

    python tools/link_gold_candidates.py --out /tmp/union.jsonl --show /tmp/union.txt --width 110 \
        --union /tmp/s1.bin,/tmp/s2.bin,/tmp/e7.bin --seed 2027
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

from common import reuters_all  # noqa: E402
from shared_data import bbc_records  # noqa: E402

import dateline  # noqa: E402

COUNTS = {"reuters21578": {"surname": 100, "namesake": 40, "org_short": 70, "acronym": 50, "case": 35,
                           "historical": 15, "shared_word": 40},
          "bbc": {"surname": 30, "namesake": 10, "org_short": 15, "acronym": 10, "case": 5,
                  "historical": 0, "shared_word": 15}}
# A second round (``--extra``, another seed) adds pairs that are more often the same entity: a
# one-word name with the full name the corpus uses most for it, and a short form with the long
# form some story writes it after.
EXTRA = {"reuters21578": {"surname": 40, "namesake": 0, "org_short": 0, "acronym": 25, "case": 0,
                          "historical": 0, "shared_word": 0},
         "bbc": {"surname": 20, "namesake": 0, "org_short": 0, "acronym": 8, "case": 0,
                 "historical": 0, "shared_word": 0}}
# ``--fresh``: (first-round counts, extra-round counts) per corpus, about 150 pairs in all.
FRESH = {"reuters21578": ({"surname": 24, "namesake": 10, "org_short": 18, "acronym": 12, "case": 10,
                           "historical": 4, "shared_word": 12},
                          {"surname": 12, "namesake": 0, "org_short": 0, "acronym": 8, "case": 0,
                           "historical": 0, "shared_word": 0}),
         "bbc": ({"surname": 10, "namesake": 4, "org_short": 6, "acronym": 4, "case": 2,
                  "historical": 0, "shared_word": 5},
                 {"surname": 8, "namesake": 0, "org_short": 0, "acronym": 3, "case": 0,
                  "historical": 0, "shared_word": 0})}
# ``--union``: (first-round counts, extra-round counts) per corpus, about 100 pairs in all.
UNION = {"reuters21578": ({"surname": 16, "namesake": 6, "org_short": 12, "acronym": 8, "case": 6,
                           "historical": 2, "shared_word": 8},
                          {"surname": 8, "namesake": 0, "org_short": 0, "acronym": 5, "case": 0,
                           "historical": 0, "shared_word": 0}),
         "bbc": ({"surname": 6, "namesake": 3, "org_short": 4, "acronym": 3, "case": 2,
                  "historical": 0, "shared_word": 3},
                 {"surname": 5, "namesake": 0, "org_short": 0, "acronym": 2, "case": 0,
                  "historical": 0, "shared_word": 0})}
GOLD = REPO / "tests" / "gold" / "link_pairs.jsonl"
PERSON, ORG = "PERSON", "ORG"
NAMES = (PERSON, ORG, "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW")
WORD = re.compile(r"[A-Za-z][A-Za-z'\-]+")


def reuters_records() -> list[dict]:
    return [{"id": str(s["id"]), "date": s["date"], "text": s["text"]} for s in reuters_all()]


def mentions(records: list[dict]):
    ents = dateline.Corpus.from_records(records).entities(dedupe=False)
    ents = ents[ents["section"].isin(["headline", "body"])]
    rows = []
    for r in ents.itertuples(index=False):
        name = r.canonical if isinstance(r.canonical, str) and r.canonical else r.text
        rows.append({"id": str(r.id), "start": int(r.start), "end": int(r.end), "text": r.text,
                     "name": name, "label": r.label, "year": str(r.date)[:4] if isinstance(r.date, str) else ""})
    return rows


def union_mentions(name: str, records: list[dict], models: list[str]) -> list[dict]:
    """The union of the mentions of the shipped model and of each of ``models`` (a model file per
    process: the model is loaded once per process), one row per (story, offsets, label)."""
    rows = {(r["id"], r["start"], r["end"], r["label"]): r for r in mentions(records)}
    for model in models:
        out = subprocess.run([sys.executable, __file__, "--mentions-of", name],
                             env={**os.environ, "DATELINE_NER_MODEL": model},
                             capture_output=True, text=True, check=True).stdout
        for line in out.splitlines():
            r = json.loads(line)
            rows.setdefault((r["id"], r["start"], r["end"], r["label"]), r)
    return [rows[k] for k in sorted(rows)]


def norm_words(name: str) -> list[str]:
    return [w.lower() for w in WORD.findall(name)]


def pick(rng: random.Random, group: list[dict]) -> dict:
    return group[rng.randrange(len(group))]


def sample(rows: list[dict], counts: dict[str, int], rng: random.Random, extra: bool = False) -> list[dict]:
    by_name: dict[tuple, list[dict]] = defaultdict(list)
    for r in rows:
        by_name[(r["label"], r["name"])].append(r)
    pairs: list[tuple[str, dict, dict]] = []

    def add(kind: str, a: dict, b: dict) -> bool:
        if a["id"] == b["id"]:
            return False
        pairs.append((kind, a, b))
        return True

    # People: one-word names and full names by surname.
    single = [k for k in by_name if k[0] == PERSON and len(norm_words(k[1])) == 1 and k[1][:1].isupper()]
    full_by_last: dict[str, list[tuple]] = defaultdict(list)
    for k in by_name:
        w = norm_words(k[1])
        if k[0] == PERSON and len(w) >= 2:
            full_by_last[w[-1]].append(k)
    single = sorted(k for k in single if full_by_last.get(norm_words(k[1])[0]))
    rng.shuffle(single)
    for k in single[: counts["surname"]]:
        fulls = sorted(full_by_last[norm_words(k[1])[0]], key=lambda f: (-len(by_name[f]), f))
        f = fulls[0] if extra or rng.random() < 0.5 or len(fulls) == 1 else fulls[1 + rng.randrange(len(fulls) - 1)]
        add("surname", pick(rng, by_name[k]), pick(rng, by_name[f]))
    lasts = sorted(last for last, fs in full_by_last.items() if len({tuple(norm_words(f[1])) for f in fs}) >= 2)
    rng.shuffle(lasts)
    for last in lasts[: counts["namesake"]]:
        fs = sorted(full_by_last[last])
        a, b = rng.sample(fs, 2)
        add("namesake", pick(rng, by_name[a]), pick(rng, by_name[b]))

    # Organisations: a name and a longer one starting with its words.
    orgs = sorted(k for k in by_name if k[0] == ORG)
    by_first: dict[str, list[tuple]] = defaultdict(list)
    for k in orgs:
        w = norm_words(k[1])
        if w:
            by_first[w[0]].append(k)
    prefix_pairs = []
    for k in orgs:
        w = norm_words(k[1])
        if not w or k[1].isupper() and len(w) == 1:
            continue
        for other in by_first[w[0]]:
            ow = norm_words(other[1])
            if len(ow) > len(w) and ow[: len(w)] == w:
                prefix_pairs.append((k, other))
    rng.shuffle(prefix_pairs)
    seen_short: set = set()
    for k, other in prefix_pairs:
        if k in seen_short:
            continue
        seen_short.add(k)
        if add("org_short", pick(rng, by_name[k]), pick(rng, by_name[other])) and \
                sum(p[0] == "org_short" for p in pairs) >= counts["org_short"]:
            break

    # Acronyms and tickers: initials of multi-word names, or the story's own long form.
    long_by_initials: dict[str, list[tuple]] = defaultdict(list)
    for k in by_name:
        w = [x for x in norm_words(k[1]) if x not in ("of", "and", "the", "for", "de")]
        if len(w) >= 2 and k[0] in (ORG, "GPE", "NORP", "LOC"):
            long_by_initials["".join(x[0] for x in w)].append(k)
    in_story_long: dict[tuple, list[tuple]] = defaultdict(list)
    for r in rows:
        if r["text"].isupper() and r["name"] != r["text"] and 2 <= len(r["text"]) <= 6:
            in_story_long[(r["label"], r["text"])].append((r["label"], r["name"]))
    acr = sorted(k for k in by_name if k[1].isupper() and 2 <= len(k[1].replace(".", "")) <= 6 and " " not in k[1]
                 and (in_story_long.get(k) if extra else
                      long_by_initials.get(k[1].replace(".", "").lower()) or in_story_long.get(k)))
    rng.shuffle(acr)
    for k in acr[: counts["acronym"]]:
        cands = sorted(set(([] if extra else long_by_initials.get(k[1].replace(".", "").lower(), []))
                           + in_story_long.get(k, [])))
        f = cands[rng.randrange(len(cands))]
        if f != k:
            add("acronym", pick(rng, by_name[k]), pick(rng, by_name[f]))

    # Case variants.
    by_lower: dict[tuple, list[tuple]] = defaultdict(list)
    for k in by_name:
        if k[0] in NAMES:
            by_lower[(k[0], k[1].lower())].append(k)
    multi = sorted(v for v in by_lower.values() if len(v) >= 2)
    rng.shuffle(multi)
    for v in multi[: counts["case"]]:
        a, b = rng.sample(sorted(v), 2)
        add("case", pick(rng, by_name[a]), pick(rng, by_name[b]))

    # Historical states.
    soviet = [r for r in rows if r["label"] == "GPE"
              and r["text"].lower().removeprefix("the ") in ("soviet union", "ussr", "u.s.s.r.")]
    russia = [r for r in rows if r["label"] == "GPE" and r["text"].lower() == "russia"]
    for _ in range(counts["historical"]):
        if soviet and russia:
            a = pick(rng, soviet)
            b = pick(rng, russia) if rng.random() < 0.6 else pick(rng, soviet)
            add("historical", a, b)

    # Different names sharing a word.
    by_word: dict[tuple, list[tuple]] = defaultdict(list)
    for k in by_name:
        if k[0] in (PERSON, ORG, "GPE", "LOC", "FAC"):
            for w in set(norm_words(k[1])):
                if len(w) > 3:
                    by_word[(k[0], w)].append(k)
    words = sorted(kw for kw, v in by_word.items() if len(v) >= 3)
    rng.shuffle(words)
    n = 0
    for kw in words:
        a, b = rng.sample(sorted(by_word[kw]), 2)
        wa, wb = norm_words(a[1]), norm_words(b[1])
        if wa == wb or wa[: len(wb)] == wb or wb[: len(wa)] == wa:
            continue
        if add("shared_word", pick(rng, by_name[a]), pick(rng, by_name[b])):
            n += 1
        if n >= counts["shared_word"]:
            break
    keep = ("id", "start", "end")
    return [{"kind": kind, "a": {k: a[k] for k in keep}, "b": {k: b[k] for k in keep}} for kind, a, b in pairs]


def window(text: str, s: int, e: int, width: int) -> str:
    left = " ".join(text[max(0, s - width): s].split())
    right = " ".join(text[e: e + width].split())
    return f"...{left} [[{text[s:e]}]] {right}..."


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", help="candidate pairs (JSONL: set, kind, a, b)")
    ap.add_argument("--show", help="the pairs with their contexts, for reading")
    ap.add_argument("--width", type=int, default=160)
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--extra", action="store_true", help="the second round (see EXTRA); use --seed 15")
    ap.add_argument("--fresh", action="store_true",
                    help="both rounds (see FRESH) from stories the gold does not use yet; use --seed 2026")
    ap.add_argument("--union", help="model files, comma-separated: draw the union part (see UNION); use --seed 2027")
    ap.add_argument("--mentions-of", choices=("reuters21578", "bbc"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.mentions_of:  # one model's mentions, for --union's subprocesses
        records = reuters_records() if args.mentions_of == "reuters21578" else bbc_records()
        sys.stdout.write("".join(json.dumps(r) + "\n" for r in mentions(records)))
        return
    if not (args.out and args.show):
        ap.error("--out and --show are required")
    rng = random.Random(args.seed)
    used = set()
    if args.fresh or args.union:
        for line in GOLD.read_text().splitlines():
            g = json.loads(line)
            used |= {(g["set"], g["a"]["id"]), (g["set"], g["b"]["id"])}
    out, show = [], []
    seen: set = set()
    for name, records in (("reuters21578", reuters_records()), ("bbc", bbc_records())):
        texts = {r["id"]: r["text"] for r in records}
        heads = {r["id"]: r["text"].strip().split("\n")[0][:90] for r in records}
        found = union_mentions(name, records, args.union.split(",")) if args.union else mentions(records)
        rows = [r for r in found if (name, r["id"]) not in used]
        rounds = ([(FRESH[name][0], False), (FRESH[name][1], True)] if args.fresh
                  else [(UNION[name][0], False), (UNION[name][1], True)] if args.union
                  else [((EXTRA if args.extra else COUNTS)[name], args.extra)])
        drawn = [p for counts, extra in rounds for p in sample(rows, counts, rng, extra)]
        for p in drawn:
            key = tuple(sorted([tuple(p["a"].values()), tuple(p["b"].values())]))
            if key in seen:
                continue
            seen.add(key)
            p = {"set": name, **p}
            out.append(p)
            i = len(out)
            show.append(f"#{i} {name} {p['kind']}")
            for side in ("a", "b"):
                m = p[side]
                show.append(f"  {side} {m['id']} ({heads[m['id']]}): "
                            f"{window(texts[m['id']], m['start'], m['end'], args.width)}")
    Path(args.out).write_text("".join(json.dumps(p) + "\n" for p in out))
    Path(args.show).write_text("\n".join(show) + "\n")
    print(f"{len(out)} candidate pairs -> {args.out}, contexts -> {args.show}")


if __name__ == "__main__":
    main()
