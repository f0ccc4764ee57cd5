"""Event evaluation: precision and recall of who-did-what-to-whom on a hand-made gold file, and how
many stories of a corpus get at least one event (``dateline eval events``).

The gold file (``tests/gold/events.jsonl`` in the repository) holds no text: one line per sentence
read by hand, with the story id, the sentence's ``str`` offsets in the story as loaded here, and the
events a reader assigns (subject, object, CAMEO code, mood, a short why); ``events: []`` when the
sentence states none. Story ids name the shared data sets:

- ``reuters:<NEWID>``: Reuters-21578 (``reuters21578/``), the story rebuilt as wire text by the
  package's Reuters loader, dated by its ``<DATE>``;
- ``bbc:<topic>/<nnn>``: BBC News (``bbc_news/<topic>/<nnn>.txt``), the file as it is, undated;
- ``silver:<DOCID>``: TempEval-3 silver (``tempeval3/silver/*/<DOCID>.tml``), the ``<TITLE>``, a
  blank line and the ``<TEXT>`` with its tags removed, dated by the ``<DCT>`` value.

Scoring: a found event matches a gold event of the same sentence when the subject and the object
name the same actor (one name's words contain the other's, case aside: "Baker" and "James Baker")
and the CAMEO roots (first two digits) agree; each gold event matches once. Only sentences of the
gold file count. Mood is reported as agreement over the matched events.
"""
from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

_TAG = re.compile(r"<[^>]+>")


def load_story(story: str, data: Path) -> tuple[str, str | None]:
    """(text, date) of a story id of the gold file; ``data`` is the shared ``data`` folder."""
    kind, _, key = story.partition(":")
    if kind == "reuters":
        return _reuters(data)[key]
    if kind == "bbc":
        raw = (data / "bbc_news" / f"{key}.txt").read_bytes()
        return raw.decode("utf-8", errors="replace"), None
    if kind == "silver":
        path = _silver_paths(data)[key]
        return silver_text(path.read_text(encoding="utf-8"))
    raise ValueError(f"unknown story id {story!r} (reuters:, bbc:, silver:)")


_CACHE: dict[str, Any] = {}


def _reuters(data: Path) -> dict[str, tuple[str, str | None]]:
    key = f"reuters:{data}"
    if key not in _CACHE:
        from . import _native

        stories = _native.load_reuters(str(data / "reuters21578"))
        _CACHE[key] = {str(s["id"]): (s["text"], s["date"]) for s in stories if s["dateline"]}
    return _CACHE[key]


def _silver_paths(data: Path) -> dict[str, Path]:
    key = f"silver:{data}"
    if key not in _CACHE:
        _CACHE[key] = {p.stem: p for p in sorted((data / "tempeval3" / "silver").glob("*/*.tml"))}
    return _CACHE[key]


def silver_text(tml: str) -> tuple[str, str | None]:
    """A TempEval-3 silver story as plain text (title, blank line, text) and its creation date."""
    def part(tag: str) -> str:
        m = re.search(rf"<{tag}>(.*?)</{tag}>", tml, re.S)
        return m.group(1) if m else ""

    dct = re.search(r'<DCT>.*?value="(\d{4}-\d{2}-\d{2})', tml, re.S)
    title = html.unescape(_TAG.sub("", part("TITLE"))).strip()
    body = html.unescape(_TAG.sub("", part("TEXT"))).strip()
    return f"{title}\n\n{body}\n", dct.group(1) if dct else None


def corpus_stories(kind: str, data: Path, topic: str = "politics") -> Iterator[tuple[str, str, str | None]]:
    """(id, text, date) of every story of a set: ``reuters`` (the 12,530 with a body), ``bbc``
    (one topic folder), ``silver``."""
    if kind == "reuters":
        for k, (text, date) in _reuters(data).items():
            yield f"reuters:{k}", text, date
    elif kind == "bbc":
        for p in sorted((data / "bbc_news" / topic).glob("*.txt")):
            yield f"bbc:{topic}/{p.stem}", p.read_bytes().decode("utf-8", errors="replace"), None
    elif kind == "silver":
        for k, p in _silver_paths(data).items():
            text, date = silver_text(p.read_text(encoding="utf-8"))
            yield f"silver:{k}", text, date
    else:
        raise ValueError(kind)


