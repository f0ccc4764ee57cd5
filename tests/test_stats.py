"""Statistics against counts worked out by hand on a tiny corpus written for these tests.

The corpus (four invented stories; sentence index in brackets):

  s1  2024-03-04 (Mon) AP       [0] Acme Corp hired Jane Doe in Paris.  [1] Acme said Paris was key.
  s2  2024-03-05 (Tue) AP       [0] Acme Corp and Ms Doe met on Tuesday. [1] Berlin was next.
  s3  2024-03-12 (Tue) Reuters  [0] In Berlin, Jane Doe spoke.          [1] Globex left Berlin.
  s4  no date          Reuters  [0] Globex opened in Paris. [1] Markets were calm. [2] Washington watched.

Mentions (canonical name where it differs from the text): "Acme" -> Acme Corp, "Ms Doe" -> Jane Doe;
Globex has no canonical form (its text names it).
"""
import math

import pandas as pd
import pytest

from dateline import stats

TEXTS = {
    "s1": "Acme Corp hired Jane Doe in Paris. Acme said Paris was key.",
    "s2": "Acme Corp and Ms Doe met on Tuesday. Berlin was next.",
    "s3": "In Berlin, Jane Doe spoke. Globex left Berlin.",
    "s4": "Globex opened in Paris. Markets were calm. Washington watched.",
}
DATES = {"s1": "2024-03-04T09:15:00", "s2": "2024-03-05", "s3": "2024-03-12T23:59:00-05:00", "s4": None}
SOURCES = {"s1": "AP", "s2": "AP", "s3": "Reuters", "s4": "Reuters"}
# (story, sentence, surface text, label, canonical)
MENTIONS = [
    ("s1", 0, "Acme Corp", "ORG", "Acme Corp"),
    ("s1", 0, "Jane Doe", "PER", "Jane Doe"),
    ("s1", 0, "Paris", "LOC", "Paris"),
    ("s1", 1, "Acme", "ORG", "Acme Corp"),
    ("s1", 1, "Paris", "LOC", "Paris"),
    ("s2", 0, "Acme Corp", "ORG", "Acme Corp"),
    ("s2", 0, "Ms Doe", "PER", "Jane Doe"),
    ("s2", 1, "Berlin", "LOC", "Berlin"),
    ("s3", 0, "Berlin", "LOC", "Berlin"),
    ("s3", 0, "Jane Doe", "PER", "Jane Doe"),
    ("s3", 1, "Globex", "ORG", None),
    ("s3", 1, "Berlin", "LOC", "Berlin"),
    ("s4", 0, "Globex", "ORG", None),
    ("s4", 0, "Paris", "LOC", "Paris"),
    ("s4", 2, "Washington", "LOC", "Washington"),
]


def make_entities():
    rows, cursor = [], {}
    for sid, sent, text, label, canon in MENTIONS:
        start = TEXTS[sid].index(text, cursor.get(sid, 0))
        cursor[sid] = start + len(text)
        rows.append(dict(id=sid, date=DATES[sid], text=text, label=label, canonical=canon,
                         start=start, end=start + len(text), sentence=sent, title=None, value=None,
                         country_code=None))
    return pd.DataFrame(rows)


@pytest.fixture
def ents():
    return make_entities()


@pytest.fixture
def articles():
    return pd.DataFrame({"id": list(TEXTS), "date": [DATES[k] for k in TEXTS],
                         "source": [SOURCES[k] for k in TEXTS]})


@pytest.fixture
def quotes():
    return pd.DataFrame({
        "id": ["s1", "s1", "s2", "s3", "s4"],
        "text": ["We will grow", "Growth is slow", "No comment", "Prices rose", "Calm"],
        "speaker": ["Jane Doe", "Jane Doe", "Jane Doe", "John Roe", None],
        "source": [None] * 5,
        "verb": ["said", "added", "said", "told", "said"],
        "sentence": [0, 1, 0, 0, 1],
    })


def row(df, **where):
    sel = df
    for k, v in where.items():
        sel = sel[sel[k] == v]
    assert len(sel) == 1, f"expected one row for {where}, got {len(sel)}"
    return sel.iloc[0]


