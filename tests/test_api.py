"""The Python API of single stories: names, types, str offsets (non-ASCII), dicts, reprs, errors."""
from __future__ import annotations

import datetime
import json
import pickle

import pytest

import dateline

YONHAP = (
    "S. Korea, Switzerland open talks on trade\n\n"
    "By Han Ji-woo\n\n"
    "SEOUL, May 2 (Yonhap) -- South Korea and Switzerland opened talks in Zürich on Tuesday, "
    "officials said, a week after Trade Minister Oh Sang-min visited Beijing (北京) and Tokyo.\n\n"
    "\"We want an agreement this year 🙂,\" Oh said. The talks will resume in Seoul in June.\n"
)


@pytest.fixture(scope="module")
def art():
    return dateline.parse(YONHAP, date="2023-05-02", source="fixture")


def test_parse_returns_article_with_named_parts(art):
    assert isinstance(art, dateline.Article)
    assert art.text == YONHAP
    assert art.source == "fixture"
    assert art.date == "2023-05-02"
    assert isinstance(art.advisory, list)
    assert isinstance(art.bylines, list)
    for name in ("paragraphs", "captions", "sentences", "tokens", "entities", "clusters", "quotes", "events"):
        assert isinstance(getattr(art, name), list), name
    assert isinstance(art.body, str)


def test_structure_of_a_yonhap_story(art):
    assert art.headline == "S. Korea, Switzerland open talks on trade"
    assert art.bylines == ["Han Ji-woo"]
    assert art.byline_details[0].raw.startswith("By Han Ji-woo")
    d = art.dateline
    assert (d.place, d.date, d.agency) == ("SEOUL", "2023-05-02", "Yonhap")
    assert YONHAP[d.start : d.end] == d.text
    assert len(art.paragraphs) == 2
    assert art.paragraphs[0].text.startswith("South Korea and Switzerland")
    assert "SEOUL" not in art.paragraphs[0].text
    assert art.body == "\n\n".join(p.text for p in art.paragraphs)


def test_offsets_are_str_indices_with_non_ascii_text(art):
    text = art.text
    assert art.tokens, "no tokens"
    assert art.sentences, "no sentences"
    for t in art.tokens:
        assert text[t.start : t.end] == t.text
    for s in art.sentences:
        assert text[s.start : s.end] == s.text
        assert s.section in ("headline", "dateline", "body", "caption")
    for e in art.entities:
        assert text[e.start : e.end] == e.text
        assert 0 <= e.sentence < len(art.sentences)
    words = [t.text for t in art.tokens]
    for w in ("Zürich", "北京", "Tuesday"):
        assert w in words, w
    # Tokens after the emoji still line up (a UTF-16 or byte offset would be off by one or more).
    last = art.tokens[-1]
    assert text[last.start : last.end] == last.text
    for p in art.paragraphs:
        assert text[p.start : p.end].split() == p.text.split()


def test_entity_offsets_with_non_ascii_names():
    text = "ZURICH, Feb 26 (Reuters) - Helvetia Bank moved jobs from Zürich to São Paulo and Kraków.\n"
    ents = dateline.entities(text, date="2024-02-26")
    assert ents, "no entities"
    for e in ents:
        assert text[e.start : e.end] == e.text
    found = {e.text for e in ents}
    assert {"Zürich", "São Paulo", "Kraków"} <= found


def test_bytes_input_gives_offsets_into_the_decoded_text():
    text = "BERLIN (dpa) - Die Bürgermeisterin von München sprach in Köln.\n"
    art = dateline.parse(text.encode("utf-8"))
    assert art.text == text
    for t in art.tokens:
        assert text[t.start : t.end] == t.text
    assert any(t.text == "München" for t in art.tokens)


def test_date_argument_forms():
    text = "PARIS, Dec 17 (AFP) -- Trains stopped.\n"
    assert dateline.parse(text, date=datetime.date(2023, 12, 17)).date == "2023-12-17"
    assert dateline.parse(text, date=datetime.datetime(2023, 12, 17, 9, 30)).date == "2023-12-17"
    assert dateline.parse(text, date="2023-12-17T09:30:00").date == "2023-12-17"
    for bad in ("17/12/2023", "2023-13-01", "yesterday", 20231217):
        with pytest.raises(dateline.InputError):
            dateline.parse(text, date=bad)


