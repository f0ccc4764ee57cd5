"""A digest (SHA-256) of what `dateline.parse(..., entities=False)` gives Python: `to_dict()` with tokens,
and the `tokens` / `sentences` / `paragraphs` / `captions` / `dateline` / `byline_details` attributes
(texts and `str` offsets), over the shared Reuters-21578 stories (as written, and again with
non-ASCII spaces so the byte -> code point conversion is exercised) and the sample corpus.
A speed change to the parser or the binding must leave it as it was.

    python tools/parse_digest.py
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

from shared_data import shared_dir  # noqa: E402

import dateline  # noqa: E402
from dateline import _native  # noqa: E402
from dateline.sample import sample_corpus  # noqa: E402


def view(a) -> str:
    rec = a.to_dict(text=False, tokens=True)
    attrs = {
        "tokens": [(t.text, t.start, t.end) for t in a.tokens],
        "sentences": [(s.text, s.start, s.end, s.section, s.section_index, s.token_start, s.token_end)
                      for s in a.sentences],
        "paragraphs": [(p.text, p.start, p.end) for p in a.paragraphs],
        "captions": [(c.text, c.credit, c.source, c.date, c.restriction, c.start, c.end) for c in a.captions],
        "dateline": None if (d := a.dateline) is None else (d.place, d.date, d.agency, d.text, d.start, d.end),
        "bylines": [(b.name, b.raw, b.start, b.end) for b in a.byline_details],
        "len": len(a),
    }
    return json.dumps([rec, attrs], sort_keys=True, ensure_ascii=False)


def digest(name: str, stories) -> str:
    h = hashlib.sha256()
    n_tok = 0
    for text, date in stories:
        a = dateline.parse(text, date=date, entities=False)
        n_tok += len(a.tokens)
        h.update(view(a).encode("utf-8"))
        h.update(b"\0")
    d = h.hexdigest()[:16]
    print(f"{name:<16} {len(stories):>6} stories {n_tok:>8} tokens  digest {d}")
    return d


def main() -> None:
    shared = shared_dir()
    if shared is None:
        sys.exit("needs ../shared/data/reuters21578 (or $DATELINE_SHARED)")
    reuters = [(s["text"], s["date"]) for s in _native.load_reuters(str(shared / "data" / "reuters21578"))]
    # Non-ASCII spaces and a few accented letters: offsets in code points differ from bytes.
    variants = [(t.replace("  ", "\u00a0 ").replace("e", "é", 3), d) for t, d in reuters[::3]]
    sample = [(s["text"], s["date"]) for s in sample_corpus()]
    all_ = hashlib.sha256()
    for name, stories in (("reuters", reuters), ("reuters-nonascii", variants), ("sample", sample)):
        all_.update(digest(name, stories).encode())
    print("ALL", all_.hexdigest()[:16])


if __name__ == "__main__":
    main()
