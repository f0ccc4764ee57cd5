"""The shipped model and built data files are the ones models/MANIFEST.json describes, and the tagger's
lexicon agrees with the hand-written lists it is built from (no packages or research data needed)."""
from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
MANIFEST = json.loads((REPO / "models" / "MANIFEST.json").read_text(encoding="utf-8"))
SHIPPED = [
    "data/gazetteer/cities.tsv",
    "data/gazetteer/countries.tsv",
    "data/gazetteer/regions.tsv",
    "data/ner/lexicon.tsv",
    "models/clusters.tsv",
    "models/ner.bin",
]


def _build_tool():
    spec = importlib.util.spec_from_file_location("build_gazetteer", REPO / "tools" / "build_gazetteer.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_manifest_lists_every_shipped_file() -> None:
    assert sorted(MANIFEST["artefacts"]) == SHIPPED


@pytest.mark.parametrize("rel", SHIPPED)
def test_shipped_file_matches_manifest(rel: str) -> None:
    entry = MANIFEST["artefacts"][rel]
    data = (REPO / rel).read_bytes()
    assert hashlib.sha256(data).hexdigest() == entry["sha256"], (
        f"{rel} differs from models/MANIFEST.json: rebuild with tools/rebuild_models.py (which rewrites the manifest)"
    )
    assert len(data) == entry["bytes"]
    assert entry["command"] and entry["built_from"]


def test_model_records_its_inputs_and_score() -> None:
    ner = MANIFEST["artefacts"]["models/ner.bin"]
    arts = MANIFEST["artefacts"]
    assert ner["built_from"]["lexicon"]["sha256"] == arts["data/ner/lexicon.tsv"]["sha256"]
    assert ner["built_from"]["clusters"]["sha256"] == arts["models/clusters.tsv"]["sha256"]
    assert isinstance(ner["built_from"]["seed"], int)
    assert ner["score"]["value"] >= 92.95


def test_lexicon_hand_categories_come_from_the_hand_lists() -> None:
    """The demonym, title and other hand-made categories of lexicon.tsv are exactly the hand lists'
    entries (demonyms.tsv and titles.tsv rows marked for the tagger): an edit to a list shows here until
    the lexicon is rebuilt."""
    tool = _build_tool()
    want = {(tool.lexicon_key(p), c) for p, c in tool.hand_entries() if len(tool.lexicon_key(p)) > 1}
    cats = {c for _, c in want}
    lexicon = (REPO / "data" / "ner" / "lexicon.tsv").read_text(encoding="utf-8")
    have = {
        tuple(line.split("\t"))
        for line in lexicon.splitlines()
        if line and not line.startswith("#") and line.split("\t")[1] in cats
    }
    assert have == want, f"missing {sorted(want - have)[:10]}, extra {sorted(have - want)[:10]}"
