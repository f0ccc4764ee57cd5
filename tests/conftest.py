"""Shared fixtures. Tests that read the research data in ../shared use the `shared_dir` fixture: it
skips the test when the folder is absent (a user's fresh clone) and fails it under CI=true."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# The one lookup of the research data, shared with benchmarks/ and tools/ (all run from a checkout).
sys.path.insert(0, str(REPO / "tools"))
from shared_data import shared_dir as _find_shared  # noqa: E402


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
