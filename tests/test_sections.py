"""Issue 14, parts 1, 2 and 5: sections and credit lines, usual surface forms, the user's own names
(aliases and patterns). Every story here was written for these tests or ships as a sample."""
from __future__ import annotations

import pandas as pd
import pytest

import dateline
from dateline import Corpus, InputError, stats

SAMPLES = {s["id"]: s for s in dateline.sample_corpus()}


def _parse(sample_id: str, **kw):
    s = SAMPLES[sample_id]
    return dateline.parse(s["text"], date=s["date"], **kw)


# ------------------------------------------------------------------------------------ sections


@pytest.mark.parametrize(
    ("sample_id", "credits", "last_paragraph_start"),
    [
        ("05-reuters-modern-zurich", [("Anna Brunner", "reporting"), ("Tom Reddy", "editing")], "Shares in the bank"),
        ("15-ap-contributor-river", [("Tom Becker", "contributing"), ("Sara Lindqvist", "contributing")],
         "The National Weather Service"),
        ("16-cox-nyt-harbor", [("Paul Brennan", "contributing"), ("Cox News Service", "copyright")], "Work on the"),
        ("17-afp-signoff-vienna", [("mg/kl/txw", "signoff")], "The opposition Freedom Party"),
        ("18-nyt-wire-citrus", [("Cox News Service", "copyright")], "``He used to say the land remembers"),
        ("02-ap-senate-budget", [("The Associated Press", "copyright")], "The House is expected"),
    ],
)
def test_credit_lines_in_each_agency_style(sample_id, credits, last_paragraph_start):
    art = _parse(sample_id)
    assert [(c.name, c.role) for c in art.credits] == credits
    # Credit lines are not body paragraphs.
    assert art.paragraphs[-1].text.startswith(last_paragraph_start)
    for c in art.credits:
        assert art.text[c.start:c.end] == c.name
        assert c.name in c.line
        assert c.line not in art.body
    assert "___" not in art.body


def test_every_mention_knows_its_section():
    art = _parse("05-reuters-modern-zurich")
    by_section = {}
    for e in art.entities:
        by_section.setdefault(e.section, []).append(e.text)
        assert e.section == art.sentences[e.sentence].section or (e.section, e.label) == ("credit", "ORG")
    assert "Anna Brunner" in by_section["credit"] and "Tom Reddy" in by_section["credit"]
    assert "Reuters" in by_section["dateline"]
    assert "Helvetia Bank" in by_section["headline"]
    assert not {"Anna Brunner", "Tom Reddy"} & set(by_section.get("body", []))
    assert all(q.section == art.sentences[q.sentence].section for q in art.quotes)
    assert all(ev.section in stats.SECTIONS for ev in art.events)
    d = art.to_dict()
    assert d["credits"][0]["role"] == "reporting" and d["entities"][0]["section"] == "headline"


def test_trailing_reuters_credit_closing_a_paragraph():
    text = ("ZURICH, Feb 26 (Reuters) - Helvetia Bank will cut 1,200 jobs, it said on Monday. "
            "(Reporting by Anna Brunner; Additional reporting by Piet Jansen; Editing by Tom Reddy)")
    art = dateline.parse(text, date="2024-02-26")
    assert art.paragraphs[-1].text.endswith("it said on Monday.")
    assert [(c.name, c.role) for c in art.credits] == [
        ("Anna Brunner", "reporting"), ("Piet Jansen", "contributing"), ("Tom Reddy", "editing")]


def test_the_wire_naming_itself_counts_with_the_credits():
    own = ("TOKYO, March 3 - Japan's trade surplus rose in February, a ministry official told Reuters.\n"
           "    Economists polled by Reuters had expected a smaller rise.\n Reuter\n")
    art = dateline.parse(own, date="1987-03-03")
    reuters = [e for e in art.entities if e.canonical == "Reuters"]
    assert reuters and all(e.section == "credit" for e in reuters)
    # Another agency's story that cites Reuters: news content, in the body.
    other = ("PARIS, Dec 17 (AFP) -- Reuters said on Sunday it would cut 500 jobs, and AFP reported "
             "the news agency's results.")
    art = dateline.parse(other, date="2023-12-17")
    sections = {(e.text, e.section) for e in art.entities if e.label == "ORG"}
    assert ("Reuters", "body") in sections
    assert ("AFP", "credit") in sections