# ---------------------------------------------------------------------------------------------

def test_frequency_by_hand(ents):
    f = stats.entity_frequency(ents)
    # Sorted by mentions, stories, name: Jane Doe (3 mentions, 3 stories), then the 3-mention,
    # 2-story entities alphabetically, then Globex (2, 2), Washington (1, 1).
    assert list(f["entity"]) == ["Jane Doe", "Acme Corp", "Berlin", "Paris", "Globex", "Washington"]
    assert list(f["mentions"]) == [3, 3, 3, 3, 2, 1]
    assert list(f["stories"]) == [3, 2, 2, 2, 2, 1]
    acme = row(f, entity="Acme Corp")
    assert acme.label == "ORG"
    assert acme.first_date == pd.Timestamp("2024-03-04") and acme.last_date == pd.Timestamp("2024-03-05")
    # s3's date has a -05:00 offset and a late hour: the calendar date as written counts.
    assert row(f, entity="Jane Doe").last_date == pd.Timestamp("2024-03-12")
    # Paris: s1 (dated) and s4 (undated): first = last = s1's date.
    paris = row(f, entity="Paris")
    assert paris.first_date == paris.last_date == pd.Timestamp("2024-03-04")
    assert pd.isna(row(f, entity="Washington").first_date)


def test_frequency_filters(ents):
    f = stats.entity_frequency(ents, labels="ORG")
    assert list(f["entity"]) == ["Acme Corp", "Globex"]
    f = stats.entity_frequency(ents, exclude_labels=["LOC", "ORG"])
    assert list(f["entity"]) == ["Jane Doe"]
    assert list(stats.entity_frequency(ents, top=2)["entity"]) == ["Jane Doe", "Acme Corp"]
    assert list(stats.entity_frequency(ents, min_mentions=3)["entity"]) == ["Jane Doe", "Acme Corp", "Berlin", "Paris"]


def test_frequency_by_label_splits_and_merges():
    df = pd.DataFrame({"id": ["a", "a", "b"], "text": ["Washington"] * 3, "label": ["PER", "LOC", "LOC"],
                       "canonical": [None] * 3, "date": [None] * 3})
    f = stats.entity_frequency(df)
    rows = [(r.entity, r.label, r.mentions) for r in f.itertuples()]
    assert rows == [("Washington", "LOC", 2), ("Washington", "PER", 1)]
    merged = stats.entity_frequency(df, by_label=False)
    assert [(r.entity, r.label, r.mentions, r.stories) for r in merged.itertuples()] == [("Washington", "LOC", 3, 2)]


def test_frequency_accepts_datetime_dates_and_empty(ents):
    dt = ents.assign(date=pd.to_datetime(ents["date"].str.slice(0, 10)))
    f = stats.entity_frequency(dt)
    assert row(f, entity="Jane Doe").last_date == pd.Timestamp("2024-03-12")
    empty = stats.entity_frequency(ents.iloc[:0])
    assert len(empty) == 0
    assert list(empty.columns) == ["entity", "label", "mentions", "stories", "first_date", "last_date"]


def test_missing_column_is_a_clear_error(ents):
    with pytest.raises(ValueError, match="lacks column.*'label'"):
        stats.entity_frequency(ents.drop(columns=["label"]))
    with pytest.raises(TypeError, match="expected a pandas DataFrame"):
        stats.entity_frequency([1, 2, 3])


# ---------------------------------------------------------------------------------------------
# Sentence units (story, sentence), N = 8:
#   u1 s1/0 {Acme, Jane, Paris}  u2 s1/1 {Acme, Paris}  u3 s2/0 {Acme, Jane}  u4 s2/1 {Berlin}
#   u5 s3/0 {Berlin, Jane}       u6 s3/1 {Globex, Berlin}  u7 s4/0 {Globex, Paris}  u8 s4/2 {Washington}
# Units per entity: Acme 3, Jane 3, Paris 3, Berlin 3, Globex 2, Washington 1.
# Pairs: Acme-Jane 2 (u1, u3), Acme-Paris 2 (u1, u2), Jane-Paris 1, Berlin-Jane 1, Berlin-Globex 1,
#        Globex-Paris 1.

