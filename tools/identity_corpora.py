"""The two corpora the identity gold (tests/gold/identity_pairs.jsonl) refers to, rebuilt from
../shared/data: Reuters-21578 (stories with a dateline; id = NEWID) and BBC News (id =
"<topic>/<file number>", no date). Used by the identity test and benchmarks/bench_link.py."""
from __future__ import annotations

from pathlib import Path

from shared_data import shared_dir


def reuters_records() -> list[dict]:
    from dateline import _native

    shared = shared_dir()
    assert shared is not None
    stories = [s for s in _native.load_reuters(str(shared / "data" / "reuters21578")) if s["dateline"]]
    return [{"id": str(s["id"]), "text": s["text"], "date": s.get("date")} for s in stories]


def bbc_records() -> list[dict]:
    shared = shared_dir()
    assert shared is not None
    root = shared / "data" / "bbc_news"
    out = []
    for path in sorted(root.glob("*/*.txt")):
        text = path.read_bytes().decode("utf-8", errors="replace")
        out.append({"id": f"{path.parent.name}/{path.stem}", "text": text, "date": None})
    return out


def records(corpus: str) -> list[dict]:
    return reuters_records() if corpus == "reuters" else bbc_records()


def linked_entities(corpus: str, threads: int | None = None):
    """The corpus's entities table, linked."""
    import dateline

    return dateline.Corpus.from_records(records(corpus)).entities(threads=threads, link=True)


__all__ = ["records", "linked_entities", "Path"]
