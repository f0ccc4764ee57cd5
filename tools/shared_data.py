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