def test_dateline_without_year_takes_previous_year_across_new_year():
    art = dateline.parse("NEW YORK, Dec 31 - Markets closed higher.\n", date="1988-01-01")
    assert art.dateline is not None
    assert art.dateline.date == "1987-12-31"


def test_to_dict_is_json_ready_and_complete(art):
    d = art.to_dict(tokens=True)
    json.dumps(d)
    for key in ("date", "source", "advisory", "bylines", "headline", "dateline", "paragraphs", "captions",
                "body", "sentences", "tokens", "entities", "clusters", "quotes", "events", "text"):
        assert key in d, key
    assert d["text"] == YONHAP
    assert len(d["tokens"]) == len(art.tokens)
    slim = art.to_dict(text=False, tokens=False)
    assert "text" not in slim and "tokens" not in slim
    assert json.loads(art.to_json(text=False)) == slim
    # One set of defaults for both (issue 19): text in, tokens out.
    assert json.loads(art.to_json()) == art.to_dict()
    assert "text" in art.to_dict() and "tokens" not in art.to_dict()
    if art.entities:
        e = art.entities[0]
        assert e.to_dict() == d["entities"][0]
        assert set(e.to_dict()) >= {"text", "label", "start", "end", "sentence", "canonical", "title",
                                    "value", "country_code"}


def test_reprs_are_readable(art):
    r = repr(art)
    assert r.startswith("<Article") and "SEOUL" in r and "2023-05-02" in r
    assert repr(art.dateline) == "Dateline(place='SEOUL', date='2023-05-02', agency='Yonhap')"
    assert repr(art.tokens[0]).startswith("Token('")
    tricky = dateline.parse("It's \"quoted\" in Zürich\n", entities=False).tokens
    assert tricky
    for t in tricky:
        assert repr(t) == f"Token({t.text!r}, {t.start}, {t.end})"


def test_lists_are_copies(art):
    toks = art.tokens
    toks.clear()
    assert art.tokens, "clearing a returned list must not change the article"


def test_records_compare_by_value(art):
    assert art.tokens[0] == art.tokens[0]
    assert art.tokens[0] != art.tokens[1]
    assert hash(art.tokens[0]) == hash(art.tokens[0])


def test_entities_shortcut_matches_parse(art):
    assert dateline.entities(YONHAP, date="2023-05-02") == art.entities


def test_stage_switches():
    text = "WASHINGTON (AP) — Sen. Daniel Okafor of Ohio said on Tuesday the bill would pass.\n"
    fast = dateline.parse(text, entities=False)
    assert fast.tokens and fast.sentences
    assert fast.entities == []
    full = dateline.parse(text)
    assert [t.text for t in fast.tokens] == [t.text for t in full.tokens]


def test_exception_hierarchy():
    assert issubclass(dateline.InputError, dateline.DatelineError)
    assert issubclass(dateline.InputError, ValueError)
    assert issubclass(dateline.EncodingError, dateline.InputError)
    assert issubclass(dateline.EncodingError, UnicodeError)
    assert issubclass(dateline.ModelError, dateline.DatelineError)
    assert issubclass(dateline.ModelError, RuntimeError)
    e = dateline.EncodingError("bad byte", 7)
    again = pickle.loads(pickle.dumps(e))
    assert again.offset == 7 and str(again) == "bad byte"


def test_wrong_argument_types_raise_input_error():
    for bad in (None, 42, ["a story"], object()):
        with pytest.raises(dateline.InputError):
            dateline.parse(bad)
    with pytest.raises(dateline.InputError):
        dateline.parse("text", errors="ignore")


def test_sample_corpus_is_shipped():
    stories = dateline.sample_corpus()
    assert len(stories) >= 12
    assert len({s["id"] for s in stories}) == len(stories)
    for s in stories:
        assert s["text"].strip() and s["date"]
    assert dateline.sample_dir().is_dir()


def test_durations_and_sets_are_labelled_apart_from_dates():
    a = dateline.parse(
        "SEOUL, July 27 (Yonhap) -- The talks, held every Thursday for three years, ended on Wednesday.\n",
        date="2023-07-27",
    )
    got = {e.text: (e.label, e.value) for e in a.entities if e.value}
    assert got.get("three years") == ("DURATION", "P3Y"), got
    assert any(lab == "SET" for lab, _ in got.values()), got
    # a point in time stays a DATE
    assert got.get("Wednesday") == ("DATE", "2023-07-26"), got
