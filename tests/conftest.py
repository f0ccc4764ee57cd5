"""Shared fixtures. Tests that read the research data in ../shared use the `shared_dir` fixture: it
skips the test when the folder is absent (a user's fresh clone) and fails it under CI=true."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _find_shared() -> Path | None:
    """``$DATELINE_SHARED``, else the ``shared`` folder beside the checkout (never shipped)."""
    env = os.environ.get("DATELINE_SHARED")
    p = Path(env) if env else (REPO / ".." / "shared").resolve()
    return p if p.is_dir() else None


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    found = _find_shared()
    if found is None:
        msg = f"shared data not found ({REPO.parent / 'shared'} or $DATELINE_SHARED)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(msg + "; it is required under CI=true")
        pytest.skip(msg)
    return found


@pytest.fixture(scope="session")
def seed_expectations(shared_dir: Path) -> dict:
    return json.loads((shared_dir / "gold" / "seed-expectations.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_text(shared_dir: Path, seed_expectations: dict) -> str:
    return (shared_dir / seed_expectations["file"]).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_article(seed_text: str):
    import dateline

    return dateline.parse(seed_text)