def test_sentence_cooccurrence_by_hand(ents):
    co = stats.cooccurrence(ents, unit="sentence")
    assert co.attrs == {"unit": "sentence", "n_units": 8}
    pairs = [(r.entity_a, r.entity_b, r.count) for r in co.itertuples()]
    assert pairs == [
        ("Acme Corp", "Jane Doe", 2), ("Acme Corp", "Paris", 2),
        ("Berlin", "Globex", 1), ("Berlin", "Jane Doe", 1), ("Globex", "Paris", 1), ("Jane Doe", "Paris", 1),
    ]
    aj = row(co, entity_a="Acme Corp", entity_b="Jane Doe")
    assert (aj.label_a, aj.label_b, aj.count_a, aj.count_b) == ("ORG", "PER", 3, 3)
    # PMI = ln((2/8) / ((3/8)(3/8))) = ln(16/9) = 0.5753641449035618
    # NPMI = ln(16/9) / -ln(2/8) = 0.5753641449035618 / 1.3862943611198906 = 0.41503749927884376
    assert aj.pmi == pytest.approx(0.5753641449035618, abs=1e-12)
    assert aj.npmi == pytest.approx(0.41503749927884376, abs=1e-12)
    bg = row(co, entity_a="Berlin", entity_b="Globex")
    # PMI = ln((1/8) / ((3/8)(2/8))) = ln(4/3) = 0.28768207245178085; NPMI = / ln 8 = 0.13834586
    assert bg.pmi == pytest.approx(0.28768207245178085, abs=1e-12)
    assert bg.npmi == pytest.approx(0.28768207245178085 / 2.0794415416798357, abs=1e-12)
    jp = row(co, entity_a="Jane Doe", entity_b="Paris")
    # PMI = ln((1/8) / ((3/8)(3/8))) = ln(8/9) = -0.11778303565638346 (negative: less than chance)
    assert jp.pmi == pytest.approx(-0.11778303565638346, abs=1e-12)
    assert jp.npmi == pytest.approx(-0.11778303565638346 / math.log(8), abs=1e-12)


def test_cooccurrence_min_count_labels_and_n_units(ents):
    co = stats.cooccurrence(ents, min_count=2)
    assert [(r.entity_a, r.entity_b) for r in co.itertuples()] == [("Acme Corp", "Jane Doe"), ("Acme Corp", "Paris")]
    # Label filters keep N = 8 and the marginals: only which pairs are listed changes.
    co = stats.cooccurrence(ents, labels=["ORG", "PER"])
    assert [(r.entity_a, r.entity_b, r.count, r.count_a, r.count_b) for r in co.itertuples()] == [
        ("Acme Corp", "Jane Doe", 2, 3, 3)]
    assert co.attrs["n_units"] == 8
    assert co.pmi.iloc[0] == pytest.approx(math.log(16 / 9))
    # With N = 16 (say all sentences of the corpus): PMI = ln((2/16) / ((3/16)^2)) = ln(32/9).
    co = stats.cooccurrence(ents, labels=["ORG", "PER"], n_units=16)
    assert co.pmi.iloc[0] == pytest.approx(math.log(32 / 9))
    assert co.npmi.iloc[0] == pytest.approx(math.log(32 / 9) / math.log(8))
    with pytest.raises(ValueError, match="smaller than the 8 sentences"):
        stats.cooccurrence(ents, n_units=5)
    with pytest.raises(ValueError, match="unit must be"):
        stats.cooccurrence(ents, unit="paragraph")


# Story units, N = 4: s1 {Acme, Jane, Paris}, s2 {Acme, Jane, Berlin}, s3 {Berlin, Jane, Globex},
# s4 {Globex, Paris, Washington}. Stories per entity: Jane 3, the others 2, Washington 1.

