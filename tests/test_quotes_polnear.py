"""Quotes, speakers and attributions on PolNeAR dev (the rule: src/eval/polnear.rs and the README's
evaluation section). Thresholds sit a little below what was measured, so a regression fails."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

import dateline
from dateline import _native


@pytest.fixture(scope="module")
def polnear_dev(shared_dir: Path) -> Path:
    path = shared_dir / "data" / "polnear" / "dev.jsonl"
    if not path.exists():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{path} is required under CI=true")
        pytest.skip(f"{path} not found")
    return path


def test_polnear_dev_scores(polnear_dev: Path):
    r = _native.eval_polnear(str(polnear_dev))
    assert r["documents"] == 84 and r["gold_quotes"] > 400
    # Measured: direct quotes F1 97.71, named speakers 84.6%, attributions F1 50.02.
    assert r["direct_quotes"]["f1"] >= 97.0
    assert r["named_speaker"]["accuracy"] >= 83.0
    assert r["attributions"]["f1"] >= 48.0


def test_attributions_direct_and_reported():
    text = ("SEOUL, March 3 (Yonhap) -- Foreign Minister Park Jin said the talks had failed.\n\n"
            "\"We will try again,\" he said.")
    art = dateline.parse(text, date="2024-03-03")
    got = [(a.speaker, a.verb, a.text, a.direct, text[a.speaker_start:a.speaker_end]) for a in art.attributions]
    assert got == [("Park Jin", "said", "the talks had failed", False, "Park Jin"),
                   ("Park Jin", "said", "We will try again", True, "he")]
    q = art.quotes[0]
    assert (text[q.speaker_start:q.speaker_end], text[q.cue_start:q.cue_end]) == ("he", "said")
