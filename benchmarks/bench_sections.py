"""Issue 14 (parts 1 and 2) measured on the Reuters-21578 stories in ../shared: what the default
statistics count after sections and usual surface forms.

    python benchmarks/bench_sections.py              # needs ../shared/data/reuters21578
    python benchmarks/bench_sections.py --limit 3000

Prints, for the entities table of every story with a dateline:
- mentions by section;
- the rank of "Reuters" among ORGs with every section counted and by default (headline, body,
  caption);
- names counted twice under case variants ("LONDON" and "London") in the default frequency table,
  and how many of the canonical names are written in capitals while a mixed-case form is known;
- PERSON entities from credit lines left in the default statistics (none expected).
"""
from __future__ import annotations

import argparse
import time

from common import dateline, reuters_stories

from dateline import stats


def rank(freq, name: str) -> str:
    hit = freq.index[freq["entity"] == name]
    return f"#{hit[0] + 1} ({int(freq.loc[hit[0], 'mentions']):,} mentions)" if len(hit) else "absent"


def case_twins(freq) -> list[list[str]]:
    groups = freq.groupby([freq["entity"].str.lower(), freq["label"]])["entity"].agg(list)
    return [g for g in groups if len(g) > 1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=0, help="only the first N stories")
    args = ap.parse_args()
    stories = reuters_stories(args.limit)
    records = [{"id": str(i), "text": s["text"], "date": s.get("date")} for i, s in enumerate(stories)]
    t0 = time.perf_counter()
    ents = dateline.Corpus.from_records(records).entities()
    print(f"{len(records):,} stories, {len(ents):,} mentions in {time.perf_counter() - t0:.1f} s")
    print("mentions by section:", ents["section"].value_counts().to_dict())

    every = stats.entity_frequency(ents, labels="ORG", sections=None)
    default = stats.entity_frequency(ents, labels="ORG")
    print(f'"Reuters" among ORGs: every section {rank(every, "Reuters")}; default {rank(default, "Reuters")}')

    freq = stats.entity_frequency(ents, labels=stats.NAME_LABELS)
    twins = case_twins(freq)
    print(f"names counted twice under case variants in the default table: {len(twins)}", twins[:10])
    known_mixed = set(ents["canonical"][~ents["canonical"].str.isupper()].str.lower())
    caps = ents[ents["canonical"].str.isupper() & ents["canonical"].str.len().gt(5)]
    caps_known = caps[caps["canonical"].str.lower().isin(known_mixed)]
    print(f"mentions whose canonical name is in capitals (over 5 characters): {len(caps):,}; "
          f"of them with a mixed-case form elsewhere in the corpus: {len(caps_known):,} "
          f"(counted under that form by the statistics)")
    credit_people = set(ents.loc[ents["section"].eq("credit") & ents["label"].eq("PERSON"), "canonical"])
    body_people = set(ents.loc[ents["section"].isin(stats.DEFAULT_SECTIONS) & ents["label"].eq("PERSON"),
                               "canonical"])
    print(f"people named on credit lines: {len(credit_people):,}; of them also in story text: "
          f"{len(credit_people & body_people):,}")


if __name__ == "__main__":
    main()