def test_prose_is_not_a_credit_line():
    text = ("PARIS, Dec 17 (AFP) -- Investors contributed 5 million euros to the fund.\n\n"
            "Copyright laws were changed in 1998, the ministry said.")
    art = dateline.parse(text)
    assert art.credits == []
    assert art.paragraphs[0].text.startswith("Investors contributed")


def test_tables_have_a_section_column_and_stats_leave_credits_out():
    corpus = Corpus.from_records(dateline.sample_corpus())
    t = corpus.tables()
    for name in ("entities", "quotes", "events"):
        assert "section" in t[name].columns, name
        assert set(t[name]["section"]) <= set(stats.SECTIONS)
    ents = t["entities"]
    assert "kb_id" in ents.columns and ents["kb_id"].isna().all()
    credit_people = set(ents.loc[(ents["section"] == "credit") & (ents["label"] == "PERSON"), "canonical"])
    assert {"Anna Brunner", "Tom Reddy", "Tom Becker"} <= credit_people
    default = stats.entity_frequency(ents)
    every = stats.entity_frequency(ents, sections=None)
    assert not credit_people & set(default["entity"])
    assert credit_people <= set(every["entity"])
    # The dateline agency is no story content either.
    assert "Reuters" not in set(default["entity"]) and "Reuters" in set(every["entity"])
    pairs = stats.cooccurrence(ents, unit="story")
    assert not ({"Anna Brunner", "Tom Reddy"} <= set(pairs["entity_a"]) | set(pairs["entity_b"]))
    only_credits = stats.entity_frequency(ents, sections="credit")
    assert set(only_credits["entity"]) >= credit_people
    with pytest.raises(InputError, match="unknown section"):
        stats.entity_frequency(ents, sections=["footer"])
    # A table without the column (an older run) is counted whole.
    assert len(stats.entity_frequency(ents.drop(columns="section"))) == len(every)


# ------------------------------------------------------------------------------- surface forms


def test_capitals_take_the_usual_form():
    art = _parse("05-reuters-modern-zurich")
    zurich = [e for e in art.entities if e.text == "ZURICH"][0]
    assert zurich.canonical == "Zurich"
    text = ("LONDON, March 3 - Woolworth said profits rose. WOOLWORTH shares gained in London, and Opec "
            "ministers met. OPEC said output was steady.")
    art = dateline.parse(text, date="1987-03-03")
    canon = {e.text: e.canonical for e in art.entities}
    assert canon["LONDON"] == "London"
    assert canon.get("WOOLWORTH", "Woolworth") == "Woolworth"
    assert canon["Opec"] == canon["OPEC"] != "Opec"
    assert all(not (c.isupper() and len(c) > 5) for c in canon.values() if " " in c or c.isalpha())


def test_stats_fold_case_variants_across_stories():
    ents = pd.DataFrame({
        "id": ["a", "b", "c", "d", "e"],
        "text": ["EAST PALESTINE", "East Palestine", "East Palestine", "NATO", "Nato"],
        "label": ["GPE", "GPE", "GPE", "ORG", "ORG"],
        "canonical": ["EAST PALESTINE", "East Palestine", "East Palestine", "NATO", "NATO"],
    })
    freq = stats.entity_frequency(ents)
    assert dict(zip(freq["entity"], freq["mentions"])) == {"East Palestine": 3, "NATO": 2}
    usual = stats.usual_forms(ents)
    assert list(usual["canonical"]) == ["East Palestine"] * 3 + ["NATO"] * 2
    assert list(usual["story_canonical"]) == list(ents["canonical"])


# -------------------------------------------------------------------------------- user names

