"""dateline.link: corpus-level identity over an entities table, the statistics' use of its columns,
and the pairwise gold of tests/gold/link_pairs.jsonl (scored on the research data when present)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd
import pytest

import dateline
from dateline import InputError
from dateline.stats import cooccurrence, entity_frequency, timeline

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "tests" / "gold" / "link_pairs.jsonl"

# Our own stories: one Reagan and his surname; two Johnsons of equal standing; a company in three
# spellings; a city in capitals in a dateline-like headline.
STORIES = [
    {"id": "s1", "date": "1987-03-02",
     "text": "President Ronald Reagan met Intel Corp executives in Washington on Monday."},
    {"id": "s2", "date": "1987-03-03", "text": "Ronald Reagan said the budget would pass. Reagan spoke at noon."},
    {"id": "s3", "date": "1987-03-04", "text": "Reagan told reporters that INTEL had asked for help."},
    {"id": "s4", "date": "1987-03-05", "text": "Intel said its sales rose. Ronald Reagan praised the company."},
    {"id": "s5", "date": "1987-03-06", "text": "Mary Johnson, a teacher in Ohio, won the prize on Friday."},
    {"id": "s6", "date": "1987-03-07", "text": "Peter Johnson, a farmer in Iowa, sold his land on Tuesday."},
    {"id": "s7", "date": "1987-03-08", "text": "Johnson said he was pleased with the price."},
    {"id": "s8", "date": "1987-03-09", "text": "Mary Johnson returned to Ohio. Peter Johnson stayed in Iowa."},
]


@pytest.fixture(scope="module")
def entities() -> pd.DataFrame:
    return dateline.Corpus.from_records(STORIES).entities(dedupe=False)


def _frame(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["id", "date", "text", "label"])


def test_link_joins_surnames_case_and_suffix_variants(entities):
    linked = dateline.link(entities)
    by_text = linked.groupby("text")["entity_id"].agg(set)
    reagan = linked.loc[linked["text"].eq("Ronald Reagan"), "entity_id"].iloc[0]
    assert by_text["Reagan"] == {reagan}
    assert set(linked.loc[linked["entity_id"].eq(reagan), "name"]) == {"Ronald Reagan"}
    intel = set(linked.loc[linked["text"].str.upper().str.startswith("INTEL"), "entity_id"])
    assert len(intel) == 1, linked[linked["label"].eq("ORG")]
    # canonical stays the in-story name
    assert "Reagan" in set(linked.loc[linked["entity_id"].eq(reagan), "canonical"])


def test_two_namesakes_of_equal_standing_stay_apart(entities):
    linked = dateline.link(entities)
    ids = linked.set_index("text")["entity_id"].groupby(level=0).agg(set)
    assert ids["Mary Johnson"] != ids["Peter Johnson"]
    assert ids["Johnson"].isdisjoint(ids["Mary Johnson"] | ids["Peter Johnson"])


def test_ids_do_not_depend_on_order_threads_or_split(entities):
    a = dateline.link(entities)
    shuffled = entities.sample(frac=1.0, random_state=3)
    b = dateline.link(shuffled).loc[a.index]
    assert a["entity_id"].tolist() == b["entity_id"].tolist()
    assert a["name"].tolist() == b["name"].tolist()
    one = dateline.Corpus.from_records(STORIES).entities(link=True, threads=1, dedupe=False)
    two = dateline.Corpus.from_records(STORIES).entities(link=True, threads=2, dedupe=False)
    assert one["entity_id"].tolist() == two["entity_id"].tolist() == a["entity_id"].tolist()
    # the same entity keeps its id in a table that holds more
    bigger = dateline.link(pd.concat([entities, _frame([("x", "1987-05-01", "Paris", "GPE")])], ignore_index=True))
    assert bigger["entity_id"].iloc[: len(a)].tolist() == a["entity_id"].tolist()


def test_a_bare_surname_needs_its_story_to_support_a_little_known_name():
    # "Pettigrew" alone in a story about a firm named after him; an economist Alan Pettigrew is
    # quoted in two stories about the Irish budget. One "Pettigrew" story shares a name with his.
    rows = [("s1", "1987-03-02", "Alan Pettigrew", "PERSON"), ("s1", "1987-03-02", "Dail", "ORG"),
            ("s2", "1987-03-09", "Alan Pettigrew", "PERSON"),
            ("s3", "1987-03-10", "Pettigrew", "PERSON"), ("s3", "1987-03-10", "Orlando", "GPE"),
            ("s4", "1987-03-11", "Pettigrew", "PERSON"), ("s4", "1987-03-11", "Dail", "ORG")]
    linked = dateline.link(_frame(rows))
    alan = linked["entity_id"].iloc[0]
    assert linked["entity_id"].iloc[3] != alan
    assert linked["entity_id"].iloc[5] == alan
    assert linked["name"].iloc[5] == "Alan Pettigrew"
    # a name the corpus writes in many stories needs no support
    rows += [(f"p{i}", "1987-04-01", "Alan Pettigrew", "PERSON") for i in range(10)]
    assert dateline.link(_frame(rows))["entity_id"].iloc[3] == alan


def test_spellings_of_one_long_name_meet_and_its_acronym_joins_them():
    rows = [("a", "2005-01-02", "Trades Union Congress", "ORG"), ("a", "2005-01-02", "TUC", "ORG"),
            ("b", "2005-01-03", "Trade Unions Congress", "ORG"), ("c", "2005-01-04", "TUC", "ORG")]
    linked = dateline.link(_frame(rows).assign(canonical=["Trades Union Congress", "Trades Union Congress",
                                                          "Trade Unions Congress", "TUC"]))
    assert linked["entity_id"].nunique() == 1


def test_window_decides_ambiguity():
    # 1987: one Baker; 1988: another one. A 1987 "Baker" joins the 1987 one only by year.
    rows = [(f"a{i}", "1987-04-01", "James Baker", "PERSON") for i in range(6)]
    rows += [(f"b{i}", "1988-04-01", "Howard Baker", "PERSON") for i in range(6)]
    # the bare "Baker" story shares a name with one of the 1987 stories (a full name in fewer
    # than PROMINENT stories needs that support)
    rows += [("a0", "1987-04-01", "Group of Five", "ORG"), ("c", "1987-05-01", "Group of Five", "ORG")]
    rows += [("c", "1987-05-01", "Baker", "PERSON")]
    by_year = dateline.link(_frame(rows))
    assert by_year["name"].iloc[-1] == "James Baker"
    whole = dateline.link(_frame(rows), window="all")
    assert whole["name"].iloc[-1] == "Baker"
    with pytest.raises(InputError, match="window"):
        dateline.link(_frame(rows), window="month")


def test_aliases_win_in_link(entities):
    linked = dateline.link(entities, aliases={"INTEL": ("Intel Corporation", "ORG", "Q248")})
    got = linked[linked["text"].eq("INTEL")]
    assert got["entity_id"].tolist() == ["Q248"] and got["name"].tolist() == ["Intel Corporation"]
    # Corpus.entities(link=True, aliases=...) gives the same
    via_corpus = dateline.Corpus.from_records(STORIES).entities(
        link=True, dedupe=False, aliases={"INTEL": ("Intel Corporation", "ORG", "Q248")})
    assert via_corpus.loc[via_corpus["text"].eq("INTEL"), "entity_id"].tolist() == ["Q248"]


def test_stats_count_by_entity_id_and_show_name(entities):
    plain = entity_frequency(entities, labels="PERSON").set_index("entity")
    assert "Reagan" in plain.index and "Ronald Reagan" in plain.index
    linked = dateline.link(entities)
    freq = entity_frequency(linked, labels="PERSON").set_index("entity")
    assert "Reagan" not in freq.index
    assert freq.loc["Ronald Reagan", "stories"] == 4
    co = cooccurrence(linked, unit="story", labels=["PERSON", "ORG"])
    names = set(co["entity_a"]) | set(co["entity_b"])
    assert "Reagan" not in names and "Ronald Reagan" in names
    tl = timeline(linked, ["Ronald Reagan"], freq="D", count="stories")
    assert tl["Ronald Reagan"].sum() == 4


def test_stats_keep_ids_apart_that_share_a_name():
    t = pd.DataFrame({
        "id": ["1", "2", "3", "4"], "text": ["Johnson"] * 4, "label": ["PERSON"] * 4,
        "entity_id": ["aaaaaa11", "aaaaaa11", "aaaaaa11", "bbbbbb22"], "name": ["Johnson"] * 4})
    freq = entity_frequency(t).set_index("entity")
    assert freq.loc["Johnson", "mentions"] == 3
    assert freq.loc["Johnson [bbbbbb]", "mentions"] == 1
    # rows without an id fall back to the canonical name or the text
    t2 = t.assign(entity_id=[None, "aaaaaa11", "aaaaaa11", "aaaaaa11"], name=[None, "J", "J", "J"])
    assert entity_frequency(t2).set_index("entity")["mentions"].to_dict() == {"J": 3, "Johnson": 1}


def test_gold_file_holds_ids_offsets_and_judgements_only():
    rows = [json.loads(line) for line in GOLD.read_text().splitlines()]
    assert len(rows) >= 400
    assert {k for r in rows for k in r} <= {"set", "kind", "a", "b", "same", "split", "note"}
    assert all(set(r["a"]) == set(r["b"]) == {"id", "start", "end"} for r in rows)
    assert all(len(r.get("note", "")) < 60 for r in rows)
    assert sum(not r["same"] for r in rows) >= len(rows) // 4  # hard negatives
    assert {r["split"] for r in rows} == {"tune", "held_out", "held_out_2", "union", "union_tune", "union_held_out"}
    assert {r["set"] for r in rows} == {"reuters21578", "bbc"}


@pytest.mark.xfail(strict=True, reason="issue 14's acceptance (merge precision >= 0.98, recall >= 0.90) is not "
                   "met yet: see `python benchmarks/eval_link.py` for the measured figures")
def test_link_pairs_merge_precision_and_recall(shared_dir: Path):
    sys.path.insert(0, str(REPO / "benchmarks"))
    import eval_link

    gold = eval_link.load_gold()
    found = eval_link.merged(gold, eval_link.link_all(gold))
    scores = eval_link.report(gold, found)
    p, r = scores[(None, None)]
    assert p >= 0.98 and r >= 0.90, scores  # issue 14's targets, on all judged pairs
    hp, hr = scores[("held_out", None)]
    assert hp >= 0.95 and hr >= 0.85, scores  # the held-out part must not fall far below them


def test_a_headline_name_cut_in_two_is_keyed_whole():
    # "PARROT" + "CHEMICAL CO" in one headline is Parrot Chemical Co, not the other stories' Parrot
    rows = [
        ("1", 0, 6, "PARROT", "MISC", "headline"), ("1", 7, 18, "CHEMICAL CO", "ORG", "headline"),
        ("2", 0, 19, "Parrot Chemical Co", "ORG", "body"),
        ("3", 10, 16, "Parrot", "MISC", "body"), ("4", 30, 36, "Parrot", "MISC", "body"),
        # not adjacent: two names of one headline stay as they are
        ("5", 0, 6, "PARROT", "MISC", "headline"), ("5", 20, 31, "CHEMICAL CO", "ORG", "headline"),
    ]
    t = pd.DataFrame(rows, columns=["id", "start", "end", "text", "label", "section"]).assign(date="1987-03-02")
    linked = dateline.link(t)
    eid = linked["entity_id"].tolist()
    assert eid[0] == eid[2] != eid[3]
    assert eid[5] == eid[3]
    # the table keeps what the recogniser gave; only the corpus-level name says more
    assert linked["text"].tolist()[0] == "PARROT" and linked["label"].tolist()[0] == "MISC"
    assert linked["name"].tolist()[0] == "Parrot Chemical Co"
