"""CoNLL-2003 evaluation by issue 3's protocol, in Python: used by `dateline eval conll` when the
build has no `_native.eval_conll` (the core's evaluator), and a cross-check of it.

Each document (between -DOCSTART- lines) becomes one text: sentences joined by "\\n", each
sentence's tokens by single spaces; ``parse(text).entities`` are mapped to CoNLL's four types; a
prediction counts only when its span and type equal a gold entity's. Reads IOB1 and IOB2.
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import Dict, List, Set, Tuple

import dateline

TYPES = ("LOC", "MISC", "ORG", "PER")
CONLL_OF = {
    "PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
    "NORP": "MISC", "EVENT": "MISC", "PRODUCT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC",
    "LANGUAGE": "MISC", "MISC": "MISC",
}

Span = Tuple[int, int, str]


def read_conll(path: str) -> List[List[List[Tuple[str, str]]]]:
    """Documents -> sentences -> (token, tag)."""
    docs: List[List[List[Tuple[str, str]]]] = []
    sent: List[Tuple[str, str]] = []

    def close_sentence():
        nonlocal sent
        if sent:
            if not docs:
                docs.append([])
            docs[-1].append(sent)
            sent = []

    for lineno, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        parts = line.split()
        if not parts:
            close_sentence()
        elif parts[0] == "-DOCSTART-":
            close_sentence()
            docs.append([])
        else:
            if len(parts) < 2:
                raise dateline.InputError(f"{path}:{lineno}: expected 'token ... tag', got {line!r}")
            sent.append((parts[0], parts[-1]))
    close_sentence()
    return [d for d in docs if d]


def document(doc) -> Tuple[str, Set[Span]]:
    """The protocol's text of one document and its gold entities as (start, end, type) str spans."""
    pieces: List[str] = []
    gold: Set[Span] = set()
    pos = 0
    for si, sent in enumerate(doc):
        if si:
            pieces.append("\n")
            pos += 1
        open_: Tuple[int, int, str] = None  # type: ignore[assignment]
        for ti, (tok, tag) in enumerate(sent):
            if ti:
                pieces.append(" ")
                pos += 1
            start, end = pos, pos + len(tok)
            pieces.append(tok)
            pos = end
            kind = tag[2:] if len(tag) > 2 and tag[1] == "-" else None
            begins = tag.startswith("B-") or (kind is not None and (open_ is None or open_[2] != kind))
            if open_ is not None and (kind is None or begins):
                gold.add(open_)
                open_ = None
            if kind is not None:
                open_ = (start, end, kind) if open_ is None else (open_[0], end, kind)
        if open_ is not None:
            gold.add(open_)
    return "".join(pieces), gold


def evaluate_conll(path: str) -> Dict:
    docs = read_conll(path)
    t0 = time.perf_counter()
    counts = {t: [0, 0, 0] for t in TYPES}  # gold, predicted, correct
    tokens = 0
    for doc in docs:
        text, gold = document(doc)
        tokens += sum(len(s) for s in doc)
        pred = {(e.start, e.end, CONLL_OF[e.label]) for e in dateline.parse(text).entities if e.label in CONLL_OF}
        for t in TYPES:
            g = {s for s in gold if s[2] == t}
            p = {s for s in pred if s[2] == t}
            counts[t][0] += len(g)
            counts[t][1] += len(p)
            counts[t][2] += len(g & p)

    def score(kind, g, p, c):
        pr = 100.0 * c / p if p else 0.0
        rc = 100.0 * c / g if g else 0.0
        f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        return {"type": kind, "gold": g, "predicted": p, "correct": c, "precision": pr, "recall": rc, "f1": f1}

    per_type = [score(t, *counts[t]) for t in TYPES]
    total = [sum(counts[t][i] for t in TYPES) for i in range(3)]
    return {
        "path": str(path),
        "mode": "full pipeline (Python evaluator)",
        "documents": len(docs),
        "tokens": tokens,
        "per_type": per_type,
        "overall": score("overall", *total),
        "seconds": time.perf_counter() - t0,
    }
