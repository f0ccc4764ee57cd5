"""Where the project's shared research data (``../shared``) is, for tests and benchmarks.

The data is never shipped: it is read in place from the ``shared`` folder beside the repository
checkout, or from ``$DATELINE_SHARED``.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

#: The repository root when dateline runs from a checkout (editable install), else None.
_here = Path(__file__).resolve()


def repo_root() -> Optional[Path]:
    """The checkout this package runs from (the folder holding pyproject.toml), if any."""
    for parent in _here.parents:
        if (parent / "pyproject.toml").is_file() and (parent / "python" / "dateline").is_dir():
            return parent
    return None


def shared_dir(start: Optional[Path] = None) -> Optional[Path]:
    """``$DATELINE_SHARED``, else ``<repo>/../shared``; None when it does not exist."""
    env = os.environ.get("DATELINE_SHARED")
    if env:
        p = Path(env)
        return p if p.is_dir() else None
    roots = [start] if start is not None else []
    root = repo_root()
    if root is not None:
        roots.append(root)
    roots.append(Path.cwd())
    for r in roots:
        p = (Path(r) / ".." / "shared").resolve()
        if p.is_dir():
            return p
    return None
