"""Events: the new columns through Python and the corpus table, the weekly country-pair table, and
precision and recall on the hand-made gold (tests/gold/events.jsonl, scored on the shared data)."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import dateline
from dateline import Corpus
from dateline.errors import InputError
from dateline.stats import MOODS, event_counts

GOLD = Path(__file__).resolve().parent / "gold" / "events.jsonl"

STORY = (
    "SEOUL, July 27 (Yonhap) -- North Korean leader Kim Jong-un met Russian Defense Minister Sergei Shoigu "
    "in Pyongyang on Wednesday, state media said.\n\n"
    "Kim did not meet Chinese envoy Li Hongzhong. Russia will sign a new treaty with North Korea.\n"
)


def test_event_has_the_new_fields():
    art = dateline.parse(STORY, date="2023-07-27")
    got = {(e.subject, e.predicate, e.object): e for e in art.events}
    meet = got[("Kim Jong-un", "meet", "Sergei Shoigu")]
    assert (meet.code, meet.quad_class, meet.mood, meet.reported) == ("040", 1, "asserted", True)
    assert (meet.subject_country, meet.object_country) == ("KP", "RU")
    assert meet.place == "Pyongyang" and meet.date == "2023-07-26"
    denied = got[("Kim Jong-un", "meet", "Li Hongzhong")]
    assert (denied.mood, denied.reported, denied.date) == ("negated", False, "2023-07-27")
    assert denied.to_dict()["code"] == "040"


def test_corpus_events_carry_the_new_columns():
    df = Corpus.from_records([{"id": "s1", "text": STORY, "date": "2023-07-27"}]).events(progress=False)
    for col in ("code", "quad_class", "subject_country", "object_country", "date", "place", "mood", "reported"):
        assert col in df.columns, col
    assert str(df["reported"].dtype) == "bool" and str(df["quad_class"].dtype) == "int64"
    row = df[(df["subject"] == "Kim Jong-un") & (df["object"] == "Sergei Shoigu")].iloc[0]
    assert (row["code"], row["date"], row["mood"], bool(row["reported"])) == ("040", "2023-07-26", "asserted", True)


def _table() -> pd.DataFrame:
    return pd.DataFrame({
        "id": ["a", "a", "b", "c", "d", "e"],
        "date": ["2023-07-24", "2023-07-30", "2023-07-26", "2023-08-02", None, "2023-07-25"],
        "subject_country": ["KP", "KP", "KP", "RU", "KP", None],
        "object_country": ["RU", "RU", "RU", "KP", "RU", "RU"],
        "quad_class": [1, 1, 3, 1, 1, 1],
        "mood": ["asserted", "asserted", "asserted", "asserted", "asserted", "negated"],
        "reported": [False, True, False, True, False, False],
    })


def test_weekly_country_pair_counts_by_hand():
    out = event_counts(_table())
    # Week of Monday 2023-07-24: KP->RU verbal cooperation twice (one story), KP->RU verbal conflict
    # once; week of 07-31: RU->KP once. The undated event and the denied one are left out.
    assert out.to_dict("records") == [
        {"period": pd.Timestamp("2023-07-24"), "subject_country": "KP", "object_country": "RU", "quad_class": 1,
         "events": 2, "stories": 1},
        {"period": pd.Timestamp("2023-07-24"), "subject_country": "KP", "object_country": "RU", "quad_class": 3,
         "events": 1, "stories": 1},
        {"period": pd.Timestamp("2023-07-31"), "subject_country": "RU", "object_country": "KP", "quad_class": 1,
         "events": 1, "stories": 1},
    ]


def test_daily_undated_and_filters():
    day = event_counts(_table(), freq="D", by=["subject_country"])
    assert day[["period", "subject_country", "events"]].values.tolist() == [
        [pd.Timestamp("2023-07-24"), "KP", 1], [pd.Timestamp("2023-07-26"), "KP", 1],
        [pd.Timestamp("2023-07-30"), "KP", 1], [pd.Timestamp("2023-08-02"), "RU", 1]]
    whole = event_counts(_table(), freq=None, by="object_country", moods=None, dropna=False)
    assert whole.set_index("object_country")["events"].to_dict() == {"RU": 5, "KP": 1}
    said = event_counts(_table(), freq=None, by="subject_country", reported=True)
    assert said.set_index("subject_country")["events"].to_dict() == {"KP": 1, "RU": 1}
    empty = event_counts(_table().iloc[:0])
    assert list(empty.columns) == ["period", "subject_country", "object_country", "quad_class", "events", "stories"]
    assert "negated" in MOODS


def test_event_counts_errors():
    with pytest.raises(InputError, match="freq"):
        event_counts(_table(), freq="Y")
    with pytest.raises(InputError, match="mood"):
        event_counts(_table(), moods=["certain"])
    with pytest.raises(InputError, match="no column 'place'"):
        event_counts(_table(), by=["place"])
    with pytest.raises(InputError, match="DataFrame or a Corpus"):
        event_counts([1, 2])


def test_event_counts_docstring_example():
    import doctest

    import dateline.stats._events as mod

    assert doctest.testmod(mod).failed == 0


def test_gold_file_holds_ids_offsets_and_labels_only():
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 150
    assert {r["split"] for r in rows} == {"tune", "heldout"}
    assert {r["story"].split(":")[0] for r in rows} == {"reuters", "bbc", "silver"}
    for r in rows:
        assert set(r) <= {"story", "start", "end", "split", "events", "why"}, r
        assert 0 <= r["start"] < r["end"]
        for e in r["events"]:
            assert set(e) == {"subject", "code", "object", "mood", "why"}
            assert 1 <= int(e["code"][:2]) <= 20 and e["mood"] in MOODS


def test_precision_and_recall_on_the_gold(shared_dir, capsys):
    from dateline._eval_events import read_gold, score

    gold = read_gold(GOLD)
    res = score(gold, shared_dir / "data")
    held = score(gold, shared_dir / "data", "heldout")
    with capsys.disabled():
        print(f"\nevents gold: precision {res['precision']:.1%} recall {res['recall']:.1%} "
              f"({res['correct']}/{res['found']} found, {res['gold events']} gold); held-out precision "
              f"{held['precision']:.1%} recall {held['recall']:.1%}")
    # Floors at the measured level (precision first), so a change that loses either fails here.
    assert res["precision"] >= 0.75, res["false"]
    assert res["recall"] >= 0.20, res["missed"]


def test_a_ticker_after_a_name_is_the_name_and_in_principle_is_passed_over():
    art = dateline.parse("Harbor Lines Corp <HLC> agreed in principle to acquire Northwind Trading Corp.")
    got = [(e.subject, e.predicate, e.object, e.mood) for e in art.events]
    assert len(got) == 1, got
    subject, predicate, obj, mood = got[0]
    assert (subject, predicate, mood) == ("Harbor Lines Corp", "acquire", "planned")
    assert obj.startswith("Northwind Trading Corp")