def test_story_cooccurrence_by_hand(ents):
    co = stats.cooccurrence(ents, unit="story")
    assert co.attrs["n_units"] == 4
    assert len(co) == 10
    top = [(r.entity_a, r.entity_b, r.count) for r in co.head(2).itertuples()]
    assert top == [("Acme Corp", "Jane Doe", 2), ("Berlin", "Jane Doe", 2)]
    # Acme-Jane: PMI = ln((2/4) / ((2/4)(3/4))) = ln(4/3); NPMI = ln(4/3) / ln 2 = 0.4150374992788438
    aj = row(co, entity_a="Acme Corp", entity_b="Jane Doe")
    assert aj.pmi == pytest.approx(math.log(4 / 3))
    assert aj.npmi == pytest.approx(0.4150374992788438)
    # Globex-Washington: PMI = ln((1/4) / ((2/4)(1/4))) = ln 2; NPMI = ln 2 / ln 4 = 0.5
    gw = row(co, entity_a="Globex", entity_b="Washington")
    assert (gw.pmi, gw.npmi) == (pytest.approx(math.log(2)), pytest.approx(0.5))


def test_cooccurrence_without_labels(ents):
    co = stats.cooccurrence(ents, by_label=False, min_count=2)
    assert list(co.columns) == ["entity_a", "entity_b", "count", "count_a", "count_b", "pmi", "npmi"]


# ---------------------------------------------------------------------------------------------
# Weeks end on Sunday: s1 (Mon 4 March) and s2 (Tue 5 March) fall in the week 2024-03-04/2024-03-10,
# s3 (Tue 12 March) in the next; s4 has no date (its 3 mentions are left out).

def test_weekly_timeline_by_hand(ents):
    tl = stats.timeline(ents, ["Jane Doe", "Acme Corp", "Berlin", "Nobody"], freq="week")
    assert isinstance(tl.index, pd.PeriodIndex)
    assert list(tl.index.astype(str)) == ["2024-03-04/2024-03-10", "2024-03-11/2024-03-17"]
    assert list(tl.columns) == ["Jane Doe", "Acme Corp", "Berlin", "Nobody"]
    assert tl["Jane Doe"].tolist() == [2, 1]
    assert tl["Acme Corp"].tolist() == [3, 0]
    assert tl["Berlin"].tolist() == [1, 2]
    assert tl["Nobody"].tolist() == [0, 0]
    assert tl.attrs["undated"] == 3
    st = stats.timeline(ents, ["Acme Corp", "Berlin", "Paris"], freq="W", count="stories")
    assert st["Acme Corp"].tolist() == [2, 0]
    assert st["Berlin"].tolist() == [1, 1]
    assert st["Paris"].tolist() == [1, 0]


def test_daily_and_monthly_timeline(ents):
    tl = stats.timeline(ents, "Berlin", freq="D")
    assert len(tl) == 9  # 4 to 12 March, every day
    assert tl.loc[pd.Period("2024-03-05", "D"), "Berlin"] == 1
    assert tl.loc[pd.Period("2024-03-12", "D"), "Berlin"] == 2
    assert tl["Berlin"].sum() == 3
    m = stats.timeline(ents, freq="M", top=2)
    assert list(m.index.astype(str)) == ["2024-03"]
    # Top 2 by mentions (all dated or not): Jane Doe (3 mentions, 3 stories), Acme Corp.
    assert list(m.columns) == ["Jane Doe", "Acme Corp"]
    assert m.iloc[0].tolist() == [3, 3]
    wide = stats.timeline(ents, "Berlin", freq="M", start="2024-01-15", end="2024-04-01")
    assert list(wide.index.astype(str)) == ["2024-01", "2024-02", "2024-03", "2024-04"]
    assert wide["Berlin"].tolist() == [0, 0, 3, 0]


