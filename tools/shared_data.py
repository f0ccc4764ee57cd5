"""Where the project's research data is, for the scripts in tools/ and benchmarks/ (they run from a
checkout): ``$DATELINE_SHARED``, else the ``shared`` folder beside the checkout. The data is read in
place and never shipped with the package."""
from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def shared_dir() -> Path | None:
    """``$DATELINE_SHARED``, else ``<checkout>/../shared``; None when it does not exist."""
    env = os.environ.get("DATELINE_SHARED")
    p = Path(env) if env else (REPO / ".." / "shared").resolve()
    return p if p.is_dir() else None


def bbc_records() -> list[dict]:
    """The BBC News stories (``data/bbc_news``) as records: id ``"<topic>/<NNN>.txt"``, text the
    file (headline, blank line, body); UTF-8, else Latin-1 (a few files are)."""
    shared = shared_dir()
    if shared is None:
        raise FileNotFoundError("no shared data folder (set DATELINE_SHARED)")
    out = []
    for path in sorted((shared / "data" / "bbc_news").glob("*/*.txt")):
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
        out.append({"id": f"{path.parent.name}/{path.name}", "text": text})
    return out