def _words(name: str) -> set[str]:
    return {w for w in re.findall(r"\w+", name.lower()) if w not in {"the", "of", "inc", "corp", "co", "ltd"}}


def same_actor(a: str, b: str) -> bool:
    """Two names of one actor: one's words contain the other's ("Baker" / "James Baker")."""
    wa, wb = _words(a), _words(b)
    return bool(wa) and bool(wb) and (wa <= wb or wb <= wa)


def read_gold(path: Path) -> list[dict[str, Any]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rows.append(json.loads(line))
    return rows


def score(gold: list[dict[str, Any]], data: Path, split: str | None = None) -> dict[str, Any]:
    """Precision, recall and F1 over the gold sentences (``split``: only rows with that split)."""
    import dateline

    rows = [r for r in gold if split is None or r.get("split") == split]
    by_story: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_story.setdefault(r["story"], []).append(r)
    tp = found = want = mood_ok = 0
    misses: list[str] = []
    false: list[str] = []
    for story, sents in by_story.items():
        text, date = load_story(story, data)
        art = dateline.parse(text, date=date)
        spans = [(s.start, s.end) for s in art.sentences]
        for r in sents:
            got = [e for e in art.events if _overlap(spans[e.sentence], (r["start"], r["end"]))]
            gold_ev = list(r["events"])
            want += len(gold_ev)
            found += len(got)
            used = [False] * len(gold_ev)
            for e in got:
                hit = next((i for i, g in enumerate(gold_ev) if not used[i] and g["code"][:2] == e.code[:2]
                            and same_actor(g["subject"], e.subject) and same_actor(g["object"], e.object)), None)
                if hit is None:
                    false.append(f"{story} {r['start']}: {e.subject} {e.code} {e.object}")
                    continue
                used[hit] = True
                tp += 1
                mood_ok += gold_ev[hit].get("mood", "asserted") == e.mood
            misses += [f"{story} {r['start']}: {g['subject']} {g['code']} {g['object']}"
                       for i, g in enumerate(gold_ev) if not used[i]]
    p = tp / found if found else 0.0
    rec = tp / want if want else 0.0
    f = 2 * p * rec / (p + rec) if p + rec else 0.0
    return {"sentences": len(rows), "gold events": want, "found": found, "correct": tp,
            "precision": p, "recall": rec, "f1": f, "mood agreement": mood_ok / tp if tp else 0.0,
            "false": false, "missed": misses}


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def story_coverage(kind: str, data: Path, topic: str = "politics", limit: int = 0) -> dict[str, Any]:
    """How many stories of a set get at least one event (all moods), and the events per story."""
    from .corpus import Corpus

    stories = list(corpus_stories(kind, data, topic))
    if limit:
        stories = stories[:limit]
    corpus = Corpus.from_records([{"id": i, "text": t, "date": d} for i, t, d in stories])
    events = corpus.events(progress=False)
    with_event = events["id"].nunique() if len(events) else 0
    return {"stories": len(stories), "with an event": with_event,
            "share": with_event / len(stories) if stories else 0.0, "events": len(events)}


def run(gold_path: Path, data: Path, show: int = 0, coverage: bool = True) -> dict[str, Any]:
    """The whole evaluation: the gold split by split (``tune``: the part the rules were tuned on;
    ``heldout``: labelled, then scored once without tuning), and coverage on BBC politics and Reuters."""
    gold = read_gold(gold_path)
    out: dict[str, Any] = {}
    for split in ("all", "tune", "heldout"):
        res = score(gold, data, None if split == "all" else split)
        if show and split == "all":
            out["false"] = res["false"][:show]
            out["missed"] = res["missed"][:show]
        out[split] = {k: v for k, v in res.items() if k not in ("false", "missed")}
    if coverage:
        out["coverage bbc politics"] = story_coverage("bbc", data, "politics")
        out["coverage reuters"] = story_coverage("reuters", data)
    return out
