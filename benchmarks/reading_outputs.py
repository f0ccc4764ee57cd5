"""Every parse output with the reading (entities with all their fields, quotes, attributions,
events, time values) for the first 3,000 Reuters-21578 stories with a dateline and the BBC politics
stories, one JSON line a story, with the file's SHA-256: run it with two builds and compare the
files to show that a change left the outputs as they were. The dump holds the stories' text: write
it outside the repository.

    python benchmarks/reading_outputs.py /tmp/out.jsonl [--reuters 3000] [--bbc 500]
"""
from __future__ import annotations

import argparse
import hashlib

from common import dateline, reuters_stories
from shared_data import bbc_records


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("out")
    ap.add_argument("--reuters", type=int, default=3000, help="first N Reuters stories (3000)")
    ap.add_argument("--bbc", type=int, default=500, help="first N BBC politics stories (500; there are 417)")
    args = ap.parse_args()
    lines = [dateline.parse(s["text"], date=s["date"], reading=True).to_json() for s in reuters_stories(args.reuters)]
    bbc = [r for r in bbc_records() if r["id"].startswith("politics/")][: args.bbc]
    lines += [dateline.parse(r["text"], reading=True).to_json() for r in bbc]
    with open(args.out, "w", encoding="utf-8") as f:
        for j in lines:
            f.write(j.replace("\n", " ") + "\n")
    with open(args.out, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    print(f"{len(lines):,} stories, sha256 {digest}")


if __name__ == "__main__":
    main()
