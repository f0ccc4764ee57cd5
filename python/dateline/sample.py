"""The sample corpus shipped with dateline: short wire stories written for this project (fiction in
news style) in the styles of several agencies. Used by ``dateline demo``, the README and tests."""
from __future__ import annotations

from pathlib import Path

__all__ = ["sample_dir", "sample_corpus"]


def sample_dir() -> Path:
    """The folder holding the sample stories (``<id>.txt``) and their ``index.json``."""
    return Path(__file__).resolve().parent / "data" / "sample"


def sample_corpus() -> list[dict[str, str]]:
    """The sample stories in order, each a dict with ``id``, ``date``, ``style`` and ``text``."""
    import json

    folder = sample_dir()
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    stories = []
    for entry in index["stories"]:
        text = (folder / f"{entry['id']}.txt").read_text(encoding="utf-8")
        stories.append({"id": entry["id"], "date": entry["date"], "style": entry["style"], "text": text})
    return stories
