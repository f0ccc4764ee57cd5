"""Story identity: near-duplicate detection (dateline.near_duplicates, the duplicate_of column of the
corpus tables) and the statistics' dedupe=."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import dateline
from dateline import Corpus, InputError, _native
from dateline.stats import entity_frequency, mark_duplicates, quotes_by_speaker

STORY = ("LONDON, March 3 - Brazil's coffee exports fell sharply in February as growers held back supplies "
         "ahead of a new price support scheme, the Brazilian Coffee Institute said. Exports totalled 1.2 mln "
         "bags against 1.8 mln a year earlier, institute spokesman Jorio Dauster told reporters in Rio de "
         "Janeiro. \"Registrations for March are also running below last year's pace,\" Dauster said.")
OTHER = ("TOKYO, March 3 - The Bank of Japan left its discount rate unchanged at 2.5 pct, saying the yen's "
         "rise had not yet hurt exporters. Governor Satoshi Sumita said the bank would act to calm markets.")
# Same template, other figures and day: a different story.
TEMPLATE = STORY.replace("1.2 mln", "0.9 mln").replace("1.8 mln", "1.1 mln").replace("March 3", "March 17")


def test_near_duplicates_marks_later_versions_and_keeps_templates_apart():
    df = pd.DataFrame({
        "id": ["a", "b", "c", "d", "e"],
        "text": [STORY, OTHER, "UPDATE 1-" + STORY + " Shipments to Europe rose.", TEMPLATE, STORY.upper()],
        "date": ["1987-03-03", "1987-03-03", "1987-03-03", "1987-03-17", "1987-03-02"],
    })
    out = dateline.near_duplicates(df, date="date")
    assert list(out.columns) == ["id", "duplicate_of"]
    # "e" is dated earliest, so it is the first version of a, c
    assert dict(zip(out["id"], out["duplicate_of"])) == {"a": "e", "b": None, "c": "e", "d": None, "e": None}
    # without dates, input order decides
    first = dateline.near_duplicates(df)
    assert dict(zip(first["id"], first["duplicate_of"]))["e"] == "a"
    pairs = dateline.near_duplicates(df, date="date", pairs=True)
    assert {(a, b) for a, b in zip(pairs["id"], pairs["other"])} >= {("e", "a"), ("e", "c")}
    assert pairs["similarity"].between(0, 1).all()
    # another thread count, the same answer
    one = dateline.near_duplicates(df, date="date", threads=1)
    assert one.equals(dateline.near_duplicates(df, date="date", threads=3))


def test_near_duplicates_bad_input():
    with pytest.raises(InputError, match="threshold"):
        dateline.near_duplicates(["a b c"], threshold=0)
    with pytest.raises(InputError, match="not str"):
        dateline.near_duplicates(pd.DataFrame({"text": ["x", None]}))
    with pytest.raises(InputError, match="column"):
        dateline.near_duplicates(pd.DataFrame({"body": ["x"]}))
    with pytest.raises(InputError, match="DataFrame"):
        dateline.near_duplicates(42)
    # empty texts and an empty input are no one's duplicates
    assert dateline.near_duplicates(["", "", " "])["duplicate_of"].isna().all()
    assert len(dateline.near_duplicates([])) == 0


def _corpus() -> Corpus:
    return Corpus.from_records([
        {"id": "s1", "text": "Coffee exports fall\n" + STORY, "date": "1987-03-03"},
        {"id": "s2", "text": "Yen steady\n" + OTHER, "date": "1987-03-03"},
        {"id": "s3", "text": "REPEAT - Coffee exports fall\n" + STORY, "date": "1987-03-03"},
    ])


def test_corpus_tables_carry_duplicate_of():
    corpus = _corpus()
    arts = corpus.articles(progress=False)
    assert arts["duplicate_of"].isna().tolist() == [True, True, False] and arts["duplicate_of"][2] == "s1"
    ents = corpus.entities(progress=False)
    assert set(ents.loc[ents["id"] == "s3", "duplicate_of"]) == {"s1"}
    assert ents.loc[ents["id"] != "s3", "duplicate_of"].isna().all()
    tables = corpus.tables(progress=False)
    assert all("duplicate_of" in t.columns for t in tables.values())
    assert tables["articles"]["duplicate_of"].fillna("-").tolist() == ["-", "-", "s1"]
    # dedupe=False skips the detection; a batch of iter_tables cannot know
    assert corpus.articles(progress=False, dedupe=False)["duplicate_of"].isna().all()
    for out in corpus.iter_tables(progress=False):
        assert out["articles"].column("duplicate_of").null_count == out["articles"].num_rows
    # at any thread count
    assert corpus.articles(progress=False, threads=1).equals(corpus.articles(progress=False, threads=2))


def test_statistics_count_each_story_once_by_default():
    corpus = _corpus()
    t = corpus.tables(progress=False)
    once = entity_frequency(t["entities"]).set_index("entity")
    every = entity_frequency(t["entities"], dedupe=False).set_index("entity")
    assert once.loc["Jorio Dauster", "stories"] == 1 and every.loc["Jorio Dauster", "stories"] == 2
    assert every.loc["Jorio Dauster", "mentions"] == 2 * once.loc["Jorio Dauster", "mentions"]
    q_once = quotes_by_speaker(t["quotes"]).set_index("speaker")
    q_every = quotes_by_speaker(t["quotes"], dedupe=False).set_index("speaker")
    assert q_every["quotes"].sum() == 2 * q_once["quotes"].sum()
    # a table saved without the column: marked from the articles table
    bare = t["entities"].drop(columns="duplicate_of")
    assert entity_frequency(bare).set_index("entity").loc["Jorio Dauster", "stories"] == 2
    marked = mark_duplicates(bare, t["articles"])
    assert entity_frequency(marked).set_index("entity").loc["Jorio Dauster", "stories"] == 1
    via_stats = dateline.stats.CorpusStats(bare, t["articles"]).frequency().set_index("entity")
    assert via_stats.loc["Jorio Dauster", "stories"] == 1
    with pytest.raises(InputError, match="dedupe"):
        entity_frequency(t["entities"], dedupe="yes")


GOLD = Path(__file__).resolve().parent / "gold" / "near_duplicates.jsonl"


def test_gold_file_holds_ids_and_judgements_only():
    rows = [json.loads(line) for line in GOLD.read_text().splitlines()]
    assert len(rows) >= 100
    assert {k for r in rows for k in r} == {"set", "a", "b", "duplicate", "reason", "sampled", "split"}
    assert sum(r["duplicate"] for r in rows) >= 40 and sum(not r["duplicate"] for r in rows) >= 40
    assert all(len(r["reason"]) < 80 for r in rows)


def test_near_duplicate_pairs_precision_and_recall_on_reuters(shared_dir: Path):
    stories = {str(s["id"]): s for s in _native.load_reuters(str(shared_dir / "data" / "reuters21578"))}
    rows = [json.loads(line) for line in GOLD.read_text().splitlines()]
    frame = pd.DataFrame({"id": list(stories), "text": [s["text"] for s in stories.values()],
                          "date": [s["date"] for s in stories.values()]})
    out = dateline.near_duplicates(frame, date="date")
    root = {i: (d if d is not None else i) for i, d in zip(out["id"], out["duplicate_of"])}
    found = [root[r["a"]] == root[r["b"]] for r in rows]
    scores = {}
    for split in ("dev", "held_out", None):
        part = [(r["duplicate"], f) for r, f in zip(rows, found) if split is None or r["split"] == split]
        tp = sum(d and f for d, f in part)
        scores[split] = (tp / max(1, sum(f for _, f in part)), tp / sum(d for d, _ in part))
        print(f"{split or 'all'}: precision {scores[split][0]:.3f} recall {scores[split][1]:.3f}")
    # issue 14's targets, on all judged pairs; the held-out part (not used to choose the settings)
    # must not fall far below them
    assert scores[None][0] >= 0.98 and scores[None][1] >= 0.90, scores
    assert scores["held_out"][0] >= 0.95 and scores["held_out"][1] >= 0.85, scores


def test_to_parquet_fills_duplicate_of_when_parts_are_joined(tmp_path):
    corpus = _corpus()
    # one part per story: the first versions are decided over every part
    corpus.to_parquet(tmp_path / "out", progress=False, row_group_rows=1)
    arts = pd.read_parquet(tmp_path / "out" / "articles.parquet")
    assert arts["duplicate_of"].fillna("-").tolist() == ["-", "-", "s1"]
    ents = pd.read_parquet(tmp_path / "out" / "entities.parquet")
    assert set(ents.loc[ents["id"] == "s3", "duplicate_of"]) == {"s1"}
    assert not (tmp_path / "out" / "_partial").exists()
    corpus.to_parquet(tmp_path / "plain", progress=False, dedupe=False)
    assert pd.read_parquet(tmp_path / "plain" / "articles.parquet")["duplicate_of"].isna().all()