# ---------------------------------------------------------------------------------------------
# Keyness of AP (s1, s2) against Reuters (s3, s4), by mentions: c = 5 + 3 = 8, d = 4 + 3 = 7.
#  Acme Corp a = 3, b = 0: E1 = 8*3/15 = 1.6; G2 = 2 (3 ln(3/1.6)) = 6 ln 1.875 = 6 * 0.6286086594 = 3.7716519566
#     log ratio = log2((3/8) / (0.5/7)) = log2(5.25) = 2.3923174227787602
#  Jane Doe a = 2, b = 1: E1 = 1.6, E2 = 7*3/15 = 1.4; G2 = 2 (2 ln(2/1.6) + ln(1/1.4)) = 0.21963...
#     log ratio = log2((2/8) / (1/7)) = log2(1.75); %DIFF = 100 (2/8 - 1/7) / (1/7) = 75
#  Paris a = 2, b = 1: as Jane Doe. Berlin (1, 2), Globex (0, 2), Washington (0, 1) are under.

def test_keyness_by_hand(ents, articles):
    k = stats.keyness(ents, {"source": "AP"}, articles=articles, pct_diff=True)
    assert (k.attrs["target_size"], k.attrs["reference_size"]) == (8, 7)
    assert list(k["entity"]) == ["Acme Corp", "Jane Doe", "Paris"]
    acme = k.iloc[0]
    assert (acme.target, acme.reference) == (3, 0)
    assert acme.g2 == pytest.approx(6 * math.log(1.875), abs=1e-12)
    assert acme.g2 == pytest.approx(3.7716520, abs=1e-6)
    assert acme.log_ratio == pytest.approx(2.3923174227787602, abs=1e-12)
    assert acme.pct_diff == math.inf
    jane = row(k, entity="Jane Doe")
    assert jane.g2 == pytest.approx(2 * (2 * math.log(2 / 1.6) + math.log(1 / 1.4)), abs=1e-12)
    assert jane.g2 == pytest.approx(0.2196297, abs=1e-6)
    assert jane.log_ratio == pytest.approx(math.log2(1.75), abs=1e-12)
    assert jane.pct_diff == pytest.approx(75.0)
    assert jane.target_rel == pytest.approx(2 / 8) and jane.reference_rel == pytest.approx(1 / 7)
    under = stats.keyness(ents, {"source": "AP"}, articles=articles, direction="under")
    # Globex (0, 2): E2 = 7*2/15, G2 = 2 (2 ln(2 / (14/15))) = 4 ln(15/7) = 3.0485;
    # Washington (0, 1): G2 = 2 ln(15/7) = 1.5243; Berlin (1, 2): 2 (ln(1/1.6) + 2 ln(2/1.4)) = 0.4867.
    assert list(under["entity"]) == ["Globex", "Washington", "Berlin"]
    assert list(under["g2"]) == pytest.approx([4 * math.log(15 / 7), 2 * math.log(15 / 7),
                                               2 * (math.log(1 / 1.6) + 2 * math.log(2 / 1.4))])
    both = stats.keyness(ents, {"source": "AP"}, articles=articles, direction="both")
    assert len(both) == 6


def test_keyness_selections_agree(ents, articles):
    by_source = stats.keyness(ents, {"source": "AP"}, articles=articles)
    by_ids = stats.keyness(ents, ["s1", "s2"])
    by_mask = stats.keyness(ents, pd.Series([True, True, False, False], index=["s1", "s2", "s3", "s4"]))
    by_ref = stats.keyness(ents, ["s1", "s2"], {"source": "Reuters"}, articles=articles)
    for other in (by_ids, by_mask, by_ref):
        pd.testing.assert_frame_equal(by_source, other)
    # By period: target = stories dated 4-5 March = s1, s2; reference = everything else (s3, s4).
    by_period = stats.keyness(ents, {"start": "2024-03-04", "end": "2024-03-05"}, articles=articles)
    pd.testing.assert_frame_equal(by_source, by_period)
    # Integer story ids (e.g. Reuters NEWIDs) select alike.
    as_int = ents.assign(id=ents["id"].str.slice(1).astype(int))
    pd.testing.assert_frame_equal(stats.keyness(as_int, [1, 2]), by_ids)
    assert list(stats.stories_where(articles, source="Reuters")) == ["s3", "s4"]
    assert list(stats.stories_where(ents, start="2024-03-05")) == ["s2", "s3"]