ALIASES = {"Big Blue": ("IBM", "ORG", "Q37156"), "Ronnie": "Ronald Reagan"}
PATTERNS = [
    {"label": "PRODUCT", "pattern": [{"LOWER": "quantum"}, {"LOWER": "widget"}], "id": "qw-1"},
    {"label": "ORG", "pattern": "Norvale Systems", "name": "Norvale"},
]
USER_STORY = ("NEW YORK, May 2 (Reuters) - Big Blue and Norvale Systems will build the QUANTUM WIDGET, "
              "the companies said on Tuesday. Big Blueberry farms were not involved.")


def _user_entities(ents):
    return {(e.text, e.label, e.canonical, e.kb_id) for e in ents}


def test_aliases_and_patterns_in_parse():
    art = dateline.parse(USER_STORY, aliases=ALIASES, patterns=PATTERNS)
    got = _user_entities(art.entities)
    assert ("Big Blue", "ORG", "IBM", "Q37156") in got
    assert ("QUANTUM WIDGET", "PRODUCT", "QUANTUM WIDGET", "qw-1") in got
    assert ("Norvale Systems", "ORG", "Norvale", None) in got
    assert not any(t.startswith("Big Blueberry") and k for t, _, _, k in got)
    plain = _user_entities(dateline.parse(USER_STORY).entities)
    assert ("Big Blue", "ORG", "IBM", "Q37156") not in plain
    # Compiled once, passed as aliases.
    names = dateline.compile_names(ALIASES, PATTERNS)
    assert len(names) == 4
    assert _user_entities(dateline.parse(USER_STORY, aliases=names).entities) == got


def test_aliases_from_csv_and_dataframe(tmp_path):
    path = tmp_path / "aliases.csv"
    path.write_text("alias,name,label,id\nBig Blue,IBM,ORG,Q37156\n", encoding="utf-8")
    from_csv = dateline.parse(USER_STORY, aliases=str(path))
    df = pd.DataFrame({"alias": ["Big Blue"], "name": ["IBM"], "label": ["ORG"], "kb_id": ["Q37156"]})
    from_df = dateline.parse(USER_STORY, aliases=df)
    for art in (from_csv, from_df):
        assert ("Big Blue", "ORG", "IBM", "Q37156") in _user_entities(art.entities)


@pytest.mark.parametrize(
    ("aliases", "patterns", "message"),
    [
        ({"X": ("Y", "COMPANY")}, None, "unknown label"),
        (None, [{"label": "ORG", "pattern": [{"SHAPE": "Xxx"}]}], "not supported"),
        (None, [{"pattern": "Acme"}], "label"),
        ({"": "Nothing"}, None, "empty"),
    ],
)
def test_bad_user_names_are_input_errors(aliases, patterns, message):
    with pytest.raises(InputError, match=message):
        dateline.parse(USER_STORY, aliases=aliases, patterns=patterns)


def test_user_names_in_every_corpus_method(tmp_path):
    corpus = Corpus.from_records([{"id": "s1", "text": USER_STORY, "date": "2024-05-02"}])
    ents = corpus.entities(aliases=ALIASES, patterns=PATTERNS)
    row = ents[ents["text"] == "Big Blue"].iloc[0]
    assert (row["label"], row["canonical"], row["kb_id"], row["section"]) == ("ORG", "IBM", "Q37156", "body")
    assert "Big Blue" not in set(corpus.entities()["text"]) or corpus.entities()["kb_id"].isna().all()
    tables = corpus.tables(aliases=ALIASES)
    assert "Q37156" in set(tables["entities"]["kb_id"].dropna())
    arrow = corpus.to_arrow("entities", aliases=ALIASES)
    assert "Q37156" in arrow.column("kb_id").to_pylist()
    events = corpus.events(aliases=ALIASES)
    assert "section" in events.columns
    quotes = corpus.quotes(aliases=ALIASES)
    assert "section" in quotes.columns
    arts = corpus.articles(aliases=ALIASES)
    assert arts["n_entities"].iloc[0] == len(ents[ents["id"] == "s1"]) or arts["n_entities"].iloc[0] > 0
    summary = corpus.to_parquet(tmp_path / "out", aliases=ALIASES, patterns=PATTERNS)
    assert summary.stories == 1
    saved = pd.read_parquet(tmp_path / "out" / "entities.parquet")
    assert "qw-1" in set(saved["kb_id"].dropna())