def test_keyness_by_stories(ents):
    # c = d = 2 stories. Acme Corp in 2 AP stories, 0 Reuters: E1 = 2*2/4 = 1, G2 = 2 (2 ln 2) = 4 ln 2;
    # log ratio = log2((2/2) / (0.5/2)) = 2.
    k = stats.keyness(ents, ["s1", "s2"], count="stories")
    acme = row(k, entity="Acme Corp")
    assert (acme.target, acme.reference) == (2, 0)
    assert acme.g2 == pytest.approx(4 * math.log(2), abs=1e-12)
    assert acme.log_ratio == pytest.approx(2.0)
    # Label filters change which entities are listed, not the part sizes.
    org = stats.keyness(ents, ["s1", "s2"], labels="ORG")
    assert list(org["entity"]) == ["Acme Corp"] and org.attrs["target_size"] == 8


def test_keyness_errors(ents, articles):
    with pytest.raises(TypeError, match="got the string 'AP'"):
        stats.keyness(ents, "AP", articles=articles)
    with pytest.raises(ValueError, match="needs the articles table"):
        stats.keyness(ents, {"source": "AP"})
    with pytest.raises(ValueError, match="in both target and reference"):
        stats.keyness(ents, ["s1", "s2"], ["s2", "s3"])
    with pytest.raises(ValueError, match="must both be non-empty"):
        stats.keyness(ents, ["nope"])


# ---------------------------------------------------------------------------------------------

def test_quotes_by_speaker(quotes, articles):
    q = stats.quotes_by_speaker(quotes, articles)
    assert list(q["speaker"]) == ["Jane Doe", "John Roe"]
    assert list(q["quotes"]) == [3, 1]
    assert list(q["stories"]) == [2, 1]
    assert list(q["verb"]) == ["said", "told"]  # Jane Doe: said 2, added 1
    assert q.loc[0, "first_date"] == pd.Timestamp("2024-03-04")
    assert q.loc[0, "last_date"] == pd.Timestamp("2024-03-05")
    assert q.loc[1, "first_date"] == pd.Timestamp("2024-03-12")
    assert q.attrs["unattributed"] == 1
    assert list(stats.quotes_by_speaker(quotes, top=1)["speaker"]) == ["Jane Doe"]


def test_kwic_word_and_entity(ents):
    w = stats.kwic(TEXTS, "paris", width=10)
    assert list(zip(w["id"], w["start"])) == [("s1", 28), ("s1", 45), ("s4", 17)]
    first = w.iloc[0]
    assert (first.left, first.match, first.right) == ("ne Doe in ", "Paris", ". Acme sai")
    assert first.line == "ne Doe in  [Paris] . Acme sai"
    assert len(stats.kwic(TEXTS, "paris", case=True)) == 0
    # Whole words only: "Acme" is in "Acme Corp" twice and alone once.
    assert len(stats.kwic(TEXTS, "Acme")) == 3
    assert len(stats.kwic(TEXTS, "Acme Corp")) == 2
    assert len(stats.kwic(TEXTS, "Acm")) == 0
    assert len(stats.kwic(TEXTS, r"Glob\w+", regex=True)) == 2
    # Entity mode: every mention of the canonical entity, whatever its surface form.
    e = stats.kwic(TEXTS, "Jane Doe", entities=ents, width=8)
    assert list(e["match"]) == ["Jane Doe", "Ms Doe", "Jane Doe"]
    assert e.iloc[1].left == "orp and "  # 8 characters before "Ms Doe"
    # Texts as a Series or a DataFrame work alike.
    s = stats.kwic(pd.Series(TEXTS), "Jane Doe", entities=ents)
    d = stats.kwic(pd.DataFrame({"id": list(TEXTS), "text": list(TEXTS.values())}), "Jane Doe", entities=ents)
    pd.testing.assert_frame_equal(s, d)
    assert len(stats.kwic(TEXTS, "Berlin", ids=["s3"], limit=1)) == 1
    with pytest.raises(KeyError, match="no text for story id 's1'"):
        stats.kwic({"s2": TEXTS["s2"]}, "Acme Corp", entities=ents)


def test_network(ents):
    nx = pytest.importorskip("networkx")
    freq = stats.entity_frequency(ents)
    g = stats.cooccurrence_network(ents, unit="sentence", frequency=freq)
    assert isinstance(g, nx.Graph)
    assert g.number_of_nodes() == 5 and g.number_of_edges() == 6  # Washington has no partner
    assert g.edges["Acme Corp", "Jane Doe"]["count"] == 2
    assert g.nodes["Acme Corp"]["label"] == "ORG" and g.nodes["Acme Corp"]["mentions"] == 3
    assert g.nodes["Berlin"]["units"] == 3
    g2 = stats.cooccurrence_network(stats.cooccurrence(ents), weight="npmi", top=2)
    assert g2.number_of_edges() == 2
    assert g2.edges["Acme Corp", "Jane Doe"]["weight"] == pytest.approx(0.41503749927884376)


def test_corpus_stats_wrapper(ents, articles, quotes):
    cs = stats.CorpusStats(ents, articles, quotes, texts=TEXTS)
    assert "15 mentions in 4 stories" in repr(cs)
    pd.testing.assert_frame_equal(cs.frequency(), stats.entity_frequency(ents))
    assert cs.keyness({"source": "AP"}).iloc[0].entity == "Acme Corp"
    assert cs.quotes_by_speaker().iloc[0].speaker == "Jane Doe"
    assert len(cs.kwic("Acme Corp")) == 3
    assert len(cs.kwic("Acme Corp", entity=False)) == 2
    assert cs.timeline("Berlin", freq="W")["Berlin"].tolist() == [1, 2]


def test_parquet_roundtrip(ents, tmp_path):
    path = tmp_path / "ents.parquet"
    ents.to_parquet(path)
    back = stats.CorpusStats.from_parquet(str(path))
    pd.testing.assert_frame_equal(back.cooccurrence(), stats.cooccurrence(ents))


def test_row_order_does_not_matter(ents):
    shuffled = ents.sample(frac=1.0, random_state=7)
    pd.testing.assert_frame_equal(stats.entity_frequency(shuffled), stats.entity_frequency(ents))
    pd.testing.assert_frame_equal(stats.cooccurrence(shuffled), stats.cooccurrence(ents))
    pd.testing.assert_frame_equal(stats.timeline(shuffled, ["Berlin"]), stats.timeline(ents, ["Berlin"]))


def test_kwic_text_sources(ents):
    pairs = stats.kwic(list(TEXTS.items()), "Globex")
    assert list(pairs["id"]) == ["s3", "s4"]

    class FakeCorpus:
        def entities(self):
            return ents

    with pytest.raises(TypeError, match="does not hand back its texts"):
        stats.kwic(FakeCorpus(), "Globex")

    class WithTexts(FakeCorpus):
        def texts(self):
            return TEXTS

    assert len(stats.kwic(WithTexts(), "Globex")) == 2
    cs = stats.CorpusStats.from_corpus(FakeCorpus(), texts=TEXTS)
    assert cs.articles is None and len(cs.kwic("Globex")) == 2


def test_sparse_sentence_numbers(ents):
    # Sentence indices far apart take the hashing path for unit codes; counts are the same.
    far = ents.assign(sentence=ents["sentence"] * 10_000_000)
    pd.testing.assert_frame_equal(stats.cooccurrence(far), stats.cooccurrence(ents))


def test_days_of_dates_missing_and_unparsable():
    # Day numbers as written (no time-zone shift); a missing or unparsable date is NO_DAY, and
    # the result is int32 whatever mix of values comes in.
    from dateline.stats._base import NO_DAY, _days

    got = _days(pd.Series([DATES["s3"], None, "not a date", "1970-01-02", DATES["s3"], None]))
    assert got.dtype == "int32"
    assert got.tolist() == [19794, NO_DAY, NO_DAY, 1, 19794, NO_DAY]
    assert _days(pd.Series([None, None])).tolist() == [NO_DAY, NO_DAY]
    assert _days(pd.Series([], dtype=object)).tolist() == []
